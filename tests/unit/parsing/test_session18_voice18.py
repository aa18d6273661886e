"""Session 18, fixer "voice18" (blind_z12): voice-to-text transcripts of calls, their numbers said in English words.

A transcript's numbers are written as digits only in a post that reads as one (a voice/transcription marker, or no digit
of its own and spoken numbers after the trade's labels). What a rule cannot read for sure — digit groups said without
their "point" or their thousands, a rung number merged with its price, a coin said as a lower-case word, a price of
another size than the rest (a misheard "sixteen"/"sixty") — is read for an operator and the open is held, never traded.
Ordinary posts with number words keep their reading."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message
from verzek.parsing.spoken import read_spoken


def _open(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open", (text, parsed)
    return parsed


def _levels(parsed):
    return ([float(e) for e in parsed.entries], [float(t) for t in parsed.targets],
            None if parsed.stop_loss is None else float(parsed.stop_loss))


# --- spoken decimals, lists and leverage ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, symbol, levels, leverage", [
    (("alright team long on dot entry four point two one targets four point four and four point six stop at four point "
     "oh five leverage eight x"), "DOT/USDT", ([4.21], [4.4, 4.6], 4.05), 8),
    (("new trade guys short avax entry twenty eight point four targets twenty seven point one twenty six point five and "
     "twenty five point nine stop twenty nine point two leverage fifteen x"), "AVAX/USDT",
     ([28.4], [27.1, 26.5, 25.9], 29.2), 15),
    (("long arb entry zero point seven eight to zero point seven six targets zero point eight five and zero point nine two "
     "stop zero point seven one leverage ten x"), "ARB/USDT", ([0.76, 0.78], [0.85, 0.92], 0.71), 10),
    (("Voice note: short eth now at three thousand two hundred and fifty targets three thousand one hundred, three "
     "thousand and fifty stop three thousand three hundred twenty leverage twenty x"), "ETH/USDT",
     ([3250], [3100, 3050], 3320), 20),
])
def test_a_transcripts_spoken_levels_are_read_as_digits(text, symbol, levels, leverage):
    parsed = _open(text)
    assert parsed.symbol == symbol and _levels(parsed) == levels and parsed.leverage == leverage
    assert parsed.market.value == "futures"
    # (the coin is a spoken lower-case word: read, and held)
    assert not parsed.tradable and "spoken" in parsed.rejected


def test_a_clean_spoken_call_with_its_ticker_written_is_tradable():
    parsed = _open("long SOL entry twenty one point four targets twenty two point one and twenty three stop twenty "
                   "point eight leverage five x")
    assert _levels(parsed) == ([21.4], [22.1, 23.0], 20.8) and parsed.leverage == 5 and parsed.tradable


def test_spoken_thousands_and_k():
    parsed = _open("voice note: long btc now at sixty four k targets sixty six k and sixty eight k stop sixty two "
                   "point five k")
    assert parsed.symbol == "BTC/USDT" and _levels(parsed) == ([64000], [66000, 68000], 62500)
    parsed = _open("transcribed: long btc now at sixty four thousand targets sixty five thousand five hundred and sixty "
                   "seven thousand stop sixty two thousand eight hundred leverage ten x")
    assert _levels(parsed) == ([64000], [65500, 67000], 62800) and not parsed.tradable


def test_a_list_of_decimals_said_without_and_splits_at_each_point():
    # the digit before the next "point" starts the next price — a reading, held
    parsed = _open("voice note: long DOT entry four point two targets four point six four point nine stop three point nine")
    assert _levels(parsed) == ([4.2], [4.6, 4.9], 3.9) and not parsed.tradable
    # (prices below one: "point one five two point one six" is 0.152 and 0.16, prices of one size)
    parsed = _open("voice note: long KAS entry point one four eight targets point one five two point one six stop point "
                   "one four two")
    assert _levels(parsed) == ([0.148], [0.152, 0.16], 0.142) and not parsed.tradable


# --- risky readings: read by the post's other prices, and held ---------------------------------------------------------


@pytest.mark.parametrize("text, levels", [
    # 'point' dropped: "one nine eight" beside an entry of 2.05 is 1.98
    (("voice message: long op entry two point zero five targets two point one five and two point two eight stop one nine "
     "eight"), ([2.05], [2.15, 2.28], 1.98)),
    # thousands dropped: "sixty three five" beside 64200 is 63500
    (("transcribed: short BTC now at sixty four thousand two hundred targets sixty three five and sixty two eight stop "
     "sixty four nine twenty x"), ([64200], [63500, 62800], 64900)),
    # hundreds said by pairs, the size fixed by the one price said with its point
    ("long sol entry one forty two point five targets one fifty and one fifty eight stop one thirty eight",
     ([142.5], [150, 158], 138)),
    (("voice note: long ETH entry thirty two fifty targets thirty three hundred and thirty four hundred stop thirty one "
     "eighty"), ([3250], [3300, 3400], 3180)),
])
def test_digit_groups_said_without_point_or_thousands_are_sized_and_held(text, levels):
    parsed = _open(text)
    assert _levels(parsed) == levels
    assert not parsed.tradable and "digit groups" in parsed.rejected


def test_digit_groups_with_no_price_to_size_them_are_left_unread():
    # nothing said with its point or its thousands: no size to read "thirty two fifty" by — no number is guessed
    parsed = parse_message("voice note: short ETH entry thirty two fifty targets thirty one eighty stop thirty three "
                           "twenty")
    assert not parsed.tradable and not parsed.entries


def test_a_price_of_another_size_than_the_rest_is_held():
    # a recogniser's "sixty" for "sixteen"
    parsed = _open("long LINK entry fourteen point six two targets fifteen point one and sixty point four stop thirteen "
                   "point one")
    assert not parsed.tradable and "far from" in parsed.rejected


def test_a_rung_number_merged_with_its_price():
    # numbered 1, 2 in order: each number is the rung's
    parsed = _open("long APT entry eight point nine take profit one nine point three take profit two nine point eight "
                   "stop eight point four")
    assert _levels(parsed) == ([8.9], [9.3, 9.8], 8.4) and parsed.tradable
    parsed = _open("long LINK entry fourteen point six two target one fifteen point one target two fifteen point six "
                   "stop fourteen point one")
    assert _levels(parsed) == ([14.62], [15.1, 15.6], 14.1) and parsed.tradable
    # said once: the rung's number or the price's first digit — held
    parsed = _open("long APT entry eight point nine take profit one nine point three stop eight point four")
    assert parsed.targets == (Decimal("9.3"),) and not parsed.tradable


def test_a_spoken_price_never_moves_a_stop_by_a_guess():
    parsed = parse_message("voice note: sol just hit the first target, move your stop to one forty two point five")
    assert parsed.kind.value == "update" and parsed.symbol == "SOL/USDT" and parsed.new_stop is None
    parsed = parse_message("voice note: sol move your stop to twenty point five")
    assert parsed.kind.value == "update" and parsed.new_stop == Decimal("20.5")


# --- the coin said in words --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, symbol", [
    (("short one thousand pepe entry zero point zero one two targets zero point zero one one stop zero point zero one "
     "three"), "1000PEPE/USDT"),
    ("long kaspa entry zero point one five targets zero point one six and zero point one seven stop zero point one four",
     "KAS/USDT"),
    ("voice note: long near entry two point one five targets two point four stop two point zero five", "NEAR/USDT"),
])
def test_a_spoken_coin_is_read_in_a_transcript_and_held(text, symbol):
    parsed = _open(text)
    assert parsed.symbol == symbol and not parsed.tradable


@pytest.mark.parametrize("text, symbol, kind", [
    ("voice note: sui just hit the first target guys, stop to break even", "SUI/USDT", "update"),
    ("Voice message (auto-transcribed): okay so apt just hit target two", "APT/USDT", "update"),
    ("voice message: near just hit the first target", "NEAR/USDT", "update"),
])
def test_a_spoken_coin_heading_a_status_sentence(text, symbol, kind):
    parsed = parse_message(text)
    assert parsed.kind.value == kind and parsed.symbol == symbol


def test_a_market_entry_spoken_without_entry_is_held():
    parsed = _open("short doge targets zero point one five two and zero point one four eight stop zero point one six six")
    assert parsed.symbol == "DOGE/USDT" and parsed.entries == () and not parsed.tradable


# --- traps: ordinary posts keep their reading ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "This is one of the best setups of the year, TP one hit",
    "TP one hit guys, move stop to entry",
    "second entry filled, top ten coins are pumping",
    "our view: entry point is key here, the target is a thousand percent higher someday",
    "We are one of the best. Entry point matters. Targets: follow us for the next thousand signals",
    "Live AMA with our head trader today at 18:00 UTC 🎙",
    "🧑‍🎤 Leverage: 3- 8X 🔥",
    "#SOL long entry 142.5 targets 150 / 158 stop one thirty eight",
    "We hit target one and target two, up twenty point five percent on the week",
])
def test_no_transcript_reading_for_ordinary_posts(text):
    assert read_spoken(text) is None


def test_ordinary_status_posts_read_as_before():
    assert parse_message("TP one hit ✅ move stop to entry").update_action.value == "move_sl_breakeven"
    parsed = parse_message("#LINK target one hit ✅")
    assert parsed.kind.value == "update" and parsed.symbol == "LINK/USDT" and parsed.update_action.value == "tp_hit"


@pytest.mark.parametrize("text", [
    "voice note: guys link is looking great, one of the best charts today",
    "voice note: link in bio for the new course",
    "voice note: buy near the support at two point one",
])
def test_a_transcript_that_names_no_call_stays_no_call(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_number_said_outside_the_levels_is_left_as_said():
    reading = read_spoken("voice note: ok guys, one of the best setups, long SOL entry twenty one point four targets "
                          "twenty two point one stop twenty point eight")
    assert reading is not None and "one of the best" in reading.text and "21.4" in reading.text


@pytest.mark.parametrize("text", ["long BTC entry 0k tp 65000", "voice note: long btc now at zero k targets sixty five k"])
def test_a_zero_thousand_never_raises(text):
    # ("zero k" said, "0k" typed): no size to rescale the other levels by — read, never a crash
    assert parse_message(text).tradable is False
