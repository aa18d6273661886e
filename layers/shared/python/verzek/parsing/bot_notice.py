"""A machine's notice relayed into a channel as text (a TradingView strategy's default message, a freqtrade bot, an
exchange's order or copy-trading notice, a grid bot's report), read as the card it stands for, so the ordinary reading
applies to it.

Such notices write the state a position is left in, not a trader's words: "New strategy position is 0" and a
reduce-only stop filled end the position; "Exiting INJ/USDT:USDT (#112)" is a freqtrade exit of the whole trade (its
"Partially exiting" is not); a grid bot stopped with all of its coin sold ended it; "Side: Open short" on an
exchange's order notice opened one; "Lead trader added to position" added to the running one. The buy or sell of a
closing order is never the position's side (a buy flattens a short). A bot's profit report with the bot still running
asks for nothing. A notice read otherwise, or naming no single coin, is left to the ordinary reading (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)


@dataclass(frozen=True)
class BotNotice:
    """The card a notice stands for and the kind its reading must come to ("open", "close", "update"), or no card
    (`card` None) when the notice asks for nothing (`reason` says why). `hold` holds an open for an operator."""
    card: str | None
    kind: str = "none"
    coin: str | None = None
    reason: str = ""
    hold: str | None = None


# A cheap look at the post before any costly pattern: most posts name none of these
_GATE = re.compile(r"position|reduce|exit|grid|bot|trader|ignore|disregard|side|entry|close_|action|cancel|cover", re.IGNORECASE)

# A pair as machines write it: "BYBIT:SUIUSDT.P", "INJ/USDT:USDT", "ETH-USDT-SWAP", "DOGEUSDT.P", "DOT/USDT"
_PAIR = re.compile(r"(?<![\w#$/:.])(?:[A-Z][A-Z0-9]{1,14}:)?([A-Z][A-Z0-9]{1,14}?)[/_-]?(USDT|USDC|BUSD|FDUSD|USD)"
                   r"(?::USDT|:USDC|\.P|[-_](?:PERP|SWAP))?(?![A-Za-z0-9])")
_TAG = re.compile(r"(?<![\w#$])[#$]([A-Za-z][A-Za-z0-9]{1,14})(?![\w/])")

# A TradingView strategy's position after the order: flat ("New strategy position is 0", "position_size=0",
# "market_position=flat")
_FLAT = re.compile(r"(?<!\w)(?:strategy\s+position\s+(?:is\s+(?:now\s+)?|now\s+|[:=]\s*)(?:0(?:\.0+)?|flat)|"
                   r"position_?size\s*[:=]\s*0(?:\.0+)?|market_?position\s*[:=]\s*flat)(?![\w.])", re.IGNORECASE)
# A key=value exit in an alert's text: "action=close_long", "signal: exit_short", "cmd=long_exit", "action=close"
# (session 25, bots25: "action: cover_short", "signal=buy_to_cover" — a short bought back, the short's exit)
_KEYED_EXIT = re.compile(r"(?<!\w)(?:action|signal|cmd|command|order_action|event)\s*[:=]\s*[\"']?(?:(?:close|exit|flat)"
                         r"(?:[_-](long|short))?|(long|short)[_-](?:close|exit)|cover[_-](short)|buy[_-]to[_-]cover)(?![\w-])",
                         re.IGNORECASE)
# An exchange's record of a reduce-only order (it can only shrink a position) or a close-position order, filled
_REDUCE_ONLY = re.compile(r"(?<!\w)reduce[_\s-]?only\s*[:=]\s*true(?!\w)", re.IGNORECASE)
_CLOSE_POSITION = re.compile(r"(?<!\w)close[_\s-]?position\s*[:=]\s*true(?!\w)", re.IGNORECASE)
_FILLED = re.compile(r"(?<!\w)(?<!partially\s)(?<!partially_)(?:filled|executed)(?!\w)", re.IGNORECASE)
_NOT_FILLED = re.compile(r"(?<!\w)(?:partially[\s_]+filled|partial[\s_]+fill|cancel+ed|expired|rejected|new|pending)(?!\w)",
                         re.IGNORECASE)
_VOIDED = re.compile(r"(?<!\w)(?:cancel+ed|expired|rejected)(?!\w)", re.IGNORECASE)
_STOP_ORDER = re.compile(r"(?<!\w)(?:stop(?:_market|_loss|\s+market|\s+loss)?|trailing_stop_market|sl)(?!\w)", re.IGNORECASE)
# freqtrade's exit of the whole trade: "Exiting INJ/USDT:USDT (#112)", "Exited long ARB/USDT:USDT (#31)" (its
# "Partially exiting", "Exit cancelled", "Cancelling exit order" are not)
_BOT_EXIT = re.compile(r"(?<![\w-])(?<!partially\s)(?:exiting|exited)\s+(?:(long|short)\s+)?(?=[A-Z][A-Z0-9]{1,14}/[A-Z]{3,5})",
                       re.IGNORECASE)
_EXIT_UNDONE = re.compile(r"(?<!\w)(?:partial\w*|cancel\w*|fail\w*|error|unfilled|timeout|rejected|half|third|quarter|portion)(?!\w)|"
                          r"(?<![\d.,+-])[1-9]\d?\s*%\s*(?:of|here|now|off)(?!\w)", re.IGNORECASE)
# A bot's exit order withdrawn, the position kept: "Exit cancelled", "Cancelling exit Order for …", "sell order canceled"
_EXIT_ORDER_CANCELLED = re.compile(r"(?<!\w)(?:(?:exit|sell|close)\s+(?:order\s+)?(?:was\s+|has\s+been\s+)?cancel+(?:ed|led)|"
                                   r"cancel+(?:ing|ed|led)\s+(?:the\s+)?(?:exit|sell|close)\s+order)(?!\w)", re.IGNORECASE)
# A bot ended with its coin sold: "Spot Grid stopped … All DOT sold at market", "DCA bot closed, position sold"
_BOT_WORD = re.compile(r"(?<!\w)(?:grid|dca|bot|deal|martingale)(?!\w)", re.IGNORECASE)
_BOT_ENDED = re.compile(r"(?<!\w)(?:stopped|closed|terminated|ended|completed|finished)(?!\w)", re.IGNORECASE)
_ALL_SOLD = re.compile(r"(?<!\w)(?:(?:all|entire|whole)\s+(?:(?:the\s+)?[#$]?[a-z0-9]{2,15}\s+){0,2}(?:position\s+|holdings?\s+)?"
                       r"(?:was\s+|were\s+|has\s+been\s+|is\s+)?(?:sold|closed|liquidated|converted)|"
                       r"sold\s+(?:all|everything|the\s+(?:whole|entire)\s+\w+)|"
                       r"(?:position|holdings?)\s+(?:was\s+|were\s+|has\s+been\s+|is\s+)?(?:closed|sold)\s+at\s+market)(?!\w)",
                       re.IGNORECASE)
_NOT_SOLD = re.compile(r"(?<!\w)(?:not\s+sold|kept|keep|holding|hold|no\s+sell|without\s+selling)(?!\w)", re.IGNORECASE)
# A bot's own report while it runs: "Grid Bot #GB-2291 | … Grid profit (24h): +11.82 USDT · 17 matched trades / Status:
# running"
_BOT_REPORT_HEAD = re.compile(r"(?<!\w)(?:(?:grid|dca|martingale|arbitrage|rebalanc\w*)\s*bot|(?:spot|futures)\s+grid|"
                              r"grid\s+(?:profit|trading))(?!\w)", re.IGNORECASE)
_BOT_REPORT_BODY = re.compile(r"(?<!\w)(?:status\s*[:=]?\s*(?:running|active|on|live)|(?:grid|total|daily|realized)\s+profit|"
                              r"matched\s+trades|arbitrages?)(?!\w)", re.IGNORECASE)
_BOT_ACTS = re.compile(r"(?<!\w)(?:stop\w*|sold|sell|buy|closed?|closing|exit\w*|cancel\w*|started|start|launched|created|"
                       r"opened|open|long|short|entry|tp|sl|target|liquidat\w*|paused|ended)(?!\w)", re.IGNORECASE)
# A copy-trading notice of the lead's position grown or shrunk: "Lead trader added to position / Direction: Long / Added
# size: 0.85 ETH @ 3,268.40", "Master trader reduced the position"
_LEAD = r"(?:lead(?:ing)?\s+trader|master\s+trader|signal\s+provider|lead|trader)\s+(?:has\s+)?"
_LEAD_ADDED = re.compile(rf"(?<!\w){_LEAD}(?:added\s+to|increased|scaled\s+into)\s+(?:the\s+|a\s+|their\s+|his\s+|her\s+)?"
                         r"(?:position|trade|size)(?!\w)", re.IGNORECASE)
_LEAD_REDUCED = re.compile(rf"(?<!\w){_LEAD}(?:reduced|decreased|trimmed|partially\s+closed)\s+(?:the\s+|a\s+|their\s+|his\s+|"
                           r"her\s+)?(?:position|trade|size)(?!\w)", re.IGNORECASE)
_DIRECTION = re.compile(r"(?<!\w)(?:direction|side|position\s+side)\s*[:=]\s*(long|short)(?!\w)", re.IGNORECASE)
_SIDE_WORD = re.compile(r"(?<!\w)(?:long|short)(?!\w)", re.IGNORECASE)
# The channel's word that a bot's message was no trade: "ignore the last bot message about #PEPE, it was a test webhook"
_IGNORE_LAST = re.compile(r"(?<!\w)(?:ignore|disregard|skip)\s+(?:the\s+|my\s+|our\s+|that\s+)?(?:last|previous|prior|earlier|"
                          r"above)\s+(?:(?:bot|bot'?s|auto(?:mated)?|webhook|tv|tradingview|alert)\s+)?(?:message|post|signal|"
                          r"alert|call|webhook|notification|trade)s?\s+(?:about|on|for|of|in)\s+[#$]?([A-Za-z][A-Za-z0-9]{1,14})(?![\w/])",
                          re.IGNORECASE)
# (another call on the coin said to stand: "#ETH long still valid" — the message ignored was about something else)
_STILL_VALID = re.compile(r"(?<!\w)still\s+(?:valid|open|active|running|on|in\s+play)(?!\w)", re.IGNORECASE)
# An exchange's order notice whose side field says what it did to the position: "Side: Open short", "Side: Close long"
_OPEN_CLOSE_SIDE = re.compile(r"(?<!\w)side\s*[:=]\s*(open|close)\s+(long|short)(?!\w)", re.IGNORECASE)
_PRICE = r"(\d[\d,]*(?:\.\d+)?)"
# (session 24) A card's order line, its type and price, an order yet to be placed: "Order: Limit @ 37.85", "Order: Market
# (last 3,428.6)"
_ORDER_TO_PLACE = re.compile(r"(?im)^[^\w\n]*order(?:[ \t]+type)?[ \t]*:[ \t]*(?:limit|market)[ \t]*(?:@|at|\()?[ \t]*"
                             r"(?:last|ref\w*|mark)?[ \t]*\$?\d")
_FILL_PRICE = re.compile(r"(?<!\w)(?:avg\.?\s*fill(?:\s*price)?|fill(?:ed)?\s*price|avg\.?\s*(?:price|entry(?:\s*price)?)|"
                         rf"average\s*(?:price|fill(?:\s*price)?)|entry\s*price|open\s*price|price)\s*[:=]\s*\$?{_PRICE}",
                         re.IGNORECASE)
# ("Lev: 10x", and session 23: a margin mode beside the mark — "Margin mode: margin 5x isolated", "Cross 20x")
_LEVERAGE = re.compile(r"(?<!\w)lev(?:erage)?\s*[:=]\s*(\d{1,3})\s*x(?!\w)|"
                       r"(?<![\w.,])(\d{1,3})\s*x\s+(?=(?:isolated|cross)(?!\w))|(?<!\w)(?:isolated|cross)\s+(\d{1,3})\s*x(?!\w)",
                       re.IGNORECASE)
_TP_SL = re.compile(rf"(?<!\w)tp\s*/\s*sl\s*[:=]\s*\$?{_PRICE}\s*/\s*\$?{_PRICE}", re.IGNORECASE)
_SL_TP = re.compile(rf"(?<!\w)sl\s*/\s*tp\s*[:=]\s*\$?{_PRICE}\s*/\s*\$?{_PRICE}", re.IGNORECASE)
_LEVEL_LINE = re.compile(r"^[^\w\n]*(?:tp\d?|take[\s-]*profit|sl|stop(?:[\s-]*loss)?)\s*[:=][^\n]*$", re.IGNORECASE | re.MULTILINE)
_FUTURES = re.compile(r"(?<!\w)(?:usd[tⓢs]?-m|coin-m|perp\w*|swap|futures?|contract)(?!\w)", re.IGNORECASE)
# A TradingView strategy's entry alert: "long entry triggered on BINANCE:BNBUSDT (4h) — entry 598.7, tp …, sl …"
_TV_ENTRY = re.compile(r"\A[^\w\n]*(long|short)\s+(entry\s+(?:triggered|signal|alert|fired))\s+on\s+(?=[A-Z][A-Z0-9_]{1,15}:"
                       r"[A-Z0-9]{2,20})", re.IGNORECASE)


def read_bot_notice(text: str) -> BotNotice | None:
    """The card a machine's notice stands for, or a notice that asks for nothing; None for any other post."""
    if not _GATE.search(text):
        return None
    coin = _coin(text)
    if _FLAT.search(text) and coin:
        # ("DOGEUSDT.P — order buy @ 4200 filled. New strategy position is 0"): the strategy is flat — the order (a buy
        # here) closed the position, whichever side it was
        return BotNotice(f"Close #{coin} now", "close", coin)
    if coin and (filled := _strategy_fill(text, coin)) is not None:
        return filled
    if (keyed := _KEYED_EXIT.search(text) or _SIDE_KEYED_EXIT.search(text)) is not None and coin:
        side = (keyed.group(1) or keyed.group(2) or ("short" if keyed.re is _KEYED_EXIT and "cover" in keyed.group(0).lower()
                                                     else "")).upper()
        if not side and (position := _KEYED_POSITION_SIDE.search(text)) is not None:
            side = position.group(1).upper()
        if (part := _part_of_the_position(text)) is not None:
            return part if part.card is None else BotNotice(f"#{coin} {side} {part.card}".replace("  ", " "), "update", coin)
        return BotNotice(f"Close #{coin} {side} now".replace("  ", " "), "close", coin)
    if _REDUCE_ONLY.search(text) or _CLOSE_POSITION.search(text):
        if coin and _FILLED.search(text) and not _NOT_FILLED.search(text):
            if _CLOSE_POSITION.search(text):
                return BotNotice(f"Close #{coin} now", "close", coin)
            if _STOP_ORDER.search(text):
                # ("FILLED STOP_MARKET SELL WIFUSDT … reduceOnly=true"): the stop order filled — stopped out
                return BotNotice(f"#{coin} stop loss hit", "close", coin)
        if coin and _VOIDED.search(text) and not _FILLED.search(text):
            # ("CANCELED STOP_MARKET SELL WIFUSDT … reduceOnly=true"): an order that could only shrink the position never
            # filled — the position is as it was
            return BotNotice(None, reason="an exchange's reduce-only order cancelled or expired: no change")
        return None  # (a reduce-only limit or take-profit filled may be all of the position or a part)
    if _EXIT_ORDER_CANCELLED.search(text) and coin:
        # (freqtrade's "Exit cancelled" / "Cancelling exit Order for ETH/USDT:USDT (#29)": the exit never happened)
        return BotNotice(None, reason="a bot's exit order cancelled: the trade runs on")
    if (exited := _BOT_EXIT.search(text)) is not None and coin and not _EXIT_UNDONE.search(text):
        side = (exited.group(1) or "").upper()
        return BotNotice(f"Close #{coin} {side} now".replace("  ", " "), "close", coin)
    if _BOT_WORD.search(text) and _BOT_ENDED.search(text) and _ALL_SOLD.search(text) and not _NOT_SOLD.search(text) and coin:
        return BotNotice(f"Close #{coin} now", "close", coin)
    if _BOT_REPORT_HEAD.search(text) and _BOT_REPORT_BODY.search(text) and not _BOT_ACTS.search(text):
        return BotNotice(None, reason="a trading bot's status report while it runs: no call")
    if (added := _LEAD_ADDED.search(text) or _LEAD_REDUCED.search(text)) is not None and coin:
        direction = _DIRECTION.search(text)
        sides = {m.group(0).upper() for m in _SIDE_WORD.finditer(text)}
        # ("Direction: Long", or the one side word the notice writes: "BNBUSDT Long 5x")
        side = f" {direction.group(1).upper()}" if direction else f" {sides.pop()}" if len(sides) == 1 else ""
        change = "entry added" if added.re is _LEAD_ADDED else "partial close"
        return BotNotice(f"#{coin}{side} {change}", "update", coin)
    if (ignored := _IGNORE_LAST.search(text)) is not None and ignored.group(1).upper() == coin \
            and not _STILL_VALID.search(text):
        # (the bot's call withdrawn before anyone should act on it: a cancel of the call, as "Cancel #PEPE" is)
        return BotNotice(f"Cancel #{coin}", "close", coin)
    if (report := _CLOSE_IN_BRACKETS.search(text)) is not None and coin and _FILLED.search(text) \
            and not _NOT_FILLED.search(text):
        # (session 22, status52) ("Symbol: APTUSDT | Side: SELL (close long) / Qty: 100% / Status: FILLED — position
        # flat"): an exchange's execution report of the order that closed the long, filled
        side = report.group(1).upper()
        if (part := _part_of_the_position(text)) is not None:
            return part if part.card is None else BotNotice(f"#{coin} {side} {part.card}", "update", coin)
        return BotNotice(f"Close #{coin} {side} now", "close", coin)
    if (sided := _OPEN_CLOSE_SIDE.search(text)) is not None and coin:
        side = sided.group(2).upper()
        if sided.group(1).lower() == "close":
            return BotNotice(f"Close #{coin} {side} now", "close", coin)
        if _ORDER_TO_PLACE.search(text) and not _FILLED.search(text):
            # (session 24) ("New position signal / Side: Open Long / Order: Limit @ 37.85 / TP … / SL …"): a lead trader's
            # card for the copiers, its order yet to be placed — no fill on anyone's account: the ordinary reading
            return None
        return _opened(text, coin, side)
    if (alert := _TV_ENTRY.search(text)) is not None and coin:
        # (the alert's name is the call: its "entry triggered" is the strategy's signal firing, no fill of a running call)
        return BotNotice(text[:alert.start(2)] + "signal" + text[alert.end(2):], "open", coin)
    return None


# (session 22, status52) An alert's side field that is the exit itself: "side=CLOSE_SHORT", "side: exit_long"
_SIDE_KEYED_EXIT = re.compile(r"(?<!\w)(?:side|position_?side)\s*[:=]\s*[\"']?(?:(?:close|exit)[_-](long|short)|"
                              r"(long|short)[_-](?:close|exit))(?![\w-])", re.IGNORECASE)
# (session 27, day27) The position's own side keyed beside a bare exit event ("event=EXIT / pair=SUIUSDT.P / dir=SHORT",
# "action: close · direction: long", "position_side=SHORT"): the side of the trade closed (an order's buy or sell is not)
_KEYED_POSITION_SIDE = re.compile(r"(?<!\w)(?:dir|direction|position_?side|side)\s*[:=]\s*[\"']?(long|short)(?![\w-])",
                                  re.IGNORECASE)
# (session 22, status52) An execution report's side: the order's buy or sell, then what it did in brackets — "Side: SELL
# (close long)", "side=BUY (close short)"
_CLOSE_IN_BRACKETS = re.compile(r"(?<!\w)side\s*[:=]\s*(?:buy|sell)\s*\(\s*close\s+(long|short)\s*\)", re.IGNORECASE)
# (session 22, status52) The share of the position a notice's exit takes: "qty=100%", "Qty: 50%", "percent=25"
_KEYED_SHARE = re.compile(r"(?:^|(?<=[\n|,;/{(]))[ \t]*(?:qty|quantity|size|amount|qty_?pct|qty_?percent|close_?pct|close_?percent)"
                          r"\s*[:=]\s*(\d{1,3}(?:\.\d+)?)\s*(%)?", re.IGNORECASE)


# (session 25, bots25) A TradingView strategy's default message: "order buy @ N filled on BINANCE:DOGEUSDT.P. New
# strategy position is 1800" — its "@ N" is the order's contracts in TradingView's template, and a price when the
# writer's template says so; the position after the order is signed (a short's is negative)
_STRATEGY_ORDER = re.compile(r"(?<!\w)order\s+(buy|sell)\s+@\s*\$?(\d[\d,]*(?:\.\d+)?)\s+(?:filled|executed)(?!\w)", re.IGNORECASE)
_STRATEGY_NOW = re.compile(r"(?<!\w)strategy\s+position\s+(?:is\s+(?:now\s+)?|now\s+|[:=]\s*)([+-]?)\s*(\d[\d,]*(?:\.\d+)?)(?![\d.])",
                           re.IGNORECASE)
_STRATEGY_TP = re.compile(r"(?<!\w)(?:tp\d?|take[\s-]*profit|target)\s*[:=]?\s*\$?(\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)
_STRATEGY_SL = re.compile(r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?)\s*[:=]?\s*\$?(\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)
_PERPETUAL_PAIR = re.compile(r"[A-Z0-9]USDT?(?:\.P|[-_](?:PERP|SWAP))(?![A-Za-z0-9])|(?<!\w)perp\w*", re.IGNORECASE)


def _strategy_fill(text: str, coin: str) -> BotNotice | None:
    """(session 25, bots25) A strategy's order filled that leaves a position on its own side (a buy leaving a long, a
    sell leaving a short): the position opened — or grown, which the notice does not say, so it is held. Its "@ N" is
    the entry only when the notice's own take-profit and stop lie on either side of it (and it is no copy of the
    position's size, TradingView's contracts); else the open is at the market with no price. A fill leaving the other
    side made the position smaller by a share not written: no card. A fill leaving none is the flat reading's."""
    order, now = _STRATEGY_ORDER.search(text), _STRATEGY_NOW.search(text)
    if order is None or now is None:
        return None
    try:
        size = Decimal(now.group(2).replace(",", ""))
        at = Decimal(order.group(2).replace(",", ""))
        targets = [Decimal(m.group(1).replace(",", "")) for m in _STRATEGY_TP.finditer(text)]
        stops = {Decimal(m.group(1).replace(",", "")) for m in _STRATEGY_SL.finditer(text)}
    except ArithmeticError:
        return None
    if size == 0 or len(stops) > 1:
        return None
    if (order.group(1).lower() == "buy") != (now.group(1) != "-"):
        # ("order sell @ 3 filled … New strategy position is 6"): a sell leaving a long (a buy leaving a short) made the
        # position smaller by a share the notice does not give — no open on the order's side, no close
        return BotNotice(None, reason="a strategy's order reduced its position by a share not written: for an operator")
    side = "LONG" if order.group(1).lower() == "buy" else "SHORT"
    lines = [f"#{coin} {side}"]
    if _PERPETUAL_PAIR.search(text):
        lines.append("Futures")
    above, below = (targets, stops) if side == "LONG" else (stops, targets)
    if (targets or stops) and at != size and all(level > at for level in above) and all(level < at for level in below):
        lines.append(f"Entry: {order.group(2)}")
    else:
        lines.append("Entry: market")
    lines += [f"TP{n}: {target}" for n, target in enumerate(targets, 1)]
    lines += [f"SL: {stop}" for stop in stops]
    return BotNotice("\n".join(lines), "open", coin,
                     hold="a strategy's order filled: whether it opened the position or grew it is not written")


def _part_of_the_position(text: str) -> BotNotice | None:
    """(session 22, status52) A keyed exit of a written share below all of the position ("qty=50%"): a partial close
    (card "partial close"); a share the notice writes in two ways, or an amount that is no percent, is held as unclear
    (no card); None when the notice writes all of it (100%) or no share at all."""
    shares = {(m.group(1), bool(m.group(2)) or re.search(r"(?i)_?p(?:ct|ercent)\s*[:=]", m.group(0)) is not None)
              for m in _KEYED_SHARE.finditer(text)}
    if not shares:
        return None
    if len(shares) > 1 or not next(iter(shares))[1]:
        return BotNotice(None, reason="a notice's exit of an amount whose share of the position is not clear: for an operator")
    share = float(next(iter(shares))[0])
    if share >= 100:
        return None
    return BotNotice("partial close", "update")


def _opened(text: str, coin: str, side: str) -> BotNotice:
    """The card of an exchange's notice of an opening order: its fill price the entry, its TP/SL the exits."""
    lines = [f"#{coin} {side}"]
    leverage = _LEVERAGE.search(text)
    if leverage or _FUTURES.search(text):
        lines.append("Futures")
    if (price := _FILL_PRICE.search(text)) is not None:
        lines.append(f"Entry: {price.group(1)}")
    if (both := _TP_SL.search(text)) is not None:
        lines += [f"TP: {both.group(1)}", f"SL: {both.group(2)}"]
    elif (both := _SL_TP.search(text)) is not None:
        lines += [f"TP: {both.group(2)}", f"SL: {both.group(1)}"]
    else:
        lines += [m.group(0).strip() for m in _LEVEL_LINE.finditer(text)]
    if leverage:
        lines.append(f"Leverage: {next(g for g in leverage.groups() if g)}x")
    return BotNotice("\n".join(lines), "open", coin,
                     hold="an exchange's notice of an order filled on the writer's account")


def _coin(text: str) -> str | None:
    """The one coin the notice names, by its pair or else its tag; None for none or several."""
    coins = {m.group(1).upper() for m in _PAIR.finditer(text)}
    if not coins:
        coins = {m.group(1).upper() for m in _TAG.finditer(text)}
    return coins.pop() if len(coins) == 1 else None
