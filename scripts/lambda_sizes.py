#!/usr/bin/env python3
"""Build each dependency layer as `sam build` would (pip install into python/, bytecode compiled)
and report every function's unzipped size with its layers against Lambda's 250 MB limit.

    python scripts/lambda_sizes.py [--keep DIR]

Dependency layers are built by the same Makefile `sam build` runs (layers/deps/Makefile, which
prunes with layers/deps/prune_layer.py), here with uv as the installer for speed; compiled .pyc
files are kept. Each pruned layer is smoke-imported with only what the Lambda runtime provides.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))
LIMIT = 250 * 1024 * 1024

from verzek.devtools.lambda_layout import build_deps_layer, build_web_app_layer, dir_size, runtime_sdk_dir
from verzek.devtools.template import functions, load_template

SMOKE = {
    # What each function really imports and runs, against the pruned layer only (plus the shared layer).
    "StrategiesDepsLayer": "import ccxt.async_support, numpy, pandas, talib, pandas_ta_classic, onnxruntime, psycopg2\n"
                           "print(onnxruntime.get_available_providers())",
    "ExecutorDepsLayer": "import ccxt, cryptography.fernet, psycopg2, aws_lambda_powertools, tenacity",
    "ApiDepsLayer": "import fastapi, mangum, argon2, jwt, pyotp, cryptography.fernet, psycopg2, ccxt",
    "WebhookDepsLayer": "import telegram, psycopg2, httpx, aws_lambda_powertools",
}
def smoke(layer: str, site: Path) -> None:
    code = SMOKE.get(layer)
    if not code:
        return
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp",
           "PYTHONPATH": f"{site}:{ROOT / 'layers' / 'shared' / 'python'}:{runtime_sdk_dir(Path(tempfile.gettempdir()) / 'verzek-lambda-runtime-sdk')}"}
    # -S: no site-packages, so only the built layer and what the Lambda runtime ships are seen.
    result = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"smoke import of pruned {layer} failed:\n{result.stderr[-2000:]}")


def main(argv: list[str]) -> int:
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    template = load_template()
    resources = template["Resources"]
    work = keep or Path(tempfile.mkdtemp(prefix="verzek-layers-"))
    layer_sizes: dict[str, int] = {}
    for name, res in resources.items():
        if res["Type"] != "AWS::Serverless::LayerVersion":
            continue
        content = ROOT / res["Properties"]["ContentUri"]
        out = work / name
        shutil.rmtree(out, ignore_errors=True)
        if res.get("Metadata", {}).get("BuildMethod") == "makefile" and content.name == "mobile_app":
            out.mkdir(parents=True)
            layer_sizes[name] = dir_size(build_web_app_layer(name, out))  # the app's web build, no Python
        elif res.get("Metadata", {}).get("BuildMethod") == "makefile":
            layer_sizes[name] = dir_size(build_deps_layer(name, out))
            smoke(name, out / "python")
        else:
            shutil.copytree(content, out, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(out)], check=True)
            layer_sizes[name] = dir_size(out)
        print(f"layer {name:22s} {layer_sizes[name] / 1e6:8.1f} MB", flush=True)
    worst = 0.0
    print()
    for logical_id, spec in sorted(functions(template).items()):
        code = dir_size(spec.code_uri)
        layers = [layer["Ref"] for layer in spec.layers]
        total = code + sum(layer_sizes[lay] for lay in layers)
        worst = max(worst, total / LIMIT)
        status = "ok" if total <= LIMIT else "TOO BIG"
        print(f"{logical_id:32s} {total / 1e6:7.1f} MB of 262.1 MB ({100 * total / LIMIT:5.1f}%)  {status}  "
              f"[{', '.join(layers)}]")
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if worst <= 1 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
