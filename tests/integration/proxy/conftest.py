"""Real parts on loopback: the exchange double, proxy nodes (uvicorn threads) and client settings."""

from __future__ import annotations

import socket

import pytest
from verzek.config import Settings

from proxy_node.app import create_app
from proxy_node.settings import NodeSettings
from tests.support.exchange_double import ExchangeDouble, ServerThread

HMAC_KEY_ID = "k1"
HMAC_SECRET = "test-proxy-secret-0123456789abcdef-0123"
API_KEY = "user-api-key-1"
API_SECRET = "user-api-secret-1"
# The hosts ccxt's binance (spot + USD-M) and bybit clients call; the node sends them to the double.
DOUBLE_HOSTS = ("api.binance.com", "fapi.binance.com", "api.bybit.com")


@pytest.fixture(scope="module")
def double():
    with ExchangeDouble() as running:
        running.add_account(API_KEY, API_SECRET)
        running.set_balance("binance", "spot", "USDT", "1000")
        running.set_balance("binance", "linear", "USDT", "500")
        running.set_balance("bybit", "unified", "USDT", "700")
        yield running


def node_settings(upstream_base: str, **overrides) -> NodeSettings:
    values = {
        "VERZEK_ENV": "test",
        "PROXY_NODE_HMAC_KEYS": f"{HMAC_KEY_ID}:{HMAC_SECRET}",
        "PROXY_NODE_UPSTREAM_OVERRIDES": ",".join(f"{h}={upstream_base}" for h in DOUBLE_HOSTS),
        "PROXY_NODE_READ_TIMEOUT_SECONDS": 2.0,
        "PROXY_NODE_CONNECT_TIMEOUT_SECONDS": 1.0,
    }
    values.update(overrides)
    return NodeSettings(**values)


@pytest.fixture
def start_node():
    """start_node(upstream_base, **settings) -> running ServerThread; all stopped at teardown."""
    running: list[ServerThread] = []

    def start(upstream_base: str, **overrides) -> ServerThread:
        server = ServerThread(create_app(node_settings(upstream_base, **overrides))).start()
        running.append(server)
        return server

    yield start
    for server in running:
        server.stop()


@pytest.fixture(scope="module")
def module_node(double):
    with ServerThread(create_app(node_settings(double.base_url))) as server:
        yield server


def client_settings(*proxy_urls: str, fallback: bool = False, hmac_secret: str = HMAC_SECRET, **extra) -> Settings:
    return Settings(PROXY_ENABLED=True, PROXY_URLS=",".join(proxy_urls), PROXY_KEY_ID=HMAC_KEY_ID,
                    PROXY_HMAC_KEY=hmac_secret, PROXY_DIRECT_FALLBACK=fallback, **extra)


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
