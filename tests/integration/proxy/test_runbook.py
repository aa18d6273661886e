"""The proxy node installs from its runbook (proxy_node/README.md), every command run as written.

The runbook's shell blocks run in order in a private mount and network namespace: /etc, /var and
/root are copy-on-write overlays and /opt and /run are empty tmpfs, so useradd, the virtualenv, the
systemd unit and the nginx site land where the runbook puts them while the machine itself is left
untouched; the network is loopback only. What a bare namespace lacks is stood in for by two small
shims on PATH, each doing what the real tool would: `sudo` (root already; `-u` via runuser) and
`systemctl` (no systemd as PID 1 here: `enable --now` starts the unit's ExecStart as its User with
its EnvironmentFile; `reload-or-restart nginx` starts or reloads nginx). pip and uv read a wheelhouse
prepared beforehand from the same hash-pinned requirements (PIP_NO_INDEX; uv through a uv.toml), since the
namespace has no network. nginx comes from Debian's `nginx-light` and the distribution's venv module
from `python3-venv` (installed with apt when missing). `python3` on PATH is the distribution's
(Debian 12: 3.11), as on a fresh host; uv finds the suite's own Python 3.12 as the host's `python3.12`
(the branch where uv downloads a CPython 3.12 needs the internet and is not run here).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.slow]

README = REPO_ROOT / "proxy_node" / "README.md"
HOST = "proxy-test.verzek.internal"

SUDO_SHIM = """#!/bin/sh
# root already; `sudo -u USER cmd` runs cmd as USER
if [ "$1" = "-u" ]; then user="$2"; shift 2; exec runuser -u "$user" -- "$@"; fi
exec "$@"
"""

SYSTEMCTL_SHIM = r"""#!/usr/bin/env python3
# What systemd would do for the runbook's calls, without systemd as PID 1.
import configparser, os, signal, subprocess, sys, time, socket
args = [a for a in sys.argv[1:] if not a.startswith("--") or a == "--now"]
if args[:1] == ["daemon-reload"]:
    sys.exit(0)
if args[:2] == ["enable", "--now"]:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(f"/etc/systemd/system/{args[2]}.service")
    svc = unit["Service"]
    script = (f"set -a; . {svc['EnvironmentFile']}; set +a; cd {svc['WorkingDirectory']}; "
              f"exec {svc['ExecStart']}")
    log = open(f"/run/{args[2]}.log", "a")
    proc = subprocess.Popen(["runuser", "-u", svc["User"], "--", "sh", "-c", script], stdout=log, stderr=log,
                            start_new_session=True)
    open(f"/run/{args[2]}.pid", "w").write(str(proc.pid))
    for _ in range(600):  # up to 60 s: several workers start slowly on a busy machine
        try:
            socket.create_connection(("127.0.0.1", 8081), timeout=0.2).close()
            sys.exit(0)
        except OSError:
            time.sleep(0.1)
    print(open(f"/run/{args[2]}.log").read(), file=sys.stderr)
    sys.exit(1)
if args[:1] == ["restart"] and os.path.exists(f"/run/{args[1]}.pid"):
    # KillSignal=SIGTERM to the unit's processes, wait until its port is free, then start it again.
    os.killpg(int(open(f"/run/{args[1]}.pid").read()), signal.SIGTERM)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", 8081), timeout=0.2).close()
            time.sleep(0.1)
        except OSError:
            break
    os.execvp(sys.argv[0], [sys.argv[0], "enable", "--now", args[1]])
if args[:1] in (["reload"], ["reload-or-restart"], ["restart"]) and args[1] == "nginx":
    pid = open("/run/nginx.pid").read().strip() if os.path.exists("/run/nginx.pid") else ""
    running = pid.isdigit() and os.path.exists(f"/proc/{pid}")
    sys.exit(subprocess.call(["nginx", "-s", "reload"] if running else ["nginx"]))
