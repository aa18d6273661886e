"""Session 21, lang21: stop-outs, full closes, added rungs and market entries in many languages; info posts and plans.

- A stop said to sit at breakeven already ("the stop already sits at entry" in German "der Stop steht bereits auf
  Einstand", Russian "стоп уже в БУ", Spanish "el stop ya está en breakeven") is where it is, told to the readers —
  no order to move it: no stop-to-breakeven is read. A move told as done keeps its verb ("стоп уже перенесли в БУ") and
  a plain order ("Stop auf Einstand") still moves it.
- A numbered entry rung said added in the languages that put the verb last (tr "ikinci giriş … eklendi", ru "второй
  вход … добавлен", de "zweiter Einstieg … hinzugefügt", fr/it/es "deuxième entrée / seconda entrata / segunda entrada
  … ajoutée / aggiunta / añadida") is an add to the running trade, never a fresh open; asked ("eklendi mi?") it is
  nothing. fa "پله دوم ورود رو … بذارید" (place the second entry rung at …) is the same add, ordered.
- A reply naming no coin that reports its trade stopped out in a language's own words ("выбило по стопу", "стоп
  сработал", "ausgestoppt") closes the replied-to trade, as "stopped out" does; a count of stop-outs in a tally ("9
  ausgestoppt") closes nothing.
- ar "ضربت الستوب" / "ضربنا الستوب" (it / we hit the stop) is a stop-out, as "ضرب الستوب" is.
- vi "Lệnh đã đóng hoàn toàn" (the order fully closed), "đóng toàn bộ" closes the trade; "đóng 50%" closes a part.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- a stop already at breakeven is a state, not a move ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Für alle, die neu sind: #SOL läuft noch, der Stop steht bereits auf Einstand.",
    "#SOL der Stop ist schon auf Einstand, nichts zu tun",
    "#SOL стоп уже в БУ, просто держим",
    "#SOL el stop ya está en breakeven, paciencia",
    "#SOL stop is already at breakeven, nothing to do",
])
def test_a_stop_already_at_breakeven_moves_nothing(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.kind != MessageKind.OPEN


@pytest.mark.parametrize("text", [
    "#SOL Stop auf Einstand",
    "#SOL стоп уже перенесли в БУ",
    "#SOL TP1 ✅ стоп в БУ",
    "#SOL jetzt Stop auf Einstand ziehen",
])
def test_a_stop_ordered_to_breakeven_still_moves(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN


# --- a numbered rung said added ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#SOL 2. giriş 140,5'ten eklendi. Stop aynı 136",
    "#SOL ikinci giriş 140,5 seviyesinden eklendi, stop 136",
    "#SOL второй вход по 140.5 добавлен, стоп 136",
    "#SOL zweiter Einstieg bei 140,5 hinzugefügt, Stop bleibt 136",
    "#SOL deuxième entrée ajoutée à 140,5, stop 136",
    "#SOL seconda entrata aggiunta a 140,5, stop 136",
    "#SOL segunda entrada añadida en 140,5, stop 136",
    "#SOL پله دوم ورود رو هم تو 140.5 بذارید، استاپ همون بمونه",
])
def test_a_numbered_rung_added_is_an_add_not_an_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ADD_ENTRY
    assert parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize("text", [
    "#SOL LONG ikinci giriş 140 eklendi mi? Stop 136",
    "#SOL پله دوم ورود رو تو 140 نذارید",
    "#SOL اگه قیمت برگشت پله دوم ورود رو تو 140 بذارید",
])
def test_a_rung_asked_about_refused_or_on_a_condition_adds_nothing(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.ADD_ENTRY
    assert not parsed.tradable


# --- stop-outs and full closes in a language's own words ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Увы, нас выбило по стопу ❌ -8%",
    "Стоп сработал ❌ идём дальше",
    "Leider ausgestoppt worden, -8%",
])
def test_a_reply_stopped_out_in_its_own_words_closes_the_replied_trade(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol is None
    assert parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("text", [
    "Итоги месяца: 52 сигнала, 41 в плюс, 11 выбило по стопу",
    "Monatsbilanz: 40 Signale, 31 im Plus, 9 ausgestoppt",
    "если выбьет по стопу, не переживайте",
    "не выбило по стопу, держим",
    "Кого выбило по стопу?",
])
def test_stop_outs_counted_feared_denied_or_asked_close_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "صفقة #LINK ضربت الستوب ❌ نعوضها في القادم إن شاء الله",
    "#LINK ضربنا الستوب، الصفقة مغلقة",
])
def test_arabic_stop_hit_with_its_verb_endings_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("text", [
    "#LINK ما ضربت الستوب، مستمرين",
    "لو ضربت الستوب #LINK نخرج",
])
def test_arabic_stop_not_hit_or_on_a_condition_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#LINK Lệnh đã đóng hoàn toàn ✅ lãi +30%",
    "Kèo #LINK chạm TP3, đóng toàn bộ vị thế 💰",
])
def test_vietnamese_full_close_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("text", [
    "#LINK chưa đóng hoàn toàn, còn giữ 50%",
    "#LINK nếu giá thủng 14 thì đóng hoàn toàn",
    "#LINK đóng 50% lệnh",
])
def test_vietnamese_close_denied_waiting_or_partial_is_no_full_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE
