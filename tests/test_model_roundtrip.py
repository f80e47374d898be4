"""One document, every form: JSON, SQLite, PostgreSQL and Parquet give back the same analysis.

Documents are drawn by hypothesis from the model's own field types (every class, every optional field, spans
into one text), so a field added to the model is exercised here without touching this file.
"""
from __future__ import annotations

import json
import typing
from dataclasses import fields

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstrace.model import CHECK_INPUTS, Analysis, Article, Check, Claim, Embed, Model, Span, type_hints
from newstrace.scale.tables import SCHEMAS, analysis_from_rows, analysis_rows
from newstrace.schema import validate
from newstrace.store import open_store
from newstrace.store.query import load_analysis
from newstrace.store.write import save_analysis

# PostgreSQL text cannot hold NUL, and UTF-8 (Parquet, the databases) no lone surrogates.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)
JSON_SCALARS = st.none() | st.booleans() | st.integers(-10**9, 10**9) | TEXT | st.floats(
    allow_nan=False, allow_infinity=False)


def _strategy(hint, text: str, schema: dict):
    """Values of a field type; spans point into ``text``; ``schema`` bounds numbers as the JSON Schema does."""
    if hint is typing.Any:
        return JSON_SCALARS
    if hint is Span:
        return st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
            lambda ab: Span.of(text, min(ab), max(ab)))
    if hint is str:
        return TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(0, 10**12)
    if hint is float:
        return st.floats(schema.get("minimum", -1e12), schema.get("maximum", 1e12), allow_nan=False)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        return st.lists(_strategy(args[0], text, {}), max_size=2)
    if origin is dict:
        return st.dictionaries(TEXT, _strategy(args[1], text, {}) if args else JSON_SCALARS, max_size=2)
    if isinstance(hint, type) and issubclass(hint, Model):
        return _model(hint, text)
    if args:  # X | None, or several types
        return st.one_of([st.none() if a is type(None) else _strategy(a, text, schema) for a in args])
    raise TypeError(f"no strategy for {hint!r}")


def _model(cls: type, text: str):
    if cls is Check:
        return st.sampled_from(sorted(CHECK_INPUTS)).flatmap(lambda kind: _fields(Check, text, kind=st.just(kind),
            inputs=st.none() | _model(CHECK_INPUTS[kind], text)))
    return _fields(cls, text)


def _fields(cls: type, text: str, **given_fields):
    hints = type_hints(cls)
    parts = {f.name: given_fields[f.name] if f.name in given_fields else
             _strategy(hints[f.name], text, f.metadata.get("schema", {}))
             for f in fields(cls) if f.name != "text" or cls is not Article}
    if cls is Article:
        parts["text"] = st.just(text)
    return st.fixed_dictionaries(parts).map(lambda kw: cls(**kw))


@st.composite
def analyses(draw) -> Analysis:
    text = draw(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1,
                        max_size=80))
    analysis = draw(_fields(Analysis, text, article=_model(Article, text)))
    # ids are unique within an article (the store keys rows by them): a drawn duplicate gets a suffix
    for items in (analysis.quotes, analysis.speakers, analysis.claims, analysis.checks):
        seen: set[str] = set()
        for n, item in enumerate(items):
            if getattr(item, "id", None) is not None and item.id in seen:
                item.id = f"{item.id}~{n}"
            seen.add(getattr(item, "id", None))
    return analysis


def through_parquet(analysis: Analysis) -> Analysis:
    rows = analysis_rows(analysis, "d1", {"partition": "p", "locator": "x", "warc_date": None})
    back = {t: pa.Table.from_pylist(r, schema=SCHEMAS[t]).to_pylist() for t, r in rows.items()}
    return analysis_from_rows(back["articles"][0], {t: r for t, r in back.items() if t != "articles"})


def through_store(db, analysis: Analysis) -> Analysis:
    with db.transaction():
        db.execute("DELETE FROM articles")  # one content hash per example: the previous example must not win
    saved = save_analysis(db, analysis)
    return load_analysis(db, saved.article_id)


ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(analyses())
def test_every_document_is_valid_and_survives_json_and_parquet(analysis):
    document = analysis.to_dict()
    validate(json.loads(json.dumps(document)))
    assert Analysis.from_dict(json.loads(json.dumps(document))).to_dict() == document
    assert through_parquet(analysis).to_dict() == document


@pytest.mark.parametrize("dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_every_document_survives_the_store(dialect, tmp_path, request):
    url = str(tmp_path / "store.db") if dialect == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(url) as db:
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(analyses())
        def survives(analysis):
            assert through_store(db, analysis).to_dict() == analysis.to_dict()
        survives()


def _below_threshold_claim_with_an_embed() -> Analysis:
    text = "The council paid $5 million. See the post."
    article = Article(text=text, paragraphs=[Span.of(text, 0, 28)],
                      embeds=[Embed("twitter", Span.of(text, 29, 42), "https://x.com/a/status/1", "@a")])
    claim = Claim(id="C1", span=Span.of(text, 0, 28), score=0.2, checkworthy=False)
    return Analysis(article, claims=[claim])


def test_a_claim_below_the_threshold_stays_below_it_after_parquet():
    back = through_parquet(_below_threshold_claim_with_an_embed())
    assert back.claims[0].checkworthy is False


def test_embedded_posts_survive_parquet():
    back = through_parquet(_below_threshold_claim_with_an_embed())
    assert [(e.platform, e.span.text, e.handle) for e in back.article.embeds] == [("twitter", "See the post.", "@a")]


def test_the_store_has_the_below_threshold_mark_in_its_column(db_url):
    with open_store(db_url) as db:
        save_analysis(db, _below_threshold_claim_with_an_embed())
        assert db.scalar("SELECT checkworthy FROM claims") == 0
        assert load_analysis(db, db.scalar("SELECT id FROM articles")).article.embeds[0].handle == "@a"

