"""The app and the API cannot drift: the app's OpenAPI snapshot is the API's schema, its typed client
(openapi-typescript) is regenerated from it and diffed, and the app type-checks against that client."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))
import gen_api_client

APP = REPO_ROOT / "mobile_app"
NODE_MODULES = APP / "node_modules"


@pytest.fixture
def node_toolchain():
    """The app's toolchain must be there: without it the client is never checked, so that is a failure,
    not a skip — unless the run says it leaves the app out (VERZEK_SKIP_WEB=1, as scripts/bootstrap does)."""
    if (NODE_MODULES / ".bin" / "openapi-typescript").exists() and shutil.which("node"):
        return
    if os.environ.get("VERZEK_SKIP_WEB") == "1":
        pytest.skip("VERZEK_SKIP_WEB=1: the app's client is not checked in this run")
    pytest.fail("mobile_app/node_modules missing: install Node.js >= 20.19 and run scripts/bootstrap (npm ci), "
                "or set VERZEK_SKIP_WEB=1 to leave the app out", pytrace=False)


needs_node = pytest.mark.usefixtures("node_toolchain")


def test_the_apps_schema_snapshot_is_the_apis_schema():
    assert gen_api_client.SCHEMA_JSON.read_text() == gen_api_client.openapi_json(), \
        "the API changed: run scripts/gen_api_client.py and commit mobile_app/openapi.json + src/api/schema.d.ts"


@needs_node
def test_the_typed_client_is_regenerated_identically():
    regenerated = gen_api_client.typescript_for(gen_api_client.SCHEMA_JSON.read_text())
    assert gen_api_client.SCHEMA_TS.read_text() == regenerated, "run scripts/gen_api_client.py"


@needs_node
def test_the_generator_notices_an_api_change():
    # The check must be able to fail: a schema with one more response field makes different types.
    import json

    schema = json.loads(gen_api_client.openapi_json())
    schema["components"]["schemas"]["UserOut"]["properties"]["nickname"] = {"type": "string", "title": "Nickname"}
    schema["components"]["schemas"]["UserOut"]["required"].append("nickname")
    changed = gen_api_client.typescript_for(json.dumps(schema, indent=2, sort_keys=True))
    assert "nickname: string;" in changed and changed != gen_api_client.SCHEMA_TS.read_text()


@needs_node
@pytest.mark.slow
def test_the_app_type_checks_against_the_generated_client():
    done = subprocess.run([str(NODE_MODULES / ".bin" / "tsc"), "--noEmit", "-p", str(APP)], cwd=APP,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
