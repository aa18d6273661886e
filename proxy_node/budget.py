"""Rate budgets: the exchanges' per-IP limits (shared by every user behind this node's IP) and a
per-HMAC-key token bucket.

Every user's traffic leaves from this one IP and exchanges limit and ban per IP (Binance answers
429, then 418 with bans from 2 minutes to 3 days). So before each request the node asks the
exchange's budget: above the soft ratio it slows the request down, above the hard ratio it refuses
(429 + Retry-After) without sending, and after an exchange 429/418 it stops sending to that
exchange until Retry-After has passed, answering clients at once instead. The figures live in the
node's shared state (`proxy_node.state`): all workers of a node count into them, and a restart keeps them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from proxy_node.allowlist import BudgetSpec
from proxy_node.state import BudgetRow, NodeState

Clock = Callable[[], float]

# Without a Retry-After header: Binance's shortest ban is 2 minutes; a bare 429 gets a short pause.
DEFAULT_BAN_SECONDS = 120.0
DEFAULT_THROTTLE_SECONDS = 5.0
# A request reaches the exchange a moment after the node counts it: in a sliding window the exchange
# still counts it that much longer, so the node keeps counting it past the window by this margin
# (capped at a fifth of the window). Without it a burst at the budget's edge passed the limit: 429,
# then 418 for the requests already in flight (scripts/sim_proxy_fleet.py --burst).
TRANSIT_MARGIN_SECONDS = 1.0


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
    """One exchange's per-IP budget as seen from this node, kept in the node's shared state (every
    worker counts into the same figures; they survive a restart)."""

    def __init__(self, name: str, spec: BudgetSpec, *, soft_ratio: float, hard_ratio: float,
                 max_delay: float, clock: Clock = time.time, state: NodeState | None = None):
        self.name = name
        self.spec = spec
        self.soft = spec.limit * soft_ratio
        self.hard = spec.limit * hard_ratio
        self.max_delay = max_delay
        self.clock = clock
        self.state = state if state is not None else NodeState(clock=clock)

    def _window_index(self, now: float) -> int:
        return int(now // self.spec.window_seconds)

    @property
    def _counted_for(self) -> float:
        """How long a send stays counted in a sliding window: the window plus the transit margin."""
        return self.spec.window_seconds + min(TRANSIT_MARGIN_SECONDS, self.spec.window_seconds / 5)

    def _used(self, row: BudgetRow, now: float) -> float:
        if self.spec.used_header is None:
            row.counted = max(0, row.counted - self.state.expire_sends(self.name, now - self._counted_for))
            return float(row.counted)
        window = self._window_index(now)
        sent = row.window_sends if row.window_index == window else 0
        weight = max(1.0, row.avg_weight)
        if row.reported_used is not None and row.reported_window == window:
            # The exchange's figure, plus the requests it has not answered yet (in flight, or sent by
            # another worker) at the weight per request its reports show: with many requests in flight
            # counting them as 1 each let a node run past Binance's limit (scripts/sim_proxy_fleet.py).
            return float(row.reported_used + max(0, sent - row.answered) * weight)
        return float(sent * weight)

    def used(self, now: float | None = None) -> float:
        """Best estimate of units used in the exchange's current window."""
        now = self.clock() if now is None else now
        with self.state.transaction():
            row = self.state.load_budget(self.name)
            used = self._used(row, now)
            self.state.save_budget(self.name, row)
            return used

    def _seconds_until_room(self, now: float) -> float:
        if self.spec.used_header is not None:
            return (self._window_index(now) + 1) * self.spec.window_seconds - now
        oldest = self.state.oldest_send(self.name)
        if oldest is None:
            return 1.0
        return max(0.001, oldest + self._counted_for - now)

    def admit(self) -> Admission:
        """Decide on one request; a request let through (now or after `delay`) is counted as sent."""
        now = self.clock()
        with self.state.transaction():
            row = self.state.load_budget(self.name)
            if now < row.blocked_until:
                return Admission(refuse_for=row.blocked_until - now,
                                 reason=f"{self.name} answered {row.block_status}; not sending until its "
                                        "Retry-After passes")
            used = self._used(row, now)
            if used + 1 > self.hard:
                self.state.save_budget(self.name, row)
                return Admission(refuse_for=self._seconds_until_room(now),
                                 reason=f"{self.name} per-IP budget nearly spent ({int(used)}/{self.spec.limit})")
            admission = Admission()
            if used + 1 > self.soft and self.hard > self.soft:
                fraction = (used + 1 - self.soft) / (self.hard - self.soft)
                admission = Admission(delay=min(self.max_delay, self.max_delay * fraction), reason="slowed")
            self._count_send(row, now, admission.delay)
            self.state.save_budget(self.name, row)
            return admission

    def _count_send(self, row: BudgetRow, now: float, delay: float = 0.0) -> None:
        if self.spec.used_header is None:
            # a sliding window: counted from when it leaves (after the slow-down), not from its admission,
            # or it would drop out of the node's window before it drops out of the exchange's
            self.state.add_send(self.name, now + delay)
            row.counted += 1
        else:  # a clock window (Binance's minute): counted in the one it was admitted in, so counting a
            # slowed request never moves the row to the next window while this one is still running
            window = self._window_index(now)
            row.window_sends = row.window_sends + 1 if row.window_index == window else 1
            row.window_index = window

    def record_response(self, status: int, headers: Mapping[str, str]) -> None:
        if status not in (418, 429) and not (self.spec.used_header and headers.get(self.spec.used_header)):
            return                                   # nothing to record: no write transaction
        now = self.clock()
        with self.state.transaction():
            row = self.state.load_budget(self.name)
            if self.spec.used_header:
                raw = headers.get(self.spec.used_header)
                if raw is not None and raw.strip().isdigit():
                    window = self._window_index(now)
                    if row.reported_window != window:
                        row.reported_window, row.reported_used, row.answered = window, 0, 0
                    # Answers arrive out of order when many are in flight: keep the highest figure.
                    row.reported_used = max(row.reported_used or 0, int(raw))
                    row.answered += 1
                    if row.answered >= 5:
                        row.avg_weight = max(1.0, row.reported_used / row.answered)
            if status in (418, 429):
                retry_after = parse_retry_after(headers.get("retry-after"), now)
                if retry_after is None:
                    retry_after = DEFAULT_BAN_SECONDS if status == 418 else DEFAULT_THROTTLE_SECONDS
                if now + retry_after > row.blocked_until:
                    row.blocked_until = now + retry_after
                    row.block_status = status
            self.state.save_budget(self.name, row)

    def snapshot(self) -> dict:
        now = self.clock()
        with self.state.transaction():
            row = self.state.load_budget(self.name)
            used = self._used(row, now)
            self.state.save_budget(self.name, row)
        return {"used": int(used), "limit": self.spec.limit, "window_seconds": self.spec.window_seconds,
                "blocked_for_seconds": round(max(0.0, row.blocked_until - now), 3)}


class KeyRateLimiter:
    """Token bucket per name (an HMAC key id, or a key id + account): `rate` requests/s sustained,
    `burst` at once; buckets live in the node's shared state."""

    def __init__(self, rate: float, burst: int, clock: Clock = time.time, state: NodeState | None = None):
        self.rate = rate
        self.burst = float(burst)
        self.state = state if state is not None else NodeState(clock=clock)

    def take(self, name: str) -> float:
        """0 if allowed (a token is spent), else seconds until a token is available."""
        return self.state.take_token(name, self.rate, self.burst)


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
