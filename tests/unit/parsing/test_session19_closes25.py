"""Session 19, closes25: look-alikes of blind_z24/z25 rows — a later rung cancelled while the trade runs on, the rest
closed by a reply naming no coin, a coin's order said filled, a past result shown entry to exit, a lower-case ticker on
a full card or in a teaser — with the traps near each rule."""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing.parser import parse_message

# --- a later rung cancelled (with its price) or an order cancelled while the trade runs on: the rung only -------------


@pytest.mark.parametrize("text", [
    "#AVAX/USDT\n❎ DCA order at 26.60 cancelled — price never came back.\nTrade continues with the first entry only.",
    "#AVAX DCA at 26.60 is cancelled",
    "#AVAX 2nd entry at 26.60 cancelled — trade still running",
    "#AVAX second buy (26.60) cancelled, we ride with the first one",
    "#AVAX/USDT\nLimit order at 26.60 cancelled. Trade continues with the first entry only.",
    "#AVAX cancelled the 26.60 order, trade is still running",
    "#AVAX DCA cancelled, price never came back. Still in with the first entry.",
])
def test_a_rung_cancelled_while_the_trade_runs_on_cancels_that_rung_only(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "AVAX/USDT"
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#AVAX order cancelled",
    "#AVAX signal cancelled, price never came to entry",
    "#AVAX limit order cancelled — price never came back.",
])
def test_the_whole_order_cancelled_with_no_trade_running_stays_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "AVAX/USDT"


def test_a_fill_beside_a_rung_cancelled_over_restated_levels_is_the_rung_cancel():
    parsed = parse_message("#NEAR: entry 2 (4.61) cancelled, entry 1 is filled — trade still on, SL 4.44 ✅")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "NEAR/USDT"
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


# --- a reply naming no coin reporting the rest closed: a close of the replied-to trade ---------------------------------


@pytest.mark.parametrize("text", [
    "closed rest +2.4%. done with this one",
    "Momentum died on this one 😴 closing the rest at market, take the small win and move on",
    "closing the rest here manually, not holding 25x over CPI. great trade 🔥🔥",
    "Closed the rest ✅",
    "we closed the remainder here",
    "TP2 ✅ closing the rest now",
    "closed the rest of the position +3%",
])
def test_the_rest_closed_in_a_reply_naming_no_coin_is_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol is None


@pytest.mark.parametrize("text", [
    "closing the rest of the week early, see you monday",
    "close the rest of the chart",
    "Close the rest of the week off, no trades",
    "close the rest at TP3",
    "will close the rest at 0.398",
    "closing the rest @ 0.398",
    "I'm closing the rest",
    "i closed the rest",
    "he's closing the rest now",
    "my friend closed the rest",
    "closing the rest tomorrow",
    "closing the rest if it loses 140",
    "if it breaks 0.15, closing the rest",
    "not closing the rest, holding for TP3",
    "closing the rest here?",
    "BTC pumping 🚀\nclosing the rest here",
])
def test_the_rest_closed_look_alikes_are_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- a coin's order said filled: the running trade's entry fill ---------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("$PENDLE filled at 4.02 ✅ bags loaded. Now we sit and wait 🧘‍♂️", "PENDLE/USDT"),
    ("#ARB long got filled @ 0.81, now patience", "ARB/USDT"),
    ("#OP filled ✅", "OP/USDT"),
    ("#INJ just filled at 21.40. SL as posted", "INJ/USDT"),
])
def test_a_coins_order_said_filled_is_an_entry_fill(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "$BTC filled the CME gap",
    "#ETH gap filled at 3200",
    "#SOL filled the wick, bullish",
    "$PENDLE filled at 4.02?",
    "If $PENDLE filled at 4.02 we add more",
    "hope $PENDLE filled at 4.02 tonight",
])
def test_filled_look_alikes_are_no_fill(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- a past trade shown entry to exit with its gain: a results post -----------------------------------------------------


@pytest.mark.parametrize("text", [
    ("Another one from VIP yesterday 💰\n#SOL long 142.6 ➡️ 151.3\n+122% with 20x\n\nScreenshot sent by a member ⬇️ "
     "Join VIP before price goes up: t.me/+pumpVIPjoin"),
    "Another one from VIP yesterday\n#SOL long 142.6 → 151.3\n+122% with 20x",
    "VIP result yesterday: #SOL long 142.6 -> 151.3 +122%",
    "Last week in VIP: ETH short from 3420 to 3180, +70% (10x). Subscribe now",
])
def test_a_past_result_shown_entry_to_exit_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_call_with_a_target_gain_stays_a_call():
    parsed = parse_message("#SOL long 142.6 now, TP 151.3 (+6%)")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "SOL/USDT" and parsed.tradable


# --- a lower-case ticker right after the side word of a full card; "here" before the price is the market ----------------


@pytest.mark.parametrize("text, coin", [
    ("morning. btc dom climbing, alts weak\nshort ena here 0.612\nsl 0.64\ntp 0.59 0.57 0.55\nlev 10x", "ENA/USDT"),
    ("long jup 0.92\nsl 0.88\ntp 0.96 1.0", "JUP/USDT"),
    ("long doge 0.15\nsl 0.14\ntp 0.16 0.17", "DOGE/USDT"),
])
def test_a_lower_case_ticker_we_know_on_a_full_card_is_traded(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == coin and parsed.tradable


@pytest.mark.parametrize("text", [
    "long sol here 142.5\nsl 138\ntp 146 150",
    "long one 0.012\nsl 0.011\ntp 0.013",
    "long gas 4.2\nsl 4\ntp 4.5",
    "long apt 5.12\nsl 4.9\ntp 5.4",
    "short near here 5.2\nsl 5.4\ntp 5.0 4.8",
    "long ena 0.612\ntp 0.65",
    "quick short ena 0.612 tp 0.59 0.57 sl 0.64",  # (a one-line chat call: the levels on the coin's line)
])
def test_a_lower_case_word_or_a_card_missing_a_level_stays_held(text):
    assert not parse_message(text).tradable


def test_here_before_the_price_orders_at_the_market():
    parsed = parse_message("short ena here 0.612\nsl 0.64\ntp 0.59 0.57 0.55\nlev 10x")
    assert parsed.to_expected_dict()["entry_type"] == "market" and parsed.entries == parse_message(
        "short ena 0.612\nsl 0.64\ntp 0.59 0.57 0.55\nlev 10x").entries
    assert parse_message("long #SOL here 142.5\nsl 138\ntp 146 150").to_expected_dict()["entry_type"] == "market"
    # (the gerund stays a limit, as the generalisation corpus reads it)
    assert parse_message("Longing $DOGE here 0.1588\nTarget 0.1650\nStop 0.1540").to_expected_dict()["entry_type"] == "limit"


# --- a lower-case teaser: the held direction alert ----------------------------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("long btc. details in 5 min", "BTC/USDT", "long"),
    ("btc long. details soon", "BTC/USDT", "long"),
    ("short eth — entry and targets in 10 minutes", "ETH/USDT", "short"),
])
def test_a_lower_case_teaser_is_a_held_direction_alert(text, coin, side):
    parsed = parse_message(text)
    expected = parsed.to_expected_dict()
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == coin and expected["side"] == side
    assert expected["entries"] == [] and expected["entry_type"] == "market" and not parsed.tradable


@pytest.mark.parametrize("text", ["long btc", "im long btc, details in 5 min", "long sol. details in 5 min"])
def test_lower_case_teaser_look_alikes_are_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
