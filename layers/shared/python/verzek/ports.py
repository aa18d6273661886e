"""Small ports that keep the domain testable: paper, replay and live share one code path.

The `Exchange` port lives in `verzek.execution.ports` (owned by the execution engine); the others
are here because several packages use them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol


@dataclass(frozen=True)
class Candle:
    """One OHLCV candle; `ts` is the candle's open time, epoch ms UTC."""

    ts: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal


class MarketData(Protocol):
    """Candles for a symbol. An implementation never returns a candle not closed at `now_ms`."""

    async def fetch_ohlcv(self, symbol: str, timeframe: str, limit: int) -> Sequence[Candle]: ...

    def now_ms(self) -> int: ...


class Queue(Protocol):
    """Job queue (SQS in the cloud, in-process locally). Jobs carry ids, never secrets."""

    def send(self, body: dict[str, Any], *, dedupe_key: str) -> None: ...


@dataclass(frozen=True)
class Notification:
    kind: str  # e.g. signal_broadcast, position_opened, tp_hit, stop_moved, stopped_out, closed
    text: str  # plain text, safe to show anywhere
    user_id: int | None = None
    data: dict[str, Any] | None = None


class Notifier(Protocol):
    def send(self, notification: Notification) -> None: ...
