"""A real local fake of Telegram's Bot API: an HTTP server on 127.0.0.1 answering getMe and sendMessage.

It records every request (method, token, JSON body). ``script`` holds answers to give before the normal one,
taken one per request: ``"429"`` (Too Many Requests with ``retry_after``), ``"500"``, ``"slow"`` (answers after
``slow_seconds``). A token other than ``good_token`` gets 401, as Telegram answers.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD_TOKEN = "123456789:AAFakeTokenForTheTestsOnly_abcdWXYZ"
PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$")


class FakeBotApi:
    def __init__(self, good_token: str = GOOD_TOKEN, port: int = 0):
        self.good_token = good_token
        self.requests: list[dict] = []
        self.script: list[str] = []
        self.slow_seconds = 2.0
        self.retry_after = 1
        self.next_message_id = 1000
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                fake._answer(self)

            def log_message(self, *args):  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> "FakeBotApi":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def sent(self) -> list[dict]:
        return [r for r in self.requests if r["method"] == "sendMessage"]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        match = PATH.match(handler.path)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        with self.lock:
            self.requests.append({"path": handler.path, "method": match["method"] if match else None,
                                  "token": match["token"] if match else None, "body": body})
            step = self.script.pop(0) if self.script else None
        if match is None:
            return self._send(handler, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
        if step == "slow":
            time.sleep(self.slow_seconds)
        elif step == "429":
            return self._send(handler, 429, {"ok": False, "error_code": 429,
                                             "description": f"Too Many Requests: retry after {self.retry_after}",
                                             "parameters": {"retry_after": self.retry_after}})
        elif step == "500":
            return self._send(handler, 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"})
        if match["token"] != self.good_token:
            return self._send(handler, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        if match["method"] == "getMe":
            return self._send(handler, 200, {"ok": True, "result": {"id": 123456789, "is_bot": True,
                                                                     "first_name": "Humas Bot", "username": "humas_test_bot"}})
        if match["method"] == "sendMessage":
            if not isinstance(body, dict) or not body.get("chat_id") or not body.get("text"):
                return self._send(handler, 400, {"ok": False, "error_code": 400, "description": "Bad Request: message text is empty"})
            if len(body["text"]) > 4096:
                return self._send(handler, 400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"})
            with self.lock:
                self.next_message_id += 1
                message_id = self.next_message_id
            return self._send(handler, 200, {"ok": True, "result": {"message_id": message_id, "date": int(time.time()),
                                                                     "chat": {"id": -100123, "type": "channel"},
                                                                     "text": body["text"]}})
        return self._send(handler, 404, {"ok": False, "error_code": 404, "description": "Not Found"})

    @staticmethod
    def _send(handler, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            pass
