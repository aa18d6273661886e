"""Exactly-once effect under at-least-once delivery: redelivered jobs, a crash between the exchange
accepting an order and our database write, timeouts with unknown outcome, concurrent duplicates."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor
from verzek.execution.orders import RetryPolicy, TransientJobError
from verzek.execution.ports import OutcomeUnknown, RequestNotSent
from verzek.execution.venues import VenueProvider

D = Decimal
T0 = 1515626700000  # ETH/BTC 5m, last close 0.0846
NO_WAIT = RetryPolicy(sleep=lambda s: None)


class ProcessCrash(BaseException):
    """Stands for the process dying (not an Exception: nothing in the engine may swallow it)."""


class FaultyExchange:
    """Wraps a real (paper) exchange and injects one fault around create_order."""

    def __init__(self, inner, fault: str) -> None:
        self.inner, self.fault = inner, fault
        self.name = inner.name
        self.create_calls = 0

    def __getattr__(self, item):
        return getattr(self.inner, item)

    def create_order(self, request):
        self.create_calls += 1
        if self.fault == "lost_request" and self.create_calls == 1:
            raise RequestNotSent("connection refused")
        if self.fault == "timeout_before" and self.create_calls == 1:
            raise OutcomeUnknown("read timeout")  # never reached the exchange
        state = self.inner.create_order(request)
        if self.fault == "crash_after_accept":
            raise ProcessCrash()
        if self.fault == "timeout_after" and self.create_calls == 1:
            raise OutcomeUnknown("read timeout")  # the exchange did place it
        return state

    # a remote exchange taking orders one by one (no batch call): these faults hit each order's own call
    create_orders = None


class BatchTimeoutExchange:
    """An exchange with a batch call (`create_orders`) that accepts the first order and times out."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.batch_calls = inner, inner.name, 0

    def __getattr__(self, item):
        return getattr(self.inner, item)

    def create_orders(self, requests):
        self.batch_calls += 1
        self.inner.create_order(requests[0])
        raise OutcomeUnknown("read timeout")


class FaultyVenues(VenueProvider):
    def __init__(self, base: VenueProvider, fault: str) -> None:
        super().__init__(base.paper_prices(), base.clock)
        self.fault = fault
        self.wrapped: list[FaultyExchange] = []

    def venue(self, cur, **kwargs):
        venue = super().venue(cur, **kwargs)
        if self.fault == "batch_timeout":
            venue.exchange = BatchTimeoutExchange(venue.exchange)
        else:
            venue.exchange = FaultyExchange(venue.exchange, self.fault)
        self.wrapped.append(venue.exchange)
        return venue


def _setup(factory, clock, **settings):
    clock.set(T0)
    user = factory.user(size_value=D("0.5"), **settings)
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835", "0.084"], targets=["0.086"], stop_loss="0.082")
    return user, sig


def _paper_orders(factory, user):
    return [o["cid"] for o in factory.paper_state(user).get("orders", [])]


def test_redelivered_job_places_one_set_of_orders(factory, venues, clock):
    user, sig = _setup(factory, clock)
    job = ExecuteSignalJob(signal_id=sig, user_id=user)
    executor = Executor(venues, NO_WAIT)
    assert executor.handle(job) == "opened"
    assert executor.handle(job) == "already_done"
    assert Executor(venues, NO_WAIT).handle(job) == "already_done"
    pos = factory.position(user, sig)
    assert len(factory.orders(pos["id"])) == 2
    assert sorted(_paper_orders(factory, user)) == sorted(o["client_order_id"] for o in factory.orders(pos["id"]))
    opened = [n for n in factory.notifications(user) if n["kind"] == "position_opened"]
    assert len(opened) == 2  # one console + one push, not repeated by the redeliveries


def test_crash_after_exchange_accepted_is_reconciled_not_duplicated(factory, venues, clock):
    user, sig = _setup(factory, clock)
    job = ExecuteSignalJob(signal_id=sig, user_id=user)
    crashing = FaultyVenues(venues, "crash_after_accept")
    with pytest.raises(ProcessCrash):
        Executor(crashing, NO_WAIT).handle(job)
    pos = factory.position(user, sig)
    # the exchange has the first order; our row still says 'planned' (the write never happened)
    assert pos["status"] == "pending"
    assert [o["status"] for o in factory.orders(pos["id"])] == ["planned", "planned"]
    assert len(_paper_orders(factory, user)) == 1

    # redelivery: the first order is found by its client id, only the second is placed
    healthy = FaultyVenues(venues, "none")
    assert Executor(healthy, NO_WAIT).handle(job) == "opened"
    assert healthy.wrapped[0].create_calls == 1
    rows = factory.orders(pos["id"])
    assert [o["status"] for o in rows] == ["open", "open"]
    assert sorted(_paper_orders(factory, user)) == sorted(o["client_order_id"] for o in rows)


