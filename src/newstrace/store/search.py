"""Full-text search, the same question asked of SQLite FTS5 or PostgreSQL ``tsvector`` columns."""
from __future__ import annotations

from newstrace.store.connection import Database

SEARCHABLE = ("articles", "quotes", "claims")


def text_match(db: Database, table: str, alias: str) -> str:
    """A WHERE fragment (one ``?`` for the phrase) true when the row of ``table`` contains the phrase."""
    assert table in SEARCHABLE
    if db.dialect == "sqlite":
        return f"{alias}.seq IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"
    return f"{alias}.tsv @@ phraseto_tsquery('english', ?)"


def phrase(db: Database, text: str) -> str:
    """The user's words as one phrase in the dialect's query syntax (no operators interpreted)."""
    if db.dialect == "sqlite":
        return '"' + " ".join(text.split()).replace('"', '""') + '"'
    return text


def search(db: Database, text: str, table: str = "articles", limit: int = 50) -> list[dict]:
    """Rows of ``table`` whose text contains ``text`` as a phrase (stemmed), best-ranked first in SQLite."""
    columns = {"articles": "a.id, a.title, a.outlet, a.url",
               "quotes": "a.article_id, a.local_id, a.text", "claims": "a.article_id, a.local_id, a.text"}[table]
    return db.rows(f"SELECT {columns} FROM {table} a WHERE {text_match(db, table, 'a')} ORDER BY a.seq LIMIT ?",
                   (phrase(db, text), limit))
