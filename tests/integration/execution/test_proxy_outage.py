"""A proxy outage never cancels a trade: when no node can be reached, a deployed stage does not go
direct (an IP-restricted key would refuse and the trade would be recorded as an account error); the
job fails transiently, so the queue redelivers it once a node is back."""

from __future__ import annotations

import socket

import pytest
from cryptography.fernet import Fernet
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor
from verzek.execution.orders import RetryPolicy, TransientJobError
from verzek.execution.venues import VenueProvider

from tests.integration.execution.test_live_path import flat_prices
from tests.integration.proxy.conftest import API_KEY, API_SECRET, HMAC_KEY_ID, HMAC_SECRET


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again on exit: connections are refused


@pytest.mark.parametrize("environment", ["dev", "prod"])
def test_every_node_down_is_a_retry_not_an_account_error(factory, db, settings_env, environment):
    from verzek.config import get_settings

    from tests.support.accounts import insert_exchange_account

    settings_env(VERZEK_ENV=environment, PROXY_ENABLED="true", PROXY_DIRECT_FALLBACK=None,
                 PROXY_URLS=f"http://127.0.0.1:{_closed_port()},http://127.0.0.1:{_closed_port()}",
                 PROXY_KEY_ID=HMAC_KEY_ID, PROXY_HMAC_KEY=HMAC_SECRET, VERZEK_MASTER_KEY=Fernet.generate_key().decode())
    assert get_settings().direct_fallback_enabled() is False
    user = factory.user()
    with db, db.cursor() as cur:
        account = insert_exchange_account(cur, user, 'binance', 'main', API_KEY, API_SECRET, key_last4='ey-1')
        cur.execute("UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), exchange_account_id = %s, "
                    "size_value = 50, leverage_cap = 10 WHERE user_id = %s", (account, user))
    sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000"], stop_loss="58000",
                         market_type="futures", leverage=5)
    executor = Executor(VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000")), RetryPolicy(sleep=lambda s: None))
    with pytest.raises(TransientJobError):
        executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user))
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM positions WHERE user_id = %s", (user,))
        assert cur.fetchone()["n"] == 0  # nothing recorded as failed: the redelivery starts clean


def test_local_runs_keep_the_direct_fallback_by_default(settings_env):
    from verzek.config import get_settings

    settings_env(VERZEK_ENV="local", PROXY_DIRECT_FALLBACK=None)
    assert get_settings().direct_fallback_enabled() is True
    settings_env(VERZEK_ENV="prod", PROXY_DIRECT_FALLBACK="true")
    assert get_settings().direct_fallback_enabled() is True
