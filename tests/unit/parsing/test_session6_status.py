"""Status and management posts (session 6): follow-ups that move a stop, tick a target, add to or close a trade, in
the wordings of real copier sources, and the look-alikes (rules, promos, recaps, questions, conditions) that must
never become a close — a wrong close would end a follower's real position.

Every case is a word class or a structure, never a corpus row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_close

from tests.unit.parsing.test_generalisation_corpus import CORPORA

DATA = Path(__file__).parent / "data"
# The registered corpora, and the newest batches (registered by j15p as they are generalised).
_CHECKED = sorted(set(CORPORA) | {"blind_v5.jsonl", "blind_v6.jsonl", "blind_lead6.jsonl", "blind_round40.jsonl"})


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", _CHECKED)
def test_no_message_becomes_a_wrong_close(name):
    wrong = {r["id"]: why for r in _rows(name) if (why := wrong_close(r, parse_message(r["text"])))}
    assert wrong == {}


def _row(kind: str, symbol: str | None = None) -> dict:
    return {"id": "x", "text": "", "expected": {"kind": kind, "symbol": symbol}}


def test_wrong_close_counts_a_close_of_a_non_close_and_of_another_coin():
    close_eth = parse_message("Close #ETH now")
    assert close_eth.kind == MessageKind.CLOSE
    assert wrong_close(_row("not_a_signal"), close_eth) is not None
    assert wrong_close(_row("update", "ETH/USDT"), close_eth) is not None
    assert wrong_close(_row("close", "SOL/USDT"), close_eth) is not None
    assert wrong_close(_row("close", "ETH/USDT"), close_eth) is None
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
