"""Session 23, warn23: a full card inside a post that says it must not be traded (review 37, F1, F6, F7).

Rules, each with its traps:
- a card the post calls stale or no longer to be taken — "too late (to enter)", "entry is gone", "no longer valid",
  "expired", "уже неактуально", "ya es tarde", "tarde demais", "geç kaldınız", "zu spät", "trop tard", "错过了", "فات
  الأوان" — is held for review with its levels kept (the levels are quoted for those who missed it, not an order now).
  Not held: the urgency of a live call ("not too late!", "before it's too late"), an order's validity ("expires if not
  filled"), the stop's own sentence ("below 4.95 the setup is no longer valid"), "don't chase" under a live limit, and a
  post that says part of the call still stands ("if you missed the first entry, entry 2 is still open");
- an entry that waits for something the bot cannot read — an indicator ("when RSI < 30", "quando o RSI …", "RSI 30'un
  altına düşünce", "RSI 30 이하일 때", "RSIが30を下回ったら", "资金费率转负后再进"), funding, volume, dominance, news ("wait for the FOMC news first", "after the news"), a support confirmed, "only … on a retest"
  with no price — or, after the stop's price, a condition on ANOTHER coin's move ("… SL 3450 wenn BTC über 65000
  schließt", "si le BTC casse 65000") is held for review ("held for review: the entry waits for a condition …"), the
  levels as written. Not held: a retest whose price is the entry ("Entry on retest of 0.52"), "Buy the dip: 0.50-0.52",
  a conditional stop ("SL: if 4h closes below 139"), indicator readings written as context ("RSI 28 on the 1H"), limit
  bids "filled on a pullback";
- "don't trade this" wording beside a full card — the author's refusal ("I would NOT long ETH here", "We won't buy …"),
  "Stay away from this:", fr "Ne pas acheter", es "No comprar", ko "진입하지 마세요" / "매수하지 마세요", ja "やめておけ" /
  "買うな", hi "मत खरीदें", ar "ابتعدوا عن هذه", zh "远离这个", vi "không nên mua" — holds the card (the existing "don't
  buy beside a full card" rule). Not held: "not financial advice", "I'm not selling my bags", a refusal of another coin before the call ("ETH looks weak, I'm not touching it this week. Better
  one 👇 #ATOM long …").
"""

import pytest
from verzek.domain.signals import MessageKind, Side
from verzek.parsing import parse_message


def _held(text: str):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert not parsed.tradable
    assert parsed.rejected and "held for review" in parsed.rejected
    return parsed


def _traded(text: str):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert parsed.tradable, parsed.rejected
    return parsed


# --- F1: a card said to be stale ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entries", "stop"), [
    # the review's probes
    ("Missed the entry? BTC LONG was 64000, TP 66000, SL 63000. Don't chase, entry is gone.", [64000], 63000),
    ("Signal no longer valid: ETH LONG 3500 TP 3600 SL 3450", [3500], 3450),
    ("Expired ⌛ BTC LONG entry 64000 TP 66000 SL 63000", [64000], 63000),
    ("Missed it? SOL LONG 145 TP 160 SL 139 — too late now, price already at 158", [145], 139),
    ("Too late to enter ETH LONG 3500 TP 3600 SL 3450, wait for the next one", [3500], 3450),
    ("Опоздали с входом? ETH ЛОНГ 3500 цель 3600 стоп 3450 — уже не актуально", [3500], 3450),
    ("Ya es tarde para entrar: SOL LONG 145 TP 160 SL 139", [145], 139),
    # own variants, many languages and layouts
    ("⚠️ Too late for this one\n#AVAX LONG\nEntry 34.20\nTP 36.00 / 37.50\nSL 33.10", [34.2], 33.1),
    ("#XRP SHORT 0.6120 TP 0.5900 SL 0.6250 - this entry is gone, wait for the next call", [0.612], 0.625),
    ("Сигнал уже неактуален: #LINK LONG вход 14.2 цель 15.5 стоп 13.6", [14.2], 13.6),
    ("Já é tarde: #ADA LONG entrada 0.512 alvo 0.560 stop 0.488", [0.512], 0.488),
    ("Tarde demais pra entrar nesse: #SOL LONG 152 alvo 165 stop 146", [152], 146),
    ("#AVAX LONG 34.2 hedef 36 stop 33.1 - geç kaldınız, artık geçerli değil", [34.2], 33.1),
    ("Zu spät! #DOGE LONG Einstieg 0.152 Ziel 0.170 Stop 0.141", [0.152], 0.141),
    ("Trop tard pour entrer : #ETH LONG entrée 3480 objectif 3600 stop 3420", [3480], 3420),
    ("错过了就别追: #BNB 做多 入场 590 止盈 610 止损 578", [590], 578),
    ("فات الأوان للدخول: #SOL شراء 150 الهدف 160 وقف 145", [150], 145),
    ("Signal expired: #OP LONG 1.92 TP 2.05 SL 1.84", [1.92], 1.84),
    ("Setup no longer valid ❌ #INJ LONG entry 23.4 TP 25 SL 22.6", [23.4], 22.6),
])
def test_a_card_said_to_be_stale_is_held_with_its_levels(text, entries, stop):
    parsed = _held(text)
    assert [float(x) for x in parsed.entries] == entries
    assert float(parsed.stop_loss) == stop


