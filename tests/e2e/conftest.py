"""The browser for the end-to-end tests: Debian's chromium, headless, through its chromedriver."""

from __future__ import annotations

import pytest

from tests.support.local_stack import CHROMEDRIVER, CHROMIUM, chromium


@pytest.fixture
def browser():
    if not (CHROMIUM and CHROMEDRIVER):  # scripts/bootstrap installs both from apt as root
        pytest.fail("Debian's chromium and chromium-driver are required (scripts/bootstrap installs them)",
                    pytrace=False)
    with chromium() as driver:
        yield driver
