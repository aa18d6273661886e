"""Which coin a message is about: candidates from explicit pairs, hashtags/cashtags, labelled words
("Pair: XRP"), and bare tickers next to a side or close word ("DOGE short", "Close TRB").

Candidates are ranked by how explicit they are; two different explicit pairs in one post make it
ambiguous, and ambiguity is reported, never resolved by guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)
from verzek.parsing.lexicon import (
    COIN_NAMES,
    COIN_NAMES_UNSPACED,
    FILLER_WORDS,
    FOREX_CODES,
    GLUED_QUOTES,
    METAL_CODES,
    NOT_COINS,
    TRADABLE_QUOTES,
    Field,
)
from verzek.parsing.safety import ONE_LETTER_NAMES
from verzek.parsing.tokens import Kind, Token

# With its quote attached ("#NOTUSDT", "ME/USDT") a common word is a coin's name; only the quotes themselves
# and the words of a signal's own structure never are.
NEVER_A_BASE = frozenset(
    ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "TRY",
     "LONG", "SHORT", "BUY", "SELL", "ENTRY", "ENTRIES", "TP", "TPS", "SL", "STOP", "STOPLOSS", "TARGET", "TARGETS",
     "LEVERAGE", "LEV", "CROSS", "ISOLATED", "SPOT", "FUTURE", "FUTURES", "PAIR", "COIN", "SIGNAL", "VIP"])
# ("#1xx", "#2XX", "#10x"): a number whose last digits are written as x — a placeholder of a call's number
_NUMBER_PLACEHOLDER_RE = re.compile(r"\d{1,4}[xX]{1,3}")
_BASE_RE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{2,15}$")
_PAIR_SPLIT_RE = re.compile(r"^[#$]?(?P<base>\w+?)\s?[/|_-]\s?(?P<quote>[A-Za-z]+)(?P<suffix>\.p|:usdt|:usdc|-?perp)?$",
                            re.IGNORECASE)
_EXCHANGE_PREFIX = re.compile(r"^(?:BINANCE|BYBIT|BITGET|KUCOIN|BINGX|PHEMEX|COINBASE|KRAKEN|GATEIO|HUOBI|MEXC|OKX)")
_TIMEFRAME_RE = re.compile(r"^\d+(?:m|h|hr|hrs|d|w|min|mins|x)$|^(?:M(?:1|3|5|15|30)|H(?:1|2|4|6|8|12)|D1|D3|W1)$",
                           re.IGNORECASE)
# "EMA200", "MA50", "RSI14": an indicator and its period, never a coin
_INDICATOR_PERIOD_RE = re.compile(r"^(?:EMA|SMA|WMA|HMA|MA|RSI|ATR)\d{1,3}$", re.IGNORECASE)

# How explicitly a coin is named: a pair with its quote, a word under a "Coin:" label, a bare word next
# to a side word, a hashtag/cashtag anywhere.
EXPLICIT, LABELLED, NAMED, HASHTAG = 4, 3, 2, 1


@dataclass(frozen=True, slots=True)
class SymbolCandidate:
    base: str
    quote: str
    rank: int
    position: int  # token order, earlier wins among equals
    perpetual: bool = False  # written as a perpetual contract (".P", "PERP")
    weak: bool = False  # read by a rule that guesses (a lower-case word that may be any word): held for review

    @property
    def symbol(self) -> str:
        return f"{self.base}/{self.quote}"


# ("#XBTUSD", "XBT/USD"): BitMEX's and Kraken's code for bitcoin
_ALIASES = {"XBT": "BTC"}
# ("SOLUSDTM", "#ETHUSDTM"): KuCoin's USDT- and USDC-margined perpetuals — the quote and an "M"
_KUCOIN_PERP = re.compile(r"(?<=[A-Z0-9]{2})(USDT|USDC)M$")


_FIAT_QUOTES = frozenset({"TRY", "EUR"})
# ("BTC/CHF LONG", "SOL/BRL"): a pair quoted in a currency we do not trade — read as that pair, so it is held as one we
# cannot trade (not read as a coin "CHF")
_UNTRADED_FIAT = frozenset({"GBP", "CHF", "BRL", "AUD", "CAD", "JPY", "RUB", "UAH", "ARS", "MXN", "PLN", "ZAR", "NGN", "INR",
                            "NZD", "SGD", "HKD", "SEK", "NOK", "DKK", "HUF", "CZK", "CNH",
                            # (session 25: Nobitex's toman and rial, Indodax's rupiah, and other local P2P quotes)
                            "IRT", "IRR", "IDR", "VND", "PKR", "EGP", "THB", "BDT", "KZT", "AED", "ILS", "CNY", "TWD",
                            "PHP",
                            # (session 26: the Malaysian ringgit of Luno's and Tokocrypto's "BTC/MYR")
                            "MYR"})
# ("USDT/IRT", "USDT/TRY", "USDC/EUR"): a stablecoin bought or sold against a local currency — the pair as written (held
# as one we cannot trade), never the currency read as a coin against USDT
_STABLECOINS = frozenset({"USDT", "USDC", "FDUSD", "BUSD", "TUSD", "DAI"})


def forex_pair(base: str, quote: str | None = None) -> tuple[str, str] | None:
    """("EURUSD", "GBPJPY", "XAUUSD"; "EUR", "USD"): two currency or metal codes, glued or given apart, are a forex pair —
    read as BASE/QUOTE so the card is held as one no crypto exchange lists (never as a coin "EURUSD" against USDT)."""
    if quote is None:
        if len(base) != 6 or not base.isalpha():
            return None
        base, quote = base[:3], base[3:]
    base, quote = base.upper(), quote.upper()
    if (base in FOREX_CODES or base in METAL_CODES) and quote in FOREX_CODES and base != quote:
        return base, quote
    return None


def split_glued(word: str) -> tuple[str, str | None]:
    upper = _KUCOIN_PERP.sub(r"\1", word.upper())
    for quote in GLUED_QUOTES:
        if upper.endswith(quote) and len(upper) - len(quote) >= 2:
            base = upper[: -len(quote)]
            if quote in _FIAT_QUOTES and _ALIASES.get(base, base) not in _KNOWN_TICKERS:
                continue  # ("#SafeEntry", "#AGEUR": a lira or euro quote only after a coin we know — "#DOGETRY")
            if quote == "TUSD" and base + "T" in _ALIASES:
                base, quote = base + "T", "USD"  # ("XBTUSD": XBT against USD, not "XB" against TUSD)
            return _ALIASES.get(base, base), quote
    return _ALIASES.get(upper, upper), None


# ("#SEGNALE #CRYPTO #ALTCOINS #APT", "#KriptoSinyal", "#CryptoNews", "#ARB #Layer2 #Altcoin", "#ONDO #RWA #DeFi"): a
# channel's generic or sector tags — no coin's ticker has these words in it ("LAYER" alone is one: Solayer's)
_GENERIC_STEM = re.compile(r"SIGNAL|SEGNAL|SINYAL|SINAL|SENAL|SYGNA|CRYPTO|KRIPTO|CRIPTO|TRADING|ALTCOIN|FUTURES|NEWS|"
                           r"SCALP|DAYTRAD|LAYER\d|DEFI|GAMEFI|MEMECOIN|METAVERSE|WEB3|DEPIN|NARRATIVE")


_CHANNEL_NAME_STEM = re.compile(r"WHALE|CLUB|KING|VIP|CALLS|GROUP|ACADEMY|TEAM|COMMUNITY|GANG|ARMY|HUB|ROOM|CHANNEL|GUILD")


# Short tags of a sector, a narrative or a disclaimer ("#RWA", "#DeFi", "#L2", "#NFA", "#DYOR", "#GEM")
_SECTOR_TAGS = frozenset({"RWA", "RWAS", "DEFI", "L1", "L2", "MEME", "MEMES", "GEM", "GEMS", "NFA", "DYOR", "DEPIN", "GAMEFI"})


def without_generic_tags(candidates: list[SymbolCandidate], tokens: list[Token]) -> list[SymbolCandidate]:
    """Beside another tag, a tag made of a generic word ("#SEGNALE #CRYPTO #ALTCOINS #APT") is the channel's topic, no
    coin (alone, "#CRYPTOKINGS" may still be read — and held — as one)."""
    tags = [c for c in candidates if tokens[c.position].kind == Kind.TAG]
    generic = [c for c in tags if len(c.base) >= 5 and _GENERIC_STEM.search(c.base) and c.base not in _KNOWN_TICKERS]
    if any(c.base in _SECTOR_TAGS for c in tags) and any(c.base in _KNOWN_TICKERS for c in tags):
        # ("#ONDO #SPOT #filled … #RWA", "#GEM #NFA #DYOR #SOL"): a short tag of a sector or a disclaimer beside the tag of a
        # ticker we know is the post's topic, no second coin
        generic += [c for c in tags if c.base in _SECTOR_TAGS and c not in generic]
    # (session 27, money27: "🐳 #ETHWHALESCLUB — LINK: dumping the whole position …", "#CRYPTOKING 👑 avax short — …
    # fully closed"): a tag of the channel's own name — a club, a king, whales, a VIP room — beside a coin we know,
    # tagged or bare, is the channel's signature, no second coin
    others_known = any(c.base in _KNOWN_TICKERS for c in candidates)
    generic += [c for c in tags if c not in generic and len(c.base) >= 6 and _CHANNEL_NAME_STEM.search(c.base)
                and c.base not in _KNOWN_TICKERS and others_known]
    if not generic or len(generic) == len(tags):
        return candidates
    return [c for c in candidates if c not in generic]


def _coin(word: str, rank: int, position: int, allow_glued: bool = True) -> SymbolCandidate | None:
    raw = word.lstrip("#$")
    perpetual = False
    if raw.lower().endswith(".p"):
        raw, perpetual = raw[:-2], True
    elif raw.upper().endswith("PERP") and len(raw) > 6:
        raw, perpetual = raw[:-4], True
    elif _KUCOIN_PERP.search(raw.upper()):
        perpetual = True
    if _TIMEFRAME_RE.match(raw) or _INDICATOR_PERIOD_RE.match(raw):
        return None
    if raw[:1].isdigit() and (sum(ch.isalpha() for ch in raw) < 2 or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", raw, re.IGNORECASE)):
        return None  # "1R", "2R", "3D": multiples and counts; digit-led coins have a name ("1INCH", "1000PEPE")
    if _NUMBER_PLACEHOLDER_RE.fullmatch(raw):
        return None  # ("Call #1xx", "Signal #2XX", "Trade #10x"): a call's number with its digits left out, no coin
    if re.fullmatch(r"0x[0-9a-f]{4,}(?:[.…]+[0-9a-f]*)?", raw, re.IGNORECASE):
        return None  # ("0x7a3f just closed …", "0x91c2…e4a0"): a wallet's address, no coin
    if allow_glued and (forex := forex_pair(raw)) is not None:
        return SymbolCandidate(*forex, max(rank, EXPLICIT), position, perpetual)  # ("EURUSD", "#GBPJPY", "XAUUSD")
    base, quote = split_glued(raw) if allow_glued else (_ALIASES.get(raw.upper(), raw.upper()), None)
    if quote is not None and (m := _EXCHANGE_PREFIX.match(base)) and len(base) - m.end() >= 2:
        base = base[m.end():]  # "BYBITETHUSDT.P": TradingView's "BYBIT:ETHUSDT.P" with its colon lost
    if not _BASE_RE.match(base) or base in (NOT_COINS if quote is None else NEVER_A_BASE):
        return None
    if quote is None and word[:1] in "#$" and COIN_NAMES.get(raw.lower(), base) != base:
        # ("#BITCOIN long 95000", "#Solana"): a tag of a coin's name names that coin — by its name, a weaker sign than
        # its ticker (held for review, as a name in words is)
        return SymbolCandidate(COIN_NAMES[raw.lower()], "USDT", rank, position, perpetual, weak=True)
    if quote is None:
        return SymbolCandidate(base, "USDT", rank, position, perpetual)
    if len(base) > 10:
        # ("#CryptoWhalesBTC": no ticker is that long — a channel's name ending in a quote's letters is no pair, and
        # never outranks the coin a "Pair:" label names)
        return SymbolCandidate(raw.upper(), "USDT", rank, position, perpetual) if _BASE_RE.match(raw.upper()) else None
    return SymbolCandidate(base, quote, max(rank, EXPLICIT), position, perpetual)


# Prepositions between a side word and its coin ("лонг по DOGE", "SUI me long", "long on SOL").
_SIDE_CONNECTORS = frozenset(["по", "на", "on", "in", "me", "mein", "em", "no", "na", "su", "sur", "en", "auf", "için",
                              "icin", "trên", "di", "de", "del", "do", "da", "con", "with", "avec", "mit", "ile", "com",
                              "ng",  # (tl "Bili ng SUI": buy SUI)
                              # (he "לונג על BNB", ro "long pe SOL": "on"; nl "op" is also the coin OP)
                              "על", "pe"])
SIDE_CONNECTORS = _SIDE_CONNECTORS
# The market named between a side word and its coin ("Mua spot ORDI", "LONG futures SOL")
_MARKET_WORDS = frozenset(["spot", "futures", "perp", "perpetual"])


def _topic_tag(text: str) -> bool:
    """"#CryptoSignals", "#WhaleAlerts": a CamelCase word tag is a channel's or topic's name, not a ticker (coins are
    tagged in capitals or written whole in lower case; a quote glued on, "#Btcusdt", still names a coin)."""
    word = text.lstrip("#$")
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 6 and any(c.isupper() for c in letters[1:]) and any(c.islower() for c in letters) \
        and split_glued(word)[1] is None


def _signal_id_tag(tokens: list[Token], i: int) -> bool:
    """"#AV-0416", "#SIG-231": a tag glued by a hyphen to a number of three digits or more is a call's id (a coin we
    know stays one unless its number is zero-padded, as ids are)."""
    tag = tokens[i]
    if i + 2 >= len(tokens):
        return False
    dash, num = tokens[i + 1], tokens[i + 2]
    if dash.kind != Kind.SEP or dash.text != "-" or num.kind != Kind.NUM \
            or dash.start != tag.start + len(tag.text) or num.start != dash.start + 1:
        return False
    digits = num.text
    if not digits.isdigit() or len(digits) < 3:
        return False
    return digits.startswith("0") or tag.text.lstrip("#$").upper() not in _KNOWN_TICKERS


def _is_side_label(tok: Token | None, line: int) -> bool:
    return tok is not None and tok.kind == Kind.LABEL and tok.line == line \
        and tok.field in (Field.LONG, Field.SHORT, Field.BUY, Field.SELL)


def _one_apart(tokens: list[Token], i: int) -> list[tuple[Token, Token]]:
    """(token next to i, token one further) on each side."""
    pairs = []
    if i >= 2:
        pairs.append((tokens[i - 1], tokens[i - 2]))
    if i + 2 < len(tokens):
        pairs.append((tokens[i + 1], tokens[i + 2]))
    return pairs


def _side_has_its_coin(tokens: list[Token], i: int, near: Token) -> bool:
    """Session 23: the side word across a dash from the word at i has a capitalised word or a tag on its other side
    ("BTC LONG - ONE more chance!": BTC is the side word's coin, the word after the dash is the sentence going on)."""
    other = i - 3 if near is tokens[i - 1] else i + 3
    if not 0 <= other < len(tokens):
        return False
    tok = tokens[other]
    return tok.line == tokens[i].line and (
        tok.kind == Kind.TAG or tok.kind == Kind.WORD and tok.text.isupper() and len(tok.text) >= 2
        and tok.text not in NOT_COINS)


def symbol_candidates(tokens: list[Token]) -> list[SymbolCandidate]:
    found: list[SymbolCandidate] = []
    # (a tag no ticker could be — longer than any, or not ASCII: "#TOPTRADERSHUB", "#CRIPTOSEÑALES" — is a channel's)
    tagged = any(t.kind == Kind.TAG and len(t.text) <= 11 and t.text[1:].isascii() for t in tokens)
    letters = [c for t in tokens if t.kind in (Kind.WORD, Kind.LABEL, Kind.TAG) for c in t.text if c.isalpha()]
    # A post written all in capitals ("SINAL DE SHORT EM #LINK"): a capitalised word beside a side word is no sign of
    # a ticker there, the tag is.
    shouting = len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    # ("SEGNALE 🔴 SHORT su #FIL", "NUOVO SHORT su #FIL"): a tag of a coin we know outranks a capitalised word we do
    # not know beside the side word — that word is the post's heading in its language
    tags = [t.text for t in tokens if t.kind == Kind.TAG and not _topic_tag(t.text)]
    known_tag = any(tag[1:].upper() in _KNOWN_TICKERS for tag in tags)
    # (the tags that name a coin at all: a word we do not know against one of them is held — read once per post)
    coin_tags = [tag[1:].upper() for tag in tags if _coin(tag, HASHTAG, 0) is not None]
    # (a cashtag names a coin — channels tag themselves with "#", never "$")
    cash_tags = [tag[1:].upper() for tag in tags if tag.startswith("$") and _coin(tag, HASHTAG, 0) is not None]
    bracket_named: list[SymbolCandidate] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # "#ENAUSDT P | SHORT": the perpetual marker written apart from its pair
        spaced_perp = nxt is not None and nxt.kind == Kind.WORD and nxt.text == "P" and nxt.line == tok.line
        if tok.kind == Kind.PAIR:
            m = _PAIR_SPLIT_RE.match(tok.text.strip())
            if not m:
                continue
            base, quote = m.group("base").upper(), m.group("quote").upper()
            base = _ALIASES.get(base, base)
            if " " in tok.text.strip() and not m.group("base").isupper():
                continue  # "Morning brief — BTC ranging": a spaced dash after a word in lower case joins no pair
            if forex_pair(base, quote) is not None:
                # ("EUR/USD", "USD/JPY"): a forex pair — read as written, and held as no coin's pair
                found.append(SymbolCandidate(base, quote, EXPLICIT, i, bool(m.group("suffix")) or spaced_perp))
                continue
            if base in _STABLECOINS and (quote in _UNTRADED_FIAT or quote in _FIAT_QUOTES):
                found.append(SymbolCandidate(base, quote, EXPLICIT, i, False))
                continue
            # ("#W/USDT": a one-letter coin written as a pair)
            if (quote in TRADABLE_QUOTES or quote in _UNTRADED_FIAT) \
                    and (_BASE_RE.match(base) or re.fullmatch(r"[A-Z]", base) and "/" in tok.text) \
                    and base not in NEVER_A_BASE:
                found.append(SymbolCandidate(base, quote, EXPLICIT, i, bool(m.group("suffix")) or spaced_perp))
        elif tok.kind == Kind.TAG:
            if _topic_tag(tok.text):
                continue
            if _signal_id_tag(tokens, i):
                continue  # ("#AV-0419", "#VIP-112"): a call's id, glued to its number — no coin
            if not tok.text[1:].isupper() and tok.text[1:].isalpha() and split_glued(tok.text[1:])[1] is None and any(
                    t.kind == Kind.TAG and t.text[1:].isupper() and t is not tok for t in tokens):
                continue  # "#sinyal #kripto #OP", "#ATOM #Cosmos #Crypto": topic words beside the coin's capitals
            next_to_side = any(_is_side_label(t, tok.line) for t in (prev, nxt)) and not any(
                t.kind == Kind.TAG and t.line == tok.line and t is not tok for t in tokens)  # ("#ETH #SOL long": both)
            # ("#NEAR LONG" below "Yesterday's calls: #SOL +12% #AVAX +8%": the tag beside the side word is the call)
            cand = _coin(tok.text, LABELLED if _previous_label(tokens, i) == Field.SYMBOL
                         else NAMED if next_to_side else HASHTAG, i)
            if cand is None and re.fullmatch(r"[#$][A-Z]", tok.text):
                cand = SymbolCandidate(tok.text[1], "USDT", HASHTAG, i)  # "#W", "#T": one-letter coins, tagged
            if cand and spaced_perp and cand.quote != "USDT" or cand and spaced_perp and split_glued(tok.text.lstrip("#$"))[1]:
                cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, True)
            if cand:
                found.append(cand)
        elif tok.kind == Kind.WORD:
            word = tok.text
            after_symbol_label = _previous_label(tokens, i) == Field.SYMBOL
            # (a known ticker in lower case is the coin only ending its line: "coin ondo"; "coin near the 200 EMA" goes on)
            if after_symbol_label and prev is not None and prev.kind == Kind.LABEL and not word.isupper() \
                    and word.lower() not in COIN_NAMES and not (word.upper() in _KNOWN_TICKERS and (
                        nxt is None or nxt.line != tok.line or nxt.kind == Kind.SEP)):
                # ("This coin will fly", "Pair looks strong on 4H", "Esta moneda va a volar"): with no colon between,
                # the word after "coin"/"pair" in lower case is the sentence going on, not a ticker
                after_symbol_label = False
            next_to_side = any(_is_side_label(t, tok.line) for t in (prev, nxt)) or any(
                _is_side_label(far, tok.line) for near, far in _one_apart(tokens, i)
                if near.kind == Kind.WORD and (near.text.lower() in _SIDE_CONNECTORS or near.text.lower() in _MARKET_WORDS)
                or near.text == ":" and near is nxt  # ("so we take SOL: long 162.5")
                or near.text == ")" and near is prev  # ("Posisi JUAL (short) NEAR": the side in brackets, then the coin)
                or near.kind == Kind.SEP and near.text in "-|" and not _pair_like(tokens, i)
                and not _side_has_its_coin(tokens, i, near)) \
                or _after_an_entry_label(tokens, i) \
                or _side_across_market_words(tokens, i) or _side_before_tagalog_words(tokens, i) \
                or _opened_position_in(tokens, i)
            if after_symbol_label:
                bracketed = tokens[i + 2] if i + 3 < len(tokens) and nxt is not None and nxt.text == "(" \
                    and tokens[i + 3].text == ")" and tokens[i + 2].kind == Kind.WORD else None
                if bracketed is not None and bracketed.text.upper() in ("USDT", "USDC", "BUSD", "FDUSD", "TUSD", "USD"):
                    # "COIN NAME: MEW(USDT)": the coin, then its quote in brackets
                    cand = _coin(word, LABELLED, i)
                    if cand is not None:
                        cand = SymbolCandidate(cand.base, bracketed.text.upper(), cand.rank, cand.position, cand.perpetual)
                elif bracketed is not None and re.fullmatch(r"[A-Z]", word) and bracketed.text.isalpha() \
                        and bracketed.text.isupper() and bracketed.text not in _KNOWN_TICKERS:
                    # ("COIN: G (GRAVITY)", "COIN: G (GOOD)" in capitals): a one-letter ticker, a word in brackets —
                    # traded only when the word is that coin's project name, else held (never the word as a ticker)
                    known = ONE_LETTER_NAMES.get(word) == bracketed.text.lower()
                    cand = SymbolCandidate(word, "USDT", LABELLED, i, weak=not known)
                elif bracketed is not None and bracketed.text.isupper() and bracketed.text[0].isalpha() \
                        and not re.fullmatch(r"[MHDW]\d{1,3}", bracketed.text):
                    # "Coin: Avalanche (AVAX)": the ticker in brackets is the coin, the word before it its name ("PAIR:
                    # AVAXUSDT (1H)", "(H4)": a timeframe in brackets is a note)
                    cand = _coin(bracketed.text, LABELLED, i + 2)
                elif word.lower() in COIN_NAMES:
                    cand = SymbolCandidate(COIN_NAMES[word.lower()], "USDT", LABELLED, i)  # "Coin: Chainlink"
                elif bracketed is not None and re.fullmatch(r"[A-Z]", word) and _project_name(tokens, i + 2, word):
                    # ("Coin: G (Gravity)", "Pair: W (Wormhole)"): a one-letter ticker, its project's name in brackets
                    # — held unless the name is that coin's ("Coin: G (Good)", "C (Chart)": a grade or a note)
                    known = ONE_LETTER_NAMES.get(word) == bracketed.text.lower()
                    cand = SymbolCandidate(word, "USDT", LABELLED, i, weak=not known)
                else:
                    # ("MEME COIN SEASON 🚀 / #WIF LONG …"): with no colon after "coin", a shouted word may be the
                    # heading going on — it ranks as a tag does, so a tag beside the side word wins and two tags hold
                    cand = _coin(word, HASHTAG if prev is not None and prev.kind == Kind.LABEL and word.isupper()
                                 and word not in _KNOWN_TICKERS else LABELLED, i)
            elif word.lower() in _SIDE_CONNECTORS:
                cand = None  # "SHORT EM #LINK", "LONG SU #MATIC": connectors in capitals are no tickers
            elif word.isupper() and _after_a_reentry_word(tokens, i) and not (shouting and word not in _KNOWN_TICKERS) \
                    and (cand := _coin(word, NAMED, i)) is not None:
                # ("re-entry SUI 🔁 / long 4.95-5.00 …", "Reload ORDI", "Back in SUI"): the ticker right after a re-entry
                # word is the coin entered again — one we do not know is read, and held
                if cand.base not in _KNOWN_TICKERS or word.lower() in COIN_NAMES:
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
            elif word.isupper() and _signal_id_tag(tokens, i):
                # (session 27, day27) "LD-0712 ARB · ticket closed", "VX-0419 SOL": a desk's ticket number heading
                # the post — letters glued by a hyphen to a zero-padded number — is no coin, as a tagged id is not
                cand = None
            elif word.isupper() or word[:1].isdigit():
                # "Solana (SOL)", "arbitrum (ARB)": a ticker in brackets after the coin's name is named on purpose
                # ("SL: 1.96 (SAFE)", "0.85 (OPTIONAL)": a word in brackets after a price is a note, not a ticker)
                # (only after the coin's name: "#S LONG (SONIC)" brackets the name after the side word)
                in_brackets = prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" \
                    and i >= 2 and tokens[i - 2].kind == Kind.WORD
                named = (next_to_side and not (shouting and tagged)
                         and not (known_tag and word.upper() not in _KNOWN_TICKERS)) or in_brackets
                # ("SHORT ON POLKADOT (DOT)": a word right before a bracketed ticker is that coin's name)
                # ("ETHUSDT (M15)": a pair with its quote is no coin's name, whatever follows it in brackets)
                before_ticker = nxt is not None and nxt.text == "(" and i + 3 < len(tokens) \
                    and split_glued(word)[1] is None \
                    and tokens[i + 2].kind == Kind.WORD and tokens[i + 2].text.isupper() and tokens[i + 3].text == ")"
                cand = None if before_ticker or _pronoun_of_positions(tokens, i) else _coin(word, NAMED if named else 0, i)
                if cand is not None and not named and _ticker_before_its_name(tokens, i):
                    # ("⛽ GAS (Neo) — spot buy"): a ticker heading the call's line, its project's name in brackets —
                    # named on purpose; ranked as a tag (any tag or pair of another coin wins; see _bracket_named), and
                    # held unless the name is the one we know for it
                    known = COIN_NAMES.get(tokens[i + 2].text.lower()) == cand.base
                    cand = SymbolCandidate(cand.base, cand.quote, HASHTAG, i, cand.perpetual, weak=not known)
                    bracket_named.append(cand)
                if cand is not None and word.lower() in COIN_NAMES:
                    # ("SOLANA LONG" in capitals: the coin's name, never a ticker "SOLANA")
                    cand = SymbolCandidate(COIN_NAMES[word.lower()], "USDT", cand.rank, i)
                elif cand is not None and named and cand.base not in _KNOWN_TICKERS \
                        and any(tag != word.upper() for tag in cash_tags):
                    # ("⚡️FLASH SHORT⚡️ $BOME"): a capitalised word we do not know against a cashtag is the heading
                    cand = None
                elif cand is not None and named and cand.base not in _KNOWN_TICKERS \
                        and any(tag != word.upper() for tag in coin_tags):
                    # ("SEGNALE SHORT su #ZRO"): a word we do not know against a coin the post tags — held, not guessed
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
                elif cand is not None and named and cand.base not in _KNOWN_TICKERS \
                        and any(j != i and t.kind == Kind.WORD and t.line == tok.line and t.text in _KNOWN_TICKERS
                                for j, t in enumerate(tokens)):
                    # (session 24: "1000PEPE & CHILL — LONG"): a capitalised word we do not know beside the side word,
                    # with a ticker we know on the same line — which is the coin is a guess: held
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
            elif i == 0 and next_to_side and word.isalpha() and word.islower() and len(word) <= 7 and not tagged:
                # "sol buy 142.5 ...", "ethbtc long ...": a lower-case coin opening a one-line call, right before its
                # side word (not when the post tags its coin: "apro long su #matic")
                cand = _coin(word, NAMED, i, allow_glued=len(word) >= 6)
                after_side = tokens[i + 2] if i + 2 < len(tokens) else None
                if cand is not None and cand.base not in _KNOWN_TICKERS and after_side is not None \
                        and after_side.kind == Kind.WORD and after_side.text.upper() in _KNOWN_TICKERS:
                    cand = None  # "quick short arb ...": the known ticker after the side word is the coin
                elif cand is not None and cand.base not in _KNOWN_TICKERS:
                    # ("going long from 5.12 ..." names no coin): a lower-case word we do not know as a ticker
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
            elif next_to_side and word.isalpha() and (word.islower() or word.istitle()) \
                    and word.upper() in _KNOWN_TICKERS and word.lower() not in FILLER_WORDS:
                # (and in title case: "Sol buy now 187.60", "Sell Aave @186.6")
                # "long doge", "шорт по ton", "venta en link": a ticker we know, written in lower case beside the side
                # word — read as the coin, and held (a lower-case word is never sure)
                cand = _coin(word, NAMED, i, allow_glued=False)
                if cand is not None:
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
            elif word.islower() and _LOWER_GLUED_PAIR.fullmatch(word):
                # "btcusdt.p short": a pair glued to its quote, in lower case — read, and held
                cand = _coin(word, NAMED, i)
                if cand is not None:
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
            elif word.isalpha() and word.islower() and lower_coin_a_few_words_after_side(tokens, i):
                # Session 25: "shorting the pump on doge .1840 …", "buying some ada spot 0.452 …", "short on near at 5.12
                # …": a ticker we know in lower case a few words after the side word, a price or a level's word right
                # after it — read as the coin, and held (a lower-case word is never sure)
                cand = _coin(word, NAMED, i, allow_glued=False)
                if cand is not None:
                    cand = SymbolCandidate(cand.base, cand.quote, cand.rank, cand.position, cand.perpetual, weak=True)
            else:
                cand = None
            if cand:
                found.append(cand)
    if bracket_named and any(c.rank > 0 and c not in bracket_named and c.base not in {b.base for b in bracket_named}
                             for c in found):
        # (a tag, a pair or a labelled coin elsewhere names the call's coin: the bracketed heading is no rival to it)
        found = [c for c in found if c not in bracket_named]
    return found


