from __future__ import annotations

import dataclasses

import pytest
from pydantic import ValidationError
from verzek.cli import main as cli_main
from verzek.config import Settings
from verzek.exchange import create_ccxt_client
from verzek.exchange.proxy_client import ProxyRoute, _classify_proxied_response, _HopFailed

from proxy_node.app import create_app
from proxy_node.settings import NodeSettings

KEYS = "k1:" + "a" * 32 + ",k2:" + "b" * 40


def test_node_settings_parse_keys_and_overrides():
    s = NodeSettings(PROXY_NODE_HMAC_KEYS=KEYS,
                     PROXY_NODE_UPSTREAM_OVERRIDES="api.binance.com=http://127.0.0.1:5001",
                     PROXY_NODE_BUDGET_LIMITS="bybit=300/5")
    assert s.key_table() == {"k1": b"a" * 32, "k2": b"b" * 40}
    assert s.override_map() == {"api.binance.com": "http://127.0.0.1:5001"}
    assert s.budget_limit_overrides() == {"bybit": (300, 5.0)}


@pytest.mark.parametrize("env", [
    {"PROXY_NODE_HMAC_KEYS": "k1:short"},
    {"PROXY_NODE_HMAC_KEYS": "no-colon-here-" + "x" * 40},
    {"PROXY_NODE_HMAC_KEYS": KEYS + ",k1:" + "c" * 40},
    {"PROXY_NODE_HMAC_KEYS": KEYS, "PROXY_NODE_UPSTREAM_OVERRIDES": "example.com=http://127.0.0.1:1"},
    {"PROXY_NODE_HMAC_KEYS": KEYS, "PROXY_NODE_UPSTREAM_OVERRIDES": "api.binance.com=127.0.0.1:1"},
    {"PROXY_NODE_HMAC_KEYS": KEYS, "PROXY_NODE_UPSTREAM_OVERRIDES": "api.binance.com=http://127.0.0.1:1",
     "VERZEK_ENV": "prod"},
    {"PROXY_NODE_HMAC_KEYS": KEYS, "PROXY_NODE_ALLOWED_HOSTS": "api.binance.com,10.0.0.1"},
    {"PROXY_NODE_HMAC_KEYS": KEYS, "PROXY_NODE_BUDGET_LIMITS": "bybit=lots"},
    {"PROXY_NODE_HMAC_KEYS": KEYS, "PROXY_NODE_BUDGET_SOFT_RATIO": 0.9, "PROXY_NODE_BUDGET_HARD_RATIO": 0.5},
])
def test_bad_node_settings_are_refused(env):
    with pytest.raises(ValidationError):
        NodeSettings(**env)


def test_node_without_keys_does_not_start():
    with pytest.raises(ValueError, match="PROXY_NODE_HMAC_KEYS"):
        create_app(NodeSettings(PROXY_NODE_HMAC_KEYS=""))


def test_cli_check_reports_bad_settings(monkeypatch, capsys):
    monkeypatch.setenv("PROXY_NODE_HMAC_KEYS", "k1:short")
    assert cli_main(["proxy", "--check"]) == 2
    assert "shorter than 32" in capsys.readouterr().err
    monkeypatch.setenv("PROXY_NODE_HMAC_KEYS", KEYS)
    assert cli_main(["proxy", "--check"]) == 0


def route(*urls: str) -> ProxyRoute:
    return ProxyRoute.from_settings(Settings(PROXY_ENABLED=True, PROXY_URLS=",".join(urls), PROXY_HMAC_KEY="x" * 32))


def test_route_order_keeps_an_assigned_account_on_its_own_nodes():
    plain = route("https://a/", "https://b", "https://c:8443")
    assert plain.order() == ("https://a", "https://b", "https://c:8443")
    preferred = dataclasses.replace(plain, prefer=("c:8443", "gone.example.com", "b"))
    # Only the account's nodes (unknown names skipped): node a's IP is not whitelisted on the key.
    assert preferred.order() == ("https://c:8443", "https://b")
    assert dataclasses.replace(plain, prefer=("gone.example.com",)).order() == plain.proxy_urls


@pytest.mark.parametrize("env", [{"PROXY_URLS": ""}, {"PROXY_URLS": "ftp://x"}, {"PROXY_URLS": "https://a"}])
def test_incomplete_proxy_settings_are_refused(env):
    settings = Settings(PROXY_ENABLED=True, PROXY_HMAC_KEY=None if "https" in env["PROXY_URLS"] else "x" * 32, **env)
    with pytest.raises(ValueError, match="PROXY_"):
        ProxyRoute.from_settings(settings)


def test_proxy_disabled_means_plain_ccxt():
    client = create_ccxt_client("binance", api_key="k", secret="s", settings=Settings(PROXY_ENABLED=False))
    assert client._verzek_route is None and client.id == "binance"


@pytest.mark.parametrize(("exchange", "market_type", "ccxt_id", "default_type"), [
    ("binance", "future", "binance", "future"), ("bybit", "future", "bybit", "swap"),
    ("phemex", "spot", "phemex", "spot"), ("kraken", "future", "krakenfutures", None)])
def test_factory_maps_exchange_and_market_type(exchange, market_type, ccxt_id, default_type):
    client = create_ccxt_client(exchange, api_key="k", secret="s", market_type=market_type, testnet=True,
                                settings=Settings(PROXY_ENABLED=True, PROXY_URLS="https://p",
                                                  PROXY_HMAC_KEY="x" * 32))
    assert client.id == ccxt_id and client._verzek_route is not None
    if default_type:
        assert client.options["defaultType"] == default_type


@pytest.mark.parametrize("kwargs", [{"exchange_id": "ftx"}, {"exchange_id": "binance", "market_type": "margin"},
                                    {"exchange_id": "binance", "api_key": ""}])
def test_factory_refuses_bad_input(kwargs):
    args = {"api_key": "k", "secret": "s", "settings": Settings(), **kwargs}
    with pytest.raises(ValueError):
        create_ccxt_client(args.pop("exchange_id"), **args)


def test_classification_of_proxy_answers():
    relayed = {"X-Verzek-Upstream-Ms": "1.0"}
    assert _classify_proxied_response("p", 400, relayed, "{}") is None             # exchange's own error
    assert _classify_proxied_response("p", 504, {"x-verzek-proxy-error": "upstream_timeout",
                                                 "x-verzek-forwarded": "1"}, "{}") is None
    with pytest.raises(_HopFailed) as refused:
        _classify_proxied_response("p", 429, {"X-Verzek-Proxy-Error": "exchange_budget", "X-Verzek-Forwarded": "0"},
                                   '{"message": "binance-spot budget"}')
    assert (refused.value.kind, refused.value.status, refused.value.message) == ("refused", 429, "binance-spot budget")
    with pytest.raises(_HopFailed) as foreign:
        _classify_proxied_response("p", 502, {"Server": "nginx"}, "<html>")
    assert foreign.value.kind == "unreachable"
