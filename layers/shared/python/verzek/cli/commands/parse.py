"""`verzek parse`: JSON Lines `{"id", "text"}` on stdin -> one JSON line per input on stdout.

Output: `{"id", "parsed": {kind, symbol, side, market, leverage, entries, entry_type, targets,
stop_loss}, "rejected": null | why this open must not be traded}` (+ `"reason"` for not_a_signal).
A line that is not a JSON object with a string `text` gets `{"id", "error"}`; the command never stops
on bad input. `--text "..."` parses one message given on the command line (id null) instead of stdin.
"""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    parser = subparsers.add_parser("parse", help="parse VIP signal texts (JSON Lines on stdin, JSON Lines on stdout)",
                                   description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prices", metavar="FILE",
                        help='JSON object {"BTC/USDT": 67000.5, ...} of last prices; an open whose entry is far '
                             "from its coin's price is rejected (catches prices written without a decimal point)")
    parser.add_argument("--text", metavar="MESSAGE",
                        help="parse this one message instead of reading JSON Lines on stdin (same output line)")
    parser.set_defaults(func=run)


def _load_prices(path: str) -> dict:
    import json
    from decimal import Decimal, InvalidOperation

    from verzek.cli import CliError

    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh, parse_float=Decimal, parse_int=Decimal)
    except OSError as exc:
        raise CliError(f"cannot read --prices file {path}: {exc.strerror}") from None
    except (ValueError, InvalidOperation) as exc:
        raise CliError(f"--prices file {path} is not valid JSON: {exc}") from None
    if not isinstance(raw, dict) or not all(isinstance(v, Decimal) and v > 0 for v in raw.values()):
        raise CliError("--prices must be a JSON object mapping symbols to positive numbers")
    return {str(k).upper(): v for k, v in raw.items()}


def parse_line(line: str, prices: dict | None = None) -> dict:
    """One input line -> one output object (never raises)."""
    import json

    from verzek.domain.signals import MessageKind
    from verzek.parsing import check_against_price, parse_message

    try:
        record = json.loads(line)
    except ValueError as exc:
        return {"id": None, "error": f"not valid JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(record, dict):
        return {"id": None, "error": "each line must be a JSON object with \"id\" and \"text\""}
    record_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return {"id": record_id, "error": "\"text\" must be a string"}
    try:
        parsed = parse_message(text)
    except Exception as exc:  # noqa: BLE001 - parse_message is total; this guards the promise that one bad post never stops a batch
        return {"id": record_id, "error": f"parser failure: {type(exc).__name__}"}
    rejected = parsed.rejected if parsed.kind == MessageKind.OPEN else None
    if parsed.kind == MessageKind.OPEN and rejected is None and prices and parsed.symbol in prices:
        rejected = check_against_price(parsed, prices[parsed.symbol])
    out = {"id": record_id, "parsed": parsed.to_expected_dict(), "rejected": rejected}
    if parsed.kind == MessageKind.NOT_A_SIGNAL:
        out["reason"] = parsed.reason
    return out


def run(args) -> int:
    import json
    import sys

    prices = _load_prices(args.prices) if args.prices else None
    out = sys.stdout
    if args.text is not None:
        result = parse_line(json.dumps({"id": None, "text": args.text}), prices)
        out.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
        return 0
    try:
        for raw in sys.stdin.buffer:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                result = {"id": None, "error": "line is not valid UTF-8"}
            else:
                if not line.strip():
                    continue
                result = parse_line(line, prices)
            out.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
        out.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`); nothing left to say
        return 0
    return 0
