"""``newstrace batch`` on a real LocalCluster of two worker processes: output, resume, a killed worker, the CLI."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newstrace.cli import main
from newstrace.scale import cluster as cluster_module
from newstrace.scale.batch import BatchOptions, batch
from newstrace.scale.cluster import dask_client
from newstrace.scale.output import MARKERS
from newstrace.scale.sources import PartitionLimits
from scale_corpus import build_jsonl, build_warc

pytestmark = pytest.mark.scale

SMALL = BatchOptions(limits=PartitionLimits(records=2))


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, memory_limit="2GiB", dashboard=":0") as c:
        c.wait_for_workers(2, timeout=120)
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    expected = build_warc(folder / "crawl.warc.gz")
    build_jsonl(folder / "articles.jsonl")
    return folder, expected


@pytest.fixture(scope="module")
def first_run(client, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return out, batch([str(corpus[0])], out, client, SMALL)


def rows(out: Path, table: str) -> list[dict]:
    return pq.read_table(out / table).to_pylist()


def test_batch_analyses_warc_and_jsonl_on_two_workers(client, corpus, first_run):
    _, expected = corpus
    out, summary = first_run
    assert len(client.scheduler_info()["workers"]) == 2
    assert summary.failed == {} and summary.skipped == 0 and summary.analysed > 2
    assert summary.articles == expected["html_ok"] + 3  # the WARC's HTML samples and the 3 good JSONL lines
    assert summary.records_left_out == {"http-status-not-200": 1, "not-html": 1}
    assert dict(summary.record_errors) == {"CorruptInput": 1, "BinaryInput": 1, "NoArticleFound": 1,
                                           "MalformedRecord": 1}
    articles = rows(out, "articles")
    assert len({a["doc_id"] for a in articles}) == len(articles) == summary.articles
    warc_rows = [a for a in articles if a["warc_date"]]
    assert len(warc_rows) == expected["html_ok"] and all(a["url"].startswith("https://news.example/") for a in warc_rows)
    assert len(rows(out, "errors")) == 4
    assert "batch: " in summary.line() and "4 bad records" in summary.line()


def test_each_worker_loaded_the_spacy_model_once(client, first_run):
    from newstrace.nlp.model import load_nlp

    loads = client.run(lambda: load_nlp.cache_info().misses)
    assert len(loads) == 2 and set(loads.values()) == {1}


def test_republication_pair_and_cluster_point_to_the_earliest_version(first_run):
    out, summary = first_run
    by_doc = {a["doc_id"]: a["url"] for a in rows(out, "articles")}
    pairs = [p for p in rows(out, "dedup/pairs") if "bridge" in (p["url_a"] or "")]
    assert len(pairs) == 1
    assert by_doc[pairs[0]["source_doc"]] == "https://first.example/bridge"
    assert by_doc[pairs[0]["copy_doc"]] == "https://copy.example/bridge"
    bridge = [c for c in rows(out, "dedup/clusters") if "bridge" in c["url"]]
    assert len(bridge) == 2 and {c["earliest_url"] for c in bridge} == {"https://first.example/bridge"}
    assert not any("bread" in (c["url"] or "") for c in rows(out, "dedup/clusters"))
    assert summary.dedup.clusters >= 1


def test_second_run_skips_completed_partitions(client, corpus, first_run):
    out, summary = first_run
    before = {t: len(rows(out, t)) for t in ("articles", "errors", "signatures")}
    again = batch([str(corpus[0])], out, client, SMALL)
    assert again.analysed == 0 and again.skipped == summary.analysed and again.new_articles == 0
    assert again.articles == summary.articles
    assert {t: len(rows(out, t)) for t in before} == before


def test_crash_before_the_marker_redoes_that_partition_without_duplicate_rows(client, corpus, first_run):
    out, summary = first_run
    marker = sorted((out / MARKERS).glob("*.json"))[0]
    marker.unlink()  # as if the worker died after writing its tables but before the marker
    stale = out / "articles" / f".part-{marker.stem}.deadbeef.tmp"
    stale.write_bytes(b"half a file")
    before = len(rows(out, "articles"))
    again = batch([str(corpus[0])], out, client, SMALL)
    assert again.analysed == 1 and again.failed == {} and not stale.exists()
    articles = rows(out, "articles")
    assert len(articles) == before and len({a["doc_id"] for a in articles}) == before


def test_killed_worker_mid_run_still_completes_without_duplicates(client, corpus, first_run, tmp_path):
    out = tmp_path / "killed"
    options = BatchOptions(limits=PartitionLimits(records=1), dedup=False)
    result = {}
    runner = threading.Thread(target=lambda: result.update(summary=batch([str(corpus[0])], out, client, options)))
    pids = client.run(os.getpid)
    runner.start()
    deadline = time.monotonic() + 120
    while not list((out / MARKERS).glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.is_alive(), "the run ended before a worker could be killed"
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    runner.join(timeout=300)
    summary = result["summary"]
    assert summary.failed == {}
    articles = rows(out, "articles")
    assert len({a["doc_id"] for a in articles}) == len(articles) == first_run[1].articles
    client.wait_for_workers(2, timeout=120)  # the nanny restarted the killed worker


def test_cli_batch_on_a_running_scheduler_prints_the_summary(client, corpus, tmp_path, capsys):
    code = main(["batch", str(corpus[0] / "articles.jsonl"), "--out", str(tmp_path / "o"),
                 "--scheduler", client.scheduler.address, "--quiet"])
    captured = capsys.readouterr()
    assert code == 0
    assert "dask dashboard: " in captured.err
    assert captured.out.startswith("batch: ") and "3 articles (3 new)" in captured.out
    assert "MalformedRecord 1" in captured.out


def test_cli_batch_bad_inputs_give_one_line_and_an_exit_code(corpus, tmp_path, capsys, monkeypatch):
    assert main(["batch", str(tmp_path / "missing.warc.gz"), "--out", str(tmp_path / "o")]) == 3
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", "1s")
    capsys.readouterr()
    code = main(["batch", str(corpus[0]), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 14 and err.count("\n") == 1 and "cannot reach the Dask scheduler" in err


def test_cli_batch_on_a_scheduler_without_workers_exits_14(corpus, tmp_path, capsys, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(cluster_module, "WORKER_TIMEOUT", 1)
    with LocalCluster(n_workers=0, dashboard_address=None) as empty:
        code = main(["batch", str(corpus[0]), "--out", str(tmp_path / "o"), "--scheduler", empty.scheduler_address])
    assert code == 14 and "has no workers" in capsys.readouterr().err
    assert main(["batch", str(corpus[0]), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1", "--workers", "2"]) == 2


def test_connected_components_on_the_cluster_label_chains_with_their_earliest_member(client):
    import dask.bag as db

    from newstrace.scale.components import components, node

    a, b, c, d = (node(x, f"2024-01-0{i}", None) for i, x in zip((4, 2, 3, 1), "abcd"))
    e, f = node("e", None, None), node("f", "2024-02-01", None)
    links = [(a, b), (b, c), (c, d), (e, f)]  # a chain of four (diameter 3) and a pair
    edges = db.from_sequence([x for p, q in links for x in ((p, q), (q, p))], npartitions=3)
    labels = dict(components(client, edges, 2).compute())
    assert {k[2]: v[2] for k, v in labels.items()} == {"a": "d", "b": "d", "c": "d", "d": "d", "e": "f", "f": "f"}


def test_ingest_from_parquet_stores_every_batch_article_once(first_run, tmp_path, capsys):
    out, summary = first_run
    db = tmp_path / "corpus.db"
    assert main(["ingest", "--from-parquet", str(out), "--db", str(db)]) == 0
    assert f"{summary.articles} new" in capsys.readouterr().err
    assert main(["ingest", "--from-parquet", str(out), "--db", str(db)]) == 0  # again: nothing new
    assert f"0 new, 0 new versions, 0 copies of stored articles, {summary.articles} unchanged" in capsys.readouterr().err
    assert main(["ingest", str(out), "--from-parquet", str(out), "--db", str(db)]) == 2  # one or the other


def test_a_new_worker_loads_the_spacy_model_without_importing_torch():
    with dask_client(workers=1, memory_limit="2GiB", dashboard=":0") as c:
        c.wait_for_workers(1)
        found = c.run(lambda: sorted(m for m in ("spacy", "torch") if m in __import__("sys").modules))
    assert list(found.values()) == [["spacy"]]
