"""Text clean-up before tokenising: one canonical form for the many ways channels decorate posts.

Emojis and other pictographs become spaces (they often separate fields on one-line posts), look-alike
dashes/colons/multiplication signs become ASCII, relay artefacts ("[In reply to …]", "by @CRR") and
links are dropped, and dates/clock times/ratios are removed so their digits never look like prices.
"""

from __future__ import annotations

import html
import unicodedata
from decimal import Decimal

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)
from verzek.parsing.hant import SIMPLIFIED, TRADITIONAL
from verzek.parsing.lexicon import CJK, FUTURES_RE
from verzek.parsing.symbols import KNOWN_TICKERS

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"), "-")
_LOOKALIKES = {
    ord("\u00d7"): "x",  # multiplication sign used for leverage (×50)
    ord("\uff1a"): ":",
    ord("\ufe55"): ":",
    ord("\u2236"): ":",
    ord("\u02d0"): ":",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u00a0"): " ",
    ord("\u2009"): " ",
    ord("\u202f"): " ",
    ord("\u0130"): "I",  # Turkish dotted capital I: lower() would change the string length
    ord("\u2024"): ".",
    ord("\uff0e"): ".",
    ord("\uff04"): "$",
    ord("\uff03"): "#",
    ord("\uff05"): "%",
    ord("\u066a"): "%",  # Arabic percent sign ("(۳۰٪)")
    ord("\u301c"): "~",  # wave dash: a Japanese zone "0.162〜0.165"
    ord("\u2192"): ">",  # arrows between levels ("Exit 1 → 452", "104k → 106k", "NOW → 0.41")
    ord("\u21d2"): ">",
    ord("\u279c"): ">", ord("\u2794"): ">", ord("\u279d"): ">", ord("\u279e"): ">", ord("\u21e8"): ">",  # ➜ ➔ ➝ ➞ ⇨
    ord("\u27f6"): ">",
    ord("\uff5e"): "~",
    # (dashed and drafting arrows a card draws between its levels: "📥 1.418 ⇢ 1.392", "🎯 1.446 ⇢ 1.479")
    ord("\u21e2"): ">", ord("\u21fe"): ">", ord("\u2799"): ">", ord("\u279b"): ">", ord("\u27f9"): ">",
}
# Arabic-Indic, Persian and full-width digits are prices like any other ("ورود: ۵۸۰").
_DIGITS = {ord(zero) + i: str(i) for zero in ("\u0660", "\u06f0", "\uff10") for i in range(10)}
_CJK_PUNCT = {
    ord("\u066b"): ".",  # Arabic decimal separator
    ord("\u066c"): ",",  # Arabic thousands separator
    ord("\u3001"): ", ",  # ideographic comma: a list separator, never a thousands mark
    ord("\uff0c"): ", ",  # full-width comma: same
    ord("\u3010"): "[", ord("\u3011"): "]",
    ord("\uff08"): "(", ord("\uff09"): ")",
    ord("\u3000"): " ",
}
# Full-width digits grouped by three with full-width commas after a lead of one or two ("６６，８００", "１，２５０，０００");
# "１４２，１４５" stays two prices (a list of two like prices reads the same)
_FULLWIDTH_THOUSANDS = re.compile(r"(?<![\uff10-\uff19\uff0e.])[\uff10-\uff19]{1,2}(?:\uff0c[\uff10-\uff19]{3})+(?![\uff10-\uff19])")
_TRANSLATE = {**_DASHES, **_LOOKALIKES, **_DIGITS, **_CJK_PUNCT}

_RELAY_LINES = re.compile(r"^\s*\[(?:in reply to[^\]]*|\s*photo\s*|\s*video\s*|\s*document\s*|\s*sticker\s*|\s*forwarded\s*|"
                          # ("[screenshot] INJ daily — …", "[chart]", "[image]"): a media placeholder of the relay
                          r"\s*(?:screenshot|image|chart|gif)\s*|"
                          # ("[Forwarded from Leverage King 50x]": the relayed channel's name, no part of the post)
                          r"\s*forwarded\s+from\b[^\]\n]*)\]\s*|"
                          # "Forwarded from Crypto Lions 🦁", "From: @vip_signals_bot": a relay's own line over the post
                          r"^[ \t]*(?:forwarded\s+from\b[^\n]*|from:[ \t]*@\w+[^\n]*)$|"
                          # (session 27, day27) a bridge's own line over a relayed chat post, the source channel after it
                          # ("[Discord ➜ TG relay] #vip-calls", "[mirrored from Discord]", "[X → TG bridge]"): no word
                          # of the post — its "TG" was read as the coin
                          r"^[ \t]*\[[^\]\n]*(?<!\w)(?:relay(?:ed)?|mirror(?:ed)?|bridged?)(?!\w)[^\]\n]*\]"
                          r"(?:[ \t]*#[^\W\d_][\w-]*)?[ \t]*$",
                          re.IGNORECASE | re.MULTILINE)
# ("⚡ [Scalp Sniper 🎯]" heading a terse post): the channel's name in brackets on the first line, two or more capitalised
# words with no number and no trade word — its words are no coin of the post
_BRACKETED_CHANNEL_LINE = re.compile(r"\A[^\w\n\[]*\[[^\w\]\n]*(?![^\]\n]*(?i:long|short|buy|sell|entry|tp|sl|stop|close|exit|"
                                r"update|signal|spot|futures|cancel|target|alert))[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,3}[^\w\]\n]*\]"
                                r"[^\w\n]*\n")
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)
_BY_HANDLE = re.compile(r"(?:\b(?:signal\s+)?by|provided\s+by\s*:?)\s*\(?\s*@\w+\)?", re.IGNORECASE)
# (a Telegram username starts with a letter: "@186.6-187.5" is a price written after "@", not a handle)
_HANDLE = re.compile(r"@[^\W\d_]\w{2,}")
_MARKDOWN = re.compile(r"\*\*|__|`+|~~")
_DATE = re.compile(
    r"(?<![\w.,])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
    # (session 27, cards27: "07 Dec 09:14 UTC" — the day and month before a clock time: "09" is the hour, no year)
    r"|\d{1,2}[-/ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:[-/ ]\d{2,4}(?!:\d)|(?=[ \t,]+\d{1,2}:\d{2})))(?![\w.,])",
    re.IGNORECASE,
)
# (session 27, day27: with its "AM"/"PM" — "Today at 10:03 AM" under a Discord name read "AM" as the coin)
_CLOCK_OR_RATIO = re.compile(r"(?<![\w.,:])T?\d{1,2}:\d{1,2}(?::\d{1,2})?(?![\d.,:])(?:[ \t]?[AaPp]\.?[Mm]\.?(?!\w))?")
# Cyrillic 'х'/'Х' next to a number is a leverage 'x' ("20х"); so are Chinese 倍 and Korean 배 after one.
# (a space, never a line break: "止损：3555\n倍数：20X" keeps its stop)
_CYRILLIC_X = re.compile(r"(?<=\d)[ \t]?[хХ]|[хХ](?=[ \t]?\d)")
# (th "15-20 เท่า": times, after a number — not "เท่านั้น" only, "เท่าไหร่" how much, "เท่ากับ" equals)
_TIMES_SUFFIX = re.compile(r"(?<=\d)[ \t]?(?:[倍배]|เท่า(?!นั้น|ไหร|ไร|กับ|ทุน|เดิม))")
# Emojis used as labels in front of a number ("🎯 0.170 ⛔ 0.155") before emojis become spaces.
# (not before a number that is part of a word: "🎯 22-BILLION TRADING SIGNAL" is a channel's name)
# ("🎯 ➊ 1.310", "🎯 ② 1.345": a circled row number between the emoji and the price is the target's number)
_EMOJI_TARGET = re.compile("[\U0001f3af\U0001f3c1]\ufe0f?(?=[ \t]*(?:[\u2460-\u2473\u2776-\u2793][ \t]*)?[$]?\\d"
                           "(?![\\d.,]*-[A-Za-z]{2}))")  # 🎯 🏁
# (session 22, open52: "🎯🎯🎯" alone on its line over rows "1️⃣ 0.0000125" / "2️⃣ 0.0000133"): the target emoji as the
# heading of the price rows under it — the targets' label (read after the keycap row numbers are gone)
_EMOJI_TARGET_HEADING = re.compile("^[ \t]*(?:\U0001f3af\ufe0f?[ \t]*)+$(?=\n[ \t]*[$]?\\d)", re.MULTILINE)
# "TP" spelt in Bengali or Devanagari letters ("টিপি১", "टीपी 2", "টিপি: 8.15"), a target's number (any script's digit)
# or its price right after
_SCRIPT_TP = re.compile("(?<!\\w)(?:\u099f\u09bf\u09aa\u09bf|\u091f\u0940\u092a\u0940)(?=[ \t]*[:=\\-]?[ \t]*[$]?[0-9\u09e6-\u09ef\u0966-\u096f])")
_SCRIPT_SL = re.compile("(?<!\\w)(?:\u098f\u09b8\u098f\u09b2|\u090f\u0938\u090f\u0932)(?=[ \t]*[:=\\-]?[ \t]*[$]?[0-9\u09e6-\u09ef\u0966-\u096f])")
# (session 27, day27: "🧯 0.1748", the fire extinguisher under the card's 🎯 row — what puts the loss out — as ⛔ is)
_EMOJI_STOP = re.compile("[\u26d4\U0001f6d1\u274c\U0001f6ab\U0001f9ef]\ufe0f?(?=[ \t]*[$]?\\d)|"  # ⛔ 🛑 ❌ 🚫 🧯
                         # (session 23, opens23b: "🛡 1.998", the shield — the protection — heading a price alone on its
                         # line under a card's levels; not "🛡 50% secured", "🛡 2x", "🛡 3 tips")
                         "(?m:^[ \t]*\U0001f6e1\ufe0f?(?=[ \t]*[$]?\\d[\\d.,]*[ \t]*$))")
# CJK ideographs / Hangul glued to digits or Latin letters ("入场3450", "10배"): split them apart.
_CJK = CJK
# Han characters are read in their Simplified form: a post in Traditional characters ("買入區間", "止損", "現貨") then
# reads with the same words as one in Simplified. Every word of the lexicon is written in that form too (Japanese
# ones included: "買い" is matched as "买い"), which a test keeps.
TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)
_HAN = re.compile("[\u3400-\u9fff]")
# "SOL | USDT": a bot's pair with a bar between the coin and its quote
_BAR_PAIR = re.compile(r"(?<![\w/|])(?-i:([A-Z][A-Z0-9]{1,11}))[ \t]*\|[ \t]*(?-i:(USDT|USDC|BUSD|FDUSD|USD))(?![\w/])")
# "BTCUSDT @ 67,250", "📈 SOL/USDT @ $187.25": a price after "@" behind a pair heading its line is the price to enter
# at ("Buy NOW #LINKUSDT @ 14.93": after a side word, that word's segment reads it already)
_AT_AFTER_PAIR = re.compile(r"^([^\w\n]*[#$]?(?-i:[A-Z0-9]{1,12}[/-]?(?:USDT|USDC|BUSD|USD)(?:\.P|PERP)?))[ \t]*@[ \t]*(?=\$?\d)",
                            re.MULTILINE)
# "- 2H - 1.1.1": a version or build number of the bot (short groups; thousands come in groups of three), never a price
_VERSION = re.compile(r"(?<![\d.,])v?\d{1,2}\.\d{1,2}\.\d{1,2}(?![\d.,])")
# ("TP 2.2.5 / 2.30", "Target 2: 1.1.0"): three groups right after a level's label or in its list are a mistyped price
_LEVEL_BEFORE = re.compile(r"(?:(?<!\w)(?:tp|targets?|take[\s-]*profits?|sl|stop(?:[\s-]*loss)?|entry|entries|buy|sell)\s*\d{0,2}"
                           r"\s*[:=.)-]?|[/|,])[ \t]*\$?$", re.IGNORECASE)


def _version_removed(match: re.Match) -> str:
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    return match.group(0) if _LEVEL_BEFORE.search(match.string[line_start:match.start()]) else " "


# "1차 목표 60.10", "2차 진입 57.20" (Korean: the Nth target, the Nth entry): the rung number written before its label
# goes after it, as "목표1" — a row number, never a price (a status, "2차 목표 달성", is left as written)
_KOREAN_ORDINAL = re.compile(r"(?<![\d.,])(\d{1,2})[ \t]?차[ \t]*(목표가?|익절가?|진입가?|매수가?|타겟|(?i:tp))(?=[ \t]*[:=]?[ \t]*\$?\d)")
# ("3차 목표 달성 시 손절 본절": when the third target is reached, the stop to entry — a plan for later; its number is
# no price)
_KOREAN_WHEN_TARGET = re.compile(r"(?<![\d.,])\d{1,2}[ \t]?차[ \t]*((?:목표가?|익절가?|타겟)[ \t]*(?:달성|도달)[ \t]*시)")
# ("1차 매수", "1차 진입 완료", "2차 매수 0.49": the Nth buy — its number is the rung's, never a price; the entries are
# read in price order, so the rung's number is dropped)
# ("2차 진입 취소", the 2nd entry cancelled, keeps its number: the rung, not the whole call, is cancelled)
# ("2차 진입(138.5) 주문은 취소합니다": its price in brackets and a particle may stand between)
_KOREAN_ENTRY_ORDINAL = re.compile(r"(?<![\d.,])(\d{1,2})[ \t]?차[ \t]*(매수|진입)(?![ \t]*(?:\([ \t]*\$?\d[\d.,]*[ \t]*\)[ \t]*)?"
                                   r"(?:주문[ \t]*)?(?:(?:은|는|을|를|도)[ \t]*)?(?:취소|캔슬))")
