"""Service errors carry their HTTP status: the API renders them as `{"error": message}`."""

from __future__ import annotations

try:
    from fastapi import HTTPException
except ImportError:  # a function without the API (the Telegram webhook's bot for users): same fields, no FastAPI
    class HTTPException(Exception):
        def __init__(self, status_code: int, detail=None, headers: dict[str, str] | None = None) -> None:
            super().__init__(detail)
            self.status_code, self.detail, self.headers = status_code, detail, headers


class ServiceError(HTTPException):
    status = 400

    def __init__(self, message: str, *, status: int | None = None, headers: dict[str, str] | None = None):
        super().__init__(status_code=status or self.status, detail=message, headers=headers)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Invalid(ServiceError):
    status = 422


class Unauthorized(ServiceError):
    status = 401


class Forbidden(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404

    def __init__(self, message: str = "not found", **kwargs):
        super().__init__(message, **kwargs)


class Conflict(ServiceError):
    status = 409


class TooManyRequests(ServiceError):
    status = 429


class Unavailable(ServiceError):
    status = 503


class UpstreamError(ServiceError):
    status = 502
