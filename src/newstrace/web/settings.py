"""How the web UI runs: explicit values with safe defaults."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from newstrace.errors import ServeRefused

MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True, slots=True)
class WebSettings:
    db: str
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # required for writes when set; required to be set beyond loopback
    max_body_bytes: int = 2 * 1024 * 1024  # a pasted article or an ingest batch
    request_timeout: float = 30.0  # seconds for any read request
    header_timeout: float = 10.0  # seconds from connecting (or the last response) to a request's complete headers
    body_timeout: float = 30.0  # seconds for a request body to arrive
    keep_alive: float = 5.0  # seconds an idle kept-alive connection stays open
    max_connections: int = 100  # open connections; past it the longest-idle one is closed, else 503
    analyse_timeout: float = 120.0  # seconds for analysing (and fetching) one pasted article, waiting included
    analysis_process: bool = True  # analyse in a worker process that is stopped at the deadline (else a thread)
    analysis_memory_mb: int | None = 2048  # address space a worker's analysis may add to the loaded pipeline
    fetch_timeout: float = 15.0  # one deadline for a whole URL fetch, redirects included
    # Analyse-by-URL fetches public addresses only; these widen it (serve --allow-private-urls), never by default.
    allow_private_urls: bool = False
    allow_fetch_addresses: tuple[str, ...] = ()  # exact "IP" / "IP:PORT" also allowed
    max_ingest_documents: int = 100
    semantic: bool | None = None  # MiniLM for claim matching; None: when installed (corroboration.use_semantic)
    page_size: int = 50

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_settings(settings: WebSettings) -> None:
    """Refuse to serve writes to the network unauthenticated."""
    if settings.token is not None and len(settings.token) < MIN_TOKEN_LENGTH:
        raise ServeRefused(f"the token must be at least {MIN_TOKEN_LENGTH} characters "
                           "(e.g. python -c 'import secrets; print(secrets.token_urlsafe())')")
    if not settings.loopback and not settings.token:
        raise ServeRefused(f"listening on {settings.host} makes the UI reachable from other machines; "
                           "give --token (or NEWSTRACE_TOKEN) so that only you can analyse and ingest, "
                           "or use --host 127.0.0.1")
    if not 0 < settings.port < 65536:
        raise ServeRefused(f"port {settings.port} is not between 1 and 65535")
