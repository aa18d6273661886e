"""Probes that reached a 500 or slipped through the node (issue 17 §11), against the real node on
loopback: each must be a clear 4xx now, and hop-by-hop headers named in Connection never travel."""

from __future__ import annotations

import httpx
import pytest
from verzek.exchange.signing import node_of, sign_request

from proxy_node.settings import NodeSettings
from tests.integration.proxy.conftest import HMAC_KEY_ID, HMAC_SECRET
from tests.integration.proxy.test_passthrough import forward, ok, raw_upstream  # noqa: F401 -- fixture

TARGET = "https://api.binance.com/api/v3/time"


def _signed(node, method="GET", target=TARGET, body=b"", headers=None):
    return sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), method, target, body, node=node_of(node.url),
                        headers=headers)


def _post(node, headers):
    return httpx.get(f"{node.url}/v1/forward", headers=headers, timeout=5)


def test_a_400_digit_timestamp_is_malformed_not_a_500(raw_upstream, start_node):  # noqa: F811
    node = start_node(raw_upstream(lambda raw: ok()).base_url)
    headers = {**_signed(node), "X-Verzek-Timestamp": "9" * 400}
    reply = _post(node, headers)
    assert reply.status_code == 401 and reply.json()["error"] == "malformed_auth"


def test_a_non_ascii_signature_is_malformed_not_a_500(raw_upstream, start_node):  # noqa: F811
    node = start_node(raw_upstream(lambda raw: ok()).base_url)
    headers = {k: v.encode() for k, v in _signed(node).items()}
    headers["X-Verzek-Signature"] = b"\xe9" * 64  # 64 characters once decoded, none of them hex
    reply = httpx.get(f"{node.url}/v1/forward", headers=headers, timeout=5)
    assert reply.status_code == 401 and reply.json()["error"] == "malformed_auth"


def test_a_bracketed_host_is_a_bad_target_not_a_500(raw_upstream, start_node):  # noqa: F811
    node = start_node(raw_upstream(lambda raw: ok()).base_url)
    target = "https://[api.binance.com]/x"
    reply = _post(node, _signed(node, target=target))
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
    keys = {"PROXY_NODE_HMAC_KEYS": f"{HMAC_KEY_ID}:{HMAC_SECRET}", "PROXY_NODE_PUBLIC_HOSTS": "proxy1.example.com",
            "PROXY_NODE_STATE_PATH": "/var/lib/verzek-proxy/state.sqlite3"}
    assert NodeSettings(**keys).environment == "prod"
    with pytest.raises(ValueError, match="refused"):
        NodeSettings(**keys, PROXY_NODE_UPSTREAM_OVERRIDES="api.binance.com=http://127.0.0.1:9")
    with pytest.raises(ValueError, match="PROXY_NODE_PUBLIC_HOSTS"):
        NodeSettings(PROXY_NODE_HMAC_KEYS=keys["PROXY_NODE_HMAC_KEYS"])
    with pytest.raises(ValueError, match="PROXY_NODE_STATE_PATH"):    # nonces and bans must survive a restart
        NodeSettings(**{**keys, "PROXY_NODE_STATE_PATH": ""})


def test_a_request_accepted_by_one_node_is_refused_by_another(raw_upstream, start_node):  # noqa: F811
    upstream = raw_upstream(lambda raw: ok())
    node_a = start_node(upstream.base_url, PROXY_NODE_PUBLIC_HOSTS="proxy-a.example.com")
    node_b = start_node(upstream.base_url, PROXY_NODE_PUBLIC_HOSTS="proxy-b.example.com")
    headers = sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), "GET", TARGET, b"", node="proxy-a.example.com")
    first = httpx.get(f"{node_a.url}/v1/forward", headers={**headers, "Host": "proxy-a.example.com"}, timeout=5)
    assert first.status_code == 200
    # replayed at node B, as addressed to B ...
    at_b = httpx.get(f"{node_b.url}/v1/forward", headers={**headers, "Host": "proxy-b.example.com"}, timeout=5)
    assert at_b.status_code == 401 and at_b.json()["error"] == "bad_signature"
    # ... or still claiming to be for A
    posing = httpx.get(f"{node_b.url}/v1/forward", headers={**headers, "Host": "proxy-a.example.com"}, timeout=5)
    assert posing.status_code == 401 and posing.json()["error"] == "wrong_node"
    assert len(upstream.requests) == 1


def test_a_request_signed_before_the_node_started_is_refused(raw_upstream, start_node):  # noqa: F811
    upstream = raw_upstream(lambda raw: ok())
    headers = sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), "GET", TARGET, b"", node="node.test")
    import time

    time.sleep(0.01)
    node = start_node(upstream.base_url)  # "restarted" after the request was signed, within the window
    reply = httpx.get(f"{node.url}/v1/forward", headers={**headers, "Host": "node.test"}, timeout=5)
    assert reply.status_code == 401 and reply.json()["error"] == "stale_timestamp"
    assert upstream.requests == []


def test_swapping_the_api_key_header_after_signing_is_refused(raw_upstream, start_node):  # noqa: F811
    upstream = raw_upstream(lambda raw: ok())
    node = start_node(upstream.base_url)
    signed = _signed(node, headers={"X-MBX-APIKEY": "alice-key"})
    swapped = httpx.get(f"{node.url}/v1/forward", headers={**signed, "X-MBX-APIKEY": "mallory-key"}, timeout=5)
    assert swapped.status_code == 401 and swapped.json()["error"] == "bad_signature"
    added = httpx.get(f"{node.url}/v1/forward", headers={**signed, "X-MBX-APIKEY": "alice-key",
                                                         "X-Extra-Header": "smuggled"}, timeout=5)
    assert added.status_code == 200  # an unsigned extra header is simply not forwarded
    assert b"x-extra-header" not in upstream.requests[-1].lower()
    assert b"x-mbx-apikey: alice-key" in upstream.requests[-1].lower()