# Session 25: the words a phone-typed call puts between its side word and its coin ("shorting the pump on doge", "longing
# this dip on link", "buying some ada", "short on near"): the last one before the coin is one of these
_BEFORE_LOWER_COIN = frozenset(["on", "in", "some", "more", "a", "the", "this", "that", "my", "bit", "little", "bag", "of"])
# ... and what follows the coin: a price, a level's label, the market, or a word of the order
_AFTER_LOWER_COIN = frozenset(["at", "@", "here", "now", "rn", "spot", "perp", "futures", "levels", "from", "around",
                               "entry", "entries", "between", "zone", "tp", "sl"])


def lower_coin_a_few_words_after_side(tokens: list[Token], i: int) -> bool:
    """Session 25: the lower-case word at i is a ticker we know (no filler of a sentence but "near"), up to four words
    after a side word on its line, the word right before it one of _BEFORE_LOWER_COIN (or the side word itself), with no
    separator, number or other ticker between; right after it a price, a level's label, leverage, a word of the order,
    or the end of its line ("near the support", "link in bio", "one more thing" go on as sentences: never read)."""
    tok = tokens[i]
    word = tok.text
    if word.upper() not in _KNOWN_TICKERS or word.upper() in NOT_COINS or len(word) < 2 \
            or word in FILLER_WORDS and word != "near":
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if not (nxt is None or nxt.line != tok.line or nxt.kind in (Kind.NUM, Kind.LEV)
            or nxt.kind == Kind.LABEL and nxt.field not in (Field.LONG, Field.SHORT, Field.BUY, Field.SELL)
            or nxt.kind == Kind.WORD and nxt.text.lower() in _AFTER_LOWER_COIN):
        return False
    prev = tokens[i - 1] if i > 0 else None
    if prev is None or prev.line != tok.line:
        return False
    if _is_side_label(prev, tok.line):
        # ("long near 0.52": "near" straight after the side word is the preposition — long around 0.52)
        return word not in FILLER_WORDS
    if prev.kind != Kind.WORD or prev.text.lower() not in _BEFORE_LOWER_COIN:
        return False
    for back in range(i - 2, max(i - 6, -1), -1):
        t = tokens[back]
        if t.line != tok.line:
            return False
        if _is_side_label(t, tok.line):
            return True
        if t.kind != Kind.WORD or not t.text.isalpha() or not t.text.islower() or t.text.upper() in _KNOWN_TICKERS:
            return False
    return False


