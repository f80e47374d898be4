"""WARC and WARC.gz: find the HTML responses (HTTP 200, text/html) and read them back by offset.

Needs fastwarc (the ``scale`` extra); this module is imported only when a WARC file is read.

Reading is done by fastwarc. A corrupt record (broken gzip member, invalid header) makes fastwarc stop;
we note it and resynchronise at the next record start, so one bad record never loses the rest of a file.
"""
from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newstrace import errors
from newstrace.reading.document import RawDocument, Record

HTML_TYPES = {"text/html", "application/xhtml+xml"}
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
_SEARCH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record that could not be used, and why (``kind`` is an error class name)."""

    locator: str
    kind: str
    message: str
    url: str | None = None


@dataclass(slots=True)
class WarcScan:
    """What one pass over a WARC file found: offsets of usable responses, skips by reason, problems."""

    offsets: list[tuple[int, int]] = field(default_factory=list)  # (record offset, payload bytes)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[RecordProblem] = field(default_factory=list)


def scan_warc(path: str, max_bytes: int) -> WarcScan:
    """Index the HTML 200 responses of a WARC file, counting what is skipped and what is corrupt."""
    scan = WarcScan()
    for offset, record, problem in _records(path):
        if problem:
            scan.problems.append(problem)
            continue
        reason = _skip_reason(record, max_bytes)
        if reason == "ok":
            scan.offsets.append((offset, record.content_length))
        elif reason.startswith("skip:"):
            scan.skipped[reason[5:]] = scan.skipped.get(reason[5:], 0) + 1
        else:
            scan.problems.append(RecordProblem(f"{path}@{offset}", reason, _problem_text(reason, record),
                                               record.headers.get("WARC-Target-URI")))
    return scan


def warc_records(path: str, max_bytes: int) -> Iterator[Record | errors.NewstraceError]:
    """Every HTML response of a WARC file as a record, in file order; a corrupt or oversized one is an error in
    its place (responses that are not HTML or not HTTP 200 are left out, as ``batch`` leaves them out)."""
    scan = scan_warc(path, max_bytes)
    found = [(offset, None) for offset, _ in scan.offsets] + [(_offset(p.locator), p) for p in scan.problems]
    for offset, problem in sorted(found, key=lambda item: item[0]):
        if problem is None:
            yield warc_record(path, offset)
        else:
            yield getattr(errors, problem.kind, errors.CorruptInput)(problem.message, source=problem.locator)


def _offset(locator: str) -> int:
    return int(locator.rpartition("@")[2])


def warc_record(path: str, offset: int) -> Record:
    """The HTML response at ``offset`` (located by its URL, else as ``FILE@offset``), with its WARC date and
    record id."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle, record_types=WarcRecordType.response, auto_decode="all")))
        url = record.headers.get("WARC-Target-URI")
        name = f"{path}@{offset}"
        doc = RawDocument(name=name, data=record.reader.read(), url=url, content_type=record.http_content_type,
                          charset=record.http_charset)
        meta = {"warc_date": record.headers.get("WARC-Date"), "warc_record_id": record.headers.get("WARC-Record-ID")}
    return Record(doc, url or name, meta, "html")


def _skip_reason(record: WarcRecord, max_bytes: int) -> str:
    if record.http_headers is None:
        return "CorruptInput"
    if record.http_headers.status_code != 200:
        return "skip:http-status-not-200"
    if (record.http_content_type or "").lower() not in HTML_TYPES:
        return "skip:not-html"
    if record.content_length > max_bytes:
        return "InputTooLarge"
    return "ok"


def _problem_text(kind: str, record: WarcRecord) -> str:
    if kind == "InputTooLarge":
        return f"record of {record.content_length:,} bytes is over the cap"
    return "response record without a readable HTTP header (truncated or corrupt record)"


def _records(path: str) -> Iterator[tuple[int, WarcRecord | None, RecordProblem | None]]:
    """``(offset, record, None)`` per response record, or ``(offset, None, problem)`` where data is corrupt."""
    with open(path, "rb") as handle:
        magic = GZIP_MAGIC if handle.read(3) == GZIP_MAGIC else WARC_MAGIC
        position, resumed = 0, False
        while position is not None:
            handle.seek(position)
            last = None
            try:
                for record in ArchiveIterator(handle, record_types=WarcRecordType.response, auto_decode="all"):
                    last = record.stream_pos
                    yield last, record, None
                return
            except OSError as err:
                # The failing record starts after the last good one; failing again right where we
                # resumed is that same record, not a new one.
                if last is not None:
                    position, resumed = _next_magic(handle, last + 1, magic), False
                    at = last if position is None else position
                else:
                    at, position = position, _next_magic(handle, position + 1, magic)
                if not resumed:
                    yield at, None, RecordProblem(f"{path}@{at}", "CorruptInput", f"corrupt WARC record at byte {at}: {err}")
                resumed = True


def _next_magic(handle: BinaryIO, start: int, magic: bytes) -> int | None:
    """The offset of the next record start (gzip member or ``WARC/1.`` line) at or after ``start``."""
    handle.seek(start)
    base, tail = start, b""
    while chunk := handle.read(_SEARCH_CHUNK):
        data = tail + chunk
        hit = data.find(magic)
        if hit >= 0:
            return base - len(tail) + hit
        tail = data[-(len(magic) - 1):]
        base += len(chunk)
    return None


def warc_response(url: str, body: bytes, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
                  date: str = "2024-01-01T00:00:00Z") -> bytes:
    """One WARC/1.0 response record (for building test and benchmark archives)."""
    http = f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Date: {date}\r\n"
            f"WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: str, records: list[bytes], *, compress: bool = True) -> None:
    """Write records as a WARC file; compressed, each record is its own gzip member (as crawlers do)."""
    with open(path, "wb") as handle:
        for record in records:
            handle.write(gzip.compress(record) if compress else record)
