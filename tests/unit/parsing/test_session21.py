"""Session 21, lead: a running trade shown again is no fresh call.

- "We're in #LINK long now, entry was 14.62, targets …, SL …": the entry written as the past and no fresh entry — the
  post shows the levels of a trade taken earlier; read at the market it would buy now, at a price the call never named.
  Held for review. A fresh entry beside the old one ("entry was 412, now 428 / For latecomers, new card / Entry: 418 -
  422") still trades.
- "We are already long #ETH from 3100. Targets …, stop …": held (unless the post calls itself a new signal).
- "The stop for SUI raised concerns in the chat": a stop talked about, not moved ("stop raised to 3.42" still moves it).
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable and "held for review" in (parsed.rejected or "")


@pytest.mark.parametrize("text", [
    "We're in #LINK long now, entry was 14.62, targets 15.10 / 15.80 / 16.50, SL 13.90",
    "#LINK long running ✅ entry was 14.62\nTargets 15.10 / 15.80 / 16.50\nSL 13.90",
    "For the ones holding: #OP short, entry was @ 2.41, TP 2.30 / 2.18, SL 2.52. Market now 2.36",
    "We are already long #ETH from 3100. Targets 3250 3400, stop 2990",
    "Still long #SOL from 142 — TP 150 / 158, SL 136",
    "#DOGE: we're already in the short from 0.1840. TP 0.1750 / 0.1680, SL 0.1905",
])
def test_a_running_trade_restated_is_held(text):
    parsed = parse_message(text)
    assert _held(parsed), (parsed.to_expected_dict(), parsed.rejected)


@pytest.mark.parametrize("text", [
    "#LINK long, entry 14.62, targets 15.10 / 15.80 / 16.50, SL 13.90",
    "We're in #LINK long now at 14.62, targets 15.10 / 15.80 / 16.50, SL 13.90",
    "#TAO LONG — entry was 412, now 428 📈\nFor latecomers, new card 👇\nEntry: 418 - 422\nTP: 445 / 468\nSL: 401\nLev 5x",
    "🆕 NEW SIGNAL\n#ETH long entry 3100, targets 3250 / 3400, stop 2990\n(already long from the last call: keep it, no add)",
])
def test_a_fresh_entry_still_trades(text):
    parsed = parse_message(text)
    assert parsed.tradable, (parsed.to_expected_dict(), parsed.rejected)


@pytest.mark.parametrize("text", [
    "Stop for SUI raised concerns in the chat, let me explain why it sits there",
    "The way we trail stops raises questions every week — here is the logic",
    "#AVAX: moving the SL lowered some doubts? no, it raised questions. AMA tonight",
])
def test_a_stop_talked_about_is_no_stop_move(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.UPDATE or parsed.update_action is None, parsed


@pytest.mark.parametrize("text", ["#SUI stop raised to 3.42", "SUI: stop raised, now 3.42", "#SUI stop lowered to 3.10"])
def test_a_stop_raised_still_moves(text):
    assert parse_message(text).update_action.value == "new_stop"
