"""Key validation on add, the real path: API -> ccxt (real signing) -> HMAC proxy node -> exchange
double on 127.0.0.1. A key that can withdraw is refused; a key without IP restriction is accepted
with a warning naming the proxy IP; the trading-permission expiry is recorded; a wrong key is refused."""

from __future__ import annotations

import time

import pytest

from proxy_node.app import create_app as create_node_app
from proxy_node.settings import NodeSettings
from tests.support.exchange_double import ExchangeDouble, ServerThread

NODE_KEY_ID, NODE_SECRET = "k1", "api-test-proxy-secret-0123456789abcdef"
HOSTS = ("api.binance.com", "fapi.binance.com", "api.bybit.com")
GOOD = ("GoodKeyNoWithdraw0001", "good-secret-0123456789")
WITHDRAW = ("WithdrawingKey000002", "withdraw-secret-0123456")
RESTRICTED = ("RestrictedKey0000003", "restricted-secret-0123")


@pytest.fixture(scope="module")
def proxied_double():
    with ExchangeDouble() as double:
        double.add_account(*GOOD)
        double.add_account(*WITHDRAW, enableWithdrawals=True)
        expiry_ms = int(time.time() * 1000) + 30 * 86_400_000
        double.add_account(*RESTRICTED, ipRestrict=True, tradingAuthorityExpirationTime=expiry_ms)
        node_settings = NodeSettings(VERZEK_ENV="test", PROXY_NODE_HMAC_KEYS=f"{NODE_KEY_ID}:{NODE_SECRET}", PROXY_NODE_UPSTREAM_OVERRIDES=",".join(f"{h}={double.base_url}"
                                                                                  for h in HOSTS))
        with ServerThread(create_node_app(node_settings)) as node:
            yield double, node


@pytest.fixture
def real_validation(app, proxied_double, settings_env):
    from verzek.api.routers import _deps

    _, node = proxied_double
    settings_env(PROXY_ENABLED="true", PROXY_URLS=node.url, PROXY_KEY_ID=NODE_KEY_ID, PROXY_HMAC_KEY=NODE_SECRET,
                 PROXY_DIRECT_FALLBACK="false", PROXY_PUBLIC_IPS="203.0.113.7")
    app.dependency_overrides.pop(_deps.key_validator, None)
    return proxied_double[0]


def _add(client, user, key, secret, exchange="binance", label="main"):
    return client.post(f"/api/users/{user.id}/exchanges", headers=user.headers,
                       json={"exchange": exchange, "label": label, "api_key": key, "api_secret": secret})


def test_binance_key_checked_through_the_proxy(client, db, signup, real_validation):
    double = real_validation
    user = signup("validate@example.com")
    double.reset_requests()

    refused = _add(client, user, *WITHDRAW)
    assert refused.status_code == 422 and "withdraw" in refused.json()["error"]
    assert WITHDRAW[0] not in refused.text and WITHDRAW[1] not in refused.text

    wrong = _add(client, user, GOOD[0], "not-the-right-secret-00")
    assert wrong.status_code == 422 and "rejected this API key" in wrong.json()["error"]

    accepted = _add(client, user, *GOOD)
    assert accepted.status_code == 201, accepted.text
    assert any("203.0.113.7" in w for w in accepted.json()["warnings"])
    assert accepted.json()["account"]["permissions"]["ip_restricted"] is False

    restricted = _add(client, user, *RESTRICTED, label="restricted")
    assert restricted.status_code == 201
    account = restricted.json()["account"]
    assert account["trading_expires_at"] is not None and account["permissions"]["enableWithdrawals"] is False
    assert not any("IP restriction" in w for w in restricted.json()["warnings"])

    assert any(r.path == "/sapi/v1/account/apiRestrictions" for r in double.requests)
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM exchange_accounts")
        assert cur.fetchone()["n"] == 2  # the refused keys were never stored
    db.commit()


