"""The node's shared state: nonces seen, token buckets, exchange budgets and bans, in one SQLite file.

Every worker process of a node opens the same file (`PROXY_NODE_STATE_PATH`, WAL mode), so a nonce
accepted by one worker is a replay at every other, the exchanges' per-IP budgets and bans are
counted once for the node's IP however many workers send, and all of it survives a restart. Each
request's checks run in one short write transaction (`BEGIN IMMEDIATE`: workers queue on SQLite's
lock for tens of microseconds; `synchronous=NORMAL`: no fsync per commit, a power cut loses at most
the last few hundred milliseconds of state, never the file).

Without a path (tests, a one-process local node) the state is an in-memory database of this process.

Two nodes never share a file: each has its own IP, and the exchanges count and ban per IP, so a ban
at one node says nothing about the other's standing (see docs/architecture.md, "The proxy fleet").
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

Clock = Callable[[], float]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nonces (k TEXT PRIMARY KEY, expires REAL NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_expires ON nonces (expires);
CREATE TABLE IF NOT EXISTS buckets (name TEXT PRIMARY KEY, tokens REAL NOT NULL, last REAL NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS buckets_last ON buckets (last);
CREATE TABLE IF NOT EXISTS budgets (
    grp TEXT PRIMARY KEY,
    window_index INTEGER NOT NULL DEFAULT -1,    -- header budgets: the clock-aligned window of window_sends
    window_sends INTEGER NOT NULL DEFAULT 0,
    reported_used INTEGER,                       -- the highest used-weight figure the exchange reported ...
    reported_window INTEGER NOT NULL DEFAULT -1, -- ... in this window
    answered INTEGER NOT NULL DEFAULT 0,         -- answers with a used-weight figure in this window
    avg_weight REAL NOT NULL DEFAULT 1,          -- weight per request, learnt from the reports
    counted INTEGER NOT NULL DEFAULT 0,          -- counted budgets: rows in `sends` within the window
    blocked_until REAL NOT NULL DEFAULT 0,       -- an exchange 429/418 ban: send nothing until then
    block_status INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sends (grp TEXT NOT NULL, at REAL NOT NULL, seq INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE INDEX IF NOT EXISTS sends_grp_at ON sends (grp, at);
"""

PRUNE_EVERY_SECONDS = 1.0
IDLE_BUCKET_SECONDS = 3600.0


@dataclass
class BudgetRow:
    window_index: int = -1
    window_sends: int = 0
    reported_used: int | None = None
    reported_window: int = -1
    answered: int = 0
    avg_weight: float = 1.0
    counted: int = 0
    blocked_until: float = 0.0
    block_status: int = 0


_BUDGET_COLUMNS = ("window_index", "window_sends", "reported_used", "reported_window", "answered", "avg_weight",
                   "counted", "blocked_until", "block_status")


class NonceStoreFull(Exception):
    """More nonces live in the replay window than the store keeps."""


class NodeState:
    def __init__(self, path: str = "", clock: Clock = time.time, max_nonces: int = 2_000_000):
        self.path = path or ":memory:"
        self.clock = clock
        self.max_nonces = max_nonces
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE) and short.
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._depth = 0
        self._next_prune = 0.0
        self._nonces_full = False
        self.conn.executescript(_SCHEMA)          # idempotent; each statement commits on its own
        with self.transaction():
            self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', ?)", (repr(clock()),))
            self.created_at = float(self.conn.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def _prune(self, now: float) -> None:
        if now < self._next_prune:
            return
        self._next_prune = now + PRUNE_EVERY_SECONDS
        self.conn.execute("DELETE FROM nonces WHERE expires <= ?", (now,))
        self.conn.execute("DELETE FROM buckets WHERE last < ?", (now - IDLE_BUCKET_SECONDS,))
        self._nonces_full = self.conn.execute("SELECT count(*) FROM nonces").fetchone()[0] >= self.max_nonces

    # -- nonces ------------------------------------------------------------------------------------
    def take_nonce(self, key_id: str, nonce: str, horizon: float) -> bool:
        """True if the nonce is new (and is now remembered until `horizon` seconds from now); False on a replay."""
        now = self.clock()
        with self.transaction() as conn:
            self._prune(now)
            if self._nonces_full:
                raise NonceStoreFull
            cursor = conn.execute(
                "INSERT INTO nonces (k, expires) VALUES (?, ?) "
                "ON CONFLICT (k) DO UPDATE SET expires = excluded.expires WHERE nonces.expires <= ?",
                (f"{key_id}\n{nonce}", now + horizon, now))
            return cursor.rowcount == 1

    # -- token buckets -----------------------------------------------------------------------------
    def take_token(self, name: str, rate: float, burst: float) -> float:
        """0 if a token was spent, else the seconds until one is available."""
        now = self.clock()
        with self.transaction() as conn:
            self._prune(now)
            row = conn.execute("SELECT tokens, last FROM buckets WHERE name = ?", (name,)).fetchone()
            tokens, last = row if row else (burst, now)
            tokens = min(burst, tokens + max(0.0, now - last) * rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / rate
            conn.execute("INSERT INTO buckets (name, tokens, last) VALUES (?, ?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET tokens = excluded.tokens, last = excluded.last",
                         (name, tokens, now))
            return wait

    # -- exchange budgets --------------------------------------------------------------------------
    def load_budget(self, group: str) -> BudgetRow:
        row = self.conn.execute(f"SELECT {', '.join(_BUDGET_COLUMNS)} FROM budgets WHERE grp = ?", (group,)).fetchone()
        return BudgetRow(*row) if row else BudgetRow()

    def save_budget(self, group: str, row: BudgetRow) -> None:
        values = tuple(getattr(row, c) for c in _BUDGET_COLUMNS)
        self.conn.execute(f"INSERT INTO budgets (grp, {', '.join(_BUDGET_COLUMNS)}) VALUES (?{', ?' * len(values)}) "
                          f"ON CONFLICT (grp) DO UPDATE SET "
                          + ", ".join(f"{c} = excluded.{c}" for c in _BUDGET_COLUMNS), (group, *values))

    def expire_sends(self, group: str, cutoff: float) -> int:
        """Forget counted sends at or before `cutoff`; returns how many were forgotten."""
        return self.conn.execute("DELETE FROM sends WHERE grp = ? AND at <= ?", (group, cutoff)).rowcount

    def add_send(self, group: str, at: float) -> None:
        self.conn.execute("INSERT INTO sends (grp, at) VALUES (?, ?)", (group, at))

    def oldest_send(self, group: str) -> float | None:
        row = self.conn.execute("SELECT min(at) FROM sends WHERE grp = ?", (group,)).fetchone()
        return row[0] if row else None

    def budget_groups(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT grp FROM budgets ORDER BY grp")]
