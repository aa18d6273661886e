"""Spoken numbers in a voice-to-text transcript of a call ("entry fourteen point six two targets fifteen point one …").

A speech recogniser writes the numbers a caller says as English words. In a post that reads as such a transcript —
a voice/transcription marker, or no digit of its own and number words right after the trade's labels — the numbers
are written as digits so the parser reads the call like any typed one:

- a cardinal as English says it: "sixty four thousand two hundred" = 64200, "twenty five hundred" = 2500;
- "point" and one word per digit after it: "fourteen point six two" = 14.62, "zero point one seven four" = 0.174,
  "point two eight" = 0.28, "two point oh five" = 2.05 (or a pair: "fourteen point sixty two" = 14.62);
- a spoken list with no "and" between decimals: "fifteen point one fifteen point six" = 15.1 15.6;
- a leverage: "ten x" = 10x; "one thousand floki" = the 1000FLOKI contract.

Riskier readings are read and the open is held for an operator (never a tradable price from a guess):
- numbers said side by side with no "point" ("one nine eight", "sixty three five", "thirty two fifty"): digits
  said one group after another, their size taken from the post's other spoken prices ("one nine eight" beside an
  entry of 2.05 is 1.98; "sixty three five" beside 64200 is 63500); with no such price, or none of that size, the
  words are left unread;
- a level label's number merged with its price ("take profit one nine point three" = TP1 9.3): read so, and held
  unless the post numbers that label 1, 2, … in order;
- "two point one five two point two eight": the digit before the second "point" starts the second price.
A coin said in lower case ("long sui", "short bitcoin", "link just hit the first target") is read as its ticker in a
transcript only, and an open with it is held. Ordinary posts are left as they are ("one of the best", "TP one hit",
"top ten coins"): posts with digits and no marker are never read here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)
from verzek.parsing.lexicon import COIN_NAMES
from verzek.parsing.symbols import KNOWN_TICKERS

_UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"million": 1_000_000, "thousand": 1000}
_NUMBER_WORDS = frozenset([*_UNITS, *_TEENS, *_TENS, *_SCALES, "hundred", "point"])

# A voice message relayed as text: the app's or the channel's marker ("🎙 Voice message (auto-transcribed)", "voice
# note:", "transcribed:") — in words: a microphone alone heads an AMA's notice ("Live AMA today at 18:00 UTC 🎙"), and
# 🎤 is part of other emojis (🧑‍🎤)
_MARKER = re.compile(r"(?<![^\W\d_])(?:voice[\s-]*(?:note|message|memo|msg|call|chat)|(?:auto[\s-]*)?transcri(?:bed|pt|ption)|"
                     r"speech[\s-]*to[\s-]*text)(?![^\W\d_])", re.IGNORECASE)
_DIGIT = re.compile(r"[0-9]")
_WORD = re.compile(r"[A-Za-z]+")
# Words after which a spoken number is a level of the call; connectors may stand between ("stop at …", "now at …")
_LABELS = frozenset(["entry", "entries", "enter", "target", "targets", "tp", "tps", "profit", "profits", "stop", "sl",
                     "loss", "stoploss", "now", "price", "buy", "sell", "long", "short", "at", "zone", "leverage", "lev",
                     "invalidation", "exit"])
_CONNECTORS = frozenset(["at", "to", "is", "around", "about", "near", "from", "of", "below", "above", "under", "over", "zone",
                         "area", "price", "level", "between", "the", "into", "on"])
# A label whose rung number a caller says before the price ("take profit one nine point three" = TP1 9.3)
_RUNG_LABELS = frozenset(["tp", "target", "profit", "entry"])
_LEVERAGE_LABELS = frozenset(["leverage", "lev"])
# A coin said at the head of a sentence, then what happened to it ("link just hit the first target")
_STATUS_AFTER_COIN = frozenset(["just", "hit", "hits", "has", "reached", "tapped", "touched", "filled", "stopped", "got"])
_FILLERS = frozenset(["ok", "okay", "alright", "right", "so", "guys", "hey", "quick", "update", "well", "and", "yo",
                      "hi", "hello", "everyone", "team", "fam", "folks", "now"])
_UNIT_AFTER = {"percent": "%", "k": "k"}
# Contracts quoted per thousand coins ("one thousand floki" = 1000FLOKI)
_THOUSAND_COINS = frozenset(["PEPE", "FLOKI", "SHIB", "BONK", "SATS", "LUNC", "XEC", "RATS", "CAT", "CHEEMS"])


@dataclass(frozen=True)
class SpokenReading:
    """A transcript with its spoken numbers written as digits: `text` with every reading, `strict` without the ones read
    by the size of other prices (their words left), and `doubts` — why an open read from it is held."""
    text: str
    strict: str
    doubts: tuple[str, ...]


@dataclass
class _Piece:
    value: Decimal
    digits: str  # the integer part as spoken digit groups ("sixty three" → "63"), "" when said with a magnitude
    point: bool
    lone_unit: bool  # one digit word ("one")
    first: int = 0  # where its words start in the run
    backed_off: bool = False  # its last decimal digit started the next price ("two point one five two point …")


def _below_hundred(words: list[str], i: int) -> tuple[int | None, int]:
    if i >= len(words):
        return None, i
    w = words[i]
    if w in _TENS:
        if i + 1 < len(words) and words[i + 1] in _UNITS and _UNITS[words[i + 1]] > 0:
            return _TENS[w] + _UNITS[words[i + 1]], i + 2
        return _TENS[w], i + 1
    if w in _TEENS:
        return _TEENS[w], i + 1
    if w in _UNITS:
        return _UNITS[w], i + 1
    return None, i


def _hundreds(words: list[str], i: int) -> tuple[int | None, int, bool]:
    value, j = _below_hundred(words, i)
    if value is None or j >= len(words) or words[j] != "hundred" or value == 0:
        return value, j, False
    value, j = value * 100, j + 1
    k = j + 1 if j < len(words) and words[j] == "and" else j
    rest, after = _below_hundred(words, k)
    if rest:
        return value + rest, after, True
    return value, j, True


def _piece(words: list[str], i: int, back_off: bool = True) -> tuple[_Piece | None, int]:
    """The one number said from words[i] on (None when words[i] starts none), and where the next begins. With
    `back_off`, a decimal digit said right before another "point" starts the next number."""
    n = len(words)
    total, j, magnitude, last_scale = 0, i, False, None
    if words[i] == "point":
        value = None
    else:
        while True:
            value, after, hundred = _hundreds(words, j)
            if value is None:
                break
            scale = _SCALES.get(words[after]) if after < n else None
            if scale and value and (last_scale is None or scale < last_scale):
                total, j, magnitude, last_scale = total + value * scale, after + 1, True, scale
                if j < n and words[j] == "and":
                    j += 1
                nxt, nxt_after, _ = _hundreds(words, j)
                if nxt is None or nxt_after < n and words[nxt_after] in _SCALES and _SCALES[words[nxt_after]] >= scale:
                    if j > 0 and words[j - 1] == "and":
                        j -= 1
                    break
                continue
            total, j, magnitude = total + value, after, magnitude or hundred
            break
        if j == i:
            return None, i
    digits_said = "" if magnitude else "".join(_group_digits(words[i:j]))
    point, backed_off = False, False
    decimals = ""
    if j < n and words[j] == "point":
        k = j + 1
        if k < n and (words[k] in _TEENS or words[k] in _TENS):
            pair, k = _below_hundred(words, k)
            decimals = str(pair)
        else:
            while k < n and words[k] in _UNITS:
                decimals += str(_UNITS[words[k]])
                k += 1
            if back_off and k < n and words[k] == "point" and len(decimals) >= 2:
                decimals, k, backed_off = decimals[:-1], k - 1, True
        if decimals:
            point, j = True, k
    if j == i:
        return None, i
    value = Decimal(f"{total}.{decimals}") if point else Decimal(total)
    lone = j == i + 1 and words[i] in _UNITS
    return _Piece(value, digits_said, point, lone, i, backed_off), j


def _group_digits(words: list[str]) -> list[str]:
    """Digit groups as said: "sixty three" → ["63"], "one" → ["1"], "fifteen" → ["15"], "twenty" → ["20"]."""
    groups, i = [], 0
    while i < len(words):
        value, after = _below_hundred(words, i)
        if value is None:
            i += 1
            continue
        groups.append(str(value))
        i = after
    return groups


def _and_joins(words: list[tuple[str, int, int]], j: int) -> bool:
    """"two hundred and five", "sixty four thousand and fifty": the "and" at words[j] is inside one number — not when
    what follows has a magnitude of its own ("sixty five thousand five hundred and sixty seven thousand": two prices)."""
    said = [w for w, *_ in words[j + 1:j + 4]]
    value, after = _below_hundred(said, 0)
    if value is None or said[0] == "oh":
        return False
    return after >= len(said) or said[after] not in _SCALES and said[after] != "hundred"


@dataclass
class _Run:
    start: int  # its span in the text
    end: int
    words: list[str]
    label: str | None  # the level label before it (connectors skipped), "list" after an earlier level and "and", ","
    after: str | None  # the word after it, and that word's span
    after_span: tuple[int, int] | None


_LIST_JOINS = frozenset([",", "and", ", and", "to", "or", "/", "-"])


def _starts_a_number(words: list[tuple[str, int, int]], i: int) -> bool:
    """A number is said from a digit's word on, or from "point" and one ("entry point", "a thousand thanks" are words)."""
    w = words[i][0]
    if w == "point":
        return i + 1 < len(words) and words[i + 1][0] in _UNITS and words[i + 1][0] != "oh"
    return w in _UNITS and w != "oh" or w in _TEENS or w in _TENS


