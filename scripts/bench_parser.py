"""Parser throughput on the dev signal set, against a baseline run in the same process.

Baseline: what any parser must at least do per message — `json.loads` of the input line plus one
regex tokenising pass over the text. The figure of interest is parse_message messages/second and
its ratio to that floor. Usage: `python scripts/bench_parser.py [--seconds 3] [--dev PATH]`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

from verzek.parsing import parse_message

REPO = Path(__file__).resolve().parents[1]
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    ap.add_argument("--dev", type=Path, default=None, help="dev_signals.jsonl path")
    args = ap.parse_args()
    path = args.dev or _dev_path()
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for line in lines:  # warm-up: compiled regexes, imports
        full(line)
    base_rate, base_n = _rate(baseline, lines, args.seconds)
    parse_rate, parse_n = _rate(full, lines, args.seconds)
    exact = sum(full(ln) == json.loads(ln)["expected"] for ln in lines)
    print(f"dev set: {len(lines)} messages, exact match {exact}/{len(lines)} ({exact / len(lines):.1%})")
    corpus = REPO / "tests" / "unit" / "parsing" / "data" / "generalisation_corpus.jsonl"
    if corpus.exists():
        rows = [ln for ln in corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
        hits = sum(full(ln) == json.loads(ln)["expected"] for ln in rows)
        print(f"generalisation corpus: {len(rows)} messages, exact match {hits}/{len(rows)} ({hits / len(rows):.1%})")
    print(f"baseline json.loads + regex tokenise: {base_rate:,.0f} msg/s ({base_n} messages)")
    print(f"parse_message (json.loads + parse + to dict): {parse_rate:,.0f} msg/s ({parse_n} messages), "
          f"{1e6 / parse_rate:,.0f} us/message")
    print(f"ratio parse/baseline: {parse_rate / base_rate:.3f} (parser is {base_rate / parse_rate:.1f}x slower "
          "than the tokenise-only floor)")


if __name__ == "__main__":
    main()
