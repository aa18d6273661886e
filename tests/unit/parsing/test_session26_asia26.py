"""Session 26 (asia26): Asian-language posts — numbers written in ten-thousands and lakhs, templates, conditions, and
the words of spot, market, entries, updates and closes in ja/zh/ko/ms/hi/tl.

Rules:
- Money, numbers: a number of ten thousands and its rest is one number — ja/zh "7万2300" (72300), full-width
  "７万２３００", ko "7만 2300", "7万2千" / "7만 2천" (72000), spoken zh "7万2" (72000), ko "8만" (80000). A digit glued to a
  word before 만 ("TP2만", only TP2) is no number. Read apart, "6万8500" became 600008500 and traded.
- Money, numbers: Indian / Pakistani / Bangladeshi grouping ("₹42,75,000" = 4275000, "1,10,000") is one number, never
  "42" and "75000". Lists of decimals ("0,50,000", "1,20, 1,30") stay as they were.
- Money, templates: a posting template's filled-in example with "do not copy it as it is" (ja 記入例 / 入力例 / このまま
  コピーしないで, zh 填写示例 / 请勿直接复制, ko 그대로 복사하지 마세요) is no signal. A channel's own footer against
  re-posting ("無断でコピーしないで", "请勿复制转发") leaves a real call alone.
- Money, conditions: "only if / only after" in ms/id ("hanya jika", "cuma kalau", "hanya selepas"), a Malay candle close
  ("jika lilin 1j ditutup di atas"), vi "chỉ khi", hi-en "sirf agar", hi "सिर्फ तभी", zh "仅当" / "只有…才", ja "…場合のみ",
  ko "…경우에만", th "ก็ต่อเมื่อ" hold the card.
- Money, restated trades: tl "yung SOL long natin mula 1,420" and hi-en "hamara SOL long 142 se" are a trade already
  taken — held beside a card; with "don't chase any more" (tl "wag na kayo humabol", ms "jangan kejar lagi") and no card,
  no signal. A comma in the restated price is read both ways ("mula 3,240" matches the entry 3240).
- Pairs: BTC/MYR is a pair quoted in the ringgit (held, never RM/USDT); "RM 250,000" groups thousands with its comma, as
  the rupee's, the pound's and the naira's do.
- Opens: zh 现货 with "不上杠杆" (no leverage put on) stays spot, ja "ノーレバ" too; ja 成行 / zh 市价 / ko 시장가 heading a
  line before a price is a market entry at that reference ("成行 0.48付近"); ja "拾います", ko "줍줍", hi-en "CMP pe uthao"
  are buys ("profit uthao" takes profit and is none); ms "Kemasukan 1: / Kemasukan 2:" are entry rows.
- Status: ms/id ordinals after the target word ("sasaran kedua tercapai"); hi "स्टॉप लॉस को एंट्री पर" moves the stop to
  the entry; hi "पोज़िशन बंद" (closed, ending its clause) closes, "बंद न करें" does not; hi-en "isko abhi bech do" and "pura
  exit 🚪" close, a bare "bech do" does not; a "Reply: COIN spot" heading names the replied-to coin.
"""
from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _levels(parsed):
    return [*parsed.entries, *parsed.targets, *([parsed.stop_loss] if parsed.stop_loss is not None else [])]


# --- ten thousands and their rest ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, levels", [
    ("ETHではなくBTCロング 指値 7万2300ドル\n利確 7万4000 / 7万5500\n損切 7万1200\nレバ2倍", [72300, 74000, 75500, 71200]),
    ("BTCロング 指値 ７万２３００\n利確 ７万４０００\n損切 ７万１２００", [72300, 74000, 71200]),
    ("비트 롱 진입 7만 2300 / 목표 7만 4000, 7만 5500 / 손절 7만 1200 / 레버 3배", [72300, 74000, 75500, 71200]),
    ("BTC 多单 入场 7万2千 止损 7万1千 目标 7万5千", [72000, 75000, 71000]),
    ("BTC 多单 入场 7万2 止损 7万1 目标 8万", [72000, 80000, 71000]),
    ("비트 숏 진입 8만 / 목표 7만 8000 / 손절 8만 1000", [80000, 78000, 81000]),
])
def test_ten_thousands_and_their_rest_are_one_number(text, levels):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, parsed.reason
    assert sorted(_levels(parsed)) == sorted(Decimal(v) for v in levels), _levels(parsed)


