"""Session 18, fixer left18: leftovers of session 17, each read as a family.

Every case is written in its own words, never a corpus row. A close ends the whole position, an entry cancel cancels
only the unfilled rungs, a tradable open places real orders; the look-alikes below must keep their reading.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, UpdateAction
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
    ("#OP none of the entries got filled, cancel that order", "OP/USDT"),
    ("#OP ни один вход не сработал, отменяем эту заявку", "OP/USDT"),
    ("#OP nenhuma das entradas foi preenchida, cancelem essa ordem", "OP/USDT"),
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
    # ("First," opens the sentence: no first rung named)
    ("#XRP First, the 2nd entry was not reached, cancel that limit", "XRP/USDT"),
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
    # (the close names no coin of its own beside the talk: the market-talk rule reads no coin for it)
    "Bot: ETH-grid-long | Deal #4\nDeal closed. #SOL looks heavy",
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


# --- a note glued to the end of an entry line: the open reads as without it, or is held ------------------------------

_LADDER = "#DOGE LONG\nBuy 0.3810 or below — 40%{first}\nDCA 0.3720 — 60%{second}\nTP 0.3920 / 0.4050\nSL 0.3640"


@pytest.mark.parametrize("first, second", [
    (" Confidence 64.5%", ""),
    ("", " Funding +0.02%"),
    (" Win rate 78%", ""),
    ("", " Probability 55%"),
    (" of size", " of size"),
])
def test_a_note_after_a_rungs_share_keeps_the_dca_leg(first, second):
    parsed = parse_message(_LADDER.format(first=first, second=second))
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert parsed.entries == (Decimal("0.372"), Decimal("0.381")) and parsed.stop_loss == Decimal("0.364")


def test_a_share_before_the_price_with_a_note_is_not_misread():
    # ("DCA 60% at 0.3720": the price after the share — the rung is not cut at "at")
    parsed = parse_message("#DOGE LONG\nBuy 40% at 0.3810\nDCA 60% at 0.3720\nTP 0.3920 / 0.4050\nSL 0.3640")
    assert parsed.tradable and parsed.entries == (Decimal("0.372"), Decimal("0.381"))


@pytest.mark.parametrize("entry_line", [
    "Alım: 1,42 civarı (piyasa) Bybit",
    "Alım: 1,42 civarı (piyasa) Not financial advice",
    "Вход: 1,42 около (по рынку) OKX Futures",
    "Entrada: 1,42 aprox. (mercado) Binance Futures",
    "Entry: 1.42 around (market) Score 91/100",
    "Entry: 1.42 market Bybit",
    "Entry: 1.42 market — 15m",
    "Entry: 1.42 market #VIP",
    "Entry: 1.42 market (H1)",
])
def test_a_note_after_a_market_word_keeps_the_market_entry(entry_line):
    parsed = parse_message(f"#FET LONG\n{entry_line}\nTargets: 1.55 - 1.68\nSL: 1.31")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "FET/USDT"
    assert parsed.tradable and parsed.entry_type == EntryType.MARKET


@pytest.mark.parametrize("entry_line", [
    "Entry 14.20 market is dumping now so be patient",  # market talk after the price: a limit order
    "Entry 14.20 - market is dumping now so be patient",
    "Entry: 14.20 (price now 14.75) Bybit",
])
def test_market_talk_after_a_limit_price_stays_a_limit(entry_line):
    parsed = parse_message(f"#FET LONG\n{entry_line}\nTargets: 15 - 16\nSL: 13")
    assert parsed.tradable and parsed.entry_type == EntryType.LIMIT and parsed.entries == (Decimal("14.20"),)
