"""Turn what the user gave ``ingest`` (pages, folders, globs, URLs, feeds, JSONL files) into corpus documents."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterator

from newstrace.corpus.document import CorpusDocument
from newstrace.corpus.feeds import feed_documents, looks_like_feed
from newstrace.corpus.jsonl import is_jsonl, jsonl_documents
from newstrace.errors import NewstraceError
from newstrace.model import Analysis
from newstrace.reading import ReadOptions, read_input
from newstrace.reading.fetch import fetch_url, is_url
from newstrace.reading.inputs import expand_inputs

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")


def corpus_documents(specs: list[str], options: ReadOptions = ReadOptions(), *, fetch_items: bool = False,
                     analyses: bool = False) -> Iterator[CorpusDocument | Analysis | NewstraceError]:
    """Documents to ingest, in order; an input that cannot be read yields its error and the rest go on.

    A feed or JSONL input that is broken as a whole raises its error when it is the only input. ``analyses``:
    JSONL lines that are finished analyses (they carry ``schema_version``) come as ``Analysis`` objects.
    """
    names = list(_expand(specs))
    for name in names:
        try:
            yield from _documents(name, options, fetch_items, analyses)
        except NewstraceError as err:
            if len(names) == 1:
                raise
            yield err


def _expand(specs: list[str]) -> Iterator[str]:
    for spec in specs:
        if is_jsonl(spec) or spec.lower().endswith(FEED_SUFFIXES) or is_url(spec):
            yield spec
        else:
            yield from expand_inputs([spec], records=True)  # a folder's JSONL files too, as batch and dedup


def _documents(name: str, options: ReadOptions, fetch_items: bool,
               analyses: bool = False) -> Iterator[CorpusDocument | Analysis | NewstraceError]:
    if is_jsonl(name):
        yield from jsonl_documents(name, max_line_bytes=options.max_bytes, analyses=analyses)
        return
    raw = read_input(name, options)
    if name.lower().endswith(FEED_SUFFIXES) or looks_like_feed(raw.data):
        fetch = functools.partial(fetch_url, options=options)
        yield from feed_documents(raw.data, name=name, fetch_items=fetch_items, fetch=fetch)
        return
    yield CorpusDocument(raw, raw.url or name if is_url(name) else _locator(name))


def _locator(path: str) -> str:
    """Local files are located by absolute path, so re-running from another folder finds the same versions.
    Standard input has no place of its own: '' lets the store locate it by URL or content id."""
    return "" if path == "-" else str(Path(path).resolve())
