"""The app's exported web build (`mobile_app/dist`, from `npx expo export --platform web`) served at `/`
by the API itself, locally (`verzek local`) and in the cloud (the api function, the build in a layer
at /opt/web): one origin for the app and the API, so the web build needs no backend URL and no CORS.
Decision: docs/decisions/web-app-hosting.md.

API routes, `/docs` and the email-link pages are matched first; the build only answers what no
route claims. An unknown `/api/...` or `/telegram/...` path stays a JSON 404 (not the app, not a 405).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from verzek.config import find_checkout_root
from verzek.observability import logger

_NOT_THE_APP = ("api/", "telegram/", "docs-assets/")
# Expo names bundles by content hash: cache them for a year; index.html must be re-read every time.
_IMMUTABLE = "public, max-age=31536000, immutable"
_HTML_HEADERS = {"Cache-Control": "no-cache", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
                 "X-Content-Type-Options": "nosniff"}


_ROOT_RELATIVE = re.compile(r'(\s(?:src|href)=")/(?!/)')


def page_for_base_path(page: str, root_path: str) -> str:
    """index.html as served under `root_path` (an API Gateway stage, `/dev`): its asset links get
    the prefix and the app learns where the API is (the `verzek-base-path` meta the app reads)."""
    page = _ROOT_RELATIVE.sub(lambda m: f"{m.group(1)}{root_path}/", page)
    meta = f'<meta name="verzek-base-path" content="{html.escape(root_path, quote=True)}" />'
    return page.replace("</head>", f"{meta}</head>", 1)


class WebAppFiles(StaticFiles):
    async def get_response(self, path: str, scope):
        if path.startswith(_NOT_THE_APP) or path in ("api", "telegram"):
            raise HTTPException(status_code=404, detail="Not Found")
        response = await super().get_response(path, scope)
        if path.startswith("_expo/static/"):
            response.headers["Cache-Control"] = _IMMUTABLE
        elif response.media_type == "text/html" and response.status_code == 200:
            page = Path(response.path).read_text(encoding="utf-8")
            return HTMLResponse(page_for_base_path(page, scope.get("root_path", "").rstrip("/")),
                                headers=_HTML_HEADERS)
        else:
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response


def web_build_dir(configured: str) -> Path | None:
    """WEB_APP_DIR when set (the cloud: /opt/web), else the checkout's mobile_app/dist when it was built
    (`scripts/bootstrap` builds it); None when there is no build (the API then serves no app)."""
    checkout = find_checkout_root()
    directory = Path(configured) if configured else (checkout / "mobile_app" / "dist" if checkout else None)
    if directory is not None and (directory / "index.html").is_file():
        return directory
    if configured:
        logger.warning("WEB_APP_DIR has no index.html: the web app is not served", extra={"web_app_dir": configured})
    return None


def mount_web_app(app, configured: str) -> Path | None:
    directory = web_build_dir(configured)
    if directory is not None:
        app.mount("/", WebAppFiles(directory=directory, html=True), name="web-app")
    return directory
