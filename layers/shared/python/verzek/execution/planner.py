"""Trade planning: a `Signal` + a user's `TradingSettings` + the market's rules → a `TradePlan`.

Pure and `Decimal` throughout (no I/O): the executor, the position monitor and backtests use it.

    from verzek.execution.planner import TradingSettings, plan_trade
    plan = plan_trade(signal, TradingSettings(size_value=Decimal("100")), rules,
                      free_balance=Decimal("1000"), last_price=Decimal("0.0321"), signal_id=1, user_id=7)
    plan.orders        # entry + safety orders to send now (amounts/prices on the market's steps)
    plan.dropped       # legs that cannot meet the market rules, with the reason (never sent)
    plan.take_profits  # the ladder: price + fraction of the filled amount per level
    plan.stop_loss     # signal's stop, else the user's default %, else None

Rules (documented choices):
* Size: `fixed` = that much quote currency of margin; `percent` = that % of the free quote balance.
  The size is the whole budget: entries + every DCA safety order together never exceed it. A free
  balance below the size refuses the trade (never silently shrinks it).
* Leverage (futures only; spot is always 1): `up_to` = the signal's leverage (the user's cap when the
  signal states none) capped by the user's cap; `exact` = always the user's cap. Both are capped by
  the market's maximum. Notional = margin × leverage.
* Entries: market signal → one market order. Limit signal with n prices → n equal legs. Range
  (zone) signal → the zone split into 3 equal legs (low, middle, high). Legs are ordered from the
  one nearest the market. `entry_grace_pct` moves each limit price that much in the adverse
  direction (long: up, short: down) so a near miss still fills; `first_entry_market` turns the
  first leg into a market order.
* DCA safety orders (when enabled, 3Commas semantics): order i (1-based) rests step × (1 + s + ... +
  s^(i-1)) % beyond the last entry price (s = `dca_step_scale`; 1 = step × i), with volume =
  first-entry-leg-total × volume scale^(i-1); the budget is shared so the sum stays the size. At most
  `dca_max_active` of them rest at once (the monitor places the next as one fills), and the take
  profits keep their distance from the average entry as safety orders fill (`tp_follow_average`).
* Take profits: the signal's targets (only those beyond the entry), with the user's split
  (e.g. 50/30/20) truncated to the number of targets and renormalised; with more targets than
  split entries, only the first len(split) targets are used (the last one closes the rest). A
  signal without targets uses the user's own `tp_percents` distances from the average entry.
* Stop: the signal's, else `default_stop_pct` from the average planned entry. A stop on the wrong
  side of the entries refuses the trade.
* `skip_if_tp_or_sl_hit`: when the price already reached TP1 or the stop, the trade is not opened.
* Every order is checked against the market rules (precision, min amount, min notional); one that
  fails is dropped with the reason. No entry order left → the trade is refused (PlanRejected).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from verzek.domain.signals import EntryType, Side, Signal
from verzek.execution.client_ids import client_order_id
from verzek.execution.ports import MarketRules, OrderSide, OrderType, liquidation_price

ZERO = Decimal(0)
HUNDRED = Decimal(100)
ZONE_LEGS = 3


class PlanRejected(Exception):
    """The trade must not be opened; `reason` is shown to the user."""

    def __init__(self, reason: str, code: str = "rejected") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


def _dec(value, default: Decimal | None = None) -> Decimal | None:
    if value is None:
        return default
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True)
class TradingSettings:
    """A user's auto-trading settings (the `trading_settings` row)."""

    auto_trade: bool = True
    mode: str = "paper"
    exchange_account_id: int | None = None
    size_type: str = "fixed"
    size_value: Decimal = Decimal(100)
    leverage_cap: int = 10
    leverage_mode: str = "up_to"
    max_open_positions: int = 5
    max_total_exposure: Decimal | None = None
    dca_enabled: bool = False
    dca_safety_orders: int = 0
    dca_step_pct: Decimal = Decimal(2)
    dca_volume_scale: Decimal = Decimal("1.5")
    # 3Commas: each next safety order's distance is the previous one's times this (1 = evenly spaced)
    dca_step_scale: Decimal = Decimal(1)
    # at most this many safety orders rest at once; the next is placed when one fills (None = all)
    dca_max_active: int | None = None
    tp_split: tuple[Decimal, ...] = (Decimal(50), Decimal(30), Decimal(20))
    tp_percents: tuple[Decimal, ...] = ()
    breakeven_after_tp: int | None = None
    default_stop_pct: Decimal | None = None
    trailing_stop_pct: Decimal | None = None
    entry_grace_pct: Decimal = ZERO
    first_entry_market: bool = False
    skip_if_tp_or_sl_hit: bool = True
    symbol_allow: tuple[str, ...] = ()
    symbol_deny: tuple[str, ...] = ()
    daily_loss_limit_pct: Decimal | None = None
    cooldown_minutes: int = 0
    follow_sources: tuple[str, ...] = ("vip",)
    kill_switch: bool = False
    paused_until: datetime | None = None
    paused_reason: str | None = None
    # What to do with a signal that has no stop: trade it with the default stop (Cornix: the
    # default stop % divided by the leverage), skip it, or (explicitly) trade it without a stop.
    no_stop_policy: str = "default_stop"
    # Hard cap on the loss if the stop is hit (price move + fees), in % of equity, for every sizing
    # mode: a larger plan is scaled down to fit. None = no cap.
    max_loss_at_stop_pct: Decimal | None = Decimal(10)
    # Breakeven: "fees" puts the stop where closing the rest pays back entry and exit fees; "plain" at
    # the average entry (every such exit then loses the fees).
    breakeven_mode: str = "fees"
    # A limit entry further than this from the market (%) is refused: it would fill at once at a
    # very different price (above the market for a long) or rest for days. None = no limit.
    max_entry_distance_pct: Decimal | None = Decimal(10)
    # Entries with nothing filled after this many hours are cancelled (Cornix / freqtrade unfilled
    # timeout). None = never.
    entry_timeout_hours: Decimal | None = Decimal(24)
    # A futures signal against a held position on the same symbol: refuse it, close the held one at
    # market and open the new one (close-and-reverse), or hold both (hedge: where the account is in
    # hedge mode; paper always can).
    opposite_signal_policy: str = "refuse"
    # Protections (freqtrade's StoplossGuard / MaxDrawdown / LowProfitPairs), off while the trigger is None;
    # see `verzek.execution.protections`.
    sl_guard_trades: int | None = None
    sl_guard_lookback_minutes: int = 1440
    sl_guard_pause_minutes: int = 60
    max_drawdown_pct: Decimal | None = None
    max_drawdown_lookback_minutes: int = 2880
    max_drawdown_pause_minutes: int = 720
    low_profit_trades: int | None = None
    low_profit_min_pct: Decimal = ZERO
    low_profit_lookback_minutes: int = 1440
    low_profit_lock_minutes: int = 720

    def __post_init__(self) -> None:
        if self.size_type not in ("fixed", "percent", "risk"):
            raise ValueError("size_type must be fixed, percent or risk")
        if self.size_value <= 0 or (self.size_type in ("percent", "risk") and self.size_value > 100):
            raise ValueError("size_value must be positive (at most 100 for percent and risk)")
        if self.no_stop_policy not in ("default_stop", "skip", "allow"):
            raise ValueError("no_stop_policy must be default_stop, skip or allow")
        if self.opposite_signal_policy not in ("refuse", "reverse", "hedge"):
            raise ValueError("opposite_signal_policy must be refuse, reverse or hedge")
        if self.breakeven_mode not in ("fees", "plain"):
            raise ValueError("breakeven_mode must be fees or plain")
        if self.max_loss_at_stop_pct is not None and not 0 < self.max_loss_at_stop_pct <= 100:
            raise ValueError("max_loss_at_stop_pct must be in (0, 100]")
        if self.leverage_mode not in ("up_to", "exact") or not 1 <= self.leverage_cap <= 125:
            raise ValueError("leverage settings out of range")
        if any(w <= 0 for w in self.tp_split) or any(p <= 0 for p in self.tp_percents):
            raise ValueError("take-profit split and percents must be positive")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TradingSettings:
        nullable = {"max_total_exposure", "breakeven_after_tp", "default_stop_pct", "trailing_stop_pct",
                    "daily_loss_limit_pct", "paused_until", "paused_reason", "exchange_account_id",
                    "max_loss_at_stop_pct", "max_entry_distance_pct", "entry_timeout_hours", "sl_guard_trades",
                    "max_drawdown_pct", "low_profit_trades", "dca_max_active"}
        values = {}
        for name in cls.__dataclass_fields__:
            if name not in row or (row[name] is None and name not in nullable):
                continue
            value = row[name]
            if name in ("tp_split", "tp_percents"):
                value = tuple(_dec(v) for v in (value or ()))
            elif name in ("symbol_allow", "symbol_deny", "follow_sources"):
                value = tuple(value or ())
            values[name] = value
        return cls(**values)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _jsonable(value):
    """`value` with dataclasses as dicts (as `asdict` makes them), tuples as lists, Decimals as strings."""
    if isinstance(value, Decimal):
        return str(value)
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class PlannedOrder:
    role: str  # entry | safety
    leg: int
    side: OrderSide
    type: OrderType
    amount: Decimal
    price: Decimal | None  # limit price; None for market
    reference_price: Decimal  # price used for sizing/notional (the limit price, or the last price)
    client_order_id: str


