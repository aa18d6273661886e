"""Requests the node must refuse with a clear 4xx, forwarding nothing to the exchange."""

from __future__ import annotations

import time

import ccxt
import httpx
import pytest
from verzek.exchange import ProxyRefused, create_ccxt_client
from verzek.exchange.signing import sign_request

from tests.integration.proxy.conftest import API_KEY, API_SECRET, HMAC_KEY_ID, HMAC_SECRET, client_settings

TIME_URL = "https://api.binance.com/api/v3/time"


NODE_HOST = "node.test"  # the Host these tests address the node by (its signature covers it)


def signed(target: str, method: str = "GET", body: bytes = b"", *, key_id: str = HMAC_KEY_ID,
           secret: str = HMAC_SECRET, **kwargs) -> dict:
    return sign_request(key_id, secret.encode(), method, target, body, node=NODE_HOST, **kwargs)


def send(node, method: str, headers: dict, body: bytes = b"") -> httpx.Response:
    return httpx.request(method, f"{node.url}/v1/forward", headers={"Host": NODE_HOST, **headers}, content=body,
                         timeout=5)


def assert_refused(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"] == code and response.json()["message"]
    assert response.headers["x-verzek-proxy-error"] == code
    assert response.headers["x-verzek-forwarded"] == "0"


def test_signed_request_is_forwarded(double, module_node):
    before = len(double.requests)
    response = send(module_node, "GET", signed(TIME_URL))
    assert response.status_code == 200 and "serverTime" in response.json()
    assert float(response.headers["x-verzek-upstream-ms"]) >= 0
    assert len(double.requests) == before + 1


@pytest.mark.parametrize(("case", "status", "code"), [
    ("wrong_hmac", 401, "bad_signature"),
    ("expired_timestamp", 401, "stale_timestamp"),
    ("future_timestamp", 401, "stale_timestamp"),
    ("unknown_key_id", 401, "unknown_key"),
    ("unsigned", 401, "missing_auth"),
    ("tampered_target", 401, "bad_signature"),
    ("host_not_allowed", 403, "target_not_allowed"),
    ("loopback_target", 403, "target_not_allowed"),
    ("plain_http_exchange", 403, "target_not_allowed"),
    ("userinfo_trick", 403, "target_not_allowed"),
    ("odd_port", 403, "target_not_allowed"),
    ("lookalike_host", 403, "target_not_allowed"),
    ("oversized_body", 413, "body_too_large"),
])
def test_refused_and_nothing_forwarded(double, module_node, case, status, code):
    now_ms = int(time.time() * 1000)
    body = b""
    method = "GET"
    if case == "wrong_hmac":
        headers = signed(TIME_URL, secret="another-secret-of-sufficient-length-000")
    elif case == "expired_timestamp":
        headers = signed(TIME_URL, timestamp_ms=now_ms - 120_000)
    elif case == "future_timestamp":
        headers = signed(TIME_URL, timestamp_ms=now_ms + 120_000)
    elif case == "unknown_key_id":
        headers = signed(TIME_URL, key_id="k9")
    elif case == "unsigned":
        headers = {"X-Verzek-Target": TIME_URL}
    elif case == "tampered_target":
        headers = signed(TIME_URL)
        headers["X-Verzek-Target"] = "https://api.binance.com/api/v3/account"
    elif case == "host_not_allowed":
        headers = signed("https://example.com/api/v3/time")
    elif case == "loopback_target":
        headers = signed(f"{double.base_url}/api/v3/time")   # the double itself, asked for directly
    elif case == "plain_http_exchange":
        headers = signed("http://api.binance.com/api/v3/time")
    elif case == "userinfo_trick":
        headers = signed("https://api.binance.com@127.0.0.1/api/v3/time")
    elif case == "odd_port":
        headers = signed("https://api.binance.com:8443/api/v3/time")
    elif case == "lookalike_host":
        headers = signed("https://api.binance.com.evil.example/api/v3/time")
    else:
        method, body = "POST", b"x" * (65536 + 1)
        headers = signed("https://api.binance.com/api/v3/order", "POST", body)
    before = len(double.requests)
    assert_refused(send(module_node, method, headers, body), status, code)
    assert len(double.requests) == before


def test_replayed_nonce_is_refused(double, module_node):
    headers = signed(TIME_URL)
    before = len(double.requests)
    assert send(module_node, "GET", headers).status_code == 200
    assert_refused(send(module_node, "GET", headers), 401, "replayed_nonce")
    assert len(double.requests) == before + 1


def test_body_is_covered_by_the_signature(double, module_node):
    headers = signed("https://api.binance.com/api/v3/order", "POST", b"symbol=BTCUSDT&quantity=1")
    before = len(double.requests)
    assert_refused(send(module_node, "POST", headers, b"symbol=BTCUSDT&quantity=9"), 401, "bad_signature")
    assert len(double.requests) == before


def test_per_key_rate_limit(double, start_node):
    node = start_node(double.base_url, PROXY_NODE_KEY_RATE_PER_SECOND=0.5, PROXY_NODE_KEY_RATE_BURST=2)
    assert [send(node, "GET", signed(TIME_URL)).status_code for _ in range(2)] == [200, 200]
    before = len(double.requests)
    refused = send(node, "GET", signed(TIME_URL))
    assert_refused(refused, 429, "key_rate_limited")
    assert int(refused.headers["retry-after"]) >= 1
    assert len(double.requests) == before


def test_ccxt_client_with_wrong_proxy_key_gets_proxy_refused(double, module_node):
    settings = client_settings(module_node.url, hmac_secret="wrong-secret-wrong-secret-wrong-secret")
    client = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, settings=settings)
    before = len(double.requests)
    with pytest.raises(ProxyRefused, match="bad_signature") as caught:
        client.fetch_time()
    assert isinstance(caught.value, ccxt.ExchangeNotAvailable)
    assert HMAC_SECRET not in str(caught.value) and API_SECRET not in str(caught.value)
    assert len(double.requests) == before
