"""A channel's or relay's edits to a tradable open (tests/support/parser_mutations.py) never make it trade something
else: held for review is fine, a different coin, side, entry, target or stop is not. A sample of the corpora's opens
with one seed; `scripts/probe_parser_mutations.py` runs every open with several seeds."""

from __future__ import annotations

import json
import random
from pathlib import Path

from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_close, wrong_position_change, wrong_trade

from tests.support.parser_mutations import TRADE_FIELDS, mutations

DATA = Path(__file__).parent / "data"


def test_edits_a_relay_makes_never_change_a_tradable_open_into_another_trade():
    opens = [row for path in sorted(DATA.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and (row := json.loads(line))["expected"]["kind"] == "open"][::3]
    rng, changed, probed = random.Random(2026), [], 0
    for row in opens:
        parsed = parse_message(row["text"])
        if not parsed.tradable:
            continue
        base = {k: parsed.to_expected_dict()[k] for k in TRADE_FIELDS}
        for kind, text in mutations(row["text"], rng):
            probed += 1
            mutated = parse_message(text)
            if mutated.tradable and {k: mutated.to_expected_dict()[k] for k in TRADE_FIELDS} != base:
                changed.append((row["id"], kind, text))
    assert probed > 5000
    assert changed == []


# (kinds that leave a post's own lines as they are; a heading over a status post or a note on its line can still
# mislead the status rules — see scripts/probe_parser_mutations.py --status)
STATUS_SAFE_KINDS = {"blank lines", "relay line", "bold", "footer"}


def test_edits_a_relay_makes_never_turn_a_status_post_into_a_wrong_trade_close_or_change():
    rows = [row for path in sorted(DATA.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and (row := json.loads(line))["expected"]["kind"] != "open"][::2]
    rng, wrong, probed = random.Random(2027), [], 0
    for row in rows:
        if _wrong(row, parse_message(row["text"])):
            continue
        for kind, text in mutations(row["text"], rng):
            if kind not in STATUS_SAFE_KINDS:
                continue
            probed += 1
            if why := _wrong(row, parse_message(text)):
                wrong.append((row["id"], kind, why, text))
    assert probed > 2000
    assert wrong == []


def _wrong(row, parsed):
    return wrong_trade(row, parsed) or wrong_close(row, parsed) or wrong_position_change(row, parsed)
