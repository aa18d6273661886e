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


# --- a sale "into the wick": the wick is where the position was sold, not the thing closed ----------------------------

@pytest.mark.parametrize("text, symbol", [
    ("Spot update: sold the whole #RENDER bag into the 9.40 wick 🧾 done with this one, +33%", "RENDER/USDT"),
    ("Closed #INJ into the wick at 24.10", "INJ/USDT"),
    ("sold the entire #FET position into the 2.15 wick, +21%", "FET/USDT"),
])
def test_a_whole_sale_into_a_wick_is_a_close(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    # a price closing a gap or a wick is no position closed
    "#LINK closed the 4H gap",
    "#BTC closed the wick at 64000",
])
def test_a_gap_or_wick_closed_stays_no_close(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_partial_sale_into_a_wick_stays_partial():
    parsed = parse_message("Sold half of the #SOL bag into the 180 wick")
    assert parsed.kind.value == "update" and parsed.update_action.value == "partial_close"


# --- a lesson headed "<topic> 101": its levels are a worked example ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Position sizing 101: entry 100, stop 95 = 5% move. At 10x that's 50% of your margin gone. Keep risk per trade ≤ 2%.",
    "Leverage 101 — entry 2000, stop 1900, at 20x a 5% move takes your margin",
    "Risk management 101\nLong entry 50, SL 48, TP 56: risk 2 to make 6.",
    "Futures 101: SOL long 150, TP 160, SL 140 is how a card reads",
])
def test_a_101_lesson_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


@pytest.mark.parametrize("text", [
    # a call whose entry is 101 is a call
    "#SOL LONG 101\nTP 110\nSL 95",
    "SOL long 101: TP 110 SL 95",
])
def test_an_entry_of_101_stays_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "SOL/USDT"
    assert list(parsed.entries) == [D("101")] and parsed.tradable


# --- a plan that waits ("if it reclaims …, we'll long … Until then, nothing"): nothing to enter now --------------------

@pytest.mark.parametrize("text", [
    "If #BTC reclaims 70k on the daily, we'll long the retest — targets 72.5k / 75k, stop 68.4k. Until then, nothing.",
    "#ETH: if 3200 breaks we short, TP 3000 / 2900, SL 3320. Till then we stay flat.",
    "Si #SOL rompe 160, long. TP 170 SL 152. Hasta entonces, nada.",
    "#AVAX: если закрепимся выше 40 — лонг, цели 43 / 46, стоп 38. До тех пор ничего.",
])
def test_a_plan_with_nothing_until_then_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


@pytest.mark.parametrize("text", [
    # a live call held until its target: "nothing to do", "nothing changes" until then is a hold, not a plan
    "#SOL LONG now 150, TP 160, SL 140. Until then nothing to do, let it run.",
    "#SOL LONG\nEntry 150\nTP 160\nSL 140\nTP1 first, until then nothing changes.",
])
def test_a_live_call_waiting_for_its_target_stays_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "SOL/USDT" and parsed.tradable
    assert list(parsed.entries) == [D("150")] and list(parsed.targets) == [D("160")] and parsed.stop_loss == D("140")


# --- a member's PnL shown (a position card with its mark price and ROE, "member's screenshot"): a result, no call -----

@pytest.mark.parametrize("text", [
    ("[ Photo ]\nBinance Futures · ETHUSDT Perpetual · Short 20x\nEntry 3,498.2 · Mark 3,401.7 · ROE +55.2%\n\n"
     "Member's screenshot from Tuesday's call 👏 keep them coming"),
    "Bybit · SOLUSDT · Long 10x\nEntry 142.1 · Mark 151.3 · PnL +64%",
    "Screenshot from one of our members 🔥 #AVAX LONG entry 27.4, 10x, now 29.9",
    "Скрин от подписчика 🔥\n#SOL LONG 142 → 151, 10x",
])
def test_a_members_pnl_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


@pytest.mark.parametrize("text", [
    # a call that writes the mark price or the ROE a target would make is still the call
    "#SOL LONG\nEntry 142\nTP 150 / 158\nSL 136\nMark price 142.3",
    "#SOL LONG\nEntry 142\nTP 150 (ROE +80%) / 158\nSL 136",
])
def test_a_call_with_mark_or_roe_words_stays_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "SOL/USDT" and parsed.tradable
    assert list(parsed.entries) == [D("142")] and parsed.stop_loss == D("136")
