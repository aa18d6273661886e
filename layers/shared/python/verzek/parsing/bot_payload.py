"""A bot's JSON payload pasted into a channel (a TradingView → 3Commas / WunderTrading / Finandy webhook, a signal
bot's export), written out as the card a channel would post, so the ordinary reading applies to it.

The keys are the ones these tools document ("action": "enter_long" / "exit_short" / "close_at_market_price",
"code": "ENTER-LONG_BINANCE_BTCUSDT_…", "side" + "positionSide", "open": {"price"}, "tp": {"orders": [{"price"}]},
"takeProfits": [{"price", "portfolio"}], "stopLoss": {"price"}, "tp1".."tp9", "pair": "USDT_DOGE"). Amounts, shares
("piece", "portfolio"), lags, timestamps and ids are never prices; a secret or token is never copied. A stop or a
take-profit the payload writes is carried or the open is held (never dropped); a target or stop reached is the update it
reports, never a fresh open (a new stop beside it is the stop move); an empty or waiting status ("result": "",
"state": "waiting_entry") leaves a call the card it is; an exit of an amount of coins is a partial close, never all of
the position; a stop move or a cancel payload is the update its card text would be. A JSON object
that names no coin or no trade action (an API error, a bot's status) is no signal: its words are a machine's
("Invalid API-key, IP, or permissions for action" is no close of a coin "API").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)

# A bot's heading line above the payload it pasted ("Webhook received ✅\n{…}", "Incoming alert:"): a bare delivery
# notice — its words only these, no number, no brace. Any other word ("Paper-trade alert received, do not copy",
# "Webhook received (TEST — ignore)", "Close this:") makes the post no payload to act on: it is read as a whole post
_JSON_AFTER_HEADING = re.compile(r"\A[^\w\n{}]*(?:(?:new|incoming|webhook|alert|payload|json|received|raw|request|bot|"
                                 r"tradingview|tv|signal|message|data|body|from|via)[^\w\n{}]*){1,5}\n\s*(?=\{)",
                                 re.IGNORECASE)
# (session 23: a signal bot's short keys — "sym", "cmd", "dir", "exch" — and TradingView's placeholder
# "{{strategy.order.action}}" written as its own key: "strategy.order.action": "sell")
_SYMBOL_KEYS = ("symbol", "ticker", "pair", "tv_instrument", "instrument", "coin", "market_symbol", "sym")
_ACTION_KEYS = ("action", "signal", "command", "event", "alert", "order_action", "orderaction", "cmd",
                "strategy.order.action", "strategy_order_action", "order.action")
# (TradersPost's "sentiment" and TradingView's "market_position" name the position after the order: "flat" is an exit)
_SIDE_KEYS = ("positionside", "position_side", "side", "direction", "sentiment", "market_position", "dir",
              "strategy.market_position")
# (TradingView's "prev_market_position" names the position an exit left: "flat" after "short" ended a short)
_PREV_SIDE_KEYS = ("prev_position", "prev_market_position", "prevmarketposition", "previous_position",
                   "previous_market_position", "prev_side", "strategy.prev_market_position")
# TradingView's strategy.position_size after the order (signed; 0 is flat), and the order's comment ("Exit")
_POSITION_SIZE_KEYS = ("position_size", "positionsize", "strategy_position_size", "strategy.position_size",
                       "market_position_size", "new_position_size", "new_strategy_position")
_COMMENT_KEYS = ("comment", "order_comment", "strategy_order_comment", "strategy.order.comment")
# A template's field never filled in ("{{ticker}}", "{{ticker}}USDT")
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")
_UNFILLED_COIN = "{{ticker}}"
# A running or finished trade's state: a target or stop reached is read, a live word passes, any other word is no signal
_STATUS_KEYS = ("status", "state", "result")
_ENTRY_KEYS = ("entry", "entries", "entry_price", "entryprice", "open_price", "limit_price", "price")
# An entry zone: one key holding both ends, or one key per end
_ENTRY_ZONE_KEYS = ("entry_zone", "entry_range", "entryzone", "entryrange", "entry")
_ENTRY_ZONE_ENDS = (("entry_low", "entry_high"), ("entry_min", "entry_max"), ("entry_from", "entry_to"),
                    ("min", "max"), ("low", "high"), ("from", "to"))
_TARGET_KEYS = ("tp", "tps", "targets", "target", "take_profit", "take_profits", "takeprofit", "takeprofits",
                "tp_price", "tp_prices", "take_profit_price", "takeprofitprice")
_NUMBERED_TARGET = re.compile(r"tp[1-9]")  # ("tp1".."tp9")
# A key that names the stop: "sl", "stop", "stopLoss", "stop_loss_price", "slPrice", "sl_percent", "trailing_sl" …
_STOP_NAME = re.compile(r"(trailing_?)?(?:sl|stop|stop_?loss)(?:_?(price|px|level|value|trigger_?price)|_?(percent|pct|percentage))?")
# The price inside a nested order ({"price"}, TradersPost's {"stopPrice"} / {"limitPrice"}, {"triggerPrice"}): a stop's
# trigger first
_PRICE_KEYS = ("stopprice", "stop_price", "triggerprice", "trigger_price", "price", "limitprice", "limit_price")
_PERCENT_KEYS = ("percent", "percentage", "pct")
_ORDER_TYPE_KEYS = ("ordertype", "order_type", "type")
_LEVERAGE_KEYS = ("leverage", "lev", "margin_mode", "marginmode")
# The part of a position an exit takes: in percent by its key's name, or by a unit key beside an amount
_SHARE_PERCENT_KEYS = ("percent", "percentage", "qty_percent", "close_percent", "position_percent",
                       # (session 22, status52: "qty_pct": "50" is half the position, never all of it)
                       "qty_pct", "close_pct", "position_pct", "size_pct", "size_percent", "qty_percentage",
                       "close_percentage", "exit_pct", "exit_percent")
_SHARE_AMOUNT_KEYS = ("amount", "size", "quantity", "qty", "amountpertrade")
# (TradersPost's "quantityType": "percent_of_position")
_SHARE_UNIT_KEYS = ("currency_type", "investmenttype", "amounttype", "amountpertradetype", "quantitytype")
_LONG = {"long", "buy", "enter_long", "open_long", "long_entry", "entry_long", "bullish"}
_SHORT = {"short", "sell", "enter_short", "open_short", "short_entry", "entry_short", "bearish"}
_CLOSE = {"exit_long", "exit_short", "close", "close_long", "close_short", "exit", "close_at_market_price",
          "close_position", "exit_all", "close_all", "long_exit", "short_exit", "flat", "sell_to_close", "buy_to_close",
          "buy_to_cover", "cover_short", "short_cover"}
_TP_HIT = re.compile(r"(?:tp|take_?profit|target)_?(\d)?_?(?:hit|reached|filled|achieved|done|touched)", re.IGNORECASE)
# (session 23) The call's entry order filled, as a bot's event names it ("event": "ENTRY_FILLED", "entry1_triggered"):
# the running call's fill, never a fresh open (a bare "filled" is an exchange's order record, read as none)
_ENTRY_FILLED = re.compile(r"(?:entry|base_?order)_?\d?_?(?:filled|triggered|executed|activated)")
_SL_HIT = re.compile(r"(?:trailing_?)?(?:sl|stop(?:_?loss)?)_?(?:hit|reached|triggered|filled)", re.IGNORECASE)
# A state or event word that is the stop-out itself ("event": "stop_loss", "result": "stopped")
_STOPPED_OUT = {"stop_loss", "stoploss", "stopped", "stopped_out", "sl"}
# A state word that is a target reached ("state": "tp1")
_TP_STATE = re.compile(r"tp_?(\d)")
# A flag of a finished trade ("closed": true), or the targets a running trade has reached ("hit": ["tp1"]): no signal
_DONE_FLAGS = ("closed", "is_closed", "stopped", "finished")
_REACHED_KEYS = ("hit", "hits", "targets_hit", "reached")
# WunderTrading's comment code: "ENTER-LONG_BINANCE_BTCUSDT_Swing-Bot_1H_8c1e2f"
_CODE = re.compile(r"(ENTER|EXIT)-(LONG|SHORT)_[A-Z0-9]+_([A-Z0-9]{4,20})_", re.IGNORECASE)
# ("BTCUSDT.P", "ETH-USDT-SWAP", "BTCUSD_PERP"): a separator before the marker — "JUP", "TRUMP" end in a P of their own
_PERPETUAL = re.compile(r"(?:[-_.](?:SWAP|PERP)|\.P)$", re.IGNORECASE)
# An exchange's record of an order or a position (a fill, a cancel, a snapshot), not a signal
_RECORD_KEYS = frozenset({"orderid", "order_id", "clientorderid", "client_order_id", "reduceonly", "reduce_only", "closedpnl",
                          "closed_pnl", "positionamt", "position_amt", "executedqty", "executed_qty", "avgprice", "avg_price",
                          "unrealizedprofit", "unrealised_pnl", "unrealizedpnl", "cumexecqty", "orderstatus", "order_status"})
# A live or waiting call's state ("Active ✅", "NEW SIGNAL", "waiting_entry"), read case-, emoji- and spacing-blind
_LIVE_STATUS = frozenset({"new", "open", "opened", "active", "live", "pending", "waiting", "valid", "created", "new_signal",
                          "entry_zone", "in_entry_zone", "waiting_entry", "waiting_for_entry", "awaiting_entry",
                          "entry_pending", "pending_entry", "not_triggered", "untriggered", "not_filled"})
# An empty or negative status or reached field of a template ("result": "", "hit": "none", "targets_hit": "0/2")
_NO_STATUS = re.compile(r"|none|no|null|nil|false|n_?a|0(?:_\d+)?|not_yet|nothing")
# A stop moved by the payload: an action word ("move_sl", "update_sl", "sl_moved", "breakeven") or a key ("new_sl")
_STOP_WORD = r"(?:sl|stop(?:_?loss)?)"
_STOP_MOVE = re.compile(rf"(?:update|move|modify|change|adjust|set)_?{_STOP_WORD}(?:_?to_?(be|break_?even|entry))?"
                        rf"|{_STOP_WORD}_?(?:moved|updated|changed|modified|adjusted|update|move)(?:_?to_?(be|break_?even|entry))?"
                        rf"|(?:move_?)?(?:{_STOP_WORD}_?)?(?:to_?)?(break_?even)|move_?(?:{_STOP_WORD}_?)?to_?(be|entry)")
_NEW_STOP_KEY = re.compile(rf"new_?{_STOP_WORD}(?:_?price)?|{_STOP_WORD}_?(?:new|moved_?to|to)")
_BREAKEVEN = re.compile(r"be|break_?even|entry|entry_price")
# A price whose one separator reads two ways, thousands or decimals ("sl": "1,460" is 1460 or 1.460; "61.800" is 61.8
# or 61800): a JSON string is written by hand or by a locale's format, a JSON number never groups thousands
_ONE_COMMA_GROUP = re.compile(r"(?<![\d.,])[1-9]\d{0,2},\d{3}(?![\d.,])")
_TWO_WAY = re.compile(r"([1-9]\d{0,2})[.,](\d{3})")
# A cancel: of the call ("cancel", "cancel_signal", "cancel_trade": the whole trade goes) or of the coin's unfilled orders
# ("cancel_orders", "cancel_entry", "cancel_all", "cancel_all_orders": an exchange's order cancel leaves the position)
_CANCEL = re.compile(r"cancel(?:_?(?:(signal|trade)|all|orders?|entry|entries|entry_orders?|limit|all_orders))?")
_ORDER_ID_KEYS = frozenset({"orderid", "order_id", "clientorderid", "client_order_id"})
_STABLE_QUOTES = ("USDT", "USDC", "BUSD", "FDUSD", "TUSD", "USD")
_CRYPTO_QUOTES = ("BTC", "ETH", "BNB")
_QUOTES = (*_STABLE_QUOTES, *_CRYPTO_QUOTES, "TRY", "EUR")


NO_TRADE = ""  # (a JSON object that is no trade payload)


@dataclass(frozen=True)
class PayloadCard:
    """The card a payload stands for (NO_TRADE when it is no trade payload), and why an open read from it must wait for
    an operator, when it must."""
    text: str
    hold: str | None = None


def card_from_payload(text: str) -> PayloadCard | None:
    """The card a JSON payload stands for (its text NO_TRADE for a JSON object naming no coin or action); None for any
    other text."""
    stripped = _JSON_AFTER_HEADING.sub("", text.strip(), count=1)
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    fields = _fields(data)
    # (a command to cancel one order names the order: "action": "cancel_entry", "order_id": …)
    cancel = any(_CANCEL.fullmatch(word) for word in _words(fields, _ACTION_KEYS))
    records = _RECORD_KEYS - _ORDER_ID_KEYS if cancel else _RECORD_KEYS
    if records & set(fields) or any(fields.get(flag) is True for flag in _DONE_FLAGS) \
            or any(_said(level.get(key)) for level in _objects(data) for key in _REACHED_KEYS):
        return PayloadCard(NO_TRADE)  # (an order filled or cancelled, a position's snapshot, a trade's report)
    code = _CODE.search(str(fields.get("code", "")))
    symbol = _symbol(fields, code)
    action = _action(data, fields, code)
    placeholder = symbol is None and action in ("long", "short") and _PLACEHOLDER.search(str(_first(fields, _SYMBOL_KEYS) or ""))
    if placeholder:
        # ('"ticker": "{{ticker}}"': the alert's template never filled the coin in) — the call's levels are read, the coin
        # is not known: an open no one can trade, for an operator
        symbol = (_UNFILLED_COIN, False)
    if symbol is None or action is None:
        return PayloadCard(NO_TRADE)
    coin, perpetual = symbol
    venue = " ".join(str(fields.get(k, "")) for k in ("market", "market_type", "exchange", "tv_exchange", "category",
                                                      "exch")).lower()
    # ("exch": "BINANCE-FUT": an exchange's futures account by its short name)
    futures = perpetual or bool(re.search(r"futures?|(?<![a-z])fut(?![a-z])|perp|swap|linear|inverse|usd[-_]?m", venue))
    spot = not futures and "spot" in venue
    said = _words(fields, _ACTION_KEYS + _SIDE_KEYS)
    unit = str(fields.get("quantitytype", "")).lower()
    if action == "close" or action == "short" and "position" in unit and not _SHORT.difference({"sell"}).intersection(said):
        # (TradersPost's "sell" of a "percent_of_position" exits that share of the held position: it opens no short)
        side = _previous_side(fields) or _closed_side(fields)
        if _flat(fields):
            # (the position is 0 after the order: all of it closed, whatever amount the order names)
            return PayloadCard(f"Close #{coin}{side} now")
        return PayloadCard(_exit_card(coin, fields, side=side))
    if action == "cancel":
        # (one order named by its id is one unfilled entry; the coin's orders are its unfilled entries, the filled part
        # runs; a bare cancel or a cancel of the signal is the whole call's, as "Cancel #DOT" is)
        if _ORDER_ID_KEYS & set(fields):
            return PayloadCard(f"#{coin} cancel the unfilled entry order")
        whole = any((m := _CANCEL.fullmatch(word)) and (m.group(1) or word == "cancel") for word in _words(fields, _ACTION_KEYS))
        # ({"action": "cancel_all", "close_position": true}: the orders cancelled and the position closed too)
        whole = whole or any(re.fullmatch(r"close_?(?:position|all|trade)|closeposition", name) and value in (True, "true", 1, "1",
                                                                                                           "yes")
                             for name, value in fields.items())
        return PayloadCard(f"#{coin} cancel entry" if whole else f"#{coin} cancel the unfilled entry orders")
    entry = _entry(data, fields)
    # (a running trade's side the payload names stays on its update: {"event": "sl_moved", "side": "long", …})
    named = " LONG" if _LONG & set(said) else " SHORT" if _SHORT & set(said) else ""
    if action.startswith("move"):
        moved = "breakeven" if action == "move_be" else _moved_stop(data, plain=True)
        if moved == "breakeven":
            return PayloadCard(f"#{coin}{named} move SL to breakeven")
        return PayloadCard(f"#{coin}{named} SL moved to {moved}" if moved else f"#{coin}{named} move SL")
    if action.startswith("tp"):
        # (a target reached with the stop's new place: "new_sl", or a stop beside a bare event, or at or past the entry
        # of a full card — a full card's own stop below the entry is no move)
        moved = _moved_stop(data, plain=entry is None and not _targets(data), entry=entry,
                            side="long" if _LONG & set(said) else "short" if _SHORT & set(said) else None)
        move = "" if moved is None else "\nSL moved to breakeven" if moved == "breakeven" else f"\nSL moved to {moved}"
        return PayloadCard(f"#{coin} TP{action[2:]} hit ✅{move}")
    if action == "sl":
        return PayloadCard(f"#{coin} stop loss hit ❌")
    if action == "filled":
        return PayloadCard(f"#{coin} entry filled ✅")
    order_type = str(_first(fields, _ORDER_TYPE_KEYS) or "").lower()
    targets = _targets(data)
    stop, stop_hold = _stop(data, action)
    target_written = any(k in _TARGET_KEYS or _NUMBERED_TARGET.fullmatch(k) for level in _objects(data) for k in level)
    # (a level the author wrote and the card cannot carry is never dropped silently)
    hold = stop_hold or ("a take-profit is written but could not be read" if target_written and not targets else None)
    if placeholder:
        hold = "the coin is a template's placeholder that was never filled in"
    if spot and action == "short" and not placeholder:
        priced = order_type == "limit" or any(k in fields for k in _ENTRY_KEYS if k != "price")
        if not (priced or targets or stop is not None or stop_hold):
            return PayloadCard(_exit_card(coin, fields, sell=True))  # (a spot sell exits the held coin; spot has no shorts)
        # (a sell at a limit price or with a short's levels is no exit now, and spot has no shorts)
        hold = "a spot sell with an entry price or levels is no exit at the market and no short"
    lines = [f"{coin} {action.upper()}" if placeholder else f"#{coin} {action.upper()}"]
    leverage_said = _first(fields, _LEVERAGE_KEYS)
    if futures or (leverage_said is not None and not spot):
        lines.append("Futures")  # (leverage or a margin mode is written for futures only: "leverage": "cross")
    elif spot:
        lines.append("Spot")
    # (a price a string writes "1,520" goes on the card as written: the card's reading holds the open when that comma may
    # as well be a decimal point — ARB at 1.52 — as it holds the same text card)
    commas = _comma_written(data)

    def written(levels: str) -> str:
        return re.sub(r"\d+(?:\.\d+)?", lambda m: commas.get(m.group(0), m.group(0)), levels) if commas else levels
    if entry is not None:
        lines.append(f"Entry: {written(entry)}")
    elif order_type == "market" or str(_first(fields, ("entry",)) or "").lower() == "market":
        lines.append("Entry: market")
    if targets:
        lines.append("TP: " + written(" / ".join(targets)))
    if stop is not None:
        lines.append(f"SL: {written(stop)}")
    written = re.search(r"\d{1,3}(?:\.\d+)?", str(leverage_said or ""))  # ("Cross 20x", "x10", 5)
    leverage = _number(written.group(0)) if written else None
    if leverage is not None:
        lines.append(f"Leverage: {leverage}x")
    return PayloadCard("\n".join(lines), hold)


def _comma_written(value: Any) -> dict[str, str]:
    """The numbers the payload's strings write with one comma before three digits ("1,520": 1520 or 1.520), by their
    thousands reading: {"1520": "1,520"}."""
    if isinstance(value, dict):
        return {k: v for item in value.values() for k, v in _comma_written(item).items()}
    if isinstance(value, list):
        return {k: v for item in value for k, v in _comma_written(item).items()}
    if isinstance(value, str) and "," in value:
        return {str(Decimal(m.replace(",", ""))): m for m in _ONE_COMMA_GROUP.findall(value)}
    return {}


def _previous_side(fields: dict[str, Any]) -> str:
    """The side of the position an exit ended, when the payload names it (" SHORT" for "prev_position": "short"), else
    "" (the side of the exit's own order — "sell" — is no side of the position: a spot sell closes a long)."""
    said = set(_words(fields, _PREV_SIDE_KEYS))
    return " LONG" if said & {"long", "buy"} and not said & {"short", "sell"} \
        else " SHORT" if said & {"short", "sell"} and not said & {"long", "buy"} else ""


def _closed_side(fields: dict[str, Any]) -> str:
    """(session 23) The position a close names in its own side field by a position's word ("action": "close_all",
    "side": "long" closes the long) — " LONG" / " SHORT", else "". An order's "buy" / "sell" there names no position (a
    sell closes a long), and a side field at odds with itself names none."""
    said = {word for word in _words(fields, _SIDE_KEYS) if word in ("long", "short")}
    return f" {said.pop().upper()}" if len(said) == 1 else ""


def _exit_card(coin: str, fields: dict[str, Any], *, sell: bool = False, side: str = "") -> str:
    """A close of the coin: all of it, a written share of it, or a part of unknown share when an amount of coins is given
    (an amount is no share of a position whose size the post does not know)."""
    share = _share(fields)
    if share is not None and share < 1:
        # ("percent": 0.5): a fraction (half) or half a percent — a part of the position either way, never all of it
        return f"#{coin} partial close now"
    if share is not None and share < 100:
        return f"#{coin} close {share.normalize():f}% now"  # ("percent": 1.0 and "1" are one share)
    if share is None and any(_number(fields.get(k)) for k in _SHARE_AMOUNT_KEYS):
        return f"#{coin} partial close now"
    return f"Sell #{coin} now" if sell else f"Close #{coin}{side} now"


def _moved_stop(data: dict[str, Any], *, plain: bool, entry: str | None = None, side: str | None = None) -> str | None:
    """Where a stop-move or target-hit payload puts the stop: a price, "breakeven", or None. A key naming a new stop
    ("new_sl") always counts; a plain stop key ("sl") when `plain`, or when it is breakeven, or at or past the entry on a
    full card whose side is written."""
    ends = [Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", entry or "")]
    found: list[str] = []
    for level in _objects(data):
        for key, value in level.items():
            named = _STOP_NAME.fullmatch(key)
            if not (_NEW_STOP_KEY.fullmatch(key) or named and not named.group(1) and not named.group(3)):
                continue
            if isinstance(value, str) and _BREAKEVEN.fullmatch(re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")):
                found.append("breakeven")
                continue
            reading = _stop_reading(value, side or "long", in_percent=False)
            if reading is None or reading[0] != "price":
                continue
            two = _TWO_WAY.fullmatch(value.strip()) if isinstance(value, str) else None
            prices = [Decimal(reading[1])] if two is None else [Decimal("".join(two.groups())), Decimal(".".join(two.groups()))]
            past = bool(ends) and all(side == "long" and price >= min(ends) or side == "short" and price <= max(ends)
                                      for price in prices)
            if _NEW_STOP_KEY.fullmatch(key) or plain or past:
                # ("1,460", "61.800": written with the comma, whose two readings the card's reading carries for the
                # signal's levels to choose from)
                price = reading[1] if two is None else ",".join(two.groups())
                if not isinstance(value, str) and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", price):
                    # (a JSON number groups no thousands: 1.735 goes on the card as "1.7350", which the text reads one
                    # way — "SL moved to 1.735" would carry 1.735 and 1735)
                    price += "0"
                found.append(price)
    return found[0] if len(set(found)) == 1 else None


def _flat(fields: dict[str, Any]) -> bool:
    """Whether the payload writes the strategy's position after its order as 0 ("position_size": "0")."""
    size = _first(fields, _POSITION_SIZE_KEYS)
    return size is not None and re.fullmatch(r"[+-]?0+(?:\.0+)?", str(size).strip()) is not None


def _said(value: Any) -> bool:
    """Whether a status or reached field says something: not empty, "none", "no" or "0/2"."""
    if isinstance(value, str):
        return _NO_STATUS.fullmatch(re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")) is None
    return bool(value)


def _words(fields: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    """The string values of the keys, lower-cased, with emoji and punctuation gone and spaces as "_" ("Active ✅" →
    "active", "NEW SIGNAL" → "new_signal", "Short Exit" → "short_exit")."""
    return [re.sub(r"[^a-z0-9]+", "_", str(fields[k]).lower()).strip("_") for k in keys if isinstance(fields.get(k), str)]


def _fields(data: dict[str, Any], into: dict[str, Any] | None = None, inside: str = "") -> dict[str, Any]:
    """Every scalar key of the payload, lower-cased, at any depth (the outermost wins); a price under "open"/"entry" is
    the entry's ("open": {"price": "88.40"}). Targets and stops are left to `_targets` and `_stop`."""
    into = {} if into is None else into
    for key, value in data.items():
        name = str(key).lower()
        if isinstance(value, dict):
            if name in ("open", "entry", "order") and (price := _nested_price(value)) is not None:
                into.setdefault("entry", price)
            if not _is_level_key(name):
                _fields(value, into, name)
        elif not isinstance(value, list) and not _is_level_key(inside):
            into.setdefault(name, value)
    return into


def _is_level_key(name: str) -> bool:
    return name in _TARGET_KEYS or _STOP_NAME.fullmatch(name) is not None


def _objects(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The payload and the objects nested in it ("data", "signal", "payload" …), outermost first, keys lower-cased;
    a target's or a stop's own object is not one of them."""
    lowered = {str(k).lower(): v for k, v in data.items()}
    nested = [o for k, v in lowered.items() if isinstance(v, dict) and not _is_level_key(k) for o in _objects(v)]
    return [lowered, *nested]


def _nested_price(value: dict[str, Any]) -> Any:
    lowered = {str(k).lower(): v for k, v in value.items()}
    return next((lowered[k] for k in _PRICE_KEYS if lowered.get(k) not in (None, "")), None)


def _share(fields: dict[str, Any]) -> Decimal | None:
    """The part of the position an exit takes, in percent, when the payload says so: a key named for a percent
    ("percent": "25"), an amount written with "%", or an amount beside a percent unit ("currency_type": "position_percent")."""
    for key in _SHARE_PERCENT_KEYS:
        if (number := _number(str(fields.get(key, "")).strip().rstrip("%"))) is not None:
            return Decimal(number)
    unit = " ".join(str(fields.get(k, "")) for k in _SHARE_UNIT_KEYS).lower()
    for key in _SHARE_AMOUNT_KEYS:
        raw = str(fields.get(key, "")).strip()
        if raw.endswith("%") or "percent" in unit or "position" in unit:
            number = _number(raw.rstrip("%"))
            if number is not None:
                return Decimal(number)
    return None


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((fields[k] for k in keys if fields.get(k) not in (None, "")), None)


def _number(value: Any) -> str | None:
    """A positive price as written: "64,250.5" (thousands commas), "148,5" / "0,00001250" (a decimal comma)."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    if re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"0,\d+|\d+,\d{1,2}", text):
        # (a comma before one or two digits, or after a zero, is no thousands separator: "3500,3600" stays unread)
        text = text.replace(",", ".")
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


def _action(data: dict[str, Any], fields: dict[str, Any], code: re.Match[str] | None) -> str | None:
    """'long' / 'short' / 'close' / 'tpN' / 'sl' / 'cancel' / 'filled' (the entry filled) / 'move' (a stop moved) /
    'move_be' (to breakeven), or None
    when the payload says no action. A trade's status (a target or
    the stop reached, an exit) outranks its side: a running trade's report is never a fresh open."""
    if code is not None:
        return "close" if code.group(1).upper() == "EXIT" else code.group(2).lower()

    def words(keys: tuple[str, ...]) -> list[str]:
        return _words(fields, keys)

    for word in words(_STATUS_KEYS):
        if word in _LIVE_STATUS or _NO_STATUS.fullmatch(word):
            continue  # (a live or waiting call, or a template's empty status: the call is the card it is)
        if hit := _TP_HIT.fullmatch(word) or _TP_STATE.fullmatch(word):
            return "tp" + (hit.group(1) or "")
        if _SL_HIT.fullmatch(word) or word in _STOPPED_OUT:
            return "sl"
        return None  # (a signal marked done, filled or cancelled)
    for key, value in fields.items():
        if value is True and (hit := _TP_HIT.fullmatch(key)):  # ("tp1_hit": true)
            return "tp" + (hit.group(1) or "")
        if value is True and _SL_HIT.fullmatch(key):
            return "sl"
    if any(str(order.get("close", {}).get("enabled", "")).lower() == "true" for order in _objects(data)
           if isinstance(order.get("close"), dict)):
        return "close"  # (Finandy's exit: "close": {"enabled": true})
    size = _first(fields, _POSITION_SIZE_KEYS)
    if _flat(fields):
        # (TradingView's strategy.position_size after the order: 0 is flat — the order, a buy or a sell, closed the
        # position; its side is no position's)
        return "close"
    if any(word in _CLOSE for word in words(_COMMENT_KEYS)):
        # ("comment": "Exit": the strategy's order named as its exit — all of the position when no size is left written,
        # else a part or unclear: never an open on the exit order's side)
        return "close" if size is None else None
    said = words(_ACTION_KEYS + _SIDE_KEYS)
    for word in said:
        if word in _CLOSE:
            return "close"
        if hit := _TP_HIT.fullmatch(word):
            return "tp" + (hit.group(1) or "")
        if _SL_HIT.fullmatch(word):
            return "sl"
        if _CANCEL.fullmatch(word):
            return "cancel"
        if _ENTRY_FILLED.fullmatch(word):
            return "filled"
        if moved := _STOP_MOVE.fullmatch(word):
            return "move_be" if any(moved.groups()) else "move"
    if any(word in _STOPPED_OUT for word in words(("event", "alert"))):
        return "sl"  # ("event": "stop_loss": an event is what happened, not an order to set)
    # (the position's side outranks the order's: "side": "sell" with "positionSide": "short" opens a short)
    for word in said:
        if word in _LONG:
            return "long"
        if word in _SHORT:
            return "short"
    return None


def _entry(data: dict[str, Any], fields: dict[str, Any]) -> str | None:
    """The entry as a card writes it: a zone "3350 - 3400", a ladder "64000 / 63500", or one price."""
    for level in _objects(data):
        for key in _ENTRY_ZONE_KEYS:
            value = level.get(key)
            if isinstance(value, dict):
                lowered = {str(k).lower(): v for k, v in value.items()}
                value = next(([lowered[low], lowered[high]] for low, high in _ENTRY_ZONE_ENDS
                              if low in lowered and high in lowered), None)
            elif isinstance(value, str) and re.fullmatch(r"[\d.,]+\s*-\s*[\d.,]+", value.strip()):
                value = value.split("-")  # ("entry": "3350-3400")
            elif isinstance(value, list) and key == "entry":
                value = None  # ("entry": [64000, 63500] is a ladder, read below)
            if isinstance(value, list) and len(value) == 2 and all(ends := [_number(v) for v in value]):
                return " - ".join(ends)
        ends = next(([_number(level[low]), _number(level[high])] for low, high in _ENTRY_ZONE_ENDS[:3]
                     if low in level and high in level), None)
        if ends and all(ends):
            return " - ".join(ends)
    entry = _number(_first(fields, _ENTRY_KEYS))
    if entry is not None:
        return entry
    for level in _objects(data):
        listed = _first({k: v for k, v in level.items() if isinstance(v, list)}, _ENTRY_KEYS)
        if isinstance(listed, list) and (ladder := [n for n in map(_number, listed) if n]):
            return " / ".join(ladder)  # ("entry": [64000, 63500])
    return None


def _targets(data: dict[str, Any]) -> list[str]:
    """The take-profit prices in the payload's order: a list of numbers, of {"price": …} / {"limitPrice": …},
    {"orders": [...]}, a string "3500-3600-3700", or numbered keys "tp1".."tp9" — in the payload or an object in it."""
    def prices(value: Any) -> list[str]:
        if isinstance(value, list):
            return [p for item in value for p in prices(item)]
        if isinstance(value, dict):
            lowered = {str(k).lower(): v for k, v in value.items()}
            if (price := _nested_price(lowered)) is not None:
                return [p for p in [_number(price)] if p]
            if (percent := next((lowered[k] for k in _PERCENT_KEYS if k in lowered), None)) is not None:
                return prices(f"{percent}%")
            return prices(lowered.get("orders", []))
        if isinstance(value, str) and value.strip().endswith("%"):
            # ("tp": "+3%": written as a text card writes it, which holds take-profits given only as percentages)
            return [f"{p}%" for p in [_number(value.strip().rstrip("%").lstrip("+-").strip())] if p]
        number = _number(value)
        if number is None and isinstance(value, str) and re.search(r"\d\s*[,/;|-]\s*\d|\d\s+\d", value):
            return [p for part in re.split(r"\s*[,/;|-]\s*|\s+", value.strip()) for p in [_number(part)] if p]
        return [number] if number else []
    for level in _objects(data):
        for key, value in level.items():
            if key in _TARGET_KEYS and (found := prices(value)):
                return found
        numbered = sorted((int(k[2:]), v) for k, v in level.items() if _NUMBERED_TARGET.fullmatch(k))
        if numbered:
            return [p for _, v in numbered for p in prices(v)]
    return []


def _stop(data: dict[str, Any], side: str) -> tuple[str | None, str | None]:
    """The stop the card carries (a price, or a percent "2%" as a text card writes it) and why the open is held when a
    key names a stop that is not read: a stop the author wrote is never dropped."""
    hard: list[tuple[str, str] | None] = []
    trailing: list[tuple[str, str] | None] = []
    for level in _objects(data):
        for key, value in level.items():
            if named := _STOP_NAME.fullmatch(key):
                (trailing if named.group(1) else hard).append(_stop_reading(value, side, in_percent=bool(named.group(3))))
    if not hard:
        return None, ("a trailing stop with no stop of its own" if trailing else None)
    if None in hard:
        return None, "a stop is written but could not be read (no price, or words for a price)"
    prices = {value for kind, value in hard if kind == "price"}
    percents = {value for kind, value in hard if kind == "percent"}
    if len(prices) > 1 or not prices and len(percents) > 1:
        return None, "two different stops are written"
    return (f"{prices.pop()}" if prices else f"{percents.pop()}%"), None


def _stop_reading(value: Any, side: str, *, in_percent: bool) -> tuple[str, str] | None:
    """("price", "62000") or ("percent", "2") for one stop key's value; None when it is not read."""
    if isinstance(value, list):
        readings = [_stop_reading(v, side, in_percent=in_percent) for v in value]
        if not readings or None in readings or {kind for kind, _ in readings} != {"price"}:  # type: ignore[misc]
            return None
        # ("sl": [62000, 61000]: the tighter stop, the one nearest the entry, protects first)
        pick = max if side == "long" else min
        return "price", str(pick(Decimal(v) for _, v in readings))  # type: ignore[misc]
    if isinstance(value, dict):
        lowered = {str(k).lower(): v for k, v in value.items()}
        kind = " ".join(str(lowered.get(k, "")) for k in ("type", "unit", "mode")).lower()
        if "trail" in kind:
            return None  # ({"type": "trailing", "percent": 1}: a trailing stop is no fixed stop the card can carry)
        said_percent = "percent" in kind
        if said_percent or any(k in lowered for k in _PERCENT_KEYS):
            amount = next((lowered[k] for k in (*_PERCENT_KEYS, "value", "amount") if k in lowered), None)
            return _stop_reading(amount, side, in_percent=True)
        price = _nested_price(lowered)
        return None if price is None else _stop_reading(price, side, in_percent=False)
    text = "" if value is None or isinstance(value, bool) else str(value).strip()
    if text.endswith("%") or in_percent:
        number = _number(text.rstrip("%").lstrip("+-").strip())
        return None if number is None else ("percent", number)
    noted = re.fullmatch(r"([\d.,]+)\s*\([^()]*\)", text)  # ("3300 (1H close)": a note after the price)
    number = _number(noted.group(1) if noted else text)
    return None if number is None else ("price", number)
