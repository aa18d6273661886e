"""House signals are dated at emission, so a 5-minute strategy's signal is not stale on arrival."""

from datetime import UTC, datetime, timedelta

from verzek.domain.signals import Side
from verzek.strategies.base import Setup
from verzek.strategies.registry import create_strategy


def _setup(candle_ts: int) -> Setup:
    return Setup(strategy="trend", symbol="ETH/BTC", timeframe="5m", candle_ts=candle_ts, side=Side.LONG,
                 entries=(0.1,), targets=(0.11, 0.12), stop=0.095, confidence=0.7, reason="test")


def test_posted_at_is_emission_time_and_decision_time_is_kept():
    strategy = create_strategy("trend")
    candle_ts = 1_516_000_000_000
    setup = _setup(candle_ts)
    emitted = setup.decided_at_ms + 290_000  # picked up by the 5-minute schedule almost 5 minutes later
    signal = strategy.to_signal(setup, emitted_at_ms=emitted)
    assert signal.posted_at == datetime.fromtimestamp(emitted / 1000, tz=UTC)
    decided = datetime.fromisoformat(signal.meta["decided_at"])
    assert signal.posted_at - decided == timedelta(seconds=290)
    assert signal.external_id == setup.external_id  # identity still the candle: re-runs stay idempotent


def test_without_an_emission_time_the_decision_time_is_used():
    setup = _setup(1_516_000_000_000)
    signal = create_strategy("trend").to_signal(setup)
    assert signal.posted_at == datetime.fromtimestamp(setup.decided_at_ms / 1000, tz=UTC)
