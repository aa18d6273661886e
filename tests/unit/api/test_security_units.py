"""Pure units: master keyring, service HMAC, password policy, access-token decoding."""

from __future__ import annotations

import time

import pytest
from cryptography.fernet import Fernet
from verzek.accounts.errors import Unauthorized
from verzek.accounts.passwords import hash_password, password_problem, verify_password
from verzek.config import Settings
from verzek.security import service_hmac
from verzek.security.keyring import DecryptionError, KeyringError, MasterKeyring, master_key_id


def test_keyring_encrypts_with_newest_and_decrypts_by_key_id():
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    key_id, token = MasterKeyring([old]).encrypt(b"secret")
    assert key_id == master_key_id(old)
    ring = MasterKeyring([new, old])
    assert ring.current_id == master_key_id(new) and ring.decrypt(key_id, token) == b"secret"
    with pytest.raises(DecryptionError, match="not configured"):
        MasterKeyring([new]).decrypt(key_id, token)
    with pytest.raises(DecryptionError, match="tampered"):
        ring.decrypt(key_id, token[:-4] + "AAAA")
    with pytest.raises(DecryptionError):
        ring.decrypt_tagged("no-separator")


def test_keyring_refuses_missing_or_malformed_keys():
    with pytest.raises(KeyringError, match="no master key"):
        MasterKeyring(["", " "])
    with pytest.raises(KeyringError, match="#2 is not a valid Fernet key") as caught:
        MasterKeyring([Fernet.generate_key().decode(), "not-a-key-but-secret-looking"])
    assert "not-a-key-but-secret-looking" not in str(caught.value)


def test_service_hmac_window_and_signature():
    key, body, now = b"k" * 32, b'{"a":1}', time.time()
    headers = service_hmac.signed_headers(key, body, now=now)
    ts, sig = headers[service_hmac.TIMESTAMP_HEADER], headers[service_hmac.SIGNATURE_HEADER]
    service_hmac.verify(key, ts, sig, body, max_skew_seconds=300, now=now + 10)
    for args, message in (((ts, sig, body + b" "), "invalid signature"), ((ts, None, body), "missing"),
                          (("12ab", sig, body), "malformed"), ((ts, sig, body), "window")):
        with pytest.raises(service_hmac.SignatureError, match=message):
            service_hmac.verify(key, *args, max_skew_seconds=300, now=now + (1000 if message == "window" else 0))


def test_password_policy_and_hashing():
    assert password_problem("short") and password_problem("aaaaaaaaaaaa") and password_problem("x" * 129)
    assert password_problem("Me@Example.com", "me@example.com")
    assert password_problem("a long enough passphrase") is None
    hashed = hash_password("a long enough passphrase")
    assert hashed.startswith("$argon2id$") and verify_password(hashed, "a long enough passphrase")
    assert not verify_password(hashed, "wrong") and not verify_password(None, "anything")


def test_access_tokens_are_short_lived_and_typed():
    import jwt
    from verzek.accounts.tokens import decode_access_token, issue_access_token

    settings = Settings(JWT_SECRET="s" * 64, ACCESS_TOKEN_TTL_SECONDS=60)
    token, ttl = issue_access_token(7, "6f1c1a51-3b43-4b0e-9c8a-3a4f5f3b2a10", "user", settings=settings)
    assert ttl == 60 and decode_access_token(token, settings=settings).user_id == 7
    expired, _ = issue_access_token(7, "6f1c1a51-3b43-4b0e-9c8a-3a4f5f3b2a10", "user", settings=settings,
                                    now=time.time() - 120)
    refresh_like = jwt.encode({"sub": "7", "sid": "6f1c1a51-3b43-4b0e-9c8a-3a4f5f3b2a10", "typ": "refresh",
                               "iss": "verzek", "iat": int(time.time()), "exp": int(time.time()) + 60},
                              "s" * 64, algorithm="HS256")
    for bad in (expired, refresh_like, token + "x"):
        with pytest.raises(Unauthorized):
            decode_access_token(bad, settings=settings)
