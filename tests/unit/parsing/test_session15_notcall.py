"""Session 15 (review 26, groups G8, G9, G11): posts that are not a call now — a "possible long" in other languages,
a card marked lapsed in other languages or after a dash, an example or a recap table of past trades, a question over
levels, a card under a boast of another coin; the live calls the not-a-call rules had caught (a kind of call heading
the coin's label, a validity note, a scenario in play); and sell commands with a price or a share, which sell nothing
at the market now. Look-alikes in our own wording, with guards that keep their reading."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

CARD = "\nEntry 2.35\nTP 2.48\nSL 2.27"
SHORT_CARD = "\nEntry 2.35\nTP 2.20\nSL 2.48"
LADDER = "#TIA LONG\nEntry: 7.40\nTP1: 7.80\nTP2: 8.10\nSL: 7.05"


@pytest.mark.parametrize("head", [
    "#OP possível short", "#OP possibile short", "#OP mögliche Short", "#OP short possible", "#OP có thể short",
    "#OP شورت محتمل", "#OP 可能做空", "#OP 숏 가능성", "#OP mungkin short", "#OP potential short", "#OP probable short",
    "#OP long possível",
])
def test_a_possible_side_in_any_language_is_held(head):
    parsed = parse_message(head + (CARD if "long" in head else SHORT_CARD))
    assert parsed.kind.value != "open" or not parsed.tradable


@pytest.mark.parametrize("text", [
    "#OP LONG" + CARD + "\nHold it as long as possible",
    "#OP long scenario is live" + CARD,
    "#OP long scenario in play" + CARD,
])
def test_a_live_call_with_a_possible_or_scenario_word_still_trades(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable


@pytest.mark.parametrize("mark", [
    "(истекла)", "(süresi doldu)", "(expirada)", "(abgelaufen)", "(kadaluarsa)", "(hết hạn)", "(已过期)", "(만료됨)",
    "— expired, never filled", "- expirado",
])
def test_a_card_marked_lapsed_in_other_languages_or_after_a_dash_is_not_traded(mark):
    parsed = parse_message(LADDER.replace("LONG", "LONG " + mark, 1))
    assert not (parsed.kind.value == "open" and parsed.tradable)


@pytest.mark.parametrize("note", [
    "Valid for 12h (expired if not filled)", "Validity: 1 day (expires when not triggered)",
])
def test_a_validity_note_under_a_card_keeps_it_live(note):
    parsed = parse_message(LADDER + "\n" + note)
    assert parsed.kind.value == "open" and parsed.tradable


@pytest.mark.parametrize("head", [
    "Beispiel-Signal:", "Beispiel Signal:", "This is how our VIP signals look:", "Here's how a call looks:",
])
def test_an_example_heading_a_card_is_not_traded(head):
    assert parse_message(head + "\n" + LADDER).kind.value == "not_a_signal"


@pytest.mark.parametrize("head, columns", [
    ("Recap 🧾", "| Coin | Side | Entry | Target | Stop |"),
    ("Weekly results:", "| Pair | Side | Entry | TP | SL |"),
    ("Вчерашние сигналы", "| Монета | Направление | Вход | Цель | Стоп |"),
    ("Итоги недели:", "| Пара | Сторона | Вход | Цель | Стоп |"),
    ("Resultados:", "| Moneda | Lado | Entrada | Objetivo | Stop |"),
])
def test_a_table_of_past_trades_under_a_recap_heading_is_not_traded(head, columns):
    text = f"{head}\n{columns}\n|---|---|---|---|---|\n| AVAXUSDT | LONG | 34.2 | 36.0 | 33.1 |"
    parsed = parse_message(text)
    assert not (parsed.kind.value == "open" and parsed.tradable)


def test_a_table_under_a_call_heading_still_trades():
    text = "New signal 🚀\n| Coin | Side | Entry | Target | Stop |\n|---|---|---|---|---|\n| AVAXUSDT | LONG | 34.2 | 36.0 | 33.1 |"
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable and parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", [
    "Is #TIA a short now? Entry 7.40, TP 7.00, SL 7.70",
    "Is $TIA a good long? Entry 7.40 / TP 7.80 / SL 7.05",
])
def test_a_question_whether_the_coin_is_a_side_is_not_traded(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_question_answered_in_the_post_trades():
    parsed = parse_message("Is #TIA a long here? Yes — Entry 7.40, TP 7.80, SL 7.05")
    assert parsed.kind.value == "open" and parsed.tradable


@pytest.mark.parametrize("text", [
    "Nice win: #APT +25% ✅\n\nNext: #TIA LONG\nEntry: 7.40\nTP1: 7.80\nSL: 7.05",
    "#APT closed +25%\n\nNext: TIA LONG\nEntry: 7.40\nTP1: 7.80\nSL: 7.05",
])
def test_the_coin_after_next_over_the_levels_is_the_call(text):
    parsed = parse_message(text)
    assert parsed.symbol == "TIA/USDT" or not parsed.tradable
    assert parsed.symbol != "APT/USDT"


def test_a_next_coin_under_a_status_is_still_not_the_post_coin():
    parsed = parse_message("#APT TP2 ✅\nNext: #TIA")
    assert parsed.symbol == "APT/USDT"


@pytest.mark.parametrize("head", [
    "VIP signal:", "Free signal:", "Scalp trade:", "Futures trade:", "Swing trade:", "Premium call:",
])
def test_a_kind_of_call_before_the_label_still_names_the_coin(head):
    parsed = parse_message(f"{head} TIA\nLONG\nEntry: 7.40\nTP1: 7.80\nSL: 7.05")
    assert parsed.kind.value == "open" and parsed.tradable and parsed.symbol == "TIA/USDT"


def test_a_spot_trade_heading_with_buy_trades():
    parsed = parse_message("Spot trade: TIA\nBUY\nEntry: 7.40\nTP1: 7.80\nSL: 7.05")
    assert parsed.kind.value == "open" and parsed.tradable and parsed.symbol == "TIA/USDT"


def test_a_praise_of_a_past_trade_is_no_coin_label():
    parsed = parse_message("Lovely trade: APT\nLONG\nEntry: 7.40\nTP1: 7.80\nSL: 7.05")
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "SELL LINK at 16.20", "VINDEM LINK la 16.20", "SELL LINK ZONE 16.2-16.5", "SELL LINK on bounce to 16.8",
    "SELL #LINK @ 16.20", "Sell #LINK at 16.20",
])
def test_a_sell_at_a_price_closes_nothing_now(text):
    parsed = parse_message(text)
    assert parsed.kind.value != "close"
    assert not (parsed.kind.value == "open" and parsed.tradable)


@pytest.mark.parametrize("text", ["SELL LINK 30%", "Sell #LINK half", "Close LINK 25%"])
def test_a_sell_of_a_share_is_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("text", [
    "SELL LINK now", "Close LINK", "SELL #LINK", "SELL #LINK @ 16.20 now", "#LINK sell now at 16.20",
    "Sell your #LINK bags at 16.2-16.5, the target is here",
])
def test_a_sell_or_close_for_now_still_closes(text):
    assert parse_message(text).kind.value == "close"


@pytest.mark.parametrize("text", [
    LADDER.replace("LONG", "LONG (expired)", 1), "#TIA LONG (not triggered)\nEntry: 7.40\nTP1: 7.80\nSL: 7.05",
])
def test_the_english_lapsed_marks_still_hold(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_plain_card_still_trades_at_its_levels():
    parsed = parse_message(LADDER)
    assert parsed.kind.value == "open" and parsed.tradable and list(parsed.entries) == [Decimal("7.40")]
