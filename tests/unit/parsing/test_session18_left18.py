"""Session 18, fixer left18: leftovers of session 17, each read as a family.

Every case is written in its own words, never a corpus row. A close ends the whole position, an entry cancel cancels
only the unfilled rungs, a tradable open places real orders; the look-alikes below must keep their reading.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- the first entry said unfilled with the later rungs: the cancel is the whole call's -------------------------------


@pytest.mark.parametrize("text, coin", [
    ("#XRP entry 1 and entry 2 were not reached, cancel that limit", "XRP/USDT"),
    ("#ADA 1st and 2nd entry never filled, cancel it", "ADA/USDT"),
    ("#LINK first entry and DCA never got filled - cancel that order", "LINK/USDT"),
    ("#SOL entry 1 & entry 2 weren't touched, cancel this one", "SOL/USDT"),
    ("#DOT первый и второй вход не сработали, отменяем его", "DOT/USDT"),
    ("#AVAX la primera y la segunda entrada no se llenaron, cancelen esa orden", "AVAX/USDT"),
    ("#NEAR a primeira e a segunda entrada não foram preenchidas, cancelem essa ordem", "NEAR/USDT"),
])
def test_first_and_later_rung_unfilled_then_cancel_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text, coin", [
    ("#XRP 2nd entry 130 was not reached, cancel that limit", "XRP/USDT"),
    ("#ADA DCA order at 0.41 didn't fill, cancel it", "ADA/USDT"),
    ("#DOT второй вход не сработал, отменяем его", "DOT/USDT"),
    ("#AVAX la segunda entrada no se llenó, cancelen esa orden", "AVAX/USDT"),
    # (the first entry is in: only the later rung goes)
    ("#LINK 1st entry in, DCA order didn't fill - cancel it", "LINK/USDT"),
])
def test_a_later_rung_alone_unfilled_then_cancel_stays_one_rung(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#XRP entry 1 filled, entry 2 not reached, cancel that limit",
    "#XRP first entry not reached, 2nd entry filled, cancel that order",
    "#XRP первый вход сработал, второй вход не сработал, отменяем его",
])
def test_a_rung_said_filled_keeps_the_position(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_later_rungs_unfilled_in_the_plural_are_one_rung_cancel():
    parsed = parse_message("#AVAX la segunda y la tercera entrada no se llenaron, cancelen esa orden")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.CANCEL_ENTRY
