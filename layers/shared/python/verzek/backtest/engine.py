"""Backtest: a house strategy over recorded candles, traded by the real execution engine in paper mode.

The run is what a paper-trading user following the strategy would experience, on the same code:

* a scratch PostgreSQL database (see `verzek.backtest.scratch`) holds one backtest user whose
  `trading_settings` row carries the run's settings (size, TP split, breakeven, DCA, position cap)
  and who follows only this strategy's source; the PAPER_* settings carry fees, slippage and the
  start balance;
* time is a `ManualClock` over the recorded candles (`RecordedPrices`), so the paper exchange and
  the monitor only ever see candles closed by "now";
* at each candle close t, in timeline order: `run_monitor` advances the open positions (fills, TP
  ladder, breakeven, stops — `PositionEngine.advance`), then every setup the strategy decided at
  that close goes through `ingest_signal` (safety rules, dedup, fan-out) which yields one
  `ExecuteSignalJob` for the user, handled by the real `Executor` (risk checks, planner, orders);
* equity is read back from the positions after every candle: start balance + realised PnL − fees
  + unrealised PnL at the close.

The strategy decides with candles ≤ t only (its `scan` is causal per bar, tested with the
strategies); orders placed at t fill from the next candle on. No randomness, no wall clock in the
report: the same inputs give byte-identical JSON. Positions still open when the data ends are
marked to market at the last close (no exit fee; counted in `open_at_end`).
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Context, Decimal, localcontext
from typing import TextIO

import numpy as np

from verzek.marketdata.series import OhlcvSeries, timeframe_ms
from verzek.strategies.base import Strategy

YEAR_MS = 365 * 24 * 3_600_000
ZERO = Decimal(0)
BACKTEST_EMAIL = "backtest@verzek.invalid"


@dataclass(frozen=True)
class BacktestSettings:
    """The backtest user's trading settings and the paper account's fees (None: the PAPER_* setting)."""

    start_balance: Decimal = Decimal(10000)
    size_pct: Decimal = Decimal(10)  # of the free balance per trade
    max_open_positions: int = 5
    tp_split: tuple[Decimal, ...] = (Decimal(50), Decimal(30), Decimal(20))
    breakeven_after_tp: int | None = 1
    dca_safety_orders: int = 0
    dca_step_pct: Decimal = Decimal(2)
    dca_volume_scale: Decimal = Decimal("1.5")
    maker_fee_pct: Decimal | None = None
    taker_fee_pct: Decimal | None = None
    slippage_pct: Decimal | None = None

    def resolved(self) -> BacktestSettings:
        """Fees/slippage left unset take the PAPER_* settings of the environment."""
        from dataclasses import replace

        from verzek.config import get_settings

        paper = get_settings()

        def fee(setting: str) -> Decimal | None:  # None: each market's own recorded fee (PAPER_*_FEE_PCT=market)
            return None if setting == "market" else Decimal(str(setting))

        return replace(
            self,
            maker_fee_pct=fee(paper.paper_maker_fee_pct) if self.maker_fee_pct is None else self.maker_fee_pct,
            taker_fee_pct=fee(paper.paper_taker_fee_pct) if self.taker_fee_pct is None else self.taker_fee_pct,
            slippage_pct=Decimal(str(paper.paper_slippage_pct)) if self.slippage_pct is None else self.slippage_pct)

    def as_report(self) -> dict:
        return {"start_balance": str(self.start_balance), "size_pct": str(self.size_pct),
                "max_open_positions": self.max_open_positions, "tp_split": [str(x) for x in self.tp_split],
                "breakeven_after_tp": self.breakeven_after_tp, "dca_safety_orders": self.dca_safety_orders,
                "dca_step_pct": str(self.dca_step_pct), "dca_volume_scale": str(self.dca_volume_scale),
                "maker_fee_pct": "market" if self.maker_fee_pct is None else str(self.maker_fee_pct),
                "taker_fee_pct": "market" if self.taker_fee_pct is None else str(self.taker_fee_pct),
                "slippage_pct": str(self.slippage_pct)}


@dataclass
class BacktestResult:
    report: dict
    equity_ts: np.ndarray
    equity: np.ndarray
    buy_hold: np.ndarray
    trades: list[dict] = field(default_factory=list)  # one per position that filled, in signal order
    # position steps the monitor ran, and those skipped on quiet candles (not in the report: the same
    # report comes out either way)
    monitor_steps: dict[str, int] = field(default_factory=dict)


class _JobCollector:
    """The execution queue as ingest sees it: jobs are kept and handled right after, in order."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []

    def send(self, body: dict, *, dedupe_key: str) -> None:
        self.bodies.append(body)

    def drain(self) -> list[dict]:
        bodies, self.bodies = self.bodies, []
        return bodies


