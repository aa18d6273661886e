"""Backtests of the house strategies over recorded candles (planner + paper simulator, fees)."""

from verzek.backtest.engine import BacktestResult, BacktestSettings, run_backtest

__all__ = ["BacktestResult", "BacktestSettings", "run_backtest"]
