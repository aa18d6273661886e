"""Write the recorded market data paper mode ships with: `verzek/execution/recorded/<exchange>.json`
for every supported exchange (binance, bybit, phemex, kraken).

Each file holds, in ccxt's unified layout so it reads like what ccxt returns:

* `markets`: per market the fields of ccxt's unified market (`load_markets()`: id, symbol, type,
  precision, limits, contractSize, maker/taker fees), plus `source` (where the numbers come from);
* `leverage_tiers`: per futures market ccxt's unified leverage tiers (`fetch_leverage_tiers()`:
  tier, currency, minNotional, maxNotional, maintenanceMarginRate, maxLeverage, info = the
  exchange's raw tier);
* `unrecorded`: the documented conservative rules paper applies to a market of that exchange that
  is not recorded (docs/decisions/recorded-market-rules.md), per quote currency and market type;
* `provenance`: how the file was made.

Two ways to run it:

    .venv/bin/python scripts/record_markets.py                     # offline, every exchange, from the tables below
    .venv/bin/python scripts/record_markets.py --online [--exchange bybit]   # through ccxt (needs the internet)

OFFLINE (how the shipped files were made: this machine has no internet) nothing is fetched. The
numbers are transcribed by hand, on RECORDED_ON, from the sources named in SOURCES and cited per
market (`source`): ccxt's own recorded `load_markets()` snapshots in its repository (its static test
data, which carry each exchange's raw instrument record), freqtrade's recording of Binance's
`fetch_leverage_tiers()`, Bybit's published margin-parameters table, and for the first six Binance
coins tables transcribed by an earlier session from Binance's trading-rules pages. They are a
snapshot of those sources' dates, not today's rules: re-record online where there is internet.
Maker/taker fees are what the installed ccxt's `load_markets()` assigns to such a market (its
exchange fee schedule, or the constant its market parser uses; see `ccxt_fees`). Maintenance amounts are
derived from the tiers the way the exchanges define them (Binance `cum`, Bybit `mmDeduction`:
amount_n = amount_{n-1} + floor_n x (rate_n - rate_{n-1})), so they cannot disagree with the rates.

ONLINE, `--online` asks ccxt for the same markets (`load_markets()`, and `fetch_leverage_tiers()`
where the exchange has it) and writes the same layout; the `unrecorded` rules are policy and stay.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "layers/shared/python/verzek/execution/recorded"
RECORDED_ON = "2026-12-04"

SOURCES = {
    "binance-pages-2025": "Binance spot trading-rules and USD-M 'leverage and margin' pages (2025), transcribed by "
                          "hand by an earlier session (scripts/record_markets.py before 2026-12-04); not re-verified",
    "ccxt-static-binance": "ccxt's recorded load_markets() snapshot: github.com/ccxt/ccxt "
                           "ts/src/test/static/markets/binance.json @ 0dca8ac0a3ce97d642fd9973b3121c2d6e3e3063 "
                           "(raw filters PRICE_FILTER.tickSize, LOT_SIZE.stepSize/minQty, NOTIONAL / MIN_NOTIONAL)",
    "freqtrade-binance-tiers": "Binance USD-M fetch_leverage_tiers() as recorded through ccxt by freqtrade: "
                               "github.com/freqtrade/freqtrade freqtrade/exchange/binance_leverage_tiers.json "
                               "@ 01d10aebcab25c526473c603a88e14eb7d9699cc",
    "ccxt-static-bybit": "ccxt's recorded load_markets() snapshot: github.com/ccxt/ccxt "
                         "ts/src/test/static/markets/bybit.json @ 1f8d53ec6ee5e019956c2fd2dc204102b924716d (raw "
                         "instruments-info: priceFilter.tickSize, lotSizeFilter.basePrecision/qtyStep/minOrderQty/"
                         "minOrderAmt/minNotionalValue, leverageFilter.maxLeverage)",
    "bybit-margin-parameters": "Bybit 'Margin Parameters', USDT perpetual BTCUSDT, first 20 risk-limit tiers: "
                               "https://www.bybit.com/en/announcement-info/margin-parameters (read through the "
                               "stored copy of its mirror bybitx.global/pt-PT/announcement-info/margin-parameters)",
    "ccxt-static-phemex": "ccxt's recorded load_markets() snapshot: github.com/ccxt/ccxt "
                          "ts/src/test/static/markets/phemex.json @ 3d9ca9030a8ddb9af523aa27da61f1589ddee9a7 (raw "
                          "products: quoteTickSize, baseTickSize, minOrderValue; PerpetualV2 tickSize, qtyStepSize, "
                          "minOrderValueRv, maxLeverage, riskLimits)",
    "ccxt-static-kraken": "ccxt's recorded load_markets() snapshot: github.com/ccxt/ccxt "
                          "ts/src/test/static/markets/kraken.json @ 1900a8a15f6133ed544d91ca5c2579b0b3e122bf (raw "
                          "AssetPairs: tick_size, lot_decimals, ordermin, costmin, leverage_buy)",
    "ccxt-static-krakenfutures": "ccxt's recorded load_markets() snapshot: github.com/ccxt/ccxt "
                                 "ts/src/test/static/markets/krakenfutures.json @ "
                                 "3802e1a243497a0ffd025df7a97023315217391f (raw instruments: tickSize, "
                                 "contractValueTradePrecision, marginLevels)",
}

# --- Binance -------------------------------------------------------------------------------------------
# (notional cap, max leverage, maintenance margin rate) per bracket, floors implied by the previous cap.
_BTC = [(50_000, 125, "0.004"), (600_000, 100, "0.005"), (3_000_000, 75, "0.0065"), (12_000_000, 50, "0.01"),
        (70_000_000, 25, "0.02"), (100_000_000, 20, "0.025"), (230_000_000, 10, "0.05"), (480_000_000, 5, "0.1"),
        (600_000_000, 4, "0.125"), (800_000_000, 3, "0.15"), (1_200_000_000, 2, "0.25"), (1_800_000_000, 1, "0.5")]
_ETH = [(50_000, 125, "0.004"), (600_000, 100, "0.005"), (3_000_000, 75, "0.0065"), (12_000_000, 50, "0.01"),
        (50_000_000, 25, "0.02"), (65_000_000, 20, "0.025"), (150_000_000, 10, "0.05"), (320_000_000, 5, "0.1"),
        (400_000_000, 4, "0.125"), (530_000_000, 3, "0.15"), (800_000_000, 2, "0.25"), (1_200_000_000, 1, "0.5")]
_ALT = [(5_000, 75, "0.005"), (50_000, 50, "0.01"), (600_000, 25, "0.02"), (1_200_000, 20, "0.025"),
        (3_000_000, 10, "0.05"), (6_000_000, 5, "0.1"), (9_000_000, 4, "0.125"), (15_000_000, 2, "0.25"),
        (20_000_000, 1, "0.5")]
_ADA = [(5_000, 75, "0.005"), (10_000, 50, "0.006"), (50_000, 40, "0.01"), (250_000, 25, "0.02"),
        (1_000_000, 10, "0.05"), (5_000_000, 5, "0.1"), (10_000_000, 4, "0.125"), (20_000_000, 3, "0.15"),
        (30_000_000, 2, "0.25"), (50_000_000, 1, "0.5")]
_LTC = [(5_000, 75, "0.005"), (10_000, 50, "0.006"), (50_000, 40, "0.01"), (750_000, 25, "0.02"),
        (3_000_000, 10, "0.05"), (10_000_000, 5, "0.1"), (12_000_000, 4, "0.125"), (20_000_000, 3, "0.15"),
        (30_000_000, 2, "0.25"), (50_000_000, 1, "0.5")]

# spot /USDT: id, tick, amount step, min amount, min notional, source
_BINANCE_SPOT = {
    "BTC": ("BTCUSDT", "0.01", "0.00001", "0.00001", "5", "binance-pages-2025"),
    "ETH": ("ETHUSDT", "0.01", "0.0001", "0.0001", "5", "binance-pages-2025"),
    "SOL": ("SOLUSDT", "0.01", "0.001", "0.001", "5", "binance-pages-2025"),
    "XRP": ("XRPUSDT", "0.0001", "0.1", "0.1", "5", "binance-pages-2025"),
    "BNB": ("BNBUSDT", "0.01", "0.001", "0.001", "5", "binance-pages-2025"),
    "DOGE": ("DOGEUSDT", "0.00001", "1", "1", "5", "binance-pages-2025"),
    "ADA": ("ADAUSDT", "0.0001", "0.1", "0.1", "5", "ccxt-static-binance"),
    "LTC": ("LTCUSDT", "0.01", "0.001", "0.001", "5", "ccxt-static-binance"),
    "TRX": ("TRXUSDT", "0.00001", "0.1", "0.1", "5", "ccxt-static-binance"),
}
# USD-M perpetuals: id, tick, amount step, min amount, min notional (USDT), brackets, rules source, tiers source
_BINANCE_USDM = {
    "BTC": ("BTCUSDT", "0.1", "0.001", "0.001", "100", _BTC, "binance-pages-2025", "binance-pages-2025"),
    "ETH": ("ETHUSDT", "0.01", "0.001", "0.001", "20", _ETH, "binance-pages-2025", "binance-pages-2025"),
    "SOL": ("SOLUSDT", "0.01", "1", "1", "5", _ALT, "binance-pages-2025", "binance-pages-2025"),
    "XRP": ("XRPUSDT", "0.0001", "0.1", "0.1", "5", _ALT, "binance-pages-2025", "binance-pages-2025"),
    "BNB": ("BNBUSDT", "0.01", "0.01", "0.01", "5", _ALT, "binance-pages-2025", "binance-pages-2025"),
    "DOGE": ("DOGEUSDT", "0.00001", "1", "1", "5", _ALT, "binance-pages-2025", "binance-pages-2025"),
    "ADA": ("ADAUSDT", "0.0001", "1", "1", "5", _ADA, "ccxt-static-binance", "freqtrade-binance-tiers"),
    "LTC": ("LTCUSDT", "0.01", "0.001", "0.001", "5", _LTC, "ccxt-static-binance", "freqtrade-binance-tiers"),
}

# --- Bybit (spot + linear USDT perpetuals) ---------------------------------------------------------------
# spot /USDT: id, tickSize, basePrecision, minOrderQty, minOrderAmt
_BYBIT_SPOT = {
    "BTC": ("BTCUSDT", "0.1", "0.000001", "0.000011", "5"),
    "ETH": ("ETHUSDT", "0.01", "0.00001", "0.00029", "5"),
    "ADA": ("ADAUSDT", "0.0001", "0.01", "1.07", "5"),
    "LTC": ("LTCUSDT", "0.01", "0.00001", "0.00923", "5"),
    "XRP": ("XRPUSDT", "0.0001", "0.01", "0.44", "5"),
    "DOGE": ("DOGEUSDT", "0.00001", "0.1", "3", "5"),
    "TRX": ("TRXUSDT", "0.0001", "0.01", "3.91", "5"),
}
# linear: id, tickSize, qtyStep, minOrderQty, minNotionalValue, maxLeverage
_BYBIT_LINEAR = {
    "BTC": ("BTCUSDT", "0.1", "0.001", "0.001", "5", 100),
    "ETH": ("ETHUSDT", "0.01", "0.01", "0.01", "5", 100),
    "LTC": ("LTCUSDT", "0.01", "0.1", "0.1", "5", 50),
    "ADA": ("ADAUSDT", "0.0001", "1", "1", "5", 75),
    "XRP": ("XRPUSDT", "0.0001", "1", "1", "5", 75),
    "DOGE": ("DOGEUSDT", "0.00001", "1", "1", "5", 75),
    "TRX": ("TRXUSDT", "0.00001", "1", "1", "5", 75),
}
# risk limits: (riskLimitValue, maxLeverage, maintenance margin rate, published mmDeduction)
_BYBIT_RISK = {
    "BTC": [(2_000_000, 100, "0.005", 0), (2_600_000, 90, "0.0056", 1_200), (3_200_000, 80, "0.0063", 3_020),
            (3_800_000, 75, "0.0067", 4_300), (4_400_000, 70, "0.0071", 5_820), (5_000_000, 65, "0.0077", 8_460),
            (5_600_000, 55, "0.0091", 15_460), (8_500_000, 50, "0.01", 20_500), (10_000_000, 45, "0.013", 46_000),
            (14_000_000, 40, "0.015", 66_000), (20_000_000, 35, "0.016", 80_000), (28_000_000, 30, "0.02", 160_000),
            (38_000_000, 25, "0.025", 300_000), (50_000_000, 20, "0.029", 452_000),
            (55_000_000, 19, "0.03", 502_000), (60_000_000, 18, "0.035", 777_000), (65_000_000, 17, "0.036", 837_000),
            (70_000_000, 16, "0.038", 967_000), (75_000_000, 15, "0.04", 1_107_000),
            (80_000_000, 14, "0.045", 1_482_000)],
}

# --- Phemex (spot + USDT perpetuals, PerpetualV2) ---------------------------------------------------------
# spot /USDT: id, quoteTickSize, baseTickSize (= min), minOrderValue
_PHEMEX_SPOT = {
    "BTC": ("sBTCUSDT", "0.01", "0.000001", "1"),
    "ETH": ("sETHUSDT", "0.01", "0.00001", "1"),
    "ADA": ("sADAUSDT", "0.0001", "0.1", "1"),
    "LTC": ("sLTCUSDT", "0.01", "0.00001", "1"),
    "XRP": ("sXRPUSDT", "0.0001", "0.1", "1"),
    "DOGE": ("sDOGEUSDT", "0.00001", "1", "1"),
    "TRX": ("sTRXUSDT", "0.0001", "0.1", "1"),
}
# perpetuals: id, tickSize, qtyStepSize, minOrderValueRv, maxLeverage, riskLimits [(limit, IM rate, MM rate)]
_PHEMEX_PERP = {
    "BTC": ("BTCUSDT", "0.1", "0.001", "1", 100, [(2_000_000, "0.01", "0.005")]),
    "ETH": ("ETHUSDT", "0.01", "0.01", "1", 100, [(10_000_000, "0.01", "0.005")]),
    "SOL": ("SOLUSDT", "0.01", "0.01", "1", 50, [(5_600_000, "0.02", "0.01")]),
    "LTC": ("LTCUSDT", "0.01", "0.01", "1", 50, [(5_600_000, "0.02", "0.01")]),
    "ADA": ("ADAUSDT", "0.0001", "0.01", "1", 50, [(5_600_000, "0.02", "0.01")]),
    "XRP": ("XRPUSDT", "0.0001", "0.01", "1", 50, [(5_600_000, "0.02", "0.01")]),
    "DOGE": ("DOGEUSDT", "0.00001", "1", "1", 50, [(5_600_000, "0.02", "0.01")]),
    "TRX": ("TRXUSDT", "0.00001", "1", "1", 50, [(5_600_000, "0.02", "0.01")]),
}

# --- Kraken (spot) and Kraken Futures (multi-collateral linear USD perpetuals, ccxt's krakenfutures) -----
# spot: symbol -> id, tick_size, lot step (10^-lot_decimals), ordermin, costmin, max margin leverage
_KRAKEN_SPOT = {
    "BTC/USD": ("XXBTZUSD", "0.1", "0.00000001", "0.0001", "0.5", 5),
    "BTC/USDT": ("XBTUSDT", "0.1", "0.00000001", "0.0001", "0.5", 3),
    "ETH/USDT": ("ETHUSDT", "0.01", "0.00000001", "0.01", "0.5", 3),
    "ADA/USDT": ("ADAUSDT", "0.000001", "0.00000001", "20", "0.5", 4),
    "LTC/USDT": ("LTCUSDT", "0.00001", "0.00000001", "0.08", "0.5", 1),
    "XRP/USDT": ("XRPUSDT", "0.00001", "0.00000001", "10", "0.5", 3),
    "XRP/USD": ("XXRPZUSD", "0.00001", "0.00000001", "10", "0.5", 5),
    "DOGE/USDT": ("XDGUSDT", "0.00001", "0.00000001", "80", "0.5", 1),
}
_KRAKEN_MARGIN_LEVELS_MAJOR = [(0, "0.02", "0.01"), (500_000, "0.04", "0.02"), (2_000_000, "0.1", "0.05"),
                               (5_000_000, "0.2", "0.1"), (10_000_000, "0.3", "0.15"), (30_000_000, "0.5", "0.25")]
# futures: symbol -> id, tickSize, amount step (10^-contractValueTradePrecision), marginLevels [(floor USD, IM, MM)]
_KRAKEN_FUTURES = {
    "BTC/USD:USD": ("PF_XBTUSD", "1", "0.0001", _KRAKEN_MARGIN_LEVELS_MAJOR),
    "ETH/USD:USD": ("PF_ETHUSD", "0.1", "0.001", _KRAKEN_MARGIN_LEVELS_MAJOR),
    "LTC/USD:USD": ("PF_LTCUSD", "0.01", "0.01", [(0, "0.02", "0.01"), (250_000, "0.04", "0.02"),
                                                  (500_000, "0.1", "0.05"), (2_000_000, "0.2", "0.1"),
                                                  (5_000_000, "0.3", "0.15"), (10_000_000, "0.5", "0.25")]),
}

# What paper applies to a market of the exchange that is not recorded (docs/decisions/recorded-market-rules.md):
# the exchange's general minimum order value for the quote currency where it publishes one, a leverage cap
# below most of its markets' maxima, and a maintenance margin rate above most first tiers; the amount and
# price steps stay unknown (8 decimals); fees: the exchange's as ccxt assigns them (`unrecorded_policy`). Other
# quote currencies (ETH/BTC, ...): no minimums.
_STABLE_DEFAULTS = {"spot": {"min_notional": "5"},
                    "swap": {"min_notional": "5", "max_leverage": 20, "maintenance_margin_rate": "0.025"}}
UNRECORDED = {
    "binance": {"USDT": _STABLE_DEFAULTS},
    "bybit": {"USDT": _STABLE_DEFAULTS},
    "phemex": {"USDT": {"spot": {"min_notional": "1"},
                        "swap": {"min_notional": "1", "max_leverage": 20, "maintenance_margin_rate": "0.025"}}},
    "kraken": {q: {"spot": {"min_notional": "0.5"},
                   "swap": {"min_notional": "0", "max_leverage": 20, "maintenance_margin_rate": "0.025"}}
               for q in ("USD", "USDT")},
}


def _num(value) -> str:
    return format(Decimal(str(value)).normalize(), "f")


def ccxt_fees(exchange: str, kind: str) -> tuple[str | None, str | None]:
    """(maker, taker) that the installed ccxt's load_markets() puts on such a market."""
    import ccxt

    if exchange == "binance":
        schedule = ccxt.binance().fees["trading"] if kind == "spot" else ccxt.binanceusdm().fees["linear"]["trading"]
        return _num(schedule["maker"]), _num(schedule["taker"])
    if exchange == "bybit":  # bybit.py fetch_spot_markets: 0.001 / 0.001; fetch_future_markets: makerFee /
        return ("0.001", "0.001") if kind == "spot" else ("0.0001", "0.0006")  # takerFee, else 0.0001 / 0.0006
    if exchange == "phemex":  # spot: the product's defaultMakerFee / defaultTakerFee (0.001 in the snapshot);
        return ("0.001", "0.001") if kind == "spot" else (None, None)  # PerpetualV2 carries no fee rate: None
    if exchange == "kraken":  # spot: the pair's first fee tier (fees_maker / fees, in %); futures: fees schedule
        if kind == "spot":
            return "0.0016", "0.0026"
        schedule = ccxt.krakenfutures().fees["trading"]
        return _num(schedule["maker"]), _num(schedule["taker"])
    raise ValueError(exchange)


