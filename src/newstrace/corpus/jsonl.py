"""JSON Lines input: one article per line, read as a stream (a file of any size uses memory for one line).

Each line is an object ``{"url": ..., "html": ... | "text": ..., "title", "outlet", "published", "authors",
"language", "metadata"}``; ``url`` is optional (the line is then located as ``FILE#lineN``). ``.gz`` is unpacked
on the fly. A bad line is reported in place and the rest of the file goes on.
"""
from __future__ import annotations

import gzip
import json
import zlib
from typing import BinaryIO, Iterator

from newstrace.corpus.document import CorpusDocument
from newstrace.errors import CorruptInput, InputTooLarge, MalformedRecord, NewstraceError, UnreadableInput
from newstrace.reading import RawDocument
from newstrace.reading.document import DEFAULT_MAX_BYTES

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CHUNK = 1 << 20


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def jsonl_documents(path: str, *, max_line_bytes: int = DEFAULT_MAX_BYTES,
                    start_line: int = 1) -> Iterator[CorpusDocument | NewstraceError]:
    """Yield one document (or the error in its place) per non-blank line, from ``start_line`` on."""
    try:
        handle: BinaryIO = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as err:
        raise UnreadableInput(f"cannot read: {err.strerror}", source=path) from None
    with handle:
        for number, line in _lines(handle, path, max_line_bytes):
            if number < start_line:
                continue
            if isinstance(line, NewstraceError):
                yield line
            elif line.strip():
                yield _record(line, path, number)


def _lines(handle: BinaryIO, path: str, cap: int) -> Iterator[tuple[int, bytes | NewstraceError]]:
    """Lines with their numbers; a line over ``cap`` bytes is skipped (reported) without holding it in memory."""
    number = 0
    try:
        while True:
            line = handle.readline(cap + 1)
            if not line:
                return
            number += 1
            if len(line) > cap and not line.endswith(b"\n"):
                while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                yield number, InputTooLarge(f"line {number} is over the cap of {cap:,} bytes", source=path)
                continue
            yield number, line
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield number + 1, CorruptInput(f"broken gzip data after line {number} ({err})", source=path)


def _record(line: bytes, path: str, number: int) -> CorpusDocument | NewstraceError:
    where = f"{path}#line{number}"
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        return MalformedRecord(f"line {number} is not valid JSON ({err.args[0] if err.args else err})", source=path)
    if not isinstance(record, dict):
        return MalformedRecord(f"line {number} is not a JSON object", source=path)
    body, kind = (record.get("html"), "html") if record.get("html") else (record.get("text"), "text")
    if not isinstance(body, str) or not body.strip():
        return MalformedRecord(f"line {number} has neither a non-empty 'html' nor a 'text' string", source=path)
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        return MalformedRecord(f"line {number}: 'url' must be a string", source=path)
    raw = RawDocument(name=where, data=body.encode("utf-8"), url=url,
                      content_type="text/html" if kind == "html" else "text/plain", charset="utf-8")
    fields = {k: record.get(k) for k in ("title", "outlet", "published", "updated", "language", "authors",
                                         "metadata", "url")}
    # An html field is HTML; a text field is a hint only: Markdown or HTML pasted into it is read as such.
    return CorpusDocument(raw, url or where, fields, fmt=kind if kind == "html" else None)
