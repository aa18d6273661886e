"""Paper accounts in rows (`paper_balances`, `paper_positions`, `paper_orders`; migration 0012).

A port call on the DB-backed paper account is one transaction that

1. locks (`SELECT ... FOR UPDATE`) only the rows it touches: for a call about one symbol
   (`fetch_order`, `fetch_orders`, `cancel_order`, `set_leverage`) that symbol's open orders, its
   position row and the balances of its base and quote assets; for `create_order` and `free_balance` (whose answer
   is the whole free balance: every reservation and margin counts) the account's open orders,
   positions and balances. The orders asked for by client id are read too when final.
   Locks are taken in one order (orders by id, positions by symbol, balances by asset), so two
   calls on one account never deadlock; calls about different symbols of one account only meet
   on a shared balance row. Ahead of the rows, in its own statement, the account's advisory lock
   (`account_lock_key`): exclusive for a whole-account call, shared for a symbol's. Under READ
   COMMITTED a statement waiting for a row lock keeps the snapshot it started with, so without it a
   call queued behind another would not see the orders and positions that call inserted (a
   reservation counted once for two orders); the load statement now starts only once the account
   is free, and sees all of it;
2. runs the pure `PaperExchange` on exactly those rows (it only ever evaluates the symbols it
   holds open orders for);
3. writes back only what changed: new orders inserted (the unique (account, client id) refuses a
   second one), changed orders / positions / balances updated in one statement per table.

Final orders are rows like any other; they are never loaded again unless asked for by client id,
so a call costs the same after ten orders or ten thousand (the JSON document it replaces was read
and rewritten whole on every call, reads included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import psycopg2.errors
from psycopg2.extras import execute_values

from verzek.db import Prepared, fetch_rows
from verzek.execution.paper import PaperExchange, _Order, _Position, key_symbol
from verzek.execution.ports import OrderRejected, OrderRequest, OrderSide, OrderState, OrderStatus, OrderType

_ORDER_COLUMNS = ("id, client_order_id, exchange_order_id, symbol, side, type, status, amount, filled, average, fee, "
                  "fee_currency, price, trigger_price, reduce_only, updated_ms, created_ms, checked_ms, reserved, "
                  "reserved_asset, leverage, position_side")


class StoredPaperExchange(PaperExchange):
    """The paper engine over a partial view of an account (the rows one call locked)."""

    def _exchange_order_id(self, request: OrderRequest) -> str:
        return f"P-{request.client_order_id}"  # unique per account, like the client id it is made from


@dataclass
class Loaded:
    """What was read, as it was read: the baseline the write-back compares against."""

    orders: dict[str, tuple] = field(default_factory=dict)
    positions: dict[str, tuple] = field(default_factory=dict)
    balances: dict[str, Decimal] = field(default_factory=dict)


def _order_key(o: _Order) -> tuple:
    s = o.state
    return (s.status, s.filled, s.average, s.fee, s.fee_currency, s.updated_ms, o.checked_ms, o.reserved)


def _position_key(engine: PaperExchange, key: str) -> tuple:
    """A position row's values; `key` is its symbol, or symbol|side in hedge mode (leverage and margin mode
    are the symbol's)."""
    p = engine.positions.get(key) or _Position()
    symbol = key_symbol(key)
    return (p.amount, p.entry, p.margin, engine.leverage.get(symbol, 1), engine.margin_mode(symbol), p.funding_ms)


def position_keys(symbol: str) -> list[str]:
    """The position rows of a symbol: one-way, and each side in hedge mode (`paper.position_key`)."""
    return [symbol, f"{symbol}|long", f"{symbol}|short"]


def _order_from_row(r: dict) -> _Order:
    state = OrderState(r["client_order_id"], r["exchange_order_id"], r["symbol"], OrderSide(r["side"]),
                       OrderType(r["type"]), OrderStatus(r["status"]), r["amount"], r["filled"], r["average"],
                       r["fee"], r["fee_currency"], r["price"], r["trigger_price"], r["reduce_only"], r["updated_ms"])
    return _Order(state, r["created_ms"], r["checked_ms"], r["reserved"], r["reserved_asset"], r["leverage"],
                  r["position_side"])


