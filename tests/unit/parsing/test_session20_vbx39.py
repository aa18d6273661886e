"""Session 20, fixer vbx39: a provider bot's key=value cards and one-line follow-ups (blind_z39 misses).

Every case is written in its own words, never a corpus row. The rules:
- a pinned guide explaining the channel's format ("HOW TO READ …", "Legend", "Glossary") names its status words and is
  no trade's status; "#ref" / "ref#" is a post's reference label, never a coin;
- a bot's one-line follow-up, its cells split by "›", "|", "»" or "•": a target ticked off ("TP1 ✓ price", the light
  check mark read as "done") is a target hit; "coin side › TRIGGERED @ price" is a fill of the call's entry (side as
  written), never a fresh open; "› EXPIRED ›" (the order removed) ends the call; "› TRAIL MOVED ›" and "› sl old → new"
  move the stop;
- a card's "entry=A..B" (two dots between the prices) is a zone, read as a range;
- an analyst writing in lower case with typos: "entery" / "enrty" is the entry label, "tragets" / "tagrets" the targets
  label, "stoped out" is stopped out; in a reply to the call, a ticker we know heading it with a colon before a status
  ("render: the add got filled"), heading it before its target ticked at a price ("link first tp 20.4 ✅") or named in
  "closing the doge scalp" is the coin of the update or close — never a word that is a coin only by chance ("near tp1",
  "closing the near trade"), nor outside a reply; "the add got filled" is a fill of the call's add-on order.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a guide to the format is no signal; "#ref" is no coin ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("📘 HOW TO READ BOT POSTS (pinned)\npair= the perp · side= LONG / SHORT\nsl= hard stop\n"
     "updates: BOT› #ref … TRIGGERED / TP / CLOSED / EXPIRED"),
    "📘 How to read our bot posts\nupdates: BOT› #SOL … TRIGGERED / TP / CLOSED / EXPIRED",
    "Legend for the cards\n#SOL LONG — zone, TP = targets, SL = hard stop\nupdates: #SOL closed / TP hit / SL moved",
    "Glossary of our notices:\nFILLED = your entry triggered\nCLOSED = #ETH position closed by the bot",
    "Как читать наши сигналы\nобновления: #BTC закрыт / TP / SL",
])
def test_a_guide_to_the_format_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_ref_tag_is_no_coin():
    parsed = parse_message("updates tagged #ref 4410 — position closed")
    assert parsed.symbol != "REF/USDT"


def test_a_close_of_a_legendary_trade_still_closes():
    # ("Legendary …" is no "Legend" heading)
    parsed = parse_message("Legendary trade! #SOL closed +200%")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "SOL/USDT"


# --- one-line follow-ups ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", ["›", "|", "»", "•"])
@pytest.mark.parametrize("tp", ["TP1 ✓ 21.40", "TP2 ✓ 22.10", "TP1 ✅ 21.40", "TP2 done 22.10"])
def test_a_target_ticked_in_a_cell_is_a_target_hit(sep, tp):
    parsed = parse_message(f"BOT{sep} #5521 NEARUSDT {sep} {tp} {sep} +18.4% (6x) {sep} t+02:10")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "NEAR/USDT"
    assert parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("sep", ["›", "|", "»", "•"])
@pytest.mark.parametrize("side,verb", [("LONG", "TRIGGERED"), ("SHORT", "ACTIVATED"), ("LONG", "FILLED"),
                                        ("SHORT", "ENTRY TRIGGERED")])
def test_triggered_in_a_cell_is_a_fill_never_an_open(sep, side, verb):
    parsed = parse_message(f"BOT{sep} #5522 APTUSDT {side} {sep} {verb} @8.42 {sep} t+00:12")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "APT/USDT"
    assert parsed.side == (Side.LONG if side == "LONG" else Side.SHORT)
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert not parsed.entries


def test_first_rung_triggered_with_the_second_pending_is_a_fill():
    parsed = parse_message("BOT› #5523 SEIUSDT LONG › TRIGGERED @0.4410 (E1) › E2 0.4290 pending")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert not parsed.tradable


def test_a_card_with_a_trigger_price_stays_an_open():
    # (a trigger price on a card is its entry: no "triggered" said)
    parsed = parse_message("SEIUSDT LONG | trigger @0.4410 | tp 0.46 / 0.48 | sl 0.42")
    assert parsed.kind == MessageKind.OPEN


@pytest.mark.parametrize("sep", ["›", "|", "»"])
def test_expired_in_a_cell_ends_the_call(sep):
    parsed = parse_message(f"BOT{sep} #5524 WLDUSDT SHORT {sep} EXPIRED {sep} 2.10..2.16 not reached in 24h {sep} "
                           "order removed, no position")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "WLD/USDT"


def test_expired_if_in_a_card_is_its_validity_not_a_close():
    parsed = parse_message("WLDUSDT SHORT | entry 2.10-2.16 | tp 1.98 | sl 2.24 | expired if not triggered in 24h")
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.entries) == [Decimal("2.10"), Decimal("2.16")]


@pytest.mark.parametrize("text", [
    "BOT› #5525 ETHUSDT › TRAIL MOVED › sl 3.31k→3.36k",
    "BOT› #5525 ETHUSDT › trailing stop raised › t+5h",
    "ETHUSDT | SL 3310 → 3360",
    "ETHUSDT » sl 3310 -> 3360",
])
def test_a_stop_moved_in_a_cell_is_an_update(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "ETH/USDT"
    assert parsed.update_action == UpdateAction.NEW_STOP


# --- key=value card: two dots between prices are a zone -------------------------------------------------------------


def _card(entry: str, sl: str = "sl=0.7720") -> str:
    return ("┏━ BOT ━┓  NEW  ref#5530\nsym=SUIUSDT | side=LONG | mkt=perp | lev=6x iso\n"
            f"entry.type=zone | entry={entry}\ntp=0.8450 / 0.8800 / 0.9300\n{sl}\nrisk=1% | valid=24h\n"
            "┗━ follow-ups tagged BOT› #5530 ━┛")


@pytest.mark.parametrize("entry", ["0.7950..0.8120", "0.8120..0.7950"])
def test_two_dots_between_prices_are_a_range(entry):
    parsed = parse_message(_card(entry))
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "SUI/USDT"
    assert list(parsed.entries) == [Decimal("0.7950"), Decimal("0.8120")]
    assert parsed.entry_type == EntryType.RANGE
    assert parsed.stop_loss == Decimal("0.7720")
    assert parsed.tradable


def test_two_dots_with_thousands():
    parsed = parse_message(_card("3.31k..3.36k").replace("SUIUSDT", "ETHUSDT").replace("0.7720", "3.22k")
                           .replace("0.8450 / 0.8800 / 0.9300", "3.45k / 3.52k"))
    assert list(parsed.entries) == [Decimal(3310), Decimal(3360)]
    assert parsed.entry_type == EntryType.RANGE


def test_a_stop_left_to_the_desk_is_held():
    parsed = parse_message(_card("0.7950..0.8120", sl="sl=— (manual, desk will post)"))
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entry_type == EntryType.RANGE
    assert parsed.stop_loss is None
    assert not parsed.tradable


# --- the analyst's lower case and typos --------------------------------------------------------------------------


@pytest.mark.parametrize("entry_word", ["entery", "enrty", "entrey", "Entery"])
@pytest.mark.parametrize("tp_word", ["tragets", "tagrets", "taregts", "targets"])
def test_misspelt_labels_read(entry_word, tp_word):
    parsed = parse_message(f"arb looks ready, i'm longing it\n\nARB/USDT perp LONG\n{entry_word} 0.8120 - 0.8260\n"
                           f"lev 5x isolated\n{tp_word} 0.8500 / 0.8800\nsl 0.7890")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "ARB/USDT"
    assert list(parsed.entries) == [Decimal("0.8120"), Decimal("0.8260")]
    assert parsed.entry_type == EntryType.RANGE
    assert list(parsed.targets) == [Decimal("0.8500"), Decimal("0.8800")]
    assert parsed.stop_loss == Decimal("0.7890")


def test_misspelt_targets_in_a_sentence_are_no_entries():
    parsed = parse_message("quick one, pepe long scalp entry 0.00001210, 10x, tragets 0.00001250 and 0.00001290, "
                           "sl 0.00001180")
    assert list(parsed.entries) == [Decimal("0.00001210")]
    assert list(parsed.targets) == [Decimal("0.00001250"), Decimal("0.00001290")]


@pytest.mark.parametrize("word", ["stoped", "stopd", "stoppd", "stopped"])
def test_stopped_out_misspelt_closes(word):
    parsed = parse_message(f"[In reply to Sam (analyst)]\n{word} out on the rest at 2.84, banked tp1 at least")
    assert parsed.kind == MessageKind.CLOSE


REPLY = "[In reply to Sam (analyst)]\n"


@pytest.mark.parametrize("text,coin", [
    ("render: the 6.95 add got filled overnight, avg ~7.10 now", "RENDER/USDT"),
    ("arb: the add got filled on that wick", "ARB/USDT"),
    ("link: my add-on filled at 14.20, stop same", "LINK/USDT"),
])
def test_a_coin_label_heading_a_reply_names_the_fill(text, coin):
    parsed = parse_message(REPLY + text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text,coin", [
    ("link first tp 16.2 ✅ took a third off. stop for the rest up to 14.9", "LINK/USDT"),
    ("uni tp2 7.40 hit, trailing the rest", "UNI/USDT"),
    ("arb second tp 0.88 done", "ARB/USDT"),
])
def test_a_coin_heading_a_reply_before_its_target_ticked(text, coin):
    parsed = parse_message(REPLY + text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text,coin", [
    ("closing the doge scalp, going nowhere. out 0.2141", "DOGE/USDT"),
    ("closed my pepe long here, small green", "PEPE/USDT"),
    ("exiting the arb swing, done with it", "ARB/USDT"),
])
def test_closing_the_coin_trade_names_the_coin(text, coin):
    parsed = parse_message(REPLY + text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


# (traps: the same words where the coin word is ordinary English, or the post no reply)
@pytest.mark.parametrize("text", [
    REPLY + "near tp1 20.4 ✅ close half",
    REPLY + "closing the near trade here",
    REPLY + "closing the gap trade, the gap filled",
    REPLY + "note: the add got filled",
    REPLY + "render: the chart looks weak today",
])
def test_ordinary_words_are_no_coin(text):
    parsed = parse_message(text)
    assert parsed.symbol not in ("NEAR/USDT", "GAP/USDT", "NOTE/USDT", "RENDER/USDT")


def test_a_coin_label_outside_a_reply_is_not_read_so():
    parsed = parse_message("render: the 6.95 add got filled")
    assert parsed.symbol != "RENDER/USDT" or parsed.kind != MessageKind.OPEN


@pytest.mark.parametrize("text", ["#SOL add not filled yet", "#SOL add never triggered"])
def test_an_add_not_filled_is_no_fill(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.ENTRY_FILLED
