"""Write the recorded market data paper mode ships with: `verzek/execution/recorded/<exchange>.json`.

For each market: the fields of ccxt's unified market (`load_markets()`: precision, limits, contract
size, maker/taker fees) and, for USD-M perpetuals, ccxt's unified leverage tiers
(`fetch_leverage_tiers()`: tier, currency, minNotional, maxNotional, maintenanceMarginRate,
maxLeverage, info = Binance's raw bracket incl. `cum`).

Two ways to run it:

    .venv/bin/python scripts/record_markets.py            # offline: from the tables below
    .venv/bin/python scripts/record_markets.py --online   # from the exchange through ccxt (needs the internet)

Offline (how the shipped file was made: this machine has no internet) the market rules and tiers
come from the tables below, transcribed from Binance's published USD-M "leverage and margin" and
trading-rules pages (not fetched); the fees come from the installed ccxt's own fee schedule for the
exchange (`exchange.fees`), which is exactly what ccxt's `load_markets()` puts on each market.
Maintenance amounts (`cum`) are derived from the brackets the way Binance defines them
(cum_n = cum_{n-1} + floor_n x (rate_n - rate_{n-1})), so they cannot disagree with the rates.
Online, `--online` replaces all of it with what ccxt returns and writes the same layout.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "layers/shared/python/verzek/execution/recorded"

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

# USD-M perpetuals: tick, amount step, min amount, min notional (USDT), brackets
_USDM = {
    "BTC": ("0.1", "0.001", "0.001", "100", _BTC),
    "ETH": ("0.01", "0.001", "0.001", "20", _ETH),
    "SOL": ("0.01", "1", "1", "5", _ALT),
    "XRP": ("0.0001", "0.1", "0.1", "5", _ALT),
    "BNB": ("0.01", "0.01", "0.01", "5", _ALT),
    "DOGE": ("0.00001", "1", "1", "5", _ALT),
}
# spot /USDT: tick, amount step, min amount, min notional
_SPOT = {
    "BTC": ("0.01", "0.00001", "0.00001", "5"),
    "ETH": ("0.01", "0.0001", "0.0001", "5"),
    "SOL": ("0.01", "0.001", "0.001", "5"),
    "XRP": ("0.0001", "0.1", "0.1", "5"),
    "BNB": ("0.01", "0.001", "0.001", "5"),
    "DOGE": ("0.00001", "1", "1", "5"),
}

PROVENANCE = (
    "Binance spot /USDT and USD-M perpetual markets in ccxt's unified layout (load_markets: precision, limits, "
    "contractSize, maker, taker; fetch_leverage_tiers: tiers with Binance's raw bracket in info). Written OFFLINE by "
    "scripts/record_markets.py: precision, limits and leverage brackets transcribed by hand from Binance's published "
    "trading-rules and USD-M leverage-and-margin tables (2025), not fetched -- Binance changes them from time to "
    "time, so re-record with `scripts/record_markets.py --online` where there is internet; maintenance amounts (cum) "
    "derived from the brackets; maker/taker from the installed ccxt's fee schedule for the exchange, which is what "
    "its load_markets() assigns to each market.")


def tiers(symbol: str, brackets) -> list[dict]:
    out, floor, cum, previous_rate = [], Decimal(0), Decimal(0), Decimal(0)
    for i, (cap, leverage, rate) in enumerate(brackets, start=1):
        rate = Decimal(rate)
        cum += floor * (rate - previous_rate)
        out.append({"tier": i, "symbol": symbol, "currency": "USDT", "minNotional": int(floor), "maxNotional": cap,
                    "maintenanceMarginRate": str(rate), "maxLeverage": leverage,
                    "info": {"bracket": str(i), "initialLeverage": str(leverage), "notionalCap": str(cap),
                             "notionalFloor": str(int(floor)), "maintMarginRatio": str(rate),
                             "cum": format(cum.normalize(), "f")}})
        floor, previous_rate = Decimal(cap), rate
    return out


def offline() -> dict:
    import ccxt

    spot_fees = ccxt.binance().fees["trading"]
    linear_fees = ccxt.binanceusdm().fees["linear"]["trading"]
    markets, leverage_tiers = {}, {}
    for base, (tick, step, min_amount, min_cost) in _SPOT.items():
        symbol = f"{base}/USDT"
        markets[symbol] = {"symbol": symbol, "base": base, "quote": "USDT", "settle": None, "type": "spot",
                           "contract": False, "contractSize": None, "precision": {"amount": step, "price": tick},
                           "limits": {"amount": {"min": min_amount}, "cost": {"min": min_cost},
                                      "leverage": {"max": None}},
                           "maker": str(spot_fees["maker"]), "taker": str(spot_fees["taker"])}
    for base, (tick, step, min_amount, min_cost, brackets) in _USDM.items():
        symbol = f"{base}/USDT:USDT"
        markets[symbol] = {"symbol": symbol, "base": base, "quote": "USDT", "settle": "USDT", "type": "swap",
                           "contract": True, "linear": True, "contractSize": "1",
                           "precision": {"amount": step, "price": tick},
                           "limits": {"amount": {"min": min_amount}, "cost": {"min": min_cost},
                                      "leverage": {"max": brackets[0][1]}},
                           "maker": str(linear_fees["maker"]), "taker": str(linear_fees["taker"])}
        leverage_tiers[symbol] = tiers(symbol, brackets)
    return {"exchange": "binance", "precisionMode": "TICK_SIZE", "provenance": PROVENANCE,
            "markets": markets, "leverage_tiers": leverage_tiers}


def online() -> dict:  # pragma: no cover - needs the internet
    import ccxt

    data = {"exchange": "binance", "precisionMode": "TICK_SIZE",
            "provenance": "recorded online with ccxt by scripts/record_markets.py --online",
            "markets": {}, "leverage_tiers": {}}
    keep = ("symbol", "base", "quote", "settle", "type", "contract", "linear", "contractSize", "precision", "limits",
            "maker", "taker")
    for exchange, wanted in ((ccxt.binance(), [f"{b}/USDT" for b in _SPOT]),
                             (ccxt.binanceusdm(), [f"{b}/USDT:USDT" for b in _USDM])):
        exchange.load_markets()
        for symbol in wanted:
            data["markets"][symbol] = {k: exchange.markets[symbol].get(k) for k in keep}
        if exchange.id == "binanceusdm":
            data["leverage_tiers"].update(exchange.fetch_leverage_tiers(wanted))
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--online", action="store_true", help="fetch through ccxt instead of the tables")
    args = parser.parse_args()
    data = online() if args.online else offline()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "binance.json"
    path.write_text(json.dumps(data, indent=1, sort_keys=True, default=str) + "\n")
    print(f"wrote {path} ({len(data['markets'])} markets, {len(data['leverage_tiers'])} with leverage tiers)")


if __name__ == "__main__":
    main()
