"""Session 17, the lead's fixes for what session 16 left (own look-alikes, other coins and wording):

- a later rung said not filled and then cancelled ("2nd entry 130 was not reached, cancel that limit") cancels that rung
  only — the first entry's position runs on — where a whole call whose entry never filled is still closed;
- a month or week of results closed ("Закрыли март в плюсе, #SOL лучший") is no close of the coin named as its best;
- "almost got stopped out" is no stop-out;
- a buy heading with a parenthesised "(DCA)" note over numbered price rows is the entry ladder; "Re-buy (DCA): X"
  keeps being an add-on entry.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text,symbol", [
    ("#SOL 2nd entry 130 was not reached, cancel that limit", "SOL/USDT"),
    ("#AVAX the DCA at 21.40 didn't fill — cancel this order", "AVAX/USDT"),
    ("#LINK entry 2 not reached. Cancel it, the first entry runs", "LINK/USDT"),
    ("#NEAR second entry wasn't reached, cancel it. Targets the same", "NEAR/USDT"),
])
def test_an_unfilled_later_rung_cancelled_cancels_that_rung_only(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "#SOL 2nd entry not reached, don't cancel it yet",
    "#SOL 2nd entry not reached, no need to cancel, it may still come",
])
def test_a_rung_cancel_said_not_to_happen_changes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,symbol", [
    ("#SUI — entry never triggered, cancel the pending limit order.", "SUI/USDT"),
    ("#APT entry 9.80 was not reached, cancel the order", "APT/USDT"),
])
def test_a_whole_call_never_filled_and_cancelled_still_closes(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, symbol, UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "Закрыли март в плюсе, #SOL лучший",
    "Closed March in profit, #DOGE was the best",
    "Закрыли неделю в плюсе, лучший #TON +40%",
    "Closed the week +38% 🔥 best trade #INJ",
    "Cerramos marzo en verde, #AVAX el mejor",
])
def test_a_period_of_results_closed_closes_no_coin(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,symbol", [
    ("Закрыли #SOL в плюсе", "SOL/USDT"),
    ("Closed the March #ETH long", "ETH/USDT"),
    ("Closed ✅ #ARB +40%", "ARB/USDT"),
])
def test_a_closed_heading_over_a_trade_still_closes(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "#ETH almost got stopped out, still holding",
    "Phew, #BTC almost got stopped out there",
    "#SOL nearly got stopped out, then TP1 hit ✅",
])
def test_almost_stopped_out_is_no_stop_out(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_a_real_stop_out_still_closes():
    parsed = parse_message("#BTC got stopped out")
    assert (parsed.kind, parsed.update_action) == (MessageKind.CLOSE, UpdateAction.SL_HIT)


@pytest.mark.parametrize("text,entries", [
    ("$RNDR beli bertahap (DCA):\n1) 8,10\n2) 7,70\n3) 7,25\nTarget: 8,90 - 9,60 - 10,80\nSL: 6,80", ["7.25", "7.70", "8.10"]),
    ("#FET buy in parts (DCA)\n1) 1.412\n2) 1.365\nTargets: 1.50 / 1.62\nSL: 1.30", ["1.365", "1.412"]),
])
def test_a_buy_heading_with_a_dca_note_over_numbered_rows_is_the_ladder(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert list(parsed.entries) == [D(e) for e in entries]


def test_a_dca_line_with_its_price_stays_an_add_on_entry():
    parsed = parse_message("#AAVE long\nEntrada: 92,40\nRecompra (DCA): 88,90\nObjetivos: 96,00 – 101,50\nStop-loss: 84,70")
    assert list(parsed.entries) == [D("88.90"), D("92.40")]


@pytest.mark.parametrize("text,symbol", [
    ("⬆️ Ignore the bot's 'Stop Target Hit' on #GALA — the wick printed on one exchange only. Still in, SL unchanged.", "GALA/USDT"),
    ("Ignore the stop hit notice on #ETH, still in the trade", "ETH/USDT"),
    ("Disregard the 'closed' message for #SOL, it was sent by mistake. Position still open", "SOL/USDT"),
    ("Please ignore that “SL hit” alert on #DOT — we are still holding", "DOT/USDT"),
])
def test_a_status_notice_the_post_disowns_closes_nothing(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE
    assert parsed.update_action not in (UpdateAction.TP_HIT, UpdateAction.SL_HIT)


@pytest.mark.parametrize("text,symbol", [
    ("Ignore the noise, close #SOL now", "SOL/USDT"),
    ("#ARB stop hit, ignore the pump after", "ARB/USDT"),
])
def test_an_ignore_about_something_else_keeps_the_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


def test_ignore_this_signal_still_withdraws_the_call():
    parsed = parse_message("#OP entry not triggered, ignore this signal")
    assert (parsed.kind, parsed.update_action) == (MessageKind.CLOSE, UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "CME gap on #BTC at 96k is still open",
    "VIP registration still open! #SOL +40% yesterday",
    "Early-bird discount still open for #VIP, join now",
])
def test_a_gap_or_an_offer_still_open_is_no_running_trade(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_trade_still_open_beside_a_gap_still_open_is_progress():
    parsed = parse_message("The CME gap at 96k is still open, careful. #ETH long still open")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "ETH/USDT", UpdateAction.OTHER)


@pytest.mark.parametrize("text", [
    "NOTE (Important) long entries only\nEntry 140\nTP 150\nSL 130",
    "WARNING (Important) buy only with a plan\nEntry 140\nTP 150\nSL 130",
    "DISCLAIMER (Read) — long entries are risky\nEntry 140\nTP 150\nSL 130",
    "REMINDER (Daily)\nShort 140\nTP 130\nSL 150",
    "ATTENTION long only today\nEntry 2.10\nTP 2.30\nSL 1.95",
])
def test_a_note_heading_word_is_never_the_coin(text):
    parsed = parse_message(text)
    assert parsed.symbol is None and not parsed.tradable


def test_a_note_heading_over_a_tagged_call_keeps_the_call():
    parsed = parse_message("NOTE: #SOL long\nEntry 140\nTP 150\nSL 130")
    assert (parsed.kind, parsed.symbol) == (MessageKind.OPEN, "SOL/USDT") and parsed.tradable


def test_gravity_one_letter_ticker_trades_when_labelled_or_tagged():
    assert parse_message("Coin: G (Gravity)\nSide: Long\nEntry: 0.02650\nTP: 0.02800\nSL: 0.02380").tradable
    assert parse_message("#G long\nEntry 0.0265\nTP 0.028\nSL 0.0238").symbol == "G/USDT"
    assert parse_message("G long\nEntry 0.0265\nTP 0.028\nSL 0.0238").symbol is None


@pytest.mark.parametrize("text,entries", [
    ("🟢 SPOT — $DOT\n\nDCA plan (split in 3):\n• 4.35\n• 4.05\n• 3.78\n\nTake profit: 5.10 / 5.90\nStop: 3.49", ["3.78", "4.05", "4.35"]),
    ("#ETH long\nEntry 3100\nDCA plan:\n• 2950\n• 2800\nTP 3300\nSL 2700", ["2800", "2950", "3100"]),
])
def test_a_dca_plan_heading_over_rows_is_the_entry_ladder(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and list(parsed.entries) == [D(e) for e in entries]


def test_a_dca_plan_in_words_adds_no_entry():
    parsed = parse_message("#ETH long\nEntry 3100\nDCA plan: add 20% at each -5%\nTP 3300\nSL 2700")
    assert list(parsed.entries) == [D(3100)]


@pytest.mark.parametrize("text", ["закрываю день в плюсе", "Закрыли день +12% 🔥", "закриваємо тиждень у плюсі",
                                  "Günü kârla kapattık"])
def test_a_day_or_week_closed_in_profit_closes_no_trade(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_trade_closed_beside_the_day_closed_still_closes():
    parsed = parse_message("закрываю день: #SOL закрыт по TP2")
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "SOL/USDT")


@pytest.mark.parametrize("text,kind,symbol", [
    ("Closed the week strong 💪\nNow closing #BTC short at market too, done for the week", MessageKind.CLOSE, "BTC/USDT"),
    ("Closed the month +120% 🔥\n\n#SOL close now, TP2 hit", MessageKind.CLOSE, "SOL/USDT"),
    ("Закрыли неделю. #SOL закрываем тоже, по рынку", MessageKind.CLOSE, "SOL/USDT"),
    ("Closed June in profit ✅ Next:\n#AVAX long\nEntry 30\nTP 33\nSL 28", MessageKind.OPEN, "AVAX/USDT"),
    ("Closed the month +80%. #SOL position still open, holding", MessageKind.UPDATE, "SOL/USDT"),
])
def test_what_follows_a_period_of_results_closed_is_read_on_its_own(text, kind, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (kind, symbol)


@pytest.mark.parametrize("text,symbol", [
    ("#SOL второй вход не сработал, отменяем его", "SOL/USDT"),
    ("#SOL la segunda entrada no se llenó, cancelen esa orden", "SOL/USDT"),
])
def test_an_unfilled_later_rung_cancelled_in_other_languages_is_a_rung_cancel(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text,symbol", [
    ("Entry 2 not reached on #ADA, cancel the trade, we're out", "ADA/USDT"),
    ("#MATIC 2nd entry was not reached, cancel the signal, we are out", "MATIC/USDT"),
    ("#SUI the DCA wasn't filled, cancel it. Also close the position, market looks bad", "SUI/USDT"),
])
def test_a_whole_call_cancelled_after_an_unfilled_rung_is_a_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "Ignore stop loss hit on #XRP, it was an exchange glitch, still in",
    "Disregard the SL hit on #DOGE, Binance wick. Position still open",
    "Ignoren el mensaje de 'stop tocado' en #ETH, seguimos dentro",
    "Ignore the alert that said #SOL closed — we're still in",
    "#LINK quase foi stopado, seguimos posicionados",
])
def test_a_disowned_or_almost_stop_out_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text,symbol", [
    ("Don't ignore the stop hit notice on #APT — it's real, we are out", "APT/USDT"),
    ("#AVAX barely got stopped out, -0.3% only", "AVAX/USDT"),
    ("Ignore the previous 'SL hit' message and close #ETH now manually", "ETH/USDT"),
])
def test_a_real_close_beside_those_words_still_closes(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


def test_a_trade_after_but_beside_a_period_closed_is_read():
    parsed = parse_message("Closed the month ✅ but #BTC long is still running, SL at entry")
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, "BTC/USDT")