# Heading words that a project-like word in brackets may follow ("NOTE (Important)", "UPDATE (Binance)") — no tickers
_NOTE_WORDS = frozenset(["NOTE", "NOTES", "WARNING", "BONUS", "TIP", "TIPS", "INFO", "PS", "NB", "ETA", "TBA", "HOT", "TOP",
                         "FREE", "NEW", "ALERT", "UPDATE", "RECAP", "REMINDER", "IMPORTANT", "DISCLAIMER", "EDIT", "FAQ"])


def _project_name(tokens: list[Token], k: int, ticker: str) -> bool:
    """The word at `k`, closed by a bracket, reads as a project's name for `ticker`: one word in title case ("Gravity",
    "Neo", "Wormhole") — not an acronym spelled out ("NFA (Not Financial Advice)": several words), not a note's heading."""
    name = tokens[k]
    if name.kind != Kind.WORD or not name.text.isalpha() or not name.text.istitle() \
            or k + 1 >= len(tokens) or tokens[k + 1].text != ")":
        return False
    return ticker not in _NOTE_WORDS and name.text.lower() not in FILLER_WORDS


def _ticker_before_its_name(tokens: list[Token], i: int) -> bool:
    """"GAS (Neo) — spot buy": a capitalised word first on its line, a project's name in brackets right after it, and a
    side word on the same line or the next."""
    tok = tokens[i]
    if i + 3 >= len(tokens) or tokens[i + 1].text != "(" or not _project_name(tokens, i + 2, tok.text):
        return False
    if any(t.line == tok.line and t.kind in (Kind.WORD, Kind.TAG, Kind.PAIR, Kind.NUM, Kind.LABEL) for t in tokens[:i]):
        return False
    return any(t.kind == Kind.LABEL and t.field in (Field.LONG, Field.SHORT, Field.BUY, Field.SELL)
               and tok.line <= t.line <= tok.line + 1 for t in tokens[i + 4:])


