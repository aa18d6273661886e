"""Per-user trading settings (`trading_settings`), with the live-mode gate.

Switching to live needs a verified email, an enabled exchange account of the user's own selected
as the trading account, and an explicit confirmation; going back to paper clears the
confirmation so the next switch asks again. Changes, live switches and the kill switch are audited.
"""

from __future__ import annotations

from decimal import Decimal

from psycopg2 import errors as pg_errors

from verzek.accounts import audit
from verzek.accounts.errors import Invalid

EDITABLE = ("auto_trade", "mode", "exchange_account_id", "size_type", "size_value", "leverage_cap", "leverage_mode",
            "max_open_positions", "max_total_exposure", "dca_enabled", "dca_safety_orders", "dca_step_pct",
            "dca_volume_scale", "tp_split", "breakeven_after_tp", "default_stop_pct", "trailing_stop_pct",
            "entry_grace_pct", "first_entry_market", "skip_if_tp_or_sl_hit", "symbol_allow", "symbol_deny",
            "daily_loss_limit_pct", "cooldown_minutes", "follow_sources", "kill_switch", "no_stop_policy",
            "max_loss_at_stop_pct", "breakeven_mode", "max_entry_distance_pct", "entry_timeout_hours",
            "sl_guard_trades", "sl_guard_lookback_minutes", "sl_guard_pause_minutes", "max_drawdown_pct",
            "max_drawdown_lookback_minutes", "max_drawdown_pause_minutes", "low_profit_trades", "low_profit_min_pct",
            "low_profit_lookback_minutes", "low_profit_lock_minutes", "opposite_signal_policy", "dca_step_scale",
            "dca_max_active")


def get_settings_row(conn, user_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute("INSERT INTO trading_settings (user_id) VALUES (%s) ON CONFLICT DO NOTHING", (user_id,))
        cur.execute("SELECT * FROM trading_settings WHERE user_id = %s", (user_id,))
        return dict(cur.fetchone())


def _same(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, (Decimal, int, float)) and isinstance(b, (Decimal, int, float)) and not isinstance(a, bool):
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


def update_settings(conn, user_id: int, changes: dict, *, confirm_live: bool = False, ip: str | None = None) -> dict:
    """Apply a partial update (already type-validated). Raises Invalid with the rule that blocks it."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise Invalid(f"not editable: {', '.join(sorted(unknown))}")
    current = get_settings_row(conn, user_id)
    changed = {k: v for k, v in changes.items() if not _same(current.get(k), v)}
    if not changed:
        return current
    merged = {**current, **changed}
    with conn.cursor() as cur:
        account = None
        if merged["exchange_account_id"] is not None:
            cur.execute("SELECT id, enabled FROM exchange_accounts WHERE id = %s AND user_id = %s",
                        (merged["exchange_account_id"], user_id))
            account = cur.fetchone()
            if account is None:
                raise Invalid("exchange_account_id: no such exchange account")
        going_live = merged["mode"] == "live" and current["mode"] != "live"
        if merged["mode"] == "live":
            if going_live and not confirm_live:
                raise Invalid("switching to live trading needs confirm_live: true (real orders with real money)")
            cur.execute("SELECT email_verified_at FROM users WHERE id = %s", (user_id,))
            if cur.fetchone()["email_verified_at"] is None:
                raise Invalid("live trading needs a verified email address")
            if account is None:
                raise Invalid("live trading needs exchange_account_id: the exchange account to trade on")
            if not account["enabled"]:
                raise Invalid("live trading needs an enabled exchange account")
        assignments = [f"{column} = %s" for column in changed]
        values = list(changed.values())
        if going_live:
            assignments.append("live_confirmed_at = now()")
        elif changed.get("mode") == "paper":
            assignments.append("live_confirmed_at = NULL")
        try:
            cur.execute("SAVEPOINT update_settings")
            cur.execute(f"UPDATE trading_settings SET {', '.join(assignments)}, updated_at = now() WHERE user_id = %s "
                        "RETURNING *", (*values, user_id))
            row = dict(cur.fetchone())
        except pg_errors.CheckViolation as exc:
            cur.execute("ROLLBACK TO SAVEPOINT update_settings")
            constraint = getattr(exc.diag, "constraint_name", None) or "a settings rule"
            raise Invalid(f"settings rejected by {constraint}") from None
    audit.record(conn, "settings.changed", user_id=user_id, ip=ip,
                 fields=sorted(changed), values={k: v for k, v in changed.items()})
    if "mode" in changed:
        audit.record(conn, "live_mode.switched", user_id=user_id, ip=ip, mode=changed["mode"],
                     exchange_account_id=merged["exchange_account_id"])
    if "kill_switch" in changed:
        audit.record(conn, "kill_switch.user", user_id=user_id, ip=ip, enabled=changed["kill_switch"])
    return row
