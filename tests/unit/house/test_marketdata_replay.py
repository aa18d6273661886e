"""Replay market data: the closed-candle guarantee, aggregation, loading and validation."""

from __future__ import annotations

import asyncio
import gzip
import json
from decimal import Decimal

import numpy as np
import pytest
from verzek.marketdata import (
    AcceleratedClock,
    ManualClock,
    MarketDataError,
    ReplayMarketData,
    load_recorded_file,
    resample,
    sample_dir,
    symbol_from_filename,
    timeframe_ms,
)
from verzek.marketdata.series import fetch_series


def run(coro):
    return asyncio.run(coro)


def test_only_candles_closed_at_or_before_now(sample_market):
    series = sample_market.full_series("ADA/BTC", "5m")
    clock = ManualClock(0)
    market = ReplayMarketData([series], clock)
    open_ts = int(series.ts[1000])
    for now, expected_last in [(open_ts + 299_999, series.ts[999]), (open_ts + 300_000, open_ts)]:
        clock.set(now)
        got = run(market.fetch_series("ADA/BTC", "5m", 50))
        assert got.ts[-1] == expected_last and len(got) == 50
        assert np.all(got.ts + timeframe_ms("5m") <= now)
    clock.set(int(series.ts[0]))  # nothing has closed yet
    assert len(run(market.fetch_series("ADA/BTC", "5m", 10))) == 0


def test_candles_port_returns_decimals_equal_to_the_recorded_numbers(sample_market):
    market = ReplayMarketData([sample_market.full_series("ETH/BTC", "5m")], ManualClock(1_516_000_000_000))
    candles = run(market.fetch_ohlcv("ETH/BTC", "5m", 3))
    assert len(candles) == 3 and all(isinstance(c.close, Decimal) for c in candles)
    columnar = run(fetch_series(market, "ETH/BTC", "5m", 3))
    assert [float(c.close) for c in candles] == columnar.close.tolist()


def test_resampled_1m_matches_recorded_5m(sample_market):
    """Aggregating the recorded 1m candles reproduces Binance's own 5m candles (OHLC)."""
    one = sample_market._recorded["ETH/BTC"]["1m"]
    five = sample_market._recorded["ETH/BTC"]["5m"]
    agg = resample(one, "5m")
    counts = np.diff(np.r_[np.flatnonzero(np.r_[True, np.diff(one.ts - one.ts % 300_000) != 0]), len(one)])
    complete = agg.ts[counts == 5]
    common, ia, ib = np.intersect1d(complete, five.ts, return_indices=True)
    ia = np.searchsorted(agg.ts, common)
    assert len(common) > 2000
    for col in ("open", "high", "low", "close"):
        np.testing.assert_allclose(getattr(agg, col)[ia], getattr(five, col)[ib], rtol=1e-12)
    np.testing.assert_allclose(agg.volume[ia], five.volume[ib], rtol=1e-6)


def test_replay_aggregates_unrecorded_timeframes_with_only_closed_buckets(sample_market):
    market = ReplayMarketData([sample_market._recorded["ETH/BTC"]["1m"]], ManualClock(0))
    start = int(market.full_series("ETH/BTC", "15m").ts[10])
    market.clock.set(start + 14 * 60_000)  # bucket `start` is not closed yet
    assert run(market.fetch_series("ETH/BTC", "15m", 5)).ts[-1] == start - 900_000
    market.clock.set(start + 15 * 60_000)
    assert run(market.fetch_series("ETH/BTC", "15m", 5)).ts[-1] == start


def test_filenames_and_sample():
    assert symbol_from_filename("ADA_BTC-5m.json.gz") == ("ADA/BTC", "5m")
    assert symbol_from_filename("XRP_USDT_USDT-1h-futures.json") == ("XRP/USDT:USDT", "1h")
    assert symbol_from_filename("XRP_USDT_USDT-8h-funding_rate.json") is None
    files = list(sample_dir().glob("*.json.gz"))
    assert len(files) == 14 and sum(f.stat().st_size for f in files) <= 3 * 1024 * 1024
    # TRX_BTC-5m was POWR/BTC under another name (POWR_BTC-1m aggregated to 5m equals it): removed
    assert not (sample_dir() / "TRX_BTC-5m.json.gz").exists()


def test_usdt_sample_is_the_replay_default_data():
    from verzek.execution.paper import RecordedPrices
    from verzek.execution.ports import OrderRejected
    from verzek.marketdata import candle_files, load_funding_rates, usdt_sample_dir

    folder = usdt_sample_dir()
    assert sum(f.stat().st_size for f in folder.iterdir()) <= 3 * 1024 * 1024  # fits the layer and the repo
    files = candle_files(folder)  # mark-price and funding files are not tradable candles
    market = ReplayMarketData.from_files(files)
    assert market.symbols("1m") == ["BTC/USDT:USDT", "ETH/USDT:USDT"]
    assert len(market.symbols("5m")) == 6
    assert market.coverage().endswith("2025-05-05 00:00 → 2025-06-02 00:00 UTC")
    funding = load_funding_rates(folder)
    assert sorted(funding) == market.symbols("5m")
    assert all(len(events) == 84 and {t % (8 * 3_600_000) for t, _ in events} == {0} for events in funding.values())
    prices = RecordedPrices.from_files(files)
    assert prices.timeframe_ms("BTC/USDT:USDT") == 60_000  # the finest recording fills paper orders
    with pytest.raises(OrderRejected, match=r"no price data for LINK/USDT:USDT: the replay covers only BNB/USDT:USDT"):
        prices.last_candle("LINK/USDT:USDT", 1_747_000_000_000)


def test_bad_inputs_are_clear_errors(tmp_path, sample_market):
    bad = tmp_path / "ABC_USDT-5m.json.gz"
    bad.write_bytes(gzip.compress(b"{not json"))
    with pytest.raises(MarketDataError, match="invalid JSON"):
        load_recorded_file(bad)
    unsorted = tmp_path / "ABC_USDT-1m.json"
    unsorted.write_text(json.dumps([[120000, 1, 1, 1, 1, 1], [60000, 1, 1, 1, 1, 1]]))
    with pytest.raises(MarketDataError, match="ascending"):
        load_recorded_file(unsorted)
    with pytest.raises(MarketDataError, match="no such file"):
        ReplayMarketData.from_files([tmp_path / "missing.json"])
    with pytest.raises(MarketDataError, match="unknown symbol"):
        run(sample_market.fetch_series("NOPE/BTC", "5m", 5))
    with pytest.raises(MarketDataError, match="no recorded candles"):
        run(sample_market.fetch_series("ZEC/BTC", "1m", 5))
    with pytest.raises(MarketDataError, match="positive"):
        run(sample_market.fetch_series("ZEC/BTC", "5m", 0))
    with pytest.raises(ValueError, match="invalid timeframe"):
        timeframe_ms("5 minutes")


def test_shared_data_loads_including_gzip_and_futures(shared_ohlcv):
    market = ReplayMarketData.from_files([shared_ohlcv, shared_ohlcv / "futures"])
    assert "XRP/USDT:USDT" in market.symbols("1h") and "UNITTEST/BTC" in market.symbols("1m")


def test_accelerated_clock_runs_faster_than_the_wall():
    wall = [100.0]
    clock = AcceleratedClock(1_000_000, speed=60, wall=lambda: wall[0])
    wall[0] += 1.5
    assert clock() == 1_000_000 + 90_000