def _runs(text: str) -> list[_Run]:
    """The numbers said in `text`: each a run of number words with nothing but spaces or hyphens between them."""
    words = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    runs: list[_Run] = []
    i = 0
    while i < len(words):
        if not _starts_a_number(words, i):
            i += 1
            continue
        start = words[i][1]
        said = [words[i][0]]
        j = i + 1
        while j < len(words) and text[words[j - 1][2]:words[j][1]].strip(" \t-") == "":
            nxt = words[j][0]
            if not (nxt in _NUMBER_WORDS or nxt == "oh"
                    or nxt == "and" and said[-1] in ("hundred", "thousand", "million") and _and_joins(words, j)):
                break
            said.append(nxt)
            j += 1
        label = None
        if runs and runs[-1].label is not None and text[runs[-1].end:start].strip(" \t").lower() in _LIST_JOINS:
            label = "list"  # ("targets fifteen point one, fifteen point six and sixteen point four")
        k = i - 1
        while label is None and k >= max(0, i - 3) and text[words[k][2]:words[k + 1][1]].strip(" \t-:,") == "":
            if words[k][0] in _LABELS:
                label = words[k][0]
            elif words[k][0] not in _CONNECTORS:
                break
            k -= 1
        after = words[j][0] if j < len(words) else None
        after_span = (words[j][1], words[j][2]) if j < len(words) else None
        runs.append(_Run(start, words[j - 1][2], said, label, after, after_span))
        i = j
    return runs


