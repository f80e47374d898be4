"""One way in: whatever the user names (files, folders, globs, URLs, ``-``, RSS/Atom feeds, JSONL, WARC, saved
analyses) becomes ``Record``s, read the same way by ``ingest``, ``dedup``, ``batch`` and the web API.

``iter_records`` yields, in input order, one ``Record`` per article (an error in the place of one that cannot be
read; the others go on) and, with ``analyses``, the finished analyses it meets (JSON lines or ``.json`` files
that carry a ``schema_version``) as ``Analysis`` objects.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from newstrace.errors import MalformedRecord, NewstraceError, UnreadableInput
from newstrace.model import Analysis
from newstrace.reading.decode import decode_bytes
from newstrace.reading.document import ReadOptions, Record, record_of
from newstrace.reading.fetch import fetch_url, is_url
from newstrace.reading.inputs import (ANALYSIS_SUFFIXES, FEED_SUFFIXES, RECORD_SUFFIXES, STDIN, WARC_SUFFIXES,
                                      expand_inputs, read_input)

Read = Record | Analysis | NewstraceError  # what reading one input gives, item by item


def iter_records(specs: Iterable[str], options: ReadOptions = ReadOptions(), *, analyses: bool = False,
                 fetch_items: bool = False) -> Iterator[Read]:
    """Every record of ``specs`` in order; an input that cannot be read yields its error and the rest go on.
    ``fetch_items``: a feed item's page is fetched instead of using the feed's content."""
    return records_of_names(expand_records(specs, analyses=analyses), options, analyses=analyses,
                            fetch_items=fetch_items)


def records_of_names(names: Iterable[str], options: ReadOptions = ReadOptions(), *, analyses: bool = False,
                     fetch_items: bool = False) -> Iterator[Read]:
    """``iter_records`` for names already expanded (``expand_records``)."""
    for name in names:
        try:
            yield from records_in(name, options, analyses=analyses, fetch_items=fetch_items)
        except NewstraceError as err:  # the input as a whole: a missing file, a feed that is not XML
            yield err


def expand_records(specs: Iterable[str], *, analyses: bool = False) -> Iterator[str]:
    """One name per input: folders give their article, JSONL, WARC and feed files (and ``.json`` analyses with
    ``analyses``), globs their matches; URLs, ``-`` and names that match nothing are kept as they are."""
    return expand_inputs(list(specs), records=True, analyses=analyses)


def records_in(name: str, options: ReadOptions = ReadOptions(), *, analyses: bool = False,
               fetch_items: bool = False) -> Iterator[Read]:
    """The records of one input: one for an article, one per item of a feed, line of a JSONL file or HTML
    response of a WARC file; a bad item is an error in its place, an input unreadable as a whole raises."""
    from newstrace.reading.feeds import feed_documents, looks_like_feed
    from newstrace.reading.jsonl import jsonl_documents

    lower = name.lower()
    if not is_local(name) and lower.endswith(RECORD_SUFFIXES + WARC_SUFFIXES):  # not one article's text
        raise UnreadableInput("JSONL and WARC files are read from disk: download it first", source=name)
    if is_local(name) and lower.endswith(RECORD_SUFFIXES):
        yield from jsonl_documents(name, max_line_bytes=options.max_bytes, analyses=analyses)
    elif is_local(name) and lower.endswith(WARC_SUFFIXES):
        yield from _warc_records(name, options)
    elif is_local(name) and analyses and lower.endswith(ANALYSIS_SUFFIXES):
        yield from json_items(name, options)
    else:
        raw = read_input(name, options)
        if lower.endswith(FEED_SUFFIXES) or looks_like_feed(raw.data):
            fetch = functools.partial(fetch_url, options=options)
            yield from feed_documents(raw.data, name=name, fetch_items=fetch_items, fetch=fetch)
        else:
            yield Record(raw, (raw.url or name) if is_url(name) else locator_of(name))


def is_local(name: str) -> bool:
    return name != STDIN and not is_url(name)


def locator_of(path: str) -> str:
    """Local files are located by absolute path, so re-running from another folder finds the same versions.
    Standard input has no place of its own: '' lets the store locate it by URL or content id."""
    return "" if path == STDIN else str(Path(path).resolve())


def _warc_records(path: str, options: ReadOptions) -> Iterator[Read]:
    try:
        from newstrace.reading.warc import warc_records
    except ImportError:
        raise UnreadableInput("reading WARC files needs the scale extra: pip install 'newstrace[scale]'",
                              source=path) from None
    try:
        yield from warc_records(path, options.max_bytes)
    except OSError as err:
        raise UnreadableInput(f"cannot read: {err.strerror or err}", source=path) from None


def json_items(path: str, options: ReadOptions = ReadOptions()) -> list[Record | Analysis]:
    """A ``.json`` file: one JSON document, else JSON lines, of analyses (they carry ``schema_version``) and
    article records; anything else makes the whole file unreadable."""
    raw = read_input(path, options)
    text, _ = decode_bytes(raw.data, declared="utf-8", name=raw.name)
    try:
        return [_item(d, f"{path}#line{n}") for n, d in enumerate(_json_documents(text), 1)]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise UnreadableInput(f"not a newstrace analysis JSON nor article records ({type(err).__name__}: {err})",
                              source=path) from None


def _item(d: Any, where: str) -> Record | Analysis:
    if not isinstance(d, dict):
        raise TypeError("a JSON value that is not an object")
    if "schema_version" in d:
        return Analysis.from_dict(d)
    record = record_of(d, where)
    if record is None:
        raise ValueError(f"{where}: neither a schema_version nor an 'html', 'markdown' or 'text' field")
    return record


def _json_documents(text: str) -> list[Any]:
    """A single JSON document, else JSON lines."""
    try:
        return [json.loads(text)]
    except ValueError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def object_records(objects: Iterable[Any], prefix: str = "record") -> Iterator[Record | NewstraceError]:
    """Records given as JSON objects in memory (the web API's ingest), read as a JSONL line is read; one without
    a URL is located as ``{prefix}-N``."""
    for i, obj in enumerate(objects, 1):
        url = obj.get("url") if isinstance(obj, dict) and isinstance(obj.get("url"), str) else None
        locator = url or f"{prefix}-{i}"
        found = record_of(obj, locator) if isinstance(obj, dict) else None
        yield found or MalformedRecord("needs an html or text field", source=locator)
