#!/usr/bin/env python3
"""Load simulation of the proxy fleet: many users on 4 exchanges, N proxy nodes, the exchange double.

    .venv/bin/python scripts/sim_proxy_fleet.py [--users 10000] [--nodes 1,8] [--minute-seconds 30]
                                                [--minutes 5] [--burst] [--burst-at 90] [--burst-seconds 10]

What runs (all real, on 127.0.0.1):
* the exchange double (tests/support/exchange_double.py) in its own process, knowing every user's
  API key, checking each exchange's real signature, and enforcing each exchange's published per-IP
  limit per source IP — Binance USD-M 2,400 weight/min, Bybit 600 requests/5 s, Phemex 5,000
  requests/5 min, Kraken Futures 500 requests/10 s — answering 429, then 418 (an IP ban) to an IP
  that keeps sending, as Binance does;
* N proxy nodes (`verzek proxy`, each its own process and state file), each sending from its own
  loopback address (PROXY_NODE_SOURCE_ADDRESS 127.0.x.y), so the double sees one IP per node;
* the users: each exchange account is placed on a node by the fleet's consistent-hashing ring
  (`verzek.exchange.fleet.ring_node`) and makes `--requests-per-user` account reads per simulated
  minute (the monitor's one batched call per account), spread evenly over the minute, signed by
  ccxt's real `sign()` for its exchange and by the proxy's HMAC with the user's account tag.

With `--burst` one signal fans out during the run: every user sends one order within
`--burst-seconds` (simulated) starting at `--burst-at`: Binance USD-M a signed POST /fapi/v1/order and
Bybit a signed POST /v5/order/create, both answered by the double's order books (the simulated
users hold no balance: "insufficient margin" is the exchange's answer, the request still counts);
Phemex and Kraken Futures count every request alike against their per-IP limits, so their burst
request is the signed account read (the double has no order endpoint for them). An order a node
holds back (its budget would pass the exchange's limit) is sent again after the node's Retry-After,
as the executor's retry does; the report gives how long until every order was answered by the
exchange, per exchange, against the 1-node baseline. `--minutes 5` fills Phemex's 5-minute window.

Time is scaled: one simulated minute lasts `--minute-seconds` real seconds and every per-IP window
(the double's and the nodes' budgets) is scaled alike, so "per minute" figures are per simulated
minute. The report gives, per node count and exchange, the requests (Binance: weight) per minute per
IP against the published limit, what the nodes held back, and the exchange's 429s and 418s, with
ratios against the 1-node baseline measured in the same run. If the machine cannot send at the
offered rate, the achieved rate is printed next to it.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "layers" / "shared" / "python")]

HMAC_KEY_ID, HMAC_SECRET = "sim", "sim-proxy-secret-0123456789abcdef-0123456789"
# exchange -> (ccxt id, api, path, params, node budget group, hosts to route to the double)
EXCHANGES = {
    "binance": ("binance", ["fapiPrivateV2"], "account", {}, "binance-usdm", ("fapi.binance.com",)),
    "bybit": ("bybit", ["private"], "v5/account/wallet-balance", {"accountType": "UNIFIED"}, "bybit",
              ("api.bybit.com",)),
    "phemex": ("phemex", ["private"], "g-accounts/accountPositions", {"currency": "USDT"}, "phemex",
               ("api.phemex.com",)),
    "kraken": ("krakenfutures", ["private"], "openpositions", {}, "kraken-futures", ("futures.kraken.com",)),
}
# The burst's request per exchange: (api, path, method, params for user i); None = the account read.
ORDERS = {
    "binance": (["fapiPrivate"], "order", "POST",
                lambda i: {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.001",
                           "newClientOrderId": f"sim-burst-{i}"}),
    "bybit": (["private"], "v5/order/create", "POST",
              lambda i: {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Market",
                         "qty": "0.001", "orderLinkId": f"sim-burst-{i}"}),
    "phemex": None,
    "kraken": None,
}
HELD = ("exchange_budget", "account_rate_limited", "key_rate_limited", "node_busy")
# Published per-IP limits: (units, window seconds), units = requests (Binance: request weight).
LIMITS = {"binance-usdm": (2400, 60.0), "bybit": (600, 5.0), "phemex": (5000, 300.0), "kraken-futures": (500, 10.0)}
WEIGHT = {"binance-usdm": 5, "bybit": 1, "phemex": 1, "kraken-futures": 1}   # GET /fapi/v2/account: weight 5


def user_key(i: int) -> tuple[str, str]:
    secret = base64.b64encode(hashlib.sha256(f"sim-secret-{i}".encode()).digest()).decode()
    return f"simkey{i:06d}", secret


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------- the double's process
def serve_double(users: int, scale: float) -> None:
    from tests.support.exchange_double import ExchangeDouble

    double = ExchangeDouble()
    for i in range(users):
        double.accounts[user_key(i)[0]] = user_key(i)[1]
    double.limit_per_ip({group: (units, window / scale) for group, (units, window) in LIMITS.items()},
                        ban_seconds=120.0 / scale)
    double.start()
    print(double.base_url, flush=True)
    sys.stdin.read()                 # until the simulation closes our stdin
    double.stop()


# --------------------------------------------------------------------------- nodes
def start_nodes(count: int, config_index: int, double_url: str, scale: float, workdir: Path) -> list[dict]:
    verzek = Path(sys.executable).with_name("verzek")
    budget_limits = ",".join(f"{g}={u}/{w / scale:g}" for g, (u, w) in LIMITS.items())
    overrides = ",".join(f"{h}={double_url}" for *_, hosts in EXCHANGES.values() for h in hosts)
    nodes = []
    for i in range(count):
        port = free_port()
        source = f"127.0.{config_index + 1}.{10 + i}"
        env = {**os.environ, "VERZEK_ENV": "test", "LOG_LEVEL": "WARNING", "PROXY_NODE_ID": f"sim-{i}",
               "PROXY_NODE_HMAC_KEYS": f"{HMAC_KEY_ID}:{HMAC_SECRET}", "PROXY_NODE_UPSTREAM_OVERRIDES": overrides,
               "PROXY_NODE_SOURCE_ADDRESS": source, "PROXY_NODE_BUDGET_LIMITS": budget_limits,
               "PROXY_NODE_STATE_PATH": str(workdir / f"node-{config_index}-{i}.sqlite3"),
               "PROXY_NODE_KEY_RATE_PER_SECOND": "5000", "PROXY_NODE_KEY_RATE_BURST": "10000"}
        process = subprocess.Popen([str(verzek), "proxy", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
        nodes.append({"url": f"http://127.0.0.1:{port}", "ip": source, "process": process})
    import httpx

    for node in nodes:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(node["url"] + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if node["process"].poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"node failed to start: {node['process'].stderr.read().decode()[-1500:]}")
            time.sleep(0.1)
    return nodes


def stop_nodes(nodes: list[dict]) -> None:
    for node in nodes:
        if node["process"].poll() is None:
            os.killpg(node["process"].pid, signal.SIGTERM)
    for node in nodes:
        try:
            node["process"].wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(node["process"].pid, signal.SIGKILL)


# --------------------------------------------------------------------------- one configuration
async def drive(users: int, nodes: list[dict], minute_seconds: float, per_user: int, concurrency: int,
                label: str, *, minutes: int = 1, burst: tuple[float, float] | None = None,
                double_url: str | None = None) -> dict:
    """`burst`: (start, spread) in real seconds from the run's start: one order per user."""
    import aiohttp
    import ccxt
    from verzek.config import Settings
    from verzek.exchange import fleet, signing
    from verzek.exchange.proxy_client import ProxyRoute

    settings = Settings(PROXY_ENABLED=True, PROXY_URLS=",".join(n["url"] for n in nodes),
                        PROXY_PUBLIC_IPS=",".join(n["ip"] for n in nodes), PROXY_HMAC_KEY=HMAC_SECRET,
                        PROXY_KEY_ID=HMAC_KEY_ID)
    ring = fleet.fleet_from_settings(settings)
    route = ProxyRoute.from_settings(settings)
    signers = {name: getattr(ccxt, spec[0])({"enableRateLimit": False}) for name, spec in EXCHANGES.items()}
    names = list(EXCHANGES)
    placement = [fleet.ring_node(ring, i + 1) for i in range(users)]      # exchange account id = i + 1
    # Each user's reads spread over the minute, users interleaved (exchanges and nodes mixed).
    schedule = sorted((m * minute_seconds + ((((i * 7919) % users) + k * users) / (users * per_user)) * minute_seconds,
                       i, False)
                      for m in range(minutes) for i in range(users) for k in range(per_user))
    if burst is not None:
        start_s, spread_s = burst
        schedule = sorted(schedule + [(start_s + ((i * 7919) % users) / users * spread_s, i, True)
                                      for i in range(users)])
    results = {"status": {}, "latency_ms": [], "lag_s": 0.0,
               "burst": {"done_s": {}, "held": {}, "answers": {}, "unanswered": {}}}
    semaphore = asyncio.Semaphore(concurrency)
    burst_stats: dict = {}

    def signed(i: int, order: bool) -> tuple[str, str, dict, str | None, str]:
        exchange = names[i % 4]
        _, api, path, params, group, _ = EXCHANGES[exchange]
        method = "GET"
        if order and ORDERS[exchange] is not None:
            api, path, method, make = ORDERS[exchange]
            params = make(i)
        signer = signers[exchange]
        signer.apiKey, signer.secret = user_key(i)
        request = signer.sign(path, api, method, dict(params))
        node = placement[i]
        headers = route.signed_headers(node.url, request["url"], method, request["headers"], request["body"],
                                       signing.account_tag(signer.apiKey))
        return method, node.url, headers, request["body"], group

    async def send(session, i: int, order: bool) -> tuple[str, float, str]:
        method, node_url, headers, body, group = signed(i, order)
        started = time.perf_counter()
        retry_after = 1.0
        try:
            async with session.request(method, node_url + "/v1/forward", headers=headers, data=body) as answer:
                await answer.read()
                outcome = (answer.headers.get("X-Verzek-Proxy-Error") or str(answer.status))
                retry_after = float(answer.headers.get("Retry-After") or 1)
        except (aiohttp.ClientError, TimeoutError) as exc:
            outcome = f"client:{type(exc).__name__}"
        if not order:  # the steady reads' figures; the burst's orders are counted on their own
            results["latency_ms"].append((time.perf_counter() - started) * 1000)
            key = (group, outcome)
            results["status"][key] = results["status"].get(key, 0) + 1
        return outcome, retry_after, group

    async def one(session, i: int, order: bool, burst_start: float | None) -> None:
        try:
            outcome, retry_after, group = await send(session, i, order)
        finally:
            semaphore.release()
        if not order:
            return
        b = results["burst"]
        # held back by the node: sent again after its Retry-After, as the executor's retry would
        while outcome in HELD and time.monotonic() - burst_start < 10 * minute_seconds:
            b["held"][group] = b["held"].get(group, 0) + 1
            await asyncio.sleep(retry_after)
            async with semaphore:
                outcome, retry_after, group = await send(session, i, order)
        if outcome in HELD or outcome.startswith("client:"):
            b["unanswered"][group] = b["unanswered"].get(group, 0) + 1
            return
        b["answers"].setdefault(group, {})[outcome] = b["answers"].get(group, {}).get(outcome, 0) + 1
        b["done_s"].setdefault(group, []).append(time.monotonic() - burst_start)

    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=0)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30),
                                     skip_auto_headers=("User-Agent",)) as session:
        # Start on a boundary of the (scaled) minute: Binance counts weight in clock-aligned minutes.
        await asyncio.sleep(minute_seconds - time.time() % minute_seconds)
        start = time.monotonic()
        burst_start = None
        tasks, next_report = [], start + 2
        for n, (at, i, order) in enumerate(schedule):
            delay = start + at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                results["lag_s"] = max(results["lag_s"], -delay)
            if order and burst_start is None:
                burst_start = time.monotonic()
                if double_url:
                    burst_stats["before"] = await asyncio.to_thread(ip_stats, double_url)
            await semaphore.acquire()
            tasks.append(asyncio.create_task(one(session, i, order, burst_start)))
            if time.monotonic() >= next_report:
                next_report += 2
                done = n + 1
                elapsed = time.monotonic() - start
                eta = max(0.0, schedule[-1][0] - elapsed)
                print(f"  {label}: {done:,}/{len(schedule):,} sent, {elapsed:4.0f} s, ETA {eta:3.0f} s", flush=True)
        await asyncio.gather(*tasks)
        results["elapsed_s"] = time.monotonic() - start
        if burst_stats and double_url:
            after = await asyncio.to_thread(ip_stats, double_url)
            results["burst"]["exchange_refusals"] = {
                code: {g: sum(after.get(ip, {}).get(g, {}).get(code, 0)
                              - burst_stats["before"].get(ip, {}).get(g, {}).get(code, 0) for ip in after)
                       for g in LIMITS} for code in ("429", "418")}
    return results


