"""The API app behind API Gateway: Mangum, with the stage prefix taken off the path.

An HTTP API on a named stage (`dev`, `prod`) puts the stage in the request path (`/dev/health`);
on the `$default` stage, or behind a custom domain mapping, it does not. The prefix is read from
each event, so one build serves every stage and both shapes.
"""

from __future__ import annotations

from mangum import Mangum


def stage_base_path(event: dict) -> str:
    """`/<stage>` when this HTTP API v2 event's path starts with its named stage, else `/`."""
    if event.get("version") != "2.0":
        return "/"  # REST API (v1) events carry the path without the stage
    context = event.get("requestContext") or {}
    stage = context.get("stage") or "$default"
    if stage == "$default":
        return "/"
    path = (context.get("http") or {}).get("path") or event.get("rawPath") or ""
    prefix = f"/{stage}"
    return prefix if path == prefix or path.startswith(prefix + "/") else "/"


class _StageRootPath:
    """Tell the app it is mounted under the stage (ASGI `root_path`, with `path` carrying it, as the
    spec says): pages that link to themselves (/docs, the web app's index.html) then link to
    `/dev/...`, not to `/...`, which API Gateway would not route. Routing is unchanged (Starlette
    matches on the path without the root_path)."""

    def __init__(self, app, root_path: str) -> None:
        self.app, self.root_path = app, root_path

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            scope = {**scope, "root_path": self.root_path, "path": self.root_path + scope["path"]}
        await self.app(scope, receive, send)


class StageAwareMangum:
    """One Mangum adapter per base path seen (a deployment has one or two), built on first use."""

    def __init__(self, app, **options):
        self._app = app
        self._options = options
        self._adapters: dict[str, Mangum] = {}

    def __call__(self, event: dict, context) -> dict:
        base = stage_base_path(event)
        adapter = self._adapters.get(base)
        if adapter is None:
            app = self._app if base == "/" else _StageRootPath(self._app, base)
            adapter = self._adapters[base] = Mangum(app, api_gateway_base_path=base, **self._options)
        return adapter(event, context)
