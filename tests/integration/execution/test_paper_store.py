"""The paper account's rows (`verzek.execution.paper_store`, migration 0012) against real PostgreSQL:
row locks per call under concurrent calls on one account, the StaleView retry when a row another
call created appears under a call, a duplicate client id placed concurrently, calls queued behind
another (or behind a batch) seeing what it inserted (no free balance spent twice), and the move of
existing JSON accounts into rows by the migration."""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal

import psycopg2
import pytest
from verzek.db import close_pool, connect
from verzek.execution import paper_store
from verzek.execution.orders import OrderPlacer, RetryPolicy
from verzek.execution.paper import PaperExchange
from verzek.execution.ports import OrderRejected, OrderRequest, OrderSide, OrderStatus, OrderType
from verzek.execution.venues import DbPaperExchange

D = Decimal
FEES = {"taker_fee": D("0.001"), "maker_fee": D("0.001"), "slippage_pct": D(0)}
XRP = "XRP/USDT:USDT"


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


def exchange(user_id: int, prices, clock, cls=DbPaperExchange) -> DbPaperExchange:
    return cls(user_id, prices, clock, start_balance=D(10), **FEES)


def limit(cid: str, symbol: str, side: OrderSide, amount: str, price: str) -> OrderRequest:
    return OrderRequest(cid, symbol, side, OrderType.LIMIT, D(amount), price=D(price))


def lock_waiters(dsn: str) -> int:
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND wait_event_type = 'Lock'")
            return cur.fetchone()[0]
    finally:
        conn.close()


@contextmanager
def queued_behind(dsn: str, slow, hold, queue, why: str):
    """Run `hold` (a call on `slow`, a PausingExchange) until it has the account, start `queue`, wait until that
    call queues on the account's lock, then let the holder finish: (the holder's result, the queued call's future)."""
    with ThreadPoolExecutor(2) as pool:
        held = pool.submit(hold)
        assert slow.reached.wait(15)
        queued: Future = pool.submit(queue)
        assert wait_for(lambda: lock_waiters(dsn) >= 1), why
        slow.release.set()
        yield held.result(timeout=15), queued


