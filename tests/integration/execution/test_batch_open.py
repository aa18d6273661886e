"""A new paper trade in a batch (`Executor._open_in_batch`): the paper account read once, the orders
placed, then the position inserted already open (or failed) with its orders' states and its
notification. It must leave exactly the rows the job-by-job path (`Executor.handle`: position
'pending' with 'planned' orders, placed, then updated) leaves — for plain, DCA (a safety order held
back), futures (leverage; a market entry filled at once, protected by its stop at once), partly and
wholly refused plans — and one user's balance or settings must never reach another's rows. A
duplicate committed while the batch runs is reconciled, never placed twice."""

from __future__ import annotations

import json
import re
import threading
from decimal import Decimal

import pytest
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.client_ids import client_order_id
from verzek.execution.executor import Executor
from verzek.execution.orders import RetryPolicy
from verzek.execution.ports import OrderRejected
from verzek.execution.venues import VenueProvider

from tests.integration.execution.test_paper_store import lock_waiters, wait_for

D = Decimal
NO_WAIT = RetryPolicy(sleep=lambda s: None)
ETH_BTC_T0 = 1515626700000  # ETH/BTC 5m, last close 0.0846
XRP_T0 = 1636935000000  # XRP/USDT:USDT 5m futures, last close 1.1972


class RefusingLegs:
    """A paper exchange refusing the orders whose client id ends with one of `legs` (as a venue would
    refuse a price or an amount), accepting the others."""

    def __init__(self, inner, legs) -> None:
        self.inner, self.legs = inner, tuple(legs)
        self.name = inner.name

    def __getattr__(self, item):
        return getattr(self.inner, item)

    def _refused(self, request) -> bool:
        return request.client_order_id.endswith(self.legs)

    def create_order(self, request):
        if self._refused(request):
            raise OrderRejected(f"refused {request.client_order_id[-2:]}", "invalid_order")
        return self.inner.create_order(request)

    def create_orders(self, requests):
        taken = iter(self.inner.create_orders([r for r in requests if not self._refused(r)]))
        return [OrderRejected(f"refused {r.client_order_id[-2:]}", "invalid_order") if self._refused(r)
                else next(taken) for r in requests]


class RefusingVenues(VenueProvider):
    def __init__(self, base: VenueProvider, legs) -> None:
        super().__init__(base.paper_prices(), base.clock)
        self.legs = legs

    def venue(self, cur, **kwargs):
        venue = super().venue(cur, **kwargs)
        venue.exchange = RefusingLegs(venue.exchange, self.legs)
        return venue


def _normal(value, user: int, sig: int, position_id: int):
    """`value` as JSON with what differs between two users' rows of the same trade made neutral."""
    def plain(v):  # a number by its value (5.5 and 5.500 are one amount, whatever scale stored it)
        return format(v.normalize(), "f") if isinstance(v, Decimal) else str(v)

    text = json.dumps(value, default=plain, sort_keys=True)
    mark = client_order_id(sig, user, "entry").split("-")[1]
    text = re.sub(rf'"user_id": {user}(?=[,}}])', '"user_id": "U"', text.replace(f"-{mark}-", "-U-"))
    text = re.sub(rf'"position_id": {position_id}(?=[,}}])', '"position_id": "P"', text)
    return json.loads(text.replace(f"-{position_id}:", "-P:"))


