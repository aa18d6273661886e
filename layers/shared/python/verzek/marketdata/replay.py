"""Replay of recorded candles behind the `MarketData` port, driven by a movable clock.

A strategy asking at clock time `now` gets only candles closed at or before `now` (open time +
timeframe ≤ now): the same guarantee the live port gives, so strategies cannot tell them apart and
cannot peek at the future. Recorded files are freqtrade-style JSON rows `[ts, o, h, l, c, v]`
(optionally gzipped) named `BASE_QUOTE-<tf>.json[.gz]` (futures: `BASE_QUOTE_SETTLE-<tf>-futures`).
A timeframe that was not recorded is aggregated from a smaller recorded one that divides it.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from verzek.marketdata.series import OhlcvSeries, closed_before, resample, timeframe_ms
from verzek.ports import Candle

_FILE_RE = re.compile(
    r"^(?P<pair>[A-Za-z0-9]+_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)?)-(?P<tf>\d+[smhdw])(?:-(?P<kind>[a-z_]+))?"
    r"\.(?:json(?:\.gz)?|feather)$")


class MarketDataError(ValueError):
    """A request the market data source cannot answer (unknown symbol/timeframe, bad limit)."""


class ManualClock:
    """A clock that only moves when told to (tests, backtests)."""

    def __init__(self, now_ms: int) -> None:
        self._now = int(now_ms)

    def __call__(self) -> int:
        return self._now

    def set(self, now_ms: int) -> None:
        self._now = int(now_ms)

    def advance(self, ms: int) -> None:
        self._now += int(ms)


class AcceleratedClock:
    """Replay time running `speed` × faster than the wall clock, from `start_ms` (local stack)."""

    def __init__(self, start_ms: int, speed: float = 1.0, wall: Callable[[], float] = time.monotonic) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._start_ms, self._speed, self._wall = int(start_ms), float(speed), wall
        self._wall0 = wall()

    def __call__(self) -> int:
        return self._start_ms + int((self._wall() - self._wall0) * 1000 * self._speed)


def symbol_from_filename(name: str) -> tuple[str, str] | None:
    """`ADA_BTC-5m.json.gz` → ("ADA/BTC", "5m"); `XRP_USDT_USDT-1h-futures.json` → ("XRP/USDT:USDT", "1h").
    Mark-price and funding-rate files (not tradable candles) give None."""
    match = _FILE_RE.match(name)
    if not match or match.group("kind") not in (None, "futures"):
        return None
    parts = match.group("pair").upper().split("_")
    symbol = f"{parts[0]}/{parts[1]}" + (f":{parts[2]}" if len(parts) == 3 else "")
    return symbol, match.group("tf")


def load_recorded_file(path: Path) -> OhlcvSeries:
    parsed = symbol_from_filename(path.name)
    if parsed is None:
        raise MarketDataError(f"{path.name}: not a recorded candle file "
                              "(expected BASE_QUOTE-<tf>.json[.gz] or freqtrade's .feather)")
    if path.name.endswith(".feather"):
        return _load_feather(path, *parsed)
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    try:
        rows = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MarketDataError(f"{path.name}: invalid JSON ({exc.msg})") from None
    if not isinstance(rows, list):
        raise MarketDataError(f"{path.name}: expected a JSON array of [ts, o, h, l, c, v] rows")
    series = OhlcvSeries.from_rows(parsed[0], parsed[1], rows)
    if len(series) > 1 and not np.all(np.diff(series.ts) > 0):
        raise MarketDataError(f"{path.name}: timestamps are not strictly ascending")
    return series


def _feather_columns(path: Path) -> tuple[np.ndarray, list[np.ndarray]]:
    """freqtrade's .feather candles (Arrow IPC; `date` = open time, tz-aware UTC, ns or ms unit):
    (open times in epoch ms, [open, high, low, close, volume]). Needs pyarrow (the `tools` extra:
    backtests and training only)."""
    try:
        import pyarrow as pa
        from pyarrow import feather
    except ImportError:
        raise MarketDataError(f"{path.name}: reading .feather needs pyarrow (pip install '.[tools]')") from None
    table = feather.read_table(path)
    missing = {"date", "open", "high", "low", "close", "volume"} - set(table.column_names)
    if missing:
        raise MarketDataError(f"{path.name}: missing columns {sorted(missing)}")
    # normalise the unit first (the shared set has both ns and ms files), then epoch ms
    ts = np.asarray(table.column("date").cast(pa.timestamp("ms", tz="UTC")).cast(pa.int64()), dtype=np.int64)
    return ts, [np.asarray(table.column(c), dtype=np.float64) for c in ("open", "high", "low", "close", "volume")]


def feather_rows(path: Path) -> list[list]:
    """A .feather file as `[ts, o, h, l, c, v]` rows (floats), like the recorded JSON."""
    ts, cols = _feather_columns(path)
    return [[t, *vals] for t, *vals in zip(ts.tolist(), *(c.tolist() for c in cols), strict=True)]


def _load_feather(path: Path, symbol: str, timeframe: str) -> OhlcvSeries:
    ts, cols = _feather_columns(path)
    series = OhlcvSeries(symbol, timeframe, ts, *cols)
    if len(series) > 1 and not np.all(np.diff(series.ts) > 0):
        raise MarketDataError(f"{path.name}: timestamps are not strictly ascending")
    return series


def sample_dir() -> Path:
    """The legacy 2018 BTC-quoted spot sample bundled with the package (tests, ML fixtures; sample/README.md)."""
    return Path(str(resources.files("verzek.marketdata") / "sample"))


def usdt_sample_dir() -> Path:
    """The Binance USDT-M futures sample `verzek local` replays by default (see usdt/README.md):
    candles, 1h mark-price candles and funding events."""
    return Path(str(resources.files("verzek.marketdata") / "usdt"))


def candle_files(directory: Path) -> list[Path]:
    """The tradable candle files of a recorded-data directory (mark and funding files excluded)."""
    return sorted(f for f in Path(directory).iterdir() if symbol_from_filename(f.name))


def load_funding_rates(directory: Path) -> dict[str, list[tuple[int, float]]]:
    """Funding events `{symbol: [(funding_time_ms, rate), ...]}` from `*-funding_rate.json[.gz]` files
    (freqtrade layout: the rate is in the `open` column; one row per event)."""
    out: dict[str, list[tuple[int, float]]] = {}
    for f in sorted(Path(directory).iterdir()):
        match = _FILE_RE.match(f.name)
        if not match or match.group("kind") != "funding_rate":
            continue
        parts = match.group("pair").upper().split("_")
        symbol = f"{parts[0]}/{parts[1]}" + (f":{parts[2]}" if len(parts) == 3 else "")
        if f.name.endswith(".feather"):
            rows = feather_rows(f)
        else:
            raw = f.read_bytes()
            rows = json.loads(gzip.decompress(raw) if f.name.endswith(".gz") else raw)
        out[symbol] = [(int(r[0]), float(r[1])) for r in rows]
    return out


class ReplayMarketData:
    """`MarketData` over recorded series; time comes from `clock()` (epoch ms)."""

    def __init__(self, series: Iterable[OhlcvSeries], clock: Callable[[], int]) -> None:
        self._recorded: dict[str, dict[str, OhlcvSeries]] = {}
        for s in series:
            self._recorded.setdefault(s.symbol, {})[s.timeframe] = s
        self._derived: dict[tuple[str, str], OhlcvSeries] = {}
        self.clock = clock

    @classmethod
    def from_files(cls, paths: Sequence[Path | str], clock: Callable[[], int] | None = None
                   ) -> ReplayMarketData:
        files: list[Path] = []
        for p in map(Path, paths):
            if p.is_dir():
                files += candle_files(p)
            elif p.is_file():
                files.append(p)
            else:
                raise MarketDataError(f"{p}: no such file or directory")
        if not files:
            raise MarketDataError("no recorded candle files found")
        market = cls([load_recorded_file(f) for f in files], clock or ManualClock(0))
        if clock is None:  # default: the end of the recording (everything visible)
            market.clock = ManualClock(market.time_range()[1])
        return market

    @classmethod
    def from_sample(cls, clock: Callable[[], int] | None = None) -> ReplayMarketData:
        return cls.from_files([sample_dir()], clock)

    @classmethod
    def from_mapping(cls, data: Mapping[str, OhlcvSeries], clock: Callable[[], int]) -> ReplayMarketData:
        return cls(data.values(), clock)

    def coverage(self) -> str:
        """One line for banners and messages: which symbols (timeframes) and which period."""
        first, last = self.time_range()
        fmt = "%Y-%m-%d %H:%M"
        pairs = ", ".join(f"{s} ({'/'.join(sorted(tfs, key=timeframe_ms))})" for s, tfs in sorted(self._recorded.items()))
        return (f"{pairs}; {time.strftime(fmt, time.gmtime(first / 1000))} → "
                f"{time.strftime(fmt, time.gmtime(last / 1000))} UTC")

    def symbols(self, timeframe: str | None = None) -> list[str]:
        return sorted(s for s in self._recorded
                      if timeframe is None or self._source_timeframe(s, timeframe) is not None)

    def time_range(self) -> tuple[int, int]:
        """(earliest candle open, latest candle close) over all recorded series, epoch ms."""
        firsts, lasts = [], []
        for by_tf in self._recorded.values():
            for tf, s in by_tf.items():
                if len(s):
                    firsts.append(int(s.ts[0]))
                    lasts.append(int(s.ts[-1]) + timeframe_ms(tf))
        if not firsts:
            raise MarketDataError("no candles recorded")
        return min(firsts), max(lasts)

    def now_ms(self) -> int:
        return int(self.clock())

    def _source_timeframe(self, symbol: str, timeframe: str) -> str | None:
        by_tf = self._recorded.get(symbol, {})
        if timeframe in by_tf:
            return timeframe
        want = timeframe_ms(timeframe)
        divisors = [tf for tf in by_tf if want % timeframe_ms(tf) == 0]
        return max(divisors, key=timeframe_ms) if divisors else None

    def full_series(self, symbol: str, timeframe: str) -> OhlcvSeries:
        """The whole recording at `timeframe` (ignores the clock: for backtests and training only)."""
        if symbol not in self._recorded:
            raise MarketDataError(f"unknown symbol {symbol!r}")
        source_tf = self._source_timeframe(symbol, timeframe)
        if source_tf is None:
            raise MarketDataError(f"{symbol}: no recorded candles at or below {timeframe} that divide it")
        if source_tf == timeframe:
            return self._recorded[symbol][timeframe]
        key = (symbol, timeframe)
        if key not in self._derived:
            self._derived[key] = resample(self._recorded[symbol][source_tf], timeframe)
        return self._derived[key]

    async def fetch_series(self, symbol: str, timeframe: str, limit: int) -> OhlcvSeries:
        if not isinstance(limit, int) or limit <= 0:
            raise MarketDataError("limit must be a positive integer")
        return closed_before(self.full_series(symbol, timeframe), self.now_ms()).tail(limit)

    async def fetch_ohlcv(self, symbol: str, timeframe: str, limit: int) -> Sequence[Candle]:
        return (await self.fetch_series(symbol, timeframe, limit)).to_candles()
