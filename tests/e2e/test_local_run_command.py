"""The README's run command: starts on a fresh data dir, migrates, serves /health, stops on Ctrl-C,
and the next start finds its data (no migrations to apply). Clear errors for bad set-ups."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e


def _env(data_dir: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({"VERZEK_DATA_DIR": str(data_dir), "VERZEK_ENV": "local", "PYTHONUNBUFFERED": "1"}, **extra)
    return env


def _start(data_dir: Path, *args) -> tuple[subprocess.Popen, str, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "verzek.cli", "local", "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(data_dir))
    lines: list[str] = []
    deadline = time.monotonic() + 90
    url = None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip())
        if line.startswith("API:"):
            url = line.split()[1]
        if line.strip() == "ready":
            return proc, url, lines
    proc.kill()
    raise AssertionError("stack did not become ready:\n" + "\n".join(lines))


def _stop(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    return proc.returncode, out


def test_run_serves_health_stops_cleanly_and_keeps_data(tmp_path):
    data = tmp_path / "state"
    proc, url, lines = _start(data)
    try:
        assert any("migrations 0001_schema_v1" in line for line in lines), lines
        health = httpx.get(f"{url}/health", timeout=10).json()
        assert health["database"]["status"] == "ok"
        assert health["status"] == "ok"
    finally:
        code, out = _stop(proc)
    assert code == 0, out
    assert "Traceback" not in out, out
    assert (data / "pgdata").is_dir()

    proc, url, lines = _start(data)
    try:
        assert any("migrations up to date" in line for line in lines), lines
    finally:
        code, out = _stop(proc)
    assert code == 0, out


def test_port_in_use_is_one_readable_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "verzek.cli", "local", "--port", str(port)],
                                capture_output=True, text=True, env=_env(tmp_path / "state"), timeout=60)
    assert result.returncode != 0
    assert "already in use" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unwritable_data_dir_is_one_readable_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = subprocess.run([sys.executable, "-m", "verzek.cli", "local", "--port", "0"],
                            capture_output=True, text=True, env=_env(blocker / "state"), timeout=60)
    assert result.returncode != 0
    assert "verzek: error:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_config_is_one_readable_line(tmp_path):
    env = _env(tmp_path / "state", API_PORT="not-a-port")
    result = subprocess.run([sys.executable, "-m", "verzek.cli", "local"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode != 0
    assert "bad configuration" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
