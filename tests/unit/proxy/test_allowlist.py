from __future__ import annotations

from urllib.parse import urlparse

import ccxt
import pytest

from proxy_node.allowlist import DEFAULT_ALLOWED_HOSTS, TargetRefused, parse_target


@pytest.mark.parametrize("url", [
    "https://api.binance.com/api/v3/order?symbol=BTCUSDT&signature=ab",
    "https://fapi.binance.com/fapi/v1/order",
    "https://API.Bybit.com/v5/order/create",
    "https://api.binance.com:443/api/v3/time",
    "https://testnet.binance.vision/api/v3/time",
    "https://api-testnet.bybit.com/v5/market/time",
    "https://testnet-api.phemex.com/public/products",
    "https://api.kraken.com/0/private/Balance",
])
def test_allowed_targets(url):
    target = parse_target(url, DEFAULT_ALLOWED_HOSTS)
    assert target.host in DEFAULT_ALLOWED_HOSTS
    assert url.endswith(target.path_and_query)


def test_query_kept_byte_for_byte():
    url = "https://api.binance.com/api/v3/order?symbols=%5B%22BTCUSDT%22%5D&x=a%20b&signature=0f"
    assert parse_target(url, DEFAULT_ALLOWED_HOSTS).path_and_query == \
        "/api/v3/order?symbols=%5B%22BTCUSDT%22%5D&x=a%20b&signature=0f"


@pytest.mark.parametrize(("url", "code"), [
    ("http://api.binance.com/api/v3/time", "target_not_allowed"),
    ("http://127.0.0.1:8080/api/v3/time", "target_not_allowed"),
    ("https://127.0.0.1/api/v3/time", "target_not_allowed"),
    ("https://[::1]/", "target_not_allowed"),
    ("https://169.254.169.254/latest/meta-data/", "target_not_allowed"),
    ("https://localhost/", "target_not_allowed"),
    ("https://example.com/", "target_not_allowed"),
    ("https://api.binance.com.evil.example/", "target_not_allowed"),
    ("https://api.binance.com@10.0.0.1/", "target_not_allowed"),
    ("https://user:pw@api.binance.com/", "target_not_allowed"),
    ("https://api.binance.com:8443/", "target_not_allowed"),
    ("ftp://api.binance.com/", "target_not_allowed"),
    ("https://api.binance.com:99999/", "bad_target"),
    ("https://api.binance.com/x#frag", "bad_target"),
    ("https://api.binance.com/a b", "bad_target"),
    ("https://api.binance.com/a\r\nHost: evil", "bad_target"),
    ("", "bad_target"),
])
def test_refused_targets(url, code):
    with pytest.raises(TargetRefused) as caught:
        parse_target(url, DEFAULT_ALLOWED_HOSTS)
    assert caught.value.code == code


def _hosts(value, out):
    if isinstance(value, str) and value.startswith("https://"):
        out.add(urlparse(value).hostname)
    elif isinstance(value, dict):
        for item in value.values():
            _hosts(item, out)
    return out


@pytest.mark.parametrize("exchange_id", ["binance", "bybit", "phemex", "kraken", "krakenfutures"])
def test_every_ccxt_api_host_of_our_exchanges_is_allowed(exchange_id):
    """The allow-list covers the hosts ccxt 4.5.90 really calls, live and sandbox."""
    exchange = getattr(ccxt, exchange_id)()
    urls = exchange.describe()["urls"]
    hosts = set()
    for section in ("api", "test", "demo"):
        text = __import__("json").dumps(urls.get(section) or {}).replace("{hostname}", str(exchange.hostname))
        _hosts(__import__("json").loads(text), hosts)
    hosts.discard("kraken.zendesk.com")   # kraken's support site, not an API host
    assert hosts and hosts <= DEFAULT_ALLOWED_HOSTS, sorted(hosts - DEFAULT_ALLOWED_HOSTS)
