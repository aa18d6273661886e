"""HMAC-SHA256 signing of requests sent to the static-IP proxy node.

One implementation of the canonical string, used by the client (`proxy_client`) to sign and by the
node (`proxy_node.auth`) to verify, so the two can never drift apart.

Canonical string (lines joined by "\\n")::

    VZK2-HMAC-SHA256
    <key id>
    <node: the proxy node's host[:port] the request is sent to, lowercase (its Host header)>
    <METHOD>
    <target URL, exactly as sent: scheme://host/path?query>
    <timestamp, epoch milliseconds>
    <nonce>
    <hex SHA-256 of the request body bytes (empty body = SHA-256 of b"")>
    <signed header names: lowercase, sorted, ";"-joined (also sent as X-Verzek-Signed-Headers)>
    <hex SHA-256 of "name:value\\n" for each signed header, in that order>
    account:<account tag>      (only when X-Verzek-Account is sent)

The signature is the lowercase hex HMAC-SHA256 of that string under the shared key. The key id
travels in a header so several keys can be live while one is rotated. Naming the node binds a
request to the node it was sent to (another node refuses it: its own host differs); signing the
headers means the exchange's API-key header cannot be swapped after signing, and the node forwards
only the headers that were signed. The account tag (X-Verzek-Account: a hash of the exchange API
key, never the key) lets the node keep a budget per user, so one busy account cannot starve the others.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time

SCHEME = "VZK2-HMAC-SHA256"

HEADER_KEY_ID = "X-Verzek-Key-Id"
HEADER_TIMESTAMP = "X-Verzek-Timestamp"
HEADER_NONCE = "X-Verzek-Nonce"
HEADER_SIGNATURE = "X-Verzek-Signature"
HEADER_TARGET = "X-Verzek-Target"
HEADER_SIGNED_HEADERS = "X-Verzek-Signed-Headers"
HEADER_ACCOUNT = "X-Verzek-Account"
AUTH_HEADERS = (HEADER_KEY_ID, HEADER_TIMESTAMP, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TARGET, HEADER_SIGNED_HEADERS)

# Never signed nor forwarded: hop-by-hop, and what the node or the transport sets itself.
UNSIGNED_HEADERS = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer",
    "transfer-encoding", "upgrade", "host", "content-length", "x-forwarded-for", "x-forwarded-proto",
    "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded",
})
HEADER_NAME_RE = re.compile(r"^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$")

# Headers the node puts on its answers, read back by the client to decide on failover.
HEADER_PROXY_ERROR = "X-Verzek-Proxy-Error"      # node-generated answer: the error code
HEADER_FORWARDED = "X-Verzek-Forwarded"          # "0": the request certainly never reached the exchange
HEADER_UPSTREAM_MS = "X-Verzek-Upstream-Ms"      # on answers relayed from the exchange

# Every proxy header shares this prefix; the node strips them before forwarding.
PROXY_HEADER_PREFIX = "x-verzek-"

NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEY_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
ACCOUNT_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def account_tag(api_key: str | None) -> str | None:
    """The per-user budget's name for an exchange API key: a hash, so the node never sees the key itself
    in its logs or state (the key still travels, signed, in the exchange's own header)."""
    if not api_key:
        return None
    return "ak-" + hashlib.sha256(api_key.encode("utf-8")).hexdigest()[:24]


def body_digest(body: bytes | None) -> str:
    return hashlib.sha256(body or b"").hexdigest()


def signable_headers(headers: dict | None) -> dict[str, str]:
    """The headers a client signs (and the node will forward): lowercase names, no hop-by-hop, no
    X-Verzek-*; several values of one name joined with ", " (as HTTP does)."""
    out: dict[str, str] = {}
    for name, value in (headers or {}).items():
        key = str(name).strip().lower()
        if key in UNSIGNED_HEADERS or key.startswith(PROXY_HEADER_PREFIX) or value is None:
            continue
        out[key] = f"{out[key]}, {value}" if key in out else str(value)
    return out


def headers_digest(names: list[str], headers: dict[str, str]) -> str:
    text = "".join(f"{name}:{headers.get(name, '')}\n" for name in names)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_string(key_id: str, node: str, method: str, target_url: str, timestamp_ms: str, nonce: str,
                     body: bytes | None, headers: dict[str, str] | None = None, account: str | None = None) -> str:
    headers = headers or {}
    names = sorted(headers)
    lines = [SCHEME, key_id, node.lower(), method.upper(), target_url, timestamp_ms, nonce,
             body_digest(body), ";".join(names), headers_digest(names, headers)]
    if account:
        lines.append(f"account:{account}")
    return "\n".join(lines)


def compute_signature(secret: bytes, key_id: str, node: str, method: str, target_url: str, timestamp_ms: str,
                      nonce: str, body: bytes | None, headers: dict[str, str] | None = None,
                      account: str | None = None) -> str:
    message = canonical_string(key_id, node, method, target_url, timestamp_ms, nonce, body, headers, account)
    return hmac.new(secret, message.encode("utf-8"), hashlib.sha256).hexdigest()


def node_of(proxy_url: str) -> str:
    """The node part of the canonical string for a proxy URL: its host[:port] as the Host header has it."""
    from urllib.parse import urlsplit

    return urlsplit(proxy_url).netloc.lower()


def sign_request(key_id: str, secret: bytes, method: str, target_url: str, body: bytes | None, *,
                 node: str, headers: dict | None = None, timestamp_ms: int | None = None,
                 nonce: str | None = None, account: str | None = None) -> dict[str, str]:
    """The proxy headers for one request to `node` (host[:port]); a fresh nonce and timestamp unless
    given (tests). `headers` are the exchange request's own headers: all are signed."""
    if not KEY_ID_RE.match(key_id):
        raise ValueError("proxy key id must be 1-32 characters of letters, digits, '.', '_' or '-'")
    if not secret:
        raise ValueError("proxy HMAC key is empty")
    signed = signable_headers(headers)
    for name in signed:
        if not HEADER_NAME_RE.match(name):
            raise ValueError(f"header name {name!r} cannot be signed")
    if account is not None and not ACCOUNT_RE.match(account):
        raise ValueError("account tag must be 1-64 characters of letters, digits, '.', '_', ':' or '-'")
    ts = str(int(time.time() * 1000) if timestamp_ms is None else timestamp_ms)
    nonce = nonce or secrets.token_urlsafe(18)
    result = {
        HEADER_KEY_ID: key_id,
        HEADER_TIMESTAMP: ts,
        HEADER_NONCE: nonce,
        HEADER_TARGET: target_url,
        HEADER_SIGNED_HEADERS: ";".join(sorted(signed)),
        HEADER_SIGNATURE: compute_signature(secret, key_id, node, method, target_url, ts, nonce, body, signed,
                                            account),
    }
    if account:
        result[HEADER_ACCOUNT] = account
    return result


def signature_matches(secret: bytes, signature: str, key_id: str, node: str, method: str, target_url: str,
                      timestamp_ms: str, nonce: str, body: bytes | None, headers: dict[str, str] | None = None,
                      account: str | None = None) -> bool:
    expected = compute_signature(secret, key_id, node, method, target_url, timestamp_ms, nonce, body, headers,
                                 account)
    return hmac.compare_digest(expected, signature.lower())
