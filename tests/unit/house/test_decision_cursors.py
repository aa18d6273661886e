"""Decision cursors in PostgreSQL: what Lambda invocations of the runner share."""

from __future__ import annotations

import asyncio

from verzek.marketdata import ManualClock, ReplayMarketData
from verzek.strategies import create_strategy
from verzek.strategies.cursors import MemoryDecisionCursors, PgDecisionCursors
from verzek.strategies.runner import run_tick


def test_cursors_persist_per_strategy_symbol_and_timeframe_and_never_move_back(db):
    cursors = PgDecisionCursors()
    assert cursors.load("qfl", "5m", ["ETH/USDT"]) == {}
    cursors.advance("qfl", "5m", {"ETH/USDT": 3_000, "BTC/USDT": 6_000})
    cursors.advance("qfl", "5m", {"ETH/USDT": 1_000})  # an older, overlapping invocation finishing late
    cursors.advance("ml", "5m", {"ETH/USDT": 9_000})
    assert PgDecisionCursors().load("qfl", "5m", ["ETH/USDT", "BTC/USDT", "SOL/USDT"]) == \
        {"ETH/USDT": 3_000, "BTC/USDT": 6_000}
    assert cursors.load("qfl", "1m", ["ETH/USDT"]) == {}
    memory = MemoryDecisionCursors()
    memory.advance("qfl", "5m", {"ETH/USDT": 3_000})
    memory.advance("qfl", "5m", {"ETH/USDT": 1_000})
    assert memory.load("qfl", "5m", ["ETH/USDT", "BTC/USDT"]) == {"ETH/USDT": 3_000}


def test_a_second_invocation_on_the_same_candle_decides_nothing(db, sample_market):
    full = sample_market.full_series("ETH/BTC", "5m")
    close = int(full.ts[1524]) + 300_000  # a QFL setup's candle close
    market = ReplayMarketData([full], ManualClock(close + 3_000))
    emitted = []
    for _ in range(2):  # two invocations: each has a new process and a new PgDecisionCursors
        tick = asyncio.run(run_tick(create_strategy("qfl"), market, emitted.append, ["ETH/BTC"],
                                    cursors=PgDecisionCursors()))
    assert len(emitted) == 1 and tick.unchanged == 1 and tick.emitted == 0
    with db.cursor() as cur:
        cur.execute("SELECT strategy, symbol, timeframe, last_candle_ts FROM house_decision_cursors")
        assert cur.fetchall() == [{"strategy": "qfl", "symbol": "ETH/BTC", "timeframe": "5m",
                                   "last_candle_ts": close - 300_000}]
