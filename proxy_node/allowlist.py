"""Which exchange hosts the node forwards to, and how a client's target URL is checked.

The node is not an open proxy: a target must be `https://<allowed host>/...` on the default port,
with no user info and no IP literal, so it can never be pointed at internal addresses. Each
allowed host belongs to a rate-budget group (hosts sharing one per-IP limit at the exchange).
"""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class BudgetSpec:
    """An exchange's per-IP request limit: `limit` units per `window_seconds`.

    `used_header`: response header in which the exchange reports the units used in the current
    clock-aligned window (Binance's X-MBX-USED-WEIGHT-1M); without one the node counts requests
    itself over a sliding window.
    """

    limit: int
    window_seconds: float
    used_header: str | None = None


# Published per-IP limits (2025). Overridable with PROXY_NODE_BUDGET_LIMITS.
BUDGET_SPECS: dict[str, BudgetSpec] = {
    "binance-spot": BudgetSpec(6000, 60, "x-mbx-used-weight-1m"),
    "binance-usdm": BudgetSpec(2400, 60, "x-mbx-used-weight-1m"),
    "binance-coinm": BudgetSpec(2400, 60, "x-mbx-used-weight-1m"),
    "binance-options": BudgetSpec(400, 60, "x-mbx-used-weight-1m"),
    "binance-portfolio": BudgetSpec(6000, 60, "x-mbx-used-weight-1m"),
    "binance-spot-testnet": BudgetSpec(6000, 60, "x-mbx-used-weight-1m"),
    "binance-futures-testnet": BudgetSpec(2400, 60, "x-mbx-used-weight-1m"),
    "binance-demo": BudgetSpec(6000, 60, "x-mbx-used-weight-1m"),
    "bybit": BudgetSpec(600, 5),            # 600 requests / 5 s per IP
    "bybit-testnet": BudgetSpec(600, 5),
    "phemex": BudgetSpec(5000, 300),        # 5000 requests / 5 min per IP
    "phemex-testnet": BudgetSpec(5000, 300),
    "kraken": BudgetSpec(60, 60),           # public REST: about 1 request/s per IP
    "kraken-futures": BudgetSpec(500, 10),
    "kraken-futures-demo": BudgetSpec(500, 10),
}

# host -> (exchange, budget group). Hosts of one group share the exchange's per-IP limit.
HOST_TABLE: dict[str, tuple[str, str]] = {
    **{h: ("binance", "binance-spot") for h in (
        "api.binance.com", "api1.binance.com", "api2.binance.com", "api3.binance.com", "api4.binance.com",
        "api-gcp.binance.com")},
    "fapi.binance.com": ("binance", "binance-usdm"),
    "dapi.binance.com": ("binance", "binance-coinm"),
    "eapi.binance.com": ("binance", "binance-options"),
    "papi.binance.com": ("binance", "binance-portfolio"),
    "testnet.binance.vision": ("binance", "binance-spot-testnet"),
    "testnet.binancefuture.com": ("binance", "binance-futures-testnet"),
    "demo-api.binance.com": ("binance", "binance-demo"),
    "demo-fapi.binance.com": ("binance", "binance-demo"),
    "demo-dapi.binance.com": ("binance", "binance-demo"),
    "api.bybit.com": ("bybit", "bybit"),
    "api.bytick.com": ("bybit", "bybit"),
    "api-testnet.bybit.com": ("bybit", "bybit-testnet"),
    "api-demo.bybit.com": ("bybit", "bybit-testnet"),
    "api.phemex.com": ("phemex", "phemex"),
    "vapi.phemex.com": ("phemex", "phemex"),
    "testnet-api.phemex.com": ("phemex", "phemex-testnet"),
    "api.kraken.com": ("kraken", "kraken"),
    "futures.kraken.com": ("kraken", "kraken-futures"),
    "demo-futures.kraken.com": ("kraken", "kraken-futures-demo"),
}

DEFAULT_ALLOWED_HOSTS: frozenset[str] = frozenset(HOST_TABLE)

_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@functools.lru_cache(maxsize=256)   # pure; per request it only ever sees allowed hosts (checked first)
def is_valid_public_hostname(host: str) -> bool:
    """A DNS name with at least two labels that is not an IP literal or a local name."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return False
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) < 2 or host.endswith((".local", ".internal", ".localhost")) or host == "localhost":
        return False
    return all(_LABEL_RE.match(label) for label in labels) and not labels[-1].isdigit()


def budget_group(host: str) -> str:
    """Budget group of an allowed host; hosts added by configuration get their own group."""
    return HOST_TABLE.get(host, (host, host))[1]


class TargetRefused(ValueError):
    """The target URL is malformed (`code` bad_target) or not allowed (`code` target_not_allowed)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Target:
    host: str
    path_and_query: str   # exactly as the client signed it, e.g. "/api/v3/order?symbol=...&signature=..."

    @property
    def path(self) -> str:
        return self.path_and_query.split("?", 1)[0]


def parse_target(url: str, allowed_hosts: frozenset[str]) -> Target:
    """Validate a client's target URL; raises TargetRefused with a readable reason."""
    if not url or len(url) > 8192 or any(ch in url for ch in "\r\n\t "):
        raise TargetRefused("bad_target", "target URL is missing, too long or contains whitespace")
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 -- raises on a malformed netloc such as "[api.binance.com]"
    except ValueError:
        raise TargetRefused("bad_target", "target URL is not a valid URL") from None
    if parts.scheme != "https":
        raise TargetRefused("target_not_allowed", "only https:// exchange API targets are forwarded")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise TargetRefused("target_not_allowed", "target URL must not carry user info")
    if parts.fragment:
        raise TargetRefused("bad_target", "target URL must not carry a fragment")
    try:
        port = parts.port
    except ValueError:
        raise TargetRefused("bad_target", "target URL has an invalid port") from None
    host = (parts.hostname or "").lower()
    if port not in (None, 443) or host not in allowed_hosts or not is_valid_public_hostname(host):
        raise TargetRefused("target_not_allowed", "target host is not an allowed exchange API host")
    # Byte for byte what the client signed (urlsplit would drop a bare trailing "?").
    path_and_query = url[len(f"{parts.scheme}://{parts.netloc}"):] or "/"
    if not path_and_query.startswith("/"):
        raise TargetRefused("bad_target", "target URL path must start with '/'")
    return Target(host=host, path_and_query=path_and_query)