# (session 22, open52: "목표가" over rows "1차 23.60" / "2차 24.50", "진입: 1차 0.412 2차 0.405"): the Nth rung with no
# label of its own, right before its price — the rung's number is no price; the rows stay under their heading
_KOREAN_BARE_ORDINAL = re.compile(r"(?<![\w.,])\d{1,2}[ \t]?차(?=[ \t]*[:=)]?[ \t]*\$?\d)")
_PAIR_IN_CODE = re.compile(r"(?<=[A-Za-z0-9])_(?=[A-Z0-9]{2,12}(?:USDT|USDC|BUSD|USD)(?:\.P)?(?:_|$|\s))|"
                           r"(?<=[A-Z0-9]USDT)_|(?<=[A-Z0-9]USDC)_", re.MULTILINE)
# "(20xLONG)": a leverage mark glued to the side word
_LEVERAGE_GLUED_TO_SIDE = re.compile(r"(?<![\w.,])(\d{1,3}[xX])(?=(?i:long|short|buy|sell)(?!\w))")
# "(+1.8% / ~+$5.4)", "(-1% / ~-$3)": a signed dollar amount beside a level is its profit or loss, never a price
_SIGNED_DOLLARS = re.compile(r"(?<=[(~/])([ \t]*)[~≈]?[+\-][ \t]?\$[ \t]?\d[\d.,]*")
# ("LONG signal on BINANCE:HBARUSDT.P @ 0.2917"): TradingView's instrument, the exchange glued to the pair by a colon —
# the colon is no field's (a label "Binance: HBARUSDT …" has a space after it)
_EXCHANGE_COLON_PAIR = re.compile(r"(?<![\w:])((?i:binance|bybit|bitget|kucoin|bingx|phemex|coinbase|kraken|gateio|huobi|mexc|okx|"
                                  r"bitmex)):(?=[A-Z0-9]{2,15}(?:USDT|USDC|BUSD|USD)(?:\.P|PERP)?(?![\w/]))")
# ("Buy: 〽️1.284〽️ ➖ 〽️1.262〽️", "TP➖105,100➖106,000"): the heavy-minus emoji between two prices (their decorations
# around them) is the dash between them — alone on a line, "➖➖➖", it stays a divider
_EMOJI_MINUS_BETWEEN = re.compile(r"(\d[^\w\s]{0,3})[ \t]*\u2796\ufe0f?[ \t]*(?=[^\w\s]{0,3}\d)")
# "ENTRIES:3416__3410": underscores between two prices are the dash of a range
_UNDERSCORE_RANGE = re.compile(r"(?<=\d)_{2,}(?=\d)")
# "Score: 88/100", "Confidence 7/10": a rating out of a whole, never two prices
_RATING = re.compile(r"(?<!\w)(score|rating|confidence|strength|quality|puan|skor|оценка|рейтинг|puntuaci[óo]n|pontua[çc][ãa]o|"
                     r"note|bewertung)([ \t]*[:=]?[ \t]*)\d{1,3}(?:[.,]\d+)?[ \t]*/[ \t]*(?:100|10|5)(?![\d.,])", re.IGNORECASE)
_CJK_GLUE = re.compile(rf"(?<=[{_CJK}])(?=[^\s{_CJK}])|(?<=[^\s{_CJK}])(?=[{_CJK}])")
_TABLE_CELL_SPLIT = re.compile(r"\s*\|\s*")
_TAB_CELL_SPLIT = re.compile(r"[ \t]*\t[ \t]*")
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


_BRACKETED = re.compile(r"\([^()\n]*\)")
_NUMBER_CELL = re.compile(r"\d[.,]\d|\d{3}")  # a price in a cell: a value, not a column's name


def _cells(line: str) -> list[str]:
    """A table row's cells: split at "|" (a Markdown or a bot's table), else at tabs (a row copied from a sheet)."""
    if "|" in line:
        return [c for c in _TABLE_CELL_SPLIT.split(line.strip().strip("|")) if c]
    return [c for c in _TAB_CELL_SPLIT.split(line.strip()) if c]