def unrecorded_policy(exchange: str) -> dict:
    """UNRECORDED plus the fees ccxt's load_markets() would put on such a market of the exchange, so an
    unrecorded market is charged the exchange's schedule, not paper's flat 0.1 %."""
    out = {}
    for quote, kinds in UNRECORDED[exchange].items():
        out[quote] = {}
        for kind, policy in kinds.items():
            maker, taker = ccxt_fees(exchange, kind)
            out[quote][kind] = {**policy, "maker": maker, "taker": taker}
    return out


def market(symbol: str, market_id: str, *, tick, step, min_amount, min_cost, max_leverage, fees, source) -> dict:
    base, _, rest = symbol.partition("/")
    quote, _, settle = rest.partition(":")
    swap = bool(settle)
    return {"id": market_id, "symbol": symbol, "base": base, "quote": quote, "settle": settle or None,
            "type": "swap" if swap else "spot", "spot": not swap, "swap": swap, "contract": swap,
            "linear": True if swap else None, "contractSize": "1" if swap else None,
            "precision": {"amount": _num(step), "price": _num(tick)},
            "limits": {"amount": {"min": None if min_amount is None else _num(min_amount)},
                       "cost": {"min": None if min_cost is None else _num(min_cost)},
                       "leverage": {"max": max_leverage}},
            "maker": fees[0], "taker": fees[1], "source": source}


