"""The PnL summary of a live account: balance and equity read from the user's exchange through the exchange
port (ccxt's real clients -> the real proxy node -> the exchange double), per currency, next to the PnL of the
positions; a balance that cannot be read is named, never guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.accounts.positions import BalanceReader, pnl_summary
from verzek.execution.venues import VenueProvider

from tests.integration.execution.test_live_path import fresh_double  # noqa: F401 -- the fixture
from tests.integration.proxy.conftest import API_KEY, API_SECRET

D = Decimal


def _live_user(factory, db, exchange: str) -> int:
    from tests.support.accounts import insert_exchange_account

    user = factory.user()
    with db, db.cursor() as cur:
        account = insert_exchange_account(cur, user, exchange, "main", API_KEY, API_SECRET, key_last4="ey-1")
        cur.execute("UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), exchange_account_id = %s "
                    "WHERE user_id = %s", (account, user))
    sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000"], stop_loss="58000",
                         market_type="futures", leverage=5)
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, exchange_account_id, mode, exchange, symbol, side, "
                    "market_type, leverage, status, entry_price, amount, filled_amount, cost, unrealized_pnl, fees, "
                    "funding, opened_at) VALUES (%s, %s, %s, 'live', %s, 'BTC/USDT:USDT', 'long', 'futures', 5, "
                    "'open', 60000, 0.004, 0.004, 240, -12.5, 0.12, -0.03, now())", (user, sig, account, exchange))
    return user


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
def test_live_balance_and_equity_come_from_the_exchange(fresh_double, factory, db, exchange):
    double = fresh_double
    user = _live_user(factory, db, exchange)
    if exchange == "binance":  # USD-M reports the wallet and the margin balance (wallet + unrealised PnL)
        double.set_balance("binance", "linear", "USDT", "5000")
        double.set_unrealized("binance", "linear", "USDT", "-12.5")
    else:  # Bybit's unified wallet: the summary adds the open positions' unrealised PnL itself
        double.set_balance("bybit", "unified", "USDT", "5000")
    summary = pnl_summary(db, user, balances=BalanceReader(VenueProvider()))
    assert summary["currencies"] == [{
        "mode": "live", "currency": "USDT", "open_positions": 1, "closed_positions": 0, "balance": D(5000),
        "equity": D("4987.5"), "balance_error": None, "realized_pnl": D(0), "fees": D("0.12"), "funding": D("-0.03"),
        "net_realized_pnl": D("-0.15"), "unrealized_pnl": D("-12.5")}]


def test_a_balance_the_exchange_does_not_give_is_named_not_guessed(fresh_double, factory, db):
    user = _live_user(factory, db, "binance")
    with db, db.cursor() as cur:
        cur.execute("UPDATE exchange_accounts SET enabled = false WHERE user_id = %s", (user,))
    [entry] = pnl_summary(db, user, balances=BalanceReader(VenueProvider()))["currencies"]
    assert entry["balance"] is None and entry["equity"] is None
    assert entry["balance_error"] == "balance not read from the exchange: your exchange account is disabled"
    assert entry["net_realized_pnl"] == D("-0.15")  # the PnL of the positions is still there
    # An admin's read never decrypts the user's keys: no exchange call at all.
    [entry] = pnl_summary(db, user, balances=BalanceReader(live=False))["currencies"]
    assert entry["balance_error"] == "the live balance is shown to the account owner only"


def test_a_balance_with_one_wallet_unread_is_not_shown_as_the_whole(fresh_double, factory, db):
    # futures read fine (5000 USDT); the spot wallet's read fails: the sum would be a part shown as the whole
    from verzek.execution.ports import RequestNotSent

    class SpotDown(VenueProvider):
        def venue(self, cur, *, market_type, **kwargs):
            if market_type == "spot":
                raise RequestNotSent("no proxy node reachable")
            return super().venue(cur, market_type=market_type, **kwargs)

    double = fresh_double
    user = _live_user(factory, db, "binance")
    double.set_balance("binance", "linear", "USDT", "5000")
    sig = factory.signal("ETH/USDT", "long", entries=["3000"], targets=["3100"], stop_loss="2900")
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, exchange_account_id, mode, exchange, symbol, side, "
                    "market_type, status, amount, filled_amount, cost, closed_at) SELECT %s, %s, exchange_account_id, 'live', "
                    "'binance', 'ETH/USDT', 'long', 'spot', 'closed', 0.1, 0.1, 300, now() FROM trading_settings "
                    "WHERE user_id = %s", (user, sig, user))
    [entry] = pnl_summary(db, user, balances=BalanceReader(SpotDown()))["currencies"]
    assert entry["balance"] is None and entry["equity"] is None
    assert entry["balance_error"] == "balance not read from the exchange: no proxy node reachable"
