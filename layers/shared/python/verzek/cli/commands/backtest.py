"""`verzek backtest`: run a house strategy and the trade planner + paper fills over recorded candles."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("backtest", help="backtest a house strategy on recorded candles",
                              description=__doc__)
    p.add_argument("--strategy", required=True, choices=("scalping", "trend", "qfl", "ml"))
    p.add_argument("--data", nargs="+", type=Path, default=None,
                   help="recorded candle files/directories (BASE_QUOTE-<tf>.json[.gz]); default: bundled sample")
    p.add_argument("--from", dest="from_", default=None, help="start, UTC (YYYY-MM-DD or ISO 8601)")
    p.add_argument("--to", default=None, help="end (exclusive), UTC")
    p.add_argument("--out", type=Path, default=Path("backtest-out"), help="directory for report.json/equity.png")
    p.add_argument("--balance", default="10000", help="start balance in the quote currency")
    p.add_argument("--size-pct", default="10", help="percent of the free balance per trade")
    p.add_argument("--fee", default="0.001", help="maker and taker fee rate (0.001 = 0.1 %%)")
    p.add_argument("--no-png", action="store_true", help="skip the equity-curve PNG")
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


def run(args: argparse.Namespace) -> int:
    from decimal import Decimal, InvalidOperation

    from verzek.backtest import BacktestSettings, run_backtest
    from verzek.backtest.report import write_equity_png, write_json
    from verzek.backtest.simulator import Fees
    from verzek.cli import CliError
    from verzek.marketdata.replay import MarketDataError, ReplayMarketData, sample_dir
    from verzek.ml.model import ModelError
    from verzek.strategies import create_strategy

    from_ms, to_ms = _parse_time(args.from_, "--from"), _parse_time(args.to, "--to")
    if from_ms is not None and to_ms is not None and from_ms >= to_ms:
        raise CliError("--from must be before --to")
    try:
        balance, size, fee = Decimal(args.balance), Decimal(args.size_pct), Decimal(args.fee)
    except InvalidOperation:
        raise CliError("--balance, --size-pct and --fee must be numbers") from None
    if balance <= 0 or not 0 < size <= 100 or not 0 <= fee < Decimal("0.05"):
        raise CliError("--balance must be > 0, --size-pct in (0, 100], --fee in [0, 0.05)")
    strategy = create_strategy(args.strategy)
    try:
        market = ReplayMarketData.from_files(args.data or [sample_dir()])
        series = [market.full_series(s, strategy.timeframe) for s in market.symbols(strategy.timeframe)]
        if not series:
            raise CliError(f"no recorded candles usable at {strategy.timeframe} (the {strategy.name} timeframe)")
        settings = BacktestSettings(start_balance=balance, size_pct=size, fees=Fees(fee, fee))
        result = run_backtest(strategy, series, from_ms=from_ms, to_ms=to_ms, settings=settings)
    except (MarketDataError, ModelError, ValueError) as exc:
        raise CliError(str(exc)) from None
    write_json(result.report, args.out / "report.json")
    if not args.no_png:
        write_equity_png(result, args.out / "equity.png")
    r = result.report
    print(f"{r['strategy']} {r['timeframe']} {r['period']['from']} .. {r['period']['to']} on {len(r['symbols'])} symbols")
    print(f"trades {r['trades']}  win rate {r['win_rate']}  profit after fees {r['profit_after_fees']} {r['quote']} "
          f"({r['return_pct']:.2f} %)  max drawdown {r['max_drawdown_pct']:.2f} %  sharpe-like {r['sharpe_like']:.2f}  "
          f"exposure {r['exposure_pct']:.1f} %  buy & hold {r['buy_and_hold_return_pct']:.2f} %")
    print(f"report: {args.out / 'report.json'}" + ("" if args.no_png else f"  equity curve: {args.out / 'equity.png'}"))
    return 0
