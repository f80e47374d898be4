"""Listeners on 127.0.0.1 that count every connection, and a guard that fails a test on any outbound connect."""
from __future__ import annotations

import http.server
import socket
import ssl
import threading
import time
from typing import Callable

import pytest

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


class Listener(http.server.ThreadingHTTPServer):
    """An HTTP server on a free loopback port; ``accepted`` counts TCP connections, ``seen`` the requests."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Route] | None = None, default: Route | None = None,
                 tls: ssl.SSLContext | None = None):
        self.routes = routes or {}
        self.default = default or page("<html><body><p>listener page</p></body></html>")
        self.accepted = 0
        self.seen: list[tuple[str, str]] = []  # (path, Host header)
        super().__init__(("127.0.0.1", 0), _Handler)
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.server_port}"

    def get_request(self):
        request = super().get_request()
        self.accepted += 1
        return request

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.seen.append((self.path, self.headers.get("Host", "")))
        self.server.routes.get(self.path.split("?")[0], self.server.default)(self)

    def log_message(self, *args):
        pass


def page(html: str | Callable[[http.server.BaseHTTPRequestHandler], str],
         kind: str = "text/html; charset=utf-8") -> Route:
    """A 200 answer; ``html`` may be a function of the request (its path, the listener's port)."""
    def send(handler):
        data = (html(handler) if callable(html) else html).encode("utf-8")
        handler.send_response(200)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
    return send


def redirect(location: str, status: int = 302) -> Route:
    def send(handler):
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return send


def drip(every: float, head_first: bool = True) -> Route:
    """A server that sends one byte every ``every`` seconds, for ever (headers first, or the headers dripped too)."""
    def send(handler):
        try:
            if head_first:
                handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
                handler.wfile.flush()
            for byte in (b"HTTP/1.1 200 OK\r\nX-Slow: " if not head_first else b"") + b"x" * 100_000:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(every)
        except OSError:
            pass
    return send


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.stop()


@pytest.fixture
def no_outbound(monkeypatch):
    """Fail the test if anything calls socket.create_connection (the policy must refuse before connecting)."""
    calls: list[tuple] = []

    def refuse(address, *args, **kwargs):
        calls.append(address)
        raise AssertionError(f"a connection to {address} was attempted")
    monkeypatch.setattr(socket, "create_connection", refuse)
    return calls


def only_loopback_connects(monkeypatch, allowed_ports: set[int]) -> list[tuple]:
    """Let socket.create_connection reach these 127.0.0.1 ports only; anything else fails the test."""
    real = socket.create_connection
    calls: list[tuple] = []

    def guarded(address, *args, **kwargs):
        calls.append(address)
        host, port = address[0], address[1]
        if host != "127.0.0.1" or port not in allowed_ports:
            raise AssertionError(f"a connection to {address} was attempted")
        return real(address, *args, **kwargs)
    monkeypatch.setattr(socket, "create_connection", guarded)
    return calls
