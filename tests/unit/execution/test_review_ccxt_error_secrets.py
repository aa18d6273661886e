"""ccxt puts the full request URL in some exception messages (timeouts, unmapped HTTP statuses).
Binance signs the query string, so a direct request (proxy off, or the direct fallback) would carry
`signature=...` into `OrderRejected/OutcomeUnknown.reason`, which is stored, logged and notified."""

from __future__ import annotations

import http.server
import threading

import pytest
from verzek.config import Settings
from verzek.exchange.proxy_client import create_ccxt_client
from verzek.execution.ccxt_adapter import CcxtExchange
from verzek.execution.ports import ExecutionError

API_KEY = "ReviewLeakApiKey000000111"
API_SECRET = "ReviewLeakSecret000000222"


class _Unavailable(http.server.BaseHTTPRequestHandler):
    def _answer(self):
        self.send_response(503)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"maintenance")

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def unavailable_exchange():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Unavailable)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _rewrite(urls, base):
    if isinstance(urls, dict):
        return {k: _rewrite(v, base) for k, v in urls.items()}
    return urls.replace("https://api.binance.com", base) if isinstance(urls, str) else urls


def test_direct_request_error_reason_carries_no_signature_or_key(unavailable_exchange):
    client = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET,
                                settings=Settings(PROXY_ENABLED=False))
    client.urls["api"] = _rewrite(client.urls["api"], unavailable_exchange)
    client.set_markets([{"id": "ETHUSDT", "symbol": "ETH/USDT", "base": "ETH", "quote": "USDT", "baseId": "ETH",
                         "quoteId": "USDT", "spot": True, "type": "spot", "active": True, "precision": {},
                         "limits": {}}])
    live = CcxtExchange(client, market_type="spot")
    with pytest.raises(ExecutionError) as caught:
        live.fetch_order("ETH/USDT", "vzt-review-1")
    text = f"{caught.value.reason} {caught.value!s} {caught.value!r}"
    assert "503" in text  # the useful part stays
    assert "signature" not in text.lower()
    assert API_KEY not in text and API_SECRET not in text
