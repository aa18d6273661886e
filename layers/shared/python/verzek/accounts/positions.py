"""A user's positions and orders, PnL summary, and closing a position by hand (a queued job)."""

from __future__ import annotations

from verzek.accounts import audit
from verzek.accounts.errors import Conflict, NotFound
from verzek.accounts.pagination import decode_cursor, encode_cursor
from verzek.domain.jobs import ClosePositionJob
from verzek.ports import Queue

OPEN_STATUSES = ("pending", "open", "closing")
CLOSED_STATUSES = ("closed", "liquidated", "cancelled", "failed")
# The currency a position's PnL, cost and fees are counted in: a perpetual's settle currency
# ("BTC/USDT:USDT" -> USDT), else the spot quote ("ETH/BTC" -> BTC). Amounts in different currencies
# are never added together.
PNL_CURRENCY_SQL = ("coalesce(nullif(split_part(symbol, ':', 2), ''), "
                    "nullif(split_part(split_part(symbol, ':', 1), '/', 2), ''), '?')")
POSITION_COLUMNS = (f"{PNL_CURRENCY_SQL} AS currency, id, signal_id, exchange_account_id, mode, exchange, symbol, side, market_type, leverage, status, "
                    "entry_price, amount, filled_amount, cost, stop_loss, breakeven_moved, tp_hits, realized_pnl, "
                    "unrealized_pnl, fees, close_reason, error, opened_at, closed_at, created_at, updated_at")
ORDER_COLUMNS = ("id, client_order_id, exchange_order_id, role, leg, side, order_type, price, trigger_price, amount, "
                 "filled, average_price, fee, fee_currency, reduce_only, status, error, created_at, updated_at")


def list_positions(conn, user_id: int, *, state: str = "all", limit: int = 50,
                   cursor: str | None = None) -> tuple[list[dict], str | None]:
    where, params = ["user_id = %s"], [user_id]
    if state == "open":
        where.append("status = ANY(%s)")
        params.append(list(OPEN_STATUSES))
    elif state == "closed":
        where.append("status = ANY(%s)")
        params.append(list(CLOSED_STATUSES))
    if cursor:
        ts, row_id = decode_cursor(cursor)
        where.append("(created_at, id) < (%s, %s)")
        params.extend([ts, row_id])
    with conn.cursor() as cur:
        cur.execute(f"SELECT {POSITION_COLUMNS} FROM positions WHERE {' AND '.join(where)} "
                    "ORDER BY created_at DESC, id DESC LIMIT %s", (*params, limit + 1))
        rows = [dict(r) for r in cur.fetchall()]
    next_cursor = encode_cursor(rows[limit - 1]["created_at"], rows[limit - 1]["id"]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def get_position(conn, user_id: int, position_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute(f"SELECT {POSITION_COLUMNS} FROM positions WHERE id = %s AND user_id = %s", (position_id, user_id))
        row = cur.fetchone()
        if row is None:
            raise NotFound("position not found")
        cur.execute(f"SELECT {ORDER_COLUMNS} FROM orders WHERE position_id = %s ORDER BY id", (position_id,))
        orders = [dict(o) for o in cur.fetchall()]
    return {**dict(row), "orders": orders}


def pnl_summary(conn, user_id: int) -> dict:
    """Counts of positions, and PnL per currency (never summed across currencies): realised before
    and after fees ("net" = after fees), fees, and the open positions' unrealised PnL."""
    with conn.cursor() as cur:
        cur.execute(f"SELECT {PNL_CURRENCY_SQL} AS currency, "
                    "count(*) FILTER (WHERE status = ANY(%s)) AS open_positions, "
                    "count(*) FILTER (WHERE status IN ('closed', 'liquidated')) AS closed_positions, "
                    "coalesce(sum(realized_pnl), 0) AS realized_pnl, coalesce(sum(fees), 0) AS fees, "
                    "coalesce(sum(realized_pnl - fees), 0) AS net_realized_pnl, "
                    "coalesce(sum(unrealized_pnl) FILTER (WHERE status = ANY(%s)), 0) AS unrealized_pnl "
                    "FROM positions WHERE user_id = %s GROUP BY 1 ORDER BY 1",
                    (list(OPEN_STATUSES), list(OPEN_STATUSES), user_id))
        currencies = [dict(r) for r in cur.fetchall()]
    return {"open_positions": sum(c["open_positions"] for c in currencies),
            "closed_positions": sum(c["closed_positions"] for c in currencies),
            "currencies": currencies}


def request_close(conn, user_id: int, position_id: int, queue: Queue, *, ip: str | None = None) -> ClosePositionJob:
    """Enqueue a ClosePositionJob for the execution engine (which owns the position's state)."""
    with conn.cursor() as cur:
        cur.execute("SELECT status FROM positions WHERE id = %s AND user_id = %s", (position_id, user_id))
        row = cur.fetchone()
    if row is None:
        raise NotFound("position not found")
    if row["status"] not in ("pending", "open"):
        raise Conflict(f"position is {row['status']}: only a pending or open position can be closed")
    job = ClosePositionJob(position_id=position_id, user_id=user_id, reason="manual")
    queue.send(job.model_dump(mode="json"), dedupe_key=job.dedupe_key)
    audit.record(conn, "position.close_requested", user_id=user_id, ip=ip, position_id=position_id)
    return job
