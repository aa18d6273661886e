#!/usr/bin/env python
"""Build the bundled USDT-M futures replay sample (`verzek/marketdata/usdt/`) from the shared data set.

    .venv/bin/python scripts/make_usdt_sample.py [--data ../shared/data/ohlcv/usdt]

Takes one 4-week window in which every house strategy's timeframe exists (Binance USDT-M perpetual
1m for BTC and ETH exists only 2025-05-04 → 2025-06-03 in the shared set; 5m, 1h mark and funding
cover it for every pair): 1m for BTC/ETH, 5m for six liquid pairs, 1h mark-price candles and the
funding events of the same pairs. Rows are written as freqtrade JSON `[ts_ms, o, h, l, c, v]` with
each float64 printed by `repr` (exact round trip: the values are the source's, unchanged), gzipped
without a timestamp, so running the script twice gives byte-identical files. The sha256 of every
source file is checked against the shared manifest before use.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "layers/shared/python/verzek/marketdata/usdt"
START = datetime(2025, 5, 5, tzinfo=UTC)
END = datetime(2025, 6, 2, tzinfo=UTC)  # exclusive
ONE_MINUTE = ("BTC", "ETH")
FIVE_MINUTE = ("BTC", "ETH", "SOL", "XRP", "BNB", "DOGE")


def _rows(path: Path) -> list[list]:
    import pandas as pd

    df = pd.read_feather(path)
    ts = pd.to_datetime(df["date"], utc=True).astype("datetime64[ns, UTC]")
    keep = (ts >= pd.Timestamp(START)) & (ts < pd.Timestamp(END))
    ms = (ts[keep].astype("int64") // 1_000_000).tolist()
    cols = [df.loc[keep, c].astype("float64").tolist() for c in ("open", "high", "low", "close", "volume")]
    return [[t, *vals] for t, *vals in zip(ms, *cols)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared/data/ohlcv/usdt")
    args = parser.parse_args()
    manifest = {f["file"]: f for f in json.loads((args.data / "manifest.json").read_text())["files"]}
    wanted = [f"futures/{b}_USDT_USDT-1m-futures.feather" for b in ONE_MINUTE]
    for base in FIVE_MINUTE:
        wanted += [f"futures/{base}_USDT_USDT-5m-futures.feather", f"futures/{base}_USDT_USDT-1h-mark.feather",
                   f"futures/{base}_USDT_USDT-1h-funding_rate.feather"]
    OUT.mkdir(parents=True, exist_ok=True)
    table = []
    for name in wanted:
        src = args.data / name
        digest = hashlib.sha256(src.read_bytes()).hexdigest()
        if digest != manifest[name]["sha256"]:
            raise SystemExit(f"{name}: sha256 differs from the shared manifest")
        rows = _rows(src)
        body = json.dumps(rows, separators=(",", ":")).encode()
        out = OUT / (Path(name).stem + ".json.gz")
        out.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
        first = datetime.fromtimestamp(rows[0][0] / 1000, UTC)
        last = datetime.fromtimestamp(rows[-1][0] / 1000, UTC)
        table.append(f"| `{out.name}` | {len(rows)} | {first:%Y-%m-%d %H:%M} → {last:%Y-%m-%d %H:%M} | "
                     f"{manifest[name]['source']['repo']} | `{digest[:16]}…` |")
        print(f"{out.name}: {len(rows)} rows, {out.stat().st_size / 1024:.0f} KiB")
    print("\n".join(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
