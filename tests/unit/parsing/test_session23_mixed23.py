"""Session 23, mixed23: a status of one coin beside a fresh card of another, and plain-word stop moves and closes
(review 37, F2 and F13).

Rules, each with its traps:
- a clause (a line, or a sentence of one) reporting a close, a stop-out, a change or a target hit that names a coin
  other than the card's — and not the card's — is news of that coin's trade, set aside with the clauses of no coin that
  go on from it; the card is read as it stands (an open). A status of the card's own coin ("BTC closed ✅ — re-entry BTC
  long …") or of no coin is read as before, and a status post with no card still changes its own coin;
- "Last entry was stopped at …" is no level of the card ("entry was" is a past entry only with its price after it);
- a stop move heading the post over the card it changes, shown as the earlier call ("old card:", "Original signal:",
  "previous call", a quote block) is the running trade's update — never a second open of the card;
- a stop moved in words without the usual verb: "<coin> stop from A to B", "SL <coin> -> B", "<coin> SL -> B",
  "<coin>: stop B, previous A", "SL B (old A)", ru "Стоп по <coin> на B" — the new price is B, never the old one;
- "Sell all <coin> now" closes the coin (not "Sell all <coin> at TP3", a plan);
- "Closing ETH. BTC stays open." closes ETH; "Close everything except ETH" / "Close all, ETH stays open" stay for an
  operator;
- a capitalised word across a dash from the side word whose other side already holds the coin ("BTC LONG - ONE more
  chance!") is the sentence going on, no second coin;
- a card whose every labelled line writes its prices first and the label last ("145 entry / 160 target / 139 stop") is
  read label first; a card mixing the two ways reads each line as written;
- the heavy arrow "➡️" between two prices reads as "→" (a stop's old and new price); as a bullet or beside a label it
  stays an emoji.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- F2: a status of another coin beside a fresh card ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol", "entries", "stop"), [
    # a close of another coin heading the card, one line or several
    ("Took BTC off for +38%. Opening SOL/USDT LONG entry 152 TP 160 SL 147", "SOL/USDT", [152], 147),
    ("Closed DOGE in profit +21%.\nNext up XRP/USDT LONG\nEntry 0.62\nTP 0.66\nSL 0.60", "XRP/USDT", [0.62], 0.60),
    ("Bitcoin trade closed +20%.\nAVAX/USDT LONG Entry 28 TP 30 SL 27", "AVAX/USDT", [28], 27),
    # a stop-out of another coin under or over the card
    ("ARB/USDT LONG entry 1.10 TP 1.20 SL 1.05\nGot stopped on DOGE this morning 😕", "ARB/USDT", [1.1], 1.05),
    ("SL hit on AVAX 😔\n#SOL/USDT SHORT\nEntry 150\nTP 140\nSL 155", "SOL/USDT", [150], 155),
    # a target of another coin and a change made there
    ("INJ TP2 reached — stop to entry.\nTIA/USDT LONG Entry 9.5 TP 10.5 SL 9", "TIA/USDT", [9.5], 9),
    ("DOGE TP3 hit ✅ move SL to TP1.\n#ARB/USDT LONG Entry 1.10 TP 1.20 SL 1.05", "ARB/USDT", [1.1], 1.05),
    ("ATOM/USDT LONG Entry 7 TP 8 SL 6.5\n(XRP TP1 hit, SL to breakeven on that one)", "ATOM/USDT", [7], 6.5),
    # the change on a line of its own after the other coin's target
    ("AVAX TP2 hit ✅\nMove SL to entry.\nLINK/USDT LONG Entry 18 TP 20 SL 17", "LINK/USDT", [18], 17),
    # a footer about another coin's old signal
    ("SOL/USDT LONG\nEntry 150\nTP 160\nSL 145\nBTC call from last week: TP2 done ✅", "SOL/USDT", [150], 145),
    # other languages
    ("BTC закрыт в плюс +45%.\nETH/USDT LONG\nВход 3500\nTP 3600\nSL 3450", "ETH/USDT", [3500], 3450),
    ("SOL stoplossa düştü 😔\nETH/USDT LONG Giriş 3500 TP 3600 SL 3450", "ETH/USDT", [3500], 3450),
    ("AVAX: стоп в безубыток.\nLINK/USDT LONG Вход 18 TP 20 SL 17", "LINK/USDT", [18], 17),
])
def test_status_of_another_coin_leaves_the_card_an_open(text, symbol, entries, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol
    assert list(parsed.entries) == [Decimal(str(e)) for e in entries]
    assert parsed.stop_loss == Decimal(str(stop))
    assert parsed.tradable


def test_last_entry_stopped_is_no_close_of_the_card():
    # (the post's own entry word on the past line is read as a level: held, never closed)
    parsed = parse_message("SOL LONG now @ 151\nTargets: 158 163\nSL: 142\nLast entry was stopped at 144")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize(("text", "kind", "symbol"), [
    # the status is the card's own coin: a re-entry after the close opens, as before
    ("ETH closed ✅ — re-entry ETH long 3500 TP 3600 SL 3450", MessageKind.OPEN, "ETH/USDT"),
    # the target and change are the card's own coin's: the running trade's change, as before
    ("ETH TP1 hit ✅ move SL to entry\nETH/USDT LONG Entry 3500 TP 3600 SL 3450", MessageKind.UPDATE, "ETH/USDT"),
    # the futures' thousand-unit contract is the same coin
    ("PEPE TP1 hit ✅ move SL to entry\n1000PEPE/USDT LONG Entry 0.0120 TP 0.0130 SL 0.0115", MessageKind.UPDATE,
     "1000PEPE/USDT"),
    # a status post with no card still changes its own coin
    ("INJ TP2 reached — stop to entry.", MessageKind.UPDATE, "INJ/USDT"),
    ("SL hit on AVAX 😔", MessageKind.CLOSE, "AVAX/USDT"),
    # the close of a past entry with its levels stays a close
    ("#SOL closed at 165 (TP2) — entry was 158, SL 153", MessageKind.CLOSE, "SOL/USDT"),
])
def test_status_of_the_cards_own_coin_is_read_as_before(text, kind, symbol):
    parsed = parse_message(text)
    assert parsed.kind == kind
    assert parsed.symbol == symbol


# --- a stop move over the old card ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "action", "new_stop"), [
    ("#SOL SL moved to 148\n(old card: SOL/USDT LONG Entry 150 TP 160 SL 144)", UpdateAction.NEW_STOP, 148),
    ("SOL: move SL to 148\n\nOriginal signal:\nSOL/USDT LONG\nEntry 150\nTP 160\nSL 144", UpdateAction.NEW_STOP, 148),
    ("Move SL to 148 ⬆️\n\n> SOL/USDT LONG\n> Entry 150\n> TP 160\n> SL 144", UpdateAction.NEW_STOP, 148),
    ("Stop to entry now\nPrevious call: SOL/USDT LONG Entry 150 TP 160 SL 144", UpdateAction.MOVE_SL_BREAKEVEN, None),
])
def test_stop_move_over_the_old_card_is_an_update(text, action, new_stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "SOL/USDT"
    assert parsed.update_action == action
    assert parsed.new_stop == (Decimal(new_stop) if new_stop is not None else None)


@pytest.mark.parametrize("text", [
    # a plan for later under a fresh card, a word about the previous call: still the card
    "SOL/USDT LONG Entry 150 TP 160 SL 144\nMove SL to entry after TP1 (previous signal did well)",
])
def test_fresh_card_with_a_later_plan_stays_an_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN


def test_stop_move_of_another_coin_over_a_card_opens_nothing_tradable():
    parsed = parse_message("BTC SL moved to 64000\n(old card: SOL/USDT LONG Entry 150 TP 160 SL 144)")
    assert not parsed.tradable


# --- F13: stop moves in plain words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol", "new_stop"), [
    ("Move SOL stop from 140 to 146", "SOL/USDT", 146),
    ("AVAX stop from 26.5 to 27.8", "AVAX/USDT", Decimal("27.8")),
    ("SL LINK -> 17.4", "LINK/USDT", Decimal("17.4")),
    ("LINK SL -> 17.4", "LINK/USDT", Decimal("17.4")),
    ("SOL: SL 140 → 146", "SOL/USDT", 146),
    ("SOL: stop 146, previous 140", "SOL/USDT", 146),
    ("SOL SL 146 (old 140)", "SOL/USDT", 146),
    ("#SOL stop 146 (was 140)", "SOL/USDT", 146),
    ("Стоп по #SOL на 146", "SOL/USDT", 146),
    ("SL по эфиру на 3480", "ETH/USDT", 3480),
])
def test_stop_move_in_plain_words(text, symbol, new_stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == symbol
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == Decimal(new_stop)


def test_stop_move_with_a_point_group_keeps_both_readings():
    parsed = parse_message("Стоп по BTC на 63.800")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop is None
    assert Decimal(63800) in parsed.stop_readings


@pytest.mark.parametrize("text", [
    # the old price is never the new stop
    "SOL: stop 146, previous 140",
    "SOL SL 146 (old 140)",
])
def test_old_price_is_never_the_new_stop(text):
    assert parse_message(text).new_stop != Decimal(140)


# --- F13: closes in plain words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("Sell all AVAX now", "AVAX/USDT"),
    ("Sell all of our DOGE here", "DOGE/USDT"),
    ("Closing SOL. AVAX stays open.", "SOL/USDT"),
    ("Cerramos SOL, AVAX sigue abierto", "SOL/USDT"),
])
def test_close_in_plain_words(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "Sell all AVAX at TP3",              # a plan at a target, not now
    "Close everything except #SOL",      # every trade but the one named: for an operator
    "Close all, #SOL stays open",
    "Close the rest, #SOL stays open",
])
def test_close_look_alikes_close_nothing_named(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE


# --- F13: a capitalised word across a dash from the side word ---------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("SOL LONG - ONE last shot!\nEntry 150 TP 160 SL 145", "SOL/USDT"),
    ("LONG - SOL\nEntry 150 TP 160 SL 145", "SOL/USDT"),          # the coin after the dash, nothing before the side
    ("SIGNAL LONG - SOL\nEntry 150 TP 160 SL 145", "SOL/USDT"),   # a heading word before the side is no coin
])
def test_word_across_a_dash_from_the_side(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol


# --- F13: prices first, labels last, on every line --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entries", "targets", "stop"), [
    ("AVAX/USDT LONG\n27 entry\n29.5 target\n25.8 stop", [27], [Decimal("29.5")], Decimal("25.8")),
    ("AVAX/USDT SHORT\n30 entry\n27 / 25 targets\n32 stop", [30], [27, 25], 32),
    # one line labelled first: every line read as written, the same card
    ("AVAX/USDT LONG\n27 entry\nTP 29.5\n25.8 stop", [27], [Decimal("29.5")], Decimal("25.8")),
])
def test_prices_before_their_labels(text, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.entries) == [Decimal(e) for e in entries]
    assert list(parsed.targets) == [Decimal(t) for t in targets]
    assert parsed.stop_loss == Decimal(stop)


# --- F13: the heavy arrow between prices ------------------------------------------------------------------------------


def test_heavy_arrow_between_the_old_and_new_stop():
    parsed = parse_message("SOL: SL 140 ➡️ 146")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == Decimal(146)


@pytest.mark.parametrize("text", [
    "SOL/USDT LONG\nEntry 150\nTargets: 155 ➡️ 160 ➡️ 170\nSL 145",
    "SOL/USDT LONG\n➡️ Entry: 150\n➡️ TP: 155, 160, 170\n➡️ SL: 145",
    "SOL/USDT LONG\nEntry ➡️ 150\nTP ➡️ 155 | 160 | 170\nSL ➡️ 145",
])
def test_heavy_arrow_in_a_card_leaves_its_levels(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.entries) == [Decimal(150)]
    assert list(parsed.targets) == [Decimal(155), Decimal(160), Decimal(170)]
    assert parsed.stop_loss == Decimal(145)