def ip_stats(double_url: str) -> dict:
    import httpx

    return httpx.get(double_url + "/__double/ip-stats", timeout=10).json()


def summarise(users: int, nodes: list[dict], results: dict, stats: dict, per_user: int, minutes: float) -> dict:
    per_exchange = users // 4
    rows = {}
    for group, (units, window) in LIMITS.items():
        per_minute_limit = units * 60.0 / window
        ips = [stats.get(n["ip"], {}).get(group, {"requests": 0, "weight": 0, "429": 0, "418": 0}) for n in nodes]
        used = [s["weight"] for s in ips]
        outcome = {k[1]: v for k, v in results["status"].items() if k[0] == group}
        rows[group] = {
            "limit_per_min": per_minute_limit,
            "demand_per_min": per_exchange * per_user * WEIGHT[group],
            "max_ip_per_min": max(used) / minutes if used else 0,
            "through": outcome.get("200", 0),
            "held_by_node": sum(v for k, v in outcome.items() if k in ("exchange_budget", "account_rate_limited",
                                                                         "key_rate_limited", "node_busy")),
            "other": sum(v for k, v in outcome.items() if k not in ("200", "exchange_budget", "account_rate_limited",
                                                                      "key_rate_limited", "node_busy")),
            "exchange_429": sum(s["429"] for s in ips),
            "exchange_418": sum(s["418"] for s in ips),
        }
    latencies = sorted(results["latency_ms"])
    burst = results["burst"]
    burst_rows = {}
    for group in LIMITS if burst["done_s"] or burst["unanswered"] else ():
        done = sorted(burst["done_s"].get(group, []))
        refusals = burst.get("exchange_refusals", {})
        burst_rows[group] = {
            "orders": len(done) + burst["unanswered"].get(group, 0),
            "answered": len(done), "unanswered": burst["unanswered"].get(group, 0),
            "held_answers": burst["held"].get(group, 0),
            "p50_s": statistics.median(done) if done else None, "all_s": done[-1] if done else None,
            "answers": burst["answers"].get(group, {}),
            "exchange_429": refusals.get("429", {}).get(group, 0), "exchange_418": refusals.get("418", {}).get(group, 0),
        }
    return {"rows": rows, "burst": burst_rows, "p50_ms": statistics.median(latencies), "p99_ms": latencies[int(len(latencies) * 0.99) - 1],
            "elapsed_s": results["elapsed_s"], "lag_s": results["lag_s"], "sent": len(latencies),
            "outcomes": {f"{g}:{o}": v for (g, o), v in sorted(results["status"].items())}}


