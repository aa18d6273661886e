"""Session 11, status posts that made a wrong close or a wrong position change (reviews 12 K/L, 13 groups 5-13).

- "cut" with a share ("cut half", "cut size by 40%"), half sold or a share closed in more languages ("продаём половину",
  "%30 kapatın") and "Closed <share> #COIN" at the start of a post close a part of
  the position (update partial_close), not all of it;
- a stop move, partial close or add "on every trade except #X" is for an operator, never a change of X;
- closes, stop-outs and position changes that are negated ("hasn't hit SL", "no está cerrada", "未平仓", "Не докупаем"),
  regretted ("should have closed"), weighed ("worst case … hits SL", "думаю закрыть"), for later ("tomorrow", "稍后"),
  someone else's ("another channel closed …"), conditional in more languages ("Se #X perder …", "…たら"), polls without a
  question mark, or adds of something else ("to your watchlist") are no action now: not_a_signal;
- guards: the plain closes, stop-outs and changes beside them keep their reading.
"""

import pytest
from verzek.parsing import parse_message


def _read(text):
    parsed = parse_message(text)
    action = parsed.update_action.value if parsed.update_action else None
    return parsed.kind.value, parsed.symbol, action


@pytest.mark.parametrize("text", [
    "#AVAX cut half now",
    "#AVAX cutting 40% here",
    "#LINK cut the position in half ✅",
    "#LINK cut size by half",
    "#AVAX cut exposure by 30%",
    "#DOT cut a third of it",
    "#AVAX trim 25% here",
    "#LINK scale out 50%",
    "Closed half #AVAX at TP1",
    "Closed 40% of #LINK ✅",
    "Closed half of our #DOT",
    "Closed 30% #AVAX and moved SL to entry",
    "Hälfte von #LINK geschlossen",
    "Chiuso metà di #AVAX",
    "#DOTの半分を決済しました",
    "#AVAX закрили частину позиції",
    "#LINK продаём половину позиции",
    "#DOT vendimos la mitad",
    "#AVAX 卖出一半",
    "#LINK yarısını satıyoruz",
    "#DOT %30 kapatın",
    "#AVAX 40% schließen",
])
def test_a_share_cut_or_closed_is_a_partial_close(text):
    kind, _, action = _read(text)
    assert (kind, action) == ("update", "partial_close")


