"""Session 21, lang46: the words of twelve more languages for the card's fields and a trade's changes.

- A results post headed by a summary word with its period after it ("Друзі, підсумок тижня:", "Итоги недели:",
  "Riepilogo della settimana:") is a recap — a count of trades "at breakeven" in it moves no stop.
- An entry that waits for a candle's close, in more languages: it "entriamo solo se … chiude sotto", fr "seulement si la
  bougie clôture sous", pl "tylko jeśli … zamknie się poniżej", el "μόνο αν": the card is read and held, never traded.
- Entry labels: sw "Ingia: 26.10" heading its line, el "Ζώνη αγοράς" / "Τιμή εισόδου", th "เข้าได้เลย(ที่ราคาตลาด) ~0.16".
- A market entry in Hebrew written with its preposition ("כניסה במחיר שוק (~3,480)"); "לא במחיר שוק" rules it out.
- Thai "15-20 เท่า" is a leverage (not "เท่านั้น", only); "ฟิวเจอร์ส" is the futures market.
- Range words between two entries: ur "… اور … کے درمیان", "انٹری زون", he "בין", el "μεταξύ", th "ระหว่าง".
- Stop to entry: sw "stop loss hadi bei ya kuingia", he "מזיזים סטופ לנקודת הכניסה"; a bare ticker heading a target
  report in Greek / Hebrew / Swahili ("BTC 🎯 Στόχος 1 ✅") names the running trade.
- Cancel: pl "anulujemy sygnał" (not "nie anulujemy"), bn "এটা বাতিল করুন" with "এন্ট্রি হিট হয়নি" (entry never hit).
- Filipino adds: "mag-add (ulit) sa 2.31" (add at a price; not "wag mag-add", do not add).
- Reply headings: bn "রিপ্লাই:", th "ตอบกลับ:", el "απάντηση σε:"; a quoted coin alone ("Risposta a: INJ") or before the
  call's word in the language ("APT সিগন্যাল").
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable


RECAPS = [
    "📈 Колеги, підсумок тижня:\n9 угод — 6 у плюс, 2 в мінус, 1 в беззбиток\nРазом +41%",
    "Друзья, итоги недели:\n7 сделок — 5 в плюс, 1 в минус, 1 в безубыток",
    "Ragazzi, riepilogo della settimana:\n8 operazioni, 6 in profitto, 1 a stop in pareggio",
]


@pytest.mark.parametrize("text", RECAPS)
def test_recap_with_its_period_moves_no_stop(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#ETH: стоп у беззбиток, друзі",
    "#SOL — переносимо стоп у беззбиток",
])
def test_breakeven_move_outside_a_recap_still_reads(text):
    assert parse_message(text).kind == MessageKind.UPDATE


CONDITIONAL = [
    "#SOL LONG\nEntriamo solo se la candela 1h chiude sopra 150\nIngresso: 148 - 149\nTP: 155 / 160\nSL: 144\nLeva 10x",
    "#ETH SHORT\nOn entre seulement si la bougie 4h clôture sous 3000\nEntrée: 2990\nTP: 2900\nSL: 3100",
    "#ADA LONG\nWchodzimy tylko jeśli świeca 4h zamknie się powyżej 0.50\nWejście: 0.49\nTP: 0.55\nSL: 0.46",
    "#LINK SHORT\nΜπαίνουμε μόνο αν κλείσει το 4ωρο κάτω από 14\nΕίσοδος: 13.9\nTP: 13\nSL: 14.6",
]


@pytest.mark.parametrize("text", CONDITIONAL)
def test_entry_waiting_for_a_close_is_held(text):
    parsed = parse_message(text)
    assert _held(parsed)


@pytest.mark.parametrize("text", [
    "#SOL LONG\nIngresso: 148 - 149\nTP: 155 / 160\nSL: 144\nLeva 10x",
    "#ETH SHORT\nEntrée: 2990\nTP: 2900\nSL: 3100",
])
def test_plain_cards_still_trade(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


@pytest.mark.parametrize("text, entries", [
    ("#AVAX UZA 🔻\nIngia: 31.40\nLengo 1: 30.20\nLengo 2: 29.10\nSL: 32.30", [31.4]),
    ("SPOT αγορά #SOL\nΖώνη αγοράς: 140 – 146\nΣτόχοι: 160 / 172\nΣτοπ: 131", [140, 146]),
    ("#LINK LONG\nΤιμή εισόδου: 14.20\nΣτόχοι: 15 / 16\nΣτοπ: 13.5", [14.2]),
])
def test_entry_labels(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert [float(e) for e in parsed.entries] == entries


def test_thai_enter_now_at_market_with_reference_and_times_leverage():
    parsed = parse_message("📈 เปิดลอง #ADA\nเข้าได้เลยที่ราคาตลาด ~0.452\nTP1 0.47 / TP2 0.49\nSL 0.436\n"
                           "ใช้เลเวอเรจ 10-15 เท่า (ฟิวเจอร์ส)")
    got = parsed.to_expected_dict()
    assert got["entry_type"] == "market" and got["entries"] == [0.452]
    assert got["leverage"] == 10 and got["market"] == "futures"


def test_thai_only_is_no_leverage():
    parsed = parse_message("#ADA LONG\nEntry 0.45\nTP 0.47\nSL 0.43\nSpot 1 เท่านั้น")
    assert parsed.to_expected_dict()["leverage"] is None


def test_hebrew_market_entry_with_preposition():
    got = parse_message("לונג 🟢 $SOL\nכניסה במחיר שוק (~152)\nיעד 1: 158\nסטופ לוס: 146").to_expected_dict()
    assert got["entry_type"] == "market" and got["entries"] == [152]


def test_hebrew_market_ruled_out_is_a_limit():
    got = parse_message("#BTC שורט, לא במחיר שוק, מחכים ל-97,000\nיעד ראשון 96,500\nסטופ 98,900").to_expected_dict()
    assert got["entry_type"] == "limit"


@pytest.mark.parametrize("text", [
    "خرید (لانگ) #AVAX\nانٹری زون: 30.10 اور 30.60 کے درمیان\nٹارگٹ: 32 / 33\nSL: 29.2",
    "לונג #AVAX\nכניסה בין 30.10 ל 30.60\nיעד 1: 32\nסטופ: 29.2",
])
def test_range_words(text):
    got = parse_message(text).to_expected_dict()
    assert got["entry_type"] == "range" and got["entries"] == [30.1, 30.6]


@pytest.mark.parametrize("text, coin", [
    ("SOL 🎯 Στόχος 2 ✅\nΚλείνουμε το 30% και το στοπ πάει στο σημείο εισόδου.", "SOL/USDT"),
    ("DOT 🎯 Lengo la pili limefikiwa!\nHamisha stop loss hadi bei ya kuingia.", "DOT/USDT"),
    ("AVAX ✅ יעד שני הושג!\nמזיזים סטופ לנקודת הכניסה.", "AVAX/USDT"),
])
def test_target_report_with_stop_to_entry(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "#SOL — anulujemy sygnał, cena nie doszła do strefy.",
    "↩️ রিপ্লাই: SOL সিগন্যাল\nএটা বাতিল করুন ❌ এন্ট্রি হিট হয়নি।",
])
def test_signal_cancelled_before_fill_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize("text", [
    "Nie anulujemy sygnału na #SOL, czekamy na wejście",
    "#SOL এটা বাতিল করবেন না",
    "#SOL TP3 বাতিল করুন, বাকিটা চলবে",
])
def test_cancel_traps_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_reply_to_a_bare_coin_names_the_trade():
    parsed = parse_message("↪️ Risposta a: AVAX\nPreso il secondo target 🎯 32,10!\nChiudo un altro 30%.")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "AVAX/USDT"


def test_reply_to_an_unknown_word_names_nothing():
    parsed = parse_message("↪️ Risposta a: CIAO\nChiudo un altro 30%.")
    assert parsed.symbol != "CIAO/USDT"


def test_filipino_add_to_the_running_trade():
    parsed = parse_message("↩️ Reply to: $SOL LONG\nPwede pa mag-add ulit sa 141.5, DCA lang. Same SL pa rin")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"


def test_filipino_do_not_add_is_no_add():
    parsed = parse_message("#SOL LONG wag mag-add sa 141.5")
    assert parsed.kind != MessageKind.UPDATE and not parsed.tradable