def _tables_to_fields(text: str) -> str:
    """A header row of names over a row of values ("Pair | Side | Entry" / "BTCUSDT | LONG | 64000", or the same
    with tabs between the cells, copied from a sheet) becomes one "name: value" line per column, so each value sits
    under its own label. Rows of several coins under one header (a sheet of trades or of results) become one line per
    coin, its ticker tagged — each row a trade of its own, as a post listing "#OP TP3 ✅" / "#TIA SL ❌" is read."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        # ("SL (2%)", "TP (R:R 1:2)": a note in brackets beside a column's name is no part of it)
        head = [name for c in _cells(lines[i]) if (name := _BRACKETED.sub("", c).strip())] \
            if "|" in lines[i] or "\t" in lines[i] else []
        # (names may carry a number — "TP1", "Target 2" — but never are one)
        if len(head) >= 3 and i + 1 < len(lines) and all(any(ch.isalpha() for ch in c) and not _NUMBER_CELL.search(c)
                                                          for c in head):
            # Markdown tables put a "|---|:--:|" rule between the header and the values.
            values_at = i + 2 if _TABLE_RULE.match(lines[i + 1]) and i + 2 < len(lines) else i + 1
            rows: list[list[str]] = []
            while values_at + len(rows) < len(lines) and ("|" in (line := lines[values_at + len(rows)]) or "\t" in line) \
                    and len(row := _cells(line)) == len(head) and any(ch.isdigit() for ch in line):
                rows.append(row)
            coin = next((n for n, name in enumerate(head) if _COIN_COLUMN.fullmatch(name)), None)
            if len(rows) >= 2 and coin is not None and len({row[coin].upper() for row in rows}) >= 2:
                out.extend(" | ".join(_tagged(c) if n == coin else c for n, c in enumerate(row)) for row in rows)
                i = values_at + len(rows)
                continue
            if len(rows) >= 2 and all(_LEVEL_CELL.fullmatch(row[0].strip()) for row in rows):
                # ("Target | Price | Profit / TP1 | 150 | 5% / TP2 | 158 | 10%"): each row is headed by its level's label —
                # read as written, row by row (under the column's names the first row's price was read as no level)
                out.extend(lines[i:values_at + len(rows)])
                i = values_at + len(rows)
                continue
            if rows:
                out.extend(f"{h}: {v}" for h, v in zip(head, rows[0]))
                i = values_at + 1
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


_LEVEL_CELL = re.compile(r"(?:tp|target|take[ \t]*profit|entry|sl|stop(?:[ \t]*loss)?)[ \t]*\d{0,2}", re.IGNORECASE)
_COIN_COLUMN = re.compile(r"coins?|pairs?|symbols?|assets?|tickers?|tokens?|instruments?|монета|пара|moneda|par|ativo|sembol|"
                          r"币种|코인|通货", re.IGNORECASE)
_TICKER_CELL = re.compile(r"[A-Z0-9]{2,15}(?:[/-]?(?:USDT|USDC|BUSD|USD|BTC|ETH))?(?:\.P)?")


def _tagged(cell: str) -> str:
    return "#" + cell if _TICKER_CELL.fullmatch(cell) else cell


def _char_class(ch: str, after_letter: bool) -> str:
    if ch in "\n\t":
        return ch
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Mc") and after_letter and ch not in _EMOJI_MARKS:
        return ch  # a vowel sign / virama / accent of the letter before it ("จุด", "এন্ট্রি") is part of the word
    if cat == "Nd" and not ch.isascii():
        return str(unicodedata.decimal(ch))  # Bengali, Thai, Devanagari, ... digits are prices like any other
    if cat in ("So", "Sk", "Cs", "Co", "Cn", "Me", "Mn") and ch not in "^":
        return " "  # emoji, pictographs, variation selectors, combining marks
    if cat == "No":
        return " "  # circled / superscript digits are list markers, never prices
    if ch in "\u203c\u2049":
        return " "  # "‼️", "⁉️": emoji punctuation, decoration like "❗️"
    if cat in ("Cf", "Cc", "Zl", "Zp"):
        return "\n" if cat in ("Zl", "Zp") else ""
    return ch


# Variation selectors and marks for symbols only ever decorate emojis.
_EMOJI_MARKS = frozenset(chr(cp) for cp in (*range(0xFE00, 0xFE10), *range(0x20D0, 0x2100)))
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")  # 1️⃣ list markers
# (session 24) Leverage spelt in keycap emojis ("Leverage: 🔟x", "2️⃣0️⃣x"): the keycaps right before the "x" are its
# digits (elsewhere a keycap is a list marker)
_KEYCAP_LEVERAGE = re.compile("((?:[0-9]\ufe0f?\u20e3){1,3}|\U0001f51f)(?=[ \t]?[xX\u00d7](?![^\\W\\d_]))")
# ("🏁 Exit ① reached 22.60", "Exit ② 23.30", "Çıkış ③ ✅"): a circled number right after an exit word is that exit's
# number — the channel's name for its target — kept as a digit ("Exit 1"), where elsewhere a circled digit is a list
# marker that goes with the emojis
_CIRCLED_AFTER_EXIT = re.compile(
    "(?i)(?<![^\\W\\d_])(exits?|[çc][ıi]k[ıi][şs]|salida|sa[íi]da|sortie|uscita|ausstieg|выход|wyj[śs]cie)[ \t]*"
    "([\u2460-\u2473\u2776-\u2793])(?![\u2460-\u2473\u2776-\u2793])")
_CIRCLED_ANY = re.compile("[\u2460-\u2473\u2776-\u2793]")


def _circled_exit(match: re.Match[str]) -> str:
    return f"{match.group(1)} {int(unicodedata.numeric(match.group(2)))}"



# ("Kaufzone 96'500–97'100", "1’250"): the Swiss apostrophe groups thousands
_APOSTROPHE_THOUSANDS = re.compile(r"(?<=\d)['\u2019](?=\d{3}(?!\d))")
# ("Buy zone: 88 400 – 89 900 €", "Targets: 92 500 / 95 000"): a space grouping thousands, as French, Polish, Russian
# and Scandinavian posts write prices — trusted only when a group starting with a zero shows it ("95 000": "000" is
# no price of its own), or a no-break space stands between the digits; then every such number of the post is one
# ("TP 0.95 100 105" stays three numbers)
_SPACE_THOUSANDS = re.compile(r"(?<![\w.,])(?<!\d )\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\w|[.,]\d{3}(?!\d))")
_SPACE_ZERO_GROUP = re.compile(r"(?<![\w.,])(?<!\d )\d{1,3}(?:[ \u00a0\u202f]\d{3})*[ \u00a0\u202f]0\d\d(?!\w|[.,]\d{3}(?!\d))"
                               r"|\d[\u00a0\u202f]\d{3}(?!\d)")


# ("Entry (ladder): 3 412.5 · 3 438.0 · 3 461.0"): three or more prices written as a group, a space, three digits and a
# decimal part, all led by the same group — a price list grouped by spaces shows the grouping too ("TP 1 250.5 2 300.5
# 3 350.5" numbers its targets: the groups before differ)
_SPACE_GROUPED_DECIMAL = re.compile(r"(?<![\w.,])(?<!\d )(\d{1,3})[ \u00a0\u202f]\d{3}\.\d+(?![\w.,])")


def _grouped_decimals_show_the_grouping(text: str) -> bool:
    heads = _SPACE_GROUPED_DECIMAL.findall(text)
    return len(heads) >= 3 and len(set(heads)) == 1


# ("Vstupy: / • 64 850 / • 65 400 / • 66 100"): two or more rows, each one space-grouped number alone, led by groups of
# two or three digits close to each other — a ladder of one coin's prices ("1 250 / 2 240" numbers rows: a one-digit
# group, and far apart from each other)
_SPACE_GROUPED_ROW = re.compile(r"(?m)^[^\w\n]*(\d{2,3})[ \u00a0\u202f]\d{3}[^\S\n]*$")


def _grouped_rows_show_the_grouping(text: str) -> bool:
    heads = [int(h) for h in _SPACE_GROUPED_ROW.findall(text)]
    return len(heads) >= 2 and min(heads) >= 10 and max(heads) <= min(heads) * 1.5


def _space_thousands(text: str) -> str:
    if not _SPACE_ZERO_GROUP.search(text) and not _grouped_decimals_show_the_grouping(text) \
            and not _grouped_rows_show_the_grouping(text):
        return text
    return _SPACE_THOUSANDS.sub(lambda m: re.sub(r"[ \u00a0\u202f]", "", m.group(0)), text)
# "1.44 can be stop", "8.10 can be stop out", "0.52 is the stop": a price before a stop word, moved after a
# label so it is read as the stop and not as one more target of the list it follows.
_STOP_AFTER_PRICE = re.compile(
    r"(?P<price>(?<![\w.,])\d+(?:[.,]\d+)?)[ \t]+(?:(?:can|could|would|will|should|may|is|as)[ \t]+"
    r"(?:be[ \t]+used[ \t]+as[ \t]+|be[ \t]+|work[ \t]+as[ \t]+|serve[ \t]+as[ \t]+|act[ \t]+as[ \t]+)?|"
    r"(?:serves|works|acts)[ \t]+as[ \t]+|"
    # "0.875 bisa jadi SL", "0.875 puede ser el stop", "0.875 pode ser o stop", "0.875 может быть стопом"
    r"(?:bisa[ \t]+(?:jadi|dijadikan)|boleh[ \t]+jadi|c[óo][ \t]+th[ểe][ \t]+l[àa]m|puede[ \t]+(?:ser|servir[ \t]+de)|"
    r"sirve[ \t]+(?:de|como)|pode[ \t]+(?:ser|servir[ \t]+de)|serve[ \t]+como|может[ \t]+быть|peut[ \t]+(?:être|servir[ \t]+de)|"
    r"pu[òo][ \t]+(?:essere|fare[ \t]+da)|kann[ \t]+(?:als|der))[ \t]+(?:el[ \t]+|o[ \t]+|le[ \t]+|il[ \t]+)?)"
    r"(?:the[ \t]+|a[ \t]+|my[ \t]+|our[ \t]+)?"
    # ("36.9 is a fine stop", "0.41 is the logical SL"): a word that grades the stop, then the stop word
    r"(?:(?:fine|good|great|solid|safe|nice|reasonable|decent|logical|ideal|tight|tighter|wide|wider|conservative|"
    r"aggressive|hard|mental|proper|perfect|sensible|clean|natural)[ \t]+)?"
    r"(?:stop|sl)(?:[ \t]*(?:out|loss))?\b", re.IGNORECASE)
# "anything below 4.10 is good for entry", "4.10 is a good entry", "under 0.52 is a great buy zone", "por debajo de 4,10 es
# buena entrada": a price graded as a place to enter, moved after an entry label so it is read as the entry (a past
# one — "4.10 was a good entry" — is no order)
_ENTRY_AFTER_PRICE = re.compile(
    r"(?:(?:anything|everything|all)[ \t]+)?(?:(?:below|under|around|near|at|above|over|por[ \t]+debajo[ \t]+de|"
    r"abaixo[ \t]+de)[ \t]+)?\$?(?P<price>(?<![\w.,])\d+(?:[.,]\d+)?)(?![\d.,])[ \t]+(?:is|are|=|es|é)[ \t]+"
    r"(?:a[ \t]+|an[ \t]+|una?[ \t]+|uma?[ \t]+)?(?:good|great|fine|nice|solid|decent|ok|okay|perfect|buena?|boa|bom)[ \t]+"
    r"(?:(?:for|to|para)[ \t]+(?:an?[ \t]+|la[ \t]+|a[ \t]+)?)?(?:(?:long|short)[ \t]+)?"
    r"(?:entry|entries|enter|buy(?:[ \t]+zone)?|entrada|compra|zona[ \t]+de[ \t]+(?:entrada|compra))(?!\w)", re.IGNORECASE)
# ("… цели 115.8 / 124 стопом может быть 108.9": "the stop may be 108.9", the stop word in the instrumental case first)
_STOP_MAY_BE = re.compile(r"(?<!\w)(?:стопом|стоп(?:[\s-]*лосс?)?)[ \t]+может[ \t]+быть(?=[ \t]+\$?\d)", re.IGNORECASE)
# "anything under 0.276 and I'm out", "below 1.20 we're out": the price beyond which the writer exits is the stop.
_OUT_BEYOND = re.compile(
    r"(?:anything\s+)?(?:under|below|above|over)\s+\$?(?P<price>\d+(?:[.,]\d+)?)\s*,?\s*(?:and\s+)?"
    r"(?:i'?m|we'?re|i\s+am|we\s+are|i'?ll\s+be|we'?ll\s+be)\s+(?:out(?!\s+of)\b|wrong\b)|"
    # "out below 0.37", "we're out under 0.37", "out on a close below 0.37"
    r"(?<![\w-])(?:(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?out\s+(?:on\s+a\s+(?:\w+\s+)?(?:close|break)\s+)?"
    r"(?:below|under|above|over)\s+\$?(?P<price2>\d+(?:[.,]\d+)?)(?![\d.,])", re.IGNORECASE)
# ("If it goes below 0.1600 we're wrong on the timing, real stop 0.1500": a stop written on the line says where it is)
_STOP_LATER_ON_LINE = re.compile(r"[^\n]*?(?<!\w)(?:stop(?:[\s-]*loss)?|sl)(?!\w)[^\n\d]{0,12}\$?\d", re.IGNORECASE)


def _out_beyond_as_stop(match: re.Match) -> str:
    if _STOP_LATER_ON_LINE.match(match.string, match.end()):
        return match.group(0)
    return f"\n SL {match.group('price') or match.group('price2')}\n"


# "por debajo de 0,880 la idea ya no vale", "below 0.88 the setup is invalid", "ниже 0.88 идея не актуальна",
# "0,880 altında fikir geçersiz": the level beyond which the idea is void is the stop (a cancel word is not: "cancelled
# if it drops below X before entry" is about the order, not the trade)
_BEYOND = (r"(?:under|below|beneath|above|over|por\s+debajo\s+de|por\s+encima\s+de|debajo\s+de|encima\s+de|abaixo\s+de|"
           r"acima\s+de|ниже|выше|unter|[üu]ber|unterhalb|oberhalb|en\s+dessous\s+de|au[\s-]dessus\s+de|sotto|sopra|"
           r"poni[żz]ej|powy[żz]ej|di\s+bawah|di\s+atas|d[ưu][ớo]i|tr[êe]n)")
_VOID = (r"(?:invalid\w*|no\s+longer\s+valid|is\s+dead|(?:ya\s+)?no\s+vale|se\s+invalida|inv[áa]lid\w*|invalida\w*|"
         r"не\s+актуальн\w*|неактуальн\w*|сломан\w*|ung[üu]ltig|hinf[äa]llig|invalide|non\s+(?:[èe]\s+)?pi[ùu]\s+valid\w*|"
         r"nieaktualn\w*|tidak\s+(?:lagi\s+)?valid|kh[ôo]ng\s+c[òo]n\s+(?:hi[ệe]u\s+l[ựu]c|[đd][úu]ng)|ge[çc]ersiz)")
_VOID_BEYOND = re.compile(
    rf"(?<!\w){_BEYOND}\s+\$?(?P<price>\d+(?:[.,]\d+)?)(?![\d.,])(?=[^\n.!?;]{{0,40}}?(?<!\w){_VOID}(?!\w))|"
    rf"(?<![\w.,])(?P<price2>\d+(?:[.,]\d+)?)\s+(?:alt[ıi]nda|alt[ıi]|[üu]st[üu]nde|[üu]zerinde)"
    rf"(?=[^\n.!?;]{{0,40}}?(?<!\w){_VOID}(?!\w))", re.IGNORECASE)
# "Exit if a 15m candle closes above 3.58", "if it loses 0.0238 I'd cut", "cut it if price drops below 0.0238": the
# level whose loss ends the trade is its stop (a candle-close stop, like "SL 3.58 (4H close)")
_BREAKS = (r"(?:loses|lose|breaks?(?:\s+(?:below|above|under|over))?|(?:drops|falls|dips|goes|trades)\s+(?:below|under|above|over)|"
           r"clos(?:es|ing)\s+(?:below|above|under|over))")
_EXIT_IF_BREAK = re.compile(
    rf"(?<!\w)(?:exit|cut|close|sell|out)\s+(?:it\s+|the\s+trade\s+|the\s+position\s+)?(?:if|when|once|on)\s+"
    rf"(?:a\s+|the\s+|it\s+|price\s+)?(?:[\w-]+\s+){{0,2}}?{_BREAKS}\s+\$?(?P<price>\d+(?:[.,]\d+)?)(?!\d|[.,]\d)|"
    rf"(?<!\w)if\s+(?:it|price|the\s+price)\s+{_BREAKS}\s+\$?(?P<price2>\d+(?:[.,]\d+)?)(?!\d|[.,]\d)\s*,?\s*"
    r"(?:i'?d|i\s+would|i'?ll|i\s+will|we'?ll|we\s+will|we'?d|i|we)\s+(?:cut|exit|close|sell|be\s+out|get\s+out|stop\s+out)(?!\w)",
    re.IGNORECASE)
# Substrings one of which every match of the two patterns above contains (lower case)
_BREAK_HINTS = ("lose", "break", "below", "under", "above", "over", "clos", "drop", "fall", "dip")
_VOID_HINTS = ("valid", "vale", "válid", "dead", "актуальн", "сломан", "gültig", "gultig", "hinfäll", "hinfall", "còn",
               "con ", "geçersiz", "gecersiz", "aktualn")
# "%50": Turkish (and some other) writers put the percent sign first; it is a share, never a price.
_PERCENT_FIRST = re.compile(r"(?<![\w%])%[ \t]?(\d{1,3}(?:[.,]\d+)?)(?![\d.,]*\d)")
# "3x là đủ", "3x is enough", "3x достаточно": a leverage said to be enough is advice, not the call's
_ENOUGH_LEVERAGE = re.compile(r"(?<![\w.,])\d{1,3}\s?x\s+(?:is\s+(?:plenty|enough)|l[àa]\s+[đd][ủu]|[đd][ủu]|достаточно|хватит|"
                              r"yeterli|es\s+suficiente|[ée]\s+suficiente|reicht|suffit|basta|cukup)(?!\w)", re.IGNORECASE)
# A leverage written besides such advice: a mark ("15x", "x15", "×20") or a leverage word over a number ("Lev: 15")
_OTHER_LEVERAGE = re.compile(r"(?<![\w.,])\d{1,3}\s?[xX×](?!\w)|(?<!\w)[xX×]\d{1,3}(?!\w)|"
                             r"(?<!\w)(?:leverage|lev|плечо|kald[ıi]ra[çc]|apalancamiento|alavancagem|hebel|levier|leva|"
                             r"杠杆)\W{0,3}\d", re.IGNORECASE)
# "3x the usual volume", "2x more than usual", "volume 3x": a multiple of something else than the margin
# (the word after the multiple stands on its line: "…, 10x\nRisk 2% of balance" is the call's leverage)
_MULTIPLE_OF_OTHER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d)?)\s?[xX×](?=[ \t]+(?:the\s+|our\s+|your\s+)?(?:usual|normal|average|avg|"
                                r"regular|typical|more|less|bigger|larger|smaller|higher|lower|volume|size|position|risk|"
                                r"reward|return|profit|gains?|what|than)(?!\w))|"
                                r"(?<=volume\s)(\d{1,3}(?:[.,]\d)?)\s?[xX×](?!\w)|"
                                # "ROI target 50x", "This could 2x", "We did 5x last week", "(x2 size)" ("10x gem", "10x move":
                                # a hoped-for multiple, left to _GAIN_MULTIPLE, which keeps no number that a list could take)
                                r"(?<=\broi\s)(?:target\s)?(\d{1,3})\s?[xX×](?!\w)|(?<=\bpotential\s)(\d{1,3})\s?[xX×](?!\w)|"
                                r"(?<=\bcould\s)(\d{1,3})\s?[xX×](?!\w)|(?<=\bdo\s)(\d{1,3})\s?[xX×](?!\w)|(?<=\bcan\s)(\d{1,3})\s?[xX×](?!\w)|(?<=\bdo\sa\s)(\d{1,3})\s?[xX×](?!\w)|(?<=\bdid\s)(\d{1,3})\s?[xX×](?!\w)|(?<=\bmade\s)(\d{1,3})\s?[xX×](?!\w)|"
                                r"(\d{1,3})\s?[xX×](?=[ \t]+(?:play|roi|last\s+week)(?!\w))|"
                                r"[xX×](\d{1,2})(?=[ \t]+size(?!\w))", re.IGNORECASE)
# ("SOs 5 × 1.2%", "Safety orders: 3 x 2%", "DCA 4x 1.5%"): a DCA bot's safety orders, how many times how far apart —
# no leverage
_SAFETY_ORDER_COUNT = re.compile(r"(?<!\w)((?:safety[ \t]+orders?|max[ \t]+sos?|sos?|dca(?:[ \t]+orders?)?|averaging(?:[ \t]+orders?)?)"
                                 r"[ \t]*[:=]?[ \t]*)(\d{1,2})[ \t]?[xX×](?=[ \t]*\d{1,2}(?:[.,]\d+)?[ \t]?%)", re.IGNORECASE)
# "Potential x10 gem", "Potential: x3", "10X BAGS INCOMING", "2x your money", "x5 potential in bull run", "Потенциал
# х5": a hoped-for multiple of the money put in, not the margin (written either way round: "x10" or "10x")
# ("潜力 10倍", "Tiềm năng x10", "잠재력 10배", "目标翻10倍": 倍 and 배 are read as x before this)
_GAIN_WORDS = r"(?:potential|potencial|potenziale|potentiel|potenzial|potansiyel\w*|потенциал\w*|ti[ềe]m\s+n[ăa]ng|潜力|잠재력|ポテンシャル)"
_GAIN_MULTIPLE = re.compile(
    rf"(?P<head>(?:(?<!\w){_GAIN_WORDS}|翻)[ \t]*:?[ \t]*(?:(?:of|de|di|von)[ \t]+)?)(?:[xX×](?P<a>\d{{1,3}})|(?P<b>\d{{1,3}})[ \t]?[xX×])(?!\w)|"
    r"(?<![\w.,])(?:[xX×](?P<c>\d{1,3})|(?P<d>\d{1,3})[ \t]?[xX×])(?=[ \t]+(?:(?:your|my|the|our|of|de)[ \t]+)?"
    rf"(?:{_GAIN_WORDS}|gems?|bags?|money|moon\w*|returns?|gains?|profits?|pumps?|moves?|portfolio|investment|capital|"
    # ("10배 가능", "10倍狙い", "10倍可能": a multiple said possible or aimed at)
    r"가능|狙い|可能|easily)(?!\w))",
    re.IGNORECASE)


# A leverage written as a ratio under its label ("Leverage 1:20", "Плечо 1:10"), as a bare number after a margin mode
# alone on its line ("Cross 20", "Isolated 15") or as a hashtag after the side's ("#SOL/USDT #LONG #20X"): the mark "20x"
# (the ratio would
# be dropped as a clock or a ratio, the bare number read as a price)
_LEVERAGE_WRITTEN_OTHERWISE = re.compile(
    r"(?P<head>(?<!\w)(?:leverage|lev|плечо|kald[ıi]ra[çc]|apalancamiento|alavancagem|hebel|levier|leva|杠杆)[ \t]*[:=]?[ \t]*)"
    r"1[ \t]*:[ \t]*(?P<ratio>\d{1,3})(?![\d.,:])|"
    # (session 23: "BTC LONG 1:20 Entry 64000", "#ETH/USDT 1:10 SHORT"): the ratio right after the side word or the
    # pair — from 1:5 up (a lower one there may be a risk-to-reward), not one labelled as a reward ("LONG 1:5 RR")
    r"(?P<sidehead>(?<!\w)(?:long|short|лонг|шорт|[a-z0-9]{2,12}/usdt)[ \t]+)1[ \t]*:[ \t]*(?P<sideratio>[5-9]|[1-9]\d|1[01]\d|12[0-5])"
    r"(?![\d.,:])(?![ \t]*(?:r|rr|rrr|r:r|r/r|risk|reward|ratio|rr:)(?!\w))|"
    r"(?P<mode>^[^\w\n]*(?:cross|isolated|isolado|aislado|isol[ée]e?)[ \t]*[:=]?[ \t]*)(?P<bare>\d{1,3})[ \t]*$|"
    # (a hashtag only beside the call's side hashtag — "#15x" alone may be a channel's tag)
    r"(?:(?<=#long\s)|(?<=#short\s))#(?P<tag>\d{1,3})[ \t]?x(?!\w)",
    re.IGNORECASE | re.MULTILINE)


def _leverage_as_mark(match: re.Match[str]) -> str:
    if match.group("ratio"):
        return f"{match.group('head')}{match.group('ratio')}x"
    if match.group("sideratio"):
        return f"{match.group('sidehead')}{match.group('sideratio')}x"
    if match.group("bare"):
        return f"{match.group('mode')}{match.group('bare')}x"
    return f"{match.group('tag')}x"


def _gain_multiple(match: re.Match[str]) -> str:
    # (no number left: on a line after the stop, "10 times" would read as a second stop)
    return f"{match.group('head') or ''}manyfold"


# A leverage mark that is not the call's: a channel's name or advert ("ALPHA 100X SIGNALS", "50x VIP GROUP", "Crypto
# 10x Gems", "Канал «Плечо 50x» - подписывайся"), past results ("avg 35x ROE", "yesterday's BNB 20x call made +80%")
_LEVERAGE_MARK = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d)?\s?x(?!\w)", re.IGNORECASE)
_PROMO_MARK = re.compile(r"(?<![\w.,])\d{1,3}\s?x\s+(?:signals|se[ñn]ales|sinais|sinyaller|сигнал\w*|calls|vip|gems|roe|club|"
                         r"community|academy)(?!\w)|"
                         r"(?<!\w)(?:avg|average)\.?\s+\d{1,3}\s?x(?!\w)", re.IGNORECASE)
_PROMO_LINE = re.compile(r"(?<!\w)(?:join|[úu]nete|junte-se|subscribe|suscr[íi]bete|inscreva-se|abone\s+ol\w*|katıl\w*|подпис\w*|"
                         r"канал\w*|channel|kanal\w*|yesterday'?s?|last\s+(?:week|month)|win\s*rate|winrate|вчера\w*|"
                         r"на\s+прошлой\s+неделе|ayer|ontem|d[üu]n|semana\s+pasada|semana\s+passada|ge[çc]en\s+hafta)(?!\w)|"
                         r"昨天|上周|频道",
                         re.IGNORECASE)
# ("📣 CRYPTO WHALES 20x 📣" over the card): a line of words only, a channel's word among them and no side, is its name
_CHANNEL_NAME_LINE = re.compile(r"^(?=[^\n#$]*(?<!\w)(?:crypto|signals|trading|traders|whales?|club|gems|academy|alpha|kings?|"
                                r"team|family|capital|community)(?!\w))(?=[^\n]*[^\W\d_]{2,}[^\w\n]+[^\W\d_]{2,})"
                                r"(?![^\n]*(?<!\w)(?:long|short|buy|sell|lev\w*|cross|isolated)(?!\w))"
                                r"[^\n\d#$]*\d{1,3}\s?x(?!\w)[^\n\d#$]*$", re.IGNORECASE)
# A maximum or an exchange's limit ("Max leverage 50x, we use 10x", "Bybit offers up to 100x - we go 5x", "Don't use
# 50x, 10x is our call", "最高50倍，建议10倍") is no call's leverage when the line goes on to the call's own; alone it is
# the call's ("Lev max 10x") unless the line advertises an exchange ("Trade it on Bybit - up to 100x").
# ("Máx. 10x-20x": the maximum's range, its low end the call's)
_NOT_A_RANGE = r"(?![ \t]*(?:[-~/]|to|a|bis|hasta|at[ée])[ \t]*\d)"
_LIMIT_MARK = re.compile(r"(?<!\w)(?:max(?:imum)?|m[áa]x(?:imo)?|maks\w*|massimo|maximal|макс\w*|up\s+to|bis\s+zu|hasta|at[ée]|"
                         r"allows?|offers?|erlaubt|permite|permet|don'?t\s+use|do\s+not\s+use|not|nicht|no\s+uses?|n[ãa]o\s+use|"
                         r"не\s+бери\w*|не\s+использу\w*|不要用)[ \t.:]*"
                         r"(?:(?:leverage|lev|плечо|apalancamiento|alavancagem|kald[ıi]ra[çc]|hebel)[ \t:]*)?"
                         rf"(?P<mark>\d{{1,3}}\s?x(?!\w){_NOT_A_RANGE}(?:[ \t]+leverage(?=\s+available))?)|"
                         rf"(?:最高|最大)[ \t:]*(?P<cjk>\d{{1,3}}\s?x)(?!\w){_NOT_A_RANGE}|"
                         r"(?P<avail>\d{1,3}\s?x(?:[ \t]+leverage)?)[ \t]+available(?!\w)", re.IGNORECASE)
# (an exchange's capacity, not a maximum the post sets: "Exchange: Bybit, max 20x" keeps 20x)
_CAPACITY = re.compile(r"up\s+to|allows?|offers?|erlaubt|permite|permet|available|bis\s+zu|hasta|at[ée]", re.IGNORECASE)
# ("NEXT 100X COIN", "Easy 5x from here", "Long-term this is a 10x", "Altseason 100x incoming"): a hoped-for multiple on a
# line that gives no trade ("#SOL LONG 20x COIN-M" keeps its 20x)
_HYPE_MARK = re.compile(r"(?<![\w.,])\d{1,3}\s?x\s+(?:coins?|gem|moonshot|potential|incoming|from\s+here|soon|play|"
                        r"opportunit\w*)(?!\w)|(?<!\w)(?:next|easy|another|potential|possible|is\s+a|be\s+a)\s+\d{1,3}\s?x(?!\w)",
                        re.IGNORECASE)
# (a line that gives the trade is no advert: "Join #SOL long with 20x")
# (nor is a leverage field: "Leverage: 20x (same as yesterday)", "Kaldıraç: 10x (kanal önerisi)")
_TRADE_LINE = re.compile(r"(?<!\w)(?:long|short|buy|sell|entry|лонг|шорт)(?!\w)|"
                         r"(?<!\w)(?:lev|leverage|плечо|kald[ıi]ra[çc]|apalancamiento|alavancagem|hebel|levier|leva)\s*[:=]|"
                         r"杠杆\s*[:：]|레버리지\s*[:：]", re.IGNORECASE)
# ("Max 5x (aggressive: 10x)", "макс 5х, опытным 10х", "最高5倍，激进10倍"): the later, riskier leverage is for some
# readers — the maximum is the call's
_RISKIER = re.compile(r"(?<!\w)(?:aggressive\w*|agresiv\w*|pros?|profis?|experienced|experts?|опытн\w*|degen\w*|risky|"
                      r"deneyimli\w*|ousados?)(?!\w)|激进", re.IGNORECASE)
_EXCHANGE_AD = re.compile(r"(?<!\w)(?:binance|bybit|okx|bitget|kucoin|mexc|bingx|gate(?:\.?io)?|huobi|htx|kraken|phemex|"
                          r"blofin|bitmex|bitunix|weex|lbank)(?!\w)", re.IGNORECASE)


def _leverage_not_the_calls(text: str) -> str:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not _LEVERAGE_MARK.search(line):
            continue
        if _PROMO_LINE.search(line) and not _TRADE_LINE.search(line) or _CHANNEL_NAME_LINE.match(line):
            # (its leverage words go too: "Канал «Плечо 50x»" names no market)
            lines[n] = FUTURES_RE.sub(" ", _LEVERAGE_MARK.sub(" ", line))
            continue
        line = _PROMO_MARK.sub(" ", line)
        if not _TRADE_LINE.search(line):
            line = _HYPE_MARK.sub(" ", line)
        for m in reversed(list(_LIMIT_MARK.finditer(line))):
            group = next(g for g in ("mark", "cjk", "avail") if m.group(g))
            later = _LEVERAGE_MARK.search(line, m.end())
            # ("Max 5x (aggressive: 10x)": the next mark is for riskier readers — "max 50x, we use 10x, pros 20x" is not)
            if later is not None and not _RISKIER.search(line[m.end():later.end()]) \
                    or _EXCHANGE_AD.search(line) and _CAPACITY.search(m.group(0)):
                line = line[:m.start(group)] + " " + line[m.end(group):]
        lines[n] = line
    return "\n".join(lines)


# "Safe traders use less leverage (5x)", "low-risk: 3x": advice about other readers' leverage, not the call's.
# One sentence: up to a full stop, "!", "?", ";" or "|" (a point inside a price does not end it).
# ("Lev 15x — newbies stick to 3x": a spaced dash ends a sentence too)
_SENTENCE_CHAR = r"(?:[^\n.!?;|-]|\.(?=\d)|-(?![ \t])|(?<![ \t])-(?=[ \t]))"  # (each "-" one way only)
# Readers named as the less experienced ("Beginners 3x", "Low-risk option: 5x", "(Safer: 10x ...)") make a leverage in
# their sentence advice on its own; a weak word ("new", "safe") needs a limiting word too ("max", "less", "only").
_ADVICE_SUBJECT = (r"(?:(?<!\w)(?:beginners?|newbies?|novices?|newcomers?|low[\s-]*risk|safer|conservative\s+traders?|"
                   r"новичк\w*|начинающ\w*|yeni\s+ba[şs]layan\w*|principiantes?|novatos?|iniciantes?|anf[äa]nger\w*|"
                   r"d[ée]butants?|principianti|pocz[aą]tkuj[aą]c\w*|pemula|ng[ưu][ờo]i\s+m[ớo]i|المبتدئين|مبتدی\w*)(?!\w)|"
                   r"新手|초보\w*|初心者)")
# "Leverage 25x (conservative traders: 5x)": advice in brackets goes on its own, the call's leverage stays
_ADVICE_BRACKETS = re.compile(rf"\([^()\n]*{_ADVICE_SUBJECT}[^()\n]*\)", re.IGNORECASE)
_ADVICE_SENTENCE = re.compile(
    rf"(?:^|(?<=[.!?;|])[ \t]+|(?<=[ \t]-)[ \t]+)(?={_SENTENCE_CHAR}*{_ADVICE_SUBJECT})"
    rf"(?={_SENTENCE_CHAR}*(?:\d\s?x(?!\w)|x\s?\d))(?!{_SENTENCE_CHAR}*(?:entry|tp|sl|stop|target))"
    rf"{_SENTENCE_CHAR}*", re.IGNORECASE | re.MULTILINE)
# ("×10 lev, safe traders stick to 3x", "20x, beginners use 5x"): after the call's leverage and a comma, the readers named and
# the leverage they should use instead — that clause alone goes
_SAFER_AFTER_COMMA = re.compile(
    r"(?<=,)[ \t]*(?:safe|safer|conservative|careful|beginners?|newbies?|novices?)(?:[ \t]+(?:traders?|ones|players|guys))?"
    r"[ \t]+(?:stick[ \t]+to|stay[ \t]+(?:at|with|under|below)|use|go[ \t]+with|keep[ \t]+it[ \t]+(?:at|to))[ \t]+"
    # (only the advice goes: "#OP LONG 20x, beginners use 5x, entry 2.00, TP …" keeps its levels)
    r"(?:max[ \t]+)?(?:\d{1,3}[ \t]?[x×]|[x×][ \t]?\d{1,3})(?!\w)(?:[ \t]+(?:max(?:imum)?|only|or[ \t]+less|at[ \t]+most|tops))?",
    re.IGNORECASE)
# ("Плечо ×10, новичкам меньше", "Lev 20x, beginners less", "Leverage: x15, newbies 5x max"): the call's leverage
# heading its line, then after a comma advice to the less experienced — the comma ends the call's part, so only the
# advice's clause goes
_LEVERAGE_THEN_ADVICE = re.compile(
    r"^([ \t]*(?:(?:leverage|lev|плечо|кредитное[ \t]+плечо|плече|kald[ıi]ra[çc]|apalancamiento|alavancagem|hebel|levier|"
    r"leva|d[źz]wignia)[ \t]*[:=]?[ \t]*)?(?:(?:cross|isolated|кросс|изолированная)[ \t]+)?"
    r"(?:\d{1,3}[ \t]?x|x[ \t]?\d{1,3})(?!\w))[ \t]*,"
    rf"(?={_SENTENCE_CHAR}*{_ADVICE_SUBJECT})", re.IGNORECASE | re.MULTILINE)
_SAFER_LEVERAGE = re.compile(
    # the three parts in any order in one sentence ("(newbies: 5x max)", "Новичкам не больше 3х"); only that
    # sentence goes: "#OP LONG 20x entry 2.0 ... SL 1.9. Safe traders use less." keeps the call before it
    rf"(?:^|(?<=[.!?;|])[ \t]+|(?<=[ \t]-)[ \t]+)"
    rf"(?={_SENTENCE_CHAR}*(?<!\w)(?:safe|safer|conservative|careful|new|beginners?|newbies?|novices?|low[\s-]*risk|"
    r"новичк\w*|начинающ\w*|осторожн\w*|yeni\s+ba[şs]layan\w*|principiantes?|novatos?|iniciantes?|anf[äa]nger\w*|"
    r"d[ée]butants?)(?!\w))"
    rf"(?={_SENTENCE_CHAR}*(?<!\w)(?:less|lower|reduce|max|maximum|only|enough|plenty|не\s+больше|не\s+более|максимум|меньше|"
    r"достаточно|en\s+fazla|yeterli|m[áa]ximo|menos|suficiente|h[öo]chstens|maximal|reicht|moins|suffit)(?!\w))"
    rf"(?={_SENTENCE_CHAR}*(?:leverage|плеч\w*|kaldıraç|apalancamiento|alavancagem|hebel|levier|\d\s?x(?!\w))){_SENTENCE_CHAR}*",
    re.IGNORECASE | re.MULTILINE)


# ("#EntryZone 0.7350 - 0.7780", "#Targets 0.86 | 0.95", "#StopLoss 0.6890"): a card's label written as a hashtag, heading
# its line before its price — the label (a tag of a word that no price follows, "#SL hit", "#targets🎯", stays a tag)
_TAGGED_LABEL = re.compile(r"^([ \t]*)#(?=(?:entry[ \t]*zone|entry|entries|targets?|tps?|take[ \t]*profits?|stop[ \t]*loss|stoploss|"
                           r"sl|stop|leverage|lev)\d?(?:[ \t]*[:=][ \t]*|[ \t]+)\$?\d)", re.IGNORECASE | re.MULTILINE)


# ("#ONDO #SPOT #filled ✅", "#closed", "#cancelled"): a status word written as a hashtag — the word
_STATUS_TAG = re.compile(r"(?<![\w#])#(?=(?:filled|closed|cancel+ed)(?!\w))", re.IGNORECASE)


# "#ENA Now: 0.52", "$OP Exit: 2.4 / 2.6": a coin tag heading the line before a label that is only trusted at the
# start of a line; the tag goes on a line of its own so the label heads its line.
_TAG_BEFORE_LINE_LABEL = re.compile(
    r"^([ \t]*[#$][^\W_][\w.]*(?:/[A-Za-z]+)?)[ \t]+(?=(?:now|сейчас|[şs]imdi|ahora|agora|jetzt|maintenant|adesso|teraz|sekarang|open|price|exits?|(?:close|exit)\s+at|"
    r"(?:current|market|live)\s+(?:price|rate))(?:[ \t]*[:=~>]|[ \t]+[~$]?\d))", re.IGNORECASE | re.MULTILINE)


# "• Current price: 1.92", "- Entry: 0.5": a bullet opening a line hides nothing (labels trusted only at a line's start
# must still see it)
_BULLET = re.compile(r"^[ \t]*(?:[•▪►➤‣∙·◦]|[-*>](?=[ \t]))[ \t]*", re.MULTILINE)  # (">": an arrow bullet "➜ ")
# "Zone d'achat", "prezzo d'ingresso": an elided article glued to a label word; split so the label stands alone.
_ELISION = re.compile(r"(?<![^\W\d_])([dlDLjJ]|qu|QU|dell|all|nell)'(?=[^\W\d_])")
# ("BTC'yi kapatın", "SOL'de LONG", "LINK'te TP1", "AVAX'ta stop olduk"): Turkish writes a case suffix after an apostrophe
# on a name — the ticker (in capitals, with a tag or not) is the coin; the suffix goes ("BTC's" is English, kept)
_TURKISH_SUFFIX = re.compile(r"(?<![\w'])([#$]?(?-i:[A-Z][A-Z0-9]{1,14}))'(?:y?[ıiuü]|y?[ae]|[dt][ae](?:n|ki)?|n?[ıiuü]n|"
                             r"y?l[ae]|d[ıiuü]r|t[ıiuü]r)(?![^\W\d_])")
# (session 27, day27: not a number glued to a slash — "3/ invalidation above 1.565" numbers a tweet, "1/3" is a share)
_LONE_PRICE = re.compile(r"(?<![\w.,#/])\d+(?:[.,]\d+)?(?![\w.,%/]|[ \t]?[xX%](?!\w))")


_HEADING_WORD = re.compile(r"^([ \t]*)([A-Za-z]{5,12})(?=[ \t]*:)", re.MULTILINE)
# The English heading words channels misspell ("Entery:", "Targest:", "Stoplos:", "Levrage:").
_CANONICAL_HEADINGS = ("entry", "entries", "target", "targets", "stoploss", "leverage", "takeprofit")


def _osa_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    d = [[max(i, j) if i == 0 or j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


# ("stoped out at 1.41", "stopd out", "stoppd out"): "stopped out" misspelt, read as written right
_STOPPED_TYPO = re.compile(r"(?<!\w)(?:stoped|stopd|stoppd)(?=[ \t]+out(?!\w))", re.IGNORECASE)


def _fix_label_typos(text: str) -> str:
    """A "Word:" heading one edit away from an English level label is that label ("Entery:" -> "entry:")."""
    from verzek.parsing.lexicon import LABEL_RE

    def fix(m: re.Match) -> str:
        word = m.group(2)
        if LABEL_RE.fullmatch(word):
            return m.group(0)
        near = [c for c in _CANONICAL_HEADINGS if abs(len(c) - len(word)) <= 1 and _osa_distance(word.lower(), c) == 1]
        return m.group(1) + near[0] if len(near) == 1 or len({n.rstrip("s") for n in near}) == 1 and near else m.group(0)

    return _HEADING_WORD.sub(fix, text)


def _stop_words() -> re.Pattern[str]:
    from verzek.parsing.lexicon import LABELS, Field

    # (plus inflected forms that are no label of their own: "0.390 — там выходим по стопу")
    return re.compile("|".join([*(pattern for fld, pattern in LABELS if fld == Field.STOP), r"стоп(?:у|ом)"]),
                      re.IGNORECASE)


_STOP_WORD_RE = _stop_words()


# (zh "止损出局" / "止损离场" / "止损了" / "止损已触发", ja "損切りされ", ko "손절 완료"/"손절됐"): a stop word read as the
# stop-out that already happened, not as where the stop is put
_STOPPED_OUT_AFTER = re.compile(r"止损\s*(?:出局|离场|出场|了|已触发|被打)|损切り?\s*(?:され|しました|になりました)|"
                                r"손절\s*(?:완료|됐|되었|했|처리)")


# (session 24) ru/uk "ТП3" — the take-profit's letters in Cyrillic, numbered: a price after it is that target's
_CYRILLIC_TP_BEFORE = re.compile(r"(?<![^\W\d_])тп[ \t]*\d", re.IGNORECASE)


def _stop_after_lone_price(text: str) -> str:
    """"keep 4.78 as your stop", "2.52 — можно ставить стоп", "23.4 puede servir de stop", "0.0690 is where I'd stop
    out": a line whose one price comes before a stop word, with no label before the price, states the stop."""
    from verzek.parsing.lexicon import LABEL_RE, Field

    lines = text.split("\n")
    for n, line in enumerate(lines):
        prices = list(_LONE_PRICE.finditer(line))
        if len(prices) != 1 or not _STOP_WORD_RE.search(line, prices[0].end()):
            continue
        if re.search(r"(?<!\w)[#$][A-Za-z]", line[prices[0].end():]):
            # ("BE: 0.3842 — spostate lo stop a pareggio su #DOGEUSDT": a status naming its coin after the price is
            # kept whole — rewritten to "SL 0.3842" it lost the coin and the breakeven move)
            continue
        price = prices[0]
        if _CYRILLIC_TP_BEFORE.search(line, 0, price.start()):
            continue  # (session 24: "#XRP ТП3 ✅ 0,6450 — стоп подтянут к ТП1": the price is the target's, hit; the stop moves)
        if _STOPPED_OUT_AFTER.search(line, price.end()):
            continue  # ("ONDO 跌破 1.21 止损出局 ❌", "SOL 跌破 138 止损离场"): the stop was hit at that price — a stop-out
        if re.match(r"[ \t]*[:)]", line[price.end():]) and re.search(r"[^\W\d_][ \t]*$", line[:price.start()]):
            continue  # ("📚 Lesson 4: set your stop where the idea is wrong": a numbered heading, no price)
        labels = [(m.start(), Field(m.lastgroup.rsplit("_", 1)[0])) for m in LABEL_RE.finditer(line)]
        # (with no stop label on the line, only a price opening it: "0.390 — там выходим по стопу", not "Сигнал №412")
        if all(at > price.end() and fld == Field.STOP for at, fld in labels) \
                and len(line[:price.start()].split()) <= (2 if labels else 0):
            lines[n] = f" SL {price.group(0)}"
    return "\n".join(lines)


