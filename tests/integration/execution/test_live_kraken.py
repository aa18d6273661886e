"""A live Kraken Futures account (issue 13 follow-up): ccxt's real krakenfutures client → the real proxy node →
the exchange double, which checks Kraken's `Authent` signature (base64 HMAC-SHA512 of SHA-256(postData +
endpoint) with the base64-decoded secret) and serves the instruments list, the accounts read and the open
positions.

Kraken's USD perpetuals (BTC/USD:USD, where a USDT signal trades on Kraken) are margined by the
multi-collateral "flex" wallet. A wallet of 1000 USDT (Kraken values it at 999.90 USD and counts 949.91 of it
as collateral after its haircut) has an available margin of 949.91 USD: that is what an order may use. ccxt's
unified free balance in USD is the USD cash in the wallet only: 0 here."""

from __future__ import annotations

import base64
import hashlib
import json
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from verzek.execution.ccxt_adapter import CcxtExchange
from verzek.execution.monitor import run_monitor
from verzek.execution.venues import VenueProvider, wall_clock_ms

from proxy_node.app import create_app
from tests.integration.execution.test_live_path import flat_prices
from tests.integration.proxy.conftest import DOUBLE_HOSTS, HMAC_KEY_ID, HMAC_SECRET, node_settings
from tests.support.exchange_double import ExchangeDouble, ServerThread

D = Decimal
KEY = "kraken-futures-key-1"
SECRET = base64.b64encode(hashlib.sha256(b"kraken-futures-secret").digest()).decode()  # Kraken secrets are base64
USDT_WALLET = {"USDT": {"quantity": "1000", "value": "999.9", "collateral": "949.905", "available": "1000"}}


@pytest.fixture
def double(settings_env):
    with ExchangeDouble() as running:
        hosts = ",".join(f"{h}={running.base_url}" for h in (*DOUBLE_HOSTS, "futures.kraken.com"))
        with ServerThread(create_app(node_settings(running.base_url, PROXY_NODE_UPSTREAM_OVERRIDES=hosts))) as server:
            running.add_account(KEY, SECRET)
            running.kraken_flex_wallet(USDT_WALLET, "949.905")
            settings_env(PROXY_ENABLED="true", PROXY_URLS=server.url, PROXY_KEY_ID=HMAC_KEY_ID,
                         PROXY_HMAC_KEY=HMAC_SECRET, PROXY_DIRECT_FALLBACK="false",
                         VERZEK_MASTER_KEY=Fernet.generate_key().decode())
            yield running


def test_the_free_balance_is_the_flex_wallets_available_margin_in_usd(double):
    live = CcxtExchange.connect("kraken", api_key=KEY, secret=SECRET, market_type="futures")
    assert live.market_rules("BTC/USD:USD").quote == "USD"
    assert live.free_balance("USD") == D("949.905")  # not 0: USDT collateral backs USD perpetuals
    assert live.free_balance("USDT") == D("1000")    # the currency's own line, as ccxt reads it
    reads = [r for r in double.requests if r.path == "/derivatives/api/v3/accounts"]
    assert reads and all(r.authenticated for r in reads)


def test_kraken_positions_are_read_for_reconciliation(double):
    live = CcxtExchange.connect("kraken", api_key=KEY, secret=SECRET, market_type="futures")
    assert live.fetch_positions() == []
    double.kraken_position("PF_XBTUSD", "0.0166", "59000")
    double.kraken_position("PF_ETHUSD", "-0.5", "3000")
    held = {(p.symbol, p.side): (p.amount, p.entry_price, p.hedged) for p in live.fetch_positions()}
    assert held == {("BTC/USD:USD", "long"): (D("0.0166"), D(59000), False),
                    ("ETH/USD:USD", "short"): (D("0.5"), D(3000), False)}


