"""`verzek backtest`: run a house strategy over recorded candles and trade its signals with the real
execution engine in paper mode (ingest, executor, position monitor) on a scratch database.

Honest by default: only the last 30 % of the data's period is traded (out of sample; the report
names the in-sample and out-of-sample periods), the ML strategy is evaluated walk-forward (a model
per fold, trained only before it), and the result is compared with buy-and-hold, cash, and a
random-entry baseline that keeps the strategy's exits (seeded). Balances are in the quote currency
(USDT with the default data: the bundled Binance USDT-M sample). For long runs pass the shared set,
e.g. --data ../shared/data/ohlcv/usdt/futures (freqtrade .feather files; needs the tools extra)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    import argparse

    class _Formatter(argparse.RawDescriptionHelpFormatter):
        """The module text as written, and every option's default shown (unless its help names it)."""

        def _get_help_string(self, action):
            text = action.help or ""
            if "default" in text or action.default in (None, False, argparse.SUPPRESS) or not action.option_strings:
                return text
            return text + " (default: %(default)s)"

    p = subparsers.add_parser("backtest", help="backtest a house strategy on recorded candles",
                              description=__doc__, formatter_class=_Formatter)
    p.add_argument("--strategy", required=True, choices=("scalping", "trend", "qfl", "ml"))
    p.add_argument("--data", nargs="+", type=Path, default=None,
                   help="recorded candle files/directories (BASE_QUOTE[_SETTLE]-<tf>[-futures].json[.gz] or "
                        "freqtrade .feather); default: the bundled USDT-M sample")
    p.add_argument("--config", default=None,
                   help='strategy parameter overrides as JSON, e.g. \'{"crack_pct": 0.05, "stop_atr": 6}\' (validated)')
    p.add_argument("--symbols", default=None, help="comma-separated symbols to use from the data (default: all)")
    p.add_argument("--from", dest="from_", default=None,
                   help="start, UTC (YYYY-MM-DD or ISO 8601); with --to, replaces the out-of-sample window")
    p.add_argument("--to", default=None, help="end (exclusive), UTC")
    p.add_argument("--test-fraction", type=float, default=0.3,
                   help="the last part of the data's period traded out of sample")
    p.add_argument("--folds", type=int, default=3, help="walk-forward folds for the ML strategy")
    p.add_argument("--seed", type=int, default=0, help="seed of the random-entry baseline")
    p.add_argument("--no-baseline", action="store_true", help="skip the random-entry baseline run")
    p.add_argument("--out", type=Path, default=Path("backtest-out"), help="directory for report.json/equity.png")
    p.add_argument("--balance", default="10000", help="start balance in the quote currency")
    p.add_argument("--size-pct", default="10", help="percent of the free balance per trade")
    p.add_argument("--max-open", type=int, default=5, help="maximum open positions (default 5)")
    p.add_argument("--tp-split", default="50,30,20",
                   help="take-profit split in percent of the filled amount, comma separated (default 50,30,20)")
    p.add_argument("--breakeven-after-tp", type=int, default=1,
                   help="move the stop to the entry after this TP (0 = never; default 1)")
    p.add_argument("--dca-orders", type=int, default=0, help="DCA safety orders per trade (default 0 = off)")
    p.add_argument("--dca-step-pct", default="2", help="distance between safety orders, percent (default 2)")
    p.add_argument("--dca-scale", default="1.5", help="volume scale from one safety order to the next (default 1.5)")
    p.add_argument("--fee", default=None,
                   help="maker and taker fee rate (0.001 = 0.1 %%; default: PAPER_MAKER/TAKER_FEE_PCT, whose default "
                        "`market` is each market's own recorded fee, e.g. Binance USD-M 0.02 %% / 0.05 %%)")
    p.add_argument("--slippage-pct", default=None,
                   help="market/stop order slippage in percent (default: PAPER_SLIPPAGE_PCT)")
    p.add_argument("--no-png", action="store_true", help="skip the equity-curve PNG")
    p.add_argument("--verbose", action="store_true", help="show the execution engine's logs")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (it is shown on a terminal only: simulated time, trades, ETA)")
    p.add_argument("--every-bar", action="store_true",
                   help="run the position monitor at every candle, also where no position's price was reached "
                        "(the same result, slower; see verzek.backtest.quiet)")
    p.set_defaults(func=run)


