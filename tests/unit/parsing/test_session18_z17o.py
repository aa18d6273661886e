"""Session 18, fixer z17o: money-safety look-alikes (blind_z17), each read as a family.

Every case is written in its own words, never a corpus row. A card posted as a test, as an example of the format, as an
anniversary of an old call, or as a member's own trade asked about is no call; a multiple-choice question whose answers
are setups is no call; an entry written as the past is no rung of the order; a cancel stamp under a re-posted card
withdraws it. The traps beside each rule still trade (or stay what they were).
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

CARD = "\n#AVAX/USDT LONG\nEntry 31.40\nTP 32.60 / 33.90\nSL 30.20"


def _not_a_signal(text: str) -> None:
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, parsed
    assert not parsed.tradable


# --- a test post of the card template ---------------------------------------------------------------------------------


@pytest.mark.parametrize("head", [
    "TESTING — pls ignore 🔧 (new relay layout)",
    "Please ignore this, just testing the bot",
    "Demo — trying our new template",
    "Тест — не обращайте внимания",
    "Prueba, ignorar por favor",
    "Teste — ignorem",
    "测试，请忽略",
])
def test_a_test_post_to_ignore_is_no_call(head):
    _not_a_signal(head + CARD)


@pytest.mark.parametrize("text", [
    "Test the 31 support then long — ignore the noise\n#AVAX LONG\nEntry 31.40\nTP 32.60 / 33.90\nSL 30.20",
    "#AVAX LONG — testing 31 support, ignore wicks\nEntry 31.40\nTP 32.60 / 33.90\nSL 30.20",
])
def test_a_test_of_a_level_is_no_test_post(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "AVAX/USDT" and parsed.side == Side.LONG


# --- a card shown to teach the format -------------------------------------------------------------------------------


@pytest.mark.parametrize("head", [
    "📖 How to read our signals (sample, not a real call)",
    "How to read a signal 👇",
    "Format explained — this is not an actual signal",
    "[Example]",
])
def test_a_teaching_card_is_no_call(head):
    _not_a_signal(head + CARD)


def test_a_genuine_card_with_a_not_financial_advice_footer_trades():
    parsed = parse_message(CARD.strip() + "\nNot financial advice, DYOR")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert parsed.entries == (Decimal("31.40"),)


# --- an anniversary of an old call ------------------------------------------------------------------------------------


@pytest.mark.parametrize("head", [
    "🗓 One year ago today:",
    "On this day last year 👇",
    "This day last year — remember?",
    "Ровно год назад:",
    "В этот день год назад",
    "Hace un año, tal día como hoy",
    "Há um ano atrás:",
    "Bir yıl önce bugün 🎉",
    "Heute vor einem Jahr",
    "Il y a un an jour pour jour",
    "去年的今天",
])
def test_an_anniversary_card_is_no_call(head):
    _not_a_signal(head + CARD + "\nAll targets hit 🚀")


def test_a_year_ago_in_talk_before_a_fresh_card_still_trades():
    parsed = parse_message("A year ago AVAX was at 12, today it is 31. New card:" + CARD)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert parsed.stop_loss == Decimal("30.20")


# --- a member's own trade asked about ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Can someone review my entry? 🙏\n#AVAX long 31.40 sl 30.20 tp 32.60 10x",
    "#AVAX long 31.40 sl 30.20 tp 32.60 10x\nadmin rate my setup pls",
    "Is my SL too tight? #AVAX long 31.40 sl 30.20 tp 32.60",
    "Посмотрите мою сделку\n#AVAX лонг 31.40 стоп 30.20 тейк 32.60",
    "Revisen mi entrada porfa\n#AVAX long 31.40 sl 30.20 tp 32.60",
    "Confere meu trade\n#AVAX long 31.40 sl 30.20 tp 32.60",
    "İşlemime bakar mısınız 🙏\n#AVAX long 31.40 sl 30.20 tp 32.60",
])
def test_a_members_trade_asked_about_is_no_call(text):
    _not_a_signal(text)


def test_a_card_pointing_to_the_trade_history_still_trades():
    parsed = parse_message(CARD.strip() + "\nCheck my trade history in the pinned post")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- a multiple-choice question with setups as answers ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Which one would you take? #SOL at 182\nA) Long 178 — SL 172 — TP 195\nB) Short 188 — SL 194 — TP 170",
    "📊 Poll: #SOL plan\na) long 178 sl 172 tp 195\nb) short 188 sl 194 tp 170\nc) no trade",
    "¿Qué harías? #SOL en 182\nA) Long 178, SL 172, TP 195\nB) Short 188, SL 194, TP 170",
])
def test_a_multiple_choice_of_setups_is_no_call(text):
    _not_a_signal(text)


def test_lettered_notes_under_a_card_are_no_poll():
    parsed = parse_message("#SOL LONG\nEntry 178\nTP 195 / 205\nSL 172\nA) Safe: 3x\nB) Bold: 10x")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert parsed.entries == (Decimal(178),)


# --- an entry written as the past is no rung ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#LINK LONG — entry was 14.10, now 14.90 🚀\nLate? New card 👇\nEntry: 14.50 - 14.70\nTP: 15.60 / 16.40\nSL: 13.80",
    "#LINK LONG — вход был 14.10, сейчас 14.90\nВход: 14.50 - 14.70\nTP: 15.60 / 16.40\nSL: 13.80",
    "#LINK LONG — la entrada fue 14.10, ahora 14.90\nEntrada: 14.50 - 14.70\nTP: 15.60 / 16.40\nSL: 13.80",
])
def test_an_entry_written_as_the_past_is_no_rung(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == (Decimal("14.50"), Decimal("14.70"))
    assert Decimal("14.10") not in parsed.entries


def test_an_entry_reported_filled_stays_an_update():
    parsed = parse_message("#LINK LONG\nEntry was filled at 14.10 ✅\nTP: 15.60 / 16.40\nSL: 13.80")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.ENTRY_FILLED


# --- a cancel stamp under a re-posted card ----------------------------------------------------------------------------


@pytest.mark.parametrize("stamp", [
    "❌ CANCELLED — price never reached the entry, delete the order",
    "⛔ VOID",
    "Signal cancelled.",
    "Сигнал отменён ❌",
    "İPTAL EDİLDİ",
    "Cancelado — no se activó",
])
def test_a_cancel_stamp_under_the_card_closes_it(stamp):
    parsed = parse_message("#APT/USDT SHORT\nEntry: 9.40\nTP: 9.05 / 8.70\nSL: 9.80\n\n━━━━━━\n" + stamp)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "APT/USDT" and parsed.side == Side.SHORT
    assert not parsed.tradable


@pytest.mark.parametrize("footer", [
    "✅ ACTIVE",
    "Cancelled if 4H closes above 9.80",
    "cancel if 4H closes above 9.80",
    "Cancelled orders will be reposted",
])
def test_a_footer_that_is_no_cancel_stamp_closes_nothing(footer):
    parsed = parse_message("#APT/USDT SHORT\nEntry: 9.40\nTP: 9.05 / 8.70\nSL: 9.80\n" + footer)
    assert parsed.kind != MessageKind.CLOSE


def test_a_crossed_stop_is_no_cancel():
    parsed = parse_message("#APT/USDT SHORT\nEntry: 9.40\nTP: 9.05 / 8.70\n❌ SL 9.80")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert parsed.stop_loss == Decimal("9.80")
