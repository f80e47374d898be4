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
from newstrace.reading import RawDocument, ReadOptions, read_input
from newstrace.reading.inputs import ARTICLE_SUFFIXES, RECORD_SUFFIXES
from newstrace.scale.jsonl import open_jsonl, read_jsonl_document, scan_jsonl
from newstrace.scale.warc import RecordProblem, read_warc_document, scan_warc

WARC_SUFFIXES = (".warc", ".warc.gz")
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


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: a document to analyse (with its format and known fields) or the reason it is unusable."""

    locator: str
    doc: RawDocument | None = None
    fmt: str | None = None
    given: dict[str, Any] = field(default_factory=dict)
    error: NewstraceError | None = None


def kind_of(path: str) -> str | None:
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    stem = name[:-3] if name.endswith(".gz") else name
    return "files" if Path(stem).suffix in ARTICLE_SUFFIXES else None


def expand_batch_inputs(specs: list[str]) -> list[str]:
    """Files named, found in folders, or matched by globs; a name that matches nothing is an error."""
    found: list[str] = []
    for spec in specs:
        if os.path.isdir(spec):
            found += [str(p) for p in sorted(Path(spec).rglob("*")) if p.is_file() and kind_of(str(p))]
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


def read_partition(part: Partition, options: ReadOptions) -> Iterator[Record]:
    """The records of a partition; a record that cannot be read becomes a ``Record`` with its error."""
    handle = open_jsonl(part.path) if part.kind == "jsonl" else None  # one pass over the file, also gzipped
    try:
        for item in part.items:
            locator = f"{part.path}@{item}" if part.path else item
            try:
                yield _read_record(part, item, locator, options, handle)
            except NewstraceError as err:
                yield Record(locator, error=err)
            except (OSError, EOFError) as err:  # a record changed or truncated since the scan
                yield Record(locator, error=CorruptInput(f"cannot read record: {err}", source=locator))
    finally:
        if handle is not None:
            handle.close()


def _read_record(part: Partition, item: Any, locator: str, options: ReadOptions, handle: Any) -> Record:
    if part.kind == "warc":
        doc, meta = read_warc_document(part.path, item)
        return Record(locator, doc, "html", meta)
    if part.kind == "jsonl":
        doc, fmt, given = read_jsonl_document(part.path, item, handle)
        return Record(locator, doc, fmt, given)
    return Record(locator, read_input(item, options))
