"""Session 22, open22: example cards in many languages, market entries and labels in native scripts, one-liners,
watches and corrected cards.

- A card shown as an example, a lesson or a template is no signal in every language the lexicon knows: "not a (real)
  signal" (ro, cs/sk, hu, nl, sv/no/da, fi, el, tl, id/ms, vi, es/pt/it/fr/de, ru/uk, tr, hi, ja, zh, ko, th, ar),
  "only an example / a demo" (ro, cs/sk, hu, pl, the Romance languages, de, nl, the Nordic languages, el, tl, id/ms, vi,
  tr, he, hi, ja, zh, th, ar, fa) and "do not trade / copy this" said alone or of "this" — "do not trade with the rent
  money" under a call is advice, and the call still trades.
- Space-grouped thousands are one number when two or more rows each hold one such number alone, led by groups of two
  or three digits close to each other ("• 64 850 / • 65 400"); "1 250 / 2 240" (numbered rows) stay apart.
- Labels: cs "Vstupy", ro "Intrări", hu "Belépő" (entries), hu "Célárak" / "Célpontok" (targets), zh-Hant "停損" (the
  stop, read in Simplified), "目标一/二/三" (a Chinese numeral counts the targets before its colon), id/ms "Masuk"
  heading its line before a colon and a price or the market's price.
- A market order said before its price, in more languages ("Market price entry (around …)", "मार्केट प्राइस पर एंट्री
  (लगभग …)", "pada harga pasaran ~…", "a prezzo di mercato", "za tržní cenu", "piaci áron"), "about" in those languages
  between; "SHORT $APT market price pe" with the reference on the next line ("Ref: 8.92") — a market entry at it.
- A one-line card cut by spaced long dashes, one part a word, its colon and a price ("LDO — Now: 1.99 📍 Targets … ⛔
  1.915 — 7x"): the dashes cut fields, as "|" does.
- A watch: "I'll post if it triggers", "short only makes sense if …", "targets would be …", "no entry yet" in tl, id,
  vi, es, pt, ru, tr, de, fr, it — no call.
- "Entry ONLY if the 1h closes above 24.00 👉 24.05 - 24.30": the condition's price is no entry (the card stays held).
- An entry waiting for a break or a close in tl ("Kung mag-break …", "Kapag nag-close …"), cs/sk ("Pokud se … uzavře
  nad …"), ro and hu holds the card ("Kung may tanong …" — if you have questions — does not).
- "CORRECTION: entry 1.21 not 1.12 … full card again" over a whole card whose taken-back entry stood beyond the stop:
  the first card was never tradable — the card is the call, held (a correction of a card tradable as first posted
  stays the running trade's update).
- "Reminder: 1-3% risk only" under a card is the house's rule on risk, no call re-posted.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable


# --- example, lesson and template cards ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Model de semnal (doar un exemplu):\nETH/USDT SHORT\nIntrare: 3200\nȚinte: 3100 / 3000\nStop: 3300",
    "Lecția 4 — nu este un semnal real\nETH/USDT SHORT\nIntrare: 3200\nȚinte: 3100\nStop: 3300",
    "Ukázka karty (pouze ukázka, neobchodujte)\n#XRP/USDT LONG\nVstup: 0,50\nCíle: 0,55\nSL: 0,47",
    "Ukážka signálu — len ukážka, neobchodovať!\n#XRP/USDT LONG\nVstup: 0,50\nCiele: 0,55\nSL: 0,47",
    "Příklad:\n#XRP/USDT LONG\nVstup: 0,50\nCíle: 0,55\nSL: 0,47",
    "Exemplu de semnal\nETH/USDT SHORT\nIntrare: 3200\nȚinte: 3100\nStop: 3300",
    "Toto není skutečný signál:\n#XRP/USDT LONG\nVstup: 0,50\nCíle: 0,55\nSL: 0,47",
    "📖 Példa – nem valódi jelzés\nDOGE/USDT LONG\nBelépő: 0,150\nCél: 0,160\nStop: 0,140",
    "Csak egy minta, ne kereskedj!\nDOGE/USDT LONG\nBelépő: 0,150\nCél: 0,160\nStop: 0,140",
    "Tylko przykład, nie handluj!\n#AVAX LONG\nWejście: 30\nTP: 32\nSL: 29",
    "Solo un ejemplo para aprender, no operar.\n#AVAX LONG\nEntrada: 30\nTP: 32\nSL: 29",
    "Apenas um exemplo 👇\n#AVAX LONG\nEntrada: 30\nAlvo: 32\nStop: 29",
    "À titre d'exemple (ne pas trader) :\n#AVAX LONG\nEntrée : 30\nTP : 32\nSL : 29",
    "Nur ein Beispiel, kein echtes Signal\n#AVAX LONG\nEinstieg: 30\nZiel: 32\nSL: 29",
    "Alleen een voorbeeld, niet traden.\n#AVAX LONG\nEntry: 30\nTP: 32\nSL: 29",
    "Halimbawa lang, huwag i-trade!\n#SOL LONG\nEntry: 150\nTP: 160\nSL: 145",
    "Hindi ito totoong signal 👇\n#SOL LONG\nEntry: 150\nTP: 160\nSL: 145",
    "Hanya contoh, bukan sinyal nyata\n#SOL LONG\nEntry: 150\nTP: 160\nSL: 145",
    "Chỉ minh họa, không phải kèo thật\n#SOL LONG\nEntry: 150\nTP: 160\nSL: 145",
    "Μόνο παράδειγμα — δεν είναι σήμα\n#SOL LONG\nΕίσοδος: 150\nTP: 160\nSL: 145",
    "उदाहरण कार्ड (सिर्फ उदाहरण, ट्रेड न करें)\nBTC/USDT LONG\nएंट्री: 60000\nटारगेट: 62000\nSL: 59000",
    "サンプル（エントリーしないで）\nBTC/USDT ロング\nエントリー: 60000\n利確: 62000\n損切り: 59000",
    "教程范例（仅供教学）\nBTC/USDT 做多\n进场：60000\n目标：62000\n止损：59000",
    "教學範本（請勿跟單）\nBTC/USDT 做多\n進場：60000\n目標：62000\n止損：59000",
    "샘플 카드입니다\nBTC/USDT 롱\n진입: 60000\n목표: 62000\n손절: 59000",
])
def test_an_example_card_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    # a note about sizing or advice under a real card
    "SEMNAL VIP\nBTC/USDT LONG\nIntrare: 60000\nȚinte: 62000\nStop: 59000\nRisc de exemplu: 2% din cont",
    "#ADA LONG\nVstup: 0,45\nCíle: 0,47\nSL: 0,43\nNeobchodujte s penězi na nájem!",
    "#XRP/USDT LONG\nVstup: 0,50\nCíle: 0,55\nSL: 0,47\nNa příklad: riziko 2 % účtu",
    "SINAL VIP\n#ADA LONG\nEntrada: 0,45\nAlvos: 0,47\nStop: 0,43\nNão opere com dinheiro do aluguel!",
    "信号\nBTC/USDT 做多\n进场：60000\n目标：62000\n止损：59000\n不要跟单太重，仓位控制",
])
def test_advice_under_a_real_card_keeps_the_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable


# --- space-grouped thousands on rows of their own -----------------------------------------------------------------


def test_rows_of_space_grouped_prices_are_whole_numbers():
    parsed = parse_message("#BTC/USDT LONG\nVstupy:\n• 58 100\n• 57 600\nCíle: 59 900 / 61 200\nStop-loss: 56 800\n"
                           "Páka 5x")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == _d("57600", "58100")
    assert parsed.targets == _d("59900", "61200")
    assert parsed.stop_loss == Decimal(56800)


def test_numbered_rows_are_no_grouping():
    parsed = parse_message("#SOL LONG\nEntries:\n1 150\n2 146\nTP 160\nSL 140")
    assert all(e < 1000 for e in parsed.entries)


# --- labels in more languages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Eszköz: DOT/USDT\nIrány: LONG\nBelépő: 5,20\nCélárak: 5,40 • 5,60\nStop: 5,00",
    "Eszköz: DOT/USDT\nIrány: LONG\nBelépő: 5,20\nCélpontok: 5,40 / 5,60\nStop: 5,00",
])
def test_hungarian_target_words(text):
    parsed = parse_message(text)
    assert parsed.targets == _d("5.40", "5.60")
    assert parsed.tradable


def test_chinese_numbered_targets_and_the_taiwanese_stop():
    parsed = parse_message("🟢 做多 SOL\n進場價：150\n目標一：155\n目標二：160\n停損：145")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == _d("150")
    assert parsed.targets == _d("155", "160")
    assert parsed.stop_loss == Decimal(145)


def test_masuk_heading_a_price_is_the_entry():
    parsed = parse_message("BELI SOLUSDT\nMasuk: 150\nTP 160\nSL 140")
    assert parsed.entries == _d("150")


# --- market orders said before the price --------------------------------------------------------------------------


@pytest.mark.parametrize("text, entry", [
    ("ETH शॉर्ट\nमार्केट प्राइस पर एंट्री (लगभग 3,410)\nटारगेट: 3,350\nSL: 3,470", "3410"),
    ("ETH short\nMarket price entry (around 3,410)\nTP: 3,350\nSL: 3,470", "3410"),
    ("JUAL APTUSDT\nMasuk sekarang pada harga pasaran ~8.940\nTP 8.700\nSL 9.260", "8.94"),
    ("#ETH SHORT market price pe\nRef: 3410\nTP 3350\nSL 3470", "3410"),
    ("#ETH SHORT\nIngresso a prezzo di mercato (circa 3410)\nTP 3350\nSL 3470", "3410"),
])
def test_a_market_order_before_its_price(text, entry):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entry_type.value == "market"
    assert parsed.entries == _d(entry)


@pytest.mark.parametrize("text", [
    "#ETH SHORT\nEntry: 3410\nRef: 3390\nTP 3350\nSL 3470",
    "ETH short\nEntry 3,410 (market price is 3,390 now, wait)\nTP: 3,350\nSL: 3,470",
])
def test_a_limit_with_a_reference_is_no_market_order(text):
    assert parse_message(text).entry_type.value == "limit"


# --- a one-line card cut by dashes --------------------------------------------------------------------------------


def test_a_dashed_one_liner_is_the_open():
    parsed = parse_message("#ARB — Now: 0.812 📍 Targets 0.85 / 0.89 ⛔ 0.79 — 5x")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side.value == "long"
    assert parsed.entries == _d("0.812")
    assert parsed.targets == _d("0.85", "0.89")
    assert parsed.stop_loss == Decimal("0.79")


@pytest.mark.parametrize("text", [
    "Closed #ARB — TP2 hit — great trade everyone",
    "#ARB — what a week — no trades today",
])
def test_dashed_prose_is_no_card(text):
    assert parse_message(text).kind != MessageKind.OPEN


# --- watches ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Eyeing AVAX — long only makes sense if the daily closes above 42. Targets would be 45 then 48. I'll post if it triggers.",
    "Binabantayan ko ang #AVAX. Kung mag-break sa 42, baka mag-long tayo papuntang 45-48. Wala pang entry, abangan lang.",
    "Pantau #AVAX, kalau tembus 42 mungkin long ke 45-48. Belum ada entry.",
    "Vigilando #AVAX: si rompe 42 quizá long hacia 45-48. Todavía sin entrada.",
])
def test_a_watch_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_card_with_an_update_promise_still_opens():
    parsed = parse_message("#AVAX LONG\nEntry: 40\nTP: 42 / 44\nSL: 38\nI'll post an update when TP1 hits")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable


# --- a condition's price on the entry line ------------------------------------------------------------------------


def test_a_condition_price_on_the_entry_line_is_no_entry():
    parsed = parse_message("#OP/USDT LONG\nEntry only if the 4h closes above 2.10 -> 2.12 - 2.16\nTP: 2.30 / 2.45\n"
                           "SL: 2.02")
    assert _held(parsed)
    assert parsed.entries == _d("2.12", "2.16")


# --- a corrected card posted whole --------------------------------------------------------------------------------


def test_a_card_reposted_after_an_entry_typo_beyond_the_stop_is_the_open_held():
    parsed = parse_message("⚠️ CORRECTION: entry 2.45 not 2.54, sorry — full card again:\n#OP/USDT — SHORT\n"
                           "Entry: 2.45\nTP1 2.38 | TP2 2.31\nSL: 2.51")
    assert _held(parsed)
    assert parsed.entries == _d("2.45")
    assert parsed.stop_loss == Decimal("2.51")


def test_a_correction_of_a_tradable_card_stays_an_update():
    parsed = parse_message("⚠️ CORRECTION: entry 2.45 not 2.47 — full card again:\n#OP/USDT — SHORT\n"
                           "Entry: 2.45\nTP1 2.38 | TP2 2.31\nSL: 2.51")
    assert parsed.kind != MessageKind.OPEN or not parsed.tradable


# --- a risk reminder under a card ---------------------------------------------------------------------------------


def test_a_risk_reminder_under_a_card_keeps_the_open():
    parsed = parse_message("📍 Pair: ETHUSDT Perp\n📈 Direction: SHORT\nEntry Zone: 3,420 – 3,450\nTargets:\n① 3,380\n"
                           "② 3,320\nStop Loss: 3,490\n⚠️ Reminder: 1-2% risk only.")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == _d("3420", "3450")


def test_a_reminder_of_the_call_is_still_a_restatement():
    parsed = parse_message("Reminder: #ETH short still valid\nEntry Zone: 3,420 – 3,450\nTP 3,380\nSL 3,490")
    assert parsed.kind != MessageKind.OPEN or not parsed.tradable


# --- conditions in more languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#DOT LONG\nKung mag-break at mag-close sa taas ng 6.20, entry 6.22-6.30\nTP 6.60 / 6.90\nSL 5.95",
    "#DOT LONG\nKapag nag-close ang 4h sa taas ng 6.20: entry 6.25\nTP 6.60\nSL 5.95",
    "#DOT LONG\nPokud se 4h svíčka uzavře nad 6,20, vstup 6,25\nCíle 6,60\nSL 5,95",
    "#DOT LONG\nAk sa denná sviečka uzavrie nad 6,20, vstup 6,25\nCiele 6,60\nSL 5,95",
])
def test_an_entry_waiting_for_a_close_is_held(text):
    assert _held(parse_message(text))


@pytest.mark.parametrize("text", [
    "#DOT LONG\nEntry: 6.25\nTP 6.60\nSL 5.95\nKung may tanong, message lang",
    "#DOT LONG\nVstup: 6,25\nCíle 6,60\nSL 5,95\nPokud máte dotazy, napište nám",
])
def test_an_if_clause_about_questions_keeps_the_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable
