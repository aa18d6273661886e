"""Session 19, fixer safe19: wrong closes and still-holding updates (blind_z19..z23), each read as a family.

Every case is written in its own words, never a corpus row. A cancel of a feeling or a thing of the reader's life is no
close; a cancel explained to those asking why is no close now; one rung of the ladder cancelled is an update in every
language; a trade said to be still held is an update.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- cancel / close + a thing that is no trade: no close ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Cancel your fears, not your goals 💪 Have a great week fam",
    "Cancel the negativity. Good morning traders ☀️",
    "Close the noise and focus 🧘",
    "Cancel your weekend plans, big week ahead",
    "Cancel your Netflix subscription and study charts",
    "cancela tus dudas, no tus sueños 🚀",
    "Close your fears. Good night fam",
])
def test_a_cancel_of_a_feeling_or_a_plan_is_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("Cancel the order", None),
    ("Cancel now", None),
    ("Cancel #SOL, setup invalid", "SOL/USDT"),
    ("Close #SOL no doubt", "SOL/USDT"),
    ("Cancel the noise trade on #ARB", "ARB/USDT"),
])
def test_a_cancel_of_the_trade_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- a past cancel or close explained to those asking why: nothing to do now -----------------------------------------


@pytest.mark.parametrize("text", [
    "For those asking why we closed #ARB early: funding flipped. Nothing to do now.",
    "Banyak yang tanya kenapa sinyal #DOGE dibatalkan: entry tidak tersentuh. Sudah selesai.",
    "Many asked why the #ETH call was cancelled — price never reached the zone. Nothing to do.",
    "Para los que preguntan por qué cancelamos #SOL: BTC perdió el soporte.",
])
def test_a_cancel_explained_to_those_asking_why_is_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("That's why we close #ARB here.", "ARB/USDT"),
    ("Here's why we are closing #SOL now: BTC lost 60k", "SOL/USDT"),
    ("Sinyal #SEI dibatalkan ❌ harga belum sampai area entry.", "SEI/USDT"),
    ("#SEI: order dibatalkan", "SEI/USDT"),
])
def test_a_close_made_now_with_its_reason_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- one rung of the ladder cancelled, in id / vi / pt / es / zh: an update ------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("#ADA batalkan order kedua ya, entry 1 sudah terisi, posisi tetap jalan", "ADA/USDT"),
    ("#DOGE: order entry ke-3 dibatalkan, entry 1 dan 2 udah ke-isi", "DOGE/USDT"),
    ("#SEI: entry kedua dibatalkan ya, entry pertama sudah terisi", "SEI/USDT"),
    ("#DOT hủy lệnh thứ 2 nhé, lệnh 1 đã khớp", "DOT/USDT"),
    ("#SOL: la orden de 140 la cancelamos, la primera ya se llenó", "SOL/USDT"),
    ("A ordem de 2,45 no #ARB pode cancelar, as duas primeiras entradas já foram preenchidas", "ARB/USDT"),
    ("#ETH 撤掉第二个挂单，第一笔继续持有", "ETH/USDT"),
    ("#OP 剩下的挂单撤了，已成交的部分继续拿着", "OP/USDT"),
    ("#DOGE 挂在0.152的第二笔没成交，撤掉吧，第一笔拿住", "DOGE/USDT"),
])
def test_one_rung_cancelled_is_an_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#NEAR batalkan order ya, sinyal batal",
    "#SEI batalkan semua order",
    "#ETH 撤单，不做了",
])
def test_the_whole_call_cancelled_stays_a_close(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#PEPE 第二笔撤掉，第一笔也没成交",
    "A ordem de 2,45 no #ARB pode cancelar",
])
def test_a_rung_cancel_without_a_filled_rung_changes_no_position(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.UPDATE or parsed.update_action != UpdateAction.CANCEL_ENTRY


# --- a trade said to be still held: an update that changes nothing --------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("#DOGE still dey run o, we dey hold am tight 💪", "DOGE/USDT", None),
    ("#ADA: SL 0.612 not touched, still in ✅", "ADA/USDT", None),
    ("#OP — TP1 not reached yet, still in.", "OP/USDT", None),
    ("#BNB short: stop still 612. Not moved, holding 🤝", "BNB/USDT", Side.SHORT),
    ("🟢 RUNNING | #ARB/USDT LONG | +4.1% | no action needed", "ARB/USDT", Side.LONG),
    ("Just hold #AVAX, nothing changed 💎", "AVAX/USDT", None),
    ("Close your eyes and hold #ETH 😴 levels unchanged", "ETH/USDT", None),
    ("#ATOM 还没到第二目标，继续拿着", "ATOM/USDT", None),
    ("Personally I closed mine early on #TIA at 6.71 — the channel call is still ON, hold yours", "TIA/USDT", None),
    ("I sold my own #SOL at 150, the signal stays active, keep yours", "SOL/USDT", None),
])
def test_a_trade_said_still_held_is_an_update(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin and parsed.side == side
    assert parsed.update_action == UpdateAction.OTHER
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "Anyone still in? 🙋",
    "BTC still in range, alts chopping",
    "Buy and hold #BTC for the long run 💎",
    "Running late today fam, signals at 3pm",
    "Are you still holding #SOL?",
])
def test_words_of_holding_that_hold_no_trade_stay_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("I closed mine on #NEAR at 5.10, do what you want", "NEAR/USDT"),
    ("Closed #SOL ✅ +12%, the BTC call is still on", "SOL/USDT"),
])
def test_an_own_close_with_no_call_kept_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- the rest closed after a target, under a ticker heading the post: a close of that coin ---------------------------


@pytest.mark.parametrize("text, coin", [
    ("LINK TP2 18.40 ✅\nclosing the rest here, good trade", "LINK/USDT"),
    ("AVAX TP3 41.2 ✅✅✅\nclosing the rest now, not greedy", "AVAX/USDT"),
])
def test_the_rest_closed_under_a_target_hit_closes_the_coin(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


def test_the_rest_closed_under_market_talk_names_no_coin():
    assert parse_message("BTC pumping 🚀\nclosing the rest here").kind == MessageKind.NOT_A_SIGNAL


# --- a reply saying the whole entry range filled ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Filled ✅ all in, now patience",
    "whole zone filled, SL as posted",
    "full entry range executed ✅ now we wait for TP1",
])
def test_the_whole_range_filled_is_an_entry_fill(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", ["filled?", "Filled my bags lol", "filled the form, wen airdrop"])
def test_filled_about_something_else_is_no_fill(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- a close that waits on a condition, the condition first, the verb mid-sentence -----------------------------------


@pytest.mark.parametrize("text", [
    "Se #SOL perder 140 no fechamento diário, fechamos a operação. Por enquanto seguimos posicionados",
    "Kalau #SEI tembus 0,40 kita tutup. Sementara masih hold",
    "Wenn #ETH unter 3.200 schließt, schließen wir. Bis dahin läuft noch alles",
    "Если #BTC закроется ниже 60k, закрываем. Пока держим позицию",
    "Si #DOT pierde 4,10 en el cierre de 4H cerramos. Mientras tanto seguimos dentro",
])
def test_a_close_waiting_on_the_market_beside_the_hold_is_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_close_now_stays_a_close():
    parsed = parse_message("❌ Cerramos #DOT ahora en 4,12. Estructura rota, operación terminada.")
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "DOT/USDT"


# --- a weekly results recap in Persian / Arabic ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📈 نتایج امروز\nتارگت خورده: ۵ ✅\nاستاپ: ۱",
    "📊 نتائج الأسبوع\nعدد الإشارات: 10\nأهداف محققة: 8 ✅",
    "گزارش هفتگی 📊\nتارگت خورده: ۷ ✅\nاستاپ: ۲ ❌",
])
def test_a_results_recap_is_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_tp_hit_in_persian_stays_an_update():
    parsed = parse_message("#SOL تارگت ۱ خورد ✅")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"


# --- a card shown as a lesson's example, said not to be placed -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📚 Class 2: reading a signal\n\n#ADA/USDT SHORT\nEntry 0.880 - 0.895\nTP 0.85 / 0.82\nSL 0.91\n\nThis is just an example, don't open it.",
    "#LINK/USDT LONG\nEntry 14.10 - 14.30\nTP 14.90 / 15.60\nSL 13.70\n\n👆 this is an example card for newcomers, do not place it",
])
def test_an_example_card_not_to_be_placed_is_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_the_same_card_as_a_call_is_a_tradable_open():
    parsed = parse_message("#LINK/USDT LONG\nEntry 14.10 - 14.30\nTP 14.90 / 15.60\nSL 13.70")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


@pytest.mark.parametrize("text", [
    "Many traders got stopped on #AVAX today, still in ✅",
    "Some of you closed #SOL early, we're still in.",
])
def test_others_exits_beside_the_trade_held_stay_not_a_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_filled_over_a_whole_card_stays_the_card():
    parsed = parse_message("Filled ✅\n#DOT/USDT LONG\nBuy: 4.10\nTP1: 4.30\nTP2: 4.55\nSL: 3.90")
    assert parsed.kind == MessageKind.OPEN and parsed.entries == (parse_message("#DOT/USDT LONG\nBuy: 4.10\nTP1: 4.30\n"
                                                                                 "TP2: 4.55\nSL: 3.90").entries)


def test_a_hold_told_to_those_still_in_is_no_status():
    assert parse_message("Anyone still in the #ARB long: hold, we're still in").kind == MessageKind.NOT_A_SIGNAL
