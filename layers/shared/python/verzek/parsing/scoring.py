"""Scoring a labelled corpus (JSON Lines rows `{"id", "text", "expected", "must_not_trade"?}`): exact matches and
wrong tradable signals. Shared by the corpus tests and `scripts/bench_parser.py` so both count the same way."""

from __future__ import annotations

from verzek.domain.signals import ParsedMessage

TRADE_KEYS = ("symbol", "side", "entries", "targets", "stop_loss")


def wrong_trade(row: dict, parsed: ParsedMessage) -> str | None:
    """Why `parsed` would be a wrong trade for `row` (None when it is not tradable or trades what the label says)."""
    if not parsed.tradable:
        return None
    expected = row["expected"]
    if expected["kind"] != "open":
        return f"tradable open for a {expected['kind']} message"
    if row.get("must_not_trade"):
        return "tradable although the post must be held"
    got = parsed.to_expected_dict()
    diff = {k: (got[k], expected[k]) for k in TRADE_KEYS if got[k] != expected[k]}
    return f"tradable with wrong {diff}" if diff else None
