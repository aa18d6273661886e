"""The `Exchange` port (paper engine and ccxt adapter implement it), its value types and errors,
and the `PriceSource` the paper engine and the position monitor read prices from.

Everything is `Decimal`. Amounts are in base currency (contracts × contract size for futures; the
linear USDT-margined markets we trade have contract size 1 on Binance/Bybit, and the adapter
converts where it is not). Rounding to the market's precision happens in the planner, i.e. before
an order reaches the port; implementations must not round again in a way that increases size.

Errors are deliberately few and say what the caller may do next:

* `RequestNotSent`   — certainly never reached the exchange: safe to send again.
* `RateLimited`      — refused before execution because of rate limits: back off, then send again.
* `OutcomeUnknown`   — may or may not have been executed (timeout, connection dropped after
  sending, 5xx): never resend blindly; look the order up by client id first.
* `OrderRejected`    — the exchange refused this order (insufficient funds, invalid amount/price,
  ...): permanent for this order; record it with the reason, notify the user. `kind`
  "would_trigger" means a stop order was refused because the price is already through its trigger
  (Binance -2021, Bybit 110092/110093): the stop has in effect been reached.
* `AccountError`     — keys invalid / permissions missing / account unusable: permanent for the job.
* `OrderNotFound`    — a lookup found nothing (may be eventual consistency right after creation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_UP, Decimal
from enum import StrEnum
from typing import Protocol

from verzek.ports import Candle

ZERO = Decimal(0)


class OrderSide(StrEnum):
    BUY = "buy"
    SELL = "sell"


class OrderType(StrEnum):
    MARKET = "market"
    LIMIT = "limit"
    STOP_MARKET = "stop_market"  # trigger_price; fills as a market order once price reaches it


class OrderStatus(StrEnum):
    OPEN = "open"            # resting (possibly partially filled)
    FILLED = "filled"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    EXPIRED = "expired"


class ExecutionError(Exception):
    """Base of the port's errors. `reason` is a short, user-safe text (no keys, no signatures)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RequestNotSent(ExecutionError):
    pass


class RateLimited(ExecutionError):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class OutcomeUnknown(ExecutionError):
    pass


class OrderRejected(ExecutionError):
    def __init__(self, reason: str, kind: str = "invalid_order") -> None:
        super().__init__(reason)
        self.kind = kind  # insufficient_funds | invalid_order | unknown_symbol | duplicate | would_trigger | other


class AccountError(ExecutionError):
    pass


class OrderNotFound(ExecutionError):
    pass


def _step_round(value: Decimal, step: Decimal, rounding: str) -> Decimal:
    if step <= 0:
        return value
    return (value / step).to_integral_value(rounding=rounding) * step


@dataclass(frozen=True)
class LeverageTier:
    """One bracket of a futures market's leverage tiers (ccxt `fetch_leverage_tiers`): positions whose
    notional lies in [min_notional, max_notional) need `maintenance_rate` x notional - `maintenance_amount`
    of maintenance margin (Binance's `cum`, which makes the requirement continuous across brackets) and
    may use at most `max_leverage`."""

    min_notional: Decimal
    max_notional: Decimal
    maintenance_rate: Decimal
    max_leverage: int
    maintenance_amount: Decimal = ZERO

    @classmethod
    def from_ccxt(cls, tier: dict) -> LeverageTier:
        """One ccxt tier; the maintenance amount is the exchange's own (Binance `cum`, Bybit
        `mmDeduction`), 0 where the exchange states none; an open-ended last tier (Kraken Futures:
        `maxNotional` None) reaches to infinity."""
        info = tier.get("info") or {}
        amount = info.get("cum", info.get("mmDeduction"))
        cap = tier.get("maxNotional")
        return cls(Decimal(str(tier["minNotional"])), Decimal("Infinity") if cap is None else Decimal(str(cap)),
                   Decimal(str(tier["maintenanceMarginRate"])), int(tier["maxLeverage"]),
                   Decimal(str(amount)) if amount not in (None, "") else ZERO)


