"""Ingesting a batch of JSON records posted to the API, through the ingest job (same rules as the CLI)."""
from __future__ import annotations

import logging
from typing import Any

from newstrace.errors import NewstraceError
from newstrace.jobs.ingest import IngestReport, ingest_documents
from newstrace.pipeline import AnalyzeConfig
from newstrace.reading.document import Record
from newstrace.reading.netpolicy import FetchOptions
from newstrace.reading.records import object_records
from newstrace.web.analyse import fetch_options, store_of


def records_to_documents(records: list[dict[str, Any]]) -> list[Record | NewstraceError]:
    """The posted records, read as every other entry point reads a JSON record (``reading.records``)."""
    return list(object_records(records, prefix="api-record"))


log = logging.getLogger("newstrace.web")


def ingest_records(state, records: list[dict[str, Any]]) -> IngestReport:
    """Run by the analyser (in its worker process), within the analysis time limit, like a pasted article."""
    return state.analyser.run_limited(ingest_job, state.settings.db, fetch_options(state.settings), records)


def ingest_job(db: str, read: FetchOptions, records: list[dict[str, Any]]) -> IngestReport:
    """Each document is analysed and stored on its own, so one that fails (even by a bug) is reported in
    ``failures`` and the others are kept."""
    config = AnalyzeConfig(read=read)
    report = IngestReport()
    with store_of(db).db() as store:
        for doc in records_to_documents(records):
            _add(report, _ingest_one(store, doc, config))
    return report


def _ingest_one(db, doc: Record | NewstraceError, config: AnalyzeConfig) -> IngestReport:
    if isinstance(doc, NewstraceError):
        return IngestReport(failures=[doc])
    try:
        return ingest_documents(db, [doc], config=config)
    except NewstraceError as err:
        return IngestReport(failures=[err])
    except Exception as err:  # noqa: BLE001 - a bug in one document's analysis must not lose the others
        log.exception("ingest: analysing %s failed", doc.locator)
        return IngestReport(failures=[NewstraceError(f"analysis failed ({type(err).__name__}); the server log has "
                                                     "the details", source=doc.locator)])


def _add(total: IngestReport, one: IngestReport) -> None:
    total.counts.update(one.counts)
    total.failures.extend(one.failures)
    total.conflicts.extend(one.conflicts)
