"""The exchange double's per-IP limits (429, then a 418 ban for an IP that keeps sending), its Phemex
and Kraken Futures account reads with their real signatures (ccxt's sign()), and the node keeping
its IP under an exchange's limit when three times as many requests arrive: no 429, no 418."""

from __future__ import annotations

import base64
import hashlib
import time
from urllib.parse import urlsplit

import ccxt
import httpx
import pytest
from verzek.exchange.signing import sign_request

from tests.integration.proxy.conftest import HMAC_KEY_ID, HMAC_SECRET
from tests.support.exchange_double import ExchangeDouble

KEY = "per-ip-test-key"
SECRET = base64.b64encode(hashlib.sha256(b"per-ip-test").digest()).decode()   # Kraken secrets are base64
READS = {
    "binance": ("binance", ["fapiPrivateV2"], "account", {}),
    "bybit": ("bybit", ["private"], "v5/account/wallet-balance", {"accountType": "UNIFIED"}),
    "phemex": ("phemex", ["private"], "g-accounts/accountPositions", {"currency": "USDT"}),
    "kraken": ("krakenfutures", ["private"], "openpositions", {}),
}
HOSTS = ("fapi.binance.com", "api.bybit.com", "api.phemex.com", "futures.kraken.com")


def signed_read(exchange: str, secret: str = SECRET) -> dict:
    ccxt_id, api, path, params = READS[exchange]
    return getattr(ccxt, ccxt_id)({"apiKey": KEY, "secret": secret}).sign(path, api, "GET", dict(params))


@pytest.fixture
def limited_double():
    with ExchangeDouble() as double:
        double.add_account(KEY, SECRET)
        yield double


def direct(double: ExchangeDouble, request: dict) -> httpx.Response:
    parts = urlsplit(request["url"])
    return httpx.get(f"{double.base_url}{parts.path}{'?' + parts.query if parts.query else ''}",
                     headers=request["headers"], timeout=10)


@pytest.mark.parametrize("exchange", ["phemex", "kraken"])
def test_phemex_and_kraken_futures_reads_check_the_real_signature(limited_double, exchange):
    assert direct(limited_double, signed_read(exchange)).status_code == 200
    wrong = base64.b64encode(hashlib.sha256(b"wrong").digest()).decode()
    assert direct(limited_double, signed_read(exchange, wrong)).status_code == 401


def test_an_ip_that_keeps_sending_after_429_is_banned_with_418(limited_double):
    limited_double.limit_per_ip({"binance-usdm": (12, 60), "bybit": (3, 5)}, ban_seconds=60)
    statuses = [direct(limited_double, signed_read("binance")).status_code for _ in range(4)]
    assert statuses == [200, 200, 429, 418]                     # weight 5 each: the third would pass 12
    assert direct(limited_double, signed_read("bybit")).status_code == 200   # another exchange, its own count
    stats = limited_double.ip_stats()["127.0.0.1"]
    assert stats["binance-usdm"] == {"requests": 2, "weight": 10, "429": 1, "418": 1}


@pytest.mark.parametrize("exchange,group,limit,window", [("binance", "binance-usdm", 60, 60),
                                                         ("bybit", "bybit", 12, 60)])
def test_the_node_keeps_its_ip_under_the_exchanges_limit(limited_double, start_node, exchange, group, limit,
                                                         window):
    """Three times the limit through one node: the node refuses what would pass the limit; the
    exchange never answers 429 or 418."""
    limited_double.limit_per_ip({group: (limit, window)})
    node = start_node(limited_double.base_url, PROXY_NODE_BUDGET_LIMITS=f"{group}={limit}/{window}",
                      PROXY_NODE_UPSTREAM_OVERRIDES=",".join(f"{h}={limited_double.base_url}" for h in HOSTS))
    weight = 5 if exchange == "binance" else 1
    outcomes = []
    started = time.time()
    for _ in range(3 * limit // weight):
        request = signed_read(exchange)
        headers = {**request["headers"], **sign_request(HMAC_KEY_ID, HMAC_SECRET.encode(), "GET", request["url"], b"",
                                                         node=urlsplit(node.url).netloc,
                                                         headers=request["headers"])}
        answer = httpx.get(f"{node.url}/v1/forward", headers=headers, timeout=10)
        outcomes.append(answer.headers.get("x-verzek-proxy-error") or str(answer.status_code))
    finished = time.time()
    stats = limited_double.ip_stats()["127.0.0.1"][group]
    assert stats["429"] == 0 and stats["418"] == 0, stats
    # Binance counts per clock minute: a run that straddles a minute boundary may use two minutes' budget.
    windows = int(finished // window) - int(started // window) + 1 if exchange == "binance" else 1
    assert finished - started < window
    assert stats["weight"] <= limit * windows and outcomes.count("200") == stats["requests"] > 0
    assert outcomes.count("exchange_budget") == len(outcomes) - stats["requests"]
