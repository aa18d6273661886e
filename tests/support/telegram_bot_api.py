"""A Bot-API-compatible HTTP server on 127.0.0.1 for tests: python-telegram-bot's own client talks to it.

    with LocalBotApi(token="123:abc") as api:
        bot = telegram.Bot("123:abc", base_url=f"{api.base_url}/bot")     # or TELEGRAM_API_BASE=api.base_url
        ...
        api.calls("sendMessage")            # recorded calls (parsed parameters)
        api.fail_next("sendMessage", 429, retry_after=1)      # Telegram's flood control
        api.forbid_chat(-100123)           # 403 "bot was kicked from the group chat"
        update = api.press_button(chat, message_id, "rv:1:1:t", user={...})   # a callback_query update to POST
        update = api.user_message(chat, "text", user={...}, reply_to=message_id)   # a user's (reply) message
        api.enforce_limits()               # Telegram's flood limits: 30 msg/s overall, 20/min per group

Faithful where clients depend on it: `/bot<token>/<method>` URLs, form-encoded or JSON parameters
(complex values JSON-encoded, as python-telegram-bot sends them), `{"ok", "result"}` envelopes and
error envelopes with the real HTTP status codes (401 bad token, 400 bad request / chat not found,
403 forbidden, 429 with `parameters.retry_after`, 5xx), per-chat message ids, HTML `parse_mode`
checked like Telegram does (unknown or unbalanced tags, bare `<`/`&` -> 400 "can't parse entities"),
4096-character limit, replies to unknown messages refused unless `allow_sending_without_reply`.
With `enforce_limits()`, Telegram's broadcast limits as 429s with `retry_after` (the seconds until
the sliding window has room again): 30 messages a second overall, 20 a minute per group or channel
(negative chat ids), optionally N a second per chat; `limit_hits` counts the 429s it answered.
"""

from __future__ import annotations

import html.parser
import json
import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER = {"id": 7000000001, "is_bot": True, "first_name": "Verzek Test Bot", "username": "verzek_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": True, "supports_inline_queries": False}
_HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler",
              "span", "blockquote", "tg-emoji"}
_JSON_PARAMS = {"reply_parameters", "allowed_updates", "reply_markup", "entities", "link_preview_options"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when received


@dataclass
class _Fault:
    method: str
    status: int
    description: str
    retry_after: int | None
    chat_id: int | None
    remaining: int


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    faults: list[_Fault] = field(default_factory=list)
    forbidden: dict[int, str] = field(default_factory=dict)
    missing_chats: set[int] = field(default_factory=set)
    migrated: dict[int, int] = field(default_factory=dict)
    chat_types: dict[int, str] = field(default_factory=dict)
    next_message_id: dict[int, int] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict] = field(default_factory=dict)
    callback_queries: dict[str, dict] = field(default_factory=dict)  # id -> {"answered": bool, "message": key}
    next_update_id: int = 500_000_000
    webhook: dict[str, Any] = field(default_factory=lambda: {"url": "", "has_custom_certificate": False,
                                                             "pending_update_count": 0})
    limits: dict[str, float] | None = None
    sent_at: deque = field(default_factory=deque)  # monotonic times of accepted sends (last second)
    group_sent_at: dict[int, deque] = field(default_factory=dict)
    chat_sent_at: dict[int, deque] = field(default_factory=dict)
    limit_hits: int = 0


