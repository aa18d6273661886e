"""Demo accounts for `verzek local`: an operator (admin) and a paper user following every source."""

from __future__ import annotations

from verzek.accounts.passwords import hash_password
from verzek.db import connection

ALL_SOURCES = ["vip", "scalping", "trend", "qfl", "ml"]


def seed_demo_accounts(operator_email: str, user_email: str, password: str) -> dict[str, int]:
    """Create (once) the demo operator and user; idempotent across restarts."""
    ids = {}
    with connection() as conn, conn.cursor() as cur:
        for email, role, plan in ((operator_email, "admin", "premium"), (user_email, "user", "vip")):
            cur.execute("SELECT id FROM users WHERE email = %s", (email,))
            row = cur.fetchone()
            if row is None:
                cur.execute("INSERT INTO users (email, password_hash, email_verified_at, role, plan) "
                            "VALUES (%s, %s, now(), %s, %s) RETURNING id",
                            (email, hash_password(password), role, plan))
                row = cur.fetchone()
                cur.execute("INSERT INTO audit_log (user_id, action, details) VALUES (%s, 'seeded', %s)",
                            (row["id"], '{"by": "verzek local"}'))
            ids[role] = row["id"]
        # Paper trading, auto-trade on, following every source; 10% of the free balance per trade,
        # TP ladder 50/30/20 with the stop moved to breakeven after TP1.
        cur.execute(
            """
            INSERT INTO trading_settings (user_id, auto_trade, mode, size_type, size_value, leverage_cap,
                                          max_open_positions, tp_split, breakeven_after_tp, follow_sources)
            VALUES (%s, true, 'paper', 'percent', 10, 10, 20, '{50,30,20}', 1, %s)
            ON CONFLICT (user_id) DO NOTHING
            """, (ids["user"], ALL_SOURCES))
    return ids
