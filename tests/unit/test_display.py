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
    assert display.rules_for("PEPE/USDT:USDT", "bybit") is None  # paper's conservative rules have no steps
    assert not hasattr(display, "set_rules_source")  # the unkeyed process-wide hook is gone


def test_each_position_rounds_to_its_own_exchanges_steps(settings_env):
    # BTC/USDT spot: Binance ticks 0.01, Bybit 0.1; quantities: Binance 0.00001, Bybit 0.000001 (recorded)
    assert display.price(D("64012.37"), display.rules_for("BTC/USDT", "binance")) == "64012.37"
    assert display.price(D("64012.37"), display.rules_for("BTC/USDT", "bybit")) == "64012.4"
    assert display.quantity(D("0.0123456"), display.rules_for("BTC/USDT", "binance")) == "0.01234"
    assert display.quantity(D("0.0123456"), display.rules_for("BTC/USDT", "bybit")) == "0.012345"
    # ADA/USDT: Kraken quotes 6 decimals, Phemex 4; Kraken Futures' BTC/USD:USD trades on a 1 USD tick
    assert display.price(D("0.4567891"), display.rules_for("ADA/USDT", "kraken")) == "0.456789"
    assert display.price(D("0.4567891"), display.rules_for("ADA/USDT", "phemex")) == "0.4568"
    assert display.price(D("64012.37"), display.rules_for("BTC/USD:USD", "kraken")) == "64012"
    # a paper position follows PAPER_EXCHANGE: the exchange paper traded it under
    settings_env(PAPER_EXCHANGE="bybit")
    assert display.price(D("64012.37"), display.rules_for("BTC/USDT", "paper")) == "64012.4"
    settings_env(PAPER_EXCHANGE="kraken")
    assert display.price(D("0.4567891"), display.rules_for("ADA/USDT", None)) == "0.456789"  # a signal: no exchange


def test_telegram_positions_render_with_the_positions_exchange():
    from verzek.telegram.userbot import render_position

    row = {"id": 7, "symbol": "ETH/USDT:USDT", "side": "long", "leverage": 5, "status": "open", "mode": "live",
           "market_type": "futures", "entry_price": D("3012.3456"), "filled_amount": D("0.0159"),
           "stop_loss": D("2900.004"), "currency": "USDT", "unrealized_pnl": D("1.234"),
           "net_realized_pnl": D(0), "fees": D("0.1"), "funding": None}
    # Bybit ETH/USDT:USDT: tick 0.01, quantity step 0.01; Binance: tick 0.01, step 0.001
    assert "entry 3012.35 · qty 0.01 · stop 2900.00" in render_position({**row, "exchange": "bybit"})
    assert "entry 3012.35 · qty 0.015 · stop 2900.00" in render_position({**row, "exchange": "binance"})


def test_pnl_currency():
    assert [display.pnl_currency(s) for s in ("BTC/USDT:USDT", "ETH/BTC", "BTC/USD:BTC", "??")] == [
        "USDT", "BTC", "BTC", "?"]
