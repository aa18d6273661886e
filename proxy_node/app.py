"""The proxy node: a FastAPI app that forwards HMAC-signed requests to allowed exchange hosts.

    POST|GET|PUT|DELETE /v1/forward      the exchange request itself; X-Verzek-* headers say where to
                                         (X-Verzek-Target: the full https:// exchange URL) and sign it
    GET /health                          liveness, egress IP (via PROXY_NODE_ECHO_URL), budgets

Method, path, query, body and the client's headers (minus hop-by-hop and X-Verzek-*) go upstream
byte for byte; status, headers and the raw (still encoded) body come back the same way, plus
X-Verzek-Upstream-Ms. Answers the node makes itself carry X-Verzek-Proxy-Error (a code),
X-Verzek-Forwarded ("0": the request certainly never reached the exchange, so a client may send it
through another node) and a JSON body {"error", "message", "forwarded"}.

Run ONE worker process per node: the nonce cache and the exchange budgets live in memory.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response
from verzek.exchange import signing
from verzek.observability import logger

from proxy_node.allowlist import BUDGET_SPECS, BudgetSpec, TargetRefused, budget_group, parse_target
from proxy_node.auth import Authenticator, AuthRefused, read_auth_headers
from proxy_node.budget import ExchangeBudget, KeyRateLimiter, retry_after_header
from proxy_node.settings import NodeSettings

FORWARD_PATH = "/v1/forward"
FORWARD_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"]

# Hop-by-hop headers (RFC 9110 §7.6.1) and those the node or the front proxy sets itself.
_DROP_REQUEST_HEADERS = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
    "trailer", "transfer-encoding", "upgrade", "host", "content-length", "x-forwarded-for",
    "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded",
})
_DROP_RESPONSE_HEADERS = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-connection", "te", "trailer",
    "transfer-encoding", "upgrade", "content-length",
})
_UPSTREAM_MS = signing.HEADER_UPSTREAM_MS.lower().encode()

ECHO_CACHE_SECONDS = 60.0


def refusal(status: int, code: str, message: str, *, forwarded: bool = False,
            retry_after: float | None = None) -> JSONResponse:
    headers = {signing.HEADER_PROXY_ERROR: code, signing.HEADER_FORWARDED: "1" if forwarded else "0"}
    if retry_after is not None:
        headers["Retry-After"] = retry_after_header(retry_after)
    return JSONResponse({"error": code, "message": message, "forwarded": forwarded}, status_code=status,
                        headers=headers)


class ProxyNode:
    """State of one node: keys, allow-list, budgets, and the one pooled upstream client."""

    def __init__(self, settings: NodeSettings, transport: httpx.AsyncBaseTransport | None = None):
        keys = settings.key_table()
        if not keys:
            raise ValueError("PROXY_NODE_HMAC_KEYS is empty: the node would refuse every request")
        self.settings = settings
        self.allowed_hosts = settings.allowed_host_set()
        self.overrides = settings.override_map()
        self.auth = Authenticator(keys, settings.timestamp_window_seconds)
        self.key_limiter = KeyRateLimiter(settings.key_rate_per_second, settings.key_rate_burst)
        self._limit_overrides = settings.budget_limit_overrides()
        self.budgets: dict[str, ExchangeBudget] = {}
        self._transport = transport
        self.client: httpx.AsyncClient | None = None
        self._egress: tuple[float, dict] | None = None

    async def start(self) -> None:
        s = self.settings
        self.client = httpx.AsyncClient(
            transport=self._transport,
            timeout=httpx.Timeout(connect=s.connect_timeout_seconds, read=s.read_timeout_seconds,
                                  write=s.read_timeout_seconds, pool=s.connect_timeout_seconds),
            limits=httpx.Limits(max_connections=s.max_connections, max_keepalive_connections=s.max_connections,
                                keepalive_expiry=30),
            follow_redirects=False,
            trust_env=False,
        )
        # httpx adds its own Accept/User-Agent/... defaults; upstream must see only the client's headers.
        for name in list(self.client.headers.keys()):
            del self.client.headers[name]

    async def stop(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    def budget_for(self, host: str) -> ExchangeBudget:
        group = budget_group(host)
        budget = self.budgets.get(group)
        if budget is None:
            spec = BUDGET_SPECS.get(group, BudgetSpec(1200, 60))
            if group in self._limit_overrides:
                limit, window = self._limit_overrides[group]
                spec = BudgetSpec(limit, window, spec.used_header)
            s = self.settings
            budget = ExchangeBudget(group, spec, soft_ratio=s.budget_soft_ratio, hard_ratio=s.budget_hard_ratio,
                                    max_delay=s.budget_max_delay_seconds)
            self.budgets[group] = budget
        return budget

    async def read_body(self, request: Request) -> bytes | None:
        """The body, or None if it exceeds the size limit (stops reading at the limit)."""
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return None
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                return None
        return bytes(body)

    async def forward(self, request: Request) -> Response:
        started = time.perf_counter()
        log = {"key_id": None, "target_host": None, "method": request.method, "path": None,
               "status": None, "upstream_ms": None, "error": None}
        response = await self._forward(request, log)
        log["status"] = response.status_code
        log["total_ms"] = round((time.perf_counter() - started) * 1000, 3)
        # One line per request. Never the query string (Binance signs it), headers or bodies.
        logger.info("proxy request", extra={"proxy": log})
        return response

    async def _forward(self, request: Request, log: dict) -> Response:
        headers = request.headers
        try:
            key_id, timestamp, nonce, signature = read_auth_headers(headers)
            log["key_id"] = key_id
            secret = self.auth.check_headers(key_id, timestamp)
        except AuthRefused as exc:
            log["error"] = exc.code
            return refusal(401, exc.code, str(exc))
        target_url = headers.get(signing.HEADER_TARGET.lower(), "")
        try:
            target = parse_target(target_url, self.allowed_hosts)
        except TargetRefused as exc:
            log["error"] = exc.code
            return refusal(403 if exc.code == "target_not_allowed" else 400, exc.code, str(exc))
        log["target_host"], log["path"] = target.host, target.path
        body = await self.read_body(request)
        if body is None:
            log["error"] = "body_too_large"
            return refusal(413, "body_too_large", f"request body exceeds {self.settings.max_body_bytes} bytes")
        try:
            self.auth.verify(secret, key_id=key_id, timestamp=timestamp, nonce=nonce, signature=signature,
                             method=request.method, target_url=target_url, body=body)
        except AuthRefused as exc:
            log["error"] = exc.code
            return refusal(401, exc.code, str(exc))
        wait = self.key_limiter.take(key_id)
        if wait:
            log["error"] = "key_rate_limited"
            return refusal(429, "key_rate_limited", "too many requests for this proxy key", retry_after=wait)
        budget = self.budget_for(target.host)
        admission = budget.admit()
        if admission.refused:
            log["error"] = "exchange_budget"
            return refusal(429, "exchange_budget", admission.reason, retry_after=admission.refuse_for)
        if admission.delay:
            await asyncio.sleep(admission.delay)
        return await self._send_upstream(request.method, target, headers, body, budget, log)

    async def _send_upstream(self, method, target, headers, body, budget: ExchangeBudget, log: dict) -> Response:
        base = self.overrides.get(target.host, f"https://{target.host}")
        upstream_headers = [(k, v) for k, v in headers.raw
                            if k.decode("latin-1") not in _DROP_REQUEST_HEADERS
                            and not k.startswith(b"x-verzek-")]
        request = self.client.build_request(method, base + target.path_and_query, headers=upstream_headers,
                                            content=body)
        budget.record_sent()
        sent_at = time.perf_counter()
        try:
            upstream = await self.client.send(request, stream=True)
            try:
                content = b"".join([chunk async for chunk in upstream.aiter_raw()])
            finally:
                await upstream.aclose()
        except httpx.ConnectTimeout:
            log["error"] = "upstream_connect_timeout"
            return refusal(504, "upstream_connect_timeout", f"{target.host} did not accept a connection in time")
        except httpx.PoolTimeout:
            log["error"] = "node_busy"
            return refusal(503, "node_busy", "all upstream connections are busy", retry_after=1)
        except httpx.TimeoutException:
            log["error"] = "upstream_timeout"
            return refusal(504, "upstream_timeout", f"{target.host} did not answer in time", forwarded=True)
        except httpx.ConnectError:
            log["error"] = "upstream_unreachable"
            return refusal(502, "upstream_unreachable", f"{target.host} is unreachable")
        except httpx.TransportError as exc:
            log["error"] = "upstream_error"
            return refusal(502, "upstream_error", f"{target.host} connection failed: {type(exc).__name__}",
                           forwarded=True)
        upstream_ms = (time.perf_counter() - sent_at) * 1000
        log["upstream_ms"] = round(upstream_ms, 3)
        budget.record_response(upstream.status_code, upstream.headers)
        response = Response(content=content, status_code=upstream.status_code)
        raw = [(k, v) for k, v in upstream.headers.raw if k.lower().decode("latin-1") not in _DROP_RESPONSE_HEADERS]
        raw.append((b"content-length", str(len(content)).encode()))
        raw.append((_UPSTREAM_MS, f"{upstream_ms:.3f}".encode()))
        response.raw_headers = raw
        return response

    async def egress(self) -> dict:
        """The node's public IP as an echo service sees it (cached for a minute)."""
        if not self.settings.echo_url:
            return {"egress_ip": None}
        now = time.monotonic()
        if self._egress and now - self._egress[0] < ECHO_CACHE_SECONDS:
            return self._egress[1]
        try:
            answer = await self.client.get(self.settings.echo_url, timeout=5.0)
            answer.raise_for_status()
            text = answer.text.strip()
            result = {"egress_ip": text[:64]}
        except httpx.HTTPError as exc:
            return {"egress_ip": None, "egress_error": f"echo URL failed: {type(exc).__name__}"}
        self._egress = (now, result)
        return result


def create_app(settings: NodeSettings | None = None, *, transport: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    """App factory (uvicorn: `proxy_node.app:create_app --factory`)."""
    node = ProxyNode(settings or NodeSettings(), transport)

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
        return {"status": "ok", "node": node.settings.node_id, **(await node.egress()),
                "budgets": {name: b.snapshot() for name, b in node.budgets.items()}}

    # A plain Starlette route: the forwarder needs the raw request, not FastAPI's parameter parsing.
    app.router.add_route(FORWARD_PATH, node.forward, methods=FORWARD_METHODS, include_in_schema=False)
    return app
