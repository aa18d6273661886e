"""Message -> ParsedMessage: tokenise, group numbers under the label they follow, classify, validate.

Numbers belong to the nearest label before them (entry, targets, stop, leverage, ...) until another
label, a "Word:" heading we do not know, or a new line that starts with an unrelated word. Side words
("LONG 0.32-0.30") and buy/sell act as entry labels when no entry label carries numbers. What is
then built is checked by `verzek.parsing.safety`; a failed check keeps the parse but sets `rejected`.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field
from decimal import Decimal

from verzek.domain.signals import (
    EntryType,
    MarginMode,
    MarketType,
    MessageKind,
    ParsedMessage,
    Side,
    UpdateAction,
)
from verzek.parsing import lexicon as lx
from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)
from verzek.parsing.bot_notice import read_bot_notice
from verzek.parsing.bot_payload import NO_TRADE, card_from_payload
from verzek.parsing.lexicon import Field
from verzek.parsing.normalize import TO_SIMPLIFIED, normalize, persian_slash_unsure, unmangle
from verzek.parsing.safety import FIAT_QUOTES, price_floor, validate_open
from verzek.parsing.spoken import read_spoken
from verzek.parsing.status import (
    ALL_WORD_RE,
    CLOSED_FOOTER_RE,
    CLOSED_REPORT_HEAD_RE,
    ENTRY_ADDED_RE,
    FILL_LINE_RE,
    LEVERAGE_CHANGE_RE,
    LOSS_RESULT_RE,
    MONTH_NAMES,
    ONE_OF_SEVERAL_RE,
    POSITION_CHANGES,
    READERS_CHOICE_RE,
    SOLD_CARD_RESULT_RE,
    STOP_NOT_TYPO,
    UPDATE_PATTERNS,
    WHOLE_POSITION_CLOSED_RE,
    StopMove,
    board_change,
    change_beside,
    close_action,
    close_all_names,
    close_fraction,
    closed_by_someone_else,
    closed_coin_beside_conditions,
    closed_with_result_reply,
    closes_position,
    coin_corrected,
    coin_heads_post,
    coin_only_after_the_change,
    coin_word_filled,
    coins_closed_together,
    coins_where,
    dragging_coins,
    fill_beside_rung_cancel,
    fill_not_asserted,
    first_rung_not_filled,
    hedged,
    is_close,
    is_close_without_coin,
    is_conditional_close,
    kept_running,
    later_rung_alone_not_filled,
    named_only_in_talk,
    only_the_rest_held,
    own_close_beside_the_call_kept,
    partial_left_to_reader,
    recap_heading,
    reports_progress,
    rest_closed_reply,
    rung_cancel_denied,
    says_only_held,
    side_after_pair,
    side_apart_from_the_other,
    side_field,
    side_of_another_coin,
    sold_without_result,
    speaks_of_a_trade,
    stop_moved_onto,
    stop_out_reply,
    taken_back,
    tp_hit_index,
    tp_hit_only_supposed,
    update_action,
    update_not_now,
    update_waits,
    waiting_close_of_another_coin,
    without_disowned_notices,
    without_reader_conditions,
)
from verzek.parsing.symbols import (
    EXPLICIT,
    HASHTAG,
    KNOWN_TICKERS,
    LABELLED,
    NAMED,
    NEVER_A_BASE,
    SIDE_CONNECTORS,
    SymbolCandidate,
    choose_symbol,
    close_target,
    coin_by_name,
    credible_bare,
    forex_pair,
    lower_coin_a_few_words_after_side,
    split_glued,
    symbol_candidates,
    without_generic_tags,
    word_ticker_tag,
)
from verzek.parsing.tokens import (
    ONE_COMMA_GROUP,
    Kind,
    Token,
    after_a_score_word,
    comma_is_ambiguous,
    parse_decimal,
    tokenize_line,
    uses_comma_decimals,
)

MAX_TEXT_CHARS = 8000  # longer posts are articles, not signals; cap the work done per message
_RANGE_SEPARATORS = frozenset("-_~/")
_SIDE_FIELDS = (Field.LONG, Field.SHORT, Field.BUY, Field.SELL)
# Segments whose numbers are accounted for: levels, leverage, and known non-price labels (DCA, risk, ...).
_ASSIGNED_FIELDS = (Field.ENTRY, Field.TARGETS, Field.STOP, Field.LEVERAGE, Field.SYMBOL)
_OR_WORDS = frozenset(["or", "или", "veya", "ya", "o", "ou", "oder", "oppure", "lub", "hoặc", "atau", "یا", "أو", "或"])
_RANGE_HINTS = frozenset({"between", "zone", "range", "между", "зона", "arası", "arasi", "entre", "bölgesi", "area", "tussen",
                          "zwischen", "między", "pomiędzy", "між", "giữa", "antara", "beech", "bich", "بين", "بین",
                          "tra", "fra", "zona", "बीच",
                          # ur "1.92 اور 1.98 کے درمیان" (between), "انٹری زون" (zone); bn "মধ্যে"; he "בין"; el "μεταξύ";
                          # th "ระหว่าง"; sw "kati ya"; tl "pagitan"
                          "درمیان", "زون", "মধ্যে", "בין", "μεταξύ", "μεταξυ", "ระหว่าง", "kati", "pagitan"})


@dataclass
class Segment:
    field: Field
    label: Token | None
    tokens: list[Token] = field(default_factory=list)
    qualified: bool = False  # words of no known meaning before the label on its line ("Дальняя цель", "Dream target")
    before_clause: Token | None = None  # the price right before an "if ..." clause that ended the segment
    # prices set aside inside the field as where the market is ("Entry 5.10 (price now 5.25)", "Entry: 24.5 | Current: 25.1")
    beside: list[Token] = field(default_factory=list)

    @property
    def numbers(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == Kind.NUM]

    @property
    def percents(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == Kind.PCT]

    def text(self) -> str:
        # (Han characters are tokens of their own: those written together are joined again, so "成行", "市价" read as
        # the words they are)
        parts: list[str] = []
        previous = None
        for t in ([self.label] if self.label else []) + self.tokens:
            if previous is not None and parts and t.line == previous.line and t.start == previous.start + len(previous.text) \
                    and _HAN_CHAR.fullmatch(previous.text[-1]) and _HAN_CHAR.fullmatch(t.text[0]):
                parts[-1] += t.text
            else:
                parts.append(t.text)
            previous = t
        return " ".join(parts)


_HAN_CHAR = re.compile("[\u3400-\u9fff]")


_LADDER_FIELDS = (Field.ENTRY, Field.BUY, Field.SELL)
_NOTE_FIELDS = (Field.ENTRY, Field.TARGETS, Field.STOP, Field.BUY, Field.SELL, Field.LONG, Field.SHORT)


# Market statistics written beside a level ("RSI 32", "ATH 8.0", "24h high 3550", "support 1.90", "funding 0.01%").
_MARKET_STAT = re.compile(r"(?:rsi|macd|ema\d*|sma\d*|ma\d*|ath|atl|high|low|highs|lows|support|resistance|volume|vol|"
                          r"funding|oi|mcap|cap|fib|fibo|fibonacci|previous|prev|ago|yesterday|week|weekly|monthly|"
                          r"поддержка|сопротивление|destek|diren[çc]|soporte|resistencia|suporte|resist[êe]ncia|"
                          r"unterst[üu]tzung|widerstand|"
                          # ("SL 96,900 — wicks to 97,200 possible"): where a wick may reach, not a level
                          r"wicks?|wicking|spikes?)", re.IGNORECASE)


# Words after a stop word that make it talk about stops, not give one ("stop hunt", "SL hunters", "SL got hit")
_STOP_TALK_WORDS = frozenset(["hunt", "hunts", "hunting", "hunters", "hunted", "got", "was", "were", "gets", "hit",
                              "hits", "triggered", "sweep", "sweeps", "grab"])


def _stop_talk(tokens: list[Token], i: int) -> bool:
    after = next((t for t in tokens[i + 1:] if t.kind not in (Kind.SEP, Kind.INDEX)), None)
    return after is not None and after.kind == Kind.WORD and after.text.lower() in _STOP_TALK_WORDS


def _price_beside_the_exits(tokens: list[Token], levels: _Levels, exits: list[Decimal]) -> bool:
    """A number on the scale of the exits (half the lowest to twice the highest) that is none of them."""
    read = {id(t) for t in (*levels.targets, *levels.stop)}
    low, high = min(exits) / 2, max(exits) * 2
    return any(t.kind == Kind.NUM and id(t) not in read and t.value is not None and low <= t.value <= high for t in tokens)


def _leverage_in_prose(tokens: list[Token], i: int) -> bool:
    """A leverage word closing a sentence of words on its line ("… spot led move, not leverage."): no field."""
    after = [t for t in tokens[i + 1:] if t.line == tokens[i].line]
    if after and not (len(after) == 1 and after[0].kind == Kind.SEP and after[0].text in ".!?"):
        return False
    if not after and next((t.kind for t in tokens[i + 1:] if t.kind not in (Kind.SEP, Kind.INDEX)), None) == Kind.LEV:
        return False  # ("Recommended leverage / 10x": its value on the next line)
    before = [t for t in tokens[:i] if t.line == tokens[i].line and t.kind == Kind.WORD]
    return any(t.text.lower() not in lx.FILLER_WORDS for t in before)


# ("Spot bag, no leverage. Split 60/40 between the buys", "sin apalancamiento", "without leverage — 5% of the
# portfolio", "Leverage: none"): leverage named only to rule it out — the numbers after it are no leverage
_NO_LEVERAGE_BEFORE = frozenset(["no", "not", "without", "zero", "sin", "sem", "sans", "ohne", "kein", "keine", "senza",
                                 "без", "bez", "tanpa", "walang", "bila", "بدون", "بغیر", "không", "non", "nessuna", "sıfır"])
_NO_LEVERAGE_AFTER = frozenset(["none", "no", "nil", "n/a", "na", "nope", "нет", "без", "yok", "ninguno", "ninguna",
                                "nenhuma", "nenhum", "aucun", "keine", "kein", "tidak", "không", "nessuna", "无", "없음"])
_USE_WORDS = frozenset(["use", "using", "pakai", "pake", "gunakan", "menggunakan", "need", "needed", "required"])


def _leverage_ruled_out(tokens: list[Token], i: int) -> bool:
    """The leverage word at `i` says there is none: a negation before it ("no leverage", "don't use leverage") or a
    "none" after it ("Leverage: none", "Плечо: нет")."""
    line = tokens[i].line
    before = [t for t in tokens[:i] if t.line == line and t.kind != Kind.INDEX][-3:]
    words = [t.text.lower() for t in before if t.kind == Kind.WORD]
    if before and before[-1].kind == Kind.WORD and words[-1] in _NO_LEVERAGE_BEFORE:
        return True
    if len(before) >= 2 and before[-1].kind == Kind.WORD and words[-1] in _USE_WORDS \
            and before[-2].kind == Kind.WORD and before[-2].text.lower() in _NO_LEVERAGE_BEFORE | {"don't", "dont", "never",
                                                                                                 "jangan", "tidak", "avoid"}:
        return True
    after = next((t for t in tokens[i + 1:] if t.line == line and not (t.kind == Kind.SEP and t.text in ":=-–—")), None)
    return after is not None and after.kind == Kind.WORD and after.text.lower() in _NO_LEVERAGE_AFTER


# Words that negate a side word right after them ("no longs", "not longing", "avoid shorts", "zero longs", "don't buy"),
# and those that may stand between ("no new longs", "no more shorts", "no ETH longs from us"): the side is ruled out
_SIDE_NEGATIONS = frozenset(["no", "not", "avoid", "avoiding", "zero", "don't", "dont", "never", "nor", "without"])
_BETWEEN_NEGATION_AND_SIDE = frozenset(["new", "more", "any", "fresh", "further", "other", "early", "late",
                                        "blind", "fomo", "chasing", "chase", "go", "going"])

_POSITION_NOUNS = frozenset(["position", "positions", "trade", "trades", "entry", "entries", "setup", "setups", "calls",
                             "call", "bias", "exposure"])


def _negated_side(tokens: list[Token], i: int) -> bool:
    """The side word at `i` is ruled out by a negation before it on its line ("no longs", "no ETH longs from us", "not
    longing", "avoid shorts", "no new longs until 60k"): no side of a call, and the prices after it are no entry. A coin
    tagged NOT ("#NOT SHORT"), or the word written in capitals ("NOT SHORT" is the coin's call as often), is no negation."""
    line = tokens[i].line
    before = [t for t in tokens[max(0, i - 4):i] if t.line == line and t.kind != Kind.INDEX]
    if before and before[-1].kind in (Kind.WORD, Kind.TAG, Kind.PAIR) and (
            before[-1].kind != Kind.WORD or before[-1].text.lower() not in _SIDE_NEGATIONS) and (
            before[-1].kind != Kind.WORD or before[-1].text.isupper() and 2 <= len(before[-1].text) <= 10
            or before[-1].text.lower() in _BETWEEN_NEGATION_AND_SIDE):
        before = before[:-1]  # ("no ETH longs", "no #SOL shorts", "no new longs")
    if before and before[-1].kind == Kind.WORD and before[-1].text.lower() in _BETWEEN_NEGATION_AND_SIDE:
        before = before[:-1]  # ("no new ETH longs")
    if not before or before[-1].kind != Kind.WORD:
        return False
    word = before[-1].text
    if word.lower() == "no" and not tokens[i].text.lower().endswith("s"):
        # ("no longs", "no shorts from us"; "no long position" — but "stopados no long de $RUNE" is Portuguese's "in
        # the": a singular side word after "no" is read only before a word naming the position)
        after = next((t for t in tokens[i + 1:] if t.line == line and t.kind not in (Kind.SEP, Kind.INDEX)), None)
        return after is not None and after.kind == Kind.WORD and after.text.lower() in _POSITION_NOUNS
    return word.lower() in _SIDE_NEGATIONS and word != "NOT"


def _unrelated_word(tok: Token) -> bool:
    """A market statistic's name after a field's prices: what follows is that statistic, not a level."""
    return bool(_MARKET_STAT.fullmatch(tok.text))


_RUNNER_VERBS = frozenset(["goes", "runs", "sends", "rips", "flies", "extends", "pumps", "moons", "continues", "keeps"])


def _runner_clause(tokens: list[Token], i: int) -> bool:
    """"if it (really) goes, 3,550": "if it", a verb of the move running on, a comma, then a price."""
    words = [t for t in tokens[i + 1:i + 6] if t.line == tokens[i].line]
    texts = [t.text.lower() for t in words]
    if len(texts) < 4 or texts[0] != "it":
        return False
    k = 2 if texts[1] in ("really", "still", "just") else 1
    return texts[k] in _RUNNER_VERBS and k + 2 < len(words) + 1 and words[k + 1].text == "," \
        and k + 2 < len(words) and words[k + 2].kind == Kind.NUM


# Words that open a new clause: after a field has its prices, what follows them is not more of that field.
_CLAUSE_WORDS = frozenset(["if", "when", "wait", "but", "unless", "once", "если", "когда", "но", "eğer", "ama", "si",
                           "pero", "wenn", "falls", "aber", "mais", "jika", "tapi", "nếu", "nhưng",
                           "اگر", "إذا", "اذا", "لكن", "اما",
                           # ("Intrare: 0,6240 — DOAR dacă închide 1h sub 0,6200", pl "… jeśli świeca zamknie pod …", es
                           # "… cuando la vela cierre bajo …", nl "… als de 4H sluit onder …": the condition's price is no entry;
                           # session 27, heldout27)
                           "dacă", "daca", "jeśli", "jesli", "jeżeli", "jezeli", "gdy", "als", "sobald", "quand",
                           "cuando", "quando", "kalau"])
_POSTFIX_FIELDS = (Field.ENTRY, Field.BUY, Field.SELL, Field.TARGETS, Field.STOP, Field.LONG, Field.SHORT)
# Words between a price and the side word it belongs to ("188附近空", "#BNB 600 long", "#SOL ~150 short").
_BEFORE_SIDE_FILLERS = frozenset(["附", "近", "左", "右", "around", "near", "at", "@", "~", "около", "civarı", "cerca",
                                  # words saying "from (the level)" or "for" around that price, in languages that put
                                  # them after the number ("#AVAX için 28.40 seviyesinden LONG", "28.40'tan LONG",
                                  # "28.40から ロング", "28.40에서 롱", "28.40 से लॉन्ग"): the kana and hangul are
                                  # tokenised a character at a time
                                  "için", "seviyesinden", "seviyeden", "seviyesinde", "bölgesinden", "civarından",
                                  "dan", "den", "tan", "ten", "か", "ら", "で", "에", "서", "부", "터", "से", "पर", "在"])


# Filler words that, heading a line under a field that already has its prices, start a line of their own
_NEW_FIELD_WORDS = frozenset(["price", "current", "currently", "market", "now", "spot", "cmp"])


# What parts a rung's heading from its price: a colon, or an arrow or dash a bot's card writes there ("E1 ➜ 3412",
# "E2 -> 3468", "Step 1 ⇒ 0.61", "E1 — 3412": the arrows are normalised to ">", "->", "=>")
_ROW_PARTS = frozenset([":", ">", "-", "="])


def _row_colon(tokens: list[Token]) -> int | None:
    """The index of the colon that parts a rung's heading from its price, else of the first arrow or dash (the last
    of an arrow's signs)."""
    i = next((i for i, t in enumerate(tokens) if t.kind == Kind.SEP and t.text == ":"), None)
    if i is not None:
        return i
    i = next((i for i, t in enumerate(tokens) if t.kind == Kind.SEP and t.text in _ROW_PARTS), None)
    if i is not None and tokens[i].text in "-=" and i + 1 < len(tokens) and tokens[i + 1].kind == Kind.SEP \
            and tokens[i + 1].text == ">":
        return i + 1
    return i


def _is_ladder_row(tokens: list[Token]) -> bool:
    """"پله اول: 0.680", "第一档：23.5", "Tier 2: 0.65", "E1 ➜ 3412", "Zone 1 ➜ 0.425": a heading we do not know (its row
    number may follow it), a colon (or an arrow) and one price — a note in brackets may follow it ("Zone 3 ➜ 0.371 (only
    on a flush)")."""
    colon = _row_colon(tokens)
    if colon is None or any(t.kind == Kind.LABEL for t in tokens):
        return False
    head = [t for t in tokens[:colon] if t.kind not in (Kind.SEP, Kind.INDEX)]
    if len(head) >= 2 and head[-1].kind == Kind.NUM and head[-1].text.isdigit() and 1 <= head[-1].value <= 9 \
            and all(t.kind == Kind.WORD for t in head[:-1]):
        head = head[:-1]  # ("Zone 1 ➜ 0.425", "Tier 2 → 0.65"): the row's number after its heading word
    price = _row_price(tokens, colon)
    after = [t for t in price if t.kind not in (Kind.SEP, Kind.INDEX, Kind.PCT)]
    meaningful = [t for t in tokens[:colon + 1 + len(price)] if t.kind not in (Kind.SEP, Kind.INDEX)]
    return bool(head) and all(t.kind == Kind.WORD for t in head) and len(head) <= 3 \
        and len(after) == 1 and after[0].kind == Kind.NUM and len(meaningful) <= len(head) + 3


def _row_price(tokens: list[Token], colon: int) -> list[Token]:
    """A ladder row's tokens after its colon, up to a note in brackets after the price."""
    after = tokens[colon + 1:]
    bracket = next((k for k, t in enumerate(after) if t.kind == Kind.SEP and t.text == "("
                    and any(u.kind == Kind.NUM for u in after[:k])), None)
    return after if bracket is None else after[:bracket]


def _noted_ladder_row(lines: list[list[Token]], texts: list[str]) -> str | None:
    """A ladder row with a note in brackets after its price ("Zone 3 ➜ 0.371 (only on a flush)"): the words may make the
    rung optional — read as the ladder's order, and held."""
    for row in _ladder_rows(lines):
        tokens = lines[row]
        colon = _row_colon(tokens)
        if colon is not None and len(_row_price(tokens, colon)) < len(tokens) - colon - 1:
            return texts[row].strip() if row < len(texts) else " ".join(t.text for t in tokens)
    return None


def _ladder_rows(lines: list[list[Token]]) -> dict[int, int]:
    """Row line -> header line for two or more ladder rows right under an entry/buy/sell label that carries no
    price of its own ("#AVAX 现货 分批买入 / 第一档：23.5 / 第二档：22.8")."""
    rows: dict[int, int] = {}
    for n, tokens in enumerate(lines):
        labels = [t for t in tokens if t.kind == Kind.LABEL]
        if not labels or labels[-1].field not in _LADDER_FIELDS or any(t.kind == Kind.NUM for t in tokens):
            continue
        run = []
        while n + 1 + len(run) < len(lines) and _is_ladder_row(lines[n + 1 + len(run)]):
            run.append(n + 1 + len(run))
        if len(run) >= 2 and _alike_headings([_row_heading(lines[k]) for k in run]):
            rows.update(dict.fromkeys(run, n))
    return rows


def _row_heading(tokens: list[Token]) -> str:
    colon = _row_colon(tokens)
    return " ".join(t.text for t in tokens[:colon] if t.kind == Kind.WORD).lower()


def _alike_headings(headings: list[str]) -> bool:
    """Rung headings repeat a word or its stem ("پله اول / پله دوم", "第一档 / 第二档", "Tier 1 / Tier 2"); two different
    words ("Entry-ish: 4.62 / Stop-ish: 4.41" in a language we do not know) are two different fields."""
    prefix = headings[0]
    suffix = headings[0]
    for h in headings[1:]:
        while prefix and not h.startswith(prefix):
            prefix = prefix[:-1]
        while suffix and not h.endswith(suffix):
            suffix = suffix[1:]
    return bool(prefix.strip() or suffix.strip())


def _postfix_labels(tokens: list[Token]) -> list[Token]:
    """"#SUI 3.52 long, 3.58 tp, 3.47 sl", "0.935 entry, 0.89 / 0.86 targets, 0.962 stop": every level label of the line
    written after its prices (a run of numbers joined by "/", "-", "|" or "~") and followed by a comma, semicolon or the
    line's end — put each run back after its label."""
    labels = [i for i, t in enumerate(tokens) if t.kind == Kind.LABEL and t.field in _POSTFIX_FIELDS]

    # (commas join a run only where they do not separate the fields: "0.24, 0.26 sell | 0.199 stop" but not
    # "158 long, 165/172, 153 stop")
    after_labels = {tokens[i + 1].text for i in labels if i + 1 < len(tokens)}
    joiners = "/-~," if "," not in after_labels else "/-~"

    def run_before(i: int) -> int:
        j = i
        # ("0.2150 to 0.2210 buy | 0.2400, 0.2600, 0.2900 sell": "to" and commas join a run too)
        def number_at(k: int) -> bool:  # a number, or "$" glued before one
            return k >= 0 and (tokens[k].kind == Kind.NUM or tokens[k].text == "$" and k + 1 < len(tokens)
                               and tokens[k + 1].kind == Kind.NUM)

        while j > 0 and (number_at(j - 1)
                         or (tokens[j - 1].kind == Kind.SEP and tokens[j - 1].text in joiners
                             or tokens[j - 1].kind == Kind.WORD and tokens[j - 1].text.lower() in ("to", "and"))
                         and number_at(j - 2)):
            j -= 1
        return j

    def postfix(i: int) -> bool:
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        return run_before(i) < i and (after is None or after.kind == Kind.SEP and after.text in ",;|")
    # ("ENA long, 0.9120 entry, 0.9480 and 0.9850 targets, 0.8790 stop": a side word with no price before it is the
    # call's side, not a postfix label)
    spots = [i for i in labels if not (tokens[i].field in (Field.LONG, Field.SHORT) and run_before(i) == i)]
    if len(spots) < 2 or not all(postfix(i) for i in spots):
        return tokens
    out: list[Token] = []
    done = 0
    for i in spots:
        start = run_before(i)
        out.extend(tokens[done:start])
        out.append(tokens[i])
        out.extend(tokens[start:i])
        done = i + 1
    out.extend(tokens[done:])
    return out


def _postfix_label_lines(lines: list[list[Token]]) -> set[int]:
    """Session 23: "SOL/USDT LONG / 145 entry / 160 target / 139 stop": every line of the post with a price and a level
    label writes its prices first and the label last, on two lines or more — the lines to read label first (a post with
    one line labelled the usual way, "Entry 145", reads every line as written)."""
    found = set()
    for n, tokens in enumerate(lines):
        meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX)]
        if not any(t.kind == Kind.NUM for t in meaningful) or not any(t.kind == Kind.LABEL for t in meaningful):
            continue
        if meaningful[0].kind == Kind.LABEL and meaningful[0].field == Field.STOP \
                and all(t.kind == Kind.NUM for t in meaningful[1:]):
            continue  # ("139 stop": normalised to "SL 139" before — the stop read either way)
        last = meaningful[-1]
        if last.kind != Kind.LABEL or last.field not in _POSTFIX_FIELDS \
                or not all(t.kind == Kind.NUM for t in meaningful[:-1]):
            return set()
        found.add(n)
    return found if len(found) >= 2 else set()


def _label_first(tokens: list[Token]) -> list[Token]:
    """The line's last label put before its prices."""
    at = max(i for i, t in enumerate(tokens) if t.kind == Kind.LABEL)
    return [tokens[at], *tokens[:at], *tokens[at + 1:]]


_ONE_THIRD = Decimal(1) / 3


_ENTRY_FIELDS = (Field.ENTRY, Field.BUY, Field.SELL, Field.LONG, Field.SHORT)
# Words between "price now" and its number ("price is at 1.92", "currently trading around 185", "Current: 25.1")
_BEFORE_PRICE_NOW = frozenset(["at", "is", "@", "around", "about", "near", "trading", "~", ":", "=", "≈", "$"])


def _says_the_price_now(tokens: list[Token]) -> bool:
    """The words since the field's last price end in a market word ("price now", "Current:", "giá hiện tại") or
    "price is (at)", "currently" — what follows is the market's price."""
    last = max(i for i, t in enumerate(tokens) if t.kind == Kind.NUM)
    words = [t for t in tokens[last + 1:] if t.kind != Kind.INDEX]
    while words and words[-1].text.lower() in _BEFORE_PRICE_NOW:
        words.pop()
    # ("Entry: 0.50 (now) / 0.48": a bracket or a slash after the market word — the next order)
    run = list(itertools.takewhile(lambda t: t.kind == Kind.WORD, reversed(words)))[:3][::-1]
    if not run:
        return False
    if run[-1].text.lower() in ("price", "currently", "цена", "precio", "preço", "prix", "fiyat"):
        return True
    tail = " ".join(t.text for t in run)
    match = None
    for match in lx.MARKET_WORDS.finditer(tail):
        pass
    return match is not None and match.end() == len(tail)


def _segments(lines: list[list[Token]]) -> list[Segment]:
    segments: list[Segment] = []
    current: Segment | None = None
    ladder = _ladder_rows(lines)
    heads: dict[int, Segment] = {}  # line -> the last entry/buy/sell segment its label opened
    postfix_lines = _postfix_label_lines(lines)
    for n, tokens in enumerate(lines):
        if n in ladder and ladder[n] in heads:
            # (the price after the row's colon or arrow: not the row's number before it, nor a note's after it)
            heads[ladder[n]].tokens.extend(t for t in _row_price(tokens, _row_colon(tokens)) if t.kind in (Kind.NUM, Kind.PCT))
            current = None
            continue
        tokens = _postfix_labels(tokens) if n not in postfix_lines else _label_first(tokens)
        meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX)]
        if current and meaningful and meaningful[0].kind == Kind.WORD \
                and (meaningful[0].text.lower() not in lx.FILLER_WORDS
                     or meaningful[0].text.lower() in _NEW_FIELD_WORDS and current.numbers):
            # a new sentence: the previous field's list has ended ("Entry 24.35 / Price 24.41": a price line of its own
            # under the entry is where the market is, not a second entry)
            current = None
        if current and meaningful and meaningful[0].kind in (Kind.PAIR, Kind.TAG):
            current = None
        orphans: list[Token] = []  # this line's tokens no segment took
        note = False  # inside a bracket opened after the field's prices: "(24h high 3550)", "(ATH 8.0)"
        for i, tok in enumerate(tokens):
            if tok.kind == Kind.SEP and tok.text in "()":
                inside = next((t for t in tokens[i + 1:] if not (t.kind == Kind.SEP and t.text == "$")), None)
                # ("TP +10% ($46.75)": a bracket opening on a price is that price, not a note about one)
                note = tok.text == "(" and current is not None and bool(current.numbers) \
                    and current.field in _NOTE_FIELDS and inside is not None and (
                        inside.kind == Kind.WORD
                        # ("SL 3376 (36 pts)", "TP4 3520 (108)": a distance in points, far off the prices' scale)
                        or inside.kind == Kind.NUM and inside.value is not None and current.numbers[-1].value
                        and not _ONE_THIRD <= inside.value / current.numbers[-1].value <= 3)
            if note and tok.kind == Kind.NUM:
                orphans.append(tok)
                if current is not None:  # (a clause word may have ended the field inside the bracket)
                    current.beside.append(tok)
                continue
            if tok.kind == Kind.NUM and current is not None and current.numbers and current.field in _ENTRY_FIELDS \
                    and _says_the_price_now(current.tokens):
                # "Entry: 1.85 — not yet, price is at 1.92 now", "Entry: 24.5 | Current: 25.1": after the field's
                # price, a price the words before it call the market's now is where the market is, not another order
                orphans.append(tok)
                current.beside.append(tok)
                continue
            if tok.kind == Kind.NUM and i and tokens[i - 1].kind == Kind.WORD and _MARKET_STAT.fullmatch(tokens[i - 1].text):
                orphans.append(tok)  # ("Entry: RSI 28 / 1) 24.20 …": a statistic's value, never a level)
                continue
            if tok.kind == Kind.LABEL and tok.field == Field.SYMBOL and current is not None \
                    and current.field in _SIDE_FIELDS and not current.numbers and current.label is not None \
                    and current.label.line == tok.line:
                # "شراء عملة LINK عند 13.20", "Long pair BTC at 64000": the coin named inside the call; the price after
                # it is still the side's
                current.tokens.append(tok)
                continue
            if tok.kind == Kind.LABEL and note and tok.field in _LADDER_FIELDS + (Field.LONG, Field.SHORT):
                continue  # "(for spot holders only: buy 148)": an order word inside a note is part of the note
            if tok.kind == Kind.LABEL and tok.field == Field.STOP and _stop_talk(tokens, i) \
                    and any(s.field == Field.STOP and s.numbers for s in segments):
                # ("SL 2.10 — expect a stop hunt near 2.14", "SL 2.10 (the last SL got hit at 2.15)"): after the stop's
                # price, a stop word that talks about stops heads a comment; its price is no other stop
                current = Segment(Field.IGNORE, tok)
                segments.append(current)
                continue
            if tok.kind == Kind.LABEL and tok.field == Field.LEVERAGE and i and tokens[i - 1].kind == Kind.LEV \
                    and tokens[i - 1].line == tok.line:
                # ("$PEPE long 10x lev, market now ~0.00001184", "20x leverage"): the word after the multiple names what
                # the multiple is — the leverage is read from it; no field opens, what follows is still the side's
                # ("long 10x lev, market now ~0.0000118" reads as "long 10x, market now ~0.0000118")
                continue
            if tok.kind == Kind.LABEL and tok.field == Field.LEVERAGE \
                    and (_leverage_in_prose(tokens, i) or _leverage_ruled_out(tokens, i)):
                # ("OI up 18% in 7 days — spot led move, not leverage.", "Keep it simple, use low leverage."): a
                # sentence that ends on the word names leverage, it sets none — the next line's number is not its value
                current = None
                continue
            if tok.kind == Kind.LABEL and tok.field in _SIDE_FIELDS and _negated_side(tokens, i):
                # ("ETH/BTC still bleeding — no ETH longs from us", "#BTC no longs until 60k reclaimed"): a side ruled out
                # is no call's side, and the price after it no entry
                current = Segment(Field.IGNORE, tok)
                segments.append(current)
                continue
            if tok.kind == Kind.LABEL:
                note = False  # ("Long 64k (SL 62k)": a label inside the bracket starts its own field)
                # (only the words since the line's previous label qualify this one: in "BTC long 64500 TP1 66000 TP2
                # 68000" the coin before "long" says nothing about TP2)
                since = max((s.label.start for s in segments if s.label is not None and s.label.line == n
                             and s.label.kind == Kind.LABEL), default=-1)
                # (nor do the words of an earlier clause: "first target 23.40 where the weekly supply starts, second
                # target 24.90")
                since = max(since, max((t.start for t in tokens[:i] if t.kind == Kind.SEP and t.text in ",;"), default=-1))
                # ("Final target (close all) 4.80", "Последняя цель 2.9": a target said to be the last is no hope
                # beside the plan)
                known = lx.LAST_TARGET_WORDS if tok.field == Field.TARGETS else frozenset()
                current = Segment(tok.field, tok, qualified=any(
                    t.kind == Kind.WORD and t.text.lower() not in lx.FILLER_WORDS
                    and t.text.lower() not in lx.ORDINAL_WORDS and t.text.lower() not in known
                    and t.start > since for t in orphans))
                segments.append(current)
                if tok.field in _LADDER_FIELDS:
                    heads[n] = current
                if tok.field in _SIDE_FIELDS:
                    current.tokens.extend(_price_before_side(orphans))
                elif tok.field in (Field.TARGETS, Field.STOP) and not any(s.field in _SIDE_FIELDS + (Field.ENTRY,)
                                                                          for s in segments[:-1]):
                    # "#SEI 0.512 🎯 0.528 / 0.545 🛑 0.498": one price right after the coin, before the exits
                    coin_price = [t for t in orphans if t.kind not in (Kind.SEP, Kind.INDEX)]
                    if len(coin_price) == 2 and coin_price[0].kind in (Kind.TAG, Kind.PAIR) and coin_price[1].kind == Kind.NUM:
                        segments.insert(len(segments) - 1, Segment(Field.ENTRY, None, [coin_price[1]]))
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if tok.kind == Kind.WORD and nxt is not None and nxt.kind == Kind.SEP and nxt.text == ":" \
                    and tok.text.lower() not in lx.FILLER_WORDS:
                if current is not None and current.field in _LADDER_FIELDS + (Field.STOP,) and current.label is not None \
                        and current.label.line == tok.line and not current.numbers \
                        and sum(t.kind == Kind.WORD for t in current.tokens) < 3 \
                        and all(t.kind in (Kind.WORD, Kind.SEP, Kind.INDEX) for t in current.tokens):
                    # "Entry legs:", "Satış bölgesi:", "매수가:", "خرید در محدوده:": words after an entry label that end
                    # in a colon are part of its heading (after a target label they may be "dream", "bonus": not so)
                    # ("Accumulate in 3 bids:": the count of its orders is in the heading too)
                    current.tokens.append(tok)
                    continue
                if current is not None and current.label is not None and current.label.line == tok.line \
                        and not current.numbers and [t.text for t in current.tokens] == ["/"] \
                        and _same_field_word(tok.text, current.field):
                    # "Take-profit / exit:", "Stop / invalidation:": a second word for the same field after a slash
                    current.tokens.append(tok)
                    continue
                if current is not None and current.field in _LADDER_FIELDS and current.numbers \
                        and _repeats_rung_heading(current, tok):
                    # "买入 第一档：23.5 第二档：22.8" flattened onto one line: the next rung, headed like the first
                    current.tokens.append(tok)
                    continue
                current = Segment(Field.IGNORE, tok)  # "Client:", "Period:" — a heading we do not use
                segments.append(current)
                continue
            if tok.kind == Kind.WORD and current is not None and current.numbers and current.field in _NOTE_FIELDS \
                    and not note and _unrelated_word(tok):
                # "Entry 24 — RSI 32 on 4H": a word of no level meaning after the field's prices ends the field
                current = None
                orphans.append(tok)
                continue
            if tok.kind == Kind.WORD and tok.text.lower() == "if" and current is not None and current.numbers \
                    and current.field == Field.TARGETS and _runner_clause(tokens, i):
                # ("taking profit at 3,340 and 3,420, and if it really goes, 3,550"): a further target for a move that
                # runs on — the list goes on after the clause
                current.tokens.append(tok)
                continue
            if tok.kind == Kind.WORD and (tok.text.lower() in _CLAUSE_WORDS or tok.text.lower() == "se" and not (
                    # pt/it "Entrada: 142,5 se o 4h fechar acima de 145" (if) — not hi-Latn "2.45 se 2.52" (from … to);
                    # session 27, heldout27
                    i + 1 < len(tokens) and tokens[i + 1].kind == Kind.NUM)) and current is not None and current.numbers:
                last = [t for t in current.tokens if t.kind != Kind.SEP][-1]
                current.before_clause = last if last.kind == Kind.NUM else None
                current = None  # "SL 4.95 — if you missed it, wait for 5.10": a new clause, not more stop prices
                continue
            ahead = next((t for t in tokens[i + 1:] if t.kind not in (Kind.SEP, Kind.INDEX)), None)
            next_rung = ahead is not None and ahead.kind == Kind.WORD and current is not None \
                and current.field in _LADDER_FIELDS and _repeats_rung_heading(current, ahead)
            if tok.kind == Kind.SEP and tok.text == "|" and current is not None and not next_rung \
                    and current.field in _SIDE_FIELDS and current.numbers and not (ahead and ahead.kind == Kind.NUM):
                # ("Buy orders: | 1) 2,940 — 30% | 2) 2,860 — 30%": a pipe before the next row keeps the list)
                current = None  # "LONG 1.05 | TP 1.12": a pipe separates fields after a side word
                continue
            if tok.kind == Kind.SEP and tok.text in "|·•" and current is not None and current.numbers and not next_rung \
                    and ahead is not None and ahead.kind == Kind.WORD and ahead.text.lower() not in lx.FILLER_WORDS:
                # "Avg entry 162.45 · Notional 373 USDT · Lev 10x": a field separator, then a word we do not know —
                # whatever that word heads is not more of this field
                current = None
                continue
            if current is not None:
                current.tokens.append(tok)
            else:
                orphans.append(tok)
    return segments


def _same_field_word(word: str, field: Field) -> bool:
    """`word` alone heading a line before a colon and a price would be a label of `field`."""
    match = lx.LABEL_RE.match(word + ": 1")
    return match is not None and match.end() == len(word) and Field(match.lastgroup.rsplit("_", 1)[0]) == field


def _repeats_rung_heading(segment: Segment, word: Token) -> bool:
    """`word` (before a colon) is the last word of the heading before the segment's first price ("第一档：", "Tier 1:")."""
    head = []
    for t in segment.tokens:
        if t.kind in (Kind.NUM, Kind.PCT):
            break
        if t.kind == Kind.WORD:
            head.append(t.text.lower())
    return bool(head) and word.text.lower() in head and word.text.lower() not in lx.FILLER_WORDS


_NOT_A_COIN_AFTER_SIDE = frozenset(["from", "term", "bias", "idea", "again", "only", "still", "call", "entry", "zone", "area",
                                    "setup", "trade", "scalp", "swing", "position", "signal", "near", "around", "above",
                                    "below", "under", "over", "about", "some", "more", "bias", "side", "spot", "perp"])


def _lower_case_after_side(tokens: list[Token]) -> SymbolCandidate | None:
    """The one lower-case word (2-6 letters) right after a long/short word, if there is exactly one."""
    found = {}
    for prev, tok in itertools.pairwise(tokens):
        if prev.kind == Kind.LABEL and prev.field in (Field.LONG, Field.SHORT) and tok.kind == Kind.WORD \
                and tok.line == prev.line and tok.text.isalpha() and tok.text.islower() and 2 <= len(tok.text) <= 6 \
                and tok.text not in _NOT_A_COIN_AFTER_SIDE and tok.text not in lx.FILLER_WORDS:
            cand = split_glued(tok.text)[0]
            if cand not in lx.NOT_COINS:
                found.setdefault(cand, tokens.index(tok))
    if len(found) != 1:
        return None
    (base, position), = found.items()
    return SymbolCandidate(base, "USDT", 0, position)


_PROFIT_LOSS = {"profit": Field.TARGETS, "loss": Field.STOP}


def _profit_loss_levels(segments: list[Segment]) -> bool:
    """"💰 Profit: 3.58 / 3.70 🩸 Loss: 3.29" under an entry: the exits, in a post with no target or stop label. (A
    results post writes "Profit: +42%" — percentages, never read so.)"""
    if not any(s.field in _LADDER_FIELDS + (Field.LONG, Field.SHORT) and s.numbers for s in segments):
        return False
    changed = False
    for seg in segments:
        field = _PROFIT_LOSS.get(seg.label.text.lower().strip()) if seg.field == Field.IGNORE and seg.label else None
        if field is None or not seg.numbers or seg.percents or any(s.field == field for s in segments) \
                or any(t.kind == Kind.WORD for t in seg.tokens):
            continue
        seg.field = field
        changed = True
    return changed


def _price_before_side(orphans: list[Token]) -> list[Token]:
    """"#BNB 600 long tp 620 ...", "#SOL 188附近空 ...": a price between the coin and the side word, taken by no label,
    is the side's entry."""
    rest = [t for t in orphans if not (t.kind == Kind.SEP or t.kind == Kind.WORD and t.text.lower() in _BEFORE_SIDE_FILLERS)]
    if len(rest) >= 2 and rest[-1].kind == Kind.NUM and rest[-2].kind in (Kind.TAG, Kind.PAIR) \
            or len(rest) >= 2 and rest[-1].kind == Kind.NUM and rest[-2].kind == Kind.WORD and rest[-2].text.isupper():
        return [rest[-1]]
    return []


_SPACED_INDEX = re.compile(r"(?<=[ \t])(\d{1,2})$")
_ANY_INDEX = re.compile(r"(\d{1,2})[ \t]*$")


def _targets_after_entry(levels: _Levels, side: Side, stop: Decimal) -> tuple[list[Decimal], list[Decimal]] | None:
    """(entries, targets) when the one entry field's prices below its label's line lie beyond those on it (or, with
    none on it, beyond nothing: three or more on one line) on the profit side, in the targets' order, and the stop on
    the loss side of all; else None."""
    if len(levels.entry_segments) != 1 or levels.entry_segments[0].label is None:
        return None
    head = levels.entry_segments[0].label.line
    on_label = [t.value for t in levels.entries if t.line == head]
    below = [t for t in levels.entries if t.line > head]
    if not below or len(below) + len(on_label) != len(levels.entries):
        return None
    values = [t.value for t in below]
    if not on_label and (len(values) < 3 or len({t.line for t in below}) != 1):
        return None
    order = sorted(values, reverse=side == Side.SHORT)
    if values != order or len(set(values)) != len(values):
        return None
    if side == Side.LONG:
        beyond = not on_label or min(values) > max(on_label)
        loss = stop < min([*on_label, *values])
    else:
        beyond = not on_label or max(values) < min(on_label)
        loss = stop > max([*on_label, *values])
    if not (beyond and loss):
        return None
    return sorted(on_label), values


# The words that head a rung of a DCA ladder ("DCA:", "DCA 2:", "Усреднение:", "Добор:", "Добір:", "تعزيز:")
# (pl "Uśrednienie:", cs "Průměrování:", sk "Priemerovanie:")
_RUNG_WORDS = (r"dca(?:\s*#?[1-9])?|safety\s+orders?(?:\s*#?[1-9])?|усреднени[ея]|добор|добір|تعزيز|补仓|加仓|추가\s*매수|"
               r"u[śs]rednieni[ea]|pr[ůu]m[ěe]rov[áa]n[íi]|priemerovanie")
# (and the averaging words that name a result, not an order: "Average:", "Ortalama:")
_DCA_LABEL = re.compile(_RUNG_WORDS + r"|averag\w*|усредн\w*|ortalama", re.IGNORECASE)


_DCA_ZONE_LABEL = re.compile(r"dca\s+(?:zone|area|range|levels?|entries)", re.IGNORECASE)


def _dca_zone_as_the_entry(segments: list[Segment]) -> None:
    """"$HBAR 🟢 / DCA zone: 0.2480 / 0.2410 / 0.2350 / TP …", "Giriş bölgesi (DCA zone): 0.7420 - 0.7180": in a post that
    names no other entry (or only an empty entry label on the same line), the zone to average into is where the trade
    is entered — the orders of the call, not add-ons to an entry written elsewhere ("Entry: CMP 1.124 / DCA: 1.060")."""
    def empty_entry_label_before(zone: Segment) -> bool:  # ("Kaufzone (DCA): 4.05 – 4.30")
        # (an entry at the market is no zone's label: "Mua … giá hiện tại, DCA 6.10 nếu về")
        return any(s.field == Field.ENTRY and s.label is not None and s.label.line == zone.label.line
                   and s.label.start < zone.label.start and all(t.kind == Kind.SEP for t in s.tokens)
                   and not lx.MARKET_WORDS.search(s.label.text) for s in segments)

    zones = [s for s in segments if s.field == Field.IGNORE and s.label is not None and s.numbers
             and (_DCA_ZONE_LABEL.fullmatch(s.label.text.strip())
                  or s.label.text.strip().lower() == "dca" and empty_entry_label_before(s))]
    if len(zones) != 1:
        return
    zone = zones[0]
    others = [s for s in segments if s.field == Field.ENTRY or s.field in (Field.BUY, *_SIDE_FIELDS) and s.numbers]
    if all(s.field == Field.ENTRY and not s.numbers and all(t.kind == Kind.SEP for t in s.tokens) and s.label is not None
           and s.label.line == zone.label.line for s in others):
        zone.field = Field.ENTRY


def _before_a_note(tokens: list[Token]) -> list[Token]:
    """The tokens before a bracketed note ("DCA 0.3720 — 60% (+1.8% / ~+$5.4)": what the rung would gain is no share), or
    before the first word after the rung's share ("Buy 0.3810 — 40% Confidence 71.2%", "DCA 0.3720 — 60% Funding +0.01%":
    a note of its own glued to the line — its figure is no share and no price of the rung)."""
    bracket = next((n for n, t in enumerate(tokens) if t.kind == Kind.SEP and t.text == "(" and n > 0), None)
    # (the share after the rung's price: "DCA 60% at 0.3720" names its price after its share)
    share = next((n for n, t in enumerate(tokens) if t.kind == Kind.PCT and "%" in t.text
                  and any(p.kind == Kind.NUM or p.kind == Kind.PCT and "%" not in p.text for p in tokens[:n])), None)
    note = None if share is None else next((n for n in range(share + 1, len(tokens)) if tokens[n].kind == Kind.WORD), None)
    ends = [n for n in (bracket, note) if n is not None]
    return tokens[:min(ends)] if ends else tokens


def _weighted_dca_legs(segments: list[Segment], levels: _Levels) -> list[Decimal]:
    """Prices of "DCA x — N%" lines when the entry's own shares and theirs add up to 100 % (the plan's legs); a bare
    "DCA: x" stays outside the entries."""
    def shares(segment: Segment) -> list[Decimal]:
        return [t.value for t in _before_a_note(segment.tokens) if t.kind == Kind.PCT and "%" in t.text and t.value is not None]
    entry_shares = [v for s in levels.entry_segments for v in shares(s)]
    if not entry_shares:
        return []
    legs: list[Decimal] = []
    leg_shares: list[Decimal] = []
    for s in segments:
        if s.field == Field.IGNORE and s.label is not None and _DCA_LABEL.fullmatch(s.label.text.strip()):
            # ("0.3720 — 60%" is tokenised as a percentage range: the number without its own "%" is the price)
            prices = [t.value for t in _before_a_note(s.tokens) if t.kind == Kind.NUM or t.kind == Kind.PCT and "%" not in t.text]
            segment_shares = shares(s)
            if len(prices) != 1 or len(segment_shares) != 1 or prices[0] is None:
                return []
            legs.append(prices[0])
            leg_shares.extend(segment_shares)
    return legs if legs and sum(entry_shares) + sum(leg_shares) == 100 else []


_BOT_NAME_WORDS = frozenset(["bot", "strategy", "robot", "robô", "бот"])
_NAME_OPENERS = frozenset([":", "'", '"', "‘", "“", "«"])


def _bot_name_words(lines: list[list[Token]]) -> Token | None:
    """"Bot: ETH-grid-long", "DCA Bot 'BTC-Swing'": a bot's name, its words joined by dashes after the bot word — a side
    word in it is part of the name (the deal's side is not written there), never a side label. Returns the ticker we
    know the first name heads in capitals (ETH), if any."""
    coin = None
    for tokens in lines:
        for i, tok in enumerate(tokens[:-2]):
            if tok.kind != Kind.WORD or tok.text.lower() not in _BOT_NAME_WORDS or tokens[i + 1].text not in _NAME_OPENERS:
                continue
            run = [tokens[i + 2]]
            for nxt in tokens[i + 3:]:
                if nxt.start != run[-1].start + len(run[-1].text) or not (nxt.kind == Kind.SEP and nxt.text in "-_"
                                                                          or run[-1].kind == Kind.SEP):
                    break
                run.append(nxt)
            if len(run) < 3 or run[0].kind != Kind.WORD \
                    or tokens[i + 1].text == ":" and not (len(run) >= 5 and run[0].text.isupper() and run[0].text in KNOWN_TICKERS):
                # ("GRID-BOT: CLOSE-LONG DOGEUSDT", "Bot: ETH-LONG"): after a colon, a name is three words or more and
                # begins with a coin; else it is the bot's command
                continue
            for t in run:
                if t.kind == Kind.LABEL and t.field in (Field.LONG, Field.SHORT):
                    t.kind, t.field = Kind.WORD, None
            if coin is None and run[0].text.isupper() and run[0].text in KNOWN_TICKERS:
                coin = run[0]
    return coin


def _dca_price_beside_the_market(lines: list[list[Token]]) -> None:
    """"$ARB short CMP pe le lo, 0.62 tak DCA kar sakte ho": on a line that enters at the market, a price written right
    before the DCA word (one short word between at most) is where to average, not the entry — set aside like a count."""
    for tokens in lines:
        if not any(t.kind == Kind.WORD and lx.MARKET_WORDS.fullmatch(t.text) for t in tokens):
            continue
        for i, tok in enumerate(tokens):
            if tok.kind != Kind.NUM or i and tokens[i - 1].kind in (Kind.LABEL, Kind.WORD):
                continue  # ("lev 10 DCA 0.62", "SL 0.58 DCA 0.62": the number is its label's)
            after = tokens[i + 1:i + 3]
            if after and after[0].kind == Kind.WORD and len(after[0].text) <= 4:
                after = after[1:]
            if after and after[0].kind == Kind.LABEL and after[0].field == Field.IGNORE \
                    and _DCA_LABEL.fullmatch(after[0].text.strip()):
                tok.kind = Kind.INDEX


# "加仓 / 补仓 / 추가매수 / 追加 0.385" heading its line: an averaging rung in CJK, read as the entry's second order
_CJK_ADD_LABEL = re.compile(r"\s*(?:追加(?:エントリー)?|买い増し|加仓|补仓|추가\s*(?:진입|매수)?)\s*")


def _cjk_add_rung_beside_the_market(lines: list[list[Token]], clean: str) -> None:
    """"SEI 롱 시장가 진입 / 추가매수 0.385 / …": beside an entry at the market an averaging rung is no entry (an order at
    the market cannot carry it, as "DCA" beside "CMP" is none) — its label is set aside, like a DCA word's."""
    rungs = [tok for tokens in lines for tok in tokens
             if tok.kind == Kind.LABEL and tok.field == Field.ENTRY and _CJK_ADD_LABEL.fullmatch(tok.text)]
    if rungs and lx.MARKET_WORDS.search(_ordering_lines(clean)):
        for tok in rungs:
            tok.field = Field.IGNORE


# ("📊 Market: Futures", "Market type: Spot", "Рынок: фьючерсы", "Mercado: Futuros"): a heading naming which market the
# trade is on, not an order at the market's price
_MARKET_TYPE_HEAD = re.compile(r"^\W*(?:market(?:\s+type)?|type|рынок|ринок|mercado|piyasa|march[ée]|markt|pasar|"
                               r"th[ịi]\s+tr[ườu][ờo]ng)\s*[:：=\-]\s*(?P<rest>[^\n]*)$", re.IGNORECASE)


def _names_the_market_type(line: str) -> bool:
    head = _MARKET_TYPE_HEAD.match(line)
    if head is None:
        return False
    rest = head.group("rest")
    return bool(lx.FUTURES_RE.search(rest) or lx.SPOT_RE.search(rest)) and not lx.MARKET_WORDS.search(rest) \
        and not re.search(r"\d", rest)


def _ordering_lines(clean: str) -> str:
    """The post without its notes of where the market stands ("Current price: 3412.50" orders nothing, on a line of its
    own or glued after a DCA or target line: "DCA: 37.90 Current price: 3412.50") and without a heading naming the market
    the trade is on ("Market: Futures")."""
    return _PRICE_NOW_GLUED.sub(" ", "\n".join(line for line in clean.split("\n")
                                               if not _PRICE_NOW_NOTE.match(line) and not _names_the_market_type(line)))


def _dca_rungs(segments: list[Segment], lines: list[list[Token]], clean: str, levels: _Levels, entries: list[Decimal],
               targets: list[Decimal], stop: Decimal | None) -> list[Decimal]:
    """Prices of "DCA: x" / "DCA 2: y" / "Усреднение: x" lines beside a limit entry, each on the averaging side of it —
    between the entry and the stop (or, with no stop, away from the targets): the rungs of a DCA ladder, placed as limit
    orders like the entry's own. Only a DCA word heading its line (or bracketed: "Beli lagi (DCA): 1.210") opens a rung:
    "Avg entry after DCA: 138.5", "New SL after DCA: 131", "Previous DCA: 136", "Average: 141.5" are results, stops or
    someone's own plan. A post that enters at the market anywhere ("Market order", "CMP 0.66 | … | DCA 0.62", "Entry:
    142 (buy now)") keeps its rungs out: an order at the market cannot carry them. A rung said in words ("DCA below
    250") or on the wrong side leaves them all out."""
    if lx.MARKET_WORDS.search(_ordering_lines(clean)) or _INSTANT_ORDER.search(clean):
        return []
    low, high = min(entries), max(entries)
    if stop is not None:
        between = (lambda p: stop < p < low) if stop < low else (lambda p: high < p < stop) if stop > high else None
    elif targets:
        between = (lambda p: p < low) if min(targets) > high else (lambda p: p > high) if max(targets) < low else None
    else:
        between = None
    if between is None:
        return []
    rungs = []
    for tokens in _rung_tokens(segments, lines):
        prices = [t.value for t in tokens if t.kind == Kind.NUM and t.value is not None]
        first = next((n for n, t in enumerate(tokens) if t.kind == Kind.NUM), len(tokens))
        # (words before the price make it a plan, not an order: "DCA below $250", "DCA if it dips to 1.2"; a note after
        # it is a note: "DCA: 10.20 Bybit"; "DCA thêm 1,16", "DCA more at 1.16" only say it adds)
        if not prices or not all(between(p) for p in prices) or not _only_adds(tokens[:first]):
            return []
        rungs.extend(prices)
    return rungs


def _dropped_rung(segments: list[Segment], lines: list[list[Token]], clean: str, entries: list[Decimal]) -> str | None:
    """The first price of a DCA rung (as `_rung_tokens` finds them) that a limit entry's list does not hold; an order at
    the market carries no rungs by design ("Entry: CMP 1.124 / DCA: 1.060")."""
    if lx.MARKET_WORDS.search(_ordering_lines(clean)) or _INSTANT_ORDER.search(clean):
        return None
    for tokens in _rung_tokens(segments, lines):
        for t in tokens:
            if t.kind == Kind.NUM and t.value is not None and t.value not in entries:
                return t.text
    return None


# Words joining an add-on to the entry's own price on the entry line ("Vào lệnh: 1,12 và DCA thêm 1,16", "Entry: 1.12
# and DCA 1.16", "Masuk 0.52 dan DCA 0.50", "入场 1.12 和补仓 1.16")
_RUNG_JOIN = re.compile(r"(?:and|then|plus|và|rồi|dan|lalu|serta|kemudian|y|e|und|et|и|ve|و|和|及|并|然后|그리고|และ|แล้ว)",
                        re.IGNORECASE)
# Words between a rung's label and its price that only say it adds ("DCA thêm 1,16", "DCA more at 1.16", "DCA di 1.16",
# "добор ещё 5.12", "补仓在 1.16")
_RUNG_ADD_WORDS = re.compile(r"(?:(?:more|add|at|thêm|ở|tại|lagi|tambah|di|en|a|à|bei|на|по|ещё|еще|daha|sa|더|에서|で|在|于|"
                             r"เพิ่ม|ที่)\s*)+", re.IGNORECASE)


# (session 23) A bot's word that its averaging orders rest on the book, bracketed after their label ("Safety orders
# (armed): 1.8460 · 1.8085", "Safety orders (placed):", "DCA (active):"): the rungs as placed, no condition on them
_RUNG_PLACED = re.compile(r"\(\s*(?:armed|placed|set|active|pending|open|live|waiting|on\s+the\s+book)\s*\)", re.IGNORECASE)


def _only_adds(tokens: list[Token]) -> bool:
    """The tokens before a rung's price are separators or words that only say it adds ("thêm", "more at"), or that say
    its orders rest on the book ("(armed)")."""
    if _RUNG_PLACED.fullmatch(" ".join(t.text for t in tokens if t.text != ":").strip()):
        return True
    words = [t.text for t in tokens if t.kind != Kind.SEP]
    return not words or bool(_RUNG_ADD_WORDS.fullmatch(" ".join(words)) or _RUNG_ADD_WORDS.fullmatch("".join(words)))


# Words that may open a bracket before its DCA word after the entry's price: it may be done, or also ("Entry: 0.4050 (can
# DCA at 0.3880)", "(pwede mag-DCA sa 0.3880)", "(bisa DCA di 0.50)", "(можно добор 5.12)", "(or DCA 0.3880)")
_RUNG_LEAD = re.compile(r"(?:(?:you|can|may|could|or|also|pwede(?:ng)?|puwede(?:ng)?|pwde|mag|bisa|boleh|có\s+thể|можно|можна|"
                        r"puedes?|podes?|pode|kannst|kann|peux|peut|puoi|può)(?:\s+|$))+", re.IGNORECASE)


def _led_in_brackets_after_the_entry(line: list[Token], at: int) -> bool:
    """The DCA word at `at` stands in a bracket opened after a price on the entry line, with only words that say it may
    be done (or also) between the bracket and it: "Entry: 0.4050 (pwede mag-DCA sa 0.3880)" — a rung of the call."""
    opened = next((n for n in range(at - 1, -1, -1) if line[n].text in "([)]"), None)
    if opened is None or line[opened].text not in "([":
        return False
    if not any(t.kind == Kind.NUM for t in line[:opened]) \
            or not any(t.kind == Kind.LABEL and t.field == Field.ENTRY for t in line[:opened]):
        return False
    inside = line[opened + 1:at]
    if any(t.kind not in (Kind.WORD, Kind.SEP) or t.kind == Kind.SEP and t.text not in "-–" for t in inside):
        return False
    words = " ".join(t.text for t in inside if t.kind == Kind.WORD)
    return bool(words) and bool(_RUNG_LEAD.fullmatch(words) or _RUNG_JOIN.fullmatch(words))


def _rung_tokens(segments: list[Segment], lines: list[list[Token]]) -> list[list[Token]]:
    """The tokens after each DCA word that may head a rung of the ladder: heading its line, bracketed ("Beli lagi (DCA):
    1.210"), or after the entry's own price on the entry line ("Вход: 5.30, усреднение 5.12", "Entry: 1.12 and DCA
    1.16") — without the rung's own number ("DCA 2: 5.95")."""
    out = []
    for s in segments:
        if s.field != Field.IGNORE or s.label is None or not _DCA_RUNG_LABEL.fullmatch(s.label.text.strip()):
            continue
        line = lines[s.label.line]
        at = next(n for n, t in enumerate(line) if t is s.label)
        bracketed = 0 < at < len(line) - 1 and line[at - 1].text == "(" and line[at + 1].text == ")"
        before = [n for n, t in enumerate(line[:at]) if t.kind not in (Kind.SEP, Kind.INDEX, Kind.NUM)
                  and not (t.kind == Kind.LABEL and t.field == Field.ENTRY)]
        last_num = max((n for n, t in enumerate(line[:at]) if t.kind == Kind.NUM), default=None)
        joined = bool(before) and last_num is not None and min(before) > last_num \
            and any(t.kind == Kind.LABEL and t.field == Field.ENTRY for t in line[:last_num]) \
            and bool(_RUNG_JOIN.fullmatch(" ".join(line[n].text for n in before))
                     or _RUNG_JOIN.fullmatch("".join(line[n].text for n in before)))
        if before and not bracketed and not joined and not _led_in_brackets_after_the_entry(line, at):
            continue  # ("Avg entry after DCA: 138.5", "Previous DCA: 136": the DCA word does not head its line)
        out.append(s.tokens[2:] if len(s.tokens) > 2 and s.tokens[0].kind == Kind.NUM and s.tokens[0].text in "123456789"
                   and s.tokens[1].text in ":-–—" else s.tokens)  # ("DCA 2: 5.95", "DCA 1 – 135": the rung's number)
    return out


# ("Use DCA only if price wicks, otherwise single entry", "DCA optional", "DCA at your own risk"): the rungs are a choice
_DCA_OPTIONAL = re.compile(r"(?:dca|averag\w*|усредн\w*|добор|добір|تعزيز)[^\n]{0,40}?(?<!\w)(?:only|if|optional|risk|unless|when|"
                           r"manual\w*|personal|recommend\w*|not\s+for\s+copy|avg|average|если|опционально|по\s+желанию|"
                           r"не\s+обязател\w*|руками|вручную|лично|si|opcional|اختياري|يدوي|إذا|اذا)(?!\w)|"
                           r"(?<!\w)(?:optional|opcional)\s+dca", re.IGNORECASE)
_PRICE_NOW_GLUED = re.compile(r"(?<!\w)(?:" + lx.PRICE_NOW_PHRASE + r"|price\s+now)\s*[:=]\s*\$?\d[\d.,]*", re.IGNORECASE)
_PRICE_NOW_NOTE = re.compile(r"^\W*(?:" + lx.PRICE_NOW_PHRASE + r"|price\s+now)\s*[:=]?\s*\$?\d[\d.,]*\s*\W*$", re.IGNORECASE)
def _noted_rung(segments: list[Segment]) -> str | None:
    """The text of a DCA rung line with words, a share or a mark after its price, if any."""
    for s in segments:
        if s.field == Field.IGNORE and s.label is not None and _DCA_RUNG_LABEL.fullmatch(s.label.text.strip()):
            first = next((n for n, t in enumerate(s.tokens) if t.kind == Kind.NUM), None)
            if first is not None and any(t.kind not in (Kind.NUM, Kind.SEP) for t in s.tokens[first:]):
                return " ".join(t.text for t in [s.label, *s.tokens])
    return None


# A DCA word that may head a rung of the ladder ("DCA:", "DCA 2:", "Усреднение:"); "Average:", "Ortalama:" name results
_DCA_RUNG_LABEL = re.compile(_RUNG_WORDS, re.IGNORECASE)


def _number_dash_rows(lines: list[list[Token]]) -> None:
    """"TARGETS / 1 - 31.90 / 2 - 32.70 / 3 - 33.80": rows that each hold a small whole number, a dash and one price,
    the numbers counting 1, 2, 3 down consecutive lines (blank lines between allowed) — the numbers are row numbers."""
    rows: list[Token] = []
    def flush() -> None:
        if len(rows) >= 2:
            for tok in rows:
                tok.kind = Kind.INDEX
        rows.clear()
    for tokens in lines:
        if not tokens:
            continue
        meaningful = [t for t in tokens if t.kind != Kind.INDEX]
        row = len(meaningful) == 3 and meaningful[0].kind == Kind.NUM and meaningful[0].text.isdigit() \
            and meaningful[1].kind == Kind.SEP and meaningful[1].text in ("-", "–", "—") and meaningful[2].kind == Kind.NUM
        if row and int(meaningful[0].text) == len(rows) + 1:
            rows.append(meaningful[0])
            continue
        flush()
        if row and meaningful[0].text == "1":
            rows.append(meaningful[0])
    flush()


def _restore_unsequenced_indexes(segments: list[Segment]) -> None:
    """A number between a target/entry label and a price is a row number only when the rows count 1, 2, 3...:
    "Target 1 8.5 / Target 2 9.1" are rows, but in "TP 6 6.5" (one label, 6 beside a 6.5 price) the 6 is the first
    target. Unsequenced spaced numbers go back to the label's numbers."""
    for fld in (Field.TARGETS, Field.ENTRY):
        numbered = [(s, m) for s in segments if s.field == fld and s.label is not None
                    and (m := _ANY_INDEX.search(s.label.text)) and not s.label.text.strip().isdigit()]
        rows = [int(m.group(1)) for _, m in numbered]
        if rows == list(range(1, len(rows) + 1)):
            # "Target 4: 2.30 / Target 5 runners": the next row's number, then a word — a row with no price
            for seg in segments:
                nums = seg.numbers
                if seg.field == fld and seg.label is not None and not _ANY_INDEX.search(seg.label.text) and len(nums) == 1 \
                        and nums[0].text == str(len(rows) + 1) and seg.tokens.index(nums[0]) + 1 < len(seg.tokens) \
                        and seg.tokens[seg.tokens.index(nums[0]) + 1].kind == Kind.WORD:
                    seg.tokens.remove(nums[0])
        # ("Target 2 0.3800 / Target 3 0.3700" with the first row written otherwise: 2, 3 still count rows)
        if rows == list(range(1, len(rows) + 1)) or len(rows) >= 2 and rows == list(range(rows[0], rows[0] + len(rows))):
            continue
        for seg, _ in numbered:
            spaced = _SPACED_INDEX.search(seg.label.text)
            first = next((t for t in seg.tokens if t.kind not in (Kind.INDEX,)), None)
            if not spaced or first is None or first.kind != Kind.NUM:
                continue  # "TP 2: 0.55" keeps its separator: a row number whatever the order
            digits = spaced.group(1)
            label = seg.label
            seg.label = Token(Kind.LABEL, label.text[:spaced.start()].rstrip(), label.start, field=label.field,
                              line=label.line)
            seg.tokens.insert(0, Token(Kind.NUM, digits, label.start + spaced.start(), value=Decimal(digits),
                                       line=label.line))


@dataclass
class _Levels:
    entry_segments: list[Segment]
    entries: list[Token]
    targets: list[Token]
    stop: list[Token]
    stop_pct: list[Token]
    stop_segments: list[Segment]
    arrow_chain: bool = False  # targets read from "entry → target → target"
    qualified_targets: bool = False  # a further target line qualified by words we do not know was left out


def _assign_levels(segments: list[Segment], filled: frozenset[int] = frozenset()) -> _Levels:
    """`filled`: the numbers of the lines that carry any token."""
    def with_numbers(*fields: Field) -> list[Segment]:
        return [s for s in segments if s.field in fields and s.numbers]

    entry_segments = with_numbers(Field.ENTRY)
    # "Market price now 0.605 Entry: 0.598" on one line: beside an entry of its own, a current/market price label
    # is where the market is
    reference = [s for s in entry_segments if _reference_price(s)]
    # ("#LTC SHORT Price at posting: 101.4 Sell limit: 103.0": beside an order label too)
    # (and beside a side word's own price: "long ETH/USDT 3,400, TP … SL 3,340 Current price: 3412.50")
    if reference and (len(reference) < len(entry_segments) or with_numbers(Field.BUY, Field.SELL, Field.LONG, Field.SHORT)):
        entry_segments = [s for s in entry_segments if s not in reference]
    # ("Entry 1: 9.80 / Entry 2: 9.60 / Avg entry after both fills: 9.68": beside entries of its own, an average entry
    # is arithmetic on them, not another order)
    # ("Вход: 3398.50 … Счет за вход: 4 | против: 1": beside an entry label of its own, one qualified by words we do not
    # know and holding only a small count is a note about the entry, not an order)
    counted = [s for s in entry_segments if s.qualified and s.numbers and all(t.text.isdigit() and t.value <= 20
                                                                              for t in s.numbers)]
    if counted and len(counted) < len(entry_segments):
        entry_segments = [s for s in entry_segments if s not in counted]
    # (session 22, open52: "Entry HANYA jika candle 4H close di bawah 1,72 / Entry: 1,70", "Entry only if the 4H closes
    # below 1.72 / Entry: 1.70"): beside an entry of its own, an entry label whose words before any price set a
    # condition names the trigger's price, not an order (the condition still holds the card)
    conditioned = [s for s in entry_segments if _condition_before_price(s)]
    if conditioned and len(conditioned) < len(entry_segments):
        entry_segments = [s for s in entry_segments if s not in conditioned]
    averaged = [s for s in entry_segments if s.label is not None and s.label.text.lower().startswith(("avg", "average"))]
    if averaged and len(averaged) < len(entry_segments):
        entry_segments = [s for s in entry_segments if s not in averaged]
    # A short stated in words sells first and buys back ("DOGE SHORT / Sell 0.165 / Buy back 0.158"); otherwise a
    # buy list is the entry and a sell list the exits.
    short_only = any(s.field == Field.SHORT for s in segments) and not any(s.field == Field.LONG for s in segments)
    first, last = (Field.SELL, Field.BUY) if short_only and with_numbers(Field.SELL) else (Field.BUY, Field.SELL)
    added = [s for s in entry_segments if s.label is not None and s.label.text.strip().lower() == "add"]
    if added and len(added) == len(entry_segments):
        # "buy: 0.4730 / add: 0.4520": the order line an "add" follows is the entry's first order
        before = [s for s in with_numbers(Field.BUY, Field.SELL) if segments.index(s) < segments.index(added[0])]
        entry_segments = before[-1:] + added
    if not entry_segments:
        for candidates in (with_numbers(first), with_numbers(Field.LONG, Field.SHORT), with_numbers(last)):
            if candidates:
                # "Buy 1: 6.45 / Buy 2: 6.10 / Buy 3: 5.80": a numbered ladder is one entry list.
                ladder = [s for s in candidates if s.field == candidates[0].field and _numbered(s)]
                entry_segments = ladder if _numbered(candidates[0]) and len(ladder) > 1 else [candidates[0]]
                # "Buy limit @ 2.380 / Buy limit @ 2.340": the same label on consecutive lines, one price each
                rows = [candidates[0]]
                for s in candidates[1:]:
                    if s.field == rows[0].field and not (filled & set(range(rows[-1].label.line + 1, s.label.line))):
                        rows.append(s)  # (the next line with anything on it: blank lines between do not count)
                if len(rows) > 1 and len(entry_segments) == 1 and all(len(s.numbers) == 1 for s in rows):
                    entry_segments = rows
                break
    entry_end = segments.index(entry_segments[0]) if entry_segments else len(segments)
    if not entry_segments:
        # "Entry: CMP" / "Buy BTC at market": an entry without a price still says how to enter.
        # ("Entry: Market price" reads as two entry labels; the one that says how to enter wins.)
        labelled = [s for s in segments if s.field == Field.ENTRY]
        entry_segments = [s for s in labelled if lx.MARKET_WORDS.search(s.text())][:1] or labelled[:1] or [
            s for s in segments if s.field in (Field.BUY, Field.SELL, Field.LONG, Field.SHORT)
            and lx.MARKET_WORDS.search(s.text())][:1]

    target_segments = with_numbers(Field.TARGETS)
    qualified = [s for s in target_segments[1:] if _qualified_label(s)]
    target_segments = [s for s in target_segments if s not in qualified]
    if not target_segments:
        # "Buy 34400 / Sell 34900-35700": after an entry, a sell (or buy-back) list is the targets.
        later = [s for s in segments[entry_end + 1:] if s.numbers and s.field in (Field.SELL, Field.BUY)
                 and s not in entry_segments]
        target_segments = later[:1]
        if later and _numbered(later[0]):
            # "Sell 1: 3.80 / Sell 2: 4.20": a numbered ladder of exits is one target list
            target_segments = [s for s in later if s.field == later[0].field and _numbered(s)]
        elif later:
            # "Sell 3.80 / Sell 4.20": the same label on consecutive lines, one price each
            rows = [later[0]]
            for s in later[1:]:
                if s.field == rows[0].field and s.label is not None and rows[-1].label is not None \
                        and not (filled & set(range(rows[-1].label.line + 1, s.label.line))):
                    rows.append(s)
            if len(rows) > 1 and all(len(s.numbers) == 1 for s in rows):
                target_segments = rows

    entries = _in_row_order(entry_segments, _without_row_numbers(entry_segments))
    targets = _in_row_order(target_segments, _without_row_numbers(target_segments))
    targets = _one_price_per_numbered_zone(target_segments, targets)
    arrow_chain = not targets and len(entry_segments) == 1 and _arrow_chain(entry_segments[0])
    if arrow_chain:
        # "LONG BTC 104k → 106k → 108k (SL 102.5k)": where the trade starts, then where it goes
        entries, targets = entries[:1], entries[1:]
    elif not targets and len(entry_segments) == 1 and entry_segments[0].field in (Field.LONG, Field.SHORT):
        groups = _comma_groups(entry_segments[0])
        if len(groups) == 2:
            # "SOL 158 long, 165/172, 153 stop": after the side word's price, a comma, then an unlabelled run
            entries, targets = groups
            arrow_chain = True  # (the same doubt as an arrow chain: the targets are a reading, held for review)
    stop_segments = [s for s in segments if s.field == Field.STOP]
    # ("stop 8.10 — aggressive stop 8.30": every stop label's prices are alternatives; _pick_stop chooses)
    stop = [t for s in stop_segments for t in s.numbers]
    # "184.5 o 186 si quieres margen": a stop price followed by an "if ..." clause is the reader's optional one
    firm = [t for t in stop if not _followed_by_clause(stop_segments, t)]
    stop = firm or stop
    stop_pct = next((s.percents for s in stop_segments if s.percents), [])
    return _Levels(entry_segments, entries, targets, stop, stop_pct, stop_segments, arrow_chain, bool(qualified))


# Words between a "price" label and its number that make it the market's price now, not an order's
_NOW_WORDS = frozenset(["now", "is", "currently", "posting", "atm", "rn", "today", "live", "сейчас", "şimdi", "simdi",
                        "ahora", "agora", "jetzt", "maintenant", "adesso", "teraz", "sekarang"])


def _reference_price(segment: Segment) -> bool:
    """"Current price: 1.92", "SHORT Price is 25.30 right now", "Price now: 14.55", "Price at posting: 101.4"."""
    label = segment.label
    if label is None:
        return False
    if _REFERENCE_PRICE.match(label.text):
        return True
    if not label.text.lower().endswith("price"):
        return False
    head = []
    for t in segment.tokens:
        if t.kind in (Kind.NUM, Kind.PCT):
            break
        head.append(t.text.lower())
    return bool(_NOW_WORDS.intersection(head))


def _followed_by_clause(segments: list[Segment], number: Token) -> bool:
    return any(s.before_clause is number for s in segments)


# (session 22, open52) the words of a condition heading an entry label's prices: en "only if", "if", "once", "when", id
# "jika"/"hanya jika"/"kalau", es/pt "si"/"solo si"/"se", de "nur wenn"/"falls", fr "seulement si", ru "если", tr "eğer"
_CONDITION_WORDS = frozenset({"if", "once", "when", "unless", "jika", "kalau", "apabila", "bila", "si", "se", "wenn",
                              "falls", "если", "eğer", "eger", "sadece", "nếu",
                              # (session 25, bots25) hi-Latn "entry tabhi lena jab 4H candle 0.620 ke upar close kare" (only
                              # then, when), hi/ur/fa/ar "जब", "अगर", "اگر", "إذا", vi "khi", pt/es/it "quando", "cuando",
                              # fr "quand", de "sobald", tl "kapag", "kung", ro "dacă", cs "pokud", pl "jeśli", "gdy"
                              "jab", "agar", "tabhi", "जब", "अगर", "اگر", "إذا", "اذا", "khi", "quando", "cuando", "quand",
                              "sobald", "kapag", "kung", "dacă", "daca", "pokud", "jeśli", "jesli", "jeżeli", "gdy"})


def _condition_before_price(segment: Segment) -> bool:
    """An entry segment whose words before its first price set a condition ("Entry only if … closes below 1.72")."""
    for t in segment.tokens:
        if t.kind in (Kind.NUM, Kind.PCT):
            return False
        if t.kind == Kind.WORD and t.text.lower() in _CONDITION_WORDS:
            return True
    return False


def _qualified_label(segment: Segment) -> bool:
    """A target label with a qualifier of its own — a word before it on its line ("Дальняя цель", "Dream target") or
    a bracket after it ("Цель (по желанию):") — that is not a row number or ordinal: a hope beside the plan."""
    label = segment.label
    if label is None:
        return False
    line = [t for t in segment.tokens if t.line == label.line]
    close = next((i for i, t in enumerate(line) if t.text == ")"), None)
    inside = line[1:close] if line and line[0].text == "(" and close is not None else []
    # ("TP2 (+4%):", "TP1 (swing):" say how much or what kind; "Цель (по желанию):" says it is optional)
    # ("TP (close all): 3210", "Цель (закрыть всё): 2.9": the last target, where the rest is closed — no qualifier)
    bracket = bool(inside) and any(t.text == ":" for t in line[close:]) and not any(t.kind in (Kind.NUM, Kind.PCT) for t in inside) \
        and any(t.kind == Kind.WORD and t.text.lower() not in lx.FILLER_WORDS and t.text.lower() not in lx.LAST_TARGET_WORDS
                for t in inside)
    # ("Alvo bônus (opcional): 25", "Objectif bonus : 2.5": a qualifier word after the label, before its prices)
    head = []
    for t in segment.tokens:
        if t.kind in (Kind.NUM, Kind.PCT):
            break
        head.append(t)
    worded = any(t.kind == Kind.WORD and t.text.lower() not in lx.FILLER_WORDS and t.text.lower() not in lx.ORDINAL_WORDS
                 and t.text.lower() not in lx.LAST_TARGET_WORDS and t.text.lower() not in _LABEL_COPULA for t in head)
    return bracket or segment.qualified or worded


# (session 22, open52: "and the final target is 3,190", "el objetivo final es 3.190", "das letzte Ziel ist 3190"): the
# verb joining a target label to its price in prose says nothing of the target — no qualifier
_LABEL_COPULA = frozenset({"is", "are", "will", "would", "be", "sits", "stands", "lies", "es", "será", "est", "sera",
                           "ist", "liegt", "wird", "é", "fica", "è", "sarà"})


def _comma_groups(segment: Segment) -> list[list[Token]]:
    """A side segment's prices split at commas ("158 , 165 / 172" -> [[158], [165, 172]]); words in between: none."""
    groups: list[list[Token]] = [[]]
    for t in segment.tokens:
        if t.kind == Kind.NUM:
            groups[-1].append(t)
        elif t.kind == Kind.SEP and t.text == "," and groups[-1]:
            groups.append([])
        elif t.kind not in (Kind.SEP, Kind.INDEX):
            return []
    return [g for g in groups if g]


def _arrow_chain(segment: Segment) -> bool:
    """Three or more prices joined only by arrows (normalised to ">"), or the first price then an arrow to a list of
    them ("long mkt 7.82 ➝ 7.95 / 8.08": where the trade starts, the arrow, where it goes)."""
    numbers = segment.numbers
    if len(numbers) < 3:
        return False
    first, last = segment.tokens.index(numbers[0]), segment.tokens.index(numbers[-1])
    between = [t for t in segment.tokens[first:last] if t.kind != Kind.NUM]
    if between and all(t.kind == Kind.SEP and t.text == ">" for t in between):
        return True
    return bool(between) and between[0].kind == Kind.SEP and between[0].text == ">" \
        and segment.tokens[first + 1] is between[0] and segment.tokens[first + 2] is numbers[1] \
        and all(t.kind == Kind.SEP and t.text in "/," for t in between[1:])


def _in_row_order(segments: list[Segment], numbers: list[Token]) -> list[Token]:
    """"1) 0.5990 2) 0.5870 3) 0.5710 5) 0.5480 4) 0.5600": rows numbered 1, 2, 3... written out of order are taken in
    the order of their numbers (only when every price has its own row number and the numbers count without gaps)."""
    index_of: dict[int, int] = {}
    for seg in segments:
        last = None
        for t in seg.tokens:
            if t.kind == Kind.INDEX:
                digits = t.text.strip(").:- ")
                last = int(digits) if digits.isdigit() else None
            elif t.kind == Kind.NUM:
                if last is not None:
                    index_of[id(t)] = last
                last = None
    rows = [index_of.get(id(t)) for t in numbers]
    if len(numbers) < 2 or None in rows or sorted(rows) != list(range(min(rows), min(rows) + len(rows))) \
            or rows == sorted(rows):
        return numbers
    return [t for _, t in sorted(zip(rows, numbers, strict=True), key=lambda pair: pair[0])]


def _one_price_per_numbered_zone(segments: list[Segment], targets: list[Token]) -> list[Token]:
    """In a numbered target ladder, a rung written as a zone ("TP1: 148-150 / TP2: 155-157", "Цель 1: 148-150") is one
    target, its first bound (the one the writer puts first, usually the nearer): four targets would split the take-profit
    into rungs the post does not have."""
    numbered = [s for s in segments if _numbered(s)]
    if len(numbered) < 2:
        return targets
    dropped: set[int] = set()
    for segment in numbered:
        row = segment.numbers
        if len(row) != 2 or row[0].line != row[1].line:
            continue
        between = segment.tokens[segment.tokens.index(row[0]) + 1:segment.tokens.index(row[1])]
        if len(between) == 1 and (between[0].kind == Kind.SEP and between[0].text.strip() in ("-", "–", "—", "~")
                                  or between[0].kind == Kind.WORD and between[0].text.lower() in ("to", "до", "a")):
            dropped.add(id(row[1]))
    return [t for t in targets if id(t) not in dropped] if dropped else targets


def _without_row_numbers(segments: list[Segment]) -> list[Token]:
    """The numbers of a field's segments, without the row numbers of a ladder written "Hedef 1 88 / Hedef 2 91":
    two or more rows, each with exactly two numbers, whose first numbers are the integers 1, 2, 3... in order."""
    rows = [s.numbers for s in segments]
    if len(rows) >= 2 and all(len(r) == 2 for r in rows) \
            and all(r[0].text.isdigit() and r[0].value == n for n, r in enumerate(rows, 1)):
        return [r[1] for r in rows]
    # "TP1 ➝ 96950 … TP3 ➝ 96350 TP 4—96000", "Alvo 4 - Lua!: 14.30": a label without its number, then the rung's
    # number with a dash after it and the price further on — the row number (its place in the ladder), not a level
    # (only after rungs numbered so: "Targets: 1 - 1.1 - 1.2" on a coin near 1 keeps its first target)
    kept: list[Token] = []
    numbered = True
    for n, segment in enumerate(segments, 1):
        row = segment.numbers
        if segment.label is None or not any(ch.isdigit() for ch in segment.label.text):
            if n >= 2 and numbered and len(row) >= 2 and row[0].text.isdigit() and row[0].value == n \
                    and segment.label is not None and _dash_after(segment, row[0]):
                row = row[1:]
            else:
                numbered = False
        kept.extend(row)
    return kept


def _dash_after(segment: Segment, number: Token) -> bool:
    after = segment.tokens[segment.tokens.index(number) + 1:]
    return bool(after) and after[0].kind == Kind.SEP and after[0].text.strip() == "-"


def _heads_a_side_line(tokens: list[Token], position: int) -> bool:
    line = tokens[position].line
    on_line = [t for t in tokens if t.line == line and t.kind not in (Kind.SEP, Kind.INDEX)]
    return bool(on_line) and on_line[0] is tokens[position] \
        and any(t.kind == Kind.LABEL and t.field in _SIDE_FIELDS for t in on_line)


def _heads_post_before_target_label(tokens: list[Token], position: int) -> bool:
    """"✅ PEPE TP1 … reached": the word is the post's first and a target's label follows it on its line ("AVAX #GTP-118 ▸
    TP1 …": the source's signal id may stand between; "🔁 via @hub / AVAX …": a relay's line may stand above)."""
    line = tokens[position].line
    after = [t for t in tokens[position + 1:position + 6] if t.line == line and t.kind != Kind.SEP]
    if len(after) >= 2 and after[0].kind == Kind.TAG and re.fullmatch(r"#[A-Za-z]{1,5}", after[0].text) \
            and after[1].kind == Kind.NUM and _names_a_signal_id(tokens, position):
        after = after[2:]
    nxt = after[0] if after else None
    above = [t for t in tokens[:position] if t.kind not in (Kind.SEP, Kind.INDEX)]
    first = position == _first_meaningful(tokens) or bool(above) and all(
        t.line < line and t.kind == Kind.WORD and t.text.lower() in _RELAY_WORDS for t in above)
    return first and nxt is not None and nxt.kind == Kind.LABEL and nxt.field == Field.TARGETS


# ("🔁 via @hub", "Forwarded from …" with its name taken out): a relay's line above the post
_RELAY_WORDS = frozenset({"via", "from", "forwarded", "relayed", "reposted", "repost", "fwd"})


def _heads_a_side_setup_line(tokens: list[Token], position: int) -> bool:
    """"INJ long setup", "BTC short zone: …": a capitalised word heading a line whose entry label begins with the side
    word — likely the coin, but "HOT long setup", "EPIC long setup" read the same: held."""
    line = tokens[position].line
    on_line = [t for t in tokens if t.line == line and t.kind not in (Kind.SEP, Kind.INDEX)]
    return bool(on_line) and on_line[0] is tokens[position] \
        and any(t.kind == Kind.LABEL and _SIDE_WORD_FIRST.match(t.text) for t in on_line)


_SIDE_WORD_FIRST = re.compile(r"(?:long|short)(?![a-z])", re.IGNORECASE)


def _numbered(segment: Segment) -> bool:
    return segment.label is not None and segment.label.text.rstrip()[-1:].isdigit()


def _is_the_price(token: Token, price: Decimal) -> bool:
    """The number written is the price read — as written, or with its point a thousands separator ("3.412" read 3412 on
    a coin at 3412: every level written so, `_read_dot_thousands`)."""
    return token.value == price or token.value is not None and _DOT_THOUSANDS.fullmatch(token.text) is not None \
        and not token.thousands_suffix and token.value * 1000 == price


def _market_noted_beside(entry_segments: list[Segment], entry: Decimal) -> bool:
    """"Entry: 182 (current 185)", "Limit entry: 182 (now trading at 185)": the market word stands before another price
    than the entry's — where the market is, beside a limit order."""
    for segment in entry_segments:
        tokens = segment.tokens
        for i, t in enumerate(tokens):
            if t.kind == Kind.WORD and lx.MARKET_WORDS.fullmatch(t.text):
                after = next((n for n in tokens[i + 1:] if n.kind == Kind.NUM), None)
                if after is not None and not _is_the_price(after, entry):
                    return True
                # ("182 (current 185)": the note's own price was set aside — a gap where it stood; "182 (market)" is
                # an order at the market, 182 where it stands)
                if i >= 2 and tokens[i - 1].text == "(" and tokens[i - 2].kind == Kind.NUM and _is_the_price(tokens[i - 2], entry):
                    close = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ")"), None)
                    if close is not None and any(tokens[k + 1].start > tokens[k].start + len(tokens[k].text) + 1
                                                 for k in range(i, close) if tokens[k + 1].line == tokens[k].line):
                        return True
    return False


# Words a market tag after the entry's price may carry ("Entry 3412 (at market price)", "Entry 0.7450 (CMP)", "142 now")
_MARKET_TAG_WORDS = frozenset(["at", "the", "price", "order", "rate", "right", "a", "an", "aprox", "approx", "approximately",
                               "around", "entry", "execution", "fill", "filled", "only", "please", "pls",
                               # ("Alım: 1,42 civarı (piyasa)", "Вход: 0.41 около (по рынку)", "Entrada: 1,42 aprox.
                               # (mercado)"): "around" in other languages, before the market tag
                               "civarı", "civari", "civarında", "civarinda", "около", "примерно", "приблизно", "khoảng",
                               "sekitar", "kisaran", "cerca", "alrededor", "aproximadamente", "aproximado", "environ",
                               "circa", "ca", "etwa", "ungefähr", "approssimativamente", "około", "ok", "lagbhag", "takriban"])


# (a bracket right after the price, or after words that tag it: "1,42 civarı (piyasa)", "0.41 около (по рынку)")
_BRACKET_RIGHT_AFTER = re.compile(r"\s*((?:[^\W\d_]+(?:\s*\.)?\s+){0,2}?)[(\[]([^)\]\d]*)[)\]]")
# ("Entry: 1.42 market Bybit", "Buy 0.41 now — 4H", "Entry 3.10 market #VIP"): the market word right after the price (tag
# words between), then a note of its own — a bracket, a dash, a tag, or a capitalised word that does not go on about the
# market ("Entry 14.20 market Is dumping" does)
_MARKET_TAG_THEN_NOTE = re.compile(
    r"\s*((?:[^\W\d_]+(?:\s*\.)?\s+){0,2}?)(?i:" + lx.MARKET_WORDS.pattern + r")\s+"
    r"(?=[(\[#@|]|[—–-]\s|[A-Z][a-z])(?!(?:Is|Are|Was|Looks?|Looking|Price|Moving|Dumping|Pumping|Going|Trading|At)\b)")


def _market_word_a_note(entry_segments: list[Segment], entry: Decimal) -> bool:
    """Every market word stands after the entry's price, in words about the market rather than a tag on the order:
    "Entry 14.20 - market is dumping now so be patient", "Entry: 1.85 — not yet, price is at 1.92 now", "Entry 5.10
    (price now 5.25)" are limit orders ("Entry: CMP 1.124", "Entry: market (3412)", "Entry: 0.6215 (CMP)" are not)."""
    note = False
    for segment in entry_segments:
        number = next((t for t in segment.numbers if _is_the_price(t, entry)), None)
        if number is None:
            if lx.MARKET_WORDS.search(segment.text()):
                return False
            continue
        k = segment.tokens.index(number)
        if lx.MARKET_WORDS.search(Segment(segment.field, segment.label, segment.tokens[:k]).text()):
            return False
        after = Segment(segment.field, None, segment.tokens[k + 1:]).text()
        if not (market := lx.MARKET_WORDS.search(after)):
            continue
        if (clause_end := re.search(r"[,;(]", after[market.end():])) is not None:
            # (session 27, cards27: "mark ~38.45, fill at market, full size (no DCA on this one)"): the words after the
            # market word's clause are a note of their own, not about the market
            after = after[:market.end() + clause_end.start()]
        if (tag := _BRACKET_RIGHT_AFTER.match(after)) is not None and lx.MARKET_WORDS.search(tag.group(2)) \
                and not any((b.line, b.start) > (number.line, number.start) for b in segment.beside) \
                and all(w.lower() in _MARKET_TAG_WORDS
                        for w in re.findall(r"[^\W\d_]+", lx.MARKET_WORDS.sub(" ", tag.group(1) + " " + tag.group(2)))):
            # ("Entry: 0.2515 (CMP) Use proper money management", "Alım: 1,42 civarı (piyasa) Binance Futures"): the
            # bracket on the price tags the order; the words after it are a note of their own
            return False
        if (tag := _MARKET_TAG_THEN_NOTE.match(after)) is not None \
                and not any((b.line, b.start) > (number.line, number.start) for b in segment.beside) \
                and all(w.lower() in _MARKET_TAG_WORDS for w in re.findall(r"[^\W\d_]+", lx.MARKET_WORDS.sub(" ", tag.group(1)))):
            return False
        words = re.findall(r"[^\W\d_]+", lx.MARKET_WORDS.sub(" ", after))
        # (a price set aside after it is where the market is: "(giá hiện tại 0.165)")
        if any(w.lower() not in _MARKET_TAG_WORDS for w in words) \
                or any((b.line, b.start) > (number.line, number.start) for b in segment.beside):
            note = True
        else:
            return False
    return note


# ("分批买入：0.00001850 / 0.00001720", "Compra por partes: 1.20 / 1.10", "Покупаем частями: 0.52 / 0.49", "Buy in two
# batches: 1.20 / 1.10"): the buy split over the two prices — two orders, not the ends of a zone
# (read only for two entries split by a slash: no gate needed)
_IN_BATCHES = re.compile(
    r"分批|分[两二三2-3](?:次|笔|档|单)|分割|段阶的|분할|나눠서|나누어|"
    r"(?<!\w)(?:(?:по\s+)?частям|частями|частинами|(?:por|en|em)\s+(?:(?:dos|duas|tres|três|2|3)\s+)?(?:partes|tramos)|"
    r"escalonad[oa]s?|kademeli|parça\s+parça|in\s+(?:(?:two|three|2|3)\s+)?(?:parts|batches|tranches|chunks)|"
    r"bertahap|dicicil|cicil|in\s+(?:zwei\s+|2\s+)?teilen|gestaffelt|en\s+(?:deux|plusieurs|2)\s+fois|par\s+paliers|"
    # ar "شراء على دفعتين" / "على دفعات" (buy in two tranches, in tranches)
    r"(?:على\s+)?(?:دفعتين|دفعات|مرحلتين)|"
    # (session 27, money27: "buy 5.06 / 4.94 (two orders)", "Entry 1.20 / 1.10 — 2 separate limits", "dos órdenes")
    r"(?:two|2|three|3|dos|duas|tres|três)\s+(?:separate\s+)?(?:orders|limits|limit\s+orders|bids|[óo]rdenes|ordens)|"
    r"separate\s+(?:orders|limits|limit\s+orders|bids))(?!\w)", re.IGNORECASE)
# ("Entrée : 84,20 / 82,90 (DCA)", "Entry: 1.20 / 1.10 (add-on)", "Вход: 5.30 / 5.12 (добор)"): the second price marked as
# the add-on right after it — two orders, not the ends of a zone
# (a currency written after a price: "3,150원", "3150 USDT", "17,40 TL")
_PRICE_UNIT_WORDS = frozenset({"원", "usdt", "usd", "usdc", "krw", "tl", "try", "eur", "₩", "₺", "€", "$"})
_SECOND_AS_ADD = re.compile(r"\s*[(\[]\s*(?:dca|add[\s-]?on|add|averag\w*|re-?entry|усреднени\w*|добор|добір|"
                            r"加仓|补仓|追加|추가(?:\s*매수)?|تعزيز)\s*[)\]]", re.IGNORECASE)


def _entry_type(levels: _Levels, values: list[Decimal], texts: list[str] | None = None) -> EntryType | None:
    text = " ".join(s.text() for s in levels.entry_segments)
    # (the whole lines of the entry: a negation may stand before the entry's label — "بدون ورود آنی، لیمیت 0.138", "لا
    # دخول فوري، ننتظر 570": no entry at once, the price is waited for)
    entry_lines = sorted({t.line for s in levels.entry_segments for t in ([s.label] if s.label else []) + s.tokens})
    negated = lx.NEGATED_MARKET.search(text) or texts is not None and any(
        0 <= n < len(texts) and lx.NEGATED_MARKET.search(texts[n]) for n in entry_lines)
    if not values:
        # ("Don't enter at market yet": no order at the market, and no price to wait for)
        return EntryType.MARKET if lx.MARKET_WORDS.search(text) and not negated else None
    if len(values) == 1:
        if lx.MARKET_WORDS.search(text) and not lx.LIMIT_WORDS.search(text) and not negated \
                and not _market_noted_beside(levels.entry_segments, values[0]) \
                and not _market_word_a_note(levels.entry_segments, values[0]):
            return EntryType.MARKET
        return EntryType.LIMIT
    if len(values) == 2 and len(levels.entry_segments) == 1 and len(levels.entry_segments[0].numbers) >= 2:
        seg = levels.entry_segments[0]
        first, second = ((t.line, t.start) for t in seg.numbers[:2])
        # ("1) 5.10 - 50%\n2) 5.25 - 50%": a dash before an allocation on another row is no range separator)
        between = [t for t in seg.tokens if first < (t.line, t.start) < second] if first[0] == second[0] else []
        words = {t.text.lower() for t in seg.tokens if t.kind == Kind.WORD} | set(text.lower().split())
        if any(t.kind == Kind.WORD and t.text.lower() in _OR_WORDS for t in between):
            return EntryType.LIMIT  # "now (0.512) or on a dip to 0.490": two alternatives, not the ends of a zone
        if any(t.kind == Kind.PCT for t in between):
            return EntryType.LIMIT  # "1.80 (50%) / 1.75 (50%)": two weighted orders, not the ends of a zone
        # ("3,150원 / 3,050원 분할": the currency written after each price stands between them too)
        marks = [t.text for t in between if not (t.kind == Kind.WORD and t.text.lower() in _PRICE_UNIT_WORDS)]
        if marks == ["/"] and not words & _RANGE_HINTS and texts is not None \
                and any(0 <= n < len(texts) and _IN_BATCHES.search(texts[n]) for n in (first[0], first[0] - 1)):
            return EntryType.LIMIT  # "分批买入：A / B", "Compra por partes: A / B": the buy split over two prices
        if marks == ["/"] and not words & _RANGE_HINTS and texts is not None and 0 <= second[0] < len(texts) \
                and _SECOND_AS_ADD.match(texts[second[0]], second[1] + len(seg.numbers[1].text)):
            return EntryType.LIMIT  # "Entrée : 84,20 / 82,90 (DCA)": the second price is the add-on
        if any(t.kind == Kind.SEP and t.text in _RANGE_SEPARATORS for t in between) \
                or any(t.kind == Kind.WORD and lx.RANGE_WORDS.fullmatch(t.text) for t in between) \
                or words & _RANGE_HINTS \
                or marks == [".", "."] \
                or marks == [">"] and first[0] == second[0]:
            # ("entry=27.40..28.10", "95.25k..95.90k": two dots, the span's notation; "📥 1.418 ⇢ 1.392", "Entry:
            # 0.441 → 0.4325": an arrow drawn from one end of the zone to the other)
            return EntryType.RANGE
    return EntryType.LIMIT


def _rescale_thousands(groups: list[list[Token]]) -> list[list[Decimal]]:
    """"38K - 39K - 41.4" next to "37.1-36.3": levels written in thousands when others carry a K."""
    all_tokens = [t for g in groups for t in g]
    # (a "0k" is no size to scale by: "entry 0k tp 65000" must not divide by zero)
    k_values = sorted(t.value for t in all_tokens if t.thousands_suffix and t.value)
    if not k_values:
        return [[t.value for t in g] for g in groups]
    reference = k_values[len(k_values) // 2]

    def scaled(t: Token) -> Decimal:
        if t.thousands_suffix or t.value == 0:
            return t.value
        ratio = t.value * 1000 / reference
        return t.value * 1000 if Decimal("0.3") < ratio < Decimal(3) else t.value

    return [[scaled(t) for t in g] for g in groups]


_SATOSHI = Decimal("1e-8")


def _from_satoshis(groups: list[list[Token]], values: list[list[Decimal]]) -> list[list[Decimal]]:
    """"Buy 21-23 sats / Targets 26 / 29 / 33 sats": once any level carries the unit, every level written as a whole
    number is in satoshis (a price written with a decimal point is kept as written)."""
    def scaled(t: Token, v: Decimal) -> Decimal:
        return v * _SATOSHI if t.in_sats or t.text.isdigit() else v

    return [[scaled(t, v) for t, v in zip(g, vs)] for g, vs in zip(groups, values)]


def _dedupe(values: list[Decimal]) -> list[Decimal]:
    seen: list[Decimal] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def _side_from_words(segments: list[Segment], levels: _Levels) -> tuple[Side | None, bool]:
    """Side stated in words, and whether the words contradict each other."""
    longs = any(s.field == Field.LONG for s in segments)
    shorts = any(s.field == Field.SHORT for s in segments)
    if longs != shorts:
        return (Side.LONG if longs else Side.SHORT), False
    if longs and shorts:
        return None, True
    used_as_targets = {id(s) for s in segments if s.field in (Field.BUY, Field.SELL) and s.numbers
                       and any(t in s.numbers for t in levels.targets)}
    # (session 27, cards27: "Objetivo 1: 93.200 – vender 50%", "TP1 4.86 — sell 30%"): a sell word with nothing but a
    # share after a target on its line is the part of the position that target takes off, never the side
    target_lines = {t.line for t in levels.targets}
    used_as_targets |= {id(s) for s in segments if s.field in (Field.BUY, Field.SELL) and s.label is not None
                        and s.label.line in target_lines and not s.numbers and s.percents}
    buys = any(s.field == Field.BUY and id(s) not in used_as_targets for s in segments)
    sells = any(s.field == Field.SELL and id(s) not in used_as_targets for s in segments)
    # "Buy price: 0.852" / "Short zone: ..." — an entry label that starts with a side word states the side.
    for s in segments:
        if s.field == Field.ENTRY and s.label is not None:
            head = s.label.text.lower().split()[0] if s.label.text.split() else ""
            buys |= head in ("buy", "long")
            sells |= head in ("sell", "short")
    if buys != sells:
        return (Side.LONG if buys else Side.SHORT), False
    return None, buys and sells


def _side_from_levels(entries: list[Decimal], targets: list[Decimal], stop: Decimal | None) -> Side | None:
    if entries and targets:
        if targets[0] > max(entries):
            return Side.LONG
        if targets[0] < min(entries):
            return Side.SHORT
    if entries and stop is not None:
        if stop < min(entries):
            return Side.LONG
        if stop > max(entries):
            return Side.SHORT
    if not entries and targets and stop is not None:
        return Side.LONG if targets[0] > stop else Side.SHORT if targets[0] < stop else None
    return None


# A leverage mark the post advises against, or that is no one's call: "don't use 50x", "No usen 100x", "Не используйте
# 50х", "đừng dùng 50x", "不要用50倍", "20x değil" (not 20x), "not 20x but 5x"; a cap beside the call's own value
# ("не больше 10х, мы берём 5х", "不要超过20倍，建议5倍", "don't use more than 20x, we use 3x") — a cap alone stays the
# call's ("Leverage: no more than 10x"); and a clause of others' losses, the past or the exchange's limits ("Members using
# 50x got liquidated", "I used 100x on this last time", "Max leverage on Binance for SUI is 50x")
_LEV_MARK = r"(?:x|х|×)?\s?\d{1,3}(?:[.,]\d)?\s?(?:x|х|×|倍|lev\w*)?"
_LEV_CAP = (r"(?:(?:don'?t|do\s+not|never)\s+(?:use|go|open|take)\s+)?(?:more|higher|over|above)\s+than|"
            r"(?:no|not)\s+(?:more|higher)\s+than|not\s+above|never\s+above|не\s+(?:больше|более|выше)|больше\s+не|"
            r"не\s+(?:використовуйте\s+)?більше|不要超过|不超过|别超过|nicht\s+mehr\s+als|no\s+m[áa]s\s+de|n[ãa]o\s+mais\s+(?:de|que)|"
            r"pas\s+plus\s+de|en\s+fazla|t[ốo]i\s+[đd]a|kh[ôo]ng\s+qu[áa]")
_LEV_CAP_RE = re.compile(_LEV_CAP, re.IGNORECASE)
_LEV_AGAINST = re.compile(
    rf"(?<!\w)(?:{_LEV_CAP}|don'?t|do\s+not|never|avoid\w*|no\s+(?:us(?:en|es|e|ar)|utilic\w+)|evit\w+|[ée]vitez|"
    r"n[ãa]o\s+us\w+|n'utilisez\s+pas|не\s+(?:использ\w+|бер\w+|став\w+|юза\w+)|не\s+використов\w+|"
    r"[đd][ừu]ng(?:\s+d[ùu]ng)?|kh[ôo]ng\s+d[ùu]ng|jangan(?:\s+(?:pakai|pake|gunakan))?|kullanmay\w+|"
    r"不要(?:用|开|使用)?|别(?:用|开)|勿用)"
    rf"(?:\s+\w+){{0,3}}?\s*{_LEV_MARK}(?:\s+(?:lev\w*|leverage))?|"
    rf"{_LEV_MARK}\s+(?:de[ğg]il|yok)(?!\w)|(?<!\w)not\s+{_LEV_MARK}\s+but(?!\w)", re.IGNORECASE)
_LEV_NOT_THE_CALLS_CLAUSE = re.compile(
    r"(?<!\w)(?:liquidat\w*|got\s+(?:rekt|wrecked|wiped)|last\s+time|(?:i|we|they|he|she)\s+used|"
    r"(?:в|как\s+в)\s+прошлый\s+раз|max(?:imum)?\s+(?:leverage|lev)\s+(?:on|at|for|in|of)\s|allows?\s+up\s+to|"
    r"ликвид\w*|liquidad\w*|likide|"
    # (session 27, money27: "They're longing SOL at 205 with 50× over there 🙃 Here's how we do it instead: … 10×
    # isolated", "other groups are shorting ETH on 75x", "everyone is aping 100x"): others' trade, never the call's
    r"(?:they(?:['’]re|\s+are)|other\s+(?:channels?|groups?|traders?|guys)\s+(?:are|were)|(?:everyone|everybody)(?:['’]s|\s+is)|"
    r"people\s+(?:are|were))\s+(?:all\s+|still\s+|already\s+)?"
    r"(?:long|short|buy|sell|open|us|ap|go|chas|fad|sp?am|gambl|degen|punt)\w*)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;.!?，。！？]\s|[,;!?，。！？()]|$")


def _leverage_marks_not_the_calls(tokens: list[Token], text_lines: list[str]) -> set[int]:
    """The ids of leverage marks the post advises against or gives to others (see _LEV_AGAINST): never the call's."""
    marks = [t for t in tokens if t.kind == Kind.LEV]
    if not marks:
        return set()
    against: set[int] = set()
    capped: set[int] = set()
    for t in marks:
        line = text_lines[t.line] if t.line < len(text_lines) else ""
        for m in _LEV_AGAINST.finditer(line):
            if m.start() <= t.start < m.end():
                (capped if _LEV_CAP_RE.search(m.group(0)) else against).add(id(t))
        clause_start = max((m.end() for m in re.finditer(r"[,;.!?，。！？()]", line[:t.start])), default=0)
        end = _CLAUSE_END.search(line, t.start)
        if _LEV_NOT_THE_CALLS_CLAUSE.search(line[clause_start:end.start() if end else len(line)]):
            against.add(id(t))
    capped -= against
    if capped and any(id(t) not in against and id(t) not in capped for t in marks):
        against |= capped
    # (session 23, opens23b: "✅ BTC TP2 hit (+21% on 10x), stop on entry. / 🆕 #LDO/USDT SHORT … 8x isolated"): a mark
    # in a clause set aside as another coin's status (blanked in the text read) is that trade's leverage, never the card's
    for t in marks:
        line = text_lines[t.line] if t.line < len(text_lines) else ""
        if t.text.strip() and t.start < len(line) and not line[t.start:t.start + len(t.text)].strip():
            against.add(id(t))
    return against


def _leverage(tokens: list[Token], segments: list[Segment], text_lines: list[str] | None = None) -> int | None:
    """The call's leverage: the first value under a leverage label (or, without one, the first "Nx" mark), or the low
    end of a range written right there ("5x-10x", "3- 8X"). A later value after other words is advice to other
    readers ("Lev 15x — rookies better 3x", "20x, conservative 5x"), never the call's; a mark advised against or given
    to others is none ("don't use 50x", "members using 50x got liquidated")."""
    if text_lines is not None and (ruled_out := _leverage_marks_not_the_calls(tokens, text_lines)):
        tokens = [t for t in tokens if id(t) not in ruled_out]
        segments = [dataclasses.replace(s, tokens=[t for t in s.tokens if id(t) not in ruled_out]) for s in segments]
    # "Leverage: 3- 8X" writes the lower bound bare, so a leverage field's plain numbers count too.
    labelled = [t for s in segments if s.field == Field.LEVERAGE for t in _before_note(s.tokens)
                if t.kind in (Kind.LEV, Kind.NUM, Kind.SEP, Kind.WORD)]
    if any(t.kind in (Kind.LEV, Kind.NUM) for t in labelled):
        return _first_leverage(labelled)
    # ("Плечо: ×10 ... TP2: 23.95 (×4)": the leverage label is the call's leverage; a mark elsewhere may be a multiple)
    # (a bare "×1" is a price note, "prices ×1 — not 1000PEPE": no leverage; "Leverage: 1x" stays)
    # ("Risk/Reward: 3.0x": a multiple under a label of something else is no leverage)
    # ("Qty 3% • Cross 8x", "(low size, 10x)": after a comma or a bullet the size's field has ended — a mark there is
    # the call's)
    elsewhere = {id(t) for s in segments if s.field == Field.IGNORE and s.label is not None and s.label.kind == Kind.LABEL
                 for t in _up_to_list_separator(s.tokens)}
    # ("DCA ladder (isolated 5x)": a margin mode's word before the mark makes it the call's leverage, whatever label
    # the line is under)
    # (session 23: or right after it — "margin 5x isolated", "Margen: 10x aislado")
    elsewhere -= {id(t) for i, t in enumerate(tokens) if t.kind == Kind.LEV
                  and any(0 <= j < len(tokens) and tokens[j].text.lower() in _MARGIN_MODE_WORDS for j in (i - 1, i + 1))}
    marks = [t for t in tokens if id(t) not in elsewhere and not (t.kind == Kind.LEV and t.value == 1)
             and t.kind in (Kind.LEV, Kind.SEP, Kind.WORD, Kind.NUM)]
    first = next((i for i, t in enumerate(marks) if t.kind == Kind.LEV), None)
    return None if first is None else _first_leverage(marks[first:], marks_only=True)


# (a stop line with nothing but its label, the price and marks: "SL 3450", "⛔ Stop-loss: $3,400")
_BARE_STOP_LINE = re.compile(r"[^\w\n]*(?:sl|s/l|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?|止损|zarar\s+durdur)"
                             r"[^\w\n]*\$?\d[\d.,]*[ \t]*(?:\$|usdt?)?[^\w\n]*", re.IGNORECASE)


def _two_bare_stop_lines(levels: _Levels, lines: list[str]) -> bool:
    """(session 23) Two lines of the card each give the stop a price of their own, with no word beside either."""
    by_line: dict[int, set[Decimal]] = {}
    for s in levels.stop_segments:
        if s.label is not None and s.numbers:
            by_line.setdefault(s.label.line, set()).update(t.value for t in s.numbers)
    values = set().union(*by_line.values()) if by_line else set()
    return len(by_line) > 1 and len(values) > 1 and all(
        line < len(lines) and _BARE_STOP_LINE.fullmatch(lines[line]) for line in by_line)


def _another_leverage(tokens: list[Token], segments: list[Segment], leverage: int, lines: list[str]) -> int | None:
    """(session 23) An "Nx" mark on the card's side line ("ETH/USDT LONG 10x") beside a leverage label of another value
    ("Leverage 25x"): the card says two leverages. Not a range ("10x-20x"), not a mark advised against or given to
    others ("don't use 50x", "cautious traders 3x": never the call's, and on lines of their own), not a heading's
    boast ("125X ALERT" on a line with no side word)."""
    if not any(s.field == Field.LEVERAGE for s in segments):
        return None
    labelled = {id(t) for s in segments if s.field == Field.LEVERAGE for t in s.tokens}
    side_lines = {t.line for t in tokens if t.kind == Kind.LABEL and t.field in _SIDE_FIELDS}
    ruled_out = _leverage_marks_not_the_calls(tokens, lines)
    for i, t in enumerate(tokens):
        if t.kind != Kind.LEV or id(t) in labelled or id(t) in ruled_out or t.line not in side_lines \
                or t.value is None or t.value in (1, leverage):
            continue
        near = [u for u in tokens[max(0, i - 2):i + 3] if u.line == t.line and u is not t]
        if any(u.kind == Kind.SEP and u.text in "-~/" or u.kind == Kind.WORD and u.text.lower() in ("to", "or", "до", "a")
               for u in near):
            continue  # ("10x-20x", "10x or 20x": a range or a choice)
        return int(t.value)
    return None


# ("You can long in 3x leverage, too", "optional 5x", "if you want, 3x"): leverage offered beside a spot buy
_LEVERAGE_OFFERED = re.compile(r"(?<!\w)(?:can|could|may|too|also|optional\w*|if\s+you|or|puedes|podes|kannst|можно)(?!\w)",
                               re.IGNORECASE)


_LEVERAGE_WORD = re.compile(r"(?<!\w)(?:leverage|levrage|leverge|lvrg|lev|lvg|плечо|kald[ıi]ra[çc]|apalancamiento|"
                            r"alavancagem|hebel|levier|leva|[đd][òo]n\s+b[ẩa]y|رافعة|اهرم)(?!\w)|杠杆|레버리지", re.IGNORECASE)


_SPOT_ETF = re.compile(r"(?<!\w)spot[\s-]+(?:etfs?|bitcoin\s+etfs?|ether\s+etfs?)(?!\w)", re.IGNORECASE)  # a fund, no market


def _spot_said_and_only_leverage(text: str, candidate: SymbolCandidate | None) -> bool:
    """(session 23) The card says spot, and nothing but the leverage says futures (no futures word, no perpetual)."""
    cleaned = _SPOT_ETF.sub(" ", _NO_LEVERAGE.sub(" ", text))
    return bool(lx.SPOT_RE.search(cleaned)) and not lx.FUTURES_RE.search(_LEVERAGE_WORD.sub(" ", cleaned)) \
        and not (candidate and candidate.perpetual) and not _SPOT_HOLDERS.search(cleaned)


_MARGIN_MODE_WORDS = frozenset({"isolated", "cross", "isolado", "aislado", "isolée", "isolato", "izole", "cruzado", "cruzada",
                                "isoliert", "изолированная", "кросс"})


def _up_to_list_separator(tokens: list[Token]) -> list[Token]:
    # (session 23: "Use 3% of balance with 20x", "2% del saldo con 10x"): "with" right before a leverage mark ends the
    # size's field too — the mark is the call's
    end = next((i for i, t in enumerate(tokens) if t.kind == Kind.SEP and t.text.strip() in (",", "•", "|", ";")
                or t.kind == Kind.WORD and t.text.lower() in _WITH_WORDS and i + 1 < len(tokens)
                and tokens[i + 1].kind == Kind.LEV), len(tokens))
    return tokens[:end]


_WITH_WORDS = frozenset(["with", "using", "con", "com", "mit", "avec", "dengan", "ile", "на", "с", "под"])


def _first_leverage(run: list[Token], marks_only: bool = False) -> int | None:
    values = [i for i, t in enumerate(run) if t.kind == Kind.LEV or t.kind == Kind.NUM and not marks_only]
    whole = [i for i in values if 1 <= run[i].value <= 1000]
    if not whole:
        return None
    first = whole[0]
    chosen = [run[first].value]
    between = run[first + 1:]
    nxt = next((i for i, t in enumerate(between) if t.kind in (Kind.LEV, Kind.NUM)), None)
    if nxt is not None and (between[nxt].kind == Kind.LEV or not marks_only) \
            and all(t.kind == Kind.SEP and t.text in "-~/" or t.kind == Kind.WORD and t.text.lower() in ("to", "a", "до", "-")
                    for t in between[:nxt]) and between[:nxt] and 1 <= between[nxt].value <= 1000:
        chosen.append(between[nxt].value)  # "5x - 10x", "3- 8X", "10 to 20x": a range, its low end
    return int(min(chosen))


def _before_note(tokens: list[Token]) -> list[Token]:
    """A field's tokens up to a bracket opened after its first value: "20x (max — 5-10x is more prudent)" is 20x and a
    note about it."""
    valued = False
    for i, t in enumerate(tokens):
        if t.kind in (Kind.LEV, Kind.NUM):
            valued = True
        elif valued and t.kind == Kind.SEP and t.text == "(":
            return tokens[:i]
    return tokens


# "(spot, no leverage)", "Sin apalancamiento (spot)": leverage named only to say there is none (tl "walang leverage",
# id "tanpa leverage", sw "bila leverage", hi "बिना leverage", fa/ur/ar "بدون رافعة", vi "không dùng đòn bẩy")
_NO_LEVERAGE = re.compile(r"(?<!\w)(?:(?:no|sin|sem|without|senza|sans|ohne|без|bez|walang|tanpa|bila|बिना|بدون|بغیر|"
                          r"kh[ôo]ng(?:\s+d[ùu]ng)?)\s+(?:leverage|apalancamiento|alavancagem|leva|levier|hebel|плеча|d[źz]wigni|"
                          r"(?:ال)?رافعة|اهرم|[đd][òo]n\s+b[ẩa]y)|kald[ıi]ra[çc]s[ıi]z|"
                          # ("Jangan pakai leverage ya", "don't use leverage", "tidak pakai leverage"): leverage ruled out
                          r"(?:jangan|tidak|tak|gak|nggak|ga|don'?t|do\s+not|never)\s+(?:(?:pakai|pake|gunakan|menggunakan|use)\s+)?"
                          r"(?:leverage|lev))(?!\w)|"
                          # hi-Latn "leverage mat lagana", "leverage nahi lena", "bina leverage" (no leverage)
                          r"(?<!\w)(?:(?:leverage|lev)\s+(?:bilkul\s+)?(?:mat|mt|na|nahi|nahin)\s+(?:lagana|lagao|lagayen|lagaye|lagaen|"
                          r"lena|lo|use\s+(?:karo|karna|karein|karen))|bina\s+(?:leverage|lev))(?!\w)|"
                          # ("不开杠杆", "无杠杆", "레버리지 없이", "ไม่ใช้เลเวอเรจ": the same in Chinese, Korean, Thai)
                          # (session 26, asia26: "不上杠杆", "别上杠杆" — leverage not put on; ja "レバなし", "ノーレバ",
                          # "レバレッジはかけない")
                          r"(?:不开|不加|不用|不带|无|零|别开|不要开?|不上|别上|不要上|不使用)杠杆|"
                          r"レバ(?:レッジ)?\s*(?:は|を)?\s*(?:なし|无し|不要|かけない|挂けない|かけず)|ノーレバ|레버리지\s*(?:없이|없음|사용\s*안|x)|무\s*레버리지|"
                          r"ไม่(?:ใช้|มี|เปิด)\s*เลเวอเรจ|"
                          # ("Leverage: none", "Lev - no", "Плечо: нет"): the field written to say there is none
                          r"(?<!\w)(?:leverage|lev|lvg|плечо|apalancamiento|alavancagem)\s*[:=\-–—]?\s*"
                          r"(?:none|no|nil|n/a|нет|ninguno|nenhuma)(?!\w)|"
                          # ("⚙️ Lev: —" on a spot card): the field left empty with a dash
                          r"(?<!\w)(?:leverage|lev|lvg)\s*[:=]\s*[—–-]+[ \t]*(?=\n|$)", re.IGNORECASE)


_NOT_THE_FUTURES_MARKET = re.compile(r"(?<!\w)(?:future\s+(?:results?|performance|returns?|gains?|profits?|outcomes?|moves?|"
                                     r"price\s+(?:moves?|action))|(?:in\s+the\s+(?:near\s+|distant\s+)?|near\s+|for\s+the\s+)future)(?!\w)",
                                     re.IGNORECASE)
_FUTURES_ONLY = re.compile(r"(?:futures?|perp\w*)\s+(?:only|เท่านั้น|tylko|solamente|somente|seulement|nur)(?!\w)|"
                           r"(?<!\w)(?:only|sadece|yaln[ıi]zca|только|solo|s[óo]|nur|chỉ)\s+(?:futures?|perp\w*|vadeli|фьючерс\w*)|"
                           r"(?:no|not|without)\s+spot(?!\w)|spot\s*(?:ไม่ได้|yok|нет|không)|"
                           # ("не на споті", "спотом не шортим, только фьючи")
                           r"(?<!\w)(?:не|ні)\s+(?:на\s+|для\s+|в\s+)?спот\w*|спот\w*\s+(?:не|ні)\s+\w+|"
                           r"(?<!\w)(?:только|лише|тільки)\s+фьюч\w*|(?<!\w)ф['ʼ]?ючерс\w*\s+(?:только|лише|тільки)", re.IGNORECASE)


# ("Ini spot ya, bukan futures", "spot, not futures", "kein Futures", "não é futuros", "không phải futures", th
# "ไม่ใช่ฟิวเจอร์ส", "фьючерсы не", "futures değil"): the futures market named only to rule it out
_FUTURES_RULED_OUT = re.compile(r"(?:(?<!\w)(?:not|no|never|bukan|tidak|nicht|kein|keine|n[ãa]o(?:\s+[ée])?|non|niente|"
                                r"sin|sem|без|не|kh[ôo]ng(?:\s+ph[ảa]i)?|ch[ảa]\s+ph[ảa]i)\s+(?:(?:a|on|in|for|the|en|em|"
                                r"auf|на|di)\s+)?|ไม่ใช่\s*|ไม่เล่น\s*)"
                                r"(?:futures?|perps?|perpetuals?|futuros?|фьючерс\w*|фьючи|ฟิวเจอร์ส?)(?!\w)|"
                                r"(?<!\w)(?:futures?|фьючерс\w*)\s+(?:değil|yok|нет|не\s+\w+)(?!\w)", re.IGNORECASE)


# Margin-mode words in chart talk or plain English, naming no market: "Golden cross on daily", "MACD cross", "EMA200
# Cross v2", "price crosses above", "margin of safety", "profit margin", "Isolated pump", "leveraged tokens" (a spot
# product). ("Cross 20x", "Isolated 10x", "Margin: cross" keep theirs.)
_NOT_A_MARGIN_MODE = re.compile(
    r"(?<!\w)(?:golden|death|bullish|bearish|macd|rsi|stoch\w*|kdj|[esw]?ma[ \t]*\d*(?:[ \t]*/[ \t]*\d+)?|\d+[ \t]*/[ \t]*\d+)"
    r"[ \t-]*cross(?:es|ed|ing|over)?(?!\w)|"
    r"(?<!\w)cross(?:es|ed|ing|over)?[ \t]+(?:over|above|below|under|up|down|v\d+)(?!\w)|"
    r"(?<!\w)(?:profit|gross|net|operating|safety)[ \t]+margins?(?!\w)|(?<!\w)margins?[ \t]+of[ \t]+(?:safety|error)(?!\w)|"
    r"(?<!\w)isolated[ \t]+(?:pumps?|dumps?|moves?|rall(?:y|ies)|spikes?|events?|cases?|incidents?|wicks?|candles?|"
    r"bounces?|drops?|breakouts?)(?!\w)|"
    r"(?<!\w)leverag\w*[ \t]+tokens?(?!\w)|"
    # ("levels in 5 min, get your margin ready"): the funds to have at hand, no market named
    r"(?<!\w)(?:get|have|keep)[ \t]+(?:your[ \t]+|the[ \t]+|some[ \t]+)?margins?[ \t]+(?:ready|prepared)(?!\w)|"
    # ("prepare margin", id "Siapkan margin dulu guys!": the same, said as a command)
    r"(?<!\w)(?:prepare|siapkan|sediakan)[ \t]+(?:your[ \t]+|the[ \t]+|some[ \t]+)?margins?(?!\w)|"
    # ("🐦 Cross-posted from X", "crosspost from our Discord", "cross-chain bridge"): a relay's or a chain's word, no
    # margin mode (session 27, heldout27)
    r"(?<!\w)cross[ \t-]*(?:post(?:ed|ing|s)?|chain|platform|exchange|listed|listing)(?!\w)",
    re.IGNORECASE)
# "Spot holders: hold", "spot bags": readers who hold the coin, named beside a futures call
_SPOT_HOLDERS = re.compile(r"(?<!\w)spot[ \t]+(?:holders?|bags?)(?!\w)", re.IGNORECASE)
# "we buy spot only", "spot only", "только спот": spot said to be the only market
_SPOT_ONLY = re.compile(r"(?<!\w)(?:spot[ \t]+(?:only|solamente|somente|seulement|nur|tylko)|(?:only|solo|s[óo]|nur|sadece|"
                        r"только)[ \t]+(?:spot|спот)|спот[ \t]+только)(?!\w)", re.IGNORECASE)


def _market(text: str, symbol: SymbolCandidate | None, leverage: int | None) -> MarketType | None:
    low = text.lower()
    spot_said = lx.SPOT_RE.search(text)
    # ("no leverage", "Leverage: none"): leverage ruled out names no futures market
    text = _NO_LEVERAGE.sub(" ", text)
    if "cross" in low or "margin" in low or "isolated" in low or "tokens" in low:
        text = _NOT_A_MARGIN_MODE.sub(" ", text)
    if "future" in low:
        # ("Past performance does not guarantee future results", "in the near future"): a disclaimer's word, no market
        text = _NOT_THE_FUTURES_MARKET.sub(" ", text)
    if spot_said:
        text = _FUTURES_RULED_OUT.sub(" ", text)
    futures = bool(lx.FUTURES_RE.search(text)) or leverage is not None or bool(symbol and symbol.perpetual)
    spot = bool(spot_said)  # (the two cuts above leave every spot word)
    if futures and spot and _FUTURES_ONLY.search(text):
        return MarketType.FUTURES  # ("Spot ไม่ได้ — Futures เท่านั้น", "no spot, futures only")
    if futures and spot and ("holder" in low or "bag" in low) and not lx.SPOT_RE.search(_SPOT_HOLDERS.sub(" ", text)):
        # ("#SOL LONG 10x … Spot holders: hold"): a word to readers who hold the coin, not the market of the call
        return MarketType.FUTURES
    if futures and spot and leverage is None and not (symbol and symbol.perpetual) and _SPOT_ONLY.search(text):
        return MarketType.SPOT  # ("#DOT LONG (spot) … high leverage is for gamblers, spot only here")
    if futures and spot:
        return None  # "SPOT & FUTURES": the post leaves it open
    if futures:
        return MarketType.FUTURES
    if spot or (symbol and symbol.quote in lx.SPOT_ONLY_QUOTES):
        return MarketType.SPOT
    return None


def _margin_mode(text: str) -> MarginMode | None:
    cross, isolated = bool(lx.CROSS_RE.search(text)), bool(lx.ISOLATED_RE.search(text))
    if cross != isolated:
        return MarginMode.CROSS if cross else MarginMode.ISOLATED
    return None


def _not_a_signal(reason: str) -> ParsedMessage:
    return ParsedMessage(kind=MessageKind.NOT_A_SIGNAL, reason=reason)


# "67 250", "3 380": a space (or narrow/no-break space) as the thousands separator.
# ("5 420,5": a decimal comma after the group, as Polish, French or Russian write it)
# (session 27, money27: the mark right after the group, "3 450x", "5 100%"; not one heading the next line — "Стоп: 3 450 /
# x10" is the stop 3450, then the leverage)
_SPACED_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})[ \u00a0\u202f\u2009](\d{3})(?!\d|\.\d|,\d{3}|[ \t\u00a0]?[xX%])")


# ("> #ETH/USDT SHORT …", "**> …**", "▪️ > …": markdown or a bullet before the quote mark)
_QUOTE_LINE = re.compile(r"^[^\w>\n]{0,6}>")
# (a post number in it, "Signal #482", is no price)
_SHORT_HEADING = re.compile(r"^(?:[^\d\n#]|#\d{0,6}|(?<![\w.])v?\d{1,2}(?:\.\d{1,2}){1,2}(?![\w.])){0,40}$")
# ("Trade ID: 7F3A", "Signal #4412", "Ref: A-19"): a reference line over the relayed reply, no text of it
_ID_LINE = re.compile(r"^\W*(?:(?:trade|signal|order|post|message|msg|call)\s*)?(?:id|no\.?|nr\.?|ref)\s*[:#]?\s*[\w-]{1,16}\W*$",
                      re.IGNORECASE)
# (a note in brackets after it, "[In reply to …] (H4)", is the relay's too)
_RELAY_LINE = re.compile(r"^\s*\[(?:in reply to|photo|video|document|sticker|forwarded)[^\]]*\](?:[ \t]*(?:\([^)\n]{0,12}\)|"
                         # ("[In reply to …] TF: 15m", "… Binance Futures": a short note with no instruction in it)
                         r"(?![^\n]*(?:clos|exit|stop|sl\b|tp\b|move|cancel|take|sell|buy|long|short))[^\n]{1,40}))?\s*$|"
                         r"^[ \t]*(?:forwarded\s+from\b.*|from:[ \t]*@\w+.*)$|"
                         # ("[2026-12-04 09:12:40]", "04.12.2026 14:05" over a reply: the client's timestamp)
                         r"^[ \t]*\[?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})[ T,]+\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*$",
                         re.IGNORECASE)


_MARKUP = re.compile(r"\*\*|__|[▪️➡️🔹•]")
# ("↩️ Reply to: 🔴 #APT SHORT 9.85", "↪️ En réponse à : #DOT LONG …", "В ответ на: #BNB/USDT вход 612"): a client's
# reply heading that quotes the earlier post inline, after the colon — read as a quoted line
_REPLY_HEAD = re.compile(r"^[^\w\n]{0,6}(?:reply(?:ing)? to|in reply to|reply|respuesta a|en r[ée]ponse [àa]|в ответ на|"
                         r"trả lời|답장|回复|antwort auf|resposta a|risposta a|yanıt|"
                         # ar "رداً على:", he "תגובה ל:", fa "پاسخ به:", pl "odpowiedź na:", uk "у відповідь на:", id "balasan
                         # untuk:", ja "返信:"
                         r"رد(?:اً|ا|ًا)?\s+على|الرد\s+على|בתגובה\s+ל|תגובה\s+ל|پاسخ\s+به|odpowied[źz]\s+na|"
                         r"у\s+відповідь\s+на|balas(?:an)?\s+(?:ke|untuk)|返信|"
                         # bn "রিপ্লাই:", hi "रिप्लाई:", th "ตอบกลับ:", el "απάντηση σε:", sw "jibu kwa:", tl
                         # "sagot sa:", fr "réponse à:"
                         r"রিপ্লাই|रिप्लाई|ตอบกลับ|απάντηση\s+σε|jibu\s+kwa|sagot\s+sa|r[ée]ponse\s+[àa]|"
                         # Session 23 (status23): a mail-style subject, "Re: ONDO", "RE: INJ long" — the thread's call
                         # (session 26, threads26: the replied-to post's text in quotation marks, no colon — '↩️ Reply to
                         # "LTC spot bag 🪙"')
                         r"re)(?:[ \t]*[:：]|(?<!re)[ \t]+(?=[\"“«]))[ \t]*(?=\S)", re.IGNORECASE)


# An exchange's notice of an order filled ("Your order BUY 120 ARB @ 0.8123 is FILLED", "Binance: Your limit order SELL
# 45.2 SUI @ 3.9150 has been FILLED.", "Your buy order for 120 ARB at 0.8123 has been filled"): the side, an amount of
# coins (no price), the coin and the fill price
_ORDER_FILL = re.compile(
    r"(?<!\w)order\s+(?:\w+\s+){0,2}?(?:(?P<side1>buy|sell)\s+(?:for\s+)?)?|(?<!\w)(?P<side2>buy|sell)\s+(?:\w+\s+)?order\s+(?:for\s+)?")
_ORDER_FILL_BODY = re.compile(
    r"(?:(?P<side>buy|sell)\s+)?(?:qty\s*:?\s*)?\d[\d,]*(?:\.\d+)?\s+(?P<coin>[#$]?[A-Za-z][A-Za-z0-9]{1,14})(?:\s?/\s?(?:usdt|usdc|usd))?"
    r"\s*(?:@|at|price\s*:?)\s*\$?(?P<price>\d[\d,]*(?:\.\d+)?)(?![\d.,]*\s*(?:%|x(?!\w)))", re.IGNORECASE)
_FILLED_WORD = re.compile(r"(?<!\w)(?:is\s+|has\s+been\s+|was\s+|got\s+)?(?:fully\s+)?(?:filled|executed)(?!\w)", re.IGNORECASE)
# ("Your order BUY 0.1 BTC @ 60000 was cancelled", "… has expired"): the exchange's notice of an order that never filled
_ORDER_VOIDED = re.compile(r"(?<!\w)(?:is\s+|has\s+been\s+|was\s+|got\s+)?(?:cancel+ed|expired|rejected)(?!\w)", re.IGNORECASE)
# (after a sell filled: the whole holding sold, or the trade said to be over — not asked: "Trade done? Not yet";
# "nothing left to do but wait for TP2" is no holding gone)
_WHOLE_EXIT = re.compile(r"(?<!\w)(?:(?:whole|entire|full)\s+(?:\w+\s+)?(?:bag|position|stack|holding)|"
                         r"trade\s+(?:is\s+)?(?:done|over|complete|completed|finished)|fully\s+(?:exited|closed|sold|out|covered)|"
                         r"nothing\s+left(?!\s+(?:to|but|for|except)(?!\w)))(?!\w)(?![ \t]*[?？])")
# (after a fill: a part of the position still held — "holding the rest", "1.5 ETH left", "the whole position is not
# closed", "trade is not over", "TP2 still pending", "wait for TP2": whatever else it says, no close of the whole)
_REST_KEPT = re.compile(r"(?<!\w)(?:(?:hold|holding|keep|keeping|riding|ride|let)\s+the\s+rest|rest\s+(?:rides|runs|running|is\s+open|"
                        r"still\s+open|open)|(?:\d[\d.,]*\s*(?:%\s*|[a-z]{2,10}\s+)?|half\s+|some\s+)left(?!\s+to(?!\w))|"
                        r"(?:is|are|was|'?s)\s+not\s+(?:yet\s+)?(?:closed|over|done|finished|sold|covered)|isn'?t\s+(?:closed|over|done|finished)|"
                        r"not\s+yet|still\s+(?:pending|open|running|holding|in)|wait(?:ing)?\s+for\s+(?:the\s+)?(?:tp|target)\s*\d|"
                        r"(?:tp|target)\s*\d\s+(?:is\s+)?(?:still\s+)?(?:pending|open|next))(?!\w)")
# (a fill that added to the position: "Added to the short", "That's my DCA #2, avg now 0.80", "Short entry 2 filled")
_FILL_ADDED = re.compile(r"(?<!\w)(?:added|adding|add\s+to|dca|averag\w*|avg|scaled\s+in|entry\s*#?\s*\d|\d(?:nd|rd|th)\s+entry|"
                         r"safety\s+order)(?!\w)")
# ("Members: 'Your order …", "“Your order …"): a quote mark opened right before the notice's words
_QUOTE_OPENED = re.compile(r"(?<!\w)[\"'“‘«„][ \t]*(?:\w+[ \t]+){0,2}$")
# ("… is FILLED — sorry, wrong chat 😅", "posted by mistake, ignore this"): the notice was not meant for the channel
_NOT_MEANT = re.compile(r"(?<!\w)(?:wrong\s+(?:chat|group|channel|window|tab|account)|(?:posted|sent|shared)\s+by\s+mistake|"
                        r"ignore\s+(?:this|that|it)|disregard(?:\s+(?:this|that|it))?)(?!\w)")
_SHORT_WORD = re.compile(r"(?<!\w)(?:short|shorts|shorted)(?!\w)")
# ("Partially covered the short", "short covered", "closed the short")
_SHORT_COVERED = re.compile(r"(?<!\w)(?:short\s+(?:\w+\s+)?(?:covered|closed|exited)|(?:covered|covering|closed|closing|exited)\s+"
                            r"(?:\w+\s+)?(?:the\s+|my\s+|our\s+)?(?:whole\s+|entire\s+)?short)(?!\w)(?![ \t]*[?？])")


def _order_fill_notice(text: str) -> ParsedMessage | None:
    """An exchange's fill notice, read as the card it stands for: a buy filled is an open at its fill price, held (the
    order was the writer's, no exit is read from it), or an add to the position, or the cover of a short the post
    names; a sell filled ends the trade when the post says the whole holding went or the trade is done (a part when it
    says so, or that a part is still held), or adds to a short the post names. A notice of an order cancelled, alone,
    is no signal. None when the post is no such notice, or it is unclear (spot exit or a short? the whole or a part?)."""
    clean = normalize(text)
    lines = clean.split("\n")
    notices: list[tuple[str, str, str]] = []  # (side, coin, price)
    rest_parts: list[str] = []
    voided = False
    for line in lines:
        head = _ORDER_FILL.search(line)
        if head is None:
            rest_parts.append(line)
            continue
        body = _ORDER_FILL_BODY.match(line, head.end())
        side = head.group("side1") or head.group("side2") or (body.group("side") if body else None)
        if body is None or side is None:
            return None
        if _QUOTE_OPENED.search(line, 0, head.start()):
            # ("Members: 'Your order BUY 5 SOL @ 142 is FILLED' — that's what you'll see"): a notice quoted, as an example
            return _not_a_signal("an exchange's fill notice quoted as an example")
        word = _FILLED_WORD.search(line, body.end())
        if word is None:
            void = _ORDER_VOIDED.search(line, body.end())
            if void is None or line[body.end():void.start()].strip():
                return None
            voided, word = True, void
        coin = body.group("coin").lstrip("#$")
        if not (coin.isupper() and coin.upper() in KNOWN_TICKERS or body.group("coin")[0] in "#$"):
            return None  # (a word there may be no coin: only a ticker we know, or a tagged one)
        notices.append((side.lower(), coin.upper(), body.group("price")))
        rest_parts.append(line[word.end():])
    if not notices or len({coin for _, coin, _ in notices}) > 1:
        return None
    rest = "\n".join(rest_parts)
    lowered = rest.lower()
    side, coin, price = notices[-1]
    if voided:
        # (the order never filled: no position came of it — the rest of the post, read alone, may still say something
        # of a coin it names; the notice itself is never a close)
        alone = _parse(rest) if len(notices) == 1 and re.search(r"\w", rest) else None
        if alone is not None and alone.symbol is not None and alone.kind != MessageKind.NOT_A_SIGNAL:
            return alone
        return _not_a_signal("an exchange's notice of an order cancelled on the writer's account")
    if _NOT_MEANT.search(lowered):
        return _not_a_signal("an exchange's notice the writer says was posted by mistake")
    note = ("read from an exchange's fill notice",)
    if side == "buy" and _SHORT_WORD.search(lowered) and not _FILL_ADDED.search(lowered):
        # ("Your order BUY 50 SOL @ 142 is FILLED / Short fully closed 🎯"): the buy covered the short the post names
        if _REST_KEPT.search(lowered) or _part_closed(lowered):
            return _replace(_parse(f"#{coin} short partially closed"), notes=note)
        if (_WHOLE_EXIT.search(lowered) or _SHORT_COVERED.search(lowered)) and not _LIQUIDATION_HYPOTHESIS.search(lowered) \
                and not is_conditional_close(lowered):
            return _replace(_parse(f"#{coin} short closed"), notes=note)
        return None
    if _FILL_ADDED.search(lowered) and not _SHORT_COVERED.search(lowered) \
            and (side == "buy" and not _SHORT_WORD.search(lowered) or side == "sell" and _SHORT_WORD.search(lowered)):
        # ("Your order SELL 2 ETH @ 3100 is FILLED / Added to the short, whole position now 5 ETH"): one more entry of
        # the position filled — no open of a new trade, never its close
        return _replace(_parse(f"#{coin} {'short ' if side == 'sell' else ''}entry filled"), notes=note)
    if side == "buy":
        if len(notices) > 1:
            return None
        card = _parse(f"#{coin} LONG\nEntry: {price}" + (f"\n{rest}" if rest.strip() else ""))
        if card.kind != MessageKind.OPEN or card.symbol is None or card.symbol.split("/")[0] != coin:
            return None
        why = "held for review: an exchange's fill notice — the order was filled on the writer's account"
        return _replace(card, rejected=f"{card.rejected}; {why}" if card.rejected else why,
                        notes=(*card.notes, "read from an exchange's fill notice"))
    if _SHORT_WORD.search(lowered) and not _SHORT_COVERED.search(lowered):
        return None  # (a sell beside a short: its entry, or unclear — never read as a close)
    if _part_closed(lowered) or _REST_KEPT.search(lowered):
        return _replace(_parse(f"#{coin} partial close"), notes=note)
    if _WHOLE_EXIT.search(lowered) and not _LIQUIDATION_HYPOTHESIS.search(lowered) \
            and update_action(lowered) not in (UpdateAction.PARTIAL_CLOSE, UpdateAction.ADD_ENTRY) \
            and not is_conditional_close(lowered):
        return _replace(_parse(f"#{coin} closed"), notes=note)
    return None


# An execution bot's fill card in fields ("🤖 ApexExec | ORDER FILLED / Symbol: SEIUSDT / Side: SELL (open short) / Qty:
# 4,800 / Fill price: 0.3874 / Lev: 8x", "✅ Order filled / Pair: 1000PEPE/USDT / Side: BUY / Avg price: 0.01874 /
# Leverage: 10x"): the order that opened the writer's position — an open at its fill price with no exit, held
_FILL_CARD_HEAD = re.compile(r"(?<!\w)(?:order|position)\s+(?:filled|executed|opened)(?!\w)|^[^\w\n]*(?:filled|executed)(?!\w)",
                             re.IGNORECASE | re.MULTILINE)
_FILL_CARD_COIN = re.compile(r"^[^\w\n]*(?:symbol|pair|instrument|market|contract)[ \t]*[:=][ \t]*(?P<pair>[#$]?[A-Za-z0-9]{2,20}"
                             r"(?:[ \t]?/[ \t]?(?:usdt|usdc|usd))?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
# (the side opened: "BUY", "LONG", "Short", "SELL (open short)" — a bare "SELL" may close a long: no open read)
_FILL_CARD_SIDE = re.compile(r"^[^\w\n]*side[ \t]*[:=][ \t]*(?:(?P<long>buy|long)(?:[ \t]*\((?:open[ \t]+)?long\))?|"
                             r"(?P<short>short|sell[ \t]*\((?:open[ \t]+)?short\)|short[ \t]*\(sell\)))[ \t]*$",
                             re.IGNORECASE | re.MULTILINE)
_FILL_CARD_PRICE = re.compile(r"^[^\w\n]*(?:fill(?:ed)?[ \t]+price|avg\.?[ \t]+(?:fill[ \t]+)?price|average[ \t]+(?:fill[ \t]+)?price|"
                              r"exec(?:ution|uted)?[ \t]+price)[ \t]*[:=][ \t]*\$?(?P<price>\d[\d,]*(?:\.\d+)?)[ \t]*$",
                              re.IGNORECASE | re.MULTILINE)
_FILL_CARD_LEVERAGE = re.compile(r"^[^\w\n]*(?:lev|leverage)[ \t]*[:=][ \t]*(?:x[ \t]?)?(?P<lev>\d{1,3})[ \t]?x?[ \t]*$",
                                 re.IGNORECASE | re.MULTILINE)
# (a fill of a rung or of a call whose exits are set — "Entry 2 filled", "TP/SL attached", "position active", "reduceOnly",
# a safety order, a target or a stop filled — is that call's progress, read as before)
_FILL_CARD_OF_A_CALL = re.compile(r"(?<!\w)(?:entry[ \t]*#?[1-9]|tp|tps|sl|take[ \t-]*profit|stop|target\w*|attached|active|"
                                  r"reduce[ \t_-]?only|safety|dca|avg[ \t]+entry|average[ \t]+entry|close\w*|exit\w*|"
                                  r"realized|pnl|signal|call)(?!\w)", re.IGNORECASE)


def _fill_card(text: str) -> ParsedMessage | None:
    """A bot's fill card in fields that opened the writer's position, read as the open it is: the coin, the side, the
    fill price and the leverage, no exit — held as an entry-only bot post. None for any other post."""
    clean = normalize(text)
    if _FILL_CARD_HEAD.search(clean) is None or _FILL_CARD_OF_A_CALL.search(clean) is not None:
        return None
    coin, side = _FILL_CARD_COIN.search(clean), _FILL_CARD_SIDE.search(clean)
    price, lev = _FILL_CARD_PRICE.search(clean), _FILL_CARD_LEVERAGE.search(clean)
    if coin is None or side is None or price is None or lev is None:
        return None
    card = _parse(f"{coin.group('pair')} {'LONG' if side.group('long') else 'SHORT'}\nEntry: {price.group('price')}\n"
                  f"Leverage: {lev.group('lev')}x")
    if card.kind != MessageKind.OPEN or card.symbol is None:
        return None
    why = "held for review: a bot's fill card — the order was filled on the writer's account, no exit is given"
    return _replace(card, rejected=f"{card.rejected}; {why}" if card.rejected else why,
                    notes=(*card.notes, "read from a bot's fill card"))


# (session 24) a bridge's heading over a relayed card: "via Discord:", "[Discord > TG]", "bridged from #vip-calls"
_BRIDGE_HEADING = re.compile(r"(?<!\w)(?:via\s+discord|discord\s*>\s*(?:tg|telegram)|bridged\s+(?:from|by|via)|"
                             r"relayed\s+(?:from|by|via))(?!\w)")
# (session 24) the words of a card's heading line (":green_circle: **LONG** $SOL", "🔴 SHORT #ARB/USDT 10x"): a few, no sentence
_CARD_HEAD_WORDS = re.compile(r"[^\W\d_]+")


def _reply_to_quote(text: str) -> ParsedMessage | None:
    """"[In reply to …] / > #ETH/USDT SHORT Entry … / Close it now": the quoted lines are the earlier post, the rest
    is the message. Its status applies to the quoted coin and side; a quoted setup is never opened again."""
    lines = [ln for ln in text.split("\n") if ln.strip() and not _RELAY_LINE.match(_MARKUP.sub("", ln))]
    headed = [_REPLY_HEAD.sub("> ", ln, count=1) for ln in lines]
    inline, lines = headed != lines, headed
    quoted = [n for n, ln in enumerate(lines) if _QUOTE_LINE.match(ln)]
    # ("GO / [In reply to …] / > …": a short heading line over the relayed reply is no text of the reply)
    first = quoted[0] if quoted else 0
    # (a relay's bold, "**😂 Saw this in a 'premium' group today:**", is no length of the heading)
    if quoted and first and not all(_SHORT_HEADING.match(bare := _MARKUP.sub("", ln)) or _ID_LINE.match(bare)
                                    for ln in lines[:first]):
        return None
    heading = normalize("\n".join(lines[:first])).lower()
    head_line = lines[first - 1] if first else ""
    lines = lines[first:]
    quoted = [n - first for n in quoted]
    if not quoted or quoted != list(range(len(quoted))) or len(quoted) == len(lines):
        return None  # only a block of quoted lines heading the post is a quote (not "> Entry" bullets under a title)
    own_text = "\n".join(lines[len(quoted):])
    own = _parse(own_text)
    if heading and _LOOK_BACK.search(heading) and own.kind != MessageKind.OPEN \
            and (own.kind != MessageKind.UPDATE or own.update_action not in POSITION_CHANGES):
        # ("💰 Throwback to last week 👇 / > ENTER LONG / > APT/USDT … / All 3 targets smashed, +62%"): an old card quoted
        # under a look-back heading, with how it ended — a results post, no status of a running trade
        return _not_a_signal("a look back at a past call quoted: a results post")
    if own.kind != MessageKind.OPEN and _OLD_CARD_WARNING.search(normalize(own_text).lower()) \
            and not _RIGHT_NOW_ORDER.search(normalize(own_text).lower()):
        # Session 26 (threads26): ("> #SOL long 10x / > Entry … / ↳ not valid anymore, that trade closed on Monday at TP2.
        # please don't enter old cards someone forwards you"): an old card quoted to warn the readers off it — the trade
        # ended before, nothing of a follower's closes or changes now (a close would end a newer trade on the coin), and
        # the quoted card never opens
        return _not_a_signal("an old card quoted to warn readers off it, no status of a running trade")
    quote_text = "\n".join(ln[ln.index(">") + 1:] for ln in lines[:len(quoted)])
    if own.kind == MessageKind.OPEN and own.symbol is None and inline and len(quoted) == 1:
        # ("↩️ Reply to: 📷 ETH 1H — falling wedge (photo) / this one 👆 long from … / tp … / stop …"): a full call naming
        # no coin, in reply to a chart's caption that heads with one — the caption read as the call's heading line; held
        headed = _parse(quote_text + "\n\n" + own_text)
        if headed.kind == MessageKind.OPEN and headed.symbol is not None and (headed.side, headed.entries, headed.targets,
                                                                               headed.stop_loss) \
                == (own.side, own.entries, own.targets, own.stop_loss):
            why = "held for review: symbol: the coin is read from the caption the call replies to"
            return _replace(headed, rejected=f"{headed.rejected}; {why}" if headed.rejected else why)
    if own.kind == MessageKind.OPEN:
        return own
    quote = _parse(quote_text)
    if inline and quote.symbol is None and len(quoted) == 1 \
            and (named := _QUOTED_CALL_NAME.match(lines[0][lines[0].index(">") + 1:])) is not None \
            and named.group("coin").lstrip("#$").upper() in KNOWN_TICKERS:
        # ("↩️ Reply to: OP call", "Replying to: #INJ long"): the inline quote names the earlier call by its coin alone —
        # a ticker we know, in capitals or tagged, before "call", "signal", "long" … — the replied-to trade's coin
        quote = _replace(quote, symbol=f"{named.group('coin').lstrip('#$').upper()}/USDT")
    elif quote.symbol is None and (named := _QUOTED_CALL_HEAD.match(lines[0][lines[0].index(">") + 1:])
                                   or _QUOTED_LEVELS_HEAD.match(lines[0][lines[0].index(">") + 1:])) is not None \
            and named.group("coin").lstrip("#$").upper() in KNOWN_TICKERS:
        # ("> ARB call kanina, market entry 0.812 / TP1 0.795 tapos na ✅", "> SOL long from this morning, 142"): the quote
        # opens on a ticker we know, then the call's word — the replied-to call's coin, its levels not read as a new call
        quote = _replace(quote, symbol=f"{named.group('coin').lstrip('#$').upper()}/USDT")
    if inline and quote.symbol is None and len(quoted) == 1 \
            and (named := _QUOTED_CALL_TAIL.match(lines[0][lines[0].index(">") + 1:])) is not None \
            and named.group("coin").lstrip("#$").upper() in KNOWN_TICKERS:
        # (session 22, status52) ("↩️ Respuesta a: SEÑAL PREMIUM SOL", "Reply to: VIP signal #ARB", "Ответ на: Сигнал
        # XRP"): the inline quote names the earlier call by the call's word, then its coin — the replied-to trade's coin
        quote = _replace(quote, symbol=f"{named.group('coin').lstrip('#$').upper()}/USDT")
    if inline and quote.symbol is None:
        return None  # ("В ответ на: #BNB/USDT вход 612": an inline quote read as no call — the post is read whole)
    if own.kind == MessageKind.NOT_A_SIGNAL and quote.symbol is None and head_line and quote.kind == MessageKind.OPEN \
            and (card := _parse(head_line + "\n" + quote_text)).kind == MessageKind.OPEN and card.symbol is not None \
            and card.side is not None and _parse(head_line).symbol == card.symbol \
            and len(_CARD_HEAD_WORDS.findall(normalize(unmangle(head_line)))) <= 4:
        # (session 24) (":green_circle: **LONG** $SOL / > Entry: 142.10 - 144.80 / > :dart: 148 / 152 / > :octagonal_sign:
        # 137.5 / _bridged by DiscoGram_"): a Discord card's body set in a quote block under its own heading — the heading
        # names the coin, the quote none: no earlier post quoted but the card itself, read whole
        return None
    if own.kind == MessageKind.NOT_A_SIGNAL and own.reason == _TOLD_WITH_NOTHING_TO_DO:
        # (session 27, heldout27) ("> still long $BTC from 60k … / Same here, we're still holding our BTC long from 60,2k.
        # Nothing to do"): the reply tells its own running trade with nothing to do — no status of the quoted one
        return own
    if own.kind == MessageKind.NOT_A_SIGNAL:
        # ("closing this one now" names no coin: in a reply, the quoted trade is the one meant)
        lowered = normalize(own_text.replace("\u2705", " done ")).lower()
        action = update_action(lowered)
        if (action or is_close(lowered)) and lx.ASKS_THE_ADMIN_RE.search(lowered):
            # Session 24 (traps24): ("↩️ Reply to: #ATOM LONG / I closed my ATOM at 4.62 lol … admin are you still
            # holding?"): a reader's own exit, told beside a question to the admin — never the quoted trade's close
            return _not_a_signal("a reader's own trade told beside a question to the admin, not the channel's status")
        if quote.symbol and is_close(lowered) and action not in (UpdateAction.PARTIAL_CLOSE, UpdateAction.CANCEL_ENTRY):
            own = ParsedMessage(kind=MessageKind.CLOSE, update_action=close_action(lowered))
        elif quote.symbol and action:
            own = ParsedMessage(kind=MessageKind.UPDATE, update_action=action, target_index=tp_hit_index(lowered))
        elif quote.symbol and _LEVELS_UPDATED.search(lowered) and not _NEGATED_CHANGE.search(lowered):
            # Session 26 (threads26): ("> XRP targets 2.48 / 2.61 / 2.80 / targets updated to 2.52 / 2.70 / 2.95 — entry & stop
            # unchanged"): the quoted trade's targets revised — an update of that trade, never a new card
            own = ParsedMessage(kind=MessageKind.UPDATE)
        elif quote.symbol and _CORRECTION.search(lowered) and (level := _CORRECTED_LEVEL.search(lowered)) is not None:
            # ("↩️ Reply to: 🔴 SHORT #SUI … SL 1.49 / Correction ⚠️ typo in the SL above, it's 1.94 not 1.49", "Corrección: el
            # TP3 es 13.80, no 18.30"): a level of the quoted call corrected — an update of that trade (the stop's new price
            # is read below, as a correction's; another level is no change the executor makes), never the call again
            own = ParsedMessage(kind=MessageKind.UPDATE,
                                update_action=UpdateAction.NEW_STOP if level.group("stop") else UpdateAction.OTHER)
        elif quote.kind == MessageKind.OPEN and quote.symbol is not None and heading and _BRIDGE_HEADING.search(heading) \
                and not _LOOK_BACK.search(heading):
            # (session 24) ("**ChartWizard** via Discord: / > :green_circle: long WIF / > entry 2.31-2.36 / … / Good luck
            # 🍀"): a bridge's heading over the card it carries in a quote block, a footer under it asking for nothing —
            # the card is the post
            return None
        else:
            return _not_a_signal("a reply to an earlier post that asks for nothing")
    if quote.symbol and own.symbol and own.symbol != quote.symbol and own.kind in (MessageKind.CLOSE, MessageKind.UPDATE) \
            and _ON_THE_QUOTED.search(own_text):
        # ("↩️ Reply to: #DOT SHORT 4.62 / Cut it now, ETH is ripping"): the change is done to "it", the quoted trade —
        # the other coin is why
        own = _replace(own, symbol=None, side=None)
    replied = _replace(own, symbol=own.symbol or quote.symbol, side=own.side or quote.side)
    if replied.kind == MessageKind.UPDATE and replied.update_action in _KEEPS_A_STOP_CHANGE:
        # ("↩️ Reply to: #OP LONG … / TP2 smashed 🎯 Move SL to TP1 now"): the reply's stop move read in full, as a post's
        replied = _stop_changes_kept(replied, normalize(own_text).lower())
        if replied.new_stop is not None and quote.entries and replied.symbol == quote.symbol \
                and (replied.side == Side.LONG and replied.new_stop >= min(quote.entries)
                     or replied.side == Side.SHORT and replied.new_stop <= max(quote.entries)):
            # (a stop put on the wrong side of the quoted call's entry would close the trade at once: no price to act on)
            replied = _replace(replied, new_stop=None)
    return replied


# Session 26 (threads26): every order of a call cancelled ("cancel all unfilled orders", "cancel all pending entries",
# "cancelar todas las órdenes pendientes", "cancelem todas as ordens", "отменяем все ордера", "tüm emirleri iptal",
# "alle offenen Orders stornieren", "annulez tous les ordres", "batalkan semua order")
_EVERY_PENDING_ORDER = re.compile(
    r"(?<!\w)(?:cancel\w*|pull\w*|remov\w*|delet\w*)\s+(?:all|every|any)\s+(?:of\s+)?(?:(?:the|our|your)\s+)?"
    r"(?:(?:unfilled|pending|open|remaining|limit|entry|buy|sell)\s+)?(?:orders?|entries|limits|bids)(?!\w)|"
    r"(?<!\w)cancel\w*\s+todas\s+(?:las\s+|as\s+)?(?:[óo]rdenes|ordens|entradas)|"
    r"(?<!\w)(?:отмен\w*|снима\w*)\s+все\s+(?:\w+\s+)?(?:ордер\w*|лимитк\w*|заявк\w*)|"
    r"(?<!\w)t[üu]m\s+(?:\w+\s+)?emirler\w*\s+iptal|(?<!\w)alle\s+(?:\w+\s+)?orders?\s+(?:stornier|l[öo]sch)\w*|"
    r"(?<!\w)annul\w*\s+tous\s+les\s+ordres|(?<!\w)batal\w*\s+semua\s+order")
# (nothing of the call filled: "entry zone never got touched", "nobody's in this one", "ran without us", "no position
# opened", "nadie entró", "ninguém entrou", "никто не вошёл", "kimse girmedi", "niemand ist drin")
_NOTHING_FILLED = re.compile(
    r"(?<!\w)(?:never\s+(?:got\s+|was\s+)?(?:touched|filled|triggered|reached|hit|activated)|nobody(?:'?s|\s+is|\s+got|\s+was)\s+in|"
    r"no\s+one(?:'?s|\s+is|\s+got|\s+was)\s+in|(?:we|i)\s+never\s+got\s+(?:in|filled)|(?:ran|went|moved|flew)\s+(?:\w+\s+){0,3}?without\s+us|"
    r"nothing\s+(?:got\s+|was\s+)?filled|no\s+fills?|no\s+position\s+(?:was\s+)?(?:opened|taken)|nadie\s+(?:entr[óo]|est[áa]\s+dentro)|"
    r"ningu[ée]m\s+entrou|никто\s+не\s+(?:вош[её]л|зашёл|зашел)|не\s+исполнил\w*|kimse\s+girmedi|niemand\s+ist\s+drin|"
    r"personne\s+n'?est\s+(?:entr[ée]|dedans))(?!\w)")
# (a part filled beside: "first entry filled, cancel all other orders")
_SOME_FILLED = re.compile(r"(?<!\w)(?:(?:first|1st|one|entry\s*1|e1|f1)\s+(?:entry\s+|order\s+|rung\s+)?(?:got\s+|was\s+|is\s+)?filled|"
                          r"partially\s+filled|we(?:'re|\s+are)\s+in\s+(?:from|at|with))(?!\w)")


# Session 26 (threads26): a warning not to take old or forwarded cards ("please don't enter old cards someone forwards you",
# "never trade old signals", "no entren en señales viejas", "não entrem em sinais antigos", "не входите по старым сигналам",
# "keine alten Signale handeln", "n'entrez pas sur les anciens signaux", "eski sinyallere girmeyin", "jangan masuk sinyal
# lama", "不要跟旧信号")
_OLD_CARD_WARNING = re.compile(
    r"(?<!\w)(?:don'?t|do\s+not|never|stop|avoid)\s+(?:enter(?:ing)?|tak(?:e|ing)|follow(?:ing)?|trad(?:e|ing)|copy(?:ing)?|"
    r"open(?:ing)?|us(?:e|ing))\s+(?:any\s+|these\s+|those\s+)?(?:old|stale|outdated|expired|past|forwarded|recycled)\s+"
    r"(?:cards?|calls?|signals?|setups?|posts?|screenshots?)(?!\w)|"
    r"(?<!\w)no\s+(?:entr(?:es|en|ar)|tom(?:es|en))\s+(?:en\s+)?(?:las\s+)?(?:se[ñn]ales|tarjetas|calls)\s+(?:viejas|antiguas)|"
    r"(?<!\w)n[ãa]o\s+(?:entr(?:e|em)|sig(?:a|am))\s+(?:em\s+|n?os\s+)?(?:sinais|calls)\s+(?:antigos|velhos)|"
    r"(?<!\w)не\s+(?:входите|заходите|берите)\s+(?:по\s+|в\s+)?(?:старым|старые)\s+(?:сигнал\w*|сделк\w*)|"
    r"(?<!\w)keine\s+alten\s+signale|(?<!\w)n'entrez\s+pas\s+sur\s+(?:les\s+)?anciens\s+signaux|"
    r"(?<!\w)eski\s+sinyallere\s+girme\w*|(?<!\w)jangan\s+(?:masuk|ikut)\s+sinyal\s+lama|不要(?:跟|进)旧(?:信号|单)")
# (an order of now beside such a warning: "old card, don't enter it — if you're still in, close now")
_RIGHT_NOW_ORDER = re.compile(r"(?<!\w)(?:close|exit|cut|move\s+(?:your\s+)?(?:sl|stop))\w*\s+(?:\S+\s+){0,3}?(?:now|asap|immediately)(?!\w)|"
                              r"(?<!\w)if\s+you(?:'re|\s+are)\s+(?:still\s+)?in(?!\w)")


# A sentence opening on a question to the other readers ("anyone else stopped out on …?", "did anybody catch …?", "is it
# just me or …?", "¿alguien más …?", "alguém mais …?", "кто-нибудь ещё …?"), its question mark closing it
# ("guys did anyone get filled …?", "fam, anyone still holding …?": a word calling the readers may come first)
_ASKS_THE_OTHERS = re.compile(r"(?:^|(?<=[\n.!]))[^\w\n]*(?:(?:guys|fam|folks|frens|fren|bros?|people|ppl|everyone|team|all|hey|yo)"
                              r"[^\w\n]{0,3}\s*)?(?:(?:does|did|has|have|is)\s+)?(?:anyone|anybody|any1|some1)\s+"
                              r"(?:else\s+|here\s+)?(?:get|got|gets|getting|still|also|in|on|caught?|catch|hit|see|seeing|take|took|know|knows|"
                              r"stopped|holding|hold|else|long|short|longing|shorting)\b"
                              # (session 27, heldout27: "anyone else long $HBAR here or am I the only degen 😅": the
                              # question's second half asks it, without a mark)
                              r"(?:[^?\n]{0,140}\?|[^?\n.!]{0,60}?\bor\s+(?:am\s+i\s+the\s+only|is\s+it\s+(?:just\s+)?me)\b)|"
                              r"(?:^|(?<=[\n.!]))[^\w\n]*(?:is\s+it\s+just\s+me|am\s+i\s+the\s+only\s+one)\b[^?\n]{0,140}\?|"
                              r"(?:^|(?<=[\n.!]))[^\w\n]*¿?(?:alguien\s+m[áa]s|alguém\s+mais|кто-(?:то|нибудь)\s+ещ[её])\b[^?\n]{0,140}\?",
                              re.IGNORECASE)


# An inline quote naming the earlier call by its coin ("OP call", "#INJ long", "SOL signal ⬆️")
# ("↪️ Risposta a: INJ", "↩️ রিপ্লাই: APT সিগন্যাল"): the coin alone, or before the call's word in the channel's language —
# it "segnale", pl "sygnał", bn "সিগন্যাল", el "σήμα", he "סיגנל" / "איתות", ur "سگنل", th "สัญญาณ", ja "シグナル"
_QUOTED_CALL_NAME = re.compile(r"^[^\w#$\n]*(?P<coin>[#$][A-Za-z][A-Za-z0-9]{1,9}|[A-Z][A-Z0-9]{1,9})(?:/?USDT)?(?:\s+"
                               # (session 26, threads26: "LTC spot bag", "SOL spot", "ETH bag"; asia26: "SOL futures")
                               r"(?:(?:spot\s+)?(?:bag|position)|spot|SPOT|futures|FUTURES|"
                               r"call|signal|trade|setup|position|long|short|LONG|SHORT|segnale|sygna[łl]|সিগন্যাল|σήμα|"
                               r"סיגנל|איתות|سگنل|สัญญาณ|シグナル)(?!\w))?[^\w\n]*$")


# (session 22, status52) An inline quote naming the earlier call by the call's word, then its coin alone, tagged or in
# capitals ("SEÑAL PREMIUM SOL", "VIP signal #ARB", "Сигнал XRP", "Sinal #BNB", "Sinyal VIP AVAX", "Segnale ETH")
# (session 27, heldout27: fr "NOUVEAU SIGNAL AVAX", de "NEUES SIGNAL", pl "NOWY SYGNAŁ", nl "NIEUW SIGNAAL", ro "SEMNAL NOU")
_QUOTED_CALL_TAIL = re.compile(r"^[^\w#$\n]*(?i:(?:vip|premium|free|new|nueva|nuevo|novo|nova|новый|yeni|nuovo|nouveau|nouvel|"
                               r"neues|neuer|nowy|nieuw|nieuwe)\s+)*"
                               r"(?i:signal|se[ñn]al|sinal|сигнал|sinyal|segnale|sygna[łl]|signale?|signaal|semnal|call|trade|setup)"
                               r"(?:\s+(?i:vip|premium|free|nou|#?\d{1,4}))*\s*[:—–-]?\s*"
                               r"(?P<coin>[#$][A-Za-z][A-Za-z0-9]{1,9}|[A-Z][A-Z0-9]{1,9})(?:/?USDT)?[^\w\n]*$")


# A quoted line opening on the earlier call's coin and the call's word, then anything ("ARB call kanina, market entry 0.812")
_QUOTED_CALL_HEAD = re.compile(r"^[^\w#$\n]*(?P<coin>[#$][A-Za-z][A-Za-z0-9]{1,9}|[A-Z][A-Z0-9]{1,9})(?:/?USDT)?\s+"
                               r"(?:call|signal|trade|setup|scalp|swing|long|short|LONG|SHORT|CALL|SIGNAL|SCALP)(?!\w)")


# Session 26 (threads26): a quoted line opening on a ticker we know and the call's level word ("> XRP targets 2.48 / 2.61",
# "> SOL entry 142–145", "> #ARB TP 0.52 / 0.56"): the replied-to call's coin
_QUOTED_LEVELS_HEAD = re.compile(r"^[^\w#$\n]*(?P<coin>[#$][A-Za-z][A-Za-z0-9]{1,9}|[A-Z][A-Z0-9]{1,9})(?:/?USDT)?\s+"
                                 r"(?:targets?|tps?|entry|entries|sl|stop(?:[\s-]*loss)?|levels?)\s*:?\s*\$?\d", re.IGNORECASE)
# (the reply revises the targets: "targets updated to …", "new targets: …", "TPs changed", "objetivos actualizados", "alvos
# atualizados", "цели обновлены", "hedefler güncellendi", "Ziele angepasst", "objectifs mis à jour")
_LEVELS_UPDATED = re.compile(
    r"(?<!\w)(?:(?:targets?|tps?|take[\s-]*profits?)\s+(?:are\s+|have\s+been\s+|got\s+)?(?:updated|changed|revised|adjusted|"
    r"raised|lowered|moved|extended)|(?:new|updated|revised)\s+(?:targets?|tps?)|objetivos\s+(?:actualizados|cambiados|nuevos)|"
    r"nuevos\s+objetivos|alvos\s+(?:atualizados|alterados|novos)|novos\s+alvos|цели\s+(?:обновлены|изменены|новые)|новые\s+цели|"
    r"hedefler\s+(?:g[üu]ncellendi|de[ğg]i[şs]ti)|yeni\s+hedefler|ziele\s+(?:aktualisiert|angepasst|ge[äa]ndert)|neue\s+ziele|"
    r"objectifs\s+(?:mis\s+[àa]\s+jour|modifi[ée]s)|nouveaux\s+objectifs)(?!\w)")
_NEGATED_CHANGE = re.compile(r"(?<!\w)(?:not|no|never|don'?t|won'?t|isn'?t|aren'?t|haven'?t|if|would|should)\s+(?:\w+\s+){0,2}?"
                             r"(?:updated|changed|revised|adjusted|new\s+targets?|update|change)(?!\w)")


# The level a correction names, with its price ("typo in the SL above, it's 1.94", "el TP3 es 13.80", "entry is 0.52")
_CORRECTED_LEVEL = re.compile(r"(?<!\w)(?:(?P<stop>sl|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?|zarar\s+durdur)|"
                              r"tp\s*\d?|targets?|take[\s-]*profit|objetivo|alvo|tejk\w*|тейк\w*|цел[ьи]|hedef\w*|ziel\w*|"
                              r"entry|entrada|вход|giri[şs]|einstieg)(?!\w)[^\d\n]{0,30}\d")


# A change said of the replied-to trade by a pronoun ("close it", "cut this one", "exit that")
_ON_THE_QUOTED = re.compile(r"(?<!\w)(?:close|closing|cut|cutting|exit|exiting|kill|dump)\s+(?:it|this|that)(?:\s+one)?(?!\w)",
                            re.IGNORECASE)


# A bot's payload under a heading that says it is not live ("Webhook received (TEST — ignore)", "Raw payload example for
# the docs", "Alert received - demo account", "replay of yesterday's alert", "mistake — SOL not ETH")
_PAYLOAD_NOT_LIVE = re.compile(r"\A[^\n{]{0,100}?(?<!\w)(?:test\w*|demo|paper|example|sample|replay\w*|backtest\w*|ignore|"
                               r"mistake|error|wrong|old|already|do\s+not\s+copy|don'?t\s+copy|simulat\w*|dry[\s-]?run|docs?)"
                               r"(?!\w)[^\n{]*\n\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\Z", re.IGNORECASE)


def parse_message(text: str) -> ParsedMessage:
    """Classify and parse one Telegram message text (or media caption). Never raises on any str."""
    parsed = _parse_written_or_spoken(text)
    if parsed.kind == MessageKind.OPEN and isinstance(text, str) and (market := _not_a_coin(text, parsed)) is not None:
        held = f"held for review: {parsed.symbol} is {market}, not a crypto coin; no exchange we trade lists it"
        return _replace(parsed, rejected=f"{held}; {parsed.rejected}" if parsed.rejected else held)
    if parsed.kind != MessageKind.OPEN and isinstance(text, str):
        parsed = _taken_back_or_corrected(text, parsed)
    if parsed.kind in (MessageKind.CLOSE, MessageKind.UPDATE) and isinstance(text, str):
        parsed = _others_acted_not_the_channel(text, parsed)
    if parsed.kind == MessageKind.CLOSE and parsed.symbol is None and ONE_OF_SEVERAL_RE.search(normalize(text).lower()):
        # (session 23, partial23) "Close one of your positions", "close ONE of the longs": which trade is not said
        return _not_a_signal("a close of one of several positions, which one not said: for an operator")
    if parsed.kind in (MessageKind.CLOSE, MessageKind.UPDATE) and parsed.side is None and parsed.symbol is not None \
            and isinstance(text, str) \
            and (side := _side_letter_heading(text, parsed.symbol) or _side_letter_after_the_coin(text, parsed.symbol)
                 or _side_word_heading(text, parsed.symbol)) \
            is not None:
        parsed = _replace(parsed, side=side)
    return _with_close_fraction(text, parsed)


# Session 24 (status24a): the post's first line is its coin and one capital letter for the side ("AVAX L 🟢", "ETH S",
# "#SUI S", "BTC/USDT (L)") — the channel's short heading over the status below; the letter is that trade's side
_SIDE_LETTER_HEADING = re.compile(r"[^\w#$\n]*[#$]?(?P<coin>[A-Za-z][A-Za-z0-9]{1,9})(?:/?USDT)?[ \t]*(?:[-–—|:][ \t]*)?"
                                  r"(?P<open>\()?(?P<side>[LS])(?(open)\))(?![\w/&.'’])[^\w\n]*(?:\n|\Z)")


def _side_letter_heading(text: str, symbol: str) -> Side | None:
    """The side a status post's heading gives by one capital letter after its coin ("ETH S" → short), when the coin is
    the post's; None otherwise (a lone "S" or "L" anywhere else is no side)."""
    text = text.lstrip()
    heading = _SIDE_LETTER_HEADING.match(text, _RELAY_OVER_POST.match(text).end())
    if heading is None or heading.group("coin").upper() != symbol.split("/")[0]:
        return None
    return Side.LONG if heading.group("side") == "L" else Side.SHORT
# Session 26 (threads26): a reply's heading line naming the replied-to call by its coin and side word alone ("↩️ APT short",
# "Reply to: #ETH long", "Re: SOL SHORT", "Ответ на: BTC лонг", "Respuesta a: ADA short") — the side of the trade the status
# below is about, whatever side its sentences talk of ("oops, those levels were for the long side … APT signal cancelled")
_SIDE_WORD_HEADING = re.compile(
    r"[^\w#$\n]*(?:(?:re|reply(?:ing)?\s+to|in\s+reply\s+to|respuesta\s+a|resposta\s+a|ответ\s+на|yan[ıi]t)[ \t]*:?[ \t]*)?"
    r"[\"'«“]?[#$]?(?P<coin>[A-Za-z][A-Za-z0-9]{1,9})(?:/?USDT)?[ \t]+(?:(?P<long>long|лонг)|(?P<short>short|шорт))"
    r"(?:[ \t]+(?:call|signal|trade|setup|сигнал|señal|sinal))?[\"'»”]?[^\w\n]*(?:\n|\Z)", re.IGNORECASE)


def _side_word_heading(text: str, symbol: str) -> Side | None:
    """The side a status post's heading line gives by its side word after the post's coin, the line saying nothing else."""
    text = text.lstrip()
    heading = _SIDE_WORD_HEADING.match(text, _RELAY_OVER_POST.match(text).end())
    if heading is None or heading.group("coin").upper() != symbol.split("/")[0]:
        return None
    return Side.LONG if heading.group("long") else Side.SHORT


# (session 24, status24b) "BNB S ⬇️ / TP1 …", "ETH L ❌ stopped …", "**DOGE S**": a status line headed by the coin and
# one capital letter for its side, L (long) or S (short), ending there or before a symbol — the shorthand of channels
# that write their calls "BTC L 10x". Upper case only, in the raw text: "eth s" is no side, nor "S/R", "L/S ratio",
# "S2", "L." after a coin.
_SIDE_LETTER_AFTER_COIN = re.compile(r"(?m)^[^\w\n]*[#$]?([A-Za-z0-9]{2,15})(?:/?USDT)?[ \t]+([LS])(?=[ \t]*(?:$|\*\*)|[ \t]+[^\w\s/&.,:;-])")


def _side_letter_after_the_coin(text: str, symbol: str) -> Side | None:
    base = symbol.partition("/")[0].upper()
    found = {Side.LONG if m.group(2) == "L" else Side.SHORT
             for m in _SIDE_LETTER_AFTER_COIN.finditer(text) if m.group(1).upper() == base}
    return found.pop() if len(found) == 1 else None


def _with_close_fraction(text: str, parsed: ParsedMessage) -> ParsedMessage:
    """(session 23, partial23) A partial close carries how much of the position it takes, when the post writes it
    (`close_fraction`); a bot payload's card read before has set it already."""
    if parsed.kind != MessageKind.UPDATE or UpdateAction.PARTIAL_CLOSE not in (parsed.update_action, *parsed.also_actions):
        return parsed if parsed.close_fraction is None else _replace(parsed, close_fraction=None)
    if parsed.close_fraction is not None:
        return parsed
    fraction = close_fraction(normalize(text).lower())
    return parsed if fraction is None else _replace(parsed, close_fraction=fraction)


def _not_a_coin(text: str, parsed: ParsedMessage) -> str | None:
    """What a card's instrument is when no crypto exchange lists it: a forex pair ("EURUSD", "GBP/JPY", "XAUUSD" — gold
    against the dollar, not the XAUT token), an index or commodity CFD ("US30", "NAS100", "USOIL", "GOLD"), a share
    ("$TSLA", "AAPL", tokenised "TSLAX"), or any ticker we do not know on a card that says it is for shares or forex
    ("STOCK PICK … (NASDAQ)", "AKTIEN-SIGNAL", "FX SIGNAL … MT4", "توصية فوركس"). A trade of it would be a different
    market's (lots, shares) placed on whatever coin shares its letters — held for a person, never traded."""
    base, _, quote = (parsed.symbol or "").partition("/")
    if not base:
        return None
    if forex_pair(base, quote) is not None or base in lx.FOREX_CODES or base in lx.METAL_CODES:
        return "a forex pair (a currency or metal)"
    if base in lx.CFD_NAMES:
        return "an index or commodity (a CFD)"
    if base in lx.STOCK_TICKERS or base.endswith("X") and base[:-1] in lx.STOCK_TICKERS:
        return "a share (a stock ticker)"
    if base not in KNOWN_TICKERS and lx.NOT_CRYPTO_MARKET.search(text):
        return "an instrument of a card for shares or forex"
    return None


_NAMED_TICKER = re.compile(r"[#$]?([A-Za-z][A-Za-z0-9]{1,14})(?![A-Za-z0-9])")


def _acts(parsed: ParsedMessage) -> bool:
    """The reading closes, cancels or changes a follower's position (a target reached, a fill, a bare note do not)."""
    return parsed.kind == MessageKind.CLOSE or parsed.kind == MessageKind.UPDATE and (
        parsed.update_action in POSITION_CHANGES or parsed.update_action == UpdateAction.CANCEL_ENTRY)


def _taken_back_or_corrected(text: str, parsed: ParsedMessage) -> ParsedMessage:
    """A close or change the post corrects to another coin is read for that coin ("Close ETH — sorry, I meant SOL" closes
    SOL, never ETH; "#ETH schließen — ich meinte #BTC", read as two coins, closes BTC); one it takes back, offers in a
    poll, refuses, calls a habit, gives to someone else or tells of a time long past is no signal ("Close BTC. Edit:
    ignore this", "We closed BTC yesterday") — unless what is left of the post still orders one ("Close ETH — no wait,
    close BTC": BTC's close)."""
    corrected = coin_corrected(text, KNOWN_TICKERS) if parsed.kind != MessageKind.OPEN else None
    if corrected is not None and (_acts(parsed) or parsed.kind == MessageKind.NOT_A_SIGNAL):
        start, coin = corrected
        wrong = {m.group(1).upper() for m in _NAMED_TICKER.finditer(text, 0, start)
                 if m.group(1).upper() in KNOWN_TICKERS and (m.group(0)[0] in "#$" or m.group(1).isupper())}
        wrong |= {parsed.symbol.split("/")[0]} if parsed.symbol else set()
        wrong.discard(coin)
        if wrong:
            head = text[:start]
            for base in wrong:
                head = re.sub(rf"(?<![A-Za-z0-9]){re.escape(base)}(?![A-Za-z0-9])", coin, head, flags=re.IGNORECASE)
            again = _parse_written_or_spoken(head)
            if again.symbol is not None and again.symbol.split("/")[0] == coin and _acts(again):
                said = f"the coin corrected in the post: {', '.join(sorted(wrong))} -> {coin}"
                return _replace(again, notes=(*again.notes, said))
            if _acts(parsed):
                return _not_a_signal("the post corrects its coin and what it orders for the corrected one is not clear")
    if parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.TP_HIT \
            and tp_hit_only_supposed(normalize(text).lower()):
        # ("Cancel the ETH order if price hits TP1 before entry"): the target is only supposed hit — an order for then
        return _replace(parsed, update_action=None, target_index=None,
                        notes=(*parsed.notes, "a target hit said only on a condition: no target reached"))
    if not _acts(parsed) and parsed.update_action not in (UpdateAction.TP_HIT, UpdateAction.ENTRY_FILLED):
        return parsed
    lowered = normalize(text).lower()
    if parsed.kind == MessageKind.CLOSE and parsed.side is None and (side := side_apart_from_the_other(lowered)):
        # ("Close BTC long (not the short)"): the side closed, the other named only to be set apart
        parsed = _replace(parsed, side=Side(side))
    back = taken_back(text.lower(), partial=parsed.update_action == UpdateAction.PARTIAL_CLOSE)
    if back is None:
        return parsed
    why, left = back
    if why.startswith("a close or change quoted"):
        # ("the copy channel posted \"#WIF close now!!\" … our WIF trade is still open"): what is left orders nothing
        # of its own unless it closes or changes a trade outside the quotes
        rest = _parse_written_or_spoken(left) if left.strip() else None
        if rest is not None and _acts(rest):
            return _replace(rest, notes=(*rest.notes, f"read without what is not the channel's order now: {why}"))
        return _not_a_signal(why)
    if left.strip():
        rest = _parse_written_or_spoken(left)
        if _acts(rest) and why.startswith("the close or change is taken back"):
            # ("Close ETH — no wait, close BTC"): what follows the taking back is the order
            return _replace(rest, symbol=rest.symbol or parsed.symbol,
                            notes=(*rest.notes, "read after the post takes back what it said first"))
        if (rest.kind, rest.update_action) != (parsed.kind, parsed.update_action) \
                and (_acts(rest) or rest.kind == MessageKind.UPDATE and rest.update_action is not None):
            # ("#ETH TP1 hit ✅ A member closed early, we hold"): the rest is the channel's own news — that is read
            if rest.symbol is None:
                rest = _replace(rest, symbol=parsed.symbol, also_symbols=parsed.also_symbols)
            return _replace(rest, notes=(*rest.notes, f"read without what is not the channel's order now: {why}"))
        if _acts(rest) or rest.kind == MessageKind.UPDATE and rest.update_action is not None or is_close(left) \
                or update_action(left) is not None:
            return parsed
    return _not_a_signal(why)


# What others did, beside what the channel keeps ("#ETH SL hit for those who used tight stops, ours at 3000 is safe",
# "По #ETH стоп не двигаем, кто перенёс в безубыток — ваше решение", "#ETH: hold. Those who want can take partial profit",
# "#ETH'yi erken kapatanlar kaçırdı, biz TP2'yi bekliyoruz"): the close or change is theirs; the channel's trade runs on
_OTHERS_ACTED = re.compile(
    r"(?<!\w)(?:those|guys|people|members|anyone|whoever)\s+who(?!\w)|(?<!\w)whoever(?!\w)|"
    r"(?<!\w)(?:by|for)\s+(?:some|a\s+few|many)\s+(?:members|of\s+you|people|traders|users)(?!\w)|"
    r"(?<!\w)(?:some\s+)?other\s+(?:channels|groups|traders)(?!\w)|(?<!\w)they\s+got\s+(?:stopped|liquidated|out)|"
    r"(?<!\w)кто\s+(?:закрыл|закрыли|перен[её]с|перенесли|вышел|вышли|зафиксировал)\w*|"
    r"ваше\s+решение|kapatanlar|kapatan\w*\s+ki[şs]iler", re.IGNORECASE)
_CHANNEL_KEEPS = re.compile(
    r"(?<!\w)(?:we|i)\s+(?:keep|hold|stay|are\s+(?:holding|keeping|staying)|'re\s+(?:holding|keeping))(?!\w)"
    r"(?!\s+(?:nothing|no(?!\w)|none|out|flat|away|off))|"
    r"(?<!\w)ours?\s+(?:at\s+\$?\d[\d.,]*\s+)?(?:is|stays|remains)\s+(?:safe|fine|intact|in|open|on)(?!\w)|"
    r"(?<!\w)our\s+(?:sl|stop(?:[\s-]*loss)?)\s+is\s+\$?\d|(?<!\w)(?:sl|stop)\s+\$?\d[\d.,]*\s+(?:stays|remains)(?!\w)|"
    r"(?:^|[:.!]\s*)hold[.!]|"
    r"мы\s+держим|не\s+двигаем|держим\s+до|bekliyoruz|tutuyoruz|seguimos\s+dentro|mantenemos", re.IGNORECASE)
# ("Closing #ETH was a great decision last week", "#BTC partial close was a mistake yesterday"): a judgement of a past exit
_EXIT_JUDGED = re.compile(
    r"(?<!\w)(?:closing|closed|exiting|exit|selling|sold|partial\s+close|taking\s+profits?|cutting)\b[^.\n!?]{0,30}?\b(?:was|were)\s+"
    r"(?:a\s+|an\s+|the\s+)?(?:(?:great|good|right|wrong|bad|smart|big|huge|terrible|solid)\s+)?(?:decision|mistake|call|move|idea|"
    r"choice)(?!\w)", re.IGNORECASE)


def _others_acted_not_the_channel(text: str, parsed: ParsedMessage) -> ParsedMessage:
    """A close or a position change that the post gives to others while the channel keeps its trade becomes an
    update that changes nothing (the coin kept); a judgement of a past exit, no signal."""
    if parsed.kind == MessageKind.UPDATE and parsed.update_action not in POSITION_CHANGES:
        return parsed
    if parsed.kind == MessageKind.UPDATE and parsed.symbol is None and len(parsed.also_symbols) > 1:
        parsed = _coins_the_change_is_for(text, parsed)
    if _EXIT_JUDGED.search(text):
        return _not_a_signal("a judgement of a past exit, no order")
    if UpdateAction.PARTIAL_CLOSE in (parsed.update_action, *parsed.also_actions) and READERS_CHOICE_RE.search(text.lower()) \
            and partial_left_to_reader(normalize(text.replace("\u2705", " done ")).lower()):
        # ("Taking partial profits on #DOGE is up to you", "#SOL: move SL to entry. Those who want can also take 30% off"):
        # the partial close is the reader's option, no order — what else the post orders stands (the stop move)
        others = [a for a in (parsed.update_action, *parsed.also_actions) if a != UpdateAction.PARTIAL_CLOSE]
        if others and others[0] is not None:
            return _replace(parsed, update_action=others[0], also_actions=tuple(others[1:]))
        return ParsedMessage(kind=MessageKind.UPDATE, symbol=parsed.symbol, also_symbols=parsed.also_symbols,
                             reason="a partial close left to the reader: no change",
                             notes=(*parsed.notes, "a partial close left to the reader's choice"))
    if (parsed.kind == MessageKind.CLOSE or parsed.update_action in POSITION_CHANGES) \
            and READERS_CHOICE_RE.search(text.lower()) and (left := _change_left_to_the_reader(text, parsed)) is not None:
        return left
    if _OTHERS_ACTED.search(text) and _CHANNEL_KEEPS.search(text):
        return ParsedMessage(kind=MessageKind.UPDATE, symbol=parsed.symbol,
                             reason="what others did beside the channel keeping its trade: no change",
                             notes=(*parsed.notes, "a close or change told of others, the channel's trade kept"))
    return parsed


# A sentence of the post: its change is the reader's choice when it says so ("Feel free to move SL to entry on ETH", "Your
# choice: close DOGE or hold", "Average down ETH at 2800 (optional)", "Я бы закрыл SOL, но решать вам") and is not the
# channel's own act ("we're taking 30% off here, you can do the same if you like")
_CHANNEL_ACTS = re.compile(r"(?<!\w)(?:we|i)(?:'re|'m|'ve|'ll|\s+are|\s+am|\s+have|\s+will)?\s+(?:\w+\s+){0,2}?"
                           r"(?:clos|tak|took|book|secur|mov|sell|sold|exit|add|cut|cancel)\w*|"
                           # ("Closed #BTC ✅ …", "TP2 booked, …"): the channel's change reported done
                           r"^\W*(?:[#$]?\w+\s+)?(?:closed|booked|secured|took|taken|moved|sold|exited|cancelled|canceled)(?!\w)|"
                           r"(?<!\w)(?:tomamos|cerramos|fechamos|фиксируем|закрываем|kapat[ıi]yoruz|nous\s+prenons|wir\s+(?:nehmen|"
                           r"schlie(?:ß|ss)en)|chiudiamo|prendiamo)(?!\w)", re.IGNORECASE)


def _change_left_to_the_reader(text: str, parsed: ParsedMessage) -> ParsedMessage | None:
    """A close or position change said only in sentences that leave it to the reader: an update that changes nothing (the
    coin kept); what the other sentences order still stands. None when a change is ordered outside such sentences."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    kept = [s for s in sentences if not READERS_CHOICE_RE.search(s.lower()) or _CHANNEL_ACTS.search(s)]
    if len(kept) == len(sentences):
        return None
    rest = _parse_written_or_spoken("\n".join(kept)) if kept else None
    if rest is not None and (rest.kind == MessageKind.CLOSE or rest.update_action in POSITION_CHANGES):
        if rest.symbol is None and not rest.also_symbols and parsed.symbol is not None:
            return None  # (the coin named only in the optional sentence: the change ordered is the post's, read whole)
        return rest
    return ParsedMessage(kind=MessageKind.UPDATE, symbol=parsed.symbol, side=parsed.side, also_symbols=parsed.also_symbols,
                         reason="a change left to the reader's choice: no order",
                         notes=(*parsed.notes, "a close or change left to the reader's choice"))


def _coins_the_change_is_for(text: str, parsed: ParsedMessage) -> ParsedMessage:
    """A change named for several coins, narrowed to those it is for: a coin said to stay as it is is left out ("SL moved
    to entry on #ETH and #BTC still as is"); "there" after a coin named with "on" points to that one ("#ETH and #SOL:
    TP1 hit on ETH, move SL to entry there")."""
    kept = []
    for symbol in parsed.also_symbols:
        base = re.escape(symbol.split("/")[0])
        if re.search(rf"(?<![\w$#])[#$]?{base}(?:/usdt)?\s*(?:[:—–-]\s*)?(?:is\s+|stays\s+)?(?:still\s+)?(?:as\s+is|unchanged|untouched|"
                     r"no\s+change|stays(?:\s+as\s+is)?)(?!\w)", text, re.IGNORECASE):
            continue
        kept.append(symbol)
    if len(kept) > 1 and re.search(r"(?<!\w)there(?!\w)", text, re.IGNORECASE):
        pointed = [s for s in kept if re.search(rf"(?<!\w)on\s+[#$]?{re.escape(s.split('/')[0])}(?!\w)", text, re.IGNORECASE)]
        kept = pointed if len(pointed) == 1 else kept
    if len(kept) == len(parsed.also_symbols) or not kept:
        return parsed
    if len(kept) == 1:
        return _replace(parsed, symbol=kept[0], also_symbols=())
    return _replace(parsed, also_symbols=tuple(kept))


def _parse_written_or_spoken(text: str) -> ParsedMessage:
    spoken = read_spoken(text) if isinstance(text, str) else None
    if spoken is None:
        return _parse_message(text)
    # (a voice-to-text transcript: "entry fourteen point six two targets fifteen point one …" read with digits)
    parsed = _parse_message(spoken.text)
    if parsed.kind != MessageKind.OPEN and spoken.strict != spoken.text:
        # a price read by the size of the post's other prices may open a trade held for an operator, never move a
        # stop or a position: anything else is read without it
        parsed = _parse_message(spoken.strict)
    if parsed.kind == MessageKind.OPEN and parsed.rejected is None and spoken.doubts:
        parsed = _replace(parsed, rejected="held for review: a spoken transcript: " + "; ".join(spoken.doubts))
    return _replace(parsed, notes=(*parsed.notes, "read from a spoken transcript (number words as digits)"))


def _parse_message(text: str) -> ParsedMessage:
    if isinstance(text, str) and "{" in text and _PAYLOAD_NOT_LIVE.match(text.strip()):
        return _not_a_signal("a bot's payload its heading marks as a test, example, replay or mistake")
    if isinstance(text, str) and (payload := card_from_payload(text)) is not None:
        # ('{"action": "enter_long", "tv_instrument": "DOGEUSDT.P", …}'): a bot's payload, read as the card it stands for
        if payload.text == NO_TRADE:
            return _not_a_signal("a bot's JSON payload that names no coin or no trade action")
        parsed = parse_message(payload.text)
        if parsed.kind == MessageKind.OPEN and parsed.rejected is None and payload.hold:
            parsed = _replace(parsed, rejected=f"held for review: a bot's payload: {payload.hold}")
        if parsed.kind == MessageKind.OPEN and parsed.rejected is None and not parsed.entries:
            # (a payload entering at the market gives no price to check its levels against — some tools write the
            # take-profits and the stop as percentages: held for an operator)
            parsed = _replace(parsed, rejected="held for review: a bot's payload enters at the market; its levels cannot "
                                               "be checked against an entry price")
        return _replace(parsed, notes=(*parsed.notes, "read from a bot's JSON payload"))
    if isinstance(text, str):
        # (a web page's markup, a Discord or X relay's marks, an OCR's misreads: taken off before anything reads the post)
        text = unmangle(text)
    notice = _bot_notice(text) if isinstance(text, str) else None
    if notice is not None:
        return notice
    replied = _reply_to_quote(text) if isinstance(text, str) else None
    if replied is not None:
        return replied
    filled = _order_fill_notice(text) if isinstance(text, str) and "order" in text.lower() else None
    if filled is not None:
        return filled
    filled = _fill_card(text) if isinstance(text, str) and "side" in text.lower() else None
    if filled is not None:
        return filled
    period = _PERIOD_CLOSED_HEAD.match(text) if isinstance(text, str) else None
    if period is not None:
        # ("Закрыли март в плюсе, #SOL лучший", "Closed the week +38%, best #SOL"): a month or week of results closed, the
        # coin its best trade — no trade of the follower's ends; what the post says after that sentence is read on its own
        # ("Closed the month +120% 🔥 / #SOL close now", "Closed June ✅ Next: / #AVAX long / Entry …")
        after = _PERIOD_SENTENCE_END.search(text, period.end())
        rest = text[after.end():] if after is not None else ""
        below = parse_message(rest) if rest.strip() else None
        if below is not None and below.kind != MessageKind.NOT_A_SIGNAL:
            return _replace(below, notes=(*below.notes, "read below a sentence closing a period of results"))
        return _not_a_signal("a period of results closed, not a trade")
    parsed = _parse(text)
    if parsed.kind != MessageKind.OPEN and parsed.symbol is None and isinstance(text, str) \
            and (tagged := _status_coin_tagged(text)) is not None:
        # ("arb filled ✅", "apt out 7.76, small L", "closed it. pengu +9% on 3x", "closing the rest of link at 15.44"): a
        # coin written as a plain word where only a coin stands — read as if tagged; taken only when that reading is a
        # status of that coin, and the same status the post gave without it
        # (a post set aside for a reason other than its missing coin — several coins, someone else's trade, a question —
        # stays so: the tag only names the coin)
        again = _parse(tagged[0]) if parsed.kind != MessageKind.NOT_A_SIGNAL or parsed.reason in _COIN_MISSING else None
        if again is not None and again.kind in (MessageKind.UPDATE, MessageKind.CLOSE) and again.symbol is not None \
                and again.symbol.split("/")[0] == tagged[1] and (
                    parsed.kind == MessageKind.NOT_A_SIGNAL
                    or again.kind == parsed.kind and again.update_action == parsed.update_action):
            parsed = _replace(again, notes=(*again.notes, f"the coin {tagged[1]} read from a plain word where a coin stands"))
    if parsed.kind == MessageKind.OPEN and parsed.rejected and isinstance(text, str) \
            and (spaced := len(_SPACED_THOUSANDS.findall(text))):
        # Read spaces between digit groups as thousands separators only when the literal reading is rejected and
        # the joined one is a consistent trade ("Entry: 67 250 / TP: 67 900 / SL: 66 700"); "TP 585 600 615"
        # keeps its three targets because read literally it is already consistent.
        joined = _parse(_SPACED_THOUSANDS.sub(r"\1\2", text))
        if joined.kind == MessageKind.OPEN and (
                spaced >= 2 and (not joined.rejected or _only_holds_already_there(joined, parsed))
                or spaced == 1 and _one_spaced_thousand_fits(joined)):
            return _replace(joined, notes=(*joined.notes, "spaces read as thousands separators"))
    if parsed.kind == MessageKind.OPEN and parsed.rejected and _AMBIGUOUS_COMMA in parsed.rejected \
            and isinstance(text, str) and _COMMA_DECIMAL_LOCALE.search(text):
        # "Giriş Bölgesi: 4,120 - 4,185" (Turkish writes decimals with a comma): read so when that reading is a
        # consistent trade, still held — which separator is meant is a reading
        decimal = _parse(text, comma_decimal_locale=True)
        if decimal.kind == MessageKind.OPEN and not decimal.rejected:
            weak = "weak: " + _AMBIGUOUS_COMMA + " (read as a decimal comma)"
            return _replace(decimal, rejected="held for review: " + _AMBIGUOUS_COMMA + " (read as a decimal comma: "
                            "the post's language writes decimals so)",
                            provenance=tuple((f, weak if f in ("entries", "targets", "stop_loss") else rule)
                                             for f, rule in decimal.provenance))
        if decimal.kind == MessageKind.OPEN and decimal.symbol == parsed.symbol and decimal.side == parsed.side \
                and not (parsed.targets or parsed.stop_loss is not None or decimal.targets or decimal.stop_loss is not None):
            # ("🤖 Robô abriu posição: #JTO/USDT LONG @ 2,871 (Futuros, 12x)"): with no exit level neither reading can be
            # checked — the language's own is taken, and the open stays held as it was
            weak = "weak: " + _AMBIGUOUS_COMMA + " (read as a decimal comma)"
            return _replace(decimal, rejected=parsed.rejected + " (read as a decimal comma: the post's language writes "
                            "decimals so)",
                            provenance=tuple((f, weak if f in ("entries", "targets", "stop_loss") else rule)
                                             for f, rule in decimal.provenance))
        if decimal.kind == MessageKind.OPEN and decimal.rejected and decimal.symbol == parsed.symbol \
                and decimal.side == parsed.side and _same_card_scaled(decimal, parsed, 1000):
            # ("#DOT LONG / Entrada: 4,120 / Alvos: 4,260 / 4,410 / Stop: 4,310"): every level written with the comma,
            # both readings the same card a thousand apart and both held — the language's own reading is given, held
            # for its own faults as well
            return _replace(decimal, rejected="held for review: " + _AMBIGUOUS_COMMA + " (read as a decimal comma: "
                            "the post's language writes decimals so); " + decimal.rejected,
                            provenance=tuple((f, "weak: " + _AMBIGUOUS_COMMA + " (read as a decimal comma)"
                                              if f in ("entries", "targets", "stop_loss") else rule)
                                             for f, rule in decimal.provenance))
    if parsed.kind == MessageKind.UPDATE and parsed.update_action in _KEEPS_A_STOP_CHANGE:
        return _stop_changes_kept(parsed, normalize(text).lower())
    return parsed


# The reasons a status post is set aside only for the coin it does not name (a plain word standing for it may)
_NO_COIN_CLOSE = "mentions closing but names no coin and gives no close command"
_NO_TRADE_TALK = "market talk under an update heading, no trade named"
_NO_COIN_NO_SETUP = "no coin named and no complete set of levels"
_COIN_MISSING = frozenset({_NO_COIN_CLOSE, _NO_TRADE_TALK, _NO_COIN_NO_SETUP})
_OTHER_COIN_MARK = re.compile(r"[#$][A-Za-z][A-Za-z0-9]{1,14}|(?<![\w/])[A-Z][A-Z0-9]{1,9}(?:/[A-Z]{3,5})?(?![\w/])")


# Tickers we know that are also words of a language the channels write in ("near tp1 — close half here", "sol" in Spanish,
# "link below", "sei" in Italian): never read as the coin from a plain word heading a post
_WORD_LIKE_TICKERS = frozenset({"sol", "link", "near", "dot", "ton", "ape", "uni", "op", "atom", "sand", "mana", "rune",
                                "blur", "sei", "sui", "fil", "ada", "tao", "eos", "kava", "algo", "tia", "fet", "ena"})
# English words that head a status post in the place of a coin ("all filled", "finally filled", "gap filled", "daily
# closed above", "nice +9%"): never a coin we do not know
_STATUS_HEAD_WORDS = frozenset({
    "all", "both", "fully", "partially", "partly", "finally", "just", "got", "also", "now", "already", "still", "again",
    "it", "its", "we", "i", "im", "ive", "ok", "okay", "yes", "yep", "yeah", "nice", "good", "great", "solid", "clean",
    "easy", "sweet", "quick", "small", "big", "another", "total", "net", "overall", "gross", "free", "safe", "wow", "damn",
    "boom", "bro", "guys", "fam", "everyone", "lol", "gm", "gn", "well", "so", "and", "but", "then", "today", "tonight",
    "yesterday", "entry", "entries", "order", "orders", "limit", "limits", "bid", "bids", "buy", "buys", "sell", "sells",
    "zone", "zones", "dca", "rung", "rungs", "half", "rest", "long", "longs", "short", "shorts", "position", "positions",
    "trade", "trades", "everything", "first", "second", "third", "last", "next", "one", "two", "three", "tp", "tps", "sl",
    "stop", "stops", "target", "targets", "gap", "wick", "fvg", "daily", "weekly", "monthly", "candle", "candles",
    "market", "markets", "cme", "session", "week", "day", "month", "year", "price", "alert", "alerts", "signal",
    "signals", "call", "calls", "setup", "setups", "spot", "futures", "scalp", "swing", "bag", "bags", "grid", "bot",
    "deal", "account", "portfolio", "runner", "runners", "mine", "ours", "this", "that", "these", "those", "each", "some",
    "most", "sadly", "luckily", "manually", "officially", "literally", "basically", "anyway", "whoever", "who", "which",
    "what", "funding", "range", "level", "levels", "support", "resistance", "breakout", "retest", "pump", "dump", "hedge",
    "result", "results", "profit", "profits", "loss", "losses", "win", "wins", "pnl", "roi", "team", "vip", "channel"})
_RELAY_HEAD = re.compile(r"\A(?:[ \t]*\[[^\]\n]*\][ \t]*\n)*")
# A plain word heading the post right before a status: a fill, an exit at a price, a close, a stop-out, a target ticked
# ("arb filled ✅", "apt out 7.76", "pengu closed", "sui 1.150 ✅ tp1", "ARB filled")
_HEADING_WORD_STATUS = re.compile(
    r"[^\w#$\n]*([A-Za-z][A-Za-z0-9]{1,9})[ \t]*:?[ \t]+(?=(?:(?:just|got|finally|already|fully|now)[ \t]+)*"
    # (the status ends its clause, or says where or how: "BTC closed below 60k", "BTC filled the CME gap", "ETH stopped at
    # resistance" are the market's)
    r"(?:filled(?=[ \t]*(?:$|[.!,;\u2705\u2714\u2611\U0001f389]|lol(?!\w)|at[ \t]|@))|"
    r"out[ \t]+(?:at[ \t]+|@[ \t]*|~[ \t]*)?\$?\d|"
    r"closed(?=[ \t]*(?:$|[.!,;\u2705\u2714\u2611]|[+-][ \t]*\d|at[ \t]+\$?\d|@|in[ \t]+(?:profit|loss)|here(?!\w)|manually))|"
    r"stopped(?:[ \t]+out(?=[ \t]*(?:$|[.!,;\u274c]|[+-][ \t]*\d|at[ \t]|@))|(?=[ \t]*(?:$|[.!,;\u274c])))|"
    r"\$?\d[\d.,]*[ \t]*(?:\u2705|\u2714\ufe0f?)[ \t]*tp[ \t]*[1-9](?!\d)))", re.IGNORECASE | re.MULTILINE)
# Session 24 (status24a): a ticker in capitals alone on the post's first line — its side word or letter and decoration
# at most ("XRP //", "SOL —", "AVAX L 🟢", "ETH SHORT") — then the status on the lines below
_TICKER_HEADING_LINE = re.compile(r"[^\w#$\n]*([A-Z][A-Z0-9]{1,9})(?:/?USDT)?(?:[ \t]+(?:LONG|SHORT|L|S|\((?:L|S)\)))?"
                                  r"(?![\w/&.'’])[^\w\n]*\n(?=(?:[^\S\n]*\n)*[^\n]*\w)")
# (a share of the position written: "1/3", "½", "25%" — not a result: "+%31", "+12%")
_PART_SHARE_WRITTEN = re.compile(r"(?<![\w/.,])[1-9][ \t]*/[ \t]*[2-9](?![\w/.,])|(?<![\w+\-−.,%])[1-9]\d?(?:[.,]\d+)?[ \t]*%(?!\w)|"
                                 r"(?<![\w+\-−%])%[ \t]*[1-9]\d?(?![\w.,])|[½⅓⅔¼¾]")
# (a relay's own lines over the post: "Forwarded from …", "From: @…", "🔁 … relay", "[Forwarded]")
_RELAY_OVER_POST = re.compile(r"(?:[ \t]*(?:forwarded[ \t]+from\b|from:[ \t]*@\w|[^\n]*\brelay\b|\[[^\]\n]*\][ \t]*$)[^\n]*\n)*",
                              re.IGNORECASE | re.MULTILINE)
# ("BTC 📉 / Closing everything now", "ETH / закрываем всё", "BTC / close your alts"): a close of every trade (or of the
# other coins) under a coin heading — not the coin's
_CLOSE_EVERYTHING = re.compile(r"(?<!\w)(?:everything|all\s+(?:of\s+)?(?:them|positions|trades|longs|shorts)|alts|altcoins|всё|"
                               r"все\s+позиции|альты|альткоины|todo|tudo|hepsi\w*|altlar\w*|alles|tout|tutto)(?!\w)")
# A plain word heading a sentence right before a signed result, after a sentence that closed ("closed it. pengu +9% on 3x")
_RESULT_AFTER_CLOSE = re.compile(r"(?:^|(?<=[.!;]))[ \t]+([a-z][a-z0-9]{1,9})[ \t]+(?=[+-][ \t]*\d{1,3}(?:\.\d+)?[ \t]*%)",
                                 re.MULTILINE)
# The coin of the part closed or sold, after "the rest of", "half of" ("closing the rest of link at 15.44")
_PART_OF_COIN = re.compile(
    r"(?<!\w)(?:clos(?:e|ed|ing)|exit(?:ed|ing)?|sold|sell(?:ing)?|took|tak(?:e|ing)|trimm?(?:ed|ing)?|book(?:ed|ing)?|"
    r"secur(?:e|ed|ing))[ \t]+(?:the[ \t]+)?(?:rest|remainder|half|\d{1,2}[ \t]*%)[ \t]+of[ \t]+(?:my[ \t]+|our[ \t]+)?"
    r"([A-Za-z]{2,6})(?=[ \t]*(?:$|[,.;!(]|at[ \t]|@|here(?!\w)|now(?!\w)|\+|-[ \t]*\d))", re.IGNORECASE | re.MULTILINE)


def _status_coin_tagged(text: str) -> tuple[str, str] | None:
    """The post with a plain word that stands where a status names its coin written as a tag, and that coin; None when
    no such word: a ticker we know heading the post before its status ("arb filled ✅", "ARB filled", "apt out 7.76") —
    in lower case only one that is no word of a language ("near tp1", "link below" stay words); a word we do not know,
    in lower case, heading the post before a fill ("pengu filled lol") or a sentence's signed result after a close
    ("closed it. pengu +9% on 3x") — no word that heads such posts ("all filled", "gap filled", "nice +9%"); a ticker we
    know after "the rest of"/"half of" a close ("closing the rest of link at 15.44")."""
    head = _RELAY_HEAD.match(text).end()
    tagged = _tagged_status_coin(text, head)
    if tagged is None:
        return None
    # ("Close half of DOT, #BTC full hold"): another coin named in the post — which one the status is for is a reading
    for mark in _OTHER_COIN_MARK.finditer(text, head):
        word = mark.group(0).lstrip("#$").split("/")[0].upper()
        # (a tag of any coin, a word in capitals only when it is a ticker we know: "TP1", "SL", "VIP" are none)
        if word != tagged[1] and (word in KNOWN_TICKERS or mark.group(0)[0] in "#$" and word not in lx.NOT_COINS):
            return None
    return tagged


def _tagged_status_coin(text: str, head: int) -> tuple[str, str] | None:
    found = _HEADING_WORD_STATUS.match(text, head)
    if found is not None:
        word = found.group(1)
        known = word.upper() in KNOWN_TICKERS
        if word.isupper() and known or word.islower() and (
                known and word not in _WORD_LIKE_TICKERS and word not in _LOWER_CASE_WORDS
                or not known and _unknown_coin_word(word) and text[found.end(1):].lstrip(" \t:").startswith("filled")):
            return text[:found.start(1)] + "#" + text[found.start(1):], word.upper()
    found = _RESULT_AFTER_CLOSE.search(text, head)
    if found is not None and is_close(normalize(text[head:found.start(1)]).lower()):
        word = found.group(1)
        if word.upper() in KNOWN_TICKERS and word not in _WORD_LIKE_TICKERS and word not in _LOWER_CASE_WORDS \
                or word.upper() not in KNOWN_TICKERS and _unknown_coin_word(word):
            return text[:found.start(1)] + "#" + text[found.start(1):], word.upper()
    found = _PART_OF_COIN.search(text, head)
    if found is not None and found.group(1).upper() in KNOWN_TICKERS:
        return text[:found.start(1)] + "#" + text[found.start(1):], found.group(1).upper()
    found = _TICKER_HEADING_LINE.match(text, _RELAY_OVER_POST.match(text, head).end())
    if found is not None and found.group(1).upper() in KNOWN_TICKERS and found.group(1).upper() not in lx.NOT_COINS \
            and not _EVERY_TRADE.search(text.lower()) and not _CLOSE_EVERYTHING.search(text.lower()) \
            and not any(_PART_SHARE_WRITTEN.search(line) and is_close(normalize(line).lower()) for line in text.split("\n")):
        # (session 24, status24a: "XRP //", "SOL —", "AVAX L 🟢", "ETH S": a ticker we know alone on the post's first line,
        # with its side at most — the heading of the status below; not over a close of every trade, nor over a close
        # beside a share of the position — "DOGE S / 1/3 zamknięte": a part closed, which a close of the coin would end)
        return text[:found.start(1)] + "#" + text[found.start(1):], found.group(1).upper()
    found = _HELD_COIN.match(text, _RELAY_OVER_POST.match(text, head).end())
    if found is not None and found.group(1).upper() in KNOWN_TICKERS and found.group(1) not in _LOWER_CASE_WORDS \
            and found.group(1) not in _WORD_LIKE_TICKERS and found.group(1).upper() not in lx.NOT_COINS:
        # (session 26, threads26: "still holding the rndr, no changes", "holding my pepe bag", "still riding the wif long"):
        # a ticker we know in lower case after the hold at the post's start — the trade held
        return text[:found.start(1)] + "#" + text[found.start(1):], found.group(1).upper()
    found = _CLOSE_PHRASE_COIN.search(text, head)
    if found is not None and found.group(1).upper() in KNOWN_TICKERS and found.group(1) not in _LOWER_CASE_WORDS \
            and found.group(1) not in _WORD_LIKE_TICKERS and found.group(1).upper() not in lx.NOT_COINS:
        # (session 25, money25: "done with eth, closed", "took profits on pepe im out", "cut it. doge not moving"): a
        # ticker we know in lower case right after a close phrase — no word that stands for a coin only by chance
        return text[:found.start(1)] + "#" + text[found.start(1):], found.group(1).upper()
    if head:
        # (a reply to the writer's own call, in lower case: "render: the 6.10 add got filled", "link first tp 20.4 ✅",
        # "closing the doge scalp" — a ticker we know, never one of the words that stand for a coin only by chance)
        found = _REPLY_COIN_LABEL.match(text, head) or _REPLY_COIN_TARGET.match(text, head)
        if found is not None and found.group(1).upper() in KNOWN_TICKERS and found.group(1) not in _LOWER_CASE_WORDS:
            return text[:found.start(1)] + "#" + text[found.start(1):], found.group(1).upper()
        found = _CLOSED_COIN_TRADE.search(text, head)
        if found is not None and found.group(1).upper() in KNOWN_TICKERS and found.group(1) not in _LOWER_CASE_WORDS \
                and found.group(1) not in _WORD_LIKE_TICKERS:
            return text[:found.start(1)] + "#" + text[found.start(1):], found.group(1).upper()
    return None


# ("render: the 6.10 add got filled overnight", "link: tp2 22.1 done"): a lower-case ticker heading a reply with a colon,
# the status in its first sentence
_REPLY_COIN_LABEL = re.compile(
    r"[^\w#$\n]*([a-z][a-z0-9]{1,9}):[ \t]+(?=(?:[^\n.!?]|(?<=\d)\.(?=\d))*?(?:(?:add(?:[ \t-]*on)?|entry|order|bid|dca|rung|limit|buy)[ \t]+"
    r"(?:(?:got|was|has[ \t]+been|is|just|now)[ \t]+)*(?:filled|triggered|executed)(?!\w)|"
    r"tp[ \t]*[1-9][ \t]+(?:\$?\d[\d.,]*[ \t]*)?(?:hit|done|reached|\u2705|\u2714)|closed(?!\w)|stopped[ \t]+out(?!\w)))")
# ("link first tp 20.4 ✅", "uni tp2 6.80 hit"): a lower-case ticker heading a reply right before its target ticked off
# at its price ("near tp1 ✅" — near the target — stays a word)
_REPLY_COIN_TARGET = re.compile(
    r"[^\w#$\n]*([a-z][a-z0-9]{1,9})[ \t]+(?:(?:first|second|third|1st|2nd|3rd)[ \t]+tp|tp[ \t]*[1-9])[ \t]+"
    r"\$?\d[\d.,]*[ \t]*(?:\u2705|\u2714|hit(?!\w)|done(?!\w)|reached(?!\w))")
# ("closing the doge scalp, its just chopping", "closed my pepe long at 0.0000121"): a close of the trade named by its
# coin and its kind (a word-like ticker stays a word: "closing the near trade")
# (session 25, money25) the coin in lower case right after a close phrase: "done with eth", "took profits on pepe",
# "im out of doge", "cut it. doge …"
_CLOSE_PHRASE_COIN = re.compile(
    r"(?<!\w)(?:done[ \t]+with|took[ \t]+(?:profits?|gains|tp)[ \t]+on|(?:i'?m|i[ \t]+am)[ \t]+out[ \t]+of|closed[ \t]+(?:out[ \t]+)?my|"
    r"cut(?:ting)?[ \t]+it[.!]*)[ \t]+([a-z][a-z0-9]{1,9})(?!\w)")
# (session 26, threads26) the post opening on the hold of a coin in lower case: "still holding the rndr", "holding my pepe
# bag", "still riding the wif long", "still in the tia"
_HELD_COIN = re.compile(
    r"[^\w#$\n]*(?:(?:we'?re|we[ \t]+are|i'?m|i[ \t]+am)[ \t]+)?(?:still[ \t]+(?:holding|hodling|riding|in)|holding|hodling|riding)[ \t]+"
    r"(?:the|my|our)[ \t]+([a-z][a-z0-9]{1,9})(?=[ \t]*(?:$|[,.!;:\u2014\u2013-]|[ \t]+(?:long|short|bag|position|trade|spot|here|for\s+now)(?!\w)))",
    re.MULTILINE)
_CLOSED_COIN_TRADE = re.compile(
    r"(?<!\w)(?:clos(?:e|ed|ing)|exit(?:ed|ing)?|cut(?:ting)?)[ \t]+(?:the|my|our|this)[ \t]+([a-z][a-z0-9]{1,9})[ \t]+"
    r"(?:scalp|long|short|trade|position|swing)(?!\w)")


def _unknown_coin_word(word: str) -> bool:
    """A lower-case word we do not know as a ticker that may still be one: three to eight letters, none of the words
    that head a status post, no filler word of any language and no word we know as no coin."""
    return word.isalpha() and 3 <= len(word) <= 8 and word not in _STATUS_HEAD_WORDS \
        and word not in lx.FILLER_WORDS and word.upper() not in lx.NOT_COINS


def _bot_notice(text: str) -> ParsedMessage | None:
    """A machine's notice ("New strategy position is 0", "Exiting INJ/USDT:USDT (#112)", "Side: Open short"), read as
    the card it stands for; None when the post is no such notice or its card does not read as the notice means."""
    notice = read_bot_notice(text)
    if notice is None:
        return None
    if notice.card is None:
        return _not_a_signal(notice.reason)
    parsed = _parse(notice.card)
    if parsed.kind.value != notice.kind or parsed.symbol is None or parsed.symbol.split("/")[0] != notice.coin:
        return None
    if parsed.kind == MessageKind.OPEN and notice.hold:
        why = f"held for review: {notice.hold}"
        parsed = _replace(parsed, rejected=f"{parsed.rejected}; {why}" if parsed.rejected else why)
    return _replace(parsed, notes=(*parsed.notes, "read from a bot's or an exchange's notice"))


def _one_spaced_thousand_fits(joined: ParsedMessage) -> bool:
    """("BTC short 68.45k. TP 67 800 then 66.9k. SL 69.1k"): one number with a space between its thousands, beside
    prices written otherwise, is read joined only when the joined trade is consistent and every level of it is a
    price in the thousands — a coin of that range, whose other levels show the size ("SOL 150 / TP 155 160" keeps two
    targets)."""
    levels = [*joined.entries, *joined.targets, *([joined.stop_loss] if joined.stop_loss is not None else [])]
    return not joined.rejected and bool(joined.entries) and len(levels) >= 3 and min(levels) >= 1000


def _only_holds_already_there(joined: ParsedMessage, literal: ParsedMessage) -> bool:
    """("Биткоин — ШОРТ / Вход: 67 200 / Цели: 66 100 / …"): the joined reading is held only for reasons the literal one
    is held for too (the coin written by its name) — the numbers' problems are gone, the rest of the hold stays."""
    # (session 22, open52: "Pair: BTC/EUR / Entry: 61 850 / TP1: 62 900 | TP2: 64 100 / SL: 60 700"): the fiat hold's own
    # second clause is part of that hold, no reason of its own — the joined card stays held as fiat, its numbers whole
    # (session 25, money25: "Заходим только если 4ч свеча закроется выше 3 520 / Вход: 3 530–3 560 …") the card's
    # condition is no problem of its numbers either: the joined card stays held for it, its numbers whole
    held = set(joined.rejected.split("; ")) - {_FIAT_HOLD_TAIL}
    return all(r.startswith("held for review") or r == _CONDITION_HOLD for r in held) and held < set(literal.rejected.split("; ")) - {_FIAT_HOLD_TAIL}


# the hold of a card whose entry waits for a condition
_CONDITION_HOLD = "the entry waits for a condition (a break, reclaim or close) the bot cannot check"
# the second clause of the hold of a pair quoted in a fiat currency
_FIAT_HOLD_TAIL = "trade sizes are set in the quote currency"


# "long von 3.412,50", "short from 182", "лонг от 0.52": a side held from a price — the running trade's entry
_SIDE_FROM_PRICE = re.compile(r"(?<!\w)(?:long|short|лонг|шорт|largo|corto)[ \t]+(?:from|von|ab|desde|depuis|"
                              r"da|от|с|dari|từ|since)[ \t]*\$?$", re.IGNORECASE)


# ("short from 68000 only if rejected", "we'd move the stop … after entry", "long from 3412 would have been perfect",
# "Long von 3.412 wäre gut gewesen", "лонг от 14.20 был бы идеален"): a condition, a hypothetical or hindsight — the
# side "from" the price is no trade running
_SIDE_FROM_PRICE_NOT_HELD = re.compile(
    r"(?<!\w)(?:if|unless|once|in\s+case|would|would'?ve|we'?d|i'?d|could'?ve|should'?ve|could\s+have|should\s+have|"
    r"after\s+(?:the\s+)?(?:entry|fill|we\s+(?:enter|get\s+filled)|it\s+(?:fills|triggers))|wenn|falls|w[üu]rden?|h[äa]tten?|"
    r"w[äa]re|если|бы|si|ser[íi]a|habr[íi]a|hubiera|teria|seria|sarebbe|avrebbe)(?!\w)")


# ("today's one stays valid", "the new call remains active", "quello di oggi resta valido", "la de hoy sigue válida", "o de
# hoje continua válido", "celui d'aujourd'hui reste valable", "сегодняшний остаётся в силе", "der heutige bleibt aktiv"):
# another call, of today or newer, said to stay
_ANOTHER_CALL_STAYS = re.compile(
    r"(?<!\w)(?:today'?s|tonight'?s|the\s+(?:new(?:er)?|other|latest|second|fresh)|quell[oa]\s+(?:di\s+oggi|nuov[oa])|"
    r"(?:il|la)\s+nuov[oa]|(?:la|el)\s+de\s+hoy|(?:la\s+nueva|el\s+nuevo)|(?:o|a)\s+de\s+hoje|(?:o\s+novo|a\s+nova)|"
    r"celui\s+d['’]\s*aujourd['’]\s*hui|celle\s+d['’]\s*aujourd['’]\s*hui|le\s+nouveau|la\s+nouvelle|"
    r"сегодняшн\w+|нов(?:ый|ая|ое)|der\s+(?:heutige|neue)|das\s+(?:heutige|neue))"
    r"(?:\s+(?:one|call|signal|trade|setup|segnale|se[ñn]al|sinal|signal|сигнал|trade))?(?:\s+(?:on\s+|su\s+|en\s+|em\s+|sur\s+|по\s+)?[#$]\w+)?"
    r"\s+(?:is\s+)?(?:stays?|remains?|still|resta|rimane|[èe]\s+ancora|sigue|queda|se\s+mantiene|continua|segue|permanece|reste|"
    r"demeure|оста[её]тся|bleibt)(?:\s+\w+)?\s+(?:valid\w*|activ\w*|attiv\w*|v[áa]lid\w*|valable|actif|ativ\w*|open|"
    r"apert[oa]|abiert[oa]|abert[oa]|ouvert\w*|в\s+силе|актуал\w*|g[üu]ltig|aktiv|on|live|in\s+play)(?!\w)")


_KEEPS_A_STOP_CHANGE = frozenset({UpdateAction.PARTIAL_CLOSE, UpdateAction.TP_HIT, UpdateAction.ENTRY_FILLED,
                                  UpdateAction.NEW_STOP})


def _stop_changes_kept(parsed: ParsedMessage, lowered: str) -> ParsedMessage:
    """An update's stop move (and cancel of the unfilled entries) read in full: beside another change, onto a target,
    onto a price whose comma reads two ways (`lowered`: the post normalised once, for every check below)."""
    if parsed.update_action != UpdateAction.NEW_STOP:
        # ("#SOL TP1 ✅ take 50% and move SL to entry"): both changes are the follower's — the stop move is the one the
        # executor acts on, so it is not dropped for the first one read
        # ("TP1 hit ✅ cancel remaining orders": the unfilled entries go, the filled part runs)
        cancels = (UpdateAction.CANCEL_ENTRY,) if change_beside(lowered, UpdateAction.CANCEL_ENTRY) else ()
        moved = _stop_moved_onto(lowered)
        if change_beside(lowered, UpdateAction.MOVE_SL_BREAKEVEN) or moved is not None and moved.breakeven:
            return _replace(parsed, also_actions=(UpdateAction.MOVE_SL_BREAKEVEN, *cancels))
        if moved is not None and moved.price is not None and _under_the_coins_floor(parsed.symbol, moved.price):
            moved = None  # ("TP1 ✅ take half, BTC SL to 64,2": no BTC price — the stop moves nowhere)
        if moved is not None and (moved.price is not None or moved.target is not None or moved.readings):
            # ("Close 50% here and move SL to 3150", "TP2 ✅ take half, SL moved to TP1")
            return _replace(parsed, also_actions=(UpdateAction.NEW_STOP, *cancels), new_stop=moved.price,
                            stop_at_target=moved.target, stop_readings=moved.readings)
        if cancels:
            return _replace(parsed, also_actions=cancels)
        return parsed
    if (_CORRECTION.search(lowered) or _STOP_NOT_TYPO_RE.search(lowered)) and (corrected := _corrected_stop(lowered)) is not None:
        # ("Düzeltme: #ARB stop 0.44 değil 0.41", "SL 0.44 was wrong, correct SL 0.41", "стоп не 0.44, а 0.41"): which of
        # the two numbers is the corrected stop — none when the post does not say (the typo's stop is never re-applied)
        return _replace(parsed, new_stop=corrected or None)
    if (moved := _stop_moved_onto(lowered)) is not None:
        if moved.breakeven:
            return _replace(parsed, update_action=UpdateAction.MOVE_SL_BREAKEVEN, new_stop=None)
        if moved.target is not None:
            # ("#ETH TP2 ✅ SL moved to TP1", "SL 138 → TP1"): the stop put on one of the trade's targets — its price is
            # the signal's, whatever other number the post writes beside the stop word
            return _replace(parsed, new_stop=None, stop_at_target=moved.target)
        if moved.price is None and moved.readings:
            # ("#XRP move SL to 2,312"): 2.312 or 2312 — a stop moved to the wrong one closes the trade at once; both
            # readings go with the update, and the signal's own levels tell which one it is
            return _replace(parsed, new_stop=None, stop_readings=moved.readings,
                            notes=(*parsed.notes, "new stop read two ways: " + _AMBIGUOUS_COMMA))
        if moved.price is None:
            return _replace(parsed, new_stop=None)  # ("moved SL from 3100": only the old stop is written)
        if _under_the_coins_floor(parsed.symbol, moved.price):
            return _not_the_coins_stop(parsed, moved.price)
        # ("SL 0.1700 -> 0.1840 (TP1 hit)", "SL to 43 500"): the price the phrase moves the stop onto, over any other
        # number read beside the stop word
        return _replace(parsed, new_stop=moved.price)
    if parsed.new_stop is not None and (readings := _two_readings_of(lowered, parsed.new_stop)):
        # ("#XRP SL: 2,312" with no verb; session 23: "Mover el stop de BTC a 64.500", "BTC: SL auf 64.500 nachziehen",
        # "BTC stop'u 64.500'e çek" — a phrase whose level is not right after the stop word): the same two readings
        return _replace(parsed, new_stop=None, stop_readings=readings,
                        notes=(*parsed.notes, "new stop read two ways: " + _AMBIGUOUS_COMMA))
    if parsed.new_stop is not None and _under_the_coins_floor(parsed.symbol, parsed.new_stop):
        return _not_the_coins_stop(parsed, parsed.new_stop)
    return parsed


def _under_the_coins_floor(symbol: str | None, price: Decimal) -> bool:
    """(session 23) A new stop under the coin's price floor ("Move SL on BTC to 64,2": 64.2) is no price of the coin —
    a misplaced separator or another coin's level, as on an open card."""
    floor = price_floor(symbol)
    return floor is not None and price < floor


def _not_the_coins_stop(parsed: ParsedMessage, price: Decimal) -> ParsedMessage:
    # (the update stays, for the record; the stop moves nowhere — a BTC stop at 64.2 closes a short at once and
    # protects no long)
    return _replace(parsed, new_stop=None, notes=(
        *parsed.notes, f"new stop {price} is not a {parsed.symbol} price: a misplaced separator or another coin"))


_STOP_NOT_TYPO_RE = re.compile(STOP_NOT_TYPO)
_CORRECTION = re.compile(r"(?<!\w)(?:correction|corrected|typo|исправлени\w*|d[üu]zeltme|correcci[óo]n|corre[çc][ãa]o|"
                         r"korrektur|correctif|koreksi|đính\s+chính|정정|تصحيح)|更正")
_STOP_THEN_TWO_PRICES = re.compile(r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|стоп|止损)(?!\w)(?P<before>[^\d\n]{0,20}?)\$?(?P<first>\d+(?:[.,]\d+)*)(?![.,]?\d)"
                                   r"(?P<between>[^\d\n]{1,40}?)\$?(?P<second>\d+(?:[.,]\d+)*)")
# between the two numbers: the first is the wrong one ("0.44 değil 0.41", "0.44 was wrong, correct SL 0.41", "0.44 ❌ 0.41 ✅",
# "0.44 was a typo, it's 0.41", "from 0.44 to 0.41", "0.44 → 0.41") — or the second is ("0.41 not 0.44", "0.41, а не 0.44")
_FIRST_WRONG = re.compile(r"(?<!\w)(?:değil|degil|wrong|incorrect|should\s+be|it'?s|is|to|correct\w*|olacak|sino|é|but)(?!\w)|"
                          r"(?:was\s+a\s+)?typo\s*,|❌|->|→|=>|(?<![<>=-])>", re.IGNORECASE)
_SECOND_WRONG = re.compile(r"(?<!\w)(?:not|а\s+не|не|no|n[ãa]o|instead\s+of|вместо|statt|au\s+lieu\s+de|bukan|invece\s+di|"
                           r"en\s+lugar\s+de|typo|by\s+mistake|i\s+wrote)(?!\w)")
_FIRST_NEGATED = re.compile(r"(?<!\w)(?:не|not|no|não|is\s+not|n'est\s+pas|不是|bukan)(?!\w)|不是")
# (a second level named between the two numbers — "SL 0.41, TP2 0.52", "SL 0.41, leverage 10x" — is no alternative stop)
_ANOTHER_LEVEL = re.compile(r"(?<!\w)(?:tp\d?|targets?|entry|entries|lev\w*|leva|плеч\w*|тейк\w*|вход\w*)(?!\w)")
_ALTERNATIVES = re.compile(r"^\s*(?:/|or|или|o|ou|oder|veya|atau)\s*$")


def _corrected_stop(lowered: str) -> Decimal | None | bool:
    """The corrected stop of a correction naming two prices; False when it names two and does not say which is meant (or
    gives a percentage); None when it names one, or a second level after it (the stop word's price is read as usual)."""
    found = _STOP_THEN_TWO_PRICES.search(lowered)
    if found is None:
        return None
    if "%" in lowered[found.start():found.end() + 2]:
        return False  # ("SL 3.5% not 5%": a stop in percent, no price)
    between = found.group("between")
    if _ANOTHER_LEVEL.search(between):
        return None
    comma_decimal = uses_comma_decimals(lowered)
    first, second = (parse_decimal(found.group(g), comma_decimal) for g in ("first", "second"))
    if first is None or second is None or first == second:
        return None
    if _FIRST_NEGATED.search(found.group("before")):
        return second  # ("стоп не 0.44, а 0.41", "止损不是0.44，是0.41")
    if _SECOND_WRONG.search(between) and not _FIRST_WRONG.search(between):
        return first  # ("SL 0.41 not 0.44", "стоп 0.41, а не 0.44", "SL 61500 (typo 61000)")
    if _FIRST_WRONG.search(between):
        return second
    if _ANOTHER_LEVEL.match(lowered, found.end()) or re.match(r"\s*(?:x|entries|entr\w*)(?!\w)", lowered[found.end():]):
        return None  # ("SL 0.41 — 2 entries")
    return False  # ("SL 0.44 / 0.41", "SL 0.44 ❌ 0.41 ✅" with the marks gone: which is meant is not said)


def _mistyped_stop(lowered: str) -> Decimal | None:
    """The stop a correction says was the typo ("SL 13.65 ← not 14.65" → 14.65), when it says which of its two prices is
    the corrected one."""
    corrected = _corrected_stop(lowered)
    found = _STOP_THEN_TWO_PRICES.search(lowered)
    if not isinstance(corrected, Decimal) or found is None:
        return None
    comma_decimal = uses_comma_decimals(lowered)
    first, second = (parse_decimal(found.group(g), comma_decimal) for g in ("first", "second"))
    return second if corrected == first else first


# ("CORRECTION: entry 1.21 not 1.12", "Entrada 1,21, no 1,12", "Вход 1.21, а не 1.12"): the corrected entry, then the
# typo it takes back
_ENTRY_NOT_TYPO = re.compile(
    r"(?<!\w)(?:entry|entrada|entrée|entree|ingresso|einstieg|вход|giri[şs]|wej[śs]cie|masuk|pasok|vstup|intrare)\s*[:=]?\s*"
    r"\$?(?P<right>\d+(?:[.,]\d+)?)\s*,?\s*(?:not|instead\s+of|\(\s*not|no|não|nao|nicht|pas|non|а\s+не|не|değil|degil|"
    r"hindi|bukan|nie|nu)\s+\$?(?P<typo>\d+(?:[.,]\d+)?)(?![\d.,]*\d)")


def _mistyped_entry(lowered: str) -> tuple[Decimal, Decimal] | None:
    """The entry a correction puts right and the typo it takes back ("entry 1.21 not 1.12" → (1.21, 1.12))."""
    found = _ENTRY_NOT_TYPO.search(lowered)
    if found is None:
        return None
    comma_decimal = uses_comma_decimals(lowered)
    return parse_decimal(found.group("right"), comma_decimal), parse_decimal(found.group("typo"), comma_decimal)


def _never_tradable_as_posted(side: Side | None, entries: list[Decimal], typo: Decimal | None) -> bool:
    """The stop a correction takes back stood on the wrong side of the card's entries (a long's at or above its lowest
    entry, a short's at or below its highest): the card as first posted was no consistent trade, so it was never opened
    from it."""
    if typo is None or not entries or side is None:
        return False
    return typo >= min(entries) if side == Side.LONG else typo <= max(entries)


# ("2.950 €", "€2950", "5,80 TL", "₹14,500", "£1,850", "R$ 350", "9 200 ₽"): a fiat currency written beside a price —
# the sign or code right after the number or the sign right before it
_FIAT_AFTER = re.compile(r"[ \t]?(€|eur(?:os?)?|₺|tl|try|₹|inr|rs\.?|£|gbp|₽|руб\w*|rub|₴|грн|uah|zł|pln|brl|₦|ngn|idr|₫|vnd|myr)"
                         r"(?!\w)", re.IGNORECASE)
# (session 26, asia26: "RM 318,000", the ringgit's sign before its sum, in capitals — "rm" is also the shell's remove)
_FIAT_BEFORE = re.compile(r"(€|₺|₹|£|₽|r\$|rp\.?|rs\.?|₦|(?-i:RM))[ \t]?$", re.IGNORECASE)
_FIAT_CODES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "₺": "TRY", "tl": "TRY", "try": "TRY",
               "₹": "INR", "inr": "INR", "rs": "INR", "£": "GBP", "gbp": "GBP", "₽": "RUB", "rub": "RUB", "₴": "UAH",
               "грн": "UAH", "uah": "UAH", "zł": "PLN", "pln": "PLN", "brl": "BRL", "r$": "BRL", "₦": "NGN",
               "ngn": "NGN", "idr": "IDR", "rp": "IDR", "₫": "VND", "vnd": "VND", "rm": "MYR", "myr": "MYR"}


def _fiat_of_levels(level_tokens: tuple[Token, ...], clean: str) -> str | None:
    """The fiat currency a card's prices are written in, when most of its levels carry one and none another (a sum of
    euros elsewhere in the post — "risk 50 € per trade" — is no price of the card)."""
    if not level_tokens or not any(mark in clean for mark in "€₺₹£₽₴₦₫") and not _FIAT_HINT.search(clean):
        return None
    lines = clean.split("\n")
    found: list[str | None] = []
    for token in level_tokens:
        line = lines[token.line] if token.line < len(lines) else ""
        after = _FIAT_AFTER.match(line, token.start + len(token.text))
        before = _FIAT_BEFORE.search(line[:token.start])
        mark = after.group(1) if after else before.group(1) if before else None
        mark = mark.lower().rstrip(".") if mark else None
        found.append("RUB" if mark and mark.startswith("руб") else _FIAT_CODES.get(mark) if mark else None)
    codes = {code for code in found if code}
    if len(codes) != 1 or sum(code is not None for code in found) * 2 < len(found):
        return None
    return codes.pop()


_FIAT_HINT = re.compile(r"\d[ \t]?(?:eur|tl|try|inr|rs|gbp|руб|rub|грн|uah|zł|pln|brl|ngn|idr|vnd|myr)(?!\w)|"
                        r"(?:r\$|rp\.?|rs\.?|(?-i:RM))[ \t]?\d", re.IGNORECASE)


# ("3,150원", "3150 원에", "₩3,150", "원화마켓 기준", "KRW market"): a card's prices in South Korean won — the KRW market of
# a Korean exchange (a digit right before "원" is a sum of won; "원하는" is a word of its own)
_PRICED_IN_WON = re.compile(r"(?<![\w.,])\d[\d,.]*\s?(?:[천만억]\s?(?:\d[\d,.]*\s?)?){0,3}원(?![가-힣])|"
                            r"(?<![\w.,])\d[\d,.]*\s?(?:[천만억]\s?(?:\d[\d,.]*\s?)?){0,3}원(?=(?:에|으로|부터|까지|선|대|이|은|을)(?![가-힣]))|"
                            r"₩\s?\d|원화\s*(?:마켓|시장|거래|기준|페어)|(?<![a-z])krw\s*(?:market|마켓|pair|기준)|(?<![a-z/])krw(?=\s*$)",
                            re.IGNORECASE | re.MULTILINE)
_ONE_COMMA_NUMBER = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d.,])")  # ("2,312": 2312 or 2.312)


def _two_readings_of(lowered: str, price: Decimal) -> tuple[Decimal, ...]:
    """Both readings of the number the post writes as `price` when its comma may be a decimal point ("2,312"), or its
    point a thousands separator ("64.500" in a post with no other decimal — as `_stop_moved_onto` reads it)."""
    comma_decimal = uses_comma_decimals(lowered)
    if comma_is_ambiguous(lowered, comma_decimal):
        for written in _ONE_COMMA_NUMBER.findall(lowered):
            readings = tuple(parse_decimal(written, decimal) for decimal in (False, True))
            if readings[0] == price and all(r is not None and r > 0 for r in readings):
                return readings
    if not comma_decimal and not _OTHER_POINT_DECIMAL.search(lowered):
        for written in _ONE_POINT_NUMBER.findall(lowered):
            readings = (parse_decimal(written, False), parse_decimal(written.replace(".", ""), False))
            if readings[0] == price and all(r is not None and r > 0 for r in readings):
                return readings
    return ()


_ONE_POINT_NUMBER = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])")  # ("64.500": 64.5 or 64500)


def _stop_moved_onto(lowered: str) -> StopMove | None:
    """The price (as a number) or the target number a post moves the stop onto; a price that may be read two ways (a
    comma that may be a decimal point or a thousands separator: "SL moved to 2,312") comes back as neither."""
    moved = stop_moved_onto(lowered)
    if moved is None or moved.price is None:
        return moved
    comma_decimal = uses_comma_decimals(lowered)
    if ONE_COMMA_GROUP.fullmatch(moved.price) and comma_is_ambiguous(lowered, comma_decimal):
        readings = tuple(parse_decimal(moved.price, decimal) for decimal in (False, True))
        return StopMove(readings=readings) if all(r is not None and r > 0 for r in readings) else None
    if not comma_decimal and _ONE_POINT_GROUP.fullmatch(moved.price) and not _OTHER_POINT_DECIMAL.search(lowered):
        # ("#BTC стоп переносим на 61.800", "movemos el SL a 3.250"): languages that write decimals with a comma write
        # thousands with a point — 61800, or 61.8 on a coin at 61: both readings, the signal's levels tell
        readings = (parse_decimal(moved.price, False), parse_decimal(moved.price.replace(".", ""), False))
        return StopMove(readings=readings) if all(r is not None and r > 0 for r in readings) else None
    price = parse_decimal(re.sub(r"[ \u00a0]", "", moved.price), comma_decimal)
    return StopMove(price=price) if price is not None and price > 0 else None


_ONE_POINT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")  # ("0.418" is never 418)
# (a number written with a point and not three digits after it: the post writes decimals with a point)
_OTHER_POINT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])")


_AMBIGUOUS_COMMA = "the comma may be a decimal point or a thousands separator"
# Words or letters of languages that write decimals with a comma (Turkish, Russian/Ukrainian, Spanish, Portuguese,
# German, French, Italian, Polish, Indonesian, Vietnamese, Dutch, Czech, Hungarian, Romanian); the Turkish letters
# match case-sensitively (under IGNORECASE "ı" and "İ" match any Latin "i")
def _same_card_scaled(small: ParsedMessage, large: ParsedMessage, factor: int) -> bool:
    """Every level of `large` is the one of `small` times `factor`: the same card read with another separator."""
    def levels(m: ParsedMessage) -> list:
        return [*m.entries, *m.targets, *([m.stop_loss] if m.stop_loss is not None else [])]
    a, b = levels(small), levels(large)
    return bool(a) and len(a) == len(b) and all(x * factor == y for x, y in zip(a, b, strict=True))


_COMMA_DECIMAL_LOCALE = re.compile(
    r"[а-яёіїєґ]|(?-i:[ğışİĞŞ])|(?<!\w)(?:giri[şs]|hedef\w*|zarar|kald[ıi]ra[çc]|entrada|objetivos?|alvos?|salida|sa[íi]da|venta|"
    r"venda|compra|einstieg|ziele?|kauf\w*|verkauf\w*|entr[ée]e|objectifs?|ingresso|obiettiv\w*|wej[śs]cie|cele|"
    r"masuk|sasaran|v[àa]o|ch[ốo]t|instap|doelen|vstup|c[íi]le|bel[ée]p[őo]|c[ée]lok|intrare|[țţ]inte|"
    # pt/es "Robô abriu posição … (Futuros, 12x)", "Abrimos posición"
    r"posi[çc][ãa]o|posici[óo]n|abriu|abrimos|futuros|alavancagem|apalancamiento|"
    # id "Posisi: LONG", "Harga beli" (Indonesian writes decimals with a comma)
    r"posisi|beli|jual)(?!\w)",
    re.IGNORECASE)


# A closed heading whose object is a month or week of results, not a trade ("Closed March in profit", "Закрыли ноябрь в
# плюсе", "Закрыли неделю +40%", "Cerramos marzo en verde")
_PERIOD_CLOSED_HEAD = re.compile(
    r"^\W*(?:we\s+)?(?:closed|закрыли|закрыл\w*|cerramos|fechamos|encerramos|chiudiamo|abbiamo\s+chiuso|zamkn[eę]li[śs]my|"
    r"nous\s+cl[ôo]turons|on\s+cl[ôo]ture|kapatt[ıi]k)\s+(?:the\s+|our\s+|this\s+|el\s+|la\s+|o\s+|a\s+|il\s+|le\s+)?"
    r"(?:" + MONTH_NAMES + r"|week|month|year|quarter|неделю|месяц|год|квартал|semana|mes|m[êe]s|a[ñn]o|ano|settimana|mese|"
    r"semaine|mois|tydzie[ńn]|miesi[ąa]c|haftay[ıi]|ay[ıi])(?!\w)(?!['’]s|\s+[#$]|\s+(?:long|short|swing|trade|position|call)(?!\w))",
    re.IGNORECASE)
# Where the sentence of a heading ends ("Closed the week. #SOL …", "Closed March 🟢\n…", "Closed June ✅ Next: …")
_PERIOD_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n|(?<!\w)next\s*:|(?<!\w)(?:but|however|pero|mas|но|aber|mais|ma|ama)(?!\w)",
                           re.IGNORECASE)
_NEVER_FILLED = re.compile(r"(?<!\w)(?:(?:entry|order|it)\s+(?:was\s+|has\s+)?never\s+(?:triggered|filled|activated)|"
                           r"never\s+(?:got\s+)?(?:triggered|filled)|(?:setup|signal|trade|call)\s+(?:is\s+)?invalidated|"
                           r"не\s+(?:сработал|активировал|исполнил)\w*|cancel\w*\s+(?:the\s+)?(?:whole\s+)?(?:setup|signal|trade|call)|"
                           # ("SIGNAL EXPIRED … entry 0.1935 not reached within 24h. Pending orders cancelled, no position
                           # opened"): nothing filled — the pending orders were the whole trade
                           r"no\s+position\s+(?:was\s+)?(?:opened|taken|entered)|(?:entry|price)\s+(?:(?:at\s+|@\s*)?\$?(?:\d+[.,]\d+|\d{2,})\s+)?(?:was\s+)?"
                           r"(?:not|never)\s+(?:reached|hit|touched)|(?:signal|setup|call|trade|order)\s+(?:has\s+|is\s+|was\s+)?expired|"
                           r"^\W*expired|sin\s+abrir\s+posici[óo]n|sem\s+abrir\s+posi[çc][ãa]o|entrada\s+(?:no|n[ãa]o)\s+(?:se\s+)?"
                           r"(?:alcanzada|atingida|activada|ativada|ejecutada|executada)|"
                           # bn "এন্ট্রি হিট হয়নি" (the entry was not hit), "অর্ডার ফিল হয়নি"; pl "zlecenia się nie wypełniły"
                           r"(?:এন্ট্রি|অর্ডার)\s*(?:হিট|ফিল|ট্রিগার)\s*হ(?:য়|য়)\s*নি|"
                           r"zleceni[ae]\s+(?:si[ęe]\s+)?nie\s+(?:wype[łl]ni[łl]\w*|zosta[łl]\w*\s+wype[łl]nion\w*)|"
                           # (session 24, status24b) de "Einstieg nie erreicht", "Einstieg wurde nie ausgelöst", "Signal
                           # storniert"; fr "entrée jamais atteinte", "signal annulé"; it "ingresso mai raggiunto",
                           # "segnale annullato"
                           r"(?<!zweiter\s)(?<!dritter\s)(?<!letzter\s)(?<!second\s)(?<!third\s)(?<!last\s)(?<!2nd\s)(?<!3rd\s)"
                           r"(?:einstieg|entry|order)\s+(?:wurde\s+)?(?:nie|niemals|nicht)\s+(?:erreicht|ausgel[öo]st|gef[üu]llt|ausgef[üu]hrt)|"
                           r"(?:signal|setup|trade|call)\s+(?:wurde\s+|ist\s+)?storniert|"
                           r"entr[ée]e\s+(?:n'a\s+)?jamais\s+(?:atteinte?|d[ée]clench[ée]e?|ex[ée]cut[ée]e?)|(?:signal|setup|trade)\s+annul[ée]|"
                           r"(?:ingresso|entrata)\s+(?:non\s+)?mai\s+(?:raggiunt[oa]|attivat[oa]|eseguit[oa])|segnale\s+annullato)(?!\w)",
                           re.IGNORECASE)
# A part of the position, or a target, beside a sell word ("Sell #MEME 1/2", "Sell #FET now, target +11%", "Jual separuh")
_PART_WORDS = (r"half|partial\w*|target\w*|tps?|keep|moon\s*bag\w*|rest|separuh|setengah|mitad|metade|h[äa]lfte|moiti[ée]|"
               r"половин\w*")
_SELL_A_PART = re.compile(rf"(?<!\w)(?:{_PART_WORDS})(?!\w)|(?<![\d.,])\d\s*/\s*\d(?![\d.,])", re.IGNORECASE)
# A sell command heading a post: the verb, the coin's tag, nothing between ("Sell #MEME now", "Jual #FET sekarang")
# (the coin tagged, or in capitals: "SELL ETH now now, no wait", "VINDEȚI ETH acum!")
_SELL_COMMAND = re.compile(r"^\W*(?:sell|jual|vende|venda|vendez|vendi|verkaufe|verkaufen|sat[ıi]n|b[áa]n|продаём|продаем|"
                           r"продавайте|sprzedaj|sprzedajemy|vinde(?:[țţt]i|m)?)[ \t]+(?:all[ \t]+|semua[ \t]+|todo[ \t]+|tutto[ \t]+|alles[ \t]+)?"
                           r"(?:[#$][A-Za-z0-9]{2,15}|(?-i:[A-Z][A-Z0-9]{1,9}))(?![\w/])", re.IGNORECASE)
# (and for a sell command: an entry, a short or futures make it a call; "at 0.018" a price to sell at)
_SELL_NOT_A_CLOSE = re.compile(rf"(?<!\w)(?:{_PART_WORDS}|\d{{1,2}}\s*%\s+of|hedef\w*|objetivo\w*|alvo\w*|ziel\w*|entry|short\w*|"
                               r"futures?|perp\w*|bag|at\s+\$?\d)(?!\w)|\d\s*/\s*\d", re.IGNORECASE)

# (a priced sell said for now: "#KAS sell now at 0.1400", "Sell your #DOT bags at 4.80-5.00, the target is here")
_SELL_NOW = re.compile(r"(?<!\w)(?:now|immediately|asap|right\s+away|here|market|cmp|sekarang|ahora|agora|jetzt|sofort|maintenant|"
                       # ("Sell #TIA done at 9.80 ✅", "executed at": the sale is reported made)
                       r"adesso|subito|acum|imediat|teraz|сейчас|срочно|[şs]imdi|hemen|ngay|done|executed|filled|completed|"
                       # ("SELL ETH at 3300 +10% 🔥", "Sell #OP at 2.10 and exit", "#OP 2.10 매도 완료", "卖出 ✅"): the sale made, with
                       # its result or mark
                       r"exit|fully|no\s+longer)(?!\w)|"
                       # (a result beside the sale: "SELL ETH at 3300 +10% 🔥"; "at 3400 for +10% profit" is the plan's aim)
                       r"(?<!for\s)(?<!to\s)(?<![\w.,])\+\d+(?:[.,]\d+)?\s*%(?!\s*(?:profit|gain|upside|target))|"
                       r"现在|立即|지금|今すぐ|완료|已卖|卖出|[✅❌]", re.IGNORECASE)

_STOP_PUT_AT_A_PERCENT = re.compile(r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?)\s+(?:(?:moved|set|now)\s+)?(?:to|at|@|->|=>)\s*[+-]?\d+(?:[.,]\d+)?\s*%")
# Cornix's stop message: "Stop Target Hit ⛔", "#NEAR/USDT stop target 1 ❌" (the stop, its "target", met — a loss)
_STOP_TARGET_MET = re.compile(r"stop\s+target(?:\s*\d{1,2})?\s*(?:hit|❌|⛔|🛑)")


# A post headed as a test or a demo ("TEST", "[TEST] #ETH SHORT …", "Test message", "DEMO 🧪", "TEST (ignore)",
# "Тестовое сообщение", "Demo account results 👇"): the word heads the post on its own line, or as a bracketed tag — not
# "test" inside a sentence ("BTC will test 100k", "Test of the 140 support — #SOL LONG …")
_TEST_WORD = (r"(?:test(?:ing)?|demo|тест|тестов\w+|prueba|teste|deneme|测试|テスト|테스트|ทดสอบ)")
_TEST_HEADING = re.compile(
    r"\A[^\w\n]*(?:[\[(【]\s*" + _TEST_WORD + r"\s*[\])】]|" + _TEST_WORD
    + r"(?:\s+(?:post|message|msg|signal|only|mode|run|сообщение|пост|сигнал|повідомлення|mensaje|mensagem|mesaj))?"
    r"[^\w\n]*(?:\(\s*(?:(?:please|pls)\s+)?(?:ignore|ignorar|ignorer|игнор\w*)\s*\)[^\w\n]*)?(?:\n|\Z)|"
    r"demo[\s-]+(?:account|trad\w+|acc)(?!\w)[^\n]*(?:\n|\Z)|"
    # ("test 123", "testing 1 2 3", "test test", "mic check"): a line checking the feed
    r"(?:test(?:ing)?|mic\s+check)[\s,.-]+(?:1[\s,.-]*2(?:[\s,.-]*3)?|one[\s,-]+two(?:[\s,-]+three)?|test)[^\w\n]*(?:\n|\Z))",
    re.IGNORECASE)
# The post's first line calls it a test and asks to ignore it, in any order and with any note beside ("TEST — please
# ignore ⚙️ (checking the new bot formatting)", "Please ignore, testing the bot", "Тест, не обращайте внимания",
# "Prueba — ignorar", "测试，请忽略"): the card under it is the template being tried, no call. ("Test the 1.20 support
# then long — ignore the noise" names no test of the post: "ignore" there has an object)
_TEST_LINE_WORD = re.compile(r"(?<!\w)(?:" + _TEST_WORD + r"|(?:check\w*|trying)\s+(?:the\s+|our\s+)?(?:new\s+)?(?:bot|format\w*|"
                             r"template|layout)|format(?:ting)?\s+(?:check|test))(?!\w)|测试|テスト|테스트", re.IGNORECASE)
_IGNORE_IT = re.compile(r"(?<!\w)(?:(?:please|pls|plz|kindly)\s+)?(?:ignore|disregard)(?:\s+(?:this|it))?(?:\s+(?:post|message|msg|one))?"
                        r"(?=\s*(?:[^\w\s]|$))|(?<!\w)(?:игнорируйте|игнор|не\s+обращайте\s+внимания|ignorar|ignoren|ignorem|"
                        r"ignorez|ignorer|ignorieren|bitte\s+ignorieren|abaikan|g[öo]rmezden\s+gel\w*|dikkate\s+almay\w*|"
                        r"b[ỏo]\s+qua)(?!\w)|请?忽略|无视|무시", re.IGNORECASE)


# ("TEST ⚙️ (checking the new bot formatting)", "Demo — trying our new template"): the test word heads the line, a note
# says what is tried
_TEST_OF_THE_BOT = re.compile(r"^[^\w\n]*" + _TEST_WORD + r"(?!\w)[^\w\n]+[^\n]*?(?<!\w)(?:check\w*|trying|testing)\s+"
                              r"(?:the\s+|our\s+)?(?:new\s+)?(?:bot|format\w*|template|layout)(?!\w)", re.IGNORECASE)


# Session 22 (money52): a card marked expired or too late for whoever has not entered ("EXPIRED", "too late", "do not
# chase", "don't enter anymore", "abgelaufen", "nicht mehr einsteigen", "caducada", "ya no entrar", "expiré", "trop
# tard", "scaduto", "истёк", "не входим", "süresi doldu", "kadaluarsa", "jangan kejar") …
_EXPIRED_MARK = re.compile(
    r"(?<!\w)(?:expired|too\s+late|(?:do\s+not|don'?t|no)\s+chas(?:e|ing)|(?:do\s+not|don'?t)\s+(?:enter|jump\s+in)\s+(?:any\s*more|now|late)|"
    r"no\s+(?:longer|more)\s+(?:valid|enterable)|abgelaufen|nicht\s+mehr\s+(?:einsteigen|nachkaufen|hinterherlaufen)|zu\s+sp[äa]t|"
    r"caducad[oa]|expirad[oa]|ya\s+no\s+(?:entr(?:ar|en|amos)|persig\w*)|demasiado\s+tarde|n[ãa]o\s+entr(?:ar|em)\s+mais|"
    r"tarde\s+demais|expir[ée]e?|trop\s+tard|n'entrez\s+plus|scadut[oa]|troppo\s+tardi|non\s+entrate\s+pi[uù]|"
    r"ист[её]к\w*|слишком\s+поздно|не\s+(?:входим|заходите|входите)|s[üu]resi\s+dol\w*|ge[çc]\s+kal\w*|kadaluarsa|kedaluwarsa|"
    r"terlambat|jangan\s+(?:kejar|entry\s+lagi|masuk\s+lagi))(?!\w)")
# … after it already ran: filled, or a target reached ("already ran to TP2", "TP1 ist durch", "schon gestern gefüllt",
# "ya tocó TP1", "déjà atteint", "уже отработал", "sudah kena TP1")
_ALREADY_RAN = re.compile(
    r"(?<!\w)(?:already\s+(?:ran|hit|reached|filled|triggered|played\s+out|moved|pumped|dumped|in\s+profit)|ran\s+(?:to|past)\s+tp\s*\d|"
    r"(?:schon|bereits)\s+(?:\w+\s+){0,2}(?:gef[üu]llt|erreicht|gelaufen|ausgel[öo]st)|tp\s*\d\s+(?:ist|war)\s+(?:durch|erreicht)|"
    r"ya\s+(?:lleg[oó]|toc[oó]|se\s+llen[oó]|alcanz[oó]|corri[oó])|j[áa]\s+(?:bateu|atingiu|correu|foi\s+preenchid[oa])|"
    r"d[ée]j[àa]\s+(?:atteint|touch[ée]|rempli|parti)|gi[àa]\s+(?:raggiunt[oa]|colpit[oa]|partit[oa]|riempit[oa])|"
    r"уже\s+(?:отработал\w*|дош[её]л\w*|сработал\w*|исполнен\w*|улетел\w*)|zaten\s+(?:\w+\s+)?(?:geldi|vurdu|doldu)|"
    r"sudah\s+(?:kena|tembus|jalan|terisi|tp))(?!\w)")
# (a close or a stop move said beside it is the channel's change for those in the trade: read as such)
_EXPIRED_BUT_CHANGED = re.compile(r"(?<!\w)(?:clos(?:e|ing)|exit(?:ing)?|move\s+(?:the\s+|your\s+)?(?:sl|stop)|(?:sl|stop)\s+(?:to|moved)|"
                                  r"schlie[ßs]\w*|cerr\w*|fech\w*|ferm\w*|chiud\w*|закр\w*|kapat\w*|tutup\w*)(?!\w)")


def _expired_after_it_ran(lowered: str) -> bool:
    return bool(_EXPIRED_MARK.search(lowered) and _ALREADY_RAN.search(lowered) and not _EXPIRED_BUT_CHANGED.search(lowered))


def _test_to_ignore(clean: str) -> bool:
    # (the first two lines: a relay's or a bot's heading may stand above the test line — "Trade ID: 7F3A / TEST — please
    # ignore …", edit probe)
    heads = [line for line in clean.lstrip().split("\n", 3)[:3] if line.strip()][:2]
    return any(_TEST_LINE_WORD.search(line) and _IGNORE_IT.search(line) or _TEST_OF_THE_BOT.match(line) for line in heads)


def _parse(text: str, comma_decimal_locale: bool = False) -> ParsedMessage:
    if not isinstance(text, str):
        return _not_a_signal("message text is not a string")
    if not text.strip():
        return _not_a_signal("empty message")
    notes: list[str] = []
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        notes.append(f"text truncated to {MAX_TEXT_CHARS} characters")
    clean = normalize(text)
    if _TEST_HEADING.match(clean) or _test_to_ignore(clean):
        return _not_a_signal("the post's heading marks it as a test or a demo, not a call")
    if _expired_after_it_ran(clean.lower()):
        # Session 22 (money52): "⏳ EXPIRED / #ARB short … already ran to TP2 / too late, do not chase", "ABGELAUFEN – nicht
        # mehr einsteigen / … TP1 ist durch": a card marked dead for latecomers after it ran — no order to place, and
        # the trade of those in it goes on (no close)
        return _not_a_signal("a card marked expired for latecomers after it already ran")
    comma_decimal = comma_decimal_locale or uses_comma_decimals(clean)
    lines = [tokenize_line(line, n, comma_decimal) for n, line in enumerate(clean.split("\n"))]
    _number_dash_rows(lines)
    named_by_bot = _bot_name_words(lines)
    _dca_price_beside_the_market(lines)
    _cjk_add_rung_beside_the_market(lines, clean)
    tokens = [t for line in lines for t in line]
    # ("Bot: ETH-grid-long | Deal #55120 / SO #3 executed"): the coin a bot's name begins with, for a status naming no other
    bot_coin = next((SymbolCandidate(t.text, "USDT", 0, n) for n, t in enumerate(tokens) if t is named_by_bot), None)
    segments = _segments(lines)
    _restore_unsequenced_indexes(segments)
    profit_loss = _profit_loss_levels(segments)
    _dca_zone_as_the_entry(segments)
    levels = _assign_levels(segments, frozenset(n for n, line in enumerate(lines) if line))
    if len(levels.stop) > 1 and (later := _later_stops(levels.stop, clean.split("\n"))) \
            and len(later) < len(levels.stop):
        # ("SL 176 → 179 after TP1", "Once TP1 is hit, SL 3480"): the stop for after a target is reached is the next
        # step of the plan — the order's stop is the one to place now
        levels.stop = [t for t in levels.stop if t not in later]
    level_lines = [t.line for t in (*levels.entries, *levels.targets, *levels.stop)]
    candidates = without_generic_tags(symbol_candidates(tokens), tokens)
    if any(c.weak for c in candidates) and any(not c.weak and (c.rank == EXPLICIT or tokens[c.position].kind == Kind.TAG
                                                               and c.base in KNOWN_TICKERS) for c in candidates):
        # ("Ik open een long op $ADA": a lower-case word after the side word may be the language's "on" — a tag or a
        # pair names the coin)
        candidates = [c for c in candidates if not c.weak]
    # (and over a status naming its coin otherwise: "HOT / Ripple short closed at 2.31 ✅", "GO / Cerramos el short de
    # ethereum en 3120")
    if candidates and any(t.line > 0 for t in tokens) and (not levels.entries or len(candidates) > 1
                                                           or coin_by_name(tokens) is not None):
        # ("HOT / #ETC stopped out", "ALPHA / Скоро запускаем закрытый канал …"): a channel's hype word alone on the post's
        # first line is its heading, though a ticker spells the same (Holo, Stella) — the coin is written with a tag,
        # a pair or beside its side word (over a setup the word is still read, and held: "ALPHA / Entry 0.385 …")
        candidates = [c for c in candidates if not (c.rank == 0 and tokens[c.position].text in _HYPE_HEADINGS
                                                    and tokens[c.position].line == 0 and _alone_on_line(tokens, c.position))]
    # ("SL moved to entry / BTC Signals VIP", "Ripple — stop hit. Next: #ADA", "#AVAX is next"): a channel's name, or the
    # coin of the next post — not the one the post is about
    candidates = [c for c in candidates if not _names_a_channel_or_the_next_coin(tokens, c.position)
                  # ("Trade ID: 7F3A / /close SIG-031226-ETHUSDT": an id's field and its value are no coins)
                  and not (c.rank == 0 and _is_an_id(tokens, c.position))
                  # ("SO #3 executed", "Deal #55120": a word numbering an item of its own — no coin we know)
                  and not (c.rank == 0 and c.base not in KNOWN_TICKERS and (_numbers_an_item(tokens, c.position)
                                                                            or _names_a_signal_id(tokens, c.position)))]
    if not levels.entries and len({c.base for c in candidates}) > 1:
        # Session 22 (money52): "VAULT EXIT ▸ XRP ▸ fully closed at 0.5010", "ORACLE UPDATE | SOL | SL to entry": a
        # capitalised word we do not know as a ticker heading the post, then a ticker we know on the same line — the word
        # is the channel's brand over its post type, the ticker is the coin
        candidates = [c for c in candidates if not _brand_heading_before_ticker(tokens, c, candidates)]
    if len({c.base for c in candidates}) > 1 and any(c.rank == 0 and _bracketed_ticker_in_heading(tokens, c.position)
                                                     for c in candidates):
        # (session 27, cards27: "🛡 IRONFOLD — Card #212 (TIA) / … Card closed"): a ticker we know in brackets on the
        # first line names the card's coin; a capitalised word we do not know before it on that line is the brand
        candidates = [c for c in candidates if not (c.rank == 0 and c.base not in KNOWN_TICKERS and tokens[c.position].line == 0)]
    if len({c.base for c in candidates}) > 1:
        # ("Closed our #DOGE long at 0.1712 earlier today ✅ +19% / Next up 👇 / #LTC LONG / Entry … / TP … / SL …"): a
        # line reporting another coin's trade as closed, above the card of the coin the post calls — done, not called
        candidates = [c for c in candidates if not _reported_closed_above_a_card(tokens, c, candidates, clean)]
    if len({c.base for c in candidates}) > 1 and levels.entries:
        # (session 26, hard26) ("#SOL LONG 🟢 (riding the #BTC strength)", "#ETH SHORT (#BTC.D rising)", "#LINK LONG
        # (siguiendo la fuerza de #BTC)"): another coin in a bracketed remark after the card's coin and side — the
        # reason for the call, not a second coin of it
        candidates = [c for c in candidates if not _coin_in_a_bracketed_remark(tokens, c, candidates)]
    kept, footer_pair_alone = _without_footer_pair(candidates, tokens)
    set_aside = frozenset(c.position for c in candidates if c not in kept)
    candidates = kept
    candidate, symbol_problem = choose_symbol(candidates)
    word_tag = False
    pair_aside = footer_pair_alone and candidate is not None
    if symbol_problem and symbol_problem.startswith("several different coins") and (renamed := _renamed_to(tokens)):
        # "#RNDR → #RENDER": a ticker and the name it was changed to — the new one is the coin
        others = {c.base for c in candidates} - {renamed[0].lstrip("#$").upper(), renamed[1].lstrip("#$").upper()}
        if not others:
            candidate = next(c for c in candidates if c.base == renamed[1].lstrip("#$").upper())
            symbol_problem = None
    if candidate is not None and candidate.rank == EXPLICIT and symbol_problem is None \
            and not any(_on_side_line(tokens, c.position) for c in candidates if c.rank == EXPLICIT):
        # "BTC dominance at 54.2%, ETH/BTC 0.052. / #AVAX long 27.5 ...": a pair in a line of market talk, and another
        # coin named beside the side word — that one is the call's (held: which is meant is a reading)
        # ("SEÑAL #NEAR / Compra … / SL … / SOL | USDT": a tag heading the post, a pair of another coin in its footer
        # under every level — a relay's chart caption or a template left over; which is meant is a reading)
        in_footer = bool(level_lines) and tokens[candidate.position].line > max(level_lines)
        beside = {c.base: c for c in candidates if (c.rank == NAMED or c.rank == HASHTAG and in_footer
                                                   and tokens[c.position].line <= min(level_lines)) and c.base != candidate.base
                  and tokens[c.position].kind == Kind.TAG}
        if len(beside) == 1:
            pair = candidate
            candidate = next(iter(beside.values()))
            # ("Lekin ETHBTC bounce de raha hai toh alts me move aayega. / Call 👇 / #ZRO LONG / Entry …"): a pair
            # named in a sentence of market talk, with no price of its own, above the line where the tagged coin heads
            # the side word and every level below — the talk before the call, not a quote of it
            pair_aside = not _pair_in_talk_above_the_call(tokens, pair, candidate, level_lines)
    if candidate is None and symbol_problem is None and (tagged := word_ticker_tag(tokens, set_aside)) is not None:
        # "#GMT entry 0.2540 long ...": the post's only tag is a coin whose ticker is also a word; held unless it
        # stands on the line of the side word
        candidate, word_tag = tagged, not (_on_side_line(tokens, tagged.position) or _alone_on_line(tokens, tagged.position)
                                           and tagged.position == _first_meaningful(tokens))
    # (ticks read as "done" for status words; without a tick the text is the clean one — no second pass)
    # ("TP1 ✓ 28.90": the light check mark U+2713 is the same tick)
    status_text = normalize(text.replace("\u2705", " done ").replace("\u2714", " done ").replace("\u2611", " done ")
                            .replace("\u2713", " done ")).lower() \
        if "\u2705" in text or "\u2714" in text or "\u2611" in text or "\u2713" in text else clean.lower()
    status_text = without_disowned_notices(status_text)
    # (the lines the tokens were read from)
    status_lines = clean.split("\n")
    # (read once: several rules below ask; "Move SL to entry after TP1 hits!" under a setup is advice for later)
    progress = reports_progress(_FUTURE_MANAGEMENT.sub(" ", status_text) if "after" in status_text or "once" in status_text
                                or "when" in status_text or " 시" in status_text or "后" in status_text
                                or "tp" in status_text or "target" in status_text else status_text)

    # ("HOT / Closed: #SOL LONG …", "SCALP / EDIT: #APT LONG …"): a short heading line over the post — the rules that
    # read how a post begins read it from the line after
    body = _below_heading_line(clean, lines)
    entries, targets, stops = _rescale_thousands([levels.entries, levels.targets, levels.stop])
    entries = sorted(_dedupe(entries))
    stop = _pick_stop(stops, entries, _closes_on_candle(levels))
    noted_rung = None  # (a rung with words after its price: read, and held)
    legs = _weighted_dca_legs(segments, levels) if entries else []
    if entries and not legs and (legs := _dca_rungs(segments, lines, clean, levels, entries, targets, stop)):
        noted_rung = _noted_rung(segments)
        if _DCA_OPTIONAL.search(clean):
            # ("Use DCA only if price wicks", "Добор: 12.90 по желанию"): the rung is a choice — no order of the call, and
            # the call is held (with or without it, which trade is meant is a reading)
            legs, noted_rung = [], noted_rung or "DCA (optional)"
    if legs:
        # "Buy 0.3810 or below — 40% / DCA 0.3720 — 60%": a DCA line whose share completes the entry's is an entry leg;
        # "Entrata: 38.60 / DCA: 36.90 / … / SL: 35.40": a priced DCA rung between a limit entry and the stop is the
        # ladder's next order
        entries = sorted(_dedupe([*entries, *legs]))
    dropped_rung = _dropped_rung(segments, lines, clean, entries) if entries and noted_rung is None else None
    has_setup = bool(entries) and bool(targets or stop is not None)
    bare_heading = by_name = lower_case = False
    if candidate is None and symbol_problem is None and has_setup:
        # "BTC 4H setup — LONG / Entry ... / Stop ...": with a full set of levels, a bare capitalised ticker
        # heading a line that states the side is the coin; two or more different ones stay ambiguous.
        bare, bare_problem = choose_symbol(candidates, allow_bare=True)
        if bare is not None and bare_problem is None and _heads_a_side_line(tokens, bare.position):
            candidate = bare
        elif bare is not None and bare_problem is None and (named := coin_by_name(tokens)) is not None \
                and named.base == bare.base and tokens[named.position].line == tokens[bare.position].line:
            # ("[현물] 리플 XRP 분할매수", "以太坊 ETH 做多", "Ripple XRP spot buy"): the coin's name and its ticker side by
            # side on one line — each confirms the other
            candidate = bare
        elif bare is not None and bare_problem is None and _alone_on_line(tokens, bare.position) \
                and bare.position == _first_meaningful(tokens):
            # "🚀 DOGE 🚀 / Buy around 0.385 / ...": a capitalised word alone heading the post is most often the coin,
            # but a heading ("ALPHA", "GEM") looks the same — read, and held for an operator
            candidate, bare_heading = bare, True
        elif bare is not None and bare_problem is None and bare.base in KNOWN_TICKERS \
                and _heads_a_chart_caption(tokens, bare.position):
            # ("📸 DOGE 1H. Rejected at the same spot … / Shorting 0.1685, SL …", "INJ daily — lost the trendline …"): a
            # ticker we know heading the post before a chart's timeframe — the coin of the chart and the call under it; held
            candidate, bare_heading = bare, True
        elif bare is not None and bare_problem is None and (_after_unknown_heading(tokens, bare.position)
                                                             or _heads_first_short_line(tokens, bare.position)
                                                             or _heads_a_side_setup_line(tokens, bare.position)):
            # "Munt: NEAR / ...", "رمزارز KAVA", "LINK Zorp / Вход ...": a capitalised word closing a line headed by
            # words we do not know, or heading a short first line — likely the coin; held
            candidate, bare_heading = bare, True
        elif bare is not None and bare_problem is None and _after_lower_case_words_before_levels(tokens, bare.position):
            # ("quick scalp DOGE 0.1584 sell, tp …", "【现货】BCH 买入区间 455-468"): a capitalised word after a few lower-case
            # (or CJK) words heading the post's first line, with the call's label or price right after it — likely the
            # coin; held
            candidate, bare_heading = bare, True
        elif bare is not None and bare_problem is None and bare.base in KNOWN_TICKERS \
                and _heads_post_with_a_price_of_the_setup(tokens, bare.position, entries):
            # ("BNB swept 640 and reclaimed ✅ plan triggered: / LONG 645–650 / …", "ETH broke 3400 — entry live: / LONG
            # 3410-3420"): a ticker we know heading the post, with a price of the setup's size on its line — what the
            # coin did, then its call; held
            candidate, bare_heading = bare, True
        elif bare is not None and bare_problem is None and progress and _heads_post_before_target_label(tokens, bare.position) \
                and update_action(status_text) in (UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.NEW_STOP,
                                                   UpdateAction.PARTIAL_CLOSE):
            # ("✅ PEPE TP1 0.0₃3490 reached / SL moved to entry (0.0₃3412)"): a capitalised word heading the post right
            # before the target it reports as hit, the stop then moved — the running trade's coin (read for the status
            # below; held were it read as an open)
            candidate, bare_heading = bare, True
        elif (known := _known_ticker_heading_the_post(tokens, candidates)) is not None:
            # ("SOL swing / <a paragraph of reasoning> / bids …", "AAVE. Lending revenue at ATH … / Going long …", "Reply
            # to: ETH 1H — falling wedge / long from …", "SIGNAL #313 — NEAR (swing) LONG"): the one ticker we know,
            # heading the post's first line (or after its heading words and a separator), over a full set of levels —
            # the coin of the call; other capitalised words of the post ("OI", a signature) are no coins we know; held
            candidate, bare_heading = known, True
        elif bare is None and (lowered := _lower_case_after_side(tokens)) is not None:
            # "scalp long apt 5.12 tp 5.20 ...": a lower-case word right after the side word — likely the coin, held
            candidate, lower_case = lowered, True
        elif bare is None and (named := coin_by_name(tokens)) is not None:
            # "Chainlink long from $13.25 ...": a coin named in words, no ticker anywhere — read, and held
            candidate, by_name = named, True

    if candidate is not None and symbol_problem is not None and symbol_problem.startswith("several quotes"):
        # "#ETH/BTC ratio is bottoming → long ETH/USDT 3,400 ...": of one coin's pairs, the one the side word names
        beside = [c for c in candidates if c.rank == EXPLICIT and c.base == candidate.base
                  and _beside_side_word(tokens, c.position)]
        if len({c.quote for c in beside}) == 1:
            candidate, symbol_problem = beside[0], None
    symbol_doubt = "a capitalised word alone heading the post, with no tag or pair" if bare_heading \
        else f"the tag #{candidate.base} is also a word, away from the side word" if word_tag \
        else "a pair of another coin stands in a line without the side word" if pair_aside \
        else "the coin is written by its name, not its ticker" if by_name \
        else "a lower-case word after the side word, with no tag or pair" if lower_case else None
    if candidate is not None and candidate.rank < EXPLICIT and len(candidate.base) > 10 and symbol_doubt is None:
        # ("#whalesignalsvip short on arbitrum (arb)"): no ticker is that long; a channel's name is
        symbol_doubt = f"{candidate.base} is too long for a ticker (a channel's name?)"
    if candidate is not None and candidate.weak and symbol_doubt is None \
            and not _lower_case_ticker_on_a_full_card(candidate, candidates, tokens, levels, entries, targets, stop):
        symbol_doubt = f"the coin {candidate.base} is read from the word {tokens[candidate.position].text!r}, not from a ticker"
    rival = _plain_rival(candidate, candidates, tokens)
    if rival is None and candidate is not None and candidate.rank == HASHTAG and len(candidate.base) >= 7 \
            and candidate.base.isalpha() and not _on_side_line(tokens, candidate.position):
        # "#CRYPTOKINGS / Entry ...": a long word tag nowhere near a side word is more often the channel than a coin
        symbol_doubt = f"the hashtag {candidate.base} may be the channel's name, not a coin"
    if rival is not None:
        symbol_doubt = f"the hashtag {candidate.base} and the plain {rival.base} both could be the coin"
        if not _on_side_line(tokens, candidate.position) and candidate.base not in KNOWN_TICKERS \
                and len(candidate.base) >= 7:
            # "#CRYPTOKINGS / BTC / Long / ...": a tag heading the post is the channel's; the ticker standing alone
            # or heading its line is the coin (still held: which one is meant is a reading, not a fact). A tag of a
            # coin we know stays the coin, and so does a tag of a ticker's size: "HOT / #ETC stopped out ❌", "GO / #XVS
            # second entry added …" are a heading over the status — never held, and moving HOT or GO is another trade.
            candidate = rival
    level_tokens = (*levels.entries, *levels.targets, *levels.stop)
    in_sats = any(t.in_sats for t in level_tokens) or candidate is not None and candidate.quote == "BTC" \
        and candidate.rank == EXPLICIT and any(t.sat_short for t in level_tokens)
    if in_sats:
        notes.append("prices in satoshis")
        entries, targets, stops = _from_satoshis([levels.entries, levels.targets, levels.stop],
                                                 [list(levels_values) for levels_values in
                                                  _rescale_thousands([levels.entries, levels.targets, levels.stop])])
        entries = sorted(_dedupe(entries))
        stop = _pick_stop(stops, entries, _closes_on_candle(levels))
    # (the currency the levels are written in: read once, for the thousands here and the pair's quote below)
    levels_fiat = _fiat_of_levels(level_tokens, clean)
    entries, targets, stops, stop = _read_dot_thousands(levels, candidate, entries, targets, stops, stop,
                                                        levels_fiat in _DOT_GROUPING_FIATS)
    sats_problem, quote_from_sats = None, False
    if not in_sats and any(t.sat_short for t in level_tokens):
        sats_problem = "held for review: 'sat' after a price may mean satoshis (or the Turkish 'sell')"
    if in_sats and candidate is not None and candidate.quote != "BTC":
        if candidate.rank < EXPLICIT:
            # "#RVN / Buy 21-23 sats": prices in satoshis are prices in bitcoin — the quote the tag left unsaid
            candidate = SymbolCandidate(candidate.base, "BTC", candidate.rank, candidate.position, candidate.perpetual)
            quote_from_sats = True
        else:
            sats_problem = f"prices in satoshis but the pair {candidate.symbol} is not quoted in BTC"
    priced_in_won = bool(level_tokens) and ("원" in clean or "₩" in clean or "krw" in clean.lower()) \
        and _PRICED_IN_WON.search(clean) is not None
    if priced_in_won and candidate is not None and candidate.quote != "KRW":
        if candidate.rank < EXPLICIT:
            # ("리플(XRP) 매수 / 매수가: 3,150원 / 3,050원 분할 / … / 원화마켓 기준"): prices in won, on Upbit's or Bithumb's KRW
            # market — the quote the coin's name left unsaid; never the USDT pair, whose price is another (held below:
            # a pair we do not trade)
            candidate = SymbolCandidate(candidate.base, "KRW", candidate.rank, candidate.position, candidate.perpetual)
        else:
            sats_problem = sats_problem or f"prices in won (KRW) but the pair {candidate.symbol} is not quoted in KRW"
    fiat = None if priced_in_won else levels_fiat
    if fiat is not None and candidate is not None and candidate.quote != fiat:
        if candidate.rank < EXPLICIT:
            # ("ETH Long bei 2.950 € / Ziel 3.050 €", "DOGE AL giriş 5,80 TL"): prices in a fiat currency are a price on
            # that currency's market — never the USDT pair's, whose price is another (a pair we do not trade is held)
            candidate = SymbolCandidate(candidate.base, fiat, candidate.rank, candidate.position, candidate.perpetual)
        else:
            sats_problem = sats_problem or f"prices in {fiat} but the pair {candidate.symbol} is not quoted in {fiat}"
    if has_setup and candidate is not None and symbol_problem is None \
            and (progress or update_action(status_text) is not None or is_close(status_text)) \
            and (aside := _status_of_other_coins_aside(clean, status_text, candidate.base)) is not None:
        # (session 23, mixed23) a status told of another coin beside the card — read as news, the card as it stands
        clean, status_text = aside
        status_lines = clean.split("\n")
        body = _below_heading_line(clean, lines)
        progress = reports_progress(_FUTURE_MANAGEMENT.sub(" ", status_text))
    if candidate is not None and (lx.RECAP_HEAD_RE.search(clean) or lx.RECAP_HEAD_RE.search(body)) \
            and lx.GAIN_PCT_RE.search(clean):
        # "Monthly results: #BNB long from 560 hit all targets +12%": a report headed as one, whatever it says.
        return _not_a_signal("a results post about a past trade")
    if not has_setup and candidate is not None and (lx.RECAP_HEAD_RE.search(clean) or lx.RECAP_HEAD_RE.search(body)) \
            and update_action(status_text) not in POSITION_CHANGES:
        # ("Weekly recap ✨ / #XRP closed in profit"): a report headed as one tells how a trade ended, it closes nothing
        return _not_a_signal("a results post about a past trade")
    if not has_setup and lx.RECAP_RE.search(clean) and lx.GAIN_PCT_RE.search(clean) \
            and candidate is not None and not update_action(status_text):
        # "Recap: #XRP short closed at 0.50 for +56%": a results post, not a command.
        return _not_a_signal("a results post about a past trade")
    if not has_setup and candidate is not None and len(_field_block_coins(clean, candidates)) > 1:
        # ("Coin: OP / Result: TP3 done // Coin: ARB / Result: SL hit", "Pair: OP / Status: TP3 ✅ // Pair: ARB / Status:
        # SL ❌"): blocks of fields, one a coin — each block's status is its own coin's; a recap of several coins, and the
        # status read would be the wrong coin's
        return _not_a_signal("field blocks of several coins: a results recap")
    if not has_setup and candidate is not None and _PNL_CARD.search(status_text) and lx.GAIN_PCT_RE.search(clean) \
            and (lx.PAST_TRADE_RE.search(clean) or lx.HINDSIGHT_PAST_RE.search(clean)
                 or _CLOSED_BEFORE.search(status_text)) \
            and update_action(unsaid := _CLOSED_BEFORE.sub(" ", status_text)) not in POSITION_CHANGES \
            and not is_close(unsaid) and not lx.RUNNING_RE.search(clean):
        # ("[Photo] #WIF short PnL card from yesterday 🔥 +212% ROI / Next call drops at 18:00", "PnL card: #SOL long +85%
        # ROI (closed yesterday)"): a screenshot of a past trade's result — a results post, no status of a running trade
        return _not_a_signal("a PnL card of a past trade: a results post")
    if candidate is not None and _SHARED_PNL_CARD.search(status_text) and _SHARED_POSITION_RETURN.search(clean) \
            and not _COPY_TRADING_NOTICE.search(status_text) \
            and update_action(unsaid := _EXIT_FIELD.sub(" ", status_text)) not in POSITION_CHANGES and not is_close(unsaid):
        # (session 25, casualstatus25) ("🦅 Osprey PnL Card / #LINKUSDT Perp · Long · 10x / Entry 17.84 → Exit 19.62 / ROI
        # +99.8% / shared by @trader_mo", "Bybit PnL card / … / Exit Price 3,301.7 / ROI +88.9%"): an app's card of a
        # finished trade, shared — its exit field is how that trade ended, no close ordered (a copy-trading notice, "Lead
        # trader closed a position / Close price …", still closes the copiers' trade)
        return _not_a_signal("a shared PnL card of a finished trade: a results post")
    if not has_setup and candidate is not None and lx.GAIN_PCT_RE.search(clean) and _RESULT_ARROW.search(text.lower()) \
            and (lx.HINDSIGHT_PAST_RE.search(clean) or _ADVERT.search(status_text) or _SHOWN_RESULT.search(status_text)):
        # ("Another one from VIP yesterday 💰 / #SOL long 142.6 ➡️ 151.3 / +122% with 20x / Join VIP"): a past trade, its
        # entry to its exit and the gain, shown to sell — a results post, no call (and no status of a running trade)
        return _not_a_signal("a past trade's result shown, entry to exit: a results post")
    if has_setup and candidate is not None and symbol_problem is None and _PAST_ENTRY.search(status_text) \
            and is_close(status_text, frozenset(c.base.lower() for c in candidates)):
        # "#SOL closed at 165 (TP2) — entry was 158, SL 153": a close reported with the levels it had
        return _status(MessageKind.CLOSE, candidate, segments, close_action(status_text), notes)
    if has_setup and candidate is not None and symbol_problem is None and (
            lx.CLOSED_AFTER_COIN_HEAD_RE.search(clean) and _heading_tag(clean) in (None, candidate.base)
            or lx.CLOSED_AFTER_COIN_HEAD_RE.search(body) and _heading_tag(body) in (None, candidate.base)) \
            and update_action(status_text) not in (UpdateAction.PARTIAL_CLOSE, UpdateAction.CANCEL_ENTRY):
        # ("#ETH closed ✅ / #SOL LONG / Entry 180 …": the close heads a fresh card of another coin — it is ETH's, and
        # the card below is SOL's call; the rule reads a card headed by its own coin's close)
        return _status(MessageKind.CLOSE, candidate, segments, close_action(status_text), notes)
    if has_setup and candidate is not None and symbol_problem is None and _heading_tag(clean) in (None, candidate.base) \
            and ("cancel" in status_text or not status_text.isascii()
                 or any(w in status_text for w in ("void", "withdrawn", "storniert", "annul", "iptal", "dibatalkan"))) \
            and _cancel_stamp_under_the_card(clean, level_lines):
        # ("#ORDI/USDT SHORT / Entry 41.80 / TP … / SL 43.40 / ━━━ / ❌ CANCELLED — entry not triggered, remove the
        # order"): the card shown again with a stamp under it withdrawing it — as a heading would ("❌ #BTC LONG cancelled
        # / …"); one rung withdrawn ("❌ 2nd entry cancelled") cancels that pending entry only
        if update_action(status_text) == UpdateAction.CANCEL_ENTRY:
            return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.CANCEL_ENTRY, notes)
        return _status(MessageKind.CLOSE, candidate, segments, close_action(status_text), notes)
    if has_setup and candidate is not None and symbol_problem is None \
            and (_CANCELLED_CARD_HEAD.search(clean) and _heading_tag(clean) in (None, candidate.base)
                 or _CANCELLED_CARD_HEAD.search(body) and _heading_tag(body) in (None, candidate.base)) \
            and update_action(status_text) != UpdateAction.CANCEL_ENTRY:
        # ("❌ #BTC LONG cancelled / Entry … / SL …", "#BTC 롱 취소 / 진입 …", "#BTC LONG iptal / Giriş …"): the card
        # shown again under a heading that withdraws it — the call is cancelled, as "❌ CANCELLED / #SEI LONG …" is
        return _status(MessageKind.CLOSE, candidate, segments, close_action(status_text), notes)
    if has_setup and candidate is not None and symbol_problem is None \
            and (_CANCELLED_CARD_HEAD.search(clean) and _heading_tag(clean) in (None, candidate.base)
                 or _CANCELLED_CARD_HEAD.search(body) and _heading_tag(body) in (None, candidate.base)):
        # ("❌ #SOL 2차 진입 취소 / 1차 진입 … / 2차 진입 …", "#SOL second entry cancelled / Entry 1 …"): one rung of the
        # entries withdrawn over the card it restates — the call's pending entry is cancelled, the card is no new call
        return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.CANCEL_ENTRY, notes)
    if not has_setup and symbol_problem is None \
            and _stop_out_disowned(status_text, candidate, frozenset(c.base.lower() for c in candidates)) \
            and is_close(status_text) and close_action(status_text) == UpdateAction.SL_HIT \
            and update_action(status_text) not in POSITION_CHANGES:
        # ("Partner channel got stopped on #AAVE today. We never entered AAVE", "#SOL SL hit on that wick — we weren't in
        # SOL"): the channel says it held no position in the coin — someone else's stop-out, nothing to close
        return _not_a_signal("a stop-out beside the channel's word that it held no position in the coin")
    if candidate is not None and symbol_problem is None and not has_setup \
            and (lx.CLOSED_HEAD_RE.search(clean) or lx.CLOSED_HEAD_RE.search(body)) and not _NOT_OURS.search(status_text) \
            and not ("@" in text and _HANDLE_CLOSED.search(text)) and not _part_closed(status_text) \
            and (closed_now := _the_one_coin_closed_now(status_text, candidates, tokens)) is not None \
            and closed_now != candidate.base.lower():
        # ("Closed #SOL ✅ +12% / If ETH loses 3000 I'll close the ETH long too — for now it stays", "Closed #SOL ✅. ETH
        # long stays open"): the close heads the post and names one coin; the other coin — read first for its side word
        # — stands only in a clause that waits for a condition or goes on: the close is the first one's, and the side
        # word the other's
        closed = _status(MessageKind.CLOSE, _candidate_named(candidates, closed_now), segments, close_action(status_text),
                         notes)
        if side_of_another_coin(status_text, closed_now, *_post_coins_and_words(candidates, tokens)):
            closed = _replace(closed, side=None)
        return closed
    if candidate is not None and symbol_problem is None and (lx.CLOSED_HEAD_RE.search(clean) or lx.CLOSED_HEAD_RE.search(body)) \
            and not _NOT_OURS.search(status_text) and not has_setup and (
                _named_as_a_reason(tokens, candidate, status_lines)
                or named_only_in_talk(status_text, candidate.base.lower(),
                                      talked_of := _coins_tagged_or_known(candidates, tokens),
                                      lambda part: is_close(part, talked_of))):
        # ("Closed ✅ because #BTC dumped", "Closed ✅ (same as #ETH yesterday)"): the coin is why or a comparison — the
        # close names no coin of its own (the replied-to trade's); so too beside market talk ("Trade closed. #BTC looks
        # weak", "Closed ✅ #BTC dumping hard")
        return _status(MessageKind.CLOSE, None, segments, close_action(status_text), notes)
    if candidate is not None and symbol_problem is None and not has_setup \
            and (lx.CLOSED_HEAD_RE.search(clean) or lx.CLOSED_HEAD_RE.search(body)) \
            and kept_running(status_text, candidate.base.lower(), frozenset(c.base.lower() for c in candidates)):
        # ("Closed the position, BTC dumping, #ETH still fine", "Trade closed, #SOL still running"): the coin named is the
        # one the post keeps — the close is another trade's, closing this one would be the opposite
        return _not_a_signal(f"a close beside {candidate.base}, which the post keeps running: for an operator")
    if candidate is not None and symbol_problem is None and (lx.CLOSED_HEAD_RE.search(clean) or lx.CLOSED_HEAD_RE.search(body)) \
            and not _NOT_OURS.search(status_text) and (has_setup or not _part_closed(status_text)) \
            and not ("@" in text and _HANDLE_CLOSED.search(text)) \
            and not (has_setup and _first_line_tags(clean) - {candidate.base}) \
            and not (has_setup and _NEW_CALL.search(clean)
                     and candidate.base.lower() not in clean.lstrip().split("\n", 1)[0].lower()):
        # ("Closed #SOL fully last week, today new setup: / #ETH LONG …": the close heads another coin's new card;
        # "Stopped out on ETH yesterday. New trade: / #BTC LONG …": the coin closed named untagged, the new card's apart)
        # ("Closed half #SOL", "Закрыли 50% #SOL ✅": a part of the position closed, read below as one)
        # "Closed: #SOL LONG / Entry 176.4 / Exit 183.9 / Profit +42%": the report of a trade that ended.
        return _status(MessageKind.CLOSE, candidate, segments, close_action(status_text), notes)
    if not has_setup and candidate is not None and symbol_problem is None and _stop_word_then_coin(tokens):
        # (one coin: "#ARB +18% / #SOL -10% (stop)" is a list of results, and the stop is SOL's, not the first coin's)
        # "SL BTCUSDT", "Stop #XRPUSDT ❌": a stop word and the pair, nothing else — that trade is stopped out.
        return _status(MessageKind.CLOSE, candidate, segments, UpdateAction.SL_HIT, notes)
    if not has_setup and candidate is None and lx.EXAMPLE_RE.search(without_reader_conditions(clean)) \
            and choose_symbol(candidates, allow_bare=True)[0] is None:
        # "¿Qué es un trailing stop? Si el precio se mueve ...": a lesson's words about stops are no instruction
        return _not_a_signal("a lesson or example about trading words, not a call or status")
    if not has_setup and candidate is None and (lx.CALL_TALLY_RE.search(status_text) is not None
                                                 and len(lx.TALLY_COUNT_RE.findall(status_text)) >= 2):
        # ("41 calls, 33 target hit 🔥 join premium", "41 sinyal, 33 kena TP", "41 kèo, 33 kèo chạm TP"): counts of the
        # channel's calls and of the targets they hit — a tally, no trade's target reached
        return _not_a_signal("a tally of calls and targets hit: a results post")
    if not has_setup and candidate is None and lx.DAY_WRAP_HEAD_RE.search(clean) \
            and update_action(_STOP_WHERE_IT_STANDS.sub(" ", status_text)) not in POSITION_CHANGES \
            and not is_close(status_text):
        # ("Wrap for today: nice work on BTC 👏 SUI, FET … still open — manage your own stops"): the day's look back over
        # its calls, no order (kept: "That's a wrap fam, INJ still running, SL to entry there now" — a change given);
        # ("EOD wrap / ✅ NEAR — TP2, stop at entry, still running"): where a stop stands, told in the look back, is the
        # state of a trade already managed — no move ordered now
        return _not_a_signal("the day's wrap-up: a look back over the calls")
    if candidate is None and (lx.RECAP_HEAD_RE.search(clean) or lx.RECAP_HEAD_RE.search(body)) \
            and _HIT_COUNTS.search(clean):
        # ("🤖 BOT • DAILY REPORT / Signals: 4 | Filled: 3 | TP hits: 5 | SL hits: 0"): a report counting hits — its
        # counters under labels are no levels of a trade
        return _not_a_signal("a results post about past trades")
    if not has_setup and candidate is None and (lx.RECAP_HEAD_RE.search(clean) or lx.RECAP_HEAD_RE.search(body)):
        # "📊 Monthly report: 46 signals, 34 TP ✅ 12 SL ❌, net +212%": the channel's statistics, no trade named
        return _not_a_signal("a results post about past trades")
    if not has_setup and candidate is None and (lx.RESULTS_HEAD_RE.search(clean) or lx.RESULTS_HEAD_RE.search(body)) \
            and choose_symbol(candidates, allow_bare=True)[0] is None:
        return _not_a_signal("a results post about past trades")
    if not has_setup and _LOOK_BACK.search(status_text) \
            and (lx.GAIN_PCT_RE.search(status_text) or reports_progress(status_text) or _ALL_TARGETS.search(status_text)) \
            and update_action(status_text) not in POSITION_CHANGES and not lx.RUNNING_RE.search(status_text) \
            and not _STILL_OPEN.search(status_text):
        # ("Throwback 🔙 our #INJ call from March: entry 12.40, all 5 targets hit, +210% 🚀 who was in?", "Remember our
        # $TIA signal from August? TP4 smashed"): a call of long ago shown with how it ended — a results post, no target
        # hit of a running trade
        return _not_a_signal("a look back at a past call: a results post")
    if not has_setup and _ALL_TARGETS.search(status_text) and lx.GAIN_PCT_RE.search(status_text) \
            and (lx.PAST_TRADE_RE.search(status_text) or _PAST_DAY_CJK.search(status_text)):
        # ("Yesterday's #SOL long hit all targets 🎯 +120%", "Dünkü #AVAX sinyalimiz tüm hedefleri vurdu +95%", "昨天的 #ARB
        # 信号全部止盈 +85%"): a past call whose every target was hit, with its gain — a results post
        return _not_a_signal("a recap of a past call whose targets were all hit")
    if not has_setup and candidate is not None and not symbol_problem and _LIQUIDATED.search(status_text) \
            and _PARTLY_LIQUIDATED.search(status_text) and not _LIQUIDATION_HYPOTHESIS.search(status_text) \
            and not _OTHERS_POSITIONS.search(status_text) and not _LIQUIDATION_ALERT.search(status_text) \
            and not (_REST_CLOSED_NOW.search(status_text) and not is_conditional_close(status_text)):
        # ("#PEPE position partially liquidated (50%) … still in"): the exchange took a part of the position, the rest
        # runs — a part closed, never the whole trade (read before the words of the rest, "still holding"; "closing
        # the rest now" ends it: read below, as a close)
        return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.PARTIAL_CLOSE, notes)
    if not has_setup:
        plan_status = status_text
        if targets and stop is not None and any(s.field in _SIDE_FIELDS for s in segments):
            # "#ATOM LONG / Quxel 4.62 / TP1 4.76 (close 50%) / SL 4.52": a side, target prices and a stop price —
            # a plan whose entry is under a word we do not know; a close word on a target line is its allocation
            target_lines = {t.line for t in levels.targets}
            plan_status = "\n".join(line for n, line in enumerate(status_text.split("\n")) if n not in target_lines)
        # ("✅ Take-Profit 1 — 104,250 ✅": a target ticked off, nothing else said)
        # ("#SOL SL to 180 once TP1 hits": the target in a plan for later is no target reached)
        action = update_action(_FUTURE_MANAGEMENT.sub(" ", plan_status)) or (UpdateAction.TP_HIT if progress else None)
        if action == UpdateAction.OTHER and progress and only_the_rest_held(_FUTURE_MANAGEMENT.sub(" ", plan_status)):
            # (session 22, status52) ("LUNC TP1 0.0₄5123 ✅ hit! … holding the rest 💎"): the target reached is the news;
            # the rest held beside it changes nothing
            action = UpdateAction.TP_HIT
        if action is None and candidate is not None and "filled" in plan_status \
                and (coin_word_filled(plan_status, candidate.base)
                     or FILL_LINE_RE.search(plan_status) and not any(s.field in _SIDE_FIELDS for s in segments)):
            # ("🐋 OR-4474 │ #ARB/USDT / arb filled ✅"): the post's coin said filled in a plain word — the call's entry;
            # ("🐋 OR-4471 │ #INJ/USDT / 🟢 Filled ✔️ avg 21.77"): a notice under the coin opening its line on the fill at its
            # price, naming no side — the call's entry filled ("NEW ENTRY / #LTC SHORT / Filled @ 88.42" names the side of a
            # trade it opened: read as the card)
            action = UpdateAction.ENTRY_FILLED
        if action == UpdateAction.ADD_ENTRY and targets and stop is not None \
                and (any(s.field in _SIDE_FIELDS for s in segments) or lx.OPEN_VERB_RE.search(clean)) \
                and _adds_are_the_cards_own_rungs(clean, levels) and not _ALREADY_IN.search(clean):
            # ("#TON LONG / Entry: CMP, DCA at 5.12 / TP … / SL …"): the DCA is a rung of the card's own plan, written on
            # its entry line after the entry at the market — a fresh call, not an add to a running trade ("Entry: CMP /
            # Price dipped, DCA at 138 now" adds on a line of its own: an update)
            action = None
        coin_names = frozenset(c.base.lower() for c in candidates)
        closing = is_close(plan_status, coin_names)
        if closing and action == UpdateAction.OTHER and own_close_beside_the_call_kept(status_text):
            # ("Personally I closed mine early on #TIA — the channel call is still ON, hold yours"): the writer's own exit,
            # the channel's call held — a close would end the followers' trade
            closing = False
        if action in (*POSITION_CHANGES, UpdateAction.TP_HIT, UpdateAction.ENTRY_FILLED) and not closing \
                and (_stop_out_disowned(status_text, candidate, coin_names)
                     or _ANOTHER_CHANNELS_CALL.search(status_text) and not _OUR_OWN.search(status_text)):
            # ("another channel's #FET call just hit TP2 … We weren't in it", "#SOL TP1 hit for many — we never entered
            # SOL"): a target, fill or change of a trade the channel says it held no position in — someone else's
            return _not_a_signal("a status of a trade the channel says is not its own")
        if action in POSITION_CHANGES and (_EXCEPT.search(status_text) or _LEFT_ALONE.search(status_text)) \
                and _ALL_BUT.search(status_text):
            # ("Move SL to entry on all trades except #ETH", "Стопы в БУ везде, кроме #ETH", "Take 50% on all except #BTC"):
            # a change on every trade but the one named — making it on the named one would be the opposite
            return _not_a_signal("a change of every trade but the one named: for an operator")
        if closing and action != UpdateAction.PARTIAL_CLOSE and _EXCEPT.search(status_text) \
                and not (candidate is None and _one_side_closed(status_text) is not None
                         and not _EXCEPT.search(_OTHER_SIDE_KEPT.sub(" ", status_text))) \
                and (_ALL_BUT.search(status_text) or _the_one_coin_closed_now(status_text, candidates, tokens) is None):
            # (session 23: "Closing ETH. BTC stays open.", "Close #ETH, keep #BTC": the close names its own coin and every
            # other coin named goes on — no "all" or "the rest" closed: that coin's close, read below)
            # ("Close your shorts now / Longs stay open with their stops"): the side closed is every trade of that side,
            # the other side kept — a close of the shorts (read below), no coin left out
            # ("Close everything except #ETH", "Keep #ETH, close the rest", "Закрываем всё, кроме #ETH", "除了 #ETH 全部平仓"):
            # every trade but the one named — closing the named one would be the opposite; an operator decides
            return _not_a_signal("a close of every trade but the one named: for an operator")
        if closing and symbol_problem and symbol_problem.startswith("several different") \
                and action not in (UpdateAction.PARTIAL_CLOSE, UpdateAction.CANCEL_ENTRY) \
                and not (_OTHERS_RESULT.search(status_text) or _ADVERT.search(status_text) or _NOT_OURS.search(status_text)
                         or _ASKS.search(text)) and (listed := coins_closed_together(status_text, coin_names)):
            # "Close both #ETH and #SOL", "Cerramos #ETH y #SOL": one command closing every coin it lists — the ingest
            # closes each (a close of the first alone would leave the others open)
            closed_coins = [max((c for c in candidates if c.base.lower() == name), key=lambda c: c.rank) for name in listed]
            closed = _status(MessageKind.CLOSE, closed_coins[0], segments, close_action(status_text), notes)
            return _replace(closed, also_symbols=tuple(c.symbol for c in closed_coins[1:]))
        # (coins named in words, "По эфиру фиксируем всё": эфиру → eth)
        coin_words = {t.text.lower(): lx.COIN_NAMES[t.text.lower()].lower() for t in tokens
                      if t.kind == Kind.WORD and t.text.lower() in lx.COIN_NAMES}
        # (with the tags of coins we know the candidates set aside: "#ETH long still running … / Side note: closing #DOT
        # at 6.92 now" — the coin on the post's last line is no footer when its line closes it)
        listed_coins = coin_names | _coins_tagged_or_known(candidates, tokens) if closing else coin_names
        if closing and (symbol_problem and symbol_problem.startswith("several different")
                        or len(listed_coins | set(coin_words.values())) > 1) \
                and action != UpdateAction.PARTIAL_CLOSE \
                and (only := closed_coin_beside_conditions(status_text, listed_coins, coin_words)):
            # "#GMX kapattık ✅ — #DYDX de 0.590 altı gelirse onu da kapatırız": one coin closed now, the other only
            # if the market comes to a level — the close is the first one's ("ETH still running, BTC closed": the other
            # goes on)
            target = max((c for c in candidates if c.base.lower() == only), key=lambda c: c.rank, default=None) \
                or SymbolCandidate(only.upper(), "USDT", NAMED, 0)
            closed = _status(MessageKind.CLOSE, target, segments, close_action(status_text), notes)
            if side_of_another_coin(status_text, only, listed_coins, coin_words):
                # ("BTC long still open, SL moved to 66500. ETH closed": the long is the other coin's)
                closed = _replace(closed, side=None)
            return closed
        if action in (*POSITION_CHANGES, UpdateAction.TP_HIT) \
                and (not closing or action == UpdateAction.PARTIAL_CLOSE) and symbol_problem \
                and symbol_problem.startswith("several different") \
                and (only := closed_coin_beside_conditions(
                    status_text, coin_names, coin_words,
                    # ("#SOL TP2 hit, stop to TP1 / #ADA still waiting for entry": the coin's clause reports a target,
                    # the change follows in a clause of no coin — the same trade's)
                    says=lambda part: (found := update_action(part)) == action
                    or found in (*POSITION_CHANGES, UpdateAction.TP_HIT) and not is_close(part, coin_names)
                    or found == UpdateAction.PARTIAL_CLOSE)) \
                and _change_after_coin(status_text, only, coin_names | set(coin_words.values()), action):
            # ("#ETH TP1 ✅ booked 25%. #BTC still sitting near entry", "#ADA and #DOT still above their stops, moving
            # #NEAR stop to entry", "#SOL пока держим, а по #LINK фиксируем половину"): one coin's trade changes, the
            # others are said to go on
            named = max((c for c in candidates if c.base.lower() == only), key=lambda c: c.rank, default=None) \
                or SymbolCandidate(only.upper(), "USDT", NAMED, 0)
            return _status(MessageKind.UPDATE, named, segments, action, notes, target_index=tp_hit_index(status_text))
        if (action or closing) and symbol_problem and symbol_problem.startswith("several different") \
                and not (_OTHERS_RESULT.search(status_text) or _ADVERT.search(status_text) or _NOT_OURS.search(status_text)
                         or recap_heading(clean) or _ASKS.search(text)) \
                and (row := board_change(status_text, coin_names)) is not None:
            # ("Evening status 🌙 / #FET — fully closed at 1.384 ✅ / #ADA — TP1 hit, SL to breakeven / #DOT — hold", "Quick
            # board / #AVAX — TP2 ✅ taking another 30% off / #INJ — hold / #TIA — hold"): a board of one row per coin — the
            # one trade it ends (the rest go on), or with none ended the one trade it changes while the others are held
            coin, ended, row_action = row
            named = max((c for c in candidates if c.base.lower() == coin), key=lambda c: c.rank, default=None) \
                or SymbolCandidate(coin.upper(), "USDT", NAMED, 0)
            if ended:
                return _status(MessageKind.CLOSE, named, segments, row_action, notes)
            return _status(MessageKind.UPDATE, named, segments, row_action, notes, target_index=tp_hit_index(status_text))
        if (action or closing) and symbol_problem and symbol_problem.startswith("several different") \
                and not is_close_without_coin(status_text) \
                and not (action in (UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.PARTIAL_CLOSE) and not closing
                         and _coins_changed_together(tokens, candidates, status_text, action)):
            # (not "Move SL to entry on #ETH and #BTC", "#OP & #ARB: take 30% here": one change for every coin listed,
            # read below)
            # "Yesterday's closed trades: #AVAX ... #NEAR ... #ARB ...": a recap of several coins, not an
            # instruction for one trade (and which one it would be is a guess).
            return _not_a_signal(f"status words over {symbol_problem[len('several different '):]}: a results recap")
        # Closing part of a position or one rung of the entry ladder leaves the trade open — unless the post
        # also closes the position ("Close #SOL and cancel the remaining orders").
        if action == UpdateAction.CANCEL_ENTRY and closing and closes_position(status_text):
            action = None
        if action == UpdateAction.PARTIAL_CLOSE and closing and _last_part_closed(status_text):
            # ("#SOL TP3 hit, closed last 50% ✅", "закрыли остаток 50%"): the last part closed — the trade is over
            action = None
        if action == UpdateAction.PARTIAL_CLOSE and closing and WHOLE_POSITION_CLOSED_RE.search(status_text):
            # "Закрыто 50% по 8.0250 … ✅ Сделка полностью закрыта": the last part closed — the whole trade is over
            action = None
        if action == UpdateAction.TP_HIT and candidate is None and _EVERY_TRADE_RESULT.search(status_text):
            # ("All our trades today hit TP 🎯"): every trade's result, no one trade's status
            return _not_a_signal("a result of every trade, no one trade's status")
        if (action or closing) and _FORMAT_GUIDE_HEAD.search(status_text.lstrip().split("\n", 1)[0]):
            # ("📘 HOW TO READ ENGINE POSTS (pinned) / … follow-ups: #ref … TRIGGERED / TP / CLOSED / EXPIRED", "Legend:
            # TP ✅ = target hit, SL ❌ = stopped out"): a guide explaining the channel's format names its status words,
            # no trade's status
            return _not_a_signal("a guide to the channel's post format, no trade's status")
        if (action or closing) and lx.TRADE_REVIEW_RE.search(clean.lstrip().split("\n", 1)[0]) \
                and (closing or action not in POSITION_CHANGES or lx.PAST_TRADE_RE.search(status_text)):
            # Session 24 (traps24): ("📖 Trade breakdown: last week's #LINK short … TP2 came in 2 days, the rest closed at
            # entry"): a trade reviewed under a heading that says so — how it ended, no close of a running one
            return _not_a_signal("a review of a past trade, not a status of a running one")
        if (action or closing) and lx.ASKS_THE_ADMIN_RE.search(status_text):
            # Session 24 (traps24): ("I closed my ATOM at 4.62 lol, too stressful. admin are you still holding?"): the
            # writer asks the admin — a reader, whose close or change is their own
            return _not_a_signal("a reader's own trade told beside a question to the admin, not the channel's status")
        if action in (None, UpdateAction.OTHER) and not closing \
                and (_NOTHING_TO_DO_NOW.search(status_text) and _REMINDER_HEAD.search(status_text)
                     or _NO_POSITION_YET.search(status_text)):
            # (session 27, cards27) ("🌀 Reminder: $ONDO orders from Monday still stand — … No changes, no action needed",
            # "BTC weekly view … Still holding the 88k shelf … No position from us yet, just watching"): orders already
            # given restated with nothing to do, or the market watched with no position — no status of a trade
            return _not_a_signal("a reminder with nothing to do, or a look at the market with no position")
        if action in (UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.NEW_STOP) and not closing \
                and _NOTHING_TO_DO_NOW.search(status_text) \
                and update_action(_STOP_WHERE_IT_STANDS.sub(" ", plan_status)) not in POSITION_CHANGES:
            # Session 24 (traps24): ("still holding the ETH long from 3,180 with stop at entry, nothing to do for now"):
            # where the stop stands, told beside the word that nothing is to be done — no move ordered
            action = update_action(_STOP_WHERE_IT_STANDS.sub(" ", plan_status)) or UpdateAction.OTHER
            if action == UpdateAction.OTHER and _NO_NEW_TRADES.search(status_text):
                # (session 25, money25) ("ETH zieht mit – wir sind weiterhin long ab ~3.430, Stopp liegt auf Einstand.
                # Keine neuen Trades bis zum FOMC"): a look at the market — the running trade restated, nothing to do
                return _not_a_signal("a look at the market: the running trade restated, nothing to do")
        if action == UpdateAction.OTHER and not closing and _NOTHING_TO_DO_NOW.search(status_text) \
                and _TAKEN_AT_PRICE.search(status_text) and not _HOLD_ORDERED.search(status_text) \
                and not any(s.field == Field.STOP and s.numbers for s in segments):
            # (session 27, heldout27) ("our $BTC long from 64,800 is still open … No action needed, just keeping you in
            # the loop", "still holding our BTC long from 60,2k. Nothing to do"): the running trade told again with the
            # price it was taken at, and that nothing is to be done — information, no status to act on ("… nothing to do,
            # just hold" tells the readers to hold, and the whole card again with its stop is its status: updates)
            return _not_a_signal(_TOLD_WITH_NOTHING_TO_DO)
        if (action or closing) and recap_heading(clean):
            # "Titanium ST3 – Resumo 04/12 / Sinais hoje: 7 … alvos atingidos 5/7": a channel's summary, no trade's status
            return _not_a_signal("a results post about past trades")
        if (action or closing) and _event_counts(status_text):
            # (session 25, money25) "📘 REPORT | 24H | 12 NEW | 9 FILLED | 14 TP HITS | 3 SL HITS": events counted — a
            # report's tally, no trade's status
            return _not_a_signal("a report counting events, no trade's status")
        if (action or closing) and _period_summary_with_counts(clean):
            # Session 22 (money52): "📅 Daily bot summary 14.06 / Deals closed: 9 | Active: 4" — a period's summary
            # counting deals closed and running: no trade's status
            return _not_a_signal("a period summary counting deals, no trade's status")
        if (action or closing) and (_OTHERS_RESULT.search(status_text)
                                    or (_MEMBER_RESULT.search(status_text)
                                        # (the normalised text drops "@handles": the member's is read in the post as written)
                                        or "@" in text and _MEMBER_RESULT.search(text))
                                    and not _own_status_beside_members(text, coin_names)
                                    or "screenshot" in status_text  # (a cheap gate: most posts name none)
                                    and (shot := _MEMBER_SCREENSHOT.search(status_text)) is not None
                                    and not is_close(status_text[:shot.start()] + "\n" + status_text[shot.end():], coin_names)
                                    or _ADVERT.search(_FOOTER_RULE.split(status_text, maxsplit=1)[0])
                                    and lx.GAIN_PCT_RE.search(status_text)):
            # "Our premium members closed #ONE with +38% today. Want the next one? Join VIP 👇": a result shown to sell
            # a subscription — what other people did, not a close of the follower's trade
            return _not_a_signal("an advert showing a result, not a status of the trade")
        if action in POSITION_CHANGES and "@" in text and _HANDLE_CHANGED.search(text) \
                and not _own_status_beside_members(text, coin_names):
            # ("@mike took half of the profits now on #WIF 😎 nice one bro", "@john moved his SL to entry"): a member's own
            # trade — no change of the follower's
            return _not_a_signal("a member's own trade change, not the channel's")
        if action == UpdateAction.OTHER and not closing and LEVERAGE_CHANGE_RE.search(status_text) \
                and candidate is None and choose_symbol(candidates, allow_bare=True)[0] is None \
                and update_action(LEVERAGE_CHANGE_RE.sub(" ", status_text)) is None:
            # "US CPI tomorrow: reduce leverage and keep stops tight": advice to every reader, for no trade
            return _not_a_signal("leverage advice that names no trade")
        if (action or closing) and _NOT_OURS.search(status_text) \
                and not (action == UpdateAction.OTHER and not closing and own_close_beside_the_call_kept(status_text)):
            # "Stopped out of my personal #ETH spot bag, not a signal": the writer's own trade, said to be no call
            return _not_a_signal("a status of a trade the post says is no signal")
        if (action or closing) and candidate is None and _STANDING_RULE.search(status_text):
            # ("📌 READ BEFORE TRADING / • TP1 hit = SL to entry, always / • 1R = max 1% per call"): the channel's standing
            # rules, naming no coin — how every trade is managed, no change of the replied-to one
            return _not_a_signal("a standing rule of the channel, not a change of a trade")
        if (action or closing) and candidate is None and _SERVICE_WORK.search(status_text) \
                and not _coins_tagged_or_known(candidates, tokens) and _only_service_talk(status_text):
            # (session 26, bots26) ("🤖 System notice: bot maintenance tonight 02:00–02:30 UTC. Follow-up messages (TP hits,
            # SL moves) may arrive late", "Технические работы на сервере, уведомления о TP/SL могут задерживаться"): the
            # channel's service notice — the status words name kinds of its messages, no trade's change; an order beside
            # it ("… maintenance at 02:00 — move your stops to entry manually") stands
            return _not_a_signal("a service notice of the channel's bot, no trade's status")
        if (optional := _optional_partial_on_named_trade(clean, status_text, action, closing, candidate)) is not None:
            # (session 22, status52) "#AVAX +40% 👀 You may take some profit here if you like — we're holding for TP3",
            # "$WIF pushing, if you're nervous you could take a bit off, your call": no lesson — an update of the coin
            return optional
        if action in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.PARTIAL_CLOSE) \
                and _a_lesson(clean, status_text):
            # "Tip: set your stop below the last swing low, e.g. #SOL 140", "Rule #3: close half at TP1": a lesson
            return _not_a_signal("a lesson or standing rule, not a change of a trade")
        if action in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN) and _KEEP_THE_STOP.search(status_text):
            # ("Do NOT move SL on #ETH", "#SOL don't move SL until TP1", "wait for TP1 before moving SL"): the stop stays —
            # and a target the post reports hit stays reported ("#NEAR TP1 hit ✅ Don't move SL yet")
            if closing or tp_hit_index(status_text) is None:
                return _not_a_signal("the post says the stop stays where it is")
            action = UpdateAction.TP_HIT
        if action in POSITION_CHANGES and update_not_now(status_text, action):
            # "Don't add more #ETH here", "No movemos el stop de #SOL", "#SOL 明天平仓一半", "Should've moved SL to entry":
            # a change said not to happen now — the post may still close the trade
            if not closing:
                return _not_a_signal("a trade change said not to happen now (negated, later, regretted or someone else's)")
            action = None
        if action == UpdateAction.CANCEL_ENTRY and not closing and rung_cancel_denied(status_text):
            # ("#ETH ورود دوم کنسل نشده، منتظر بمانید", "#SOL 2. giriş iptal değil", "2-й вход не отменён"): the rung said
            # not to be cancelled — it waits on
            return _not_a_signal("an entry rung said not to be cancelled")
        if action == UpdateAction.OTHER and not closing and says_only_held(status_text) \
                and _WHOEVER_STILL_IN.search(status_text):
            # ("Whoever is still in the #NEAR long: hold, we're still in"): a word to the readers who still hold — no
            # status of the call
            return _not_a_signal("a word to whoever still holds, no status of the call")
        if action == UpdateAction.OTHER and not closing and says_only_held(status_text) \
                and closed_by_someone_else(status_text, coin_names):
            # ("Some of you closed #DOT early, we are still in", "有些人已经平仓 #AVAX，我们继续拿"): others' exits remarked on
            # beside the trade held — no status of the call
            return _not_a_signal("someone else's close beside the trade held")
        if action == UpdateAction.OTHER and not closing and says_only_held(status_text) \
                and is_conditional_close(status_text, coin_names) \
                and not (candidate is not None and waiting_close_of_another_coin(
                    status_text, candidate.base.lower(), coin_names | _coins_tagged_or_known(candidates, tokens))):
            # ("#DOGE: if the 4H closes below 0.155 we close. Still holding for now"): a close that waits, beside the trade
            # held meanwhile — nothing to do now, and no call (the holding alone is an update; "#ETH still running / #DOT:
            # if the daily closes below 6.50 we close it" holds ETH, the close that waits is another coin's)
            return _not_a_signal("a close that waits for a market event the bot cannot check")
        if action and not closing and update_waits(status_text, action):
            # "#SOL if it loses 140 we move SL to 138", "where would you put your stop? I'd say 88k": a change that
            # waits for the market, or a question — moving a follower's stop on it would be wrong
            return _not_a_signal("a trade change that waits for a market event or is asked about")
        if action == UpdateAction.ENTRY_FILLED and not closing and fill_not_asserted(status_text):
            # ("#ETH zone filled? not yet", "If #ETH entry filled, we add more", "Hope #ETH zone filled tonight", "zone
            # filled on the chart, but our order was above — no fill for us"): a fill asked about, wished, waited on or
            # not ours — nothing filled
            return _not_a_signal("an entry fill asked about, wished, on a condition or not the channel's")
        if (action or closing) and (("?" in text or "？" in text or "؟" in text) and (
                _POLL.search(status_text) or _QUESTION_HEAD.match(status_text) or _QUESTION_HEAD.match(body))
                or _poll_over_the_action(status_text)):
            return _not_a_signal("a poll asking readers what to do, not a status")
        if action == UpdateAction.OTHER and not closing and _SUBSCRIPTION_PROMO.search(status_text):
            # ("⏳ RENEWAL REMINDER … Renew via @support … Don't lose access with trades still running!"): a trade still
            # running named to sell a renewal — the promo's hook, no status of a call
            return _not_a_signal("a subscription promo, not a status")
        if action == UpdateAction.OTHER and not closing and _SHOW_OF_HANDS.search(status_text):
            return _not_a_signal("a show of hands among the readers, not a status")
        if (action or closing) and (_ASKS.search(text) or _asks_for_advice(text)):
            # "¿Movemos el SL?", "Breakeven'a taşındı mı?", "TP2 hit?": a one-sentence question is no report or command
            return _not_a_signal("a question about a trade, not a status")
        if closing and _ANOTHER_CALL_STAYS.search(status_text):
            # ("Annulliamo il segnale di ieri su #ADA, quello di oggi resta valido", "Cancel yesterday's #ADA call, today's
            # one stays valid"): one of two calls on the coin withdrawn while the other runs — closing "the" position
            # would end the one kept
            return _not_a_signal("one call withdrawn while another on the coin stays valid")
        if action == UpdateAction.CANCEL_ENTRY and closing and (
                _NEVER_FILLED.search(status_text) and not later_rung_alone_not_filled(status_text)
                or first_rung_not_filled(status_text)):
            # ("#SUI — entry never triggered, cancel the pending limit order. Setup invalidated."): the pending order is
            # the whole trade — cancelling it before it filled closes the call
            action = None
        if action == UpdateAction.CANCEL_ENTRY and closing and close_action(status_text) == UpdateAction.SL_HIT:
            # ("#ATOM stopped out, cancel the rest of the orders"): the stop-out ends the trade; the rest goes with it
            action = None
        if action == UpdateAction.CANCEL_ENTRY and not closing and _EVERY_PENDING_ORDER.search(status_text) \
                and _NOTHING_FILLED.search(status_text) and not later_rung_alone_not_filled(status_text) \
                and not _SOME_FILLED.search(status_text):
            # Session 26 (threads26): ("FET ❌ cancel all unfilled orders — entry zone never got touched … Nobody's in this
            # one"): every order of the call cancelled, none of them filled — the call ends before it started (a close: its
            # pending entries cancelled), not one rung of a running trade; the coin the post names (with none named it stays
            # the cancel of the replied-to call's orders)
            ended = candidate or _credible_bare_coin(candidates, tokens) or _lower_case_ticker_heading(tokens, status_text)
            if ended is not None and not _EVERY_TRADE.search(status_text):
                return _close_of(ended, segments, status_text, notes)
        if action in (UpdateAction.PARTIAL_CLOSE, UpdateAction.CANCEL_ENTRY) or (action and not closing):
            # A TP number stated next to another instruction ("TP2 hit, move SL to entry") is kept too.
            new_stop = stops[-1] if action == UpdateAction.NEW_STOP and len(set(stops)) == 1 else None
            if action in (UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.PARTIAL_CLOSE) \
                    and (listed := _coins_changed_together(tokens, candidates, status_text, action)):
                # ("BTC and ETH: move stops to entry 🔐", "TP1 ✅ on SOL, AVAX and LINK — take 25% and move SL to
                # breakeven on all three"): one change for every coin the post lists — each coin's trade (the ingest
                # links each by its coin, never the replied-to post alone); no one coin is the post's
                changed = _status(MessageKind.UPDATE, None, segments, action, notes,
                                  target_index=tp_hit_index(status_text))
                return _replace(changed, also_symbols=listed)
            # ("Bitcoin dumped hard, move SL to entry on all open trades", "大饼跌了，所有单子止损移到开仓价"): a change for
            # every trade, the coin named only as the market's news — no one trade's
            named = candidate or (None if _EVERY_TRADE.search(status_text)
                                  else _credible_bare_coin(candidates, tokens) or _lower_case_ticker_heading(tokens, status_text)
                                  or _lower_case_ticker_after_change(tokens, status_text, action)
                                  or (bot_coin if bot_coin is not None
                                      and {c.base for c in candidates} <= {bot_coin.base} else None))
            if named is not None and action in POSITION_CHANGES and _named_as_a_reason(tokens, named, status_lines):
                # ("SL to entry, since #BTC looks shaky", "Move SL to entry (like we did on #ETH)")
                return _not_a_signal(f"a position change that names {named.base} only as a reason or comparison")
            if named is not None and named is not candidate and named.rank == 0 and action in POSITION_CHANGES \
                    and not _heads_an_update(tokens, named.position, status_lines) \
                    and not _heads_a_target_report(tokens, named.position, status_lines, status_text) \
                    and not _acts_in_its_sentence(tokens, named, lambda sentence: update_action(sentence) is not None
                                                  or _TRADE_WORD.search(sentence) is not None
                                                  or _REACHED_A_PRICE.search(sentence) is not None, status_lines):
                # ("SAFE! SL to BE", "BTC weak. Move SL to entry"): the capitalised word stands in a sentence of its own
                named = None
            if named is not None and action in POSITION_CHANGES:
                post_coins = _coins_tagged_or_known(candidates, tokens)
                changed, named_coins = coins_where(status_text, post_coins, {}, lambda part: update_action(part) == action)
                if coin_only_after_the_change(status_text, named.base.lower(), lambda part: update_action(part) == action,
                                              post_coins | {c.base.lower() for c in candidates}):
                    # ("SL to entry, #BTC looks shaky", "Add more here, #BTC holding support"): the change comes first and
                    # names no coin; the coin after it is market talk — the change is the replied-to trade's
                    named = None
                elif len(named_coins) > 1 and changed and named.base.lower() not in changed:
                    # ("#ARB 🚀 / #OP close half", "#ARB +20% / #OP add more at 1.50"): the change stands on another
                    # coin's line
                    return _not_a_signal(f"a position change on another coin's line than {named.base}'s: for an operator")
            if named is not None and action in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.PARTIAL_CLOSE) \
                    and (rival := _ticker_beside_the_action(tokens, candidates, named)) is not None:
                # ("Move SL to entry on ETH. #BTC pumping", "#BTC hit TP1, ETH SL to entry"): a second ticker on the line of
                # the change — which trade it is for is a reading, and a wrong one moves another trade's stop (a post
                # that also talks about the market, "… BTC looking strong", is missed, never misapplied)
                return _not_a_signal(f"a position change beside two coins ({named.base}, {rival}): for an operator")
            if action == UpdateAction.OTHER and not (targets or stop) and _NOTHING_TO_DO_NOW.search(clean) is not None \
                    and _running_trade_restated(clean, ParsedMessage(kind=MessageKind.UPDATE)) is not None:
                # (session 27, money27) ("For the late joiners 👋 TON long from 5.26 is still running — no action, don't
                # chase it now"): the running trade told again with nothing to do and no level — no status of it, as in
                # the restated branch below (with its levels written out it stays the update: "STILL HOLDING the #BTC
                # long … Targets … SL … don't chase it")
                return _not_a_signal("a trade already taken, told with nothing to do: not a call")
            return _status(MessageKind.UPDATE, named, segments, action, notes, target_index=tp_hit_index(status_text),
                           new_stop=new_stop)
        if not closing and not action and is_conditional_close(status_text, coin_names):
            return _not_a_signal("a close that waits for a market event the bot cannot check")
        if closing:
            commanded = close_target(tokens)
            if candidate is not None and commanded is not None and commanded.base != candidate.base \
                    and commanded.base in KNOWN_TICKERS and tokens[commanded.position].kind == Kind.WORD:
                # ("Close ETH. #BTC looks weak."): the coin right after the close verb is the one closed, whatever the
                # post tags in its market talk
                candidate = commanded
            # ("Solana ロング、手動で全決済しました ✅": the coin named in words)
            target = candidate or commanded or choose_symbol(_sentence_coins(candidates, tokens), allow_bare=True)[0] \
                or _coin_named_in_words(tokens) or _lower_case_ticker_heading(tokens, status_text) \
                or _lower_case_ticker_before_order(tokens, status_text)
            if target is not None and _named_as_a_reason(tokens, target, status_lines):
                # ("Closed ✅ because #BTC dumped", "Закрыли ✅ из-за падения #BTC", "Closed ✅ (same as #ETH yesterday)"):
                # the coin is why, or what it is compared with — the close names no coin of its own
                target = None
            if target is not None and target is not commanded and named_only_in_talk(
                    status_text, target.base.lower(), talked_of := _coins_tagged_or_known(candidates, tokens),
                    lambda part: is_close(part, talked_of)):
                # ("Closed the position, BTC dumping", "Trade closed. #BTC looks weak", "Closed ✅ BTC dumping hard"): the
                # coin is only the market's news beside a close that names none — the close is the replied-to trade's
                target = None
            # ("SOL bounced off my entry. … I'm flat SOL now": the coin named again in the sentence that closes — it acts
            # there, whatever the sentence it was first named in says)
            if target is not None and target is not candidate and target is not commanded and target.rank == 0 \
                    and not any(_acts_in_its_sentence(tokens, mention, lambda sentence: is_close(sentence, coin_names),
                                                      status_lines) for mention in _mentions_of(tokens, target)) \
                    and not _judged_then_out(tokens, target, status_lines) \
                    and not _out_then_judged(tokens, target, status_lines, lambda sentence: is_close(sentence, coin_names)) \
                    and not (tokens[target.position].text in KNOWN_TICKERS and target.position == _first_meaningful(tokens)
                             and tokens[target.position].line == 0
                             and reports_progress(status_text.split("\n", 1)[0])) \
                    and not _bracketed_ticker_in_heading(tokens, target.position):
                # (kept: "SOL TP3 232 ✅ / closing the rest here" — a ticker we know opening the post on a line that reports
                # its target hit: the trade the post is about)
                # ("BTC dumping hard. Closed ✅", "SUPER trade! Closed ✅", "WIN! Closed +20%"): a capitalised word in a
                # sentence of its own — market talk or a cheer; the close names no coin (it is the replied-to trade's)
                target = None
            if target is not None and target is not candidate and not credible_bare(target, tokens):
                # ("CERRAMOS TODO", "CLOSE ALL POSITIONS NOW": a shouted word is no coin; "SE CIERRA TODO EN EL
                # MOMENTO …" is no close command either)
                if not is_close_without_coin(status_text):
                    return _not_a_signal("a close in capitals naming no coin we know")
                target = None
            if target is not None and target is not candidate and target.rank == 0 and is_close_without_coin(status_text) \
                    and not close_all_names(status_text, target.base.lower()) \
                    and not close_all_names(status_text, tokens[target.position].text.lower()) \
                    and not coin_heads_post(status_text, target.base.lower()) \
                    and not _close_word_heading_over_the_coins_close(tokens, lines, target, status_text, coin_names,
                                                                     status_lines):
                # "Closing every open long, BTC lost 95K": the command is for every trade; the capitalised word
                # stands in the market talk beside it ("TAO — all targets hit 🎯 trade closed": a coin heading the post
                # is what it reports on)
                target = None
            if target is None and bot_coin is not None and {c.base for c in candidates} <= {bot_coin.base} \
                    and _DEAL_CLOSED.search(status_text) and not is_conditional_close(status_text, coin_names):
                # ("Bot: ETH-grid-long | Deal #804 / Deal closed: TP reached"): the bot's deal closed, the coin its name
                # begins with (the post names no other)
                target = bot_coin
            if target is None and not is_close_without_coin(status_text) \
                    and not ((rest_closed_reply(status_text) or stop_out_reply(status_text)
                              or closed_with_result_reply(status_text))
                             and not _coins_tagged_or_known(candidates, tokens)):
                # ("closed rest +2.4%. done with this one", "Momentum died 😴 closing the rest at market"): a reply naming no
                # coin reports the rest of its trade closed (not "BTC pumping 🚀 closing the rest here": a coin is named)
                return _not_a_signal(_NO_COIN_CLOSE)
            post_coins = _coins_tagged_or_known(candidates, tokens)
            closed_coins, named_coins = coins_where(status_text, post_coins, coin_words, lambda part: is_close(part, post_coins))
            if target is not None and len(named_coins) > 1 and closed_coins and target.base.lower() not in closed_coins:
                # ("#ARB +20% / #OP closed", "#ARB: running / #OP: stopped"): coins on lines of their own, and the close
                # on another coin's line — the coin read first is not the one closed
                return _not_a_signal(f"a close beside several coins, none read as {target.base}'s: for an operator")
            if target is not None and len(closed_coins) > 1 and target.base.lower() in closed_coins:
                # ("BTC flushed and took #ARB with it — stopped out"): the coin that dragged the closed one down is the
                # cause, not a second close
                closed_coins -= dragging_coins(status_text) - {target.base.lower()}
            if target is not None and len(closed_coins) > 1 and not (commanded is not None and commanded.base == target.base):
                # ("Today's results / #SOL closed +12% / #ETH SL hit"): closes of several coins, one command each line
                # never — a recap (a command closing several, "Close both #ETH and #SOL", is read above)
                return _not_a_signal(f"closes of several coins ({', '.join(sorted(closed_coins)).upper()}): a recap")
            if target is not None and kept_running(status_text, target.base.lower(), coin_names, coin_words):
                # ("По эфиру фиксируем всё ✅, #SOL держим дальше" when the closed coin is not read): the coin read is
                # the one the post keeps — closing it would be the opposite
                return _not_a_signal(f"a close beside {target.base}, which the post keeps running: for an operator")
            return _close_of(target, segments, status_text, notes)
        if candidate is not None and not symbol_problem and _LIQUIDATED.search(status_text) \
                and (not any(t.kind in (Kind.NUM, Kind.PCT) for t in tokens)
                     # ("Trader alert: #ETH position liquidated at 3,120, $2.1M long": an amount — the market's alert)
                     or (_LIQUIDATED_AT.search(status_text) or _LIQUIDATION_REPORT.search(status_text))
                     and not _LIQUIDATION_ALERT.search(status_text)
                     and not _LIQUIDATION_HYPOTHESIS.search(status_text)) \
                and not _OTHERS_POSITIONS.search(status_text):
            # "#ACE liquidated 💀": our position is gone, as after a stop-out. (A liquidation alert about the market —
            # "$120M in $ETH shorts liquidated" — names amounts or others' positions: no close.)
            return _status(MessageKind.CLOSE, candidate, segments, UpdateAction.SL_HIT, notes)
        if candidate is not None and _LIQUIDATED.search(status_text) and not targets and stop is None:
            # ("A follower's #ORDI long was liquidated at 31 because he used 75x", "#ETH shorts partially liquidated at
            # 3,500"): a liquidation not read as ours above — its price is where a position died, no entry of a call
            return _not_a_signal("a liquidation of someone else's position, or the market's: no trade of ours")
        if candidate is not None and not symbol_problem and not targets and LOSS_RESULT_RE.search(text.lower()) \
                and not _QUESTION.search(clean) and not _OTHERS_POSITIONS.search(status_text):
            # "#ENA ❌-3.2%", "… 🚫16% 손실(2x)🚫": the trade's result is a loss — it ended at its stop
            return _status(MessageKind.CLOSE, candidate, segments, UpdateAction.SL_HIT, notes)
        if candidate is None and not candidates and (lone := _lone_level(tokens, text)) is not None \
                and not _QUESTION.search(text):
            # "止损: 0.398", "第一止盈: 0.179" as a post of its own: a level added to the call it follows (it names no
            # coin, so it applies only to the post it replies to)
            field, price = lone
            return _status(MessageKind.UPDATE, None, segments,
                           UpdateAction.NEW_STOP if field == Field.STOP else UpdateAction.OTHER, notes,
                           new_stop=price if field == Field.STOP else None)
        reported = _short_level_report(tokens, clean, text) if candidate is not None and not symbol_problem else None
        if reported == Field.STOP and _STOP_PUT_AT_A_PERCENT.search(status_text):
            # ("#ETH SL to -1%", "SL at +2% (locked profit)"): the stop put somewhere, in percent — a stop move whose
            # price is not written (the executor moves nothing on it), never a stop-out that closes the trade
            return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.NEW_STOP, notes)
        if reported == Field.STOP and not hedged(status_text):
            # "Stop-Loss bei #INJ ausgelöst", "SL #ORDI dính rồi", "#MANA 손절 처리되었습니다": a stop word and the coin in
            # a short post with no price — whatever the verb, that trade was stopped out
            return _status(MessageKind.CLOSE, candidate, segments, UpdateAction.SL_HIT, notes)
        if reported == Field.TARGETS:
            # "#WIF sudah kena semua TP", "TP2 #SOL ✔": a target word and the coin, no price — progress on the trade
            return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.TP_HIT, notes,
                           target_index=tp_hit_index(status_text))
        if candidate is not None and not symbol_problem and "stop" in status_text and _STOP_TARGET_MET.search(text.lower()):
            # Cornix's "#NEAR/USDT stop target 1 ❌ / Loss: 35.2%": the stop's "target" met (its number is no level, the
            # mark is stripped from the clean text) — the trade stopped out
            return _status(MessageKind.CLOSE, candidate, segments, UpdateAction.SL_HIT, notes)
        restated_level = _bare_level_restated(tokens) if candidate is not None and not symbol_problem \
            and not _QUESTION.search(clean) else None  # ("#BTC SL 60000?" asks)
        if restated_level is not None:
            # "#SOL SL 152", "SL #SOL now 152": the coin, one exit word and one price, nothing else — the running
            # trade's level, stated again or moved
            field, price = restated_level
            return _status(MessageKind.UPDATE, candidate, segments,
                           UpdateAction.NEW_STOP if field == Field.STOP else UpdateAction.OTHER, notes,
                           new_stop=price if field == Field.STOP else None)

    first_line = clean.lstrip().split("\n", 1)[0]
    second_line = body.lstrip().split("\n", 1)[0] if body is not clean else first_line
    if not has_setup and _ASKS_THE_OTHERS.search(clean):
        # ("anyone else get stopped on the op long or just me? my sl filled at 2.039", "¿alguien más sigue en el long de
        # SOL?"): a reader asking the other readers about a trade — chat, no call and no status of the channel's trade
        return _not_a_signal("a reader's question to the other readers, not a call or status")
    if not has_setup and "@" in text and lx.GAIN_PCT_RE.search(clean) \
            and (_MEMBER_RESULT.search(text) or _HANDLE_CLOSED.search(text) and _THEIR_TRADE.search(text)) \
            and not _own_status_beside_members(text, frozenset(c.base.lower() for c in candidates)):
        # ("📸 Member win: @lena closed her #DOT long at 9.10 for +48% (from 8.20, 10x)"): a reader's own trade shown with
        # its result — its side and prices are theirs, long closed; no call and no status of the channel's trade
        return _not_a_signal("a member's own closed trade shown with its result, not a call")
    if has_setup and _SHOWN_AGAIN.search(clean):
        # ("Last week's call: #SOL LONG Entry 150 TP 170 SL 140 — hit all targets ✅", "Proof 👇 … ✅✅"): a past call shown
        # again, or an example — no status of a running trade either
        return _not_a_signal("the post says it is an example or a past call, not a call")
    clean_lower = clean.lower()
    if candidate is not None and symbol_problem is None \
            and (has_setup or entries or SOLD_CARD_RESULT_RE.search(clean_lower)) \
            and not sold_without_result(first_line.lower(), clean_lower) \
            and (CLOSED_REPORT_HEAD_RE.search(first_line.lower()) or CLOSED_REPORT_HEAD_RE.search(second_line.lower())
                 # ("Binance Futures, #SOL/USDT / Closed due to stop loss ⛔": under a heading naming only the pair)
                 or "\n" in clean.strip() and candidate.base.lower() in first_line.lower()
                 and CLOSED_REPORT_HEAD_RE.search(clean.lstrip().split("\n", 2)[1].lower())
                 or has_setup and CLOSED_FOOTER_RE.search(clean.rstrip().rsplit("\n", 1)[-1].lower())):
        # "TRADE KAPANDI — TP HIT / Pair … / Entry … / Exit …", "STOP LOSS TETİKLENDİ! / … Giriş … Stop …": a card
        # headed by the news that the trade ended
        return _close_of(candidate, segments, status_text, notes)
    if has_setup and candidate is not None and symbol_problem is None and not targets \
            and ENTRY_ADDED_RE.search(status_text):
        # "#XVS second entry added at 8.20, new SL 7.98": an entry added to the running trade (with its new stop)
        return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.ADD_ENTRY, notes)
    if has_setup and candidate is not None and (
            _STOP_LEVEL_HIT.search(status_text)
            or (crossed := _stop_crossed(text)) is not None and crossed.group("word")):
        # "🛑 #TIA SHORT / Entry 4.15 / TP ... / SL 4.28 — hit ❌": the setup restated with its stop marked as hit
        return _status(MessageKind.CLOSE, candidate, segments, UpdateAction.SL_HIT, notes)
    # ("#ETH TP2 hit ✅ move SL to entry / #SOL LONG / Entry 180 …": the status heads a fresh card of another coin)
    # (asked only of a card that reports progress: reading every line for a target hit costs, and most cards have none)
    def status_of_another_coin() -> bool:
        return _heading_tag(clean) not in (None, candidate.base) or _progress_of_another_coin(status_text, candidate.base)

    if has_setup and candidate is not None and progress and not status_of_another_coin() and (
            lx.RESULT_CARD_RE.search(clean)
            # ('{"signal":"TP1_HIT","entry_price":0.3412,"tp1":0.3360}': a bot's progress report names no side)
            or not any(s.field in _SIDE_FIELDS for s in segments) and update_action(status_text) == UpdateAction.TP_HIT):
        # "📊 RESULT #SOL LONG / Entry 158 / TP1 165 ✅ / TP2 172 ✅ / TP3 178 ⏳": a result card of the running trade
        return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.TP_HIT, notes,
                       target_index=tp_hit_index(status_text))
    if has_setup and (candidate is not None or symbol_problem is None and not candidates) \
            and (progress or not targets and "done" in status_text
                 or stop is None and _entries_on_a_stop_move(levels, status_lines)) \
            and update_action(status_text) in (UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.NEW_STOP, UpdateAction.PARTIAL_CLOSE) \
            and (candidate is None or not status_of_another_coin()) and not _a_lesson(clean, status_text):
        # (naming no coin — "TP1 ✅ 2.28 / moving stop to entry (2.13 avg)" — the replied-to trade's)
        # "#ETH bounced from our entry zone 3150-3180, TP1 3250 already hit ... Move SL to entry": the levels are the
        # running trade's; the post manages it ("#NEAR: primera venta parcial hecha en 2.58 ✅ Subimos el SL a 2.40": a
        # part sold, ticked off, with no target written — a change of the running trade too)
        return _status(MessageKind.UPDATE, candidate, segments, update_action(status_text), notes,
                       target_index=tp_hit_index(status_text))
    if has_setup and candidate is not None and symbol_problem is None and not _NEW_CALL.search(clean) \
            and (moved_first := _stop_move_over_the_old_card(text, clean, status_text, candidate.base)) is not None:
        # Session 23 (mixed23): "#ETH SL moved to 3480 / (old card: ETH/USDT LONG Entry 3500 … SL 3400)", "Move SL to
        # 3480 / > ETH/USDT LONG …": a stop move heading the post over the card it was made on, shown as the old one —
        # the running trade's change; opening the card again would double the position
        return _status(MessageKind.UPDATE, candidate, segments, moved_first, notes)
    if has_setup and not targets and candidate is not None and symbol_problem is None and progress \
            and not _NEW_CALL.search(clean) and not status_of_another_coin() \
            and _target_hit_over_the_entry(status_text, levels):
        # ("🎯 Target 2 reached / Pair: INJ/USDT | LONG / Price: 23.15 / Profit: +92% / SL → 22.40 (TP1)"): a bot's notice
        # headed by the target its trade reached, with no target levels as a card has — its price is where the target was
        # hit, its stop the one trailed: the running trade's progress, no fresh entry
        return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.TP_HIT, notes,
                       target_index=tp_hit_index(status_text))
    if has_setup and candidate is not None and symbol_problem is None and "\n" in clean \
            and (ended := _STATUS_ENDED.search(clean)) is not None \
            and update_action(ended.group(0).lower()) != UpdateAction.PARTIAL_CLOSE and not status_of_another_coin():
        # "#AVAX LONG / Entry 24.5 / TP … / SL 23.4 / Status: Closed (SL)", "… / Estado: cerrado": the card's own status
        # field says the trade ended — a close of that coin, not a fresh call (a part closed is read elsewhere)
        return _close_of(candidate, segments, status_text, notes)
    if has_setup and not targets and candidate is not None and symbol_problem is None and len(levels.entries) == 1 \
            and update_action(status_text) == UpdateAction.PARTIAL_CLOSE \
            and not update_waits(status_text, UpdateAction.PARTIAL_CLOSE) \
            and _PARTIAL_CLOSE_PATTERN.search(status_lines[levels.entries[0].line][:levels.entries[0].start].lower()):
        # ("#AVAX short — take 50% at 37.60, rest running, SL moved to 38.40", "фиксируем 50% на 37.60, стоп переносим на
        # 38.40"): the only "entry" is where a part was closed, and no target is written — a partial close of the running
        # trade, not a card
        return _status(MessageKind.UPDATE, candidate, segments, UpdateAction.PARTIAL_CLOSE, notes)
    if has_setup and not targets and candidate is not None and symbol_problem is None and len(levels.entries) == 1 \
            and levels.stop and _SIDE_FROM_PRICE.search(status_lines[levels.entries[0].line][:levels.entries[0].start]) \
            and (moved := update_action(status_text)) in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN) \
            and not update_waits(status_text, moved) and not _NEW_CALL.search(clean) \
            and all(t.line > levels.entries[0].line or t.line == levels.entries[0].line and t.start > levels.entries[0].start
                    for t in levels.stop):
        if _SIDE_FROM_PRICE_NOT_HELD.search(status_text):
            # ("#BTC short from 68000 only if rejected; we'd move the stop to 68500 after entry", "#ETH long from 3412
            # would have been perfect, we'd move the stop to 3440 now"): the side "from" a price is a plan on a
            # condition or hindsight — no trade runs whose stop would move, and no call
            return _not_a_signal("a stop move for a trade planned on a condition or in hindsight, not running")
        # ("ETH Long von 3.412,50 👉 Stop nachziehen auf 3.440,00", "#SOL short from 182 — move the stop to 176"): the side
        # "from" a price is the running trade's entry, and no target is written — the stop after it is moved, an update
        # of the running trade, not a card
        return _status(MessageKind.UPDATE, candidate, segments, moved, notes)
    if has_setup and symbol_problem is None and not _NEW_CALL.search(clean) \
            and ((card_action := update_action(status_text)) in (UpdateAction.ENTRY_FILLED, UpdateAction.ADD_ENTRY)
                 # ("#NEAR: entry 2 (4.61) cancelled, entry 1 is filled — trade still on, SL 4.44"): the fill beside a rung
                 # cancelled — the running trade's ladder trimmed
                 or card_action == UpdateAction.CANCEL_ENTRY and candidate is not None
                 and fill_beside_rung_cancel(status_text)) \
            and (candidate is not None or card_action == UpdateAction.ENTRY_FILLED) \
            and (card_action in (UpdateAction.ENTRY_FILLED, UpdateAction.CANCEL_ENTRY) or _added_before_any_entry(clean, levels)
                 or _NEW_AVERAGE.search(clean)) \
            and (candidate is None or not status_of_another_coin()):
        # "#DOT LONG — ENTRY REACHED ✅ / Entry 7.20 / TP … / SL …", "Вход выполнен ✅ 67000 / Цели …", "Buy more #APT at
        # 8.60, TP … SL …", "#SOL LONG — add a second entry at 138 / TP …": the running trade's entry filled, or added to,
        # with its levels restated — opening it again would double the position. (An add-on written after the call's
        # own entry, "Long from 4.52, add-on 4.38", "CMP 27.35 / Add more: 26.60", is a fresh call's second rung.)
        # ("Entry zone fully filled ✅ / Average entry: 145.00 / Stop stays at 138.90": naming no coin, the filled entry is
        # the replied-to trade's)
        filled_coin = candidate
        if filled_coin is None and card_action == UpdateAction.ENTRY_FILLED \
                and (bare := _credible_bare_coin(candidates, tokens)) is not None and bare.base in KNOWN_TICKERS \
                and tokens[bare.position].kind == Kind.WORD and tokens[bare.position].text.isupper() \
                and _acts_in_its_sentence(tokens, bare, lambda sentence: update_action(sentence) == UpdateAction.ENTRY_FILLED,
                                          status_lines):
            # ("ETH second entry 3725 filled, avg 3702. SL unchanged at 3790"): a ticker we know, in capitals, in the
            # sentence of the fill names the trade filled ("BTC dumping. Second entry 3725 filled …": not BTC)
            filled_coin = bare
        return _status(MessageKind.UPDATE, filled_coin, segments, card_action, notes)
    if has_setup and candidate is None and not targets and not candidates and not _NEW_CALL.search(clean) \
            and update_action(status_text) == UpdateAction.ADD_ENTRY and _added_before_any_entry(clean, levels) \
            and not any(s.field in _SIDE_FIELDS for s in segments) and not update_waits(status_text, UpdateAction.ADD_ENTRY) \
            and not update_not_now(status_text, UpdateAction.ADD_ENTRY):
        # ("add a second entry at 180.10 on this, SL stays 176.80", a reply to the call): an entry added to the trade
        # the post answers, its stop restated — no coin and no target written, so no fresh call (an open of no coin
        # would be held); the add lands on the replied-to trade
        return _status(MessageKind.UPDATE, None, segments, UpdateAction.ADD_ENTRY, notes)
    # (one search: the pattern is among the costliest; "🔥 VIP CRYPTO SIGNAL — UPDATE 🔥": a heading ending in "update")
    restates = _restates_beyond_a_promise(clean) or _UPDATE_HEADING.search(first_line) is not None \
        or body is not clean and (_restates_beyond_a_promise(body) or _UPDATE_HEADING.search(second_line) is not None)
    if not restates and has_setup and (lx.RUNNING_RE.search(clean) is not None or lx.TICKED_GAIN_RE.search(text)) \
            and not _asks_about_the_call(clean, [*entries, *targets, *([stop] if stop is not None else [])]) \
            and not _NEW_CALL.search(clean):
        # ("Still holding our #NEAR long from 5.20, targets … stop …", "#ETH SHORT (running) / Entry …", "Держим шорт #ETC
        # от 26.15 …", "空单继续持有，成本 3450 …"): a running trade restated with its levels — its status, not a new open
        restates = True
    if restates and entries and targets and stop is not None and _REENTRY_HEAD.match(first_line.lower()) \
            and not _UPDATE_HEADING.search(first_line) \
            and all(_SAME_LEVELS.fullmatch(m.group(0).lower()) for m in lx.RESTATE_RE.finditer(clean)):
        # ("Re-enter #SOL, same levels as before / Buy 142.80 - 144.20 / TP 149 / 153.5 / SL 139.60"): a re-entry after the
        # trade ended, its levels written out — a fresh call; "the same levels" only says where they come from ("Re-enter
        # #OP at the same levels, SL unchanged" writes none: an update; "Re-entry zone updated: …" moves a running one's)
        restates = False
    if restates and entries and targets and stop is not None and _REPLACES_AN_UNFILLED_CALL.search(first_line.lower()) \
            and any(s.field in _SIDE_FIELDS for s in segments):
        # ("♻️ REVISED CALL — #52 replaces #51 (never filled) / DOT LONG / Entry … / TP … / SL …"): a whole new card in
        # place of a call that never filled — the call now; the old one's orders are withdrawn, no trade of it runs
        restates = False
    if restates and entries and (targets or stop is not None) \
            and (live := [m.span() for m in _PLAN_GOES_LIVE.finditer(clean)]) \
            and all(any(a <= m.start() and m.end() <= b for a, b in live) for m in lx.RESTATE_RE.finditer(clean)):
        # ("Daily closed 3174 — Plan from yesterday is ON: / $ETH SHORT 3180-3210 …", "Yesterday's plan triggered ✅ /
        # LONG …"): a plan of before said to be live now, its levels written out — the call it waited to make; "from
        # yesterday" only says when it was planned
        restates = False
    pending_repost = False
    if restates and entries and targets and stop is not None and candidate is not None and symbol_problem is None \
            and any(s.field in _SIDE_FIELDS for s in segments) and _STILL_PENDING.search(clean) and not progress \
            and update_action(status_text) is None and not is_close(status_text):
        # (session 26, bots26) ("🔁 REPOST for new members / Signal #1314 is still NOT triggered — entry valid ✅ / … HBAR/USDT
        # | SHORT / Entry … / TP … / SL …"): the whole card shown again while its entry still waits — no trade of it runs, so
        # it is the call, not a running trade's update; held below, as the first post may have been opened from
        restates = False
        pending_repost = True
    reposted_after_typo = None
    if restates and entries and targets and stop is not None and symbol_problem is None and candidate is not None \
            and _CORRECTION.search(clean_lower) and (typo := _mistyped_stop(clean_lower)) is not None \
            and (corrected := _corrected_stop(clean_lower)) in stops and set(stops) <= {corrected, typo} \
            and _never_tradable_as_posted(_side_from_words(segments, levels)[0], entries, typo):
        # ("✏️ Correction #0415 — bot typo in the stop / #LINK LONG / Entry 13.95 – 14.20 / TP … / SL 13.65 ← not 14.65"):
        # the whole card posted again with its stop corrected, and the stop taken back stood on the wrong side of the
        # entry — the first card was no consistent trade and was never opened from; this one is the call. Held: an
        # operator (or a reader) may have opened the call by hand, and a second open would double it. (A correction of
        # a card that was tradable as first posted — "CORRECTED / #ATOM SHORT / Entry: 4.66 - 4.70 (not 4.60)" — is the
        # running trade's update.)
        restates = False
        reposted_after_typo, stop = typo, corrected  # (the price taken back beside it is no second stop)
    entry_typo = None
    if restates and entries and targets and stop is not None and symbol_problem is None and candidate is not None \
            and reposted_after_typo is None and _CORRECTION.search(clean_lower) \
            and (typo_pair := _mistyped_entry(clean_lower)) is not None:
        right, wrong = typo_pair
        side_written = _side_from_words(segments, levels)[0]
        card = [e for e in entries if e != wrong]
        if right in card and wrong not in card and side_written is not None and (
                wrong <= stop if side_written == Side.LONG else wrong >= stop):
            # ("⚠️ CORRECTION: entry 1.21 not 1.12 — full card again: / #ONDO/USDT — LONG / Entry: 1.21 / TP … / SL: 1.168"):
            # the whole card posted again with its entry corrected, and the entry taken back stood beyond the stop — the
            # first card was no consistent trade and was never opened from; this one is the call, held as the stop's
            # correction is
            restates = False
            entry_typo, entries = wrong, card
    status_active = restates and bool(restate_cues := list(lx.RESTATE_RE.finditer(clean))) \
        and all(_ACTIVE_STATUS.match(m.group(0)) for m in restate_cues)
    if status_active and (_NEW_CALL.search(clean) or entries and targets and stop is not None
                          and any(s.field in _SIDE_FIELDS for s in segments)):
        # ("📣 NEW TRADE | Signal #3419 / … / Status: Active ✅"): a bot card headed as new shows its status — the call
        # is fresh. A whole card with no such heading ("🤖 Signal #7340 | Status: Active / Pair … / Stop …") may be
        # fresh or a running call shown again: read as the open it writes, held for an operator below
        restates = False
    if candidate is None and restates:
        # ("Bitcoin update: second buy order … got filled"): a bare ticker, or the coin named in words — a bare capitalised
        # word we know as no coin is a heading's word ("📡 VIP RELAY — DAY START / Reminder: risk 1-2% per trade")
        # ("🔁 ENTRY REFRESH — APT": the heading's word before the coin we know)
        bare = choose_symbol(candidates, allow_bare=True)[0]
        if bare is not None and bare.rank == 0 and bare.base not in KNOWN_TICKERS:
            bare = choose_symbol([c for c in candidates if c.base in KNOWN_TICKERS], allow_bare=True)[0]
        candidate = bare or _coin_named_in_words(tokens)
    if candidate is not None and restates and (_ASKS.search(text) or _ASKS_THE_OTHERS.search(clean)):
        # ("Admin, is the $DOGE trade still valid or should I wait? 🙏"): a reader's question, not the trade's status
        # ("↩️ Reply to: AVAX update / guys did anyone get filled on the AVAX long at 38.4?? should i still enter at 39.1
        # with SL 36.8?"): a reader asking the others, the levels his own — no restated trade
        return _not_a_signal("a question about a trade, not a status")
    if candidate is not None and restates and lx.EXAMPLE_RE.search(without_reader_conditions(clean)):
        # "Welcome … Updates (cancel, partial profit, stop moves) come as new posts … Example of a ladder … 3.30K instead
        # of 3.40K": a channel's how-it-works post; its words about changes and its example levels change no trade
        return _not_a_signal("a lesson or example about trading words, not a call or status")
    if candidate is not None and restates and _SHOWN_FOR_REFERENCE.search(clean) \
            and update_action(status_text) not in POSITION_CHANGES and not is_close(status_text):
        # (session 26, bots26) ("📎 Reposting #1304 for reference only / #BTCUSDT.P LONG · Entry … · SL … / This trade is
        # already running (TP1 done). Do NOT open it now"): a running call shown again for the record — no change of it,
        # and no entry
        return _not_a_signal("a running call shown again for reference: no change and no entry")
    if candidate is not None and restates and not (entries or targets or stop) and update_action(status_text) is None \
            and not speaks_of_a_trade(_NO_TRADE_NAMED.sub(" ", lx.NO_NEW_CALLS_RE.sub(
                " ", status_text.replace(candidate.base.lower(), " ")))):
        # "$SOLUSDT Update: 4H / Expecting Solana to stay bullish …", "#BTC CME gap still open. Careful with longs": an
        # update heading (or "still open") over market talk — no level, order or call of a trade named ("BTC chopping
        # between 95.9k and 97.4k since yesterday … No new calls before NY open": saying nothing new is called names none)
        return _not_a_signal(_NO_TRADE_TALK)
    if candidate is not None and restates and update_action(status_text) is None \
            and (lx.NO_TRADE_YET_RE.search(clean) or lx.FUTURE_OPEN_RE.search(clean) and lx.CONDITIONAL_ENTRY_RE.search(clean)):
        # ("📊 Market update / If BTC breaks 100,000 … we will open a long … No trade for now", "📊 تحديث السوق / إذا اخترق
        # البيتكوين … سنفتح صفقة لونج … حتى الآن لا توجد صفقة"): a plan waiting for the market under an update heading
        return _not_a_signal("a conditional plan under an update heading: no trade yet")
    if candidate is not None and restates and update_action(status_text) in (None, UpdateAction.OTHER) \
            and (not (targets or stop) or stop is None and _TAKEN_AT_PRICE.search(clean)) and not _HOLD_ORDERED.search(clean) \
            and _NOTHING_TO_DO_NOW.search(status_text) is not None \
            and _running_trade_restated(clean, ParsedMessage(kind=MessageKind.UPDATE)) is not None:
        # (session 27, heldout27: "our $BTC long from 64,800 is still open, TP1 is 66k. No action needed": said still
        # open, a target named beside the price it was taken at — the same; the whole card again with its stop, "Entry
        # was … / Targets … / SL … (unchanged) … don't chase it", is its status: an update; so is "… just hold")
        # (session 26, asia26) ("FYI sa mga bagong members: open pa rin yung ETH long natin mula 3,240 … wag na kayo
        # humabol", "our ETH long from 3,240 is still open, don't chase"): the running trade told again, with nothing to
        # do — no status of it, as the same words beside its card are no call
        return _not_a_signal(_TOLD_WITH_NOTHING_TO_DO)
    if candidate is not None and restates and symbol_problem and symbol_problem.startswith("several different") \
            and update_action(status_text) in POSITION_CHANGES:
        # ("📌 #SOL update / Nothing to do on SOL … Current price: 3412.50 / But #AVAX: move stop to 38.20"): the change
        # under another coin's update heading may be that coin's — moving the heading coin's stop would be a guess
        return _not_a_signal("a position change under an update heading that names several coins: for an operator")
    if candidate is not None and restates:
        # "Entry update #SOL / Entry 140-142 / TP ... / SL ...": the levels of a trade already open, restated or
        # moved; opening it again would double the position.
        restated = _status(MessageKind.UPDATE, candidate, segments,
                           update_action(status_text), notes, target_index=tp_hit_index(status_text))
        colour = Side.SHORT if "\U0001f534" in text and "\U0001f7e2" not in text \
            else Side.LONG if "\U0001f7e2" in text and "\U0001f534" not in text else None
        if restated.side is None and colour is not None and _side_from_levels(entries, targets, stop) == colour:
            # ("#AVAXUSDT 🔴BYBIT — entry corrected / Entry 24.870 / Targets 24.655 - 24.560"): a red (green) circle
            # where the side word would be, and the restated levels agree with it
            restated = _replace(restated, side=colour)
        return restated

    words_side, side_conflict = _side_from_words(segments, levels)
    etype = _entry_type(levels, entries, clean.split("\n"))
    # (a market order ruled out anywhere in the post — "do not buy at market", "لا دخول فوري" — orders nothing at once)
    market_ruled_out = bool(lx.NEGATED_MARKET.search(clean))
    if etype == EntryType.LIMIT and len(entries) == 1 and not market_ruled_out \
            and _market_side_heading(segments, lines, clean.split("\n")):
        # "ETHUSDT buy now / Enter 3412", "ETHUSDT 현재가 매수 / 진입 3412": the heading orders at the market; the
        # entry written under it is where the market stands
        etype = EntryType.MARKET
    if etype == EntryType.LIMIT and len(entries) == 1 and not market_ruled_out and _INSTANT_ORDER.search(clean):
        # "My opinion: Buy (Instant Execution) / Entry price: $97,420": a broker's card for an order at the market;
        # the price is where it stands now
        etype = EntryType.MARKET
    if etype == EntryType.LIMIT and len(entries) == 1 and not market_ruled_out \
            and _entry_is_the_price_now(clean, entries[0], max(level_lines, default=0)):
        # "ŞU ANKİ FİYAT: $3.184 … GİRİŞ FİYATI: $3.184": the entry written is the price the post says the market is at
        # now — an order at the market
        etype = EntryType.MARKET
    if etype == EntryType.MARKET and entries and _LIMIT_ORDER_TYPE.search(clean) and not _INSTANT_ORDER.search(clean):
        etype = EntryType.LIMIT if len(entries) == 1 else etype
    leverage = _leverage(tokens, segments, clean.split("\n"))
    market = _market(clean, candidate, leverage)
    # ("Sell entry: 90" labels an entry: a short being opened, never a spot exit)
    only_sell = words_side == Side.SHORT and not any(s.field in (Field.SHORT, Field.ENTRY) for s in segments)
    if symbol_problem and symbol_problem.startswith("several different"):
        # A list of calls for several coins is not one trade; picking one would be a guess.
        return _not_a_signal(symbol_problem)
    if candidate is None and not has_setup:
        return _not_a_signal(_NO_COIN_NO_SETUP)
    # ("Yesterday's #BTC hit all targets ✅ / 🚨 NEW SIGNAL 🚨 / #AVAX LONG …", "Вчерашний #BTC отработал все цели /
    # Новый сигнал: …"): a recap over a card headed as new — the rules about examples and recaps read the card only
    scope, scope_status, scope_progress = clean, status_text, progress
    fresh = _NEW_CARD_HEAD.search(clean) if level_lines else None
    if fresh is not None and fresh.start() > 0 and clean.count("\n", 0, fresh.start()) <= min(level_lines):
        fresh_status = _NEW_CARD_HEAD.search(status_text)
        scope = clean[fresh.start():]
        scope_status = status_text[fresh_status.start():] if fresh_status else scope.lower()
        scope_progress = reports_progress(scope_status)
    skip = clean.count("\n", 0, len(clean) - len(scope))
    head = "\n".join(clean.split("\n")[skip:min(level_lines) + 1]) if level_lines else clean
    not_a_call = lx.NOT_A_CALL_RE.search(scope) or lx.EXAMPLE_CARD_RE.search(scope)
    if not_a_call is not None and _SKIP_IF_NOT.search(scope, max(0, not_a_call.start() - 40), not_a_call.end()) \
            and lx.CONDITIONAL_ENTRY_RE.search(scope):
        # (session 24) ("Condition: BTC must hold above 100k on the daily close — if it doesn't, skip this one"): skipped
        # only if the card's condition fails — a conditional card, held below as one
        not_a_call = None
    if not_a_call is not None and _WE_FOLLOW.search(scope) \
            and not lx.NOT_A_CALL_RE.search(scope[:not_a_call.start()] + " " + scope[not_a_call.end():]):
        # ("🐋 Whale just opened a long on ETH. We follow: / #ETH LONG …", "Кит открыл лонг — заходим за ним"): the
        # other trader is the reason; the call is the channel's own
        not_a_call = None
    if not_a_call is not None and _NOT_YET.match(scope, not_a_call.end()) and _ENTER_WORD.search(not_a_call.group(0)) \
            and _conditional_entry(clean, lines) \
            and not lx.NOT_A_CALL_RE.search(scope[:not_a_call.start()] + " " + scope[not_a_call.end():]):
        # ("CONDITIONAL SETUP — do not enter yet / Valid ONLY if the 4H candle closes below 24.80 / Entry after that
        # close: 24.60 …"): not yet — until the condition the card names; a conditional open, held below as one
        not_a_call = None
    if not_a_call is not None and _UNTIL_THEN.search(scope, max(0, not_a_call.start() - 40), not_a_call.start()) \
            and _conditional_entry(clean, lines) \
            and not lx.NOT_A_CALL_RE.search(scope[:not_a_call.start()] + " " + scope[not_a_call.end():]):
        # (session 26, hard26) ("… / Activate only after BTC reclaims 68,000 on the 1H close. Until then do not place
        # it."): not placed until the card's own condition — a conditional open, held below as one
        not_a_call = None
    if not_a_call is not None or lx.SHOWN_AGAIN_HEAD_RE.search(head):
        return _not_a_signal("the post says it is an example, not a call")
    if _LESSON_101.match(scope):
        return _not_a_signal("a lesson with a worked example, not a call")
    if _MEMBER_PNL.search(scope):
        return _not_a_signal("a member's result shown, not a call")
    if not targets and stop is None and _SHARED_POSITION_MARK.search(scope) and _SHARED_POSITION_RETURN.search(scope):
        # (session 24) ("Shared from Bitget / ETHUSDT Perpetual · Short · 20x / ROI +312.45% / Entry Price 3,455.20 / Mark
        # Price 3,302.10 / Referral code: …"): an exchange app's shared position — where the market is and what it made,
        # no exit level: a flex, no call
        return _not_a_signal("an exchange app's shared position card (mark price and return), not a call")
    if not targets and stop is None and _SHARED_POSITION_RETURN.search(scope) \
            and (exit_row := _CLOSED_TRADE_EXIT.search(scope)) is not None and exit_row.start() > 0:
        # (session 25, casualstatus25) ("Osprey PnL Card / #LINKUSDT Perp · Long · 10x / Entry 17.84 → Exit 19.62 / ROI
        # +99.8%", "Entry Price 3,455 / Close Price 3,601 / PnL +12%", "Цена выхода 19,62 · ROI +99%"): a finished trade's
        # card — where it was left and what it made, no target and no stop: a result shown, no call
        return _not_a_signal("a finished trade's card (its exit price and return), not a call")
    if not targets and stop is None and _LIQUIDATION_FEED.search(scope):
        return _not_a_signal("a liquidation feed's line: someone's position closed by the exchange, no call")
    if _NOTHING_UNTIL.search(scope):
        return _not_a_signal("a plan that waits for the market: nothing to enter until then")
    if _NOT_FOLLOWED.search(scope):
        return _not_a_signal("the channel says it does not take the call it shows")
    if _disowned_on_a_line_of_the_card(clean, candidates, tokens, candidate, skip) is not None:
        return _not_a_signal("the author says the trade shown is not his own")
    if _hindsight(scope, entries, [*targets, *([stop] if stop is not None else [])]):
        return _not_a_signal("a look back at what a buy would have made, not a call")
    watch_only = lx.WATCH_ONLY_RE.search(scope)
    if watch_only is not None and _NO_EVENT_NO_TRADE.fullmatch(watch_only.group(0)) \
            and not lx.WATCH_ONLY_RE.search(scope, watch_only.end()) and lx.CONDITIONAL_ENTRY_RE.search(scope) \
            and (_CONDITION_ROW.match(scope, scope.rfind("\n", 0, watch_only.start()) + 1)
                 # (session 27, cards27: "⚠️ Activate ONLY after a daily close above 272 — no close, no trade." on a card
                 # with its targets and stop): the condition and its "no close, no trade" on one line of the card
                 or targets and stop is not None and lx.CONDITIONAL_ENTRY_RE.search(
                     scope[scope.rfind("\n", 0, watch_only.start()) + 1:watch_only.start()])):
        # (session 24) ("… / Stop ┃ 0.4215 / Rule ┃ valid ONLY after a 4H candle closes above 0.4350 — no close, no trade"):
        # the card's own condition said twice — a conditional card, held below as one (a plan in the would-mood, "I'd
        # long 645–650 … No sweep = no trade", is still no call)
        watch_only = None
    if watch_only is not None:
        # ("Setup to watch on #AVAX: long 34.50 … Not entering yet.", "Next week plan: accumulate #BTC … Will post exact
        # entries in VIP"): a setup to watch, or a plan whose entries come later — nothing to enter now
        return _not_a_signal("a setup to watch or a plan, not entered yet")
    if _would_plan(clean, len(clean) - len(scope), levels):
        # ("If we sweep 640 and reclaim it, I'd long 645–650, tp 678 / 702, sl 628", "if we get a daily close under 3200,
        # this is what I'd do: short 3180-3210 …", "if the daily closes above 92k I'll be looking for longs toward
        # 96-98k"): what the author would do on a market event — a plan, no call
        return _not_a_signal("a plan on a market event, in the would-mood: not a call")
    if _NOTHING_PLACED_YET.search(clean) and _would_plan(clean, len(clean) - len(scope), levels, _WILL_PLAN):
        # ("Weekend plan / If BTC loses 58k on the 4h close, I'll short #SOL from ~141 with a stop at 147 … No orders
        # from me yet, don't front-run."): what the author will do on a market event, nothing placed — a plan, no call
        return _not_a_signal("a plan on a market event, with nothing placed yet: not a call")
    if _asks_about_the_call(clean, [*entries, *targets, *([stop] if stop is not None else [])]):
        # ("Is BTC long at 64200 with SL 63100 … a good idea?", "Кто зайдёт в лонг #BTC от 64200?", "Có nên long #BTC ở
        # 64200 không?", "… good setup or not? Vote below 👇"): a question or poll over the levels, not a call
        return _not_a_signal("a question or poll about a setup, not a call")
    told_not_to = lx.NEGATED_CALL_RE.search(scope)
    if told_not_to and not (targets and stop is not None):
        return _not_a_signal("the post tells readers not to take the trade")
    if lx.PAST_TRADE_RE.search(scope) and (scope_progress or _ALL_TARGETS.search(scope_status)):
        # ("Heute vor einer Woche: #RNDR LONG … — alle Ziele erreicht", "上周这单：… 全部达成 ✅")
        return _not_a_signal("a recap of a past trade whose targets were hit")
    if candidate is None and choose_symbol(candidates, allow_bare=True)[0] is None and lx.EXAMPLE_RE.search(clean):
        return _not_a_signal("levels without any coin in a lesson or example, not a call")
    if not targets and stop is None and not levels.stop_pct and _conditional_entry(clean, lines) \
            and not (_LEVELS_LATER.search(clean) and not lx.CONDITIONAL_ENTRY_RE.search(_LEVELS_LATER.sub(" ", clean))):
        return _not_a_signal("an idea waiting for a market event, with no exit level: not a call yet")
    if not targets and stop is None and not levels.stop_pct and (_SIDE_ONLY_BEYOND.search(clean) or lx.NO_NEW_CALLS_RE.search(clean)):
        # ("Desk bias: long only above 97k, flat below it. No fresh calls before the US open."): a side allowed beyond a
        # level, or no call said to come yet, with no exit level — the desk's bias, not a call
        return _not_a_signal("a bias beyond a level, or no call yet, with no exit level: not a call")
    if not entries and stop is None and not levels.stop_pct and _CONDITION_FIRST.match(scope) \
            and _conditional_entry(clean, lines):
        # ("If $BTC reclaims 70k on the daily I'm longing, targets 72.5k / 75k", "Si #ETH rompe 3.520 entramos en largo,
        # objetivo 3.700"): a post that opens on the market event it waits for, with no entry price and no stop — a plan
        return _not_a_signal("a plan that opens on the market event it waits for, with no entry price and no stop")
    if not targets and stop is None and not levels.stop_pct and _QUESTION.search(clean):
        return _not_a_signal("a question about a trade, not a call")
    if not targets and stop is None and not levels.stop_pct and lx.INDICATOR_RE.search(clean):
        return _not_a_signal("indicator alert without any exit level")
    assumed: list[str] = []  # fields set by a weak rule: the open is held for review, never traded as is
    if told_not_to is None and ("?" in scope or "？" in scope) and _ASKS_TO_OPEN.search(scope):
        # ("Should we buy $OP at CMP? / 1.92 / Target … / SL …", "Shall I long #SOL here?"): the opening is asked, with
        # no level in the question — a card under a question may be the readers' poll, held
        assumed.append("side: the post asks whether to open, beside a full card")
    if _LEVELS_WERE.search(scope):
        # ("Re-entry zone for #OP missed, no re-entry. Old levels were entry 1.85, TP 2.0, SL 1.75", "Levels were buy 24.0
        # …"): the levels written as the past — a look back at a call, not an order now
        assumed.append("entries: the post writes its levels as past ('levels were'), not as an order now")
    if told_not_to:
        # ("Don't buy $OP at CMP 1.92 / Target … / SL …", "Do not long #SOL here / Entry 150 …"): a full card under "don't
        # buy" may be a warning or a wait for a better price — which one is a reading, and a wrong one opens a trade
        assumed.append("side: the post tells readers not to buy or sell, beside a full card")
    if symbol_doubt:
        assumed.append("symbol: " + symbol_doubt)
    if levels.arrow_chain:
        assumed.append("targets: read from an unlabelled run of prices after the entry (arrows or a comma)")
    if entries and levels.entry_segments and all(s.label is None for s in levels.entry_segments):
        # (the same rule as an unlabelled price line: a source hint "numbers after a coin are entries" lifts it)
        assumed.append("entry read from an unlabelled price line")
    # (only a line of the call itself — a level or another field we read, "Leverage 2.5x" — settles the comma by
    # its dot decimals: "till 31.12" in an advert footer is a date)
    # (won are written whole — "3,150원" is three thousand won: the comma groups thousands; so do the ringgit's, the
    # rupee's, the pound's and the naira's — "RM 318,000", "₹58,500": countries that write decimals with a point)
    if not comma_decimal and "," in clean and not priced_in_won and levels_fiat not in _COMMA_GROUPING_FIATS \
            and comma_is_ambiguous(_lines_of_the_call(clean, levels, segments), comma_decimal):
        written = [t for t in (*levels.entries, *levels.targets, *levels.stop) if ONE_COMMA_GROUP.fullmatch(t.text)]
        floor = price_floor(candidate.symbol if candidate else None)
        if written and not (floor is not None and min(t.value for t in written) / 1000 < floor):
            # ("Entry 67,250" on BTC: 67.25 is under the coin's floor, so thousands is the only reading)
            assumed.append(f"entry written {written[0].text!r}: {_AMBIGUOUS_COMMA}")
    if profit_loss:
        assumed.append("targets: read from 'Profit:' / 'Loss:' headings (results posts use them too)")
    if levels.qualified_targets:
        assumed.append("targets: a further target line with a qualifier we do not know was left out")
    if not entries and candidate is not None and (targets or stop is not None or words_side is not None):
        # ("Signal Type: Regular (Long) / #HBAR/USDT / 0.1875": a side and a bare price, no exit: read and held — a
        # post with no exit level is never traded)
        bare = _bare_price_lines(lines, segments, levels)
        # ("**#JUP/USDT** / 0.95-1.00 / TP ... / SL ...": with no side word, the levels must state the side)
        if bare and (words_side is not None or _side_from_levels(sorted(t.value for t in bare), targets, stop)):
            # "ENTER LONG / AVAXUSDT / 35.20 / TP ... / SL ...": an unlabelled price line before the exits.
            entries = sorted(_dedupe(t.value for t in bare))
            etype = EntryType.RANGE if len(entries) == 2 else EntryType.LIMIT
            assumed.append("entry read from an unlabelled price line")
    # (the by-position reading and the unread-level hold look only at numbers no label took: most posts have none)
    taken = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)} | {
        id(t) for s in segments if s.field in _ASSIGNED_FIELDS or s.field == Field.IGNORE and s.label is not None
        and s.label.kind == Kind.LABEL for t in s.tokens}
    untaken = any(t.kind in (Kind.NUM, Kind.PCT) and id(t) not in taken for t in tokens)
    if candidate is not None and not side_conflict and untaken:
        # "Instap: 3,410 / Doelen: 3,480 / 3,550 / Verliesgrens: 3,360": levels under words we do not know, their
        # roles read from where the prices lie against the side and the levels we did read — held for review
        # (no side word: the side the labelled levels already state — an entry and a target or stop — will do)
        found = _levels_by_position(lines, segments, levels, words_side or _side_from_levels(entries, targets, stop),
                                    entries, targets, stop)
        if found is not None:
            entries, targets, stop, inferred = found
            stops = [stop] if "stop" in inferred else stops
            if inferred.get("entries"):
                etype = EntryType.RANGE if len(entries) == 2 and inferred["entries"] == "range" else EntryType.LIMIT
            assumed.extend(f"{role}: read from a line under a word we do not know, by where its prices lie"
                           for role in inferred)
    if not targets and entries and stop is not None and words_side is not None and not side_conflict \
            and (split := _targets_after_entry(levels, words_side, stop)) is not None:
        # "ВХОД: 103.40 / 101.20 / 99.80 / 97.50 / СТОП: 106.10" (a short): price lines under the entry, beyond it on
        # the profit side in the targets' order, and no target word — the targets; or "⚫SELL / 🔵0.3380, 0.3310,
        # 0.3220 / 🛑0.3520": a side heading over one such run and no entry price — targets at the market. Held.
        entries, targets = split
        if not entries:
            etype = EntryType.MARKET
        assumed.append("targets: read from price lines after the entry, beyond it on the profit side")
    if not entries and etype != EntryType.MARKET and candidate is not None and words_side is not None \
            and not side_conflict and (targets or stop is not None or lx.OPEN_VERB_RE.search(clean)):
        # "#LINK LONG / Targets ... / Stop ..." or "open LONG on #SUIUSDT": no entry written, so at the market;
        # that is an assumption, so the parse is held for review.
        etype = EntryType.MARKET
        assumed.append("no entry written: read as a market entry")
    elif not entries and etype != EntryType.MARKET and candidate is not None and words_side is None \
            and not side_conflict and len(targets) > 1 and stop is not None \
            and (all(t > stop for t in targets) or all(t < stop for t in targets)) \
            and (targets == sorted(targets) or targets == sorted(targets, reverse=True)) \
            and not _price_beside_the_exits(tokens, levels, [*targets, stop]):
        # ("#STRK / 🎯 0.158 / 0.171 / 0.189 / 🛑 0.132"): no side word and no entry, but a run of targets all on one
        # side of the stop — the levels say the side; at the market, held for review (another price on their scale may
        # be an entry we did not read: "anything below 4.10 is good for entry", a DCA plan's rows — no market order then)
        etype = EntryType.MARKET
        assumed.append("no entry and no side written: read as a market entry, the side from the levels")
    direction_only = None  # (read at most once: _levels_later_call tokenises the post again)
    if not entries and etype != EntryType.MARKET and candidate is not None and words_side is not None \
            and not side_conflict:
        direction_only = _only_coin_and_side(tokens) or _levels_later_call(clean, comma_decimal) \
            or _called_direction(tokens, clean)
        if direction_only:
            etype = EntryType.MARKET  # "#ATOMUSDT LONG 🚀🚀": a direction alert, held below
    if not entries and etype == EntryType.MARKET and not (targets or stop is not None) and candidate is not None \
            and words_side is not None and not side_conflict \
            and (lx.OPEN_VERB_RE.search(clean) or (direction_only if direction_only is not None
                                                   else _only_coin_and_side(tokens)
                                                   or _levels_later_call(clean, comma_decimal))):
        # "Open SHORT on #LTCUSDT now": a direction and a market word, no level at all — held, never traded as is.
        assumed.append("direction only: no entry price, target or stop")
    if etype in (EntryType.LIMIT, None) and len(entries) == 1 and not market_ruled_out \
            and (_market_order_before(clean, entries[0])
                 or words_side is not None and lx.MARKET_ORDER_BEFORE_PRICE.search(clean) and not lx.LIMIT_WORDS.search(clean)
                 and _market_reference_field(clean, words_side, targets, stop) == entries[0]):
        # (session 25, bots25: "AVAXUSDT · 4H · price 31.40 / SELL at market / …": the one entry read is the machine's
        # field of the market's price, beside an order at the market — its reference)
        # "#LINK short here @ 17.86", "Входимо по ринку ~ 27,35", "SOL LONG เข้าได้เลยที่ราคาตลาด (ประมาณ 143.5)": the
        # order is at the market; the price written after it is where the market stands
        etype = EntryType.MARKET
    if not entries and etype == EntryType.MARKET and words_side is not None and not side_conflict \
            and (targets or stop is not None) and (now := _price_now_written(segments)) is not None:
        # "🚨 #SUI LONG — MARKET ENTRY / Current price: 3.612 / TP … / SL …", "ورود آنی / #1000PEPE شورت / قیمت فعلی:
        # 0.01184": an order at the market with no entry of its own — the price the post says the market is at is its
        # reference (beside a written entry, "Current price:" stays where the market is: "Current price: 1.92 / Entry: 1.88")
        entries = [now]
    if not entries and etype == EntryType.MARKET and words_side is not None and not side_conflict \
            and (now := _market_reference_field(clean, words_side, targets, stop)) is not None:
        # (session 25, bots25) "BINANCE:FETUSDT · 1H · price 1.2274 / BUY spot at market", a copy-trading notice's "Mark
        # price: 187.34": a machine's field of where the market stood when it wrote — the market order's reference
        entries = [now]
    if not entries and etype != EntryType.MARKET:
        return _not_a_signal("no entry price or market entry")
    if len(blank := [*entries, *targets, *([stop] if stop is not None else [])]) >= 2 and all(v == 0 for v in blank):
        # (session 26, hard26) ("Send us your trade in this format: / #COIN/USDT LONG|SHORT / Entry: 0.000 – 0.000 / TP1:
        # 0.000 / SL: 0.000"): a blank form whose every price is a zero placeholder — a layout to fill in, no call
        return _not_a_signal("a blank form: every price is a zero placeholder, not a call")
    if not (targets or stop is not None or words_side is not None):
        return _not_a_signal("entry price without side, targets or stop")
    if only_sell and not entries and not (targets or stop is not None) and market != MarketType.FUTURES \
            and _SELL_COMMAND.match(clean) and not _SELL_NOT_A_CLOSE.search(clean):
        # ("Sell #MEME now, momentum is gone. Take what you have 🙏"): a sell command heading the post, naming the coin
        # and no price — the held coin is sold, whatever words follow ("Sell pressure on #FET", "Don't sell #FET", "Jual
        # separuh #FET", "Sell #FET now, target +11%" do not read so)
        return _status(MessageKind.CLOSE, candidate, segments, None, notes)
    if not entries and not (targets or stop is not None) and not assumed:
        return _not_a_signal("market call without any price level")
    if only_sell and not targets and stop is None and market != MarketType.FUTURES and not (
            direction_only and _LEVELS_LATER.search(clean)) and not _SELL_A_PART.search(clean):
        # A spot "SELL @ price" alert without targets or stop exits a held coin. ("señal de VENTA en #ETH — niveles solo
        # en el VIP": a sell call whose levels come elsewhere — a direction alert, held below; "Sell #MEME 1/2", "Sell
        # #FET now, target +11%": a part, or a target — no exit of the whole coin)
        if entries and not _SELL_NOW.search(clean) and not (isinstance(text, str) and _SELL_NOW.search(text)):
            # ("SELL ETH at 3300", "VINDEM ETH la 3300", "SELL ETH ZONE 3300-3350", "SELL ETH on bounce to 3400"): a sell
            # order at a price — a limit exit, or a short, for later; the market sale now it is not
            return _not_a_signal("a sell order at a price, not an exit now")
        return _status(MessageKind.CLOSE, candidate, segments, None, notes)

    half = len(targets) // 2
    if half >= 2 and len(targets) == 2 * half and targets[:half] == targets[half:]:
        # ("🇬🇧 … targets 5.60-5.78-6.05 / 🇷🇺 … цели 5.60-5.78-6.05"): the whole ladder written twice, in order — the
        # same call restated (in a second language, or a recap line), not six targets
        targets = targets[:half]
        notes.append("the same targets written twice: read once")
    level_side = _side_from_levels(entries, targets, stop)
    side = words_side or level_side
    if etype == EntryType.MARKET and not entries:
        notes.append("market entry without a reference price")
    if levels.stop_pct and stop is None:
        notes.append("stop given only as a percentage")

    provenance = _provenance(candidate, words_side, level_side, levels, segments, tokens, leverage, market, assumed,
                             stops)
    if quote_from_sats:
        provenance = tuple((f, rule + "; quote BTC from prices in satoshis" if f == "symbol" else rule)
                           for f, rule in provenance)
    parsed = ParsedMessage(
        provenance=provenance,
        kind=MessageKind.OPEN,
        symbol=candidate.symbol if candidate else None,
        side=side,
        market=market,
        leverage=leverage,
        margin_mode=_margin_mode(clean),
        entries=tuple(entries),
        entry_type=etype,
        targets=tuple(targets),
        stop_loss=stop,
        # "Stop: 5-10%": keep the tighter bound; risking less than the post allows is the safe reading.
        stop_loss_pct=min(t.value for t in levels.stop_pct) if levels.stop_pct and stop is None else None,
        notes=tuple(notes),
    )
    problems = []
    if parsed.stop_loss_pct is not None and any(_MARGIN_PERCENT.search(status_lines[s.label.line])
                                                 for s in levels.stop_segments
                                                 if s.label is not None and s.label.line < len(status_lines)):
        # ("SL 30% ROE", "Stop loss 25% of margin", "Стоп -30% от маржи"): a share of the margin, not of the price — at
        # 10x that is a 3 % move; read as 30 % of the price, the position is liquidated first
        problems.append("held for review: the stop is a percentage of the margin (ROE), not of the price")
    elif parsed.stop_loss_pct is not None and parsed.stop_loss_pct >= 100:
        # (session 23: "SL 120%"): no price stop loses 100 % or more — a share of the margin or a typo
        problems.append(f"held for review: a stop of {parsed.stop_loss_pct}% cannot be a distance in price")
    elif parsed.stop_loss_pct is not None and parsed.leverage and parsed.stop_loss_pct * parsed.leverage >= 100 \
            and parsed.margin_mode != MarginMode.CROSS:
        # (session 23: "SL 50%" at 20x, "Stop: 30%" at 50x): a move that far liquidates the position first — the number
        # is a share of the margin, not of the price (on cross margin the whole balance backs it: "Leverage: Cross (20x)
        # … Stop Targets: 5-10%" is no such contradiction)
        problems.append(f"held for review: at {parsed.leverage}x the position is liquidated before a "
                        f"{parsed.stop_loss_pct}% stop (a share of the margin?)")
    if len(stops) > 1 and _two_bare_stop_lines(levels, status_lines):
        # (session 23: "SL 3450" on one line, "SL 3400" on another — no word says which is for whom; alternatives on one
        # line, "SL 3450 (or 3300 for swing)", "0.5 % – 577, 1 % – 574", keep the tighter as before)
        problems.append("held for review: two stop lines with different prices")
    if leverage is not None and (other := _another_leverage(tokens, segments, leverage, status_lines)) is not None:
        # (session 23: "ETH/USDT LONG 10x … Leverage 25x"): the card contradicts itself on the leverage
        problems.append(f"held for review: two leverages ({leverage}x and {other}x)")
    if leverage is not None and leverage > 1 and _spot_said_and_only_leverage(clean, candidate) \
            and not any(_LEVERAGE_OFFERED.search(status_lines[t.line]) for t in tokens
                        if t.kind == Kind.LEV and t.value == leverage and t.line < len(status_lines)):
        # (session 23: "SOL/USDT LONG (SPOT) … Leverage 20x"): spot has no leverage — which market is meant is a reading
        problems.append(f"held for review: a spot call with leverage {leverage}x")
    if symbol_problem:
        problems.append(symbol_problem)
    if sats_problem:
        problems.append(sats_problem)
    if side_conflict:
        problems.append("the post names both sides")
    if parsed.side == Side.SHORT and any(s.label is not None and re.search(r"(?i)(?<!\w)bids(?!\w)", s.label.text)
                                         for s in levels.entry_segments):
        # ("Bids 180 / 175 / Asks 170 / 165 / Out above 188"): bids are buy orders — no short opens on them; the
        # levels read as a short are some other plan
        problems.append("held for review: bids (buy orders) read as the entries of a short")
    if words_side and level_side and words_side != level_side:
        problems.append(f"side says {words_side.value} but the levels are those of a {level_side.value}")
    if words_side is None and levels.entry_segments and all(_reference_price(s) and re.search(
            lx.PRICE_NOW_PHRASE, s.label.text, re.IGNORECASE)
            for s in levels.entry_segments):
        # ("#TRX / Now: 0.2500 / TP … / SL …", "#XRP / 现价: 2.41 / …" are house styles ordering at the market; an English
        # "Current price:" under no side word is not)
        # ("#ETH forming an inverse H&S, neckline 3,600. Breakout target 4,100, invalidation below 3,350. Current price:
        # 3412.50"): no side written and no entry but where the market is — an analysis, not an order
        problems.append("held for review: no side written and the only entry is the price now")
    if (quote := (parsed.symbol or "").partition("/")[2]) in FIAT_QUOTES and quote in lx.TRADABLE_QUOTES:
        # ("#BTC/TRY / Alım: 4.610.000 ₺", "ETH/EUR — Spot buy"): a pair quoted in a fiat currency — a follower's trade
        # size and balance are set in the quote currency (100 meant as USDT is 100 lira), so a person decides
        problems.append(f"held for review: {parsed.symbol} is quoted in a fiat currency ({quote}); {_FIAT_HOLD_TAIL}")
    problems.extend(validate_open(parsed))
    problems.extend(_unread_level_problems(segments, tokens, levels, parsed))
    if persian_slash_unsure(text):
        # ("ورود: ۱۲/۱۵"): 12.15, or the two prices 12 and 15 — read as the decimal, never traded as is
        problems.append("held for review: a '/' between Persian digits may be a decimal mark or a list of two prices")
    if not problems and not assumed and untaken:
        stray = _stray_level_row(lines, segments, levels)
        if stray:
            # "Target 1 6.80 / Zielzone 6.60 / Stop 7.20": a price line under a word we do not know, among the
            # trade's levels — probably a level of the plan we did not read
            problems.append(f"held for review: the prices under '{stray}' were not read")
    if not problems and "%" in status_text:
        target_lines = {t.line for t in levels.targets}
        outside = "\n".join(line for n, line in enumerate(status_text.split("\n")) if n not in target_lines)
        if _PARTIAL_CLOSE_PATTERN.search(outside) or _PARTIAL_REPORT.search(outside):
            # "#INJ LONG closed 50% / Entry ... / TP ... / SL ...": a setup restated with a partial close reported
            # outside its target lines — a trade under way, never a fresh entry to copy
            problems.append("held for review: the post also reports a partial close")
    if not problems and not assumed and untaken and parsed.entry_type == EntryType.MARKET and not parsed.entries \
            and _lone_price_before_exits(lines, segments, levels):
        # "LONG NOW / #ZENUSDT / $11.50 / TP ... / SL ...": a price on a line of its own that nothing read, before the
        # exits — probably the entry; trading at the market instead is a guess
        problems.append("held for review: a market entry, but a price line before the exits was not read")
    written = [t.value for t in levels.entries]
    if not problems and len(written) >= 3 and written != sorted(written) and written != sorted(written, reverse=True) \
            and all(s.field in _SIDE_FIELDS for s in levels.entry_segments):
        # "BTCUSDT | LONG | 64000 | 66000 | 63000": prices after the side word that no ladder writes in that order —
        # the columns of a row (entry, target, stop) read as one list
        problems.append("held for review: the prices after the side word are in no ladder's order")
    if not problems and noted_rung is not None:
        # ("Добор: 12.90 — только на свои", "DCA: 12.90 for risky traders", "DCA: 10.20 Bybit"): the words after a rung's
        # price may make it optional or someone else's — read as the ladder's order, and held
        problems.append(f"held for review: the DCA rung '{noted_rung}' carries a note")
    if not problems and dropped_rung is not None:
        # ("Entry: 1.12 / DCA: 1.30 / SL: 1.20", "Entry: 1.12 và DCA thêm 1,16 …" unread): an add-on price written for a
        # limit entry that the entries do not hold — trading the rest is a smaller, different trade
        problems.append(f"held for review: the add-on price {dropped_rung} was not taken into the entries")
    if not problems and (row := _unread_price_row(lines, levels, taken, parsed)) is not None:
        # "1) 5.10 - 50% RSI 28 / 2) 5.25 - 50%": a row of nothing but a price that no field took, on the scale of the
        # trade's levels — a rung the reading lost; trading without it is a different trade
        problems.append(f"held for review: the price row '{row}' was not read")
    if not problems and (beyond := _unread_price_beyond_the_targets(tokens, levels, taken, parsed)) is not None:
        # ("taking profit at 3,340 and 3,420, and if it really goes, 3,550"): a price after the targets on their line,
        # further on the profit side, that no level took — a further target the reading lost
        problems.append(f"held for review: the price {beyond} after the targets was not read")
    if not problems and (head := _unread_price_beside_the_entry(lines, levels, parsed)) is not None:
        # ("Entry: 92.40 / Re-buy: 88.90 / … / Stop-loss: 84.70", "Average down: 88.90", "Re-entry 88.90"): a price under
        # a heading of its own that nothing read, between the entry and the stop — where an add-on order of the entry
        # goes; trading the one entry alone is a smaller, different trade
        problems.append(f"held for review: the price under '{head}' lies among the trade's levels and was "
                        "not read")
    if not problems and (price := _unread_bracketed_price_on_the_entry_line(lines, levels, parsed)) is not None:
        # ("Entry: 0.4050 (no DCA 0.3880)", "Вход: 5.30 (можно добор 5.52)", "Entry: 92.40 [2nd 88.90]"): a second price
        # in brackets after the entry's, on the scale of the trade, that no level took — an add-on order the reading
        # lost, or a price the post sets aside; trading the entry alone is a guess
        problems.append(f"held for review: the price {price} in brackets on the entry line was not read")
    if not problems and len(entries) > 1 and (noted := _noted_ladder_row(lines, status_lines)) is not None:
        # ("Buy zones: / Zone 1 ➜ 0.425 / … / Zone 3 ➜ 0.371 (only on a flush)"): a rung of the ladder with a note after
        # its price — the note may make it optional; placing it or not changes the average
        problems.append(f"held for review: the ladder row '{noted}' carries a note")
    if not problems and (note := _note_over_ladder_rows(segments, tokens)) is not None:
        # "3) 0.1720 Volume 2.3x / 4) 0.1800": a note after a level on its line, and price rows under it — the rows
        # of the ladder the note cut off; trading the rest would drop them
        problems.append(f"held for review: price rows under the note '{note}' were not read")
    if parsed.stop_loss is None and parsed.stop_loss_pct is None \
            and any(s.field == Field.STOP and not _NO_STOP.search(clean.split("\n")[s.label.line]) for s in segments):
        # A stop word whose price we could not read: trading without the stop the post asks for is never safe.
        problems.append("held for review: a stop is named but its price was not read")
    if not parsed.targets and parsed.stop_loss is not None \
            and not any(s.field == Field.TARGETS and (s.numbers or s.percents) for s in segments):
        # A stop and no word about taking profit: the exits may sit under a word we do not know (and were then
        # read as more entries) — "not sure", never traded as parsed.
        problems.append("held for review: no take-profit written")
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    unused = next((s for s in segments if s.field in (Field.BUY, Field.SELL, Field.TARGETS) and s.label is not None
                   and s.numbers and not any(id(t) in read for t in s.numbers) and not _qualified_label(s)), None)
    if unused is not None and parsed.entries:
        # ("Sell 1: 3.80 / Sell 2: 4.20" read as one target): prices under an order label that nothing used — a
        # level of the plan may be missing
        problems.append(f"held for review: the prices under '{unused.label.text}' were not used")
    if not parsed.targets and any(s.field == Field.TARGETS and s.percents and not s.numbers for s in segments):
        # "TP 2% 4% 6%", "Targets +5% / +10%": of the price or of the margin at the leverage? Both are in use; the
        # prices they stand for are a reading, so an operator decides.
        problems.append("held for review: take-profits given only as percentages")
    if parsed.market == MarketType.SPOT and parsed.side == Side.SHORT:
        # ("Buy back zone for spot holders" under a short): a spot market cannot be shorted; which is meant is a guess
        problems.append("held for review: a short on a spot market")
    if _PRICE_IN_BRACKETS.search(clean):
        # ("#PEPE LONG / Entry 1234 (0.00001234)": a price in units beside the real one — which the levels are in is a reading)
        problems.append("held for review: a level written twice, in brackets in another unit")
    if _MISTYPED_PRICE.search(clean):
        # ("TP 2.2.5 / 2.30": a level with two decimal points — which digit is extra is a guess)
        problems.append("held for review: a level written with two decimal points")
    if _conditional_entry(clean, lines, parsed.side):
        problems.append(_CONDITION_HOLD)
    elif parsed.entries and (_TRIGGER_LONG if parsed.side == Side.LONG else _TRIGGER_SHORT).search(clean):
        # "Long above 18.40 (breakout)", "Short below 0.3050": a stop order that waits for the price to cross — a limit at
        # that price fills at once wherever the market is (a long's limit above the market buys now, before the break)
        problems.append("held for review: the entry is a trigger (a long above or a short below the price), a stop "
                        "order the bot does not place")
    elif (waits := _waits_for_unchecked(clean, lines, candidate.base if candidate else None)) is not None:
        # Session 23 (warn23): "Long BTC when RSI < 30: entry 62000 …", "… SL 139 if funding turns negative", "… (if
        # volume confirms)", "… wait for the FOMC news first", "Only enter … on a retest", "… SL 3450 wenn BTC über 65000
        # schließt": the entry waits for something the bot cannot read; the levels are kept as written
        problems.append(f"held for review: the entry waits for a condition the bot cannot check ({waits!r})")
    if (stale := _stale_card(scope)) is not None:
        # Session 23 (warn23): "Missed it? … too late now", "Signal no longer valid: ETH LONG …", "Expired ⌛ BTC LONG …",
        # "Ya es tarde para entrar: …": the card is quoted as stale, for those who missed it — not an order now
        problems.append(f"held for review: the post says the card is stale or no longer to be taken ({stale!r})")
    if len(parsed.entries) > 1 and (optional := next((ln for ln in {t.line for t in levels.entries}
                                                       if _OPTIONAL_ENTRY.search(status_lines[ln])), None)) is not None:
        # ("Lower entry for patient ones: 178", "Optional 2nd entry: 178", "Extra entry (risky): 176"): an entry left to
        # the reader — placing it or not changes the average; an operator decides
        problems.append(f"held for review: an optional entry ({status_lines[optional].strip()!r})")
    if (outcome := _card_outcome(clean, levels, text)) is not None:
        # ("#SOL LONG / Entry 180 / … / Status: CLOSED", "… / EDIT: SL hit", "❌ STOPPED / #SOL LONG …", "… / Expired ⌛",
        # "… / Already entered, don't chase", "… / Current PnL: +35%"): the card carries what became of it — a result,
        # a withdrawal or a trade under way, not a fresh entry
        problems.append(f"held for review: a line of the card reports its outcome or progress ({outcome!r})")
    if (shown := _PAST_CALL_SHOWN.search(clean)) is not None and not _fresh_call_follows(clean, shown.end()):
        # ("🎁 Free sample from the VIP room — yesterday's call 👇 / #SUI LONG / Entry …", "Last night's VIP signal,
        # shared for free: …"): a call of another day, or the paid room's, shown to sell — it may have run already
        problems.append(f"held for review: the card is shown as a past or sample call ({shown.group(0)!r}), not a "
                        "fresh entry")
    if (elsewhere := _ANOTHER_SOURCES_CARD.search(clean)) is not None and not _fresh_call_follows(clean, elsewhere.end()):
        problems.append(f"held for review: the card is shown as another group's or channel's post ({elsewhere.group(0)!r}), "
                        "not the provider's call")
    if (asked := _CARD_ASKED_IF_GENUINE.search(clean)) is not None:
        problems.append(f"held for review: a reader asks whether the card is genuine ({asked.group(0)!r}), not the "
                        "provider's call")
    if (restated := _running_trade_restated(clean, parsed)) is not None and _NOTHING_TO_DO_NOW.search(clean) is not None \
            and not _NEW_CALL.search(clean):
        # (session 25, casualstatus25) ("we're still in SOL long from 138 btw, nothing to do rn", "Already long #ETH from
        # 3100 — nothing to do, just hold"): the running trade told, and that nothing is to be done — no order at all
        return _not_a_signal(_TOLD_WITH_NOTHING_TO_DO)
    if restated is not None and not parsed.targets and parsed.stop_loss is None and _TAKEN_AT_PRICE.search(clean) \
            and not _NEW_CALL.search(clean):
        # (session 27, heldout27) ("Daily market update ☕ / … Support 2,950, resistance 3,300. / We remain in our ETH long
        # from 3,050", nl "Wij blijven nog in onze ETH long vanaf 3 050"): the running trade told with the price it was
        # taken at, and no target or stop of a call — the entry is the old trade's, no order at all
        return _not_a_signal("a trade already taken, told with its entry and no level of a call: not a call")
    if restated is not None:
        problems.append(f"held for review: the post shows a trade already taken ({restated!r}), not a fresh entry")
    if (watched := _WATCHLIST_HEADING.search(clean)) is not None:
        # ("Watchlist 👀 / LINK LONG 14 SL 13.2 TP 16", "On my radar: #AVAX LONG …"): setups to watch, not an order to enter
        problems.append(f"held for review: a watchlist's setup ({watched.group(0).strip()!r}), not a call to enter")
    if reposted_after_typo is not None:
        problems.append(f"held for review: a corrected card posted again (the stop {reposted_after_typo} it takes back "
                        "stood on the wrong side of the entry, so the first card was never traded): the call may have "
                        "been opened by hand")
    if entry_typo is not None:
        problems.append(f"held for review: a corrected card posted again (the entry {entry_typo} it takes back stood "
                        "beyond the stop, so the first card was never traded): the call may have been opened by hand")
    if lx.PENDING_REPOST_RE.search(clean) or pending_repost:
        # ("⏳ Pending signal (not triggered yet) / #NEAR LONG / Entry …"): a call already out shown again while it waits
        problems.append("held for review: a pending call shown again, not a fresh one")
    if status_active and not _NEW_CALL.search(clean):
        problems.append("held for review: the card's status says it is active, and no heading calls it new: a fresh "
                        "call or a running one shown again")
    if lx.SETUP_OVER_RE.search(clean) or "done" in status_text and _ENTRY_TICKED.search(status_text):
        # ("Entry 158 ✅": the entry ticked off — the call is already out)
        problems.append("the post reports the setup as filled or cancelled: a call already out, not a fresh entry")
    if scope_progress:
        # ("#LDO SHORT / Entry 2.10 / TP1 2.05 ✅ ...", "Result #LINK: entry 14.2 → TP3 16.0 ✅"): a re-post or a
        # result; entering now would be late and is not what the post asks. (A tick above a "NEW SIGNAL" heading is
        # another call's result.)
        problems.append("a target is already marked as hit: the trade is under way, not a fresh entry")
    # Any field set by a weak rule: say "not sure" — held for an operator, never traded as parsed.
    problems.extend(f"held for review: {rule[len('weak: '):]}" for _, rule in provenance if rule.startswith("weak: "))
    if problems:
        return _replace(parsed, rejected="; ".join(problems))
    return parsed


# A field that reports what became of a card ("Status: CLOSED", "Durum: kapandı", "状态：已平仓", "Result: -5%",
# "PnL: -2.7%"); a fresh card's own status ("Status: New", "Status: WAITING FOR ENTRY", "สถานะ : ขาย") says nothing
# of the kind
_OUTCOME_FIELD = re.compile(
    r"^\W*(?:(?:result|outcome|pnl|p&l|unreali[sz]ed(?:\s+pnl)?|profit\s+so\s+far|current\s+pnl|resultado|результат|sonu[çc])"
    r"\s*[:：=]|(?:status|state|durum|estado|статус|状态|stato|statut|stan|trạng\s+thái|الحالة|وضعیت|स्टेटस|สถานะ)\s*[:：=-]"
    r"(?=[^\n]*?(?:closed|stopped|stop\s*(?:loss\s*)?hit|sl\s+hit|cancel+ed|expired|invalid|in\s+progress|kapand\w*|cerrad\w*|"
    r"fechad\w*|закрыт\w*|в\s+работе|en\s+curso|已平仓|已止损|持仓中|बंद|ปิดแล้ว|đã\s+đóng|ditutup|zamkni[ęe]t\w*|"
    r"chius\w*|cl[ôo]tur[ée]\w*|geschlossen|مغلقة|بسته|\u274c|[+-]\s*\d)))", re.IGNORECASE)
# A line beside the card saying it ended, was withdrawn or is under way ("Stopped out ❌", "EDIT: SL hit", "Closed +4% ✅",
# "Expired ⌛", "Too late to enter", "Already entered, don't chase", "Opened 2 hours ago", "Вход уже неактуален")
# A heading that lists setups to watch (first line): "Watchlist 👀", "On my radar", "Coins to watch this week", "Лист
# наблюдения", "На радаре", "İzleme listesi", "Lista de seguimiento", "Danh sách theo dõi", "관심 종목", "观察名单"
_WATCHLIST_HEADING = re.compile(
    r"\A\W*(?:[^\n]{0,25}?(?<!\w))?(?:watch\s*-?\s*list|on\s+(?:my|our|the)\s+radar|(?:coins?|setups?|pairs?)\s+(?:to|on)\s+watch|"
    r"keep\s+an\s+eye\s+on|лист\s+наблюдения|на\s+радаре|список\s+наблюдения|izleme\s+listesi|lista\s+de\s+(?:seguimiento|observa[çc][ãa]o)|"
    r"en\s+el\s+radar|no\s+radar|danh\s+s[áa]ch\s+theo\s+d[õo]i|관심\s*종목|观察名单|关注列表|自选)(?!\w)[^\n]*$",
    re.IGNORECASE | re.MULTILINE)
_WITHDRAWN_OR_UNDER_WAY = re.compile(
    # ("Expired ⌛", "❌ Not valid anymore", "#SOL LONG (expired)"; "Below 0.880 the setup is invalid" is its stop)
    r"(?<!\w)(?:^\W*(?:expired|invalid|not\s+valid(?:\s+anymore)?|no\s+longer\s+valid)\W*$|\((?:expired|invalid)\)|"
    # ("Don't chase if it runs above 185" is advice beside a live call)
    r"(?:expired|invalid|not\s+valid)\s+(?:now|anymore)|no\s+fill|old\s+signal|"
    r"(?:don'?t|do\s+not)\s+(?:open|enter|chase)(?!\s+(?:if|above|below|over|under|beyond|it\s+(?:if|above|below)))|"
    # ("Entry already gone"): the card's entry is taken already
    r"entry\s+(?:is\s+)?already\s+(?:gone|filled|taken|hit|triggered)|"
    r"too\s+late|missed\s+it|already\s+(?:entered|in|ran|running|\+)|in\s+progress|currently\s+[+-]\s*\d+|we\s+are\s+in\s+since|"
    r"(?:opened|posted|entered)\s+(?:\w+\s+){0,3}?\d+\s*(?:h|hrs?|hours?|min\w*|days?)\s+ago|неактуал\w*|не\s+входим|"
    r"girmeyin|ka[çc]t[ıi]|no\s+entren|ya\s+no\s+es\s+v[áa]lid\w*|sinyal\s+iptal|iptal\s+edildi|"
    r"giri[şs]\s+ger[çc]ekle[şs]ti|entrada\s+(?:ejecutada|executada|activada|ativada)|entry\s+(?:filled|done)|"
    r"exercise\s+for|homework|fake\s+signal|not\s+ours|фейк\w*|не\s+наш\s+сигнал|sahte\s+sinyal|se[ñn]al\s+falsa|"
    # (session 27, cards27: "это норм или скам?" under a forwarded card — the Cyrillic spelling of "scam")
    r"sinal\s+falso|scam\w*|скам\w*|from\s+another\s+channel|how\s+to\s+read\s+(?:our|the|a)\s+signals?|"
    r"stopped\s+out|(?:sl|stop(?:\s*loss)?)\s+(?:was\s+|got\s+)?(?:hit|triggered|taken|हिट)(?!\s+(?:only|on\s+(?:a\s+)?\w*\s*close))|"
    r"^\W*(?:closed|cerrad[oa]|fechad[oa]|закрыт[аоы]?|kapand[ıi]|geschlossen|chius[oa]|cl[ôo]tur[ée]e?|ditutup)"
    r"(?:\s+(?:at|in|en|em|на|по|@|manually|early)|\s*[+-]?\d+(?:[.,]\d+)?|\W*$)|"
    r"^\W*(?:result\w*|profit|resultado)\s*[:：=]?\s*[+-]\s*\d+(?:[.,]\d+)?(?:\s*%)?(?![\d.,%]|\s*(?:with|at|on|if|potential|possible))|[-—]\s*(?:stopped|sl\s+hit|closed|expired)\W*$|"
    r"^\W*(?:stopped|отмена|iptal|cancel+ed|stop\s+oldu|손절|sl\s+hit|โดน\s*sl|تم\s+ضرب\s+(?:ال)?ستوب|"
    r"استاپ\s+خورد)\W*$)(?!\w)|"
    # ("+45% profit in 2 hours", "Done ✅ +30%", "ROI: +120%", "Lucro de 45%", "收益 +45%": the result the trade made;
    # "Profit: +55% with 10x", "Potential profit +20%" is what it could make)
    # ("Take profit: 25% / 25% / 50%", "Target ROI: 120%", "+5% profit on each TP", "Kar: 5% hedef başına": what the
    # plan takes or aims at — a result has its sign, or is the word of a language that writes none)
    r"(?<!potential\s)(?<!expected\s)(?<!possible\s)(?<!take\s)(?<!target\s)(?:^|(?<=\W))(?:[+]\s*\d+(?:[.,]\d+)?\s*%\s*"
    r"(?:profit|gain|roi|pnl|in\s+\d)(?!\s+(?:on|per|each|at|with|if|target)(?!\w))|"
    r"(?:done|profit|roi|pnl)\s*[:=]?\s*\+\s*\d+(?:[.,]\d+)?\s*%|(?:lucro|ganancia|gewinn|прибыль)\s*(?:de\s+)?[:=]?\s*\+?\s*"
    r"\d+(?:[.,]\d+)?\s*%)(?!\s*(?:with|at|on|if|potential|possible|target|per|each|erwartet|expected|с\s+плечом|hedef))|"
    # ("#SOL LONG closed ✅", "SOL/USDT LONG — closed in profit", "We closed this one at 188", "Hit SL 😢",
    # "Закрыто вручную в плюс"): the card's trade ended
    r"(?<!\w)(?:long|short|we|trade|position|it|this\s+one)\W+(?:\w+\W+)?(?:closed|stopped\s+out)(?!\w)|"
    r"^\W*hit\s+(?:sl|stop)\W*$|закрыт[аоы]?\s+(?:вручную|в\s+плюс|в\s+минус|в\s+ноль|по\s+стопу)|"
    r"收益\s*[+]\s*\d|"
    # ("EDIT: SL hit", "Update: closed at BE": an edit of the card saying what became of it)
    r"^\W*(?:edit(?:ed)?|upd(?:ate)?)\s*:\s*(?=\w)|"
    # (Han and kana words have no word boundary)
    r"不要追|错过|作废|见送り|已平仓|已止损|假信号",
    re.IGNORECASE | re.MULTILINE)


# ("Status: ❌", "❌ SL", "СТОП ❌" over the card, "#SOL LONG ❌"): a cross on a line with no number — the card crossed out
# (a cross before a level, "❌ SL: 175", is the stop's emoji)
_CROSSED_LINE = re.compile(r"^[^\d\n]*[\u274c\u26d4\U0001f6ab][^\d\n]*$(?!\n\s*\$?\d)", re.MULTILINE)
# ("❌ No FOMO", "🚫 Not financial advice", "⛔ Don't chase", "❌ No leverage above 5x"): a cross before advice, not over
# the card ("❌ Never filled", "❌ No longer tradeable", "⛔ Annullato" cross it out)
_CROSSED_ADVICE = re.compile(r"(?<!\w)(?:no\s+fomo|fomo|not\s+(?:a\s+)?financial\s+advice|nfa|dyor|don'?t\s+(?:chase|fomo|overleverage|"
                             r"over-?leverage|use|panic|forget)|do\s+not\s+(?:chase|use|panic)|avoid|no\s+(?:leverage|panic)|"
                             r"never\s+(?:chase|risk|use|panic))(?!\w)", re.IGNORECASE)


_MARGIN_PERCENT = re.compile(r"%\s*[(\[]?\s*(?:of\s+(?:the\s+)?)?(?:roe|roi|pnl|p&l|margin|with\s+leverage|leveraged)(?!\w)|"
                             r"(?:roe|roi|pnl)\s*[:=]?\s*-?\d|от\s+маржи|de\s+(?:la\s+)?margen|da\s+margem|marj", re.IGNORECASE)
_OPTIONAL_ENTRY = re.compile(r"(?<!\w)(?:optional|extra|bonus|patient|risky|for\s+the\s+brave|if\s+you\s+(?:want|like|dare)|"
                             r"опционально|по\s+желанию|opcional|isteğe\s+bağlı|facoltativ\w*|optionnel\w*)(?!\w)", re.IGNORECASE)
# A card's status field saying the trade ended ("Status: Closed (SL)", "Estado: cerrado", "Статус: закрыт", "状态：已止损")
# (not one under way, "in progress", nor a bare ❌ or a signed number, which a running card shows too)
_STATUS_ENDED = re.compile(
    r"^\W*(?:status|state|durum|estado|статус|状态|stato|statut|trạng\s+thái|الحالة|وضعیت)\s*[:：=-]\s*[^\w\n]*"
    r"(?:closed|stopped(?:\s+out)?|stop\s*(?:loss\s*)?hit|sl\s+hit|cancel+ed|kapand\w*|cerrad[oa]|fechad[oa]|закрыт\w*|"
    r"已平仓|已止损|đã\s+đóng|ditutup|chius[oa]|cl[ôo]tur[ée]e?|geschlossen|مغلقة|بسته\s+شد)(?!\w)[^\n]*",
    re.IGNORECASE | re.MULTILINE)
_ADD_ENTRY_PATTERN = dict(UPDATE_PATTERNS)[UpdateAction.ADD_ENTRY]
# ("2nd buy: 0.155 / New average: 0.160", "Nuevo promedio 65900"): the position's average moved — an add-on was bought
_NEW_AVERAGE = re.compile(r"(?<!\w)(?:new\s+(?:average|avg)|nuevo\s+promedio|novo\s+pre[çc]o\s+m[ée]dio|"
                          r"нов(?:ая|ое)\s+средн\w+|yeni\s+ortalama)(?!\w)|新均价", re.IGNORECASE)


def _entries_on_a_stop_move(levels: _Levels, status_lines: list[str]) -> bool:
    """(session 26, bots26) Whether every entry read is the price after a stop moved to the entry on its line ("✅ Target
    1: 8.915 (+24.4%) / 🛡 Stop moved to entry 9.025", "SL перенесён в безубыток 9.025"): the breakeven's level, which the
    running trade's entry is — no card's entry."""
    return bool(levels.entries) and all(
        t.line < len(status_lines)
        and update_action(status_lines[t.line][:t.start].lower()) == UpdateAction.MOVE_SL_BREAKEVEN
        for t in levels.entries)


def _adds_are_the_cards_own_rungs(clean: str, levels: _Levels) -> bool:
    """Every add-on word of the post is a "DCA" standing on an entry line after its label ("Entry: CMP, DCA at 5.12"), or
    a rung's label heading its own line before a price ("Добор: 13.20" under "Откупаем #LINK по рынку")."""
    lines = clean.lower().split("\n")
    entry_lines = {s.label.line: s.label.start + len(s.label.text) for s in levels.entry_segments if s.label is not None}
    adds = [(n, m) for n, line in enumerate(lines) for m in _ADD_ENTRY_PATTERN.finditer(line)]
    return bool(adds) and all(n in entry_lines and m.start() >= entry_lines[n] and "dca" in m.group(0)
                              or _RUNG_LINE.match(lines[n]) for n, m in adds)


# ("#LINK в позиции. Откупаем ещё по рынку", "позиция уже открыта", "we are already in"): the trade runs — more is an add-on
_ALREADY_IN = re.compile(r"(?<!\w)(?:в\s+позиции|позици\w*(?:\s+по\s+[#$]?\w+)?\s+(?:уже\s+)?открыт\w*|ещё|еще|already\s+in|in\s+position|"
                         r"still\s+(?:in|holding)|buy(?:ing)?\s+more|add(?:ing)?\s+more|again)(?!\w)", re.IGNORECASE)
_RUNG_LINE = re.compile(rf"^\W*(?:{_RUNG_WORDS})\s*[:：]?\s*\$?\d[\d.,]*\s*$")


def _added_before_any_entry(clean: str, levels: _Levels) -> bool:
    """The words adding to the position come before every entry price ("Add more #APT here 8.60"), not after the call's
    own entry ("Long from 4.52, add-on 4.38": a fresh call's second rung)."""
    added = _ADD_ENTRY_PATTERN.search(clean.lower())
    if added is None:
        return False
    lines = clean.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    return all(starts[t.line] + t.start >= added.start() for t in levels.entries)


# ("Deal closed: TP reached", "deal #12 completed", "Stop loss hit, deal closed", "closed the deal"): a bot's deal ended
_DEAL_CLOSED = re.compile(r"(?<!\w)(?:deal\s+(?:#?\d+\s+)?(?:is\s+|was\s+|has\s+been\s+|got\s+)?(?:closed|completed|finished|"
                          r"ended|done|stopped\s+out)|(?:closed|completed|finished|ended)\s+(?:the\s+)?deal)(?!\w)")
# ("3Commas | Deal #88421907 started", "Bot … started a new deal #2218845"): a bot's deal opening is its fresh call
# ("Plan from yesterday is ON", "yesterday's plan triggered", "the setup from last night is live now"): a plan said to
# be live now
_PLAN_GOES_LIVE = re.compile(r"(?<!\w)(?:(?:yesterday'?s|last\s+night'?s|this\s+morning'?s|our|the|my)\s+)?(?:plan|setup|scenario|idea)"
                             r"(?:\s+(?:from|since)\s+(?:yesterday|last\s+(?:night|week)|this\s+morning|earlier))?\s+"
                             r"(?:is\s+|got\s+|has\s+been\s+|just\s+)?(?:now\s+)?(?:on|triggered|activated|live|confirmed|in\s+play)"
                             r"(?:\s+now)?(?!\w)", re.IGNORECASE)
_NEW_CALL = re.compile(r"(?<!\w)new\s+(?:trade|signal|call|setup|deal)(?!\w)|(?<!\w)(?:sinyal\s+baru|yeni\s+sinyal|"
                       r"nueva\s+se[ñn]al|novo\s+sinal|nuovo\s+segnale|nouveau\s+signal|neues\s+signal|новый\s+сигнал|"
                       r"t[íi]n\s+hi[ệe]u\s+m[ớo]i)(?!\w)|(?<!\w)deal\s+#?\d{1,12}\s+(?:started|opened)(?!\w)|"
                       # ("DCA Bot 'BTC-Swing' started deal #9012", "Bot opened a new deal"): a DCA bot's new deal
                       r"(?<!\w)(?:started|opened|starts|opens)\s+(?:a\s+)?(?:new\s+)?deal(?!\w)",
                       re.IGNORECASE)
_ACTIVE_STATUS = re.compile(r"\W*status\s*:\s*(?:active|open|live)", re.IGNORECASE)
# A card's first line: its coin, its side, and a word withdrawing it, nothing after ("#BTC LONG cancelled", "#ETH 做空 取消")
_CANCELLED_CARD_HEAD = re.compile(
    r"^\W*[#$]?[A-Za-z0-9]{2,15}(?:/[A-Za-z]{3,5})?(?:\.p)?\W+(?:(?:long|short|buy|sell|лонг|шорт|롱|숏|做多|做空|ロング|"
    r"ショート)\W+)?(?:(?:signal|trade|setup|сигнал|sinyal|se[ñn]al|sinal)\W+)?"
    # (the entry, or one rung of it, as what is withdrawn: "#SOL 진입 취소", "❌ #SOL 2차 진입 취소", "#SOL second entry
    # cancelled", "#SOL вход отменён")
    r"(?:(?:(?:\d\s*(?:차|st|nd|rd|th)?|second|third|2nd|3rd|dca)\s*)?(?:entry|entries|진입|вход|giri[şs]|entrada|einstieg|"
    r"entr[ée]e|ingresso|入场|エントリー)(?:\s*\d)?\W+)?(?:cancel+ed|void(?:ed)?|cancelad[oa]|отмен[её]н\w*|отмена|"
    r"скасован\w*|iptal(?:\s+edildi)?|h[ủu]y|hu[ỷy]|取消|취소(?:됨)?|storniert|annul[ée]e?|annullat[oa]|dibatalkan|batal|"
    r"anulowan\w*|anulad[oa]|إلغاء|ملغا[ةه]|ملغي|کنسل\s+شد|キャンセル|रद्द|ยกเลิก)[^\w\n]*(?:\n|$)", re.IGNORECASE)
# ("#AV-0413 | ETH/USDT SHORT": a tag with a number after a dash is a bot's deal or signal id, no coin)
_HEADING_TAG = re.compile(r"^\W*[#$]([A-Za-z0-9]{2,15})(?![A-Za-z0-9]|-\d)")
# A stamp under the card withdrawing it ("❌ CANCELLED — entry not triggered, remove the order", "⛔ VOID", "Signal
# cancelled", "ОТМЕНЕН ❌", "İPTAL EDİLDİ", "Cancelado — no se activó", "已取消"): the call is taken back as a heading
# would take it back. Not a condition on the market ("Cancelled if 4H closes below 40", "Void if not triggered in 24h",
# "İptal: 4H 40 altında kapanırsa"), not a sentence about other orders ("Cancelled orders will be reposted")
_CANCEL_STAMP = re.compile(
    r"^[^\w\n]*(?:(?:signal|trade|setup|call|order|сигнал|сделка|sinyal|se[ñn]al|sinal|(?:(?:\d\s*(?:st|nd|rd|th)?|second|third|"
    r"2nd|3rd|dca)\s*)?(?:entry|вход))\s+)?(?:(?:is|was|has\s+been|got)\s+)?"
    r"(?:cancel+ed|void(?:ed)?|withdrawn|cancelad[oa]|отмен[её]н\w*|отмена|скасован\w*|iptal(?:\s+edildi)?|[đd][ãa]\s+h[ủu]y|"
    r"storniert|annul[ée]e?|annullat[oa]|dibatalkan|anulowan\w*|anulad[oa]|ملغا[ةه]|ملغي|रद्द)"
    r"(?:[^\w\n]*$|[ \t]*[—–\-:(,.!|/][^\n]*$)|^[^\w\n]*(?:已取消|取消|キャンセル|취소됨?)[^\w\n]*$",
    re.IGNORECASE | re.MULTILINE)
_STAMP_CONDITION = re.compile(r"(?<!\w)(?:if|unless|when|once|in\s+case|should|si|wenn|falls|если|eğer|jika|n[ếe]u|caso|se\s+(?:o|a|os|as|n[ãa]o|fechar|romper|perder)|"
                              r"au\s+cas|qualora|je[śs]li|\w+(?:rsa|rse|ysa|yse))(?!\w)", re.IGNORECASE)


def _cancel_stamp_under_the_card(clean: str, level_lines: list[int]) -> bool:
    """A line below every level that stamps the card withdrawn, with no condition of its own."""
    if not level_lines:
        return False
    below = clean.split("\n")[max(level_lines) + 1:]
    return any((stamp := _CANCEL_STAMP.match(line)) is not None and not _STAMP_CONDITION.search(stamp.group(0))
               for line in below)


def _coins_tagged_or_known(candidates: list[SymbolCandidate], tokens: list[Token]) -> frozenset[str]:
    """The coins a status post names, lower-cased: every tag of a ticker we know (one the candidates set aside too, "#OP
    closed" under "#ARB +20%"), and a capitalised word only if it is a ticker we know ("#INJ ditutup di BEP")."""
    return frozenset(c.base.lower() for c in candidates if c.rank > 0 or c.base in KNOWN_TICKERS) \
        | {t.text[1:].lower() for t in tokens if t.kind == Kind.TAG and t.text[1:].upper() in KNOWN_TICKERS}


def _post_coins_and_words(candidates: list[SymbolCandidate], tokens: list[Token]) -> tuple[frozenset[str], dict[str, str]]:
    """The coins a status post names (its candidates and the tags of tickers we know), and the coins it names in words
    ("эфиру" → "eth")."""
    words = {t.text.lower(): lx.COIN_NAMES[t.text.lower()].lower() for t in tokens
             if t.kind == Kind.WORD and t.text.lower() in lx.COIN_NAMES}
    return frozenset(c.base.lower() for c in candidates) | _coins_tagged_or_known(candidates, tokens), words


def _the_one_coin_closed_now(status_text: str, candidates: list[SymbolCandidate], tokens: list[Token]) -> str | None:
    """Of a post naming two coins or more, the one closed now while every other stands in a clause that waits for a
    condition or goes on (`closed_coin_beside_conditions`); None otherwise."""
    coins, words = _post_coins_and_words(candidates, tokens)
    if len(coins | set(words.values())) < 2:
        return None
    return closed_coin_beside_conditions(status_text, coins, words)


def _candidate_named(candidates: list[SymbolCandidate], coin: str) -> SymbolCandidate:
    """The best candidate of the coin (lower-case base), or the coin on USDT."""
    return max((c for c in candidates if c.base.lower() == coin), key=lambda c: c.rank, default=None) \
        or SymbolCandidate(coin.upper(), "USDT", NAMED, 0)


def _first_line_tags(text: str) -> set[str]:
    """The coins tagged on the post's first line."""
    first = text.lstrip().split("\n", 1)[0]
    return {split_glued(t)[0].upper() for t in re.findall(r"[#$]([A-Za-z0-9]{2,15})", first)}


def _progress_of_another_coin(lowered: str, coin: str) -> bool:
    """Every line reporting a target hit tags another coin ("… / Btw #BTC from yesterday hit TP2 ✅" under a SOL card; a
    source's signal id, "AVAX #GTP-118 ▸ TP1 ✅", tags no coin)."""
    progress_lines = [line for line in lowered.split("\n") if reports_progress(line)]
    return bool(progress_lines) and all(
        (tags := {split_glued(t)[0].upper() for t in re.findall(r"[#$]([a-z0-9]{2,15})(?![a-z0-9]|-\d)", line)})
        and coin not in tags
        for line in progress_lines)


# Session 23 (mixed23): a status told of another coin beside a fresh card ("Closed BTC +45%. Now opening ETH/USDT LONG
# …", "AVAX TP2 hit — move SL to entry. / LINK/USDT LONG …", "… / Stop loss hit on SOL earlier today 😔") is news of that
# coin's trade; closing or changing the card's coin on it would end or move the wrong position, and lose the call.
# A clause (a line, or a sentence of one) reporting a close, a change or a target hit, naming a coin other than the
# card's and not the card's, is set aside — with the clauses of no coin that go on from it ("AVAX TP2 hit. / Move SL to
# entry. / LINK/USDT LONG …") — and the rest of the post is read as it stands. A status of the card's own coin ("BTC closed
# ✅ — re-entry BTC long …") or of no coin stays where it is.
_CLAUSE_GAP = re.compile(r"(?<=[.!?;])[ \t]+(?=\S)")
# ("#SH-177": a source's signal id after the tag, no coin)
_COIN_WORD = re.compile(r"(?<![\w#$/])([#$]?)([A-Za-z0-9\u0400-\u04ff\u0600-\u06ff]{2,20})(?![\w]|-\d)")
# (lower-case tickers read as a coin in a status clause: none is a word of a language the channels write in — "near",
# "link", "dot", "op", "ada", "sol", "uni", "ton" are)
_LOWER_TICKERS = frozenset({"btc", "eth", "xrp", "doge", "avax", "bnb", "ltc", "trx", "pepe", "shib", "arb", "inj", "apt",
                            "atom", "xlm", "hbar", "algo", "egld", "ftm", "rndr", "ordi", "dydx", "pendle", "floki",
                            "bonk", "wld", "ldo", "crv", "aave", "mkr", "imx", "stx", "grt", "kava", "xmr", "xtz", "pyth",
                            "axs", "1000pepe", "1000shib", "1000bonk", "1000floki"})
# ("PEPE TP1 ✅" over a 1000PEPE card: the futures' thousand-unit contract is the same coin)
_THOUSAND_UNITS = re.compile(r"^(?:1000+|1M)(?=[A-Z])")


def _clause_coins(clause: str) -> set[str]:
    """The coins a clause names (upper-case bases): a tag or cashtag, a ticker we know in capitals (glued to its quote or
    before "/USDT"), a lower-case ticker that is no word, or a coin's name ("bitcoin", "эфир")."""
    coins = set()
    # (in a clause written all in capitals every word is: only a ticker that is no word counts — "ENTRY NEAR 3500")
    capitals = not any(ch.islower() for ch in clause)
    for mark, word in _COIN_WORD.findall(clause):
        base = split_glued(word)[0].upper() if word.isascii() else word.upper()
        if mark and base.isascii() and base not in NEVER_A_BASE and not base.isdigit() \
                or word.isupper() and base in KNOWN_TICKERS and not capitals:
            coins.add(base)
        elif word.lower() in _LOWER_TICKERS:
            coins.add(word.upper())
        elif word.lower() in lx.COIN_NAMES:
            coins.add(lx.COIN_NAMES[word.lower()])
    return coins


def _clause_spans(line: str) -> list[tuple[int, int]]:
    """A line's sentences, as spans ("Closed BTC +45%. Now opening ETH/USDT …": two)."""
    spans, start = [], 0
    for gap in _CLAUSE_GAP.finditer(line):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(line)))
    return spans


def _says_a_status(lowered: str) -> bool:
    """A clause reports a close, a change or a target hit."""
    return bool(update_action(lowered) or reports_progress(lowered) or is_close(lowered))


def _status_of_other_coins_aside(clean: str, status_text: str, coin: str) -> tuple[str, str] | None:
    """The post (clean, and its status text) with the clauses of another coin's status blanked out — when there are some,
    and the card's coin is named in none of them; None otherwise (the same lengths: offsets into lines hold)."""
    clean_lines, status_lines = clean.split("\n"), status_text.split("\n")
    if len(clean_lines) != len(status_lines):
        return None
    blanked_clean, blanked_status, found, going_on = [], [], False, False
    for clean_line, status_line in zip(clean_lines, status_lines):
        clean_spans, status_spans = _clause_spans(clean_line), _clause_spans(status_line)
        if len(clean_spans) != len(status_spans):
            clean_spans, status_spans = [(0, len(clean_line))], [(0, len(status_line))]
        kept_clean, kept_status = clean_line, status_line
        for (a, b), (c, d) in zip(clean_spans, status_spans):
            part = status_line[c:d]
            if not part.strip():
                continue
            coins = {_THOUSAND_UNITS.sub("", named) for named in _clause_coins(clean_line[a:b])}
            if _THOUSAND_UNITS.sub("", coin) in coins:
                going_on = False
                continue
            if not _says_a_status(part):
                # (a clause of no status ends a run of the other coin's clauses, unless it names no coin and no level:
                # "Closed BTC +45%. / Nice one team." — the card's own lines name its coin or its levels)
                if coins or any(ch.isdigit() for ch in part):
                    going_on = False
                continue
            if coins or going_on:
                found = going_on = True
                kept_clean = kept_clean[:a] + " " * (b - a) + kept_clean[b:]
                kept_status = kept_status[:c] + " " * (d - c) + kept_status[d:]
            else:
                going_on = False
        blanked_clean.append(kept_clean)
        blanked_status.append(kept_status)
    if not found:
        return None
    return "\n".join(blanked_clean), "\n".join(blanked_status)


# (the card under a post shown as the earlier call it changes: "old card:", "original signal", "previous call", "for
# reference", a quote block; ru/es/pt/tr/id/zh)
_OLD_CARD = re.compile(
    r"(?<!\w)(?:old|original|previous|prior|earlier|initial)\s+(?:card|signal|call|setup|post|levels|trade|alert)(?!\w)|"
    r"(?<!\w)for\s+reference(?!\w)|(?:^|\n)[^\w\n]*(?:ref|reference)\s*:|"
    r"(?:исходн|стар|предыдущ|первоначальн)\w*\s+(?:сигнал|сделк|карточк)\w*|"
    r"se[ñn]al\s+(?:original|anterior)|sinal\s+(?:original|anterior)|(?:orijinal|[öo]nceki|eski)\s+sinyal|"
    r"sinyal\s+(?:awal|sebelumnya|lama)|原(?:始)?信号|之前的信号", re.IGNORECASE)
_QUOTED_LINE = re.compile(r"\n[ \t]*>[ \t]*\S")


def _stop_move_over_the_old_card(text: str, clean: str, status_text: str, coin: str) -> UpdateAction | None:
    """The stop move (to a price or to the entry) ordered on the post's first line, naming the card's coin or none, with the
    card below shown as the earlier call (`_OLD_CARD`, or quoted: lines of the post as written opening on ">"); None
    otherwise."""
    if not (_OLD_CARD.search(clean) or _QUOTED_LINE.search(text)):
        return None
    first = status_text.lstrip().split("\n", 1)[0]
    action = update_action(first)
    if action not in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN) or update_waits(first, action) \
            or update_not_now(first, action) or _FUTURE_MANAGEMENT.search(first):
        return None
    coins = _clause_coins(clean.lstrip().split("\n", 1)[0])
    if coins and coin not in coins:
        return None
    return action


def _heading_tag(text: str) -> str | None:
    """The coin of the tag a post opens with ("#ETH closed ✅" → "ETH"; "#ETHUSDT" → "ETH")."""
    match = _HEADING_TAG.match(text)
    if match is None:
        return None
    base, _quote = split_glued(match.group(1))
    return base.upper()


# A call shown again after it was taken: "We're in #LINK long now, entry was 14.62, targets …", "We are already long #ETH
# from 3100", "Our AVAX long from 14.62 is doing great!", "Мы уже в лонге по #SOL с 14.62" — the levels of a running trade,
# for the ones holding it; entering now (at the market, or at the old entry) is no call. With a price: held when that
# price is the post's entry or the post's entry is the market ("Remember our #AVAX long from 24.10 last week? … We go
# again / Long AVAX 27.30–27.60" is a fresh call).
_TAKEN_AT_PRICE = re.compile(
    r"(?<!\w)(?:entry|entries|вход|giri[şs]|entrada|einstieg|entr[ée]e)(?:\s+price)?\s+(?:was|were|had\s+been|был[аои]?|fue|foi|"
    r"era|war|[ée]tait)\s*[:=]?\s*(?:at\s+|@\s*|~\s*|around\s+)?\$?(?P<price>\d[\d.,]*)|"
    r"(?<!\w)(?:we|i)\s+(?:entered|went\s+(?:long|short)|opened\s+(?:a\s+|our\s+|the\s+)?(?:long|short)|bought|shorted|longed|"
    r"remain\s+(?:long|short|in))(?:\s+(?:on\s+)?[#$]?[a-z0-9]{2,12}(?:/usdt)?)?(?:\s+(?:long|short))?\s+(?:at|@|from|around)\s*\$?"
    r"(?P<price2>\d[\d.,]*)|"
    r"(?<!\w)(?:our|my)\s+[#$]?[a-z0-9]{2,12}(?:/usdt)?\s+(?:long|short)\s+(?:from|@|at)\s*\$?(?P<price3>\d[\d.,]*)|"
    r"(?<!\w)(?:already|still|remain)\s+(?:long|short)\s+(?:(?:on\s+)?[#$]?[a-z0-9]{2,12}(?:/usdt)?\s+)?(?:from|at|@|since)\s*\$?"
    r"(?P<price4>\d[\d.,]*)|"
    # (session 25, casualstatus25) "we're still in SOL long from 138", "still in the #SOL short from 142", "already in
    # AVAX long @ 27.5"
    r"(?<!\w)(?:already|still)\s+in\s+(?:the\s+|our\s+|my\s+|a\s+)?(?:[#$]?[a-z0-9]{2,12}(?:/usdt)?\s+)?(?:long|short)\s+"
    r"(?:(?:trade|position)\s+)?(?:from|at|@|since)\s*\$?(?P<price9>\d[\d.,]*)|"
    r"(?<!\w)(?:уже\s+)?в\s+(?:лонге|шорте)\s+(?:по\s+)?[#$]?\w+\s+(?:с|от)\s+(?P<price5>\d[\d.,]*)|"
    r"(?:ya\s+estamos|seguimos)\s+en\s+(?:largo|corto|long|short)?\s*(?:en\s+)?[#$]?\w+\s+(?:long|short|largo|corto)?\s*desde\s+"
    r"(?P<price6>\d[\d.,]*)|"
    r"(?:sudah|masih)\s+(?:long|short|hold|masuk)\s+[#$]?\w+\s+(?:long\s+|short\s+)?dari\s+(?P<price7>\d[\d.,]*)|"
    r"[#$]?\w+\s+(?:long|short)\s+(?:pozisyonumuz\s+)?(?P<price8>\d[\d.,]*)'?(?:den|dan|ten|tan)\s+(?:a[çc][ıi]k|beri\s+tutuyoruz)|"
    # (session 26, asia26) tl "yung ETH long natin mula 3,240" (our ETH long from 3,240), "short namin simula 0.92"; hi-en
    # "hamara ETH long 3240 se", "apna SOL long 142 wala" (our long from that price)
    r"(?<!\w)(?:long|short)\s+(?:natin|namin|ko)\s+(?:mula|simula|galing)\s+(?:sa\s+)?\$?(?P<price10>\d[\d.,]*)|"
    r"(?<!\w)(?:hamara|hamari|humara|apna|apni|mera|meri)\s+[#$]?[a-z0-9]{2,12}(?:/usdt)?\s+(?:long|short)\s+(?:entry\s+)?"
    r"\$?(?P<price11>\d[\d.,]*)\s+(?:se|wala|wali)(?!\w)|"
    # (session 27, heldout27) nl "Wij blijven nog in onze ETH long vanaf 3 050", de "unser ETH-Long ab 3.050 läuft" (our
    # long from that price; its thousands may be set apart by a space)
    r"(?<!\w)(?:onze|mijn|unser\w*|mein\w*)\s+[#$]?[a-z0-9]{2,12}(?:/usdt)?[\s-]+(?:long|short)\s+(?:vanaf|van|ab|seit|von)\s+\$?"
    r"(?P<price12>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d[\d.,]*)",
    re.IGNORECASE)
# Without a price: the trade said to be running or in profit ("#LINK long is in profit. Entry 14.62 …", "— running +12%",
# "Keep holding #DOT long. Entry 4.10 …"), already in ("already long", "уже в лонге", "بالفعل"), a results card ("SIGNAL
# RESULT", "KẾT QUẢ TÍN HIỆU", "信号结果"), an entry ticked as filled ("Entry: 3100 (already filled)"), a call for those
# not in yet ("Кто ещё не зашёл — …", "Henüz girmeyenler için"), an old call shown again ("Last week we posted: …",
# "Сигнал от 3 декабря", "(posted 03.12.2026)", "given to VIP at 10:00", "уже в работе"), a reminder ("Pengingat", "提醒")
_TAKEN_RUNNING = re.compile(
    r"(?<!\w)(?:already|still)\s+(?:long|short|in\s+(?:the\s+|this\s+|a\s+)?(?:long|short|trade|position))(?!\w)|"
    r"(?<!\w)(?:keep|kept)\s+holding(?!\w)|"
    # (session 27, money27: "TON long from 5.26 (signal №482) is still running" — its entry and number between)
    r"(?<!\w)(?:long|short|position|trade)(?:\s+\S+){0,4}\s+is\s+(?:still\s+)?(?:doing\s+(?:great|well|fine|good)|in\s+profit|alive|running)(?!\w)|"
    r"(?<!\w)running\s+[+-]\d[\d.,]*\s*%|(?<!\w)currently\s+[+-]\d[\d.,]*\s*%|"
    r"уже\s+в\s+(?:лонге|шорте|позиции|сделке)|(?<!\w)мы\s+в\s+(?:лонге|шорте)(?!\w)|pozisyonumuz|beri\s+tutuyoruz|"
    r"ya\s+estamos\s+en|(?<!\w)seguimos\s+en\s+[#$]?\w+\s+(?:long|short|largo|corto)|sudah\s+(?:long|short)(?!\w)|"
    r"masih\s+hold(?!\w)|بالفعل|"
    r"(?:signal|trade|call)\s+(?:results?|recap)(?!\w)|resultado\s+d[oe]\s+(?:sinal|la\s+se[ñn]al)|"
    r"k[ếe]t\s+qu[ảa]\s+t[íi]n\s+hi[ệe]u|hasil\s+sinyal|信号结果|نتیجه\s+سیگنال|نتيجة\s+الإشارة|sinyal\s+sonucu|"
    r"результат\w*\s+сигнала|another\s+win|win\s+for\s+(?:our\s+)?members|"
    r"(?:entry|entries|giri[şs]|entrada|вход|入场)[^\n]{0,25}?\d[^\n(—–]{0,6}[(—–-]\s*(?:already\s+)?(?:filled|triggered|hit|"
    r"touched|reached|executed|activated|gerçekleşti|ejecutad[oa]|executad[oa]|исполнен\w*|сработал\w*)|"
    r"кто\s+(?:ещ[её]\s+)?не\s+(?:зашёл|зашел|зашли|вошёл|вошел|вошли)|si\s+a[úu]n\s+no\s+(?:entraste|entraron|has\s+entrado)|"
    r"hen[üu]z\s+girmeyen\w*|yang\s+belum\s+masuk|ai\s+ch[ưu]a\s+v[àa]o|(?<!\w)missed\s+[#$]?\w+\s+(?:at|@|from)\s+\$?\d|"
    r"last\s+week\s+we\s+posted|from\s+last\s+week'?s|(?:call|signal)\s+we\s+(?:shared|posted|gave)\s+(?:on|last|yesterday)|"
    r"сигнал\s+от\s+\d|\(\s*posted(?:\s+on)?\s*(?:\d|\))|(?:signal|call)\s+from\s+\d{1,2}[/.]\d{1,2}|given\s+to\s+(?:the\s+)?vip\s+(?:at|on|yesterday)|"
    r"posted\s+there\s+yesterday|(?:yesterday'?s|last\s+night'?s)\s+(?:call|signal)(?!\w)|já\s+em\s+andamento|уже\s+в\s+работе|"
    r"(?:^|(?<=\n))\W*(?:pengingat|提醒)\s*[:：]", re.IGNORECASE)
# ("Yesterday's call delivered 3/3 ✅ / Next: #OP SHORT …", "… We go again 🔁 / Long AVAX …"): a fresh call after a word
# about an old one
_FRESH_CALL_AFTER = re.compile(r"(?<!\w)next(?:\s+up)?\s*[:👇]|(?<!\w)we\s+go\s+again(?!\w)|"
                               r"(?<!\w)new\s+(?:one|call|signal|trade|setup)\s+(?:below|👇)", re.IGNORECASE)


def _fresh_call_follows(clean: str, start: int) -> bool:
    """A fresh call announced after a word about old ones ("Yesterday's trades: … 🚨 NEW SIGNAL", "Yesterday's calls:
    #SOL +12% … New one below", "… Next: #OP SHORT")."""
    return _NEW_CALL.search(clean, start) is not None or _FRESH_CALL_AFTER.search(clean, start) is not None


def _running_trade_restated(clean: str, parsed: ParsedMessage) -> str | None:
    """The words saying the call's trade was already taken (see `_TAKEN_AT_PRICE`, `_TAKEN_RUNNING`), when the post's own
    entry is no fresh one; a fresh call heading the post before them ("🆕 NEW SIGNAL / … / (already long from the last
    call: keep it)") keeps its entry."""
    fresh = _NEW_CALL.search(clean)
    market_entry = not parsed.entries or parsed.entry_type == EntryType.MARKET
    for taken in _TAKEN_AT_PRICE.finditer(clean):
        if fresh is not None and fresh.start() < taken.start():
            continue
        raw = re.sub(r"[ \u00a0\u202f]", "", next(v for k, v in taken.groupdict().items() if v is not None)).rstrip(".,")
        # (both readings of a comma: "mula 3,240" is the entry 3240, "desde 0,92" the entry 0.92)
        prices = set()
        # (and "ab 3.050": a dot before three digits may group thousands, as the entry was read)
        readings = {raw.replace(",", "."), raw.replace(",", "")} if raw.count(",") == 1 \
            else {raw, raw.replace(".", "")} if re.fullmatch(r"\d{1,3}\.\d{3}", raw) else {raw}
        for written in readings:
            try:
                prices.add(Decimal(written))
            except ArithmeticError:
                continue
        if not prices:
            continue
        if market_entry or prices & set(parsed.entries):
            return taken.group(0)
    running = _TAKEN_RUNNING.search(clean)
    if running is not None and (fresh is None or fresh.start() > running.start()) \
            and _FRESH_CALL_AFTER.search(clean, running.end()) is None:
        return running.group(0)
    return None


def _card_outcome(clean: str, levels: _Levels, text: str = "") -> str | None:
    """A line of a card that carries no level and reports the card's outcome, withdrawal or progress."""
    for crossed in _CROSSED_LINE.finditer(text):
        # ("❌استاپ:" over its price on the next line: the stop's label)
        if re.search(r"\w", crossed.group(0)) and not crossed.group(0).rstrip().endswith((":", "：")) \
                and not _CROSSED_ADVICE.search(crossed.group(0)):
            return crossed.group(0).strip()
    if (crossed := _stop_crossed(text)) is not None:
        return crossed.group(0).strip()
    level_lines = {t.line for t in (*levels.entries, *levels.targets, *levels.stop)}
    for n, line in enumerate(clean.split("\n")):
        if n in level_lines or not line.strip():
            continue
        if _OUTCOME_FIELD.search(line) or _WITHDRAWN_OR_UNDER_WAY.search(line):
            return line.strip()
        if level_lines and n > max(level_lines) and _BARE_FILLED.match(line):
            # ("#LINK LONG / Entry 14 / SL 13.2 / TP 16 / FILLED ✅"): below the card, its entry reported filled (a
            # "Filled ✅" heading over a repost is left to the ingest's restatement guard, which names the open signal)
            return line.strip()
    return None


_BARE_FILLED = re.compile(r"^\W*(?:filled|executed|triggered)\W*$", re.IGNORECASE)


def _unread_price_row(lines: list[list[Token]], levels: _Levels, taken: set[int], parsed: ParsedMessage) -> str | None:
    """A line of nothing but one or two prices (and a note in brackets) on the scale of the trade's levels that no level
    took — under no label, or under a label of something else on an earlier line ("Risk 2% of balance" between two
    target rows): a rung the reading lost."""
    scale = [*parsed.entries, *parsed.targets] + ([parsed.stop_loss] if parsed.stop_loss is not None else [])
    if not scale:
        return None
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    values = set(scale)  # (a price line read by another rule — "ENTER LONG / ZROUSDT / 3.400 / TP …" — is read)
    low, high = min(scale) / 3, max(scale) * 3
    label_lines = {t.line for tokens in lines for t in tokens if t.kind == Kind.LABEL}
    for tokens in lines:
        if not tokens or tokens[0].line in label_lines:
            continue
        meaningful, depth = [], 0
        for t in tokens:
            if t.kind == Kind.SEP and t.text in "()":
                depth += 1 if t.text == "(" else -1
            elif depth <= 0 and t.kind not in (Kind.SEP, Kind.INDEX) and t.text != "$":
                meaningful.append(t)
        prices = [t for t in meaningful if t.kind == Kind.NUM]
        if prices and all(t.kind in (Kind.NUM, Kind.PCT) for t in meaningful) and len(prices) <= 2 \
                and not _date_like(prices) \
                and any(id(t) not in read and t.value not in values and low <= t.value <= high for t in prices):
            return " ".join(t.text for t in tokens)
    return None


def _unread_price_beyond_the_targets(tokens: list[Token], levels: _Levels, taken: set[int],
                                     parsed: ParsedMessage) -> str | None:
    """A price on the line of the last target, after it, that no field took, further on the profit side than every
    target and within three times its distance from the entry."""
    if not levels.targets or not parsed.targets or parsed.side is None or not parsed.entries:
        return None
    last = max(levels.targets, key=lambda t: (t.line, t.start))
    far = max(parsed.targets) if parsed.side == Side.LONG else min(parsed.targets)
    reach = abs(far - parsed.entries[0]) * 3
    for t in tokens:
        if t.kind != Kind.NUM or t.line != last.line or t.start <= last.start or id(t) in taken or t.value is None:
            continue
        beyond = t.value > far if parsed.side == Side.LONG else t.value < far
        if beyond and abs(t.value - parsed.entries[0]) <= reach:
            return t.text
    return None


def _unread_price_beside_the_entry(lines: list[list[Token]], levels: _Levels, parsed: ParsedMessage) -> str | None:
    """The heading of a price no level took that lies between the stop and the first target, outside the entry zone —
    where an add-on order goes: a few words or labels heading its line (or "|" part), or, after an earlier price on
    the line, an order's or a known note's label right before it ("Entry: 92.40 (re-buy 88.90)", "Entry: 92.40 and
    re-entry 88.90")."""
    if not parsed.entries or parsed.side not in (Side.LONG, Side.SHORT):
        return None
    # (and on to the first target: "Re-entry: 94.10" over an entry of 92.40; inside the entry zone, a preferred fill;
    # with no stop written, down to two thirds of the entry — or up to half as much again for a short)
    if parsed.side == Side.LONG:
        low = parsed.stop_loss if parsed.stop_loss is not None else min(parsed.entries) / Decimal("1.5")
        high = min(parsed.targets, default=max(parsed.entries) * Decimal("1.5"))
    else:
        low = max(parsed.targets, default=min(parsed.entries) / Decimal("1.5"))
        high = parsed.stop_loss if parsed.stop_loss is not None else max(parsed.entries) * Decimal("1.5")
    if not low < min(parsed.entries) <= max(parsed.entries) < high:
        return None
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    for part in _pipe_parts(lines):
        for n, number in enumerate(part):
            if number.kind != Kind.NUM or id(number) in read or not low < number.value < high \
                    or min(parsed.entries) <= number.value <= max(parsed.entries):
                continue
            k = n
            while k and (part[k - 1].kind in (Kind.WORD, Kind.LABEL) or part[k - 1].kind == Kind.SEP
                         and part[k - 1].text in ":：-=@" or part[k - 1].text == "$"):
                k -= 1
            head = [t for t in part[k:n] if t.kind in (Kind.WORD, Kind.LABEL)]
            if not head:
                continue
            leading = not any(t.kind not in (Kind.SEP, Kind.INDEX) for t in part[:k])
            ordering = any(t.kind == Kind.LABEL and t.field in (*_SIDE_FIELDS, Field.ENTRY) for t in head)
            if leading:
                # ("Buy more on the dip at 88.90": an order's words may run longer; "Why? Price swept the 0.36 lows",
                # "Trigger 4H close above 5.30" are talk)
                if len(head) > (6 if ordering else 3):
                    continue
                colon = next((t for t in part[:n] if t.kind == Kind.SEP and t.text in ":："), None)
                if colon is not None and any(t.start > colon.start for t in head):
                    continue  # ("Reason: reclaimed the 2.50 weekly level"): words after the heading's colon — a sentence
            elif len(head) > 4 or not any(t.kind == Kind.LABEL and (t.field in (*_SIDE_FIELDS, Field.ENTRY) or t.field
                                                                  == Field.IGNORE and _ADD_ON_NOTE.fullmatch(t.text))
                                          for t in head):
                # ("SL 84.70 (below the 88 support)", "SL 15.20 (previous SL was hit at 15.00)"): after a price, only an
                # order's label or a re-entry/average note heads one
                continue
            if any(t.kind == Kind.LABEL and t.field == Field.IGNORE and _ENTRY_WAS.fullmatch(t.text) for t in head):
                continue  # ("#TAO LONG — вход был 412 / Вход: 418 - 422"): where the call began, no add-on
            after = next((t for t in part[n + 1:] if t.kind != Kind.SEP), None)
            if after is not None and after.kind == Kind.WORD and _NO_ADD_ON_HEAD.fullmatch(after.text):
                continue  # ("#DOT LONG above 4.10 support"): a level of the chart named after its price
            if not any(t.kind == Kind.LABEL and t.field in _SIDE_FIELDS for t in head) \
                    and (any(_NO_ADD_ON_HEAD.fullmatch(t.text) for t in head)
                         or lx.MARKET_WORDS.search(" ".join(t.text for t in head))):
                continue
            return " ".join(t.text for t in head)
    return None


# ("entry was", "вход был", "la entrada fue"): the entry written as the past (an ignored label)
_ENTRY_WAS = re.compile(r"\S+\s+(?:was|were|had\s+been|был[аои]?|fue|foi|era|war|[ée]tait)", re.IGNORECASE)


# Words in a bracket before a price that make it a note of the market or the chart, not an order ("(last 0.41)",
# "(EMA50 0.39)", "(support 0.38)")
_BRACKET_NOTE_HEAD = re.compile(
    r"(?<!\w)(?:" + lx.PRICE_NOW_PHRASE + r"|现价|현재가|price|now|last|live|mark|index|(?:e|s|w)?ma\d*|vwap|rsi|atr|bb|"
    r"boll\w*|supports?|resistances?|поддержк\w*|сопротивлени\w*)(?!\w)", re.IGNORECASE)


def _unread_bracketed_price_on_the_entry_line(lines: list[list[Token]], levels: _Levels, parsed: ParsedMessage) -> str | None:
    """A price in brackets after a read entry price on its line, that no level took, on the scale of the trade's levels
    and not the market's price named ("Entry: 0.4050 (no DCA 0.3880)" — but "Entry: 0.4050 (now 0.4100)")."""
    if not parsed.entries or not levels.entries:
        return None
    scale = [*parsed.entries, *parsed.targets] + ([parsed.stop_loss] if parsed.stop_loss is not None else [])
    low, high = min(scale) / Decimal("1.5"), max(scale) * Decimal("1.5")
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    entry_ids = {id(t) for t in levels.entries}
    for line in {t.line for t in levels.entries}:
        tokens = lines[line]
        if not any(t.kind == Kind.LABEL and t.field == Field.ENTRY for t in tokens):
            continue
        seen_entry, opened = False, None
        for n, t in enumerate(tokens):
            if id(t) in entry_ids:
                seen_entry = True
            elif t.text in "([" and t.kind == Kind.SEP:
                opened = n if seen_entry and opened is None else opened
            elif t.text in ")]" and t.kind == Kind.SEP:
                opened = None
            elif opened is not None and t.kind == Kind.NUM and id(t) not in read and t.value is not None \
                    and t.value not in scale and low <= t.value <= high:
                bracket = " ".join(x.text for x in tokens[opened:])
                if lx.MARKET_WORDS.search(bracket) or _BRACKET_NOTE_HEAD.search(bracket.split(t.text)[0]):
                    continue  # ("Entry: 0.4050 (now 0.4100)", "(current price 0.41)", "(EMA50 0.39)"): a note
                return t.text
    return None


# Notes whose label the reading sets aside that still name an order of the entry ("re-entry 88.90", "average 88.90")
_ADD_ON_NOTE = re.compile(r"re[\s-]*entry|average|averaging|усреднени\w*", re.IGNORECASE)
# Headings of a price that is no order of the trade: where the market is ("Current rate: 0.3235", "XRPUSDT · 现价
# 2.1846", "Live price: 151", "Last: 5.18"; and any market word — "Сейчас цена", "Güncel fiyat"), an indicator
# ("EMA50: 3.3980"), a level of the chart ("Support: 88.90"), or the DCA rung the DCA reading already weighed ("DCA:
# 1.060", "усреднение 3480": for a market entry, a note)
_NO_ADD_ON_HEAD = re.compile(
    r"(?:" + lx.PRICE_NOW_PHRASE + r"|现价|현재가|price|now|last|live(?:\s+price)?|(?:mark|index|spot|last)\s+price|"
    r"(?:e|s|w)?ma\d*|vwap|rsi|atr|bb|boll\w*|supports?|resistances?|"
    r"поддержк\w*|сопротивлени\w*|dca(?:\s+\w+)?|усреднени\w*|добор|добір|تعزيز)", re.IGNORECASE)


def _date_like(prices: list[Token]) -> bool:
    """"25/06", "04.12": a day and a month."""
    return len(prices) == 2 and all(t.text.isdigit() for t in prices) and (
        1 <= prices[0].value <= 31 and 1 <= prices[1].value <= 12 or 1 <= prices[0].value <= 12 and 1 <= prices[1].value <= 31)


_LEVEL_SEGMENT_FIELDS = frozenset({Field.ENTRY, Field.TARGETS, Field.STOP, Field.BUY, Field.SELL, Field.LONG, Field.SHORT})


def _note_over_ladder_rows(segments: list[Segment], tokens: list[Token]) -> str | None:
    """The label of a note written after a price on its line ("0.1720 Volume 2.3x") whose segment runs on over price
    lines below it, if any."""
    for segment in segments:
        label = segment.label
        if label is None or segment.field in _LEVEL_SEGMENT_FIELDS and not (
                segment.field == Field.ENTRY and _reference_price(segment)):
            continue
        if any(t.kind == Kind.NUM and t.line == label.line and t.start < label.start for t in tokens) \
                and any(t.kind == Kind.NUM and t.line > label.line for t in segment.tokens):
            return label.text.strip()
    return None


def _meaningful_on_line(tokens: list[Token], line: int) -> list[Token]:
    return [t for t in tokens if t.line == line and t.kind not in (Kind.SEP, Kind.INDEX)]


def _after_unknown_heading(tokens: list[Token], position: int) -> bool:
    """The token closes its line, after one to three words in lower or mixed case ("Munt:", "رمزارز", "【现货推荐】": a
    Chinese or Japanese word is read letter by letter, so letters written together count as one word), or after
    nothing but the side word on the post's first line ("LONG SETUP: RNDR")."""
    on_line = _meaningful_on_line(tokens, tokens[position].line)
    head = on_line[:-1]
    if on_line[-1] is not tokens[position] or not head:
        return False
    # (a separator before the coin, or an emoji that normalize took out: "KÈO SPOT 🟢 ONDO")
    if position == _last_on_first_line(tokens) and _signal_heading(head) and position \
            and (tokens[position - 1].kind == Kind.SEP
                 or tokens[position].start - tokens[position - 1].start - len(tokens[position - 1].text) >= 3):
        return True
    words = [t for i, t in enumerate(head)
             if not (i and len(t.text) == 1 and not t.text.isascii() and head[i - 1].kind == Kind.WORD
                     and len(head[i - 1].text) == 1 and head[i - 1].start + 1 == t.start)]
    return 1 <= len(words) <= 3 and all(t.kind == Kind.WORD and not t.text.isupper() for t in head)


_HEADING_WORDS = frozenset({"signal", "setup", "trade", "call", "alert", "ai", "new", "vip", "scalp", "swing", "spot",
                            "futures", "premium", "free", "idea", "alerta", "अलर्ट", "सिग्नल", "сигнал", "sinyal",
                            "señal", "sinal", "segnale", "sygnał", "signaal", "إشارة", "سیگنال",
                            # ("KÈO SPOT 🟢 ONDO": Vietnamese "deal", "signal", "order")
                            "kèo", "keo", "tín", "hiệu", "lệnh", "sinyali", "сделка", "угода",
                            # ("#TIA LONG 10x / Entry + targets in 5 min, get ready", "stay tuned"): a call to wait
                            "get", "ready", "stay", "tuned", "be", "prepare",
                            # ("NUEVA SEÑAL – BTC", "NOVO SINAL – ETH", "YENİ SİNYAL – SOL"): "new" in other languages
                            "nueva", "nuevo", "novo", "nova", "nouveau", "nouvelle", "neues", "neue", "nuovo", "nuova",
                            "nowy", "новый", "yeni", "baru", "mới"})


def _known_ticker_heading_the_post(tokens: list[Token], candidates: list[SymbolCandidate]) -> SymbolCandidate | None:
    """The one bare capitalised word of the post that is a ticker we know, when it stands on the post's first line either
    first or right after a separator that closes a few heading words ("Reply to: ETH", "SIGNAL #313 — NEAR")."""
    first = _first_meaningful(tokens)
    known = [c for c in candidates if c.rank == 0 and c.base in KNOWN_TICKERS]
    if first is None or len({c.base for c in known}) != 1:
        return None
    head = known[0]
    line = tokens[head.position].line
    if line != tokens[first].line:
        return None
    after = tokens[head.position + 1] if head.position + 1 < len(tokens) else None
    if any(t.line == line and t.kind in (Kind.NUM, Kind.PCT) for t in tokens) \
            and not (after is not None and after.line == line and after.kind == Kind.SEP and after.text in (".", ":", "-", "|")):
        # ("BTC reclaimed 92k ✅ setup triggered:", "SOL flushed hard. Reclaim of 150 …"): a ticker in a sentence of the
        # market with a price beside it is what the market did (read by the rule of a price of the setup's size); only a
        # ticker closed off as the heading ("AAVE. Lending revenue … the 258 breakout") heads the call
        return None
    if head.position == first:
        return head
    before = [t for t in tokens[first:head.position]]
    return head if len(before) <= 5 and before[-1].kind == Kind.SEP and before[-1].text in (":", "-", "—", "–", "|") \
        and all(t.kind in (Kind.WORD, Kind.TAG, Kind.SEP) for t in before) else None


def _signal_heading(head: list[Token]) -> bool:
    """Only the side word and heading words ("LONG SIGNAL", "AI SIGNAL", "Signal #2231", "LONG SETUP", "做多") before
    a separator: the line names the coin after them."""
    return all(t.kind == Kind.LABEL and (t.field in _SIDE_FIELDS or t.field == Field.ENTRY
                                         and t.text.lower().split()[-1] == "setup")
               or t.kind == Kind.WORD and t.text.lower() in _HEADING_WORDS
               or t.kind == Kind.TAG and t.text[1:].isdigit() for t in head)


def _after_lower_case_words_before_levels(tokens: list[Token], position: int) -> bool:
    """The token stands on the post's first line after one to three words in lower or mixed case (a Chinese or Japanese
    word is read letter by letter: letters written together count as one word), and a label or a price follows it on
    its line ("quick scalp DOGE 0.1584 sell", "【现货】BCH 买入区间 455-468")."""
    first = _first_meaningful(tokens)
    if first is None or tokens[position].line != tokens[first].line:
        return False
    on_line = _meaningful_on_line(tokens, tokens[position].line)
    at = next((i for i, t in enumerate(on_line) if t is tokens[position]), None)
    if not at or at + 1 >= len(on_line) or on_line[at + 1].kind not in (Kind.LABEL, Kind.NUM):
        return False
    head = on_line[:at]
    words = [t for i, t in enumerate(head)
             if not (i and len(t.text) == 1 and not t.text.isascii() and head[i - 1].kind == Kind.WORD
                     and len(head[i - 1].text) == 1 and head[i - 1].start + 1 == t.start)]
    return 1 <= len(words) <= 3 and all(t.kind == Kind.WORD and not t.text.isupper() for t in head)


def _last_on_first_line(tokens: list[Token]) -> int | None:
    first = _first_meaningful(tokens)
    if first is None:
        return None
    on_line = _meaningful_on_line(tokens, tokens[first].line)
    return next(i for i, t in enumerate(tokens) if t is on_line[-1])


_CHART_TIMEFRAME = re.compile(r"[1-9]\d{0,2}(?:m|min|h|hr|d|w)|daily|weekly|monthly|[hm]\d{1,2}|d1|w1|htf|ltf", re.IGNORECASE)


def _heads_a_chart_caption(tokens: list[Token], position: int) -> bool:
    """The token heads the post's first line and a chart's timeframe follows it ("DOGE 1H.", "INJ daily —", "SOL 4h:")."""
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    return position == _first_meaningful(tokens) and after is not None and after.line == tokens[position].line \
        and after.kind == Kind.WORD and _CHART_TIMEFRAME.fullmatch(after.text) is not None


def _heads_post_with_a_price_of_the_setup(tokens: list[Token], position: int, entries: list[Decimal]) -> bool:
    """The token heads the post, and its sentence, above the levels, names a price within a fifth of the entries' (what
    the coin did before its call: "BNB swept 640 and reclaimed ✅ plan triggered:" over "LONG 645–650"; not "ETH dumping.
    Second entry 3725 filled": the price in another sentence)."""
    if position != _first_meaningful(tokens) or not entries:
        return False
    line = tokens[position].line
    low, high = min(entries) * Decimal("0.8"), max(entries) * Decimal("1.25")
    return any(t.kind == Kind.NUM and t.value is not None and low <= t.value <= high
               for t in _sentence_of(tokens, position)) \
        and all(t.line > line for t in tokens if t.kind == Kind.LABEL and t.field in _SIDE_FIELDS)


def _heads_first_short_line(tokens: list[Token], position: int) -> bool:
    """The token heads the post's first line, which has at most three words ("LINK Zorp", "ETH 4H setup")."""
    on_line = _meaningful_on_line(tokens, tokens[position].line)
    return position == _first_meaningful(tokens) and len(on_line) <= 3 \
        and all(t.kind in (Kind.WORD, Kind.LABEL) for t in on_line)


def _market_side_heading(segments: list[Segment], lines: list[list[Token]], texts: list[str]) -> bool:
    """A side word with no price of its own, on a line with no price, beside a market word ("buy now", "현재가 매수")."""
    for seg in segments:
        if seg.field in _SIDE_FIELDS and seg.label is not None and not seg.numbers:
            n = seg.label.line
            # (a field of its own on the line keeps its amount: "ETHUSDT 현재가 매수 Position: $300 | Cross 10x")
            set_aside = {id(t) for s in segments if s.field == Field.IGNORE for t in s.tokens}
            # (and a market statistic's: "ETHUSDT 현재가 매수 RSI 28")
            set_aside |= {id(t) for before, t in itertools.pairwise(lines[n])
                          if before.kind == Kind.WORD and _MARKET_STAT.fullmatch(before.text)}
            if not any(t.kind == Kind.NUM and id(t) not in set_aside for t in lines[n]) \
                    and _market_word_beside(texts[n], seg.label.start, seg.label.start + len(seg.label.text)):
                return True
    return False


# What may stand between a side word and the market word that orders it ("Buy BTC at market", "SHORT #XRP now"): the
# coin, "at"/"the"; and brackets or a dash ("Buy (Instant Execution)", "GO BUY NOW")
_TO_MARKET_WORD = re.compile(r"(?:[#$]?[A-Z0-9]{2,12}(?:/[A-Z]{3,5})?|(?i:at|the|à|al|по|на)|@)(?!\w)")
_BESIDE_PUNCTUATION = " \t([-:,!"
# ("SPOT MARKET LONG"): the market a coin trades on, not an order at the market
_MARKET_VENUE = re.compile(r"(?:spot|futures?|perp\w*|спот\w*|фьючерс\w*)\W*$", re.IGNORECASE)


def _market_word_beside(line: str, start: int, end: int) -> bool:
    """A market word next to the side word ("buy now", "LONG #SOL now", "현재가 매수", "市价做多"), not elsewhere on its
    line: "📢 New signal live now! #SOL LONG", "#ARB LONG — available now", "ARB LONG (spot market)", "SHORT $STX (dead
    for now)" are limit calls whose entry follows."""
    pos = end
    for _ in range(3):
        pos = len(line) - len(line[pos:].lstrip(_BESIDE_PUNCTUATION))
        if lx.MARKET_WORDS.match(line, pos):
            return True
        filler = _TO_MARKET_WORD.match(line, pos)
        if filler is None:
            break
        pos = filler.end()
    before = line[:start].rstrip(_BESIDE_PUNCTUATION)
    last = None
    for last in lx.MARKET_WORDS.finditer(before):
        pass
    return last is not None and last.end() == len(before) and not _MARKET_VENUE.search(before[:last.start()])


def _renamed_to(tokens: list[Token]) -> tuple[str, str] | None:
    """Two tags joined by an arrow only ("#RNDR → #RENDER", "$MATIC -> $POL"): (old, new)."""
    tags = [i for i, t in enumerate(tokens) if t.kind == Kind.TAG]
    for i, j in itertools.pairwise(tags):
        between = tokens[i + 1:j]
        if tokens[i].line == tokens[j].line and between and all(t.kind == Kind.SEP for t in between) \
                and any(t.text == ">" for t in between):
            return tokens[i].text, tokens[j].text
    return None


# Session 22 (money52): a period's summary heading the post ("Daily DCA summary 14.06", "Weekly bot report", "Resumen
# diario", "Tagesbericht", "Bilan hebdomadaire", "Итоги дня", "Günlük rapor", "Ringkasan harian") over fields that
# count ("Deals closed: 9 | Active: 4")
_PERIOD_WORD = (r"(?:daily|weekly|monthly|today'?s|yesterday'?s|diari[oa]|di[áa]ri[oa]|semanal|mensual|mensal|t[äa]glich\w*|"
                r"w[öo]chentlich\w*|monatlich\w*|quotidien\w*|journali[èe]r\w*|hebdomadaire|mensuel\w*|giornalier[oa]|"
                r"settimanale|mensile|g[üu]nl[üu]k|haftal[ıi]k|ayl[ıi]k|harian|mingguan|bulanan|дн(?:я|евн\w*)|недел(?:и|ьн\w*)|"
                r"месяц\w*|ежедневн\w*|del\s+d[íi]a|do\s+dia|du\s+jour|del\s+giorno)")
_SUMMARY_WORD = (r"(?:summary|recap|report|stats|statistics|resumen|resumo|r[ée]sum[ée]|bilan|rapport|bericht|"
                 r"zusammenfassung|statistik|riepilogo|resoconto|[öo]zet\w*|rapor\w*|ringkasan|laporan|rekap|итоги|"
                 r"отч[её]т|сводка|статистика)")
_PERIOD_SUMMARY_HEAD = re.compile(rf"(?<!\w){_PERIOD_WORD}(?:\s+[\w-]+){{0,2}}?\s+{_SUMMARY_WORD}(?!\w)|"
                                  rf"(?<!\w){_SUMMARY_WORD}(?:\s+[\w-]+){{0,2}}?\s+{_PERIOD_WORD}(?!\w)|"
                                  rf"(?<!\w)(?:tages|wochen|monats)(?:bericht|bilanz|statistik)(?!\w)", re.IGNORECASE)
_COUNT_FIELD = re.compile(r"(?<!\w)[^\W\d_][\w ]{1,30}?:\s*\d{1,4}(?![\d.,:/%])")


def _period_summary_with_counts(clean: str) -> bool:
    first, _, rest = clean.lstrip().partition("\n")
    return bool(_PERIOD_SUMMARY_HEAD.search(first)) and len(_COUNT_FIELD.findall(rest)) >= 1


# (session 25, money25) "12 NEW | 9 FILLED | 14 TP HITS | 3 SL HITS | 2 EXPIRED", "5 targets hit, 2 stopped", "3 SL
# getroffen", "4 стопа": a number before an event's word counts the events of a report — no trade's status (a coin's own
# "TP1 HIT", "TP 2 hit" has no count before it)
_EVENT_COUNT = re.compile(
    # (not a rung's or target's own number: "Entry 3 cancelled", "TP 2 hit", "DCA 2 filled", "order 2 expired")
    r"(?<![\w.,:/#$])(?<!entry\s)(?<!entries\s)(?<!rung\s)(?<!dca\s)(?<!tp\s)(?<!sl\s)(?<!target\s)(?<!order\s)(?<!step\s)"
    r"(?<!вход\s)(?<!тейк\s)(?<!цель\s)(?<!entrada\s)(?<!with\s)\d{1,4}\s*(?:x\s+)?(?:(?:tps?|sls?|stop[\s-]*loss(?:es)?|targets?|take[\s-]*profits?|тейк\w*|стоп\w*|цел\w*)"
    r"\s+(?:hits?|hit|reached|touched|getroffen|erreicht|alcanzad[oa]s?|atingid[oa]s?|достигнут\w*|сработал\w*)|"
    r"(?:fills?|filled|stopped(?:\s+out)?|expired|cancell?ed|invalidated|wins?|losses|closed|"
    r"стоп(?:а|ов)?|тейк(?:а|ов)?|gef[üu]llt|abgelaufen|ejecutad[oa]s|expirad[oa]s|preenchid[oa]s))(?!\w)",
    re.IGNORECASE)


# (session 27, day27) the same tally written label first, a count after its colon ("Calls: 2 · Wins: 1 · Cancelled: 1",
# "Filled: 4 | Stopped: 1 | Expired: 2", "TP hits: 6 / SL hits: 2"): a whole number, never a price, after each word
_EVENT_COUNT_AFTER = re.compile(
    r"(?<![\w.,])(?:(?:tps?|sls?|stop[\s-]*loss(?:es)?|targets?)\s+hits?|calls|signals|trades|fills|filled|stopped(?:\s+out)?|"
    r"expired|cancell?ed|invalidated|wins?|winners|losses|losers|closed|breakevens?)[ \t]*[:=][ \t]*\d{1,3}(?![\d.,%:]|\s*x\b)",
    re.IGNORECASE)


def _event_counts(text: str) -> bool:
    """Two or more kinds of event counted ("9 FILLED | 14 TP HITS | 3 SL HITS"): a report's tally, no trade's status."""
    kinds = {re.sub(r"[\d\s]+", " ", m.group(0)).strip().lower() for m in _EVENT_COUNT.finditer(text)}
    kinds |= {re.sub(r"[\d\s:=]+", " ", m.group(0)).strip().lower() for m in _EVENT_COUNT_AFTER.finditer(text)}
    return len(kinds) >= 2


def _brand_heading_before_ticker(tokens: list[Token], word: SymbolCandidate, candidates: list[SymbolCandidate]) -> bool:
    """Session 22 (money52): the word opens the post's first line in capitals, is no ticker we know, heads another word
    in capitals ("VAULT EXIT", "ORACLE UPDATE") and a ticker we know is named after it on that line."""
    position = word.position
    if word.rank != 0 or word.base in KNOWN_TICKERS or position != _first_meaningful(tokens) \
            or tokens[position].line != 0 or tokens[position].kind != Kind.WORD or not tokens[position].text.isupper() \
            or not _heading_word(tokens, position):
        return False
    return any(c.base != word.base and c.base in KNOWN_TICKERS and tokens[c.position].line == 0 and c.position > position + 1
               for c in candidates)


def _first_meaningful(tokens: list[Token]) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.kind not in (Kind.SEP, Kind.INDEX)), None)


def _beside_side_word(tokens: list[Token], position: int) -> bool:
    near = [tokens[k] for k in (position - 1, position + 1) if 0 <= k < len(tokens) and tokens[k].line == tokens[position].line]
    return any(t.kind == Kind.LABEL and t.field in _SIDE_FIELDS for t in near)


def _heading_word(tokens: list[Token], position: int) -> bool:
    """"TF: 1H", "GOLDEN CALL": a word heading a label-like line (followed by a colon or by another capitalised word)."""
    nxt = tokens[position + 1] if position + 1 < len(tokens) else None
    return nxt is not None and nxt.line == tokens[position].line and (
        nxt.text == ":" or nxt.kind == Kind.WORD and nxt.text.isupper() or nxt.kind == Kind.LABEL)  # ("SNIPER ENTRY")


def _alone_on_line(tokens: list[Token], position: int) -> bool:
    return _meaningful_on_line(tokens, tokens[position].line) == [tokens[position]]


def _pair_in_talk_above_the_call(tokens: list[Token], pair: SymbolCandidate, coin: SymbolCandidate,
                                 level_lines: list[int]) -> bool:
    """The pair stands in a sentence (four words or more, no label, no number) on a line above the one where the
    tagged coin heads the side word, and every level is written below that line."""
    pair_line, coin_line = tokens[pair.position].line, tokens[coin.position].line
    on_pair_line = _meaningful_on_line(tokens, pair_line)
    return tokens[coin.position].kind == Kind.TAG and _on_side_line(tokens, coin.position) and pair_line < coin_line \
        and bool(level_lines) and min(level_lines) > coin_line \
        and sum(t.kind == Kind.WORD and t is not tokens[pair.position] for t in on_pair_line) >= 4 \
        and all(t.kind == Kind.WORD or t is tokens[pair.position] for t in on_pair_line)


# (session 26, hard26) words in a bracket that make its coin a second call, not a remark: "also", "too", "and", "+",
# es/pt "también"/"também", "y"/"e", fr "aussi"/"et", de "auch"/"und", it "anche", ru "тоже"/"также"/"и", tr "ve"/"dahil",
# id "juga"/"dan", vi "cũng"/"và" (not tr "de"/"da": the Romance "of")
_SECOND_CALL_WORDS = frozenset({"also", "too", "and", "plus", "same", "both", "+", "&", "también", "tambien", "também",
                                "tambem", "y", "e", "aussi", "et", "auch", "und", "anche", "тоже", "также", "и", "ve",
                                "dahil", "juga", "dan", "cũng", "cung", "và", "va", "ebenso", "idem"})


def _coin_in_a_bracketed_remark(tokens: list[Token], candidate: SymbolCandidate,
                                candidates: list[SymbolCandidate]) -> bool:
    """The coin inside a bracket of words on the line where another coin and a side word stand before the bracket
    ("#SOL LONG (riding the #BTC strength)"): no number, no side word and no word of a second call in the bracket."""
    pos, line = candidate.position, tokens[candidate.position].line
    opening = next((k for k in range(pos - 1, -1, -1) if tokens[k].line != line or tokens[k].text in "()"), None)
    if opening is None or tokens[opening].line != line or tokens[opening].text != "(":
        return False
    closing = next((k for k in range(pos + 1, len(tokens)) if tokens[k].line != line or tokens[k].text in "()"), None)
    if closing is None or tokens[closing].line != line or tokens[closing].text != ")":
        return False
    inside = tokens[opening + 1:closing]
    if any(t.kind in (Kind.NUM, Kind.PCT, Kind.LEV) or t.kind == Kind.LABEL
           or t.text.lower() in _SECOND_CALL_WORDS for t in inside):
        return False
    if not any(t.kind == Kind.WORD and len(t.text) >= 3 and t.text.islower() for t in inside):
        return False
    side_before = any(t.kind == Kind.LABEL and t.field in _SIDE_FIELDS and t.line == line for t in tokens[:opening])
    return side_before and any(c.base != candidate.base and tokens[c.position].line == line and c.position < opening
                               for c in candidates)


def _on_side_line(tokens: list[Token], position: int) -> bool:
    return any(t.kind == Kind.LABEL and t.field in _SIDE_FIELDS for t in _meaningful_on_line(tokens, tokens[position].line))


def _plain_rival(candidate: SymbolCandidate | None, candidates: list[SymbolCandidate],
                 tokens: list[Token]) -> SymbolCandidate | None:
    """A capitalised ticker alone on its line while the coin was chosen from a hashtag of another name: a channel's
    own tag ("#CRYPTOKINGS") and the coin in plain text look alike ("GOLDEN CALL" heading a post is no rival)."""
    if candidate is None or candidate.rank != HASHTAG or candidate.quote != "USDT" or candidate.perpetual:
        return None
    for rival in candidates:
        if rival.rank != 0 or rival.base == candidate.base:
            continue
        after = tokens[rival.position + 1] if rival.position + 1 < len(tokens) else None
        if after is not None and after.line == tokens[rival.position].line and after.kind == Kind.NUM:
            continue  # ("ID 4481", "GO 2"): a word before a number on its line names a thing, not a coin
        if _alone_on_line(tokens, rival.position) or (
                _meaningful_on_line(tokens, tokens[rival.position].line)[0] is tokens[rival.position]
                and not _on_side_line(tokens, candidate.position) and not _heading_word(tokens, rival.position)):
            return rival
    return None


_SYMBOL_RULES = {EXPLICIT: "pair with its quote", LABELLED: "coin label", NAMED: "ticker beside a side word",
                 HASHTAG: "hashtag", 0: "capitalised ticker heading the side line"}


def _provenance(candidate, words_side, level_side, levels: _Levels, segments: list[Segment], tokens: list[Token],
                leverage, market, assumed: list[str], stops: list[Decimal]) -> tuple[tuple[str, str], ...]:
    """(field, rule) for every field an `open` sets: the label text that carried the numbers, or the rule used."""
    def label(segs: list[Segment]) -> str:
        return "label " + repr(segs[0].label.text) if segs and segs[0].label is not None else "unlabelled"

    out: list[tuple[str, str]] = []
    symbol_doubt = next((a for a in assumed if a.startswith("symbol: ")), None)
    if candidate is not None:
        out.append(("symbol", "weak: " + symbol_doubt if symbol_doubt else _SYMBOL_RULES.get(candidate.rank, "ticker")))
    side_doubt = next((a for a in assumed if a.startswith("side: ")), None)
    if words_side is not None or level_side is not None:
        out.append(("side", "weak: " + side_doubt if side_doubt
                    else "side word" if words_side is not None else "levels (targets/stop relative to entry)"))
    weak_entry = next((a for a in assumed if "entry" in a and not a.startswith(("symbol: ", "side: ", "targets: ", "stop: "))
                       or a.startswith("entries: ")), None)
    if weak_entry:
        out.append(("entries", "weak: " + weak_entry))
    elif levels.entries:
        out.append(("entries", label(levels.entry_segments)))
    elif levels.entry_segments:
        out.append(("entries", "market word " + label(levels.entry_segments)))
    target_segments = [s for s in segments if any(t in s.tokens for t in levels.targets)]
    arrow = next((a for a in assumed if a.startswith("targets: ")), None)
    if levels.targets or arrow:
        out.append(("targets", "weak: " + arrow if arrow else label(target_segments)))
    if stops:
        stop_segments = [s for s in levels.stop_segments if s.numbers]
        rule = label(stop_segments)
        if len(set(stops)) > 1 and max(stops) > min(stops) * Decimal("1.5"):
            rule = "weak: alternative stops far apart from each other (one may not be a price)"
        elif (weak_stop := next((a for a in assumed if a.startswith("stop: ")), None)) is not None:
            rule = "weak: " + weak_stop
        elif len(set(stops)) > 1:
            rule += ("; hard stop beside a candle-close condition" if _closes_on_candle(levels)
                     else "; tighter of alternative stops")
        out.append(("stop_loss", rule))
    if leverage is not None:
        out.append(("leverage", "leverage mark or label"))
    if market is not None:
        out.append(("market", "market word, leverage or quote"))
    return tuple(out)


# "No stop loss, manage your risk", "Stop-loss: None": the post says there is no stop.
_NO_STOP = re.compile(r"(?<!\w)(?:no|none|without|n/?a|nil|без|нет|yok|sin|sem|kein\w*|aucun\w*|pas\s+de|nessun\w*|"
                      # (session 27, heldout27) nl "Geen stop, lange termijn", ro "fără stop", it "senza stop"
                      r"brak|kh[ôo]ng|tanpa|geen|f[ăa]r[ăa]|senza|بدون|لا)(?!\w)|无|없음|なし", re.IGNORECASE)


# Words that make a short post about a stop or a target a plan or a question, not a report of one
_NOT_A_REPORT = re.compile(r"(?<!\w)(?:if|when|will|would|set|place|put|use|add|where|should|could|wait|soon|later|"
                           r"coming|tomorrow|next|new|move|moved|no|not|never|without|don'?t|vip|join|channel|subscribe|"
                           r"если|когда|будет|si|cuando|wenn|jika|nếu|اگر|إذا|"
                           # ("Re-entering #LINK, same SL ✅", "#SOL SL unchanged ✅", tl "SL pareho", hi "SL wahi", nl "SL
                           # hetzelfde", ro "SL neschimbat"): the stop said as it was — kept, never reached
                           r"same|unchanged|stays|remains|intact|untouched|re-?enter\w*|re-?entry|pareho|wahi|wohi|"
                           r"hetzelfde|zelfde|ongewijzigd|neschimbat|acela[șs]i)(?!\w)|\?|？|؟", re.IGNORECASE)


# What marks a short post as a report of something that happened: a tick, a cross, a stop or target sign, a face, or
# a signed percentage ("#OP SL vurdu ❌", "#SEI target kelar ✅", "#LINK stop-loss scattato -3%"); without one, "#BTC
# SL hunters everywhere today" and "#XRP SL tight today" are talk about stops, never a stop-out
_REPORT_MARK = re.compile("[\u2705\u2714\u2611\u274c\u2716\U0001f6d1\u26d4\U0001f3af\U0001f525\U0001f680\U0001f4b0"
                          "\U0001f4b5\U0001f622\U0001f614\U0001f62d\U0001f972\U0001f494\U0001f389\U0001f973\U0001f44f]"
                          r"|(?<![\w.,])[+-]\s?\d+(?:[.,]\d+)?\s?%")


def _short_level_report(tokens: list[Token], clean: str, text: str) -> Field | None:
    """A short post (at most eight words) with the coin, no price, a report mark (`_REPORT_MARK`) and the words of
    exactly one exit field (stop or target), that is no plan or question: the report that this level was reached."""
    if not _REPORT_MARK.search(text):
        return None
    # (a row number right after a target word, "TP 2 zrobione", is no price)
    if any(t.kind == Kind.NUM and not (t.text.isdigit() and len(t.text) <= 2 and i and tokens[i - 1].kind == Kind.LABEL
                                       and tokens[i - 1].field == Field.TARGETS) for i, t in enumerate(tokens)) \
            or _NOT_A_REPORT.search(clean):
        return None
    fields = {t.field for t in tokens if t.kind == Kind.LABEL} - {Field.LONG, Field.SHORT, Field.SYMBOL}
    words = [t for t in tokens if t.kind in (Kind.WORD, Kind.LABEL)]
    if len(fields) != 1 or len(words) > 8 or not any(t.kind in (Kind.TAG, Kind.PAIR) for t in tokens):
        return None
    field = next(iter(fields))
    return field if field in (Field.STOP, Field.TARGETS) else None


_PATTERN_BY_ACTION = dict(UPDATE_PATTERNS)
_PARTIAL_CLOSE_PATTERN = _PATTERN_BY_ACTION[UpdateAction.PARTIAL_CLOSE]
_PARTIAL_REPORT = re.compile(r"(?<!\w)(?:closed|closing|booked|took|taken|secured|sold|realized)\s+\d{1,2}\s*%|"
                             r"(?<![\d.,])\d{1,2}\s*%\s+(?:closed|booked|taken|secured|sold|realized)(?!\w)")
# ("… Move SL to entry 🔒 / ——— / Join VIP 👉 t.me/…"): a relay's footer under a rule line — its advert is the channel's,
# not the post's
_FOOTER_RULE = re.compile(r"\n[ \t]*[—–─━_=~*•\-]{3,}[ \t]*(?=\n)")
# ("📸 Screenshot from a member: closed #PEPE long at +240%"): a member's own close shown — not the channel's, unless the
# post also closes on its own lines ("Close #SOL now ⚠️ / Screenshot from a member: closed #ETH +40%")
# ("closed yesterday", "sold 2 days ago", "exited last week", "cerrado ayer", "закрыли вчера"): a close done days before
_CLOSED_BEFORE = re.compile(r"(?<!\w)(?:closed|exited|sold|booked|taken|cerrad[oa]|cerramos|fechad[oa]|fechamos|закрыли|закрыт\w*|"
                            r"kapat(?:tık|ıldı))\s+(?:it\s+|out\s+)?(?:yesterday|last\s+(?:week|night|month)|the\s+other\s+day|"
                            r"(?:\d+|two|three|a\s+few|few)\s+(?:days?|weeks?)\s+ago|ayer|ontem|вчера|dün)(?!\w)")
# A profit card or screenshot ("PnL card", "ROI screenshot", "P&L screen", "tarjeta de PnL", "скрин профита")
# ("Coin: OP", "Pair: ARB/USDT", "Symbol: #SOL", "Монета: ETH", "币种: BTC"): a field naming the coin of the block under it
_COIN_FIELD = re.compile(r"(?:^|\n|\s/{1,2}\s|\|)[^\w\n]*(?:coin|pair|symbol|asset|ticker|token|монета|пара|moneda|moeda|"
                         r"par|activo|ativo|币种|코인|종목)\s*[:：=\-–]\s*[#$]?([a-z0-9]{2,15})(?:\s*/?\s*usdt)?(?![\w/])",
                         re.IGNORECASE)


def _field_block_coins(clean: str, candidates: list[SymbolCandidate]) -> set[str]:
    """The coins the post's coin fields name, each heading a block of its own ("Coin: OP / Result: … / Coin: ARB / …")."""
    if ":" not in clean and "：" not in clean and "=" not in clean:
        return set()
    bases = {c.base for c in candidates}
    return {found.group(1).upper() for found in _COIN_FIELD.finditer(clean) if found.group(1).upper() in bases}


# ("#SOL long 142.6 ➡️ 151.3", "ETH short from 3,420 → 3,180", "#DOGE long 0.381 -> 0.415"): a side, then one price to another
# — a trade's entry to its exit (read in the post as written: the arrow emoji is dropped from the clean text)
_RESULT_ARROW = re.compile(r"(?<!\w)(?:long|short)\s+(?:from\s+|@\s*|at\s+)?\$?\d[\d.,]*\s*(?:→|➡️?|->|=>|⟶|➜|⇒|to)\s*\$?\d[\d.,]*")
# (session 25, casualstatus25) an app's shared card ("Osprey PnL Card", "Bybit P&L card", "ROI card", "shared by @x",
# "shared via penguin.app"), its exit field ("Exit 19.62", "→ Exit 19.62", "Exit Price 3,301.7", "Close price: 3,601") and
# a copy-trading notice it is not ("Lead trader closed a position", "your copy position", "all copiers")
_SHARED_PNL_CARD = re.compile(r"(?<!\w)(?:(?:pnl|p\s*&\s*l|roi|roe)\s+card|shared\s+(?:by|via|from|on)|(?:pnl|p\s*&\s*l)\s+share)(?!\w)")
_EXIT_FIELD = re.compile(r"(?<!\w)(?:exit|close|closing)(?:\s+price)?[ \t]*[:=]?[ \t]*\$?\d[\d.,]*")
_COPY_TRADING_NOTICE = re.compile(r"(?<!\w)(?:lead\s+trader|copiers?|copy\s+(?:position|trading|trade)s?|copytrad\w*)(?!\w)")
# ("Another one from VIP", "Screenshot sent by a member", "another win", "result:"): a result shown as a result
_SHOWN_RESULT = re.compile(r"(?<!\w)(?:another\s+(?:one|win|banger|winner)|screenshot|results?\s*:|proof)(?!\w)")
_PNL_CARD = re.compile(r"(?<!\w)(?:(?:pnl|p\s*&\s*l|roi|roe|profit|result)\s+(?:card|screenshot|screen|shot|image|pic)|"
                       r"(?:card|screenshot|screen|captura|скрин\w*)\s+(?:de\s+|do\s+|da\s+)?(?:pnl|p\s*&\s*l|roi|profit\w*|"
                       r"профит\w*|прибыл\w*))(?!\w)")
_MEMBER_SCREENSHOT = re.compile(r"(?:^|\n)[^\w\n]*(?:\w+[^\w\n]+){0,2}?(?:screenshot\s+(?:from|of|by)\s+(?:a\s+|one\s+of\s+our\s+|our\s+)?members?|"
                                r"members?'?s?\s+screenshot)\W[^\n]{0,40}?(?:closed|booked|banked|made|took|sold)(?!\w)[^\n]*")
_OTHERS_RESULT = re.compile(r"(?<!\w)(?:members|subscribers|students|clients|followers|our\s+(?:vip|premium)\s+(?:group|room|channel)|"
                            # "Nuestro alumno Carlos cerró #BTC", "Результат нашего VIP-канала: #ETH … закрыт"
                            r"(?:nuestr[oa]s?|nosso|nossa|notre|nos|unser\w*|nostr[oi]|nasz\w*|наш\w*)\s+(?:alumn[oa]s?|alun[oa]s?|"
                            r"[ée]l[èe]ves?|sch[üu]ler\w*|student\w*|ученик\w*|участник\w*|подписчик\w*|miembros?|membros?)(?:\s+\w+)?\s+\w+|"
                            r"результат\w*\s+нашего\s+(?:vip|вип|премиум|приватн\w*)|"
                            # ("#SHIB whale sold 50% of his bag"): someone else's trade
                            r"(?:a\s+|one\s+)?whales?|traders|investors|insiders|funds?|retail|someone|somebody)"
                            r"\s+(?:\w+\s+)?(?:closed|booked|banked|made|took|secured|caught|hit|sold|dumped|bought|added)(?!\w)")
# A member's result shown ("📸 member results 🔥 / @joao_trader made +$1,240 on our SOL call", "Client wins: @ana banked
# 38% on #ETH", "Resultados de los miembros", "@ivan заработал 500$ на нашем сигнале"): what a reader did with a call
# — no status of the follower's trade ("we made +40% on our SOL call" is the channel's own, not matched)
_MEMBER_RESULT = re.compile(
    r"(?<!\w)(?:members?'?s?|clients?'?s?|students?'?s?|subscribers?'?s?|community|followers?'?s?)\s+(?:results?|wins?|"
    r"profits?|gains?|pnls?|screens?)(?!\w)|(?:results?|wins?|profits?)\s+(?:from|of|by)\s+(?:our\s+)?(?:members|clients|"
    r"students|subscribers|community)(?!\w)|resultados?\s+d[eo]s?\s+(?:l[oa]s\s+|nuestr[oa]s\s+|nossos\s+)?(?:miembros|"
    r"membros|alumnos|alunos)|результат\w*\s+(?:наших\s+)?(?:подписчик|участник|учени)\w*|"
    r"(?<![\w@])@\w{3,}\s+(?:just\s+|also\s+)?(?:made|banked|earned|netted|pocketed|printed|bagged|booked|secured|took|caught|"
    r"closed|заработал\w*|ganh?ou|gan[óo]|kazand[ıi])\s+(?:a\s+|an?\s+extra\s+)?[+]?[$€£]?\s?\d",
    re.IGNORECASE)
# ("Member results 🔥 / @ana closed #ETH at TP3 +40%", "@mike just sold his #SOL"): a person's handle heading the close —
# their trade (the normalised text drops the handle and would read "closed #ETH" as the channel's; a bot's handle,
# "@ApexVIP_bot closed #ETH", reports the call's own trade)
_PERSON_HANDLE_THEN = r"(?<![\w@])@(?!\w*bot(?!\w))\w{3,}\s+(?:just\s+|also\s+)?"
_HANDLE_CLOSED = re.compile(_PERSON_HANDLE_THEN + r"(?:closed|sold|exited|cashed\s+out|took\s+profits?|booked|banked|"
                            r"got\s+stopped)(?!\w)", re.IGNORECASE)
# ("@lena closed her #DOT long", "@raj sold his bag", "@team_x closed their short"): the trade closed is the person's own
_THEIR_TRADE = re.compile(r"(?<![\w@])@\w{3,}\s+(?:just\s+|also\s+)?(?:closed|sold|exited|cashed\s+out|booked|banked)\s+"
                          r"(?:his|her|their)(?!\w)", re.IGNORECASE)
# ("@mike took half here on #TIA", "@john just moved his stop to entry"): a person's handle heading a change — theirs
_HANDLE_CHANGED = re.compile(_PERSON_HANDLE_THEN + r"(?:closed|took|sold|booked|banked|secured|trimmed|moved|exited|cut|"
                             r"added|scaled)(?!\w)", re.IGNORECASE)
# The pieces of a post a member's result and the channel's own status are told in ("@john made +$1,240 on our SOL call 🔥
# we're closing the rest of #SOL now", "Member results: @ana +$800 on #ETH. #ETH still open")
_MEMBER_PIECES = re.compile(r"[.!?;]+(?:\s+|$)|,\s+|\n|\s[—–-]\s|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2705]+")
_OWN_SUBJECT = re.compile(r"[#$][a-z0-9]{2,15}(?!\w)|(?<!\w)(?:we|we'?re|our|us)(?!\w)")


def _own_status_beside_members(text: str, coin_names: frozenset[str]) -> bool:
    """Beside the members' results, the post gives the channel's own status of a coin it names or of "our" trade ("@john
    made +$1,240 on our SOL call 🔥 we're closing the rest of #SOL now", "@SOLwhale made +$2k on our #ETH call, #ETH
    closed ✅"): the pieces naming a member or a result of theirs left out, a close or a change stays. (With no @handle,
    a heading "Client wins 🏆 #AVAX closed +22%" covers the whole post: the members'.)"""
    if "@" not in text:
        return False
    rest = ". ".join(piece.strip() for piece in _MEMBER_PIECES.split(text.lower())
                     if piece and piece.strip() and "@" not in piece and not _MEMBER_RESULT.search(piece)
                     and not _OTHERS_RESULT.search(piece))
    if not _OWN_SUBJECT.search(rest):
        return False
    return is_close(rest, coin_names) or update_action(rest) is not None


_ADVERT = re.compile(r"(?<!\w)(?:join\s+(?:our\s+)?(?:vip|premium|us|now|the\s+(?:vip|premium))|want\s+the\s+next|subscribe|"
                     r"link\s+in\s+(?:bio|description)|(?:dm|message)\s+(?:me|us|@\w+)\s+(?:to|for)\s+(?:join|access|vip)|"
                     # "Únete ahora, plazas limitadas", "Junte-se ao VIP", "Rejoignez le VIP", "Присоединяйтесь", "VIP'e katıl"
                     r"limited\s+(?:spots|seats|slots|places)|[úu]nete|[úu]nase|plazas\s+limitadas|cupos\s+limitados|junte-se|"
                     r"vagas\s+limitadas|rejoign\w*|places\s+limit[ée]es|tritt\s+\w*\s*bei|jetzt\s+beitreten|unisciti|posti\s+limitati|"
                     r"do[łl][aą]cz\w*|присоединя\w*|вступа\w*|места\s+ограничены|katıl(?:ın|in)?|kontenjan\w*|bergabung(?:lah)?|"
                     r"tham\s+gia|انضم\w*|بپیوندید|عضو\s+شوید|"
                     # "¡Inscríbete hoy!", "Хочешь так же? Пиши @vip_admin", "Want the same? DM @admin"
                     r"inscr[íi]bete|inscr[íi]base|reg[íi]strate|inscreva-se|inscrivez-vous|iscriviti|zapisz\s+si[eę]|"
                     r"записывайся|записывайтесь|kaydol\w*|sign\s+up|хочешь\s+так\s+же|хотите\s+так\s+же|"
                     r"(?:пиши|напиши|пишите|напишите|write\s+to|dm|escr[íi]beme|escribe\s+a|fale\s+com)\s+@\w+|"
                     # "(VIP) — subscription 50% off", "in VIP yesterday. Free channel gets…", "VIP result:", "в платном канале"
                     # ("took 25% off the table", "taking 30% off here", "taking another 30% off"): a part of a position
                     # taken, no discount
                     r"subscription|subscribe\w*|(?<!took\s)(?<!take\s)(?<!takes\s)(?<!taking\s)(?<!taken\s)"
                     r"(?<!another\s)(?<!further\s)"
                     r"\d{1,2}\s*%\s+off(?!\s+(?:the\s+table|here|now|at|from|of)(?!\w))|discount|free\s+channel|(?:in|from)\s+(?:the\s+|our\s+)?vip|"
                     r"vip\s+results?|платн\w+\s+канал\w*|в\s+(?:вип|vip)|"
                     # (session 26, bots26) "🔥 ONLY 7 SLOTS LEFT", "DM @admin to join" (the handle read out), "1 month $79 ·
                     # lifetime $499", "quedan 5 plazas", "restam 5 vagas", "осталось 5 мест", "nur noch 5 Plätze"
                     r"(?:only\s+)?\d{1,3}\s+(?:slots?|spots?|seats?|places?)\s+(?:left|remaining)|"
                     r"(?:dm|message|contact|text|write)\s+(?:@\w+\s+|us\s+|me\s+|the\s+admin\s+)?to\s+(?:join|subscribe|get\s+access)|"
                     r"\d{1,2}\s+(?:months?|weeks?|mo)\s*[:=—-]?\s*\$\s?\d{1,5}|lifetime\s*[:=—-]?\s*\$\s?\d{1,5}|"
                     r"quedan\s+\d{1,3}\s+(?:plazas|cupos|lugares)|restam\s+\d{1,3}\s+vagas|осталось\s+\d{1,3}\s+мест\w*|"
                     r"nur\s+noch\s+\d{1,3}\s+pl[äa]tze|plus\s+que\s+\d{1,3}\s+places|ultimi\s+\d{1,3}\s+posti|"
                     r"son\s+\d{1,3}\s+ki[şs]ilik)(?!\w)|付费群|付费频道|"
                     r"加入(?:会员|VIP|vip|我们)|参加(?:する|して)|가입하")
# A subscription being sold or renewed: "Renew via @support", "renewal reminder", "subs expire in 3 days", "don't lose
# access", "your membership ends Friday", "lifetime access", "renueva tu suscripción", "продлите подписку"
_SUBSCRIPTION_PROMO = re.compile(
    r"(?<!\w)(?:renewals?|renew\s+(?:now|today|via|here|your|the|at|with|before|through|on)|"
    r"(?:subs|subscriptions?|memberships?|access|plans?)\s+(?:\w+\s+){0,4}?(?:expir\w*|ends?|ending|runs?\s+out)|"
    r"(?:lose|keep)\s+(?:your\s+)?(?:vip\s+)?access|(?:lifetime|monthly|yearly|annual)\s+(?:access|plan|membership|"
    r"subscription)|renueva\w*|renova\w*|suscripci[óo]n|assinatura|продл\w+\s+подписк\w*|подписк\w+\s+(?:истека\w*|заканчива\w*))(?!\w)",
    re.IGNORECASE)
_LIQUIDATED = re.compile(r"(?<!\w)(?:liquidated|ликвидирова\w*|likide\s+ol\w*|liquidad[oa]|liquid[ée]e?|liquidiert|"
                         r"liquidat[oa]|zlikwidowan\w*|b[ịi]\s+thanh\s+l[ýy]|terlikuidasi)(?!\w)|爆仓|강제\s*청산|强制ロスカット")
_OTHERS_POSITIONS = re.compile(r"(?<!\w)(?:longs|shorts|traders|whales?|positions|лонгист\w*|шортист\w*|on\s+binance|"
                               r"in\s+the\s+last|market|"
                               # ("Bro's #PEPE position got liquidated", "A follower's #DOGE position", "from a member's
                               # screenshot", "his #SUI long", "don't be him", "у друга", "mi amigo"): another person's trade
                               r"(?:bro|brother|sis|sister|friend|follower|member|subscriber|user|guy|dude|buddy|mate|cousin|"
                               r"colleague|client|student|trader|someone|somebody|anon|neighbou?r|wife|husband|dad|uncle|boss)"
                               r"(?:'s|’s|s'|s’)|(?:his|her|their)\s+(?:[#$]?\w+\s+){0,2}(?:position|long|short|trade|account|bag)s?|"
                               r"don'?t\s+be\s+(?:him|her|them|that\s+guy)|"
                               r"у\s+(?:моего\s+|нашего\s+|одного\s+)?(?:друга|подписчика|знакомого|товарища)|"
                               r"(?:de\s+)?(?:mi|un|una|meu|minha|um|uma)\s+(?:amig[oa]|seguidor[a]?|miembro|membro|suscriptor)|"
                               r"arkada[şs]\w*|"
                               # ("someone on bybit just got liquidated on a 40M ETH long", "alguien fue liquidado en su
                               # long de #ETH", "кого-то ликвидировали по #ETH", "有人爆仓了 #ETH"): a stranger the
                               # liquidation befell — what another suffered closes nothing of ours
                               r"(?:someone|somebody|some\s+(?:guy|trader|whale|dude|poor\s+soul)|a\s+(?:guy|trader|whale|user)|"
                               r"one\s+(?:guy|trader|whale)|alguien|algu[ée]m|кто-то|кого-то|кому-то|biri(?:si)?|"
                               r"quelqu'un|jemand|qualcuno|seseorang|ada\s+yang|ai\s+[đd][óo]|有人|누군가|谁か)"
                               r"(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,40}?(?:liquidat\w*|liquidad\w*|liquid[ée]\w*|liquidiert|"
                               r"ликвидир\w*|likide|terlikuidasi|thanh\s+l[ýy]|爆仓\w*|청산\w*|ロスカット\w*|rekt))(?!\w)")
# ("SL for #TRX: 0.2398", "Stop für #TRX 0.2398": a preposition between the exit word and the coin)
_RESTATED_FILLERS = frozenset(["now", "to", "at", "new", "for", "on", "para", "für", "fur", "pour", "per", "dla", "için",
                               "icin", "для", "по", "untuk", "cho"])


def _bare_level_restated(tokens: list[Token]) -> tuple[Field, Decimal] | None:
    """The post is only a coin, one stop or target word and one price (a "now", "to" or an arrow aside)."""
    meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX)
                  and not (t.kind == Kind.WORD and t.text.lower() in _RESTATED_FILLERS)]
    if len(meaningful) != 3:
        return None
    labels = [t for t in meaningful if t.kind == Kind.LABEL and t.field in (Field.STOP, Field.TARGETS)]
    numbers = [t for t in meaningful if t.kind == Kind.NUM]
    if len(labels) != 1 or len(numbers) != 1 or not any(t.kind in (Kind.TAG, Kind.PAIR) for t in meaningful) \
            or meaningful.index(numbers[0]) < meaningful.index(labels[0]):
        return None
    return labels[0].field, numbers[0].value


_ORDINAL_WORD = re.compile(r"第|[一二三四五六七八九十]|first|second|third|fourth|fifth|\d(?:st|nd|rd|th)", re.IGNORECASE)


def _lone_level(tokens: list[Token], text: str) -> tuple[Field, Decimal] | None:
    """The post is only one stop or target label (an ordinal aside) and one price after it ("止损: 0.398",
    "第一止盈: 0.179")."""
    if "\n" in text.strip() or len(text.split()) > 4:
        return None
    meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX)
                  and not (t.kind == Kind.WORD and _ORDINAL_WORD.fullmatch(t.text))]
    if len(meaningful) == 2 and meaningful[0].kind == Kind.LABEL and meaningful[0].field in (Field.STOP, Field.TARGETS) \
            and meaningful[1].kind == Kind.NUM:
        return meaningful[0].field, meaningful[1].value
    return None


# "all targets", "tüm hedefler", "hết TP", "全部止盈", "semua TP", "alle Ziele": every target of a call
_ALL_TARGETS = re.compile(
    r"(?<!\w)(?:all\s+(?:the\s+|our\s+|its\s+)?(?:take[\s-]*profit\s+)?(?:targets|tps|take[\s-]*profits)|"
    r"t[üu]m\s+(?:k[âa]r\s+alma\s+)?(?:hedef\w*|tp\w*)|(?:h[ếe]t|t[ấa]t\s+c[ảa])\s+(?:c[áa]c\s+)?(?:tps?|m[ụu]c\s+ti[êe]u)|"
    r"(?:semua|seluruh)\s+(?:tps?|targets?|sasaran)|alle\s+(?:ziele|tps?|targets)|"
    r"tod[oa]s\s+(?:los\s+|os\s+)?(?:objetivos|alvos|tps?|targets)|tous\s+les\s+(?:objectifs|tps?)|"
    r"tutti\s+(?:gli\s+)?(?:obiettivi|target|tp)|wszystkie\s+(?:cele|tp)|"
    r"(?:все|всех)\s+(?:цел\w*|тейк\w*)|جميع\s+(?:ال)?[أا]هداف|همه\s+(?:تارگت|اهداف)\w*)(?!\w)|"
    r"全部(?:止盈|目标|达成)|所有目标|모든\s*(?:목표|익절)|全(?:ての)?(?:ターゲット|利确)")
# A line heading a fresh card under a recap or a boast ("🚨 NEW SIGNAL 🚨", "New one:", "Next one 👇", "Next: #SOL LONG",
# "Новый сигнал:")
_NEW_CARD_HEAD = re.compile(
    r"^[^\w\n]*(?:new\s+(?:signal|one|trade|call|setup)|next\s+(?:one|signal|trade|call|setup)|next(?=\s*:)|новый\s+сигнал|"
    r"новая\s+сделка|yeni\s+sinyal|nueva\s+se[ñn]al|novo\s+sinal|neues\s+signal|nouveau\s+signal|nuovo\s+segnale|"
    r"sinyal\s+baru|t[íi]n\s+hi[ệe]u\s+m[ớo]i|nowy\s+sygna[łl]|новий\s+сигнал|إشارة\s+جديدة|سیگنال\s+جدید|新信号)(?!\w)",
    re.IGNORECASE | re.MULTILINE)
# The channel follows another trader's move ("Whale just opened … We follow:", "Кит открыл лонг — заходим за ним")
_WE_FOLLOW = re.compile(r"(?<!\w)(?:we\s+(?:follow|copy|join)|copy\s+now|join\s+me|заходим\s+за\s+ним\w*|"
                        r"повторяем|biz\s+de\s+giriyoruz|lo\s+seguimos)(?!\w)", re.IGNORECASE)
# ("这个我们不跟，仅供参考", "We're not following this one", "No la tomamos", "Bunu almıyoruz", "Мы это не берём",
# "Chúng tôi không theo kèo này", "Không phải kèo của team"): the channel says it does not take the call it shows (a
# forwarded call, someone else's) — "仅供参考" (for reference only) alone is a disclaimer under the channel's own call
_NOT_FOLLOWED = re.compile(
    r"(?<!\w)(?:(?:we|i)\s*(?:are|'re|am|'m)?\s+(?:not|don'?t|do\s+not|won'?t|will\s+not)\s+(?:be\s+)?"
    r"(?:follow(?:ing)?|tak(?:e|ing)|trad(?:e|ing)|enter(?:ing)?|play(?:ing)?|copy(?:ing)?)\s+(?:this|it|that)"
    r"(?:\s+(?:one|call|signal|trade|setup))?(?!\s+(?:with|at|on|above|below|in|beyond|if|until|yet|before|unless|"
    r"now|today|here)(?!\w))|not\s+our\s+(?:own\s+)?(?:call|signal|trade|setup)|"
    r"no\s+(?:la|lo)\s+(?:tomamos|seguimos|operamos)|no\s+es\s+nuestr[ao]\s+(?:se[ñn]al|operaci[óo]n|llamada)|"
    r"n[ãa]o\s+(?:vamos\s+)?(?:seguir|entrar|operar|pegar)\s+(?:nessa|nesse|essa|esse|isso)(?!\s+(?:se|acima|abaixo)(?!\w))|"
    r"n[ãa]o\s+[ée]\s+(?:o\s+)?nosso\s+sinal|"
    r"(?:bunu|bu\s+i[şs]lemi|bu\s+sinyali)\s+(?:biz\s+)?(?:alm[ıi]yoruz|takip\s+etmiyoruz|girmiyoruz|a[çc]m[ıi]yoruz)|"
    r"bizim\s+sinyalimiz\s+de[ğg]il|"
    r"(?:мы\s+)?(?:это|эту\s+сделку|этот\s+сигнал)\s+не\s+(?:бер[её]м|торгуем|повторяем|отрабатываем)|"
    r"мы\s+не\s+(?:бер[её]м|торгуем|повторяем)\s+(?:это|эту|этот)|чуж(?:ой|ая)\s+(?:сигнал|сделка)|"
    r"(?:ch[úu]ng\s+t[ôo]i|m[ìi]nh|team)\s+kh[ôo]ng\s+(?:theo|v[àa]o|đ[áa]nh)\s+(?:k[èe]o|l[ệe]nh)\s+n[àa]y|"
    r"kh[ôo]ng\s+ph[ảa]i\s+k[èe]o\s+c[ủu]a\s+(?:ch[úu]ng\s+t[ôo]i|m[ìi]nh|team)|"
    r"(?:wir\s+)?(?:nehmen|folgen|traden)\s+(?:wir\s+)?(?:diesen?|das|ihn|dem)(?:\s+(?:trade|signal|call))?\s+nicht|"
    r"nicht\s+unser\s+(?:signal|trade|call))(?!\w)|"
    r"(?:我们|本群|本频道|我)(?:这(?:个|单|笔))?不跟(?!风|进|涨|跌|上)|(?:这|此)(?:个|单|笔)(?:我们|本群)?不跟(?!风|进|涨|跌|上)|"
    r"(?:我们|本群)不(?:做|进|参与)(?:这|此)(?:个|单|笔)|不是我们的(?:信号|单|策略)|"
    r"(?:저희|우리)(?:는|가)?\s*(?:이\s*(?:건|거|포지션|시그널)\s*)?(?:따라가지|진입하지|들어가지)\s*않|"
    r"(?:私たち|我々|当チャンネル)は(?:この|これに)?(?:シグナル|トレード)?(?:に)?(?:は)?(?:エントリー|参加)しません",
    re.IGNORECASE)
# (session 25, casualstatus25) The author disowns the trade shown ("not my trade, not copying it", "idk im not touching
# it", "no es mi operación", "não é meu trade", "pas mon trade", "nicht mein Trade", "не моя сделка", "benim işlemim
# değil", "bukan trade saya", "không phải lệnh của tôi"): someone else's — read only on a line naming no other coin
# ("BTC: chopping, no edge, not touching it. / … Long SOL 186.5–189.0 …" disowns BTC, not the SOL call)
_NOT_MINE = re.compile(
    r"(?<!\w)(?:not\s+my\s+(?:own\s+)?(?:trade|call|signal|setup|position|entry)(?!\w)(?!\s+(?:size|plan|style|of\s+the)(?!\w))|"
    r"(?:(?:i'?m|i\s+am|we'?re|we\s+are|i|we)\s+)?(?:not|never|won'?t\s+be|ain'?t)\s+(?:copying|following|touching|taking|tailing|fading)\s+"
    r"(?:it|this|that|him|her|them)(?:\s+(?:one|call|signal|trade|setup))?(?!\s+(?:with|at|on|above|below|in|beyond|if|until|"
    r"till|til|yet|before|unless|now|today|here|for\s+now|again)(?!\w))|"
    r"no\s+es\s+mi\s+(?:operaci[óo]n|trade|se[ñn]al|entrada)|n[ãa]o\s+[ée]\s+(?:o\s+)?meu\s+(?:trade|sinal)|"
    r"n[ãa]o\s+[ée]\s+(?:a\s+)?minha\s+(?:opera[çc][ãa]o|entrada)|pas\s+mon\s+(?:trade|signal)|"
    r"nicht\s+mein(?:e)?\s+(?:trade|position|signal)|не\s+мо(?:я|й)\s+(?:сделка|сигнал|трейд|позиция)|"
    r"benim\s+(?:i[şs]lemim|pozisyonum|sinyalim)\s+de[ğg]il|bukan\s+(?:trade|posisi|entry|sinyal)\s+(?:saya|aku|gw|gue)|"
    r"kh[ôo]ng\s+ph[ảa]i\s+(?:l[ệe]nh|k[èe]o)\s+c[ủu]a\s+(?:t[ôo]i|m[ìi]nh|em))(?!\w)",
    re.IGNORECASE)


def _disowned_on_a_line_of_the_card(clean: str, candidates: list[SymbolCandidate], tokens: list[Token],
                                    coin: SymbolCandidate | None, skip: int = 0) -> str | None:
    """The words of `_NOT_MINE` on a line that names no coin but the card's (from line `skip`: a fresh card's scope)."""
    for n, line in enumerate(clean.split("\n")):
        said = _NOT_MINE.search(line) if n >= skip else None
        if said is None:
            continue
        if any(tokens[c.position].line == n and (coin is None or c.base != coin.base) for c in candidates):
            continue
        return said.group(0)
    return None


# ("Old levels were entry 1.85 …", "the levels were: buy 24.0", "Las entradas eran 1.85", "Уровни были 1.85")
_LEVELS_WERE = re.compile(r"(?<!\w)(?:(?:the|our|old|previous|original|earlier|prior|those)\s+)*(?:levels?|setup|plan)\s+"
                          r"(?:were|was)(?!\w)|(?<!\w)(?:los\s+)?niveles\s+eran|(?<!\w)уровни\s+были", re.IGNORECASE)
# ("Should we buy $OP at CMP?", "Shall I long #SOL here?", "Do we short this?", "Worth buying here?", "buy or not?"): a
# question whether to open, in one sentence
_ASKS_TO_OPEN = re.compile(r"(?<![^\n.!?:])[ \t]*(?:[#$]\w+[ \t]+)?(?:(?:should|shall|do|can|could|would)\s+(?:we|i|you|u)\s+(?:\w+\s+)?"
                           r"(?:buy|long|short|sell|enter|open|ape)|(?:is\s+it\s+)?worth\s+(?:buying|longing|shorting|entering)|"
                           r"(?:buy|long|short)\s+or\s+(?:not|wait|sell|short|long))(?!\w)[^\n.!?]{0,60}[?？]|"
                           # (session 27, cards27: "скинули из канала, стоит ли входить?" — is it worth entering? — anywhere
                           # in a sentence, as Russian asks it after a comma)
                           r"(?<!\w)стоит\s+(?:ли\s+)?(?:заходить|входить|зайти|войти|брать|покупать|лонговать|шортить)(?!\w)[^\n.!?]{0,60}[?？]",
                           re.IGNORECASE)
# ("Position sizing 101: entry 100, stop 95 = 5% move …", "Leverage 101 — …", "Stop-loss 101"): a lesson headed "<topic>
# 101" opens the post — its levels are a worked example, no call
_LESSON_101 = re.compile(r"^\W*(?:[a-z'&/-]+[ \t]+){0,3}?(?:sizing|management|leverage|risk|trading|stop[ \t-]*loss(?:es)?|stops|"
                         r"futures|margin|liquidations?|crypto|charting|scalping|psychology|basics|dca|orders?|entries|"
                         r"targets|r:?r)[ \t]+101[ \t]*(?:[:—–-]|\n|$)", re.IGNORECASE)
# ("If #BTC reclaims 70k on the daily, we'll long the retest — … Until then, nothing.", "Hasta entonces, nada", "До тех
# пор ничего не делаем", "O zamana kadar işlem yok", "在此之前观望"): the levels are a plan that waits — nothing is entered
# now ("until then nothing to do, let it run" beside a live call is a hold)
_NOTHING_UNTIL = re.compile(
    r"(?<!\w)(?:until\s+then|till\s+then|until\s+that\s+happens|before\s+that)\W+(?:nothing(?!\s+(?:to\s+do|else|more|changes))|"
    r"no\s+(?:trades?|entry|position)|we\s+(?:wait|stay\s+(?:flat|out|in\s+cash)|sit\s+(?:out|on\s+our\s+hands))|"
    r"(?:we'?re\s+|stay\s+)?(?:flat|on\s+the\s+sidelines|in\s+cash))(?!\w)|"
    r"hasta\s+entonces\W+(?:nada|no\s+entramos|esperamos)|at[ée]\s+l[áa]\W+(?:nada|n[ãa]o\s+entramos|esperamos)|"
    r"до\s+тех\s+пор\W+(?:ничего|не\s+входим|ждём|ждем)|o\s+zamana\s+kadar\W+(?:hi[çc]bir\s+[şs]ey|i[şs]lem\s+yok|bekliyoruz)|"
    r"tr[ưu][ớo]c\s+đ[óo]\W+(?:kh[ôo]ng\s+l[àa]m\s+g[ìi]|đ[ứu]ng\s+ngo[àa]i)|(?:在此之前|在那之前)(?:不动|观望|不操作|空仓)",
    re.IGNORECASE)
# ("Binance Futures · ETHUSDT Perpetual · Short 20x / Entry 3,498.2 · Mark 3,401.7 · ROE +55.2% / Member's screenshot
# from Tuesday's call", "Скрин от подписчика", "Captura de un miembro", "会员截图"): a member's PnL shown — a result, no call
_MEMBER_PNL = re.compile(
    r"(?<!\w)(?:(?:member'?s?|members'|client'?s?|student'?s?)\s+screenshots?|screenshots?\s+(?:from|by|of)\s+(?:a\s+|our\s+|one\s+of\s+our\s+)?"
    r"(?:members?|clients?|students?|subscribers?)|mark(?:\s+price)?\s*[:=]?\s*\$?\d[\d.,]*\W+(?:roe|pnl)\s*[:=]?\s*[+-]\s*\d[\d.,]*|"
    r"скрин\w*\s+(?:от\s+)?(?:подписчик\w*|участник\w*|учени\w*)|captura\s+de\s+(?:un\s+|una\s+)?(?:miembro|alumn[oa]|suscriptor)|"
    r"print\s+de\s+(?:um\s+)?(?:membro|aluno)|[üu]ye(?:mizin|nin)?\s+ekran\s+g[öo]r[üu]nt[üu]s[üu]|"
    r"[ảa]nh\s+(?:ch[ụu]p\s+)?(?:c[ủu]a\s+)?(?:th[àa]nh\s+vi[êe]n|member))(?!\w)|(?:会员|学员|群友)(?:的)?(?:截图|晒单)",
    re.IGNORECASE)
# (session 24) "No close, no trade", "no break = no entry": the card's condition said as a rule (lexicon WATCH_ONLY_RE's form)
_NO_EVENT_NO_TRADE = re.compile(r"no\s+(?:sweep|close|break(?:out)?|reclaim|retest|confirmation|trigger|flip)\s*(?:=|==|means|→|->|,)\s*"
                                r"no\s+(?:trade|entry|position)", re.IGNORECASE)
# (session 24) a card's own row for its condition: "Rule: …", "Condition: …", "Условие: …", "Regla: …"
_CONDITION_ROW = re.compile(r"[^\w\n]*(?:rules?|conditions?|условие|правило|regla|condici[óo]n|condi[çc][ãa]o|regra|bedingung|regel|"
                            r"ko[şs]ul|kural|条件|规则)(?:[ \t]*[:=]|[ \t]{2,})", re.IGNORECASE)
# (session 24) "if it doesn't, skip this one", "if not, skip it", "otherwise skip": a skip only if a condition fails
_SKIP_IF_NOT = re.compile(r"(?:if\s+(?:it|that|this|they|btc|we|price)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not|fails?|isn'?t|won'?t)|"
                          r"if\s+not|otherwise|or\s+else)\W{1,4}(?:we\s+|just\s+)?skip(?!\w)", re.IGNORECASE)
# (session 24) An exchange app's shared position: its mark price line ("Mark Price 3,302.10", "Precio de marca", "Preço de
# marcação", "Цена маркировки", "标记价格", "İşaret fiyatı") and its signed return ("ROI +312.45%", "ROE -12%", "PnL +85 USDT",
# "收益率 +40%", "Доходность +40%")
_SHARED_POSITION_MARK = re.compile(r"(?:^|\n)[^\w\n]*(?:mark(?:\s+price)?|precio\s+de\s+marca|pre[çc]o\s+de\s+marca[çc][ãa]o|"
                                   r"цена\s+маркировки|标记价格?|i[şs]aret\s+fiyat[ıi])\s*[:=]?\s*\$?\d", re.IGNORECASE)
_SHARED_POSITION_RETURN = re.compile(r"(?<!\w)(?:roi|roe|(?:unreali[sz]ed\s+)?pnl|p\s*&\s*l|收益率?|доходность)\s*[:=]?\s*[+-]\s*\d",
                                     re.IGNORECASE)
# (session 25, casualstatus25) The exit of a finished trade written as a field beside its entry ("Entry 17.84 → Exit 19.62",
# "Exit Price 3,601", "Close price: 3,601", "Precio de salida", "Preço de saída", "Цена выхода", "Çıkış fiyatı", "Giá thoát",
# "平仓价格", "出场价"): with a signed return and no target or stop, the card of a trade already closed
_CLOSED_TRADE_EXIT = re.compile(
    r"(?:(?<!\w)(?:exit|closed?|closing|sold)(?:\s+(?:price|avg\.?|average))?|(?<!\w)avg\.?\s+(?:exit|close)(?:\s+price)?|"
    r"(?<!\w)(?:precio|pre[çc]o)\s+de\s+(?:salida|sa[íi]da|cierre|fechamento)|(?<!\w)prix\s+de\s+(?:sortie|cl[ôo]ture)|"
    r"(?<!\w)(?:цена\s+(?:выхода|закрытия))|(?<!\w)(?:[çc][ıi]k[ıi][şs]|kapan[ıi][şs])\s+fiyat[ıi]|"
    r"(?<!\w)gi[áa]\s+(?:tho[áa]t|[đd][óo]ng)|(?<!\w)ausstieg(?:spreis)?|平仓价格?|出场价格?|退出价格?)"
    r"\s*[:=]?\s*\$?\d", re.IGNORECASE)
# ("🔴 #SOL Short liquidation | 412,880 USD @ 187.44 | Bybit", "Liquidated Long $1.2M on #ETH at 3,412", "#BTC лонг
# ликвидация 2,3M$ по 61 200", "Long liquidado: 250K USD"): a liquidation feed's line — the side, the sum and the price of
# a stranger's position the exchange closed, no call
_LIQUIDATION_FEED = re.compile(
    r"(?<!\w)(?:(?:long|short)s?\s+liquidations?|liquidated\s+(?:long|short)s?|(?:лонг|шорт)\w*\s+ликвидаци\w*|"
    r"ликвидаци\w*\s+(?:лонг|шорт)\w*|(?:long|short)\s+liquidad[oa]s?|liquidaci[óo]n\s+(?:de\s+)?(?:long|short)s?|"
    r"(?:long|short)\s+likidasyon\w*)(?!\w)"
    r"(?=[^\n]*?(?:\$\s?\d|\d[\d.,]*\s*(?:[kmb]\b|usdt?\b|usd\b|\$|тыс|млн)))",
    re.IGNORECASE)
# ("昨天的 #ARB 信号", "昨日の #ARB", "어제 #ARB"): "yesterday" in the scripts written without spaces
_PAST_DAY_CJK = re.compile(r"昨天|昨日|前天|上周|어제|지난\s*주")
# ("our #INJ call from March is still open, TP3 hit"): the old call runs on — its status is a running trade's
_STILL_OPEN = re.compile(r"(?<!\w)still\s+(?:open|active|live|alive|valid|going)(?!\w)")
_MONTH_NAMES = (r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
                r"jun|jul|aug|sept?|oct|nov|dec")
# ("Throwback 🔙 our #INJ call from March: …", "Flashback to last month's $TIA long", "Remember our #SOL signal from
# August? …", "#TBT", "our #INJ call back in March"): a post looking back at a call of months or weeks ago
_LOOK_BACK = re.compile(
    r"(?<!\w)(?:throwback|flashback|#?tbt|remember\s+(?:our|the|this|that|when\s+we)|recuerdan|recuerdas|lembram|lembra|"
    r"помните)(?!\w)|"
    r"(?<!\w)(?:our|the|my|this|that)\s+(?:[#$]?[a-z0-9]{2,15}\s+)?(?:long\s+|short\s+)?(?:call|signal|trade|setup|pick)\s+"
    r"(?:from|back\s+in|in)\s+(?:(?:early|mid|late)\s+)?(?:" + _MONTH_NAMES + r"|last\s+(?:year|month|summer|winter|spring|fall|autumn)|"
    r"20\d\d|\d+\s+(?:weeks?|months?|years?)\s+ago)(?!\w)")
# ("All our trades today hit TP", "every signal this week hit TP1")
_EVERY_TRADE_RESULT = re.compile(r"(?<!\w)(?:all|every)\s+(?:of\s+)?(?:our|my|the|today'?s|this\s+week'?s)?\s*"
                                 r"(?:trades?|signals?|calls?|positions?|setups?)(?!\w)")
# ("Take profit and move SL to entry is the golden rule of trading", "Stop nach Einstand — goldene Regel"): a maxim
_MAXIM = re.compile(r"(?<!\w)(?:golden\s+rule|rule\s+of\s+thumb|(?:first|basic|main|number\s+one|#1)\s+rule\s+of|"
                    r"золот\w*\s+правил\w*|alt[ıi]n\s+kural\w*|regla\s+de\s+oro|regra\s+de\s+ouro|goldene\s+regel|"
                    r"r[èe]gle\s+d'or|regola\s+d'oro|z[łl]ot\w*\s+zasad\w*|quy\s+t[ắa]c\s+v[àa]ng|aturan\s+emas|"
                    r"(?:ال)?قاعدة\s+(?:ال)?ذهبية|قانون\s+طلایی)(?!\w)|黄金法则|황금\s*(?:률|법칙)")
# A channel's standing rule, not a change of one trade ("TP1 hit = SL to entry, always", "SL to BE after TP1 — every
# time", "We always move the stop to entry after TP1", "Rule: close half at TP1", "📌 READ BEFORE TRADING"); "SL to
# entry, as always" or "as we always do" is a change made now, the habit only its reason
# Session 26 (bots26): work on the channel's bot or servers — maintenance, downtime, an outage, "technical works" — in
# the channels' languages; and the delay of its posts that such a notice tells
_SERVICE_WORK = re.compile(
    r"(?<!\w)(?:(?:scheduled\s+|planned\s+|server\s+|bot\s+|system\s+)?maintenance|downtime|outage|"
    r"technical\s+(?:works?|issues?|problems?|break)|server\s+(?:upgrade|migration|restart|issues?)|"
    r"mantenimiento|manuten[çc][ãa]o|manutenzione|wartung\w*|wartungsarbeiten|bak[ıi]m\w*|"
    r"техническ\w+\s+(?:работ\w*|обслуживани\w*|перерыв\w*)|техобслуживани\w*|технічн\w+\s+(?:робот\w*|обслуговуванн\w*)|"
    r"przerw\w*\s+techniczn\w*|prace\s+techniczne|konserwacj\w*|pemeliharaan|perawatan\s+(?:sistem|server|bot)|"
    r"b[ảa]o\s+tr[ìi]|onderhoud|صيانة|تعمیرات|نگهداری\s+(?:سرور|ربات))(?!\w)|维护|维修|升级维护|メンテナンス|(?:서버|정기|시스템)\s*점검")
_SERVICE_DELAY = re.compile(
    r"(?<!\w)(?:(?:may|might|will|could|can)\s+(?:\w+\s+)?(?:arrive|come|be\s+(?:sent|posted))\s+(?:late|later|with\s+(?:a\s+)?delay)|"
    r"delay(?:s|ed)?|not\s+(?:be\s+)?affected|unaffected|(?:are|is)\s+safe|"
    r"retras\w*|atras\w*|ritard\w*|verz[öo]ger\w*|retard\w*|задерж\w*|затрим\w*|gecik\w*|op[óo][źz]ni\w*|"
    r"terlambat|tertunda|ch[ậa]m\s+tr[ễe]|تأخ\w*|تاخیر)(?!\w)|延迟|延误|遅延|遅れ|지연")
_SERVICE_SENTENCE_END = re.compile(r"(?<=[.!?;。！；])\s+|\n|\s[—–-]+\s")


def _only_service_talk(status_text: str) -> bool:
    """Whether the post orders nothing once its sentences about the bot's service work and the delay of its posts are
    set aside."""
    left = " ".join(part for part in _SERVICE_SENTENCE_END.split(status_text)
                    if not (_SERVICE_WORK.search(part) or _SERVICE_DELAY.search(part)))
    return update_action(left) is None and not is_close(left)


# Session 26 (bots26): a call said to wait still for its entry ("Signal #1314 is still NOT triggered", "entry still
# valid", "la señal aún no se activó", "сигнал ещё не сработал", "noch nicht ausgelöst", "尚未触发")
_STILL_PENDING = re.compile(
    r"(?<!\w)(?:(?:signal|call|setup|entry|order|trade)(?:\s+#?\d{1,6})?\s+(?:is\s+|was\s+|has\s+)?(?:still\s+)?not\s+(?:yet\s+|been\s+)*"
    r"(?:triggered|filled|activated|active|hit)(?!\w)|(?:entry|signal|setup|call)\s+(?:is\s+)?(?:still\s+)?valid(?!\w)|"
    r"(?:todav[íi]a|a[úu]n)\s+no\s+(?:se\s+)?(?:activ|llen|ejecut)\w*|ainda\s+n[ãa]o\s+(?:foi\s+)?(?:ativad|acionad|preenchid|executad)\w*|"
    r"(?:ещ[её]|пока)\s+не\s+(?:сработал|активирован|исполнен|заполнен)\w*|hen[üu]z\s+(?:tetiklenmedi|aktif\s+olmad[ıi]|dolmad[ıi])|"
    r"noch\s+nicht\s+(?:ausgel[öo]st|aktiviert|gef[üu]llt)|pas\s+encore\s+(?:d[ée]clench|activ|rempli)\w*|"
    r"non\s+ancora\s+(?:attivat|innescat|eseguit)\w*|belum\s+(?:terpicu|ter-?trigger|aktif|terisi)|ch[ưu]a\s+(?:kh[ớo]p|k[íi]ch\s+ho[ạa]t))"
    r"(?!\w)|尚未触发|还没触发|未触发|未成交", re.IGNORECASE)
# Session 26 (bots26): a call shown again for the record, or with a word not to open it now ("Reposting #1304 for
# reference only", "Do NOT open it now", "solo como referencia", "только для справки", "仅供参考")
_SHOWN_FOR_REFERENCE = re.compile(
    r"(?<!\w)(?:(?:re)?post(?:ed|ing)?|shar(?:ed|ing)|show(?:n|ing))\s+(?:(?:#?\d{1,6}|this|it|again|the\s+\w+)\s+){0,2}"
    r"for\s+(?:reference|the\s+record|info(?:rmation)?)(?!\w)|for\s+reference\s+only|"
    r"(?:do\s+not|don'?t|never)\s+(?:open|enter|take|copy)\s+(?:it|this(?:\s+(?:one|trade|signal|call))?)\s+(?:now|anymore|late)(?!\w)|"
    r"solo\s+(?:como|de|para)\s+referencia|apenas\s+(?:como|para)\s+refer[êe]ncia|только\s+для\s+(?:справки|информации)|"
    r"nur\s+zur\s+(?:referenz|info(?:rmation)?)|[àa]\s+titre\s+(?:de\s+r[ée]f[ée]rence|indicatif)|solo\s+(?:come|per)\s+riferimento|"
    r"sadece\s+referans|hanya\s+(?:untuk\s+)?referensi|不要(?:现在)?(?:开仓|进场|入场)|仅供参考|참고용", re.IGNORECASE)


_STANDING_RULE = re.compile(
    r"[,—–-][ \t]*(?:always|every\s+(?:single\s+)?(?:time|call|trade)|no\s+exceptions?|всегда|без\s+исключений|siempre|"
    r"sempre|toujours|immer|her\s+zaman)[ \t]*[!.]?[ \t]*(?:$|\n)|"
    r"(?<!\w)(?<!as\s)(?<!like\s)(?:we|i)\s+(?:always|never)\s+(?:move|take|close|put|set|book|secure|cut|trail|lock)\w*|"
    r"(?<!\w)(?<!как\s)мы\s+всегда\s+(?:переносим|ставим|фиксируем|закрываем|двигаем)|"
    r"(?<!\w)(?<!como\s)(?:siempre|sempre)\s+(?:movemos|tomamos|cerramos|fechamos|colocamos|ponemos)(?!\w)|"
    r"(?m:^\W*(?:(?:our|channel|house|trading|vip|the)\s+)?rules?\s*(?:#?\d+\s*)?[:—–-])|"
    r"(?<!\w)(?:read\s+(?:this\s+)?before\s+(?:trading|you\s+trade|following)|how\s+(?:we|this\s+channel)\s+trades?|"
    r"channel\s+rules|house\s+rules|our\s+rules|trading\s+rules|(?:правила|regras|reglas)\s+(?:канала|do\s+canal|del\s+canal))(?!\w)",
    re.IGNORECASE)
# ("Trailing stop explained: the stop moves up as the price rises. #education")
_EXPLAINED = re.compile(r"(?<!\w)(?:explained|explainer|#?education(?:al)?|for\s+beginners|beginner'?s\s+guide)(?!\w)")
# ("Update 2.1.3 / 📚 Lesson 4: set your stop where the idea is wrong"): a numbered lesson on a line of its own
_LESSON = re.compile(r"(?m)^\W*(?:lesson|урок|ders|lecci[óo]n|li[çc][ãa]o|le[çc]on|lektion|lezione|lekcja)\s*#?\d*\s*[:—-]")
_TIP = re.compile(r"^\W*(?:tip|pro\s+tip|rule|reminder|note|consejo|dica|conseil|совет|ipucu)\s*(?:#?\d+\s*)?[:—-]")
# ("Whoever is still in the #NEAR long: …", "Anyone still holding #SOL: …", "those still in …"): the post speaks to the
# readers who still hold
_WHOEVER_STILL_IN = re.compile(r"(?<!\w)(?:whoever(?:'s|\s+is|\s+are)?|anyone|anybody|those(?:\s+who(?:'re|\s+are)?)?)\s+"
                               r"still\s+(?:in|holding)(?!\w)")
_NOT_OURS = re.compile(r"(?<!\w)(?:not\s+a\s+(?:signal|call)|no\s+be\s+(?:signal|call)|"
                       # ("No trade here, just chart talk", "no trade from us"): the post says it trades nothing
                       # (not "no trade for us on BTC though": another coin's)
                       r"no\s+trade\s+(?:here|from\s+us|for\s+us|today)(?!\s+(?:on|in|with)\s)|just\s+(?:chart|market)\s+talk|"
                       # ("that was Dave's own scalp, we posted no OP call this week", "это ваш личный стоп — у канала стоп
                       # 28,40"): a member's own trade, the channel's said apart
                       r"(?:\w+'s|his|her|their|your)\s+own\s+(?:scalp|trade|position|entry|stop)|we\s+(?:posted|gave|sent|had)\s+no\s+"
                       r"(?:[#$]?\w+\s+)?(?:call|signal|trade)|ваш\w*\s+личн\w*\s+стоп|у\s+канала\s+стоп|"
                       # ("open positions on those contracts get closed automatically on 14 Dec"): an exchange's schedule
                       r"(?:get|gets|will\s+be)\s+(?:auto(?:matically)?[\s-]*)?closed\s+automatically|"
                       # ("Exit poll 🗳️ 62% of you are still holding #DOGE"): readers' votes about their own holdings
                       r"exit\s+poll|\d{1,3}\s*%\s+of\s+you|"
                       # ("We're exiting Bybit as our main venue"): an exchange left, no position
                       r"(?:exit\w*|leav\w*|quit\w*)\s+(?:bybit|binance|okx|bitget|kucoin|mexc|bingx|htx|huobi|kraken|phemex|coinbase)"
                       r"\s+as\s+(?:our|a|the)\s+(?:main\s+|primary\s+|default\s+)?(?:venue|exchange|platform|broker)|"
                       # ("closed everything the second Marco posted, only paid fees 🙏", "sold mine as soon as you called
                       # it"): a reader telling how they followed the channel's close — no new close
                       r"(?:closed|sold|exited|cut|dumped)\s+(?:everything|it|mine|all(?:\s+of\s+it)?|my\s+\w+)\s+"
                       r"(?:the\s+(?:second|moment|minute|instant)|as\s+soon\s+as|right\s+(?:when|after)|the\s+way)\s+"
                       r"(?:you|he|she|they|admin|the\s+admin|[a-z]\w+)\s+(?:posted|said|called|told|wrote|sent)(?!\w)|"
                       # ("Not a channel call, but clean execution", "(their call, not ours)", "that was not our signal",
                       # "his own trade, not ours"): the trade is said to be another's — no status of the channel's call
                       # ("(wasn't a channel call)", "this isn't an official signal": the negation fused to its verb)
                       r"(?:not|wasn'?t|isn'?t|weren'?t|aren'?t)\s+(?:a\s+channel|an?\s+official|our|the\s+channel'?s?)\s+"
                       r"(?:signal|call|trade)s?(?!\w)(?!\s+to\s)|"
                       # ("Channel positions unaffected", "our calls are not affected"): the channel's trades said untouched
                       r"(?:channel|our)\s+(?:positions|trades|calls|signals)\s+(?:are\s+)?(?:unaffected|untouched|not\s+affected)|"
                       r"(?:their|his|her|partner'?s?)\s+(?:own\s+)?(?:signal|call|trade|setup|position)s?\s*[,;—–-]?\s*not\s+ours|не\s+сигнал|just\s+sharing|(?:my\s+)?personal\s+(?:trade|bag|position|account|"
                       r"spot\s+bag|portfolio)|personal(?:ly)?\W+not\s+(?:financial\s+|investment\s+)?advice|"
                       # the writer's own move, the channel's call going on ("Personally I'm out of #SOL, hold if you like",
                       # "Closing my personal #BTC, the signal stays active for you", "Admin sold his, decide yourselves",
                       # "Я лично закрыл, сигнал канала в силе", "Yo personalmente cerré")
                       r"personally\W+i(?:'m|\s+am|'ve|'d)?|i(?:'m|\s+am|'d|\s+would)?\s+(?:\w+\s+){0,5}?personally|my\s+(?:own\s+)?personal|"
                       # ("I'd take half here personally on #ARB but the call is hold"): the channel's call is to hold
                       r"(?:the\s+|our\s+)?(?:call|signal|plan)\s+is\s+(?:to\s+)?hold(?:ing)?(?!\w)|"
                       r"(?:signal|call|trade)\s+(?:is\s+|stays\s+|remains\s+)?(?:still\s+)?(?:active|valid|open|on|running)\s+for\s+"
                       r"(?:you|members|everyone|all\s+of\s+you)|channel'?s?\s+(?:signal|call|trade)\s+(?:is\s+)?(?:still|remains|stays)|(?:decide|choose)\s+(?:for\s+)?yoursel(?:f|ves)|"
                       r"лично\s+я|я\s+лично|сигнал\s+канала\s+(?:ещё|еще|всё|по-прежнему|оста[её]тся|в\s+силе|активен)|(?:мо[йяё]|сво[йяё])\s+личн\w*|решайте\s+сами|"
                       r"(?:yo\s+)?personalmente|se[ñn]al\s+del\s+canal\s+sigue|decidan\s+ustedes|pessoalmente|sinal\s+do\s+canal\s+(?:continua|segue)|"
                       r"[şs]ahsen|ki[şs]isel\s+olarak|kanal(?:ın)?\s+sinyali\s+(?:hala|h[aâ]l[aâ]|devam)|persönlich|personnellement)(?!\w)|我个人|频道的?信号(?:仍|还|依然)")
# (session 27, cards27) A reminder heading ("Reminder:", "Recordatorio:", "Lembrete:", "Напоминание:", "Hatırlatma:",
# "Rappel :", "Erinnerung:") — something already posted, told again
_REMINDER_HEAD = re.compile(r"(?:^|\n)\W*(?:friendly\s+)?(?:reminder|recordatorio|lembrete|напоминание|hat[ıi]rlatma|rappel|erinnerung)"
                            r"(?=\s*[:：—–-])", re.IGNORECASE)
# (session 27, cards27) No position taken yet, the market only watched ("No position from us yet, just watching", "not in a
# position yet", "sin posición todavía", "пока без позиции", "sem posição ainda")
_NO_POSITION_YET = re.compile(r"(?<!\w)(?:no\s+position\s+(?:from\s+us\s+|for\s+us\s+|on\s+it\s+)?(?:yet|for\s+now|right\s+now)|"
                              r"not\s+in\s+(?:a\s+|any\s+)?position\s+yet|sin\s+posici[óo]n\s+(?:todav[íi]a|a[úu]n|por\s+ahora)|"
                              r"пока\s+без\s+позиции|sem\s+posi[çc][ãa]o\s+(?:ainda|por\s+enquanto))(?!\w)", re.IGNORECASE)
# Session 24 (traps24): the post says nothing is to be done now ("nothing to do for now", "no action needed", "nada que
# hacer", "rien à faire", "ничего не делаем", "yapacak bir şey yok", "无需操作")
_NOTHING_TO_DO_NOW = re.compile(r"(?<!\w)(?:nothing\s+to\s+do|no\s+action\s+(?:is\s+)?(?:needed|required)|nothing\s+changes|"
                                r"nada\s+que\s+hacer|nada\s+a\s+fazer|rien\s+[àa]\s+faire|nichts\s+zu\s+tun|niente\s+da\s+fare|"
                                r"ничего\s+не\s+(?:делаем|меняем|нужно\s+делать)|yapacak\s+bir\s+[şs]ey\s+yok|"
                                r"kh[ôo]ng\s+c[ầa]n\s+l[àa]m\s+g[ìi]|tidak\s+ada\s+yang\s+perlu\s+dilakukan|"
                                # (session 25, money25) "no new trades until FOMC", de "keine neuen Trades", ru "новых
                                # сделок не открываем", es "sin nuevos trades", pt "nenhum trade novo", fr "pas de nouveaux
                                # trades": the calm word of a look at the market — nothing opened, nothing changed
                                r"no\s+new\s+(?:trades|entries|positions)|keine\s+neuen\s+(?:trades|positionen|einstiege)|"
                                r"новых\s+(?:сделок|входов|позиций)\s+(?:не|нет)|никаких\s+новых\s+(?:сделок|входов)|"
                                r"sin\s+(?:nuevos\s+trades|nuevas\s+(?:entradas|operaciones|posiciones))|"
                                r"nenhum\s+(?:trade|novo\s+trade)\s+novo|nenhuma\s+(?:nova\s+)?(?:entrada|opera[çc][ãa]o)(?:\s+nova)?|"
                                r"sem\s+(?:novos\s+trades|novas\s+(?:entradas|opera[çc][õo]es))|"
                                r"pas\s+de\s+nouve(?:aux|lles)\s+(?:trades|positions|entr[ée]es)|"
                                # (session 26, asia26) a running trade restated with "don't chase it (any more)": tl "wag
                                # na kayo humabol", "walang gagawin"; ms/id "jangan kejar lagi"; hi-en "chase mat karo",
                                # "kuch karne ki zarurat nahi"; "don't chase it"
                                r"(?:wag|huwag)\s+na\s+(?:po\s+)?(?:kayo\s+|tayo\s+)?(?:po\s+)?(?:humabol|habulin|pumasok|sumabay)|"
                                r"walang\s+(?:gagawin|kailangang\s+gawin)|jangan\s+(?:kejar|masuk|fomo)\s+lagi|"
                                r"chase\s+(?:mat|nahi|na)\s+(?:karo|karna|karein)|kuch\s+(?:bhi\s+)?karne\s+ki\s+(?:zarurat|zaroorat)\s+nahi|"
                                r"(?:don'?t|do\s+not)\s+chase(?:\s+(?:it|this(?:\s+one)?))?(?:\s+now)?(?=\s*(?:$|[.!,;)]))|"
                                # (session 27, money27: "… is still running — no action, don't chase it now")
                                r"no\s+action(?=\s*(?:$|[.!,;)—–]|\s-\s))"
                                r")(?!\w)|无需操作|不用操作")
_TOLD_WITH_NOTHING_TO_DO = "a trade already taken, told with nothing to do: not a call"
# ("nothing to do, just hold", "no action needed — keep holding", "hold it"): the readers told to hold
_HOLD_ORDERED = re.compile(r"(?<!\w)(?:just\s+|keep\s+|simply\s+)?(?:hold(?:ing)?|hodl)(?:\s+(?:it|on|tight|the\s+\w+))?"
                           r"(?=\s*(?:$|[.!,;)]|and\s|👍|💎|🙏))", re.IGNORECASE)
# (session 25, money25) the calm word that no new trade is taken ("no new trades until FOMC", "keine neuen Trades")
_NO_NEW_TRADES = re.compile(r"(?<!\w)(?:no\s+new\s+(?:trades|entries|positions)|keine\s+neuen|новых\s+(?:сделок|входов|позиций)|"
                            r"никаких\s+новых|sin\s+nuev[oa]s|nenhum\s+(?:novo\s+)?trade|nenhuma\s+(?:nova\s+)?(?:entrada|opera)|"
                            r"sem\s+nov[oa]s|pas\s+de\s+nouve(?:aux|lles))(?!\w)", re.IGNORECASE)
# ("stop at entry", "SL sits at BE", "stops already at breakeven"): where a stop stands, told as a state — in a look back
# over the day it orders nothing ("SL to entry now", "move the stop to entry" do)
_STOP_WHERE_IT_STANDS = re.compile(r"(?<!\w)(?:(?:sl|sls|stop(?:[\s-]*loss)?|stops)\s+(?:(?:is|are|sits?|already|still|was|were)\s+){0,2}"
                                   r"(?:at|@|on)\s+(?:the\s+)?(?:entry|breakeven|break[\s-]*even|be|cost)|"
                                   # (session 25, money25) de "Stopp liegt auf Einstand", ru "стоп стоит в безубытке", es
                                   # "stop está en breakeven", pt "stop está no zero a zero", fr "stop est au point mort"
                                   r"(?:sl|stopp?(?:[\s-]*loss)?)\s+(?:liegt|steht|ist)\s+(?:bereits\s+|schon\s+)?(?:auf|bei|im)\s+"
                                   r"(?:einstand|einstieg|entry|break[\s-]*even|be)|"
                                   r"(?:стоп|сл)\s+(?:уже\s+)?(?:стоит|стоят|находится|в)\s+(?:уже\s+)?(?:в\s+)?(?:безубытк\w*|бу|точке\s+входа)|"
                                   r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:ya\s+|j[áa]\s+)?(?:est[áa]|fica|queda)\s+(?:ya\s+|j[áa]\s+)?"
                                   r"(?:en|no|na)\s+(?:el\s+|o\s+)?(?:breakeven|break[\s-]*even|be|zero\s+a\s+zero|entrada|punto\s+de\s+entrada)|"
                                   r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:est|reste)\s+(?:d[ée]j[àa]\s+)?(?:au|[àa])\s+(?:point\s+mort|breakeven|l'entr[ée]e))(?!\w)"
                                   r"(?!\s*(?:now|here|asap|please|pls|jetzt|сейчас|ahora|agora|maintenant)(?!\w))")
# A card shown as another day's call or as a sample of a paid room's ("yesterday's call 👇", "last night's VIP signal",
# "free sample from the VIP room", "sneak peek of the premium group")
# ("Yesterday's call delivered 3/3 ✅ / Next: #OP SHORT …" tells how that call ended, over a new one: the words must label
# the card — a colon, a dash, a pointing hand or the line's end after them)
_PAST_CALL_SHOWN = re.compile(r"(?<!\w)(?:(?:yesterday|last\s+night|last\s+week|last\s+month)'?s\s+(?:vip\s+|premium\s+|free\s+)?"
                              r"(?:signal|call|trade|setup)s?(?=[ \t]*(?:[:\-—–(]|\U0001F447|\u2B07|$))|"
                              r"free\s+(?:sample|preview|taste|peek)|sneak\s+peek|"
                              r"from\s+(?:the\s+|our\s+)?(?:vip|premium|paid|private)\s+(?:room|channel|group|chat|club))(?!\w)",
                              re.IGNORECASE | re.MULTILINE)
# Session 24: a card shown as another group's or channel's post ("😂 Saw this in a 'premium' group today: LONG $SOL …",
# "Another channel posted this:", "Look what they post in other groups 🤡", "a competitor's call", "Vi esto en otro
# grupo", "Видел в другом канале"): not the provider's call — quoted to mock, warn or ask; "the VIP group" (ours) is not
_ANOTHER_SOURCES_CARD = re.compile(
    r"(?<!\w)(?:saw|seen|found|spotted)\s+(?:this|that|it)\s+(?:in|on)\s+(?:a|an|another|some|one\s+of\s+the|one)\s+"
    r"(?:[\"'‘’“”]?[\w-]+[\"'‘’“”]?\s+){0,2}(?:group|channel|chat|server|discord)s?(?!\w)|"
    r"(?<!\w)(?:another|other|a\s+different|some|a\s+rival|rival|competitor'?s?|a\s+competitor'?s?)\s+"
    r"(?:[\"'‘’“”]?[\w-]+[\"'‘’“”]?\s+)?(?:group|channel|chat|server)s?\s+(?:just\s+|is\s+)?"
    r"(?:posted|posts|posting|shared|shares|called|calls|sent)(?!\w)|"
    r"(?<!\w)what\s+(?:they|people|others|these\s+guys)\s+(?:post|posted|are\s+posting|share)\s+in\s+(?:other|some)\s+"
    r"(?:groups|channels|chats)(?!\w)|"
    r"(?<!\w)(?:a\s+)?competitor'?s?\s+(?:card|call|signal|post)(?!\w)|"
    r"(?<!\w)(?:vi|visto)\s+(?:esto|isso|isto|esta\s+señal|este\s+sinal)\s+en\s+(?:un|otro|algún)\s+(?:grupo|canal)(?!\w)|"
    r"(?<!\w)vi\s+(?:isso|isto)\s+(?:em|num)\s+(?:um\s+|outro\s+)?(?:grupo|canal)(?!\w)|"
    r"(?<!\w)видел[аи]?\s+(?:это\s+|такое\s+)?в\s+(?:другом|одном|каком-то)\s+(?:канале|чате)|"
    r"(?<!\w)видел[аи]?\s+(?:это\s+|такое\s+)?в\s+(?:другой|одной|какой-то)\s+группе|"
    r"(?<!\w)in\s+einer\s+anderen\s+(?:gruppe|kanal)|(?<!\w)in\s+einem\s+anderen\s+kanal|"
    r"(?<!\w)ba[şs]ka\s+bir\s+(?:grupta|kanalda)|"
    # (session 25, casualstatus25) a trade of someone elsewhere, or a stranger's ("someone in the other group is shorting
    # DOGE 0.19 …", "a guy on another server longed …", "look at this guy's pnl: short BTC 69.1k …", "alguien en otro grupo",
    # "кто-то в другом чате")
    r"(?<!\w)(?:someone|somebody|a\s+guy|some\s+guy|a\s+trader|some\s+trader|people|a\s+friend)\s+(?:in|on|from)\s+"
    r"(?:the\s+|an?\s+|my\s+)?(?:other|another|different|rival|some|old)\s+(?:[\w-]+\s+)?(?:group|channel|chat|server|discord)s?(?!\w)|"
    r"(?<!\w)(?:this|that|some)\s+(?:guy|dude|trader|bloke)'?s?\s+(?:pnl|p&l|trade|position|call|setup|screenshot)(?!\w)|"
    r"(?<!\w)alguien\s+(?:en|de)\s+(?:otro|el\s+otro)\s+(?:grupo|canal)|(?<!\w)кто-?то\s+в\s+друг(?:ом|ой)\s+(?:канале|чате|группе)",
    re.IGNORECASE)
# (session 27, money27) a card a reader shows to ask whether it is genuine or a scam ("Forwarded from … / #avax شراء … /
# يا شباب هل هذه التوصية صحيحة ولا نصب؟", "someone sent me this, legit or scam??", "¿es real o estafa?", "это развод?",
# "dolandırıcılık mı?", "penipuan gak?"): not the provider's call — its levels are held, never traded
_CARD_ASKED_IF_GENUINE = re.compile(
    r"(?<!\w)legit\s+or\s+(?:not|a\s+scam|scam|fake)(?!\w)|(?<!\w)(?:real|genuine)\s+or\s+(?:a\s+)?(?:scam|fake)(?!\w)|"
    r"(?<!\w)is\s+(?:this|that|it)\s+(?:signal|call|card|one|trade|setup)\s+(?:legit|real|genuine|a\s+scam|fake)(?!\w)|"
    r"هل\s+(?:هذه|هذي|هاذي|هذا|هاذا|دي|ده)\s+(?:ال[^\s؟?]+\s+)?(?:صحيح|حقيقي|موثوق|نصب|احتيال|مضمون)|"
    r"(?:ولا|او|أو)\s+(?:نصب|احتيال|كذب)|(?:نصب|احتيال)\s*[؟?]|"
    r"(?<!\w)(?:real|leg[íi]tim[oa]|confiable|confi[áa]vel|verdad(?:era|ero)?)\s+(?:o|ou)\s+(?:una\s+|um\s+)?(?:estafa|golpe|fake|falso|falsa)(?!\w)|"
    r"(?<!\w)(?:es|[ée])\s+(?:una\s+|um\s+)?(?:estafa|golpe)\s*[?？]|"
    r"(?<!\w)(?:это\s+)?(?:развод|скам|лохотрон)\s*\?|(?<!\w)(?:или|либо)\s+(?:развод|скам|лохотрон)(?!\w)|"
    r"(?<!\w)(?:dolandır[ıi]c[ıi]l[ıi]k|sahte)\s+m[ıi]\s*\?|"
    # (session 27, lead: tr "sağlam mı sizce?", "güvenilir mi?"; de "seriös oder Betrug?"; fr "fiable ou arnaque ?";
    # it "affidabile o truffa?"; vi "uy tín không?", "lừa đảo à?") — the same question, a word of opinion allowed after it
    r"(?<!\w)(?:sa[ğg]lam|g[üu]venilir|ger[çc]ek)\s+m[ıiuü](?:\s+(?:sizce|acaba|abi|hocam))?\s*\?|"
    r"(?<!\w)(?:seri[öo]s|echt|fiable|vrai|affidabile|vero)\s+(?:oder|ou|o)\s+(?:betrug|fake|abzocke|arnaque|truffa|scam)(?!\w)|"
    r"(?<!\w)(?:betrug|abzocke|arnaque|truffa|oszustwo|l[ừu]a\s+[đd][ảa]o)\s*(?:\w{1,3}\s*)?[?？]|(?<!\w)uy\s+t[íi]n\s+kh[ôo]ng\s*[?？]|"
    r"(?<!\w)(?:penipuan|tipuan|scam)\s+(?:gak|nggak|ga|bukan|kah)\s*\?",
    re.IGNORECASE)
# A past call shown again or an example, over a setup ("Last week's call: … hit all targets ✅", "Proof 👇 …")
_SHOWN_AGAIN = re.compile(r"(?<!\w)(?:(?:yesterday|last\s+week|last\s+month)'?s\s+(?:signal|call|trade|setup)(?=\s*:)|throwback|"
                          r"proof(?=\W)|пример\w*\s*:|ejemplo\s*:)|示例",
                          re.IGNORECASE)
_KEEP_THE_STOP = re.compile(r"(?<!\w)(?:do\s+not|don'?t|never|no\s+need\s+to)\s+(?:\w+\s+)?(?:move|moving|touch|change|adjust)\w*\s+"
                            r"(?:the\s+|your\s+)?(?:sl|stop)|wait\s+for\s+(?:tp|target)\s*\d\s+before\s+moving|"
                            r"не\s+(?:двига|переноси|трога)\w*\s+стоп|止损不[动变]|不要移动止损")
# ("We had no BTC position", "we never entered #AAVE", "we weren't in SOL", "we didn't take that one"): the channel says it
# held no position in the coin — a stop-out reported beside it is someone else's
_WE_HAD_NO_POSITION = re.compile(
    r"(?<!\w)(?:we|i)\s+(?:had|have|held|hold|got)\s+no\s+(?:(?:[#$]?(?P<a>[a-z0-9]{2,15})|open)\s+)?(?:position|trade|entry|exposure|bag)s?"
    r"(?:\s+(?:in|on|of)\s+(?:[#$]?(?P<b>[a-z0-9]{2,15})))?(?!\w)|"
    r"(?<!\w)(?:we|i)\s+(?:never|didn'?t|did\s+not|haven'?t|have\s+not|hadn'?t|had\s+not)\s+(?:even\s+|actually\s+)?"
    r"(?:entered|enter|took|take|taken|traded|trade|got\s+in(?:to)?|get\s+in(?:to)?|opened|open|been\s+in)\s+(?:on\s+|in\s+|into\s+)?"
    r"(?:(?P<p>it|that(?:\s+one|\s+trade|\s+call)?|this\s+one)|(?:the\s+)?[#$]?(?P<c>[a-z0-9]{2,15})(?:\s+(?:trade|position|long|short|call|one))?)"
    r"(?=\s*(?:[.,;:!)\n—–-]|$|at\s+all|either|ourselves|today))|"
    r"(?<!\w)(?:we|i)\s+(?:were|was|are|am)(?:n'?t|\s+not|\s+never)\s+(?:even\s+)?in\s+"
    r"(?:(?P<q>it|that(?:\s+one|\s+trade)?|this\s+one)|(?:the\s+)?[#$]?(?P<d>[a-z0-9]{2,15})(?:\s+(?:trade|position|long|short|call))?)"
    r"(?=\s*(?:[.,;:!)\n—–-]|$|at\s+all|either|today))")
# (the stop-out may be the pending call's invalidation: "SL hit before entry — we never entered, call cancelled")
_INVALIDATED_CALL = re.compile(r"(?<!\w)(?:cancel\w*|invalid\w*|before\s+(?:the\s+|our\s+)?entry|(?:not|never)\s+(?:got\s+)?"
                               r"(?:filled|triggered|reached)|didn'?t\s+(?:fill|trigger)|pending|limit)(?!\w)")


# ("another channel's #FET call", "a partner channel's signal", "other groups' calls"): the trade is another channel's
_ANOTHER_CHANNELS_CALL = re.compile(r"(?<!\w)(?:another|other|a\s+different|(?:a\s+)?partner|some\s+other)\s+"
                                    r"(?:channel|group|server|room)s?'?s?\s+(?:[#$]?[a-z0-9]{2,15}\s+)?(?:call|signal|trade|setup)s?(?!\w)")
_OUR_OWN = re.compile(r"(?<!\w)(?:ours|our\s+(?:own\s+)?(?:call|signal|trade|one|position|entry|long|short))(?!\w)")


def _stop_out_disowned(status_text: str, candidate: SymbolCandidate | None, coin_names: frozenset[str]) -> bool:
    """A stop-out reported beside the channel's word that it held no position in that coin ("Partner channel got stopped
    on #AAVE. We never entered AAVE", "SL hit on BTC for many — we had no BTC position"): another's trade, no close."""
    if " no " not in status_text and "n't" not in status_text and " not " not in status_text and "never" not in status_text:
        return False
    if _INVALIDATED_CALL.search(status_text):
        return False
    for said in _WE_HAD_NO_POSITION.finditer(status_text):
        coin = said.group("a") or said.group("b") or said.group("c") or said.group("d")
        if said.group("p") or said.group("q"):
            # ("… we never entered it"): the post's one coin
            return candidate is not None
        if coin is None or coin not in coin_names and (candidate is None or coin != candidate.base.lower()):
            # ("we have no open positions", "we never entered the second rung"): no coin of the post named
            continue
        if candidate is None or coin == candidate.base.lower():
            return True
    return False


# (the channel's own partial close, in the first person: "we're taking 30% off", "I'm booking half here")
_OWN_PARTIAL = re.compile(r"(?<!\w)(?:we|i)(?:'re|'m|'ve|\s+are|\s+am|\s+have)?\s+(?:just\s+|now\s+|also\s+)?"
                          r"(?:tak|took|book|secur|clos|trim|sold|sell|bank|cut)\w*\s+(?:off\s+)?(?:\d{1,2}\s*%|half|a\s+third|"
                          r"a\s+quarter|some|part|partial)")


def _a_lesson(clean: str, status_text: str) -> bool:
    """The post teaches or states a rule ("Tip: set your stop below the last swing low, e.g. #SOL 140", "LESSON FOR NEW
    MEMBERS … ✅ Example only: … put SL for 2920"): its stop or share is an example, no change of a trade."""
    example = without_reader_conditions(clean)
    if READERS_CHOICE_RE.search(example) and _OWN_PARTIAL.search(status_text):
        # ("#RNDR — we're taking 30% off here ✂️ you can do the same if you like"): the channel's own act, then the
        # readers' choice to follow it — "if you" there is no lesson's
        example = READERS_CHOICE_RE.sub(" ", example)
    return bool(lx.EXAMPLE_RE.search(example) or _TIP.search(status_text) or _LESSON.search(status_text)
                or _EXPLAINED.search(status_text) or _MAXIM.search(status_text) or _TERM_ASKED.search(status_text))


# Session 26 (threads26): a term of the channel's asked about and explained ("Someone asked what \"secure half\" means: it
# means close 50% of your position …", "What does 'BE' mean? Moving your stop to your entry", "¿Qué significa «asegurar
# la mitad»?", "Что значит «перенести в БУ»?", "Was bedeutet …", "Que veut dire …", "… ne demek?", "apa artinya …",
# "…是什么意思"): its close or stop move is the term's meaning, no change of a trade ("what this means for us: close half"
# explains the channel's own order: no term asked)
_TERM_ASKED = re.compile(
    # (session 27, money27: a price's point inside the term — 'What does "41.6 can be stop" mean?' — or the quoted term
    # rewritten by normalize onto lines of its own)
    r"(?<!\w)what\s+(?:does|do|is)\s+[\"“'«‘][^\"”'»’?]{1,40}[\"”'»’]\s*(?:means?|stands?\s+for)(?!\w)|"
    r"(?<!\w)(?:what\s+(?:does\s+|do\s+|is\s+)?(?!this\s|that\s|it\s)(?:[^.?!\n]|(?<=\d)\.(?=\d)){1,40}?\s+(?:means?|stands?\s+for)(?!\w)(?!\s+for\s+(?:us|you))|"
    r"(?:the\s+)?meaning\s+of|(?:asked|asking|question)\s+(?:about\s+)?what\s+|"
    r"qu[ée]\s+significa|qu[ée]\s+quiere\s+decir|o\s+que\s+(?:significa|quer\s+dizer)|что\s+(?:значит|означает)|що\s+означає|"
    r"was\s+bedeutet|que\s+(?:veut\s+dire|signifie)|cosa\s+(?:significa|vuol\s+dire)|ne\s+demek|ne\s+anlama\s+gel|"
    r"apa\s+(?:arti(?:nya)?|maksud(?:nya)?)|ngh[ĩi]a\s+l[àa]\s+g[ìi])(?!\w)|是什么意思|什么意思|とはどういう意味|どういう意味")


# (session 22, status52) A sentence of the post that leaves its change to the reader ("You may take some profit here if you
# like", "if you're nervous you could take a bit off the table, your call")
_CHOICE_SENTENCE = re.compile(r"[^.!?\n]*(?:" + READERS_CHOICE_RE.pattern + r")[^.!?\n]*")


# (session 22, status52) The named trade's own state, outside the reader's choice: its gain ("+40% on 10x") or the target
# it still runs to ("holding ours for TP3", "still running to TP3")
_RUNNING_TRADE_TOLD = re.compile(r"(?<![\w.])\+\s?\d{1,4}(?:[.,]\d+)?\s*%|(?<!\w)(?:tp|target)\s*[1-9](?!\d)")


def _optional_partial_on_named_trade(clean: str, status_text: str, action, closing: bool,
                                     candidate: SymbolCandidate | None) -> ParsedMessage | None:
    """(session 22, status52) Profit-taking advice left to the reader on the trade the post names ("#AVAX +40% 👀 You may
    take some profit here if you like — totally optional. We're holding ours for TP3", "$WIF pushing nicely, if you're
    nervous you could take a bit off the table, your call. Signal still running"): an update of that coin that changes
    nothing — never a partial close, and no lesson (its "if you" is the reader's choice, not an example). Only when the
    post is a lesson for the choice phrase alone, and no sentence outside the reader's choice orders a change."""
    if action != UpdateAction.PARTIAL_CLOSE or closing or candidate is None or not READERS_CHOICE_RE.search(status_text) \
            or not partial_left_to_reader(status_text) or not _a_lesson(clean, status_text):
        return None
    if _a_lesson(READERS_CHOICE_RE.sub(" ", clean), READERS_CHOICE_RE.sub(" ", status_text)):
        return None  # ("Example: if you like, take some profit at TP1 on #SOL"): a lesson whatever the choice says
    rest = _CHOICE_SENTENCE.sub(" ", status_text)
    if not _RUNNING_TRADE_TOLD.search(rest):
        return None  # ("#RNDR looking heavy … take some profit if you like … we keep our full position"): market talk
    if is_close(rest) or update_action(rest) in POSITION_CHANGES or update_action(rest) == UpdateAction.CANCEL_ENTRY:
        return None
    return ParsedMessage(kind=MessageKind.UPDATE, symbol=candidate.symbol,
                         reason="profit-taking left to the reader on the named trade: no change",
                         notes=("a partial close left to the reader's choice",))


def _part_closed(status_text: str) -> bool:
    """The post closes a part of the position, not its last part ("Closed half #SOL"; "closed last 50%" ends it)."""
    return update_action(status_text) == UpdateAction.PARTIAL_CLOSE and not _last_part_closed(status_text) \
        and not WHOLE_POSITION_CLOSED_RE.search(status_text)


# Session 26 (threads26): the share still open written as a field of its own, its colon left out — at a line's start or
# after a bar, comma or bullet, no verb of an exit after it ("✅ TP2 / Closed another 25% / Remaining 25% — SL to TP1",
# "closed 30%, remaining 70%", "Restante 50%", "Остаток 50% — стоп в БУ", "Kalan %50"): what runs on, never the last
# part closed ("Remaining 50% closed at TP3", "the remaining 25% sold" still end the trade)
_SHARE_LEFT_FIELD = re.compile(
    r"(?:^|(?<=[|,;•·(/.!]))[^\w\n%]*(?:position\s+|size\s+)?(?:remaining|left|still\s+open|restante|resto|rimanente|"
    r"остаток|осталось|залишок|kalan|reste|verbleibend|rest|sisa)[ \t]*(?:[:=][ \t]*)?"
    r"(?:(?<![\d.,])[1-9]\d?(?:[.,]\d+)?[ \t]*%|%[ \t]*[1-9]\d?(?![\d.,]))"
    r"(?![^\w\n]*(?:(?:is|was|has\s+been|got|now|also|of\s+\S+)[ \t]+)*(?:clos|sold|sell|exit|taken|tak|out|cut|booked|secured|"
    r"hit|stopped|at\s|@|закры|фикс|cerr|fech|kapat|ferm|chius|geschlossen|verkauft))", re.MULTILINE)


def _last_part_closed(status_text: str) -> bool:
    """The post closes the last part of the position ("closed last 50%", "закрыли остаток 50%"), read without the field
    that tells the share still open ("Remaining 25% — SL to TP1")."""
    return bool(_LAST_PART.search(_SHARE_LEFT_FIELD.sub(" ", status_text)))


# ("All positions SL → entry (not #ETH)", "#ETH untouched", "leave #ETH as is", "#ETH keep original SL"): the coin left out
_LEFT_ALONE = re.compile(r"\(\s*not\s+[#$]\w+\s*\)|[#$]\w+\s+(?:keep\w*|untouched|unchanged|as\s+is)|(?<!\w)(?:untouched|as\s+is)(?!\w)")
# ("everything", "all", "везде", "其他"): the change is for every trade
_ALL_BUT = re.compile(r"(?<!\w)(?:all|every|everything|everywhere|else|везде|все|всё|всех|остальн\w*|hepsi\w*|t[üu]m\w*|todo|todos|"
                      r"todas|tudo|alle[sn]?|tout|tous|toutes|tutt[eoia]|wszystk\w*)(?!\w)|其他|其余|全部|所有")


# ("close half of the remaining position": a share of what remains, not the last part)
# ("keep the other half with SL 141", "hold the remaining part"): the part said kept is no part closed
_LAST_PART = re.compile(r"(?<!\w)(?<!of\s)(?<!of\sthe\s)(?<!keep\s)(?<!keep\sthe\s)(?<!keeping\sthe\s)(?<!hold\sthe\s)"
                        r"(?<!leave\sthe\s)(?<!let\sthe\s)(?:last|remaining|final|the\s+other|rest\s+of\s+the|остаток|оставш\w+|restante|kalan)\s+"
                        r"(?:\d{1,2}\s*%|half|part|portion|position|позици\w*|\d{1,2}\s*процент\w*)"
                        # ("Closed 30% … / Remaining 70% running"): the rest said to run on is no part closed
                        r"(?!\s*(?:is\s+|are\s+|stays?\s+|still\s+|keeps?\s+)*(?:running|open|active|in\s+play|rid(?:es|ing)|"
                        r"left\s+open|holding|held|kept|on\s+(?:the\s+)?(?:trade|board)|работа\w*|открыт\w*|devam))|"
                        # ("closed 50% at TP1 and the rest at TP2"): the rest closed at a later target — not the rest left
                        # for later beside a part taken now ("Close LINK: half now, the rest at TP3": session 23, partial23)
                        r"(?<!\w)(?<!now\s)(?<!now,\s)(?<!now;\s)(?<!now\s-\s)the\s+rest\s+(?:(?:closed|sold|taken)\s+)?(?:at|on|@)\s+(?:tp|target)\s*\d")
# ("Longs stay open", "keep your longs", "longs remain with their stops", "leave the shorts running"): one side's trades kept
_OTHER_SIDE_KEPT = re.compile(r"(?<!\w)(?:(?:all\s+|the\s+|our\s+|your\s+)?(?:longs|shorts)\s+"
                              # (session 26, bots26: "Shorts can stay", "longs may remain open", "shorts are ok")
                              r"(?:(?:can|may|should|will|could)\s+)?(?:stay|stays|remain|remains|keep\s+running|"
                              r"(?:are|is)\s+(?:kept|fine|ok|okay|safe|untouched))|(?:keep|hold|leave)\s+(?:all\s+)?(?:the\s+|your\s+|our\s+)?(?:longs|shorts)|"
                              # ru "лонги остаются", es "los longs siguen", pt "os longs continuam", tr "longlar devam", ar
                              # "صفقات اللونغ مستمرة" (the long trades go on)
                              r"(?:лонги|шорты)\s+(?:оставляем|оста[её]тся|остаются|держим|можно\s+(?:оставить|держать)|могут\s+остаться)|"
                              r"(?:los\s+|os\s+)?(?:longs|shorts)\s+(?:siguen|se\s+quedan|seguem|continuam|ficam|pueden\s+quedarse|podem\s+ficar)|"
                              # de "Shorts bleiben (offen)", "Shorts können bleiben", fr "les shorts restent", "peuvent rester",
                              # it "gli short restano", "possono restare"
                              r"(?:die\s+|les\s+|gli\s+|i\s+)?(?:longs?|shorts?)\s+(?:bleiben|k[öo]nnen\s+bleiben|restent|peuvent\s+rester|"
                              r"restano|rimangono|possono\s+restare)|(?:long|short)['’]?lar\w*\s+devam|"
                              r"(?:صفقات\s+)?(?:ال)?(?:لونغ|لونج|شورت)\s+(?:مستمر[ةه]?|باقي[ةه]|تبقى|نبقيها))(?!\w)")
# ("Close your shorts now", "close all shorts", "Closing all shorts here", "exit every long", "we closed all short
# trades", ru "закрываем все шорты", es "cerramos todos los shorts", tr "tüm short'ları kapattık", ar "أغلقنا جميع صفقات
# الشورت"): a close of every trade of one side
_SIDE_CLOSED = re.compile(r"(?<!\w)(?:(?:clos(?:e|ed|ing)|exit(?:ed|ing)?|cut(?:ting)?|flatten(?:ed|ing)?)\s+"
                          r"(?:all\s+|every\s+|the\s+|your\s+|our\s+)*(?:longs?|shorts?)(?:\s+(?:trades|positions))?|"
                          r"(?:закрыва\w*|закрыл\w*|закрой\w*)\s+(?:все\s+)?(?:лонг|шорт)\w*|"
                          r"(?:cerr\w*|fech\w*)\s+(?:tod[oa]s\s+)?(?:l[oa]s\s+|[oa]s\s+)?(?:longs?|shorts?)|"
                          # pl "Zamknijcie wszystkie longi", "zamykamy nasze shorty" (session 27, heldout27)
                          r"(?:zamk\w*|zamyk\w*)\s+(?:(?:wszystkie|nasze|wasze|swoje)\s+)*(?:longi|long[óo]w|shorty|short[óo]w)|"
                          r"(?:t[üu]m|b[üu]t[üu]n)\s+(?:long|short)\w*['’]?\w*\s+(?:pozisyon\w*\s+)?kapat\w*|"
                          r"(?:[أا]غلق\w*|قفلنا|سكرنا)\s+(?:جميع\s+|كل\s+)?(?:صفقات\s+)?(?:ال)?(?:لونغ|لونج|شورت))(?!\w)")
_EXCEPT = re.compile(r"(?<!\w)(?:except|excepting|but\s+not|but\s+[#$]\w+|leave\s+[#$]\w+|[#$]\w+\s+(?:remains|stays)|"
                     r"only\s+[#$]\w+\s+stays|оставляем|оставить|оставим|besides|other\s+than|apart\s+from|(?<!still\s)(?<!you\s)(?:keep|hold)\s+[#$]\w+|stays?\s+open|"
                     r"кроме|за\s+исключением|excepto|menos|salvo|exceto|hari[çc]|au[ßs]er|sauf|tranne|opr[óo]cz)(?!\w)|除了|以外|を除|只留|保留")
# "Should we close SOL here or let it run? 🤔 / 👍 close / 👎 hold / Vote below 👇": a poll's options are no command
_POLL = re.compile(r"(?<!\w)(?:vote|voting|poll|react\s+(?:with\s+)?\W*\s*if|votem|votar|votad|голосу\w*|опрос|encuesta|enquete|sondagem|vot[ae](?:d|n|r|i)?|votaci[óo]n|vota[çc][ãa]o|anket|oyla\w*|"
                   r"umfrage|abstimm\w*|sondage|sondaggio|ankieta|g[łl]osuj\w*|b[ìi]nh\s+ch[ọo]n|تصويت|نظرسنجی)(?!\w)|"
                   r"投票|투표")
# ("who is still holding DOGE? drop a 🚀 if you're still in", "anyone still in #SOL?", "hands up if you hold"): a show of
# hands among the readers — when it is all the post says (its "still holding" is the question's), no status of the trade
_SHOW_OF_HANDS = re.compile(
    r"(?<!\w)(?:(?:drop|leave|comment|send|post|reply\s+with)\s+(?:a|an|your|one)?\s*\W*\s*if|"
    r"(?:who(?:'?s|\s+is|\s+are|\s+else\s+is)?|anyone|anybody|is\s+anyone|are\s+you|y'?all)\s+still\s+"
    r"(?:holding|hodling|in|long|short|riding)|who(?:'?s|\s+is|\s+else\s+is)\s+(?:holding|hodling|riding)|"
    r"hands?\s+up\s+if|raise\s+your\s+hands?)(?!\w)")
# ("📊 Poll: Close #SOL now / 👍 Yes / 👎 No", "Голосуем: закрываем #SOL или держим", "投票：平仓 #SOL / 继续持有"): a line headed by
# the poll word, with or without a question mark
_POLL_HEAD = re.compile(rf"[^\w\n]*(?:{_POLL.pattern})\s*[:：]")


def _poll_over_the_action(lowered: str) -> bool:
    """A line headed by the poll word at or before the line of the close or change ("#SOL / Опрос: закрываем или
    держим"); one after it ("#SOL closed ✅ / Anket: sıradaki coin hangisi olsun") asks about something else."""
    lines = lowered.split("\n")
    poll = next((n for n, line in enumerate(lines) if _POLL_HEAD.match(line)), None)
    if poll is None:
        return False
    acting = next((n for n, line in enumerate(lines) if is_close(line) or update_action(line)), None)
    return acting is None or poll <= acting
# ("سوال: وقتی تارگت اول خورد، استاپ رو ببریم نقطه ورود یا نه؟", "Question: move SL to BE after TP1?"): a post headed as a
# question asks the readers
_QUESTION_HEAD = re.compile(r"^\W*(?:question|q|سوال|سؤال|вопрос|питання|soru|pregunta|pergunta|frage|domanda|pytanie|"
                            r"pertanyaan)\s*:", re.IGNORECASE)
# A post of one sentence that asks ("¿Tocó tp2?", "Breakeven'a taşındı mı?", "TP2 hit??")
# (a point between digits is a price's, no sentence's end: "¿todavía se puede entrar en XRP a 0.5530 o ya es tarde?")
_ASKS = re.compile(r"^(?:[^.!\n?¿]|(?<=\d)\.(?=\d))*[?？؟][\s?!？\W]*$|^\W*¿(?:[^.!\n]|(?<=\d)\.(?=\d))*$")
# Session 24 (status24a): a reader asking for advice — the post opens on a word that asks to be told ("Подскажите, по SOL
# стоп на 142 ещё держим или уже закрывать? Я зашёл позже всех", uk "Підкажіть", en "Can someone tell me …", "Quick
# question", es "¿Alguien me puede decir …", pt "Alguém sabe …", de "Kann mir jemand sagen …", tr "Bir sorum var", it
# "Qualcuno sa …", fr "Quelqu'un peut me dire …") and its first sentence ends on a question mark: the trade in it is
# the reader's question, no order
_ASKS_FOR_ADVICE = re.compile(
    r"[^\w\n]*(?:(?:подскажите|подскажи|посоветуйте|посоветуй|скажите|кто\s+знает|підкажіть|підкажи|порадьте|порадь|"
    r"скажіть|хто\s+знає|can\s+(?:someone|anyone|somebody|any1)\s+(?:tell|explain|help|advise)|quick\s+question|"
    r"need\s+(?:some\s+)?advice|any\s+advice|(?:alguien|algu[ée]m)\s+(?:me\s+)?(?:sabe|puede|pode|podr[íi]a)|"
    r"(?:me\s+)?(?:pueden|podr[íi]an|podem)\s+(?:decir|dizer|ayudar|ajudar)|una\s+(?:pregunta|duda)|uma\s+(?:pergunta|d[úu]vida)|"
    r"kann\s+mir\s+(?:jemand|einer|wer)|kurze\s+frage|bir\s+sorum\s+var|(?:biri|birisi)\s+(?:s[öo]yleyebilir|yard[ıi]m)|"
    r"qualcuno\s+(?:sa|pu[òo]|mi)|una\s+domanda|quelqu['’]un\s+(?:peut|sait|pourrait)|petite\s+question)(?!\w)|"
    r"¿\s*(?:alguien|me\s+pueden|pueden|podr[íi]an))"
    r"(?:[^.!?？\n]|(?<=\d)[.](?=\d))*[?？]", re.IGNORECASE)


def _asks_for_advice(text: str) -> bool:
    """The post (under a relay's lines) opens on a reader's question asking for advice, and what follows it orders no
    change and no close ("Подскажите, куда ставить стоп? #SOL стоп переносим на 150" answers with an order: not this)."""
    asked = _ASKS_FOR_ADVICE.match(text, _RELAY_OVER_POST.match(text).end())
    if asked is None:
        return False
    rest = normalize(text[asked.end():]).lower()
    return update_action(rest) is None and not is_close(rest)


# ("#WLD would be liquidated at 2.118 on 50x": a warning, not a report)
_LIQUIDATION_HYPOTHESIS = re.compile(r"(?<!\w)(?:would|will|could|can|may|might|gets?|be|if)\s+(?:\w+\s+)?liquidat|"
                                     # ("liquidated if it drops below", "liquidated below 0.12")
                                     r"liquidat\w*\s+(?:only\s+)?(?:below|above|under|over)(?!\w)|"
                                     r"liquidat(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,30}?(?<!\w)(?:if|when|once|unless)(?!\w)|"
                                     # (vi "sẽ bị thanh lý", "có thể bị thanh lý", "nếu … bị thanh lý": will, may, if)
                                     r"(?:sẽ|có\s+thể|nếu|dễ)\s+(?:\w+\s+)?b[ịi]\s+thanh\s+l[ýy]")
_LIQUIDATED_AT = re.compile(r"(?:liquidated|liquidad[oa]|liquid[ée]e?|liquidiert|ликвидирова\w*|b[ịi]\s+thanh\s+l[ýy]|"
                            r"terlikuidasi)\s+(?:at|@|a|en|em|à|bei|по|ở|tại|di)\s+\$?\d")
# A report of our own position liquidated, with its numbers: a card's liquidation price or margin lost under a
# "💀 LIQUIDATED" heading ("OPUSDT Perpetual · LONG · 25x / Liq. price: 1.512 / Margin lost: 40.00 USDT")
# (a liquidation price alone is a card's field: "#DOGE liquidation price 0.12" reports nothing)
_LIQUIDATION_REPORT = re.compile(r"(?m)^[^\w\n]*(?:position\s+)?liquidated[^\w\n]*$|(?<!\w)(?:margin\s+lost|"
                                 r"lost\s+(?:the\s+|my\s+|our\s+)?margin|"
                                 r"(?:position|trade)\s+(?:was\s+|got\s+|has\s+been\s+)?liquidated|"
                                 # ("Your position ETHUSDT LONG has been liquidated")
                                 r"position(?:\s+[^\s.!?]+){1,3}?\s+(?:was|got|has\s+been)\s+liquidated)(?!\w)")
# (an exchange-wide alert: "#BTC Liquidated Long: $152.3K at $67,010", "whale alert", sums in thousands or millions)
_LIQUIDATION_ALERT = re.compile(r"(?<!\w)(?:alert|whales?|total|someone|somebody|a\s+trader|\d+(?:[.,]\d+)?\s*(?:k|m|mn|b|bn|"
                                r"million|billion|mln|млн|млрд))(?!\w)")
# ("… liquidated 40%, closing the rest now", "closed the remaining position", "rest sold at market"): what the exchange
# left is closed by the writer, now (not "the rest at TP2", "the rest if it breaks 2.0")
_REST_CLOSED_NOW = re.compile(r"(?<!\w)(?:(?:clos\w*|exit\w*|sell\w*|sold|cut\w*|dump\w*|market(?:ed)?)\s+(?:out\s+)?"
                              r"(?:the\s+|our\s+|my\s+)?(?:rest|remaining(?:\s+(?:position|part|\d{1,2}\s*%))?|remainder|other\s+half)|"
                              r"(?:the\s+)?(?:rest|remainder)\s+(?:is\s+|was\s+|got\s+)?(?:closed|sold|exited|cut)|"
                              r"закры\w*\s+остат\w*|cerramos\s+el\s+resto|fechamos\s+o\s+resto|kalan\w*\s+kapat\w*)(?!\w)"
                              r"(?!\s*(?:at|on|@|if|when|once|above|below|near|around)(?!\w))")
# ("partially liquidated (50%)", "partial liquidation", "liquidated 50%", "half of the position got liquidated")
_PARTLY_LIQUIDATED = re.compile(r"(?<!\w)(?:partial(?:ly)?\s+liquidat\w*|liquidated\s+partial\w*|liquidated\s*\(?\s*\d{1,2}\s*%|"
                                r"half\s+(?:of\s+)?(?:the\s+|my\s+|our\s+)?(?:position\s+)?(?:got\s+|was\s+)?liquidated|"
                                r"частично\s+ликвидир\w*|parcialmente\s+liquidad[oa]|partiellement\s+liquid\w*|"
                                r"teilweise\s+liquidiert|b[ịi]\s+thanh\s+l[ýy]\s+m[ộo]t\s+ph[ầa]n|k[ıi]smen\s+likide)(?!\w)")


# "levels soon 🔜", "entry & targets in 5 min", "targets to follow": the levels are promised for a later post
_LEVEL_WORDS = (r"(?:(?:the|full|exact)\s+)?(?:levels?|entry|entries|targets?|tps?|sl|stop(?:\s*loss)?|details?|detil|setup|"
                r"n[íi]veis|niveles|alvos|objetivos|entrada|livelli|niveaux|cibles|ziele|einstieg|poziomy|wej[śs]cie|cele|"
                r"уровни|цели|вход|стоп|target|level|đi[ểe]m\s+v[àa]o(?:\s+l[ệe]nh)?)(?:\s+(?:de\s+entrada|d'entr[ée]e|di\s+ingresso|entry|price))?")
_LEVEL_LIST = rf"{_LEVEL_WORDS}(?:\s*(?:,|&|\+|/|·|and|dan|y|e|et|und|и|ve|i)\s*{_LEVEL_WORDS})*"
# (the promise in more words: "Levels will be posted when the setup confirms", "Detail entry, TP & SL menyusul sebentar
# lagi", "Níveis de entrada, alvos e stop em 5 minutos", "エントリー価格・利确・损切りは数分后に配信します")
# ("levels in 5 min, double-checking them"): after the promise, the writer still checking the levels
_STILL_CHECKING = (r"(?:\s*[,—–-]?\s*(?:just\s+|still\s+)?(?:double[\s-]*)?(?:checking|confirming|finali[sz]ing|verifying)"
                   r"\s+(?:them|it|everything|the\s+levels))?")
_LEVELS_LATER_MORE = (
    rf"[,.—–-]?\s*{_LEVEL_LIST}\s+(?:will\s+be|are\s+being|to\s+be)\s+(?:posted|shared|sent|announced|given|published|dropped)"
    r"(?:\s+(?:soon|shortly|later|here|in\s+~?\s*\d{1,2}\s*min\w*|(?:when|once|after)\s+[^.\n!]*))?(?!\w)|"
    # ("ENTRY + TARGETS DROPPING IN 5 MIN", "levels landing shortly")
    # (session 27, heldout27: "exact entry + SL dropping in Discord #vip in 5 min": the room they drop in named first)
    rf"[,.—–-]?\s*{_LEVEL_LIST}\s+(?:dropping|landing|coming|arriving|going\s+out|out)\s+"
    r"(?:(?:in|on)\s+(?:the\s+|our\s+)?(?:discord|telegram|vip|app|group|channel|server)(?:\s+#?[a-z0-9-]{2,20})?"
    r"(?:\s+(?:channel|room|group|chat))?\s+)?"
    r"(?:in\s+~?\s*\d{1,2}\s*(?:min\w*|m)|soon|shortly)(?!\w)|"
    # vi "Chi tiết entry/TP/SL gửi sau 5 phút nha", "entry sẽ cập nhật sau", "TP/SL báo sau" (sent / told later)
    # ("điểm vào anh em chờ admin cập nhật sau nhé": the entry, folks, wait for the admin to post it later)
    rf"[,.—–-]?\s*(?:chi\s+ti[ếe]t\s+)?{_LEVEL_LIST}\s+(?:(?:anh\s+em|ae|c[áa]c\s+b[ạa]n|m[ọo]i\s+ng[ườu][ờo]i)\s+)?"
    r"(?:(?:ch[ờo]|đ[ợo]i)\s+(?:admin|ad|m[ìi]nh|team)\s+)?(?:s[ẽe]\s+)?(?:g[ửu]i|b[áa]o|c[ậa]p\s+nh[ậa]t|l[êe]n|c[óo])\s+"
    r"(?:sau|trong)(?:\s+(?:\d{1,2}\s*ph[úu]t|[íi]t\s+ph[úu]t|ch[úu]t))?(?:\s+(?:n[ữu]a|nha|nh[ée]|nh[ée]\s+ae|nha\s+ae|ae))*(?!\w)|"
    rf"[,.—–-]?\s*{_LEVEL_LIST}\s+(?:menyusul|nanti|segera|akan\s+menyusul)(?:\s+(?:sebentar\s+lagi|segera|ya|nanti|"
    r"(?:dalam\s+)?\d{1,2}\s*menit(?:\s+lagi)?))?(?!\w)|"
    # ru "Точку входа и цели скину через 10 минут", "Вход и стоп дам чуть позже" (I will post them in 10 minutes)
    r"[,.—–-]?\s*(?:точк[уиа]\s+входа|вход|цели|стоп|уровни|тейки?)(?:\s*(?:,|и)\s*(?:точк[уиа]\s+входа|вход|цели|стоп|"
    r"уровни|тейки?))*\s+(?:скину|скинем|дам|дадим|выложу|выложим|опубликую|опубликуем|пришлю|пришлём|отправлю|кину|"
    r"будут|будет)(?:\s+(?:(?:через|в\s+течение)\s+(?:\d{1,2}\s*минут\w*|пару\s+минут|несколько\s+минут)|позже|скоро|"
    r"чуть\s+позже))?(?!\w)|"
    # ("SHORT #FET coming in 5 min", "NEXT FREE CALL IN 10 MINUTES", "Next signal dropping in ~5 min"): the call itself is
    # promised for a few minutes on
    r"(?:(?:next\s+)?(?:(?:free|vip|bot|new)\s+)*(?:call|signal|trade|setup)\s+(?:is\s+)?"
    r"(?:(?:coming|dropping|landing|loading|arriving|out)\s+)?|(?:is\s+)?(?:coming|dropping|landing|loading|arriving)\s+)"
    r"in\s+~?\s*\d{1,2}\s*(?:min\w*|m)(?!\w)|"
    rf"[,.—–-]?\s*{_LEVEL_LIST}\s+(?:em|en|in|dans|tra|za|через|içinde|dalam|trong)\s+\d{{1,2}}\s*(?:min\w*|m|минут\w*|dakika|menit|ph[úu]t)"
    r"(?:\s+(?:aqui|aqu[íi]|here|ici|qui)?(?:\s+(?:no|en\s+el|in\s+the|sur\s+le|nel)\s+(?:canal|channel|chat|grupo|group|gruppo))?)?"
    + _STILL_CHECKING + r"(?!\w)|"
    r"(?:エントリー|価格|价格|利确|损切り?|详细|目标|TP|SL)(?:[・、,/\s]*(?:エントリー|価格|价格|利确|损切り?|详细|目标|TP|SL))*"
    # ("エントリー・利確・損切りの詳細はこの後すぐ配信します": the details of them, right after this)
    r"(?:\s*の\s*(?:详细|内容|情报))?"
    # ("エントリー価格はこのあとVIPで配信します": after this, in the VIP)
    r"\s*(?:は|を)?(?:\s*(?:数分后|后ほど|のちほど|まもなく|\d{1,2}分后|このあと|この后|あとで|后で|间もなく|すぐ)に?){1,2}\s*"
    r"(?:(?:vip|チャンネル|グループ)\s*(?:で|にて|に)?\s*)?(?:配信|発表|发表|公开|お知らせ|投稿)\w*(?:します)?|"
    # th "รายละเอียดจุดเข้า/เป้า/SL จะตามมาในอีกไม่กี่นาที" (the details, entry/target/SL, follow in a few minutes), "จุดเข้า
    # จะแจ้งภายหลัง" (the entry is told later)
    r"(?:รายละเอียด|จุดเข้า|ราคาเข้า|เป้า)[^\n]{0,30}?(?:จะ\s*)?(?:ตามมา|แจ้ง(?:ให้ทราบ)?|ประกาศ|ส่งให้)"
    r"(?:\s*(?:ใน\s*)?(?:อีก\s*)?(?:ไม่กี่นาที|\d{1,2}\s*นาที|เร็ว\s*ๆ\s*นี้|ภายหลัง|ทีหลัง))?|"
    # ("詳細は後ほど。", "エントリーはのちほど": later, the verb left out — only at the end of the sentence)
    r"(?:エントリー|価格|价格|利确|损切り?|详细|目标)\s*は\s*(?:后ほど|のちほど|あとで|后で)(?=\s*(?:$|[。！!、,.\n🔔]))")
_LEVELS_LATER = re.compile(r"(?i)" + _LEVELS_LATER_MORE + r"|[,—–-]?\s*(?:(?:the\s+|full\s+)?(?:levels?|entry|entries|targets?|tps?|details|setup|sl)"
                           r"(?:\s*(?:&|and|\+|/)\s*(?:levels?|entry|targets?|tps?|sl|stop))*\s+"
                           # ("levels in VIP in 5 min", "full details for VIP members only")
                           r"(?:(?:in|for)\s+(?:the\s+|our\s+)?vip(?:\s+members)?(?:\s+only)?"
                           r"(?:\s+(?:soon|later|in\s+~?\s*\d{1,2}\s*(?:min\w*|m)))?|"
                           # ("Entry & targets dropping in 5 minutes", "levels will be posted shortly")
                           # (session 27, cards27: "levels follow in a few min", "targets will follow shortly")
                           r"(?:(?:are\s+|will\s+be\s+|will\s+)?(?:dropping|dropped|landing|arriving|posted|shared|sent|out|up|coming|"
                           r"follow|following)\s+)?"
                           r"(?:soon|shortly|later|in\s+~?\s*\d{1,2}\s*(?:min\w*|m)"
                           # (Session 25: "details in a sec", "levels in a bit", "levels after i eat", "entry after lunch")
                           r"|in\s+a\s+(?:sec|second|bit|moment|min|minute|few(?:\s+min\w*)?)"
                           r"|after\s+(?:i|we)\s+(?:eat|get\s+back|wake\s+up|check|finish)|after\s+(?:lunch|dinner|breakfast))"
                           + _STILL_CHECKING + r"(?!\w)|"
                           r"to\s+follow|coming(?:\s+soon)?|"
                           # ("levels in the next msg", "entry & targets in the next tweet", "levels below in the thread"): the
                           # levels are another post's (a relay's next message, a thread's next part)
                           r"(?:(?:are\s+|will\s+be\s+)?(?:posted|shared|sent|dropping|coming)\s+)?(?:below\s+)?(?:in|on)\s+"
                           r"(?:the\s+|my\s+|our\s+|a\s+)?(?:next|following|separate)\s+(?:msg|message|post|tweet|reply|part)s?|"
                           r"(?:(?:are\s+|will\s+be\s+)?(?:posted|shared|sent)\s+)?(?:below\s+)?(?:in|on)\s+(?:the\s+)?"
                           r"(?:thread|replies|comments)|"
                           # (Hinglish: "levels thodi der mein bhejta hoon", "entry baad mein")
                           r"thodi\s+der\s+(?:mein|me|main|baad)|baad\s+(?:mein|me)|jaldi))(?!\w)|"
                           # ("Детали позже", "niveles en breve", "点位稍后发", "止盈止损稍后发", "Details folgen")
                           r"[,.—–-]?\s*(?:детали|уровни|цели|вход|стоп)(?:\s+(?:и|,)\s*\w+)*\s+(?:позже|скоро|чуть\s+позже)(?!\w)|"
                           # ka "დეტალები მალე — შესვლა და მიზნები 5 წუთში" (details soon — entry and targets in 5 minutes)
                           r"[,.—–-]?\s*(?:დეტალები|დონეები|შესვლა|მიზნები|სტოპი)(?:\s+(?:და|,)\s*(?:შესვლა|მიზნები|სტოპი|სტოპ-ლოსი))*"
                           r"\s+(?:მალე|მოგვიანებით|\d{1,2}\s*წუთში)(?!\w)|"
                           # pl "Szczegóły za chwilę" (details in a moment)
                           r"[,.—–-]?\s*(?:szczeg[óo][łl]y|poziomy|wej[śs]cie)\s+(?:za\s+chwil[ęe]|wkr[óo]tce|p[óo][źz]niej)(?!\w)|"
                           r"[,.—–-]?\s*(?:niveles|detalles|objetivos|n[íi]veis|detalhes|alvos|livelli|dettagli|niveaux|d[ée]tails|"
                           r"seviyeler|detaylar|details|level|detail|ziele|einstieg)(?:\s+(?:und|and|e|y|et|ve|i)\s+(?:sl|stop|tp))?"
                           r"(?:\s+exact[oa]s?)?\s+(?:en\s+breve|luego|despu[ée]s|em\s+breve|depois|a\s+breve|"
                           r"dopo|bient[ôo]t|plus\s+tard|birazdan(?:\s+payla[şs][ıi]lacak)?|sonra|folgen(?:\s+gleich)?|menyusul|nanti|"
                           # ("niveles exactos solo en el canal VIP", "levels in the VIP"): the levels are posted elsewhere
                           r"(?:s[óo]lo\s+|only\s+|apenas\s+)?(?:en|in|no|na)\s+(?:el\s+|the\s+|o\s+)?(?:canal\s+)?vip)(?!\w)|"
                           r"(?:the\s+)?(?:levels?|entry|targets?)\s+in\s+a\s+few\s+min\w*|"
                           # ko "진입가는 곧 공지합니다" (the entry price is announced soon)
                           r"(?:진입가|진입|타점|레벨)\w*\s*(?:는|은)?\s*곧\s*(?:공지|안내|발표|공유)\w*|"
                           # ko "자세한 내용은 곧 공개합니다", "상세 내용은 잠시 후 공지" (the details shortly)
                           r"(?:자세한|상세|세부)\s*(?:내용|정보|사항)\s*(?:는|은)?\s*(?:곧|잠시\s*후(?:에)?|조금\s*후(?:에)?)\s*"
                           r"(?:공지|안내|발표|공유|공개)\w*|"
                           r"(?:点位|止盈止损|止盈|止损|具体点位|详情)\s*(?:稍后|随后|晚点)\s*(?:发|公布|更新)?|"
                           # hi "एंट्री थोड़ी देर में दूंगा" (I give the entry in a while), "लेवल्स जल्द"; sw "subirini viwango vya
                           # kuingia" (wait for the entry levels), "viwango vitakuja baadaye"
                           r"(?:एंट्री|लेवल्स|लेवल|टारगेट|डिटेल्स)\s+(?:थो(?:ड़|ड़)ी\s+देर\s+(?:में|बाद)|जल्द(?:\s+ही)?|बाद\s+में)"
                           r"(?:\s+(?:दूंगा|दूँगा|देंगे|दूंगी|भेजूंगा|भेजेंगे|आएगी|आएंगे|मिलेगी|मिलेंगे))?(?=[\s,.!?।]|$)|"
                           r"subiri(?:ni)?\s+(?:viwango|maelezo)(?:\s+vya\s+(?:kuingia|entry))?(?!\w)|"
                           r"(?:viwango|maelezo)(?:\s+vya\s+(?:kuingia|entry))?\s+(?:(?:vitakuja|yatakuja)(?:\s+(?:baadaye|hivi\s+karibuni))?|baadaye|hivi\s+karibuni)(?!\w)")


# Trade words that name no trade: a rule for every trade ("max 2-3% per trade", "1% risk each call") and calls still to
# come ("First calls drop within the hour", "next signals coming soon", "today's calls at 14:00 UTC"), a habit warned of
# ("no revenge trades", "avoid FOMO trading")
_NO_TRADE_NAMED = re.compile(
    r"(?<!\w)(?:revenge|fomo|hero|panic|emotional|over)[\s-]*(?:trad\w*|entr(?:y|ies))(?!\w)|"
    # ("I'll post calls as I see them", "we will share setups when the market gives them"): calls promised, none named
    r"(?<!\w)(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+(?:post|share|send|drop)\s+(?:the\s+|new\s+|more\s+)?"
    r"(?:calls?|signals?|trades?|setups?)(?!\w)|"
    r"(?<!\w)(?:per|each|every|a|any|one)\s+(?:single\s+)?(?:trades?|calls?|signals?|positions?|setups?)(?!\w)|"
    r"(?<!\w)(?:(?:the\s+)?(?:first|next|more|new|today'?s|tonight'?s|fresh|upcoming)\s+)(?:calls?|signals?|trades?|setups?)\s+"
    r"(?:will\s+|should\s+|are\s+|is\s+)?(?:drop\w*|com(?:e|es|ing)|incoming|soon|later|land\w*|go(?:es|ing)?\s+out|"
    r"out\s+(?:soon|later)|within|in\s+\d|at\s+\d|around\s+\d|after|before|today|tonight|this\s+(?:morning|afternoon|evening))(?!\w)",
    re.IGNORECASE)


def _restates_beyond_a_promise(text: str) -> bool:
    """A restate cue outside the promise of levels to come ("#RENDER LONG / TP … / SL … / (điểm vào anh em chờ admin cập
    nhật sau nhé)": the entry "updated later by the admin" is a fresh card's missing level, no update of a trade)."""
    if lx.RESTATE_RE.search(text) is None:
        return False
    rest, promises = _LEVELS_LATER.subn(" ", text)
    return not promises or lx.RESTATE_RE.search(rest) is not None


def _lines_of_the_call(clean: str, levels, segments) -> str:
    """The post's lines that hold a level or another field we read (the lines that may settle a comma)."""
    call_lines = {t.line for t in (*levels.entries, *levels.targets, *levels.stop)} \
        | {t.line for s in segments if s.field in _ASSIGNED_FIELDS for t in s.tokens}
    return "\n".join(line for n, line in enumerate(clean.split("\n")) if n in call_lines)


def _levels_later_call(clean: str, comma_decimal: bool) -> bool:
    """A coin and a side word, and a promise that the levels follow in a later post ("Short #LTC now, levels soon")."""
    rest, promises = _LEVELS_LATER.subn(" ", clean)
    if not promises:
        return False
    per_line = [tokenize_line(line, n, comma_decimal) for n, line in enumerate(_GET_READY.sub(" ", rest).split("\n"))]
    # ("⚡ ALPHA SNIPER ⚡ / #signal #crypto #altcoins / $ETH long loading 🔥 levels in VIP in 5 min"): the channel's
    # heading and topic tags around the line of the call — any line with a number stays and is read
    sided = [n for n, line in enumerate(per_line) if any(t.kind == Kind.LABEL and t.field in _SIDE_FIELDS for t in line)]
    if len(sided) == 1:
        per_line = [line for n, line in enumerate(per_line)
                    if n == sided[0] or any(t.kind in (Kind.NUM, Kind.LEV, Kind.PCT) for t in line)
                    and not _sizing_note(line)]
        per_line = [_teaser_line(line) if n == sided[0] else line for n, line in enumerate(per_line)]
    return _only_coin_and_side([t for line in per_line for t in line], lower_case=True)


_SIZING_WORDS = frozenset(["size", "sizing", "position", "margin", "capital", "balance", "stack", "bag", "allocation"])


def _sizing_note(line: list[Token]) -> bool:
    """(session 27, cards27) "Start with 1/3 of your usual size", "Use 2% of your balance": a line whose only figures are
    shares, of the reader's size — how much to put in, no level of the call."""
    return not any(t.kind in (Kind.NUM, Kind.LEV) for t in line) \
        and any(t.kind in (Kind.WORD, Kind.LABEL) and t.text.lower().strip() in _SIZING_WORDS for t in line)


def _teaser_line(line: list[Token]) -> list[Token]:
    """The side line of a teaser without its "next" before the coin ("Next $PYTH long loading…": the coming call) and
    without the run of tags closing it after the side word ("… levels in 2/2 #PYTH#Solana": the post's topic tags)."""
    side_at = next((n for n, t in enumerate(line) if t.kind == Kind.LABEL and t.field in _SIDE_FIELDS), None)
    if side_at is None or not any(t.kind in (Kind.TAG, Kind.PAIR) for t in line[:side_at]):
        return line
    end = len(line)
    while end > side_at + 1 and line[end - 1].kind in (Kind.TAG, Kind.SEP):
        end -= 1
    kept = line[:end] if end < len(line) and any(t.kind == Kind.TAG for t in line[end:]) else line
    return [t for n, t in enumerate(kept) if not (t.kind == Kind.WORD and t.text.lower() in _NEXT_WORDS and n + 1 < len(kept)
                                                  and kept[n + 1].kind in (Kind.TAG, Kind.PAIR))]


# ("$ETH long loading", "#AVAX 숏 준비하세요!" (get ready for a short), "get ready to short #SOL"): the call announced
# (a teaser: "#TAO long coming soon, be ready", hi "#TAO पर जल्द ही लॉन्ग आने वाला है, तैयार रहो", sw "#KAS SHORT inakuja
# hivi karibuni" — the call is coming)
_GET_READY = re.compile(r"(?i)(?<!\w)(?:get\s+(?:your\s+|the\s+)?(?:usdt|usdc|funds|margin|wallets?|money|capital|orders?)\s+ready|"
                        # ("Have your USDT ready on futures", "keep notifications ON")
                        r"have\s+(?:your\s+|the\s+)?(?:usdt|usdc|funds|margin|wallets?|money|capital|orders?)\s+ready"
                        r"(?:\s+on\s+(?:the\s+)?(?:futures|spot|perps?))?|keep\s+(?:your\s+|the\s+)?notifications?\s+on|"
                        # id "Siap-siap LONG #AAVE … Siapkan margin dulu guys!" (get ready; get your margin ready first)
                        r"siap[\s-]*siap|siapkan\s+(?:margin|modal|dana|usdt|saldo)(?:\s+(?:dulu|kalian))?"
                        r"(?:\s+(?:guys|gaes|ya|semua|bro|bos))?|"
                        # ru "Готовлю шорт по #LDO … будьте на связи" (I am preparing a short … stay in touch)
                        r"готов(?:лю|им|имся|ьтесь)|готовьте\s+(?:маржу|депозит|usdt)|будьте\s+(?:на\s+связи|у\s+терминалов|готовы)|"
                        # ("Stay tuned geng!", "ATENÇÃO: SHORT em #AAVE saindo do forno!", "【速报】ETH ショート准备中 … お待ちください")
                        r"stay\s+tuned(?:\s+(?:geng|gengs|guys|fam|everyone|all|semua|bro|bos))?|"
                        r"aten[çc][ãa]o|atenci[óo]n|attention|achtung|attenzione|внимание|dikkat|perhatian|"
                        r"(?:saindo|sa[íi]do|reci[ée]n\s+salid[oa])\s+do\s+forno|reci[ée]n\s+salid[oa]\s+del\s+horno|fresh\s+out\s+of\s+the\s+oven|"
                        # ("Set your alerts!", "Turn on notifications 🔔": be there when the levels come)
                        r"set\s+(?:your\s+|the\s+)?(?:price\s+)?(?:alerts?|alarms?|notifications?)|"
                        r"(?:turn|switch)\s+on\s+(?:your\s+|the\s+)?notifications?|"
                        r"get\s+ready(?:\s+(?:to|for))?|loading|prepare(?:\s+(?:to|for))?|"
                        # ("Preparing a BTC long", "SOL short in preparation", "long en préparation", "preparando un short")
                        r"preparing(?:\s+(?:to|for|a|an|the|our))?|(?:being|getting)\s+prepared|in\s+(?:the\s+)?(?:preparation|works)|"
                        r"en\s+pr[ée]paration|en\s+preparaci[óo]n|em\s+prepara[çc][ãa]o|in\s+preparazione|in\s+vorbereitung|"
                        r"prepar(?:ando|amos|iamo|ons)|(?:is\s+)?(?:coming|incoming|inbound)(?:\s+soon)?|"
                        r"(?:be|stay)\s+ready|jaldi\s+aa\s+raha\s+hai|inakuja(?:\s+hivi\s+karibuni)?|hivi\s+karibuni|"
                        r"jiandaeni|kaeni\s+tayari|"
                        # vi "Sắp có kèo #AAVE SHORT" (a call is coming), "Chuẩn bị short #SOL" (get ready)
                        r"s[ắa]p\s+c[óo](?:\s+k[èe]o)?|chu[ẩa]n\s+b[ịi])(?!\w)|"
                        # th "เตรียมตัวให้พร้อม!" (get ready), "จะเปิด Short #OP เร็วๆ นี้" (a short will be opened soon)
                        r"เตรียมตัว(?:ให้พร้อม)?|เตรียมพร้อม|จะเปิด(?:สถานะ|ออเดอร์)?|เร็ว\s*ๆ\s*นี้|ในไม่ช้า|준비\s*하세요|준비\s*중|준비|准备中|速报|(?:少々)?お待ちください|请稍等|敬请期待|"
                        r"(?<!\S)(?:पर|जल्द(?:\s+ही)?|आने\s+वाला\s+है|आ\s+रहा\s+है|तैयार\s+(?:रहो|रहें|रहिए))(?=[\s,.!?।]|$)")


_EXCHANGES = frozenset({"binance", "bybit", "okx", "bitget", "kucoin", "mexc", "bingx", "phemex", "kraken", "gate", "gateio",
                        "htx", "huobi", "coinbase", "bitmex", "deribit", "blofin", "weex", "lbank", "xt", "bitunix"})
# "100U", "50u": a position size in USDT (Chinese channels' shorthand), never a price
_AMOUNT_IN_U = re.compile(r"\d+(?:[.,]\d+)?[uU]")


def _market_word_tokens(tokens: list[Token]) -> set[int]:
    """Ids of the tokens that spell a market word, alone or as a run of adjacent ones ("市", "价": Han characters are
    tokens of their own)."""
    found: set[int] = set()
    for i, first in enumerate(tokens):
        if first.kind != Kind.WORD:
            continue
        run, text, end = [first], first.text, first.start + len(first.text)
        for nxt in tokens[i + 1:i + 4]:
            if lx.MARKET_WORDS.fullmatch(text):
                break
            if nxt.line != first.line or nxt.start not in (end, end + 1) or nxt.kind != Kind.WORD:
                break
            run.append(nxt)
            text += (" " if nxt.start > end else "") + nxt.text  # ("по ринку": a space between words stays)
            end = nxt.start + len(nxt.text)
        if lx.MARKET_WORDS.fullmatch(text):
            found.update(id(t) for t in run)
    # (session 27, cards27: "LONG #FET right now 🚀"): "right" before the market word "now" is part of it
    found.update(id(t) for t, nxt in zip(tokens, tokens[1:]) if t.kind == Kind.WORD and t.text.lower() == "right"
                 and id(nxt) in found and nxt.text.lower() == "now" and nxt.line == t.line)
    return found


# Words that say a call was made: "LONG signal confirmed on DOT/USDT", "$PYTH long triggered, details soon", "DOGE 롱 진입"
_CALL_WORDS = re.compile(r"(?<!\w)(?:signal|se[ñn]al|sinal|sinyal|сигнал|triggered|confirmed|activated|entered|entering|alert|alerta|진입|вход\w*|giri[şs]|"
                         r"entrada|einstieg|entr[ée]e|ingresso|masuk|v[àa]o\s+l[ệe]nh|入场|进场|エントリー)(?!\w)|"
                         # ko "#TRX 롱 신호 발생" (a long signal came), "시그널", ja "シグナル", zh "信号" (particles glue on)
                         # (not "신호 없음" / "신호 대기 중": no signal, waiting for one)
                         r"(?:신호|시그널)(?!\s*(?:없|대기|예정|전|아님|아닙))|シグナル|信号", re.IGNORECASE)


_TIMEFRAME_WORD = re.compile(r"\d{1,3}[mhdw]|[mhdw]\d{1,3}", re.IGNORECASE)
_TIMEFRAME_BRACKETS = re.compile(r"\(\s*\d{1,3}\s*(?:m|h|d|w|min|mins|hr)\s*\)", re.IGNORECASE)


def _called_direction(tokens: list[Token], clean: str) -> bool:
    """A short post naming a coin and a side, saying the call was made, with no price at all (the levels "soon", "in
    the VIP room"): a direction alert, held."""
    if (rest := _TIMEFRAME_BRACKETS.sub(" ", _LEVELS_LATER.sub(" ", clean))) != clean:
        # ("LONG signal on #JASMY detected (5m). Levels will be posted when the setup confirms."): the promise of levels
        # and the timeframe are no part of the call (nor, beside the promise, "Have your USDT ready on futures")
        rest = _GET_READY.sub(" ", rest)
        tokens = [t for n, line in enumerate(rest.split("\n")) for t in tokenize_line(line, n, False)]
    words = [t for t in tokens if t.kind in (Kind.WORD, Kind.LABEL, Kind.TAG, Kind.PAIR)]
    # (no amount either: "$120M", "3.2K" are a word with digits)
    # (session 26, hard26: "signal=BUY asset=SUIUSDT tf=1h conf=0.82": the bot's score is no amount either)
    amounts = [t for n, t in enumerate(tokens) if t.kind in (Kind.WORD, Kind.INDEX, Kind.LEV) and any(ch.isdigit() for ch in t.text)
               and not _TIMEFRAME_WORD.fullmatch(t.text) and not (t.kind == Kind.INDEX and n and after_a_score_word(tokens, n))]
    return not any(t.kind in (Kind.NUM, Kind.PCT) for t in tokens) and not amounts and len(words) <= 14 \
        and _CALL_WORDS.search(clean) is not None and "liquidat" not in clean.lower() and "ликвидац" not in clean.lower()


_SIDE_FIELD_NAMES = frozenset({"direction", "side", "position", "dirección", "direccion", "direção", "direcao", "направление",
                               "yön", "yon", "arah", "posisi", "hướng"})
_CALL_NUMBER_WORDS = frozenset({"call", "signal", "trade", "setup", "idea", "post", "vip", "sinyal", "señal", "sinal",
                                "сигнал", "сделка"})


def _only_coin_and_side(tokens: list[Token], lower_case: bool = False) -> bool:
    """A coin and a side word, nothing else of a call (`lower_case`: the coin may be a ticker we know that is no word,
    written in lower case beside the side word — "long btc. details in 5 min", read beside a promise of the levels)."""
    # ("👉 SHORT #STRKUSDT now!": a market word beside them adds nothing; "🚀 ARB BUY NOW | Target: +8%": nor does a
    # target or stop given only as a percentage — no price level either way)
    market = _market_word_tokens(tokens)
    # ("🚨 ALERT 🚨 / #AAVE LONG NOW / Binance Futures", "#XRP — SHORT / Entry at market"): a heading word, the exchange,
    # the market and an entry label with no price add no level either
    priced = any(t.kind == Kind.NUM for t in tokens)
    # ("🦂 Call #105 — #LINK LONG x10 / entry + targets in 10 min"): the channel's number for the call adds no level
    numbered = {id(t) for n, t in enumerate(tokens) if t.kind == Kind.TAG and t.text[1:].isdigit()}
    numbered |= {id(t) for n, t in enumerate(tokens[:-1]) if id(tokens[n + 1]) in numbered and t.kind == Kind.WORD
                 and t.text.lower() in _CALL_NUMBER_WORDS}
    # ("Coin: #AVAX 👀 Direction: LONG"): the card's field names before the coin and the side add nothing either
    numbered |= {id(t) for n, t in enumerate(tokens[:-2]) if tokens[n + 1].text == ":" and tokens[n + 1].line == t.line
                 and (t.kind == Kind.LABEL and t.field == Field.SYMBOL and tokens[n + 2].kind in (Kind.TAG, Kind.PAIR)
                      or t.kind == Kind.WORD and t.text.lower() in _SIDE_FIELD_NAMES and tokens[n + 2].kind == Kind.LABEL
                      and tokens[n + 2].field in _SIDE_FIELDS)}
    if lower_case:
        # (Session 25: "longing this dip on doge 🚀 levels after i eat"): the words a phone-typed call puts between the
        # side word and its lower-case coin add nothing either
        for n, t in enumerate(tokens):
            if t.kind == Kind.WORD and t.text in _CARD_LOWER_CASE_TICKERS and lower_coin_a_few_words_after_side(tokens, n):
                side_at = max((m for m in range(n) if tokens[m].kind == Kind.LABEL and tokens[m].field in _SIDE_FIELDS),
                              default=n - 1)
                numbered |= {id(h) for h in tokens[side_at + 1:n]}
    meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX, Kind.PCT) and id(t) not in numbered
                  and id(t) not in market and not (t.kind == Kind.WORD and _AMOUNT_IN_U.fullmatch(t.text))
                  and not (t.kind == Kind.WORD and (t.text.lower() in _HEADING_WORDS or t.text.lower() in _EXCHANGES
                                                    or lx.FUTURES_RE.fullmatch(t.text) or lx.SPOT_RE.fullmatch(t.text)
                                                    or t.text.lower() in lx.FILLER_WORDS
                                                    # ("#LINK en corto ahora": the word between the coin and the side)
                                                    or t.text.lower() in SIDE_CONNECTORS
                                                    # ("#ORDI — short it NOW": the coin again, as a pronoun)
                                                    or t.text.lower() == "it"))
                  and not (t.kind == Kind.LABEL and t.field == Field.ENTRY and not priced)
                  # ("#NOTUSDT LONG 🚀 Leverage 20x", "#ARB LONG cross 10x": the leverage is no level)
                  and t.kind != Kind.LEV and not (t.kind == Kind.LABEL and t.field == Field.LEVERAGE)
                  and not (t.kind == Kind.WORD and t.text.lower() in ("cross", "isolated", "izole", "кросс"))]
    if any(t.kind == Kind.PCT for t in tokens):
        meaningful = [t for t in meaningful if not (t.kind == Kind.LABEL and t.field in (Field.TARGETS, Field.STOP))]
    return len(meaningful) == 2 and any(t.kind == Kind.LABEL and t.field in (Field.LONG, Field.SHORT, Field.BUY, Field.SELL)
                                        for t in meaningful) \
        and any(t.kind in (Kind.TAG, Kind.PAIR) or t.kind == Kind.WORD and t.text.isupper() for t in meaningful) \
        or lower_case and len(meaningful) == 2 and meaningful[0].line == meaningful[1].line \
        and any(t.kind == Kind.LABEL and t.field in (Field.LONG, Field.SHORT, Field.BUY, Field.SELL) for t in meaningful) \
        and any(t.kind == Kind.WORD and t.text in _CARD_LOWER_CASE_TICKERS for t in meaningful)


# A stop level marked as hit inside a restated setup ("SL 4.28 — hit", "SL: 4.28 ✅ triggered", "SL 139 (stopped out)",
# "Stop 63400 — stop oldu", "Стоп 3520 выбило", "손절 63400 손절됨", "止损 63400 已止损"): the words on the stop's own line
# after its price say the trade ended there ("SL 139 hit only on a 4H close" is the stop's rule)
_STOP_LABEL = (r"(?:sl|s/l|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?|стоплосс|zarar\s+durdur|손절(?:가|라인)?|"
               r"止损(?:价|位)?|损切り?|c[ắa]t\s+l[ỗo]|وقف(?:\s+الخسارة)?|استاپ(?:\s*لاس)?|حد\s+ضرر|स्टॉप\s*लॉस|สต็อปลอส)")
_STOP_LEVEL_HIT = re.compile(
    # ("SL 2.10 (BE) — hit, closed at entry": the stop moved to the entry, marked as hit)
    rf"(?<!\w){_STOP_LABEL}[ \t]*[:=：]?[ \t]*\$?\d[\d.,]*[ \t]*(?:\((?:be|breakeven|entry)\)[ \t]*)?(?:[-(\[|,][ \t]*)?"
    r"(?:(?:(?:(?:sl|stop(?:\s*loss)?)[ \t]+)?(?:was[ \t]+|got[ \t]+|has[ \t]+been[ \t]+)?(?:hit|triggered|taken|reached)|"
    r"stopped(?:[ \t]+out)?|stop[ \t]+(?:old\w*|patlad\w*)|patlad\w*|tetiklendi|(?:стоп\w*[ \t]+)?(?:выбил\w*|выбит\w*|"
    r"сработал\w*|вибил\w*|вибит\w*|спрацюва\w*)|стопнул\w*|(?:stop[ \t]+)?salt[óo]|stopad[oa]|stoppat[oai]|stopp[ée]e?|"
    r"ausgestoppt|ausgel[öo]st|d[ée]clench[ée]e?|touch[ée]e?|tocad[oa]|acionad[oa]|ejecutad[oa]|alcanzad[oa]|atingid[oa]|"
    r"raggiunt[oa]|colpit[oa]|erreicht|d[íi]nh|b[ịi][ \t]+qu[ée]t|kena|tersentuh|wybit\w*|zadzia[łl]a\w*|"
    r"손절[ \t]*(?:됨|됐\w*|되었\w*|처리\w*|완료|당\w*|나감|체결\w*)|تم[ \t]+ضرب\w*|ضرب|خورد|فعال[ \t]+شد|हिट|โดน)"
    # ("Stop 3530 (stopped out twice here before, so wider)", "SL 96900 (stopped out = 1R loss)": past stops or what a
    # stop-out costs, told on a fresh card)
    r"(?!(?:[ \t]+out)?[ \t]+(?:only|if|when|on[ \t]+(?:a[ \t]+)?\w*[ \t]*close|after|by|from|below|above|under|as|for|twice|thrice|"
    r"\d+[ \t]*times|again|before|previously|last|=|means|would|will|costs?)(?!\w))(?!\w)|"
    # (Han and kana words have no word boundary)
    r"(?:已?止损|被止损|打止损|已?触发|扫损|损切り?(?:され|にな|済)|ヒット)(?!后|时))")
# A stop's line crossed out after its price ("SL 63400 ❌", "SL 139 ❌ (-30%)", "Стоп 3520 ❌ стоп"): most often a
# re-post whose stop was hit, but a card may mark its pending stop so ("🛑 SL: 0.7260 ❌" under "TP1 ⏳") — held; with
# the stop's word again after the cross the post says the stop was hit
_STOP_LEVEL_CROSSED = re.compile(
    rf"(?<!\w){_STOP_LABEL}[ \t]*[:=：]?[ \t]*\$?\d[\d.,]*[ \t]*(?:[-(\[|,—–][ \t]*)?[\u274c\u26d4\U0001f6ab]\ufe0f?"
    # ("SL 28.05 ❌ stop tocado", "SL 2.02 ❌ preso", "SL 2.02 ❌ đã dính": a "hit" word after the cross says it too)
    rf"(?P<word>[ \t]*(?:{_STOP_LABEL}[ \t]+)?(?:đã[ \t]+)?(?:hit|triggered|taken|touched|tocad[oa]|pres[oa]|colpit[oa]|"
    r"acionad[oa]|atingid[oa]|ausgel[öo]st|d[íi]nh|kena|tersentuh|сработал\w*|выбил\w*|patlad\w*)(?=[ \t]*(?:$|[(!.—–-]))|"
    rf"[ \t]*{_STOP_LABEL}(?=[ \t]*(?:$|[(!.—–-])))?", re.MULTILINE)


def _stop_crossed(text: str) -> re.Match | None:
    """The stop's line crossed out after its price, read from the post as written (normalize takes the crosses out)."""
    if "\u274c" not in text and "\u26d4" not in text and "\U0001f6ab" not in text:
        return None
    return _STOP_LEVEL_CROSSED.search(text.lower().translate(TO_SIMPLIFIED))


# (session 27, money27: "🆕 NEW ENTRY — fresh position, not an update", "no es una actualización": the heading says
# it is no update — a negation before the word)
_UPDATE_HEADING = re.compile(r"(?<!market\s)(?<!daily\s)(?<!weekly\s)(?<!news\s)(?<!not\san\s)(?<!not\s)(?<!n't\san\s)"
                             r"(?<!no\s)(?<!no\ses\suna\s)(?<!n[ãa]o\s[ée]\suma\s)(?<!не\s)(?<!kein\s)(?<!keine\s)(?<!\w)(?:update|updated|обновлени[ея]|"
                             r"g[üu]ncelleme|actualizaci[óo]n|atualiza[çc][ãa]o)\W*$", re.IGNORECASE)
_ENTRY_TICKED = re.compile(r"(?<!\w)(?:entry|entries|buy|вход|giri[şs]|entrada|einstieg)[ \t]*\d?[ \t]*[:=@]?[ \t]*\$?\d[\d.,]*"
                           r"[ \t]*(?:k[ \t]*)?done")
_PRICE_IN_BRACKETS = re.compile(r"(?<![\d.,])[1-9]\d{2,}(?:[.,]\d+)?\s*\(\s*\$?0[.,]0{2,}\d+\s*\)")
# (a version number is taken out in normalize; one left beside a level's label is a mistyped price)
_MISTYPED_PRICE = re.compile(r"(?<![\d.,])\d{1,2}\.\d{1,2}\.\d{1,2}(?![\d.,])")
# The side's entry word, then "above" for a long or "below" for a short: an entry that waits for the price to cross
_TRIGGER_WORDS = r"(?:long|longs|buy|buying|entry|enter|go\s+long|go\s+short|short|shorts|sell|selling|trigger|лонг|шорт|вход)"
# ("LONG above 180 support": where the support is, not an order)
_TRIGGER_LONG = re.compile(rf"(?:(?<!\w){_TRIGGER_WORDS}\s*:?\s*(?:only\s+|just\s+)?(?:above|over|on\s+a\s+break\s+(?:above|of)|"
                           r"a\s+break\s+above|выше|por\s+encima\s+de|acima\s+de)|^\W*above)\s+\$?\d[\d.,]*k?(?![\d.,k])"
                           r"(?!\s*(?:support|resistance|level|zone|area|poc|ema|ma)(?!\w))", re.IGNORECASE | re.MULTILINE)
_TRIGGER_SHORT = re.compile(rf"(?:(?<!\w){_TRIGGER_WORDS}\s*:?\s*(?:only\s+|just\s+)?(?:below|under|on\s+a\s+break\s+(?:below|of)|"
                            r"a\s+break\s+below|ниже|por\s+debajo\s+de|abaixo\s+de)|^\W*below)\s+\$?\d", re.IGNORECASE | re.MULTILINE)
# (session 23: "entry was 158", "entry was at 158" — the entry told with its price; "Last entry was stopped at 141" under a
# fresh card tells how the previous trade ended, no level of this one)
_PAST_ENTRY = re.compile(r"(?<!\w)(?:entry\s+was\s*[:=]?\s*(?:at\s+|@\s*|~\s*|around\s+)?\$?\d|entered\s+(?:at\s+)?\$?\d)")
_FUTURE_MANAGEMENT = re.compile(r"(?:after|once|when)\s+(?:the\s+)?(?:tp|target)\s*\d*\s+(?:hits?|is\s+hit|gets\s+hit|"
                                r"is\s+reached|reached|fills?)(?!\w)|"
                                # "3차 목표 달성 시 손절 본절" (when the third target is reached, stop to entry), "目标2到达后"
                                r"(?:\d{1,2}\s*차\s*)?목표\s*\d{0,2}\s*(?:달성|도달)\s*시|(?:目标|止盈)\s*\d{0,2}\s*(?:到达|达到|触发)后|"
                                r"(?:달성|도달)\s*시|ch[ạa]m\s+th[ìi]|"
                                # ("TP1 hit → SL to entry", "TP1 done = SL to BE", "TP2 hit: close 50%" under a card: the
                                # card's rule for later)
                                r"(?:tp|target)\s*\d{1,2}\s*(?:hit|reached|done)?\s*(?:→|->|=>|=|>|:)\s*(?=(?:move\s+)?"
                                r"(?:sl|stop|close|take|book|sell)(?!\w))|"
                                r"(?:到达|达到)\s*(?:tp|目标)\s*\d\s*后")
_INSTANT_ORDER = re.compile(r"(?:instant|market)\s+execution|(?:buy|sell)\s+(?:at\s+)?market(?!\w)|"
                            # ("Entry type: Market / Entry: 35.20", "Entry: Market / Entry price 3395", "Enter at market,
                            # ideal entry 3380"): the order type said apart from the price written
                            r"(?:entry|order)[ \t]*type[ \t]*[:=\-–]?[ \t]*market(?!\w)|^[^\w\n]*entry[ \t]*[:=][ \t]*market[ \t]*$|"
                            r"(?:enter|entry|get\s+in|buy|sell)[ \t]+(?:at|@)[ \t]+(?:the[ \t]+)?market(?!\w)",
                            re.IGNORECASE | re.MULTILINE)
# ("Order type: Limit / Entry: now / Price 35.20"): a limit order said in so many words, at the price written
_LIMIT_ORDER_TYPE = re.compile(r"(?:entry|order)[ \t]*type[ \t]*[:=\-–]?[ \t]*limit(?!\w)", re.IGNORECASE)
# (a "Now:" label beside an entry label of its own is where the market is too)
_REFERENCE_PRICE = re.compile(lx.PRICE_NOW_PHRASE + r"|\W*(?:price|now|сейчас|зараз|[şs]imdi|ahora|agora|jetzt|"
                              r"maintenant|adesso|ora|teraz|sekarang|现在|现价|지금|현재가)\W*$", re.IGNORECASE)
_PRICE_NOW_LINE = re.compile(lx.PRICE_NOW_PHRASE + r"|price\s+now|当前价格?|现价|现在(?:価格|値)|现値|현재가", re.IGNORECASE)
# The labels of a line saying where the market is ("Current price:", "Live rate:", "قیمت فعلی:", "السعر الحالي:", "現在値：")
_PRICE_NOW_LABEL = re.compile(lx.PRICE_NOW_PHRASE + r"|(?:live|spot)\s+(?:price|rate)|price\s+now|g[üu]ncel\s+fiyat|"
                              r"(?:ال)?سعر\s+(?:ال)?حالي|قیمت\s+فعلی|当前价格?|现价|现在(?:価格|値)|现値|현재\s*가격?",
                              re.IGNORECASE)
_PRICE_IN_LINE = re.compile(r"\d+(?:[.,]\d+)?")


def _entry_is_the_price_now(clean: str, entry: Decimal, last_level_line: int) -> bool:
    """The price a "current price" phrase states is the entry (the price right after the phrase: "Entry 14.00 Current
    price: 3412.50" notes where the market is beside a limit order of its own). Only a phrase among the card's lines
    counts: one under all its levels ("… / SL 3467 / Current price: 3412.50") is a note where the market stood, and the
    limit written stays a limit (it fills the same)."""
    for line in clean.split("\n")[:last_level_line + 1]:
        for phrase in _PRICE_NOW_LINE.finditer(line):
            number = _PRICE_IN_LINE.search(line, phrase.end())
            if number is None:
                continue
            try:
                if Decimal(number.group(0).replace(",", ".")) == entry:
                    return True
            except ArithmeticError:
                continue
    return False


def _price_now_written(segments: list[Segment]) -> Decimal | None:
    """The one price a line saying where the market is gives ("Current price: 3.612", "قیمت فعلی: 0.01184") — set
    aside as no entry, it is the reference price of an order at the market."""
    values = {t.value for s in segments if s.field == Field.IGNORE and s.label is not None
              and _PRICE_NOW_LABEL.search(s.label.text) for t in s.numbers[:1] if t.value}
    return values.pop() if len(values) == 1 else None


# (session 25, bots25) A machine's field of the market's price, alone in its field: heading its line ("Mark price:
# 187.34", "Last price 0.5321", "Precio de marca: 187,34", "标记价格：187.34") or one of a header's "·"/"|"/"•" fields
# ("BINANCE:FETUSDT · 1H · price 1.2274") — no other word before the next field
_MARKET_REF_FIELD = re.compile(r"(?im)(?:^|[·|•])[^\w\n·|•]*(?:mark(?:[ \t]+price)?|last(?:[ \t]+price)?|index[ \t]+price|price|"
                               r"precio[ \t]+de[ \t]+marca|pre[çc]o[ \t]+de[ \t]+marca[çc][ãa]o|цена[ \t]+маркировки|标记价格?|"
                               r"i[şs]aret[ \t]+fiyat[ıi])[ \t]*[:=：]?[ \t]*\$?(\d+(?:[.,]\d+)*)[ \t]*(?:usdt?\b)?[^\w\n·|•]*(?=$|[·|•])")


def _market_reference_field(clean: str, side: Side, targets: list[Decimal], stop: Decimal | None) -> Decimal | None:
    """(session 25, bots25) The one price a machine's market-price field gives ("Mark price: 187.34", "· price 1.2274"),
    on the right side of the card's exits (a long's targets above it, its stop below); None for none, two, or a price
    the exits contradict."""
    found = set()
    for m in _MARKET_REF_FIELD.finditer(clean):
        written = m.group(1)
        reading = written.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", written) else written.replace(",", ".")
        try:
            found.add(Decimal(reading))
        except ArithmeticError:
            return None
    if len(found) != 1:
        return None
    now = found.pop()
    if now <= 0 or _side_from_levels([now], targets, stop) not in (side, None) \
            or targets and stop is not None and _side_from_levels([], targets, stop) != side:
        return None
    if any((t <= now) == (side == Side.LONG) for t in targets) or stop is not None and (stop >= now) == (side == Side.LONG):
        return None
    return now


# ("stop under 173", "sl below 168.9", "out above 0.64"): where the stop lies# ("stop under 173", "sl below 168.9", "out above 0.64"): where the stop lies — no limit word of the entry's
_STOP_BEYOND = re.compile(r"(?<!\w)(?:stop(?:[\s-]*loss)?|sl|inval\w*|out)\s+(?:goes\s+|is\s+|just\s+)?(?:below|under|above|over)(?!\w)",
                          re.IGNORECASE)


# ("(lagbhag 67,250)", "~ sekitar 8.94", "(cca 64 850)"): "about" between the market order and its price
_ABOUT_BEFORE_PRICE = re.compile(
    r"\W*(?:at|about|around|approx\w*|около|примерно|حوالي|حدود|लगभग|करीब|क़रीब|तकरीबन|lagbhag|sekitar|kira-kira|"
    r"lebih\s+kurang|kurang\s+lebih|khoảng|mga|humigit-kumulang|cca|kb|k[öo]r[üu]lbel[üu]l|oko[łl]o|circa|aprox\w*|"
    r"environ|etwa|ca|aproximativ|ongeveer|rond)?\W*", re.IGNORECASE)
# (session 25, bots25) "now" between the market order and its price ("at market (now about 8.20)", "เข้าที่ราคาตลาด
# (ตอนนี้ประมาณ 8.20)", "по рынку (сейчас ~8.20)", "a mercado (ahora 8,20)"): where the market is now
_NOW_BEFORE_PRICE = re.compile(r"ตอนนี้|(?<!\w)(?:(?:right\s+)?now|currently|сейчас|зараз|jetzt|ahora|agora|adesso|ora|"
                               r"maintenant|[şs]imdi|sekarang|hi[ệe]n\s+t[ạa]i|b[âa]y\s+gi[ờo]|abhi|अभी|teraz)(?!\w)|现在|目前|지금|今",
                               re.IGNORECASE)
# ("SHORT $APT market price pe / Ref: 8.92"): the market order's reference price on the line after it
# (session 26, hard26: "BUY #BTC market / ref ~61.9K": the reference with a thousands "K")
_REFERENCE_LINE = re.compile(r"^\W*(?:ref(?:erence)?(?:\s+price)?|approx\w*|~)\s*[:=~≈@]?\s*[~≈]?\s*\$?(\d+(?:[.,]\d+)?)"
                             r"[ \t]*(k?)\W*$", re.IGNORECASE)


def _market_order_before(clean: str, entry: Decimal) -> bool:
    """The entry's price written right after words ordering at the market on its line ("short here @ 17.86",
    "Закупаемся по текущим ≈ 0,8125", "เข้าได้เลยที่ราคาตลาด (ประมาณ 143.5)"), and no limit word on that line."""
    lines = clean.split("\n")
    for n, line in enumerate(lines):
        for found in lx.MARKET_PRICE_NOW.finditer(line):
            written = found.group("price")
            if not lx.LIMIT_WORDS.search(line) and any(Decimal(r) == entry for r in {written.replace(",", "."),
                                                                                    written.replace(",", "")}):
                return True
        for phrase in lx.MARKET_ORDER_BEFORE_PRICE.finditer(line):
            number = _PRICE_IN_LINE.search(line, phrase.end())
            if number is None and n + 1 < len(lines) and not lx.LIMIT_WORDS.search(line) \
                    and (ref := _REFERENCE_LINE.match(lines[n + 1])) is not None:
                # ("SHORT $APT market price pe / Ref: 8.92"): the reference on the line right after the order
                try:
                    if Decimal(ref.group(1).replace(",", ".")) * (1000 if ref.group(2) else 1) == entry:
                        return True
                except ArithmeticError:
                    pass
                continue
            if number is None or number.start() - phrase.end() > 24 or lx.LIMIT_WORDS.search(_STOP_BEYOND.sub(" ", line)):
                continue
            between = _NOW_BEFORE_PRICE.sub(" ", line[phrase.end():number.start()])
            if re.search(r"[^\W\d_]{3,}", between.replace("ประมาณ", "")) and not _ABOUT_BEFORE_PRICE.fullmatch(between):
                continue  # (words of their own between: "buy now, then add at 1.20")
            written = number.group(0)
            readings = {written.replace(",", "."), written.replace(",", "")}
            if _DOT_THOUSANDS.fullmatch(written):
                readings.add(written.replace(".", ""))  # ("a precio de mercado (3.412)": a thousands dot)
            try:
                if any(Decimal(r) == entry for r in readings):
                    return True
            except ArithmeticError:
                continue
    return False


_QUESTION = re.compile(r"\?(?:\s|$)|？|؟")
# Words that may follow "SL #ARBUSDT" without making it more than a stop-out ("hit", "-1R", "-3%").
_STOP_OUT_TAIL = re.compile(r"^(?:hit|triggered|reached|done|taken|out|\d+(?:[.,]\d+)?r)$", re.IGNORECASE)


def _stop_word_then_coin(tokens: list[Token]) -> bool:
    """"SL BTCUSDT", "Stop #XRPUSDT ❌", "SL 🔻 #ARBUSDT hit", or a line "#AVAX/USDT Stoploss ⛔️" in a post with no price."""
    if _stop_word_and_coin(tokens):
        return True
    if any(t.kind == Kind.NUM for t in tokens):
        return False
    return any(_stop_word_and_coin([t for t in tokens if t.line == n]) for n in {t.line for t in tokens})


def _stop_word_and_coin(tokens: list[Token]) -> bool:
    meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX, Kind.PCT)
                  and not (t.kind == Kind.WORD and _STOP_OUT_TAIL.match(t.text))]
    if len(meaningful) == 2 and meaningful[1].kind == Kind.LABEL and meaningful[0].kind in (Kind.PAIR, Kind.TAG):
        meaningful.reverse()
    return len(meaningful) == 2 and meaningful[0].kind == Kind.LABEL and meaningful[0].field == Field.STOP \
        and (meaningful[1].kind in (Kind.PAIR, Kind.TAG) or meaningful[1].kind == Kind.WORD
             and split_glued(meaningful[1].text)[1] is not None and meaningful[1].text.isupper())


def _bare_price_lines(lines: list[list[Token]], segments: list[Segment], levels: _Levels) -> list[Token]:
    """Numbers on lines of their own (one price, or two joined by a range separator) that no label claimed, before
    the first target or stop line."""
    claimed = {id(t) for s in segments for t in s.tokens}
    exits = [t.line for t in (*levels.targets, *levels.stop)]
    found: list[Token] = []
    for tokens in lines:
        meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX)]
        if not meaningful or (exits and meaningful[0].line >= min(exits)):
            continue
        if all(t.kind == Kind.NUM and id(t) not in claimed for t in meaningful) and len(meaningful) <= 2 \
                and all(t.text in _RANGE_SEPARATORS or t.text == "$" for t in tokens if t.kind == Kind.SEP):
            found.extend(meaningful)
    return found


# Words heading a line of prices that are no order level: where the market is, a statistic, a liquidation price
_NOT_A_LEVEL = re.compile(r"(?:price|current|now|cmp|mark|last|liq\w*|ликвид\w*|likid\w*|rr|r:r|risk|reward|ratio|"
                          r"pnl|roi|gain|profit\w*|volume|vol|cap|mcap|high|low|ath|atl|support|resistance|"
                          r"margin|size|qty|amount|balance|capital|fee|fees|funding|rsi|ema\d*|ma\d*|open|close|"
                          r"prev\w*|yesterday|today|week\w*|month\w*|h\d|\d+[hmd]|tf|timeframe|id|no|nr|r|reason|why|note|"
                          # the market's price in other languages; averaging (DCA) levels, never an order of the plan
                          r"цен\w*|сейчас|fiyat\w*|anl[ıi]k|precio|pre[çc]o|preis|kurs|prix|prezzo|harga|gi[áa]|قیمت|"
                          r"سعر|价格?|価格|가격|现在|dca|averag\w*|усредн\w*|ortalama|promedi\w*|bonus|"
                          # an exchange's name heads an advert or a venue line, not a level
                          r"binance|bybit|okx|bitget|kucoin|mexc|bingx|gate(?:io)?|huobi|htx|kraken|phemex|coinbase)",
                          re.IGNORECASE)


def _unknown_heading_rows(lines: list[list[Token]], segments: list[Segment],
                          levels: _Levels) -> list[tuple[int, str, list[Decimal]]] | None:
    """Lines headed by one to three words we do not know, then prices joined by separators and nothing else:
    (line, heading, prices). None when prices sit under a heading that says more than a label (no reading)."""
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    claimed = {id(t) for s in segments if s.field in _ASSIGNED_FIELDS or (s.field == Field.IGNORE and s.label is not None
                                                                         and s.label.kind == Kind.LABEL)
               for t in s.tokens}
    rows: list[tuple[int, str, list[Decimal]]] = []
    block: tuple[int, str, list[Decimal]] | None = None  # "Quxel de lucro:" heading its own line, rows of prices below
    for tokens in lines:
        meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX)]
        numbers = [t for t in meaningful if t.kind == Kind.NUM]
        if block is not None and numbers and len(numbers) == len(meaningful) \
                and not any(id(t) in read or id(t) in claimed for t in numbers):
            block[2].extend(_written_value(t) for t in numbers)
            continue
        if block is not None and (numbers or meaningful):
            if block[2]:
                rows.append(block)
            block = None
        if not numbers and 1 <= len(meaningful) <= 3 and all(t.kind == Kind.WORD for t in meaningful) \
                and tokens[-1].kind == Kind.SEP and tokens[-1].text == ":" \
                and not any(_NOT_A_LEVEL.fullmatch(t.text) for t in meaningful):
            block = (meaningful[0].line, " ".join(t.text for t in meaningful), [])
            continue
        if not numbers or any(id(t) in read or id(t) in claimed for t in numbers):
            continue
        first = meaningful.index(numbers[0])
        head, rest = meaningful[:first], meaningful[first:]
        # (connecting words do not count: "Quxel 4.95 and 5.05", "Quxel: close of 4h candle above 9.75", "0.4120 USDT")
        label_words = [t for t in head if not (t.kind == Kind.WORD and t.text.lower() in lx.FILLER_WORDS)]
        if not label_words or len(label_words) > 3 \
                or any(t.kind != Kind.WORD for t in head) or any(_NOT_A_LEVEL.fullmatch(t.text) for t in label_words) \
                or any(t.kind not in (Kind.NUM, Kind.PCT) and not (t.kind == Kind.WORD and t.text.lower() in lx.FILLER_WORDS)
                       for t in rest) or rest[-1].kind not in (Kind.NUM, Kind.WORD) and len(rest) < 2:
            if any(t.kind == Kind.WORD and not _NOT_A_LEVEL.fullmatch(t.text) for t in label_words):
                return None  # prices under a heading that says more than a label: no reading
            continue
        seps = {t.text for t in tokens[tokens.index(numbers[0]):] if t.kind == Kind.SEP} - {"(", ")", "+", "-", "%", "$"}
        if seps - set("/,~|>") - {"—", "–", "→", "➜"}:
            return None
        rows.append((numbers[0].line, " ".join(t.text for t in label_words), [_written_value(t) for t in numbers]))
    if block is not None and block[2]:
        rows.append(block)
    return sorted(rows)


def _stray_level_row(lines: list[list[Token]], segments: list[Segment], levels: _Levels) -> str | None:
    """The heading of a line that starts with one to three words we do not know followed by a price no label took,
    that price lying among the trade's levels as written ("Zielzone 6.60", "Quxel → 4.50 (close 40%)")."""
    written = [t.value for t in (*levels.entries, *levels.targets, *levels.stop)]
    if not written:
        return None
    low, high = min(written) / Decimal("1.5"), max(written) * Decimal("1.5")
    # ("ENTRY: 7.10 - 7.35 / OTE: 7.20": a price inside the entry zone is a preferred fill, not a missing level)
    zone = [t.value for t in levels.entries]
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    claimed = {id(t) for s in segments if s.field != Field.IGNORE or s.label is not None and s.label.kind == Kind.LABEL
               for t in s.tokens}
    entry_lines = {t.line for t in levels.entries}
    for tokens in _pipe_parts(lines):
        # (a percentage beside the heading, "Quxel (+7%): $111,700", says how far; it is no part of the heading)
        meaningful = [t for t in tokens if t.kind not in (Kind.SEP, Kind.INDEX) and not (t.kind == Kind.PCT and "%" in t.text)]
        # ("0.396 - 30%" reads as a percentage range: a price without its own "%" is a price)
        prices = [i for i, t in enumerate(meaningful) if t.kind == Kind.NUM
                  or t.kind == Kind.PCT and "%" not in t.text and t.value is not None]
        if not prices or not prices[0] or prices[0] > 3 or any(t.kind != Kind.WORD for t in meaningful[:prices[0]]):
            continue
        head = meaningful[:prices[0]]
        number = meaningful[prices[0]]
        if number.text.isdigit() and len(number.text) <= 2 and len(prices) > 1 and prices[1] == prices[0] + 1:
            number = meaningful[prices[1]]  # ("Quxel 3 — 26.20", "Quxel (2) 3.498": a row number, then the price)
        # ("Entry 1: 0.0960 / Quxel: 0.0935 / Entry 3: 0.0910": inside the zone but between two entry rows, a rung)
        sandwiched = {number.line - 1, number.line + 1} <= entry_lines
        after = next((t for t in meaningful if t.start > number.start and t.line == number.line), None)
        if after is not None and after.kind == Kind.WORD and _TIME_UNIT.match(after.text):
            continue  # ("hold 3–10 days": a duration)
        if _bracketed_tag(tokens, head[0], number):
            continue  # ("[VIP-3] 🇺🇦" over a relayed card: the relay's room tag, not a level)
        if id(number) in read or id(number) in claimed or not low <= number.value <= high \
                or zone and min(zone) <= number.value <= max(zone) and not sandwiched \
                or any(_NOT_A_LEVEL.fullmatch(t.text) for t in head) \
                or all(t.text.lower() in lx.FILLER_WORDS for t in head):
            continue
        return " ".join(t.text for t in head)
    return None


def _bracketed_tag(tokens: list[Token], first: Token, number: Token) -> bool:
    """The heading and its number stand alone in square brackets ("[VIP-3]", "[Room 2]")."""
    opened = [t for t in tokens if t.start < first.start]
    closed = [t for t in tokens if t.start > number.start]
    return bool(opened and closed) and opened[-1].text == "[" and closed[0].text == "]"


def _lone_price_before_exits(lines: list[list[Token]], segments: list[Segment], levels: _Levels) -> bool:
    """A line (or "|" part) of nothing but one or two numbers no label took, before the first exit line, on the
    scale of the trade's levels."""
    written = [t.value for t in (*levels.targets, *levels.stop)]
    if not written:
        return False
    low, high = min(written) / 2, max(written) * 2
    first_exit = min(t.line for t in (*levels.targets, *levels.stop))
    claimed = {id(t) for s in segments for t in s.tokens}
    for part in _pipe_parts(lines):
        meaningful = [t for t in part if t.kind not in (Kind.SEP, Kind.INDEX)]
        if meaningful and len(meaningful) <= 2 and meaningful[0].line <= first_exit \
                and all(t.kind == Kind.NUM and id(t) not in claimed and low <= t.value <= high for t in meaningful):
            return True
    return False


def _pipe_parts(lines: list[list[Token]]) -> list[list[Token]]:
    """Each line cut at its "|" separators: a post flattened onto one line ("#RUNE SHORT | Entry 1.412 | Exit rest:
    1.300") keeps one field per part, as a post written line by line keeps one per line."""
    parts: list[list[Token]] = []
    for tokens in lines:
        part: list[Token] = []
        for t in tokens:
            if t.kind == Kind.SEP and t.text == "|":
                parts.append(part)
                part = []
            else:
                part.append(t)
        parts.append(part)
    return parts


_TIME_UNIT = re.compile(r"(?:min\w*|hour\w*|hr|hrs|day\w*|week\w*|month\w*|дн\w*|час\w*|недел\w*|g[üu]n|saat|hafta|"
                        r"d[íi]as?|horas?|semanas?|tage?|stunden?|jours?|heures?|giorni|ore|hari|jam|ng[àa]y|روز|يوم|أيام|天|日|일)",
                        re.IGNORECASE)


def _written_value(token: Token) -> Decimal:
    return token.value  # (the tokeniser already reads "$68k" as 68000)


def _levels_by_position(lines: list[list[Token]], segments: list[Segment], levels: _Levels, side: Side | None,
                        entries: list[Decimal], targets: list[Decimal], stop: Decimal | None):
    """Levels missing from what the labels gave, found on lines headed by words we do not know
    (`_unknown_heading_rows`). With the side stated in words, the first such line before any exit is the entry when
    none was read; then a line whose prices all lie beyond the entry on the profit side (consecutive rows of one price
    each join) are the targets, and the one line with one price on the loss side is the stop. Returns None unless
    every line found gets a role and the result is one consistent trade."""
    found = _unknown_heading_rows(lines, segments, levels)
    rows = [(line, values) for line, _, values in found or []]
    if not rows or side is None:
        return None
    inferred: dict[str, str] = {}
    entries, targets = list(entries), list(targets)
    pending = list(rows)
    if not entries:
        line, values = pending.pop(0)
        exits = [*targets, *([stop] if stop is not None else [])]
        if len(values) > 2 or any(line > t.line for t in (*levels.targets, *levels.stop)) and exits:
            return None
        entries = sorted(values)
        inferred["entries"] = "range" if len(values) == 2 else "limit"
    profit = (lambda v: v > max(entries)) if side == Side.LONG else (lambda v: v < min(entries))
    loss = (lambda v: v < min(entries)) if side == Side.LONG else (lambda v: v > max(entries))
    new_targets: list[Decimal] = []
    new_stop: Decimal | None = None
    previous_line = None
    target_lines = [t.line for t in levels.targets] if len(levels.targets) == len(targets) else []
    joined: list[tuple[int, Decimal]] = []  # rows among the labelled target rows ("Target 1 / Quxel / Target 3")
    for line, values in pending:
        if all(profit(v) for v in values) and not targets and (not new_targets or previous_line == line - 1):
            new_targets.extend(values)
            previous_line = line
        elif targets and target_lines and len(values) == 1 and profit(values[0]) \
                and {line - 1, line + 1} & {*target_lines, *(n for n, _ in joined)}:
            joined.append((line, values[0]))
        elif len(values) == 1 and loss(values[0]) and stop is None and new_stop is None:
            new_stop = values[0]
        else:
            return None
    if joined:
        merged = [v for _, v in sorted([*zip(target_lines, targets, strict=True), *joined], key=lambda row: row[0])]
        if merged != sorted(merged, reverse=side == Side.SHORT) or len(set(merged)) != len(merged):
            return None
        targets = merged
        inferred["targets"] = "joined"
    if new_targets:
        ordered = sorted(new_targets, reverse=side == Side.SHORT)
        if ordered != new_targets:
            return None
        targets = new_targets
        inferred["targets"] = "list"
    if new_stop is not None:
        stop = new_stop
        inferred["stop"] = "one"
    if "entries" in inferred and (not (targets and all(profit(v) for v in targets)) or stop is not None and not loss(stop)):
        return None
    if not inferred or not targets and stop is None:
        return None
    return entries, targets, stop, inferred


def _unread_level_problems(segments: list[Segment], tokens: list[Token], levels: _Levels,
                           parsed: ParsedMessage) -> list[str]:
    """Safety nets for posts we only partly understood: never trade a guess.

    - a long whose entries came from a "Sell:" label (the buy label was not understood);
    - no exit level at all (no target, no stop price, no stop percentage);
    - a target list or stop missing while price-like numbers sit under a label we do not know
      ("Hold for 1.70 / 1.85", "الستوب: 79") — they are probably the missing levels.
    """
    problems = []
    entry_fields = {s.field for s in levels.entry_segments}
    # ("Buy:" over a short's entry is a common convention; "Sell:" over a long's entry never is.)
    if parsed.side == Side.LONG and Field.SELL in entry_fields:
        problems.append(f"the entries are under a label that contradicts the {parsed.side.value} side")
    if not parsed.targets and parsed.stop_loss is None and parsed.stop_loss_pct is None:
        problems.append("no target and no stop: the post gives no exit level")
    if parsed.targets and parsed.stop_loss is not None:
        return problems
    read = {id(t) for t in (*levels.entries, *levels.targets, *levels.stop)}
    known = {id(t) for s in segments if s.field in _ASSIGNED_FIELDS or (s.field == Field.IGNORE and s.label is not None
                                                                       and s.label.kind == Kind.LABEL)
             for t in s.tokens}
    scale = [*parsed.entries, *parsed.targets] + ([parsed.stop_loss] if parsed.stop_loss is not None else [])
    if not scale:
        return problems
    low, high = min(scale) / 3, max(scale) * 3
    unread = [t.text for t in tokens if t.kind == Kind.NUM and id(t) not in read and id(t) not in known
              and low <= t.value <= high]
    if unread:
        missing = "targets" if not parsed.targets else "stop"
        problems.append(f"{missing} missing while price-like numbers ({', '.join(unread[:3])}) sit under labels "
                        "we do not understand")
    return problems


_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
# (session 25) Currencies whose writers group thousands with a point ("6.680 ₺", "2.950 €", "R$ 1.250", "Rp 1.500"):
# every level written N.NNN beside one of their signs is thousands, whatever the coin's price floor
_DOT_GROUPING_FIATS = frozenset({"TRY", "EUR", "BRL", "IDR", "VND"})
# (session 26, asia26) currencies whose countries group thousands with a comma and write decimals with a point: a card
# priced in them ("Beli spot RM 318,000") reads "318,000" as thousands, whatever the words around it
_COMMA_GROUPING_FIATS = frozenset({"MYR", "INR", "GBP", "NGN"})


def _read_dot_thousands(levels: _Levels, candidate: SymbolCandidate | None, entries: list[Decimal],
                        targets: list[Decimal], stops: list[Decimal], stop: Decimal | None,
                        priced_in_dot_grouping_fiat: bool = False):
    """"#BTC Entry: 67.250 / TP: 66.800": a point as the thousands separator. Read so only when every level is
    written N.NNN, the coin cannot trade at the literal value (below its price floor) and can at the x1000 one;
    anything else under the floor is left for the safety rules to reject."""
    floor = price_floor(candidate.symbol if candidate else None)
    tokens = [*levels.entries, *levels.targets, *levels.stop]
    values = [*entries, *targets, *stops]
    written_so = bool(tokens) and all(_DOT_THOUSANDS.fullmatch(t.text) and not t.thousands_suffix for t in tokens)
    if priced_in_dot_grouping_fiat and written_so and values and min(values) >= 1:
        pass  # ("Giriş: 6.680 - 6.760 ₺"): the lira's writers group thousands with a point
    elif floor is None or not tokens or not values or max(values) >= floor or min(values) * 1000 < floor \
            or not written_so:
        return entries, targets, stops, stop
    def thousands(v: Decimal) -> Decimal:
        return (v * 1000).quantize(Decimal(1))  # "3.400" -> 3400: the digits as written, without the separator

    return ([thousands(v) for v in entries], [thousands(v) for v in targets], [thousands(v) for v in stops],
            None if stop is None else thousands(stop))


def _hindsight(text: str, entries: list[Decimal] = (), exits: list[Decimal] = ()) -> bool:
    """What a buy would have made ("If you had bought $WIF at 1.85 you'd be up 40%", "Kalau kemarin kalian beli $WIF
    di 1,85, sekarang udah cuan 40%"): a counterfactual, or a condition on the readers' past buy with a gain.

    Only when that sentence is all the post says about the trade: a card whose entries and an exit level stand outside
    it ("If you had bought $WIF at 1.85 you'd be up 40%. Next one: / #WIF LONG / Entry 2.10 …", "#SOL LONG … / Had you
    bought at 120 you'd already be +16%") is read — the look back is a teaser for it."""
    found = lx.HINDSIGHT_RE.search(text)
    if found is None:
        weak = lx.HINDSIGHT_IF_YOU_BOUGHT_RE.search(text)
        if weak is None:
            return False
        line_start = text.rfind("\n", 0, weak.start()) + 1
        line_end = text.find("\n", weak.end())
        if lx.HINDSIGHT_PAST_RE.search(text[line_start:len(text) if line_end < 0 else line_end]) is None:
            return False
        found = weak
    if not entries or not exits:
        return True
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, found.start())), default=0)
    after = _SENTENCE_END.search(text, found.end())
    rest = text[:start] + "\n" + (text[after.start():] if after else "")
    seen = _levels_named(rest)
    return not (all(v in seen for v in entries) and any(v in seen for v in exits)) or _hindsight(rest)




def _levels_named(text: str) -> set[Decimal]:
    """Every price the text writes, read with a thousands comma and with a decimal comma."""
    seen = set()
    for variant in {_THOUSANDS_COMMA.sub("", text), _DECIMAL_COMMA.sub(".", text)}:
        for number in _PLAIN_NUMBER.finditer(variant):
            seen.add(Decimal(number.group(1)) * (1000 if number.group(2) else 1))
    return seen


def _asks_about_the_call(clean: str, levels: list[Decimal]) -> bool:
    """A sentence asking the readers about the levels ("Should I long #SOL at 142.5 …?"), or a poll."""
    low = clean.lower()
    if ("vote" in low or " or not" in low) and lx.POLL_RE.search(low):
        return True
    if len(_LETTERED_OPTION.findall(clean)) >= 2 and ("?" in clean or "\uff1f" in clean or "\u061f" in clean
                                                      or _POLL.search(low)):
        # ("What would you do here? / A) Long 3,350 — SL … / B) Short 3,440 — SL … / C) Sit on hands / Vote 👇"): the
        # setups are the answers of a multiple-choice question to the readers
        return True
    if not ("?" in clean or "\uff1f" in clean or "\u061f" in clean):
        return False
    wanted = set(levels)
    for sentence in lx.QUESTION_SENTENCE_RE.finditer(clean):
        text = sentence.group(0)
        if _WHY_THIS_LEVEL.match(text):
            continue  # ("Why 188.5? It's the 0.618 fib", "¿Por qué 188,5? Soporte diario."): the writer explains the level
        # ("64,200?" is a thousands comma; "¿… #SOL a 188,50?", "по 188,5?" a decimal comma: either reading asks about
        # the level when it is one of the call's)
        for variant in {_THOUSANDS_COMMA.sub("", text), _DECIMAL_COMMA.sub(".", text)}:
            for number in _PLAIN_NUMBER.finditer(variant):
                value = Decimal(number.group(1)) * (1000 if number.group(2) else 1)
                if value in wanted:
                    return True
    return False


# A line opening as a lettered answer of a question ("A) Long 3,350 …", "b. Short", "🅰️ …", "Option B: …")
_LETTERED_OPTION = re.compile(r"^[^\w\n]*(?:(?:option|opci[óo]n|op[çc][ãa]o|вариант|se[çc]enek)\s+)?[A-Da-dАБВГ]\s*[).:：]\s+\S|"
                              r"^[^\w\n]*(?:\U0001f170|\U0001f171)", re.MULTILINE)


# A short "why this level?" that the writer answers ("Why 188.5?", "¿Por qué 188,5?", "Почему 188,5?", "Neden 188,5?",
# "Warum 188,5?", "Pourquoi 188,5 ?", "为什么是188.5？"): no question to the readers. ("Why not long at 188.5?" proposes
# the trade as a question, and stays one.)
_WHY_THIS_LEVEL = re.compile(
    r"[\W_]*(?:why|por\s*qu[ée]|porque|почему|зачем|чому|neden|niye|ni[çc]in|warum|wieso|weshalb|pourquoi|perch[ée]|"
    r"dlaczego|czemu|kenapa|mengapa|t[ạa]i\s+sao|v[ìi]\s+sao|چرا|لماذا|क्यों|为什么|为何|なぜ|왜)(?!\w)"
    r"(?!\s*(?:not|no|бы|не|ні|değil|nicht|pas|non|nie|tidak|kh[ôo]ng|不|지)(?!\w))[^\n?？؟]{0,20}[?？؟]$", re.IGNORECASE)
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d+(?![\d.,]))")
_PLAIN_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)(k)?(?![\w.,]\d)", re.IGNORECASE)


# ("do not enter yet", "don't enter before the close", "do not enter until it confirms"): the entry waits, it is not
# ruled out
_NOT_YET = re.compile(r"\s*(?:yet|before|until|till|til|early|now)(?!\w)", re.IGNORECASE)
_ENTER_WORD = re.compile(r"(?<!\w)enter(?!\w)", re.IGNORECASE)
# (session 26, hard26) "until then", "till then", "before that", es "hasta entonces", pt "até lá / até então", fr "jusque-là /
# d'ici là", de "bis dahin / bis dann", it "fino ad allora / fino a quel momento", ru "до тех пор / до этого / а пока", tr "o
# zamana kadar / o zamana dek", id "sampai saat itu / sampai itu terjadi", vi "cho đến lúc đó / trước đó", zh "在此之前 / 之前":
# the words just before a "do not place it" that tie it to the card's condition
_UNTIL_THEN = re.compile(r"(?:(?<!\w)(?:until|till|til)\s+(?:then|that\s+(?:happens|close|candle))|(?<!\w)before\s+that|"
                         r"(?<!\w)hasta\s+(?:entonces|ese\s+momento)|(?<!\w)at[ée]\s+(?:l[áa]|ent[ãa]o)|(?<!\w)jusque[\s-]l[àa]|"
                         r"(?<!\w)d['’]ici\s+l[àa]|(?<!\w)bis\s+(?:dahin|dann)|(?<!\w)fino\s+(?:ad?\s+allora|a\s+quel\s+momento)|"
                         r"(?<!\w)до\s+(?:тех\s+пор|этого|того)|(?<!\w)а\s+пока|(?<!\w)o\s+zamana\s+(?:kadar|dek)|"
                         r"(?<!\w)sampai\s+(?:saat\s+itu|itu\s+terjadi)|(?<!\w)cho\s+(?:đ|d)[ếe]n\s+l[úu]c\s+(?:đ|d)[óo]|"
                         r"在此之前|在那之前)\W{0,4}(?:(?:please|plz|pls|just|simply)\s+)?$", re.IGNORECASE)
# ("long only above 97k", "shorts only below 2,400", "only longs over 150"): a side allowed beyond a level — a bias
_SIDE_ONLY_BEYOND = re.compile(r"(?<!\w)(?:(?:longs?|shorts?|buys?|buying|sells?|selling)\s+only|only\s+(?:longs?|shorts?|buys?))\s+"
                               r"(?:(?:while|when|if|as\s+long\s+as)\s+(?:we(?:'re|\s+are)?\s+|price\s+(?:is\s+)?)?)?(?:above|below|over|under)"
                               r"(?!\w)", re.IGNORECASE)


def _conditional_entry(clean: str, lines: list[list[Token]], side: Side | None = None) -> bool:
    """A condition on a market event before any stop label of its line ("BTC long if 70k breaks, TP 72k, SL 68k");
    a conditional stop ("SL: 135 (if 4H closes below)") is a stop price like any other."""
    for text, tokens in zip(clean.split("\n"), lines):
        stop_at = next((t.start for t in tokens if t.kind == Kind.LABEL and t.field == Field.STOP), len(text))
        if lx.CONDITIONAL_ENTRY_RE.search(text[:stop_at]):
            return True
        # ("#ETH long 3380, tp 3450, sl 3310 — entry only after 4H close above 3400"): after the stop, a clause that
        # names the entry and waits for a market event is the entry's condition, not the stop's
        if (named := _ENTRY_WORD_AFTER_STOP.search(text, stop_at)) and lx.CONDITIONAL_ENTRY_RE.search(text, named.start()):
            return True
        # ("#SOL long 150, tp 158, sl 145 — only if the daily closes above 152", "止损 145（站稳152后再进）"): after the
        # stop, an "only if" on a move the trade's way, or a hold "then enter", is the entry's condition (a close
        # against the trade there is the stop's: "SL 145 only if 4H closes below")
        # (after the stop's price: "Stop loss triggered only on 4H close" is the stop's own sentence)
        priced = next((t.start + len(t.text) for t in tokens if t.start > stop_at and t.kind == Kind.NUM), len(text))
        if priced < len(text) and side is not None and (only := _ONLY_IF.search(text, priced)) \
                and lx.CONDITIONAL_ENTRY_RE.search(text, only.start()) \
                and not (_AGAINST_LONG if side == Side.LONG else _AGAINST_SHORT).search(text, only.start()) \
                or priced < len(text) and _HOLD_THEN_ENTER.search(text, priced):
            return True
    return False


# ("I'd long", "I would short", "we'd be buyers", "this is what I'd do", "I'll be looking for longs"): the author's
# would-mood over a trade
_WOULD_PLAN = re.compile(r"(?<!\w)(?:(?:i'?d|i\s+would|we'?d|we\s+would)\s+(?:\w+\s+)?(?:long|short|buy|sell|enter|go\s+long|"
                         r"go\s+short|be\s+(?:a\s+)?(?:buyers?|sellers?|looking|long|short|in))|"
                         r"this\s+is\s+what\s+(?:i'?d|i\s+would|we'?d|we\s+would)\s+do|"
                         r"(?:i'?ll|i\s+will|we'?ll|we\s+will)\s+be\s+looking\s+(?:for|to)\s+(?:longs?|shorts?|buys?|sells?|enter|"
                         r"buy|sell|long|short))(?!\w)(?!\s+(?:more|again|the\s+dip|some\s+more|back)(?!\w))", re.IGNORECASE)
# (a sentence: up to a ". ! ?" that is no decimal point, or a line's end; the one sentence end every reader in this module
# splits by — two earlier definitions under this name were overwritten before any call, so they are gone)
_SENTENCE_END = re.compile(r"[!?\n]|\.(?!\d)")


# ("If BTC loses 58k on the 4h close, I'll short #SOL from ~141 …", "we will long ETH if 3k reclaims"): the author's
# will-mood over a trade in the sentence of a market event — a plan only when the post also says nothing is placed yet
_WILL_PLAN = re.compile(r"(?<!\w)(?:i'?ll|i\s+will|we'?ll|we\s+will|i'?m\s+going\s+to|we'?re\s+going\s+to|i'?m\s+gonna|"
                        r"we'?re\s+gonna)\s+(?:\w+\s+)?(?:long|short|buy|sell|enter|go\s+long|go\s+short|post\s+(?:a|the)\s+"
                        r"(?:long|short|call|entry))(?!\w)", re.IGNORECASE)
# ("No orders from me yet, don't front-run", "nothing placed yet", "no position yet", "don't front-run me"): nothing is
# placed — the plan waits
_NOTHING_PLACED_YET = re.compile(r"(?<!\w)(?:no\s+(?:orders?|positions?|trades?|entries|bids)\s+(?:(?:from|by)\s+(?:me|us)\s+|"
                                 r"placed\s+|open\s+)?yet|nothing\s+(?:placed|opened|open|in)\s+yet|"
                                 r"(?:don'?t|do\s+not)\s+front[\s-]?run)(?!\w)", re.IGNORECASE)


def _would_plan(clean: str, scope_start: int, levels: _Levels, mood: re.Pattern | None = None) -> bool:
    """The author's would-mood over a trade in the sentence of a market event it waits for, before the first level
    ("IF we sweep 640 and reclaim it, I'd long 645–650"); not an add on a dip beside a call ("I'd buy more if it dips to
    146"), nor a remark after the card ("#SOL long 150 tp 158 sl 145. I'd long even more if it breaks 152")."""
    line_starts = [0, *(i + 1 for i, c in enumerate(clean) if c == "\n")]
    first_level = min((line_starts[t.line] + t.start for t in (*levels.entries, *levels.targets, *levels.stop)
                       if t.line < len(line_starts)), default=len(clean))
    for found in (mood or _WOULD_PLAN).finditer(clean, scope_start, first_level):
        starts = [m.end() for m in _SENTENCE_END.finditer(clean, scope_start, found.start())]
        start = starts[-1] if starts else scope_start
        end = _SENTENCE_END.search(clean, found.end())
        if lx.CONDITIONAL_ENTRY_RE.search(clean[start:end.start() if end else len(clean)]):
            return True
    return False


# Session 23 (warn23): after the stop's price, a condition on ANOTHER coin's move ("… SL 3450 wenn BTC über 65000
# schließt", "… SL 3450 si le BTC casse 65000", "… caso o BTC segure os 64k"): the card's own stop cannot wait on another
# coin — the entry does
_CONDITION_AFTER_STOP = re.compile(r"(?<!\w)(?:if|when|once|after|unless|until|wenn|falls|sobald|si|se|caso|quando|cuando|quand|lorsque|"
                                   r"если|когда|после|eğer|jika|kalau|setelah|n[ếe]u|khi|إذا|اذا|عندما|اگر)\s", re.IGNORECASE)
_OTHER_COIN_WORD = re.compile(r"(?<![\w#$])(?:[#$]?[A-Z][A-Z0-9]{1,9}|bitcoin|ethereum|биткоин\w*|биткойн\w*)(?!\w)")


def _waits_for_unchecked(clean: str, lines: list[list[Token]], base: str | None) -> str | None:
    """An entry that waits for something the bot cannot read (an indicator, funding, volume, news, a retest or a support
    confirmed with no price), or — after the stop's price — for another coin's move: the words, else None."""
    if (found := lx.UNCHECKED_CONDITION_RE.search(clean)) is not None:
        return found.group(0)
    for text, tokens in zip(clean.split("\n"), lines):
        stop_at = next((t.start for t in tokens if t.kind == Kind.LABEL and t.field == Field.STOP), None)
        if stop_at is None:
            continue
        priced = next((t.start + len(t.text) for t in tokens if t.start > stop_at and t.kind == Kind.NUM), None)
        if priced is None or (cond := _CONDITION_AFTER_STOP.search(text, priced)) is None:
            continue
        end = _STALE_CLAUSE_END.search(text, cond.end())
        clause = text[cond.start():end.start() if end else len(text)]
        for word in _OTHER_COIN_WORD.finditer(clause):
            name = word.group(0).lstrip("#$").upper()
            name = {"BITCOIN": "BTC", "ETHEREUM": "ETH"}.get(name, "BTC" if name.startswith("БИТКО") else name)
            if name in KNOWN_TICKERS and name != base:
                return clause.strip()
    return None


# ("if you missed the first entry, entry 2 is still open", "still valid", "sigue activa"): part of the call still stands
_STALE_STILL_OPEN = re.compile(r"(?<!\w)(?:still\s+(?:open|valid|active|buyable|good|in\s+play|available|enterable)|"
                         r"sigue\s+(?:abierta|activa|v[áa]lida)|ainda\s+(?:aberta|ativa|v[áa]lida|vale)|"
                         r"ещ[её]\s+(?:актуал\w*|открыт\w*)|hala\s+(?:ge[çc]erli|a[çc][ıi]k)|masih\s+(?:berlaku|valid|open)|"
                         r"v[ẫa]n\s+c[òo]n\s+hi[ệe]u\s+l[ựu]c|仍然有效|还有效)(?!\w)", re.IGNORECASE)
# (a limit or condition beside the words — "below 135 the setup is no longer valid", "expired if not filled": the stop's
# sentence or the order's validity, not the card said to be stale)
_STALE_QUALIFIED = re.compile(r"(?<!\w)(?:below|above|under|over|if|once|unless|when|closes?|ниже|выше|если|debajo|"
                              r"encima|abaixo|acima|unter|[üu]ber|sous|au-dessus|alt[ıi]nda|[üu]st[üu]nde|di\s+bawah|d[ưu][ớo]i|"
                              r"tr[êe]n|si|wenn|falls|sl|stop(?:[\s-]?loss)?|invalidation|стоп\w*|손절|损切り?)(?!\w)|跌破|以下|以上|止损",
                              re.IGNORECASE)
# (after the words, only a condition or a limit qualifies them: "no longer valid below 4.90", "expired if not filled")
_STALE_CONDITION = re.compile(r"(?<!\w)(?:below|above|under|over|if|once|unless|when|ниже|выше|если|debajo|encima|abaixo|acima|"
                              r"unter|[üu]ber|sous|au-dessus|alt[ıi]nda|[üu]st[üu]nde|si|wenn|falls)(?!\w)|跌破|以下|以上",
                              re.IGNORECASE)
# (a clause: up to a sentence's end, a colon, or a dash between spaces)
_STALE_CLAUSE_END = re.compile(r"[!?\n;:：。！？]|\.(?!\d)|\s[-–—|]\s")


def _stale_card(scope: str) -> str | None:
    """The post says the card it quotes is stale or not to be taken any more ("Too late to enter …", "Signal no longer
    valid: …", "Expired ⌛ …", "Опоздали … уже не актуально"): the words, else None."""
    if _STALE_STILL_OPEN.search(scope):
        return None
    for found in lx.STALE_CARD_RE.finditer(scope):
        starts = [m.end() for m in _STALE_CLAUSE_END.finditer(scope, 0, found.start())]
        before = scope[starts[-1] if starts else 0:found.start()]
        if (paren := scope.rfind("(", 0, found.start())) > scope.rfind(")", 0, found.start()):
            before = scope[paren:found.start()]  # (a note in brackets after a level: "SL 4.95 (below it … no longer valid)")
        if len(before.split()) <= 2 and not any(ch.isdigit() for ch in before) and "\n" in scope[:found.start()]:
            # (its line opens with the words: the line above may qualify them — "ниже 0.880 идея не актуальна", the
            # condition read onto a stop line above it)
            above = scope[:found.start()].rsplit("\n", 1)[0].rsplit("\n", 1)[-1]
            before = above if _STALE_QUALIFIED.match(above.strip()) else before
        end = _STALE_CLAUSE_END.search(scope, found.end())
        after = scope[found.end():end.start() if end else len(scope)]
        if (comma := re.search(r"[,，]", after)) and not _STALE_CONDITION.match(after[comma.end():].lstrip()):
            after = after[:comma.start()]  # ("expired, if the entry is not hit": a condition after the comma still counts)
        if not _STALE_QUALIFIED.search(before) and not _STALE_CONDITION.search(after):
            return found.group(0)
    return None


# (a post whose first word is the condition: "If …", "Once …", "Si …", "Если …")
_CONDITION_FIRST = re.compile(r"[^\w\n]*(?:if|once|wenn|falls|si|se|если|eğer|jika|kalau|nếu)\s", re.IGNORECASE)
_ONLY_IF = re.compile(r"(?<!\w)(?:only|solo|s[óo]lo|s[óo]|nur|erst|только|sadece|ch[ỉi])\s+(?:if|once|after|when|on|si|se|"
                      r"wenn|nach|если|после|когда|khi|n[ếe]u)(?!\w)", re.IGNORECASE)
_AGAINST_LONG = re.compile(r"(?<!\w)(?:below|under|lower|loses?|lost|ниже|unter|unterhalb|alt[ıi]\w*|d[ưu][ớo]i|debajo|abajo|"
                           r"abaixo)(?!\w)|跌破|下方", re.IGNORECASE)
_AGAINST_SHORT = re.compile(r"(?<!\w)(?:above|over|higher|reclaims?|выше|[üu]ber|oberhalb|[üu]st[üu]\w*|[üu]zerinde|tr[êe]n|"
                            r"encima|arriba|acima)(?!\w)|站稳|突破|上方", re.IGNORECASE)
_HOLD_THEN_ENTER = re.compile(r"(?:站稳|突破|跌破|站上)[^\n，,。]{0,12}?(?:之?后)再?(?:进|入|做|开|上车)")


_ENTRY_WORD_AFTER_STOP = re.compile(r"(?<!\w)(?:entry|enter|entering|вход\w*|заход\w*|giri[şs]\w*|entrada|entrar|einstieg|"
                                    r"entr[ée]e|ingresso|v[àa]o\s+l[ệe]nh|入场|进场|진입)(?!\w)", re.IGNORECASE)


_CANDLE_CLOSE = re.compile(r"\bclose|closes|closing|закрыти|закреп|kapan[ıi]ş|cierre|fechamento", re.IGNORECASE)


def _closes_on_candle(levels: _Levels) -> bool:
    return any(_CANDLE_CLOSE.search(s.text()) for s in levels.stop_segments)


# "after TP1", "once TP1 is hit", "sau TP1", "после ТП1", "nach TP1", "después del TP1", "TP1 sonrası"
_AFTER_A_TARGET = re.compile(
    r"(?:after|once|when|upon|sau(?:\s+khi)?|после|nach|despu[ée]s\s+(?:de(?:l)?|del)|ap[óo]s|po|setelah)\s+(?:the\s+|o\s+|el\s+|dem\s+)?"
    r"(?:tp|target|тп|тейк\w*|цел\w*|ziel|objetivo|alvo|hedef|take[\s-]*profit)\s*\d|"
    r"(?:tp|target|тп|hedef)\s*\d\s+(?:is\s+|gets\s+)?(?:hit|reached|done|sonras[ıi])", re.IGNORECASE)
_THEN = re.compile(r"→|->|➜|⇒|=>|(?<=\d)\s*>\s*(?=\d)|\bthen\b|\bзатем\b|\bpotem\b|\bluego\b|\bdepois\b|\bsonra\b", re.IGNORECASE)


def _later_stops(stops: list[Token], lines: list[str]) -> list[Token]:
    """The stop prices a post gives for after a target is reached: on a line that says so, the price after the
    condition or after an arrow or "then" that follows the first stop."""
    later = []
    for t in stops:
        line = lines[t.line] if t.line < len(lines) else ""
        condition = _AFTER_A_TARGET.search(line)
        if condition is None:
            continue
        if t.start > condition.start() and not any(s.line == t.line and condition.start() < s.start < t.start
                                                    for s in stops) or (then := _THEN.search(line, 0, t.start + 1)) is not None \
                and any(s.line == t.line and s.start < then.start() for s in stops):
            later.append(t)
    return later


def _pick_stop(stops: list[Decimal], entries: list[Decimal], candle_close: bool = False) -> Decimal | None:
    """One stop price. When a post offers alternatives ("0.5 % – 577, 1 % – 574", "aggressive 3440 / conservative
    3480"), the one nearer the entry: risking less than the post allows is the safe reading (as for "Stop: 5-10%").
    A candle-close level next to a price ("close 4hr above 0.313 or 0.33 manually") is a condition the exchange
    cannot watch; the other price is the hard stop, the farther one."""
    if not stops:
        return None
    if len(stops) == 1 or not entries:
        return stops[-1]
    mid = (min(entries) + max(entries)) / 2
    return (max if candle_close else min)(stops, key=lambda s: abs(s - mid))


def _credible_bare_coin(candidates: list[SymbolCandidate], tokens: list[Token]) -> SymbolCandidate | None:
    """The capitalised word a short status post names ("BTC TP2 hit"), unless the post shouts every word (then only a
    ticker we know: a wrong coin would move another trade's stop); with no such word, the one coin named in words."""
    bare = choose_symbol(_sentence_coins(candidates, tokens), allow_bare=True)[0]
    if bare is None:
        # ("以太这单 带上止损 3310", "Solana TP1 hit ✅"): no ticker at all — the one coin named in words
        return _coin_named_in_words(tokens)
    return bare if bare.rank > 0 or credible_bare(bare, tokens) else None


_REASON_BEFORE = re.compile(
    # ("I don't like how #SOL looks", "not like ETH here": the verb, not a comparison)
    r"(?:(?<!\w)(?:because(?:\s+of)?|since|due\s+to|thanks\s+to|as\s+with|same\s+as|just\s+like|"
    r"(?<!n't\s)(?<!not\s)(?<!\bi\s)(?<!\bwe\s)(?<!'d\s)like(?:\s+we\s+did)?|"
    r"из-за|из\s+за|благодаря|yüzünden|nedeniyle|[çc]ünkü|por\s+la\s+ca[íi]da\s+de|a\s+causa\s+d[eio]|wegen|"
    r"à\s+cause\s+de|karena|v[ìi])(?!\w)|因为|由于)[^\n.!?,;，—–]{0,24}$", re.IGNORECASE)


def _named_as_a_reason(tokens: list[Token], coin: SymbolCandidate, lines: list[str]) -> bool:
    """The coin's word follows "because", "due to", "like", "из-за" … in its sentence: a reason or a comparison."""
    if coin.position >= len(tokens) or tokens[coin.position].kind not in (Kind.WORD, Kind.TAG, Kind.PAIR):
        return False
    token = tokens[coin.position]
    line = lines[token.line] if token.line < len(lines) else ""
    return _REASON_BEFORE.search(line[:token.start]) is not None


# ("ENA ⟶ TP1 (0.7020). Stop goes to entry": the coin's sentence names a level of its trade)
# (in the channels' languages too: "ARB — вторая цель ✅ 0,92 / Стоп подтягиваем …", "SOL — 2. hedef ✅", "ورود", "الهدف")
# (session 27, day27) ("NEAR tapped 2.85! I took profit on half …", "LINK touched 15.20, sold a third"): the coin's
# sentence tells the level it reached — the running trade's progress, whose change the next sentence gives (not "BTC hit
# 100k! Move SL to entry", a round milestone of the market beside a change of the replied-to trade)
_REACHED_A_PRICE = re.compile(r"(?<!\w)(?:tapped|tagged|printed|hit|reached|touched)\s+\$?\d(?![\d.,]*\s?[kK](?!\w))")
_TRADE_WORD = re.compile(r"(?<!\w)(?:tp|target|sl|stop|entry|цел[ьи]|ціл[ьі]|тейк\w*|стоп\w*|вход\w*|вх[іо]д\w*|hedef\w*|"
                         r"giri[şs]\w*|objetivos?|alvos?|entrada|تارگت|حد\s+سود|استاپ|ورود|(?:ال)?هدف|(?:ال)?دخول|"
                         # el "Στόχος 1", "στοπ"; he "יעד ראשון", "סטופ"; sw "Lengo la kwanza"; it "obiettivo"; fr "objectif",
                         # "cible"; pl "cel"; ur "ٹارگٹ"; bn "টার্গেট"
                         r"στ[όο]χο[ςι]|στοπ|יעד|יעדים|סטופ|(?:ma)?lengo|obiettiv[oi]|objectifs?|cibles?|cel|ٹارگٹ|টার্গেট)\s*\d?(?!\w)")


# ("Update C98 🚀", "C98 update:", "Update on C98", "Обновление по C98", "Güncelleme: C98", "Cập nhật C98"): a first
# line of the update's word and one ticker names the coin the update is about
_UPDATE_WORD = (r"(?:update|updates|обновление|апдейт|оновлення|g[üu]ncelleme|actualizaci[óo]n|atualiza[çc][ãa]o|"
                r"aggiornamento|mise\s+[àa]\s+jour|c[ậa]p\s+nh[ậa]t|aktualisierung|aktualizacja)")
_UPDATE_ON = r"(?:\s+(?:on|for|по|de|do|da|sur|su|zu|für|dla|về|untuk))?"
# ("Re-enter #SOL", "RE-ENTRY #SEI", "Back in #ETH", "Reloading #LINK", "Перезаход по #ARB"): a post opening with a re-entry
# ("TP hits: 5", "SL hits: 0", "Targets hit — 12"): a count of hits, as a report's statistics write it
_HIT_COUNTS = re.compile(r"(?<!\w)(?:tps?|sls?|stops?|targets?|stop[\s-]*loss(?:es)?)\s+hits?\s*[:=—–-]\s*\d{1,4}(?![\d.,])",
                         re.IGNORECASE)
# ("REVISED CALL — #52 replaces #51 (never filled)", "New setup replaces the unfilled one"): a card in place of a call
# that never filled, said in its heading
_REPLACES_AN_UNFILLED_CALL = re.compile(
    r"(?<!\w)(?:replac\w*|supersed\w*|instead\s+of)(?!\w)[^\n]*?(?<!\w)(?:never|not|wasn'?t|didn'?t)\s+(?:get\s+)?fill(?:ed)?(?!\w)|"
    r"(?<!\w)(?:replac\w*|supersed\w*)\s+(?:the\s+)?unfilled(?!\w)")
_REENTRY_HEAD = re.compile(r"^\W*(?:[#$]\w+\W+)?(?:re[\s-]?ent(?:er|ry|ering)|re[\s-]?open(?:ing)?|re[\s-]?load(?:ing)?|"
                           r"re[\s-]?buy(?:ing)?|re[\s-]?(?:long|short)(?:ing)?|(?:we'?re\s+|going\s+|getting\s+|jump(?:ing)?\s+)?back\s+in"
                           r"(?!\s+(?:the\s+)?(?:profit|green|red|loss|range|play|action|business|game))|"
                           r"reentrada|re[\s-]?entr[ée]e|перезаход\w*|перевход\w*|tekrar\s+giri[şs])(?!\w)")
# the restate cues that only say where written levels come from ("same levels as before", "as in the original post")
_SAME_LEVELS = re.compile(r"same\s+as\s+before|(?:tps?|targets?|sl|stop|levels?)\s+(?:and\s+\w+\s+)?as\s+before|"
                          r"same\s+levels?|same\s+(?:tps?|targets?)\s*(?:/|and|&|\+)\s*(?:sl|stop)|"
                          r"same\s+(?:trade|setup|signal|call)|(?:as\s+in\s+the\s+)?original\s+post|"
                          r"(?:everything|all)\s+else\s+as\s+(?:in|before|posted)")
_TRADE_KIND = r"(?:(?:swing|trade|position|signal|long|short|spot|futures|scalp|setup)\s+)?"
_CORRECTION_WORD = r"(?:correction|corrección|correção|correcao|исправление|düzeltme|duzeltme|korrektur)"
_CALL_NUMBER = r"(?:(?:(?:signal|call|trade)\s*)?#\d{1,6}\s*[:\-–—|]?\s*)?"


def _heads_an_update(tokens: list[Token], position: int, lines: list[str]) -> bool:
    tok = tokens[position]
    if tok.line != 0 or tok.kind != Kind.WORD or not lines or not tok.text.isupper():
        return False
    if tok.text not in KNOWN_TICKERS and not (re.search(r"\d", tok.text) and re.search(r"[A-Z]", tok.text)):
        # ("Update SOON", "Update WEN", "GM update": slang or a word in capitals heads the update, no coin) — only a
        # ticker we know, or one with a digit no word has ("Update C98"), names the coin updated
        return False
    word = re.escape(tok.text)
    # ("ETH swing update 📈", "SOL trade update", "BTC long update": the kind of trade between the coin and the word)
    # ("⚠️ CORRECTION #0418 1000PEPE", "Update — Signal #0413 ETH": a correction names the coin corrected too, the call's
    # number may stand between)
    return re.fullmatch(rf"\W*(?:(?:{_UPDATE_WORD}|{_CORRECTION_WORD}){_UPDATE_ON}\s*[:\-–—|]?\s*{_CALL_NUMBER}{word}|"
                        rf"{word}\s*[:\-–—|]?\s*{_TRADE_KIND}(?:{_UPDATE_WORD}|{_CORRECTION_WORD}))[\W_]*",
                        lines[0].strip(), re.IGNORECASE) is not None


def _target_hit_over_the_entry(status_text: str, levels) -> bool:
    """A line reporting a target reached stands above the line of the first entry price ("🎯 Target 2 reached / Pair: … /
    Price: 23.15"): the notice is headed by the target hit."""
    if not levels.entries:
        return False
    first_entry = min(t.line for t in levels.entries)
    return any(reports_progress(line) for line in status_text.split("\n")[:first_entry])


def _heads_a_target_report(tokens: list[Token], position: int, lines: list[str], status_text: str) -> bool:
    """A ticker we know alone on the post's first line, or closing it after a channel's name and a bar ("🌊 Blue Horizon |
    HBAR"), over a line opening on a target of the trade reached ("Take-profit 1 printed at 0.2390 / We sold 30% …"):
    the heading names the running trade's coin (not "BTC / Dumping hard. Close your alts": no target reached)."""
    tok = tokens[position]
    if tok.line != 0 or tok.kind != Kind.WORD or not lines or not tok.text.isupper() or tok.text not in KNOWN_TICKERS:
        return False
    # (session 24, status24b: "BNB S ⬇️" — the coin and its side's capital letter, L or S)
    if re.fullmatch(rf"[\W_]*(?:[^|\n]{{1,40}}\|\s*)?{re.escape(tok.text)}(?:[ \t]+[LS](?!\w))?[\W_]*", lines[0].strip()) is None:
        return False
    # (the first line under it opens on the target reached: "BTC / Dumping hard. TP1 hit on the alts" talks first)
    below = next((line for line in status_text.split("\n")[1:] if line.strip()), "")
    return _OPENS_ON_A_TARGET.match(below) is not None and reports_progress(below)


_OPENS_ON_A_TARGET = re.compile(r"\W*(?:tp|take[\s-]*profit|target)\s*\d")


_EXIT_WORDS_BEFORE_COIN = frozenset({"flat", "closed", "close", "closing", "exited", "exit", "exiting", "sold", "out"})


def _close_word_heading_over_the_coins_close(tokens: list[Token], lines: list[list[Token]], coin: SymbolCandidate,
                                              status_text: str, coin_names: frozenset[str], status_lines: list[str]) -> bool:
    """Session 23 (status23): the close read as naming no coin is only a heading of close words on the post's first line
    ("❌ İPTAL ❌", "İPTAL EDİLDİ", "CANCELLED", "CERRADO"), and below it the coin's own sentence closes ("FET sinyali
    iptal edildi …", "the SOL signal is cancelled, entry never came"): the heading is the post's type, the coin the one
    closed (a heading with an "all" word, "CLOSE ALL", still commands every trade)."""
    filled = [line for line in lines if line]
    if len(filled) < 2 or tokens[coin.position].line == filled[0][0].line:
        return False
    head = [t for t in filled[0] if t.kind not in (Kind.SEP, Kind.INDEX)]
    if not head or len(head) > 3 or any(t.kind != Kind.WORD for t in head) \
            or ALL_WORD_RE.search(" ".join(t.text.lower() for t in head)):
        return False
    below = status_text.split("\n", filled[0][0].line + 1)[-1]
    return is_close_without_coin(status_text) and not is_close_without_coin(below) \
        and _acts_in_its_sentence(tokens, coin, lambda sentence: is_close(sentence, coin_names), status_lines)


def _mentions_of(tokens: list[Token], coin: SymbolCandidate) -> list[SymbolCandidate]:
    """The coin as read, then each later word written the same way right after an exit word ("I'm flat SOL now",
    "closed my SOL", "out of SOL"): the same ticker named again as what was left (not "Closed, BTC too weak": market
    talk after a close)."""
    if coin.position >= len(tokens) or tokens[coin.position].kind != Kind.WORD:
        return [coin]
    word = tokens[coin.position].text

    def after_exit(i: int) -> bool:
        # (the words right before it, on its line — a comma or a stop between is another clause)
        before = [t.text.lower() if t.kind == Kind.WORD and t.line == tokens[i].line else "" for t in tokens[max(0, i - 2):i]]
        return bool(before) and (before[-1] in _EXIT_WORDS_BEFORE_COIN
                                 or len(before) == 2 and before[-1] in ("of", "on", "my", "the")
                                 and before[0] in _EXIT_WORDS_BEFORE_COIN)

    return [coin, *(dataclasses.replace(coin, position=i) for i in range(coin.position + 1, len(tokens))
                    if tokens[i].kind == Kind.WORD and tokens[i].text == word and after_exit(i))]


def _acts_in_its_sentence(tokens: list[Token], coin: SymbolCandidate, says, lines: list[str]) -> bool:
    """Whether the sentence holding the coin's word says what the post does (a close, a change)."""
    if coin.position >= len(tokens) or tokens[coin.position].kind not in (Kind.WORD, Kind.TAG, Kind.PAIR):
        return True  # (a coin named in words: no token of its own to read the sentence around)
    sentence = _sentence_of(tokens, coin.position)
    # (session 24, status24b: "DOGE S / 1/3 closed …", "ETH L ❌ …": a capital L or S right after the coin is its side)
    side_letter = tokens[coin.position + 1] if coin.position + 1 < len(tokens) \
        and tokens[coin.position + 1].text in ("L", "S") and tokens[coin.position + 1].line == tokens[coin.position].line else None
    if not any(t.kind in (Kind.WORD, Kind.LABEL, Kind.NUM) for t in sentence if t is not tokens[coin.position] and t is not side_letter) \
            and len([t for t in tokens if t.kind == Kind.SEP and t.text in ".!?"]) + len({t.line for t in tokens}) <= 3:
        # ("SOL. Closed ✅", "AVAX! Move stop to 27.5": the coin alone heads a two-sentence post — its subject; "BTC! /
        # Dumping hard. Close your alts" talks about BTC first)
        return True
    line = lines[sentence[0].line] if sentence[0].line < len(lines) else ""
    # (the sentence as written: Han and kana are tokens of one letter each)
    return bool(says(line[sentence[0].start:sentence[-1].start + len(sentence[-1].text)].lower()))


# ("not liking how AVAX is acting", "I don't like ETH here", "SOL isn't behaving like I want"): the author's own view of
# how the coin trades — the coin of the trade he then leaves (not market news: "BTC dumping hard")
_JUDGED_COIN = re.compile(r"(?:(?:not|n't|no\s+longer)\s+(?:liking|like|loving|love|trusting|trust|(?:happy|comfortable)\s+with|"
                          r"a\s+fan\s+of)\s+(?:(?:how|the\s+way|what)\s+)?(?:the\s+)?[#$]?(?P<before>[a-z0-9]{2,15})|"
                          r"[#$]?(?P<after>[a-z0-9]{2,15})\s+(?:is\s+)?(?:not|isn't|ain't)\s+(?:acting|behaving|moving|doing)\s+"
                          r"(?:like|as|how|what)\s+(?:i|we)(?!\w))")
# ("I'm out at entry", "we're out here", "I closed it", "exiting now"): the author leaving, heading the sentence
_FIRST_PERSON_OUT = re.compile(r"^\W*(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:now\s+|fully\s+)?(?:out|exiting|closing|cutting)|"
                               r"(?:i|we)\s+(?:just\s+)?(?:closed|exited|cut)|(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:closed|exited))(?!\w)")


def _judged_then_out(tokens: list[Token], coin: SymbolCandidate, lines: list[str]) -> bool:
    """The coin's sentence is the author's own view of how it trades, and the next sentence heads with his leaving it
    ("not liking how AVAX is acting. I'm out at entry"): the close is that coin's."""
    if coin.position >= len(tokens) or tokens[coin.position].kind not in (Kind.WORD, Kind.TAG, Kind.PAIR):
        return False
    sentence = _sentence_of(tokens, coin.position)
    after = tokens.index(sentence[-1]) + 1
    if after < len(tokens) and _ends_sentence(tokens, after):
        after += 1
    if after >= len(tokens):
        return False
    following = _sentence_of(tokens, after)

    def text(run: list[Token]) -> str:
        line = lines[run[0].line] if run[0].line < len(lines) else ""
        return line[run[0].start:run[-1].start + len(run[-1].text)].lower() if run[-1].line == run[0].line else ""

    word = tokens[coin.position].text.lower().lstrip("#$")
    judged = any(word in (m.group("before"), m.group("after")) for m in _JUDGED_COIN.finditer(text(sentence)))
    return judged and _FIRST_PERSON_OUT.match(text(following)) is not None


# (session 25, casualstatus25) ("DOGE just not doing anything", "SOL isn't moving", "AVAX is dead money", "LINK going
# nowhere", "DOGE no hace nada", "SOL не двигается"): the coin said to stall — the author's reason to leave it
_COIN_STALLING = re.compile(
    r"^\W*[#$]?(?P<coin>[a-z0-9]{2,15})\s+(?:(?:is|was|has\s+been|just|still|really|simply|literally|so)\s+){0,3}"
    r"(?:(?:not|isn'?t|ain'?t|wasn'?t|doesn'?t|didn'?t|won'?t|never)\s+(?:\w+\s+)?(?:doing\s+(?:anything|much|shit|a\s+thing)|"
    r"do(?:ing)?\s+(?:anything|much)|going\s+anywhere|moving|move|budging|budge|performing|working|pumping|running)|"
    r"dead(?:\s+money)?|going\s+nowhere|doing\s+nothing|stuck|too\s+slow|boring|chopping\s+sideways|"
    r"no\s+(?:hace|est[áa]\s+haciendo)\s+nada|no\s+se\s+mueve|n[ãa]o\s+(?:faz|est[áa]\s+fazendo)\s+nada|n[ãa]o\s+se\s+mexe|"
    r"bewegt\s+sich\s+nicht|macht\s+nichts|не\s+(?:двигается|шевелится)|стоит\s+на\s+месте|hareket\s+etmiyor|"
    r"yerinde\s+say[ıi]yor|tidak\s+(?:ke\s*mana[\s-]*mana|bergerak))(?!\w)")


def _out_then_judged(tokens: list[Token], coin: SymbolCandidate, lines: list[str], says) -> bool:
    """The sentence before the coin's is a bare close ("cut it", "closed.", "I'm out"), and the coin's sentence heads with
    it stalling ("cut it. DOGE just not doing anything", "Closed. SOL isn't moving"): the close is that coin's — the
    reason given after the act (the order of `_judged_then_out`)."""
    if coin.position >= len(tokens) or tokens[coin.position].kind not in (Kind.WORD, Kind.TAG, Kind.PAIR):
        return False
    sentence = _sentence_of(tokens, coin.position)
    if sentence[0] is not tokens[coin.position]:
        return False
    before = tokens.index(sentence[0]) - 1
    if before < 0 or not _ends_sentence(tokens, before) or tokens[before].line != sentence[0].line:
        return False
    previous = _sentence_of(tokens, before - 1) if before > 0 else []
    if not previous or len(previous) > 5 or any(t.kind in (Kind.NUM, Kind.TAG, Kind.PAIR) for t in previous):
        return False
    line = lines[sentence[0].line] if sentence[0].line < len(lines) else ""
    told = line[sentence[0].start:sentence[-1].start + len(sentence[-1].text)].lower()
    stalling = _COIN_STALLING.match(told)
    word = tokens[coin.position].text.lower().lstrip("#$")
    return stalling is not None and stalling.group("coin") == word \
        and bool(says(line[previous[0].start:previous[-1].start + len(previous[-1].text)].lower()))


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    """A ". ! ? ;" mark ending a sentence — not the dot of an ordinal ("ETH 1. hedef geldi", "SOL 2. Ziel erreicht": the
    number's dot written right after it, a level's label or a lower-case word after)."""
    tok = tokens[i]
    if tok.kind != Kind.SEP or tok.text not in ".!?;":
        return False
    ordinal = tok.text == "." and i > 0 and i + 1 < len(tokens) and tokens[i - 1].kind == Kind.NUM \
        and len(tokens[i - 1].text) <= 2 and tokens[i - 1].start + len(tokens[i - 1].text) == tok.start \
        and tokens[i + 1].line == tok.line \
        and (tokens[i + 1].kind == Kind.LABEL or tokens[i + 1].kind == Kind.WORD and tokens[i + 1].text[:1].islower())
    return not ordinal


def _sentence_of(tokens: list[Token], position: int) -> list[Token]:
    """The tokens of the sentence (on its line, between ". ! ? ;") that holds the token at `position`."""
    line = tokens[position].line
    start = position
    while start > 0 and tokens[start - 1].line == line and not _ends_sentence(tokens, start - 1):
        start -= 1
    end = position
    while end + 1 < len(tokens) and tokens[end + 1].line == line and not _ends_sentence(tokens, end + 1):
        end += 1
    return tokens[start:end + 1]


# (a list of words: "SOL, AVAX and LINK", "#BTC & #ETH", "BTC/ETH")
_LIST_JOINT = r"\s*(?:,\s*and\b|,|&|\+|/|\band\b)\s*"
_LISTING = re.compile(rf"(?<![\w#$])[#$]?[a-z][a-z0-9]{{1,14}}(?:/usdt)?(?:{_LIST_JOINT}[#$]?[a-z][a-z0-9]{{1,14}}(?:/usdt)?)+(?![\w/])")
_LIST_HEADS = re.compile(r"\s*[:—–-]")  # ("BTC and ETH: move stops …")
_LIST_AFTER_ON = re.compile(r"(?<!\w)(?:on|for)\s*$")  # ("move SL to entry on #ETH and #BTC")
_LISTED_WORD = re.compile(r"(?<![\w/])[#$]?(?!and(?!\w))([a-z][a-z0-9]{1,14})(?!\w)")
# (the change said for every coin listed: "… on all three", "on both", "BTC and ETH: move …", "move SL to entry on #ETH and
# #BTC")
_FOR_EACH_LISTED = re.compile(r"(?<!\w)(?:on|for)\s+(?:all|both|each)(?:\s+(?:two|three|four|five|\d|of\s+them|of\s+those|"
                              r"coins|trades|positions))?(?!\w)|(?<!\w)(?:both|all\s+(?:two|three|four|five)|each\s+of\s+them)(?!\w)")


def _coins_changed_together(tokens: list[Token], candidates: list[SymbolCandidate], lowered: str,
                            action: UpdateAction) -> tuple[str, ...]:
    """The coins (BASE/USDT, in order) one stop or part change lists on its own line, when the list names every coin the
    post names and the change is said for all of them ("BTC and ETH: move stops to entry", "TP1 ✅ on SOL, AVAX and LINK —
    take 25% and move SL to breakeven on all three"); () otherwise. A bare word counts only as a ticker we know, in
    capitals."""
    named = {c.base.lower(): c for c in candidates if c.position < len(tokens)
             and (tokens[c.position].kind in (Kind.TAG, Kind.PAIR)
                  or tokens[c.position].text.isupper() and c.base in KNOWN_TICKERS)}
    if len(named) < 2 or len(named) != len({c.base for c in candidates}) or _EXCEPT.search(lowered):
        return ()
    for line in lowered.split("\n"):
        for found in _LISTING.finditer(line):
            listed = list(dict.fromkeys(_LISTED_WORD.findall(found.group(0))))
            if set(listed) != set(named) or update_action(line) != action \
                    or update_waits(line[:found.start()] + "them" + line[found.end():], action):
                # ("Move SL to entry on #ETH and #BTC after TP1": for later, read as the change of one coin is)
                continue
            if _FOR_EACH_LISTED.search(line) or _LIST_HEADS.match(line, found.end()) \
                    or _LIST_AFTER_ON.search(line[:found.start()]):
                return tuple(named[name].symbol for name in listed)
    return ()


def _ticker_beside_the_action(tokens: list[Token], candidates: list[SymbolCandidate], named: SymbolCandidate) -> str | None:
    """A ticker we know, in capitals, other than the coin read for a stop move or partial close, on the same line —
    unless the coin read stands in the sentence of the change and the other in a sentence with none ("BTC ranging,
    nothing to do there. #AVAX: SL moved to 36.80")."""
    own = _sentence_of(tokens, named.position)
    own_acts = update_action(" ".join(t.text for t in own).lower()) is not None
    for c in candidates:
        t = tokens[c.position]
        if c.base != named.base and c.rank == 0 and t.kind == Kind.WORD and t.text.isupper() and c.base in KNOWN_TICKERS \
                and t.line == tokens[named.position].line:
            other = _sentence_of(tokens, c.position)
            if own_acts and other is not own and t not in own \
                    and update_action(" ".join(t.text for t in other).lower()) is None:
                continue
            return c.base
    return None


# Tickers that are no word of a language the channels write in ("sol", "near", "link", "op" are)
_LOWER_CASE_TICKERS = frozenset({"btc", "eth", "bnb", "xrp", "doge", "avax", "ltc", "bch", "trx", "shib", "pepe", "wif",
                                 "bonk", "matic", "xlm", "sui", "apt", "arb", "inj", "tia", "fet", "ldo", "ondo", "wld"})


# Tickers we know that are no word of a language the channels write in, trusted in lower case right after the side word
# of a full card ("short ena here 0.612 / sl 0.64 / tp …"); "apt", "sui", "tia", "fet" are words (en "apt", it "sui",
# es "tía", da "fet"), as are "sol", "near", "link", "one", "dot", "ton", "ape" — those stay held
_CARD_LOWER_CASE_TICKERS = (_LOWER_CASE_TICKERS - {"apt", "sui", "tia", "fet"}) | {
    "ena", "jup", "pyth", "hbar", "egld", "dydx", "gmx", "crv", "grt", "imx", "mkr", "ftm", "xmr", "xtz", "stx", "rndr", "floki"}


def _lower_case_ticker_on_a_full_card(candidate: SymbolCandidate, candidates: list[SymbolCandidate], tokens: list[Token],
                                      levels, entries: list, targets: list, stop) -> bool:
    """("short ena here 0.612 / sl 0.64 / tp 0.59 0.57 0.55 / lev 10x"): a ticker we know, no word of any language, in
    lower case right after the side word, the post's only coin, over a card with its entry, and its targets and stop on
    lines of their own — the coin the card trades (a lower-case word anywhere else, a one-line chat call "quick short arb
    0.82 tp 0.80 sl 0.84", or a word like "near", "one", "gas", stays held)."""
    word = tokens[candidate.position]
    if not (entries and targets and stop is not None) or word.kind != Kind.WORD or not word.text.islower() \
            or not levels.targets or not levels.stop \
            or any(t.line == word.line for t in (*levels.targets, *levels.stop)) \
            or word.text not in _CARD_LOWER_CASE_TICKERS or word.text.upper() != candidate.base \
            or word.text.upper() not in KNOWN_TICKERS or word.text in _LOWER_CASE_WORDS:
        return False
    if {c.base for c in candidates} != {candidate.base}:
        return False
    before = tokens[candidate.position - 1] if candidate.position > 0 else None
    return before is not None and before.line == word.line and before.kind == Kind.LABEL and before.field in _SIDE_FIELDS


# ("near tp1 — close half here": the word, not the coin)
_NOUN_TICKERS = frozenset({"dot", "ton", "ape"})
_LOWER_CASE_WORDS = frozenset({"near", "one", "gas", "act", "key", "ape", "pool", "fun", "win", "hot", "dot", "ton", "trump",
                               "people", "hook", "magic", "sun", "bond", "safe", "super"})


def _lower_case_ticker_heading(tokens: list[Token], status_text: str) -> SymbolCandidate | None:
    """("eth 保本出了，开仓价平掉", "btc closed at entry"): a status post headed by a ticker in lower case, the status
    in its first clause ("btc is dumping, close your alts" closes no BTC)."""
    first = _first_meaningful(tokens)
    if first is None or tokens[first].kind != Kind.WORD or not tokens[first].text.islower():
        return None
    after = next((t for t in tokens[first + 1:] if t.kind not in (Kind.SEP, Kind.INDEX)), None)
    if after is not None and after.kind == Kind.WORD and after.text.lower() in ("all", "every", "both") \
            and after.line == tokens[first].line:
        # (Session 25: "link all targets hit, closed full"): "all"/"both" between the ticker and its level word
        after = next((t for t in tokens[tokens.index(after) + 1:] if t.kind not in (Kind.SEP, Kind.INDEX)), None)
    # ("sol tp1 geldi", "link sl hit": a ticker that is also a word, right before a target or stop word)
    # (Session 23, status23: "dot tp1 ✅ sl to be", "ton tp2 hit": a ticker that is also a noun, right against a numbered
    # target — no word of English stands so; "near tp1" is "almost at TP1" and names no coin)
    before_a_level_word = after is not None and after.kind == Kind.LABEL and after.field in (Field.TARGETS, Field.STOP) \
        and tokens[first].text.upper() in KNOWN_TICKERS and (
            tokens[first].text not in _LOWER_CASE_WORDS
            or tokens[first].text in _NOUN_TICKERS and after is tokens[first + 1] and after.field == Field.TARGETS
            and re.fullmatch(r"(?:tp|target)\s*[1-9]", after.text.lower()) is not None)
    if tokens[first].text not in _LOWER_CASE_TICKERS and not before_a_level_word \
            and not _lower_case_ticker_set_apart(tokens[first].text, status_text):
        return None
    # (a point before a digit is a price's: "arb tp1 .8780 ✔ sl -> be")
    clause = re.split(r"[,;!?，。；！？\n]|\.(?!\d)", status_text.lstrip(), maxsplit=1)[0]
    word = tokens[first].text
    report = _TARGET_REPORT_LINE.fullmatch(clause.strip())
    if not (is_close(clause) or update_action(clause)) and report is not None and report.group(1) == word \
            and all(h == word for h in _LOWER_LINE_HEADS.findall(status_text) if h.upper() in KNOWN_TICKERS):
        # (Session 25: "btc tp1 🎯 / btc tp2 🎯 / moving sl to be"): a line that is only the ticker and its numbered
        # target reached, then the post's change — the ticker's trade (no other ticker heads a line)
        clause = status_text
    if not (is_close(clause) or update_action(clause)):
        return None
    return SymbolCandidate(word.upper(), "USDT", 0, first)


# (Session 25) "cancel the near order", "close my link trade", "kill the doge long": the close verb, an article, a ticker in
# lower case, and the order's own noun
_ORDER_OF_LOWER_TICKER = re.compile(r"^[^\w\n]*(?:cancel|close|kill|drop|exit)[ \t]+(?:the|my|our|that|this)[ \t]+"
                                    r"([a-z]{2,6})[ \t]+(?:order|orders|trade|position|long|short|limit|entry)(?!\w)")


def _lower_case_ticker_before_order(tokens: list[Token], status_text: str) -> SymbolCandidate | None:
    """(Session 25) The ticker in lower case between the close verb's article and the order's noun at the post's start
    ("cancel the near order didnt fill"): that order's coin ("cancel the last order", "close the whole position" name
    none; words too common to be a coin there, "one", "gas", stay none)."""
    m = _ORDER_OF_LOWER_TICKER.match(status_text.lstrip().lower())
    if m is None or m.group(1).upper() not in KNOWN_TICKERS or m.group(1) in _LOWER_CASE_COMMON:
        return None
    position = next((n for n, t in enumerate(tokens) if t.kind == Kind.WORD and t.text == m.group(1)), None)
    return None if position is None else SymbolCandidate(m.group(1).upper(), "USDT", 0, position)


# (Session 25) A line that is only a ticker in lower case, a numbered target, and marks ("btc tp1 🎯", "eth tp2 ✅ hit")
_TARGET_REPORT_LINE = re.compile(r"[^\w\n]*([a-z]{2,6})[ \t]+(?:tp|target)[ \t]*[1-9](?:[^\w\n]|[ \t]+hit\b)*")
_LOWER_LINE_HEADS = re.compile(r"(?m)^[^\w\n]*([a-z]{2,6})(?![\w/])")


# (session 22, status52) Words that are tickers too, but too common to head a status as the coin even when set apart
_LOWER_CASE_COMMON = frozenset({"one", "key", "act", "hot", "win", "fun", "safe", "super", "people", "pool", "hook",
                                "magic", "sun", "bond", "gas", "trump", "ok", "all", "it", "so", "now", "hi", "go"})
# ("near — half off at 5.70", "link: tp1 hit"): the word set apart from the status by a dash or a colon
_SET_APART = re.compile(r"^[^\w\n]*([a-z]{2,6})(?:[ \t]*[—–:|]|[ \t]+-(?=[ \t]))[ \t]*(?=\S)")
# ("ada stoped out", "dot got stopped out", "ada closed at be"): the word, then the stop-out or close verb at once
_THEN_OUT = re.compile(r"^[^\w\n]*([a-z]{2,6})[ \t]+(?:(?:got|just|was|is|has\s+been)[ \t]+)?"
                       r"(?:stop+ed[ \t]+out|stop+ed(?!\w)|closed(?!\w)|sl[ \t]+hit|hit[ \t]+(?:the[ \t]+)?sl(?!\w))")


def _lower_case_ticker_set_apart(word: str, status_text: str) -> bool:
    """(session 22, status52) A ticker we know, written in lower case, heading a status set apart from it ("near — half off
    at 5.70. sl be.") or right before its stop-out or close verb ("ada stoped out sry fam", "dot closed at entry"): the
    coin the status is for — a word of a language cannot stand there ("near the top, close half" names no coin)."""
    if word.upper() not in KNOWN_TICKERS or word in _LOWER_CASE_COMMON:
        return False
    head = status_text.lstrip()
    apart = _SET_APART.match(head)
    if apart is not None and apart.group(1) == word:
        return True
    out = _THEN_OUT.match(head)
    return out is not None and out.group(1) == word and word not in _LOWER_CASE_WORDS


# ("close half btc now", "take 50% off sol here", "move sl to entry on avax"): a ticker in lower case right after the change
# — its object, with at most "of"/"on"/"off" and an article between ("close half here", "off the table" name none)
_OBJECT_AFTER_CHANGE = re.compile(r"[ \t]+(?:(?:of|on|off|for|in)[ \t]+)?(?:(?:the|my|our|your)[ \t]+)?([a-z]{2,6})(?![\w/])")
# ("sol" is a word in Spanish and Portuguese, but not as the object of an English change)
_LOWER_CASE_OBJECTS = _LOWER_CASE_TICKERS | {"sol", "ada", "atom"}


def _lower_case_ticker_after_change(tokens: list[Token], status_text: str, action: UpdateAction) -> SymbolCandidate | None:
    pattern = _PATTERN_BY_ACTION.get(action)
    if pattern is None:
        return None
    objects = {m.group(1) for found in pattern.finditer(status_text)
               if (m := _OBJECT_AFTER_CHANGE.match(status_text, found.end())) and m.group(1) in _LOWER_CASE_OBJECTS}
    if len(objects) != 1:
        return None
    word = objects.pop()
    if {t.text for t in tokens if t.kind == Kind.WORD and t.text in _LOWER_CASE_OBJECTS} != {word}:
        return None  # ("move sl to entry on eth and btc": which one is a guess)
    position = next((n for n, t in enumerate(tokens) if t.kind == Kind.WORD and t.text == word), None)
    return None if position is None else SymbolCandidate(word.upper(), "USDT", 0, position)


def _coin_named_in_words(tokens: list[Token]) -> SymbolCandidate | None:
    named = coin_by_name(tokens)
    if named is not None and tokens[named.position].text.lower() in _WORD_NAMES \
            and not _trade_word_after(tokens, named.position):
        # ("Stellar move today! TP1 hit ✅", "Optimism is back", "Cosmos-level gains"): a coin's name that is an
        # everyday word names the coin only when a trade's word follows it ("Stellar TP1 hit", "Optimism long")
        return None
    return named


_EVERY_TRADE = re.compile(r"(?<!\w)(?:all|every|each)\s+(?:(?:of\s+)?(?:the\s+|our\s+|your\s+)?(?:open|running|active|current|"
                          r"remaining)\s+)*(?:trades?|positions?|signals?|longs|shorts|orders|calls|setups)(?!\w)|"
                          r"(?:所有|全部)的?(?:单子|仓位|订单|持仓|单)|모든\s*(?:포지션|거래)|все(?:м|х)?\s+(?:открыт\w+\s+)?(?:сделк|позици)\w*|"
                          r"t[üu]m\s+(?:a[çc][ıi]k\s+)?(?:i[şs]lem|pozisyon)\w*|tod[oa]s\s+(?:las\s+|os\s+|as\s+)?(?:operaciones|posiciones|"
                          r"opera[çc][õo]es|posi[çc][õo]es|trades)(?!\w)")
_CHANNEL_WORDS = frozenset({"signals", "club", "academy", "community", "calls"})
_NEXT_WORDS = frozenset({"next", "upcoming", "следующ", "siguiente", "próxima", "proxima", "sıradaki", "下一个"})
_TEASER_WORDS = frozenset({"loading", "incoming", "inbound", "coming", "soon"})


# (a trade reported done, in the past: "Closed our #DOGE long at 0.1712", "#ETH short stopped out", "took profit on #ARB",
# es "Cerramos #DOGE en 0.1712", pt "Fechamos", ru "Закрыли", tr "kapattık", de "geschlossen", fr "clôturé", it "chiuso")
_REPORTED_CLOSED = re.compile(r"(?<!\w)(?:closed|stopped\s+out|exited|took\s+(?:the\s+)?profits?|booked|"
                              r"(?:tp|target|sl|stop)\s*\d?\s+(?:was\s+)?(?:hit|done|reached)|cerramos|cerrad[oa]|fechamos|"
                              r"fechad[oa]|закрыли|закрыл|закрыт[аоы]?|kapatt[ıi]k|kapand[ıi]|geschlossen|cl[ôo]tur[ée]e?|"
                              r"ferm[ée]e?|chius[oa]|abbiamo\s+chiuso)(?!\w)", re.IGNORECASE)
_NOT_DONE_YET = re.compile(r"(?<!\w)(?:clos(?:e|ing)\s+(?:it\s+|now|here|half|\d)|not\s+(?:yet\s+)?closed|if|when|once|will|"
                           r"would|'ll|'d)(?!\w)", re.IGNORECASE)


def _reported_closed_above_a_card(tokens: list[Token], candidate: SymbolCandidate, candidates: list[SymbolCandidate],
                                  clean: str) -> bool:
    """The coin on a line that reports its trade closed in the past, with another coin heading a card below it: the
    side word on the card's line, then an entry and an exit label on later lines."""
    line = tokens[candidate.position].line
    texts = clean.split("\n")
    if line >= len(texts) or not _REPORTED_CLOSED.search(texts[line]) or _NOT_DONE_YET.search(texts[line]):
        return False
    for other in candidates:
        at = tokens[other.position].line
        if other.base == candidate.base or at <= line or not _on_side_line(tokens, other.position):
            continue
        below = [t for t in tokens if t.line >= at and t.kind == Kind.LABEL]
        if any(t.field == Field.ENTRY for t in below) and any(t.field in (Field.TARGETS, Field.STOP) for t in below) \
                and not any(c.base == candidate.base and tokens[c.position].line > line for c in candidates):
            return True
    return False


def _names_a_channel_or_the_next_coin(tokens: list[Token], position: int) -> bool:
    line = tokens[position].line
    after = [t.text.lower() for t in tokens[position + 1:position + 4] if t.line == line and t.kind != Kind.SEP]
    before = [t.text.lower().rstrip(":") for t in tokens[max(0, position - 3):position] if t.line == line
              and t.kind != Kind.SEP]
    if after[:1] and after[0] in _CHANNEL_WORDS or len(after) >= 2 and after[1] in _CHANNEL_WORDS \
            and after[0] in ("trading", "pro", "futures", "vip", "crypto", "spot"):
        return True
    if after[:2] == ["is", "next"] or after[:2] == ["looks", "next"] or after[:1] == ["next"]:
        return True
    if not any(w in _NEXT_WORDS or w.startswith("следующ") for w in before[-2:]):
        return False
    if _on_side_line(tokens, position) and any(t.line == line and t.text.lower() in _TEASER_WORDS for t in tokens) \
            and not any(t.kind in (Kind.TAG, Kind.PAIR) and t.line != line for t in tokens):
        # ("Next $PYTH long loading…", "Next call: #SOL short incoming"): the post announces the next call — its coin,
        # beside the side word and a word saying the call is on its way, is this post's (no other coin tagged elsewhere)
        return False
    # ("Great trade: #INJ +40% / Next: #SOL LONG / Entry: 150 / …", "… / Next: #SOL / Entry: 150 / …"): the next coin
    # beside its side word, or ending its line, over the post's own levels, heads the card of this post
    return not ((_on_side_line(tokens, position) or not after) and any(
        t.line > line and t.kind == Kind.LABEL and t.field in (Field.ENTRY, Field.TARGETS, Field.STOP) for t in tokens))


def _without_footer_pair(candidates: list[SymbolCandidate], tokens: list[Token]) -> tuple[list[SymbolCandidate], bool]:
    """A coin of another pair on the post's last line, under a coin the post names on its own lines ("#ETH 止损出局 /
    📊 BTC | USDT chart below", "#GALA … / ETH/BTC 0.0521 for context", "closing xrp at breakeven / #BTC dominance
    54.2%"): a caption or market context, not the call's coin — it is set aside. A pair alone on its line ("… / SL 2.29 /
    SOL | USDT"): which is meant is a reading — set aside too, and the call held (True)."""
    if not tokens or tokens[-1].line == tokens[0].line:
        return candidates, False
    last = tokens[-1].line
    on_last = [t for t in tokens if t.line == last]
    if sum(t.kind == Kind.TAG for t in on_last) >= 2 and all(t.kind in (Kind.TAG, Kind.SEP) for t in on_last):
        # ("SL hit ❌ / #SOL #ETH #BTC", "Closed ✅ / #crypto #bitcoin #altcoins"): a cloud of topic tags under the post
        return [c for c in candidates if tokens[c.position].line != last], False
    if any(t.kind == Kind.LABEL and t.field is not None for t in on_last):
        return candidates, False
    alone = all(t.kind in (Kind.PAIR, Kind.SEP) or t.kind == Kind.WORD and split_glued(t.text)[1] for t in on_last)
    footer = [c for c in candidates if tokens[c.position].line == last
              and (c.rank == EXPLICIT or not alone and c.rank in (HASHTAG, NAMED))]
    if not footer:
        return candidates, False
    symbols = {c.symbol for c in footer}
    # ("🇹🇷 ANATOLIA FUTURES 🇹🇷 / #DOGEUSDT pozisyonu kapatın": a capitalised word of the channel's heading is no coin
    # the footer would sit under)
    earlier = [c for c in candidates if tokens[c.position].line < last and c.symbol not in symbols
               and (c.rank > 0 or c.base in KNOWN_TICKERS)]
    caption = _CAPTION.search(" ".join(t.text for t in on_last)) is not None
    if not earlier and not caption and ((named := close_target(tokens)) is None or tokens[named.position].line == last
                                        or named.symbol in symbols):
        return candidates, False
    return [c for c in candidates if c not in footer], alone and any(c.rank == EXPLICIT for c in footer)


# ("📊 BTC | USDT chart below", "ETH/BTC 0.0521 for context", "#BTC dominance 54.2%": a line about the market's chart)
_CAPTION = re.compile(r"(?<!\w)(?:chart|charts|context|dominance|for\s+reference|btc\.d|график\w*|grafik|gr[áa]fico)(?!\w)|图表|チャート|차트",
                      re.IGNORECASE)
_HYPE_HEADINGS = frozenset({"HOT", "ALPHA", "GO", "NEW", "VIP", "TOP", "PUMP", "MOON", "GEM", "BIG", "FREE", "SCALP",
                            "FAST", "SAFE", "BOOM", "WIN", "EPIC", "BEST", "BONUS", "AI"})
_WORD_NAMES = frozenset({"avalanche", "cosmos", "optimism", "stellar", "ripple", "tron", "shiba"})
_TRADE_WORDS_AFTER_NAME = re.compile(r"(?:tp\d?|targets?|sl|stop|long|short|entry|trade|position|signal|update|buy|sell|"
                                     r"spot|futures|perp|call)$", re.IGNORECASE)


def _trade_word_after(tokens: list[Token], position: int) -> bool:
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    return after is not None and after.line == tokens[position].line and (
        after.kind in (Kind.LABEL, Kind.TAG) or bool(_TRADE_WORDS_AFTER_NAME.match(after.text)))


_HORIZON = re.compile(r"(?:long|mid|medium|short)[\s-]+term", re.IGNORECASE)
_FIELD_WORDS = frozenset({"ID", "UID", "NO", "NR", "REF", "TX", "TXID"})
# A heading announcing a guide to the channel's own format ("📘 HOW TO READ ENGINE POSTS", "Legend:", "Glossary of our
# cards", "Cheat sheet — bot notices", "Как читать наши сигналы", "Cómo leer las señales", "Sinyaller nasıl okunur")
_FORMAT_GUIDE_HEAD = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,3}?(?:how\s+to\s+(?:read|use|follow|understand)(?!\w)|(?:legend|glossary|cheat[\s-]*sheet)(?!\w)|"
    r"(?:reading|format|field|quick)\s+guide(?!\w)|guide\s+to\s+(?:our|the|these|this)(?!\w)|как\s+читать|c[óo]mo\s+leer|"
    r"como\s+ler|nas[ıi]l\s+okun|leyenda(?!\w)|legenda(?!\w))")


def _below_heading_line(clean: str, lines: list[list[Token]]) -> str:
    """The post without its first line when that line is a short heading of words alone ("HOT", "AI SIGNAL", "🔁 Whale
    Room → VIP relay") over more lines; else the post."""
    filled = [n for n, tokens in enumerate(lines) if tokens]
    if len(filled) < 2:
        return clean
    # ("Signal #482": a number tag is the post's number)
    head = [t for t in lines[filled[0]] if t.kind not in (Kind.SEP, Kind.INDEX)
            and not (t.kind == Kind.TAG and t.text[1:].isdigit())]
    # ("LONG TERM / Closed: #SOL LONG …": a horizon over the post reads as a target label, and heads it all the same)
    if not head or len(head) > 5 or any(t.kind not in (Kind.WORD, Kind.LABEL) for t in head) \
            or any(t.kind == Kind.LABEL and t.field not in (Field.LONG, Field.SHORT)
                   and not _HORIZON.fullmatch(t.text) for t in head):
        return clean
    return "\n".join(clean.split("\n")[filled[0] + 1:])


def _heads_an_id_field(tokens: list[Token], position: int) -> bool:
    """"ID: …", "TX: …": an id's field word before a colon on its line."""
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    return after is not None and after.line == tokens[position].line and after.kind == Kind.SEP and after.text == ":" \
        and tokens[position].text.upper() in _FIELD_WORDS


def _field_word_before(tokens: list[Token], position: int) -> Token | None:
    """The word heading the field this value stands in ("Trade ID: 7F3A" → ID), on the same line."""
    before = tokens[position - 2:position] if position >= 2 else []
    if len(before) == 2 and before[1].kind == Kind.SEP and before[1].text == ":" and before[0].kind == Kind.WORD \
            and before[0].line == tokens[position].line:
        return before[0]
    return None


def _numbers_an_item(tokens: list[Token], position: int) -> bool:
    """"SO #3", "Deal #55120": the word right before a number tag on its line names a numbered thing (a safety order, a
    deal), not a coin."""
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    return after is not None and after.line == tokens[position].line and after.kind == Kind.TAG \
        and re.fullmatch(r"#\d{1,12}", after.text) is not None


def _names_a_signal_id(tokens: list[Token], position: int) -> bool:
    """"[PIPELINE ⚡] #P-2291 | TP1 …", "QUANTAPULSE • #QP-5530": the word right before a signal's id on its line — a tag of
    letters, a dash and digits written together — is the channel's or the bot's name, not a coin."""
    line = tokens[position].line
    rest = [t for t in tokens[position + 1:position + 6] if t.line == line]
    tag = next((n for n, t in enumerate(rest) if t.kind != Kind.SEP), None)
    if tag is None or rest[tag].kind != Kind.TAG or tag + 2 >= len(rest):
        return False
    mark, dash, number = rest[tag], rest[tag + 1], rest[tag + 2]
    return re.fullmatch(r"#[A-Za-z]{1,5}", mark.text) is not None and dash.text == "-" and number.kind == Kind.NUM \
        and mark.start + len(mark.text) == dash.start and dash.start + 1 == number.start


def _is_an_id(tokens: list[Token], position: int) -> bool:
    """"Trade ID: 7F3A": an id's field word, or the value right after it."""
    field = _field_word_before(tokens, position)
    return _heads_an_id_field(tokens, position) or field is not None and field.text.upper() in _FIELD_WORDS


def _names_a_thing(tokens: list[Token], position: int) -> bool:
    """"Trade ID: 7F3A": an id's word before a colon heads a field of its own, and the value after a word and a colon is
    that field's (a coin label is a label, not a word)."""
    return _heads_an_id_field(tokens, position) or _field_word_before(tokens, position) is not None


def _bracketed_ticker_in_heading(tokens: list[Token], position: int) -> bool:
    """(session 27, cards27) "🛡 IRONFOLD — Card #212 (TIA) / … Stopped at 4.170 … Card closed", "Trade 14 (SOL)": a
    ticker we know alone in brackets on the post's first line — the coin of the card the post reports on."""
    tok = tokens[position]
    return tok.line == 0 and tok.text in KNOWN_TICKERS and 0 < position < len(tokens) - 1 \
        and tokens[position - 1].text == "(" and tokens[position + 1].text == ")"


def _ticker_opening_a_sentence_after_heading(tokens: list[Token], coin: SymbolCandidate) -> bool:
    """(session 27, day27) "🎓 ACADEMY: AVAX trade is DONE ✅ …", "NIGHT DESK: SOL stopped at entry": a ticker we know after
    a heading word and its colon, opening a sentence that goes on in lower case — the sentence's coin, not a field's value
    ("Trade ID: 7F3A" names an id; a value ends its field)."""
    position = coin.position
    nxt = tokens[position + 1] if position + 1 < len(tokens) else None
    return coin.base in KNOWN_TICKERS and _field_word_before(tokens, position) is not None \
        and nxt is not None and nxt.line == tokens[position].line and nxt.kind == Kind.WORD and nxt.text.islower()


def _sentence_coins(candidates: list[SymbolCandidate], tokens: list[Token]) -> list[SymbolCandidate]:
    """("ALPHA / DOGE 全决済しました ✅", "Trade ID: 7F3A / Отменяем сигнал по LINK"): of several capitalised words and no
    tag or pair, a word alone heading its line or naming a field gives way to one in the post's sentence."""
    candidates = [c for c in candidates if not (c.rank == 0 and (c.base in _FIELD_WORDS or _names_a_thing(tokens, c.position))
                                                and not _ticker_opening_a_sentence_after_heading(tokens, c))]
    plain = [c for c in candidates if c.rank == 0]
    in_sentence = [c for c in plain if not _alone_on_line(tokens, c.position)]
    if len(plain) > 1 and in_sentence and not any(c.rank > 0 for c in candidates):
        return in_sentence
    return candidates


def _ruled_out_side(segment: Segment) -> Field | None:
    """The side word a negation ruled out ("no longs"): its segment is set aside, its label kept."""
    label = segment.label
    return label.field if segment.field == Field.IGNORE and label is not None and label.kind == Kind.LABEL \
        and label.field in (Field.LONG, Field.SHORT) else None


def _status(kind: MessageKind, candidate: SymbolCandidate | None, segments: list[Segment],
            action: UpdateAction | None, notes: list[str], *, target_index: int | None = None,
            new_stop: Decimal | None = None) -> ParsedMessage:
    """An update or close. On a `close`, `update_action` tells a stop-out (SL_HIT) and a cancelled setup
    (CANCEL_ENTRY: the signal's pending entries) from a plain close (None)."""
    # ("#IO short setup invalidated": a side word inside an entry label, "short setup", "long zone", names the side)
    # (a side ruled out, "no new longs from us", still counts here: beside the other side the status names neither)
    longs = any(s.field == Field.LONG or _label_side(s) == "long" or _ruled_out_side(s) == Field.LONG for s in segments)
    shorts = any(s.field == Field.SHORT or _label_side(s) == "short" or _ruled_out_side(s) == Field.SHORT for s in segments)
    if not (longs or shorts) and kind == MessageKind.UPDATE and action != UpdateAction.PARTIAL_CLOSE:
        # ("تحديث الصفقة / #AVAX شراء / الدخول الجديد ...": a restated call says its side with a buy/sell word; "venta
        # parcial hecha" sells a part of the position — the exit's verb, not the call's side)
        longs = any(s.field == Field.BUY and s.label is not None and _heads_its_call(s) for s in segments)
        shorts = any(s.field == Field.SELL and s.label is not None and _heads_its_call(s) for s in segments)
    if not (longs or shorts):
        # ("✅ ENTRY HIT / SOLUSDT | M15 / SELL @ 187.42", "🛑 STOP LOSS HIT / … / BUY @ 88.40"): a status card restating
        # its call on a line of its own — the side word, "@", the entry price
        longs = any(_call_line(s, Field.BUY) for s in segments)
        shorts = any(_call_line(s, Field.SELL) for s in segments)
    side = (Side.LONG if longs else Side.SHORT) if longs != shorts else None
    return ParsedMessage(kind=kind, symbol=candidate.symbol if candidate else None, side=side,
                         update_action=action, target_index=target_index,
                         new_stop=new_stop if new_stop is not None and new_stop > 0 else None, notes=tuple(notes))


# The other side a close hands over to ("Closing #AVAX short … Flipping LONG, card below", "close the long and reverse
# to short", "Закрываем шорт, переворачиваемся в лонг", "cerramos el short, giramos a long"): the next trade's side
_FLIP_TO_SIDE = re.compile(r"(?<!\w)(?:flip(?:ping|ped|s)?|revers(?:e|es|ing|ed)|switch(?:ing|ed)?|turn(?:ing)?)\s+(?:it\s+)?"
                           r"(?:to\s+|into\s+|(?:the\s+)?(?:position\s+)?to\s+)?(?:a\s+)?(?:long|short)(?!\w)|"
                           r"переворачива\w*\s+(?:в\s+)?(?:лонг|шорт)|разворачива\w*\s+(?:в\s+)?(?:лонг|шорт)|"
                           r"(?:giramos|giro|damos\s+la\s+vuelta|virando|viramos)\s+(?:a\s+|para\s+)?(?:long|short)(?!\w)")
_SIDE_WORD = re.compile(r"(?<!\w)(?:(long|лонг\w*)|(short|шорт\w*))(?!\w)")


def _closed_side_beside_a_flip(status_text: str) -> Side | None:
    """The side of the position a close ends when the post also flips to the other side: the one side word left once
    the flip's words are set aside."""
    rest = _FLIP_TO_SIDE.sub(" ", status_text)
    found = {Side.LONG if m.group(1) else Side.SHORT for m in _SIDE_WORD.finditer(rest)}
    return found.pop() if len(found) == 1 else None


# ("CLOSE ALL LONGS NOW", "exit every short", "closing all of our longs"): a close of every trade of one side
_EVERY_TRADE_OF_A_SIDE_CLOSED = re.compile(r"(?<!\w)(?:clos(?:e|ed|ing)|exit(?:ed|ing)?|cut(?:ting)?|flatten(?:ed|ing)?)\s+"
                                           r"(?:all|every)\s+(?:of\s+)?(?:(?:the|your|our|my)\s+)?(longs?|shorts?)(?!\w)")


def _close_of(target: SymbolCandidate | None, segments: list[Segment], status_text: str, notes: list[str]) -> ParsedMessage:
    if target is not None and target.rank == 0 and target.base not in KNOWN_TICKERS \
            and (every := _EVERY_TRADE_OF_A_SIDE_CLOSED.search(status_text)) is not None \
            and target.base.lower() not in status_text[every.start():]:
        # ("PTR 💼 ⚠️ CLOSE ALL LONGS NOW ⚠️ / … BTC lost 64k"): a bare word before a close of every long is the channel's
        # tag, no coin — closing only a coin of that name would leave every long the post closes open
        notes.append(f"{target.base} before a close of every {every.group(1).rstrip('s')}: no coin")
        target = None
    if target is not None and target.rank <= NAMED and target.base not in KNOWN_TICKERS \
            and (every_side := _EVERY_TRADE_OF_A_SIDE_CLOSED.search(status_text)) is not None \
            and (target.base.lower() in every_side.group(0).split()
                 or any(target.base.lower() in kept.group(0).split() for kept in _OTHER_SIDE_KEPT.finditer(status_text))):
        # (session 26, bots26) ("CLOSE ALL LONGS NOW. SHORTS CAN STAY.", "CLOSE EVERY LONG NOW"): a shouted word of the
        # close of every trade of a side, or of the sentence keeping the other side, is no coin — closing a coin of that
        # name would leave every long the post closes open
        notes.append(f"{target.base} in the words closing a side or keeping the other: no coin")
        target = None
    closed = _status(MessageKind.CLOSE, target, segments, close_action(status_text), notes)
    if ("flip" in status_text or "revers" in status_text or "switch" in status_text
                                or "turn" in status_text or "перевор" in status_text or "развор" in status_text
                                or "gir" in status_text or "vira" in status_text or "vuelta" in status_text) \
            and _FLIP_TO_SIDE.search(status_text):
        # ("✋ Closing #AVAX short here at 41.05 … Flipping LONG, card below 👇"): the side closed is the one named
        # apart from the flip — the long comes in its own card ("#BTC closed, flipping long": the long is the next
        # trade's, the side closed is not written)
        closed = _replace(closed, side=_closed_side_beside_a_flip(status_text))
    if closed.side is None and target is not None and (side := side_after_pair(status_text, target.base.lower())
                                                       or side_field(status_text)):
        # ("Close SEIUSDT buy", "AVAXUSDT BUY / … / Trade Closed ✅": the buy/sell word after the pair is the side of
        # the position to close)
        closed = _replace(closed, side=Side(side))
    if closed.side is None and target is not None and closed.update_action == UpdateAction.SL_HIT \
            and (side := _side_noun_stopped(status_text, target.base.lower())) is not None:
        # ("a venda de LTC bateu o stop", "la compra de SOL tocó el stop", "our LTC sell got stopped"): the trade named by
        # its buy or sell noun is what hit the stop — a sale or a purchase hits no stop, a short or a long does
        closed = _replace(closed, side=side)
    if closed.side is None and target is None and (side := _one_side_closed(status_text)) is not None:
        # ("Close your shorts now / Longs stay open with their stops"): every trade of the side closed, the other kept
        closed = _replace(closed, side=side)
    if closed.side is None and target is None and len(sides := {_LONG_WORD.search(m.group(0)) and "long" or "short"
                                                                 for m in _SIDE_CLOSED.finditer(status_text)}) == 1 \
            and len({_LONG_WORD.search(w) and "long" or "short"
                     for w in re.findall(r"long|short|лонг|шорт", status_text)}) == 1:
        # ("Zamknijcie wszystkie longi po rynku", "Tüm longları kapatın"): a close of every trade of one side, in a
        # language whose plural the side words do not read, when the post names no other side ("Close all longs and
        # all shorts now" closes both; session 27, heldout27)
        closed = _replace(closed, side=Side(sides.pop()))
    return closed


_LONG_WORD = re.compile(r"long|лонг|لونغ|لونج")

# Session 23 (status23): the trade named by its buy or sell noun and its coin — pt "a venda de LTC", "nossa compra em SOL",
# es "la venta de LTC", "nuestra compra de SOL", it "la vendita di LTC", "l'acquisto di SOL", fr "notre vente de LTC",
# "l'achat de SOL", de "unser Verkauf bei LTC", "der Kauf von SOL", en "our LTC sell", "the SOL buy"
_BUY_NOUNS = r"compra|acquisto|achat|kauf|buy"
_SELL_NOUNS = r"venda|venta|vendita|vente|verkauf|sell"
_TRADE_NOUN_OWNER = (r"(?:a|la|o|el|nossa|nuestra|nosso|nuestro|minha|mi|my|our|the|notre|ma|l['’]\s*|il|nostr[oa]|mi[ao]|"
                     r"unser\w*|der|die|mein\w*)")


def _side_noun_stopped(status_text: str, coin: str) -> Side | None:
    """The side the post names its stopped trade by: a buy or sell noun with the coin, in the sentence of the stop-out."""
    word = re.escape(coin)
    found = set()
    for sentence in re.split(r"(?<!\d)[.!?;\n]|[.!?;](?!\d)", status_text):
        if close_action(sentence) != UpdateAction.SL_HIT:
            continue
        for m in re.finditer(rf"(?<!\w){_TRADE_NOUN_OWNER}\s*(?:(?P<buy>{_BUY_NOUNS})|(?P<sell>{_SELL_NOUNS}))\s+"
                             rf"(?:de|em|en|no|na|di|du|von|bei|auf|in|on|of)\s+[#$]?{word}(?!\w)|"
                             rf"(?<!\w)(?:our|my|the)\s+[#$]?{word}\s+(?:(?P<buy2>buy)|(?P<sell2>sell))(?!\w)", sentence):
            found.add(Side.LONG if m.group("buy") or m.group("buy2") else Side.SHORT)
    return found.pop() if len(found) == 1 else None


def _one_side_closed(status_text: str) -> Side | None:
    """The side whose every trade the post closes while it keeps the other side's ("Close your shorts now / Longs stay
    open"), or None."""
    kept = _OTHER_SIDE_KEPT.search(status_text)
    if kept is None:
        return None
    closed = {_LONG_WORD.search(m.group(0)) and "long" or "short"
              for m in _SIDE_CLOSED.finditer(_OTHER_SIDE_KEPT.sub(" ", status_text))}
    if len(closed) != 1 or closed == {_LONG_WORD.search(kept.group(0)) and "long" or "short"}:
        return None
    return Side(closed.pop())


def _call_line(segment: Segment, side_field: Field) -> bool:
    return segment.field == side_field and segment.label is not None and segment.label.start <= 2 \
        and segment.label.text.lower() in ("buy", "sell") and [t.text.lower() for t in segment.tokens[:1]] in (["@"], ["at"]) \
        and len(segment.tokens) == 2 and segment.tokens[1].kind == Kind.NUM


def _label_side(segment: Segment) -> str | None:
    if segment.field != Field.ENTRY or segment.label is None:
        return None
    side = _SIDE_IN_LABEL.match(segment.label.text)
    return side.group(1).lower() if side else None


_SIDE_IN_LABEL = re.compile(r"(long|short)[\s-]", re.IGNORECASE)


def _change_after_coin(lowered: str, coin: str, coins: set[str], action: UpdateAction) -> bool:
    """The change is said after `coin` and before any other coin is named ("#SOL TP2 hit, stop to TP1 / #ADA still
    waiting"), not after another coin's clause ("#SOL TP1 hit. #ADA still waiting for entry — SL to 0.48": ADA's stop)."""
    others = [m.start() for other in coins if other != coin
              for m in re.finditer(rf"(?<![\w]){re.escape(other)}(?!\w)", lowered)]
    for mention in re.finditer(rf"(?<![\w]){re.escape(coin)}(?!\w)", lowered):
        end = min((start for start in others if start > mention.start()), default=len(lowered))
        if update_action(lowered[mention.start():end]) == action:
            return True
    return False


def _heads_its_call(segment: Segment) -> bool:
    """A buy/sell word with no price of its own (a side word beside the coin, not a "Buy: 0.5" entry label, nor the kind
    of the trade's orders: "Sell orders unchanged" are its take-profits)."""
    following = next((t for t in segment.tokens if t.kind == Kind.WORD), None)
    return not segment.numbers and not (following is not None and following.text.lower() in ("orders", "order", "limits"))


def _replace(parsed: ParsedMessage, **changes) -> ParsedMessage:
    from dataclasses import replace

    return replace(parsed, **changes)
