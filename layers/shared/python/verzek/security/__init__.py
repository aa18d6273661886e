"""Encryption at rest for money-moving secrets (exchange API keys, TOTP secrets).

`verzek.security.keyring`: master keys (Fernet/MultiFernet with key ids) and optional AWS KMS
envelope encryption. `verzek.security.keystore`: the exchange-credential rows: encrypt on add,
`load_credentials` for the execution engine, and key rotation.
"""
