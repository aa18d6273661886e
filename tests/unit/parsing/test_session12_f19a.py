"""Session 12, helper f19a (review 19, A1/A2/A3 and the matching safe misses of C1): an example or teaching post headed
by an example word outside the old list (Turkish, Chinese, Japanese, Korean, Arabic, Persian, Hindi, Dutch, Indonesian,
Vietnamese, Thai, English "for instance" / "let's say" / "imagine" / "homework" / "what if" / "test post", a lesson
heading), someone else's trade (a mentor, a handle on X, a community member, an exchange trader, a big player) or the
writer's own trade from before still held, and a past call recapped with all its targets hit (de/zh/pl/fr/vi/id) are
not signals. Guards: a recap or a "past performance" record heading a card that is marked as new, and a whale's or
the admin's move the channel says it follows ("we follow", "join me", "copy now"), stay tradable opens.
Look-alikes in my own wording."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _read(text: str) -> tuple:
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    return d["kind"], d["symbol"], parsed.tradable


# --- an example or a lesson, the example word outside the old list ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Örnek: #AVAX LONG giriş 27 hedef 29 stop 26",
    "Örneğin #AVAX LONG giriş 27, hedef 29, stop 26",
    "举个例子：#AVAX 做多 入场 27 止盈 29 止损 26",
    "比如说 #AVAX 做多 27 止盈 29 止损 26",
    "例えば #AVAX ロング 27 利確 29 損切り 26",
    "예를 들어 #AVAX 롱 27 진입, 29 익절, 26 손절",
    "Let's say we buy #AVAX LONG at 27, TP 29, SL 26 — the reward is twice the risk",
    "For instance: #AVAX LONG entry 27, target 29, stop 26",
    "Imagine: #AVAX LONG 27, TP 29, SL 26. How much do you risk?",
    "Homework: work out the risk for #AVAX LONG 27 TP 29 SL 26",
    "What if: #AVAX LONG 27 TP 29 SL 26 ? React 👍 or 👎",
    "Test post, please ignore — #AVAX LONG 27 TP 29 SL 26",
    "على سبيل المثال: #AVAX شراء 27 هدف 29 وقف 26",
    "مثلا: #AVAX لانگ ورود 27 تارگت 29 استاپ 26",
    "जैसे: #AVAX लॉन्ग 27 टारगेट 29 SL 26",
    "Voorbeeld: #AVAX LONG instap 27 TP 29 SL 26",
    "Misal: #AVAX LONG entry 27 TP 29 SL 26",
    "Vd: #AVAX LONG vào 27 TP 29 SL 26",
    "ตัวอย่างเช่น #AVAX LONG เข้า 27 TP 29 SL 26",
    "📚 Урок 2: как устроен сигнал\n#AVAX LONG\nВход 27\nЦель 29\nСтоп 26",
])
def test_an_example_outside_the_old_words_is_not_a_signal(text):
    assert _read(text) == ("not_a_signal", None, False)


# --- someone else's trade, or the writer's own from before ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "My coach just went #LINK LONG at 14, SL 13.4, TP 15.2 🔥",
    "A member of our group posted: #LINK LONG 14, SL 13.4, TP 15.2 — opinions?",
    "@somewhale on X: #LINK LONG 14, SL 13.4, TP 15.2",
    "Копирую сделку трейдера из лидерборда: #LINK LONG 14, SL 13.4, TP 15.2",
    "Un trader de Bybit acaba de abrir #LINK SHORT 14, TP 13.4, SL 14.5",
    "有个大佬刚开了 #LINK 空单 14 止盈 13.4 止损 14.5",
    "Một trader vừa mở #LINK SHORT 14, TP 13.4, SL 14.5",
    "Вчера открыл #LINK SHORT по 14, тейк 13.4, стоп 14.5 — пока держу",
    "Yesterday I opened #LINK SHORT at 14, TP 13.4, SL 14.5, still in it",
    "Ayer abrí #LINK SHORT en 14, TP 13.4, SL 14.5, sigo en la operación",
    "这不是信号，只是我自己的单：#LINK 多 14 止损 13.4 止盈 15.2",
])
def test_someone_elses_or_an_old_own_trade_is_not_a_signal(text):
    assert _read(text) == ("not_a_signal", None, False)


# --- a past call recapped with all targets hit -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vor zwei Wochen: #INJ LONG Einstieg 20, Ziel 23, SL 19 — alle Ziele erreicht",
    "上周这个单：#INJ 做多 入场 20 目标 23 止损 19 —— 全部达成 ✅",
    "Sygnał sprzed tygodnia: #INJ LONG wejście 20 TP 23 SL 19 — wszystkie cele ✅",
    "Il y a deux semaines : #INJ LONG entrée 20, objectif 23, SL 19 — tous les objectifs atteints",
    "Tuần trước: #INJ LONG vào 20, mục tiêu 23, SL 19 — hết TP ✅",
    "Minggu lalu: #INJ LONG entry 20 TP 23 SL 19 — semua target kena ✅",
])
def test_a_past_call_with_all_targets_hit_is_not_a_signal(text):
    assert _read(text)[0] == "not_a_signal"


# --- guards: a fresh card under a recap, a record, or a move the channel follows -------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("Last week's ETH call hit every target +60% 🚀\nNew one:\n#OP/USDT LONG\nEntry 2.10\nTP 2.25 / 2.40\nSL 2.00",
     "OP/USDT"),
    ("Yesterday's #SOL hit all targets ✅\n\n🔥 NEW SIGNAL 🔥\n#OP LONG\nEntry 2.10\nTP 2.25 / 2.40\nSL 2.00", "OP/USDT"),
    ("Вчерашний #SOL отработал все цели ✅\n\nНовый сигнал:\n#OP LONG\nВход 2.10\nЦели 2.25 / 2.40\nСтоп 2.00", "OP/USDT"),
    ("Well done all who took yesterday's #SOL 🎉 all targets done!\n\nNext one 👇\n#OP LONG\nEntry 2.10\nTP 2.25\nSL 2.00",
     "OP/USDT"),
    ("Past performance: 88% winrate 📊\n\n#OP LONG\nEntry 2.10\nTP 2.25 / 2.40\nSL 2.00", "OP/USDT"),
    ("🐋 A whale just opened a big long on OP. We follow:\n#OP LONG\nEntry 2.10\nTP 2.25 / 2.40\nSL 2.00", "OP/USDT"),
    ("Кит открыл лонг — заходим за ним\n#OP LONG\nВход 2.10\nЦели 2.25 / 2.40\nСтоп 2.00", "OP/USDT"),
    ("I just opened this myself, join me:\n#OP SHORT\nEntry 2.10\nTP 2.00\nSL 2.18", "OP/USDT"),
    ("Admin just opened #OP SHORT 2.10, TP 2.00, SL 2.18 — copy now", "OP/USDT"),
    ("Dünkü sinyallerin hepsi TP oldu ✅ Şimdi yeni:\n#OP LONG\nGiriş 2.10\nHedef 2.25 / 2.40\nStop 2.00", "OP/USDT"),
])
def test_a_fresh_card_under_a_recap_or_a_followed_move_stays_open(text, symbol):
    assert _read(text) == ("open", symbol, True)


@pytest.mark.parametrize("text", [
    "Past results: #OP LONG entry 2.10, TP 2.25, SL 2.00 — all targets hit ✅",
    "Not a signal — just my own entry: #OP long 2.10 SL 2.00 TP 2.25",
    "🐳 A whale just opened a 20x OP long at 2.10, liq 1.90",
])
def test_a_recap_record_or_another_traders_move_alone_stays_not_a_signal(text):
    assert _read(text)[0] == "not_a_signal"