def binance_tiers(symbol: str, brackets) -> list[dict]:
    """Binance brackets in ccxt's layout, `cum` derived: cum_n = cum_{n-1} + floor_n x (rate_n - rate_{n-1})."""
    out, floor, cum, previous_rate = [], Decimal(0), Decimal(0), Decimal(0)
    for i, (cap, leverage, rate) in enumerate(brackets, start=1):
        rate = Decimal(rate)
        cum += floor * (rate - previous_rate)
        out.append({"tier": i, "symbol": symbol, "currency": "USDT", "minNotional": int(floor), "maxNotional": cap,
                    "maintenanceMarginRate": str(rate), "maxLeverage": leverage,
                    "info": {"bracket": str(i), "initialLeverage": str(leverage), "notionalCap": str(cap),
                             "notionalFloor": str(int(floor)), "maintMarginRatio": str(rate), "cum": _num(cum)}})
        floor, previous_rate = Decimal(cap), rate
    return out


def bybit_tiers(symbol: str, market_id: str, limits) -> list[dict]:
    """Bybit risk limits in ccxt's layout (bybit.parse_market_leverage_tiers), info = the raw risk limit;
    `mmDeduction` derived like Binance's cum and checked against the published column."""
    out, floor, deduction, previous_rate = [], Decimal(0), Decimal(0), Decimal(0)
    for i, (value, leverage, rate, published) in enumerate(limits, start=1):
        rate = Decimal(rate)
        deduction += floor * (rate - previous_rate)
        if deduction != published:
            raise ValueError(f"{symbol} tier {i}: derived deduction {deduction} != published {published}")
        out.append({"tier": i, "symbol": symbol, "currency": "USDT", "minNotional": int(floor), "maxNotional": value,
                    "maintenanceMarginRate": str(rate), "maxLeverage": leverage,
                    "info": {"id": i, "symbol": market_id, "riskLimitValue": str(value),
                             "maintenanceMargin": str(rate), "initialMargin": _num(Decimal(1) / leverage),
                             "isLowestRisk": 1 if i == 1 else 0, "maxLeverage": str(leverage),
                             "mmDeduction": _num(deduction)}})
        floor, previous_rate = Decimal(value), rate
    return out


