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

import pytest

from tests.conftest import REPO_ROOT
from verzek.devtools.lambda_layout import namespaces_available

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
    queues = {name: sqs.create_queue(QueueName=name)["QueueUrl"] for name in ("execution", "broadcast")}
    env = {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-west-1", "APP_SECRETS_ARN": app_arn,
           "MASTER_KEY_SECRET_ARN": master_arn, "EXECUTION_QUEUE_URL": queues["execution"],
           "BROADCAST_QUEUE_URL": queues["broadcast"]}
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
    from proxy_node.app import create_app
    from tests.integration.proxy.conftest import closed_port_url, node_settings
    from tests.support.exchange_double import ServerThread
    from verzek.devtools.lambda_layout import assemble, invoke_in_layout
    from verzek.devtools.template import load_template

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
