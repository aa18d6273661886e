"""The node's shared state (proxy_node/state.py) on the real node: `verzek proxy --workers 2` as
processes sharing one SQLite file, then a restart; and the per-account budget through ccxt's real
signing, where a hot account is throttled while another account's requests pass."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import ccxt
import httpx
import pytest
from verzek.exchange import create_ccxt_client
from verzek.exchange.signing import sign_request

from tests.integration.proxy.conftest import (
    API_KEY,
    API_SECRET,
    DOUBLE_HOSTS,
    HMAC_KEY_ID,
    HMAC_SECRET,
    client_settings,
)

VERZEK = Path(sys.executable).with_name("verzek")
BYBIT_TIME = "https://api.bybit.com/v5/market/time"
BINANCE_TIME = "https://api.binance.com/api/v3/time"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_node(port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen([str(VERZEK), "proxy", "--port", str(port), "--workers", "2"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"node exited: {process.stdout.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("node did not start")


def _stop_node(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
    process.stdout.close()


def _fresh(method: str, url: str, **kwargs) -> httpx.Response:
    """One request on a new connection (the kernel hands each connection to whichever worker accepts)."""
    with httpx.Client(timeout=10) as client:
        return client.request(method, url, **kwargs)


def _signed(port: int, target: str) -> dict:
    return sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), "GET", target, b"", node=f"127.0.0.1:{port}")


@pytest.mark.slow
def test_two_workers_share_nonces_budgets_and_bans_and_a_restart_keeps_them(double, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "VERZEK_ENV": "test", "LOG_LEVEL": "WARNING",
           "PROXY_NODE_HMAC_KEYS": f"{HMAC_KEY_ID}:{HMAC_SECRET}",
           "PROXY_NODE_UPSTREAM_OVERRIDES": ",".join(f"{h}={double.base_url}" for h in DOUBLE_HOSTS),
           "PROXY_NODE_STATE_PATH": str(tmp_path / "state.sqlite3"),
           "PROXY_NODE_TIMESTAMP_WINDOW_SECONDS": "200",      # a restart fits inside the replay window
           "PROXY_NODE_BUDGET_LIMITS": "bybit=6/600",         # 6 requests per IP, counted by the node
           "PROXY_NODE_BUDGET_SOFT_RATIO": "1", "PROXY_NODE_BUDGET_HARD_RATIO": "1"}
    process = _start_node(port, env)
    try:
        # Both worker processes answer (each fresh connection goes to whichever accepts it).
        pids = {_fresh("GET", f"{base}/health").json()["worker_pid"] for _ in range(60)}
        assert len(pids) == 2, pids

        # A nonce accepted once is a replay at every worker.
        original = _signed(port, BYBIT_TIME)
        assert _fresh("GET", f"{base}/v1/forward", headers=original).status_code == 200
        for _ in range(12):
            replay = _fresh("GET", f"{base}/v1/forward", headers=original)
            assert replay.status_code == 401 and replay.json()["error"] == "replayed_nonce"
            _fresh("GET", f"{base}/health")          # interleaved, so replays land on both workers

        # The exchange budget is one count for the node's IP: 6 Bybit requests in all, then refused.
        bybit_before = sum(1 for r in double.requests if r.path == "/v5/market/time")
        answers = [_fresh("GET", f"{base}/v1/forward", headers=_signed(port, BYBIT_TIME)).status_code
                   for _ in range(10)]
        assert answers == [200] * 5 + [429] * 5                     # the first request above was the 6th
        assert sum(1 for r in double.requests if r.path == "/v5/market/time") - bybit_before == 5

        # A ban (418 + Retry-After) seen by one worker stops every worker from sending.
        double.inject_error(418, retry_after=900, path_prefix="/api/v3/time")
        banned = _fresh("GET", f"{base}/v1/forward", headers=_signed(port, BINANCE_TIME))
        assert banned.status_code == 418
        sent = len(double.requests)
        for _ in range(6):
            refused = _fresh("GET", f"{base}/v1/forward", headers=_signed(port, BINANCE_TIME))
            assert refused.status_code == 429 and refused.json()["error"] == "exchange_budget"
        assert len(double.requests) == sent

        signed_before_restart = _signed(port, BINANCE_TIME)
    finally:
        _stop_node(process)

    process = _start_node(port, env)                             # the restart, same state file
    try:
        assert _fresh("GET", f"{base}/v1/forward", headers=original).json()["error"] == "replayed_nonce"
        assert _fresh("GET", f"{base}/v1/forward", headers=_signed(port, BYBIT_TIME)).json()["error"] == \
            "exchange_budget"
        health = _fresh("GET", f"{base}/health").json()
        assert health["budgets"]["binance-spot"]["blocked_for_seconds"] > 800
        assert health["budgets"]["bybit"]["used"] == 6
        # Not refused as "signed before the node started": the state, not the process, holds the nonces.
        kept = _fresh("GET", f"{base}/v1/forward", headers=signed_before_restart)
        assert kept.json()["error"] == "exchange_budget"           # the ban, not stale_timestamp
    finally:
        _stop_node(process)


def test_more_than_one_worker_needs_a_state_file(monkeypatch, capsys):
    from verzek.cli import main as cli_main

    monkeypatch.setenv("VERZEK_ENV", "test")
    monkeypatch.setenv("PROXY_NODE_HMAC_KEYS", f"{HMAC_KEY_ID}:{HMAC_SECRET}")
    monkeypatch.delenv("PROXY_NODE_STATE_PATH", raising=False)
    assert cli_main(["proxy", "--workers", "2", "--check"]) == 2
    assert "PROXY_NODE_STATE_PATH" in capsys.readouterr().err
    assert cli_main(["proxy", "--check"]) == 0
    monkeypatch.setenv("VERZEK_ENV", "prod")
    monkeypatch.setenv("PROXY_NODE_PUBLIC_HOSTS", "proxy1.example.com")
    assert cli_main(["proxy", "--check"]) == 2                   # production keeps its state on disk
    assert "PROXY_NODE_STATE_PATH" in capsys.readouterr().err


def test_a_hot_account_is_throttled_while_another_account_passes(double, start_node):
    other_key, other_secret = "other-user-api-key-2", "other-user-api-secret-2"
    double.add_account(other_key, other_secret)
    limits = {"PROXY_NODE_ACCOUNT_RATE_PER_SECOND": 0.1, "PROXY_NODE_ACCOUNT_RATE_BURST": 6}
    first, second = start_node(double.base_url, **limits), start_node(double.base_url, **limits)
    settings = client_settings(first.url, second.url)
    hot = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, settings=settings)
    calm = create_ccxt_client("binance", api_key=other_key, secret=other_secret, settings=settings)
    hot.load_markets()

    served = 0
    with pytest.raises(ccxt.RateLimitExceeded, match="account_rate_limited"):
        for _ in range(20):
            hot.fetch_balance()
            served += 1
    assert 1 <= served < 6                                    # the burst (markets loaded first) then refused
    # The other account is not held back by the hot one ...
    for _ in range(3):
        assert calm.fetch_balance()["total"]["USDT"] == 1000
    # ... and the hot account's refusal was not sent around through the second node (its budget is
    # per account, and the user whitelisted this node's IP).
    assert httpx.get(f"{second.url}/health").json()["budgets"] == {}
    with pytest.raises(ccxt.RateLimitExceeded, match="account_rate_limited"):
        hot.fetch_balance()
