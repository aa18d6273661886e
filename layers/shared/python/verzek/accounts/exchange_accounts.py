"""Users' exchange accounts: add (validated with the exchange, encrypted), list, enable/disable, delete.

Responses carry only exchange, label, testnet, enabled, the API key's last 4 characters, the
reported permissions and the proxy node the account's requests leave from with the IP to whitelist
(`verzek.exchange.fleet`): never a secret, in any response, log or error.
"""

from __future__ import annotations

import json

from psycopg2 import errors as pg_errors

from verzek.accounts import audit
from verzek.accounts.errors import Conflict, NotFound
from verzek.accounts.key_validation import KeyCheck, KeyValidator
from verzek.config import get_settings
from verzek.exchange import fleet
from verzek.observability import logger
from verzek.security.keystore import encrypt_credentials, next_exchange_account_id

PUBLIC_COLUMNS = ("id, user_id, exchange, label, key_last4, testnet, enabled, permissions, permissions_checked_at, "
                  "trading_expires_at, created_at, updated_at")


def fleet_nodes() -> tuple[fleet.FleetNode, ...]:
    """The configured proxy nodes; () when the proxy is off or its settings do not pair up (logged)."""
    try:
        return fleet.fleet_from_settings(get_settings())
    except ValueError as exc:
        logger.error("proxy fleet settings are invalid", extra={"error": str(exc)})
        return ()


def _with_proxy(cur, row: dict, nodes: tuple[fleet.FleetNode, ...]) -> dict:
    """The row plus its proxy node and the IP to whitelist (an account without a node gets one now)."""
    assignment = fleet.assigned_node(cur, row["id"], nodes)
    row["proxy_node"] = assignment.node.name if assignment else None
    row["whitelist_ip"] = fleet.whitelist_ip(assignment)
    return row


def list_accounts(conn, user_id: int) -> list[dict]:
    nodes = fleet_nodes()
    with conn.cursor() as cur:
        cur.execute(f"SELECT {PUBLIC_COLUMNS} FROM exchange_accounts WHERE user_id = %s ORDER BY id", (user_id,))
        return [_with_proxy(cur, dict(r), nodes) for r in cur.fetchall()]


