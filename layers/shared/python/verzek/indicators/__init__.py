"""Indicators by name for strategies and the ML feature builder (TA-Lib on numpy; see library.py)."""

from verzek.indicators.library import REGISTRY, Indicators, IndicatorSpec, available, compute

__all__ = ["REGISTRY", "IndicatorSpec", "Indicators", "available", "compute"]
