"""The artifacts that ship, in the layout they run in.

Layers are built by the Makefile `sam build` runs (dependency layers cached per change of their
inputs under .verzek/lambda-build), each function is laid out as Lambda lays it out (code at
/var/task, layers' python/ at /opt/python, boto3 from the runtime folder; mounted at those very
paths in a private mount namespace where the machine allows it) and every handler is invoked in a
fresh interpreter with the event shapes AWS sends: HTTP API v2 on a named stage and on `$default`,
SQS batches, EventBridge Scheduler input. Secrets come from Secrets Manager (moto) at run time.
"""

from __future__ import annotations

import copy
import json
import os
import time
from decimal import Decimal as D

import pytest
from verzek.devtools.lambda_layout import namespaces_available

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.slow]

SOURCE_CHAT = -1001234567890
WEBHOOK_SECRET = "layout-webhook-secret"


@pytest.fixture(scope="module")
def layers():
    from verzek.devtools.lambda_layout import build_all_layers

    return build_all_layers(REPO_ROOT / ".verzek" / "lambda-build")


@pytest.fixture(scope="module")
def specs():
    from verzek.devtools.template import functions

    return {spec.code_uri.name: spec for spec in functions().values()}


@pytest.fixture(scope="module")
def aws(db_dsn):
    """moto on loopback: the app secret (DSN, JWT key, bot token, webhook secret ...), the master
    key secret and the queues, as the deployed stack has them."""
    import boto3
    from cryptography.fernet import Fernet
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    kw = {"region_name": "eu-west-1", "endpoint_url": endpoint, "aws_access_key_id": "testing",
          "aws_secret_access_key": "testing"}
    secrets = boto3.client("secretsmanager", **kw)
    app_arn = secrets.create_secret(Name="verzek/app", SecretString=json.dumps({
        "database_url": db_dsn, "jwt_secret": "j" * 48, "telegram_webhook_secret": WEBHOOK_SECRET,
        "house_ingest_key": "h" * 40, "proxy_hmac_key": "p" * 40}))["ARN"]
    master_arn = secrets.create_secret(Name="verzek/master", SecretString=Fernet.generate_key().decode())["ARN"]
    boto3.client("ses", **kw).verify_email_identity(EmailAddress="no-reply@verzek.example")
    sqs = boto3.client("sqs", **kw)
    queues = {name: sqs.create_queue(QueueName=name)["QueueUrl"] for name in ("execution", "broadcast", "monitor")}
    env = {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-west-1", "APP_SECRETS_ARN": app_arn,
           "MASTER_KEY_SECRET_ARN": master_arn, "EXECUTION_QUEUE_URL": queues["execution"],
           "BROADCAST_QUEUE_URL": queues["broadcast"], "MONITOR_QUEUE_URL": queues["monitor"],
           # (the ingest price check is on, as deployed; its public ticker is refused on the loopback unless a test
           # points it at an exchange double: no test reaches an exchange)
           "PUBLIC_MARKET_DATA_URL": "http://127.0.0.1:9"}
    try:
        yield env
    finally:
        server.stop()


def _function_env(spec, aws_env: dict, **extra) -> dict[str, str]:
    """The function's template environment (literal values), with the stack's resources filled in;
    no DATABASE_URL or other secret in the environment: they must come from APP_SECRETS_ARN."""
    env = {k: v for k, v in spec.environment.items() if isinstance(v, str) and v != ""}
    env.update(aws_env)
    env.update(extra)
    assert "DATABASE_URL" not in env and "JWT_SECRET" not in env
    return env


def _invoke(layers, specs, tmp_path, name, event, env):
    from verzek.devtools.lambda_layout import assemble, invoke_in_layout

    layout = assemble(specs[name], layers, tmp_path / name)
    result = invoke_in_layout(layout, event, env, timeout=60)
    assert result.ok, f"{name} failed in Lambda's layout:\n{result.error}\n{result.stderr[-3000:]}"
    if result.real_paths:
        assert result.module_file == "/var/task/handler.py"
        assert result.verzek_file is None or result.verzek_file.startswith("/opt/python/verzek/")
    return result.result


