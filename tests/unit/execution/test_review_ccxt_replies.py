"""Review: exchange replies parsed by the ccxt adapter are validated. A NaN/infinite/negative
amount, fill or price (or an unknown side) must not become an order state: PostgreSQL stores NaN
in NUMERIC and `LEAST(amount, GREATEST(filled, NaN))` would mark the order fully filled."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.execution.ccxt_adapter import CcxtExchange
from verzek.execution.ports import OrderStatus, OutcomeUnknown

GOOD = {"id": "42", "clientOrderId": "vzt-1", "status": "open", "side": "buy", "type": "limit", "amount": 0.5,
        "filled": 0.1, "average": 2900.0, "price": 2900.0, "fee": {"cost": 0.29, "currency": "USDT"},
        "timestamp": 1_700_000_000_000}


class _Client:
    """The few ccxt attributes the adapter reads, answering one canned order reply."""

    id = "binance"
    precisionMode = 4

    def __init__(self, reply: dict) -> None:
        self.reply = reply
        self.markets = {"ETH/USDT": {"symbol": "ETH/USDT", "base": "ETH", "quote": "USDT", "spot": True}}

    def market(self, symbol):
        return self.markets[symbol]

    def fetch_order(self, order_id, symbol, params=None):
        return dict(self.reply)


def test_a_sane_reply_is_parsed():
    state = CcxtExchange(_Client(GOOD), market_type="spot").fetch_order("ETH/USDT", "vzt-1")
    assert state.status == OrderStatus.OPEN and state.filled == Decimal("0.1") and state.fee == Decimal("0.29")


@pytest.mark.parametrize(("field", "value"), [
    ("filled", float("nan")), ("filled", "NaN"), ("filled", float("inf")), ("filled", -0.1),
    ("amount", float("nan")), ("amount", -1), ("average", float("nan")), ("average", -2900.0),
    ("price", float("inf")), ("side", "sideways"), ("filled", "abc"),
])
def test_an_absurd_reply_is_an_unknown_outcome_not_a_state(field, value):
    live = CcxtExchange(_Client({**GOOD, field: value}), market_type="spot")
    with pytest.raises(OutcomeUnknown) as caught:
        live.fetch_order("ETH/USDT", "vzt-1")
    assert field in caught.value.reason


def test_a_nan_fee_is_refused():
    live = CcxtExchange(_Client({**GOOD, "fee": {"cost": float("nan"), "currency": "USDT"}}), market_type="spot")
    with pytest.raises(OutcomeUnknown):
        live.fetch_order("ETH/USDT", "vzt-1")
