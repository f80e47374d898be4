"""What corpus readers (pages, feeds, JSONL) hand to ingestion: raw bytes plus what the container said."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newstrace.model import Article
from newstrace.reading import RawDocument

# Fields a feed item or JSONL record may set on the article when extraction found none.
OVERRIDABLE = ("title", "outlet", "published", "updated", "language")


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One article to ingest. ``locator`` names where it lives (URL, path, or ``file.jsonl#line``); empty when
    only the article itself can tell (standard input)."""

    raw: RawDocument
    locator: str
    fields: dict[str, Any] = field(default_factory=dict)
    fmt: str | None = None  # html | markdown | text; None = sniff
    text_fallback: str | None = None  # plain text to use when the HTML holds too little for the extractor


def apply_fields(article: Article, fields: dict[str, Any]) -> Article:
    """Fill what extraction left empty from the container's fields (never overwrite what the page says)."""
    for name in OVERRIDABLE:
        value = fields.get(name)
        if value and not getattr(article, name):
            setattr(article, name, str(value))
    authors = fields.get("authors")
    if authors and not article.authors:
        article.authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
    if fields.get("url") and not article.url:
        article.url = str(fields["url"])
    extra = fields.get("metadata")
    if extra:
        article.metadata.setdefault("record", extra)
    return article