# Styled letters and digits ("𝗘𝗻𝘁𝗿𝘆", "𝟑𝟒𝟐𝟎", "ＳＨＯＲＴ #ＢＮＢ") are the plain ones in a fancy font.
_STYLED = re.compile("[\U0001d400-\U0001d7ff\uff21-\uff3a\uff41-\uff5a]")  # (full-width punctuation: own mapping)
# "105k2" (Vietnamese style for 105.2k), "104.2к" (Cyrillic k): thousands written with a k
# ("$ЕТН лонг"): a cashtag or hashtag typed entirely in capital Cyrillic letters that look like Latin ones is that Latin
# ticker — only when that is a coin we know ("#СЕКРЕТ" is a Russian word, and "#БИТКОИН" uses other letters)
_CYRILLIC_TO_LATIN = str.maketrans("АВЕКМНОРСТХУ", "ABEKMHOPCTXY")
_CYRILLIC_TAG = re.compile(r"(?<![\w$#])[$#][АВЕКМНОРСТХУ]{2,10}(?![\w])")


def _latin_lookalike_tag(match: re.Match[str]) -> str:
    latin = match.group(0).translate(_CYRILLIC_TO_LATIN)
    return latin if latin[1:] in KNOWN_TICKERS else match.group(0)
_K_DECIMAL = re.compile(r"(?<![\w.,])(\d{1,3})[kK](\d{1,3})(?![\w.,])")
_CYRILLIC_K = re.compile(r"(?<=\d)[кК](?!\w)")
# "350sats": the satoshi unit glued to its number stands apart, like any unit
# (never inside a tagged ticker: "#1000SATS" / "$1000SATS" is the coin, Binance's 1000SATSUSDT)
# (nor "1000SATS" written as a pair or beside a side word, untagged: "1000SATS/USDT short", "1000SATS long" — no price
# is a thousand satoshis traded against a side word)
_GLUED_SATS = re.compile(r"(?<![#$\d.,])(?!1000sats(?:[ \t]*[/-]|usdt|[ \t]+(?:long|short|buy|sell|лонг|шорт)(?!\w)))"
                         r"(\d+(?:[.,]\d+)?)(?=(?:sats|satoshis?|сатоши)(?!\w))", re.IGNORECASE)
