"""Fixtures for the execution engine against real PostgreSQL: users with settings, signals, and a
paper venue driven by recorded candles and a manual clock."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from verzek.execution.paper import RecordedPrices
from verzek.execution.venues import VenueProvider
from verzek.marketdata.replay import ManualClock

D = Decimal


@pytest.fixture(scope="session")
def recorded_prices(shared_dir: Path) -> RecordedPrices:
    ohlcv = shared_dir / "data" / "ohlcv"
    return RecordedPrices.from_files([ohlcv / "ETH_BTC-5m.json", ohlcv / "futures" / "XRP_USDT_USDT-5m-futures.json"])


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(0)


@pytest.fixture
def venues(recorded_prices, clock, settings_env) -> VenueProvider:
    settings_env(PAPER_TAKER_FEE_PCT="0.1", PAPER_MAKER_FEE_PCT="0.1", PAPER_SLIPPAGE_PCT="0",
                 PAPER_START_BALANCE="10000")
    return VenueProvider(recorded_prices, clock)


class Factory:
    def __init__(self, conn) -> None:
        self.conn = conn
        self._n = 0

    def user(self, *, telegram_chat_id: int | None = None, **settings) -> int:
        self._n += 1
        with self.conn, self.conn.cursor() as cur:
            cur.execute("INSERT INTO users (email, password_hash, telegram_chat_id) VALUES (%s, 'x', %s) RETURNING id",
                        (f"user{self._n}-{id(self)}@example.com", telegram_chat_id))
            user_id = cur.fetchone()["id"]
            values = {"auto_trade": True, **settings}
            cols = ", ".join(["user_id", *values])
            marks = ", ".join(["%s"] * (len(values) + 1))
            cur.execute(f"INSERT INTO trading_settings ({cols}) VALUES ({marks})", (user_id, *values.values()))
        return user_id

    def signal(self, symbol: str, side: str, *, entries, targets, stop_loss=None, entry_type="limit",
               market_type=None, leverage=None, source="vip") -> int:
        self._n += 1
        with self.conn, self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO signals (source, provider_chat_id, provider_message_id, external_id, symbol, side, "
                "market_type, leverage, entry_type, entries, targets, stop_loss) "
                "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s::numeric[],%s::numeric[],%s) RETURNING id",
                (source, -100 if source == "vip" else None, self._n if source == "vip" else None,
                 None if source == "vip" else f"ext-{self._n}", symbol, side, market_type, leverage, entry_type,
                 [D(str(e)) for e in entries], [D(str(t)) for t in targets],
                 D(str(stop_loss)) if stop_loss is not None else None))
            return cur.fetchone()["id"]

    def event(self, signal_id: int, kind: str, *, price=None, data=None) -> int:
        with self.conn, self.conn.cursor() as cur:
            cur.execute("INSERT INTO signal_events (signal_id, kind, price, data) VALUES (%s,%s,%s,%s) RETURNING id",
                        (signal_id, kind, price, json.dumps(data or {})))
            return cur.fetchone()["id"]

    def position(self, user_id: int, signal_id: int) -> dict | None:
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT * FROM positions WHERE user_id = %s AND signal_id = %s", (user_id, signal_id))
            return cur.fetchone()

    def orders(self, position_id: int) -> list[dict]:
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT * FROM orders WHERE position_id = %s ORDER BY id", (position_id,))
            return list(cur.fetchall())

    def notifications(self, user_id: int) -> list[dict]:
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT * FROM notifications WHERE user_id = %s ORDER BY id", (user_id,))
            return list(cur.fetchall())

    def chat(self, user_id: int) -> str | None:
        """The user's Telegram chat as notifications name it (None without one)."""
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT telegram_chat_id FROM users WHERE id = %s", (user_id,))
            chat = cur.fetchone()["telegram_chat_id"]
        return None if chat is None else str(chat)

    def paper_state(self, user_id: int) -> dict:
        from verzek.execution.paper_store import account_state

        with self.conn, self.conn.cursor() as cur:
            return account_state(cur, user_id)


@pytest.fixture
def factory(db) -> Factory:
    return Factory(db)
