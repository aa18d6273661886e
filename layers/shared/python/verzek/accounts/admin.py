"""Admin actions: plans and roles, the global kill switch. Admins read; they never decrypt keys."""

from __future__ import annotations

import json

from verzek.accounts import audit
from verzek.accounts.errors import NotFound
from verzek.config import get_settings

GLOBAL_KILL_SWITCH = "global_kill_switch"
PLANS = ("trial", "vip", "premium")
ROLES = ("user", "admin")


def global_kill_switch(conn) -> bool:
    """On when the environment forces it (GLOBAL_KILL_SWITCH) or an admin switched it on."""
    if get_settings().global_kill_switch:
        return True
    with conn.cursor() as cur:
        cur.execute("SELECT value FROM system_flags WHERE name = %s", (GLOBAL_KILL_SWITCH,))
        row = cur.fetchone()
    return bool(row and isinstance(row["value"], dict) and row["value"].get("enabled"))


def set_global_kill_switch(conn, enabled: bool, *, actor_id: int | None, reason: str | None = None,
                           ip: str | None = None) -> None:
    with conn.cursor() as cur:
        cur.execute("INSERT INTO system_flags (name, value, updated_at, updated_by) VALUES (%s, %s, now(), %s) "
                    "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), "
                    "updated_by = EXCLUDED.updated_by",
                    (GLOBAL_KILL_SWITCH, json.dumps({"enabled": enabled, "reason": reason}), actor_id))
    audit.record(conn, "kill_switch.global", actor_id=actor_id, ip=ip, enabled=enabled, reason=reason)


def _set_user_column(conn, column: str, value: str, *, user_id: int | None = None, email: str | None = None,
                     actor_id: int | None = None, ip: str | None = None) -> dict:
    with conn.cursor() as cur:
        if user_id is not None:
            cur.execute(f"UPDATE users SET {column} = %s, updated_at = now() WHERE id = %s "
                        "RETURNING id, email, plan, role", (value, user_id))
        else:
            cur.execute(f"UPDATE users SET {column} = %s, updated_at = now() WHERE email = %s "
                        "RETURNING id, email, plan, role", (value, (email or "").strip().lower()))
        row = cur.fetchone()
    if row is None:
        raise NotFound("user not found")
    audit.record(conn, f"admin.set_{column}", user_id=row["id"], actor_id=actor_id, ip=ip, **{column: value})
    return dict(row)


def set_plan(conn, plan: str, **who) -> dict:
    if plan not in PLANS:
        raise ValueError(f"plan must be one of {', '.join(PLANS)}")
    return _set_user_column(conn, "plan", plan, **who)


def set_role(conn, role: str, **who) -> dict:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    return _set_user_column(conn, "role", role, **who)
