"""Backtest pieces that need no database: settings, the curves' arithmetic, the JSON writer, and the
CLI refusing bad input before anything runs. The engine itself (real execution engine on a scratch
PostgreSQL database) is tested in tests/integration/house/test_backtest.py."""

from __future__ import annotations

import json
from decimal import Decimal

import numpy as np
import pytest
from verzek.backtest import BacktestSettings
from verzek.backtest.engine import _buy_and_hold_curve, _max_drawdown, _prepare
from verzek.backtest.report import write_json
from verzek.cli import main as verzek
from verzek.marketdata.series import OhlcvSeries
from verzek.strategies import create_strategy

D = Decimal


def test_unset_fees_and_slippage_come_from_the_paper_settings(settings_env):
    settings_env(PAPER_MAKER_FEE_PCT="0.02", PAPER_TAKER_FEE_PCT="0.04", PAPER_SLIPPAGE_PCT="0.1")
    resolved = BacktestSettings().resolved()
    assert (resolved.maker_fee_pct, resolved.taker_fee_pct, resolved.slippage_pct) == (D("0.02"), D("0.04"), D("0.1"))
    explicit = BacktestSettings(maker_fee_pct=D(0), taker_fee_pct=D(0), slippage_pct=D(0)).resolved()
    assert (explicit.maker_fee_pct, explicit.taker_fee_pct, explicit.slippage_pct) == (D(0), D(0), D(0))
    assert resolved.as_report()["taker_fee_pct"] == "0.04"


def _series(symbol, closes, start=0, tf=300_000):
    rows = [[start + i * tf, c, c, c, c, 1.0] for i, c in enumerate(closes)]
    return OhlcvSeries.from_rows(symbol, "5m", rows)


def test_buy_and_hold_is_the_equal_weight_return_and_drawdown_is_peak_to_trough():
    a, b = _series("A/BTC", [10, 11, 12]), _series("B/BTC", [20, 20, 10])
    curve = _buy_and_hold_curve({"A/BTC": a, "B/BTC": b}, a.ts)
    assert np.allclose(curve, [0.0, 0.05, (0.2 - 0.5) / 2])
    assert _max_drawdown(np.array([100.0, 120.0, 90.0, 130.0, 117.0])) == pytest.approx(0.25)


def test_only_setups_decided_inside_the_window_are_traded(sample_market):
    strategy = create_strategy("qfl")
    eth = sample_market.full_series("ETH/BTC", "5m")
    frm, to = int(eth.ts[1500]), int(eth.ts[3000])
    windows, fulls, setups_at, tf = _prepare(strategy, [eth], frm, to)
    assert windows["ETH/BTC"].ts[0] == frm and windows["ETH/BTC"].ts[-1] == to - tf
    assert fulls["ETH/BTC"].ts[0] == eth.ts[0]  # history before `from` warms the indicators up
    decided = sorted(setups_at)
    assert decided and frm + tf <= decided[0] and decided[-1] <= to
    # a setup decided at close t depends on candles <= t only: cutting the data later changes nothing before
    _, _, longer, _ = _prepare(strategy, [eth], frm, int(eth.ts[3300]))
    assert {t: [s.external_id for s in v] for t, v in longer.items() if t <= to} == \
        {t: [s.external_id for s in v] for t, v in setups_at.items()}


def test_json_report_is_sorted_and_stable(tmp_path):
    write_json({"b": 1, "a": {"z": 2, "y": [1.5]}}, tmp_path / "r.json")
    assert (tmp_path / "r.json").read_text() == json.dumps({"a": {"y": [1.5], "z": 2}, "b": 1}, indent=2) + "\n"


