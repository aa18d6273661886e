"""The monitor places the orders it has just written (the take-profit ladder once the entry fills, each
version of the protective stop) without looking them up first: their rows were created by its own
committed step, so no earlier attempt can have sent them (one exchange request -- a paper transaction
-- less per order). Orders left 'planned' by a crash are still looked up before being placed."""

from __future__ import annotations

from decimal import Decimal

from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor
from verzek.execution.monitor import run_monitor
from verzek.execution.venues import DbPaperExchange

D = Decimal
FIVE_MIN = 300_000


def test_the_ladder_and_the_stop_versions_are_placed_without_a_lookup_first(factory, venues, clock, monkeypatch):
    calls: list[tuple[str, str]] = []
    fetch, create = DbPaperExchange.fetch_order, DbPaperExchange.create_order

    def fetch_order(self, symbol, client_order_id, **kwargs):
        calls.append(("lookup", client_order_id))
        return fetch(self, symbol, client_order_id, **kwargs)

    def create_order(self, request):
        calls.append(("create", request.client_order_id))
        return create(self, request)

    create_many = DbPaperExchange.create_orders

    def create_orders(self, requests):  # several never-sent orders in one call (OrderPlacer.place_new_many)
        calls.extend(("create", r.client_order_id) for r in requests)
        return create_many(self, requests)

    monkeypatch.setattr(DbPaperExchange, "fetch_order", fetch_order)
    monkeypatch.setattr(DbPaperExchange, "create_order", create_order)
    monkeypatch.setattr(DbPaperExchange, "create_orders", create_orders)
    # ETH/BTC 5m (test_paper_scenarios): entry 0.0835 fills on the 23:30 candle, TP1 0.086 later,
    # then the stop moves to breakeven (a new version)
    t0 = 1515626700000
    clock.set(t0)
    user = factory.user(size_value=D("0.5"), breakeven_after_tp=1)
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086", "0.088", "0.09"],
                         stop_loss="0.082")
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    for t in range(t0 + FIVE_MIN, t0 + 24 * FIVE_MIN + 1, FIVE_MIN):
        clock.set(t)
        run_monitor(venues)

    orders = factory.orders(factory.position(user, sig)["id"])
    placed_by_monitor = [o["client_order_id"] for o in orders if o["role"] in ("tp", "sl")]
    assert len([o for o in orders if o["role"] == "tp"]) == 3 and len([o for o in orders if o["role"] == "sl"]) >= 2
    for cid in placed_by_monitor:
        first = next(op for op, c in calls if c == cid)
        assert first == "create", f"{cid} was looked up before it was placed"


def test_after_a_target_fills_later_steps_cancel_nothing_when_nothing_is_left(factory, venues, clock, monkeypatch):
    from verzek.execution import lifecycle

    dropped: list[int] = []
    drop = lifecycle._drop_waiting

    def drop_waiting(cur, position_id):
        dropped.append(position_id)
        return drop(cur, position_id)

    monkeypatch.setattr(lifecycle, "_drop_waiting", drop_waiting)
    t0 = 1515626700000
    clock.set(t0)
    user = factory.user(size_value=D("0.5"), breakeven_after_tp=1)
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086", "0.088", "0.09"],
                         stop_loss="0.082")
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    for t in range(t0 + FIVE_MIN, t0 + 24 * FIVE_MIN + 1, FIVE_MIN):
        clock.set(t)
        run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["tp_hits"] == 3
    # the entry filled whole before TP1: no step after a target fill had an entry or safety order to
    # cancel (each of them used to issue the cancel statements and a commit anyway)
    assert dropped == [pos["id"]]  # the close's own clean-up only
