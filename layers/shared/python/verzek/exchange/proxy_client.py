"""ccxt clients whose every request leaves through the static-IP proxy node.

Contract (used by key validation in the API and by execution in the DCA engine)::

    from verzek.exchange import create_ccxt_client
    client = create_ccxt_client("binance", api_key=..., secret=..., market_type="future")
    client.create_order("BTC/USDT:USDT", "limit", "buy", 0.01, 60000, {"clientOrderId": "..."})
    aclient = create_ccxt_client("bybit", api_key=..., secret=..., async_=True)   # ccxt.async_support
    ...; await aclient.close()

* `exchange_id`: binance | bybit | phemex | kraken. `market_type`: "spot" or "future" (linear
  USDT perpetuals: binance USD-M, bybit linear, phemex swap, kraken -> ccxt's krakenfutures).
  `testnet=True` switches ccxt's sandbox URLs (those hosts are on the node's allow-list too).
* The result is a real ccxt exchange (a subclass): ccxt signs the request exactly as it always
  does; the only hook is `fetch(url, method, headers, body)`, which receives the fully signed
  request and, when `PROXY_ENABLED` is on, sends it to `<proxy>/v1/forward` with the target URL
  and an HMAC-SHA256 signature in X-Verzek-* headers (`verzek.exchange.signing`). ccxt's own
  response handling (status codes, the exchange's error mapping) then runs on the relayed answer.
  ccxt's `proxyUrl` option is not used: in ccxt 4.5.90 it raises InvalidProxySettings.
* Failover: an exchange account's own node comes first (`prefer`: its stored assignment, then its
  previous node, see `verzek.exchange.fleet`), the rest of `PROXY_URLS` follow in order. The next
  node is tried only when the request certainly did not reach the exchange: the node could not be
  connected to, answered as something other than a Verzek node (e.g. nginx 502 with the node down),
  or refused with X-Verzek-Forwarded: 0 (rate budget, exchange ban, auth). An exchange timeout
  after sending (504 upstream_timeout) is never retried elsewhere: it may have placed an order.
* When every node was unreachable: with `PROXY_DIRECT_FALLBACK` (default on only in local/test) the request is sent
  directly from this machine's IP — keys restricted to the proxy's IP then fail with the exchange's
  own auth error; with it off, `ProxyUnavailable` is raised. When a node refused, the last refusal
  is raised: `ccxt.RateLimitExceeded` for a 429, otherwise `ProxyRefused`.
* Errors are ccxt exceptions (ProxyUnavailable and ProxyRefused subclass ExchangeNotAvailable), so
  callers keep one `except ccxt.BaseError` path. Messages never contain keys or signatures.
"""

from __future__ import annotations

import dataclasses
import json
import socket
from dataclasses import dataclass
from functools import cache

import aiohttp
import ccxt
import ccxt.async_support as ccxt_async

from verzek.config import Settings, app_secret, get_settings
from verzek.exchange import signing
from verzek.observability import logger

FORWARD_PATH = "/v1/forward"
SUPPORTED_EXCHANGES = ("binance", "bybit", "phemex", "kraken")
MARKET_TYPES = ("spot", "future")


class ProxyUnavailable(ccxt.ExchangeNotAvailable):
    """No proxy node could be reached and direct fallback is off."""


class ProxyRefused(ccxt.ExchangeNotAvailable):
    """A proxy node refused the request without forwarding it (auth, allow-list, size, ...)."""


@dataclass
class _HopFailed(Exception):
    """One proxy attempt failed before the request reached the exchange (internal to fetch)."""

    proxy_url: str
    kind: str                 # "unreachable" | "refused"
    status: int = 0
    error: str = ""
    message: str = ""

    def __str__(self) -> str:
        return f"{self.proxy_url}: {self.kind} {self.status or ''} {self.error} {self.message}".strip()


