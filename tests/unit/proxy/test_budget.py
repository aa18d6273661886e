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
        decisions.append(b.admit())                     # a request let through is counted as sent
    assert [d.delay > 0 for d in decisions[:9]] == [False] * 8 + [True]   # 80%: slowed, 90%: refused
    assert decisions[9].refused and 0 < decisions[9].refuse_for <= 6   # the window + the transit margin
    clock.now += 6.01                                   # the sliding window (+ transit margin) has moved on
    assert not b.admit().refused and b.admit().delay == 0


def test_a_send_is_counted_from_when_it_leaves_until_the_exchange_has_surely_forgotten_it():
    """A slowed request leaves `delay` after admission and reaches the exchange a moment later: the
    node counts it from when it leaves, for the window plus the transit margin, so its window never
    empties before the exchange's does."""
    clock = Clock()
    b = budget(BudgetSpec(10, 5), clock)
    admitted = [b.admit() for _ in range(9)]
    assert admitted[-1].delay > 0 and b.admit().refused          # 9 of 10 counted: full at 90 %
    clock.now += 5.0                                            # the first 8 left 5 s ago: the exchange may
    assert b.admit().refused                                    # still count them (transit): not yet
    clock.now += 1.0 - 0.001
    assert b.admit().refused
    clock.now += 0.002                                          # window + margin: the first 8 are forgotten
    assert not b.admit().refused
    # the slowed 9th left `delay` after its admission: it is still counted, 8 + 1 more fit
    assert sum(not b.admit().refused for _ in range(10)) == 7


def test_a_slowed_request_at_the_end_of_a_clock_minute_keeps_that_minute_counted():
    """Binance counts weight per clock minute: a request slowed past the minute's end must not reset
    the count of the minute still running (that let a node run past the limit: 429, then 418)."""
    clock = Clock(6_000_000.0 + 59.8)                   # 0.2 s before the clock minute ends
    b = budget(BudgetSpec(10, 60, "x-mbx-used-weight-1m"), clock)
    admitted = [b.admit() for _ in range(9)]
    assert admitted[-1].delay > 0.2                     # the 9th leaves after the minute's end
    assert b.admit().refused                            # this minute is still full


def test_used_weight_header_drives_binance_budget():
    clock = Clock(6_000_000.0)                          # start of a clock minute
    b = budget(BudgetSpec(6000, 60, "x-mbx-used-weight-1m"), clock)
    assert not b.admit().refused
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


def test_state_is_shared_through_the_file_and_survives_reopening(tmp_path):
    """Two NodeState handles on one file stand for two workers (and a restart): a nonce, a ban, a
    budget count and a token bucket seen through one are seen through the other."""
    from proxy_node.state import NodeState

    clock = Clock()
    path = str(tmp_path / "state.sqlite3")
    first, second = NodeState(path, clock), NodeState(path, clock)
    assert first.created_at == second.created_at == clock.now
    assert NonceCache(60, state=first).check_and_store("k1", "n1")
    assert not NonceCache(60, state=second).check_and_store("k1", "n1")
    spec = BudgetSpec(3, 60)
    one = ExchangeBudget("bybit", spec, soft_ratio=1.0, hard_ratio=1.0, max_delay=0, clock=clock, state=first)
    two = ExchangeBudget("bybit", spec, soft_ratio=1.0, hard_ratio=1.0, max_delay=0, clock=clock, state=second)
    assert [one.admit().refused, two.admit().refused, one.admit().refused, two.admit().refused] == \
        [False, False, False, True]
    one.record_response(418, {"retry-after": "600"})
    assert KeyRateLimiter(1, 1, state=first).take("a") == 0 and KeyRateLimiter(1, 1, state=second).take("a") > 0
    first.close()
    second.close()
    clock.now += 5
    reopened = NodeState(path, clock)                   # a restart
    assert reopened.created_at == 1_000_000.0
    assert not NonceCache(60, state=reopened).check_and_store("k1", "n1")
    banned = ExchangeBudget("bybit", spec, soft_ratio=1.0, hard_ratio=1.0, max_delay=0, clock=clock, state=reopened)
    assert banned.admit().refuse_for == pytest.approx(595)
    assert banned.snapshot()["blocked_for_seconds"] == pytest.approx(595)


def test_requests_in_flight_count_at_the_weight_the_reports_show():
    """Binance reports weight per answer; requests not answered yet must count at the learnt weight
    per request (5 here), not as 1 each, or a node with many in flight runs past the limit."""
    clock = Clock(6_000_000.0)
    b = ExchangeBudget("binance-usdm", BudgetSpec(2400, 60, "x-mbx-used-weight-1m"), soft_ratio=0.8,
                       hard_ratio=0.95, max_delay=0.5, clock=clock)
    for n in range(1, 11):                              # 10 answered requests of weight 5
        assert not b.admit().refused
        b.record_response(200, {"x-mbx-used-weight-1m": str(5 * n)})
    assert b.used() == 50
    admitted = 0
    while not b.admit().refused:                        # then a burst with no answers yet
        admitted += 1
    assert 50 + 5 * admitted <= 2400 * 0.95 < 50 + 5 * (admitted + 2)
    # Two of the burst answer out of order: the higher figure stands, each answer leaves the in-flight count.
    b.record_response(200, {"x-mbx-used-weight-1m": "60"})
    b.record_response(200, {"x-mbx-used-weight-1m": "55"})
    assert b.used() == 60 + 5 * (admitted - 2)
