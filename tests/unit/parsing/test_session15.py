"""Session 15 (the lead): the rules from the first looks at blind batches s1–s3 and from review 26 (G1–G5, G7, G10,
G15), each with look-alikes in new wording and guards that keep their reading.

The executor's semantics decide what a defect is: a close or stop-out closes the whole position, a cancel of the
unfilled entries leaves the filled part running, a stop move moves the stop (two readings: the signal's levels choose),
a target hit or a partial close changes nothing."""

from decimal import Decimal

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

D = Decimal


def _kind_action(text: str) -> tuple[str, str | None]:
    parsed = parse_message(text)
    return parsed.kind.value, parsed.update_action.value if parsed.update_action else None


# --- first looks at s1–s3 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#ENA bitte die letzte Nachkauf-Order löschen, Position läuft weiter",
    "#ENA offene Nachkauf-Orders löschen",
    "#ENA ยกเลิกออเดอร์ซื้อที่เหลือ ถือส่วนที่เข้าแล้วต่อ",
    "#ENA 3차 매수 취소합니다",
    "#ENA 추가 매수 주문 취소",
    "#ENA باقی آرڈرز کینسل کر دیں، پوزیشن چلتی رہے گی",
])
def test_a_cancel_of_the_unfilled_rungs_is_an_update_that_cancels_entries(text):
    assert _kind_action(text) == ("update", "cancel_entry")


@pytest.mark.parametrize("text, kind", [
    ("#ENA ยกเลิกสัญญาณนี้", "close"),  # the whole call withdrawn (Thai)
    ("#ENA Signal storniert, bitte nicht mehr einsteigen", "close"),
])
def test_a_cancel_of_the_whole_call_stays_a_close(text, kind):
    assert parse_message(text).kind.value == kind


@pytest.mark.parametrize("text", [
    "ถ้า #ETH หลุด 3000 เราจะปิดออเดอร์ทั้งหมด",
    "ถ้า ETH ยืนไม่ได้ที่ 3000 ปิดสถานะ",
])
def test_a_thai_close_after_if_waits(text):
    assert parse_message(text).kind.value == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#ARB TP2 preso, il resto corre",
    "#ARB TP1 pris",
    "#ARB TP1 genommen",
])
def test_a_target_taken_in_it_fr_de_is_a_target_hit(text):
    assert _kind_action(text) == ("update", "tp_hit")


@pytest.mark.parametrize("text", [
    "Ejemplo de una operación ganadora 👇\n#AVAX LONG entrada 30\nTP1 32 ✅ TP2 34 ✅\n+60% 🚀",
    "Esempio di trade della settimana:\n#AVAX LONG 30\nTP 32\nSL 29",
    "Exemple de trade gagnant :\n#AVAX LONG entrée 30\nTP 32 ✅ 34 ✅",
])
def test_an_example_trade_in_other_languages_is_not_a_call(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_close_verb_then_an_emoji_then_a_capitalised_word_closes_the_tagged_coin():
    parsed = parse_message("🏴 KARADENİZ VIP 🏴\n#ARBUSDT hemen kapatın ⚠️ Trend döndü, pozisyonu kapatıyoruz.")
    assert (parsed.kind.value, parsed.symbol) == ("close", "ARB/USDT")


def test_a_bracketed_room_tag_is_no_stray_level():
    parsed = parse_message("[ROOM-2]\nLONG #OPUSDT\nEntry: 2.15\nTargets: 2.22 / 2.30\nStop: 2.08")
    assert parsed.tradable and parsed.to_expected_dict()["entries"] == [2.15]


@pytest.mark.parametrize("text", [
    "⚡ RAPTOR CALLS ⚡\n#crypto #signals #trading\n$SOL short loading ⏳ levels in VIP in 10 min",
    "#SOL LONG 🚀\nLeverage 10x\n(levels for VIP members only 🔐)",
    "🦅 이글 시그널\n#SOL 롱 준비하세요, 진입가는 곧 공지합니다",
])
def test_a_teaser_naming_coin_and_side_is_a_held_direction(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and not parsed.tradable and parsed.to_expected_dict()["entries"] == []


def test_a_stop_written_stop_first_in_the_instrumental_case_is_the_stop():
    parsed = parse_message("#DOT шорт 7.40 цели 7.10 / 6.85 стопом может быть 7.62")
    expected = parsed.to_expected_dict()
    assert parsed.tradable and expected["stop_loss"] == 7.62 and expected["targets"] == [7.1, 6.85]


def test_italian_ora_with_a_price_is_an_entry_at_the_market():
    parsed = parse_message("📈 Posizione: SHORT\n🪙 #LDO\n💵 Ora: 1.210\n🎯 TP1 1.16\n❌ SL 1.25")
    expected = parsed.to_expected_dict()
    assert (expected["entry_type"], expected["entries"]) == ("market", [1.21])


# --- review 26 --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, readings", [
    ("#BTC переносим стоп на 64.500", ("64.500", "64500")),
    ("#BTC subimos el stop a 64.500", ("64.500", "64500")),
    ("#ETH SL geser ke 3.180", ("3.180", "3180")),
])
def test_g1_a_moved_stop_with_a_point_before_three_digits_carries_both_readings(text, readings):
    parsed = parse_message(text)
    assert parsed.new_stop is None and parsed.stop_readings == tuple(D(r) for r in readings)


