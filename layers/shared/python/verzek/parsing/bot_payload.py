"""A bot's JSON payload pasted into a channel (a TradingView → 3Commas / WunderTrading / Finandy webhook, a signal
bot's export), written out as the card a channel would post, so the ordinary reading applies to it.

The keys are the ones these tools document ("action": "enter_long" / "exit_short" / "close_at_market_price",
"code": "ENTER-LONG_BINANCE_BTCUSDT_…", "side" + "positionSide", "open": {"price"}, "tp": {"orders": [{"price"}]},
"takeProfits": [{"price", "portfolio"}], "stopLoss": {"price"}, "tp1".."tp9", "pair": "USDT_DOGE"). Amounts, shares
("piece", "portfolio"), lags, timestamps and ids are never prices; a secret or token is never copied. A JSON object
that names no coin or no trade action (an API error, a bot's status) is no signal: its words are a machine's
("Invalid API-key, IP, or permissions for action" is no close of a coin "API").
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)

_SYMBOL_KEYS = ("symbol", "ticker", "pair", "tv_instrument", "instrument", "coin", "market_symbol")
_ACTION_KEYS = ("action", "signal", "command", "event")
_SIDE_KEYS = ("positionside", "position_side", "side", "direction")
_ENTRY_KEYS = ("entry", "entries", "entry_price", "entryprice", "open_price", "limit_price", "price")
_TARGET_KEYS = ("tp", "tps", "targets", "take_profit", "take_profits", "takeprofit", "takeprofits")
_STOP_KEYS = ("sl", "stop", "stoploss", "stop_loss")
_ORDER_TYPE_KEYS = ("ordertype", "order_type", "type")
_LEVERAGE_KEYS = ("leverage", "lev")
_LONG = {"long", "buy", "enter_long", "open_long", "long_entry", "entry_long"}
_SHORT = {"short", "sell", "enter_short", "open_short", "short_entry", "entry_short"}
_CLOSE = {"exit_long", "exit_short", "close", "close_long", "close_short", "exit", "close_at_market_price",
          "close_position", "exit_all", "close_all"}
_TP_HIT = re.compile(r"tp\s*_?(\d)\s*_?hit|take_?profit_?(\d)?_?hit", re.IGNORECASE)
_SL_HIT = re.compile(r"(?:trailing_?)?(?:sl|stop(?:_?loss)?)_?hit", re.IGNORECASE)
# WunderTrading's comment code: "ENTER-LONG_BINANCE_BTCUSDT_Swing-Bot_1H_8c1e2f"
_CODE = re.compile(r"(ENTER|EXIT)-(LONG|SHORT)_[A-Z0-9]+_([A-Z0-9]{4,20})_", re.IGNORECASE)
# ("BTCUSDT.P", "ETH-USDT-SWAP", "BTCUSD_PERP"): a separator before the marker — "JUP", "TRUMP" end in a P of their own
_PERPETUAL = re.compile(r"(?:[-_.](?:SWAP|PERP)|\.P)$", re.IGNORECASE)
# An exchange's record of an order or a position (a fill, a cancel, a snapshot), not a signal
_RECORD_KEYS = frozenset({"orderid", "order_id", "clientorderid", "client_order_id", "reduceonly", "reduce_only", "closedpnl",
                          "closed_pnl", "positionamt", "position_amt", "executedqty", "executed_qty", "avgprice", "avg_price",
                          "unrealizedprofit", "unrealised_pnl", "unrealizedpnl", "cumexecqty", "orderstatus", "order_status"})
_LIVE_STATUS = frozenset({"new", "open", "active", "live", "pending"})
_STABLE_QUOTES = ("USDT", "USDC", "BUSD", "FDUSD", "TUSD", "USD")
_CRYPTO_QUOTES = ("BTC", "ETH", "BNB")
_QUOTES = (*_STABLE_QUOTES, *_CRYPTO_QUOTES, "TRY", "EUR")


NO_TRADE = ""  # (a JSON object that is no trade payload)


def card_from_payload(text: str) -> str | None:
    """The card a JSON payload stands for; NO_TRADE for a JSON object naming no coin or action; None for any other text."""
    stripped = text.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    fields = _fields(data)
    status = str(fields.get("status", "")).strip().lower()
    if _RECORD_KEYS & set(fields) or status and status not in _LIVE_STATUS:
        return NO_TRADE  # (an order filled or cancelled, a position's snapshot, a signal marked done)
    code = _CODE.search(str(fields.get("code", "")))
    symbol = _symbol(fields, code)
    action = _action(fields, code)
    if symbol is None or action is None:
        return NO_TRADE
    coin, perpetual = symbol
    venue = " ".join(str(fields.get(k, "")) for k in ("market", "market_type", "exchange", "tv_exchange", "category")).lower()
    futures = perpetual or bool(re.search(r"futures?|perp|swap|linear|inverse|usd[-_]?m", venue))
    spot = not futures and "spot" in venue
    if action == "close":
        share = _share(fields)
        # (3Commas' "amount": "50" of "position_percent", "50%": a part of the position)
        return f"#{coin} close {share}% now" if share is not None and share < 100 else f"Close #{coin} now"
    if action.startswith("tp"):
        return f"#{coin} TP{action[2:]} hit ✅"
    if action == "sl":
        return f"#{coin} stop loss hit ❌"
    if spot and action == "short":
        return f"Sell #{coin} now"  # (a spot sell exits the held coin; spot has no shorts)
    lines = [f"#{coin} {action.upper()}"]
    if futures:
        lines.append("Futures")
    elif spot:
        lines.append("Spot")
    entry = _number(_first(fields, _ENTRY_KEYS))
    if entry is None and isinstance(listed := _first(_lists(data), _ENTRY_KEYS), list) \
            and (ladder := [n for n in map(_number, listed) if n]):
        entry = " / ".join(ladder)  # ("entry": [64000, 63500])
    order_type = str(_first(fields, _ORDER_TYPE_KEYS) or "").lower()
    if entry is not None:
        lines.append(f"Entry: {entry}")
    elif order_type == "market" or str(_first(fields, ("entry",)) or "").lower() == "market":
        lines.append("Entry: market")
    targets = _targets(data, fields)
    if targets:
        lines.append("TP: " + " / ".join(targets))
    stop = _number(_first(fields, _STOP_KEYS))
    if stop is not None:
        lines.append(f"SL: {stop}")
    written = re.search(r"\d{1,3}(?:\.\d+)?", str(_first(fields, _LEVERAGE_KEYS) or ""))  # ("Cross 20x", "x10", 5)
    leverage = _number(written.group(0)) if written else None
    if leverage is not None:
        lines.append(f"Leverage: {leverage}x")
    return "\n".join(lines)


def _fields(data: dict[str, Any], into: dict[str, Any] | None = None, inside: str = "") -> dict[str, Any]:
    """Every key of the payload, lower-cased, at any depth (the outermost wins); a price under "open"/"entry" is the
    entry's ("open": {"price": "88.40"}), under "sl"/"stopLoss" the stop's."""
    into = {} if into is None else into
    for key, value in data.items():
        name = str(key).lower()
        if isinstance(value, dict):
            if name in ("open", "entry", "order") and "price" in {str(k).lower() for k in value}:
                into.setdefault("entry", next(v for k, v in value.items() if str(k).lower() == "price"))
            if name in _STOP_KEYS and "price" in {str(k).lower() for k in value}:
                into.setdefault(name, next(v for k, v in value.items() if str(k).lower() == "price"))
                continue
            if name in _TARGET_KEYS:
                continue
            _fields(value, into, name)
        elif not isinstance(value, list):
            if inside in _TARGET_KEYS or inside in _STOP_KEYS:
                continue
            into.setdefault(name, value)
    return into


def _lists(data: dict[str, Any]) -> dict[str, Any]:
    """The payload's top-level lists by lower-cased key (`_fields` keeps no list)."""
    return {str(k).lower(): v for k, v in data.items() if isinstance(v, list)}


