#!/usr/bin/env python3
"""Issue #14 item 4: tune each house strategy on the in-sample period only, then judge the chosen
configuration once on the held-out period — against cash, buy-and-hold and random entries with the
same exits. Every configuration tried is printed and counted (multiple-testing honesty).

Data: the shared Binance USDT-M set (`--data`, default ../shared/data/ohlcv/usdt/futures): 5m
perpetuals for 10 symbols (2024-12-31 → 2026-02-19) and 1m for BTC/ETH (~5 weeks). The held-out
period is the last 30 % of each timeframe's period (the backtest's default window); tuning reads
only decisions and prices before it.

Months of candles are too long for the full paper engine on this machine (one week of 6 symbols
takes minutes), so trades are *screened* with a simple, pessimistic simulator shared by the
strategy and its random-entry baseline: a setup enters at the next candle's open (taker fee), the
TP ladder (the backtest's default 50/30/20 split, stop to entry after TP1) and the stop are checked
on each later candle — a candle touching both counts the stop first — stops fill with slippage, and
a trade still open after `max_bars` closes at that candle's close. Each trade risks the same
notional; returns are per trade, after fees, in % of notional. `verzek backtest` (the real engine)
remains the reference for the final numbers on shorter windows.

    nice -n 10 .venv/bin/python scripts/evaluate_strategies.py [--out docs/decisions/house-strategies-evidence.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "layers" / "shared" / "python"))

from verzek.backtest.evaluation import holdout_periods, random_entry_setups
from verzek.domain.signals import Side
from verzek.marketdata.replay import ReplayMarketData
from verzek.strategies import create_strategy

FEE = 0.001  # 0.1 % per fill, the paper default (maker and taker)
SLIPPAGE = 0.0005  # 0.05 % on stops, the paper default
SPLIT = (0.5, 0.3, 0.2)
MAX_BARS = 288  # one day of 5m candles (scalping: 288 minutes)

GRIDS = {  # in-sample candidates per strategy; the first entry of each is the shipped default
    "trend": [{"target_atr": tuple(m * k for m in (2.0, 4.0, 6.0)), "stop_atr": s, "adx_min": a}
              for k, s, a in itertools.product((1.0, 2.0, 3.0), (1.0, 2.0), (20.0, 30.0))],
    "qfl": [{"crack_pct": c, "stop_atr": s} for c, s in itertools.product((0.03, 0.02, 0.05), (3.0, 6.0))],
    "scalping": [{"target_r": tuple(m * k for m in (1.0, 1.5, 2.5)), "min_stop_atr": s, "rsi_oversold": r}
                 for k, s, r in itertools.product((1.0, 2.0), (1.0, 3.0), (30.0, 25.0))],
}


def simulate(setup, series, fee=FEE) -> float | None:
    """Net return of one long/short trade in % of its notional (None: no candle after the decision)."""
    i = int(np.searchsorted(series.ts, setup.candle_ts)) + 1
    if i >= len(series):
        return None
    sign = 1.0 if setup.side == Side.LONG else -1.0
    entry = float(series.open[i])
    k = entry / setup.entries[0]  # keep the setup's geometry around the actual fill
    stop, targets = setup.stop * k, [t * k for t in setup.targets]
    split = list(SPLIT[: len(targets)])
    split[-1] += 1.0 - sum(split)
    left, pnl, hit = 1.0, 0.0, 0
    fees = fee  # entry
    for j in range(i, min(len(series), i + MAX_BARS)):
        lo, hi = float(series.low[j]), float(series.high[j])
        stopped = lo <= stop if sign > 0 else hi >= stop
        if stopped:  # pessimistic: the stop before any target in the same candle
            exit_price = stop * (1 - sign * SLIPPAGE)
            pnl += left * sign * (exit_price / entry - 1)
            fees += left * fee
            return 100 * (pnl - fees)
        while hit < len(targets) and (hi >= targets[hit] if sign > 0 else lo <= targets[hit]):
            pnl += split[hit] * sign * (targets[hit] / entry - 1)
            fees += split[hit] * fee
            left -= split[hit]
            hit += 1
            if hit == 1:
                stop = entry  # breakeven after TP1
        if left <= 1e-12:
            return 100 * (pnl - fees)
    last = min(len(series), i + MAX_BARS) - 1
    pnl += left * sign * (float(series.close[last]) / entry - 1)
    fees += left * fee
    return 100 * (pnl - fees)


def stats(returns: list[float]) -> dict:
    r = np.array([x for x in returns if x is not None])
    if r.size == 0:
        return {"trades": 0, "avg_net_pct": None, "sum_net_pct": 0.0, "win_rate": None}
    return {"trades": int(r.size), "avg_net_pct": round(float(r.mean()), 4), "sum_net_pct": round(float(r.sum()), 2),
            "win_rate": round(float((r > 0).mean()), 3)}


def decisions(strategy, series_list, lo, hi):
    out = []
    for s in series_list:
        full = s.up_to(hi - (s.ts[1] - s.ts[0]))
        start = int(np.searchsorted(full.ts, lo))
        out += strategy.scan(full, start=start)
    return out


def buy_and_hold(series_list, lo, hi) -> float:
    rets = []
    for s in series_list:
        a, b = int(np.searchsorted(s.ts, lo)), int(np.searchsorted(s.ts, hi)) - 1
        if b > a:
            rets.append(float(s.close[b]) / float(s.open[a]) - 1)
    return round(100 * float(np.mean(rets)), 2)


def evaluate(name, overrides, series_list, lo, hi, seed=0) -> dict:
    strategy = create_strategy(name, overrides)
    by_symbol = {s.symbol: s for s in series_list}
    setups = decisions(strategy, series_list, lo, hi)
    real = stats([simulate(x, by_symbol[x.symbol]) for x in setups])
    moved = random_entry_setups(setups, by_symbol, lo, hi, seed)
    rnd = stats([simulate(x, by_symbol[x.symbol]) for x in moved])
    return {"config": {k: list(v) if isinstance(v, tuple) else v for k, v in overrides.items()},
            "strategy": real, "random_entry_same_exits": rnd}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "ohlcv" / "usdt" / "futures")
    ap.add_argument("--out", type=Path, default=None, help="write the evidence as JSON")
    ap.add_argument("--strategies", default="trend,qfl,scalping")
    args = ap.parse_args()
    t0 = time.perf_counter()
    market = ReplayMarketData.from_files([args.data])
    evidence = {"data": str(args.data.name), "fee_pct_per_fill": 100 * FEE, "stop_slippage_pct": 100 * SLIPPAGE,
                "tp_split": SPLIT, "max_bars": MAX_BARS, "strategies": {}}
    for name in args.strategies.split(","):
        tf = create_strategy(name).timeframe
        series_list = [market.full_series(s, tf) for s in market.symbols(tf)]
        p = holdout_periods(series_list, tf)
        tried = []
        for k, overrides in enumerate(GRIDS[name], 1):
            row = evaluate(name, overrides, series_list, p.data_from, p.test_from)
            tried.append(row)
            st = row["strategy"]
            print(f"{name} in-sample {k}/{len(GRIDS[name])} {row['config']}: trades {st['trades']} avg "
                  f"{st['avg_net_pct']} % sum {st['sum_net_pct']} % (random entry sum "
                  f"{row['random_entry_same_exits']['sum_net_pct']} %)  [{time.perf_counter() - t0:.0f} s]", flush=True)
        best = max(tried, key=lambda r: r["strategy"]["sum_net_pct"])
        chosen = {k: tuple(v) if isinstance(v, list) else v for k, v in best["config"].items()}
        held = evaluate(name, chosen, series_list, p.test_from, p.test_to)
        held["buy_and_hold_pct"] = buy_and_hold(series_list, p.test_from, p.test_to)
        held["cash_pct"] = 0.0
        verdict = {"beats_cash": held["strategy"]["sum_net_pct"] > 0,
                   "beats_random_entry": held["strategy"]["sum_net_pct"] > held["random_entry_same_exits"]["sum_net_pct"]}
        evidence["strategies"][name] = {
            "timeframe": tf, "symbols": [s.symbol for s in series_list],
            "in_sample": [p.as_report()["in_sample"]["from"], p.as_report()["in_sample"]["to"]],
            "held_out": [p.as_report()["out_of_sample"]["from"], p.as_report()["out_of_sample"]["to"]],
            "configurations_tried": len(tried), "in_sample_results": tried, "chosen": best["config"],
            "held_out_result": held, "verdict": verdict}
        hs = held["strategy"]
        print(f"{name} HELD OUT with {best['config']}: trades {hs['trades']} avg {hs['avg_net_pct']} % sum "
              f"{hs['sum_net_pct']} %; random entry sum {held['random_entry_same_exits']['sum_net_pct']} %; "
              f"buy & hold {held['buy_and_hold_pct']} %; {verdict}", flush=True)
    if args.out:
        args.out.write_text(json.dumps(evidence, indent=2, default=list) + "\n")
    print(f"done in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