@pytest.mark.parametrize("text, stop", [
    ("#ARB SL moved to 0.418", "0.418"),  # a leading zero groups no thousands
    ("#ARB SL 1.02 → 1.05", "1.05"),  # the post writes decimals with a point
])
def test_g1_guards_read_one_way(text, stop):
    assert parse_message(text).new_stop == D(stop)


@pytest.mark.parametrize("text", [
    "#LINK move SL to 14.6 or 14.4",
    "#LINK SL to 14.6 / 14.4, your choice",
    "#LINK SL to 14.6-14.4",
])
def test_g2_two_stop_prices_offered_move_nothing(text):
    parsed = parse_message(text)
    assert parsed.new_stop is None and not parsed.stop_readings


@pytest.mark.parametrize("text", [
    "#LINK TP1 ✅ SL to TP1 after it hits TP2",
    "#LINK TP1 ✅ stop to TP1 at the next target",
    "#LINK TP1 ✅ SL to 15.2 after price gets there",
    "#LINK стоп в TP1 после второго тейка",
    "#LINK TP1 ✅ TP2后止损上移到TP1",
    "#LINK SL to 15.2 on the daily close",
    "#LINK SL to 15.2 in 3 hours",
])
def test_g3_a_stop_move_for_later_moves_nothing_now(text):
    parsed = parse_message(text)
    assert parsed.new_stop is None and parsed.stop_at_target is None and not parsed.stop_readings
    assert UpdateAction.NEW_STOP not in parsed.also_actions


@pytest.mark.parametrize("text", [
    "#NEAR hit SL be careful out there",
    "#NEAR hit SL to the cent",
    "#NEAR hit SL entry was early",
    "#NEAR kena SL ke bawah",
    "#NEAR almost TP1 hit SL 😭",
])
def test_g4_a_stop_out_with_a_remark_after_it_closes(text):
    assert _kind_action(text) == ("close", "sl_hit")


@pytest.mark.parametrize("text, action", [
    ("#NEAR TP2 hit SL to entry", "move_sl_breakeven"),
    ("#NEAR 2nd target hit SL to 1st target", "new_stop"),
    ("#NEAR TP1 kena SL ke entry", "move_sl_breakeven"),
])
def test_g4_guards_a_target_hit_then_a_stop_move_stays_a_move(text, action):
    assert _kind_action(text) == ("update", action)


