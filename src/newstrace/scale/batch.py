"""``batch``: plan partitions, run the pipeline over them on Dask, then find near-duplicates corpus-wide."""
from __future__ import annotations

import hashlib
import math
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from newstrace.corpus.dedup_config import DedupConfig
from newstrace.pipeline import AnalyzeConfig
from newstrace.scale.output import (DEDUP, SCANS, DedupResult, completed, read_json, remove_temporaries, table_files,
                                    write_json, write_table)
from newstrace.scale.sources import (FileScan, Partition, PartitionLimits, expand_batch_inputs, group_files, kind_of,
                                     scan_file)

PLAN = "_plan.json"  # records per piece chosen for each planned partition: reruns split them the same way
DEDUP_STAMP = "_dedup.json"  # the settings and signature files the near-duplicates were computed from, the result
SIGNATURE_SETTINGS = "_signatures.json"  # what the output's signatures were made with (DedupConfig)
# Pieces per worker when the inputs are few: enough that no worker idles while another finishes a long
# partition, few enough that the per-partition cost (a task, eight Parquet files) stays small.
PIECES_PER_WORKER = 4
_DEFAULTS = DedupConfig().to_dict()  # what outputs written before the settings were kept were made with


@dataclass(frozen=True, slots=True)
class BatchOptions:
    limits: PartitionLimits = PartitionLimits()
    config: AnalyzeConfig = AnalyzeConfig()
    dedup: bool = True
    dedup_config: DedupConfig = DedupConfig()  # the settings of ``newstrace dedup``, applied to the whole output


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
    conflict = settings_conflict(out, options)
    if conflict:
        raise ValueError(conflict)
    out.mkdir(parents=True, exist_ok=True)
    remove_temporaries(out)
    write_json(out / SIGNATURE_SETTINGS, options.dedup_config.signature_settings())
    scans = plan(expand_batch_inputs(inputs), out, client, options)
    partitions = balance([p for scan in scans for p in scan.partitions], out, _worker_count(client))
    done = completed(out)
    todo = [p for p in partitions if p.id not in done]
    summary = BatchSummary(skipped=len(partitions) - len(todo))
    if on_plan:
        on_plan(len(todo))
    _run(todo, out, client, options, summary, on_done or (lambda result: None))
    _tally(summary, scans, partitions, completed(out))
    if options.dedup:
        config = options.dedup_config
        summary.dedup = _current_dedup(out, config) or _near_duplicates(client, out, config)
    write_json(out / "_summary.json", summary.to_dict())
    return summary


def finished(inputs: list[str], out: Path, options: BatchOptions = BatchOptions()) -> BatchSummary | None:
    """The summary of ``batch`` when ``out`` already holds all of it (every partition done, near-duplicates
    computed from the current signatures), found without a cluster; None when there is something to do."""
    known, missing = _known_scans(expand_batch_inputs(inputs), out, options)
    if missing:
        return None
    scans = list(known.values())
    planned = read_json(out / PLAN) or {}
    bases = [p for scan in scans for p in scan.partitions]
    if any(p.id not in planned for p in bases):
        return None
    partitions = [piece for p in bases for piece in split(p, planned[p.id])]
    done = completed(out)
    if any(p.id not in done for p in partitions):
        return None
    summary = BatchSummary(skipped=len(partitions))
    if options.dedup:
        summary.dedup = _current_dedup(out, options.dedup_config)
        if summary.dedup is None:
            return None
    _tally(summary, scans, partitions, done)
    return summary


def settings_conflict(out: Path, options: BatchOptions) -> str | None:
    """Why ``out`` cannot take this run: its signatures were made with other shingle/MinHash settings (they would
    not compare with new ones); None when it can."""
    kept = read_json(out / SIGNATURE_SETTINGS)
    if kept is None and completed(out):  # written before the settings were kept: the defaults
        kept = DedupConfig().signature_settings()
    wanted = options.dedup_config.signature_settings()
    if kept is None or kept == wanted:
        return None
    differ = ", ".join(f"--{k.replace('_', '-')} {kept.get(k)} (not {wanted[k]})"
                       for k in wanted if kept.get(k) != wanted[k])
    return f"{out} was made with {differ}: run with those settings, or use another --out"


