"""Benchmark: latency the proxy node adds, and requests/second through it, on this machine.

Starts two processes on 127.0.0.1 — a minimal upstream (stands in for an exchange) and the real
proxy node (uvicorn, one worker, overrides pointing api.binance.com at the upstream) — then:

1. latency: N sequential keep-alive GETs direct to the upstream (baseline) and N through the node
   (client-side HMAC signing included), interleaved in rounds; reports p50/p99 of each and the
   difference (the latency the proxy adds). Goal: under 1 ms added at p50.
2. throughput: C concurrent requests kept in flight for T seconds (one aiohttp session as the load
   generator: httpx's async client costs ~1 ms per request here and would measure itself), direct
   and through the node.

    .venv/bin/python scripts/bench_proxy.py [--requests 3000] [--concurrency 32] [--seconds 5]
                                            [--node-path DIR]

`--node-path DIR` runs the `proxy_node` package found in DIR instead of this checkout's, e.g. an
earlier version extracted with `git archive <rev> proxy_node | tar -x -C DIR`, so a before/after
comparison uses the same script and the same baselines.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
HMAC_SECRET = "bench-secret-0123456789abcdef0123456789"
TARGET = "https://api.binance.com/api/v3/time"
BODY = b'{"serverTime":1700000000000}'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_upstream(port: int) -> None:
    """The stand-in exchange: a tiny fixed JSON answer, as cheap as possible."""
    import uvicorn

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"x-mbx-used-weight-1m", b"1")]})
        await send({"type": "http.response.body", "body": BODY})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, server_header=False,
                date_header=False)


def wait_ready(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=0.5)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not come up")


def node_source(env: dict) -> str:
    """Which proxy_node the node process imports (and its upstream client), as a check on --node-path."""
    probe = ("import proxy_node.app as a; print(a.__file__, 'aiohttp' if hasattr(a, 'aiohttp') else 'httpx')")
    return subprocess.run([sys.executable, "-c", probe], env=env, cwd=env.get("PYTHONPATH", "").split(os.pathsep)[0]
                          or REPO, capture_output=True, text=True, check=True).stdout.strip()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_latency(direct_url: str, node_url: str, n: int) -> tuple[list[float], list[float]]:
    from verzek.exchange.signing import node_of, sign_request

    direct, proxied = [], []
    with httpx.Client(timeout=5) as client:
        for _ in range(200):                                       # warm up both paths
            client.get(direct_url)
            client.get(node_url, headers=sign_request("k1", HMAC_SECRET.encode(), "GET", TARGET, b"",
                                                      node=node_of(node_url)))
        rounds = 10
        for _ in range(rounds):                                    # interleave to share machine noise
            for _ in range(n // rounds):
                started = time.perf_counter()
                assert client.get(direct_url).status_code == 200
                direct.append((time.perf_counter() - started) * 1000)
            for _ in range(n // rounds):
                started = time.perf_counter()
                headers = sign_request("k1", HMAC_SECRET.encode(), "GET", TARGET, b"", node=node_of(node_url))
                assert client.get(node_url, headers=headers).status_code == 200
                proxied.append((time.perf_counter() - started) * 1000)
    return direct, proxied


async def measure_throughput(url: str, signed: bool, concurrency: int, seconds: float) -> float:
    import aiohttp
    from verzek.exchange.signing import node_of, sign_request

    done = 0
    deadline = time.perf_counter() + seconds

    async def worker(session: aiohttp.ClientSession):
        nonlocal done
        while time.perf_counter() < deadline:
            headers = sign_request("k1", HMAC_SECRET.encode(), "GET", TARGET, b"", node=node_of(url)) if signed else None
            async with session.get(url, headers=headers) as response:
                await response.read()
                if response.status == 200:
                    done += 1

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=10)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        return done / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--node-path", type=Path, help="directory holding the proxy_node package to run")
    parser.add_argument("--serve-upstream", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_upstream:
        serve_upstream(args.serve_upstream)
        return 0

    upstream_port, node_port = free_port(), free_port()
    env = {**os.environ, "VERZEK_ENV": "local", "PROXY_NODE_HMAC_KEYS": f"k1:{HMAC_SECRET}",
           "PROXY_NODE_UPSTREAM_OVERRIDES": f"api.binance.com=http://127.0.0.1:{upstream_port}",
           # Measure forwarding, not the budgets: lift the per-key and per-exchange limits.
           "PROXY_NODE_KEY_RATE_PER_SECOND": "1000000", "PROXY_NODE_KEY_RATE_BURST": "1000000",
           "PROXY_NODE_BUDGET_LIMITS": "binance-spot=100000000/60", "PROXY_NODE_MAX_CONNECTIONS": "64",
           # The node's shared state on disk (SQLite, WAL), as in production (older nodes ignore it).
           "PROXY_NODE_STATE_PATH": os.path.join(tempfile.mkdtemp(prefix="bench-proxy-"), "state.sqlite3")}
    if args.node_path:
        if not (args.node_path / "proxy_node" / "app.py").is_file():
            parser.error(f"--node-path: no proxy_node/app.py under {args.node_path}")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.node_path.resolve()), env.get("PYTHONPATH")]))
    processes = [
        subprocess.Popen([sys.executable, __file__, "--serve-upstream", str(upstream_port)], cwd=REPO,
                         stdout=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "-m", "verzek.cli", "proxy", "--port", str(node_port)],
                         cwd=args.node_path or REPO, env=env, stdout=subprocess.DEVNULL),
    ]
    try:
        direct_url = f"http://127.0.0.1:{upstream_port}/api/v3/time"
        node_url = f"http://127.0.0.1:{node_port}/v1/forward"
        wait_ready(direct_url)
        wait_ready(f"http://127.0.0.1:{node_port}/health")

        print(f"node: {node_source(env)}   load average before: {os.getloadavg()[0]:.2f}")
        direct, proxied = measure_latency(direct_url, node_url, args.requests)
        d50, d99 = percentile(direct, 0.50), percentile(direct, 0.99)
        p50, p99 = percentile(proxied, 0.50), percentile(proxied, 0.99)
        print(f"latency over {len(direct)} sequential keep-alive requests each (ms):")
        print(f"  direct   p50 {d50:.3f}  p99 {d99:.3f}  mean {statistics.mean(direct):.3f}")
        print(f"  proxied  p50 {p50:.3f}  p99 {p99:.3f}  mean {statistics.mean(proxied):.3f}")
        print(f"  added    p50 {p50 - d50:.3f}  p99 {p99 - d99:.3f}   (goal: < 1 ms at p50: "
              f"{'met' if p50 - d50 < 1 else 'NOT met'})")

        direct_rps = asyncio.run(measure_throughput(direct_url, False, args.concurrency, args.seconds))
        proxied_rps = asyncio.run(measure_throughput(node_url, True, args.concurrency, args.seconds))
        print(f"throughput with {args.concurrency} concurrent clients over {args.seconds:g} s (client, node and "
              f"upstream share {os.cpu_count()} cores):")
        print(f"  direct {direct_rps:.0f} req/s   through the node {proxied_rps:.0f} req/s   "
              f"ratio {proxied_rps / direct_rps:.2f}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