def test_timeout_after_accept_is_looked_up_not_resent(factory, venues, clock):
    user, sig = _setup(factory, clock)
    faulty = FaultyVenues(venues, "timeout_after")
    assert Executor(faulty, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    assert sum(w.create_calls for w in faulty.wrapped) == 2  # leg 0 (timed out, found), leg 1; never leg 0 again
    assert len(_paper_orders(factory, user)) == 2


def test_timeout_before_reaching_exchange_is_not_resent_blindly(factory, venues, clock):
    user, sig = _setup(factory, clock)
    job = ExecuteSignalJob(signal_id=sig, user_id=user)
    faulty = FaultyVenues(venues, "timeout_before")
    with pytest.raises(TransientJobError, match="outcome unknown"):
        Executor(faulty, NO_WAIT).handle(job)
    assert sum(w.create_calls for w in faulty.wrapped) == 1 and _paper_orders(factory, user) == []
    # the queue redelivers later; the lookup says it does not exist, so now it is placed, once
    assert Executor(venues, NO_WAIT).handle(job) == "opened"
    assert len(_paper_orders(factory, user)) == 2


def test_a_batch_call_with_unknown_outcome_is_looked_up_never_resent(factory, venues, clock):
    """Orders sent in one call (`OrderPlacer.place_new_many`) whose answer was lost: each is looked
    up; one not found may still arrive, so the job is retried rather than anything sent again."""
    user, sig = _setup(factory, clock)
    job = ExecuteSignalJob(signal_id=sig, user_id=user)
    faulty = FaultyVenues(venues, "batch_timeout")
    with pytest.raises(TransientJobError, match="outcome unknown"):
        Executor(faulty, NO_WAIT).handle(job)
    assert sum(w.batch_calls for w in faulty.wrapped) == 1 and len(_paper_orders(factory, user)) == 1
    assert Executor(venues, NO_WAIT).handle(job) == "opened"  # redelivery: leg 0 found, leg 1 placed
    assert len(_paper_orders(factory, user)) == 2


def test_request_known_not_sent_is_resent(factory, venues, clock):
    user, sig = _setup(factory, clock)
    faulty = FaultyVenues(venues, "lost_request")
    assert Executor(faulty, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    assert sum(w.create_calls for w in faulty.wrapped) == 3 and len(_paper_orders(factory, user)) == 2


def test_concurrent_duplicate_deliveries_place_once(factory, venues, clock):
    user, sig = _setup(factory, clock)
    job = ExecuteSignalJob(signal_id=sig, user_id=user)
    outcomes, errors = [], []

    def run():
        try:
            outcomes.append(Executor(venues, NO_WAIT).handle(job))
        except TransientJobError as exc:  # the other worker held the position: retried later
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for _ in errors:
        outcomes.append(Executor(venues, NO_WAIT).handle(job))
    assert outcomes.count("opened") == 1
    pos = factory.position(user, sig)
    assert len(factory.orders(pos["id"])) == 2 and len(_paper_orders(factory, user)) == 2


def test_a_concurrent_redelivery_that_crashed_after_sending_is_not_sent_again_live(factory, db, settings_env):
    """Binance accepts a client id again once its order is filled ("unique among open orders"). A
    redelivery that took the position between the first delivery's insert and its placement, sent
    the entry and died before recording it, must not be followed by the first delivery placing the
    entry a second time without looking it up: exactly one order reaches the exchange."""
    from cryptography.fernet import Fernet
    from verzek.execution.paper import RecordedPrices
    from verzek.execution.venues import wall_clock_ms

    from proxy_node.app import create_app
    from tests.integration.proxy.conftest import API_KEY, API_SECRET, HMAC_KEY_ID, HMAC_SECRET, node_settings
    from tests.support.accounts import insert_exchange_account
    from tests.support.exchange_double import ExchangeDouble, ServerThread

    now = wall_clock_ms() // 60_000 * 60_000
    prices = RecordedPrices()
    prices.add("BTC/USDT:USDT", "1m", [[t, "60000", "60000", "60000", "60000", "1"]
                                       for t in range(now - 3_600_000, now + 3_600_000, 60_000)])

    class CrashingVenues(VenueProvider):
        def venue(self, cur, **kwargs):
            venue = super().venue(cur, **kwargs)
            venue.exchange = FaultyExchange(venue.exchange, "crash_after_accept")
            return venue

    with ExchangeDouble() as double, ServerThread(create_app(node_settings(double.base_url))) as node:
        double.add_account(API_KEY, API_SECRET)
        double.set_balance("binance", "linear", "USDT", "5000")
        settings_env(PROXY_ENABLED="true", PROXY_URLS=node.url, PROXY_KEY_ID=HMAC_KEY_ID, PROXY_HMAC_KEY=HMAC_SECRET,
                     PROXY_DIRECT_FALLBACK="false", VERZEK_MASTER_KEY=Fernet.generate_key().decode())
        user = factory.user()
        with db, db.cursor() as cur:
            account = insert_exchange_account(cur, user, "binance", "main", API_KEY, API_SECRET, key_last4="ey-1")
            cur.execute("UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), "
                        "exchange_account_id = %s, size_value = 50, leverage_cap = 10 WHERE user_id = %s",
                        (account, user))
        sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000"], stop_loss="58000",
                             market_type="futures", leverage=5)
        job = ExecuteSignalJob(signal_id=sig, user_id=user)
        first = Executor(VenueProvider(live_prices=prices), NO_WAIT)
        redelivery = Executor(CrashingVenues(live_prices=prices), NO_WAIT)
        place_pending = first.engine.place_pending

        def interleaved(position_id, *, created=False):
            # the redelivery runs between the first delivery's insert commit and its placement
            with pytest.raises(ProcessCrash):
                redelivery.handle(job)
            [sent] = [o for o in double.orders if o.exchange == "binance"]
            double.fill(sent.client_order_id, "59000", str(sent.amount))  # filled: Binance takes the id again
            return place_pending(position_id, created=created)

        first.engine.place_pending = interleaved
        assert first.handle(job) == "opened"
        pos = factory.position(user, sig)
        [entry] = [o for o in factory.orders(pos["id"]) if o["role"] == "entry"]
        assert [o.client_order_id for o in double.orders if o.exchange == "binance" and not o.algo] == \
            [entry["client_order_id"]]
        assert entry["status"] == "filled"
