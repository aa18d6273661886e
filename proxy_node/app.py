"""The proxy node: forwards HMAC-signed requests to allowed exchange hosts.

    POST|GET|PUT|DELETE|PATCH /v1/forward  the exchange request itself; X-Verzek-* headers say where to
                                           (X-Verzek-Target: the full https:// exchange URL) and sign it
    GET /health                            liveness, egress IP (via PROXY_NODE_ECHO_URL), budgets

Method, path, query, body and the client's headers (minus hop-by-hop and X-Verzek-*) go upstream
byte for byte; status, headers and the raw (still encoded) body come back the same way, plus
X-Verzek-Upstream-Ms. Answers the node makes itself carry X-Verzek-Proxy-Error (a code),
X-Verzek-Forwarded ("0": the request certainly never reached the exchange, so a client may send it
through another node) and a JSON body {"error", "message", "forwarded"}.

Latency: `/v1/forward` is served by a raw ASGI handler in front of the FastAPI app (which keeps
`/health` and the lifespan), upstream requests go through one pooled `aiohttp.ClientSession`, and
the per-request log line is written after the answer has been sent. Figures: README.md.

Workers: nonces, rate buckets, exchange budgets and bans live in the node's SQLite state file
(`proxy_node.state`, `PROXY_NODE_STATE_PATH`), so any number of worker processes share them and a
restart keeps them; without a state file the node must run as one process (`verzek proxy` enforces it).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import ssl
import time
import traceback
from contextlib import asynccontextmanager

import aiohttp
from fastapi import FastAPI
from verzek.exchange import signing
from verzek.observability import logger
from yarl import URL

from proxy_node.allowlist import BUDGET_SPECS, BudgetSpec, TargetRefused, budget_group, parse_target
from proxy_node.auth import Authenticator, AuthRefused, read_auth_headers
from proxy_node.budget import ExchangeBudget, KeyRateLimiter, retry_after_header
from proxy_node.settings import NodeSettings
from proxy_node.state import NodeState

FORWARD_PATH = "/v1/forward"
FORWARD_METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")
_ALLOW_HEADER = ", ".join(FORWARD_METHODS).encode()

# Hop-by-hop headers (RFC 9110 §7.6.1) and those the node or the front proxy sets itself.
_DROP_REQUEST_HEADERS = frozenset({
    b"connection", b"keep-alive", b"proxy-authenticate", b"proxy-authorization", b"proxy-connection", b"te",
    b"trailer", b"transfer-encoding", b"upgrade", b"host", b"content-length", b"x-forwarded-for",
    b"x-forwarded-proto", b"x-forwarded-host", b"x-forwarded-port", b"x-real-ip", b"forwarded",
})
_DROP_RESPONSE_HEADERS = frozenset({
    b"connection", b"keep-alive", b"proxy-authenticate", b"proxy-connection", b"te", b"trailer",
    b"transfer-encoding", b"upgrade", b"content-length",
})
_PROXY_PREFIX = signing.PROXY_HEADER_PREFIX.encode()
_TARGET = signing.HEADER_TARGET.lower()
_SIGNED_HEADERS = signing.HEADER_SIGNED_HEADERS.lower()
_ACCOUNT = signing.HEADER_ACCOUNT.lower()
_UPSTREAM_MS = signing.HEADER_UPSTREAM_MS.lower().encode()
_PROXY_ERROR = signing.HEADER_PROXY_ERROR.lower().encode()
_FORWARDED = signing.HEADER_FORWARDED.lower().encode()
# aiohttp would add these itself; upstream must see only the client's own headers (it adds Host and,
# for a body, Content-Length, as any client must).
_SKIP_AUTO_HEADERS = ("User-Agent", "Accept", "Accept-Encoding", "Content-Type")

ECHO_CACHE_SECONDS = 60.0
# Answers up to this size are read whole before relaying (exchange JSON is far smaller); longer ones
# are streamed through.
BUFFER_LIMIT = 1024 * 1024


class _ClientGone(Exception):
    """The client disconnected while its request body was being read."""


def _ssl_context() -> ssl.SSLContext:
    """Verifying TLS context; certifi's CA bundle when present (what httpx used), else the system's."""
    try:
        import certifi
    except ImportError:  # pragma: no cover - certifi comes with ccxt/httpx
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())


class ProxyNode:
    """State of one node: keys, allow-list, budgets, and the one pooled upstream client session."""

    def __init__(self, settings: NodeSettings):
        keys = settings.key_table()
        if not keys:
            raise ValueError("PROXY_NODE_HMAC_KEYS is empty: the node would refuse every request")
        self.settings = settings
        self.allowed_hosts = settings.allowed_host_set()
        self.overrides = settings.override_map()
        self.state = NodeState(settings.state_path)
        self.auth = Authenticator(keys, settings.timestamp_window_seconds,
                                  public_hosts=frozenset(settings.public_host_list()), state=self.state)
        self.key_limiter = KeyRateLimiter(settings.key_rate_per_second, settings.key_rate_burst, state=self.state)
        self.account_limiter = KeyRateLimiter(settings.account_rate_per_second, settings.account_rate_burst,
                                              state=self.state)
        self._limit_overrides = settings.budget_limit_overrides()
        self.budgets: dict[str, ExchangeBudget] = {}
        self.session: aiohttp.ClientSession | None = None
        # In-flight upstream requests; waiting longer than the connect timeout for a slot -> 503 node_busy.
        self._slots: asyncio.Semaphore | None = None
        self._egress: tuple[float, dict] | None = None

    async def start(self) -> None:
        s = self.settings
        self._slots = asyncio.Semaphore(s.max_connections)
        connector = aiohttp.TCPConnector(limit=s.max_connections, limit_per_host=0, keepalive_timeout=30,
                                         ssl=_ssl_context(),
                                         local_addr=(s.source_address, 0) if s.source_address else None)
        self.session = aiohttp.ClientSession(
            connector=connector,
            # connect: DNS + TCP + TLS; sock_read: the longest silence while waiting for the answer.
            timeout=aiohttp.ClientTimeout(total=None, connect=s.connect_timeout_seconds,
                                          sock_connect=s.connect_timeout_seconds,
                                          sock_read=s.read_timeout_seconds),
            skip_auto_headers=_SKIP_AUTO_HEADERS,
            auto_decompress=False,             # relay the body as the exchange encoded it
            cookie_jar=aiohttp.DummyCookieJar(),   # never carry one user's exchange cookies to another
            trust_env=False,
            raise_for_status=False,
        )
        # The ~125k objects loaded at start (FastAPI, pydantic, powertools, aiohttp) live forever: move
        # them out of the cyclic GC's reach so its full collections stop pausing requests (~50-120 ms here).
        gc.collect()
        gc.freeze()

    async def stop(self) -> None:
        """Close the upstream pool (uvicorn has already let in-flight requests finish)."""
        if self.session is not None:
            await self.session.close()
            self.session = None

    def budget_snapshots(self) -> dict:
        """Every exchange budget the node's state knows (whichever worker created it)."""
        return {group: self.budget_for_group(group).snapshot() for group in self.state.budget_groups()}

    def budget_for(self, host: str) -> ExchangeBudget:
        return self.budget_for_group(budget_group(host))

    def budget_for_group(self, group: str) -> ExchangeBudget:
        budget = self.budgets.get(group)
        if budget is None:
            spec = BUDGET_SPECS.get(group, BudgetSpec(1200, 60))
            if group in self._limit_overrides:
                limit, window = self._limit_overrides[group]
                spec = BudgetSpec(limit, window, spec.used_header)
            s = self.settings
            budget = ExchangeBudget(group, spec, soft_ratio=s.budget_soft_ratio, hard_ratio=s.budget_hard_ratio,
                                    max_delay=s.budget_max_delay_seconds, state=self.state)
            self.budgets[group] = budget
        return budget

    # -- /v1/forward (raw ASGI) -------------------------------------------------------------------

    async def handle_forward(self, scope, receive, send) -> None:
        started = time.perf_counter()
        log = {"key_id": None, "target_host": None, "method": scope["method"], "path": None,
               "status": None, "upstream_ms": None, "error": None}
        try:
            status = await self._forward(scope, receive, send, log)
        except _ClientGone:
            log["error"], status = "client_disconnected", 499
        except Exception as exc:  # noqa: BLE001 - a bug must not leak a traceback (or a signed URL) to the client
            log["error"], status = "internal_error", 500
            where = traceback.extract_tb(exc.__traceback__)[-1]
            # Type and location only: an exception message could quote the signed target URL.
            logger.error("proxy internal error", extra={"exception": type(exc).__name__,
                                                        "where": f"{where.filename}:{where.lineno}"})
            # If the answer had already started this cannot be sent; uvicorn then drops the connection.
            with contextlib.suppress(Exception):
                await _send_refusal(send, 500, "internal_error", "the proxy node failed on this request")
        log["status"] = status
        log["total_ms"] = round((time.perf_counter() - started) * 1000, 3)
        # One line per request, written after the answer went out (off the latency path). Never the
        # query string (Binance signs it), headers or bodies.
        logger.info("proxy request", extra={"proxy": log})

    async def _forward(self, scope, receive, send, log: dict) -> int:
        """Serve one forward request; returns the status sent to the client."""
        method = scope["method"]
        if method not in FORWARD_METHODS:
            log["error"] = "method_not_allowed"
            return await _send_refusal(send, 405, "method_not_allowed", f"{method} is not forwarded",
                                       extra=[(b"allow", _ALLOW_HEADER)])
        # One pass over the headers: the proxy's own, the declared length, and what goes upstream.
        proxy_headers: dict[str, str] = {}
        upstream_headers: list[tuple[str, str]] = []
        declared_length = None
        host = ""
        hop_by_hop: set[str] = set()  # headers the client named in Connection: hop-by-hop as well
        for name, value in scope["headers"]:
            if name == b"connection":
                hop_by_hop.update(t.strip().lower() for t in value.decode("latin-1").split(",") if t.strip())
            elif name == b"host":
                host = value.decode("latin-1")
            if name.startswith(_PROXY_PREFIX):
                proxy_headers.setdefault(name.decode("latin-1"), value.decode("latin-1"))
            elif name == b"content-length":
                declared_length = value
            elif name not in _DROP_REQUEST_HEADERS:
                try:
                    # aiohttp writes header text as UTF-8: only UTF-8 values survive byte for byte.
                    upstream_headers.append((name.decode("ascii"), value.decode("utf-8")))
                except UnicodeDecodeError:
                    log["error"] = "bad_header"
                    return await _send_refusal(send, 400, "bad_header",
                                               "a request header is not valid UTF-8 and cannot be relayed as is")
        try:
            key_id, timestamp, nonce, signature = read_auth_headers(proxy_headers)
            log["key_id"] = key_id
            secret = self.auth.check_headers(key_id, timestamp)
            node = self.auth.check_node(host)
            signed_names = _signed_header_names(proxy_headers.get(_SIGNED_HEADERS, ""))
        except AuthRefused as exc:
            log["error"] = exc.code
            return await _send_refusal(send, 401, exc.code, str(exc))
        target_url = proxy_headers.get(_TARGET, "")
        try:
            target = parse_target(target_url, self.allowed_hosts)
        except TargetRefused as exc:
            log["error"] = exc.code
            return await _send_refusal(send, 403 if exc.code == "target_not_allowed" else 400, exc.code, str(exc))
        log["target_host"], log["path"] = target.host, target.path
        body = await self._read_body(receive, declared_length)
        if body is None:
            log["error"] = "body_too_large"
            return await _send_refusal(send, 413, "body_too_large",
                                       f"request body exceeds {self.settings.max_body_bytes} bytes")
        # Only the signed headers are checked and forwarded (minus any the client named hop-by-hop).
        received: dict[str, str] = {}
        for k, v in upstream_headers:
            key = k.lower()
            received[key] = f"{received[key]}, {v}" if key in received else v
        signed_values = {name: received.get(name, "") for name in signed_names}
        upstream_headers = [(k, v) for k, v in upstream_headers
                            if k.lower() in signed_values and k.lower() not in hop_by_hop]
        account = proxy_headers.get(_ACCOUNT)
        if account is not None and not signing.ACCOUNT_RE.match(account):
            log["error"] = "malformed_auth"
            return await _send_refusal(send, 401, "malformed_auth", "X-Verzek-Account is malformed")
        log["account"] = account
        budget = self.budget_for(target.host)
        # Nonce, the account's and the key's buckets and the exchange budget: one transaction in the
        # node's shared state (no await inside it: the SQLite lock is held only for these few statements).
        refusal = None
        try:
            with self.state.transaction():
                self.auth.verify(secret, key_id=key_id, node=node, timestamp=timestamp, nonce=nonce,
                                 signature=signature, method=method, target_url=target_url, body=body,
                                 headers=signed_values, account=account)
                wait = self.account_limiter.take(f"account:{key_id}:{account}") if account else 0.0
                if wait:
                    refusal = ("account_rate_limited", "too many requests for this account", wait)
                elif wait := self.key_limiter.take(f"key:{key_id}"):
                    refusal = ("key_rate_limited", "too many requests for this proxy key", wait)
                else:
                    admission = budget.admit()
        except AuthRefused as exc:
            log["error"] = exc.code
            return await _send_refusal(send, 401, exc.code, str(exc))
        if refusal is not None:
            log["error"] = refusal[0]
            return await _send_refusal(send, 429, refusal[0], refusal[1], retry_after=refusal[2])
        if admission.refused:
            log["error"] = "exchange_budget"
            return await _send_refusal(send, 429, "exchange_budget", admission.reason,
                                       retry_after=admission.refuse_for)
        if admission.delay:
            await asyncio.sleep(admission.delay)
        return await self._relay(send, method, target, upstream_headers, body, budget, log)

    async def _read_body(self, receive, declared_length: bytes | None) -> bytes | None:
        """The body, or None if it exceeds the size limit (stops reading at the limit)."""
        limit = self.settings.max_body_bytes
        if declared_length is not None and (not declared_length.isdigit() or int(declared_length) > limit):
            return None
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        body = message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return body                                   # the usual case: one message
        buffer = bytearray(body)
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _ClientGone
            buffer += message.get("body", b"")
            if len(buffer) > limit:
                return None
            if not message.get("more_body", False):
                return bytes(buffer)

    async def _acquire_slot(self) -> bool:
        if not self._slots.locked():
            await self._slots.acquire()                    # free slot: returns without waiting
            return True
        try:
            await asyncio.wait_for(self._slots.acquire(), self.settings.connect_timeout_seconds)
        except TimeoutError:
            return False
        return True

    async def _relay(self, send, method: str, target, headers: list[tuple[str, str]], body: bytes,
                     budget: ExchangeBudget, log: dict) -> int:
        """Send upstream and stream the answer back; a node refusal if nothing came back."""
        if not await self._acquire_slot():
            log["error"] = "node_busy"
            return await _send_refusal(send, 503, "node_busy", "all upstream connections are busy", retry_after=1)
        try:
            return await self._relay_in_slot(send, method, target, headers, body, budget, log)
        finally:
            self._slots.release()

    async def _relay_in_slot(self, send, method, target, headers, body, budget, log) -> int:
        base = self.overrides.get(target.host) or f"https://{target.host}"
        # encoded=True: the path and query go out exactly as the client signed them (no re-quoting).
        url = URL(base + target.path_and_query, encoded=True)
        sent_at = time.perf_counter()
        upstream = None
        try:
            upstream = await self.session.request(method, url, headers=headers, data=body or None,
                                                  allow_redirects=False)
            # Exchange answers are small: hold up to BUFFER_LIMIT so a failure mid-body still gets a
            # clean 502/504 answer; anything longer is streamed from there on.
            stream = upstream.content
            chunks = [await stream.readany()]
            size = len(chunks[0])
            while size <= BUFFER_LIMIT and not stream.at_eof():
                chunk = await stream.readany()
                chunks.append(chunk)
                size += len(chunk)
        except (aiohttp.ClientError, TimeoutError) as exc:
            if upstream is not None:
                upstream.close()           # a connection that failed mid-answer must not go back to the pool
            status, code, message, forwarded = _upstream_failure(exc, target.host)
            log["error"] = code
            return await _send_refusal(send, status, code, message, forwarded=forwarded)
        upstream_ms = (time.perf_counter() - sent_at) * 1000
        log["upstream_ms"] = round(upstream_ms, 3)
        status = upstream.status
        budget.record_response(status, upstream.headers)
        response_hops = {t.strip().lower().encode("latin-1") for v in upstream.headers.getall("Connection", [])
                         for t in v.split(",") if t.strip()}
        response_headers = [(k, v) for k, v in upstream.raw_headers
                            if k.lower() not in _DROP_RESPONSE_HEADERS and k.lower() not in response_hops]
        response_headers.append((_UPSTREAM_MS, f"{upstream_ms:.3f}".encode()))
        if stream.at_eof():
            # The whole answer is here (the usual case): one body message with its exact length.
            upstream.release()
            response_headers.append((b"content-length", str(size).encode()))
            await send({"type": "http.response.start", "status": status, "headers": response_headers})
            await send({"type": "http.response.body", "body": chunks[0] if len(chunks) == 1 else b"".join(chunks)})
            return status
        # A long answer: pass it through as it arrives. The exchange's Content-Length stays valid (the
        # body is relayed still encoded); without one, uvicorn frames it as chunked.
        declared = upstream.headers.get("content-length")
        if declared is not None:
            response_headers.append((b"content-length", declared.encode("latin-1")))
        await send({"type": "http.response.start", "status": status, "headers": response_headers})
        try:
            await send({"type": "http.response.body", "body": b"".join(chunks), "more_body": True})
            while chunk := await stream.readany():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except (aiohttp.ClientError, TimeoutError) as exc:
            # The status line is out: the only honest signal left is to cut the connection (uvicorn
            # closes it when the app returns with the answer incomplete), so a cut-short body is never
            # taken for a complete one.
            upstream.close()
            log["error"] = f"upstream_broke_mid_body:{type(exc).__name__}"
            return status
        upstream.release()
        await send({"type": "http.response.body", "body": b""})
        return status

    async def egress(self) -> dict:
        """The node's public IP as an echo service sees it (cached for a minute)."""
        if not self.settings.echo_url:
            return {"egress_ip": None}
        now = time.monotonic()
        if self._egress and now - self._egress[0] < ECHO_CACHE_SECONDS:
            return self._egress[1]
        try:
            async with self.session.get(self.settings.echo_url, timeout=aiohttp.ClientTimeout(total=5.0)) as answer:
                answer.raise_for_status()
                text = (await answer.read()).decode("utf-8", "replace").strip()
            result = {"egress_ip": text[:64]}
        except (aiohttp.ClientError, TimeoutError) as exc:
            return {"egress_ip": None, "egress_error": f"echo URL failed: {type(exc).__name__}"}
        self._egress = (now, result)
        return result


