"""Backtests of the house strategies over recorded candles, traded by the real execution engine
(paper mode, fees and slippage) on a scratch database."""

from verzek.backtest.engine import BacktestResult, BacktestSettings, run_backtest

__all__ = ["BacktestResult", "BacktestSettings", "run_backtest"]