@pytest.mark.parametrize("text, expected", [
    ("#OP cancel if you haven't entered yet. If you're already in, exit at entry.", ("close", None)),
    ("#OP cancel the call if you are not in; those who entered, close now", ("close", None)),
    ("#OP cancel if you haven't entered yet, others hold", ("update", "cancel_entry")),
])
def test_g5_a_cancel_for_those_not_in_closes_when_those_in_are_told_to_close(text, expected):
    assert _kind_action(text) == expected


@pytest.mark.parametrize("text, action", [
    ("#OP 2차 익절 마감 ✅", "partial_close"),
    ("#OP आधा पोजीशन प्रॉफिट में बंद", "partial_close"),
    ("#OP 30% प्रॉफिट में बंद, बाकी चलने दो", "partial_close"),
    ("#OP close half of the remaining position now", "partial_close"),
    ("#OP close one more third here", "partial_close"),
])
def test_g7_g15_a_share_closed_is_a_partial_close(text, action):
    assert _kind_action(text) == ("update", action)


def test_g7_guard_the_remaining_position_closed_is_a_close():
    assert parse_message("#OP close the remaining position").kind.value == "close"


@pytest.mark.parametrize("text, stop", [
    ("Düzeltme: #APT stop 8.40 değil 8.10", "8.10"),
    ("Correction: #APT SL 8.40 was wrong, correct SL 8.10", "8.10"),
    ("Correction: #APT SL 8.10 not 8.40", "8.10"),
    ("Исправление: #APT стоп не 8.40, а 8.10", "8.10"),
    ("Correction: #APT SL 8.10", "8.10"),
])
def test_g10_a_correction_takes_the_corrected_stop(text, stop):
    assert parse_message(text).new_stop == D(stop)


def test_g10_a_correction_naming_two_prices_without_saying_which_moves_nothing():
    parsed = parse_message("Correction: #APT SL 8.40 / 8.10")
    assert parsed.new_stop is None and not parsed.stop_readings


def test_a_sell_reported_done_at_a_price_is_still_the_exit():
    assert parse_message("Sell #INJ done at 24.10 ✅").kind.value == "close"


# --- first looks at t1–t3 (the wrong ones) ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("#LTC long ka TP1 bhi hit 🎯 SL ab entry pe rakho", ("update", "tp_hit")),  # a particle between target and verb
    ("#LTC ไม้ 2 ที่ยังไม่ได้เข้า ยกเลิกได้เลย ถือไม้แรกต่อ", ("update", "cancel_entry")),
    ("#LTC hủy lệnh vào 3 chưa khớp nhé", ("update", "cancel_entry")),
    ("#LTC 利確1到達 半分を决済します", ("update", "partial_close")),
    ("#LTC фіксуємо ще половину, решта працює", ("update", "partial_close")),
    ("#LTC TP1 kena, jual 50% dulu", ("update", "partial_close")),
])
def test_t_batches_shares_rungs_and_particles_are_no_whole_close(text, expected):
    assert _kind_action(text) == expected


def test_t_batches_advice_to_always_set_a_stop_moves_no_stop():
    parsed = parse_message("سلام دوستان، بازار امروز خطرناکه، همیشه حد ضرر بذارید")
    assert parsed.kind.value == "not_a_signal"


# --- review 27 --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "VIP signal: BNB closed +18%, next: DOT\nSHORT\nEntry: 7.40\nTP1: 7.10\nSL: 7.62",
    "Free signal: BNB ✅ done\nNext one: DOT\nSHORT\nEntry: 7.40\nTP1: 7.10\nSL: 7.62",
])
def test_h1_a_heading_label_whose_line_goes_on_names_no_coin(text):
    assert parse_message(text).symbol != "BNB/USDT"


def test_h1_guard_a_heading_label_ending_on_its_coin_names_it():
    parsed = parse_message("Scalp signal: DOT SHORT\nEntry: 7.40\nTP1: 7.10\nSL: 7.62")
    assert parsed.symbol == "DOT/USDT" and parsed.tradable


