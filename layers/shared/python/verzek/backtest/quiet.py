"""Quiet candles: a backtest skips the monitor's transactions on a candle where nothing can happen.

Most 5-minute candles of a backtest touch none of the open positions' prices: no resting order
fills, no stop is reached, no funding is paid. The monitor's step on such a candle changes four
columns of each position (`checked_ms`, `last_price`, `unrealized_pnl`, and the `updated_at` /
`monitored_at` stamps) after ~9 database round trips per position. `QuietCandles` decides, from
the database state read after the last candle where something happened, whether a candle is
quiet for *every* open position; if so the backtest writes those columns itself, for all of them
in one statement, with the values the monitor would have computed (same functions: `summarize`,
`Summary.unrealized`, the price source's candles); otherwise the real monitor runs over every
position, exactly as without this shortcut.

A candle is quiet only when, for every open position:

* the position is *steady*: its last real monitor step changed nothing (its row, apart from the
  columns above, and every one of its order rows are as they were before that step). A step that
  did something (a fill, a new order, a moved stop) is always followed by a real step, so the
  monitor's follow-up work (TP ladder, protective stop, breakeven) happens where it would;
* it is `open`, has no `planned` or `waiting` order rows, no trailing stop and no pending entry
  timeout (these act on time or on every new extreme);
* the candle(s) since it was last checked reach none of its levels: the price of every resting
  order (a buy limit or sell stop at or above the low, a sell limit or buy stop at or below the
  high), its stop, and, while nothing is filled, its first target (the monitor cancels an unfilled
  entry when the target or stop trades first); a market order is never quiet;
* futures: no funding event falls in that span, no exit order has expired (a liquidation is being
  looked for), the symbol's paper position is isolated and the candles stay clear of its
  liquidation price (cross margin is never quiet: its liquidation price moves with every price).

Whatever happened elsewhere in the account (a fill, a new position, funding paid) makes the next
candle a real one for every position, so a step that waits on a balance sees it at the same
candle. The result is identical trade for trade (tested against the full path on the same
windows); only the paper orders' own `checked_ms` stamps lag (the paper engine evaluates the
skipped candles at the next real step and finds nothing in them, as it did here).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

import psycopg2.extensions
import psycopg2.extras

from verzek.db import connection, fetch_rows
from verzek.execution.lifecycle import LIVE_STATUSES
from verzek.execution.orders import ORDER_COLUMNS, summarize
from verzek.execution.paper import PaperExchange, _Position
from verzek.execution.planner import TradePlan

ZERO = Decimal(0)
_STORED = Decimal("1e-18")  # positions.unrealized_pnl is numeric(38, 18)
_EXACT = Context(prec=80)  # sums of numeric(38, 18) values, exact like PostgreSQL's
# position columns the monitor's quiet step writes: left out of the steadiness fingerprint
_VOLATILE = frozenset({"checked_ms", "last_price", "unrealized_pnl", "updated_at", "monitored_at"})


_ORDER_NAMES = [name.strip() for name in ORDER_COLUMNS.split(",")]
_POSITIONS_AND_ORDERS = (
    "SELECT p.*, " + ", ".join(f"o.{name} AS o__{name}" for name in _ORDER_NAMES) + " FROM positions p "
    "LEFT JOIN orders o ON o.position_id = p.id WHERE p.user_id = %s AND p.status IN ('open', 'closing') "
    "ORDER BY p.id, o.id")


def _liquidation_reached(prices, w: _Watch, candles) -> bool:
    """Whether the trade candles or the mark prices recorded for them (`RecordedPrices.mark_range`: open,
    low, high) reach the liquidation price: both are looked at, whichever the paper engine uses."""
    marks = getattr(prices, "mark_range", None)
    tf = prices.timeframe_ms(w.symbol)
    for c in candles:
        seen = [c.open, c.low, c.high]
        mark = marks(w.symbol, c.ts, tf) if callable(marks) else None
        if mark is not None:
            seen += [x for x in mark if x is not None]
        if (min(seen) <= w.liquidation) if w.long else (max(seen) >= w.liquidation):
            return True
    return False


def unrealized_pnl(summary, long: bool, price: Decimal | None, contract_size: Decimal) -> tuple[Decimal, Decimal]:
    """The monitor's unrealised PnL (computed as it does, in the default context) and the value
    `positions.unrealized_pnl` (numeric(38, 18): rounded half away from zero) stores for it."""
    value = summary.unrealized("long" if long else "short", price, contract_size)
    with localcontext(_EXACT):
        return value, value.quantize(_STORED, rounding=ROUND_HALF_UP)


@dataclass
class _Watch:
    """One open position as the last refresh read it."""

    id: int
    row: dict  # what `run_monitor` needs of it: id, user_id, mode, exchange_account_id, market_type
    checked: int | None  # positions.checked_ms (the monitor takes positions in its order)
    symbol: str
    long: bool
    since: int  # the monitor's scan starts here (checked_ms, else the open time)
    last_price: Decimal | None
    unrealized: Decimal  # as stored
    summary: object
    contract_size: Decimal
    futures: bool
    eligible: bool  # nothing time-driven or pending (see the module docstring)
    low_levels: tuple[Decimal, ...]  # reached when a candle's low is at or below one
    high_levels: tuple[Decimal, ...]  # reached when a candle's high is at or above one
    # the paper position's liquidation price (isolated futures; its side is the position's): reached by
    # the trade candle or by the mark prices recorded for it (the paper engine liquidates on marks)
    liquidation: Decimal | None = None


class QuietCandles:
    """`step(now_ms)` per candle close; `flush()` before the monitor or the executor runs (and at the
    end), `changed()` after."""

    def __init__(self, venues, user_id: int) -> None:
        self.venues, self.user_id = venues, user_id
        self._pending: dict[int, tuple] = {}
        self._plans: dict[str, TradePlan] = {}
        self._fingerprints: dict[int, tuple] = {}
        self._watches: list[_Watch] | None = None  # None: something happened since the last refresh
        self._engines: dict[str, PaperExchange] = {}
        self.quiet = 0  # position steps skipped

    def changed(self) -> None:
        """The monitor or the executor ran: re-read the positions before the next candle."""
        self._watches = None

    def _engine(self, market_type: str, cur, pos: dict):
        if market_type not in self._engines:
            venue = self.venues.venue(cur, user_id=self.user_id, mode="paper", exchange_account_id=None,
                                      market_type=market_type)
            self._engines[market_type] = venue.exchange
        return self._engines[market_type]

    def _refresh(self) -> list[_Watch]:
        return self._refresh_with(None)[0]

    def snapshot(self, snapshot_sql: str) -> dict:
        """`snapshot_sql`'s row (one row over the user's positions; `%s` is the user id), read after the
        bookkeeping kept so far and together with the open positions (the read that the next candle's
        `step` would make): one round trip."""
        self._watches, row = self._refresh_with(snapshot_sql)
        return row

    def _refresh_with(self, snapshot_sql: str | None) -> tuple[list[_Watch], dict | None]:
        # read-only and single statements: autocommit (no BEGIN/COMMIT round trips)
        with connection() as conn:
            conn.autocommit = True
            try:
                with conn.cursor() as cur:
                    return self._read(cur, snapshot_sql)
            finally:
                conn.autocommit = False

    def _rows(self, cur, sql: str, params: tuple) -> list[dict]:
        """The rows, behind the pending bookkeeping; jsonb (a position's plan, repeated on each of its
        orders' rows) left as text: parsed once per distinct plan (`_plan`), not once per row."""
        with cur.connection.cursor(cursor_factory=psycopg2.extensions.cursor) as plain:
            psycopg2.extras.register_default_jsonb(plain, loads=str)
            plain.execute(self.pending_sql(plain) + plain.mogrify(sql, params))
            names = [c.name for c in plain.description]
            return [dict(zip(names, row, strict=True)) for row in plain.fetchall()]

    def _plan(self, text: str) -> TradePlan:
        plan = self._plans.get(text)
        if plan is None:
            plan = self._plans[text] = TradePlan.from_json(json.loads(text))
        return plan

    def _read(self, cur, snapshot_sql: str | None) -> tuple[list[_Watch], dict | None]:
        # the open positions and their orders in one round trip (a position's columns repeated per order),
        # behind the pending bookkeeping and beside the snapshot when asked
        if snapshot_sql is None:
            sql, params = _POSITIONS_AND_ORDERS, (self.user_id,)
        else:
            sql = (f"SELECT s.pnl AS s__pnl, s.exposed AS s__exposed, s.live AS s__live, s.trades AS s__trades, "
                   f"x.* FROM ({snapshot_sql}) s LEFT JOIN ({_POSITIONS_AND_ORDERS}) x ON true "
                   "ORDER BY x.id, x.o__id")
            params = (self.user_id, self.user_id)
        positions: list[dict] = []
        orders: dict[int, list[dict]] = {}
        snapshot = None
        for row in self._rows(cur, sql, params):
            if snapshot is None and snapshot_sql is not None:
                snapshot = {k: row["s__" + k] for k in ("pnl", "exposed", "live", "trades")}
            if row["id"] is None:
                continue  # no open position (the snapshot's row alone)
            if not positions or positions[-1]["id"] != row["id"]:
                positions.append({k: v for k, v in row.items() if not k.startswith(("o__", "s__"))})
                orders[row["id"]] = []
            if row["o__id"] is not None:
                orders[row["id"]].append({name: row["o__" + name] for name in _ORDER_NAMES})
        paper = {}
        if any(p["market_type"] == "futures" for p in positions):
            paper = {r["symbol"]: r for r in fetch_rows(
                cur, "SELECT symbol, amount, entry, margin, leverage, margin_mode, funding_ms FROM paper_positions "
                     "WHERE user_id = %s", (self.user_id,))}
        watches = []
        fingerprints = {}
        for pos in positions:
            rows = orders.get(pos["id"], [])
            fingerprint = (tuple(v for k, v in pos.items() if k not in _VOLATILE),
                           tuple(tuple(r.values()) for r in rows))
            fingerprints[pos["id"]] = fingerprint
            steady = self._fingerprints.get(pos["id"]) == fingerprint
            # a hedge-mode position's paper row is its side's (`SYMBOL|long`); a symbol is never held both ways
            paper_row = paper.get(f"{pos['symbol']}|{pos['side']}") or paper.get(pos["symbol"])
            watches.append(self._watch(cur, pos, rows, paper_row, steady))
        self._fingerprints = fingerprints
        return watches, snapshot

    def _watch(self, cur, pos: dict, rows: list[dict], paper_row: dict | None, steady: bool) -> _Watch:
        exchange = self._engine(pos["market_type"], cur, pos)
        rules = exchange.market_rules(pos["symbol"])
        plan = self._plan(pos["plan"])
        summary = summarize(rows)
        long = pos["side"] == "long"
        futures = pos["market_type"] == "futures"
        since = pos["checked_ms"]
        if since is None:
            since = int(pos["opened_at"].timestamp() * 1000) if pos["opened_at"] else None
        eligible = (steady and since is not None and pos["status"] == "open"
                    and not any(r["status"] in ("planned", "waiting") for r in rows)
                    and not plan.trailing_stop_pct
                    and not (plan.entry_timeout_ms and summary.entry_qty == 0))
        lows: list[Decimal] = []
        highs: list[Decimal] = []
        liquidation: Decimal | None = None
        for r in rows:
            if r["status"] not in LIVE_STATUSES:
                continue
            buy = r["side"] == "buy"
            if r["order_type"] == "limit" and r["price"] is not None:
                (lows if buy else highs).append(r["price"])
            elif r["order_type"] == "stop_market" and r["trigger_price"] is not None:
                (highs if buy else lows).append(r["trigger_price"])
            else:
                eligible = False  # a market order fills at the next open
        if pos["stop_loss"] is not None:
            (lows if long else highs).append(pos["stop_loss"])
        if summary.entry_qty == 0 and plan.take_profits:
            (highs if long else lows).append(plan.take_profits[0].price)
        if futures and eligible:
            if any(r["role"] in ("tp", "sl") and r["status"] == "expired" for r in rows):
                eligible = False
            elif paper_row is None:
                # no paper position under the symbol (e.g. keyed otherwise): its liquidation price is
                # unknown here, so the monitor checks every candle
                eligible = summary.remaining == 0
            elif paper_row["amount"]:
                if paper_row["margin_mode"] != "isolated" or (paper_row["amount"] > 0) != long:
                    eligible = False  # cross margin (moves with every price), or held the other way
                else:
                    view = PaperExchange(self.venues.paper_prices(), self.venues.clock,
                                         rules={pos["symbol"]: rules})
                    view.positions[pos["symbol"]] = _Position(paper_row["amount"], paper_row["entry"],
                                                              paper_row["margin"], paper_row["funding_ms"])
                    view.leverage[pos["symbol"]] = paper_row["leverage"]
                    view.margin_modes[pos["symbol"]] = paper_row["margin_mode"]
                    liquidation = view.liquidation_price(pos["symbol"])
        row = {k: pos[k] for k in ("id", "user_id", "mode", "exchange_account_id", "market_type")}
        return _Watch(pos["id"], row, pos["checked_ms"], pos["symbol"], long, since or 0, pos["last_price"], pos["unrealized_pnl"], summary,
                      rules.contract_size,
                      futures, eligible, tuple(lows), tuple(highs), liquidation)

    def step(self, now_ms: int) -> tuple[list[dict], Decimal]:
        """The candle(s) closed by `now_ms`: the positions the monitor must advance (every open position
        of a symbol where one is not quiet; rows for `run_monitor(positions=...)`), and the change of the quiet positions' unrealised PnL (as
        the database will hold it). Their bookkeeping is kept here until `flush()`."""
        if self._watches is None:
            # a position seen for the first time, or changed by the last real step, is never quiet:
            # its next step is a real one, and the refresh after it tells whether it changed anything
            self._watches = self._refresh()
        prices = self.venues.paper_prices()
        updates = []
        busy: set[str] = set()
        for w in self._watches:
            candles = prices.candles(w.symbol, w.since, now_ms)
            if (not w.eligible
                    or any(c.low <= level for c in candles for level in w.low_levels)
                    or any(c.high >= level for c in candles for level in w.high_levels)
                    or (w.futures and prices.funding_events(w.symbol, w.since - 1, now_ms))
                    or (w.liquidation is not None and _liquidation_reached(prices, w, candles))):
                busy.add(w.symbol)
                continue
            checked = candles[-1].ts + prices.timeframe_ms(w.symbol) if candles else w.since
            last = candles[-1].close if candles else w.last_price
            updates.append((w, checked, last))
        # a symbol's paper orders are evaluated together: its positions are advanced together, in the
        # monitor's order (`open_positions`: checked_ms, never checked first, then id)
        due = [w.row for w in sorted(self._watches, key=lambda w: (w.checked is not None, w.checked or 0, w.id))
               if w.symbol in busy]
        delta = ZERO
        for w, checked, last in updates:
            if w.symbol in busy:
                continue
            self.quiet += 1
            # what the monitor computes (in the default context, as it does) and writes; the equity
            # moves by it as numeric(38, 18) stores it (half away from zero), summed exactly
            unrealized, stored = unrealized_pnl(w.summary, w.long, last, w.contract_size)
            with localcontext(_EXACT):
                delta += stored - w.unrealized
            w.since, w.checked, w.last_price, w.unrealized = checked, checked, last, stored
            self._pending[w.id] = (w.id, checked, last, unrealized)
        return due, delta

    def pending_sql(self, cur, ids: Collection[int] | None = None) -> bytes:
        """The quiet positions' bookkeeping kept so far (of `ids` only, when given) as one statement,
        to be sent ahead of the next read of them; b"" when there is none."""
        values = [v for key, v in self._pending.items() if ids is None or key in ids]
        if not values:
            return b""
        for v in values:
            del self._pending[v[0]]
        rows = b",".join(cur.mogrify("(%s::bigint, %s::bigint, %s::numeric, %s::numeric)", v) for v in values)
        return (b"UPDATE positions p SET checked_ms = v.checked_ms, last_price = COALESCE(v.last_price, "
                b"p.last_price), unrealized_pnl = v.unrealized, updated_at = now(), monitored_at = now() "
                b"FROM (VALUES " + rows + b") AS v(id, checked_ms, last_price, unrealized) WHERE p.id = v.id; ")

    def flush(self, ids: Collection[int] | None = None) -> None:
        """Write the quiet positions' bookkeeping (of `ids` only, when given) before anything else reads or
        advances them: one statement outside a transaction block."""
        if not any(ids is None or key in ids for key in self._pending):
            return
        with connection() as conn:
            conn.autocommit = True
            try:
                with conn.cursor() as cur:
                    cur.execute(self.pending_sql(cur, ids))
            finally:
                conn.autocommit = False
