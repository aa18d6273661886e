"""Attempt limits that hold under concurrency.

Password and second-factor guesses (login, password change, TOTP confirm/disable) share one pool
of failures in `login_attempts`. An attempt is *reserved* before the secret is checked: under
transaction-scoped advisory locks on the account and on the client IP, the recent failures are
counted and, if the attempt may go ahead, a row with `succeeded IS NULL` (in progress, counted as a
failure) is inserted and committed at once. Parallel guesses therefore queue on the lock and see
each other; the slow password hash runs outside it. `settle` marks the outcome.

Limits (all over LOGIN_WINDOW_MINUTES):
* per (account, IP): after LOGIN_MAX_FAILURES_PER_ACCOUNT failures, each further try waits an
  exponential backoff (LOGIN_BACKOFF_BASE_SECONDS x 2^k, at most the window) since the last failure:
  a stranger's guesses slow down their own address, not the owner's;
* per account over all IPs: LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_IPS (a distributed attack);
* per IP over all accounts: LOGIN_MAX_FAILURES_PER_IP.

`allow_event` is the same idea for plain counters (registrations and refreshes per IP).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from verzek.accounts.errors import TooManyRequests
from verzek.config import Settings


@dataclass(frozen=True)
class Reserved:
    attempt_id: int


def _lock(cur, *names: str) -> None:
    # Always in the caller's fixed order (account, then IP): no two transactions can wait on each other.
    for name in names:
        cur.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (name,))


def reserve(cur, email: str, ip: str, settings: Settings, *, kind: str = "login") -> Reserved | TooManyRequests:
    """Count and reserve one guess; the caller commits right after (that releases the locks)."""
    _lock(cur, f"attempts:acct:{email}", f"attempts:ip:{ip}")
    window = settings.login_window_minutes
    cur.execute(
        "SELECT count(*) FILTER (WHERE email = %(e)s AND ip = %(ip)s) AS pair, "
        "       max(created_at) FILTER (WHERE email = %(e)s AND ip = %(ip)s) AS pair_last, "
        "       count(*) FILTER (WHERE email = %(e)s) AS account, "
        "       count(*) FILTER (WHERE ip = %(ip)s) AS by_ip, now() AS now "
        "FROM login_attempts WHERE succeeded IS NOT TRUE AND created_at > now() - make_interval(mins => %(w)s) "
        "AND (email = %(e)s OR ip = %(ip)s)", {"e": email, "ip": ip, "w": window})
    row = cur.fetchone()
    window_s = window * 60
    retry_after = 0
    over = row["pair"] - settings.login_max_failures_per_account
    if over >= 0:
        backoff = min(window_s, settings.login_backoff_base_seconds * 2 ** over)
        waited = (row["now"] - row["pair_last"]).total_seconds()
        if waited < backoff:
            retry_after = math.ceil(backoff - waited)
    if row["account"] >= settings.login_max_failures_per_account_all_ips or \
            row["by_ip"] >= settings.login_max_failures_per_ip:
        retry_after = max(retry_after, window_s)
    if retry_after:
        return TooManyRequests("too many failed attempts; try again later",
                               headers={"Retry-After": str(retry_after)})
    cur.execute("INSERT INTO login_attempts (email, ip, succeeded, kind) VALUES (%s, %s, NULL, %s) RETURNING id",
                (email, ip, kind))
    return Reserved(cur.fetchone()["id"])


def settle(cur, reserved: Reserved, email: str, *, succeeded: bool, proved_password: bool = True) -> None:
    """Record the outcome. Only a success that proved the password clears the account's failures: a
    session holder confirming a TOTP enrolment they started themselves proves nothing about the
    password, and must not wipe the password guesses they made before."""
    cur.execute("UPDATE login_attempts SET succeeded = %s WHERE id = %s", (succeeded, reserved.attempt_id))
    if succeeded and proved_password:  # clears the account's failures (other IPs' too: the owner got in)
        cur.execute("DELETE FROM login_attempts WHERE email = %s AND succeeded IS NOT TRUE AND id <> %s",
                    (email, reserved.attempt_id))


def allow_event(cur, bucket: str, key: str, *, limit: int, window_seconds: int) -> TooManyRequests | None:
    """Count one event for (bucket, key) unless `limit` were already seen in the window."""
    _lock(cur, f"events:{bucket}:{key}")
    cur.execute("SELECT count(*) AS n, min(created_at) AS oldest, now() AS now FROM rate_events "
                "WHERE bucket = %s AND key = %s AND created_at > now() - make_interval(secs => %s)",
                (bucket, key, window_seconds))
    row = cur.fetchone()
    if row["n"] >= limit:
        wait = window_seconds - (row["now"] - row["oldest"]).total_seconds()
        return TooManyRequests("too many requests; try again later",
                               headers={"Retry-After": str(max(1, math.ceil(wait)))})
    cur.execute("INSERT INTO rate_events (bucket, key) VALUES (%s, %s)", (bucket, key))
    return None


