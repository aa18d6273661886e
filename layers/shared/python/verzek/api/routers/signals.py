"""The signals feed (`GET /api/signals`) and signal detail with its events, per the viewer's plan."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import Field

from verzek.accounts import feed
from verzek.api.routers._deps import CurrentUserDep
from verzek.api.routers._schemas import (
    COMMON_RESPONSES,
    ERRORS,
    MAX_ID,
    DecimalStr,
    OutModel,
    Page,
    SourceName,
    Symbol,
)
from verzek.db import connection

router = APIRouter(prefix="/api/signals", tags=["signals"], responses=COMMON_RESPONSES)


class SignalOut(OutModel):
    id: int
    source: str
    symbol: str
    side: str
    market_type: str | None
    leverage: int | None
    margin_mode: str | None
    entry_type: str
    entries: list[DecimalStr]
    targets: list[DecimalStr]
    targets_withheld: bool
    stop_loss: DecimalStr | None
    stop_loss_pct: DecimalStr | None = Field(None, description="a stop the provider wrote only as a share of the price "
                                             "(5 = 5 %), placed that far from each user's average entry")
    confidence: DecimalStr | None
    status: str
    rejected_reason: str | None
    raw_text: str | None
    posted_at: datetime | None
    received_at: datetime
    updated_at: datetime


class SignalEventOut(OutModel):
    id: int
    kind: str
    target_index: int | None
    price: DecimalStr | None
    raw_text: str | None
    created_at: datetime


class SignalDetail(SignalOut):
    events: list[SignalEventOut]


class SignalPage(Page):
    items: list[SignalOut]


@router.get("", response_model=SignalPage, responses={401: ERRORS[401], 422: ERRORS[422]})
def list_signals(user: CurrentUserDep,
                 source: Annotated[SourceName | None, Query()] = None,
                 symbol: Annotated[Symbol | None, Query(description="ccxt unified symbol, e.g. BTC/USDT")] = None,
                 status: Annotated[Literal["open", "closed", "cancelled", "rejected", "stale"] | None, Query()] = None,
                 limit: Annotated[int, Query(ge=1, le=200)] = 50,
                 cursor: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_-]+$")] = None
                 ) -> SignalPage:
    """Newest first. TRIAL accounts see signals after the trial delay, targets withheld per policy."""
    with connection() as conn:
        items, next_cursor = feed.list_signals(conn, user.viewer, source=source, symbol=symbol, status=status,
                                               limit=limit, cursor=cursor)
    return SignalPage(items=[SignalOut(**i) for i in items], next_cursor=next_cursor)


@router.get("/{signal_id}", response_model=SignalDetail, responses={401: ERRORS[401], 404: ERRORS[404]})
def get_signal(user: CurrentUserDep, signal_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> SignalDetail:
    with connection() as conn:
        return SignalDetail(**feed.get_signal(conn, user.viewer, signal_id))
