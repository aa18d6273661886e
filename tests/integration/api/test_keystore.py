"""Keys at rest: rotation re-encrypts every row and still decrypts, a tampered ciphertext fails
safely, KMS envelope encryption (moto) binds each data key to its owner."""

from __future__ import annotations

import pickle

import pytest
from cryptography.fernet import Fernet
from verzek.cli import main as cli
from verzek.security.keyring import DecryptionError, MasterKeyring, master_key_id
from verzek.security.keystore import load_credentials

from tests.support.accounts import insert_exchange_account

SECRET = "the-user-secret-0123456789abcdef"


def _insert_account(db, user_id: int, label: str, *, api_key="KEYKEYKEY1234", secret=SECRET, password=None) -> int:
    with db.cursor() as cur:
        account_id = insert_exchange_account(cur, user_id, "bybit", label, api_key, secret, password)
    db.commit()
    return account_id


def _user(db, email: str, totp_secret_enc: str | None = None) -> int:
    with db.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash, totp_secret_enc) VALUES (%s, 'x', %s) RETURNING id",
                    (email, totp_secret_enc))
        user_id = cur.fetchone()["id"]
    db.commit()
    return user_id


def test_rotation_reencrypts_every_row_and_still_decrypts(db, settings_env, capsys):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings_env(VERZEK_MASTER_KEY=old, KMS_KEY_ID=None)
    totp_enc = MasterKeyring([old]).encrypt_tagged("JBSWY3DPEHPK3PXP")
    user_id = _user(db, "rot@example.com", totp_enc)
    first = _insert_account(db, user_id, "a", password="pass-phrase")
    second = _insert_account(db, user_id, "b", secret="another-secret-value")
    with db.cursor() as cur:
        cur.execute("SELECT api_secret_enc FROM exchange_accounts WHERE id = %s", (first,))
        before = cur.fetchone()["api_secret_enc"]
    db.commit()

    settings_env(VERZEK_MASTER_KEY=new)  # the old key is gone: nothing decrypts, and it says why
    with pytest.raises(DecryptionError, match="not configured"):
        load_credentials(db, first)
    db.rollback()

    settings_env(VERZEK_MASTER_KEY=f"{new},{old}")
    assert cli(["keys", "rotate", "--dry-run"]) == 0
    assert "would re-encrypt 2" in capsys.readouterr().out
    assert cli(["keys", "rotate"]) == 0
    out = capsys.readouterr().out
    assert f"target key: {master_key_id(new)}" in out and "re-encrypted 2" in out and "re-encrypted 1" in out
    assert cli(["keys", "rotate"]) == 0 and "already current 2" in capsys.readouterr().out  # idempotent

    settings_env(VERZEK_MASTER_KEY=new)  # old key retired
    with db.cursor() as cur:
        cur.execute("SELECT key_id, api_secret_enc FROM exchange_accounts ORDER BY id")
        rows = cur.fetchall()
        cur.execute("SELECT totp_secret_enc FROM users")
        totp_after = cur.fetchone()["totp_secret_enc"]
    db.commit()
    assert {r["key_id"] for r in rows} == {master_key_id(new)} and rows[0]["api_secret_enc"] != before
    creds = load_credentials(db, first)
    assert (creds.secret, creds.password) == (SECRET, "pass-phrase")
    assert load_credentials(db, second).secret == "another-secret-value"
    assert MasterKeyring([new]).decrypt_tagged(totp_after) == "JBSWY3DPEHPK3PXP"


def test_tampered_ciphertext_fails_safely(db, client, signup):
    user = signup("tamper@example.com")
    account_id = _insert_account(db, user.id, "t")
    with db.cursor() as cur:
        cur.execute("SELECT api_secret_enc FROM exchange_accounts WHERE id = %s", (account_id,))
        token = cur.fetchone()["api_secret_enc"]
        flipped = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
        cur.execute("UPDATE exchange_accounts SET api_secret_enc = %s WHERE id = %s", (flipped, account_id))
    db.commit()
    with pytest.raises(DecryptionError) as caught:
        load_credentials(db, account_id)
    db.rollback()
    assert "tampered" in str(caught.value) and SECRET not in str(caught.value) and flipped not in str(caught.value)
    # Listing never decrypts, so it is unaffected.
    assert client.get(f"/api/users/{user.id}/exchanges", headers=user.headers).status_code == 200


