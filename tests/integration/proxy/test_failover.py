"""Upstream failures, proxy failover, direct fallback and the exchange rate budget, end to end."""

from __future__ import annotations

import ccxt
import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from verzek.exchange import ProxyUnavailable, create_ccxt_client
from verzek.exchange.signing import node_of, sign_request

from tests.integration.proxy.conftest import (
    API_KEY,
    API_SECRET,
    HMAC_KEY_ID,
    HMAC_SECRET,
    client_settings,
    closed_port_url,
)
from tests.support.exchange_double import ServerThread

TIME_URL = "https://api.binance.com/api/v3/time"


def signed_get(node, target: str = TIME_URL) -> httpx.Response:
    headers = sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), "GET", target, b"", node=node_of(node.url))
    return httpx.get(f"{node.url}/v1/forward", headers=headers, timeout=5)


def binance(settings, **kwargs):
    return create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, settings=settings, **kwargs)


def point_binance_at(client, base_url: str) -> None:
    """Send the client's direct (non-proxied) traffic to the double (no internet here)."""
    for name, url in list(client.urls["api"].items()):
        if isinstance(url, str):
            client.urls["api"][name] = url.replace("https://api.binance.com", base_url)


@pytest.fixture
def nginx_without_node():
    """What a front proxy answers while the node behind it is stopped."""
    async def bad_gateway(request):
        return PlainTextResponse("<html>502 Bad Gateway</html>", status_code=502)

    app = Starlette(routes=[Route("/{path:path}", bad_gateway, methods=["GET", "POST", "DELETE"])])
    with ServerThread(app) as server:
        yield server


def test_upstream_slow_gives_504_and_is_not_retried_elsewhere(double, start_node):
    slow_node = start_node(double.base_url, PROXY_NODE_READ_TIMEOUT_SECONDS=0.3)
    other_node = start_node(double.base_url)
    double.slow(1.0, path_prefix="/api/v3/time")
    try:
        response = signed_get(slow_node)
        assert response.status_code == 504
        assert response.json() == {"error": "upstream_timeout", "message": response.json()["message"],
                                   "forwarded": True}
        client = binance(client_settings(slow_node.url, other_node.url))
        before = len(double.requests)
        with pytest.raises(ccxt.RequestTimeout):
            client.fetch_time()
        # The exchange may have seen it: the client must not send it again through the other node.
        assert len(double.requests) == before + 1
    finally:
        double.slow(0)


def test_upstream_down_gives_502(start_node):
    node = start_node(closed_port_url())
    response = signed_get(node)
    assert response.status_code == 502
    assert response.json()["error"] == "upstream_unreachable" and response.json()["forwarded"] is False


def test_first_proxy_down_second_used(double, module_node):
    client = binance(client_settings(closed_port_url(), module_node.url))
    before = len(double.requests)
    assert client.fetch_time() > 0
    assert len(double.requests) == before + 1


def test_front_proxy_error_page_counts_as_node_down(double, module_node, nginx_without_node):
    client = binance(client_settings(nginx_without_node.url, module_node.url))
    assert client.fetch_balance()["USDT"]["free"] == pytest.approx(1000)


def test_all_proxies_down_without_fallback_raises(double):
    client = binance(client_settings(closed_port_url(), closed_port_url(), fallback=False))
    point_binance_at(client, double.base_url)
    before = len(double.requests)
    with pytest.raises(ProxyUnavailable, match="no proxy node reachable"):
        client.fetch_time()
    assert len(double.requests) == before


def test_all_proxies_down_with_fallback_goes_direct(double):
    client = binance(client_settings(closed_port_url(), closed_port_url(), fallback=True))
    point_binance_at(client, double.base_url)
    before = len(double.requests)
    assert client.fetch_time() > 0
    assert client.fetch_balance()["USDT"]["free"] == pytest.approx(1000)   # signed by ccxt, sent directly
    arrived = double.requests[before:]
    assert [r.path for r in arrived] == ["/api/v3/time", "/api/v3/exchangeInfo", "/api/v3/account"]
    assert arrived[-1].authenticated and "x-verzek-signature" not in arrived[-1].headers


def test_async_failover_and_fallback(double, module_node):
    import asyncio

    async def scenario():
        proxied = create_ccxt_client("bybit", api_key=API_KEY, secret=API_SECRET, async_=True,
                                     settings=client_settings(closed_port_url(), module_node.url))
        down = create_ccxt_client("bybit", api_key=API_KEY, secret=API_SECRET, async_=True,
                                  settings=client_settings(closed_port_url(), fallback=False))
        try:
            balance = await proxied.fetch_balance()
            with pytest.raises(ProxyUnavailable):
                await down.fetch_time()
            return balance
        finally:
            await proxied.close()
            await down.close()

    assert asyncio.run(scenario())["USDT"]["total"] == pytest.approx(700)


def test_exchange_ban_stops_sending_and_client_moves_to_another_node(double, start_node):
    first = start_node(double.base_url)
    second = start_node(double.base_url)
    double.inject_error(418, retry_after=120, path_prefix="/api/v3/time")
    client = binance(client_settings(first.url, second.url))

    with pytest.raises(ccxt.DDoSProtection):          # the exchange's own 418, relayed as is
        client.fetch_time()
    before = len(double.requests)
    refused = signed_get(first)                      # the banned node answers at once, sends nothing
    assert refused.status_code == 429 and refused.json()["error"] == "exchange_budget"
    assert 100 <= int(refused.headers["retry-after"]) <= 120
    assert len(double.requests) == before
    assert client.fetch_time() > 0                    # another node (another egress IP) carries it
    assert len(double.requests) == before + 1
    health = httpx.get(f"{first.url}/health").json()
    assert health["budgets"]["binance-spot"]["blocked_for_seconds"] > 100


def test_used_weight_header_budget_refuses_before_the_limit(double, start_node):
    node = start_node(double.base_url)
    client = binance(client_settings(node.url))
    double.used_weight = 5800                         # of Binance's 6000 per minute; hard stop at 95%
    assert client.fetch_time() > 0                    # the answer reports 5801 used
    before = len(double.requests)
    with pytest.raises(ccxt.RateLimitExceeded, match="exchange_budget"):
        client.fetch_time()
    assert len(double.requests) == before
    double.used_weight = 0


def test_health_reports_egress_ip(double, start_node):
    async def echo(request):
        return PlainTextResponse("203.0.113.7\n")

    with ServerThread(Starlette(routes=[Route("/", echo)])) as echo_server:
        node = start_node(double.base_url, PROXY_NODE_ECHO_URL=echo_server.url + "/")
        health = httpx.get(f"{node.url}/health").json()
    assert health["status"] == "ok" and health["egress_ip"] == "203.0.113.7"


def test_one_log_line_per_request_without_secrets(double, start_node, caplog):
    from verzek.observability import logger

    node = start_node(double.base_url)
    client = binance(client_settings(node.url))
    caplog.clear()
    with caplog.at_level("INFO", logger=logger.name):
        client.fetch_balance()                         # exchangeInfo (public) + account (signed)
    # Rendered by the node's real JSON formatter, exactly as written to its log.
    lines = [logger.registered_formatter.format(r) for r in caplog.records if r.getMessage() == "proxy request"]
    assert len(lines) == 2
    line = lines[1]
    for expected in ('"key_id":"k1"', '"target_host":"api.binance.com"', '"status":200', '"upstream_ms":',
                     '"path":"/api/v3/account"'):
        assert expected in line
    for secret in ("signature", "timestamp=", API_KEY, API_SECRET, HMAC_SECRET):
        assert secret not in line
