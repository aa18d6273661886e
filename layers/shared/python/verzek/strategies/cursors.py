"""Where each house strategy stands: the newest closed candle it has decided on, per symbol.

A tick decides only candles newer than the cursor, so polling the same closed candle again (another
tick, an overlapping or retried invocation) is not a new decision and emits nothing. The cursor
moves forward only, and only after that candle's signals were handed to ingest; a symbol whose emit
failed keeps its old cursor, so the next tick decides the candle again (ingest dedupes by
`external_id` if the first emit did land).

`MemoryDecisionCursors` serves one process (the local stack, tests); `PgDecisionCursors` keeps the
cursors in PostgreSQL (`house_decision_cursors`) for the Lambda runner, whose invocations share nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol


class DecisionCursors(Protocol):
    def load(self, strategy: str, timeframe: str, symbols: Iterable[str]) -> dict[str, int]:
        """symbol → open time (epoch ms) of the newest candle decided; symbols never decided are absent."""

    def advance(self, strategy: str, timeframe: str, decided: Mapping[str, int]) -> None:
        """Record decisions; a cursor never moves backwards."""


class MemoryDecisionCursors:
    def __init__(self) -> None:
        self._at: dict[tuple[str, str, str], int] = {}

    def load(self, strategy: str, timeframe: str, symbols: Iterable[str]) -> dict[str, int]:
        return {s: self._at[(strategy, s, timeframe)] for s in symbols if (strategy, s, timeframe) in self._at}

    def advance(self, strategy: str, timeframe: str, decided: Mapping[str, int]) -> None:
        for symbol, ts in decided.items():
            key = (strategy, symbol, timeframe)
            self._at[key] = max(int(ts), self._at.get(key, int(ts)))


class PgDecisionCursors:
    """The cursors in PostgreSQL (verzek.db's pooled connection)."""

    def load(self, strategy: str, timeframe: str, symbols: Iterable[str]) -> dict[str, int]:
        from verzek.db import connection

        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT symbol, last_candle_ts FROM house_decision_cursors "
                        "WHERE strategy = %s AND timeframe = %s AND symbol = ANY(%s)",
                        (strategy, timeframe, list(symbols)))
            return {r["symbol"]: int(r["last_candle_ts"]) for r in cur.fetchall()}

    def advance(self, strategy: str, timeframe: str, decided: Mapping[str, int]) -> None:
        if not decided:
            return
        from verzek.db import connection

        rows = sorted(decided.items())  # a fixed order: two overlapping invocations cannot deadlock
        with connection() as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO house_decision_cursors (strategy, symbol, timeframe, last_candle_ts) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (strategy, symbol, timeframe) DO UPDATE SET "
                "last_candle_ts = GREATEST(house_decision_cursors.last_candle_ts, EXCLUDED.last_candle_ts), "
                "updated_at = now()",
                [(strategy, symbol, timeframe, int(ts)) for symbol, ts in rows])
