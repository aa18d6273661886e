"""The live trading path follows the account's stored proxy node: two real nodes, the account's
assignment pinned to the second one, a live trade through ccxt's real signing — every request of
the trade leaves through that node; the first node carries none."""

from __future__ import annotations

import httpx
from cryptography.fernet import Fernet
from verzek.domain.jobs import ExecuteSignalJob
from verzek.exchange.signing import node_of
from verzek.execution.executor import Executor
from verzek.execution.venues import VenueProvider

from proxy_node.app import create_app
from tests.integration.execution.test_live_path import NO_WAIT, flat_prices
from tests.integration.proxy.conftest import API_KEY, API_SECRET, HMAC_KEY_ID, HMAC_SECRET, node_settings
from tests.support.accounts import insert_exchange_account
from tests.support.exchange_double import ExchangeDouble, ServerThread


def test_a_live_trade_leaves_through_the_accounts_stored_node(factory, db, settings_env):
    with ExchangeDouble() as double, ServerThread(create_app(node_settings(double.base_url))) as first, \
            ServerThread(create_app(node_settings(double.base_url))) as second:
        double.add_account(API_KEY, API_SECRET)
        double.set_balance("binance", "linear", "USDT", "5000")
        settings_env(PROXY_ENABLED="true", PROXY_URLS=f"{first.url},{second.url}",
                     PROXY_PUBLIC_IPS="203.0.113.1,203.0.113.2", PROXY_KEY_ID=HMAC_KEY_ID,
                     PROXY_HMAC_KEY=HMAC_SECRET, PROXY_DIRECT_FALLBACK="false",
                     VERZEK_MASTER_KEY=Fernet.generate_key().decode())
        user = factory.user()
        with db, db.cursor() as cur:
            account = insert_exchange_account(cur, user, "binance", "main", API_KEY, API_SECRET, key_last4="ey-1")
            cur.execute("UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), "
                        "exchange_account_id = %s, size_value = 50, leverage_cap = 10 WHERE user_id = %s",
                        (account, user))
            # Listed first in PROXY_URLS, the first node would be tried first without the assignment.
            cur.execute("INSERT INTO proxy_assignments (exchange_account_id, node) VALUES (%s, %s)",
                        (account, node_of(second.url)))
        sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000"], stop_loss="58000",
                             market_type="futures", leverage=5)
        venues = VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000"))
        assert Executor(venues, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"

        assert httpx.get(f"{first.url}/health").json()["budgets"] == {}
        used = httpx.get(f"{second.url}/health").json()["budgets"]["binance-usdm"]["used"]
        assert used > 0 and any(o.status == "open" for o in double.orders)
