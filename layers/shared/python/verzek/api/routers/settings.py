"""Trading settings and the per-user kill switch under /api/users/{user_id}."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Request
from pydantic import AfterValidator, Field, field_validator

from verzek.accounts import trading_settings as service
from verzek.accounts.admin import global_kill_switch
from verzek.accounts.errors import Invalid
from verzek.api.routers._deps import OwnerDep, ReadableUserId, client_ip
from verzek.api.routers._schemas import COMMON_RESPONSES, ERRORS, DecimalStr, Id, Model, OutModel, SourceName
from verzek.db import connection

router = APIRouter(prefix="/api/users/{user_id}", tags=["settings"], responses=COMMON_RESPONSES)

Pct = Annotated[Decimal, Field(gt=0, lt=100, max_digits=12, decimal_places=6)]
SymbolOrBase = Annotated[str, Field(max_length=47, pattern=r"^[A-Z0-9]{1,15}(/[A-Z0-9]{1,15}(:[A-Z0-9]{1,15})?)?$")]


Minutes = Annotated[int, Field(ge=1, le=43200, description="minutes (at most 30 days)")]


def _unique(values: list) -> list:
    if len(set(values)) != len(values):
        raise ValueError("must not contain duplicates")
    return values


class SettingsPatch(Model):
    """Send only the fields to change. Non-nullable fields omitted = unchanged; null is refused."""

    auto_trade: bool = Field(None, description="execute signals automatically")
    mode: Literal["paper", "live"] = Field(None, description="live needs a verified email, an enabled "
                                                             "exchange_account_id and confirm_live: true")
    confirm_live: bool = Field(False, description="explicit confirmation required to switch to live")
    exchange_account_id: Id | None = None
    size_type: Literal["fixed", "percent", "risk"] = Field(
        None, description="fixed: margin in the quote currency; percent: % of the free balance; risk: the size "
                          "that loses size_value % of equity if the stop is hit")
    size_value: Annotated[Decimal, Field(gt=0, le=Decimal("1e12"), max_digits=30, decimal_places=8)] = None
    leverage_cap: Annotated[int, Field(ge=1, le=125)] = None
    leverage_mode: Literal["up_to", "exact"] = None
    max_open_positions: Annotated[int, Field(ge=0, le=500)] = None
    max_total_exposure: Annotated[Decimal, Field(gt=0, le=Decimal("1e15"), max_digits=30, decimal_places=8)] | None \
        = None
    dca_enabled: bool = None
    dca_safety_orders: Annotated[int, Field(ge=0, le=20)] = None
    dca_step_pct: Pct = None
    dca_volume_scale: Annotated[Decimal, Field(gt=0, le=10, max_digits=12, decimal_places=6)] = None
    dca_step_scale: Annotated[Decimal, Field(gt=0, le=10, max_digits=12, decimal_places=6)] = Field(
        None, description="each next safety order's distance is the previous one's times this (1 = even steps)")
    dca_max_active: Annotated[int, Field(ge=1, le=20)] | None = Field(
        None, description="at most this many safety orders rest at once; the next is placed as one fills; null = all")
    tp_split: Annotated[list[Annotated[Decimal, Field(gt=0, le=100, max_digits=12, decimal_places=6)]],
                        Field(min_length=1, max_length=10)] = Field(None, description="percent per target, sum 100")
    breakeven_after_tp: Annotated[int, Field(ge=1, le=20)] | None = None
    default_stop_pct: Pct | None = None
    trailing_stop_pct: Pct | None = None
    entry_grace_pct: Annotated[Decimal, Field(ge=0, lt=100, max_digits=12, decimal_places=6)] = None
    first_entry_market: bool = None
    skip_if_tp_or_sl_hit: bool = None
    symbol_allow: Annotated[list[SymbolOrBase], Field(max_length=200), AfterValidator(_unique)] = None
    symbol_deny: Annotated[list[SymbolOrBase], Field(max_length=200), AfterValidator(_unique)] = None
    daily_loss_limit_pct: Annotated[Decimal, Field(gt=0, le=100, max_digits=12, decimal_places=6)] | None = None
    cooldown_minutes: Annotated[int, Field(ge=0, le=10080)] = None
    follow_sources: Annotated[list[SourceName], Field(max_length=5), AfterValidator(_unique)] = \
        Field(None, description="vip and/or house strategies: scalping, trend, qfl, ml")
    kill_switch: bool = Field(None, description="stop all new orders for this user")
    no_stop_policy: Literal["default_stop", "skip", "allow"] = Field(
        None, description="a signal without a stop: trade with the default stop (default_stop_pct, 50 if unset, "
                          "divided by the leverage), skip it, or trade it without a stop")
    max_loss_at_stop_pct: Annotated[Decimal, Field(gt=0, le=100, max_digits=12, decimal_places=6)] | None = Field(
        None, description="hard cap on the loss at the stop (price move + fees), % of equity; null = no cap")
    breakeven_mode: Literal["fees", "plain"] = Field(
        None, description="fees: the breakeven stop also pays back entry and exit fees; plain: the average entry")
    max_entry_distance_pct: Annotated[Decimal, Field(gt=0, le=1000, max_digits=12, decimal_places=6)] | None = \
        Field(None, description="refuse a signal whose entry is further than this % from the market; null = any")
    entry_timeout_hours: Annotated[Decimal, Field(gt=0, le=8760, max_digits=12, decimal_places=6)] | None = \
        Field(None, description="cancel the entries when nothing filled after this many hours; null = never")

    opposite_signal_policy: Literal["refuse", "reverse", "hedge"] = Field(
        None, description="a futures signal against a position held on the same symbol: refuse it, close the "
                          "held position at market and open the new one (reverse), or hold both (hedge: paper, "
                          "and live accounts in hedge mode, read from the exchange at each trade; on a one-way "
                          "account such a signal is refused, with the reason)")
    sl_guard_trades: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="stop-loss guard: this many stop-outs within sl_guard_lookback_minutes pause new trades "
                          "for sl_guard_pause_minutes after the last one; null = off")
    sl_guard_lookback_minutes: Minutes = None
    sl_guard_pause_minutes: Minutes = None
    max_drawdown_pct: Annotated[Decimal, Field(gt=0, le=100, max_digits=12, decimal_places=6)] | None = Field(
        None, description="max drawdown: closed trades within max_drawdown_lookback_minutes falling this % from "
                          "their peak pause new trades for max_drawdown_pause_minutes; null = off")
    max_drawdown_lookback_minutes: Minutes = None
    max_drawdown_pause_minutes: Minutes = None
    low_profit_trades: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="low-profit pair lock: at least this many trades on a symbol within "
                          "low_profit_lookback_minutes returning less than low_profit_min_pct % together lock it "
                          "for low_profit_lock_minutes; null = off")
    low_profit_min_pct: Annotated[Decimal, Field(ge=-1000, le=1000, max_digits=12, decimal_places=6)] = None
    low_profit_lookback_minutes: Minutes = None
    low_profit_lock_minutes: Minutes = None

    @field_validator("tp_split")
    @classmethod
    def _tp_split_sums_to_100(cls, value):
        if value is not None and sum(value) != 100:
            raise ValueError("tp_split percentages must add up to 100")
        return value


class SettingsOut(OutModel):
    auto_trade: bool
    mode: str
    live_confirmed_at: datetime | None
    exchange_account_id: int | None
    size_type: str
    size_value: DecimalStr
    leverage_cap: int
    leverage_mode: str
    max_open_positions: int
    max_total_exposure: DecimalStr | None
    dca_enabled: bool
    dca_safety_orders: int
    dca_step_pct: DecimalStr
    dca_volume_scale: DecimalStr
    dca_step_scale: DecimalStr
    dca_max_active: int | None
    tp_split: list[DecimalStr]
    breakeven_after_tp: int | None
    default_stop_pct: DecimalStr | None
    trailing_stop_pct: DecimalStr | None
    entry_grace_pct: DecimalStr
    first_entry_market: bool
    skip_if_tp_or_sl_hit: bool
    symbol_allow: list[str]
    symbol_deny: list[str]
    daily_loss_limit_pct: DecimalStr | None
    cooldown_minutes: int
    follow_sources: list[str]
    kill_switch: bool
    no_stop_policy: str
    max_loss_at_stop_pct: DecimalStr | None
    breakeven_mode: str
    max_entry_distance_pct: DecimalStr | None
    entry_timeout_hours: DecimalStr | None
    opposite_signal_policy: str
    sl_guard_trades: int | None
    sl_guard_lookback_minutes: int
    sl_guard_pause_minutes: int
    max_drawdown_pct: DecimalStr | None
    max_drawdown_lookback_minutes: int
    max_drawdown_pause_minutes: int
    low_profit_trades: int | None
    low_profit_min_pct: DecimalStr
    low_profit_lookback_minutes: int
    low_profit_lock_minutes: int
    paused_until: datetime | None
    paused_reason: str | None
    global_kill_switch: bool
    updated_at: datetime


class KillSwitchIn(Model):
    enabled: bool


def _out(conn, row: dict) -> SettingsOut:
    return SettingsOut(**{k: v for k, v in row.items() if k != "user_id"}, global_kill_switch=global_kill_switch(conn))


@router.get("/settings", response_model=SettingsOut, responses={401: ERRORS[401], 404: ERRORS[404]})
def get_trading_settings(user_id: ReadableUserId) -> SettingsOut:
    with connection() as conn:
        return _out(conn, service.get_settings_row(conn, user_id))


@router.patch("/settings", response_model=SettingsOut,
              responses={401: ERRORS[401], 404: ERRORS[404], 422: ERRORS[422]})
def update_trading_settings(body: SettingsPatch, user: OwnerDep, request: Request) -> SettingsOut:
    changes = body.model_dump(exclude_unset=True, exclude={"confirm_live"})
    nulls = [k for k, v in changes.items() if v is None and not SettingsPatch.model_fields[k].is_required()
             and k not in _NULLABLE]
    if nulls:
        raise Invalid(f"may not be null: {', '.join(sorted(nulls))}")
    with connection() as conn:
        current = service.get_settings_row(conn, user.id)
        merged_type = changes.get("size_type") or current["size_type"]
        merged_value = changes.get("size_value") or current["size_value"]
        if merged_type in ("percent", "risk") and merged_value > 100:
            raise Invalid("size_value is a percentage when size_type is percent or risk: at most 100")
        row = service.update_settings(conn, user.id, changes, confirm_live=body.confirm_live, ip=client_ip(request))
        return _out(conn, row)


_NULLABLE = {"exchange_account_id", "max_total_exposure", "breakeven_after_tp", "default_stop_pct",
             "trailing_stop_pct", "daily_loss_limit_pct", "max_loss_at_stop_pct", "max_entry_distance_pct",
             "entry_timeout_hours", "sl_guard_trades", "max_drawdown_pct", "low_profit_trades", "dca_max_active"}


@router.put("/kill-switch", response_model=SettingsOut, responses={401: ERRORS[401], 404: ERRORS[404]})
def set_kill_switch(body: KillSwitchIn, user: OwnerDep, request: Request) -> SettingsOut:
    """Stop (or allow again) every new order for this user, whatever else the settings say."""
    with connection() as conn:
        row = service.update_settings(conn, user.id, {"kill_switch": body.enabled}, ip=client_ip(request))
        return _out(conn, row)
