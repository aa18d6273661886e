"""Does a post the parser could not read *look like* a signal? Decides whether an operator should see it.

A post is worth an operator's look when it carries trade vocabulary next to prices: a level label (entry, target,
stop) or a side word with at least two numbers, and either a coin or two different level labels. Chat, results
recaps and lessons the parser recognised with confidence are not sent (their `not_a_signal` reason says so).
"""

from __future__ import annotations

from verzek.parsing.lexicon import Field
from verzek.parsing.normalize import normalize, unmangle
from verzek.parsing.symbols import symbol_candidates
from verzek.parsing.tokens import Kind, tokenize_line, uses_comma_decimals

_LEVEL_FIELDS = frozenset({Field.ENTRY, Field.BUY, Field.TARGETS, Field.STOP})
_SIDE_FIELDS = frozenset({Field.LONG, Field.SHORT, Field.SELL})
# `not_a_signal` reasons that are a confident reading of the post, not a failure to read it.
CONFIDENT_REASONS = ("a results post", "a results recap", "a recap of a past trade", "says it is an example",
                     "tells readers not to take", "lesson or example", "indicator alert", "empty message")


def looks_like_signal(text: str, reason: str | None = None) -> bool:
    if not isinstance(text, str) or not text.strip():
        return False
    if reason and any(part in reason for part in CONFIDENT_REASONS):
        return False
    clean = normalize(unmangle(text[:4096]))
    comma = uses_comma_decimals(clean)
    tokens = [t for n, line in enumerate(clean.split("\n")) for t in tokenize_line(line, n, comma)]
    labels = {t.field for t in tokens if t.kind == Kind.LABEL}
    numbers = sum(1 for t in tokens if t.kind == Kind.NUM)
    level_labels = labels & _LEVEL_FIELDS
    if numbers < 2 or not (level_labels or labels & _SIDE_FIELDS):
        return False
    return bool(symbol_candidates(tokens)) or len(level_labels) >= 2
