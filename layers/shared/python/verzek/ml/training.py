"""Offline training of the house ML model (LightGBM → ONNX). Never imported at run time.

Pipeline: recorded candles → the runtime feature builder → triple-barrier labels → **walk-forward
validation**: the last `test_fraction` of the data's period is cut into `folds` slices; each slice
is scored by a model trained on a rolling window (the in-sample length) that ends a purge gap of
`horizon` bars before the slice (a row's label reads the next `horizon` candles, so rows closer to
the slice would leak it). The pooled out-of-sample scores give the model card's metrics: ROC AUC,
precision at the threshold, and the expected result per signal in R after fees (R = the stop
distance). The shipped model is then fitted the same way on the latest rolling window (ending a
purge before the data's end): the card's numbers validate the procedure, the card says so.

Reproducible byte for byte: LightGBM runs single-threaded in deterministic mode with a fixed seed,
the ONNX graph has a fixed name, and the sidecar/card hold no wall-clock time — only the input
files' sha256, the parameters and the results (tested by training twice).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import numpy as np

from verzek.indicators import Indicators
from verzek.marketdata.replay import ReplayMarketData, candle_files
from verzek.marketdata.series import timeframe_ms
from verzek.ml.features import FEATURE_NAMES, build_features, usable_rows
from verzek.ml.labels import barrier_outcomes_r, triple_barrier_labels

ONNX_OPSET = 15  # the highest onnxmltools 1.16 converts LightGBM to; onnxruntime runs it


@dataclass(frozen=True)
class TrainParams:
    timeframe: str = "5m"
    horizon: int = 12
    tp_atr: float = 1.5
    sl_atr: float = 1.0
    atr_length: int = 14
    test_fraction: float = 0.3  # the last part of the period: walk-forward out-of-sample folds
    folds: int = 3
    threshold: float = 0.55
    fee_round_trip_pct: float = 0.2  # entry + exit at the paper default taker fee (0.1 % each)
    n_estimators: int = 150
    learning_rate: float = 0.05
    num_leaves: int = 8
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
    outcome_r: np.ndarray  # the labelled trade's result in R before fees
    fee_r: np.ndarray  # the round-trip fee in R


def build_dataset(market: ReplayMarketData, params: TrainParams) -> Dataset:
    xs, ys, tss, syms, outs, fees = [], [], [], [], [], []
    for symbol in market.symbols(params.timeframe):
        series = market.full_series(symbol, params.timeframe)
        if len(series) < 400:
            continue
        ind = Indicators(series)
        X = build_features(ind)
        y = triple_barrier_labels(ind, params.horizon, params.tp_atr, params.sl_atr, params.atr_length)
        r = barrier_outcomes_r(ind, params.horizon, params.tp_atr, params.sl_atr, params.atr_length)
        atr = ind("atr", length=params.atr_length)
        with np.errstate(invalid="ignore", divide="ignore"):
            fee = params.fee_round_trip_pct / 100.0 * series.close / (params.sl_atr * atr)
        keep = usable_rows(X) & np.isfinite(y) & np.isfinite(r) & np.isfinite(fee)
        xs.append(X[keep])
        ys.append(y[keep].astype(np.int64))
        tss.append(series.ts[keep])
        syms.append(np.full(int(keep.sum()), symbol))
        outs.append(r[keep])
        fees.append(fee[keep])
    if not xs:
        raise ValueError("no symbol has enough candles at this timeframe to train on")
    order = np.argsort(np.concatenate(tss), kind="stable")
    return Dataset(*(np.concatenate(a)[order] for a in (xs, ys, tss, syms, outs, fees)))


@dataclass(frozen=True)
class Fold:
    train_from: int
    train_to: int  # exclusive: `purge` before test_from
    test_from: int
    test_to: int


def walk_forward_folds(first_ms: int, end_ms: int, params: TrainParams, test_from: int | None = None) -> list[Fold]:
    """The out-of-sample slices (from `test_from`, default: the last `test_fraction` of the period on a
    candle boundary) and their rolling, purged training windows (epoch ms)."""
    tf = timeframe_ms(params.timeframe)
    purge = params.horizon * tf
    if test_from is None:
        cut = end_ms - int((end_ms - first_ms) * params.test_fraction)
        cut -= cut % tf
    else:
        cut = test_from
    length = cut - purge - first_ms
    if length <= 0:
        raise ValueError("the data's period is too short for a purged walk-forward split")
    span = end_ms - cut
    bounds = [cut + (span * k // params.folds) // tf * tf for k in range(params.folds)] + [end_ms]
    return [Fold(lo - purge - length, lo - purge, lo, hi) for lo, hi in pairwise(bounds)]


def fit_model(X: np.ndarray, y: np.ndarray, params: TrainParams):
    """The house classifier fitted on (X, y): deterministic for a given seed and input."""
    import lightgbm as lgb

    model = lgb.LGBMClassifier(
        n_estimators=params.n_estimators, learning_rate=params.learning_rate, num_leaves=params.num_leaves,
        max_depth=params.max_depth, min_child_samples=params.min_samples_leaf, subsample=params.subsample,
        subsample_freq=1, random_state=params.seed, deterministic=True, force_col_wise=True, n_jobs=1, verbose=-1)
    return model.fit(X, y)


def to_onnx_bytes(model) -> bytes:
    from onnxmltools import convert_lightgbm
    from onnxmltools.convert.common.data_types import FloatTensorType

    onx = convert_lightgbm(model, name="house_ml", initial_types=[("features", FloatTensorType([None, len(FEATURE_NAMES)]))],
                           zipmap=False, target_opset=ONNX_OPSET)
    return onx.SerializeToString()


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def _input_files(data_paths: Sequence[Path | str], timeframe: str) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, data_paths):
        files += candle_files(p) if p.is_dir() else [p]
    return sorted(f for f in files if f"-{timeframe}" in f.name)


def _scores(y: np.ndarray, p: np.ndarray, r: np.ndarray, fee: np.ndarray, threshold: float) -> dict:
    from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

    chosen = p >= threshold
    net = r[chosen] - fee[chosen]
    return {
        "rows": len(y),
        "roc_auc": round(float(roc_auc_score(y, p)), 4) if len(np.unique(y)) == 2 else None,
        "log_loss": round(float(log_loss(y, p, labels=[0, 1])), 4),
        "brier": round(float(brier_score_loss(y, p)), 4),
        "base_rate": round(float(y.mean()), 4),
        "signals_at_threshold": int(chosen.sum()),
        "precision_at_threshold": round(float(y[chosen].mean()), 4) if chosen.any() else None,
        "expected_r_per_signal_before_fees": round(float(r[chosen].mean()), 4) if chosen.any() else None,
        "fee_r_per_signal": round(float(fee[chosen].mean()), 4) if chosen.any() else None,
        "expected_r_per_signal_after_fees": round(float(net.mean()), 4) if chosen.any() else None,
        "expected_r_all_rows_after_fees": round(float((r - fee).mean()), 4),
    }


def train(data_paths: Sequence[Path | str], out_path: Path, params: TrainParams = TrainParams(),
          progress=None) -> dict:
    import onnxruntime as ort

    say = progress or (lambda message: None)
    files = _input_files(data_paths, params.timeframe)
    if not files:
        raise ValueError(f"no {params.timeframe} candle files in {', '.join(map(str, data_paths))}")
    market = ReplayMarketData.from_files(files)
    ds = build_dataset(market, params)
    tf = timeframe_ms(params.timeframe)
    first, end = market.time_range()  # the data's period: the same cut as the backtest's held-out window
    folds = walk_forward_folds(first, end, params)
    p_oos, y_oos, r_oos, fee_oos, fold_rows, parity = [], [], [], [], [], 0.0
    for k, fold in enumerate(folds, 1):
        tr = (ds.ts >= fold.train_from) & (ds.ts < fold.train_to)
        te = (ds.ts >= fold.test_from) & (ds.ts < fold.test_to)
        if tr.sum() < 1000 or te.sum() < 200 or len(np.unique(ds.y[tr])) < 2:
            raise ValueError(f"fold {k}: not enough rows (train {int(tr.sum())}, test {int(te.sum())})")
        say(f"fold {k}/{len(folds)}: train {int(tr.sum())} rows {_iso(fold.train_from)} .. {_iso(fold.train_to)}, "
            f"test {int(te.sum())} rows .. {_iso(fold.test_to)}")
        model = fit_model(ds.X[tr], ds.y[tr], params)
        p = model.predict_proba(ds.X[te])[:, 1]
        p_oos.append(p), y_oos.append(ds.y[te]), r_oos.append(ds.outcome_r[te]), fee_oos.append(ds.fee_r[te])
        fold_rows.append({"fold": k, "train": [_iso(fold.train_from), _iso(fold.train_to)], "train_rows": int(tr.sum()),
                          "test": [_iso(fold.test_from), _iso(fold.test_to)],
                          **_scores(ds.y[te], p, ds.outcome_r[te], ds.fee_r[te], params.threshold)})
    pooled = [np.concatenate(a) for a in (y_oos, p_oos, r_oos, fee_oos)]
    oos = _scores(*pooled, params.threshold)
    # reported, not chosen from: the shipped threshold stays `params.threshold`
    by_threshold = {f"{t:.2f}": {k: v for k, v in _scores(*pooled, t).items()
                                 if k in ("signals_at_threshold", "precision_at_threshold",
                                          "expected_r_per_signal_after_fees")}
                    for t in (0.35, 0.40, 0.45, 0.50, params.threshold)}

    # the shipped model: the same procedure on the latest rolling window
    length = folds[0].train_to - folds[0].train_from
    final = (ds.ts >= end - params.horizon * tf - length) & (ds.ts < end - params.horizon * tf)
    say(f"shipped model: train {int(final.sum())} rows .. {_iso(end - params.horizon * tf)}")
    model = fit_model(ds.X[final], ds.y[final], params)
    model_bytes = to_onnx_bytes(model)
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    probe = ds.X[-min(len(ds.X), 5000):].astype(np.float32)
    p_onnx = session.run(["probabilities"], {"features": probe})[0][:, 1]
    parity = float(np.max(np.abs(p_onnx - model.predict_proba(probe)[:, 1])))
    if parity > 1e-4:
        raise ValueError(f"ONNX export differs from LightGBM by {parity:.2e}")

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(model_bytes)
    meta = {
        "model": "LightGBM LGBMClassifier", "format": "onnx", "opset": {"": ONNX_OPSET, "ai.onnx.ml": 1},
        "features": list(FEATURE_NAMES),
        "label": {"kind": "triple_barrier", "horizon_bars": params.horizon, "tp_atr": params.tp_atr,
                  "sl_atr": params.sl_atr, "atr_length": params.atr_length, "timeframe": params.timeframe,
                  "positive": "high reaches close + tp_atr*ATR before low reaches close - sl_atr*ATR"},
        "params": asdict(params),
        "data": {"symbols": sorted({str(s) for s in ds.symbol}), "period": [_iso(first), _iso(end)],
                 "rows": len(ds.y),
                 "files": {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}},
        "walk_forward": {"purge_bars": params.horizon, "folds": fold_rows, "out_of_sample": oos,
                         "by_threshold": by_threshold},
        "shipped_model": {"train": [_iso(end - params.horizon * tf - length), _iso(end - params.horizon * tf)],
                          "train_rows": int(final.sum()), "train_positive": round(float(ds.y[final].mean()), 4)},
        "metrics": {**oos, "threshold": params.threshold, "onnx_vs_lightgbm_max_abs_diff": parity},
        "sha256": hashlib.sha256(model_bytes).hexdigest(),
    }
    out_path.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n")
    (out_path.parent / "MODEL_CARD.md").write_text(model_card(meta))
    return meta


def model_card(meta: dict) -> str:
    m, lab, wf, p = meta["metrics"], meta["label"], meta["walk_forward"], meta["params"]
    feats = ", ".join(f"`{f}`" for f in meta["features"])
    rows = "\n".join(
        f"| {f['fold']} | {f['train'][0]} .. {f['train'][1]} ({f['train_rows']}) | {f['test'][0]} .. {f['test'][1]} "
        f"({f['rows']}) | {f['roc_auc']} | {f['signals_at_threshold']} | {f['precision_at_threshold']} | "
        f"{f['expected_r_per_signal_after_fees']} |" for f in wf["folds"])
    files = "\n".join(f"- `{name}` sha256 `{digest}`" for name, digest in meta["data"]["files"].items())
    thresholds = "\n".join(f"| {t} | {v['signals_at_threshold']} | {v['precision_at_threshold']} | "
                           f"{v['expected_r_per_signal_after_fees']} |" for t, v in wf["by_threshold"].items())
    return f"""# House ML model card (`house_ml.onnx`)

