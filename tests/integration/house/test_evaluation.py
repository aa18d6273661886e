"""`verzek backtest` evaluates out of sample by default and against its baselines, on the USDT sample."""

from __future__ import annotations

import json

from verzek.cli import main as verzek


def test_default_backtest_is_out_of_sample_in_usdt_with_baselines(db_dsn, tmp_path, capsys):
    out = tmp_path / "bt"
    argv = ["backtest", "--strategy", "trend", "--symbols", "BTC/USDT:USDT,ETH/USDT:USDT", "--test-fraction", "0.1",
            "--no-png", "--out", str(out)]
    assert verzek(argv) == 0
    r = json.loads((out / "report.json").read_text())
    ev = r["evaluation"]
    assert ev["mode"] == "holdout" and ev["in_sample"]["to"] == ev["out_of_sample"]["from"] == r["period"]["from"]
    assert ev["data"] == {"from": "2025-05-05T00:00:00Z", "to": "2025-06-02T00:00:00Z"}
    assert ev["out_of_sample"]["to"] == r["period"]["to"] == "2025-06-02T00:00:00Z"
    assert r["quote"] == "USDT" and r["settings"]["start_balance"] == "10000" and r["trades"] >= 1
    assert r["fees_paid"] > 0 and r["funding"] != 0  # the sample ships funding events: charged
    base = r["baselines"]
    rnd = base["random_entry_same_exits"]
    assert rnd["seed"] == 0 and rnd["signals"] == r["signals"]  # same number of decisions, moved in time
    assert r["verdict"] == {"beats_cash": r["return_pct"] > 0,
                            "beats_buy_and_hold": r["return_pct"] > base["buy_and_hold_return_pct"],
                            "beats_random_entry": r["return_pct"] > rnd["return_pct"]}
    printed = capsys.readouterr().out
    assert "out of sample (traded, holdout)" in printed and "random entry, same exits (seed 0)" in printed
    assert "USDT" in printed
