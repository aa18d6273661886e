"""Proxy-node health canary: GET /health on every node in PROXY_URLS, once a minute.

It runs where the trades run (the functions' VPC, out through the NAT), so it sees the outage the
executor would see. Each node's answer becomes the CloudWatch metric `ProxyNodeHealthy` (1/0, per
node URL) and `ProxyNodesDown` (count); the `ProxyNodeDownAlarm` fires on the latter.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class NodeCheck:
    url: str
    healthy: bool
    status: int
    latency_ms: float
    error: str = ""


def check_node(url: str, *, timeout: float = 5.0) -> NodeCheck:
    started = time.monotonic()
    target = url.rstrip("/") + "/health"
    try:
        with urllib.request.urlopen(target, timeout=timeout) as reply:
            status = reply.status
            body = json.loads(reply.read(65536) or b"{}")
        healthy = status == 200 and body.get("status") == "ok"
        return NodeCheck(url, healthy, status, (time.monotonic() - started) * 1000,
                         "" if healthy else "unexpected answer")
    except urllib.error.HTTPError as exc:
        return NodeCheck(url, False, exc.code, (time.monotonic() - started) * 1000, f"HTTP {exc.code}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return NodeCheck(url, False, 0, (time.monotonic() - started) * 1000, type(reason).__name__)


def check_fleet(urls: list[str], *, timeout: float = 5.0) -> list[NodeCheck]:
    return [check_node(url, timeout=timeout) for url in urls]
