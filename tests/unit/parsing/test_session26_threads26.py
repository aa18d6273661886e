"""Session 26, threads26: follow-up posts in a trade's thread — partial closes, tallies, explanations, old cards, replies.

Rules, each with its traps:
- the share still open written as a field of its own, no colon ("Closed another 30% / Remaining 40% — SL to TP1",
  "closed 20%. Remaining 80%", "cerramos 30% | restante 70%", "закрыли 30%, остаток 70% — стоп в БУ") leaves a partial
  close — before, "remaining 40%" read as the last part closed and the whole trade was closed. "Remaining 50% closed at
  TP3", "closed the remaining 50%" and "Remaining 50% — closed manually" still end the trade;
- a tally heading a results post ("Last night's calls, final tally", "VIP | Scorecard", "Bilan du jour", "Bilanz der
  Woche") is no signal, whatever its rows say closed; a close with no such heading still closes;
- a term asked about and explained ("Someone asked what 'lock half' means — it means close 50% …", "What does 'BE'
  mean? …", "¿Qué significa …?", "Что значит …?") is no signal; "TP1 hit. What this means: close 50%" is the channel's
  order (a partial close), and so is a plain "close 50% now";
- an old card quoted (a "> " block) over a warning not to take old or forwarded cards ("please don't take old signals
  people forward you", "no entren en señales viejas", "не входите по старым сигналам") is no signal — the trade ended
  before, and a close now would end a newer trade on the coin; the quoted card never opens. A quoted card under "close
  it now", or a warning beside "if you're still in, close now", still closes;
- a reply naming no coin that opens on its trade closed with how it went ("Closed in loss ❌ -4.1%", "closed -2.1%",
  "Zararla kapattık") is a close of the replied-to trade; the market or a CME gap "closed in the red" is none, and a
  result told of yesterday is a recap;
- a reply's heading line of the coin and its side word ("↩️ OP short", "Reply to: #ETH long") gives the side of the
  status below, even when its sentences name the other side; a heading with no side word gives none;
- "still holding the rndr" (a ticker we know in lower case after the hold) names the coin; "still holding the line" and
  a word-like ticker ("still holding the near long") name none;
- every order of a call cancelled while nothing filled ("cancel all unfilled orders — the zone never got touched,
  nobody's in") closes the call; with a rung said filled it stays the cancel of the rest (an update);
- "call void" ending its clause closes the call; "if … the call void" waits;
- a rung numbered with "#" ("buy #2 (0.8120) filled ✅ avg 0.8310") is that rung's fill — an update, never a new card;
- the coin and side heading the line, then an arrow onto the stop ("ETH long: stop → 3,420 (locking +1R)") moves the
  stop — an update, not a held open with the targets it restates; a full card still opens;
- a quoted line naming the coin and its levels ("> DOT targets 7.10 / 7.45") under "targets updated to …" is an update of
  that coin; "targets not changed" is no update;
- an add on the dip at a price ("add on dip: 2nd bag at 1.420 if it gets there") is an add, the "if it gets there" only its
  own fill; an add waiting for another market event still waits. A reply heading with the replied-to post in quotation
  marks ('↩️ Reply to "DOT spot bag"') names its coin;
- a possessive in capitals ("close 50% of YOUR position", "move OUR stop") is no coin: the change is the replied-to
  trade's (it had read as YOUR/USDT); a tagged coin beside it stays the change's coin.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _nothing(text: str) -> None:
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol, parsed.update_action, parsed.rejected)
    assert not parsed.tradable


def _closed(text: str, symbol: str | None) -> None:
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol), (parsed.kind, parsed.symbol, parsed.update_action)


def _updated(text: str, symbol: str | None, action: UpdateAction | None = None) -> None:
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol), (parsed.kind, parsed.symbol, parsed.rejected)
    if action is not None:
        assert parsed.update_action == action, parsed.update_action


# --- the share still open ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#OP/USDT 🎯 Target 3 reached\nClosed another 30% 💰\nRemaining 40% — SL moved to TP2 (1.912)",
    "#OP closed 20%. Remaining 80%",
    "#OP closed 20%, remaining 80% rides",
    "#OP cerramos 30% | restante 70%",
    "#OP закрыли 30%, остаток 70% — стоп в БУ",
])
def test_share_left_field_keeps_a_partial_close(text: str) -> None:
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "OP/USDT", (parsed.kind, parsed.symbol)
    assert UpdateAction.PARTIAL_CLOSE in (parsed.update_action, *parsed.also_actions)


@pytest.mark.parametrize("text", [
    "#OP TP3 hit, remaining 50% closed",
    "#OP closed the remaining 50%",
    "#OP TP2 ✅ closed 25%\nRemaining 50% closed at TP3",
    "#OP TP1 ✅ closed 50%\nRemaining 50% — closed manually",
])
def test_last_part_closed_still_ends_the_trade(text: str) -> None:
    _closed(text, "OP/USDT")


# --- tallies ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Last night's calls, final tally 📋\nAVAX ✅ +6.1% (closed at TP2)\nADA ➖ breakeven\nINJ ❌ -9.8%\nAll done for that batch.",
    "VIP | Scorecard\n#AVAX closed +6%\n#ADA -2%",
    "Bilan du jour 📋\n#AVAX fermé +6%",
])
def test_tally_heading_is_no_signal(text: str) -> None:
    _nothing(text)


def test_close_without_a_tally_heading_still_closes() -> None:
    _closed("#AVAX closed at TP2 ✅ +6.1%", "AVAX/USDT")


# --- a term explained -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    ("A member asked what 'lock half' means 🙂 It means close 50% of your position at market and let the rest run. "
     "No action needed on any trade today."),
    "What does 'move to BE' mean? It means you move your stop loss to your entry price.",
    "¿Qué significa «asegurar la mitad»? Cerrar el 50% de tu posición.",
])
def test_term_explained_is_no_signal(text: str) -> None:
    _nothing(text)


@pytest.mark.parametrize("text", [
    "#AVAX TP1 hit. What this means: close 50% and move SL to entry",
    "#AVAX TP1 ✅ close 50% now",
])
def test_channel_order_beside_a_meaning_word_stays(text: str) -> None:
    _updated(text, "AVAX/USDT", UpdateAction.PARTIAL_CLOSE)


# --- old cards quoted -------------------------------------------------------------------------------------------------

_OLD_CARD = "> #AVAX long 5x\n> Entry 31.2-32.0\n> TP 33.5 / 35 / 37\n> SL 29.8\n\n"


@pytest.mark.parametrize("warning", [
    "⚠️ this one's over, it closed last week at TP1. please don't take old signals people forward you",
    "ya terminó. por favor no entren en señales viejas",
    "сделка давно закрыта, не входите по старым сигналам",
])
def test_old_card_quoted_under_a_warning_is_no_signal(warning: str) -> None:
    _nothing(_OLD_CARD + warning)


@pytest.mark.parametrize("reply", [
    "close it now",
    "old card, never trade old signals. if you're still in, close now",
])
def test_quoted_card_with_a_close_now_still_closes(reply: str) -> None:
    _closed(_OLD_CARD + reply, "AVAX/USDT")


# --- a reply closed with its result -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "↩️ Reply to: Signal #7731\nClosed in loss ❌ -4.1%. Funding flipped, not worth holding.",
    "closed -2.1%, next one",
    "Zararla kapattık, -3%",
])
def test_reply_closed_with_result_closes_the_replied_trade(text: str) -> None:
    _closed(text, None)


@pytest.mark.parametrize("text", [
    "market closed in the red today",
    "The CME closed at +2%",
    "Closed in profit yesterday +5%",
])
def test_market_close_or_past_result_is_no_close(text: str) -> None:
    assert parse_message(text).kind != MessageKind.CLOSE


# --- side from a reply heading ----------------------------------------------------------------------------------------

def test_reply_heading_side_word_gives_the_side() -> None:
    parsed = parse_message("↩️ OP short\nmy bad, those levels were for the long idea 🤦 OP signal cancelled, place nothing")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "OP/USDT", Side.SHORT)
    parsed = parse_message("Reply to: #ETH long\nclosed here ✅")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "ETH/USDT", Side.LONG)


def test_heading_without_a_side_word_gives_none() -> None:
    parsed = parse_message("↩️ OP\nOP signal cancelled, place nothing")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "OP/USDT", None)


# --- a lower-case coin held -------------------------------------------------------------------------------------------

def test_still_holding_a_lower_case_ticker_names_it() -> None:
    _updated("still holding the rndr, nothing new 😴", "RNDR/USDT")


@pytest.mark.parametrize("text", ["still holding the line, nothing to do", "still holding the near long"])
def test_still_holding_a_word_names_no_coin(text: str) -> None:
    assert parse_message(text).symbol is None


# --- every order cancelled before a fill ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "INJ ❌ cancel all unfilled orders — the zone never got touched, it pumped without us. Nobody's in this one.",
    "#INJ cancelar todas las órdenes pendientes, nadie entró",
])
def test_every_order_cancelled_unfilled_closes(text: str) -> None:
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "INJ/USDT"), (parsed.kind, parsed.symbol)
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#INJ cancel all unfilled orders, first entry filled, hold it",
    "#INJ cancel the 2nd entry, we hold the first",
])
def test_rest_cancelled_beside_a_fill_stays_an_update(text: str) -> None:
    _updated(text, "INJ/USDT", UpdateAction.CANCEL_ENTRY)


# --- a call void ------------------------------------------------------------------------------------------------------

def test_call_void_closes() -> None:
    _closed("↩️ Reply to: TIA (conditional)\n1h closed at 9.80, trigger missed → TIA call void, nothing to enter.",
            "TIA/USDT")
    _closed("#TIA setup void.", "TIA/USDT")


def test_call_void_on_a_condition_waits() -> None:
    _nothing("#TIA: if 4h closes below 9 the call void, else enter")


# --- a rung numbered with "#" filled ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Forwarded from Alpha Spot Room\nSEI buy #2 (0.4120) filled ✅ avg 0.4195",
    "SEI entry #3 filled",
])
def test_hash_numbered_rung_filled_is_an_update(text: str) -> None:
    _updated(text, "SEI/USDT", UpdateAction.ENTRY_FILLED)


def test_card_with_buy_still_opens() -> None:
    parsed = parse_message("#SEI buy 0.4120\nTP 0.45 / 0.48\nSL 0.39")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "SEI/USDT" and parsed.side == Side.LONG


def test_card_rows_numbered_with_hash_keep_their_prices() -> None:
    parsed = parse_message("SEI / USDT — SPOT\n\nBuy #1: 0.4300\nBuy #2 (DCA): 0.4120\n\nTP: 0.45 | 0.48\nSL: 0.39")
    assert parsed.kind == MessageKind.OPEN and [float(e) for e in parsed.entries] == [0.412, 0.43], parsed.entries


# --- a stop moved by an arrow after the coin and side -----------------------------------------------------------------

def test_coin_side_arrow_stop_moves_the_stop() -> None:
    parsed = parse_message("ETH long: stop → 3420 (locking +1R). Still aiming for 3650 & 3800.")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.UPDATE, "ETH/USDT", Side.LONG)
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop == 3420


def test_full_card_still_opens() -> None:
    parsed = parse_message("ETH long\nEntry 3,380\nTP 3,650 / 3,800\nSL 3,300")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "ETH/USDT"


# --- targets revised under a quoted line ------------------------------------------------------------------------------

def test_targets_updated_under_a_quoted_line_is_an_update() -> None:
    _updated("> DOT targets 7.10 / 7.45 / 7.90\ntargets updated to 7.25 / 7.60 / 8.05 — structure is cleaner. entry & stop "
             "stay", "DOT/USDT")


def test_targets_not_changed_is_no_update() -> None:
    _nothing("> DOT targets 7.10 / 7.45 / 7.90\ntargets not changed, hold")


# --- an add on the dip ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "↩️ Reply to \"DOT spot bag 🪙\"\nadd on dip: 2nd bag at 6.420 if it gets there, same stop 6.010",
    "#DOT add more at 6.420 if it gets there",
])
def test_add_at_a_price_if_it_gets_there_is_an_add(text: str) -> None:
    _updated(text, "DOT/USDT", UpdateAction.ADD_ENTRY)


def test_add_waiting_for_another_event_waits() -> None:
    _nothing("#DOT add more if BTC breaks 100k")


# --- a possessive shouted is no coin ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "action"), [
    ("Close 50% of YOUR position now", UpdateAction.PARTIAL_CLOSE),
    ("Move OUR stop to entry now", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_shouted_possessive_is_no_coin(text: str, action: UpdateAction) -> None:
    _updated(text, None, action)


def test_tagged_coin_beside_a_shouted_possessive_stays() -> None:
    _updated("#SOL move YOUR stop to entry", "SOL/USDT", UpdateAction.MOVE_SL_BREAKEVEN)
