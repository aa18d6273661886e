"""Opaque keyset cursors: (timestamp, id) of the last row seen, base64url-encoded."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from verzek.accounts.errors import Invalid


def encode_cursor(ts: datetime, row_id: int) -> str:
    return base64.urlsafe_b64encode(f"{ts.isoformat()}|{row_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        ts_text, _, id_text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8").partition("|")
        ts = datetime.fromisoformat(ts_text)
        row_id = int(id_text)
        if ts.tzinfo is None or not 0 < row_id < 2**63:
            raise ValueError
    except (ValueError, UnicodeError, binascii.Error):
        raise Invalid("invalid cursor") from None
    return ts, row_id
