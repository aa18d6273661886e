"""The scheduled strategy runner: one decision per closed candle, taken right after the close.

A house strategy decides on closed candles of its timeframe, so there is nothing new to decide
between two closes. EventBridge invokes the runner once a minute per strategy; an invocation ticks
at each candle close of the strategy's timeframe that falls inside its minute, `close_delay_seconds`
after the close (so the exchange has published the closed candle): a 1m strategy ticks once per
invocation, a 5m strategy in one invocation out of five (the others return at once).

Each tick decides only candles newer than the strategy's cursor for that symbol
(`verzek.strategies.cursors`): polling the same closed candle again is not a new decision and
emits nothing. Candles that earlier ticks missed (a late or skipped invocation, an exchange that had
not yet published the close) are decided by the next tick, up to `catchup_bars` back; older ones are
counted as `missed_candles`. Ticks are anchored to the invocation start (a slow tick shortens the
next wait instead of drifting); a tick the Lambda's remaining time cannot fit (the slowest tick so
far × 1.5 + a margin) is skipped and its candle decided by the next tick.

Sleep and clock are injected so tests run the cadence without waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from verzek.marketdata.series import OhlcvSeries, fetch_many, timeframe_ms
from verzek.observability import logger
from verzek.ports import MarketData
from verzek.strategies.base import Strategy
from verzek.strategies.cursors import DecisionCursors, MemoryDecisionCursors
from verzek.strategies.registry import STRATEGY_NAMES, create_strategy

Emit = Callable[[Any], Any]  # receives a verzek.domain.signals.Signal
MARGIN_S = 2.0
SCHEDULE_SECONDS = 60  # EventBridge's finest rate: every strategy's schedule is rate(1 minute)


class RunnerEvent(BaseModel):
    """The schedule's Input: `{"strategy": "scalping"}` (optionally a symbol list, for operators)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    strategy: str
    symbols: tuple[str, ...] | None = Field(None, min_length=1, max_length=500)


class RunnerEventError(ValueError):
    pass


