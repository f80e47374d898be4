"""One partition on one worker: read its records, run the per-article pipeline, write its rows."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstrace.corpus.dedup_config import DedupConfig
from newstrace.errors import NewstraceError
from newstrace.extract import extract_article
from newstrace.model import Analysis, Article
from newstrace.pipeline import AnalyzeConfig, analyze_articles
from newstrace.scale.jsonl import apply_given
from newstrace.scale.output import marker_path, read_json, write_json, write_table
from newstrace.scale.shingles import shingle_hashes, signature
from newstrace.scale.sources import Partition, Record, read_partition
from newstrace.scale.tables import SCHEMAS, analysis_rows


@dataclass(frozen=True, slots=True)
class Pending:
    """An extracted article waiting for the NLP stages, with where it came from."""

    doc_id: str
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
            rows["errors"].append(_error_row(part, item.record, "analyze", result))
    for table, table_rows in rows.items():
        write_table(Path(out), table, f"part-{part.id}", table_rows)
    result = {"partition": part.id, "records": len(part.items), "articles": len(rows["articles"]),
              "errors": dict(Counter(r["error"] for r in rows["errors"])),
              "seconds": round(time.perf_counter() - started, 3)}
    write_json(marker, result)  # last: the partition counts as done only once every table is in place
    return {**result, "status": "analysed"}


def _extract_all(part: Partition, config: AnalyzeConfig, errors: list[dict[str, Any]]) -> list[Pending]:
    pending = []
    for i, record in enumerate(read_partition(part, config.read)):
        if record.error is not None:
            errors.append(_error_row(part, record, "read", record.error))
            continue
        try:
            article = extract_article(record.doc, encoding=config.encoding, fmt=record.fmt)
        except NewstraceError as err:
            errors.append(_error_row(part, record, "extract", err))
            continue
        apply_given(article, record.given)
        pending.append(Pending(f"{part.id}-{i:05d}", record, article))
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
    record = {"partition": part.id, "locator": item.record.locator, "warc_date": item.record.given.get("warc_date")}
    for table, table_rows in analysis_rows(analysis, item.doc_id, record).items():
        rows[table].extend(table_rows)
    article = analysis.article
    body = article.body_text()
    rows["signatures"].append({
        "doc_id": item.doc_id, "article_id": article.id, "partition": part.id, "url": article.url,
        "date": article.published or item.record.given.get("warc_date"), "outlet": article.outlet,
        "minhash": signature(body, dedup).tolist(), "shingles": shingle_hashes(body, dedup).tolist()})


def _error_row(part: Partition, record: Record, stage: str, err: Exception) -> dict[str, Any]:
    message = str(err)
    if isinstance(err, NewstraceError) and err.source and message.startswith(f"{err.source}: "):
        message = message[len(err.source) + 2:]
    url = record.doc.url if record.doc else None
    return {"partition": part.id, "locator": record.locator, "url": url, "stage": stage,
            "error": type(err).__name__, "message": message}