def _share(fields: dict[str, Any]) -> Decimal | None:
    """The part of the position an exit takes, in percent, when the payload says so."""
    for key in ("amount", "percent", "percentage", "qty_percent", "close_percent", "size", "quantity", "qty",
                "amountpertrade"):
        raw = str(fields.get(key, "")).strip()
        unit = " ".join(str(fields.get(k, "")) for k in ("currency_type", "investmenttype", "amounttype",
                                                          "amountpertradetype")).lower()
        if raw.endswith("%") or "percent" in unit or "position" in unit:
            number = _number(raw.rstrip("%"))
            if number is not None:
                return Decimal(number)
    return None


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((fields[k] for k in keys if fields.get(k) not in (None, "")), None)


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")  # ("64,250.5": thousands separated by commas)
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return str(number) if number.is_finite() and number > 0 else None


def _symbol(fields: dict[str, Any], code: re.Match[str] | None) -> tuple[str, bool] | None:
    raw = _first(fields, _SYMBOL_KEYS)
    if not isinstance(raw, str) and code is not None:
        raw = code.group(3)
    if not isinstance(raw, str) or not raw.strip():
        return None
    raw = raw.strip().upper()
    if ":" in raw:
        # ("BINANCE:BTCUSDT": the exchange's prefix; "BTC/USDT:USDT": ccxt's settle currency after the pair)
        left, right = raw.split(":", 1)
        perpetual_settle = "/" in left
        raw = left if perpetual_settle else right
    else:
        perpetual_settle = False
    perpetual = bool(_PERPETUAL.search(raw)) or perpetual_settle
    core = _PERPETUAL.sub("", raw)
    parts = re.split(r"[-_/]", core)
    if len(parts) == 2 and all(parts):
        first, second = parts
        if first in _CRYPTO_QUOTES and second in _CRYPTO_QUOTES:
            return None  # ("ETH_BTC" base first, 3Commas' "BTC_ETH" quote first: which is the coin is not written)
        if second in _QUOTES and first not in _STABLE_QUOTES:
            return f"{first}/{second}", perpetual
        if first in _STABLE_QUOTES and second not in _QUOTES:
            return f"{second}/{first}", perpetual  # (3Commas writes the quote first: "USDT_DOGE")
        return None  # ("BTC_ETH": which is the quote is not written the same way by every tool)
    return (core, perpetual) if len(parts) == 1 and re.fullmatch(r"[A-Z0-9]{2,20}", core) else None


