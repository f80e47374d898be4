"""What the reading stage hands to extraction."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Limits for reading input. Explicit values, sane defaults."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
    max_redirects: int = 5
    encoding: str | None = None  # force a text encoding (skips detection)
    user_agent: str = "newstrace/0.1 (+offline news analysis)"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Input bytes with what we know of them before extraction."""

    name: str  # file path, URL or "<stdin>"
    data: bytes
    url: str | None = None
    content_type: str | None = None  # MIME type from HTTP or the caller
    charset: str | None = None  # declared by HTTP headers, if any
