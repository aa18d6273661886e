"""What every house strategy shares: the setup type, cooldown/dedup, and conversion to `Signal`.

A strategy computes, vectorised over the whole candle history, a boolean *trigger* per bar (its
setup condition at that bar's close) using only causal indicators. A setup *fires* at bar i when
the trigger is on at i and was off for the `cooldown_bars` bars before — so a condition that stays
true for an hour is signalled once, and the decision is a pure function of candles ≤ i (no state
to lose between Lambda invocations, identical in live, replay and backtest). Re-running a tick on
the same candles yields the same `external_id` (strategy + symbol + timeframe + candle time), which
ingest treats as a duplicate: idempotent at both levels.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

import numpy as np

from verzek.domain.signals import EntryType, Side, Signal, SignalSource
from verzek.indicators import Indicators
from verzek.marketdata.series import OhlcvSeries, timeframe_ms, to_decimal
from verzek.strategies.config import StrategyConfig


@dataclass(frozen=True)
class Setup:
    """A strategy's decision at the close of one candle (prices as floats; `Signal` gets Decimals)."""

    strategy: str
    symbol: str
    timeframe: str
    candle_ts: int  # open time of the decision candle, epoch ms UTC
    side: Side
    entries: tuple[float, ...]
    targets: tuple[float, ...]
    stop: float
    confidence: float  # 0..1
    reason: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def decided_at_ms(self) -> int:
        """The decision candle's close time: the earliest moment the setup could be known."""
        return self.candle_ts + timeframe_ms(self.timeframe)

    @property
    def external_id(self) -> str:
        return f"{self.strategy}:{self.symbol}:{self.timeframe}:{self.candle_ts}"

    def validate(self) -> None:
        """Levels must be coherent for the side; a strategy bug must not become a tradable signal."""
        values = (*self.entries, *self.targets, self.stop)
        if not self.entries or not self.targets or not all(np.isfinite(v) and v > 0 for v in values):
            raise ValueError(f"{self.external_id}: non-positive or missing levels")
        if self.side == Side.LONG:
            targets_ok, stop_ok = min(self.targets) > max(self.entries), self.stop < min(self.entries)
        else:
            targets_ok, stop_ok = max(self.targets) < min(self.entries), self.stop > max(self.entries)
        if not targets_ok:
            raise ValueError(f"{self.external_id}: a target is not beyond the entries")
        if not stop_ok:
            raise ValueError(f"{self.external_id}: stop is not beyond the entries")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"{self.external_id}: confidence outside 0..1")


def cooldown_fires(trigger: np.ndarray, cooldown_bars: int) -> np.ndarray:
    """fires[i] = trigger[i] and no trigger in the `cooldown_bars` bars before i."""
    trig = np.asarray(trigger, dtype=bool)
    if cooldown_bars <= 0:
        return trig.copy()
    counts = np.cumsum(np.r_[0, trig.astype(np.int64)])
    idx = np.arange(trig.shape[0])
    prior = counts[idx] - counts[np.maximum(idx - cooldown_bars, 0)]
    return trig & (prior == 0)


