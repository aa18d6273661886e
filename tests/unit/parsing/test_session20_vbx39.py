"""Session 20, fixer vbx39: a provider bot's key=value cards and one-line follow-ups (blind_z39 misses).

Every case is written in its own words, never a corpus row. The rules:
- a pinned guide explaining the channel's format ("HOW TO READ …", "Legend", "Glossary") names its status words and is
  no trade's status; "#ref" / "ref#" is a post's reference label, never a coin;
- a bot's one-line follow-up, its cells split by "›", "|", "»" or "•": a target ticked off ("TP1 ✓ price", the light
  check mark read as "done") is a target hit; "coin side › TRIGGERED @ price" is a fill of the call's entry (side as
  written), never a fresh open; "› EXPIRED ›" (the order removed) ends the call; "› TRAIL MOVED ›" and "› sl old → new"
  move the stop;
- a card's "entry=A..B" (two dots between the prices) is a zone, read as a range.
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