def print_burst(n: int, summary: dict, scale: float) -> None:
    if not summary["burst"]:
        return
    print("  burst (one order per user; times in simulated seconds from the burst's start):")
    print(f"  {'exchange':<16} {'orders':>7} {'answered':>9} {'held':>6} {'p50 s':>7} {'all s':>7} {'429':>5} {'418':>5}"
          "  exchange answers")
    for group, r in summary["burst"].items():
        p50 = f"{r['p50_s'] * scale:7.1f}" if r["p50_s"] is not None else f"{'-':>7}"
        whole = f"{r['all_s'] * scale:7.1f}" if r["all_s"] is not None else f"{'-':>7}"
        answers = ", ".join(f"{k}: {v:,}" for k, v in sorted(r["answers"].items()))
        print(f"  {group:<16} {r['orders']:>7,} {r['answered']:>9,} {r['held_answers']:>6,} {p50} {whole} "
              f"{r['exchange_429']:>5} {r['exchange_418']:>5}  {answers}")


def print_report(n: int, summary: dict, minute_seconds: float) -> None:
    print(f"\n{n} node(s): {summary['sent']:,} requests in {summary['elapsed_s']:.1f} s "
          f"(offered {summary['sent'] / summary['elapsed_s']:.0f}/s; most behind schedule {summary['lag_s']:.1f} s), "
          f"latency p50 {summary['p50_ms']:.1f} ms p99 {summary['p99_ms']:.1f} ms")
    print(f"  {'exchange (per-IP limit)':<34} {'demand/min':>10} {'max/IP/min':>10} {'% limit':>8} "
          f"{'through':>8} {'held':>6} {'other':>6} {'429':>5} {'418':>5}")
    for group, r in summary["rows"].items():
        units = "weight" if group.startswith("binance") else "req"
        limit = f"{group} ({r['limit_per_min']:,.0f} {units}/min)"
        print(f"  {limit:<34} {r['demand_per_min']:>10,.0f} {r['max_ip_per_min']:>10,.0f} "
              f"{100 * r['max_ip_per_min'] / r['limit_per_min']:>7.0f}% {r['through']:>8,} {r['held_by_node']:>6,} "
              f"{r['other']:>6,} {r['exchange_429']:>5} {r['exchange_418']:>5}")


