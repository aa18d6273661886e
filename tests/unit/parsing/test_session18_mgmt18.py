"""Session 18, fixer mgmt18: trade-management posts (blind_z13 misses), each read as a family.

Every case is written in its own words, never a corpus row. A close ends the whole position, so a share taken off, a
share said to be left, a target dropped or someone else's trade must never read as one; the look-alikes below that do
end the trade ("kill it", "close the rest", "Remaining: 0%") must keep their close.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a share of the position taken off: a fraction, a share word, another exit verb over a share ------------------------

@pytest.mark.parametrize("text, coin", [
    ("#AVAX took a third off the table at 41.2, SL to entry", "AVAX/USDT"),
    ("$NEAR pulled two thirds off at 6.10, the last third runs with SL 5.80", "NEAR/USDT"),
    ("Taking 2/3 of the #LINK position off here", "LINK/USDT"),
    ("#DOGE take some off the table now, no need to be a hero", "DOGE/USDT"),
    ("#ARB chop half here, other half SL at entry", "ARB/USDT"),
    ("#OP unload a quarter of the bag at 2.31", "OP/USDT"),
    ("#TIA kill 1/3 now, SL to breakeven", "TIA/USDT"),
    ("#WIF trimming two thirds here, rest rides", "WIF/USDT"),
    ("Kill half of my #PYTH stack here, greed kills", "PYTH/USDT"),
])
def test_a_share_taken_off_is_a_partial_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text, coin", [
    ("#SEI kill the rest now", "SEI/USDT"),  # the rest: what was left, all of it
    ("#SEI closed the last 50% ✅ trade done", "SEI/USDT"),
    ("#INJ take it off the table", "INJ/USDT"),  # no share: all of it
    ("Kill #SEI now, setup invalid", "SEI/USDT"),
    ("#SEI take the other half off now", "SEI/USDT"),  # the half that was left
    ("#SEI closed at TP3 ✅\nDaily risk left: 3%", "SEI/USDT"),  # the account's risk, no share of the position
])
def test_the_whole_or_the_last_part_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "kill it here",
    "Cut it. Not worth the risk",
    "dump this one now",
    "kill it at market 🔪",
])
def test_a_reply_ending_the_trade_it_answers_is_a_close_with_no_coin(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol is None


@pytest.mark.parametrize("text", [
    "Kill it today fam 💪",  # a cheer, no trade
    "we killed it this week, +38% on the board",
    "#DOGE get 50% off VIP this week",  # an advert's discount, no share of a position
    "#LUNA crash killed 90% of my bag back then",  # the market did it, no exit
])
def test_look_alikes_of_the_reply_close_and_of_a_share_are_no_change(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


# --- a bot card's share still open: the card's "Closed" is its target's part ---------------------------------------------

def test_a_card_with_a_share_left_is_an_update_and_keeps_its_stop_move():
    parsed = parse_message("🔵 ORDI/USDT\nTP1 ✅ reached (38.10)\nClosed: 30% | Remaining: 70%\nSL → entry")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "ORDI/USDT"
    assert parsed.update_action in (UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.NEW_STOP)


def test_a_card_with_a_share_left_and_no_stop_move_reports_its_target():
    parsed = parse_message("🟣 FET/USDT\nTP2 ✅ hit\nClosed: 25% | Left: 45%")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "FET/USDT"
    assert parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("text", [
    "🟣 FET/USDT\nTP3 ✅ hit\nClosed: 45% | Remaining: 0%",
    "🟣 FET/USDT\nTP3 ✅ hit\nClosed 45% | Remaining: 0%",
    "🟣 FET/USDT\nTP3 ✅ hit\nClosed: 45% | Remaining: none",
])
def test_a_card_with_nothing_left_is_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "FET/USDT"


# --- a target dropped: the exit at a later target is a plan, no close now -----------------------------------------------

@pytest.mark.parametrize("text, coin", [
    ("#PENDLE quick change: we're cutting TP5, everything comes off at TP4 (6.40). Stop unchanged.", "PENDLE/USDT"),
    ("Cut TP3 on #RNDR, we exit fully at TP2", "RNDR/USDT"),
    ("#STX dropping the last target, take it all at TP2", "STX/USDT"),
    ("#STX TP4 removed, the rest of the plan stays", "STX/USDT"),
])
def test_a_target_dropped_is_an_update_not_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.OTHER


@pytest.mark.parametrize("text, coin", [
    ("#STX we're cutting the trade here, -1.8%", "STX/USDT"),
    ("#STX we are cutting losses now", "STX/USDT"),
])
def test_cutting_the_trade_itself_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- someone else's trade: a whale, a tracked wallet, an address, smart money, a named trader -----------------------------

@pytest.mark.parametrize("text", [
    "🐋 A whale just closed a $31M #ETH long at 3,405 for +$2.2M",
    "Tracked wallet on Hyperliquid exited its #SOL short at 151.2, +$640K",
    "Smart money wallet sold $8M of #PEPE an hour ago",
    "0x4be1 just closed #ETH long 25x",
    "Famous trader just closed his #BTC short at 96,300 for -$4M",
    "Кит закрыл шорт по #BTC на $40M",
    "Wallet 0x91c2…e4a0 just opened a $9M #ETH short at 3,380, TP 3,200, SL 3,450",
])
def test_someone_elses_trade_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL and not parsed.tradable


@pytest.mark.parametrize("text, coin", [
    ("We closed #BTC short at 94,800 for +9% ✅", "BTC/USDT"),
    ("Whales are dumping, close #SOL now", "SOL/USDT"),  # the whales are the reason; the close is ours
])
def test_our_own_close_beside_the_market_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- the stop said where it is now ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, coin, price", [
    ("SL now 0.6120 on #ADA, protect the profit", "ADA/USDT", Decimal("0.6120")),
    ("#ATOM stop is now at 7.45 — don't let it turn red", "ATOM/USDT", Decimal("7.45")),
    ("#ATOM стоп теперь 7.45", "ATOM/USDT", Decimal("7.45")),
])
def test_the_stop_now_at_a_price_is_a_new_stop(text, coin, price):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop == price


@pytest.mark.parametrize("text", [
    "#ADA SL now 5% away, careful",  # a distance, no level
    "#ADA stop now 0.61? or wait",  # asked
])
def test_a_stop_distance_or_question_is_no_stop_move(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.NEW_STOP


def test_a_coin_heading_a_swing_update_keeps_its_stop_move():
    parsed = parse_message("SOL swing update\nTarget 1 hit ✅, runner stays on, SL now 171.5")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"
    assert parsed.update_action == UpdateAction.NEW_STOP


# --- a re-entry with its levels written: a fresh call -------------------------------------------------------------------

def test_a_re_entry_with_its_levels_written_is_an_open():
    parsed = parse_message("Re-entering #APT, same levels as before 👇\nBuy 8.10 - 8.25\nTP 8.70 / 9.10\nSL 7.85")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "APT/USDT" and parsed.side == Side.LONG
    assert parsed.entries == (Decimal("8.10"), Decimal("8.25"))
    assert parsed.stop_loss == Decimal("7.85")


@pytest.mark.parametrize("text", [
    "Re-enter #APT at the same levels as before, stop unchanged",  # no level written: the running call's
    "#APT same levels as before\nBuy 8.10 - 8.25\nTP 8.70 / 9.10\nSL 7.85",  # no re-entry: a restated card
    "Re-entry #APT updated levels\nBuy 8.10\nTP 8.70 / 9.10\nSL 7.85",  # a re-entry's levels moved
    "Back in profit on #APT, same levels as before\nEntry 8.10\nTP 8.70\nSL 7.85",
])
def test_restated_or_moved_levels_stay_an_update(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "APT/USDT"