print(f"systemctl shim: unsupported call {sys.argv[1:]}", file=sys.stderr)
sys.exit(2)
"""


def runbook_blocks_by_kind() -> dict[str, list[str]]:
    text = README.read_text()
    found = re.findall(r"<!-- runbook:([a-z-]+) -->\s*```sh\n(.*?)```", text, re.DOTALL)
    kinds: dict[str, list[str]] = {"variables": [], "step": [], "needs-internet": [], "upgrade-pull": [],
                                   "upgrade-restart": []}
    for kind, body in found:
        kinds[kind].append("\n".join(line.strip() for line in body.strip().splitlines()))
    return kinds


def runbook_blocks() -> tuple[list[str], list[str], list[str]]:
    """(variable blocks, step blocks, needs-internet blocks) of the README, in order."""
    kinds = runbook_blocks_by_kind()
    return kinds["variables"], kinds["step"], kinds["needs-internet"]


def upgrade_script() -> list[str]:
    """The README's upgrade: pull, step 3 again (the block that builds the virtualenv), restart."""
    kinds = runbook_blocks_by_kind()
    step3 = [block for block in kinds["step"] if "uv venv" in block]
    assert len(kinds["upgrade-pull"]) == len(kinds["upgrade-restart"]) == len(step3) == 1
    return [kinds["upgrade-pull"][0], step3[0], kinds["upgrade-restart"][0]]


def _has_venv_module() -> bool:
    python3 = shutil.which("python3", path="/usr/bin:/bin")
    return bool(python3) and subprocess.run([python3, "-c", "import ensurepip, venv"], capture_output=True,
                                            check=False).returncode == 0


