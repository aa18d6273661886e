"""Probes of issue 17 against the real API served by uvicorn on 127.0.0.1 (real PostgreSQL): limits
that hold under concurrency, guesses counted wherever a password or code is checked, bad input as
4xx, bodies capped before they are read, forwarded headers not trusted."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.integration.api.conftest import PASSWORD, outbox_token
from tests.support.exchange_double import ServerThread

WRONG = "definitely not the password 1"
# argon2 hashing on a busy 2-core machine can take seconds: httpx's default 5 s timeout is too tight
_http = httpx.Client(timeout=60)


@pytest.fixture
def api(db, settings_env):
    """The product's API as `verzek local` serves it (same uvicorn settings), on a free port."""
    import uvicorn
    from verzek.api.app import create_app
    from verzek.config import get_settings
    from verzek.local.stack import api_server_config

    settings_env(LOGIN_BACKOFF_BASE_SECONDS="600")
    app = create_app()
    server = ServerThread(app)  # its socket on a free port; the uvicorn settings are `verzek local`'s
    server.server = uvicorn.Server(api_server_config(app, "127.0.0.1", server.port, get_settings()))
    with server:
        yield server


def _register_verified(base: str, db, email: str) -> None:
    assert _http.post(f"{base}/api/auth/register", json={"email": email, "password": PASSWORD}).status_code == 202
    token = outbox_token(db, email, "verify_email")
    assert _http.post(f"{base}/api/auth/verify-email", json={"token": token}).status_code == 200


def _login(base: str, email: str, password: str, headers: dict | None = None) -> int:
    return _http.post(f"{base}/api/auth/login", json={"email": email, "password": password},
                      headers=headers or {}, timeout=30).status_code


def _failures(db, email: str) -> int:
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM login_attempts WHERE email = %s AND succeeded IS NOT TRUE", (email,))
        n = cur.fetchone()["n"]
    db.commit()
    return n


def test_parallel_wrong_passwords_are_limited_atomically(api, db):
    _register_verified(api.url, db, "race@example.com")
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda _: _login(api.url, "race@example.com", WRONG), range(8)))
    assert codes.count(401) == 5 and codes.count(429) == 3, codes  # limit 5, never more checked
    with ThreadPoolExecutor(30) as pool:
        burst = list(pool.map(lambda _: _login(api.url, "race@example.com", WRONG), range(30)))
    assert set(burst) <= {429}, burst  # no 500s, no extra guesses
    assert _failures(db, "race@example.com") == 5


def test_password_change_and_totp_guesses_count_as_failed_logins(api, db):
    _register_verified(api.url, db, "guess@example.com")
    tokens = _http.post(f"{api.url}/api/auth/login", json={"email": "guess@example.com", "password": PASSWORD}).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    codes = [_http.post(f"{api.url}/api/auth/password/change", headers=auth,
                        json={"current_password": WRONG, "new_password": "another long passphrase 77"}).status_code
             for _ in range(7)]
    assert codes[:5] == [422] * 5 and codes[5:] == [429, 429], codes
    assert _login(api.url, "guess@example.com", PASSWORD) == 429  # the same pool of failures
    # TOTP codes are limited the same way (here on /totp/confirm after enrolment)
    assert _http.post(f"{api.url}/api/auth/totp/enroll", headers=auth).status_code == 200
    assert _http.post(f"{api.url}/api/auth/totp/confirm", headers=auth, json={"code": "000000"}).status_code == 429


def test_a_strangers_guesses_do_not_lock_the_owner_out(db, settings_env):
    """Per (account, IP): five failures from one address pause that address only."""
    from verzek.accounts import auth
    from verzek.accounts.errors import ServiceError
    from verzek.config import get_settings
    from verzek.db import connection

    from tests.integration.api.conftest import sign_up  # noqa: F401 -- registration via the service below

    with connection() as conn:
        auth.register(conn, "owner@example.com", PASSWORD, ip="198.51.100.1")
    settings = get_settings()
    for _ in range(5):
        with connection() as conn:
            outcome = auth.login(conn, "owner@example.com", WRONG, ip="203.0.113.66", settings=settings)
        assert isinstance(outcome, ServiceError) and outcome.status_code == 401
    with connection() as conn:
        blocked = auth.login(conn, "owner@example.com", PASSWORD, ip="203.0.113.66", settings=settings)
    assert isinstance(blocked, ServiceError) and blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    with connection() as conn:
        owner = auth.login(conn, "owner@example.com", PASSWORD, ip="198.51.100.1", settings=settings)
    assert not isinstance(owner, ServiceError)  # the owner, elsewhere, gets in


