"""What ``ingest`` reads (pages, folders, globs, URLs, feeds, JSONL and WARC files): ``reading.records``."""
from __future__ import annotations

from typing import Iterator

from newstrace.reading import ReadOptions
from newstrace.reading.inputs import FEED_SUFFIXES  # noqa: F401  (read by pipeline.is_container)
from newstrace.reading.records import Read, expand_records, records_in, records_of_names


def corpus_documents(specs: list[str], options: ReadOptions = ReadOptions(), *, fetch_items: bool = False,
                     analyses: bool = False) -> Iterator[Read]:
    """``reading.records.iter_records``, except that an input broken as a whole (a feed that is not XML, a
    file that does not exist) raises its error when it is the only input: its exit code is the run's."""
    names = list(expand_records(specs, analyses=analyses))
    if len(names) == 1:
        return records_in(names[0], options, analyses=analyses, fetch_items=fetch_items)
    return records_of_names(names, options, analyses=analyses, fetch_items=fetch_items)
