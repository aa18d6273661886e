"""Issue 13 item 8 on the real execution engine (paper venue in rows, real PostgreSQL): the paper
account trades under the recorded rules of PAPER_EXCHANGE, so the same signal that Binance USD-M would
refuse (BTC below its 100 USDT minimum order value) opens on a Bybit paper account (5 USDT minimum),
and a Bybit paper account refuses a leverage above Bybit's maximum for the market."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor
from verzek.execution.paper import RecordedPrices
from verzek.execution.ports import OrderRejected
from verzek.execution.venues import VenueProvider
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
BTC = "BTC/USDT:USDT"


def _venues(settings_env, exchange: str, symbol: str = BTC, price: str = "90000") -> VenueProvider:
    settings_env(PAPER_EXCHANGE=exchange, PAPER_TAKER_FEE_PCT="0", PAPER_MAKER_FEE_PCT="0", PAPER_SLIPPAGE_PCT="0",
                 PAPER_START_BALANCE="10000")
    rows = [[T0 + i * MIN, price, price, price, price, "1"] for i in range(5)]
    return VenueProvider(RecordedPrices().add(symbol, "1m", rows), ManualClock(T0 + MIN))


@pytest.mark.parametrize(("exchange", "opens"), [("binance", False), ("bybit", True)])
def test_a_90_usdt_btc_perpetual_opens_on_bybit_paper_and_is_refused_on_binance_paper(factory, settings_env,
                                                                                       exchange, opens):
    venues = _venues(settings_env, exchange)
    # 90 USDT of margin at 1x = 0.001 BTC at 90,000: Binance's BTCUSDT wants 100 USDT per order, Bybit's 5
    user = factory.user(size_value=D(90), leverage_cap=1)
    sig = factory.signal(BTC, "long", entries=["90000"], targets=["99000"], stop_loss="85000",
                         market_type="futures", leverage=1)
    outcome = Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user))
    pos = factory.position(user, sig)
    if opens:
        assert outcome == "opened" and pos["status"] in ("pending", "open"), (outcome, pos)
        entry = next(o for o in factory.orders(pos["id"]) if o["role"] == "entry")
        assert entry["amount"] == D("0.001")
    else:
        assert outcome != "opened", outcome
        assert pos is None or pos["status"] in ("failed", "cancelled"), pos
        reason = (pos or {}).get("error") or outcome
        assert "below the minimum 100" in str(reason), reason


def test_a_bybit_paper_account_refuses_bybits_leverage_above_the_market_maximum(factory, settings_env):
    venues = _venues(settings_env, "bybit", symbol="LTC/USDT:USDT", price="100")
    user = factory.user()
    venue = venues.venue(None, user_id=user, mode="paper", exchange_account_id=None, market_type="futures")
    assert venue.exchange.market_rules("LTC/USDT:USDT").max_leverage == 50  # Bybit LTCUSDT; Binance: 75
    with pytest.raises(OrderRejected, match="above the market's maximum 50x"):
        venue.exchange.set_leverage("LTC/USDT:USDT", 60, "isolated")
    venue.exchange.set_leverage("LTC/USDT:USDT", 50, "isolated")
