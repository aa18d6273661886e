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


@pytest.mark.parametrize(("name", "value"), [("LOG_LEVEL", "LOUD"), ("VERZEK_ENV", "nonsense"),
                                             ("PAPER_START_BALANCE", "-5")])
def test_nonsense_settings_are_refused_in_one_line(tmp_path, name, value):
    env = _env(tmp_path / "state")
    env[name] = value
    result = subprocess.run([sys.executable, "-m", "verzek.cli", "local", "--port", "0"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode != 0
    assert "bad configuration" in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_second_local_run_on_the_same_data_dir_is_refused(tmp_path):
    from verzek.local.stack import _lock_data_dir

    data_dir = tmp_path / "state"
    data_dir.mkdir()
    held = _lock_data_dir(data_dir)  # the first `verzek local` (this process)
    try:
        result = subprocess.run([sys.executable, "-m", "verzek.cli", "local", "--port", "0"], capture_output=True,
                                text=True, env=_env(data_dir), timeout=60)
    finally:
        held.close()
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "already using" in lines[0] and f"pid {os.getpid()}" in lines[0], result.stderr


def test_send_signal_posts_to_the_given_port(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            seen.append(self.path)
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"ok": true}')

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = subprocess.run([sys.executable, "-m", "verzek.cli", "local", "--port", str(server.server_port),
                                 "--send-signal", "BTC/USDT LONG entry 60000 tp 61000 sl 59000"],
                                capture_output=True, text=True, env=_env(tmp_path / "state"), timeout=60)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert seen == ["/telegram/webhook"]


def test_backtest_help_shows_the_defaults():
    result = subprocess.run([sys.executable, "-m", "verzek.cli", "backtest", "--help"], capture_output=True,
                            text=True, timeout=60, check=True)
    assert "(default: 10000)" in result.stdout and "(default: 10)" in result.stdout


def test_ctrl_c_through_a_closed_pipe_still_resumes_where_the_replay_stopped(tmp_path):
    """`verzek local | head`: Ctrl-C ends the reader too; the replay position must still be saved."""
    from verzek.local.state import load_state

    data = tmp_path / "state"
    proc, url, lines = _start(data, "--no-strategies", "--speed", "600")
    clock_line = next(line for line in lines if line.startswith("Market:"))
    started_ms = int(clock_line.split("replay clock ")[1].split()[0])
    time.sleep(3)
    proc.stdout.close()  # the reader is gone: any later print to stdout hits a broken pipe
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    saved = load_state(data)["replay_position_ms"]
    assert saved >= started_ms + 600 * 1000, (started_ms, saved)  # at least 3 s × 600 ≈ 30 min later


def test_operator_review_loop_works_on_the_console_of_a_local_stack(tmp_path):
    """No bot token: the review prints on the console with its buttons; `--press` acts as the demo operator through
    the stack's real webhook, and the answer and the decided message print too."""
    import re
    import threading

    data = tmp_path / "state"
    proc, url, lines = _start(data, "--no-strategies")
    seen: list[str] = []
    # The thread is the only reader of stdout until the stack exits (communicate() would read it too and close
    # the pipe under the thread).
    reader = threading.Thread(target=lambda: seen.extend(line.rstrip() for line in proc.stdout), daemon=True)
    reader.start()

    def wait_for(pattern: str, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in seen:
                if match := re.search(pattern, line):
                    return match
            time.sleep(0.2)
        raise AssertionError(f"{pattern!r} never printed:\n" + "\n".join(seen[-60:]))

    port = url.rsplit(":", 1)[1]
    cli = [sys.executable, "-m", "verzek.cli", "local", "--port", port]
    try:
        held = subprocess.run([*cli, "--send-signal", "ENTER LONG\nBTCUSDT\n104500\nTP 106000 108000\nSL 103000"],
                              capture_output=True, text=True, env=_env(data), timeout=60)
        assert held.returncode == 0 and "held for review" in held.stdout, held.stdout + held.stderr
        message_id = wait_for(r"\(operator_review, console message (\d+)\)").group(1)
        trade = wait_for(r"\[✅ Trade as parsed: (rv:\d+:1:t)\]").group(1)
        pressed = subprocess.run([*cli, "--press", message_id, trade], capture_output=True, text=True,
                                 env=_env(data), timeout=60)
        assert pressed.returncode == 0 and '"review_status":"traded"' in pressed.stdout, pressed.stdout
        wait_for(r"answer to button --- Traded: signal #\d+ is open")
        wait_for(r"TRADED</b> by @local_operator")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        reader.join(timeout=10)
