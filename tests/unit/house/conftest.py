"""Shared fixtures for the house signal engine: the recorded candles (shared data set and the
bundled sample), loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from verzek.marketdata import ReplayMarketData

REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("VERZEK_SHARED_DIR", REPO / ".." / "shared")).resolve()
OHLCV = SHARED / "data" / "ohlcv"


@pytest.fixture(scope="session")
def sample_market() -> ReplayMarketData:
    return ReplayMarketData.from_sample()


@pytest.fixture(scope="session")
def shared_ohlcv() -> Path:
    if not OHLCV.is_dir():
        pytest.skip(f"shared data not found at {OHLCV}")
    return OHLCV