def _quote(symbol: str) -> str:
    return symbol.split("/")[1].split(":")[0]


def _prepare(strategy: Strategy, series_list: Sequence[OhlcvSeries], from_ms: int | None, to_ms: int | None,
             setups: Sequence | None = None):
    """Windows to trade, the full series up to `to` (indicator warm-up before `from`), and the
    setups decided inside the window, keyed by the close time of their decision candle (`setups`
    given: those, e.g. a baseline's, instead of the strategy's own scan)."""
    tf_ms = timeframe_ms(strategy.timeframe)
    lo = from_ms if from_ms is not None else -math.inf
    hi = to_ms if to_ms is not None else math.inf
    setups_at: dict[int, list] = {}
    windows: dict[str, OhlcvSeries] = {}
    fulls: dict[str, OhlcvSeries] = {}
    for series in sorted(series_list, key=lambda s: s.symbol):
        full = series.up_to(int(hi) - tf_ms) if math.isfinite(hi) else series
        start = int(np.searchsorted(full.ts, lo, side="left")) if math.isfinite(lo) else 0
        window = full.slice(start, None)
        if len(window) == 0:
            continue
        windows[series.symbol], fulls[series.symbol] = window, full
        if setups is None:
            for setup in strategy.scan(full, start=start):
                setups_at.setdefault(setup.decided_at_ms, []).append(setup)
    if not windows:
        raise ValueError("no candles inside the requested period")
    if setups is not None:
        first, last = min(int(w.ts[0]) for w in windows.values()), max(int(w.ts[-1]) for w in windows.values())
        for setup in sorted(setups, key=lambda x: (x.decided_at_ms, x.symbol, x.external_id)):
            if setup.symbol in windows and first <= setup.candle_ts <= last:
                setups_at.setdefault(setup.decided_at_ms, []).append(setup)
    return windows, fulls, setups_at, tf_ms


def _recorded_prices(fulls: dict[str, OhlcvSeries], timeframe: str):
    from verzek.execution.paper import RecordedPrices

    prices = RecordedPrices()
    for symbol, s in fulls.items():
        # float → shortest repr → Decimal: the recorded decimal text comes back exactly
        rows = zip(s.ts.tolist(), s.open.tolist(), s.high.tolist(), s.low.tolist(), s.close.tolist(),
                   s.volume.tolist(), strict=True)
        prices.add(symbol, timeframe, rows)
    return prices


def _paper_env(settings: BacktestSettings, dsn: str) -> dict[str, str | None]:
    return {
        "DATABASE_URL": dsn,
        "PAPER_START_BALANCE": str(settings.start_balance),
        "PAPER_MAKER_FEE_PCT": "market" if settings.maker_fee_pct is None else str(settings.maker_fee_pct),
        "PAPER_TAKER_FEE_PCT": "market" if settings.taker_fee_pct is None else str(settings.taker_fee_pct),
        "PAPER_SLIPPAGE_PCT": str(settings.slippage_pct),
        # a backtest trades nobody's money and talks to nobody: no kill switch from the environment,
        # no broadcasts, no queue nudges
        "GLOBAL_KILL_SWITCH": "false",
        "TELEGRAM_VIP_CHAT_ID": None,
        "TELEGRAM_TRIAL_CHAT_ID": None,
        "BROADCAST_QUEUE_URL": None,
        "EXECUTION_QUEUE_URL": None,
    }


def _create_user(strategy: Strategy, settings: BacktestSettings) -> int:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, '!') RETURNING id", (BACKTEST_EMAIL,))
        user_id = cur.fetchone()["id"]
        cur.execute(
            "INSERT INTO trading_settings (user_id, auto_trade, mode, size_type, size_value, max_open_positions, "
            "tp_split, breakeven_after_tp, dca_enabled, dca_safety_orders, dca_step_pct, dca_volume_scale, "
            "skip_if_tp_or_sl_hit, follow_sources) "
            "VALUES (%s, true, 'paper', 'percent', %s, %s, %s::numeric[], %s, %s, %s, %s, %s, true, %s)",
            (user_id, settings.size_pct, settings.max_open_positions, list(settings.tp_split),
             settings.breakeven_after_tp, settings.dca_safety_orders > 0, settings.dca_safety_orders,
             settings.dca_step_pct, settings.dca_volume_scale, [strategy.source.value]))
    return user_id