@pytest.mark.parametrize("text, expected", [
    ("#DOT cancel if you haven't entered yet. If you're in, hold and close at TP2", ("update", "cancel_entry")),
    ("#DOT cancel if you haven't entered. If you're in, don't close", ("update", "cancel_entry")),
    ("#DOT cancel if you haven't entered. Those in: close only if 7.62 breaks", ("update", "cancel_entry")),
    ("#DOT cancel if you haven't entered yet\nIf you're in, close it now.", ("close", None)),
])
def test_h2_those_in_told_to_close_now_only_closes(text, expected):
    assert _kind_action(text) == expected


@pytest.mark.parametrize("text", [
    "#DOT 2차 진입 취소하고 포지션 종료",
    "#DOT ยกเลิกออเดอร์ที่เหลือ แล้วปิดสถานะทั้งหมด",
])
def test_h3_a_rung_cancel_beside_a_whole_close_closes(text):
    assert parse_message(text).kind.value == "close"


@pytest.mark.parametrize("text, kind", [
    ("#DOT 35% प्रॉफिट में ट्रेड बंद ✅", "close"),  # the result, not a share
    ("#DOT 2차 익절 마감, 전량 청산", "close"),
    ("Close DOT 22% ROI", "close"),
    ("#DOT 40% प्रॉफिट में बंद, बाकी होल्ड करो", "update"),  # the rest held: a share
])
def test_h4_a_result_percent_is_no_share(text, kind):
    assert parse_message(text).kind.value == kind


@pytest.mark.parametrize("text, kind", [
    ("Sell #DOT at 7.40 ✅", "close"),
    ("SELL DOT at 7.40 +12% 🔥", "close"),
    ("#DOT 7.40 매도 완료", "close"),
    ("Sell #DOT at 7.40 and exit", "close"),
    ("SELL DOT at 7.40", "not_a_signal"),  # a priced sell for later: no market sale now
    ("SELL DOT ZONE 7.40-7.55", "not_a_signal"),
])
def test_h5_a_priced_sell_reported_made_closes(text, kind):
    assert parse_message(text).kind.value == kind


@pytest.mark.parametrize("text", [
    "#DOT Nachkauf-Orders bitte löschen, Position halten",
    "#DOT offene Orders löschen",
    "#DOT die zweite Nachkauf-Order wurde gelöscht",
    "#DOT Limit-Orders löschen, Position bleibt",
])
def test_h6_german_deletes_of_pending_orders_cancel_only_the_unfilled_rungs(text):
    assert _kind_action(text) == ("update", "cancel_entry")


@pytest.mark.parametrize("text, action", [
    ("#DOT TP1 hit in 3 hours ✅ SL to entry", "move_sl_breakeven"),  # a duration already spent
    ("#DOT SL moved to entry after it hit TP1", "move_sl_breakeven"),  # a past event
    ("#DOT TP1 hit in 2 hours, closing the rest now", None),
])
def test_h7_past_events_and_durations_do_not_make_a_move_wait(text, action):
    parsed = parse_message(text)
    if action is None:
        assert parsed.kind.value == "close"
    else:
        assert parsed.update_action == UpdateAction(action)


@pytest.mark.parametrize("text, stop", [
    ("Correction: #DOT SL 7.62 (typo 7.26)", "7.62"),
    ("Correction: #DOT SL 7.62, TP2 6.90", "7.62"),
    ("Исправление: #DOT стоп 7,62 вместо 7,26", "7.62"),
    ("Correction: #DOT SL 7.40 → 7.62", "7.62"),
])
def test_h8_corrections_take_the_meant_stop(text, stop):
    assert parse_message(text).new_stop == D(stop)


@pytest.mark.parametrize("text", [
    "Correction: #DOT SL 3% not 4%",  # a percent, no price
    "Corrección: #DOT SL 7.26 ❌ 7.62 ✅",  # the marks gone, which is meant is not said
])
def test_h8_corrections_move_nothing_when_unsure(text):
    parsed = parse_message(text)
    assert parsed.new_stop is None and not parsed.stop_readings


