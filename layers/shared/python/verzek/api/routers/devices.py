"""Mobile push devices (Expo push tokens) under /api/users/{user_id}/devices."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response
from pydantic import Field

from verzek.accounts import devices as service
from verzek.api.routers._deps import OwnerDep, ReadableUserId
from verzek.api.routers._schemas import COMMON_RESPONSES, ERRORS, MAX_ID, Model, OutModel
from verzek.db import connection

router = APIRouter(prefix="/api/users/{user_id}/devices", tags=["devices"], responses=COMMON_RESPONSES)

# Expo tokens look like ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx] (older: ExpoPushToken[...]).
EXPO_TOKEN_PATTERN = r"^(ExponentPushToken|ExpoPushToken)\[[A-Za-z0-9_-]{10,200}\]$"


class DeviceIn(Model):
    token: Annotated[str, Field(max_length=256, pattern=EXPO_TOKEN_PATTERN,
                                examples=["ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]"])]
    platform: Literal["ios", "android", "web", "unknown"] = "unknown"


class DeviceOut(OutModel):
    id: int
    token: str
    platform: str
    enabled: bool
    created_at: datetime
    updated_at: datetime


@router.get("", response_model=list[DeviceOut], responses={401: ERRORS[401], 404: ERRORS[404]})
def list_devices(user_id: ReadableUserId) -> list[DeviceOut]:
    with connection() as conn:
        return [DeviceOut(**r) for r in service.list_devices(conn, user_id)]


@router.post("", status_code=201, response_model=DeviceOut,
             responses={401: ERRORS[401], 404: ERRORS[404], 422: ERRORS[422]})
def register_device(body: DeviceIn, user: OwnerDep) -> DeviceOut:
    """Register this device for push notifications (idempotent on the token)."""
    with connection() as conn:
        return DeviceOut(**service.register_device(conn, user.id, body.token, body.platform))


@router.delete("/{device_id}", status_code=204, response_class=Response,
               responses={401: ERRORS[401], 404: ERRORS[404]})
def unregister_device(user: OwnerDep, device_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    with connection() as conn:
        service.unregister_device(conn, user.id, device_id)
    return Response(status_code=204)