_SNAPSHOT_SQL = """
SELECT COALESCE(sum(realized_pnl - fees + funding + unrealized_pnl), 0) AS pnl,
       COALESCE(bool_or(status IN ('open', 'closing') AND filled_amount > closed_amount), false) AS exposed,
       COALESCE(bool_or(status IN ('pending', 'open', 'closing')), false) AS live,
       count(*) FILTER (WHERE filled_amount > 0) AS trades
FROM positions WHERE user_id = %s
"""


def _snapshot(user_id: int, quiet_candles=None) -> tuple[Decimal, bool, bool, int]:
    """The equity figures, read in autocommit after `quiet_candles`' pending bookkeeping (same round trip)."""
    from verzek.db import connection

    with connection() as conn:
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                ahead = quiet_candles.pending_sql(cur) if quiet_candles is not None else b""
                cur.execute(ahead + cur.mogrify(_SNAPSHOT_SQL, (user_id,)))
                row = cur.fetchone()
        finally:
            conn.autocommit = False
    return row["pnl"], row["exposed"], row["live"], row["trades"]


def _progress_bar(total: int, enabled: bool | None, file: TextIO | None):
    """tqdm over the bars: simulated time and trades as its postfix, rate and ETA from tqdm.
    `enabled` None: only on a terminal (a redirected or captured run stays quiet)."""
    from tqdm import tqdm

    return tqdm(total=total, unit="bar", desc="backtest", file=file or sys.stderr, dynamic_ncols=True,
                disable=None if enabled is None else not enabled, mininterval=0.25, leave=True)


@dataclass
class _Run:
    equity: np.ndarray
    exposed: np.ndarray
    ingested: dict[str, int]
    pnl: Decimal
    monitor_steps: dict[str, int]


def _drive(strategy: Strategy, windows, prices, setups_at, tf_ms: int, settings: BacktestSettings, *,
           progress: bool | None = None, progress_file: TextIO | None = None, every_bar: bool = False) -> _Run:
    """The candle-by-candle loop against the real engine (inside the scratch database)."""
    from verzek.backtest.quiet import QuietCandles
    from verzek.db import get_pool
    from verzek.domain.jobs import parse_job
    from verzek.execution.executor import Executor
    from verzek.execution.monitor import run_monitor
    from verzek.execution.venues import VenueProvider
    from verzek.marketdata.replay import ManualClock
    from verzek.signals.ingest import ingest_signal

    # verzek.db's pool is created with minconn=0, and psycopg2 then closes every connection it gets
    # back: one new connection per transaction. A backtest makes tens of thousands of them, so this
    # run's pool (on the scratch database, dropped afterwards) keeps its connections.
    pool = get_pool()
    pool.minconn = pool.maxconn
    user_id = _create_user(strategy, settings)
    timeline = np.unique(np.concatenate([w.ts for w in windows.values()]))
    clock = ManualClock(int(timeline[0]))
    venues = VenueProvider(paper_prices=prices, clock=clock)
    executor = Executor(venues)
    queue = _JobCollector()
    quiet_candles = None if every_bar else QuietCandles(venues, user_id)
    equity = np.empty(len(timeline))
    exposed = np.zeros(len(timeline), dtype=bool)
    ingested: dict[str, int] = {}
    pnl, live, trades, monitored = ZERO, False, 0, 0
    bar = _progress_bar(len(timeline), progress, progress_file)
    for k, ts in enumerate(timeline.tolist()):
        close_ms = ts + tf_ms
        clock.set(close_ms)
        quiet_bar = False
        if live:
            if quiet_candles is None:
                monitored += run_monitor(venues, engine=executor.engine)["checked"]
            else:
                due, delta = quiet_candles.step(close_ms)
                if due:
                    quiet_candles.flush({row["id"] for row in due})  # their rows before their steps
                    monitored += run_monitor(venues, engine=executor.engine, positions=due)["checked"]
                    quiet_candles.changed()  # the positions are read again before the next candle
                else:  # nothing ran: only the open positions' unrealised PnL moved
                    quiet_bar = True
                    with localcontext(Context(prec=80)):  # exact, as PostgreSQL's sum of numeric(38, 18)
                        pnl += delta
        setups = setups_at.get(close_ms, ())
        if setups and quiet_candles is not None:
            quiet_candles.flush()
            quiet_candles.changed()
        for setup in setups:  # sorted by symbol already: a deterministic order
            signal = strategy.to_signal(setup, emitted_at_ms=close_ms)
            result = ingest_signal(signal, queue=queue, now=datetime.fromtimestamp(close_ms / 1000, tz=UTC))
            ingested[result.status] = ingested.get(result.status, 0) + 1
            for body in queue.drain():
                executor.handle(parse_job(body))
        if setups or (live and not quiet_bar):
            if quiet_candles is None:
                pnl, exposed[k], live, trades = _snapshot(user_id)
            else:  # with the positions the next candle's step needs, in the same round trip
                row = quiet_candles.snapshot(_SNAPSHOT_SQL)
                pnl, exposed[k], live, trades = row["pnl"], row["exposed"], row["live"], row["trades"]
        elif quiet_bar:
            exposed[k] = exposed[k - 1]  # no fill, no status change: as at the last snapshot
        equity[k] = float(settings.start_balance + pnl)
        if not bar.disable:
            bar.set_postfix_str(f"{datetime.fromtimestamp(close_ms / 1000, tz=UTC):%Y-%m-%d %H:%M} UTC, "
                                f"{trades} trades", refresh=False)
            bar.update()
    bar.close()
    if quiet_candles is not None:
        quiet_candles.flush()
    steps = {"advanced": monitored, "skipped_quiet": quiet_candles.quiet if quiet_candles is not None else 0}
    return _Run(equity, exposed, ingested, pnl, steps)


