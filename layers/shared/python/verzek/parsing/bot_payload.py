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
_ENTRY_KEYS = ("entry", "entry_price", "entryprice", "open_price", "limit_price", "price")
_TARGET_KEYS = ("tp", "tps", "targets", "take_profit", "take_profits", "takeprofit", "takeprofits")
_STOP_KEYS = ("sl", "stop", "stoploss", "stop_loss")
_ORDER_TYPE_KEYS = ("ordertype", "order_type", "type")
_LEVERAGE_KEYS = ("leverage", "lev")
_LONG = {"long", "buy", "enter_long", "open_long", "long_entry", "entry_long"}
_SHORT = {"short", "sell", "enter_short", "open_short", "short_entry", "entry_short"}
_CLOSE = {"exit_long", "exit_short", "close", "close_long", "close_short", "exit", "close_at_market_price",
          "close_position", "exit_all", "close_all"}
_TP_HIT = re.compile(r"tp\s*_?(\d)\s*_?hit|take_?profit_?(\d)?_?hit", re.IGNORECASE)
_SL_HIT = re.compile(r"(?:sl|stop(?:_?loss)?)_?hit", re.IGNORECASE)
# WunderTrading's comment code: "ENTER-LONG_BINANCE_BTCUSDT_Swing-Bot_1H_8c1e2f"
_CODE = re.compile(r"(ENTER|EXIT)-(LONG|SHORT)_[A-Z0-9]+_([A-Z0-9]{4,20})_", re.IGNORECASE)
_QUOTE_FIRST = re.compile(r"(USDT|USDC|BUSD|FDUSD|BTC|ETH)_([A-Z0-9]{2,15})")  # 3Commas' "USDT_DOGE"
_PERPETUAL = re.compile(r"[-_.]?(?:SWAP|PERP|P)$", re.IGNORECASE)


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
    code = _CODE.search(str(fields.get("code", "")))
    symbol = _symbol(fields, code)
    action = _action(fields, code)
    if symbol is None or action is None:
        return NO_TRADE
    coin, perpetual = symbol
    if action == "close":
        return f"Close #{coin} now"
    if action.startswith("tp"):
        return f"#{coin} TP{action[2:]} hit ✅"
    if action == "sl":
        return f"#{coin} stop loss hit ❌"
    lines = [f"#{coin} {action.upper()}"]
    if perpetual:
        lines.append("Futures")
    entry = _number(_first(fields, _ENTRY_KEYS))
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
    leverage = _number(_first(fields, _LEVERAGE_KEYS))
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


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((fields[k] for k in keys if fields.get(k) not in (None, "")), None)


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return str(number) if number.is_finite() and number > 0 else None


def _symbol(fields: dict[str, Any], code: re.Match[str] | None) -> tuple[str, bool] | None:
    raw = _first(fields, _SYMBOL_KEYS)
    if not isinstance(raw, str) and code is not None:
        raw = code.group(3)
    if not isinstance(raw, str) or not raw.strip():
        return None
    raw = raw.strip().upper().split(":")[-1]  # ("BINANCE:BTCUSDT": the exchange's prefix)
    perpetual = bool(_PERPETUAL.search(raw)) and not raw.endswith("USDP")
    core = _PERPETUAL.sub("", raw) if perpetual else raw
    if quote_first := _QUOTE_FIRST.fullmatch(core):
        return f"{quote_first.group(2)}/{quote_first.group(1)}", perpetual
    core = re.sub(r"[-_]", "/", core)
    return (core, perpetual) if re.fullmatch(r"[A-Z0-9]{2,20}(?:/[A-Z0-9]{2,10})?", core) else None


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
        return [number] if number else []
    for key, value in data.items():
        if str(key).lower() in _TARGET_KEYS:
            return prices(value)
    numbered = sorted((int(k[2:]), v) for k, v in fields.items() if re.fullmatch(r"tp[1-9]", k))
    return [p for _, v in numbered for p in prices(v)]
