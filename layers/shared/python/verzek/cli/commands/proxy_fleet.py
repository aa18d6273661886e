"""`verzek proxy-fleet`: the exchange accounts' stored proxy-node assignments (`verzek.exchange.fleet`).

    verzek proxy-fleet status                 accounts per node (stored) and the configured nodes
    verzek proxy-fleet rebalance [--dry-run]  after adding/removing a node in PROXY_URLS/PROXY_PUBLIC_IPS:
                                              move the accounts the ring now gives to another node
    verzek proxy-fleet settle --notice-days N finish moves older than N days: traffic leaves from the
                                              new node only (until then the whitelisted old node first)
"""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("proxy-fleet", help="proxy node assignments of exchange accounts: status, rebalance")
    fleet_sub = p.add_subparsers(dest="fleet_command", metavar="ACTION")
    fleet_sub.required = True
    status = fleet_sub.add_parser("status", help="accounts per proxy node")
    status.set_defaults(func=status_command)
    rebalance = fleet_sub.add_parser("rebalance", help="move the accounts the ring now places on another node")
    rebalance.add_argument("--dry-run", action="store_true", help="report the moves, change nothing")
    rebalance.set_defaults(func=rebalance_command)
    settle = fleet_sub.add_parser("settle", help="finish moves older than the notice period (new node only)")
    settle.add_argument("--notice-days", type=_notice_days, required=True,
                        help="days users had to whitelist their new node's IP (0 to 90)")
    settle.set_defaults(func=settle_command)


def _notice_days(text: str) -> int:
    import argparse

    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if not 0 <= days <= 90:
        raise argparse.ArgumentTypeError("must be between 0 and 90 days")
    return days


def _nodes():
    from verzek.cli import CliError
    from verzek.config import get_settings
    from verzek.exchange import fleet

    try:
        nodes = fleet.fleet_from_settings(get_settings())
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if not nodes:
        raise CliError("no proxy fleet configured (PROXY_ENABLED=true and PROXY_URLS)")
    return nodes


def status_command(args) -> int:
    from verzek.db import connect

    nodes = _nodes()
    conn = connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT p.node, count(*) AS n FROM exchange_accounts a "
                        "LEFT JOIN proxy_assignments p ON p.exchange_account_id = a.id GROUP BY p.node ORDER BY 1")
            counts = {r["node"]: r["n"] for r in cur.fetchall()}
        conn.rollback()
    finally:
        conn.close()
    for node in nodes:
        print(f"{node.name}  ip={node.public_ip or '?'}  accounts={counts.pop(node.name, 0)}")
    for name, n in counts.items():
        print(f"{name or '(unassigned)'}  accounts={n}" + ("" if name is None else "  (not in the fleet any more)"))
    return 0


def rebalance_command(args) -> int:
    from verzek.db import connect
    from verzek.exchange import fleet

    nodes = _nodes()
    conn = connect()
    try:
        with conn.cursor() as cur:
            report = fleet.rebalance(cur, nodes, dry_run=args.dry_run)
        if args.dry_run:
            conn.rollback()
        else:
            conn.commit()
    finally:
        conn.close()
    verb = "would move" if args.dry_run else "moved"
    print(f"accounts: {report.accounts}; newly assigned {report.assigned}; {verb} {report.moved_total}")
    for (source, target), n in sorted(report.moved.items()):
        print(f"  {source} -> {target}: {n}")
    for node in nodes:
        print(f"  {node.name} ({node.public_ip or '?'}): {report.per_node.get(node.name, 0)} accounts")
    if report.moved_total and not args.dry_run:
        print("moved accounts must whitelist their new node's IP (GET /api/users/{id}/exchanges shows it); "
              "they keep sending through their old node until `verzek proxy-fleet settle`")
    return 0


def settle_command(args) -> int:
    from datetime import UTC, datetime, timedelta

    from verzek.db import connect
    from verzek.exchange import fleet

    _nodes()
    conn = connect()
    try:
        with conn.cursor() as cur:
            settled = fleet.settle(cur, moved_before=datetime.now(UTC) - timedelta(days=args.notice_days))
        conn.commit()
    finally:
        conn.close()
    print(f"settled {settled} moved account(s): their requests now leave from their new node only")
    return 0
