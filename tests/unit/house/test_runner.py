"""The scheduled runner: sub-minute cadence inside one invocation, time budget, event validation,
idempotent signals, and the Lambda handler end to end on replayed candles."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from verzek.config import reset_settings_cache
from verzek.marketdata import ManualClock, ReplayMarketData
from verzek.strategies.runner import RunnerEventError, parse_event, run_invocation

REPO = Path(__file__).resolve().parents[3]


class FakeTime:
    """Monotonic clock + sleep that advances it; each tick may also cost `tick_cost` seconds."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def _market(sample_market, at_ms: int) -> ReplayMarketData:
    return ReplayMarketData([sample_market.full_series(s, "5m") for s in sample_market.symbols("5m")]
                            + [sample_market.full_series(s, "1m") for s in sample_market.symbols("1m")],
                            ManualClock(at_ms))


@pytest.mark.parametrize("name,offsets", [("scalping", [0, 15, 30, 45]), ("qfl", [0, 20, 40]),
                                          ("ml", [0, 30]), ("trend", [0])])
def test_ticks_run_at_fixed_offsets_inside_one_invocation(sample_market, name, offsets):
    t = FakeTime()
    report = asyncio.run(run_invocation({"strategy": name}, market=_market(sample_market, 1_516_900_000_000),
                                        emit=lambda s: None, symbols=["ETH/BTC", "LTC/BTC"],
                                        sleep=t.sleep, clock=t.clock))
    assert [tick.offset_s for tick in report.ticks] == offsets
    assert report.ticks_planned == len(offsets) and report.skipped_ticks == 0
    assert all(tick.fetched == 2 for tick in report.ticks)


def test_slow_ticks_shorten_the_wait_instead_of_drifting(sample_market):
    t = FakeTime()
    market = _market(sample_market, 1_516_900_000_000)

    class SlowMarket:  # every fetch costs 4 s of (fake) time
        def now_ms(self):
            return market.now_ms()

        async def fetch_series(self, symbol, timeframe, limit):
            t.now += 4.0
            return await market.fetch_series(symbol, timeframe, limit)

    report = asyncio.run(run_invocation({"strategy": "scalping"}, market=SlowMarket(), emit=lambda s: None,
                                        symbols=["ETH/BTC"], sleep=t.sleep, clock=t.clock))
    assert [tick.offset_s for tick in report.ticks] == [0, 15, 30, 45]
    assert t.sleeps == [11.0, 11.0, 11.0]


def test_ticks_that_cannot_finish_before_the_lambda_timeout_are_skipped(sample_market):
    t = FakeTime()
    deadline = t.now + 36.0  # e.g. a late start: 36 s left
    report = asyncio.run(run_invocation(
        {"strategy": "scalping"}, market=_market(sample_market, 1_516_900_000_000), emit=lambda s: None,
        symbols=["ETH/BTC"], sleep=t.sleep, clock=t.clock, remaining_ms=lambda: int((deadline - t.now) * 1000)))
    assert len(report.ticks) == 3 and report.skipped_ticks == 1


def test_signals_are_emitted_once_per_setup_and_identical_across_ticks(sample_market):
    emitted = []
    full = sample_market.full_series("ETH/BTC", "5m")
    close_of_bar = int(full.ts[1524]) + 300_000  # a QFL setup (see test_strategies)
    t = FakeTime()
    report = asyncio.run(run_invocation({"strategy": "qfl"}, market=_market(sample_market, close_of_bar),
                                        emit=emitted.append, symbols=["ETH/BTC", "ADA/BTC"],
                                        sleep=t.sleep, clock=t.clock))
    assert [tick.emitted for tick in report.ticks] == [1, 1, 1]  # same candle each tick ...
    assert len({s.external_id for s in emitted}) == 1  # ... same identity: ingest dedupes
    assert emitted[0] == emitted[1] == emitted[2]


def test_a_failing_emit_does_not_lose_other_signals(sample_market):
    calls = []

    def flaky(signal):
        calls.append(signal)
        raise RuntimeError("db down")

    full = sample_market.full_series("ETH/BTC", "5m")
    t = FakeTime()
    report = asyncio.run(run_invocation({"strategy": "trend"}, market=_market(sample_market, int(full.ts[-1])),
                                        emit=flaky, symbols=sample_market.symbols("5m"), sleep=t.sleep,
                                        clock=t.clock, strategy=None))
    tick = report.ticks[0]
    assert tick.emit_failures == tick.setups == len(calls)


@pytest.mark.parametrize("event,message", [
    ([], "JSON object"), ({}, "strategy"), ({"strategy": "martingale"}, "unknown strategy"),
    ({"strategy": "qfl", "extra": 1}, "extra"), ({"strategy": "qfl", "symbols": []}, "symbols"),
])
def test_bad_events_are_rejected(event, message):
    with pytest.raises(RunnerEventError, match=message):
        parse_event(event)


def test_unknown_symbols_are_reported_not_fatal(sample_market):
    t = FakeTime()
    report = asyncio.run(run_invocation({"strategy": "trend", "symbols": ["NOPE/BTC", "ETH/BTC"]},
                                        market=_market(sample_market, 1_516_900_000_000), emit=lambda s: None,
                                        sleep=t.sleep, clock=t.clock))
    assert report.ticks[0].fetched == 1 and "NOPE/BTC" in report.ticks[0].fetch_failures


def test_lambda_handler_runs_on_the_bundled_replay(monkeypatch):
    monkeypatch.setenv("HOUSE_MARKET_DATA", "replay")
    monkeypatch.delenv("HOUSE_SYMBOLS", raising=False)
    emitted = []
    # the real ingest (another module, needs PostgreSQL) is replaced by a collector here
    monkeypatch.setattr("verzek.strategies.runner.default_emit", lambda: emitted.append)
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
        assert handler.lambda_handler({"strategy": "nope"}, context)["ok"] is False
    finally:
        reset_settings_cache()
