"""Session 18 (z17s): money-safety look-alikes from blind batch z17 — others' stop-outs, one rung cancelled, a close told
to whoever still holds, one side closed. Variants in my own wording (never a corpus row), with the traps beside them."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _got(text: str) -> tuple:
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    return d["kind"], d["symbol"], d["side"], parsed.update_action and parsed.update_action.value


# --- another's stop-out is no close of ours -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nasty wick on ETH overnight — SL hit for a lot of traders 😵 We were flat, nothing to do.",
    "#SOL flush: stops hit for so many people today",
    "#DOGE stopped out for a bunch of other traders on that spike",
    "Stop hit for most traders on #XRP, lesson: never put stops on round numbers",
])
def test_others_stops_taken_by_a_wick_are_no_close(text):
    assert _got(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "A friend's group got stopped on #LINK this morning (their call, not ours).",
    "#ARB SL hit on another desk's signal — their trade, not ours",
    "Stopped out on #ARB? That was not our signal, a fake channel is using our name.",
    "Partner channel got stopped on #AAVE. We never entered AAVE.",
    "SL hit on #BTC during the wick. We had no BTC position, relax.",
    "#SOL SL hit on that wick — we weren't in SOL.",
    "#AAVE stopped out on the partner's signal — we never entered it",
])
def test_a_stop_out_the_post_disowns_is_no_close(text):
    assert _got(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text, symbol", [
    ("We got stopped on #AAVE today.", "AAVE/USDT"),
    ("SL hit ✅ on #BTC -2%", "BTC/USDT"),
    ("SL hit for a lot of us on #ETH today 😩", "ETH/USDT"),
    ("#ETH SL hit. We never entered the second rung.", "ETH/USDT"),
    ("#ETH SL hit -1.8%. We had no SOL position though.", "ETH/USDT"),
    ("#ETH stopped out -2%. We have no open positions now.", "ETH/USDT"),
    ("#AAVE SL hit before entry — we never entered it, call cancelled", "AAVE/USDT"),
    ("#SOL stopped out, not our day", "SOL/USDT"),
])
def test_our_own_stop_out_stays_a_close(text, symbol):
    assert _got(text)[:2] == ("close", symbol)


def test_a_members_own_trade_not_a_channel_call_is_no_update():
    text = "Community win 🏆 @max_trades took his own #PEPE scalp — TP1 hit +22%\nNot a channel call, just great work!"
    assert _got(text)[0] == "not_a_signal"


def test_a_target_hit_of_our_call_stays_an_update():
    assert _got("#SOL TP1 hit ✅ not our best call but we take it")[:2] == ("update", "SOL/USDT")


# --- one rung cancelled, or the whole call --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#INJ: cancel only entry 2 — entry 1 is filled",
    "#TIA cancel just the second entry, first one filled",
    "#TIA: cancel only the 2nd entry, keep the rest",
    "#OP cancel just entry 3 please",
    "#OP: cancel only the DCA order",
])
def test_cancel_only_one_rung_keeps_the_trade(text):
    kind, symbol, _side, action = _got(text)
    assert kind == "update" and symbol is not None and action in ("cancel_entry", "entry_filled")


@pytest.mark.parametrize("text", [
    "#INJ: cancel only entry 2, entry 1 not filled either",
    "#INJ: cancel entry 2, entry 1 not filled either",
])
def test_a_later_rung_cancelled_with_the_first_unfilled_is_the_whole_call(text):
    assert _got(text)[:2] == ("close", "INJ/USDT")


# --- a close told to whoever still holds ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, side", [
    ("Whoever is still in the #NEAR long: close it now, the trend broke 🚪", "long"),
    ("Anyone still holding #NEAR: exit now", None),
    ("Those still in the #NEAR short — close now, we're out", "short"),
])
def test_a_close_told_to_whoever_still_holds_is_a_close(text, side):
    assert _got(text)[:3] == ("close", "NEAR/USDT", side)


def test_a_hold_told_to_whoever_still_holds_is_no_close():
    assert _got("Whoever is still in the #NEAR long: hold, we're still in")[0] == "not_a_signal"


# --- one side closed, the other kept ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, side", [
    ("Close your longs now 🔪\nShorts stay open with their stops.", "long"),
    ("Exit every short. Longs remain with their stops.", "short"),
    ("Cut all longs — keep your shorts running", "long"),
    ("Close your shorts now, keep the longs", "short"),
])
def test_one_side_closed_the_other_kept_is_a_close_of_that_side(text, side):
    assert _got(text)[:3] == ("close", None, side)


@pytest.mark.parametrize("text", [
    "Close your shorts now, shorts stay open",
    "Close all longs if BTC loses 60k, shorts stay open",
])
def test_a_contradicted_or_waiting_side_close_is_no_close(text):
    assert _got(text)[0] == "not_a_signal"
