"""Request authentication: HMAC signature (shared canonical string in `verzek.exchange.signing`),
timestamp window and nonce replay protection."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping

from verzek.exchange import signing

from proxy_node.state import NodeState, NonceStoreFull

_TIMESTAMP_RE = re.compile(r"^[0-9]{1,16}$")
_SIGNATURE_RE = re.compile(r"^[0-9a-fA-F]{64}$")


class AuthRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class NonceCache:
    """Nonces seen within the replay horizon (twice the timestamp window: older requests are
    refused on their timestamp alone, so their nonces need not be kept), in the node's shared state:
    a nonce accepted by one worker is a replay at every other, and after a restart."""

    def __init__(self, horizon_seconds: float, clock: Callable[[], float] = time.time, max_entries: int = 2_000_000,
                 state: NodeState | None = None):
        self.horizon = horizon_seconds
        self.state = state if state is not None else NodeState(clock=clock, max_nonces=max_entries)

    def check_and_store(self, key_id: str, nonce: str) -> bool:
        """True if the nonce is new (and is now remembered); False on a replay."""
        try:
            return self.state.take_nonce(key_id, nonce, self.horizon)
        except NonceStoreFull:
            raise AuthRefused("nonce_store_full", "too many requests in the replay window") from None


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
                 public_hosts: frozenset[str] = frozenset(), state: NodeState | None = None):
        self.keys = keys
        self.window = window_seconds
        self.clock = clock
        state = state if state is not None else NodeState(clock=clock)
        self.nonces = NonceCache(2 * window_seconds, clock, state=state)
        self.public_hosts = public_hosts
        # Nonces live in the node's state file (shared by its workers, kept across restarts). A request
        # signed before that file was created could replay one an earlier, forgotten store accepted,
        # so those are refused: one start time for the whole node, however many workers it runs.
        self.started_at = state.created_at

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
            raise AuthRefused("stale_timestamp", "request was signed before this node's state was created; sign it again")
        return secret

    def check_node(self, host: str) -> str:
        """The node name a signature must cover: the Host the request came to, which must be one of
        PROXY_NODE_PUBLIC_HOSTS when they are configured (always in production)."""
        node = (host or "").strip().lower()
        if not node or (self.public_hosts and node not in self.public_hosts):
            raise AuthRefused("wrong_node", "request is not addressed to this proxy node")
        return node

    def verify(self, secret: bytes, *, key_id: str, node: str, timestamp: str, nonce: str, signature: str,
               method: str, target_url: str, body: bytes, headers: dict[str, str], account: str | None = None) -> None:
        if not signing.signature_matches(secret, signature, key_id, node, method, target_url, timestamp, nonce, body,
                                         headers, account):
            raise AuthRefused("bad_signature", "HMAC signature does not match the request")
        # Only a correctly signed request may consume a nonce.
        if not self.nonces.check_and_store(key_id, nonce):
            raise AuthRefused("replayed_nonce", "nonce already used: replayed request refused")
