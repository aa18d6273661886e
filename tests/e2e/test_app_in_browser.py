"""The app's web build in a real browser (Debian's chromium, headless) against `verzek local`, as a
new user meets it: open the URL of the banner, sign up, follow the verification link from the email
printed on the console (this stack's host and port), log in, change the trading settings, see a VIP
signal sent with `verzek local --send-signal` arrive in the feed, see the paper position open and its
PnL move, close it from the app, look at the equity chart, add exchange keys (checked through the real
proxy node against the exchange double: a withdrawing key refused, a trading key added), switch to live
with its confirmation and back to paper, stop new orders
with the kill switch, get the Telegram deep link, turn on two-factor and log in again with the code. A screenshot of
each screen is saved under the test's output directory (tmp_path/screenshots)."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import httpx
import pyotp
import pytest

from tests.support.local_stack import LocalStack, replay_close, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

EMAIL, PASSWORD = "app.user@example.com", "Correct-Horse-9-Battery"
NODE_KEY_ID, NODE_SECRET = "k1", "browser-test-proxy-secret-0123456789"
GOOD_KEY = ("BrowserKeyNoWithdraw1", "browser-secret-0123456789")
WITHDRAW_KEY = ("BrowserKeyWithdraws02", "withdraw-secret-012345678")


@pytest.fixture
def proxied_exchange():
    """Key checks take the real path: ccxt (real signing) -> HMAC proxy node -> exchange double, all on
    127.0.0.1; the environment for `verzek local` to use them."""
    from proxy_node.app import create_app as create_node_app
    from proxy_node.settings import NodeSettings
    from tests.support.exchange_double import ExchangeDouble, ServerThread

    with ExchangeDouble() as double:
        double.add_account(*GOOD_KEY)
        double.add_account(*WITHDRAW_KEY, enableWithdrawals=True)
        node_settings = NodeSettings(VERZEK_ENV="test", PROXY_NODE_HMAC_KEYS=f"{NODE_KEY_ID}:{NODE_SECRET}",
                                     PROXY_NODE_UPSTREAM_OVERRIDES=f"api.binance.com={double.base_url}")
        with ServerThread(create_node_app(node_settings)) as node:
            yield {"PROXY_ENABLED": "true", "PROXY_URLS": node.url, "PROXY_KEY_ID": NODE_KEY_ID,
                   "PROXY_HMAC_KEY": NODE_SECRET, "PROXY_DIRECT_FALLBACK": "false", "PROXY_PUBLIC_IPS": "203.0.113.7"}


def _by_id(driver, test_id: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')


def _one(driver, test_id: str, timeout: float = 30):
    return wait_until(driver, lambda d: (found := _by_id(d, test_id)) and found[0].is_displayed() and found[0],
                      timeout, f"no visible [data-testid={test_id}]")


def _type(driver, test_id: str, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    field = _one(driver, test_id)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def _text(driver, test_id: str) -> str:
    found = _by_id(driver, test_id)
    return found[0].text if found else ""


def _status(card) -> str:
    from selenium.webdriver.common.by import By

    found = card.find_elements(By.CSS_SELECTOR, '[data-testid="position-status"]')
    return found[0].text if found else ""


def test_new_user_trades_a_signal_in_the_app(tmp_path, browser, proxied_exchange):
    from selenium.webdriver.common.by import By

    shots = tmp_path / "screenshots"
    shots.mkdir()

    def shot(name: str) -> None:
        browser.save_screenshot(str(shots / f"{name}.png"))

    # A trial user sees signals after TRIAL_DELAY_MINUTES: none here, so the feed shows the signal at once
    # (with the targets still withheld, as the trial plan says). Access tokens live 60 s (the shortest
    # allowed), so the app must refresh its session during the test.
    stack = LocalStack(tmp_path / "state", "--no-strategies", env={
        "TRIAL_DELAY_MINUTES": "0", "TELEGRAM_BOT_USERNAME": "verzek_local_bot", "ACCESS_TOKEN_TTL_SECONDS": "60",
        **proxied_exchange}).start()
    try:
        assert any(line == f"App:    {stack.url}/   (open it in a browser)" for line in stack.lines), stack.lines[:20]
        browser.get(f"{stack.url}/")

        # sign up
        _one(browser, "screen-auth")
        _one(browser, "auth-mode-sign up").click()
        _type(browser, "auth-email", EMAIL)
        _type(browser, "auth-password", PASSWORD)
        shot("01-sign-up")
        _one(browser, "auth-submit").click()
        assert "verification link" in _one(browser, "auth-info").text

        # the verification link from the console email opens this stack's page, on its real port
        link = stack.wait_for_line(r"or open (\S+/verify-email\?token=\S+)").group(1)
        assert link.startswith(f"{stack.url}/verify-email?token="), (link, stack.url)
        browser.get(link)
        browser.find_element(By.ID, "submit").click()
        wait_until(browser, lambda d: d.find_element(By.ID, "result").get_attribute("data-outcome") == "ok")
        shot("02-email-verified")

        # log in
        browser.get(f"{stack.url}/")
        _one(browser, "screen-auth")
        _type(browser, "auth-email", EMAIL)
        _type(browser, "auth-password", PASSWORD)
        shot("03-log-in")
        _one(browser, "auth-submit").click()
        _one(browser, "screen-signals")
        logged_in_at = time.monotonic()
        assert not _by_id(browser, "unverified")  # the profile says verified
        assert "Trial plan" in _one(browser, "signals-plan").text
        shot("04-signals-empty")

        # settings: auto-trade on, VIP followed, 150 USDT per trade, leverage capped at 5x, drawdown protection
        _one(browser, "tab-settings").click()
        _one(browser, "screen-settings")
        assert "paper" in _one(browser, "settings-mode").text
        _one(browser, "settings-auto-trade").find_element(By.TAG_NAME, "input").click()
        _type(browser, "settings-size_value", "150")
        _type(browser, "settings-leverage_cap", "5")
        _type(browser, "settings-max_open_positions", "3")
        _type(browser, "settings-max_drawdown_pct", "20")  # a protection: pause after a 20 % drawdown
        _one(browser, "settings-save").click()
        wait_until(browser, lambda d: _text(d, "settings-info") == "Settings saved.", 30,
                   f"not saved: {_text(browser, 'settings-error')}")
        shot("05-settings")

        def api(path: str, **params):  # the test's own look, with a fresh token (they live 60 s here)
            headers = {"authorization": f"Bearer {stack.token(EMAIL, PASSWORD)}"}
            return httpx.get(f"{stack.url}{path}", params=params, headers=headers, timeout=30).json()

        me = api("/api/me")
        saved = api(f"/api/users/{me['id']}/settings")
        assert (saved["auto_trade"], Decimal(saved["size_value"]), saved["leverage_cap"], saved["max_open_positions"],
                Decimal(saved["max_drawdown_pct"]), saved["mode"], "vip" in saved["follow_sources"]) == \
            (True, 150, 5, 3, 20, "paper", True)

        # a VIP post through the webhook: entry just above the replayed market (fills at once), stop and
        # targets far enough that the position stays open until the user closes it
        close = replay_close("ETH_USDT_USDT-1m-futures.json.gz", stack.replay_ms + 60_000)
        tick = Decimal("0.01")
        entry = (close * Decimal("1.002")).quantize(tick)
        targets = [(entry * Decimal(m)).quantize(tick) for m in ("1.10", "1.15")]
        stop = (entry * Decimal("0.90")).quantize(tick)
        stack.send_signal(f"📊 #ETH/USDT LONG\nLeverage: 10x\nEntry: {entry}\nTargets: {' - '.join(map(str, targets))}\n"
                          f"Stop loss: {stop}")
        _one(browser, "tab-signals").click()
        card = wait_until(browser, lambda d: next((c for c in d.find_elements(By.CSS_SELECTOR, '[data-testid^="signal-"]')
                                                   if "ETH/USDT:USDT" in c.text), None), 60, "signal not in the feed")
        assert "LONG 10x" in card.text and "vip" in card.text and "withheld on your plan" in card.text
        assert f"{entry.normalize():f}" in card.text and f"{stop.normalize():f}" in card.text
        shot("06-signal-in-feed")

        # the paper position opens (leverage capped to 5x by the settings) and its PnL moves with the replay
        _one(browser, "tab-positions").click()
        _one(browser, "screen-positions")
        row = wait_until(browser, lambda d: next((c for c in d.find_elements(By.CSS_SELECTOR, '[data-testid^="position-"]')
                                                  if "ETH/USDT:USDT" in c.text and _status(c) == "open"), None),
                         90, "no open position")
        assert "LONG 5x · paper" in row.text
        first_pnl = _text(browser, "position-pnl")
        assert first_pnl.endswith(" USDT"), first_pnl
        shot("07-position-open")
        moved = wait_until(browser, lambda d: (now := _text(d, "position-pnl")) and now != first_pnl and now, 120,
                           f"PnL stayed at {first_pnl}")
        assert moved.endswith(" USDT")
        assert _text(browser, "pnl-paper-USDT-unrealized").endswith(" USDT")
        assert _text(browser, "pnl-paper-USDT-balance").endswith(" USDT")
        shot("08-position-pnl-moved")

        # close it from the app: the detail with its orders, the button, the confirmation
        row = next(c for c in browser.find_elements(By.CSS_SELECTOR, '[data-testid^="position-"]') if "ETH/USDT:USDT" in c.text)
        row.click()
        _one(browser, "screen-position")
        wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid^="order-"]'), 30, "no orders shown")
        assert "USDT" in _text(browser, "position-detail-pnl")
        # prices and quantities on the market's steps (recorded ETH/USDT:USDT rules: tick 0.01, step 0.001)
        assert re.search(r"\b\d+\.\d{2}$", _text(browser, "position-detail-entry")), _text(browser, "position-detail-entry")
        assert re.search(r"\b\d+\.\d{3} / \d+\.\d{3}$", _text(browser, "position-detail-filled")), \
            _text(browser, "position-detail-filled")
        shot("09-position-detail")
        _one(browser, "position-close").click()
        _one(browser, "position-close-confirm").click()
        assert "Close requested" in _one(browser, "position-info").text
        wait_until(browser, lambda d: _text(d, "position-detail-status").startswith("closed"), 90,
                   f"not closed: {_text(browser, 'position-detail-status')}")
        shot("10-position-closed")
        positions = api(f"/api/users/{me['id']}/positions", status="closed")["items"]
        closed = next(p for p in positions if p["symbol"] == "ETH/USDT:USDT")
        assert closed["status"] == "closed" and closed["closed_at"]

        # equity: the account's equity (paper, USDT) as the API reports it, the closed trade on the curve
        _one(browser, "position-back").click()
        _one(browser, "tab-equity").click()
        _one(browser, "equity-chart-paper-USDT", 30)
        summary = next(c for c in api(f"/api/users/{me['id']}/positions/summary")["currencies"]
                       if (c["mode"], c["currency"]) == ("paper", "USDT"))
        expected = Decimal(summary["equity"]) if summary["equity"] is not None else Decimal(closed["net_realized_pnl"])
        shown = wait_until(browser, lambda d: (t := _text(d, "equity-paper-USDT-now")) and t, 30)
        assert shown.endswith(" USDT") and abs(Decimal(shown.split()[0].replace(",", "")) - expected) < Decimal("0.01"), \
            (shown, expected)
        shot("11-equity")

        # exchange accounts: a key that can withdraw is refused; a trading-only key is added with the
        # check's result (withdrawals refused, no IP restriction yet, the IP to whitelist)
        _one(browser, "tab-exchanges").click()
        _one(browser, "exchange-add")
        _one(browser, "exchange-testnet").find_element(By.TAG_NAME, "input").click()  # the double is "mainnet"
        _type(browser, "exchange-label", "withdrawing")
        _type(browser, "exchange-key", WITHDRAW_KEY[0])
        _type(browser, "exchange-secret", WITHDRAW_KEY[1])
        _one(browser, "exchange-submit").click()
        assert "withdraw" in _one(browser, "exchange-error", 60).text
        _type(browser, "exchange-label", "main")
        _type(browser, "exchange-key", GOOD_KEY[0])
        _type(browser, "exchange-secret", GOOD_KEY[1])
        _one(browser, "exchange-submit").click()
        account = wait_until(browser, lambda d: next((c for c in d.find_elements(
            By.CSS_SELECTOR, '[data-testid^="exchange-"][data-testid$="-withdrawals"]')), None), 60, "account not added")
        assert account.text == "refused ✓"
        assert "203.0.113.7" in " ".join(w.text for w in _by_id(browser, "exchange-warning"))
        card = next(c for c in browser.find_elements(By.CSS_SELECTOR, '[data-testid^="exchange-"]')
                    if c.get_attribute("data-testid").split("-")[-1].isdigit())
        assert "main · binance · …" + GOOD_KEY[0][-4:] in card.text and "(testnet)" not in card.text
        assert _text(browser, "exchange-error") == "" and GOOD_KEY[1] not in browser.page_source
        shot("12-exchanges")

        # live trading needs an explicit confirmation and an exchange account; then back to paper
        _one(browser, "tab-settings").click()
        _one(browser, "settings-live").click()
        _one(browser, "settings-live-confirm").click()
        wait_until(browser, lambda d: _text(d, "settings-mode").startswith("LIVE"), 30,
                   f"not live: {_text(browser, 'settings-error')}")
        shot("13-live-confirmed")
        assert api(f"/api/users/{me['id']}/settings")["mode"] == "live"
        _one(browser, "settings-paper").click()
        wait_until(browser, lambda d: _text(d, "settings-mode").startswith("paper"), 30)
        assert api(f"/api/users/{me['id']}/settings")["mode"] == "paper"

        # the kill switch stops new orders for this user
        _one(browser, "tab-settings").click()
        _one(browser, "kill-switch-toggle").click()
        wait_until(browser, lambda d: _text(d, "kill-switch-state").startswith("ON"), 30)
        shot("14-kill-switch")
        assert api(f"/api/users/{me['id']}/settings")["kill_switch"]
        # well past the access token's 60 s the app still reads the API: it refreshed its session
        time.sleep(max(0.0, 75 - (time.monotonic() - logged_in_at)))
        _one(browser, "tab-signals").click()
        wait_until(browser, lambda d: any("ETH/USDT:USDT" in c.text for c in d.find_elements(
            By.CSS_SELECTOR, '[data-testid^="signal-"]')), 30, "the feed did not load after the token expired")
        assert not _by_id(browser, "screen-auth")
        _one(browser, "tab-settings").click()

        # the one-time deep link that links the user's Telegram account to the bot (opened on the phone)
        _one(browser, "telegram-create").click()
        assert "https://t.me/verzek_local_bot?start=" in _one(browser, "telegram-link").text
        assert _text(browser, "telegram-state") == "not linked"

        # two-factor: set up in the app, then the next log-in asks for the authenticator's code
        _one(browser, "totp-setup").click()
        totp = pyotp.TOTP(_one(browser, "totp-secret").text.strip())
        _type(browser, "totp-code", totp.now())
        _one(browser, "totp-confirm").click()
        assert "Recovery codes" in _one(browser, "totp-recovery").text
        wait_until(browser, lambda d: _text(d, "totp-state") == "on", 30)
        shot("15-two-factor-on")
        used = totp.now()
        _one(browser, "logout").click()
        _one(browser, "screen-auth")
        _type(browser, "auth-email", EMAIL)
        _type(browser, "auth-password", PASSWORD)
        _one(browser, "auth-submit").click()
        assert "authenticator" in _one(browser, "auth-error").text
        wait_until(browser, lambda d: totp.now() != used, 35, "waiting for the next TOTP period")
        _type(browser, "auth-totp", totp.now())
        shot("16-log-in-with-code")
        _one(browser, "auth-submit").click()
        _one(browser, "screen-signals")
    finally:
        code = stack.stop()
    assert code == 0, "\n".join(stack.lines[-40:])
    names = sorted(p.name for p in shots.iterdir())
    assert len(names) == 16 and all((shots / n).stat().st_size > 5000 for n in names), names