def _ratio(value: float | None, base: float | None) -> str:
    return f"x{value / base:.2f}" if value is not None and base else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--nodes", default="1,8", help="node counts to run, comma-separated; the first is the "
                                                       "baseline (default 1,8)")
    parser.add_argument("--minute-seconds", type=float, default=30.0,
                        help="real seconds per simulated minute; per-IP windows are scaled alike (default 30)")
    parser.add_argument("--requests-per-user", type=int, default=1, help="account reads per user per minute")
    parser.add_argument("--minutes", type=int, default=1, help="simulated minutes of steady reads (default 1; 5 fills "
                                                               "Phemex's 5-minute window)")
    parser.add_argument("--burst", action="store_true", help="one signal fans out: one order per user")
    parser.add_argument("--burst-at", type=float, default=30.0, help="simulated second of the burst's start (30)")
    parser.add_argument("--burst-seconds", type=float, default=10.0,
                        help="simulated seconds the fan-out spreads its orders over (10)")
    parser.add_argument("--concurrency", type=int, default=256, help="requests in flight at most")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--serve-double", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_double:
        serve_double(args.users, args.scale)
        return 0
    if args.users < 4 or args.users % 4:
        parser.error("--users must be a positive multiple of 4 (one quarter per exchange)")
    counts = [int(c) for c in args.nodes.split(",")]
    scale = 60.0 / args.minute_seconds
    print(f"{args.users:,} users ({args.users // 4:,} per exchange: Binance USD-M, Bybit, Phemex, Kraken Futures), "
          f"{args.requests_per_user} account read(s) per user per simulated minute; 1 simulated minute = "
          f"{args.minute_seconds:g} s, every per-IP window scaled alike; node counts {counts}", flush=True)
    double = subprocess.Popen([sys.executable, __file__, "--serve-double", "--users", str(args.users),
                               "--scale", str(scale)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    double_url = double.stdout.readline().strip()
    if not double_url.startswith("http"):
        raise SystemExit("the exchange double did not start")
    summaries = {}
    try:
        with tempfile.TemporaryDirectory(prefix="sim-fleet-") as workdir:
            for index, count in enumerate(counts):
                nodes = start_nodes(count, index, double_url, scale, Path(workdir))
                try:
                    burst = (args.burst_at / scale, args.burst_seconds / scale) if args.burst else None
                    results = asyncio.run(drive(args.users, nodes, args.minute_seconds, args.requests_per_user,
                                                args.concurrency, f"{count} node(s)", minutes=args.minutes,
                                                burst=burst, double_url=double_url))
                finally:
                    stop_nodes(nodes)
                summaries[count] = summarise(args.users, nodes, results, ip_stats(double_url), args.requests_per_user,
                                             results["elapsed_s"] / args.minute_seconds)
                print_report(count, summaries[count], args.minute_seconds)
                print_burst(count, summaries[count], scale)
    finally:
        double.stdin.close()
        double.wait(20)
    base = summaries[counts[0]]
    print(f"\nRatios against the {counts[0]}-node baseline (same run):")
    for count in counts[1:]:
        s = summaries[count]
        through = sum(r["through"] for r in s["rows"].values()) / max(1, sum(r["through"] for r in base["rows"].values()))
        print(f"  {count} nodes: requests reaching the exchanges x{through:.2f} ("
              + ", ".join(f"{g} x{s['rows'][g]['through'] / max(1, base['rows'][g]['through']):.2f}" for g in LIMITS)
              + "); max per-IP load "
              + ", ".join(f"{g} x{s['rows'][g]['max_ip_per_min'] / max(1, base['rows'][g]['max_ip_per_min']):.2f}"
                          for g in LIMITS)
              + f"; p50 latency x{s['p50_ms'] / base['p50_ms']:.2f}")
        if s["burst"] and base["burst"]:
            print(f"  {count} nodes: burst answered in full after "
                  + ", ".join(f"{g} {_ratio(s['burst'][g]['all_s'], base['burst'][g]['all_s'])}" for g in LIMITS)
                  + " of the baseline's time")
    for count, summary in summaries.items():
        for group, r in summary["rows"].items():
            window = LIMITS[group][1]
            if r["max_ip_per_min"] > r["limit_per_min"] and window > 60 and not r["held_by_node"]:
                print(f"  note: {count} node(s), {group}: above the sustained limit but nothing held back yet - its "
                      f"{window / 60:g}-minute window is not full after one minute; a longer run would see the node "
                      "hold back the excess")
    need = {g: math.ceil(base["rows"][g]["demand_per_min"] / (LIMITS[g][0] * 60 / LIMITS[g][1] * 0.95))
            for g in LIMITS}
    print("Nodes needed to carry this demand under every limit (even spread, at the nodes' 95 % hard ratio): "
          + ", ".join(f"{g} {n}" for g, n in need.items()) + f" -> {max(need.values())}")
    bans = sum(r["exchange_418"] for s in summaries.values() for r in s["rows"].values())
    print(f"418 (IP ban) answers from the exchanges in all runs: {bans}")
    if args.json:
        Path(args.json).write_text(json.dumps({str(k): v for k, v in summaries.items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