_LOWER_GLUED_PAIR = re.compile(r"[a-z0-9]{2,10}(?:usdt|usdc|busd|fdusd)(?:\.p|perp)?")


_KNOWN_TICKERS = frozenset(COIN_NAMES.values()) | {"BNB", "PEPE", "BONK", "FLOKI", "SEI", "SUI", "NEAR", "JUP", "PYTH",
                                                  "ORDI", "STX", "IMX", "GRT", "LDO", "CRV", "AAVE", "MKR", "SAND", "AXS",
                                                  "APE", "GMX", "DYDX", "BLUR", "TAO", "FET", "RNDR", "RENDER", "ONDO", "KAVA"} \
    | {"1000" + meme for meme in ("PEPE", "SHIB", "BONK", "FLOKI", "SATS", "LUNC", "XEC", "RATS", "CAT")} \
    | {"1MBABYDOGE", "10000LADYS"}  # (the futures' thousand-unit contracts of the small-priced coins: "1000PEPE")

KNOWN_TICKERS = _KNOWN_TICKERS  # (normalize reads it: look-alike letters are converted only into a ticker we know)

def _pair_like(tokens: list[Token], i: int) -> bool:
    """"SEI - USDT": the word and a quote joined by a dash are a pair, not a coin beside a side word."""
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    return after is not None and after.text.upper() in ("USDT", "USDC", "USD", "BUSD", "FDUSD", "BTC", "ETH")


