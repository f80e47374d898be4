"""``batch``: plan partitions, run the pipeline over them on Dask, then find near-duplicates corpus-wide."""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from distributed import as_completed

from newstrace.pipeline import AnalyzeConfig
from newstrace.scale.dedup import DedupResult, find_near_duplicates
from newstrace.scale.output import SCANS, completed, read_json, remove_temporaries, write_json, write_table
from newstrace.scale.partition import run_partition
from newstrace.scale.sources import (FileScan, Partition, PartitionLimits, expand_batch_inputs, group_files, kind_of,
                                     scan_file)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    limits: PartitionLimits = PartitionLimits()
    config: AnalyzeConfig = AnalyzeConfig()
    dedup: bool = True


@dataclass(slots=True)
class BatchSummary:
    """What a run did: partitions analysed / skipped (complete before) / failed, and why records were left out."""

    analysed: int = 0
    skipped: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # partition id -> reason
    articles: int = 0  # in the whole output, this run's and earlier runs'
    new_articles: int = 0
    record_errors: Counter = field(default_factory=Counter)  # error class -> count, whole output
    records_left_out: Counter = field(default_factory=Counter)  # reason (not HTML, not 200) -> count
    dedup: DedupResult | None = None

    def line(self) -> str:
        parts = [f"{self.analysed} partitions analysed", f"{self.skipped} skipped (already complete)",
                 f"{len(self.failed)} failed"]
        text = f"batch: {', '.join(parts)}; {self.articles} articles ({self.new_articles} new)"
        if self.records_left_out:
            text += "; records left out: " + _counts(self.records_left_out)
        if self.record_errors:
            text += f"; {sum(self.record_errors.values())} bad records: " + _counts(self.record_errors)
        if self.dedup:
            text += f"; {self.dedup.clusters} near-duplicate clusters ({self.dedup.pairs} pairs)"
        return text

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["record_errors"], d["records_left_out"] = dict(self.record_errors), dict(self.records_left_out)
        return d


def batch(inputs: list[str], out: Path, client: Any, options: BatchOptions = BatchOptions(), *,
          on_done: Callable[[dict[str, Any]], None] | None = None,
          on_plan: Callable[[int], None] | None = None) -> BatchSummary:
    """Analyse every record of ``inputs`` into Parquet datasets under ``out``, skipping completed partitions."""
    out.mkdir(parents=True, exist_ok=True)
    remove_temporaries(out)
    scans = plan(expand_batch_inputs(inputs), out, client, options)
    partitions = [p for scan in scans for p in scan.partitions]
    done = completed(out)
    todo = [p for p in partitions if p.id not in done]
    summary = BatchSummary(skipped=len(partitions) - len(todo))
    if on_plan:
        on_plan(len(todo))
    _run(todo, out, client, options.config, summary, on_done or (lambda result: None))
    _tally(summary, scans, completed(out))
    if options.dedup:
        summary.dedup = find_near_duplicates(client, out)
    write_json(out / "_summary.json", summary.to_dict())
    return summary


def plan(paths: list[str], out: Path, client: Any, options: BatchOptions) -> list[FileScan]:
    """Partitions of every input. WARC/JSONL files are scanned on the workers once; the scan is kept for reruns."""
    files = [p for p in paths if kind_of(p) == "files"]
    scans = [FileScan("", group_files(files, options.limits))] if files else []
    indexed = [p for p in paths if kind_of(p) in ("warc", "jsonl")]
    manifests = {p: out / SCANS / f"{_file_key(p, options.limits)}.json" for p in indexed}
    known = {p: read_json(m) for p, m in manifests.items()}
    missing = [p for p, scan in known.items() if scan is None]
    fresh = client.gather(client.map(scan_file, missing, limits=options.limits,
                                     max_bytes=options.config.read.max_bytes, pure=False))
    for path, scan in zip(missing, fresh):
        # named by path alone: rescanning a changed file replaces its scan errors instead of adding to them
        name = f"scan-{hashlib.sha1(path.encode()).hexdigest()[:16]}"
        write_table(out, "errors", name, [_problem_row(p) for p in scan.problems])
        write_json(manifests[path], scan.to_dict())
        known[path] = scan.to_dict()
    return scans + [FileScan.from_dict(known[p]) for p in indexed]


def _run(todo: list[Partition], out: Path, client: Any, config: AnalyzeConfig, summary: BatchSummary,
         on_done: Callable[[dict[str, Any]], None]) -> None:
    futures = client.map(run_partition, todo, out=str(out), config=config,
                         key=[f"newstrace-partition-{p.id}" for p in todo])
    ids = {f.key: p.id for f, p in zip(futures, todo)}
    for future in as_completed(futures):
        try:
            result = future.result()
        except Exception as err:  # noqa: BLE001 - e.g. KilledWorker: the partition stays to do for the next run
            summary.failed[ids[future.key]] = f"{type(err).__name__}: {err}"
            on_done({"partition": ids[future.key], "status": "failed"})
            continue
        if result["status"] == "analysed":
            summary.analysed += 1
            summary.new_articles += result["articles"]
        else:
            summary.skipped += 1
        on_done(result)
        future.release()


def _tally(summary: BatchSummary, scans: list[FileScan], markers: dict[str, dict[str, Any]]) -> None:
    wanted = {p.id for scan in scans for p in scan.partitions}
    for partition_id, marker in markers.items():
        if partition_id in wanted:
            summary.articles += marker["articles"]
            summary.record_errors.update(marker["errors"])
    for scan in scans:
        summary.records_left_out.update(scan.skipped)
        summary.record_errors.update(Counter(p.kind for p in scan.problems))


def _problem_row(problem: Any) -> dict[str, Any]:
    return {"partition": None, "locator": problem.locator, "url": problem.url, "stage": "scan",
            "error": problem.kind, "message": problem.message}


def _file_key(path: str, limits: PartitionLimits) -> str:
    stat = os.stat(path)
    return hashlib.sha1(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{limits}".encode()).hexdigest()[:16]


def _counts(counter: Counter) -> str:
    return ", ".join(f"{name} {n}" for name, n in counter.most_common())
