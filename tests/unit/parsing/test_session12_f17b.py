"""Session 12, fixer f17b (review 17: A2, B2, B5, B6): a past call shown again or someone else's trade is no fresh call;
the writer's own close, said to leave the channel's call running, closes nothing; a recap headed as one closes nothing;
a negated or long-past stop move to breakeven moves no stop. Look-alikes in my own wording, with guards that keep
genuine calls, closes and stop moves read as before."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _read(text: str) -> tuple:
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    return d["kind"], d["symbol"], parsed.tradable, parsed.update_action and parsed.update_action.value


# --- A2: a past call shown again, or someone else's trade, is no call ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Anyone remember that one? 🤣\n#XRP LONG 0.50\nTP 0.60\nSL 0.45",
    "Remember this one? 🤔\n#ADA LONG\nEntry 0.45\nTP 0.50 / 0.55\nSL 0.42",
    "That was our call two weeks ago 👇\n#ADA LONG 0.45\nTP 0.50\nSL 0.42",
    "VIP call we shared 5 days ago:\n#INJ SHORT 24\nTP 22\nSL 25",
    "Free call from the premium group last week (already in profit):\n#DOT LONG\nEntry 6.1\nTP 6.6\nSL 5.8",
    "Past results 👇 #ATOM LONG entry 8 tp 9 sl 7.6",
    "A rival group called #XRP short 0.60 tp 0.55 sl 0.63 lol",
    "Friends of mine went long #APT at 9.2, TP 10, SL 8.8 — thoughts?",
    "A subscriber posted his entry: short SOL 150, tp 140, sl 155. Good luck to him!",
    "Mi amigo abrió long en #ADA 0.45, TP 0.50, SL 0.42",
    "Arkadaşım #ADA long açtı 0.45 TP 0.50 SL 0.42",
    "Моя знакомая открыла шорт по #SOL 150, тейк 140, стоп 155",
    "我朋友做多 #ADA 0.45 目标 0.50 止损 0.42",
    "Сигнал прошлой недели:\n#ADA LONG\nВход 0.45\nТейк 0.50\nСтоп 0.42",
    "Geçen haftanın sinyali:\n#ADA LONG\nGiriş 0.45\nTP 0.50\nSL 0.42",
    "Señal del mes pasado 👇\n#DOT LONG\nEntrada 6.1\nObjetivo 6.6\nSL 5.8",
    "上个月的信号：\n#ETH 做空\n入场 3600\n目标 3400\n止损 3700",
    "¿Recuerdan este trade? 😅\n#DOT LONG\nEntrada 6.1\nTP 6.6\nSL 5.8",
    "Lembram dessa operação? 👀\n#DOT LONG\nEntrada 6.1\nAlvo 6.6\nSL 5.8",
    "Помните эту сделку?\n#DOT LONG\nВход 6.1\nТейк 6.6\nСтоп 5.8",
    "Hatırlayan var mı? 😄\n#DOT LONG\nGiriş 6.1\nTP 6.6\nSL 5.8",
    "还记得那单吗？\n#DOT 做多\n入场 6.1\n目标 6.6\n止损 5.8",
])
def test_a_past_or_someone_elses_call_is_no_call(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#ADA LONG (our signal)\nEntry 0.45\nTP 0.50 / 0.55\nSL 0.42",
    "Remember our rules: risk 1% per trade\n#ADA LONG\nEntry 0.45\nTP 0.50\nSL 0.42",
    "#ADA LONG\nEntry 0.45\nTP 0.50 / 0.55\nSL 0.42\nPast performance is no guarantee of future results",
    "Past performance is not indicative of future results\n#ADA LONG 0.45\nTP 0.50\nSL 0.42",
    "New signal for our friends in VIP 🚀\n#ADA LONG\nEntry 0.45\nTP 0.50\nSL 0.42",
    "Помните этот уровень? Сегодня снова в лонг\n#ADA LONG\nВход 0.45\nТейк 0.50\nСтоп 0.42",
])
def test_a_fresh_call_stays_a_call(text):
    kind, symbol, tradable, _ = _read(text)
    assert (kind, symbol, tradable) == ("open", "ADA/USDT", True)


# --- B2: the writer's own close, the channel's call going on, closes nothing --------------------------------------

@pytest.mark.parametrize("text", [
    "Personally I'm out of #AVAX, you may keep it",
    "I personally sold my #LINK, hold if you like",
    "Closing my own personal #ETH here, the signal stays active for you",
    "Exited my #ADA short; the channel's call is still on",
    "The admin closed #DOT for himself, decide for yourselves",
    "Я лично закрыл #ETH, сигнал канала в силе",
    "Yo personalmente cerré #ADA, la señal del canal sigue activa",
    "Şahsen #AVAX kapattım, kanal sinyali hala geçerli",
    "Some of you put the stop at entry on #AVAX and got stopped out, careful",
])
def test_the_writers_own_close_closes_nothing(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text, kind", [
    ("We closed #AVAX ✅", "close"),
    ("I closed my #AVAX long here ✅", "close"),
    ("Closed 50% #AVAX, the trade is still active", "update"),
    ("#AVAX TP1 hit ✅ signal still active", "update"),
])
def test_a_channel_close_or_progress_stays(text, kind):
    assert _read(text)[:2] == (kind, "AVAX/USDT")


# --- B5: a recap headed as one closes nothing ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Weekly recap ✨\n#XRP closed in profit",
    "Summary of the week\n#ADA closed at entry",
    "Günlük sonuçlar: #AVAX kârla kapandı +15%",
    "This week's results: #DOT closed ✅",
])
def test_a_recap_closes_nothing(text):
    assert _read(text)[0] == "not_a_signal"


# --- B6: a negated or long-past stop move moves no stop -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Don't put your #AVAX stop at entry yet, let it breathe",
    "Do not move the ADA stop to breakeven please",
    "Не переносите стоп в безубыток по #ADA",
    "Стоп в безубыток по #ADA пока не двигаем",
    "#AVAX stopu girişe taşımıyoruz",
    "#AVAX stopu girişe çekmeyelim",
    "No muevan todavía el stop de #ADA a la entrada",
    "#ADA 别将止损移到开仓价",
    "Stop für #ADA bitte nicht auf Einstand setzen",
    "The last time we put the stop at entry on #DOT it still reached TP2",
    "В прошлый раз мы перенесли стоп в безубыток по #DOT и выбило",
])
def test_a_negated_or_past_breakeven_move_moves_nothing(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text, symbol", [
    ("Move SL to breakeven on #ADA", "ADA/USDT"),
    ("Don't forget to move SL to breakeven on #ADA", "ADA/USDT"),
    ("Стоп в безубыток по #ADA переносим", "ADA/USDT"),
    ("#AVAX stopu girişe çekiyoruz", "AVAX/USDT"),
    ("#ADA 止损移到开仓价", "ADA/USDT"),
    ("Stop für #ADA jetzt auf Einstand setzen", "ADA/USDT"),
])
def test_a_breakeven_move_stays(text, symbol):
    assert _read(text) == ("update", symbol, False, "move_sl_breakeven")