def _kraken_long(factory, db) -> tuple[int, int, int]:
    """A live BTC/USD:USD long of 0.0166 at 59000 whose entry filled a minute ago, with nothing resting
    (Kraken's stop is watched by the monitor): (user, signal, entry fill ms). Rows written as the executor
    writes them (the double serves no Kraken order endpoints)."""
    from tests.support.accounts import insert_exchange_account

    user = factory.user()
    with db, db.cursor() as cur:
        account = insert_exchange_account(cur, user, "kraken", "main", KEY, SECRET, key_last4="ey-1")
        cur.execute("UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), exchange_account_id = %s "
                    "WHERE user_id = %s", (account, user))
    sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000"], stop_loss="58000",
                         market_type="futures", leverage=5)
    filled_ms = wall_clock_ms() - 60_000
    # its plan: the one entry, nothing else to place (no target or stop left to rest)
    plan = {"signal_id": sig, "user_id": user, "symbol": "BTC/USD:USD", "market_type": "futures", "side": "long",
            "leverage": 5, "margin_mode": "isolated", "margin": "195.88", "notional": "979.4", "average_entry": "59000",
            "orders": [{"role": "entry", "leg": 0, "side": "buy", "type": "limit", "amount": "0.0166", "price": "59000",
                        "reference_price": "59000", "client_order_id": f"vzt-kraken-entry-{user}"}],
            "dropped": [], "take_profits": [], "stop_loss": None, "breakeven_after_tp": None,
            "trailing_stop_pct": None}
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, exchange_account_id, mode, exchange, symbol, side, "
                    "market_type, leverage, status, plan, opened_at) VALUES (%s, %s, %s, 'live', 'kraken', "
                    "'BTC/USD:USD', 'long', 'futures', 5, 'open', %s, now() - interval '1 minute') RETURNING id",
                    (user, sig, account, json.dumps(plan)))
        position_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO orders (position_id, user_id, client_order_id, role, leg, side, order_type, amount, "
                    "price, status, filled, average_price, last_fill_ms, exchange_order_id, updated_at) VALUES "
                    "(%s, %s, %s, 'entry', 0, 'buy', 'limit', 0.0166, 59000, 'filled', 0.0166, 59000, %s, 'kx-1', "
                    "now() - interval '1 minute')", (position_id, user, f"vzt-kraken-entry-{user}", filled_ms))
    return user, sig, filled_ms


def test_a_kraken_position_closed_outside_verzek_is_closed_as_external_close(double, factory, db):
    """While Kraken holds the long, the pass only reads its funding (-0.05 USD from Kraken's account log);
    once the user closes it on Kraken's site, the next pass records it closed `external_close` at our last
    price 60000: 0.0166 x (60000 - 59000) = +16.6 USD."""
    user, sig, filled_ms = _kraken_long(factory, db)
    double.kraken_position("PF_XBTUSD", "0.0166", "59000")
    double.add_funding("krakenfutures", "PF_XBTUSD", "-0.05", filled_ms + 30_000)  # Kraken's account log
    venues = VenueProvider(live_prices=flat_prices("BTC/USD:USD", "60000"))
    assert run_monitor(venues)["errors"] == 0
    pos = factory.position(user, sig)
    assert (pos["status"], pos["funding"]) == ("open", D("-0.05"))
    double.kraken_position("PF_XBTUSD", "-0.0166", "60500")  # closed by hand on Kraken
    assert run_monitor(venues)["errors"] == 0
    pos = factory.position(user, sig)
    assert (pos["status"], pos["close_reason"], pos["realized_pnl"]) == ("closed", "external_close", D("16.6"))


def test_a_kraken_liquidation_is_recorded_as_a_liquidation(double, factory, db):
    """Kraken liquidates the long at 47500 (its fill of fillType `liquidation`): the position is gone from
    Kraken's open positions, and its fills say why: liquidated at 47500, 0.0166 x (47500 - 59000) = -190.9
    USD (read as an outside close before, at our last price 60000: +16.6)."""
    user, sig, _ = _kraken_long(factory, db)
    double.kraken_position("PF_XBTUSD", "0.0166", "59000")
    venues = VenueProvider(live_prices=flat_prices("BTC/USD:USD", "60000"))
    assert run_monitor(venues)["errors"] == 0
    double.liquidate("krakenfutures", "PF_XBTUSD", "SELL", "0.0166", "47500")
    assert double.position("krakenfutures", "PF_XBTUSD") == 0
    assert run_monitor(venues)["errors"] == 0
    pos = factory.position(user, sig)
    assert (pos["status"], pos["close_reason"], pos["realized_pnl"]) == ("liquidated", "liquidation", D("-190.9"))
