"""Reading a batch output back: ``Analysis`` objects from the Parquet datasets (e.g. to load into a store)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pyarrow.parquet as pq

from newstrace.errors import InputNotFound
from newstrace.model import Analysis
from newstrace.scale.output import table_files
from newstrace.scale.tables import CHILD_TABLES, analysis_from_rows


def read_parquet_analyses(out: str | Path) -> Iterator[Analysis]:
    """Every analysis of a ``newstrace batch`` output folder, partition by partition (bounded memory).

    The record's place (``doc_id``, ``partition``, ``locator``, ``warc_date``) is kept in
    ``article.metadata["batch"]``.
    """
    out = Path(out)
    files = table_files(out, "articles")
    if not files:
        raise InputNotFound("not a newstrace batch output (no articles/*.parquet)", source=str(out))
    for path in files:
        children = {table: _by_doc(out / table / path.name) for table in CHILD_TABLES}
        for row in pq.read_table(path).to_pylist():
            analysis = analysis_from_rows(row, {t: rows.get(row["doc_id"], []) for t, rows in children.items()})
            analysis.article.metadata["batch"] = {k: row[k] for k in ("doc_id", "partition", "locator", "warc_date")}
            yield analysis


def _by_doc(path: Path) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    if path.exists():
        for row in pq.read_table(path).to_pylist():
            grouped.setdefault(row["doc_id"], []).append(row)
    return grouped
