"""`verzek train-model`: features + triple-barrier labels from recorded candles → purged walk-forward
validation → LightGBM → ONNX + sidecar + model card, byte-reproducible for the same input files.
The shipped model: `verzek train-model --data ../shared/data/ohlcv/usdt/futures` (a few minutes)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("train-model", help="train the house ML model on recorded candles, export ONNX",
                              description=__doc__)
    p.add_argument("--data", nargs="+", type=Path, required=True,
                   help="recorded candle files or directories (.json[.gz] or freqtrade .feather), e.g. "
                        "../shared/data/ohlcv/usdt/futures")
    p.add_argument("--out", type=Path, default=None,
                   help="output .onnx path (default: the packaged verzek/ml/models/house_ml.onnx)")
    p.add_argument("--timeframe", default="5m")
    p.add_argument("--horizon", type=int, default=12, help="label horizon in bars")
    p.add_argument("--tp-atr", type=float, default=1.5, help="label up-barrier in ATRs")
    p.add_argument("--sl-atr", type=float, default=1.0, help="label down-barrier in ATRs")
    p.add_argument("--test-fraction", type=float, default=0.3,
                   help="the last part of the period, validated walk-forward (default 0.3)")
    p.add_argument("--folds", type=int, default=3, help="walk-forward folds (default 3)")
    p.add_argument("--threshold", type=float, default=0.55, help="probability that counts as a signal")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from verzek.cli import CliError
    from verzek.marketdata.replay import MarketDataError
    from verzek.marketdata.series import timeframe_ms
    from verzek.ml.model import DEFAULT_MODEL
    from verzek.ml.training import TrainParams, train

    try:
        timeframe_ms(args.timeframe)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if not 0.05 <= args.test_fraction <= 0.9:
        raise CliError("--test-fraction must be between 0.05 and 0.9")
    if not 1 <= args.folds <= 20:
        raise CliError("--folds must be between 1 and 20")
    if args.horizon < 1 or args.tp_atr <= 0 or args.sl_atr <= 0 or not 0 < args.threshold < 1:
        raise CliError("--horizon must be ≥ 1, barriers > 0 and --threshold in (0, 1)")
    out = args.out or DEFAULT_MODEL
    if out.suffix != ".onnx":
        raise CliError("--out must end in .onnx")
    params = TrainParams(timeframe=args.timeframe, horizon=args.horizon, tp_atr=args.tp_atr, sl_atr=args.sl_atr,
                         test_fraction=args.test_fraction, folds=args.folds, threshold=args.threshold)
    try:
        meta = train(args.data, out, params, progress=lambda message: print(message, flush=True))
    except (MarketDataError, ValueError) as exc:
        raise CliError(str(exc)) from None
    m = meta["metrics"]
    print(f"model: {out} ({out.stat().st_size // 1024} KiB, sha256 {meta['sha256'][:12]})")
    print(f"walk-forward out of sample ({len(meta['walk_forward']['folds'])} folds, purge {params.horizon} bars): "
          f"ROC AUC {m['roc_auc']}, {m['signals_at_threshold']} signals at {m['threshold']}, precision "
          f"{m['precision_at_threshold']} (base rate {m['base_rate']}), R/signal after fees "
          f"{m['expected_r_per_signal_after_fees']}")
    print(f"shipped model trained {meta['shipped_model']['train'][0]} .. {meta['shipped_model']['train'][1]}")
    print(f"model card: {out.parent / 'MODEL_CARD.md'}")
    return 0
