"""One partition on one worker: read its records, run the per-article pipeline, write its rows."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstrace.corpus.dedup_config import DedupConfig
from newstrace.errors import NewstraceError
from newstrace.model import Analysis, Article
from newstrace.pipeline import AnalyzeConfig, analyze_articles, extract_item
from newstrace.reading.document import Record, apply_fields
from newstrace.scale.output import marker_path, read_json, write_json, write_table
from newstrace.scale.shingles import shingle_hashes, signature
from newstrace.scale.sources import Partition, read_partition
from newstrace.scale.tables import SCHEMAS, analysis_rows


@dataclass(frozen=True, slots=True)
class Pending:
    """An extracted article waiting for the NLP stages, with where it came from."""

    doc_id: str
    locator: str
    record: Record
    article: Article


def run_partition(part: Partition, out: str, config: AnalyzeConfig = AnalyzeConfig(),
                  dedup: DedupConfig = DedupConfig()) -> dict[str, Any]:
    """Analyse a partition and write it; return its marker (counts). A completed partition is not redone."""
    marker = marker_path(Path(out), part.id)
    done = read_json(marker)
    if done is not None:
        return {**done, "status": "skipped"}
    started = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in SCHEMAS}
    pending = _extract_all(part, config, rows["errors"])
    for item, result in _analyze_all(pending, config):
        if isinstance(result, Analysis):
            _add_analysis(rows, part, item, result, dedup)
        else:
            rows["errors"].append(_error_row(part, item.locator, "analyze", result, item.record.raw.url))
    for table, table_rows in rows.items():
        write_table(Path(out), table, f"part-{part.id}", table_rows)
    result = {"partition": part.id, "records": len(part.items), "articles": len(rows["articles"]),
              "errors": dict(Counter(r["error"] for r in rows["errors"])),
              "seconds": round(time.perf_counter() - started, 3)}
    write_json(marker, result)  # last: the partition counts as done only once every table is in place
    return {**result, "status": "analysed"}


def _extract_all(part: Partition, config: AnalyzeConfig, errors: list[dict[str, Any]]) -> list[Pending]:
    pending = []
    for i, (locator, record) in enumerate(read_partition(part, config.read)):
        if isinstance(record, NewstraceError):
            errors.append(_error_row(part, locator, "read", record))
            continue
        try:  # as ingest and analyze read a record (reading.records, pipeline.extract_item)
            article = apply_fields(extract_item(record, config), record.fields)
        except NewstraceError as err:
            errors.append(_error_row(part, locator, "extract", err, record.raw.url))
            continue
        pending.append(Pending(f"{part.id}-{i:05d}", locator, record, article))
    return pending


def _analyze_all(pending: list[Pending], config: AnalyzeConfig):
    """Pairs ``(pending, analysis or exception)``; batched through spaCy, one by one if the batch fails."""
    try:
        return list(zip(pending, analyze_articles([p.article for p in pending], config)))
    except Exception:  # noqa: BLE001 - one bad article must not lose its partition: find it
        return [(p, _analyze_one(p.article, config)) for p in pending]


def _analyze_one(article: Article, config: AnalyzeConfig) -> Analysis | Exception:
    try:
        return next(analyze_articles([article], config))
    except Exception as err:  # noqa: BLE001 - recorded in the errors table with its class name
        return err


def _add_analysis(rows: dict[str, list[dict[str, Any]]], part: Partition, item: Pending, analysis: Analysis,
                  dedup: DedupConfig) -> None:
    record = {"partition": part.id, "locator": item.locator, "warc_date": item.record.fields.get("warc_date")}
    for table, table_rows in analysis_rows(analysis, item.doc_id, record).items():
        rows[table].extend(table_rows)
    rows["signatures"].append(signature_row(item.doc_id, part.id, analysis.article, item.record.fields.get("warc_date"),
                                            dedup))


def signature_row(doc_id: str, partition: str, article: Article, fallback_date: str | None,
                  config: DedupConfig) -> dict[str, Any]:
    """What the near-duplicate step reads of one article: its MinHash signature and shingle set (``config``'s),
    with its date (the WARC date when it states none)."""
    body = article.body_text()
    return {"doc_id": doc_id, "article_id": article.id, "partition": partition, "url": article.url,
            "date": article.published or fallback_date, "outlet": article.outlet,
            "minhash": signature(body, config).tolist(), "shingles": shingle_hashes(body, config).tolist()}


def _error_row(part: Partition, locator: str, stage: str, err: Exception, url: str | None = None) -> dict[str, Any]:
    message = str(err)
    if isinstance(err, NewstraceError) and err.source and message.startswith(f"{err.source}: "):
        message = message[len(err.source) + 2:]
    return {"partition": part.id, "locator": locator, "url": url, "stage": stage,
            "error": type(err).__name__, "message": message}
