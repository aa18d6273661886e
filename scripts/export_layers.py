#!/usr/bin/env python3
"""Export each dependency layer's requirements.txt from uv.lock (core dependencies + one extra),
the proxy node's pinned, hash-checked requirements (proxy_node/deploy/requirements.txt) and the
uv release its runbook installs first (proxy_node/deploy/uv-requirements.txt).

    python scripts/export_layers.py          # write layers/deps/<part>/requirements.txt
    python scripts/export_layers.py --check  # exit 1 if any file is out of date (used by the tests)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"api": "api", "webhook": "webhook", "executor": "executor", "strategies": "strategies"}
# file (relative to the repo) -> extra; the proxy node installs from its file with --require-hashes.
EXPORTS = {f"layers/deps/{layer}/requirements.txt": extra for layer, extra in LAYERS.items()}
EXPORTS["proxy_node/deploy/requirements.txt"] = "proxy"
UV_PIN = "proxy_node/deploy/uv-requirements.txt"  # uv (from the dev group): a binary wheel, no dependencies


def export_uv_pin() -> str:
    """The `uv==<locked> --hash=...` entry of the dev group, alone."""
    cmd = [sys.executable, "-m", "uv", "export", "--frozen", "--only-group", "dev", "--no-emit-project", "--no-header",
           "--no-annotate"]
    lines = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("uv=="))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "\n".join(lines[start:end]) + "\n"


def export(extra: str) -> str:
    cmd = [sys.executable, "-m", "uv", "export", "--frozen", "--no-dev", "--no-emit-project", "--no-header",
           "--no-annotate", "--extra", extra]
    try:
        return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:  # pragma: no cover
        raise SystemExit("uv is required (it is installed by scripts/bootstrap)")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for relative, extra in [*EXPORTS.items(), (UV_PIN, None)]:
        path = ROOT / relative
        text = export(extra) if extra else export_uv_pin()
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("out of date (run scripts/export_layers.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
