"""template.yaml: lints offline, names real handlers, sets only known settings; events invoke offline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from verzek.config import known_env_vars
from verzek.devtools.template import functions, load_template

from tests.conftest import REPO_ROOT

SPECS = functions()


def test_cfn_lint_passes():
    result = subprocess.run([str(Path(sys.executable).with_name("cfn-lint")), str(REPO_ROOT / "template.yaml")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_deployable_part_is_declared():
    folders = {spec.code_uri.name for spec in SPECS.values()}
    assert {"api", "telegram_webhook", "strategy_runner", "dca_executor", "position_monitor"} <= folders
    resources = load_template()["Resources"]
    queue = resources["ExecutionQueue"]["Properties"]
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": "ExecutionDeadLetterQueue.Arn"}
    jobs = resources["DcaExecutorFunction"]["Properties"]["Events"]["Jobs"]["Properties"]
    assert jobs["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


@pytest.mark.parametrize("logical_id", sorted(SPECS))
def test_function_environment_names_only_known_settings(logical_id):
    unknown = set(SPECS[logical_id].environment) - known_env_vars()
    assert not unknown, f"{logical_id} sets settings the code does not read: {sorted(unknown)}"


@pytest.mark.parametrize("logical_id", sorted(SPECS))
def test_handler_imports_and_is_callable(logical_id):
    spec = SPECS[logical_id]
    assert spec.module_path.is_file(), spec.module_path
    code = (
        "import importlib.util, sys\n"
        f"sys.path.insert(0, {str(spec.code_uri)!r})\n"
        f"s = importlib.util.spec_from_file_location('h', {str(spec.module_path)!r})\n"
        "m = importlib.util.module_from_spec(s); s.loader.exec_module(m)\n"
        f"assert callable(getattr(m, {spec.function_name!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "VERZEK_ENV": "test", "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr[-2000:]


def test_layer_requirements_match_the_lock():
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "export_layers.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("logical_id", sorted(SPECS))
def test_each_function_has_an_event_that_invokes_offline(logical_id, db_dsn):
    spec = SPECS[logical_id]
    event = REPO_ROOT / "events" / f"{spec.code_uri.name}.json"
    assert event.is_file(), f"missing {event}"
    result = subprocess.run([sys.executable, "-m", "verzek.cli", "invoke", spec.code_uri.name, str(event)],
                            capture_output=True, text=True, timeout=180, cwd=REPO_ROOT,
                            env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "DATABASE_URL": db_dsn,
                                 "VERZEK_ENV": "test", "VERZEK_INVOKE_FAST": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout)
    if isinstance(out, dict) and "statusCode" in out:
        assert out["statusCode"] < 500 or out["statusCode"] == 501, out


@pytest.mark.parametrize("folder", ["api", "telegram_webhook"])
def test_api_and_webhook_handlers_do_not_import_heavy_libraries(folder):
    spec = next(s for s in SPECS.values() if s.code_uri.name == folder)
    code = (
        "import importlib.util, sys\n"
        f"sys.path.insert(0, {str(spec.code_uri)!r})\n"
        f"s = importlib.util.spec_from_file_location('h', {str(spec.module_path)!r})\n"
        "m = importlib.util.module_from_spec(s); s.loader.exec_module(m)\n"
        "print(','.join(x for x in ('ccxt', 'pandas', 'onnxruntime', 'numpy', 'talib') if x in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "VERZEK_ENV": "test", "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "", f"{folder} handler imports {result.stdout.strip()} at module level"
