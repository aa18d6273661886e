"""Session 12 (lead): the misses of the blind batches k1–k3 and j1, fixed as families, in our own wording.

Each group names what the parser now reads, with look-alikes in several languages and guards that keep a reading.
"""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


# A price written before the side word with a postposition ("from the level X") between them is the entry.
@pytest.mark.parametrize("text", [
    "#NEAR için 5.120 seviyesinden LONG açıyoruz, hedefler 5.300 ve 5.450, stop 4.980",
    "#NEAR 5.120'den long, hedef 5.300 / 5.450, stop 4.980",
    "#NEAR 5.120 seviyeden alım, hedefler 5.300 ve 5.450, stop 4.980",
    "#NEAR 5.120から ロング、利確 5.300 / 5.450、損切り 4.980",
    "#NEAR 5.120에서 롱, 목표 5.300 5.450, 손절 4.980",
    "#NEAR 5.120 से लॉन्ग, टारगेट 5.300 5.450, स्टॉप 4.980",
])
def test_a_price_before_the_side_with_a_postposition_is_the_entry(text):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.side.value, parsed.entries, parsed.stop_loss) == (
        "open", "long", _d("5.120"), Decimal("4.980"))
    assert parsed.tradable


# "5x is enough" alone is the call's leverage; beside another leverage it stays advice.
@pytest.mark.parametrize("text,leverage", [
    ("#NEAR LONG 5.12, hedefler 5.30 ve 5.45, stop 4.98. Kaldıraç 4x yeterli.", 4),
    ("#NEAR LONG 5.12 tp 5.30 sl 4.98 — 4x is enough here", 4),
    ("#NEAR LONG 5.12 tp 5.30 sl 4.98\nПлечо 4x достаточно", 4),
    ("#NEAR LONG 10x\nEntry 5.12\nTP 5.30\nSL 4.98\nNewcomers: 3x is enough", 10),
    ("#NEAR LONG\nLev: x12\nEntry 5.12\nTP 5.30\nSL 4.98\n3x là đủ cho người mới", 12),
])
def test_a_leverage_called_enough_is_the_calls_only_when_no_other_is_written(text, leverage):
    assert parse_message(text).leverage == leverage


# A bot card whose status says active: open as written, but held unless a heading calls it new.
def test_an_active_status_card_without_a_new_heading_is_an_open_held_for_review():
    card = "🤖 Call #5512 | Status: Active\nPair: OP/USDT (Perpetual)\nSide: LONG\nEntry: 1.84 - 1.88\nTargets: 1.95 / 2.02\nStop: 1.76"
    parsed = parse_message(card)
    assert (parsed.kind.value, parsed.entries, parsed.targets) == ("open", _d("1.84", "1.88"), _d("1.95", "2.02"))
    assert not parsed.tradable and "status says it is active" in parsed.rejected


def test_an_active_status_card_headed_new_is_traded():
    card = "🆕 NEW SIGNAL | Call #5512\nPair: OP/USDT\nSide: LONG\nEntry: 1.84 - 1.88\nTargets: 1.95 / 2.02\nStop: 1.76\nStatus: Live"
    assert parse_message(card).tradable


def test_an_active_status_over_a_card_without_its_levels_stays_a_status():
    assert parse_message("#OP LONG\nEntry 1.84\nStatus: active").kind.value != "open"


# "全部止盈出局" (all taken in profit, out) closes the trade; a share of it is a partial close.
@pytest.mark.parametrize("text,kind", [
    ("#ARB 全部止盈出局 🎉", "close"),
    ("#ARB 第二目标达成 ✅ 止盈出局", "close"),
    ("#ARB 止盈出局一半，剩下的继续持有", "update"),
    ("#ARB 全部止盈了吗？", "not_a_signal"),
])
def test_chinese_took_profit_and_out(text, kind):
    assert parse_message(text).kind.value == kind


