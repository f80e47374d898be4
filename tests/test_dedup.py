"""Copies across a corpus: the pure LSH pieces, the library function, and ``newstrace dedup``."""
from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from newstrace.cli.main import main
from newstrace.errors import EXIT_CODES
from newstrace.corpus import DedupConfig, dedup, to_graph
from newstrace.corpus import shingles as sh
from newstrace.extract import extract_string

WORDS = ("river flood army rain shelter school minister budget court police election vote market price bank "
         "energy gas oil port ship border talks deal plan city village farmer storm bridge road train").split()


def story(seed: int, n: int = 120) -> str:
    rng = random.Random(seed)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(n // 12)]
    return "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))


def article(body: str, url: str, head: str = "", tail: str = "", title: str = "A title"):
    return extract_string(f"{title}\n\n{head}{body}{tail}", url=url)


# --- pure functions -----------------------------------------------------------------------------

def test_shingles_ignore_case_and_punctuation_and_are_stable():
    a = sh.shingle_hashes("The river rose, and the army came!")
    b = sh.shingle_hashes("the river rose and THE army came")
    assert np.array_equal(a, b) and a.dtype == np.uint32
    assert a.tolist() == sh.shingle_hashes("The river rose, and the army came!").tolist()
    assert len(sh.shingle_hashes("two words")) == 1 and len(sh.shingle_hashes("")) == 0


def test_signature_equals_datasketch_update_batch():
    hashes = sh.shingle_hashes(story(1))
    hasher = sh.Hasher(64, 7)
    t = hasher.template
    m = MinHash(64, 7, hashfunc=int, permutations=t.permutations, scheme=t.scheme)
    m.update_batch(hashes.tolist())
    assert np.array_equal(hasher.signature(hashes), m.hashvalues)


def test_band_keys_group_the_same_pairs_as_minhashlsh():
    hasher = sh.Hasher()
    texts = [story(1), story(1)[:-200], story(2), story(2).replace("river", "lake"), story(3)]
    sigs = [hasher.signature(sh.shingle_hashes(t)) for t in texts]
    bands, rows = sh.lsh_params(0.5, 128)
    buckets: dict[bytes, list[int]] = {}
    for i, s in enumerate(sigs):
        for key in sh.band_keys(s, bands, rows):
            buckets.setdefault(key, []).append(i)
    ours = set(sh.pairs_in_buckets(buckets.values()))
    lsh = MinHashLSH(threshold=0.5, num_perm=128, params=(bands, rows))
    for i, s in enumerate(sigs):
        lsh.insert(i, hasher.minhash(s))
    theirs = {(min(i, j), max(i, j)) for i, s in enumerate(sigs) for j in lsh.query(hasher.minhash(s)) if i != j}
    assert ours == theirs and (0, 1) in ours and (2, 3) in ours


def test_vectorised_buckets_and_both_indexes_give_the_same_candidates():
    hasher = sh.Hasher()
    texts = [story(s % 7, 150) + (" extra words here" * (s // 7)) for s in range(21)] + [story(99)]
    sigs = [hasher.signature(sh.shingle_hashes(t)) for t in texts]
    bands, rows = sh.lsh_params(0.3, 128)
    by_dict: dict[bytes, list[int]] = {}
    for i, s in enumerate(sigs):
        for key in sh.band_keys(s, bands, rows):
            by_dict.setdefault(key, []).append(i)
    expected = set(sh.pairs_in_buckets(b for b in by_dict.values() if len(b) > 1))
    assert set(sh.pairs_in_buckets(sh.band_buckets(np.vstack(sigs), bands, rows))) == expected
    from newstrace.corpus.dedup import candidate_pairs
    for index in ("bands", "datasketch"):
        assert candidate_pairs(sigs, DedupConfig(threshold=0.3, index=index), hasher) == expected
    assert (0, 7) in expected and len(expected) >= 21


def test_overlap_measures_containment_both_ways():
    small = sh.shingle_hashes(story(4, 60))
    big = sh.shingle_hashes(story(4, 60) + " " + story(5, 120))
    o = sh.overlap(small, big)
    assert o.a_in_b == 1.0 and o.b_in_a < 0.6 and o.jaccard < 0.6
    assert sh.is_copy(o, jaccard=0.7, containment=0.8) and not sh.is_copy(o, jaccard=0.7, containment=1.01)


# --- the library function -----------------------------------------------------------------------

def test_finds_edited_copies_and_the_earliest_version_by_provenance():
    body = story(10, 240)
    original = article(body, "https://www.aljazeera.com/news/floods", head="Published: March 4, 2020\n\n")
    copy = article(body, "https://www.globalresearch.ca/floods", head="Published: March 3, 2020\n\n",
                   tail="\n\nThe original source of this article is Al Jazeera", title="Floods: a new headline")
    trimmed = article(body[: len(body) * 3 // 4], "https://www.blog-example.net/floods",
                      head="Published: March 6, 2020\n\n")
    other = article(story(11, 240), "https://www.example-news.com/other")
    result = dedup([copy, original, trimmed, other])
    assert len(result.clusters) == 1
    cluster = result.clusters[0]
    assert sorted(cluster.members) == [0, 1, 2]
    # the copy is dated earlier, but its own provenance says it came from Al Jazeera
    assert cluster.earliest == 1 and "provenance" in cluster.why
    edges = {(e.source, e.target): e.reason for e in cluster.edges}
    assert edges[(1, 0)] == "chain" and edges[(1, 2)] == "date"


def test_an_article_embedded_with_an_intro_is_found_by_containment():
    body = story(20, 200)
    padded = story(21, 150) + "\n\n" + body  # a long added introduction: Jaccard alone misses it
    result = dedup([article(body, "https://a.example/x"), article(padded, "https://b.example/y")],
                   DedupConfig(threshold=0.3))
    pair = result.pairs[0]
    assert pair.overlap.jaccard < 0.7 and pair.overlap.containment >= 0.8
    strict = dedup([article(body, "https://a.example/x"), article(padded, "https://b.example/y")],
                   DedupConfig(threshold=0.3, containment=1.01))
    assert strict.pairs == []


def test_thresholds_are_configurable_and_short_texts_skipped():
    body = story(30, 240)
    words = body.split()
    changed = " ".join(w if i % 30 else "changed" for i, w in enumerate(words))  # one word in thirty
    items = [article(body, "https://a.example/1"), article(changed, "https://b.example/2"),
             article("Too short to compare here.", "https://c.example/3")]
    loose = dedup(items, DedupConfig(threshold=0.4, jaccard=0.5))
    assert len(loose.pairs) == 1 and loose.skipped == ["https://c.example/3"]
    assert dedup(items, DedupConfig(threshold=0.4, jaccard=0.95, containment=0.95)).pairs == []


def test_accepts_analyses_and_names():
    from newstrace.model import Analysis
    body = story(40, 200)
    items = [("first", Analysis(article=article(body, "https://a.example/1"))),
             ("second", article(body, "https://b.example/2"))]
    result = dedup(items)
    assert [result.documents[m].name for m in result.clusters[0].members] == ["first", "second"]


def test_graph_is_directed_copied_by():
    body = story(50, 200)
    result = dedup([article(body, "https://a.example/1", head="Published: May 1, 2021\n\n"),
                    article(body, "https://b.example/2", head="Published: May 2, 2021\n\n")])
    graph = to_graph(result)
    assert list(graph.edges) == [(0, 1)] and graph.nodes[0]["earliest"] and graph.edges[0, 1]["reason"] == "date"


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture
def corpus_dir(tmp_path):
    body = story(60, 240)
    (tmp_path / "a.txt").write_text(f"Original title\n\nPublished: June 1, 2021\n\n{body}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Copied title\n\nPublished: June 2, 2021\n\n{body}\n\nSubscribe to our newsletter!\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"Other\n\n{story(61, 240)}\n", encoding="utf-8")
    return tmp_path


def test_cli_prints_clusters_and_writes_json_and_graphml(corpus_dir, tmp_path, capsys):
    out_json, out_graph = tmp_path / "out.json", tmp_path / "out.graphml"
    assert main(["dedup", str(corpus_dir), "--json", str(out_json), "--graphml", str(out_graph)]) == 0
    printed = capsys.readouterr().out
    assert "1 clusters" in printed and "a.txt" in printed and "[date," in printed
    data = json.loads(out_json.read_text())
    assert data["documents"] == 3 and data["clusters"][0]["earliest"]["name"].endswith("a.txt")
    graph = nx.read_graphml(out_graph)
    assert graph.is_directed() and graph.number_of_edges() == 1
    ET.parse(out_graph)  # well-formed XML


def test_cli_json_format_reads_analysis_json(corpus_dir, tmp_path, capsys):
    from newstrace.model import Analysis
    body = (corpus_dir / "a.txt").read_text()
    analysis = Analysis(article=extract_string(body, url="https://a.example/x"))
    (corpus_dir / "saved.json").write_text(json.dumps(analysis.to_dict()), encoding="utf-8")
    assert main(["dedup", str(corpus_dir), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 4 and data["clusters"][0]["size"] == 3


def test_cli_bad_input_among_good_ones_exits_13_and_still_reports(corpus_dir, capsys):
    (corpus_dir / "broken.json").write_text("{not json", encoding="utf-8")
    assert main(["dedup", str(corpus_dir)]) == 13
    captured = capsys.readouterr()
    assert "1 clusters" in captured.out and "broken.json: not a newstrace analysis JSON" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("args, code, message", [
    (["dedup", "/nonexistent/file.txt"], 3, "no such file"),
    (["dedup", "--jaccard", "1.5", "x.txt"], 2, "1.5"),
    (["dedup"], 2, "Missing argument"),
])
def test_cli_bad_arguments(args, code, message, capsys):
    assert main(args) == code
    assert message in capsys.readouterr().err


def test_cli_unwritable_output_exits_31(corpus_dir, capsys):
    assert main(["dedup", str(corpus_dir), "--graphml", "/nonexistent-dir/out.graphml"]) == EXIT_CODES["WriteFailed"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err


def test_cli_empty_file_gives_its_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["dedup", str(tmp_path / "empty.txt")]) == 5
    assert "empty" in capsys.readouterr().err


def test_cli_reads_an_article_jsonl_file_and_its_published_dates(tmp_path, capsys):
    # An article JSONL file (what ingest and batch read) was taken for broken analyses.
    body = story(71, 240)
    rows = [{"url": "https://late.example/x", "text": body, "published": "2024-02-03"},
            {"url": "https://early.example/x", "text": body + "\n\nFirst in the Early News.", "date": "2024-02-01"},
            {"url": "https://other.example/y", "text": story(72, 240)}]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["dedup", str(tmp_path / "articles.jsonl"), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 3 and [c["size"] for c in data["clusters"]] == [2]
    assert data["clusters"][0]["earliest"]["name"].endswith("#1") and data["clusters"][0]["why"] == "earliest stated date"


def test_dedup_on_a_folder_with_no_article_files_says_no_inputs_found_like_analyze(tmp_path, capsys):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["dedup", str(tmp_path)]) == 3
    assert "no inputs found" in capsys.readouterr().err
