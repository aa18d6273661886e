"""Words channels use, by meaning: English plus Russian, Ukrainian, Turkish, Spanish, Portuguese, German, French,
Italian, Polish, Vietnamese, Indonesian/Malay, Arabic, Persian, Chinese, Japanese, Korean, Thai, Tagalog, Swahili,
Hebrew, Greek, Romanian, Czech, Dutch and Bengali forms.

Every pattern is matched case-insensitively on normalised text with word boundaries around it.
Longer phrases come first so "stop targets" is a stop, not a target list.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)


class Field(StrEnum):
    ENTRY = "entry"
    BUY = "buy"  # an entry label; for a short it is still the entry unless an entry came before
    SELL = "sell"  # an entry for a short, or the targets once an entry is known
    LONG = "long"  # side word; numbers right after it are the entry ("LONG 0.32-0.30")
    SHORT = "short"
    TARGETS = "targets"
    STOP = "stop"
    LEVERAGE = "leverage"
    SYMBOL = "symbol"  # "Pair:", "Coin:" — the next word is the coin
    IGNORE = "ignore"  # a label whose numbers mean something else (DCA, risk, profit, period, ...)


# CJK ideographs and Hangul, and Thai/Lao/Myanmar/Khmer, are written without spaces between words
# ("做多入场", "จุดเข้า"), so they never count as "inside a word" for label boundaries.
CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"


def _combining_marks() -> str:
    """Character class body of the combining marks that belong to letters (Indic vowel signs, viramas,
    accents written as separate code points): they are part of a word, not separators. Marks for
    symbols (keycaps) and variation selectors are left out: those decorate emojis."""
    ranges: list[list[int]] = []
    for cp in range(0x300, 0x10000):
        if 0x20D0 <= cp <= 0x20FF or 0xFE00 <= cp <= 0xFE0F:
            continue
        if unicodedata.category(chr(cp)) in ("Mn", "Mc"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges)


MARKS = _combining_marks()
_B = rf"(?<![#$])(?<![^\W{CJK}])(?<![{MARKS}])"  # label start: not inside a word, not a hashtag
# "Current price", "Giá hiện tại", "Precio actual": where the market is — an entry only when no other entry is written
# (tr "şu anki fiyattan" / "mevcut fiyattan": from the current price, the suffix glued on)
PRICE_NOW_PHRASE = (r"(?:current|market|ref(?:erence)?\.?)\s+(?:price|rate)|(?:[şs]u\s+anki|mevcut|anl[ıi]k)\s+fiyat(?:tan|ta|la|[ıi]ndan|[ıi]nda)?|"
                    r"prix\s+actuel|"
                    r"pre[çc]o\s+atual|precio\s+actual|prezzo\s+attuale|aktueller\s+(?:preis|kurs)|текущая\s+цена|"
                    r"поточна\s+ціна|gi[áa]\s+hi[ệe]n\s+t[ạa]i|harga\s+(?:saat\s+ini|sekarang)|aktualna\s+cena|"
                    r"តម្លៃទីផ្សារ")  # (km: the market's price)
_E = rf"(?![^\W{CJK}]|[{MARKS}])"

# Numbered labels ("TP1", "Target 2.", "Hedef 1:", "Entry 1") consume their index.
# A spaced number is an index only when a separator follows it, or it is one digit followed by a price with a
# point or 3+ digits ("TP 1: 0.5", "TP 2 0.55"): in "entry 15 tp 16 17 sl 14" the numbers are the prices.
# ("目标一：3320 / 目标二：3250": a Chinese numeral counts the targets, before its colon)
_INDEX_FORMS = (r"[一二三四五六七八九十]{1,2}(?=[ \t]*[:=：])|\d{1,2}(?![\d%]|[.,]\d)|[ \t]+\d{1,2}(?![\d%]|[.,]\d|\s*[-~_/]\s*\d|\s*x(?!\w))"
                r"(?=[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[:)=@>.]|(?<!\d\d)[ \t]+\$?(?:\d+[.,]\d|\d{3}))")
# A single target may be written "Target 1 - 1.40": index, spaced dash, then one price (with a decimal point
# or 3+ digits, so "TP 1 - 2" stays two numbers) and nothing else on the line.
_ONE_PRICE_AFTER_DASH = r"(?=[ \t]+-[ \t]+\$?(?:\d+[.,]\d+|\d{3,}(?:[.,]\d+)?)[ \t]*$)"
_TARGET_INDEX = rf"(?:[ \t]+\d{{1,2}}{_ONE_PRICE_AFTER_DASH}|{_INDEX_FORMS})?"
# Ladders of side words ("Buy 1: 6.45", "Buy 2 - 0.1275", "Buy1 6.10"): a one-digit rung number only
# when a colon, parenthesis or a lone dash-price follows, so "Buy 15 TP 16" keeps 15 as the price.
_LADDER_INDEX = rf"(?:\d(?![\d%]|[.,]\d)|[ \t]+[1-9](?=[ \t]*[:)])|[ \t]+[1-9]{_ONE_PRICE_AFTER_DASH})?"

# hi-Latn "le lo" (take it) is a buy only after where or when: "CMP pe", "abhi", "market se", "yahan se", "1.92 pe" — not
# after a sell's word ("sell CMP pe le lo" takes a short), nor "profit le lo" (take profit)
_TAKE_IT_PLACES = ("cmp", "cmp pe", "cmp par", "cmp se", "abhi", "market pe", "market se", "yahan se", "yaha se", "idhar se",
                   "cmp पर", "अभी", "ابھی")
# (session 26, asia26: "CMP pe uthao", "abhi utha lo", "अभी उठा लो": pick it up — the same buy, after the same places; "profit
# uthao" takes profit)
_TAKE_IT_AFTER = (r"(?=le[ \t]|lelo|ले|لے|utha|उठा)(?:" + "|".join(rf"(?<={p.replace(' ', r'[ \t]')}[ \t])" for p in _TAKE_IT_PLACES)
                  + r"|(?<=\d[ \t]pe[ \t])|(?<=\d[ \t]par[ \t]))"
                  + "".join(rf"(?<!{w}[ \t]{p.replace(' ', r'[ \t]')}[ \t])" for w in ("sell", "short") for p in _TAKE_IT_PLACES))
# (a Hindi/Urdu buy word asked about, "le lein kya?", "kharid lo?", "ले लो क्या?": no order)
_NOT_ASKED_HI = r"(?![ \t]*(?:kya|kyaa|na|क्या|کیا)?[ \t]*[?？؟])"

LABELS: list[tuple[Field, str]] = [
    # "Current price: 1.92" / "Current rate: 0.0905" heading its own line: where the market is, not the entry.
    # "Long-term target 0.60" on its own line beside the TP list: a hope, not an order.
    # (also right after a price: the same post flattened onto one line, "TP 0.47 / 0.49 Long-term target 0.60")
    (Field.IGNORE, (r"(?:previous|old|earlier|former|original|initial)\s+(?:entry|entries|targets?|tps?|stop(?:[\s-]*loss)?|sl)|"
                   # ("#TAO LONG — entry was 412, now 428 / Entry: 418 - 422", "вход был 412", "la entrada fue 412"): the entry
                   # written as the past, before its price — where the call began, no rung of the order now
                   r"(?:entry|entries|вход|giri[şs]|entrada|einstieg|entr[ée]e)\s+(?:was|were|had\s+been|был[аои]?|fue|foi|era|war|"
                   r"[ée]tait)(?=[ \t]*(?:at[ \t]+|@[ \t]*|~[ \t]*|around[ \t]+|на[ \t]+|по[ \t]+|en[ \t]+|em[ \t]+|bei[ \t]+|[àa][ \t]+)?\$?\d)|"
                   # ("Stop adding below 178": a rule for the DCA, no stop; "Swing traders may hold to 660": an option for
                   # some readers, no target of the order — "Hold for 1.70 / 1.85" is the post's own targets)
                   # ("Status: Waiting for entry — price 182.4": a bot's status, the price now)
                   r"waiting\s+for\s+(?:the\s+)?entry(?:\s*[—–-]\s*price)?|"
                   r"stop\s+(?:adding|buying|accumulating|averaging|dca\w*)|(?:may|can|could)\s+hold\s+(?:to|for|until|till|up\s+to)(?=\s*\$?\d)|"
                   r"liq(?:uidation)?(?:\s+price)?(?=[^\n]{0,12}[:=])|"
                   # ("liq 102,000", "ликвидация 3580", "liquidación 62,800", "thanh lý 62800", "爆仓价 3580"): where the
                   # position is liquidated, right before its price — no entry
                   r"(?:liq\.?|liquidation|ликвидаци\w*|likidasyon|liquidaci[óo]n|liquida[çc][ãa]o|liquidazione|"
                   r"thanh\s+l[ýy]|爆仓价?|强平价?|청산가)(?:\s+(?:price|цена|fiyat\w*))?(?=[ \t]*[~≈]?[ \t]*\$?\d)|"
                   r"(?:entry|buy|sell)\s+conditions?|شرط\s+(?:ال)?دخول|شرط\s+ورود|условие\s+входа|giri[şs]\s+[şs]art[ıi]|"
                   r"condici[óo]n\s+de\s+entrada|condi[çc][ãa]o\s+de\s+entrada|einstiegsbedingung|condition\s+d'entr[ée]e|"
                   r"(?:^|(?<=\|)|(?<=\d[ \t])|(?<=\d[,;][ \t]))[ \t]*(?:long|mid)[\s-]*term\s+(?:targets?|tps?)(?![\w:])|"
                   # "Uzun vadeli hedef: 32", "Долгосрочная цель": a hope beside the TP list, in other languages
                   r"(?:^|(?<=\|)|(?<=\d[ \t])|(?<=\d[,;][ \t]))[ \t]*(?:uzun\s+vadeli\s+hedef\w*|долгосрочн\w*\s+цел\w*|objetivo\s+a\s+largo\s+plazo|"
                   r"alvo\s+de\s+longo\s+prazo|langfristige[sn]?\s+ziel\w*|objectif\s+(?:[àa]\s+)?long\s+terme|"
                   r"obiettivo\s+a\s+lungo\s+termine|cel\s+d[łl]ugoterminow\w*|m[ụu]c\s+ti[êe]u\s+d[àa]i\s+h[ạa]n)|"
                   # (also right after a price: "NOW → 3,405 Current price: 3412.50", a note glued on the entry line)
                   r"(?:^|(?<=\|)|(?<=\d[ \t])|(?<=\d[,;][ \t]))[ \t]*(?:current|market|live)(?:\s+(?:market|spot|live))?\s+(?:price|rate)"
                   r"(?=\s*(?:[:=]|now(?!\w)|is(?!\w)|right\s+now))|"
                   r"(?:^|(?<=\|))[ \t]*текущая\s+цена(?=\s*[:=])|"
                   # the same in other languages, heading its line before a price
                   r"(?:^|(?<=\|))[ \t]*(?:gi[áa]\s+hi[ệe]n\s+t[ạa]i|precio\s+actual|pre[çc]o\s+atual|aktueller\s+(?:preis|kurs)|"
                   r"prix\s+actuel|prezzo\s+attuale|g[üu]ncel\s+fiyat|mevcut\s+fiyat|harga\s+(?:saat\s+ini|sekarang)|"
                   r"(?:ال)?سعر\s+(?:ال)?حالي|قیمت\s+فعلی|当前价格?|现在(?:価格|値)|现値|현재\s*가격)(?=[ \t]*[:=]?[ \t]*\$?\d)")),
    # ("#FET LONG 0.660 — next stop 0.700, then 0.740. SL 0.640": the next waypoint, not the stop)
    # ("E: 3.51 / T: 3.44 / 3.36 / S: 3.58": one-letter headings, only at a line's start before a colon and a price)
    # ("COPY ▶ SHORT | DOTUSDT | 5x | E 4.862 / 4.915 | SL 5.010 | T 4.780 · 4.700": between pipes, a space will do)
    (Field.ENTRY, r"(?:^|(?<=\|))[ \t]*e(?=[ \t]*:[ \t]*\$?\d|[ \t]+\$?\d[^\n|]*(?:\||$))"),
    (Field.STOP, r"(?:^|(?<=\|))[ \t]*s(?=[ \t]*:[ \t]*\$?\d)"),
    (Field.TARGETS, (r"(?:^|(?<=\|))[ \t]*t(?=[ \t]*:[ \t]*\$?\d|(?<=\|[ \t]t)[ \t]+\$?\d)|next\s+stops?(?=[ \t]*[:=]?[ \t]*\$?\d)|"
                    # ("Asks 1.42 / 1.51 / 1.63" under the bids): the resting sell orders heading their line — the exits
                    r"(?:^|(?<=\|))[ \t]*asks(?=[ \t]*:?[ \t]*\$?\d)|"
                    # "T1 156, T2 162": a one-letter target label with its row number, right before a price ("T1 —
                    # 28.10": a spaced dash between will do)
                    r"t(?=[1-9](?:[ \t]*[:=>]|[ \t]+[-–—])?[ \t]*\$?\d)|"
                    # ("ETH long 3310-3270 tg 3390 3460 3580 sl 3215", "tg: 0.62 / 0.66"): "tg" right before a price is
                    # the targets' short label, like "tgt" ("TG: @handle", "tg channel", "TG 100% done" are Telegram's)
                    r"tg(?=[ \t]*[:=]?[ \t]*\$?\d)(?![ \t]*[:=]?[ \t]*\$?\d[\d.,]*[ \t]*%)")),
    (Field.STOP, (r"stop[\s-]*targets?|止损目标|손절\s*목표|(?:ال)?[أا]هداف\s+(?:ال)?وقف|(?:alvos?|objetivos?)\s+de\s+(?:stop|parada)|"
                 r"s-l(?=[ \t]*[:=❌]|[ \t]+\$?\d)|stop[\s-]*(?:order|level|price)|стоп[\s-]*(?:приказ|ордер|уровень|цена)|stop[\s-]*loss(?:es)?|stop[\s-]*los|stoploss|stopls|stol+[\s-]*loss|"
                 # (Session 25: "stp 2.09", "stp: .1905": the stop word missing its vowel, right before a price)
                 r"stp(?=[ \t]*[:=]?[ \t]*\$?\.?\d)(?![ \t]*[:=]?[ \t]*\$?[\d.,]+[ \t]*%)|"
                 # ("Protect at 0.5760 (-4%)", "protection below 1.18"): where the position is protected — its stop
                 r"protect(?:ion)?\s+(?:at|@|below|under|above|over)(?=[ \t]*\$?\d)|"
                 # ("if it loses 14.18 I'm out", "if price breaks below 0.92 we're out"): where the writer leaves the
                 # trade — its stop (only with the exit said right after the price)
                 # ("If we lose 16.60 I'm wrong and out": wrong, then out)
                 # (session 27, day27: "if it prints 0.01460 im out", "if it tags 0.91 we're out")
                 r"if\s+(?:it|price|we|this|that)\s+(?:loses|lose|breaks(?:\s+below|\s+above)?|drops\s+(?:below|under)|prints|tags|"
                 r"closes\s+(?:below|above|under|over)|goes\s+(?:below|under|above|over)|dips\s+(?:below|under))"
                 r"(?=[ \t]+\$?\d[\d.,]*[ \t]*,?[ \t]*(?:i'?m|we'?re|i\s+am|we\s+are)[ \t]+(?:wrong\s+and\s+)?out(?!\w))|"
                 # ("I'll sell everything on a daily close below 6.45"): where the writer leaves all of it — its stop
                 r"(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+(?:sell|exit|dump|close)\s+(?:everything|it\s+all|all\s+of\s+it|"
                 r"the\s+(?:whole\s+)?position)\s+(?:on|upon)\s+(?:a\s+|the\s+)?(?:\w+\s+)?close\s+(?:below|under|above|over)"
                 r"(?=[ \t]*\$?\d)|"
                 # ("Out below 1.18", "out under 0.95"): where the trade is left — its stop, heading its line
                 r"(?:^|(?<=\|))[ \t]*out\s+(?:below|under|above|over)(?=[ \t]*:?[ \t]*\$?\d)|"
                 # ("tgt 29.4 / 30.8, inval 26.9", "inval: 0.84"): "inval", invalidation cut short, before its price — the stop
                 # (session 22, open52: "▸ inv 0.5360 ▸", "inv: 1.92"): "inv", cut shorter still, only right before its price
                 # (session 26, hard26: "accumulate 6.95~7.20, sell 7.90 / 8.60, cut 6.55"): "cut" and its one price ending a
                 # one-line call after a comma — the stop, as at a line's or a cell's start
                 r"cut[\s-]*loss(?:es)?|(?:^|(?<=\|)|(?<=[,;]))[ \t]*cut(?=[ \t]*[:=][ \t]*\$?\d|[ \t]+(?:\|[ \t]*)?\$?\d[\d.,]*[ \t]*(?:\||$))|s\s*/\s*l|sl|stops?|invalidation|inv(?=[ \t]*[:=]?[ \t]*\$?\d)|inval(?=[ \t]*[:=<>]?[ \t]*\$?\d|\s+(?:if|below|under|above|over|on)(?!\w))|invalida[çc][ãa]o|invalidaci[óo]n|invalidazione|(?:^|(?<=\|))[ \t]*protezione(?=[ \t]*[:=])|invalidierung|инвалидаци[яи]|invalid(?=\s+(?:if|below|under|above|over|on|when|at)(?!\w)|\s*[<>:]\s*\$?\d)|стоп[\s-]*лосс?|стоп|сл|zarar[ıi]?[\s-]*(?:durdur|kes)|"
                 # tr: the stop with its object ending, before the price it is moved to ("SUI stopunu 3,90'a çekiyoruz")
                 r"stop'?(?:unu|umuzu)(?=[ \t]+\$?\d)|sl'?y?[iı](?=[ \t]+\$?\d)|"
                 r"stop[\s-]*kay[ıi]p|parada|stop\s+de\s+p[ée]rdida|c[ắa]t\s+l[ỗo]|d[ừu]ng\s+l[ỗo]|batas\s+rugi|"
                 r"وقف\s+(?:ال)?خسار[ةه]|(?:ال)?ستوب|حد\s+ضرر|استاپ(?:\s*لاس)?|止损(?:价|位)?|停损(?:价|位|点)?|손절(?:가)?|정지\s*손실|"
                 # (session 22, open52: "防守：3495", "防守位 1.92"): the defence line heading its row before a price — the stop
                 r"(?:^|(?<=\n)|(?<=\|))[ \t]*防守(?:价格|价位|点位|位|价)?(?=[ \t]*[:：=]?[ \t]*\$?\d)|"
                 r"损切り?(?:ライン|価格)?|ストップ(?:ロス)?|止损(?:价|位)?|اسٹاپ(?:\s*لاس)?|سٹاپ(?:\s*لاس)?|(?:ال)?وقف(?=[ \t]*[:=]?[ \t]*(?:(?:إلى|الى|عند|على)[ \t]+)?\$?\d)|"
                 # Thai, Malay, Swahili, Hebrew, Greek, Romanian, Czech, Bengali
                 r"จุดตัดขาดทุน|ตัดขาดทุน|หยุดขาดทุน|คัทลอส|คัทลอส|คัตลอส|henti\s+rugi|hentikan\s+kerugian|hasara\s+ya\s+kusimamisha|"
                 r"סטופ(?:\s*לוס)?|עצירת\s+הפסד|στοπ(?:\s*λος)?|όριο\s+ζημιάς|stop\s+pierdere|"
                 r"zastaven[íi]\s+ztr[áa]ty|স্টপ(?:\s*লস)?|simamisha\s+hasara|"
                 # te "స్టాప్ లాస్", pa "ਸਟਾਪ ਲੌਸ", km "កាត់ខាត" (cut the loss)
                 r"స్టాప్(?:\s*లాస్)?|ਸਟਾਪ(?:\s*ਲੌਸ)?|កាត់ខាត|"
                 # Hindi, Swedish/Norwegian, Finnish, Hungarian, Kazakh, Uzbek
                 r"स्टॉप(?:\s*लॉस)?|स्टॉपलॉस|stopp(?:[\s-]*loss)?")),
    (Field.TARGETS, (r"(?:ال)?[أا]هداف\s+(?:ال)?بيع|"
                    # ("TP ladder: 150 / 155", "Exit ladder:" over "• 150 / • 155", "Ladder: 3050 / 3000 (take
                    # profits)"): a ladder of exits is the targets, not the entries' rungs
                    r"(?:take[\s-]*profits?|tps?|targets?|profits?|exits?)[\s-]+ladder|"
                    # (session 27, day27) a formal desk's notice heading its exits "Objectives: 936.00; 958.00"
                    # ("Objective 1: 2.41", "Objetivos: 0.41 / 0.44"): the targets, as a heading before its prices
                    r"(?:^|(?<=\|))[ \t]*(?:price[\s-]+)?objectives?(?:[ \t]*[1-9])?(?=[ \t]*[:=][ \t]*\$?\d)|"
                    r"(?:^|(?<=\|))[ \t]*ladder(?=[ \t]*[:=][^\n(]*\([ \t]*(?:take[\s-]*profits?|tps?|targets?|exits?)[ \t]*\))|"
                    r"(?:close|exit(?:\s+(?:zone|level|point|target))?|take|çıkış|cikis|salida|sa[íi]da|выход|закрыть|закрытие|фиксация|cierre|fechamento|平仓|"
                    r"fermeture|chiusura|schlie(?:ß|ss)ung|kapan[ıi][şs]|zamkni[eę]cie|ausstieg|sortie|uscita|wyj[śs]cie|keluar|tho[áa]t)(?=[ \t]*\d{1,2}[ \t]*[:)=>@])|"
                    # ("│ OUT-1 │ 1.901 │", "OUT 2: 1.975"): a numbered exit row of a card, heading its line before a
                    # price (the row "IN 1.842" is its entry, "CUT 1.779" its stop); so is "Exit ① 22.60" (its circled
                    # number read as "Exit 1"), "Çıkış 2 1.975"
                    r"(?:^|(?<=\|))[ \t]*(?:out|exit|[çc][ıi]k[ıi][şs]|salida|sa[íi]da|sortie|uscita|ausstieg|выход|wyj[śs]cie)"
                    r"[ \t]*[-_#]?[ \t]*[1-9](?=[ \t]*[:=)|]?[ \t]+\$?\d[\d.,]*(?![\d.,]*[ \t]*%))|"
                    # "Close 50% at 0.385 / Close rest at 0.398": the exits of the setup and their shares
                    r"(?:^|(?<=\|))[ \t]*(?:close|exit|take|sell|book)\s+(?:\d{1,3}\s*%|half|(?:the\s+)?rest|remaining|all)\s+(?:at|@)|"
                    # "Buy back: 21.90 / 21.20": a short's exits
                    r"buy[\s-]*back|cover(?=[ \t]*[:=])|"
                    # ("Taking profits at 28.30, then 29.10", "I'll be taking profit at 3,340 and 3,420"): the take-profits
                    # told in prose — a run of two prices or more ("taking profit at 3,340 now" is a part sold)
                    r"(?:taking|take|takes)\s+(?:some\s+|partial\s+)?profits?\s+(?:at|@|around)"
                    r"(?=[ \t]*\$?\d[\d.,]*[ \t]*(?:,|and|then|/|&)[ \t]*(?:(?:then|and)[ \t]+)?\$?\d)|"
                    # ("Covering at 3,350 and 3,280", "cover around 3,350"): a short's buy-backs told in prose
                    r"(?:covering|cover)\s+(?:at|@|around|near)(?=[ \t]*\$?\d)|hold\s+(?:for|till|until|to)(?=[ \t]*\$?\d)|"
                    # "Exit: 0.168 / 0.176" heading its own line: the exits of the setup, i.e. its targets
                    r"(?:^|(?<=\|))[ \t]*(?:exits?|exit[\s-]*(?:targets?|levels?|points?)|çıkış|salida|sa[íi]da|выход|ausstieg|sortie|uscita|wyj[śs]cie)(?=[ \t]*[:=])|"
                    r"(?:^|(?<=\|))[ \t]*(?:exits?|close)(?=[ \t]+\$?\d[\d.,]*[ \t]*[/|,-])|"
                    # ("Takes: 10.30 — 10.90 — 11.80", "Profit takes: …"): the take-profits, as a heading with its colon
                    r"(?:^|(?<=\|))[ \t]*(?:profit[\s-]*)?takes(?=[ \t]*[:=])|"
                    r"(?:^|(?<=\|))[ \t]*(?:close|exit)(?:\s+(?:the\s+)?(?:position|trade))?\s+(?:at|@)(?=[ \t]*[:=])|"
                    r"(?:^|(?<=\|))[ \t]*(?:exits?|close)[ \t]*@(?=[ \t]*\$?\d)|(?:^|(?<=\|))[ \t]*out(?=[ \t]*[:=]?[ \t]*\$?\d)|"
                    # "Open: 0.385 / Close: 0.405": a close heading its line before a price is the setup's exit
                    r"(?:^|(?<=\|))[ \t]*close(?=[ \t]*[:=][ \t]*\$?\d)|"
                    # "#LINK long entry 15 Close: 16 / 17 SL 14": after a price on the same line, a close/exit word
                    # followed by prices is the exits of the setup, never more entries
                    r"(?:(?<=\d[ \t])|(?<=\d[,;|][ \t])|(?<=\d[,;|]))(?:close|exits?|[çc][ıi]k[ıi][şs]|salida|sa[íi]da|"
                    r"выход|sortie|uscita|ausstieg|wyj[śs]cie)(?=[ \t]*[:=]?[ \t]*\$?\d)|"
                    r"(?:take[\s-]*profit|tp|profit|sell)[\s-]*targets?|"
                    # (session 22, open52: "Buy @ market (0.4521) | Stop 0.4380 | Take 0.4750"): a bare "Take" heading its line
                    # or a "|" cell right before a price is the take-profit — never a share ("Take 50% at 1.2")
                    r"(?:^|(?<=\|))[ \t]*take(?=[ \t]*[:=]?[ \t]*\$?\d)(?![ \t]*[:=]?[ \t]*\$?[\d.,]+[ \t]*%)|"
                    # "first take 1.780, then 1.710", "looking for 4.40 then 4.75": the exits of a call told in prose
                    r"(?:first|1st|second|2nd|third|3rd|next|final|last)\s+take(?=\s+(?:at\s+)?\$?\d)|looking\s+for(?=\s+\$?\d)|targ?ets?[\s-]+profits?|(?:short|mid|long)[\s-]*term|take[\s-]*profits?|targets|tps|"
                    # ("tragets 0.2180 and 0.2230", "tagrets", "taregts": the target word with two letters swapped)
                    r"tragets?|tagrets?|taregts?|t\s*/\s*p|t-p|tp|targ?et|tgts?|"
                    # (Session 25: "long in 24.6 out 26 and 27.5": "out" right after the entry's price and before a
                    # price — where the writer gets out, the targets; "stopped out 26", "out at 26%" are none)
                    r"(?<=\d[ \t])out(?=[ \t]+\$?\.?\d)(?![ \t]+\$?[\d.,]+[ \t]*%)|"
                    # (Session 25: "targt 2.30 2.42", "trgt .176": the target word missing its vowel, before a price)
                    r"(?:targts?|trgts?)(?=[ \t]*[:=]?[ \t]*\$?\.?\d)|(?:alvos?|objetivos?)\s+de\s+(?:lucro|ganho|beneficio|ganancia)|hedefler(?:i)?|hedef|k[aâ]r[\s-]*al|тейк[\s-]*проф[иі]т(?:ы|и)?|тейки|тейк|"
                    r"цели|цель|objetivos?|alvos?|metas?|obj|tomar\s+ganancias|toma\s+de\s+ganancias|"
                    r"ch[ốo]t\s+l[ờo]i|m[ụu]c\s+ti[êe]u|ambil\s+(?:untung|profit)|جني\s+(?:ال)?[أا]رباح|حد\s+سود|تی\s*پی|(?:ال)?[أا]هداف|(?:ال)?هدف|تارگت(?:\s*ها)?|اهداف|هدف|"
                    r"止盈(?:目标|位|价)?|目标(?:价|位)?|止盈(?:目标|价)?|ٹارگٹس?|ٹارگیٹس?|목표(?:가)?|익절(?:가)?|"
                    r"kurs[\s-]*ziele?|gewinn[\s-]*ziele?|gewinnmitnahmen?|ziele?|objectifs?|cibles?|obiettiv[oi]|pres[ae]\s+(?:di\s+)?profitt[oi]|cele|cel|"
                    r"цілі|ціль|利确(?:目标|ライン)?|利益确定|ターゲット|目标(?:価格)?|"
                    r"ขายทำกำไร|ทำกำไร|เป้าหมาย|เป้า|sasaran|malengo|lengo|יעדים|יעד|στόχοι|στόχος|στοχοι|στοχος|"
                    r"[țţt][iî]nte|[țţt][iî]nt[ăa]|obiective|c[íi]le|c[íi]l|ciele|cieľ|koersdoelen|doelen|doel|টার্গেট|লক্ষ্য|"
                    r"टारगेट|लक्ष्य|ہدف|اہداف|h[əe]d[əe]fl[əe]ri?|h[əe]d[əe]f|мақсат\w*|мақсад\w*|maqsad\w*|c[ée]l[áa]rak|c[ée]l[áa]r|c[ée]lpontok|c[ée]lpont|c[ée]lok|c[ée]l|"
                    r"m[åa]l|tavoitteet|tavoite|k[üu]rs[\s-]*ziel|"
                    # et "Sihid", lv "Mērķi", hr/bs/sr "Ciljevi", lt "Tikslai", te "టార్గెట్లు", pa "ਟਾਰਗੇਟ", km "គោលដៅ"
                    r"sihid|siht|m[ēe]r[ķk]i|m[ēe]r[ķk]is|ciljevi|cilj|tikslai|tikslas|టార్గెట్లు|టార్గెట్స్|టార్గెట్|"
                    r"ਟਾਰਗੇਟ|ਟੀਚੇ|ਟੀਚਾ|គោលដៅ")),
    (Field.ENTRY, (r"entry[\s-]*(?:zone|area|price|point|range|targets?|around|levels?)|entries|entry|entrance|"
                  # ("entery 1.472 - 1.50", "enrty", "entrey": the entry word misspelt)
                  r"entery|enrty|entrey|"
                  # ("🛒 Fills:" over "F1 3388 / F2 3435"): a bot card's heading over its fill orders, alone on its line
                  # with its colon or before a price — the entries
                  r"(?:^|(?<=\|))[ \t]*fills(?=[ \t]*:[ \t]*(?:$|\$?\d))|"
                  # (session 27, cards27: a bot's plan "orders:" alone on its line over "#1 limit 184.60 | 120 USDT" rows;
                  # "Limit orders:", "Órdenes:", "Ордера:"): the card's resting orders heading their rows — the entries
                  r"(?:^|(?<=\|))[ \t]*(?:(?:limit|entry)[ \t]+)?(?:orders|[óo]rdenes|ordens|ордера)(?=[ \t]*:[ \t]*$)|"
                  # ("🛒 Trigger: MARKET (ref 19.62)"): the card's trigger said to be the market — an entry at the market
                  # (a trigger at a price, "Trigger: 182.40", may wait for the price to cross: not read so)
                  r"(?:^|(?<=\|))[ \t]*trigger(?=[ \t]*[:=][ \t]*(?:market|mkt|cmp|now)(?!\w))|"
                  # "CMP: 27.35 / Add more: 26.60": a second order of the same entry, heading its line before a price
                  r"(?:^|(?<=\|))[ \t]*(?:add\s+more|second\s+entry|2nd\s+entry)(?=[ \t]*[:=@]?[ \t]*\$?\d)|"
                  # ("add more at 1.590", "Re-buy: 88.90", "Buy more @ 3.29", "Bijkopen: 0,0778", "Nachkaufen bei 2.10",
                  # "Recompra: 0.95", "Докупка: 88.9"): an add-on order of the same entry heading its line before its price
                  # (not on a condition: "add more at 1.70 after the breakout", "rebuy if it reclaims 2.10" wait for one)
                  r"(?:^|(?<=\|))[ \t]*(?:(?:add|buy)\s+more|re[\s-]?buy|buy\s+again|bijkopen|bijkoop|nachkaufen|nachkauf|"
                  r"recompra[rs]?|comprar\s+m[áa]is|comprar\s+m[áa]s|докупка|докупаем|докупить|докупівля|докупити|mua\s+th[êe]m|"
                  r"beli\s+lagi|ek\s+al[ıi]m|"
                  # pl "Dokupienie: 78,50", "Dokupka", cs "Dokoupení", "Přikoupení", sk "Dokúpenie", "Prikúpenie", en "Add-on:"
                  r"dokupieni[ea]|dokupk[ai]|dokupujemy|dokupi[ćc]|dokoupen[íi]|dokoupit|p[řr]ikoupen[íi]|p[řr]ikoupit|"
                  r"dok[úu]peni[ea]|dok[úu]pi[ťt]|prik[úu]peni[ea]|add[\s-]?on)"
                  r"(?:[ \t]+(?:at|@|around|near|from|bei|um|op|rond|em|en|a|на|по|tại|di|от|від|przy|na|za|pri))?"
                  r"(?=[ \t]*[:=@]?[ \t]*\$?\d)(?![^\n]*(?<!\w)(?:on|after|if|once|when|upon|only\s+if|als|wenn|nach|si|se|"
                  r"если|после|якщо|після|eğer|sonra|jika|setelah|khi|sau|je[śs]li|je[żz]eli|gdy|kiedy|pokud|kdy[žz]|jestli|ak|ke[ďd])(?!\w))|"
                  # ("Buy: 5.84 / Add: 5.62"): "Add:" heading its line before a price is the second order of the entry
                  # ("Add: 0.5100 on breakout confirmation", "Add: 1.76 after TP2 to re-short": an order for later, on a condition)
                  r"(?:^|(?<=\|))[ \t]*add(?=[ \t]*:[ \t]*\$?\d)(?![^\n]*(?<!\w)(?:on|after|if|once|when|upon|re-?short|re-?long|re-?enter)(?!\w))|"
                  # ("entry 2.46 / add 2.55", a Discord quote block's rows): "add" and its price alone on their line, no colon
                  r"(?:^|(?<=\|))[ \t]*add(?=[ \t]+\$?\d[\d.,]*[ \t]*(?:$|\n))|"
                  # ("エントリー 0.6280 / 追加 0.6350", "加仓 0.6350", "추가 0.6350"): "add" in CJK heading its line before a
                  # price (an add for after a target — "TP1后加仓" — is a plan for later)
                  r"(?:^|(?<=\|))[ \t]*(?:追加(?:エントリー)?|买い増し|加仓|补仓|추가\s*(?:진입|매수)?)(?=[ \t]*[:：=]?[ \t]*\$?\d)"
                  r"(?![^\n]*(?:后|以降|이후|になったら))|"
                  r"(?:^|(?<=\|))[ \t]*cmp(?=[ \t]*[:=@][ \t]*\$?\d)|"
                  # ("Filled @ 88.42", "Fill price: 0.04182", "Executed at 3.512"): a bot's fill line heading its own line,
                  # the price its order got — the entry (inside a line, "TP1 filled @ 5.39", it reports a target)
                  r"(?:^|(?<=\|))[ \t]*(?:(?:avg\.?|average)[ \t]+)?(?:fill(?:ed)?|executed|execution)(?:[ \t]+price)?(?:[ \t]+(?:at|@))?"
                  r"(?=[ \t]*[:=@]?[ \t]*\$?\d)|"
                  # ("Base order filled: 17.842", "… Base order filled at 0.6120"): a DCA bot's first order, its entry
                  # (not a size: "Base order: 50 USDT")
                  # (session 23: "Base order: filled @ 1.8840", the state after the label's colon)
                  r"base\s+order(?:[ \t]*:?[ \t]*(?:filled|price|placed|executed))?(?:\s+(?:at|@))?(?=[ \t]*[:=@]?[ \t]*\$?\d[\d.,]*(?![\d.,]|\s*(?:usdt|usd|usdc|\$|dollars?)(?!\w)))|"
                  r"enter(?:\s+at)?|entrada(?:s)?|punto\s+de\s+entrada|pre[çc]o\s+de\s+entrada|"
                  r"giri[şs]ler|giri[şs](?:\s+(?:fiyat[ıi]|b[öo]lgesi|aral[ıi][ğg][ıi]))?|точк[аи]\s+входа|зона\s+входа|"
                  r"цена\s+входа|зона\s+(?:набора|покупки|закупки|закупа)|входы|вход|"
                  # ("Placing bids on FET: 1.318, 1.274", "Bids: 1.31 / 1.27"): the resting buy orders heading their prices
                  # ("Whales stacking bids at 92k", "big bids at 1.20" are the order book's)
                  r"(?:^|(?<=\|))[ \t]*(?:(?:placing|place|laying|setting|set)[ \t]+(?:my[ \t]+|our[ \t]+)?)?bids"
                  r"(?=[ \t]+(?:on|for)[ \t]+[#$]?[a-z0-9]{2,15}(?:/?usdt)?[ \t]*:[ \t]*\$?\d|[ \t]*:?[ \t]*\$?\d)|"
                  # ("Leg 1 → 2.415 (30%)", "Tranche 2: 0.318"): a numbered leg of the entry heading its line before its
                  # price (not the market's "second leg down", "leg 2 of the rally")
                  r"(?:^|(?<=\|))[ \t]*(?:leg|tranche)(?=[ \t]*#?[1-9][ \t]*(?:[:=@>→]|->|-[ \t])[ \t]*\$?\d)|"
                  # ar "الدفعة الأولى 13.40 / الدفعة الثانية 12.85" (the first, the second tranche of a buy "على دفعتين"):
                  # an ordinal tranche heading its line before its price
                  r"(?:^|(?<=\|))[ \t]*(?:ال)?دفع[ةه][ \t]+(?:ال)?(?:[أا]ول[ىي]|ثاني[ةه]|ثالث[ةه]|رابع[ةه]|[1-4])"
                  r"(?=[ \t]*[:=]?[ \t]*\$?\d)|"
                  # ("Ladder:" over "• 9.80 / • 9.55 / • 9.20", "Entry ladder: 9.80 / 9.55"): the entries' rungs
                  r"(?:^|(?<=\|))[ \t]*(?:entry[\s-]+|buy[\s-]+|dca[\s-]+)?ladder(?=[ \t]*[:=])|entry[\s-]+ladder|"
                  # ("DCA plan (split in 3):" over "• 4.35 / • 4.05 / • 3.78"): a buying plan's rungs heading their rows
                  r"(?:^|(?<=\|))[ \t]*dca[\s-]+plan(?:[ \t]*\([^)\n]{1,24}\))?(?=[ \t]*:[ \t]*$)|"
                  # ("ТВХ: 0.4120", "Т.вх. 0.41", "ТВХ 1 / ТВХ 2": трейдерское сокращение «точка входа»; «Х 1» normalised to «x 1»;
                  # "ТВХ по рынку": a market entry)
                  r"(?:^|(?<=\|))[ \t]*(?:тв[хx]|т\.[ \t]?в[хx]\.?)(?:[ \t]*[12345])?(?=[ \t]*[:=-]?[ \t]*(?:\$?\d|по[ \t]+(?:рынку|ринку)(?!\w)))|"
                  r"набира(?:ю|ем)(?=\s+(?:[#$]\w+\s+)?(?:от|в\s+зоне|\d))|рыночный\s+ордер|лимитный\s+ордер|market\s+order|limit\s+order|"
                  # ("Покупаю по текущей (~67 350$)", "Покупаем по рынку ~0.412", "Продаю по текущей 3 410"): the
                  # channel's own buy (sell) heading its line, at the market or a price — the entry
                  r"(?:^|(?<=\|))[ \t]*(?:покупа(?:ю|ем)|закупа(?:юсь|емся)|прода(?:ю|ём|ем)|купуємо|купую|продаємо|продаю)"
                  r"(?=[ \t]+(?:по[ \t]+(?:текущ\w*|рынку|ринку|поточн\w*)(?!\w)|(?:от[ \t]+|по[ \t]+)?[~≈]?[ \t]*\$?\d))|"
                  # ("Выставляем лимитку на покупку: 4,315", "Лимитка: 4,315", uk "Ставимо лімітку на купівлю 4,315"): the
                  # limit order placed, heading its line before its price — the entry
                  r"(?:^|(?<=\|))[ \t]*(?:(?:выставля\w*|выставим|ставим|поставил\w*|ставимо|виставля\w*)[ \t]+)?"
                  r"(?:лимитк[аиуе]|лімітк[аиуі])(?:[ \t]+на[ \t]+(?:покупку|продажу|лонг|шорт|купівлю|продаж))?"
                  r"(?=[ \t]*[:=-]?[ \t]*\$?\d)|"
                  r"(?:buy|long|short)[\s-]*(?:zone|area|range|setup|between|price)|(?:^|(?<=\|))[ \t]*buys(?=[ \t]*:)|"
                  # (session 27, cards27: es/pt "🛒 Compras:", fr "Achats :", ru "Покупки:", de "Käufe:" heading the buy legs
                  # "1️⃣ 27.85 ➝ 25%" — the plural buys, as "Buys:")
                  r"(?:^|(?<=\|))[ \t]*(?:compras|achats|покупки|k[äa]ufe)(?=[ \t]*:)|(?:buy|sell)[\s-]*stop(?:\s+(?:above|below|at))?|accumulat(?:e|ion)(?:\s+zone)?|"
                  r"open(?:ing)?\s+price|avg\.?\s+entry|"
                  # ("Preço de abertura: 585,0", "Precio de apertura", "Prix d'ouverture", "Prezzo di apertura"): the opening price
                  r"pre[çc]o\s+de\s+abertura|precio\s+de\s+apertura|prix\s+d'\s*ouverture|prezzo\s+di\s+apertura|" + PRICE_NOW_PHRASE + r"|"
                  r"(?:^|(?<=\|))[ \t]*price(?=\s*[:=-])|"
                  # (session 27, cards27: "mark ~38.45, fill at market"): the exchange's mark price, said to be about
                  # where the market is, heading its line — the reference of an order at the market
                  r"(?:^|(?<=\|))[ \t]*mark(?=[ \t]*[:=]?[ \t]*[~≈][ \t]*\$?\d)|"
                  # ("qty 1,250  price 2.1840  lev 5x", "| lev 4.0 | rate 21.335", "Open Rate: 21.335"): an exchange or bot's
                  # fill report, its price column — where the order was filled
                  r"(?:(?<=\d[ \t]{2})|(?<=\d[ \t]{3})|(?<=\|[ \t]))price(?=[ \t]+\$?\d)|"
                  r"(?:^|(?<=\|))[ \t]*(?:open[ \t]+)?rate(?=[ \t]*[:=]?[ \t]*\$?\d)|open[ \t]+rate(?=[ \t]*[:=]?[ \t]*\$?\d)|(?:^|(?<=\|))[ \t]*in(?=[ \t]*[:=]?[ \t]*\$?\d)|"
                  # (session 27, day27: or, with no colon, before the two bounds of its range — "zone 272.5–274.0" under
                  # "BUY (armed: only after a 1h close > 272)": the entry zone, not more prices of the side's line)
                  r"(?:^|(?<=\|))[ \t]*(?:zona|zone|[áa]rea|b[öo]lge|зона)(?=[ \t]*[:=]|[ \t]+\$?\d[\d.,]*[ \t]*[-–~][ \t]*\$?\d[\d.,]*[ \t]*$)|precio\s+de\s+entrada|zona\s+de\s+entrada|диапазон\s+входа|"
                  r"al[ıi][şs]\s+b[öo]lgesi|买入(?:区间|价格|价)|"
                  # (session 26, asia26) ms "Kemasukan 1: 84.20", "Harga kemasukan", "Zon kemasukan" (the entry, Malaysian)
                  r"(?:(?:harga|zon|titik)\s+)?kemasukan|"
                  r"v[àa]o\s+l[ệe]nh|[đd]i[ểe]m\s+v[àa]o(?:\s+l[ệe]nh)?|v[ùu]ng\s+v[àa]o|v[ùu]ng\s+mua|(?:^|(?<=\|))[ \t]*v[àa]o(?=[ \t]*[:=]?[ \t]*\d)|gi[áa]\s+v[àa]o|harga\s+masuk|area\s+entry|titik\s+masuk|zon[ae]?\s+masuk|masuk(?=[ \t]*[:=])|(?:^|(?<=\|))[ \t]*masuk(?=[ \t]+\$?\d)|"
                  r"(?:سعر\s+|منطقة\s+)?(?:نقطة\s+)?(?:ال)?دخول|نقطه\s+ورود|ورود|نقاط(?=[ \t]*\d)|"
                  r"入场(?:价格|价位|点位|价|区间|位)?|进场(?:价位|点位)?|(?:^|(?<=\n))[ \t]*限价(?:单|挂单|入场)?(?=[ \t]*[:：]?[ \t]*\d)|建仓(?:区间|价格|价位|点位|价|位)?|开仓(?:价格|价位|点位|价)?|进场(?:价格|价|区间)?|入场(?:价格|价)?|开仓(?:价)?|انٹری|"
                  r"منطقة\s+(?:ال)?شراء|진입(?:가|구간)?|매수가|매수\s*평균가|"
                  r"einstiegs?(?:[\s-]*(?:preis|zone|bereich|kurs|punkte))?|einstiege|kauf[\s-]*(?:zone|bereich)|"
                  r"(?:points?|zones?|prix)\s+d'\s?entr[ée]e|entr[ée]es?|(?:prezzo|zona|punto)\s+di\s+(?:ingresso|entrata|carico)|"
                  r"ingress[oi]|entrat[ae]|(?:strefa|cena|punkty?)\s+wej[śs]cia|kup(?:uj|ujemy)?\s+w\s+strefie|wej[śs]ci[ea]|(?:точк[аи]|зона|ціна)\s+входу|зона\s+(?:закупівлі|купівлі|набору)|входи|вхід|"
                  # (session 22, open52: "Voy a ir entrando escalonado:", "I'll be scaling in:", "Entrando em escada:",
                  # "Kademeli giriş:", "Заходим лесенкой:" ending a prose line over rows of prices "• 4.118 / • 4.205"): the
                  # ladder said in words heads the entry rows — only ending its line (the lines are read one by one)
                  r"(?:scal(?:e|ing)[ \t]+in(?:to)?|escalonad[oa]s?|escalonando|en[ \t]+escalera|em[ \t]+escada|scaglionat[oa]|"
                  r"gestaffelt|kademeli(?:[ \t]+giri[şs])?|лесенкой|по[ \t]+лесенке)(?=[ \t]*[:：][ \t]*$)|"
                  # ja "指値：2.35" (the limit price), zh "限价: 2.35", ko "지정가: 2,350": the limit order's price heading
                  # its line
                  r"(?:^|(?<=\|))[ \t]*(?:指値|限价|지정가)(?:[ \t]*(?:エントリー|注文|入场|进场|진입|매수))?(?=[ \t]*[:：=]?[ \t]*\$?\d)|"
                  # (session 26, asia26) ja "成行 1.92付近", zh "市价：1.92", ko "시장가 1,920" (at the market, about this
                  # price): the market order heading its line before its reference price — the entry's label (the market
                  # order is read from the same word)
                  r"(?:^|(?<=\|))[ \t]*(?:成行|市价|시장가)(?:[ \t]*(?:エントリー|注文|买い|买入|入场|进场|진입|매수))?"
                  r"(?=[ \t]*[:：=]?[ \t]*[(（]?[ \t]*[~≈$@]?[ \t]*\d)|"
                  # (session 22, open52: "挂单：3385、3420、3455 分批进场"): the pending orders, heading their line before
                  # the prices — the limit entries
                  r"(?:^|(?<=\n)|(?<=\|))[ \t]*挂单(?:价格|价位|点位|价)?(?=[ \t]*[:：=]?[ \t]*\$?\d)|"
                  r"エントリー?(?:価格|ゾーン)?|(?:^|(?<=\|))[ \t]*open(?=\s*[:=])|(?:^|(?<=\|))[ \t]*(?:now|сейчас|зараз|[şs]imdi|ahora|agora|jetzt|maintenant|adesso|ora|teraz|sekarang|b[âa]y\s+gi[ờo]|"
                  r"الآن|اکنون|现在|现价|지금|현재가|ตอนนี้)(?=[ \t]*[:=~>@]|[ \t]+[~$@]?\d)|"
                  # ("BNB 现价615附近做多"): the CJK words for "price now" are no ordinary word, trusted anywhere
                  r"(?:现价|현재가)(?=[ \t]*[:=~>@]?[ \t]*[~$@]?\d)|"
                  # th "ไม้ 1: 5.20" (the first lot, a rung of the entries), only heading its line with its number and a colon
                  r"(?:^|(?<=\|))[ \t]*ไม้(?=[ \t]*[1-9][ \t]*[:：=])|"
                  # th "โซนเข้า: 1.72 - 1.78", "โซนซื้อ" (the entry zone, the buy zone)
                  # ("เข้าได้เลยที่ราคาตลาด ~0.16": enter right away [at the market's price], heading the entry's line)
                  r"โซน(?:เข้า(?:ซื้อ)?|ซื้อ)|(?:^|(?<=\|)|(?<=[ \t]))เข้าได้เลย(?:ที่)?|จุดเข้าซื้อ|จุดเข้า|ราคาเข้า|เข้าซื้อ|เข้าที่|(?:^|(?<=\|)|(?<=[ \t]))เข้า(?=[ \t]*[:=][ \t]*\$?\d)(?![ \t]*[:=][ \t]*\$?\d[\d.,]*[ \t]*(?:ไม้|usdt|usd|\$|คน|ครั้ง|บาท|ออเดอร์|order))|(?:^|(?<=\|))[ \t]*เข้า(?=[ \t]*\$?\d)(?![ \t]*\$?\d[\d.,]*[ \t]*(?:ไม้|usdt|usd|\$|คน|ครั้ง|บาท|ออเดอร์|order))|pasok|kiingilio|כניסה|είσοδος|εισοδος|"
                  # id/ms "Masuk sekarang pada harga pasaran ~8.940", "Masuk: 8.94" (enter, heading its line before the
                  # market's price or a price)
                  r"(?:^|(?<=\|))[ \t]*masuk(?=[ \t]*[:=][ \t]*\$?\d|[ \t]+(?:sekarang[ \t]+)?(?:pada|pd|di|dengan)[ \t]+harga[ \t]+(?:pasar(?:an)?|semasa))|"
                  r"pre[țţt]\s+de\s+intrare|intr[ăa]ri|intrare|vstupn[íi]\s+cena|vstupy|vstup|bel[ée]p[őo]k|bel[ée]p[őo]|instapprijs|instapzone|(?:aan)?koop[\s-]?zone|(?:aan)?koopprijs|instappen|instap|"
                  # sw "Ingia: 26.10" (enter, heading its line before the price); el "Ζώνη αγοράς" (the buy zone), "Τιμή
                  # εισόδου" (the entry price)
                  r"(?:^|(?<=\|))[ \t]*ingia(?=[ \t]*[:=]?[ \t]*\$?\d)|ζ[ώω]νη\s+(?:αγορ[άα]ς|εισ[όο]δου)|τιμ[ήη]\s+εισ[όο]δου|"
                  r"kuingia|এন্ট্রি|প্রবেশ|एंट्री|प्रवेश|кіру|кириш|kirish|bel[ée]p[őo]|ing[åa]ng|sis[äa][äa]ntulo|"
                  # et "Sisenemine", lv "Ieeja", lt "Įėjimas", te "ఎంట్రీ" / "కొనుగోలు జోన్" (buy zone), pa "ਐਂਟਰੀ"
                  r"sisenemine|sisene|ieeja|[įi][ėe]jimas|ఎంట్రీ|కొనుగోలు\s+జోన్|ਐਂਟਰੀ")),
    (Field.LEVERAGE, (r"leverage|levrage|leverge|leverag|lvrg|lvg|lev|kald[ıi]ra[çc]|плечо|apalancamiento|杠杆(?:倍数)?|لیوریج|"
                     r"alavancagem|[đd][òo]n\s+b[ẩa]y|(?:ال)?رافعة|اهرم|لوریج|杠杆(?:倍数)?|레버리지|hebel|levier|leva|"
                     r"d[źz]wignia|плече|レバレッジ|เลเวอเรจ|leveraj|מינוף|μόχλευση|μοχλευση|p[áa]ka|hefboom|লিভারেজ")),
    # ("New trade: DOGE", "Signal: ARB"): a post's heading word, then a ticker in capitals
    # ("Trade: #INJ", "New signal: SOL" heading a line; "Example of a winning trade: #INJ hit TP2" is a sentence about
    # another trade, not the call's label; a channel's kind of call before it is still the heading: "VIP signal: SOL",
    # "Spot trade: SOL", "Scalp trade: SOL", while "Great trade: #INJ +40%" praises a past one)
    (Field.SYMBOL, (r"(?<![a-z][ \t])(?:(?:vip|free|premium|scalp(?:ing)?|spot|futures|swing|intraday|day|margin|leverage|"
                    r"daily|today'?s|new)\s+)?(?:new\s+)?(?:trade|signal|call|setup)(?=[ \t]*:[ \t]*[#$]?(?-i:[A-Z][A-Z0-9]{1,14})(?![\w/])"
                    # (the coin ends the heading — a side, its leverage or market, a close word at most after it: "VIP
                    # signal: ETH closed, next: SOL" and "Free signal: BNB ✅ done / Next one: DOT" are boasts; "VIP signal:
                    # LTC (5x)", "VIP signal: SOL closed ✅" name their coin)
                    r"(?:[ \t]+(?:long|short|buy|sell)(?!\w))?(?:[ \t]*(?:\(\s*(?:\d{1,3}\s*x|x\s*\d{1,3}|spot|futures)\s*\)|"
                    r"[—–-]\s*\d{1,3}\s*x(?!\w)))?(?:[ \t]+(?:closed|cancel+ed|stopped(?:\s+out)?)(?!\w))?[^\w\n]*(?:\n|$))|"
                    r"(?:coin|pair)\s+name|pair|coin|symbol|ticker|asset|token|instrument|инструмент|moeda|رمزارز|монета|пара|parite|moneda|ativo|par|عملة|ارز|币种|m[üu]nze|paire|coppia|moneta|монета|铭柄|"
                    r"เหรียญ|คู่เทรด|syiling|sarafu|מטבע|νόμισμα|ζεύγος|moned[ăa]|pereche|p[áa]r|munt|কয়েন|"
                    # (session 27, lead: vi "Mã: ETH", "Mã coin: SOL" — the coin's code, only before its colon)
                    r"m[ãa]\s+coin|m[ãa](?=[ \t]*[:：])")),
    # ("Risk: below 176", "Risk level 176", "Риск: ниже 176", "Risiko unter 176"): where the risk starts is the stop
    # (a share, "Risk: 1%", stays a note below)
    (Field.STOP, (r"(?:risk|риск|risiko|riesgo|risco|risque|rischio|ryzyko)[ \t]+(?:level|zone|line|limit|уровень|zona|niveau|livello)"
                  # (a score, "Risk level: 2/10", "3 of 5", a share, "2%": no price)
                  # (a price: a decimal or three digits — "Risk level: 2", "Risk zone 6", "Risk Level: 27" are scores)
                  # (session 27, day27: or grouped by thousands — "Risk limit: 2,860.00")
                  r"(?=[ \t]*[:=]?[ \t]*\$?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+[.,]\d+|\d{3,})(?![\d.,]|[ \t]*(?:/|%|из(?!\w)|of(?!\w))))|"
                  r"(?:risk|риск|risiko|riesgo|risco|risque|rischio|ryzyko)(?:[ \t]+(?:level|zone|line|уровень|zona))?"
                  r"(?=[ \t]*:?[ \t]*(?:below|under|above|over|ниже|выше|unter|[üu]ber|por\s+(?:debajo|encima)\s+de|abaixo\s+de|acima\s+de|"
                  r"sous|au[\s-]dessus\s+de|sotto|sopra|poni[żz]ej|powy[żz]ej)[ \t]+\$?\d)")),
    (Field.IGNORE, (r"(?:bonus|extra|extended|optional|moon|moonbag|moon[\s-]+bag|runner|dream|ultimate|stretch|final\s+moon|"
                   # ("Swing holders can target 220", "Mid-term TP 220", "Long-term target 250"): for another horizon
                   r"mid[\s-]*term|long[\s-]*term|swing(?:\s+holders?\s+can)?|hodl(?:ers)?\s+can)\s+"
                   r"(?:targets?|tps?)(?:\s+(?:zone|area))?|re[\s-]*entry|average|"
                   # ("buy in stages (DCA):", "Compra (DCA)": a note on the buy label it follows, no label of its own)
                   r"dca(?![ \t]*\)[ \t]*:?[ \t]*(?:$|\n))(?![ \t]+bots?(?!\w))(?:\s+(?:zone|area|levels?|entry|entries|orders?))?|"
                   # ("Safety orders: 95,000 / 93,500", "Safety order 2: 93,500"): a DCA bot's averaging orders, as "DCA"
                   r"safety\s+orders?(?:\s*#?[1-9])?|"
                   # ("Вход: по рынку, усреднение 5.12", "Добор: 0.7150", "تعزيز: 0.7100"): an averaging order, as "DCA"
                   r"усреднени[ея]|(?:^|(?<=\|))[ \t]*(?:добор|добір|تعزيز|u[śs]rednieni[ea]|pr[ůu]m[ěe]rov[áa]n[íi]|priemerovanie)(?=[ \t]*[:：]?[ \t]*\$?\d)|"
                   r"risk(?:\s*/\s*reward)?|reward|r\s*/\s*r|rr|"
                   r"period|volume|market\s+cap|ranking|wallet(?:\s+size)?|"
                   # (session 27, cards27: "1️⃣ 89.600 ➝ 50% del capital", "27.85 — 40% of balance": the unit of the rung's
                   # share after it — no label of a size that would end the entry rows)
                   r"(?<!%\sof\s)(?<!%\sof\sthe\s)(?<!%\sof\syour\s)(?<!%\sdel\s)(?<!%\sde\s)(?<!%\sdo\s)(?<!%\sdu\s)"
                   r"(?<!%\sde\stu\s)(?<!%\sdo\sseu\s)(?:capital|amount|balance)|margin\s+size|"
                   r"position\s+size|change|duration|position(?=[ \t]*:[ \t]*\$[ \t]?\d)|"
                   # "Size 2.3 SOL", "Qty: 120", "Margin: 50 USDT": how much, never a price
                   # ("ENTRY LADDER (% of size)" over "15.42 → 40%" rows: the unit of the rows' shares, in the heading's
                   # note — the label stays the entries')
                   r"(?<!%\sof\s)(?<!%\sof\sthe\s)(?<!percent\sof\s)(?:order\s+|trade\s+|lot\s+)?size|qty|quantity|contracts|margin(?=[ \t]*[:=]?[ \t]*\$?\d)"
                   # (session 24: "Kraken margin 3x", "Margin: 10x" — the leverage mark after it is no amount)
                   r"(?![ \t]*[:=]?[ \t]*\d{1,3}[ \t]?[xX\u00d7](?!\w))|"
                   r"размер(?:\s+позиции)?|количество|miktar|tama[ñn]o|tamanho|cantidad|quantidade|gr[öo](?:ß|ss)e|menge|"
                   r"taille|quantit[ée]|quantit[àa]|wielko[śs][ćc]|ilo[śs][ćc]|kh[ốo]i\s+l[ượu][ợo]ng|jumlah|حجم|"
                   r"数量|仓位|수량|(?:profit|roi|pnl|gain|loss)(?=\s*%?\s*:)|"
                   r"allocation|риск|объ[её]м|депозит|risiko|risque|rischio|ryzyko|ризик")),
    # ("btc longg 67.2k", "eth shortt 3.45k": the side word typed with its last letter doubled)
    # (session 22, open52: "lonng", "looong", "shrt", "shoort": a letter of the side word doubled or the vowel left
    # out — "lo+n+g+" / "sho*r+t+" are no other English word; the bounds are the labels' shared word bounds)
    (Field.LONG, r"(?<![\u0e00-\u0e7f])(?:ลอง|ลองก์)(?![\u0e00-\u0e7f])|long|longs|longing|longg+|lo+n+g+|لانگ|लॉन्ग|लांग|лонг\w*|(?:(?<=附近)|(?<=左右)|(?<=市价)|(?<=现价)|(?<![^\s\d]))多(?![^\s])|buy[\s-]*long|largos|largo|alcista|لونج|لونغ|لانگ|做多(?:价位|点位|价格|价)?|多单|开多(?:价位|点位|价格|价)?|롱|ロング|לונג|লং"),
    (Field.SHORT, r"(?:ชอร์ต|ชอร์ท|ช็อต|ช็อร์ต)|short|shorts|shorting|shortt+|sho*r+t+|شارٹ|शॉर्ट|шорт\w*|(?:(?<=附近)|(?<=左右)|(?<=市价)|(?<=现价)|(?<![^\s\d]))空(?![^\s])|sell[\s-]*short|cortos|corto|bajista|شورت|做空(?:价位|点位|价格|价)?|空单|开空(?:价位|点位|价格|价)?|숏|ショート|שורט|শর্ট"),
    # Turkish "Al 3.45" / "Sat 1: 3.80" heading a line: the short imperatives, only at a line's start before a price
    # ("Acumular entre 6.90 e 7.25", "🟢 Accumulare tra 8.40 e 8.75"): accumulate, heading its line before the prices —
    # in running text ("whales accumulate BTC") it is commentary
    (Field.BUY, (r"(?:^|(?<=\|))[ \t]*(?:accumulate|acumular|acumule|accumulare|accumula|akumulasi|tích\s+lũy|"
                 r"накапливаем|накопичуємо|biriktir|akümüle\s+et|akumuluj)(?=[ \t]+(?:between|entre|tra|fra|zwischen|"
                 r"antara|từ|между|між|arası|arasi|between)?[ \t]*\$?\d"
                 # ("Acumular $POL entre 0.228 e 0.214", "Accumulate #ARB between 0.80 and 0.76"): the coin, then the zone
                 r"|[ \t]+(?:[#$][A-Za-z][A-Za-z0-9]{1,14}|(?-i:[A-Z][A-Z0-9]{1,14}))(?:/(?-i:[A-Z]{3,5}))?[ \t]+(?:between|entre|"
                 r"tra|fra|zwischen|antara|từ|между|між|arası|arasi)[ \t]+\$?\d)|"
                 # hi-Latn "kharid lo", "khareedo", "kharid lijiye"; "CMP pe le lo", "abhi le lo", "1.92 pe le lo", "yahan se
                 # le lo" (take it: at the market, now, at a price, from here — "profit le lo" takes profit, no side);
                 # hi/ur "खरीद लो", "ख़रीदो", "خرید لو", "لے لو" after "CMP"/"abhi"
                 # (not "mat kharido", "na le lo" (do not), nor asked: "le lein kya?")
                 r"(?=kh)(?<!\w)(?<!mat[ \t])(?<!mt[ \t])(?<!na[ \t])(?<!nahi[ \t])(?<!nahin[ \t])"
                 r"kh(?:a|aa)?r(?:i|ii|ee)d(?:o|ein|en|[ \t]*lo|[ \t]+lijiye|[ \t]+lein|[ \t]+len|[ \t]+karo)(?!\w)" + _NOT_ASKED_HI
                 # ("#ETH kharido mat abhi": the "not" after the verb)
                 + r"(?![ \t]+(?:mat|mt|nahi|nahin|nahi[n]?[ \t]+karna)(?!\w))|"
                 + _TAKE_IT_AFTER +
                 r"(?:le[ \t]*lo|le[ \t]+lijiye|le[ \t]+lein|le[ \t]+len|ले[ \t]*लो|ले[ \t]+लें|لے[ \t]+لو|لے[ \t]+لیں|"
                 r"utha(?:o|ao|[ \t]*lo|[ \t]+lijiye|[ \t]+lein|[ \t]+len)|उठा(?:ओ|[ \t]*लो|[ \t]+लें))(?!\w)" + _NOT_ASKED_HI + r"|"
                 r"(?=[\u0916\u0959خ])(?<!मत[ \t])(?<!ना[ \t])(?<!नहीं[ \t])(?<!مت[ \t])(?<!نہ[ \t])"
                 r"(?:(?:\u0916\u093c?|\u0959)रीद[ \t]*लो|(?:\u0916\u093c?|\u0959)रीदो|خرید[ \t]+لو|خرید[ \t]+لیں)" + _NOT_ASKED_HI + r"|"
                 # (Session 25: "aping pepe rn 0.0000121", "aping into $WIF at 2.18"): buying on impulse — the writer's
                 # buy, only with a coin-like word and right then a price or "now" ("stop aping memes", "no aping" say none)
                 r"(?<!stop[ \t])(?<!no[ \t])(?<!not[ \t])(?<!quit[ \t])aping(?:[ \t]+in(?:to)?)?(?=[ \t]+[#$]?[A-Za-z][A-Za-z0-9]{1,14}"
                 r"[ \t]+(?:(?:on[ \t]+)?(?:spot|futures|perps?)[ \t]+)?(?:rn|now|here|at|@|\$?\.?\d)"
                 # (session 27, day27: "aping a spot bag here @ 1.852 cmp", "aping a small position rn at 0.41": the bag or
                 # position bought, then where)
                 r"|[ \t]+(?:a[ \t]+)?(?:(?:small|little|tiny|fat|big)[ \t]+)?(?:(?:spot|futures|perps?)[ \t]+)?(?:bag|position)"
                 r"[ \t]+(?:rn|now|here|at|@))|"
                 r"低吸|k[öo]p(?:a|er)?(?=[ \t]+[#$]?\w)|خریدیں|خریدو|بخرید|بخرین|ख़रीदें|खरीदें|(?:^|(?<=\|))[ \t]*al(?=[ \t]+(?:[1-9][ \t]*[:)][ \t]*)?\$?\d|[ \t]*:)|buy|compra|comprar|al[ıi][şsm]|купить|покупка|покупаем|откупаем|откупаю|закупк\w*|закупаем|buying|mua|beli|(?:ال)?شراء|خرید|买入|매수|"
                # ("bidding $SUI at 3.41 and again at 3.28", "bid #ARB 0.81"): the writer's buy orders on a coin, at
                # their prices (not "whales are bidding BTC at 60k", "best bid BTC 60000": the order book's)
                r"(?<!are\s)(?<!is\s)(?<!whales\s)(?<!they\s)(?<!someone\s)(?<!best\s)(?<!top\s)(?<!highest\s)(?:bidding|bid)"
                r"(?=[ \t]+(?:on[ \t]+)?(?:[#$][A-Za-z][A-Za-z0-9]{1,14}|(?-i:[A-Z][A-Z0-9]{1,14}))(?:/usdt)?[ \t]+"
                r"(?:(?:at|@|from|around|near)[ \t]+)?\$?\d)|"
                r"achat|acheter|kaufen|kauf|acquist[oa]|acquista|kupno|kupuj|kupujemy|kupuję|купівля|купуємо|买い|ซื้อ|nunua|bumili|bili|"
                # (session 26, asia26) ja "SUI拾います", "押し目を拾う" (pick up: buy the dip), ko "줍줍" — a buy said now
                # (not "拾いました": picked up, a report)
                r"拾(?:います|う|っていきます|っていく|いに)|줍줍|"
                r"קנייה|קניה|αγορά|αγορα|cump[ăa]r[ăa]|cump[ăa]rare|n[áa]kup|koupit|"
                # (session 27, heldout27) nl "Kooporders: 17,20 – 16,60", "Spot aankoop", de "Kauforders:" (the buy orders,
                # one word)
                r"(?:aan)?kooporders?|aankoop|kauforders?|kopen|koop|কিনুন|ক্রয়")),
    (Field.SELL, (r"sell[\s-]*(?:zone|area|range|setup|price|targets?)|"
                 r"(?:^|(?<=\|))[ \t]*sat(?=[ \t]+(?:[1-9][ \t]*[:)][ \t]*)?\$?\d|[ \t]*:)|sell|venta|vender|venda|sat[ıi][şs]|продать|"
                 r"продажа|продаем|selling|b[áa]n|jual|بيع|فروش|卖出|매도|vente|vendre|verkaufen|verkauf|vendita|vendi|"
                 r"sprzeda[żz]|продаж|売り|ขาย|uza|ibenta|benta|מכירה|πώληση|πωληση|v[âa]nzare|vinde(?:[țţt]i|m)?|prodej|prodat|"
                 r"verkopen|verkoop|বিক্রি|বিক্রয়")),
]

_LABEL_INDEX = {Field.TARGETS: _TARGET_INDEX, Field.ENTRY: _TARGET_INDEX, Field.BUY: _LADDER_INDEX,
                Field.SELL: _LADDER_INDEX}
LABEL_RE = re.compile(
    # (group names are "<field>_<n>": one field may have several entries, ordered where they must win; the word
    # boundaries are shared by every group, so they are checked once per position, not once per group)
    _B + "(?:" + "|".join(f"(?P<{field.value}_{n}>(?:{pattern}){_LABEL_INDEX.get(field, '')}{_E})"
                          for n, (field, pattern) in enumerate(LABELS)) + ")",
    re.IGNORECASE,
)

# Words that may sit inside a field's span without ending it ("Entry now between 0.30 - 0.31").
FILLER_WORDS = frozenset(
    ["now", "cmp", "market", "price", "current", "currently", "between", "and", "or", "to", "from", "around", "near", "at", "zone", "area", "limit", "below", "above", "under", "over", "up", "till", "until", "upto", "max", "min", "maximum", "minimum", "only", "point", "points", "level", "levels", "order", "orders", "cross", "isolated", "regular", "swing", "scalp", "mid", "term", "spot", "futures", "future", "perp", "perpetual", "margin", "x", "the", "a", "an", "place", "bid", "here", "in", "on", "if", "of", "with", "strong", "signal", "null", "manually", "close", "closing", "then", "candle", "candles", "daily", "weekly", "h1", "h4", "d1", "1h", "4h", "1d", "4hr", "usdt", "usd", "usdc", "busd", "target", "targets", "tp", "entry", "entries", "zone", "ниже", "выше", "между", "или", "и", "до", "от", "по", "рынку", "рынок", "рыночный", "маржа", "кросс", "изолированная", "altı", "alti", "üstü", "ustu", "ve", "veya", "arası", "arasi", "piyasa", "entre", "y", "o", "hasta", "hanggang", "hadi", "zuwa", "abajo", "arriba", "mercado", "de", "a", "ou", "até", "ate", "abaixo", "acima",
     # ordinals written after a numbered label ("الهدف الأول:", "Target first:"), connectives
     "first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th", "الأول", "الاول", "الثاني",
     "الثالث", "الرابع", "الخامس", "اول", "دوم", "سوم", "چهارم", "پنجم", "первая", "вторая", "третья", "первый",
     "второй", "третий", "перша", "друга", "третя", "birinci", "ikinci", "üçüncü", "primero", "segundo", "tercero",
     "primeiro", "terceiro", "premier", "deuxième", "troisième", "erste", "zweite", "dritte", "primo", "secondo",
     "terzo", "bis", "zwischen", "entre", "між", "від", "تا", "إلى",
     "الى", "بين", "بین"]
)

# Ordinal words beside a target label are its row number, never a qualifier ("第二目标" is tokenised a character at
# a time, "두번째 목표", "Target kedua", "TP thứ hai"); kept apart from FILLER_WORDS, which also decide where a field
# or a ladder rung ends ("第一档：23.5 | 第二档：22.8")
ORDINAL_WORDS = frozenset(
    ["第", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "첫", "두", "세", "네", "번", "째", "primer", "tercer",
     "cuarto", "quinto", "quarto", "quatrième", "cinquième", "vierte", "fünfte", "czwarty", "piąty", "drugi",
     "trzeci", "pierwszy", "четвертая", "четвёртая", "dördüncü", "beşinci", "pertama", "kedua", "ketiga", "keempat",
     "thứ", "nhất", "hai", "ba", "tư", "bốn", "năm", "اولین", "دومین", "سومین", "الرابع",
     # he "יעד ראשון 96,500 יעד שני 95,200" (the ordinal after the label), hi "लक्ष्य पहला", ur "ٹارگٹ دوسرا", nl
     # "doel eerste"
     "ראשון", "ראשונה", "שני", "שנייה", "שניה", "שלישי", "שלישית", "רביעי", "רביעית", "חמישי", "पहला", "दूसरा",
     "तीसरा", "चौथा", "پہلا", "دوسرا", "تیسرا", "چوتھا", "eerste", "tweede", "derde", "vierde"]
)

# Words that say a target is the last one, where whatever is left is closed ("TP (close all) 3210", "Final target 4.80",
# "Последняя цель (закрыть всё)", "Alvo final (fechar tudo)", "Son hedef (hepsini kapat)"): the ladder's end, no
# qualifier of unknown meaning (a hope word — "moon", "dream", "bonus" — still is one)
LAST_TARGET_WORDS = frozenset(
    ["final", "last", "all", "everything", "full", "fully", "remaining", "exit", "финальная", "финальный", "последняя",
     "последний", "закрыть", "закрываем", "всё", "все", "остаток", "último", "ultimo", "última", "ultima", "todo", "todos",
     "cerrar", "tudo", "fechar", "finale", "dernier", "dernière", "derniere", "tout", "fermer", "letztes", "letzte",
     "alles", "schließen", "schliessen", "son", "hepsini", "tümünü", "tumunu", "kapat", "tutto", "chiudi", "ostatni",
     "ostatnia", "zamknij", "wszystko", "cuối", "terakhir", "semua", "tutup"]
)

MARKET_WORDS = re.compile(r"(?<!\w)(?:now|cmp|market|current\s+price|current|mkt|рынок|рыночный|по\s+рынку|"
                          # (Session 25: "rn 0.0000121": "right now", typed short, right before the price)
                          r"rn(?=[ \t]*[@:]?[ \t]*\$?\.?\d)|"
                          r"gi[áa]\s+hi[ệe]n\s+t[ạa]i|текущ\w*|precio\s+actual|pre[çc]o\s+atual|aktuell\w*|prix\s+actuel|"
                          r"prezzo\s+attuale|mevcut\s+fiyat|(?:ال)?سعر\s+(?:ال)?حالي|قیمت\s+فعلی|مارکت|"
                          # (session 24: "(Mercado Bitcoin)" is a Brazilian exchange's name, no market order)
                          r"piyasa(?:dan)?|mercado(?![ \t]+(?:bitcoin|pago|livre)(?!\w))|a\s+mercado|ahora|agora|instant|immediately|сейчас|зараз|[şs]imdi|[şs]u\s+an(?:ki)?|jetzt|"
                          r"maintenant|adesso|ora|teraz|sekarang|b[âa]y\s+gi[ờo]|ngay|الآن|اکنون|अभी|এখন|עכשיו|τώρα|acum|teď|по\s+ринку|"
                          # (km "ឥឡូវនេះ" now, "តម្លៃទីផ្សារ" the market's price; et "turuhind", lv "tirgus cena", "tagad", "tūlīt")
                          r"ឥឡូវនេះ|តម្លៃទីផ្សារ|turuhinnaga|turuhind|tirgus\s+cen[āa]|"
                          # (fa "ورود آنی", "ورود فوری", ar "دخول فوري": an entry made at once)
                          r"آنی|فوری|فوري|فوراً?|"
                          # ("Кіру нүктесі: нарықтық баға (қазір ~142,6)", "انٹری: مارکیٹ پرائس (ابھی 84.20)", "Intrare: preț
                          # curent ~0,1215", "Instap: marktprijs", "Wejście: cena rynkowa"): the market's price, or "now", in
                          # more languages
                          r"нарықтық\s+баға\w*|нарық\s+бағас\w*|нарықпен|қазір|bozor\s+narx\w*|hozir|ҳозир|"
                          r"مارکیٹ(?:\s+(?:پرائس|ریٹ))?|موجودہ\s+(?:قیمت|ریٹ|پرائس)|ابھی|"
                          r"pre[țţt](?:ul)?\s+(?:curent|actual|de\s+pia[țţt][ăa])|la\s+pia[țţt][ăa]|marktpreis|marktprijs|"
                          r"huidige\s+(?:prijs|koers)|cena\s+rynkowa|aktualna\s+cena|po\s+rynkowej(?:\s+cenie)?|po\s+rynku|aktualnie|obecnie|"
                          r"tr[žz]n[íi]\s+cena|aktu[áa]ln[íi]\s+cena|"
                          r"piaci\s+[áa]r(?:on)?|jelenlegi\s+[áa]r(?:on)?|harga\s+pasar(?:an)?|g[üu]ncel\s+fiyat\w*|piyasa\s+fiyat\w*|"
                          r"(?:ב|ל)?מחיר\s+(?:ה)?(?:שוק|נוכחי)|τρέχουσα\s+τιμή|prezzo\s+di\s+mercato|prix\s+du\s+march[ée]|"
                          r"pre(?:cio|[çc]o)\s+de\s+mercado|рыночн\w+\s+цен\w*|ринков\w+\s+цін\w*|поточн\w+\s+цін\w*|"
                          r"سعر\s+السوق|بسعر\s+السوق|قیمت\s+(?:بازار|فعلی)|মার্কেট(?:\s+প্রাইস)?|बाज़ार\s+भाव|मार्केट(?:\s+प्राइस)?|"
                          r"gi[áa]\s+th[ịi]\s+tr[ưu][ờo]ng)(?!\w)|现在|现价|市价|成行|지금|현\s*재\s*가|시장가|ตอนนี้|ราคาตลาด", re.IGNORECASE)
# An order at the market written right before its price ("short here @ 17.86", "Входимо по ринку ~ 27,35", "Закупаемся
# по текущим ≈ 0,8125", "เข้าได้เลยที่ราคาตลาด (ประมาณ 143.5)", "成行 28.45", "دخول فوري 582.4"): the price is where the
# market stands, the order is at the market
MARKET_ORDER_BEFORE_PRICE = re.compile(
    r"(?<!\w)(?:(?:long|short|buy|sell|longing|shorting|buying|selling)\s+here\s*(?:@|at(?!\w))|"
    # ("short ena here 0.612", "long #SOL here 142.5", "buy BTC here @ 64200"): the coin between the side and "here",
    # the price right after it (the imperative: the generalisation corpus reads "Longing $DOGE here 0.1588" as a limit)
    r"(?:long|short|buy|sell)\s+[#$]?[a-z][a-z0-9]{1,14}(?:/usdt)?\s+here(?=\s*(?:@\s*|at\s+)?\$?\d)|"
    # ("ok longing sol here, 176.4ish", "shorting here ~0.612", "buying eth here around 3,265"): "here" and a price said
    # to be about where the market is — the order is at the market, the price its reference
    r"(?:long|short|buy|sell|longing|shorting|buying|selling)\s+(?:[#$]?[a-z][a-z0-9]{1,14}(?:/usdt)?\s+)?here\s*[,:]?"
    r"(?=\s*(?:~|≈|around\s|about\s|approx\w*\s)\s*\$?\d|\s*\$?\d[\d.,]*\s*ish(?!\w))|"
    # ("Opening a buy on ETHUSDT perpetual here at 3342", "longing BTC perp here @ 64200"): the coin and its market
    # between the side and "here"
    r"(?:long|short|buy|sell|longing|shorting|buying|selling)\s+(?:(?:on|in)\s+)?[#$]?[a-z][a-z0-9]{1,14}(?:/?usdt)?"
    r"\s+(?:(?:perp(?:etual)?|futures|spot)\s+)?here\s*(?:@|at(?!\w))|"
    r"(?:at|@)\s+(?:the\s+)?market(?:\s+price)?(?!\w)|market\s+(?:entry|order|buy|sell)(?!\w)|"
    # (session 26, hard26: "BUY #BTC market 🟢 / ref ~61.9K", "SHORT $SOL mkt"): the side, the tagged coin and the market
    # word ending the clause — an order at the market (not "long $ETH market structure", "$SOL market cap")
    r"(?:long|short|buy|sell)\s+[#$][a-z][a-z0-9]{1,14}(?:/?usdt)?\s+(?:mkt|market)(?=[ \t]*(?:$|[^\w\s]))|"
    # (session 25, bots25: "opened SHORT XRPUSDT ×10 @ mark 2.6148", "filled at mark price 187.3"): at the exchange's
    # mark price — the market's
    r"(?:at|@)\s*(?:the\s+)?mark(?:\s+price)?(?=\s*[:=~≈]?\s*\$?\d)|"
    r"(?:enter|entry|buy|sell|long|short)\s+(?:right\s+)?(?:now|immediately)(?:\s+at)?(?!\w)|"
    r"по\s+(?:рынку|ринку|текущ\w*|поточн\w*|рыночной\s+цене|ринковій\s+ціні)(?!\w)|po\s+(?:rynkowej(?:\s+cenie)?|rynku)(?!\w)|"
    # pl "ARB short z rynku ~0,7850", "kupujemy z rynku 0,78" (from the market; session 27, heldout27)
    r"z\s+rynku(?!\w)|"
    r"piyasadan|a\s+mercado|(?:a|al)\s+mercato|a\s+precio\s+de\s+mercado|a\s+pre[çc]o\s+de\s+mercado|zum\s+marktpreis|au\s+march[ée]|"
    r"(?:ورود|خرید|فروش)\s+(?:آنی|فوری)|(?:دخول|شراء|بيع)\s+فور[يا]|من\s+السعر\s+الحالي|بسعر\s+السوق|به\s+قیمت\s+بازار|"
    # hi-Latn "CMP pe le lo, 1.92 ke aas paas", "market se kharid lo 1.92", "abhi buy karo @ 1.92" (take / buy at the market, now)
    r"(?:(?:cmp|market(?:\s+price)?|current\s+price)\s+(?:pe|par|se)|abhi)\s+(?:le\s*lo|le\s+(?:lijiye|lein|len)|"
    r"utha(?:o|ao|\s*lo|\s+lijiye|\s+lein)|"
    r"kh(?:a|aa)?r(?:i|ii|ee)d(?:o|ein|en|\s*lo|\s+lijiye|\s+lein)|(?:buy|entry|long|short|sell)\s+(?:karo|kar\s+lo|kar\s+do|karein|kijiye|lo|le\s+lo))|"
    # hi "अभी ले लो 7.40", "CMP पर खरीद लो", ur "ابھی لے لو"
    r"(?:अभी|cmp\s+पर)\s+(?:ले\s*लो|ले\s+लें|(?:\u0916\u093c?|\u0959)रीद\s*लो)|ابھی\s+(?:لے|خرید)\s+(?:لو|لیں))(?!\w)|"
    # he "כניסה במחיר שוק (~3,480)" (entry at the market's price)
    r"(?<!\w)(?:ב|ל)מחיר\s+(?:ה)?(?:שוק|נוכחי)(?!\w)|"
    # the market's price said before the entry or the order, in more languages ("Market price entry (~67,250)", "मार्केट
    # प्राइस पर एंट्री (लगभग 67,250)", "Masuk sekarang pada harga pasaran ~8.940", "SHORT $APT market price pe", "Pasok sa
    # market price ~8.9", "Vào lệnh giá thị trường 8.94", "Ingresso a prezzo di mercato", "Vstup za tržní cenu", "Belépés
    # piaci áron", "Intrare la prețul pieței", "Wejście po cenie rynkowej", "Instap tegen marktprijs")
    r"(?<!\w)(?:market\s+price\s+(?:entry|order|buy|sell)|(?:cmp|market(?:\s+price)?|current\s+price)\s+(?:pe|par)(?=[^\S\n]*(?:$|[(~@≈]|\$?\d))|"
    r"(?:pada|pd|di|dengan|ikut)\s+harga\s+(?:pasar(?:an)?|semasa)|sa\s+(?:market\s+price|presyo\s+ng\s+merkado|kasalukuyang\s+presyo)|"
    r"(?:v[àa]o|mua|b[áa]n)\s+(?:l[ệe]nh\s+)?(?:theo\s+|[ởo]\s+)?gi[áa]\s+th[ịi]\s+tr[ưu][ờo]ng|(?:a|al)\s+prezzo\s+di\s+mercato|"
    r"za\s+(?:tr[žz]n[íi]|trhov[úu]|aktu[áa]ln[íi])\s+cenu|piaci\s+[áa]ron|la\s+pre[țţt]ul\s+(?:pie[țţt]ei|curent)|"
    r"po\s+cenie\s+rynkowej|tegen\s+(?:de\s+)?marktprijs|zum\s+aktuellen\s+(?:preis|kurs)|au\s+prix\s+du\s+march[ée])(?!\w)|"
    r"(?:मार्केट|बाज़ार|बाजार)(?:\s+(?:प्राइस|भाव|रेट))?\s+(?:पर|से)\s+(?:एंट्री|खरीद\w*|बेच\w*|शॉर्ट|लॉन्ग|सेल|बाय)|"
    r"(?:एंट्री|खरीदें|बेचें)\s+(?:मार्केट|बाज़ार|बाजार)(?:\s+(?:प्राइस|भाव|रेट))?\s+पर|মার্কেট\s+প্রাইসে|"
    r"成行|市价|시장가|ราคาตลาด(?:ตอนนี้|เดี๋ยวนี้)?|เข้าได้เลย", re.IGNORECASE)
# ("WLD long 2.18 now, 10x", "buy #SOL 142.5 right now"): the side, the price, then "now" — the price is where the market
# is, the order at once (not "long 2.18 now or lower", "… now if it holds")
MARKET_PRICE_NOW = re.compile(r"(?<!\w)(?:long|short|buy|sell)\s+(?:[#$]?[a-z][a-z0-9]{1,14}\s+)?(?:at\s+|@\s*)?\$?"
                              r"(?P<price>\d+(?:[.,]\d+)?)\s*(?:right\s+)?now(?!\w)(?!\s*(?:or|if|once|when|then)(?!\w))",
                              re.IGNORECASE)
# An order at the market or at once ruled out ("do not buy at market", "ورود آنی نکنید", "بدون ورود آنی", "لا دخول فوري",
# "อย่าเพิ่งเข้าที่ราคาตลาด", "시장가 진입 금지", "не по рынку", "jangan masuk sekarang"): the price written beside it is a
# limit order (or, with none, no order at the market)
NEGATED_MARKET = re.compile(
    r"(?<!\w)(?:(?:do\s+not|don'?t|never)\s+(?:buy|sell|enter|long|short|fomo|ape)(?:\s+in)?\s+(?:at\s+|in\s+at\s+|on\s+)?"
    r"(?:the\s+)?(?:market|cmp|now|immediately|instantly)|no\s+(?:instant|immediate|market)\s+(?:entry|entries|order|buy|sell)|"
    # ("Limit order only, don't market buy", "never market-sell this one")
    r"(?:do\s+not|don'?t|never|no)\s+market[\s-]+(?:buy|sell|order|entry|long|short)(?:ing|s)?|"
    r"not\s+(?:at\s+|a\s+)?market|not\s+(?:now|immediately|instantly)|"
    r"не\s+(?:(?:входим|заходим|покупаем|входить|заходить|бер[её]м|входимо|заходимо|купуємо|входити|заходити)\s+)?"
    r"(?:по\s+(?:рынку|ринку|текущ\w*|поточн\w*)|сейчас|зараз|сразу|одразу)|"
    r"piyasadan\s+(?:girmeyin|girmiyoruz|alm[ıi]yoruz|almay[ıi]n|de[ğg]il)|[şs]imdi\s+(?:girmeyin|girmiyoruz|de[ğg]il)|"
    r"(?:no|não|nao)\s+(?:(?:entrar|entres|entramos|comprar|compramos|entre|entrem)\s+)?(?:a\s+mercado|ahora|agora|ya|j[áa])|"
    r"nicht\s+(?:jetzt|sofort|zum\s+marktpreis)|"
    # he "לא במחיר שוק", "לא להיכנס במחיר שוק", "בלי כניסה עכשיו" (not at the market's price, not now)
    r"(?:לא|אל|בלי|ללא)\s+(?:(?:להיכנס|נכנסים|ניכנס|תיכנסו|כניסה|לקנות|למכור)\s+)?(?:(?:ב|ל)?מחיר\s+(?:ה)?(?:שוק|נוכחי)|עכשיו|מיד)|"
    r"(?:không|đừng|chưa)\s+(?:(?:vào|mua|bán)\s+(?:lệnh\s+)?)?(?:ngay|giá\s+thị\s+trường|bây\s+giờ)|"
    r"(?:jangan|tidak|bukan)\s+(?:(?:masuk|entry|beli|jual)\s+)?(?:sekarang|market|langsung)|"
    r"(?:(?:ورود|خرید|فروش)\s+)?(?:آنی|فوری|مارکت)\s+(?:نکنید|نکن|نکنین|نزنید|نزنین|نه|ممنوع|نداریم|نمی\S*)|"
    r"(?:بدون|نه|ممنوع|بی)\s+(?:(?:ورود|خرید|فروش)\s+)?(?:آنی|فوری|مارکت)|(?:آنی|فوری|الان|مارکت)\s+وارد\s+(?:نشید|نشوید|نشین|نمی\S*)|"
    r"(?:لا|بدون|ليس|ممنوع|عدم|ولا)\s+(?:(?:ال)?(?:دخول|شراء|بيع)\s+)?(?:ال)?(?:فور[يا]|فوراً?)|"
    r"لا\s+(?:تدخلوا|تدخل|ندخل|تشتروا|نشتري)\s+(?:الآن|فوراً?|من\s+السعر\s+الحالي|بسعر\s+السوق|ماركت)|"
    r"(?:mat|nahi|nahin|मत|नहीं)\s+(?:abhi|अभी|cmp|market)|(?:abhi|अभी|cmp|market)\s+(?:(?:pe|par|पर)\s+)?(?:mat|nahi|nahin|मत|नहीं))(?!\w)|"
    r"(?:อย่า|ไม่|ยังไม่)(?:เพิ่ง)?\s*(?:เข้า|ซื้อ|ขาย)?\s*(?:ที่)?\s*(?:ราคาตลาด|ตอนนี้|ทันที)|อย่าเพิ่งเข้า|ไม่ใช่ราคาตลาด|"
    r"(?:시장가|지금|바로)\s*(?:으로)?\s*(?:진입|매수|매도|롱|숏|들어가)?\S{0,2}\s*(?:말고|금지|[xX](?![\d.])|안\s*됨|하지\s*마|아님|마세요|ㄴㄴ)|"
    r"(?:不要|别|勿|不|未)\s*(?:现在|现价|立即|马上|立刻|市价)|市价\s*(?:禁止|不进|不追|别)|"
    r"成行\s*(?:では|じゃ)?\s*(?:なく|ない)|成行\s*[はを]?\s*(?:避け|禁止|ダメ|NG)|今すぐ\s*(?:は)?\s*(?:入らない|エントリーしない|买わない)",
    re.IGNORECASE)
LIMIT_WORDS = re.compile(r"(?<!\w)(?:below|above|under|over|or\s+lower|or\s+higher|limit|dip|pullback|retest|ниже|выше|лимит|"
                         r"alt[ıi]|[üu]st[üu]|abajo|arriba|abaixo|acima|"
                         # a market order ruled out ("not at market", "成行ではなく指値", "成行禁止", "别市价", "시장가 말고")
                         r"not\s+(?:at\s+|a\s+)?market|no\s+market|avoid\s+(?:a\s+|the\s+)?market|"
                         r"don'?t\s+(?:buy|sell|enter|long|short|fomo)\s+(?:at\s+|in\s+at\s+)?(?:the\s+)?market)(?!\w)|"
                         r"指値|限价|挂单|지정가|成行\s*(?:では|じゃ)?\s*(?:なく|ない)|成行\s*[はを]?\s*(?:避け|禁止|ダメ|NG)|"
                         r"(?:不要|别|勿|不)\s*(?:追|市价)|市价\s*禁止|시장가\s*(?:말고|금지|x)|" + NEGATED_MARKET.pattern, re.IGNORECASE)
RANGE_WORDS = re.compile(r"(?<!\w)(?:between|to|till|until|upto|между|до|arası|arasi|entre|hasta|até|ate|a|bis|à|do|"
                         r"між|đến|den|hingga|sampai|se|tak|hanggang|hadi|zuwa|تا|إلى|الى|الی|سے|से|থেকে|देखि|至|到|から|〜|"
                         # (he "585 עד 592", nl "0,50 tot 0,55", ro "0,12 până la 0,13", el "έως", cs "až": "to")
                         r"עד|tot|până|pana|έως|εως|μέχρι|až)(?!\w)",
                         re.IGNORECASE)

FUTURES_RE = re.compile(
    r"(?<!\w)(?:futures?|perp|perpetual|perpetuals|usd[-\s]?m|coin[-\s]?m|cross|isolated|leverage|levrage|leverge|lvrg|lev|"
    r"lvg|margin|margine|фьючерс\w*|маржа|плечо|кросс|изолир\w*|(?<!uzun\s)(?<!k[ıi]sa\s)vadeli|kald[ıi]ra[çc]|futuros?|apalancamiento|"
    r"alavancagem|[đd][òo]n\s+b[ẩa]y|رافعة|اهرم)(?!\w)|杠杆|合约|永续|레버리지|선물|ฟิวเจอร์ส?|"
    # ("BTCUSD_PERP": Binance's contract name, the perpetual glued to the pair)
    r"(?<=[A-Za-z0-9]_)perp(?:etual)?(?!\w)", re.IGNORECASE)
# ("Spot price right now: 912" says where the market is, not which market to trade)
# ("not spot", "not for spot", "no be spot", "bukan spot", "không phải spot", th "ไม่ใช่สปอต", bn "স্পট নয়" / "স্পট না":
# the market the post rules out; Thai writes the negation glued to the word, Bengali after it)
SPOT_RE = re.compile(r"(?<!\w)(?<!not\s)(?<!not\sfor\s)(?<!no\sbe\s)(?<!bukan\s)(?<!nicht\s)(?<!n[ãa]o\s)(?<!ph[ảa]i\s)"
                     # (it "niente spot", "non spot", "non su spot": spot ruled out)
                     r"(?<!niente\s)(?<!non\s)(?<!non\ssu\s)"
                     r"(?<!ไม่)(?<!ไม่\s)(?<!ไม่ใช่)(?<!ไม่ใช่\s)(?<!ไม่เอา)(?<!ไม่เอา\s)"
                     # (ru/uk "не на споті", "не спот", "спотом не шортим": spot ruled out)
                     r"(?<!не\s)(?<!не\sна\s)(?<!ні\s)(?<!ні\sна\s)(?<!не\sдля\s)(?<!не\sв\s)(?<!nie\s)(?<!nie\sna\s)"
                     # ("rejected at the exact same spot", "sweet spot", "that spot"): a place on the chart, no market
                     r"(?<!same\s)(?<!exact\s)(?<!sweet\s)(?<!this\s)(?<!that\s)(?<!hot\s)(?<!blind\s)(?<!weak\s)"
                     # (pl "na spocie", "spotowo": on spot)
                     r"(?:spot(?!\s+(?:price|rate|on)(?!\w))|spocie|spotowo|спот(?:е|а|і|у|ом|ов(?:ый|ая|ом|ий|а|ої|ому|ые|і))?|spotta|contado|اسپات|سبوت|سپات|اسپاٹ|سپاٹ|स्पॉट|স্পট|สปอต)(?!\w)"
                     r"(?![ \t]+(?:не|ні)[ \t]+(?:шорт|лонг|торг|бер|ход|вход|заход|откр|відкр|купу|прода|работ|працю)\w*)"
                     r"(?!\s*(?:नहीं|نہیں|نیست|ليس|ন(?:য\u09bc|\u09df)|না(?![\u0980-\u09ff])))|现货|현물|"
                     r"现物",  # (Japanese 現物, simplified before matching: "#SOL現物 買い 150")
                     re.IGNORECASE)
CROSS_RE = re.compile(r"(?<!\w)(?:cross|кросс\w*|çapraz|capraz|cruzad[oa])(?!\w)", re.IGNORECASE)
ISOLATED_RE = re.compile(r"(?<!\w)(?:isolated|изолир\w*|izole|aislad[oa]|isolad[oa])(?!\w)", re.IGNORECASE)

# Words that look like tickers but are not coins (labels, channel words, common caps words).
NOT_COINS = frozenset(
    # ("NOTE (Important) long entries only", "WARNING: longs only", "REMINDER: short 140"): a note's heading word, never
    # the coin — read as one beside a side word it traded a coin nobody named
    ["NOTE", "NOTES", "WARNING", "WARNINGS", "REMINDER", "DISCLAIMER", "ATTENTION", "NOTICE", "CAUTION", "INFO", "NB", "PS",
     "TIP", "TIPS",
    # ("⚠️ ADMIN: the PEPE order never triggered — cancel it", "MOD: close the SUI trade"): the role of who posts,
    # heading a relay group's note, never the coin — read as one it cancelled a pair nobody holds
     "ADMIN", "ADMINS", "ADMINISTRATOR", "MOD", "MODS", "MODERATOR", "MODERATORS", "OWNER",
    # ("⏳ RENEWAL REMINDER", "🔥 PROMO: VIP 50% OFF", "LIFETIME ACCESS"): a shouted heading of a subscription promo
     "RENEWAL", "RENEWALS", "RENEW", "SUBSCRIPTION", "SUBSCRIPTIONS", "MEMBERSHIP", "PROMO", "PROMOTION", "DISCOUNT",
     "OFFER", "PRICING", "LIFETIME",
    # ("Lifetime — DM 😉", "DM @admin for access"): a direct message asked for, never a coin
     "DM",
    # ("follow-ups tagged VBX› #ref", "NEW ref#3104"): a post's reference number's label, never a coin
     "REF",
    # ("I'M SHORTING FROM 190.50 WITH A STOP AT 196.80": a post shouted in capitals — prepositions beside the side word
    # are no coins (read as one, FROM/USDT traded)
     "FROM", "WITH",
    # ("⚡ 1000PEPE QUICK SHORT": a scalp called quick, in capitals — read as a coin it traded QUICK/USDT; the coin is read
    # tagged or as a pair: "#QUICK", "QUICK/USDT")
     "QUICK",
    # ("E1 filled @ 3412", "E2 cancelled"): a bot card's numbered entry rung, never a coin; so are its numbered fills and
    # DCA orders ("F1 filled ✔️ 3388", "cancel F3 (3.290)", "DCA2 cancelled") and its later targets ("TP6 hit")
     "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
     "DCA1", "DCA2", "DCA3", "DCA4", "DCA5", "DCA6", "DCA7", "DCA8", "DCA9", "TP6", "TP7", "TP8", "TP9", "TP10",
    # ("NUEVA SEÑAL – BTC", "NOVO SINAL - ETH", "YENİ SİNYAL"): "new" in other languages, over the coin
     "NUEVA", "NUEVO", "NOVO", "NOUVEAU", "NOUVELLE", "NEUES", "NEUE", "NUOVO", "NUOVA", "NOWY", "YENI", "YENİ", "BARU",
     # ("SEMNAL | LONG pe AVAX", "SEMNAL NOU", "NIEUW SIGNAAL", "SYGNAŁ"): "signal" and "new" in more languages (it
     # "SEGNALE" stays a heading word a tag we do not know is held against: test_session7_opens)
     "SEMNAL", "SEMNALE", "NOU", "NOUĂ", "SIGNAAL", "SIGNALEN", "NIEUW", "NIEUWE", "SYGNAŁ", "SYGNAL",
     # (session 26, threads26: "close 50% of YOUR position", "move OUR stop to entry": a possessive shouted, never the coin
     # of the change — it is the replied-to trade's)
     "YOUR", "YOURS", "OUR", "OURS", "THEIR", "HIS", "HER", "ITS",
     # (session 27, heldout27 and lead: a webhook's field names shouted — "ACTION: SELL SHORT", "STRATEGY: …" — never the coin)
     "ACTION", "STRATEGY", "DIRECTION",
     # (session 27, lead: "▪ Coin: LTC (Perp) / ▪ Seite: SHORT" relayed in capitals had traded SEITE) the side's and
     # leverage's field names in more languages
     "SEITE", "RICHTUNG", "HEBEL", "EINSTIEGE", "LADO", "DIRECCION", "DIRECCIÓN", "DIRECAO", "DIREÇÃO", "RICHTING", "HEFBOOM",
     "LONG", "SHORT", "LONGS", "SHORTS", "BUY", "SELL", "ENTRY", "ENTRIES", "TP", "TPS", "SL", "STOP", "STOPLOSS", "TARGET", "TARGETS", "LEVERAGE", "LEV", "LVG", "CROSS", "ISOLATED", "SPOT", "FUTURE", "FUTURES", "PERP", "BINANCE", "BYBIT", "BINGX", "MEXC", "OKX", "KUCOIN", "PHEMEX", "KRAKEN", "GATE", "BITGET", "HUOBI", "USDT", "USD", "USDC", "BUSD", "FDUSD", "TUSD", "NOW", "ALL", "VIP", "SIGNAL", "SIGNALS", "ALT", "ALTCOIN", "ALTCOINS", "ALTS", "ALTSEASON", "IA", "MEMECOIN", "MEMECOINS", "CRYPTOCURRENCY", "INVESTING", "TECHNICALANALYSIS", "CMP", "DCA", "OR", "AND", "TO", "THE", "NEW", "FREE", "HOLD", "BELOW", "ABOVE", "ZONE", "LIMIT", "MARKET", "PRICE", "SWING", "CALL", "CALLS", "SCALP", "OPEN", "CLOSE", "CLOSED", "CANCEL", "EXIT", "UPDATE", "RESULT", "RESULTS", "NEWS", "ALERT", "TRADE", "TRADES", "TRADING", "PUMP", "DUMP", "PROFIT", "LOSS", "RISK", "REWARD", "TA", "CHART", "ANALYSIS", "SETUP", "BREAKOUT", "PREMIUM", "CRYPTO", "COIN", "COINS", "PAIR", "TICKER", "SYMBOL", "TYPE", "REGULAR", "MID", "HIGH", "LOW", "STRONG", "WEAK", "SENTIMENT", "OB", "OS", "DAY", "WEEK", "MONTH", "H1", "H4", "D1", "W1", "UTC", "GMT", "IN", "ON", "AT", "FOR", "WITH", "OF", "BY", "IS", "IT", "A", "AN", "I", "ME", "MY", "WE", "US", "YOU", "THIS", "THAT", "HERE", "THERE", "ONLY", "USE", "FUND", "FUNDS", "NOT", "NO", "YES", "GOOD", "BAD", "BIG", "SMALL", "TIME", "LAST", "NEXT", "HIT", "DONE", "TAKE", "MOVE", "MOVED", "SET", "STATUS", "REPORT", "DAILY", "WEEKLY", "MONTHLY", "BULLISH", "BEARISH", "LONGED", "SHORTED", "ENTERED", "OK", "OKAY", "ADD", "TP1", "TP2", "TP3", "TP4", "TP5", "SL1", "X", "NULL", "NA", "N", "PLEASE", "ASAP", "EARLY", "IMPORTANT", "ORDER", "ORDERS", "HODL", "ATH", "ROI", "PNL", "APY", "APR", "ETF", "CEO", "SEC", "FOMC", "CPI", "GDP", "FED", "NFP", "USA", "EU", "UK", "AI", "ECB", "BE", "NAME",
     # chart-reading words ("RSI shows bearish divergence", "FVG", "BOS on the 4H"), never the coin of the call
     "RSI", "MACD", "EMA", "SMA", "VWAP", "FVG", "BOS", "CHOCH", "HTF", "LTF", "ATL", "ATR", "OBV", "DXY", "SPX",
     "NFA", "DYOR", "IMO", "FOMO", "HH", "HL", "LH", "LL", "SR", "TF", "MA", "PA", "DE", "LA", "EL", "EN", "DA", "DO", "DI", "PARA", "POR", "CON", "SE", "LO", "LOS", "LAS", "QUE", "UNA", "ES", "AL", "DEL", "SU", "TODO", "TODOS", "SINAL", "SEÑAL", "SINAIS", "SEÑALES", "SENALES", "SINYAL", "SINYALLER", "KRIPTO", "CRIPTO", "KRYPTO", "SIGNALE", "SIGNAUX", "SEGNALI", "SYGNALY", "SYGNAŁY", "CRIPTOMOEDAS", "CRIPTOMONEDAS", "VADELI", "FUTUROS", "EXCHANGE", "CLIENT", "ЛОНГ", "ШОРТ", "ВХОД", "СТОП", "ТЕЙК", "ТЕЙКИ", "ПЛЕЧО", "СИГНАЛ",
     # close words and "all" words in capitals ("🚨 CERRAR TODO YA", "KAPATTIK HEPSİNİ"): a command, never the coin
     "CERRAR", "CERRAMOS", "CERRADO", "CERRADA", "KAPAT", "KAPATTIK", "KAPANDI", "FECHAR", "FECHADO", "FECHAMOS",
     "CHIUDERE", "CHIUSO", "CHIUDIAMO", "SCHLIESSEN", "GESCHLOSSEN", "ZAMKNIJ", "FERMER", "FERME", "CLOTURE", "SALIR",
     "CORRECT", "CORRECTED", "CORRECTION", "WRONG", "TYPO", "FIXED", "MISTAKE",
     "FUERA", "TODAS", "TUDO", "YA", "AHORA", "AGORA", "JETZT", "ALLES", "TUTTO", "HEPSI", "IPTAL", "CANCELAR", "CANCELADO",
     # ("Închideți acest trade la piață ACUM", "Isara na NGAYON", "ABHI band karo", "Sluit SOFORT"): "now" in capitals in
     # more languages — the close's urgency, never its coin
     "ACUM", "IMEDIAT", "NGAYON", "ABHI", "TURANT", "SOFORT", "MAINTENANT", "TERAZ", "SEKARANG", "HEMEN",
     # hi-en "close kar do", "cancel karo", "exit karein" (do it): the verb's helper, never the coin
     "KAR", "KARO", "KARDO", "KAREIN", "KAREN", "KIJIYE", "KARNA", "KARENGE", "KARTE", "KIYA",
     # English exit commands in capitals ("⚠️ FLATTEN ALL ⚠️", "🔴 KILL ALL POSITIONS 🔴", "GET OUT NOW", "CUT EVERYTHING"):
     # the command heading the post, never the coin it closes
     "FLATTEN", "FLATTENING", "KILL", "KILLING", "CUT", "CUTTING", "EXITING", "CLOSING", "SOLD", "SELLING", "BAIL", "GET",
     "OUT", "EVERYTHING", "POSITION", "POSITIONS", "LIQUIDATE",
     # a status word in capitals after the call it reports on ("📌 INJ/USDT short — CANCELLED", "#SOL LONG — FILLED"):
     # what became of the call, never a second coin beside it
     "CANCELLED", "CANCELED", "FILLED", "STOPPED", "INVALIDATED", "EXPIRED", "TRIGGERED", "PENDING", "WITHDRAWN", "VOIDED",
     "BOOKED", "SECURED",
     # (session 25, money25) a bot report's counts ("14 TP HITS | 3 SL HITS", "5 STOPS"): events counted, never a coin
     "HITS", "STOPS",
     # Session 23 (status23): the same status words shouted in more languages, heading the post or beside the call ("🚫
     # CANCELADA la señal de NEAR", "İPTAL EDİLDİ: FET", "ABGESAGT – SOL", "ANNULLATO il segnale su ARB", "BATAL sinyal
     # DOGE"): what became of the call, never its coin (read as one, CANCELADA/USDT was closed and NEAR kept running).
     # Written without their accents too ("ANNULE", "ZRUSENO"): a word with one is never read as a coin anyway.
     # cancelled / withdrawn
     "CANCELADA", "CANCELADAS", "CANCELADOS", "CANCELAMOS", "CANCELLATO", "CANCELLATA", "CANCELLATI", "CANCELLATE",
     "ANULADA", "ANULADO", "ANULADAS", "ANULADOS", "ANULAMOS", "ANULAR", "ANNULE", "ANNULEE", "ANNULES", "ANNULEES",
     "ANNULATION", "ANNULLATO", "ANNULLATA", "ANNULLATI", "ANNULLATE", "ANNULLIAMO", "ANNULLIERT", "ABGESAGT", "STORNIERT",
     "STORNO", "ABGEBROCHEN", "AUFGEHOBEN", "GECANCELT", "GEANNULEERD", "GECANCELD", "EDILDI", "EDILMISTIR", "BATAL",
     "DIBATALKAN", "BATALKAN", "ANULOWANY", "ANULOWANA", "ANULOWANE", "ANULOWANO", "ODWOLANY", "ODWOLANE", "ANULAT",
     "ANULATA", "ZRUSENO", "ZRUSENY", "ZRUSENA", "KANSELADO", "KANSELADA", "HUY", "VOID", "NULLIFIED", "INVALID",
     "INVALIDADA", "INVALIDADO", "INVALIDATA", "INVALIDATO", "INVALIDE", "UNGUELTIG", "UNGULTIG", "GECERSIZ", "ABORTED",
     "SCRAPPED", "SUSPENDIDA", "SUSPENDIDO",
     # expired
     "EXPIRADA", "EXPIRADO", "CADUCADA", "CADUCADO", "VENCIDA", "VENCIDO", "SCADUTO", "SCADUTA", "EXPIREE", "ABGELAUFEN",
     "VERVALLEN", "KEDALUWARSA",
     # closed
     "CERRADAS", "CERRADOS", "FECHADA", "FECHADAS", "ENCERRADA", "ENCERRADO", "CHIUSA", "CHIUSI", "FERMEE", "KAPATILDI",
     "DITUTUP", "TUTUP", "GESLOTEN", "ZAMKNIETY", "ZAMKNIETA", "INCHIS", "INCHISA",
     # filled / triggered / reached
     "EJECUTADA", "EJECUTADO", "EXECUTADA", "EXECUTADO", "ACTIVADA", "ACTIVADO", "ATIVADA", "ATIVADO", "ATTIVATO",
     "ATTIVATA", "AUSGEFUEHRT", "ERREICHT", "ALCANZADO", "ALCANZADA", "ATINGIDO", "ATINGIDA", "RAGGIUNTO", "RAGGIUNTA",
     "ATTEINT", "ATTEINTE", "CUMPLIDO", "LOGRADO", "TERCAPAI", "TAMAMLANDI", "GERCEKLESTI",
     # a channel's topic tags and report headings ("#stats", "#recap", "DAILY STATS", "#performance", "#resumen"): what
     # the post is, never the coin a count of closed trades ("Closed today: 6") would close
     "STATS", "STAT", "STATISTICS", "RECAP", "SUMMARY", "PERFORMANCE", "WINRATE", "LEADERBOARD", "HISTORY", "REVIEW",
     "ANNOUNCEMENT", "ANNOUNCEMENTS", "EDUCATION", "JOURNAL", "RESUMEN", "RESULTADOS", "ESTADISTICAS", "STATISTIK",
     "STATISTIQUES", "RESULTATS", "ISTATISTIK", "SONUCLAR"]
)

# Coins written by their name ("Chainlink long from $13.25", "Coin: Avalanche (AVAX)"): only names that are no common
# word ("near", "maker", "render" are left out); a name alone is a weaker sign than a ticker.
COIN_NAMES = {
    "bitcoin": "BTC", "ethereum": "ETH", "solana": "SOL", "ripple": "XRP", "cardano": "ADA", "dogecoin": "DOGE",
    "polkadot": "DOT", "chainlink": "LINK", "avalanche": "AVAX", "litecoin": "LTC", "tron": "TRX", "stellar": "XLM",
    "cosmos": "ATOM", "uniswap": "UNI", "arbitrum": "ARB", "optimism": "OP", "aptos": "APT", "toncoin": "TON",
    "injective": "INJ", "filecoin": "FIL", "hedera": "HBAR", "monero": "XMR", "algorand": "ALGO", "celestia": "TIA",
    "kaspa": "KAS", "fantom": "FTM", "decentraland": "MANA", "thorchain": "RUNE", "worldcoin": "WLD", "ethena": "ENA",
    "pendle": "PENDLE", "dogwifhat": "WIF", "shiba": "SHIB", "tezos": "XTZ", "eos": "EOS", "multiversx": "EGLD",
    "биткоин": "BTC", "биткойн": "BTC", "биткоїн": "BTC", "биток": "BTC", "эфириум": "ETH", "эфир": "ETH",
    # (their cases: "по битку", "битка держим", "по эфиру", "эфира нет")
    "битка": "BTC", "битку": "BTC", "битком": "BTC", "биткоина": "BTC", "биткоину": "BTC", "эфира": "ETH", "эфиру": "ETH",
    "эфиром": "ETH", "эфириума": "ETH", "эфириуму": "ETH", "соланы": "SOL", "солану": "SOL",
    "ефіріум": "ETH", "солана": "SOL", "рипл": "XRP",
    "بيتكوين": "BTC", "البيتكوين": "BTC", "بتكوين": "BTC", "إيثيريوم": "ETH", "ايثيريوم": "ETH", "إيثريوم": "ETH",
    "الإيثيريوم": "ETH", "سولانا": "SOL", "ريبل": "XRP", "بیتکوین": "BTC", "اتریوم": "ETH", "ریپل": "XRP",
    # (session 27, money27: fa writes a zero-width non-joiner inside the name — "بیت‌کوین")
    "بیت\u200cکوین": "BTC", "بيت\u200cكوين": "BTC",
}

# Coin names in scripts written without spaces between words (Chinese, Japanese, Thai) or read letter by letter by the
# tokeniser (Korean): matched over a run of letters, the longest name first ("比特币现金" is BCH, not BTC). Korean
# separates words with spaces, so there a name must start its word (a particle may follow: "비트코인을").
COIN_NAMES_UNSPACED = {
    "比特币现金": "BCH", "比特币": "BTC", "大饼": "BTC",
    "以太坊": "ETH", "以太币": "ETH", "以太": "ETH", "姨太": "ETH", "二饼": "ETH", "索拉纳": "SOL", "瑞波币": "XRP",
    "狗狗币": "DOGE", "莱特币": "LTC", "波场": "TRX", "艾达币": "ADA", "波卡": "DOT",
    "ビットコインキャッシュ": "BCH", "ビットコイン": "BTC", "イーサリアム": "ETH", "イーサ": "ETH", "ソラナ": "SOL",
    "リップル": "XRP", "ドージコイン": "DOGE", "ライトコイン": "LTC", "カルダノ": "ADA", "ポルカドット": "DOT",
    "チェーンリンク": "LINK",
    "비트코인캐시": "BCH", "비트코인": "BTC", "비트": "BTC", "이더리움": "ETH", "이더": "ETH", "솔라나": "SOL",
    "리플": "XRP", "도지코인": "DOGE", "도지": "DOGE", "에이다": "ADA", "라이트코인": "LTC", "체인링크": "LINK",
    "폴카닷": "DOT", "트론": "TRX", "아발란체": "AVAX",
    "บิตคอยน์": "BTC", "บิตคอยน": "BTC", "อีเธอเรียม": "ETH", "โซลานา": "SOL",
    # (session 27, money27: th also spells bitcoin with ท — "บิทคอยน์ ถึงเป้า ๑ แล้ว")
    "บิทคอยน์": "BTC", "บิทคอยน": "BTC",
}

TRADABLE_QUOTES = ("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "BTC", "ETH", "BNB", "EUR", "TRY")
# Quotes we accept when glued to the base ("ETHUSDT"); BNB/EUR/TRY glued suffixes are too often part of a name.
GLUED_QUOTES = ("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "BTC", "ETH", "TRY", "EUR")
# Alt/BTC and alt/ETH pairs only exist as spot markets on the exchanges we trade. (Session 24: a fiat quote — EUR, TRY —
# no longer says spot by itself: "BTC/EUR LONG" writes no market, "ETH/EUR … Kraken margin 3x" is margin; such pairs
# are held whatever their market, and the market read is the one the post writes.)
SPOT_ONLY_QUOTES = frozenset({"BTC", "ETH", "BNB"})

# Instruments no crypto exchange we trade lists: a follower's order for one would be a different market's (a forex
# broker's lots, a stock's shares) placed on a coin that may share its letters — cards for them are held, never traded.
# ISO codes of currencies and metals: two of them glued or split ("EURUSD", "GBP/JPY", "XAUUSD") are a forex pair
FOREX_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK", "SGD", "HKD",
                         "ZAR", "MXN", "TRY", "PLN", "HUF", "CZK", "CNH", "CNY", "RUB", "INR", "BRL", "KRW", "ILS"})
METAL_CODES = frozenset({"XAU", "XAG", "XPT", "XPD"})
# CFD names of indices and commodities ("US30", "NAS100", "GER40", "USOIL", "GOLD"); "SPX" alone is a coin (SPX6900)
CFD_NAMES = frozenset({"US30", "US100", "US500", "US2000", "NAS100", "NDX100", "USTEC", "SPX500", "SP500",
                       "GER40", "GER30", "DE40", "DE30", "DAX", "DAX40", "UK100", "FTSE", "FTSE100", "JP225", "JPN225",
                       "NIKKEI", "NIKKEI225", "HK50", "HSI", "AUS200", "FRA40", "EU50", "STOXX50", "ESP35", "DXY",
                       "USOIL", "UKOIL", "WTI", "BRENT", "XTIUSD", "XBRUSD", "CRUDE", "OIL", "NATGAS", "XNGUSD", "GOLD",
                       "SILVER", "COPPER"})
# Tickers of the most-signalled shares and funds (no coin of ours is written so); their tokenised forms ("TSLAX") too
STOCK_TICKERS = frozenset({"TSLA", "AAPL", "NVDA", "MSFT", "AMZN", "GOOGL", "GOOG", "NFLX", "AMD", "INTC", "BABA",
                           "PLTR", "MSTR", "AVGO", "ORCL", "SPY", "QQQ", "UBER", "PYPL"})
# A card that says it is for shares or forex ("STOCK PICK", "(NASDAQ)", "AKTIEN-SIGNAL", "FX SIGNAL", "MT4", "توصية
# فوركس", "股票", "cổ phiếu"): its ticker is no coin even when a coin has those letters
NOT_CRYPTO_MARKET = re.compile(
    r"(?<!\w)(?:nasdaq|nyse|amex|stock\s+(?:pick|signal|alert|call|idea|trade)s?|stocks?\s*:|us[\s-]stocks?|"
    r"per\s+share|aktien?(?:[\s-]?signal\w*)?|hisse(?:\s+senedi)?|saham|cổ\s+phiếu|"
    r"chứng\s+khoán|forex|fx\s+(?:signal|trade|call|alert|setup)s?|mt[45]|meta\s?trader\s?[45]?|форекс|"
    r"фондов\w*\s+рын\w*|فوركس|فارکس|الأسهم|أسهم|سهام|शेयर\s+बाजार)(?!\w)"
    r"|股票|美股|港股|外汇|米国株|日本株|为替|주식|외환|หุ้น|ฟอเร็กซ์",
    re.IGNORECASE)

# Indicator alerts ("RSI oversold", "Supertrend BUY on SOLUSDT") name a side and a price but no exit level.
INDICATOR_RE = re.compile(
    r"(?<!\w)(?:rsi|macd|super\s?trend|ema\s?\d*|sma\s?\d*|bollinger|stoch\w*|ichimoku|vwap|divergence|"
    r"over(?:sold|bought)|cross(?:ed|ing|over|under)|golden\s+cross|death\s+cross|перекупленн\w*|перепроданн\w*)(?!\w)",
    re.IGNORECASE)
# A lesson or a hypothetical ("if you buy at 100 ... your stop should be at 98") is not a call.
EXAMPLE_RE = re.compile(
    r"(?<!\w)(?:what\s+is\s+(?:a|an)|qu[ée]\s+es\s+(?:un|una|el|la)|o\s+que\s+[ée]|что\s+такое|nedir|was\s+ist\s+(?:ein|eine)|"
    r"qu'?est[\s-]ce\s+qu|cos'?[èe]\s+(?:un|una|il|lo|la)|apa\s+itu|if\s+you|for\s+example|e\.g\.|example|how\s+to|lesson|tutorial|let'?s\s+say|suppose|"
    r"например|пример\w*|шаблон\w*|örneğin|por\s+ejemplo|por\s+exemplo|zum\s+beispiel|par\s+exemple|contoh(?:nya)?|ví\s+dụ)(?!\w)|"
    # ko "초보자 가이드" (a beginners' guide), "예)" / "예시" (for example), ja "例えば", zh "例如" / "举例"
    r"초보자|가이드|예시|(?<!\w)예\)|例えば|例如|举例|比如说|"
    # Session 25 (casualstatus25): a trade only supposed, to teach ("สมมติเข้า Long ที่ 100 แล้วตั้ง SL ที่ 95", "supposons
    # qu'on achète à 100", "angenommen, du kaufst bei 100", "допустим, вход 100", "diyelim ki 100'den girdin", "giả sử vào
    # lệnh ở 100", "假设在100做多", "仮に100で買うと"): Thai has no spaces, so its words stand on their own
    r"สมมติ|สมมุติ|ตัวอย่างเช่น|(?<!\w)(?:supposons|imaginons|angenommen|nehmen\s+wir\s+an|supongamos|imaginemos|"
    r"suponha(?:mos)?|supondo|допустим|предположим|diyelim\s+ki|varsayal[ıi]m|misalkan|andaikan|umpamanya|gi[ảa]\s+s[ửu]|"
    r"मान\s+लीजिए|मान\s+लो|لنفترض|فرض\s+کنید)(?!\w)|假设|假如|仮に",
    re.IGNORECASE)

# A post that says it is not a call ("Example setup for beginners (NOT a signal): BTC long 66000 ..."), or tells
# readers not to take a side ("Don't buy DOGE here"), even when it names a coin and levels.
NOT_A_CALL_RE = re.compile(
    # ("Example of a signal format:", "VIP members got this yesterday 👇 … Join now!", "Would you long #SOL here?",
    # "#SOL LONG (expired, not triggered)")
    r"(?<!\w)(?:example\s+of\s+(?:a\s+|our\s+)?(?:signal|call|trade)s?|signal\s+format|"
    # ("Example of a good R:R 👇", "Template for new members:", "Sample card:"): a card shown to teach the layout
    r"example\s+of\s+(?:a\s+|an\s+)?(?:good|bad|great|clean|proper|perfect|typical|winning|losing)|"
    r"(?:card\s+|signal\s+)?template\s+(?:for|of)|(?:sample|example|dummy)\s+(?:card|signal|setup|format|post)s?\s*[:：]|"
    # ("Exemplo de trade vencedor", "Ejemplo de una operación ganadora", "Esempio di trade", "Exemple de trade gagnant",
    # "Beispiel-Trade", "Пример сделки": a past trade shown, not a call)
    r"(?:exemplo\s+de|ejemplo\s+de|esempio\s+di|exemple\s+d[e']|пример)\s*(?:(?:um|uma|una|un|une)\s+)?"
    r"(?:trade|sinal|se[ñn]al|opera[çc][ãa]o|operaci[óo]n|operazione|segnale|signal|сделки|сигнала)|beispiel[\s-]*(?:trade|signal)|format\s+of\s+(?:a\s+|our\s+)?signals?|"
    # ("VIP members got this signal 5 minutes earlier" relays a live call: only a past one is shown again)
    r"would\s+you\s+(?:long|short|buy|sell|enter)|"
    # ("Is #SOL a long here? Entry …": the writer asks; "Is #SOL a long here? Yes — entry …" answers it)
    r"(?:is\s+\S+\s+a\s+(?:good\s+|real\s+)?(?:long|short|buy|sell)(?:\s+(?:here|now|yet|today|setup|at\s+\S+))?|"
    # (the same question in other words: "#SOL long here?", "What do you think: #SOL long?", "#SOL é long aqui?",
    # "¿#SOL long aquí?", "#SOL лонг здесь?", "#SOL burada long mu?", "Ist #SOL ein Long hier?")
    r"(?<!\w)(?:long|short|лонг|шорт)\s+(?:here|now|aqui|aqu[íi]|agora|ahora|"
    r"hier|jetzt|ici|maintenant|qui|ora|здесь|тут|сейчас)|"
    r"(?:what\s+do\s+you\s+think|thoughts|your\s+opinion|o\s+que\s+voc[êe]s?\s+acha\w*|qu[ée]\s+opin\w+|что\s+думаете)"
    r"\W{0,3}(?:(?:on|of|about|sobre|de|про|о)\s+)?[#$]?\w+\s+(?:long|short|лонг|шорт)|"
    r"¿\s*(?:es\s+)?[#$]?\w+\s+(?:es\s+)?(?:un\s+)?(?:long|short)|(?<!\w)(?:long|short)\s+m[ıiuü](?:d[ıiuü]r)?|"
    r"(?:ist|est[\s-]ce\s+que)\s+\S+\s+(?:ein|un)\s+(?:long|short))\s*[?？](?![?？!])"
    r"(?!\s*(?:yes|yep|absolutely|definitely|of\s+course|sure|we\s+think\s+so|i\s+think\s+so|sim|s[íi]|да|ja|oui|evet)(?!\w))|(?:members\s+)?got\s+this\s+(?:one\s+|signal\s+|call\s+)?(?:yesterday|last\s+week|"
    r"earlier|(?:\d+|a\s+few|two|three)\s+days?\s+ago)|"
    # a table of past trades under a recap heading ("Yesterday's trades:", "Recap:", "Results 📊", "Вчерашние сделки:",
    # "Итоги недели:", "Resultados:" over "| Coin | Side | Entry …", which normalize writes as "Coin: …" lines); a table
    # under a call's own heading is the call
    r"(?:(?:yesterday|last\s+week)'?s?\s+(?:trades|calls|signals)|recap|results?|вчерашн\w+\s+(?:сделки|сигналы)|итоги(?:\s+\w+)?|"
    r"результаты|resumen|resultados|resumo|r[ée]sultats|ergebnisse|sonu[çc]lar|k[ếe]t\s+qu[ảa]|hasil)[^\w\n]*\n\s*(?:\|\s*)?"
    r"(?:coin|pair|symbol|ticker|монета|пара|тикер|moneda|moeda|par|paire|m[üu]nze|coppia|koin|c[ặa]p)(?=\s*[|:：])|"
    # (in other languages, or after a dash: "(истёк)", "(abgelaufen)", "— expired, not triggered"; a validity note,
    # "Validity: 24h (expired if not triggered)", "Срок действия: 24ч (истекает, если не сработает)", tells when the call
    # would lapse: "истекает" is the present, "истёк" the past)
    r"(?:\(\s*(?:expired|not\s+triggered|ист[её]к(?:ла|ло|ли|ш\w+)?|s[üu]resi\s+doldu|expirad[oa]|expir[ée]e?|abgelaufen|scadut[oa]|kadaluarsa|"
    r"kedaluwarsa|h[ếe]t\s+h[ạa]n)|[—–-]\s*(?:expired|ист[её]к(?:ла|ло|ли|ш\w+)?|s[üu]resi\s+doldu|expirad[oa]|abgelaufen|kadaluarsa|h[ếe]t\s+h[ạa]n))"
    r"(?=\W)(?![,;]?\s+(?:if|when|unless|after|in|si|wenn|falls|если|jika|n[ếe]u|e[ğg]er)(?!\w))|in\s+case\s+you\s+missed\s+it|어제\s*vip\s*(?:방|채널|룸)?\s*(?:시그널|신호)|"
    # ("example, NOT a live signal", "not a real call", "not an actual signal")
    r"not\s+(?:a|an)\s+(?:(?:live|real|actual|active|valid|official|current|channel|group|vip|our)\s+)?(?:signal|call|trade\s+call)|"
    # ("template, NOT a live trade", "not a real position", "not an actual order"): with its qualifier, a trade too
    r"not\s+(?:a|an)\s+(?:live|real|actual)\s+(?:trade|position|order)(?!\w)|no\s+trade\s+(?:for\s+now|yet|here|today)|hypothetical\w*|if\s+i\s+(?:were|was|had\s+been)|demo\s+(?:account|trade)|paper\s+account|"
    r"waiting\s+for\s+(?:a\s+|the\s+|my\s+)?confirmation|skip\s+(?:this|it)(?:\s+one)?|entry\s+missed|missed\s+(?:the\s+)?entry\W+skip|"
    # (the same wait in it/es/pt/de: "Per ora niente, aspettiamo conferma", "esperamos confirmación", "aguardamos
    # confirmação", "wir warten auf Bestätigung")
    r"(?:aspettiamo|attendiamo)\s+(?:la\s+)?conferma|per\s+ora\s+niente|esperamos\s+(?:la\s+)?confirmaci[óo]n|"
    r"aguardamos\s+(?:a\s+)?confirma[çc][ãa]o|warten\s+auf\s+(?:die\s+)?best[äa]tigung|"
    r"(?:don'?t|do\s+not)\s+enter|wait\s+for\s+my\s+signal|(?:our|the)\s+best\s+(?:trade|call|signal)|in\s+theory|"
    r"theoretically|back[\s-]?test\w*|simulat(?:ed|ion)|not\s+our\s+(?:call|signal|trade|setup)|just\s+sharing|"
    r"someone\s+else'?s\s+(?:call|signal|setup)|(?:that'?s|it'?s)\s+your\s+(?:own\s+)?(?:trade|setup|position)[,;.]?\s+not\s+(?:a|an|the|our)(?!\w)|example\s+(?:setup|trade|signal)s?|for\s+beginners|"
    # a member's own trade asked about ("Admin pls check my trade 🙏 … is this ok??", "Can someone review my entry?", "Rate
    # my setup", "Is my SL ok?", "Проверьте мою сделку", "Revisen mi operación", "Confere meu trade", "İşlemime bakar
    # mısınız", "Cek posisi saya", "Check giúp em lệnh này"): the reader's order, not the channel's call
    r"(?:check|review|rate|look\s+at|see|verify|judge|roast)\s+my\s+(?:own\s+)?(?:trade|position|entry|setup|order|plan|levels|sl|stop)"
    r"(?!\w|\s+(?:history|record|results?|stats|journal|log|performance|page|profile|track))|"
    r"is\s+my\s+(?:trade|position|entry|setup|order|plan|sl|stop|tp|leverage)\s+(?:\w+\s+)?(?:ok|okay|good|fine|correct|right|safe|too\s+\w+)|"
    r"(?:провер\w*|посмотр\w*|оцени\w*)\s+(?:мою|мой|мои)\s+(?:сделк\w*|вход\w*|позици\w*|сетап\w*|ордер\w*)|"
    r"(?:revis\w*|chequea\w*|mira\w*|eval[úu]\w*)\s+mi\s+(?:operaci[óo]n|trade|entrada|posici[óo]n|setup|orden)|"
    r"(?:confer\w*|verifi\w*|olh\w*|avali\w*|analis\w*)\s+(?:o\s+|a\s+)?(?:meu|minha)\s+(?:trade|opera[çc][ãa]o|entrada|posi[çc][ãa]o|setup|ordem)|"
    r"i[şs]lem(?:im|imi|ime)\s+(?:bir\s+)?(?:bak\w*|kontrol\w*|de[ğg]erlendir\w*)|(?:pr[üu]f\w*|check\w*)\s+(?:mal\s+)?meinen?\s+(?:trade|einstieg|position)|"
    r"(?:cek|cekin|tolong\s+cek)\s+(?:trade|posisi|entry|setup)(?:an)?\s+(?:aku|saya|gw|gue|ku)|"
    r"check\s+(?:gi[úu]p|h[ộo])\s+(?:em|m[ìi]nh|t[ôo]i)\s+(?:l[ệe]nh|k[èe]o)|"
    # Session 23 (opens23b): a member asking about a card passed to them ("someone forwarded this to me", "a friend sent
    # me this", "is this from the VIP??", "can I take it?", "мне переслали", "me reenviaron", "me encaminharam", "bana
    # attılar"): a card of unknown origin, asked about — not the channel's call (a question answered "yes" stays a call)
    r"(?:someone|somebody|a\s+friend|my\s+friend|a\s+guy|a\s+member)\s+(?:just\s+)?(?:forwarded|fwd|sent|shared|passed)\s+"
    r"(?:me\s+)?(?:it|this|that|these)(?:\s+(?:one|card|signal|call))?(?:\s+to\s+me)?(?!\w)|"
    r"(?:мне|нам)\s+(?:переслали|скинули|прислали)|(?:me|nos)\s+(?:reenviaron|pasaron|mandaron|encaminharam|mandaram|passaram)(?!\w)|"
    r"is\s+(?:this|it|that)\s+(?:really\s+)?(?:from\s+(?:the\s+|our\s+|your\s+)?(?:vip|channel|group|admin|you)|legit|real|yours|genuine)\s*[?？]"
    r"(?!\s*(?:yes|yep|yeah|correct|confirmed)(?!\w))|"
    r"(?:can|should|could|may)\s+i\s+(?:take|enter|open|follow|copy)\s+(?:it|this|that)(?:\s+(?:one|trade|signal|call))?\s*[?？🙏]"
    r"(?!\s*(?:yes|yep|yeah|sure|absolutely)(?!\w))|"
    # Session 24 (traps24): a reader asking whether a channel or its calls can be trusted ("anyone here know if this
    # channel is legit?", "is this group a scam?", "¿este canal es confiable?", "этому каналу можно доверять?", "bu kanal
    # güvenilir mi?"): the card beside it is another channel's, shown to ask — no call
    r"(?:if|whether)\s+(?:this|that|the|these|those|their)\s+(?:channel|group|guy|admin|provider|signals?|calls?|page|account)\s+"
    r"(?:is|are)\s+(?:really\s+)?(?:legit|real|trustworthy|reliable|a\s+scam|scam(?:my)?|fake)(?!\w)|"
    r"(?:is|are)\s+(?:this|that|these|those|the|their)\s+(?:channel|group|guy|admin|provider|signals?|calls?|page|account)\s+"
    r"(?:really\s+)?(?:legit|real|trustworthy|reliable|a\s+scam|fake)\s*[?？]|"
    r"(?:este|ese|esse)\s+(?:canal|grupo)\s+(?:es|[ée])\s+(?:confiable|fiable|confi[áa]vel|leg[íi]timo|real|(?:una\s+)?estafa|golpe)|"
    r"(?:этому|этот|тому|тот)\s+каналу?\s+(?:можно\s+доверять|нормальный|над[её]жный|развод|скам)|"
    r"bu\s+(?:kanal|grup)\s+g[üu]venilir\s+mi|(?:channel|grup)\s+ini\s+(?:legit|terpercaya|penipu\w*)|"
    r"k[êe]nh\s+n[àa]y\s+(?:c[óo]\s+)?(?:uy\s+t[íi]n|l[ừu]a\s+[đd][ảa]o)|"
    # (an impostor's bait: the card, then a request to send money to a wallet address — "send min. 250 USDT (TRC20) to:
    # T…", "send 60 USDT (BEP20) to 0x…", "отправьте 100 USDT на адрес …", "envía 50 USDT a …"): a deposit scam, no call
    r"(?:send|transfer|deposit|pay|top\s+up|отправ\w*|перевед\w*|переки\w*|env[íi]\w*|mand[ae]\w*|transfi\w*|deposit\w*|"
    r"g[öo]nder\w*|kirim\w*|transfer\w*|g[ửu]i|chuy[ểe]n)\s+(?:\S+\s+){0,3}?\$?\d[\d.,]*\s*\$?\s*(?:usdt|usdc|usd|trx|bnb|eth|btc|busd)"
    r"[\s\S]{0,120}?(?<![0-9a-z])(?:t[1-9a-z]{33}|0x[0-9a-f]{40}|bc1[0-9a-z]{25,60})(?![0-9a-z])|"
    # (a trade looked back on under a review heading: "Trade review #112 — DOT … Result: SL hit", "Trade breakdown:
    # last week's …", "Post-mortem", "Разбор сделки", "复盘"; a rule taught with a past trade as its example, "Example from
    # our RENDER short last month: …"; the channel's format shown with placeholders, "FORMAT we use for every call")
    r"(?:trade|call|signal|setup|position)\s+(?:review|breakdown|post[\s-]?mortem|autopsy|debrief)|post[\s-]?mortem|"
    r"разбор\s+(?:сделки|трейда|сигнала)|revisi[óo]n\s+de(?:l|\s+la)?\s+(?:trade|operaci[óo]n)|i[şs]lem\s+(?:analizi|incelemesi|de[ğg]erlendirmesi)|"
    r"example\s+from\s+(?:our|the|my|a)\s+[^\n:]{0,40}?(?:last\s+(?:week|month|year)|yesterday|ago|past|old|previous|earlier)(?!\w)|"
    r"format\s+(?:we\s+use|of\s+(?:our|every|all)\s+(?:calls?|signals?))|(?:our|the)\s+(?:call|signal|card)\s+(?:format|template)(?!\w)|"
    # (a member's win shown: "📸 Member win! @sam copied our LTC long …", "Client profit: …")
    r"(?:member|client|student|subscriber)'?s?\s+(?:win|wins|profit|result|results)(?!\w)|"
    # (a running trade restated for newcomers: "we're still in KAS long from 0.0812, no new entry here")
    r"no\s+new\s+(?:entry|entries)\s+(?:here|now|for\s+now|today|on\s+(?:it|this|that))(?!\w)|"
    # (session 26, asia26: tl "open pa rin yung ETH long natin … wag na kayo humabol" — don't chase it any more; ms/id "jangan
    # kejar lagi", "jangan masuk lagi" — don't enter any more: a running trade restated, no order for the reader)
    r"(?:wag|huwag)\s+na\s+(?:po\s+)?(?:kayo\s+|tayo\s+)?(?:po\s+)?(?:humabol|habulin|humahabol|pumasok|sumabay|mag-?entry)(?!\w)|"
    r"jangan\s+(?:lagi\s+)?(?:kejar|masuk|entry|fomo)\s+lagi(?!\w)|"
    # ("Spotted in another group: 'LONG #TAO 452 …' — we are NOT taking this one"): another channel's call shown
    r"(?:spotted|seen|found|posted)\s+in\s+(?:another|other|a\s+different)\s+(?:group|channel)|"
    r"(?:we\s+are|we'?re|i'?m|i\s+am)\s+not\s+taking\s+(?:this|it|that)(?:\s+one)?(?!\s+(?:with|at|on|above|below|in|beyond)\b)|"
    # ("$100 account example: margin $8", "Sizing example: …", "Example: $500 balance → $10 risk"): an example of money
    # management under the call is no example of the call
    r"example\s+only|just\s+an\s+example|for\s+illustration|"
    # ("↑ this is an EXAMPLE to explain the layout, do not place it", "don't open this one"): a card shown to teach
    r"this\s+is\s+(?:only\s+|just\s+)?an?\s+example|(?:do\s+not|don'?t)\s+(?:place|open)\s+(?:this|it|these|them)(?:\s+(?:one|trade|order|card))?(?!\w)|"
    r"(?<!account\s)(?<!accounts\s)(?<!balance\s)(?<!deposit\s)(?<!capital\s)(?<!sizing\s)(?<!size\s)(?<!margin\s)"
    r"(?<!risk\s)(?<!portfolio\s)(?<!management\s)(?<!lot\s)example\s*:"
    r"(?!\s*(?:with\s+|for\s+)?(?:an?\s+)?\$?\s?\d[\d.,]*\s*k?\s*(?:\$|usdt?|usd)?\s*(?:account|balance|deposit|capital|portfolio|bank))|how\s+to\s+(?:post|write|format|send)\s+(?:a\s+)?signals?|(?:do\s+not|don'?t)\s+trade\s+(?:this|it)|"
    r"no\s+es\s+(?:una\s+)?se[ñn]al|не\s+сигнал|sinyal\s+de[ğg]il(?:dir)?|"
    # ("Nie sygnał:", "시그널 아님", "सिग्नल नहीं है", "ไม่ใช่สัญญาณ": the disclaimer in Polish, Korean, Hindi, Thai)
    r"nie\s+(?:jest\s+)?sygna[łl]|시그널\s*(?:이\s*|이\s+|은\s*)?아님|시그널이\s+아닙니다|सिग्नल\s+नहीं|"
    # a poll over a setup ("Would you take this trade?", "Зашли бы в такую сделку?", "Bu işleme girer miydiniz?",
    # "¿Entrarías?"): the readers are asked, nobody is told to trade
    r"would\s+you\s+(?:take|enter|open|trade)\s+(?:this|it)|(?:зашли|вошли|зайшли|увійшли)\s+бы|girer\s+miydiniz|"
    r"girer\s+miydin|¿?\s*entrar[íi]a[ns]?\s*\?|"
    # ("¿Entraríais en long en #SOL aquí? 🤔 Entrada …", "به نظرتون #DOGE رو اینجا لانگ بگیریم؟"): a line asking about a
    # side on the coin — the readers are asked (not "Who's ready for #SOL long? 🚀", not a question answered "yes")
    # (the post's first line only; not "#SOL LONG NOW ??", "#SOL LONG — are you in?", "Any questions about the #SOL long?")
    r"^(?![^\n]*(?:ready|who'?s\s+in|let'?s\s+go|why|warum|por\s*qu[ée]|почему|neden|چرا|لماذا|are\s+you\s+in|"
    r"any\s+questions|[?？]{2}))(?=[^\n?？؟!]*[#$]\w)"
    r"(?=[^\n?？؟!]*(?:long|short|لانگ|شورت|لونغ|شورت|лонг|шорт)(?!\w))[^\n?？؟!]*[?？؟]"
    r"(?!\s*(?:yes|yep|s[íi]|sim|да|evet|بله|آره|نعم)(?!\w))|"
    # news of another trader's position ("A whale opened a 40x BTC long at …", "Кит открыл шорт …", "Balina … açtı",
    # "James Wynn just opened 40x #BTC LONG …"): someone else's trade, not the channel's call
    # ("Un trader de Binance acaba de abrir …", "Một trader vừa mở …", "Bir trader az önce … açtı")
    r"(?:whale|кит|balina|ballena|baleia|c[áa]\s+voi|wal|(?:a|an|un|una|um|one|some|top|famous|m[ộo]t|bir)\s+(?:\w+\s+)?trader|"
    r"trader\s+famoso)\s+(?:\S+\s+){0,3}?(?:just\s+)?(?:opened|opens|открыл\w*|a[çc]t[ıi]|abri[óu]|abre|er[öo]ffnete|m[ởo]\s+l[ệe]nh|"
    # ("A whale just closed a $14M #BTC short at 94,210", "Кит закрыл шорт …"): the stranger's trade closed, its levels no call
    r"closed|closes|exited|sold|dumped|bought|longed|shorted|закрыл\w*|kapatt[ıi]|cerr[óo]|fech(?:ou|a)|"
    r"acaba\s+de\s+abrir|v[ừu]a\s+m[ởo]|az\s+[öo]nce)|"
    # an on-chain alert's wallet ("Same address opened a 50x long …", "This wallet just opened …", "Адрес открыл …"):
    # a tracked stranger's position, not the channel's call
    # ("Tracked wallet on Hyperliquid just closed …", "Smart money wallet sold …")
    r"(?:(?:same|this|that|the|a|one|an\s+unknown|tracked)\s+(?:\w+\s+)?(?:address|wallet|адрес|кошел[её]к)|(?<!\w)0x[0-9a-f]{4,}\S*)\s+(?:\S+\s+){0,2}?"
    r"(?:just\s+|also\s+|then\s+|has\s+|had\s+)?(?:opened|opens|открыл\w*|a[çc]t[ıi]|abri[óu]|closed|closes|exited|sold|"
    r"dumped|bought|закрыл\w*)|"
    # ("VIP trade just opened 🔥 #BTC LONG …" is the channel's own)
    r"(?<=[a-z]\s)(?<!we\s)(?<![^a-z]i\s)(?<!trade\s)(?<!signal\s)(?<!position\s)(?<!setup\s)(?<!order\s)(?<!long\s)"
    r"(?<!short\s)(?<!call\s)(?<!vip\s)(?<!^i\s)(?<!admin\s)just\s+opened|"
    # "(KHÔNG phải tín hiệu)", "(bukan sinyal)", "(não é sinal)", "(kein Signal)": the same in other languages
    r"kh[ôo]ng\s+ph[ảa]i\s+(?:l[àa]\s+)?t[íi]n\s+hi[ệe]u|bukan\s+(?:sinyal|isyarat)|n[ãa]o\s+[ée]\s+(?:um\s+)?sinal|"
    r"kein\s+signal|pas\s+un\s+signal|ce\s+n'?est\s+pas\s+un\s+signal|non\s+[èe]\s+un\s+segnale|to\s+nie\s+(?:jest\s+)?sygna[łl]|"
    r"nie\s+jest\s+sygna[łl]em|це\s+не\s+сигнал|ليست?\s+(?:ت?وصية|إشارة)|سیگنال\s+نیست|אינו\s+סיגנל|geen\s+signaal|"
    r"不是信号|非信号|シグナルではありません|신호\s*(?:가\s*)?아님|신호가\s+아닙니다|"
    r"(?:demo|sample)\s+(?:signal|setup|trade)|paper\s+trad\w*|will\s+confirm|wait\s+for\s+my\s+confirmation|"
    r"idea\s+for\s+later|(?:for\s+)?practice\s+only|for\s+practice|"
    r"for\s+(?:education|educational\s+purposes|learning)(?:\s+only)?|(?:do\s+not|don'?t)\s+(?:copy|follow)(?:\s+(?:this|it))?|"
    # someone else's call shown to mock it ("Look what @OtherChannel posted 🤡: BTC long 110k ...")
    r"look\s+(?:at\s+)?what\s+(?:\S+\s+){0,3}?(?:posted|called|shared|is\s+calling)|"
    r"не\s+копируйте|только\s+для\s+(?:практики|обучения)|kopyalamay[ıi]n|sadece\s+(?:pratik|e[ğg]itim)|"
    r"no\s+(?:copiar|copien)|solo\s+(?:para\s+)?(?:practicar|pr[áa]ctica|educaci[óo]n)|n[ãa]o\s+copiem?|"
    r"nicht\s+kopieren|ne\s+(?:pas\s+)?copier|"
    # an example ("For example, #BTC LONG …", "e.g.", "Here's how a signal looks in VIP:", "This is how our signals look
    # like:", "Beispiel-Signal:", "Пример сигнала:", "信号示例")
    r"(?:here'?s|this\s+is)\s+how\s+(?:a|our|the)\s+(?:vip\s+)?(?:signal|call|post)s?\s+looks?|how\s+to\s+set\s+(?:a\s+|your\s+)?(?:stop|sl|tp)|"
    r"пример\s+сигнала|пример\s+оформлени\w*|приклад\s+оформлен\w*|образец\s+(?:сигнала|оформлени\w*)|пример\s*:|ejemplo\s*:|ejemplo\s+de\s+se[ñn]al|exemplo\s*:|exemple\s*:|beispiel\s*:|quiz|"
    # a past call shown again ("Yesterday's signal:", "Throwback", "Proof 👇", "Our VIP members got this 2 days ago",
    # "VIP signal (delayed 24h)", "Last week's call: … hit all targets")
    r"(?:yesterday|last\s+week|last\s+month)'?s\s+(?:signal|call|trade|setup)(?=\s*:)|throwback|proof(?=\W)|"
    r"(?:free\s+)?signal\s+from\s+last\s+(?:week|month)|got\s+this\s+\d+\s+(?:days?|weeks?)\s+ago|"
    r"delayed\s+\d+\s*(?:h|hours?|hrs?)|\(\s*delayed|"
    # an idea that is not live ("Idea only, no entry yet", "Potential setup, not active")
    # (session 27, day27: not "(ARMED, not live)" — a call armed to trigger on its condition, read as the conditional
    # call it is and held)
    r"idea\s+only|no\s+entry\s+yet|(?<!armed,\s)(?<!armed\s)(?<!armed\s-\s)not\s+(?:yet\s+)?(?:active|live|valid\s+yet)|potential\s+setup|"
    # a post taken back ("❌ IGNORE previous signal", "Wrong signal posted, sorry!")
    r"ignore\s+(?:the\s+|my\s+|our\s+)?(?:previous|last|above)\s+(?:signal|call|post|message)|wrong\s+(?:signal|call|coin|post)\s+(?:posted|sent)|"
    r"posted\s+by\s+mistake|sent\s+by\s+mistake|"
    # a card quoted in a warning about impostors ("🚨 SCAM ALERT: a fake channel using our logo sends this …", "This is
    # NOT us", "Фейковый канал рассылает …", "Alerta de estafa", "Awas penipuan"): the scammers' bait, no call (a footer
    # "beware of fake channels" under a call is no such warning)
    r"scam\s+(?:alert|warning)|(?:this|that|it)\s+(?:is|was)\s+not\s+us|(?:fake|impostor|cloned?)\s+(?:channel|group|account|admin)s?\s+"
    r"(?:is\s+|are\s+)?(?:using|sending|posting|spreading|pretending|copying)|alerta\s+de\s+(?:estafa|golpe)|alerte\s+(?:[àa]\s+l'|aux\s+)?arnaques?|"
    r"betrugswarnung|dolandır[ıi]c[ıi]l[ıi]k\s+uyar[ıi]s[ıi]|(?:фейков\w*|поддельн\w*)\s+(?:канал|аккаунт)\w*\s+(?:рассыла|пиш|использу)\w*|"
    r"это\s+не\s+мы|awas\s+penipuan|c[ảa]nh\s+b[áa]o\s+l[ừu]a\s+[đd][ảa]o|"
    # an old call shown again as a record ("🗂 ARCHIVE — call from 28 Nov", "Posted for transparency", "Not a new entry",
    # "не новый сигнал", "no es una nueva entrada", "keine neue Einstiegsmöglichkeit", "yeni giriş değil"): no entry now
    r"archiv(?:e|ed)\s*[—–:-]|(?:posted|shared|reposted)\s+for\s+(?:transparency|the\s+record|reference)|"
    r"not\s+a\s+new\s+(?:entry|call|signal|trade|setup|position)(?=\s*(?:[.!;—–-]|$))|не\s+нов\w+\s+(?:вход|сигнал|сделк)\w*|"
    r"no\s+es\s+una\s+nueva\s+(?:entrada|se[ñn]al|operaci[óo]n)|n[ãa]o\s+[ée]\s+uma\s+nova\s+(?:entrada|opera[çc][ãa]o)|"
    r"n[ãa]o\s+[ée]\s+um\s+novo\s+sinal|kein(?:e|en)?\s+neue[rn]?\s+(?:einstieg|signal|trade)\w*|yeni\s+(?:bir\s+)?(?:giri[şs]|sinyal)\s+de[ğg]il|"
    r"bukan\s+(?:entry|sinyal)\s+baru|kh[ôo]ng\s+ph[ảa]i\s+(?:l[ệe]nh|k[èe]o|t[íi]n\s+hi[ệe]u)\s+m[ớo]i|"
    # a lesson on how a mechanism works, its trade a supposition ("How liquidation works", "Say you open a 10x long on
    # ETH at 2,000 …", "Допустим, вы открыли лонг …", "Supongamos que abres …")
    r"how\s+(?:\w+\s+)?(?:liquidation|leverage|margin|funding|stop[\s-]?loss(?:es)?|take[\s-]?profits?|shorting|longing|"
    r"futures|isolated|cross)\s+(?:\w+\s+)?works?|say\s+(?:you|we)\s+(?:open|opened|go|went|enter|entered|buy|bought|long|short)|"
    r"допустим,?\s+(?:вы|ты|мы)|предположим,?\s+(?:что\s+)?(?:вы|ты|мы)|supongamos\s+que|digamos\s+que|suponha\s+que|"
    r"angenommen,?\s+(?:du|ihr|sie|wir)|diyelim\s+ki|supposons\s+que|misalkan|gi[ảa]\s+s[ửu])(?!\w)|信号示例|示例|例如|举例|"
    # ("这不是信号，只是我自己的仓位：#SOL 多 …": the disclaimer inside a sentence, no boundary before it in Han)
    r"不是信号|我自己的仓位|"
    # (Thai writes no space between words)
    r"ไม่ใช่\s*สัญญาณ|[(（]\s*(?:已?过期|만료됨?|期限切れ)\s*[)）]", re.IGNORECASE)
# The same, said by the post's heading, above its levels ("For example, #BTC LONG …", "Вчерашний сигнал:", "昨天的信号：",
# "Örnek sinyal:", "This is what our VIP gets:"); under the levels ("e.g. 2% risk per trade") such words are a note
SHOWN_AGAIN_HEAD_RE = re.compile(
    r"(?<!\w)(?:for\s+example|e\.g\.|вчерашн\w+\s+сигнал|старый\s+сигнал|se[ñn]al\s+de\s+ayer|sinal\s+de\s+ontem|"
    r"old\s+(?:signal|call)|(?:this\s+is\s+)?what\s+(?:our\s+)?vip\s+(?:members\s+)?(?:gets?|got|receives?)|[öo]rnek\s+sinyal|"
    r"ejemplo\s+de\s+se[ñn]al|exemplo\s+de\s+sinal|exemple\s+de\s+signal|beispiel\w*\s+signal|"
    # a past call shown again ("Anyone remember this one?", "That was our call two weeks ago:", "Past results:", "Free
    # call from the VIP last week (already closed at TP2)", "Сигнал прошлой недели", "Señal del mes pasado")
    # ("📚 How to read our cards (example, NOT a live signal)", "How to read a signal:", "[Sample] #BTC LONG …"): a card
    # shown to teach its format, or marked as a sample
    r"how\s+to\s+(?:read|use|follow|understand)\s+(?:our\s+|the\s+|a\s+|these\s+|this\s+)?(?:vip\s+)?(?:cards?|signals?|calls?|setups?|posts?)|"
    r"[(\[]\s*(?:example|sample|template|ejemplo|exemplo|exemple|beispiel|esempio|пример|örnek|contoh|plantilla|modelo|шаблон)(?=\W)|"
    # ("📚 How I write a scalp call:", "How we format our signals"): the writer's layout shown, not a call
    r"how\s+(?:i|we)\s+(?:write|post|format|lay\s+out)\s+(?:a\s+|an\s+|my\s+|our\s+)?(?:\w+\s+)?(?:calls?|signals?|setups?|cards?)(?!\w)|"
    # an anniversary of a past call ("📅 A year ago today:", "On this day last year", "Год назад в этот день:", "Hace un
    # año hoy", "Bir yıl önce bugün", "Heute vor einem Jahr", "Il y a un an jour pour jour", "去年的今天"): a look back, its
    # levels long gone ("A year ago BTC was 42k. Today: …" is talk before a card: the bare "year ago" needs a colon)
    r"(?:a|one|1|two|2|three|3)\s+years?\s+ago(?:\s+(?:today|this\s+(?:day|week|month)|on\s+this\s+day))?(?=\s*(?:[:：—–-]|$))|"
    r"(?:a|one|1|two|2)\s+years?\s+ago\s+(?:today|this\s+(?:day|week))|on\s+this\s+(?:day|date)\s+(?:last\s+year|in\s+20\d\d|"
    r"(?:a|one|two)\s+years?\s+ago)|this\s+(?:day|date|week)\s+last\s+year|"
    r"(?:ровно\s+)?(?:год|(?:два|три|2|3)\s+года)\s+назад(?:\s+в\s+этот\s+(?:же\s+)?день|(?=\s*(?:[:：—–-]|$)))|"
    r"в\s+этот\s+(?:же\s+)?день\s+(?:год\s+назад|в\s+прошлом\s+году)|рік\s+тому(?=\s*(?:[:：—–-]|$))|"
    r"hace\s+(?:un|1|dos|2)\s+años?(?:\s+(?:hoy|tal\s+d[íi]a\s+como\s+hoy)|(?=\s*(?:[:：—–-]|$)))|(?:un|tal)\s+d[íi]a\s+como\s+hoy|"
    r"h[áa]\s+(?:um|1|dois|2)\s+anos?(?:\s+atr[áa]s)?(?:\s+(?:hoje|neste\s+dia)|(?=\s*(?:[:：—–-]|$)))|"
    r"(?:bir|1|iki|2)\s+y[ıi]l\s+[öo]nce(?:\s+bug[üu]n|(?=\s*(?:[:：—–-]|$)))|ge[çc]en\s+y[ıi]l\s+bug[üu]n|"
    r"heute\s+vor\s+(?:einem|1|zwei|2)\s+jahr(?:en)?|vor\s+(?:einem|1|zwei|2)\s+jahr(?:en)?(?=\s*(?:[:：—–-]|$))|"
    r"il\s+y\s+a\s+(?:un|1|deux|2)\s+ans?(?:\s+jour\s+pour\s+jour|(?=\s*(?:[:：—–-]|$)))|"
    r"(?:un\s+anno|due\s+anni|2\s+anni)\s+fa(?:\s+oggi|(?=\s*(?:[:：—–-]|$)))|rok\s+temu(?:\s+dzi[śs]|(?=\s*(?:[:：—–-]|$)))|"
    r"(?:setahun|satu\s+tahun|1\s+tahun)\s+(?:yang\s+)?lalu(?:\s+hari\s+ini|(?=\s*(?:[:：—–-]|$)))|"
    r"(?:m[ộo]t|1)\s+n[ăa]m\s+tr[ưu][ớo]c(?:\s+h[ôo]m\s+nay|(?=\s*(?:[:：—–-]|$)))|"
    r"(?:who|anyone|do\s+you)\s+remembers?|remember\s+(?:this|that)(?:\s+one)?\s*[?？!]|remember\s+when|"
    # ("¿Recuerdan esta?", "Lembram desse sinal?", "Помните этот сигнал?", "Bu sinyali hatırlıyor musunuz?", "还记得这单吗")
    r"recuerdan\s+(?:esta|este|esto)(?:\s+(?:se[ñn]al|operaci[óo]n|trade))?\s*\?|lembram\s+d(?:esse|essa|este|esta|isso)"
    r"(?:\s+(?:sinal|trade|opera[çc][ãa]o))?\s*\?|помните\s+(?:этот|это|эту)(?:\s+(?:сигнал|сделку))?\s*\?|"
    r"hat[ıi]rl[ıi]yor\s+musunuz|hat[ıi]rlayan\s+var\s+m[ıi]|(?:was|were)\s+our\s+(?:signal|call|trade|setup)s?|"
    r"(?:signal|call|trade|setup|posted|shared|gave|called)\s+(?:\w+\s+){0,2}?\d+\s+(?:days?|weeks?|months?)\s+ago|"
    r"(?:signal|call|trade)s?\s+from\s+(?:our\s+|the\s+)?(?:\w+\s+)?(?:yesterday|last\s+(?:week|month))|already\s+(?:closed|in\s+profit)|"
    r"past\s+(?:performance|results?|signals?|calls?|trades?)(?=[^\S\n]*(?:[^\w\s]|\n|$))"
    # ("Past performance: 92% winrate 📊 / #AVAX LONG …": the channel's record over a fresh card)
    r"(?![^\S\n]*[:：]?[^\S\n]*\d+(?:[.,]\d+)?\s*%\s*(?:win|accura|hit|success))|"
    # a heading alone on its line over the day's past trades ("Yesterday's trades:", "Вчерашние сделки:", "Dünkü
    # işlemler:", "Operaciones de ayer:", "Gestrige Trades:"), the ticks after the levels their outcomes
    r"(?:(?:yesterday|last\s+week)'?s?\s+(?:trades|calls)|вчерашн\w+\s+(?:сделк\w*|трейд\w*)|сделки\s+(?:за\s+)?вчера\w*|"
    r"d[üu]nk[üu]\s+(?:i[şs]lem\w*|sinyal\w*)|operaciones\s+de\s+ayer|opera[çc][õo]es\s+de\s+ontem|trades\s+de\s+ontem|"
    r"gestrige\w*\s+(?:trades|signale)|trades\s+d'hier|trade\s+di\s+ieri)[^\w\n]*(?=\n|$)|"
    r"se[ñn]al(?:es)?\s+de\s+(?:la\s+semana|el\s+mes|del\s+mes)\s+pasad[oa]|se[ñn]al(?:es)?\s+del\s+mes\s+pasado|"
    r"sina(?:l|is)\s+d[ao]\s+(?:semana|m[êe]s)\s+passad[oa]|сигнал\w*\s+(?:прошлой\s+недели|прошлого\s+месяца)|"
    r"ge[çc]en\s+(?:hafta|ay)\w*\s+sinyal\w*|signal\w*\s+(?:von\s+)?(?:letzter|der\s+letzten)\s+woche|"
    r"signal\s+de\s+la\s+semaine\s+derni[èe]re|"
    # someone else's trade shown ("A rival channel called …", "A friend of mine is short …", "Our member @x shared his
    # trade:", "Мой друг зашёл в лонг …")
    r"competitors?'?s?|rival\s+(?:channel|group)s?|friends?\s+of\s+mine|"
    r"my\s+(?:friend|buddy|brother|colleague|cousin|mentor|teacher|coach|boss|uncle|dad)|"
    r"(?:member|subscriber|follower|student|reader)s?\s+(?:of\s+(?:our|the|this)\s+\w+\s+)?(?:@\w+\s+|\w+\s+)?"
    r"(?:shared|posted|sent|made|took|opened)|мо[йя]\s+(?:друг|подруга|знаком\w*|брат|коллега|ментор|наставни\w*)|"
    # ("@someone on X: #SOL LONG …", "Копирую сделку трейдера с лидерборда"): a trade posted elsewhere
    # (normalize drops the handle, leaving "  on X: …" at the start of the post)
    r"@\w+\s+(?:on\s+(?:x|twitter)\s*[:：]|(?:tweeted|posted))|(?<=^\s\s)on\s+(?:x|twitter)\s*[:：]|сделк\w*\s+трейдер\w*|лидерборд\w*|"
    # the writer's own trade from before, still held ("Yesterday I went #ETH SHORT …, still holding", "Вчера открыл
    # #ETH SHORT … — держу", "Ayer abrí …", "Dün … açmıştım"): a story, not a call to enter now
    r"(?:yesterday|earlier)\s+i\s+(?:went|opened|entered|took|longed|shorted)|вчера\s+(?:я\s+)?(?:открыл|открывал|"
    r"заш[её]л|вош[её]л)|ayer\s+(?:yo\s+)?(?:abr[íi]|entr[ée])|ontem\s+(?:eu\s+)?(?:abri|entrei)|a[çc]m[ıi][şs]t[ıi]m|"
    # an example in more words ("Örnek:", "Örneğin", "For instance", "Let's say you go …", "Imagine:", "What if: … Vote",
    # "Homework: …", "Test post, ignore", "على سبيل المثال", "مثلا:", "जैसे:", "Voorbeeld:", "Misal:", "Vd:",
    # "예를 들어", "📚 Урок: …", "Lesson 3: …")
    r"[öo]rne[ğg]in|[öo]rnek\s*[:：]|for\s+instance|let'?s\s+say\s+(?:you|we|i)|imagine\s*[:：]|imagine\s+(?:you|if)|"
    # (session 25, casualstatus25: a trade only supposed — "Suppose you long #SOL at 100", "สมมติเข้า Long #SOL ที่ 100",
    # "Допустим, вход в лонг #SOL по 100", "Supongamos que entras…", "Angenommen, du kaufst…", "Diyelim ki…", "Giả sử…",
    # "假设…", "仮に…")
    r"suppose\s+(?:you|we|i|that)|supposing|supposons|imaginons|angenommen\s*,|nehmen\s+wir\s+an|supongamos|imaginemos|"
    r"suponha(?:mos)?|supondo\s+que|допустим|предположим|diyelim\s+ki|varsayal[ıi]m|misalkan|andaikan|gi[ảa]\s+s[ửu]|"
    r"मान\s+लीजिए|मान\s+लो|لنفترض|فرض\s+کنید|"
    r"what\s+if\s*[:：]|homework|test\s+post|سبيل\s+المثال|مثلا|जैसे\s*[:：]|voorbeeld\w*|misal\s*[:：]|vd\s*[:：]|"
    r"예를\s*들어|урок\w*|lesson\s*\d*\s*[:：]|"
    r"(?:mi|un)\s+amig[oa]|meu\s+amigo|um\s+amigo|arkada[şs][ıi]m\w*|"
    # ("Ví dụ:", "Contoh:", "Esempio:", "Przykład:", "Приклад угоди:", "Пример сделки", "Например, #BTC …", "مثال:",
    # "उदाहरण:", "ตัวอย่าง:", "예시:", "例：": an example heading the setup, in more languages)
    r"например|пример\w*\s+(?:сделки|трейда|входа)|приклад\w*|ví\s+dụ|contoh(?:nya)?|esempio|przyk[łl]ad\w*|مثال|"
    r"उदाहरण|ตัวอย่าง|예시|"
    # a poll, or a trader of an exchange's leaderboard ("Poll: …", "Опрос:", "Anket:", "Encuesta:", "Top trader on
    # Binance leaderboard: SOL long …"): someone else's trade or a question, not the channel's call
    r"poll|опрос|опитування|anket|encuesta|enquete|umfrage|sondage|sondaggio|ankieta|leaderboard)(?!\w)|"
    r"สมมติ|สมมุติ|假设|假如|仮に|去年的?今天|一年前的?今天|(?:一|两)年前\s*[:：]|1年前の今日|一年前の今日|1년\s*전\s*오늘|작년\s*오늘|ตัวอย่างเช่น|举个例子|比如说|比方说|例えば|有个大佬|大佬刚|昨天的?信号|以前的?信号|上周的?信号|上个?月的?信号|信号回顾|还记得(?:这|那)|前几天的?信号|\d+天前的?信号|我(?:的)?朋友|竞争对手|例\s*[:：]|投票|巨鲸",
    re.IGNORECASE)
# A card shown as an example, a lesson or a template, in the languages the other words cover ("Exemplu (NU este semnal
# real!)", "Vzor … (jen ukázka, NEOBCHODOVAT!)", "范例（仅为示范，请勿跟单）", "Példa – nem valódi jelzés", "Przykład, nie
# handluj", "Halimbawa lang, huwag i-trade", "सिर्फ उदाहरण, ट्रेड न करें", "Chỉ minh họa", "サンプル（エントリーしないで）"): the levels
# teach the layout, nobody is told to trade them. Said anywhere in the post: an "example only" note under a card is the
# card's own word about itself (a note about sizing — "de exemplu 2% risc" — says "exemplu" with no "only" or "not a signal")
EXAMPLE_CARD_RE = re.compile(
    # "not a (real) signal" — ro, cs/sk, hu, nl, sv/no/da, fi, el, tl, id/ms, vi, es/pt/it/fr/de with "real"
    r"(?<!\w)(?:nu\s+(?:este|e)\s+(?:un\s+)?(?:semnal|apel)(?:\s+real)?|nu\s+(?:este|e)\s+o\s+recomandare|"
    r"(?:nen[íi]|nejde\s+o|nie\s+je)\s+(?:to\s+)?(?:(?:skute[čc]n[ýyá]|re[áa]ln[ýyá]|[žz]iv[ýyá])\s+)?sign[áa]l(?!\w)|"
    r"(?:ez\s+)?nem\s+(?:(?:val[óo]di|igazi|[ée]les)\s+)?(?:jelz[ée]s|szign[áa]l)|"
    r"geen\s+(?:echt|live)\s+signaal|(?:inte|ikke)\s+(?:en\s+|et\s+)?(?:riktig\s+|ekte\s+|rigtig\s+)?signal|ei\s+(?:ole\s+)?(?:oikea\s+)?signaali|"
    r"δεν\s+είναι\s+(?:πραγματικό\s+)?σήμα|hindi\s+(?:ito|po)\s+(?:(?:tunay\s+na|totoo\s+na|totoong|tunay|real)\s+)?(?:signal|call|trade)|hindi\s+(?:tunay\s+na|totoo\s+na|totoong)\s+(?:signal|call|trade)|"
    r"bukan\s+(?:sinyal|isyarat|signal)\s+(?:nyata|sebenar(?:nya)?|asli|real)|kh[ôo]ng\s+ph[ảa]i\s+(?:l[àa]\s+)?k[èe]o\s+th[ậa]t|"
    r"no\s+es\s+(?:una\s+)?(?:se[ñn]al|operaci[óo]n)\s+real|n[ãa]o\s+[ée]\s+(?:um\s+)?(?:sinal|trade)\s+real|"
    r"non\s+[èe]\s+un\s+segnale\s+reale|pas\s+un\s+(?:vrai\s+)?signal\s+r[ée]el|kein\s+(?:echtes|reales|live[\s-]?)signal|"
    r"не\s+(?:є\s+|является\s+)?(?:реальн\w+|настоящ\w+|живи\w+)\s+сигнал\w*|gerçek\s+(?:bir\s+)?sinyal\s+de[ğg]il|"
    # "example / demo / template only" — ro, cs/sk, hu, pl, es/pt/it/fr/de, nl, sv/no/da, fi, el, tl, id/ms, vi, tr, he
    r"(?:doar|numai)\s+(?:un\s+)?exemplu|cu\s+titlu\s+de\s+exemplu|(?<!de\s)exemplu\s*[(:：]|exemplu\s+de\s+(?:semnal|tranzac[țţt]ie|card)|model\s+de\s+semnal|"
    r"(?:jen|pouze|len|iba|pouhá)\s+(?:\w+\s+)?(?:uk[áa][zž]k[ay]|p[řr]?[íi]klad)|uk[áa][zž]kov[ýyá]\s+sign[áa]l|(?<!na\s)(?<!za\s)p[řr]?[íi]klad\s*[(:：]|vzor\s+(?:sign[áa]lu|karty|obchodu)|"
    r"(?:csak|csup[áa]n)\s+(?:egy\s+)?(?:p[ée]lda|minta|illusztr[áa]ci[óo])|p[ée]lda\s*[(:：]|"
    r"tylko\s+(?:dla\s+)?przyk[łl]ad\w*|(?:solo|s[óo]lo|apenas|s[óo]|somente|solamente)\s+(?:un\s+|um\s+|como\s+)?(?:ejemplo|exemplo|esempio)|"
    r"(?:à|a)\s+titre\s+d'?\s?exemple|exemple\s+seulement|nur\s+(?:ein\s+|als\s+)?beispiel|alleen\s+(?:een\s+)?voorbeeld|"
    r"(?:bara|kun|kun\s+et|vain)\s+(?:ett\s+)?(?:exempel|eksempel|esimerkki)|μόνο\s+παράδειγμα|παράδειγμα\s*[(:：]|"
    r"halimbawa\s+lang|(?:ito\s+ay\s+)?halimbawa\s*[(:：]|hanya\s+(?:sebagai\s+)?contoh|ch[ỉi]\s+(?:l[àa]\s+)?(?:v[íi]\s+d[ụu]|minh\s+h[ọo]a)|"
    r"sadece\s+(?:bir\s+)?[öo]rnek|רק\s+דוגמה|דוגמה\s*[(:：]|דוגמה\s+בלבד|"
    # (he "דוגמה בלבד": the "only" after the word; "תבנית לאיתות": a template for a signal)
    r"תבנית\s+(?:ל|של\s+)(?:איתות|סיגנל|עסקה|כרטיס)\w*)(?!\w)|"
    # "do not trade / copy it" — ro, cs/sk, hu, pl, es/pt/it/fr/de, nl, tl, vi, ru/uk, el, he
    r"(?<!\w)(?:nu\s+(?:tranzac[țţt]iona|tranzac[țţt]ion[ae][țţt]i|copia[țţt]i)|ne(?:obchodovat|obchodujte|obchodova[ťt])(?!\w)|"
    r"nekop[íi]rujte|ne\s+(?:keresked(?:j|jen|jetek|jenek)|m[áa]sold|m[áa]solj[áa]tok)|nie\s+(?:handluj(?:cie)?|kopiuj(?:cie)?)|"
    r"no\s+(?:operar|operes|oper[ée]is)|n[ãa]o\s+(?:operar|opere|operem)|non\s+(?:operare|tradare|copiare)|"
    r"ne\s+(?:pas\s+)?(?:trader|suivre)|nicht\s+(?:traden|handeln|nachtraden|nachmachen)|niet\s+(?:traden|handelen|kopi[ëe]ren)|"
    r"huwag\s+(?:(?:i-?|mag-?)?trade|sundan|kopyahin|gayahin)|kh[ôo]ng\s+(?:v[àa]o\s+l[ệe]nh|copy|theo)\s+(?:l[ệe]nh\s+)?n[àa]y|"
    r"не\s+(?:торгуйте|торгувати|торговать|повторяйте|повторюйте)|μην\s+(?:το\s+)?(?:ανοίξετε|αντιγράψετε|κάνετε\s+trade)|"
    r"אל\s+תסחרו|לא\s+לסחור|לא\s+להעתיק|אל\s+תעתיקו)"
    # (said alone, or of "this": "Não opere com dinheiro do aluguel!" — not with the rent money — is advice under a call)
    r"(?:\s+(?:this|it|to|tohle|toto|ezt|tego|tej|esto|esta|isto|isso|questo|ça|cela|das|dies|dit|ito|[иі]?це|это|этот|αυτό))?"
    r"(?=\s*(?:[!.)）,;:—–-]|\n|$))|"
    # hi (Devanagari), ja, zh (the text is read in Simplified characters), ko, th, ar, fa
    r"(?:सिर्फ|केवल|बस)\s+(?:एक\s+)?(?:उदाहरण|नमूना|डेमो)|(?:ट्रेड|कॉपी)\s+न\s+करें|असली\s+सिग्नल\s+नहीं|"
    r"サンプル|见本|実际の(?:シグナル|トレード)ではありません|エントリーしないで|真似しないで|"
    # (session 26, asia26) a posting template's filled-in example and its "do not copy it as it is" — ja "※記入例です",
    # "入力例", "このままコピーしないでください"; zh "填写示例", "格式示例", "请勿直接复制"; ko "작성 예시" (above), "그대로
    # 복사하지 마세요" (not a channel's own footer against re-posting — "無断でコピーしないで", "转载/复制禁止", "请勿复制转发":
    # only "as it is" makes the card a form to fill)
    r"记入例|入力例|(?:このまま|そのまま)\s*(?:コピー|コピペ)(?:しないで|せずに)|"
    r"填写示例|格式示例|(?:请勿|请不要|不要|切勿)(?:直接|原样)?(?:复制|照抄)(?=\s*(?:[)）,，。!！;；:：.]|\n|$))|그대로\s*복사하지\s*마|"
    r"范例|示范|样例|范本|模板\s*[(（:：]|仅供(?:教学|示范|学习|演示)|(?:请勿|请不要|不要|勿|别)跟单(?=\s*(?:[)）,，。!！;；:：.]|\n|$))|(?:并非|不是|非)(?:真实|实盘|真正)的?(?:信号|讯号)|不是讯号|"
    r"예시|샘플|따라\s*(?:하지|들어가지)\s*마세요|실제\s*(?:시그널|신호)\s*(?:이\s*)?아님|"
    r"(?:เป็น)?แค่ตัวอย่าง|ไม่ใช่สัญญาณจริง|ห้ามเทรดตาม|"
    r"مجرد\s+مثال|مثال\s+فقط|ليست\s+صفقة\s+حقيقية|لا\s+تتداول|لا\s+(?:تنسخ|تنسخوا)(?!\w)|فقط\s+(?:یک\s+)?(?:مثال|نمونه)|معامله\s+نکنید",
    re.IGNORECASE)
NEGATED_CALL_RE = re.compile(
    r"(?<!\w)(?:don'?t|do\s+not|never|avoid)\s+(?:buy\w*|sell\w*|long\w*|short\w*|fomo\s+into)(?!\w)|"
    # "لا تدخلوا شورت", "не входите в шорт", "no entren en corto", "jangan beli", "不要做空"
    r"لا\s+(?:تدخلوا|تدخل|تشتروا|تشتري|تبيعوا)|(?<!\w)не\s+(?:входите|заходите|шортите|лонгуйте|покупайте|открывайте)|"
    r"(?<!\w)(?:girmeyin|almay[ıi]n|a[çc]may[ıi]n|shortlamay[ıi]n)|(?<!\w)no\s+(?:entren|compren|vendan|abran)(?!\w)|"
    r"(?<!\w)n[ãa]o\s+(?:entrem|comprem|abram)(?!\w)|(?<!\w)jangan\s+(?:masuk|beli|short|long|entry)(?!\w)|"
    # hi-Latn "kharido mat", "mat kharido", "buy mat karo", "entry mat lo", "abhi mat lena" (do not buy / enter)
    r"(?<!\w)(?:kh(?:a|aa)?r(?:i|ii|ee)d(?:o|na|ein)?|buy|entry|long|short)[ \t]+(?:mat|mt|nahi|nahin)(?!\w)|"
    r"(?<!\w)(?:mat|mt)[ \t]+(?:kh(?:a|aa)?r(?:i|ii|ee)d\w*|buy|entry|long|short)(?!\w)|"
    r"(?<!\w)[đd][ừu]ng\s+(?:v[àa]o|mua|short|long)(?!\w)|وارد\s+نشوید|نخرید|不要(?:做空|做多|追|买|入场)|"
    r"(?<!\w)nicht\s+(?:einsteigen|kaufen|shorten)(?!\w)|n'?(?:entrez|achetez)\s+pas|(?<!\w)non\s+(?:entrate|comprate)(?!\w)|"
    # Session 23 (warn23): the author's own refusal ("I would NOT long ETH here", "I wouldn't touch this", "we're not
    # buying this"), "stay away from this", "don't trade / take this one"
    r"(?<!\w)(?:i\s+would\s+not|i'?d\s+not|i\s+wouldn'?t|i\s+won'?t|we\s+would\s+not|we\s+wouldn'?t|we\s+won'?t)\s+"
    r"(?:be\s+)?(?:long(?:ing)?|short(?:ing)?|buy(?:ing)?|enter(?:ing)?|touch(?:ing)?|tak(?:e|ing)\s+(?:this|it|that))(?!\w)(?!\s+(?:with|above|below|under|over|beyond|past|at\s+(?:high|more|less)))|"
    r"(?<!\w)(?:i'?m\s+not|i\s+am\s+not|we'?re\s+not|we\s+are\s+not)\s+(?:longing|shorting|buying|entering|taking)\s+"
    r"(?:this|it|that|here|now)(?!\w)(?!\s+(?:with|above|below|under|over|beyond|past|at\s+(?:high|more|less)))|"
    r"(?<!\w)stay\s+away\s+from\s+(?:this|it|that|these)(?!\w)|"
    r"(?<!\w)(?:don'?t|do\s+not)\s+(?:trade|take|follow|copy|touch)\s+(?:this|it|that)(?:\s+one)?(?!\w)(?!\s+(?:with|above|below|under|over|beyond|past|at\s+(?:high|more|less)))|"
    # fr "Ne pas acheter", "Évitez d'acheter"; es/pt/it infinitive "No comprar", "Não entrar", "Non comprare"; ru "Не
    # покупать"; "Finger weg", "Fique longe", "Aléjense de esto", "Uzak durun", "держитесь подальше"
    r"(?<!\w)ne\s+pas\s+(?:acheter|entrer|vendre|shorter|longer|prendre)(?!\w)|[ée]vite[zr]?\s+(?:d'acheter|de\s+(?:shorter|vendre|longer|prendre))|"
    r"(?<!\w)(?:no|n[ãa]o|non)\s+(?:comprar|entrar|comprare|entrare)(?!\w)|(?<!\w)не\s+(?:покупать|входить|заходить|шортить|лонговать)(?!\w)|"
    r"(?<!\w)finger\s+weg|(?<!\w)fique(?:m)?\s+longe|(?<!\w)al[ée]j(?:ate|ense)|(?<!\w)uzak\s+dur\w*|держитесь\s+подальше|"
    # ko "진입하지 마세요", "매수하지 마세요", "롱 잡지 마세요"; ja "やめておけ", "買うな", "手を出すな"; zh "别买", "别追", "别上车"
    r"(?:진입|매수|매도|숏|롱)\s*(?:하지|잡지|치지)\s*마|들어가지\s*마|사지\s*마|"
    r"やめて?(?:おけ|とけ|おきましょう|ましょう)|买うな|入るな|手を出すな|エントリー(?:は)?(?:しない|禁止)|"
    r"别(?:买|追|上车|进场|入场|做多|做空)|(?:不要|别)上车|远离(?:这|此)|"
    # vi "không nên mua", hi "मत खरीदें", ar "ابتعدوا عن هذه", it "non comprare" (above), pt "fiquem fora"
    r"(?<!\w)kh[ôo]ng\s+n[êe]n\s+(?:mua|v[àa]o|long|short)(?!\w)|मत\s+खरीद\w*|(?:न|ना)\s+खरीदें|ابتعد(?:وا)?\s+عن\s+(?:هذه|هذا)|"
    r"(?<!\w)fiquem\s+fora(?!\w)",
    re.IGNORECASE)
# Session 23 (warn23): a card said to be stale or not to be taken any more — "too late (to enter)", "entry is gone", "no
# longer valid", "expired" — in the languages of the channels ("Опоздали … уже не актуально", "Ya es tarde para entrar",
# "tarde demais", "geç kaldınız", "zu spät", "trop tard", "错过了", "已失效", "فات الأوان"): the levels are quoted for those
# who missed it, not an order now. Not the urgency of a live call ("not too late", "before it's too late", "expires in
# 4h", "if not filled, expired"), nor "don't chase" under a live limit.
STALE_CARD_RE = re.compile(
    r"(?<!\w)(?<!not\s)(?<!never\s)(?<!isn't\s)(?<!before\s)(?<!before\sit's\s)(?<!before\sit\sis\s)(?<!before\sits\s)(?<!get\s)(?<!be\s)(?:too\s+late|way\s+too\s+late)(?!\s*\?)(?!\w)|"
    r"(?<!\w)entry\s+(?:is\s+|has\s+)?(?:already\s+)?gone(?!\w)|(?<!\w)(?:this|that)\s+(?:entry|ship|train)\s+(?:is\s+|has\s+)?(?:gone|sailed|left)(?!\w)|"
    r"(?<!\w)no\s+longer\s+(?:valid|active|enterable|available)(?!\w)|(?<!\w)not\s+valid\s+any\s*more(?!\w)|"
    r"(?<!\w)(?<!be\s)(?<!gets\s)(?<!get\s)(?<!is\s)(?<!will\s)expired(?!\s+(?:if|when|after|unless|in|at)\b)(?!\w)|"
    r"(?<!\w)(?:signal|call|setup|trade|card)\s+(?:is\s+)?(?:now\s+)?(?:dead|void|cancell?ed)(?=\s*(?:[!.,:;)\-]|\n|$))|"
    # ru, es, pt, it, fr, de, tr, id, vi
    r"(?<!\w)(?:опоздал\w*|(?:уже\s+)?не\s*актуал\w*|(?:уже\s+)?поздно(?!\s+(?:вечер|ноч|утр)))(?!\w)|"
    r"(?<!\w)(?:(?:ya\s+)?es\s+tarde|ya\s+no\s+(?:es\s+)?v[áa]lid\w*|"
    r"(?:j[áa]\s+)?é\s+tarde|tarde\s+demais|n[ãa]o\s+(?:[ée]\s+)?mais\s+v[áa]lid\w*|"
    r"non\s+pi[uù]\s+valid\w*|ormai\s+tardi|troppo\s+tardi|trop\s+tard|zu\s+sp[äa]t|demasiado\s+tarde|n'est\s+plus\s+valable|plus\s+valable|plus\s+valide|"
    r"nicht\s+mehr\s+g[üu]ltig|ge[çc]\s+kal\w*|art[ıi]k\s+ge[çc]erli\s+de[ğg]il|"
    r"sudah\s+(?:tidak|gak|nggak)\s+berlaku|qu[áa]\s+mu[ộo]n|h[ếe]t\s+hi[ệe]u\s+l[ựu]c)(?!\w)|"
    # zh, ja, ko, ar, fa, hi
    r"错过了|已失效|来不及|已过期|手遅れ|期限切れ|늦었|만료(?:됨|되었|된\s*(?:시그널|신호))|"
    r"فات\s+الأوان|انتهت\s+صلاحي|لم\s+تعد\s+صالح|منقضی\s+شد|देर\s+हो\s+(?:चुकी|गई)",
    re.IGNORECASE)
# A look back at a finished trade ("Recap of last week's ETH long", "Our XRP short from yesterday ... +56%").
PAST_TRADE_RE = re.compile(
    r"(?<!\w)(?:recap|summary|last\s+(?:week|month)'?s?|yesterday'?s|from\s+yesterday|results?\s+of|"
    r"resumen|resumo|r[ée]sum[ée]|итоги|вчерашн\w*|вчера|d[üu]nk[üu]|d[üu]n|ayer|ontem|d'\s?hier|gestern|ieri|"
    r"wczoraj\w*|riepilogo|podsumowanie|r[üu]ckblick|h[ôo]m\s+qua|kemarin|أمس|دیروز|昨天|昨日|어제|"
    # ("Heute vor einer Woche: …", "Il y a une semaine", "Tuần trước", "Minggu lalu", "sprzed tygodnia", "2 weeks ago")
    r"vor\s+(?:einer|zwei|drei|\d+)\s+(?:woche|wochen|tagen)|letzte\s+woche|il\s+y\s+a\s+(?:une|deux|\d+)\s+(?:semaines?|jours)|"
    r"semaine\s+derni[èe]re|tu[ầa]n\s+tr[ưu][ớo]c|minggu\s+lalu|sprzed\s+(?:tygodnia|\d+\s+dni)|"
    r"(?:\d+|two|three)\s+(?:weeks?|days?)\s+ago)(?!\w)|上周|上个月|前几天",
    re.IGNORECASE)
# Hindsight: what a buy would have made ("If you had bought $WIF at 1.85 you'd be up 40%", "Si hubieras comprado …",
# "Если бы вы купили …", "Alsaydınız …", "昨日买っていれば …"): a counterfactual look back, never a call
HINDSIGHT_RE = re.compile(
    r"(?<!\w)(?:if\s+you\s+(?:had|'d)\s+(?:bought|entered|longed|shorted|invested|got(?:ten)?\s+in|aped)|"
    r"had\s+you\s+(?:bought|entered|longed|shorted|invested|got(?:ten)?\s+in)|"
    r"you\s+(?:would|'d)\s+have\s+(?:made|gained|earned|doubled|tripled|profited)|"
    r"si\s+(?:hubieras|hubieses|hubierais|hubieseis|hubieran|hubiesen|hubiera|hubiese)\s+(?:comprado|entrado|invertido)|"
    r"se\s+(?:voc[êe]s?\s+|vc\s+|tu\s+)?(?:tivesse|tivessem)\s+(?:comprado|entrado|investido)|"
    r"si\s+(?:vous\s+aviez|tu\s+avais|t'avais)\s+(?:achet[ée]|investi|pris|entr[ée]|rentr[ée])|"
    r"se\s+(?:avessi|aveste|avesse|avessero)\s+(?:comprato|investito|preso)|"
    r"(?:gekauft|investiert)\s+h[äa]tte(?:st|t|n)?|eingestiegen\s+w[äa]re(?:st|t|n)?|"
    r"(?:h[äa]ttest|h[äa]ttet)\s+(?:du|ihr)\s+[^\n.!?]{0,40}?(?:gekauft|investiert)|"
    r"(?:если\s+бы|якби)\s+(?:вы\s+|ты\s+|ви\s+|ти\s+)?[^\n.!?]{0,30}?(?:купил\w*|купив\w*|зашл\w*|зашёл|зайшл\w*|зайшов|вошл\w*|вошёл)|"
    r"gdyby(?:ś|ście)\s+[^\n.!?]{0,30}?(?:kupi\w+|wesz\w+|wszed\w+)|"
    r"(?:alsayd[ıi]|girseyd[ıi]|alm[ıi][şs]\s+olsayd[ıi]|girmi[şs]\s+olsayd[ıi])\w*|"
    r"(?:seandainya|andai(?:kan)?)\s+(?:\w+\s+){0,2}?(?:beli|masuk|entry)|"
    r"(?<!\w)لو\s+(?:كنت[مم]?\s+)?(?:اشتريت\w*|دخلت\w*)|(?:خریده|خریدید|وارد\s+شده)\s+بود(?:ی|ید|ین)|"
    r"खरीद(?:ा|े|ी)\s+होत(?:ा|े|ी))(?!\w)|"
    r"买っていれば|买っていたら|买ってたら|エントリーしていれば|샀다면|샀더라면|매수했다면|들어갔다면|"
    r"(?:如果|要是|假如)[^\n。！？]{0,20}?(?:买了|买入了|进场了|上车了|入场了)[^\n。！？]{0,30}?(?:现在|已经)",
    re.IGNORECASE)
# The same look back in words without a counterfactual mood ("Kalau kemarin kalian beli $WIF di 1,85, sekarang udah cuan
# 40%", "If you bought $WIF yesterday at 1.85 you're up 40% now", "Nếu hôm qua bạn mua … thì giờ đã lãi 40%"): a
# condition on the readers' buy, a time gone by and a gain in per cent on the same line
HINDSIGHT_IF_YOU_BOUGHT_RE = re.compile(
    # ("If you had a buy order at 0.1520 on #DOGE yesterday like our VIPs did, you're sitting on +14%", "if you'd had a
    # limit bid there last week you'd be up 30%"): the readers' order that was not theirs, and what it would have made
    r"(?<!\w)(?:if\s+you\s+(?:bought|entered|got\s+in|(?:(?:had|'d\s+had)\s+(?:placed\s+|set\s+|put\s+)?|placed\s+|set\s+)(?:a|an|your|the)\s+(?:\w+\s+)?"
    r"(?:buy|long|short|sell|limit|bid)(?:\s+(?:order|bid|entry))?)|(?:kalau|kalo|jika|klo)\s+(?:\w+\s+){0,2}?(?:kalian|kamu|anda|lu|lo|elu|km)\s+"
    r"(?:\w+\s+){0,2}?(?:beli|masuk|entry)|n[ếe]u\s+(?:\w+\s+){0,3}?(?:b[ạa]n|anh\s+em|ae|m[ọo]i\s+ng[ưu][ờo]i)\s+(?:\w+\s+){0,3}?mua|"
    r"si\s+(?:\w+\s+){0,2}?compraste|se\s+(?:voc[êe]\s+)?comprou)(?!\w)[^\n]*?"
    r"(?:\d\s?%|\d+\s?x(?!\w))",
    re.IGNORECASE)
HINDSIGHT_PAST_RE = re.compile(
    r"(?<!\w)(?:yesterday|last\s+(?:week|month)|(?:\d+|two|three|a\s+few)\s+(?:days?|weeks?)\s+ago|kemarin|minggu\s+lalu|bulan\s+lalu|"
    r"h[ôo]m\s+qua|tu[ầa]n\s+tr[ưu][ớo]c|ayer|ontem|semana\s+pasada|semana\s+passada)(?!\w)",
    re.IGNORECASE)


# A trade the channel says it will open later ("we will open a long", "откроем лонг", "abriremos long", "long
# açacağız", "kita akan buka long", "سنفتح صفقة لونج"): with a condition on the market, a plan — no trade yet
FUTURE_OPEN_RE = re.compile(
    r"(?<!\w)(?:we(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to)\s+(?:\w+\s+)?(?:open|enter|take|go\s+(?:long|short)|long|short|buy|sell)|"
    r"откроем|зайд[её]м|войд[её]м|будем\s+(?:заходить|входить|открывать|брать)|відкриємо|зайдемо|увійдемо|"
    r"abriremos|entraremos|vamos\s+(?:a\s+)?(?:abrir|entrar)|a[çc]aca[ğg][ıi]z|girece[ğg]iz|"
    r"(?:kita|kami)\s+(?:akan\s+)?(?:buka|masuk|entry|ambil)|"
    r"werden\s+wir\s+(?:\w+\s+){0,3}?(?:er[öo]ffnen|einsteigen|kaufen)|steigen\s+wir\s+(?:\w+\s+){0,3}?ein|er[öo]ffnen\s+wir|"
    r"nous\s+(?:ouvrirons|entrerons|prendrons)|on\s+(?:ouvrira|entrera|prendra)|apriremo|entreremo|otworzymy|wejdziemy|"
    r"s[ẽe]\s+(?:m[ởo]|v[àa]o)|سنفتح|سندخل|سوف\s+(?:نفتح|ندخل)|باز\s+می[\u200c\s]?کنیم|وارد\s+می[\u200c\s]?شویم|खोलेंगे)(?!\w)|"
    r"(?:将|会|就|再)(?:开单|开仓|进场|入场|做多|做空)|エントリーします|진입하겠습니다|진입할\s*예정",
    re.IGNORECASE)
# "No trade for now", "Пока сделки нет", "Por ahora no hay operación", "Şimdilik işlem yok", "Belum ada posisi",
# "حتى الآن لا توجد صفقة", "فعلا معامله‌ای نداریم", "暂不开单": the post says nothing is open yet
NO_TRADE_YET_RE = re.compile(
    r"(?<!\w)(?:no\s+(?:trade|position|entry)\s+(?:for\s+now|yet|at\s+the\s+moment|right\s+now)|not\s+in\s+(?:a\s+|the\s+)?(?:trade|position)\s+yet|"
    r"пока\s+(?:без\s+сделки|сделки\s+нет|не\s+входим|не\s+заходим|вне\s+рынка)|сделки\s+пока\s+нет|поки\s+(?:без\s+угоди|угоди\s+немає)|"
    r"(?:por\s+ahora|todav[íi]a|a[úu]n)\s+no\s+hay\s+(?:operaci[óo]n|entrada|trade|posici[óo]n)|sin\s+operaci[óo]n\s+por\s+ahora|"
    r"(?:por\s+enquanto|ainda)\s+(?:sem|n[ãa]o\s+h[áa])\s+(?:opera[çc][ãa]o|entrada|trade|posi[çc][ãa]o)|"
    r"[şs]imdilik\s+(?:i[şs]lem|pozisyon)\s+yok|hen[üu]z\s+(?:i[şs]lem|pozisyon)\s+yok|"
    r"belum\s+ada\s+(?:posisi|entry|trade|sinyal)|ch[ưu]a\s+(?:c[óo]\s+l[ệe]nh|v[àa]o\s+l[ệe]nh)|"
    r"noch\s+kein(?:en)?\s+(?:trade|einstieg|position)|pas\s+(?:encore\s+)?de\s+(?:trade|position)\s+pour\s+l'instant|"
    r"لا\s+توجد\s+(?:أي\s+)?صفقة|لا\s+صفقة\s+(?:حاليا|الآن|بعد)|فعلا\s+(?:معامله[\u200c]?ای\s+نداریم|وارد\s+نمی[\u200c\s]?شویم))(?!\w)|"
    r"暂(?:时)?(?:不|无)(?:开单|进场|入场)|暂无(?:单|仓位)|まだエントリーなし|아직\s*진입\s*(?:안|하지)",
    re.IGNORECASE)


# "No new calls before NY open", "no new trades until the CPI print", "Sem novas calls até a abertura de NY", "Новых
# сигналов до открытия США не будет": nothing new is called until later — the words "calls", "trades" there name no trade
NO_NEW_CALLS_RE = re.compile(
    r"(?<!\w)(?:no\s+(?:new\s+|fresh\s+|more\s+)?(?:calls?|trades?|signals?|entries|positions?|setups?)\s+(?:before|until|till|til|today|"
    r"tonight|for\s+now|yet|this\s+(?:weekend|morning|evening|session)|at\s+the\s+moment|right\s+now)|"
    r"sem\s+(?:novas?\s+)?(?:calls?|entradas?|opera[çc][õo]es|sinais)\s+(?:at[ée]|antes|hoje|por\s+enquanto)|"
    r"sin\s+(?:nuevas?\s+)?(?:se[ñn]ales|entradas|operaciones)\s+(?:hasta|antes|hoy|por\s+ahora)|"
    r"новых\s+(?:сигналов|сделок|входов)\s+(?:пока\s+|сегодня\s+|до\s+[^\n.]{1,30}?)?не\s+будет)(?!\w)[^\n.!]*",
    re.IGNORECASE)


# Only an explicit recap word turns a "closed +45%" post into a results post: "#SOL closed at TP2 +45% from
# yesterday's signal" still closes the trade for whoever holds it.
# A post headed as a results report ("Monthly results: #BNB long ... hit all targets +12%"): a look back.
RECAP_HEAD_RE = re.compile(r"^\W*(?:recap|summary|results?\s+of|(?:trade|call|signal|win)\s+of\s+the\s+(?:day|week|month)|best\s+(?:trade|call)s?|top\s+(?:trade|call)s?|"
                           # ("SignalForge daily recap 05.12": the channel's name before it; "[QE-PRO] MONTHLY REPORT — MAY",
                           # "ORCA | weekly summary": a bracketed or piped tag of the channel)
                           r"(?:[a-z][\w.-]*\]?\s*[|:•·]?\s+){0,2}?(?:daily|weekly|monthly)\s+(?:results?|recap|summary|report)|"
                           # ("🌙 Nightly report 07.12", "EOD report", "Evening summary", "Informe diario", "Relatório do dia",
                           # "Вечерний отчёт", "Отчёт за день", "Tagesbericht", "Rapport du soir", "Günlük rapor" above)
                           r"(?:[a-z][\w.-]*\]?\s*[|:•·]?\s+){0,2}?(?:nightly|evening|eod|end[\s-]+of[\s-]+(?:the[\s-]+)?(?:day|week))\s+"
                           r"(?:results?|recap|summary|report|update)|"
                           r"(?:informe|reporte|relat[óo]rio|rapport)\s+(?:diario|di[áa]rio|nocturno|noturno|semanal|mensual|mensal|"
                           r"del\s+d[íi]a|do\s+dia|de\s+la\s+noche|da\s+noite|du\s+(?:jour|soir)|quotidien|hebdomadaire|mensuel)|"
                           r"(?:дневной|ночной|вечерний|ежедневный|еженедельный|недельный|итоговый)\s+отч[её]т|"
                           r"отч[её]т\s+за\s+(?:день|неделю|месяц|сегодня|вчера)|tages(?:bericht|abschluss)|wochenbericht|monatsbericht|"
                           # ("Haftalık sonuçlar: #ETH kârla kapandı", "This week's results:")
                           r"(?:haftal[ıi]k|g[üu]nl[üu]k|ayl[ıi]k)\s+(?:sonu[çc]lar\w*|[öo]zet\w*|rapor\w*)|"
                           r"(?:this|last)\s+(?:week|month)'?s\s+(?:results?|recap|summary|report|stats)|"
                           # (session 26, bots26) a bot's statistics under the channel's name ("🤖 VOLTEX AUTO-STATS · Wednesday",
                           # "ORCA | weekly stats", "Estadísticas de la semana", "Статистика за неделю", "Haftalık istatistik",
                           # "Wochenstatistik", "本周统计", "주간 통계")
                           r"(?:[a-z][\w.-]*\]?\s*[|:•·]?\s+){0,2}?(?:(?:auto|bot|daily|weekly|monthly|signals?|trading|performance)[\s-]*)?"
                           r"(?:stats|statistics)(?!\s*[:=]?\s*(?:of|for|on)\s+[#$]?[a-z]{2,10}(?!\w))|"
                           r"estad[íi]sticas?|estat[íi]sticas?|statistiques|statistiche|statystyki|statistik(?:en)?|statistieken|"
                           r"(?:wochen|monats|tages)statistik|статистика|(?:(?:haftal[ıi]k|g[üu]nl[üu]k|ayl[ıi]k)\s+)?"
                           r"istatisti\w*|th[ốo]ng\s+k[êe]|إحصائيات|آمار|(?:本周|上周|本月|上月|今日|每日|每周)?统计|(?:주간|월간|일일)?\s*통계|"
                           # hi "इस महीने का Result:", "पिछले हफ्ते के नतीजे", hi-Latn "is mahine ka result" (this month's, last
                           # week's, today's result)
                           r"(?:इस|पिछले|आज|कल)\s+(?:(?:महीने|हफ्ते|हफ़्ते|सप्ताह|दिन)\s+)?(?:का|के)\s+(?:results?|रिजल्ट|परिणाम|नतीजे)|"
                           r"(?:is|pichhle|pichle|aaj|kal)\s+(?:(?:mahine|mahina|hafte|week|month|din)\s+)?(?:ka|ke)\s+(?:results?|report)|"
                           r"resumen|resumo|r[ée]sum[ée]|итоги|sonu[çc]lar|r[üu]ckblick|riepilogo|podsumowanie|t[ổo]ng\s+k[ếe]t|"
                           # (session 26, threads26) ("Yesterday's thread — final tally:", "VIP | Tally of the day")
                           r"(?:final\s+|closing\s+|day'?s\s+|daily\s+)?(?:tally|scorecard|scoreboard)(?:\s+of\s+the\s+(?:day|week|thread))?|"
                           r"rekap|ملخص|خلاصه|总结|回顾|まとめ|결산|요약|підсум(?:ок|к\w*)|"
                           # fa "نتایج هفته گذشته" (last week's results), "گزارش هفتگی"; ar "نتائج الأسبوع", "نتائج اليوم"
                           r"نتا[یي]ج\s+(?:\S+\s+)?(?:هفته|ماه|امروز|دیروز|روز|الأسبوع|الاسبوع|اليوم|الشهر|أمس|امس)|"
                           r"گزارش\s+(?:هفتگی|ماهانه|روزانه|عملکرد)|"
                           # "昨日の結果📊 / #ARB +22% ✅ / …", "今日战绩", "어제 결과", "Kết quả hôm qua", "Resultados de hoy"
                           r"(?:昨日|今日|本日|今周|先周|今月|先月|昨天|今天|本周|上周|本月|上月)の?(?:结果|成绩|战绩)|"
                           r"(?:어제|오늘|이번\s*주|지난\s*주|이번\s*달|지난\s*달)\s*(?:의\s*)?결과|k[ếe]t\s+qu[ảa]\s+(?:h[ôo]m\s+(?:qua|nay)|tu[ầa]n|th[áa]ng)|"
                           r"(?:resultados?|r[ée]sultats|ergebnisse|risultati|wyniki|результаты|hasil)\s+(?:de\s+(?:hoy|ayer|la\s+semana|hoje|ontem)|"
                           r"d[ao]\s+(?:semana|dia|m[êe]s)|del\s+(?:d[íi]a|mes)|"
                           r"d'hier|du\s+jour|de\s+la\s+semaine|von\s+gestern|der\s+woche|di\s+ieri|della\s+settimana|z\s+wczoraj|"
                           r"за\s+(?:вчера|сегодня|неделю)|kemarin|hari\s+ini|minggu\s+ini))"
                           r"(?!\w)", re.IGNORECASE)
# ("Wrap for today: nice work on BTC …", "Daily wrap-up", "EOD wrap", "That's a wrap for the week"): the day's close-out
# talk heading the post, looking back over the calls
# ("APEX daily wrap 🐋", "[ORCA] EOD wrap-up": the channel's name before it, as over a recap)
# (on the post's first line, or its second under a relay's line: "🔁 Whale Room → VIP relay / 🐋 APEX daily wrap")
DAY_WRAP_HEAD_RE = re.compile(r"^(?:[^\n]*\n)?\W*(?:wrap(?:[\s-]*up)?\s+for\s+(?:today|tonight|the\s+(?:day|week|session))|"
                              r"(?:[a-z][\w.-]*\]?\s*[|:•·]?\s+){0,2}?"
                              r"(?:daily|weekly|end[\s-]of[\s-](?:the[\s-])?day|eod)\s+wrap(?:[\s-]*up)?|that'?s\s+a\s+wrap)(?!\w)",
                              re.IGNORECASE)
# A count of the channel's calls ("41 calls", "41 sinyal", "41 kèo", "41개 시그널", "41 сигнал"), and a count of calls or of
# targets hit ("33 target hit", "33 kena TP", "33 alvos"): together, a tally of the channel's results
_TALLY_CALLS = (r"calls?|signals?|sinyal\w*|sinais|se[ñn]ales|segnali|signaux|signale|сигнал\w*|k[èe]o|t[íi]n\s+hi[ệe]u|"
                r"시그널|콜|कॉल|コール|توصي\w*")
CALL_TALLY_RE = re.compile(rf"(?<![\w.,])\d{{1,4}}\s*(?:개\s*|条\s*|个\s*)?(?:{_TALLY_CALLS})(?!\w)")
TALLY_COUNT_RE = re.compile(rf"(?<![\w.,])\d{{1,4}}\s*(?:개\s*|条\s*|个\s*)?(?:{_TALLY_CALLS}|targets?|tps?|alvos?|objetivos?|"
                            r"hedef\w*|цел\w*|목표|टारगेट|wins?|winners?|kena)(?!\w)")
RECAP_RE = re.compile(r"(?<!\w)(?:recap|summary|results?\s+of|(?:daily|weekly|monthly)\s+results?)(?!\w)",
                      re.IGNORECASE)
GAIN_PCT_RE = re.compile(r"\+\s?\d+(?:[.,]\d+)?\s?%")

# An entry that waits for a market event ("BTC long if 70k breaks", "long only once we reclaim 3500", "если
# пробьём 70к — лонг"): the bot cannot check the condition, so the setup is kept but never traded as written.
CONDITIONAL_ENTRY_RE = re.compile(
    # tl "Kung mag-break at mag-close sa taas ng 178", "Kapag nag-close ang 4h …", ro "Dacă închide peste 178", cs "Pokud se
    # uzavře nad 178", "Jestli prorazí 178", hu "Ha a 4h gyertya 178 felett zár", "Ha áttöri a 178-at": the entry waits
    # for a break or a close
    r"(?<!\w)(?:kung|kapag)\s+(?:\S+\s+){0,5}?(?:mag-?|nag-?)(?:break|close|hold|reclaim|breakout|breakdown|flip|retest|"
    r"confirm)\w*|(?<!\w)(?:kung|kapag)\s+(?:\S+\s+){0,3}?(?:bumaba|tumaas|lumampas|bumagsak)(?!\w)|"
    r"(?<!\w)dac[ăa]\s+(?:\S+\s+){0,5}?(?:[îi]nchide|sparge|rupe|dep[ăa][șş]e[șş]te|cade\s+sub)(?!\w)|"
    # (session 25, bots25) hi-Latn "entry tabhi lena jab 4H candle 0.620 ke upar close kare", "agar 1.20 break ho to long",
    # hi "जब 4H कैंडल 0.620 के ऊपर क्लोज़ करे" (when / if the candle closes above, breaks): the entry waits for a close
    r"(?<!\w)(?:jab|agar)\s+(?:\S+\s+){0,6}?(?:close|break|breakout|reclaim|hold|cross)\s+(?:kare|karega|karegi|kar\s+de|"
    r"kar\s+le|ho|hoga|hogi|hota|hua|hue|karta|karti)(?!\w)|(?<!\w)ke\s+(?:upar|uper|oopar|neeche|niche|nichay)\s+"
    r"(?:close|break|hold|sustain)(?!\w)|(?:जब|अगर)\s+(?:\S+\s+){0,6}?(?:क्लोज़?|ब्रेक)|के\s+(?:ऊपर|नीचे)\s+(?:क्लोज़?|ब्रेक)|"
    r"(?<!\w)(?:pokud|jestli|jestliže|když|ak)\s+(?:\S+\s+){0,5}?(?:uzav[řr]e|zav[řr]e|prorazí|prorazi|prelomí|prelomi|uzavrie|zavrie|prerazí)(?!\w)|"
    r"(?<!\w)ha\s+(?:\S+\s+){0,5}?(?:z[áa]r|[áa]tt[öo]ri|[áa]tt[öo]r|z[áa]r[óo]dik)(?!\w)|"
    # (session 27, heldout27: pl "jeśli świeca 4h zamknie nad 145", pt "se o candle de 4h fechar acima de 145", it "se la
    # 4h chiude sopra", nl "als de 4H sluit boven", fr "quand la bougie clôture au-dessus")
    r"(?<!\w)(?:if|once|when|after|unless|если|когда|якщо|коли|eğer|si|wenn|falls|jika|kalau|nếu|اگر|إذا|اذا|"
    r"je[śs]li|je[żz]eli|gdy|kiedy|se|quando|als|sobald|quand)\s+"
    r"(?:\S+\s+){0,5}?(?:breaks?|broke|breaking|breakouts?|reclaims?|reclaimed|flips?|retests?|closes?|closed|"
    r"zamknie|zamkną|przebije|przebiją|fechar|fecharem|romper|chiude|chiuderà|sluit|breekt|cl[ôo]ture|casse|"
    r"confirms?|confirmed|holds?|loses?|lost|rejects?|rejected|пробь\w*|пробьет|пробьём|закрепит\w*|закроется|закроются|закроет|закриється|закриються|закріпит\w*|проб'?є|проб'?ють|kırar\w*|kırıl\w*|rompe\w*|"
    r"bricht|durchbricht|casse|tembus|phá|بشکند|كسر|كسرت|اخترق|اخترقت|يخترق|تخترق|dumps?|dumped|drops?|dips?|falls?|pumps?|"
    r"cierra|cierran|supera|superan|schlie(?:ß|ss)t|"
    r"goes\s+(?:down|up|lower|higher|below|above|under|over))(?!\w)|"
    # "LONG only on breakout of 185", "once above 185", "on close above 185", "Breakout entry: 185", "после пробоя",
    # "185 kırılırsa", "se romper 185", "falls 185 gebrochen wird", "SHORT once below 175", "on breakdown 175"
    r"(?<!\w)(?:on\s+(?:a\s+|the\s+)?break(?:out|down)?|only\s+on\s+(?:a\s+)?break\w*|once\s+(?:above|below|over|under)|"
    r"(?:on|upon|after)\s+(?:a\s+|the\s+)?(?:\w+\s+){0,2}close\s+(?:above|below|over|under)|break\s+and\s+close|"
    r"confirmation\s+needed|breakout\s+entry|buy\s+the\s+break(?:out)?|entry\s*:?\s*break\s+of|\(\s*breakout\s*\)|"
    r"(?:(?<=\.\d\s)|(?<=\.\d\d\s)|(?<=\d\d\d\s))после\s+пробоя|при\s+пробое|kır[ıi]l[ıi]rsa|k[ıi]r[ıi]l[ıi]rsa|se\s+romper|se\s+perder|si\s+rompe|gebrochen\s+wird|"
    r"alt[ıi]\s+kapan[ıi][şs]|[üu]st[üu]\s+kapan[ıi][şs]|на\s+пробой|on\s+(?:a\s+|the\s+)?reclaim|reclaim\s+of|"
    r"on\s+(?:a\s+|the\s+)?(?:\w+\s+){0,2}candle\s+close)(?!\w)|(?<=\d\s)вниз|"
    # a close or a hold beyond a level in other languages ("вход только после закрепления выше", "3450 üzerinde 4S
    # kapanış gelirse", "erst nach 4H-Schluss über", "khi nến 4H đóng trên", "站稳3450后再进")
    r"(?<!\w)(?:(?:после|при)\s+закреплени\w*|закреп\w*\s+(?:выше|ниже)|только\s+после|"
    # (session 25, money25) ru "заходим только если 4ч свеча закроется выше", uk "лише якщо / тільки якщо / тільки після
    # закріплення вище": the entry waits for a condition
    r"только\s+если|(?:лише|тільки)\s+(?:якщо|після|коли)|(?:після|при)\s+закріпленн\w*|"
    r"(?:[üu]zerinde|[üu]st[üu]nde|alt[ıi]nda)\s+(?:\w+\s+){0,2}?kapan[ıi][şs]|kapan[ıi][şs]\s+(?:gelirse|olursa|yaparsa)|"
    r"erst\s+(?:nach|wenn|bei)|\w*schluss(?:kurs)?\s+(?:[üu]ber|unter|oberhalb|unterhalb)|"
    r"n[ếe]n\s+(?:\S+\s+){0,2}?[đd][óo]ng\s+(?:c[ửu]a\s+)?(?:tr[êe]n|d[ưu][ớo]i)|"
    r"s[óo]lo\s+si|s[óo]\s+se|"
    # (session 26, asia26) ms/id "hanya jika candle 4j tutup bawah 0.92", "cuma kalau", "hanya selepas"; "jika lilin 1h ditutup
    # di atas 3.40"; vi "chỉ khi"; hi-Latn "sirf agar / sirf tab jab", hi "सिर्फ तभी जब", "केवल अगर" (only if / only after)
    r"(?:hanya|cuma|cuman|sahaja|hanyalah)\s+(?:jika|kalau|apabila|bila|selepas|setelah|sesudah)|"
    r"(?:jika|kalau|apabila|bila)\s+(?:\S+\s+){0,3}?(?:candle|lilin)\s+(?:\S+\s+){0,2}?(?:tutup|ditutup|menutup)\s+"
    r"(?:di\s+)?(?:bawah|atas)|ch[ỉi]\s+(?:v[àa]o\s+)?khi|(?:sirf|keval|bas)\s+(?:agar|tab\s+jab|tabhi\s+jab)|"
    r"(?:सिर्फ|केवल)\s+(?:तभी|अगर|जब)|"
    # it "entriamo solo se la 4h chiude sotto", fr "seulement si la bougie clôture", pl "tylko jeśli świeca zamknie",
    # el "μόνο αν κλείσει" (only if); a candle's close beyond a level: it "chiude sotto / chiusura sopra", fr "clôture
    # au-dessus", pl "zamknięcie poniżej"
    r"(?:solo|soltanto|solamente)\s+se|(?:seulement|uniquement)\s+si|tylko\s+(?:je[śs]li|je[żz]eli|gdy|po)|μόνο\s+(?:αν|εάν|όταν)|"
    r"(?:chiude|chiudono|chiusura)\s+(?:\w+\s+)?(?:sotto|sopra)|cl[ôo]ture\w*\s+(?:au[\s-]dessus|en[\s-]dessous|sous)|"
    r"zamkni\w*\s+(?:si[ęe]\s+)?(?:powy[żz]ej|poni[żz]ej))(?!\w)|站稳[^\n，,。]{0,12}?(?:后|再)|(?:突破|跌破|站上)[^\n，,。]{0,12}?后再|"
    # "Wait for a retest of 150 before buying": the entry waits for a move the bot cannot watch
    r"(?<!\w)wait\s+for\s+(?:a\s+|the\s+)?(?:retest|pullback|dip|breakout|break|confirmation|reclaim|bounce)(?!\w)|"
    # (session 26, hard26) "Wait for a 1H close back above 0.1480 — then enter", "waiting for the daily candle to close
    # under 24.8", es "esperar el cierre (de 4H) por encima", pt "aguardar o fechamento acima", fr "attendre la clôture",
    # it "aspettiamo la chiusura sopra", ru "дождитесь закрытия выше", "ждём закрепления", tr "4S kapanışı bekleyin", id
    # "tunggu candle close di atas": the entry waits for a candle's close beyond a level
    r"(?<!\w)wait(?:ing)?\s+for\s+(?:an?\s+|the\s+)?(?:\S+\s+){0,3}?(?:close|closure|closing)\s+(?:back\s+)?(?:above|below|"
    r"under|over|beyond|inside|outside)(?!\w)|(?<!\w)wait(?:ing)?\s+for\s+(?:an?\s+|the\s+)?(?:\S+\s+){0,2}?candle\s+to\s+close(?!\w)|"
    r"(?<!\w)(?:esperar|esperamos|esperen|espera|aguard\w*)\s+(?:(?:el|al|un|o|um|a)\s+)?(?:cierre|fechamento|fecho)(?!\w)|"
    r"(?<!\w)attend(?:re|ons|ez)\s+(?:la\s+|une\s+)?cl[ôo]ture(?!\w)|(?<!\w)(?:aspett\w*|attendiamo)\s+(?:la\s+|una\s+)?chiusura(?!\w)|"
    r"(?<!\w)(?:дождитесь|дожд[её]мся|жд[её]м|ждите|ждать)\s+(?:\S+\s+)?(?:закрыти\w*|закреплени\w*)|"
    r"(?<!\w)kapan[ıi][şs][ıi]?n?[ıi]?\s+bekle\w*|(?<!\w)tunggu\s+(?:\S+\s+){0,2}?(?:close|penutupan)(?!\w)|"
    # (session 26, hard26) "daily close under 0.3650 first, then entries 0.3620 / …", "a break of 1.20 first and then we
    # buy": a market event first, the entries after it
    r"(?<!\w)(?:close[sd]?|closing|break(?:s|out|down)?|reclaim\w*|flip\w*|sweep\w*)\s+(?:[^\n.!?]|\.(?=\d)){0,40}?(?<!\w)first"
    r"\W{1,4}(?:and\s+|&\s+)?then\s+(?:we\s+)?(?:enter\w*|entr(?:y|ies)|buy\w*|sell\w*|long|short|place|bids?|orders?)(?!\w)|"
    # es "primero el cierre bajo 0.365, luego entradas", pt "primeiro o fechamento abaixo …, depois entrada", fr "d'abord
    # une clôture sous …, puis entrée", it "prima la chiusura sotto …, poi ingresso", ru "сначала закрытие ниже …, потом
    # вход", tr "önce … kapanış, sonra giriş"
    r"(?<!\w)(?:primero|primeiro|d['’]abord|сначала|prima|[öo]nce)\s+(?:[^\n.!?]|\.(?=\d)){0,40}?(?:cierre|fechamento|"
    r"cl[ôo]ture|закрыти\w*|закреплени\w*|пробо\w*|chiusura|kapan[ıi][şs]\w*|ruptura|cassure|rottura)(?:[^\n.!?]|\.(?=\d)){0,40}?"
    r"(?<!\w)(?:luego|despu[ée]s|depois|ent[ãa]o|puis|ensuite|потом|затем|poi|sonra)\s+(?:\S+\s+)?(?:entrad\w*|entramos|"
    r"entrar|entr[ée]e\w*|вход\w*|заход\w*|entrat\w*|ingress\w*|entriamo|giri[şs]\w*|compra\w*|vend\w*|achat|vente)(?!\w)|"
    # "ETHUSDT @ 3400 — wait for 3350 to long": the entry waits for a price the post names after the price now
    r"(?<!\w)wait\s+for\s+\$?\d[\d.,]*\s*k?\s+(?:to|and|then|before)\s+(?:long|short|buy|sell|enter|go)(?!\w)|"
    # ("Watching for a short on #ETH below 2.1k", "LONG setup - trigger: 4H close above 145", "Long (after confirmation)",
    # "entry soon", "Entry if we get a sweep of 28.5", "Possible Short Trade", "Short scenario"): an entry for later
    # ("Long scenario in play" is the scenario running)
    r"(?<!\w)(?:(?:watching|looking)\s+for\s+(?:a\s+|the\s+)?(?:long|short)\s+(?:on\s+\S+\s+)?(?:below|above|under|over)|"
    r"(?:long|short|buy|sell|entry|enter)\W{0,3}(?:only\s+)?(?:after|on|upon)\s+confirmation|"
    r"trigger\s*:\s*(?:\S+\s+){0,2}?(?:close[sd]?|break\w*|reclaim\w*|candle|above|below)|entry\s+soon(?!\s+reached)|entry\s+if\s+(?:we|it|price)|possible\s+(?:long|short)|"
    r"(?:long|short)\s+scenario(?!\s+(?:is\s+)?(?:active|activated|triggered|confirmed|playing|in\s+play|live))|"
    # es "posible long", tr "olası long", ru "возможен лонг", id "kemungkinan long"
    r"posible\s+(?:long|short)|olas[ıi]\s+(?:long|short)|возмож\w+\s+(?:лонг|шорт|long|short)|kemungkinan\s+(?:long|short)|"
    # pt "possível long", it "possibile long", de "möglicher Long", vi "có thể long", id "mungkin long", "potential /
    # probable long", fr "long possible" (after the side; "hold as long as possible" is no side), pl "możliwy long", nl
    # "mogelijke long"
    r"(?:poss[íi]vel|possibile|m[öo]glich\w*|c[óo]\s+th[ểe]|mungkin|potential|probable|mo[żz]liw\w*|mogelijke?)\s+(?:long|short)|"
    r"(?<!as\s)(?:long|short)\s+(?:possible|poss[íi]vel|possibile|m[öo]glich|probable))(?!\w)|"
    # ar "لونج محتمل", zh "可能做多", ko "롱 가능성"
    r"(?:لونج|شورت)\s+محتمل|(?:可能|潜在)做[多空]|(?:롱|숏)\s*가능성|"
    # (session 26, asia26) only if / only in that case, zh "仅当", "只有(当|在)…才", ja "…場合のみ", ko "…경우에만", th
    # "ก็ต่อเมื่อ", "เฉพาะเมื่อ"
    r"仅当|只有(?:当|在)[^\n。]{0,24}?才|(?:场合|とき|时)のみ|(?:경우|때)에만|ก็ต่อเมื่อ|เฉพาะเมื่อ|"
    # "Entry condition: 1H close above 3.40", "شرط الدخول: ..."
    r"(?<!\w)(?:(?:entry|buy|sell)\s+conditions?|شرط\s+(?:ال)?دخول|شرط\s+ورود|условие\s+входа|giri[şs]\s+[şs]art[ıi]|"
    r"condici[óo]n\s+de\s+entrada|condi[çc][ãa]o\s+de\s+entrada|einstiegsbedingung|condition\s+d'entr[ée]e)(?!\w)|"
    # (session 24) a card's own condition row ("Condition: BTC must hold above 100k on the daily close", "Условие: …",
    # "Condición: …", "Koşul: …", "条件：…") and a level that must hold ("BTC must hold above 100k", "has to close above")
    r"(?:^|(?<=\n))[^\w\n]*(?:conditions?|условие|condici[óo]n|condi[çc][ãa]o|bedingung|ko[şs]ul|条件|đi[ềe]u\s+ki[ệe]n|syarat|"
    r"warunek|condizione)[ \t]*[:=][ \t]*[^\W\d]|"
    r"(?<!\w)(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:hold|close|stay|remain|reclaim)\s+(?:\w+\s+)?(?:above|below|over|under)(?!\w)",
    re.IGNORECASE)

# Session 23 (warn23): an entry that waits for something the bot cannot read — an indicator ("when RSI < 30", "if MACD
# crosses"), funding, volume, dominance, open interest, a news event ("wait for the FOMC news first", "after CPI"), a
# retest or a support confirmed with no price ("on a retest", "after BTC confirms support"): the card is kept, held.
# ("Entry on retest of 0.52" names the price it waits at — that price is the entry, traded as written.)
_COND_WORD = (r"(?:if|when|once|after|until|unless|wait(?:ing)?\s+for|only\s+on|если|когда|после|пока|дождитесь|ждём|ждем|"
              r"si|cuando|despu[ée]s\s+de|espera(?:r|mos)?|se|quando|caso|depois\s+d[eoa]|ap[óo]s|aguard\w*|eğer|sonra|bekle\w*|"
              r"wenn|falls|sobald|nach|warte\w*|quand|apr[èe]s|une\s+fois|attend\w*|jika|kalau|setelah|tunggu|n[ếe]u|khi|sau\s+khi|"
              r"ch[ờo]|[đd][ợo]i|إذا|اذا|عندما|بعد|انتظر\w*|اگر|وقتی|بعد\s+از)")
_UNCHECKED = (r"(?:rsi|macd|stoch\w*|ema\s*\d*\s+cross\w*|golden\s+cross|death\s+cross|funding(?:\s+rates?)?|volume|vol|"
              r"open\s+interest|oi|dominance|btc\.?d|usdt\.?d|fear\s*(?:&|and)\s*greed|sentiment|news|fomc|cpi|nfp|ppi|fed|"
              r"powell|rate\s+decision|announcement|listing|halving|etf\s+(?:news|decision|approval)|"
              r"фандинг\w*|объ[её]м\w*|доминац\w*|новост\w*|financiaci[óo]n|volumen|dominancia|noticias?|not[íi]cias?|"
              r"domin[âa]ncia|fonlama|hacim|haber\w*|finanzierung|volumen|nachrichten|news|nouvelles?|annonce|berita|tin\s+t[ứu]c|"
              r"kh[ốo]i\s+l[ưu][ợo]ng|أخبار|الأخبار|حجم|فاندینگ|اخبار)")
UNCHECKED_CONDITION_RE = re.compile(
    rf"(?<!\w){_COND_WORD}\s+(?:the\s+|a\s+|le\s+|la\s+|les\s+|el\s+|o\s+|a\s+|die\s+|das\s+|der\s+|\d+\s*[hdwm]\s+|"
    rf"(?:\w+\s+){{0,2}}?)?{_UNCHECKED}(?!\w)|"
    # ("Only enter … on a retest", "enter after a retest", "long on the confirmation") with no price after it ("I'd rather
    # get filled on a pullback" under limit bids is those bids; "Entry on retest of 0.52" names its price)
    r"(?<!\w)(?:only\s+(?:[^.!?\n]|\.(?=\d)){0,80}?|(?:enter|entry|buy|long|short)\s+(?:only\s+)?)(?<!filled\s)(?:on|after|upon)\s+(?:a|the)\s+"
    r"(?:retest|pull\s*back|bounce|confirmation)(?!\s*(?:of|at|to|near|around|@|:)?\s*\$?\d)(?!\w)|"
    # (a support or a level confirmed by the market, of the coin or of another: "after BTC confirms support", "once
    # support holds", "si el soporte aguanta")
    r"(?<!\w)(?:confirms?|confirmed|holds?|flips?|reclaims?)\s+(?:the\s+)?(?:support|resistance|level|zone|trend)(?!\w)|"
    r"(?<!\w)(?:support|resistance)\s+(?:holds|is\s+confirmed|confirms)(?!\w)|"
    r"confirm\w*\s+(?:el\s+|o\s+|le\s+)?(?:soporte|suporte|support)|подтверд\w*\s+поддержк\w*|"
    # zh "等RSI", "等消息", ja "ニュース待ち"
    r"等(?:待)?(?:RSI|rsi|消息|新闻|数据|确认|回踩)|(?:RSI|rsi)\s*(?:<|>|低于|高于)|ニュース(?:待ち|の后)|"
    # tr "RSI 30'un altına düşünce", "fonlama negatife dönerse"; zh "资金费率转负后再进", "成交量放大时"; ko "RSI 30 이하일 때",
    # "펀딩비가 음수가 되면"; ja "RSIが30を下回ったら", "出来高が増えたら"
    r"(?<!\w)(?:rsi|fonlama|hacim|haber\w*)\s+(?:\S+\s+){0,4}?(?:d[üu][şs][üu]nce|[çc][ıi]k[ıi]nca|ge[çc]ince|d[öo]n[üu]nce|olunca|"
    r"gelince|d[üu][şs]erse|[çc][ıi]karsa|ge[çc]erse|d[öo]nerse|olursa|gelirse|a[çc][ıi]kland[ıi]ktan\s+sonra)(?!\w)|"
    r"(?:资金费率|成交量|RSI|rsi|消息|新闻)[^\n，,。]{0,12}?(?:时|之?后)再?(?:进|入|做|开|买)?|"
    r"(?:RSI|rsi|펀딩비?|거래량|뉴스)[^\n]{0,15}?(?:일\s*때|될\s*때|되면|이면|후에?)|"
    r"(?:RSI|rsi|资金调达率|出来高|ニュース)[^\n]{0,15}?(?:たら|の后)",
    re.IGNORECASE)


# A post that restates or adjusts the levels of a trade already running ("Entry update #SOL ...", "targets and stop
# unchanged"): an update of that trade, never a new open.
RESTATE_RE = re.compile(
    rf"{_B}(?:(?:entry|signal|trade|position|setup|levels?)\s+update|^\W*edit(?:ed)?(?=\s*[:#—-])|\(edited\)|(?<!market\s)(?<!daily\s)(?<!weekly\s)(?<!news\s)"
    # (session 27, money27: "Fresh call, not an update 👇 / #OP SHORT …" — the word negated)
    r"(?<!not\san\s)(?<!not\s)(?<!n't\san\s)(?<!no\s)update(?:\s*(?::|on|for)|(?=\s*#))|updated\s+(?:entry|levels?)|"
    r"(?:entry|levels?)\s+(?:adjusted|changed|updated)|unchanged|same\s+as\s+before|"
    # ("Re-entering #LINK same levels as Tuesday"): the levels of a call already given ("same stop" alone may be a card's
    # plan for its rungs: "if only the 1st fills that's fine, same stop")
    r"same\s+levels?(?!\w)|same\s+(?:tps?|targets?)\s*(?:/|and|&|\+)\s*(?:sl|stop)(?!\w)|"
    # ("Перевод для русскоязычных — утренний сигнал по #XRP", "Translation of this morning's call", "Traducción de la señal
    # de ayer"): the channel's own earlier call translated — the same trade, no second open
    r"(?:translation|перевод|traducci[óo]n|tradu[çc][ãa]o|traduction|[üu]bersetzung|[çc]eviri|terjemahan)"
    r"[^\n]{0,50}?(?:morning'?s?|earlier|yesterday'?s?|above|previous|today'?s|утренн\w*|вчерашн\w*|предыдущ\w*|"
    r"de\s+(?:esta\s+ma[ñn]ana|ayer|hoy)|de\s+ontem|d'hier|de\s+ce\s+matin|von\s+heute|sabahki|d[üu]nk[üu])"
    r"[^\n]{0,20}?(?:signal|call|trade|сигнал\w*|se[ñn]al|sinal|segnale|sinyal)|"
    # ("Перевод для русскоязычных — это тот же сигнал, что выше", "Türkçe çeviri (yukarıdaki sinyalin aynısı, yeni işlem
    # değil)", "Versión en español ... es la MISMA operación"): a translation said to be the call above, the same one,
    # or no new trade
    r"(?:translation|translated|перевод|traducci[óo]n|traducid[oa]|tradu[çc][ãa]o|traduction|[üu]bersetzung|[çc]eviri|"
    r"terjemahan|versi[óo]n\s+en|versione\s+in|vers[ãa]o\s+em|b[ảa]n\s+d[ịi]ch|翻译|번역)[^\n]{0,80}?"
    r"(?:above|выше|yukar[ıi]daki|arriba|acima|oben|ci-dessus|sopra|di\s+atas|[ởo]\s+tr[êe]n|上面|上方|위의|"
    r"same|тот\s+же|ayn[ıi]s[ıi]|mism[ao]|mesm[ao]|gleiche|m[êe]me|stess[ao]|sama|"
    r"not\s+a\s+new|no\s+new|не\s+нов\w*|повторно|yeni\s+(?:i[şs]lem|sinyal)\s+de[ğg]il|no\s+(?:es\s+)?(?:una\s+)?nueva|"
    r"n[ãa]o\s+(?:[ée]\s+)?(?:um\s+)?nov[oa]|kein\s+neue|pas\s+(?:un\s+)?nouve|bukan\s+(?:sinyal\s+)?baru)|"
    # "BTCUSDT @ 67,250 (was 65,000 at call)": the price now beside the price when the trade was called — its status
    r"(?:was|from)\s+\$?\d[\d.,]*\s*k?\s+(?:at|on)\s+(?:the\s+|our\s+)?(?:call|signal|entry)(?!\w)|called\s+at\s+\$?\d[\d.,]*|"
    # "Correction #TIA — entry is ...", "re-entry zone moved to ...", "TPs and SL stay as posted / remain"
    r"(?<!market\s)correction(?=\s*(?:[:#—–-]|to\s|on\s|for\s))|corrected\s+(?:entry|levels?|signal|post|targets?)|"
    r"(?:small\s+|quick\s+)?edit\s+(?:on|for|to)\s+#|(?:stays?|remains?)\s+the\s+same|keep\s+the\s+same|"
    r"entry\s+(?:lowered|raised|moved|shifted)|(?:change|changing|move|moving|shift|adjust)\s+(?:the\s+|our\s+)?entry\s+(?:price\s+)?to(?!\w)|new\s+entry\s+(?:range|zone)(?=[^\n]*unchanged)|"
    r"остальное\s+(?:как\s+было|без\s+изменений|прежнее)|вход\s+(?:сдвинули|перенесли|изменили)|"
    r"di[ğg]er\s+(?:\w+\s+)?ayn[ıi]|lo\s+dem[áa]s\s+igual|le\s+reste\s+(?:ne\s+change\s+pas|inchang\w*)|"
    r"cambio\s+de\s+entrada|(?:tps?|targets?|sl|stop|levels?)\s+(?:and\s+\w+\s+)?as\s+before|de[ğg]i[şs]medi|"
    r"el\s+resto\s+igual|"
    # a correction or change of a call already out ("Entry change for #SUI: 3.30-3.35 instead of 3.40", "Поправка по #NEAR:
    # вход 2.55-2.58 (а не 2.62)", "Entry refresh on #LINK", "Targets/SL same", "Alvos e stop mantidos")
    r"(?:entry|levels?|targets?|stop|sl|tp)\s+(?:change|refresh|fix|tweak|revision|adjustment)|entry\s+updated|instead\s+of(?=\s+\$?\d)(?!\s+\$?\d[\d.,]*\s*%)|"
    r"(?:everything|all)\s+else\s+as\s+(?:in|before|posted)|(?:as\s+in\s+the\s+)?original\s+post|"
    r"(?:targets?|tps?|sl|stop)(?:\s*(?:/|and|&|e|y|и|ve|und|et)\s*(?:targets?|tps?|sl|stop|alvos|objetivos))?\s+(?:same|unchanged|untouched|as\s+is|mantid[oa]s|iguales)|"
    # (a share is no level: "half risk (0.5% instead of 1%)", "0,5 % statt 1 %" — the size of a new call, not a correction)
    r"(?:а\s+не|вместо|em\s+vez\s+de|en\s+(?:lugar|vez)\s+de|statt|au\s+lieu\s+de|invece\s+di|zamiast|thay\s+v[ìi])(?=\s+\$?\d)"
    r"(?!\s+\$?\d[\d.,]*\s*%)|"
    r"\d[\d.,]*\s*x?\s+yerine|"
    r"amended|amendment|\(earlier\s|updated\s+(?:signal|setup|trade|post|call)|\(updated\)|revisi|tetap|آپدیت|همان|"
    r"调整为|不变|"
    r"(?:targets?|tps?|sl|stop)\s+(?:and|&)\s+(?:targets?|tps?|sl|stop)\s+as\s+(?:posted|before)|"
    r"untouched|modified|revised|revision|corrected|\(not(?=\s+\$?\d)|changed\s+from|quick\s+fix|fix(?:ed)?\s+(?:on|for)(?=\s+#)|refresh(?:ed)?|"
    r"same\s+(?:trade|setup|signal|call)|new\s+levels|levels\s+(?:refreshed|renewed)|still\s+open|can\s+still\s+enter|"
    # the verb "to update" by its stem, in the languages whose nouns are listed below
    r"обнов\w*|оновл\w*|g[üu]ncell\w*|actualiz\w*|atualiz\w*|aktualisier\w*|aggiorn\w*|zaktualiz\w*|aktualizuj\w*|"
    r"perbarui|diperbarui|更新|업데이트|アップデート|previously\s+\$?\d[\d.,]*|अपडेट|"
    # "UPDATE ENTRY #SOL", "(sebelumnya 163)", "(ранее 163)", "(antes 163)": the old level beside the new one
    r"update[ds]?\s+(?:entry|entries|levels?|targets?|stop)|replac\w*\s+(?:the\s+)?(?:old|previous|earlier)|"
    # ("Changed entry for #ETH SHORT: 3520 (was 3500)": the entry of a call already out, moved)
    r"(?:changed|moved|adjusted|lowered|raised)\s+(?:the\s+|our\s+)?entry(?!\w)|"
    # ("If you missed it, you can still get in at 3420-3430", "ещё можно войти", "todavía puedes entrar"): a call
    # already out, still open to latecomers — its levels restated, not a second call
    r"(?:can|could)\s+still\s+(?:get\s+in|jump\s+in|join|buy\s+in)(?!\w)|still\s+time\s+to\s+(?:enter|get\s+in|join)|"
    r"(?:ещё|еще)\s+можно\s+(?:войти|зайти|заходить|входить)|(?:todav[íi]a|a[úu]n)\s+(?:puedes|pueden|se\s+puede)\s+entrar|"
    r"ainda\s+(?:d[áa]\s+(?:para|pra)|pode[sm]?)\s+entrar|h[âa]l[âa]\s+girebilir\w*|noch\s+einsteigen|还(?:可以|能)(?:进场|上车|入场)|"
    r"\((?:was|sebelumnya|sblm|dulu|ранее|было|раньше|önceden|önceki|eskiden|antes|anteriormente|vorher|zuvor|avant|"
    r"pr[ée]c[ée]demment|prima|wcze[śs]niej|tr[ưu][ớo]c\s+[đd][óo]|قبلا|سابقا|之前|原来|以前|이전|以前は)[\s:]*\$?\d[\d.,]*|"
    r"скорректир\w*|те\s+же|поправка|исправлени\w*|уточнение|"
    # (tr "bir düzeltme gelebilir", "düzeltme bekliyoruz": the market's pullback, no correction of a post)
    r"(?<!bir\s)d[üu]zeltme(?!\s+(?:gel\w*|bekl\w*|ya[şs]\w*|olabilir|olur|ba[şs]la\w*|hareketi\w*|ihtimal\w*|s[üu]rebilir)(?!\w))|"
    r"her\s+[şs]ey\s+ayn[ıi]|corrigi\w*|corre[çc][ãa]o|"
    r"mantid[oa]s|correcci[óo]n|corrig\w*|korrektur|korekta|تحديث|كما\s+هي|به[\u200c\s-]?روزرسانی|بدون\s+تغییر|اصلاح|thay\s+v[ìi]|"
    r"ralat|koreksi|"
    # ("Typo in last post, correct levels:", "Sorry, wrong entry above. Right one:", "Ошибся в прошлом посте", "上一条信号有误"):
    # the call before, corrected — the same trade
    # ("Wrong entries cost money" is advice, no correction)
    r"typo|my\s+mistake|mistake\s+in|wrong\s+(?:tps?|targets?|entry|stop|sl|levels?|coin|signal|post)(?!\w)(?!\s+(?:cost|can|will|are|is|kill|lose))|"
    r"(?:correct(?:ed)?|right)\s+(?:levels?|targets?|tps?|entry|entries|stop|sl|one|coin)(?=\s*(?:[:👇]|below|here|are|is))|"
    r"^\W*fixed\s+levels|"
    r"mistake\s+in\s+(?:the\s+)?(?:last|previous|earlier)|correct\s+(?:levels?|entry|one)(?=\s*[:👇])|ошиб\w*\s+в\s+(?:прошл|предыдущ)\w*|"
    r"error\s+en\s+(?:la|el)\s+(?:se[ñn]al|post|mensaje)\s+anterior|erro\s+n[oa]\s+(?:sinal|post)\s+anterior|有误|"
    # a reminder or re-post of a call already out ("Reminder: #APT long still valid", "Re-posting the setup")
    r"(?:tps?|targets?|sl|stop)\s+(?:remains?|stays?)(?!\w)|"
    # "仍然有效 ✅ #XRP 空单 ...", "sigue vigente", "masih valid": a reminder that a call already out still stands
    r"(?:from|since)\s+(?:yesterday|last\s+(?:night|week))(?!'|\w)|"
    r"status\s*:\s*(?:running|in\s+progress|active|open|live)|напомина\w*|لا\s+(?:يزال|تزال)\s+(?:ساري|صالح)\w*|"
    r"仍然有效|依然有效|仍有效|sigue\s+(?:vigente|v[áa]lid[oa])|contin[úu]a\s+v[áa]lid[oa]|ainda\s+v[áa]lid[oa]|masih\s+(?:valid|berlaku)|"
    r"v[ẫa]n\s+c[òo]n\s+hi[ệe]u\s+l[ựu]c|لا\s+تزال\s+صالح\w*|هنوز\s+معتبر|noch\s+g[üu]ltig|toujours\s+valable|ancora\s+valid[oa]|"
    r"nadal\s+aktualn\w*|여전히\s*유효|まだ有効|"
    # ("⚠️ Reminder: 1-3% risk only. No revenge trades." under a card: the house's rule on risk, no call re-posted)
    r"reminder(?![^\S\n]*[:：-]?[^\S\n]*(?:\d+(?:[.,]\d+)?(?:[^\S\n]*[-–~][^\S\n]*\d+(?:[.,]\d+)?)?[^\S\n]*%[^\S\n]*risk|risk|"
    r"use[^\S\n]+(?:a[^\S\n]+|your[^\S\n]+)?(?:stop|sl)|manage|money[^\S\n]+management|dyor|never|always|don'?t|do[^\S\n]+not|trade[^\S\n]+safe))|"
    # (session 27, day27: not another author's idea passed on — "📈 TV IDEA REPOST | by @fibwizard_77", "chart repost",
    # "reposted from TradingView": a fresh call to this channel, no call of its own shown again)
    r"(?<!idea\s)(?<!ideas\s)(?<!chart\s)(?<!tv\s)re[\s-]?post(?:ed|ing)?"
    # (from another author — a handle, taken out of the clean text, or a platform; not "reposting from this morning")
    r"(?!\s+(?:from[ \t]*(?:@|\n|$|[|:—–-]|(?:tradingview|tv|twitter|x|discord)(?!\w))|of\s+(?:an?\s+|this\s+)?(?:idea|chart|tradingview|tv)(?!\w)))|"
    r"still\s+(?:valid|active|in\s+play)|in\s+case\s+you\s+missed|icymi|"
    r"напоминани\w*|вс[её]\s+ещ[её]\s+(?:актуал\w*|в\s+силе)|ещ[её]\s+актуал\w*|hat[ıi]rlatma|h[âa]l[âa]\s+ge[çc]erli|"
    r"recordatorio|sigue\s+(?:vigente|v[áa]lid[oa]|activ[oa])|lembrete|ainda\s+(?:v[áa]lid[oa]|ativ[oa])|erinnerung|"
    r"noch\s+(?:g[üu]ltig|aktiv)|rappel|toujours\s+(?:valable|valide|actif)|promemoria|ancora\s+(?:valid[oa]|attiv[oa])|"
    r"przypomnienie|nadal\s+(?:aktualn\w*|wa[żz]n\w*)|"
    r"(?:rest|everything\s+else|all\s+else)\s+(?:of\s+the\s+(?:plan|setup|levels?|signal)\s+)?(?:stays?|remains?|is\s+unchanged)|"
    # ("🤦 forgot the entry on Call #113 — #APT entry 9.98 - 10.10, rest same", "forgot to add the SL: 4.12", "esqueci a
    # entrada", "olvidé el stop", "забыл указать вход"): a level the call already out left out, supplied — the same trade
    # (not the house's routine: "Risk 1%, rest same as usual", "everything else as always")
    r"(?:rest|everything\s+else|all\s+else)\s+(?:is\s+|stays?\s+|remains?\s+)?(?:the\s+)?(?:same|unchanged)(?!\w)"
    r"(?!\s+(?:as\s+(?:usual|always|ever|per\s+(?:our\s+)?rules)|like\s+always))|"
    r"(?<!\w)forgot\s+(?:to\s+(?:add|post|write|include|mention|put)\s+)?(?:the\s+)?(?:entry|entries|sl|stop(?:[\s-]*loss)?|"
    r"targets?|tps?|levels?|leverage)(?!\w)|esqueci\s+(?:de\s+(?:colocar|postar)\s+)?(?:a\s+|o\s+)?(?:entrada|stop|alvos?)|"
    r"olvid[ée]\s+(?:poner\s+)?(?:la\s+|el\s+|los\s+)?(?:entrada|stop|objetivos?)|забыл\w*\s+(?:указать\s+|добавить\s+)?(?:вход|стоп|цел\w+)|"
    r"se\s+mantienen|obnovil\w*|обновили|ajuste\s+en\s+#|"
    r"(?:entry|zone|levels?)\s+(?:\w+\s+){0,2}moved\s+to|stays?\s+as\s+(?:posted|before|is)|"
    r"(?:targets?|tps?|sl|stop|stops|levels?)\b[^\n]{0,40}?\b(?:remain|stay)s?(?:\s+(?:the\s+same|as\s+\w+))?[.!]?\s*$|"
    r"изменени\w*\s+по|прежние|прежним|без\s+перемен|ayn[ıi]\s+kal\w*|"
    r"inchang[ée]s?|bleiben\s+(?:gleich|unver[äa]ndert)|(?:ziele|stop)\s+(?:und\s+\w+\s+)?bleiben|"
    r"sem\s+altera[çc][õo]es|se\s+mantienen|invariati|bez\s+zmian|"
    r"обновление|без\s+изменений|оновлення|güncelleme|g[üu]ncellendi|actualizaci[óo]n|sin\s+cambios|atualiza[çc][ãa]o|"
    rf"aktualisierung|unver[äa]ndert|mise\s+[àa]\s+jour|aggiornamento|aktualizacja|c[ậa]p\s+nh[ậa]t){_E}",
    re.IGNORECASE,
)

# A setup reported as over in the same post ("#SOL long 150 tp 160 sl 145 cancelled ❌", "... Entry filled ✅"): a
# report about a call already out, never a fresh entry.
SETUP_OVER_RE = re.compile(
    r"(?<!\w)(?<!be\s)(?<!will\s)(?<!gets\s)(?<!get\s)(?:cancel+ed|invalidated|отмен[её]н\w*|iptal\s+edildi|cancelad[oa]|"
    r"annul[ée]e?|storniert|anulowan\w*|dibatalkan|[đd][ãa]\s+h[ủu]y)(?!\w)|"
    r"(?<!\w)(?:entry|entries|order|orders|position)\s+(?:\d\s+)?(?:\$?\d[\d.,]*\s+)?(?:is\s+|was\s+|got\s+|has\s+been\s+)?"
    r"(?:filled|activated|triggered|executed)(?!\w)|\((?:filled|triggered|activated|executed)\)|"
    r"(?<!\w)closed\s+(?:at|@)\s*\$?\d|(?<!\w)(?:position|trade)\s+(?:is\s+|was\s+)?closed(?!\w)|"
    # ko "진입 완료", "매수 체결", ja "エントリー完了", zh "已成交", "入场成功"
    r"(?:진입|매수|매도)\s*(?:완료|체결)|エントリー\s*(?:完了|约定)|(?:入场|进场|开仓)\s*(?:成功|完成)|已成交|"
    # ("#SOL LONG activated ✅", "#SOL LONG filled @180", "entered at 180 ✅", "Вошли в #SOL LONG по 180", "#SOL LONG girdik
    # 180", "Entramos en #SOL LONG a 180", "已入场", "sudah masuk", "đã vào lệnh", "تم الدخول"): the entry is reported as done
    r"(?<!\w)(?:long|short|buy|sell)\s+(?:activated|filled|triggered|executed)(?!\w)|"
    r"(?<!\w)(?:filled|entered|opened)\s+(?:at|@)\s*\$?\d|(?<!\w)(?:вошли|зашли)\s+в(?!\w)|(?<!\w)girdik(?!\w)|"
    r"(?<!\w)entramos\s+en(?!\w)|已入场|已进场|エントリー済み|(?<!\w)sudah\s+masuk(?!\w)|[đd][ãa]\s+v[àa]o\s+l[ệe]nh|"
    r"تم\s+الدخول", re.IGNORECASE)

# A post headed as a result or status card ("📊 RESULT #SOL LONG", "Trade update:", "Status #SOL"): ticks on its levels are
# progress of the running trade
# (also after the coin heading the card: "📊 #AVAX RESULT", "#SOL LONG — Result")
# ("🦅 #XRP/USDT LONG — 🎯 TP2 HIT / Entry … / TP1 … ✅ / TP2 … ✅ / SL … (moved to entry)"): a target reached heading the
# card it restates, the coin's pair before it — the running trade's progress too
# (the side written: "#AVAX/USDT Tp 2 ✅ done / Move stop to entry" is a target report with its stop moved, read below)
RESULT_CARD_RE = re.compile(r"^\W*[#$][A-Za-z0-9]{2,15}/[A-Za-z]{3,5}(?:\.p)?\W+(?:long|short)\W+"
                            r"(?:tp|target)\s*\d\s+(?:hit|reached|achieved)(?!\w)|"
                            r"^\W*(?:[#$][A-Za-z0-9]{2,15}(?:\.p)?\W+(?:(?:long|short)\W+)?)?"
                            r"(?:results?|status|progress|trade\s+update|signal\s+update|update|результат\w*|"
                            r"sonu[çc]|resultado|ergebnis|r[ée]sultat|risultato|hasil|k[ếe]t\s+qu[ảa]|نتیجه|نتيجة|结果|결과)"
                            r"(?!\w)", re.IGNORECASE)

# "✅ #INJ LONG closed in profit / Entry: 24.10 / Exit: 25.85": the coin and its side, then the word that it is over,
# heading a card that restates the levels
# ("❌ #BTC LONG cancelled / Entry … / TP … / SL …", "❌ #BTC 롱 취소 / 진입 …", "❌ #BTC LONG отменён / Вход …"): the call
# withdrawn, heading the card it restates
CLOSED_AFTER_COIN_HEAD_RE = re.compile(
    r"^\W*[#$][A-Za-z0-9]{2,15}(?:/[A-Za-z]{3,5})?(?:\.p)?\W+(?:(?:long|short|лонг|шорт|做多|做空|롱|숏|ロング|ショート)\W+)?"
    r"(?:(?:trade|position)\s+)?"
    r"(?:closed|stopped\s+out|закрыт\w*|kapand[ıi]|cerrad[oa]|fechad[oa]|geschlossen|ferm[ée]e?|chius[oa]|"
    r"zamkni[eę]t\w*|ditutup|cancel+ed|отмен[её]н\w*|скасован\w*|iptal(?:\s+edildi)?|cancelad[oa]|h[ủu]y|huỷ|storniert|"
    r"annul[ée]e?|annullat[oa]|dibatalkan|anulowan\w*|إلغاء|تم\s+(?:ال)?إلغاء|کنسل\s+شد|لغو\s+شد|रद्द|"
    r"取消|취소|キャンセル|ยกเลิก)(?!\w)(?![ \t]*\d{1,2}[ \t]*%)", re.IGNORECASE)

# "VIP results: 43 of 50 signals hit TP1": a channel's results headline, about no one trade
RESULTS_HEAD_RE = re.compile(r"^\W*(?:(?:vip|signal|our|weekly|monthly|daily|today'?s)\s+)?results?\s*[:—-]", re.IGNORECASE)

# A verb that opens a position ("open LONG on #SUI", "Открываем SHORT"): with a coin and a side, a call at market.
OPEN_VERB_RE = re.compile(
    rf"{_B}(?:(?<!london\s)(?<!\bny\s)(?<!york\s)(?<!\bus\s)(?<!asia\s)(?<!asian\s)(?<!tokyo\s)(?<!market\s)(?<!daily\s)(?<!weekly\s)(?<!monthly\s)(?<!session\s)(?<!\bcme\s)(?<!\bthe\s)open(?:ing|ed)?(?!\s+interest)|enter(?:ing)?|a[çc][ıi]ld[ıi]|a[çc]t[ıi]k|открыт[аоы]?|открыли|abiert[oa]|abert[oa]|er[öo]ffnet|ouvert[e]?|apert[oa]|dibuka|[đd][ãa]\s+m[ởo]|تم\s+فتح|فتحنا|باز\s+شد|已开仓|go(?=\s+(?:long|short)(?!\w))|abrindo|vamos\s+abrir|открываем|открыть|открываю|відкриваємо|a[çc][ıi]yoruz|abrimos|abrir|"
    rf"er[öo]ffnen|ouvrons|apriamo|otwieramy|m[ởo]\s+l[ệe]nh|v[àa]o\s+l[ệe]nh|فتح|افتح|نفتح|باز\s+کن\w*|"
    rf"шортим|лонгуем|заходим|входим|открыва\w*|girelim|giriyoruz|a[çc][ıi]yoruz|a[çc][ıi]yorum|entramos|entrons|entriamo|wchodzimy|masuk|buka|"
    rf"m[ởo](?=\s+(?:long|short)(?!\w))|(?<=long\s)(?:le\s+lo|lelo|le\s+lijiye)|(?<=short\s)(?:le\s+lo|lelo|kar\s+do|karo)|(?<=buy\s)(?:karo|kar\s+lo)|signal\s+type(?=\s*:\s*\w+\s*\(\s*(?:long|short|buy|sell)\s*\))|(?:going|switching\s+to|switch\s+to|flipping\s+to|flip\s+to)(?=\s+(?:long|short)(?!\w))){_E}",
    re.IGNORECASE,
)

# A post headed by a closed-trade word ("Closed: #SOL LONG / Entry 176.4 / Exit 183.9 / Profit +42%"): the report of a
# trade that ended, never a new one, whatever levels it restates.
CLOSED_HEAD_RE = re.compile(
    r"^\W*(?:closed|trade\s+closed|position\s+closed|stopped\s+out|cancel+ed|закрыт\w*|закрыли|kapand[ıi]|kapat[ıi]ld[ıi]|"
    r"cerrad[oa]|fechad[oa]|encerrad[oa]|geschlossen|ferm[ée]e?|cl[ôo]tur[ée]e?|chius[oa]|zamkni[eę]t\w*|đã\s+đóng|ditutup|"
    r"تم\s+(?:ال)?(?:إغلاق|اغلاق)|بسته\s+شد|已平仓|청산\s*완료|决済済み)(?!\w)"
    # ("@mike closed his #SOL early": with the member's handle read out, "closed his" is still someone else's)
    r"(?!\s+(?:his|her|their)(?!\w))", re.IGNORECASE)

# A trade already running, said so beside its restated levels ("Still holding our #NEAR long from 5.20 …", "#BTC long
# running +12% 🔥 entry …", "#ETH SHORT (running)", "We are in #AVAX long from 34.50 …", "Our #ARB short was triggered
# at 1.065", "Держим шорт #ETC от 26.15 …", "#TON лонг в работе", "空单继续持有", "işlem devam ediyor", "Vẫn đang giữ lệnh",
# "Seguimos en largo", "Ainda segurando o long"): the status of that trade — opening it again would double it
RUNNING_RE = re.compile(
    r"(?<!\w)(?:still\s+(?:holding|running|riding|in(?=\s+(?:the\s+|our\s+|this\s+|my\s+)?(?:trade|position|[#$]|long|short)))|"
    r"^\W*holding\s+(?:(?:our|my|the)\s+)?[#$]?[a-z0-9]+\s+(?:long|short)|"
    r"(?:long|short)\s*\(?\s*running|running\s*\)|(?:long|short|trade|position)\s+(?:is\s+)?running\s*[+-]?\s*\d|"
    # (not "I'm in #LINK long right now around 14.62": the entry made now, at the price written — a fresh call)
    r"(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:still\s+(?:in|holding)\s+(?:(?:our|my|the|this)\s+)?[#$][a-z0-9]+|"
    r"(?:in|holding)\s+(?:(?:our|my|the|this)\s+)?[#$][a-z0-9]+(?!\s+(?:long\s+|short\s+)?(?:right\s+)?now\s+(?:around|at|@|~|about)\s*\$?\d))|"
    r"^\W*(?:our|my|current)\s+(?:open\s+)?position\s*:|"
    r"(?:our|my|the)\s+[#$][a-z0-9]+\s+(?:long|short)\s+(?:was|got|has\s+been|is)\s+(?:triggered|activated|filled)|"
    r"^\W*(?:long|short)\s+[#$][a-z0-9]+\s+(?:activated|triggered|filled)|"
    r"держим\s+(?:наш\w*\s+)?(?:лонг|шорт|позици\w*)|(?:лонг|шорт|сделка|позиция)\s+(?:ещё\s+|еще\s+)?в\s+работе|"
    r"продолжаем\s+держать|тримаємо\s+(?:лонг|шорт|позиці\w*)|"
    r"i[şs]lem(?:imiz)?\s+devam\s+ediyor|pozisyon\w*\s+(?:\S+\s+){0,3}?devam\s+ediyor|h[âa]l[âa]\s+tutuyoruz|"
    r"v[ẫa]n\s+(?:[đd]ang\s+)?gi[ữu]|[đd]ang\s+gi[ữu]\s+l[ệe]nh|(?:long|short|l[ệe]nh)\s+[đd]ang\s+ch[ạa]y|"
    r"seguimos\s+(?:en|dentro\s+de(?:l)?)\s+(?:largo|corto|la\s+operaci[óo]n|posici[óo]n|long|short)|"
    r"mantenemos\s+(?:el|la|nuestr[oa])\s+(?:largo|corto|long|short|posici[óo]n)|"
    r"ainda\s+(?:segurando|mantendo|posicionad[oa]s?)|seguimos\s+(?:no|na)\s+(?:long|short|posi[çc][ãa]o|opera[çc][ãa]o)|"
    r"continuamos\s+(?:no|na|com\s+o)\s+(?:long|short|posi[çc][ãa]o|opera[çc][ãa]o))(?!\w)|"
    r"继续持有|持仓中|持有中|仍在持有|仍持有",
    re.IGNORECASE | re.MULTILINE)

# (session 22, open52) The side and its entry ticked with the gain made since, in the post as written ("$WIF long 2.60 ✅
# +6.1% spot", "#OP short 1.84 ✔️ (+4%) / tp 1.70 sl 1.90"): the trade's progress, its levels restated — never a fresh entry
TICKED_GAIN_RE = re.compile(
    r"(?<!\w)(?:long|short)[ \t]+(?:from[ \t]+|@[ \t]*)?\$?\d[\d.,]*[ \t]*(?:\u2705|\u2714\ufe0f?|\u2611\ufe0f?|\u2713)"
    r"[ \t]*\(?[ \t]*\+[ \t]?\d[\d.,]*[ \t]*%", re.IGNORECASE)

# A setup posted to be watched, or a plan whose entries come later ("Setup to watch on #AVAX … Not entering yet", "Next
# week plan: accumulate … Will post exact entries in VIP"): nothing to enter now
WATCH_ONLY_RE = re.compile(
    r"(?<!\w)(?:(?:setup|coin|chart|pair)s?\s+to\s+watch|not\s+(?:entering|in)\s+yet|not\s+entered\s+yet|"
    r"(?:will|we'?ll|i'?ll)\s+post\s+(?:the\s+)?(?:exact\s+)?(?:entries|entry|levels|signal)|"
    r"next\s+week'?s?\s+plan|plan\s+for\s+next\s+week|пока\s+не\s+(?:входим|заходим)|hen[üu]z\s+girmiyoruz|"
    r"todav[íi]a\s+no\s+entramos|ainda\s+n[ãa]o\s+entramos|ch[ưu]a\s+v[àa]o\s+l[ệe]nh|"
    # ("… NOT an entry yet, wait for the close", "we're NOT there yet", "No sweep = no trade", "no close, no trade", "I'll
    # post a proper call if it happens"): a plan on a condition, said not to be a trade until it is met
    r"not\s+(?:an?\s+)?(?:entry|trade|signal|call)\s+yet|(?:we'?re|we\s+are|i'?m|i\s+am)\s+not\s+there\s+yet|"
    r"no\s+(?:sweep|close|break(?:out)?|reclaim|retest|confirmation|trigger|flip)\s*(?:=|==|means|→|->|,)\s*no\s+(?:trade|entry|position)|"
    r"(?:will|we'?ll|i'?ll)\s+post\s+(?:a\s+|the\s+)?(?:proper|real|actual|live|official)\s+(?:call|signal|entry|trade)|"
    # ("Per ora nessun ordine, aspettate il segnale ufficiale", "no orders for now, wait for the official signal", "vorerst
    # keine Order", "por ahora ninguna orden", "пока ордера не ставим", "şimdilik emir yok"): no order placed yet, the call
    # still to come — a plan
    r"no\s+orders?\s+(?:for\s+now|yet|at\s+the\s+moment|right\s+now)|"
    r"(?:per\s+ora|ancora)\s+nessun\s+ordine|nessun\s+ordine\s+(?:per\s+ora|ancora)|"
    r"(?:por\s+ahora|todav[íi]a|a[úu]n)\s+ningun[ao]?\s+orden|(?:por\s+enquanto|ainda)\s+nenhuma\s+ordem|"
    r"(?:vorerst|noch)\s+keine\s+orders?|pas\s+(?:encore\s+)?d'\s*ordres?\s+pour\s+l'\s*instant|"
    r"пока\s+(?:никаких\s+)?ордер\w*\s+не\s+(?:став|выставля)\w*|[şs]imdilik\s+emir\s+(?:yok|girmiyoruz|vermiyoruz)|"
    r"wait\s+for\s+(?:the\s+|our\s+)?(?:official|real|actual|proper)\s+(?:signal|call)|aspettate\s+(?:il\s+)?segnale\s+ufficiale|"
    r"esperen\s+(?:la\s+)?se[ñn]al\s+oficial|aguardem\s+o\s+sinal\s+oficial|wartet\s+auf\s+das\s+offizielle\s+signal|"
    r"attendez\s+le\s+signal\s+officiel|ждите\s+официальн\w+\s+сигнал\w*|resmi\s+sinyali\s+bekleyin|"
    # ("Watching SOL — short only makes sense if 4h closes below 168. Targets would be 160 then 152. I'll post if it
    # triggers"): a side that would make sense on a condition, its exits in the would-mood, the call posted later
    r"(?:will|we'?ll|i'?ll)\s+post\s+(?:it\s+)?(?:if|when|once)\s+(?:it\s+|that\s+|this\s+)?(?:triggers?|happens|confirms|plays\s+out)|"
    r"(?:long|short|entry|buy|sell)s?\s+only\s+makes?\s+sense\s+(?:if|once|when|on)|targets?\s+would\s+be|"
    # ("Pero wala pang entry, abangan lang", "belum ada entry", "chưa có điểm vào", "todavía sin entrada", "ainda sem
    # entrada", "пока без входа", "henüz giriş yok", "noch kein Einstieg", "pas encore d'entrée"): no entry yet, only a watch
    r"wala\s+pang\s+(?:entry|pasok|signal)|abangan\s+(?:lang|muna)|belum\s+(?:ada\s+)?(?:entry|masuk|sinyal)|"
    r"ch[ưu]a\s+c[óo]\s+(?:entry|[đd]i[ểe]m\s+v[àa]o|k[èe]o)|(?:todav[íi]a|a[úu]n)\s+sin\s+entrada|ainda\s+sem\s+entrada|"
    r"пока\s+без\s+входа|hen[üu]z\s+giri[şs]\s+yok|noch\s+kein(?:en)?\s+einstieg|pas\s+encore\s+d'\s*entr[ée]e|"
    r"ancora\s+nessun\s+ingresso)(?!\w)",
    re.IGNORECASE)

# A re-post of a call that has not triggered yet ("⏳ Pending signal (not triggered yet)"): the call is already out
# ("⏳ Pending signal (not triggered yet)"; a fresh card's rule "we will cancel this pending order if it is not triggered
# within 24h" is none)
PENDING_REPOST_RE = re.compile(r"(?<!\w)(?:pending\s+(?:signal|call|setup)(?!\w)|\(\s*not\s+(?:yet\s+)?triggered(?:\s+yet)?\s*\))",
                               re.IGNORECASE)

# A question or poll over the call ("Is BTC long at 64200 … a good idea?", "#SOL 142.5 long mantıklı mı?", "Có nên long
# #BTC ở 64200 không?"): a sentence ending in a question mark — asking about the levels when it holds one of them
# ("Ready? 🚀" on a line of its own holds none; nor does "#PEPE 1000x gem? No — just a clean scalp")
QUESTION_SENTENCE_RE = re.compile(r"[^\n!?？¿؟]*?\d[^\n!?？¿؟]*[?？؟]")
POLL_RE = re.compile(r"(?<!\w)(?:vote\s+below|good\s+(?:setup|idea|trade)\s+or\s+not)(?!\w)", re.IGNORECASE)


# Session 24 (traps24): a heading that reviews a trade already ended ("📖 Trade breakdown: last week's #LINK short",
# "TRADE REVIEW #112 — DOT", "Post-mortem on the SOL short", "Разбор сделки по #ETH", "#BTC 复盘"): the status words under
# it tell how that trade went — no close or change of a running one
TRADE_REVIEW_RE = re.compile(
    r"(?<!\w)(?:(?:trade|call|signal|setup|position)\s+(?:review|breakdown|post[\s-]?mortem|autopsy|debrief)|post[\s-]?mortem|"
    r"case\s+study|разбор\s+(?:сделки|трейда|сигнала)|revisi[óo]n\s+de(?:l|\s+la)?\s+(?:trade|operaci[óo]n)|"
    r"an[áa]lise\s+do\s+trade\s+(?:passado|encerrado)|i[şs]lem\s+(?:analizi|incelemesi|de[ğg]erlendirmesi))(?!\w)|复盘|振り返り|매매\s*복기",
    re.IGNORECASE)
# Session 24 (traps24): a question put to the channel's admin ("admin are you still holding?", "sir should I close
# too?", "админ, вы ещё держите?", "hocam siz hâlâ tutuyor musunuz?"): the writer is a reader — a close or change told
# beside it is the reader's own ("I closed my ATOM at 4.62 lol … admin are you still holding?")
ASKS_THE_ADMIN_RE = re.compile(
    r"(?<!\w)(?:admin|admins|adm|mods?|moderator|sir|boss|hocam|админ\w*|адмін\w*|أدمن|ادمین)(?!\w)(?!\s*:)"
    r"(?=[^?？؟\n.!]{0,80}[?？؟])[^?？؟\n.!]{0,80}?(?<!\w)(?:you|u|i|my|me|вы|ты|я|мне|t[úu]|usted|voc[êe]|vc|siz|sen|ben)(?!\w)"
    r"|(?<!\w)(?:you|u)\s+(?:\w+\s+){0,4}?(?:still\s+)?(?:holding|in|long|short)\W{0,3}\s*(?:admin|sir|boss|mods?)\s*[?？]",
    re.IGNORECASE)
