"""Exchange accounts under /api/users/{user_id}/exchanges (the path the mobile app calls).

Responses show exchange, label, testnet, enabled, the key's last 4 characters, what the
exchange reported about the key's permissions and the IP to whitelist on the key (the account's
proxy node's) — never the key or the secret.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import Field

from verzek.accounts import exchange_accounts as service
from verzek.accounts.errors import Conflict
from verzek.api.routers._deps import OwnerDep, ReadableUserId, client_ip, key_validator
from verzek.api.routers._schemas import (
    COMMON_RESPONSES,
    ERRORS,
    MAX_ID,
    ErrorBody,
    ExchangeName,
    Label,
    Model,
    OutModel,
    secret_field,
)
from verzek.db import connection

router = APIRouter(prefix="/api/users/{user_id}/exchanges", tags=["exchanges"], responses=COMMON_RESPONSES)
AccountIdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
_KEY_PATTERN = r"^[\x21-\x7e]+$"  # printable ASCII, no spaces: what exchanges issue


class ExchangeAccountIn(Model):
    exchange: ExchangeName
    label: Label
    api_key: secret_field(8, 256, _KEY_PATTERN)
    api_secret: secret_field(8, 512, _KEY_PATTERN)
    passphrase: secret_field(1, 128, _KEY_PATTERN) | None = None
    testnet: bool = False


class ExchangeAccountPatch(Model):
    enabled: bool | None = None
    label: Label | None = None


class ExchangeAccountOut(OutModel):
    id: int
    exchange: str
    label: str
    key_last4: str
    testnet: bool
    enabled: bool
    permissions: dict
    permissions_checked_at: datetime | None
    trading_expires_at: datetime | None
    created_at: datetime
    updated_at: datetime
    proxy_node: str | None = Field(None, description="the proxy node this account's exchange requests leave from")
    whitelist_ip: str | None = Field(None, description="restrict the API key to this IP on the exchange (the proxy "
                                                       "node's static IP); null when the proxy is off")


class ExchangeAccountAdded(OutModel):
    account: ExchangeAccountOut
    warnings: list[str]


@router.get("", response_model=list[ExchangeAccountOut], responses={401: ERRORS[401], 404: ERRORS[404]})
def list_exchange_accounts(user_id: ReadableUserId) -> list[ExchangeAccountOut]:
    with connection() as conn:
        return [ExchangeAccountOut(**row) for row in service.list_accounts(conn, user_id)]


@router.post("", status_code=201, response_model=ExchangeAccountAdded,
             responses={401: ERRORS[401], 404: ERRORS[404], 409: {"model": ErrorBody, "description": "label taken"},
                        422: {"model": ErrorBody, "description": "invalid input, or the exchange refused the key "
                                                                 "(wrong key, or a key that can withdraw)"},
                        502: {"model": ErrorBody, "description": "the exchange could not be reached"}})
def add_exchange_account(body: ExchangeAccountIn, user: OwnerDep, request: Request,
                         validator: Annotated[Callable, Depends(key_validator)]) -> ExchangeAccountAdded:
    """Check the key with the exchange through the proxy node the new account is assigned to (the
    warnings name its IP to whitelist), refuse withdrawal rights, store it encrypted."""
    api_key = body.api_key.get_secret_value()
    secret = body.api_secret.get_secret_value()
    password = body.passphrase.get_secret_value() if body.passphrase else None
    with connection() as conn:
        if service.label_taken(conn, user.id, body.label):
            raise Conflict("you already have an exchange account with this label")
        account_id, node = service.reserve_account(conn)
    check = service.check_key(validator, body.exchange, api_key=api_key, secret=secret, password=password,
                              testnet=body.testnet, proxy_node=node)
    with connection() as conn:
        row = service.add_account(conn, user.id, exchange=body.exchange, label=body.label, api_key=api_key,
                                  secret=secret, password=password, testnet=body.testnet, check=check,
                                  ip=client_ip(request), account_id=account_id, proxy_node=node)
    return ExchangeAccountAdded(account=ExchangeAccountOut(**row), warnings=list(check.warnings))


@router.get("/{account_id}", response_model=ExchangeAccountOut, responses={401: ERRORS[401], 404: ERRORS[404]})
def get_exchange_account(user_id: ReadableUserId, account_id: AccountIdPath) -> ExchangeAccountOut:
    with connection() as conn:
        return ExchangeAccountOut(**service.get_account(conn, user_id, account_id))


@router.patch("/{account_id}", response_model=ExchangeAccountOut,
              responses={401: ERRORS[401], 404: ERRORS[404], 409: {"model": ErrorBody, "description": "label taken"},
                         422: ERRORS[422]})
def update_exchange_account(body: ExchangeAccountPatch, user: OwnerDep, account_id: AccountIdPath,
                            request: Request) -> ExchangeAccountOut:
    """Enable/disable or rename. Disabling the account a live user trades on puts them back on paper."""
    with connection() as conn:
        row = service.update_account(conn, user.id, account_id, enabled=body.enabled, label=body.label,
                                     ip=client_ip(request))
    return ExchangeAccountOut(**row)


@router.delete("/{account_id}", status_code=204, response_class=Response,
               responses={401: ERRORS[401], 404: ERRORS[404]})
def delete_exchange_account(user: OwnerDep, account_id: AccountIdPath, request: Request) -> Response:
    """Deletes the account and its encrypted keys for good."""
    with connection() as conn:
        service.delete_account(conn, user.id, account_id, ip=client_ip(request))
    return Response(status_code=204)
