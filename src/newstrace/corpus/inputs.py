"""What ``newstrace dedup`` reads: article files (extracted, no spaCy) and newstrace JSON analyses."""
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

JSON_SUFFIXES = (".json", ".jsonl", ".json.gz", ".jsonl.gz")
Item = Article | Analysis


def corpus_items(specs: list[str], options: ReadOptions = ReadOptions(), *, fmt: str | None = None,
                 encoding: str | None = None) -> Iterator[tuple[str, Item | NewstraceError]]:
    """``(name, item or error)`` for every input; a bad input does not stop the others."""
    for spec in _expand(specs):
        try:
            if spec.lower().endswith(JSON_SUFFIXES):
                yield from ((f"{spec}#{i}" if i else spec, a) for i, a in enumerate(read_analyses(spec, options)))
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


def read_analyses(spec: str, options: ReadOptions = ReadOptions()) -> list[Analysis]:
    """One analysis (``newstrace analyze -f json``) or one per line (JSON lines, as for many inputs)."""
    raw = read_input(spec, options)
    text, _ = decode_bytes(raw.data, declared="utf-8", name=raw.name)
    try:
        return [Analysis.from_dict(d) for d in _json_documents(text)]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise UnreadableInput(f"not a newstrace analysis JSON ({type(err).__name__}: {err})", source=spec) from None


def _json_documents(text: str) -> list[dict]:
    """A single JSON document, else JSON lines."""
    try:
        return [json.loads(text)]
    except ValueError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
