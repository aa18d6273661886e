"""Backtest: a house strategy over recorded candles, traded through the real trade planner.

Flow per bar of the merged timeline (all symbols, ascending time): advance open positions on that
bar's candles, then turn the setups decided at that bar's close into `Signal`s (the same objects
the runner emits), plan each with `verzek.execution.planner.plan_trade` (sizing, legs, TP ladder,
stop — the code users' trades go through) and hand the plan to the paper simulator, which starts
filling on the next candle. Equity is marked to market at every bar. No randomness, no wall clock:
the same inputs give the same report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from verzek.backtest.simulator import Fees, SimPosition
from verzek.execution.planner import PlanRejected, TradingSettings, plan_trade
from verzek.execution.ports import MarketRules
from verzek.marketdata.series import OhlcvSeries, timeframe_ms, to_decimal
from verzek.strategies.base import Strategy

YEAR_MS = 365 * 24 * 3_600_000


@dataclass(frozen=True)
class BacktestSettings:
    start_balance: Decimal = Decimal(10000)
    size_pct: Decimal = Decimal(10)  # of the free balance per trade
    max_open_positions: int = 5
    fees: Fees = field(default_factory=Fees)
    entry_timeout_bars: int = 12
    max_hold_bars: int = 288
    breakeven_after_tp: int | None = 1
    tp_split: tuple[Decimal, ...] = (Decimal(50), Decimal(30), Decimal(20))


@dataclass
class BacktestResult:
    report: dict
    equity_ts: np.ndarray
    equity: np.ndarray
    buy_hold: np.ndarray
    positions: list[SimPosition] = field(default_factory=list)


def _quote(symbol: str) -> str:
    return symbol.split("/")[1].split(":")[0]


def run_backtest(strategy: Strategy, series_list: Sequence[OhlcvSeries], *, from_ms: int | None = None,
                 to_ms: int | None = None, settings: BacktestSettings = BacktestSettings()) -> BacktestResult:
    if not series_list:
        raise ValueError("no candle series to backtest")
    quotes = {_quote(s.symbol) for s in series_list}
    if len(quotes) != 1:
        raise ValueError(f"all symbols must share one quote currency for one equity curve, got {sorted(quotes)}")
    tf_ms = timeframe_ms(strategy.timeframe)
    lo = from_ms if from_ms is not None else -math.inf
    hi = to_ms if to_ms is not None else math.inf

    # Setups need history before `from` (indicator warm-up); only decisions inside the window trade.
    signals_at: dict[int, list] = {}
    windows: dict[str, OhlcvSeries] = {}
    for series in sorted(series_list, key=lambda s: s.symbol):
        full = series.up_to(int(hi) - tf_ms) if math.isfinite(hi) else series
        start = int(np.searchsorted(full.ts, lo, side="left")) if math.isfinite(lo) else 0
        window = full.slice(start, None)
        if len(window) == 0:
            continue
        windows[series.symbol] = window
        for setup in strategy.scan(full, start=start):
            signals_at.setdefault(setup.candle_ts, []).append(strategy.to_signal(setup))
    if not windows:
        raise ValueError("no candles inside the requested period")

    timeline = np.unique(np.concatenate([w.ts for w in windows.values()]))
    index = {sym: {int(t): i for i, t in enumerate(w.ts)} for sym, w in windows.items()}
    last_price: dict[str, Decimal] = {}
    trading = TradingSettings(size_type="percent", size_value=settings.size_pct,
                              max_open_positions=settings.max_open_positions, tp_split=settings.tp_split,
                              breakeven_after_tp=settings.breakeven_after_tp, skip_if_tp_or_sl_hit=True,
                              follow_sources=(strategy.source.value,))
    open_positions: list[SimPosition] = []
    all_positions: list[SimPosition] = []
    rejected: dict[str, int] = {}
    skipped_full = 0
    realised = Decimal(0)
    equity = np.empty(len(timeline))
    exposed = np.zeros(len(timeline), dtype=bool)
    signal_id = 0

    for k, ts in enumerate(int(t) for t in timeline):
        for sym, rows in index.items():
            i = rows.get(ts)
            if i is None:
                continue
            w = windows[sym]
            o, h, l_, c = (to_decimal(w.open[i]), to_decimal(w.high[i]), to_decimal(w.low[i]),
                           to_decimal(w.close[i]))
            last_price[sym] = c
            for pos in open_positions:
                if pos.plan.symbol == sym:
                    pos.on_candle(ts, o, h, l_, c)
        for pos in [p for p in open_positions if p.done]:
            realised += pos.pnl
            open_positions.remove(pos)

        for signal in signals_at.get(ts, []):
            if len(open_positions) >= settings.max_open_positions or any(
                    p.plan.symbol == signal.symbol for p in open_positions):
                skipped_full += 1  # one position per symbol, capped count: as a user's settings would
                continue
            reserved = sum((p.plan.margin for p in open_positions), Decimal(0))
            free = settings.start_balance + realised - reserved
            signal_id += 1
            try:
                plan = plan_trade(signal, trading, MarketRules.permissive(signal.symbol), free_balance=free,
                                  last_price=last_price[signal.symbol], signal_id=signal_id, user_id=1)  # one simulated user
            except PlanRejected as exc:
                rejected[exc.code] = rejected.get(exc.code, 0) + 1
                continue
            pos = SimPosition(plan, ts, settings.fees, settings.entry_timeout_bars, settings.max_hold_bars)
            open_positions.append(pos)
            all_positions.append(pos)

        # open positions: realised part after all fees paid so far + the open amount marked at the close
        unrealised = sum((p.pnl + p.mark_value(last_price[p.plan.symbol]) for p in open_positions), Decimal(0))
        equity[k] = float(settings.start_balance + realised + unrealised)
        exposed[k] = any(p.open_amount > 0 for p in open_positions)

    end_ts = int(timeline[-1])
    for pos in open_positions:
        pos.close_at(end_ts, last_price[pos.plan.symbol])
        realised += pos.pnl
    equity[-1] = float(settings.start_balance + realised)

    buy_hold = _buy_and_hold_curve(windows, timeline)
    report = _report(strategy, windows, timeline, equity, exposed, buy_hold, all_positions, settings,
                     rejected, skipped_full, tf_ms)
    return BacktestResult(report, timeline, equity, buy_hold, all_positions)


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


def _report(strategy, windows, timeline, equity, exposed, buy_hold, positions, settings, rejected,
            skipped_full, tf_ms) -> dict:
    traded = [p for p in positions if p.filled > 0]
    pnls = [p.pnl for p in traded]
    wins = sum(1 for x in pnls if x > 0)
    start = float(settings.start_balance)
    returns = np.diff(equity) / equity[:-1] if len(equity) > 1 else np.zeros(0)
    bars_per_year = YEAR_MS / tf_ms
    sd = float(np.std(returns))
    sharpe = float(np.mean(returns) / sd * math.sqrt(bars_per_year)) if sd > 0 else 0.0
    exits: dict[str, int] = {}
    for p in traded:
        for f in p.fills:
            if f.kind != "entry":
                exits[f.kind] = exits.get(f.kind, 0) + 1

    def r6(x: float) -> float:
        return round(float(x), 6)

    from verzek.backtest.report import iso

    return {
        "strategy": strategy.name,
        "config_version": strategy.config.version,
        "timeframe": strategy.timeframe,
        "symbols": sorted(windows),
        "quote": _quote(next(iter(windows))),
        "period": {"from": iso(int(timeline[0])), "to": iso(int(timeline[-1]) + tf_ms), "bars": len(timeline)},
        "settings": {"start_balance": str(settings.start_balance), "size_pct": str(settings.size_pct),
                     "max_open_positions": settings.max_open_positions,
                     "maker_fee": str(settings.fees.maker), "taker_fee": str(settings.fees.taker),
                     "entry_timeout_bars": settings.entry_timeout_bars, "max_hold_bars": settings.max_hold_bars,
                     "breakeven_after_tp": settings.breakeven_after_tp,
                     "tp_split": [str(x) for x in settings.tp_split]},
        "signals": len(positions) + skipped_full + sum(rejected.values()),
        "signals_skipped_position_limit": skipped_full,
        "signals_rejected_by_planner": dict(sorted(rejected.items())),
        "trades": len(traded),
        "unfilled": len(positions) - len(traded),
        "wins": wins,
        "win_rate": r6(wins / len(traded)) if traded else None,
        "exits": dict(sorted(exits.items())),
        "fees_paid": r6(sum(float(p.fee_total) for p in traded)),
        "profit_after_fees": r6(equity[-1] - start),
        "return_pct": r6(100 * (equity[-1] / start - 1)),
        "max_drawdown_pct": r6(100 * _max_drawdown(equity)),
        "sharpe_like": r6(sharpe),
        "sharpe_note": "mean/stdev of per-bar equity returns × sqrt(bars per year); no risk-free rate",
        "exposure_pct": r6(100 * float(np.mean(exposed))),
        "buy_and_hold_return_pct": r6(100 * float(buy_hold[-1])),
        "avg_trade_pnl": r6(sum(float(x) for x in pnls) / len(pnls)) if pnls else None,
    }
