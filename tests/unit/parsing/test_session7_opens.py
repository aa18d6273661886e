"""Opens (session 7, lead): the three wrong trades of this session's first looks, as structures with look-alikes.

Every case is my own wording of a structure, never a corpus row.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


@pytest.mark.parametrize("text, entries", [
    ("#ETHUSDT BUYING 3472_3468 STOP LOSS 3463 TP 3475 TP 3478", [D("3468"), D("3472")]),
    ("#SOL LONG\nEntry 185_188\nTP 192 / 196\nSL 181", [D("185"), D("188")]),
    ("$ETH BUYING NOW ENTRIES:3416__3410 STOPLOSS 3404 TP 3420 TP 3425", [D("3410"), D("3416")]),
])
def test_an_underscore_joins_the_two_ends_of_an_entry_zone(text, entries):
    # (the number after "_" was not read at all: the call traded one end of its zone)
    assert list(parse_message(text).entries) == entries


@pytest.mark.parametrize("text, targets", [
    ('{"pair":"ETHUSDT","side":"short","entry":"market","tp":[3320,3260,3180],"sl":3455}',
     [D("3320"), D("3260"), D("3180")]),
    ('{"pair":"SOLUSDT","side":"long","entry":"market","tp":[1905,1950,2010],"sl":1850}',
     [D("1905"), D("1950"), D("2010")]),
])
def test_commas_between_three_or_more_numbers_written_together_separate_a_list(text, targets):
    # ("3320,3260" was read as the decimal 3320.326 and the trade went out with two targets, one of them wrong)
    assert list(parse_message(text).targets) == targets


@pytest.mark.parametrize("text, entry, targets", [
    ("#ADA LONG\nEntrada: 0,85\nObjetivos: 0,90, 0,95\nStop: 0,80", D("0.85"), [D("0.90"), D("0.95")]),
    ("#ETH LONG Entry 3,420 TP 3,480 3,550 SL 3,320", D("3420"), [D("3480"), D("3550")]),
])
def test_decimal_commas_and_thousands_commas_read_as_before(text, entry, targets):
    parsed = parse_message(text)
    assert (list(parsed.entries), list(parsed.targets)) == ([entry], targets)


@pytest.mark.parametrize("heading", ["SEGNALE 🔴", "OPERAZIONE 🔴", "NUOVO", "SENYAL"])
def test_a_tagged_coin_we_know_wins_over_a_capitalised_heading_word_beside_the_side(heading):
    parsed = parse_message(f"{heading} SHORT su #FIL\nIngresso: 5.214\nTarget: 5.080 - 4.960\nStop loss: 5.330")
    assert (parsed.symbol, parsed.tradable) == ("FIL/USDT", True)


def test_a_heading_word_against_a_tag_we_do_not_know_is_held_not_guessed():
    parsed = parse_message("SEGNALE 🔴 SHORT su #ZRO\nEntry: 5.214\nTarget: 5.080 - 4.960\nStop loss: 5.330")
    assert not parsed.tradable


@pytest.mark.parametrize("text, symbol", [
    ("ZRO LONG 🟢 #VIP\nEntry: 5.21\nTarget: 5.40\nSL: 5.00", "ZRO/USDT"),  # a topic tag is no rival
    ("ZRO LONG #ZROUSDT\nEntry: 5.21\nTarget: 5.40\nSL: 5.00", "ZRO/USDT"),  # the same coin tagged
])
def test_a_capitalised_coin_beside_its_side_still_trades_when_no_other_coin_is_tagged(text, symbol):
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.tradable) == (symbol, True)


@pytest.mark.parametrize("text, symbol", [
    ("Sol buy now 187.60 - 187.10\nSL: 185.90\nTP: 188.40\nTP: 189.20", "SOL/USDT"),
    ("Long Link here 14.2, tp 15, sl 13.6", "LINK/USDT"),
])
def test_a_coin_we_know_written_in_title_case_beside_the_side_is_read_and_held(text, symbol):
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.tradable) == (symbol, False)


def test_a_title_case_connective_is_no_coin():
    assert parse_message("Buy Near 3.20 tp 3.40 sl 3.05").symbol is None  # "near" is a filler word first
