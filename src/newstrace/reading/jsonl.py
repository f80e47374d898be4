"""JSON Lines input: one article per line, read as a stream (a file of any size uses memory for one line).

Each line is an object ``{"url": ..., "html" | "markdown" | "text": ..., "title", "outlet", "published" (or
"date"), "updated", "authors", "language", "metadata", "id"}``, read by ``reading.document.record_of`` as every
other entry point reads it; ``url`` is optional (the line is then located as ``FILE#lineN``). ``.gz`` is unpacked
on the fly. A bad line is reported in place and the rest of the file goes on. ``batch`` reads the same lines back
by byte offset (``scan_jsonl``, ``record_at``), through the same parser.
"""
from __future__ import annotations

import gzip
import json
import zlib
from typing import BinaryIO, Iterator

from newstrace.errors import CorruptInput, InputTooLarge, MalformedRecord, NewstraceError, UnreadableInput
from newstrace.model import Analysis
from newstrace.reading.document import DEFAULT_MAX_BYTES, Record, record_of
from newstrace.reading.inputs import RECORD_SUFFIXES

JSONL_SUFFIXES = RECORD_SUFFIXES
_CHUNK = 1 << 20


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def jsonl_documents(path: str, *, max_line_bytes: int = DEFAULT_MAX_BYTES, start_line: int = 1,
                    analyses: bool = False) -> Iterator[Record | Analysis | NewstraceError]:
    """Yield one document (or the error in its place) per non-blank line, from ``start_line`` on.

    ``analyses``: a line with a ``schema_version`` is a finished analysis (``newstrace analyze -f jsonl``) and
    is yielded as an ``Analysis``; otherwise such a line is a malformed article record."""
    try:
        handle = open_jsonl(path)
    except OSError as err:
        raise UnreadableInput(f"cannot read: {err.strerror}", source=path) from None
    with handle:
        for number, line in _lines(handle, path, max_line_bytes):
            if number < start_line:
                continue
            if isinstance(line, NewstraceError):
                yield line
            elif line.strip():
                yield _record(line, f"{path}#line{number}", f"line {number}", path, analyses)


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


def open_jsonl(path: str) -> BinaryIO:
    """The file's lines as bytes; a ``.gz`` file is unpacked on the fly (offsets count unpacked bytes)."""
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def scan_jsonl(path: str) -> list[tuple[int, int]]:
    """``(byte offset, length)`` of every non-blank line (``batch`` partitions a file by them)."""
    found, offset = [], 0
    with open_jsonl(path) as handle:
        for line in handle:
            if line.strip():
                found.append((offset, len(line)))
            offset += len(line)
    return found


def record_at(path: str, offset: int, handle: BinaryIO | None = None) -> Record | NewstraceError:
    """The line at ``offset``, read as ``jsonl_documents`` reads it (an error in place of a bad line).

    ``handle`` (from ``open_jsonl``) reads several lines of one file in increasing order without reopening it,
    which for a ``.gz`` file means unpacking it once."""
    if handle is None:
        with open_jsonl(path) as own:
            return record_at(path, offset, own)
    handle.seek(offset)
    name = f"{path}@{offset}"
    return _record(handle.readline(), name, "the line", name)


def _record(line: bytes, where: str, what: str, source: str,
            analyses: bool = False) -> Record | Analysis | NewstraceError:
    """One line: ``what`` names it in messages ("line 3"), ``source`` in errors, ``where`` locates its article."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        return MalformedRecord(f"{what} is not valid JSON ({err.args[0] if err.args else err})", source=source)
    if not isinstance(record, dict):
        return MalformedRecord(f"{what} is not a JSON object", source=source)
    if analyses and "schema_version" in record:
        try:
            return Analysis.from_dict(record)
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            return MalformedRecord(f"{what} is not a valid newstrace analysis ({err})", source=source)
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        return MalformedRecord(f"{what}: 'url' must be a string", source=source)
    found = record_of(record, where)
    if found is None:
        return MalformedRecord(f"{what} has neither a non-empty 'html', 'markdown' nor a 'text' string",
                               source=source)
    return found