def get_account(conn, user_id: int, account_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute(f"SELECT {PUBLIC_COLUMNS} FROM exchange_accounts WHERE id = %s AND user_id = %s",
                    (account_id, user_id))
        row = cur.fetchone()
        if row is None:
            raise NotFound("exchange account not found")
        return _with_proxy(cur, dict(row), fleet_nodes())


def label_taken(conn, user_id: int, label: str) -> bool:
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM exchange_accounts WHERE user_id = %s AND label = %s", (user_id, label))
        return cur.fetchone() is not None


def reserve_account(conn) -> tuple[int, fleet.FleetNode | None]:
    """A new account's id and the proxy node the ring places it on (the key check goes through that
    node, and its warning names that node's IP)."""
    with conn.cursor() as cur:
        account_id = next_exchange_account_id(cur)
    nodes = fleet_nodes()
    return account_id, (fleet.ring_node(nodes, account_id) if nodes else None)


def check_key(validator: KeyValidator, exchange: str, *, api_key: str, secret: str, password: str | None,
              testnet: bool, proxy_node: fleet.FleetNode | None = None) -> KeyCheck:
    """Run the validator outside any database transaction (it is a network call)."""
    return validator(exchange, api_key=api_key, secret=secret, password=password, testnet=testnet,
                     proxy_node=proxy_node)


def add_account(conn, user_id: int, *, exchange: str, label: str, api_key: str, secret: str,
                password: str | None, testnet: bool, check: KeyCheck, ip: str | None = None,
                account_id: int | None = None, proxy_node: fleet.FleetNode | None = None) -> dict:
    try:
        with conn.cursor() as cur:
            cur.execute("SAVEPOINT add_account")
            if account_id is None:
                account_id = next_exchange_account_id(cur)
            encrypted = encrypt_credentials(api_key, secret, password, user_id=user_id, exchange_account_id=account_id)
            cur.execute(
                "INSERT INTO exchange_accounts (id, user_id, exchange, label, api_key_enc, api_secret_enc, "
                "passphrase_enc, key_id, encrypted_data_key, enc_scheme, key_last4, testnet, permissions, "
                "permissions_checked_at, trading_expires_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now(), %s) "
                f"RETURNING {PUBLIC_COLUMNS}",
                (account_id, user_id, exchange, label, encrypted.api_key_enc, encrypted.api_secret_enc,
                 encrypted.passphrase_enc, encrypted.key_id, encrypted.encrypted_data_key, encrypted.scheme,
                 api_key[-4:], testnet,
                 json.dumps({**check.permissions, "ip_restricted": check.ip_restricted,
                             "can_withdraw": check.can_withdraw}),
                 check.trading_expires_at))
            row = dict(cur.fetchone())
            if proxy_node is not None:
                fleet.store_assignment(cur, account_id, proxy_node)
            row["proxy_node"] = proxy_node.name if proxy_node else None
            row["whitelist_ip"] = proxy_node.public_ip if proxy_node else None
    except pg_errors.UniqueViolation:
        with conn.cursor() as cur:
            cur.execute("ROLLBACK TO SAVEPOINT add_account")
        raise Conflict("you already have an exchange account with this label") from None
    audit.record(conn, "exchange_key.added", user_id=user_id, ip=ip, exchange_account_id=row["id"],
                 exchange=exchange, label=label, key_last4=row["key_last4"], testnet=testnet,
                 ip_restricted=check.ip_restricted)
    return row


def _leave_live_if_selected(cur, conn, user_id: int, account_id: int, reason: str) -> None:
    """A live user whose trading account goes away is put back on paper, never left pointing at nothing."""
    cur.execute("UPDATE trading_settings SET mode = 'paper', live_confirmed_at = NULL, updated_at = now() "
                "WHERE user_id = %s AND exchange_account_id = %s AND mode = 'live' RETURNING user_id",
                (user_id, account_id))
    if cur.fetchone():
        audit.record(conn, "live_mode.switched", user_id=user_id, mode="paper", reason=reason)


def update_account(conn, user_id: int, account_id: int, *, enabled: bool | None = None, label: str | None = None,
                   ip: str | None = None) -> dict:
    current = get_account(conn, user_id, account_id)
    changes = {}
    if enabled is not None and enabled != current["enabled"]:
        changes["enabled"] = enabled
    if label is not None and label != current["label"]:
        changes["label"] = label
    if not changes:
        return current
    try:
        with conn.cursor() as cur:
            cur.execute("SAVEPOINT update_account")
            assignments = ", ".join(f"{column} = %s" for column in changes)
            cur.execute(f"UPDATE exchange_accounts SET {assignments}, updated_at = now() WHERE id = %s AND user_id = %s "
                        f"RETURNING {PUBLIC_COLUMNS}", (*changes.values(), account_id, user_id))
            row = _with_proxy(cur, dict(cur.fetchone()), fleet_nodes())
            if changes.get("enabled") is False:
                _leave_live_if_selected(cur, conn, user_id, account_id, "exchange account disabled")
    except pg_errors.UniqueViolation:
        with conn.cursor() as cur:
            cur.execute("ROLLBACK TO SAVEPOINT update_account")
        raise Conflict("you already have an exchange account with this label") from None
    audit.record(conn, "exchange_key.updated", user_id=user_id, ip=ip, exchange_account_id=account_id, **changes)
    return row


def delete_account(conn, user_id: int, account_id: int, *, ip: str | None = None) -> None:
    """Remove the row and its ciphertexts for good."""
    current = get_account(conn, user_id, account_id)
    with conn.cursor() as cur:
        _leave_live_if_selected(cur, conn, user_id, account_id, "exchange account deleted")
        cur.execute("DELETE FROM exchange_accounts WHERE id = %s AND user_id = %s", (account_id, user_id))
    audit.record(conn, "exchange_key.removed", user_id=user_id, ip=ip, exchange_account_id=account_id,
                 exchange=current["exchange"], label=current["label"], key_last4=current["key_last4"])
