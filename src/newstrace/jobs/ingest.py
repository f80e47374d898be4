"""``ingest``: read inputs, analyse them and store them, one committed transaction per article.

A job: it runs the reading, extraction and analysis stages and hands each ``Analysis`` to the store
(``store.write.save_analysis``); the SQL stays in ``store/``.

Work already stored is recognised before the expensive NLP runs (same raw bytes, then same extracted
text at the same locator), so an interrupted run started again skips straight to where it stopped.
"""
from __future__ import annotations

import collections
import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from newstrace.reading.document import Record, apply_fields
from newstrace.corpus.sources import corpus_documents
from newstrace.errors import NewstraceError
from newstrace.model import Analysis, Article
from newstrace.pipeline import AnalyzeConfig, analyze_articles, extract_item
from newstrace.store.connection import Database, StoreOptions
from newstrace.store.open import open_store
from newstrace.store.write import Saved, latest_version, save_analysis


@dataclass(slots=True)
class IngestReport:
    """What a run did: counts per outcome, the inputs that failed, locators that changed during this run."""

    counts: collections.Counter = field(default_factory=collections.Counter)
    failures: list[NewstraceError] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def summary(self) -> str:
        c = self.counts
        return (f"{c['new']} new, {c['version']} new versions, {c['copy']} copies of stored articles, "
                f"{c['unchanged']} unchanged, {len(self.failures)} failed")


@dataclass(frozen=True, slots=True)
class _Pending:
    doc: Record
    raw_hash: str


def ingest(specs: list[str], db: str = "newstrace.db", *, config: AnalyzeConfig = AnalyzeConfig(),
           fetch_items: bool = False, options: StoreOptions = StoreOptions(),
           on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Analyse and store every article in ``specs``; ``on_item(locator, outcome)`` is called after each."""
    with open_store(db, options) as store:
        docs = corpus_documents(specs, config.read, fetch_items=fetch_items, analyses=True)
        return ingest_documents(store, docs, config=config, on_item=on_item)


def ingest_documents(store: Database, docs: Iterable[Record | Analysis | NewstraceError], *,
                     config: AnalyzeConfig = AnalyzeConfig(),
                     on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    report = IngestReport()
    seen_this_run: dict[str, str] = {}
    pending: collections.deque[_Pending] = collections.deque()
    notify = on_item or (lambda locator, outcome: None)
    articles = _new_articles(store, docs, config, pending, report, notify, seen_this_run)
    for analysis in analyze_articles(articles, config):
        item = pending.popleft()
        saved = save_analysis(store, analysis, locator=item.doc.locator or None, raw_hash=item.raw_hash,
                              input_name=item.doc.raw.name)
        _record(report, saved, seen_this_run)
        notify(saved.locator, saved.outcome)
    return report


def ingest_analyses(store: Database, analyses: Iterable[Analysis], *,
                    on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Store finished analyses, one transaction each; identical content at the same locator is skipped
    (``newstrace ingest --from-parquet`` gives it a batch output's, read by ``scale.reader``)."""
    report = IngestReport()
    seen_this_run: dict[str, str] = {}
    notify = on_item or (lambda locator, outcome: None)
    for analysis in analyses:
        batch = analysis.article.metadata.get("batch", {})
        saved = save_analysis(store, analysis, locator=analysis.article.url or batch.get("locator") or None)
        _record(report, saved, seen_this_run)
        notify(saved.locator, saved.outcome)
    return report


def _new_articles(store: Database, docs: Iterable[Record | Analysis | NewstraceError],
                  config: AnalyzeConfig, pending: collections.deque, report: IngestReport,
                  notify: Callable[[str, str], None], seen_this_run: dict[str, str]) -> Iterator[Article]:
    """Extract each document; skip (and count) those whose content is already the latest stored version.
    A finished analysis (a line of ``newstrace analyze -f jsonl``) is stored as it is, not analysed again."""
    for doc in docs:
        if isinstance(doc, Analysis):
            saved = save_analysis(store, doc)
            _record(report, saved, seen_this_run)
            notify(saved.locator, saved.outcome)
            continue
        if isinstance(doc, NewstraceError):
            report.failures.append(doc)
            notify(doc.source or "?", "failed")
            continue
        raw_hash = hashlib.sha256(doc.raw.data).hexdigest()
        latest = latest_version(store, doc.locator) if doc.locator else None
        if latest and latest["raw_hash"] == raw_hash:
            report.counts["unchanged"] += 1
            notify(doc.locator, "unchanged")
            continue
        try:
            article = apply_fields(extract_item(doc, config), doc.fields)
        except NewstraceError as err:
            report.failures.append(err)
            notify(doc.locator, "failed")
            continue
        if latest and latest["article_id"] == article.id:
            report.counts["unchanged"] += 1
            notify(doc.locator, "unchanged")
            continue
        pending.append(_Pending(doc, raw_hash))
        yield article


def _record(report: IngestReport, saved: Saved, seen_this_run: dict[str, str]) -> None:
    report.counts[saved.outcome] += 1
    earlier = seen_this_run.get(saved.locator)
    if earlier and earlier != saved.article_id:
        report.conflicts.append(f"{saved.locator}: different content twice in this run; kept both "
                                f"(now version {saved.version})")
    seen_this_run[saved.locator] = saved.article_id

