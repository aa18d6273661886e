"""The last traded price of a coin from an exchange's public REST ticker: the ingest market-price check's source in
the webhook Lambda, whose layer carries httpx but not ccxt (the API and webhook handlers never import ccxt: cold
start). Binance and Bybit, spot and USDT-margined futures — one GET each, a short timeout. The exchange's own "no
such symbol" answer (Binance -1121, Bybit 10001) is `UnlistedSymbol`; anything else that goes wrong is raised as is
(the check is skipped: a feed outage must not stop ingest)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import httpx

from verzek.signals.market_check import UnlistedSymbol, listed_price

EXCHANGES = ("binance", "bybit")
_HOSTS = {("binance", "spot"): "https://api.binance.com", ("binance", "futures"): "https://fapi.binance.com",
          ("bybit", "spot"): "https://api.bybit.com", ("bybit", "futures"): "https://api.bybit.com"}
_BINANCE_PATHS = {"spot": "/api/v3/ticker/price", "futures": "/fapi/v1/ticker/price"}
_BINANCE_BAD_SYMBOL = -1121
_BYBIT_CATEGORY = {"spot": "spot", "futures": "linear"}
_BYBIT_BAD_SYMBOL = 10001


class PublicTicker:
    """`MarketPrice` over an exchange's public ticker. `base_url` replaces every host of the exchange (tests: the
    exchange double on 127.0.0.1)."""

    def __init__(self, exchange: str, *, base_url: str | None = None, timeout: float = 2.0,
                 client: httpx.Client | None = None) -> None:
        if exchange not in EXCHANGES:
            raise ValueError(f"no public ticker for {exchange!r} (only {', '.join(EXCHANGES)})")
        self.exchange, self.base_url = exchange, (base_url or "").rstrip("/") or None
        self.client = client or httpx.Client(timeout=timeout)

    def last_price(self, symbol: str) -> Decimal | None:
        return listed_price(symbol, self._price_of)

    def _price_of(self, candidate: str) -> Decimal | None:
        base, _, rest = candidate.partition("/")
        return self._ticker("futures" if ":" in candidate else "spot", base + rest.split(":")[0])

    def _host(self, market_type: str) -> str:
        return self.base_url or _HOSTS[(self.exchange, market_type)]

    def _ticker(self, market_type: str, raw_symbol: str) -> Decimal | None:
        if self.exchange == "binance":
            response = self.client.get(self._host(market_type) + _BINANCE_PATHS[market_type],
                                       params={"symbol": raw_symbol})
            if response.status_code == 400 and _json(response).get("code") == _BINANCE_BAD_SYMBOL:
                raise UnlistedSymbol(raw_symbol)
            response.raise_for_status()
            return _positive(_json(response).get("price"))
        response = self.client.get(self._host(market_type) + "/v5/market/tickers",
                                   params={"category": _BYBIT_CATEGORY[market_type], "symbol": raw_symbol})
        response.raise_for_status()
        body = _json(response)
        if body.get("retCode") == _BYBIT_BAD_SYMBOL:
            raise UnlistedSymbol(raw_symbol)
        if body.get("retCode") != 0:
            raise RuntimeError(f"bybit ticker answered retCode {body.get('retCode')}")
        rows = (body.get("result") or {}).get("list") or []
        return _positive(rows[0].get("lastPrice")) if rows else None


def _json(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _positive(value) -> Decimal | None:
    try:
        price = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return price if price.is_finite() and price > 0 else None
