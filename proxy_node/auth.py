"""Request authentication: HMAC signature (shared canonical string in `verzek.exchange.signing`),
timestamp window and nonce replay protection."""

from __future__ import annotations

import heapq
import re
import time
from collections.abc import Callable, Mapping

from verzek.exchange import signing

_TIMESTAMP_RE = re.compile(r"^[0-9]{1,16}$")
_SIGNATURE_RE = re.compile(r"^[0-9a-fA-F]{64}$")


class AuthRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class NonceCache:
    """Nonces seen within the replay horizon (twice the timestamp window: older requests are
    refused on their timestamp alone, so their nonces need not be kept)."""

    def __init__(self, horizon_seconds: float, clock: Callable[[], float] = time.time, max_entries: int = 1_000_000):
        self.horizon = horizon_seconds
        self.clock = clock
        self.max_entries = max_entries
        self._seen: dict[tuple[str, str], float] = {}
        self._expiry_heap: list[tuple[float, tuple[str, str]]] = []

    def _prune(self, now: float) -> None:
        while self._expiry_heap and self._expiry_heap[0][0] <= now:
            _, key = heapq.heappop(self._expiry_heap)
            self._seen.pop(key, None)

    def check_and_store(self, key_id: str, nonce: str) -> bool:
        """True if the nonce is new (and is now remembered); False on a replay."""
        now = self.clock()
        self._prune(now)
        key = (key_id, nonce)
        if key in self._seen:
            return False
        if len(self._seen) >= self.max_entries:
            raise AuthRefused("nonce_store_full", "too many requests in the replay window")
        expiry = now + self.horizon
        self._seen[key] = expiry
        heapq.heappush(self._expiry_heap, (expiry, key))
        return True


def read_auth_headers(headers: Mapping[str, str]) -> tuple[str, str, str, str]:
    """(key id, timestamp, nonce, signature); raises AuthRefused if any is missing or malformed."""
    key_id = headers.get(signing.HEADER_KEY_ID.lower())
    timestamp = headers.get(signing.HEADER_TIMESTAMP.lower())
    nonce = headers.get(signing.HEADER_NONCE.lower())
    signature = headers.get(signing.HEADER_SIGNATURE.lower())
    if not (key_id and timestamp and nonce and signature):
        raise AuthRefused("missing_auth", "request is not signed: X-Verzek-Key-Id, -Timestamp, -Nonce and "
                                          "-Signature headers are required")
    # Bounded and ASCII before any arithmetic or comparison: a 400-digit timestamp overflowed the
    # float conversion, a non-ASCII signature made compare_digest raise (both were 500s).
    if not signing.KEY_ID_RE.match(key_id) or not signing.NONCE_RE.match(nonce) \
            or not _TIMESTAMP_RE.match(timestamp) or not _SIGNATURE_RE.match(signature):
        raise AuthRefused("malformed_auth", "X-Verzek-* authentication headers are malformed")
    return key_id, timestamp, nonce, signature


class Authenticator:
    def __init__(self, keys: dict[str, bytes], window_seconds: float, clock: Callable[[], float] = time.time,
                 public_hosts: frozenset[str] = frozenset()):
        self.keys = keys
        self.window = window_seconds
        self.clock = clock
        self.nonces = NonceCache(2 * window_seconds, clock)
        self.public_hosts = public_hosts
        # Nonces live in this process: a request signed before it started could be a replay of one
        # the previous process already accepted, so those are refused.
        self.started_at = clock()

    def check_headers(self, key_id: str, timestamp: str) -> bytes:
        """Cheap checks before the body is read: known key, fresh timestamp. Returns the secret."""
        secret = self.keys.get(key_id)
        if secret is None:
            raise AuthRefused("unknown_key", "unknown proxy key id")
        signed_at = int(timestamp) / 1000.0
        skew = abs(self.clock() - signed_at)
        if skew > self.window:
            raise AuthRefused("stale_timestamp", f"request timestamp is outside the {self.window:g} s window "
                                                 "(check the client's clock)")
        if signed_at < self.started_at:
            raise AuthRefused("stale_timestamp", "request was signed before this node started; sign it again")
        return secret

    def check_node(self, host: str) -> str:
        """The node name a signature must cover: the Host the request came to, which must be one of
        PROXY_NODE_PUBLIC_HOSTS when they are configured (always in production)."""
        node = (host or "").strip().lower()
        if not node or (self.public_hosts and node not in self.public_hosts):
            raise AuthRefused("wrong_node", "request is not addressed to this proxy node")
        return node

    def verify(self, secret: bytes, *, key_id: str, node: str, timestamp: str, nonce: str, signature: str,
               method: str, target_url: str, body: bytes, headers: dict[str, str]) -> None:
        if not signing.signature_matches(secret, signature, key_id, node, method, target_url, timestamp, nonce, body,
                                         headers):
            raise AuthRefused("bad_signature", "HMAC signature does not match the request")
        # Only a correctly signed request may consume a nonce.
        if not self.nonces.check_and_store(key_id, nonce):
            raise AuthRefused("replayed_nonce", "nonce already used: replayed request refused")
