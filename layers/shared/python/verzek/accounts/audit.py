"""Audit log: logins, key added/removed, settings changed, live mode switched, kill switches, admin acts."""

from __future__ import annotations

import json

from verzek.observability import logger, redact


def record(conn, action: str, *, user_id: int | None = None, actor_id: int | None = None, ip: str | None = None,
           **details) -> None:
    """Append one audit row in the caller's transaction. Secret-looking detail keys are redacted."""
    safe = redact(details)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO audit_log (user_id, actor_id, action, details, ip) VALUES (%s, %s, %s, %s, %s)",
                    (user_id, actor_id if actor_id is not None else user_id, action,
                     json.dumps(safe, default=str), ip))
    logger.info("audit", extra={"action": action, "user_id": user_id, "actor_id": actor_id})
