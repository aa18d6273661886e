"""API test fixtures: the FastAPI app on the run's real PostgreSQL, ports overridden where a test
needs no exchange (key validator) or records jobs (execution queue), and sign-up helpers."""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field

import pytest
from cryptography.fernet import Fernet

# Test-only keys, generated per run (the root conftest leaves VERZEK_MASTER_KEY empty).
if not os.environ.get("VERZEK_MASTER_KEY"):
    os.environ["VERZEK_MASTER_KEY"] = Fernet.generate_key().decode()
os.environ.setdefault("HOUSE_INGEST_KEY", "house-ingest-test-key-" + uuid.uuid4().hex)

PASSWORD = "correct horse battery staple"


@dataclass
class RecordingQueue:
    sent: list[tuple[dict, str]] = field(default_factory=list)

    def send(self, body: dict, *, dedupe_key: str) -> None:
        self.sent.append((body, dedupe_key))


@dataclass
class StubValidator:
    """Stands in for the exchange check in tests that are not about it (see test_key_validation.py)."""

    calls: list[dict] = field(default_factory=list)
    warnings: tuple[str, ...] = ()

    def __call__(self, exchange, *, api_key, secret, password, testnet, proxy_node=None):
        from verzek.accounts.key_validation import KeyCheck

        self.calls.append({"exchange": exchange, "testnet": testnet})
        return KeyCheck(permissions={"enableReading": True}, can_withdraw=False, ip_restricted=True,
                        warnings=self.warnings)


@pytest.fixture
def queue() -> RecordingQueue:
    return RecordingQueue()


@pytest.fixture
def validator() -> StubValidator:
    return StubValidator()


@pytest.fixture
def app(db, queue, validator):
    from verzek.api.app import create_app
    from verzek.api.routers import _deps
    from verzek.config import reset_settings_cache

    reset_settings_cache()
    application = create_app()
    application.dependency_overrides[_deps.execution_queue] = lambda: queue
    application.dependency_overrides[_deps.key_validator] = lambda: validator
    return application


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


TOKEN_RE = re.compile(r"\b(ev|pr)_[A-Za-z0-9_-]{20,}")


def outbox_token(db, email: str, kind: str) -> str:
    with db.cursor() as cur:
        cur.execute("SELECT body FROM email_outbox WHERE to_address = %s AND kind = %s ORDER BY id DESC LIMIT 1",
                    (email, kind))
        row = cur.fetchone()
    db.commit()
    assert row is not None, f"no {kind} email for {email}"
    return TOKEN_RE.search(row["body"]).group(0)


@dataclass
class SignedUp:
    id: int
    email: str
    access: str
    refresh: str

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.access}"}


def sign_up(client, db, email: str, *, verify: bool = True, role: str | None = None, plan: str | None = None
            ) -> SignedUp:
    assert client.post("/api/auth/register", json={"email": email, "password": PASSWORD}).status_code == 202
    if verify:
        token = outbox_token(db, email, "verify_email")
        assert client.post("/api/auth/verify-email", json={"token": token}).status_code == 200
    if role or plan:
        with db.cursor() as cur:
            cur.execute("UPDATE users SET role = coalesce(%s, role), plan = coalesce(%s, plan) WHERE email = %s",
                        (role, plan, email))
        db.commit()
    answer = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    me = client.get("/api/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}).json()
    return SignedUp(me["id"], email, tokens["access_token"], tokens["refresh_token"])


@pytest.fixture
def signup(client, db):
    return lambda email, **kw: sign_up(client, db, email, **kw)
