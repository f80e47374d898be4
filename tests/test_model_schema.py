"""The data model, its JSON form and the shipped JSON Schema agree."""
from __future__ import annotations

import json
import re
import typing
from dataclasses import fields

import jsonschema
import pytest

import newstrace
from newstrace.model import (SCHEMA_VERSION, Amount, Analysis, Article, Asserter, Check, Claim, Embed, MultipleInputs,
                             Quote, Relation, Source, Span, Speaker, type_hints)
from newstrace.schema import load_schema, validate
from newstrace.schema.generate import analysis_schema

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


def test_the_shipped_schema_is_the_one_generated_from_the_model():
    # Types, required lists, enums and bounds all come from the model; the shipped file may not drift from it.
    assert load_schema() == analysis_schema()
    assert load_schema()["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


@pytest.mark.parametrize("cls", [Article, Source, Speaker, Quote, Claim, Check, Asserter, Relation, Amount,
                                 Embed, Span])
def test_every_field_is_required_with_the_type_of_its_annotation(cls):
    definition = load_schema()["$defs"][analysis_schema_name(cls)]
    hints = type_hints(cls)
    omitted = {f.name for f in fields(cls) if f.metadata.get("omit_empty")}
    json_names = {f.metadata.get("json", f.name): f.name for f in fields(cls)}
    assert set(definition["required"]) == set(cls.json_computed) | (set(json_names) - omitted)
    assert set(definition["properties"]) == set(cls.json_computed) | set(json_names)
    for json_name, name in json_names.items():
        assert _accepts(definition["properties"][json_name], hints[name]), (cls.__name__, name)


def _accepts(prop: dict, hint) -> bool:
    """Whether a schema property admits exactly the JSON kinds of a Python field type (checked independently)."""
    kinds = {str: "string", int: "integer", float: "number", bool: "boolean"}
    args = typing.get_args(hint)
    nullable = type(None) in args
    base = [a for a in args if a is not type(None)][0] if nullable and len(args) == 2 else hint
    options = prop.get("anyOf", [prop])
    if nullable and {"type": "null"} not in options and "null" not in (prop.get("type") or []) and \
            None not in prop.get("enum", [None]):
        return False
    if base in kinds:
        return kinds[base] in ([prop["type"]] if isinstance(prop.get("type"), str) else prop.get("type", []))
    if typing.get_origin(base) is typing.Literal:
        return set(prop["enum"]) - {None} == set(typing.get_args(base))
    if typing.get_origin(base) is list:
        return prop.get("type") == "array" or any(o.get("type") == "array" for o in options)
    return True  # nested classes are checked in their own definition


def analysis_schema_name(cls) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def test_checkworthy_and_source_note_are_required():
    defs = load_schema()["$defs"]
    assert "checkworthy" in defs["claim"]["required"] and "note" in defs["source"]["required"]
    text = "Tax rose."
    document = Analysis(Article(text=text), provenance=[Source("Post")],
                        claims=[Claim("C1", Span.of(text, 0, 9), 0.3, checkworthy=False)]).to_dict()
    validate(document)
    for part, key in (("claims", "checkworthy"), ("provenance", "note")):
        broken = json.loads(json.dumps(document))
        del broken[part][0][key]
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)
    document["claims"][0]["checkworthy"] = "no"
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_asserter_relation_and_check_inputs_are_typed():
    text = "The ministry paid $5 million, 10% more."
    amount = {"value": 5e6, "currency": "USD", "unit": "USD", "text": "$5 million", "span": Span.of(text, 18, 28)}
    claim = Claim("C1", Span.of(text, 0, 39), 0.9, asserter={"kind": "outlet", "name": "Post", "via": "article"},
                  relation={"type": "payment", "subject": {"text": "The ministry", "span": Span.of(text, 0, 12)},
                            "amount": amount})
    check = Check("K1", "C1", "multiple", "x", inputs={"from": 1.0, "to": 2.0, "factor": 2, "hedge": None,
                                                        "ratio": 1.0})
    assert isinstance(claim.asserter, Asserter) and claim.asserter["name"] == "Post"
    assert isinstance(claim.relation, Relation) and claim.relation.amount.currency == "USD"
    assert isinstance(check.inputs, MultipleInputs) and check.inputs.from_ == 1.0
    document = Analysis(Article(text=text), claims=[claim], checks=[check]).to_dict()
    assert set(document["claims"][0]["asserter"]) == {f.name for f in fields(Asserter)}  # the same keys every time
    assert document["checks"][0]["inputs"]["from"] == 1.0
    validate(document)
    document["checks"][0]["kind"] = "percentage"  # inputs of another kind than the check's
    with pytest.raises(jsonschema.ValidationError):
        validate(document)
    with pytest.raises(ValueError, match="no field"):
        Claim("C2", Span.of(text, 0, 4), 0.5, asserter={"kind": "outlet", "who": "?"})


def test_documents_of_schema_1_1_still_validate_and_read():
    text = "He said yes."
    old = {"schema_version": "1.1", "article": Article(text=text).to_dict(), "provenance": [],
           "quotes": [], "speakers": [], "checks": [],
           "claims": [{"id": "C1", "span": {"start": 0, "end": 12, "text": text}, "score": 0.5,
                       "asserter": {"kind": "outlet", "speaker_id": None, "name": None}, "hedges": [],
                       "negated": False, "entities": [], "relation": None}]}
    validate(old)
    back = Analysis.from_dict(old)
    assert back.claims[0].checkworthy is True and back.claims[0].asserter.via == "article"
    validate(back.to_dict())


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


def test_a_document_that_repeats_a_quote_id_is_refused():
    quote = {"id": "q1", "span": {"start": 0, "end": 3, "text": "Hi."}, "content": {"start": 0, "end": 3, "text": "Hi."}}
    document = {"article": {"text": "Hi."}, "quotes": [quote, dict(quote)]}
    with pytest.raises(ValueError, match="two quotes share the id 'q1'"):
        Analysis.from_dict(document)
    assert len(Analysis.from_dict({**document, "quotes": [quote]}).quotes) == 1
