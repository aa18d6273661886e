"""The whole sign-up flow against real PostgreSQL: register, verify, login, refresh rotation and
reuse detection, logout, password change and reset, no account enumeration, login rate limits."""

from __future__ import annotations

from tests.integration.api.conftest import PASSWORD, outbox_token


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_register_verify_login_refresh_logout(client, db):
    email = "Alice@Example.com"
    answer = client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 202
    token = outbox_token(db, "alice@example.com", "verify_email")
    with db.cursor() as cur:  # only the token's hash is stored
        cur.execute("SELECT token_hash FROM email_tokens")
        assert token not in str(cur.fetchall())
    db.commit()

    login = client.post("/api/auth/login", json={"email": "alice@example.com", "password": PASSWORD}).json()
    me = client.get("/api/me", headers=auth(login["access_token"])).json()
    assert me["email"] == "alice@example.com" and me["email_verified"] is False and me["plan"] == "trial"

    assert client.post("/api/auth/verify-email", json={"token": token}).status_code == 200
    again = client.post("/api/auth/verify-email", json={"token": token})
    assert again.status_code == 422 and "invalid or expired" in again.json()["error"]  # single use
    assert client.get("/api/me", headers=auth(login["access_token"])).json()["email_verified"] is True

    rotated = client.post("/api/auth/refresh", json={"refresh_token": login["refresh_token"]})
    assert rotated.status_code == 200
    rotated = rotated.json()
    assert rotated["refresh_token"] != login["refresh_token"]
    assert client.get("/api/me", headers=auth(rotated["access_token"])).status_code == 200

    # The spent token comes back (stolen): the whole session ends, including the fresh tokens.
    reuse = client.post("/api/auth/refresh", json={"refresh_token": login["refresh_token"]})
    assert reuse.status_code == 401
    assert client.post("/api/auth/refresh", json={"refresh_token": rotated["refresh_token"]}).status_code == 401
    assert client.get("/api/me", headers=auth(rotated["access_token"])).status_code == 401

    second = client.post("/api/auth/login", json={"email": "alice@example.com", "password": PASSWORD}).json()
    other_device = client.post("/api/auth/login", json={"email": "alice@example.com", "password": PASSWORD}).json()
    assert client.post("/api/auth/logout", headers=auth(second["access_token"])).status_code == 204
    assert client.get("/api/me", headers=auth(second["access_token"])).status_code == 401
    assert client.post("/api/auth/refresh", json={"refresh_token": second["refresh_token"]}).status_code == 401
    assert client.get("/api/me", headers=auth(other_device["access_token"])).status_code == 200  # only that session

    with db.cursor() as cur:
        cur.execute("SELECT action FROM audit_log ORDER BY id")
        actions = [r["action"] for r in cur.fetchall()]
    db.commit()
    assert {"user.registered", "user.email_verified", "login.succeeded", "session.refresh_reuse_detected",
            "logout"} <= set(actions)


def test_password_change_revokes_every_session(client, signup):
    user = signup("bob@example.com")
    other = client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD}).json()
    new_password = "a much better passphrase 42"
    bad = client.post("/api/auth/password/change", headers=user.headers,
                      json={"current_password": "wrong password!!", "new_password": new_password})
    assert bad.status_code == 422
    changed = client.post("/api/auth/password/change", headers=user.headers,
                          json={"current_password": PASSWORD, "new_password": new_password})
    assert changed.status_code == 200
    assert client.get("/api/me", headers=user.headers).status_code == 401
    assert client.get("/api/me", headers=auth(other["access_token"])).status_code == 401
    assert client.post("/api/auth/refresh", json={"refresh_token": other["refresh_token"]}).status_code == 401
    assert client.get("/api/me", headers=auth(changed.json()["access_token"])).status_code == 200
    assert client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD}).status_code == 401
    assert client.post("/api/auth/login", json={"email": user.email, "password": new_password}).status_code == 200


def test_password_reset_is_single_use_and_ends_sessions(client, db, signup):
    user = signup("carol@example.com")
    assert client.post("/api/auth/password/forgot", json={"email": user.email}).status_code == 202
    token = outbox_token(db, user.email, "reset_password")
    weak = client.post("/api/auth/password/reset", json={"token": token, "new_password": "short"})
    assert weak.status_code == 422 and "at least" in weak.json()["error"]
    new_password = "reset to something long"
    assert client.post("/api/auth/password/reset", json={"token": token, "new_password": new_password}
                       ).status_code == 200
    assert client.post("/api/auth/password/reset", json={"token": token, "new_password": new_password + "x"}
                       ).status_code == 422
    assert client.get("/api/me", headers=user.headers).status_code == 401
    assert client.post("/api/auth/login", json={"email": user.email, "password": new_password}).status_code == 200


def test_expired_email_token_is_refused(client, db):
    client.post("/api/auth/register", json={"email": "dave@example.com", "password": PASSWORD})
    token = outbox_token(db, "dave@example.com", "verify_email")
    with db.cursor() as cur:
        cur.execute("UPDATE email_tokens SET expires_at = now() - interval '1 second'")
    db.commit()
    assert client.post("/api/auth/verify-email", json={"token": token}).status_code == 422


def test_responses_do_not_reveal_registered_emails(client, db, signup):
    user = signup("erin@example.com")
    new = client.post("/api/auth/register", json={"email": "nobody@example.com", "password": PASSWORD})
    taken = client.post("/api/auth/register", json={"email": user.email, "password": PASSWORD})
    assert (new.status_code, new.json()) == (taken.status_code, taken.json())
    unknown = client.post("/api/auth/password/forgot", json={"email": "ghost@example.com"})
    known = client.post("/api/auth/password/forgot", json={"email": user.email})
    assert (unknown.status_code, unknown.json()) == (known.status_code, known.json())
    wrong_user = client.post("/api/auth/login", json={"email": "ghost@example.com", "password": PASSWORD})
    wrong_password = client.post("/api/auth/login", json={"email": user.email, "password": "not the password"})
    assert (wrong_user.status_code, wrong_user.json()) == (wrong_password.status_code, wrong_password.json()) \
        == (401, {"error": "invalid email or password"})
    # The owner of the taken address is told, by email.
    assert outbox_token is not None
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM email_outbox WHERE to_address = %s AND kind = 'register_existing'",
                    (user.email,))
        assert cur.fetchone()["n"] == 1
    db.commit()


def test_login_rate_limited_per_account(client, signup, settings_env):
    user = signup("frank@example.com")
    settings_env(LOGIN_MAX_FAILURES_PER_ACCOUNT=3)
    for _ in range(3):
        assert client.post("/api/auth/login", json={"email": user.email, "password": "wrong password"}
                           ).status_code == 401
    blocked = client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    # An unregistered address is limited the same way (no enumeration through the limiter).
    for _ in range(3):
        client.post("/api/auth/login", json={"email": "ghost@example.com", "password": "wrong password"})
    assert client.post("/api/auth/login", json={"email": "ghost@example.com", "password": "x" * 12}
                       ).status_code == 429


def test_login_rate_limited_per_address(client, signup, settings_env):
    user = signup("grace@example.com")
    settings_env(LOGIN_MAX_FAILURES_PER_IP=4, LOGIN_MAX_FAILURES_PER_ACCOUNT=100)
    for n in range(4):
        client.post("/api/auth/login", json={"email": f"spray{n}@example.com", "password": "wrong password"})
    assert client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD}).status_code == 429