@dataclass(frozen=True)
class MarketRules:
    """A market's trading rules (from ccxt market info): steps, minimums, contract size."""

    symbol: str
    market_type: str  # "spot" | "futures"
    base: str
    quote: str
    amount_step: Decimal = Decimal("0.00000001")
    price_step: Decimal = Decimal("0.00000001")
    min_amount: Decimal = ZERO
    min_notional: Decimal = ZERO
    contract_size: Decimal = Decimal(1)
    max_leverage: int | None = None
    # maintenance margin rate used when the market has no recorded leverage tiers (Binance USD-M's
    # first tier for most symbols)
    maintenance_margin_rate: Decimal = Decimal("0.005")
    leverage_tiers: tuple[LeverageTier, ...] = ()
    # False: the exchange's conservative rules for a market it does not record
    # (`verzek.execution.markets.unrecorded_rules`), not the market's own
    recorded: bool = True

    def tiers(self) -> tuple[LeverageTier, ...]:
        """The leverage tiers, or one open-ended tier at `maintenance_margin_rate` when none are recorded."""
        if self.leverage_tiers:
            return self.leverage_tiers
        return (LeverageTier(ZERO, Decimal("Infinity"), self.maintenance_margin_rate, self.max_leverage or 125),)

    def tier(self, notional: Decimal) -> LeverageTier:
        """The tier a position of `notional` (quote currency) falls in (the last one beyond the table)."""
        tiers = self.tiers()
        for tier in tiers:
            if notional < tier.max_notional:
                return tier
        return tiers[-1]

    def max_leverage_for(self, notional: Decimal) -> int | None:
        """The highest leverage allowed for a position of `notional` (None when nothing is known)."""
        if self.leverage_tiers:
            return self.tier(notional).max_leverage
        return self.max_leverage

    def round_amount(self, amount: Decimal) -> Decimal:
        """Amounts are rounded down: never trade more than planned."""
        return _step_round(amount, self.amount_step, ROUND_DOWN).normalize() + ZERO

    def round_price(self, price: Decimal, *, side: OrderSide | None = None, passive: bool = False) -> Decimal:
        """Nearest tick; `passive=True` rounds away from the market (a buy down, a sell up)."""
        if passive and side is not None:
            rounding = ROUND_DOWN if side == OrderSide.BUY else ROUND_UP
        else:
            rounding = ROUND_HALF_EVEN
        return _step_round(price, self.price_step, rounding).normalize() + ZERO

    def check(self, amount: Decimal, price: Decimal) -> str | None:
        """Why an order of `amount` at `price` cannot be sent, or None when it meets the rules."""
        if amount <= 0:
            return f"amount rounds to 0 at step {self.amount_step}"
        if self.min_amount and amount < self.min_amount:
            return f"amount {amount} below the market minimum {self.min_amount}"
        notional = amount * price * self.contract_size
        if self.min_notional and notional < self.min_notional:
            return f"order value {notional.quantize(Decimal('0.00000001'))} below the minimum {self.min_notional}"
        if price <= 0:
            return "price must be positive"
        return None

    @classmethod
    def permissive(cls, symbol: str) -> MarketRules:
        """Rules for a simulated market with no exchange info (8-decimal steps, no minimums)."""
        base, _, rest = symbol.partition("/")
        quote, _, settle = rest.partition(":")
        return cls(symbol=symbol, market_type="futures" if settle else "spot", base=base, quote=quote,
                   recorded=False)

    @classmethod
    def from_ccxt_market(cls, market: dict, precision_mode: int | None = None,
                         tiers: tuple[LeverageTier, ...] = ()) -> MarketRules:
        """From a ccxt unified market. `precision_mode` is the exchange's `precisionMode`
        (ccxt.TICK_SIZE = 4: precision values are steps; DECIMAL_PLACES = 2: digit counts)."""

        def dec(value) -> Decimal | None:
            return None if value is None else Decimal(str(value))

        def step(value) -> Decimal:
            v = dec(value)
            if v is None:
                return Decimal("0.00000001")
            if precision_mode == 4 or v < 1 or v != v.to_integral_value():  # TICK_SIZE
                return v
            return Decimal(1).scaleb(-int(v))  # DECIMAL_PLACES / SIGNIFICANT treated as places

        precision = market.get("precision") or {}
        limits = market.get("limits") or {}
        leverage = (limits.get("leverage") or {}).get("max")
        is_futures = bool(market.get("contract")) or market.get("type") in ("swap", "future")
        return cls(
            symbol=market["symbol"], market_type="futures" if is_futures else "spot",
            base=market["base"], quote=market["quote"],
            amount_step=step(precision.get("amount")), price_step=step(precision.get("price")),
            min_amount=dec((limits.get("amount") or {}).get("min")) or ZERO,
            min_notional=dec((limits.get("cost") or {}).get("min")) or ZERO,
            contract_size=dec(market.get("contractSize")) or Decimal(1),
            max_leverage=int(leverage) if leverage else None,
            leverage_tiers=tuple(tiers),
            maintenance_margin_rate=tiers[0].maintenance_rate if tiers else Decimal("0.005"),
        )


@dataclass(frozen=True)
class OrderRequest:
    client_order_id: str
    symbol: str
    side: OrderSide
    type: OrderType
    amount: Decimal
    price: Decimal | None = None          # limit price
    trigger_price: Decimal | None = None  # stop orders
    reduce_only: bool = False
    # hedge mode (futures): the position this order opens or closes, "long" | "short" (Binance positionSide,
    # Bybit positionIdx); None in one-way mode
    position_side: str | None = None

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValueError("order amount must be positive")
        if self.type == OrderType.LIMIT and (self.price is None or self.price <= 0):
            raise ValueError("a limit order needs a positive price")
        if self.type == OrderType.STOP_MARKET and (self.trigger_price is None or self.trigger_price <= 0):
            raise ValueError("a stop order needs a positive trigger price")
        if self.position_side not in (None, "long", "short"):
            raise ValueError("position_side must be long, short or None")


