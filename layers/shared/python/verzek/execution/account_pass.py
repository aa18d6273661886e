"""One monitor pass over one account: its venue built once, its open orders read once.

The monitor used to build a venue (decrypt the keys, a new ccxt client) and look every live order
up by client id for each position: one exchange request per order per minute. An `AccountPass`
serves every position of one account (user, mode, exchange account, market type) in one pass:

* `venue(cur, pos)` builds the account's venue on first use and hands the same one to the
  account's other positions (a position of another account gets its own, never this one);
* `known_state(row)` answers an order's state from one open-orders read per pass (the optional
  `Exchange.open_orders`, see `verzek.execution.ports`): per account, or per account and symbol
  where the exchange makes that cheaper (`open_orders_scope`; Binance weighs a read without a
  symbol at 40-80 times one with). The paper venue offers no such list: its per-position batched
  lookup (`fetch_orders`) is one database transaction, not an exchange request. An order missing
  from that list
  has left the book since (filled or cancelled): it is looked up by client id as before, so a final
  state is always read from the exchange itself. A row written after the list was read (the executor
  or this pass changed it) is looked up too: the list may predate what the row knows.
* `exchange_positions(pos, venue)` answers what the exchange holds from one positions read per account
  per pass (the optional `Exchange.fetch_positions`), taken before the account's orders are refreshed
  (see `PositionEngine._reconcile_with_exchange`); a failed read is not repeated within the pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from verzek.execution.ports import AccountError, ExchangePosition, ExecutionError, OrderState
from verzek.execution.venues import Venue, VenueProvider
from verzek.observability import logger

# a row updated this close to (or after) the list was read is looked up on its own: database and
# function clocks are NTP-synced, the margin covers their skew
_CLOCK_MARGIN = timedelta(seconds=2)


@dataclass(frozen=True)
class HeldPositions:
    """The exchange's positions of one account, as read at `taken_ms` (the exchange's clock is ours, NTP)."""

    taken_ms: int
    by_symbol_side: dict[tuple[str, str], ExchangePosition]

    def amount(self, symbol: str, side: str):
        held = self.by_symbol_side.get((symbol, side))
        return held.amount if held is not None else None


def account_key(pos: dict) -> tuple:
    return (pos["user_id"], pos["mode"], pos["exchange_account_id"] if pos["mode"] == "live" else None,
            pos["market_type"])


class AccountPass:
    def __init__(self, venues: VenueProvider) -> None:
        self.venues = venues
        self._venues: dict[tuple, Venue] = {}
        self._unusable: dict[tuple, AccountError] = {}
        self._books: dict[tuple, tuple[datetime, dict[str, OrderState] | None]] = {}
        self.book_reads = 0
        self._funding: dict[tuple, tuple[int, list[dict]]] = {}
        self._liquidations: dict[tuple, tuple[int, list]] = {}
        self.history_reads = 0
        self._held: dict[tuple, HeldPositions | None] = {}
        self._rates: dict[tuple, tuple | None] = {}
        self.position_reads = 0

    def venue(self, cur, pos: dict) -> Venue:
        """The account's venue, built once; an account that cannot be used (AccountError) is tried once
        per pass, not once per position (no repeated key decryption for a disabled account)."""
        key = account_key(pos)
        if key in self._unusable:
            raise self._unusable[key]
        venue = self._venues.get(key)
        if venue is None:
            try:
                venue = self.venues.venue(cur, user_id=pos["user_id"], mode=pos["mode"],
                                          exchange_account_id=pos["exchange_account_id"],
                                          market_type=pos["market_type"])
            except AccountError as exc:
                self._unusable[key] = exc
                raise
            self._venues[key] = venue
        return venue

    def _book(self, pos: dict, venue: Venue) -> tuple[datetime, dict[str, OrderState] | None]:
        scope = getattr(venue.exchange, "open_orders_scope", None)
        key = account_key(pos) + ((pos["symbol"],) if scope == "symbol" else ())
        if key not in self._books:
            taken_at = datetime.now(UTC)
            book = None
            if scope in ("symbol", "account"):
                book = venue.exchange.open_orders(pos["symbol"] if scope == "symbol" else None)
            self.book_reads += book is not None
            self._books[key] = (taken_at, book)
        return self._books[key]

    def known_state(self, pos: dict, venue: Venue, row: dict) -> OrderState | None:
        """The order's state from the account's open-orders list, or None: look it up by client id."""
        taken_at, book = self._book(pos, venue)
        if book is None:
            return None
        updated = row.get("updated_at")
        if updated is None or updated >= taken_at - _CLOCK_MARGIN:
            return None
        state = book.get(row["client_order_id"])
        if state is None or state.symbol != pos["symbol"]:
            return None
        return state

    def _history(self, cache: dict, fetch, pos: dict, since_ms: int, when) -> list:
        """One read per account and symbol per pass, shared by the account's positions on the symbol
        (read again only for a position asking from further back)."""
        key = account_key(pos) + (pos["symbol"],)
        cached = cache.get(key)
        if cached is None or cached[0] > since_ms:
            cached = cache[key] = (since_ms, list(fetch(pos["symbol"], since_ms) or ()))
            self.history_reads += 1
        return [item for item in cached[1] if when(item) >= since_ms]

    def funding_history(self, pos: dict, venue: Venue, since_ms: int) -> list[dict]:
        """The account's funding payments on the position's symbol since `since_ms` (`fetch_funding_history`)."""
        return self._history(self._funding, venue.exchange.fetch_funding_history, pos, since_ms,
                             lambda event: event["timestamp"])

    def liquidations(self, pos: dict, venue: Venue, since_ms: int) -> list[OrderState]:
        """The exchange's liquidations on the position's symbol since `since_ms` (`fetch_liquidations`)."""
        return self._history(self._liquidations, venue.exchange.fetch_liquidations, pos, since_ms,
                             lambda state: state.updated_ms)

    def exchange_positions(self, pos: dict, venue: Venue) -> HeldPositions | None:
        """What the exchange holds on the account, from one `fetch_positions` read per account per pass;
        None when the venue cannot say or the read failed (nothing is decided on a missing answer)."""
        key = account_key(pos)
        if key not in self._held:
            fetch = getattr(venue.exchange, "fetch_positions", None)
            held = None
            if callable(fetch):
                taken_ms = int(datetime.now(UTC).timestamp() * 1000)
                self.position_reads += 1
                try:
                    positions = fetch()
                except ExecutionError as exc:  # transient or not: this pass decides nothing on it
                    logger.warning("exchange positions not read", extra={"reason": exc.reason[:200]})
                    positions = None
                if positions is not None:
                    held = HeldPositions(taken_ms, {(p.symbol, p.side): p for p in positions})
            self._held[key] = held
        return self._held[key]

    def funding_rate_at(self, pos: dict, venue: Venue, ts_ms: int) -> tuple | None:
        """(rate, mark) of the funding settled on the position's symbol at `ts_ms` (`funding_rate_at`), read
        once per pass for the account's positions on the symbol (the long and the short of a hedge)."""
        key = account_key(pos) + (pos["symbol"], ts_ms)
        if key not in self._rates:
            fetch = getattr(venue.exchange, "funding_rate_at", None)
            self._rates[key] = fetch(pos["symbol"], ts_ms) if callable(fetch) else None
            self.history_reads += 1
        return self._rates[key]