def wait_for(predicate, timeout: float = 15.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_call_locks_only_the_rows_it_touches(factory, db_dsn, recorded_prices, clock):
    user = factory.user()
    clock.set(ms("2018-01-10T23:25"))
    ex = exchange(user, recorded_prices, clock)
    ex.create_order(limit("eth-1", "ETH/BTC", OrderSide.BUY, "1", "0.05"))
    ex.create_order(limit("xrp-1", XRP, OrderSide.BUY, "10", "0.5"))
    holder = connect(db_dsn)  # a call on ETH/BTC, stopped between its reads and its writes
    try:
        with holder.cursor() as cur:
            loaded = paper_store.load(cur, user, PaperExchange(recorded_prices, clock, **FEES), symbol="ETH/BTC")
        assert set(loaded.orders) == {"eth-1"} and set(loaded.balances) <= {"BTC", "ETH"}
        with ThreadPoolExecutor(3) as pool:
            # another symbol of the same account (no shared row: XRP, USDT) goes through at once
            assert pool.submit(ex.fetch_order, XRP, "xrp-1").result(timeout=15).status == OrderStatus.OPEN
            same_symbol = pool.submit(ex.cancel_order, "ETH/BTC", "eth-1")
            whole_account = pool.submit(ex.free_balance, "USDT")  # a reservation check reads every row
            assert wait_for(lambda: lock_waiters(db_dsn) >= 2), "the calls did not wait on the row locks"
            time.sleep(0.3)
            assert not same_symbol.done() and not whole_account.done()
            holder.rollback()
            assert same_symbol.result(timeout=15).status == OrderStatus.CANCELLED
            # 10 USDT less what xrp-1 holds: 10 x 0.5 at leverage 1 + the 0.1 % fee (whichever of the
            # two waiting calls got the rows first)
            assert whole_account.result(timeout=15) == D(10) - D(5) - D("0.005")
    finally:
        holder.close()
    assert [(o["cid"], o["status"]) for o in factory.paper_state(user)["orders"]] == [("eth-1", "cancelled"),
                                                                                      ("xrp-1", "open")]


class PausingExchange(DbPaperExchange):
    """The real DB-backed account whose engine stops once, between the call's reads and its writes,
    until released: the window in which a concurrent call commits."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reached, self.release = threading.Event(), threading.Event()
        self.attempts = 0
        outer = self

        class Engine(PaperExchange):
            def _exchange_order_id(self, request):
                return f"P-{request.client_order_id}"

            def set_leverage(self, symbol, leverage, margin_mode):
                outer._pause()
                return super().set_leverage(symbol, leverage, margin_mode)

            def create_order(self, request):
                outer._pause()
                return super().create_order(request)

            def fetch_order(self, symbol, client_order_id, *, trigger=False):
                outer._pause()
                return super().fetch_order(symbol, client_order_id, trigger=trigger)

        self._engine_cls = Engine

    def _pause(self) -> None:
        self.attempts += 1
        if self.attempts == 1:
            self.reached.set()
            assert self.release.wait(15)

    def _stateless(self) -> PaperExchange:
        return self._engine_cls(self.prices, self.clock, **self._engine_args)


def test_a_row_created_under_a_call_makes_it_run_again_on_the_fresh_rows(factory, recorded_prices, clock):
    user = factory.user()
    clock.set(ms("2018-01-10T23:25"))
    slow = exchange(user, recorded_prices, clock, PausingExchange)
    with ThreadPoolExecutor(1) as pool:
        late = pool.submit(slow.set_leverage, XRP, 5, None)
        assert slow.reached.wait(15)  # it read the account: no XRP position row yet
        exchange(user, recorded_prices, clock).set_leverage(XRP, 7, "cross")  # creates and commits the row
        slow.release.set()
        late.result(timeout=15)
    # its first attempt found the row it meant to insert already there (StaleView): nothing of it was
    # kept, and the second attempt updated the row it then read and locked
    assert slow.attempts == 2
    with factory.conn, factory.conn.cursor() as cur:
        cur.execute("SELECT leverage, margin_mode FROM paper_positions WHERE user_id = %s AND symbol = %s",
                    (user, XRP))
        assert cur.fetchall() == [{"leverage": 5, "margin_mode": "cross"}]


def test_a_client_id_placed_concurrently_is_a_duplicate_that_reconciles(factory, db_dsn, recorded_prices, clock):
    user = factory.user()
    clock.set(ms("2018-01-10T23:25"))
    slow = exchange(user, recorded_prices, clock, PausingExchange)
    request = limit("dup-1", "ETH/BTC", OrderSide.BUY, "2", "0.08")
    other = exchange(user, recorded_prices, clock)
    # the slow call holds the account (even a new one, with no rows yet); a redelivery of the same placement,
    # elsewhere, queues behind it
    with queued_behind(db_dsn, slow, lambda: slow.create_order(request), lambda: other.create_order(request),
                       "the second call did not queue on the account") as (placed, late):
        with pytest.raises(OrderRejected) as refused:
            late.result(timeout=15)
    assert refused.value.kind == "duplicate" and slow.attempts == 1
    # the placer's answer to a duplicate: look the order up, never place a second one
    found = OrderPlacer(other, RetryPolicy(sleep=lambda s: None)).place_or_reconcile(request)
    assert (found.exchange_order_id, found.amount, found.status) == (placed.exchange_order_id, D(2), OrderStatus.OPEN)
    state = factory.paper_state(user)
    assert [o["cid"] for o in state["orders"]] == ["dup-1"]
    # 10 BTC start, 2 x 0.08 reserved with the fee once, not twice
    assert slow.free_balance("BTC") == D(10) - D("0.16") * D("1.001")


def _apply_until(dsn: str, before: str) -> None:
    from verzek.db.migrate import MIGRATIONS_DIR, _yoyo_uri
    from yoyo import get_backend, read_migrations

    backend = get_backend(_yoyo_uri(dsn))
    with backend.lock():
        backend.apply_migrations(backend.to_apply(read_migrations(str(MIGRATIONS_DIR)).filter(
            lambda m: m.id < before)))


@pytest.fixture
def fresh_dsn(pg_admin_dsn, db_dsn, settings_env):
    """An empty database of its own (the run's database is migrated already); DATABASE_URL points
    at it for the test."""
    from verzek.db.embedded import database_dsn

    name = f"verzek_test_mig_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(pg_admin_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    dsn = database_dsn(pg_admin_dsn, name)
    settings_env(DATABASE_URL=dsn)
    close_pool()
    try:
        yield dsn
    finally:
        close_pool()
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_json_accounts_move_into_rows_and_trade_on_as_before(fresh_dsn, recorded_prices, clock):
    from verzek.db.migrate import apply_migrations

    _apply_until(fresh_dsn, "0012")
    # an account as the JSON engine stored it: a filled entry, a take profit resting on it, a
    # cancelled order, a spot stop still open, a futures leverage set without a position
    clock.set(ms("2018-01-10T23:25"))
    old = PaperExchange(recorded_prices, clock, default_balance=D(5), **FEES)
    old.create_order(limit("entry", "ETH/BTC", OrderSide.BUY, "5.98802395", "0.0835"))
    old.create_order(limit("far", "ETH/BTC", OrderSide.BUY, "1", "0.07"))
    clock.set(ms("2018-01-10T23:40"))  # the 23:30 candle (low 0.08292011) fills the entry
    assert old.fetch_order("ETH/BTC", "entry").status == OrderStatus.FILLED
    old.cancel_order("ETH/BTC", "far")
    old.create_order(limit("tp1", "ETH/BTC", OrderSide.SELL, "2.99401197", "0.086"))
    old.create_order(OrderRequest("stop", "ETH/BTC", OrderSide.SELL, OrderType.STOP_MARKET, D("2.99401197"),
                                  trigger_price=D("0.082")))
    old.set_leverage(XRP, 3, None)
    state = old.to_state()
    assert len(state["orders"]) == 4 and state["leverage"] == {XRP: 3}

    conn = connect(fresh_dsn)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO users (email, password_hash) VALUES ('json@example.com', 'x') RETURNING id")
            user = cur.fetchone()["id"]
            import json

            cur.execute("INSERT INTO paper_accounts (user_id, state) VALUES (%s, %s)", (user, json.dumps(state)))
        assert "0012_paper_tables" in apply_migrations(fresh_dsn)
        with conn, conn.cursor() as cur:
            cur.execute("SELECT to_regclass('paper_accounts') AS t")
            assert cur.fetchone()["t"] is None
            rows = paper_store.account_state(cur, user)
            cur.execute("SELECT * FROM paper_orders WHERE user_id = %s ORDER BY id", (user,))
            stored = cur.fetchall()
    finally:
        conn.close()
    assert {k: D(v) for k, v in rows["balances"].items()} == old.balances
    assert {k: [D(x) for x in v] for k, v in rows["positions"].items()} == {
        k: [p.amount, p.entry, p.margin] for k, p in old.positions.items() if p.amount}
    assert rows["leverage"] == {"ETH/BTC": 1, XRP: 3}
    # every order, in the order accepted, with every field the engine keeps
    assert [r["client_order_id"] for r in stored] == ["entry", "far", "tp1", "stop"]
    for row in stored:
        o = old.orders[row["client_order_id"]]
        s = o.state
        assert (row["exchange_order_id"], row["status"], row["type"], row["side"], row["amount"], row["filled"],
                row["average"], row["fee"], row["fee_currency"], row["price"], row["trigger_price"],
                row["reduce_only"], row["updated_ms"], row["created_ms"], row["checked_ms"], row["reserved"],
                row["reserved_asset"], row["leverage"]) == (
            s.exchange_order_id, s.status.value, s.type.value, s.side.value, s.amount, s.filled, s.average, s.fee,
            s.fee_currency, s.price, s.trigger_price, s.reduce_only, s.updated_ms, o.created_ms, o.checked_ms,
            o.reserved, o.reserved_asset, o.leverage)

    # the moved account trades on exactly like the JSON one: the 23:45-00:55 candles (high 0.09142874
    # at 00:55) fill the take profit; both engines see the same candles from the same state
    migrated = exchange(user, recorded_prices, clock)
    migrated._engine_args["default_balance"] = D(5)
    clock.set(ms("2018-01-11T01:00"))
    for cid in ("entry", "far", "tp1", "stop"):
        assert migrated.fetch_order("ETH/BTC", cid) == old.fetch_order("ETH/BTC", cid), cid
    assert old.orders["tp1"].state.status == OrderStatus.FILLED
    assert migrated.free_balance("BTC") == old.free_balance("BTC")
    assert migrated.free_balance("ETH") == old.free_balance("ETH", quote=False)


def test_positions_open_before_funding_existed_owe_it_from_their_last_fill_not_1970(fresh_dsn):
    from verzek.db.migrate import apply_migrations

    _apply_until(fresh_dsn, "0027")
    opened, settled = ms("2025-05-10T08:03"), ms("2025-05-11T16:00")
    conn = connect(fresh_dsn)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO users (email, password_hash) VALUES ('f@example.com', 'x') RETURNING id")
            user = cur.fetchone()["id"]
            # 0022b gave every existing position funding_ms 0; one was settled since (a real time)
            cur.execute("INSERT INTO paper_positions (user_id, symbol, amount, entry, margin, leverage, funding_ms) "
                        "VALUES (%s, 'BTC/USDT:USDT', 0.01, 60000, 60, 10, 0), "
                        "(%s, 'ETH/USDT:USDT', -1, 2500, 250, 10, %s)", (user, user, settled))
            for symbol, filled_at in (("BTC/USDT:USDT", opened - 3_600_000), ("BTC/USDT:USDT", opened),
                                      ("ETH/USDT:USDT", opened)):
                cur.execute("INSERT INTO paper_orders (user_id, client_order_id, exchange_order_id, symbol, side, type, "
                            "status, amount, filled, updated_ms, created_ms, checked_ms) VALUES (%s, %s, %s, %s, "
                            "'buy', 'market', 'filled', 1, 1, %s, %s, %s)",
                            (user, f"c{filled_at}{symbol}", f"P-{filled_at}", symbol, filled_at, filled_at, filled_at))
        assert "0027_funding_since_open" in apply_migrations(fresh_dsn)
        with conn, conn.cursor() as cur:
            cur.execute("SELECT symbol, funding_ms FROM paper_positions WHERE user_id = %s", (user,))
            assert {r["symbol"]: r["funding_ms"] for r in cur.fetchall()} == {
                "BTC/USDT:USDT": opened, "ETH/USDT:USDT": settled}
    finally:
        conn.close()


def test_two_orders_racing_on_one_account_never_spend_the_free_balance_twice(factory, db_dsn, recorded_prices, clock):
    """Under READ COMMITTED a statement's snapshot is taken when it starts, before it waits for a row
    lock: a call that queued on the account's rows while another call held them must still see the
    order that call inserted (its reservation), or both orders are accepted on money there once."""
    user = factory.user()
    clock.set(ms("2018-01-10T23:25"))
    assert exchange(user, recorded_prices, clock).free_balance("BTC") == D(10)  # the BTC row now exists
    slow = exchange(user, recorded_prices, clock, PausingExchange)
    # each order alone fits: 70 x 0.08 with the 0.1 % fee = 5.6056 BTC of 10; both do not
    first, second = (limit(cid, "ETH/BTC", OrderSide.BUY, "70", "0.08") for cid in ("race-1", "race-2"))
    # the slow call locked and read the account, its order not yet written, when the second queues
    with queued_behind(db_dsn, slow, lambda: slow.create_order(first),
                       lambda: exchange(user, recorded_prices, clock).create_order(second),
                       "the second call did not queue on the account") as (held, queued):
        assert held.status == OrderStatus.OPEN
        with pytest.raises(OrderRejected) as refused:
            queued.result(timeout=15)
    assert refused.value.kind == "insufficient_funds"
    assert [o["cid"] for o in factory.paper_state(user)["orders"]] == ["race-1"]
    assert slow.free_balance("BTC") == D(10) - D("5.6056")


def test_a_position_opened_under_a_symbol_call_is_seen_by_the_next_reservation(factory, db_dsn, recorded_prices,
                                                                                clock):
    """A call on one symbol (the monitor's lookup filling a resting entry) may create a position row;
    a reservation queued meanwhile must count that position's margin."""
    user = factory.user()
    t0 = 1636934400000  # XRP perpetual candle 2021-11-15 00:00, low 1.1891
    clock.set(t0)
    ex = exchange(user, recorded_prices, clock)
    ex.create_order(limit("entry", XRP, OrderSide.BUY, "5", "1.19"))  # 5.95 margin at 1x + 0.00595 fee held
    clock.set(t0 + 5 * 60_000)
    slow = exchange(user, recorded_prices, clock, PausingExchange)
    # 6 x 1.10 + 0.1 % = 6.6066 USDT: fits in 10 less the fee only, not beside the 5.95 margin
    later = limit("later", XRP, OrderSide.BUY, "6", "1.10")
    # the lookup holds the symbol's rows, the fill not yet evaluated, when the reservation queues
    with queued_behind(db_dsn, slow, lambda: slow.fetch_order(XRP, "entry"), lambda: ex.create_order(later),
                       "the reservation did not queue on the account") as (lookup, queued):
        assert lookup.status == OrderStatus.FILLED
        with pytest.raises(OrderRejected) as refused:
            queued.result(timeout=15)
    assert refused.value.kind == "insufficient_funds"
    assert ex.free_balance("USDT") == D(10) - D("5.9465") - D("0.0059465")  # filled at the open 1.1893


def test_a_batch_holding_the_account_is_seen_whole_by_a_call_queued_behind_it(factory, db_dsn, recorded_prices,
                                                                             clock):
    """A batch of execution jobs (`DbPaperExchange.held`, one transaction for the batch) keeps the
    account until it commits; another worker's reservation queued behind it counts the batch's orders."""
    from verzek.db import batch_transaction, connection

    user = factory.user()
    clock.set(ms("2018-01-10T23:25"))
    assert exchange(user, recorded_prices, clock).free_balance("BTC") == D(10)
    written, commit = threading.Event(), threading.Event()

    def batch() -> None:
        ex = exchange(user, recorded_prices, clock)
        with batch_transaction():
            with ex.held() as writes:
                ex.create_order(limit("batch-1", "ETH/BTC", OrderSide.BUY, "70", "0.08"))  # 5.6056 BTC
            with connection() as conn, conn.cursor() as cur:
                cur.execute(b"; ".join(writes))
            written.set()
            assert commit.wait(15)

    with ThreadPoolExecutor(2) as pool:
        batched = pool.submit(batch)
        assert written.wait(15)
        queued = pool.submit(exchange(user, recorded_prices, clock).create_order,
                             limit("other-1", "ETH/BTC", OrderSide.BUY, "70", "0.08"))
        assert wait_for(lambda: lock_waiters(db_dsn) >= 1), "the call did not queue behind the batch"
        commit.set()
        batched.result(timeout=15)
        with pytest.raises(OrderRejected) as refused:
            queued.result(timeout=15)
    assert refused.value.kind == "insufficient_funds"
    assert [o["cid"] for o in factory.paper_state(user)["orders"]] == ["batch-1"]
