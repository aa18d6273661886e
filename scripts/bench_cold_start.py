#!/usr/bin/env python3
"""Cold start: import time of each function's handler module, median of several fresh interpreters.

Baseline, measured the same way in the same run: a fresh interpreter importing boto3 (the SDK
every Python Lambda runtime ships), so the ratio reads "this handler costs N x boto3". Reported: handler import ms (median, p90 over runs) and the ratio to the baseline.

    python scripts/bench_cold_start.py [--runs 7]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))
from verzek.devtools.template import functions

PROBE = r"""
import importlib.util, json, sys, time
path, code_dir, heavy = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
t0 = time.perf_counter()
if path == "boto3":
    import boto3  # noqa: F401
elif path:
    sys.path.insert(0, code_dir)
    spec = importlib.util.spec_from_file_location("handler", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
elapsed = time.perf_counter() - t0
print(json.dumps({"ms": elapsed * 1000, "heavy": [m for m in heavy if m in sys.modules]}))
"""
HEAVY = "ccxt,pandas,onnxruntime,numpy,talib,telegram,sklearn,matplotlib"


def measure(path: str, code_dir: str, runs: int) -> tuple[list[float], list[str]]:
    times, heavy = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE, path, code_dir, HEAVY], capture_output=True, text=True,
                             env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "VERZEK_ENV": "bench"}, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        times.append(row["ms"])
        heavy = row["heavy"]
    return times, heavy


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 7
    base, _ = measure("boto3", "", runs)
    base_ms = statistics.median(base)
    print(f"baseline (import boto3 in a fresh interpreter): {base_ms:.1f} ms median over {runs} runs")
    print(f"{'function':34s} {'median ms':>10s} {'p90 ms':>8s} {'x baseline':>11s}  heavy modules loaded")
    for logical_id, spec in sorted(functions().items()):
        if not spec.module_path.exists():
            print(f"{logical_id:34s} (handler missing)")
            continue
        times, heavy = measure(str(spec.module_path), str(spec.code_uri), runs)
        med = statistics.median(times)
        p90 = sorted(times)[max(0, int(round(0.9 * len(times))) - 1)]
        print(f"{logical_id:34s} {med:10.1f} {p90:8.1f} {med / base_ms:11.2f}  {','.join(heavy) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
