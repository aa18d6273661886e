"""Logging, tracing and metrics through aws-lambda-powertools, configured in one place.

Use `from verzek.observability import logger, tracer, metrics` everywhere. The logger redacts
known secret-bearing keys so a stray `extra=` can never print a key, secret, token or password,
and scrubs secret-shaped text (bot tokens, JWTs, bearer tokens, `password=...`, DSN passwords)
from every formatted line, messages and exception texts included.
"""

from __future__ import annotations

import logging
import os
import re

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

SERVICE = os.environ.get("POWERTOOLS_SERVICE_NAME", "verzek")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "Verzek")
# Tracing needs the X-Ray daemon; outside Lambda it stays off unless asked for.
if "AWS_LAMBDA_FUNCTION_NAME" not in os.environ:
    os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")

# httpx logs every request URL at INFO, and Telegram's Bot API URLs carry the bot token:
# whatever level the root logger is set to, those lines never appear.
for _noisy in ("httpx", "httpcore"):
    logging.getLogger(_noisy).setLevel(logging.WARNING)

_SECRET_KEY_RE = re.compile(r"(secret|password|passwd|token|api_?key|apikey|signature|passphrase|master_?key|"
                            r"authorization|hmac|private)", re.IGNORECASE)
REDACTED = "***"


def redact(value):
    """Recursively replace values under secret-looking keys."""
    if isinstance(value, dict):
        return {k: (REDACTED if isinstance(k, str) and _SECRET_KEY_RE.search(k) else redact(v))
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v) for v in value]
    return value


# Secrets that can hide in free text (messages, exception texts, URLs): scrubbed from every
# formatted line, whatever key or message they arrive under.
_TEXT_SECRETS = [
    (re.compile(r"(?<![0-9])\d{6,12}:[A-Za-z0-9_-]{30,}"), REDACTED),                              # Telegram bot token
    (re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), REDACTED),  # JWT
    (re.compile(r"\b(?:rt|ev|pr)_[A-Za-z0-9_-]{20,}"), REDACTED),                          # our opaque tokens
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + REDACTED),
    (re.compile(r"(?i)\b(password|passwd|secret|token|api_?key|apikey|signature|passphrase)"
                r"(\\?[\"']?\s*[=:]\s*\\?[\"']?)[^\s&\"'\\,;}]+"), r"\1\2" + REDACTED),
    (re.compile(r"(?i)\b(postgres(?:ql)?://[^:/@\s]+):[^@\s]+@"), r"\1:" + REDACTED + "@"),  # DSN password
]


def scrub_text(text: str) -> str:
    for pattern, replacement in _TEXT_SECRETS:
        text = pattern.sub(replacement, text)
    return text


class _ScrubbingFormatter(LambdaPowertoolsFormatter):
    def format(self, record) -> str:
        return scrub_text(super().format(record))


class _RedactingLogger(Logger):
    def _redacted(self, kwargs):
        if "extra" in kwargs and isinstance(kwargs["extra"], dict):
            kwargs["extra"] = redact(kwargs["extra"])
        kwargs.setdefault("stacklevel", 3)  # report the caller's location, not this wrapper's
        return kwargs

    def info(self, msg, *args, **kwargs):
        return super().info(msg, *args, **self._redacted(kwargs))

    def warning(self, msg, *args, **kwargs):
        return super().warning(msg, *args, **self._redacted(kwargs))

    def error(self, msg, *args, **kwargs):
        return super().error(msg, *args, **self._redacted(kwargs))

    def debug(self, msg, *args, **kwargs):
        return super().debug(msg, *args, **self._redacted(kwargs))

    def exception(self, msg, *args, **kwargs):
        return super().exception(msg, *args, **self._redacted(kwargs))


logger = _RedactingLogger(service=SERVICE, level=os.environ.get("LOG_LEVEL", "INFO"),
                          logger_formatter=_ScrubbingFormatter())
metrics = Metrics(service=SERVICE)
_tracer = None


def __getattr__(name: str):
    """`tracer` is built on first use: the X-Ray SDK costs ~290 ms of import (measured with
    -X importtime), which a function that does not trace should not pay at cold start."""
    global _tracer
    if name == "tracer":
        if _tracer is None:
            from aws_lambda_powertools import Tracer

            _tracer = Tracer(service=SERVICE)
        return _tracer
    raise AttributeError(name)
