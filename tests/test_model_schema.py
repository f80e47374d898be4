"""The data model, its JSON form and the shipped JSON Schema agree."""
from __future__ import annotations

import json
from dataclasses import fields

import jsonschema
import pytest

import newstrace
from newstrace.model import Analysis, Article, Check, Embed, Claim, Quote, Source, Span, Speaker
from newstrace.schema import load_schema, validate

from conftest import EXAMPLES

SAMPLES = sorted(p for p in EXAMPLES.iterdir() if p.name != "NOTICE")


@pytest.fixture(scope="module")
def analyses(nlp):
    return {p.name: newstrace.analyze_path(str(p)) for p in SAMPLES}


def test_every_sample_validates_against_the_schema(analyses):
    assert len(analyses) >= 8
    for analysis in analyses.values():
        document = json.loads(json.dumps(analysis.to_dict()))
        validate(document)
        assert list(document) == ["schema_version", "article", "provenance", "quotes", "speakers", "claims", "checks"]


def test_every_span_in_the_output_points_at_its_text(analyses):
    def spans(value):
        if isinstance(value, dict):
            if set(value) == {"start", "end", "text"}:
                yield value
            for v in value.values():
                yield from spans(v)
        elif isinstance(value, list):
            for v in value:
                yield from spans(v)

    for analysis in analyses.values():
        document = analysis.to_dict()
        text = document["article"]["text"]
        found = list(spans(document))
        assert found
        for span in found:
            assert text[span["start"]:span["end"]] == span["text"]


def test_json_round_trip(analyses):
    for analysis in analyses.values():
        document = analysis.to_dict()
        assert Analysis.from_dict(json.loads(json.dumps(document))).to_dict() == document


def test_article_id_is_the_content_hash():
    a, b = Article(text="same text"), Article(text="same text", url="https://elsewhere.example")
    assert a.id == b.id and len(a.id) == 64
    assert Article(text="other").id != a.id


@pytest.mark.parametrize("cls,definition", [(Quote, "quote"), (Speaker, "speaker"), (Claim, "claim"),
                                            (Check, "check"), (Source, "source")])
def test_schema_lists_every_model_field(cls, definition):
    schema = load_schema()["$defs"][definition]
    assert {f.name for f in fields(cls)} == set(schema["properties"])


def test_schema_lists_every_article_field():
    schema = load_schema()["$defs"]["article"]
    assert set(Article(text="x").to_dict()) == set(schema["required"])
    # ``embeds`` is written only when the page has embedded posts, so documents without any stay as they were.
    with_embed = Article(text="x", embeds=[Embed("youtube", None, "https://www.youtube.com/embed/x")])
    assert set(with_embed.to_dict()) == set(schema["properties"]) == set(schema["required"]) | {"embeds"}


def test_schema_rejects_a_document_with_a_broken_span():
    document = Analysis(Article(text="abc", paragraphs=[Span.of("abc", 0, 3)])).to_dict()
    document["article"]["paragraphs"][0]["start"] = -1
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_schema_rejects_unknown_quote_kind():
    text = "He said yes."
    quote = Quote(id="q1", span=Span.of(text, 0, 12), content=Span.of(text, 8, 11), kind="direct")
    document = Analysis(Article(text=text), quotes=[quote]).to_dict()
    validate(document)
    document["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        validate(document)