@dataclass(frozen=True)
class DroppedOrder:
    role: str
    leg: int
    reason: str


@dataclass(frozen=True)
class TakeProfitLevel:
    index: int  # 1-based
    price: Decimal
    fraction: Decimal  # share of the filled amount closed at this level (sums to 1)


@dataclass(frozen=True)
class TradePlan:
    signal_id: int
    user_id: int
    symbol: str
    market_type: str  # spot | futures
    side: str  # long | short
    leverage: int
    margin_mode: str | None
    margin: Decimal  # quote currency committed
    notional: Decimal  # margin × leverage
    average_entry: Decimal  # planned, volume-weighted
    orders: tuple[PlannedOrder, ...]
    dropped: tuple[DroppedOrder, ...]
    take_profits: tuple[TakeProfitLevel, ...]
    stop_loss: Decimal | None
    breakeven_after_tp: int | None
    trailing_stop_pct: Decimal | None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # close (or never open) the trade when TP1 or the stop is reached before any entry filled
    cancel_if_tp_or_sl_before_entry: bool = True
    breakeven_mode: str = "fees"
    loss_at_stop: Decimal | None = None  # quote currency, price move + fees, if every entry fills
    entry_timeout_ms: int | None = None  # cancel when no entry has filled this long after opening
    # DCA (3Commas): safety orders resting at once (the rest wait); take profits keep their distance from
    # the average entry as safety orders fill (price x average / planned entry average)
    max_active_safety: int | None = None
    tp_follow_average: bool = False
    # hedge mode: the position is one side of its symbol; every order names that side
    hedged: bool = False

    @property
    def entry_side(self) -> OrderSide:
        return OrderSide.BUY if self.side == "long" else OrderSide.SELL

    @property
    def exit_side(self) -> OrderSide:
        return OrderSide.SELL if self.side == "long" else OrderSide.BUY

    def to_json(self) -> dict:
        """JSON-safe dict (Decimals as strings) for `positions.plan`: `dataclasses.asdict`'s shape,
        built without its deep copy of every value (once per trade per user in a fan-out)."""
        return _jsonable(self)

    @classmethod
    def from_json(cls, data: dict | str) -> TradePlan:
        if isinstance(data, str):
            data = json.loads(data)
        d = dict(data)
        orders = tuple(PlannedOrder(role=o["role"], leg=o["leg"], side=OrderSide(o["side"]), type=OrderType(o["type"]),
                                    amount=Decimal(o["amount"]), price=_dec(o["price"]),
                                    reference_price=Decimal(o["reference_price"]),
                                    client_order_id=o["client_order_id"]) for o in d["orders"])
        return cls(
            signal_id=d["signal_id"], user_id=d["user_id"], symbol=d["symbol"], market_type=d["market_type"],
            side=d["side"], leverage=d["leverage"], margin_mode=d["margin_mode"], margin=Decimal(d["margin"]),
            notional=Decimal(d["notional"]), average_entry=Decimal(d["average_entry"]), orders=orders,
            dropped=tuple(DroppedOrder(**x) for x in d["dropped"]),
            take_profits=tuple(TakeProfitLevel(index=t["index"], price=Decimal(t["price"]),
                                               fraction=Decimal(t["fraction"])) for t in d["take_profits"]),
            stop_loss=_dec(d["stop_loss"]), breakeven_after_tp=d["breakeven_after_tp"],
            trailing_stop_pct=_dec(d["trailing_stop_pct"]), notes=tuple(d.get("notes", ())),
            cancel_if_tp_or_sl_before_entry=d.get("cancel_if_tp_or_sl_before_entry", True),
            # plans stored before breakeven modes existed moved to the plain average entry
            breakeven_mode=d.get("breakeven_mode", "plain"), loss_at_stop=_dec(d.get("loss_at_stop")),
            entry_timeout_ms=d.get("entry_timeout_ms"), max_active_safety=d.get("max_active_safety"),
            tp_follow_average=d.get("tp_follow_average", False), hedged=d.get("hedged", False))


