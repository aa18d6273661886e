"""The stored, stable proxy-node assignment of exchange accounts (verzek.exchange.fleet) on the
real database: adding a node to N moves about 1/(N+1) of the accounts, all to the new node, none
between old nodes; the stored row (not the ring) is what requests follow; a node leaving the fleet
moves only its own accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from verzek.cli import main as cli_main
from verzek.config import Settings
from verzek.exchange import fleet
from verzek.execution.venues import proxy_nodes_for

ACCOUNTS = 4000


def _fleet(count: int) -> tuple[fleet.FleetNode, ...]:
    urls = ",".join(f"https://proxy{i}.example.com" for i in range(1, count + 1))
    ips = ",".join(f"203.0.113.{i}" for i in range(1, count + 1))
    return fleet.fleet_from_settings(Settings(PROXY_ENABLED=True, PROXY_URLS=urls, PROXY_PUBLIC_IPS=ips))


def _make_accounts(db, n: int) -> None:
    with db.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash) SELECT 'u' || g || '@example.com', 'x' "
                    "FROM generate_series(1, %s) g", (n // 4,))
        cur.execute("INSERT INTO exchange_accounts (user_id, exchange, label, api_key_enc, api_secret_enc, key_id, "
                    "key_last4) SELECT u.id, (ARRAY['binance','bybit','phemex','kraken'])[k], 'acct-' || k, 'c', 'c', "
                    "'mk-test', 'abcd' FROM users u CROSS JOIN generate_series(1, 4) k")
    db.commit()


def _stored(db) -> dict[int, str]:
    with db.cursor() as cur:
        cur.execute("SELECT exchange_account_id AS id, node FROM proxy_assignments")
        return {r["id"]: r["node"] for r in cur.fetchall()}


def test_adding_a_node_moves_only_the_accounts_it_takes(db):
    _make_accounts(db, ACCOUNTS)
    four, five = _fleet(4), _fleet(5)
    with db.cursor() as cur:
        first = fleet.rebalance(cur, four)
    db.commit()
    assert first.accounts == ACCOUNTS and first.assigned == ACCOUNTS and first.moved_total == 0
    mean = ACCOUNTS / 4
    assert all(0.75 * mean <= first.per_node[n.name] <= 1.25 * mean for n in four), first.per_node
    before = _stored(db)

    with db.cursor() as cur:
        second = fleet.rebalance(cur, five)
    db.commit()
    after = _stored(db)
    new = five[-1].name
    moved = {i for i in before if before[i] != after[i]}
    share = len(moved) / ACCOUNTS
    assert 0.15 <= share <= 0.25, share                       # ~1/(N+1) = 0.2
    assert second.moved_total == len(moved) and set(second.moved) == {(n.name, new) for n in four}
    assert all(after[i] == new for i in moved)                 # every move is onto the new node
    assert all(after[i] == before[i] for i in before if i not in moved)   # none between old nodes
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM proxy_assignments WHERE previous_node IS NOT NULL")
        assert cur.fetchone()["n"] == len(moved)
    db.commit()

    # Running it again changes nothing: the assignment is stable.
    with db.cursor() as cur:
        again = fleet.rebalance(cur, five)
    db.commit()
    assert again.moved_total == 0 and _stored(db) == after


def test_requests_follow_the_stored_node_and_a_removed_node_moves_only_its_accounts(db):
    _make_accounts(db, 400)
    three = _fleet(3)
    with db.cursor() as cur:
        fleet.rebalance(cur, three)
        cur.execute("SELECT min(id) AS id FROM exchange_accounts")
        pinned = cur.fetchone()["id"]
        # An operator pins one account to another node by hand: the stored row wins over the ring.
        other = next(n for n in three if n != fleet.ring_node(three, pinned))
        cur.execute("UPDATE proxy_assignments SET node = %s WHERE exchange_account_id = %s", (other.name, pinned))
    db.commit()
    settings = Settings(PROXY_ENABLED=True, PROXY_URLS=",".join(n.url for n in three),
                        PROXY_PUBLIC_IPS=",".join(n.public_ip for n in three))
    with db.cursor() as cur:
        assert proxy_nodes_for(cur, pinned, settings) == (other.name,)
    db.commit()
    # IPs that do not pair up with the nodes are a display problem, not a routing one.
    with db.cursor() as cur:
        assert proxy_nodes_for(cur, pinned, settings.model_copy(update={"proxy_public_ips": "203.0.113.1"})) == \
            (other.name,)
    db.commit()

    before = _stored(db)
    gone = three[1]
    two = tuple(n for n in three if n != gone)
    with db.cursor() as cur:
        report = fleet.rebalance(cur, two)
    db.commit()
    after = _stored(db)
    moved = {i for i in before if before[i] != after[i]}
    assert moved and all(before[i] == gone.name or i == pinned for i in moved)
    assert set(after.values()) <= {n.name for n in two}
    assert report.moved_total == len(moved)


def test_an_account_whose_node_left_is_reassigned_on_use_and_keeps_it(db):
    _make_accounts(db, 4)
    three = _fleet(3)
    with db.cursor() as cur:
        cur.execute("SELECT id FROM exchange_accounts ORDER BY id LIMIT 1")
        account = cur.fetchone()["id"]
        cur.execute("INSERT INTO proxy_assignments (exchange_account_id, node) VALUES (%s, 'retired.example.com')",
                    (account,))
        assignment = fleet.assigned_node(cur, account, three)
        assert assignment.node == fleet.ring_node(three, account)
        cur.execute("SELECT node, previous_node FROM proxy_assignments WHERE exchange_account_id = %s", (account,))
        row = cur.fetchone()
    db.commit()
    assert row["node"] == assignment.node.name and row["previous_node"] == "retired.example.com"


def test_cli_rebalance_reports_the_moves(db, settings_env, capsys):
    _make_accounts(db, 400)
    settings_env(PROXY_ENABLED="true", PROXY_URLS=",".join(n.url for n in _fleet(2)),
                 PROXY_PUBLIC_IPS="203.0.113.1,203.0.113.2", PROXY_HMAC_KEY="x" * 32)
    assert cli_main(["proxy-fleet", "rebalance"]) == 0
    assert "newly assigned 400; moved 0" in capsys.readouterr().out
    settings_env(PROXY_URLS=",".join(n.url for n in _fleet(3)), PROXY_PUBLIC_IPS="203.0.113.1,203.0.113.2,203.0.113.3")
    assert cli_main(["proxy-fleet", "rebalance", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would move" in out and "proxy3.example.com" in out
    assert cli_main(["proxy-fleet", "status"]) == 0
    status = capsys.readouterr().out
    assert "proxy3.example.com  ip=203.0.113.3  accounts=0" in status     # the dry run changed nothing
    settings_env(PROXY_PUBLIC_IPS="203.0.113.1")
    assert cli_main(["proxy-fleet", "status"]) == 2                          # IPs must pair up with the nodes


def test_a_moved_account_keeps_its_whitelisted_node_until_the_move_is_settled(db, settings_env, capsys):
    _make_accounts(db, 400)
    two, three = _fleet(2), _fleet(3)
    with db.cursor() as cur:
        fleet.rebalance(cur, two)
        fleet.rebalance(cur, three)
        cur.execute("SELECT exchange_account_id AS id, node, previous_node FROM proxy_assignments "
                    "WHERE previous_node IS NOT NULL ORDER BY 1 LIMIT 1")
        moved = cur.fetchone()
    db.commit()
    settings = Settings(PROXY_ENABLED=True, PROXY_URLS=",".join(n.url for n in three),
                        PROXY_PUBLIC_IPS=",".join(n.public_ip for n in three))
    with db.cursor() as cur:
        # The old node's IP is the one on the user's key: it goes first; the new node only as a fallback.
        assert proxy_nodes_for(cur, moved["id"], settings) == (moved["previous_node"], moved["node"])
        assert fleet.settle(cur, moved_before=datetime.now(UTC) - timedelta(days=7)) == 0   # still in notice
    db.commit()

    settings_env(PROXY_ENABLED="true", PROXY_URLS=",".join(n.url for n in three),
                 PROXY_PUBLIC_IPS=",".join(n.public_ip for n in three), PROXY_HMAC_KEY="x" * 32)
    with pytest.raises(SystemExit) as refused:                                    # refused, nothing changed
        cli_main(["proxy-fleet", "settle", "--notice-days", "-1"])
    assert refused.value.code == 2
    capsys.readouterr()
    assert cli_main(["proxy-fleet", "settle", "--notice-days", "0"]) == 0
    assert "settled " in capsys.readouterr().out
    with db.cursor() as cur:
        assert proxy_nodes_for(cur, moved["id"], settings) == (moved["node"],)
        cur.execute("SELECT count(*) AS n FROM proxy_assignments WHERE previous_node IS NOT NULL")
        assert cur.fetchone()["n"] == 0
    db.commit()
