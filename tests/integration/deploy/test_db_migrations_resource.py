"""Migrations at deploy time: the `DbMigrations` custom resource, run by the built db_migrator
function in Lambda's layout, answers CloudFormation's pre-signed URL with SUCCESS or FAILED."""

from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import pytest

from tests.conftest import REPO_ROOT
from tests.integration.deploy.test_lambda_layout import layers, specs  # noqa: F401 -- shared fixtures

pytestmark = [pytest.mark.slow]


class _Responses(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_PUT(self):
        length = int(self.headers.get("Content-Length", "0"))
        type(self).received.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cloudformation():
    """A stand-in for the pre-signed S3 URL CloudFormation waits on."""
    _Responses.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Responses)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/cfn-response?X-Amz-Signature=abc", _Responses.received
    finally:
        server.shutdown()


@pytest.fixture
def empty_database(pg_admin_dsn):
    from verzek.db.embedded import database_dsn

    name = f"verzek_cr_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(pg_admin_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_dsn(pg_admin_dsn, name)
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _event(request_type: str, url: str) -> dict:
    event = json.loads((REPO_ROOT / "events" / "db_migrator.json").read_text())
    event["RequestType"] = request_type
    event["ResponseURL"] = url
    if request_type != "Create":
        event["PhysicalResourceId"] = "verzek-database-schema"
    return event


def _tables(dsn: str) -> set[str]:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r[0] for r in cur.fetchall()}


def test_create_update_delete_and_a_failing_migration(layers, specs, tmp_path, cloudformation,  # noqa: F811
                                                      empty_database):
    from verzek.db.migrate import MIGRATIONS_DIR
    from verzek.devtools.lambda_layout import assemble, invoke_in_layout

    url, received = cloudformation
    layout = assemble(specs["db_migrator"], layers, tmp_path / "db_migrator")
    env = {"VERZEK_ENV": "dev", "DATABASE_URL": empty_database, "AWS_REGION": "eu-west-1"}
    migrations = sorted(p.stem for p in MIGRATIONS_DIR.glob("*.sql"))

    created = invoke_in_layout(layout, _event("Create", url), env)
    assert created.ok, created.error
    assert received[-1]["Status"] == "SUCCESS", received[-1]
    assert received[-1]["Data"]["AppliedCount"] == str(len(migrations))
    assert received[-1]["PhysicalResourceId"] == "verzek-database-schema"
    assert {"users", "signals", "positions"} <= _tables(empty_database)

    again = invoke_in_layout(layout, _event("Update", url), env)
    assert again.ok and received[-1]["Status"] == "SUCCESS" and received[-1]["Data"]["AppliedCount"] == "0"

    # a bad migration shipped in the layer: FAILED (the deploy rolls back), nothing of it applied
    broken = layout.opt / "python" / "verzek" / "db" / "migrations" / "9999_broken.sql"
    broken.write_text("CREATE TABLE half_done (id int);\nSELECT no_such_function();\n")
    failed = invoke_in_layout(layout, _event("Update", url), env)
    assert failed.ok
    assert received[-1]["Status"] == "FAILED" and "no_such_function" in received[-1]["Reason"]
    assert "half_done" not in _tables(empty_database)

    deleted = invoke_in_layout(layout, _event("Delete", url), env)
    assert deleted.ok and received[-1]["Status"] == "SUCCESS"
    assert "users" in _tables(empty_database)  # data outlives the stack


def test_unreachable_database_fails_without_leaking_the_password(cloudformation):
    from verzek.db.deploy_migrations import handle_custom_resource

    url, received = cloudformation

    def apply():
        from verzek.db.migrate import apply_migrations

        return apply_migrations("postgresql://verzek:s3cr3t-pw@127.0.0.1:1/verzek?connect_timeout=2")

    handle_custom_resource(_event("Create", url), apply=apply)
    assert received[-1]["Status"] == "FAILED"
    assert "s3cr3t-pw" not in json.dumps(received[-1])


def test_concurrent_deploys_apply_each_migration_once(cloudformation, empty_database):
    from verzek.db.deploy_migrations import handle_custom_resource
    from verzek.db.migrate import apply_migrations

    url, received = cloudformation
    threads = [threading.Thread(target=handle_custom_resource, args=(_event("Create", url),),
                                kwargs={"apply": lambda: apply_migrations(empty_database)}) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r["Status"] for r in received] == ["SUCCESS"] * 3
    assert sum(int(r["Data"]["AppliedCount"]) for r in received) == len(list(
        (REPO_ROOT / "layers/shared/python/verzek/db/migrations").glob("*.sql")))