def _webhook_update(layers, specs, tmp_path, aws, update: dict, **extra) -> dict:
    """One Telegram update through the built webhook function (API Gateway's event shape); its JSON answer."""
    event = copy.deepcopy(json.loads((REPO_ROOT / "events" / "telegram_webhook.json").read_text()))
    event["headers"]["x-telegram-bot-api-secret-token"] = WEBHOOK_SECRET
    event["body"] = json.dumps(update)
    reply = _invoke(layers, specs, tmp_path, "telegram_webhook", event,
                    _function_env(specs["telegram_webhook"], aws, **extra))
    assert reply["statusCode"] == 200, reply
    return json.loads(reply["body"])


def _http_event(method: str, path: str, *, stage: str, body: str | None = None, headers: dict | None = None):
    event = json.loads((REPO_ROOT / "events" / "api.json").read_text())
    raw = path if stage == "$default" else f"/{stage}{path}"
    event["rawPath"] = raw
    event["routeKey"] = "ANY /{proxy+}" if stage != "$default" else "$default"
    event["requestContext"]["stage"] = stage
    event["requestContext"]["routeKey"] = event["routeKey"]
    event["requestContext"]["http"].update({"method": method, "path": raw})
    event["headers"] = {**event["headers"], **(headers or {})}
    event["body"] = body
    return event


def test_layout_mounts_at_the_real_lambda_paths_here():
    from verzek.devtools.lambda_layout import namespaces_available

    if not namespaces_available():
        pytest.skip("no private mount namespace here (needs root and unshare): layout ran under a temp path")


def test_api_routes_answer_on_a_named_stage_and_on_default(layers, specs, aws, tmp_path):
    env = _function_env(specs["api"], aws)
    for stage in ("dev", "$default"):
        health = _invoke(layers, specs, tmp_path, "api", _http_event("GET", "/health", stage=stage), env)
        assert health["statusCode"] == 200, (stage, health)
        assert json.loads(health["body"])["database"]["status"] == "ok"
        # a protected route is routed (401 from its auth), not a 404 from a path that kept the stage
        signals = _invoke(layers, specs, tmp_path, "api", _http_event("GET", "/api/signals", stage=stage), env)
        assert signals["statusCode"] == 401, (stage, signals)
    missing = _invoke(layers, specs, tmp_path, "api", _http_event("GET", "/no-such-route", stage="dev"), env)
    assert missing["statusCode"] == 404


def test_api_serves_the_web_app_from_its_layer_under_the_stage(layers, specs, aws, tmp_path):
    """The app's web build (WebAppLayer, built by mobile_app/Makefile as `sam build` does) at /opt/web:
    the api function serves index.html at /dev/ with links under the stage, then the bundle it names."""
    import re

    env = _function_env(specs["api"], aws)
    assert env["WEB_APP_DIR"] == "/opt/web"
    if not namespaces_available():
        env["WEB_APP_DIR"] = str(tmp_path / "api" / "opt" / "web")  # the layout lives under a temp path here
    page = _invoke(layers, specs, tmp_path, "api", _http_event("GET", "/", stage="dev"), env)
    assert page["statusCode"] == 200, page
    assert "<title>Verzek AutoTrader</title>" in page["body"]
    bundle_path = re.search(r'src="(/dev/_expo/static/js/web/[^"]+\.js)"', page["body"]).group(1)
    bundle = _invoke(layers, specs, tmp_path, "api",
                     _http_event("GET", bundle_path.removeprefix("/dev"), stage="dev"), env)
    assert bundle["statusCode"] == 200 and "immutable" in bundle["headers"]["cache-control"]


def test_api_register_through_the_stage_uses_the_secret_from_secrets_manager(layers, specs, aws, tmp_path, db):
    env = _function_env(specs["api"], aws)
    body = json.dumps({"email": "layout@example.com", "password": "a long and unusual passphrase 42"})
    reply = _invoke(layers, specs, tmp_path, "api",
                    _http_event("POST", "/api/auth/register", stage="dev", body=body,
                                headers={"content-type": "application/json"}), env)
    assert reply["statusCode"] in (200, 201, 202), reply
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM users WHERE email = %s", ("layout@example.com",))
        assert cur.fetchone()["n"] == 1


