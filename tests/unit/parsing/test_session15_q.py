"""Review 27 (H10, H13, H12): a card re-posted under a heading that cancels its entry (all of it: the call closes; one
rung of it: an update cancelling that entry), a question with levels in other languages ("… long here?" asked in
pt/es/ru/tr/de, "What do you think: … long?"), a heading of yesterday's trades over a ticked card, a Polish or Dutch
"possible long", and a "Next: #COIN" line over the post's own levels after a boast about another coin — none of them
a fresh tradable call; Thai conditions on the reader ("if you have not entered yet, cancel": an entry cancel; "if anyone
still holds, close now": a close) and the stop move after a target taken in French, German and Spanish ("SL au point
d'entrée", "Stop auf TP1 nachgezogen", "stop en TP1") kept beside the target hit. (Own look-alikes: other coins, prices
and wordings.) And a validity note under a live card, "(истекает, если …)" (it expires if …), keeps the card."""

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

# --- H10: the entry cancelled over the card it restates ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "🚫 #AVAX 2차 진입 취소\n1차 진입: 31.2\n2차 진입: 30.1\n목표: 33.5\n손절: 29.4",
    "❌ #AVAX second entry cancelled\nEntry 1: 31.2\nEntry 2: 30.1\nTarget: 33.5\nStop: 29.4",
    "#AVAX 3rd entry cancelled\nEntries: 31.2 / 30.1 / 29.8\nTP: 33.5\nSL: 29.4",
])
def test_one_rung_of_the_entry_cancelled_over_the_card_is_an_entry_cancel(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.CANCEL_ENTRY
    assert parsed.symbol == "AVAX/USDT" and not parsed.tradable


@pytest.mark.parametrize("text", [
    "#LINK 진입 취소\n진입: 17.4\n목표: 18.6\n손절: 16.9",
    "#LINK entry cancelled ❌\nEntry: 17.4\nTarget: 18.6\nStop: 16.9",
    "#LINK вход отменён\nВход: 17.4\nЦель: 18.6\nСтоп: 16.9",
])
def test_the_entry_cancelled_over_the_card_closes_the_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "LINK/USDT" and not parsed.tradable


# --- H10: a question with levels is no call -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#NEAR é um long agora? Entrada 5.10, alvo 5.60, stop 4.85",
    "¿#NEAR es long ahora? Entrada 5.10, objetivo 5.60, stop 4.85",
    "#NEAR шорт сейчас? Вход 5.10, тейк 4.70, стоп 5.35",
    "#NEAR şimdi short mu? Giriş 5.10, TP 4.70, SL 5.35",
    "Ist #NEAR ein Long jetzt? Einstieg 5.10, Ziel 5.60, SL 4.85",
    "Thoughts on #NEAR long? Entry 5.10, TP 5.60, SL 4.85",
    "#NEAR long now? entry 5.10 / tp 5.60 / sl 4.85",
])
def test_a_question_over_levels_is_not_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


# (guards: a question answered by the post, and a card saying "now" without asking, stay calls)
@pytest.mark.parametrize("text", [
    "#NEAR long now? Yes — entry 5.10, tp 5.60, sl 4.85",
    "#NEAR LONG now\nEntry 5.10\nTP 5.60\nSL 4.85",
    "#NEAR SHORT\nEntry 5.10\nTP 4.70\nSL 5.35",
])
def test_an_answered_or_plain_card_stays_a_call(text):
    assert parse_message(text).tradable


# --- H10: yesterday's trades listed under their heading ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Вчерашние сделки 📊\n#AVAX SHORT вход 31.2 цель 29.5 стоп 32.4 ✅",
    "Yesterday's calls:\n#AVAX SHORT entry 31.2 target 29.5 stop 32.4 ✅",
    "Dünkü işlemler:\n#AVAX SHORT giriş 31.2 hedef 29.5 stop 32.4 ✅",
])
def test_yesterdays_trades_under_their_heading_are_not_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


def test_a_new_card_under_yesterdays_trades_is_still_the_call():
    parsed = parse_message("Yesterday's trades:\n#ETH +9% ✅\n\n🚨 NEW SIGNAL\n#AVAX SHORT\nEntry 31.2\nTP 29.5\nSL 32.4")
    assert parsed.tradable and parsed.symbol == "AVAX/USDT"


# --- H10: "possible long" in Polish and Dutch, and the next coin over the levels -------------------------------------