def _action(fields: dict[str, Any], code: re.Match[str] | None) -> str | None:
    """'long' / 'short' / 'close' / 'tpN' / 'sl', or None when the payload says no action."""
    if code is not None:
        return "close" if code.group(1).upper() == "EXIT" else code.group(2).lower()
    said = [str(fields[k]).strip().lower().replace("-", "_").replace(" ", "_") for k in _ACTION_KEYS + _SIDE_KEYS
            if isinstance(fields.get(k), str)]
    for word in said:
        if word in _CLOSE:
            return "close"
        if hit := _TP_HIT.fullmatch(word):
            return "tp" + (hit.group(1) or hit.group(2) or "")
        if _SL_HIT.fullmatch(word):
            return "sl"
    # (the position's side outranks the order's: "side": "sell" with "positionSide": "short" opens a short)
    for word in said:
        if word in _LONG:
            return "long"
        if word in _SHORT:
            return "short"
    return None


def _targets(data: dict[str, Any], fields: dict[str, Any]) -> list[str]:
    """The take-profit prices in the payload's order: a list of numbers, of {"price": …}, {"orders": [...]}, or
    numbered keys "tp1".."tp9"."""
    def prices(value: Any) -> list[str]:
        if isinstance(value, list):
            return [p for item in value for p in prices(item)]
        if isinstance(value, dict):
            lowered = {str(k).lower(): v for k, v in value.items()}
            if "price" in lowered:
                return [p for p in [_number(lowered["price"])] if p]
            return prices(lowered.get("orders", []))
        number = _number(value)
        if number is None and isinstance(value, str) and re.search(r"\d\s*[,/;|]\s*\d|\d\s+\d", value):
            return [p for part in re.split(r"\s*[,/;|]\s*|\s+", value.strip()) for p in [_number(part)] if p]
        return [number] if number else []
    for key, value in data.items():
        if str(key).lower() in _TARGET_KEYS:
            return prices(value)
    numbered = sorted((int(k[2:]), v) for k, v in fields.items() if re.fullmatch(r"tp[1-9]", k))
    return [p for _, v in numbered for p in prices(v)]
