"""Access tokens (short-lived JWT, HS256), refresh tokens and email tokens (random, stored hashed)."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass

import jwt

from verzek.accounts.errors import Unauthorized, Unavailable
from verzek.config import Settings, app_secret, get_settings

ISSUER = "verzek"
ALGORITHM = "HS256"


def _jwt_secret(settings: Settings) -> str:
    configured = app_secret(settings, "jwt_secret")
    secret = configured.get_secret_value() if configured is not None else ""
    if len(secret) < 32:
        raise Unavailable("authentication is not configured on this server")
    return secret


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_opaque_token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    session_id: str  # the refresh-token family: revoking it ends this access token too
    role: str


def issue_access_token(user_id: int, session_id: str, role: str, *, settings: Settings | None = None,
                       now: float | None = None) -> tuple[str, int]:
    settings = settings or get_settings()
    issued = int(now if now is not None else time.time())
    ttl = settings.access_token_ttl_seconds
    claims = {"sub": str(user_id), "sid": session_id, "role": role, "typ": "access", "iss": ISSUER,
              "iat": issued, "exp": issued + ttl, "jti": uuid.uuid4().hex}
    return jwt.encode(claims, _jwt_secret(settings), algorithm=ALGORITHM), ttl


def decode_access_token(token: str, *, settings: Settings | None = None) -> AccessClaims:
    settings = settings or get_settings()
    try:
        claims = jwt.decode(token, _jwt_secret(settings), algorithms=[ALGORITHM], issuer=ISSUER,
                            options={"require": ["exp", "iat", "sub", "sid", "typ"]}, leeway=5)
        if claims.get("typ") != "access":
            raise jwt.InvalidTokenError("not an access token")
        user_id = int(claims["sub"])
        session_id = str(uuid.UUID(str(claims["sid"])))
    except (jwt.PyJWTError, ValueError, TypeError):
        raise Unauthorized("invalid or expired access token", headers={"WWW-Authenticate": "Bearer"}) from None
    return AccessClaims(user_id=user_id, session_id=session_id, role=str(claims.get("role", "user")))
