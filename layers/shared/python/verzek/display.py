"""Numbers for people: every amount with its currency, rounded for display only (Decimal throughout).

- Prices are rounded to the market's price step, quantities (down) to its amount step
  (`rules_for`: the recorded market rules of the position's exchange; PAPER_EXCHANGE's for paper).
- Money (PnL, fees, funding, balances, equity) is rounded to its currency's display step: cents for
  USD-pegged stablecoins and fiat, 8 decimals otherwise (BTC, ETH, ...).
- Rounding is half-even and only here: the stored and computed values stay exact.

    money(Decimal("12.3456"), "USDT")   -> "12.35 USDT"
    signed_money(Decimal("-3.1"), "USDT") -> "-3.10 USDT"
    price(Decimal("64012.37"), rules)    -> "64012.4"  (price step 0.1)
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from verzek.execution.ports import MarketRules

CENT_CURRENCIES = frozenset({"USD", "USDT", "USDC", "BUSD", "FDUSD", "TUSD", "DAI", "USDE", "EUR", "GBP", "TRY",
                             "BRL", "AUD", "JPY"})
CENT = Decimal("0.01")
SATOSHI = Decimal("0.00000001")


def currency_step(currency: str) -> Decimal:
    return CENT if currency.upper() in CENT_CURRENCIES else SATOSHI


def _quantize(value: Decimal, step: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """`value` on the grid of `step` (0.1, 0.01, 5, 0.25 all work), with the step's number of decimals."""
    if step <= 0:
        return value
    units = (value / step).to_integral_value(rounding=rounding)
    places = max(0, -step.normalize().as_tuple().exponent)
    return (units * step).quantize(Decimal(1).scaleb(-places)) + Decimal(0)  # + 0: no "-0.00"


def _text(value: Decimal) -> str:
    return format(value, "f")


def round_money(value: Decimal, currency: str) -> Decimal:
    return _quantize(Decimal(value), currency_step(currency))


def money(value: Decimal | None, currency: str) -> str:
    """`12.35 USDT`; None -> `-`."""
    if value is None:
        return "-"
    return f"{_text(round_money(value, currency))} {currency}"


def signed_money(value: Decimal | None, currency: str) -> str:
    """`+12.35 USDT` / `-3.10 USDT` / `0.00 USDT` (PnL: the sign always shown)."""
    if value is None:
        return "-"
    rounded = round_money(value, currency)
    sign = "+" if rounded > 0 else ""
    return f"{sign}{_text(rounded)} {currency}"


def _exact(value: Decimal) -> str:
    return _text(Decimal(value).normalize() + Decimal(0))


def price(value: Decimal | None, rules: MarketRules | None) -> str:
    """A price on the market's tick (in the quote currency: callers name it where it is not obvious);
    without the market's rules (`rules_for` found none) the exact value, trailing zeros dropped."""
    if value is None:
        return "-"
    if rules is None:
        return _exact(value)
    return _text(_quantize(Decimal(value), rules.price_step))


def quantity(value: Decimal | None, rules: MarketRules | None) -> str:
    """An amount of the base asset (or contracts) on the market's amount step, rounded down."""
    if value is None:
        return "-"
    if rules is None:
        return _exact(value)
    return _text(_quantize(Decimal(value), rules.amount_step, ROUND_DOWN))


# SQL twin of pnl_currency, over a `symbol` column.
PNL_CURRENCY_SQL = ("coalesce(nullif(split_part(symbol, ':', 2), ''), "
                    "nullif(split_part(split_part(symbol, ':', 1), '/', 2), ''), '?')")


def pnl_currency(symbol: str) -> str:
    """The currency a position's cost, PnL and fees are in: the settle currency of a perpetual
    ("BTC/USDT:USDT" -> USDT), else the quote ("ETH/BTC" -> BTC). The SQL twin is PNL_CURRENCY_SQL."""
    pair, _, settle = symbol.partition(":")
    if settle:
        return settle
    return pair.partition("/")[2] or "?"


def rules_for(symbol: str, exchange: str | None = None) -> MarketRules | None:
    """The market's rules for display: the recorded market rules shipped with the product for the
    position's exchange (`verzek.execution.markets`: a Bybit position rounds to Bybit's ticks, a Kraken
    one to Kraken's); a paper position (exchange `paper`) and a signal (no exchange) use PAPER_EXCHANGE,
    the exchange paper trades under. Only recorded markets count (not the conservative rules paper
    applies to unrecorded ones: their steps are unknown); None when the market is not recorded, and
    values are then shown exactly, never padded to a made-up precision. Files are read once per
    process. (A process-wide `set_rules_source` hook used to sit here; nothing registered one and it
    could not tell exchanges apart, so it was removed: docs/decisions/recorded-market-rules.md.)"""
    from verzek.config import get_settings
    from verzek.execution import markets

    name = exchange if exchange and exchange != "paper" else get_settings().paper_exchange
    return markets.rules(symbol, name)
