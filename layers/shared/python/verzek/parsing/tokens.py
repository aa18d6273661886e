"""Tokeniser: one normalised line -> labels, symbols, numbers, leverage marks, words and separators.

Numbers keep their written digits (Decimal, comma decimals and thousands resolved per message, `38K`
expanded). Anything that only looks like a number — list indexes ("1)"), percentages, timeframes
("4hr", "15 min"), leverage ("10x", "x10", "5lev") — gets its own kind so it can never become a price.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)
from verzek.parsing.lexicon import CJK, LABEL_RE, MARKS, Field


class Kind(StrEnum):
    LABEL = "label"
    PAIR = "pair"  # BASE + separator + QUOTE ("BTC/USDT", "OGN - USDT", "BAL|USDT")
    TAG = "tag"  # "#BTC", "$sol", "#BTCUSDT.P"
    LEV = "lev"
    NUM = "num"
    PCT = "pct"
    WORD = "word"
    SEP = "sep"
    INDEX = "index"  # list numbering, dropped


# (fiat quotes we do not trade are read as the pair's quote too: "BTC/CHF" is no CHF coin — the call is held)
_QUOTES = r"usdt|usdc|busd|fdusd|tusd|usd|btc|eth|bnb|eur|try|gbp|chf|brl|aud|cad|jpy|rub|uah|ars|mxn|pln|zar|ngn|inr|nzd|sgd|hkd|sek|nok|dkk|huf|czk|cnh|irt|irr|idr|vnd|pkr|egp|thb|bdt|kzt|aed|ils|cny|twd|php|myr"
_GLUED_USD = re.compile(r"(?<=[A-Z0-9]{2})(?:USDT|USDC|USD)$")
_TOKEN_RE = re.compile(
    r"(?P<qpair>(?<![\w.])(?:USDT|USDC|BUSD)_[A-Z0-9]{2,15}(?![\w]))|"  # 3Commas: quote first, underscore
    # (a pair is never followed by another "/QUOTE": in "COMPRA - BNB/USDT" the pair is BNB/USDT)
    # (a pipe joins a pair only unspaced, "BAL|USDT": " | " separates fields, "#CryptoKingsVIP | BTC LONG")
    rf"(?P<pair>[#$]?(?<![\w.])[^\W_][\w]{{0,19}}(?:\s?[/_-]\s?|\|)(?:{_QUOTES})(?:\.p|:usdt|:usdc|-?perp)?(?![\w])"
    rf"(?!\s?[/|_]\s?(?:{_QUOTES})(?!\w)))"
    # "ETH-PERP", "BTC-PERP": a perpetual named by its base alone (FTX and dYdX style), in capitals
    # ("BTC-PERPETUAL": Deribit's spelling)
    r"|(?P<perp>[#$]?(?<![\w.])(?-i:[A-Z0-9]{2,15})[-_]perp(?:etual)?(?![\w-]))"
    # ("$1000PEPE": a cashtag of a 1000-unit contract — "$100" is money)
    r"|(?P<tag>#\w[\w&]*(?:\.p(?!\w))?|\$(?:[^\W\d_]|10{3,6}(?=[A-Za-z]))\w*(?:\.p(?!\w))?)"
    # "(3.5R)", "2R": reward multiples, never prices
    r"|(?P<rmult>(?<![\w.,])\d{1,2}(?:[.,]\d{1,2})?[rR](?!\w))"
    # ("2 × 4H closes above": a count of candles, not leverage)
    r"|(?P<lev>(?<![\w.,])(?:\d{1,3}(?:[.,]\d)?\s?x(?!\w)(?!\s?\d{1,2}\s?(?:m|h|d|w|hr|hrs|min|mins|candles?)(?!\w))|x\s?\d{1,3}(?![\w]|[.,]\d)|\d{1,3}\s?lev(?:erage)?(?!\w)(?![ \t]*[:=]|[ \t]+x?\d)"
    # ("lev10", "lvg10", "lev20x": the leverage word with its value glued on, as hurried one-line calls write it)
    r"|(?<![\w.,])(?:lev|lvg|lvrg)\d{1,3}x?(?!\w|[.,]\d)))"
    r"|(?P<dword>(?<![\w.,])\d+(?![kKmM](?!\w))[^\W\d_]\w*)"
    r"|(?P<num>(?<![^\W_])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])|[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d.,])|(?<!\d,)\d+(?:\.\d+|,\d+(?!\d|,\d))?|\d+(?:\.\d+)?|(?<![.,])[.,]\d+)(?P<ksuffix>\s?[kK](?!\w))?"
    r"(?P<pct>\s?%)?)"
    rf"|(?P<cjk>[{CJK}])"  # one ideograph / Hangul syllable per token: these scripts glue words together
    rf"|(?P<word>[^\W\d_{CJK}](?:[^\W{CJK}]|['&{MARKS}])*(?:\.p(?!\w))?)"
    r"|(?P<sep>\S)",
    re.IGNORECASE,
)
# ("1) 0.50", "2. 0.55", and "1- 24.10": a row number with a dash glued to it and a space before the price)
# ("  F1 3388", "E2 3435", "DCA1 0.4120" under a card's entries heading: a rung's label heading its row before the price —
# the row's name, no word that would end the entries' list)
# (session 27, cards27: "  a) 91,850 · 250 USDT" / "  b) 92,600", "  #1 limit 184.60 | 120 USDT": a row lettered a) b) c)
# or numbered #1 #2 before its price — the row's name; "#1" is never a coin)
_LINE_INDEX_RE = re.compile(r"^\s*[-*•]?\s*(?:\(?[a-fA-F]\)|#[1-9]\d?)(?=[ \t]+(?:limit[ \t]+)?\$?\d)|"
                            r"^\s*[-*•]?\s*\(?\d{1,2}\s*(?:\)|\.(?!\d))|^\s*\d{1,2}-(?=[ \t]+\$?\d)|"
                            r"^\s*[-*•]?\s*(?:[efEF]|dca|DCA)[1-9](?=[ \t]+\$?\d[\d.,]*[ \t]*$)")
_TIME_UNITS = frozenset(["m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "week", "weeks", "month", "months", "мин", "минут", "час", "часа", "часов", "дн", "дня", "дней", "saat", "saatlik", "dakika", "dakikalık", "dakikalik", "günlük", "gunluk", "gün", "gun", "hora", "horas", "minutos", "dias", "días",
                         # ("gửi sau 5 phút", "dalam 10 menit", "через 5 минут", "in 10 Minuten"): a duration is no price
                         "phút", "giờ", "tiếng", "menit", "jam", "detik", "минуты", "минуту", "минутку", "часик",
                         "секунд", "dk", "dakikada", "minuto", "minuti", "minut", "minuty", "godzin", "godziny", "minuten",
                         "stunden", "std", "heures", "heure", "secondes", "segundos", "sec", "secs", "seconds", "mins.",
                         "хвилин", "хвилини", "годин", "ghante", "ghanta", "minat", "dakika'da", "saate", "saniye"])


# Units that are acronyms or notes too ("SEC" the regulator, "std." for "standard") — not "min", "h", "d": "SL 15 min
# close below 130" counts candles
_AMBIGUOUS_UNITS = frozenset(["sec", "secs", "std"])
_LEVEL_LABELS = frozenset({Field.ENTRY, Field.TARGETS, Field.STOP, Field.BUY, Field.SELL})


def _unit_is_no_duration(tokens: list[Token], i: int) -> bool:
    """The word after the number at `i` is a unit's spelling but no duration here: "entry 3100 SEC fud" (an acronym in
    capitals), "Entry 64000 std. Einstieg", "TP 150 Std" (a level's price right after its label, the word a note)."""
    unit = tokens[i + 1].text
    if unit.lower() not in _AMBIGUOUS_UNITS:
        return False
    if len(unit) >= 3 and unit.isupper():
        return True
    k = i - 1
    if k >= 0 and tokens[k].kind == Kind.SEP and tokens[k].text in ":=-":
        k -= 1
    return k >= 0 and tokens[k].kind == Kind.LABEL and tokens[k].field in _LEVEL_LABELS


# "(3 orders)", "2 entries", "4 targets": how many, never a price.
_COUNT_WORDS = frozenset(["orders", "entries", "targets", "tps", "parts", "legs", "steps", "rungs", "tranches", "ордера",
                          "ордеров", "входа", "входов", "цели", "целей", "emir", "giriş", "hedef", "órdenes", "ordenes",
                          "entradas", "ordens", "alvos", "objetivos", "ordres", "entrées", "cibles", "ordini", "ingressi",
                          "zlecenia", "zleceń", "wejścia", "lệnh", "order", "kali",
                          # ("Accumulate in 3 bids:", "buy in 2 chunks", "en 3 compras", "in 3 Teilen", "в 3 захода"):
                          # how many orders the buy is split into, over the rows that give them
                          "bids", "buys", "chunks", "pieces", "batches", "stages", "portions", "slices", "clips",
                          "compras", "tramos", "partes", "etapas", "achats", "tranches", "parti", "acquisti", "teilen",
                          "käufe", "stufen", "захода", "частей", "части", "покупки", "parça", "parçada", "kademe",
                          "kademede", "części", "transz"])


@dataclass(slots=True)
class Token:
    kind: Kind
    text: str
    start: int
    field: Field | None = None  # for LABEL
    value: Decimal | None = None  # for NUM / LEV / PCT
    thousands_suffix: bool = False  # "38K"
    line: int = 0
    in_sats: bool = False  # "23 sats": a price in satoshis (1e-8 BTC)
    sat_short: bool = False  # "2480 sat": satoshis only on a pair quoted in BTC ("sat" is also Turkish "sell")


def parse_decimal(raw: str, comma_decimal: bool) -> Decimal | None:
    s = raw.strip()
    if "," in s and "." in s:
        s = s.replace(",", "") if s.rfind(",") < s.rfind(".") else s.replace(".", "").replace(",", ".")
    elif "," in s:
        groups = s.split(",")
        thousands_like = all(len(g) == 3 for g in groups[1:]) and groups[0] not in ("", "0")
        if thousands_like and not comma_decimal:
            s = s.replace(",", "")
        elif len(groups) == 2:
            s = s.replace(",", ".")
        else:
            return None
    elif (comma_decimal or s.count(".") > 1) and _POINT_THOUSANDS.fullmatch(s):
        # (a message that writes its decimals with a comma, or "3.350.000" — two points are never one decimal point:
        # the point groups thousands)
        s = s.replace(".", "")
    if s.startswith("."):
        s = "0" + s
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


# "3.450,50": a point between thousands and a comma before the decimals — the whole message writes numbers so
_POINT_THOUSANDS_COMMA_DECIMAL = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+,\d{1,4}(?![\d.,])")
_POINT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


# "TP: 3500,3550", "tp":[65000,66000]: two whole levels of one magnitude joined by a bare comma — a list, not
# 3500.355 (a price of hundreds or more never carries four or more decimals matching its own size)
# A heading word before a spaced dash and a coin that is also a quote ("SEÑAL - BTC", "SIGNAL - ETH")
_HEADING_THEN_COIN = re.compile(r"(?i)(signal|se[ñn]al|sinal|sinyal|sinyali|segnale|sygna[łl]|сигнал|setup|trade|call|alert|alerta|"
                                r"update|idea|scalp|swing|operaci[óo]n|opera[çc][ãa]o)\s(-)\s(\w+)")
_INT_PAIR = re.compile(r"([1-9]\d{2,}),([1-9]\d{3,})")


def integer_pair(raw: str) -> tuple[str, str] | None:
    """The two levels of a comma-joined pair of whole numbers of one magnitude ("3450,3420"), else None."""
    m = _INT_PAIR.fullmatch(raw)
    if m is None:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    return (m.group(1), m.group(2)) if a <= 2 * b and b <= 2 * a else None


_COMMA_DECIMAL_RE = re.compile(r"(?<![\d,.])\d+,(?:\d{1,2}|\d{4,})(?![\d,])|(?<![\d,.])0,\d+")


def uses_comma_decimals(text: str) -> bool:
    """True when the message writes decimals with a comma ("0,85", "390,50") and never with a dot, or writes a
    number with point thousands and comma decimals ("3.450,50": then "3.520" beside it is 3520 too)."""
    if "," in text and _POINT_THOUSANDS_COMMA_DECIMAL.search(text):
        return True
    comma_decimal = any(integer_pair(m.group(0)) is None for m in _COMMA_DECIMAL_RE.finditer(text))
    dot_decimal = re.search(r"(?<![\d,.])\d+\.\d+(?![\d,])", text)
    return comma_decimal and not dot_decimal


# "2,312": one comma before three digits, nothing else — 2.312 or 2312?
ONE_COMMA_GROUP = re.compile(r"\$?\d{1,3},\d{3}")
_DOT_DECIMAL = re.compile(r"(?<![\d,.])\d+\.\d+(?![\d,])")


def comma_is_ambiguous(text: str, comma_decimal: bool) -> bool:
    """The message's commas were read as thousands separators for want of any other sign: no decimal written with a
    point or a comma anywhere, so "2,312" may as well be 2.312 (XRP) as 2312 (ETH)."""
    return not comma_decimal and "," in text and not _DOT_DECIMAL.search(text)


_ENTRY_ONLY_IF = re.compile(r"[ \t]+only[ \t]+(?:if|after|once|when)(?!\w)", re.IGNORECASE)


def tokenize_line(line: str, line_no: int, comma_decimal: bool) -> list[Token]:
    labels = [(m.start(), m.end(), Field(m.lastgroup.rsplit("_", 1)[0])) for m in LABEL_RE.finditer(line)]
    # (session 27, money27: "entry ONLY if an H4 candle closes below 0.2140 / then sell 0.2130 – 0.2145": the entry word
    # as the subject of a condition — its price is the trigger, the entries come after it)
    labels = [lab for lab in labels if not (lab[2] == Field.ENTRY and _ENTRY_ONLY_IF.match(line, lab[1]))]
    tokens: list[Token] = []
    index_match = _LINE_INDEX_RE.match(line)
    skip_until = 0
    if index_match:
        tokens.append(Token(Kind.INDEX, index_match.group(0).strip(), index_match.start(), line=line_no))
        skip_until = index_match.end()
    label_iter = iter(labels)
    next_label = next(label_iter, None)
    for m in _TOKEN_RE.finditer(line):
        if m.start() < skip_until:
            continue
        while next_label and next_label[1] <= m.start():
            next_label = next(label_iter, None)
        # A pair/tag/number that starts inside a label span is part of the label ("TP1", "Entry 2").
        if next_label and next_label[0] <= m.start() < next_label[1] \
                and (m.lastgroup not in ("pair", "tag") or m.start() == next_label[0]):
            if not tokens or tokens[-1].start != next_label[0]:
                tokens.append(Token(Kind.LABEL, line[next_label[0]:next_label[1]], next_label[0],
                                    field=next_label[2], line=line_no))
            continue
        kind = m.lastgroup
        text = m.group(0)
        if kind == "qpair":
            quote, base = text.split("_", 1)
            tokens.append(Token(Kind.PAIR, f"{base}/{quote}", m.start(), line=line_no))
        elif kind == "pair" and (heading := _HEADING_THEN_COIN.match(text)) is not None:
            # ("NUEVA SEÑAL – BTC", "NEW SIGNAL - ETH"): a heading word, a dash and the coin — no pair of the two
            tokens.append(Token(Kind.WORD, heading.group(1), m.start(), line=line_no))
            tokens.append(Token(Kind.SEP, "-", m.start() + heading.start(2), line=line_no))
            tokens.append(Token(Kind.WORD, heading.group(3), m.start() + heading.start(3), line=line_no))
        elif kind == "pair":
            tokens.append(Token(Kind.PAIR, text, m.start(), line=line_no))
        elif kind == "perp":  # (no quote written: the usual one, as for a coin named alone)
            # ("ETHUSD-PERP": a quote glued to the base is the contract's name, not part of the coin's)
            # ("ETHUSD_PERP", Binance's coin-margined contract: quoted in USD, as written)
            name = re.split(r"[-_]", text.lstrip("#$"))[0]
            base = _GLUED_USD.sub("", name)
            quote = "USD" if name.upper().endswith("USD") and base != name else "USDT"
            tokens.append(Token(Kind.PAIR, f"{base}/{quote}", m.start(), line=line_no))
        elif kind == "tag":
            tokens.append(Token(Kind.TAG, text, m.start(), line=line_no))
        elif kind == "lev":
            digits = re.search(r"\d{1,3}(?:[.,]\d)?", text).group(0).replace(",", ".")
            tokens.append(Token(Kind.LEV, text, m.start(), value=Decimal(digits), line=line_no))
        elif kind == "num":
            raw = text
            is_pct = m.group("pct") is not None
            has_k = m.group("ksuffix") is not None
            core = raw.rstrip("% ").rstrip()
            if has_k:
                core = core[:-1].rstrip()
            elif not is_pct and (pair := integer_pair(core)):
                comma_at = m.start() + len(pair[0])
                tokens += [Token(Kind.NUM, pair[0], m.start(), value=Decimal(pair[0]), line=line_no),
                           Token(Kind.SEP, ",", comma_at, line=line_no),
                           Token(Kind.NUM, pair[1], comma_at + 1, value=Decimal(pair[1]), line=line_no)]
                continue
            value = parse_decimal(core, comma_decimal)
            if value is None:
                tokens.append(Token(Kind.SEP, text, m.start(), line=line_no))
                continue
            if has_k:
                value = value * 1000
            tokens.append(Token(Kind.PCT if is_pct else Kind.NUM, text, m.start(), value=value,
                                thousands_suffix=has_k, line=line_no))
        elif kind == "rmult":
            tokens.append(Token(Kind.INDEX, text, m.start(), line=line_no))
        elif kind in ("word", "dword", "cjk"):
            tokens.append(Token(Kind.WORD, text, m.start(), line=line_no))
        else:
            tokens.append(Token(Kind.SEP, text, m.start(), line=line_no))
    _mark_non_prices(tokens)
    _mark_satoshis(tokens)
    return tokens


# "Buy 21-23 sats", "SL 19 satoshi", "TP 350 сатоши": prices of an alt/BTC pair in satoshis ("sat" alone is also the
# Turkish verb "sell": a unit only where the pair is written with its BTC quote)
SATS_UNIT = re.compile(r"sats|satoshis?|сатоши|сатош|сатс", re.IGNORECASE)


def _mark_satoshis(tokens: list[Token]) -> None:
    for tok, nxt in itertools.pairwise(tokens):
        if tok.kind == Kind.NUM and nxt.kind == Kind.WORD and SATS_UNIT.fullmatch(nxt.text):
            tok.in_sats = True
        elif tok.kind == Kind.NUM and nxt.kind == Kind.WORD and nxt.text.lower() == "sat":
            tok.sat_short = True


_LEVEL_FIELDS = frozenset({Field.ENTRY, Field.TARGETS, Field.BUY, Field.SELL, Field.LONG, Field.SHORT})


def _allocation_after_level(tokens: list[Token], i: int, j: int) -> bool:
    """"Target 1: 5.40 – 30%", "Entry 0.45 - 60%": under an entry/target label, a price, a spaced dash and a
    percentage is a level and the share of the position it takes, not a percentage range ("SL: 5-10%")."""
    if j != i + 2 or tokens[i + 1].text != "-":
        return False
    sep, tok = tokens[i + 1], tokens[i]
    spaced = sep.start > tok.start + len(tok.text) and tokens[j].start > sep.start + 1
    labels = [t for t in tokens[:i] if t.kind == Kind.LABEL]
    # ("1) 5.10 - 50%" under "Entry Orders:" / "Take-Profit Orders:": a numbered row of a level list)
    numbered_row = not labels and bool(tokens) and tokens[0].kind == Kind.INDEX and i <= 2
    # ("Stop Targets: 1) 1.9350 - 100.0%": a stop of 20 % or more is no percentage range, it is the row's share)
    stop_share = bool(labels) and labels[-1].field == Field.STOP and tokens[j].value >= 20
    return spaced and (numbered_row or stop_share or bool(labels) and labels[-1].field in _LEVEL_FIELDS)


# ("Split 60/40 between the buys", "30/70 allocation", "60-40 split", "reparto 50/50"): how the size is shared
_SPLIT_WORDS = re.compile(r"(?<!\w)(?:split|splits|splitting|allocat\w*|alloc|ratio|weight(?:s|ed|ing)?|distribut\w*|"
                          r"sizing|divid(?!end)\w*|divis\w*|repart\w*|reparto|aufteil\w*|verteil\w*|"
                          r"распредел\w*|дел(?:им|ю|ить)|поровну|b[öo]l(?:[üu]ş|[üu]n|erek)\w*)(?!\w)|分配|比例|仓位",
                          re.IGNORECASE)


def _mark_row_fractions(tokens: list[Token]) -> None:
    """(session 27, cards27) "Exit 1     4.860     1/3", "TP2 0.7310 — 1/2": a fraction of small whole numbers written
    after the row's price (the size that level takes) — a share, never two more prices."""
    for i in range(len(tokens) - 2):
        a, slash, b = tokens[i], tokens[i + 1], tokens[i + 2]
        if a.kind == Kind.NUM and b.kind == Kind.NUM and slash.kind == Kind.SEP and slash.text == "/" \
                and slash.start == a.start + len(a.text) and b.start == slash.start + 1 \
                and a.text.isdigit() and b.text.isdigit() and 0 < a.value < b.value <= 10 \
                and (i + 3 == len(tokens) or tokens[i + 3].kind != Kind.SEP or tokens[i + 3].text != "/"):
            prev = next((t for t in reversed(tokens[:i]) if not (t.kind == Kind.SEP and t.text in "-—–|·•:")), None)
            after = tokens[i + 3] if i + 3 < len(tokens) else None
            if prev is not None and prev.kind == Kind.NUM and not prev.text.isdigit() \
                    or after is not None and after.kind == Kind.WORD and after.text.lower() in ("of", "del", "de", "do", "от"):
                # ("Start with 1/3 of your usual size", "1/2 del capital"): a share of the size said so
                a.kind = b.kind = Kind.PCT


def _mark_size_splits(tokens: list[Token]) -> None:
    """"60/40", "30-70", "50:50" beside a word of sharing: two shares of the size that make a hundred, no prices and
    no leverage range."""
    pairs = [(tokens[i], tokens[i + 2]) for i in range(len(tokens) - 2)
             if tokens[i].kind == Kind.NUM and tokens[i + 2].kind == Kind.NUM and tokens[i + 1].kind == Kind.SEP
             and tokens[i + 1].text in "/-:" and tokens[i].text.isdigit() and tokens[i + 2].text.isdigit()
             and 0 < tokens[i].value < 100 and 0 < tokens[i + 2].value < 100 and tokens[i].value + tokens[i + 2].value == 100]
    if not pairs:
        return
    words = [t.text for t in tokens if t.kind in (Kind.WORD, Kind.LABEL)]
    if _SPLIT_WORDS.search(" ".join(words)) or _SPLIT_WORDS.search("".join(words)):
        for a, b in pairs:
            a.kind = b.kind = Kind.PCT


# ("+180 pips", "(−240 pips)", "40 pts", "30 пипсов"): a distance from the entry, counted in pips or points
_DISTANCE_UNITS = frozenset(["pips", "pip", "pts", "пипсов", "пипса", "пипс", "pipleri", "pipov"])
# ("TF 15", "Timeframe: 240", "interval=60", "ТФ 15", "Zaman dilimi: 60"): the chart's timeframe
_TIMEFRAME_WORDS = frozenset(["tf", "timeframe", "interval", "тф", "таймфрейм", "periyot", "temporalidad", "zeitrahmen",
                              "resolution"])


# ("base order 20 USDT", "Size: 50 USDT", "margin 100 USDT", "qty 250 USDC"): money put in, never a price
_SIZE_WORDS = frozenset(["size", "amount", "margin", "qty", "quantity", "investment", "invest", "capital", "budget",
                         "stake", "notional", "volume", "сумма", "объем", "объём", "маржа", "tamaño", "monto", "tutar",
                         "miktar", "marjin", "tamanho", "montante", "valor"])
_MONEY_WORDS = frozenset(["usdt", "usdc", "usd", "busd", "fdusd", "dollars", "$"])


def _a_size_in_money(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.text.lower() not in _MONEY_WORDS or not i:
        return False
    k = i - 1
    if tokens[k].kind == Kind.SEP and tokens[k].text in ":=" and k:
        k -= 1
    if tokens[k].kind == Kind.SEP and tokens[k].text in "|·•(" and k and tokens[k - 1].kind == Kind.NUM:
        # (session 27, cards27: "#1 limit 184.60 | 120 USDT", "a) 91,850 · 250 USDT", "0.612 (50 USDT)"): money after a
        # row's price and a column mark — the order's size in the quote, never a second price
        return True
    word = tokens[k].text.lower()
    if tokens[k].kind not in (Kind.WORD, Kind.LABEL):
        return False
    # ("base order 20 USDT", "safety order 40 USDT": the bot's order sizes)
    return word in _SIZE_WORDS or word == "order" and k and tokens[k - 1].text.lower() in ("base", "safety", "first")


def _after_a_timeframe_word(tokens: list[Token], i: int) -> bool:
    k = i - 1
    if tokens[k].kind == Kind.SEP and tokens[k].text in ":=" and k:
        k -= 1
    return tokens[k].kind in (Kind.WORD, Kind.LABEL) and tokens[k].text.lower() in _TIMEFRAME_WORDS


# (session 26, hard26) ("conf=0.82", "confidence: 0.7", "score 82", "prob=0.64", "Уверенность: 0.8", "Güven: 0.8",
# "confianza=0.9", "Konfidenz 0,8", "信心 0.8"): a signal's score beside its key — how sure the bot is, never a price
_SCORE_WORDS = frozenset(["conf", "confidence", "score", "prob", "probability", "certainty", "accuracy", "likelihood",
                          "strength", "rating", "уверенность", "вероятность", "оценка", "güven", "guven", "olasılık",
                          "olasilik", "skor", "puan", "confianza", "probabilidad", "puntuación", "puntuacion", "confiança",
                          "confianca", "probabilidade", "pontuação", "pontuacao", "konfidenz", "wahrscheinlichkeit",
                          "confiance", "probabilité", "probabilite", "fiducia", "probabilità", "probabilita", "keyakinan",
                          "kemungkinan", "信心", "置信度", "概率", "信頼度", "확률", "신뢰도"])


def after_a_score_word(tokens: list[Token], i: int) -> bool:
    """A number right after a score's key ("conf=0.82", "score: 82"): the signal's score."""
    k = i - 1
    if tokens[k].kind == Kind.SEP and tokens[k].text in ":=" and k:
        k -= 1
    return tokens[k].kind in (Kind.WORD, Kind.LABEL) and tokens[k].text.lower() in _SCORE_WORDS \
        and tokens[i].value is not None and tokens[i].value <= 100


# Words after a level's number that make it the level's ordinal ("Target 1 complete", "Entry 1 par", "TP 2 hit ho gaya")
_AFTER_AN_ORDINAL = frozenset(["par", "pe", "pr", "per", "pay", "complete", "completed", "hit", "done", "reached",
                               "achieved", "touched", "smashed", "filled", "triggered", "secured", "booked", "ho", "bhi",
                               "ka", "ki", "ke", "ko", "tak", "se", "mein", "at", "is"])
# ("Set TP 4 and SL first", "Entry 1 or 2"): joining words — the digit an ordinal only when no price follows on the line
# ("Entry 3 and 2.8": two prices of a three-dollar coin)
_JOINING_WORDS = frozenset(["and", "or", "aur", "y", "e", "et", "und", "и", "ve", "или", "o", "ou", "oder"])


def _a_level_ordinal(tokens: list[Token], i: int) -> bool:
    """"Target 1 complete ✅ 0.7950", "Stop ko Entry 1 par", "Entry 1 par 0.7950 aur Entry 2 par 0.7700": a one-digit
    number right after a level's word, words after it — which level, not a price (a price after it on the line is off
    its scale)."""
    tok, prev = tokens[i], tokens[i - 1]
    if prev.kind != Kind.LABEL or prev.field not in _LEVEL_LABELS or not tok.text.isdigit() or not 1 <= tok.value <= 9:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.kind not in (Kind.WORD, Kind.LABEL) or nxt.start > tok.start + len(tok.text) + 1:
        return False
    if nxt.text.lower() in _AFTER_AN_ORDINAL:
        return True  # ("par": a pair's label in Spanish, the Hindi "on" here)
    if nxt.kind != Kind.WORD:
        return False
    later = next((t for t in tokens[i + 2:] if t.kind == Kind.NUM), None)
    if nxt.text.lower() in _JOINING_WORDS:
        return later is None
    return later is not None and "." in later.text and not Decimal("0.33") <= later.value / tok.value <= 3


def _mark_non_prices(tokens: list[Token]) -> None:
    """Percent ranges ("5-10%", "3 to 5%"), timeframes ("15 min") and "(2.5)" style counts are not prices."""
    _mark_size_splits(tokens)
    _mark_row_fractions(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != Kind.NUM:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i else None
        if nxt and nxt.kind == Kind.SEP and nxt.text == ")" and tok.value == tok.value.to_integral_value() \
                and tok.value <= 20 and "." not in tok.text:
            before = tokens[i - 2] if i >= 2 else None
            if not (prev and prev.text == "("):
                tok.kind = Kind.INDEX  # inline numbering: "Targets: 1) 0.50 2) 0.55"
                continue
            if before is not None and before.kind == Kind.LABEL:
                tok.kind = Kind.INDEX  # "Trigger: Target (1)": which target, not a price
                continue
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if prev is not None and prev.kind == Kind.LABEL and prev.field in (Field.ENTRY, Field.TARGETS) \
                and tok.text.isdigit() and 1 <= tok.value <= 20 and nxt is not None and nxt.kind == Kind.SEP \
                and nxt.text == "(" and after is not None and after.kind == Kind.NUM:
            tok.kind = Kind.INDEX  # "Entry 1 (36.85) filled", "Entry 2 (37.60)": the rung's number, its price in brackets
            continue
        if nxt is not None and nxt.kind == Kind.SEP and nxt.text == "." and nxt.start == tok.start + len(tok.text) \
                and tok.text.isdigit() and tok.value <= 20 and after is not None and after.kind == Kind.LABEL \
                and (prev is None or prev.kind in (Kind.TAG, Kind.PAIR, Kind.SEP)):  # ("плечо 10. Цели …": a sentence's end)
            tok.kind = Kind.INDEX  # "#FIL 3. hedef 5.48 geldi", "2. Ziel": an ordinal before the level's word
            continue
        if nxt is not None and nxt.kind == Kind.SEP and nxt.text == "-" and nxt.start == tok.start + len(tok.text) \
                and tok.text.isdigit() and tok.value <= 20 and after is not None and after.start == nxt.start + 1 \
                and (after.kind == Kind.LABEL or after.kind == Kind.WORD and len(after.text) <= 3 and i + 3 < len(tokens)
                     and tokens[i + 3].kind == Kind.LABEL) and (prev is None or prev.kind in (Kind.TAG, Kind.PAIR, Kind.SEP)):
            tok.kind = Kind.INDEX  # uz "1-кириш: 0.52", ru "2-й вход: 0.505": the rung's number glued before its word
            continue
        if prev is not None and prev.kind == Kind.SEP and prev.text == "%" and prev.start + 1 == tok.start \
                and (i < 2 or tokens[i - 2].kind != Kind.NUM or tokens[i - 2].start + len(tokens[i - 2].text) < prev.start):
            tok.kind = Kind.PCT  # "kâr %14", "%5 zarar": the percent sign written first (Turkish)
            continue
        if prev is not None and prev.kind == Kind.WORD and nxt is not None and nxt.text == ":" and tok.text.isdigit() \
                and tok.value <= 20 and after is not None and after.kind == Kind.NUM:
            tok.kind = Kind.INDEX  # "Tier 2: 0.65", "Order 3: 22.1": a row number before the row's price
            continue
        if prev is not None and _a_level_ordinal(tokens, i):
            tok.kind = Kind.INDEX
            continue
        if nxt is not None and nxt.kind == Kind.WORD and nxt.text.lower() in _DISTANCE_UNITS:
            tok.kind = Kind.INDEX  # (session 27, cards27: "4,230 → 50% (+180 pips)"): a distance in pips, never a price
            continue
        if prev is not None and _a_size_in_money(tokens, i):
            tok.kind = Kind.INDEX  # "base order 20 USDT filled @ 24.31": the size, not the fill's price
            continue
        if prev is not None and _after_a_timeframe_word(tokens, i) and tok.text.isdigit():
            tok.kind = Kind.INDEX  # ("TF 15", "timeframe: 60", "interval=240"): a chart's timeframe in minutes
            continue
        if prev is not None and after_a_score_word(tokens, i):
            tok.kind = Kind.INDEX  # ("conf=0.82", "score: 82"): the signal's score, not a price
            continue
        if nxt and nxt.kind == Kind.WORD and nxt.text.lower() == "x" and after is not None \
                and re.fullmatch(r"\d{1,2}\s?(?:m|h|d|w|hr|hrs|min|mins)", after.text, re.IGNORECASE):
            tok.kind = Kind.INDEX  # "2 × 4H closes above": how many candles
            continue
        if nxt and (nxt.kind == Kind.WORD and nxt.text.lower() in _TIME_UNITS and not _unit_is_no_duration(tokens, i)
                    or nxt.kind in (Kind.WORD, Kind.LABEL) and nxt.text.lower() in _COUNT_WORDS and tok.value <= 20) \
                and "." not in tok.text and "," not in tok.text:
            tok.kind = Kind.INDEX
            continue
        # "5-10%" / "3 to 5%": the left bound of a percentage range is a percentage too.
        j = i + 1
        while j < len(tokens) and (tokens[j].kind == Kind.SEP and tokens[j].text in "-~/"
                                   or tokens[j].kind == Kind.WORD and tokens[j].text.lower() in ("to", "and", "or")):
            j += 1
        if j > i + 1 and j + 1 < len(tokens) and tokens[j].kind == Kind.NUM and tokens[j + 1].kind == Kind.WORD \
                and tokens[j + 1].text.lower() in _TIME_UNITS and not _unit_is_no_duration(tokens, j) \
                and tok.text.isdigit() and tokens[j].text.isdigit() and tok.value < tokens[j].value \
                and tokens[j].line == tok.line:
            tok.kind = Kind.INDEX  # ("Takes: 2-3 days to play out", "1 to 2 weeks"): the left bound of a duration
            continue
        if j > i + 1 and j < len(tokens) and tokens[j].kind == Kind.PCT and tok.value <= tokens[j].value:
            if not _allocation_after_level(tokens, i, j):
                tok.kind = Kind.PCT
        # "(3-5x)" / "10 to 20x": the bare lower bound of a leverage range is leverage, not a price.
        elif j > i + 1 and j < len(tokens) and tokens[j].kind == Kind.LEV and tok.value <= tokens[j].value \
                and tok.value == tok.value.to_integral_value() and "." not in tok.text and "," not in tok.text:
            tok.kind = Kind.LEV
