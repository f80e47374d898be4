"""Scale building blocks without a cluster: WARC scanning, JSONL, partitions, tables, shingles, clustering."""
from __future__ import annotations


import pyarrow.parquet as pq
import pytest

from newstrace.errors import InputNotFound, MalformedRecord
from newstrace.model import Analysis, Article, Check, Claim, Quote, Source, Span, Speaker
from newstrace.scale import shingles
from newstrace.corpus.dedup import DedupConfig
from newstrace.scale.components import cluster_rows, node
from newstrace.scale.components import version as components_version
from newstrace.scale.dedup import _candidate_pairs, _pair_row
from newstrace.reading.jsonl import record_at, scan_jsonl
from newstrace.reading.warc import scan_warc, warc_record, warc_response, write_warc
from newstrace.scale.output import write_table
from newstrace.scale.partition import run_partition
from newstrace.scale.reader import read_parquet_analyses
from newstrace.scale.sources import PartitionLimits, expand_batch_inputs, group_files, scan_file
from newstrace.scale.tables import analysis_rows
from scale_corpus import ORIGINAL, UNRELATED, build_jsonl, build_warc

pytestmark = pytest.mark.scale


@pytest.fixture(scope="module")
def warc(tmp_path_factory):
    path = tmp_path_factory.mktemp("warc") / "corpus.warc.gz"
    return path, build_warc(path)


def test_warc_scan_keeps_html_200_and_counts_what_it_leaves_out(warc):
    path, expected = warc
    scan = scan_warc(str(path), max_bytes=10_000_000)
    assert scan.skipped == {"http-status-not-200": 1, "not-html": 1}
    # the HTML samples, the binary payload and the page without an article are all HTML 200 responses
    assert len(scan.offsets) == expected["html_ok"] + 2


def test_corrupt_warc_record_is_reported_and_the_records_after_it_are_kept(warc):
    path, expected = warc
    scan = scan_warc(str(path), max_bytes=10_000_000)
    assert [p.kind for p in scan.problems] == ["CorruptInput"]
    last_offset = scan.offsets[-1][0]
    assert last_offset > int(scan.problems[0].locator.rsplit("@", 1)[1])  # reading resumed after the bad record
    record = warc_record(str(path), last_offset)
    assert record.raw.url.startswith("https://news.example/") and record.fields["warc_date"] == "2024-03-01T12:00:00Z"
    assert record.locator == record.raw.url and record.fmt == "html"


def test_plain_warc_with_garbage_between_records_resynchronises(tmp_path):
    good = [warc_response(f"https://a.example/{i}", b"<html><p>text</p></html>") for i in range(3)]
    path = tmp_path / "x.warc"
    path.write_bytes(good[0] + b"GARBAGE that is no WARC header\r\n\r\n" + good[1] + good[2])
    scan = scan_warc(str(path), max_bytes=10_000)
    assert len(scan.offsets) == 3 and len(scan.problems) == 1


def test_unreadable_input_file_is_one_error_not_a_crash(tmp_path):
    path = tmp_path / "locked.warc.gz"
    path.mkdir()  # open() fails on it like on a file without read permission
    scan = scan_file(str(path), PartitionLimits(), 1000)
    assert scan.partitions == [] and [p.kind for p in scan.problems] == ["UnreadableInput"]


def test_oversized_record_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "big.warc.gz"
    write_warc(str(path), [warc_response("https://a.example/big", b"<html>" + b"x" * 5000 + b"</html>")])
    scan = scan_warc(str(path), max_bytes=1000)
    assert scan.offsets == [] and [p.kind for p in scan.problems] == ["InputTooLarge"]


def test_partitions_are_bounded_by_records_and_bytes_and_stable(warc):
    path, _ = warc
    by_count = scan_file(str(path), PartitionLimits(records=2), 10_000_000)
    assert [len(p.items) for p in by_count.partitions] == [2, 2, 1]
    by_bytes = scan_file(str(path), PartitionLimits(records=100, bytes=150_000), 10_000_000)
    sizes = dict(scan_warc(str(path), max_bytes=10_000_000).offsets)
    totals = [sum(sizes[o] for o in p.items) for p in by_bytes.partitions]
    assert len(by_bytes.partitions) > 1
    assert all(total <= 150_000 or len(p.items) == 1 for total, p in zip(totals, by_bytes.partitions))
    again = scan_file(str(path), PartitionLimits(records=2), 10_000_000)
    assert [p.id for p in again.partitions] == [p.id for p in by_count.partitions]


