"""Build the Lambda artifacts as `sam build` does and run a handler in Lambda's own file layout.

Lambda extracts a function's code to `/var/task` and each of its layers, in order, into `/opt`
(a layer's `python/` folder lands at `/opt/python`); the runtime's own boto3 lives in
`/var/runtime`; the working directory is `/var/task`. `invoke_in_layout` reproduces that: where
the machine allows a private mount namespace (root with `unshare`), the built folders are
bind-mounted read-only at those very paths, so code that derives paths from where it sits is
caught exactly as it would be in AWS; elsewhere it falls back to the same folders under a short
temporary path and says so in the result.

Used by `tests/integration/deploy/test_lambda_layout.py` and `scripts/lambda_sizes.py`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from verzek.devtools.template import FunctionSpec, load_template, repo_root

# What the python3.12 Lambda runtime itself provides (in /var/runtime).
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six")

# The runtime's bootstrap, reduced to what matters here: import `module` from /var/task the way
# the runtime does, call the handler with the event and a context, write the result as JSON.
_BOOTSTRAP = r"""
import importlib, json, os, sys, time, traceback, uuid
handler_name, event_path, result_path, timeout_s = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
module_name, function_name = handler_name.rsplit(".", 1)
started = time.monotonic()

class Context:
    function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "fn")
    function_version = "$LATEST"
    invoked_function_arn = f"arn:aws:lambda:{os.environ.get('AWS_REGION', 'eu-west-1')}:000000000000:function:{function_name}"
    memory_limit_in_mb = int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"))
    aws_request_id = str(uuid.uuid4())
    log_group_name = f"/aws/lambda/{function_name}"
    log_stream_name = "local"
    def get_remaining_time_in_millis(self):
        return max(0, int((timeout_s - (time.monotonic() - started)) * 1000))

try:
    handler = getattr(importlib.import_module(module_name), function_name)
    with open(event_path, encoding="utf-8") as fh:
        event = json.load(fh)
    result = {"ok": True, "result": handler(event, Context()), "module_file": sys.modules[module_name].__file__,
              "verzek_file": getattr(sys.modules.get("verzek"), "__file__", None)}
except BaseException as exc:
    result = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
with open(result_path, "w", encoding="utf-8") as fh:
    json.dump(result, fh, default=str)
"""


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def deps_build_key(root: Path | None = None) -> str:
    """Changes whenever what a dependency layer is built from changes."""
    root = root or repo_root()
    digest = hashlib.sha256()
    deps = root / "layers" / "deps"
    for path in sorted(p for p in deps.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(deps)).encode())
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


def build_deps_layer(logical_id: str, out: Path, *, python: str = sys.executable) -> Path:
    """Run the Makefile target `sam build` runs for this layer (BuildMethod: makefile), with uv as
    the installer; the result is `out/python`, exactly the layer's content."""
    installer = (f"{python} -m uv pip install --quiet --no-deps --python-version 3.12 "
                 f"--python-platform x86_64-manylinux_2_28")
    subprocess.run(["make", "-s", "-C", str(repo_root() / "layers" / "deps"), f"build-{logical_id}",
                    f"ARTIFACTS_DIR={out}", f"PYTHON={python}", f"INSTALL={installer}"], check=True)
    return out


def build_shared_layer(out: Path) -> Path:
    """The shared layer as sam packages it: the ContentUri folder (layers/shared/), compiled."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(repo_root() / "layers" / "shared", out,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(out)], check=True)
    return out


WEB_APP_SOURCES = ("App.tsx", "index.ts", "app.json", "package-lock.json", "Makefile", "src", "assets")


def web_app_build_key(root: Path | None = None) -> str:
    """Changes whenever what the web app layer is built from changes."""
    app = (root or repo_root()) / "mobile_app"
    digest = hashlib.sha256()
    for name in WEB_APP_SOURCES:
        paths = sorted(p for p in (app / name).rglob("*") if p.is_file()) if (app / name).is_dir() else [app / name]
        for path in paths:
            digest.update(str(path.relative_to(app)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_web_app_layer(logical_id: str, out: Path) -> Path:
    """Run mobile_app/Makefile's target as `sam build` does; node_modules is the checkout's (installed by
    `npm ci` in scripts/bootstrap), so the install step is skipped here. The result is `out/web`."""
    app = repo_root() / "mobile_app"
    if not (app / "node_modules" / ".bin" / "expo").exists():
        raise RuntimeError("mobile_app/node_modules missing: run scripts/bootstrap (npm ci) with Node.js installed")
    subprocess.run(["make", "-s", "-C", str(app), f"build-{logical_id}", f"ARTIFACTS_DIR={out}", "NPM_CI=true"],
                   check=True)
    return out


def build_all_layers(cache: Path, template: dict | None = None) -> dict[str, Path]:
    """Every layer of the template, built once per dependency change (cached under `cache`); the
    shared layer is rebuilt on every call since it is the code under test."""
    template = template or load_template()
    key_dir = cache / deps_build_key()
    built: dict[str, Path] = {}
    for name, res in template["Resources"].items():
        if res["Type"] != "AWS::Serverless::LayerVersion":
            continue
        if res.get("Metadata", {}).get("BuildMethod") == "makefile":
            web = str(res["Properties"]["ContentUri"]).rstrip("/") == "mobile_app"
            out = (cache / "web" / web_app_build_key() / name) if web else key_dir / name
            done = out / ".built"
            if not done.exists():
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir(parents=True)
                (build_web_app_layer if web else build_deps_layer)(name, out)
                done.write_text("ok")
            built[name] = out
        else:
            built[name] = build_shared_layer(cache / "shared" / name)
    return built


def runtime_sdk_dir(target: Path) -> Path:
    """A folder holding only what the python3.12 runtime ships beside the function (boto3 & co.)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_PROVIDED:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        origin = Path(spec.origin)
        source = origin.parent if origin.name == "__init__.py" else origin
        link = target / source.name
        if not link.exists():
            link.symlink_to(source)
    return target


