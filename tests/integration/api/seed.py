"""Rows the API reads but other parts write (signals, events, positions, orders), inserted directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal


def insert_signal(db, *, source="vip", symbol="BTC/USDT", age_minutes=0, status="open", external_id=None,
                  message_id=None, targets=("61000", "62000")) -> int:
    received = datetime.now(UTC) - timedelta(minutes=age_minutes)
    if source == "vip":
        identity = {"provider_chat_id": -100123, "provider_message_id": message_id or int(received.timestamp() * 1e6)}
    else:
        identity = {"external_id": external_id or f"{source}-{received.timestamp()}"}
    columns = {"source": source, "symbol": symbol, "side": "long", "entry_type": "limit",
               "entries": [Decimal("60000.5")], "targets": [Decimal(t) for t in targets],
               "stop_loss": Decimal(58000), "status": status, "raw_text": "BTC/USDT LONG entry 60000.5 tp 61000",
               "received_at": received, **identity}
    with db.cursor() as cur:
        cur.execute(f"INSERT INTO signals ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
                    "RETURNING id", list(columns.values()))
        signal_id = cur.fetchone()["id"]
    db.commit()
    return signal_id


def insert_event(db, signal_id: int, kind="tp_hit", price="61000", target_index=1) -> int:
    with db.cursor() as cur:
        cur.execute("INSERT INTO signal_events (signal_id, kind, target_index, price, raw_text) "
                    "VALUES (%s, %s, %s, %s, 'TP1 hit') RETURNING id", (signal_id, kind, target_index, Decimal(price)))
        event_id = cur.fetchone()["id"]
    db.commit()
    return event_id


def insert_position(db, user_id: int, signal_id: int, *, status="open", realized="0", unrealized="12.5",
                    fees="0.3", symbol="BTC/USDT", funding="0", mode="paper", exchange="binance") -> int:
    closed_at = datetime.now(UTC) if status in ("closed", "cancelled") else None
    with db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, status, "
                    "entry_price, amount, filled_amount, cost, realized_pnl, unrealized_pnl, fees, funding, closed_at) "
                    "VALUES (%s, %s, %s, %s, %s, 'long', %s, %s, 60000.5, 0.01, 0.01, "
                    "600.005, %s, %s, %s, %s, %s) RETURNING id",
                    (user_id, signal_id, mode, exchange, symbol, "futures" if ":" in symbol else "spot", status, Decimal(realized),
                     Decimal(unrealized), Decimal(fees), Decimal(funding), closed_at))
        position_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO orders (position_id, user_id, client_order_id, role, side, order_type, price, amount, "
                    "filled, status) VALUES (%s, %s, %s, 'entry', 'buy', 'limit', 60000.5, 0.01, 0.01, 'filled')",
                    (position_id, user_id, f"vz-{position_id}-entry"))
    db.commit()
    return position_id
