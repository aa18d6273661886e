"""Parser accuracy and throughput on every labelled corpus, against a baseline run in the same process.

For each corpus (the dev set in ../shared/data/signals and every tests/unit/parsing/data/*.jsonl): exact
matches, wrong tradable signals (an `open` that would trade something else than the label says, or trade a
post labelled as not tradable), wrong closes (a close the label does not call for, or of another coin) and messages/second of `parse_message`. Baseline: what any parser must at
least do per message — `json.loads` of the input line plus one regex tokenising pass over the text.
Usage: `python scripts/bench_parser.py [--seconds 1] [--dev PATH]`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_close, wrong_trade

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "tests" / "unit" / "parsing" / "data"
_BASELINE_TOKEN = re.compile(r"[#$]?\w+(?:[.,]\d+)?|\S")


def _dev_path() -> Path:
    shared = Path(os.environ.get("VERZEK_SHARED_DIR", REPO / ".." / "shared"))
    return shared / "data" / "signals" / "dev_signals.jsonl"


def _rate(work, lines: list[str], seconds: float) -> tuple[float, int]:
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for line in lines:
            work(line)
        done += len(lines)
    return done / elapsed, done


def baseline(line: str) -> int:
    return len(_BASELINE_TOKEN.findall(json.loads(line)["text"]))


def full(line: str) -> dict:
    return parse_message(json.loads(line)["text"]).to_expected_dict()


def score(lines: list[str]) -> tuple[int, int, int, list[str]]:
    exact, wrong, wrong_closes, misses = 0, 0, 0, []
    for line in lines:
        row = json.loads(line)
        parsed = parse_message(row["text"])
        if parsed.to_expected_dict() == row["expected"]:
            exact += 1
        else:
            misses.append(str(row.get("id")))
        wrong += wrong_trade(row, parsed) is not None
        wrong_closes += wrong_close(row, parsed) is not None
    return exact, wrong, wrong_closes, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=1.0, help="time per throughput measurement")
    ap.add_argument("--dev", type=Path, default=None, help="dev_signals.jsonl path")
    ap.add_argument("--misses", action="store_true", help="list the ids of inexact rows")
    args = ap.parse_args()
    paths = [p for p in [args.dev or _dev_path()] if p.exists()] + sorted(CORPORA.glob("*.jsonl"))
    everything: list[str] = []
    print(f"{'corpus':<28} {'rows':>5} {'exact':>13} {'wrong trades':>13} {'wrong closes':>13} {'msg/s':>9}")
    for path in paths:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        everything += lines
        for line in lines:  # warm-up: compiled regexes, imports
            full(line)
        exact, wrong, wrong_closes, misses = score(lines)
        rate, _ = _rate(full, lines, args.seconds)
        print(f"{path.name:<28} {len(lines):>5} {exact:>5} ({exact / len(lines):6.1%}) {wrong:>13} {wrong_closes:>13} {rate:>9,.0f}")
        if args.misses and misses:
            print("   misses:", " ".join(misses))
    base_rate, base_n = _rate(baseline, everything, args.seconds)
    parse_rate, parse_n = _rate(full, everything, args.seconds)
    print(f"baseline json.loads + regex tokenise: {base_rate:,.0f} msg/s ({base_n} messages)")
    print(f"parse_message (json.loads + parse + to dict): {parse_rate:,.0f} msg/s ({parse_n} messages), "
          f"{1e6 / parse_rate:,.0f} us/message")
    print(f"ratio parse/baseline: {parse_rate / base_rate:.3f} (parser is {base_rate / parse_rate:.1f}x slower "
          "than the tokenise-only floor)")


if __name__ == "__main__":
    main()