def test_webhook_through_api_gateway_stores_the_signal(layers, specs, aws, tmp_path, db):
    env = _function_env(specs["telegram_webhook"], aws, TELEGRAM_SOURCE_CHAT_IDS=str(SOURCE_CHAT))
    event = json.loads((REPO_ROOT / "events" / "telegram_webhook.json").read_text())
    event = copy.deepcopy(event)
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/dev/telegram/webhook"
    event["routeKey"] = event["requestContext"]["routeKey"] = "POST /telegram/webhook"
    event["requestContext"]["stage"] = "dev"
    event["headers"]["x-telegram-bot-api-secret-token"] = WEBHOOK_SECRET
    reply = _invoke(layers, specs, tmp_path, "telegram_webhook", event, env)
    assert reply["statusCode"] == 200, reply
    with db.cursor() as cur:
        cur.execute("SELECT count(*) AS n FROM signals")
        assert cur.fetchone()["n"] == 1
    event["headers"]["x-telegram-bot-api-secret-token"] = "wrong"
    refused = _invoke(layers, specs, tmp_path, "telegram_webhook", event, env)
    assert refused["statusCode"] == 403


def test_the_ingest_price_check_runs_in_the_built_webhook(layers, specs, aws, tmp_path, db):
    # The webhook's layer has httpx, not ccxt: the check reads the exchange's public ticker (here the double's
    # Binance endpoints) — an unlisted ticker and an entry far from the market are held, a sound call is stored open
    from tests.support.exchange_double import ExchangeDouble

    with ExchangeDouble() as double:
        double.mark_prices["ETHUSDT"] = D("3005.5")
        cases = {9101: ("#ETH LONG\nEntry: 3000\nTP: 3080 / 3150\nSL: 2940\nLeverage: 5x", "open", None),
                 9102: ("#ETH LONG\nEntry: 300.0\nTP: 308.0 / 315.0\nSL: 294.0\nLeverage: 5x", "rejected",
                        "held for review: entry"),
                 9103: ("#WLF LONG\nEntry: 3.000\nTP: 3.080\nSL: 2.940\nLeverage: 5x", "rejected",
                        "held for review: WLF/USDT")}
        for message_id, (text, _, _) in cases.items():
            update = {"update_id": message_id, "channel_post": {
                "message_id": message_id, "date": int(time.time()), "text": text,
                "chat": {"id": SOURCE_CHAT, "type": "channel", "title": "VIP"},
                "sender_chat": {"id": SOURCE_CHAT, "type": "channel", "title": "VIP"}}}
            _webhook_update(layers, specs, tmp_path, aws, update, TELEGRAM_SOURCE_CHAT_IDS=str(SOURCE_CHAT),
                            PUBLIC_MARKET_DATA_URL=double.base_url)
        assert any(r.path == "/fapi/v1/ticker/price" for r in double.requests)
    with db.cursor() as cur:
        cur.execute("SELECT provider_message_id, status, rejected_reason FROM signals WHERE provider_message_id > 9100")
        rows = {r["provider_message_id"]: r for r in cur.fetchall()}
    for message_id, (_, status, reason) in cases.items():
        assert rows[message_id]["status"] == status, rows[message_id]
        assert (rows[message_id]["rejected_reason"] or "").startswith(reason or ""), rows[message_id]


