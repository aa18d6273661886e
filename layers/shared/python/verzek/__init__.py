"""Verzek AutoTrader shared domain package (deployed as the `shared` Lambda layer)."""

__version__ = "0.1.0"
