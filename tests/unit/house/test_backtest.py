"""Backtests: paper fills and fees on hand-built cases, determinism, and the CLI outputs."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from verzek.backtest import BacktestSettings, run_backtest
from verzek.backtest.simulator import Fees, SimPosition
from verzek.cli import main as verzek
from verzek.domain.signals import EntryType, Side, Signal, SignalSource
from verzek.execution.planner import TradingSettings, plan_trade
from verzek.execution.ports import MarketRules
from verzek.strategies import create_strategy

D = Decimal


def _plan(entries=("100",), targets=("110", "120"), stop="95", breakeven=None):
    signal = Signal(source=SignalSource.TREND, symbol="T/USDT", side=Side.LONG, entry_type=EntryType.LIMIT,
                    entries=tuple(D(e) for e in entries), targets=tuple(D(t) for t in targets), stop_loss=D(stop),
                    external_id="t:1")
    settings = TradingSettings(size_value=D(1000), tp_split=(D(50), D(50)), breakeven_after_tp=breakeven)
    return plan_trade(signal, settings, MarketRules.permissive("T/USDT"), free_balance=D(10000),
                      last_price=D(100), signal_id=1, user_id=1)


def test_limit_entry_tp_ladder_and_fees_by_hand():
    pos = SimPosition(_plan(), opened_bar_ts=0, fees=Fees(D("0.001"), D("0.002")), entry_timeout_bars=5,
                      max_hold_bars=100)
    pos.on_candle(1, D(101), D(102), D(99), D(101))   # trades through 100: filled 10 @ 100, maker fee 1
    assert pos.filled == D(10) and pos.fee_total == D("1.000")
    pos.on_candle(2, D(105), D(111), D(104), D(110))  # TP1: 5 @ 110, fee 0.55
    pos.on_candle(3, D(115), D(121), D(114), D(120))  # TP2 closes the rest: 5 @ 120, fee 0.6
    assert pos.done and [f.kind for f in pos.fills] == ["entry", "tp1", "tp2"]
    assert pos.pnl == D(5 * 10 + 5 * 20) - D("2.15")


def test_a_bar_touching_stop_and_target_counts_as_stopped_and_gaps_fill_at_the_open():
    pos = SimPosition(_plan(), 0, Fees(D(0), D(0)), 5, 100)
    pos.on_candle(1, D(100), D(100), D(100), D(100))
    pos.on_candle(2, D(100), D(125), D(90), D(100))  # both TP and stop inside: pessimistic
    assert pos.fills[-1].kind == "stop" and pos.pnl == D(-50)
    gap = SimPosition(_plan(), 0, Fees(D(0), D(0)), 5, 100)
    gap.on_candle(1, D(100), D(100), D(100), D(100))
    gap.on_candle(2, D(90), D(91), D(89), D(90))  # opened below the stop
    assert gap.fills[-1].price == D(90)


def test_breakeven_after_tp1_and_unfilled_entries_expire():
    pos = SimPosition(_plan(breakeven=1), 0, Fees(D(0), D(0)), 5, 100)
    pos.on_candle(1, D(100), D(100), D(100), D(100))
    pos.on_candle(2, D(105), D(111), D(104), D(110))
    assert pos.stop == D(100)
    pos.on_candle(3, D(101), D(102), D(99), D(100))
    assert pos.fills[-1].kind == "stop" and pos.pnl == D(50)
    never = SimPosition(_plan(), 0, Fees(D(0), D(0)), 3, 100)
    for ts in (1, 2, 3):
        never.on_candle(ts, D(105), D(106), D(104), D(105))
    assert never.done and never.filled == 0 and never.pnl == 0


def test_same_inputs_same_report(sample_market):
    strategy = create_strategy("qfl")
    series = [sample_market.full_series(s, "5m") for s in ("ETH/BTC", "LTC/BTC", "ZEC/BTC")]
    a = run_backtest(strategy, series).report
    b = run_backtest(create_strategy("qfl"), list(reversed(series))).report
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert a["trades"] > 10 and 0 <= a["win_rate"] <= 1 and a["max_drawdown_pct"] >= 0
    assert a["fees_paid"] > 0 and 0 < a["exposure_pct"] < 100


def test_fees_reduce_profit(sample_market):
    series = [sample_market.full_series("ETH/BTC", "5m")]
    free = run_backtest(create_strategy("trend"), series, settings=BacktestSettings(fees=Fees(D(0), D(0)))).report
    paid = run_backtest(create_strategy("trend"), series).report
    assert paid["trades"] == free["trades"] and paid["profit_after_fees"] < free["profit_after_fees"]


def test_cli_writes_report_and_png(tmp_path, capsys):
    out = tmp_path / "bt"
    assert verzek(["backtest", "--strategy", "qfl", "--from", "2018-01-15", "--to", "2018-01-20",
                   "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text())
    assert report["period"]["from"].startswith("2018-01-15") and report["period"]["to"] <= "2018-01-20T00:00:00Z"
    for key in ("trades", "win_rate", "profit_after_fees", "max_drawdown_pct", "sharpe_like", "exposure_pct",
                "buy_and_hold_return_pct"):
        assert key in report
    assert (out / "equity.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "trades" in capsys.readouterr().out


@pytest.mark.parametrize("argv,message", [
    (["--from", "yesterday"], "not a date"),
    (["--from", "2018-01-20", "--to", "2018-01-10"], "before"),
    (["--from", "2030-01-01"], "no candles"),
    (["--fee", "abc"], "numbers"),
])
def test_cli_rejects_bad_input(tmp_path, capsys, argv, message):
    assert verzek(["backtest", "--strategy", "trend", "--out", str(tmp_path), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "report.json").exists()