@dataclass
class _Reading:
    run: _Run
    text: str | None = None  # its digits; None: left as said (or a loose reading, sized later)
    values: list[Decimal] = field(default_factory=list)  # prices read plainly (the size of the loose ones)
    loose: str | None = None  # digit groups said one after another ("one nine eight" → "198"), sized by the others
    rung: tuple[str, int, Decimal] | None = None  # (label, rung number, price): "take profit one nine point three"
    doubt: str | None = None
    end: int | None = None  # the reading's end in the text, when it takes the word after the run too
    lev_text: str = ""  # a leverage said right after a loose price ("… sixty four nine twenty x")
    before_lev: str = ""  # the words said before it


def _pieces(words: list[str], back_off: bool) -> list[_Piece] | None:
    pieces: list[_Piece] = []
    i = 0
    while i < len(words):
        if words[i] == "point" and pieces and back_off:
            return None  # (a "point" with no number before it)
        piece, i = _piece(words, i, back_off)
        if piece is None:
            return None
        pieces.append(piece)
    return pieces


def _spread(pieces: list[_Piece]) -> Decimal:
    values = [p.value for p in pieces if p.value > 0]
    return max(values) / min(values) if values else Decimal(0)


def _read_run(run: _Run) -> _Reading | None:
    words = run.words
    pieces = _pieces(words, back_off=True)
    if pieces is None:
        return _Reading(run, doubt=f"spoken words {' '.join(words)!r} read as no number")
    if any(p.backed_off for p in pieces) and (whole := _pieces(words, back_off=False)) is not None \
            and all(p.point for p in whole) and _spread(whole) < _spread(pieces):
        # ("point one five two point one six": 0.152 and 0.16 — prices of one size — rather than 0.15 and 2.16)
        pieces = whole
        pieces[0].backed_off = True  # (either way, a reading: held)
    reading = _Reading(run)
    if run.after == "x" and run.after_span and pieces and not pieces[-1].point and 1 <= pieces[-1].value <= 200:
        # "twenty x", "leverage ten x": the multiple before the x
        lev = pieces.pop()
        reading.lev_text, reading.before_lev, reading.end = f"{lev.value}x", " ".join(words[:lev.first]), run.after_span[1]
        rest = _read_pieces(run, pieces, reading) if pieces else None
        if rest is not None:
            reading.text = f"{rest} {reading.lev_text}"
        elif reading.loose is None:  # (what is said before it unread: the leverage is read all the same)
            reading.text = f"{reading.before_lev} {reading.lev_text}".strip()
        return reading
    if run.after in _UNIT_AFTER and run.after_span and len(pieces) == 1 and pieces[0].value:
        # "five percent" = 5%, "sixty four k" = 64k: the unit said after the number is written on it
        reading.text, reading.end = f"{_fmt(pieces[0].value)}{_UNIT_AFTER[run.after]}", run.after_span[1]
        if run.after == "k":
            reading.values.append(pieces[0].value * 1000)
        return reading
    if run.label in _LEVERAGE_LABELS and len(pieces) == 1 and not pieces[0].point:
        reading.text = str(pieces[0].value)
        return reading
    if len(pieces) == 1 and pieces[0].value == 1000 and not pieces[0].point and run.after and run.after_span \
            and run.after.upper() in _THOUSAND_COINS:
        # "short one thousand floki": the contract quoted per thousand coins
        reading.text, reading.end = f"#1000{run.after.upper()}", run.after_span[1]
        reading.doubt = "the coin is read from a spoken word"
        return reading
    if run.label is None and len(pieces) == 1 and not pieces[0].point and pieces[0].value < 100:
        return None  # ("one of the best", "top ten coins"): a number said outside the call's levels is left as said
    reading.text = _read_pieces(run, pieces, reading)
    return reading


