"""Probes that reached a 500 or slipped through the node (issue 17 §11), against the real node on
loopback: each must be a clear 4xx now, and hop-by-hop headers named in Connection never travel."""

from __future__ import annotations

import httpx
import pytest
from verzek.exchange.signing import sign_request

from proxy_node.settings import NodeSettings
from tests.integration.proxy.conftest import HMAC_KEY_ID, HMAC_SECRET
from tests.integration.proxy.test_passthrough import forward, ok, raw_upstream  # noqa: F401 -- fixture

TARGET = "https://api.binance.com/api/v3/time"


def _signed(method="GET", target=TARGET, body=b""):
    return sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), method, target, body)


def _post(node, headers):
    return httpx.get(f"{node.url}/v1/forward", headers=headers, timeout=5)


def test_a_400_digit_timestamp_is_malformed_not_a_500(raw_upstream, start_node):  # noqa: F811
    node = start_node(raw_upstream(lambda raw: ok()).base_url)
    headers = {**_signed(), "X-Verzek-Timestamp": "9" * 400}
    reply = _post(node, headers)
    assert reply.status_code == 401 and reply.json()["error"] == "malformed_auth"


def test_a_non_ascii_signature_is_malformed_not_a_500(raw_upstream, start_node):  # noqa: F811
    node = start_node(raw_upstream(lambda raw: ok()).base_url)
    headers = {k: v.encode() for k, v in _signed().items()}
    headers["X-Verzek-Signature"] = b"\xe9" * 64  # 64 characters once decoded, none of them hex
    reply = httpx.get(f"{node.url}/v1/forward", headers=headers, timeout=5)
    assert reply.status_code == 401 and reply.json()["error"] == "malformed_auth"


def test_a_bracketed_host_is_a_bad_target_not_a_500(raw_upstream, start_node):  # noqa: F811
    node = start_node(raw_upstream(lambda raw: ok()).base_url)
    target = "https://[api.binance.com]/x"
    reply = _post(node, _signed(target=target))
    assert reply.status_code == 400 and reply.json()["error"] == "bad_target"


def test_headers_named_in_connection_are_not_forwarded(raw_upstream, start_node):  # noqa: F811
    upstream = raw_upstream(lambda raw: ok(extra=b"Connection: X-Upstream-Secret\r\nX-Upstream-Secret: s\r\n"))
    node = start_node(upstream.base_url)
    reply = forward(node, "GET", TARGET, headers={"Connection": "X-Internal-Token", "X-Internal-Token": "t",
                                                  "X-MBX-APIKEY": "k"})
    assert reply.status_code == 200
    sent = upstream.requests[-1].lower()
    assert b"x-internal-token" not in sent and b"x-mbx-apikey: k" in sent
    assert "x-upstream-secret" not in {k.lower() for k in reply.headers}


def test_the_node_is_production_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("VERZEK_ENV", raising=False)
    assert NodeSettings(PROXY_NODE_HMAC_KEYS=f"{HMAC_KEY_ID}:{HMAC_SECRET}").environment == "prod"
    with pytest.raises(ValueError, match="refused"):
        NodeSettings(PROXY_NODE_HMAC_KEYS=f"{HMAC_KEY_ID}:{HMAC_SECRET}",
                     PROXY_NODE_UPSTREAM_OVERRIDES="api.binance.com=http://127.0.0.1:9")
