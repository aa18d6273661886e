"""What the webhook needs from a status post beyond its kind (`verzek.signals.ingest.update_from_parsed`):
which take-profit was hit (`target_index`, 1-based), the new stop price of a stop move, and whether a
`close` is a stop-out, a cancelled setup or a plain close (`update_action`; the public `kind` stays `close`)."""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text,symbol,index", [
    ("TP1 hit", None, 1),
    ("#SOL TP1 ✅", "SOL/USDT", 1),
    ("Target 2 done", None, 2),
    ("Target 2 Done 🔥 #AVAX", "AVAX/USDT", 2),
    ("#BTC Take-Profit target 3 ✅", "BTC/USDT", 3),
    ("#DOGE/USDT Take-Profit target 3 ✅\nProfit: 45.2% 📈\nPeriod: 3 Hours 12 Minutes ⏰", "DOGE/USDT", 3),
    ("#ORDI 🔥 Target 1 reached ✅ 8.5% profit (20x)", "ORDI/USDT", 1),
    ("TP 1-3 done on #INJ", "INJ/USDT", 3),
    ("Target 1 - 2 - 3 all done on #INJ", "INJ/USDT", 3),
    ("#ARB TP1 ✅\n#ARB TP2 ✅", "ARB/USDT", 2),
    ("Second target hit on #SOL 🎯", "SOL/USDT", 2),
    ("#LTC Objetivo 3 alcanzado 🚀", "LTC/USDT", 3),
    ("#BNB đã chạm TP2 🎯", "BNB/USDT", 2),
    ("#DOGE 止盈1已达成 ✅", "DOGE/USDT", 1),
    ("#BTC первая цель взята ✅", "BTC/USDT", 1),
    ("#ARB 2. hedef geldi", "ARB/USDT", 2),
    ("#BTC 2차 목표 달성 🎯", "BTC/USDT", 2),
    ("تم تحقيق الهدف الأول #NEAR ✅", "NEAR/USDT", 1),
])
def test_tp_hit_carries_the_target_number(text, symbol, index):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol)
    assert parsed.update_action == UpdateAction.TP_HIT
    assert parsed.target_index == index


@pytest.mark.parametrize("text", [
    "#BTC all targets done 🎯🎯🎯 +180% profit with 20x",  # how many there were is the signal's business
    "All TP's hit on #LDO 🎯🎯🎯🎯",
    "TP hit on #XRP ✅",
])
def test_tp_hit_without_a_stated_number_has_no_index(text):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.TP_HIT
    assert parsed.target_index is None


def test_a_tp_number_next_to_a_stop_move_is_kept_with_the_stop_move():
    parsed = parse_message("[In reply to Crypto VIP]\n#LTC Target 2 ✅ Move SL to entry")
    assert (parsed.kind, parsed.update_action, parsed.target_index) == (
        MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN, 2)


def test_an_entry_fill_is_not_a_take_profit_index():
    parsed = parse_message("#ETH/USDT Entry target 1 ✅\nAverage Entry Price: 2450")
    assert (parsed.update_action, parsed.target_index) == (UpdateAction.ENTRY_FILLED, None)


def test_a_new_stop_carries_its_price():
    parsed = parse_message("Move SL to 0.7200 on #MATIC")
    assert (parsed.kind, parsed.update_action, parsed.new_stop) == (
        MessageKind.UPDATE, UpdateAction.NEW_STOP, Decimal("0.7200"))
    assert parse_message("Move SL to entry on #MATIC").new_stop is None


@pytest.mark.parametrize("text,symbol,action", [
    # a cancelled setup: the signal's pending entries go, nothing was (meant to be) filled
    ("Cancel #XRP", "XRP/USDT", UpdateAction.CANCEL_ENTRY),
    ("Not triggered, cancel #FET", "FET/USDT", UpdateAction.CANCEL_ENTRY),
    ("⚠️ Cancel the signal for #PENDLE, price moved too fast", "PENDLE/USDT", UpdateAction.CANCEL_ENTRY),
    ("Sinal cancelado #ETH", "ETH/USDT", UpdateAction.CANCEL_ENTRY),
    # the stop was hit
    ("Stoploss hit ❌ #LINK", "LINK/USDT", UpdateAction.SL_HIT),
    ("#XLM stopped out ❌ -10%", "XLM/USDT", UpdateAction.SL_HIT),
    ("#AVAX stop oldu ❌", "AVAX/USDT", UpdateAction.SL_HIT),
    # a plain close; closing and cancelling together is a close (a cancel alone would leave a position open)
    ("Closed at breakeven #INJ", "INJ/USDT", None),
    ("Close #BTC long now", "BTC/USDT", None),
    ("Close #SOL and cancel the remaining orders", "SOL/USDT", None),
])
def test_close_tells_cancel_and_stop_out_from_a_plain_close(text, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)
    assert parsed.update_action == action
    assert parsed.to_expected_dict()["kind"] == "close" and not parsed.tradable


def test_a_coinless_cancel_command_is_a_cancel():
    parsed = parse_message("cancel the signal")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, None, UpdateAction.CANCEL_ENTRY)


def test_cancelling_one_entry_stays_an_update():
    parsed = parse_message("#ADA cancel entry 2")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "If #BTC dips under 60k, we cancel",  # a condition, not a command now
    "Join VIP now, cancel anytime! #BTC #ETH signals daily",
])
def test_conditional_or_advertising_cancel_is_not_a_cancel(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#SOL LONG\nEntry: 140\nTP1: 145 ✅\nTP2: 150\nSL: 135",  # a re-post with its first target ticked
    "Result #LINK: entry 14.2 → TP3 16.0 ✅ +126%",
])
def test_levels_of_a_trade_already_under_way_are_not_traded(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    # (a post headed "Result"/"Status" is the running trade's progress: an update; a bare re-post stays a held open)
    assert parsed.kind == MessageKind.UPDATE if text.startswith("Result") else "already marked as hit" in parsed.rejected


@pytest.mark.parametrize("text", [
    "✅ #SOL LONG\n✅ Entry: 140\n✅ TP1: 145\n✅ TP2: 150\n✅ SL: 135",  # ticks as bullets are decoration
    "#DOGE Beli di 0.158 - 0.162\nTarget profit: 0.170 / 0.178\nBatas rugi: 0.150",  # a label, not a result
])
def test_tick_bullets_and_profit_labels_do_not_block_a_fresh_setup(text):
    assert parse_message(text).tradable


def test_hit_before_the_target_word_is_a_tp_hit():
    parsed = parse_message("#ETH hit TP2! 🎯🎯")
    assert (parsed.kind, parsed.symbol, parsed.update_action, parsed.target_index) == (
        MessageKind.UPDATE, "ETH/USDT", UpdateAction.TP_HIT, 2)
