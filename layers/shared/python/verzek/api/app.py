"""The FastAPI application served by the `api` Lambda (through Mangum) and by `verzek local`.

Routers are discovered: every module in `verzek.api.routers` that defines `router` is included,
so each area adds its routes in its own module. Router modules must not import ccxt, pandas or
onnxruntime at module level (API cold start).
"""

from __future__ import annotations

import importlib
import pkgutil

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from verzek import __version__
from verzek.api.body_limit import BodyLimitMiddleware
from verzek.db import DatabaseBusy
from verzek.observability import logger

DOCS_ASSETS_PATH = "/docs-assets"


def _declared_query_names(dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _declared_query_names(sub)
    return names


async def refuse_unknown_query_parameters(request: Request) -> None:
    """A misspelt or unsupported filter (`?state=` where the route takes `status=`) is a 422, not a
    silently unfiltered answer."""
    from verzek.accounts.errors import Invalid

    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not request.query_params or not getattr(route, "include_in_schema", True):
        return  # pages for people (docs, email links) tolerate extra parameters a mail client may add
    unknown = sorted(set(request.query_params.keys()) - _declared_query_names(dependant))
    if unknown:
        raise Invalid(f"unknown query parameter(s): {', '.join(unknown[:5])}")


def create_app() -> FastAPI:
    # Swagger UI and ReDoc from assets shipped in the fastapi-offline package (served under
    # /docs-assets by this app, locally and in the cloud): the docs work offline, no CDN.
    app = FastAPIOffline(static_url=DOCS_ASSETS_PATH, title="Verzek AutoTrader API", version=__version__,
                  description="Mobile app and service API: accounts, exchange keys, settings, signals, positions.",
                  dependencies=[Depends(refuse_unknown_query_parameters)])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, (str, dict, list)) else str(exc.detail)
        return JSONResponse({"error": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError):
        # Echo where and why, never the submitted values (they may hold secrets).
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return JSONResponse({"error": "validation failed", "details": errors}, status_code=422)

    @app.exception_handler(RecursionError)
    async def too_deep(_: Request, exc: RecursionError):
        return JSONResponse({"error": "request body is nested too deeply"}, status_code=400)

    @app.exception_handler(UnicodeEncodeError)
    async def unencodable_input(_: Request, exc: UnicodeEncodeError):
        # Backstop for text that cannot be encoded (lone surrogates from JSON) reaching a storage or
        # hashing call: it is the client's input, so a 400, never a 500.
        return JSONResponse({"error": "request contains text that is not valid Unicode"}, status_code=400)

    @app.exception_handler(DatabaseBusy)
    async def database_busy(_: Request, exc: DatabaseBusy):
        return JSONResponse({"error": "the service is busy; try again shortly"}, status_code=503,
                            headers={"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception):
        logger.exception("unhandled error", extra={"path": request.url.path, "error_type": type(exc).__name__})
        return JSONResponse({"error": "internal error"}, status_code=500)

    @app.get("/health", tags=["ops"])
    def health() -> dict:
        from verzek.db import ping

        database = ping()
        return {"status": "ok" if database["status"] == "ok" else "degraded", "version": __version__,
                "database": database}

    from verzek.api import routers

    for info in sorted(pkgutil.iter_modules(routers.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{routers.__name__}.{info.name}")
        if hasattr(module, "router"):
            app.include_router(module.router)
    # Last: the web build answers only what no route above claims.
    from verzek.api.web_app import mount_web_app
    from verzek.config import get_settings

    mount_web_app(app, get_settings().web_app_dir)
    app.add_middleware(BodyLimitMiddleware)
    return app