def phemex_tiers(symbol: str, limits) -> list[dict]:
    """Phemex risk limits in ccxt's layout (phemex.parse_market_leverage_tiers); for PerpetualV2 products
    ccxt leaves the rate and leverage empty, so they are taken from the raw maintenanceMarginRr /
    initialMarginRr (max leverage = 1 / initial margin rate)."""
    out, floor = [], 0
    for i, (limit, initial, maintenance) in enumerate(limits, start=1):
        out.append({"tier": i, "symbol": symbol, "currency": "USDT", "minNotional": floor, "maxNotional": limit,
                    "maintenanceMarginRate": maintenance, "maxLeverage": int(Decimal(1) / Decimal(initial)),
                    "info": {"limit": str(limit), "initialMarginRr": initial, "maintenanceMarginRr": maintenance}})
        floor = limit
    return out


def kraken_futures_tiers(symbol: str, levels) -> list[dict]:
    """Kraken Futures margin levels in ccxt's layout (krakenfutures.parse_market_leverage_tiers: max leverage
    = 1 / initial margin, the last tier open-ended)."""
    out = []
    for i, (floor, initial, maintenance) in enumerate(levels, start=1):
        cap = levels[i][0] if i < len(levels) else None
        out.append({"tier": i, "symbol": symbol, "currency": "USD", "minNotional": floor, "maxNotional": cap,
                    "maintenanceMarginRate": maintenance, "maxLeverage": int(Decimal(1) / Decimal(initial)),
                    "info": {"numNonContractUnits": str(floor), "initialMargin": initial,
                             "maintenanceMargin": maintenance}})
    return out