def crossed_above(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a crosses above b at bar i: a[i-1] <= b[i-1] and a[i] > b[i] (NaN never crosses)."""
    out = np.zeros(a.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        out[1:] = (a[:-1] <= b[:-1]) & (a[1:] > b[1:])
    return out


def crossed_below(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return crossed_above(b, a)


def recent(flags: np.ndarray, bars: int) -> np.ndarray:
    """True at i if `flags` was true at any of bars i-bars+1 .. i."""
    counts = np.cumsum(np.r_[0, np.asarray(flags, dtype=np.int64)])
    idx = np.arange(flags.shape[0]) + 1
    return (counts[idx] - counts[np.maximum(idx - bars, 0)]) > 0


class Strategy(ABC):
    """A house strategy. Subclasses implement `triggers` (vectorised) and `build_setup` (levels at i)."""

    name: ClassVar[str]
    source: ClassVar[SignalSource]

    def __init__(self, config: StrategyConfig) -> None:
        self.config = config

    @property
    def timeframe(self) -> str:
        return self.config.timeframe

    @abstractmethod
    def triggers(self, ind: Indicators, from_bar: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(long_trigger, short_trigger) boolean arrays aligned with the series. Bars before
        `from_bar` may be left False (a costly strategy skips work nobody will read)."""

    @abstractmethod
    def build_setup(self, ind: Indicators, i: int, side: Side) -> Setup | None:
        """Entries, targets, stop and confidence for a setup firing at bar i (None = not tradable)."""

    def fires(self, ind: Indicators, from_bar: int = 0) -> tuple[np.ndarray, np.ndarray]:
        long_trig, short_trig = self.triggers(ind, from_bar)
        if not self.config.allow_short:
            short_trig = np.zeros_like(long_trig)
        n_warm = min(self.config.warmup_bars, long_trig.shape[0])
        long_trig, short_trig = long_trig.copy(), short_trig.copy()
        long_trig[:n_warm] = short_trig[:n_warm] = False  # indicators still settling
        cd = self.config.cooldown_bars
        return cooldown_fires(long_trig, cd), cooldown_fires(short_trig, cd)

    def scan(self, series: OhlcvSeries, start: int = 0) -> list[Setup]:
        """Every setup that fires at bars ≥ start (backtests; each depends only on candles ≤ its bar)."""
        if len(series) == 0:
            return []
        return self.scan_indicators(Indicators(series), start)

    def scan_indicators(self, ind: Indicators, start: int = 0) -> list[Setup]:
        start = max(start, 0)
        # the cooldown looks back `cooldown_bars`, so triggers are needed from there on
        long_fire, short_fire = self.fires(ind, max(0, start - self.config.cooldown_bars))
        setups = []
        for i in np.flatnonzero((long_fire | short_fire)[start:]) + start:
            for side, fired in ((Side.LONG, long_fire[i]), (Side.SHORT, short_fire[i])):
                if fired and (setup := self.build_setup(ind, int(i), side)) is not None:
                    setup.validate()
                    setups.append(setup)
        return setups

    def evaluate(self, series: OhlcvSeries) -> list[Setup]:
        """Setups firing at the last (most recent closed) candle: what a live tick acts on."""
        return self.scan(series, start=len(series) - 1)

    def evaluate_many(self, series_by_symbol: Mapping[str, OhlcvSeries],
                      starts: Mapping[str, int] | None = None) -> list[Setup]:
        """Setups for many symbols (sorted by symbol, then bar: a deterministic emit order), at bars
        ≥ `starts[symbol]` (default: only the last closed candle)."""
        setups: list[Setup] = []
        for symbol in sorted(series_by_symbol):
            series = series_by_symbol[symbol]
            if len(series):
                setups += self.scan(series, start=start_bar(series, starts, symbol))
        return setups

    def to_signal(self, setup: Setup, *, emitted_at_ms: int | None = None) -> Signal:
        """`posted_at` is when the signal is emitted (the staleness guard measures delivery delay);
        the candle it was decided on stays in `meta` (`candle_ts`, `decided_at`)."""
        decided = datetime.fromtimestamp(setup.decided_at_ms / 1000, tz=UTC)
        posted = decided if emitted_at_ms is None else datetime.fromtimestamp(emitted_at_ms / 1000, tz=UTC)
        return Signal(
            source=self.source,
            symbol=setup.symbol,
            side=setup.side,
            entry_type=EntryType.LIMIT,
            entries=tuple(to_decimal(p) for p in setup.entries),
            targets=tuple(to_decimal(p) for p in setup.targets),
            stop_loss=to_decimal(setup.stop),
            market=self.config.market,
            leverage=self.config.leverage,
            confidence=Decimal(f"{setup.confidence:.2f}"),
            external_id=setup.external_id,
            posted_at=max(posted, decided),
            raw_text=f"[{self.name}] {setup.side.value} {setup.symbol} {setup.timeframe}: {setup.reason}",
            meta={"strategy": self.name, "timeframe": setup.timeframe, "candle_ts": setup.candle_ts,
                  "decided_at": decided.isoformat(),
                  "config_version": self.config.version, **setup.meta},
        )


def start_bar(series: OhlcvSeries, starts: Mapping[str, int] | None, symbol: str) -> int:
    return len(series) - 1 if starts is None or symbol not in starts else int(starts[symbol])


def r_targets(entry: float, stop: float, multiples: tuple[float, ...], side: Side) -> tuple[float, ...]:
    """Targets at R-multiples of the risk (entry→stop distance)."""
    risk = abs(entry - stop)
    sign = 1.0 if side == Side.LONG else -1.0
    return tuple(entry + sign * m * risk for m in multiples)


def clip01(x: float) -> float:
    return float(min(1.0, max(0.0, x)))
