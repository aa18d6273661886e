"""Session 21, lang21: stop-outs, full closes, added rungs and market entries in many languages; info posts and plans.

- A stop said to sit at breakeven already ("the stop already sits at entry" in German "der Stop steht bereits auf
  Einstand", Russian "стоп уже в БУ", Spanish "el stop ya está en breakeven") is where it is, told to the readers —
  no order to move it: no stop-to-breakeven is read. A move told as done keeps its verb ("стоп уже перенесли в БУ") and
  a plain order ("Stop auf Einstand") still moves it; so does the German verb after the level ("… auf
  Einstand nachgezogen").
- A numbered entry rung said added in the languages that put the verb last (tr "ikinci giriş … eklendi", ru "второй
  вход … добавлен", de "zweiter Einstieg … hinzugefügt", fr/it/es "deuxième entrée / seconda entrata / segunda entrada
  … ajoutée / aggiunta / añadida") is an add to the running trade, never a fresh open; asked ("eklendi mi?") it is
  nothing. fa "پله دوم ورود رو … بذارید" (place the second entry rung at …) is the same add, ordered.
- A reply naming no coin that reports its trade stopped out in a language's own words ("выбило по стопу", "стоп
  сработал", "ausgestoppt") closes the replied-to trade, as "stopped out" does; a count of stop-outs in a tally ("9
  ausgestoppt") closes nothing.
- ar "ضربت الستوب" / "ضربنا الستوب" (it / we hit the stop) is a stop-out, as "ضرب الستوب" is.
- vi "Lệnh đã đóng hoàn toàn" (the order fully closed), "đóng toàn bộ" closes the trade; "đóng 50%" closes a part.
- tr "bir düzeltme gelebilir" (a pullback may come) is the market's correction, not a correction of a post: market talk
  with levels stays no signal.
- A plan that says no order is placed yet or to wait for the official signal (it "Per ora nessun ordine", "aspettate il
  segnale ufficiale", en "no orders for now", de "vorerst keine Order", es "por ahora ninguna orden", ru "пока ордера не
  ставим", tr "şimdilik emir yok") is no call.
- Market entries: tr "şu an" (right now) beside the entry's price is the market's price, as "now" is ("Piyasadan giriş
  (şu an 598,4)"); ru "Покупаю / Закупаемся / Продаю по текущей (~67 350$)" heading its line is the channel's entry at
  the market with its reference price.
- ru "Выставляем лимитку на покупку: 4,315", "Лимитка: 4,315" heading its line is the limit entry at that price.
- tr "bekliyoruz" / "bekledik" / "bekleme" (we wait / waited / waiting) are no "ekliyoruz" / "ekledik" / "ekleme" (we add):
  the add words are read as whole words only.
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
    "#SOL стоп уже в БУ перенесли",
    "#SOL Stop ist bereits auf Einstand nachgezogen",
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


# --- market talk and plans with no order --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Arkadaşlar ETH 3.400 direncini aşamadı. 3.250 desteğine kadar bir düzeltme gelebilir. Acele işlem açmayın 🙏",
    "SOL 150 üstünde tutunamadı, 138'e doğru düzeltme bekliyoruz. Sabırlı olun, işlem açmayın.",
])
def test_turkish_market_pullback_talk_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_a_turkish_correction_of_a_post_still_restates():
    parsed = parse_message("Düzeltme: #SOL giriş 142 değil 140")
    assert parsed.kind != MessageKind.OPEN


@pytest.mark.parametrize("text", [
    "Piano di domani: se BTC tiene i 64.000, cerchiamo un long su #AVAX in zona 31,20–31,80. Per ora nessun ordine.",
    "Idea per la settimana: long #AVAX 31,20–31,80 se il mercato regge, aspettate il segnale ufficiale.",
    "Plan for Monday: if BTC holds 64k we want a long on #AVAX around 31.20-31.80. No orders for now.",
    "Plan für morgen: #AVAX Long bei 31,20–31,80 wenn BTC hält. Vorerst keine Order, wartet auf das offizielle Signal.",
    "Plan para mañana: largo en #AVAX 31,20–31,80 si BTC aguanta. Por ahora ninguna orden.",
    "План на завтра: лонг #AVAX 31,20–31,80, если BTC удержит 64к. Пока ордера не ставим.",
    "Yarın için plan: #AVAX long 31,20–31,80, BTC 64k üstünde kalırsa. Şimdilik emir yok.",
])
def test_a_plan_with_no_order_placed_yet_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_a_full_card_is_still_a_call():
    parsed = parse_message("#AVAX LONG\nEntry 31.20 - 31.80\nTP 33 / 34.5\nSL 30.40")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable


# --- market and limit entries in their own words -------------------------------------------------------------------------


def test_turkish_now_beside_the_entry_price_is_a_market_entry():
    parsed = parse_message("#SOL LONG\nPiyasadan giriş (şu an 142,6)\nHedefler: 146 - 150\nStop: 138")
    assert parsed.entry_type == "market"
    assert [str(e) for e in parsed.entries] == ["142.6"]


def test_turkish_limit_entry_stays_a_limit():
    parsed = parse_message("#SOL LONG\nGiriş: 140,5\nHedefler: 146 - 150\nStop: 138")
    assert parsed.entry_type == "limit"


@pytest.mark.parametrize("line", [
    "Покупаю по текущей (~142,6$)",
    "Закупаемся по текущим ≈ 142,6",
    "Покупаем по рынку ~142,6",
])
def test_russian_own_buy_at_the_current_price_is_a_market_entry(line):
    parsed = parse_message(f"Открываю #SOL на споте 🟢\n{line}\nЦели: 146 / 150\nСтоп: 138")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entry_type == "market"
    assert [str(e) for e in parsed.entries] == ["142.6"]


@pytest.mark.parametrize("line", [
    "Выставляем лимитку на покупку: 140,5",
    "Лимитка: 140,5",
])
def test_russian_limit_order_line_is_the_limit_entry(line):
    parsed = parse_message(f"#SOL лонг 🟢\n{line}\nЦели: 146 / 150\nСтоп: 138\nПлечо x5")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entry_type == "limit"
    assert [str(e) for e in parsed.entries] == ["140.5"]


def test_russian_limit_order_pulled_is_no_entry():
    parsed = parse_message("#SOL снимаем лимитку 140,5, сделка отменена")
    assert parsed.kind != MessageKind.OPEN


@pytest.mark.parametrize("text", [
    "#SOL 138'e doğru geri çekilme bekliyoruz, sabırlı olun",
    "#SOL dün bütün gün bekledik, hâlâ aynı yerde",
    "#SOL bekleme modundayız, yeni işlem yok",
])
def test_turkish_waiting_is_no_add(text):
    assert parse_message(text).update_action != UpdateAction.ADD_ENTRY


@pytest.mark.parametrize("text", [
    "#SOL 138'den ekliyoruz",
    "#SOL 138'den ekledik ✅",
])
def test_turkish_add_words_still_add(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ADD_ENTRY
