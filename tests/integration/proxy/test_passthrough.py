"""What goes through the node: the exact request bytes upstream, the exact answer back (streamed
when long), no state carried between users, and the upstream pool's limits and shutdown."""

from __future__ import annotations

import gzip
import socketserver
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from verzek.exchange.signing import node_of, sign_request

from proxy_node.app import create_app
from tests.integration.proxy.conftest import HMAC_KEY_ID, HMAC_SECRET, node_settings
from tests.support.exchange_double import ServerThread


class RawUpstream:
    """A loopback HTTP/1.1 server that records each request's raw bytes and answers with raw bytes
    chosen by the test (`answer(raw_request) -> bytes`); `close_after`: drop the connection then."""

    def __init__(self, answer, close_after: bool = False):
        self.requests: list[bytes] = []
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                buffer = b""
                while True:                                   # keep-alive: one request after another
                    while b"\r\n\r\n" not in buffer:
                        chunk = self.request.recv(65536)
                        if not chunk:
                            return
                        buffer += chunk
                    head, _, rest = buffer.partition(b"\r\n\r\n")
                    length = 0
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value)
                    while len(rest) < length:
                        rest += self.request.recv(65536)
                    raw, buffer = head + b"\r\n\r\n" + rest[:length], rest[length:]
                    outer.requests.append(raw)
                    self.request.sendall(answer(raw))
                    if close_after:
                        return

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def raw_upstream():
    started: list[RawUpstream] = []

    def start(answer, close_after: bool = False) -> RawUpstream:
        upstream = RawUpstream(answer, close_after)
        started.append(upstream)
        return upstream

    yield start
    for upstream in started:
        upstream.close()


def forward(node, method: str, target: str, body: bytes = b"", headers: dict | None = None, **kwargs):
    signed = sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), method, target, body, node=node_of(node.url),
                          headers=headers)
    return httpx.request(method, f"{node.url}/v1/forward", headers={**(headers or {}), **signed}, content=body,
                         timeout=5, **kwargs)


def ok(body: bytes = b"{}", extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n%s\r\n%s" % (len(body), extra, body)


def test_request_goes_upstream_byte_for_byte_with_only_the_clients_headers(raw_upstream, start_node):
    upstream = raw_upstream(lambda raw: ok())
    node = start_node(upstream.base_url)
    target = "https://api.binance.com/api/v3/order?symbol=BTC%2fUSDT&note=a+b&list=[1,2]&signature=" + "ab" * 32
    body = b"quantity=0.01&price=50000"
    client_headers = {"X-MBX-APIKEY": "user-key", "Content-Type": "application/x-www-form-urlencoded",
                      "User-Agent": "ccxt/4.5.90", "Accept": "application/json", "Accept-Encoding": "identity",
                      "X-Forwarded-For": "10.0.0.9"}
    response = forward(node, "POST", target, body, headers=client_headers)
    assert response.status_code == 200
    raw = upstream.requests[-1]
    head, _, sent_body = raw.partition(b"\r\n\r\n")
    request_line, *header_lines = head.split(b"\r\n")
    # Path and query exactly as signed: no re-quoting of %2f, '+', '[' or ']'.
    assert request_line == b"POST " + target.removeprefix("https://api.binance.com").encode() + b" HTTP/1.1"
    assert sent_body == body
    received = {}
    for line in header_lines:
        name, _, value = line.partition(b":")
        received.setdefault(name.strip().lower().decode(), []).append(value.strip().decode())
    # The client's headers with their values, plus only Host and Content-Length; no X-Verzek-*, no
    # forwarding headers, nothing the node's HTTP library would add on its own.
    assert received == {
        "host": [upstream.base_url.removeprefix("http://")],
        "content-length": [str(len(body))],
        "x-mbx-apikey": ["user-key"],
        "content-type": ["application/x-www-form-urlencoded"],
        "user-agent": ["ccxt/4.5.90"],
        "accept": ["application/json"],
        "accept-encoding": ["identity"],
    }


def test_answer_comes_back_as_the_exchange_sent_it(raw_upstream, start_node):
    encoded = gzip.compress(b'{"serverTime": 1}')
    upstream = raw_upstream(lambda raw: ok(encoded, b"Content-Encoding: gzip\r\nX-MBX-USED-WEIGHT-1M: 3\r\n"
                                                    b"X-Dup: one\r\nX-Dup: two\r\n").replace(b"200 OK", b"418 I'm a teapot"))
    node = start_node(upstream.base_url)
    response = forward(node, "GET", "https://api.binance.com/api/v3/time")
    assert response.status_code == 418
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers.get_list("x-dup") == ["one", "two"]
    assert int(response.headers["content-length"]) == len(encoded)
    assert float(response.headers["x-verzek-upstream-ms"]) >= 0
    assert response.json() == {"serverTime": 1}                              # httpx (the caller) decodes it
    # The 418 was read by the budget too: the node now answers for the exchange without sending.
    banned = forward(node, "GET", "https://api.binance.com/api/v3/time")
    assert banned.status_code == 429 and banned.json()["error"] == "exchange_budget"
    assert len(upstream.requests) == 1


def test_long_answer_is_streamed_through_intact(raw_upstream, start_node):
    big = bytes(range(256)) * 4096 * 3                     # 3 MiB: past the node's buffer, so streamed
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(big[i:i + 65536]), big[i:i + 65536]) for i in range(0, len(big), 65536))
    upstream = raw_upstream(lambda raw: (
        ok(big) if b"/length" in raw else
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked + b"0\r\n\r\n"))
    node = start_node(upstream.base_url)
    with_length = forward(node, "GET", "https://api.binance.com/api/v3/length")
    assert with_length.content == big and with_length.headers["content-length"] == str(len(big))
    chunked_answer = forward(node, "GET", "https://api.binance.com/api/v3/chunked")
    assert chunked_answer.content == big


