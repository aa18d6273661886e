"""Secrets never appear in responses or captured logs: passwords, exchange keys and secrets,
refresh tokens, TOTP secrets — across sign-up, login, key add/list, failures and validation errors."""

from __future__ import annotations

import json
import logging

from tests.integration.api.conftest import PASSWORD

API_KEY = "LeakCheckApiKey0000XYZW"
API_SECRET = "LeakCheckSecret-9f8e7d6c5b4a"
PASSPHRASE = "LeakCheckPassphrase77"


def test_secrets_never_in_logs_or_responses(client, signup, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    user = signup("leak@example.com")
    bodies = []
    bodies.append(client.post(f"/api/users/{user.id}/exchanges", headers=user.headers, json={
        "exchange": "binance", "label": "leak", "api_key": API_KEY, "api_secret": API_SECRET,
        "passphrase": PASSPHRASE}).text)
    bodies.append(client.post(f"/api/users/{user.id}/exchanges", headers=user.headers, json={
        "exchange": "binance", "label": "leak", "api_key": API_KEY, "api_secret": API_SECRET}).text)  # 409
    bodies.append(client.post(f"/api/users/{user.id}/exchanges", headers=user.headers, json={
        "exchange": "nope", "label": "", "api_key": API_KEY, "api_secret": API_SECRET + " bad"}).text)  # 422
    bodies.append(client.get(f"/api/users/{user.id}/exchanges", headers=user.headers).text)
    bodies.append(client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD + "x"}).text)
    bodies.append(client.post("/api/auth/login", json={"email": user.email, "password": 7}).text)
    bodies.append(client.post("/api/auth/register", json={"email": "x@example.com", "password": "short"}).text)
    bodies.append(client.post("/api/auth/password/change", headers=user.headers,
                              json={"current_password": PASSWORD, "new_password": PASSWORD[::-1] + "!"}).text)
    fresh_access = json.loads(bodies[-1])["access_token"]  # the password change ended the old session
    enrol = client.post("/api/auth/totp/enroll", headers={"Authorization": f"Bearer {fresh_access}"}).json()

    captured = capsys.readouterr()
    logs = captured.out + captured.err + caplog.text + "\n".join(str(r.__dict__) for r in caplog.records)
    for secret in (API_KEY, API_SECRET, PASSPHRASE, PASSWORD, PASSWORD[::-1] + "!", user.refresh, user.access,
                   enrol["secret"]):
        assert secret not in logs, f"secret leaked into logs: {secret[:6]}..."
    for body in bodies[:-1]:
        for secret in (API_KEY, API_SECRET, PASSPHRASE, PASSWORD):
            assert secret not in body
    assert "audit" in caplog.text  # the logs were really captured
