"""Exchange credentials at rest: encrypt on add, decrypt only inside the call that needs them.

Contract for the execution engine::

    from verzek.security.keystore import load_credentials
    with connection() as conn:
        creds = load_credentials(conn, exchange_account_id)   # ExchangeCredentials
        client = create_ccxt_client(creds.exchange, api_key=creds.api_key, secret=creds.secret,
                                    password=creds.password, testnet=creds.testnet)

`ExchangeCredentials` is frozen and its repr/str never shows the values. Each row names the key
that encrypted it (`key_id`): a master key id (`mk-...`) or `kms:<KMS key id>` with a per-row
data key (`encrypted_data_key`). `rotate_all` re-encrypts every row (and every TOTP secret) with
the current provider: the newest master key, or KMS when `KMS_KEY_ID` is set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.fernet import Fernet, InvalidToken

from verzek.config import Settings, get_settings
from verzek.security.keyring import (
    KMS_PREFIX,
    DecryptionError,
    KeyringError,
    KmsEnvelope,
    MasterKeyring,
    bound_fernet,
    kms_envelope,
    master_keyring,
)

__all__ = [
    "CredentialsNotFound",
    "DecryptionError",
    "EncryptedCredentials",
    "ExchangeCredentials",
    "KeyringError",
    "RotationReport",
    "decrypt_credentials",
    "encrypt_credentials",
    "load_credentials",
    "next_exchange_account_id",
    "rotate_all",
]


class CredentialsNotFound(LookupError):
    """No exchange account with that id."""


@dataclass(frozen=True)
class ExchangeCredentials:
    """Decrypted API credentials of one exchange account. The repr hides every secret."""

    api_key: str = field(repr=False)
    secret: str = field(repr=False)
    password: str | None = field(default=None, repr=False)
    exchange: str = ""
    testnet: bool = False
    exchange_account_id: int | None = None
    user_id: int | None = None
    enabled: bool = True

    def __str__(self) -> str:
        return self.__repr__()

    def __reduce__(self):  # refuse to be pickled into a queue, a cache or a log by accident
        raise TypeError("ExchangeCredentials must not be serialised")


@dataclass(frozen=True)
class EncryptedCredentials:
    api_key_enc: str
    api_secret_enc: str
    passphrase_enc: str | None
    key_id: str
    encrypted_data_key: str | None
    scheme: int = 2  # 1: legacy (not bound to its row); 2: bound to (user, account, field)


# Scheme 2 binds every ciphertext to (user, exchange account, field): the key that opens it is derived
# (HKDF) from the master key / KMS data key and that context, so a ciphertext copied into another
# user's or account's row, or into another column, does not decrypt. Scheme 1 rows (written before)
# still decrypt; `verzek keys rotate` rewrites them as scheme 2.
CURRENT_SCHEME = 2
_FIELDS = ("api_key", "api_secret", "passphrase")


def _field_context(user_id: int, account_id: int, field_name: str) -> bytes:
    return f"exchange-credentials|user={user_id}|account={account_id}|field={field_name}".encode()


def _kms_context(user_id: int, account_id: int | None = None) -> dict[str, str]:
    # Binds the data key to its purpose and owner (and, scheme 2, its row) inside KMS too.
    context = {"purpose": "verzek-exchange-credentials", "user_id": str(user_id)}
    if account_id is not None:
        context["exchange_account_id"] = str(account_id)
    return context


def next_exchange_account_id(cur) -> int:
    """Reserve the id of a new exchange_accounts row (its ciphertexts are bound to it before the INSERT)."""
    cur.execute("SELECT nextval(pg_get_serial_sequence('exchange_accounts', 'id')) AS id")
    return int(cur.fetchone()["id"])


def encrypt_credentials(api_key: str, secret: str, password: str | None, *, user_id: int, exchange_account_id: int,
                        settings: Settings | None = None, keyring: MasterKeyring | None = None,
                        kms: KmsEnvelope | None = None) -> EncryptedCredentials:
    """Encrypt with the current provider (KMS data key per row when configured, else the newest master
    key), each field under a key bound to (user, account, field)."""
    settings = settings or get_settings()
    kms = kms if kms is not None else kms_envelope(settings)
    values = dict(zip(_FIELDS, (api_key, secret, password), strict=True))
    if kms is not None:
        data_key = kms.new_data_key(_kms_context(user_id, exchange_account_id))

        def seal(name: str, value: str) -> str:
            fernet = bound_fernet(data_key.material, _field_context(user_id, exchange_account_id, name))
            return fernet.encrypt(value.encode()).decode()
        key_id, encrypted_data_key = data_key.key_id, data_key.encrypted_data_key
    else:
        ring = keyring or master_keyring(settings)

        def seal(name: str, value: str) -> str:
            return ring.encrypt_bound(value.encode(), _field_context(user_id, exchange_account_id, name))[1]
        key_id, encrypted_data_key = ring.current_id, None
    sealed = {name: seal(name, value) if value else None for name, value in values.items()}
    return EncryptedCredentials(sealed["api_key"], sealed["api_secret"], sealed["passphrase"], key_id,
                                encrypted_data_key, CURRENT_SCHEME)


def _decrypt_row_fields(row: dict, *, settings: Settings, keyring: MasterKeyring | None,
                        kms: KmsEnvelope | None) -> tuple[str, str, str | None]:
    if int(row.get("enc_scheme") or 1) >= 2:
        return _decrypt_bound_fields(row, settings=settings, keyring=keyring, kms=kms)
    if not settings.keys_accept_unbound:
        # After the migration a scheme-1 row can only be a downgrade: an unbound ciphertext (e.g. from a
        # backup) copied into someone else's row with its scheme set back.
        raise DecryptionError("row is not bound to its owner (scheme 1) and KEYS_ACCEPT_UNBOUND is off; "
                              "run `verzek keys rotate` with it on first")
    key_id = row["key_id"]
    if key_id.startswith(KMS_PREFIX):
        if not row.get("encrypted_data_key"):
            raise DecryptionError("row is marked as KMS-encrypted but has no data key")
        envelope = kms if kms is not None and kms.key_id == key_id else KmsEnvelope(
            key_id[len(KMS_PREFIX):], settings=settings)
        fernet = envelope.open_data_key(row["encrypted_data_key"], _kms_context(row["user_id"]))

        def open_(token: str) -> str:
            try:
                return fernet.decrypt(token.encode("ascii")).decode("utf-8")
            except (InvalidToken, UnicodeError, AttributeError):
                raise DecryptionError("ciphertext failed authentication (tampered or corrupted)") from None
    else:
        ring = keyring or master_keyring(settings)

        def open_(token: str) -> str:
            try:
                return ring.decrypt(key_id, token).decode("utf-8")
            except UnicodeError:
                raise DecryptionError("ciphertext did not decode to text") from None

    api_key = open_(row["api_key_enc"])
    secret = open_(row["api_secret_enc"])
    password = open_(row["passphrase_enc"]) if row.get("passphrase_enc") else None
    return api_key, secret, password


def _decrypt_bound_fields(row: dict, *, settings: Settings, keyring: MasterKeyring | None,
                          kms: KmsEnvelope | None) -> tuple[str, str, str | None]:
    key_id, user_id, account_id = row["key_id"], row["user_id"], row["id"]
    if key_id.startswith(KMS_PREFIX):
        if not row.get("encrypted_data_key"):
            raise DecryptionError("row is marked as KMS-encrypted but has no data key")
        envelope = kms if kms is not None and kms.key_id == key_id else KmsEnvelope(
            key_id[len(KMS_PREFIX):], settings=settings)
        material = envelope.open_data_key_material(row["encrypted_data_key"], _kms_context(user_id, account_id))

        def open_(name: str, token: str) -> str:
            try:
                fernet = bound_fernet(material, _field_context(user_id, account_id, name))
                return fernet.decrypt(token.encode("ascii")).decode("utf-8")
            except (InvalidToken, UnicodeError, AttributeError):
                raise DecryptionError("ciphertext failed authentication (tampered, corrupted or not this "
                                      "row's)") from None
    else:
        ring = keyring or master_keyring(settings)

        def open_(name: str, token: str) -> str:
            try:
                return ring.decrypt_bound(key_id, token, _field_context(user_id, account_id, name)).decode("utf-8")
            except UnicodeError:
                raise DecryptionError("ciphertext did not decode to text") from None

    api_key = open_("api_key", row["api_key_enc"])
    secret = open_("api_secret", row["api_secret_enc"])
    password = open_("passphrase", row["passphrase_enc"]) if row.get("passphrase_enc") else None
    return api_key, secret, password


def decrypt_credentials(row: dict, *, settings: Settings | None = None, keyring: MasterKeyring | None = None,
                        kms: KmsEnvelope | None = None) -> ExchangeCredentials:
    """Decrypt one `exchange_accounts` row (a dict with its columns)."""
    settings = settings or get_settings()
    api_key, secret, password = _decrypt_row_fields(row, settings=settings, keyring=keyring, kms=kms)
    return ExchangeCredentials(api_key=api_key, secret=secret, password=password, exchange=row["exchange"],
                               testnet=bool(row["testnet"]), exchange_account_id=row["id"], user_id=row["user_id"],
                               enabled=bool(row["enabled"]))


_ROW_COLUMNS = ("id, user_id, exchange, testnet, enabled, api_key_enc, api_secret_enc, passphrase_enc, key_id, "
                "encrypted_data_key, enc_scheme")


def load_credentials(conn, exchange_account_id: int, *, settings: Settings | None = None) -> ExchangeCredentials:
    """Decrypted credentials of one exchange account, for the duration of the caller's use.

    Raises CredentialsNotFound (no such account), DecryptionError (tampered / key not configured) or
    KeyringError (no master key / KMS unavailable). Disabled accounts are returned with
    `enabled=False`: the caller decides (the execution engine must not trade on them).
    """
    with conn.cursor() as cur:
        cur.execute(f"SELECT {_ROW_COLUMNS} FROM exchange_accounts WHERE id = %s", (exchange_account_id,))
        row = cur.fetchone()
    if row is None:
        raise CredentialsNotFound(f"exchange account {exchange_account_id} not found")
    return decrypt_credentials(dict(row), settings=settings)


@dataclass
class RotationReport:
    target_key_id: str
    accounts_reencrypted: int = 0
    accounts_already_current: int = 0
    totp_reencrypted: int = 0
    totp_already_current: int = 0
    failures: list[str] = field(default_factory=list)  # "exchange_account 12: <reason>", no secrets


def rotate_all(conn, *, settings: Settings | None = None) -> RotationReport:
    """Re-encrypt every exchange-account row and TOTP secret with the current key, in the caller's transaction.

    Rows already under the current key are left alone (idempotent). A row that cannot be decrypted
    is reported, not changed, and does not stop the others; the caller commits.
    """
    settings = settings or get_settings()
    keyring = master_keyring(settings)
    kms = kms_envelope(settings)
    target = kms.key_id if kms is not None else keyring.current_id
    report = RotationReport(target_key_id=target)
    with conn.cursor() as cur:
        cur.execute(f"SELECT {_ROW_COLUMNS} FROM exchange_accounts ORDER BY id FOR UPDATE")
        rows = [dict(r) for r in cur.fetchall()]
        for row in rows:
            if row["key_id"] == target and row["enc_scheme"] == CURRENT_SCHEME:
                report.accounts_already_current += 1
                continue
            try:
                api_key, secret, password = _decrypt_row_fields(row, settings=settings, keyring=keyring, kms=None)
                fresh = encrypt_credentials(api_key, secret, password, user_id=row["user_id"],
                                            exchange_account_id=row["id"], settings=settings, keyring=keyring, kms=kms)
            except (DecryptionError, KeyringError) as exc:
                report.failures.append(f"exchange_account {row['id']}: {exc}")
                continue
            cur.execute("UPDATE exchange_accounts SET api_key_enc = %s, api_secret_enc = %s, passphrase_enc = %s, "
                        "key_id = %s, encrypted_data_key = %s, enc_scheme = %s, updated_at = now() WHERE id = %s",
                        (fresh.api_key_enc, fresh.api_secret_enc, fresh.passphrase_enc, fresh.key_id,
                         fresh.encrypted_data_key, fresh.scheme, row["id"]))
            report.accounts_reencrypted += 1
        # TOTP secrets always use the master keyring (a single column, no data-key slot).
        cur.execute("SELECT id, totp_secret_enc FROM users WHERE totp_secret_enc IS NOT NULL ORDER BY id FOR UPDATE")
        for user in cur.fetchall():
            if MasterKeyring.tag_of(user["totp_secret_enc"]) == keyring.current_id:
                report.totp_already_current += 1
                continue
            try:
                plaintext = keyring.decrypt_tagged(user["totp_secret_enc"])
            except DecryptionError as exc:
                report.failures.append(f"user {user['id']} totp: {exc}")
                continue
            cur.execute("UPDATE users SET totp_secret_enc = %s, updated_at = now() WHERE id = %s",
                        (keyring.encrypt_tagged(plaintext), user["id"]))
            report.totp_reencrypted += 1
    return report


def fernet_is_valid_key(value: str) -> bool:
    try:
        Fernet(value.encode("ascii"))
        return True
    except (ValueError, UnicodeEncodeError):
        return False
