"""What corpus readers (pages, feeds, JSONL) hand to ingestion: raw bytes plus what the container said."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newstrace.reading import RawDocument
from newstrace.reading.document import OVERRIDABLE, apply_fields  # noqa: F401  (one rule for every input)


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One article to ingest. ``locator`` names where it lives (URL, path, or ``file.jsonl#line``); empty when
    only the article itself can tell (standard input)."""

    raw: RawDocument
    locator: str
    fields: dict[str, Any] = field(default_factory=dict)
    fmt: str | None = None  # html | markdown | text; None = sniff
    text_fallback: str | None = None  # plain text to use when the HTML holds too little for the extractor
