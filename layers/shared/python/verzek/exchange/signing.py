"""HMAC-SHA256 signing of requests sent to the static-IP proxy node.

One implementation of the canonical string, used by the client (`proxy_client`) to sign and by the
node (`proxy_node.auth`) to verify, so the two can never drift apart.

Canonical string (lines joined by "\\n")::

    VZK1-HMAC-SHA256
    <key id>
    <METHOD>
    <target URL, exactly as sent: scheme://host/path?query>
    <timestamp, epoch milliseconds>
    <nonce>
    <hex SHA-256 of the request body bytes (empty body = SHA-256 of b"")>

The signature is the lowercase hex HMAC-SHA256 of that string under the shared key. The key id
travels in a header so several keys can be live while one is rotated.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time

SCHEME = "VZK1-HMAC-SHA256"

HEADER_KEY_ID = "X-Verzek-Key-Id"
HEADER_TIMESTAMP = "X-Verzek-Timestamp"
HEADER_NONCE = "X-Verzek-Nonce"
HEADER_SIGNATURE = "X-Verzek-Signature"
HEADER_TARGET = "X-Verzek-Target"
AUTH_HEADERS = (HEADER_KEY_ID, HEADER_TIMESTAMP, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TARGET)

# Headers the node puts on its answers, read back by the client to decide on failover.
HEADER_PROXY_ERROR = "X-Verzek-Proxy-Error"      # node-generated answer: the error code
HEADER_FORWARDED = "X-Verzek-Forwarded"          # "0": the request certainly never reached the exchange
HEADER_UPSTREAM_MS = "X-Verzek-Upstream-Ms"      # on answers relayed from the exchange

# Every proxy header shares this prefix; the node strips them before forwarding.
PROXY_HEADER_PREFIX = "x-verzek-"

NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEY_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


def body_digest(body: bytes | None) -> str:
    return hashlib.sha256(body or b"").hexdigest()


def canonical_string(key_id: str, method: str, target_url: str, timestamp_ms: str, nonce: str,
                     body: bytes | None) -> str:
    return "\n".join((SCHEME, key_id, method.upper(), target_url, timestamp_ms, nonce, body_digest(body)))


def compute_signature(secret: bytes, key_id: str, method: str, target_url: str, timestamp_ms: str,
                      nonce: str, body: bytes | None) -> str:
    message = canonical_string(key_id, method, target_url, timestamp_ms, nonce, body)
    return hmac.new(secret, message.encode("utf-8"), hashlib.sha256).hexdigest()


def sign_request(key_id: str, secret: bytes, method: str, target_url: str, body: bytes | None, *,
                 timestamp_ms: int | None = None, nonce: str | None = None) -> dict[str, str]:
    """The proxy headers for one request; a fresh nonce and timestamp unless given (tests)."""
    if not KEY_ID_RE.match(key_id):
        raise ValueError("proxy key id must be 1-32 characters of letters, digits, '.', '_' or '-'")
    if not secret:
        raise ValueError("proxy HMAC key is empty")
    ts = str(int(time.time() * 1000) if timestamp_ms is None else timestamp_ms)
    nonce = nonce or secrets.token_urlsafe(18)
    return {
        HEADER_KEY_ID: key_id,
        HEADER_TIMESTAMP: ts,
        HEADER_NONCE: nonce,
        HEADER_TARGET: target_url,
        HEADER_SIGNATURE: compute_signature(secret, key_id, method, target_url, ts, nonce, body),
    }


def signature_matches(secret: bytes, signature: str, key_id: str, method: str, target_url: str,
                      timestamp_ms: str, nonce: str, body: bytes | None) -> bool:
    expected = compute_signature(secret, key_id, method, target_url, timestamp_ms, nonce, body)
    return hmac.compare_digest(expected, signature.lower())
