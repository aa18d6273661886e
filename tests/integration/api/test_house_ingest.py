"""POST /api/house-signals/ingest: HMAC over timestamp + body, a time window, idempotent on the
signal's (source, external_id), through the real ingest path into PostgreSQL."""

from __future__ import annotations

import json
import os
import time
from decimal import Decimal

from verzek.security.service_hmac import signed_headers

SIGNAL = {"source": "trend", "external_id": "trend-BTCUSDT-1h-1717000000", "symbol": "BTC/USDT", "side": "long",
          "entry_type": "limit", "entries": ["60000.5"], "targets": ["61000", "62000.25"], "stop_loss": "58000",
          "market": "spot", "confidence": "0.72", "meta": {"timeframe": "1h"}}


def _post(client, body: dict | bytes, *, key: str | None = None, now: float | None = None, headers=None):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    sign_key = (key or os.environ["HOUSE_INGEST_KEY"]).encode()
    return client.post("/api/house-signals/ingest", content=raw,
                       headers=headers if headers is not None else signed_headers(sign_key, raw, now=now))


def test_signed_signal_is_stored_once(client, db):
    first = _post(client, SIGNAL)
    assert first.status_code == 201, first.text
    assert first.json()["created"] is True
    repeat = _post(client, SIGNAL)
    assert repeat.status_code == 200 and repeat.json() == {"signal_id": first.json()["signal_id"], "created": False}
    with db.cursor() as cur:
        cur.execute("SELECT source, external_id, entries, targets, stop_loss FROM signals")
        rows = cur.fetchall()
    db.commit()
    assert len(rows) == 1 and rows[0]["external_id"] == SIGNAL["external_id"] and rows[0]["source"] == "trend"
    assert rows[0]["targets"] == [Decimal(61000), Decimal("62000.25")] and rows[0]["stop_loss"] == Decimal(58000)


def test_unsigned_wrong_or_stale_posts_are_refused(client, db):
    raw = json.dumps(SIGNAL).encode()
    assert _post(client, SIGNAL, headers={}).status_code == 401
    assert _post(client, SIGNAL, key="not-the-key").json() == {"error": "invalid signature"}
    stale = _post(client, SIGNAL, now=time.time() - 3600)
    assert stale.status_code == 401 and "window" in stale.json()["error"]
    # A valid signature over a different body does not carry over (body tampering).
    headers = signed_headers(os.environ["HOUSE_INGEST_KEY"].encode(), raw)
    tampered = json.dumps({**SIGNAL, "side": "short"}).encode()
    assert client.post("/api/house-signals/ingest", content=tampered, headers=headers).status_code == 401
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM signals")
        assert cur.fetchone()["n"] == 0
    db.commit()


def test_signed_but_invalid_signal_is_422(client, db):
    for bad in ({**SIGNAL, "source": "vip"}, {**SIGNAL, "entries": []}, {**SIGNAL, "symbol": "btcusdt"},
                {**SIGNAL, "targets": ["-1"]}, {**SIGNAL, "posted_at": "2024-01-01T00:00:00"}):
        answer = _post(client, bad)
        assert answer.status_code == 422, (bad, answer.text)
    assert _post(client, b"{not json").status_code == 422
