"""`verzek local` in a subprocess, and Debian's chromium driven by selenium, for the end-to-end tests.

One place for the stdout pump and the readiness wait: the stack's output lines are collected as
they come (`lines`), `start()` returns once it printed "ready" and reads the banner (API URL, replay
clock, demo login); `stop()` is Ctrl-C. The browser is Debian's `chromium` through its own
`chromedriver` (paths given explicitly: Selenium Manager never downloads anything).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import httpx

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


class LocalStack:
    def __init__(self, data_dir: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.data_dir, self.args, self.extra_env = data_dir, args, env or {}
        self.lines: list[str] = []
        self.proc: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PUBLIC_BASE_URL")}
        env.update(VERZEK_DATA_DIR=str(self.data_dir), PYTHONUNBUFFERED="1", VERZEK_ENV="local")
        env.update(self.extra_env)
        return env

    def start(self, *more: str, timeout: float = 120) -> LocalStack:
        self.lines.clear()
        self.proc = subprocess.Popen([sys.executable, "-m", "verzek.cli", "local", "--port", "0", *self.args, *more],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=self.env())
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.lines.append(line.rstrip())
                if line.strip() == "ready":
                    self.ready_at = time.monotonic()
                    ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(timeout):
            self.proc.kill()
            raise AssertionError("stack not ready:\n" + "\n".join(self.lines[-50:]))
        banner = "\n".join(self.lines)
        self.url = next(line.split()[1] for line in self.lines if line.startswith("API:"))
        clock = re.search(r"replay clock (\d+) ms", banner)
        self.replay_ms = int(clock.group(1)) if clock else None
        login = next(line for line in self.lines if line.startswith("Login:")).split()
        self.email, self.password = login[1], login[3]
        return self

    def wait_for_line(self, pattern: str, timeout: float = 30) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r}:\n" + "\n".join(self.lines[-40:]))

    def send_signal(self, text: str) -> None:
        """`verzek local --port N --send-signal TEXT`, as a user types it."""
        port = self.url.rsplit(":", 1)[1]
        done = subprocess.run([sys.executable, "-m", "verzek.cli", "local", "--port", port, "--send-signal", text],
                              capture_output=True, text=True, env=self.env(), timeout=60, check=False)
        assert done.returncode == 0, done.stdout + done.stderr

    def token(self, email: str | None = None, password: str | None = None) -> str:
        r = httpx.post(f"{self.url}/api/auth/login", json={"email": email or self.email,
                                                           "password": password or self.password}, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=90)
        time.sleep(0.2)  # the pump's last lines
        return code


def replay_close(candles_file: str, after_ms: int) -> Decimal:
    """The close of the last recorded candle before `after_ms` in the bundled USDT-M sample."""
    from verzek.marketdata import usdt_sample_dir

    rows = json.loads(gzip.decompress((usdt_sample_dir() / candles_file).read_bytes()))
    i = next(k for k, r in enumerate(rows) if r[0] >= after_ms)
    return Decimal(str(rows[i - 1][4]))


@contextmanager
def chromium(window: str = "1200,900"):
    """Headless Debian chromium through its chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={window}",
                 "--disable-gpu", "--no-first-run", "--disable-background-networking"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_until(driver, condition, timeout: float = 30, message: str = ""):
    """WebDriverWait that also retries when React re-rendered an element between finding and reading it."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.25,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                         ).until(condition, message)
