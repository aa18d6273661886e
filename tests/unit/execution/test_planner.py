from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, Side, Signal, SignalSource
from verzek.execution.client_ids import MAX_LENGTH, client_order_id, parse_client_order_id
from verzek.execution.planner import PlanRejected, TradePlan, TradingSettings, plan_trade
from verzek.execution.ports import MarketRules, OrderType

D = Decimal
FUT = MarketRules("BTC/USDT:USDT", "futures", "BTC", "USDT", amount_step=D("0.001"), price_step=D("0.1"),
                  min_amount=D("0.001"), min_notional=D("5"), max_leverage=50)
SPOT = MarketRules("ETH/USDT", "spot", "ETH", "USDT", amount_step=D("0.0001"), price_step=D("0.01"),
                   min_notional=D("10"))


def sig(side="long", entries=("60000",), targets=("61000", "62000", "63000"), stop="59000", entry_type="limit",
        leverage=20, symbol="BTC/USDT:USDT"):
    return Signal(source=SignalSource.VIP, symbol=symbol, side=Side(side), entry_type=EntryType(entry_type),
                  entries=tuple(D(e) for e in entries), targets=tuple(D(t) for t in targets),
                  stop_loss=D(stop) if stop else None, leverage=leverage, provider_chat_id=1, provider_message_id=1)


DEFAULT_SETTINGS = TradingSettings()
FREE, LAST = D("1000"), D("60500")


def plan(signal, settings=DEFAULT_SETTINGS, rules=FUT, free=FREE, last=LAST):
    return plan_trade(signal, settings, rules, free_balance=free, last_price=last, signal_id=7, user_id=9)


def test_leverage_up_to_and_exact():
    assert plan(sig(leverage=20), TradingSettings(leverage_cap=10)).leverage == 10
    assert plan(sig(leverage=5), TradingSettings(leverage_cap=10)).leverage == 5
    assert plan(sig(leverage=5), TradingSettings(leverage_cap=10, leverage_mode="exact")).leverage == 10
    assert plan(sig(leverage=None), TradingSettings(leverage_cap=7)).leverage == 7
    # market maximum (stop inside the 50x liquidation price 59095.5)
    assert plan(sig(leverage=100, stop="59500"), TradingSettings(leverage_cap=100)).leverage == 50


def test_fixed_size_notional_and_rounding():
    p = plan(sig(leverage=5), TradingSettings(size_value=D(100)))
    assert p.margin == 100 and p.notional == 500
    [entry] = p.orders
    assert entry.amount == D("0.008") and entry.price == D("60000")  # 500/60000 = 0.00833 → step 0.001
    assert entry.client_order_id == client_order_id(7, 9, "entry", 0)


def test_percent_size_zone_split_and_grace():
    s = sig(entries=("3000", "3100"), entry_type="range", targets=("3300",), stop="2900", leverage=None,
            symbol="ETH/USDT")
    p = plan(s, TradingSettings(size_type="percent", size_value=D(30), entry_grace_pct=D("0.5")), rules=SPOT,
             free=D("1000"), last=D("3150"))
    assert p.margin == D(300) and p.leverage == 1
    # zone 3000..3100 in 3 legs, nearest the market first, each 0.5 % higher (long grace), tick 0.01
    assert [o.price for o in p.orders] == [D("3115.5"), D("3065.25"), D("3015")]
    assert [o.amount for o in p.orders] == [D("0.0320"), D("0.0326"), D("0.0331")]  # 100 USDT each, step 0.0001
    assert sum(o.amount * o.price for o in p.orders) <= D(300)


def test_first_entry_market_and_market_signal():
    p = plan(sig(entries=("60000", "59500")), TradingSettings(first_entry_market=True))
    assert [o.type for o in p.orders] == [OrderType.MARKET, OrderType.LIMIT]
    m = plan(sig(entries=(), entry_type="market"))
    assert [(o.type, o.price, o.reference_price) for o in m.orders] == [(OrderType.MARKET, None, D("60500"))]


