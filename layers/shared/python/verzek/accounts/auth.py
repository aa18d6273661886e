"""Sign-up, email verification, login (rate-limited, optional TOTP), refresh rotation, logout,
password change and reset.

Rules that matter:
* Responses never reveal whether an email is registered: register and forgot-password answer the
  same either way, and login costs one argon2 verification whether or not the user exists.
* Failed logins are counted in PostgreSQL per account (normalised email) and per client IP, so
  the limits hold across Lambda containers. Checks that must persist even though the request
  fails return the error instead of raising it, so the caller's transaction commits the record.
* Refresh tokens rotate on every use; presenting an already-rotated token revokes its whole
  session family (token theft). Logout revokes the family; a password change revokes every family.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp

from verzek.accounts import audit, throttle
from verzek.accounts.email import forget_outbox_token, send_email
from verzek.accounts.errors import Invalid, ServiceError, Unauthorized
from verzek.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from verzek.accounts.tokens import hash_token, issue_access_token, new_opaque_token
from verzek.config import Settings, get_settings
from verzek.security.keyring import master_keyring

TOTP_REQUIRED_HEADER = "X-Verzek-TOTP-Required"
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (0/o, 1/l/i)
RESET_EMAILS_PER_HOUR = 3


def normalize_email(email: str) -> str:
    return email.strip().lower()


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"

    def __repr__(self) -> str:
        return f"TokenPair(expires_in={self.expires_in})"


def _utcnow() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- email tokens

def _issue_email_token(cur, user_id: int, purpose: str, settings: Settings) -> str:
    # A new link supersedes older unused ones of the same purpose.
    cur.execute("UPDATE email_tokens SET used_at = now() WHERE user_id = %s AND purpose = %s AND used_at IS NULL",
                (user_id, purpose))
    token = new_opaque_token("ev" if purpose == "verify_email" else "pr")
    cur.execute("INSERT INTO email_tokens (user_id, purpose, token_hash, expires_at) VALUES (%s, %s, %s, %s)",
                (user_id, purpose, hash_token(token),
                 _utcnow() + timedelta(hours=settings.email_token_ttl_hours)))
    return token


def _consume_email_token(cur, token: str, purpose: str) -> int | None:
    """Atomically mark a valid, unused, unexpired token used; return its user id."""
    cur.execute("UPDATE email_tokens SET used_at = now() WHERE token_hash = %s AND purpose = %s "
                "AND used_at IS NULL AND expires_at > now() RETURNING user_id", (hash_token(token), purpose))
    row = cur.fetchone()
    if row is not None:
        forget_outbox_token(cur, row["user_id"], token)
    return row["user_id"] if row else None


def _send_verification(conn, cur, user_id: int, email: str, settings: Settings) -> None:
    token = _issue_email_token(cur, user_id, "verify_email", settings)
    send_email(conn, to=email, kind="verify_email", user_id=user_id, settings=settings,
               subject="Verify your Verzek AutoTrader email",
               body=("Welcome to Verzek AutoTrader.\n\nConfirm your email address with this code in the app:\n\n"
                     f"{token}\n\nor open {settings.public_base_url.rstrip('/')}/verify-email?token={token}\n\n"
                     f"The link expires in {settings.email_token_ttl_hours} hours. "
                     "If you did not sign up, ignore this message."))


# --------------------------------------------------------------------------- registration

def register(conn, email: str, password: str, *, ip: str | None = None, settings: Settings | None = None) -> None:
    """Create the account and send a verification email. Same outcome whether or not the email exists."""
    settings = settings or get_settings()
    email = normalize_email(email)
    problem = password_problem(password, email)
    if problem:
        raise Invalid(problem)
    password_hash = hash_password(password)  # always hashed: equal cost for new and existing emails
    with conn.cursor() as cur:
        limited = throttle.allow_event(cur, "register", ip or "unknown", limit=settings.register_max_per_ip_per_hour,
                                       window_seconds=3600)
        if limited is not None:
            raise limited
        cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s) ON CONFLICT (email) DO NOTHING "
                    "RETURNING id", (email, password_hash))
        row = cur.fetchone()
        if row is None:
            cur.execute("SELECT id, email_verified_at FROM users WHERE email = %s", (email,))
            existing = cur.fetchone()
            # Tell the owner, not the requester, and only once a day: repeated sign-ups with someone
            # else's address must not turn into a mail bomb.
            if throttle.allow_event(cur, "register_existing_mail", email, limit=1, window_seconds=86400) is not None:
                audit.record(conn, "user.register_existing", user_id=existing["id"], ip=ip, mailed=False)
                return
            send_email(conn, to=email, kind="register_existing", user_id=existing["id"], settings=settings,
                       subject="Someone tried to sign up with your email",
                       body=("A sign-up was attempted with this email address, which already has a Verzek "
                             "AutoTrader account. If it was you, log in or reset your password in the app. "
                             "If not, you can ignore this message."))
            audit.record(conn, "user.register_existing", user_id=existing["id"], ip=ip)
            return
        user_id = row["id"]
        cur.execute("INSERT INTO trading_settings (user_id) VALUES (%s) ON CONFLICT DO NOTHING", (user_id,))
        _send_verification(conn, cur, user_id, email, settings)
    audit.record(conn, "user.registered", user_id=user_id, ip=ip)


def resend_verification(conn, email: str, *, settings: Settings | None = None) -> None:
    settings = settings or get_settings()
    email = normalize_email(email)
    with conn.cursor() as cur:
        cur.execute("SELECT id, email_verified_at FROM users WHERE email = %s", (email,))
        user = cur.fetchone()
        if user is None or user["email_verified_at"] is not None:
            return
        if _recent_email_count(cur, user["id"], "verify_email") >= RESET_EMAILS_PER_HOUR:
            return
        _send_verification(conn, cur, user["id"], email, settings)


def verify_email(conn, token: str, *, ip: str | None = None) -> int:
    with conn.cursor() as cur:
        user_id = _consume_email_token(cur, token, "verify_email")
        if user_id is None:
            raise Invalid("invalid or expired verification token")
        cur.execute("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() "
                    "WHERE id = %s", (user_id,))
    audit.record(conn, "user.email_verified", user_id=user_id, ip=ip)
    return user_id


def _recent_email_count(cur, user_id: int, purpose: str) -> int:
    cur.execute("SELECT count(*) AS n FROM email_tokens WHERE user_id = %s AND purpose = %s "
                "AND created_at > now() - interval '1 hour'", (user_id, purpose))
    return cur.fetchone()["n"]


# --------------------------------------------------------------------------- sessions

def _open_session(cur, user_id: int, role: str, settings: Settings, family_id: str | None = None) -> TokenPair:
    family_id = family_id or str(uuid.uuid4())
    refresh = new_opaque_token("rt")
    cur.execute("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES (%s, %s, %s, %s) "
                "RETURNING id", (user_id, family_id, hash_token(refresh),
                                 _utcnow() + timedelta(days=settings.refresh_token_ttl_days)))
    access, ttl = issue_access_token(user_id, family_id, role, settings=settings)
    return TokenPair(access_token=access, refresh_token=refresh, expires_in=ttl)


def _revoke_all_sessions(cur, user_id: int) -> None:
    cur.execute("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = %s AND revoked_at IS NULL", (user_id,))


def _reserve_guess(conn, email: str, ip: str | None, settings: Settings, kind: str):
    """Reserve one password/second-factor guess and commit it before the secret is checked, so
    concurrent guesses count each other (see verzek.accounts.throttle)."""
    with conn.cursor() as cur:
        reserved = throttle.reserve(cur, email, ip or "unknown", settings, kind=kind)
    if isinstance(reserved, ServiceError):
        audit.record(conn, f"{kind}.rate_limited", ip=ip, email=email)
        conn.commit()
        return reserved
    conn.commit()
    return reserved


def login(conn, email: str, password: str, *, ip: str, totp_code: str | None = None,
          recovery_code: str | None = None, settings: Settings | None = None) -> TokenPair | ServiceError:
    """Tokens, or the error to answer with (returned so the attempt record commits)."""
    settings = settings or get_settings()
    email = normalize_email(email)
    reserved = _reserve_guess(conn, email, ip, settings, "login")
    if isinstance(reserved, ServiceError):
        return reserved
    with conn.cursor() as cur:
        cur.execute("SELECT id, password_hash, role, totp_enabled, totp_secret_enc, totp_last_step "
                    "FROM users WHERE email = %s", (email,))
        user = cur.fetchone()
        if not verify_password(user["password_hash"] if user else None, password) or user is None:
            throttle.settle(cur, reserved, email, succeeded=False)
            audit.record(conn, "login.failed", user_id=user["id"] if user else None, ip=ip, reason="password")
            return Unauthorized("invalid email or password")
        if user["totp_enabled"]:
            if not totp_code and not recovery_code:
                # The right password, the code still to come: neither a failure nor a success.
                cur.execute("DELETE FROM login_attempts WHERE id = %s", (reserved.attempt_id,))
                return Unauthorized("two-factor code required", headers={TOTP_REQUIRED_HEADER: "1"})
            second_factor_ok = (_check_totp(cur, user, totp_code) if totp_code
                                else _use_recovery_code(cur, user["id"], recovery_code))
            if not second_factor_ok:
                throttle.settle(cur, reserved, email, succeeded=False)
                audit.record(conn, "login.failed", user_id=user["id"], ip=ip, reason="second_factor")
                return Unauthorized("invalid two-factor code", headers={TOTP_REQUIRED_HEADER: "1"})
            if recovery_code and not totp_code:
                audit.record(conn, "totp.recovery_code_used", user_id=user["id"], ip=ip)
        throttle.settle(cur, reserved, email, succeeded=True)
        if needs_rehash(user["password_hash"]):
            cur.execute("UPDATE users SET password_hash = %s WHERE id = %s", (hash_password(password), user["id"]))
        pair = _open_session(cur, user["id"], user["role"], settings)
    audit.record(conn, "login.succeeded", user_id=user["id"], ip=ip)
    return pair


def refresh(conn, refresh_token: str, *, ip: str | None = None,
            settings: Settings | None = None) -> TokenPair | ServiceError:
    settings = settings or get_settings()
    with conn.cursor() as cur:
        limited = throttle.allow_event(cur, "refresh", ip or "unknown", limit=settings.refresh_max_per_ip_per_minute,
                                       window_seconds=60)
        if limited is not None:
            return limited
        cur.execute("SELECT t.id, t.user_id, t.family_id, t.expires_at, t.revoked_at, t.replaced_by, u.role "
                    "FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = %s "
                    "FOR UPDATE OF t", (hash_token(refresh_token),))
        row = cur.fetchone()
        if row is None:
            return Unauthorized("invalid refresh token")
        if row["revoked_at"] is not None:
            if row["replaced_by"] is not None:
                # A rotated token came back: someone else holds the session. End it everywhere it lives.
                cur.execute("UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = %s",
                            (row["family_id"],))
                audit.record(conn, "session.refresh_reuse_detected", user_id=row["user_id"], ip=ip,
                             session=str(row["family_id"]))
            return Unauthorized("refresh token revoked; log in again")
        if row["expires_at"] <= _utcnow():
            return Unauthorized("refresh token expired; log in again")
        pair = _open_session(cur, row["user_id"], row["role"], settings, family_id=str(row["family_id"]))
        cur.execute("UPDATE refresh_tokens SET revoked_at = now(), replaced_by = "
                    "(SELECT id FROM refresh_tokens WHERE token_hash = %s) WHERE id = %s",
                    (hash_token(pair.refresh_token), row["id"]))
    return pair


def logout(conn, user_id: int, session_id: str, *, everywhere: bool = False, ip: str | None = None) -> None:
    with conn.cursor() as cur:
        if everywhere:
            _revoke_all_sessions(cur, user_id)
        else:
            cur.execute("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = %s AND family_id = %s "
                        "AND revoked_at IS NULL", (user_id, session_id))
    audit.record(conn, "logout", user_id=user_id, ip=ip, everywhere=everywhere)


def change_password(conn, user_id: int, current_password: str, new_password: str, *, ip: str | None = None,
                    settings: Settings | None = None) -> TokenPair:
    """Change the password, end every session, and open a fresh one for the caller."""
    settings = settings or get_settings()
    email = _user_email(conn, user_id)
    problem = password_problem(new_password, email)
    if problem:
        raise Invalid(problem)
    # A wrong current password is a password guess: counted with the login failures.
    reserved = _reserve_guess(conn, email, ip, settings, "password_change")
    if isinstance(reserved, ServiceError):
        raise reserved
    with conn.cursor() as cur:
        cur.execute("SELECT email, password_hash, role FROM users WHERE id = %s FOR UPDATE", (user_id,))
        user = cur.fetchone()
        if user is None or not verify_password(user["password_hash"], current_password):
            raise Invalid("current password is incorrect")  # the reserved attempt stays a failure
        throttle.settle(cur, reserved, email, succeeded=True)
        cur.execute("UPDATE users SET password_hash = %s, password_changed_at = now(), updated_at = now() "
                    "WHERE id = %s", (hash_password(new_password), user_id))
        _revoke_all_sessions(cur, user_id)
        pair = _open_session(cur, user_id, user["role"], settings)
    audit.record(conn, "password.changed", user_id=user_id, ip=ip)
    return pair


def request_password_reset(conn, email: str, *, ip: str | None = None, settings: Settings | None = None) -> None:
    settings = settings or get_settings()
    email = normalize_email(email)
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM users WHERE email = %s", (email,))
        user = cur.fetchone()
        if user is None or _recent_email_count(cur, user["id"], "reset_password") >= RESET_EMAILS_PER_HOUR:
            return
        token = _issue_email_token(cur, user["id"], "reset_password", settings)
        send_email(conn, to=email, kind="reset_password", user_id=user["id"], settings=settings,
                   subject="Reset your Verzek AutoTrader password",
                   body=("A password reset was requested for your account. Use this code in the app:\n\n"
                         f"{token}\n\nor open {settings.public_base_url.rstrip('/')}/reset-password?token={token}\n\n"
                         f"It expires in {settings.email_token_ttl_hours} hours and works once. "
                         "If you did not ask for it, ignore this message: your password is unchanged."))
    audit.record(conn, "password.reset_requested", user_id=user["id"], ip=ip)


def reset_password(conn, token: str, new_password: str, *, ip: str | None = None) -> None:
    with conn.cursor() as cur:
        user_id = _consume_email_token(cur, token, "reset_password")
        if user_id is None:
            raise Invalid("invalid or expired reset token")
        cur.execute("SELECT email FROM users WHERE id = %s", (user_id,))
        problem = password_problem(new_password, cur.fetchone()["email"])
        if problem:
            raise Invalid(problem)  # rolls back: the token stays usable with a better password
        # Reading the reset mail proves the address, so it also counts as verification.
        cur.execute("UPDATE users SET password_hash = %s, password_changed_at = now(), updated_at = now(), "
                    "email_verified_at = coalesce(email_verified_at, now()) WHERE id = %s",
                    (hash_password(new_password), user_id))
        _revoke_all_sessions(cur, user_id)
    audit.record(conn, "password.reset", user_id=user_id, ip=ip)


# --------------------------------------------------------------------------- TOTP

def _totp_for(user) -> pyotp.TOTP:
    return pyotp.TOTP(master_keyring().decrypt_tagged(user["totp_secret_enc"]))


def _check_totp(cur, user, code: str | None, *, now: float | None = None) -> bool:
    """Accept a code for the current step +-1, once: a step not newer than the last accepted is refused."""
    if not code or not user["totp_secret_enc"]:
        return False
    code = code.strip().replace(" ", "")
    totp = _totp_for(user)
    now = time.time() if now is None else now
    current_step = totp.timecode(datetime.fromtimestamp(now, UTC))
    for offset in (0, -1, 1):
        step = current_step + offset
        if hmac.compare_digest(totp.generate_otp(step), code):
            if user["totp_last_step"] is not None and step <= user["totp_last_step"]:
                return False
            cur.execute("UPDATE users SET totp_last_step = %s WHERE id = %s", (step, user["id"]))
            return True
    return False


def _normalized_recovery(code: str) -> str:
    return code.strip().lower().replace("-", "").replace(" ", "")


def _legacy_recovery_hash(code: str) -> str:
    # Codes stored before salted hashing: unsalted SHA-256 (still accepted once, until used).
    return hashlib.sha256(("verzek-recovery:" + _normalized_recovery(code)).encode()).hexdigest()


def _recovery_hash(code: str) -> str:
    """Salted, slow (argon2id, the password hasher): a leaked table does not give the codes away."""
    return hash_password("verzek-recovery:" + _normalized_recovery(code))


def _use_recovery_code(cur, user_id: int, code: str | None) -> bool:
    if not code:
        return False
    cur.execute("SELECT id, code_hash FROM totp_recovery_codes WHERE user_id = %s AND used_at IS NULL "
                "ORDER BY id FOR UPDATE", (user_id,))
    legacy = _legacy_recovery_hash(code)
    for row in cur.fetchall():
        stored = row["code_hash"]
        matched = (verify_password(stored, "verzek-recovery:" + _normalized_recovery(code))
                   if stored.startswith("$argon2") else hmac.compare_digest(stored, legacy))
        if matched:
            cur.execute("UPDATE totp_recovery_codes SET used_at = now() WHERE id = %s", (row["id"],))
            return True
    return False


def totp_enroll(conn, user_id: int) -> tuple[str, str]:
    """Start (or restart) enrolment: a new secret, not enforced until confirmed. Returns (secret, otpauth URI)."""
    with conn.cursor() as cur:
        cur.execute("SELECT email, totp_enabled FROM users WHERE id = %s FOR UPDATE", (user_id,))
        user = cur.fetchone()
        if user["totp_enabled"]:
            raise Invalid("two-factor authentication is already enabled; disable it first to re-enrol")
        secret = pyotp.random_base32()
        cur.execute("UPDATE users SET totp_secret_enc = %s, totp_last_step = NULL, updated_at = now() WHERE id = %s",
                    (master_keyring().encrypt_tagged(secret), user_id))
    audit.record(conn, "totp.enrolment_started", user_id=user_id)
    return secret, pyotp.TOTP(secret).provisioning_uri(name=user["email"], issuer_name="Verzek AutoTrader")


def _user_email(conn, user_id: int) -> str:
    with conn.cursor() as cur:
        cur.execute("SELECT email FROM users WHERE id = %s", (user_id,))
        row = cur.fetchone()
    if row is None:
        raise Invalid("unknown user")
    return row["email"]


def _refuse_unless_enrolling(conn, user_id: int, user: dict | None = None) -> None:
    if user is None:
        with conn.cursor() as cur:
            cur.execute("SELECT totp_enabled, totp_secret_enc FROM users WHERE id = %s", (user_id,))
            user = cur.fetchone()
    if user["totp_enabled"]:
        raise Invalid("two-factor authentication is already enabled")
    if not user["totp_secret_enc"]:
        raise Invalid("start enrolment first")


def totp_confirm(conn, user_id: int, code: str, *, ip: str | None = None,
                 settings: Settings | None = None) -> list[str]:
    """Confirm enrolment with a current code; returns one-time recovery codes (shown once)."""
    settings = settings or get_settings()
    email = _user_email(conn, user_id)
    _refuse_unless_enrolling(conn, user_id)  # not a guess: must not use up one of the user's tries
    reserved = _reserve_guess(conn, email, ip, settings, "totp")
    if isinstance(reserved, ServiceError):
        raise reserved
    with conn.cursor() as cur:
        cur.execute("SELECT id, totp_enabled, totp_secret_enc, totp_last_step FROM users WHERE id = %s FOR UPDATE",
                    (user_id,))
        user = cur.fetchone()
        _refuse_unless_enrolling(conn, user_id, user)
        if not _check_totp(cur, user, code):
            raise Invalid("invalid two-factor code")
        throttle.settle(cur, reserved, email, succeeded=True, proved_password=False)
        codes = ["".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODE_COUNT)]
        codes = [f"{c[:5]}-{c[5:]}" for c in codes]
        cur.execute("DELETE FROM totp_recovery_codes WHERE user_id = %s", (user_id,))
        for code_ in codes:
            cur.execute("INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (%s, %s)",
                        (user_id, _recovery_hash(code_)))
        cur.execute("UPDATE users SET totp_enabled = true, updated_at = now() WHERE id = %s", (user_id,))
    audit.record(conn, "totp.enabled", user_id=user_id)
    return codes


def totp_disable(conn, user_id: int, password: str, code: str | None, recovery_code: str | None, *,
                 ip: str | None = None, settings: Settings | None = None) -> None:
    settings = settings or get_settings()
    email = _user_email(conn, user_id)
    reserved = _reserve_guess(conn, email, ip, settings, "totp")
    if isinstance(reserved, ServiceError):
        raise reserved
    with conn.cursor() as cur:
        cur.execute("SELECT id, password_hash, totp_enabled, totp_secret_enc, totp_last_step FROM users "
                    "WHERE id = %s FOR UPDATE", (user_id,))
        user = cur.fetchone()
        if not user["totp_enabled"]:
            raise Invalid("two-factor authentication is not enabled")
        if not verify_password(user["password_hash"], password):
            raise Invalid("password is incorrect")
        if not (_check_totp(cur, user, code) if code else _use_recovery_code(cur, user_id, recovery_code)):
            raise Invalid("invalid two-factor code")
        throttle.settle(cur, reserved, email, succeeded=True)
        cur.execute("UPDATE users SET totp_enabled = false, totp_secret_enc = NULL, totp_last_step = NULL, "
                    "updated_at = now() WHERE id = %s", (user_id,))
        cur.execute("DELETE FROM totp_recovery_codes WHERE user_id = %s", (user_id,))
    audit.record(conn, "totp.disabled", user_id=user_id)
