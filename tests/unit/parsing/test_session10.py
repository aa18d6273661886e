"""Session 10 (lead): structures found in the blind batches d1/d4 and by the session-9 adversarial review, each with
look-alikes in my own wording (never a corpus row). Every group fails on the parser before its commit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


def _fields(text: str) -> dict:
    return parse_message(text).to_expected_dict()


def _update(text: str) -> tuple:
    parsed = parse_message(text)
    return parsed.kind.value, parsed.to_expected_dict()["symbol"], parsed.update_action and parsed.update_action.value


# --- polls, adverts and recaps are no closes ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Close ETH now or hold for TP3? Vote 👇\n🔥 close\n💎 hold",
    "Закрываем #BTC или держим? Голосуйте 👇\n👍 закрыть\n👎 держать",
    "¿Cerramos #ADA aquí? Encuesta abajo 👇",
])
def test_a_poll_asking_readers_whether_to_close_is_no_close(text):
    assert _fields(text)["kind"] == "not_a_signal"


def test_a_close_with_a_question_for_the_chat_is_still_a_close():
    assert _fields("Close #ETH now. Questions? Ask in the chat")["kind"] == "close"


@pytest.mark.parametrize("text", [
    "🚀 #DOGE cerrado con +210% en el VIP. Únete hoy, cupos limitados",
    "Rejoignez le VIP : #ADA clôturé à +64% ✅",
    "#LINK закрыт +88% 🔥 Присоединяйтесь к VIP 👉 @admin",
])
def test_a_result_shown_to_sell_the_vip_is_no_close(text):
    assert _fields(text)["kind"] == "not_a_signal"


def test_a_close_with_a_gain_and_no_advert_is_a_close():
    assert _fields("#DOGE cerrado con +21% ✅")["kind"] == "close"


@pytest.mark.parametrize("text", [
    "今日战绩 📈\n#SOL +18% ✅\n#AVAX +9% ✅\n#LINK 止损 -4%",
    "어제 결과\n#SOL +18% ✅\n#DOT 손절 -3%",
    "Resultados de ayer 📊\n#SOL +18% ✅\n#AVAX cerrado +9%",
])
def test_a_post_headed_as_a_day_s_results_is_a_recap(text):
    assert _fields(text)["kind"] == "not_a_signal"


# --- status words in Hindi, Polish, Thai and Arabic ------------------------------------------------------------------

def test_a_target_hit_in_hindi_with_the_stop_to_entry():
    assert _update("#OP TP2 हिट ✅") == ("update", "OP/USDT", "tp_hit")
    assert _update("#OP SL को एंट्री पर करें") == ("update", "OP/USDT", "move_sl_breakeven")


def test_an_entry_filled_in_polish():
    assert _update("#ATOM wejście zrealizowane po 6.10") == ("update", "ATOM/USDT", "entry_filled")


def test_a_target_reached_by_number_in_thai_and_the_stop_brought_to_entry():
    parsed = parse_message("#DOGE ถึงเป้าที่ 2 แล้ว ✅")
    assert (parsed.kind.value, parsed.update_action.value, parsed.target_index) == ("update", "tp_hit", 2)
    assert _update("#DOGE เลื่อน SL มาที่ราคาเข้า") == ("update", "DOGE/USDT", "move_sl_breakeven")


@pytest.mark.parametrize("text", ["إلغاء الصفقة #DOT لم يتم الوصول للدخول", "إلغاء توصية #LINK"])
def test_cancelling_the_trade_in_arabic_is_a_close(text):
    assert _update(text)[:2] == ("close", text.split("#")[1].split()[0] + "/USDT")