def _read_pieces(run: _Run, pieces: list[_Piece], reading: _Reading) -> str | None:
    """The digits of the pieces said one after another (None when they are a loose reading, or unread)."""
    if len(pieces) == 1:
        reading.values.append(pieces[0].value)
        return _fmt(pieces[0].value)
    if all(p.point for p in pieces):
        # "fifteen point one fifteen point six": a list said without "and"
        reading.values.extend(p.value for p in pieces)
        if any(p.backed_off for p in pieces):
            reading.doubt = "a spoken list of prices read by where each 'point' falls"
        return " ".join(_fmt(p.value) for p in pieces)
    if all(p.digits and not p.point for p in pieces[:-1]) and pieces[-1].digits:
        # "one nine eight", "sixty three five", "one forty two point five": digit groups said one after another
        reading.loose = "".join(p.digits for p in pieces)
        if pieces[-1].point:
            reading.loose += "." + _fmt(pieces[-1].value).split(".")[1]
        if run.label in _RUNG_LABELS and len(pieces) == 2 and pieces[0].lone_unit and pieces[0].value >= 1:
            # ("take profit one nine point three"): or the rung's number, then its price
            reading.rung = (run.label, int(pieces[0].value), pieces[1].value)
        reading.doubt = "a spoken price said as digit groups, sized by the post's other prices"
        return None
    reading.doubt = f"spoken numbers {' '.join(run.words)!r} not read"
    return None


