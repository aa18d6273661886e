"""Walk-forward ML decisions: each fold is decided by a model trained only before it, minus a purge."""

from __future__ import annotations

import numpy as np
import pytest
from verzek.backtest.evaluation import holdout_periods
from verzek.backtest.walkforward import walk_forward_setups
from verzek.marketdata.replay import ReplayMarketData, usdt_sample_dir
from verzek.ml.training import TrainParams
from verzek.strategies import create_strategy


def _parse(text: str) -> int:
    from datetime import datetime

    return int(datetime.fromisoformat(text).timestamp() * 1000)  # Python 3.12 reads the trailing Z


def test_each_fold_trains_before_itself_with_a_purge_and_decides_only_its_slice():
    usdt = ReplayMarketData.from_files([usdt_sample_dir()])
    series = [usdt.full_series(s, "5m") for s in ("BTC/USDT:USDT", "ETH/USDT:USDT", "SOL/USDT:USDT")]
    strategy = create_strategy("ml", {"threshold": 0.5})
    periods = holdout_periods(series, "5m", mode="walk_forward")
    params = TrainParams(n_estimators=20, min_samples_leaf=50)  # small and quick; same code path
    setups, folds = walk_forward_setups(strategy, series, periods, folds=2, params=params)
    assert [f["fold"] for f in folds] == [1, 2]
    assert _parse(folds[0]["test"]["from"]) == periods.test_from and _parse(folds[-1]["test"]["to"]) == periods.test_to
    purge_ms = params.horizon * 300_000
    for fold in folds:
        lo, hi = _parse(fold["test"]["from"]), _parse(fold["test"]["to"])
        assert _parse(fold["train"]["to"]) == lo - purge_ms  # rows whose label reads the fold are dropped
        assert fold["train"]["rows"] >= 1000 and fold["purge_bars"] == params.horizon
        mine = [s for s in setups if s.meta["walk_forward_fold"] == fold["fold"]]
        assert len(mine) == fold["signals"] and all(lo <= s.candle_ts < hi for s in mine)
    assert sum(f["signals"] for f in folds) == len(setups) > 0
    assert len({s.external_id for s in setups}) == len(setups)
    assert np.all(np.diff([s.candle_ts for s in setups if s.symbol == "BTC/USDT:USDT"]) > 0)


def test_a_fold_without_enough_history_is_refused():
    usdt = ReplayMarketData.from_files([usdt_sample_dir()])
    series = [usdt.full_series("BTC/USDT:USDT", "5m")]
    periods = holdout_periods(series, "5m", test_fraction=0.97, mode="walk_forward")
    with pytest.raises(ValueError, match="labelled rows"):
        walk_forward_setups(create_strategy("ml"), series, periods, folds=2, params=TrainParams(n_estimators=5))