def test_operator_review_round_trip_in_the_webhook_and_dispatcher_functions(layers, specs, aws, tmp_path, db):
    """A held post through the webhook function, its review sent by the dispatcher function (python-telegram-bot in
    the layer, to the local Bot API server), the operator's button back through the webhook function: traded once,
    the callback query answered."""
    import time

    from tests.support.telegram_bot_api import LocalBotApi

    operator_chat, operator = -1005550000009, {"id": 4242, "is_bot": False, "first_name": "Ops"}
    with LocalBotApi(token="123456:LAYOUT-token") as api:
        extra = {"TELEGRAM_SOURCE_CHAT_IDS": str(SOURCE_CHAT), "TELEGRAM_OPERATOR_CHAT_ID": str(operator_chat),
                 "TELEGRAM_OPERATOR_USER_IDS": str(operator["id"]), "TELEGRAM_API_BASE": api.base_url,
                 "TELEGRAM_BOT_TOKEN": api.token}
        chat = {"id": SOURCE_CHAT, "type": "channel", "title": "VIP"}
        post = {"update_id": 910000001, "channel_post": {
            "message_id": 77, "date": int(time.time()), "chat": chat, "sender_chat": chat,
            "text": "ENTER LONG\nZROUSDT\n3.400\nTP 3.480 3.550\nSL 3.320"}}

        def webhook(update: dict) -> dict:
            return _webhook_update(layers, specs, tmp_path, aws, update, **extra)

        assert webhook(post)["status"] == "rejected"  # held for review
        _invoke(layers, specs, tmp_path, "notification_dispatcher", {},
                _function_env(specs["notification_dispatcher"], aws, **extra))
        [review] = api.sent_messages(operator_chat)
        trade = review["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        press = api.press_button(operator_chat, review["message_id"], trade, user=operator)
        assert webhook(press)["review_status"] == "traded"
        assert api.callback_answers()[press["callback_query"]["id"]]["answered"]
        assert "reply_markup" not in api.message(operator_chat, review["message_id"])
    with db.cursor() as cur:
        cur.execute("SELECT status FROM signals WHERE provider_message_id = 77")
        assert cur.fetchone()["status"] == "open"


def test_executor_reports_partial_batch_failures(layers, specs, aws, tmp_path, db):
    env = _function_env(specs["dca_executor"], aws)
    event = json.loads((REPO_ROOT / "events" / "dca_executor.json").read_text())
    good = event["Records"][0]
    bad = copy.deepcopy(good)
    bad["messageId"] = "not-a-job"
    bad["body"] = "{\"type\": \"nonsense\"}"
    event["Records"] = [good, bad]
    reply = _invoke(layers, specs, tmp_path, "dca_executor", event, env)
    failed = {item["itemIdentifier"] for item in reply["batchItemFailures"]}
    assert "not-a-job" in failed


@pytest.mark.parametrize("name,event", [
    ("position_monitor", {}),
    ("notification_dispatcher", {}),
    ("notification_dispatcher", {"Records": [{"messageId": "n1", "body": "{}", "eventSource": "aws:sqs",
                                              "attributes": {}, "messageAttributes": {}, "md5OfBody": "",
                                              "receiptHandle": "r", "eventSourceARN": "arn:aws:sqs:eu-west-1:0:b",
                                              "awsRegion": "eu-west-1"}]}),
])
def test_scheduled_and_queue_functions_run(layers, specs, aws, tmp_path, db, name, event):
    env = _function_env(specs[name], aws)
    reply = _invoke(layers, specs, tmp_path, name, event, env)
    assert isinstance(reply, dict)


def test_monitor_schedule_enqueues_per_account_and_the_worker_consumes_it(layers, specs, aws, tmp_path, db):
    """The schedule sends one message per account to the monitor queue (moto); the worker, given
    that very message and an invalid one, advances the account and fails only the invalid record."""
    import boto3

    with db, db.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash) VALUES ('mon@example.com', 'x') RETURNING id")
        user = cur.fetchone()["id"]
        ids = []
        for n, market_type in enumerate(("futures", "futures", "spot")):  # accounts (live, futures), (live, spot)
            cur.execute("INSERT INTO signals (source, external_id, symbol, side, entry_type, targets) "
                        "VALUES ('trend', %s, 'BTC/USDT', 'long', 'market', '{61000}') RETURNING id", (f"mon-{n}",))
            signal = cur.fetchone()["id"]
            cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, status) "
                        "VALUES (%s, %s, 'live', 'binance', 'BTC/USDT', 'long', %s, 'open') RETURNING id",
                        (user, signal, market_type))
            ids.append(cur.fetchone()["id"])
    reply = _invoke(layers, specs, tmp_path, "position_monitor", {}, _function_env(specs["position_monitor"], aws))
    assert reply == {"accounts": 2, "messages": 2, "positions": 3}
    sqs = boto3.client("sqs", region_name="eu-west-1", endpoint_url=aws["AWS_ENDPOINT_URL"],
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    messages = sqs.receive_message(QueueUrl=aws["MONITOR_QUEUE_URL"], MaxNumberOfMessages=10)["Messages"]
    bodies = sorted((json.loads(m["Body"]) for m in messages), key=lambda b: b["market_type"])
    assert [(b["market_type"], b["position_ids"]) for b in bodies] == [("futures", ids[:2]), ("spot", ids[2:])]

    event = json.loads((REPO_ROOT / "events" / "monitor_worker.json").read_text())
    good = event["Records"][0]
    good["body"] = json.dumps(bodies[0])
    bad = copy.deepcopy(good)
    bad["messageId"] = "not-a-monitor-message"
    bad["body"] = json.dumps({**bodies[0], "position_ids": []})
    event["Records"] = [good, bad]
    reply = _invoke(layers, specs, tmp_path, "monitor_worker", event, _function_env(specs["monitor_worker"], aws))
    assert [item["itemIdentifier"] for item in reply["batchItemFailures"]] == ["not-a-monitor-message"]
    with db, db.cursor() as cur:  # advanced (a live position without an account: the reason on the row)
        cur.execute("SELECT id, monitored_at, error FROM positions ORDER BY id")  # and marked for this pass
        rows = cur.fetchall()
    assert [r["id"] for r in rows if r["monitored_at"] is not None] == ids[:2]
    assert all("exchange account" in r["error"] for r in rows[:2]) and rows[2]["error"] is None


def test_strategy_runner_runs_on_its_scheduler_input(layers, specs, aws, tmp_path, db):
    env = _function_env(specs["strategy_runner"], aws, HOUSE_MARKET_DATA="replay")
    reply = _invoke(layers, specs, tmp_path, "strategy_runner", {"strategy": "trend"}, env)
    assert reply["ok"] is True, reply


def test_no_product_module_derives_paths_from_the_checkout():
    """Imported from a copy of the package far from the repo, settings still load (the bug was a
    fixed parents[4] that raised IndexError at /opt/python/verzek)."""
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(dir="/") if os.access("/", os.W_OK) else tempfile.TemporaryDirectory() as d:
        import shutil

        shutil.copytree(REPO_ROOT / "layers" / "shared" / "python" / "verzek", f"{d}/verzek",
                        ignore=shutil.ignore_patterns("__pycache__"))
        code = "from verzek.config import get_settings; print(get_settings().data_dir)"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/tmp",
                                env={"PATH": "/usr/bin:/bin", "PYTHONPATH": d, "HOME": "/tmp"})
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "/tmp/.verzek"


