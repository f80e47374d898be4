"""The output folder: one Parquet file per table per partition, written atomically, and markers.

A partition is complete when its marker ``_partitions/<id>.json`` exists. Table files are written to a
hidden temporary name and renamed into place, and the marker is written last: a crash or a killed worker
leaves either nothing or files that the next run overwrites under the same name, never duplicated rows.
"""
from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newstrace.scale.tables import SCHEMAS

MARKERS = "_partitions"
SCANS = "_scans"
DEDUP = "dedup"


@dataclass(frozen=True, slots=True)
class DedupResult:
    """What ``dedup.find_near_duplicates`` wrote under ``out/dedup`` (here: a rerun reads it back without Dask)."""

    pairs: int
    clusters: int
    clustered_articles: int


def write_table(out: Path, table: str, name: str, rows: list[dict[str, Any]]) -> None:
    """Write ``rows`` as ``out/table/name.parquet`` (atomically; also when empty, so the schema is always there)."""
    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    arrow = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
    tmp = folder / f".{name}.{uuid.uuid4().hex}.tmp"  # a leading dot: dataset readers ignore it
    pq.write_table(arrow, tmp, compression="zstd")
    os.replace(tmp, folder / f"{name}.parquet")


def write_json(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read_json(path: Path) -> Any | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent or half-written by an older crash: treat as not done


def marker_path(out: Path, partition_id: str) -> Path:
    return out / MARKERS / f"{partition_id}.json"


def completed(out: Path) -> dict[str, dict[str, Any]]:
    """Markers of the completed partitions, by partition id."""
    found = {}
    for path in (out / MARKERS).glob("*.json"):
        marker = read_json(path)
        if marker is not None:
            found[path.stem] = marker
    return found


def table_files(out: Path, table: str) -> list[Path]:
    return sorted((out / table).glob("*.parquet"))


def remove_temporaries(out: Path) -> int:
    """Delete half-written files left by a crashed run (call before a run starts, never during one)."""
    stale = [p for p in out.glob("*/.*.tmp") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)
