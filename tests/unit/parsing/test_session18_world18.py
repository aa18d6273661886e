"""Session 18, world18: five world-channel misses of blind_z15 fixed as families (own look-alikes, other coins and wording):

- Hindi/Urdu buy verbs ("kharid lo", "CMP pe le lo", "abhi le lo", "खरीद लो", "خرید لو") state a buy; "CMP pe le lo, X"
  orders at the market; "leverage mat lagana" rules leverage out — not when negated, asked, or after a sell word;
- Arabic dialects' close ("اقفلوا صفقة", "سكّروا", "صكّروا", "سدّوا", "اطلعوا من الصفقة") ends the trade; with a half or a
  share it is a partial; an Arabic "if/when" makes any Arabic close wait;
- Polish/Czech/Slovak add-on rows ("Dokupienie:", "Dokoupení:", "Dokúpenie:") head a second entry; "Uśrednienie:",
  "Průměrování:" a DCA rung;
- a call withdrawn before any fill in French/Italian/Spanish ("on annule le signal", "annulliamo il segnale") closes it; a
  cancel of one rung beside a fill stays an update;
- a direction teaser "preparing a long, details soon" (ja/ko/en/fr) is a held open with no levels.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MarketType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- Hindi / Urdu buy verbs -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol,entry", [
    ("Dosto $ARB abhi CMP pe le lo, 0.84 ke paas\nTargets: 0.90 / 0.95\nSL 0.80", "ARB/USDT", D("0.84")),
    ("$INJ market se kharid lo 21.5\nTarget 23 / 25\nSL 20", "INJ/USDT", D("21.5")),
    ("#TIA अभी ले लो 7.40\nTarget 7.90 / 8.30\nSL 7.05", "TIA/USDT", D("7.40")),
])
def test_a_hinglish_take_it_at_the_market_is_a_market_buy(text, symbol, entry):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.entry_type) == (MessageKind.OPEN, symbol, Side.LONG, EntryType.MARKET)
    assert list(parsed.entries) == [entry]
    assert parsed.tradable


@pytest.mark.parametrize("text,symbol", [
    ("Bhai $SEI khareed lo 0.41 pe\nTarget 0.45 / 0.49\nSL 0.38", "SEI/USDT"),
    ("$WLD खरीद लो 2.10\nTarget 2.30 / 2.50\nSL 1.95", "WLD/USDT"),
    ("$WLD خرید لو 2.10\nTarget 2.30 / 2.50\nSL 1.95", "WLD/USDT"),
])
def test_a_hindi_or_urdu_buy_verb_states_the_side(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.OPEN, symbol, Side.LONG)


def test_leverage_ruled_out_in_hinglish_leaves_the_spot_market():
    parsed = parse_message("$ARB CMP pe le lo 0.84\nTarget 0.90\nSL 0.80\nSpot trade hai, leverage bilkul mat lagana")
    assert (parsed.market, parsed.leverage) == (MarketType.SPOT, None)


@pytest.mark.parametrize("text", [
    "$SEI abhi mat kharido\nTarget 0.45\nSL 0.38",              # do not buy
    "$SEI CMP pe le lein kya? 0.41\nTarget 0.45 / 0.49\nSL 0.38",  # asked
    "$SEI kya abhi le lo? Target 0.45 SL 0.38",
    "$WLD मत ख़रीदो 2.10\nTarget 2.30 / 2.50\nSL 1.95",
    "agar $SEI 0.38 tak aaye to le lo\nTarget 0.45 / 0.49\nSL 0.35",  # a condition
])
def test_a_negated_asked_or_conditional_hinglish_buy_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_profit_le_lo_takes_profit_and_opens_nothing():
    parsed = parse_message("$SEI TP1 done, abhi 50% profit le lo")
    assert parsed.kind == MessageKind.UPDATE and parsed.side is None


def test_take_it_after_a_sell_word_stays_the_short():
    parsed = parse_message("$ARB sell CMP pe le lo 0.66\nTarget 0.60 / 0.58\nSL 0.70")
    assert (parsed.kind, parsed.side) == (MessageKind.OPEN, Side.SHORT) and parsed.tradable


# --- Arabic dialects' close -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("يا شباب اقفلوا صفقة #DOT حالا، السوق مش عاجبني", "DOT/USDT"),
    ("سكّروا الصفقة على #AVAX هلق", "AVAX/USDT"),
    ("صكّروا صفقة #ADA الحين", "ADA/USDT"),
    ("سدّوا صفقة #XRP دابا", "XRP/USDT"),
    ("اطلعوا من صفقة #DOT فورا", "DOT/USDT"),
    ("قفلنا صفقة #ATOM على ربح بسيط", "ATOM/USDT"),
])
def test_an_arabic_dialect_close_ends_the_trade(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "#DOT اقفلوا نص الصفقة",
    "#AVAX سكروا 30% من الصفقة",
    "#ADA سكّرنا ربع الصفقة",
])
def test_an_arabic_dialect_close_of_a_part_keeps_the_trade(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text", [
    "لو كسر 5 اقفلوا صفقة #DOT",              # if it breaks 5
    "اقفلوا صفقة #DOT لو نزل تحت 5",
    "إذا كسر 5 اغلقوا صفقة #DOT",             # MSA, the same condition
    "في حال وصل 9 سكروا صفقة #AVAX",
    "اقفلوا صفقة #DOT؟",                      # asked
    "ما تقفلوش صفقة #DOT",                    # do not close
    "ما سكرنا صفقة #AVAX",                    # we did not close
    "#DOT اقفلوا الصفقة عند الهدف الثاني",    # at TP2: later
    "قفلة الشمعة على #DOT فوق 5، الصفقة شغالة",  # a candle's close, the trade runs
])
def test_an_arabic_close_that_waits_is_asked_or_negated_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- Polish / Czech / Slovak add-on rows ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Para: DOT/USDT\nKierunek: LONG\nWejście: 6,40\nDokupienie: 6,10\nCele: 6,80 / 7,20\nSL: 5,90",
    "Pár: DOT/USDT\nSměr: LONG\nVstup: 6,40\nDokoupení: 6,10\nCíle: 6,80 / 7,20\nSL: 5,90",
    "Pár: DOT/USDT\nSmer: LONG\nVstup: 6,40\nDokúpenie: 6,10\nCiele: 6,80 / 7,20\nSL: 5,90",
    "Para: DOT/USDT\nKierunek: LONG\nWejście: 6,40\nUśrednienie: 6,10\nCele: 6,80 / 7,20\nSL: 5,90",
    "DOT/USDT LONG\nEntry: 6.40\nAdd-on: 6.10\nTargets: 6.80 / 7.20\nSL: 5.90",
])
def test_an_add_on_row_is_a_second_entry(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.side, list(parsed.entries)) == (MessageKind.OPEN, Side.LONG, [D("6.10"), D("6.40")])
    assert parsed.tradable


def test_an_add_on_row_on_a_condition_is_not_an_order():
    parsed = parse_message("Para: DOT/USDT\nKierunek: LONG\nWejście: 6,40\nDokupienie: 6,10 jeśli wybije 6,60\n"
                           "Cele: 6,80 / 7,20\nSL: 5,90")
    assert list(parsed.entries) == [D("6.40")] and not parsed.tradable


# --- a call withdrawn before any fill (fr/it/es) ----------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol,side", [
    ("ANNULATION ❌\nLe long sur #AVAX n'a jamais été déclenché, on annule le signal. Supprimez vos ordres", "AVAX/USDT", Side.LONG),
    ("L'ordine short su #ETH non è mai stato eseguito, annulliamo il segnale.", "ETH/USDT", Side.SHORT),
    ("La orden long en #ADA nunca se activó, anulamos la señal.", "ADA/USDT", Side.LONG),
])
def test_a_call_never_filled_and_withdrawn_closes(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.update_action) == (MessageKind.CLOSE, symbol, side,
                                                                              UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "#AVAX : on annule l'ordre à 31,5, celui à 33 a été exécuté",
    "#AVAX: annulliamo l'ordine a 31.5, quello a 33 è stato eseguito",
    "#AVAX: anulamos la orden en 31.5, la de 33 se ejecutó",
    "#AVAX: cancel the order at 31.5, the one at 33 was filled",
])
def test_a_cancel_of_one_rung_beside_a_fill_stays_an_update(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "#AVAX : on annule le TP3",
    "#AVAX: anulamos el TP3",
    "On annule le signal #AVAX ?",
    "Si le prix casse 30, on annule le signal #AVAX",
    "Se il prezzo rompe 30 annulliamo il segnale #AVAX",
])
def test_a_cancel_of_a_target_asked_or_on_a_condition_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- direction teasers: "preparing a long, details soon" ----------------------------------------------------------------

@pytest.mark.parametrize("text,symbol,side", [
    ("【速報】\nETH ショート準備中\n詳細はまもなく配信します", "ETH/USDT", Side.SHORT),
    ("SOL ロング準備中🚀\nエントリー・利確・損切りの詳細はこの後すぐ配信します", "SOL/USDT", Side.LONG),
    ("DOGE ロング準備中\n詳細は後ほど。", "DOGE/USDT", Side.LONG),
    ("XRP 롱 준비중\n자세한 내용은 곧 공개합니다", "XRP/USDT", Side.LONG),
    ("Preparing a #LINK short, details soon", "LINK/USDT", Side.SHORT),
    ("Short #SUI en préparation, détails bientôt", "SUI/USDT", Side.SHORT),
])
def test_a_side_being_prepared_with_levels_later_is_held(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.entry_type) == (MessageKind.OPEN, symbol, side, EntryType.MARKET)
    assert list(parsed.entries) == [] and not parsed.tradable


@pytest.mark.parametrize("text", [
    "ETH ロングを準備中ですか？詳細はこの後すぐ配信します",
    "もしETHが3000を割ったらショート準備中、詳細はこの後配信します",
    "Are we preparing an #ETH long? details soon",
    "Preparing for FOMC. ETH long bias, details later",
])
def test_a_teaser_asked_or_on_a_condition_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
