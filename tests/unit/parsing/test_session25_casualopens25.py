"""Session 25, casual opens: calls typed on a phone, in lower case, with slang and half-spelt labels.

Rules, each with its traps:
- a ticker we know, in lower case, a few words after the side word on its line ("selling the rip on doge", "buying a bit
  of ada", "short on near at …"): the last word before it is a small hop word ("on", "some", "the", "of" …), and right
  after it comes a price, a level's label, the market or the end of the line. It is read as the coin and always HELD
  (a lower-case word is never sure). "near the support", "link in bio", "one more thing" go on as sentences: never read;
- a status headed by a lower-case ticker: "all"/"both" may stand between it and its level word ("link all targets hit,
  closed"), and a line that is only the ticker and its numbered target ("btc tp1 🎯") over the post's change names that
  ticker's trade (not when another ticker heads another line);
- "cancel/close the <ticker> order/trade/position" names that order's coin ("cancel the last order" names none);
- half-spelt labels right before a price: "targt"/"trgt" are the targets, "stp" the stop; "out" right after the entry's
  price and before a price is the targets ("in 24.6 out 26");
- "aping <coin> <price or now>" is a buy ("stop aping memes" is none); "rn" right before a price is "right now": a
  market entry with that price as its reference;
- direction-only alerts promise their levels in casual words ("details in a sec", "levels after i eat"): an open at
  market with no level, held.
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _held(text: str):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert not parsed.tradable, parsed.rejected
    return parsed


def _f(values):
    return [float(v) for v in values]


# --- a lower-case ticker a few words after the side word -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol", "side"), [
    ("selling the rip on doge 0.212 tp 0.20 sl 0.22", "DOGE/USDT", "short"),
    ("longing the bounce on link at 15.10 stop 14.60 tp 16.00", "LINK/USDT", "long"),
    ("buying a bit of ada 0.61 tp 0.66 sl 0.58", "ADA/USDT", "long"),
    ("short on near at 6.40 stop 6.70 take profit 6.00", "NEAR/USDT", "short"),
    ("long on dot entry 7.10 tp 7.60 sl 6.80", "DOT/USDT", "long"),
    ("shorting this pump on sol 182 tp 175 sl 187", "SOL/USDT", "short"),
])
def test_lower_case_coin_a_few_words_after_the_side_is_read_and_held(text, symbol, side):
    parsed = _held(text)
    assert parsed.symbol == symbol
    assert parsed.side.value == side
    assert "read from the word" in (parsed.rejected or "")


@pytest.mark.parametrize("text", [
    "long near the support 5.12 stop 4.9 tp 5.5",
    "long now, link in bio 5.12 stop 4.9 tp 5.5",
    "buying some more 5.12 stop 4.9 tp 5.5",
])
def test_english_words_after_the_side_are_no_coin(text):
    assert parse_message(text).symbol is None


# --- a status headed by a lower-case ticker ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "symbol"), [
    ("link all tps hit 💰 fully closed", MessageKind.CLOSE, "LINK/USDT"),
    ("eth tp1 ✅\neth tp2 ✅\nstop to entry now", MessageKind.UPDATE, "ETH/USDT"),
    ("sol tp1 🎯\nsl moved to be", MessageKind.UPDATE, "SOL/USDT"),
    ("cancel the link order, never filled", MessageKind.CLOSE, "LINK/USDT"),
    ("close my avax trade here", MessageKind.CLOSE, "AVAX/USDT"),
])
def test_status_headed_by_a_lower_case_ticker(text, kind, symbol):
    parsed = parse_message(text)
    assert parsed.kind == kind, (parsed.kind, parsed.rejected)
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "eth tp1 🎯\nsol tp1 🎯\nmoving sl to be",
    "near all targets now, close half",
    "cancel the last order, price ran",
    "close the whole position now",
    "close the one trade i had",
])
def test_status_traps_name_no_lower_case_coin(text):
    assert parse_message(text).symbol is None


# --- half-spelt labels, "in … out …" --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entries", "targets", "stop"), [
    ("#ARB long 0.90 targt 0.95 1.00 stp 0.86", [0.90], [0.95, 1.00], 0.86),
    ("#OP short 2.40 trgt 2.20 stp 2.52", [2.40], [2.20], 2.52),
    ("#TIA long in 6.10 out 6.60 and 7.00 sl 5.80", [6.10], [6.60, 7.00], 5.80),
])
def test_half_spelt_labels(text, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, parsed.rejected
    assert _f(parsed.entries) == entries
    assert _f(parsed.targets) == targets
    assert float(parsed.stop_loss) == stop


@pytest.mark.parametrize("text", [
    "#TIA long 6.10 stopped out 6.60 sl 5.80",
    "stp token looks good 3400",
])
def test_out_and_stp_elsewhere_are_no_labels(text):
    parsed = parse_message(text)
    assert not parsed.targets or 6.6 not in _f(parsed.targets)
    assert parsed.stop_loss is None or float(parsed.stop_loss) != 3400


# --- "aping", "rn" ---------------------------------------------------------------------------------------------------------


def test_aping_with_rn_is_a_market_buy_held():
    parsed = _held("aping bonk rn 0.0000231 tp 0.0000260 sl 0.0000215")
    assert parsed.symbol == "BONK/USDT"
    assert parsed.side.value == "long"
    assert parsed.entry_type.value == "market"
    assert _f(parsed.entries) == [0.0000231]


@pytest.mark.parametrize("text", [
    "stop aping bonk at 0.0000231 guys",
    "no aping bonk at 0.0000231 pls",
])
def test_aping_said_against_is_no_call(text):
    assert parse_message(text).kind != MessageKind.OPEN


# --- direction-only alerts in casual words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol", "side"), [
    ("#SUI — LONG it here, bybit perp, 5x. Details in a sec", "SUI/USDT", "long"),
    ("#AVAX short now, levels in a bit", "AVAX/USDT", "short"),
    ("shorting the top on pepe 🔻 levels after i eat", "PEPE/USDT", "short"),
])
def test_direction_only_alerts_are_held_market_opens(text, symbol, side):
    parsed = _held(text)
    assert parsed.symbol == symbol
    assert parsed.side.value == side
    assert not parsed.entries and not parsed.targets and parsed.stop_loss is None
    assert parsed.entry_type.value == "market"


@pytest.mark.parametrize("text", [
    "shorting the top on near 🔻 levels after i eat",
    "btc is heading lower, details in a sec",
])
def test_direction_only_traps(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.OPEN or not parsed.tradable
    assert parsed.symbol != "NEAR/USDT"
