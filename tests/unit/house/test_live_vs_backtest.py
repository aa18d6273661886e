"""The live-window path and the backtest path take the same decisions on the same candles.

Live: the runner's `run_tick` asks the replay port (clock at each candle close + a few seconds)
for its `lookback` window and decides the candles newer than its cursor. Backtest: the backtest
engine's own preparation (`verzek.backtest.engine._prepare`) scans the whole recorded history.
Indicators with memory (EMA, ADX, Wilder RSI) see 500 candles live but thousands in the backtest;
the decisions must still be the same setups at the same candles with the same levels.
"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from verzek.backtest.engine import _prepare
from verzek.marketdata import ManualClock, ReplayMarketData, timeframe_ms
from verzek.strategies import create_strategy
from verzek.strategies.cursors import MemoryDecisionCursors
from verzek.strategies.runner import run_tick

# (strategy, symbols, first bar of the compared window, bars) — windows around known setups
# (see test_strategies.CASES), long enough to hold several decisions each.
WINDOWS = {
    "scalping": (["ETH/BTC", "XLM/BTC"], 2050, 400),
    "trend": (["LTC/BTC", "ETH/BTC"], 700, 400),
    "qfl": (["ETH/BTC", "LTC/BTC"], 1400, 400),
    "ml": (["ADA/BTC", "ETH/BTC"], 1700, 300),
}


def _key(setup):
    return (setup.external_id, setup.side, setup.reason)


@pytest.mark.parametrize("name", list(WINDOWS))
def test_live_ticks_and_the_backtest_decide_the_same_setups(sample_market, name):
    strategy = create_strategy(name, {"threshold": 0.42} if name == "ml" else None)  # see test_strategies
    symbols, first, bars = WINDOWS[name]
    tf = timeframe_ms(strategy.timeframe)
    ref = sample_market.full_series(symbols[0], strategy.timeframe)
    from_ms, to_ms = int(ref.ts[first]), int(ref.ts[first + bars])
    series = [sample_market.full_series(s, strategy.timeframe) for s in symbols]

    _, _, setups_at, _ = _prepare(strategy, series, from_ms, to_ms)
    backtest = sorted((s for at in setups_at.values() for s in at), key=lambda s: (s.candle_ts, s.symbol))
    assert len(backtest) >= 2, "the window must hold decisions to compare"

    market = ReplayMarketData(series, ManualClock(from_ms))
    cursors, emitted = MemoryDecisionCursors(), []
    # the decision before the window is the cursor's starting point, as in a running deployment
    asyncio.run(run_tick(strategy, market, lambda s: None, symbols, cursors=cursors))
    # irregular ticks (1 to 3 closes apart, a few seconds after the close): catch-up covers the gaps
    close = from_ms
    for step in np.random.default_rng(7).integers(1, 4, size=bars):
        close = min(close + int(step) * tf, to_ms)
        market.clock.set(close + 3_000)
        asyncio.run(run_tick(strategy, market, emitted.append, symbols, cursors=cursors))
        if close == to_ms:
            break
    live = sorted(emitted, key=lambda s: (s.meta["candle_ts"], s.symbol))

    assert [s.external_id for s in live] == [s.external_id for s in backtest]
    for signal, setup in zip(live, backtest, strict=True):
        expected = strategy.to_signal(setup, emitted_at_ms=signal.meta["candle_ts"])
        assert (signal.side, signal.entries, signal.targets, signal.stop_loss, signal.confidence) == \
               (expected.side, expected.entries, expected.targets, expected.stop_loss, expected.confidence)
