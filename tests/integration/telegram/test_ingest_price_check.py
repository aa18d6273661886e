"""The market-price check at ingest: the webhook reads the coin's price from the executor's price source
(recorded candles here, `RecordedPrices` as in replay) and holds an open whose entry is far from it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from verzek.execution.paper import RecordedPrices
from verzek.queue import InProcessQueue
from verzek.signals import market_check
from verzek.signals.market_check import PriceSourceMarket

from .test_webhook import channel_post, post, updates  # noqa: F401 - fixtures

NOW_MS = int(datetime.now(UTC).timestamp() * 1000) // 60_000 * 60_000


def _prices(close: str) -> RecordedPrices:
    start = NOW_MS - 5 * 60_000
    return RecordedPrices().add("ZRO/USDT", "1m", [[start + i * 60_000, close, close, close, close, 1]
                                                   for i in range(4)])


@pytest.fixture
def market(monkeypatch):
    def use(close: str):
        port = PriceSourceMarket(_prices(close), clock=lambda: NOW_MS)
        monkeypatch.setattr(market_check, "current_market", lambda: port)

    return use


def _signal_row(db, message_id: int):
    with db, db.cursor() as cur:
        cur.execute("SELECT status, rejected_reason, meta FROM signals WHERE provider_message_id = %s", (message_id,))
        return cur.fetchone()


@pytest.mark.parametrize("text, held", [
    ("#ZRO LONG\nEntry: 3.400\nTP: 3.480 / 3.550\nSL: 3.320", False),
    ("#ZRO LONG\nEntry: 34.00\nTP: 34.80 / 35.50\nSL: 33.20", True),  # decimal point in the wrong place
    ("#ZRO SHORT\nEntry: 5.200\nTP: 5.100 / 5.000\nSL: 5.300", True),  # a level far from the market
])
def test_open_far_from_the_market_is_held_not_traded(telegram_env, channel_post, make_user, market, text, held):
    market("3.4105")
    make_user()
    queue = InProcessQueue()
    message_id = 7000 + len(text) * 7 + (1 if "SHORT" in text else 0)
    response = post(channel_post(text, update_id=message_id, message_id=message_id), queue=queue)
    assert response.status == 200, response.body
    row = _signal_row(telegram_env, message_id)
    if held:
        assert row["status"] == "rejected" and row["rejected_reason"].startswith("held for review: entry")
        assert row["meta"]["market_price"] == "3.4105"
        assert response.body["jobs"] == 0
    else:
        assert row["status"] == "open" and row["rejected_reason"] is None
        assert row["meta"]["provenance"]["entries"] == "label 'Entry'"  # each field says where it came from
        assert response.body["jobs"] == 1


def test_no_market_price_means_no_check(telegram_env, channel_post, monkeypatch):
    class Down:
        def last_price(self, symbol):
            raise TimeoutError("feed down")

    monkeypatch.setattr(market_check, "current_market", lambda: Down())
    response = post(channel_post("#ZRO LONG\nEntry: 3.400\nTP: 3.480\nSL: 3.320", update_id=8101, message_id=8101))
    assert response.status == 200 and _signal_row(telegram_env, 8101)["status"] == "open"
    assert json.dumps(response.body)


class _ListsOnly:
    """A price source over an exchange that lists only some markets (as ccxt answers: BadSymbol → unknown_symbol)."""

    def __init__(self, prices: RecordedPrices, listed: set[str]):
        self.prices, self.listed = prices, listed

    def candles(self, symbol, since_ms, until_ms):
        from verzek.execution.ports import OrderRejected

        if symbol not in self.listed:
            raise OrderRejected(f"BadSymbol: exchange does not have market symbol {symbol}", "unknown_symbol")
        return self.prices.candles(symbol, since_ms, until_ms)


def test_a_ticker_the_exchange_does_not_list_is_held(telegram_env, channel_post, make_user, monkeypatch):
    # ("#WLF" written for WLD or WIF: the parser cannot tell a misspelling from a new listing; the exchange can)
    port = PriceSourceMarket(_ListsOnly(_prices("3.4105"), {"ZRO/USDT"}), clock=lambda: NOW_MS)
    monkeypatch.setattr(market_check, "current_market", lambda: port)
    make_user()
    for message_id, text in ((8201, "#WLF LONG\nEntry: 3.400\nTP: 3.480 / 3.550\nSL: 3.320"),
                             (8202, "#WLF LONG now (market)\nTP: 3.480 / 3.550\nSL: 3.320\nLev 5x")):
        response = post(channel_post(text, update_id=message_id, message_id=message_id))
        assert response.status == 200 and response.body["jobs"] == 0, response.body
        row = _signal_row(telegram_env, message_id)
        assert row["status"] == "rejected" and row["meta"]["market_listed"] is False, row
        assert row["rejected_reason"].startswith("held for review: WLF/USDT") and "is no market on the exchange" in row["rejected_reason"]
    # the futures pair unlisted but the spot pair listed: the spot price is the market, the open trades
    response = post(channel_post("#ZRO LONG\nEntry: 3.400\nTP: 3.480\nSL: 3.320", update_id=8203, message_id=8203))
    assert response.status == 200 and _signal_row(telegram_env, 8203)["status"] == "open"


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
def test_the_deployed_source_reads_the_exchange_public_ticker(telegram_env, channel_post, make_user, settings_env,
                                                              exchange):
    # PAPER_PRICE_SOURCE=live:<exchange> as deployed: the webhook has no ccxt, so the check reads the exchange's public
    # ticker over httpx — here the exchange double on 127.0.0.1 speaking Binance's and Bybit's ticker endpoints
    from tests.support.exchange_double import ExchangeDouble

    with ExchangeDouble() as double:
        double.mark_prices["ETHUSDT"] = Decimal("3005.5")
        settings_env(INGEST_PRICE_CHECK="true", PAPER_PRICE_SOURCE=f"live:{exchange}",
                     PUBLIC_MARKET_DATA_URL=double.base_url)
        market_check._MARKETS.clear()
        make_user()
        base = 8300 + (0 if exchange == "binance" else 50)
        cases = [("#ETH LONG\nEntry: 3000\nTP: 3080 / 3150\nSL: 2940\nLeverage: 5x", "open", None),
                 ("#ETH LONG\nEntry: 300.0\nTP: 308.0 / 315.0\nSL: 294.0\nLeverage: 5x", "rejected", "held for review: entry"),
                 ("#WLF LONG\nEntry: 3.000\nTP: 3.080\nSL: 2.940\nLeverage: 5x", "rejected", "held for review: WLF/USDT")]
        for n, (text, status, reason) in enumerate(cases):
            response = post(channel_post(text, update_id=base + n, message_id=base + n))
            assert response.status == 200, response.body
            row = _signal_row(telegram_env, base + n)
            assert row["status"] == status, (text, row)
            assert reason is None and row["rejected_reason"] is None or row["rejected_reason"].startswith(reason)
        asked = [r.path for r in double.requests]
        assert any(p.endswith(("/ticker/price", "/market/tickers")) for p in asked), asked
        # the double down (the exchange answers 503): no check, the open trades
        double.inject_error(503, times=4)
        response = post(channel_post("#ETH LONG\nEntry: 3001\nTP: 3080\nSL: 2940\nLeverage: 5x",
                                     update_id=base + 9, message_id=base + 9))
        assert response.status == 200 and _signal_row(telegram_env, base + 9)["status"] == "open"
    market_check._MARKETS.clear()
