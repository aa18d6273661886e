"""The proxy fleet: which node (and so which static IP) each exchange account's requests leave from.

Exchanges limit and ban per IP, and a user whitelists one IP on their API key, so every exchange
account is given ONE node, stored (`proxy_assignments`) and kept: the node's IP is the one the API
tells the user to whitelist. A new account is placed by consistent hashing of its id on a ring of
the configured nodes (uhashring, ketama/md5: the same answer in every process), so the fleet's load
is spread evenly and placing it needs no coordination.

The stored row, not the ring, is what requests follow. The ring only decides where an account goes
when it has no row yet, when its node left the fleet, or when the operator runs
`verzek proxy-fleet rebalance` after adding a node: then each account moves to where the ring now
puts it, which for a ring that grew by one node is that new node for about 1/(N+1) of the accounts
and unchanged for all the others (no account moves between two old nodes).

A move is not finished when the row changes: the user whitelisted the OLD node's IP on their key, and
the exchange refuses the key from any other. So a moved account keeps sending through its previous
node (the new one only if the previous is unreachable) while the API shows the new IP to add, until
the operator runs `verzek proxy-fleet settle` after the notice period; only then does its traffic
leave from the new node alone. Requests never spill onto nodes that are not the account's own.

Fleet configuration: `PROXY_URLS` (the nodes) and `PROXY_PUBLIC_IPS` (each node's static IP, same
order). A node's name is its URL's host[:port] (the name signatures are bound to).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from verzek.config import Settings
from verzek.exchange.signing import node_of


@dataclass(frozen=True)
class FleetNode:
    name: str                 # host[:port] of the URL
    url: str
    public_ip: str | None     # the static IP users whitelist (None: not configured)


@dataclass(frozen=True)
class Assignment:
    exchange_account_id: int
    node: FleetNode
    previous: FleetNode | None = None


def fleet_from_settings(settings: Settings) -> tuple[FleetNode, ...]:
    """The configured nodes; empty when the proxy is off. ValueError on a PROXY_PUBLIC_IPS list that
    does not pair up with PROXY_URLS."""
    if not settings.proxy_enabled:
        return ()
    urls = [u.rstrip("/") for u in settings.proxy_url_list()]
    ips = [ip.strip() for ip in settings.proxy_public_ips.split(",") if ip.strip()]
    if ips and len(ips) != len(urls):
        raise ValueError(f"PROXY_PUBLIC_IPS names {len(ips)} IP(s) for {len(urls)} PROXY_URLS: give each node's "
                         "static IP, in the same order")
    names = [node_of(u) for u in urls]
    if len(set(names)) != len(names):
        raise ValueError("PROXY_URLS names the same node twice")
    return tuple(FleetNode(name, url, ips[i] if ips else None) for i, (name, url) in enumerate(zip(names, urls,
                                                                                                   strict=True)))


@lru_cache(maxsize=16)
def _ring(names: tuple[str, ...]):
    from uhashring import HashRing

    return HashRing(nodes=list(names))


def ring_node(nodes: tuple[FleetNode, ...], exchange_account_id: int) -> FleetNode:
    """Where the ring of `nodes` places an account (consistent hashing of its id)."""
    if not nodes:
        raise ValueError("the proxy fleet is empty")
    if len(nodes) == 1:
        return nodes[0]
    name = _ring(tuple(sorted(n.name for n in nodes))).get_node(f"exchange-account:{exchange_account_id}")
    return next(n for n in nodes if n.name == name)


def _by_name(nodes: tuple[FleetNode, ...], name: str | None) -> FleetNode | None:
    return next((n for n in nodes if n.name == name), None)


def assigned_node(cur, exchange_account_id: int, nodes: tuple[FleetNode, ...]) -> Assignment | None:
    """The account's stored node; an account without one, or whose node left the fleet, is placed by
    the ring and the placement stored (first writer wins under concurrency). None when there is no fleet."""
    if not nodes:
        return None
    cur.execute("SELECT node, previous_node FROM proxy_assignments WHERE exchange_account_id = %s",
                (exchange_account_id,))
    row = cur.fetchone()
    if row is not None:
        node = _by_name(nodes, row["node"])
        if node is not None:
            return Assignment(exchange_account_id, node, _by_name(nodes, row["previous_node"]))
        target = ring_node(nodes, exchange_account_id)
        cur.execute("UPDATE proxy_assignments SET node = %s, previous_node = %s, moved_at = now() "
                    "WHERE exchange_account_id = %s AND node = %s",
                    (target.name, row["node"], exchange_account_id, row["node"]))
        return assigned_node(cur, exchange_account_id, nodes) if cur.rowcount == 0 else \
            Assignment(exchange_account_id, target, None)
    target = ring_node(nodes, exchange_account_id)
    store_assignment(cur, exchange_account_id, target)
    cur.execute("SELECT node, previous_node FROM proxy_assignments WHERE exchange_account_id = %s",
                (exchange_account_id,))
    row = cur.fetchone()
    if row is None:           # the account itself is gone (deleted meanwhile): nothing to route
        return None
    return Assignment(exchange_account_id, _by_name(nodes, row["node"]) or target,
                      _by_name(nodes, row["previous_node"]))


def store_assignment(cur, exchange_account_id: int, node: FleetNode) -> None:
    """Record a new account's node (no-op if it already has one)."""
    cur.execute("INSERT INTO proxy_assignments (exchange_account_id, node) "
                "SELECT id, %s FROM exchange_accounts WHERE id = %s "
                "ON CONFLICT (exchange_account_id) DO NOTHING", (node.name, exchange_account_id))


