"""The batch path (`Executor.handle_batch`, what the dca_executor Lambda and the local queue run): new
paper trades of a batch share one transaction, a savepoint per job. One job failing or refused does
not undo the others; a redelivered batch creates nothing twice; a crash before the commit loses the
whole batch and its redelivery starts clean; live accounts and redeliveries run on their own."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor, NotStarted
from verzek.execution.orders import RetryPolicy
from verzek.execution.venues import VenueProvider

D = Decimal
T0 = 1515626700000  # ETH/BTC 5m, last close 0.0846
NO_WAIT = RetryPolicy(sleep=lambda s: None)


class ProcessCrash(BaseException):
    """Stands for the process dying mid-batch (not an Exception: nothing may swallow it)."""


class JobFault(Exception):
    """A failure inside one job, after the paper exchange accepted its order."""


class FaultOnUser:
    """A paper exchange that accepts the order and then fails (JobFault) or crashes (ProcessCrash)."""

    def __init__(self, inner, fault) -> None:
        self.inner, self.fault = inner, fault
        self.name = inner.name

    def __getattr__(self, item):
        return getattr(self.inner, item)

    def create_order(self, request):
        state = self.inner.create_order(request)
        raise self.fault()
        return state  # pragma: no cover


class FaultyVenues(VenueProvider):
    def __init__(self, base: VenueProvider, user_id: int, fault) -> None:
        super().__init__(base.paper_prices(), base.clock)
        self.user_id, self.fault = user_id, fault

    def venue(self, cur, **kwargs):
        venue = super().venue(cur, **kwargs)
        if kwargs["user_id"] == self.user_id:
            venue.exchange = FaultOnUser(venue.exchange, self.fault)
        return venue


def _count(db, table: str, user_ids) -> int:
    with db, db.cursor() as cur:
        cur.execute(f"SELECT count(*) AS n FROM {table} WHERE user_id = ANY(%s)", (list(user_ids),))
        return cur.fetchone()["n"]


def _totals(db, users) -> dict[str, int]:
    return {t: _count(db, t, users) for t in ("positions", "orders", "paper_orders", "notifications")}


@pytest.fixture
def batch(factory, clock):
    clock.set(T0)
    users = [factory.user(size_value=D("0.5")) for _ in range(4)]
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086"], stop_loss="0.082")
    return users, sig, [ExecuteSignalJob(signal_id=sig, user_id=u) for u in users]


def test_one_failing_and_one_refused_job_leave_the_others_committed(batch, factory, db, venues):
    users, sig, jobs = batch
    poor = factory.user(size_value=D("50000"))  # the plan is refused: more than the paper balance
    jobs.append(ExecuteSignalJob(signal_id=sig, user_id=poor))
    failing = users[1]
    results = Executor(FaultyVenues(venues, failing, JobFault), NO_WAIT).handle_batch(jobs)

    assert isinstance(results[1], JobFault)
    assert results[0] == results[2] == results[3] == "opened"
    assert results[4].startswith("skipped:")
    # the failing job is rolled back whole, its paper order included (accepted inside the batch)
    assert factory.position(failing, sig) is None
    assert factory.paper_state(failing) == {} and factory.notifications(failing) == []
    for user in (users[0], users[2], users[3]):
        pos = factory.position(user, sig)
        assert pos["status"] == "open"
        [order] = factory.orders(pos["id"])
        assert order["status"] == "open" and order["exchange_order_id"] == f"P-{order['client_order_id']}"
        assert [o["cid"] for o in factory.paper_state(user)["orders"]] == [order["client_order_id"]]
        assert factory.notifications(user)[0]["kind"] == "position_opened"
    refused = factory.position(poor, sig)
    assert refused["status"] == "cancelled" and factory.notifications(poor)[0]["kind"] == "trade_skipped"

    # its redelivery (a batch of its own) opens it once
    assert Executor(venues, NO_WAIT).handle_batch([jobs[1]]) == ["opened"]
    pos = factory.position(failing, sig)
    assert pos["status"] == "open" and len(factory.orders(pos["id"])) == 1
    assert len(factory.paper_state(failing)["orders"]) == 1


def test_a_redelivered_batch_creates_nothing_twice(batch, factory, db, venues):
    users, _sig, jobs = batch
    executor = Executor(venues, NO_WAIT)
    # the same job twice in one batch (SQS may deliver a duplicate with the original)
    first = executor.handle_batch([*jobs, jobs[0]])
    assert first[:4] == ["opened"] * 4 and first[4] == "already_done"
    before = _totals(db, users)
    assert before["positions"] == 4 and before["orders"] == 4 and before["paper_orders"] == 4

    again = executor.handle_batch(list(reversed(jobs)))  # the whole batch redelivered
    assert again == ["already_done"] * 4
    assert _totals(db, users) == before


def test_a_crash_mid_batch_loses_the_batch_and_its_redelivery_starts_clean(batch, factory, db, venues):
    users, sig, jobs = batch
    with pytest.raises(ProcessCrash):  # the third job's process dies after its order was accepted
        Executor(FaultyVenues(venues, users[2], ProcessCrash), NO_WAIT).handle_batch(jobs)
    # nothing was committed: not the two jobs before it, not the paper orders
    assert _totals(db, users) == {"positions": 0, "orders": 0, "paper_orders": 0, "notifications": 0}

    assert Executor(venues, NO_WAIT).handle_batch(jobs) == ["opened"] * 4
    for user in users:
        pos = factory.position(user, sig)
        [order] = factory.orders(pos["id"])
        assert [o["cid"] for o in factory.paper_state(user)["orders"]] == [order["client_order_id"]]
    assert _totals(db, users)["paper_orders"] == 4


def test_live_accounts_and_unstarted_jobs_are_not_in_the_batch_transaction(batch, factory, db, venues):
    _users, sig, jobs = batch
    live = factory.user(size_value=D("0.5"), mode="live", live_confirmed_at=datetime.now(UTC))  # no account
    calls = []

    def may_start() -> bool:
        calls.append(1)
        return len(calls) <= 5  # the batch's five jobs start; then no time is left

    results = Executor(venues, NO_WAIT).handle_batch([ExecuteSignalJob(signal_id=sig, user_id=live), *jobs],
                                                     may_start=may_start)
    assert results[1:] == ["opened"] * 4
    # the live job was rolled back out of the batch's transaction, to run on its own after the
    # batch: by then there was no time left, and it was handed back untouched
    assert isinstance(results[0], NotStarted) and factory.position(live, sig) is None

    results = Executor(venues, NO_WAIT).handle_batch([ExecuteSignalJob(signal_id=sig, user_id=live)])
    assert results == ["skipped:account_error"] and factory.position(live, sig)["status"] == "failed"


def test_a_batch_logs_one_line_with_each_jobs_outcome_after_its_commit(batch, factory, venues, caplog):
    _users, sig, jobs = batch
    live = factory.user(size_value=D("0.5"), mode="live", live_confirmed_at=datetime.now(UTC))  # runs alone
    caplog.set_level("INFO", logger="verzek")
    results = Executor(venues, NO_WAIT).handle_batch([*jobs, ExecuteSignalJob(signal_id=sig, user_id=live)])
    assert results == ["opened"] * 4 + ["skipped:account_error"]

    [line] = [r for r in caplog.records if r.getMessage() == "batch done"]
    assert line.jobs == " ".join(f"{job.dedupe_key}=opened" for job in jobs)
    # the job that ran on its own logs its own line; the batched ones none
    done = [r.dedupe_key for r in caplog.records if r.getMessage() == "job done"]
    assert done == [f"exec-{sig}-{live}"]
