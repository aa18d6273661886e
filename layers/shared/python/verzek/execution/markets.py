"""Recorded exchange market data shipped with the product (`recorded/<exchange>.json` for binance,
bybit, phemex and kraken, written by `scripts/record_markets.py`; each file's `provenance` and each
market's `source` say where the numbers come from): each market's rules and fees in ccxt's unified
market layout, and the futures markets' leverage tiers in ccxt's `fetch_leverage_tiers` layout.
Paper mode trades under these rules, fees and maintenance margins (`PAPER_EXCHANGE`), so paper
refuses what the exchange would refuse and liquidates where it would.

A market the file does not record gets the exchange's documented conservative rules
(`unrecorded_rules`: its general minimum order value, a leverage cap, a maintenance margin rate;
docs/decisions/recorded-market-rules.md), or none at all for a quote currency the file says nothing
about. Files are read once per process (cached).

    from verzek.execution import markets
    rules = markets.rules("BTC/USDT:USDT")                    # MarketRules with steps, minimums, tiers
    markets.rules("BTC/USDT:USDT", "bybit")                   # the same market on Bybit
    markets.fees("BTC/USDT:USDT")                             # (maker, taker) = (0.0002, 0.0005)
    markets.paper_rules("PEPE/USDT:USDT", "bybit")            # not recorded: Bybit's conservative rules
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from verzek.execution.ports import LeverageTier, MarketRules

DEFAULT_EXCHANGE = "binance"
# ccxt client ids whose markets live in another exchange's file (verzek.exchange.proxy_client builds
# binance USD-M as `binance` with defaultType future, Kraken Futures as `krakenfutures`)
_FILE_OF = {"binanceusdm": "binance", "krakenfutures": "kraken"}


# exchanges whose perpetuals settle in another currency than the signals' USDT: a USDT-settled futures
# signal trades that exchange's perpetual of the same coin in its currency (Kraken Futures lists its
# linear perpetuals as BASE/USD:USD — PF_XBTUSD is BTC/USD:USD — and no USDT-settled ones)
_FUTURES_SETTLE = {"kraken": "USD"}


def venue_symbol(symbol: str, exchange: str) -> str:
    """The market a signal's futures `symbol` trades on `exchange`: itself, or on an exchange without
    USDT-settled perpetuals (Kraken Futures) the same coin's perpetual in the exchange's settle currency
    (`BTC/USDT:USDT` -> `BTC/USD:USD`). Spot symbols and other quotes are unchanged. The signal's prices are
    used as they are (USDT and USD differ by the USDT rate, typically within 0.1 %)."""
    base, _, rest = symbol.partition("/")
    quote, _, settle = rest.partition(":")
    target = _FUTURES_SETTLE.get(file_name(exchange))
    if target and base and quote == "USDT" and settle == "USDT":
        return f"{base}/{target}:{target}"
    return symbol


def file_name(exchange: str) -> str:
    return _FILE_OF.get(exchange, exchange)


def shipped() -> list[str]:
    """The exchanges with a recorded file."""
    folder = resources.files("verzek.execution") / "recorded"
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=8)
def recorded(exchange: str = DEFAULT_EXCHANGE) -> dict:
    """The recorded file of `exchange` ({} when none is shipped)."""
    path = resources.files("verzek.execution") / "recorded" / f"{file_name(exchange)}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(), parse_float=Decimal)


def leverage_tiers(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> tuple[LeverageTier, ...]:
    return tuple(LeverageTier.from_ccxt(t) for t in recorded(exchange).get("leverage_tiers", {}).get(symbol, ()))


@lru_cache(maxsize=512)
def rules(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> MarketRules | None:
    """The recorded rules of `symbol` (with its leverage tiers), or None when it is not recorded."""
    data = recorded(exchange)
    market = data.get("markets", {}).get(symbol)
    if market is None:
        return None
    mode = 4 if data.get("precisionMode") == "TICK_SIZE" else 2
    return MarketRules.from_ccxt_market(market, mode, tiers=leverage_tiers(symbol, exchange))


@lru_cache(maxsize=512)
def unrecorded_rules(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> MarketRules | None:
    """The exchange's conservative rules for a market it does not record (`unrecorded` in its file:
    minimum order value in the quote currency, for futures a leverage cap and a single maintenance
    margin rate; steps unknown, so 8 decimals), or None when the file says nothing for that quote
    currency (e.g. ETH/BTC)."""
    base, _, rest = symbol.partition("/")
    quote, _, settle = rest.partition(":")
    futures = bool(settle)
    policy = recorded(exchange).get("unrecorded", {}).get(quote, {}).get("swap" if futures else "spot")
    if not base or not quote or policy is None:
        return None
    leverage = policy.get("max_leverage")
    return MarketRules(symbol=symbol, market_type="futures" if futures else "spot", base=base, quote=quote,
                       min_notional=Decimal(str(policy.get("min_notional") or 0)),
                       max_leverage=int(leverage) if leverage else None,
                       maintenance_margin_rate=Decimal(str(policy.get("maintenance_margin_rate") or "0.005")),
                       recorded=False)


def paper_rules(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> MarketRules:
    """What paper trades `symbol` under: the recorded rules, else the exchange's conservative rules
    for unrecorded markets, else permissive ones (8-decimal steps, no minimums; documented for
    quote currencies the exchange file has no policy for)."""
    return rules(symbol, exchange) or unrecorded_rules(symbol, exchange) or MarketRules.permissive(symbol)


def fees(symbol: str, exchange: str = DEFAULT_EXCHANGE) -> tuple[Decimal, Decimal] | None:
    """(maker, taker) fee rates of `symbol` as ccxt states them for the exchange: the recorded market's,
    else (a market not recorded) the exchange's for that quote currency and market type, or None."""
    data = recorded(exchange)
    market = data.get("markets", {}).get(symbol)
    if market is None:
        _, _, rest = symbol.partition("/")
        quote, _, settle = rest.partition(":")
        market = data.get("unrecorded", {}).get(quote, {}).get("swap" if settle else "spot")
    if market is None or market.get("maker") is None or market.get("taker") is None:
        return None
    return Decimal(str(market["maker"])), Decimal(str(market["taker"]))


def symbols(exchange: str = DEFAULT_EXCHANGE) -> list[str]:
    return sorted(recorded(exchange).get("markets", {}))
