"""Session 12 (fixer f18c), review 18 sections B2, B4 and C: market talk with "stopped"/"closed" is no close, recaps of
a past call and trading maxims are no updates, and management wording in other languages is read ("new stop", adds).
Look-alikes in my own wording, with guards that keep their reading."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _kind(text: str) -> str:
    return parse_message(text).to_expected_dict()["kind"]


def _update(text: str) -> tuple:
    parsed = parse_message(text)
    return parsed.kind.value, parsed.to_expected_dict()["symbol"], parsed.update_action and parsed.update_action.value


# --- B2: the price "stopped" at a level, others' stops taken, a candle closing beyond a level ------------------------

@pytest.mark.parametrize("text", [
    "AVAX stopped at the 40 resistance once more",
    "LINK stopped exactly at the daily EMA200, clean bounce",
    "BTC stopped right on the 0.786 fib again 👀",
    "ADA stopped out all the late longs before the move up 🙃",
    "APT took the stops of many shorts at 9.40 haha",
    "LTC закрылась ниже 80 на недельке",
    "BNB cerró por encima de 600 ayer",
    "Our stop got hit on the previous trade, that's trading. Stick to your plan.",
])
def test_market_talk_about_stops_and_candle_closes_is_no_close(text):
    assert _kind(text) == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#AVAX stopped at 38.2 ❌",
    "#AVAX stopped out at support, -4%",
    "#LINK hit our stop at 12.1",
    "#ADA stopped at entry, no loss",
    "Сделка по #LTC закрылась по стопу",
])
def test_a_real_stop_out_stays_a_close(text):
    assert _kind(text) == "close"


# --- B4: a past call whose every target was hit, maxims, every trade's result ------------------------------------------

@pytest.mark.parametrize("text", [
    "Yesterday's #LINK short smashed all targets 🎯 +88%, more calls coming",
    "Dünkü #APT sinyali tüm hedeflere ulaştı 🎯 +70%",
    "#NEAR hôm qua chạm hết TP rồi 🎯 +55%",
    "昨天 #LDO 的信号全部止盈 +60%",
    "Sinyal #INJ kemarin hit semua TP +44% 🔥",
    "#TIA Call von gestern: alle Ziele erreicht ✅ +52%",
    "Secure profits and move your stop to breakeven: the golden rule of every trader",
    "All our signals this week hit TP 🎯🎯",
])
def test_recaps_and_maxims_are_no_updates(text):
    assert _kind(text) == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#LINK all targets hit ✅ +88%",
    "#APT TP2 done ✅",
    "#NEAR move SL to entry",
])
def test_a_status_of_a_running_trade_stays_an_update(text):
    assert _kind(text) == "update"


# --- C1: "new stop" in other languages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX новый стоп 36.5",
    "#AVAX yeni stop 36.5",
    "#AVAX nuevo stop 36.5",
    "#AVAX novo SL 36.5",
    "#AVAX SL mới 36.5",
    "#AVAX SL baru 36.5",
    "#AVAX 新止损 36.5",
    "#AVAX 새 손절 36.5",
    "#AVAX neuer Stop 36.5",
    "#AVAX nouveau stop 36.5",
    "#AVAX nuovo SL 36.5",
    "#AVAX nowy stop 36.5",
    "#AVAX استاپ جدید 36.5",
])
def test_new_stop_in_other_languages_is_a_stop_update(text):
    assert _update(text) == ("update", "AVAX/USDT", "new_stop")


# --- C2: adds and averaging down ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#ARB add at 0.92",
    "#ARB averaging down at 0.92",
    "#ARB agregar más en 0.92",
    "#ARB promediamos en 0.92",
    "#ARB adicionar mais em 0.92",
    "#ARB nhồi thêm tại 0.92",
    "#ARB 0.92 补仓",
    "#ARB 0.92 加仓",
    "#ARB 0.92에서 추가 매수",
    "#ARB renforcer à 0.92",
    "#ARB mediare a 0.92",
])
def test_adds_in_other_languages_are_add_updates(text):
    assert _update(text) == ("update", "ARB/USDT", "add_entry")


@pytest.mark.parametrize("text", [
    "Don't add more #ARB here",
    "#ARB 不要补仓",
])
def test_an_add_said_not_to_happen_is_no_update(text):
    assert _kind(text) == "not_a_signal"


def test_a_fresh_call_with_an_add_level_stays_an_open():
    parsed = parse_message("#ARB LONG\nEntry 0.95\nAdd at 0.92\nTP 1.00 / 1.05\nSL 0.88")
    assert parsed.to_expected_dict()["kind"] == "open"


# --- C3: stopped out, in the words of each language ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#DOT ausgestoppt 😕",
    "#DOT stoppé, on passe au suivant",
    "#DOT stoppato ❌",
    "#DOT bateu o stop",
    "#DOT wybici na stopie",
    "#DOT bị quét SL rồi",
    "#DOT 被止损了",
    "#DOT ロスカットになりました",
    "#DOT стопнули ❌",
    "#DOT вышли по стопу",
    "#DOT stop patladı 😔",
    "#DOT stop oldu 😔",
    "#DOT โดน SL แล้ว",
    "#DOT का SL हिट हो गया",
    "#DOT le stop loss a sauté",
    "#DOT preso lo stop",
    "#DOT استاپ لاس خورد",
    "Breakeven stop hit on #DOT, no loss",
])
def test_stopped_out_in_other_languages_is_a_stop_out(text):
    assert _update(text) == ("close", "DOT/USDT", "sl_hit")


@pytest.mark.parametrize("text", [
    "Wie man nicht ausgestoppt wird: drei Tipps",
    "#DOT ещё не стопнуло, держим",
    "#DOT pressure building under 7",
])
def test_stop_words_that_report_no_stop_out(text):
    assert _kind(text) != "close"


# --- C4: a call withdrawn, as a post of its own or heading the card it restates ----------------------------------------

@pytest.mark.parametrize("text", [
    "#OP anulado",
    "#OP 该单作废",
    "#OP シグナルはキャンセル",
    "#OP 注文を取り消し",
    "#OP скасовуємо сигнал",
    "#OP лимитку убираем",
    "#OP सिग्नल रद्द",
    "#OP ยกเลิกออเดอร์",
    "#OP Order gelöscht",
    "#OP الصفقة ملغاة",
])
def test_cancel_wording_in_other_languages_is_a_cancel(text):
    assert _update(text) == ("close", "OP/USDT", "cancel_entry")


@pytest.mark.parametrize("text", [
    "❌ #OP SHORT cancelled\nEntry 1.80\nTP 1.70 / 1.60\nSL 1.90",
    "❌ #OP SHORT отменён\nВход 1.80\nЦели 1.70 / 1.60\nСтоп 1.90",
    "❌ #OP 숏 취소\n진입 1.80\n익절 1.70 / 1.60\n손절 1.90",
    "❌ #OP 做空 取消\n入场 1.80\n止盈 1.70 / 1.60\n止损 1.90",
    "❌ #OP SHORT iptal\nGiriş 1.80\nHedef 1.70 / 1.60\nStop 1.90",
])
def test_a_card_headed_by_its_cancel_is_a_cancel(text):
    assert _update(text) == ("close", "OP/USDT", "cancel_entry")


def test_a_fresh_card_stays_an_open():
    parsed = parse_message("#OP SHORT\nEntry 1.80\nTP 1.70 / 1.60\nSL 1.90")
    assert parsed.to_expected_dict()["kind"] == "open"


@pytest.mark.parametrize("text", [
    "#DOT al final nos sacó el stop",
    "#DOT ชน SL ไปแล้ว",
    "#DOT złapał SL",
    "#DOT спрацював стоп-лос",
    "По #DOT сработал стоп",
    "#DOT stop wybity ❌",
])
def test_the_stop_taken_with_the_verb_first_or_last_is_a_stop_out(text):
    assert _update(text) == ("close", "DOT/USDT", "sl_hit")
