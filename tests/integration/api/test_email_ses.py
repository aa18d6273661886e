"""EMAIL_BACKEND=ses sends through Amazon SES (moto); nothing lands in the local outbox."""

from __future__ import annotations

import pytest

from tests.integration.api.conftest import PASSWORD


@pytest.fixture
def ses(settings_env, monkeypatch):
    from moto import mock_aws

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        import boto3

        client = boto3.client("ses", region_name="eu-west-1")
        client.verify_email_identity(EmailAddress="no-reply@verzek.test")
        settings_env(EMAIL_BACKEND="ses", EMAIL_SENDER="no-reply@verzek.test", AWS_REGION="eu-west-1",
                     AWS_ENDPOINT_URL=None)
        yield client


def test_verification_email_goes_through_ses(client, db, ses):
    assert client.post("/api/auth/register", json={"email": "ses@example.com", "password": PASSWORD}
                       ).status_code == 202
    assert ses.get_send_quota()["SentLast24Hours"] == 1
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM email_outbox")
        assert cur.fetchone()["n"] == 0
    db.commit()


def test_ses_failure_is_a_clear_503_and_nothing_is_kept(client, db, ses, settings_env):
    settings_env(EMAIL_SENDER="unverified@verzek.test")  # SES refuses an unverified sender
    answer = client.post("/api/auth/register", json={"email": "ses2@example.com", "password": PASSWORD})
    assert answer.status_code == 503 and "email" in answer.json()["error"]
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM users")
        assert cur.fetchone()["n"] == 0  # rolled back: the user can simply register again
    db.commit()
