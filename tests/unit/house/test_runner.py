"""The scheduled runner: sub-minute cadence inside one invocation, time budget, event validation,
idempotent signals, and the Lambda handler end to end on replayed candles."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from verzek.config import reset_settings_cache
from verzek.marketdata import ManualClock, ReplayMarketData
from verzek.strategies import create_strategy
from verzek.strategies.cursors import MemoryDecisionCursors
from verzek.strategies.runner import (
    RunnerEventError,
    close_tick_offsets,
    parse_event,
    run_invocation,
    run_tick,
)

REPO = Path(__file__).resolve().parents[3]


class FakeTime:
    """Monotonic clock + sleep that advances it (and the replay market's clock with it)."""

    def __init__(self, market_clock: ManualClock | None = None) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.market_clock = market_clock

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds
        if self.market_clock is not None:
            self.market_clock.advance(round(seconds * 1000))


def _market(sample_market, at_ms: int) -> ReplayMarketData:
    return ReplayMarketData([sample_market.full_series(s, "5m") for s in sample_market.symbols("5m")]
                            + [sample_market.full_series(s, "1m") for s in sample_market.symbols("1m")],
                            ManualClock(at_ms))


MINUTE = 60_000
T0 = 1_516_899_900_000  # a 5-minute boundary (2018-01-25 17:05 UTC) inside the sample


def test_ticks_fall_on_candle_closes_inside_the_invocation_minute():
    # 1m: one tick per invocation, `delay` after the close inside the minute
    assert close_tick_offsets(T0 + 1_000, "1m", 3.0) == [2.0]
    assert close_tick_offsets(T0 + 4_000, "1m", 3.0) == [59.0]
    assert close_tick_offsets(T0 + 3_000, "1m", 3.0) == [0.0]
    # 5m: only the invocation whose minute holds a close ticks; the other four return at once
    assert close_tick_offsets(T0 - 30_000, "5m", 3.0) == [33.0]
    assert [close_tick_offsets(T0 + k * MINUTE + 10_000, "5m", 3.0) for k in range(5)] == [[], [], [], [], [53.0]]


@pytest.mark.parametrize("name,start_ms,offsets", [
    ("scalping", T0 + 1_000, [2.0]), ("qfl", T0 - 30_000, [33.0]), ("ml", T0 + 10_000, []),
    ("trend", T0 - 2_000, [5.0]),
])
def test_an_invocation_ticks_once_per_close_with_the_candle_just_closed(sample_market, name, start_ms, offsets):
    market = _market(sample_market, start_ms)
    t = FakeTime(market.clock)
    report = asyncio.run(run_invocation({"strategy": name}, market=market, emit=lambda s: None,
                                        symbols=["ETH/BTC", "LTC/BTC"], sleep=t.sleep, clock=t.clock))
    assert [tick.offset_s for tick in report.ticks] == offsets
    assert report.ticks_planned == len(offsets) and report.skipped_ticks == 0
    assert all(tick.fetched == 2 and tick.decided == 2 and tick.candles_decided == 2 for tick in report.ticks)


def test_a_tick_that_cannot_finish_before_the_lambda_timeout_is_skipped(sample_market):
    market = _market(sample_market, T0 + 4_000)  # the close + 3 s is 59 s away
    t = FakeTime(market.clock)
    deadline = t.now + 60.0
    report = asyncio.run(run_invocation(
        {"strategy": "scalping"}, market=market, emit=lambda s: None, symbols=["ETH/BTC"], sleep=t.sleep,
        clock=t.clock, remaining_ms=lambda: int((deadline - t.now) * 1000)))
    assert report.ticks == [] and report.skipped_ticks == 1


def _qfl_setup_close(sample_market) -> int:
    full = sample_market.full_series("ETH/BTC", "5m")
    return int(full.ts[1524]) + 300_000  # the close of a QFL setup's candle (see test_strategies)


def test_the_same_closed_candle_is_decided_once(sample_market):
    emitted = []
    close = _qfl_setup_close(sample_market)
    market = _market(sample_market, close + 3_000)
    cursors = MemoryDecisionCursors()
    strategy = create_strategy("qfl")
    symbols = ["ETH/BTC", "LTC/BTC"]
    first = asyncio.run(run_tick(strategy, market, emitted.append, symbols, cursors=cursors))
    assert (first.decided, first.unchanged, first.emitted) == (2, 0, 1)
    for later in (20_000, 40_000, 290_000):  # polling again before the next close: no decision, no signal
        market.clock.set(close + later)
        again = asyncio.run(run_tick(strategy, market, emitted.append, symbols, cursors=cursors))
        assert (again.decided, again.unchanged, again.setups, again.emitted) == (0, 2, 0, 0)
    market.clock.set(close + 300_000)  # the next candle closed: decided, and (here) no new setup
    nxt = asyncio.run(run_tick(strategy, market, emitted.append, symbols, cursors=cursors))
    assert (nxt.decided, nxt.candles_decided, nxt.unchanged) == (2, 2, 0)
    assert len(emitted) == 1 and emitted[0].external_id.startswith("qfl:ETH/BTC:5m:")


def test_missed_closes_are_caught_up_within_the_window(sample_market):
    close = _qfl_setup_close(sample_market)
    strategy = create_strategy("qfl")
    cursors = MemoryDecisionCursors()
    market = _market(sample_market, close - 2 * 300_000)  # decided two candles before the setup
    asyncio.run(run_tick(strategy, market, lambda s: None, ["ETH/BTC"], cursors=cursors))
    emitted = []
    market.clock.set(close + 300_000)  # the next tick comes three closes later
    tick = asyncio.run(run_tick(strategy, market, emitted.append, ["ETH/BTC"], cursors=cursors))
    assert (tick.candles_decided, tick.missed_candles) == (3, 0)
    assert len(emitted) == 1 and emitted[0].meta["candle_ts"] == close - 300_000
    market.clock.set(close + 20 * 300_000)  # twenty closes later: only the last `catchup_bars` are decided
    tick = asyncio.run(run_tick(strategy, market, emitted.append, ["ETH/BTC"], cursors=cursors))
    assert (tick.candles_decided, tick.missed_candles) == (strategy.config.catchup_bars,
                                                           19 - strategy.config.catchup_bars)


def test_a_failed_emit_leaves_the_candle_to_the_next_tick(sample_market):
    close = _qfl_setup_close(sample_market)
    market = _market(sample_market, close + 3_000)
    strategy, cursors = create_strategy("qfl"), MemoryDecisionCursors()

    def down(signal):
        raise RuntimeError("db down")

    failed = asyncio.run(run_tick(strategy, market, down, ["ETH/BTC"], cursors=cursors))
    assert failed.emit_failures == 1
    emitted = []
    market.clock.set(close + 20_000)
    retried = asyncio.run(run_tick(strategy, market, emitted.append, ["ETH/BTC"], cursors=cursors))
    assert retried.decided == 1 and retried.emitted == 1 and emitted[0].meta["candle_ts"] == close - 300_000


def test_a_day_of_invocations_emits_each_decision_once(sample_market):
    """The issue's finding (310 signals, 31 distinct, over 24 h of ML ticks) cannot recur: every minute
    invokes the runner, and every signal emitted is a new decision."""
    symbols = ["ETH/BTC", "LTC/BTC", "ETC/BTC"]
    start = _qfl_setup_close(sample_market) - 12 * 3_600_000
    market = _market(sample_market, start)
    t = FakeTime(market.clock)
    cursors, emitted, ticks = MemoryDecisionCursors(), [], []
    for minute in range(24 * 60):
        market.clock.set(start + minute * MINUTE + 1_000)  # EventBridge: once a minute, a second late
        report = asyncio.run(run_invocation({"strategy": "qfl"}, market=market, emit=emitted.append,
                                            symbols=symbols, sleep=t.sleep, clock=t.clock, cursors=cursors))
        ticks += report.ticks
    assert len(ticks) == 24 * 12  # one tick per 5m close
    assert sum(tick.candles_decided for tick in ticks) == 24 * 12 * len(symbols)
    assert sum(tick.missed_candles + tick.unchanged for tick in ticks) == 0
    assert emitted and len({s.external_id for s in emitted}) == len(emitted)
    # and they are exactly the backtest path's decisions over the same candles
    strategy = create_strategy("qfl")
    expected = []
    for symbol in sorted(symbols):
        full = sample_market.full_series(symbol, "5m")
        first = int(np.searchsorted(full.ts, start - 300_000))
        last = int(np.searchsorted(full.ts, start + 24 * 3_600_000 - 300_000))
        expected += [s.external_id for s in strategy.scan(full.slice(0, last), start=first)]
    assert sorted(s.external_id for s in emitted) == sorted(expected)


@pytest.mark.parametrize("event,message", [
    ([], "JSON object"), ({}, "strategy"), ({"strategy": "martingale"}, "unknown strategy"),
    ({"strategy": "qfl", "extra": 1}, "extra"), ({"strategy": "qfl", "symbols": []}, "symbols"),
])
def test_bad_events_are_rejected(event, message):
    with pytest.raises(RunnerEventError, match=message):
        parse_event(event)


def test_unknown_symbols_are_reported_not_fatal(sample_market):
    market = _market(sample_market, T0 - 1_000)
    t = FakeTime(market.clock)
    report = asyncio.run(run_invocation({"strategy": "trend", "symbols": ["NOPE/BTC", "ETH/BTC"]},
                                        market=market, emit=lambda s: None, sleep=t.sleep, clock=t.clock))
    assert report.ticks[0].fetched == 1 and "NOPE/BTC" in report.ticks[0].fetch_failures


def test_lambda_handler_runs_on_the_bundled_replay(monkeypatch):
    monkeypatch.setenv("HOUSE_MARKET_DATA", "replay")
    monkeypatch.delenv("HOUSE_SYMBOLS", raising=False)
    monkeypatch.setenv("HOUSE_STRATEGIES_ENABLED", "trend")  # every house strategy is disabled by default
    emitted = []
    # the real ingest (another module, needs PostgreSQL) is replaced by a collector here
    monkeypatch.setattr("verzek.strategies.runner.default_emit", lambda: emitted.append)
    cursors = MemoryDecisionCursors()  # PostgreSQL's cursors are tested in test_decision_cursors
    monkeypatch.setattr("verzek.strategies.runner.default_cursors", lambda: cursors)
    reset_settings_cache()
    spec = importlib.util.spec_from_file_location("strategy_runner_handler",
                                                  REPO / "functions" / "strategy_runner" / "handler.py")
    handler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(handler)
    context = SimpleNamespace(function_name="strategy_runner", memory_limit_in_mb=1536, aws_request_id="req-1",
                              invoked_function_arn="arn:aws:lambda:eu-west-1:1:function:strategy_runner",
                              get_remaining_time_in_millis=lambda: 70_000)
    try:
        result = handler.lambda_handler({"strategy": "trend"}, context)
        assert result["ok"] is True and result["strategy"] == "trend" and len(result["ticks"]) == 1
        assert result["ticks"][0]["fetched"] == 10  # 2018 sample without the TRX duplicate
        assert len(emitted) == result["ticks"][0]["emitted"] == result["ticks"][0]["setups"]
        # the replay's clock stands still: the next invocation finds the same candle, decided already
        again = handler.lambda_handler({"strategy": "trend"}, context)
        assert again["ticks"][0]["unchanged"] == 10 and again["ticks"][0]["emitted"] == 0
        assert handler.lambda_handler({"strategy": "nope"}, context)["ok"] is False
        off = handler.lambda_handler({"strategy": "qfl"}, context)  # not enabled: nothing runs
        assert off["ok"] is True and off["disabled"] is True and off["ticks"] == []
    finally:
        reset_settings_cache()