@pytest.mark.parametrize("text", [
    "#OP możliwy short\nEntry 1.92\nTP 1.80\nSL 2.01",
    "#OP mogelijke long\nEntry 1.92\nTP 2.05\nSL 1.85",
])
def test_a_possible_long_in_other_languages_is_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable


def test_the_next_coin_over_the_levels_is_never_the_praised_one():
    parsed = parse_message("Lovely win: #TIA +35% 🎯\n\nNext: #AVAX\nEntry: 31.2\nTP1: 33.5\nSL: 29.4")
    assert not parsed.tradable or parsed.symbol == "AVAX/USDT"
    assert parsed.symbol != "TIA/USDT"


# --- H13: Thai conditions on the reader, and the stop move after a target word in French and German ---------------

@pytest.mark.parametrize("text", [
    "#AVAX ถ้ายังไม่ได้เข้า ยกเลิกได้เลย",
    "#AVAX ถ้าใครยังไม่ได้เข้า ยกเลิก",
    "#AVAX ยกเลิก ถ้าคุณยังไม่ได้เข้า",
])
def test_thai_cancel_for_those_not_in_yet_is_an_entry_cancel(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.CANCEL_ENTRY
    assert parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", [
    "#AVAX ถ้าคุณยังถืออยู่ ปิดเลย",
    "#AVAX ปิดเลย ถ้าใครยังถือ",
    "#AVAX ปิดเลย",
])
def test_thai_close_now_for_those_still_holding_is_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "AVAX/USDT"


# (guards: a close waiting for the market stays no command, a Thai card with an "if" note stays the call)
@pytest.mark.parametrize("text", [
    "#AVAX ถ้าหลุด 29 ปิดเลย",
    "#AVAX ถ้าถึง TP2 ให้ปิดครึ่งหนึ่ง",
])
def test_thai_close_on_a_market_condition_is_no_close(text):
    assert parse_message(text).kind.value != "close"


def test_a_thai_card_with_a_note_for_latecomers_stays_tradable():
    parsed = parse_message("#AVAX LONG\nจุดเข้า: 31.2\nTP1: 33.5\nSL: 29.4\nถ้าใครยังไม่ได้เข้า รอย่อก่อน")
    assert parsed.tradable and parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text,breakeven,onto", [
    ("#AVAX TP1 pris ✅ SL au prix d'entrée", True, None),
    ("#AVAX TP1 atteint, stop au point d'entrée", True, None),
    ("#AVAX TP3 pris, SL au TP2", False, 2),
    ("#AVAX TP3 genommen, SL auf TP2 nachgezogen", False, 2),
    ("#AVAX TP2 alcanzado, stop en TP1", False, 1),
])
def test_the_stop_move_after_a_target_taken_is_kept(text, breakeven, onto):
    parsed = parse_message(text)
    assert parsed.kind.value == "update"
    if breakeven:
        assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    else:
        assert parsed.update_action == UpdateAction.NEW_STOP and parsed.stop_at_target == onto


@pytest.mark.parametrize("text", ["#AVAX stop pris", "#AVAX Stop genommen ❌"])
def test_the_stop_taken_in_french_or_german_is_a_stop_out(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.SL_HIT


def test_a_spanish_card_whose_stop_is_written_after_en_stays_the_call():
    assert parse_message("#AVAX LONG\nEntrada 31.2\nTP1 33.5\nStop en 29.4").tradable


# --- H12: a validity note under a live card ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#TIA SHORT\nВход: 8.40\nЦель: 7.90\nСтоп: 8.75\nДействует 12ч (истекает, если вход не сработает)",
    "#TIA SHORT\nEntry: 8.40\nTP: 7.90\nSL: 8.75\nValid 12h (expired, if the entry is not hit)",
])
def test_a_validity_note_keeps_the_live_card(text):
    parsed = parse_message(text)
    assert parsed.tradable and parsed.symbol == "TIA/USDT"


# (guard: a card marked as lapsed stays no call)
@pytest.mark.parametrize("text", [
    "#TIA SHORT (истекла)\nВход: 8.40\nЦель: 7.90\nСтоп: 8.75",
    "#TIA SHORT — истёк, вход не сработал\nВход: 8.40\nЦель: 7.90\nСтоп: 8.75",
])
def test_a_card_marked_as_lapsed_is_not_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value != "open" and not parsed.tradable
