"""Session 18, fixer chan18: one VIP channel's fortnight (blind_z11 misses), each read as a family.

Every case is written in its own words, never a corpus row. A call's number is no coin; a channel's standing rule and a
member's result change no trade; a close beside a flip keeps the side of the position it ends; a level the call left
out, supplied later, is an update of that call; a leverage glued to its word is read.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a call's number, or its placeholder, is never a coin -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Call #1xx: SL to entry",
    "Signal #2XX — TP1 hit ✅",
    "Trade #10x: move stop to breakeven",
])
def test_a_call_number_placeholder_is_no_coin(text):
    assert parse_message(text).symbol is None


@pytest.mark.parametrize("text, coin", [
    ("Call #107 #SOL TP2 hit ✅", "SOL/USDT"),
    ("Signal #57 — #1INCH TP1 hit ✅", "1INCH/USDT"),
    ("#1000PEPE TP1 hit ✅ SL to entry", "1000PEPE/USDT"),
])
def test_the_coin_beside_a_call_number_is_still_read(text, coin):
    assert parse_message(text).symbol == coin


# --- a standing rule of the channel is no change of a trade ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📋 HOW WE TRADE\n• TP2 hit = stop to TP1, always\n• never more than 2% per trade",
    "Channel rules:\n1. SL to breakeven after TP1\n2. Take 30% at each target",
    "Reminder for newcomers: we always move the stop to entry once TP1 is in",
    "READ THIS BEFORE TRADING 📌\nTP1 = stop to entry, no exceptions\n1R = 1% of the account",
    "Rule #2: close half at TP1",
    "TP3 hit = close everything, always.",
])
def test_a_standing_rule_is_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, action", [
    ("TP1 hit ✅ moving SL to entry as always", UpdateAction.MOVE_SL_BREAKEVEN),
    ("TP1 hit, SL to entry as we always do", UpdateAction.MOVE_SL_BREAKEVEN),
    ("Move stop to breakeven now, always protect profits 🙏", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_a_change_made_now_out_of_habit_stays_an_update(text, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == action


def test_a_coin_named_keeps_the_change_beside_a_rule_word():
    parsed = parse_message("#SOL TP1 ✅ SL to entry, like always")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN


# --- a member's result shown is no close -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🏆 member results\n@lucas_fx made +$860 on our ETH call, closed at TP3. Great job!",
    "@ana_trades banked 38% on #ETH, closed at TP2 👏",
    "Client wins 🏆 #AVAX closed +22%",
    "@ivan заработал 500$ на нашем #SOL, закрыл",
    "Students' results this week: #LINK closed +41% 🔥",
])
def test_a_members_result_is_not_a_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("We made +40% on our SOL call, closed ✅", "SOL/USDT"),  # the channel's own close
    ("#SOL closed +12% ✅ @joao_trader", "SOL/USDT"),  # a handle with no result of its own
    ("@ScorpionAdm: close #SOL now", "SOL/USDT"),
])
def test_the_channels_own_close_beside_a_handle_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- market talk saying nothing new is called names no trade ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "gm fam\nETH ranging since yesterday, OI up, funding flat. No new calls today.",
    "BTC stuck between 96.1k and 97.9k since last night. No new trades until the CPI print 🙏",
    "SOL chopping since yesterday. Sem novas calls até a abertura de NY",
])
def test_market_talk_with_no_new_calls_is_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("#SOL still valid, no new trades today", "SOL/USDT"),
    ("ETH ranging since yesterday. Our long is fine. No new calls today.", "ETH/USDT"),
])
def test_a_running_call_beside_no_new_calls_stays_an_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin


# --- the entry zone filled, by call number or coin -------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("Signal #88: zone is fully filled ✅ avg 1.204", None),
    ("Call #57 — zone filled, nothing changes", None),
    ("Zone filled ✅ avg 2.114, SL unchanged", None),
    ("#ARB zone fully filled, avg 0.8231", "ARB/USDT"),
    ("#SOL: zone filled ✅", "SOL/USDT"),
])
def test_the_entry_zone_filled_is_an_entry_fill(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "BTC filled the 4H FVG zone, now looking for longs",
    "the gap zone filled overnight",
    "#BTC FVG zone filled",
])
def test_a_chart_zone_filled_is_no_entry_fill(text):
    assert parse_message(text).update_action != UpdateAction.ENTRY_FILLED


# --- a close beside a flip keeps the side of the position it ends ----------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("Closing #LINK short ✅ flip to long below", "LINK/USDT", Side.SHORT),
    ("Close the #ETH long now and reverse to short, levels soon", "ETH/USDT", Side.LONG),
    ("Закрываем шорт по #SOL, переворачиваемся в лонг", "SOL/USDT", Side.SHORT),
    ("#BTC closed, flipping long", "BTC/USDT", None),  # the long is the next trade's; the side closed is unwritten
    ("#XRP long closed, structure flipped bearish", "XRP/USDT", Side.LONG),  # no side flipped to
])
def test_a_close_beside_a_flip_keeps_the_closed_side(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin and parsed.side == side


# --- a level the call left out, supplied later, is an update of that call --------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("Forgot the SL on #ARB: 0.712", "ARB/USDT"),
    ("#OP entry 1.92-1.95, everything else the same", "OP/USDT"),
    ("забыл указать вход по #SOL: 140-142", "SOL/USDT"),
    ("oops, forgot to add the entry for #INJ: 21.40 - 21.80, rest unchanged", "INJ/USDT"),
])
def test_a_level_supplied_for_a_call_already_out_is_an_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin and not parsed.tradable


def test_dont_forget_the_stop_over_a_card_stays_an_open():
    parsed = parse_message("Don't forget the stop! #SOL long 140 tp 150 sl 135")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable and parsed.stop_loss == Decimal(135)


# --- leverage glued to its word --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, leverage", [
    ("OP long 1.905 sl 1.862 tp 1.96 2.02 lev10", 10),
    ("INJ short 21.80 sl 22.40 tp 21.10 20.60 LVG20", 20),
    ("SUI long 3.10 sl 3.02 tp 3.25 3.40 lev15x", 15),
])
def test_a_glued_leverage_is_read_as_futures(text, leverage):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.leverage == leverage and parsed.market.value == "futures"


@pytest.mark.parametrize("text", [
    "OP long 1.905 sl 1.862 tp 1.96 2.02 level10",  # no leverage word
    "OP long 1.905 sl 1.862 tp 1.96 2.02 lev1000",  # no leverage that high
])
def test_a_word_only_like_a_glued_leverage_sets_none(text):
    assert parse_message(text).leverage is None
