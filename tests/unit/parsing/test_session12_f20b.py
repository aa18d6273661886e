"""Session 12, f20b (review 20, A2 and A3): a running trade restated with its levels is its status, never a new open;
a re-posted pending call is held; a question, poll or watch-only post over levels is no call. Guards: fresh calls with
a rhetorical line, "watch the entry", or a progress footer stay tradable."""
import pytest
from verzek.parsing import parse_message

RUNNING = [
    ("Still holding the #DOT long from 7.10, TP 7.50 / 7.90, SL 6.80", "DOT/USDT"),
    ("#XRP short running +8% entry 0.612, SL 0.640, TP 0.580", "XRP/USDT"),
    ("#ADA LONG (running)\nEntry: 0.455\nTP: 0.470 / 0.490\nSL: 0.440", "ADA/USDT"),
    ("Our #OP long was triggered at 1.92\nTP 2.00 / 2.10\nSL 1.85", "OP/USDT"),
    ("Short #INJ activated 21.40\nTP 20.80 / 20.10\nSL 22.10", "INJ/USDT"),
    ("We are in #DOGE long from 0.1580, TP 0.165 / 0.172, SL 0.152", "DOGE/USDT"),
    ("Our position:\n#BNB LONG @ 580\nTP 595 / 610\nSL 568", "BNB/USDT"),
    ("Держим лонг #DOT от 7.10, тейки 7.50 / 7.90, стоп 6.80", "DOT/USDT"),
    ("#ADA шорт в работе\nВход: 0.455\nТейк: 0.440\nСтоп: 0.470", "ADA/USDT"),
    ("#BNB 多单继续持有，成本 580，目标 610，止损 568", "BNB/USDT"),
    ("#XRP LONG işlem devam ediyor\nGiriş: 0.612\nHedef: 0.640\nStop: 0.590", "XRP/USDT"),
    ("Vẫn giữ lệnh short #DOT từ 7.10, TP 6.80, SL 7.40", "DOT/USDT"),
    ("Seguimos en corto en #ADA desde 0.455, TP 0.440, SL 0.470", "ADA/USDT"),
    ("Ainda segurando o short de #XRP desde 0.612, TP 0.590, SL 0.640", "XRP/USDT"),
]


@pytest.mark.parametrize(("text", "symbol"), RUNNING)
def test_running_trade_restated_is_an_update(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert not parsed.tradable


def test_pending_call_shown_again_is_held():
    parsed = parse_message("⏳ Pending call (not triggered yet)\n#DOT LONG\nEntry: 7.10\nTP: 7.50 / 7.90\nSL: 6.80")
    assert not parsed.tradable


ASKED = [
    "Is a #DOT long at 7.10 with SL 6.80 and TP 7.90 worth it?",
    "Should we short #XRP at 0.612 with SL 0.640 and TP 0.580?",
    "Thoughts?\n#ADA long at 0.455, SL 0.440, TP 0.490 — good trade or not?\nVote below",
    "Anybody longing #BNB at 580? SL 568, TP 610 seems nice",
    "Кто шортит #DOT от 7.10? Стоп 7.40, цель 6.80",
    "#XRP 0.612 short mantıklı mı? SL 0.640, TP 0.580",
    "Có nên short #ADA ở 0.455 không? SL 0.470, TP 0.440",
    "¿Alguien en corto de #DOT desde 7.10? SL 7.40, TP 6.80",
    "Setups to watch: #INJ long 21.40, TP 22.50, SL 20.60. Not entering yet.",
    "Plan for next week: accumulate #ETH between 3.1k-3.2k, targets 3.6k-3.8k. We'll post exact entries in VIP",
]


@pytest.mark.parametrize("text", ASKED)
def test_question_poll_or_watch_is_not_a_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal"


FRESH = [
    "#DOT LONG\nEntry 7.10\nTP 7.50\nSL 6.80\nLet's go? 🚀",
    "#XRP short, watch the entry closely\nEntry 0.612\nTP 0.580\nSL 0.640",
    "#ADA LONG\nEntry: 0.455\nTP: 0.470 / 0.490\nSL: 0.440\nWill update TP progress here",
    "Why long #BNB? Support held twice.\nEntry 580\nTP 610\nSL 568",
    "🚀 #PEPE 100x moonshot? Nah, a quick scalp\nLONG 0.00001890\nTP 0.00001940\nSL 0.00001850",
]


@pytest.mark.parametrize("text", FRESH)
def test_fresh_call_stays_tradable(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable, parsed.rejected