# Sector and topic tags beside the coin's tag ("#Layer2", "#DeFi", "#IA") are no coin.
@pytest.mark.parametrize("text,symbol", [
    ("#OP #Layer2 #Altcoins\nLONG\nEntry 1.84 - 1.88\nTP 1.95 / 2.02\nSL 1.76", "OP/USDT"),
    ("#AAVE #DeFi #Bluechip LONG\nEntry: 96.5\nTP: 101 / 106\nSL: 92", "AAVE/USDT"),
    ("#FET #IA #Crypto\nCompra: 1.42\nAlvos: 1.50 / 1.60\nStop: 1.35", "FET/USDT"),
    ("#PEPE #Memecoin LONG\nEntry: 0.0000112\nTP: 0.0000120\nSL: 0.0000105", "PEPE/USDT"),
])
def test_sector_tags_beside_the_coin_are_no_coin(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind.value, str(parsed.symbol)) == ("open", symbol)


# A "DCA zone" is the entry when the post names no other; beside an entry it stays an add-on.
@pytest.mark.parametrize("text,entries,etype", [
    ("$INJ 🟢\nDCA zone: 21.90 / 21.40 / 20.80\nTP: 23.0 - 24.2\nInvalidation: 20.10", ("20.80", "21.40", "21.90"), "limit"),
    ("#INJ LONG\nGiriş bölgesi (DCA zone): 21.90 - 21.40\nHedefler: 23.0 / 24.2\nStop: 20.10", ("21.40", "21.90"), "range"),
    ("#INJ Spot-Kauf\nKaufzone (DCA): 21.40 – 21.90\nKursziele: 23.0 / 24.2\nInvalidierung: 20.10", ("21.40", "21.90"), "range"),
])
def test_a_dca_zone_with_no_other_entry_is_the_entry(text, entries, etype):
    parsed = parse_message(text)
    assert (parsed.entries, parsed.entry_type.value, parsed.stop_loss) == (_d(*entries), etype, Decimal("20.10"))


def test_a_dca_line_beside_an_entry_stays_outside_the_entries():
    parsed = parse_message("#INJ LONG\nEntry: CMP 21.90\nDCA zone: 21.40\nTP: 23.0 / 24.2\nSL: 20.10")
    assert parsed.entries == _d("21.90")


# "Accumulate between a and b" heading its line is a buy zone; in running text it is commentary.
@pytest.mark.parametrize("text", [
    "#LINK\nAcumular entre 13.20 e 13.60\nAlvos: 14.40 | 15.10\nInvalidação: 12.70",
    "#LINK\n🟢 Accumulare tra 13.20 e 13.60\nTarget: 14.40 – 15.10\nStop: 12.70",
    "#LINK spot\nAccumulate between 13.20 and 13.60\nTargets: 14.40 / 15.10\nInvalidation: 12.70",
])
def test_accumulate_heading_a_line_is_a_buy_zone(text):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.entries, parsed.entry_type.value, parsed.stop_loss) == (
        "open", _d("13.20", "13.60"), "range", Decimal("12.70"))


def test_accumulating_in_running_text_is_no_order():
    assert parse_message("Whales accumulate #LINK between 13.20 and 13.60 this week, per on-chain data").kind.value \
        == "not_a_signal"


@pytest.mark.parametrize("text", [
    "#LINK SHORT\nEntry: 13.60 से 13.80 के बीच\nTarget: 13.10, 12.70\nStop Loss: 14.10",
    "#LINK SHORT\nIngresso tra 13.60 e 13.80\nTarget: 13.10 – 12.70\nStop: 14.10",
])
def test_between_in_hindi_and_italian_makes_a_zone(text):
    assert parse_message(text).entry_type.value == "range"


# "ETH-PERP" names the coin (its usual quote).
@pytest.mark.parametrize("text,symbol", [
    ("SOL-PERP LONG\nВход по рынку\nЦели: 192 / 198\nСтоп: 181", "SOL/USDT"),
    ("BTC-PERP short 97500, tp 96000, sl 98200", "BTC/USDT"),
])
def test_a_perp_suffix_names_the_coin(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind.value, str(parsed.symbol), parsed.market.value) == ("open", symbol, "futures")


def test_a_lower_case_spot_perp_word_is_no_coin():
    assert parse_message("Spot-perp basis is wide today, funding is flat").kind.value == "not_a_signal"


