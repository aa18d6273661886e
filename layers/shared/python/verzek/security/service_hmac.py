"""HMAC authentication for service-to-service posts (the strategy engine -> POST /api/house-signals/ingest).

The sender signs `<unix seconds>.<raw body>` with HMAC-SHA256 under HOUSE_INGEST_KEY and sends
`X-Verzek-Timestamp` and `X-Verzek-Signature: v1=<hex>`. The receiver recomputes in constant time
and refuses timestamps outside the accepted window (replays of old captures).
"""

from __future__ import annotations

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Verzek-Timestamp"
SIGNATURE_HEADER = "X-Verzek-Signature"
_SCHEME = "v1="


class SignatureError(ValueError):
    """Missing, malformed, stale or wrong signature (the message says which, never the expected value)."""


def sign(key: bytes, timestamp: int, body: bytes) -> str:
    digest = hmac.new(key, str(int(timestamp)).encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
    return _SCHEME + digest


def signed_headers(key: bytes, body: bytes, *, now: float | None = None) -> dict[str, str]:
    timestamp = int(time.time() if now is None else now)
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: sign(key, timestamp, body),
            "Content-Type": "application/json"}


def verify(key: bytes, timestamp: str | None, signature: str | None, body: bytes, *, max_skew_seconds: int,
           now: float | None = None) -> None:
    if not timestamp or not signature:
        raise SignatureError("missing signature headers")
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:  # isdigit alone takes "²"
        raise SignatureError("malformed timestamp")
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > max_skew_seconds:
        raise SignatureError("timestamp outside the accepted window")
    if not hmac.compare_digest(sign(key, int(timestamp), body).encode(), signature.strip().encode("utf-8", "replace")):
        raise SignatureError("invalid signature")
