"""Fetching a URL: http(s) only, public addresses only (``netpolicy``), one deadline for the whole fetch,
a size cap and a bounded number of redirects, each hop checked again."""
from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from newstrace.errors import FetchFailed, InputTooLarge
from newstrace.reading.document import RawDocument, ReadOptions
from newstrace.reading.netpolicy import Deadline, checked_addresses

REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class _Hop:
    url: str
    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent
    addresses: list[str]


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https") and bool(urlsplit(text).netloc)


def fetch_url(url: str, options: ReadOptions = ReadOptions()) -> RawDocument:
    """Fetch ``url`` and return its bytes; every failure (or refusal) is a one-line ``FetchFailed``."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchFailed("only http and https URLs are fetched", source=url)
    deadline = Deadline(options.timeout)
    current = url
    for _ in range(options.max_redirects + 1):
        answer = _get(_hop(current, url, options, deadline), url, options, deadline)
        if answer.status in REDIRECTS:
            current = _redirect_target(current, answer, url)
            continue
        if answer.status >= 400:
            raise FetchFailed(f"HTTP {answer.status} {answer.reason}", source=url)
        return RawDocument(name=url, data=answer.body, url=current, content_type=answer.headers.get_content_type(),
                           charset=answer.headers.get_content_charset())
    raise FetchFailed(f"too many redirects (more than {options.max_redirects})", source=url)


def _redirect_target(current: str, answer: _Answer, url: str) -> str:
    location = (answer.headers.get("Location") or "").strip()
    if not location:
        raise FetchFailed(f"HTTP {answer.status} redirect without a Location", source=url)
    target = urljoin(current, location)
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        raise FetchFailed(f"redirect to a non-http URL {location!r} refused", source=url)
    return target


def _hop(current: str, url: str, options: ReadOptions, deadline: Deadline) -> _Hop:
    """Parse one hop's URL and resolve and check its host (``AddressRefused`` for an internal address)."""
    parts = urlsplit(current)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchFailed(f"bad port in {current!r}", source=url) from None
    host = parts.hostname
    if not host:
        raise FetchFailed(f"no host in {current!r}", source=url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Hop(current, scheme, host, port, target, checked_addresses(url, host, port, options, deadline))


def _get(hop: _Hop, url: str, options: ReadOptions, deadline: Deadline) -> _Answer:
    """One GET to a checked address of ``hop``; the body only when it is not a redirect."""
    connection = _connection(hop, deadline)
    try:
        with _cut_off_at(deadline, connection):
            connection.request("GET", hop.target, headers={
                "User-Agent": options.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "identity", "Connection": "close"})
            response = connection.getresponse()
            body = b"" if response.status in REDIRECTS else _read_capped(response, url, options, deadline)
            return _Answer(response.status, response.reason, response.headers, body)
    except InputTooLarge:
        raise
    except (socket.timeout, TimeoutError):
        raise deadline.timed_out(url) from None
    except ssl.SSLError as err:
        raise FetchFailed(f"TLS failed: {err.reason or err}", source=url) from None
    except (http.client.HTTPException, OSError) as err:
        if deadline.expired():
            raise deadline.timed_out(url) from None
        raise FetchFailed(f"connection failed: {err or type(err).__name__}", source=url) from None
    finally:
        connection.close()


def _read_capped(response: http.client.HTTPResponse, url: str, options: ReadOptions, deadline: Deadline) -> bytes:
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > options.max_bytes:
        raise InputTooLarge(f"response is {int(length):,} bytes, over the cap of {options.max_bytes:,}", source=url)
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > options.max_bytes:
            raise InputTooLarge(f"response is over the cap of {options.max_bytes:,} bytes", source=url)
        if deadline.expired():
            raise deadline.timed_out(url)
        chunks.append(chunk)
    if deadline.expired():  # the cut-off ended the read early: what came is not the page
        raise deadline.timed_out(url)
    return b"".join(chunks)


def _connection(hop: _Hop, deadline: Deadline) -> http.client.HTTPConnection:
    """A connection that connects to the checked addresses only; Host and TLS name stay the URL's host."""
    kind = _PinnedHTTPS if hop.scheme == "https" else _PinnedHTTP
    return kind(hop, deadline)


def _connect_checked(hop: _Hop, deadline: Deadline) -> socket.socket:
    last: OSError | None = None
    for address in hop.addresses:
        if deadline.expired():
            raise socket.timeout("deadline")
        try:
            return socket.create_connection((address, hop.port), timeout=max(deadline.remaining(), 0.001))
        except (socket.timeout, TimeoutError):
            raise
        except OSError as err:
            last = err
    raise FetchFailed(f"cannot connect: {last}", source=hop.url)


class _PinnedHTTP(http.client.HTTPConnection):
    # ``kept_sock``: http.client drops ``sock`` once a Connection: close response starts, the deadline needs it
    def __init__(self, hop: _Hop, deadline: Deadline):
        super().__init__(hop.host, hop.port, timeout=max(deadline.remaining(), 0.001))
        self._hop, self._deadline = hop, deadline

    def connect(self) -> None:
        self.sock = self.kept_sock = _connect_checked(self._hop, self._deadline)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, hop: _Hop, deadline: Deadline):
        super().__init__(hop.host, hop.port, timeout=max(deadline.remaining(), 0.001))
        self._hop, self._deadline = hop, deadline

    def connect(self) -> None:
        sock = _connect_checked(self._hop, self._deadline)
        self.sock = self.kept_sock = self._context.wrap_socket(sock, server_hostname=self._hop.host)


@contextlib.contextmanager
def _cut_off_at(deadline: Deadline, connection: http.client.HTTPConnection):
    """Shut the socket down when the deadline passes: a server sending a byte a second cannot hold the fetch."""
    def cut() -> None:
        sock = getattr(connection, "kept_sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
    timer = threading.Timer(max(deadline.remaining(), 0), cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
