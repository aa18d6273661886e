"""Columnar OHLCV (numpy arrays) for the indicator hot path, and conversions to/from `Candle`.

The port's `Candle` carries `Decimal` prices (the domain's money type). Indicators need float64
arrays; building 50 000 `Candle` objects per tick only to convert them back would dominate a tick,
so our implementations also offer `fetch_series` (same candles, columnar). `fetch_series()` below
uses it when present and falls back to converting `Candle`s for any other `MarketData`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from verzek.ports import Candle, MarketData

_TIMEFRAME_RE = re.compile(r"^(\d+)([smhdw])$")
_UNIT_MS = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}


def timeframe_ms(timeframe: str) -> int:
    """`"5m"` → 300000. Raises ValueError for anything that is not `<n><s|m|h|d|w>`."""
    match = _TIMEFRAME_RE.match(timeframe or "")
    if not match or int(match.group(1)) <= 0:
        raise ValueError(f"invalid timeframe {timeframe!r} (expected e.g. 1m, 5m, 1h, 1d)")
    return int(match.group(1)) * _UNIT_MS[match.group(2)]


@dataclass(frozen=True, eq=False)
class OhlcvSeries:
    """Candles of one symbol as parallel arrays; `ts` = candle open time (epoch ms UTC), ascending."""

    symbol: str
    timeframe: str
    ts: np.ndarray  # int64
    open: np.ndarray  # float64 ...
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    volume: np.ndarray

    def __len__(self) -> int:
        return int(self.ts.shape[0])

    @classmethod
    def from_rows(cls, symbol: str, timeframe: str, rows) -> OhlcvSeries:
        """From `[ts, o, h, l, c, v]` rows (ccxt / recorded JSON); a null volume becomes 0."""
        if len(rows) == 0:
            empty = np.empty(0, dtype=np.float64)
            return cls(symbol, timeframe, np.empty(0, dtype=np.int64), empty, empty, empty, empty, empty)
        arr = np.asarray([[0.0 if x is None else x for x in row[:6]] for row in rows], dtype=np.float64)
        if arr.ndim != 2 or arr.shape[1] != 6:
            raise ValueError(f"{symbol}: OHLCV rows must have 6 columns")
        return cls.from_matrix(symbol, timeframe, arr)

    @classmethod
    def from_matrix(cls, symbol: str, timeframe: str, arr: np.ndarray) -> OhlcvSeries:
        cols = [np.ascontiguousarray(arr[:, i], dtype=np.float64) for i in range(1, 6)]
        return cls(symbol, timeframe, arr[:, 0].astype(np.int64), *cols)

    @classmethod
    def from_candles(cls, symbol: str, timeframe: str, candles: Sequence[Candle]) -> OhlcvSeries:
        rows = [(c.ts, float(c.open), float(c.high), float(c.low), float(c.close), float(c.volume))
                for c in candles]
        return cls.from_rows(symbol, timeframe, rows)

    def slice(self, start: int | None = None, stop: int | None = None) -> OhlcvSeries:
        s = slice(start, stop)
        return OhlcvSeries(self.symbol, self.timeframe, self.ts[s], self.open[s], self.high[s],
                           self.low[s], self.close[s], self.volume[s])

    def tail(self, limit: int) -> OhlcvSeries:
        return self.slice(max(0, len(self) - limit), None) if limit > 0 else self.slice(0, 0)

    def up_to(self, ts_inclusive: int) -> OhlcvSeries:
        """Candles whose open time is ≤ `ts_inclusive`."""
        return self.slice(0, int(np.searchsorted(self.ts, ts_inclusive, side="right")))

    def to_candles(self) -> list[Candle]:
        return [Candle(int(t), to_decimal(o), to_decimal(h), to_decimal(lo), to_decimal(c), to_decimal(v))
                for t, o, h, lo, c, v in zip(self.ts, self.open, self.high, self.low, self.close, self.volume)]


def to_decimal(value: float, significant: int = 10) -> Decimal:
    """A float price as a `Decimal` with at most `significant` significant digits (no binary noise)."""
    if not np.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Decimal(f"{float(value):.{significant}g}")


async def fetch_series(market: MarketData, symbol: str, timeframe: str, limit: int) -> OhlcvSeries:
    """Columnar candles from any `MarketData`; uses the implementation's fast path when it has one."""
    fast = getattr(market, "fetch_series", None)
    if fast is not None:
        return await fast(symbol, timeframe, limit)
    candles = await market.fetch_ohlcv(symbol, timeframe, limit)
    return OhlcvSeries.from_candles(symbol, timeframe, candles)


def resample(series: OhlcvSeries, timeframe: str) -> OhlcvSeries:
    """Aggregate into a larger timeframe (buckets aligned to epoch). Every bucket present in the input
    becomes a candle; callers drop buckets that have not closed yet (see `closed_before`)."""
    target = timeframe_ms(timeframe)
    if len(series) == 0:
        return OhlcvSeries(series.symbol, timeframe, series.ts, series.open, series.high, series.low,
                           series.close, series.volume)
    bucket = series.ts - series.ts % target
    starts = np.flatnonzero(np.r_[True, bucket[1:] != bucket[:-1]])
    ends = np.r_[starts[1:], len(series)] - 1
    return OhlcvSeries(
        series.symbol, timeframe, bucket[starts].astype(np.int64),
        series.open[starts].copy(),
        np.maximum.reduceat(series.high, starts),
        np.minimum.reduceat(series.low, starts),
        series.close[ends].copy(),
        np.add.reduceat(series.volume, starts),
    )


def closed_before(series: OhlcvSeries, now_ms: int) -> OhlcvSeries:
    """Only candles closed at or before `now_ms` (open time + duration ≤ now)."""
    tf = timeframe_ms(series.timeframe)
    return series.slice(0, int(np.searchsorted(series.ts, now_ms - tf, side="right")))


async def fetch_many(market: MarketData, symbols: Sequence[str], timeframe: str, limit: int
                     ) -> dict[str, OhlcvSeries | Exception]:
    """Candles for many symbols concurrently from any `MarketData`; failures map to their exception."""
    import asyncio

    results = await asyncio.gather(*(fetch_series(market, s, timeframe, limit) for s in symbols),
                                   return_exceptions=True)
    return dict(zip(symbols, results))