def test_credentials_object_hides_values():
    from verzek.security.keystore import ExchangeCredentials

    creds = ExchangeCredentials(api_key="K" * 12, secret="S" * 12, password="P" * 8, exchange="binance")
    assert "K" * 12 not in repr(creds) and "S" * 12 not in f"{creds}" and "P" * 8 not in repr(creds)
    with pytest.raises(TypeError):
        pickle.dumps(creds)


@pytest.fixture
def kms_key(settings_env, monkeypatch):
    from moto import mock_aws

    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_SESSION_TOKEN", "testing"), ("AWS_DEFAULT_REGION", "eu-west-1")):
        monkeypatch.setenv(name, value)
    with mock_aws():
        import boto3

        key_id = boto3.client("kms", region_name="eu-west-1").create_key()["KeyMetadata"]["KeyId"]
        settings_env(KMS_KEY_ID=key_id, AWS_REGION="eu-west-1", AWS_ENDPOINT_URL=None)
        yield key_id


def test_kms_envelope_per_row_and_bound_to_owner(db, kms_key, settings_env):
    owner = _user(db, "kms@example.com")
    intruder = _user(db, "intruder@example.com")
    account_id = _insert_account(db, owner, "k")
    with db.cursor() as cur:
        cur.execute("SELECT * FROM exchange_accounts WHERE id = %s", (account_id,))
        row = dict(cur.fetchone())
        # The same ciphertexts copied to another user's row: the KMS encryption context refuses.
        cur.execute("INSERT INTO exchange_accounts (user_id, exchange, label, api_key_enc, api_secret_enc, key_id, "
                    "encrypted_data_key, key_last4) VALUES (%s, 'bybit', 'copy', %s, %s, %s, %s, '1234') RETURNING id",
                    (intruder, row["api_key_enc"], row["api_secret_enc"], row["key_id"], row["encrypted_data_key"]))
        copied = cur.fetchone()["id"]
    db.commit()
    assert row["key_id"] == f"kms:{kms_key}" and row["encrypted_data_key"]
    assert load_credentials(db, account_id).secret == SECRET
    with pytest.raises(DecryptionError):
        load_credentials(db, copied)
    db.rollback()
    second = _insert_account(db, owner, "k2")
    with db.cursor() as cur:
        cur.execute("SELECT encrypted_data_key FROM exchange_accounts WHERE id IN (%s, %s)", (account_id, second))
        assert len({r["encrypted_data_key"] for r in cur.fetchall()}) == 2  # a data key per row
    db.commit()


def test_rotation_moves_master_key_rows_to_kms(db, settings_env, monkeypatch):
    settings_env(KMS_KEY_ID=None)
    owner = _user(db, "move@example.com")
    account_id = _insert_account(db, owner, "m")
    from moto import mock_aws

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        import boto3

        key_id = boto3.client("kms", region_name="eu-west-1").create_key()["KeyMetadata"]["KeyId"]
        settings_env(KMS_KEY_ID=key_id, AWS_REGION="eu-west-1")
        assert cli(["keys", "rotate"]) == 0
        creds = load_credentials(db, account_id)
        with db.cursor() as cur:
            cur.execute("SELECT key_id FROM exchange_accounts WHERE id = %s", (account_id,))
            assert cur.fetchone()["key_id"] == f"kms:{key_id}"
        db.commit()
    assert creds.secret == SECRET


def _copy_row(db, source_id: int, *, to_user: int, label: str, swap_fields: bool = False) -> int:
    with db.cursor() as cur:
        cur.execute("SELECT * FROM exchange_accounts WHERE id = %s", (source_id,))
        row = dict(cur.fetchone())
        key_enc, secret_enc = row["api_key_enc"], row["api_secret_enc"]
        if swap_fields:
            key_enc, secret_enc = secret_enc, key_enc
        cur.execute("INSERT INTO exchange_accounts (user_id, exchange, label, api_key_enc, api_secret_enc, key_id, "
                    "encrypted_data_key, enc_scheme, key_last4) VALUES (%s, 'bybit', %s, %s, %s, %s, %s, %s, '1234') "
                    "RETURNING id", (to_user, label, key_enc, secret_enc, row["key_id"], row["encrypted_data_key"],
                                     row["enc_scheme"]))
        copied = cur.fetchone()["id"]
    db.commit()
    return copied


