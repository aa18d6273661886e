"""The trade screener of scripts/evaluate_strategies.py (the evidence for disabling the house
strategies), checked by hand on made-up candles."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from verzek.domain.signals import Side
from verzek.marketdata import OhlcvSeries
from verzek.strategies.base import Setup

REPO = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("evaluate_strategies", REPO / "scripts" / "evaluate_strategies.py")
screen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screen)


def _series(rows):
    arr = np.array([[i * 300_000, *r, 1.0] for i, r in enumerate(rows)], dtype=float)
    return OhlcvSeries("T/USDT", "5m", arr[:, 0].astype(np.int64), arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4], arr[:, 5])


def _setup(side=Side.LONG, entry=100.0, targets=(102.0, 104.0, 106.0), stop=98.0):
    return Setup("t", "T/USDT", "5m", 0, side, (entry,), targets, stop, 0.5, "test")


def test_tp1_then_breakeven_stop_after_fees():
    # decision at bar 0; fill at bar 1's open 100; bar 2 reaches TP1 102 (half off), bar 3 falls back to 100
    s = _series([(100, 100, 100, 100), (100, 101, 99.5, 100.5), (101, 102.5, 100.5, 102), (101, 101, 99, 99.5)])
    got = screen.simulate(_setup(), s)
    pnl = 0.5 * 0.02 + 0.5 * (100 * (1 - screen.SLIPPAGE) / 100 - 1)  # half at +2 %, half at the entry - slippage
    fees = screen.FEE * (1 + 0.5 + 0.5)
    assert got == pytest.approx(100 * (pnl - fees))


def test_a_candle_touching_stop_and_target_counts_the_stop():
    s = _series([(100, 100, 100, 100), (100, 103, 97, 100)])
    got = screen.simulate(_setup(), s)
    assert got == pytest.approx(100 * ((98 * (1 - screen.SLIPPAGE) / 100 - 1) - 2 * screen.FEE))


def test_short_trades_and_the_time_limit(monkeypatch):
    monkeypatch.setattr(screen, "MAX_BARS", 2)
    s = _series([(100, 100, 100, 100), (100, 100.5, 99.5, 99), (99, 99.5, 98.5, 99)])
    got = screen.simulate(_setup(Side.SHORT, targets=(95.0, 90.0, 85.0), stop=105.0), s)
    assert got == pytest.approx(100 * ((1 - 99 / 100) - 2 * screen.FEE))  # closed at the 2nd bar's close
    assert screen.stats([1.0, -3.0, None]) == {"trades": 2, "avg_net_pct": -1.0, "sum_net_pct": -2.0, "win_rate": 0.5}
