"""JSONL input: one article per line, as a JSON object.

Fields: ``url`` (string), one of ``html`` / ``markdown`` / ``text`` (the article), and optionally ``title``,
``date`` (ISO 8601 publication date), ``outlet`` and ``id`` (your own identifier, kept in the metadata).
Values given here win over what extraction finds only where extraction found nothing.
"""
from __future__ import annotations

import json
from typing import Any

from newstrace.errors import UnreadableInput
from newstrace.model import Article
from newstrace.reading import RawDocument

BODY_FIELDS = (("html", "html", "text/html"), ("markdown", "markdown", "text/markdown"), ("text", "text", "text/plain"))


def scan_jsonl(path: str) -> list[tuple[int, int]]:
    """``(byte offset, length)`` of every non-blank line."""
    found, offset = [], 0
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                found.append((offset, len(line)))
            offset += len(line)
    return found


def read_jsonl_document(path: str, offset: int) -> tuple[RawDocument, str, dict[str, Any]]:
    """The line at ``offset`` as ``(document, format, given fields)``; a bad line raises ``UnreadableInput``."""
    name = f"{path}@{offset}"
    with open(path, "rb") as handle:
        handle.seek(offset)
        line = handle.readline()
    try:
        row = json.loads(line)
    except ValueError as err:
        raise UnreadableInput(f"not a JSON line ({err.msg} at column {err.colno})", source=name) from None
    if not isinstance(row, dict):
        raise UnreadableInput("a JSON line must be an object", source=name)
    for key, fmt, content_type in BODY_FIELDS:
        if isinstance(row.get(key), str):
            doc = RawDocument(name=name, data=row[key].encode("utf-8"), url=_str(row.get("url")),
                              content_type=content_type, charset="utf-8")
            given = {k: row[k] for k in ("title", "date", "outlet", "id") if isinstance(row.get(k), str)}
            return doc, fmt, given
    raise UnreadableInput("a JSON line needs an 'html', 'markdown' or 'text' field", source=name)


def apply_given(article: Article, given: dict[str, Any]) -> None:
    """Fill what extraction left empty from the record's own fields (JSONL line or WARC header)."""
    if given.get("title") and not article.title:
        article.title = given["title"]
    if given.get("date") and not article.published:
        article.published = given["date"]
    if given.get("outlet") and not article.outlet:
        article.outlet = given["outlet"]
    if given.get("id"):
        article.metadata["record_id"] = given["id"]
    if given.get("warc_date") or given.get("warc_record_id"):  # WARC records bring their own
        article.metadata["warc"] = {"date": given.get("warc_date"), "record_id": given.get("warc_record_id")}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
