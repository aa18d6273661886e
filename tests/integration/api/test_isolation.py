"""Ownership: user B tries every route on user A's resources and gets 404 (or 403 on admin routes);
A's data is unchanged. Routes are enumerated from the OpenAPI schema, so a new route is covered."""

from __future__ import annotations

from tests.integration.api.seed import insert_position, insert_signal
from tests.integration.api.test_exchange_accounts import add

# A valid body per (method, path) so the ownership check, not validation, decides the answer.
BODIES = {
    ("post", "/api/users/{user_id}/exchanges"): {"exchange": "binance", "label": "b-try", "api_key": "k" * 16,
                                                 "api_secret": "s" * 16},
    ("patch", "/api/users/{user_id}/exchanges/{account_id}"): {"enabled": False},
    ("patch", "/api/users/{user_id}/settings"): {"auto_trade": True, "kill_switch": True},
    ("put", "/api/users/{user_id}/kill-switch"): {"enabled": True},
    ("post", "/api/users/{user_id}/devices"): {"token": "ExponentPushToken[bbbbbbbbbbbbbbbbbbbb]"},
}


def test_user_b_cannot_reach_user_a(client, db, signup, app, queue, validator):
    alice = signup("alice@example.com")
    bob = signup("bob@example.com")
    account_id = add(client, alice).json()["account"]["id"]
    position_id = insert_position(db, alice.id, insert_signal(db))
    device_id = client.post(f"/api/users/{alice.id}/devices", headers=alice.headers,
                            json={"token": "ExponentPushToken[aaaaaaaaaaaaaaaaaaaa]"}).json()["id"]
    ids = {"user_id": alice.id, "account_id": account_id, "position_id": position_id, "device_id": device_id}
    before = _snapshot(db)

    checked = 0
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            if "{user_id}" in path and not path.startswith("/api/admin"):
                url = path.format(**ids)
                answer = client.request(method.upper(), url, headers=bob.headers, json=BODIES.get((method, path)))
                assert answer.status_code == 404, (method, url, answer.status_code, answer.text)
                assert answer.json() == {"error": "not found"}
                checked += 1
                # B's own id with A's sub-resource ids: still 404 for anything addressing A's rows.
                if path.count("{") > 1:
                    own = path.format(**{**ids, "user_id": bob.id})
                    answer = client.request(method.upper(), own, headers=bob.headers,
                                            json=BODIES.get((method, path)))
                    assert answer.status_code == 404, (method, own, answer.status_code, answer.text)
            elif path.startswith("/api/admin"):
                answer = client.request(method.upper(), path.format(**ids), headers=bob.headers,
                                        json={"enabled": True} if method == "put" else None)
                assert answer.status_code in (403, 422), (method, path, answer.status_code)
                if answer.status_code == 422:  # body-level validation first; a valid body is still forbidden
                    assert client.request(method.upper(), path.format(**ids), headers=bob.headers,
                                          json={"plan": "vip"}).status_code == 403
    assert checked >= 15
    assert _snapshot(db) == before
    assert queue.sent == []
    assert len(validator.calls) == 1  # only Alice's own add


def test_admin_reads_but_cannot_change_or_decrypt(client, db, signup):
    alice = signup("alice2@example.com")
    admin = signup("root@example.com", role="admin")
    add(client, alice)
    listed = client.get(f"/api/users/{alice.id}/exchanges", headers=admin.headers)
    assert listed.status_code == 200 and listed.json()[0]["key_last4"] == "wxyZ"
    assert "api_secret" not in listed.text and "api_key_enc" not in listed.text
    assert client.get(f"/api/users/{alice.id}/settings", headers=admin.headers).status_code == 200
    assert client.get(f"/api/users/{alice.id}/positions", headers=admin.headers).status_code == 200
    assert client.patch(f"/api/users/{alice.id}/settings", headers=admin.headers,
                        json={"auto_trade": True}).status_code == 404
    assert client.get("/api/users/999999/settings", headers=admin.headers).status_code == 404
    plan = client.put(f"/api/admin/users/{alice.id}/plan", headers=admin.headers, json={"plan": "vip"})
    assert plan.status_code == 200 and plan.json()["plan"] == "vip"
    assert client.get("/api/me", headers=alice.headers).json()["plan"] == "vip"
    audit = client.get("/api/admin/audit", headers=admin.headers, params={"action": "admin.set_plan"}).json()
    assert audit[0]["user_id"] == alice.id and audit[0]["actor_id"] == admin.id


def test_global_kill_switch(client, signup):
    admin = signup("root2@example.com", role="admin")
    user = signup("user2@example.com")
    assert client.put("/api/admin/kill-switch", headers=admin.headers,
                      json={"enabled": True, "reason": "exchange outage"}).json() == {"enabled": True}
    assert client.get(f"/api/users/{user.id}/settings", headers=user.headers).json()["global_kill_switch"] is True
    assert client.put("/api/admin/kill-switch", headers=user.headers, json={"enabled": False}).status_code == 403
    assert client.get("/api/admin/kill-switch", headers=admin.headers).json() == {"enabled": True}


def test_no_token_and_bad_tokens(client, signup):
    user = signup("tok@example.com")
    assert client.get("/api/me").status_code == 401
    assert client.get("/api/me", headers={"Authorization": "Bearer not-a-jwt"}).status_code == 401
    import jwt

    forged = jwt.encode({"sub": str(user.id), "sid": "00000000-0000-0000-0000-000000000000", "typ": "access",
                         "iss": "verzek", "iat": 0, "exp": 4102444800}, "x" * 64, algorithm="HS256")
    assert client.get("/api/me", headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    none_alg = jwt.encode({"sub": str(user.id), "typ": "access"}, key=None, algorithm="none")
    assert client.get("/api/me", headers={"Authorization": f"Bearer {none_alg}"}).status_code == 401


def _snapshot(db) -> dict:
    with db.cursor() as cur:
        out = {}
        for table in ("exchange_accounts", "trading_settings", "positions", "push_devices"):
            cur.execute(f"SELECT * FROM {table} ORDER BY 1")
            out[table] = [dict(r) for r in cur.fetchall()]
    db.commit()
    return out
