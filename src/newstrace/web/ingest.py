"""Ingesting a batch of JSON records posted to the API, through the store's own ingest (same rules as the CLI)."""
from __future__ import annotations

from typing import Any

from newstrace.corpus.document import CorpusDocument
from newstrace.errors import MalformedRecord, NewstraceError
from newstrace.pipeline import AnalyzeConfig
from newstrace.reading import RawDocument
from newstrace.store.ingest import IngestReport, ingest_documents
from newstrace.web.analyse import fetch_options


def records_to_documents(records: list[dict[str, Any]]) -> list[CorpusDocument | NewstraceError]:
    docs: list[CorpusDocument | NewstraceError] = []
    for i, record in enumerate(records, 1):
        body = record.get("html") or record.get("text")
        locator = record.get("url") or f"api-record-{i}"
        if not body:
            docs.append(MalformedRecord("needs an html or text field", source=locator))
            continue
        fmt = "html" if record.get("html") else "text"
        raw = RawDocument(name=locator, data=body.encode("utf-8"), url=record.get("url"),
                          content_type="text/html" if fmt == "html" else "text/plain", charset="utf-8")
        docs.append(CorpusDocument(raw=raw, locator=locator, fields=record, fmt=fmt))
    return docs


def ingest_records(state, records: list[dict[str, Any]]) -> IngestReport:
    """Run in the analyser's worker thread, within the analysis time limit, like a pasted article."""
    config = AnalyzeConfig(read=fetch_options(state.settings))

    def run() -> IngestReport:
        with state.corpus.db() as db:
            return ingest_documents(db, records_to_documents(records), config=config)

    return state.analyser.run_limited(run)