_TYPED_ORDER_COLUMNS = (("id", "bigint"), ("client_order_id", "text"), ("exchange_order_id", "text"),
                        ("symbol", "text"), ("side", "text"), ("type", "text"), ("status", "text"),
                        ("amount", "numeric"), ("filled", "numeric"), ("average", "numeric"), ("fee", "numeric"),
                        ("fee_currency", "text"), ("price", "numeric"), ("trigger_price", "numeric"),
                        ("reduce_only", "boolean"), ("updated_ms", "bigint"), ("created_ms", "bigint"),
                        ("checked_ms", "bigint"), ("reserved", "numeric"), ("reserved_asset", "text"),
                        ("leverage", "integer"), ("position_side", "text"), ("margin_mode", "text"),
                        ("funding_ms", "bigint"))
# (the last two: positions only)


def _branch(kind: str, source: str, mapping: dict[str, str]) -> str:
    """One arm of the load's UNION ALL: every order column, `mapping` filling some from `source`."""
    cols = ", ".join(mapping.get(name, f"NULL::{typ}") + f" AS {name}" for name, typ in _TYPED_ORDER_COLUMNS)
    return f"SELECT '{kind}' AS kind, {cols} FROM {source}"


_ORDER_ONLY_COLUMNS = [name for name, _ in _TYPED_ORDER_COLUMNS if name not in ("margin_mode", "funding_ms")]


# One statement, one round trip: the CTEs lock in one order (orders by id, positions by symbol,
# balances by asset: the UNION ALL reads its arms in turn) and their rows come back in one result.
_LOAD_SQL = (
    "WITH o AS (SELECT {order_columns} FROM paper_orders WHERE {orders_where} ORDER BY id FOR UPDATE), "
    "p AS (SELECT symbol, amount, entry, margin, leverage, margin_mode, funding_ms FROM paper_positions "
    "WHERE {positions_where} "
    "ORDER BY symbol FOR UPDATE), "
    "b AS (SELECT asset, total FROM paper_balances WHERE {balances_where} ORDER BY asset FOR UPDATE) "
    + " UNION ALL ".join((
        _branch("o", "o", {name: name for name in _ORDER_ONLY_COLUMNS}),
        _branch("p", "p", {"symbol": "symbol", "amount": "amount", "price": "entry", "reserved": "margin",
                           "leverage": "leverage", "margin_mode": "margin_mode", "funding_ms": "funding_ms"}),
        _branch("b", "b", {"symbol": "asset", "amount": "total"}))))
# the whole account (create_order, free_balance)
_LOAD_ACCOUNT = Prepared(_LOAD_SQL.format(
    order_columns=_ORDER_COLUMNS, orders_where="user_id = %(user)s AND (status = 'open' OR client_order_id = ANY(%(ids)s))",
    positions_where="user_id = %(user)s", balances_where="user_id = %(user)s"))
# one symbol; written as two index conditions (the open-orders index, the client-id key) so the
# account's final orders are never scanned
_LOAD_SYMBOL = Prepared(_LOAD_SQL.format(
    order_columns=_ORDER_COLUMNS,
    orders_where="user_id = %(user)s AND symbol = %(symbol)s AND status = 'open' "
                 "OR user_id = %(user)s AND client_order_id = ANY(%(ids)s) AND symbol = %(symbol)s",
    positions_where="user_id = %(user)s AND symbol = ANY(%(keys)s)",
    balances_where="user_id = %(user)s AND asset = ANY(%(assets)s)"))


def account_lock_key(user_id: int) -> int:
    """The paper account's advisory lock (high bits tag the purpose, as `orders.advisory_key`). A call
    on the whole account (`create_order`, `free_balance`: every reservation and margin counts, and it
    may insert orders and positions on any symbol) takes it exclusively; a call on one symbol shares
    it with the calls on other symbols (they meet on their rows, as before)."""
    return (0x5650 << 48) | int(user_id)


