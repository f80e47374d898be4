"""What the reading stage hands to extraction."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newstrace.model import Article
from newstrace.reading.decode import utf8_of

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


# A record (a JSONL line, an API record, a WARC header) gives its article's body under one of these keys, with
# the format it declares (None: a "text" field is a hint only; Markdown or HTML pasted into it is read as such).
BODIES = (("html", "html", "text/html"), ("markdown", "markdown", "text/markdown"), ("text", None, "text/plain"))
# What a record may say about its article beside the body; ``date`` is read as ``published``.
RECORD_FIELDS = ("url", "title", "outlet", "published", "updated", "language", "authors", "metadata", "id")
# Fields that fill what extraction found nothing for (never overwriting what the page says).
OVERRIDABLE = ("title", "outlet", "published", "updated", "language")


@dataclass(frozen=True, slots=True)
class Record:
    """One article as an input gives it, the same for every entry point (``reading.records.iter_records``): its
    bytes, where it lives, what the input said about it, and the format the input declares.

    ``locator`` names the article's place (URL, absolute path, ``FILE#line3``, ``FILE#item2``, ``FILE@offset``);
    empty when only the article itself can tell (standard input)."""

    raw: RawDocument
    locator: str
    fields: dict[str, Any] = field(default_factory=dict)
    fmt: str | None = None  # html | markdown | text; None = sniff
    text_fallback: str | None = None  # plain text to use when the HTML holds too little for the extractor

    @property
    def name(self) -> str:
        return self.raw.name


def record_of(obj: dict[str, Any], name: str) -> Record | None:
    """The article in one JSON record (the same reading for ``ingest``, ``batch``, ``dedup`` and the web API),
    located by its ``url``, else by ``name``; None when it has no non-empty ``html``, ``markdown`` or ``text``
    string."""
    for key, fmt, content_type in BODIES:
        body = obj.get(key)
        if isinstance(body, str) and body.strip():
            url = obj.get("url") if isinstance(obj.get("url"), str) else None
            fields = {k: obj[k] for k in RECORD_FIELDS if obj.get(k) not in (None, "", [], {})}
            if "published" not in fields and isinstance(obj.get("date"), str) and obj["date"]:
                fields["published"] = obj["date"]
            return Record(RawDocument(name, utf8_of(body), url, content_type, "utf-8"), url or name, fields, fmt)
    return None


def apply_fields(article: Article, fields: dict[str, Any]) -> Article:
    """Fill what extraction left empty from the record's fields (never overwrite what the page says)."""
    for name in OVERRIDABLE:
        value = fields.get(name)
        if value and not getattr(article, name):
            setattr(article, name, str(value))
    authors = fields.get("authors")
    if authors and not article.authors:
        article.authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
    if fields.get("url") and not article.url:
        article.url = str(fields["url"])
    if fields.get("metadata"):
        article.metadata.setdefault("record", fields["metadata"])
    if fields.get("id"):
        article.metadata["record_id"] = fields["id"]
    if fields.get("warc_date") or fields.get("warc_record_id"):  # WARC records bring their own
        article.metadata["warc"] = {"date": fields.get("warc_date"), "record_id": fields.get("warc_record_id")}
    return article
