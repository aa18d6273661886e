"""Scoring a labelled corpus (JSON Lines rows `{"id", "text", "expected", "must_not_trade"?}`): exact matches and
wrong tradable signals. Shared by the corpus tests and `scripts/bench_parser.py` so both count the same way."""

from __future__ import annotations

from verzek.domain.signals import ParsedMessage
from verzek.parsing.status import POSITION_CHANGES

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
    # (a leverage the post does not state multiplies the position: "Split 60/40 between the buys" read as 40x on a spot
    # call; none read leaves the follower's own default, no wrong trade)
    if got["leverage"] is not None and got["leverage"] != expected["leverage"]:
        diff["leverage"] = (got["leverage"], expected["leverage"])
    return f"tradable with wrong {diff}" if diff else None


def wrong_close(row: dict, parsed: ParsedMessage) -> str | None:
    """Why `parsed` would be a wrong close for `row`: a close where the label is not one (a promo, a rule, a partial
    close, a plan step reported done), or a close of another coin — either would end a follower's real position.
    None when it is no close or closes what the label says (a close naming no coin applies only to the post it
    replies to)."""
    if parsed.kind.value != "close":
        return None
    expected = row["expected"]
    if expected["kind"] != "close":
        return f"close for a {expected['kind']} message"
    got = parsed.symbol
    # (the coin decides which position is closed: "RNDR/USD" read for "RNDR/USDT" closes the same one)
    if expected["symbol"] and got and got.split("/")[0] != expected["symbol"].split("/")[0]:
        return f"close of {got} for a close of {expected['symbol']}"
    return None




def wrong_position_change(row: dict, parsed: ParsedMessage) -> str | None:
    """Why `parsed` would wrongly change a follower's position: an update that moves a stop, closes part or adds an
    entry where the label is no update (a lesson, a question, a conditional plan), or one for another coin."""
    if parsed.kind.value != "update" or parsed.update_action is None \
            or parsed.update_action not in POSITION_CHANGES:
        return None
    expected = row["expected"]
    if expected["kind"] != "update":
        return f"{parsed.update_action.value} for a {expected['kind']} message"
    got = parsed.symbol
    if expected["symbol"] and got and got != expected["symbol"]:
        return f"{parsed.update_action.value} of {got} for an update of {expected['symbol']}"
    return None
