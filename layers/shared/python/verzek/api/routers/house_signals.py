"""`POST /api/house-signals/ingest`: the strategy engine posts a house signal, HMAC-signed.

Idempotent on (source, external_id): a repeat post answers 200 with the stored signal's id, a new
one 201. The signature is checked before the body is even parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import AwareDatetime, Field, model_validator

from verzek.accounts.errors import ServiceError, Unauthorized, Unavailable
from verzek.api.routers._deps import signal_ingestor
from verzek.api.routers._schemas import COMMON_RESPONSES, ErrorBody, Model, OutModel, SafeText, Symbol
from verzek.config import app_secret, get_settings
from verzek.security import service_hmac

router = APIRouter(prefix="/api/house-signals", tags=["house signals"], responses=COMMON_RESPONSES)
MAX_BODY_BYTES = 64 * 1024

Price = Annotated[Decimal, Field(gt=0, le=Decimal("1e15"), max_digits=38, decimal_places=18)]


async def verified_service_call(request: Request) -> None:
    settings = get_settings()
    configured = app_secret(settings, "house_ingest_key")
    key = configured.get_secret_value() if configured is not None else ""
    if not key:
        raise Unavailable("house-signal ingest is not configured on this server")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise ServiceError("body too large", status=413)
    try:
        service_hmac.verify(key.encode("utf-8"), request.headers.get(service_hmac.TIMESTAMP_HEADER),
                            request.headers.get(service_hmac.SIGNATURE_HEADER), body,
                            max_skew_seconds=settings.house_ingest_max_skew_seconds)
    except service_hmac.SignatureError as exc:
        raise Unauthorized(str(exc)) from None


class HouseSignalIn(Model):
    source: Literal["scalping", "trend", "qfl", "ml"]
    external_id: Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9:._-]+$",
                                      description="the strategy's own id for the signal (idempotency key)")]
    symbol: Symbol
    side: Literal["long", "short"]
    entry_type: Literal["limit", "market", "range"]
    entries: Annotated[list[Price], Field(max_length=10, default_factory=list)]
    targets: Annotated[list[Price], Field(max_length=10, default_factory=list)]
    stop_loss: Price | None = None
    market: Literal["spot", "futures"] | None = None
    leverage: Annotated[int, Field(ge=1, le=200)] | None = None
    margin_mode: Literal["cross", "isolated"] | None = None
    confidence: Annotated[Decimal, Field(ge=0, le=1, max_digits=6, decimal_places=4)] | None = None
    posted_at: AwareDatetime | None = None
    meta: Annotated[dict[Annotated[str, Field(max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")],
                         Annotated[SafeText, Field(max_length=256)] | int | bool | None], Field(max_length=32, default_factory=dict)]

    @model_validator(mode="after")
    def _entries_match_type(self):
        if self.entry_type in ("limit", "range") and not self.entries:
            raise ValueError("limit and range signals need at least one entry price")
        if self.entry_type == "range" and len(self.entries) != 2:
            raise ValueError("a range signal has exactly two entry prices (low, high)")
        return self

    def to_signal(self):
        from verzek.domain.signals import EntryType, MarginMode, MarketType, Side, Signal, SignalSource

        return Signal(source=SignalSource(self.source), symbol=self.symbol, side=Side(self.side),
                      entry_type=EntryType(self.entry_type), entries=tuple(self.entries), targets=tuple(self.targets),
                      stop_loss=self.stop_loss, market=MarketType(self.market) if self.market else None,
                      leverage=self.leverage, margin_mode=MarginMode(self.margin_mode) if self.margin_mode else None,
                      confidence=self.confidence, external_id=self.external_id, posted_at=self.posted_at,
                      meta=dict(self.meta))


class IngestOut(OutModel):
    signal_id: int
    created: bool


@router.post("/ingest", status_code=201, response_model=IngestOut, dependencies=[Depends(verified_service_call)],
             responses={200: {"model": IngestOut, "description": "already ingested (idempotent repeat)"},
                        401: {"model": ErrorBody, "description": "missing, stale or wrong HMAC signature"},
                        413: {"model": ErrorBody, "description": "body too large"},
                        422: {"model": ErrorBody, "description": "invalid signal"},
                        503: {"model": ErrorBody, "description": "ingest not configured"}})
def ingest_house_signal(body: HouseSignalIn, response: Response,
                        ingest: Annotated[Callable, Depends(signal_ingestor)]) -> IngestOut:
    """Headers: X-Verzek-Timestamp (unix seconds) and X-Verzek-Signature: v1=hex(HMAC-SHA256(key, ts + "." + body))."""
    try:
        signal = body.to_signal()
    except ValueError as exc:
        raise ServiceError(f"invalid signal: {exc}", status=422) from None
    try:
        result = ingest(signal)
    except ValueError as exc:  # the ingest path's SignalInputError: structurally unstorable
        raise ServiceError(f"invalid signal: {exc}", status=422) from None
    if not result.created:
        response.status_code = 200
    return IngestOut(signal_id=result.signal_id, created=result.created)