# (nor "1000SATS" in capitals heading its line before a target or stop word, untagged: "✅ 1000SATS TP1 0.0₃3490 reached" — no
# price heads a status line before the label of the level it names)
_SATS_COIN_BEFORE_LABEL = re.compile(r"(?-i:1000SATS)[ \t]+(?:tp[ \t]*\d*|sl|targets?(?:[ \t]*\d)?|entry|stop(?:[ \t-]*loss)?)(?!\w)",
                                     re.IGNORECASE)


def _glued_sats(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    if match.group(1) == "1000" and _SATS_COIN_BEFORE_LABEL.match(text, at) \
            and not re.search(r"\w", text[text.rfind("\n", 0, at) + 1:at]):
        return match.group(0)
    return match.group(1) + " "


# --- What a relay did to the post -----------------------------------------------------------------------------------
# Posts reach the channel through pipelines that leave their own marks: a scraped web page (HTML entities and tags), a
# Discord relay (":emoji_name:" shortcodes, "> " quote markers, role and channel pings "<@&123…>"), an X/Twitter thread
# (thread counters "1/3", "🧵", t.co links, hashtag runs glued together), an OCR'd screenshot (the letter O read as a
# zero inside a word, a label cut from its number by a line wrap). `unmangle` takes them off before the post is read;
# each rewrite is gated on a cheap check, and none touches a number.

# HTML: line-breaking tags become line breaks, a table cell's end a tab, inline tags nothing (only tags we name, their
# attributes written as HTML writes them: "< 0.5" in ordinary text is no tag)
_HTML_TAG = re.compile(r"<(/?)(br|p|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|blockquote|hr|td|th|b|strong|i|em|u|s|strike|"
                       r"del|ins|span|font|a|code|pre|small|sup|sub|mark|tg-spoiler)"
                       # (attributes each with a value: '<a href="…">', "<span class=x>" — "a<b and x>y" is no tag)
                       r"(?:[ \t]+[\w:-]+[ \t]*=[ \t]*(?:\"[^\"<>\n]{0,300}\"|'[^'<>\n]{0,300}'|[^\s\"'<>]{1,300}))*[ \t]*/?>",
                       re.IGNORECASE)
_HTML_INLINE = frozenset({"b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "span", "font", "a", "code", "pre",
                          "small", "sup", "sub", "mark", "tg-spoiler"})
# ("&nbsp;", "&#10060;", "&mdash;", "&copy;"): an entity with its semicolon — "R&D", "AT&T" and "&" alone stay
_HTML_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# ("&copy; 2024 SignalHub", "© 2023-2025 Crypto Club"): a copyright footer's years are no price
_COPYRIGHT_YEARS = re.compile(r"(©|\([cC]\))[ \t]*(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:19|20)?\d\d)?(?![\d.,])")


def _html_tag(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    if name in ("td", "th"):
        return "\t" if match.group(1) else ""
    return "" if name in _HTML_INLINE else "\n"


# Discord: user, role and channel pings, custom emojis and timestamps ("<@&99812374651>", "<#1203…>", "<:pepe:123…>")
_DISCORD_TOKEN = re.compile(r"<(?:@[!&]?|#)\d{5,22}>|<a?:\w{1,40}:\d{5,22}>|<t:-?\d{1,13}(?::[tTdDfFR])?>")
# (":x:", ":white_check_mark:", ":eyes::fire:"): emoji shortcodes standing apart from words — lower case, one letter at
# least ("TP1:0.5:", "12:30:" or a leverage ":x10:" is no shortcode; ":100:" is one, no price)
_SHORTCODE_RUN = re.compile(r"(?<![^\s(\[>*_~|])(?::(?:(?!x\d)(?=[a-z0-9_+\-]{0,40}[a-z])[a-z0-9_+\-]{1,40}|100):)+"
                            r"(?![^\s)\].,!?;*_~|])")
_SHORTCODE = re.compile(r":([a-z0-9_+\-]{1,40}):")
# (the emojis a post's words are read with: ticks and crosses, the stop and target marks, the side colours)
_SHORTCODE_EMOJI = {
    "x": "\u274c", "white_check_mark": "\u2705", "heavy_check_mark": "\u2714\ufe0f", "ballot_box_with_check": "\u2611\ufe0f",
    "no_entry": "\u26d4", "no_entry_sign": "\U0001f6ab", "octagonal_sign": "\U0001f6d1", "stop_sign": "\U0001f6d1",
    "dart": "\U0001f3af", "checkered_flag": "\U0001f3c1", "red_circle": "\U0001f534", "green_circle": "\U0001f7e2",
    "rocket": "\U0001f680", "hourglass": "\u231b", "hourglass_flowing_sand": "\u23f3", "warning": "\u26a0\ufe0f",
    "rotating_light": "\U0001f6a8", "moneybag": "\U0001f4b0", "chart_with_upwards_trend": "\U0001f4c8",
    "chart_with_downwards_trend": "\U0001f4c9", "small_red_triangle_down": "\U0001f53b", "small_red_triangle": "\U0001f53a",
    "fire": "\U0001f525", "tada": "\U0001f389", "partying_face": "\U0001f973", "skull": "\U0001f480",
    "broken_heart": "\U0001f494", "sob": "\U0001f62d", "cry": "\U0001f622", "pensive": "\U0001f614",
}
# X/Twitter: thread counters ("1/3", "(2/2)", "1/n"), the thread mark 🧵, short links and hashtags glued in a run
_THREAD_MARK = "\U0001f9f5"
_THREAD_COUNTER = re.compile(r"(?<![\w./,])\(?(\d{1,2})[ \t]?/[ \t]?(\d{1,2}|n)\)?(?![\w/]|[.,]\d)")
# (a counter in a thread post is its number — unless a part of the position is meant: "closing 1/2 here")
_FRACTION_BEFORE = re.compile(r"(?i)(?<!\w)(?:clos\w*|sell\w*|sold|tak\w*|took|book\w*|secur\w*|exit\w*|cut\w*|trim\w*|tp\d?|"
                              r"tps|targets?|entr(?:y|ies)|orders?|profits?|position|size|of|remove\w*|reduc\w*|partial\w*)\W{0,3}$")
# ("🧵 1/3 of my $SOL closed", "2/3 targets done"): a part of something, named after it
_FRACTION_AFTER = re.compile(r"(?i)[ \t]*(?:of|position|size|closed|sold|booked|taken|secured|hit|done|filled|reached|"
                             r"targets?|tps?|entr(?:y|ies)|orders?)(?!\w)")
_POINTS_TO_COUNTER = re.compile(r"(?i)(?<!\w)(?:in|see|at|on)[ \t]+$")
# (session 27, day27) A pasted X thread numbers each tweet by a number and a slash heading its line ("1/ opening a short
# on $TIA now at 1.486", "2/ first take-profit 1.412", "3/ invalidation above 1.565. running 3x"): no price — read as
# one, "3/" became the thread's stop. Taken off only when the lines run 1/, 2/, … in order, two or more of them
_TWEET_NUMBER = re.compile(r"(?m)^([^\w\n]*)(\d{1,2})/(?=[ \t]+[^\W\d_$#])")


# (session 27, day27) A desk's ticket number heading a line ("LD-0712 ARB · tgt1 printed …", "LD-0749 · AAVE-PERP · BUY",
# "TK-0031 | SOL"): capitals glued by a hyphen to a zero-padded number — the ticket's name, no coin and no price; taken
# off so the coin after it heads the line
_TICKET_NUMBER = re.compile(r"(?m)^([^\w\n#$]*)[A-Z]{1,4}-0\d{2,5}(?=[ \t]+\S)")


def _tweet_numbers(text: str) -> str:
    numbers = [int(m.group(2)) for m in _TWEET_NUMBER.finditer(text)]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return text
    return _TWEET_NUMBER.sub(r"\1 ", text)
_SHORT_LINK = re.compile(r"(?<![\w/])(?:t\.co|pic\.twitter\.com|pic\.x\.com)/\w+", re.IGNORECASE)
_HASHTAG_RUN = re.compile(r"(?<![\w/&#])#[^\W_]\w*(?:#[^\W_]\w*)+")  # ("#PYTH#Solana"; a link's "page#part" is no run)
# OCR: a zero inside a word of letters ("SH0RT", "Cl0se", "p0sitions") — read as the letter O when the word then is one
# of the call's words; numbers, tickers and other words stay as written
_ZERO_IN_WORD = re.compile(r"(?<![\w.,])(?=[A-Za-z0]*0)(?=[A-Za-z0]*[A-Za-z])[A-Za-z0]{2,}(?!\w)")
_O_WORDS = frozenset({
    "long", "longs", "short", "shorts", "close", "closed", "closes", "closing", "position", "positions", "now", "stop",
    "stops", "stopped", "stoploss", "loss", "profit", "profits", "book", "booked", "hold", "holding", "done", "zone", "order",
    "orders", "move", "moved", "open", "opened", "opening", "out", "to", "on", "of", "or", "from", "below", "above", "spot",
    "cross", "isolated", "point", "points", "more", "not", "no", "low", "soon", "only", "for", "over", "into", "your", "our",
    "you", "loading", "secure", "option", "follow", "good", "lock", "locked", "trailing", "breakout", "scalp"})
# ("Take Profit 1: 0.7650 Take Profit\n2: 0.7480 Take Profit 3:\n0.7290"): a line wrap that cut a level's label, after a
# level on its line, from its number or from its price
_WRAP_LABEL = r"(?:take[ \t]*profit|tp|target|stop[ \t]*loss|sl|entry)"
_WRAPPED_LABEL = re.compile(
    rf"(?<=\d)([ \t]+{_WRAP_LABEL})[ \t]*\n[ \t]*(?=\d{{1,2}}[ \t]*:[ \t]*\$?\d)|"
    rf"(?<=\d)([ \t]+{_WRAP_LABEL}[ \t]*\d{{1,2}}[ \t]*:)[ \t]*\n[ \t]*(?=\$?\d[\d.,]*[ \t|]*$)", re.IGNORECASE | re.MULTILINE)


def _zero_as_o(match: re.Match[str]) -> str:
    word = match.group(0)
    letters = word.replace("0", "")
    read = word.replace("0", "O" if letters.isupper() else "o")
    return read if read.lower() in _O_WORDS else word


def _thread_counters(text: str) -> str:
    out, last = [], 0
    for m in _THREAD_COUNTER.finditer(text):
        n, whole = int(m.group(1)), m.group(2)
        if whole != "n" and not 1 <= n <= int(whole) or whole != "n" and int(whole) < 2:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if _FRACTION_BEFORE.search(before) or _FRACTION_AFTER.match(text, m.end()):
            continue  # ("closing 1/2 here", "1/3 of the position"): a part of the position
        out.append(text[last:m.start()])
        # ("levels in 2/2 👇"): the later part of the thread is the next post
        out.append(" the next post " if n > 1 and _POINTS_TO_COUNTER.search(before) else " ")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


# (session 24) A chat client's "(edited)" mark at a line's end ("Leverage: 10x (edited)", a last line "(edited)"): the
# client says the post was changed after sending, the post's own words do not — a card so marked is read as the card it
# is (a writer's own "EDIT:" heading, "edited — was 0.631", are words of the post and stay)
_CLIENT_EDITED = re.compile(r"[ \t]*\((?:edited|bearbeitet|editado|modifi[ée]|modificato|изменено|düzenlendi|diedit)\)[ \t]*"
                            r"(?=(?:\*\*|__)?[ \t]*$)",
                            re.IGNORECASE | re.MULTILINE)
# (session 24) A price struck through and the new one written after it ("Entry: ~~5.40~~ 5.32"): the struck price is
# taken back — only the price written after it is the card's
_STRUCK_PRICE = re.compile(r"~~[ \t]*[$€]?[ \t]*\d[\d.,]*[ \t]*~~(?=[ \t]*(?:->|>|\u2192)?[ \t]*[$€]?\d)")


# (session 24) Discord's spoiler markup ("long ||WIF||", "||entry 2.31||"): the bars hide the words from a reader until
# tapped — the words are the post's (a table's empty cell "| a || b |" has spaces inside the bars and stays)
_SPOILER = re.compile(r"\|\|(?![ \t|])([^|\n]{1,60}?)(?<![ \t])\|\|")


def unmangle(text: str) -> str:
    """The post with a relay's marks taken off: HTML markup, Discord markdown and pings, X thread furniture, OCR's
    zero-for-O inside words and labels cut from their numbers by a line wrap."""
    if "<" in text and ">" in text:
        text = _HTML_TAG.sub(_html_tag, text)
        text = _DISCORD_TOKEN.sub(" ", text)
    if "&" in text and ";" in text:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "©" in text or "(c)" in text or "(C)" in text:
        text = _COPYRIGHT_YEARS.sub(r"\1 ", text)
    if ":" in text:
        text = _SHORTCODE_RUN.sub(lambda run: " ".join(_SHORTCODE_EMOJI.get(code, " ") for code in _SHORTCODE.findall(run.group(0))),
                                  text)
    if "-0" in text:
        text = _TICKET_NUMBER.sub(r"\1", text)
    if "/" in text:
        if "1/" in text:
            text = _tweet_numbers(text)
        if _THREAD_MARK in text or "thread" in text.lower():
            text = _thread_counters(text)
        elif "/n" in text:
            # ("1/n" numbers a thread whatever else the post says)
            text = re.sub(r"(?<![\w./])\(?\d{1,2}/n\)?(?!\w)", " ", text)
        if ".co" in text or "pic." in text:
            text = _SHORT_LINK.sub(" ", text)
    if "#" in text:
        text = _HASHTAG_RUN.sub(lambda run: run.group(0).replace("#", " #"), text)
    if "0" in text and _ZERO_IN_WORD.search(text):
        text = _ZERO_IN_WORD.sub(_zero_as_o, text)
    if "||" in text:
        text = _SPOILER.sub(r" \1 ", text)
    if "(" in text and _CLIENT_EDITED.search(text):
        text = _CLIENT_EDITED.sub("", text)
    if "~~" in text:
        text = _STRUCK_PRICE.sub(" ", text)
    if "\n" in text:
        text = _WRAPPED_LABEL.sub(lambda m: (m.group(1) or m.group(2)) + " ", text)
    return text


# Telegram MarkdownV2 exports escape punctuation ("\\#AVAX", "24\\.60"); the backslash is no part of the post
_MD_ESCAPE = re.compile(r"\\([_*\[\]()~`>#+\-=|{}.!])")
# "Long/short ratio is 2.3": a market statistic, not two side words
_LS_RATIO = re.compile(r"(?<!\w)long\s*/\s*short\s+ratio(?:\s+(?:is|at|of|=|:))?\s*\$?\d+(?:[.,]\d+)?", re.IGNORECASE)


# (session 23: a bot's event word — "event=ENTRY_FILLED", "TP1_REACHED", "ENTRY_CANCELLED" — written the same way)
_SNAKE_KEY = re.compile(r"(?i)(?<![^\W_])(stop|take|entry|exit|tp\d?|sl|target\d?)_(loss|profit|price|hit|\d|filled|"
                        r"triggered|executed|reached|cancell?ed)(?![^\W_])")
# (session 23: "PAGER//CANCEL", two words glued by a double slash)
_SLASHED_WORDS = re.compile(r"(?<=[^\W\d_])//(?=[^\W\d_])")
# (session 23) A bot card's label, alone heading its line, set off from its price by a pointer ("ZONE ▸ 21.340 ~ 21.880",
# "TGT ▸ 22.45 | 23.10", "Stop ► 25.70", "Zone ➤ 0.415", "Zona » 0.415"): the pointer is the label's colon — the label is
# then read as any "Zone:" is (arrows — "SL → 179", "Zone 1 ➜ 0.425" — say a change or a row, and are left as they are)
_POINTERS = "\u25b8\u25ba\u25b6\u2023\u27a4\u2b95\u00bb\u203a"
# (session 25, bots25: the label may end in its row number — "Close 1 ▸ 8.92", "TP2 ▸ 9.25", "Ziel 3 ► 1.10": the row's
# label, not a price before the pointer)
_POINTER_LABEL = re.compile(r"(?m)^([^\w\n]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}(?:[ \t]*[1-9](?![\d.,]))?)[ \t]*[" + _POINTERS
                            + r"]\ufe0f?[ \t]*(?=[$]?\d)")


_SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"
_SUBSCRIPT_TO_ASCII = str.maketrans(_SUBSCRIPT_DIGITS, "0123456789")
_SUBSCRIPT_ZEROS = re.compile(r"(?<![\d.,])0[.,]0([₀₁₂₃₄₅₆₇₈₉]{1,2})(\d+)")
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_ASCII = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
# The same zero count written in brackets or as a superscript ("0.0(5)9845", "0.0{4}3512", "0.0[5]123", "0.0⁵123"):
# right after "0.0", a count of 2-19 and the significant digits glued to it — no other number is written so
# (not "10.0(5)", "0.0 (5)", "0.0(5%)", nor "0.0(5)12.5")
_BRACKET_ZEROS = re.compile(r"(?<![\w.,])0[.,]0(?:\((\d{1,2})\)|\{(\d{1,2})\}|\[(\d{1,2})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))"
                            r"(\d{1,8})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹]|[.,]\d)")
# "0.000000⁸⁹" (an app's font pasted the significant digits as superscripts): after a written run of zeros — read
# alone 0, no price, no exponent of it — the superscript digits are the price's own ("0.00000089")
_SUPERSCRIPT_SIGNIFICANT = re.compile(r"(?<![\w.,])0[.,](0{2,})([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,8})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹]|[.,]\d)")


def _bracket_zeros(match: re.Match[str]) -> str:
    count = int(next(g for g in match.groups()[:4] if g is not None).translate(_SUPERSCRIPT_TO_ASCII))
    return "0." + "0" * count + match.group(5) if 2 <= count <= 19 else match.group(0)


def _superscript_significant(match: re.Match[str]) -> str:
    return "0." + match.group(1) + match.group(2).translate(_SUPERSCRIPT_TO_ASCII)


# "short squeeze likely", "long squeeze": a market event, not a side
_SQUEEZE = re.compile(r"(?i)(?<!\w)(?:short|long)s?[\s-]+squeez(?:e|es|ed)(?!\w)")


_BRACKETED_RR = re.compile(r"\(\s*(?:r:?r\s*)?1\s*:\s*\d{1,2}(?:[.,]\d{1,2})?\s*\)", re.IGNORECASE)


# (session 26, asia26) Indian, Pakistani and Bangladeshi digit grouping — lakhs and crores, two digits a group above the
# thousands: "₹58,50,000" = 5850000, "১,০০,০০০" = 100000, "1,25,40,000" = 12540000. One number, never "58" and "50000"
# (a group of two digits is no thousands group, so the comma there was read as a list's). The first group has one or
# two digits and no leading zero; the last three ("000" after "0,50,000" is a list of decimals, no price): as written.
_LAKH_GROUPING = re.compile(r"(?<![\d.,])[1-9]\d?(?:,\d\d)+,\d{3}(?=\.\d|(?!\d|[.,]\d))")

# "9.62万" (Chinese: ten thousands) = 96200 — BTC written the Chinese way
_TEN_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{1,4})?)\s*万")