_POSITIONS_SQL = """
SELECT s.external_id, s.symbol, p.side, p.status, p.close_reason, p.plan = '{}'::jsonb AS skipped,
       p.filled_amount, p.entry_price, p.realized_pnl, p.fees, p.funding, p.unrealized_pnl, p.tp_hits,
       p.breakeven_moved,
       p.opened_at, p.closed_at
FROM positions p JOIN signals s ON s.id = p.signal_id
ORDER BY s.posted_at, s.symbol, s.external_id
"""


def _positions() -> list[dict]:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute(_POSITIONS_SQL)
        return list(cur.fetchall())


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_backtest(strategy: Strategy, series_list: Sequence[OhlcvSeries], *, from_ms: int | None = None,
                 to_ms: int | None = None, settings: BacktestSettings = BacktestSettings(),
                 quiet: bool = True, funding_from: Sequence = (), setups: Sequence | None = None,
                 progress: bool | None = None, progress_file: TextIO | None = None,
                 every_bar: bool = False) -> BacktestResult:
    """Backtest `strategy` on the series (one quote currency) through the real paper engine.
    `funding_from`: folders whose recorded funding events and mark prices the paper account charges
    futures positions with (`*-funding_rate.json[.gz]`, `*-mark.json[.gz]`).
    `setups`: trade these decisions (a baseline's, or walk-forward models') instead of the strategy's scan.
    `progress`: a progress bar (simulated time, trades, ETA) on `progress_file` (stderr); None shows
    it only when that is a terminal.
    `every_bar`: run the monitor at every candle close, also where no position's price level was
    reached (the same result, slower: see `verzek.backtest.quiet`)."""
    from verzek.backtest.scratch import scoped_env, scratch_database
    from verzek.observability import logger

    if not series_list:
        raise ValueError("no candle series to backtest")
    quotes = {_quote(s.symbol) for s in series_list}
    if len(quotes) != 1:
        raise ValueError(f"all symbols must share one quote currency for one equity curve, got {sorted(quotes)}")
    settings = settings.resolved()
    windows, fulls, setups_at, tf_ms = _prepare(strategy, series_list, from_ms, to_ms, setups)
    prices = _recorded_prices(fulls, strategy.timeframe)
    for folder in funding_from:
        prices.add_funding_files(folder)

    level = logger.log_level
    if quiet:  # one log line per job and position tick would drown the summary
        logger.setLevel(logging.ERROR)
    try:
        with scratch_database() as dsn, scoped_env(_paper_env(settings, dsn)):
            run = _drive(strategy, windows, prices, setups_at, tf_ms, settings, progress=progress,
                         progress_file=progress_file, every_bar=every_bar)
            rows = _positions()
    finally:
        logger.setLevel(level)

    timeline = np.unique(np.concatenate([w.ts for w in windows.values()]))
    buy_hold = _buy_and_hold_curve(windows, timeline)
    trades = [_trade(r) for r in rows if r["filled_amount"] > 0]
    report = _report(strategy, windows, timeline, run, buy_hold, rows, trades, settings, tf_ms)
    return BacktestResult(report, timeline, run.equity, buy_hold, trades, run.monitor_steps)