def test_upstream_breaking_mid_body_gives_502(raw_upstream, start_node):
    upstream = raw_upstream(lambda raw: b"HTTP/1.1 200 OK\r\nContent-Length: 400000\r\n\r\n" + b"x" * 200_000,
                            close_after=True)
    node = start_node(upstream.base_url)
    response = forward(node, "GET", "https://api.binance.com/api/v3/account")
    assert response.status_code == 502
    assert response.json() == {"error": "upstream_error", "message": response.json()["message"], "forwarded": True}


def test_upstream_breaking_mid_stream_is_not_relayed_as_complete(raw_upstream, start_node):
    upstream = raw_upstream(lambda raw: b"HTTP/1.1 200 OK\r\nContent-Length: 4000000\r\n\r\n" + b"x" * 2_000_000,
                            close_after=True)
    node = start_node(upstream.base_url)
    with pytest.raises(httpx.RemoteProtocolError):                          # cut short, never "complete"
        forward(node, "GET", "https://api.binance.com/api/v3/big")
    assert forward_is_healthy(node)


def forward_is_healthy(node) -> bool:
    return httpx.get(f"{node.url}/health", timeout=5).json()["status"] == "ok"


def test_exchange_cookies_are_never_sent_on_later_requests(raw_upstream, start_node):
    upstream = raw_upstream(lambda raw: ok(extra=b"Set-Cookie: session=user-a; Path=/\r\n"))
    node = start_node(upstream.base_url)
    first = forward(node, "GET", "https://api.binance.com/api/v3/account")
    assert first.headers["set-cookie"].startswith("session=user-a")          # relayed to its caller only
    forward(node, "GET", "https://api.binance.com/api/v3/account")
    assert all(b"\r\ncookie:" not in raw.lower() for raw in upstream.requests)


def test_all_upstream_connections_busy_gives_503_and_sends_nothing_more(raw_upstream, start_node):
    release = threading.Event()

    def slow(raw):
        release.wait(5)
        return ok()

    upstream = raw_upstream(slow)
    node = start_node(upstream.base_url, PROXY_NODE_MAX_CONNECTIONS=1, PROXY_NODE_CONNECT_TIMEOUT_SECONDS=0.2)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(forward, node, "GET", "https://api.binance.com/api/v3/time")
        deadline = time.monotonic() + 5
        while not upstream.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        busy = forward(node, "GET", "https://api.binance.com/api/v3/time")
        release.set()
        assert first.result().status_code == 200
    assert busy.status_code == 503 and busy.json()["error"] == "node_busy"
    assert busy.headers["x-verzek-forwarded"] == "0" and busy.headers["retry-after"] == "1"
    assert len(upstream.requests) == 1


@pytest.mark.parametrize("method", ["HEAD", "OPTIONS"])
def test_other_methods_are_refused(double, module_node, method):
    before = len(double.requests)
    response = forward(module_node, method, "https://api.binance.com/api/v3/time")
    assert response.status_code == 405 and response.headers["x-verzek-proxy-error"] == "method_not_allowed"
    assert "GET" in response.headers["allow"]
    assert len(double.requests) == before


def test_non_utf8_header_is_refused_not_mangled(double, module_node):
    before = len(double.requests)
    response = forward(module_node, "GET", "https://api.binance.com/api/v3/time", headers={"X-Note": b"\xff\xfe"})
    assert response.status_code == 400 and response.json()["error"] == "bad_header"
    assert len(double.requests) == before


def test_shutdown_closes_the_upstream_pool(double):
    app = create_app(node_settings(double.base_url))
    server = ServerThread(app).start()
    assert forward(server, "GET", "https://api.binance.com/api/v3/time").status_code == 200
    session = app.node.session
    assert session is not None and not session.closed
    server.stop()
    assert session.closed and app.node.session is None
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/health", timeout=1)