def test_jsonl_lines_become_documents_and_a_bad_line_an_error(tmp_path):
    path = tmp_path / "a.jsonl"
    build_jsonl(path)
    offsets = scan_jsonl(str(path))
    assert len(offsets) == 4
    record = record_at(str(path), offsets[0][0])
    # "text" is a hint (Markdown or HTML pasted into it is read as such) and "date" is the publication date,
    # as ingest, dedup and the web API read a record
    assert record.fmt is None and record.raw.url == "https://first.example/bridge"
    assert record.fields["published"] == "2024-01-01"
    bad = record_at(str(path), offsets[2][0])  # the error ingest reports for the same line
    assert isinstance(bad, MalformedRecord) and "is not valid JSON" in str(bad)


def test_missing_batch_input_is_input_not_found(tmp_path):
    with pytest.raises(InputNotFound):
        expand_batch_inputs([str(tmp_path / "nope.warc.gz")])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputNotFound, match="no WARC, JSONL or article files"):
        expand_batch_inputs([str(tmp_path)])


def test_run_partition_records_bad_records_and_writes_every_table(warc, tmp_path, nlp):
    path, expected = warc
    scan = scan_file(str(path), PartitionLimits(records=100), 10_000_000)
    result = run_partition(scan.partitions[0], str(tmp_path))
    assert result["status"] == "analysed" and result["articles"] == expected["html_ok"]
    errors = pq.read_table(tmp_path / "errors").to_pylist()
    assert sorted(e["error"] for e in errors) == ["BinaryInput", "NoArticleFound"]
    assert {e["url"] for e in errors} == {"https://news.example/binary", "https://news.example/nothing"}
    for table in ("articles", "quotes", "speakers", "claims", "checks", "provenance", "signatures"):
        assert (tmp_path / table / f"part-{scan.partitions[0].id}.parquet").exists()
    assert run_partition(scan.partitions[0], str(tmp_path))["status"] == "skipped"


def test_loose_article_files_are_grouped_and_analysed(examples, tmp_path, nlp):
    texts = expand_batch_inputs([str(examples / "*.txt*")])
    assert len(texts) == 4 and all(path.startswith("/") for path in texts)
    partitions = group_files(texts, PartitionLimits(records=3))
    assert [len(p.items) for p in partitions] == [3, 1]
    result = run_partition(partitions[1], str(tmp_path))
    [article] = pq.read_table(tmp_path / "articles").to_pylist()
    assert result["articles"] == 1 and article["locator"] == texts[3] and article["sentences"]


def _full_analysis() -> Analysis:
    text = "Bridge closes. The mayor said the bridge will close in March, costing 4.2 million euros."
    s = lambda a, b: Span.of(text, a, b)  # noqa: E731
    article = Article(text=text, url="https://a.example/1", title="Bridge closes", title_span=s(0, 14),
                      authors=["A. Writer"], published="2024-01-01", paragraphs=[s(15, len(text))],
                      sentences=[s(15, len(text))], metadata={"input": {"name": "x"}})
    quote = Quote(id="q1", span=s(15, len(text)), content=s(35, 60), kind="indirect", cue=s(25, 29), cue_lemma="say",
                  speaker_mention=s(15, 24), speaker_id="sp1", confidence=0.8)
    speaker = Speaker(id="sp1", name="The mayor", kind="unresolved", aliases=["mayor"], mentions=[s(15, 24)])
    claim = Claim(id="c1", span=s(35, len(text)), score=0.9, hedges=["will"],
                  asserter={"kind": "speaker", "speaker_id": "sp1", "name": "The mayor"})
    euros = {"value": 4.2e6, "currency": "EUR", "unit": "EUR", "text": "4.2 million euros", "span": s(70, 87)}
    check = Check(id="k1", claim_id="c1", kind="currency", computation="4.2e6 EUR",
                  inputs={"amount": euros, "stated": euros, "rates": {"EUR": 0.9}, "years_tried": [2024]},
                  expected=4200000, stated="4.2 million", verdict="consistent")
    source = Source(name="Lindenfeld Post", role="origin", date="2024-01-01", evidence=[s(0, 6)])
    return Analysis(article=article, provenance=[source], quotes=[quote], speakers=[speaker], claims=[claim],
                    checks=[check])