@pytest.mark.parametrize("text", [
    "Not too late! BTC LONG entry 64000 TP 66000 SL 63000",
    "Enter before it's too late: AVAX LONG 35 TP 38 SL 33",
    "#NEAR LONG\nEntry 5.20\nTP 5.60 / 5.90\nSL 4.95 (below 4.95 the setup is no longer valid)",
    "#ARB LONG\nBuy limit 0.704\nTP 0.728\nSL 0.689\nOrder expires if not filled in 6 hours.",
    "🔴 TIA SHORT\nEntry: 5.42 (limit, don't chase)\nTP: 5.25 / 5.08\nSL: 5.61",
    "SOL/USDT LONG\nEntry 145\nTP 160\nSL 139\nDon't chase if it runs above 150",
])
def test_urgency_validity_and_stop_wording_still_trade(text):
    _traded(text)


@pytest.mark.parametrize("text", [
    "#LINK LONG\nEntry 14.20 / 13.80\nTP 15.5 / 16.2\nSL 13.1\nIf you missed the first entry, entry 2 is still open",
    "#LINK LONG\nEntry 1: 14.20\nEntry 2: 13.80\nTP 15.5 / 16.2\nSL 13.1\nToo late for entry 1? Entry 2 is still valid.",
])
def test_part_of_the_call_still_standing_is_not_called_stale(text):
    # (these read as the running call restated — an update that changes nothing — before and after this rule)
    assert "stale" not in (parse_message(text).rejected or "")


# --- F6: an entry that waits for something the bot cannot read -----------------------------------------------------


@pytest.mark.parametrize(("text", "entries", "targets", "stop"), [
    # the review's probes
    ("Long BTC when RSI < 30: entry 62000 TP 64000 SL 61000", [62000], [64000], 61000),
    ("ETH LONG entry 3500 TP 3600 SL 3450 after BTC confirms support", [3500], [3600], 3450),
    ("SOL LONG entry 145 TP 160 SL 139 if funding turns negative", [145], [160], 139),
    ("Only enter DOGE LONG 0.15 TP 0.17 SL 0.14 on a retest", [0.15], [0.17], 0.14),
    ("BTC LONG 64000 TP 66000 SL 63000 — wait for the FOMC news first", [64000], [66000], 63000),
    ("BTC LONG 64000 TP 66000 SL 63000 (if volume confirms)", [64000], [66000], 63000),
    ("ETH LONG 3500 TP 3600 SL 3450 wenn BTC über 65000 schließt", [3500], [3600], 3450),
    ("ETH LONG 3500 TP 3600 SL 3450 si le BTC casse 65000", [3500], [3600], 3450),
    # own variants
    ("#NEAR LONG entry 5.20 TP 5.80 SL 4.90 — only when BTC dominance cools off", [5.2], [5.8], 4.9),
    ("#LINK LONG entry 14.2 TP 15.5 SL 13.6 wait for CPI data first", [14.2], [15.5], 13.6),
    ("#APT LONG 8.40 TP 9.10 SL 8.05 — enter after the news", [8.4], [9.1], 8.05),
    ("Если фандинг станет отрицательным — #SOL ЛОНГ 150 цель 162 стоп 144", [150], [162], 144),
    ("#SOL LONG 150 TP 162 SL 144 si el volumen confirma", [150], [162], 144),
    ("#SUI LONG 3.41 TP 3.70 SL 3.25 quando o RSI ficar abaixo de 30", [3.41], [3.7], 3.25),
    ("#ETH LONG 3480 TP 3600 SL 3420 sobald BTC über 66000 schließt", [3480], [3600], 3420),
    ("#ETH LONG 3480 TP 3600 SL 3420 if BTC holds 64k", [3480], [3600], 3420),
    ("#SOL LONG giriş 150 hedef 162 stop 144 - RSI 30'un altına düşünce", [150], [162], 144),
    ("#SOL 做多 入场 150 止盈 162 止损 144 资金费率转负后再进", [150], [162], 144),
    ("#SOL 롱 진입 150 목표 162 손절 144 RSI 30 이하일 때", [150], [162], 144),
    ("#SOL ロング エントリー 150 利確 162 損切り 144 RSIが30を下回ったら", [150], [162], 144),
])
def test_an_entry_waiting_for_an_unchecked_condition_is_held_as_written(text, entries, targets, stop):
    parsed = _held(text)
    assert "waits for a condition" in parsed.rejected
    assert [float(x) for x in parsed.entries] == entries
    assert [float(x) for x in parsed.targets] == targets
    assert float(parsed.stop_loss) == stop


