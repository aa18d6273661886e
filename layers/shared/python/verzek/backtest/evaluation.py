"""Honest evaluation of a house strategy: out-of-sample by default, against baselines.

* **Fixed out-of-sample window.** Unless a period is given, a backtest trades only the last
  `test_fraction` (30 %) of the data's period; everything before it is the in-sample part, the only
  part a strategy's parameters (or the ML model) may be fitted on. The report names both periods.
  Indicators still warm up on the candles before the window (that is not trading on them).
* **Walk-forward for ML** (`verzek.backtest.walkforward`): the out-of-sample window is cut into
  folds; each fold is decided by a model trained only on data before the fold, minus a purge gap.
* **Baselines**, traded by the same engine with the same settings, fees and slippage:
  - buy-and-hold: equal weight in every symbol over the same window (no fees: a generous bar);
  - random entry, same exits: every decision of the strategy is moved to a random candle of the same
    symbol inside the window (seeded), its entries, stop and targets scaled to that candle's close,
    so it keeps the strategy's exits and trade count and loses only its timing. If the strategy
    does no better than this, its exits make (or lose) the money, not its entries;
  - cash: 0 %.
Fees and funding (recorded funding events, when the data folder has them) are charged by the paper
engine in every run and reported in the quote currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from verzek.backtest.engine import BacktestResult, BacktestSettings, run_backtest
from verzek.backtest.report import iso
from verzek.marketdata.series import OhlcvSeries, timeframe_ms
from verzek.strategies.base import Setup, Strategy

TEST_FRACTION = 0.3


@dataclass(frozen=True)
class Periods:
    mode: str  # "holdout" | "walk_forward" | "custom"
    data_from: int
    data_to: int  # exclusive (last close)
    test_from: int
    test_to: int

    def as_report(self) -> dict:
        out = {"mode": self.mode, "data": {"from": iso(self.data_from), "to": iso(self.data_to)},
               "out_of_sample": {"from": iso(self.test_from), "to": iso(self.test_to)}}
        if self.mode != "custom":
            out["in_sample"] = {"from": iso(self.data_from), "to": iso(self.test_from)}
            out["note"] = ("parameters and models may be fitted on the in-sample period only; "
                           "the trades below are all in the out-of-sample period")
        else:
            out["note"] = "a period chosen by hand: it may overlap data the strategy was tuned on"
        return out


def holdout_periods(series_list: Sequence[OhlcvSeries], timeframe: str, *, test_fraction: float = TEST_FRACTION,
                    from_ms: int | None = None, to_ms: int | None = None, mode: str = "holdout") -> Periods:
    """The data's period and the window to trade: the last `test_fraction` of it, on a candle boundary
    (or `from_ms`/`to_ms` when given: mode "custom")."""
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be between 0 and 1")
    tf = timeframe_ms(timeframe)
    nonempty = [s for s in series_list if len(s)]
    if not nonempty:
        raise ValueError("no candles to evaluate")
    first = min(int(s.ts[0]) for s in nonempty)
    last = max(int(s.ts[-1]) for s in nonempty) + tf
    if from_ms is not None or to_ms is not None:
        return Periods("custom", first, last, first if from_ms is None else from_ms, last if to_ms is None else to_ms)
    cut = last - int((last - first) * test_fraction)
    cut -= cut % tf
    return Periods(mode, first, last, cut, last)


def random_entry_setups(setups: Sequence[Setup], series_by_symbol: dict[str, OhlcvSeries], from_ms: int,
                        to_ms: int, seed: int) -> list[Setup]:
    """Each setup moved to a uniformly random candle of its symbol in [from, to) (one draw per setup,
    in a fixed order, from `numpy.random.default_rng(seed)`), levels scaled by the close ratio."""
    rng = np.random.default_rng(seed)
    out: list[Setup] = []
    for setup in sorted(setups, key=lambda s: (s.candle_ts, s.symbol, s.side.value)):
        series = series_by_symbol[setup.symbol]
        lo = int(np.searchsorted(series.ts, from_ms, side="left"))
        hi = int(np.searchsorted(series.ts, to_ms - timeframe_ms(series.timeframe), side="right"))
        i_orig = int(np.searchsorted(series.ts, setup.candle_ts))
        if hi <= lo or i_orig >= len(series) or series.ts[i_orig] != setup.candle_ts:
            continue
        i = int(rng.integers(lo, hi))
        k = float(series.close[i]) / float(series.close[i_orig])
        out.append(replace(
            setup, strategy=f"random-{setup.strategy}", candle_ts=int(series.ts[i]),
            entries=tuple(p * k for p in setup.entries), targets=tuple(p * k for p in setup.targets),
            stop=setup.stop * k, reason=f"random entry with the exits of {setup.external_id}", meta={}))
    return out


def _summary(result: BacktestResult) -> dict:
    r = result.report
    keys = ("signals", "trades", "open_at_end", "win_rate", "fees_paid", "funding", "profit_after_fees",
            "return_pct", "max_drawdown_pct", "exposure_pct", "avg_trade_pnl")
    return {k: r.get(k) for k in keys}


@dataclass
class Evaluation:
    result: BacktestResult  # the strategy's run; its report carries `evaluation` and `baselines`
    random_entry: BacktestResult | None


def evaluate(strategy: Strategy, series_list: Sequence[OhlcvSeries], *, settings: BacktestSettings | None = None,
             test_fraction: float = TEST_FRACTION, from_ms: int | None = None, to_ms: int | None = None,
             seed: int = 0, random_baseline: bool = True, quiet: bool = True,
             setups: Sequence[Setup] | None = None, periods: Periods | None = None,
             extra: dict | None = None, funding_from: Sequence = (), progress=None, every_bar: bool = False,
             progress_bar: bool | None = None) -> Evaluation:
    """The strategy (or given `setups`) on the out-of-sample window, plus the baselines.
    `progress(message)` hears which of the runs starts; `progress_bar`: each run's own per-candle
    bar (`run_backtest(progress=...)`)."""
    say = progress or (lambda message: None)
    settings = settings or BacktestSettings()
    periods = periods or holdout_periods(series_list, strategy.timeframe, test_fraction=test_fraction,
                                         from_ms=from_ms, to_ms=to_ms)
    if setups is None:  # decided once, traded by the strategy run and moved by the random baseline
        setups = _scan_window(strategy, series_list, periods)
    runs = 2 if random_baseline else 1
    say(f"run 1/{runs}: {strategy.name}, {len(setups)} decisions, {iso(periods.test_from)} .. {iso(periods.test_to)}")
    result = run_backtest(strategy, series_list, from_ms=periods.test_from, to_ms=periods.test_to,
                          settings=settings, quiet=quiet, setups=setups, funding_from=funding_from,
                          progress=progress_bar, every_bar=every_bar)
    random_result = None
    baselines: dict = {"cash_return_pct": 0.0, "buy_and_hold_return_pct": result.report["buy_and_hold_return_pct"],
                       "buy_and_hold_note": "equal weight in every symbol over the same window, no fees"}
    if random_baseline:
        series_by_symbol = {s.symbol: s for s in series_list}
        moved = random_entry_setups(setups, series_by_symbol, periods.test_from, periods.test_to, seed)
        say(f"run 2/{runs}: random entries with the same exits (seed {seed}), {len(moved)} decisions")
        random_result = run_backtest(strategy, series_list, from_ms=periods.test_from, to_ms=periods.test_to,
                                     settings=settings, quiet=quiet, setups=moved, funding_from=funding_from,
                                     progress=progress_bar, every_bar=every_bar)
        baselines["random_entry_same_exits"] = {"seed": seed, **_summary(random_result)}
    ret = result.report["return_pct"]
    verdict = {"beats_cash": ret > 0, "beats_buy_and_hold": ret > baselines["buy_and_hold_return_pct"]}
    if random_result is not None:
        verdict["beats_random_entry"] = ret > random_result.report["return_pct"]
    result.report["evaluation"] = {**periods.as_report(), **(extra or {})}
    result.report["baselines"] = baselines
    result.report["verdict"] = verdict
    return Evaluation(result, random_result)


def _scan_window(strategy: Strategy, series_list: Sequence[OhlcvSeries], periods: Periods) -> list[Setup]:
    from verzek.backtest.engine import _prepare

    _, _, setups_at, _ = _prepare(strategy, series_list, periods.test_from, periods.test_to)
    return [s for at in setups_at.values() for s in at]
