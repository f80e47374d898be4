"""The web UI's one door to the store: every read and write it makes, as named methods returning plain data.

A connection is opened per call (cheap for SQLite, and safe across the server's worker threads); the
schema is brought up to date once, when the ``Corpus`` is created.
"""
from __future__ import annotations

import contextlib
import sqlite3
from typing import Any, Iterator

from newstrace.model import Analysis
from newstrace.report import corpus_data
from newstrace.store import Saved, StoreOptions, connect, open_store, query, save_analysis
from newstrace.store.connection import Database
from newstrace.store.search import search as fts_search

SEARCH_KINDS = ("articles", "speakers", "quotes", "claims")


class Corpus:
    """The store behind the web UI."""

    def __init__(self, url: str, options: StoreOptions = StoreOptions()):
        self.url, self.options = url, options
        open_store(url, options).close()  # create or migrate now, so a bad --db fails at start-up

    @contextlib.contextmanager
    def db(self) -> Iterator[Database]:
        store = connect(self.url, self.options)
        try:
            yield store
        finally:
            store.close()

    def stats(self) -> dict[str, int]:
        with self.db() as db:
            return corpus_data.counts(db)

    def articles(self, *, outlet: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with self.db() as db:
            return corpus_data.list_articles(db, outlet=outlet, limit=limit, offset=offset)

    def story(self, ref: str) -> dict[str, Any]:
        """The stored analysis of ``ref`` (id, prefix, URL) with its versions and copies."""
        with self.db() as db:
            return query.story(db, ref)

    def analysis(self, ref: str) -> Analysis:
        with self.db() as db:
            return corpus_data.load_analysis(db, query.resolve_article(db, ref))

    def stored_article_for(self, url: str | None) -> str | None:
        with self.db() as db:
            return corpus_data.article_id_for_url(db, url)

    def search(self, text: str, kind: str, *, limit: int = 50) -> list[dict[str, Any]]:
        text = " ".join(text.split())
        if not text:
            return []
        with self.db() as db:
            try:
                if kind == "articles":
                    return fts_search(db, text, "articles", limit)
                if kind == "speakers":
                    return corpus_data.find_speakers(db, text, limit=limit)
                if kind == "quotes":
                    return query.quotes(db, about=text, limit=limit)
                return query.claims(db, about=text, limit=limit)
            except sqlite3.OperationalError:
                return []  # FTS could not parse the words (e.g. only punctuation): nothing matches

    def speakers(self, *, outlet: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        with self.db() as db:
            return query.speakers(db, outlet=outlet, limit=limit)

    def speaker(self, key: str) -> dict[str, Any] | None:
        with self.db() as db:
            found = corpus_data.speaker_detail(db, key)
            if found:
                found["quotes"] = query.quotes(db, speaker=key, limit=500)
            return found

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        with self.db() as db:
            return query.quotes(db, **filters)

    def outlets(self, *, limit: int = 500) -> list[dict[str, Any]]:
        with self.db() as db:
            return query.sources(db, limit=limit)

    def edges(self) -> list[corpus_data.Edge]:
        with self.db() as db:
            return corpus_data.republication_edges(db)

    def claims(self, *, about: str | None = None, checks: str | None = None, limit: int = 100) -> list[dict]:
        with self.db() as db:
            return query.claims(db, about=about or None, checks=checks or None, limit=limit)

    def corroboration(self, *, claim: str | None = None, article: str | None = None,
                      semantic: bool | None = None) -> list[dict[str, Any]]:
        with self.db() as db:
            return corpus_data.claim_origins(db, claim=claim, article=article, semantic=semantic, limit=500)

    def corroboration_summaries(self, keys: list[str], *, semantic: bool | None = None) -> dict[str, str]:
        with self.db() as db:
            return corpus_data.corroboration_summaries(db, keys, semantic=semantic)

    def save(self, analysis: Analysis, *, locator: str | None = None) -> Saved:
        with self.db() as db:
            return save_analysis(db, analysis, locator=locator)
