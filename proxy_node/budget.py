"""Rate budgets: the exchanges' per-IP limits (shared by every user behind this node's IP) and a
per-HMAC-key token bucket.

Every user's traffic leaves from this one IP and exchanges limit and ban per IP (Binance answers
429, then 418 with bans from 2 minutes to 3 days). So before each request the node asks the
exchange's budget: above the soft ratio it slows the request down, above the hard ratio it refuses
(429 + Retry-After) without sending, and after an exchange 429/418 it stops sending to that
exchange until Retry-After has passed, answering clients at once instead.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from proxy_node.allowlist import BudgetSpec

Clock = Callable[[], float]

# Without a Retry-After header: Binance's shortest ban is 2 minutes; a bare 429 gets a short pause.
DEFAULT_BAN_SECONDS = 120.0
DEFAULT_THROTTLE_SECONDS = 5.0


@dataclass(frozen=True)
class Admission:
    """`refuse_for` > 0: refuse and tell the client to retry after that many seconds.
    `delay` > 0: wait that long before sending. Both 0: send now."""

    delay: float = 0.0
    refuse_for: float = 0.0
    reason: str = ""

    @property
    def refused(self) -> bool:
        return self.refuse_for > 0


def parse_retry_after(value: str | None, now_epoch: float) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None if absent or invalid."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now_epoch)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class ExchangeBudget:
    """One exchange's per-IP budget as seen from this node (single process; see README)."""

    def __init__(self, name: str, spec: BudgetSpec, *, soft_ratio: float, hard_ratio: float,
                 max_delay: float, clock: Clock = time.time):
        self.name = name
        self.spec = spec
        self.soft = spec.limit * soft_ratio
        self.hard = spec.limit * hard_ratio
        self.max_delay = max_delay
        self.clock = clock
        self.blocked_until = 0.0
        self.block_status = 0
        self._sent: deque[float] = deque()          # send times within the last window (counted budgets)
        self._reported_used: int | None = None       # exchange-reported usage in the current window
        self._reported_window = -1
        self._sent_since_report = 0
        # Sends in the current clock-aligned window (header budgets): kept as a running count so a
        # request never scans the window's history (thousands of entries at a busy minute's end).
        self._window_sends = (-1, 0)                 # (window index, sends in it)

    def _window_index(self, now: float) -> int:
        return int(now // self.spec.window_seconds)

    def used(self, now: float | None = None) -> float:
        """Best estimate of units used in the exchange's current window."""
        now = self.clock() if now is None else now
        if self.spec.used_header is None:
            cutoff = now - self.spec.window_seconds
            while self._sent and self._sent[0] <= cutoff:
                self._sent.popleft()
            return float(len(self._sent))
        window = self._window_index(now)
        if self._reported_used is not None and self._reported_window == window:
            # Each unreported request costs at least one unit of weight.
            return float(self._reported_used + self._sent_since_report)
        index, sends = self._window_sends
        return float(sends if index == window else 0)

    def _seconds_until_room(self, now: float) -> float:
        if self.spec.used_header is not None:
            return (self._window_index(now) + 1) * self.spec.window_seconds - now
        if not self._sent:
            return 1.0
        return max(0.001, self._sent[0] + self.spec.window_seconds - now)

    def admit(self) -> Admission:
        now = self.clock()
        if now < self.blocked_until:
            return Admission(refuse_for=self.blocked_until - now,
                             reason=f"{self.name} answered {self.block_status}; not sending until its Retry-After passes")
        used = self.used(now)
        if used + 1 > self.hard:
            return Admission(refuse_for=self._seconds_until_room(now),
                             reason=f"{self.name} per-IP budget nearly spent ({int(used)}/{self.spec.limit})")
        if used + 1 > self.soft and self.hard > self.soft:
            fraction = (used + 1 - self.soft) / (self.hard - self.soft)
            return Admission(delay=min(self.max_delay, self.max_delay * fraction), reason="slowed")
        return Admission()

    def record_sent(self) -> None:
        now = self.clock()
        if self.spec.used_header is None:
            self._sent.append(now)
        else:
            window = self._window_index(now)
            index, sends = self._window_sends
            self._window_sends = (window, sends + 1 if index == window else 1)
        self._sent_since_report += 1

    def record_response(self, status: int, headers: Mapping[str, str]) -> None:
        now = self.clock()
        if self.spec.used_header:
            raw = headers.get(self.spec.used_header)
            if raw is not None and raw.strip().isdigit():
                self._reported_used = int(raw)
                self._reported_window = self._window_index(now)
                self._sent_since_report = 0
        if status in (418, 429):
            retry_after = parse_retry_after(headers.get("retry-after"), now)
            if retry_after is None:
                retry_after = DEFAULT_BAN_SECONDS if status == 418 else DEFAULT_THROTTLE_SECONDS
            if now + retry_after > self.blocked_until:
                self.blocked_until = now + retry_after
                self.block_status = status

    def snapshot(self) -> dict:
        now = self.clock()
        return {"used": int(self.used(now)), "limit": self.spec.limit, "window_seconds": self.spec.window_seconds,
                "blocked_for_seconds": round(max(0.0, self.blocked_until - now), 3)}


class KeyRateLimiter:
    """Token bucket per HMAC key id: `rate` requests/s sustained, `burst` at once."""

    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic):
        self.rate = rate
        self.burst = float(burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}   # key id -> (tokens, last refill)

    def take(self, key_id: str) -> float:
        """0 if allowed (a token is spent), else seconds until a token is available."""
        now = self.clock()
        tokens, last = self._buckets.get(key_id, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._buckets[key_id] = (tokens - 1, now)
            return 0.0
        self._buckets[key_id] = (tokens, now)
        return (1 - tokens) / self.rate


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
