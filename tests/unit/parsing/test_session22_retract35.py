"""Session 22, retract35: a close or a change the post itself does not order now (review 35, families E, F and H).

Rules, each with its traps:
- taken back after it is said — "ignore this", "jk", "just kidding", "(joke)", "not really", "actually don't", "mistake,
  ignore", "wrong channel", and the same in es/pt/de/fr/it/ru/tr/id/vi/zh — is no signal; the marker ends its clause
  ("ignore the noise, close …", "not really bullish anymore", "this market is a joke" keep their close); an order after the
  taking back is read ("… no wait, close #BTC" closes BTC; "sell now, no wait 🚨" is "do not wait" and still closes);
- a heading that disowns what follows ("Disregard: …", "Ignore: …", "Delete: …") is no signal;
- a poll's options are no order; its result is ("Poll result: … we close #BTC now");
- an order weighed and refused at the end of its clause ("…, we won't", "No lo haremos", "Не будем") is no signal — not
  "we won't wait for TP2";
- the coin corrected within the post ("sorry, I meant #SOL", "typo, should be #SUI", "ошибка — #BTC", "quise decir",
  "ich meinte", "je voulais dire", "demek istedim") is the coin closed, never the first one;
- "close the long (not the short)": the side closed is the one named before the other is set apart;
- a habit or a rule of the trade ("… is a good habit", "on every trade", "es un buen hábito", "хорошая привычка") is no
  order — a move ordered now beside a remark still moves ("SL to entry as always");
- someone else's close ("a member", "one of our subscribers", "mi amigo", "mein Bruder", "мой друг", "arkadaşım") is no
  signal; what the channel says beside it is read on its own ("TP1 hit ✅ …, a member closed early" is the target hit);
- a close or a stop move told of a time long past — yesterday, last week, last month, in many languages ("вчера", "ontem",
  "gestern", "dün", "hier on a …", "ayer", "ieri", "wczoraj", "kemarin", "hôm qua", "昨天") — is a recap, no signal. The
  corpora label a bare "closed X yesterday" nowhere; their recaps of a week or a month past ("Kèo tuần trước … Đã chốt
  toàn bộ", "banked 50% … last month", "Yesterday's closed trades") are no signal, so the money-safe reading is taken. Not
  the trade's age ("yesterday's #BTC long: close it now", "our short from yesterday: closed", "the orders we posted
  yesterday"), nor today ("this morning", "closed half yesterday, closing the rest now"), which still act;
- a target hit only supposed ("… if price hits TP1 before entry") reaches no target.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _read(text):
    parsed = parse_message(text)
    return parsed.kind, parsed.symbol


# --- taken back in the post -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Closing #AVAX here. edit: pls ignore this",
    "#OP close now haha jk 🤣",
    "Exit #ARB (nah, just joking)",
    "Close #NEAR — kidding, we hold 😎",
    "Close all positions and go fishing 🎣 (joke)",
    "#SUI: take 30% off. Actually, don't — hold everything.",
    "Move the #INJ stop to 21.4 (mistake, ignore)",
    "Close #APT now ❌ wrong channel, sorry",
    "Cerramos #AVAX ya. Es broma 😂",
    "Fechem #AVAX. Brincadeira 😂",
    "#AVAX schließen. Nur Spaß 😜",
    "Fermez #AVAX. Je rigole 😂",
    "Chiudete #AVAX. Stavo scherzando 😂",
    "Закрываем #AVAX. Шучу 😂",
    "#AVAX kapatıyoruz. Şaka 😂",
    "Tutup #AVAX sekarang. Bercanda 😂",
    "Đóng #AVAX. Đùa thôi 😂",
    "平仓 #AVAX。开玩笑的 😂",
])
def test_an_order_taken_back_in_the_post_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("Ignore the noise, close #AVAX now", "AVAX/USDT"),
    ("Close #AVAX, not really bullish anymore", "AVAX/USDT"),
    ("Close #AVAX. This market is a joke", "AVAX/USDT"),
    ("Ignore my last message. Close #AVAX now", "AVAX/USDT"),
    ("SELL #AVAX now now, abeg no wait 🚨", "AVAX/USDT"),
    ("Close #AVAX — wrong entry, we exit now", "AVAX/USDT"),
    ("Closed #AVAX ✅", "AVAX/USDT"),
    ("Close #AVAX, don't ignore this!", "AVAX/USDT"),
    ("Close #AVAX. Not kidding.", "AVAX/USDT"),
    ("No kidding, close #AVAX now", "AVAX/USDT"),
    ("Close #AVAX (joke of a market)", "AVAX/USDT"),
    ("Close #AVAX and forget it", "AVAX/USDT"),
])
def test_a_look_alike_of_a_taking_back_still_closes(text, coin):
    assert _read(text) == (MessageKind.CLOSE, coin)


@pytest.mark.parametrize("text, coin", [
    ("Close #OP — no wait, close #ARB. my bad", "ARB/USDT"),
    ("Move SL to entry on #ARB. Wait, no — close #ARB now", "ARB/USDT"),
])
def test_the_order_after_the_taking_back_is_read(text, coin):
    assert _read(text) == (MessageKind.CLOSE, coin)


def test_a_smaller_order_after_the_joke_is_read():
    parsed = parse_message("Close #ARB. Just kidding, close only half")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "ARB/USDT", UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text", [
    "Disregard: close #FIL",
    "Ignore: SL on #FIL to entry",
    "Delete: close #FIL (posted here by mistake)",
])
def test_a_heading_that_disowns_the_post_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- polls, refusals --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "A) Close #DOT\nB) Keep #DOT\nVote 👇",
    "📊 Poll: close #DOT here or hold?\n1️⃣ close\n2️⃣ hold",
    "Encuesta: ¿cerramos #DOT?\n1️⃣ sí\n2️⃣ no",
])
def test_a_polls_option_is_no_order(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_polls_result_is_an_order():
    assert _read("Poll result: most of you voted close, so we close #DOT now") == (MessageKind.CLOSE, "DOT/USDT")


@pytest.mark.parametrize("text", [
    "Averaging down on #LTC looks tempting, but we won't.",
    "Closing #LTC here? We won't.",
    "¿Añadimos a #LTC? No lo haremos",
    "Доливаться в #LTC? Не будем.",
])
def test_an_order_weighed_and_refused_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, kind", [
    ("Close #LTC now, we won't wait for TP2", MessageKind.CLOSE),
    ("#LTC: we won't wait for TP2, closing now", MessageKind.CLOSE),
    ("Move SL to entry on #LTC, we don't want to give it back", MessageKind.UPDATE),
])
def test_a_refusal_of_something_else_keeps_the_order(text, kind):
    assert _read(text) == (kind, "LTC/USDT")


# --- the coin corrected -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("Close ADA — oops, I meant XRP", "XRP/USDT"),
    ("Close #ADA (typo, should be #XRP)", "XRP/USDT"),
    ("Закрываем ADA. Ой, опечатка — XRP", "XRP/USDT"),
    ("Cerramos #ADA, perdón, quise decir #XRP", "XRP/USDT"),
    ("#ADA schließen — ich meinte #XRP", "XRP/USDT"),
    ("Fermez #ADA, je voulais dire #XRP", "XRP/USDT"),
    ("#ADA kapatın, demek istedim #XRP", "XRP/USDT"),
])
def test_the_corrected_coin_is_closed_never_the_first(text, coin):
    assert _read(text) == (MessageKind.CLOSE, coin)


@pytest.mark.parametrize("text, coin", [
    ("Close #ADA now, not #XRP", "ADA/USDT"),
    ("Close #ADA — should be fine to re-enter later", "ADA/USDT"),
    ("Close #ADA, I mean it", "ADA/USDT"),
])
def test_no_correction_keeps_the_coin(text, coin):
    assert _read(text) == (MessageKind.CLOSE, coin)


@pytest.mark.parametrize("text, side", [
    ("Close #ETC long (not the short)", Side.LONG),
    ("Close the #ETC short, not the long", Side.SHORT),
    ("Cerramos el long de #ETC, no el short", Side.LONG),
])
def test_the_side_closed_is_the_one_not_set_apart(text, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "ETC/USDT", side)


# --- habits, others, recaps -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Trailing the stop to entry after TP1 is a smart habit",
    "We put SL at breakeven on every trade once TP1 prints",
    "Mover el stop a entrada es un buen hábito",
    "Stop auf Einstieg ziehen ist eine gute Gewohnheit",
    "Переносить стоп в безубыток — хорошая привычка",
])
def test_a_habit_is_no_order(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "Move SL to entry on every trade now",
    "Move SL to entry on all trades",
])
def test_a_move_for_every_trade_ordered_now_still_moves(text):
    assert parse_message(text).update_action == UpdateAction.MOVE_SL_BREAKEVEN


def test_a_move_ordered_beside_a_remark_still_moves():
    parsed = parse_message("#UNI TP1 hit, SL to entry as always")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "UNI/USDT",
                                                                  UpdateAction.MOVE_SL_BREAKEVEN)


@pytest.mark.parametrize("text", [
    "One of our subscribers closed #UNI way too early 🙈",
    "Mi hermano cerró su #UNI ayer",
    "Un miembro cerró #UNI antes de tiempo",
    "Um membro fechou #UNI cedo",
    "Ein Mitglied hat #UNI geschlossen",
    "Мой друг закрыл #UNI",
    "Arkadaşım #UNI kapattı",
])
def test_someone_elses_close_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, kind", [
    ("Some of you asked: close #UNI now", MessageKind.CLOSE),
    ("Member update: close #UNI now", MessageKind.CLOSE),
])
def test_the_channels_own_order_beside_members_still_acts(text, kind):
    assert _read(text) == (kind, "UNI/USDT")


def test_the_channels_news_beside_a_members_close_is_read():
    parsed = parse_message("#UNI TP1 hit ✅ A member closed early, we hold")
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, "UNI/USDT")


@pytest.mark.parametrize("text", [
    "We closed #LINK yesterday, +35% 🎉",
    "Yesterday we exited #LINK in profit",
    "Took #LINK off last week at TP2",
    "Last month we trailed SL to entry on all our trades, it paid off",
    "Yesterday I moved the stop to entry on #LINK",
    "Вчера закрыли #LINK с прибылью 🎉",
    "Ontem fechamos #LINK no lucro 🎉",
    "Gestern haben wir #LINK mit Gewinn geschlossen",
    "Dün #LINK'i kârla kapattık 🎉",
    "Hier on a clôturé #LINK +25% 🎉",
    "Ayer cerramos #LINK con ganancia 🎉",
    "Chiudemmo #LINK ieri in profitto",
    "Wczoraj zamknęliśmy #LINK na plusie",
    "Kemarin kami tutup #LINK profit",
    "Hôm qua đã đóng #LINK lãi 🎉",
    "昨天 #LINK 已平仓 盈利 🎉",
])
def test_a_recap_of_a_time_long_past_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, kind", [
    ("Closed our #LINK long this morning at TP1, nothing left open", MessageKind.CLOSE),
    ("Closed half of #LINK yesterday, closing the rest now", MessageKind.UPDATE),
    ("Yesterday's #LINK long: close it now", MessageKind.CLOSE),
    ("Our #LINK short from yesterday: closed at 14.10 for +30%", MessageKind.CLOSE),
    ("Cancel the #LINK orders we posted yesterday, price ran away", MessageKind.CLOSE),
    ("Close #LINK now. Last week's call was great", MessageKind.CLOSE),
    ("Close #LINK, same as last week", MessageKind.CLOSE),
])
def test_the_trades_age_or_today_still_acts(text, kind):
    assert _read(text) == (kind, "LINK/USDT")


# --- a target hit only supposed ---------------------------------------------------------------------------------------


def test_a_target_hit_only_supposed_reaches_no_target():
    parsed = parse_message("Pull the #ATOM limit if price hits TP1 before it fills")
    assert parsed.update_action != UpdateAction.TP_HIT


def test_a_target_hit_said_is_a_target_hit():
    assert parse_message("#ATOM TP1 hit ✅").update_action == UpdateAction.TP_HIT
