"""Corroboration does not invent contradictions: negation read in the claim's own clause, dismissals and
denials, "not only … but also", dates of different events; a contradiction shows its rule and both spans."""
from __future__ import annotations

import pytest

from newstrace.corpus.agreement import LEXICAL, Thresholds, decide, facts, word_similarity


def decision(a: str, b: str):
    fa, fb = facts(a), facts(b)
    return decide(fa, fb, word_similarity(fa, fb), LEXICAL)


def relation(a: str, b: str) -> str:
    return decision(a, b).relation


DISMISSED = "The mayor dismissed the criticism and said the new line would open by 2020."


def test_dismissing_the_criticism_and_saying_x_asserts_x():
    assert relation(DISMISSED, "The new line will open by 2020, the mayor said.") == "same"
    assert relation(DISMISSED, "The mayor rejected the complaints and said the new line would open by 2020.") == "same"


def test_dismissing_the_criticism_still_contradicts_the_negated_claim():
    assert relation(DISMISSED, "The mayor said the new line would not open by 2020.") == "contradicts"


def test_not_only_x_but_also_y_asserts_both():
    both = "The storm did not only flood the harbour but also damaged the bridge."
    assert relation(both, "The storm damaged the bridge.") == "same"
    assert relation("Police not only arrested 14 people but also seized weapons.", "Police arrested 14 people.") \
        == "same"
    assert relation(both, "The storm did not damage the bridge.") == "contradicts"


def test_denied_reports_that_x_disputes_x():
    denied = "The club denied reports that its coach had resigned."
    assert relation(denied, "The club's coach has resigned.") == "contradicts"
    assert relation(denied, "The club rejected claims that its coach had resigned.") == "same"


@pytest.mark.parametrize("negated", [
    "The minister, who did not attend the meeting, said the budget would rise by 5 percent.",
    "The mayor said the budget would rise by 5 percent, although she would not give a cost.",
    "Officials, speaking on condition they not be named, said the budget would rise by 5 percent.",
])
def test_a_negation_outside_the_claims_clause_does_not_negate_it(negated):
    assert relation(negated, "The budget will rise by 5 percent, the minister said.") == "same"


def test_a_negated_copula_contradicts():
    assert relation("The referendum result is legally binding.", "The referendum result is not legally binding.") \
        == "contradicts"


def test_dates_of_different_events_are_no_contradiction():
    review, vote = "The committee will review the tram plan on Friday.", "The committee voted on the tram plan on Wednesday."
    assert relation(review, vote) == "unrelated"
    # the date rule on its own, as under MiniLM matching (which does not ask for corresponding predicates)
    fa, fb = facts(review), facts(vote)
    found = decide(fa, fb, 0.9, Thresholds(predicates=False))
    assert found.relation == "unrelated" and "different events (review vs vote)" in found.reasons[0]


def test_dates_of_the_same_event_contradict():
    found = decision("The city council approved the tram line budget on Tuesday.",
                     "The city council approved the tram line budget on Thursday.")
    assert found.relation == "contradicts"
    assert found.evidence[0]["claim"]["text"] == "Tuesday" and found.evidence[0]["other"]["text"] == "Thursday"


def test_a_contradiction_shows_the_rule_and_both_spans():
    a = "The city council approved the tram line budget on Tuesday."
    b = "The city council did not approve the tram line budget on Tuesday."
    found = decision(a, b)
    assert found.relation == "contradicts" and [e["rule"] for e in found.evidence] == ["polarity"]
    evidence = found.evidence[0]
    assert evidence["claim"]["text"] == "approved" and evidence["other"]["text"] == "not approve"
    assert b[evidence["other"]["start"]:evidence["other"]["end"]] == "not approve"
    numbers = decision("Police arrested 14 people after the match.", "Police arrested 40 people after the match.")
    assert numbers.relation == "contradicts" and numbers.evidence[0]["rule"] == "numbers"
    assert (numbers.evidence[0]["claim"]["text"], numbers.evidence[0]["other"]["text"]) == ("14", "40")


def test_differing_figures_on_claims_not_close_enough_are_not_the_same_claim():
    # Close enough to be related, too far apart to say the figure is the same figure: neither same nor opposite.
    found = decision("The coach was hired in 2018.", "The coach was sacked in 2021.")
    assert found.relation == "unrelated"


@pytest.mark.parametrize("a, b, expected", [
    # "denied" is both the negation and a pole of the outcome axis ("confirmed"): it flips once, not twice
    ("The club denied reports that its coach had resigned.", "The club confirmed reports that its coach had resigned.",
     "contradicts"),
    ("The government denied that it had paid the ransom.", "The government said it had not paid the ransom.", "same"),
    # the same words around another predicate are another claim
    ("The city council approved the tram line budget on Tuesday.",
     "The tram line will have twelve stops, the city council said.", "unrelated"),
    ("The mayor signed the contract with the builder.", "The mayor refused to sign the contract with the builder.",
     "contradicts"),
])
def test_denials_refusals_and_predicates(a, b, expected):
    assert relation(a, b) == expected
