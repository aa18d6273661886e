"""Walk-forward decisions for the ML strategy: no signal is scored by a model that saw its period.

The out-of-sample window is cut into `folds` consecutive slices. For each slice [b_k, b_k+1), a
model (the house classifier, same parameters as `verzek train-model`) is trained on a rolling
window of labelled rows that ends a purge gap before b_k: a row at time t is labelled with the
`horizon` candles after t, so rows with t ≥ b_k − horizon·timeframe are dropped (their labels would
read the slice). The window length is the in-sample length, so every fold trains on as much history
as the first. The strategy then decides the slice's candles with that model, exactly as live
(same features, threshold, cooldown, stop and targets); the setups of all slices are traded by the
backtest engine as one run. Training needs scikit-learn (the `tools` extra), never used at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from verzek.backtest.evaluation import Periods
from verzek.backtest.report import iso
from verzek.marketdata.replay import ManualClock, ReplayMarketData
from verzek.marketdata.series import OhlcvSeries, timeframe_ms
from verzek.ml.training import TrainParams, build_dataset, fit_model, walk_forward_folds
from verzek.strategies.base import Setup
from verzek.strategies.ml import MlStrategy


class FittedModel:
    """A fitted scikit-learn classifier behind the `HouseModel` interface the strategy uses."""

    def __init__(self, model, name: str) -> None:
        self._model = model
        self.meta = {"sha256": name}

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        if features.shape[0] == 0:
            return np.empty(0, dtype=np.float64)
        return np.asarray(self._model.predict_proba(features.astype(np.float32))[:, 1], dtype=np.float64)


def walk_forward_setups(strategy: MlStrategy, series_list: Sequence[OhlcvSeries], periods: Periods, *,
                        folds: int = 3, params: TrainParams | None = None,
                        progress: Callable[[str], None] | None = None) -> tuple[list[Setup], list[dict]]:
    """(setups over the out-of-sample window, one description per fold; the folds of
    `verzek.ml.training.walk_forward_folds`, the same as the model card's)."""
    if folds < 1:
        raise ValueError("folds must be ≥ 1")
    params = replace(params or TrainParams(timeframe=strategy.timeframe), folds=folds)
    tf = timeframe_ms(strategy.timeframe)
    market = ReplayMarketData(series_list, ManualClock(periods.data_to))
    ds = build_dataset(market, params)
    setups: list[Setup] = []
    described: list[dict] = []
    for k, fold in enumerate(walk_forward_folds(periods.data_from, periods.data_to, params,
                                                        test_from=periods.test_from)):
        lo, hi, train_end = fold.test_from, fold.test_to, fold.train_to
        mask = (ds.ts >= fold.train_from) & (ds.ts < train_end)
        if mask.sum() < 1000 or len(np.unique(ds.y[mask])) < 2:
            raise ValueError(f"fold {k + 1}: only {int(mask.sum())} labelled rows before {iso(lo)} to train on")
        if progress:
            progress(f"walk-forward fold {k + 1}/{folds}: training on {int(mask.sum())} rows "
                     f"{iso(int(ds.ts[mask].min()))} .. {iso(train_end)}")
        model = FittedModel(fit_model(ds.X[mask], ds.y[mask], params), f"walk-forward fold {k + 1}")
        fold_strategy = MlStrategy(strategy.config, model=model)
        fold_setups = []
        for series in sorted(series_list, key=lambda s: s.symbol):
            full = series.up_to(hi - tf)
            start = int(np.searchsorted(full.ts, lo, side="left"))
            if start < len(full):
                fold_setups += fold_strategy.scan(full, start=start)
        setups += [replace(s, meta={**s.meta, "walk_forward_fold": k + 1}) for s in fold_setups]
        described.append({"fold": k + 1, "train": {"from": iso(int(ds.ts[mask].min())), "to": iso(train_end),
                                                   "rows": int(mask.sum())},
                          "purge_bars": params.horizon, "test": {"from": iso(lo), "to": iso(hi)},
                          "signals": len(fold_setups)})
    return setups, described