def load(cur, user_id: int, engine: PaperExchange, *, symbol: str | None = None,
         client_order_ids: Sequence[str] = (), begin: bool = False) -> Loaded:
    """Lock and load the rows a call needs into `engine`: one symbol's (`symbol`) or the whole
    account's (None), plus the orders `client_order_ids` whatever their status (of `symbol` only,
    when given: an order of another symbol is not found, as on an exchange). `begin`: open the
    transaction in the same round trip (a connection in autocommit mode; see `save(commit=True)`)."""
    loaded = Loaded()
    params = {"user": user_id, "ids": list(client_order_ids)}
    # The account lock is its own statement, ahead of the load in the same round trip: under READ
    # COMMITTED the load's snapshot is then taken after the lock is granted, so it sees every row a
    # call that held the account committed (a row lock alone is waited for inside the statement, on
    # a snapshot taken before: another call's new order, its reservation, would be missed).
    lock = "pg_advisory_xact_lock" if symbol is None else "pg_advisory_xact_lock_shared"
    prefix = ("BEGIN; " if begin else "") + f"SELECT {lock}({account_lock_key(user_id)}); "
    if symbol is None:
        rows = fetch_rows(cur, _LOAD_ACCOUNT, params, prefix=prefix)
    else:
        rules = engine.market_rules(symbol)
        params.update(symbol=symbol, keys=position_keys(symbol), assets=sorted({rules.base, rules.quote}))
        rows = fetch_rows(cur, _LOAD_SYMBOL, params, prefix=prefix)
    if symbol is not None and any(r["kind"] == "p" and r["margin_mode"] == "cross" and r["amount"] for r in rows):
        # a cross position is backed by the whole wallet: the other positions are read (not locked,
        # never written back) so its liquidation price sees their margins and unrealised PnL
        rows += fetch_rows(cur, "SELECT 'p' AS kind, symbol, amount, entry AS price, margin AS reserved, leverage, "
                                "margin_mode, funding_ms FROM paper_positions WHERE user_id = %s AND amount <> 0 "
                                "AND symbol <> ALL(%s)",
                           (user_id, position_keys(symbol)))
    for row in rows:
        kind = row["kind"]
        if kind == "o":
            order = _order_from_row(row)
            engine.orders[order.state.client_order_id] = order
            loaded.orders[order.state.client_order_id] = _order_key(order)
        elif kind == "p":
            engine.positions[row["symbol"]] = _Position(row["amount"], row["price"], row["reserved"], row["funding_ms"])
            engine.leverage[key_symbol(row["symbol"])] = row["leverage"]
            engine.margin_modes[key_symbol(row["symbol"])] = row["margin_mode"]
            loaded.positions[row["symbol"]] = _position_key(engine, row["symbol"])
        else:
            engine.balances[row["symbol"]] = loaded.balances[row["symbol"]] = row["amount"]
    return loaded


_INSERT_ORDERS = ("INSERT INTO paper_orders (user_id, client_order_id, exchange_order_id, symbol, side, type, "
                  "status, amount, filled, average, fee, fee_currency, price, trigger_price, reduce_only, updated_ms, "
                  "created_ms, checked_ms, reserved, reserved_asset, leverage, position_side) VALUES ")
_POSITIONS = ("paper_positions (user_id, symbol, amount, entry, margin, leverage, margin_mode, funding_ms)",
              "user_id, symbol",
              ("amount = EXCLUDED.amount, entry = EXCLUDED.entry, margin = EXCLUDED.margin, "
               "leverage = EXCLUDED.leverage, margin_mode = EXCLUDED.margin_mode, funding_ms = EXCLUDED.funding_ms"))
_BALANCES = ("paper_balances (user_id, asset, total)", "user_id, asset", "total = EXCLUDED.total")


def _values(cur, rows: list[tuple]) -> bytes:
    """`rows` bound as a VALUES list (rows of one width), in one `mogrify`."""
    row = "(" + ",".join(["%s"] * len(rows[0])) + ")"
    return cur.mogrify(",".join([row] * len(rows)), [value for values in rows for value in values])


