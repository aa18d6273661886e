"""Live candles through ccxt's async API: many symbols in parallel, rate-limit aware, with retries.

ccxt's own throttle (`enableRateLimit`) spaces requests to the exchange's published weight; on top,
a semaphore caps requests in flight and tenacity retries transient failures (network errors,
timeouts, 429/418 `DDoSProtection`/`RateLimitExceeded`, exchange unavailable) with exponential
backoff. Exchanges return the still-forming candle last; it is dropped here, so a strategy only
ever sees candles closed at or before `now_ms()` — the same guarantee as the replay.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Self

from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

from verzek.marketdata.series import OhlcvSeries, closed_before, timeframe_ms
from verzek.observability import logger
from verzek.ports import Candle


def _is_transient(exc: BaseException) -> bool:
    import ccxt

    # NetworkError covers RequestTimeout, DDoSProtection, RateLimitExceeded, ExchangeNotAvailable.
    return isinstance(exc, ccxt.NetworkError)


def _wall_clock_ms() -> int:
    return int(time.time() * 1000)


class CcxtMarketData:
    """`MarketData` over a ccxt async exchange (public endpoints only; no keys are ever given to it)."""

    def __init__(self, exchange_id: str = "binance", *, exchange: Any | None = None,
                 max_concurrency: int = 8, attempts: int = 4, backoff_max_s: float = 8.0,
                 clock: Callable[[], int] = _wall_clock_ms, config: dict[str, Any] | None = None) -> None:
        if exchange is None:
            import ccxt.async_support as ccxt_async

            if exchange_id not in ccxt_async.exchanges:
                raise ValueError(f"unknown ccxt exchange {exchange_id!r}")
            options = {"enableRateLimit": True, "timeout": 10_000, **(config or {})}
            exchange = getattr(ccxt_async, exchange_id)(options)
        self.exchange = exchange
        self._semaphore = asyncio.Semaphore(max_concurrency)
        self._attempts = attempts
        self._backoff_max_s = backoff_max_s
        self._clock = clock

    def now_ms(self) -> int:
        return int(self._clock())

    async def _fetch_rows(self, symbol: str, timeframe: str, limit: int) -> list[list]:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._attempts),
            wait=wait_exponential(multiplier=0.25, max=self._backoff_max_s),
            retry=retry_if_exception(_is_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                if attempt.retry_state.attempt_number > 1:
                    logger.info("retrying ohlcv fetch", extra={"symbol": symbol, "timeframe": timeframe,
                                                                "attempt": attempt.retry_state.attempt_number})
                async with self._semaphore:
                    return await self.exchange.fetch_ohlcv(symbol, timeframe, limit=limit)
        raise AssertionError("unreachable")  # pragma: no cover

    async def fetch_series(self, symbol: str, timeframe: str, limit: int) -> OhlcvSeries:
        if not isinstance(limit, int) or limit <= 0:
            raise ValueError("limit must be a positive integer")
        timeframe_ms(timeframe)  # validate before any request
        # One extra row: the exchange's last row is usually the candle still forming.
        rows = await self._fetch_rows(symbol, timeframe, limit + 1)
        series = OhlcvSeries.from_rows(symbol, timeframe, rows)
        return closed_before(series, self.now_ms()).tail(limit)

    async def fetch_ohlcv(self, symbol: str, timeframe: str, limit: int) -> Sequence[Candle]:
        return (await self.fetch_series(symbol, timeframe, limit)).to_candles()

    async def fetch_many(self, symbols: Iterable[str], timeframe: str, limit: int
                         ) -> dict[str, OhlcvSeries | Exception]:
        """All symbols concurrently; a symbol that still fails after retries maps to its exception."""
        symbols = list(symbols)
        results = await asyncio.gather(*(self.fetch_series(s, timeframe, limit) for s in symbols),
                                       return_exceptions=True)
        return dict(zip(symbols, results))

    async def close(self) -> None:
        await self.exchange.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()
