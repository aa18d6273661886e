"""Migrations at deploy time: the CloudFormation custom resource `DbMigrations` calls the
`db_migrator` function on every create/update of the stack's shared layer (the resource's
`SharedLayerVersion` property is the layer version ARN, which changes with any code or migration).

Create / Update apply every pending migration under yoyo's lock (idempotent: an up-to-date
schema applies nothing); Delete leaves the database alone (data outlives stacks). The outcome is
PUT to CloudFormation's pre-signed `ResponseURL`: a failed migration (rolled back whole, it runs in
one transaction) reports FAILED, so the deploy stops and rolls back instead of running new code on
an old schema. Reasons never carry a DSN or password.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable

PHYSICAL_ID = "verzek-database-schema"
_DSN_SECRET = re.compile(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@|(password\s*=\s*)\S+", re.IGNORECASE)


def _safe_reason(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    return _DSN_SECRET.sub(lambda m: (m.group(1) or m.group(2)) + "***" + ("@" if m.group(1) else ""), text)[:400]


def send_response(url: str, body: dict, *, timeout: float = 30.0) -> None:
    """PUT the custom-resource response. The pre-signed URL wants no content type."""
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "", "Content-Length": str(len(data))})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        reply.read()


def handle_custom_resource(event: dict, *, apply: Callable[[], list[str]] | None = None,
                           send: Callable[[str, dict], None] = send_response) -> dict:
    """Run the request and always answer CloudFormation (a missing answer hangs the stack for an hour)."""
    request_type = event.get("RequestType")
    body = {"StackId": event.get("StackId"), "RequestId": event.get("RequestId"),
            "LogicalResourceId": event.get("LogicalResourceId"),
            "PhysicalResourceId": event.get("PhysicalResourceId") or PHYSICAL_ID, "NoEcho": False}
    try:
        if request_type in ("Create", "Update"):
            if apply is None:
                from verzek.db.migrate import apply_migrations as apply
            applied = apply()
            body.update(Status="SUCCESS", Reason=f"applied {len(applied)} migration(s)",
                        Data={"Applied": ",".join(applied), "AppliedCount": str(len(applied))})
        elif request_type == "Delete":
            body.update(Status="SUCCESS", Reason="schema left in place", Data={})
        else:
            body.update(Status="FAILED", Reason=f"unknown RequestType {request_type!r}")
    except Exception as exc:  # noqa: BLE001 -- any failure must reach CloudFormation as FAILED
        body.update(Status="FAILED", Reason=_safe_reason(exc))
    url = event.get("ResponseURL")
    if url:
        send(url, body)
    return body