def _numbers(value):
    """The paper account's amounts (kept as text by `account_state`) as numbers."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if isinstance(value, str) and value.replace(".", "", 1).lstrip("-").isdigit():
        return Decimal(value)
    return value


def _trade(factory, user: int, sig: int) -> dict:
    """The rows one job left for `user`: position, orders, notifications, paper account."""
    pos = factory.position(user, sig)
    drop = {"id", "user_id", "position_id", "created_at", "updated_at", "not_before", "target"}
    chat = next((n["target"] for n in factory.notifications(user) if n["channel"] == "telegram"), None)
    assert chat == factory.chat(user)  # the user's own chat (compared apart: it differs between users)
    rows = {"position": {k: v for k, v in pos.items() if k not in drop},
            "orders": [{k: v for k, v in o.items() if k not in drop} for o in factory.orders(pos["id"])],
            "notifications": [{k: v for k, v in n.items() if k not in drop} for n in factory.notifications(user)],
            "paper": _numbers(factory.paper_state(user))}
    return _normal(rows, user, sig, pos["id"])


CASES = {
    "spot, one limit entry": {
        "t0": ETH_BTC_T0, "settings": {"size_value": D("0.5")},
        "signal": ("ETH/BTC", "long", {"entries": ["0.0835"], "targets": ["0.086"], "stop_loss": "0.082"})},
    "spot DCA, one safety order held back": {
        "t0": ETH_BTC_T0, "settings": {"size_value": D("0.4"), "dca_enabled": True, "dca_safety_orders": 2, "dca_step_pct": D(1),
                                     "dca_volume_scale": D(2), "dca_max_active": 1},
        "chat": True,
        "signal": ("ETH/BTC", "long", {"entries": ["0.0835"], "targets": ["0.086", "0.088"], "stop_loss": "0.078"})},
    "futures limit short, leverage 5": {
        "t0": XRP_T0, "settings": {"size_value": D("100"), "leverage_cap": 10},
        "signal": ("XRP/USDT:USDT", "short", {"entries": ["1.2"], "targets": ["1.18"], "stop_loss": "1.209",
                                               "market_type": "futures", "leverage": 5})},
    "futures market entry": {
        "t0": XRP_T0, "settings": {"size_value": D("100"), "leverage_cap": 10},
        "signal": ("XRP/USDT:USDT", "long", {"entries": [], "entry_type": "market", "targets": ["1.25"], "stop_loss": "1.15",
                                              "market_type": "futures", "leverage": 3})},
    "one entry of two refused": {
        "t0": ETH_BTC_T0, "settings": {"size_value": D("0.5")}, "refuse": ("e1",),
        "signal": ("ETH/BTC", "long", {"entries": ["0.0835", "0.083"], "targets": ["0.086"], "stop_loss": "0.082"})},
    "every order refused": {
        "t0": ETH_BTC_T0, "settings": {"size_value": D("0.5")}, "refuse": ("e0", "e1"),
        "signal": ("ETH/BTC", "long", {"entries": ["0.0835", "0.083"], "targets": ["0.086"], "stop_loss": "0.082"})},
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_batch_opens_exactly_what_the_job_by_job_path_opens(case, factory, clock, venues):
    clock.set(case["t0"])
    if case.get("refuse"):
        venues = RefusingVenues(venues, case["refuse"])
    chats = (701, 702) if case.get("chat") else (None, None)
    alone, batched = (factory.user(telegram_chat_id=chat, **case["settings"]) for chat in chats)
    symbol, side, kwargs = case["signal"]
    sig = factory.signal(symbol, side, **kwargs)
    executor = Executor(venues, NO_WAIT)

    outcome = executor.handle(ExecuteSignalJob(signal_id=sig, user_id=alone))
    assert executor.handle_batch([ExecuteSignalJob(signal_id=sig, user_id=batched)]) == [outcome]
    assert outcome == ("failed" if len(case.get("refuse", ())) == 2 else "opened")

    expected = _trade(factory, alone, sig)
    assert _trade(factory, batched, sig) == expected
    # the cases test what they say
    orders = expected["orders"]
    if "market" in kwargs.get("entry_type", ""):
        assert [(o["role"], o["order_type"], o["status"]) for o in orders] == [("entry", "market", "open")]
    if kwargs.get("market_type") == "futures":
        assert expected["position"]["leverage"] == kwargs["leverage"]
    if case["settings"].get("dca_max_active"):
        assert [o["status"] for o in orders if o["role"] == "safety"] == ["open", "waiting"]
        assert {n["channel"] for n in expected["notifications"]} == {"console", "push", "telegram"}
    if case.get("refuse") == ("e1",):
        assert [o["status"] for o in orders] == ["open", "rejected"]
        assert "refused e1" in expected["position"]["error"]
    if outcome == "failed":
        assert expected["notifications"][0]["kind"] == "trade_failed" and expected["paper"]["orders"] == []


def test_each_user_of_a_batch_gets_their_own_balance_settings_and_chat(factory, clock, venues, settings_env):
    """One batch, one signal, users that differ in size, DCA, chat and paper balance: each position
    is what that user's own job alone would have opened."""
    clock.set(ETH_BTC_T0)
    spot = ("ETH/BTC", "long", {"entries": ["0.0835", "0.083"], "targets": ["0.086"], "stop_loss": "0.082"})
    sig = factory.signal(spot[0], spot[1], **spot[2])
    profiles = [{"size_value": D("0.5")}, {"size_value": D("2"), "telegram_chat_id": 42},
                {"size_value": D("0.3"), "dca_enabled": True, "dca_safety_orders": 1, "dca_step_pct": D(1)},
                {"size_type": "percent", "size_value": D("10")}]
    executor = Executor(venues, NO_WAIT)
    alone = [factory.user(**p) for p in profiles]
    batched = [factory.user(**{**p, **({"telegram_chat_id": 43} if "telegram_chat_id" in p else {})}) for p in profiles]
    # one batched user's paper account has less in it (an earlier loss): sized by a percentage of it
    with factory.conn, factory.conn.cursor() as cur:
        for user in (alone[3], batched[3]):
            cur.execute("INSERT INTO paper_balances (user_id, asset, total) VALUES (%s, 'BTC', 4)", (user,))

    for user in alone:
        assert executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    assert executor.handle_batch([ExecuteSignalJob(signal_id=sig, user_id=u) for u in batched]) == ["opened"] * 4
    for one, other in zip(alone, batched):
        assert _trade(factory, other, sig) == _trade(factory, one, sig)
    amounts = [factory.position(u, sig)["amount"] for u in batched]
    assert len(set(amounts)) == 4  # four different sizes: nothing of one user's sizing reached another's


