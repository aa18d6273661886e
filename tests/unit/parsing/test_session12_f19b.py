"""Session 12, review 19 (fixer f19b): a restated card that says its entry filled in more wordings ("Entrée atteinte",
"Einstieg erreicht", "Entry tercapai", "— filled ✅", "in position ✅") is the running trade's update, never a fresh
open; a card with a result line at the bottom ("Signal closed manually", "结果：止损", "Итог: закрыто в ноль", a
"CANCELLED" footer) or a stop crossed and marked hit ("SL … ❌ preso") closes that coin; a stop-out told on a fresh
card ("stopped out twice here before", "stopped out = 1R loss", "Stopped out on ETH … New trade:") or a fill said for
later ("will be filled when…", "stays until filled", "ждём исполнения") leaves the fresh card an open; a part closed
with the rest at a later target, or "trade done", is the whole close."""

import pytest
from verzek.parsing import parse_message

CARD_LONG = "#FIL LONG\n{entry} 4.80\nTP 5.00 / 5.20\nSL 4.62"


@pytest.mark.parametrize("text", [
    "🟢 Entrée atteinte\n" + CARD_LONG.format(entry="Entrée"),
    "✅ Einstieg erreicht\n" + CARD_LONG.format(entry="Einstieg"),
    "✅ Entry tercapai\n" + CARD_LONG.format(entry="Entry"),
    "✅ Ingresso raggiunto\n" + CARD_LONG.format(entry="Ingresso"),
    "#FIL LONG — filled ✅\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62",
    "#FIL LONG in position ✅\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62",
    "#FIL SHORT: order filled ✅\nEntry 4.80\nTP 4.60 / 4.40\nSL 4.95",
])
def test_restated_card_with_entry_reached_is_an_update(text):
    p = parse_message(text)
    assert p.kind.value == "update" and p.symbol == "FIL/USDT" and not p.tradable


@pytest.mark.parametrize("text", [
    "#FIL LONG\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62\nThe limit will be filled once price comes back",
    "#FIL LONG\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62\nKeep the order — it stays until filled",
    "#FIL LONG\nВход 4.80 (ждем исполнения ордера)\nЦели 5.00 / 5.20\nСтоп 4.62",
    "#FIL LONG\nEntry 4.80\nTP 5.00 / 5.20\nStop 4.62 (we got stopped out twice at this level, hence lower)",
    "#FIL LONG\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62 (stopped out = 2% of the account)",
    "Stopped out on SOL last night, part of the game. New trade:\n#FIL LONG\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62",
    # guards: plain fresh cards keep reading as opens
    "#FIL LONG\nEntry 4.80\nTP 5.00 / 5.20\nSL 4.62",
    "#FIL LONG\nEinstieg 4.80\nZiel 5.20\nSL 4.62",
])
def test_fresh_card_stays_an_open(text):
    p = parse_message(text)
    assert p.kind.value == "open" and p.symbol == "FIL/USDT" and p.entries


@pytest.mark.parametrize("text", [
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\n❗ Trade closed manually",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\n结果：止损 ❌",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\nИтог: закрыто в безубыток",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\nSonuç: stop",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\nResult: stopped out",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\nPosition closed in loss -3.1%",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\nClosed at breakeven (BE)",
    "#UNI SHORT\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65\n\n🚫 CANCELLED",
    "#UNI SHORT — VOID ❌\nEntry 9.40\nTP 9.10 / 8.80\nSL 9.65",
    "#UNI SHORT\nEntrada 9.40\nTP 9.10 / 8.80\nSL 9.65 ❌ stop tocado",
    "#UNI SHORT\nIngresso 9.40\nTP 9.10 / 8.80\nSL 9.65 ❌ preso",
    "#UNI SHORT\nVào 9.40\nTP 9.10 / 8.80\nSL 9.65 ❌ đã dính",
    "#UNI SHORT\nEntry 9.40\nTP1 9.10 ✅\nTP2 8.80\nSL 9.40 (BE) — hit, out at entry",
])
def test_card_with_its_result_written_is_a_close(text):
    p = parse_message(text)
    assert p.kind.value == "close" and p.symbol == "UNI/USDT" and not p.tradable


@pytest.mark.parametrize("text", [
    "#UNI TP1 closed, TP2 closed ✅ all done",
    "#UNI closed 30% at TP1 and the rest at TP3 ✅",
    "#UNI first TP closed and trade done ✅",
])
def test_whole_close_after_parts_is_a_close(text):
    p = parse_message(text)
    assert p.kind.value == "close" and p.symbol == "UNI/USDT"


@pytest.mark.parametrize("text", [
    "#UNI closed 50% at TP1 ✅ rest running",
    "#UNI TP1 closed ✅",
])
def test_part_closed_stays_a_partial(text):
    p = parse_message(text)
    assert p.kind.value == "update" and p.symbol == "UNI/USDT"
