"""Corpus-wide near-duplicates and the republication graph, on Dask, by MinHash LSH banding.

1. every signature partition emits one ``(band key, member)`` per band (workers read their own files);
2. a task shuffle groups equal band keys: members of a bucket are candidate pairs;
3. candidate pairs are shuffled by the pair of partitions they come from, and each group is verified
   against the exact shingle sets read from just those two partitions (Jaccard or containment);
4. verified pairs are written as Parquet; their connected components (``components.py``, also on the
   workers) become clusters, each with its earliest version.

The rules are the corpus stage's (``corpus/dedup.py``), under one ``DedupConfig``: texts under ``min_words``
take part in no pair, and the earliest version and each copy's direction come from provenance first, then
the publication date (else the WARC date), read for the members of verified pairs only.

No step gathers signatures, pairs or clusters in one process: workers read and write the Parquet files.
"""
from __future__ import annotations

import itertools
import math
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import dask.bag as db
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from dask import delayed

from newstrace.corpus.dedup import DedupConfig, Version, direction
from newstrace.scale.components import cluster_rows, components, pair_edges
from newstrace.scale.output import DEDUP, DedupResult, table_files
from newstrace.scale.shingles import DEFAULT, MAX_GROUP_PAIRS, band_keys, is_near_duplicate, similarity
from newstrace.scale.tables import analysis_from_rows

Member = tuple[str, str, str | None, str | None]  # doc_id, partition, date, url

S, STRINGS = pa.string(), pa.list_(pa.string())
PAIRS = pa.schema([("doc_a", S), ("doc_b", S), ("url_a", S), ("url_b", S), ("date_a", S), ("date_b", S),
                   ("outlet_a", S), ("outlet_b", S), ("upstream_a", STRINGS), ("upstream_b", STRINGS),
                   ("jaccard", pa.float64()), ("containment", pa.float64()), ("source_doc", S), ("copy_doc", S),
                   ("reason", S)])
CLUSTERS = pa.schema([("cluster_id", S), ("doc_id", S), ("url", S), ("date", S), ("size", pa.int64()),
                      ("earliest", pa.bool_()), ("earliest_doc_id", S), ("earliest_url", S), ("why", S)])


def find_near_duplicates(client: Any, out: Path, npartitions: int | None = None,
                         config: DedupConfig = DEFAULT) -> DedupResult:
    """Compute ``out/dedup/pairs`` and ``out/dedup/clusters`` from ``out/signatures`` on the client's cluster."""
    files = [str(f) for f in table_files(out, "signatures")]
    staging = out / f".{DEDUP}.{uuid.uuid4().hex}.tmp"
    # about 8 signature files (~50k band records) per shuffle partition, whatever the corpus size
    n = npartitions or max(2, math.ceil(len(files) / 8))
    pairs = sum(_write_bag(client, _verified_pairs(files, n, config), staging / "pairs", PAIRS)) if files else 0
    pair_files = [str(f) for f in sorted((staging / "pairs").glob("*.parquet"))]
    clustered = earliest = 0
    if pair_files:
        edges = db.from_sequence(pair_files, npartitions=len(pair_files)).map(pair_edges).flatten()
        labels = components(client, edges, n)
        clusters = labels.map(lambda nl: (nl[1], nl)).groupby(lambda kv: kv[0], shuffle="tasks", npartitions=n)
        rows = clusters.map(lambda kv: list(cluster_rows((kv[0], [nl for _, nl in kv[1]])))).flatten()
        clustered = sum(_write_bag(client, rows, staging / "clusters", CLUSTERS))
        earliest = sum(_write_bag(client, rows.filter(lambda r: r["earliest"]), None, None))
    _write_empty_if_missing(staging / "pairs", PAIRS)
    _write_empty_if_missing(staging / "clusters", CLUSTERS)
    _swap_in(staging, out / DEDUP)
    return DedupResult(pairs, earliest, clustered)


def _write_bag(client: Any, bag: db.Bag, folder: Path | None, schema: pa.Schema | None) -> list[int]:
    """Each partition of ``bag`` written by its worker as ``folder/part-N.parquet`` (or only counted)."""
    writes = [delayed(_write_rows)(part, folder and folder / f"part-{i:05d}.parquet", schema)
              for i, part in enumerate(bag.to_delayed())]
    return client.compute(writes, sync=True)


def _verified_pairs(files: list[str], n: int, config: DedupConfig) -> db.Bag:
    bands = db.from_sequence(files, npartitions=len(files)).map(_band_members, config).flatten()
    buckets = bands.groupby(lambda kv: kv[0], shuffle="tasks", npartitions=n)
    candidates = buckets.map(lambda kv: _candidate_pairs([m for _, m in kv[1]])).flatten()
    by_partitions = candidates.groupby(lambda pair: (pair[0][1], pair[1][1]), shuffle="tasks", npartitions=n)
    return by_partitions.map(lambda kv: _verify(os.path.dirname(files[0]), kv[1], config)).flatten()