@pytest.mark.parametrize("text", [
    "Move stops to entry on every trade except #BNB",
    "SL to BE on all positions except #BNB",
    "Breakeven on everything but #BNB",
    "All trades SL → entry (not #BNB)",
    "Стоп в безубыток везде, кроме #BNB",
    "除了 #BNB 其他单子止损移到开仓价",
    "Take 30% on every open trade except #LTC",
    "Close half of all positions except #LTC",
    "Move SL to entry on all, leave #BNB as is",
    "Everything else SL to entry, #BNB untouched",
    "Add more to all positions except #LTC",
])
def test_a_change_of_every_trade_but_one_is_for_an_operator(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#AVAX hasn't hit the SL yet",
    "#AVAX hasn't been stopped out",
    "#LINK didn't get stopped",
    "#LINK wasn't stopped out today",
    "#DOT isn't closed",
    "We haven't closed #DOT yet",
    "#DOT position isn't closed",
    "#AVAX order not cancelled, still waiting",
    "#LINK no está cerrado",
    "#LINK não foi fechada",
    "#DOT wurde noch nicht geschlossen",
    "#DOT non è stato chiuso",
    "#AVAX 还没有平仓",
    "#AVAX 仍未平仓",
    "#LINK はまだ決済しません",
    "#LINK 決済しないでください",
    "Someone asked: close #DOT? Answer: hold",
    "Poll: Close #AVAX now\n👍 Yes\n👎 No",
    "Голосование: закрываем #LINK или держим",
    "投票：平仓 #DOT / 继续拿",
])
def test_a_negated_or_asked_close_is_no_close(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "Another group just closed #AVAX, we still hold",
    "Other channels stopped out on #LINK, our SL is deeper",
    "Some of you closed #DOT early, we are still in",
    "Many traders got stopped on #AVAX today, not us",
    "My friend closed #LINK at 20, I still hold",
    "Кто-то закрыл #DOT, мы держим",
    "有些人已经平仓 #AVAX，我们继续拿",
])
def test_someone_elses_close_is_no_close(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "We should have closed #AVAX at 40",
    "Should've closed #LINK last night",
    "Надо было закрыть #DOT на 9",
    "Думаю закрыть #AVAX",
    "Worst case #LINK hits SL, -2%",
    "In the worst case #DOT gets stopped, fine",
    "#AVAX might get stopped out today",
    "#LINK could hit SL soon",
    "#DOT hampir kena SL",
    "Se #AVAX perder 30 fechamos",
    "Caso #LINK perca 15, fechamos a posição",
    "#DOT が8を割ったら決済",
    "Au cas où #AVAX perd 30, on clôture",
    "Gdy #LINK spadnie pod 15, zamykamy",
    "#DOT order will be cancelled if not filled today",
    "#AVAX: cancel if not triggered within 6h",
])
def test_a_regretted_weighed_or_conditional_close_is_no_close(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize("text", [
    "Don't add more #AVAX here",
    "We won't add more #LINK for now",
    "Не докупаем #DOT",
    "#AVAX не усредняем",
    "No agregamos más a #LINK",
    "#DOT'ye ekleme yapmıyoruz",
    "Jangan tambah posisi #AVAX",
    "We are not moving the stop on #LINK",
    "No movemos el SL de #DOT",
    "Đừng dời SL #AVAX",
    "لا تحركوا الستوب في #DOT",
    "Some of you asked about taking half off #LINK — no, keep it",
    "#LINK 止损先不要移动",
    "#DOT we didn't take partials",
    "Don't close half of #AVAX, hold all",
    "We should have closed half of #LINK at TP1",
    "Should've moved SL to entry on #DOT",
    "#AVAX will close half tomorrow",
    "#LINK 明天平仓一半",
    "#DOT we plan to add more next week",
    "Maybe add more #AVAX later",
    "#LINK will move SL to entry soon",
    "#DOT SL to entry later today",
    "#AVAX 稍后止损移到成本价",
    "#LINK: безубыток пока не ставим",
    "#DOT в бу рано",
    "#AVAX 暂不保本",
    "Try our VIP risk-free for 3 days, #LINK inside",
    "No trade is risk-free, #DOT reminder",
    "Add more #AVAX to your watchlist",
    "Добавляем #LINK в вотчлист",
])
def test_a_negated_later_or_other_change_is_no_change(text):
    assert _read(text)[0] == "not_a_signal"


@pytest.mark.parametrize(("text", "expected"), [
    ("#AVAX cut", ("close", "AVAX/USDT", None)),
    ("Cut #LINK now", ("close", "LINK/USDT", None)),
    ("Closed #DOT ✅", ("close", "DOT/USDT", None)),
    ("#AVAX closed at TP2 +9%", ("close", "AVAX/USDT", None)),
    ("#LINK se cerró en entrada", ("close", "LINK/USDT", None)),
    ("Stop hit on #DOT ❌", ("close", "DOT/USDT", "sl_hit")),
    ("Don't wait, close #AVAX now", ("close", "AVAX/USDT", None)),
    ("All signals closed for today ✅ see you tomorrow", ("close", None, None)),
    ("Close everything except #LINK", ("not_a_signal", None, None)),
    ("Those who still hold #AVAX close now", ("close", "AVAX/USDT", None)),
    ("We closed #LINK too early", ("close", "LINK/USDT", None)),
    ("Закрыл #DOT не дожидаясь стопа", ("close", "DOT/USDT", None)),
    ("#DOT TP1 hit, move SL to entry", ("update", "DOT/USDT", "move_sl_breakeven")),
    ("Add more #AVAX here", ("update", "AVAX/USDT", "add_entry")),
    ("#LINK закрыли половину позиции", ("update", "LINK/USDT", "partial_close")),
    ("#DOT closed last 50% ✅", ("close", "DOT/USDT", None)),
])
def test_plain_statuses_keep_their_reading(text, expected):
    assert _read(text) == expected