def test_the_decimal_ten_thousands_still_read():
    parsed = parse_message("BTC 空单 9.71万附近挂单 止损 9.85万 目标 9.5万 / 9.4万")
    assert list(parsed.entries) == [Decimal(97100)] and parsed.stop_loss == Decimal(98500)


@pytest.mark.parametrize("text", ["TP2만 익절하고 나머지는 홀딩", "10배만 쓰세요"])
def test_a_digit_of_a_word_before_man_is_no_number(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.OPEN and parsed.tradable)
    assert all(v < 10000 for v in _levels(parsed))


# --- lakh grouping ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, levels", [
    ("🇮🇳 ETH/INR स्पॉट खरीदें\nएंट्री: ₹2,75,000\nटारगेट: ₹2,95,000\nSL: ₹2,62,500", [275000, 295000, 262500]),
    ("BTC/INR buy ₹42,75,000 target ₹45,10,000 SL ₹41,20,000", [4275000, 4510000, 4120000]),
])
def test_lakh_grouping_is_one_number(text, levels):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and not parsed.tradable
    assert sorted(_levels(parsed)) == sorted(Decimal(v) for v in levels), _levels(parsed)


def test_lakh_grouping_in_a_dollar_card_still_reads_whole():
    parsed = parse_message("BTC long 99,200 tp 1,04,000 sl 97,000")
    assert list(parsed.targets) == [Decimal(104000)]


def test_a_list_of_decimal_commas_is_no_lakh():
    parsed = parse_message("TP 1,20, 1,30")
    assert Decimal(12030) not in _levels(parsed) and Decimal(120130) not in _levels(parsed)


# --- a posting template -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "【シグナル投稿フォーマット】※入力例です、このままコピーしないでください\n銘柄：ETH/USDT\n方向：ショート\nエントリー：3500\n利確：3400\n損切り：3560",
    "投稿の記入例\n銘柄：SOL/USDT\n方向：ロング\nエントリー：150\n利確：160\n損切り：145",
    "【格式示例】\n币种：ETH/USDT\n方向：做多\n入场：3100\n止盈：3200\n止损：3000\n（请勿直接复制）",
    "시그널 작성 양식\n코인: ETH/USDT\n방향: 롱\n진입: 3100\n목표: 3200\n손절: 3000\n그대로 복사하지 마세요",
])
def test_a_filled_in_template_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.rejected)


@pytest.mark.parametrize("text", [
    "ETHロング エントリー 3100 利確 3200 損切り 3000\n※無断でコピーしないでください",
    "ETH 做多 入场 3100 止盈 3200 止损 3000\n请勿复制转发",
])
def test_a_footer_against_reposting_leaves_the_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected


# --- conditions ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "LONG AVAX — hanya jika candle 1j tutup atas 31.50\nMasuk: 31.60\nSasaran 33.00 / 34.20\nHenti rugi 30.40",
    "LONG AVAX cuma kalau BTC stabil\nMasuk: 31.60\nSasaran 33.00\nHenti rugi 30.40",
    "LONG AVAX\njika lilin 4j ditutup di atas 31.50\nMasuk: 31.60\nSasaran 33.00\nHenti rugi 30.40",
    "LONG AVAX chỉ khi nến 4H đóng trên 31.5\nEntry 31.6\nTP 33\nSL 30.4",
    "AVAX long sirf agar 31.5 ke upar close ho\nEntry 31.6 TP 33 SL 30.4",
    "AVAX 做多 仅当日线收在31.5上方 入场 31.6 止盈 33 止损 30.4",
    "AVAX ロング 日足が31.5を上抜けた場合のみ エントリー 31.6 利確 33 損切り 30.4",
    "AVAX 롱 31.5 돌파할 경우에만 진입 31.6 목표 33 손절 30.4",
])
def test_only_if_holds_the_card(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and not parsed.tradable, parsed.rejected


@pytest.mark.parametrize("text", [
    "LONG AVAX\nMasuk: 31.60\nSasaran 33.00 / 34.20\nHenti rugi 30.40\nLeveraj 5x",
    "AVAX 做多 入场 31.6 止盈 33 止损 30.4",
])
def test_a_plain_card_stays_tradable(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected


# --- a trade already taken ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Yung SOL long natin mula 1,420, TP 1,520 SL 1,380",
    "hamara SOL long 142 se chal raha hai, TP 152 SL 138",
])
def test_a_restated_trade_beside_its_card_is_held(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.OPEN and parsed.tradable), parsed.rejected


