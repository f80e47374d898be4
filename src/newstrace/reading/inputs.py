"""Turn what the user typed (paths, folders, globs, URLs, ``-``) into documents to analyse."""
from __future__ import annotations

import glob
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from newstrace.errors import (CorruptInput, InputNotFound, InputTooLarge, NewstraceError,
                              UnreadableInput)
from newstrace.reading.document import RawDocument, ReadOptions
from newstrace.reading.fetch import fetch_url, is_url

ARTICLE_SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown"}
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")  # files of article records, one per line
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")  # read as feeds by name (others when they look like one)
ANALYSIS_SUFFIXES = (".json", ".json.gz")  # saved analyses (``analyze -f json``), or article records
STDIN = "-"


def expand_inputs(specs: list[str], *, records: bool = False, analyses: bool = False) -> Iterator[str]:
    """Yield one input name per article (or file of records): folders are walked, globs expanded, URLs and ``-``
    kept; ``records``: folders also give their JSON Lines and WARC files (what ``ingest``, ``dedup`` and ``batch``
    read); ``analyses``: and their ``.json`` files.

    Names that match nothing are still yielded so that reading them reports a clear error.
    """
    for spec in specs:
        if spec == STDIN or is_url(spec):
            yield spec
        elif os.path.isdir(spec):
            yield from _walk_folder(Path(spec), records, analyses)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            yield from (m for m in matches if not os.path.isdir(m)) if matches else [spec]
        else:
            yield spec


def _walk_folder(folder: Path, records: bool = False, analyses: bool = False) -> Iterator[str]:
    containers = (RECORD_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES if records else ()) + \
        (ANALYSIS_SUFFIXES if analyses else ())
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if _article_suffix(name) or name.endswith(".gz") and _article_suffix(name[:-3]) or \
                    name.lower().endswith(containers) and (not name.lower().endswith(".xml") or _is_feed(path)):
                yield str(path)


def _is_feed(path: Path) -> bool:
    """An ``.xml`` file in a folder is read when it is a feed (a sitemap or an export beside the articles is not)."""
    from newstrace.reading.feeds import looks_like_feed

    try:
        with open(path, "rb") as handle:
            return looks_like_feed(handle.read(4096))
    except OSError:
        return True  # reading it reports why it cannot be read


def _article_suffix(name: str) -> bool:
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES


def read_input(spec: str, options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None) -> RawDocument:
    """Read one input into memory, enforcing the size cap and unpacking gzip."""
    if spec == STDIN:
        stream = stdin or sys.stdin.buffer
        data = stream.read(options.max_bytes + 1)
        _check_size(len(data), options, "<stdin>")
        return RawDocument(name="<stdin>", data=gunzip_if_needed(data, "<stdin>", options))
    if is_url(spec):
        doc = fetch_url(spec, options)
        return RawDocument(doc.name, gunzip_if_needed(doc.data, spec, options), doc.url, doc.content_type, doc.charset)
    return _read_file(spec, options)


def _read_file(path: str, options: ReadOptions) -> RawDocument:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableInput("broken symbolic link", source=path) from None
        raise InputNotFound("no such file or URL", source=path) from None
    except OSError as err:
        raise UnreadableInput(f"cannot read: {err.strerror}", source=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput("is a folder with no articles in it", source=path)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput("not a regular file", source=path)
    _check_size(info.st_size, options, path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except OSError as err:
        raise UnreadableInput(f"cannot read: {err.strerror}", source=path) from None
    _check_size(len(data), options, path)
    return RawDocument(name=path, data=gunzip_if_needed(data, path, options))


def _check_size(size: int, options: ReadOptions, name: str) -> None:
    if size > options.max_bytes:
        raise InputTooLarge(f"{size:,} bytes is over the cap of {options.max_bytes:,} (raise it with --max-bytes)",
                            source=name)


def gunzip_if_needed(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> bytes:
    """Unpack gzip data (recognised by its magic bytes), within the size cap."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, options.max_bytes + 1)
    except zlib.error as err:
        raise CorruptInput(f"broken gzip data ({err})", source=name) from None
    if len(out) > options.max_bytes:
        raise InputTooLarge(f"unpacks to over the cap of {options.max_bytes:,} bytes", source=name)
    if not decompressor.eof:
        raise CorruptInput("truncated gzip file (the compressed stream ends early)", source=name)
    return out


def read_all(specs: list[str], options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | NewstraceError]:
    """Read every input, yielding the error in place of a document that cannot be read."""
    for spec in expand_inputs(specs):
        try:
            yield read_input(spec, options)
        except NewstraceError as err:
            yield err
