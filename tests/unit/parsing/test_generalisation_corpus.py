"""The hand-labelled generalisation corpus (formats, languages and status/noise posts absent from the dev
set): a floor on the exact-match rate, and no message ever parsed into a wrong tradable signal.

Rows flagged `must_not_trade` are labelled literally (a stop on the wrong side, targets out of order, a
price missing a digit): the parse must match the label and still be rejected.
"""

import json
from pathlib import Path

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message

CORPUS = Path(__file__).parent / "data" / "generalisation_corpus.jsonl"
ROWS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
# Measured 263/264 when written; the one miss ("Hold for 1.70 / 1.85" as targets) is rejected, not traded.
MIN_EXACT_RATE = 0.99
TRADE_KEYS = ("symbol", "side", "entries", "targets", "stop_loss")


def test_corpus_is_large_and_well_formed():
    assert len(ROWS) >= 150
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for row in ROWS:
        assert set(row) >= {"id", "text", "expected", "format", "language", "notes"}
        assert row["expected"]["kind"] in {k.value for k in MessageKind}


def test_exact_match_rate():
    misses = [r["id"] for r in ROWS if parse_message(r["text"]).to_expected_dict() != r["expected"]]
    rate = 1 - len(misses) / len(ROWS)
    assert rate >= MIN_EXACT_RATE, f"exact {len(ROWS) - len(misses)}/{len(ROWS)}; misses: {misses}"


def _wrong_trade(row) -> str | None:
    parsed = parse_message(row["text"])
    if not parsed.tradable:
        return None
    expected = row["expected"]
    if expected["kind"] != "open":
        return f"tradable open for a {expected['kind']} message"
    if row.get("must_not_trade"):
        return "tradable although the post is inconsistent"
    got = parsed.to_expected_dict()
    diff = {k: (got[k], expected[k]) for k in TRADE_KEYS if got[k] != expected[k]}
    return f"tradable with wrong {diff}" if diff else None


def test_no_message_becomes_a_wrong_tradable_signal():
    wrong = {r["id"]: why for r in ROWS if (why := _wrong_trade(r))}
    assert wrong == {}


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("must_not_trade")], ids=lambda r: r["id"])
def test_inconsistent_posts_are_read_literally_and_rejected(row):
    parsed = parse_message(row["text"])
    assert parsed.to_expected_dict() == row["expected"]
    assert parsed.rejected
