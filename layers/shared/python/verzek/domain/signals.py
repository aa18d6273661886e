"""The one signal type every source is parsed into, and the parser's richer message result.

`ParsedMessage` is what the VIP text parser returns for any Telegram text (open / update / close /
not a signal). `Signal` is the unit of ingest: a tradable setup from any source (VIP or a house
strategy) that is stored, broadcast and fanned out to users. Prices are `Decimal`, exactly as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class MessageKind(StrEnum):
    OPEN = "open"
    UPDATE = "update"
    CLOSE = "close"
    NOT_A_SIGNAL = "not_a_signal"


class Side(StrEnum):
    LONG = "long"
    SHORT = "short"


class MarketType(StrEnum):
    SPOT = "spot"
    FUTURES = "futures"


class EntryType(StrEnum):
    LIMIT = "limit"
    MARKET = "market"
    RANGE = "range"


class MarginMode(StrEnum):
    CROSS = "cross"
    ISOLATED = "isolated"


class UpdateAction(StrEnum):
    TP_HIT = "tp_hit"
    SL_HIT = "sl_hit"
    MOVE_SL_BREAKEVEN = "move_sl_breakeven"
    NEW_STOP = "new_stop"
    ADD_ENTRY = "add_entry"
    CANCEL_ENTRY = "cancel_entry"
    ENTRY_FILLED = "entry_filled"
    PARTIAL_CLOSE = "partial_close"
    OTHER = "other"


class SignalSource(StrEnum):
    VIP = "vip"
    SCALPING = "scalping"
    TREND = "trend"
    QFL = "qfl"
    ML = "ml"


HOUSE_SOURCES = (SignalSource.SCALPING, SignalSource.TREND, SignalSource.QFL, SignalSource.ML)


def unified_symbol(base_quote: str, market: MarketType | None) -> str:
    """ccxt unified symbol: `BTC/USDT` for spot, `BTC/USDT:USDT` for linear futures."""
    if market == MarketType.FUTURES and ":" not in base_quote:
        quote = base_quote.split("/")[1]
        return f"{base_quote}:{quote}"
    return base_quote


@dataclass(frozen=True)
class ParsedMessage:
    """Parser output for one message. Non-`open` kinds fill only kind, symbol, side (+ update fields)."""

    kind: MessageKind
    symbol: str | None = None  # BASE/QUOTE
    side: Side | None = None
    market: MarketType | None = None
    leverage: int | None = None
    margin_mode: MarginMode | None = None
    entries: tuple[Decimal, ...] = ()
    entry_type: EntryType | None = None
    targets: tuple[Decimal, ...] = ()
    stop_loss: Decimal | None = None
    stop_loss_pct: Decimal | None = None  # a stop stated only as a percentage
    # update / close details
    update_action: UpdateAction | None = None
    target_index: int | None = None  # 1-based TP number for tp_hit
    new_stop: Decimal | None = None
    # a partial close's share of the open position (0 < f < 1: "close half" 0.5, "take 30% off" 0.3); None when the
    # post gives no amount ("take some profit")
    close_fraction: Decimal | None = None
    # the stop moved onto one of the trade's targets ("SL to TP1"): its 1-based number — the price is the signal's
    stop_at_target: int | None = None
    # a new stop whose comma reads two ways ("SL to 2,312": 2312 or 2.312): both, for the signal's levels to choose from
    stop_readings: tuple[Decimal, ...] = ()
    # a `close` that names several coins in one command ("Close both #ETH and #SOL"): the further ones, BASE/QUOTE, each
    # closed like `symbol` (the ingest links each by its symbol); an `update` making one change on every coin it lists
    # ("BTC and ETH: move stops to entry") has no `symbol` of its own and lists them all here
    also_symbols: tuple[str, ...] = ()
    # further changes an `update` orders beside its `update_action` ("TP1 ✅ take half, SL to entry": a partial close and
    # the stop to breakeven); the ingest applies each as an event of its own
    also_actions: tuple[UpdateAction, ...] = ()
    # the share of the open position the provider closes on a partial close (update_action or also_actions PARTIAL_CLOSE),
    # 0 < f < 1, as the post writes it ("50%" -> 0.5, "1/3" -> 0.3333, "half" -> 0.5, "a quarter" -> 0.25); None when
    # the post gives no amount ("take some profit", "most of it") or gives two different ones
    close_fraction: Decimal | None = None
    # why an `open` must not be traded (None = tradable), or why a message is not a signal
    rejected: str | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()
    # where each field of an `open` came from: (field, label or rule) pairs; "weak:" rules hold the open for review
    provenance: tuple[tuple[str, str], ...] = ()

    @property
    def tradable(self) -> bool:
        return self.kind == MessageKind.OPEN and self.rejected is None

    def to_expected_dict(self) -> dict:
        """The dev set's `expected` shape (numbers as floats/ints for JSON)."""

        def num(d: Decimal | None):
            if d is None:
                return None
            return int(d) if d == d.to_integral_value() else float(d)

        return {
            "kind": self.kind.value,
            "symbol": self.symbol,
            "side": self.side.value if self.side else None,
            "market": self.market.value if self.market else None,
            "leverage": self.leverage,
            "entries": [num(e) for e in self.entries],
            "entry_type": self.entry_type.value if self.entry_type else None,
            "targets": [num(t) for t in self.targets],
            "stop_loss": num(self.stop_loss),
        }


@dataclass(frozen=True)
class Signal:
    """A tradable setup from any source, the unit of ingest (stored once, broadcast, fanned out).

    VIP signals are identified by (provider_chat_id, provider_message_id); house signals by
    (source, external_id). Exactly one of the two identities is set.
    """

    source: SignalSource
    symbol: str  # ccxt unified symbol (BTC/USDT or BTC/USDT:USDT)
    side: Side
    entry_type: EntryType
    entries: tuple[Decimal, ...]
    targets: tuple[Decimal, ...]
    stop_loss: Decimal | None
    market: MarketType | None = None
    leverage: int | None = None
    margin_mode: MarginMode | None = None
    confidence: Decimal | None = None
    # a stop written only as a share of the price ("SL 5%"): placed that far from the average entry when stop_loss is None
    stop_loss_pct: Decimal | None = None
    raw_text: str | None = None
    provider_chat_id: int | None = None
    provider_message_id: int | None = None
    external_id: str | None = None
    posted_at: datetime | None = None  # when the source produced it (UTC)
    stale: bool = False
    rejected: str | None = None  # stored for the record, never traded
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        vip_identity = self.provider_chat_id is not None and self.provider_message_id is not None
        if vip_identity == (self.external_id is not None):
            raise ValueError("a signal needs exactly one identity: provider chat+message id, or external_id")
