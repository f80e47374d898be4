"""Which model fields are columns of which store table, and their SQL types, derived from ``newstrace.model``.

Each part table mirrors one model class: every scalar field (text, number, flag, one of a few values) is a
column of the type its field type gives, a field named ``span`` is ``start_char``/``end_char``, and the rest
(other spans, lists, nested objects) lives in the row's JSON (``data``, or ``analysis`` for articles). A new
store's tables are generated from these columns (``store/schema.py``); ``tests/test_store_schema.py`` checks that
the migrations give an older store the same, so a field added to the model without a migration fails there.
"""
from __future__ import annotations

import functools
import typing
from dataclasses import fields
from typing import Any

from newstrace.model import (Article, Boilerplate, Check, Claim, Entity, Model, Quote, Source, Speaker, type_choices,
                             type_hints)

# table -> (model class, field -> column where they differ)
MIRRORS: dict[str, tuple[type, dict[str, str]]] = {
    "articles": (Article, {}),
    "speakers": (Speaker, {"id": "local_id"}),
    "quotes": (Quote, {"id": "local_id"}),
    "claims": (Claim, {"id": "local_id"}),
    "checks": (Check, {"id": "local_id"}),
    "entities": (Entity, {}),
    "provenance": (Source, {}),
    "boilerplate": (Boilerplate, {}),
}
SPAN_COLUMNS = ("start_char", "end_char")


def sql_type(hint: Any) -> str | None:
    """``TEXT``, ``INTEGER`` (also flags) or ``REAL`` for a scalar field type; None for anything else."""
    args = type_choices(hint)
    if len(args) != 1:
        return None
    base = args[0]
    if typing.get_origin(base) is typing.Literal or base is str:
        return "TEXT"
    return {bool: "INTEGER", int: "INTEGER", float: "REAL"}.get(base)


def columns(table: str) -> dict[str, str]:
    """The columns ``table`` has for its model class's fields: column -> SQL type."""
    cls, renamed = MIRRORS[table]
    hints = type_hints(cls)
    out: dict[str, str] = {}
    for f in fields(cls):
        if f.name == "span":
            out.update({c: "INTEGER" for c in SPAN_COLUMNS})
        elif (kind := sql_type(hints[f.name])) is not None:
            out[renamed.get(f.name, f.name)] = kind
    return out


def row(table: str, obj: Model, **extra: Any) -> dict[str, Any]:
    """The mirrored column values of ``obj`` (flags as 0/1), with ``extra`` columns added or replacing them."""
    cls, renamed = MIRRORS[table]
    out: dict[str, Any] = {}
    for f in fields(cls):
        value = getattr(obj, f.name)
        if f.name == "span":
            out["start_char"], out["end_char"] = value.start, value.end
        elif f.name in _scalar_fields(cls):
            out[renamed.get(f.name, f.name)] = int(value) if isinstance(value, bool) else value
    return out | extra


def insert(table: str, rows: list[dict[str, Any]]) -> tuple[str, list[tuple]]:
    """An INSERT statement and its parameter rows (every row has the same columns)."""
    if not rows:
        return "", []
    names = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    return sql, [tuple(r[n] for n in names) for r in rows]


@functools.cache
def _scalar_fields(cls: type) -> frozenset[str]:
    """Worked out once per class: ``row`` asks for every field of every row written."""
    hints = type_hints(cls)
    return frozenset(f.name for f in fields(cls) if f.name != "span" and sql_type(hints[f.name]) is not None)
