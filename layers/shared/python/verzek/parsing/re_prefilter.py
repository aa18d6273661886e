"""`re`, with one change: `compile` puts a first-character check in front of a pattern the regex engine cannot skip ahead on.

The parser's patterns are long case-insensitive alternations of words in many languages, most of them behind a
lookbehind ("(?<!\\w)(?:close|cerr\\w*|закры\\w*|…)"). For such a pattern CPython's engine has no prefix to scan for,
so at every position of the text it enters the alternation and tries its branches one by one. Every match must
start with one of a known set of characters (the first characters of the branches), so a lookahead for that set
("(?=[czkf…])", case-insensitive like the pattern) rejects most positions in one step. The compiled pattern matches
exactly what the original does — the lookahead only states what a match already implies — and keeps its source
(`.pattern`), groups and flags. The lookahead is put into the parsed pattern, so each pattern is still parsed once.

Left as they are: patterns the engine already scans for by itself (a literal or a character class first, or an
alternation of plain letters), patterns anchored to a start (`^`), patterns that can match the empty string, and
patterns whose first character may be almost anything (`\\w`, `\\W`, `.`, a negated class).
The parsing modules import this module as `re` (`from verzek.parsing import re_prefilter as re`).
"""

from __future__ import annotations

import _sre
import re as _re
import re._constants as _c  # the parsed form of a pattern, as the standard library's compiler reads it
from re import *
from re import Match, Pattern, _compiler, _parser, error, escape  # noqa: F401 — named for readers and type checkers

_CATEGORIES = frozenset({_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE})


class _Unknown(Exception):
    """The first character of a match cannot be narrowed down cheaply."""


def _first_of_sequence(items) -> tuple[set, bool]:
    """(class items — as the parser writes them — a match of `items` may start with, whether `items` may match nothing)."""
    first: set = set()
    for op, av in items:
        chars, empty = _first_of_item(op, av)
        first |= chars
        if not empty:
            return first, False
    return first, True


def _first_of_item(op, av) -> tuple[set, bool]:
    if op is _c.LITERAL:
        return {(_c.LITERAL, av)}, False
    if op is _c.IN:
        chars = set()
        for kind, value in av:
            if kind is _c.LITERAL or kind is _c.RANGE or kind is _c.CATEGORY and value in _CATEGORIES:
                chars.add((kind, value))
            else:  # (a negated class, \w, \W, \S: nearly any character)
                raise _Unknown
        return chars, False
    if op is _c.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            branch_chars, branch_empty = _first_of_sequence(branch)
            chars |= branch_chars
            empty = empty or branch_empty
        return chars, empty
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        if add_flags or del_flags:
            raise _Unknown
        return _first_of_sequence(items)
    if op is _c.ATOMIC_GROUP:
        return _first_of_sequence(av)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, _most, items = av
        chars, empty = _first_of_sequence(items)
        return chars, empty or least == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # (zero-width: the next item starts the match)
        return set(), True
    raise _Unknown  # (any character, a back-reference, a conditional group)


def _engine_scans_by_itself(items, flags: int) -> bool:
    """The standard compiler finds a prefix or first-character set of its own (`_get_literal_prefix` and
    `_get_charset_prefix` in re._compiler), or the pattern is anchored: a lookahead in front would only cost."""
    while items and items[0][0] is _c.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = items[0][1][3]
    if not items:
        return True
    op, av = items[0]
    if op is _c.AT or op is _c.IN:
        return True
    cased = flags & _re.IGNORECASE

    def plain(code: int) -> bool:
        return not cased or chr(code).lower() == chr(code).upper()
    if op is _c.LITERAL:
        return plain(av)
    if op is _c.BRANCH:
        return all(branch and branch[0][0] is _c.LITERAL and plain(branch[0][1]) for branch in av[1])
    return False


def first_characters(parsed) -> list | None:
    """The class items every match of a parsed pattern starts with, or None when there are none worth checking."""
    if _engine_scans_by_itself(parsed.data, parsed.state.flags):
        return None
    try:
        chars, empty = _first_of_sequence(parsed.data)
    except _Unknown:
        return None
    return None if empty or not chars else sorted(chars, key=repr)


def compile(pattern, flags: int = 0) -> Pattern:
    if not isinstance(pattern, str):
        return _re.compile(pattern, flags)
    flags = int(flags)
    parsed = _parser.parse(pattern, flags)
    first = first_characters(parsed)
    if first is None:
        return _re.compile(pattern, flags)
    # (the lookahead goes into the parsed pattern, so the text is parsed once and `.pattern` stays the source)
    parsed.data.insert(0, (_c.ASSERT, (1, _parser.SubPattern(parsed.state, [(_c.IN, first)]))))
    return _compile_parsed(pattern, parsed, flags)


def _compile_parsed(source: str, parsed, flags: int) -> Pattern:
    """The tail of re._compiler.compile, for a pattern parsed already (CPython 3.12's layout)."""
    code = _compiler._code(parsed, flags)
    group_index = parsed.state.groupdict
    index_group = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return _sre.compile(source, flags | parsed.state.flags, code, parsed.state.groups - 1, group_index,
                        tuple(index_group))
