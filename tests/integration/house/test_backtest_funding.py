"""Issue 13 item 3 in a backtest: a futures long held across recorded Binance funding events of the
bundled USDT-M sample pays funding at the recorded mark price, and the report and equity carry it."""

from __future__ import annotations

import gzip
import json
from decimal import Decimal

from verzek.backtest import BacktestSettings, run_backtest
from verzek.marketdata import ReplayMarketData
from verzek.marketdata.replay import usdt_sample_dir

from tests.integration.house.test_backtest import Scripted, ms, server  # noqa: F401 (fixture)

D = Decimal
SYMBOL = "BTC/USDT:USDT"


def _rows(name: str) -> list:
    return json.loads(gzip.decompress((usdt_sample_dir() / name).read_bytes()), parse_float=D)


def test_a_futures_long_pays_the_recorded_funding(server):  # noqa: F811
    market = ReplayMarketData.from_files([usdt_sample_dir() / "BTC_USDT_USDT-5m-futures.json.gz"])
    series = [market.full_series(SYMBOL, "5m")]
    decided = ms("2025-05-05T02:00")
    close = float(series[0].close[series[0].ts.tolist().index(decided - 300_000)])
    # a marketable limit long decided at 02:00, target and stop far away: held through 08:00 and 16:00
    strategy = Scripted({(SYMBOL, decided - 300_000): ((close * 1.002,), (close * 1.5,), close * 0.95)})
    settings = BacktestSettings(start_balance=D(10000), size_pct=D(10), maker_fee_pct=D(0), taker_fee_pct=D(0),
                                slippage_pct=D(0))
    result = run_backtest(strategy, series, from_ms=ms("2025-05-05T01:00"), to_ms=ms("2025-05-05T18:00"),
                          settings=settings, funding_from=[usdt_sample_dir()])
    [trade] = result.trades
    assert trade["status"] == "open" and trade["amount"] > 0
    # by hand from the recorded files: at each funding time, -amount x mark open x rate
    rates = {int(r[0]): D(str(r[1])) for r in _rows("BTC_USDT_USDT-1h-funding_rate.json.gz")}
    marks = {int(r[0]): D(str(r[1])) for r in _rows("BTC_USDT_USDT-1h-mark.json.gz")}
    expected = sum((-trade["amount"] * marks[t] * rates[t] for t in (ms("2025-05-05T08:00"), ms("2025-05-05T16:00"))),
                   D(0))
    assert expected != 0 and trade["funding"] == expected.quantize(D("1e-18"))
    assert result.report["funding"] == round(float(expected), 6)
    # the equity curve counts it: profit = realised - fees + funding + unrealised
    assert D(result.report["profit_after_fees_exact"]) == trade["realized_pnl"] - trade["fees"] + trade["funding"] \
        + trade["unrealized_pnl"]