def test_safety_orders_share_the_budget():
    settings = TradingSettings(size_value=D(1000), dca_enabled=True, dca_safety_orders=2, dca_step_pct=D(1),
                               dca_volume_scale=D(2), leverage_cap=1)
    p = plan(sig(stop="58000"), settings, free=D(5000))
    # weights 1 : 1 : 2 of 1000 USDT; safety prices 1 % and 2 % under the entry
    assert [(o.role, o.price) for o in p.orders] == [("entry", D("60000")), ("safety", D("59400")),
                                                     ("safety", D("58800"))]
    assert [o.amount for o in p.orders] == [D("0.004"), D("0.004"), D("0.008")]


def test_orders_failing_market_rules_are_dropped_with_reason():
    # weights 1 : 1 : 0.1 of 130 USDT: the second safety order (6.19 USDT) rounds to 0 BTC at step 0.001
    settings = TradingSettings(size_value=D(130), leverage_cap=1, dca_enabled=True, dca_safety_orders=2,
                               dca_volume_scale=D("0.1"), dca_step_pct=D(1))
    p = plan(sig(entries=("60000",), stop="58000"), settings)
    assert [(o.role, o.leg) for o in p.orders] == [("entry", 0), ("safety", 1)]
    assert [(d.role, d.leg) for d in p.dropped] == [("safety", 2)] and "rounds to 0" in p.dropped[0].reason
    with pytest.raises(PlanRejected, match="market rules") as err:
        plan(sig(), TradingSettings(size_value=D(3), leverage_cap=1))
    assert err.value.code == "market_rules"


def test_take_profit_split_and_user_percents():
    p = plan(sig(targets=("61000", "62000")))
    assert [(t.price, t.fraction) for t in p.take_profits] == [(D("61000"), D("0.625")), (D("62000"), D("0.375"))]
    five = plan(sig(targets=("61000", "62000", "63000", "64000", "65000")))
    assert len(five.take_profits) == 3 and any("only the first 3" in n for n in five.notes)
    own = plan(sig(targets=()), TradingSettings(tp_percents=(D(1), D(2)), tp_split=(D(1), D(1))))
    assert [t.price for t in own.take_profits] == [D("60600"), D("61200")]


def test_stops_default_and_wrong_side():
    # Cornix: the default stop is a loss on the margin: 2 % / 10x leverage = 0.2 % below 60000
    assert plan(sig(stop=None), TradingSettings(default_stop_pct=D(2))).stop_loss == D("59880")
    assert plan(sig(stop=None), TradingSettings(no_stop_policy="allow")).stop_loss is None
    with pytest.raises(PlanRejected, match="wrong side"):
        plan(sig(stop="60500"))
    short = plan(sig(side="short", entries=("61000",), targets=("60000",), stop="62000"), last=D("60800"))
    assert short.entry_side.value == "sell" and short.stop_loss == D("62000")


def test_a_stop_written_as_a_share_of_the_price_is_placed_from_the_average_entry():
    from dataclasses import replace
    # "SL 5%": 5 % of the price below the 60000 entry — not the user's default (a loss on the margin: 50 % / 20x = 2.5 %)
    long = plan(replace(sig(stop=None), stop_loss_pct=D(5)), TradingSettings(no_stop_policy="skip"))
    assert long.stop_loss == D("57000") and any("stop from the signal: 5% below" in n for n in long.notes)
    short = plan(replace(sig(side="short", entries=("61000",), targets=("60000",), stop=None), stop_loss_pct=D("2.5")),
                 last=D("60800"))
    assert short.stop_loss == D("62525")
    # a ladder: from the average of its planned entries
    ladder = plan(replace(sig(entries=("60000", "58000"), stop=None), stop_loss_pct=D(4)))
    average = sum((o.amount * o.reference_price for o in ladder.orders if o.role == "entry"), D(0)) / \
        sum((o.amount for o in ladder.orders if o.role == "entry"), D(0))
    assert abs(ladder.stop_loss - average * D("0.96")) <= D("0.1")
    # a price stop written beside it wins
    assert plan(replace(sig(stop="59000"), stop_loss_pct=D(5))).stop_loss == D("59000")


