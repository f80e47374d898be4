"""Planning a batch: partitions sized so every worker gets work, kept for reruns; a rerun with nothing to do."""
from __future__ import annotations

from pathlib import Path

from newstrace.scale import dedup as dedup_module
from newstrace.scale.batch import PLAN, BatchOptions, balance, batch, finished
from newstrace.scale.output import DedupResult, marker_path, write_json, write_table
from newstrace.scale.sources import Partition, PartitionLimits, group_files

from test_cli_startup import probe


class SerialClient:
    """Just enough of a Dask client for a run with nothing to analyse: map runs at once, two worker threads."""

    def map(self, fn, items, **kwargs):
        kwargs = {k: v for k, v in kwargs.items() if k not in ("key", "pure")}
        return [fn(item, **kwargs) for item in items]

    def gather(self, results):
        return results

    def nthreads(self):
        return {"tcp://a": 1, "tcp://b": 1}


def articles(folder: Path, n: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"story-{i}.txt"
        path.write_text(f"Story {i}\n\nThe council met on Monday, officials said.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def complete(out: Path, partitions: list[Partition]) -> None:
    for part in partitions:
        write_table(out, "signatures", f"part-{part.id}", [])
        write_json(marker_path(out, part.id), {"partition": part.id, "records": len(part.items),
                                               "articles": len(part.items), "errors": {}, "seconds": 0.1})


def test_few_inputs_are_split_so_that_every_worker_gets_work(tmp_path):
    files = articles(tmp_path / "in", 9)
    [whole] = group_files(files, PartitionLimits())  # 200 records per partition: one for 9 files
    pieces = balance([whole], tmp_path / "out", workers=2)
    assert len(pieces) >= 2 * 2 and max(len(p.items) for p in pieces) == 2
    assert [item for p in pieces for item in p.items] == files
    assert len({p.id for p in pieces}) == len(pieces)


def test_the_split_is_kept_so_a_rerun_with_other_workers_finds_the_same_partitions(tmp_path):
    [whole] = group_files(articles(tmp_path / "in", 9), PartitionLimits())
    first = balance([whole], tmp_path / "out", workers=2)
    assert balance([whole], tmp_path / "out", workers=8) == first
    assert balance([whole], tmp_path / "out", workers=1) == first
    assert (tmp_path / "out" / PLAN).is_file()


def test_a_partition_completed_whole_by_an_earlier_run_stays_whole(tmp_path):
    [whole] = group_files(articles(tmp_path / "in", 9), PartitionLimits())
    complete(tmp_path / "out", [whole])
    assert balance([whole], tmp_path / "out", workers=2) == [whole]


def test_inputs_with_enough_partitions_are_not_split(tmp_path):
    parts = [Partition(f"p{i}", "jsonl", "x.jsonl", tuple(range(i * 200, (i + 1) * 200))) for i in range(10)]
    assert balance(parts, tmp_path / "out", workers=2) == parts


def test_a_rerun_with_nothing_to_do_reuses_the_near_duplicates_and_needs_no_cluster(tmp_path, monkeypatch):
    files, out = articles(tmp_path / "in", 9), tmp_path / "out"
    calls = []

    def fake_near_duplicates(client, folder, config=None):
        calls.append(folder)
        (folder / "dedup").mkdir(exist_ok=True)
        return DedupResult(pairs=3, clusters=1, clustered_articles=2)

    monkeypatch.setattr(dedup_module, "find_near_duplicates", fake_near_duplicates)
    assert finished(files, out) is None  # nothing planned yet
    complete(out, balance(group_files(files, PartitionLimits()), out, workers=2))
    assert finished(files, out) is None  # the near-duplicates are not computed yet
    summary = batch(files, out, SerialClient())
    assert calls == [out] and summary.analysed == 0 and summary.skipped == 5 and summary.articles == 9
    again = batch(files, out, SerialClient())
    assert calls == [out] and again.dedup == summary.dedup
    assert finished(files, out).line() == again.line()
    write_table(out, "signatures", "part-new", [])  # a partition written since: compute them again
    assert finished(files, out) is None


def test_a_partition_not_done_means_there_is_work(tmp_path):
    files, out = articles(tmp_path / "in", 9), tmp_path / "out"
    pieces = balance(group_files(files, PartitionLimits()), out, workers=2)
    complete(out, pieces[1:])
    assert finished(files, out, BatchOptions(dedup=False)) is None
    complete(out, pieces[:1])
    assert finished(files, out, BatchOptions(dedup=False)).skipped == len(pieces)


def test_cli_rerun_with_nothing_to_do_starts_no_cluster_and_imports_neither_dask_nor_the_pipeline(tmp_path):
    files, out = articles(tmp_path / "in", 9), tmp_path / "out"
    complete(out, balance(group_files(files, PartitionLimits()), out, workers=2))
    result = probe("batch", str(tmp_path / "in"), "--out", str(out), "--no-dedup", "--workers", "2")
    assert result.code == 0 and not {"dask", "distributed", "spacy", "torch", "trafilatura"} & set(result.heavy)
    assert "dask dashboard" not in result.stderr
    assert result.stdout.startswith("batch: 0 partitions analysed, 5 skipped (already complete), 0 failed; 9 articles")
