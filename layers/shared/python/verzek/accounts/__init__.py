"""User accounts and everything a user owns, as the API serves it.

`auth` (register, verify, login with rate limits and TOTP, refresh rotation, password change and
reset), `passwords` (argon2), `tokens` (JWT access tokens, hashed refresh/email tokens), `email`
(SES or the local outbox), `audit`, `exchange_accounts` (encrypted keys, validation port),
`trading_settings`, `feed` (signals with the TRIAL policy), `positions`, `devices` (push tokens).
Every function takes an open connection: the caller owns the transaction.
"""
