"""Checks that run before any order: kill switches, pause, source/symbol lists, cooldown after a
stop-out, max open positions, max total exposure, the daily loss limit (which pauses the user's
auto-trading until the next UTC midnight).

Each check returns a `Block` (why the trade is not taken, user-readable) or None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from verzek.config import get_settings
from verzek.display import PNL_CURRENCY_SQL, pnl_currency
from verzek.execution.planner import TradingSettings

ZERO = Decimal(0)


@dataclass(frozen=True)
class Block:
    code: str
    reason: str
    notify: bool = True  # kill switches are deliberate: no per-trade message


def _symbol_forms(symbol: str) -> set[str]:
    base, _, rest = symbol.upper().partition("/")
    quote = rest.split(":")[0]
    return {symbol.upper(), f"{base}/{quote}", f"{base}{quote}", base}


def symbol_listed(symbol: str, entries: tuple[str, ...]) -> bool:
    forms = _symbol_forms(symbol)
    return any(e.strip().upper() in forms for e in entries if e.strip())


def global_kill_switch_on(cur) -> bool:
    if get_settings().global_kill_switch:
        return True
    cur.execute("SELECT value FROM system_flags WHERE name = 'kill_switch'")
    row = cur.fetchone()
    if row is None:
        return False
    value = row["value"]
    if isinstance(value, str):
        value = json.loads(value)
    if isinstance(value, dict):
        value = value.get("enabled", value.get("on", False))
    return value is True


def precheck(cur, *, user_id: int, signal_id: int, source: str, symbol: str, settings: TradingSettings,
             now: datetime, open_positions: int | None = None, halted: bool | None = None) -> Block | None:
    """Everything that can be decided before talking to the exchange. `open_positions` (the user's
    other live positions) and `halted` (the global kill switch), when the caller read them already
    (a batch reads them for all its jobs at once), are not read again."""
    if global_kill_switch_on(cur) if halted is None else halted:
        return Block("kill_switch", "trading is halted by the global kill switch", notify=False)
    if settings.kill_switch:
        return Block("kill_switch", "your kill switch is on", notify=False)
    if settings.paused_until is not None and settings.paused_until > now:
        return Block("paused", f"auto-trading paused until {settings.paused_until:%Y-%m-%d %H:%M} UTC"
                               + (f" ({settings.paused_reason})" if settings.paused_reason else ""))
    if source not in settings.follow_sources:
        return Block("not_followed", f"you do not follow {source} signals", notify=False)
    if settings.symbol_allow and not symbol_listed(symbol, settings.symbol_allow):
        return Block("symbol_not_allowed", f"{symbol} is not in your allow list")
    if settings.symbol_deny and symbol_listed(symbol, settings.symbol_deny):
        return Block("symbol_denied", f"{symbol} is in your deny list")
    if settings.cooldown_minutes:
        cur.execute("SELECT closed_at FROM positions WHERE user_id = %s AND status IN ('closed', 'liquidated') "
                    "AND close_reason IN ('stop_loss', 'liquidation') AND closed_at > %s "
                    "ORDER BY closed_at DESC LIMIT 1",
                    (user_id, now - timedelta(minutes=settings.cooldown_minutes)))
        row = cur.fetchone()
        if row:
            until = row["closed_at"] + timedelta(minutes=settings.cooldown_minutes)
            return Block("cooldown", f"cooling down after a stop-out until {until:%H:%M} UTC")
    if open_positions is None:
        cur.execute("SELECT count(*) AS n FROM positions WHERE user_id = %s AND signal_id <> %s "
                    "AND status IN ('pending', 'open', 'closing')", (user_id, signal_id))
        open_positions = cur.fetchone()["n"]
    if open_positions >= settings.max_open_positions:
        return Block("max_open_positions", f"you already have {settings.max_open_positions} open positions "
                                           "(your maximum)")
    return None


def open_exposure(cur, user_id: int, signal_id: int) -> Decimal:
    """Notional of the user's other live positions (planned notional; the remaining share once closing)."""
    cur.execute("SELECT COALESCE(sum((plan->>'notional')::numeric), 0) AS total FROM positions "
                "WHERE user_id = %s AND signal_id <> %s AND status IN ('pending', 'open', 'closing')",
                (user_id, signal_id))
    return cur.fetchone()["total"] or ZERO


def today_net_pnl(cur, user_id: int, now: datetime, *, mode: str, currency: str) -> Decimal:
    """Today's net realised PnL of the user's `mode` (paper or live) trades in `currency`: amounts in
    other currencies or of the other mode are another account's and are never added in."""
    start = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    cur.execute("SELECT COALESCE(sum(realized_pnl - fees + funding), 0) AS pnl FROM positions "
                f"WHERE user_id = %s AND status IN ('closed', 'liquidated') AND closed_at >= %s AND mode = %s "
                f"AND {PNL_CURRENCY_SQL} = %s", (user_id, start, mode, currency))
    return cur.fetchone()["pnl"] or ZERO