@dataclass(frozen=True)
class ProxyRoute:
    """Where and how a client's requests are proxied (built from Settings)."""

    proxy_urls: tuple[str, ...]
    key_id: str
    secret: bytes
    direct_fallback: bool
    prefer: tuple[str, ...] = ()     # node names (host[:port]) tried first, in this order

    @classmethod
    def from_settings(cls, settings: Settings) -> ProxyRoute | None:
        if not settings.proxy_enabled:
            return None
        urls = tuple(u.rstrip("/") for u in settings.proxy_url_list())
        if not urls:
            raise ValueError("PROXY_ENABLED is on but PROXY_URLS is empty")
        for url in urls:
            if not url.startswith(("https://", "http://")):
                raise ValueError(f"PROXY_URLS entry is not an http(s) URL: {url!r}")
        hmac_key = app_secret(settings, "proxy_hmac_key")
        if hmac_key is None or not hmac_key.get_secret_value():
            raise ValueError("PROXY_ENABLED is on but PROXY_HMAC_KEY is not set")
        return cls(urls, settings.proxy_key_id, hmac_key.get_secret_value().encode("utf-8"),
                   settings.direct_fallback_enabled())

    def order(self) -> tuple[str, ...]:
        """Nodes in the order they are tried. With an assignment (`prefer`), ONLY the account's own
        nodes: the exchange accepts its key from the IPs the user whitelisted and no other, so another
        node would turn an outage of the account's node into a definite key refusal (a failed trade)
        instead of "not sent" (retried). Without one, every configured node."""
        if not self.prefer:
            return self.proxy_urls
        by_name = {signing.node_of(u): u for u in self.proxy_urls}
        own = tuple(dict.fromkeys(by_name[name] for name in self.prefer if name in by_name))
        return own or self.proxy_urls

    def signed_headers(self, proxy_url: str, url: str, method: str, headers: dict | None, body,
                       account: str | None = None) -> dict:
        """The exchange request's headers plus the proxy's, signed for this node: the node checks the
        header values and forwards only the signed ones. `account` (a hash of the user's API key)
        names the per-user budget the node charges."""
        raw_body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
        outgoing = {k: v for k, v in (headers or {}).items() if str(k).lower() not in signing.UNSIGNED_HEADERS}
        proxy_headers = signing.sign_request(self.key_id, self.secret, method, url, raw_body,
                                             node=signing.node_of(proxy_url), headers=outgoing, account=account)
        return {**outgoing, **proxy_headers}


def _header(headers, name: str) -> str | None:
    name = name.lower()
    for key, value in (headers or {}).items():
        if key.lower() == name:
            return value
    return None


def _classify_proxied_response(proxy_url: str, code: int, headers, body: str) -> None:
    """Raise _HopFailed when the answer shows the request never reached the exchange."""
    proxy_error = _header(headers, signing.HEADER_PROXY_ERROR)
    if proxy_error is None:
        if _header(headers, signing.HEADER_UPSTREAM_MS) is None:
            # Not relayed by a node (e.g. nginx in front of a stopped node): treat as unreachable.
            raise _HopFailed(proxy_url, "unreachable", code, "not_a_proxy_answer", "answer did not come from a node")
        return
    if _header(headers, signing.HEADER_FORWARDED) != "0":
        return   # may have reached the exchange: ccxt maps the 5xx to RequestTimeout / ExchangeNotAvailable
    try:
        message = str(json.loads(body).get("message", ""))[:300]
    except (ValueError, AttributeError):
        message = ""
    if proxy_error == "account_rate_limited":
        # This user's own budget: another node would only multiply it (and sees another IP). Not failed over.
        raise ccxt.RateLimitExceeded(f"proxy refused (account_rate_limited): {message}")
    raise _HopFailed(proxy_url, "refused", code, proxy_error, message)


def _never_reached_proxy(exc: BaseException) -> bool:
    """True if the exception chain shows the connection to the proxy was never established."""
    import aiohttp
    import requests
    import urllib3

    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 12:
        seen += 1
        if isinstance(current, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError,
                                urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError,
                                urllib3.exceptions.NameResolutionError, aiohttp.ClientConnectorError,
                                aiohttp.ConnectionTimeoutError, socket.gaierror, ConnectionRefusedError)):
            return True
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException) and reason is not current and _never_reached_proxy(reason):
            return True
        nested = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = nested or current.__cause__ or current.__context__
    return False


