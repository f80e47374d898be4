"""One way in: the same records give the same articles through ingest, batch, dedup and the web API."""
from __future__ import annotations

import gzip
import json

import pytest

from newstrace.corpus.document import apply_fields
from newstrace.corpus.inputs import corpus_items
from newstrace.corpus.sources import corpus_documents
from newstrace.extract import extract_article
from newstrace.reading import ReadOptions
from newstrace.scale.jsonl import apply_given
from newstrace.scale.sources import PartitionLimits, expand_batch_inputs, read_partition, scan_file
from newstrace.web.ingest import records_to_documents

BODY = ("The harbour council approved the new ferry timetable on Monday after a long debate. "
        "Ferries will run every twenty minutes in the summer, the council said in a statement.")
RECORDS = [
    {"url": "https://one.example/ferry", "text": BODY, "title": "Ferries every twenty minutes",
     "published": "2024-05-06", "outlet": "One"},
    {"url": "https://two.example/ferry", "html": f"<html><body><article><h1>Ferry plan</h1><p>{BODY}</p>"
     "</article></body></html>", "date": "2024-05-07", "authors": ["A. Writer"]},
    {"url": "https://three.example/ferry", "markdown": f"# Ferry timetable\n\n{BODY}", "published": "2024-05-08",
     "language": "en", "id": "rec-3"},
]


def seen(article) -> tuple:
    return (article.url, article.title, article.published, article.outlet, tuple(article.authors),
            article.language, article.metadata.get("record_id"), article.source_format, article.body_text())


@pytest.fixture
def folder(tmp_path):
    # Compressed and inside a folder: batch skipped such a file, dedup took it for analyses.
    with gzip.open(tmp_path / "records.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    return tmp_path


def via_ingest(folder) -> list[tuple]:
    return [seen(apply_fields(extract_article(d.raw, fmt=d.fmt), d.fields)) for d in corpus_documents([str(folder)])]


def via_batch(folder) -> list[tuple]:
    out = []
    for path in expand_batch_inputs([str(folder)]):
        for part in scan_file(path, PartitionLimits(records=2), max_bytes=1 << 20).partitions:
            for record in read_partition(part, ReadOptions()):
                article = extract_article(record.doc, fmt=record.fmt)
                apply_given(article, record.given)
                out.append(seen(article))
    return out


def via_dedup(folder) -> list[tuple]:
    return [seen(item) for _, item in corpus_items([str(folder)])]


def via_web(_folder) -> list[tuple]:
    return [seen(apply_fields(extract_article(d.raw, fmt=d.fmt), d.fields)) for d in records_to_documents(RECORDS)]


def test_every_entry_point_reads_the_same_articles_from_the_same_records(folder):
    expected = via_ingest(folder)
    assert [e[2] for e in expected] == ["2024-05-06", "2024-05-07", "2024-05-08"]  # published, or date
    assert [e[7] for e in expected] == ["text", "html", "markdown"]
    assert expected[1][4] == ("A. Writer",) and expected[2][5:7] == ("en", "rec-3")
    for entry in (via_batch, via_dedup, via_web):
        assert entry(folder) == expected, entry.__name__