# Closes and stop-outs in Korean, Persian, Japanese and Portuguese.
@pytest.mark.parametrize("text,action", [
    ("#LINK 청산하세요 지금!", None),
    ("#LINK 전부 청산합니다", None),
    ("#LINK رو ببندید لطفا", None),
    ("#LINK 損切りされました", "sl_hit"),
    ("#LINK 損切りになりました、次へ", "sl_hit"),
    ("link/usdt stopado no 13.05 🙁", "sl_hit"),
    ("Fomos stopados no #LINK", "sl_hit"),
])
def test_closes_and_stop_outs(text, action):
    parsed = parse_message(text)
    assert (parsed.kind.value, str(parsed.symbol)) == ("close", "LINK/USDT")
    assert (parsed.update_action.value if parsed.update_action else None) == action


@pytest.mark.parametrize("text", ["#LINK 절반 청산하세요", "#LINK نصف پوزیشن رو ببندید"])
def test_half_of_it_closed_stays_a_partial_close(text):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.update_action.value) == ("update", "partial_close")


# An add-on filled (German "Nachkauf", Korean split buy) is an update; a trailing stop switched on too.
@pytest.mark.parametrize("text,action", [
    ("#LINK Update: Nachkauf bei 13.05 ausgeführt, neuer Schnitt 13.30", "entry_filled"),
    ("#LINK Zukauf ausgeführt ✅", "entry_filled"),
    ("#LINK 2차 분할매수 체결 ✅", "entry_filled"),
    ("#LINK 추가 매수 체결됨", "entry_filled"),
    ("#LINK : stop suiveur activé, on laisse courir", "new_stop"),
    ("#LINK трейлинг-стоп включён", "new_stop"),
    ("#LINK trailing stop now active at 1.5 %", "new_stop"),
])
def test_add_ons_filled_and_trailing_stops_switched_on(text, action):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.update_action.value) == ("update", action)


# "Add" in Japanese, Chinese or Korean heading a line before a price is another order of the entry.
@pytest.mark.parametrize("text", [
    "#LINK ショート\nエントリー 13.60\n追加 13.85\nTP 13.10 / 12.70\nSL 14.20",
    "#LINK 做空\n入场 13.60\n补仓 13.85\n止盈 13.10 / 12.70\n止损 14.20",
    "#LINK 숏\n진입 13.60\n추가 13.85\n목표 13.10 / 12.70\n손절 14.20",
])
def test_cjk_add_heading_a_line_is_a_second_entry(text):
    assert parse_message(text).entries == _d("13.60", "13.85")


# A direction alert whose levels are promised later is held, also with "it" after the side word.
@pytest.mark.parametrize("text", ["🔴 #TIA — short it NOW, TP/SL coming in 5 min", "#TIA long it here, levels soon"])
def test_a_direction_alert_with_it_after_the_side_is_held(text):
    parsed = parse_message(text)
    assert (parsed.kind.value, str(parsed.symbol), parsed.tradable) == ("open", "TIA/USDT", False)


def test_a_question_with_it_stays_a_question():
    assert parse_message("#TIA is it a short here?").kind.value == "not_a_signal"


# Where two fixes met: "TP2 closed" is a target's share closed, but "closed at TP2" in any word order ends the trade.
@pytest.mark.parametrize("text,kind", [
    ("#TIA wurde bei TP2 geschlossen", "close"),
    ("#TIA на TP2 закрыт", "close"),
    ("#TIA closed at TP2 ✅", "close"),
    ("#TIA TP1 geschlossen ✅", "update"),
    ("#TIA TP1 закрыт, остаток держим", "update"),
])
def test_closed_at_a_target_ends_the_trade_a_target_closed_does_not(text, kind):
    assert parse_message(text).kind.value == kind


# A stop to breakeven beside a partial close or a target hit is kept as a further change, not dropped.
@pytest.mark.parametrize("text,also", [
    ("#TIA TP1 ✅ take 50% and move SL to entry", ("move_sl_breakeven",)),
    ("#TIA перша ціль ✅ Фіксуємо половину, стоп переносимо в беззбиток", ("move_sl_breakeven",)),
    ("TP1 erreicht bei #TIA, Hälfte schließen und Stop auf Einstieg", ("move_sl_breakeven",)),
    ("#TIA TP1 ✅ take 50%. Move SL to BE after TP2", ()),
    ("#TIA take 50% profit here", ()),
    ("#TIA TP2 ✅", ()),
])
def test_a_stop_to_breakeven_beside_another_change_is_kept(text, also):
    assert tuple(a.value for a in parse_message(text).also_actions) == also


