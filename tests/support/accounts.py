"""Test helper: a stored exchange account, encrypted the way the product stores one (bound to its row)."""

from __future__ import annotations


def insert_exchange_account(cur, user_id: int, exchange: str, label: str, api_key: str, secret: str,
                            password: str | None = None, *, key_last4: str | None = None) -> int:
    from verzek.security.keystore import encrypt_credentials, next_exchange_account_id

    account_id = next_exchange_account_id(cur)
    enc = encrypt_credentials(api_key, secret, password, user_id=user_id, exchange_account_id=account_id)
    cur.execute("INSERT INTO exchange_accounts (id, user_id, exchange, label, api_key_enc, api_secret_enc, "
                "passphrase_enc, key_id, encrypted_data_key, enc_scheme, key_last4) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (account_id, user_id, exchange, label, enc.api_key_enc, enc.api_secret_enc, enc.passphrase_enc,
                 enc.key_id, enc.encrypted_data_key, enc.scheme, key_last4 or api_key[-4:]))
    return account_id
