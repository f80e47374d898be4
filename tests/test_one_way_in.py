"""One way in: the same inputs (JSONL, a feed, a WARC, an article file) give the same articles through
``reading.records.iter_records``, ingest, batch, dedup, analyze and the web API."""
from __future__ import annotations

import gzip
import json

import pytest

from newstrace.corpus.inputs import corpus_items
from newstrace.corpus.sources import corpus_documents
from newstrace.errors import MalformedRecord, UnreadableInput
from newstrace.model import Analysis, Article, Span
from newstrace.pipeline import AnalyzeConfig, analyze_inputs, extract_item
from newstrace.reading import ReadOptions
from newstrace.reading.document import Record, apply_fields
from newstrace.reading.records import iter_records, object_records
from newstrace.reading.warc import warc_response, write_warc
from newstrace.scale.sources import PartitionLimits, expand_batch_inputs, group_files, kind_of, read_partition, \
    scan_file

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
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Daily</title>
<item><title>Ferries every twenty minutes</title><link>https://feed.example/ferry</link>
  <pubDate>Tue, 07 May 2024 10:00:00 +0000</pubDate>
  <content:encoded><![CDATA[<p>{BODY}</p><p>Tickets go on sale in June.</p>]]></content:encoded></item>
</channel></rss>""".encode()
PAGE = (f"<html><head><title>Crawled ferry story</title></head><body><article><h1>Ferry</h1><p>{BODY}</p>"
        "<p>The first ferry leaves at six.</p></article></body></html>").encode()
STORY = f"<html><head><title>A saved page</title></head><body><article><p>{BODY}</p></article></body></html>"


def seen(article: Article) -> tuple:
    return (article.url, article.title, article.published, article.outlet, tuple(article.authors),
            article.language, article.metadata.get("record_id"), article.source_format,
            (article.metadata.get("warc") or {}).get("date"), article.body_text())


def extracted(record: Record) -> Article:
    return apply_fields(extract_item(record, AnalyzeConfig()), record.fields)


@pytest.fixture
def folder(tmp_path):
    # Compressed and inside a folder: batch skipped such a file, dedup took it for analyses.
    with gzip.open(tmp_path / "records.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    (tmp_path / "feed.xml").write_bytes(FEED)
    write_warc(str(tmp_path / "crawl.warc.gz"), [warc_response("https://crawl.example/ferry", PAGE,
                                                               date="2024-05-09T08:00:00Z")])
    (tmp_path / "story.html").write_text(STORY, encoding="utf-8")
    return tmp_path


def via_records(folder) -> list[tuple]:
    return [seen(extracted(r)) for r in iter_records([str(folder)])]


def via_ingest(folder) -> list[tuple]:
    return [seen(extracted(d)) for d in corpus_documents([str(folder)])]


def via_batch(folder) -> list[tuple]:
    paths = expand_batch_inputs([str(folder)])
    parts = group_files([p for p in paths if kind_of(p) == "files"], PartitionLimits())
    parts += [part for p in paths if kind_of(p) != "files"
              for part in scan_file(p, PartitionLimits(), 1 << 20).partitions]
    return [seen(extracted(record)) for part in parts for _, record in read_partition(part, ReadOptions())]


def via_dedup(folder) -> list[tuple]:
    return [seen(item) for _, item in corpus_items([str(folder)])]


def test_every_entry_point_reads_the_same_articles_from_the_same_inputs(folder):
    expected = via_records(folder)
    assert len(expected) == 6  # the WARC page, the feed item, three JSONL records, the saved page
    assert [e[2] for e in expected[2:5]] == ["2024-05-06", "2024-05-07", "2024-05-08"]  # published, or date
    assert expected[0][0] == "https://crawl.example/ferry" and expected[0][8] == "2024-05-09T08:00:00Z"
    assert expected[1][:4] == ("https://feed.example/ferry", "Ferries every twenty minutes",
                               "2024-05-07T10:00:00+00:00", "Harbour Daily")
    assert via_ingest(folder) == expected
    assert via_dedup(folder) == expected
    assert sorted(via_batch(folder), key=repr) == sorted(expected, key=repr)  # batch groups loose files first


def test_the_web_api_reads_a_record_as_a_jsonl_line(folder):
    jsonl = [seen(extracted(r)) for r in iter_records([str(folder / "records.jsonl.gz")])]
    assert [seen(extracted(r)) for r in object_records(RECORDS, prefix="api-record")] == jsonl
    assert isinstance(next(object_records([{"url": "https://x.example"}])), MalformedRecord)


def test_analyze_reads_the_same_articles(folder, nlp):
    names = [str(folder / n) for n in ("feed.xml", "records.jsonl.gz", "story.html")]
    analysed = [seen(result.article) for _, result in analyze_inputs(names, AnalyzeConfig(semantic=False))]
    assert analysed == [seen(extracted(r)) for r in iter_records(names)]


def test_ingest_and_dedup_take_a_saved_analysis_as_it_is(tmp_path):
    text = "A saved analysis of one article about the harbour ferries and their new timetable."
    analysis = Analysis(Article(text=text, url="https://saved.example/a", paragraphs=[Span.of(text, 0, len(text))]))
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(analysis.to_dict()), encoding="utf-8")
    # ingest read a .json file as an article's text (it stored the JSON itself as an article)
    [item] = corpus_documents([str(tmp_path)], analyses=True)
    assert isinstance(item, Analysis) and item.article.text == text
    assert [type(i) for _, i in corpus_items([str(path)])] == [Analysis]


def test_a_bad_line_in_a_jsonl_file_costs_dedup_that_line_only(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{not json\n" + json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    found = [item for _, item in corpus_items([str(path)])]
    assert [type(i).__name__ for i in found] == ["Article", "MalformedRecord", "Article"]


def test_cli_dedup_reads_the_warc_and_the_feed_in_a_folder(folder, capsys):
    from newstrace.cli import main

    assert main(["dedup", str(folder), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 6


def test_analyze_reads_every_response_of_a_warc_file(folder, tmp_path, capsys):
    """It refused a WARC file (exit 4) and before that read its first record only; now one result per response."""
    from newstrace.cli import main

    warc = tmp_path / "two.warc.gz"
    write_warc(str(warc), [warc_response("https://crawl.example/ferry", PAGE, date="2024-05-09T08:00:00Z"),
                           warc_response("https://crawl.example/saved", STORY.encode(), date="2024-05-10T08:00:00Z")])
    assert main(["analyze", str(warc), "--no-semantic", "-f", "json", "-q"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [d["article"]["url"] for d in lines] == ["https://crawl.example/ferry", "https://crawl.example/saved"]
    assert [d["article"]["title"] for d in lines] == ["Crawled ferry story", "A saved page"]


def test_analyze_reads_a_warc_as_the_other_entry_points_do(folder, nlp):
    name = str(folder / "crawl.warc.gz")
    analysed = [seen(result.article) for _, result in analyze_inputs([name], AnalyzeConfig(semantic=False))]
    assert analysed == [seen(extracted(r)) for r in iter_records([name])]


def test_a_jsonl_url_is_refused_not_read_as_one_article():
    [item] = iter_records(["https://example.org/items.jsonl"])
    assert isinstance(item, UnreadableInput) and "download it first" in str(item)