@pytest.mark.parametrize("text", [
    "Para sa mga bagong sali 🙌 open pa rin yung SOL long natin mula 142. Nasa pinned yung post, wag na kayo humabol.",
    "fyi still in the SOL long from 1,420 — nothing to do here",
])
def test_a_restated_trade_with_nothing_to_do_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.rejected)


def test_a_fresh_card_is_no_restated_trade():
    parsed = parse_message("SOL long 142, TP 152 SL 138")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- the ringgit --------------------------------------------------------------------------------------------------------


def test_a_ringgit_pair_is_held_with_comma_thousands():
    parsed = parse_message("ETH/MYR (Luno)\nBeli spot RM 12,400\nSasaran RM 13,100\nHenti rugi RM 11,900")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "ETH/MYR" and not parsed.tradable
    assert list(parsed.entries) == [Decimal(12400)] and parsed.stop_loss == Decimal(11900)


# --- spot, market, buys and entry rows ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "现货 $OP 分批买入：1.80 / 1.72 目标 2.10 止损：1.60\n不上杠杆",
    "現物 OP 買い 1.80 利確 2.10 損切り 1.60 ノーレバで",
])
def test_no_leverage_keeps_spot(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.market is not None and parsed.market.value == "spot"


@pytest.mark.parametrize("text", [
    "現物でOP拾います\n成行 1.80付近\n目標 2.10 → 2.30\n損切り 1.62 割れ",
    "OP 现货 买入\n市价：1.80\n目标 2.10\n止损 1.62",
    "Spot me $OP abhi CMP pe uthao (~1.80)\nTarget 2.10 aur 2.30\nSL 1.62",
])
def test_a_market_entry_at_its_reference(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.side == Side.LONG, parsed.reason
    assert parsed.entry_type == EntryType.MARKET and list(parsed.entries) == [Decimal("1.80")]


def test_profit_uthao_is_no_buy():
    parsed = parse_message("$OP TP1 pe profit uthao")
    assert parsed.kind != MessageKind.OPEN


def test_numbered_malay_entry_rows():
    parsed = parse_message("Syiling: DOT/USDT\nArah: BELI\nKemasukan 1: 4.30\nKemasukan 2: 4.18\nSasaran: 4.60, 4.90\n"
                           "Henti rugi: 4.02\nLeveraj: 5x")
    assert list(parsed.entries) == [Decimal("4.18"), Decimal("4.30")] and parsed.entry_type == EntryType.LIMIT


# --- status -------------------------------------------------------------------------------------------------------------


def test_a_malay_ordinal_target_hit():
    parsed = parse_message("DOT sasaran kedua tercapai (4.90)")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "DOT/USDT" and parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("text", [
    "#DOT दूसरा टारगेट हिट ✅\nस्टॉप लॉस को एंट्री पर शिफ्ट करें",
    "#DOT स्टॉप को एंट्री पर ले आएं",
])
def test_a_hindi_stop_to_entry(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN


@pytest.mark.parametrize("text", ["#DOT शॉर्ट — पोज़िशन बंद, शाबाश!", "#DOT ट्रेड बंद हो गया"])
def test_a_hindi_position_closed(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "DOT/USDT"


def test_a_hindi_do_not_close_is_no_close():
    assert parse_message("#DOT पोज़िशन बंद न करें").kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "↩️ Reply: OP spot\n\nisko abhi market pe bech do, setup fail",
    "↩️ Reply: OP spot\n\npura exit 🚪",
    "#OP sab bech do abhi",
])
def test_a_hinglish_sell_it_all_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "OP/USDT"


@pytest.mark.parametrize("text", ["OP bech do 1.80 pe", "pura exit TP3 pe karenge"])
def test_a_bare_sell_word_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE
