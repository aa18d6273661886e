"""Issue 13 item 8: the recorded market rules shipped for every supported exchange (binance, bybit,
phemex, kraken) are what `scripts/record_markets.py` writes, in ccxt's layout (symbols and ids as ccxt
names them), with their sources stated, and paper on each exchange refuses what that exchange refuses.
Every number below is read from the cited source by hand (scripts/record_markets.py SOURCES)."""

from __future__ import annotations

import importlib.util
import json
from decimal import Decimal
from pathlib import Path

import pytest
from verzek.execution import markets
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import OrderRejected, OrderRequest, OrderSide, OrderType
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
ROOT = Path(__file__).resolve().parents[3]


def _recorder():
    spec = importlib.util.spec_from_file_location("record_markets", ROOT / "scripts" / "record_markets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_files_are_exactly_what_the_recorder_writes_offline():
    recorder = _recorder()
    assert markets.shipped() == ["binance", "bybit", "kraken", "phemex"]
    for exchange in markets.shipped():
        written = json.dumps(recorder.offline(exchange), indent=1, sort_keys=True, default=str) + "\n"
        shipped = (ROOT / "layers/shared/python/verzek/execution/recorded" / f"{exchange}.json").read_text()
        assert written == shipped, f"{exchange}.json was edited by hand or not re-recorded"


def test_every_market_says_where_it_comes_from_and_follows_ccxts_layout():
    sources = _recorder().SOURCES
    for exchange in markets.shipped():
        data = markets.recorded(exchange)
        assert data["recorded"] == "offline" and "NOT fetched through ccxt" in data["provenance"]
        for symbol, market in data["markets"].items():
            pair, _, settle = symbol.partition(":")
            assert market["symbol"] == symbol and pair == f"{market['base']}/{market['quote']}"
            assert market["type"] == ("swap" if settle else "spot") and market["settle"] == (settle or None)
            assert market["id"] and all(key in sources for key in market["source"].split("+")), symbol
            assert D(market["precision"]["amount"]) > 0 and D(market["precision"]["price"]) > 0


@pytest.mark.parametrize(("exchange", "symbol", "market_id"), [
    ("binance", "BTC/USDT:USDT", "BTCUSDT"), ("bybit", "BTC/USDT:USDT", "BTCUSDT"), ("bybit", "ADA/USDT", "ADAUSDT"),
    ("phemex", "BTC/USDT", "sBTCUSDT"), ("phemex", "BTC/USDT:USDT", "BTCUSDT"),  # Phemex spot ids start with s
    ("kraken", "BTC/USD", "XXBTZUSD"), ("kraken", "DOGE/USDT", "XDGUSDT"),  # Kraken calls BTC XBT, DOGE XDG
    ("kraken", "BTC/USD:USD", "PF_XBTUSD"),  # Kraken Futures (ccxt krakenfutures): USD-settled linear perpetual
])
def test_symbols_and_ids_are_ccxts(exchange, symbol, market_id):
    assert markets.recorded(exchange)["markets"][symbol]["id"] == market_id


def test_fees_are_what_ccxts_load_markets_assigns():
    import ccxt

    usdm = ccxt.binanceusdm().fees["linear"]["trading"]
    assert markets.fees("BTC/USDT:USDT", "binance") == (D(str(usdm["maker"])), D(str(usdm["taker"])))
    assert markets.fees("ADA/USDT", "binance") == (D("0.001"), D("0.001"))
    assert markets.fees("BTC/USDT:USDT", "bybit") == (D("0.0001"), D("0.0006"))  # bybit.py linear defaults
    assert markets.fees("BTC/USD", "kraken") == (D("0.0016"), D("0.0026"))      # the pair's first fee tier
    futures = ccxt.krakenfutures().fees["trading"]
    assert markets.fees("BTC/USD:USD", "kraken") == (D(str(futures["maker"])), D(str(futures["taker"])))
    assert markets.fees("BTC/USDT:USDT", "phemex") is None  # ccxt states none for Phemex USDT perpetuals
    # a market that is not recorded pays its exchange's schedule (not paper's flat 0.1 %); ETH/BTC: no policy
    assert markets.fees("LINK/USDT:USDT", "binance") == markets.fees("BTC/USDT:USDT", "binance")
    assert markets.fees("PEPE/USDT:USDT", "bybit") == (D("0.0001"), D("0.0006"))
    assert markets.fees("PEPE/USD", "kraken") == (D("0.0016"), D("0.0026"))
    assert markets.fees("ETH/BTC", "binance") is None
    paper = _paper("bybit", "PEPE/USDT:USDT", "0.00001")
    paper.maker_fee = paper.taker_fee = None  # PAPER_*_FEE_PCT=market
    assert paper.fee_rates("PEPE/USDT:USDT") == (D("0.0001"), D("0.0006"))


def test_tiers_in_every_exchanges_shape():
    bybit = markets.rules("BTC/USDT:USDT", "bybit")
    tier = bybit.tier(D(6_000_000))  # Bybit tier 8: up to 8.5M, 50x, 1 %, deduction 20,500 (published)
    assert (tier.max_leverage, tier.maintenance_rate, tier.maintenance_amount) == (50, D("0.01"), D(20500))
    assert bybit.max_leverage == 100 and bybit.min_notional == 5
    kraken = markets.rules("BTC/USD:USD", "kraken")
    assert kraken.tier(D(100_000)).max_leverage == 50  # initial margin 2 % -> 50x
    assert kraken.tiers()[-1].max_notional == D("Infinity")  # the last margin level is open-ended
    phemex = markets.rules("ETH/USDT:USDT", "phemex")
    assert (phemex.tier(D(1000)).max_leverage, phemex.tier(D(1000)).maintenance_rate) == (100, D("0.005"))
    ada = markets.rules("ADA/USDT:USDT", "binance")  # freqtrade's recording: bracket 3 is 10k-50k at 40x, 1 %
    assert (ada.tier(D(20_000)).max_leverage, ada.tier(D(20_000)).maintenance_amount) == (40, D(45))
    # the live adapter asks with ccxt's client id: Kraken Futures' markets are in kraken.json
    assert markets.rules("BTC/USD:USD", "krakenfutures") == kraken


def _paper(exchange, symbol, price):
    rows = [[T0 + i * MIN, price, price, price, price, 1] for i in range(3)]
    return PaperExchange(RecordedPrices().add(symbol, "1m", rows), ManualClock(T0 + MIN), exchange=exchange,
                         balances={"USDT": D(10_000_000), "USD": D(10_000_000)}, taker_fee=D(0), maker_fee=D(0))


def _buy(symbol, amount, price=None, cid="o"):
    return OrderRequest(cid, symbol, OrderSide.BUY, OrderType.LIMIT if price else OrderType.MARKET, D(amount),
                        price=D(price) if price else None)


def _refused(paper, request) -> str:
    with pytest.raises(OrderRejected) as refused:
        paper.create_order(request)
    assert refused.value.kind == "invalid_order"
    return refused.value.reason


def test_the_same_order_is_refused_on_one_exchange_and_accepted_on_another():
    # 0.001 BTC at 90,000 = 90 USDT: Binance USD-M wants 100 USDT for BTC, Bybit linear 5
    assert "below the market minimum 100 USDT" in _refused(_paper("binance", "BTC/USDT:USDT", 90000),
                                                           _buy("BTC/USDT:USDT", "0.001"))
    assert _paper("bybit", "BTC/USDT:USDT", 90000).create_order(_buy("BTC/USDT:USDT", "0.001")).status.value == "open"
    # 0.015 ETH (45 USDT at 3,000): on Binance's 0.001 step, off Bybit's 0.01 step
    assert _paper("binance", "ETH/USDT:USDT", 3000).create_order(_buy("ETH/USDT:USDT", "0.015")).status.value == "open"
    assert "not a multiple of the step 0.01" in _refused(_paper("bybit", "ETH/USDT:USDT", 3000),
                                                          _buy("ETH/USDT:USDT", "0.015"))
    # 0.00001 BTC spot (1 USDT at 100,000): Phemex's minimum order value is 1 USDT, Binance's 5
    assert _paper("phemex", "BTC/USDT", 100000).create_order(_buy("BTC/USDT", "0.00001")).status.value == "open"
    assert "below the market minimum 1 USDT" in _refused(_paper("phemex", "BTC/USDT", 100000),
                                                          _buy("BTC/USDT", "0.000009"))
    assert "below the market minimum 5 USDT" in _refused(_paper("binance", "BTC/USDT", 100000),
                                                          _buy("BTC/USDT", "0.00001"))


def test_leverage_and_tier_limits_per_exchange():
    ltc = "LTC/USDT:USDT"
    _paper("binance", ltc, 100).set_leverage(ltc, 60, "isolated")  # Binance LTC: 75x
    with pytest.raises(OrderRejected, match="above the market's maximum 50x"):
        _paper("bybit", ltc, 100).set_leverage(ltc, 60, "isolated")  # Bybit LTC: 50x
    bybit = _paper("bybit", "BTC/USDT:USDT", 100000)
    bybit.set_leverage("BTC/USDT:USDT", 100, "isolated")
    # 100x holds up to 2,000,000 USDT of position on Bybit (tier 1); 21 BTC = 2.1M falls in tier 2 (90x)
    assert bybit.create_order(_buy("BTC/USDT:USDT", "19", "100000")).status.value == "open"
    assert "at most 90x at that size" in _refused(bybit, _buy("BTC/USDT:USDT", "2", "100000", cid="more"))
    kraken = _paper("kraken", "BTC/USD:USD", 100000)
    with pytest.raises(OrderRejected, match="above the market's maximum 50x"):
        kraken.set_leverage("BTC/USD:USD", 51, "isolated")
    kraken.set_leverage("BTC/USD:USD", 50, "isolated")
    # Kraken Futures: 2 % initial margin below 500,000 USD, 4 % (25x) above
    assert "at most 25x at that size" in _refused(kraken, _buy("BTC/USD:USD", "6", "100000"))
    assert "not a multiple of the tick 1" in _refused(kraken, _buy("BTC/USD:USD", "1", "100000.5"))
    assert "not a multiple of the step 0.0001" in _refused(kraken, _buy("BTC/USD:USD", "0.00005", "100000"))


def test_kraken_spot_minimums():
    assert "below the market minimum 0.0001 BTC" in _refused(_paper("kraken", "BTC/USD", 100000),
                                                             _buy("BTC/USD", "0.00005"))
    assert "below the market minimum 80 DOGE" in _refused(_paper("kraken", "DOGE/USDT", "0.2"),
                                                           _buy("DOGE/USDT", "79"))
    assert _paper("kraken", "DOGE/USDT", "0.2").create_order(_buy("DOGE/USDT", "80")).status.value == "open"


def test_a_market_that_is_not_recorded_trades_under_the_exchanges_conservative_rules():
    pepe = "PEPE/USDT:USDT"
    paper = _paper("bybit", pepe, "0.00001")
    with pytest.raises(OrderRejected, match=r"above the market's maximum 20x \(conservative rule: PEPE/USDT:USDT "
                                            r"is not recorded for bybit\)"):
        paper.set_leverage(pepe, 21, "isolated")
    paper.set_leverage(pepe, 20, "isolated")
    assert "below the market minimum 5 USDT (conservative rule" in _refused(paper, _buy(pepe, "400000"))  # 4 USDT
    rules = paper.market_rules(pepe)
    assert not rules.recorded and rules.tier(D(1000)).maintenance_rate == D("0.025")
    assert _paper("phemex", "PEPE/USDT", "0.00001").market_rules("PEPE/USDT").min_notional == 1
    assert _paper("kraken", "PEPE/USD", "0.00001").market_rules("PEPE/USD").min_notional == D("0.5")
    # a quote currency the exchange's file has no policy for: permissive, as documented
    eth_btc = _paper("binance", "ETH/BTC", "0.05").market_rules("ETH/BTC")
    assert (eth_btc.min_notional, eth_btc.max_leverage, eth_btc.recorded) == (0, None, False)


def test_a_usdt_futures_signal_trades_kraken_futures_usd_perpetual_of_the_coin():
    # Kraken Futures has no USDT-settled perpetuals: BTC/USDT:USDT trades BTC/USD:USD (PF_XBTUSD), which is
    # recorded with its own rules; other exchanges, spot and other quotes keep the signal's symbol
    assert markets.venue_symbol("BTC/USDT:USDT", "kraken") == "BTC/USD:USD"
    assert markets.venue_symbol("ETH/USDT:USDT", "krakenfutures") == "ETH/USD:USD"
    assert markets.rules(markets.venue_symbol("BTC/USDT:USDT", "kraken"), "kraken").max_leverage == 50
    for symbol, exchange in (("BTC/USDT:USDT", "binance"), ("BTC/USDT:USDT", "bybit"), ("BTC/USDT", "kraken"),
                             ("ETH/BTC:BTC", "kraken"), ("BTC/USD:USD", "kraken")):
        assert markets.venue_symbol(symbol, exchange) == symbol
