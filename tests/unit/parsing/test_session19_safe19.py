"""Session 19, fixer safe19: wrong closes and still-holding updates (blind_z19..z23), each read as a family.

Every case is written in its own words, never a corpus row. A cancel of a feeling or a thing of the reader's life is no
close; a cancel explained to those asking why is no close now; one rung of the ladder cancelled is an update in every
language; a trade said to be still held is an update.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
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