def test_a_duplicate_committed_while_the_batch_runs_is_reconciled_not_placed_twice(factory, clock, venues):
    """The batch read 'no position' for the job; before its turn, another worker runs the same job and
    commits. The batch's attempt finds the paper orders taken and the position there: it keeps
    nothing of its own and reconciles (one position, one set of orders, one notification)."""
    clock.set(ETH_BTC_T0)
    users = [factory.user(size_value=D("0.5")) for _ in range(2)]
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835", "0.083"], targets=["0.086"], stop_loss="0.082")
    jobs = [ExecuteSignalJob(signal_id=sig, user_id=u) for u in users]
    elsewhere: list[str] = []

    def may_start() -> bool:
        if not elsewhere:  # another worker (its own thread and connection) takes the second job first
            worker = threading.Thread(target=lambda: elsewhere.append(Executor(venues, NO_WAIT).handle(jobs[1])))
            worker.start()
            worker.join()
        return True

    assert Executor(venues, NO_WAIT).handle_batch(jobs, may_start=may_start) == ["opened", "already_done"]
    assert elsewhere == ["opened"]
    # the job before it, whose last statement took this job's savepoint, is kept
    assert [o["status"] for o in factory.orders(factory.position(users[0], sig)["id"])] == ["open", "open"]
    pos = factory.position(users[1], sig)
    assert pos["status"] == "open"
    orders = factory.orders(pos["id"])
    assert [o["status"] for o in orders] == ["open", "open"]
    assert [o["cid"] for o in factory.paper_state(users[1])["orders"]] == [o["client_order_id"] for o in orders]
    assert [n["kind"] for n in factory.notifications(users[1]) if n["channel"] == "console"] == ["position_opened"]


class AccountReadElsewhere:
    """A paper exchange whose first free-balance read (the batch job holding the user's account) is
    met by another worker's call on the same account (its own thread and connection), which then
    has to wait for the batch."""

    def __init__(self, inner, venues) -> None:
        self.inner, self.venues = inner, venues
        self.name = inner.name

    def __getattr__(self, item):
        return getattr(self.inner, item)

    def free_balance(self, asset):
        answer = self.inner.free_balance(asset)  # inside held(): the account is the batch's now
        if self.inner.user_id == self.venues.target and self.venues.worker is None:
            def elsewhere():
                with self.venues.base_venue(self.inner.user_id) as other:
                    self.venues.seen = other.free_balance("BTC")

            self.venues.worker = threading.Thread(target=elsewhere)
            self.venues.worker.start()
            assert wait_for(lambda: lock_waiters(self.venues.dsn) >= 1), "the other call did not wait"
        return answer


class RacingVenues(VenueProvider):
    def __init__(self, base: VenueProvider, target: int, dsn: str) -> None:
        super().__init__(base.paper_prices(), base.clock)
        self.target, self.dsn = target, dsn
        self.worker: threading.Thread | None = None
        self.seen: Decimal | None = None

    def venue(self, cur, **kwargs):
        venue = super().venue(cur, **kwargs)
        venue.exchange = AccountReadElsewhere(venue.exchange, self)
        return venue

    def base_venue(self, user_id: int):
        import contextlib

        return contextlib.nullcontext(super().venue(None, user_id=user_id, mode="paper", exchange_account_id=None,
                                                    market_type="spot").exchange)