def _fmt(value: Decimal) -> str:
    return format(value, "f")


def _sized(digits: str, scale: Decimal) -> Decimal | None:
    """The one reading of digit groups within half and twice the post's price (None when none is); said with a
    "point", the digits have their size already."""
    base = Decimal(digits)
    candidates = [base] if "." in digits else [base.scaleb(k) for k in range(-8, 4)]
    fitting = [c for c in candidates if scale / 2 <= c <= scale * 2]
    return fitting[0] if len(fitting) == 1 else None


def _coin_word(word: str) -> str | None:
    low = word.lower()
    if low in COIN_NAMES and COIN_NAMES[low].isascii():
        return COIN_NAMES[low]
    if low.upper() in KNOWN_TICKERS and low.isalpha():
        return low.upper()
    return None


_ALSO_A_PREPOSITION = frozenset(["near"])
_AFTER_PREPOSITION = frozenset(["the", "here", "there", "this", "that", "support", "resistance", "current", "local", "my",
                                "our", "a", "an", "where"])
# (the first words of a sentence: fillers, then the coin and its verb)
_SENTENCE_HEAD = re.compile(r"(?:\A|[\n:.!?\"'(])[ \t\"'(]*((?:[A-Za-z]+[ \t,]+){0,4}[A-Za-z]+)")
_AFTER_SIDE = re.compile(r"(?<![A-Za-z])(?:long|short|buy|sell)(?:[ \t]+on)?[ \t]+([a-z][a-z]+)(?![\w$#/])",
                         re.IGNORECASE)


def _coins(text: str) -> tuple[list[tuple[int, int, str]], bool]:
    """Coins said in words in a transcript: after the side word ("long sui", "short bitcoin", "long on link") or heading
    a sentence that tells what it did ("link just hit the first target")."""
    found: dict[int, tuple[int, int, str]] = {}
    for m in _AFTER_SIDE.finditer(text):
        word = m.group(1)
        if word in _ALSO_A_PREPOSITION and (nxt := _WORD.match(text, m.end(1) + 1)) is not None \
                and (nxt.group(0).lower() in _NUMBER_WORDS or nxt.group(0).lower() in _AFTER_PREPOSITION):
            continue  # ("sell near two point five", "buy near the support"): a place, not the coin NEAR
        if word.islower() and (coin := _coin_word(word)) is not None:
            found[m.start(1)] = (m.start(1), m.end(1), coin)
    for m in _SENTENCE_HEAD.finditer(text):
        said = list(_WORD.finditer(text, m.start(1), m.end(1)))
        k = 0
        while k < len(said) and said[k].group(0).lower() in _FILLERS:
            k += 1
        if k + 1 >= len(said) or said[k + 1].group(0).lower() not in _STATUS_AFTER_COIN:
            continue
        word = said[k].group(0)
        if (word.islower() or word.istitle()) and (coin := _coin_word(word)) is not None:
            found[said[k].start()] = (said[k].start(), said[k].end(), coin)
    return sorted(found.values()), bool(found)


