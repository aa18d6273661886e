"""Session 26, hard26: cards whose entry waits for a candle's close, and single-post misreads of round 20 (z74/z77).

Rules, each with its traps (every case written here in its own words, never a corpus row):
- an entry that waits for a candle's close is a conditional entry — the card is held, never traded: "wait(ing) for a
  4H close back above X", "wait for the daily candle to close under X", es "esperar el cierre", ru "дождитесь
  закрытия", and a market event said to come first ("weekly close below X first, then entries …", es "primero el cierre
  … luego entradas", ru "сначала закрытие … потом вход"); the same words after the stop's price are the stop's own
  condition and a plan after the fill ("book TP1 first, then move the stop") is no condition;
- "Until then do not place it" (es "hasta entonces", ru "до тех пор", de "bis dahin", "till then") after the card's own
  condition is that condition, not a disclaimer: the card is a held conditional open; the same words with no condition
  on the card stay a post that says it is no call;
- a bot's score beside its key ("conf=0.82", "confidence: 0.71", "score 77") is never a price: a key=value alert with a
  side, a coin and only a score is a direction-only held open (or nothing), never a limit order at the score;
- a card whose every price is a zero placeholder ("Entry: 0.000 – 0.000 / TP1: 0.000 / SL: 0.000") is a blank form, no
  signal; one zero level among real ones stays the card's (held by the safety check);
- another coin inside a bracketed remark after the card's coin and side ("#SOL LONG (riding the #BTC strength)") is the
  call's reason, not a second coin; a bracket that adds a second call ("(#ETH too)", "(same for #ETH)") or holds a
  number stays two coins (no signal);
- "cut X" ending a one-line call after a comma ("buy A~B, sell C / D, cut X") is the stop; "cut 50%" is a partial close;
- a running trade's stop changed to a candle-close rule ("from now the stop is a 4H close below X", "the SL is now a
  daily close under X", es/de/ru) moves the stop to X, as "new stop: 4H close below X" does; a stop said to be such a
  rule with no change word, or under a condition, moves nothing;
- "BUY #BTC market" with the reference on the next line ("ref ~61.9K") is a market order at that reference ("K" is
  thousands); "LONG $ETH market structure …" is no market order.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

_CONDITION = "the entry waits for a condition"


def _d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


# --- an entry that waits for a candle's close -------------------------------------------------------------------------


@pytest.mark.parametrize("text, entries", [
    ("#DOT LONG\nWaiting for a 4H close back above 6.20, then we buy 6.22 - 6.30\nTP 6.60 / 6.95\nSL 5.95",
     ("6.22", "6.30")),
    ("#OP SHORT\nWait for the daily candle to close under 1.84 before entering\nEntry 1.82 / 1.79\nTP 1.70 / 1.62\nSL 1.90",
     ("1.79", "1.82")),
    ("#LTC short, not yet: weekly close below 78 first, then entries 77.5 / 76.8\nTP 73 / 70\nSL 81", ("76.8", "77.5")),
    ("#ADA LONG\nPrimero el cierre diario por encima de 0.512, luego entradas 0.515 - 0.520\nTP 0.55 / 0.58\nSL 0.49",
     ("0.515", "0.520")),
    ("#ADA LONG\nСначала закрытие дня выше 0.512, потом вход 0.515 - 0.520\nTP 0.55 / 0.58\nSL 0.49",
     ("0.515", "0.520")),
    ("#ADA LONG\nEsperar el cierre de 4H encima de 0.512\nEntrada 0.515 - 0.520\nTP 0.55 / 0.58\nSL 0.49",
     ("0.515", "0.520")),
    ("#ADA LONG\nДождитесь закрытия 4ч выше 0.512\nВход 0.515 - 0.520\nЦели 0.55 / 0.58\nСтоп 0.49", ("0.515", "0.520")),
    (("**#DOT LONG**\n\n**Waiting for a 4H close back above 6.20, then we buy 6.22 - 6.30**\n\n**TP 6.60 / 6.95**\n\n"
     "**SL 5.95**"), ("6.22", "6.30")),
])
def test_an_entry_waiting_for_a_candle_close_is_a_held_conditional_card(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.reason)
    assert not parsed.tradable
    assert _CONDITION in (parsed.rejected or "")
    assert list(parsed.entries) == _d(*entries)


@pytest.mark.parametrize("text", [
    # the stop's own rule after its price
    "#ETH LONG\nEntry 3100 - 3120\nTP 3200 / 3300\nSL 3050 (only on a 4H close below, waiting for the close is fine)",
    "#AVAX LONG\nEntry 24.0 - 24.5\nTP 26 / 28\nSL 22.9 — waiting for the daily close below 22.9 to exit, not a wick",
    # a plan after the fill
    "#SOL LONG\nEntry 150 - 152\nTP 158 / 165\nSL 145\nBook TP1 first, then move the stop to entry",
    "#SOL LONG\nEntry 150 - 152\nTP 158 / 165\nSL 145\nWait for the fill, then set your alerts",
])
def test_a_close_or_a_first_then_that_is_no_entry_condition_keeps_the_card_tradable(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected


# --- "until then do not place it" after the card's condition ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("📌 LINK/USDT · LONG\nEntry: 14.20 - 14.45\nTP: 15.10 / 15.80\nSL: 13.70\n"
    "Only valid once ETH closes the 4H above 3,400. Till then don't open this one."),
    ("🛰 Card 88\nLINK/USDT LONG\nEntry: 14.20 - 14.45\nTP: 15.10 / 15.80\nSL: 13.70\n"
    "Valid only after ETH reclaims 3,400 on the 4H close. Until then, do not place it."),
    ("📌 LINK/USDT · LONG\nEntrada: 14.20 - 14.45\nTP: 15.10 / 15.80\nSL: 13.70\n"
    "Solo si BTC cierra la vela de 1H encima de 68.000. Hasta entonces, no copiar."),
    ("📌 LINK/USDT · LONG\nВход: 14.20 - 14.45\nЦели: 15.10 / 15.80\nСтоп: 13.70\n"
    "Только если BTC закроется выше 68 000 на часовике. До тех пор не копируйте."),
    ("📌 LINK/USDT · LONG\nEinstieg: 14.20 - 14.45\nZiele: 15.10 / 15.80\nStop: 13.70\n"
    "Erst wenn BTC über 68.000 schließt. Bis dahin nicht kopieren."),
])
def test_until_then_after_the_cards_condition_is_a_held_conditional_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.reason)
    assert parsed.symbol == "LINK/USDT" and not parsed.tradable
    assert list(parsed.entries) == _d("14.20", "14.45") and parsed.stop_loss == Decimal("13.70")


@pytest.mark.parametrize("text", [
    "#AAVE LONG\nEntry 152.4 - 155.1\nTP 159.8 / 164.5\nSL 146.9\nUntil then, do not place it",
    "#AAVE LONG\nEntry 152.4 - 155.1\nTP 159.8 / 164.5\nSL 146.9\nDo not place it, this is just an example",
])
def test_do_not_place_it_with_no_condition_on_the_card_stays_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- a bot's score is no price ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "[NEURO] signal=BUY asset=OPUSDT tf=4h conf=0.71",
    "[NEURO] signal=BUY asset=OPUSDT tf=4h score=77",
    "<NEURO> signal=BUY asset=OPUSDT tf=1d prob=0.64",
])
def test_a_key_value_alert_with_only_a_score_is_a_direction_only_held_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "OP/USDT" and parsed.side == Side.LONG
    assert list(parsed.entries) == [] and parsed.entry_type == EntryType.MARKET
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "[QUANTBOT] side=LONG symbol=OPUSDT interval=15m confidence=0.71",
    "[QUANT-7] signal=BUY asset=OPUSDT tf=15m conf=0.71",
    "BUY #OP confidence: 0.71",
])
def test_a_score_never_becomes_an_entry(text):
    parsed = parse_message(text)
    assert Decimal("0.71") not in parsed.entries
    assert not parsed.tradable


def test_a_score_line_under_a_card_leaves_the_card_as_it_is():
    parsed = parse_message("#OP LONG\nEntry 1.82\nTP 1.95\nSL 1.74\nConfidence: 0.8")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert list(parsed.entries) == _d("1.82") and list(parsed.targets) == _d("1.95")


# --- a blank form ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("Post your setup for review like this:\n\n#TICKER/USDT LONG|SHORT\nEntry: 0.00 – 0.00\nTP1: 0.00\nTP2: 0.00\n"
    "SL: 0.00\nLeverage: __x"),
    "#OP LONG\nEntry: 0\nTP: 0 / 0\nSL: 0",
    "**Format:**\n\n**#COIN SHORT**\n\n**Entry 0.000**\n\n**Target 0.000**\n\n**Stop 0.000**",
])
def test_a_card_whose_every_price_is_zero_is_a_blank_form(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_one_zero_level_beside_real_ones_is_still_the_cards_and_held():
    parsed = parse_message("#OP LONG\nEntry: 1.82\nTP: 0\nSL: 1.74")
    assert parsed.kind == MessageKind.OPEN and not parsed.tradable


# --- a coin in a bracketed remark -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, symbol", [
    ("#SOL LONG 🟢 (following the #BTC pump)\nEntry 150 - 152\nTP 158 / 165\nSL 145\nLev 3x", "SOL/USDT"),
    ("#LINK SHORT 🔴 (#BTC dominance rising)\nEntry 14.6 - 14.9\nTP 14.0 / 13.4\nSL 15.3", "LINK/USDT"),
    ("#SOL LONG (siguiendo la fuerza de #BTC)\nEntrada 150 - 152\nTP 158\nSL 145", "SOL/USDT"),
    ("**#SOL LONG 🟢 (following the #BTC pump)**\n\n**Entry 150 - 152**\n\n**TP 158 / 165**\n\n**SL 145**", "SOL/USDT"),
])
def test_another_coin_in_a_bracketed_remark_is_context(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == symbol, (parsed.kind, parsed.reason)


@pytest.mark.parametrize("text", [
    "#SOL LONG (#ETH too)\nEntry 150 - 152\nTP 158\nSL 145",
    "#SOL LONG (same for #ETH)\nEntry 150 - 152\nTP 158\nSL 145",
    "#SOL LONG (#BTC above 68000)\nEntry 150 - 152\nTP 158\nSL 145",
])
def test_a_bracket_adding_a_second_call_or_a_number_stays_two_coins(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- "cut X" ending a one-line call -----------------------------------------------------------------------------------


def test_cut_after_a_comma_ending_a_one_line_call_is_the_stop():
    parsed = parse_message("Spot $INJ buy 21.4~22.0, sell 24.5 / 26.8, cut 19.9")
    assert parsed.kind == MessageKind.OPEN and parsed.side == Side.LONG
    assert list(parsed.entries) == _d("21.4", "22.0")
    assert list(parsed.targets) == _d("24.5", "26.8") and parsed.stop_loss == Decimal("19.9")


def test_cut_with_a_share_is_a_partial_close():
    parsed = parse_message("#INJ TP1 done, cut 50% now")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE


def test_cut_with_a_condition_after_it_is_not_traded():
    parsed = parse_message("Spot $INJ buy 21.4~22.0, sell 24.5 / 26.8, cut 19.9 if the daily closes under it")
    assert not parsed.tradable


# --- the stop changed to a candle-close rule -------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin, price", [
    ("#NEAR: going forward the SL will be a daily close under 4.85, wicks don't count.", "NEAR/USDT", "4.85"),
    ("#NEAR: new exit logic, from now on the stop is a 1H close below 4.85 (not a wick)", "NEAR/USDT", "4.85"),
    ("#NEAR: the SL is now a daily close under 4.85", "NEAR/USDT", "4.85"),
    ("#ETH: desde ahora el stop es un cierre de 4H por debajo de 3100", "ETH/USDT", "3100"),
    ("#ETH: стоп теперь — закрытие 4ч ниже 3100", "ETH/USDT", "3100"),
    ("#ETH: der Stop ist ab jetzt ein 4H-Schluss unter 3100", "ETH/USDT", "3100"),
])
def test_a_stop_changed_to_a_candle_close_rule_moves_the_stop(text, coin, price):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin, (parsed.kind, parsed.reason)
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop == Decimal(price)


@pytest.mark.parametrize("text", [
    "#NEAR: the SL is a daily close under 4.85 as always",
    "#NEAR: if the stop becomes a daily close under 4.85 we keep it",
])
def test_a_stop_rule_told_without_a_change_or_on_a_condition_moves_nothing(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.NEW_STOP


# --- a market order with its reference on the next line ----------------------------------------------------------------


@pytest.mark.parametrize("text, side, entry", [
    ("SELL #ETH market 🔴\nref ~3.41K\nTP 3.3K / 3.2K\nSL 3.5K", Side.SHORT, "3410"),
    ("BUY $SOL market\nref 171.2\nTP 178 / 184\nSL 166", Side.LONG, "171.2"),
])
def test_a_market_order_with_its_reference_below_is_at_the_market(text, side, entry):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.side == side
    assert parsed.entry_type == EntryType.MARKET and list(parsed.entries) == _d(entry)


def test_market_structure_is_no_market_order():
    parsed = parse_message("LONG $ETH market structure flipped\nEntry 3400 - 3420\nTP 3500\nSL 3350")
    assert parsed.entry_type == EntryType.RANGE and list(parsed.entries) == _d("3400", "3420")
