"""Connections under uvicorn: a deadline for each request's headers, and a cap on open connections that
closes the longest-idle one for a newcomer instead of answering 503 to everyone.

uvicorn times out only the idle gap after a response (``timeout_keep_alive``); a socket that opens and
never finishes its headers, or sends them a byte at a time, is kept for ever, and its ``limit_concurrency``
counts such sockets, so 70 idle connections made every request a 503 (issue 22).
"""
from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

TIMEOUT_408 = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 33\r\n"
               b"connection: close\r\n\r\nthe request headers came too slow")
BUSY_503 = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 31\r\n"
            b"connection: close\r\n\r\nevery connection is busy: retry")


class GuardedH11(H11Protocol):
    """uvicorn's h11 protocol with a header deadline and an idle-evicting connection cap."""

    header_timeout: float = 10.0
    max_connections: int = 100

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self.header_timer: asyncio.TimerHandle | None = None
        self.idle_since = self.loop.time()
        super().connection_made(transport)
        live = [c for c in self.connections if not c.transport.is_closing()]
        if len(live) > self.max_connections and not self._evict_one_idle(live):
            transport.write(BUSY_503)
            transport.close()
            return
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not None and not self.cycle.response_complete:
            self._cancel_header_timer()  # the headers are in; the body has its own deadline (security.Guard)

    def on_response_complete(self) -> None:
        self.idle_since = self.loop.time()
        super().on_response_complete()
        if not self.transport.is_closing() and self.waiting():
            self._arm_header_timer()  # the next request's headers, on a kept-alive connection

    def waiting(self) -> bool:
        """No request is being answered: only headers (or nothing) have come since the last response."""
        return self.cycle is None or self.cycle.response_complete

    def _evict_one_idle(self, live: list) -> bool:
        idle = [c for c in live if c is not self and isinstance(c, GuardedH11) and c.waiting()]
        if not idle:
            return False
        oldest = min(idle, key=lambda c: c.idle_since)
        oldest.transport.close()
        return True

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self.header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _cancel_header_timer(self) -> None:
        if getattr(self, "header_timer", None) is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _headers_too_slow(self) -> None:
        self.header_timer = None
        if self.transport.is_closing() or not self.waiting():
            return
        if self.conn.their_state is h11.IDLE:
            self.transport.write(TIMEOUT_408)
        self.transport.close()


def guarded_protocol(header_timeout: float, max_connections: int) -> type[GuardedH11]:
    """The protocol class for ``uvicorn.Config(http=...)`` with these limits."""
    return type("NewstraceH11", (GuardedH11,), {"header_timeout": header_timeout, "max_connections": max_connections})