# First looks at m1/m2: stop moves with the stop word first (pl, tl, ko), cancels and closes (nl, ur), a Hindi share.
@pytest.mark.parametrize("text,kind", [
    ("#DOT TP1 zaliczone ✅ SL przesuwamy na wejście", "update"),
    ("#DOT podnosimy stop na 4.20", "update"),
    ("#DOT TP1 tapos na, ilipat ang SL sa entry", "update"),
    ("#DOT 손절가는 진입가로 올립니다", "update"),
    ("#DOT 손절 라인 4.20으로 옮겼습니다", "update"),
    ("Limitorder #DOT geannuleerd, niet gevuld", "close"),
    ("#DOT ٹریڈ بند کر دی گئی ✅", "close"),
    ("#DOT 30% प्रॉफिट बुक करें", "update"),
    ("#DOT +30% प्रॉफिट बुक हुआ", "not_a_signal"),
])
def test_stop_moves_cancels_and_closes_of_m1_m2(text, kind):
    parsed = parse_message(text)
    assert (parsed.kind.value, str(parsed.symbol) if parsed.symbol else None) == (
        kind, "DOT/USDT" if kind != "not_a_signal" else None)


# The edit probe: a bracketed market tag on the entry's price stays a market order when a note follows the bracket.
@pytest.mark.parametrize("text,etype", [
    ("#TIA LONG\nEntry: 7.415 (CMP) Use proper money management\nTP 7.60\nSL 7.20", "market"),
    ("#TIA LONG\nEntry: 7.415 (market) Confidence 71%\nTP 7.60\nSL 7.20", "market"),
    ("#TIA LONG\nEntry 7.415 (price now 7.52)\nTP 7.60\nSL 7.20", "limit"),
    ("#TIA LONG\nEntry 7.415 (market is dumping) be patient\nTP 7.60\nSL 7.20", "limit"),
])
def test_a_bracketed_market_tag_on_the_entry_with_a_note_after_it(text, etype):
    assert parse_message(text).entry_type.value == etype



# A sell word with no price is the exit of a held coin (the session-7 convention), in other languages too.
# (A sell at a price alone is an order for later since session 15: "SELL #TIA @ 7.415 now" is still the exit.)
@pytest.mark.parametrize("text", ["TIA/USDT — VENDER ahora 🔻", "SELL #TIA now", "SELL #TIA @ 7.415 now"])
def test_a_spot_sell_word_exits(text):
    assert parse_message(text).kind.value == "close"


# The edit probe (bv9-007): a "Current price" footer under all the card's levels notes the market; the limit stays.
def test_a_current_price_footer_equal_to_the_entry_leaves_the_limit():
    card = "ETHUSDT\nPosition: SHORT\nEntry: 2950.5\nTP1: 2900\nSL: 3010\nCurrent price: 2950.50"
    assert parse_message(card).entry_type.value == "limit"
    assert parse_message("#ETH LONG\nCurrent price: 2950.5\nEntry: 2950.5\nTP: 3000\nSL: 2900").entry_type.value == "market"


# Where a fixer's rule met the corpora: a fresh card's rule about its own pending order is no re-post.
def test_a_fresh_cards_pending_order_rule_is_no_repost():
    card = ("Instrument: ATOM/USDT\nMy opinion: Buy Limit\nEntry price: $4.62\nStop: $4.41\nTarget: $5.04\n\n"
            "NB: we will cancel this pending order if it is not triggered within 24 hours")
    assert parse_message(card).tradable
    assert not parse_message("⏳ Pending signal (not triggered yet)\n#ATOM LONG\nEntry 4.62\nTP 5.04\nSL 4.41").tradable


# The status edit probe: a reference line over a relayed reply is no text of the reply.
@pytest.mark.parametrize("head", ["Trade ID: 7F3A", "Ref: A-19", "Signal ID 4412"])
def test_a_reference_line_over_a_quoted_reply(head):
    parsed = parse_message(f"{head}\n[In reply to Alpha Desk]\n> #TIA/USDT LONG Entry 7.40 TP 7.60 SL 7.20\nClose it now")
    assert (parsed.kind.value, str(parsed.symbol)) == ("close", "TIA/USDT")
