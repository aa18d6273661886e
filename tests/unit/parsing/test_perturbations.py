"""Decorations a channel may add must never turn a tradable open into a different trade.

For every tradable open of the registered corpora, each perturbation (a header, a disclaimer, a link, all capitals,
all lower case, topic tags, blank lines, bullets, a timestamp footer, a channel handle) must give the same symbol,
side, entries, targets and stop — or a parse that is not tradable (held or rejected). A failure here is a wrong trade
the corpora alone would not show.
"""

import pytest
from verzek.parsing import parse_message
from verzek.parsing.scoring import TRADE_KEYS

from tests.unit.parsing.test_generalisation_corpus import ROWS

PERTURBATIONS = {
    "header": lambda t: "🔥🔥 NEW SIGNAL 🔥🔥\n" + t,
    "disclaimer": lambda t: t + "\n\nNot financial advice. Manage your risk.",
    "link": lambda t: t + "\nJoin VIP: t.me/xyzsignals",
    "upper": str.upper,
    "lower": str.lower,
    "topic_tags": lambda t: t + "\n#crypto #trading #binance",
    "blank_lines": lambda t: t.replace("\n", "\n\n"),
    "bullets": lambda t: "\n".join("• " + line if line.strip() else line for line in t.split("\n")),
    "time_footer": lambda t: t + "\n⏰ 14:35 UTC | 04.12.2025",
    "handle": lambda t: "@AlphaCalls\n" + t,
}
TRADABLE = [row for rows in ROWS.values() for row in rows if parse_message(row["text"]).tradable]


def _trade(parsed) -> dict:
    got = parsed.to_expected_dict()
    return {k: got[k] for k in TRADE_KEYS}


@pytest.mark.parametrize("name", PERTURBATIONS)
def test_decorations_never_change_a_trade(name):
    change = PERTURBATIONS[name]
    wrong = {}
    for row in TRADABLE:
        before, after = parse_message(row["text"]), parse_message(change(row["text"]))
        if after.tradable and _trade(after) != _trade(before):
            wrong[row["id"]] = {k: v for k, v in _trade(after).items() if v != _trade(before)[k]}
    assert len(TRADABLE) > 500
    assert wrong == {}
