"""Property-based fuzzing of the whole API from its OpenAPI schema (schemathesis + hypothesis).

Every operation is called with generated valid and invalid inputs, authenticated as a real admin
user (so user-scoped routes are fuzzed on the caller's own id and admin routes are reached). The
checks: never a 5xx, every status code and body documented, JSON content type, responses match
their schemas, invalid input refused. Bounded (a few examples per operation) to stay fast.
"""

from __future__ import annotations

import uuid
from datetime import UTC

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks
from verzek.api.app import create_app
from verzek.api.routers import _deps

from tests.integration.api.conftest import RecordingQueue, StubValidator

app = create_app()
# The exchange check and the execution queue are ports with their own tests; here they must not
# turn "no exchange reachable from this machine" into a 502 the fuzzer would count as a failure.
app.dependency_overrides[_deps.key_validator] = lambda: StubValidator()
app.dependency_overrides[_deps.execution_queue] = lambda: RecordingQueue()
schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex="^/api/")

CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance, checks.negative_data_rejection]


@pytest.fixture(scope="module")
def fuzz_user(db_dsn):
    """An admin user created once; each case gets a fresh session (logout/password change end sessions)."""
    from verzek.accounts.passwords import hash_password
    from verzek.db import connect

    conn = connect(db_dsn)
    with conn, conn.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash, role, plan, email_verified_at) "
                    "VALUES (%s, %s, 'admin', 'vip', now()) RETURNING id",
                    (f"fuzz-{uuid.uuid4().hex[:8]}@example.com", hash_password("fuzz password 123")))
        user_id = cur.fetchone()["id"]
    yield conn, user_id
    with conn, conn.cursor() as cur:
        cur.execute("DELETE FROM users WHERE id = %s", (user_id,))
    conn.close()


def _session_headers(conn, user_id: int) -> dict:
    from datetime import datetime, timedelta

    from verzek.accounts.tokens import hash_token, issue_access_token, new_opaque_token

    family = str(uuid.uuid4())
    with conn, conn.cursor() as cur:
        cur.execute("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES (%s, %s, %s, %s)",
                    (user_id, family, hash_token(new_opaque_token("rt")),
                     datetime.now(UTC) + timedelta(hours=1)))
    access, _ = issue_access_token(user_id, family, "admin")
    return {"Authorization": f"Bearer {access}"}


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_api_never_fails_and_matches_its_schema(case, fuzz_user, settings_env):
    conn, user_id = fuzz_user
    # The bot's username is configured (the link route would otherwise ask Telegram, not reachable here).
    settings_env(LOGIN_MAX_FAILURES_PER_IP=1_000_000, LOGIN_MAX_FAILURES_PER_ACCOUNT=1_000_000,
                 TELEGRAM_BOT_USERNAME="verzek_fuzz_bot")
    negative = case.meta is not None and case.meta.generation.mode.is_negative
    if negative:  # leave the generated (invalid) parts alone: the API must refuse them as they are
        case.call_and_validate(checks=CHECKS)
        return
    if case.path_parameters and "user_id" in case.path_parameters:
        case.path_parameters["user_id"] = user_id  # reach the routes' logic, not just the ownership 404
    case.call_and_validate(headers=_session_headers(conn, user_id), checks=CHECKS)
