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
            adapter = self._adapters[base] = Mangum(self._app, api_gateway_base_path=base, **self._options)
        return adapter(event, context)
