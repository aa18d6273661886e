"""Backtest outputs: a deterministic JSON report and an equity-curve PNG (matplotlib, offline only)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")


def write_equity_png(result, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rep = result.report
    start = float(rep["settings"]["start_balance"])
    days = (result.equity_ts - result.equity_ts[0]) / 86_400_000
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, height_ratios=[3, 1])
    ax1.plot(days, 100 * (result.equity / start - 1), label=f"{rep['strategy']} (after fees)", lw=1.2)
    ax1.plot(days, 100 * result.buy_hold, label="buy & hold (equal weight)", lw=1, alpha=0.7)
    ax1.axhline(0, color="grey", lw=0.5)
    ax1.set_ylabel("return %")
    ax1.set_title(f"{rep['strategy']} {rep['timeframe']} · {len(rep['symbols'])} symbols · "
                  f"{rep['period']['from'][:10]} .. {rep['period']['to'][:10]} · trades {rep['trades']}")
    ax1.legend(loc="best")
    peaks = np.maximum.accumulate(result.equity)
    ax2.fill_between(days, -100 * (peaks - result.equity) / peaks, 0, color="tab:red", alpha=0.4)
    ax2.set_ylabel("drawdown %")
    ax2.set_xlabel("days")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)