class _HtmlChecker(html.parser.HTMLParser):
    """Telegram's HTML parse mode: a small tag set, balanced, entities escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag not in _HTML_TAGS:
            self.error = f"Unsupported start tag \"{tag}\""
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.error = self.error or f"Unmatched end tag \"{tag}\""
        else:
            self.stack.pop()

    def handle_data(self, data):
        if "<" in data or ">" in data:
            self.error = self.error or "Unexpected end of name token"

    def handle_entityref(self, name):
        if name not in {"lt", "gt", "amp", "quot"}:
            self.error = self.error or f"Unsupported entity \"{name}\""


def html_error(text: str) -> str | None:
    """Why Telegram would refuse `text` with parse_mode HTML (None = fine)."""
    import re

    if re.search(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text):
        return "Can't parse entities: unsupported start tag or unescaped '&'"
    checker = _HtmlChecker()
    checker.feed(text)
    checker.close()
    if checker.error is None and checker.stack:
        checker.error = f"Can't find end tag corresponding to start tag \"{checker.stack[-1]}\""
    return None if checker.error is None else f"Bad Request: can't parse entities: {checker.error}"


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


class LocalBotApi:
    def __init__(self, token: str = "123456:TEST-token", host: str = "127.0.0.1", port: int = 0) -> None:
        self.token = token
        self._state = _State()
        self._lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                self._handle()

            def do_POST(self):
                self._handle()

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, payload = api._dispatch(self.path, self.headers.get("Content-Type", ""), raw)
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle ---
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> LocalBotApi:
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-bot-api", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(5)

    def __enter__(self) -> "LocalBotApi":  # noqa: PYI034, UP037
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- test controls ---
    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._state.calls if method is None or c.method == method]

    def sent_messages(self, chat_id: int | None = None) -> list[dict]:
        """Messages the bot sent successfully (as stored now), in order."""
        with self._lock:
            return [m for (chat, _), m in sorted(self._state.messages.items(), key=lambda kv: kv[1]["_seq"])
                    if (chat_id is None or chat == chat_id) and m["from"]["id"] == BOT_USER["id"]]

    def fail_next(self, method: str, status: int, *, times: int = 1, retry_after: int | None = None,
                  description: str | None = None, chat_id: int | None = None) -> None:
        """The next `times` calls of `method` (optionally only to `chat_id`) fail with `status`."""
        if description is None:
            description = {429: f"Too Many Requests: retry after {retry_after}", 403: "Forbidden",
                           400: "Bad Request", 500: "Internal Server Error", 502: "Bad Gateway"}.get(status, "Error")
        with self._lock:
            self._state.faults.append(_Fault(method, status, description, retry_after, chat_id, times))

    def forbid_chat(self, chat_id: int, description: str = "Forbidden: bot was kicked from the group chat") -> None:
        with self._lock:
            self._state.forbidden[chat_id] = description

    def set_chat_type(self, chat_id: int, chat_type: str) -> None:
        """What getChat reports for the chat ("channel", "supergroup", "group", "private")."""
        with self._lock:
            self._state.chat_types[chat_id] = chat_type

    def remove_chat(self, chat_id: int) -> None:
        """Every call to this chat answers 400 "chat not found"."""
        with self._lock:
            self._state.missing_chats.add(chat_id)

    def migrate_chat(self, chat_id: int, to_chat_id: int) -> None:
        """The group was upgraded to a supergroup: 400 with parameters.migrate_to_chat_id."""
        with self._lock:
            self._state.migrated[chat_id] = to_chat_id

    def enforce_limits(self, *, per_second: float = 30, per_group_per_minute: float = 20,
                       per_chat_per_second: float | None = None) -> None:
        """Answer sends over Telegram's flood limits with 429 and `retry_after`, like Telegram."""
        with self._lock:
            self._state.limits = {"second": per_second, "group": per_group_per_minute,
                                  "chat": per_chat_per_second or 0}

    @property
    def limit_hits(self) -> int:
        with self._lock:
            return self._state.limit_hits

    def _windows(self, params: dict, now: float) -> list[tuple[deque, float, float]]:
        """(window, limit, period) that a send to this chat counts against, expired entries dropped."""
        limits = self._state.limits
        chat = _int_or_none(params.get("chat_id"))
        windows = [(self._state.sent_at, limits["second"], 1.0)]
        if chat is not None and chat < 0 and limits["group"]:
            windows.append((self._state.group_sent_at.setdefault(chat, deque()), limits["group"], 60.0))
        if chat is not None and limits["chat"]:
            windows.append((self._state.chat_sent_at.setdefault(chat, deque()), limits["chat"], 1.0))
        for window, _, period in windows:
            while window and window[0] <= now - period:
                window.popleft()
        return windows

    def _check_limits(self, method: str, params: dict) -> list[deque]:
        if self._state.limits is None or not method.startswith(("send", "copy", "forward")):
            return []
        now = time.monotonic()
        windows = self._windows(params, now)
        wait = max((window[0] + period - now for window, limit, period in windows if len(window) >= limit),
                   default=0.0)
        if wait > 0:
            self._state.limit_hits += 1
            retry_after = max(1, math.ceil(wait))
            raise _ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        return [window for window, _, _ in windows]

    # --- the API ---
    def _dispatch(self, path: str, content_type: str, raw: bytes) -> tuple[int, dict]:
        parts = urlsplit(path)
        segments = parts.path.strip("/").split("/")
        if len(segments) != 2 or not segments[0].startswith("bot"):
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, method = segments[0][3:], segments[1]
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        try:
            params = self._params(content_type, raw, parts.query)
        except ValueError as exc:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
        with self._lock:
            self._state.calls.append(Call(method, params, time.monotonic()))
            try:
                self._check_faults(method, params)
                counted = self._check_limits(method, params)
                handler = getattr(self, f"_m_{method}", None)
                if handler is None:
                    raise _ApiError(404, "Not Found: method not found")
                result = handler(params)
                now = time.monotonic()
                for window in counted:
                    window.append(now)
                return 200, {"ok": True, "result": result}
            except _ApiError as err:
                body: dict[str, Any] = {"ok": False, "error_code": err.status, "description": err.description}
                if err.parameters:
                    body["parameters"] = err.parameters
                return err.status, body

    @staticmethod
    def _params(content_type: str, raw: bytes, query: str) -> dict[str, Any]:
        params: dict[str, Any] = dict(parse_qsl(query))
        if raw:
            if "application/json" in content_type:
                loaded = json.loads(raw)
                if not isinstance(loaded, dict):
                    raise ValueError("parameters must be a JSON object")
                params.update(loaded)
            elif "multipart/form-data" in content_type:
                raise ValueError("file uploads are not supported by this test server")
            else:
                params.update(parse_qsl(raw.decode(), keep_blank_values=True))
        for key in _JSON_PARAMS & params.keys():
            if isinstance(params[key], str):
                params[key] = json.loads(params[key])
        return params

    def _check_faults(self, method: str, params: dict) -> None:
        chat = _int_or_none(params.get("chat_id"))
        for fault in self._state.faults:
            if fault.method == method and fault.remaining > 0 and fault.chat_id in (None, chat):
                fault.remaining -= 1
                parameters = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
                raise _ApiError(fault.status, fault.description, parameters)

    def _chat(self, params: dict) -> int:
        if "chat_id" not in params:
            raise _ApiError(400, "Bad Request: chat_id is empty")
        chat = _int_or_none(params["chat_id"])
        if chat is None:
            raise _ApiError(400, "Bad Request: chat not found")
        if chat in self._state.forbidden:
            raise _ApiError(403, self._state.forbidden[chat])
        if chat in self._state.missing_chats:
            raise _ApiError(400, "Bad Request: chat not found")
        if chat in self._state.migrated:
            raise _ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                            {"migrate_to_chat_id": self._state.migrated[chat]})
        return chat

    def _m_getMe(self, params):
        return BOT_USER

    def _m_getChat(self, params):
        chat = self._chat(params)
        default = "private" if chat > 0 else ("channel" if chat <= -1_000_000_000_000 else "group")
        kind = self._state.chat_types.get(chat, default)
        return {"id": chat, "type": kind, "title": f"chat {chat}", "accent_color_id": 0, "max_reaction_count": 11}

    def _m_sendMessage(self, params):
        chat = self._chat(params)
        text = params.get("text")
        if not text or not str(text).strip():
            raise _ApiError(400, "Bad Request: message text is empty")
        text = str(text)
        if len(text) > 4096:
            raise _ApiError(400, "Bad Request: message is too long")
        if str(params.get("parse_mode", "")).upper() == "HTML":
            problem = html_error(text)
            if problem:
                raise _ApiError(400, problem)
        reply = params.get("reply_parameters") or {}
        if not reply and params.get("reply_to_message_id"):
            reply = {"message_id": int(params["reply_to_message_id"]),
                     "allow_sending_without_reply": _truthy(params.get("allow_sending_without_reply"))}
        reply_to = None
        if reply:
            key = (chat, int(reply["message_id"]))
            if key in self._state.messages:
                reply_to = self._state.messages[key]
            elif not reply.get("allow_sending_without_reply"):
                raise _ApiError(400, "Bad Request: message to be replied not found")
        message_id = self._state.next_message_id.get(chat, 100) + 1
        self._state.next_message_id[chat] = message_id
        message = {"message_id": message_id, "date": int(time.time()),
                   "chat": {"id": chat, "type": "supergroup" if chat < 0 else "private", "title": f"chat {chat}"},
                   "from": {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")}, "text": text}
        if reply_to is not None:
            message["reply_to_message"] = _public(reply_to)
        markup = params.get("reply_markup")
        if markup is not None:
            message["reply_markup"] = _inline_keyboard(markup)
        self._state.messages[(chat, message_id)] = dict(message, _seq=len(self._state.calls),
                                                        parse_mode=params.get("parse_mode"),
                                                        disable_notification=_truthy(params.get("disable_notification")))
        return message

    # --- inline buttons: what Telegram sends the bot when a user presses one or replies, and the bot's answers ---
    def press_button(self, chat_id: int, message_id: int, data: str, *, user: dict) -> dict:
        """The update Telegram delivers when `user` presses the button with `data` under a message the bot sent
        (refused like Telegram would: the message and a button with that data must exist)."""
        with self._lock:
            stored = self._state.messages.get((chat_id, message_id))
            if stored is None:
                raise ValueError(f"no message {message_id} in chat {chat_id}")
            buttons = [b for row in (stored.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
            if not any(b.get("callback_data") == data for b in buttons):
                raise ValueError(f"message {message_id} has no button with callback_data {data!r}")
            query_id = str(4_000_000_000_000 + len(self._state.callback_queries) + 1)
            self._state.callback_queries[query_id] = {"answered": False, "message": (chat_id, message_id)}
            return {"update_id": self._update_id(),
                    "callback_query": {"id": query_id, "from": user, "chat_instance": str(abs(chat_id)),
                                       "message": _public(stored), "data": data}}

    def user_message(self, chat_id: int, text: str, *, user: dict, reply_to: int | None = None,
                     chat_type: str = "supergroup") -> dict:
        """The update Telegram delivers when `user` writes `text` in a chat (optionally replying to a message)."""
        with self._lock:
            message_id = self._state.next_message_id.get(chat_id, 100) + 1
            self._state.next_message_id[chat_id] = message_id
            message = {"message_id": message_id, "date": int(time.time()), "from": user, "text": text,
                       "chat": {"id": chat_id, "type": chat_type, "title": f"chat {chat_id}"}}
            if reply_to is not None:
                original = self._state.messages.get((chat_id, reply_to))
                message["reply_to_message"] = (_public(original) if original is not None else
                                               {"message_id": reply_to, "date": message["date"],
                                                "chat": message["chat"]})
            self._state.messages[(chat_id, message_id)] = dict(message, _seq=len(self._state.calls))
            return {"update_id": self._update_id(), "message": message}

    def _update_id(self) -> int:
        self._state.next_update_id += 1
        return self._state.next_update_id

    def message(self, chat_id: int, message_id: int) -> dict | None:
        """A message as it is now (after edits)."""
        with self._lock:
            stored = self._state.messages.get((chat_id, message_id))
            return None if stored is None else _public(stored)

    def _m_answerCallbackQuery(self, params):
        query = self._state.callback_queries.get(str(params.get("callback_query_id", "")))
        if query is None or query["answered"]:
            raise _ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text") or "")) > 200:
            raise _ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        query["answered"] = True
        query["text"] = params.get("text")
        query["show_alert"] = _truthy(params.get("show_alert"))
        return True

    def callback_answers(self) -> dict[str, dict]:
        with self._lock:
            return {k: dict(v) for k, v in self._state.callback_queries.items()}

    def _edited(self, params) -> dict:
        chat = self._chat(params)
        key = (chat, _int_or_none(params.get("message_id")))
        stored = self._state.messages.get(key)
        if stored is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        if stored["from"]["id"] != BOT_USER["id"]:
            raise _ApiError(400, "Bad Request: message can't be edited")
        return stored

    def _m_editMessageText(self, params):
        stored = self._edited(params)
        text = str(params.get("text") or "")
        if not text.strip():
            raise _ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise _ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        if str(params.get("parse_mode", "")).upper() == "HTML" and html_error(text):
            raise _ApiError(400, html_error(text))
        markup = _inline_keyboard(params["reply_markup"]) if params.get("reply_markup") else None
        if text == stored["text"] and markup == stored.get("reply_markup"):
            raise _ApiError(400, "Bad Request: message is not modified")
        stored.update(text=text, edit_date=int(time.time()), parse_mode=params.get("parse_mode"))
        stored.pop("reply_markup", None)
        if markup is not None:
            stored["reply_markup"] = markup
        return _public(stored)

    def _m_editMessageReplyMarkup(self, params):
        stored = self._edited(params)
        markup = _inline_keyboard(params["reply_markup"]) if params.get("reply_markup") else None
        if markup == stored.get("reply_markup"):
            raise _ApiError(400, "Bad Request: message is not modified")
        stored.pop("reply_markup", None)
        if markup is not None:
            stored["reply_markup"] = markup
        stored["edit_date"] = int(time.time())
        return _public(stored)

    def _m_setWebhook(self, params):
        url = params.get("url", "")
        if url and not str(url).startswith("https://"):
            raise _ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not (1 <= len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)):
            raise _ApiError(400, "Bad Request: secret token contains unallowed characters")
        hook = {"url": url, "has_custom_certificate": False, "pending_update_count": 0}
        if params.get("allowed_updates") is not None:
            hook["allowed_updates"] = params["allowed_updates"]
        if params.get("max_connections"):
            hook["max_connections"] = int(params["max_connections"])
        self._state.webhook = hook
        self._state.webhook_secret = secret  # type: ignore[attr-defined]
        return True

    def _m_deleteWebhook(self, params):
        self._state.webhook = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    def _m_getWebhookInfo(self, params):
        return dict(self._state.webhook)

    @property
    def webhook_secret(self) -> str | None:
        with self._lock:
            return getattr(self._state, "webhook_secret", None)


def _public(stored: dict) -> dict:
    return {k: v for k, v in stored.items() if k not in ("_seq", "parse_mode", "disable_notification")}


def _inline_keyboard(markup) -> dict:
    """Telegram checks an InlineKeyboardMarkup: rows of buttons, each with text and 1-64 bytes of callback_data
    (or a url)."""
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise _ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    for button in (b for r in rows for b in r):
        if not isinstance(button, dict) or not str(button.get("text") or "").strip():
            raise _ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
        data = button.get("callback_data")
        if data is None and not button.get("url"):
            raise _ApiError(400, "Bad Request: can't parse inline keyboard button")
        if data is not None and not 1 <= len(str(data).encode()) <= 64:
            raise _ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return {"inline_keyboard": [[dict(b) for b in r] for r in rows]}


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _truthy(value) -> bool:
    return str(value).lower() in {"1", "true"}
