"""The first-character prefilter (verzek.parsing.re_prefilter) changes how fast a pattern runs, never what it matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verzek.parsing import lexicon, normalize, parser, re_prefilter, safety, status, symbols, tokens

CORPORA = Path(__file__).parent / "data"

# Shapes the prefilter must get right: zero-width starts, optional and repeated first items, case folding beyond
# ASCII ("ı", "ſ", the Kelvin sign), classes and ranges, inline global flags, named groups and back-references,
# and a verbose pattern ending in a comment.
TRICKY = [
    (r"(?<!\w)(?:close|cl[oa]se\w*|закры\w*)", re.IGNORECASE),
    (r"(?:a|b)?c+|(?<=x)y", 0),
    (r"(?:please\s+)?(?:kill|stop)\b", re.IGNORECASE),
    (r"\b(?:is|si)\b|(?=k)kelvin", re.IGNORECASE),
    (r"(?:\d+\s*)?(?:tp|take\s*profit)\s*\d", re.IGNORECASE),
    (r"(?P<w>[a-cx-z]{2})(?:\s+(?P=w))?", re.IGNORECASE),
    (r"(?i)(?:stop|ſtop)\s+loss", 0),
    (r"(?:x*)+y|z", 0),
    (r"(?>ab|a)c|(?:q|r)++s", 0),
    (r"(?:İstanbul|ıi)\w*", re.IGNORECASE),
    (r"(?:yes|no)  # a trailing comment\n", re.VERBOSE | re.IGNORECASE),
    (r"(?<!\$)(?:\s*-)?\s*(?:sl|стоп)", re.IGNORECASE | re.MULTILINE),
]
ALPHABET = "abcklnoqrstxyzACKLOSTXYZİıſKзЗ0123 \n$-#"


def _outcome(pattern: re.Pattern[str], text: str) -> list:
    found = pattern.search(text)
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)] + [
        found.span() if found else None, bool(pattern.fullmatch(text)), pattern.sub("_", text)]


def _pairs():
    """Every pattern the parsing modules compile at import, beside the same source compiled by the standard module."""
    seen = {}
    for module in (lexicon, normalize, parser, safety, status, symbols, tokens):
        for value in vars(module).values():
            found = [value] if isinstance(value, re.Pattern) else []
            if isinstance(value, status._Gated):
                found = [value.main, value.any_gate, *(p for pair in value.pairs for p in pair)]
            if isinstance(value, list):
                found = [p for item in value if isinstance(item, tuple) for p in item if isinstance(p, re.Pattern)]
                found += [g for item in value if isinstance(item, tuple) for p in item if isinstance(p, status._Gated)
                          for g in (p.main, *(q for pair in p.pairs for q in pair))]
            for pattern in found:
                seen[(pattern.pattern, pattern.flags)] = pattern
    return list(seen.values())


@pytest.mark.parametrize("source,flags", TRICKY)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=30))
def test_a_prefiltered_pattern_finds_what_the_plain_one_finds(source, flags, text):
    fast, plain = re_prefilter.compile(source, flags), re.compile(source, flags)
    assert _outcome(fast, text) == _outcome(plain, text)
    assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                                         plain.groupindex)


def test_the_prefilter_applies_where_the_engine_cannot_skip_ahead_and_nowhere_else():
    def filtered(source, flags=0):
        return re_prefilter.first_characters(re._parser.parse(source, flags)) is not None
    assert filtered(r"(?<!\w)(?:close|exit)", re.IGNORECASE)        # lookbehind first: the engine tries every position
    assert filtered(r"(?:Close|Exit)", re.IGNORECASE)               # cased letters under IGNORECASE: no prefix of its own
    assert not filtered(r"(?:close|exit)")                          # plain letters: the engine has a charset prefix
    assert not filtered(r"^\s*(?:close|exit)", re.IGNORECASE)       # anchored
    assert not filtered(r"(?<!\w)\w+\s+close", re.IGNORECASE)       # starts with almost anything
    assert not filtered(r"(?:close)?", re.IGNORECASE)               # may match nothing


def test_every_parsing_pattern_reads_the_corpora_as_the_standard_module_does():
    texts = [json.loads(line)["text"] for path in sorted(CORPORA.glob("*.jsonl"))[::6]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [(p, re.compile(p.pattern, p.flags)) for p in _pairs()]
    prefiltered = [(fast, plain) for fast, plain in pairs if fast != plain]  # (equal patterns have equal code)
    assert len(pairs) > 300 and len(prefiltered) > 50  # (the parser's own patterns, a good share of them prefiltered)
    for fast, plain in prefiltered:
        for text in texts:
            for sample in (text, text.lower()):
                assert [m.span() for m in fast.finditer(sample)] == [m.span() for m in plain.finditer(sample)], \
                    (plain.pattern[:80], sample[:80])