def _parse_time(value: str | None, flag: str) -> int | None:
    from datetime import UTC, datetime

    from verzek.cli import CliError

    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)  # Python 3.12 accepts a trailing Z
    except ValueError:
        raise CliError(f"{flag}: not a date/time: {value!r} (use YYYY-MM-DD or ISO 8601)") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)


def _settings(args: argparse.Namespace):
    from decimal import Decimal, InvalidOperation

    from verzek.backtest import BacktestSettings
    from verzek.cli import CliError

    try:
        balance, size = Decimal(args.balance), Decimal(args.size_pct)
        split = tuple(Decimal(x) for x in args.tp_split.split(","))
        step, scale = Decimal(args.dca_step_pct), Decimal(args.dca_scale)
        fee = None if args.fee is None else Decimal(args.fee)
        slippage = None if args.slippage_pct is None else Decimal(args.slippage_pct)
    except InvalidOperation:
        raise CliError("--balance, --size-pct, --tp-split, --dca-step-pct, --dca-scale, --fee and "
                       "--slippage-pct must be numbers") from None
    checks = [
        (balance.is_finite() and balance > 0, "--balance must be > 0"),
        (size.is_finite() and 0 < size <= 100, "--size-pct must be in (0, 100]"),
        (1 <= args.max_open <= 500, "--max-open must be between 1 and 500"),
        (all(x.is_finite() and x > 0 for x in split) and len(split) <= 20,
         "--tp-split must be up to 20 positive percentages"),
        (0 <= args.breakeven_after_tp <= 20, "--breakeven-after-tp must be between 0 and 20"),
        (0 <= args.dca_orders <= 20, "--dca-orders must be between 0 and 20"),
        (step.is_finite() and 0 < step < 100, "--dca-step-pct must be in (0, 100)"),
        (scale.is_finite() and 0 < scale <= 10, "--dca-scale must be in (0, 10]"),
        (fee is None or (fee.is_finite() and 0 <= fee < Decimal("0.05")), "--fee must be in [0, 0.05)"),
        (slippage is None or (slippage.is_finite() and 0 <= slippage < 5), "--slippage-pct must be in [0, 5)"),
    ]
    for ok, message in checks:
        if not ok:
            raise CliError(message)
    fee_pct = None if fee is None else (fee * 100).normalize()
    return BacktestSettings(start_balance=balance, size_pct=size, max_open_positions=args.max_open, tp_split=split,
                            breakeven_after_tp=args.breakeven_after_tp or None, dca_safety_orders=args.dca_orders,
                            dca_step_pct=step, dca_volume_scale=scale, maker_fee_pct=fee_pct, taker_fee_pct=fee_pct,
                            slippage_pct=slippage)