@dataclass(frozen=True)
class OrderState:
    """An order as the exchange sees it. `average` is None until something filled."""

    client_order_id: str
    exchange_order_id: str | None
    symbol: str
    side: OrderSide
    type: OrderType
    status: OrderStatus
    amount: Decimal
    filled: Decimal = ZERO
    average: Decimal | None = None
    fee: Decimal = ZERO          # in the quote currency
    fee_currency: str | None = None
    price: Decimal | None = None
    trigger_price: Decimal | None = None
    reduce_only: bool = False
    updated_ms: int = 0

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.filled

    @property
    def is_final(self) -> bool:
        return self.status != OrderStatus.OPEN

    def with_(self, **changes) -> OrderState:
        return replace(self, **changes)


class Exchange(Protocol):
    """What the execution engine needs from an exchange account (paper or live)."""

    name: str  # "paper" or the exchange id

    def market_rules(self, symbol: str) -> MarketRules: ...

    def last_price(self, symbol: str) -> Decimal: ...

    def free_balance(self, asset: str) -> Decimal: ...

    def set_leverage(self, symbol: str, leverage: int, margin_mode: str | None) -> None: ...

    def create_order(self, request: OrderRequest) -> OrderState: ...

    def fetch_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        """Raises OrderNotFound when the exchange has no order with this client id. `trigger=True`
        says the order is a stop (conditional) order: some exchanges keep those in another book
        (Binance USD-M's algo orders), so the lookup must know."""
        ...

    def cancel_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        """Cancels if still open; returns the final state (an already-final order is returned as is)."""
        ...

    # Optional (the monitor's batched read, `verzek.execution.account_pass`):
    # open_orders_scope: "account" | "symbol" | None
    #     How one `open_orders` read is cheapest on this venue (None: not offered).
    # def open_orders(self, symbol: str | None = None) -> dict[str, OrderState] | None
    #     The account's open orders (of `symbol` when given), keyed by client id, in one read.
    #
    # Optional (the monitor's position reconciliation, `verzek.execution.lifecycle`):
    # def fetch_positions(self) -> list[ExchangePosition] | None
    #     The futures account's open positions in one read (None: the venue cannot say).
    #
    # Optional (see `protective_stops_supported`):
    # def supports_protective_stop(self, symbol: str) -> bool
    #     True when a reduce-only stop-market order can rest on this market and is trusted to close
    #     the position (linear futures on Binance/Bybit, and the paper engine's futures).


@dataclass(frozen=True)
class ExchangePosition:
    """A futures position the exchange holds for the account: `amount` base units (> 0) on `side`."""

    symbol: str           # unified, e.g. BTC/USDT:USDT
    side: str             # long | short
    amount: Decimal
    entry_price: Decimal | None = None
    mark_price: Decimal | None = None
    hedged: bool = False  # held in hedge mode (Binance positionSide LONG/SHORT, Bybit positionIdx 1/2)


def liquidation_price(long: bool, qty: Decimal, entry: Decimal, backing: Decimal, rules: MarketRules) -> Decimal:
    """Liquidation price of a linear position of `qty` base units at `entry`, backed by `backing` of the
    quote currency (isolated: its margin; cross: the wallet balance that is not committed elsewhere):
    where backing + unrealised PnL = maintenance margin = rate x qty x P - amount, with the rate and
    amount of the leverage tier the notional qty x P falls in (Binance's formula, one position):
    long P = (q E - B - cum) / (q (1 - m)); short P = (q E + B + cum) / (q (1 + m)). Fees are left out.
    Never below 0 (a long backed by more than its notional cannot be liquidated)."""
    q = qty * rules.contract_size
    tiers = rules.tiers()
    fallback = None
    for tier in tiers:
        m, cum = tier.maintenance_rate, tier.maintenance_amount
        price = (q * entry - backing - cum) / (q * (1 - m)) if long else (q * entry + backing + cum) / (q * (1 + m))
        price = max(ZERO, price)
        if tier.min_notional <= q * price < tier.max_notional or tier is tiers[-1] and q * price >= tier.min_notional:
            return price
        if fallback is None and q * entry < tier.max_notional:
            fallback = price
    return fallback if fallback is not None else price


def bankruptcy_price(long: bool, qty: Decimal, entry: Decimal, backing: Decimal, contract_size: Decimal) -> Decimal:
    """Where the position's loss equals its backing (what a liquidation closes it at): E -/+ B / q."""
    q = qty * contract_size
    return max(ZERO, entry - backing / q) if long else entry + backing / q


def protective_stops_supported(exchange: Exchange, symbol: str) -> bool:
    """Whether `exchange` rests reduce-only stop orders on `symbol` (False when it does not say)."""
    check = getattr(exchange, "supports_protective_stop", None)
    return bool(check(symbol)) if callable(check) else False


class PriceSource(Protocol):
    """Prices for paper fills and the monitor: closed candles of a symbol in [since_ms, until_ms)."""

    def candles(self, symbol: str, since_ms: int, until_ms: int) -> Sequence[Candle]: ...

    def timeframe_ms(self, symbol: str) -> int: ...


@dataclass
class Fill:
    """One execution (paper engine ledger)."""

    client_order_id: str
    ts: int
    price: Decimal
    amount: Decimal
    fee: Decimal
    maker: bool = field(default=False)
