"""Optional TOTP: enrol, confirm (recovery codes), required on login, no replay, recovery codes once, disable."""

from __future__ import annotations

import pyotp

from tests.integration.api.conftest import PASSWORD


def _step_code(secret: str, offset_steps: int) -> str:
    import time

    return pyotp.TOTP(secret).at(time.time() + 30 * offset_steps)


def test_totp_lifecycle(client, db, signup):
    user = signup("totp@example.com")
    enrol = client.post("/api/auth/totp/enroll", headers=user.headers).json()
    secret = enrol["secret"]
    assert enrol["otpauth_uri"].startswith("otpauth://totp/")
    with db.cursor() as cur:
        cur.execute("SELECT totp_secret_enc, totp_enabled FROM users WHERE id = %s", (user.id,))
        row = cur.fetchone()
    db.commit()
    assert secret not in row["totp_secret_enc"] and row["totp_enabled"] is False  # encrypted, not yet enforced

    assert client.post("/api/auth/totp/confirm", headers=user.headers, json={"code": "000000"}).status_code == 422
    confirmed = client.post("/api/auth/totp/confirm", headers=user.headers, json={"code": _step_code(secret, -1)})
    assert confirmed.status_code == 200
    codes = confirmed.json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10

    needs = client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})
    assert needs.status_code == 401 and needs.headers["X-Verzek-TOTP-Required"] == "1"
    assert client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD, "totp_code": "123456"}
                       ).status_code == 401
    # Confirmation spent step -1; the current step is accepted once, then replay is refused.
    code = _step_code(secret, 0)
    ok = client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD, "totp_code": code})
    assert ok.status_code == 200
    assert client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD, "totp_code": code}
                       ).status_code == 401

    recovery = {"email": user.email, "password": PASSWORD, "recovery_code": codes[0]}
    assert client.post("/api/auth/login", json=recovery).status_code == 200
    assert client.post("/api/auth/login", json=recovery).status_code == 401  # once only

    headers = {"Authorization": f"Bearer {ok.json()['access_token']}"}
    assert client.post("/api/auth/totp/disable", headers=headers,
                       json={"password": "wrong password", "recovery_code": codes[1]}).status_code == 422
    assert client.post("/api/auth/totp/disable", headers=headers,
                       json={"password": PASSWORD, "recovery_code": codes[1]}).status_code == 204
    assert client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD}).status_code == 200


def test_wrong_second_factor_counts_as_a_failed_login(client, signup, settings_env):
    user = signup("totp2@example.com")
    secret = client.post("/api/auth/totp/enroll", headers=user.headers).json()["secret"]
    client.post("/api/auth/totp/confirm", headers=user.headers, json={"code": _step_code(secret, 0)})
    settings_env(LOGIN_MAX_FAILURES_PER_ACCOUNT=3)
    for _ in range(3):
        client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD, "totp_code": "111111"})
    assert client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD,
                                                "totp_code": _step_code(secret, 1)}).status_code == 429
