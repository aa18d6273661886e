"""Linking a Verzek account to a Telegram private chat (data access + rules).

The app asks for a one-time link token (`issue_link_token`); the user opens
`https://t.me/<bot>?start=<token>` and Telegram sends `/start <token>` from their private chat;
`consume_link_token` links that chat. Only the token's SHA-256 is stored; a token expires after
TELEGRAM_LINK_TOKEN_TTL_MINUTES, is used once, and a new one replaces the user's unused ones. One
Telegram chat links to one account (a unique index): a chat linked elsewhere must /unlink first.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from psycopg2 import errors as pg_errors

from verzek.accounts import audit

# Telegram's deep-link payload: up to 64 characters of A-Z, a-z, 0-9, _ and -.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class LinkToken:
    token: str
    expires_at: datetime


def issue_link_token(conn, user_id: int, *, ttl_minutes: int, ip: str | None = None) -> LinkToken:
    """A new one-time token for `user_id`; the user's earlier unused tokens stop working."""
    token = secrets.token_urlsafe(24)  # 32 characters, 192 bits
    with conn.cursor() as cur:
        cur.execute("UPDATE telegram_link_tokens SET expires_at = least(expires_at, now()) "
                    "WHERE user_id = %s AND used_at IS NULL", (user_id,))
        cur.execute("INSERT INTO telegram_link_tokens (user_id, token_hash, expires_at) "
                    "VALUES (%s, %s, now() + %s) RETURNING expires_at",
                    (user_id, _hash(token), timedelta(minutes=ttl_minutes)))
        expires_at = cur.fetchone()["expires_at"]
    audit.record(conn, "telegram.link_token_issued", user_id=user_id, ip=ip)
    return LinkToken(token, expires_at)


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    message: str
    user_id: int | None = None


def consume_link_token(conn, token: str, *, chat_id: int, telegram_user_id: int) -> LinkResult:
    """Link the private chat `chat_id` to the token's account (one transaction; the token row is locked)."""
    if not TOKEN_PATTERN.match(token or ""):
        return LinkResult(False, "This link code is not valid. Open the app and tap \"Link Telegram\" for a new link.")
    with conn.cursor() as cur:
        cur.execute("SELECT id, user_id, expires_at <= now() AS expired, used_at FROM telegram_link_tokens "
                    "WHERE token_hash = %s FOR UPDATE", (_hash(token),))
        row = cur.fetchone()
        if row is None:
            return LinkResult(False, "This link code is unknown. Open the app and tap \"Link Telegram\" for a new "
                                     "link.")
        if row["used_at"] is not None:
            return LinkResult(False, "This link was already used. Each link works once: ask the app for a new one.")
        if row["expired"]:
            return LinkResult(False, "This link has expired. Open the app and tap \"Link Telegram\" for a new one.")
        cur.execute("SELECT id FROM users WHERE telegram_chat_id = %s", (chat_id,))
        holder = cur.fetchone()
        if holder is not None and holder["id"] != row["user_id"]:
            return LinkResult(False, "This Telegram account is already linked to another Verzek account. "
                                     "Send /unlink first, then open the link again.")
        # the savepoint covers the token too: a link refused below leaves the token usable
        cur.execute("SAVEPOINT telegram_link")
        cur.execute("UPDATE telegram_link_tokens SET used_at = now(), used_by_chat = %s WHERE id = %s",
                    (chat_id, row["id"]))
        cur.execute("SELECT telegram_chat_id FROM users WHERE id = %s FOR UPDATE", (row["user_id"],))
        previous = cur.fetchone()["telegram_chat_id"]
        try:
            cur.execute("UPDATE users SET telegram_chat_id = %s, telegram_user_id = %s, telegram_linked_at = now(), "
                        "updated_at = now() WHERE id = %s", (chat_id, telegram_user_id, row["user_id"]))
        except pg_errors.UniqueViolation:  # another account linked this chat a moment ago
            cur.execute("ROLLBACK TO SAVEPOINT telegram_link")
            return LinkResult(False, "This Telegram account is already linked to another Verzek account. "
                                     "Send /unlink first, then open the link again.")
    audit.record(conn, "telegram.linked", user_id=row["user_id"], chat_id=chat_id, previous_chat_id=previous)
    moved = " (it was linked to another Telegram account before; that one no longer gets messages)" \
        if previous is not None and previous != chat_id else ""
    return LinkResult(True, f"Linked: this chat now gets your Verzek notifications{moved}.", row["user_id"])


def linked_user(conn, chat_id: int) -> dict | None:
    """The account linked to a private chat, with what the bot needs about it."""
    with conn.cursor() as cur:
        cur.execute("SELECT id, email, role, plan, telegram_user_id, telegram_linked_at FROM users "
                    "WHERE telegram_chat_id = %s", (chat_id,))
        row = cur.fetchone()
    return dict(row) if row else None


def link_status(conn, user_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute("SELECT telegram_chat_id IS NOT NULL AS linked, telegram_linked_at AS linked_at FROM users "
                    "WHERE id = %s", (user_id,))
        return dict(cur.fetchone())


def unlink(conn, user_id: int, *, via: str, ip: str | None = None) -> bool:
    """Forget the account's Telegram chat; True when one was linked."""
    with conn.cursor() as cur:
        cur.execute("UPDATE users SET telegram_chat_id = NULL, telegram_user_id = NULL, telegram_linked_at = NULL, "
                    "updated_at = now() WHERE id = %s AND telegram_chat_id IS NOT NULL RETURNING id", (user_id,))
        changed = cur.fetchone() is not None
    if changed:
        audit.record(conn, "telegram.unlinked", user_id=user_id, ip=ip, via=via)
    return changed
