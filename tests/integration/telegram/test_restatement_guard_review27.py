"""The ingest restatement guard after review 27 (H11): a market call reposted with its fill price written as the entry
("Running ✅ … Entry: 6.00" after "… LONG NOW") is the same call; a limit card reposted with its entries written
otherwise ("Buy zone: 6.00" ↔ "6.00 - 5.90" or "6.00, 5.90") is the same call when the entries overlap; a prefix of the
targets counts only when two targets or more agree (or the lists are equal), so a new market call sharing just its first
target with an open one trades. Guards: a new call on the same coin with other targets, or with entries apart, trades."""

from __future__ import annotations

import pytest
from verzek.domain.jobs import parse_job
from verzek.queue import InProcessQueue

from . import test_webhook
from .test_webhook import post

updates, channel_post = test_webhook.updates, test_webhook.channel_post  # the webhook tests' fixtures

LEVELS = "TP1: 6.40\nTP2: 6.80\nSL: 5.60"
MARKET_CALLS = [
    "#NEAR/USDT LONG NOW\n" + LEVELS,
    "#NEAR/USDT LONG\nEntry: market\n" + LEVELS,
    "#NEAR/USDT LONG\nEntry: CMP 6.05\n" + LEVELS,  # a market call with a reference price
]
LIMIT_CARD = "#NEAR/USDT LONG\nBuy zone: 6.00\n" + LEVELS


def _executions(queue) -> int:
    return len([b for b in queue.drain() if parse_job(b).type == "execute_signal"])


def _first_then(channel_post, first: str, second: str) -> tuple[dict, dict, int]:
    """Post `first` then `second` as two messages of the source chat; their bodies and the second's executions."""
    queue = InProcessQueue()
    opened = post(channel_post(first, update_id=1, message_id=30), queue=queue).body
    assert opened["status"] == "open" and _executions(queue) == 1
    again = post(channel_post(second, update_id=2, message_id=31), queue=queue).body
    return opened, again, _executions(queue)


def _restates(opened: dict, again: dict, executions: int) -> bool:
    return (again["status"] == "rejected" and again["jobs"] == 0 and executions == 0
            and f"restates open signal #{opened['signal_id']}" in again["rejected_reason"])


@pytest.mark.parametrize("first", MARKET_CALLS)
@pytest.mark.parametrize("repost", [
    "Running ✅\n#NEAR/USDT LONG\nEntry: 6.00\n" + LEVELS,  # the fill price as the entry
    "Filled ✅\n#NEAR/USDT LONG\nBuy: 6.10\n" + LEVELS,
    "In profit 🔥\n#NEAR/USDT LONG\nBuy zone: 6.00 - 5.90\n" + LEVELS,
    "Running ✅\n#NEAR/USDT LONG\nEntry: 6.00\n" + LEVELS.replace("SL:", "TP3: 7.20\nSL:"),  # one more target
])
def test_a_market_call_reposted_with_an_entry_is_the_same_call(telegram_env, make_user, channel_post, first, repost):
    make_user()
    opened, again, executions = _first_then(channel_post, first, repost)
    assert _restates(opened, again, executions)
    assert "market entry" in again["rejected_reason"]


@pytest.mark.parametrize("first, repost", [
    (LIMIT_CARD, "Active ✅\n#NEAR/USDT LONG\nBuy zone: 6.00 - 5.90\n" + LEVELS),  # a zone written out
    (LIMIT_CARD, "Active ✅\n#NEAR/USDT LONG\nBuy: 6.00, 5.90\n" + LEVELS),  # two entries
    (LIMIT_CARD.replace("6.00", "6.00 - 5.90"), "Active ✅\n" + LIMIT_CARD),  # the zone cut to one price
    (LIMIT_CARD.replace("6.00", "6.00 - 5.90"), "Active ✅\n" + LIMIT_CARD.replace("6.00", "6.05 - 5.95")),  # shifted
    (LIMIT_CARD.replace("6.00", "5.90, 6.00"), "Active ✅\n" + LIMIT_CARD.replace("6.00", "5.95")),  # inside the zone
])
def test_a_limit_card_with_its_entries_written_otherwise_is_the_same_call(telegram_env, make_user, channel_post,
                                                                          first, repost):
    make_user()
    assert _restates(*_first_then(channel_post, first, repost))


@pytest.mark.parametrize("first, other", [
    # a new market call whose first target is the open one's, no more
    (MARKET_CALLS[0], "#NEAR/USDT LONG NOW\nTP1: 6.40\nSL: 5.60"),
    (MARKET_CALLS[0], "#NEAR/USDT LONG NOW\nTP1: 6.40\nTP2: 7.00\nSL: 5.60"),
    (MARKET_CALLS[0], "#NEAR/USDT LONG\nEntry: 6.00\nTP1: 6.40\nTP2: 7.00\nSL: 5.60"),  # with an entry
    ("#NEAR/USDT LONG NOW\nTP1: 6.40\nSL: 5.60", MARKET_CALLS[0]),  # the open call had one target
    # other targets on the same coin
    (MARKET_CALLS[0], "#NEAR/USDT LONG\nEntry: 6.00\nTP1: 6.60\nTP2: 7.00\nSL: 5.60"),
    (MARKET_CALLS[1], "#NEAR/USDT LONG NOW\nTP1: 6.30\nTP2: 6.60\nSL: 5.80"),
    # entries apart (no price of one card inside the other's range)
    (LIMIT_CARD, LIMIT_CARD.replace("6.00", "5.80 - 5.70")),
    (LIMIT_CARD.replace("6.00", "6.00 - 5.90"), LIMIT_CARD.replace("6.00", "5.85, 5.75")),
    # entries that overlap but targets that do not
    (LIMIT_CARD, LIMIT_CARD.replace("6.00", "6.00 - 5.90").replace("TP1: 6.40\nTP2: 6.80", "TP1: 6.50\nTP2: 7.00")),
    (LIMIT_CARD, LIMIT_CARD.replace("6.00", "6.00 - 5.90").replace("TP2: 6.80", "TP2: 7.00")),  # one shared target
    # the other side
    (MARKET_CALLS[0], "#NEAR/USDT SHORT\nEntry: 6.00\nTP1: 5.60\nTP2: 5.20\nSL: 6.40"),
])
def test_a_new_call_on_the_same_coin_still_trades(telegram_env, make_user, channel_post, first, other):
    make_user()
    _, again, executions = _first_then(channel_post, first, other)
    assert again["status"] == "open" and again["jobs"] == 1 and executions == 1


def test_a_limit_card_with_the_same_entries_and_fewer_targets_is_still_the_same_call(telegram_env, make_user,
                                                                                      channel_post):
    """The same entries are a second level in common: one shared first target is enough there (the last target left
    out of a repost), unlike a market call's."""
    make_user()
    repost = "Active ✅\n" + LIMIT_CARD.replace("\nTP2: 6.80", "")
    assert _restates(*_first_then(channel_post, LIMIT_CARD, repost))


def test_a_limit_card_reposted_as_a_market_call_is_the_same_call(telegram_env, make_user, channel_post):
    """The open call's entry against a market card ("enter now"): its targets decide, as for a market call."""
    make_user()
    repost = "Active ✅\n#NEAR/USDT LONG NOW\n" + LEVELS
    assert _restates(*_first_then(channel_post, LIMIT_CARD, repost))
