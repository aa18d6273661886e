"""The market-price check at ingest: a VIP open whose entry is far from the coin's market price (a price written
without its decimal point, a level for another coin) is held for review instead of traded.

The price comes from the executor's own price source (`PAPER_PRICE_SOURCE`: live — the same exchange's public
ticker, `public_ticker.PublicTicker`, since the webhook Lambda carries no ccxt — or recorded candles in replay and
tests) through the small `MarketPrice` port. No price (feed down, a coin the recording lacks)
means no check: the post's own consistency rules and the executor's entry-distance limit still apply. A symbol the
exchange says it does not list (ccxt's BadSymbol, spot and futures alike: "#WLF" written for WLD or WIF) is held:
the parser cannot tell a misspelt ticker from a new listing, the exchange can.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Protocol

from verzek.observability import logger

HELD_PREFIX = "held for review: "
WINDOW_MS = 15 * 60_000  # the last closed candle within this window before now is "the market"


class MarketPrice(Protocol):
    def last_price(self, symbol: str) -> Decimal | None: ...  # raises UnlistedSymbol for a market that does not exist


class UnlistedSymbol(Exception):
    """The price source's exchange lists no market for the symbol (neither the futures nor the spot pair)."""


class PriceSourceMarket:
    """`MarketPrice` over a `PriceSource` (the paper engine's/monitor's candles): the last closed candle's close."""

    def __init__(self, prices, clock: Callable[[], int] | None = None, window_ms: int = WINDOW_MS) -> None:
        from verzek.execution.venues import wall_clock_ms

        self.prices, self.clock, self.window_ms = prices, clock or wall_clock_ms, window_ms

    def last_price(self, symbol: str) -> Decimal | None:
        from verzek.execution.ports import OrderRejected

        now = self.clock()

        def close_of(candidate: str) -> Decimal | None:
            try:
                rows = self.prices.candles(candidate, now - self.window_ms, now)
            except OrderRejected as exc:
                if exc.kind == "unknown_symbol":
                    raise UnlistedSymbol(candidate) from None
                raise
            return rows[-1].close if rows else None

        return listed_price(symbol, close_of)


def listed_price(symbol: str, price_of: Callable[[str], Decimal | None]) -> Decimal | None:
    """The price of `symbol`, else of its spot pair (a futures signal whose perpetual is not listed may still have the
    spot pair: its price is the market); `UnlistedSymbol` when `price_of` finds neither listed."""
    candidates = list(dict.fromkeys([symbol, symbol.split(":")[0]]))
    unlisted = 0
    for candidate in candidates:
        try:
            price = price_of(candidate)
        except UnlistedSymbol:
            unlisted += 1
            continue
        if price is not None:
            return price
    if unlisted == len(candidates):
        raise UnlistedSymbol(symbol)
    return None


def current_market() -> MarketPrice | None:
    """The market-price port ingest uses (None when INGEST_PRICE_CHECK is off)."""
    from verzek.config import get_settings

    if not get_settings().ingest_price_check:
        return None
    try:
        return _market_from_settings(get_settings().paper_price_source)
    except Exception as exc:  # noqa: BLE001 - no price source here (e.g. ccxt not in this function's layer): no check
        logger.warning("no market price source for the ingest check", extra={"error_type": type(exc).__name__})
        return None


_MARKETS: dict[str, MarketPrice] = {}


def _market_from_settings(source: str) -> MarketPrice:
    """`live:binance` / `live:bybit`: the exchange's public ticker over httpx (the webhook Lambda has no ccxt); any
    other source: the executor's own price source (recorded candles in replay; ccxt's public candles)."""
    if source not in _MARKETS:
        from verzek.config import get_settings
        from verzek.signals.public_ticker import EXCHANGES, PublicTicker

        kind, _, exchange = source.partition(":")
        if kind == "live" and (exchange or "binance") in EXCHANGES:
            _MARKETS[source] = PublicTicker(exchange or "binance", base_url=get_settings().public_market_data_url)
        else:
            from verzek.execution.venues import prices_from_settings

            _MARKETS[source] = PriceSourceMarket(prices_from_settings())
    return _MARKETS[source]


def hold_if_off_market(signal, parsed, market: MarketPrice | None):
    """`signal` unchanged, or with `rejected` = "held for review: entry ... away from the market price ..." (or "... is no
    market on the exchange ...")."""
    from verzek.config import get_settings
    from verzek.parsing import check_against_price

    if market is None or signal.rejected is not None:
        return signal
    try:
        price = market.last_price(signal.symbol)
    except UnlistedSymbol:
        problem = f"{signal.symbol} is no market on the exchange (a misspelt or unlisted ticker)"
        return replace(signal, rejected=HELD_PREFIX + problem, meta={**(signal.meta or {}), "market_listed": False})
    except Exception as exc:  # noqa: BLE001 - a price feed outage must not stop ingest; the check is skipped
        logger.warning("market price unavailable for the ingest check",
                       extra={"symbol": signal.symbol, "error_type": type(exc).__name__})
        return signal
    if price is None or price <= 0 or not parsed.entries:  # (a market entry has no price of its own to check)
        return signal
    deviation = get_settings().ingest_max_entry_deviation_pct / 100
    problem = check_against_price(parsed, price, max_deviation=deviation)
    if problem is None:
        return signal
    return replace(signal, rejected=HELD_PREFIX + problem, meta={**(signal.meta or {}), "market_price": str(price)})
