"""Session 22, status52: status posts, replies and machine notices (blind round 2).

Rules, each with its traps:
- a ticker we know, written in lower case, heading a status and set apart from it by a dash or a colon ("dot — half
  off here, sl be", "near: tp1 hit") or standing right before its stop-out or close verb ("uni stoped out", "dot
  closed at entry") is the coin the status is for; the word as a word ("near the top, close half"), a very common word
  ("one — close half", "gas - stopped out"), a word with no dash ("near tp1, close half") or a word-ticker before the
  verb with no dash ("dot closed at entry") names no coin;
- the rest of the position said held ("holding the rest", "rest still running", "keeping the runner") is progress on
  the trade, no change; a share taken beside it ("close 50% and hold the rest") is still the partial close, and a
  target reported beside it stays the target reached;
- an inline reply quote that names the earlier call by the call's word, then its coin ("Reply to: VIP signal #ARB",
  "Respuesta a: SEÑAL VIP DOT") gives the reply its coin; a quote with no ticker we know gives none;
- a notice's side field that is the exit itself ("side=CLOSE_LONG") or an execution report's "Side: BUY (close short)",
  filled, closes that side of the coin; its keyed share below all of it ("qty=40%") is a partial close; an amount that
  is no percent ("qty=0.5 BTC") is held; a report not filled closes nothing;
- a payload's "qty_pct" below 100 is a part of the position, never all of it;
- profit-taking left to the reader on the trade the post names, beside the trade's own state (its gain, or the target
  it still runs to), is an update of that coin that changes nothing — never a partial close; a lesson ("Example: …",
  "Tip: …") stays a lesson, and advice beside market talk alone reads no signal.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a lower-case ticker heading a status ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("dot — half off here at 7.10. sl be.", "DOT/USDT"),
    ("near: tp1 hit ✅ sl to be", "NEAR/USDT"),
    ("link - stopped out", "LINK/USDT"),
    ("uni stoped out, sorry guys -6%", "UNI/USDT"),
    ("uni closed at entry", "UNI/USDT"),
])
def test_a_lower_case_ticker_heading_the_status_is_its_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE)
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "near the top, close half",
    "one — close half",
    "gas - stopped out",
    "near tp1, close half",
    "near-term: close half",
    "dot closed at entry",
])
def test_a_word_heading_the_status_names_no_coin(text):
    assert parse_message(text).symbol is None


# --- the rest of the position held --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "INJ 24.80 touched ✅ Holding the rest.",
    "#OP rest still running",
    "[chart] ARB · 1H — 0.95 tagged ✅ keeping the runner.",
])
def test_the_rest_held_is_an_update_that_changes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol is not None
    assert parsed.update_action == UpdateAction.OTHER


def test_a_share_taken_beside_the_rest_held_is_the_partial_close():
    parsed = parse_message("#ETH close 50% and hold the rest")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


def test_a_target_beside_the_rest_held_stays_the_target_reached():
    parsed = parse_message("PEPE TP1 0.0₅1234 ✅ hit! +5% from entry\nholding the rest 💎")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "PEPE/USDT", UpdateAction.TP_HIT)


# --- a reply quoting the call by its word, then its coin ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("↩️ Reply to: VIP signal #ARB\nTP1 hit ✅ move SL to entry", "ARB/USDT"),
    ("↩️ Respuesta a: SEÑAL VIP DOT\n\n🎯 tocó el TP1 ✅", "DOT/USDT"),
    ("↩️ Reply to: Premium signal AVAX\nclose it now", "AVAX/USDT"),
])
def test_a_quote_naming_the_call_then_its_coin_gives_the_coin(text, symbol):
    assert parse_message(text).symbol == symbol


@pytest.mark.parametrize("text", [
    "↩️ Reply to: Signal GOOD\nclose it now",
    "↩️ Reply to: free signal\nclose it now",
])
def test_a_quote_with_no_known_ticker_gives_no_coin(text):
    assert parse_message(text).symbol is None


# --- machine notices ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol", "side"), [
    ("WEBHOOK | ticker=DOGEUSDT | side=CLOSE_LONG | qty=100% | price=0.41", "DOGE/USDT", Side.LONG),
    ("WEBHOOK | ticker=DOGEUSDT | side=close_short | price=0.41", "DOGE/USDT", Side.SHORT),
    ("Order report\nSymbol: LTCUSDT | Side: BUY (close short)\nType: MARKET | Qty: 100%\nStatus: FILLED", "LTC/USDT",
     Side.SHORT),
])
def test_a_notice_closing_one_side_closes_it(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, symbol, side)


@pytest.mark.parametrize("text", [
    "WEBHOOK | ticker=DOGEUSDT | side=CLOSE_LONG | qty=40% | price=0.41",
    "Symbol: LTCUSDT | Side: BUY (close short)\nQty: 30%\nStatus: FILLED",
])
def test_a_notice_closing_a_share_is_a_partial_close(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text", [
    "WEBHOOK | ticker=DOGEUSDT | side=CLOSE_LONG | qty=150 DOGE",
    "Order report\nSymbol: LTCUSDT | Side: BUY (close short)\nType: LIMIT | Qty: 100%\nStatus: NEW",
])
def test_a_notice_of_an_unclear_amount_or_no_fill_closes_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_payload_exit_of_a_percent_share_is_a_partial_close():
    parsed = parse_message('{"ticker":"BNBUSDT","action":"exit_short","qty_pct":"25"}')
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


# --- profit-taking left to the reader on the named trade ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("#ATOM up +25% on 5x 🔥\nFeel free to take some profit here if you like.\nWe stay in for TP2.", "ATOM/USDT"),
    ("$BONK flying, if you're worried you could trim a bit, your call. Still running to TP4.", "BONK/USDT"),
    ("#SEI +18% so far. Taking partial profits is up to you, we hold for TP3.", "SEI/USDT"),
])
def test_optional_profit_taking_on_the_named_trade_changes_nothing(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol)
    assert parsed.update_action in (None, UpdateAction.OTHER)


@pytest.mark.parametrize("text", [
    "Example: if you like, take some profit at TP1 on #SOL",
    "Tip: if you like, take some profit on #SOL at TP1",
    "#RUNE looks weak under the high. You may take some profit if you like. We keep our position as it is.",
])
def test_a_lesson_or_market_talk_with_optional_profit_taking_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
