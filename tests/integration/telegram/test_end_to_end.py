"""End to end over real HTTP on 127.0.0.1: Telegram update -> webhook (API app under uvicorn, and the Lambda
handler with the SAM event shape) -> signal row -> broadcasts recorded by the local Bot API server ->
one execution job per following user in SQS (moto server) and in the in-process queue."""

from __future__ import annotations

import importlib.util
import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from verzek.domain.jobs import parse_job
from verzek.notify.dispatcher import run_scheduled

from .conftest import SOURCE_CHAT, TRIAL_CHAT, VIP_CHAT

REPO = Path(__file__).resolve().parents[3]
SECRET = "s3cret-Token_1"
TEXT = ("🔥 #SOL/USDT.P SHORT\nEntry zone: 150.20 - 152.00\nTargets: 148 - 145.5 - 140\nStop loss: 156\n"
        "Leverage: Isolated 5x")


@pytest.fixture
def sqs(moto_sqs, settings_env):
    """A FIFO execution queue on moto; EXECUTION_QUEUE_URL points at it."""
    url = moto_sqs.create_queue(QueueName="execution.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    settings_env(EXECUTION_QUEUE_URL=url)
    return moto_sqs, url


def _receive_all(client, url) -> list[dict]:
    bodies = []
    while True:
        got = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0,
                                     MessageAttributeNames=["All"]).get("Messages", [])
        if not got:
            return bodies
        for message in got:
            bodies.append({"body": json.loads(message["Body"]),
                           "dedupe_key": message["MessageAttributes"]["dedupe_key"]["StringValue"]})
            client.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def _update(update_id: int, message_id: int, text: str, **post_fields) -> dict:
    post = {"message_id": message_id, "date": int(datetime.now(UTC).timestamp()), "text": text,
            "chat": {"id": SOURCE_CHAT, "type": "channel", "title": "Provider"},
            "sender_chat": {"id": SOURCE_CHAT, "type": "channel", "title": "Provider"}, **post_fields}
    return {"update_id": update_id, "channel_post": post}


def test_update_to_broadcasts_and_one_sqs_job_per_following_user(bot_api, sqs, api_server, make_user,
                                                                 open_position, db):
    client, url = sqs
    followers = [make_user(), make_user(follow=("vip", "trend"))]
    make_user(auto_trade=False)
    make_user(follow=("scalping",))

    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    with httpx.Client(base_url=api_server, timeout=10) as http:
        assert http.post("/telegram/webhook", content=json.dumps(_update(1, 500, TEXT)),
                         headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}).status_code == 403
        response = http.post("/telegram/webhook", content=json.dumps(_update(1, 500, TEXT)), headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["action"] == "signal" and body["status"] == "open" and body["jobs"] == 2
        # Telegram's retry of the same delivery.
        assert http.post("/telegram/webhook", content=json.dumps(_update(1, 500, TEXT)),
                         headers=headers).json()["duplicate"] is True
        assert http.post("/telegram/webhook", content=b"{oops", headers=headers).status_code == 400

    jobs = _receive_all(client, url)
    assert sorted(parse_job(j["body"]).user_id for j in jobs) == sorted(followers)
    assert {j["dedupe_key"] for j in jobs} == {f"exec-{body['signal_id']}-{u}" for u in followers}
    with db, db.cursor() as cur:
        cur.execute("SELECT symbol, side, leverage, margin_mode, status FROM signals")
        assert cur.fetchall() == [{"symbol": "SOL/USDT:USDT", "side": "short", "leverage": 5,
                                   "margin_mode": "isolated", "status": "open"}]

    report = run_scheduled()
    assert report["sent"] == 1
    [vip] = bot_api.sent_messages(VIP_CHAT)
    assert "🔴 <b>SHORT · SOL/USDT</b> (futures)" in vip["text"] and "TP3 140" in vip["text"]
    assert "Entry zone:</b> 150.2 – 152" in vip["text"] and "isolated 5x" in vip["text"]
    assert bot_api.sent_messages(TRIAL_CHAT) == []  # delayed by TRIAL_DELAY_MINUTES

    # A user's position exists; the provider replies "TP1 hit" through the Lambda handler (SAM event shape).
    open_position(followers[0], body["signal_id"])
    event = json.loads((REPO / "events" / "telegram_webhook.json").read_text())
    event["headers"]["x-telegram-bot-api-secret-token"] = SECRET
    event["body"] = json.dumps(_update(2, 501, "TP1 ✅", reply_to_message={
        "message_id": 500, "date": 1, "chat": {"id": SOURCE_CHAT, "type": "channel"}}))
    spec = importlib.util.spec_from_file_location("telegram_webhook_handler",
                                                  REPO / "functions" / "telegram_webhook" / "handler.py")
    handler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(handler)

    class Context:
        function_name, memory_limit_in_mb, aws_request_id = "telegram_webhook", 256, "req-1"
        invoked_function_arn = "arn:aws:lambda:eu-west-1:000000000000:function:telegram_webhook"

    result = handler.lambda_handler(event, Context())
    assert result["statusCode"] == 200, result
    assert json.loads(result["body"])["linked_by"] == "reply"
    [update_job] = [parse_job(j["body"]) for j in _receive_all(client, url)]
    assert (update_job.type, update_job.user_id) == ("signal_update", followers[0])

    assert run_scheduled()["sent"] == 1
    reply = bot_api.sent_messages(VIP_CHAT)[1]
    assert reply["reply_to_message"]["message_id"] == vip["message_id"] and "hit</b>" in reply["text"]


def test_in_process_queue_gets_the_jobs_on_the_local_stack(bot_api, make_user, settings_env):
    from verzek.queue import local_execution_queue
    from verzek.telegram.webhook import handle_webhook

    settings_env(EXECUTION_QUEUE_URL=None)
    user = make_user()
    queue = local_execution_queue()
    queue.drain()
    handled = []
    queue.set_consumer(lambda body: handled.append(parse_job(body)))
    try:
        response = handle_webhook(json.dumps(_update(10, 900, TEXT)), SECRET)
        assert response.status == 200 and response.body["jobs"] == 1
        assert queue.join(5)
    finally:
        queue.set_consumer(None)
    assert [(j.type, j.user_id, j.signal_id) for j in handled] == [("execute_signal", user,
                                                                   response.body["signal_id"])]


def test_new_broadcasts_wake_the_dispatcher_through_the_broadcast_queue(sqs, telegram_env, settings_env):
    from verzek.signals import ingest_signal

    from .conftest import vip_signal

    client, _ = sqs
    url = client.create_queue(QueueName="broadcast")["QueueUrl"]
    settings_env(BROADCAST_QUEUE_URL=url)
    ingest_signal(vip_signal(posted_at=datetime.now(UTC)))
    [nudge] = _receive_all(client, url)
    assert nudge["body"] == {"type": "dispatch_notifications"} and nudge["dedupe_key"] == "signal-1"
