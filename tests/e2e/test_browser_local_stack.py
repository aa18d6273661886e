"""A real browser (Debian's chromium, headless, through its chromedriver) against `verzek local`:
the API docs render offline from the API's own assets, and a new user follows the verification link
from the sign-up email — it carries the running stack's host and port and opens a page that exists —
then logs in verified. Screenshots of each screen are saved under the test's output directory."""

from __future__ import annotations

import httpx
import pytest

from tests.support.local_stack import LocalStack, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _wait(driver, condition, timeout: float = 30):
    return wait_until(driver, condition, timeout)


def test_docs_and_email_verification_link_in_a_real_browser(tmp_path, browser):
    from selenium.webdriver.common.by import By

    shots = tmp_path / "screenshots"
    shots.mkdir()
    stack = LocalStack(tmp_path / "state", "--no-strategies").start()
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