def decide_leverage(signal: Signal, settings: TradingSettings, rules: MarketRules) -> int:
    if rules.market_type != "futures":
        return 1
    if settings.leverage_mode == "exact":
        leverage = settings.leverage_cap
    else:
        leverage = min(signal.leverage or settings.leverage_cap, settings.leverage_cap)
    if rules.max_leverage:
        leverage = min(leverage, rules.max_leverage)
    return max(1, leverage)


def _entry_prices(signal: Signal) -> list[Decimal] | None:
    """Limit entry prices ordered nearest-the-market first; None for a market entry."""
    prices = [p for p in signal.entries if p is not None and p > 0]
    if signal.entry_type == EntryType.MARKET or not prices:
        return None
    if signal.entry_type == EntryType.RANGE and len(prices) >= 2:
        low, high = min(prices), max(prices)
        step = (high - low) / (ZONE_LEGS - 1)
        prices = [low + step * i for i in range(ZONE_LEGS)]
    # long: buy the highest first (nearest from above); short: sell the lowest first
    return sorted(set(prices), reverse=(signal.side == Side.LONG))


def _split_fractions(weights: Iterable[Decimal]) -> list[Decimal]:
    weights = list(weights)
    total = sum(weights, ZERO)
    return [w / total for w in weights]


NO_STOP_DEFAULT_PCT = Decimal(50)  # Cornix-style default stop when the user set none: 50 % / leverage
DEFAULT_FEE_RATE = Decimal("0.001")


