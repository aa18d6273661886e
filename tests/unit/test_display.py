"""Display rounding: money to its currency's step, prices/quantities to the market's steps, Decimal only."""

from decimal import Decimal as D

import pytest
from verzek import display
from verzek.execution.ports import MarketRules

BTC_PERP = MarketRules(symbol="BTC/USDT:USDT", market_type="futures", base="BTC", quote="USDT",
                       amount_step=D("0.001"), price_step=D("0.1"))
ODD_TICK = MarketRules(symbol="X/USDT", market_type="spot", base="X", quote="USDT", amount_step=D(5),
                       price_step=D("0.25"))


@pytest.mark.parametrize(("value", "currency", "shown"), [
    (D("12.345"), "USDT", "12.34 USDT"),        # half-even: the exact half goes to the even cent
    (D("12.355"), "USDT", "12.36 USDT"),
    (D("-0.004"), "USDT", "0.00 USDT"),          # never "-0.00"
    (D("0.000123456789"), "BTC", "0.00012346 BTC"),
    (D("1E+3"), "usdc", "1000.00 usdc"),
])
def test_money_carries_its_currency_and_the_currency_step(value, currency, shown):
    assert display.money(value, currency) == shown


def test_signed_money_always_shows_the_sign():
    assert display.signed_money(D("3.1"), "USDT") == "+3.10 USDT"
    assert display.signed_money(D("-3.1"), "USDT") == "-3.10 USDT"
    assert display.signed_money(D("0.001"), "USDT") == "0.00 USDT"
    assert display.signed_money(None, "USDT") == "-"


def test_prices_and_quantities_follow_the_market_steps():
    assert display.price(D("64012.37"), BTC_PERP) == "64012.4"
    assert display.price(D(64012), BTC_PERP) == "64012.0"
    assert display.quantity(D("0.0159"), BTC_PERP) == "0.015"  # quantities round down: never show more held
    assert display.price(D("1.13"), ODD_TICK) == "1.25"  # a 0.25 tick: 1.13 is nearer 1.25 than 1.00
    assert display.quantity(D(14), ODD_TICK) == "10"
    # No known market: the exact value, not padded to an invented precision.
    assert display.price(D("62500.000000"), None) == "62500"
    assert display.quantity(D("0.01500"), None) == "0.015"


def test_rules_come_from_the_recorded_markets_paper_trades_under():
    recorded = display.rules_for("BTC/USDT:USDT", "paper")  # paper: PAPER_EXCHANGE's recorded rules
    assert (recorded.price_step, recorded.amount_step) == (D("0.1"), D("0.001"))
    assert display.rules_for("BTC/USDT:USDT", "binance") == recorded
    assert display.rules_for("ETH/BTC") is None  # not recorded: shown exactly
    display.set_rules_source({"X/USDT": ODD_TICK}.get)
    try:
        assert display.rules_for("X/USDT") is ODD_TICK and display.rules_for("BTC/USDT:USDT") == recorded
    finally:
        display.set_rules_source(None)


def test_pnl_currency():
    assert [display.pnl_currency(s) for s in ("BTC/USDT:USDT", "ETH/BTC", "BTC/USD:BTC", "??")] == [
        "USDT", "BTC", "BTC", "?"]
