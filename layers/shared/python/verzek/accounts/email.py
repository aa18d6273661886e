"""Outgoing email: Amazon SES (EMAIL_BACKEND=ses) in the cloud; locally the `email_outbox` table
(and, in the local environment, the console), so sign-up works end to end without a mail server."""

from __future__ import annotations

import sys

from verzek.accounts.errors import Unavailable
from verzek.config import Settings, get_settings
from verzek.observability import logger


def send_email(conn, *, to: str, subject: str, body: str, kind: str, user_id: int | None = None,
               settings: Settings | None = None) -> None:
    settings = settings or get_settings()
    backend = settings.email_backend.strip().lower()
    if backend == "ses":
        _send_ses(to=to, subject=subject, body=body, settings=settings)
        logger.info("email sent", extra={"kind": kind, "user_id": user_id, "backend": "ses"})
        return
    if backend != "outbox":
        raise Unavailable("email is not configured on this server")
    if settings.environment not in ("local", "test", "dev"):
        # The outbox keeps one-time links readable in the database: a developer's mailbox only.
        logger.error("EMAIL_BACKEND=outbox refused outside local/test/dev", extra={"alert": True})
        raise Unavailable("email is not configured on this server")
    with conn.cursor() as cur:
        cur.execute("INSERT INTO email_outbox (user_id, to_address, kind, subject, body) VALUES (%s, %s, %s, %s, %s)",
                    (user_id, to, kind, subject, body))
    logger.info("email queued in outbox", extra={"kind": kind, "user_id": user_id, "backend": "outbox"})
    if settings.environment == "local":
        # The developer's mailbox: only ever on a local stack (links carry one-time tokens).
        print(f"\n--- email to {to}: {subject}\n{body}\n---", file=sys.stderr, flush=True)


def _send_ses(*, to: str, subject: str, body: str, settings: Settings) -> None:
    import boto3  # lazily: only the cloud path needs it
    from botocore.exceptions import BotoCoreError, ClientError

    client = boto3.client("ses", region_name=settings.aws_region, endpoint_url=settings.aws_endpoint_url)
    try:
        client.send_email(Source=settings.email_sender, Destination={"ToAddresses": [to]},
                          Message={"Subject": {"Data": subject, "Charset": "UTF-8"},
                                   "Body": {"Text": {"Data": body, "Charset": "UTF-8"}}})
    except (BotoCoreError, ClientError) as exc:  # report the kind only
        logger.error("SES send failed", extra={"error_type": type(exc).__name__})
        raise Unavailable("could not send email right now; try again later") from None


def latest_outbox(conn, to: str | None = None, limit: int = 10) -> list[dict]:
    with conn.cursor() as cur:
        if to:
            cur.execute("SELECT * FROM email_outbox WHERE to_address = %s ORDER BY id DESC LIMIT %s",
                        (to.strip().lower(), limit))
        else:
            cur.execute("SELECT * FROM email_outbox ORDER BY id DESC LIMIT %s", (limit,))
        return [dict(r) for r in cur.fetchall()]


def forget_outbox_token(cur, user_id: int, token: str) -> None:
    """A one-time token, once used, is blanked out of the local outbox copy of its mail (and mails
    older than the token lifetime are dropped), so the table does not keep live links around."""
    cur.execute("UPDATE email_outbox SET body = replace(body, %s, '[used]') WHERE user_id = %s "
                "AND strpos(body, %s) > 0", (token, user_id, token))
    cur.execute("DELETE FROM email_outbox WHERE created_at < now() - make_interval(hours => %s)",
                (get_settings().email_token_ttl_hours,))