@dataclass
class RebalanceReport:
    accounts: int = 0
    assigned: int = 0                                         # had no node yet
    moved: Counter = field(default_factory=Counter)           # (from node, to node) -> accounts
    per_node: Counter = field(default_factory=Counter)        # node -> accounts after

    @property
    def moved_total(self) -> int:
        return sum(self.moved.values())


def rebalance(cur, nodes: tuple[FleetNode, ...], *, dry_run: bool = False) -> RebalanceReport:
    """Make every stored assignment what the ring of `nodes` says (run after adding or removing a
    node). Moves only the accounts whose ring node changed; their old node becomes `previous_node`."""
    if not nodes:
        raise ValueError("the proxy fleet is empty (PROXY_ENABLED / PROXY_URLS)")
    report = RebalanceReport()
    cur.execute("SELECT a.id, p.node FROM exchange_accounts a "
                "LEFT JOIN proxy_assignments p ON p.exchange_account_id = a.id ORDER BY a.id FOR UPDATE OF a")
    rows = cur.fetchall()
    new_rows, moves = [], []
    for row in rows:
        target = ring_node(nodes, row["id"]).name
        report.accounts += 1
        report.per_node[target] += 1
        if row["node"] is None:
            report.assigned += 1
            new_rows.append((row["id"], target))
        elif row["node"] != target:
            report.moved[(row["node"], target)] += 1
            moves.append((row["id"], target))
    if dry_run:
        return report
    from psycopg2.extras import execute_values

    if new_rows:
        execute_values(cur, "INSERT INTO proxy_assignments (exchange_account_id, node) VALUES %s "
                            "ON CONFLICT (exchange_account_id) DO NOTHING", new_rows, page_size=1000)
    if moves:
        execute_values(cur, "UPDATE proxy_assignments p SET previous_node = p.node, node = v.node, moved_at = now() "
                            "FROM (VALUES %s) AS v(id, node) WHERE p.exchange_account_id = v.id",
                       moves, page_size=1000)
    return report


def route_nodes(assignment: Assignment | None) -> tuple[str, ...]:
    """The node names an account's requests may leave from, in order: during an unsettled move the
    previous node first (its IP is the one the user's key is known to accept), then the new one."""
    if assignment is None:
        return ()
    if assignment.previous is not None and assignment.previous != assignment.node:
        return (assignment.previous.name, assignment.node.name)
    return (assignment.node.name,)


def settle(cur, *, moved_before) -> int:
    """Finish the moves made before `moved_before` (the end of the notice period users had to whitelist
    their new IP): their traffic leaves from the new node only. Returns how many accounts settled."""
    cur.execute("UPDATE proxy_assignments SET previous_node = NULL "
                "WHERE previous_node IS NOT NULL AND moved_at < %s", (moved_before,))
    return cur.rowcount


def whitelist_ip(assignment: Assignment | None) -> str | None:
    return assignment.node.public_ip if assignment else None
