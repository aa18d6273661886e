#!/usr/bin/env python3
"""Export each dependency layer's requirements.txt from uv.lock (core dependencies + one extra),
and the proxy node's pinned, hash-checked requirements (proxy_node/deploy/requirements.txt).

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
    for relative, extra in EXPORTS.items():
        path = ROOT / relative
        text = export(extra)
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
