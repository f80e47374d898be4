"""One sentence asserting several things becomes several claims."""
from newstrace.claims.segment import clauses


def first_sentence(nlp, text):
    return next(iter(nlp(text).sents))


def test_two_independent_clauses_are_split(nlp):
    parts = clauses(first_sentence(nlp, "Unemployment rose 5% last year, and exports fell by 3 billion dollars."))
    assert [p.text for p in parts] == ["Unemployment rose 5% last year", "exports fell by 3 billion dollars"]


def test_semicolon_splits(nlp):
    parts = clauses(first_sentence(nlp, "The army said 12 soldiers died; the rebels claimed 40 were killed."))
    assert len(parts) == 2 and parts[1].text.startswith("the rebels")


def test_shared_subject_stays_one_claim(nlp):
    assert [p.text for p in clauses(first_sentence(nlp, "Prices rose and fell."))] == ["Prices rose and fell."]
