"""Exchange accounts: stored encrypted, listed without secrets, enable/disable, really deleted, audited."""

from __future__ import annotations

API_KEY = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789wxyZ"
API_SECRET = "s3cr3t-0123456789-abcdefghijklmnopqrstuvwxyz-SECRET"


def add(client, user, **overrides):
    body = {"exchange": "binance", "label": "main", "api_key": API_KEY, "api_secret": API_SECRET,
            "testnet": False, **overrides}
    return client.post(f"/api/users/{user.id}/exchanges", headers=user.headers, json=body)


def test_add_list_update_delete(client, db, signup, validator):
    from verzek.security.keystore import load_credentials

    user = signup("keys@example.com")
    validator.warnings = ("this key has no IP restriction: restrict it on Binance to 203.0.113.7",)
    answer = add(client, user)
    assert answer.status_code == 201, answer.text
    assert API_SECRET not in answer.text and API_KEY not in answer.text
    added = answer.json()
    assert added["account"]["key_last4"] == "wxyZ" and added["warnings"] == list(validator.warnings)
    assert validator.calls == [{"exchange": "binance", "testnet": False}]

    listed = client.get(f"/api/users/{user.id}/exchanges", headers=user.headers)
    assert API_SECRET not in listed.text and API_KEY not in listed.text
    assert [(a["exchange"], a["label"], a["testnet"], a["key_last4"]) for a in listed.json()] == [
        ("binance", "main", False, "wxyZ")]

    account_id = added["account"]["id"]
    with db.cursor() as cur:
        cur.execute("SELECT * FROM exchange_accounts WHERE id = %s", (account_id,))
        row = cur.fetchone()
        assert API_SECRET not in str(dict(row)) and API_KEY not in str(dict(row))
        assert row["key_id"].startswith("mk-")
        creds = load_credentials(db, account_id)
    db.commit()
    assert (creds.api_key, creds.secret, creds.password, creds.exchange) == (API_KEY, API_SECRET, None, "binance")
    assert API_SECRET not in repr(creds) and API_KEY not in str(creds)

    assert add(client, user).status_code == 409  # label taken
    assert len(validator.calls) == 1  # refused before calling the exchange

    disabled = client.patch(f"/api/users/{user.id}/exchanges/{account_id}", headers=user.headers,
                            json={"enabled": False})
    assert disabled.status_code == 200 and disabled.json()["enabled"] is False

    assert client.delete(f"/api/users/{user.id}/exchanges/{account_id}", headers=user.headers).status_code == 204
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM exchange_accounts")
        assert cur.fetchone()["n"] == 0
        cur.execute("SELECT action FROM audit_log WHERE action LIKE 'exchange_key.%%' ORDER BY id")
        assert [r["action"] for r in cur.fetchall()] == ["exchange_key.added", "exchange_key.updated",
                                                          "exchange_key.removed"]
    db.commit()
    assert client.delete(f"/api/users/{user.id}/exchanges/{account_id}", headers=user.headers).status_code == 404


def test_bad_key_input_is_refused_without_echo(client, signup):
    user = signup("keys2@example.com")
    answer = add(client, user, api_secret="Zq9!", exchange="mtgox")
    assert answer.status_code == 422
    assert "Zq9!" not in answer.text and API_KEY not in answer.text
    assert {tuple(d["loc"]) for d in answer.json()["details"]} == {("body", "api_secret"), ("body", "exchange")}


def test_disabling_the_live_account_returns_the_user_to_paper(client, db, signup):
    user = signup("keys3@example.com")
    account_id = add(client, user).json()["account"]["id"]
    live = client.patch(f"/api/users/{user.id}/settings", headers=user.headers,
                        json={"mode": "live", "exchange_account_id": account_id, "confirm_live": True})
    assert live.status_code == 200 and live.json()["mode"] == "live"
    client.patch(f"/api/users/{user.id}/exchanges/{account_id}", headers=user.headers, json={"enabled": False})
    settings = client.get(f"/api/users/{user.id}/settings", headers=user.headers).json()
    assert settings["mode"] == "paper" and settings["live_confirmed_at"] is None