def test_master_key_ciphertext_is_bound_to_its_user_row_and_field(db, settings_env):
    """Issue 17 §12: Alice's encrypted key copied into Bob's row used to decrypt as Alice's key."""
    settings_env(VERZEK_MASTER_KEY=Fernet.generate_key().decode())
    alice, bob = _user(db, "alice@example.com"), _user(db, "bob@example.com")
    alices = _insert_account(db, alice, "main")
    assert load_credentials(db, alices).secret == SECRET
    for copied in (_copy_row(db, alices, to_user=bob, label="stolen"),        # another user
                   _copy_row(db, alices, to_user=alice, label="second"),      # another row of hers
                   _copy_row(db, alices, to_user=alice, label="swapped", swap_fields=True)):
        with pytest.raises(DecryptionError):
            load_credentials(db, copied)
        db.rollback()


def test_legacy_rows_still_decrypt_and_rotation_binds_them(db, settings_env, capsys):
    key = Fernet.generate_key().decode()
    settings_env(VERZEK_MASTER_KEY=key)
    owner = _user(db, "legacy@example.com")
    ring = MasterKeyring([key])
    with db.cursor() as cur:  # a row as written before binding existed (scheme 1: plain Fernet per field)
        cur.execute("INSERT INTO exchange_accounts (user_id, exchange, label, api_key_enc, api_secret_enc, key_id, "
                    "key_last4) VALUES (%s, 'bybit', 'old', %s, %s, %s, '1234') RETURNING id",
                    (owner, ring.encrypt(b"OLDKEY1234")[1], ring.encrypt(SECRET.encode())[1], ring.current_id))
        legacy = cur.fetchone()["id"]
    db.commit()
    assert load_credentials(db, legacy).secret == SECRET
    assert cli(["keys", "rotate"]) == 0
    with db.cursor() as cur:
        cur.execute("SELECT enc_scheme FROM exchange_accounts WHERE id = %s", (legacy,))
        assert cur.fetchone()["enc_scheme"] == 2
    db.commit()
    assert "set KEYS_ACCEPT_UNBOUND=false" in capsys.readouterr().out
    settings_env(KEYS_ACCEPT_UNBOUND="false")  # the migrated row is bound now: opens with the switch off
    creds = load_credentials(db, legacy)
    assert (creds.api_key, creds.secret) == ("OLDKEY1234", SECRET)


def test_once_migrated_an_unbound_row_opens_nowhere(db, settings_env, capsys):
    """Downgrade probe: an old unbound (scheme 1) ciphertext of Alice's, e.g. from a backup, written into
    Bob's row with its scheme set back to 1. With KEYS_ACCEPT_UNBOUND off it does not decrypt."""
    key = Fernet.generate_key().decode()
    settings_env(VERZEK_MASTER_KEY=key)
    bob = _user(db, "bob-downgrade@example.com")
    ring = MasterKeyring([key])
    alices_backup = (ring.encrypt(b"ALICEKEY99")[1], ring.encrypt(SECRET.encode())[1])
    with db.cursor() as cur:
        cur.execute("INSERT INTO exchange_accounts (user_id, exchange, label, api_key_enc, api_secret_enc, key_id, "
                    "key_last4, enc_scheme) VALUES (%s, 'bybit', 'planted', %s, %s, %s, '1234', 1) RETURNING id",
                    (bob, *alices_backup, ring.current_id))
        planted = cur.fetchone()["id"]
    db.commit()
    assert load_credentials(db, planted).api_key == "ALICEKEY99"  # during the migration: still accepted
    settings_env(KEYS_ACCEPT_UNBOUND="false")
    with pytest.raises(DecryptionError, match="KEYS_ACCEPT_UNBOUND"):
        load_credentials(db, planted)
    db.rollback()
