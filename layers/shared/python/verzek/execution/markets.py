"""Recorded exchange market data shipped with the product (`recorded/<exchange>.json`, written by
`scripts/record_markets.py`; see its provenance field): each market's rules and fees in ccxt's
unified market layout, and the USD-M perpetuals' leverage tiers in ccxt's `fetch_leverage_tiers`
layout. Paper mode trades under these rules, fees and maintenance margins by default, so paper
refuses what the exchange would refuse and liquidates where it would.

    from verzek.execution import markets
    rules = markets.rules("BTC/USDT:USDT")          # MarketRules with steps, minimums, tiers
    markets.fees("BTC/USDT:USDT")                   # (maker, taker) = (0.0002, 0.0005)
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from verzek.execution.ports import LeverageTier, MarketRules

DEFAULT_EXCHANGE = "binance"


@lru_cache(maxsize=8)
def recorded(exchange: str = DEFAULT_EXCHANGE) -> dict:
    """The recorded file of `exchange` ({} when none is shipped)."""
    path = resources.files("verzek.execution") / "recorded" / f"{exchange}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(), parse_float=Decimal)


def leverage_tiers(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> tuple[LeverageTier, ...]:
    return tuple(LeverageTier.from_ccxt(t) for t in recorded(exchange).get("leverage_tiers", {}).get(symbol, ()))


@lru_cache(maxsize=256)
def rules(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> MarketRules | None:
    """The recorded rules of `symbol` (with its leverage tiers), or None when it is not recorded."""
    data = recorded(exchange)
    market = data.get("markets", {}).get(symbol)
    if market is None:
        return None
    mode = 4 if data.get("precisionMode") == "TICK_SIZE" else 2
    return MarketRules.from_ccxt_market(market, mode, tiers=leverage_tiers(symbol, exchange))


def fees(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> tuple[Decimal, Decimal] | None:
    """(maker, taker) fee rates of `symbol` as ccxt states them for the exchange, or None."""
    market = recorded(exchange).get("markets", {}).get(symbol)
    if market is None or market.get("maker") is None or market.get("taker") is None:
        return None
    return Decimal(str(market["maker"])), Decimal(str(market["taker"]))


def symbols(exchange: str = DEFAULT_EXCHANGE) -> list[str]:
    return sorted(recorded(exchange).get("markets", {}))