def test_proxy_canary_reports_a_node_that_is_down(layers, specs, aws, tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    env = _function_env(specs["proxy_canary"], aws, PROXY_URLS=closed)
    reply = _invoke(layers, specs, tmp_path, "proxy_canary", {}, env)
    assert reply == {"checked": 1, "down": [closed]}


def test_proxy_canary_metric_is_the_one_its_alarm_watches(layers, specs, aws, tmp_path):
    """A real proxy node up and a port with nothing behind it: ProxyNodesDown=1 in the EMF line the
    function prints, under the namespace and dimensions ProxyNodeDownAlarm names (a mismatch would be
    'missing data', which the alarm treats as breaching: a page every minute, or none when it matters)."""
    from verzek.devtools.lambda_layout import assemble, invoke_in_layout
    from verzek.devtools.template import load_template

    from proxy_node.app import create_app
    from tests.integration.proxy.conftest import closed_port_url, node_settings
    from tests.support.exchange_double import ServerThread

    alarm = load_template()["Resources"]["ProxyNodeDownAlarm"]["Properties"]
    closed = closed_port_url()
    with ServerThread(create_app(node_settings(closed, PROXY_NODE_ECHO_URL=""))) as node:
        up = node.url
        env = _function_env(specs["proxy_canary"], aws, PROXY_URLS=f"{up},{closed}")
        result = invoke_in_layout(assemble(specs["proxy_canary"], layers, tmp_path / "canary"), {}, env, timeout=60)
    assert result.ok, result.error
    assert result.result == {"checked": 2, "down": [closed]}
    emf = next(json.loads(line) for line in result.stdout.splitlines()
               if line.startswith("{") and "ProxyNodesDown" in line)
    directive = emf["_aws"]["CloudWatchMetrics"][0]
    assert directive["Namespace"] == alarm["Namespace"]
    assert "ProxyNodesDown" in {m["Name"] for m in directive["Metrics"]}
    assert directive["Dimensions"] == [[d["Name"] for d in alarm["Dimensions"]]]
    assert {d["Name"]: emf[d["Name"]] for d in alarm["Dimensions"]} == {d["Name"]: d["Value"]
                                                                         for d in alarm["Dimensions"]}
    values = {name: emf[name] if isinstance(emf[name], list) else [emf[name]]
              for name in ("ProxyNodesDown", "ProxyNodesChecked")}
    assert values == {"ProxyNodesDown": [1], "ProxyNodesChecked": [2]}


def test_user_bot_in_the_webhook_function(layers, specs, aws, tmp_path, db):
    """The bot for users inside the built webhook function: /start <token> links the private chat, /positions and
    /pnl render with the recorded market rules shipped in the layer, /close's button sends one close job to SQS."""
    import time

    import boto3

    from tests.support.telegram_bot_api import LocalBotApi

    user_chat = {"id": 6660001, "type": "private", "first_name": "Ann"}
    person = {"id": 6660001, "is_bot": False, "first_name": "Ann"}
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash, plan) VALUES ('bot@example.com', 'x', 'vip') "
                    "RETURNING id")
        user_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO signals (source, symbol, side, market_type, entry_type, entries, targets, status, "
                    "external_id) VALUES ('trend', 'BTC/USDT:USDT', 'long', 'futures', 'market', '{}', '{}', 'open', "
                    "'layout-bot') RETURNING id")
        signal_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, leverage, "
                    "status, entry_price, amount, filled_amount, unrealized_pnl, fees) VALUES (%s, %s, 'paper', "
                    "'paper', 'BTC/USDT:USDT', 'long', 'futures', 10, 'open', 64012.37, 0.015, 0.015, 5.555, 0.5) "
                    "RETURNING id", (user_id, signal_id))
        position_id = cur.fetchone()["id"]
    from verzek.accounts.telegram_link import issue_link_token

    with db:
        token = issue_link_token(db, user_id, ttl_minutes=5).token
    with LocalBotApi(token="123456:LAYOUT-token") as api:
        extra = {"TELEGRAM_API_BASE": api.base_url, "TELEGRAM_BOT_TOKEN": api.token}
        updates = iter(range(920000001, 920000100))

        def webhook(update: dict) -> dict:
            return _webhook_update(layers, specs, tmp_path, aws, update, **extra)

        def say(text: str) -> dict:
            update_id = next(updates)
            webhook({"update_id": update_id, "message": {"message_id": update_id % 1000, "date": int(time.time()),
                                                         "chat": user_chat, "from": person, "text": text}})
            return api.sent_messages(user_chat["id"])[-1]

        assert say(f"/start {token}")["text"].startswith("Linked")
        assert "entry 64012.4 · qty 0.015" in say("/positions")["text"]
        assert "unrealised +5.56 USDT" in say("/pnl")["text"]
        confirm = say(f"/close {position_id}")
        press = api.press_button(user_chat["id"], confirm["message_id"], f"u:close:{position_id}", user=person)
        assert webhook(press)["requested"] is True
        assert api.callback_answers()[press["callback_query"]["id"]]["answered"]
    sqs = boto3.client("sqs", region_name="eu-west-1", endpoint_url=aws["AWS_ENDPOINT_URL"],
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    got = sqs.receive_message(QueueUrl=aws["EXECUTION_QUEUE_URL"], MaxNumberOfMessages=10).get("Messages", [])
    assert [json.loads(m["Body"]) for m in got] == [{"type": "close_position", "position_id": position_id,
                                                     "user_id": user_id, "reason": "manual"}]
