"""What ``newstrace dedup`` reads: every input ``reading.records`` reads (articles extracted, no spaCy), and
newstrace analyses (JSON lines or ``.json`` files with a ``schema_version``) as they are."""
from __future__ import annotations

from typing import Iterator

from newstrace.errors import NewstraceError
from newstrace.model import Analysis, Article
from newstrace.reading import ReadOptions
from newstrace.reading.document import apply_fields
from newstrace.reading.records import expand_records, records_in

Item = Article | Analysis


def corpus_items(specs: list[str], options: ReadOptions = ReadOptions(), *, fmt: str | None = None,
                 encoding: str | None = None) -> Iterator[tuple[str, Item | NewstraceError]]:
    """``(name, item or error)`` for every input (``FILE#N`` for the N-th item of a file after its first); a bad
    input does not stop the others."""
    from newstrace.pipeline import AnalyzeConfig, extract_item

    config = AnalyzeConfig(read=options, encoding=encoding, fmt=fmt)
    for spec in expand_records(specs, analyses=True):
        try:
            for i, item in enumerate(records_in(spec, options, analyses=True)):
                name = f"{spec}#{i}" if i else spec
                try:
                    yield name, item if isinstance(item, (Analysis, NewstraceError)) else \
                        apply_fields(extract_item(item, config), item.fields)
                except NewstraceError as err:
                    yield name, err
        except NewstraceError as err:
            yield spec, err