class _ProxiedBase:
    """Shared by the sync and async mixins: response classification and the final outcome."""

    _verzek_route: ProxyRoute | None = None

    def on_rest_response(self, code, reason, url, method, response_headers, response_body, request_headers,
                         request_body):
        if self._verzek_route is not None and signing.HEADER_SIGNATURE in (request_headers or {}):
            _classify_proxied_response(url.removesuffix(FORWARD_PATH), code, response_headers, response_body or "")
        return super().on_rest_response(code, reason, url, method, response_headers, response_body,
                                        request_headers, request_body)

    def _attempt_failed(self, proxy_url: str, exc: Exception, method: str) -> _HopFailed | None:
        if isinstance(exc, _HopFailed):
            return exc
        if isinstance(exc, ccxt.BaseError) and _never_reached_proxy(exc):
            return _HopFailed(proxy_url, "unreachable", 0, type(exc.__cause__ or exc).__name__, "")
        return None

    def _final_error(self, failures: list[_HopFailed]) -> Exception:
        refusals = [f for f in failures if f.kind == "refused"]
        summary = "; ".join(str(f) for f in failures)
        if not refusals:
            return ProxyUnavailable(f"{self.id}: no proxy node reachable and direct fallback is off ({summary})")
        last = refusals[-1]
        if last.status == 429:
            return ccxt.RateLimitExceeded(f"{self.id}: proxy refused ({last.error}): {last.message}")
        return ProxyRefused(f"{self.id}: proxy refused the request ({summary})")

    def _log_fallback(self, failures: list[_HopFailed]) -> None:
        logger.warning("all proxy nodes unreachable; sending directly (IP-restricted keys will fail)",
                       extra={"exchange": self.id, "proxy_failures": [str(f) for f in failures]})


async def _refuse_redirect(session, context, params) -> None:
    """aiohttp trace hook: a redirect is never followed (it would carry the API key and signature
    headers to wherever the Location points, around the proxy node)."""
    params.response.release()
    raise aiohttp.TooManyRedirects(params.response.request_info, (params.response,),
                                   message="exchange calls never follow redirects")


_NO_REDIRECTS = aiohttp.TraceConfig()
_NO_REDIRECTS.on_request_redirect.append(_refuse_redirect)
_NO_REDIRECTS.freeze()


class SyncProxiedExchange(_ProxiedBase):
    def fetch(self, url, method="GET", headers=None, body=None):
        # requests would follow a 3xx with every header (API key, signature, X-Verzek-*) to the
        # Location; with no redirect allowed it raises instead (ccxt: ExchangeError) and sends nothing.
        self.session.max_redirects = 0
        route = self._verzek_route
        if route is None:
            return super().fetch(url, method, headers, body)
        failures: list[_HopFailed] = []
        # ccxt adds its default headers (User-Agent, Accept-Encoding) inside fetch: add them first so
        # they are signed too (the node forwards only signed headers).
        prepared = self.prepare_request_headers(dict(headers or {}))
        account = signing.account_tag(self.apiKey)
        for proxy_url in route.order():
            try:
                return super().fetch(proxy_url + FORWARD_PATH, method,
                                     route.signed_headers(proxy_url, url, method, prepared, body, account), body)
            except Exception as exc:
                failure = self._attempt_failed(proxy_url, exc, method)
                if failure is None:
                    raise
                failures.append(failure)
        if route.direct_fallback and all(f.kind == "unreachable" for f in failures):
            self._log_fallback(failures)
            return super().fetch(url, method, headers, body)
        raise self._final_error(failures)


