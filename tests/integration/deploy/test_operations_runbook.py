"""docs/operations.md names only things that exist: its commands are checked against what they call.

Every `aws <service> <operation> --option` against botocore's service models (the same models the AWS
CLI is generated from); every stack output (`out X`), resource (`fn X`), alarm and `sam deploy`
parameter against template.yaml; log groups against the template's log group names; `verzek ...`
commands against the CLI's parser; settings and app-secret keys against the code; the API call
against the app's OpenAPI; and every SQL statement is run (and rolled back) on the migrated schema.
"""

from __future__ import annotations

import json
import re
import shlex

import botocore.session
import psycopg2
import pytest
from botocore import xform_name
from verzek.config import APP_SECRET_FIELDS, known_env_vars
from verzek.devtools.template import load_template

from tests.conftest import REPO_ROOT

TEXT = (REPO_ROOT / "docs" / "operations.md").read_text()
SPANS = re.findall(r"`([^`\n]+)`", TEXT) + re.findall(r"```sh\n(.*?)```", TEXT, re.DOTALL)
TEMPLATE = load_template()

# Options of the AWS CLI itself (any command), and the CLI's own customisations (no API operation).
GLOBAL_OPTIONS = {"query", "output", "region", "profile", "no-cli-pager", "endpoint-url", "debug"}
CUSTOM_COMMANDS = {("logs", "tail"): {"since", "filter-pattern", "follow", "format", "log-stream-names"}}


def aws_commands() -> list[tuple[str, str, set[str]]]:
    found = []
    for span in SPANS:
        starts = [m for m in re.finditer(r"(?<![\w-])aws ([a-z0-9-]+) ([a-z0-9-]+)", span)]
        for i, match in enumerate(starts):
            segment = span[match.end(): starts[i + 1].start() if i + 1 < len(starts) else len(span)]
            segment = segment.split("|", 1)[0]  # what follows a pipe is another program's
            options = set(re.findall(r"(?<![\w-])--([a-z][a-z0-9-]*)", segment))
            found.append((match.group(1), match.group(2), options))
    return found


AWS = aws_commands()


def test_the_runbook_has_commands_for_each_situation():
    for heading in ("Stuck execution queue", "Exchange outage", "Telegram 429 storm", "Proxy node down",
                    "Key compromise"):
        assert f"## {heading}" in TEXT
    assert len(AWS) >= 10


@pytest.mark.parametrize("service,command,options", AWS, ids=[f"{s} {c}" for s, c, _ in AWS])
def test_aws_cli_commands_exist_with_their_options(service, command, options):
    if (service, command) in CUSTOM_COMMANDS:
        assert options <= CUSTOM_COMMANDS[(service, command)] | GLOBAL_OPTIONS
        return
    model = botocore.session.get_session().get_service_model(service)
    operations = {xform_name(name, "-"): name for name in model.operation_names}
    assert command in operations, f"aws {service} has no command {command}"
    shape = model.operation_model(operations[command]).input_shape
    members = {xform_name(name, "-") for name in (shape.members if shape else {})}
    unknown = options - members - GLOBAL_OPTIONS
    assert not unknown, f"aws {service} {command} has no option(s) {sorted(unknown)}"


def test_stack_outputs_resources_alarms_and_parameters_exist():
    outputs, resources = set(TEMPLATE["Outputs"]), set(TEMPLATE["Resources"])
    for name in re.findall(r"\$\(out ([A-Za-z]+)\)", TEXT):
        assert name in outputs, f"no stack output {name}"
    for name in re.findall(r"\$\(fn ([A-Za-z]+)\)", TEXT):
        assert name in resources, f"no resource {name}"
    alarms = set(re.findall(r"`([A-Za-z]+Alarm)`", TEXT))
    assert alarms and alarms <= resources, sorted(alarms - resources)
    for name in re.findall(r"--parameter-overrides ([A-Za-z]+)=", TEXT) + re.findall(r"`([A-Z][A-Za-z]+)` parameter",
                                                                                      TEXT):
        assert name in TEMPLATE["Parameters"], f"no template parameter {name}"


def test_log_groups_named_are_the_templates():
    names = {res["Properties"]["LogGroupName"]["Fn::Sub"].replace("${Stage}", "prod")
             for res in TEMPLATE["Resources"].values() if res["Type"] == "AWS::Logs::LogGroup"}
    used = set(re.findall(r"(/verzek/prod/[A-Za-z]+)", TEXT))
    assert used and used <= names, sorted(used - names)


def test_verzek_commands_parse():
    from verzek.cli import build_parser

    parser = build_parser()
    commands = {m.strip() for m in re.findall(r"(?<![\w/-])verzek ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*)?)", TEXT)}
    commands = {c for c in commands if not c.startswith(("local", "autotrader"))}
    assert commands
    for command in commands:
        words = command.split()
        try:
            parser.parse_known_args([*words, "--help"])
        except SystemExit as exc:  # --help exits 0; an unknown command exits 2
            assert exc.code == 0, f"`verzek {command}` is not a command"


def test_settings_and_app_secret_keys_named_exist():
    settings = set(re.findall(r"`([A-Z][A-Z0-9_]{3,})`", TEXT)) - set(TEMPLATE["Parameters"])
    settings -= {"PROXY_NODE_HMAC_KEYS"}  # the proxy node's own (proxy_node/settings.py)
    assert settings and settings <= known_env_vars(), sorted(settings - known_env_vars())
    keys = set(re.findall(r"`([a-z][a-z_]+_(?:secret|token|key|url))`", TEXT))
    keys |= set(re.findall(r"'\.([a-z_]+)=\$", TEXT))  # jq updates of the app secret
    assert keys and keys <= set(APP_SECRET_FIELDS), sorted(keys - set(APP_SECRET_FIELDS))


def test_api_calls_match_the_openapi():
    from verzek.api.app import create_app

    spec = create_app().openapi()
    calls = re.findall(r"curl -X ([A-Z]+) \"\$\(out ApiUrl\)(/[^\"]+)\"(.*?)(?:`|$)", TEXT, re.MULTILINE)
    assert calls
    for method, path, rest in calls:
        operation = spec["paths"].get(path, {}).get(method.lower())
        assert operation, f"{method} {path} is not an API route"
        body = re.search(r"-d '([^']+)'", rest)
        if body:
            schema = operation["requestBody"]["content"]["application/json"]["schema"]
            if "$ref" in schema:
                schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
            assert set(json.loads(body.group(1))) <= set(schema["properties"]), (path, schema["properties"])


def test_sql_statements_run_on_the_migrated_schema(db_dsn):
    statements = [" ".join(s.split()) for s in re.findall(r"`((?:UPDATE|SELECT|DELETE|INSERT) [^`]+?);?`", TEXT)]
    assert len(statements) >= 2
    conn = psycopg2.connect(db_dsn)
    try:
        for statement in statements:
            with conn.cursor() as cur:
                try:
                    cur.execute(statement)
                except psycopg2.Error as exc:
                    pytest.fail(f"{statement!r}: {exc}")
            conn.rollback()
    finally:
        conn.close()


def test_shell_snippets_are_well_formed():
    for span in SPANS:
        if span.startswith(("aws ", "curl ", "sam ", "journalctl ", "sudo ")):
            shlex.split(span)  # balanced quotes