def test_register_is_limited_and_an_existing_address_is_mailed_once(api, db):
    codes = [_http.post(f"{api.url}/api/auth/register",
                        json={"email": f"r{i}@example.com", "password": PASSWORD}).status_code for i in range(11)]
    assert codes[:10] == [202] * 10 and codes[10] == 429


def test_reregistering_an_address_mails_its_owner_once(api, db, settings_env):
    settings_env(REGISTER_MAX_PER_IP_PER_HOUR="100")
    for _ in range(4):
        assert _http.post(f"{api.url}/api/auth/register",
                          json={"email": "taken@example.com", "password": PASSWORD}).status_code == 202
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM email_outbox WHERE to_address = 'taken@example.com' "
                    "AND kind = 'register_existing'")
        assert cur.fetchone()["n"] == 1
    db.commit()


def test_refresh_is_limited_per_address(api, db, settings_env):
    settings_env(REFRESH_MAX_PER_IP_PER_MINUTE="3")
    codes = [_http.post(f"{api.url}/api/auth/refresh", json={"refresh_token": "rt_" + "x" * 30}).status_code
             for _ in range(4)]
    assert codes == [401, 401, 401, 429]


@pytest.mark.parametrize("path", ["/api/auth/register", "/api/auth/login"])
def test_a_lone_surrogate_password_is_a_4xx(api, path):
    raw = '{"email": "s@example.com", "password": "abc\\ud800defghijkl"}'
    reply = _http.post(f"{api.url}{path}", content=raw, headers={"content-type": "application/json"})
    assert 400 <= reply.status_code < 500, reply.text


def test_deeply_nested_json_is_a_4xx(api, settings_env):
    settings_env(TELEGRAM_WEBHOOK_SECRET="probe-secret")
    deep = "[" * 100_000 + "]" * 100_000
    webhook = _http.post(f"{api.url}/telegram/webhook", content=deep,
                         headers={"content-type": "application/json", "x-telegram-bot-api-secret-token": "probe-secret"})
    assert webhook.status_code == 400, webhook.text
    login = _http.post(f"{api.url}/api/auth/login", content=deep, headers={"content-type": "application/json"})
    assert 400 <= login.status_code < 500


