"""Offline training of the house ML model (scikit-learn → ONNX). Never imported at run time.

Pipeline: recorded candles → the runtime feature builder → triple-barrier labels → one global
time cut (train strictly before, test strictly after, with an embargo of `horizon` bars so no
training label looks into the test period) → GradientBoosting (deterministic seed) → ONNX
(tensor output, no ZipMap) → parity check of ONNX against scikit-learn → sidecar JSON + model card.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from verzek.indicators import Indicators
from verzek.marketdata.replay import ReplayMarketData
from verzek.marketdata.series import timeframe_ms
from verzek.ml.features import FEATURE_NAMES, build_features, usable_rows
from verzek.ml.labels import triple_barrier_labels


@dataclass(frozen=True)
class TrainParams:
    timeframe: str = "5m"
    horizon: int = 12
    tp_atr: float = 1.5
    sl_atr: float = 1.0
    atr_length: int = 14
    train_fraction: float = 0.7
    threshold: float = 0.55
    n_estimators: int = 150
    learning_rate: float = 0.05
    max_depth: int = 3
    subsample: float = 0.8
    min_samples_leaf: int = 200
    seed: int = 0


@dataclass
class Dataset:
    X: np.ndarray
    y: np.ndarray
    ts: np.ndarray
    symbol: np.ndarray


def build_dataset(market: ReplayMarketData, params: TrainParams) -> Dataset:
    xs, ys, tss, syms = [], [], [], []
    for symbol in market.symbols(params.timeframe):
        series = market.full_series(symbol, params.timeframe)
        if len(series) < 400:
            continue
        ind = Indicators(series)
        X = build_features(ind)
        y = triple_barrier_labels(ind, params.horizon, params.tp_atr, params.sl_atr, params.atr_length)
        keep = usable_rows(X) & np.isfinite(y)
        xs.append(X[keep])
        ys.append(y[keep].astype(np.int64))
        tss.append(series.ts[keep])
        syms.append(np.full(int(keep.sum()), symbol))
    if not xs:
        raise ValueError("no symbol has enough candles at this timeframe to train on")
    order = np.argsort(np.concatenate(tss), kind="stable")
    return Dataset(np.concatenate(xs)[order], np.concatenate(ys)[order], np.concatenate(tss)[order],
                   np.concatenate(syms)[order])


def time_split(ds: Dataset, params: TrainParams) -> tuple[np.ndarray, np.ndarray, int]:
    """Masks (train, test) and the cut time: train ends `horizon` bars before the cut (embargo)."""
    cut = int(np.quantile(ds.ts, params.train_fraction))
    embargo = params.horizon * timeframe_ms(params.timeframe)
    return ds.ts < cut - embargo, ds.ts >= cut, cut


def fit_model(X: np.ndarray, y: np.ndarray, params: TrainParams):
    """The house classifier fitted on (X, y): deterministic for a given seed and input."""
    # GradientBoosting (not HistGradientBoosting): skl2onnx 1.20 cannot convert sklearn 1.9's
    # HistGradientBoosting trees (boolean missing-value attribute); the classic trees convert exactly.
    from sklearn.ensemble import GradientBoostingClassifier

    model = GradientBoostingClassifier(
        n_estimators=params.n_estimators, learning_rate=params.learning_rate, max_depth=params.max_depth,
        subsample=params.subsample, min_samples_leaf=params.min_samples_leaf, random_state=params.seed)
    return model.fit(X, y)


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def train(data_paths: Sequence[Path | str], out_path: Path, params: TrainParams = TrainParams()) -> dict:
    from skl2onnx import to_onnx
    from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, roc_auc_score

    market = ReplayMarketData.from_files(list(data_paths))
    ds = build_dataset(market, params)
    train_mask, test_mask, cut = time_split(ds, params)
    if train_mask.sum() < 1000 or test_mask.sum() < 200:
        raise ValueError(f"not enough rows for a time split (train {train_mask.sum()}, test {test_mask.sum()})")
    Xtr, ytr, Xte, yte = ds.X[train_mask], ds.y[train_mask], ds.X[test_mask], ds.y[test_mask]

    model = fit_model(Xtr, ytr, params)

    onx = to_onnx(model, Xtr[:1], options={id(model): {"zipmap": False}},
                  target_opset={"": 17, "ai.onnx.ml": 3})
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    model_bytes = onx.SerializeToString()
    out_path.write_bytes(model_bytes)

    import onnxruntime as ort

    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    proba_name = next(o.name for o in session.get_outputs() if "prob" in o.name.lower())
    p_onnx = session.run([proba_name], {session.get_inputs()[0].name: Xte})[0][:, 1]
    p_skl = model.predict_proba(Xte)[:, 1]
    base_rate = float(yte.mean())
    chosen = p_onnx >= params.threshold
    precision = float(yte[chosen].mean()) if chosen.any() else None
    # Expected outcome per taken setup in units of risk (R), if every barrier was hit as labelled:
    # a win pays tp_atr/sl_atr R, a loss (or timeout, counted as a loss: pessimistic) costs 1 R.
    payoff = params.tp_atr / params.sl_atr
    exp_r = None if precision is None else precision * payoff - (1 - precision)
    metrics = {
        "test_rows": int(test_mask.sum()),
        "roc_auc": round(float(roc_auc_score(yte, p_onnx)), 4),
        "log_loss": round(float(log_loss(yte, p_onnx, labels=[0, 1])), 4),
        "log_loss_base_rate": round(float(log_loss(yte, np.full(len(yte), ytr.mean()), labels=[0, 1])), 4),
        "brier": round(float(brier_score_loss(yte, p_onnx)), 4),
        "accuracy_at_0.5": round(float(accuracy_score(yte, p_onnx >= 0.5)), 4),
        "majority_class_accuracy": round(max(base_rate, 1 - base_rate), 4),
        "threshold": params.threshold,
        "signals_at_threshold": int(chosen.sum()),
        "precision_at_threshold": None if precision is None else round(precision, 4),
        "test_base_rate": round(base_rate, 4),
        "expected_r_per_signal_pessimistic": None if exp_r is None else round(exp_r, 4),
        "onnx_vs_sklearn_max_abs_diff": float(np.max(np.abs(p_onnx - p_skl))),
    }
    meta = {
        "model": "GradientBoostingClassifier", "format": "onnx", "opset": {"": 17, "ai.onnx.ml": 3},
        "features": list(FEATURE_NAMES),
        "label": {"kind": "triple_barrier", "horizon_bars": params.horizon, "tp_atr": params.tp_atr,
                  "sl_atr": params.sl_atr, "atr_length": params.atr_length, "timeframe": params.timeframe,
                  "positive": "high reaches close + tp_atr*ATR before low reaches close - sl_atr*ATR"},
        "params": params.__dict__,
        "data": sorted({str(s) for s in ds.symbol}),
        "train_window": [_iso(int(ds.ts[train_mask].min())), _iso(int(ds.ts[train_mask].max()))],
        "test_window": [_iso(int(ds.ts[test_mask].min())), _iso(int(ds.ts[test_mask].max()))],
        "cut": _iso(cut),
        "train_rows": int(train_mask.sum()),
        "class_balance": {"train_positive": round(float(ytr.mean()), 4), "test_positive": round(base_rate, 4)},
        "metrics": metrics,
        "sha256": hashlib.sha256(model_bytes).hexdigest(),
    }
    out_path.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n")
    (out_path.parent / "MODEL_CARD.md").write_text(model_card(meta))
    return meta


def model_card(meta: dict) -> str:
    m, lab = meta["metrics"], meta["label"]
    feats = ", ".join(f"`{f}`" for f in meta["features"])
    return f"""# House ML model card (`house_ml.onnx`)

