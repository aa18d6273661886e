"""Session 17, fixer r31b (adversarial review r31), own look-alikes:

- "Coin: G (Good)": a one-letter ticker with a bracketed word is traded only when the word is that coin's project
  name (Gravity, Wormhole, Sonic, Threshold, Chainbase) — otherwise held;
- "Update SOON / SL to entry", "GM update": the update heading names a coin only for a ticker we know (or one with a
  digit, "C98") — never slang;
- durations do not eat prices ("entry 3100 SEC fud", "Entry 64000 std. Einstieg", "TP 150 Std"), and the left bound
  of "2-3 days" is a duration, not a target;
- ladders labelled as exits are targets ("TP ladder:", "Exit ladder:", "Ladder: … (take profits)");
- "ТВХ по рынку" is a market entry;
- Turkish: "%50'sini 31,2'den kapattık" a partial close, "yarısını değil hepsini sattık" a close, "sattığımızı
  sananlar… hiç satmadık" nothing.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- one-letter ticker, bracketed word -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("Coin: G (Great)\nSide: Long\nEntry: 0.02\nTP: 0.022\nSL: 0.018", "G/USDT"),
    ("Coin: C (Chart)\nDirection: Short\nEntry: 0.25\nTP: 0.23\nSL: 0.27", "C/USDT"),
    ("Pair: T (Tomorrow)\nLong\nEntry: 0.021\nTP: 0.023\nSL: 0.019", "T/USDT"),
    ("Coin: S (Soon)\nLong\nEntry: 0.5\nTP: 0.55\nSL: 0.45", "S/USDT"),
    ("Coin: W (Winner)\nSide: Long\nEntry: 0.30\nTP: 0.33\nSL: 0.28", "W/USDT"),
    ("COIN: G (GOOD)\nSIDE: LONG\nENTRY: 140\nTP: 150\nSL: 130", "G/USDT"),
    ("COIN: T (TODAY)\nSIDE: SHORT\nENTRY: 0.021\nTP: 0.019\nSL: 0.023", "T/USDT"),
])
def test_one_letter_ticker_with_a_word_not_its_name_is_held(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.OPEN, symbol)
    assert not parsed.tradable


@pytest.mark.parametrize("text,symbol", [
    ("Coin: G (Gravity)\nSide: Long\nEntry: 0.02\nTP: 0.022\nSL: 0.018", "G/USDT"),
    ("Coin: C (Chainbase)\nDirection: Short\nEntry: 0.25\nTP: 0.23\nSL: 0.27", "C/USDT"),
    ("Pair: S (Sonic)\nLong\nEntry: 0.5\nTP: 0.55\nSL: 0.45", "S/USDT"),
    ("Coin: W (Wormhole)\nSide: Long\nEntry: 0.30\nTP: 0.33\nSL: 0.28", "W/USDT"),
    ("COIN: G (GRAVITY)\nSIDE: LONG\nENTRY: 0.0265\nTP: 0.028\nSL: 0.0238", "G/USDT"),
])
def test_one_letter_ticker_with_its_project_name_trades(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.tradable) == (MessageKind.OPEN, symbol, True)


# --- "Update <word>" heading -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,action", [
    ("Update SOON\nMove SL to breakeven on all trades", UpdateAction.MOVE_SL_BREAKEVEN),
    ("Update WEN\nSL to entry", UpdateAction.MOVE_SL_BREAKEVEN),
    ("GM update\nSL to BE everywhere", UpdateAction.MOVE_SL_BREAKEVEN),
    ("LFG update\nMove SL to 0.515", UpdateAction.NEW_STOP),
    ("Update HODL\nSL to entry", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_update_heading_with_slang_names_no_coin(text, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, None, action)


@pytest.mark.parametrize("text,symbol", [
    ("Update TIA\nSL to entry", "TIA/USDT"),
    ("PEPE update\nMove SL to breakeven", "PEPE/USDT"),
    ("Update C98\nMove SL to 0.1480", "C98/USDT"),
    ("KAVA update\nMove SL to 0.515", "KAVA/USDT"),
])
def test_update_heading_with_a_known_ticker_names_it(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol)


# --- durations and prices --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,entries,targets,stop", [
    ("#BTC short, entry 64000 SEC news today, TP 62000, SL 65500", [D(64000)], [D(62000)], D(65500)),
    ("#ETH long\nEinstieg 3100 std.\nTP 3300\nSL 3000", [D(3100)], [D(3300)], D(3000)),
    ("#SOL long\nEntry 140\nTP 150 Std\nTP 160\nSL 130", [D(140)], [D(150), D(160)], D(130)),
    ("#SOL long\nEntry 140\nTP 150 / 160\nSL 130\nTakes: 1-2 weeks to play out", [D(140)], [D(150), D(160)], D(130)),
    ("#AVAX long\nEntry 30\nTargets: 33 / 35\nSL 28\nExpected: 3 to 5 days", [D(30)], [D(33), D(35)], D(28)),
])
def test_durations_do_not_eat_prices(text, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == (entries, targets, stop)
    assert parsed.tradable


def test_a_real_duration_stays_no_price():
    parsed = parse_message("#SOL long\nEntry 140\nTP 150\nSL 15 min close below 130")
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([D(140)], [D(150)], D(130))


# --- ladders of exits ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,entries,targets", [
    ("#SOL long\nEntry 140\nTake-profit ladder: 150 / 160\nSL 130", [D(140)], [D(150), D(160)]),
    ("#ETH short\nEntry 3100\nExit ladder:\n• 3000\n• 2900\nSL 3200", [D(3100)], [D(3000), D(2900)]),
    ("#ETH short\nEntry 3100\nLadder: 3000 / 2900 (TPs)\nSL 3200", [D(3100)], [D(3000), D(2900)]),
    ("#AVAX long\nEntry 30\nTarget ladder: 33 / 35 / 37\nSL 28", [D(30)], [D(33), D(35), D(37)]),
])
def test_a_ladder_of_exits_is_the_targets(text, entries, targets):
    parsed = parse_message(text)
    assert (parsed.kind, list(parsed.entries), list(parsed.targets), parsed.tradable) == (MessageKind.OPEN, entries, targets, True)


@pytest.mark.parametrize("text,entries", [
    ("#SOL long\nLadder: 140 / 138 / 136\nTP 150\nSL 130", [D(136), D(138), D(140)]),
    ("#SOL long\nLadder: 140 / 138 (entries)\nTP 150\nSL 130", [D(138), D(140)]),
])
def test_a_plain_ladder_stays_the_entries(text, entries):
    parsed = parse_message(text)
    assert (list(parsed.entries), list(parsed.targets)) == (entries, [D(150)])


# --- ТВХ по рынку ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Шорт #ETH\nТВХ по рынку\nЦели: 3000 / 2950\nСтоп: 3180",
    "Лонг #TON\nТ.вх.: по рынку\nТейки: 5.70 / 5.95\nСтоп: 5.15",
])
def test_tvh_at_market_is_a_market_entry(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.entry_type, list(parsed.entries), parsed.tradable) == (MessageKind.OPEN, EntryType.MARKET, [], True)


# --- Turkish share / all / denial ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("#SOL %30'unu 145'ten sattık", "SOL/USDT"),
    ("#LINK %25'ini 14,8'den kapattık", "LINK/USDT"),
    ("#DOGE pozisyonun yarısını 1,55'ten sattık", "DOGE/USDT"),
])
def test_turkish_share_with_a_price_before_the_verb_is_partial(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text,symbol", [
    ("#OP yarısını değil hepsini sattık", "OP/USDT"),
    ("#ARB hepsini sattık, işlem bitti", "ARB/USDT"),
])
def test_turkish_all_sold_closes(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "#OP yarısını sattığımızı düşünenler yanılıyor, hiç satmadık",
    "#ARB hepsini satın aldık",
    "#ARB hepsini satmadık",
])
def test_turkish_no_sale_is_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
