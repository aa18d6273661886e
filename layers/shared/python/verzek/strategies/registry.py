"""Strategy registry: name → class, built with its validated config."""

from __future__ import annotations

from typing import Any

from verzek.strategies.base import Strategy
from verzek.strategies.config import load_config


def _classes() -> dict[str, type[Strategy]]:
    from verzek.strategies.ml import MlStrategy
    from verzek.strategies.qfl import QflStrategy
    from verzek.strategies.scalping import ScalpingStrategy
    from verzek.strategies.trend import TrendStrategy

    return {cls.name: cls for cls in (ScalpingStrategy, TrendStrategy, QflStrategy, MlStrategy)}


STRATEGY_NAMES: tuple[str, ...] = ("scalping", "trend", "qfl", "ml")


def create_strategy(name: str, overrides: dict[str, Any] | None = None, **kwargs: Any) -> Strategy:
    """A strategy instance; ValueError for an unknown name, pydantic ValidationError for bad overrides."""
    if name not in STRATEGY_NAMES:
        raise ValueError(f"unknown strategy {name!r}; known: {', '.join(STRATEGY_NAMES)}")
    return _classes()[name](load_config(name, overrides), **kwargs)
