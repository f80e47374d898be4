"""The Parquet tables of a batch run: Arrow schemas derived from ``newstrace.model``, and rows both ways.

Each field of a model class is a column whose Arrow type its field type gives: scalars as they are, spans as
``{start, end}`` structs into the article text (their text is rebuilt on reading), lists of strings as lists,
a nested class of scalars and spans (``Entity``, ``Embed``, ``Asserter``, ...) as a struct (or a list of them),
and anything deeper or free-form (``Relation``, ``Check.inputs``, ``metadata``) as a JSON string. Every row
carries ``doc_id`` (unique per input record) and ``article_id`` (the content hash of ``Article.id``).
"""
from __future__ import annotations

import json
import typing
from dataclasses import dataclass, fields
from typing import Any

import pyarrow as pa

from newstrace.model import (SCHEMA_VERSION, Analysis, Article, Check, Claim, Quote, Source, Span, Speaker,
                             model_class, type_choices, type_hints)

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
S, F, B, I = pa.string(), pa.float64(), pa.bool_(), pa.int64()
_SCALARS = {str: S, int: I, float: F, bool: B}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name (the field's JSON name), Arrow type, and how values are stored.

    ``role``: ``plain`` as is, ``span`` offsets only, ``struct`` a nested class (``of``) as a struct, ``json``
    a JSON string; ``many`` for a list of them.
    """

    name: str
    dtype: pa.DataType
    role: str = "plain"
    many: bool = False
    of: tuple["Column", ...] = ()
    cls: type | None = None


def model_columns(cls: type) -> tuple[Column, ...]:
    """The columns of a model class, one per field, from the field types."""
    hints = type_hints(cls)
    return tuple(_column(f.metadata.get("json", f.name), hints[f.name]) for f in fields(cls))


def _column(name: str, hint: Any) -> Column:
    choices = type_choices(hint)
    base = choices[0] if len(choices) == 1 else hint
    if typing.get_origin(base) is list:
        item = _column(name, typing.get_args(base)[0])
        if item.role != "json":
            return Column(name, pa.list_(item.dtype), item.role, True, item.of, item.cls)
        return Column(name, S, "json")
    if base is Span:
        return Column(name, SPAN, "span")
    if base in _SCALARS:
        return Column(name, _SCALARS[base])
    if typing.get_origin(base) is typing.Literal:
        return Column(name, S)
    cls = model_class(base)
    if cls is not None:
        inner = model_columns(cls)
        if all(c.role in ("plain", "span") for c in inner):
            return Column(name, pa.struct([(c.name, c.dtype) for c in inner]), "struct", of=inner, cls=cls)
    return Column(name, S, "json")


KEYS = (Column("doc_id", S, "plain"), Column("article_id", S, "plain"))
RECORD = tuple(Column(n, S, "plain") for n in ("partition", "locator", "warc_date", "schema_version"))
ARTICLE = model_columns(Article)
# One table per list of ``Analysis``; "articles" holds the article itself plus where the record came from.
CHILD_TABLES: dict[str, tuple[Column, ...]] = {
    "provenance": (Column("position", I, "plain"), *model_columns(Source)),
    "quotes": model_columns(Quote), "speakers": model_columns(Speaker), "claims": model_columns(Claim),
    "checks": model_columns(Check)}

ERRORS = pa.schema([("partition", S), ("locator", S), ("url", S), ("stage", S), ("error", S), ("message", S)])
SIGNATURES = pa.schema([("doc_id", S), ("article_id", S), ("partition", S), ("url", S), ("date", S), ("outlet", S),
                        ("minhash", pa.list_(pa.uint32())), ("shingles", pa.list_(pa.uint32()))])


def schema(columns: tuple[Column, ...]) -> pa.Schema:
    return pa.schema([(c.name, c.dtype) for c in columns])


SCHEMAS: dict[str, pa.Schema] = {
    "articles": schema(KEYS + ARTICLE + RECORD),
    **{name: schema(KEYS + cols) for name, cols in CHILD_TABLES.items()},
    "errors": ERRORS, "signatures": SIGNATURES,
}


def analysis_rows(analysis: Analysis, doc_id: str, record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysis adds to each table; ``record`` fills the articles table's record columns."""
    d = analysis.to_dict()
    keys = {"doc_id": doc_id, "article_id": analysis.article.id}
    rows = {"articles": [{**keys, **_encode_row(d["article"], ARTICLE), **record, "schema_version": SCHEMA_VERSION}]}
    for table, cols in CHILD_TABLES.items():
        items = [{**item, "position": i} for i, item in enumerate(d[table])]
        rows[table] = [{**keys, **_encode_row(item, cols)} for item in items]
    return rows


def analysis_from_rows(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Analysis:
    """Rebuild an ``Analysis`` from its articles row and its rows in the other tables.

    A column missing from an older file leaves its field at the default.
    """
    text = article["text"]
    d: dict[str, Any] = {"article": _decode_row(article, ARTICLE, text)}
    for table, cols in CHILD_TABLES.items():
        rows = sorted(children.get(table, []), key=lambda r: r.get("position") or 0)
        d[table] = [_decode_row(r, tuple(c for c in cols if c.name != "position"), text) for r in rows]
    return Analysis.from_dict(d)


def _encode_row(d: dict[str, Any], columns: tuple[Column, ...]) -> dict[str, Any]:
    return {c.name: _encode(c, d.get(c.name)) for c in columns}


def _decode_row(row: dict[str, Any], columns: tuple[Column, ...], text: str) -> dict[str, Any]:
    return {c.name: _decode(c, row[c.name], text) for c in columns if c.name in row}


def _encode(column: Column, value: Any) -> Any:
    if column.role == "json":
        return json.dumps(value, ensure_ascii=False)
    if column.many:
        return [_encode_one(column, v) for v in value or []]
    return _encode_one(column, value)


def _encode_one(column: Column, value: Any) -> Any:
    if value is None or column.role == "plain":
        return value
    if column.role == "span":
        return {"start": value["start"], "end": value["end"]}
    return _encode_row(value, column.of)


def _decode(column: Column, value: Any, text: str) -> Any:
    if column.role == "json" or isinstance(value, str) and column.role == "struct":  # older files: JSON strings
        return None if value is None else json.loads(value)
    if column.many:
        return [_decode_one(column, v, text) for v in value or []]
    return _decode_one(column, value, text)


def _decode_one(column: Column, value: Any, text: str) -> Any:
    if value is None or column.role == "plain":
        return value
    if column.role == "span":
        return Span.of(text, value["start"], value["end"]).to_dict()
    return _decode_row(value, column.of, text)
