"""Session 12, helper f19d (review 19, B1, B2 and C2): a close said for later in pt/it/fr/zh/ja/ko/ar/pl/uk/id, or left
as an order at a level ("set your TP there"), is no close now; a close of no position (a candle, the week, an app, an
exchange's trading, a Dutch office that is "gesloten") is none; and real closes that were missed are read — after a spaced
dash, "we close #X", a French "ayant été touché", Korean "손절 나왔습니다", Japanese "ストップにかかりました", a Vietnamese
"chốt một nửa" (a partial), Turkish "%50 kâr al" beside a stop to entry, Portuguese "stop no zero a zero" (breakeven).
Guards: closes done now in the same languages, a candle's close price after a dash, "closed, trading plan worked".
Look-alikes in my own wording."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message
from verzek.parsing.status import UpdateAction


def _read(text: str) -> tuple:
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    return d["kind"], d["symbol"]


# --- a close said for later: not a close now ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX será fechada no alvo 3",
    "#AVAX será cerrada en el TP3",
    "#AVAX verrà chiusa al target 3",
    "#AVAX sarà chiusa al TP3",
    "#AVAX sera fermée au TP3",
    "#AVAX 将于 TP3 平仓",
    "#AVAX 预计 TP3 附近平仓",
    "#AVAX 计划在 TP3 平仓",
    "#AVAX は TP3 で決済する予定です",
    "#AVAX TP3에서 청산 예정",
    "#AVAX سيتم إغلاق الصفقة عند الهدف 3",
    "#AVAX zostanie zamknięta na TP3",
    "#AVAX будемо закривати на TP3",
    "#AVAX буде закрита на TP3",
    "#AVAX akan kami tutup di TP3",
    "#AVAX — exit at 41.5 (set your take profit there)",
    "#AVAX close at 41.5, place the limit order there",
])
def test_a_close_said_for_later_is_no_close(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text, symbol", [
    ("#AVAX sera clôturé maintenant", "AVAX/USDT"),
    ("#AVAX سيتم إغلاق الصفقة الآن", "AVAX/USDT"),
    ("#AVAX akan ditutup sekarang", "AVAX/USDT"),
    ("#AVAX 将立即平仓", "AVAX/USDT"),
    ("#AVAX تم إغلاق الصفقة ✅", "AVAX/USDT"),
    ("#AVAX fechado ✅ será um ótimo mês", "AVAX/USDT"),
    ("Close #AVAX now at 41.5", "AVAX/USDT"),
])
def test_a_close_done_now_in_the_same_languages_stays_a_close(text, symbol):
    assert _read(text) == ("close", symbol)


# --- a close of no position ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#LINK haftayı 20 üzerinde kapattı 💪",
    "#LINK cerró la vela semanal encima de 20",
    "#LINK closed the daily candle above 20",
    "#LINK закрыл дневную свечу выше 20",
    "#LINK fechou a vela de 4h acima de 20",
    "Kraken closed #LINK trading for UK users",
    "Binance has temporarily closed #LINK trading",
    "I closed Telegram for the weekend, #LINK chop is exhausting",
    "I closed TradingView and Twitter, #LINK is boring",
    "De winkel is gesloten vandaag, #LINK blijft sterk",
    "Ons kantoor is morgen gesloten, #LINK koers stabiel",
])
def test_a_close_of_no_position_is_none(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text, symbol", [
    ("#LINK gesloten met winst ✅", "LINK/USDT"),
    ("#LINK positie gesloten op TP2", "LINK/USDT"),
    ("We hebben #LINK gesloten op break-even", "LINK/USDT"),
    ("#LINK closed, trading plan did its job ✅", "LINK/USDT"),
    ("Closed #LINK on Bybit +7%", "LINK/USDT"),
    ("#LINK kapattık ✅ +12%", "LINK/USDT"),
])
def test_a_close_of_the_trade_beside_those_words_stays_a_close(text, symbol):
    assert _read(text) == ("close", symbol)


# --- real closes that were missed ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("Close the #INJ long, imbalance got filled ✅", "INJ/USDT"),
    ("Imbalance filled ✅ — we close #INJ here +6%", "INJ/USDT"),
    ("Server update tonight — close #INJ by hand now", "INJ/USDT"),
    ("#INJ — stop ayant été touché, position terminée", "INJ/USDT"),
    ("#INJ 손절 나왔네요", "INJ/USDT"),
    ("#INJ ストップにかかりました…", "INJ/USDT"),
])
def test_a_real_close_is_read(text, symbol):
    assert _read(text) == ("close", symbol)


@pytest.mark.parametrize("text", [
    "Supertrend SELL on INJUSDT 4h — close 24.17",
    "INJ 1h RSI 71 — close 24.17, volume low",
])
def test_a_candle_close_price_after_a_dash_is_no_close(text):
    assert _read(text)[0] != "close"


def test_a_vietnamese_half_is_a_partial_close():
    parsed = parse_message("#INJ chốt một nửa vị thế ✅")
    assert parsed.to_expected_dict()["kind"] == "update"
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", [
    "#INJ TP1 ✅ %50 kâr alıyoruz, stopu girişe çekin",
    "#INJ 50% fechado no alvo 1, stop no zero a zero",
])
def test_a_partial_and_a_stop_to_entry_are_both_read(text):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE
    assert UpdateAction.MOVE_SL_BREAKEVEN in parsed.also_actions


def test_a_stop_not_at_breakeven_in_portuguese_stays_unread():
    assert _read("#INJ stop não no zero a zero")[0] == "not_a_signal"