def test_refusals():
    with pytest.raises(PlanRejected, match="spot"):
        plan(sig(side="short", symbol="ETH/USDT", entries=("3000",), targets=("2900",), stop="3100"), rules=SPOT)
    with pytest.raises(PlanRejected, match="below the trade size"):
        plan(sig(), TradingSettings(size_value=D(5000)))
    with pytest.raises(PlanRejected, match="TP1"):
        plan(sig(), last=D("61500"))
    with pytest.raises(PlanRejected, match="stop"):
        plan(sig(), last=D("58900"))
    # the user may choose to take it anyway
    assert plan(sig(), TradingSettings(skip_if_tp_or_sl_hit=False), last=D("61500")).orders


def test_plan_json_round_trip():
    p = plan(sig(), TradingSettings(dca_enabled=True, dca_safety_orders=1, breakeven_after_tp=1,
                                    trailing_stop_pct=D("1.5")))
    assert TradePlan.from_json(p.to_json()) == p


def test_plan_json_is_what_asdict_made():
    """`to_json` walks the plan without `dataclasses.asdict`'s deep copy: the same JSON, field for field
    (dropped orders, take profits, notes included)."""
    import dataclasses
    import json

    def through_asdict(value):  # what `to_json` was: asdict, then Decimals as strings, tuples as lists
        if isinstance(value, D):
            return str(value)
        if isinstance(value, dict):
            return {k: through_asdict(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [through_asdict(v) for v in value]
        return value

    plans = [plan(sig(), TradingSettings(dca_enabled=True, dca_safety_orders=2, breakeven_after_tp=1,
                                         trailing_stop_pct=D("1.5"))),
             plan(sig(side="short", entries=("61000",), targets=("60000",), stop="62000"), last=D("60800")),
             plan(sig(stop=None), TradingSettings(no_stop_policy="allow"))]
    for p in plans:
        assert json.dumps(p.to_json(), sort_keys=True) == json.dumps(through_asdict(dataclasses.asdict(p)),
                                                                     sort_keys=True)
        assert p.to_json() == through_asdict(dataclasses.asdict(p))


def test_settings_validation():
    with pytest.raises(ValueError):
        TradingSettings(size_type="percent", size_value=D(150))
    with pytest.raises(ValueError):
        TradingSettings(tp_split=(D(50), D(-1)))


def test_client_ids_are_deterministic_short_and_parseable():
    cid = client_order_id(2**63 - 1, 2**63 - 1, "tp", 99, 99)
    assert len(cid) <= MAX_LENGTH
    assert client_order_id(1, 2, "entry", 0) == client_order_id(1, 2, "entry", 0) != client_order_id(2, 1, "entry")
    assert parse_client_order_id(client_order_id(123456, 42, "safety", 3, 2)) == {
        "signal_id": 123456, "user_id": 42, "role": "safety", "leg": 3, "revision": 2}
    assert parse_client_order_id("web_123") is None
    with pytest.raises(ValueError):
        client_order_id(1, 1, "bogus")


def test_a_signal_without_a_stop_gets_the_default_stop_or_is_skipped():
    # no default_stop_pct set: 50 % / 10x = 5 % below the 60000 entry
    assert plan(sig(stop=None)).stop_loss == D("57000")
    with pytest.raises(PlanRejected, match="no stop loss") as refused:
        plan(sig(stop=None), TradingSettings(no_stop_policy="skip"))
    assert refused.value.code == "no_stop"


def test_risk_sizing_loses_the_chosen_share_of_equity_at_the_stop():
    # Hand-computed: 1 % of 1000 USDT = 10 USDT at risk. Probe at full size: 0.166 BTC loses
    # 0.166 x 1000 + 0.166 x (60000 + 59000) x 0.1 % = 185.754; margin 1000 x 10 / 185.754 = 53.83,
    # notional 538.35 at 10x -> 0.008972 -> 0.008 BTC (step 0.001): loss 8 + 0.952 = 8.952 USDT.
    p = plan(sig(), TradingSettings(size_type="risk", size_value=D(1)))
    assert [o.amount for o in p.orders] == [D("0.008")]
    assert p.loss_at_stop == D("8.952")
    assert any("lose 1% of equity" in n for n in p.notes)
    with pytest.raises(PlanRejected):
        plan(sig(stop=None), TradingSettings(size_type="risk", size_value=D(1), no_stop_policy="allow"))


def test_the_loss_at_the_stop_is_capped_in_every_sizing_mode():
    # 100 % of the balance at 20x (the 125x case with this stop is now refused: the 59000 stop lies
    # beyond the 125x liquidation price 59819.1). Unbounded: 20000 / 60000 = 0.333 BTC loses 333 + 39.627
    # = 372.627 USDT (37 % of 1000). The 10 % cap scales the margin to 1000 x 100 / 372.627 = 268.36
    # -> notional 5367.2 -> 0.089 BTC: 89 + 10.591 = 99.591 USDT <= 100.
    rules = MarketRules("BTC/USDT:USDT", "futures", "BTC", "USDT", amount_step=D("0.001"), price_step=D("0.1"),
                        min_amount=D("0.001"), min_notional=D("5"), max_leverage=125)
    settings = TradingSettings(size_type="percent", size_value=D(100), leverage_cap=20)
    capped = plan(sig(leverage=20), settings, rules=rules)
    assert capped.leverage == 20 and [o.amount for o in capped.orders] == [D("0.089")]
    assert capped.loss_at_stop == D("99.591") and capped.loss_at_stop <= D(100)
    assert any("size reduced" in n for n in capped.notes)
    uncapped = plan(sig(leverage=20), TradingSettings(size_type="percent", size_value=D(100), leverage_cap=20,
                                                      max_loss_at_stop_pct=None), rules=rules)
    assert [o.amount for o in uncapped.orders] == [D("0.333")] and uncapped.loss_at_stop == D("372.627")


def test_an_entry_far_from_the_market_is_refused():
    # the case: a long entry 2x above the 60500 market would fill at once at about half the price
    with pytest.raises(PlanRejected, match="from the market price") as refused:
        plan(sig(entries=("121000",), targets=("130000",), stop="110000"))
    assert refused.value.code == "entry_too_far"
    # the user may lift the limit; the order is then sized at the market it will fill at
    lifted = plan(sig(entries=("121000",), targets=("130000",), stop="55000"),
                  TradingSettings(max_entry_distance_pct=None))
    assert lifted.orders[0].reference_price == LAST


def test_a_marketable_limit_is_sized_at_the_market_price():
    # long limit 62000 with the market at 60500 (2.5 % away) fills at about 60500: by hand, 100 USDT x 10x
    # = 1000 / 60500 = 0.016528 -> 0.016 BTC (at the limit price it would have been 0.016129 -> 0.016 too,
    # so use a bigger size to see it): 500 x 10 = 5000 / 60500 = 0.082644 -> 0.082 (not 5000 / 62000 -> 0.080)
    p = plan(sig(entries=("62000",), targets=("64000",), stop="59000"), TradingSettings(size_value=D(500)),
             free=D(10000))
    assert [o.amount for o in p.orders] == [D("0.082")] and p.orders[0].price == D("62000")


def test_a_stop_beyond_the_liquidation_price_is_refused():
    # issue 13 item 2. By hand, long 60000 at 50x isolated, maintenance 0.5 %:
    # liquidation = 60000 x (1 - 1/50) / (1 - 0.005) = 58800 / 0.995 = 59095.477...
    settings = TradingSettings(leverage_cap=50)
    with pytest.raises(PlanRejected) as refused:
        plan(sig(leverage=50, stop="59000"), settings)
    assert refused.value.code == "stop_beyond_liquidation" and "59095.5" in refused.value.reason
    assert plan(sig(leverage=50, stop="59100"), settings).stop_loss == D("59100")  # inside: traded
    # short 60000 at 50x: 60000 x 1.02 / 1.005 = 60895.52...; the market is 59900 here
    with pytest.raises(PlanRejected):
        plan(sig(side="short", targets=("59000",), leverage=50, stop="60900"), settings, last=D("59900"))
    assert plan(sig(side="short", targets=("59000",), leverage=50, stop="60890"), settings,
                last=D("59900")).stop_loss == D("60890")
    # the Cornix default stop (50 % / 125x = 0.4 %) lies beyond a 125x liquidation (0.3 % away): refused
    with pytest.raises(PlanRejected) as default_too_far:
        plan(sig(leverage=125, stop=None), TradingSettings(leverage_cap=125),
             rules=MarketRules("BTC/USDT:USDT", "futures", "BTC", "USDT", amount_step=D("0.001"),
                               price_step=D("0.1")))
    assert default_too_far.value.code == "stop_beyond_liquidation"


def test_the_liquidation_check_uses_the_recorded_tiers_and_the_margin_mode():
    from dataclasses import replace as dc_replace

    from verzek.domain.signals import MarginMode
    from verzek.execution import markets

    btc = markets.rules("BTC/USDT:USDT")
    settings = TradingSettings(leverage_cap=50, size_value=D(20000), max_loss_at_stop_pct=None,
                               max_entry_distance_pct=None)
    # 20000 USDT at 50x long 100000: 10 BTC, notional 1,000,000 in bracket 3 (0.65 %, cum 950):
    # liquidation = (1,000,000 - 20,000 - 950) / (10 x 0.9935) = 98545.546; the old flat 0.5 % said 98492.46
    long = sig(entries=("100000",), targets=("110000",), stop="98540", leverage=50)
    with pytest.raises(PlanRejected) as refused:
        plan(long, settings, rules=btc, free=D(100000), last=D("100000"))
    assert refused.value.code == "stop_beyond_liquidation" and "98545.5" in refused.value.reason
    assert plan(dc_replace(long, stop_loss=D("98550")), settings, rules=btc, free=D(100000),
                last=D("100000")).stop_loss == D("98550")
    # cross: the whole free balance (100000) backs it: (1,000,000 - 100,000 - 950) / 9.935 = 90493.2 -> traded
    cross = plan(dc_replace(long, margin_mode=MarginMode.CROSS), settings, rules=btc, free=D(100000),
                 last=D("100000"))
    assert cross.margin_mode == "cross" and cross.stop_loss == D("98540")


def test_leverage_is_lowered_to_the_tier_of_the_position_size():
    from verzek.execution import markets

    # 100000 USDT margin at 125x would be a 12.5M position: bracket 5 (12M-70M) allows 25x at most; 119x-51x
    # give 11.9M-5.1M, bracket 4 (3M-12M, 50x at most); 50x = 5M fits bracket 4 -> 50x
    p = plan(sig(entries=("100000",), targets=("110000",), stop=None, leverage=125),
             TradingSettings(leverage_cap=125, size_value=D(100000), max_loss_at_stop_pct=None,
                             max_entry_distance_pct=None, no_stop_policy="allow"),
             rules=markets.rules("BTC/USDT:USDT"), free=D(200000), last=D("100000"))
    assert p.leverage == 50 and p.notional == D(5000000)
    assert any("lowered from 125x to 50x" in n for n in p.notes)


def test_dca_safety_orders_follow_the_3commas_step_scale():
    # step 2 %, step scale 2: 2 %, 2 + 4 = 6 %, 2 + 4 + 8 = 14 % below the entry 100 (spot, tick 0.01)
    p = plan(sig(entries=("100",), targets=("110",), stop="80", symbol="ETH/USDT"),
             TradingSettings(dca_enabled=True, dca_safety_orders=3, dca_step_pct=D(2), dca_step_scale=D(2),
                             dca_volume_scale=D(1), dca_max_active=2, max_loss_at_stop_pct=None),
             rules=SPOT, last=D("100.5"))
    assert [o.price for o in p.orders if o.role == "safety"] == [D(98), D(94), D(86)]
    assert p.max_active_safety == 2 and p.tp_follow_average
    # scale 1 keeps the even steps of before: 98, 96, 94
    even = plan(sig(entries=("100",), targets=("110",), stop="80", symbol="ETH/USDT"),
                TradingSettings(dca_enabled=True, dca_safety_orders=3, dca_step_pct=D(2), max_loss_at_stop_pct=None),
                rules=SPOT, last=D("100.5"))
    assert [o.price for o in even.orders if o.role == "safety"] == [D(98), D(96), D(94)]