def test_bybit_key_checked_through_the_proxy(client, signup, real_validation):
    user = signup("bybit@example.com")
    accepted = _add(client, user, *GOOD, exchange="bybit")
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["account"]["permissions"]["can_withdraw"] is False
    assert any("restrict it on Bybit to 203.0.113.7" in w for w in accepted.json()["warnings"])


def test_unreachable_proxy_is_a_clear_502(client, signup, app, settings_env, proxied_double):
    import socket

    from verzek.api.routers import _deps

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings_env(PROXY_ENABLED="true", PROXY_URLS=dead, PROXY_KEY_ID=NODE_KEY_ID, PROXY_HMAC_KEY=NODE_SECRET,
                 PROXY_DIRECT_FALLBACK="false")
    app.dependency_overrides.pop(_deps.key_validator, None)
    user = signup("down@example.com")
    answer = _add(client, user, *GOOD)
    assert answer.status_code == 502 and "could not reach binance" in answer.json()["error"]


def test_each_account_is_checked_through_its_own_node_and_shown_its_ip(client, db, signup, real_validation,
                                                                       settings_env):
    """Two nodes with their IPs: each new account is checked through the node the ring assigns it
    (only that node's Binance budget moves), the warning and GET name that node's IP, and the
    assignment is stored (GET, list and the trading path agree with it)."""
    import httpx
    from verzek.config import get_settings
    from verzek.exchange import fleet
    from verzek.execution.venues import proxy_nodes_for

    double = real_validation
    second_settings = NodeSettings(VERZEK_ENV="test", PROXY_NODE_HMAC_KEYS=f"{NODE_KEY_ID}:{NODE_SECRET}",
                                   PROXY_NODE_UPSTREAM_OVERRIDES=",".join(f"{h}={double.base_url}" for h in HOSTS))
    ips = {}
    with ServerThread(create_node_app(second_settings)) as second:
        first_url = get_settings().proxy_url_list()[0]
        settings_env(PROXY_URLS=f"{first_url},{second.url}", PROXY_PUBLIC_IPS="203.0.113.7,198.51.100.9")
        nodes = fleet.fleet_from_settings(get_settings())
        ips = {n.name: n.public_ip for n in nodes}
        urls = {n.name: n.url for n in nodes}

        def spot_used(url: str) -> int:
            return httpx.get(f"{url}/health").json()["budgets"].get("binance-spot", {}).get("used", 0)

        user = signup("fleet@example.com")
        seen_nodes = set()
        for i in range(4):
            before = {name: spot_used(url) for name, url in urls.items()}
            answer = _add(client, user, *GOOD, label=f"acct-{i}")
            assert answer.status_code == 201, answer.text
            account = answer.json()["account"]
            expected = fleet.ring_node(nodes, account["id"])
            assert account["proxy_node"] == expected.name and account["whitelist_ip"] == expected.public_ip
            assert any(f"restrict it on Binance to {expected.public_ip}" in w for w in answer.json()["warnings"])
            after = {name: spot_used(url) for name, url in urls.items()}
            assert after[expected.name] > before[expected.name]
            other = next(name for name in urls if name != expected.name)
            assert after[other] == before[other]           # the other node carried none of it
            seen_nodes.add(expected.name)

            shown = client.get(f"/api/users/{user.id}/exchanges/{account['id']}", headers=user.headers).json()
            assert shown["whitelist_ip"] == ips[expected.name] and shown["proxy_node"] == expected.name
            with db.cursor() as cur:
                assert proxy_nodes_for(cur, account["id"], get_settings()) == (expected.name,)
                cur.execute("SELECT node FROM proxy_assignments WHERE exchange_account_id = %s", (account["id"],))
                assert cur.fetchone()["node"] == expected.name
            db.commit()
        listed = client.get(f"/api/users/{user.id}/exchanges", headers=user.headers).json()
        assert {a["whitelist_ip"] for a in listed} == {ips[n] for n in seen_nodes}