def _trade(row: dict) -> dict:
    net = row["realized_pnl"] - row["fees"] + row["funding"]
    return {"signal": row["external_id"], "symbol": row["symbol"], "side": row["side"], "status": row["status"],
            "close_reason": row["close_reason"], "amount": row["filled_amount"], "entry_price": row["entry_price"],
            "realized_pnl": row["realized_pnl"], "fees": row["fees"], "funding": row["funding"], "net_pnl": net,
            "unrealized_pnl": row["unrealized_pnl"], "tp_hits": row["tp_hits"],
            "opened_at": _iso(row["opened_at"]), "closed_at": _iso(row["closed_at"])}


def _buy_and_hold_curve(windows: dict[str, OhlcvSeries], timeline: np.ndarray) -> np.ndarray:
    """Equal-weight buy-and-hold of every symbol from its first close in the window, as a return."""
    curves = []
    for w in windows.values():
        pos = np.searchsorted(w.ts, timeline, side="right") - 1
        closes = np.where(pos >= 0, w.close[np.clip(pos, 0, None)], w.close[0])
        curves.append(closes / w.close[0] - 1.0)
    return np.mean(curves, axis=0)


def _max_drawdown(equity: np.ndarray) -> float:
    peaks = np.maximum.accumulate(equity)
    return float(np.max((peaks - equity) / peaks)) if len(equity) else 0.0


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def _report(strategy, windows, timeline, run: _Run, buy_hold, rows, trades, settings, tf_ms) -> dict:
    from verzek.backtest.report import iso

    equity = run.equity
    closed = [t for t in trades if t["status"] in ("closed", "liquidated")]
    wins = sum(1 for t in closed if t["net_pnl"] > 0)
    start = float(settings.start_balance)
    returns = np.diff(equity) / equity[:-1] if len(equity) > 1 else np.zeros(0)
    sd = float(np.std(returns))
    sharpe = float(np.mean(returns) / sd * math.sqrt(YEAR_MS / tf_ms)) if sd > 0 else 0.0
    planned = [r for r in rows if not r["skipped"]]

    def r6(x) -> float:
        return round(float(x), 6)

    return {
        "strategy": strategy.name,
        "config_version": strategy.config.version,
        "timeframe": strategy.timeframe,
        "engine": "verzek.execution paper mode: ingest_signal -> Executor -> run_monitor on a scratch database",
        "symbols": sorted(windows),
        "quote": _quote(next(iter(windows))),
        "period": {"from": iso(int(timeline[0])), "to": iso(int(timeline[-1]) + tf_ms), "bars": len(timeline)},
        "settings": settings.as_report(),
        "signals": sum(run.ingested.values()),
        "signals_by_ingest_status": dict(sorted(run.ingested.items())),
        "signals_skipped_by_executor": _count(r["close_reason"] for r in rows if r["skipped"]),
        "trades": len(trades),
        "unfilled": _count(r["close_reason"] or r["status"] for r in planned if r["filled_amount"] == 0),
        "open_at_end": len(trades) - len(closed),
        "wins": wins,
        "win_rate": r6(wins / len(closed)) if closed else None,
        "exits": _count(t["close_reason"] for t in closed),
        "fees_paid": r6(sum((r["fees"] for r in rows), ZERO)),
        "funding": r6(sum((r["funding"] for r in rows), ZERO)),  # + received / - paid, in the quote currency
        "profit_after_fees": r6(equity[-1] - start),
        "profit_after_fees_exact": format(run.pnl.normalize(), "f"),
        "return_pct": r6(100 * (equity[-1] / start - 1)),
        "max_drawdown_pct": r6(100 * _max_drawdown(equity)),
        "sharpe_like": r6(sharpe),
        "sharpe_note": "mean/stdev of per-bar equity returns × sqrt(bars per year); no risk-free rate",
        "exposure_pct": r6(100 * float(np.mean(run.exposed))),
        "buy_and_hold_return_pct": r6(100 * float(buy_hold[-1])),
        "avg_trade_pnl": r6(sum((t["net_pnl"] for t in closed), ZERO) / len(closed)) if closed else None,
    }