def taker_fee_rate(exchange, symbol: str) -> Decimal:
    """The venue's taker fee for sizing and breakeven (the conservative rate); 0.1 % when unknown."""
    rate = getattr(exchange, "taker_fee_rate", lambda s: None)(symbol)
    return rate if rate is not None and rate >= 0 else DEFAULT_FEE_RATE


def loss_at_stop(plan: TradePlan, contract_size: Decimal, fee_rate: Decimal) -> Decimal | None:
    """What the plan loses, in the quote currency, if every entry fills and the stop is hit: the
    price move plus entry and exit fees (taker rate, the conservative case)."""
    if plan.stop_loss is None:
        return None
    total = ZERO
    for order in plan.orders:
        qty = order.amount * contract_size
        total += qty * abs(order.reference_price - plan.stop_loss)
        total += qty * (order.reference_price + plan.stop_loss) * fee_rate
    return total


def plan_trade(signal: Signal, settings: TradingSettings, rules: MarketRules, *, free_balance: Decimal,
               last_price: Decimal, signal_id: int, user_id: int, fee_rate: Decimal = DEFAULT_FEE_RATE) -> TradePlan:
    """Build the plan or raise PlanRejected with a user-readable reason.

    Sizing: `fixed` margin, `percent` of the free balance, or `risk`: the margin that loses
    `size_value` % of equity (the free balance here) at the stop. Every mode is then held to
    `max_loss_at_stop_pct`: a plan that would lose more at its stop is scaled down to fit."""
    if settings.size_type == "fixed":
        margin = settings.size_value
    elif settings.size_type == "percent":
        margin = free_balance * settings.size_value / HUNDRED
    else:
        margin = free_balance  # probe at full size; rescaled below from the loss at the stop
    if free_balance < margin or margin <= 0:
        raise PlanRejected(f"free balance {free_balance} {rules.quote} is below the trade size "
                           f"{margin.quantize(Decimal('0.01'))} {rules.quote}", "insufficient_balance")
    plan = _plan_with_margin(signal, settings, rules, margin=margin, last_price=last_price, signal_id=signal_id,
                             user_id=user_id, free_balance=free_balance)
    loss = loss_at_stop(plan, rules.contract_size, fee_rate)
    extra: list[str] = []
    if settings.size_type == "risk":
        if loss is None or loss <= 0:
            raise PlanRejected("risk sizing needs a stop", "no_stop")
        target = free_balance * settings.size_value / HUNDRED
        margin = min(free_balance, margin * target / loss)
        extra.append(f"sized to lose {settings.size_value}% of equity ({target.quantize(Decimal('0.01'))} "
                     f"{rules.quote}) at the stop")
        plan = _plan_with_margin(signal, settings, rules, margin=margin, last_price=last_price,
                                 signal_id=signal_id, user_id=user_id, free_balance=free_balance)
        loss = loss_at_stop(plan, rules.contract_size, fee_rate)
    if settings.max_loss_at_stop_pct is not None and loss is not None:
        cap = free_balance * settings.max_loss_at_stop_pct / HUNDRED
        if loss > cap:
            margin = margin * cap / loss
            extra.append(f"size reduced: the loss at the stop would have been {loss.quantize(Decimal('0.01'))} "
                         f"{rules.quote}, over the {settings.max_loss_at_stop_pct}% cap "
                         f"({cap.quantize(Decimal('0.01'))} {rules.quote})")
            plan = _plan_with_margin(signal, settings, rules, margin=margin, last_price=last_price,
                                     signal_id=signal_id, user_id=user_id, free_balance=free_balance)
            loss = loss_at_stop(plan, rules.contract_size, fee_rate)
    return replace(plan, notes=plan.notes + tuple(extra), loss_at_stop=loss)


