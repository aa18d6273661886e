"""Session 16 (fixer "opens"): families from the blind batches w1-w4 — questions over levels, hindsight, conditional
plans under an update heading, direction-only calls whose levels come later, spot words, from…to ranges, a coin after a
heading and a dash, space thousands with a decimal comma. Look-alikes in my own wording, never a corpus row."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


def _kind(text: str) -> str:
    return parse_message(text).kind.value


# --- a question whose sentence holds a level (a decimal comma too) never trades ----------------------------------

@pytest.mark.parametrize("text", [
    "¿Alguien se metería en corto en #AVAX a 24,80? Pondría stop en 25,40 y TP en 23,90. ¿Opiniones?",
    "Alguém entraria short em #AVAX a 24,80? Pensei em stop 25,40 e TP 23,90",
    "Würde jemand #AVAX bei 24,80 shorten? Stop 25,40, TP 23,90",
    "Ada yang mau short #AVAX di 24,80? SL 25,40, TP 23,90",
    "Qualcuno entrerebbe short su #AVAX a 24,80? Stop 25,40, TP 23,90",
])
def test_a_question_over_a_comma_decimal_level_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


@pytest.mark.parametrize("text", [
    "#AVAX SHORT\nEntry 24,80\nTP 23,90\nSL 25,40\nAre you in? 🚀",
    "#AVAX SHORT\nEntry 24.80\nTP 23.90\nSL 25.40\nWho's in? 🔥",
    "#AVAX SHORT\nEntrada 24,80\nTP 23,90\nSL 25,40\n¿Listos? 🚀",
])
def test_a_live_call_ending_in_a_question_without_levels_still_trades(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "AVAX/USDT" and parsed.side.value == "short"
    assert parsed.entries == (D("24.80"),) and parsed.stop_loss == D("25.40") and parsed.tradable


# --- hindsight: what a buy would have made is no call --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kalau minggu lalu kamu beli $PEPE di 0,0000091, sekarang udah cuan 60% 🚀 Gabung VIP!",
    "If you had bought #INJ at 18.20 you would be up 35% today. Join VIP 👇",
    "If you bought #INJ yesterday at 18.20 you're up 35% now 🔥",
    "Si hubieras comprado #INJ a 18,20 hoy estarías +35%",
    "Se você tivesse comprado #INJ a 18,20 estaria com +35%",
    "Если бы вы купили #INJ по 18.20, сейчас были бы в +35%",
    "#INJ 18.20'den alsaydınız şimdi %35 kârdaydınız",
    "Nếu tuần trước bạn mua #INJ ở 18.20 thì giờ đã lãi 35%",
])
def test_hindsight_is_no_call(text):
    assert _kind(text) == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#INJ LONG\nEntry 18.20\nTP 19.5 / 20.8\nSL 17.4\nIf you bought at 18.20, move SL to entry after TP1",
    "#INJ LONG 18.20 TP 19.5 SL 17.4 — if you missed yesterday's 35% move, here is the next one",
])
def test_a_call_mentioning_a_buy_or_yesterday_stays_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "INJ/USDT" and parsed.entries == (D("18.20"),)


# --- a conditional plan under an update heading is no status -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "📊 تحديث\nإذا اخترق الإيثريوم مستوى 4000 سنفتح صفقة لونج بهدف 4200 ووقف عند 3900\nلا توجد صفقة حاليا",
    "📊 Update\nIf #ETH breaks 4000 and closes above, we will open a long, target 4200, stop 3900.\nNo trade yet.",
    "📊 Обновление\nЕсли #ETH пробьёт 4000, откроем лонг, цель 4200, стоп 3900.\nПока сделки нет.",
    "📊 Actualización\nSi #ETH rompe 4000 abriremos long, objetivo 4200, stop 3900.\nPor ahora no hay operación.",
    "📊 Güncelleme\n#ETH 4000'i kırarsa long açacağız, hedef 4200, stop 3900.\nŞimdilik işlem yok.",
])
def test_a_conditional_plan_under_an_update_heading_is_no_status(text):
    assert _kind(text) == "not_a_signal"


def test_an_update_with_a_real_action_stays_an_update():
    parsed = parse_message("Update #ETH long: TP1 hit ✅ if it breaks 4000 we will add")
    assert parsed.kind.value == "update" and parsed.update_action.value == "tp_hit"


# --- direction only, levels promised later: a held open ------------------------------------------------------------

@pytest.mark.parametrize(("text", "symbol", "side"), [
    ("#OP SHORT\nEntry, TP and SL will be shared shortly", "OP/USDT", "short"),
    ("SHORT #OP — niveles de entrada, objetivos y stop en 3 minutos", "OP/USDT", "short"),
    ("#OP ЛОНГ\nВход, цели и стоп через 5 минут", "OP/USDT", "long"),
    ("⚡ SHORT #OP ⚡\nEntry, TP & SL menyusul sebentar lagi. Stay tuned guys!", "OP/USDT", "short"),
    ("#OP LONG 🚀\nFull details in 5 min — get your margin ready", "OP/USDT", "long"),
    ("🤖 Bot: SHORT signal on #OP detected (15m). Levels will be posted when the setup confirms.", "OP/USDT", "short"),
    ("【速報】OP ロング準備中\nエントリー・利確・損切りは数分後に配信します。", "OP/USDT", "long"),
    ("⚠️ ATENÇÃO: LONG em #OP saindo do forno!\nNíveis de entrada, alvos e stop em 5 minutos aqui no canal.", "OP/USDT", "long"),
])
def test_direction_only_with_levels_promised_later_is_a_held_open(text, symbol, side):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == side
    assert parsed.entries == () and not parsed.tradable


@pytest.mark.parametrize("text", [
    "Levels will be posted soon. Market looks weak.",
    "ATENÇÃO: #OP em queda forte, cuidado",
])
def test_a_promise_without_a_call_is_nothing(text):
    assert _kind(text) == "not_a_signal"


# --- spot words; a disclaimer's "future results" is no futures market ----------------------------------------------

@pytest.mark.parametrize("text", [
    "#ATOM/USDT স্পট বাই\nএন্ট্রি: 4.10\nটার্গেট: 4.40 / 4.70\nস্টপ লস: 3.90",
    "#ATOM/USDT (spot)\nBuy: 4.10\nTP 4.40 / 4.70\nSL 3.90\nPast performance does not guarantee future results.",
])
def test_spot_is_read(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.market.value == "spot" and parsed.leverage is None


def test_futures_still_read_beside_a_disclaimer():
    parsed = parse_message("#ATOM LONG futures 10x\nEntry 4.10\nTP 4.40\nSL 3.90\nPast performance does not guarantee "
                           "future results.")
    assert parsed.market.value == "futures"


# --- from … to in Urdu, Hindi, Bengali is a range ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#ATOM LONG\nانٹری: 4.10 سے 4.25 تک\nٹارگٹ: 4.50\nسٹاپ لاس: 3.90",
    "#ATOM लॉन्ग\nएंट्री: 4.10 से 4.25 तक\nटारगेट: 4.50\nस्टॉप लॉस: 3.90",
    "#ATOM LONG\nএন্ট্রি: 4.10 থেকে 4.25\nটার্গেট: 4.50\nস্টপ লস: 3.90",
])
def test_from_to_entries_are_a_range(text):
    parsed = parse_message(text)
    assert parsed.entries == (D("4.10"), D("4.25")) and parsed.entry_type.value == "range"


# --- a coin after a heading and a dash -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "symbol"), [
    ("NOVO SINAL - ETH\nCOMPRA\nEntrada: 3400 - 3420\nAlvos: 3500 / 3600\nStop: 3300", "ETH/USDT"),
    ("🇪🇸 NUEVA SEÑAL – BTC\nDirección: LARGO\nEntrada: 96000 - 96400\nObjetivos: 97500\nStop: 95000", "BTC/USDT"),
])
def test_a_coin_after_a_heading_and_a_dash(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and not parsed.tradable


def test_a_real_pair_with_a_dash_stays_a_pair():
    parsed = parse_message("SOL - USDT LONG\nEntry 150\nTP 160\nSL 145")
    assert parsed.symbol == "SOL/USDT"


# --- space thousands with a decimal comma --------------------------------------------------------------------------

def test_space_thousands_with_a_decimal_comma():
    parsed = parse_message("#ETH SHORT\nEntrée : 3 420,5 – 3 440\nTP : 3 350 / 3 280\nSL : 3 480")
    assert parsed.entries == (D("3420.5"), D("3440")) and parsed.targets == (D("3350"), D("3280"))
    assert parsed.stop_loss == D("3480")


def test_three_spaced_targets_stay_three():
    parsed = parse_message("#ETC LONG\nEntry 575\nTP 585 600 615\nSL 560")
    assert parsed.targets == (D("585"), D("600"), D("615"))
