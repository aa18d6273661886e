"""The node's upstream client: configured from settings, verifying TLS, failures classified for clients."""

from __future__ import annotations

import asyncio
import ssl

import aiohttp
import pytest

from proxy_node.app import ProxyNode, _ssl_context, _upstream_failure
from proxy_node.settings import NodeSettings


def test_upstream_session_follows_the_settings():
    node = ProxyNode(NodeSettings(PROXY_NODE_HMAC_KEYS="k1:" + "a" * 32, PROXY_NODE_CONNECT_TIMEOUT_SECONDS=2,
                                  PROXY_NODE_READ_TIMEOUT_SECONDS=7, PROXY_NODE_MAX_CONNECTIONS=9))

    async def started():
        await node.start()
        session = node.session
        try:
            return (session.timeout, session.connector.limit, session.auto_decompress,
                    isinstance(session.cookie_jar, aiohttp.DummyCookieJar), session.trust_env)
        finally:
            await node.stop()

    timeout, limit, decompress, no_cookies, trust_env = asyncio.run(started())
    assert (timeout.connect, timeout.sock_connect, timeout.sock_read, timeout.total) == (2, 2, 7, None)
    assert limit == 9 and decompress is False and no_cookies and trust_env is False
    assert node.session is None


def test_tls_to_exchanges_is_verified():
    context = _ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


@pytest.mark.parametrize(("exc", "status", "code", "forwarded"), [
    (aiohttp.ConnectionTimeoutError("connect"), 504, "upstream_connect_timeout", False),
    (aiohttp.SocketTimeoutError("read"), 504, "upstream_timeout", True),
    (TimeoutError(), 504, "upstream_timeout", True),
    (aiohttp.ClientConnectorError(None, ConnectionRefusedError(111, "refused")), 502, "upstream_unreachable", False),
    (aiohttp.ServerDisconnectedError(), 502, "upstream_error", True),
    (aiohttp.ClientPayloadError("cut"), 502, "upstream_error", True),
])
def test_upstream_failures_say_whether_the_request_may_have_left(exc, status, code, forwarded):
    got_status, got_code, message, got_forwarded = _upstream_failure(exc, "api.binance.com")
    assert (got_status, got_code, got_forwarded) == (status, code, forwarded)
    assert "api.binance.com" in message
