"""A user's positions and orders, PnL summary, and closing a position by hand (a queued job)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from verzek.accounts import audit
from verzek.accounts.errors import Conflict, NotFound
from verzek.accounts.pagination import decode_cursor, encode_cursor
from verzek.display import PNL_CURRENCY_SQL
from verzek.domain.jobs import ClosePositionJob
from verzek.ports import Queue

ZERO = Decimal(0)
OPEN_STATUSES = ("pending", "open", "closing")
CLOSED_STATUSES = ("closed", "liquidated", "cancelled", "failed")
# The currency a position's PnL, cost and fees are counted in: a perpetual's settle currency
# ("BTC/USDT:USDT" -> USDT), else the spot quote ("ETH/BTC" -> BTC). Amounts in different currencies
# are never added together.
POSITION_COLUMNS = (f"{PNL_CURRENCY_SQL} AS currency, id, signal_id, exchange_account_id, mode, exchange, symbol, side, market_type, leverage, status, "
                    "entry_price, amount, filled_amount, cost, stop_loss, breakeven_moved, tp_hits, realized_pnl, "
                    "unrealized_pnl, fees, funding, realized_pnl - fees + funding AS net_realized_pnl, close_reason, error, "
                    "opened_at, closed_at, created_at, updated_at")
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


def pnl_summary(conn, user_id: int, *, balances=None) -> dict:
    """Counts of positions, and one entry per (mode, currency) -- never summed across currencies or
    modes: realised PnL before fees, fees, funding (+ received / - paid), net realised PnL ("net" =
    after fees and funding), the open positions' unrealised PnL, and the account's balance and equity
    in that currency (`balances`: a `BalanceReader`; paper balances come from the paper account rows,
    live ones from the exchange port)."""
    with conn.cursor() as cur:
        cur.execute(f"SELECT mode, {PNL_CURRENCY_SQL} AS currency, "
                    "count(*) FILTER (WHERE status = ANY(%(open)s)) AS open_positions, "
                    "count(*) FILTER (WHERE status IN ('closed', 'liquidated')) AS closed_positions, "
                    "coalesce(sum(realized_pnl), 0) AS realized_pnl, coalesce(sum(fees), 0) AS fees, "
                    "coalesce(sum(funding), 0) AS funding, "
                    "coalesce(sum(realized_pnl - fees + funding), 0) AS net_realized_pnl, "
                    "coalesce(sum(unrealized_pnl) FILTER (WHERE status = ANY(%(open)s)), 0) AS unrealized_pnl, "
                    # what open positions add to equity beyond the balance: a futures position its
                    # unrealised PnL (its margin is in the balance), a spot position the value of the coins held
                    "coalesce(sum(CASE WHEN market_type = 'spot' THEN (filled_amount - closed_amount) "
                    "  * coalesce(last_price, entry_price, 0) ELSE unrealized_pnl END) "
                    "  FILTER (WHERE status = ANY(%(open)s)), 0) AS open_value "
                    "FROM positions WHERE user_id = %(user)s GROUP BY 1, 2 ORDER BY 1 DESC, 2",
                    {"open": list(OPEN_STATUSES), "user": user_id})
        groups = [dict(r) for r in cur.fetchall()]
    reader = balances or BalanceReader()
    accounts = reader.read(conn, user_id, {(g["mode"], g["currency"]) for g in groups})
    for (mode, currency), account in accounts.items():
        if not any(g["mode"] == mode and g["currency"] == currency for g in groups):
            groups.append({"mode": mode, "currency": currency, "open_positions": 0, "closed_positions": 0,
                           **dict.fromkeys(("realized_pnl", "fees", "funding", "net_realized_pnl",
                                            "unrealized_pnl", "open_value"), ZERO)})
    groups.sort(key=lambda g: (g["mode"] != "paper", g["currency"]))
    currencies = []
    for group in groups:
        account = accounts.get((group["mode"], group["currency"]))
        open_value = group.pop("open_value")
        balance = account.balance if account else None
        equity = account.equity if account and account.equity is not None else (
            balance + open_value if balance is not None else None)
        currencies.append({**group, "balance": balance, "equity": equity,
                           "balance_error": account.error if account else "no balance known for this currency"})
    return {"open_positions": sum(c["open_positions"] for c in currencies),
            "closed_positions": sum(c["closed_positions"] for c in currencies),
            "currencies": currencies}


@dataclass(frozen=True)
class AccountBalance:
    balance: Decimal | None  # the wallet balance: deposits + realised PnL - fees + funding, margin included
    equity: Decimal | None = None  # None: balance + what the open positions add (computed by the summary)
    error: str | None = None  # why the balance is unknown (e.g. the exchange did not answer)


class BalanceReader:
    """Balances per (mode, currency): paper from the paper account rows (`paper_balances`, migration
    0012; a quote currency never used yet starts at PAPER_START_BALANCE, as the paper engine does);
    live from the user's exchange through the exchange port (`account_balances()`), one call per market
    type the user traded live (spot and futures are separate wallets on most exchanges)."""

    OWNER_ONLY = "the live balance is shown to the account owner only"

    def __init__(self, venues=None, *, live: bool = True, not_read: str = OWNER_ONLY) -> None:
        self._venues = venues
        self._read_live = live
        self._not_read = not_read  # what a live entry says when live balances are not read here

    def read(self, conn, user_id: int, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], AccountBalance]:
        from verzek.accounts.trading_settings import get_settings_row
        from verzek.config import get_settings

        settings_row = get_settings_row(conn, user_id)
        answer: dict[tuple[str, str], AccountBalance] = {}
        paper = {c for m, c in wanted if m == "paper"}
        if settings_row["mode"] == "paper" and not wanted:
            paper = {"USDT"}  # nothing traded yet: the paper account's starting currency
        if paper:
            start = Decimal(get_settings().paper_start_balance)
            with conn.cursor() as cur:
                cur.execute("SELECT asset, total FROM paper_balances WHERE user_id = %s AND asset = ANY(%s)",
                            (user_id, sorted(paper)))
                stored = {r["asset"]: r["total"] for r in cur.fetchall()}
            for currency in paper:
                answer[("paper", currency)] = AccountBalance(stored.get(currency, start))
        live = {c for m, c in wanted if m == "live"}
        if settings_row["mode"] == "live" and settings_row["exchange_account_id"] is not None:
            live = live or {"USDT"}
        if live and not self._read_live:
            answer.update({("live", c): AccountBalance(None, error=self._not_read) for c in live})
        elif live:
            answer.update(self._live(conn, user_id, settings_row["exchange_account_id"], live))
        return answer

    def _live(self, conn, user_id: int, account_id: int | None, currencies: set[str]) -> dict:
        if account_id is None:
            return {("live", c): AccountBalance(None, error="no exchange account selected") for c in currencies}
        if self._venues is None:
            from verzek.execution.venues import VenueProvider

            self._venues = VenueProvider()
        with conn.cursor() as cur:
            cur.execute("SELECT DISTINCT market_type FROM positions WHERE user_id = %s AND mode = 'live' "
                        "AND exchange_account_id = %s", (user_id, account_id))
            market_types = sorted(r["market_type"] for r in cur.fetchall()) or ["futures"]
        totals: dict[str, AccountBalance] = {}
        error = None
        for market_type in market_types:
            try:
                with conn.cursor() as cur:
                    venue = self._venues.venue(cur, user_id=user_id, mode="live", exchange_account_id=account_id,
                                               market_type=market_type)
                read = venue.exchange.account_balances()
            except Exception as exc:  # noqa: BLE001 -- a summary shows what it can; the reason is named
                error = f"balance not read from the exchange: {getattr(exc, 'reason', None) or type(exc).__name__}"
                continue
            for asset, (wallet, equity) in read.items():
                known = totals.get(asset)
                if known is None:
                    totals[asset] = AccountBalance(wallet, equity)
                else:  # spot and futures wallets of one exchange account: both hold the asset
                    totals[asset] = AccountBalance(
                        known.balance + wallet,
                        None if known.equity is None or equity is None else known.equity + equity)
        if error is not None:  # one wallet unread: a sum of the others would pass a part for the whole
            return {("live", c): AccountBalance(None, error=error) for c in currencies}
        return {("live", c): totals.get(c) or AccountBalance(ZERO) for c in currencies}


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