class AsyncProxiedExchange(_ProxiedBase):
    def open(self, lazy=False):
        super().open(lazy)
        traces = getattr(self.session, "_trace_configs", None)
        if traces is not None and _NO_REDIRECTS not in traces:
            # ccxt builds its own ClientSession without trace configs; aiohttp has no session-wide
            # "allow_redirects=False", so the redirect hook is added to the session it built.
            traces.append(_NO_REDIRECTS)

    async def fetch(self, url, method="GET", headers=None, body=None):
        route = self._verzek_route
        if route is None:
            return await super().fetch(url, method, headers, body)
        failures: list[_HopFailed] = []
        # ccxt adds its default headers (User-Agent, Accept-Encoding) inside fetch: add them first so
        # they are signed too (the node forwards only signed headers).
        prepared = self.prepare_request_headers(dict(headers or {}))
        account = signing.account_tag(self.apiKey)
        for proxy_url in route.order():
            try:
                return await super().fetch(proxy_url + FORWARD_PATH, method,
                                           route.signed_headers(proxy_url, url, method, prepared, body, account), body)
            except Exception as exc:
                failure = self._attempt_failed(proxy_url, exc, method)
                if failure is None:
                    raise
                failures.append(failure)
        if route.direct_fallback and all(f.kind == "unreachable" for f in failures):
            self._log_fallback(failures)
            return await super().fetch(url, method, headers, body)
        raise self._final_error(failures)


@cache
def proxied_class(ccxt_id: str, async_: bool) -> type:
    """`ccxt.<id>` (or its async twin) with the proxy hook; one class per exchange, cached."""
    module = ccxt_async if async_ else ccxt
    base = getattr(module, ccxt_id)
    mixin = AsyncProxiedExchange if async_ else SyncProxiedExchange
    return type(f"Proxied{base.__name__}", (mixin, base), {"__module__": __name__})


def _ccxt_id_and_options(exchange_id: str, market_type: str) -> tuple[str, dict]:
    if exchange_id == "binance":
        # Load only the market families we trade: one exchangeInfo call instead of three.
        types = ["spot"] if market_type == "spot" else ["linear"]
        return "binance", {"defaultType": "spot" if market_type == "spot" else "future",
                           "fetchMarkets": {"types": types}, "fetchCurrencies": False,
                           "fetchMargins": False}
    if exchange_id == "bybit":
        types = ["spot"] if market_type == "spot" else ["linear"]
        return "bybit", {"defaultType": "spot" if market_type == "spot" else "swap", "defaultSubType": "linear",
                         "fetchMarkets": {"types": types},
                         # Our orders are looked up soon after placing them: within Bybit's last-500 window.
                         "fetchOrder": {"acknowledged": True}}
    if exchange_id == "phemex":
        return "phemex", {"defaultType": "spot" if market_type == "spot" else "swap"}
    return ("kraken", {}) if market_type == "spot" else ("krakenfutures", {})


def create_ccxt_client(exchange_id: str, *, api_key: str, secret: str, password: str | None = None,
                       testnet: bool = False, market_type: str = "spot", async_: bool = False,
                       settings: Settings | None = None, options: dict | None = None, timeout_ms: int = 10_000,
                       prefer_nodes: tuple[str, ...] = ()):
    """A ccxt client for one user's account whose requests go through the proxy when enabled.

    `options` are merged over the defaults (ccxt `options`). `prefer_nodes`: node names (host[:port]
    of a `PROXY_URLS` entry) tried first, in order: the account's assigned node (`verzek.exchange.fleet`).
    Raises ValueError for an unknown exchange or market type, or an incomplete proxy configuration.
    """
    exchange_id = (exchange_id or "").strip().lower()
    if exchange_id not in SUPPORTED_EXCHANGES:
        raise ValueError(f"unsupported exchange {exchange_id!r}; expected one of {', '.join(SUPPORTED_EXCHANGES)}")
    if market_type not in MARKET_TYPES:
        raise ValueError(f"market_type must be 'spot' or 'future', not {market_type!r}")
    if not api_key or not secret:
        raise ValueError("api_key and secret are required")
    route = ProxyRoute.from_settings(settings or get_settings())
    if route is not None and prefer_nodes:
        route = dataclasses.replace(route, prefer=tuple(prefer_nodes))
    ccxt_id, default_options = _ccxt_id_and_options(exchange_id, market_type)
    config = {"apiKey": api_key, "secret": secret, "enableRateLimit": True, "timeout": timeout_ms,
              "options": {**default_options, **(options or {})}}
    if password:
        config["password"] = password
    client = proxied_class(ccxt_id, async_)(config)
    # Currency metadata is a private, weighty call that trading does not need; skip it in load_markets.
    client.has["fetchCurrencies"] = False
    client._verzek_route = route
    if testnet:
        client.set_sandbox_mode(True)
    return client
