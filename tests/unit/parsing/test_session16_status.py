"""Status and management words after blind batches w1..w4 and u3 (session 16, fixer "status"): a Greek share closed
with the stop moved is a partial, not a close; a remaining Chinese position stopped out, or "本单结束", ends the trade; a
month of results after "we closed" is no close; a signal expired or cancelled before any fill is a close (en, bn, cs,
hi-en); rare-language target/stop/partial words (ur, ms, tl); client replies quoting the call in ar/he; two coins, one
acted on and the other left as it is. (Own look-alikes: other coins, prices and wordings.)"""

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message


def _kind(post):
    return parse_message(post).kind.value


# --- Greek: a share closed and the stop moved keeps the trade -------------------------------------------------------

@pytest.mark.parametrize("post,action", [
    ("#SOL ο δεύτερος στόχος χτυπήθηκε ✅\nΚλείνουμε το 30% της θέσης.", UpdateAction.PARTIAL_CLOSE),
    ("#LINK κλείστε το μισό τώρα, τα υπόλοιπα τρέχουν", UpdateAction.PARTIAL_CLOSE),
    ("#AVAX μεταφέρουμε το stop στην είσοδο", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#DOT Μετακινήστε το SL στο σημείο εισόδου 👍", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_greek_share_closed_or_stop_moved_is_an_update(post, action):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.update_action == action


def test_greek_close_of_the_whole_position_stays_a_close():
    assert _kind("#ADA Κλείνουμε όλη τη θέση τώρα") == "close"


# --- Chinese: the remaining position stopped out / "本单结束" ends the trade ----------------------------------------

@pytest.mark.parametrize("post", [
    "#ARBUSDT 剩余仓位保本出场，本单完结",
    "#OP 剩下的仓位止损出局",
    "#APT 本单已经结束，收益 +18%",
])
def test_chinese_remaining_position_out_or_trade_over_is_a_close(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.update_action in (None, UpdateAction.SL_HIT)


@pytest.mark.parametrize("post", ["#OP 止盈1已达成，剩余仓位继续持有", "#APT 止盈2到达 剩余仓位止损移至成本"])
def test_chinese_remaining_position_held_or_its_stop_moved_stays_an_update(post):
    assert _kind(post) == "update"


# --- a month closed with results is no close ------------------------------------------------------------------------

@pytest.mark.parametrize("post", [
    "Valeu galera! Fechamos outubro com 41 sinais e 33 no lucro 🚀",
    "Cerramos marzo con +320% acumulado, gracias equipo",
    "Closed September with 27 wins out of 31 🔥",
    "Закрыли ноябрь в плюсе, спасибо всем",
    "Fechamos este mês com 90% de acerto",
])
def test_a_month_of_results_is_no_close(post):
    assert _kind(post) == "not_a_signal"


@pytest.mark.parametrize("post", ["#SOL fechamos com lucro ✅", "#BNB cerramos aquí, +7%"])
def test_a_coin_closed_stays_a_close(post):
    assert _kind(post) == "close"


# --- expired / cancelled before any fill = close ------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol,side", [
    ("⏰ Signal expired\n#OP/USDT LONG — entry 1.842 never reached in 48h.\nAll pending orders cancelled, no position opened.",
     "OP/USDT", "long"),
    ("⚠️ #NEAR সিগন্যাল বাতিল করা হলো, দাম এন্ট্রিতে আসেনি", "NEAR/USDT", None),
    ("❌ #SEI ট্রেড বাতিল — সব পেন্ডিং অর্ডার ক্যান্সেল করুন", "SEI/USDT", None),
    ("Zrušeno ❌ #LINK short\nCena se k zóně nedostala, zrušte limitní příkazy.", "LINK/USDT", "short"),
    ("#APT signál zrušen, smažte čekající příkazy", "APT/USDT", None),
])
def test_a_signal_withdrawn_before_a_fill_is_a_close(post, symbol, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == symbol
    assert (parsed.side.value if parsed.side else None) == side


@pytest.mark.parametrize("post", [
    # (one rung cancelled while the trade runs: an update, not a close)
    "#GMT TP1 closed. entry 2 not reached, cancel the remaining orders",
    "#INJ entry 2 not reached — cancel the remaining orders, position stays",
])
def test_a_rung_not_reached_and_cancelled_stays_an_update(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "update"


# --- hi-en: "close kar do", "trade cancel karo" --------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol,side", [
    ("SOL long wala trade abhi market pe close kar do, BTC gir raha hai", "SOL/USDT", "long"),
    ("#AVAX abhi exit karein, thoda loss theek hai", "AVAX/USDT", None),
    ("↩️ Reply to: #APT LONG 8.40-8.60\nye trade cancel kar do, entry abhi tak nahi aayi", "APT/USDT", "long"),
    ("ETH trade close kar do", "ETH/USDT", None),  # ("kar" is no coin)
])
def test_hinglish_close_or_cancel_of_the_trade_is_a_close(post, symbol, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == symbol
    assert (parsed.side.value if parsed.side else None) == side


def test_hinglish_close_negated_is_no_close():
    assert _kind("#SOL abhi close mat karo, hold karo") != "close"
    assert _kind("#SOL abhi exit nahi karna") != "close"


def test_hinglish_share_closed_is_a_partial():
    parsed = parse_message("#DOGE 30% close kar do, baaki chalne do")
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


def test_hinglish_one_rung_cancelled_is_no_close():
    assert _kind("ORDI entry 37.40 fill ho gaya ✅ DCA 35.90 cancel kar do") != "close"


# --- rare-language status words -------------------------------------------------------------------------------------

@pytest.mark.parametrize("post,side", [
    ("#ETH شارٹ ✅ دوسرا ٹارگٹ پورا ہو گیا", "short"),
    ("#SOL ٹارگٹ 2 ہٹ ہو گیا 🎯", None),
    ("#ADA dah sentuh TP2 🎯 untung +18%", None),
    ("#TRX sudah kena TP1 ✅", None),
    ("#DOGE SHORT Tinamaan na ang TP2! 🔥", "short"),
])
def test_rare_language_target_hit_is_an_update(post, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.TP_HIT
    assert (parsed.side.value if parsed.side else None) == side


@pytest.mark.parametrize("post,action", [
    ("#ETH 30٪ منافع بک کر لیں، باقی چلنے دیں", UpdateAction.PARTIAL_CLOSE),
    ("#ETH اسٹاپ لاس انٹری پر منتقل کر دیں", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX Ilipat na natin ang SL sa entry", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#ADA Alihkan SL ke 0.512 sekarang", UpdateAction.NEW_STOP),
])
def test_rare_language_share_or_stop_move_is_an_update(post, action):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.update_action == action


def test_price_going_to_the_stop_is_no_stop_move():
    assert _kind("#SOL o preço vai para o stop, cuidado") == "not_a_signal"


# --- replies quoting the call --------------------------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol,side", [
    ("↩️ תגובה ל: #SOL לונג 142.5\nסוגרים את העסקה עכשיו, רווח קטן", "SOL/USDT", "long"),
    ("↩️ ردا على: #AVAX SHORT 39.80\nأغلقوا الصفقة الآن بسعر السوق", "AVAX/USDT", "short"),
    ("↩️ رداً على: #DOT شراء 4.40\nأغلقوا الصفقة الآن", "DOT/USDT", "long"),
])
def test_a_close_under_a_quoted_call_takes_the_quotes_coin_and_side(post, symbol, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == symbol and parsed.side.value == side
    assert not parsed.tradable


def test_a_hebrew_reply_that_asks_nothing_opens_nothing():
    parsed = parse_message("↩️ תגובה ל: #SOL לונג 142.5\nתודה רבה!")
    assert parsed.kind.value != "open"


# --- two coins, one acted on ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol", [
    ("#AVAX TP1 hit ✅ move SL to entry\n#DOT still waiting for its entry, nothing changes", "AVAX/USDT"),
    ("#LINK alvo 1 batido, stop vai para a entrada\n#ADA continua aguardando entrada", "LINK/USDT"),
    ("#ARB ilk hedef geldi, pozisyonun yarısını kapatın\n#OP işlemine dokunmuyoruz", "ARB/USDT"),
    ("#NEAR TP2 hit, closed 50%\n#SEI untouched", "NEAR/USDT"),
])
def test_two_coins_one_acted_on_the_other_left_is_an_update_of_the_first(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol == symbol


@pytest.mark.parametrize("post", [
    "#AVAX TP1 hit ✅\n#DOT TP1 hit ✅",  # (a recap of two)
    "#AVAX TP1 hit, SL to entry\n#DOT closed",  # (the other closed: which trade is meant is a guess)
])
def test_two_coins_both_acted_on_stay_no_one_update(post):
    parsed = parse_message(post)
    assert not (parsed.kind.value == "update" and parsed.symbol in ("AVAX/USDT", "DOT/USDT") and parsed.also_symbols == ())
