"""Session 22, close49: closing and trade-management wording (blind_z49).

Rules, each with its traps:
- a close heading the post names one coin; a second coin read first for its side word, but standing only in a clause
  that waits for a condition ("if it loses …, I'll close it too") or goes on ("stays open"), is not the coin closed —
  and the side word is that other coin's; a close of both coins now is a recap, not this;
- a liquidation that befell a stranger ("someone on an exchange got liquidated on a huge long", "alguien fue liquidado",
  "有人爆仓了") closes nothing of ours; the channel's own coin said liquidated still closes;
- the unfilled orders said so after their noun ("on annule les ordres non exécutés", "cancel the orders not yet
  filled", "cancelamos as ordens não executadas", de "die nicht ausgeführten Orders stornieren", zh "取消未成交的挂单"
  with no space after the verb) are the unfilled rungs: the cancel is an entry cancel (an update), the filled part runs
  on; the "not" there names the rungs, no denial of the cancel — a cancel itself negated ("we did not cancel …") still
  cancels nothing;
- a mark between words ("STOP this one ❌ close at market") starts a clause of its own at the close verb after it — not
  after a negation or a "to" ("don't ❌ close at market");
- "stop goes up to TP1", "SL comes up to entry" move the stop (onto the target or the entry); "price goes up to the
  stop" moves nothing;
- a reply that says only "closed ✅" (or "Cerrado ✅", "Закрыто ✅") closes the replied-to trade; "Gap / closed ✅" and
  "Market closed ✅" close nothing;
- a no-coin reply saying the stop hit in vi/id/tr ("SL dính rồi", "SL kena", "stop patladı") is a stop-out;
- every trade of one side closed, the other kept ("Closing all longs here, shorts remain", ru "закрываем все шорты,
  лонги остаются", es, tr, ar "أغلقنا جميع صفقات الشورت … صفقات اللونغ مستمرة") is a close of that side;
- a partial close left to the reader in its own sentence ("… is up to you", "those who want can also take 30% off") is
  no order — what else the post orders stands; the channel's own partial ("we're taking 30% off, you can do the same if
  you like") is one;
- id "amankan 40%" (secure a share) is a partial close, "SL geser ke entry" the stop to entry; ar "تم تفعيل أمر الدخول
  الثاني" (the second entry order activated) a fill;
- beside a close heading the post, the coin of the next call ("ETH long next") is no coin closed.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a close beside a second coin's conditional close ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Closed #ADA ✅ +9% here.\nIf BTC drops under 90k I'll close the BTC long as well — for now it runs.",
    "Closed #ADA ✅ +9%. BTC long stays open.",
    "Closed #ADA with profit ✅\nIf LINK loses 12 I'll close the LINK short too.",
])
def test_the_coin_closed_now_is_the_close_not_the_conditional_one(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "ADA/USDT", None)


@pytest.mark.parametrize("text", [
    "Closed #ADA ✅ +9%, #BTC closed too",
])
def test_two_coins_closed_now_stay_a_recap(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_one_coin_closed_alone_keeps_its_side():
    parsed = parse_message("Closed #ADA long ✅ +9%")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "ADA/USDT", Side.LONG)


# --- a stranger's liquidation ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "haha somebody on binance just got liquidated on a 25M BTC short. all good here, nothing to do",
    "some poor soul got liquidated on a #DOGE long at the wick, we're fine",
    "alguien fue liquidado en un long de #BTC esta mañana, nosotros tranquilos",
    "кого-то ликвидировали на шорте #BTC, у нас всё по плану",
    "有人爆仓了 #BTC 空单，我们没事",
    "ada yang terlikuidasi di long #BTC barusan, kita aman",
])
def test_a_strangers_liquidation_closes_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#DOGE liquidated 💀",
])
def test_our_coin_liquidated_still_closes(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "DOGE/USDT")


# --- the unfilled orders named after their noun ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#LINK : on annule les ordres non remplis à 13.10 et 12.80, on garde l'entrée 1. SL inchangé.",
    "#LINK: cancel the orders not yet filled at 13.10 and 12.80, we keep entry 1",
    "#LINK: cancel the limit orders that didn't fill, entry 1 runs",
    "#LINK: cancelamos as ordens não preenchidas em 13,10 e 12,80, seguimos com a entrada 1",
    "#LINK: cancelamos las órdenes no ejecutadas, seguimos con la primera entrada",
    "#LINK: annulliamo gli ordini non eseguiti, resta l'ingresso 1",
    "#LINK: die nicht ausgeführten Orders stornieren",
    "#LINK: gerçekleşmeyen emirleri iptal ediyoruz",
    "#LINK: batalkan order yang belum terisi, entry 1 tetap jalan",
    "#LINK 取消未成交的挂单，第一笔继续持有",
    "#LINK 取消剩余挂单",
])
def test_the_orders_said_unfilled_are_an_entry_cancel(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "LINK/USDT", UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "#LINK: we did not cancel the orders not yet filled",
    "#LINK: não cancelamos as ordens não executadas",
])
def test_a_negated_cancel_of_the_unfilled_orders_cancels_nothing(text):
    assert parse_message(text).update_action != UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#LINK : on annule le trade, on sort maintenant",
    "#LINK: cancel the orders, the call is off",
    "#LINK orders not filled, signal cancelled ❌",
    "#LINK les ordres non exécutés sont annulés, le signal est annulé",
])
def test_a_cancel_of_the_whole_call_stays_a_close(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- a mark between words starts a clause ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "↩️ Reply to: #APT/USDT LONG 8.10\n\nKILL this one ❌ close at market, no momentum",
    "#APT stop this one 🛑 close at market",
])
def test_a_close_after_a_mark_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#APT don't ❌ close at market, be patient",
    "#APT never ❌ close at market in panic",
    "#APT no need to ❌ close at market",
])
def test_a_negated_close_after_a_mark_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- the stop goes up to a level -----------------------------------------------------------------------------------------


def test_the_stop_goes_up_to_a_target():
    parsed = parse_message("FTM: stop goes up to TP2 (0.94) now, the runner is safe")
    assert (parsed.kind, parsed.symbol, parsed.update_action, parsed.stop_at_target) \
        == (MessageKind.UPDATE, "FTM/USDT", UpdateAction.NEW_STOP, 2)


@pytest.mark.parametrize("text", ["#FTM price goes up to the stop", "#FTM stop goes up to be hunted"])
def test_the_price_going_to_the_stop_moves_nothing(text):
    assert parse_message(text).update_action not in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN)


# --- a reply that says only "closed" -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["↩️ Reply to message\n\nclosed ✅", "Cerrado ✅", "Закрыто ✅", "closed"])
def test_a_reply_saying_only_closed_closes(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None)


@pytest.mark.parametrize("text", ["Gap\nclosed ✅", "Market closed ✅"])
def test_closed_continuing_another_word_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", ["↩️ Trả lời tin nhắn\n\nSL dính rồi 😢", "SL kena", "stop patladı"])
def test_a_stop_hit_reply_in_other_languages_is_a_stop_out(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (MessageKind.CLOSE, UpdateAction.SL_HIT)


# --- one side closed, the other kept -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    ("Closing all longs here 🔻 shorts remain", Side.LONG),
    ("We closed all short trades, longs stay", Side.SHORT),
    ("Закрываем все лонги, шорты остаются", Side.LONG),
    ("Cerramos todos los longs, los shorts siguen", Side.LONG),
    ("أغلقنا جميع صفقات اللونغ الآن، صفقات الشورت مستمرة", Side.LONG),
])
def test_one_side_closed_beside_the_other_kept(text, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, None, side)


def test_every_trade_but_one_side_stays_for_an_operator():
    assert parse_message("Close everything except the longs").kind == MessageKind.NOT_A_SIGNAL


# --- a partial close left to the reader ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Taking partial profits on #LINK is up to you",
    "#LINK: partial close is optional, your call",
])
def test_a_partial_left_to_the_reader_is_no_order(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE and parsed.update_action is None and not parsed.also_actions


def test_the_stop_move_beside_an_optional_partial_stands():
    parsed = parse_message("#LINK: move SL to entry. Those who want can also take 25% off")
    assert (parsed.update_action, parsed.also_actions) == (UpdateAction.MOVE_SL_BREAKEVEN, ())


@pytest.mark.parametrize("text", [
    "#INJ — we're taking 25% off here at 24.10 ✂️ you can do the same if you like",
    "#INJ TP1 ✅ closing 50% now. Rest runs, SL to entry",
])
def test_the_channels_own_partial_is_an_order(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "INJ/USDT", UpdateAction.PARTIAL_CLOSE)


# --- Indonesian and Arabic management words ------------------------------------------------------------------------------


def test_id_secure_a_share_is_a_partial_close():
    parsed = parse_message("#TIA amankan 25% dulu, sisanya jalan")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


def test_id_stop_shifted_to_entry_is_breakeven():
    parsed = parse_message("#TIA TP1 kena ✅ SL geser ke entry")
    assert UpdateAction.MOVE_SL_BREAKEVEN in (parsed.update_action, *parsed.also_actions)


def test_ar_second_entry_order_activated_is_a_fill():
    parsed = parse_message("#AVAX تم تفعيل أمر الدخول الثاني ✅")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "AVAX/USDT", UpdateAction.ENTRY_FILLED)


# --- the next call's coin beside a close ---------------------------------------------------------------------------------


def test_the_next_calls_coin_is_not_closed():
    parsed = parse_message("Closed #ADA ✅ +9%. BTC long next.")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "ADA/USDT", None)