Generated by `verzek train-model`; regenerate rather than edit. sha256 `{meta['sha256']}`.

## What it predicts
P(label = 1) for the last closed {lab['timeframe']} candle, where 1 means: within {lab['horizon_bars']} bars
the high reaches close + {lab['tp_atr']}×ATR({lab['atr_length']}) **before** the low reaches
close − {lab['sl_atr']}×ATR (a bar touching both counts as a loss). The ML strategy fires a long when
P ≥ its threshold and uses the same barriers for its stop and middle target.

## Model
{meta['model']} (scikit-learn), exported to ONNX (opset {meta['opset']['']}, ai.onnx.ml {meta['opset']['ai.onnx.ml']},
tensor output, no ZipMap); parameters: `{json.dumps(meta['params'])}`.
ONNX vs scikit-learn on the test set: max |ΔP| = {m['onnx_vs_sklearn_max_abs_diff']:.2e}.

## Features ({len(meta['features'])}, all price-scale free)
{feats}

## Data and split
Recorded Binance spot candles (bundled sample, see `verzek/marketdata/sample/README.md`):
{', '.join(meta['data'])}.
One global time cut at {meta['cut']}: training rows strictly before the cut minus an embargo of
{lab['horizon_bars']} bars (so no training label sees the test period), test rows after it. No shuffling across time.

| | window | rows | positive class |
|---|---|---|---|
| train | {meta['train_window'][0]} .. {meta['train_window'][1]} | {meta['train_rows']} | {meta['class_balance']['train_positive']:.1%} |
| test (held out) | {meta['test_window'][0]} .. {meta['test_window'][1]} | {m['test_rows']} | {meta['class_balance']['test_positive']:.1%} |

## Held-out metrics (test period only)
| metric | value |
|---|---|
| ROC AUC | {m['roc_auc']} |
| log loss (model / constant train base rate) | {m['log_loss']} / {m['log_loss_base_rate']} |
| Brier score | {m['brier']} |
| accuracy at 0.5 (majority-class baseline) | {m['accuracy_at_0.5']} ({m['majority_class_accuracy']}) |
| signals at threshold {m['threshold']} | {m['signals_at_threshold']} |
| precision at threshold (test base rate) | {m['precision_at_threshold']} ({m['test_base_rate']}) |
| expected R per signal, timeouts as losses | {m['expected_r_per_signal_pessimistic']} |

## Limits (read before selling this)
- Twenty days of 2018 BTC-quoted altcoin candles is a small, single-regime sample; the test
  window is days, not months. Treat the metrics as a smoke test of the pipeline, not as evidence
  of an edge. Retrain on a long, recent, USDT-quoted history before enabling ML signals for users.
- Labels ignore fees and slippage; the backtest (`verzek backtest --strategy ml`) includes them.
"""
