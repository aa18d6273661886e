"""Live market data through ccxt's real async Binance client against a candle server on 127.0.0.1
(recorded Binance candles served in Binance's `/api/v3/klines` format): parallel fetches, the
still-forming candle dropped, 429 retried with backoff, a persistent failure isolated per symbol."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import numpy as np
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from verzek.marketdata import load_recorded_file
from verzek.marketdata.ccxt_live import CcxtMarketData
from verzek.marketdata.replay import sample_dir

FIVE_MIN = 300_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CandleServer:
    """Serves `exchangeInfo` and `klines` for recorded series; `now_ms` decides what exists yet
    (the candle containing `now_ms` is returned too, still forming, exactly like Binance)."""

    def __init__(self, series: dict[str, object], now_ms: int) -> None:
        self.series, self.now_ms = series, now_ms
        self.fail_next: dict[str, int] = {}  # binance symbol -> number of 429s to answer first
        self.always_fail: set[str] = set()
        self.requests: list[tuple[float, str]] = []
        self.port = _free_port()
        app = Starlette(routes=[Route("/api/v3/exchangeInfo", self.exchange_info),
                                Route("/api/v3/klines", self.klines)])
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self):
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc):
        self._server.should_exit = True
        self._thread.join(5)

    async def exchange_info(self, request: Request):
        symbols = []
        for sym in self.series:
            base, quote = sym.split("/")
            symbols.append({
                "symbol": base + quote, "status": "TRADING", "baseAsset": base, "baseAssetPrecision": 8,
                "quoteAsset": quote, "quotePrecision": 8, "quoteAssetPrecision": 8,
                "orderTypes": ["LIMIT", "MARKET"], "isSpotTradingAllowed": True, "isMarginTradingAllowed": False,
                "permissions": [], "permissionSets": [["SPOT"]],
                "filters": [{"filterType": "PRICE_FILTER", "minPrice": "0.00000001", "maxPrice": "1000",
                             "tickSize": "0.00000001"},
                            {"filterType": "LOT_SIZE", "minQty": "0.01", "maxQty": "90000", "stepSize": "0.01"}]})
        return JSONResponse({"timezone": "UTC", "serverTime": self.now_ms, "rateLimits": [],
                             "exchangeFilters": [], "symbols": symbols})

    async def klines(self, request: Request):
        market = request.query_params["symbol"]
        self.requests.append((time.monotonic(), market))
        if market in self.always_fail:
            return JSONResponse({"code": -1003, "msg": "Too many requests"}, status_code=429)
        if self.fail_next.get(market, 0) > 0:
            self.fail_next[market] -= 1
            return JSONResponse({"code": -1003, "msg": "Too many requests"}, status_code=429,
                                headers={"Retry-After": "0"})
        assert request.query_params["interval"] == "5m"
        limit = int(request.query_params["limit"])
        s = next(v for k, v in self.series.items() if k.replace("/", "") == market)
        visible = s.ts <= self.now_ms  # opened by now (the last one may still be forming)
        rows = []
        for i in np.flatnonzero(visible)[-limit:]:
            rows.append([int(s.ts[i]), repr(float(s.open[i])), repr(float(s.high[i])), repr(float(s.low[i])), repr(float(s.close[i])),
                         repr(float(s.volume[i])), int(s.ts[i]) + FIVE_MIN - 1, "0", 1, "0", "0", "0"])
        return JSONResponse(rows)


@pytest.fixture(scope="module")
def recorded():
    return {f"{name}/BTC": load_recorded_file(sample_dir() / f"{name}_BTC-5m.json.gz")
            for name in ("ETH", "LTC", "ZEC", "XMR", "ADA", "DASH")}


def _client(server: CandleServer, now_ms: int, **kwargs) -> CcxtMarketData:
    base = f"http://127.0.0.1:{server.port}/api/v3"
    market = CcxtMarketData("binance", clock=lambda: now_ms, backoff_max_s=0.2, config={
        "options": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False}}, **kwargs)
    market.exchange.urls["api"]["public"] = base
    return market


def test_parallel_fetch_drops_the_forming_candle_and_returns_closed_ones(recorded):
    eth = recorded["ETH/BTC"]
    now = int(eth.ts[3000]) + 120_000  # 2 minutes into candle 3000: it is still forming

    async def scenario():
        with CandleServer(recorded, now) as server:
            market = _client(server, now)
            try:
                result = await market.fetch_many(sorted(recorded), "5m", 200)
            finally:
                await market.close()
            return result, server.requests

    result, requests = asyncio.run(scenario())
    for symbol, series in result.items():
        assert not isinstance(series, Exception), series
        assert len(series) == 200 and series.ts[-1] + FIVE_MIN <= now
        src = recorded[symbol]
        j = int(np.searchsorted(src.ts, series.ts[-1]))
        np.testing.assert_array_equal(series.close, src.close[j - 199: j + 1])
    assert result["ETH/BTC"].ts[-1] == eth.ts[2999]
    assert len(requests) == len(recorded)


def test_rate_limited_requests_are_retried_and_a_dead_symbol_is_isolated(recorded):
    now = int(recorded["ETH/BTC"].ts[2000])

    async def scenario():
        with CandleServer(recorded, now) as server:
            server.fail_next["LTCBTC"] = 2
            server.always_fail.add("ZECBTC")
            market = _client(server, now, attempts=3)
            try:
                return await market.fetch_many(["ETH/BTC", "LTC/BTC", "ZEC/BTC"], "5m", 50), server.requests
            finally:
                await market.close()

    result, requests = asyncio.run(scenario())
    assert len(result["LTC/BTC"]) == 50 and len(result["ETH/BTC"]) == 50
    assert type(result["ZEC/BTC"]).__name__ in ("RateLimitExceeded", "DDoSProtection")
    assert sum(1 for _, m in requests if m == "LTCBTC") == 3  # two 429s, then success
    assert sum(1 for _, m in requests if m == "ZECBTC") == 3  # gave up after `attempts`


def test_candles_port_gives_decimals(recorded):
    now = int(recorded["ETH/BTC"].ts[1000])

    async def scenario():
        with CandleServer(recorded, now) as server:
            market = _client(server, now)
            try:
                return await market.fetch_ohlcv("ETH/BTC", "5m", 3)
            finally:
                await market.close()

    candles = asyncio.run(scenario())
    assert len(candles) == 3 and str(candles[-1].close) == repr(float(recorded["ETH/BTC"].close[999]))
