"""Sanity rules that decide whether a parsed `open` may be traded.

A post that fails any rule is still returned (for the record and the operator), with `rejected`
saying why; nothing downstream trades it. Rules only use the post itself, except
`check_against_price`, which callers with market data use to catch prices written without their
decimal point (AKRO "2835" for 0.02835) or for the wrong coin.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from verzek.domain.signals import EntryType, ParsedMessage, Side
from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)
from verzek.parsing.lexicon import TRADABLE_QUOTES

MAX_LEVERAGE = 125  # the highest any of our exchanges offers
# Levels farther than this factor from the entry are a different price scale, not a trade plan.
MAX_TARGET_FACTOR = Decimal(10)
MAX_STOP_FACTOR = Decimal(5)
MAX_ENTRY_SPREAD = Decimal(2)  # highest/lowest entry in one post
_BASE_RE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{2,15}$")
# Listed coins whose ticker is one letter (Wormhole, Sonic, Threshold, Chainbase, Gravity): tradable when tagged, paired
# or labelled ("Coin: G (Gravity)")
ONE_LETTER_COINS = frozenset({"W", "S", "T", "C", "G"})
# Their projects' names: "Coin: G (Gravity)" names the coin; "Coin: G (Good)" is a grade in brackets, not a project
ONE_LETTER_NAMES = {"W": "wormhole", "S": "sonic", "T": "threshold", "C": "chainbase", "G": "gravity"}
# Prices a coin has not traded below against the dollar for years: a level under its floor is a misplaced
# separator ("67.250" written for 67,250) or another coin's price. Only coins whose floor is beyond doubt.
# (gold tokens track an ounce of gold; MKR and YFI have traded in the hundreds/thousands for years)
PRICE_FLOORS = {"BTC": Decimal(1000), "ETH": Decimal(50), "PAXG": Decimal(1000), "XAUT": Decimal(1000),
                "MKR": Decimal(100), "YFI": Decimal(1000)}
USD_QUOTES = frozenset({"USDT", "USDC", "USD", "BUSD", "FDUSD", "TUSD"})
# Prices no coin reaches against these quotes: "21" for RVN/BTC is satoshis written without their unit, not 21 BTC.
QUOTE_CEILINGS = {"BTC": Decimal(1), "ETH": Decimal(100)}


# (a fiat quote is worth at most a few dollars — "BTC/EUR 91.250" is 91,250 euros, never 91.25: the floors hold)
FIAT_QUOTES = frozenset({"EUR", "GBP", "CHF", "TRY", "BRL", "RUB", "UAH", "INR", "JPY", "KRW", "AUD", "CAD", "IDR", "VND",
                         "NGN", "ZAR", "MXN", "ARS", "PLN"})


def price_floor(symbol: str | None) -> Decimal | None:
    base, _, quote = (symbol or "").partition("/")
    return PRICE_FLOORS.get(base) if quote in USD_QUOTES or quote in FIAT_QUOTES else None


def validate_open(parsed: ParsedMessage) -> list[str]:
    """Reasons this `open` must not be traded (empty list = consistent)."""
    problems: list[str] = []
    if not parsed.symbol:
        problems.append("no coin named")
    else:
        base, _, quote = parsed.symbol.partition("/")
        if not (_BASE_RE.match(base) or base in ONE_LETTER_COINS) or quote not in TRADABLE_QUOTES:
            problems.append(f"{parsed.symbol} is not a symbol we can trade")
    if parsed.side is None:
        problems.append("side not stated and not derivable from the levels")
    if parsed.leverage is not None and parsed.leverage > MAX_LEVERAGE:
        problems.append(f"leverage {parsed.leverage}x is above the {MAX_LEVERAGE}x any exchange allows")
    levels = [*parsed.entries, *parsed.targets] + ([parsed.stop_loss] if parsed.stop_loss is not None else [])
    if any(v <= 0 for v in levels):
        problems.append("a price is zero or negative")
        return problems
    if not parsed.entries and parsed.entry_type != EntryType.MARKET:
        problems.append("no entry price")
    if parsed.entries:
        problems.extend(_magnitude_problems(parsed))
    floor = price_floor(parsed.symbol)
    if floor is not None and levels and min(levels) < floor:
        problems.append(f"a level under {floor} is not a {parsed.symbol} price: a misplaced separator or another coin")
    ceiling = QUOTE_CEILINGS.get((parsed.symbol or "").partition("/")[2])
    if ceiling is not None and levels and max(levels) >= ceiling:
        problems.append(f"a level of {max(levels)} is no {parsed.symbol} price: no coin trades that high against "
                        "that quote (satoshis written without their unit?)")
    if parsed.side is not None and not problems:
        problems.extend(_order_problems(parsed))
    if len(set(parsed.targets)) != len(parsed.targets):
        problems.append("a take-profit target is repeated")
    return problems


def _magnitude_problems(parsed: ParsedMessage) -> list[str]:
    low, high = min(parsed.entries), max(parsed.entries)
    problems = []
    if high / low > MAX_ENTRY_SPREAD:
        problems.append("entries differ by more than 2x: a price is off by orders of magnitude")
    for target in parsed.targets:
        if not (low / MAX_TARGET_FACTOR <= target <= high * MAX_TARGET_FACTOR):
            problems.append(f"target {target} is off by orders of magnitude from the entry")
            break
    stop = parsed.stop_loss
    if stop is not None and not (low / MAX_STOP_FACTOR <= stop <= high * MAX_STOP_FACTOR):
        problems.append(f"stop {stop} is off by orders of magnitude from the entry")
    return problems


def _order_problems(parsed: ParsedMessage) -> list[str]:
    """Long: stop < entries < targets, targets rising. Short: the mirror image."""
    problems = []
    entries, targets, stop = parsed.entries, parsed.targets, parsed.stop_loss
    long = parsed.side == Side.LONG
    if entries and stop is not None:
        if long and stop >= min(entries):
            problems.append(f"stop {stop} is not below the long entry {min(entries)}")
        if not long and stop <= max(entries):
            problems.append(f"stop {stop} is not above the short entry {max(entries)}")
    if entries and targets:
        if long and targets[0] <= min(entries):
            problems.append(f"target {targets[0]} is not above the long entry")
        if not long and targets[0] >= max(entries):
            problems.append(f"target {targets[0]} is not below the short entry")
    if parsed.entry_type == EntryType.RANGE and len(entries) > 1 and targets \
            and (min(entries) < targets[0] <= max(entries) if long else min(entries) <= targets[0] < max(entries)):
        # (session 23: "Entry: 64000 - 62000 / TP: 63000 / 66000" on a long): the first target inside the entry range —
        # a fill at the range's far end is already past it; the card contradicts itself
        problems.append(f"target {targets[0]} is inside the entry range")
    if targets and stop is not None:
        beyond = [t for t in targets if (t <= stop if long else t >= stop)]
        if beyond:
            problems.append(f"target {beyond[0]} is on the stop's side")
    steps = list(itertools.pairwise(targets))
    if any((b <= a) if long else (b >= a) for a, b in steps):
        problems.append("take-profit targets are not in trade order")
    return problems


def check_against_price(parsed: ParsedMessage, last_price: Decimal,
                        max_deviation: Decimal = Decimal("0.5")) -> str | None:
    """Why an `open` is off the market (entry more than `max_deviation` away from `last_price`), else None.

    Catches what a post alone cannot show: a price written without its decimal point or for another coin.
    """
    if not parsed.entries or last_price <= 0:
        return None
    reference = (min(parsed.entries) + max(parsed.entries)) / 2
    deviation = abs(reference - last_price) / last_price
    if deviation > max_deviation:
        return (f"entry {reference} is {deviation:.0%} away from the market price {last_price}: "
                "price off by orders of magnitude or for another coin")
    return None
