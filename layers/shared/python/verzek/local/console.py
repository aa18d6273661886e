"""The live console summary of `verzek local`: new signals, position changes, notifications, and a
status line with replay progress and PnL. Reads the database only (what really happened)."""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime
from decimal import Decimal

from verzek import display
from verzek.accounts.positions import PNL_CURRENCY_SQL
from verzek.db import connection


def _fmt(values, symbol: str) -> str:
    """Levels on the market's tick (`verzek.display`), exact when the market is not recorded."""
    rules = display.rules_for(symbol)
    return "/".join(display.price(Decimal(v), rules) for v in values or [])


class ConsoleSummary:
    def __init__(self, *, progress=None, out=sys.stdout, interval: float = 1.0, status_every: int = 10) -> None:
        self.progress = progress  # callable -> (replay_ms, fraction) or None
        self.out, self.interval, self.status_every = out, interval, status_every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_signal = self._last_note = 0
        self._positions: dict[int, tuple] = {}
        self._ticks = 0

    def _print(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def prime(self) -> None:
        """Start from what is already in the database (a restart does not replay old lines)."""
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT coalesce(max(id), 0) AS s FROM signals")
            self._last_signal = cur.fetchone()["s"]
            cur.execute("SELECT coalesce(max(id), 0) AS n FROM notifications")
            self._last_note = cur.fetchone()["n"]
            cur.execute("SELECT id, status, tp_hits, breakeven_moved FROM positions")
            self._positions = {r["id"]: (r["status"], r["tp_hits"], r["breakeven_moved"]) for r in cur.fetchall()}

    def poll_once(self) -> None:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT id, source, symbol, side, entries, targets, stop_loss, status, rejected_reason "
                        "FROM signals WHERE id > %s ORDER BY id", (self._last_signal,))
            for s in cur.fetchall():
                self._last_signal = s["id"]
                extra = f" — {s['status']}: {s['rejected_reason']}" if s["status"] == "rejected" else \
                    ("" if s["status"] == "open" else f" — {s['status']}")
                self._print(f"signal   #{s['id']:<5} {s['source']:<8} {s['side'].upper():<5} {s['symbol']:<14} "
                            f"entry {_fmt(s['entries'], s['symbol'])}  tp {_fmt(s['targets'], s['symbol'])}  "
                            f"sl {_fmt([s['stop_loss']] if s['stop_loss'] else [], s['symbol'])}{extra}")
            cur.execute("SELECT id, user_id, exchange, symbol, side, status, tp_hits, breakeven_moved, entry_price, "
                        f"filled_amount, realized_pnl - fees + funding AS net_pnl, {PNL_CURRENCY_SQL} AS currency, "
                        "close_reason, error FROM positions ORDER BY id")
            for p in cur.fetchall():
                state = (p["status"], p["tp_hits"], p["breakeven_moved"])
                before = self._positions.get(p["id"])
                if before == state:
                    continue
                self._positions[p["id"]] = state
                what = []
                if before is None or before[0] != p["status"]:
                    what.append(p["status"] + (f" ({p['close_reason'] or p['error']})"
                                               if p["status"] in ("closed", "liquidated", "failed", "cancelled") else ""))
                if before is not None and p["tp_hits"] > before[1]:
                    what.append(f"TP{p['tp_hits']} hit")
                if p["breakeven_moved"] and (before is None or not before[2]):
                    what.append("stop moved to breakeven")
                rules = display.rules_for(p["symbol"], p["exchange"])
                entry = f" @ {display.price(p['entry_price'], rules)}" if p["entry_price"] else ""
                self._print(f"position #{p['id']:<5} user {p['user_id']} {p['side'].upper():<5} {p['symbol']:<14}"
                            f"{entry}  {', '.join(what)}  net PnL {display.signed_money(p['net_pnl'], p['currency'])}")
            cur.execute("SELECT id, channel, kind, payload FROM notifications WHERE id > %s AND channel = 'console' "
                        "AND status = 'sent' ORDER BY id", (self._last_note,))
            for n in cur.fetchall():
                self._last_note = n["id"]
                text = (n["payload"] or {}).get("text") or n["kind"]
                self._print(f"notify   {text}")
        self._ticks += 1
        if self._ticks % self.status_every == 0:
            self._print(self.status_line())

    def status_line(self, max_users: int = 3) -> str:
        from verzek.accounts.positions import BalanceReader, pnl_summary

        with connection() as conn:
            with conn.cursor() as cur:
                cur.execute("SELECT count(*) AS n, count(*) FILTER (WHERE source = 'vip') AS vip FROM signals")
                sig = cur.fetchone()
                cur.execute("SELECT user_id, count(*) FILTER (WHERE status IN ('pending','open','closing')) AS open, "
                            "count(*) FILTER (WHERE status IN ('closed', 'liquidated')) AS closed "
                            "FROM positions GROUP BY 1 ORDER BY 1")
                users = cur.fetchall()
            # One user's numbers per (mode, currency): never added across currencies, modes or users. The
            # console reads the database only (no exchange call): live balances are shown in the app.
            summaries = [(u["user_id"], pnl_summary(conn, u["user_id"], balances=BalanceReader(
                live=False, not_read="live: read from the exchange in the app")))
                         for u in users[:max_users]]
        progress = ""
        if self.progress is not None:
            replay_ms, fraction = self.progress()
            bar = "█" * int(fraction * 20) + "░" * (20 - int(fraction * 20))
            when = datetime.fromtimestamp(replay_ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M")
            progress = f"replay {when} UTC {bar} {fraction * 100:5.1f}% | "
        pnl = " | ".join(f"user {user_id} " + "; ".join(_currency_line(c) for c in summary["currencies"])
                         for user_id, summary in summaries)
        if len(users) > max_users:
            pnl += f" | {len(users) - max_users} more users"
        return (f"status   {progress}signals {sig['n']} (vip {sig['vip']}) | positions open "
                f"{sum(u['open'] for u in users)} closed {sum(u['closed'] for u in users)} | "
                f"PnL {pnl or 'none yet'}")

    def start(self) -> None:
        self.prime()
        self._thread = threading.Thread(target=self._run, name="console-summary", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll_once()
            except Exception as exc:  # the summary must never take the stack down
                self._print(f"status   (summary unavailable: {type(exc).__name__})")

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)
        try:
            self.poll_once()
        except Exception:
            pass


def _currency_line(c: dict) -> str:
    """`paper USDT: balance 10012.30 USDT, equity 10022.30 USDT, net realised +12.30 USDT (after fees 0.70 USDT
    and funding -0.10 USDT), unrealised +10.00 USDT` ("net" = after fees and funding)."""
    cur = c["currency"]
    head = f"{c['mode']} {cur}: "
    if c["balance"] is not None:
        head += f"balance {display.money(c['balance'], cur)}, equity {display.money(c['equity'], cur)}, "
    return (head + f"net realised {display.signed_money(c['net_realized_pnl'], cur)} (after fees "
            f"{display.money(c['fees'], cur)} and funding {display.signed_money(c['funding'], cur)}), "
            f"unrealised {display.signed_money(c['unrealized_pnl'], cur)}")