@dataclass(frozen=True)
class LambdaLayout:
    root: Path
    spec: FunctionSpec

    @property
    def task(self) -> Path:
        return self.root / "var" / "task"

    @property
    def opt(self) -> Path:
        return self.root / "opt"

    @property
    def runtime(self) -> Path:
        return self.root / "var" / "runtime"


def assemble(spec: FunctionSpec, layers: dict[str, Path], dest: Path) -> LambdaLayout:
    """Lay out one function: its CodeUri at var/task, its layers extracted in order into opt/."""
    layout = LambdaLayout(dest, spec)
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(spec.code_uri, layout.task, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    layout.opt.mkdir(parents=True)
    for ref in spec.layers:
        name = ref["Ref"] if isinstance(ref, dict) else ref
        shutil.copytree(layers[name], layout.opt, dirs_exist_ok=True, symlinks=True,
                        ignore=shutil.ignore_patterns(".built"))
    runtime_sdk_dir(layout.runtime)
    return layout


def namespaces_available() -> bool:
    """True when a private mount namespace can put the layout at the real /opt and /var/task."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@dataclass
class Invocation:
    ok: bool
    result: object
    error: str | None
    stderr: str
    stdout: str
    real_paths: bool  # the layout was mounted at /opt and /var/task
    module_file: str | None = None
    verzek_file: str | None = None


def invoke_in_layout(layout: LambdaLayout, event: dict, env: dict[str, str], *,
                     timeout: float = 60.0) -> Invocation:
    """Invoke the function's handler with `event` in Lambda's layout, in a fresh interpreter that
    sees only the function, its layers and the runtime's SDK (`python -S`: no site-packages)."""
    work = Path(tempfile.mkdtemp(prefix="verzek-invoke-"))
    try:
        event_path, result_path, boot_path = work / "event.json", work / "result.json", work / "bootstrap.py"
        event_path.write_text(json.dumps(event))
        boot_path.write_text(_BOOTSTRAP)
        real = namespaces_available()
        task, opt, runtime = ((Path("/var/task"), Path("/opt"), Path("/var/runtime")) if real
                              else (layout.task, layout.opt, layout.runtime))
        pythonpath = ":".join(str(p) for p in (task, opt / "python" / "lib" / "python3.12" / "site-packages",
                                               opt / "python", runtime))
        full_env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TZ": "UTC",
                    "LAMBDA_TASK_ROOT": str(task), "LAMBDA_RUNTIME_DIR": str(runtime),
                    "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
                    "AWS_LAMBDA_FUNCTION_NAME": layout.spec.logical_id,
                    **env, "PYTHONPATH": pythonpath, "PYTHONDONTWRITEBYTECODE": "1"}
        argv = [sys.executable, "-S", str(boot_path), layout.spec.handler, str(event_path), str(result_path),
                str(timeout)]
        if real:
            # A private mount namespace: a tmpfs over /var (only task/ and runtime/ in it) and the
            # layers over /opt, both read-only as in Lambda; the host's folders are untouched.
            script = (
                "set -e; mount -t tmpfs tmpfs /var; mkdir -p /var/task /var/runtime /var/tmp; "
                f"mount --bind {layout.task} /var/task; mount -o remount,bind,ro /var/task; "
                f"mount --bind {layout.runtime} /var/runtime; "
                f"mount --bind {layout.opt} /opt; mount -o remount,bind,ro /opt; "
                'cd /var/task; exec "$@"'
            )
            argv = ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "lambda", *argv]
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout + 30, env=full_env, check=False,
                              cwd=str(layout.task))
        if not result_path.exists():
            return Invocation(False, None, f"runtime exited {proc.returncode} without a result",
                              proc.stderr, proc.stdout, real)
        data = json.loads(result_path.read_text())
        return Invocation(data["ok"], data.get("result"), data.get("error") and
                          f"{data['error']}\n{data.get('traceback', '')}", proc.stderr, proc.stdout, real,
                          data.get("module_file"), data.get("verzek_file"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