def _provenance(exchange: str, keys: set[str]) -> str:
    return (f"{exchange}: markets in ccxt's unified layout (load_markets: id, symbol, precision, limits, contractSize, "
            f"maker, taker) and futures leverage tiers in ccxt's fetch_leverage_tiers layout. Written OFFLINE on "
            f"{RECORDED_ON} by scripts/record_markets.py: transcribed by hand from the sources below, NOT fetched "
            f"through ccxt (no internet where it was made) -- each market's `source` says which; the exchanges "
            f"change these rules from time to time, so re-record with `scripts/record_markets.py --online`. "
            f"Maintenance amounts derived from the tiers; maker/taker as the installed ccxt's load_markets() assigns "
            f"them. Sources: " + "; ".join(f"[{k}] {SOURCES[k]}" for k in sorted(keys)))


def offline(exchange: str) -> dict:
    markets, tiers, used = {}, {}, set()

    def add(m: dict) -> None:
        markets[m["symbol"]] = m
        used.update(m["source"].split("+"))

    if exchange == "binance":
        for base, (mid, tick, step, min_amount, min_cost, source) in _BINANCE_SPOT.items():
            add(market(f"{base}/USDT", mid, tick=tick, step=step, min_amount=min_amount, min_cost=min_cost,
                       max_leverage=None, fees=ccxt_fees("binance", "spot"), source=source))
        for base, (mid, tick, step, min_amount, min_cost, brackets, source, tier_source) in _BINANCE_USDM.items():
            symbol = f"{base}/USDT:USDT"
            both = source if source == tier_source else f"{source}+{tier_source}"
            add(market(symbol, mid, tick=tick, step=step, min_amount=min_amount, min_cost=min_cost,
                       max_leverage=brackets[0][1], fees=ccxt_fees("binance", "swap"), source=both))
            tiers[symbol] = binance_tiers(symbol, brackets)
    elif exchange == "bybit":
        for base, (mid, tick, step, min_amount, min_cost) in _BYBIT_SPOT.items():
            add(market(f"{base}/USDT", mid, tick=tick, step=step, min_amount=min_amount, min_cost=min_cost,
                       max_leverage=None, fees=ccxt_fees("bybit", "spot"), source="ccxt-static-bybit"))
        for base, (mid, tick, step, min_amount, min_cost, leverage) in _BYBIT_LINEAR.items():
            symbol = f"{base}/USDT:USDT"
            source = "ccxt-static-bybit" + ("+bybit-margin-parameters" if base in _BYBIT_RISK else "")
            add(market(symbol, mid, tick=tick, step=step, min_amount=min_amount, min_cost=min_cost,
                       max_leverage=leverage, fees=ccxt_fees("bybit", "swap"), source=source))
            if base in _BYBIT_RISK:
                tiers[symbol] = bybit_tiers(symbol, mid, _BYBIT_RISK[base])
    elif exchange == "phemex":
        for base, (mid, tick, step, min_cost) in _PHEMEX_SPOT.items():
            add(market(f"{base}/USDT", mid, tick=tick, step=step, min_amount=step, min_cost=min_cost,
                       max_leverage=None, fees=ccxt_fees("phemex", "spot"), source="ccxt-static-phemex"))
        for base, (mid, tick, step, min_cost, leverage, limits) in _PHEMEX_PERP.items():
            symbol = f"{base}/USDT:USDT"
            # ccxt leaves cost.min empty for PerpetualV2; the raw minOrderValueRv is what the exchange enforces
            add(market(symbol, mid, tick=tick, step=step, min_amount=None, min_cost=min_cost,
                       max_leverage=leverage, fees=ccxt_fees("phemex", "swap"), source="ccxt-static-phemex"))
            tiers[symbol] = phemex_tiers(symbol, limits)
    elif exchange == "kraken":
        for symbol, (mid, tick, step, min_amount, min_cost, leverage) in _KRAKEN_SPOT.items():
            add(market(symbol, mid, tick=tick, step=step, min_amount=min_amount, min_cost=min_cost,
                       max_leverage=leverage, fees=ccxt_fees("kraken", "spot"), source="ccxt-static-kraken"))
        for symbol, (mid, tick, step, levels) in _KRAKEN_FUTURES.items():
            add(market(symbol, mid, tick=tick, step=step, min_amount=None, min_cost=None,
                       max_leverage=int(Decimal(1) / Decimal(levels[0][1])), fees=ccxt_fees("kraken", "swap"),
                       source="ccxt-static-krakenfutures"))
            tiers[symbol] = kraken_futures_tiers(symbol, levels)
    else:
        raise ValueError(f"unknown exchange {exchange!r}")
    return {"exchange": exchange, "precisionMode": "TICK_SIZE", "recorded": "offline", "recorded_on": RECORDED_ON,
            "provenance": _provenance(exchange, used), "markets": markets, "leverage_tiers": tiers,
            "unrecorded": unrecorded_policy(exchange)}


