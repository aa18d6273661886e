"""Session 23, recap23: closes and partial closes that are not the channel's order now, and one unfilled rung cancelled.

Since session 23 the executor sells the share a partial close names, so a partial close read from a recap sells a
follower's position. Rules, each with its traps:
- a partial close told of a time long past ("yesterday", "last week", "ayer", "ontem", "вчера", "dün", "gestern", …) is
  no signal — a share closed then is no share to sell now. A full close told late with no result still ends the trade
  (the session-22 rule), and a partial close of now beside the past one ("… closing another quarter now") stays one;
  with a partial close only a word of right now keeps the sentence, since "today" is told in the past as well ("y hoy
  el resto salió en breakeven");
- a heading of a time long past ending in a colon ("Last week in short:", "Вчера:", "Ayer:") makes the lines under it,
  up to a blank line, its recap; a line under it that says now is an order again;
- one later rung cancelled is read as that rung's cancel (an update), never the call's close, with the ordinal written
  in more ways: "a 2ª entrada", "la 3ª orden", "o 2º pedido", "il secondo ordine", "la seconda entrata", "la deuxième
  entrée", "третий лимитный ордер" (an adjective between); the whole order cancelled stays a close;
- a close or change in double quotes while the channel says beside it that its own trade runs on or that there is
  nothing to do ("a copy channel posted "close now!!" … our trade is still open", a fake DM's "close everything" … "our
  trade is still running") is someone else's words: no signal, unless the post orders a close of its own outside the
  quotes; a quote of the channel's own order with no such word is still read;
- a report heading of the evening or the day ("Nightly report", "EOD recap", "Evening summary", "Informe diario",
  "Relatório do dia", "Вечерний отчёт", "Отчёт за день", "Tagesbericht", "Rapport du soir") heads a recap, as "Daily
  report" does.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

PAST_PARTIALS = [
    "Yesterday we took half off #DOT at the first target, the rest is still running.",
    "Last week we closed 50% of #ATOM at TP1.",
    "Ontem fechamos metade de #SOL no primeiro alvo.",
    "Gestern haben wir die Hälfte von #LINK am TP1 geschlossen.",
    "Вчера закрыли половину по #XRP на первом тейке.",
    "Geçen hafta #AVAX'ta pozisyonun yarısını kapattık.",
    "Hace dos días cerramos la mitad de #ADA y hoy el resto se cerró en entrada.",
]


@pytest.mark.parametrize("text", PAST_PARTIALS)
def test_partial_close_told_of_the_past_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.update_action, parsed.reason)


PARTIALS_NOW = [
    "#DOT TP1 reached — take half off now and move the stop to entry.",
    "Закрываем половину по #XRP сейчас, стоп в безубыток.",
    "Yesterday TP1 missed by a hair; #ATOM close 50% now.",
]


@pytest.mark.parametrize("text", PARTIALS_NOW)
def test_partial_close_now_stays_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE, (
        parsed.kind, parsed.update_action, parsed.reason)


def test_full_close_reported_late_without_result_still_closes():
    parsed = parse_message("#WIF yesterday we sold all at 2.41")
    assert parsed.kind == MessageKind.CLOSE, (parsed.kind, parsed.reason)


PAST_HEADINGS = [
    "Yesterday, in brief:\n• DOT — half closed at 7.10, rest at 7.40 (+9%)\n• OP — stopped\n• ARB — running",
    "Вчера:\n— #SOL: закрыли 50% на TP1 (+6%)\n— #TON: стоп",
    "Ayer:\n- #LINK cerrado el 50% en TP1 (+7%)\n- #INJ sigue abierto",
]


@pytest.mark.parametrize("text", PAST_HEADINGS)
def test_heading_of_the_past_over_a_list_is_a_recap(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.update_action, parsed.reason)


RUNG_CANCELS = [
    ("Cancelem a 3ª entrada de DOT (5,10), não foi preenchida. A primeira continua aberta.", "DOT"),
    ("Cancelamos la 2ª orden de LINK (14,20), no se llenó. La posición sigue.", "LINK"),
    ("Отменяем вторую лимитную заявку по XRP (0,48) — не исполнилась. Позиция открыта.", "XRP"),
    ("Отменяем второй лимитный ордер по TON (5,20), позиция остаётся.", "TON"),
    ("Annulliamo il secondo ordine su ADA (0,41), la posizione resta aperta.", "ADA"),
    ("Annulez la deuxième entrée sur ATOM (7,80), pas remplie.", "ATOM"),
]


@pytest.mark.parametrize(("text", "coin"), RUNG_CANCELS)
def test_one_later_rung_cancelled_is_an_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.CANCEL_ENTRY, (
        parsed.kind, parsed.update_action, parsed.reason)
    assert parsed.symbol == f"{coin}/USDT"


WHOLE_CANCELS = [
    "Cancelem a entrada de AVAX, não foi preenchida. Sinal cancelado.",
    "Отменяем сделку по SOL, вход не сработал.",
]


@pytest.mark.parametrize("text", WHOLE_CANCELS)
def test_the_whole_order_cancelled_stays_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE, (parsed.kind, parsed.update_action, parsed.reason)


QUOTED_NOT_OURS = [
    'That copy-paste group again 🙄 "#OP LONG close now, all TPs done!!"\nOur OP trade is still open, nothing to do.',
    ('Scam alert: someone posing as our support sends "SL hit on #SEI, close everything".\nOur SEI position remains '
     'open with the same stop.'),
    'Nos llegan DMs falsos: "#DOT cerrar todo ya". Nuestra operación de DOT sigue abierta, nada que hacer.',
    'Фейковый админ пишет в личку: «закрывайте #TON». Наша сделка по TON всё ещё открыта.',
]


@pytest.mark.parametrize("text", QUOTED_NOT_OURS)
def test_quoted_close_of_others_while_ours_runs_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.update_action, parsed.reason)


QUOTED_OWN = [
    ('Members ask "when TP2?" — our SOL trade is still open. Move SL to entry on #SOL now.', UpdateAction.MOVE_SL_BREAKEVEN),
    ('#SOL TP1 hit ✅ "Pay yourself" — take 50% now.', UpdateAction.PARTIAL_CLOSE),
]


@pytest.mark.parametrize(("text", "action"), QUOTED_OWN)
def test_quote_with_no_close_in_it_leaves_the_own_order(text, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == action, (
        parsed.kind, parsed.update_action, parsed.reason)


REPORTS = [
    "🌃 Nightly report 02.03\nToday: closed #SUI long at 1.92 (+7.5% x5).\nNothing open now.",
    "EOD recap — #APT closed at 9.80 (+12%)",
    "Вечерний отчёт: закрыли #BTC по 65000 (+4%)",
    "Informe diario: #ETH cerrado en 3400 (+6%)",
]


@pytest.mark.parametrize("text", REPORTS)
def test_report_heading_of_the_day_is_a_recap(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.reason)


def test_close_with_its_result_and_no_report_heading_still_closes():
    parsed = parse_message("#SUI LONG 🟢 Close it here at 1.92 — full exit.\n+7.5% on 5x ✅")
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "SUI/USDT", (parsed.kind, parsed.reason)
