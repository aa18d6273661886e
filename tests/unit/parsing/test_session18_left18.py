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


# --- a second coin named only as market talk, or said to need no action: the post is the first coin's ---------------


@pytest.mark.parametrize("text, coin", [
    ("#BNB DCA order didn't fill, cancel it and close the position too, BTC dumping", "BNB/USDT"),
    ("#BNB DCA order didn't fill, cancel it. Close the position too, BTC dumping", "BNB/USDT"),
    ("#AVAX limit never triggered, cancel it and close what's open, btc looks heavy", "AVAX/USDT"),
    ("#ETH entry 2 not filled - cancel it and close the position as well. BTC breaking down", "ETH/USDT"),
    ("#SOL DCA didn't fill, cancel it and exit the trade too because BTC is weak", "SOL/USDT"),
    ("#SOL добор не сработал, отменяем и закрываем позицию, биток сливает", "SOL/USDT"),
])
def test_a_close_beside_market_talk_of_another_coin_closes_the_first(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin and not parsed.also_symbols


@pytest.mark.parametrize("text", [
    "#BNB DCA didn't fill, cancel it and close the position too, BTC close as well",  # two coins, each closed
    "#BNB DCA didn't fill, cancel it and close the position, BTC stopped out",
    "#BNB DCA didn't fill, cancel it and close the position, #BTC TP2 hit",
    "#BNB closed, #BTC stopped",  # a recap
    "#BNB closed, BTC stopped out",
    "#SOL close it, ETH close it too",
])
def test_a_second_coin_with_its_own_status_is_no_single_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("#ARB TP2 hit ✅\n#OP no action, still waiting for entry", "ARB/USDT"),
    ("#SOL TP1 done +8%\n#ADA hovering around entry, no action needed, stop unchanged", "SOL/USDT"),
    ("#LINK TP1 ✅\n#DOT sitting near entry, holding", "LINK/USDT"),
    ("#LINK TP1 ✅ +9%\n#DOT ranging near entry — nothing to do, SL unchanged", "LINK/USDT"),
    ("#LINK TP1 ✅\n#DOT cerca de la entrada, nada que hacer", "LINK/USDT"),
    ("#LINK TP1 ✅\n#DOT около входа, ничего не делаем", "LINK/USDT"),
])
def test_a_target_beside_a_coin_left_as_is_is_the_first_coins_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin and parsed.update_action == UpdateAction.TP_HIT


def test_a_close_beside_a_coin_left_as_is_closes_the_first():
    parsed = parse_message("#ETH closed ✅ +6%\n#SOL near entry, nothing to do")
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "ETH/USDT" and not parsed.also_symbols


@pytest.mark.parametrize("text", [
    "#INJ TP1 ✅\n#FET hovering near entry, move SL to entry",  # the second coin's line acts
    "#INJ TP1 ✅\n#FET hovering near entry, nothing to do, close it",
    "#INJ TP1 ✅\n#FET hovering near entry, nothing to do, SL moved to 1.20",
    "#INJ TP1 ✅\n#FET stopped out",
    "#INJ TP1 ✅\n#FET TP1 ✅",
    "#LINK TP1 ✅\n#DOT near entry, holding, close half",
    "#LINK TP1 ✅\n#DOT near entry, nothing to do\n#ADA stopped out",
    "#ETH closed ✅ +6%\n#SOL near entry, nothing to do, close it too",
])
def test_a_second_coin_that_acts_keeps_the_post_for_an_operator(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
