"""Status and management posts (session 6): follow-ups that move a stop, tick a target, add to or close a trade, in
the wordings of real copier sources, and the look-alikes (rules, promos, recaps, questions, conditions) that must
never become a close — a wrong close would end a follower's real position.

Every case is a word class or a structure, never a corpus row.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_close, wrong_position_change

from tests.unit.parsing.test_generalisation_corpus import CORPORA

DATA = Path(__file__).parent / "data"
# The registered corpora, and the newest batches (registered by j15p as they are generalised).
_CHECKED = sorted(set(CORPORA) | {"blind_v5.jsonl", "blind_v6.jsonl", "blind_lead6.jsonl", "blind_round40.jsonl"})


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


# Wrong closes by the corpus label that the parser keeps, each with why (session 19): z28-030 "LINK aynı mumda hem doldu
# hem stop oldu 😅 -15%, olur böyle" is labelled a member's remark, but nothing in it says who wrote it — an admin's
# stop-out report reads word for word the same, and missing those would leave real stop-outs open.
KNOWN_WRONG_CLOSES = {"blind_z28.jsonl": {"z28-030"}}


@pytest.mark.parametrize("name", _CHECKED)
def test_no_message_becomes_a_wrong_close(name):
    wrong = {r["id"]: why for r in _rows(name) if (why := wrong_close(r, parse_message(r["text"])))}
    # (listed so that a new wrong close, or the known one changed, fails here)
    assert set(wrong) == KNOWN_WRONG_CLOSES.get(name, set()), wrong


@pytest.mark.parametrize("name", _CHECKED)
def test_no_message_wrongly_changes_a_position(name):
    wrong = {r["id"]: why for r in _rows(name) if (why := wrong_position_change(r, parse_message(r["text"])))}
    assert wrong == {}


def test_wrong_position_change_counts_a_stop_move_for_a_non_update():
    moved = parse_message("#SOL move SL to 138")
    assert wrong_position_change(_row("not_a_signal"), moved) is not None
    assert wrong_position_change(_row("update", "ETH/USDT"), moved) is not None
    assert wrong_position_change(_row("update", "SOL/USDT"), moved) is None
    assert wrong_position_change(_row("not_a_signal"), parse_message("#SOL TP1 hit ✅")) is None  # moves nothing


def _row(kind: str, symbol: str | None = None) -> dict:
    return {"id": "x", "text": "", "expected": {"kind": kind, "symbol": symbol}}


def test_wrong_close_counts_a_close_of_a_non_close_and_of_another_coin():
    close_eth = parse_message("Close #ETH now")
    assert close_eth.kind == MessageKind.CLOSE
    assert wrong_close(_row("not_a_signal"), close_eth) is not None
    assert wrong_close(_row("update", "ETH/USDT"), close_eth) is not None
    assert wrong_close(_row("close", "SOL/USDT"), close_eth) is not None
    assert wrong_close(_row("close", "ETH/USDT"), close_eth) is None
    assert wrong_close(_row("close", "ETH/USD"), close_eth) is None  # the same coin's position
    assert wrong_close(_row("close", None), close_eth) is None
    assert wrong_close(_row("not_a_signal"), parse_message("gm everyone")) is None


# --- look-alikes that must never close a position ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "SE CIERRA TODO EN EL MOMENTO EN EL QUE TOCA EL SL O TP3",  # a standing rule, in capitals
    "Cerramos todo cuando toque el TP3",
    "Fechamos tudo quando atingir o TP2",
    "On ferme tout quand le TP3 est touché",
    "Wir schließen alles, sobald TP2 erreicht ist",
    "#SOL\n1) Close the position at the price 140.20\n2) Close the position at the price 146.30",  # the exit plan
])
def test_rules_and_plans_are_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_a_bare_capitalised_word_of_a_post_in_capitals_is_no_coin_to_close():
    # every word of "SE CIERRA TODO" is capitalised; Spanish "se" is no ticker — a close naming no coin applies
    # only to the post it replies to
    parsed = parse_message("SE CIERRA TODO")
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol is None
    # a ticker we know still counts, in capitals or not
    assert parse_message("SOL CERRADO EN BREAKEVEN AHORA").symbol == "SOL/USDT"
    assert parse_message("BTC TP2 HIT").symbol == "BTC/USDT"


def test_a_ticked_step_of_a_numbered_exit_plan_is_that_target_reached():
    parsed = parse_message("#SIGNAL (SOL/USDT)\n3) Close the position at the price $146.30 ✅")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"
    assert parsed.update_action == UpdateAction.TP_HIT and parsed.target_index == 3
    # unticked and alone it is still a command
    assert parse_message("#SOL\nClose the position now").kind == MessageKind.CLOSE


# --- management wordings of real channels -------------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol, action", [
    ("Subimos el stop a 1.2840", None, UpdateAction.NEW_STOP),                   # es: we move the stop
    ("Movemos el SL de ARBUSDT a 0.9120", "ARB/USDT", UpdateAction.NEW_STOP),
    ("#OP 止损上移至 1.905", "OP/USDT", UpdateAction.NEW_STOP),                      # zh: stop moved up to
    ("🔰 *INJUSDT* | Breakeven'e çekildi", "INJ/USDT", UpdateAction.MOVE_SL_BREAKEVEN),  # tr bot: moved to BE
    ("#APT 止損上移到進場價", "APT/USDT", UpdateAction.MOVE_SL_BREAKEVEN),           # zh-Hant: stop to the entry price
    ("Bateu o alvo 2, parabéns", None, UpdateAction.TP_HIT),                       # pt: the verb before the target
    ("#LINK 目标2已到 ✅", "LINK/USDT", UpdateAction.TP_HIT),
    ("#NEAR 2차 익절 완료", "NEAR/USDT", UpdateAction.TP_HIT),                      # ko: second take-profit done
    ("Booked 30% profits on #INJ at 24.10", "INJ/USDT", UpdateAction.PARTIAL_CLOSE),
    ("#OP фиксируем 30% позиции", "OP/USDT", UpdateAction.PARTIAL_CLOSE),           # ru: fix 30 % of the position
    ("#ARB: Teilgewinn gesichert", "ARB/USDT", UpdateAction.PARTIAL_CLOSE),
    ("Добор по #ATOM 6.10", "ATOM/USDT", UpdateAction.ADD_ENTRY),                   # ru: adding to the position
    ("#INJ усредняемся по 21.4", "INJ/USDT", UpdateAction.ADD_ENTRY),
    ("#OP third entry added at 1.84, new SL 1.79", "OP/USDT", UpdateAction.ADD_ENTRY),
    ("Cambiamos TP2 a 0.5120", None, UpdateAction.OTHER),                           # a target moved
    ("Move TP3 to 1.45", None, UpdateAction.OTHER),
])
def test_management_wordings_are_updates(text, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, action)


@pytest.mark.parametrize("text, field_value", [("止损: 0.412", "0.412"), ("SL: 1.905", None), ("第二止盈: 2.31", None)])
def test_a_lone_level_posted_after_a_call_is_an_update_naming_no_coin(text, field_value):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol is None
    assert (str(parsed.new_stop) if parsed.new_stop is not None else None) == field_value
    if text == "SL: 1.905":
        # (session 23) a dot before three digits on a new stop reads two ways, 1.905 or 1905: the signal's own levels
        # choose at ingest (`stop_readings`), as "SL to 2,312" always did
        assert parsed.stop_readings == (Decimal("1.905"), Decimal(1905))


@pytest.mark.parametrize("text, symbol, action", [
    ("#SEI در نقطه ورود کلوز کنید", "SEI/USDT", None),                               # fa: close it at the entry
    ("#JUP این سفارش پر نشد، کنسل", "JUP/USDT", UpdateAction.CANCEL_ENTRY),          # fa: not filled, cancel
    ("#LDO رو بستیم", "LDO/USDT", None),                                             # fa: we closed it
    ("#ADA la cerramos en breakeven", "ADA/USDT", None),                              # es: we close it
    ("On coupe #DOT au prix d'entrée", "DOT/USDT", None),                             # fr: we cut it
    ("#OP : on sort de la position", "OP/USDT", None),
    ("Take all profits now", None, None),
    ("Cerramos ambas", None, None),                                                   # both trades: no coin
    ("Close both", None, None),
    ("#SEI ❌-2.4%", "SEI/USDT", UpdateAction.SL_HIT),                                # a loss result
    ("코인: $OP/USDT\n정지 손실: 1.79\n🚫12% 손실🚫", "OP/USDT", UpdateAction.SL_HIT),
    ("#AR liquidated at 24.1 on 25x 💀", "AR/USDT", UpdateAction.SL_HIT),
    ("STOP LOSS TRIGGERED\nETHUSDT | SHORT\nEntry: 3410\nStop: 3480", "ETH/USDT", UpdateAction.SL_HIT),
    ("*İŞLEM KAPANDI*\nPair: `SOLUSDT`\nEntry: `162.4`\nExit: `168.1`", "SOL/USDT", None),
])
def test_close_wordings_are_closes(text, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, symbol, action)


# look-alikes of the rules above: questions, negations, hypotheses, tutorials, ads, market talk
@pytest.mark.parametrize("text", [
    "¿Movemos el SL?", "¿Tocó tp2?", "Breakeven'a taşındı mı?", "TP: 100?", "#SUI фиксируем 25% позиции?",
    "Casi tocó tp2, paciencia", "Don't add here", "Not adding here, too risky", "#SOL don't add here",
    "The rest running in our VIP group 👇", "Change TP in Cornix: Settings > Targets",
    "How to set a stop: SL: 0.398 below the last low",
])
def test_questions_negations_and_tutorials_are_no_updates(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#WLD would be liquidated at 2.118 on 50x", "Should we take all profit now?", "On coupe la poire en deux",
    "Yesterday: #SOL ✅ +5%, #ENA ❌-3.2%", "#ENA ❌-3.2%?", "#BTC -3.2% loss today, market bleeding",
    "Tomorrow we take all profits if BTC breaks 100k", "Si llega a 3400 la cerramos", "la cerramos?",
    "#PYTH اگر پر نشد کنسل",
])
def test_look_alikes_of_the_close_wordings_are_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_of_several_coins_the_one_closed_now_is_closed_when_the_others_wait_for_a_condition():
    parsed = parse_message("#OP kapattık ✅ — #ARB de 0.910 altı gelirse onu da kapatırız")
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "OP/USDT")
    # a recap of several closes, or a close beside a coin still running, stays no instruction
    for text in ("#AVAX closed +12%, #NEAR closed +8%", "#AVAX closed +12%, #NEAR running +8%",
                 "Yesterday closed: #AVAX +12%, #NEAR +8%. If #BTC breaks 100k we go again"):
        assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_close_all_command_is_not_narrowed_to_a_coin_of_the_market_talk_beside_it():
    for text in ("Closing every open long, ETH lost 3K", "Close everything, BTC is dumping", "BTC dumping. Close all now"):
        parsed = parse_message(text)
        assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None), text
    assert parse_message("Close all BTC longs now").symbol == "BTC/USDT"
    assert parse_message("ETH: close everything").symbol == "ETH/USDT"


@pytest.mark.parametrize("text, kind, symbol, action", [
    ("Stop tocado en #ADA", MessageKind.CLOSE, "ADA/USDT", UpdateAction.SL_HIT),
    ("#DOT Stop touché", MessageKind.CLOSE, "DOT/USDT", UpdateAction.SL_HIT),
    ("#SOL 保本出局", MessageKind.CLOSE, "SOL/USDT", UpdateAction.SL_HIT),      # out at breakeven: no stop move
    ("#APT entry not triggered, ignore this signal", MessageKind.CLOSE, "APT/USDT", UpdateAction.CANCEL_ENTRY),
    ("Closed in profit ✅", MessageKind.CLOSE, None, None),                       # a reply's report: no coin
    ("#ETH Chốt lời TP2", MessageKind.UPDATE, "ETH/USDT", UpdateAction.TP_HIT),   # vi: profit taken at TP2
    ("#PEPE DCA filled", MessageKind.UPDATE, "PEPE/USDT", UpdateAction.ENTRY_FILLED),
])
def test_more_status_wordings(text, kind, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (kind, symbol, action)


@pytest.mark.parametrize("text", [
    "Don't ignore this signal!", "Stop touché?", "Close #SOL?", "Should we close #ETH now?", "#ETH closed?", "Close all?",
    "Closed in profit this week: 12 of 15 trades",
])
def test_one_sentence_questions_and_tallies_are_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_question_after_a_close_report_keeps_the_close():
    assert parse_message("Closed #ETH. Who else is out?").kind == MessageKind.CLOSE


@pytest.mark.parametrize("text, kind, action", [
    ("Sold half of my $APT", MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE),
    ("Taking profits on $APT 40%", MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE),
    ("#APT TP2 hit, close another 30% and move stop to TP1", MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE),
    ("#APT SL 8.10 → 8.45", MessageKind.UPDATE, UpdateAction.NEW_STOP),
    ("Bought the second entry on #APT", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("Let's close $APT here", MessageKind.CLOSE, None),
])
def test_english_management_wordings(text, kind, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (kind, "APT/USDT", action)


@pytest.mark.parametrize("text", ["Let's close the week strong 💪", "Let's close #BTC above 100k 🚀", "Bought the second entry?"])
def test_look_alikes_of_english_management_are_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", ["Close #BTC above 100k", "Close #SOL short below 132.5", "Let's close it above 3.2"])
def test_a_close_waiting_for_a_level_is_no_close_now(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text, symbol", [
    ("cerrando ada en entrada", "ADA/USDT"), ("fechando matic no zero a zero", "MATIC/USDT"), ("Close algo", "ALGO/USDT"),
])
def test_a_lower_case_coin_after_a_close_verb_is_closed(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", ["Cerrando semana en verde", "cerrando mes en verde", "cerrando posiciones antes del FOMC"])
def test_a_word_of_the_language_after_a_close_verb_is_no_coin(text):
    parsed = parse_message(text)
    assert parsed.symbol is None and parsed.kind != MessageKind.OPEN


@pytest.mark.parametrize("text", [
    "Never close a trade in panic. Patience pays. #BTC",
    "Who got stopped out on #SOL? 😅 We didn't, our SL was lower",
    "Stopped out of my personal #ETH spot bag, not a signal",
    "Close call on #BTC today, almost hit our stop",
    "Cerramos la semana con +230% en señales 🔥",
    "Fechamos o mês com 92% de acerto",
])
def test_commentary_with_close_words_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#BTC: where would you put your stop? I'd say 88k",
    "Tip: set your stop below the last swing low, e.g. #SOL 140",
    "#SOL if it loses 140 we move SL to 138",
    "#SOL: mañana movemos el SL a 140 si cierra el diario encima de 150",
    "Movemos el stop cuando toque TP1 #SOL",
    "#SOL trailing stop tutorial: how to set it",
    "Rule #3: close half at TP1, the rest at TP2",
])
def test_a_stop_move_that_waits_asks_or_teaches_moves_no_stop(text):
    # a wrong stop move changes a follower's real order, like a wrong close
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_stop_move_now_still_moves_it():
    parsed = parse_message("#SOL TP1 hit, we move SL to 138")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.NEW_STOP)


@pytest.mark.parametrize("text, symbol", [
    ("#AVAX manual close +6%", "AVAX/USDT"), ("#AVAX trade ended", "AVAX/USDT"), ("Abort #AVAX", "AVAX/USDT"),
    ("#AVAX: out", "AVAX/USDT"), ("Out of #AVAX", "AVAX/USDT"),
])
def test_short_english_exits_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "Out of office until Monday", "#BTC: out of range, waiting", "#BTC out of the range", "Abort mission, market is crazy",
    "Never manually close a trade early",
])
def test_out_of_range_and_the_office_are_no_exit(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "Close to TP2 on #AVAX, be patient", "Exit liquidity everywhere, careful with #PEPE",
    "#DOGE exit strategy explained in the next post", "Cancel culture in crypto lol #BTC", "#BTC закрытие недели выше 95к",
    "Cerrar o no cerrar #BTC? Encuesta 👇",
])
def test_close_words_used_as_nouns_or_asked_are_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_numbered_exits_ticked_off_are_targets_reached_not_a_close():
    parsed = parse_message("#OPUSDT EXIT 1 ✅ EXIT 2 ✅ — trail stop to 1.812")
    assert (parsed.kind, parsed.symbol, parsed.target_index) == (MessageKind.UPDATE, "OP/USDT", 2)
    assert parse_message("#OP exit now").kind == MessageKind.CLOSE


@pytest.mark.parametrize("text, symbol", [
    ("ETH/USDT — סגרנו את העסקה ברווח ✅", "ETH/USDT"),   # he: we closed the trade in profit
    ("#ARB Operação finalizada sem perdas", "ARB/USDT"),    # pt: trade finished
])
def test_finished_trade_reports_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


def test_a_breakeven_move_naming_its_coin_after_the_price_keeps_the_coin():
    parsed = parse_message("BE: 1.2210 — spostate lo stop a pareggio su #ARBUSDT ✅")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "ARB/USDT",
                                                                  UpdateAction.MOVE_SL_BREAKEVEN)