def _band_members(path: str, config: DedupConfig = DEFAULT) -> list[tuple[str, Member]]:
    table = pq.read_table(path, columns=["doc_id", "partition", "date", "url", "minhash"])
    out = []
    for row in table.to_pylist():
        if row["minhash"]:
            member = (row["doc_id"], row["partition"], row["date"], row["url"])
            out += [(key, member) for key in band_keys(np.asarray(row["minhash"], dtype=np.uint32), config)]
    return out


def _candidate_pairs(members: list[Member]) -> list[tuple[Member, Member]]:
    """All pairs of a bucket; a huge bucket (a wire story in hundreds of outlets) links all to its first."""
    members = sorted(set(members))
    if len(members) <= MAX_GROUP_PAIRS:
        return list(itertools.combinations(members, 2))
    return [(members[0], m) for m in members[1:]]


def _verify(signature_dir: str, pairs: list[tuple[Member, Member]],
            config: DedupConfig = DEFAULT) -> list[dict[str, Any]]:
    """Exact similarity of each distinct pair, from the shingle sets of the two partitions involved."""
    unique = sorted(set(pairs))
    ids = {m[0] for pair in unique for m in pair}
    partitions = {m[1] for pair in unique for m in pair}
    shingles = {}
    for partition in partitions:
        table = pq.read_table(os.path.join(signature_dir, f"part-{partition}.parquet"), columns=["doc_id", "shingles"],
                              filters=[("doc_id", "in", list(ids))])
        shingles.update({r["doc_id"]: np.asarray(r["shingles"], dtype=np.uint32) for r in table.to_pylist()})
    verified = [(a, b, o) for a, b in unique
                if is_near_duplicate(o := similarity(shingles[a[0]], shingles[b[0]]), config)]
    found = {m for a, b, _ in verified for m in (a, b)}
    versions = _versions(os.path.dirname(signature_dir), found)
    return [_pair_row(a, b, o.jaccard, o.containment, versions.get(a[0]), versions.get(b[0])) for a, b, o in verified]


def _versions(out: str, members: set[Member]) -> dict[str, Version]:
    """What orders each member among its copies, from its stored article and provenance chain."""
    by_partition: dict[str, set[str]] = {}
    for m in members:
        by_partition.setdefault(m[1], set()).add(m[0])
    versions = {}
    for partition, ids in by_partition.items():
        path = os.path.join(out, "articles", f"part-{partition}.parquet")
        if not os.path.exists(path):
            continue
        chain = _rows_by_doc(os.path.join(out, "provenance", f"part-{partition}.parquet"), ids)
        for row in pq.read_table(path, filters=[("doc_id", "in", list(ids))]).to_pylist():
            analysis = analysis_from_rows(row, {"provenance": chain.get(row["doc_id"], [])})
            versions[row["doc_id"]] = Version.of(analysis, fallback_date=row.get("warc_date"))
    return versions


def _rows_by_doc(path: str, ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    if os.path.exists(path):
        for row in pq.read_table(path, filters=[("doc_id", "in", list(ids))]).to_pylist():
            grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def _pair_row(a: Member, b: Member, jaccard: float, containment: float, va: Version | None = None,
              vb: Version | None = None) -> dict[str, Any]:
    """A verified pair and its direction (the corpus stage's rule); none when nothing orders the two."""
    va, vb = va or Version(None, (), a[2] and a[2][:10]), vb or Version(None, (), b[2] and b[2][:10])
    forward, reason = direction(va, vb, True)
    source, copy = ((a[0], b[0]) if forward else (b[0], a[0])) if reason != "undetermined" else (None, None)
    return {"doc_a": a[0], "doc_b": b[0], "url_a": a[3], "url_b": b[3], "date_a": va.date, "date_b": vb.date,
            "outlet_a": va.outlet, "outlet_b": vb.outlet, "upstream_a": list(va.upstream),
            "upstream_b": list(vb.upstream), "jaccard": round(jaccard, 4), "containment": round(containment, 4),
            "source_doc": source, "copy_doc": copy, "reason": reason}


def _write_rows(rows: list[dict[str, Any]], path: Path | None, schema: pa.Schema | None) -> int:
    if rows and path is not None:
        _write(path, rows, schema)
    return len(rows)


def _write(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="zstd")


def _write_empty_if_missing(folder: Path, schema: pa.Schema) -> None:
    if not any(folder.glob("*.parquet")):
        _write(folder / "part-00000.parquet", [], schema)


def _swap_in(staging: Path, target: Path) -> None:
    """Replace the previous result in one rename (the old one is deleted after)."""
    old = target.with_name(f".{target.name}.{uuid.uuid4().hex}.old")
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
