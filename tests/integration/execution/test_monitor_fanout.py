"""The monitor fanned out over a queue (issue 12 item 3): the schedule enqueues one message per
account, workers advance each account's positions with one open-orders read per account per pass.

Live accounts run through ccxt's real clients, the real proxy node and the exchange double (which
records every request), the queue is the local stack's PostgreSQL queue."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from verzek.domain.jobs import ExecuteSignalJob, MonitorAccountJob, parse_monitor_job
from verzek.execution.executor import Executor
from verzek.execution.lifecycle import PositionEngine
from verzek.execution.monitor import enqueue_monitor_pass, monitor_account, plan_monitor_pass, run_monitor
from verzek.execution.orders import RetryPolicy
from verzek.execution.paper import RecordedPrices
from verzek.execution.venues import VenueProvider, wall_clock_ms
from verzek.local.jobqueue import PgJobQueue

from proxy_node.app import create_app
from tests.integration.proxy.conftest import HMAC_KEY_ID, HMAC_SECRET, node_settings
from tests.support.accounts import insert_exchange_account
from tests.support.exchange_double import ExchangeDouble, ServerThread

D = Decimal
NO_WAIT = RetryPolicy(sleep=lambda s: None)
ACCOUNTS = 3


def flat(*symbols_prices: tuple[str, str]) -> RecordedPrices:
    now = wall_clock_ms() // 60_000 * 60_000
    prices = RecordedPrices()
    for symbol, price in symbols_prices:
        prices.add(symbol, "1m", [[t, price, price, price, price, "1"]
                                  for t in range(now - 3_600_000, now + 3_600_000, 60_000)])
    return prices


@pytest.fixture
def live(settings_env):
    with ExchangeDouble() as double, ServerThread(create_app(node_settings(double.base_url))) as node:
        for i in range(ACCOUNTS):
            double.add_account(f"fanout-key-{i}", f"fanout-secret-{i}")
        double.set_balance("binance", "linear", "USDT", "100000")
        settings_env(PROXY_ENABLED="true", PROXY_URLS=node.url, PROXY_KEY_ID=HMAC_KEY_ID,
                     PROXY_HMAC_KEY=HMAC_SECRET, PROXY_DIRECT_FALLBACK="false",
                     VERZEK_MASTER_KEY=Fernet.generate_key().decode())
        yield double


def _drain(queue: PgJobQueue, engine: PositionEngine) -> list[dict]:
    reports = []
    while queue.process_one(lambda body: reports.append(monitor_account(parse_monitor_job(body), engine))):
        pass
    return reports


def _private_calls(double, path: str) -> Counter:
    return Counter(r.headers.get("x-mbx-apikey") for r in double.requests if r.method == "GET" and r.path == path)


def test_a_pass_over_n_accounts_reads_open_orders_once_per_account_and_symbol(live, factory, db):
    double = live
    users = []
    for i in range(ACCOUNTS):
        user = factory.user()
        with db, db.cursor() as cur:
            account = insert_exchange_account(cur, user, "binance", "main", f"fanout-key-{i}", f"fanout-secret-{i}")
            cur.execute("UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), "
                        "exchange_account_id = %s, size_value = 50, leverage_cap = 10 WHERE user_id = %s",
                        (account, user))
        users.append(user)
    venues = VenueProvider(live_prices=flat(("BTC/USDT:USDT", "60000"), ("ETH/USDT:USDT", "3000")))
    executor = Executor(venues, NO_WAIT)
    # two positions per account (BTC, ETH), each with two resting limit entries: four live orders
    signals = [factory.signal("BTC/USDT", "long", entries=["59000", "58500"], targets=["61000"],
                              stop_loss="58000", market_type="futures", leverage=5),
               factory.signal("ETH/USDT", "long", entries=["2900", "2850"], targets=["3100"], stop_loss="2800",
                              market_type="futures", leverage=5)]
    for user in users:
        for sig in signals:
            assert executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    entry_ids = {(u, s): factory.orders(factory.position(u, s)["id"])[0]["client_order_id"]
                 for u in users for s in signals}
    with db, db.cursor() as cur:  # the orders were last read a minute ago (the previous pass)
        cur.execute("UPDATE orders SET updated_at = now() - interval '1 minute'")

    queue = PgJobQueue("monitor-test", max_receives=1)
    engine = PositionEngine(venues, NO_WAIT)
    double.reset_requests()
    sent = enqueue_monitor_pass(queue, batch=50)
    assert sent == {"accounts": ACCOUNTS, "messages": ACCOUNTS, "positions": 2 * ACCOUNTS}
    reports = _drain(queue, engine)
    assert sorted(r["checked"] for r in reports) == [2] * ACCOUNTS
    assert all(r["outcomes"] == {"open": 2} and r["errors"] == 0 for r in reports)
    keys = {f"fanout-key-{i}" for i in range(ACCOUNTS)}
    assert len([o for o in double.orders if o.status == "open"]) == 4 * ACCOUNTS
    # one open-orders read per account and symbol, per book (Binance weighs a read without a symbol
    # 40x one with; USD-M keeps stops in the Algo Service's book)...
    assert _private_calls(double, "/fapi/v1/openOrders") == Counter({k: 2 for k in keys})
    assert _private_calls(double, "/fapi/v1/openAlgoOrders") == Counter({k: 2 for k in keys})
    assert {r.query.split("symbol=")[1].split("&")[0] for r in double.requests
            if r.path == "/fapi/v1/openOrders"} == {"BTCUSDT", "ETHUSDT"}
    # ...and no lookup per order (the old path: one GET /fapi/v1/order per live order, 4 per account)
    assert _private_calls(double, "/fapi/v1/order") == Counter()

    # an order that left the book (filled) is read by client id: the one lookup this pass needs
    filled_user, filled_signal = users[1], signals[0]
    double.fill(entry_ids[(filled_user, filled_signal)], "59000", "0.002")
    with db, db.cursor() as cur:
        cur.execute("UPDATE orders SET updated_at = now() - interval '1 minute'")
    double.reset_requests()
    enqueue_monitor_pass(queue, batch=50, now_ms=wall_clock_ms() + 1)
    reports = _drain(queue, engine)
    assert sum(r["errors"] for r in reports) == 0
    assert _private_calls(double, "/fapi/v1/openOrders") == Counter({k: 2 for k in keys})
    lookups = [r for r in double.requests if r.method == "GET" and r.path == "/fapi/v1/order"]
    looked_up_entries = [cid for cid in entry_ids.values() for r in lookups if f"={cid}&" in r.query + "&"]
    assert looked_up_entries == [entry_ids[(filled_user, filled_signal)]]
    # nothing else: the take profit the monitor writes and places next is sent without a lookup first
    # (its row was created by the monitor's own committed step: no earlier attempt can have sent it)
    assert {r.headers["x-mbx-apikey"] for r in lookups} == {"fanout-key-1"} and len(lookups) == 1
    pos = factory.position(filled_user, filled_signal)
    rows = factory.orders(pos["id"])
    assert rows[0]["status"] == "filled" and rows[0]["filled"] == D("0.002")
    # and the monitor went on as before: the take profit and the exchange stop now rest
    assert {r["role"] for r in rows if r["status"] == "open"} == {"entry", "tp", "sl"}

    # the unbatched step (no account pass) looks every live order up on its own: the baseline
    other = factory.position(users[0], signals[1])
    with db, db.cursor() as cur:
        cur.execute("UPDATE orders SET updated_at = now() - interval '1 minute'")
    double.reset_requests()
    assert engine.advance(other["id"]) == "open"
    assert _private_calls(double, "/fapi/v1/order") == Counter({"fanout-key-0": 2})
    assert _private_calls(double, "/fapi/v1/openOrders") == Counter()


def test_a_message_skips_positions_advanced_since_it_was_enqueued(factory, venues, clock, db):
    user = factory.user(size_value=D("100"), leverage_cap=10)
    sig = factory.signal("XRP/USDT:USDT", "short", entries=["1.25"], targets=["1.18"], stop_loss="1.3",
                         market_type="futures", leverage=5)
    clock.set(1636935000000)  # 2021-11-15 00:10 in the recorded XRP futures candles
    executor = Executor(venues, NO_WAIT)
    assert executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    [job] = plan_monitor_pass(now_ms=wall_clock_ms() - 60_000)  # enqueued a minute ago, still in the queue
    assert job.mode == "paper" and job.exchange_account_id is None and job.market_type == "futures"
    engine = PositionEngine(venues, NO_WAIT)
    assert run_monitor(engine=engine)["checked"] == 1  # a newer pass got there first
    report = monitor_account(job, engine)
    assert report["checked"] == 0 and report["skipped_recent"] == 1
    [fresh] = plan_monitor_pass()
    report = monitor_account(fresh, engine)
    assert report["checked"] == 1 and report["open_orders_reads"] == 0  # paper: no remote book to read


def test_a_busy_position_is_not_stamped_monitored(factory, venues, clock, db, db_dsn):
    """A position another worker holds was not advanced by this message: it stays due, so a message
    enqueued before (a backlog, a redelivery) still takes it once the lock is free."""
    from verzek.db import connect
    from verzek.execution.orders import advisory_key

    user = factory.user(size_value=D("100"), leverage_cap=10)
    sig = factory.signal("XRP/USDT:USDT", "short", entries=["1.25"], targets=["1.18"], stop_loss="1.3",
                         market_type="futures", leverage=5)
    clock.set(1636935000000)
    assert Executor(venues, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    [job] = plan_monitor_pass()
    [position_id] = job.position_ids
    engine = PositionEngine(venues, NO_WAIT)
    holder = connect(db_dsn)  # another worker's session lock
    holder.autocommit = True
    try:
        holder.cursor().execute("SELECT pg_advisory_lock(%s)", (advisory_key(position_id),))
        report = monitor_account(job, engine)
        assert report["outcomes"] == {"busy": 1} and report["checked"] == 0
    finally:
        # Unlock before closing: a closed session's locks are released by the server after the
        # client has gone, so the next pass could still find the position busy.
        holder.cursor().execute("SELECT pg_advisory_unlock(%s)", (advisory_key(position_id),))
        holder.close()
    with db, db.cursor() as cur:
        cur.execute("SELECT monitored_at FROM positions WHERE id = %s", (position_id,))
        assert cur.fetchone()["monitored_at"] is None
    report = monitor_account(job, engine)  # the same message again: the position is still due
    assert report["checked"] == 1 and report["skipped_recent"] == 0 and "busy" not in report["outcomes"]


def test_monitor_messages_are_validated():
    from pydantic import ValidationError

    good = MonitorAccountJob(user_id=1, mode="live", exchange_account_id=7, market_type="spot", position_ids=[3],
                             enqueued_ms=1)
    assert parse_monitor_job(good.model_dump_json()) == good
    for bad in ({**good.model_dump(), "position_ids": []}, {**good.model_dump(), "mode": "margin"},
                {**good.model_dump(), "extra": 1}, {**good.model_dump(), "user_id": -1}):
        with pytest.raises(ValidationError):
            parse_monitor_job(bad)
