"""Dependencies shared by the routers: the authenticated user, ownership checks, ports.

Ownership rule: a route under /api/users/{user_id} answers 404 unless {user_id} is the caller
(admins may read other users' data through the read-only routes, never decrypt or change it).
Ports (execution queue, key validator, signal ingest) are dependencies so tests can override them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from verzek.accounts.errors import Forbidden, NotFound, Unauthorized, Unavailable
from verzek.accounts.feed import Viewer
from verzek.api.routers._schemas import MAX_ID
from verzek.db import connection

_bearer = HTTPBearer(auto_error=False, description="Access token from POST /api/auth/login")


@dataclass(frozen=True)
class CurrentUser:
    id: int
    email: str
    role: str
    plan: str
    email_verified: bool
    totp_enabled: bool
    session_id: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def viewer(self) -> Viewer:
        return Viewer(user_id=self.id, plan=self.plan, role=self.role)


def client_ip(request: Request) -> str:
    # Behind API Gateway, Mangum fills request.client from requestContext's sourceIp (not a header).
    return request.client.host if request.client else "unknown"


def current_user(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> CurrentUser:
    from verzek.accounts.tokens import decode_access_token

    if credentials is None or not credentials.credentials:
        raise Unauthorized("authentication required", headers={"WWW-Authenticate": "Bearer"})
    claims = decode_access_token(credentials.credentials)
    with connection() as conn, conn.cursor() as cur:
        # One query: the user, and whether the token's session (refresh family) is still alive.
        cur.execute("SELECT u.id, u.email, u.role, u.plan, u.email_verified_at IS NOT NULL AS email_verified, "
                    "u.totp_enabled FROM users u WHERE u.id = %s AND EXISTS (SELECT 1 FROM refresh_tokens t "
                    "WHERE t.family_id = %s AND t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > now())",
                    (claims.user_id, claims.session_id))
        row = cur.fetchone()
    if row is None:
        raise Unauthorized("session has ended; log in again", headers={"WWW-Authenticate": "Bearer"})
    return CurrentUser(session_id=claims.session_id, **row)


CurrentUserDep = Annotated[CurrentUser, Depends(current_user)]
UserIdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="the user's id (your own, from GET /api/me)")]


def owner(user_id: UserIdPath, user: CurrentUserDep) -> CurrentUser:
    """The caller, if the path's user is the caller; else 404 (no hint that the id exists)."""
    if user.id != user_id:
        raise NotFound("not found")
    return user


def owner_or_admin_reader(user_id: UserIdPath, user: CurrentUserDep) -> int:
    """The user id whose data may be read: the caller's own, or any existing user's for an admin."""
    if user.id == user_id:
        return user_id
    if user.is_admin:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT 1 FROM users WHERE id = %s", (user_id,))
            if cur.fetchone():
                return user_id
    raise NotFound("not found")


def admin(user: CurrentUserDep) -> CurrentUser:
    if not user.is_admin:
        raise Forbidden("admin role required")
    return user


OwnerDep = Annotated[CurrentUser, Depends(owner)]
ReadableUserId = Annotated[int, Depends(owner_or_admin_reader)]
AdminDep = Annotated[CurrentUser, Depends(admin)]


def execution_queue():
    """The execution queue (SQS or in-process), imported lazily."""
    try:
        from verzek.queue import get_execution_queue
    except ImportError:
        raise Unavailable("the execution queue is not available on this server") from None
    return get_execution_queue()


def balance_reader():
    """Paper balances from the paper account rows, live ones from the user's exchange (the exchange port)."""
    from verzek.accounts.positions import BalanceReader

    return BalanceReader()


def key_validator() -> Callable:
    from verzek.accounts.key_validation import validate_with_exchange

    return validate_with_exchange


def signal_ingestor() -> Callable:
    try:
        from verzek.signals.ingest import ingest_signal
    except ImportError:
        raise Unavailable("signal ingest is not available on this server") from None
    return ingest_signal
