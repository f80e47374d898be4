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


def test_a_claim_never_starts_inside_a_dateline(nlp):
    for text in ("SPRINGFIELD, June 3, 2021 - The city council approved the budget of 4.2 million euros.",
                 ", June 3, 2021 - The city council approved the budget of 4.2 million euros.",
                 "KYIV, Ukraine (AP) — The city council approved the budget of 4.2 million euros."):
        parts = clauses(first_sentence(nlp, text))
        assert [p.text for p in parts] == ["The city council approved the budget of 4.2 million euros."]


def test_a_sentence_that_is_only_a_dateline_is_no_claim(nlp):
    doc = nlp("WASHINGTON, Tuesday, March 2 (Reuters) - The Senate passed the bill.")
    assert [[p.text for p in clauses(s)] for s in doc.sents][-1] == ["The Senate passed the bill."]
    assert all(not p.text.startswith(("WASHINGTON", ",")) for s in doc.sents for p in clauses(s))


def test_a_body_sentence_with_a_date_keeps_its_start(nlp):
    text = "The Senate passed the bill on June 3, 2021 - a day early, officials said."
    assert clauses(first_sentence(nlp, text))[0].text.startswith("The Senate passed")
