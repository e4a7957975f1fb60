"""Real servers on loopback for the tests: an SMTP server (aiosmtpd) that keeps what it
receives, and an HTTP endpoint that keeps every JSON body POSTed to it."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's API)
        self.envelopes.append(envelope)
        return "250 OK"


@contextmanager
def smtp_server(monkeypatch=None, **options) -> Iterator[tuple[int, Mailbox]]:
    """An SMTP server on a free port; with `monkeypatch`, SNM_SMTP_* point at it (no TLS)."""
    port, mailbox = free_port(), Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    if monkeypatch is not None:
        monkeypatch.setenv("SNM_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SNM_SMTP_PORT", str(port))
        monkeypatch.setenv("SNM_SMTP_STARTTLS", "0")
    try:
        yield port, mailbox
    finally:
        controller.stop()


class WebhookReceiver:
    """Keeps (Content-Type, JSON body) of every POST; `received` holds the bodies."""

    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's API)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                requests.append((self.headers["Content-Type"], body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webcare"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def received(self) -> list[dict]:
        return [body for _, body in self.requests]

    def close(self) -> None:
        self.server.shutdown()