def save(cur, user_id: int, engine: PaperExchange, loaded: Loaded, *, commit: bool = False,
         unsent: list[bytes] | None = None) -> None:
    """Write back the rows `engine` changed since `load` (nothing when nothing changed). The writes
    to rows that were read go in one round trip, with the COMMIT when `commit` (the transaction was
    opened by `load(begin=True)`); only rows that did not exist are inserted on their own, as their
    answer decides whether the call is stale. `unsent`: every write is appended there instead,
    bound, for the caller to send with its next statement (inside a batch's transaction: a client
    id or a new row taken by a concurrent call then fails that statement on a unique key, and the
    job is retried, instead of `OrderRejected` / `StaleView`)."""
    new, changed = [], []
    for cid, order in engine.orders.items():
        before = loaded.orders.get(cid)
        if before is None:
            new.append(order)
        elif before != _order_key(order):
            changed.append(order)
    batch: list[bytes] = []
    if new:
        batch.append(_INSERT_ORDERS.encode() + _values(cur, [
            (user_id, o.state.client_order_id, o.state.exchange_order_id, o.state.symbol, o.state.side.value,
             o.state.type.value, o.state.status.value, o.state.amount, o.state.filled, o.state.average,
             o.state.fee, o.state.fee_currency, o.state.price, o.state.trigger_price, o.state.reduce_only,
             o.state.updated_ms, o.created_ms, o.checked_ms, o.reserved, o.reserved_asset, o.leverage, o.position_side)
            for o in new]))
    if changed:
        def text(values) -> list[str | None]:
            return [None if v is None else str(v) for v in values]

        batch.append(_UPDATE_ORDERS.mogrify(cur, (
            [o.state.client_order_id for o in changed], [o.state.status.value for o in changed],
            text(o.state.filled for o in changed), text(o.state.average for o in changed),
            text(o.state.fee for o in changed), [o.state.fee_currency for o in changed],
            text(o.state.updated_ms for o in changed), text(o.checked_ms for o in changed),
            text(o.reserved for o in changed), user_id)))
    positions = [(user_id, symbol, *_position_key(engine, symbol))
                 for symbol in sorted(set(engine.positions) | set(engine.leverage) | set(engine.margin_modes))
                 if loaded.positions.get(symbol) != _position_key(engine, symbol)]
    if engine.funding:  # payments settled by this call (the position row's funding_ms keeps them once)
        batch.append(b"INSERT INTO paper_funding (user_id, symbol, ts, amount, rate, mark, position_amount) VALUES "
                     + _values(cur, [(user_id, f.get("key", f["symbol"]), f["timestamp"], f["amount"], f["rate"], f["mark"],
                                      f["position_amount"]) for f in engine.funding])
                     + b" ON CONFLICT DO NOTHING")
    balances = [(user_id, asset, total) for asset, total in sorted(engine.balances.items())
                if loaded.balances.get(asset) != total]
    missing = [(_POSITIONS, [p for p in positions if p[1] not in loaded.positions]),
               (_BALANCES, [b for b in balances if b[1] not in loaded.balances])]
    for (table, key, assignments), rows in ((_POSITIONS, [p for p in positions if p[1] in loaded.positions]),
                                            (_BALANCES, [b for b in balances if b[1] in loaded.balances])):
        if rows:  # read under lock: overwritten
            batch.append(f"INSERT INTO {table} VALUES ".encode() + _values(cur, rows)
                         + f" ON CONFLICT ({key}) DO UPDATE SET {assignments}".encode())
    inserts_left = any(rows for _, rows in missing)
    if commit and not inserts_left:
        batch.append(b"COMMIT")
    if unsent is not None:
        # rows that did not exist go with the rest, as plain inserts: one created meanwhile by a
        # concurrent call (this view is then stale) fails the caller's statement on its unique key,
        # as `StaleView` would fail the call
        unsent.extend(f"INSERT INTO {table} VALUES ".encode() + _values(cur, rows) for (table, _, _), rows in missing
                      if rows)
        unsent.extend(batch)
        return
    if batch:
        try:
            cur.execute(b"; ".join(batch))
        except psycopg2.errors.UniqueViolation:  # a concurrent call accepted the same client id first
            raise OrderRejected("duplicate client order id", "duplicate") from None
    for (table, key, _), rows in missing:
        _insert_missing(cur, table, key, rows)
    if commit and inserts_left:
        cur.execute("COMMIT")


