"""ccxt's real Binance and Bybit clients -> proxy node -> exchange double that checks the
exchanges' own signatures: orders, balances and cancels arrive intact."""

from __future__ import annotations

import asyncio

import ccxt
import pytest
from verzek.exchange import create_ccxt_client

from tests.integration.proxy.conftest import API_KEY, API_SECRET, client_settings

CASES = [("binance", "spot", "BTC/USDT"), ("binance", "future", "BTC/USDT:USDT"),
         ("bybit", "spot", "BTC/USDT"), ("bybit", "future", "BTC/USDT:USDT")]


@pytest.mark.parametrize(("exchange", "market_type", "symbol"), CASES)
def test_sync_client_trades_through_proxy(double, module_node, exchange, market_type, symbol):
    client = create_ccxt_client(exchange, api_key=API_KEY, secret=API_SECRET, market_type=market_type,
                                settings=client_settings(module_node.url))
    double.reset_requests()
    client_id = f"vz-{exchange}-{market_type}-sync"

    order = client.create_order(symbol, "limit", "buy", 0.01, 50000, {"clientOrderId": client_id})
    assert order["id"]
    stored = double.order_by_client_id(client_id)
    assert stored is not None and str(stored.amount) == "0.01" and str(stored.price) == "50000"

    double.fill(client_id, "49990", "0.004")
    fetched = client.fetch_order(order["id"], symbol)
    assert fetched["filled"] == pytest.approx(0.004) and fetched["status"] == "open"
    assert [o["id"] for o in client.fetch_open_orders(symbol)] == [order["id"]]

    with pytest.raises(ccxt.InvalidOrder if (exchange, market_type) != ("binance", "future") else ccxt.ExchangeError,
                       match="(?i)duplicate"):
        client.create_order(symbol, "limit", "buy", 0.01, 50000, {"clientOrderId": client_id})

    client.cancel_order(order["id"], symbol)
    assert double.order_by_client_id(client_id).status == "canceled"
    assert client.fetch_balance()["USDT"]["free"] > 0
    # Every private request reached the double through the node with a valid exchange signature.
    private = [r for r in double.requests if r.authenticated is not None]
    assert private and all(r.authenticated for r in private)
    assert all("x-verzek-signature" not in r.headers for r in double.requests)


def test_binance_leverage_margin_mode_and_key_restrictions(double, module_node):
    settings = client_settings(module_node.url)
    futures = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, market_type="future",
                                 settings=settings)
    futures.set_leverage(7, "ETH/USDT:USDT")
    futures.set_margin_mode("isolated", "ETH/USDT:USDT")
    assert double.leverage[("binance", "ETHUSDT")] == 7
    assert double.margin_mode[("binance", "ETHUSDT")] == "ISOLATED"

    spot = create_ccxt_client("binance", api_key=API_KEY, secret=API_SECRET, settings=settings)
    restrictions = spot.sapi_get_account_apirestrictions()
    assert restrictions["enableWithdrawals"] is False and restrictions["ipRestrict"] is False


def test_wrong_exchange_secret_is_refused_by_the_double_not_the_proxy(double, module_node):
    client = create_ccxt_client("binance", api_key=API_KEY, secret="not-the-secret",
                                settings=client_settings(module_node.url))
    with pytest.raises(ccxt.AuthenticationError, match="Signature"):
        client.fetch_balance()


@pytest.mark.parametrize(("exchange", "market_type", "symbol"), [CASES[1], CASES[2]])
def test_async_client_trades_through_proxy(double, module_node, exchange, market_type, symbol):
    async def scenario():
        client = create_ccxt_client(exchange, api_key=API_KEY, secret=API_SECRET, market_type=market_type,
                                    async_=True, settings=client_settings(module_node.url))
        try:
            client_id = f"vz-{exchange}-{market_type}-async"
            order = await client.create_order(symbol, "limit", "sell", 0.02, 70000, {"clientOrderId": client_id})
            fetched, balance = await asyncio.gather(client.fetch_order(order["id"], symbol), client.fetch_balance())
            await client.cancel_order(order["id"], symbol)
            return fetched, balance, client_id
        finally:
            await client.close()

    fetched, balance, client_id = asyncio.run(scenario())
    assert fetched["side"] == "sell" and fetched["amount"] == pytest.approx(0.02)
    assert balance["USDT"]["total"] > 0
    assert double.order_by_client_id(client_id).status == "canceled"
