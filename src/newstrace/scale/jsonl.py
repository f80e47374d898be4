"""JSONL input for ``batch``: one article per line, as a JSON object, read back by byte offset.

A line is read by ``reading.document.record_of``, as ``ingest``, ``dedup`` and the web API read one: ``url``, one
of ``html`` / ``markdown`` / ``text`` (the article), and optionally ``title``, ``published`` (or ``date``),
``updated``, ``outlet``, ``authors``, ``language``, ``metadata`` and ``id`` (your own identifier, kept in the
metadata). Values given here win over what extraction finds only where extraction found nothing.
"""
from __future__ import annotations

import gzip
import json
from typing import Any, BinaryIO

from newstrace.errors import UnreadableInput
from newstrace.reading import RawDocument
from newstrace.reading.document import apply_fields, record_of


def open_jsonl(path: str) -> BinaryIO:
    """The file's lines as bytes; a ``.gz`` file is unpacked on the fly (offsets count unpacked bytes)."""
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def scan_jsonl(path: str) -> list[tuple[int, int]]:
    """``(byte offset, length)`` of every non-blank line."""
    found, offset = [], 0
    with open_jsonl(path) as handle:
        for line in handle:
            if line.strip():
                found.append((offset, len(line)))
            offset += len(line)
    return found


def read_jsonl_document(path: str, offset: int, handle: BinaryIO | None = None
                        ) -> tuple[RawDocument, str | None, dict[str, Any]]:
    """The line at ``offset`` as ``(document, format, given fields)``; a bad line raises ``UnreadableInput``.

    ``handle`` (from ``open_jsonl``) reads several lines of one file in increasing order without reopening it,
    which for a ``.gz`` file means unpacking it once."""
    name = f"{path}@{offset}"
    if handle is None:
        with open_jsonl(path) as own:
            return read_jsonl_document(path, offset, own)
    handle.seek(offset)
    line = handle.readline()
    try:
        row = json.loads(line)
    except ValueError as err:
        raise UnreadableInput(f"not a JSON line ({err.msg} at column {err.colno})", source=name) from None
    if not isinstance(row, dict):
        raise UnreadableInput("a JSON line must be an object", source=name)
    found = record_of(row, name)
    if found is None:
        raise UnreadableInput("a JSON line needs an 'html', 'markdown' or 'text' field", source=name)
    return found.doc, found.fmt, found.fields


apply_given = apply_fields  # the record's fields fill what extraction left empty, as in ``ingest``