def test_another_workers_call_on_the_account_waits_for_the_batch_and_sees_its_orders(factory, clock, venues, db_dsn):
    """A batch job holds the user's paper account (read once, locked) until the batch commits. A call
    on the same account from another worker meanwhile (a second job of the user, the monitor) waits,
    then sees the job's order and its reservation: the free balance is never spent twice. (Before, a
    call could slip in on a new account, or read it on a snapshot taken while it waited, missing the
    job's new orders.)"""
    clock.set(ETH_BTC_T0)
    users = [factory.user(size_value=D("0.5")) for _ in range(3)]
    user = users[1]
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086"], stop_loss="0.082")
    racing = RacingVenues(venues, user, db_dsn)

    assert Executor(racing, NO_WAIT).handle_batch([ExecuteSignalJob(signal_id=sig, user_id=u) for u in users]) == [
        "opened"] * 3
    racing.worker.join(15)
    [order] = factory.orders(factory.position(user, sig)["id"])
    assert [o["cid"] for o in factory.paper_state(user)["orders"]] == [order["client_order_id"]]
    # 10000 BTC start less the entry's reservation (amount x 0.0835 with the 0.1 % fee), as it reads after
    reserved = order["amount"] * D("0.0835") * D("1.001")
    assert racing.seen == D(10000) - reserved
    with racing.base_venue(user) as account:
        assert account.free_balance("BTC") == racing.seen


@pytest.fixture
def round_trips(monkeypatch):
    """The product's pooled connections count their server round trips, as scripts/bench_execution.py
    counts them: every statement sent (however many its text holds), the BEGIN psycopg2 sends before
    a transaction's first statement, every COMMIT / ROLLBACK."""
    import psycopg2
    import psycopg2.extensions
    import psycopg2.extras
    from psycopg2.extensions import TRANSACTION_STATUS_IDLE
    from verzek.db import close_pool

    counter = {"n": 0}

    def counted(base):
        class Cursor(base):
            def execute(self, query, vars=None):
                conn = self.connection
                counter["n"] += 1 + (not conn.autocommit and conn.info.transaction_status == TRANSACTION_STATUS_IDLE)
                return super().execute(query, vars)
        return Cursor

    cursors = {psycopg2.extensions.cursor: counted(psycopg2.extensions.cursor),
               psycopg2.extras.RealDictCursor: counted(psycopg2.extras.RealDictCursor)}

    class Connection(psycopg2.extensions.connection):
        def cursor(self, *args, cursor_factory=None, **kwargs):
            factory = cursor_factory or self.cursor_factory or psycopg2.extensions.cursor
            return super().cursor(*args, cursor_factory=cursors.get(factory, factory), **kwargs)

        def commit(self):
            counter["n"] += self.info.transaction_status != TRANSACTION_STATUS_IDLE
            return super().commit()

        def rollback(self):
            counter["n"] += self.info.transaction_status != TRANSACTION_STATUS_IDLE
            return super().rollback()

    connect = psycopg2.connect
    monkeypatch.setattr(psycopg2, "connect", lambda *a, **kw: connect(*a, connection_factory=Connection, **kw))
    close_pool()  # the pool's next connections are counted ones
    yield counter
    close_pool()


def test_a_batch_of_new_paper_trades_costs_two_round_trips_a_job(factory, clock, venues, round_trips):
    """Load cannot move this figure: 10 new paper trades (new paper accounts too) in one batch are the
    batch's BEGIN, its 4 reads and first SAVEPOINT, per job the paper account's read and one write
    (which ends with the next job's savepoint), and the COMMIT."""
    clock.set(ETH_BTC_T0)
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835", "0.083"], targets=["0.086"], stop_loss="0.082")
    executor = Executor(venues, NO_WAIT)
    warm = [ExecuteSignalJob(signal_id=sig, user_id=factory.user(size_value=D("0.5"))) for _ in range(2)]
    assert executor.handle_batch(warm) == ["opened"] * 2  # the statements prepared on the pool's connection

    jobs = [ExecuteSignalJob(signal_id=sig, user_id=factory.user(size_value=D("0.5"))) for _ in range(10)]
    round_trips["n"] = 0
    assert executor.handle_batch(jobs) == ["opened"] * 10
    assert round_trips["n"] == 1 + 4 + 1 + 2 * 10 + 1
