"""Metamorphic probe of the VIP parser: every open of the labelled corpora that parses tradable is edited the ways a
channel or relay edits posts (tests/support/parser_mutations.py: a heading, a note line or a note on a line, a relay
line, emoji bullets, markdown, blank lines, a leverage line, a footer); an edit may hold the post for review, but must
never make it trade another coin, side, entry, target or stop. With `--status`, every update, close and noise post the
parser reads right is edited the same ways and must never become a wrong trade, close or position change. Prints
progress and each failure; exits 1 on any.
Usage: `python scripts/probe_parser_mutations.py [--seeds 7 11 13] [--every 1] [--status]`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_close, wrong_position_change, wrong_trade

from tests.support.parser_mutations import TRADE_FIELDS, mutations

CORPORA = REPO / "tests" / "unit" / "parsing" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[7, 11, 13])
    ap.add_argument("--every", type=int, default=1, help="probe every Nth open (1 = all)")
    ap.add_argument("--status", action="store_true", help="probe the status and noise posts instead of the opens")
    args = ap.parse_args()
    if args.status:
        return _probe_status(args)
    opens = [row for path in sorted(CORPORA.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and (row := json.loads(line))["expected"]["kind"] == "open"][::args.every]
    total, held, failures, start = 0, 0, [], time.perf_counter()
    for n, seed in enumerate(args.seeds, 1):
        rng = random.Random(seed)
        for row in opens:
            parsed = parse_message(row["text"])
            if not parsed.tradable:
                continue
            base = {k: parsed.to_expected_dict()[k] for k in TRADE_FIELDS}
            for kind, text in mutations(row["text"], rng):
                total += 1
                mutated = parse_message(text)
                if not mutated.tradable:
                    held += 1
                    continue
                got = {k: mutated.to_expected_dict()[k] for k in TRADE_FIELDS}
                if got != base:
                    failures.append((row["id"], kind, {k: (got[k], base[k]) for k in TRADE_FIELDS if got[k] != base[k]}, text))
        elapsed = time.perf_counter() - start
        print(f"seed {seed} ({n}/{len(args.seeds)}): {total} mutations, {held} held, {len(failures)} changed and tradable; "
              f"{elapsed:.0f} s, ETA {elapsed / n * (len(args.seeds) - n):.0f} s", flush=True)
    for row_id, kind, diff, text in failures:
        print(f"CHANGED {row_id} [{kind}] {diff}\n    {text[:300]!r}")
    return 1 if failures else 0


def _probe_status(args) -> int:
    rows = [row for path in sorted(CORPORA.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and (row := json.loads(line))["expected"]["kind"] != "open"][::args.every]

    def wrong(row, parsed):
        return wrong_trade(row, parsed) or wrong_close(row, parsed) or wrong_position_change(row, parsed)

    total, failures, start = 0, [], time.perf_counter()
    for n, seed in enumerate(args.seeds, 1):
        rng = random.Random(seed)
        for row in rows:
            if wrong(row, parse_message(row["text"])):
                continue
            for kind, text in mutations(row["text"], rng):
                total += 1
                if why := wrong(row, parse_message(text)):
                    failures.append((row["id"], kind, why, text))
        elapsed = time.perf_counter() - start
        print(f"seed {seed} ({n}/{len(args.seeds)}): {total} mutations of status posts, {len(failures)} wrong; "
              f"{elapsed:.0f} s, ETA {elapsed / n * (len(args.seeds) - n):.0f} s", flush=True)
    for row_id, kind, why, text in failures:
        print(f"WRONG {row_id} [{kind}] {why}\n    {text[:300]!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
