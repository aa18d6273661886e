"""Fixtures for the Telegram / signal-ingest tests: users who follow sources, settings, queues."""

from __future__ import annotations

import threading
import urllib.request
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MarketType, Side, Signal, SignalSource

VIP_CHAT = -1001234567890
TRIAL_CHAT = -1009999999999
SOURCE_CHAT = -1001909128013


@pytest.fixture
def telegram_env(settings_env, db):
    """Configured source chat, VIP and TRIAL groups, webhook secret; in-process execution queue."""
    settings_env(TELEGRAM_SOURCE_CHAT_IDS=f"{SOURCE_CHAT},-1001331354980", TELEGRAM_VIP_CHAT_ID=VIP_CHAT,
                 TELEGRAM_TRIAL_CHAT_ID=TRIAL_CHAT, TRIAL_DELAY_MINUTES=30, TRIAL_WITHHOLD_TARGETS="true",
                 TRIAL_EVERY_NTH_SIGNAL=1, SIGNAL_MAX_AGE_SECONDS=300, TELEGRAM_WEBHOOK_SECRET="s3cret-Token_1",
                 TELEGRAM_SOURCE_SENDER_IDS=None, EXECUTION_QUEUE_URL=None, TELEGRAM_BOT_TOKEN="123456:TEST-token")
    return db


@pytest.fixture
def make_user(db):
    """Create a user with trading settings; returns the user id."""
    counter = iter(range(1, 10_000))

    def create(*, auto_trade=True, follow=("vip",), kill_switch=False) -> int:
        n = next(counter)
        with db, db.cursor() as cur:
            cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, 'x') RETURNING id",
                        (f"user{n}@example.com",))
            user_id = cur.fetchone()["id"]
            cur.execute("INSERT INTO trading_settings (user_id, auto_trade, follow_sources, kill_switch) "
                        "VALUES (%s, %s, %s, %s)", (user_id, auto_trade, list(follow), kill_switch))
        return user_id

    return create


@pytest.fixture
def open_position(db):
    def create(user_id: int, signal_id: int, status: str = "open") -> int:
        with db, db.cursor() as cur:
            cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, "
                        "status, closed_at) VALUES (%s, %s, 'paper', 'binance', 'BTC/USDT', 'long', 'spot', %s, "
                        "CASE WHEN %s IN ('closed', 'cancelled') THEN now() END) RETURNING id",
                        (user_id, signal_id, status, status))
            return cur.fetchone()["id"]

    return create


def vip_signal(message_id: int = 42, *, chat_id: int = SOURCE_CHAT, posted_at: datetime | None = None,
               **changes) -> Signal:
    fields = dict(source=SignalSource.VIP, symbol="BTC/USDT:USDT", side=Side.LONG, entry_type=EntryType.RANGE,  # noqa: C408
                  entries=(Decimal(64000), Decimal(64500)),
                  targets=(Decimal(65000), Decimal(66000), Decimal(67500)), stop_loss=Decimal(62500),
                  market=MarketType.FUTURES, leverage=10, raw_text="BTC long", provider_chat_id=chat_id,
                  provider_message_id=message_id, posted_at=posted_at or datetime.now(UTC))
    fields.update(changes)
    return Signal(**fields)


@pytest.fixture
def moto_sqs(settings_env):
    """A moto SQS server on loopback, the AWS settings pointing at it; yields a boto3 SQS client."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto keeps its backends per process, not per server: without a reset a queue of the same name
    # still holds what an earlier test (of any file run before it in this process) left there.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"), timeout=10).close()
    settings_env(AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                 AWS_REGION="eu-west-1", AWS_DEFAULT_REGION="eu-west-1")
    try:
        yield boto3.client("sqs", region_name="eu-west-1", endpoint_url=endpoint)
    finally:
        server.stop()


@pytest.fixture
def bot_api(telegram_env, settings_env):
    """A local Bot API server; the product's Bot points at it through TELEGRAM_API_BASE."""
    from tests.support.telegram_bot_api import LocalBotApi

    with LocalBotApi(token="123456:TEST-token") as api:
        settings_env(TELEGRAM_API_BASE=api.base_url, TELEGRAM_MAX_INLINE_WAIT_SECONDS=2)
        yield api


@pytest.fixture
def api_server():
    """The product's API app (which mounts POST /telegram/webhook) under uvicorn on 127.0.0.1."""
    import uvicorn
    from verzek.api.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        thread.join(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
