#!/usr/bin/env python3
"""Generate the app's typed API client from the API's OpenAPI schema.

    .venv/bin/python scripts/gen_api_client.py          # write mobile_app/openapi.json + src/api/schema.d.ts
    .venv/bin/python scripts/gen_api_client.py --check  # exit 1 if either is out of date (used by the tests)

The schema comes from the FastAPI app itself (`create_app().openapi()`, no server, no database);
the TypeScript types from openapi-typescript (mobile_app/node_modules, installed by `npm ci`).
The app calls the API only through openapi-fetch typed by these types, so an API change that the
app does not follow fails `tsc` and this check fails until the client is regenerated.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "mobile_app"
SCHEMA_JSON = APP / "openapi.json"
SCHEMA_TS = APP / "src" / "api" / "schema.d.ts"
GENERATOR = APP / "node_modules" / ".bin" / "openapi-typescript"


def openapi_json() -> str:
    sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))
    from verzek.api.app import create_app

    return json.dumps(create_app().openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def typescript_for(schema_text: str) -> str:
    """openapi-typescript's output for this schema text (run on a temporary copy)."""
    if not GENERATOR.exists():
        raise SystemExit(f"{GENERATOR.relative_to(ROOT)} missing: run `npm ci` in mobile_app (scripts/bootstrap does)")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "openapi.json", Path(tmp) / "schema.d.ts"
        src.write_text(schema_text)
        subprocess.run([str(GENERATOR), str(src), "--output", str(out), "--alphabetize"], check=True,
                       capture_output=True, cwd=APP)
        return out.read_text()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on drift")
    args = parser.parse_args(argv)
    schema = openapi_json()
    types = typescript_for(schema)
    if args.check:
        stale = [str(p.relative_to(ROOT)) for p, text in ((SCHEMA_JSON, schema), (SCHEMA_TS, types))
                 if not p.exists() or p.read_text() != text]
        if stale:
            print("out of date (run scripts/gen_api_client.py): " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    SCHEMA_TS.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_JSON.write_text(schema)
    SCHEMA_TS.write_text(types)
    print(f"wrote {SCHEMA_JSON.relative_to(ROOT)} and {SCHEMA_TS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
