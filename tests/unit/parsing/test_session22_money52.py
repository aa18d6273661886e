"""Session 22, money52: wrong closes and position changes of blind round 2 (blind_z52..z55).

Rules, each with its traps:
- a lower-case word of the language's grammar (a determiner, quantifier, pronoun or possessive: "any", "some", "one",
  "cualquier", "toute", "jede", "semua"; the readers addressed: "guys", "amigos") after a close or cancel verb is never the coin closed, though a ticker spells
  the same; the coin named elsewhere in the post is (in capitals "Cancel ANY" still names the coin);
- a capitalised word we do not know as a ticker opening the post's first line over another capitalised word ("VAULT
  EXIT", "ORACLE UPDATE") is the channel's brand when a ticker we know follows on that line: that ticker is the coin;
- a period's summary heading the post ("Daily bot summary", "Weekly report", "Resumen diario", "Tagesbericht") over
  fields that count deals ("Deals closed: 9 | Active: 4") is no close;
- a card marked expired or too late for latecomers ("EXPIRED", "too late, don't chase", "ABGELAUFEN – nicht mehr
  einsteigen", "ya no entrar") after it already ran (filled, a target reached) is no signal: no open, no close; a card
  expired before it filled stays a cancel (a close), and a close or stop move said beside it is read;
- a stop move or partial close said after a target still to be reached ("After TP3 hits we move SL to entry", "Sobald
  TP2 erreicht ist, …") is a plan for later — nothing now; the move ordered now still moves the stop;
- the call withdrawn in the present ("Cancelling the call", "se cancela la señal", "setup kita cancel", "sinyal
  dibatalkan") closes the call; the same words asked, denied or on a condition do not.
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _kind_symbol(text: str):
    parsed = parse_message(text)
    return parsed.kind, parsed.symbol


# --- a grammar word after the close verb is no coin -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("No breakout on the daily → ETH short idea is off, cancel any limit orders still waiting.", "ETH/USDT"),
    ("SOL long setup invalidated — cancel some orders you still have open.", "SOL/USDT"),
    ("ARB batal guys, setup kita cancel. Jangan masuk.", "ARB/USDT"),
    ("#LINK: the setup is void, cancel any pending orders.", "LINK/USDT"),
])
def test_grammar_word_after_close_verb_is_no_coin(text, symbol):
    kind, got = _kind_symbol(text)
    assert kind == MessageKind.CLOSE
    assert got == symbol


@pytest.mark.parametrize("text", [
    "cancel any orders you placed",
    "close one of them if you like",
])
def test_grammar_word_alone_closes_no_coin_named_so(text):
    _, got = _kind_symbol(text)
    assert got not in ("ANY/USDT", "ONE/USDT")


@pytest.mark.parametrize(("text", "symbol"), [
    ("Close algo", "ALGO/USDT"),   # a ticker we know, lower case: still the coin
    ("Cancel ANY now", "ANY/USDT"),  # in capitals the word is the coin
])
def test_coin_after_close_verb_still_read(text, symbol):
    kind, got = _kind_symbol(text)
    assert kind == MessageKind.CLOSE
    assert got == symbol


# --- the channel's brand heading the post -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("HARBOR EXIT | ADA | fully closed at 0.4410 | +6.1%", "ADA/USDT"),
    ("ORACLE CLOSE ▸ LINK ▸ closed at 14.20 ▸ +3%", "LINK/USDT"),
])
def test_brand_heading_is_not_the_coin(text, symbol):
    kind, got = _kind_symbol(text)
    assert kind == MessageKind.CLOSE
    assert got == symbol


def test_unknown_word_alone_before_close_is_still_read():
    # (no known ticker after it on its line: the rule does not apply)
    kind, _ = _kind_symbol("HARBOR closed, ADA pumping")
    assert kind in (MessageKind.CLOSE, MessageKind.NOT_A_SIGNAL)
    assert _kind_symbol("HARBOR closed, ADA pumping")[1] != "ADA/USDT"


# --- a period summary with counts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🗓 Weekly grid report 03.07\nDeals closed: 21 | Running: 3\nProfit this week: +88.20 USDT",
    "Daily bot summary\nClosed: 5 | Active: 2\nPnL today: +12.4 USDT",
    "Resumen diario del bot\nOperaciones cerradas: 6 | Activas: 1",
    "Tagesbericht\nGeschlossene Deals: 4 | Offen: 2",
])
def test_period_summary_with_counts_is_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "Daily update\n#SOL closed at 150 ✅ +8%",
    "#AVAX closed: +12% ✅",
])
def test_close_without_a_summary_heading_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- a card expired after it ran ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "⌛ EXPIRED\n#LINK long 13.40 - 13.60 already hit TP1 while most of you slept.\nToo late to enter, don't chase it.",
    ("⏰ ABGELAUFEN – nicht mehr einsteigen\n#ADA Long 0,450 – 0,460\nZiele 0,480 / 0,500\nSL 0,430\n"
     "Die Order wurde bereits heute früh gefüllt."),
    "CADUCADA — ya no entrar\n#SOL long 140-142\nTP 150 / 158\nSL 134\nYa tocó el TP1 ayer.",
])
def test_card_expired_after_it_ran_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#FET long — entry 1.42 never filled, signal expired. Cancel your limit order.",
])
def test_card_expired_before_fill_still_cancels(text):
    assert parse_message(text).kind == MessageKind.CLOSE


def test_expired_card_with_a_stop_move_is_read_as_the_move():
    parsed = parse_message("#LINK already hit TP1 — too late to enter now. For those in: move SL to entry.")
    assert parsed.kind == MessageKind.UPDATE


# --- a change after a target still to come ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#INJ roadmap\nOnce TP3 hits we move the stop to entry.\nNothing to do for now.",
    "#INJ: after TP2 is reached we take half off.",
])
def test_change_after_a_target_to_come_is_no_change_now(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_change_now_still_moves():
    parsed = parse_message("#INJ TP2 hit. Move SL to entry now.")
    assert parsed.kind == MessageKind.UPDATE


# --- the call withdrawn in the present ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("#TIA long — 5.80 entry never got filled.\nCancelling the call, remove your order.", "TIA/USDT"),
    ("❌ SOL: se cancela la señal, la orden nunca se llenó.", "SOL/USDT"),
    ("ARB batal guys, setup kita cancel. Jangan masuk.", "ARB/USDT"),
])
def test_call_withdrawn_closes(text, symbol):
    kind, got = _kind_symbol(text)
    assert kind == MessageKind.CLOSE
    assert got == symbol


@pytest.mark.parametrize("text", [
    "#TIA: we are not cancelling the call, the entry can still fill.",
    "#TIA: should we be cancelling the call?",
])
def test_call_withdrawal_denied_or_asked_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_close_what_is_left_closes_the_replied_to_trade():
    parsed = parse_message("Momentum gone. Close what is left at market.")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol is None