def _glued_quote(word: str) -> bool:
    return split_glued(word.lstrip("#$"))[1] is not None


def _previous_label(tokens: list[Token], i: int) -> Field | None:
    """The label this word belongs to, if it is the first word after a label on the same line."""
    j = i - 1
    while j >= 0 and tokens[j].kind == Kind.SEP and tokens[j].line == tokens[i].line:
        j -= 1
    if j >= 0 and tokens[j].kind == Kind.LABEL and tokens[j].line == tokens[i].line:
        return tokens[j].field
    return None


def credible_bare(candidate: SymbolCandidate, tokens: list[Token]) -> bool:
    """A capitalised word taken as the coin without a tag: in a post written all in capitals ("SE CIERRA TODO …") every
    word is capitalised, so only a ticker we know counts."""
    letters = [c for t in tokens if t.kind in (Kind.WORD, Kind.LABEL) for c in t.text if c.isalpha()]
    shouting = len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    return not shouting or candidate.base in _KNOWN_TICKERS


# (session 23, partial23) "Close ONE of your BTC positions", "close ANY of the longs", "Close ONE position on BTC": a
# quantifier in capitals for emphasis, then "of" or the position's word — the pronoun, never the coin ONE or ANY ("Close
# ONE long", "#ONE", "ONE/USDT" still name Harmony)
_QUANTIFIERS = frozenset(["one", "any", "each", "some", "another"])


