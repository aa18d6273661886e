"""Exchange calls never follow redirects (issue 17 §8): a 302 relayed by the node towards a local
trap must not carry the API key, the exchange signature or the X-Verzek-* headers anywhere."""

from __future__ import annotations

import asyncio

import ccxt
import pytest
from verzek.exchange import create_ccxt_client

from tests.integration.proxy.conftest import API_KEY, API_SECRET, HMAC_KEY_ID, HMAC_SECRET
from tests.integration.proxy.test_passthrough import RawUpstream, ok


@pytest.fixture
def trap_and_redirecting_upstream():
    trap = RawUpstream(lambda raw: ok())
    redirect = (b"HTTP/1.1 302 Found\r\nLocation: " + trap.base_url.encode() + b"/steal\r\n"
                b"Content-Length: 0\r\n\r\n")
    upstream = RawUpstream(lambda raw: redirect)
    try:
        yield trap, upstream
    finally:
        trap.close()
        upstream.close()


@pytest.fixture
def proxied_to(start_node, settings_env):
    def configure(upstream_base: str):
        node = start_node(upstream_base)
        settings_env(PROXY_ENABLED="true", PROXY_URLS=node.url, PROXY_KEY_ID=HMAC_KEY_ID, PROXY_HMAC_KEY=HMAC_SECRET,
                     PROXY_DIRECT_FALLBACK="false")
        return node
    return configure


def test_sync_client_does_not_follow_a_redirect(trap_and_redirecting_upstream, proxied_to):
    trap, upstream = trap_and_redirecting_upstream
    proxied_to(upstream.base_url)
    client = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, market_type="spot")
    with pytest.raises(ccxt.BaseError):
        client.fetch_balance()
    assert upstream.requests, "the request reached the (redirecting) exchange"
    assert trap.requests == []


def test_async_client_does_not_follow_a_redirect(trap_and_redirecting_upstream, proxied_to):
    trap, upstream = trap_and_redirecting_upstream
    proxied_to(upstream.base_url)

    async def call():
        client = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, market_type="spot", async_=True)
        try:
            await client.fetch_balance()
        finally:
            await client.close()

    with pytest.raises(ccxt.BaseError):
        asyncio.run(call())
    assert upstream.requests and trap.requests == []


@pytest.mark.parametrize("async_", [False, True])
def test_direct_calls_do_not_follow_a_redirect_either(trap_and_redirecting_upstream, settings_env, async_):
    """Proxy off (local runs, paper prices): the same rule on ccxt's own session."""
    trap, upstream = trap_and_redirecting_upstream
    settings_env(PROXY_ENABLED="false")
    client = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, market_type="spot", async_=async_)
    client.urls["api"]["public"] = upstream.base_url + "/api/v3"
    client.urls["api"]["private"] = upstream.base_url + "/api/v3"

    async def call():
        try:
            await client.fetch_balance()
        finally:
            await client.close()

    with pytest.raises(ccxt.BaseError):
        asyncio.run(call()) if async_ else client.fetch_balance()
    assert upstream.requests, "the request reached the (redirecting) exchange"
    assert trap.requests == []