def parse_event(event: Any) -> RunnerEvent:
    if not isinstance(event, dict):
        raise RunnerEventError("event must be a JSON object like {\"strategy\": \"scalping\"}")
    try:
        parsed = RunnerEvent.model_validate(event)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RunnerEventError(f"invalid event: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    if parsed.strategy not in STRATEGY_NAMES:
        raise RunnerEventError(f"unknown strategy {parsed.strategy!r}; known: {', '.join(STRATEGY_NAMES)}")
    return parsed


@dataclass
class TickReport:
    tick: int
    offset_s: float  # when the tick started, relative to the invocation start
    duration_s: float
    symbols: int
    fetched: int
    fetch_failures: dict[str, str] = field(default_factory=dict)
    decided: int = 0  # symbols with a closed candle newer than their cursor
    unchanged: int = 0  # symbols whose newest closed candle was already decided: nothing to do
    candles_decided: int = 0
    missed_candles: int = 0  # closed candles older than the catch-up window, never decided
    setups: int = 0
    emitted: int = 0
    emit_failures: int = 0


@dataclass
class InvocationReport:
    strategy: str
    ticks_planned: int
    ticks: list[TickReport] = field(default_factory=list)
    skipped_ticks: int = 0
    disabled: bool = False  # disabled by default and not enabled by HOUSE_STRATEGIES_ENABLED: nothing ran

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def close_tick_offsets(now_ms: int, timeframe: str, delay_s: float, window_s: float = SCHEDULE_SECONDS
                       ) -> list[float]:
    """Seconds from `now_ms` to each `close + delay` of a `timeframe` candle inside [now, now + window)."""
    tf = timeframe_ms(timeframe)
    delay_ms = round(delay_s * 1000)
    close = -(-(now_ms - delay_ms) // tf) * tf  # the first close with close + delay ≥ now
    offsets = []
    while close + delay_ms < now_ms + window_s * 1000:
        offsets.append((close + delay_ms - now_ms) / 1000.0)
        close += tf
    return offsets


async def run_tick(strategy: Strategy, market: MarketData, emit: Emit, symbols: Sequence[str], *,
                   cursors: DecisionCursors | None = None, tick: int = 0, offset_s: float = 0.0,
                   clock: Callable[[], float] = time.monotonic) -> TickReport:
    """Fetch, decide the candles closed since each symbol's cursor, emit, advance the cursors.
    Without `cursors`, only the newest closed candle is decided (and nothing is remembered)."""
    started = clock()
    cfg = strategy.config
    fetched = await fetch_many(market, list(symbols), strategy.timeframe, cfg.lookback)
    usable: dict[str, OhlcvSeries] = {}
    failures: dict[str, str] = {}
    for symbol, result in fetched.items():
        if isinstance(result, BaseException):
            failures[symbol] = f"{type(result).__name__}: {str(result)[:200]}"
        elif len(result) <= cfg.warmup_bars:
            failures[symbol] = f"only {len(result)} closed candles"
        else:
            usable[symbol] = result
    if failures:
        logger.warning("symbols skipped this tick", extra={"strategy": strategy.name, "skipped": failures})
    report = TickReport(tick, round(offset_s, 3), 0.0, len(symbols), len(usable), failures)
    known = cursors.load(strategy.name, strategy.timeframe, sorted(usable)) if cursors is not None else {}
    fresh: dict[str, OhlcvSeries] = {}
    starts: dict[str, int] = {}
    for symbol, series in usable.items():
        last = len(series) - 1
        if symbol not in known:
            start = last
        else:
            first_new = int(np.searchsorted(series.ts, known[symbol], side="right"))
            if first_new > last:
                report.unchanged += 1
                continue
            start = max(first_new, last + 1 - cfg.catchup_bars)
            report.missed_candles += start - first_new
        fresh[symbol], starts[symbol] = series, start
        report.candles_decided += last + 1 - start
    report.decided = len(fresh)
    setups = strategy.evaluate_many(fresh, starts)
    report.setups = len(setups)
    failed: set[str] = set()
    for setup in setups:
        signal = strategy.to_signal(setup, emitted_at_ms=market.now_ms())
        try:
            emit(signal)
            report.emitted += 1
        except Exception:  # noqa: BLE001 - one bad emit must not lose the other symbols' signals
            report.emit_failures += 1
            failed.add(setup.symbol)
            logger.exception("emit failed", extra={"external_id": signal.external_id})
    if cursors is not None:
        # a symbol whose emit failed keeps its cursor: the next tick decides that candle again
        cursors.advance(strategy.name, strategy.timeframe,
                        {s: int(series.ts[-1]) for s, series in fresh.items() if s not in failed})
    report.duration_s = round(clock() - started, 4)
    logger.info("tick done", extra={"strategy": strategy.name, **asdict(report)})
    return report


async def run_invocation(event: Any, *, market: MarketData, emit: Emit,
                         symbols: Sequence[str] | None = None,
                         sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                         clock: Callable[[], float] = time.monotonic,
                         remaining_ms: Callable[[], int] | None = None,
                         strategy: Strategy | None = None,
                         cursors: DecisionCursors | None = None) -> InvocationReport:
    """Run the ticks one scheduled invocation owes: one per candle close in the coming minute.
    `remaining_ms` is the Lambda context's `get_remaining_time_in_millis` (None outside Lambda);
    `cursors` defaults to a fresh in-memory set (nothing remembered across invocations)."""
    parsed = parse_event(event)
    strategy = strategy or create_strategy(parsed.strategy)
    cursors = cursors if cursors is not None else MemoryDecisionCursors()
    chosen = list(parsed.symbols or symbols or strategy.config.symbols)
    cfg = strategy.config
    offsets = close_tick_offsets(market.now_ms(), strategy.timeframe, cfg.close_delay_seconds)
    report = InvocationReport(strategy.name, len(offsets))
    start = clock()
    slowest = 0.0
    for k, offset in enumerate(offsets):
        wait = start + offset - clock()
        if wait > 0:
            await sleep(wait)
        if remaining_ms is not None and remaining_ms() / 1000.0 < slowest * 1.5 + MARGIN_S:
            report.skipped_ticks = len(offsets) - k
            logger.warning("not enough time left for the remaining ticks",
                           extra={"strategy": strategy.name, "skipped": report.skipped_ticks})
            break
        tick = await run_tick(strategy, market, emit, chosen, cursors=cursors, tick=k,
                              offset_s=clock() - start, clock=clock)
        slowest = max(slowest, tick.duration_s)
        report.ticks.append(tick)
    return report


def market_from_settings(settings=None) -> MarketData:
    """HOUSE_MARKET_DATA=ccxt (public candles from HOUSE_EXCHANGE) or replay (the bundled sample)."""
    from verzek.config import get_settings

    settings = settings or get_settings()
    if settings.house_market_data == "replay":
        from verzek.marketdata.replay import ReplayMarketData

        return ReplayMarketData.from_sample()
    if settings.house_market_data != "ccxt":
        raise ValueError(f"HOUSE_MARKET_DATA must be ccxt or replay, not {settings.house_market_data!r}")
    from verzek.marketdata.ccxt_live import CcxtMarketData

    return CcxtMarketData(settings.house_exchange)


def default_cursors() -> DecisionCursors:
    """The cursors in PostgreSQL: Lambda invocations share nothing else."""
    from verzek.strategies.cursors import PgDecisionCursors

    return PgDecisionCursors()


def default_emit() -> Emit:
    """The shared ingest path (`verzek.signals.ingest.ingest_signal`) when it is deployed; until then,
    signals are logged so the runner is observable end to end."""
    try:
        from verzek.signals.ingest import ingest_signal  # written by the signals/ingest owner
    except ImportError:
        def log_only(signal) -> None:
            logger.warning("ingest module unavailable: signal logged only",
                           extra={"external_id": signal.external_id, "symbol": signal.symbol,
                                  "side": signal.side.value, "entries": [str(e) for e in signal.entries],
                                  "targets": [str(t) for t in signal.targets], "stop": str(signal.stop_loss)})
        return log_only
    return ingest_signal


async def run_scheduled(event: Any, *, remaining_ms: Callable[[], int] | None = None,
                        market: MarketData | None = None, emit: Emit | None = None,
                        cursors: DecisionCursors | None = None) -> InvocationReport:
    """What the Lambda handler runs: settings-driven market data and emit, closed afterwards."""
    from verzek.config import get_settings

    settings = get_settings()
    strategy = create_strategy(parse_event(event).strategy)  # a bad event fails before any connection
    if not settings.house_strategy_enabled(strategy.name, strategy.config.enabled):
        logger.info("strategy disabled by default (HOUSE_STRATEGIES_ENABLED does not name it)",
                    extra={"strategy": strategy.name})
        return InvocationReport(strategy.name, 0, disabled=True)
    own_market = market is None
    market = market or market_from_settings(settings)
    try:
        symbols = settings.house_symbol_list() or None
        if symbols is None and settings.house_market_data == "replay" and hasattr(market, "symbols"):
            symbols = market.symbols(strategy.timeframe)  # replay: whatever was recorded
        return await run_invocation(event, market=market, emit=emit or default_emit(), symbols=symbols,
                                    remaining_ms=remaining_ms, strategy=strategy,
                                    cursors=cursors if cursors is not None else default_cursors())
    finally:
        if own_market and hasattr(market, "close"):
            await market.close()
