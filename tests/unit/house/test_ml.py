"""ML: the shipped model loads and matches its feature builder; labels and the time split."""

from __future__ import annotations

import json

import numpy as np
import pytest
from verzek.indicators import Indicators
from verzek.marketdata import OhlcvSeries
from verzek.ml.features import FEATURE_NAMES, build_features, usable_rows
from verzek.ml.labels import triple_barrier_labels
from verzek.ml.model import DEFAULT_MODEL, HouseModel, ModelError
from verzek.ml.training import Dataset, TrainParams, time_split


def test_shipped_model_loads_and_scores_a_batch(sample_market):
    model = HouseModel()
    assert len(FEATURE_NAMES) >= 15
    meta = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text())
    assert meta["features"] == list(FEATURE_NAMES) and "roc_auc" in meta["metrics"]
    X = build_features(Indicators(sample_market.full_series("ETH/BTC", "5m")))
    rows = X[usable_rows(X)]
    proba = model.predict_proba(rows[:500])
    assert proba.shape == (500,) and np.all((proba >= 0) & (proba <= 1)) and proba.std() > 0
    with pytest.raises(ModelError):
        model.predict_proba(rows[:, :5])
    assert (DEFAULT_MODEL.parent / "MODEL_CARD.md").read_text().count("Held-out") == 1


def test_model_with_mismatched_features_is_refused(tmp_path):
    (tmp_path / "m.onnx").write_bytes(DEFAULT_MODEL.read_bytes())
    meta = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text())
    meta["features"] = list(reversed(meta["features"]))
    (tmp_path / "m.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="different features"):
        HouseModel(tmp_path / "m.onnx")


def test_features_are_price_scale_free(sample_market):
    s = sample_market.full_series("ADA/BTC", "5m").slice(0, 800)
    k = 1e6
    scaled = OhlcvSeries(s.symbol, s.timeframe, s.ts, s.open * k, s.high * k, s.low * k, s.close * k, s.volume)
    np.testing.assert_allclose(build_features(Indicators(s)), build_features(Indicators(scaled)), rtol=1e-4,
                               atol=1e-4, equal_nan=True)


def test_triple_barrier_labels_by_hand():
    n = 30
    close = np.full(n, 100.0)
    high, low = close + 1.0, close - 1.0  # true range 2 → ATR(2) = 2 after warm-up
    high[20] = 104.0  # bar 20 reaches +2 ATR above bar 18/19's close
    low[25] = 95.0
    s = OhlcvSeries("T/USDT", "5m", np.arange(n) * 300_000, close, high, low, close, np.ones(n))
    labels = triple_barrier_labels(Indicators(s), horizon=3, tp_atr=1.5, sl_atr=1.5, atr_length=2)
    assert labels[18] == 1 and labels[19] == 1  # up-barrier 103 hit at bar 20 first
    assert labels[22] == 0  # bar 25 breaks the down-barrier 97 first
    assert labels[10] == 0  # nothing within 3 bars: not a win
    assert np.isnan(labels[-3:]).all()


def test_time_split_has_no_overlap_and_an_embargo():
    ts = np.arange(1000, dtype=np.int64) * 300_000
    ds = Dataset(np.zeros((1000, 2)), np.zeros(1000), ts, np.array(["A"] * 1000))
    params = TrainParams(horizon=12, train_fraction=0.7)
    train, test, cut = time_split(ds, params)
    assert ts[train].max() < cut - 12 * 300_000 and ts[test].min() >= cut
    assert not (train & test).any() and ts[train].max() < ts[test].min()


@pytest.mark.slow
def test_training_is_deterministic_and_exports_a_loadable_model(tmp_path, sample_market):
    from verzek.ml.training import train

    files = [p for p in sorted(__import__("verzek.marketdata", fromlist=["sample_dir"]).sample_dir().glob("*-5m.json.gz"))][:3]
    params = TrainParams(n_estimators=10)
    a = train(files, tmp_path / "a" / "house_ml.onnx", params)
    b = train(files, tmp_path / "b" / "house_ml.onnx", params)
    assert a["sha256"] == b["sha256"] and a["metrics"] == b["metrics"]
    assert a["metrics"]["onnx_vs_sklearn_max_abs_diff"] < 1e-5
    model = HouseModel(tmp_path / "a" / "house_ml.onnx")
    assert model.meta["train_window"][1] < model.meta["test_window"][0]
