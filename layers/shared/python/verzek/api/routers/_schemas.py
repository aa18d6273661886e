"""Request/response models shared by the API routers (this module has no `router`, so it is not mounted).

Text that reaches PostgreSQL is checked here: no control characters and no lone surrogates (both
would make the driver fail), bounded lengths, ASCII emails (the schema stores them lower-cased).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, SecretStr

MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]

_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


def _safe_text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def _strip_nonblank(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    return value


def _email(value: str) -> str:
    value = value.strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise ValueError("must be a valid email address")
    return value


SafeText = Annotated[str, AfterValidator(_safe_text)]
Label = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_safe_text), AfterValidator(_strip_nonblank)]
Email = Annotated[str, Field(min_length=3, max_length=254, examples=["trader@example.com"]), AfterValidator(_email)]
def secret_field(min_length: int, max_length: int, pattern: str | None = None):
    """A SecretStr (never in a repr, a log line or an echoed error) with length and pattern checks."""
    compiled = re.compile(pattern) if pattern else None

    def check(value: SecretStr) -> SecretStr:
        if compiled is not None and not compiled.match(value.get_secret_value()):
            raise ValueError("contains characters that are not allowed")
        return value

    extra = {"pattern": pattern} if pattern else None
    return Annotated[SecretStr, Field(min_length=min_length, max_length=max_length, json_schema_extra=extra),
                     AfterValidator(check)]


# Secrets are SecretStr: never in a repr, a log line or an echoed validation error.
def _encodable_secret(value: SecretStr) -> SecretStr:
    # JSON can carry lone surrogates ("\ud800") that no UTF-8 encoder accepts: refuse them here (422)
    # rather than let the password hasher fail (500).
    try:
        value.get_secret_value().encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


Password = Annotated[SecretStr, Field(min_length=1, max_length=128), AfterValidator(_encodable_secret)]
OpaqueToken = Annotated[str, Field(min_length=16, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")]
TotpCode = Annotated[str, Field(min_length=6, max_length=8, pattern=r"^[0-9]{6,8}$")]
RecoveryCode = Annotated[str, Field(min_length=10, max_length=16, pattern=r"^[A-Za-z0-9-]+$")]
Symbol = Annotated[str, Field(max_length=40, pattern=r"^[A-Z0-9]{1,15}/[A-Z0-9]{1,15}(:[A-Z0-9]{1,15})?$",
                              examples=["BTC/USDT"])]


def _plain_decimal(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text


# Money and prices leave as exact decimal strings ("0.0001234"), never floats.
DecimalStr = Annotated[Decimal, PlainSerializer(_plain_decimal, return_type=str, when_used="json")]

SourceName = Literal["vip", "scalping", "trend", "qfl", "ml"]
ExchangeName = Literal["binance", "bybit", "phemex", "kraken"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OutModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Message(OutModel):
    status: str
    message: str | None = None


class ErrorBody(OutModel):
    error: str | dict | list


ERRORS = {401: {"model": ErrorBody, "description": "not authenticated"},
          404: {"model": ErrorBody, "description": "not found (or not yours)"},
          422: {"model": ErrorBody, "description": "invalid input"}}


# Routers declare this: FastAPI answers 400 when a body is not valid JSON / UTF-8 at all.
COMMON_RESPONSES = {400: {"model": ErrorBody, "description": "malformed request body (not JSON)"}}


class Page(OutModel):
    next_cursor: str | None = Field(None, description="pass as `cursor` for the next page; null at the end")


class Timestamped(OutModel):
    created_at: datetime
    updated_at: datetime | None = None
