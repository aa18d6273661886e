"""Session 14: rules from the first looks at blind batches q1–q2, from reviews 23–24 and from session 13's leftovers,
each tested on look-alikes in our own wording (not the batches' rows) and on guards that must not change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

D = Decimal


@pytest.mark.parametrize("text, price", [
    ("#DOGE took 50% here ✅ and moving our SL to 0.1840", D("0.1840")),
    ("#DOGE TP1 ✅ Closing 30% now, stop moved to 0.1840", D("0.1840")),
    ("#DOGE фиксируем треть, стоп переносим на 0.1840", D("0.1840")),
    ("#DOGE — cerramos la mitad y subimos el stop a 0.1840", D("0.1840")),
    ("#DOGE secured 50% ✅ SL -> 0.1840", D("0.1840")),
])
def test_a_partial_close_beside_a_stop_move_to_a_price_keeps_the_stop_move(text, price):
    """The executor acts on the stop move, not on the partial close (the TP ladder takes the profit): a post that says
    both used to keep only the first change read."""
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and parsed.also_actions == (UpdateAction.NEW_STOP,)
    assert parsed.new_stop == price and parsed.stop_at_target is None


@pytest.mark.parametrize("text, target", [
    ("#DOGE TP3 ✅ — stop moved to TP2 now", 2),
    ("#DOGE target 2 done, moving SL to target 1", 1),
    ("#DOGE SL → TP1", 1),
    ("#DOGE SL 0.1700 -> TP1", 1),
    ("#DOGE вторая цель взята, стоп переносим на первую цель", 1),
    ("#DOGE 第二目标到达 止损移到第一止盈", 1),
])
def test_a_stop_moved_onto_a_target_names_the_target_not_another_number(text, target):
    """"SL → TP1" carried no price, so the executor moved no stop ("SL 0.1700 -> TP1" even read the old stop as the new
    one): the target's number goes with the update and its price is read off the signal."""
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.stop_at_target == target and parsed.new_stop is None


def test_a_partial_close_beside_a_stop_move_onto_a_target_keeps_both():
    parsed = parse_message("#DOGE take another 25% off and move the stop to TP2")
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and parsed.also_actions == (UpdateAction.NEW_STOP,)
    assert parsed.stop_at_target == 2


@pytest.mark.parametrize("text", [
    "#DOGE took half here, we move SL to 0.1840 once TP2 is hit",  # later, on a condition
    "#DOGE took half here, don't move SL to 0.1840 yet",  # negated
    "#DOGE took half here ✅ move SL to 0.1840 or 0.1860, your call",  # two prices: which is a reading
    "#ETH took half here ✅ move SL to 3,150",  # a comma that may be a decimal point
])
def test_a_stop_move_beside_a_partial_close_that_is_unsure_or_later_adds_no_stop_move(text):
    parsed = parse_message(text)
    assert UpdateAction.NEW_STOP not in parsed.also_actions and parsed.new_stop is None


def test_a_stop_move_whose_comma_reads_two_ways_carries_both_readings():
    """"#XRP move SL to 2,312": 2.312 or 2312 — a long's stop moved to 2312 would close the trade at once. Both readings
    go with the update (the signal's levels choose); a comma of decimals reads one way."""
    parsed = parse_message("#XRP move SL to 2,312")
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop is None
    assert parsed.stop_readings == (D("2312"), D("2.312"))
    assert parse_message("#LINK stop przesunięty na 14,80, pozycja nadal otwarta").new_stop == D("14.80")
    assert parse_message("#XRP move SL to 2.312").new_stop == D("2.312")


def test_a_target_hit_beside_an_arrow_onto_the_new_stop_keeps_the_stop_move():
    parsed = parse_message("#DOGE TP1 ✅ SL -> 0.1840")
    assert parsed.also_actions == (UpdateAction.NEW_STOP,) and parsed.new_stop == D("0.1840")


@pytest.mark.parametrize("text, action", [
    ("#AVAX TP2 hit SL to entry", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX TP1 HIT SL BE", UpdateAction.MOVE_SL_BREAKEVEN),
    ("AVAXUSDT TP1 HIT SL TO ENTRY 🔒", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX TP1 kena SL ke entry", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX TP1 hit stop loss moved to 36.20", UpdateAction.NEW_STOP),
    ("#AVAX TP3 hit 🔥 SL to TP2", UpdateAction.NEW_STOP),
    ("#AVAX TP1 ✅ SL to 36.20", UpdateAction.NEW_STOP),
])
def test_a_target_hit_then_the_stop_moved_is_no_stop_out(text, action):
    """"TP2 hit SL to entry" without a comma read "hit SL" as a stop-out and closed a winning trade."""
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == action


@pytest.mark.parametrize("text", ["#AVAX hit SL at 35.10", "#AVAX hit SL ❌ -4%", "#AVAX hit stop loss", "#AVAX kena SL",
                                  "#AVAX hit SL at entry, closed flat"])
def test_a_stop_hit_is_still_a_stop_out(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.SL_HIT
