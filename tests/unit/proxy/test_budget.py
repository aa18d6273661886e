from __future__ import annotations

from email.utils import formatdate

import pytest

from proxy_node.allowlist import BudgetSpec
from proxy_node.auth import NonceCache
from proxy_node.budget import ExchangeBudget, KeyRateLimiter, parse_retry_after


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def budget(spec: BudgetSpec, clock: Clock) -> ExchangeBudget:
    return ExchangeBudget("x", spec, soft_ratio=0.8, hard_ratio=0.9, max_delay=0.5, clock=clock)


def test_counted_budget_slows_then_refuses_then_recovers():
    clock = Clock()
    b = budget(BudgetSpec(10, 5), clock)
    decisions = []
    for _ in range(10):
        decision = b.admit()
        decisions.append(decision)
        if not decision.refused:
            b.record_sent()
    assert [d.delay > 0 for d in decisions[:9]] == [False] * 8 + [True]   # 80%: slowed, 90%: refused
    assert decisions[9].refused and 0 < decisions[9].refuse_for <= 5
    clock.now += 5.01                                   # the sliding window has moved on
    assert not b.admit().refused and b.admit().delay == 0


def test_used_weight_header_drives_binance_budget():
    clock = Clock(6_000_000.0)                          # start of a clock minute
    b = budget(BudgetSpec(6000, 60, "x-mbx-used-weight-1m"), clock)
    b.record_sent()
    b.record_response(200, {"x-mbx-used-weight-1m": "5400"})
    refused = b.admit()
    assert refused.refused and refused.refuse_for == pytest.approx(60)
    clock.now += 60                                     # Binance's minute resets the weight
    assert not b.admit().refused


def test_418_with_retry_after_blocks_until_it_passes():
    clock = Clock()
    b = budget(BudgetSpec(100, 60), clock)
    b.record_response(418, {"retry-after": "120"})
    assert b.admit().refuse_for == pytest.approx(120)
    clock.now += 119
    assert b.admit().refused
    clock.now += 1.5
    assert not b.admit().refused


def test_429_without_retry_after_pauses_briefly_and_a_shorter_one_does_not_shorten_a_ban():
    clock = Clock()
    b = budget(BudgetSpec(100, 60), clock)
    b.record_response(418, {"retry-after": "300"})
    b.record_response(429, {})
    assert b.admit().refuse_for == pytest.approx(300)


def test_retry_after_forms():
    now = 1_700_000_000.0
    assert parse_retry_after("7", now) == 7
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now) == pytest.approx(30)
    assert parse_retry_after("soon", now) is None and parse_retry_after(None, now) is None


def test_key_rate_limiter_token_bucket():
    clock = Clock()
    limiter = KeyRateLimiter(rate=2, burst=3, clock=clock)
    assert [limiter.take("k1") for _ in range(3)] == [0, 0, 0]
    assert limiter.take("k1") == pytest.approx(0.5)
    assert limiter.take("k2") == 0                      # keys are independent
    clock.now += 0.5
    assert limiter.take("k1") == 0


def test_nonce_cache_forgets_after_horizon():
    clock = Clock()
    cache = NonceCache(60, clock)
    assert cache.check_and_store("k1", "n1") and not cache.check_and_store("k1", "n1")
    assert cache.check_and_store("k2", "n1")             # nonces are per key id
    clock.now += 61
    assert cache.check_and_store("k1", "n1")
