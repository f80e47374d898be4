"""The store's tables generated from the model: what a new store is created with.

Each table that mirrors a model class (``store/columns.py``) is generated: the store's own columns first (row
number, the article it belongs to, the id within it), then one column per scalar field of the class, of the
type the field gives and ``NOT NULL`` unless the field may be None, then the columns only the store has (the
row's JSON, normalised names for search) and the table's keys. The store's other tables (versions, copies,
embeddings), its indexes and its full-text search are the migrations' statements, which also upgrade older
stores; ``tests/test_store_schema.py`` checks that a store upgraded from version 1 has the tables a new one has.
"""
from __future__ import annotations

import re
import typing
from dataclasses import fields

from newstrace.model import type_hints
from newstrace.store.columns import MIRRORS, SPAN_COLUMNS, columns
from newstrace.store.migrations import MIGRATIONS, dialect_types

_ARTICLE_CHILD = "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE"
_CHILD = ("seq {pk}", _ARTICLE_CHILD)  # the model's ``id`` of a part follows, as ``local_id``
_UNIQUE_ID = "UNIQUE (article_id, local_id)"

# table -> (the store's columns before the model's, the store's columns after them, keys)
STORE_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "articles": (("seq {pk}", "id TEXT NOT NULL UNIQUE"),
                 ("authors TEXT NOT NULL DEFAULT '[]'", "body TEXT NOT NULL", "norm_hash TEXT NOT NULL",
                  "analysis TEXT NOT NULL", "ingested_at TEXT NOT NULL"), ()),
    "speakers": (_CHILD, ("norm_name TEXT NOT NULL", "aliases TEXT NOT NULL DEFAULT '[]'",
                               "mentions TEXT NOT NULL DEFAULT '[]'"), (_UNIQUE_ID,)),
    "quotes": (_CHILD, ("text TEXT NOT NULL", "content TEXT NOT NULL", "speaker_name TEXT",
                             "norm_speaker TEXT", "data TEXT NOT NULL"),
               (_UNIQUE_ID, "FOREIGN KEY (article_id, speaker_id) REFERENCES speakers(article_id, local_id)")),
    "claims": (_CHILD, ("text TEXT NOT NULL", "asserter_kind TEXT", "asserter_name TEXT", "speaker_id TEXT",
                             "data TEXT NOT NULL"), (_UNIQUE_ID,)),
    "checks": (_CHILD, ("data TEXT NOT NULL",),
               (_UNIQUE_ID, "FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, local_id)")),
    "entities": (_CHILD, ("text TEXT NOT NULL", "norm TEXT NOT NULL"), ()),
    "provenance": ((*_CHILD, "position INTEGER NOT NULL"), ("data TEXT NOT NULL",), ("UNIQUE (article_id, position)",)),
    "boilerplate": (_CHILD, (), ()),
}
# Kept nullable though the model says always a string: every store so far has it so (SQLite cannot tighten a
# column in place), and a saved analysis from elsewhere may carry a null there, which must not fail its write.
NULLABLE = {("provenance", "signal")}

_CREATED = re.compile(r"\s*CREATE TABLE (\w+)")
_ADDED = re.compile(r"\s*ALTER TABLE (\w+) ADD COLUMN (\w+)")


def model_columns(table: str) -> list[str]:
    """The column definitions of ``table``'s model fields, in field order."""
    cls, renamed = MIRRORS[table]
    kinds, hints = columns(table), type_hints(cls)
    out = []
    for f in fields(cls):
        names = SPAN_COLUMNS if f.name == "span" else (renamed.get(f.name, f.name),)
        for name in (n for n in names if n in kinds):
            optional = f.name != "span" and type(None) in typing.get_args(hints[f.name]) or (table, name) in NULLABLE
            kind = "{float}" if kinds[name] == "REAL" else kinds[name]
            out.append(f"{name} {kind}" + ("" if optional else " NOT NULL"))
    return out


def create_table(table: str) -> str:
    """``CREATE TABLE`` for a table that mirrors a model class (``{pk}`` and ``{float}`` are the dialect's)."""
    before, after, keys = STORE_COLUMNS[table]
    parts = [*before, *model_columns(table), *after, *keys]
    return f"CREATE TABLE {table} (\n    " + ",\n    ".join(parts) + ")"


def fresh_schema(dialect: str) -> list[str]:
    """Every statement that creates a new store at the latest version: the generated tables, then what the
    migrations add besides them (the store's own tables, indexes, full-text search)."""
    types = dialect_types(dialect)
    generated = [create_table(t).format(**types) for t in MIRRORS]
    return generated + [s for m in MIGRATIONS for s in m.statements(dialect) if not _replaced(s)]


def _replaced(statement: str) -> bool:
    """Whether the generated tables already do what ``statement`` did for older stores: create a mirrored
    table, add one of its model columns, or fill such a column from the rows' JSON."""
    if statement.lstrip().startswith("UPDATE "):
        return True
    if created := _CREATED.match(statement):
        return created.group(1) in MIRRORS
    if added := _ADDED.match(statement):
        table, column = added.groups()
        return table in MIRRORS and any(d.split()[0] == column for d in model_columns(table))
    return False

