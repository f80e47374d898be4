"""What ``newstrace dedup`` reads: article files (extracted, no spaCy), newstrace JSON analyses and article JSONL.

A JSON object with a ``schema_version`` is an analysis (``newstrace analyze -f json``); any other is an article
record, read as ``ingest`` and ``batch`` read one (``reading.document.record_of``).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator

from newstrace.errors import NewstraceError, UnreadableInput
from newstrace.extract import extract_article
from newstrace.model import Analysis, Article
from newstrace.reading import ReadOptions, expand_inputs, read_input
from newstrace.reading.decode import decode_bytes
from newstrace.reading.document import apply_fields, record_of
from newstrace.reading.inputs import RECORD_SUFFIXES

JSON_SUFFIXES = (".json", ".json.gz", *RECORD_SUFFIXES)
Item = Article | Analysis


def corpus_items(specs: list[str], options: ReadOptions = ReadOptions(), *, fmt: str | None = None,
                 encoding: str | None = None) -> Iterator[tuple[str, Item | NewstraceError]]:
    """``(name, item or error)`` for every input; a bad input does not stop the others."""
    for spec in _expand(specs):
        try:
            if spec.lower().endswith(JSON_SUFFIXES):
                items = read_json_items(spec, options, encoding=encoding)
                yield from ((f"{spec}#{i}" if i else spec, item) for i, item in enumerate(items))
            else:
                yield spec, extract_article(read_input(spec, options), encoding=encoding, fmt=fmt)
        except NewstraceError as err:
            yield spec, err


def _expand(specs: list[str]) -> Iterator[str]:
    """Like ``expand_inputs``, and folders also give their ``.json`` / ``.jsonl`` analyses."""
    for spec in specs:
        if os.path.isdir(spec):
            yield from expand_inputs([spec])
            yield from sorted(str(p) for p in Path(spec).rglob("*") if p.is_file() and p.name.lower().endswith(JSON_SUFFIXES))
        else:
            yield from expand_inputs([spec])


def read_json_items(spec: str, options: ReadOptions = ReadOptions(), *, encoding: str | None = None) -> list[Item]:
    """One JSON document or JSON lines: analyses (they carry ``schema_version``) and article records."""
    raw = read_input(spec, options)
    text, _ = decode_bytes(raw.data, declared="utf-8", name=raw.name)
    try:
        return [_item(d, f"{spec}#line{n}", encoding) for n, d in enumerate(_json_documents(text), 1)]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise UnreadableInput(f"not a newstrace analysis JSON nor article records ({type(err).__name__}: {err})",
                              source=spec) from None


def _item(d: dict, where: str, encoding: str | None) -> Item:
    if not isinstance(d, dict):
        raise TypeError("a JSON value that is not an object")
    if "schema_version" in d:
        return Analysis.from_dict(d)
    record = record_of(d, where)
    if record is None:
        raise ValueError(f"{where}: neither a schema_version nor an 'html', 'markdown' or 'text' field")
    return apply_fields(extract_article(record.doc, encoding=encoding, fmt=record.fmt), record.fields)


def _json_documents(text: str) -> list[dict]:
    """A single JSON document, else JSON lines."""
    try:
        return [json.loads(text)]
    except ValueError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
