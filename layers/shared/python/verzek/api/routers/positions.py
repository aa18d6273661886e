"""Positions, orders and PnL under /api/users/{user_id}/positions; closing a position by hand."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import Field

from verzek.accounts import positions as service
from verzek.api.routers._deps import (
    CurrentUserDep,
    OwnerDep,
    ReadableUserId,
    balance_reader,
    client_ip,
    execution_queue,
)
from verzek.api.routers._schemas import (
    COMMON_RESPONSES,
    ERRORS,
    MAX_ID,
    DecimalStr,
    ErrorBody,
    OutModel,
    Page,
)
from verzek.db import connection
from verzek.ports import Queue

router = APIRouter(prefix="/api/users/{user_id}/positions", tags=["positions"], responses=COMMON_RESPONSES)
PositionIdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


class OrderOut(OutModel):
    id: int
    client_order_id: str
    exchange_order_id: str | None
    role: str
    leg: int
    side: str
    order_type: str
    price: DecimalStr | None
    trigger_price: DecimalStr | None
    amount: DecimalStr
    filled: DecimalStr
    average_price: DecimalStr | None
    fee: DecimalStr
    fee_currency: str | None
    reduce_only: bool
    status: str
    error: str | None
    created_at: datetime
    updated_at: datetime


class PositionOut(OutModel):
    currency: str = Field(description="currency of cost, PnL and fees (settle or quote currency)")
    id: int
    signal_id: int
    exchange_account_id: int | None
    mode: str
    exchange: str
    symbol: str
    side: str
    market_type: str
    leverage: int
    status: str
    entry_price: DecimalStr | None
    amount: DecimalStr
    filled_amount: DecimalStr
    cost: DecimalStr
    stop_loss: DecimalStr | None
    breakeven_moved: bool
    tp_hits: int
    realized_pnl: DecimalStr = Field(description="realised PnL before fees and funding")
    unrealized_pnl: DecimalStr
    fees: DecimalStr
    funding: DecimalStr = Field(description="funding received (+) or paid (-), perpetuals")
    net_realized_pnl: DecimalStr = Field(description="realised PnL after fees and funding (net = after fees)")
    close_reason: str | None
    error: str | None
    opened_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    price_step: DecimalStr | None = Field(None, description="the market's price step: show prices on it "
                                                           "(null: market unknown, show exact values)")
    amount_step: DecimalStr | None = Field(None, description="the market's amount step: show quantities on it, "
                                                            "rounded down")


def _with_display_steps(row: dict) -> dict:
    """The row plus its market's steps, for display only (the amounts stay exact)."""
    from verzek.display import rules_for

    rules = rules_for(row["symbol"], row.get("exchange"))
    return {**row, "price_step": rules.price_step if rules else None,
            "amount_step": rules.amount_step if rules else None}


class PositionDetail(PositionOut):
    orders: list[OrderOut]


class PositionPage(Page):
    items: list[PositionOut]


class CurrencyPnl(OutModel):
    mode: Literal["paper", "live"] = Field(description="paper and live accounts are never added together")
    currency: str = Field(description="every amount of this entry is in this currency")
    open_positions: int
    closed_positions: int
    balance: DecimalStr | None = Field(description="wallet balance (paper: the paper account; live: the "
                                                   "exchange); null when it could not be read")
    equity: DecimalStr | None = Field(description="balance plus the open positions' unrealised PnL (futures) "
                                                  "and the value of the coins they hold (spot)")
    balance_error: str | None = Field(description="why balance/equity are null (e.g. the exchange did not "
                                                  "answer)")
    realized_pnl: DecimalStr = Field(description="realised PnL before fees and funding")
    fees: DecimalStr
    funding: DecimalStr = Field(description="funding received (+) or paid (-)")
    net_realized_pnl: DecimalStr = Field(description="realised PnL after all fees paid (open positions' entry "
                                                     "fees included) and funding")
    unrealized_pnl: DecimalStr = Field(description="open positions' PnL at the last price")


class PnlSummary(OutModel):
    open_positions: int
    closed_positions: int
    currencies: list[CurrencyPnl] = Field(description="one entry per (mode, currency); amounts are never added "
                                                      "across currencies, modes or users")


class CloseRequested(OutModel):
    status: Literal["close_requested"] = "close_requested"
    position_id: int


@router.get("", response_model=PositionPage, responses={401: ERRORS[401], 404: ERRORS[404], 422: ERRORS[422]})
def list_positions(user_id: ReadableUserId,
                   status: Annotated[Literal["open", "closed", "all"], Query(
                       description="open: pending/open/closing; closed: closed/liquidated/cancelled/failed (the same "
                                   "parameter name as on /api/signals)")] = "all",
                   limit: Annotated[int, Query(ge=1, le=200)] = 50,
                   cursor: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_-]+$")] = None
                   ) -> PositionPage:
    with connection() as conn:
        rows, next_cursor = service.list_positions(conn, user_id, state=status, limit=limit, cursor=cursor)
    return PositionPage(items=[PositionOut(**_with_display_steps(r)) for r in rows], next_cursor=next_cursor)


@router.get("/summary", response_model=PnlSummary, responses={401: ERRORS[401], 404: ERRORS[404]})
def pnl_summary(user_id: ReadableUserId, caller: CurrentUserDep,
                balances: Annotated[service.BalanceReader, Depends(balance_reader)]) -> PnlSummary:
    """Per (mode, currency): balance, equity, realised PnL before and after fees and funding, fees, funding,
    unrealised PnL. Live balances are read from the exchange for the account's owner only (an admin's
    read never decrypts a user's keys)."""
    if caller.id != user_id:
        balances = service.BalanceReader(live=False)
    with connection() as conn:
        return PnlSummary(**service.pnl_summary(conn, user_id, balances=balances))


@router.get("/{position_id}", response_model=PositionDetail, responses={401: ERRORS[401], 404: ERRORS[404]})
def get_position(user_id: ReadableUserId, position_id: PositionIdPath) -> PositionDetail:
    with connection() as conn:
        return PositionDetail(**_with_display_steps(service.get_position(conn, user_id, position_id)))


@router.post("/{position_id}/close", status_code=202, response_model=CloseRequested,
             responses={401: ERRORS[401], 404: ERRORS[404],
                        409: {"model": ErrorBody, "description": "position is not open"},
                        503: {"model": ErrorBody, "description": "execution queue unavailable"}})
def close_position(user: OwnerDep, position_id: PositionIdPath, request: Request,
                   queue: Annotated[Queue, Depends(execution_queue)]) -> CloseRequested:
    """Queue a market close for the execution engine; the position's status changes as it runs."""
    with connection() as conn:
        service.request_close(conn, user.id, position_id, queue, ip=client_ip(request))
    return CloseRequested(position_id=position_id)
