"""The provenance cases in tests/data/provenance_{cases,holdout}.json: each article's chain, earliest first.

Every case is written in the conventions of a real outlet or wire service (the texts are invented).
A chain must match exactly (outlets and roles, in order); dates and journalists where the case gives
them; names in ``forbid`` must not appear; every link points at evidence inside the article.
"""
from __future__ import annotations

import pytest

from newstrace.extract import extract_string
from newstrace.nlp import parse_article
from newstrace.provenance import build_chain, outlets
from bench.provenance_eval import case_document, load_cases, score_chain

from conftest import TEST_DATA

MAIN = load_cases(TEST_DATA / "provenance_cases.json")
CASES = MAIN + load_cases(TEST_DATA / "provenance_holdout.json")


def test_there_are_at_least_thirty_cases_with_misleading_and_empty_ones():
    assert len(MAIN) >= 30
    assert sum(1 for c in CASES if c["id"].startswith("misleading")) >= 3
    assert sum(1 for c in CASES if len(c["expected"]) == 1 and c["expected"][0]["role"] == "origin") >= 5


@pytest.fixture(scope="module")
def chains(nlp):
    found = {}
    for case in CASES:
        text, fmt = case_document(case)
        article = extract_string(text, fmt=fmt, url=case.get("url"))
        parse_article(article, nlp)
        found[case["id"]] = (article, build_chain(article))
    return found


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_chain_matches_expected(case, chains):
    article, chain = chains[case["id"]]
    got = [(s.name, s.role) for s in chain]
    assert len(chain) == len(case["expected"]), got
    for want, link in zip(case["expected"], chain):
        assert outlets.same_outlet(link.name, want["name"]) and link.role == want["role"], (got, want)
        for key in ("date", "journalist"):
            if key in want:
                assert getattr(link, key) == want[key], (key, got)


@pytest.mark.parametrize("case", [c for c in CASES if c.get("forbid")], ids=lambda c: c["id"])
def test_misleading_mentions_are_not_links(case, chains):
    _, chain = chains[case["id"]]
    for name in case["forbid"]:
        assert not any(outlets.same_outlet(s.name, name) for s in chain), name


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_link_has_evidence_that_points_into_the_article(case, chains):
    article, chain = chains[case["id"]]
    for link in chain:
        assert link.evidence or link.signal, link
        for span in link.evidence:
            assert article.text[span.start:span.end] == span.text
        # a link without a text span rests on page metadata or the page's own URL
        if not link.evidence:
            assert set(link.signal.split("+")) & {"page", "canonical", "is_based_on", "original-source",
                                                  "syndication-source", "publisher", "source_organization",
                                                  "og_site_name"}, link


def test_precision_and_recall_over_all_cases(chains):
    tp = fp = fn = 0
    for case in CASES:
        s = score_chain(case["expected"], chains[case["id"]][1], case["id"])
        tp, fp, fn = tp + s.true_pos, fp + s.false_pos, fn + s.false_neg
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.9
