"""The four house strategies (scalping, trend, QFL, ML), their configs, and the scheduled runner."""

from verzek.strategies.base import Setup, Strategy
from verzek.strategies.registry import STRATEGY_NAMES, create_strategy

__all__ = ["STRATEGY_NAMES", "Setup", "Strategy", "create_strategy"]
