"""Master keys and envelope encryption.

* Local / default provider: Fernet master keys from `VERZEK_MASTER_KEY` (comma-separated, newest
  first) or the Secrets Manager secret named by `MASTER_KEY_SECRET_ARN`. Each key has a stable id
  derived from its material (`mk-<12 hex>`), stored next to every ciphertext so a row is decrypted
  with exactly the key that wrote it and rotation can find the rows still on an old key.
* Cloud provider (optional, `KMS_KEY_ID`): a fresh 256-bit data key per row from KMS
  `GenerateDataKey`; the row keeps the KMS-encrypted data key and the key id `kms:<KMS key id>`.
  The encryption context binds the data key to its purpose and owner, so a ciphertext copied to
  another user's row does not decrypt.

Errors never contain plaintext, ciphertext or key material.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from verzek.config import Settings, get_settings, load_secret

KMS_PREFIX = "kms:"
_TAG_SEPARATOR = "$"


class KeyringError(RuntimeError):
    """The key configuration is missing or invalid (an operator problem, not a user one)."""


class DecryptionError(RuntimeError):
    """A ciphertext could not be decrypted: tampered, truncated, or its key is no longer configured."""


def master_key_id(key: bytes | str) -> str:
    raw = key.encode("ascii") if isinstance(key, str) else key
    return "mk-" + hashlib.sha256(raw).hexdigest()[:12]


def generate_master_key() -> str:
    return Fernet.generate_key().decode("ascii")


class MasterKeyring:
    """Fernet master keys, newest first: encrypts with the newest, decrypts with the one named."""

    def __init__(self, keys: list[str]):
        cleaned = [k.strip() for k in keys if k and k.strip()]
        if not cleaned:
            raise KeyringError("no master key configured: set VERZEK_MASTER_KEY (create one with "
                               "`verzek keys generate`) or MASTER_KEY_SECRET_ARN")
        self._fernets: dict[str, Fernet] = {}
        self._raw: dict[str, bytes] = {}
        ordered: list[Fernet] = []
        for position, key in enumerate(cleaned, start=1):
            try:
                fernet = Fernet(key.encode("ascii"))
            except (ValueError, UnicodeEncodeError):
                raise KeyringError(f"master key #{position} is not a valid Fernet key "
                                   "(32 url-safe base64-encoded bytes)") from None
            self._fernets.setdefault(master_key_id(key), fernet)
            self._raw.setdefault(master_key_id(key), base64.urlsafe_b64decode(key.encode("ascii")))
            ordered.append(fernet)
        self.current_id = master_key_id(cleaned[0])
        self._multi = MultiFernet(ordered)

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(self._fernets)

    def encrypt(self, plaintext: bytes) -> tuple[str, str]:
        """(key id, Fernet token) under the newest key."""
        return self.current_id, self._fernets[self.current_id].encrypt(plaintext).decode("ascii")

    def decrypt(self, key_id: str, token: str) -> bytes:
        fernet = self._fernets.get(key_id)
        if fernet is None:
            raise DecryptionError(f"ciphertext was written with master key {key_id!r}, which is not configured")
        try:
            return fernet.decrypt(token.encode("ascii"))
        except (InvalidToken, UnicodeEncodeError, AttributeError):
            raise DecryptionError("ciphertext failed authentication (tampered or corrupted)") from None

    def _bound(self, key_id: str, context: bytes) -> Fernet:
        raw = self._raw.get(key_id)
        if raw is None:
            raise DecryptionError(f"ciphertext was written with master key {key_id!r}, which is not configured")
        return bound_fernet(raw, context)

    def encrypt_bound(self, plaintext: bytes, context: bytes) -> tuple[str, str]:
        """(key id, token) under a key derived from the newest master key and `context`: the token
        opens only with the same context (owner, row, field), so a copied ciphertext is useless."""
        return self.current_id, self._bound(self.current_id, context).encrypt(plaintext).decode("ascii")

    def decrypt_bound(self, key_id: str, token: str, context: bytes) -> bytes:
        try:
            return self._bound(key_id, context).decrypt(token.encode("ascii"))
        except (InvalidToken, UnicodeEncodeError, AttributeError):
            raise DecryptionError("ciphertext failed authentication (tampered, corrupted or not this row's)") from None

    def encrypt_tagged(self, plaintext: str) -> str:
        """One self-describing string `<key id>$<token>` for single-column secrets (TOTP)."""
        key_id, token = self.encrypt(plaintext.encode("utf-8"))
        return f"{key_id}{_TAG_SEPARATOR}{token}"

    def decrypt_tagged(self, value: str) -> str:
        key_id, sep, token = (value or "").partition(_TAG_SEPARATOR)
        if not sep:
            raise DecryptionError("ciphertext has no key id")
        return self.decrypt(key_id, token).decode("utf-8")

    @staticmethod
    def tag_of(value: str) -> str:
        return (value or "").partition(_TAG_SEPARATOR)[0]


def bound_fernet(key_material: bytes, context: bytes) -> Fernet:
    """A Fernet whose key is HKDF-SHA256(key material, info=context): one key per (owner, row, field)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"verzek-bound-v2|" + context).derive(key_material)
    return Fernet(base64.urlsafe_b64encode(derived))