# changed orders in one prepared statement: one text array per column (cast here, so NULLs and
# any number of rows fit the same prepared parameters)
_UPDATE_ORDERS = Prepared(
    "UPDATE paper_orders o SET status = v.status, filled = v.filled::numeric, average = v.average::numeric, "
    "fee = v.fee::numeric, fee_currency = v.fee_currency, updated_ms = v.updated_ms::bigint, "
    "checked_ms = v.checked_ms::bigint, reserved = v.reserved::numeric "
    "FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], "
    "%s::text[]) AS v(cid, status, filled, average, fee, fee_currency, updated_ms, checked_ms, reserved) "
    "WHERE o.user_id = %s AND o.client_order_id = v.cid")


class StaleView(Exception):
    """A row this call saw as missing was created by a concurrent call: the call is run again."""


def _insert_missing(cur, table: str, key: str, rows: list[tuple]) -> None:
    """Rows that did not exist are only inserted, never overwritten: if another call created one
    meanwhile, what this call computed is stale."""
    if rows:
        inserted = execute_values(cur, f"INSERT INTO {table} VALUES %s ON CONFLICT ({key}) DO NOTHING RETURNING 1",
                                  rows, fetch=True)
        if len(inserted) != len(rows):
            raise StaleView(f"{table.split()[0]}: a row was created concurrently")


def liquidations(cur, user_id: int, symbol: str, since_ms: int) -> list[OrderState]:
    """The paper exchange's liquidation orders on `symbol` since `since_ms` (see `PaperExchange`)."""
    cur.execute(f"SELECT {_ORDER_COLUMNS} FROM paper_orders WHERE user_id = %s AND symbol = %s "
                "AND client_order_id LIKE 'liq-%%' AND updated_ms >= %s ORDER BY id", (user_id, symbol, since_ms))
    return [_order_from_row(r).state for r in cur.fetchall()]


def funding_history(cur, user_id: int, symbol: str, since_ms: int) -> list[dict]:
    """The paper account's funding payments on `symbol` since `since_ms`, in ccxt's funding-history shape."""
    cur.execute("SELECT symbol, ts, amount, rate, mark, position_amount FROM paper_funding WHERE user_id = %s "
                "AND symbol = ANY(%s) AND ts >= %s ORDER BY ts, symbol", (user_id, position_keys(symbol), since_ms))
    return [{"symbol": key_symbol(r["symbol"]), "timestamp": r["ts"], "amount": r["amount"], "rate": r["rate"], "mark": r["mark"],
             "position_amount": r["position_amount"]} for r in cur.fetchall()]


def account_state(cur, user_id: int) -> dict:
    """The account as stored (for tests, support and the CLI): balances, open positions, leverage
    per symbol and every order in the order accepted; {} for an account never touched."""
    cur.execute("SELECT asset, total FROM paper_balances WHERE user_id = %s ORDER BY asset", (user_id,))
    balances = {r["asset"]: str(r["total"]) for r in cur.fetchall()}
    cur.execute("SELECT symbol, amount, entry, margin, leverage FROM paper_positions WHERE user_id = %s "
                "ORDER BY symbol", (user_id,))
    position_rows = cur.fetchall()
    cur.execute(f"SELECT {_ORDER_COLUMNS} FROM paper_orders WHERE user_id = %s ORDER BY id", (user_id,))
    order_rows = cur.fetchall()
    if not (balances or position_rows or order_rows):
        return {}
    return {"balances": balances,
            "positions": {r["symbol"]: [str(r["amount"]), str(r["entry"]), str(r["margin"])]
                          for r in position_rows if r["amount"]},
            "leverage": {r["symbol"]: r["leverage"] for r in position_rows},
            "orders": [{"cid": r["client_order_id"], "xid": r["exchange_order_id"], "symbol": r["symbol"],
                        "side": r["side"], "type": r["type"], "status": r["status"], "amount": str(r["amount"]),
                        "filled": str(r["filled"]), "reduce_only": r["reduce_only"]} for r in order_rows]}
