"""Candle-driven paper execution of one `TradePlan` (from the real planner), with fees.

Interim stand-in for the execution engine's paper exchange + position advancer (being built in
`verzek.execution`); it consumes exactly what they will: a `TradePlan` and closed candles, and
reports fills. Fill rules (pessimistic where a bar is ambiguous):

* market entry: fills at the next candle's open (taker fee); limit entry: fills at its price when a
  later candle trades through it (low ≤ price for a buy), maker fee; entries still resting after
  `entry_timeout_bars` are cancelled (a position with no fill is void, no fee);
* once anything is filled, on every later candle the stop is checked *before* take profits (a bar
  touching both counts as stopped); a stop fills at the stop or at the open if the bar gapped
  through it (taker); each TP level closes its fraction of the filled amount at its price (maker);
* after TP `breakeven_after_tp` the stop moves to the average entry; after `max_hold_bars` the rest
  is closed at the candle's close (taker). Remaining entries are cancelled on the first exit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from verzek.execution.planner import TradePlan
from verzek.execution.ports import OrderType

ZERO = Decimal(0)


@dataclass(frozen=True)
class Fees:
    maker: Decimal = Decimal("0.001")
    taker: Decimal = Decimal("0.001")


@dataclass
class SimFill:
    ts: int
    kind: str  # entry | tp<n> | stop | timeout | end
    price: Decimal
    amount: Decimal
    fee: Decimal


@dataclass
class SimPosition:
    plan: TradePlan
    opened_bar_ts: int  # decision candle; fills start on the next candle
    fees: Fees
    entry_timeout_bars: int
    max_hold_bars: int
    filled: Decimal = ZERO
    cost: Decimal = ZERO  # Σ price × amount of entry fills
    closed_amount: Decimal = ZERO
    proceeds: Decimal = ZERO  # Σ price × amount of exit fills
    fee_total: Decimal = ZERO
    fills: list[SimFill] = field(default_factory=list)
    pending_entries: list = field(default_factory=list)
    tp_done: int = 0
    stop: Decimal | None = None
    bars_seen: int = 0
    bars_since_fill: int = 0
    done: bool = False

    def __post_init__(self) -> None:
        self.pending_entries = sorted(self.plan.orders, key=lambda o: o.leg)
        self.stop = self.plan.stop_loss

    @property
    def long(self) -> bool:
        return self.plan.side == "long"

    @property
    def open_amount(self) -> Decimal:
        return self.filled - self.closed_amount

    @property
    def average_entry(self) -> Decimal:
        return self.cost / self.filled if self.filled else ZERO

    @property
    def pnl(self) -> Decimal:
        """Realised profit after fees (quote currency), for the closed part."""
        sign = 1 if self.long else -1
        realised = sign * (self.proceeds - self.average_entry * self.closed_amount)
        return realised - self.fee_total

    def _fill(self, ts: int, kind: str, price: Decimal, amount: Decimal, fee_rate: Decimal) -> None:
        fee = price * amount * fee_rate
        self.fee_total += fee
        self.fills.append(SimFill(ts, kind, price, amount, fee))
        if kind == "entry":
            self.filled += amount
            self.cost += price * amount
        else:
            self.closed_amount += amount
            self.proceeds += price * amount

    def _exit(self, ts: int, kind: str, price: Decimal, amount: Decimal, fee_rate: Decimal) -> None:
        amount = min(amount, self.open_amount)
        if amount > 0:
            self._fill(ts, kind, price, amount, fee_rate)
        self.pending_entries = []  # the trade is being unwound: no more averaging in
        if self.open_amount <= 0:
            self.done = True

    def on_candle(self, ts: int, o: Decimal, h: Decimal, lo: Decimal, c: Decimal) -> None:
        if self.done or ts <= self.opened_bar_ts:
            return
        self.bars_seen += 1
        had_position = self.filled > 0
        # 1) exits for what was already held before this bar (stop first: pessimistic)
        if had_position:
            self.bars_since_fill += 1
            if self._check_exits(ts, o, h, lo, c):
                return
        # 2) entries
        still = []
        for order in self.pending_entries:
            if order.type == OrderType.MARKET:
                self._fill(ts, "entry", o, order.amount, self.fees.taker)
            elif (lo <= order.price) if self.long else (h >= order.price):
                price = min(o, order.price) if self.long else max(o, order.price)  # gap fills better
                self._fill(ts, "entry", price, order.amount, self.fees.maker)
            else:
                still.append(order)
        self.pending_entries = still
        if self.pending_entries and self.bars_seen >= self.entry_timeout_bars:
            self.pending_entries = []
        if self.filled == 0 and not self.pending_entries:
            self.done = True  # never filled: void
            return
        # a position opened this bar is exposed to its stop from the same bar's remaining range
        if (not had_position and self.filled > 0 and self.stop is not None
                and ((lo <= self.stop) if self.long else (h >= self.stop))):
            self._exit(ts, "stop", self.stop, self.open_amount, self.fees.taker)

    def _check_exits(self, ts: int, o: Decimal, h: Decimal, lo: Decimal, c: Decimal) -> bool:
        if self.stop is not None and ((lo <= self.stop) if self.long else (h >= self.stop)):
            price = min(o, self.stop) if self.long else max(o, self.stop)
            self._exit(ts, "stop", price, self.open_amount, self.fees.taker)
            return True
        for level in self.plan.take_profits[self.tp_done:]:
            if not ((h >= level.price) if self.long else (lo <= level.price)):
                break
            last = level.index == len(self.plan.take_profits)
            amount = self.open_amount if last else (self.filled * level.fraction)
            self._exit(ts, f"tp{level.index}", level.price, amount, self.fees.maker)
            self.tp_done += 1
            if self.plan.breakeven_after_tp and self.tp_done >= self.plan.breakeven_after_tp:
                self.stop = self.average_entry
            if self.done:
                return True
        if self.bars_since_fill >= self.max_hold_bars:
            self._exit(ts, "timeout", c, self.open_amount, self.fees.taker)
            return True
        return False

    def close_at(self, ts: int, price: Decimal) -> None:
        """End of the backtest: close what is open at the last close (taker)."""
        if not self.done and self.open_amount > 0:
            self._exit(ts, "end", price, self.open_amount, self.fees.taker)
        self.done = True

    def mark_value(self, price: Decimal) -> Decimal:
        """Unrealised value of the open amount relative to its cost (for the equity curve)."""
        if self.open_amount <= 0:
            return ZERO
        sign = 1 if self.long else -1
        return sign * (price - self.average_entry) * self.open_amount
