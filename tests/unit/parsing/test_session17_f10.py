"""Session 17, fixer "f10" (blind_z10): the families behind its wrong rows and misses, each with look-alikes in new
wording and guards that keep their reading.

A close ends the whole position; an entry cancel cancels unfilled entries; a tradable open places real orders."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


# --- one rung of the ladder cancelled, named by its price, while another rung is filled: the trade runs ---------------

@pytest.mark.parametrize("text, symbol", [
    ("#OP long: cancel the 1.588 order, only 1.612 got filled. Rest unchanged.", "OP/USDT"),
    ("#ARB: cancel the 0.95 buy order, 1.02 was filled", "ARB/USDT"),
    ("#ARB: 1.02 got filled, cancel the 0.95 limit", "ARB/USDT"),
    ("$LINK cancel the limit at 13.40 — rest unchanged", "LINK/USDT"),
    ("#DOT short: cancel the 7.85 entry, only 7.60 filled so far", "DOT/USDT"),
])
def test_a_priced_rung_cancelled_beside_a_fill_is_an_update(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action is not None and parsed.update_action.value == "cancel_entry"
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    # no rung said filled and nothing kept: the order may be the whole call — its cancel stays a close of the call
    "#OP long: cancel the 1.588 order",
    "#ARB cancel the limit at 0.95",
    "#ARB cancel the order, setup invalid",
])
def test_a_priced_order_cancelled_alone_stays_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close"


# --- a call shown with the channel saying it does not take it: no call ------------------------------------------------

@pytest.mark.parametrize("text", [
    "转发自其他群：「BTC 多单 66000，目标 70000，止损 64000」\n这个我们不跟，仅供参考，别问。",
    "别的群发的：ETH 空单 3500，目标 3300，止损 3600\n这单我们不跟，大家自己判断。",
    "BTC long 66000, TP 70000, SL 64000\nFor reference only, we are not following it.",
    "#SOL LONG 150 TP 160 SL 140\nShared from a friend's group. We won't be taking this one.",
    "ETH short 3500 TP 3300 SL 3600\nNo la tomamos, solo de referencia.",
    "#SOL LONG 150 TP 160 SL 140\nBunu almıyoruz, sadece bilgi amaçlı.",
    "#SOL LONG 150 TP 160 SL 140\nМы это не берём, просто для информации.",
    "#SOL LONG 150 TP 160 SL 140\nChúng tôi không theo kèo này, chỉ tham khảo.",
    "#SOL LONG 150 TP 160 SL 140\nNão vamos entrar nessa, só para referência.",
])
def test_a_call_the_channel_does_not_take_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal"
    assert not parsed.tradable


@pytest.mark.parametrize("text, symbol", [
    # "for reference only" alone is a disclaimer under the channel's own call
    ("#SOL 多单\n入场：150\n目标：160\n止损：140\n仅供参考，不构成投资建议", "SOL/USDT"),
    # "we don't follow the crowd", "we don't take it above 155": the call stands
    ("#SOL 多单\n入场：150\n目标：160\n止损：140\n我们不跟风，按计划来", "SOL/USDT"),
    ("#SOL LONG\nEntry 150\nTP 160\nSL 140\nWe don't take it above 155.", "SOL/USDT"),
    ("#SOL LONG\nEntry 150\nTP 160\nSL 140\nWe are not following the crowd here.", "SOL/USDT"),
])
def test_a_disclaimer_or_a_condition_keeps_the_call(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol
    assert list(parsed.entries) == [D("150")] and parsed.stop_loss == D("140")
    assert parsed.tradable