def test_bodies_are_capped_before_they_are_read(api, settings_env):
    settings_env(TELEGRAM_WEBHOOK_SECRET="probe-secret")
    big = b"x" * (2 * 1024 * 1024)
    declared = _http.post(f"{api.url}/api/auth/login", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413

    def chunks():
        for _ in range(64):
            yield b"y" * 65536  # 4 MiB, no Content-Length (chunked)

    streamed = _http.post(f"{api.url}/api/auth/login", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    hook = _http.post(f"{api.url}/telegram/webhook", content=b"z" * (300 * 1024),
                      headers={"content-type": "application/json", "x-telegram-bot-api-secret-token": "probe-secret"})
    assert hook.status_code == 413
    unsigned = _http.post(f"{api.url}/telegram/webhook", content=b"{}", headers={"content-type": "application/json"})
    assert unsigned.status_code == 401


def test_forwarded_for_from_loopback_is_not_believed(api, db):
    _register_verified(api.url, db, "spoof@example.com")
    for i in range(3):
        _login(api.url, "spoof@example.com", WRONG, headers={"X-Forwarded-For": f"6.6.6.{i}"})
    with db.cursor() as cur:
        cur.execute("SELECT DISTINCT ip FROM login_attempts WHERE email = 'spoof@example.com'")
        ips = {r["ip"] for r in cur.fetchall()}
    db.commit()
    assert ips == {"127.0.0.1"}


def _exhaust_pool(settings_env, wait_seconds: str):
    """A two-connection pool with both connections held by threads; returns `release()` (idempotent)."""
    from verzek.db import close_pool, connection

    settings_env(DB_POOL_MAX="2", DB_POOL_WAIT_SECONDS=wait_seconds)
    close_pool()
    release = threading.Event()
    held = threading.Barrier(3)

    def hold():
        with connection():
            held.wait()
            release.wait(5)

    holders = [threading.Thread(target=hold) for _ in range(2)]
    for t in holders:
        t.start()
    held.wait()

    def release_all() -> None:
        release.set()
        for t in holders:
            t.join()

    return release_all


def test_pool_exhaustion_waits_then_answers_503_never_500(db, settings_env):
    from verzek.db import DatabaseBusy, close_pool, connection

    release = _exhaust_pool(settings_env, "0.3")
    try:
        with pytest.raises(DatabaseBusy), connection():
            pass
        from fastapi.testclient import TestClient
        from verzek.api.app import create_app

        with TestClient(create_app(), raise_server_exceptions=False) as client:
            reply = client.post("/api/auth/login", json={"email": "p@example.com", "password": WRONG})
        assert reply.status_code == 503 and reply.headers["retry-after"] == "1"
    finally:
        release()
        close_pool()
    with connection() as conn, conn.cursor() as cur:  # and the pool works again
        cur.execute("SELECT 1 AS one")
        assert json.dumps(cur.fetchone()) == '{"one": 1}'


def test_recovery_codes_are_salted_and_slow_hashed_and_legacy_ones_still_work(db, settings_env):
    from cryptography.fernet import Fernet
    from verzek.accounts import auth
    from verzek.db import connection

    settings_env(VERZEK_MASTER_KEY=Fernet.generate_key().decode())
    with connection() as conn:
        auth.register(conn, "rc@example.com", PASSWORD, ip="198.51.100.7")
        with conn.cursor() as cur:
            cur.execute("SELECT id FROM users WHERE email = 'rc@example.com'")
            user_id = cur.fetchone()["id"]
    with connection() as conn:
        auth.totp_enroll(conn, user_id)
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT totp_secret_enc FROM users WHERE id = %s", (user_id,))
        import pyotp
        from verzek.security.keyring import master_keyring

        code = pyotp.TOTP(master_keyring().decrypt_tagged(cur.fetchone()["totp_secret_enc"])).now()
    with connection() as conn:
        codes = auth.totp_confirm(conn, user_id, code, ip="198.51.100.7")
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT code_hash FROM totp_recovery_codes WHERE user_id = %s", (user_id,))
        hashes = [r["code_hash"] for r in cur.fetchall()]
        assert all(h.startswith("$argon2") for h in hashes) and len(set(hashes)) == len(codes)
        legacy = "ABCDE-12345"
        cur.execute("INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (%s, %s)",
                    (user_id, auth._legacy_recovery_hash(legacy)))
    with connection() as conn, conn.cursor() as cur:
        assert auth._use_recovery_code(cur, user_id, codes[0]) is True
        assert auth._use_recovery_code(cur, user_id, codes[0]) is False  # once
        assert auth._use_recovery_code(cur, user_id, legacy) is True
        assert auth._use_recovery_code(cur, user_id, "ZZZZZ-99999") is False


def test_a_used_email_token_is_blanked_in_the_outbox(api, db):
    _register_verified(api.url, db, "outbox@example.com")
    with db.cursor() as cur:
        cur.execute("SELECT body FROM email_outbox WHERE to_address = 'outbox@example.com' AND kind = 'verify_email'")
        body = cur.fetchone()["body"]
    db.commit()
    assert "[used]" in body and "ev_" not in body


def test_secret_shaped_text_is_scrubbed_from_log_lines():
    """In a fresh interpreter (the logger binds its stream at import)."""
    import subprocess
    import sys

    token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    code = (
        "from verzek.observability import logger\n"
        f"logger.warning('telegram call to https://api.telegram.org/bot{token}/getMe failed; password=hunter2')\n"
        "try:\n"
        "    raise RuntimeError('connect postgresql://verzek:s3cr3t@db.internal/verzek failed')\n"
        "except RuntimeError:\n"
        "    logger.exception('database down')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    text = result.stdout + result.stderr
    assert token not in text and "hunter2" not in text and "s3cr3t" not in text
    assert "telegram call" in text and "database down" in text


def test_unknown_query_parameters_are_refused(client, signup):
    user = signup("q@example.com")
    base = f"/api/users/{user.id}/positions"
    assert client.get(base, headers=user.headers, params={"status": "open"}).status_code == 200
    refused = client.get(base, headers=user.headers, params={"state": "open"})
    assert refused.status_code == 422 and "state" in refused.json()["error"]
    assert client.get("/api/signals", headers=user.headers, params={"statu": "open"}).status_code == 422


def test_totp_disable_guesses_count_and_are_limited(api, db):
    """Wrong passwords and wrong codes on /totp/disable come out of the same pool as failed logins."""
    import pyotp

    _register_verified(api.url, db, "disable@example.com")
    tokens = _http.post(f"{api.url}/api/auth/login", json={"email": "disable@example.com", "password": PASSWORD}).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    secret = _http.post(f"{api.url}/api/auth/totp/enroll", headers=auth).json()["secret"]
    assert _http.post(f"{api.url}/api/auth/totp/confirm", headers=auth,
                      json={"code": pyotp.TOTP(secret).now()}).status_code == 200
    wrong_password = {"password": WRONG, "code": "000000"}
    wrong_code = {"password": PASSWORD, "code": "000000"}
    codes = [_http.post(f"{api.url}/api/auth/totp/disable", headers=auth, json=body).status_code
             for body in [wrong_password] * 3 + [wrong_code] * 2]
    assert codes == [422] * 5, codes
    right = {"password": PASSWORD, "code": pyotp.TOTP(secret).now()}
    assert _http.post(f"{api.url}/api/auth/totp/disable", headers=auth, json=right).status_code == 429
    assert _login(api.url, "disable@example.com", PASSWORD) == 429
    assert _failures(db, "disable@example.com") == 5


def test_pool_exhaustion_never_breaks_the_local_background_loops(db, settings_env):
    """The local dispatcher loop (as `verzek local` runs it) keeps ticking through an exhausted pool."""
    import time

    from verzek.db import close_pool
    from verzek.local.stack import _Loop
    from verzek.notify.dispatcher import run_scheduled

    ticks: list[str] = []

    def step():
        try:
            run_scheduled()
        except Exception as exc:
            ticks.append(type(exc).__name__)
            raise
        ticks.append("ok")

    release = _exhaust_pool(settings_env, "0.1")
    loop = _Loop("notification-dispatcher", step, 0.05).start()
    try:
        deadline = time.monotonic() + 5
        while "DatabaseBusy" not in ticks and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "DatabaseBusy" in ticks and "ok" not in ticks, ticks
        release()
        deadline = time.monotonic() + 5
        while "ok" not in ticks and time.monotonic() < deadline:
            time.sleep(0.05)
        assert loop.thread.is_alive() and "ok" in ticks, ticks  # the same loop, working again
    finally:
        release()
        loop.stop()
        close_pool()


def test_confirming_a_totp_enrolment_does_not_wipe_password_guesses(api, db):
    """A session holder enrolling TOTP proves nothing about the password: the guesses made before
    still count (otherwise enrol + confirm would buy a fresh round of password guesses)."""
    import pyotp

    _register_verified(api.url, db, "wipe@example.com")
    tokens = _http.post(f"{api.url}/api/auth/login", json={"email": "wipe@example.com", "password": PASSWORD}).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}

    def change() -> int:
        return _http.post(f"{api.url}/api/auth/password/change", headers=auth,
                          json={"current_password": WRONG, "new_password": "another long passphrase 77"}).status_code

    assert [change() for _ in range(4)] == [422] * 4
    secret = _http.post(f"{api.url}/api/auth/totp/enroll", headers=auth).json()["secret"]
    assert _http.post(f"{api.url}/api/auth/totp/confirm", headers=auth,
                      json={"code": pyotp.TOTP(secret).now()}).status_code == 200
    assert [change(), change()] == [422, 429]
    assert _failures(db, "wipe@example.com") == 5


def test_confirm_without_an_enrolment_is_not_a_guess(api, db):
    """'start enrolment first' / 'already enabled' are refusals before any code is checked: they do
    not use up the account's tries."""
    _register_verified(api.url, db, "noenrol@example.com")
    tokens = _http.post(f"{api.url}/api/auth/login", json={"email": "noenrol@example.com", "password": PASSWORD}).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    codes = [_http.post(f"{api.url}/api/auth/totp/confirm", headers=auth, json={"code": "123456"}).status_code
             for _ in range(7)]
    assert codes == [422] * 7, codes
    assert _failures(db, "noenrol@example.com") == 0
    assert _login(api.url, "noenrol@example.com", PASSWORD) == 200
