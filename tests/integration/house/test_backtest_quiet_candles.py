"""Quiet candles (`verzek.backtest.quiet`): a backtest that skips the monitor's steps on candles where no
position's price was reached gives exactly what the monitor run at every candle gives -- the same report,
the same trades (amount, entry, realised PnL, fees, funding, exit reason and times) and the same equity
curve bar by bar -- on the old path computed in the same test run."""

from __future__ import annotations

import numpy as np
import pytest
from verzek.backtest import BacktestSettings, run_backtest
from verzek.marketdata import ReplayMarketData
from verzek.marketdata.replay import sample_dir, usdt_sample_dir
from verzek.strategies import create_strategy

from tests.integration.house.test_backtest import ms, server  # noqa: F401 (fixture)


def _both(strategy, series, **kwargs):
    fast = run_backtest(strategy, series, **kwargs)
    full = run_backtest(strategy, series, every_bar=True, **kwargs)
    return fast, full


def _assert_same(fast, full) -> None:
    assert fast.trades == full.trades
    assert fast.report == full.report
    assert np.array_equal(fast.equity, full.equity) and np.array_equal(fast.equity_ts, full.equity_ts)
    assert full.monitor_steps["skipped_quiet"] == 0
    # the shortcut did skip most steps, and every step it skipped the full path ran
    skipped = fast.monitor_steps["skipped_quiet"]
    assert skipped > fast.monitor_steps["advanced"]
    assert fast.monitor_steps["advanced"] + skipped == full.monitor_steps["advanced"]


@pytest.mark.parametrize("settings", [
    BacktestSettings(),  # TP ladder 50/30/20, breakeven after TP1, 5 positions at most
    BacktestSettings(dca_safety_orders=2, dca_step_pct=1, max_open_positions=3, tp_split=(100,),
                     breakeven_after_tp=None),  # safety orders held back, one target
], ids=["ladder-breakeven", "dca"])
def test_trend_on_the_2018_spot_sample_trade_for_trade(server, settings):  # noqa: F811
    market = ReplayMarketData.from_files([sample_dir()])
    series = [market.full_series(s, "5m") for s in market.symbols("5m")]
    fast, full = _both(create_strategy("trend"), series, from_ms=ms("2018-01-10T06:00"),
                       to_ms=ms("2018-01-11T18:00"), settings=settings)
    _assert_same(fast, full)
    assert fast.report["trades"] >= 8 and len(fast.report["exits"]) >= 2  # targets and stops were hit


def test_futures_with_funding_trade_for_trade(server):  # noqa: F811
    folder = usdt_sample_dir()
    market = ReplayMarketData.from_files([folder])
    series = [market.full_series(s, "5m") for s in market.symbols("5m")]
    fast, full = _both(create_strategy("trend"), series, from_ms=ms("2025-05-06T00:00"),
                       to_ms=ms("2025-05-07T12:00"), funding_from=[folder])
    _assert_same(fast, full)
    assert fast.report["trades"] >= 3 and fast.report["funding"] != 0  # funding paid on skipped-candle days
