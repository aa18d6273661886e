"""The caller's profile (`GET /api/me`) and a user's profile by id (owner, or an admin reading)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter

from verzek.accounts.errors import NotFound
from verzek.api.routers._deps import CurrentUserDep, ReadableUserId
from verzek.api.routers._schemas import COMMON_RESPONSES, ERRORS, OutModel
from verzek.db import connection

router = APIRouter(tags=["users"], responses=COMMON_RESPONSES)


class UserOut(OutModel):
    id: int
    email: str
    role: str
    plan: str
    email_verified: bool
    totp_enabled: bool
    created_at: datetime


def _profile(user_id: int) -> UserOut:
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, email, role, plan, email_verified_at IS NOT NULL AS email_verified, totp_enabled, "
                    "created_at FROM users WHERE id = %s", (user_id,))
        row = cur.fetchone()
    if row is None:
        raise NotFound("not found")
    return UserOut(**row)


@router.get("/api/me", response_model=UserOut, responses={401: ERRORS[401]})
def me(user: CurrentUserDep) -> UserOut:
    return _profile(user.id)


@router.get("/api/users/{user_id}", response_model=UserOut, responses={401: ERRORS[401], 404: ERRORS[404]})
def get_user(user_id: ReadableUserId) -> UserOut:
    return _profile(user_id)
