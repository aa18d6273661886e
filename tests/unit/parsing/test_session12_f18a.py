"""Session 12, fixer f18a (review 18, A1 and A3–A6): a card re-posted with its stop marked as hit on the stop's own
line is the close of that coin (a cross alone there holds it); example, poll and leaderboard posts and "not a signal"
disclaimers in more languages are no calls; a liquidation price is no entry and news of someone else's position is no
call; a condition on the entry written after the stop holds the card. Look-alikes in my own wording, with guards
that keep genuine fresh cards tradable."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _fields(text: str) -> dict:
    return parse_message(text).to_expected_dict()


# --- A1: the stop's line says the stop was hit -----------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL 28.05 — stopped out 😔", "AVAX/USDT"),
    ("#LINK LONG\nEntry 13.20\nTargets 13.60 / 14.00\nStop 12.85 (stop got hit)", "LINK/USDT"),
    ("#OP LONG\nGiriş 2.10\nHedef 2.20 / 2.30\nStop 2.02 ❌ stop olduk", "OP/USDT"),
    ("#ADA LONG\nВход 0.452\nЦели 0.465 / 0.478\nСтоп 0.441 ❌ выбило", "ADA/USDT"),
    ("#ADA LONG\nВход 0.452\nЦели 0.465 / 0.478\nСтоп 0.441 ❌ стоп", "ADA/USDT"),
    ("#DOT 롱\n진입 6.10\n익절 6.30 / 6.50\n손절 5.95 ❌ 손절 처리됨", "DOT/USDT"),
    ("#DOT 做多\n入场 6.10\n止盈 6.30 / 6.50\n止损 5.95 已止损", "DOT/USDT"),
    ("#NEAR LONG\nエントリー 5.40\n利確 5.60 / 5.80\n損切り 5.25 損切りされました", "NEAR/USDT"),
    ("#XRP LONG\nEntrada 0.612\nTP 0.630 / 0.650\nSL 0.598 ❌ saltó", "XRP/USDT"),
    ("#XRP LONG\nEntry 0.612\nTP 0.630 / 0.650\nSL 0.598 ❌ dính", "XRP/USDT"),
])
def test_a_card_whose_stop_line_says_the_stop_was_hit_is_its_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.to_expected_dict()["symbol"]) == ("close", symbol)
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL 28.05 ❌",
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL 28.05 ❌ (-25%)",
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL: 28.05 🚫",
])
def test_a_card_whose_stop_price_is_crossed_out_is_never_traded(text):
    assert not parse_message(text).tradable


@pytest.mark.parametrize("text", [
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL 28.05",
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\n❌ SL 28.05",
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL 28.05 (taken from the 4H swing high)",
    "#AVAX SHORT\nEntry 27.40\nTP 26.80 / 26.10\nSL 28.05 hit only on a 4H close",
])
def test_a_fresh_card_with_notes_on_its_stop_stays_tradable(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable, parsed.rejected


# --- A3/A4: examples, polls, leaderboards and disclaimers ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ví dụ: #SOL LONG vào 150, TP 158, SL 145",
    "Contoh: #SOL LONG entry 150 TP 158 SL 145",
    "Esempio: #SOL LONG ingresso 150 TP 158 SL 145",
    "Przykład: #SOL LONG wejście 150 TP 158 SL 145",
    "Приклад угоди для початківців: #SOL лонг, вхід 150, тейк 158, стоп 145",
    "Пример сделки: #SOL лонг, вход 150, тейк 158, стоп 145",
    "Например, #SOL лонг от 150, стоп 145, тейк 158",
    "مثال: #SOL شراء دخول 150 هدف 158 وقف 145",
    "उदाहरण: #SOL LONG एंट्री 150 TP 158 SL 145",
    "ตัวอย่าง: #SOL LONG เข้า 150 TP 158 SL 145",
    "예시: #SOL 롱 진입 150 익절 158 손절 145",
    "例：#SOL ロング エントリー 150 利確 158 損切り 145",
    "Quick poll — would you take this one? #SOL LONG 150, TP 158, SL 145",
    "Would you enter this? #SOL LONG 150 TP 158 SL 145",
    "Опрос: вошли бы сюда? #SOL лонг 150, тейк 158, стоп 145",
    "Anket: bu işleme girer miydin? #SOL LONG 150 TP 158 SL 145",
    "Encuesta rápida: ¿entrarían? #SOL LONG 150 TP 158 SL 145",
    "Binance leaderboard #1 is in: SOL long 150, TP 158, SL 145",
    "Nie sygnał, tylko moja pozycja: #SOL long 150 SL 145 TP 158",
    "시그널 아님 — 개인 매매: #SOL 롱 150 손절 145 익절 158",
    "यह सिग्नल नहीं है: #SOL long 150 SL 145 TP 158",
    "ไม่ใช่สัญญาณนะ: #SOL long 150 SL 145 TP 158",
    "Bu bir sinyal değildir: #SOL long 150 stop 145 hedef 158",
])
def test_an_example_poll_or_disclaimed_setup_is_no_call(text):
    assert _fields(text)["kind"] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#SOL LONG\nEntry 150\nTP 158 / 165\nSL 145\nRisk 1% per trade, e.g. 10 USDT on a 1000 account",
    "#SOL LONG 150 TP 158 SL 145 — we just opened it ourselves",
])
def test_a_fresh_card_with_a_note_stays_tradable(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable, parsed.rejected


# --- A5: liquidation prices and whale news ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "🐋 A whale just opened a 50x #ETH SHORT, entry 3,480, liq 3,550, TP 3,300?",
    "Some trader on Hyperliquid opened a $60M ETH short at 3480 with 50x, liquidation 3550",
    "Кит открыл лонг по SOL на $20M, вход 150, ликвидация 141, цель 170",
    "Balina 150'den 20x SOL long açtı, likidasyon 141",
    "Una ballena abrió un long de SOL en 150 con 20x, liquidación 141",
    "Cá voi mở lệnh long SOL 20x tại 150, thanh lý 141",
    "巨鲸在 150 开了 20 倍 SOL 多单，爆仓价 141",
])
def test_news_of_someone_elses_position_is_no_call(text):
    assert _fields(text)["kind"] == "not_a_signal"


def test_a_liquidation_price_beside_a_card_is_no_entry():
    fields = _fields("#ETH short 3480, liq 3650, tp 3400, sl 3530, 20x")
    assert (fields["kind"], fields["entries"], fields["stop_loss"]) == ("open", [3480], 3530)


# --- A6: a condition on the entry written after the stop -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX long 27.40, tp 28.20, sl 26.90 — entry only after a 1H close above 27.60",
    "#AVAX LONG 27.40 TP 28.20 SL 26.90 (enter only once it reclaims 27.60)",
    "AVAX лонг, вход 27.40, стоп 26.90, тейк 28.20 — вход только если закрепится выше 27.60",
])
def test_a_condition_on_the_entry_after_the_stop_holds_the_card(text):
    parsed = parse_message(text)
    assert parsed.kind.value in ("open", "not_a_signal") and not parsed.tradable


def test_a_condition_on_the_stop_keeps_the_card_tradable():
    parsed = parse_message("#AVAX long 27.40, tp 28.20, sl 26.90 (only if 4H closes below)")
    assert parsed.kind.value == "open" and parsed.tradable, parsed.rejected


# --- C4 (cards): a card re-posted under a heading that withdraws it ----------------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("⛔ #LINK SHORT cancelled\nEntry 14.10\nTP 13.70 / 13.30\nSL 14.45", "LINK/USDT"),
    ("❌ #LINK SHORT отменена\nВход 14.10\nЦели 13.70 / 13.30\nСтоп 14.45", "LINK/USDT"),
    ("❌ #LINK SHORT iptal edildi\nGiriş 14.10\nHedef 13.70 / 13.30\nStop 14.45", "LINK/USDT"),
    ("❌ #LINK 숏 취소\n진입 14.10\n익절 13.70 / 13.30\n손절 14.45", "LINK/USDT"),
    ("❌ #LINK 做空 取消\n入场 14.10\n止盈 13.70 / 13.30\n止损 14.45", "LINK/USDT"),
    ("❌ #LINK SHORT annullato\nEntrata 14.10\nTP 13.70 / 13.30\nSL 14.45", "LINK/USDT"),
])
def test_a_card_headed_by_its_cancellation_is_its_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.to_expected_dict()["symbol"]) == ("close", symbol)


def test_a_cancelled_rung_heading_a_card_is_no_close_of_the_trade():
    parsed = parse_message("#LINK SHORT cancelled second entry\nEntry 14.10\nTP 13.70 / 13.30\nSL 14.45")
    assert parsed.kind.value != "close" and not parsed.tradable


@pytest.mark.parametrize("text", [
    "VIP trade just opened 🔥 #ETH SHORT 3480, TP 3400, SL 3530",
    "We just opened #ETH SHORT at 3480, TP 3400, SL 3530",
])
def test_the_channels_own_trade_just_opened_stays_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable, parsed.rejected
