"""A real browser (Debian's chromium, headless, through its chromedriver) against `verzek local`:
the API docs render offline from the API's own assets, and a new user follows the verification link
from the sign-up email — it carries the running stack's host and port and opens a page that exists —
then logs in verified. Screenshots of each screen are saved under the test's output directory."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):  # scripts/bootstrap installs both from apt as root
    pytest.fail("Debian's chromium and chromium-driver are required (scripts/bootstrap installs them)",
                pytrace=False)


class LocalStack:
    def __init__(self, data_dir: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PUBLIC_BASE_URL")}
        env.update(VERZEK_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", VERZEK_ENV="local")
        self.lines: list[str] = []
        self.proc = subprocess.Popen([sys.executable, "-m", "verzek.cli", "local", "--port", "0", "--no-strategies"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.lines.append(line.rstrip())
                if line.strip() == "ready":
                    ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(120):
            self.proc.kill()
            raise AssertionError("stack not ready:\n" + "\n".join(self.lines[-50:]))
        self.url = next(line.split()[1] for line in self.lines if line.startswith("API:"))

    def wait_for_line(self, pattern: str, timeout: float = 30) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r}:\n" + "\n".join(self.lines[-40:]))

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout=90)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                 "--disable-gpu", "--no-first-run", "--disable-background-networking"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def test_docs_and_email_verification_link_in_a_real_browser(tmp_path, browser):
    from selenium.webdriver.common.by import By

    shots = tmp_path / "screenshots"
    shots.mkdir()
    stack = LocalStack(tmp_path / "state")
    try:
        # API docs: Swagger UI from the API's own assets renders the OpenAPI 3.1 schema (no CDN here).
        browser.get(f"{stack.url}/docs")
        title = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .info .title"))
        assert "Verzek AutoTrader API" in title[0].text
        _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path"))
        browser.save_screenshot(str(shots / "01-api-docs.png"))

        email, password = "browser.user@example.com", "Correct-Horse-9-Battery"
        r = httpx.post(f"{stack.url}/api/auth/register", json={"email": email, "password": password}, timeout=30)
        assert r.status_code == 202, r.text
        link = stack.wait_for_line(r"or open (\S+/verify-email\?token=\S+)").group(1)
        assert link.startswith(f"{stack.url}/verify-email?token="), (link, stack.url)  # this stack's host:port

        browser.get(link)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Verify your email"
        browser.save_screenshot(str(shots / "02-verify-email.png"))
        login = httpx.post(f"{stack.url}/api/auth/login", json={"email": email, "password": password}, timeout=30)
        me = httpx.get(f"{stack.url}/api/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"},
                       timeout=30).json()
        assert me["email_verified"] is False  # opening the link alone changes nothing (mail scanners pre-fetch)

        browser.find_element(By.ID, "submit").click()
        result = _wait(browser, lambda d: d.find_element(By.ID, "result").get_attribute("data-outcome"))
        assert result == "ok", browser.find_element(By.ID, "result").text
        assert browser.find_element(By.ID, "result").text == "Email verified. You can log in now."
        browser.save_screenshot(str(shots / "03-email-verified.png"))

        me = httpx.get(f"{stack.url}/api/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"},
                       timeout=30).json()
        assert me["email_verified"] is True

        browser.find_element(By.ID, "submit").click()  # the link is single-use
        _wait(browser, lambda d: d.find_element(By.ID, "result").get_attribute("data-outcome") == "failed")
        assert browser.find_element(By.ID, "result").text.startswith("Not done:")
        browser.save_screenshot(str(shots / "04-link-used.png"))
    finally:
        code = stack.stop()
    assert code == 0, "\n".join(stack.lines[-40:])
    assert sorted(p.name for p in shots.iterdir()) == ["01-api-docs.png", "02-verify-email.png",
                                                        "03-email-verified.png", "04-link-used.png"]
