"""`verzek train-model`: features + labels from recorded candles → time-split training → ONNX + model card."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("train-model", help="train the house ML model on recorded candles, export ONNX",
                              description=__doc__)
    p.add_argument("--data", nargs="+", type=Path, default=None,
                   help="recorded candle files or directories (default: the bundled sample)")
    p.add_argument("--out", type=Path, default=None,
                   help="output .onnx path (default: the packaged verzek/ml/models/house_ml.onnx)")
    p.add_argument("--timeframe", default="5m")
    p.add_argument("--horizon", type=int, default=12, help="label horizon in bars")
    p.add_argument("--tp-atr", type=float, default=1.5, help="label up-barrier in ATRs")
    p.add_argument("--sl-atr", type=float, default=1.0, help="label down-barrier in ATRs")
    p.add_argument("--train-fraction", type=float, default=0.7, help="share of the time range used to train")
    p.add_argument("--threshold", type=float, default=0.55, help="probability that counts as a signal")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from verzek.cli import CliError
    from verzek.marketdata.replay import MarketDataError, sample_dir
    from verzek.marketdata.series import timeframe_ms
    from verzek.ml.model import DEFAULT_MODEL
    from verzek.ml.training import TrainParams, train

    try:
        timeframe_ms(args.timeframe)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if not 0.1 <= args.train_fraction <= 0.95:
        raise CliError("--train-fraction must be between 0.1 and 0.95")
    if args.horizon < 1 or args.tp_atr <= 0 or args.sl_atr <= 0 or not 0 < args.threshold < 1:
        raise CliError("--horizon must be ≥ 1, barriers > 0 and --threshold in (0, 1)")
    out = args.out or DEFAULT_MODEL
    if out.suffix != ".onnx":
        raise CliError("--out must end in .onnx")
    params = TrainParams(timeframe=args.timeframe, horizon=args.horizon, tp_atr=args.tp_atr, sl_atr=args.sl_atr,
                         train_fraction=args.train_fraction, threshold=args.threshold)
    try:
        meta = train(args.data or [sample_dir()], out, params)
    except (MarketDataError, ValueError) as exc:
        raise CliError(str(exc)) from None
    m = meta["metrics"]
    print(f"model: {out} ({out.stat().st_size // 1024} KiB, sha256 {meta['sha256'][:12]})")
    print(f"train {meta['train_window'][0]} .. {meta['train_window'][1]} ({meta['train_rows']} rows); "
          f"test {meta['test_window'][0]} .. {meta['test_window'][1]} ({m['test_rows']} rows)")
    print(f"held-out ROC AUC {m['roc_auc']}, log loss {m['log_loss']} (base rate {m['log_loss_base_rate']}), "
          f"precision@{m['threshold']} {m['precision_at_threshold']} vs base rate {m['test_base_rate']}")
    print(f"model card: {out.parent / 'MODEL_CARD.md'}")
    return 0