_secret_cache: dict[str, str] = {}
_cache_lock = threading.Lock()


def master_keyring(settings: Settings | None = None) -> MasterKeyring:
    """The configured master keyring (environment first, else Secrets Manager, read once per container)."""
    settings = settings or get_settings()
    raw = settings.master_key.get_secret_value() if settings.master_key is not None else ""
    if not raw.strip() and settings.master_key_secret_arn:
        arn = settings.master_key_secret_arn
        with _cache_lock:
            if arn not in _secret_cache:
                _secret_cache[arn] = load_secret(arn, region=settings.aws_region)
            raw = _secret_cache[arn]
    return MasterKeyring(raw.split(","))


@dataclass(frozen=True)
class DataKey:
    """A per-row data key: the Fernet to use now and the KMS-wrapped copy to store."""

    fernet: Fernet
    encrypted_data_key: str  # base64 of the KMS CiphertextBlob
    key_id: str               # "kms:<KMS key id>"
    material: bytes = b""     # the plaintext data key (never stored; for per-field derivation)

    def __repr__(self) -> str:
        return f"DataKey(key_id={self.key_id!r})"


class KmsEnvelope:
    """Envelope encryption with AWS KMS: one data key per row, wrapped by the KMS key."""

    def __init__(self, kms_key_id: str, client=None, settings: Settings | None = None):
        if not kms_key_id:
            raise KeyringError("KMS key id is empty")
        self.kms_key_id = kms_key_id
        self._client = client
        self._settings = settings or get_settings()

    @property
    def client(self):
        if self._client is None:
            import boto3  # lazily: only the cloud path needs it

            self._client = boto3.client("kms", region_name=self._settings.aws_region,
                                        endpoint_url=self._settings.aws_endpoint_url)
        return self._client

    @property
    def key_id(self) -> str:
        return KMS_PREFIX + self.kms_key_id

    def new_data_key(self, context: dict[str, str]) -> DataKey:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer = self.client.generate_data_key(KeyId=self.kms_key_id, KeySpec="AES_256",
                                                   EncryptionContext=context)
        except (BotoCoreError, ClientError) as exc:  # report the kind, never the request
            raise KeyringError(f"KMS GenerateDataKey failed ({type(exc).__name__})") from None
        fernet = Fernet(base64.urlsafe_b64encode(answer["Plaintext"]))
        return DataKey(fernet, base64.b64encode(answer["CiphertextBlob"]).decode("ascii"), self.key_id,
                       answer["Plaintext"])

    def open_data_key(self, encrypted_data_key: str, context: dict[str, str]) -> Fernet:
        try:
            blob = base64.b64decode(encrypted_data_key, validate=True)
        except (ValueError, TypeError):
            raise DecryptionError("stored data key is not valid base64") from None
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer = self.client.decrypt(CiphertextBlob=blob, EncryptionContext=context, KeyId=self.kms_key_id)
        except (BotoCoreError, ClientError) as exc:
            code = getattr(exc, "response", {}).get("Error", {}).get("Code", "")
            if code in {"InvalidCiphertextException", "IncorrectKeyException"}:
                raise DecryptionError("stored data key failed KMS authentication (tampered or wrong owner)") from None
            raise KeyringError(f"KMS Decrypt failed ({type(exc).__name__} {code})".strip()) from None
        return Fernet(base64.urlsafe_b64encode(answer["Plaintext"]))

    def open_data_key_material(self, encrypted_data_key: str, context: dict[str, str]) -> bytes:
        """The data key's bytes (for per-field derivation, `bound_fernet`)."""
        fernet = self.open_data_key(encrypted_data_key, context)
        return fernet._signing_key + fernet._encryption_key


def kms_envelope(settings: Settings | None = None) -> KmsEnvelope | None:
    """The KMS provider when `KMS_KEY_ID` is configured, else None (master keys only)."""
    settings = settings or get_settings()
    if not settings.kms_key_id:
        return None
    return KmsEnvelope(settings.kms_key_id, settings=settings)
