"""`verzek parse` end to end in a subprocess: dev set in, expected-shaped lines out, bad lines reported."""

import json
import subprocess
import sys

from tests.unit.parsing.conftest import dev_rows


def run_parse(stdin: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verzek.cli", "parse", *args], input=stdin, check=False,
                          capture_output=True, timeout=60)


def test_dev_set_round_trip():
    rows = dev_rows()
    stdin = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows).encode()
    proc = run_parse(stdin)
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [r["id"] for r in rows]
    for row, result in zip(rows, out):
        assert result["parsed"] == row["expected"], row["id"]
        assert "rejected" in result
        assert set(result) <= {"id", "parsed", "rejected", "reason"}


def test_bad_lines_get_error_lines_and_the_batch_continues():
    stdin = b"".join([
        b"not json\n",
        b"[1, 2]\n",
        b'{"id": 7, "text": 12}\n',
        b"\xff\xfe broken utf-8\n",
        b"\n",
        b'{"id": "ok", "text": "Close TRB"}\n',
    ])
    proc = run_parse(stdin)
    assert proc.returncode == 0
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == 5  # the blank line is not an input
    assert all("error" in o and "parsed" not in o for o in out[:4])
    assert out[2]["id"] == 7
    assert out[4] == {"id": "ok", "parsed": {"kind": "close", "symbol": "TRB/USDT", "side": None, "market": None,
                                             "leverage": None, "entries": [], "entry_type": None, "targets": [],
                                             "stop_loss": None}, "rejected": None}


def test_rejected_open_and_reference_prices(tmp_path):
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"AKRO/USDT": 0.02835}))
    stdin = (json.dumps({"id": 1, "text": "#AKRO/USDT LONG\nENTRY : 2835\nTARGET : 2898\nSTOP : 2600"}) + "\n"
             + json.dumps({"id": 2, "text": "#BTC long entry 64000 tp 66000 sl 65000"}) + "\n").encode()
    plain = [json.loads(line) for line in run_parse(stdin).stdout.decode().splitlines()]
    assert plain[0]["rejected"] is None and "stop" in plain[1]["rejected"]
    checked = [json.loads(line) for line in run_parse(stdin, "--prices", str(prices)).stdout.decode().splitlines()]
    assert "orders of magnitude" in checked[0]["rejected"]


def test_unreadable_prices_file_is_a_clean_error(tmp_path):
    proc = run_parse(b"", "--prices", str(tmp_path / "missing.json"))
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("verzek: error: cannot read --prices file")
    assert "Traceback" not in proc.stderr.decode()


def test_text_option_parses_one_message_with_the_same_output_contract():
    proc = run_parse(b"", "--text", "#ETH SHORT\nEntry 3450\nTP 3380 3300\nSL 3520\n20x")
    assert proc.returncode == 0, proc.stderr.decode()
    (line,) = proc.stdout.decode().splitlines()
    out = json.loads(line)
    assert set(out) == {"id", "parsed", "rejected"} and out["id"] is None and out["rejected"] is None
    assert out["parsed"]["symbol"] == "ETH/USDT" and out["parsed"]["targets"] == [3380, 3300]
    held = json.loads(run_parse(b"", "--text", "open LONG on #SUIUSDT").stdout)
    assert held["parsed"]["kind"] == "open" and "held for review" in held["rejected"]
