"""The web app under a real uvicorn (the settings ``newstrace serve`` uses), in a thread, on a free loopback port;
and a small raw HTTP client, so tests control every header and byte."""
from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time

import uvicorn

from newstrace.web import WebSettings, create_app
from newstrace.web.serve import server_config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running(db: str, **settings):
    """Serve ``db`` until the block ends; yields (base URL, settings)."""
    config = WebSettings(db=db, port=free_port(), **settings)
    server = uvicorn.Server(server_config(config, create_app(config)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{config.port}", config
    finally:
        server.should_exit = True
        thread.join(15)


def request(base: str, method: str, path: str, body: bytes | str | dict | None = None,
            headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict[str, str], str]:
    """One request on its own connection: (status, headers lower-cased, body text)."""
    port = int(base.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = dict(headers or {})
    if isinstance(body, dict):
        body = json.dumps(body)
        headers.setdefault("Content-Type", "application/json")
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8")
    finally:
        connection.close()


def stored_count(base: str) -> int:
    status, _, body = request(base, "GET", "/api/stats")
    assert status == 200, body
    return json.loads(body)["articles"]