def test_h9_a_json_cancel_that_also_closes_the_position_closes():
    assert parse_message('{"symbol": "DOTUSDT", "action": "cancel_all", "close_position": true}').kind.value == "close"
    assert _kind_action('{"symbol": "DOTUSDT", "action": "cancel_all"}') == ("update", "cancel_entry")


def test_a_reply_keeps_its_stop_move_onto_a_target():
    parsed = parse_message("↩️ Reply to: #DOT/USDT SHORT Entry 7.40\nTP2 done 🎯 move SL to TP1")
    assert parsed.symbol == "DOT/USDT" and parsed.stop_at_target == 1


# --- first looks at u1–u3 ---------------------------------------------------------------------------------------------

def test_u_a_coins_price_floor_holds_against_a_fiat_quote():
    parsed = parse_message("BTC/EUR spot buy\nEntry: € 91.250\nTP: € 93.400\nSL: € 89.600")
    assert parsed.to_expected_dict()["entries"] == [91250]


@pytest.mark.parametrize("text", [
    "📸 Screenshot from one of our members: closed #WIF long at +180% (15x), congrats!",
    "Spotted in another channel: SHORT #WIF 2.40, TP 2.20, SL 2.52 — we're not taking this one.",
])
def test_u_someone_elses_trade_is_not_the_channels(text):
    assert parse_message(text).kind.value == "not_a_signal"


@pytest.mark.parametrize("text", ["#WIF cancel entries 2 & 3", "#WIF cancel orders 2-3 please", "#WIF cancel entry 3"])
def test_u_numbered_rungs_cancelled_are_an_update(text):
    assert _kind_action(text) == ("update", "cancel_entry")


def test_u_a_relay_footer_advert_keeps_the_status():
    parsed = parse_message("📡 From: Alpha Calls\n#WIF TP2 ✅ +8% (x10)\nSL to TP1 now\n————\nJoin VIP 👉 t.me/alpha")
    assert parsed.kind.value == "update" and parsed.stop_at_target == 1


def test_u_swiss_apostrophe_thousands():
    expected = parse_message("BTC long\nEntry 97'250\nTP 99'000\nSL 95'800").to_expected_dict()
    assert (expected["entries"], expected["targets"], expected["stop_loss"]) == ([97250], [99000], 95800)


@pytest.mark.parametrize("text", [
    "Kemarin 4/5 TP ✅\n\nSinyal baru:\n#WIF LONG\nEntry 2.31\nTP 2.40 / 2.52\nSL 2.22",
    "Hôm qua lãi 80% 🔥\n\nTín hiệu mới:\n#WIF LONG\nEntry 2.31\nTP 2.40 / 2.52\nSL 2.22",
])
def test_u_a_fresh_card_after_a_recap_line_is_an_open(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "WIF/USDT"


def test_u_polish_teaser_is_a_held_direction():
    parsed = parse_message("#WIF/USDT — SHORT 1H\nSzczegóły wkrótce")
    assert parsed.kind.value == "open" and not parsed.tradable


def test_u_portuguese_entry_filled():
    assert _kind_action("#WIF entrada preenchida ✅ agora é esperar") == ("update", "entry_filled")


# --- review 28 (C: live calls the question and "not taking" rules dropped) --------------------------------------------

@pytest.mark.parametrize("text", [
    "#OP LONG\nEntry: 2.10\nTP1: 2.25\nSL: 2.02\nAny questions about the #OP long? DM me",
    "#OP LONG NOW ??\nTP 2.25\nSL 2.02",
    "#OP LONG — are you in?\nEntry: 2.10\nTP1: 2.25\nSL: 2.02",
    "#OP LONG\nEntry 2.10\nTP 2.25\nSL 2.02\nWe're not taking this with high leverage, 5x max",
])
def test_r28_a_live_call_with_a_question_or_a_caution_after_it_trades(text):
    assert parse_message(text).tradable
