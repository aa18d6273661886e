"""The scheduled strategy runner: sub-minute cadences inside one invocation.

EventBridge schedules fire at most once a minute, so one invocation runs several ticks at fixed
offsets from its start: scalping 4 ticks (0/15/30/45 s), QFL 3 (0/20/40 s), ML 2 (0/30 s), trend 1
(its schedule is every 5 minutes). Ticks are anchored to the invocation start (not chained after
the previous tick), so a slow tick shortens the next wait instead of drifting. A tick is skipped
if the Lambda's remaining time cannot fit it (estimated from the slowest tick so far plus a margin);
the next scheduled invocation picks up. Overlapping or repeated ticks are harmless: decisions are a
pure function of closed candles and every signal has a deterministic `external_id`.

Sleep and clock are injected so tests run the cadence without waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from verzek.marketdata.series import OhlcvSeries, fetch_many
from verzek.observability import logger
from verzek.ports import MarketData
from verzek.strategies.base import Strategy
from verzek.strategies.registry import STRATEGY_NAMES, create_strategy

Emit = Callable[[Any], Any]  # receives a verzek.domain.signals.Signal
MARGIN_S = 2.0


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
    setups: int = 0
    emitted: int = 0
    emit_failures: int = 0


@dataclass
class InvocationReport:
    strategy: str
    ticks_planned: int
    ticks: list[TickReport] = field(default_factory=list)
    skipped_ticks: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


async def run_tick(strategy: Strategy, market: MarketData, emit: Emit, symbols: Sequence[str], *,
                   tick: int = 0, offset_s: float = 0.0, clock: Callable[[], float] = time.monotonic
                   ) -> TickReport:
    started = clock()
    fetched = await fetch_many(market, list(symbols), strategy.timeframe, strategy.config.lookback)
    usable: dict[str, OhlcvSeries] = {}
    failures: dict[str, str] = {}
    for symbol, result in fetched.items():
        if isinstance(result, BaseException):
            failures[symbol] = f"{type(result).__name__}: {str(result)[:200]}"
        elif len(result) <= strategy.config.warmup_bars:
            failures[symbol] = f"only {len(result)} closed candles"
        else:
            usable[symbol] = result
    if failures:
        logger.warning("symbols skipped this tick", extra={"strategy": strategy.name, "skipped": failures})
    setups = strategy.evaluate_many(usable)
    report = TickReport(tick, round(offset_s, 3), 0.0, len(symbols), len(usable), failures, len(setups))
    for setup in setups:
        signal = strategy.to_signal(setup, emitted_at_ms=market.now_ms())
        try:
            emit(signal)
            report.emitted += 1
        except Exception:  # noqa: BLE001 - one bad emit must not lose the other symbols' signals
            report.emit_failures += 1
            logger.exception("emit failed", extra={"external_id": signal.external_id})
    report.duration_s = round(clock() - started, 4)
    logger.info("tick done", extra={"strategy": strategy.name, **asdict(report)})
    return report


async def run_invocation(event: Any, *, market: MarketData, emit: Emit,
                         symbols: Sequence[str] | None = None,
                         sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                         clock: Callable[[], float] = time.monotonic,
                         remaining_ms: Callable[[], int] | None = None,
                         strategy: Strategy | None = None) -> InvocationReport:
    """Run the ticks one scheduled invocation owes. `remaining_ms` is the Lambda context's
    `get_remaining_time_in_millis` (None outside Lambda)."""
    parsed = parse_event(event)
    strategy = strategy or create_strategy(parsed.strategy)
    chosen = list(parsed.symbols or symbols or strategy.config.symbols)
    cfg = strategy.config
    report = InvocationReport(strategy.name, cfg.ticks_per_invocation)
    start = clock()
    slowest = 0.0
    for k in range(cfg.ticks_per_invocation):
        wait = start + k * cfg.interval_seconds - clock()
        if wait > 0:
            await sleep(wait)
        if remaining_ms is not None and remaining_ms() / 1000.0 < slowest * 1.5 + MARGIN_S:
            report.skipped_ticks = cfg.ticks_per_invocation - k
            logger.warning("not enough time left for the remaining ticks",
                           extra={"strategy": strategy.name, "skipped": report.skipped_ticks})
            break
        tick = await run_tick(strategy, market, emit, chosen, tick=k, offset_s=clock() - start, clock=clock)
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
                        market: MarketData | None = None, emit: Emit | None = None) -> InvocationReport:
    """What the Lambda handler runs: settings-driven market data and emit, closed afterwards."""
    from verzek.config import get_settings

    settings = get_settings()
    strategy = create_strategy(parse_event(event).strategy)  # a bad event fails before any connection
    own_market = market is None
    market = market or market_from_settings(settings)
    try:
        symbols = settings.house_symbol_list() or None
        if symbols is None and settings.house_market_data == "replay" and hasattr(market, "symbols"):
            symbols = market.symbols(strategy.timeframe)  # replay: whatever was recorded
        return await run_invocation(event, market=market, emit=emit or default_emit(), symbols=symbols,
                                    remaining_ms=remaining_ms, strategy=strategy)
    finally:
        if own_market and hasattr(market, "close"):
            await market.close()