def plan(paths: list[str], out: Path, client: Any, options: BatchOptions) -> list[FileScan]:
    """Partitions of every input. WARC/JSONL files are scanned on the workers once; the scan is kept for reruns."""
    scans, missing = _known_scans(paths, out, options)
    fresh = client.gather(client.map(scan_file, list(missing), limits=options.limits,
                                     max_bytes=options.config.read.max_bytes, pure=False))
    for (path, manifest), scan in zip(missing.items(), fresh):
        # named by path alone: rescanning a changed file replaces its scan errors instead of adding to them
        name = f"scan-{hashlib.sha1(path.encode()).hexdigest()[:16]}"
        write_table(out, "errors", name, [_problem_row(p) for p in scan.problems])
        write_json(manifest, scan.to_dict())
        scans[path] = scan
    return list(scans.values())


def _known_scans(paths: list[str], out: Path, options: BatchOptions) -> tuple[dict[str, FileScan | None],
                                                                                  dict[str, Path]]:
    """Scans by path in input order (loose files grouped first, as ""), None for a WARC/JSONL file not scanned
    yet; and those files, each with where its scan is to be kept."""
    files = [p for p in paths if kind_of(p) == "files"]
    scans: dict[str, FileScan | None] = {"": FileScan("", group_files(files, options.limits))} if files else {}
    missing = {}
    for path in (p for p in paths if kind_of(p) in ("warc", "jsonl")):
        manifest = out / SCANS / f"{_file_key(path, options.limits)}.json"
        known = read_json(manifest)
        scans[path] = None if known is None else FileScan.from_dict(known)
        if known is None:
            missing[path] = manifest
    return scans, missing


def balance(partitions: list[Partition], out: Path, workers: int) -> list[Partition]:
    """Split partitions into pieces so that each worker gets about ``PIECES_PER_WORKER``.

    The size chosen for a partition is kept in ``out/_plan.json``: a rerun (with any number of workers) splits it
    the same way and finds its completed pieces. A partition completed whole by an earlier run stays whole.
    """
    planned = read_json(out / PLAN) or {}
    new = [p for p in partitions if p.id not in planned]
    if new:
        done = completed(out)
        records = sum(len(p.items) for p in partitions)
        size = max(1, math.ceil(records / (max(1, workers) * PIECES_PER_WORKER)))
        planned.update({p.id: len(p.items) if p.id in done else size for p in new})
        write_json(out / PLAN, planned)
    return [piece for p in partitions for piece in split(p, planned[p.id])]


def split(part: Partition, size: int) -> list[Partition]:
    """``part`` in pieces of at most ``size`` items (itself when it is no larger), each with an id of its own."""
    if len(part.items) <= size:
        return [part]
    pieces = []
    for start in range(0, len(part.items), size):
        key = f"{part.id}|{start}|{size}".encode("utf-8")
        pieces.append(Partition(hashlib.sha1(key).hexdigest()[:16], part.kind, part.path,
                                part.items[start:start + size]))
    return pieces


def _worker_count(client: Any) -> int:
    return sum(client.nthreads().values()) or 1


def _current_dedup(out: Path, config: DedupConfig) -> DedupResult | None:
    """The kept near-duplicate result, if it was computed with ``config`` from exactly the signature files
    there are now."""
    kept = read_json(out / DEDUP_STAMP)
    if kept is None or kept["signatures"] != _signatures_stamp(out) or not (out / DEDUP).is_dir():
        return None
    if kept.get("config", _DEFAULTS) != config.to_dict():
        return None
    return DedupResult(**kept["result"])


def _near_duplicates(client: Any, out: Path, config: DedupConfig) -> DedupResult:
    from newstrace.scale.dedup import find_near_duplicates  # imports dask: not needed when nothing is left to do

    stamp = _signatures_stamp(out)
    result = find_near_duplicates(client, out, config=config)
    write_json(out / DEDUP_STAMP, {"signatures": stamp, "config": config.to_dict(), "result": asdict(result)})
    return result


def _signatures_stamp(out: Path) -> str:
    files = [(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in table_files(out, "signatures")]
    return hashlib.sha1(repr(files).encode("utf-8")).hexdigest()


def _run(todo: list[Partition], out: Path, client: Any, options: BatchOptions, summary: BatchSummary,
         on_done: Callable[[dict[str, Any]], None]) -> None:
    if not todo:
        return
    from distributed import as_completed  # here: a run with nothing to do imports neither Dask nor the pipeline

    from newstrace.scale.partition import run_partition

    futures = client.map(run_partition, todo, out=str(out), config=options.config, dedup=options.dedup_config,
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


def _tally(summary: BatchSummary, scans: list[FileScan], partitions: list[Partition],
           markers: dict[str, dict[str, Any]]) -> None:
    wanted = {p.id for p in partitions}
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
