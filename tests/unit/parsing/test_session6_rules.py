"""Rules added in session 6 (general readings and safety nets, each found by a probe or by the misses of blind rounds).

Every case is a structure or a word class, never a corpus row: the open is traded as written, or held for review
(`rejected` starting "held for review") when a field comes from a reading rather than a label.
"""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

_FOOTER = "\n\n⚠️ Not financial advice. Risk max 2% per trade. Join VIP: @vip_signals_bot (30% off till 31.12)"


def _held(parsed) -> bool:
    return bool(parsed.rejected) and parsed.rejected.startswith("held for review")


@pytest.mark.parametrize("text", [
    "#DOT SHORT\nEinstieg: 4,180\nZiel 1 4,090\nZiel 2 3,980\nStop: 4,265",
    "#ATOM SHORT\nEntry: 4,620\nTargets: 4,540 / 4,450\nStop: 4,710",
])
def test_a_dot_decimal_outside_the_level_lines_does_not_settle_a_comma(text):
    # "till 31.12" in an advert footer is a date: the comma in "4,180" is still either separator — held, never
    # traded as 4180
    parsed = parse_message(text + _FOOTER)
    assert _held(parsed)
    assert parse_message(text).rejected == parsed.rejected


def test_a_dot_decimal_on_a_level_line_still_settles_the_comma():
    parsed = parse_message("#ETH LONG\nEntry: 3,410.5\nTargets: 3,480 / 3,550\nStop: 3,360" + _FOOTER)
    assert parsed.rejected is None
    assert parsed.entries == (Decimal("3410.5"),) and parsed.stop_loss == Decimal("3360")


def test_a_field_flattened_onto_one_line_under_an_unknown_word_is_held():
    flat = parse_message("#RUNE SHORT | Entry 1.412 | Close 1: 1.380 | Close 2: 1.345 | Quxel rest: 1.300 | Stop 1.450")
    assert _held(flat) and "Quxel rest" in flat.rejected
    # the same post without the unknown part trades
    assert parse_message("#RUNE SHORT | Entry 1.412 | Close 1: 1.380 | Close 2: 1.345 | Stop 1.450").rejected is None


@pytest.mark.parametrize("text", [
    "LONG NOW 🚀\n#ZENUSDT\n$11.50\nTP $12.10 / $12.70\nSL $11.05",
    "BUY NOW\n#ZENUSDT\n11.50 | TP 12.10 / 12.70 | SL 11.05",
])
def test_a_price_line_nothing_read_before_the_exits_holds_a_market_entry(text):
    parsed = parse_message(text)
    assert _held(parsed)


def test_a_dollar_price_on_its_own_line_is_read_as_the_entry_held():
    parsed = parse_message("LONG NOW 🚀\n#ZENUSDT\n$11.50\nTP $12.10 / $12.70\nSL $11.05")
    assert parsed.entries == (Decimal("11.50"),) and _held(parsed)


def test_only_the_turkish_letters_themselves_mark_a_comma_decimal_language():
    # under a case-blind match "ı"/"İ" matched every Latin "i": an English post got the decimal-comma reading
    english = parse_message("#ATOM SHORT\nEntry: 4,620\nTargets: 4,540 / 4,450\nStop: 4,710\nRisk 1%")
    assert _held(english) and "decimal comma" not in english.rejected and english.entries == (Decimal("4620"),)
    turkish = parse_message("#ATOM SHORT\nGiriş: 4,620\nHedefler: 4,540 / 4,450\nStop: 4,710")
    assert _held(turkish) and "decimal comma" in turkish.rejected and turkish.entries == (Decimal("4.620"),)
