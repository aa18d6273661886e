"""Logging never carries secrets: redaction of secret-looking keys, and no request URLs from httpx."""

import json
import logging
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from verzek.observability import redact


def test_secret_looking_keys_are_redacted_recursively():
    out = redact({"api_key": "k", "nested": {"password": "p", "ok": 1}, "items": [{"token": "t"}]})
    assert out == {"api_key": "***", "nested": {"password": "***", "ok": 1}, "items": [{"token": "***"}]}


def test_logger_redacts_extra():
    # A fresh interpreter: the logger's stream is bound at import, as in Lambda.
    code = ("from verzek.observability import logger\n"
            "logger.warning('test line', extra={'api_secret': 'S3CRET-VALUE', 'symbol': 'BTC/USDT'})")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    line = json.loads(out.strip().splitlines()[-1])
    assert line["api_secret"] == "***" and line["symbol"] == "BTC/USDT"
    assert "S3CRET-VALUE" not in out


def test_httpx_request_urls_with_a_bot_token_are_not_logged(caplog):
    class Ok(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Ok)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    token = "123456:SECRET-BOT-TOKEN"
    try:
        with caplog.at_level(logging.DEBUG):  # even with the root logger wide open
            httpx.get(f"http://127.0.0.1:{server.server_address[1]}/bot{token}/getMe")
    finally:
        server.shutdown()
    assert token not in caplog.text