def _strategy(args):
    import json

    from pydantic import ValidationError

    from verzek.cli import CliError
    from verzek.strategies import create_strategy

    overrides = None
    if args.config is not None:
        try:
            overrides = json.loads(args.config)
        except json.JSONDecodeError as exc:
            raise CliError(f"--config: not JSON ({exc.msg})") from None
        if not isinstance(overrides, dict):
            raise CliError("--config must be a JSON object of strategy parameters")
    try:
        return create_strategy(args.strategy, overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"--config: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def _load(args, timeframe: str):
    from verzek.cli import CliError
    from verzek.marketdata.replay import ReplayMarketData, usdt_sample_dir

    market = ReplayMarketData.from_files(args.data or [usdt_sample_dir()])
    symbols = market.symbols(timeframe)
    if args.symbols:
        wanted = [s.strip() for s in args.symbols.split(",") if s.strip()]
        unknown = sorted(set(wanted) - set(symbols))
        if unknown:
            raise CliError(f"--symbols: no {timeframe} candles for {', '.join(unknown)} in the data "
                           f"(it has {', '.join(symbols) or 'none'})")
        symbols = wanted
    series = [market.full_series(s, timeframe) for s in symbols]
    if not series:
        raise CliError(f"no recorded candles usable at {timeframe}")
    return series


def run(args: argparse.Namespace) -> int:
    import time

    from verzek.backtest.evaluation import evaluate, holdout_periods
    from verzek.backtest.report import write_equity_png, write_json
    from verzek.backtest.scratch import ScratchDatabaseError
    from verzek.cli import CliError
    from verzek.marketdata.replay import MarketDataError, usdt_sample_dir
    from verzek.ml.model import ModelError

    from_ms, to_ms = _parse_time(args.from_, "--from"), _parse_time(args.to, "--to")
    if from_ms is not None and to_ms is not None and from_ms >= to_ms:
        raise CliError("--from must be before --to")
    if not 0.05 <= args.test_fraction <= 0.9:
        raise CliError("--test-fraction must be between 0.05 and 0.9")
    if not 1 <= args.folds <= 20:
        raise CliError("--folds must be between 1 and 20")
    settings = _settings(args)
    strategy = _strategy(args)
    started = time.perf_counter()
    walk_forward = strategy.name == "ml" and from_ms is None and to_ms is None
    try:
        series = _load(args, strategy.timeframe)
        periods = holdout_periods(series, strategy.timeframe, test_fraction=args.test_fraction, from_ms=from_ms,
                                  to_ms=to_ms, mode="walk_forward" if walk_forward else "holdout")
        setups, extra = None, None
        if walk_forward:
            from verzek.backtest.walkforward import walk_forward_setups

            setups, folds = walk_forward_setups(strategy, series, periods, folds=args.folds,
                                                progress=lambda m: print(m, flush=True))
            extra = {"walk_forward_folds": folds}
        folders = [p for p in (args.data or [usdt_sample_dir()]) if p.is_dir()]  # their funding + mark files too
        evaluation = evaluate(strategy, series, settings=settings, periods=periods, seed=args.seed,
                              random_baseline=not args.no_baseline, quiet=not args.verbose, setups=setups,
                              extra=extra, funding_from=folders, progress=lambda m: print(m, flush=True),
                              progress_bar=False if args.no_progress else None, every_bar=args.every_bar)
    except (MarketDataError, ModelError, ScratchDatabaseError, ValueError) as exc:
        raise CliError(str(exc)) from None
    result = evaluation.result
    elapsed = time.perf_counter() - started
    write_json(result.report, args.out / "report.json")
    if not args.no_png:
        write_equity_png(result, args.out / "equity.png")
    r, ev = result.report, result.report["evaluation"]
    print(f"{r['strategy']} {r['timeframe']} on {len(r['symbols'])} symbols ({r['period']['bars']} bars, {elapsed:.1f} s)")
    if "in_sample" in ev:
        print(f"in sample (fit only here) {ev['in_sample']['from']} .. {ev['in_sample']['to']}; "
              f"out of sample (traded, {ev['mode']}) {ev['out_of_sample']['from']} .. {ev['out_of_sample']['to']}")
    else:
        print(f"custom period {ev['out_of_sample']['from']} .. {ev['out_of_sample']['to']} ({ev['note']})")
    win_rate = "-" if r["win_rate"] is None else f"{r['win_rate']:.3f}"
    print(f"trades {r['trades']} (open at end {r['open_at_end']})  win rate {win_rate}  profit after fees "
          f"{r['profit_after_fees']} {r['quote']} ({r['return_pct']:.2f} %)  fees {r['fees_paid']} {r['quote']}  "
          f"funding {r['funding']} {r['quote']} (+ received / − paid)  "
          f"max drawdown {r['max_drawdown_pct']:.2f} %  exposure {r['exposure_pct']:.1f} %")
    b = r["baselines"]
    line = f"baselines: buy & hold {b['buy_and_hold_return_pct']:.2f} %  cash 0.00 %"
    if "random_entry_same_exits" in b:
        line += f"  random entry, same exits (seed {args.seed}) {b['random_entry_same_exits']['return_pct']:.2f} %"
    print(line)
    print("beats: " + ", ".join(f"{k.removeprefix('beats_')} {'yes' if v else 'no'}" for k, v in r["verdict"].items()))
    print(f"report: {args.out / 'report.json'}" + ("" if args.no_png else f"  equity curve: {args.out / 'equity.png'}"))
    return 0
