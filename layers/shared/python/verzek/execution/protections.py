"""Protections like freqtrade's, per user (issue 13 item 10), beside the cooldown and the daily loss
limit of `verzek.execution.risk`. Each is off while its trigger setting is None, and each is
evaluated from the user's closed positions when a signal arrives, so it keeps no state: the last
close that trips it starts the pause (or the symbol's lock), which ends that many minutes later.

* Stop-loss guard (StoplossGuard): `sl_guard_trades` stop-outs (stop loss, trailing stop,
  liquidation) closed within `sl_guard_lookback_minutes` of the last one pause new trades until
  `sl_guard_pause_minutes` after it.
* Max drawdown (MaxDrawdown): the equity curve of the trades closed within
  `max_drawdown_lookback_minutes` of the last close, in the new trade's mode and currency (ending at
  that account's equity: free balance plus the margin its open positions hold; net of fees and funding) falling `max_drawdown_pct` % or more from its peak pauses new trades until
  `max_drawdown_pause_minutes` after that close.
* Low-profit pair lock (LowProfitPairs): at least `low_profit_trades` trades on the signal's symbol
  closed within `low_profit_lookback_minutes` of the last one whose returns on margin add up to less
  than `low_profit_min_pct` % lock that symbol until `low_profit_lock_minutes` after it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from verzek.display import PNL_CURRENCY_SQL
from verzek.execution.planner import TradingSettings

HUNDRED = Decimal(100)
CLOSED = ("closed", "liquidated")
STOP_OUTS = ("stop_loss", "trailing_stop", "liquidation")
_NET = "realized_pnl - fees + funding"


def _last_close(cur, user_id: int, extra: str = "", params: tuple = ()) -> datetime | None:
    cur.execute(f"SELECT max(closed_at) AS t FROM positions WHERE user_id = %s AND status = ANY(%s) {extra}",
                (user_id, list(CLOSED), *params))
    return cur.fetchone()["t"]


def stoploss_guard(cur, user_id: int, settings: TradingSettings, now: datetime) -> tuple[str, str] | None:
    if settings.sl_guard_trades is None:
        return None
    last = _last_close(cur, user_id, "AND close_reason = ANY(%s)", (list(STOP_OUTS),))
    until = last + timedelta(minutes=settings.sl_guard_pause_minutes) if last else None
    if until is None or until <= now:
        return None
    cur.execute("SELECT count(*) AS n FROM positions WHERE user_id = %s AND status = ANY(%s) "
                "AND close_reason = ANY(%s) AND closed_at > %s AND closed_at <= %s",
                (user_id, list(CLOSED), list(STOP_OUTS), last - timedelta(minutes=settings.sl_guard_lookback_minutes),
                 last))
    n = cur.fetchone()["n"]
    if n < settings.sl_guard_trades:
        return None
    return ("stoploss_guard", (f"{n} stop-outs within {settings.sl_guard_lookback_minutes} minutes: new trades "
                               f"paused until {until:%Y-%m-%d %H:%M} UTC (your stop-loss guard)"))


def max_drawdown(cur, user_id: int, settings: TradingSettings, now: datetime,
                 equity: Decimal, currency: str) -> tuple[str, str] | None:
    """Over the closed trades of the account the new trade uses (its mode and its PnL currency), ending
    at that account's equity (free balance plus the margin its open positions hold)."""
    if settings.max_drawdown_pct is None:
        return None
    scope = f"AND mode = %s AND {PNL_CURRENCY_SQL} = %s"
    last = _last_close(cur, user_id, scope, (settings.mode, currency))
    until = last + timedelta(minutes=settings.max_drawdown_pause_minutes) if last else None
    if until is None or until <= now:
        return None
    cur.execute(f"SELECT {_NET} AS net FROM positions WHERE user_id = %s AND status = ANY(%s) {scope} "
                "AND closed_at > %s AND closed_at <= %s ORDER BY closed_at, id",
                (user_id, list(CLOSED), settings.mode, currency,
                 last - timedelta(minutes=settings.max_drawdown_lookback_minutes), last))
    nets = [r["net"] for r in cur.fetchall()]
    value = equity - sum(nets, Decimal(0))  # the equity before the first of them
    peak, worst = value, Decimal(0)
    for net in nets:
        value += net
        peak = max(peak, value)
        if peak > 0:
            worst = max(worst, (peak - value) / peak)
    if worst * HUNDRED < settings.max_drawdown_pct:
        return None
    return ("max_drawdown", (f"a {(worst * HUNDRED).quantize(Decimal('0.01'))}% drawdown of your closed trades "
                             f"within {settings.max_drawdown_lookback_minutes} minutes: new trades paused until "
                             f"{until:%Y-%m-%d %H:%M} UTC (your limit {settings.max_drawdown_pct}%)"))


def low_profit_pair(cur, user_id: int, symbol: str, settings: TradingSettings,
                    now: datetime) -> tuple[str, str] | None:
    if settings.low_profit_trades is None:
        return None
    last = _last_close(cur, user_id, "AND symbol = %s", (symbol,))
    until = last + timedelta(minutes=settings.low_profit_lock_minutes) if last else None
    if until is None or until <= now:
        return None
    # return on margin: net / (entry cost / leverage)
    cur.execute(f"SELECT count(*) AS n, COALESCE(sum(({_NET}) / NULLIF(cost / leverage, 0)), 0) AS ratio "
                "FROM positions WHERE user_id = %s AND symbol = %s AND status = ANY(%s) AND filled_amount > 0 "
                "AND closed_at > %s AND closed_at <= %s",
                (user_id, symbol, list(CLOSED), last - timedelta(minutes=settings.low_profit_lookback_minutes), last))
    row = cur.fetchone()
    if row["n"] < settings.low_profit_trades or row["ratio"] * HUNDRED >= settings.low_profit_min_pct:
        return None
    return ("low_profit_pair", (f"{symbol}: {row['n']} trades within {settings.low_profit_lookback_minutes} minutes "
                                f"returned {(row['ratio'] * HUNDRED).quantize(Decimal('0.01'))}% together, under "
                                f"your {settings.low_profit_min_pct}%: locked until {until:%Y-%m-%d %H:%M} UTC"))


def check(cur, *, user_id: int, symbol: str, settings: TradingSettings, now: datetime,
          equity: Decimal, currency: str) -> tuple[str, str] | None:
    """(code, reason) of the first protection that blocks a new trade on `symbol`, or None."""
    return (stoploss_guard(cur, user_id, settings, now)
            or max_drawdown(cur, user_id, settings, now, equity, currency)
            or low_profit_pair(cur, user_id, symbol, settings, now))