Generated by `verzek train-model`; regenerate rather than edit. sha256 `{meta['sha256']}`.
Reproduce byte for byte: `verzek train-model --data ../shared/data/ohlcv/usdt/futures` (same files, below).

## What it predicts
P(label = 1) for the last closed {lab['timeframe']} candle, where 1 means: within {lab['horizon_bars']} bars
the high reaches close + {lab['tp_atr']}×ATR({lab['atr_length']}) **before** the low reaches
close − {lab['sl_atr']}×ATR (a bar touching both counts as a loss). The ML strategy fires a long when
P ≥ its threshold ({m['threshold']}), with its stop at the lower barrier and its middle target at the upper one.

## Model
{meta['model']}, {p['n_estimators']} trees of ≤ {p['num_leaves']} leaves (depth ≤ {p['max_depth']}), learning rate
{p['learning_rate']}, bagging {p['subsample']}, ≥ {p['min_samples_leaf']} rows per leaf, seed {p['seed']}, single-threaded
deterministic mode; exported to ONNX (opset {meta['opset']['']}, tensor output, no ZipMap) and run with onnxruntime.
ONNX vs LightGBM on the last 5,000 rows: max |ΔP| = {m['onnx_vs_lightgbm_max_abs_diff']:.2e}.

## Features ({len(meta['features'])}, all price-scale free)
{feats}