# ccxt clients per exchange and market kind (as verzek.exchange.proxy_client builds them for live trading)
_CLIENTS = {"binance": (("binance", "spot"), ("binanceusdm", "swap")), "bybit": (("bybit", "spot"), ("bybit", "swap")),
            "phemex": (("phemex", "spot"), ("phemex", "swap")), "kraken": (("kraken", "spot"), ("krakenfutures", "swap"))}
_KEEP = ("id", "symbol", "base", "quote", "settle", "type", "spot", "swap", "contract", "linear", "contractSize",
         "precision", "limits", "maker", "taker")


def online(exchange: str) -> dict:  # pragma: no cover - needs the internet
    import datetime

    import ccxt

    shipped = offline(exchange)  # the same markets as the tables, fetched
    wanted = {"spot": [s for s, m in shipped["markets"].items() if m["type"] == "spot"],
              "swap": [s for s, m in shipped["markets"].items() if m["type"] == "swap"]}
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    data = {"exchange": exchange, "recorded": "online", "recorded_on": today,
            "provenance": f"{exchange}: recorded ONLINE on {today} through ccxt {ccxt.__version__} by "
                          f"scripts/record_markets.py --online (load_markets(), fetch_leverage_tiers())",
            "markets": {}, "leverage_tiers": {}, "unrecorded": unrecorded_policy(exchange)}
    for client_id, kind in _CLIENTS[exchange]:
        client = getattr(ccxt, client_id)()
        client.load_markets()
        data["precisionMode"] = "TICK_SIZE" if client.precisionMode == ccxt.TICK_SIZE else "DECIMAL_PLACES"
        symbols = [s for s in wanted[kind] if s in client.markets]
        for symbol in symbols:
            data["markets"][symbol] = {k: client.markets[symbol].get(k) for k in _KEEP}
            data["markets"][symbol]["source"] = f"ccxt {client_id}.load_markets() {today}"
        if kind == "swap" and symbols and client.has.get("fetchLeverageTiers"):
            data["leverage_tiers"].update(client.fetch_leverage_tiers(symbols))
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--online", action="store_true", help="fetch through ccxt instead of the tables")
    parser.add_argument("--exchange", choices=sorted(UNRECORDED), action="append",
                        help="only this exchange (repeatable); default: all")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for exchange in args.exchange or sorted(UNRECORDED):
        data = online(exchange) if args.online else offline(exchange)
        path = OUT / f"{exchange}.json"
        path.write_text(json.dumps(data, indent=1, sort_keys=True, default=str) + "\n")
        print(f"wrote {path} ({len(data['markets'])} markets, {len(data['leverage_tiers'])} with leverage tiers)")


if __name__ == "__main__":
    main()
