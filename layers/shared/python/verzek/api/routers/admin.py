"""Admin routes: users and plans, the global kill switch, the audit log. Admins read; never decrypt.

An admin reads any user's exchanges, settings and positions through the user routes
(/api/users/{id}/...), which allow admins GET only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import Field

from verzek.accounts import admin as service
from verzek.api.routers._deps import AdminDep, client_ip
from verzek.api.routers._schemas import (
    COMMON_RESPONSES,
    ERRORS,
    MAX_ID,
    Email,
    ErrorBody,
    Id,
    Model,
    OutModel,
    SafeText,
)
from verzek.db import connection

router = APIRouter(prefix="/api/admin", tags=["admin"],
                   responses={**COMMON_RESPONSES, 401: ERRORS[401], 403: {"model": ErrorBody, "description": "admin role required"}})


class AdminUserOut(OutModel):
    id: int
    email: str
    role: str
    plan: str
    email_verified: bool
    totp_enabled: bool
    exchange_accounts: int
    created_at: datetime


class PlanIn(Model):
    plan: Literal["trial", "vip", "premium"]


class KillSwitchIn(Model):
    enabled: bool
    reason: Annotated[SafeText, Field(max_length=200)] | None = None


class KillSwitchOut(OutModel):
    enabled: bool


class AuditEntryOut(OutModel):
    id: int
    user_id: int | None
    actor_id: int | None
    action: str
    details: dict
    ip: str | None
    created_at: datetime


@router.get("/users", response_model=list[AdminUserOut], responses={422: ERRORS[422]})
def list_users(_: AdminDep, email: Annotated[Email | None, Query()] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> list[AdminUserOut]:
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT u.id, u.email, u.role, u.plan, u.email_verified_at IS NOT NULL AS email_verified, "
                    "u.totp_enabled, u.created_at, (SELECT count(*) FROM exchange_accounts a WHERE a.user_id = u.id) "
                    "AS exchange_accounts FROM users u WHERE (%s::text IS NULL OR u.email = %s) "
                    "ORDER BY u.id LIMIT %s OFFSET %s", (email, email, limit, offset))
        return [AdminUserOut(**r) for r in cur.fetchall()]


@router.put("/users/{user_id}/plan", response_model=AdminUserOut, responses={404: ERRORS[404], 422: ERRORS[422]})
def set_plan(body: PlanIn, user_id: Annotated[int, Path(ge=1, le=MAX_ID)], actor: AdminDep,
             request: Request) -> AdminUserOut:
    with connection() as conn:
        service.set_plan(conn, body.plan, user_id=user_id, actor_id=actor.id, ip=client_ip(request))
    return list_users(actor, limit=1, offset=0, email=_email_of(user_id))[0]


def _email_of(user_id: int) -> str:
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT email FROM users WHERE id = %s", (user_id,))
        return cur.fetchone()["email"]


@router.get("/kill-switch", response_model=KillSwitchOut)
def get_kill_switch(_: AdminDep) -> KillSwitchOut:
    with connection() as conn:
        return KillSwitchOut(enabled=service.global_kill_switch(conn))


@router.put("/kill-switch", response_model=KillSwitchOut, responses={422: ERRORS[422]})
def set_kill_switch(body: KillSwitchIn, actor: AdminDep, request: Request) -> KillSwitchOut:
    """Stops every new order for every user (the environment's GLOBAL_KILL_SWITCH also forces it on)."""
    with connection() as conn:
        service.set_global_kill_switch(conn, body.enabled, actor_id=actor.id, reason=body.reason,
                                       ip=client_ip(request))
        return KillSwitchOut(enabled=service.global_kill_switch(conn))


@router.get("/audit", response_model=list[AuditEntryOut], responses={422: ERRORS[422]})
def audit_log(_: AdminDep, user_id: Annotated[Id | None, Query()] = None,
              action: Annotated[str | None, Query(max_length=64, pattern=r"^[a-z_.]+$")] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[AuditEntryOut]:
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, user_id, actor_id, action, details, ip, created_at FROM audit_log "
                    "WHERE (%s::bigint IS NULL OR user_id = %s) AND (%s::text IS NULL OR action = %s) "
                    "ORDER BY id DESC LIMIT %s", (user_id, user_id, action, action, limit))
        return [AuditEntryOut(**r) for r in cur.fetchall()]