def test_parquet_round_trip_gives_back_every_table_of_the_analysis(tmp_path):
    original = _full_analysis()
    original.quotes[0].type = "belief"  # a type other than the default must come back too
    rows = analysis_rows(original, "p1-00000", {"partition": "p1", "locator": "x@0", "warc_date": None})
    for table, table_rows in rows.items():
        write_table(tmp_path, table, "part-p1", table_rows)
    [back] = list(read_parquet_analyses(tmp_path))
    assert back.article.metadata.pop("batch")["doc_id"] == "p1-00000"
    assert back.to_dict() == original.to_dict()


def test_reading_a_folder_that_is_no_batch_output_is_an_error(tmp_path):
    with pytest.raises(InputNotFound):
        list(read_parquet_analyses(tmp_path))


def test_shingle_similarity_separates_copies_from_other_stories():
    a, b, c = (shingles.shingle_hashes(t) for t in (ORIGINAL, ORIGINAL + "\n\nFirst in the Post.", UNRELATED))
    overlap = shingles.similarity(a, b)
    assert shingles.is_near_duplicate(overlap) and overlap.containment == 1.0
    assert not shingles.is_near_duplicate(shingles.similarity(a, c))
    same_band = set(shingles.band_keys(shingles.signature(ORIGINAL))) & set(
        shingles.band_keys(shingles.signature(ORIGINAL + " Extra.")))
    assert same_band and not set(shingles.band_keys(shingles.signature(ORIGINAL))) & set(
        shingles.band_keys(shingles.signature(UNRELATED)))


def test_huge_buckets_link_to_their_first_member_instead_of_all_pairs():
    members = [(f"d{i:04d}", "p", None, None) for i in range(shingles.MAX_GROUP_PAIRS + 1)]
    pairs = _candidate_pairs(members)
    assert len(pairs) == shingles.MAX_GROUP_PAIRS and all(a[0] == "d0000" for a, _ in pairs)
    assert len(_candidate_pairs(members[:4])) == 6


def test_earlier_version_is_the_source_and_the_cluster_earliest():
    early, late = ("a", "p", "2024-01-01", "https://first"), ("b", "p", "2024-01-03", "https://copy")
    assert _pair_row(late, early, 0.9, 1.0)["source_doc"] == "a"
    assert _pair_row(early, ("c", "p", "2024-01-01", None), 0.9, 1.0)["source_doc"] is None  # a tie has no direction
    a, b, c = node("a", "2024-01-01", "https://first"), node("b", "2024-01-03", "https://copy"), node("c", None, None)
    assert min(c, b, a) == a  # the smallest label is the earliest dated article; undated ones come last
    rows = list(cluster_rows((a, [(c, a), (b, a), (a, a)])))
    assert {r["earliest_doc_id"] for r in rows} == {"a"} and [r["earliest"] for r in rows] == [True, False, False]
    assert rows[2]["date"] is None and rows[0]["size"] == 3


def test_a_copy_whose_chain_names_the_other_outlet_makes_that_one_earliest_whatever_the_dates():
    # The corpus stage's rule: provenance first. The Post copied the Herald although it is dated earlier.
    herald = node("a", "2024-01-05", "https://herald.example/x", "Herald")
    post = node("b", "2024-01-01", "https://post.example/x", "Post", ("Herald",))
    rows = list(cluster_rows((post, [(herald, post), (post, post)])))
    assert {r["earliest_doc_id"] for r in rows} == {"a"} and rows[0]["why"] == "another copy's provenance names its outlet"
    pair = _pair_row(("b", "p", "2024-01-01", None), ("a", "p", "2024-01-05", None), 0.9, 1.0,
                     components_version(post), components_version(herald))
    assert (pair["source_doc"], pair["copy_doc"], pair["reason"]) == ("a", "b", "chain")


def test_a_text_under_min_words_has_no_signature_and_joins_no_pair():
    eleven = "one two three four five six seven eight nine ten eleven"
    assert len(shingles.signature(eleven)) == 0
    assert len(shingles.signature(eleven, DedupConfig(min_words=5))) == DedupConfig().num_perm