@pytest.mark.parametrize("argv,message", [
    (["--from", "yesterday"], "not a date"),
    (["--from", "2018-01-20", "--to", "2018-01-10"], "before"),
    (["--from", "2030-01-01"], "no candles"),
    (["--fee", "abc"], "numbers"),
    (["--fee", "0.5"], "--fee"),
    (["--tp-split", "50,-1"], "--tp-split"),
    (["--size-pct", "150"], "--size-pct"),
    (["--max-open", "0"], "--max-open"),
    (["--dca-orders", "21"], "--dca-orders"),
    (["--slippage-pct", "NaN"], "--slippage-pct"),
    (["--config", "{not json"], "not JSON"),
    (["--config", "[1]"], "JSON object"),
    (["--config", '{"adx_min": 500}'], "--config: adx_min"),
    (["--config", '{"no_such_knob": 1}'], "--config: no_such_knob"),
    (["--symbols", "LINK/USDT:USDT"], "no 5m candles for LINK/USDT:USDT"),
])
def test_cli_rejects_bad_input(tmp_path, capsys, argv, message):
    assert verzek(["backtest", "--strategy", "trend", "--out", str(tmp_path), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "report.json").exists()


def test_the_default_window_is_the_last_30_percent_and_in_sample_comes_before_it():
    from verzek.backtest.evaluation import holdout_periods

    day = 86_400_000
    a = _series("A/USDT", [1.0] * 2880, start=0)  # 10 days of 5m candles
    b = _series("B/USDT", [1.0] * 1440, start=5 * day)
    p = holdout_periods([a, b], "5m")
    assert (p.mode, p.data_from, p.data_to, p.test_from, p.test_to) == ("holdout", 0, 10 * day, 7 * day, 10 * day)
    report = p.as_report()
    assert report["in_sample"] == {"from": "1970-01-01T00:00:00Z", "to": "1970-01-08T00:00:00Z"}
    assert report["out_of_sample"] == {"from": "1970-01-08T00:00:00Z", "to": "1970-01-11T00:00:00Z"}
    custom = holdout_periods([a], "5m", from_ms=day, to_ms=2 * day)
    assert custom.mode == "custom" and "in_sample" not in custom.as_report()
    assert holdout_periods([a], "5m", test_fraction=0.5).test_from == 5 * day


def test_random_entries_keep_the_exits_and_the_count_and_are_seeded():
    from verzek.backtest.evaluation import holdout_periods, random_entry_setups
    from verzek.marketdata.replay import ReplayMarketData, usdt_sample_dir

    strategy = create_strategy("qfl")
    usdt = ReplayMarketData.from_files([usdt_sample_dir()])
    series = [usdt.full_series(s, "5m") for s in usdt.symbols("5m")]
    p = holdout_periods(series, "5m")
    _, _, setups_at, _ = _prepare(strategy, series, p.test_from, p.test_to)
    setups = [s for at in setups_at.values() for s in at]
    assert len(setups) >= 3
    by_symbol = {s.symbol: s for s in series}
    moved = random_entry_setups(setups, by_symbol, p.test_from, p.test_to, seed=0)
    assert moved == random_entry_setups(list(reversed(setups)), by_symbol, p.test_from, p.test_to, seed=0)
    assert moved != random_entry_setups(setups, by_symbol, p.test_from, p.test_to, seed=1)
    assert sorted(m.symbol for m in moved) == sorted(s.symbol for s in setups)
    originals = sorted(setups, key=lambda s: (s.candle_ts, s.symbol, s.side.value))
    for orig, m in zip(originals, moved, strict=True):
        full = by_symbol[m.symbol]
        i = int(np.searchsorted(full.ts, m.candle_ts))
        assert p.test_from <= m.candle_ts < p.test_to and full.ts[i] == m.candle_ts
        assert m.entries[0] == pytest.approx(full.close[i])  # entered at the random candle's close ...
        k = m.entries[0] / orig.entries[0]  # ... with the strategy's exits, in proportion
        assert m.stop == pytest.approx(orig.stop * k) and m.targets == pytest.approx(tuple(t * k for t in orig.targets))
        assert m.side == orig.side and m.external_id.startswith("random-qfl:") and m.symbol == orig.symbol
        m.validate()
