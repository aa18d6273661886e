"""Session 20, fixer lang35: channel wording in twelve languages (blind_z35 misses), each read as a family.

Every case is written in its own words, never a corpus row.

- An order at the market with its price in brackets stays at the market when the price is written with a thousands point
  ("corto a precio de mercado (2.845)"): the market word's price is compared as the card reads it.
- A stop move in more verb forms: pt/es plural imperatives ("Ajustem o stop", "muevan el SL"), uk "підтягуємо", the
  Turkish stop with its case ending ("stopunu 1,25'e çekiyoruz"), the coin between the stop and the verb ("Stop bei
  ARB auf 1,25 nachziehen"), hi "पर shift करें", fa "استاپ ARB رو ببرید".
- A stop-out told with the stop's own label word: vi "cắt lỗ", id/ms "cut loss"/"kena CL", ko "손절했습니다" — only done
  or with a signed loss after the trade's words; "Cắt lỗ: 95000" on a card stays the card's stop.
- The whole bag sold ("jual semua … ✅", "đã bán hết", "hepsini sattık", "全部卖出", "전량 매도 완료") is a close even beside a
  target hit, and so is a target reached then "we stop here" on its line; the sell verb is no side of the position.
- zh entry labels with the side and "price level" ("开空价位：…附近") head the entry.
- A month's result heading, or a tally of calls and targets hit with no coin, is a results post, no target hit.
- A close verb in a conditional form (tr "kapatırsak", ja "決済したら", hi-Latn "close karein to …") orders no close.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- 1. an order at the market, its price in brackets ------------------------------------------------------------------


@pytest.mark.parametrize("phrase", [
    "corto a precio de mercado",       # es
    "short a preço de mercado",        # pt
    "шорт по рынку",                   # ru
    "short piyasa fiyatından",         # tr
    "做空 市价",                        # zh
    "short a prezzo di mercato",       # it
    "short zum Marktpreis",            # de
    "short di harga pasar",            # id
    "short بسعر السوق",                # ar
])
@pytest.mark.parametrize("price", ["(2.845)", "(2845)"])
def test_a_market_order_keeps_its_reference_price(phrase, price):
    parsed = parse_message(f"#ETH {phrase} {price}\nTP: 2.790 / 2.730\nSL: 2.910\n5x")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side == Side.SHORT
    assert parsed.entry_type == EntryType.MARKET
    assert parsed.entries == (D(2845),)


@pytest.mark.parametrize("text", [
    "#ETH corto\nEntrada: 2.845 (precio de mercado 2.880)",   # the market noted beside a limit of its own
    "#ETH corto, no a mercado: límite 2.845",                 # es: not at the market
    "#ETH шорт не по рынку, лимит 2.845",                     # ru: not at the market
    "#ETH short لا تدخلوا بسعر السوق، ننتظر 2.845",            # ar: do not enter at the market, we wait for 2.845
])
def test_a_market_word_ruled_out_or_noted_keeps_the_limit(text):
    parsed = parse_message(text + "\nTP: 2.790 / 2.730\nSL: 2.910\n5x")
    assert parsed.entry_type == EntryType.LIMIT
    assert parsed.entries == (D(2845),)


# --- 2. a stop move --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, price", [
    ("Ajustem o stop do ARB pra 1,25 garantindo o ganho", D("1.25")),   # pt: adjust (you all)
    ("Movam o stop do ARB para 1,25", D("1.25")),                      # pt: move
    ("Baixem o stop do ARB pra 1,25", D("1.25")),                      # pt: lower
    ("Ajusten el stop de ARB a 1,25", D("1.25")),                      # es: adjust
    ("Muevan el SL de ARB a 1,25", D("1.25")),                         # es: move
    ("Підтягуємо стоп по ARB до 1,25", D("1.25")),                     # uk: pull up
    ("ARB stopunu 1,25'e çekiyoruz", D("1.25")),                       # tr: the stop (object) to 1.25
    ("#ARB stopumuzu 1.25 seviyesine çektik", D("1.25")),              # tr: to the 1.25 level
    ("Stop bei ARB auf 1,25 nachziehen", D("1.25")),                   # de: the coin between
    ("SL on ARB moved to 1.25", D("1.25")),                            # en: the coin between
    ("ARB का stop 1.25 पर shift करें", None),                          # hi
    ("ARB ka SL 1.25 pe shift karo", None),                            # hi-Latn
    ("استاپ ARB رو ببرید روی 1.25", None),                              # fa
])
def test_a_stop_move_in_more_verb_forms(text, price):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.symbol == "ARB/USDT"
    if price is not None:
        assert parsed.new_stop == price


@pytest.mark.parametrize("text", [
    "Não movam o stop do ARB",                     # pt: do not move
    "Stop bei ARB nicht nachziehen",               # de: do not pull it up
    "ARB stopunu çekmeyin",                        # tr: do not move it
    "O preço vai ajustar até o stop do ARB",       # pt: the price may come down to the stop
    "Ajuste de stop: sempre use stop em 3%",       # pt: a rule of the channel
])
def test_stop_move_look_alikes_change_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- 3. a stop-out told with the stop's label word -------------------------------------------------------------------


@pytest.mark.parametrize("text, side", [
    ("Kèo ETH long cắt lỗ 😔 -18% (x20)\nGiữ kỷ luật nhé anh em", Side.LONG),   # vi: the loss cut, a signed loss
    ("Kèo SOL short đã cắt lỗ", Side.SHORT),                                 # vi: already cut
    ("SOL short bị cắt lỗ", Side.SHORT),                                     # vi: got cut
    ("ETH long cắt lỗ rồi anh em", Side.LONG),                               # vi: cut, done
    ("Sinyal ETH long cut loss 😔 -18%", Side.LONG),                          # id: a signed loss after it
    ("SOL short kena CL -12%", Side.SHORT),                                  # id: hit the cut-loss
    ("SOL short udah cut loss", Side.SHORT),                                 # id: already cut
    ("SOL 숏 손절했습니다 -12%", Side.SHORT),                                    # ko: cut the loss
    ("#SOL stopu patladı", None),                                            # tr: the stop (with its ending) hit
])
def test_a_stop_out_with_the_stop_label_word(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.update_action == UpdateAction.SL_HIT
    assert parsed.side == side


@pytest.mark.parametrize("text", [
    "#ETH long\nVào lệnh: 2800\nCắt lỗ: 2740\nChốt lời: 2900",      # vi: the card's stop label
    "#ETH long\nEntry: 2800\nCut loss: 2740\nTP: 2900",             # id/ms: the card's stop label
    "#ETH long\n진입: 2800\n손절: 2740\n목표: 2900",                   # ko: the card's stop label
])
def test_the_stop_label_on_a_card_stays_the_stop(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.stop_loss == D(2740)


@pytest.mark.parametrize("text", [
    "ETH long\nCắt lỗ -3%",                         # vi: the stop's distance heading its line
    "Kèo ETH long chưa cắt lỗ, vẫn giữ",            # vi: not cut yet, still held
    "Nếu giá xuống 2740 thì cắt lỗ",                 # vi: if the price drops, cut
    "ETH long hampir kena CL, masih hold",          # id: almost hit
    "ETH 손절하면 다시 진입",                           # ko: if it is cut, re-enter
    "Kalau ETH turun ke 2740 kita cut loss",         # id: if it drops
])
def test_stop_out_look_alikes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- 4. the whole bag sold, and "we stop here" after a target ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "INJ jual semua di 24,10 ✅ TP3 kena, kita cukupkan di sini 🎉",   # id: sold all, a target hit beside it
    "INJ jual semua di 24,10 ✅",                                     # id: sold all, ticked
    "INJ sudah jual semuanya",                                       # id: already sold all
    "INJ đã bán hết ở 24.10",                                        # vi: already sold all
    "INJ bán toàn bộ ở 24.10 ✅",                                     # vi: sold it all, ticked
    "INJ hepsini 24,10'dan sattık ✅",                                # tr: we sold all of it
    "INJ 全部卖出 ✅",                                                 # zh: all sold
    "INJ 24.10에 전량 매도 완료",                                       # ko: all sold, done
    "INJ tutto venduto a 24,10 ✅ TP3 preso",                         # it: all sold, a target beside it
    "INJ sab bech diya 24.10 pe",                                    # hi-Latn: sold it all
    "INJ TP3 kena, kita cukupkan di sini",                           # id: target hit, we end it here
    "INJ TP3 hit, we stop here",                                     # en
    "INJ TP3 alcanzado, lo dejamos aquí",                            # es
])
def test_the_whole_bag_sold_is_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "INJ/USDT"
    assert parsed.side is None  # (the sell verb of the exit is no side of the position)


@pytest.mark.parametrize("text", [
    "INJ jual semua di TP3",                          # id: sell all at a target later
    "INJ jual semua di 24,10",                        # id: sell all at a price — not said done
    "INJ kalau sudah TP3 jual semuanya",              # id: when TP3 is reached
    "Kita cukupkan di sini untuk hari ini, besok lanjut",  # id: the channel's day ends
    "INJ TP3 到达后全部卖出",                            # zh: sell all after TP3 is reached
    "Jangan jual semua INJ",                          # id: do not sell all
    "INJ belum jual semua, masih hold",               # id: not sold yet, still held
])
def test_sell_all_look_alikes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- 5. zh entry labels with the side and "price level" ----------------------------------------------------------------


@pytest.mark.parametrize("label", ["开空价位", "做空价位", "开空点位", "入场点位", "建仓价位", "开仓价位", "进场点位"])
def test_a_zh_entry_label_with_a_price_level_heads_the_entry(label):
    parsed = parse_message(f"#ADA 空单\n{label}：0.7480附近\n目标：0.7300、0.7150\n止损：0.7650\n10倍")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side == Side.SHORT
    assert parsed.entries == (D("0.7480"),)
    assert parsed.entry_type == EntryType.LIMIT
    assert parsed.tradable


def test_a_zh_long_price_level_is_the_long_entry():
    parsed = parse_message("#ADA\n开多价位：0.7480附近\n目标：0.7650、0.7800\n止损：0.7300")
    assert parsed.side == Side.LONG
    assert parsed.entries == (D("0.7480"),)
    assert parsed.tradable


def test_a_zh_long_price_level_over_short_levels_is_not_traded():
    assert not parse_message("#ADA\n开多价位：0.7480附近\n目标：0.7300、0.7150\n止损：0.7650").tradable


# --- 6. a results post ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📊 इस महीने का Result: 52 calls, 40 target hit 🚀\nVIP join करने के लिए DM करें",   # hi: this month's result
    "📊 This month's result: 52 calls, 40 targets hit",                                # en
    "Pichle hafte ka result: 18 calls, 15 target hit",                                 # hi-Latn: last week's result
    "Resultado do mês: 52 sinais, 40 alvos atingidos",                                 # pt: the month's result
    "Kết quả tháng này: 52 kèo, 40 kèo chạm TP",                                       # vi: this month's result
    "이번 달 결과: 52개 시그널, 40개 목표 달성",                                             # ko: this month's result
    "52 calls, 40 target hit this month 🚀 join premium",                              # a tally, no heading
    "52 sinyal, 40 kena TP bulan ini",                                                  # id: a tally
])
def test_a_month_of_results_is_no_update(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, kind", [
    ("#SOL 2 targets hit ✅", MessageKind.UPDATE),      # one trade's targets, counted
    ("Close all 3 trades now", MessageKind.CLOSE),      # a count of trades with a command
])
def test_counts_of_one_trade_or_a_command_stay_read(text, kind):
    assert parse_message(text).kind == kind


# --- 7. a close verb in a conditional form ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#DOT kapatırsak",                              # tr: if we close
    "#DOT pozisyonu kapatırsak zarar ederiz",       # tr: if we close the position, we lose
    "#DOT kapatınca yeni işlem açacağız",           # tr: once we close
    "#DOT kapatırken dikkat",                       # tr: while closing
    "#DOT 決済したら利益が減る",                        # ja: if closed
    "#DOT 決済すれば安全",                             # ja: if closed
    "#DOT close karein to loss hoga",               # hi-Latn: if we close, a loss
    "#DOT close kiya to loss hoga",                 # hi-Latn: if closed
])
def test_a_conditional_close_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#DOT kapatıyoruz",             # tr: we are closing
    "#DOT kapattık ✅",              # tr: we closed
    "#DOT 決済しました",              # ja: closed
    "#DOT close kar do abhi",       # hi-Latn: close it now
    "Close #DOT to lock profit",    # en: "to" after a close is no condition
])
def test_the_close_itself_stays_a_close(text):
    assert parse_message(text).kind == MessageKind.CLOSE