def _ten_thousands(match: re.Match[str]) -> str:
    return format((Decimal(match.group(1)) * 10000).normalize(), "f")


# (session 26, asia26) A number of ten thousands and its rest, as Japanese, Chinese and Korean write them: "6万8500" and
# "６万８５００" = 68500, "6만 7200" = 67200, "6万8千" / "6만 8천" = 68000, "6万8" (the thousands digit alone, spoken
# Chinese) = 68000, "7만" = 70000 — one number, never 60000 and 8500 (read so, "6万8500" became 600008500 and traded).
# (a digit glued after a word before 만 — "TP1만", "10배만": "only" TP1 — is no number of ten thousands)
_MYRIAD_AND_REST = re.compile(r"(?<![\d.,])(\d{1,4}(?:\.\d{1,4})?)[ \t]*([万만])"
                              r"(?:[ \t]?(?P<rest>\d{4})(?!\d|[.,]\d)|[ \t]?(?P<thousands>\d{1,3})[ \t]?[千천](?!\d|[.,]\d)|"
                              r"(?P<digit>\d)(?![\d万만千천]|[.,]\d))?")


def _myriad_and_rest(match: re.Match[str]) -> str:
    head, unit = match.group(1), match.group(2)
    if unit == "만" and match.start() and (match.string[match.start() - 1].isalnum() or match.string[match.start() - 1] == "_"):
        return match.group(0)  # ("TP1만 익절": only TP1 — the digit belongs to the word before)
    if unit == "万" and len(head.split(".")[0]) > 3:
        return match.group(0)
    rest = match.group("rest") or match.group("thousands") or match.group("digit")
    if rest is not None and "." in head:
        return match.group(0)  # ("6.8万5000": no number is written so — left unread)
    value = Decimal(head) * 10000
    if match.group("rest"):
        value += Decimal(rest)
    elif rest is not None:
        value += Decimal(rest) * 1000
    return format(value.normalize(), "f")


_PERSIAN_DECIMAL_SLASH = re.compile(r"(?<![\u06f0-\u06f90-9/.,\u066b])([\u06f0-\u06f9]{1,6})/([\u06f0-\u06f9]{1,8})(?![\u06f0-\u06f90-9/.,\u066b])")


def _persian_slash_reading(whole: str, part: str) -> str:
    """How "<whole>/<part>" in Persian digits reads: "decimal" (۵/۸۲ = 5.82, ۱۴۲/۵ = 142.5, ۰/۱۳۸, ۶/۰۵), "list"
    (۳۱۰۰/۳۰۵۰, ۱۵۰/۱۵۵, ۹۸/۱۰۵: two prices of like size — no price is written with as many decimals as whole
    digits), "fraction" (۱/۲, ۲/۳ of a position) or "unsure" (۱۲/۱۵, ۱۰۵/۹۸: 12.15 or the two prices 12 and 15 —
    read as the decimal, and an open with it is held)."""
    if whole == "\u06f0" or part.startswith("\u06f0"):
        return "decimal"
    if len(whole) == 1 and len(part) == 1:
        return "fraction" if whole < part else "decimal"
    w, p = int(whole.translate(_DIGITS)), int(part.translate(_DIGITS))
    if len(whole) == 1 or len(part) == 1 or not 0.5 <= p / w <= 2:  # (۱۳/۸ = 13.8: one decimal digit)
        return "decimal"
    return "list" if len(part) >= 3 else "unsure"


def _persian_decimal(match: re.Match) -> str:
    whole, part = match.group(1), match.group(2)
    if _persian_slash_reading(whole, part) in ("fraction", "list"):
        return match.group(0)  # ("۱/۲ پوزیشن"): a fraction of the position; ("۳۱۰۰/۳۰۵۰"): two prices
    return f"{whole}.{part}"


def persian_slash_unsure(text: str) -> bool:
    """A "/" between Persian digits that may as well be a decimal mark as a list of two prices ("ورود: ۱۲/۱۵")."""
    return "/" in text and any(_persian_slash_reading(m.group(1), m.group(2)) == "unsure"
                               # ("اهرم: ۱۰/۲۰": a leverage range, no price)
                               and not _LEVERAGE_LINE.search(text[text.rfind("\n", 0, m.start()) + 1:m.start()])
                               for m in _PERSIAN_DECIMAL_SLASH.finditer(text))


_LEVERAGE_LINE = re.compile(r"اهرم|لوریج|لورج|leverage|lev(?!\w)|x", re.IGNORECASE)


_ANY_NUMBER = re.compile(r"[0-9\uff10-\uff19]+(?:[.\uff0e][0-9\uff10-\uff19]+)?")


def _fullwidth_thousands(text: str) -> str:
    """"６６，８００" is 66800, but "目标 ９８，１００，１０５" / "９９，１０４" under "入场 ９５" is a list of targets: a
    reading as thousands a million or more, or a thousand times the post's other prices while each item sits beside
    them, keeps the list."""
    matches = list(_FULLWIDTH_THOUSANDS.finditer(text))
    if not matches:
        return text
    spans = [m.span() for m in matches]
    others = [Decimal(n.group(0).translate(_DIGITS).replace("\uff0e", ".")) for n in _ANY_NUMBER.finditer(text)
              if not any(a <= n.start() < b for a, b in spans)]
    others = [v for v in others if v > 10]
    out, last = [], 0
    for m in matches:
        items = [int(g.translate(_DIGITS)) for g in m.group(0).split("\uff0c")]
        whole = int("".join(str(i).zfill(3) if n else str(i) for n, i in enumerate(items)))
        as_list = len(items) > 2 or bool(others) and whole > 10 * max(others) \
            and all(min(others) / 3 <= i <= max(others) * 3 for i in items)
        out.append(text[last:m.start()])
        out.append(m.group(0) if as_list else m.group(0).replace("\uff0c", ","))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


# ("LDO — Now: 1.9920 📍 Targets 2.06 / 2.14 / 2.25 ⛔ 1.915 — 7x"): a card flattened onto one line, its parts cut by
# spaced long dashes, one of them a word, its colon and a price — the dashes cut fields, as "|" does
_DASHED_FIELD = re.compile(r"[ \t][—–][ \t]+[^\W\d_]{2,12}[ \t]*:[ \t]*\$?\d")


def _dashed_one_liner(text: str) -> str:
    if "\n" in text.strip() or len(re.findall(r"[ \t][—–][ \t]", text)) < 2 or not _DASHED_FIELD.search(text):
        return text
    return re.sub(r"[ \t][—–][ \t]", " | ", text)


# ("Entry ONLY if the 1h closes above 24.00 👉 24.05 - 24.30"): the condition on the entry's own line, its price the
# level to close beyond — set on a line of its own, the entry's prices after it keep the label (the card stays a
# conditional one, held)
_CONDITION_IN_ENTRY = re.compile(
    r"(?im)^([^\S\n]*)(entry|entries|buy|enter)([^\S\n]+(?:only[^\S\n]+)?(?:if|when|once|after)[^\S\n]+"
    r"(?:[^\n\d]|\d{1,2}[hmdw](?!\w)){0,40}?(?:closes?|closed|closing|breaks?|reclaims?|holds?|flips?)[^\S\n]+"
    # (session 27, money27: the whole price — "closes below 24.80" is never "24.8" and an entry "0")
    r"(?:(?:and[^\S\n]+)?(?:holds?[^\S\n]+)?)(?:above|below|over|under)[^\S\n]+\$?\d+(?:[.,]\d+)?(?![\d.,]))"
    r"[^\S\n]*(?:[:=>→,;]|[-–—]>|then)?[^\S\n]*(?=\$?\d+(?:[.,]\d+)?[^\S\n]*(?:[-–~/]|to|$))")

_HEAVY_ARROW_BETWEEN_PRICES = re.compile(r"(?<=\d)[ \t]*\u27a1\ufe0f?[ \t]*(?=\$?\d)")

# (session 23, partial23) "Close ½ BTC", "take ⅓ off", "BTC: close ¾": a vulgar fraction is a share of the position, written
# as one ("1/2") — it would otherwise go with the emojis and leave a full close ("Close BTC"); after a digit ("1½x") it
# stays what it was
_VULGAR_FRACTIONS = {"\u00bd": "1/2", "\u2153": "1/3", "\u2154": "2/3", "\u00bc": "1/4", "\u00be": "3/4"}
_VULGAR_FRACTION = re.compile("(?<![0-9])([\u00bd\u2153\u2154\u00bc\u00be])")


# (session 24) A copy-trading card's order line, the order's type and its price ("Order: Limit @ 37.85", "Order: Market
# (last 3,428.6)", "Orden: Límite @ 0.4380", "Ордер: лимит 2.31"): the type is the entry's kind, the price its entry —
# read as "Limit entry: 37.85" and "Entry: market (last 3,428.6)" are
_ORDER_TYPE_LINE = re.compile(r"(?im)^([^\w\n]*)(?:order|orden|ordem|ordre|ordine|auftrag|ордер|заявка|emir|lệnh)(?:[ \t]+type)?"
                              r"[ \t]*:[ \t]*(?:(?P<limit>limit|l[íi]mite|limite|лимит\w*|limit\w*)|"
                              r"(?P<market>market|mercado|march[ée]|mercato|markt|рынок|рыночн\w*|piyasa))"
                              r"(?=[ \t]*(?:@|at|a|à|по|[(:=\-])?[ \t]*(?:\((?:last|ref\w*|mark|~)?[ \t]*)?[~≈]?[ \t]*\$?\d)")


# (session 24) A card put through a machine translator ("Zone of entering: 22.40 until 23.10", "Take the profit: 24.00",
# "Stop the loss: 21.30", from "Зона входа", "Взять прибыль", "Стоп-лосс"): the labels word for word, heading their
# line — read as the labels they translate
_TRANSLATED_LABEL = re.compile(r"(?im)^([^\w\n]*)(?:(?P<entry>zone[ \t]+of[ \t]+(?:the[ \t]+)?(?:entering|entrance|entry|input|buying))|"
                               r"(?P<take>take[ \t]+the[ \t]+profits?|taking[ \t]+of[ \t]+(?:the[ \t]+)?profits?)|"
                               r"(?P<stop>stop[ \t]+the[ \t]+loss(?:es)?|stopping[ \t]+of[ \t]+(?:the[ \t]+)?loss(?:es)?))"
                               r"(?=[ \t]*[:=\-][ \t]*\$?\d)")


# (session 25, bots25) The take-profit and the stop under one paired label, their prices in the same order ("TP/SL:
# 3,420.0 / 3,575.0", "Lead TP/SL: 0.52 / 0.47", "SL/TP: 62500 / 66000", "止盈/止损：3420 / 3575"): one target and the stop —
# split into two labelled lines, so the stop is not read from both prices (a line with more prices is left as it is)
_PAIRED_EXIT_LABEL = re.compile(r"(?im)(?<![\w/])(?:(?P<tp>tp|take[ \t-]*profit|止盈)[ \t]*/[ \t]*(?P<sl>sl|stop(?:[ \t-]*loss)?|止损)|"
                                r"(?P<sl2>sl|stop(?:[ \t-]*loss)?|止损)[ \t]*/[ \t]*(?P<tp2>tp|take[ \t-]*profit|止盈))"
                                r"(?P<sep>[ \t]*[:=：][ \t]*|[ \t]+)(?P<a>\$?\d[\d,.]*)[ \t]*/[ \t]*(?P<b>\$?\d[\d,.]*)(?=[^\w\n/]*$)")


def _paired_exit_label(match: re.Match[str]) -> str:
    if match.group("tp"):
        return f"{match.group('tp')}: {match.group('a')}\n{match.group('sl')}: {match.group('b')}"
    return f"{match.group('sl2')}: {match.group('a')}\n{match.group('tp2')}: {match.group('b')}"


# (session 25, bots25) A row's counter "n of m" after an order's word heading its line, before the row's price ("Order
# 1/3 limit 3,280.00", "Entry 2/3 @ 0.4410", "Rung 3/4: 61,200", "Orden 1/2 límite 3.280", "Ордер 2/3 лимит 3195"): the
# row's number, no price — dropped (a share after a close's word, "Sold 1/3 at 3,520", is no row and stays)
_ROW_COUNTER = re.compile(r"(?im)^([^\w\n]*(?:orders?|entry|entries|rung|step|tranche|bid|dca|zone|fill|leg|"
                          r"orden|ordem|ordine|auftrag|ордер|заявка|emir|lệnh)"
                          r")[ \t]*#?([1-9])[ \t]*/[ \t]*([1-9])(?=[ \t]*[:.)\-–]?[ \t]*(?:[^\W\d_]+[ \t]+)?[@$]?[ \t]*\d)")


