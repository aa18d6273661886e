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
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.parser_mutations import corpus_rows, probe_open, probe_status

CORPORA = REPO / "tests" / "unit" / "parsing" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[7, 11, 13])
    ap.add_argument("--every", type=int, default=1, help="probe every Nth post (1 = all)")
    ap.add_argument("--status", action="store_true", help="probe the status and noise posts instead of the opens")
    args = ap.parse_args()
    rows = corpus_rows(CORPORA, opens=not args.status, every=args.every)
    total, held, failures, start = 0, 0, [], time.perf_counter()
    for n, seed in enumerate(args.seeds, 1):
        rng = random.Random(seed)
        for row in rows:
            if args.status:
                made, found = probe_status(row, rng)
            else:
                made, row_held, found = probe_open(row, rng)
                held += row_held
            total += made
            failures.extend((row["id"], *f) for f in found)
        elapsed = time.perf_counter() - start
        print(f"seed {seed} ({n}/{len(args.seeds)}): {total} edits, {held} held, {len(failures)} "
              f"{'wrong' if args.status else 'changed and tradable'}; "
              f"{elapsed:.0f} s, ETA {elapsed / n * (len(args.seeds) - n):.0f} s", flush=True)
    for row_id, kind, what, text in failures:
        print(f"{'WRONG' if args.status else 'CHANGED'} {row_id} [{kind}] {what}\n    {text[:300]!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
