"""Pipeline options a user can set: --no-semantic scores check-worthiness without computing embeddings."""
from __future__ import annotations

import pytest

from newstrace.claims import embeddings
from newstrace.claims.checkworthiness import load_model
from newstrace.pipeline import AnalyzeConfig, analyze

TEXT = ("Ministry paid contractor\n\nThe ministry paid the contractor $5 million in 2019, officials said. "
        "Unemployment fell to 4 percent last year. I love this city.\n")


def test_no_semantic_never_computes_embeddings(monkeypatch, nlp):
    def refuse(texts, batch_size=64):
        raise AssertionError("embeddings computed although semantic=False")

    monkeypatch.setattr(embeddings, "encode", refuse)
    analysis = analyze(TEXT, config=AnalyzeConfig(semantic=False))
    assert analysis.claims
    lexical = load_model(False)
    assert not lexical.semantic
    assert all(0 <= c.score <= 1 for c in analysis.claims)


@pytest.mark.skipif(not embeddings.available(), reason="the [semantic] extra is not installed")
def test_semantic_scores_differ_from_lexical(nlp):
    lexical = analyze(TEXT, config=AnalyzeConfig(semantic=False))
    semantic = analyze(TEXT, config=AnalyzeConfig(semantic=True))
    assert [c.span for c in lexical.claims if c.checkworthy] or [c.span for c in semantic.claims]
    assert {c.span.text: c.score for c in lexical.claims} != {c.span.text: c.score for c in semantic.claims}