# (session 26, threads26) "PYTH buy #2 (0.3310) filled", "entry #3 @ 1.20 triggered", "DCA #2 filled": a rung numbered with
# "#" — the rung's number, as "buy 2" is (a "#2" read alone is a tag; "order #48213" is an order's id, left as it is)
# (only before a fill said of it — a card's own rows, "Buy #1: 21.80 / Buy #2 (DCA): 20.90", keep their "#")
_RUNG_HASH_NUMBER = re.compile(r"(?i)(?<![\w#$])(buy|entry|order|rung|dca|bid|add|limit|giri[şs]|entrada|вход)[ \t]*#([1-9])(?![\w.,#])"
                               r"(?=[ \t]*(?:\([^)\n]{1,20}\)[ \t]*)?(?:[@:][ \t]*\$?\d[\d.,]*[ \t]*)?"
                               r"(?:(?:is|was|has[ \t]+been|got|just|now)[ \t]+)?(?:filled|triggered|executed|activated)(?!\w))")


def _row_counter(match: re.Match[str]) -> str:
    return match.group(1) + ":" if int(match.group(2)) <= int(match.group(3)) else match.group(0)


# (session 25, bots25) "tgt 2 ✔ 0,4555", "TGT3 hit": the targets' short label numbered — target N, written as "TP2"
# is (alone before its prices, "tgt 29.4 / 30.8", it stays the targets' label)
_SHORT_TARGET_ROW = re.compile(r"(?i)(?<![\w#$/])tgt[ \t]*([1-9])(?![\d%]|[.,]\d)")


def normalize(text: str) -> str:
    """Canonical form of a message: ASCII punctuation, no emojis/links/relay artefacts/dates."""
    if ("of" in text or "the" in text) and _TRANSLATED_LABEL.search(text):
        text = _TRANSLATED_LABEL.sub(lambda m: m.group(1) + ("Entry zone" if m.group("entry") else
                                                             "Take profit" if m.group("take") else "Stop loss"), text)
    if ":" in text and _ORDER_TYPE_LINE.search(text):
        text = _ORDER_TYPE_LINE.sub(lambda m: m.group(1) + ("Limit entry:" if m.group("limit") else "Entry: market"), text)
    if any(ch in text for ch in _VULGAR_FRACTIONS):
        text = _VULGAR_FRACTION.sub(lambda m: f" {_VULGAR_FRACTIONS[m.group(1)]} ", text)
    if "\u2014" in text or "\u2013" in text:
        text = _dashed_one_liner(text)
    if "万" in text or "만" in text:
        text = _MYRIAD_AND_REST.sub(_myriad_and_rest, text)
        text = _TEN_THOUSANDS.sub(_ten_thousands, text)
    if "_" in text:  # JSON keys of bots: "stop_loss", "entry_price", "TP1_HIT"
        text = _SNAKE_KEY.sub(r"\1 \2", text)
    if any(ch in text for ch in _POINTERS):
        text = _POINTER_LABEL.sub(r"\1: ", text)
    if "/" in text and _PAIRED_EXIT_LABEL.search(text):
        text = _PAIRED_EXIT_LABEL.sub(_paired_exit_label, text)
    if "/" in text and _ROW_COUNTER.search(text):
        text = _ROW_COUNTER.sub(_row_counter, text)
    if "#" in text:
        text = _RUNG_HASH_NUMBER.sub(r"\1 \2", text)
    if ("tgt" in text or "TGT" in text or "Tgt" in text) and _SHORT_TARGET_ROW.search(text):
        text = _SHORT_TARGET_ROW.sub(r"TP\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "/" in text:
        text = _LS_RATIO.sub(" ", text)
    if any(ch in text for ch in _SUBSCRIPT_DIGITS):
        # "0.0₄1215" (DexScreener's notation: the subscript counts the zeros after the point) = 0.00001215
        text = _SUBSCRIPT_ZEROS.sub(lambda m: "0." + "0" * int(m.group(1).translate(_SUBSCRIPT_TO_ASCII)) + m.group(2), text)
    if "0.0" in text or "0,0" in text:
        # "0.0(5)9845", "0.0{4}3512", "0.0⁵123": the zero count in brackets or as a superscript; "0.000000⁸⁹": the
        # significant digits pasted as superscripts
        superscript = any(ch in text for ch in _SUPERSCRIPT_DIGITS)
        if superscript or "(" in text or "{" in text or "[" in text:
            text = _BRACKET_ZEROS.sub(_bracket_zeros, text)
        if superscript:
            text = _SUPERSCRIPT_SIGNIFICANT.sub(_superscript_significant, text)
    if "\u27a1" in text:
        # (session 23: "SL 62900 ➡️ 64250": the heavy arrow between two prices reads as the arrow "→" does; as a bullet or
        # beside a label, "➡️ Entry: 1.482", "Entry ➡️ 3.912", it stays an emoji)
        text = _HEAVY_ARROW_BETWEEN_PRICES.sub(" \u2192 ", text)
    if "queez" in text:
        text = _SQUEEZE.sub(" squeeze", text)
    if "1:" in text:
        # "TP1 (1:2.5): 1.767": a risk-to-reward ratio in brackets beside a level is a note, never two prices
        text = _BRACKETED_RR.sub(" ", text)
    text = _STYLED.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    if "\u099f\u09bf\u09aa\u09bf" in text or "\u091f\u0940\u092a\u0940" in text:
        # (session 23, opens23b) bn "টিপি১ হিট", hi "टीपी2": "TP" spelt in the script, its number right after
        text = _SCRIPT_TP.sub("TP", text)
    if "\u098f\u09b8\u098f\u09b2" in text or "\u090f\u0938\u090f\u0932" in text:
        # bn "এসএল: 10.30", hi "एसएल: 10.30": "SL" spelt in the script, heading its price
        text = _SCRIPT_SL.sub("SL", text)
    if "|" in text:
        text = _BAR_PAIR.sub(r"\1/\2", text)
    if "@" in text:
        text = _AT_AFTER_PAIR.sub(r"\1 entry ", text)
    if text.count(".") >= 2:
        text = _VERSION.sub(_version_removed, text)
    if "x" in text or "X" in text:
        text = _LEVERAGE_GLUED_TO_SIDE.sub(r"\1 ", text)
    if "$" in text:
        text = _SIGNED_DOLLARS.sub(r"\1 ", text)
    if "_" in text:
        # ("EXIT-ALL_BYBIT_AVAXUSDT_TrendBot_1H_7f3a": a copier bot's comment code — the pair inside it is the coin)
        text = _PAIR_IN_CODE.sub(" ", text)
    if "__" in text:
        text = _UNDERSCORE_RANGE.sub(" - ", text)
    if ":" in text and "USD" in text:
        text = _EXCHANGE_COLON_PAIR.sub(r"\1 ", text)
    if "\u2796" in text:
        text = _EMOJI_MINUS_BETWEEN.sub(r"\1 - ", text)
    if "/" in text:
        text = _RATING.sub(r"\1\2", text)
    if "차" in text:
        text = _KOREAN_ENTRY_ORDINAL.sub(r"\2", text)
        text = _KOREAN_WHEN_TARGET.sub(r"\1", text)
        text = _KOREAN_ORDINAL.sub(r"\2\1", text)
        text = _KOREAN_BARE_ORDINAL.sub("", text)
    if "$" in text or "#" in text:
        text = _CYRILLIC_TAG.sub(_latin_lookalike_tag, text)
    if "/" in text:
        # fa "ورود: ۵/۸۲" (5.82): "/" between Persian digits is the everyday decimal mark (not a date's "۱۴۰۲/۰۵/۱۲",
        # nor a fraction "۱/۲")
        text = _PERSIAN_DECIMAL_SLASH.sub(_persian_decimal, text)
    if "\uff0c" in text:
        # ("６６，８００～６７，２００"): a full-width comma between full-width digits, grouping them by three, is the
        # thousands mark of a price typed in full-width mode — not the list separator it is elsewhere ("目标 1.2，1.3")
        text = _fullwidth_thousands(text)
    if _CIRCLED_ANY.search(text):
        text = _CIRCLED_AFTER_EXIT.sub(_circled_exit, text)
    if any(ch.isdigit() for ch in text[1:]) and (" 0" in text or "\u00a0" in text or "\u202f" in text
                                                 or _SPACE_GROUPED_DECIMAL.search(text)
                                                 or _SPACE_GROUPED_ROW.search(text)):
        text = _space_thousands(text)
    if "\u20e3" in text or "\U0001f51f" in text:
        text = _KEYCAP_LEVERAGE.sub(lambda m: "10" if m.group(1) == "\U0001f51f" else re.sub("[^0-9]", "", m.group(1)), text)
    text = _KEYCAP.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).translate(_TRANSLATE)
    if "," in text and _LAKH_GROUPING.search(text):
        text = _LAKH_GROUPING.sub(lambda m: m.group(0).replace(",", ""), text)
    text = _CYRILLIC_K.sub("k", _K_DECIMAL.sub(r"\1.\2k", text))
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHE_THOUSANDS.sub("", text)
    if _HAN.search(text):
        text = text.translate(TO_SIMPLIFIED)
    if "'" in text:
        text = _TURKISH_SUFFIX.sub(r"\1 ", text)
    low = text.lower()  # (cheap substring checks skip the rarer rewrites below)
    if "sat" in low or "сат" in low:
        text = _GLUED_SATS.sub(_glued_sats, text)
    if "\U0001f3af" in text:
        text = _EMOJI_TARGET_HEADING.sub("TP:", text)
    text = _EMOJI_STOP.sub(" SL ", _EMOJI_TARGET.sub(" TP ", text))
    out: list[str] = []
    after_letter = False
    for ch in text:
        kept = _char_class(ch, after_letter)
        out.append(kept)
        if kept:
            # A mark after a letter, or after a mark kept for one ("ন্ট্র"), belongs to that letter.
            after_letter = kept.isalpha() or (kept == ch and unicodedata.category(ch) in ("Mn", "Mc"))
    text = "".join(out)
    text = _RELAY_LINES.sub("", text)
    if text.lstrip().startswith("[") or "[" in text[:12]:
        text = _BRACKETED_CHANNEL_LINE.sub("", text.lstrip(), count=1)
    text = _URL.sub(" ", text)
    if "//" in text:
        # (session 23: "PAGER//CANCEL DOTUSDT", "BOT//TP1 HIT": a bot's heading glued to its word by a double slash — two
        # words, the slashes their separator)
        text = _SLASHED_WORDS.sub(" // ", text)
    text = _BY_HANDLE.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _MARKDOWN.sub(" ", text)
    text = _DATE.sub(" ", text)
    if ":" in text or "#" in text or "cross" in low or "isol" in low or "aislado" in low:
        text = _LEVERAGE_WRITTEN_OTHERWISE.sub(_leverage_as_mark, text)
    text = _CLOCK_OR_RATIO.sub(" ", text)
    text = _CYRILLIC_X.sub(lambda m: "x" if m.group(0).strip() in "хХ" else m.group(0), text)
    text = _TIMES_SUFFIX.sub("x", text)
    text = _CJK_GLUE.sub(" ", text)
    text = _PERCENT_FIRST.sub(r"\1%", text)
    text = _BULLET.sub("", text)
    text = _TAG_BEFORE_LINE_LABEL.sub(r"\1\n", text)
    if "#" in text:
        text = _STATUS_TAG.sub("", _TAGGED_LABEL.sub(r"\1", text))
    text = _STOP_AFTER_PRICE.sub(r"\n SL \g<price>\n", text)
    if "good" in low or "great" in low or "buen" in low or "boa" in low or "bom" in low or "fine" in low \
            or "nice" in low or "solid" in low or "decent" in low or "ok" in low or "perfect" in low:
        text = _ENTRY_AFTER_PRICE.sub(r"\n Entry \g<price>\n", text)
    if "может" in low:
        text = _STOP_MAY_BE.sub(r"\n SL ", text)
    if "out" in low or "wrong" in low:
        text = _OUT_BEYOND.sub(_out_beyond_as_stop, text)
    if any(w in low for w in _BREAK_HINTS):
        text = _EXIT_IF_BREAK.sub(lambda m: f"\n SL {m.group('price') or m.group('price2')} (candle close)\n", text)
    if any(w in low for w in _VOID_HINTS):
        text = _VOID_BEYOND.sub(lambda m: f"\n SL {m.group('price') or m.group('price2')}\n", text)
    text = _ADVICE_BRACKETS.sub(" ", text)
    if (without_advice := _ENOUGH_LEVERAGE.sub(" ", text)) != text and _OTHER_LEVERAGE.search(without_advice):
        # ("Leverage 15x … If you are new, 3x is enough"); alone ("Kaldıraç 5x yeterli") it is the call's leverage
        text = without_advice
    if "x" in text or "X" in text or "×" in text:
        text = _MULTIPLE_OF_OTHER.sub(lambda m: f"{next(g for g in m.groups() if g)} times", text)
        text = _SAFETY_ORDER_COUNT.sub(r"\1\2 times", text)
        text = _GAIN_MULTIPLE.sub(_gain_multiple, text)
    text = _LEVERAGE_THEN_ADVICE.sub(r"\1;", text)
    text = _SAFER_AFTER_COMMA.sub(" ", text)
    text = _SAFER_LEVERAGE.sub(" ", text)
    text = _ADVICE_SENTENCE.sub(" ", text)
    if "x" in text or "X" in text:
        text = _leverage_not_the_calls(text)
    text = _fix_label_typos(text)
    if "stop" in low:
        text = _STOPPED_TYPO.sub("stopped", text)
    text = _ELISION.sub(r"\1' ", text)
    text = _stop_after_lone_price(text)
    if "|" in text or "\t" in text:
        text = _tables_to_fields(text)
    if "if" in low or "when" in low or "once" in low or "after" in low:
        text = _CONDITION_IN_ENTRY.sub(lambda m: f"{m.group(1)}{m.group(3)}\n{m.group(1)}{m.group(2)}: ", text)
    return text