def _ensure_apt_packages() -> None:
    """nginx-light and python3-venv, which the runbook's first step installs (offline, they must be there)."""
    missing = [package for package, present in (
        ("nginx-light", shutil.which("nginx") or Path("/usr/sbin/nginx").exists()),
        ("python3-venv", _has_venv_module())) if not present]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"{', '.join(missing)} missing and apt-get is not available to install them")
    # Keep the package's maintainer scripts from starting nginx on the machine itself.
    policy = Path("/usr/sbin/policy-rc.d")
    policy.write_text("#!/bin/sh\nexit 101\n")
    policy.chmod(0o755)
    try:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
        if subprocess.run(install, env=env, capture_output=True, check=False).returncode != 0:
            subprocess.run(["apt-get", "update"], env=env, capture_output=True, check=False)
            result = subprocess.run(install, env=env, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                pytest.skip(f"apt-get could not install {missing}: {result.stderr[-500:]}")
    finally:
        policy.unlink(missing_ok=True)


def _wait_for_dpkg(timeout: float = 300.0) -> None:
    """The namespace's /var is an overlay on the machine's: an apt run of someone else's in progress
    there reads as 'dpkg was interrupted' to the runbook's apt-get. Start once dpkg is idle."""
    import fcntl
    import time

    lock, pending = Path("/var/lib/dpkg/lock-frontend"), Path("/var/lib/dpkg/updates")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(lock, "a") as handle:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.lockf(handle, fcntl.LOCK_UN)
            if not pending.is_dir() or not any(pending.iterdir()):
                return
        except OSError:
            pass
        time.sleep(1)


def _wheelhouse() -> Path:
    """Every pinned requirement (hash-checked) plus the wheel build backend, downloaded once."""
    requirements = REPO_ROOT / "proxy_node" / "deploy" / "requirements.txt"
    uv_pin = REPO_ROOT / "proxy_node" / "deploy" / "uv-requirements.txt"
    key = hashlib.sha256(requirements.read_bytes() + uv_pin.read_bytes()).hexdigest()[:12]
    house = REPO_ROOT / ".verzek" / f"runbook-wheelhouse-{key}"
    if (house / ".complete").exists():
        return house
    base_python = Path(sysconfig.get_config_var("BINDIR")) / "python3.12"
    house.mkdir(parents=True, exist_ok=True)
    for extra in (["--require-hashes", "--no-deps", "-r", str(requirements)],
                  ["--require-hashes", "--no-deps", "-r", str(uv_pin)], ["setuptools>=69", "wheel"]):
        result = subprocess.run([str(base_python), "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                                 "-d", str(house), *extra], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            pytest.skip(f"could not download the pinned wheels from the package index: {result.stderr[-500:]}")
    (house / ".complete").write_text("ok")
    return house


def _namespaces_available() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "-n", "true"], capture_output=True, check=False).returncode == 0


def test_runbook_blocks_are_found():
    variables, steps, internet = runbook_blocks()
    assert len(variables) == 1 and len(steps) >= 5 and len(internet) == 1
    assert "certbot" in internet[0]


def test_node_installs_and_serves_through_nginx_tls_from_the_runbook(tmp_path):
    if not _namespaces_available():
        pytest.skip("needs root and private mount/network namespaces (unshare)")
    _ensure_apt_packages()
    _wait_for_dpkg()
    house = _wheelhouse()
    _variables, steps, _internet = runbook_blocks()

    shims = tmp_path / "shims"
    shims.mkdir()
    (shims / "sudo").write_text(SUDO_SHIM)
    (shims / "systemctl").write_text(SYSTEMCTL_SHIM)
    for shim in shims.iterdir():
        shim.chmod(0o755)
    repo_copy = tmp_path / "repo"  # a clone source with the working tree as committed or not
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO_ROOT), str(repo_copy)], check=True)
    for relative in ("proxy_node", "pyproject.toml", "layers/shared/python"):  # the tree under test
        source, target = REPO_ROOT / relative, repo_copy / relative
        if source.is_dir():
            shutil.rmtree(target)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target)
    subprocess.run(["git", "-C", str(repo_copy), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(repo_copy), "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q",
                    "--allow-empty", "-m", "tree under test"], check=True)

    runbook = tmp_path / "runbook.sh"
    runbook.write_text("set -eux\n"
                       f"export VERZEK_HOST={HOST}\nexport VERZEK_REPO={repo_copy}\n"
                       + "\n".join(steps) + "\n"
                       + f"git -C {repo_copy} -c user.email=t@t -c user.name=t commit -q --allow-empty -m upgrade\n"
                       + "echo UPGRADE-START\n" + "\n".join(upgrade_script()) + "\n"
                       + "test \"$(git -C /opt/verzek/src log -1 --format=%s)\" = upgrade\n")
    upper = tmp_path / "overlay"
    setup = [
        "set -e",
        "ip link set lo up",
        *(f"mkdir -p {upper}/{d}/up {upper}/{d}/work && mount -t overlay overlay "
          f"-o lowerdir=/{d},upperdir={upper}/{d}/up,workdir={upper}/{d}/work /{d}" for d in ("etc", "var", "root")),
        "mount -t tmpfs tmpfs /opt",
        "mount -t tmpfs tmpfs /run",
        f"bash {runbook}",
    ]
    python_bin = Path(sysconfig.get_config_var("BINDIR"))
    uv_config = tmp_path / "uv.toml"  # uv has no environment variable for --no-index
    uv_config.write_text(f"no-index = true\nfind-links = [{str(house)!r}]\n")
    # The distribution's python3 first (as on a fresh host); the suite's python3.12 after it.
    env = {"PATH": f"{shims}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:{python_bin}",
           "HOME": "/root", "LANG": "C.UTF-8", "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(house),
           "UV_CONFIG_FILE": str(uv_config),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "DEBIAN_FRONTEND": "noninteractive"}
    # -p -f: a PID namespace of its own, so the node and nginx end with the script (nothing left running)
    result = subprocess.run(["unshare", "-m", "-n", "-p", "-f", "--propagation", "private", "sh", "-c", "\n".join(setup)],
                            capture_output=True, text=True, env=env, timeout=600, check=False)
    log = result.stdout[-4000:] + "\n--- stderr ---\n" + result.stderr[-6000:]
    assert result.returncode == 0, log
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr, log  # nginx -t
    assert '"status":"ok"' in result.stdout.replace(" ", ""), log                       # /health via TLS
    assert f'"node":"{HOST}"' in result.stdout.replace(" ", ""), log
    assert "PROXY_NODE_HMAC_KEYS=k1:" in result.stdout, log
    after_upgrade = result.stdout.split("UPGRADE-START", 1)[1].replace(" ", "")
    assert '"status":"ok"' in after_upgrade, log                                       # node back after upgrade


def test_the_hash_pinned_requirements_match_the_lock():
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "export_layers.py"), "--check"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