def _signed_header_names(value: str) -> list[str]:
    names = [n for n in value.split(";") if n] if value else []
    if len(names) > 64 or any(not signing.HEADER_NAME_RE.match(n) for n in names) or names != sorted(set(names)):
        raise AuthRefused("malformed_auth", "X-Verzek-Signed-Headers is malformed")
    return names


def _upstream_failure(exc: BaseException, host: str) -> tuple[int, str, str, bool]:
    """(status, code, message, forwarded) for a failed upstream exchange. `forwarded` is False only
    when the request certainly never left the node (no connection was made)."""
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return 504, "upstream_connect_timeout", f"{host} did not accept a connection in time", False
    if isinstance(exc, TimeoutError):          # aiohttp's read timeouts are TimeoutErrors too
        return 504, "upstream_timeout", f"{host} did not answer in time", True
    if isinstance(exc, aiohttp.ClientConnectorError):
        return 502, "upstream_unreachable", f"{host} is unreachable", False
    return 502, "upstream_error", f"{host} connection failed: {type(exc).__name__}", True


async def _send_refusal(send, status: int, code: str, message: str, *, forwarded: bool = False,
                        retry_after: float | None = None, extra: list | None = None) -> int:
    """An answer the node makes itself: JSON {"error", "message", "forwarded"} + X-Verzek-* headers."""
    body = json.dumps({"error": code, "message": message, "forwarded": forwarded}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (_PROXY_ERROR, code.encode()), (_FORWARDED, b"1" if forwarded else b"0")]
    if retry_after is not None:
        headers.append((b"retry-after", retry_after_header(retry_after).encode()))
    if extra:
        headers.extend(extra)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
    return status


class ProxyNodeApp:
    """The ASGI app: `/v1/forward` straight to the node's handler (no routing, middleware or
    dependency layers on the hot path); everything else — `/health`, 404s, the lifespan that opens
    and closes the upstream pool — to a FastAPI app."""

    def __init__(self, node: ProxyNode, app: FastAPI):
        self.node = node
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"] == FORWARD_PATH:
            await self.node.handle_forward(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def create_app(settings: NodeSettings | None = None) -> ProxyNodeApp:
    """App factory (uvicorn: `proxy_node.app:create_app --factory`)."""
    node = ProxyNode(settings or NodeSettings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await node.start()
        logger.info("proxy node started", extra={"node": node.settings.node_id,
                                                 "overrides": sorted(node.overrides)})
        try:
            yield
        finally:
            await node.stop()
            logger.info("proxy node stopped", extra={"node": node.settings.node_id})

    app = FastAPI(title="Verzek proxy node", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.node = node

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok", "node": node.settings.node_id, "worker_pid": os.getpid(), **(await node.egress()),
                "budgets": node.budget_snapshots()}

    return ProxyNodeApp(node, app)
