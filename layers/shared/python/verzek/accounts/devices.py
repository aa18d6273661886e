"""Mobile push devices (Expo push tokens)."""

from __future__ import annotations

from verzek.accounts import audit
from verzek.accounts.errors import NotFound

DEVICE_COLUMNS = "id, token, platform, enabled, created_at, updated_at"


def register_device(conn, user_id: int, token: str, platform: str) -> dict:
    """Idempotent: a token already known (maybe under another user: the phone changed hands) moves to this user."""
    with conn.cursor() as cur:
        cur.execute("INSERT INTO push_devices (user_id, token, platform) VALUES (%s, %s, %s) "
                    "ON CONFLICT (token) DO UPDATE SET user_id = EXCLUDED.user_id, platform = EXCLUDED.platform, "
                    "enabled = true, last_error = NULL, updated_at = now() "
                    f"RETURNING {DEVICE_COLUMNS}, (xmax = 0) AS created", (user_id, token, platform))
        row = dict(cur.fetchone())
    if row.pop("created"):
        audit.record(conn, "push_device.registered", user_id=user_id, device_id=row["id"], platform=platform)
    return row


def list_devices(conn, user_id: int) -> list[dict]:
    with conn.cursor() as cur:
        cur.execute(f"SELECT {DEVICE_COLUMNS} FROM push_devices WHERE user_id = %s ORDER BY id", (user_id,))
        return [dict(r) for r in cur.fetchall()]


def unregister_device(conn, user_id: int, device_id: int) -> None:
    with conn.cursor() as cur:
        cur.execute("DELETE FROM push_devices WHERE id = %s AND user_id = %s RETURNING id", (device_id, user_id))
        if cur.fetchone() is None:
            raise NotFound("device not found")
    audit.record(conn, "push_device.unregistered", user_id=user_id, device_id=device_id)