def _plan_with_margin(signal: Signal, settings: TradingSettings, rules: MarketRules, *, margin: Decimal,
                      last_price: Decimal, signal_id: int, user_id: int, free_balance: Decimal) -> TradePlan:
    long = signal.side == Side.LONG
    notes: list[str] = []
    if rules.market_type == "spot" and not long:
        raise PlanRejected("short signals cannot be traded on a spot market", "spot_short")
    if last_price is None or last_price <= 0:
        raise PlanRejected("no market price available", "no_price")
    leverage = decide_leverage(signal, settings, rules)
    wanted = leverage
    while leverage > 1 and leverage > (rules.max_leverage_for(margin * leverage) or leverage):
        leverage -= 1  # the exchange refuses a position above its tier's leverage (Binance -2027)
    if leverage < wanted:
        notes.append(f"leverage lowered from {wanted}x to {leverage}x: a {(margin * wanted).normalize()} "
                     f"{rules.quote} position is above the exchange's limit for {wanted}x")
    notional = margin * leverage
    margin_mode = signal.margin_mode.value if signal.margin_mode else ("isolated" if rules.market_type == "futures"
                                                                          else None)

    # --- entry legs (price, weight within the budget) ---
    prices = _entry_prices(signal)
    grace = settings.entry_grace_pct / HUNDRED
    entry_side = OrderSide.BUY if long else OrderSide.SELL
    legs: list[tuple[str, int, OrderType, Decimal | None, Decimal]] = []  # role, leg, type, limit, reference
    if prices is None:
        legs.append(("entry", 0, OrderType.MARKET, None, last_price))
    else:
        if settings.max_entry_distance_pct is not None:
            for price in prices:
                distance = abs(price - last_price) / last_price * HUNDRED
                if distance > settings.max_entry_distance_pct:
                    raise PlanRejected(
                        f"entry {price} is {distance.quantize(Decimal('0.1'))}% from the market price {last_price} "
                        f"{rules.quote} (your limit: {settings.max_entry_distance_pct}%)", "entry_too_far")
        for i, price in enumerate(prices):
            adjusted = price * (1 + grace) if long else price * (1 - grace)
            limit = rules.round_price(adjusted, side=entry_side, passive=True)
            if i == 0 and settings.first_entry_market:
                legs.append(("entry", 0, OrderType.MARKET, None, last_price))
            else:
                # A limit on the far side of the market (a long's above it) fills at once at about the
                # market price: size it at that price, not at the limit (which made it smaller).
                reference = min(limit, last_price) if long else max(limit, last_price)
                legs.append(("entry", i, OrderType.LIMIT, limit, reference))
    weights = [Decimal(1) / len(legs)] * len(legs)  # entries share weight 1

    if settings.dca_enabled and settings.dca_safety_orders > 0:
        deepest = legs[-1][4]
        step = settings.dca_step_pct / HUNDRED
        offset, distance = ZERO, step
        for i in range(1, settings.dca_safety_orders + 1):
            offset += distance  # 3Commas step scale: step, step x s, step x s^2 ... from the deepest entry
            distance *= settings.dca_step_scale
            raw = deepest * (1 - offset) if long else deepest * (1 + offset)
            if raw <= 0:
                notes.append(f"safety order {i} skipped: price would be non-positive")
                break
            limit = rules.round_price(raw, side=entry_side, passive=True)
            legs.append(("safety", i, OrderType.LIMIT, limit, limit))
            weights.append(settings.dca_volume_scale ** (i - 1))
    fractions = _split_fractions(weights)

    orders: list[PlannedOrder] = []
    dropped: list[DroppedOrder] = []
    for (role, leg, type_, limit, reference), fraction in zip(legs, fractions):
        raw_amount = notional * fraction / reference / rules.contract_size
        amount = rules.round_amount(raw_amount)
        problem = rules.check(amount, reference)
        if problem:
            dropped.append(DroppedOrder(role, leg, problem))
            continue
        orders.append(PlannedOrder(role, leg, entry_side, type_, amount, limit, reference,
                                   client_order_id(signal_id, user_id, role, leg)))
    if not any(o.role == "entry" for o in orders):
        reasons = "; ".join(d.reason for d in dropped if d.role == "entry")
        raise PlanRejected(f"no entry order meets the market rules ({reasons})", "market_rules")

    entry_orders = [o for o in orders if o.role == "entry"]
    planned_qty = sum((o.amount for o in entry_orders), ZERO)
    average_entry = sum((o.amount * o.reference_price for o in entry_orders), ZERO) / planned_qty
    best_entry = max(o.reference_price for o in entry_orders) if long else min(o.reference_price for o in entry_orders)
    worst_entry = min(o.reference_price for o in entry_orders) if long else max(o.reference_price for o in entry_orders)

    # --- stop ---
    stop = signal.stop_loss
    if stop is None and signal.stop_loss_pct is not None:
        # ("SL 5%", "Stop Targets: 5%"): the provider's stop, a share of the price from the average entry (Cornix's
        # reading of a percentage stop) — not the user's default, which is a loss on the margin
        pct = signal.stop_loss_pct / HUNDRED
        stop = rules.round_price(average_entry * (1 - pct) if long else average_entry * (1 + pct),
                                 side=OrderSide.SELL if long else OrderSide.BUY, passive=False)
        notes.append(f"stop from the signal: {signal.stop_loss_pct.normalize()}% {'below' if long else 'above'} the "
                     f"average entry")
    if stop is None:
        if settings.no_stop_policy == "skip":
            raise PlanRejected("the signal has no stop loss (your settings skip such signals)", "no_stop")
        if settings.no_stop_policy == "default_stop":
            # Cornix's rule: the default stop is a loss on the margin, so the price distance is it / leverage.
            base_pct = settings.default_stop_pct if settings.default_stop_pct is not None else NO_STOP_DEFAULT_PCT
            pct = base_pct / leverage / HUNDRED
            stop = rules.round_price(average_entry * (1 - pct) if long else average_entry * (1 + pct),
                                     side=OrderSide.SELL if long else OrderSide.BUY, passive=False)
            notes.append(f"no stop in the signal: default stop {base_pct}% / {leverage}x leverage "
                         f"= {(base_pct / leverage).normalize()}% from the average entry")
    if stop is not None:
        deepest_order = min(o.reference_price for o in orders) if long else max(o.reference_price for o in orders)
        if (long and stop >= worst_entry) or (not long and stop <= worst_entry):
            raise PlanRejected(f"stop {stop} is on the wrong side of the entries", "bad_stop")
        if (long and stop >= deepest_order) or (not long and stop <= deepest_order):
            kept = [o for o in orders if (o.reference_price > stop if long else o.reference_price < stop)]
            for o in orders:
                if o not in kept:
                    dropped.append(DroppedOrder(o.role, o.leg, f"price {o.reference_price} beyond the stop {stop}"))
            orders = kept

    # --- liquidation: a stop beyond the liquidation price would never be reached ---
    # at the average of every planned entry (DCA included), with the maintenance margin of the leverage
    # tier of that notional; isolated: backed by its margin; cross: by the whole free balance
    if stop is not None and rules.market_type == "futures":
        all_qty = sum((o.amount for o in orders), ZERO)
        filled_average = sum((o.amount * o.reference_price for o in orders), ZERO) / all_qty
        backing = free_balance if margin_mode == "cross" else all_qty * filled_average * rules.contract_size / leverage
        liquidation = liquidation_price(long, all_qty, filled_average, backing, rules)
        if (long and stop <= liquidation) or (not long and stop >= liquidation):
            raise PlanRejected(
                f"stop {stop} lies beyond the liquidation price {rules.round_price(liquidation)} {rules.quote} at "
                f"{leverage}x {margin_mode} (the position would be liquidated first): lower the leverage",
                "stop_beyond_liquidation")

    # --- take profits ---
    if signal.targets:
        targets = [t for t in signal.targets if (t > best_entry if long else t < best_entry)]
        if len(targets) < len(signal.targets):
            notes.append(f"{len(signal.targets) - len(targets)} target(s) on the wrong side of the entry ignored")
    else:
        targets = [rules.round_price(average_entry * (1 + p / HUNDRED) if long else average_entry * (1 - p / HUNDRED))
                   for p in settings.tp_percents]
        if targets:
            notes.append("targets from the user's take-profit percents")
    targets = sorted(targets, reverse=not long)
    split = list(settings.tp_split) or [Decimal(1)]
    if len(targets) > len(split):
        notes.append(f"only the first {len(split)} of {len(targets)} targets are used (take-profit split)")
        targets = targets[:len(split)]
    take_profits = tuple(TakeProfitLevel(i + 1, price, fraction)
                         for i, (price, fraction) in enumerate(zip(targets, _split_fractions(split[:len(targets)]))))

    # --- already too late? ---
    if settings.skip_if_tp_or_sl_hit:
        if take_profits and (last_price >= take_profits[0].price if long else last_price <= take_profits[0].price):
            raise PlanRejected(f"price {last_price} already reached TP1 {take_profits[0].price}", "tp_already_hit")
        if stop is not None and (last_price <= stop if long else last_price >= stop):
            raise PlanRejected(f"price {last_price} already reached the stop {stop}", "sl_already_hit")

    return TradePlan(
        signal_id=signal_id, user_id=user_id, symbol=rules.symbol, market_type=rules.market_type,
        side=signal.side.value, leverage=leverage, margin_mode=margin_mode, margin=margin, notional=notional,
        average_entry=average_entry, orders=tuple(orders), dropped=tuple(dropped), take_profits=take_profits,
        stop_loss=stop, breakeven_after_tp=settings.breakeven_after_tp,
        trailing_stop_pct=settings.trailing_stop_pct, notes=tuple(notes),
        cancel_if_tp_or_sl_before_entry=settings.skip_if_tp_or_sl_hit, breakeven_mode=settings.breakeven_mode,
        entry_timeout_ms=(int(settings.entry_timeout_hours * 3_600_000) if settings.entry_timeout_hours else None),
        max_active_safety=settings.dca_max_active if any(o.role == "safety" for o in orders) else None,
        tp_follow_average=any(o.role == "safety" for o in orders))