## Data
Binance USDT-M perpetual {lab['timeframe']} candles, {', '.join(meta['data']['symbols'])};
{meta['data']['period'][0]} .. {meta['data']['period'][1]}, {meta['data']['rows']} labelled rows. Input files:
{files}

## Walk-forward validation (purged)
The last {int(p['test_fraction'] * 100)} % of the period is cut into {p['folds']} folds. Each fold is scored by a model trained
on a rolling window of the in-sample length that ends {wf['purge_bars']} bars (the label horizon) before the fold.

| fold | train (rows) | test (rows) | ROC AUC | signals | precision | R/signal after fees |
|---|---|---|---|---|---|---|
{rows}

## Out-of-sample metrics (all folds pooled)
| metric | value |
|---|---|
| ROC AUC | {m['roc_auc']} |
| log loss / Brier | {m['log_loss']} / {m['brier']} |
| base rate (share of rows labelled 1) | {m['base_rate']} |
| signals at threshold {m['threshold']} | {m['signals_at_threshold']} of {m['rows']} rows |
| precision at threshold | {m['precision_at_threshold']} |
| expected R per signal before fees | {m['expected_r_per_signal_before_fees']} |
| round-trip fees in R ({p['fee_round_trip_pct']} % of price over the stop distance) | {m['fee_r_per_signal']} |
| **expected R per signal after fees** | **{m['expected_r_per_signal_after_fees']}** |
| expected R of entering on every row, after fees (baseline) | {m['expected_r_all_rows_after_fees']} |

Other thresholds, same pooled out-of-sample rows (for reading only: the threshold was not chosen from these):

| threshold | signals | precision | R/signal after fees |
|---|---|---|---|
{thresholds}

R is the stop distance ({lab['sl_atr']}×ATR). A signal's result: +{lab['tp_atr'] / lab['sl_atr']:g} R if the upper barrier is hit first,
−1 R if the lower one is, else the close {lab['horizon_bars']} bars later (in R); fees are subtracted per signal.
Signals overlap (a row every {lab['timeframe']}, the strategy's cooldown thins them), so these are per-row averages, not a
portfolio return: `verzek backtest --strategy ml` trades them (walk-forward, fees, funding, baselines).

## Shipped model
Trained with the same procedure on the latest rolling window, {meta['shipped_model']['train'][0]} ..
{meta['shipped_model']['train'][1]} ({meta['shipped_model']['train_rows']} rows, {meta['shipped_model']['train_positive']:.1%} positive).
The numbers above validate the procedure on earlier windows; how this model does after its window is not measured
here. Any backtest of the shipped model on dates inside its training window is in sample.
"""
