"""Review: a malformed X-Verzek-Timestamp must be a 401, never a 500 (str.isdigit accepts '²').

Sent over a real socket: the test client re-encodes non-ASCII header bytes, uvicorn does not."""

from __future__ import annotations

import json

import httpx

from tests.integration.api.test_house_ingest import SIGNAL
from tests.support.exchange_double import ServerThread


def test_non_ascii_digit_timestamp_is_refused_not_500(app, db):
    raw = json.dumps(SIGNAL).encode()
    with ServerThread(app) as server:
        for timestamp in (b"\xb2", b"1\xb9\xb3", b"\xbd"):  # latin-1 '²', '1¹³', '½'
            answer = httpx.post(f"{server.url}/api/house-signals/ingest", content=raw,
                                headers=[(b"X-Verzek-Timestamp", timestamp), (b"X-Verzek-Signature", b"v1=00"),
                                         (b"Content-Type", b"application/json")])
            assert answer.status_code == 401, (timestamp, answer.status_code, answer.text)
            assert answer.json() == {"error": "malformed timestamp"}
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM signals")
        assert cur.fetchone()["n"] == 0
    db.commit()