def read_spoken(text: str) -> SpokenReading | None:
    """The transcript with its spoken numbers (and spoken coin) written out, or None when `text` is no transcript or
    nothing in it is said in words."""
    marked = _MARKER.search(text) is not None
    if not marked and _DIGIT.search(text):
        return None  # (a typed post: its number words are words)
    if not marked and " point " not in text.lower() and "thousand" not in text.lower():
        return None
    runs = _runs(text)
    readings = [r for r in map(_read_run, runs) if r is not None]
    levels = [r for r in readings if r.run.label is not None]
    strong = any("point" in r.run.words or "thousand" in r.run.words or "hundred" in r.run.words for r in levels)
    transcript = strong and len(levels) >= (1 if marked else 2)
    if not transcript:
        if not marked:
            return None
        # (a voice note of a status: "apt just hit target two" — the rung's number, said after its label)
        readings = [r for r in readings if r.run.label in _RUNG_LABELS and len(r.run.words) == 1
                    and r.run.words[0] in _UNITS and r.text is not None]
    doubts: list[str] = [r.doubt for r in readings if r.doubt and r.loose is None]
    # A label numbered 1, 2, … in order ("take profit one …, take profit two …"): each number is the rung's
    rungs: dict[str, list[int]] = {}
    for r in readings:
        if r.rung is not None:
            rungs.setdefault(r.rung[0], []).append(r.rung[1])
    numbered = {label for label, numbers in rungs.items() if numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 1}
    for r in readings:
        if r.rung is not None and r.rung[0] in numbered:
            r.loose, r.doubt = None, None
            r.values.append(r.rung[2])
            r.text = f"{r.rung[1]} {_fmt(r.rung[2])}" + (f" {r.lev_text}" if r.lev_text else "")
    values = [v for r in readings for v in r.values]
    if not values:
        # (every price said in digit groups: one whose "point" fixes its size sizes the others — "one forty two point
        # five" = 142.5)
        values = [Decimal(r.loose) for r in readings if r.loose is not None and "." in r.loose]
    scale = Decimal(median(values)) if values else None
    if scale and any(v and not scale / 2 <= v <= scale * 2 for v in values):
        # ("entry fourteen point six two targets fifteen point one and sixty point four"): a recogniser hears "sixteen"
        # as "sixty", "fifty" as "fifteen" — a spoken price of another size than the others is held, never traded
        doubts.append("a spoken price far from the post's others (a misheard 'sixteen'/'sixty'?)")
    replacements: list[tuple[int, int, str, str | None]] = []  # (start, end, full reading, strict reading or None)
    for r in readings:
        end = r.end if r.end is not None else r.run.end
        lev = f" {r.lev_text}" if r.lev_text else ""
        if r.loose is not None:
            sized = _sized(r.loose, scale) if scale else None
            if sized is None and r.rung is not None and scale and scale / 2 <= r.rung[2] <= scale * 2:
                full = f"{r.rung[1]} {_fmt(r.rung[2])}{lev}"
                doubts.append("a spoken rung number may be part of its price")
            elif sized is None:
                full = None
                doubts.append("a spoken price said as digit groups, of no size near the post's other prices: left unread")
            else:
                full = _fmt(sized) + lev
                doubts.append(r.doubt or "")
                if r.rung is not None:
                    doubts.append("a spoken rung number may be part of its price")
            # (the strict reading leaves it as said; a leverage said after it is read all the same)
            as_said = f"{r.before_lev}{lev}" if lev else None
            if full is not None or as_said is not None:
                replacements.append((r.run.start, end, full or as_said or "", as_said))
            continue
        if r.text is not None:
            replacements.append((r.run.start, end, r.text, r.text))
    coins, spoken_coin = _coins(text)
    taken = [(s, e) for s, e, *_ in replacements]
    for start, end, coin in coins:
        if not any(s <= start < e for s, e in taken):
            replacements.append((start, end, f"#{coin}", f"#{coin}"))
    if spoken_coin:
        doubts.append("the coin is read from a spoken word")
    if not replacements:
        return None
    replacements.sort(key=lambda r: r[0])
    full, strict = _rewrite(text, replacements, loose=True), _rewrite(text, replacements, loose=False)
    return SpokenReading(full, strict, tuple(dict.fromkeys(d for d in doubts if d)))


def _rewrite(text: str, replacements: list[tuple[int, int, str, str | None]], loose: bool) -> str:
    out, last = [], 0
    for start, end, full, strict in replacements:
        new = full if loose else strict
        if start < last or new is None:
            continue
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)
