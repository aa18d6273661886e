import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    return Path(os.environ.get("VERZEK_SHARED_DIR", REPO / ".." / "shared"))


def dev_rows() -> list[dict]:
    path = shared_dir() / "data" / "signals" / "dev_signals.jsonl"
    if not path.exists():
        pytest.skip(f"dev signal set not found at {path}", allow_module_level=True)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
