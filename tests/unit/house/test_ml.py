"""ML: the shipped model loads and matches its feature builder; labels, outcomes in R, the purged
walk-forward folds, and byte-reproducible training with ONNX parity."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from verzek.indicators import Indicators
from verzek.marketdata import OhlcvSeries
from verzek.ml.features import FEATURE_NAMES, build_features, usable_rows
from verzek.ml.labels import barrier_outcomes_r, triple_barrier_labels
from verzek.ml.model import DEFAULT_MODEL, HouseModel, ModelError
from verzek.ml.training import TrainParams, walk_forward_folds


def test_shipped_model_loads_and_scores_a_batch(sample_market):
    model = HouseModel()
    assert len(FEATURE_NAMES) >= 15
    meta = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text())
    assert meta["features"] == list(FEATURE_NAMES) and "roc_auc" in meta["metrics"]
    assert meta["sha256"] == __import__("hashlib").sha256(DEFAULT_MODEL.read_bytes()).hexdigest()
    assert all(s.endswith("/USDT:USDT") for s in meta["data"]["symbols"])  # trained on USDT-M perpetuals
    X = build_features(Indicators(sample_market.full_series("ETH/BTC", "5m")))
    rows = X[usable_rows(X)]
    proba = model.predict_proba(rows[:500])
    assert proba.shape == (500,) and np.all((proba >= 0) & (proba <= 1)) and proba.std() > 0
    with pytest.raises(ModelError):
        model.predict_proba(rows[:, :5])
    card = (DEFAULT_MODEL.parent / "MODEL_CARD.md").read_text()
    assert meta["sha256"] in card and "Out-of-sample metrics" in card and "after fees" in card


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


def test_outcomes_in_r_follow_the_barriers():
    n = 30
    close = np.full(n, 100.0)
    high, low = close + 1.0, close - 1.0
    high[20] = 104.0
    low[25] = 95.0
    close[14] = 101.0  # bar 11's timeout close (3 bars later): +1 over a risk of 1.5 × ATR 2
    s = OhlcvSeries("T/USDT", "5m", np.arange(n) * 300_000, close, high, low, close, np.ones(n))
    r = barrier_outcomes_r(Indicators(s), horizon=3, tp_atr=2.0, sl_atr=1.5, atr_length=2)
    assert r[18] == pytest.approx(2.0 / 1.5) and r[22] == -1.0  # +tp/sl R, −1 R
    assert r[11] == pytest.approx(1.0 / 3.0, rel=0.05)  # neither barrier: the close 3 bars later, in R
    assert np.isnan(r[-3:]).all()


def test_walk_forward_folds_are_purged_rolling_and_cover_the_test_period():
    tf = 300_000
    params = TrainParams(horizon=12, test_fraction=0.3, folds=3)
    folds = walk_forward_folds(0, 10_000 * tf, params)
    assert folds[0].test_from == 7_000 * tf and folds[-1].test_to == 10_000 * tf
    for a, b in itertools.pairwise(folds):
        assert a.test_to == b.test_from
    for f in folds:
        assert f.train_to == f.test_from - 12 * tf  # the purge: no training label reads the fold
        assert f.train_to - f.train_from == folds[0].train_to - folds[0].train_from  # rolling, same length
    assert folds[0].train_from == 0


@pytest.mark.slow
def test_training_is_byte_reproducible_and_the_onnx_export_matches_lightgbm(tmp_path):
    from verzek.marketdata.replay import usdt_sample_dir
    from verzek.ml.training import train

    files = [usdt_sample_dir() / f"{s}_USDT_USDT-5m-futures.json.gz" for s in ("BTC", "ETH", "SOL")]
    params = TrainParams(n_estimators=10, folds=2)
    a = train(files, tmp_path / "a" / "house_ml.onnx", params)
    train(files, tmp_path / "b" / "house_ml.onnx", params)
    for name in ("house_ml.onnx", "house_ml.json", "MODEL_CARD.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert a["metrics"]["onnx_vs_lightgbm_max_abs_diff"] < 1e-5
    assert a["data"]["files"]["BTC_USDT_USDT-5m-futures.json.gz"] == \
        __import__("hashlib").sha256(files[0].read_bytes()).hexdigest()
    model = HouseModel(tmp_path / "a" / "house_ml.onnx")  # loads through the runtime path (onnxruntime)
    assert model.meta["walk_forward"]["folds"][0]["test"][0] > model.meta["walk_forward"]["folds"][0]["train"][1]
    other = train(files, tmp_path / "c" / "house_ml.onnx", TrainParams(n_estimators=10, folds=2, seed=1))
    assert other["sha256"] != a["sha256"]  # the seed matters: the equality above is not vacuous
