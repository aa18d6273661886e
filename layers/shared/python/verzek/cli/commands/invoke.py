"""`verzek invoke FUNCTION EVENT_JSON`: what `sam local invoke` does, without Docker.

Loads the handler named in template.yaml, applies the function's template environment (literal
values and parameter defaults; values the template takes from secrets keep the current
environment's value), calls it with the event and prints the result as JSON.
"""

from __future__ import annotations

import json
import sys


class LocalLambdaContext:
    """The attributes handlers (and Powertools) read from a Lambda context."""

    def __init__(self, function_name: str, timeout_s: int = 30):
        import time
        import uuid

        self.function_name = function_name
        self.function_version = "$LATEST"
        self.memory_limit_in_mb = 512
        self.aws_request_id = str(uuid.uuid4())
        self.invoked_function_arn = f"arn:aws:lambda:local:000000000000:function:{function_name}"
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = "local"
        self._deadline = time.monotonic() + timeout_s

    def get_remaining_time_in_millis(self) -> int:
        import time

        return max(0, int((self._deadline - time.monotonic()) * 1000))


def register(sub) -> None:
    p = sub.add_parser("invoke", help="invoke a function's handler locally with an event (like sam local invoke)")
    p.add_argument("function", help="logical id (ApiFunction) or folder name (api)")
    p.add_argument("event", help="path to an event JSON file, or - for stdin")
    p.add_argument("--env-vars", default=None,
                   help="JSON file of overrides like sam's: {\"Parameters\": {...}, \"<LogicalId>\": {...}} "
                        "(default: events/env.json when present)")
    p.set_defaults(func=run)


def invoke(function: str, event: dict, env_overrides: dict | None = None):
    import importlib.util
    import os

    from verzek.config import reset_settings_cache
    from verzek.devtools.template import find_function

    spec = find_function(function)
    if not spec.module_path.is_file():
        from verzek.cli import CliError

        raise CliError(f"handler module {spec.module_path} named in template.yaml does not exist")
    env_overrides = env_overrides or {}
    for key, value in {**env_overrides.get("Parameters", {}), **env_overrides.get(spec.logical_id, {})}.items():
        os.environ.setdefault(key, str(value))
    for key, value in spec.environment.items():
        if isinstance(value, str) and (key not in os.environ or key == "POWERTOOLS_SERVICE_NAME"):
            os.environ[key] = value
    reset_settings_cache()
    sys.path.insert(0, str(spec.code_uri))
    try:
        module_spec = importlib.util.spec_from_file_location(f"verzek_fn_{spec.code_uri.name}", spec.module_path)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(spec.code_uri))
    handler = getattr(module, spec.function_name)
    return handler(event, LocalLambdaContext(spec.logical_id))


def run(args) -> int:
    from verzek.cli import CliError

    try:
        raw = sys.stdin.read() if args.event == "-" else open(args.event, encoding="utf-8").read()
        event = json.loads(raw)
    except OSError as exc:
        raise CliError(f"cannot read event {args.event}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise CliError(f"event is not valid JSON: {exc.msg} at line {exc.lineno}") from None
    from verzek.devtools.template import repo_root

    env_file = args.env_vars or (repo_root() / "events" / "env.json")
    overrides = {}
    if args.env_vars or env_file.exists():
        try:
            overrides = json.loads(open(env_file, encoding="utf-8").read())
        except (OSError, json.JSONDecodeError) as exc:
            raise CliError(f"cannot read env vars file {env_file}: {exc}") from None
    import contextlib

    try:
        # Like `sam local invoke`: the function's own output (logs, EMF metrics) goes to stderr,
        # the result alone to stdout.
        with contextlib.redirect_stdout(sys.stderr):
            result = invoke(args.function, event, overrides)
    except KeyError:
        raise CliError(f"no function named {args.function!r} in template.yaml") from None
    print(json.dumps(result, default=str, indent=2))
    return 0
