"""Guards around the app: the token for writes, request body size, request time, Host and Origin checks,
and the CSRF token of the page forms."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
from urllib.parse import urlsplit

from fastapi import Request

from newstrace.web.settings import WebSettings

LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver"}
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
CSRF_COOKIE = "newstrace_csrf"


class Unauthorized(Exception):
    """A write without the right token."""


class Forbidden(Exception):
    """A page form without a valid CSRF token (403)."""


class FormTokens:
    """CSRF tokens for the page forms: HMAC(server secret, the browser's cookie), so a token is good only with
    the cookie it was made for, and only on this server run (the secret is made at start-up)."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def token(self, browser: str) -> str:
        return hmac.new(self._key, browser.encode(), hashlib.sha256).hexdigest()

    def check(self, browser: str | None, given: str) -> None:
        if not browser or not given or not hmac.compare_digest(self.token(browser), given):
            raise Forbidden("the form's security token is missing or stale (or the form came from another site); "
                            "reload the page and send it again")


def new_browser_id() -> str:
    return secrets.token_urlsafe(24)


def check_token(settings: WebSettings, request: Request, form_token: str | None = None) -> None:
    """Writes need the token when one is configured: ``Authorization: Bearer``, ``X-Newstrace-Token`` or a form field."""
    if not settings.token:
        return
    header = request.headers.get("authorization", "")
    given = (header[7:].strip() if header.lower().startswith("bearer ") else None) \
        or request.headers.get("x-newstrace-token") or form_token or ""
    if not secrets.compare_digest(given.encode(), settings.token.encode()):
        raise Unauthorized("this server needs a token for analysing and ingesting; give it as "
                           "'Authorization: Bearer TOKEN' (API) or in the token field (page)")


class Guard:
    """Pure ASGI middleware: body size cap, time limit, and Host / Origin checks (DNS rebinding, CSRF)."""

    def __init__(self, app, settings: WebSettings):
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        problem = self._refuse(scope, headers)
        if problem:
            return await _reply(scope, send, *problem)
        if scope["method"] in ("POST", "PUT", "PATCH"):
            try:
                receive = await asyncio.wait_for(_buffered(receive, self.settings.max_body_bytes),
                                                 self.settings.body_timeout)
            except asyncio.TimeoutError:
                return await _reply(scope, send, 408, f"the request body did not arrive within "
                                                      f"{self.settings.body_timeout:g}s")
            if receive is None:
                return await _reply(scope, send, 413,
                                    f"request body over the limit of {self.settings.max_body_bytes:,} bytes")
        timeout = self.settings.request_timeout + (self.settings.analyse_timeout if scope["method"] == "POST" else 0)
        started = {"sent": False}

        async def tracking_send(message):
            started["sent"] = True
            await send(message)
        try:
            await asyncio.wait_for(self.app(scope, receive, tracking_send), timeout)
        except asyncio.TimeoutError:
            if not started["sent"]:
                await _reply(scope, send, 504, f"the request took longer than {timeout:g}s and was stopped")

    def _refuse(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_body_bytes:
            return 413, f"request body over the limit of {self.settings.max_body_bytes:,} bytes"
        host = _hostname(headers.get("host", ""))
        if self.settings.loopback and host not in LOCAL_NAMES:
            return 421, "this server only answers requests addressed to localhost"
        if scope["method"] not in SAFE_METHODS:
            why = cross_site(scope.get("path", ""), headers)
            if why:
                return 403, f"cross-site request refused: {why}"
            if scope.get("path", "").startswith("/api/") and not _is_json(headers):
                return 415, "API writes take a JSON body (Content-Type: application/json)"
        return None


def cross_site(path: str, headers: dict[str, str]) -> str | None:
    """Why a write looks as if another site's page sent it; None when it is same-origin or from a program.

    ``Origin: null`` (sandboxed frames, no-referrer pages) and a missing Origin with a foreign or missing
    Referer count as foreign. A write with neither header passes only with what a browser cannot send
    cross-site without a CORS preflight (which this server never grants): a JSON body to the API, or an
    ``Authorization`` / ``X-Newstrace-Token`` header."""
    site = headers.get("sec-fetch-site", "")
    if site in ("cross-site", "same-site"):
        return f"Sec-Fetch-Site is {site}"
    host = headers.get("host", "").lower()
    origin = headers.get("origin")
    if origin is not None:
        if origin.strip().lower() == "null":
            return "Origin is null"
        return None if urlsplit(origin).netloc.lower() == host else f"Origin {origin} is not {host}"
    referer = headers.get("referer")
    if referer:
        return None if urlsplit(referer).netloc.lower() == host else "the Referer is another site"
    if "authorization" in headers or "x-newstrace-token" in headers:
        return None
    if path.startswith("/api/") and _is_json(headers):
        return None
    return "no Origin or Referer"


def _is_json(headers: dict[str, str]) -> bool:
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def _buffered(receive, limit: int):
    """Read the whole body (at most ``limit`` bytes) before the app sees it; None when it is larger.

    Reading first means a streamed body without Content-Length is refused the same way, whatever the
    endpoint does with it (bodies are small: a pasted article, a batch of records)."""
    messages, seen = [], 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        seen += len(message.get("body", b""))
        if seen > limit:
            return None
        if not message.get("more_body", False):
            break
    pending = iter(messages)

    async def replay():
        return next(pending, None) or await receive()
    return replay


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _reply(scope, send, status: int, message: str) -> None:
    """A short error in the form the client asked for (JSON for the API, a plain page otherwise)."""
    api = scope.get("path", "").startswith("/api")
    if api:
        body, kind = json.dumps({"error": message, "status": status}).encode(), b"application/json"
    else:
        from html import escape
        body = (f"<!DOCTYPE html><title>newstrace: error {status}</title><h1>Error {status}</h1>"
                f"<p>{escape(message)}</p>").encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    if status in (408, 413):  # the rest of the body is not read: the connection cannot carry another request
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