@pytest.mark.parametrize(("text", "entries"), [
    ("Entry on retest of 0.52\nDOGE LONG TP 0.56 SL 0.49", [0.52]),
    ("Buy on a retest of 0.52: DOGE LONG TP 0.56 SL 0.49", [0.52]),
    ("#ADA LONG\nBuy the dip: 0.50-0.52\nTP 0.56 / 0.60\nSL 0.48", [0.5, 0.52]),
    ("#SOL LONG\nEntry 145\nTP 160\nSL: if 4h closes below 139", [145]),
    ("ETH LONG 3500 TP 3600 SL 3450 (if 4h closes below 3440)", [3500]),
    ("BTC LONG entry 64000 TP 66000 SL 63000\nRSI 28 on the 1H, volume rising", [64000]),
    ("#ATOM\nRSI 4h 31, weakest since June\nLong entry 8.10\nTP 8.70 / 9.20\nSL 7.85", [8.1]),
    ("ETH LONG entry 3500 TP 3600 SL 3450. Not financial advice, DYOR.", [3500]),
    ("#SOL 롱\n진입: 150\n목표: 162 / 170\n손절: 144\n레버리지: 10배", [150]),
    ("#SOL/USDT 做多\n入场: 150\n止盈: 162\n止损: 144\n成交量: 放大", [150]),
])
def test_a_retest_price_a_dip_zone_and_a_conditional_stop_still_trade(text, entries):
    assert [float(x) for x in _traded(text).entries] == entries


# --- F7: "don't trade this" wording ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    # the review's probes
    ("I would NOT long ETH here. Entry 3500 looks bad, target 3700 unlikely, stop 3400 would get hit.", Side.LONG),
    ("Ne pas acheter BTC ! Entrée 64000 objectif 66000 stop 63000", Side.LONG),
    ("BTC 숏 진입하지 마세요. 진입 64000 목표 62000 손절 65000", Side.SHORT),
    ("BTC ロング やめておけ エントリー 64000 利確 66000 損切り 63000", Side.LONG),
    ("Stay away from this: DOGE LONG entry 0.15 TP 0.17 SL 0.14", Side.LONG),
    # own variants
    ("I wouldn't long SOL at these levels: entry 150, TP 162, SL 144 — bad R:R", Side.LONG),
    ("We won't buy #DOT here. Entry 6.10 TP 6.60 SL 5.80 is a trap.", Side.LONG),
    ("No comprar #ADA todavía: entrada 0.512 TP 0.560 SL 0.488", Side.LONG),
    ("#XRP 롱 매수하지 마세요 진입 0.612 목표 0.650 손절 0.590", Side.LONG),
    ("#SOL 買うな エントリー 150 利確 162 損切り 144", Side.LONG),
    ("Stay away from these: #PEPE LONG entry 0.0000120 TP 0.0000135 SL 0.0000112", Side.LONG),
    ("#SOL LONG 150 TP 162 SL 144 मत खरीदें", Side.LONG),
    ("ابتعدوا عن هذه: #SOL شراء 150 الهدف 160 وقف 145", Side.LONG),
    ("远离这个: #SOL 做多 入场 150 止盈 162 止损 144", Side.LONG),
])
def test_a_card_the_post_says_not_to_trade_is_held(text, side):
    assert _held(text).side == side


@pytest.mark.parametrize("text", [
    "#OP LONG\nEntry 1.92\nTP 2.05 / 2.20\nSL 1.84\nI'm not selling my bags either 😂",
    "ETH looks weak below 3.3k, I'm not touching it this week.\n\nBetter one 👇\n#ATOM long\nEntry 8.10-8.30\nTargets 8.70, 9.20\nStop 7.85",
    "#AVAX LONG entry 34.2 TP 36 SL 33.1 (not financial advice)",
])
def test_advice_and_a_refusal_of_something_else_still_trade(text):
    _traded(text)


@pytest.mark.parametrize("text", [
    "Don't trade this one: #WIF LONG 2.40 TP 2.70 SL 2.25",
    "#SOL LONG mua 150 chốt 162 cắt lỗ 144 - không nên mua lúc này",
    "Stay away from #TRUMP for now, too much manipulation",
])
def test_never_traded(text):
    assert not parse_message(text).tradable
