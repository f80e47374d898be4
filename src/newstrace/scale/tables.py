"""The Parquet tables of a batch run: Arrow schemas, and ``Analysis`` objects to rows and back.

Spans are stored as ``{start, end}`` structs into the article text (their text is rebuilt on reading);
free-form dictionaries are stored as JSON strings. Every row carries ``doc_id`` (unique per input record)
and ``article_id`` (the content hash of ``Article.id``, equal for identical texts).
"""
from __future__ import annotations

import json
from typing import Any, Callable

import pyarrow as pa

from newstrace.model import SCHEMA_VERSION, Analysis, Span

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
SPANS = pa.list_(SPAN)
STRINGS = pa.list_(pa.string())
S, F, B, I = pa.string(), pa.float64(), pa.bool_(), pa.int64()

# Column roles: "plain" as is, "span"/"spans" offsets only, "json" a JSON string of the value.
Columns = list[tuple[str, pa.DataType, str]]
KEYS: Columns = [("doc_id", S, "plain"), ("article_id", S, "plain")]

ARTICLE: Columns = [
    ("url", S, "plain"), ("title", S, "plain"), ("title_span", SPAN, "span"), ("authors", STRINGS, "plain"),
    ("outlet", S, "plain"), ("published", S, "plain"), ("updated", S, "plain"), ("language", S, "plain"),
    ("source_format", S, "plain"), ("text", S, "plain"), ("paragraphs", SPANS, "spans"),
    ("sentences", SPANS, "spans"),
    ("entities", pa.list_(pa.struct([("label", S), ("span", SPAN)])), "entities"),
    ("boilerplate", S, "json"), ("links", S, "json"), ("signals", S, "json"), ("metadata", S, "json"),
]
PROVENANCE: Columns = [
    ("position", I, "plain"), ("name", S, "plain"), ("kind", S, "plain"), ("role", S, "plain"), ("date", S, "plain"),
    ("url", S, "plain"), ("journalist", S, "plain"), ("evidence", SPANS, "spans"), ("signal", S, "plain"),
    ("note", S, "plain"),
]
QUOTES: Columns = [
    ("id", S, "plain"), ("kind", S, "plain"), ("span", SPAN, "span"), ("content", SPAN, "span"), ("cue", SPAN, "span"),
    ("cue_lemma", S, "plain"), ("speaker_mention", SPAN, "span"), ("speaker_id", S, "plain"), ("venue", SPAN, "span"),
    ("addressee", SPAN, "span"), ("nested_source", SPAN, "span"), ("confidence", F, "plain"), ("inferred", B, "plain"),
    ("type", S, "plain"),
]
SPEAKERS: Columns = [
    ("id", S, "plain"), ("name", S, "plain"), ("kind", S, "plain"), ("aliases", STRINGS, "plain"), ("role", S, "plain"),
    ("affiliation", S, "plain"), ("mentions", SPANS, "spans"),
]
CLAIMS: Columns = [
    ("id", S, "plain"), ("span", SPAN, "span"), ("score", F, "plain"), ("asserter", S, "json"),
    ("hedges", STRINGS, "plain"), ("negated", B, "plain"), ("entities", S, "json"), ("relation", S, "json"),
]
CHECKS: Columns = [
    ("id", S, "plain"), ("claim_id", S, "plain"), ("kind", S, "plain"), ("computation", S, "plain"),
    ("inputs", S, "json"), ("expected", S, "json"), ("stated", S, "json"), ("verdict", S, "plain"),
]
# One table per list of ``Analysis``; "articles" holds the article itself plus where the record came from.
CHILD_TABLES: dict[str, Columns] = {"provenance": PROVENANCE, "quotes": QUOTES, "speakers": SPEAKERS,
                                    "claims": CLAIMS, "checks": CHECKS}
RECORD: Columns = [("partition", S, "plain"), ("locator", S, "plain"), ("warc_date", S, "plain"),
                   ("schema_version", S, "plain")]

ERRORS = pa.schema([("partition", S), ("locator", S), ("url", S), ("stage", S), ("error", S), ("message", S)])
SIGNATURES = pa.schema([("doc_id", S), ("article_id", S), ("partition", S), ("url", S), ("date", S), ("outlet", S),
                        ("minhash", pa.list_(pa.uint32())), ("shingles", pa.list_(pa.uint32()))])


def schema(columns: Columns) -> pa.Schema:
    return pa.schema([(name, dtype) for name, dtype, _ in columns])


SCHEMAS: dict[str, pa.Schema] = {
    "articles": schema(KEYS + ARTICLE + RECORD),
    **{name: schema(KEYS + cols) for name, cols in CHILD_TABLES.items()},
    "errors": ERRORS, "signatures": SIGNATURES,
}


def analysis_rows(analysis: Analysis, doc_id: str, record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysis adds to each table; ``record`` fills the articles table's record columns."""
    d = analysis.to_dict()
    keys = {"doc_id": doc_id, "article_id": analysis.article.id}
    rows = {"articles": [{**keys, **_encode(d["article"], ARTICLE), **record, "schema_version": SCHEMA_VERSION}]}
    for table, cols in CHILD_TABLES.items():
        items = [{**item, "position": i} for i, item in enumerate(d[table])]
        rows[table] = [{**keys, **_encode(item, cols)} for item in items]
    return rows


def analysis_from_rows(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Analysis:
    """Rebuild an ``Analysis`` from its articles row and its rows in the other tables."""
    text = article["text"]
    d: dict[str, Any] = {"article": {**_decode(article, ARTICLE, text), "id": article["article_id"]}}
    for table, cols in CHILD_TABLES.items():
        rows = sorted(children.get(table, []), key=lambda r: r.get("position") or 0)
        d[table] = [_decode(r, [c for c in cols if c[0] != "position"], text) for r in rows]
    return Analysis.from_dict(d)


def _encode(d: dict[str, Any], columns: Columns) -> dict[str, Any]:
    return {name: _ENCODERS[role](d.get(name)) for name, _, role in columns}


def _decode(row: dict[str, Any], columns: Columns, text: str) -> dict[str, Any]:
    return {name: _DECODERS[role](row.get(name), text) for name, _, role in columns}


def _span_out(s: dict[str, Any] | None) -> dict[str, int] | None:
    return None if s is None else {"start": s["start"], "end": s["end"]}


def _span_in(s: dict[str, Any] | None, text: str) -> dict[str, Any] | None:
    return None if s is None else Span.of(text, s["start"], s["end"]).to_dict()


_ENCODERS: dict[str, Callable[[Any], Any]] = {
    "plain": lambda v: v,
    "span": _span_out,
    "spans": lambda v: [_span_out(s) for s in v or []],
    "entities": lambda v: [{"label": e["label"], "span": _span_out(e["span"])} for e in v or []],
    "json": lambda v: json.dumps(v, ensure_ascii=False),
}
_DECODERS: dict[str, Callable[[Any, str], Any]] = {
    "plain": lambda v, t: v,
    "span": _span_in,
    "spans": lambda v, t: [_span_in(s, t) for s in v or []],
    "entities": lambda v, t: [{"label": e["label"], "span": _span_in(e["span"], t)} for e in v or []],
    "json": lambda v, t: None if v is None else json.loads(v),
}