def _pronoun_of_positions(tokens: list[Token], i: int) -> bool:
    word = tokens[i]
    if word.kind != Kind.WORD or word.text.lower() not in _QUANTIFIERS or i + 1 >= len(tokens) \
            or tokens[i + 1].line != word.line:
        return False
    return tokens[i + 1].text.lower() in ("of", "position", "positions", "trade", "trades")


def close_target(tokens: list[Token]) -> SymbolCandidate | None:
    """The coin named right after a close/cancel command ("Close algo", "Cancel TRB"), any case."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind == Kind.WORD and tok.text.lower() in _CLOSE_VERBS:
            nxt = tokens[i + 1]
            if nxt.start - tok.start - len(tok.text) > 2:
                continue  # ("pozisyonu kapatın ❗ Piyasa ters döndü": an emoji or a mark ends the command first)
            if nxt.line == tok.line and nxt.kind == Kind.WORD and nxt.text.lower() in COIN_NAMES:
                # ("Закрываем эфир, #BTC слабый": the coin after the verb is named in words)
                return SymbolCandidate(COIN_NAMES[nxt.text.lower()], "USDT", NAMED, i + 1)
            # ("trade close / 📈 Win rate 87%": the word after the verb on the next line is another sentence)
            if nxt.line == tok.line and nxt.kind in (Kind.WORD, Kind.TAG) and nxt.text.lower() not in _CLOSE_FILLERS \
                    and not (nxt.kind == Kind.WORD and nxt.text.lower() in _CLOSED_SUBJECT_NOUNS
                             and nxt.text.upper() not in _KNOWN_TICKERS) \
                    and not (nxt.kind == Kind.WORD and nxt.text.islower() and nxt.text in _FUNCTION_WORDS) \
                    and not _pronoun_of_positions(tokens, i + 1) \
                    and (nxt.kind == Kind.TAG or not nxt.text.islower() or nxt.text.upper() in _KNOWN_TICKERS
                         or len(nxt.text) <= 5):
                # ("Close algo": a ticker we know, in lower case; "cerrando semana en verde", "cerrando posiciones
                # antes del FOMC": a lower-case word of the language is no coin)
                return _coin(nxt.text, NAMED, i + 1)
        # ("Stopped out on ordi 😔 -1R", "got stopped out of link", "SL hit on arb"): the coin the stop-out names after it — in
        # lower case only a ticker we know
        if tok.kind == Kind.WORD and tok.text.lower() in ("on", "of", "in") and i >= 1 and i + 1 < len(tokens) \
                and (tokens[i - 1].text.lower() in ("stopped", "out", "hit", "triggered") and i >= 2
                     and (tokens[i - 1].text.lower() == "stopped" or tokens[i - 2].text.lower() in ("stopped", "sl", "stop"))) \
                and tokens[i + 1].line == tok.line and tokens[i + 1].kind in (Kind.WORD, Kind.TAG) \
                and tokens[i + 1].text.lower() not in _CLOSE_FILLERS \
                and (tokens[i + 1].kind == Kind.TAG or tokens[i + 1].text.upper() in _KNOWN_TICKERS):
            return _coin(tokens[i + 1].text, NAMED, i + 1)
        # "we're out of link at breakeven"
        if tok.kind == Kind.WORD and tok.text.lower() == "out" and i + 2 < len(tokens) \
                and tokens[i + 1].text.lower() == "of" and tokens[i + 2].kind in (Kind.WORD, Kind.TAG) \
                and tokens[i + 2].text.lower() not in _CLOSE_FILLERS:
            return _coin(tokens[i + 2].text, NAMED, i + 2)
    return None


_CLOSE_VERBS = frozenset(["close", "closing", "exiting", "cancel", "exit", "cut", "cutting", "kill", "killing", "taking", "закрыть", "закрываем", "закрываю", "kapat", "kapatın", "cerrar", "cerramos", "cerrando", "fechando", "chiudendo", "fechar", "cancelar", "iptal", "отмена", "schließen", "schliessen", "fermer", "fermez", "clôturer", "chiudere", "chiudi", "chiudiamo", "zamknij", "zamykamy", "закриваємо", "закрити", "закриваю", "закрийте", "закрий", "закройте", "закрой", "закрываем", "batalkan", "batal"])
_CLOSE_FILLERS = frozenset(["all", "the", "a", "my", "your", "our", "this", "that", "these", "those", "position", "positions", "trade", "trades", "order", "orders", "everything", "now", "half", "partial", "it", "them",
                            # ("trade close Score 88/100", "… close Volume 2.3x": a note's field after the verb)
                            "score", "rating", "confidence", "volume", "risk", "size", "rsi", "funding", "tf", "win", "rate",
                            "todo", "todos", "todas", "toda", "tudo", "entera", "entero", "completa", "completo",
                            "все", "всё", "весь", "всю", "tüm", "la", "las", "los", "as", "os", "mitad", "metade",
                            "every", "tutte", "tutti", "le", "wszystko", "wszystkie", "toutes", "tous", "les", "alle",
                            "bütün", "butun", "tutto", "hepsini", "hepsi", "jetzt", "sofort", "ahora", "agora",
                            "сейчас", "şimdi", "simdi", "maintenant", "adesso", "alles",
                            "soon", "here", "out", "at", "in", "on", "up", "down", "early", "manually", "manual", "fully",
                            "completely", "partially", "price",
                            # "Cerramos ambas", "close both": both running trades, no coin
                            "ambas", "ambos", "both", "mes", "mês", "dia", "día", "año", "ano", "week", "month", "day", "year", "mese", "beide", "entrambe", "entrambi", "duas", "dois",
                            # ("Wir schließen die Woche komplett im Plus"): articles, and the period a close talks about
                            "die", "der", "das", "den", "el", "il", "lo", "gli", "o", "un", "une", "una", "ein", "eine",
                            "woche", "monat", "tag", "jahr", "semaine", "mois", "jour", "semana", "settimana", "tydzień",
                            "неделю", "месяц", "день", "hafta", "hafta'yı", "ay", "gün", "komplett", "vollständig", "ganz",
                            # ("#SOL schließen wir jetzt", "fermons nous"): the subject after the verb, no coin
                            "wir", "ich", "nous", "noi", "we"])

# Session 27 (heldout27): the subject, chapter or trade a close verb ends — "Zamykamy temat" (we close the topic), "cerramos
# el tema", "on clôt le sujet", "closing this chapter", "закрываем вопрос", "konuyu kapatıyoruz" — is a noun of the
# language, never the coin closed (it was once read as a close of coin TEMAT)
_CLOSED_SUBJECT_NOUNS = frozenset([
    "topic", "subject", "matter", "chapter", "story", "case", "issue", "deal", "session", "book", "books", "thread",
    "discussion", "chat", "temat", "tematu", "sprawę", "sprawe", "sprawa", "kwestię", "kwestie", "kwestia", "rozdział",
    "rozdzial", "sesję", "sesje", "sesja", "dzień", "dzien", "pozycję", "pozycje", "pozycja", "transakcję", "transakcje",
    "tema", "asunto", "assunto", "argomento", "discorso", "capítulo", "capitulo", "capitolo", "caso", "historia",
    "história", "storia", "sessão", "sesión", "sessione", "operación", "operacion", "operação", "operacao",
    "operazione", "posición", "posicion", "posição", "posicao", "posizione", "sujet", "chapitre", "dossier", "affaire",
    "histoire", "séance", "seance", "opération", "thema", "kapitel", "sache", "geschichte", "sitzung", "onderwerp",
    "hoofdstuk", "zaak", "verhaal", "positie", "тему", "тема", "вопрос", "главу", "сделку", "позицию", "сессию", "konu",
    "konuyu", "bölümü", "bolumu", "işlemi", "islemi", "pozisyonu",
    # every trade of a side ("Zamykamy longi" was read as a close of coin LONGI)
    "longs", "shorts", "longi", "shorty", "longów", "longow", "shortów", "shortow", "лонги", "шорты", "лонгов", "шортов",
    "longlar", "shortlar", "longları", "shortları"])


# Session 22 (money52): a lower-case word of the language's grammar — a determiner, quantifier, pronoun or possessive
# — after a close or cancel verb is never the coin closed, though a ticker may spell the same ("cancel any orders" is no
# close of ANY, "close one of them" none of ONE, "cancela cualquier orden", "annulez toute position", "storniert jede
# Order", "batalkan semua order"). Only in lower case: "Close ANY", "#ONE" still name the coin.
_FUNCTION_WORDS = frozenset([
    "any", "some", "each", "other", "another", "his", "her", "their", "its", "no", "one", "ones", "more", "most", "few",
    "such", "which", "what", "whatever", "anything", "for", "to", "and", "or", "you", "me", "us", "so", "if", "of", "off",
    "yours", "mine", "ours", "remaining", "open", "pending", "existing", "active", "current", "old", "previous",
    # es / pt / it
    "cualquier", "cualquiera", "algún", "alguna", "algunas", "algunos", "ningún", "ninguna", "cada", "otra", "otro",
    "otras", "otros", "su", "sus", "tu", "tus", "mis", "nuestra", "nuestras", "nuestro", "nuestros", "esa", "ese", "esta",
    "este", "esas", "esos", "qualquer", "alguma", "algumas", "nenhuma", "nenhum", "outra", "outras", "sua", "suas", "seu",
    "seus", "minhas", "meus", "nossa", "nossas", "essa", "esse", "qualsiasi", "ogni", "nessun", "nessuna", "vostri",
    "vostre", "vostro", "vostra", "nostri", "nostre", "questa", "questo", "queste", "questi",
    # fr / de / nl
    "toute", "aucun", "aucune", "chaque", "vos", "votre", "nos", "notre", "mes", "ses", "ce", "cette", "ces", "jede",
    "jeden", "jedes", "jeder", "keine", "eure", "euer", "eurer", "unsere", "unser", "ihre", "diese", "diesen", "dieses",
    "eventuelle", "elke", "alle", "jullie", "onze",
    # pl ("Zamykamy nasze shorty" was once read as a close of coin NASZE; session 27, heldout27)
    "nasze", "nasz", "nasza", "naszą", "naszych", "wasze", "wasz", "wasza", "waszą", "swoje", "swój", "swoją", "moje",
    "mój", "moją", "tę", "ten", "tą", "te", "tego", "każdą", "każdy", "każde", "resztę", "reszta", "pozostałe",
    # id / ms / tr / ru
    "semua", "setiap", "tiap", "sisa", "kalian", "kamu", "her", "bu", "şu", "herhangi", "любые", "любой", "любую",
    "свои", "свой", "эти", "этот", "эту",
    # the readers addressed, or a particle, after the verb ("cancel guys", "batal ya guys", "cerramos amigos")
    "guys", "gais", "gaes", "bro", "bros", "fam", "folks", "everyone", "team", "ya", "yah", "dulu", "aja", "saja",
    "amigos", "chicos", "gente", "leute", "ребята", "друзья"])


def _opened_position_in(tokens: list[Token], i: int) -> bool:
    """The word after "a spot position in", "a new long position in" ("Starting a spot position in RENDER — …"): the coin a
    prose call opens, named as a side word would name it (not "no position in BTC": the kind of position must be said)."""
    if i < 3:
        return False
    words = [t.text.lower() if t.kind in (Kind.WORD, Kind.LABEL) and t.line == tokens[i].line else "" for t in tokens[i - 3:i]]
    return words[2] in ("in", "on") and words[1] in ("position", "bag") and words[0] in ("spot", "long", "short", "swing", "new")


def _side_across_market_words(tokens: list[Token], i: int) -> bool:
    """"ONDO — SPOT buy", "ONDO | Spot | Buy", "ARB - FUTURES long": the word heads a run of dashes, bars and market
    words that ends in the side word on its line (a pair's dash, "SEI - USDT", is no such run)."""
    line = tokens[i].line
    seen_market = False
    for j in range(i + 1, min(i + 5, len(tokens))):
        tok = tokens[j]
        if tok.line != line:
            return False
        if _is_side_label(tok, line):
            return seen_market
        if tok.kind == Kind.WORD and tok.text.lower() in _MARKET_WORDS:
            seen_market = True
        elif not (tok.kind == Kind.SEP and tok.text in "-|:/" and not (j == i + 1 and _pair_like(tokens, i))):
            return False
    return False


# Tagalog words between the side word and its coin ("Short natin si AVAX": short — we — the (person's article) — AVAX;
# "Long tayo sa SOL", "Bili ko ang ETH", "Short natin AVAX"): pronouns, then an article — never tickers in these posts
_TAGALOG_PRONOUNS = frozenset(["natin", "tayo", "ko", "kami", "namin", "ako"])
_TAGALOG_ARTICLES = frozenset(["si", "ang", "sa", "ng"])


def _side_before_tagalog_words(tokens: list[Token], i: int) -> bool:
    """The side word, then a Tagalog pronoun and an article, or one of them, then the word ("si" alone is also the
    Spanish and French "if": "Short si BTC pierde 60k" — only after a pronoun)."""
    line = tokens[i].line
    words = []
    for j in range(i - 1, max(-1, i - 4), -1):
        tok = tokens[j]
        if tok.line != line:
            return False
        if _is_side_label(tok, line):
            break
        if tok.kind != Kind.WORD:
            return False
        words.insert(0, tok.text.lower())
    else:
        return False
    if len(words) == 2:
        return words[0] in _TAGALOG_PRONOUNS and words[1] in _TAGALOG_ARTICLES
    return len(words) == 1 and (words[0] in ("ang", "sa") or words[0] in ("natin", "tayo", "kami", "namin"))


# ("re-entry SUI", "RE-ENTER SUI", "Reload ORDI", "re-open LINK"): a re-entry word right before the word
_REENTRY_BEFORE = re.compile(r"(?:re\s?-?\s?ent(?:er|ry|ering)|reentry|re\s?-?\s?open(?:ing)?|re\s?-?\s?load(?:ing)?|"
                             r"re\s?-?\s?buy(?:ing)?)\s*:?", re.IGNORECASE)


def _after_a_reentry_word(tokens: list[Token], i: int) -> bool:
    line = tokens[i].line
    before = [t for t in tokens[max(0, i - 3):i] if t.line == line]
    return any(_REENTRY_BEFORE.fullmatch(" ".join(t.text for t in before[k:])) for k in range(len(before)))


def _after_an_entry_label(tokens: list[Token], i: int) -> bool:
    """A ticker we know between an entry label and the colon before its prices ("Placing bids on FET: 1.318",
    "Entry on SOL: 180"): the coin the entries are for."""
    return 2 <= i and i + 2 < len(tokens) and tokens[i].text.upper() in _KNOWN_TICKERS \
        and tokens[i - 1].kind == Kind.WORD and tokens[i - 1].text.lower() in ("on", "for") \
        and tokens[i - 2].kind == Kind.LABEL and tokens[i - 2].field == Field.ENTRY \
        and tokens[i + 1].text == ":" and tokens[i + 2].kind == Kind.NUM \
        and tokens[i - 2].line == tokens[i].line == tokens[i + 2].line


def choose_symbol(candidates: list[SymbolCandidate], allow_bare: bool = False
                  ) -> tuple[SymbolCandidate | None, str | None]:
    """Best candidate, or (None, reason) when none or several equally explicit different coins.

    A lone capitalised word ("BTC TP2 hit") names a coin only when `allow_bare` (short status posts).
    """
    ranked = [c for c in candidates if c.rank > 0 or allow_bare]
    if not ranked:
        return None, None
    best_rank = max(c.rank for c in ranked)
    best = sorted((c for c in ranked if c.rank == best_rank), key=lambda c: c.position)
    distinct = {c.base for c in best}
    if best_rank == EXPLICIT and len({(c.base, c.quote) for c in best}) > 1:
        if len(distinct) > 1:
            return best[0], "several different symbols in one message: " + ", ".join(sorted(distinct))
        quotes = {c.quote for c in best}
        return best[0], "several quotes for one coin: " + ", ".join(sorted(quotes))
    coin_like = {b for b in distinct if len(b) <= 10}
    if best_rank < EXPLICIT and len(coin_like) > 1:
        return best[0], "several different coins in one message: " + ", ".join(sorted(coin_like))
    # ("#WHALESIGNALSVIP SHORT ON ARBITRUM (ARB)": a word too long for a ticker never wins over one that fits)
    winner = next((c for c in best if c.base in coin_like), best[0]) if best_rank < EXPLICIT else best[0]
    # A perpetual marker on any mention of the same coin ("#BTCUSDT.P", "#ENAUSDT P") makes it a futures pair.
    if not winner.perpetual and any(c.perpetual and c.base == winner.base for c in candidates):
        winner = SymbolCandidate(winner.base, winner.quote, winner.rank, winner.position, True)
    return winner, None


# Listed coins whose tickers are also words of a post ("GMT" the time zone, "AI", "NOT", "ME"): never a coin written
# bare, but a hashtag or cashtag of one is the coin when the post tags no other.
WORD_TICKERS = frozenset(["GMT", "AI", "ALT", "ME", "NOT", "HIGH", "MOVE", "PUMP"])


def word_ticker_tag(tokens: list[Token], set_aside: frozenset[int] = frozenset()) -> SymbolCandidate | None:
    """"#GMT entry 0.2540 long ...": the one tag (or cashtag) of a coin whose ticker is also a word, when no other tag
    names anything (`set_aside`: positions of tags already read as something else, a chart caption's)."""
    tags = [(i, t) for i, t in enumerate(tokens) if t.kind == Kind.TAG and i not in set_aside]
    found = {t.text[1:].upper(): i for i, t in tags if t.text[1:].upper() in WORD_TICKERS and t.text[1:].isupper()}
    if len(found) != 1 or len(tags) != 1:
        return None
    (base, position), = found.items()
    return SymbolCandidate(base, "USDT", HASHTAG, position)


_UNSPACED_BY_LENGTH = sorted(COIN_NAMES_UNSPACED, key=len, reverse=True)
_HANGUL = re.compile("[\uac00-\ud7af]")
_KOREAN_PARTICLES = frozenset({"", "을", "를", "은", "는", "이", "가", "의", "도", "에", "로", "으로", "에서", "만"})


def _letter_runs(tokens: list[Token]) -> list[tuple[int, str]]:
    """Runs of one-letter word tokens written together on a line ("비트코인", "以太坊"): (first token index, text)."""
    runs: list[tuple[int, str]] = []
    for i, t in enumerate(tokens):
        if t.kind != Kind.WORD or len(t.text) != 1 or t.text.isascii():
            continue
        prev = tokens[i - 1] if i else None
        if runs and prev is not None and prev.kind == Kind.WORD and prev.line == t.line \
                and prev.start + len(prev.text) == t.start and runs[-1][0] + len(runs[-1][1]) == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + t.text)
        else:
            runs.append((i, t.text))
    return runs


def _names_in_run(run: str) -> list[str]:
    if _HANGUL.match(run):
        # (Korean words are spaced: the word is the name, or the name and a particle — "비트코인을"; "비트겟" is Bitget)
        return [n for n in _UNSPACED_BY_LENGTH if run.startswith(n) and run[len(n):] in _KOREAN_PARTICLES][:1]
    found, rest = [], run
    for name in _UNSPACED_BY_LENGTH:
        if name in rest:
            found.append(name)
            rest = rest.replace(name, "\0")
    return found


def coin_by_name(tokens: list[Token]) -> SymbolCandidate | None:
    """The one coin a post names in words ("Chainlink long from $13.25", "비트코인 롱", "以太坊 做空"), if it names
    exactly one."""
    named = {COIN_NAMES[t.text.lower()]: i for i, t in enumerate(tokens)
             if t.kind == Kind.WORD and t.text.lower() in COIN_NAMES}
    for start, run in _letter_runs(tokens):
        for name in _names_in_run(run):
            named.setdefault(COIN_NAMES_UNSPACED[name], start)
    if len(named) != 1:
        return None
    (base, position), = named.items()
    return SymbolCandidate(base, "USDT", 0, position)
