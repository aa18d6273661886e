"""Accounts: register, verify email, login (rate-limited, TOTP), refresh, logout, passwords, TOTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response

from verzek.accounts import auth as service
from verzek.accounts.errors import ServiceError
from verzek.api.routers._deps import CurrentUserDep, client_ip
from verzek.api.routers._schemas import (
    COMMON_RESPONSES,
    ERRORS,
    Email,
    ErrorBody,
    Message,
    Model,
    OpaqueToken,
    OutModel,
    Password,
    RecoveryCode,
    TotpCode,
)
from verzek.db import connection

router = APIRouter(prefix="/api/auth", tags=["auth"], responses=COMMON_RESPONSES)

_SAME_ANSWER = "if this address can be used, an email is on its way"


class RegisterIn(Model):
    email: Email
    password: Password


class EmailIn(Model):
    email: Email


class TokenIn(Model):
    token: OpaqueToken


class LoginIn(Model):
    email: Email
    password: Password
    totp_code: TotpCode | None = None
    recovery_code: RecoveryCode | None = None


class RefreshIn(Model):
    refresh_token: OpaqueToken


class LogoutIn(Model):
    everywhere: bool = False


class PasswordChangeIn(Model):
    current_password: Password
    new_password: Password


class PasswordResetIn(Model):
    token: OpaqueToken
    new_password: Password


class TotpCodeIn(Model):
    code: TotpCode


class TotpDisableIn(Model):
    password: Password
    code: TotpCode | None = None
    recovery_code: RecoveryCode | None = None


class TokenOut(OutModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int


class TotpEnrollOut(OutModel):
    secret: str
    otpauth_uri: str


class RecoveryCodesOut(OutModel):
    recovery_codes: list[str]


def _tokens(pair: service.TokenPair) -> TokenOut:
    return TokenOut(access_token=pair.access_token, refresh_token=pair.refresh_token, token_type=pair.token_type,
                    expires_in=pair.expires_in)


@router.post("/register", status_code=202, response_model=Message, responses={422: ERRORS[422]})
def register(body: RegisterIn, request: Request) -> Message:
    """Create an account; a verification email follows. The answer is the same for a taken address."""
    with connection() as conn:
        service.register(conn, body.email, body.password.get_secret_value(), ip=client_ip(request))
    return Message(status="accepted", message=_SAME_ANSWER)


@router.post("/verify-email", response_model=Message, responses={422: ERRORS[422]})
def verify_email(body: TokenIn, request: Request) -> Message:
    with connection() as conn:
        service.verify_email(conn, body.token, ip=client_ip(request))
    return Message(status="verified")


@router.post("/resend-verification", status_code=202, response_model=Message, responses={422: ERRORS[422]})
def resend_verification(body: EmailIn) -> Message:
    with connection() as conn:
        service.resend_verification(conn, body.email)
    return Message(status="accepted", message=_SAME_ANSWER)


@router.post("/login", response_model=TokenOut,
             responses={401: {"model": ErrorBody, "description": "wrong credentials, or a two-factor code is "
                                                                 "required (header X-Verzek-TOTP-Required: 1)"},
                        422: ERRORS[422], 429: {"model": ErrorBody, "description": "too many failed attempts"}})
def login(body: LoginIn, request: Request) -> TokenOut:
    with connection() as conn:
        outcome = service.login(conn, body.email, body.password.get_secret_value(), ip=client_ip(request),
                                totp_code=body.totp_code, recovery_code=body.recovery_code)
    if isinstance(outcome, ServiceError):
        raise outcome  # after the commit: the failed attempt stays counted
    return _tokens(outcome)


@router.post("/refresh", response_model=TokenOut, responses={401: ERRORS[401], 422: ERRORS[422]})
def refresh(body: RefreshIn, request: Request) -> TokenOut:
    """Rotate: the presented refresh token is spent; a reused one ends its whole session."""
    with connection() as conn:
        outcome = service.refresh(conn, body.refresh_token, ip=client_ip(request))
    if isinstance(outcome, ServiceError):
        raise outcome
    return _tokens(outcome)


@router.post("/logout", status_code=204, response_class=Response, responses={401: ERRORS[401]})
def logout(user: CurrentUserDep, request: Request, body: Annotated[LogoutIn | None, Body()] = None) -> Response:
    with connection() as conn:
        service.logout(conn, user.id, user.session_id, everywhere=bool(body and body.everywhere),
                       ip=client_ip(request))
    return Response(status_code=204)


@router.post("/password/change", response_model=TokenOut, responses={401: ERRORS[401], 422: ERRORS[422]})
def change_password(body: PasswordChangeIn, user: CurrentUserDep, request: Request) -> TokenOut:
    """Every session ends (all devices); the answer carries a fresh session for this one."""
    with connection() as conn:
        pair = service.change_password(conn, user.id, body.current_password.get_secret_value(),
                                       body.new_password.get_secret_value(), ip=client_ip(request))
    return _tokens(pair)


@router.post("/password/forgot", status_code=202, response_model=Message, responses={422: ERRORS[422]})
def forgot_password(body: EmailIn, request: Request) -> Message:
    with connection() as conn:
        service.request_password_reset(conn, body.email, ip=client_ip(request))
    return Message(status="accepted", message=_SAME_ANSWER)


@router.post("/password/reset", response_model=Message, responses={422: ERRORS[422]})
def reset_password(body: PasswordResetIn, request: Request) -> Message:
    with connection() as conn:
        service.reset_password(conn, body.token, body.new_password.get_secret_value(), ip=client_ip(request))
    return Message(status="password_reset", message="log in with the new password")


@router.post("/totp/enroll", response_model=TotpEnrollOut, responses={401: ERRORS[401], 422: ERRORS[422]})
def totp_enroll(user: CurrentUserDep) -> TotpEnrollOut:
    """A new TOTP secret for the authenticator app; enforced only after /totp/confirm."""
    with connection() as conn:
        secret, uri = service.totp_enroll(conn, user.id)
    return TotpEnrollOut(secret=secret, otpauth_uri=uri)


@router.post("/totp/confirm", response_model=RecoveryCodesOut, responses={401: ERRORS[401], 422: ERRORS[422]})
def totp_confirm(body: TotpCodeIn, user: CurrentUserDep, request: Request) -> RecoveryCodesOut:
    """Turns two-factor on; the recovery codes are shown this once."""
    with connection() as conn:
        codes = service.totp_confirm(conn, user.id, body.code, ip=client_ip(request))
    return RecoveryCodesOut(recovery_codes=codes)


@router.post("/totp/disable", status_code=204, response_class=Response,
             responses={401: ERRORS[401], 422: ERRORS[422]})
def totp_disable(body: TotpDisableIn, user: CurrentUserDep, request: Request) -> Response:
    with connection() as conn:
        service.totp_disable(conn, user.id, body.password.get_secret_value(), body.code, body.recovery_code,
                             ip=client_ip(request))
    return Response(status_code=204)
