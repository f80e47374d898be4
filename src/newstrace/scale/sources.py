"""Batch inputs (WARC, JSONL, article files, folders, globs) and their split into bounded partitions.

A partition is a list of record offsets in one file (or a list of small files). Its id hashes what it
covers, so a second run over the same inputs finds the same partitions and can skip completed ones.
"""
from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from newstrace.errors import CorruptInput, InputNotFound, NewstraceError
from newstrace.reading import ReadOptions
from newstrace.reading.document import Record
from newstrace.reading.inputs import ARTICLE_SUFFIXES, FEED_SUFFIXES, RECORD_SUFFIXES, WARC_SUFFIXES
from newstrace.reading.jsonl import open_jsonl, record_at, scan_jsonl
from newstrace.reading.records import expand_records, records_in
from newstrace.reading.warc import RecordProblem, scan_warc, warc_record

JSONL_SUFFIXES = RECORD_SUFFIXES  # records are read back by (unpacked) byte offset


@dataclass(frozen=True, slots=True)
class PartitionLimits:
    """Partitions hold at most this many records and this many payload bytes (steady worker memory)."""

    records: int = 200
    bytes: int = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Partition:
    id: str
    kind: str  # warc | jsonl | files
    path: str  # the WARC or JSONL file ("" for a group of article files)
    items: tuple[Any, ...]  # record offsets, or file paths

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "path": self.path, "items": list(self.items)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Partition":
        return cls(d["id"], d["kind"], d["path"], tuple(d["items"]))


@dataclass(slots=True)
class FileScan:
    """Partitions of one WARC/JSONL file, plus records skipped (by reason) and corrupt records."""

    path: str
    partitions: list[Partition] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[RecordProblem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "partitions": [p.to_dict() for p in self.partitions], "skipped": self.skipped,
                "problems": [asdict(p) for p in self.problems]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FileScan":
        return cls(d["path"], [Partition.from_dict(p) for p in d["partitions"]], dict(d["skipped"]),
                   [RecordProblem(**p) for p in d["problems"]])


def kind_of(path: str) -> str | None:
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    stem = name[:-3] if name.endswith(".gz") else name
    return "files" if Path(stem).suffix in ARTICLE_SUFFIXES or name.endswith(FEED_SUFFIXES) else None


def expand_batch_inputs(specs: list[str]) -> list[str]:
    """Files named, found in folders, or matched by globs; a name that matches nothing is an error."""
    found: list[str] = []
    for spec in specs:
        if os.path.isdir(spec):
            found += [p for p in expand_records([spec]) if kind_of(p)]
        elif glob.has_magic(spec):
            found += [m for m in sorted(glob.glob(spec, recursive=True)) if os.path.isfile(m) and kind_of(m)]
        elif os.path.isfile(spec):
            found.append(spec)
        else:
            raise InputNotFound("no such file or folder", source=spec)
    if not found:
        raise InputNotFound("no WARC, JSONL or article files found in " + " ".join(specs))
    return [os.path.abspath(p) for p in dict.fromkeys(found)]


def scan_file(path: str, limits: PartitionLimits, max_bytes: int) -> FileScan:
    """Split one WARC or JSONL file into partitions (runs on a worker: it reads the whole file once)."""
    try:
        return _scan(path, limits, max_bytes)
    except OSError as err:  # unreadable as a whole: one error row, the other inputs go on
        return FileScan(path, problems=[RecordProblem(path, "UnreadableInput", f"cannot read: {err}")])


def _scan(path: str, limits: PartitionLimits, max_bytes: int) -> FileScan:
    if kind_of(path) == "warc":
        warc = scan_warc(path, max_bytes)
        return FileScan(path, _chunk("warc", path, warc.offsets, limits), warc.skipped, warc.problems)
    return FileScan(path, _chunk("jsonl", path, scan_jsonl(path), limits))


def group_files(paths: list[str], limits: PartitionLimits) -> list[Partition]:
    """Loose article files, grouped into partitions."""
    return _chunk("files", "", [(p, os.path.getsize(p)) for p in paths], limits)


def _chunk(kind: str, path: str, items: list[tuple[Any, int]], limits: PartitionLimits) -> list[Partition]:
    parts, current, size = [], [], 0
    for item, length in items:
        if current and (len(current) >= limits.records or size + length > limits.bytes):
            parts.append(_partition(kind, path, current))
            current, size = [], 0
        current.append(item)
        size += length
    if current:
        parts.append(_partition(kind, path, current))
    return parts


def _partition(kind: str, path: str, items: list[Any]) -> Partition:
    stamp = f"{os.path.getsize(path)}" if path else "|".join(f"{p}:{os.path.getsize(p)}" for p in items)
    key = f"{kind}|{path}|{stamp}|{items}".encode("utf-8")
    return Partition(hashlib.sha1(key).hexdigest()[:16], kind, path, tuple(items))


def read_partition(part: Partition, options: ReadOptions) -> Iterator[tuple[str, Record | NewstraceError]]:
    """``(locator, record or the error in its place)`` for each record of a partition (``FILE@offset``; a loose
    file's path, or a feed item's link): the same ``Record`` every entry point reads (``reading.records``)."""
    handle = open_jsonl(part.path) if part.kind == "jsonl" else None  # one pass over the file, also gzipped
    try:
        for item in part.items:
            locator = f"{part.path}@{item}" if part.path else item
            try:
                for record in _read_records(part, item, options, handle):  # a feed item has a place of its own
                    own = part.kind == "files" and isinstance(record, Record) and record.locator
                    yield own or locator, record
            except NewstraceError as err:
                yield locator, err
            except (OSError, EOFError) as err:  # a record changed or truncated since the scan
                yield locator, CorruptInput(f"cannot read record: {err}", source=locator)
    finally:
        if handle is not None:
            handle.close()


def _read_records(part: Partition, item: Any, options: ReadOptions, handle: Any) -> Iterator[Record | NewstraceError]:
    if part.kind == "warc":
        yield warc_record(part.path, item)
    elif part.kind == "jsonl":
        yield record_at(part.path, item, handle)
    else:  # an article file, or a feed: one record per item
        yield from records_in(item, options)