def account_equity(cur, user_id: int, *, mode: str, currency: str, free_balance: Decimal) -> Decimal:
    """The account's equity in `currency` for the protections and the daily loss limit: the free
    balance plus the margin (spot: the cost) held by its open positions in that currency, at cost
    (unrealised PnL is left out: it needs a price per position, and the free balance alone read every
    margin-heavy account as a deep drawdown)."""
    cur.execute("SELECT COALESCE(sum(cost / COALESCE(NULLIF(leverage, 0), 1)), 0) AS held FROM positions "
                f"WHERE user_id = %s AND status IN ('pending', 'open', 'closing') AND mode = %s "
                f"AND {PNL_CURRENCY_SQL} = %s", (user_id, mode, currency))
    return free_balance + (cur.fetchone()["held"] or ZERO)


def check_sized(cur, *, user_id: int, signal_id: int, settings: TradingSettings, notional: Decimal,
                free_balance: Decimal, now: datetime, symbol: str | None = None) -> Block | None:
    """Checks that need the trade's size and the account's balance, then the protections
    (`verzek.execution.protections`: stop-loss guard, max drawdown, low-profit pair lock)."""
    currency = pnl_currency(symbol) if symbol is not None else None
    # one more query per trade, so only for the two checks that use it (this runs once per user per signal)
    needs_equity = currency is not None and (settings.max_drawdown_pct is not None
                                             or settings.daily_loss_limit_pct is not None)
    equity = account_equity(cur, user_id, mode=settings.mode, currency=currency,
                            free_balance=free_balance) if needs_equity else free_balance
    if symbol is not None:
        from verzek.execution import protections

        hit = protections.check(cur, user_id=user_id, symbol=symbol, settings=settings, now=now, equity=equity,
                                currency=currency)
        if hit is not None:
            return Block(*hit)
    if settings.max_total_exposure is not None:
        current = open_exposure(cur, user_id, signal_id)
        if current + notional > settings.max_total_exposure:
            return Block("max_exposure", f"this trade ({notional:.2f}) would take your exposure to "
                                         f"{current + notional:.2f}, above your maximum {settings.max_total_exposure}")
    if settings.daily_loss_limit_pct is not None and currency is not None:
        pnl = today_net_pnl(cur, user_id, now, mode=settings.mode, currency=currency)
        if pnl < 0:
            equity_at_start = equity - pnl  # the equity before today's realised losses
            if equity_at_start > 0 and -pnl * 100 / equity_at_start >= settings.daily_loss_limit_pct:
                until = (now.astimezone(UTC) + timedelta(days=1)).replace(hour=0, minute=0, second=0,
                                                                                   microsecond=0)
                reason = f"daily loss limit {settings.daily_loss_limit_pct}% reached"
                cur.execute("UPDATE trading_settings SET paused_until = %s, paused_reason = %s, updated_at = now() "
                            "WHERE user_id = %s", (until, reason, user_id))
                return Block("daily_loss_limit", f"{reason}: auto-trading paused until {until:%Y-%m-%d %H:%M} UTC")
    return None


def opposite_positions(cur, *, user_id: int, signal_id: int, symbol: str, market_type: str, side: str,
                       mode: str) -> list[dict]:
    """The user's live futures positions on the other side of `symbol` (none for spot). One-way
    accounts (the paper engine, and live one-way mode) net a long and a short on one symbol to zero,
    leaving both positions' exits with nothing to close, so such a signal is refused or, with the
    `reverse` policy, the held positions are closed first (issue 13 item 1)."""
    if market_type != "futures":
        return []
    cur.execute("SELECT id, side, status FROM positions WHERE user_id = %s AND symbol = %s "
                "AND market_type = 'futures' AND mode = %s AND side <> %s AND signal_id <> %s "
                "AND status IN ('pending', 'open', 'closing') ORDER BY id", (user_id, symbol, mode, side, signal_id))
    return list(cur.fetchall())


def opposite_reason(symbol: str, held: list[dict], *, policy: str = "refuse") -> str:
    first = held[0]
    if policy == "hedge":
        return (f"you hold a {first['side']} {symbol} position (#{first['id']}); your opposite-signal policy is "
                "hedge, but your futures account is in one-way mode (read from the exchange), where an opposite "
                "trade would net it away, so it is not opened: switch the account to hedge mode (Binance: "
                "position mode 'Hedge Mode') or choose refuse or reverse")
    return (f"you hold a {first['side']} {symbol} position (#{first['id']}); an opposite trade on the same symbol "
            "would net it away on a one-way account, so it is not opened (your opposite-signal policy: refuse)")
