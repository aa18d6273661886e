"""`verzek` console script. Each subcommand is a module in `verzek.cli.commands` exposing
`register(subparsers)`; modules are discovered, so a new command is one new file. Heavy imports
stay inside each command's function so `verzek --help` is instant.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from verzek.cli import commands


class CliError(Exception):
    """A readable one-line failure: printed without a traceback, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verzek", description="Verzek AutoTrader operator and developer CLI")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args.func(args)
    except CliError as exc:
        print(f"verzek: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
