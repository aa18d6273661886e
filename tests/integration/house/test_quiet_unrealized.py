"""The unrealised PnL a skipped monitor step books (`verzek.backtest.quiet.unrealized_pnl`) is the monitor's
own value, and the value PostgreSQL stores for it, also where the average entry does not terminate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.backtest.quiet import unrealized_pnl
from verzek.execution.orders import summarize

D = Decimal


@pytest.mark.parametrize("long", [True, False])
@pytest.mark.parametrize("price", ["0.08412345", "1234.5", "0.000012345678"])
def test_matches_the_monitor_and_what_numeric_38_18_stores(db, long, price):
    # three fills at different prices: the average entry is 1/3-ish (no finite decimal)
    rows = [{"filled": D("1.00000001"), "fee": D("0.0001"), "average_price": D("0.0835"), "price": None,
             "role": "entry"},
            {"filled": D("2"), "fee": D("0"), "average_price": D("0.08300001"), "price": None, "role": "safety"},
            {"filled": D("0.7"), "fee": D("0"), "average_price": D("0.0841"), "price": None, "role": "tp"}]
    summary = summarize(rows)
    assert len(str(summary.average_entry)) > 25  # rounded by the context: the precision matters here
    value, stored = unrealized_pnl(summary, long, D(price), D(1))
    assert value == summary.unrealized("long" if long else "short", D(price), D(1))  # the monitor's expression
    with db, db.cursor() as cur:
        cur.execute("SELECT %s::numeric(38, 18) AS v", (value,))
        assert cur.fetchone()["v"] == stored
