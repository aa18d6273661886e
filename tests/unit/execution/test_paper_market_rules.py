"""Issue 13 item 8: paper trades under the exchange's recorded market rules (Binance, ccxt's layout,
`verzek/execution/recorded/binance.json`), so it refuses what the exchange would refuse."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import OrderRejected, OrderRequest, OrderSide, OrderType
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN


def _paper(symbol, price=100000):
    rows = [[T0 + i * MIN, price, price, price, price, 1] for i in range(3)]
    return PaperExchange(RecordedPrices().add(symbol, "1m", rows), ManualClock(T0 + MIN),
                         balances={"USDT": D(10_000_000)}, taker_fee=D(0), maker_fee=D(0))


def _order(symbol, amount, price=None, reduce_only=False, cid="o"):
    return OrderRequest(cid, symbol, OrderSide.BUY, OrderType.LIMIT if price else OrderType.MARKET, D(amount),
                        price=D(price) if price else None, reduce_only=reduce_only)


@pytest.mark.parametrize(("symbol", "amount", "price", "why"), [
    ("BTC/USDT:USDT", "0.0015", None, "not a multiple of the step 0.001"),   # Binance -1111
    ("BTC/USDT:USDT", "0.002", "99999.95", "not a multiple of the tick 0.1"),
    ("BTC/USDT:USDT", "0.0009", None, "not a multiple of the step"),
    ("BTC/USDT:USDT", "0.000", None, None),  # (an amount of 0 cannot be requested at all)
    ("BTC/USDT:USDT", "0.001", "90000", "below the market minimum 100 USDT"),  # 90 USDT: the minimum is 100
    ("BTC/USDT", "0.00004", None, "below the market minimum 5 USDT"),  # spot: 4 USDT < 5
])
def test_orders_off_the_recorded_rules_are_refused(symbol, amount, price, why):
    if why is None:
        with pytest.raises(ValueError):
            _order(symbol, amount)
        return
    with pytest.raises(OrderRejected) as refused:
        _paper(symbol).create_order(_order(symbol, amount, price))
    assert why in refused.value.reason and refused.value.kind == "invalid_order"


def test_orders_on_the_rules_are_accepted_and_reduce_only_futures_are_exempt_from_the_notional_minimum():
    paper = _paper("BTC/USDT:USDT")
    assert paper.create_order(_order("BTC/USDT:USDT", "0.002", "99999.9")).status.value == "open"  # 200 USDT
    # a reduce-only 0.001 BTC (100 USDT is the minimum for opening orders only, as on Binance)
    exit_order = OrderRequest("x", "BTC/USDT:USDT", OrderSide.SELL, OrderType.LIMIT, D("0.001"), price=D(110000),
                              reduce_only=True)
    assert paper.create_order(exit_order).status.value == "open"
    assert paper.market_rules("BTC/USDT:USDT").min_notional == D(100)
    assert paper.market_rules("ETH/BTC").min_notional == 0  # not recorded: permissive


def test_leverage_above_the_market_maximum_and_positions_above_the_tier_are_refused():
    sol = _paper("SOL/USDT:USDT", price=100)
    with pytest.raises(OrderRejected, match="above the market's maximum 75x"):
        sol.set_leverage("SOL/USDT:USDT", 76, "isolated")  # Binance -4028
    paper = _paper("BTC/USDT:USDT")
    paper.set_leverage("BTC/USDT:USDT", 125, "isolated")
    # 125x is allowed below 50,000 USDT of position (bracket 1): 0.4 BTC at 100000 is fine, 0.6 is not (-2027)
    assert paper.create_order(_order("BTC/USDT:USDT", "0.4", "100000")).status.value == "open"
    with pytest.raises(OrderRejected, match="above the maximum for 125x leverage"):
        paper.create_order(_order("BTC/USDT:USDT", "0.2", "100000", cid="more"))  # 0.4 resting + 0.2 = 60,000
