"""Corroboration: same / contradicts / unrelated decisions, retrieval, and counting independent origins."""
from __future__ import annotations

import numpy as np
import pytest
from store_helpers import make_analysis

from newstrace.corpus.agreement import LEXICAL, decide, facts, word_similarity
from newstrace.corpus.bm25 import BM25Index
from newstrace.corpus.corroboration import ClaimIndex
from newstrace.corpus.independence import ClaimRecord, group_origins
from newstrace.corpus.vectors import VectorIndex, semantic_available
from newstrace.model import Source, Speaker
from newstrace.store import open_store, save_analysis
from newstrace.store.copies import assign_copies
from newstrace.store.corroborate import corroborate

CLAIM = "The Lyon council approved a budget of 4.2 million euros for bike lanes in March 2024."


def relation(a: str, b: str) -> str:
    fa, fb = facts(a), facts(b)
    return decide(fa, fb, word_similarity(fa, fb), LEXICAL).relation


@pytest.mark.parametrize("other, expected", [
    ("In March 2024 the Lyon council approved a 4.2 million euro budget for bike lanes.", "same"),
    ("The Lyon council did not approve a budget of 4.2 million euros for bike lanes in March 2024.", "contradicts"),
    ("The Lyon council rejected a budget of 4.2 million euros for bike lanes in March 2024.", "contradicts"),
    ("The Lyon council approved a budget of 9 million euros for bike lanes in March 2024.", "contradicts"),
    ("The Lyon council approved a budget of 4.2 million euros for bike lanes in March 2023.", "contradicts"),
    ("The Nantes council approved a budget of 4.2 million euros for bike lanes in March 2024.", "unrelated"),
    ("Heavy rain flooded the main station in Paris on Monday.", "unrelated"),
])
def test_decisions_from_names_numbers_dates_and_negation(other, expected):
    assert relation(CLAIM, other) == expected


def test_a_double_flip_is_agreement():
    assert relation("Unemployment rose in Spain last year.", "Unemployment did not fall in Spain last year.") == "same"


def test_numbers_with_scale_words_and_thousands_separators_agree():
    assert relation("Officials said 1,500,000 people in Lyon voted.", "Officials said 1.5 million people in Lyon voted.") \
        == "same"


def test_bm25_ranks_the_matching_claim_first():
    index = BM25Index(["rain flooded the station", CLAIM, "the mayor opened a school", "budget talks in Paris"])
    hits = index.search("Lyon bike lanes budget approved", k=2)
    assert hits[0][0] == 1 and len(hits) == 2 and hits[0][1] > hits[1][1]
    assert index.search("zebra", k=5) == []


def test_ivf_index_finds_the_same_neighbours_as_exact_search():
    rng = np.random.default_rng(0)
    centers = rng.normal(size=(40, 32))
    data = centers[rng.integers(0, 40, 2000)] + 0.1 * rng.normal(size=(2000, 32))
    data = (data / np.linalg.norm(data, axis=1, keepdims=True)).astype(np.float32)
    exact, ivf = VectorIndex(data), VectorIndex(data, brute_force_max=500, nprobe=8)
    assert (exact.kind, ivf.kind) == ("exact", "ivf")
    recall = np.mean([len({i for i, _ in exact.search(q, 10)} & {i for i, _ in ivf.search(q, 10)}) / 10
                      for q in data[:50]])
    assert recall >= 0.9


def record(key, **kw):
    return ClaimRecord(key=key, text="t", article_id=key, **kw)


def test_copies_credits_and_speakers_merge_origins():
    origins = group_origins([
        record("a", cluster="x", outlet="A", published="2024-01-01"),
        record("b", cluster="x", outlet="B"),                      # a copy of a
        record("c", credits=("AFP",), outlet="C"),
        record("d", credits=("afp",), outlet="D"),                 # same wire story as c
        record("e", speaker="jane doe", outlet="E"),
        record("f", speaker="jane doe", outlet="F"),               # same interviewee as e
        record("g", outlet="G"),
    ])
    assert sorted(sorted(c.key for c in o.claims) for o in origins) == [["a", "b"], ["c", "d"], ["e", "f"], ["g"]]
    labels = {o.label for o in origins}
    assert "A" in labels and "E (quoting jane doe)" in labels and "C (via afp)" in labels


def test_claim_index_counts_support_and_contradiction_by_origin():
    texts = {
        "a": CLAIM, "b": CLAIM, "c": "In March 2024 the Lyon council approved a 4.2 million euro budget for bike lanes.",
        "d": "The Lyon council did not approve a budget of 4.2 million euros for bike lanes in March 2024.",
        "e": "Heavy rain flooded the main station in Paris on Monday.",
    }
    clusters = {"a": "x", "b": "x"}
    records = [ClaimRecord(key=k, text=t, article_id=k, outlet=k.upper(), cluster=clusters.get(k))
               for k, t in texts.items()]
    result = ClaimIndex(records, semantic=False).corroborate(records[0])
    assert (len(result.supporting), len(result.contradicting)) == (2, 1)
    assert result.summary() == "2 independent origins support, 1 contradicts"
    lonely = ClaimIndex(records, semantic=False).corroborate(records[4])
    assert lonely.single_origin and lonely.summary().endswith("(single origin)")


def test_every_copy_tracing_to_one_interview_is_a_single_origin(db_url):
    quote = "Jane Doe said the Lyon council approved a budget of 4.2 million euros for bike lanes in March 2024."
    claim = "the Lyon council approved a budget of 4.2 million euros for bike lanes in March 2024"
    with open_store(db_url) as db:
        for i, outlet in enumerate(["Lyon Daily", "Metro", "Courier"]):
            text = quote + f" Reported by {outlet} staff, story {i}, with extra words here."
            save_analysis(db, make_analysis(text, url=f"https://{i}.example", outlet=outlet, claims=[claim],
                                            speakers=[Speaker(id="s1", name="Jane Doe")], claim_speaker="s1"))
        results = list(corroborate(db, semantic=False))
    assert len(results) == 3
    assert all(r.single_origin and len(r.matches) == 2 for r in results)
    assert results[0].supporting[0].label.endswith("(quoting jane doe)")


def test_store_corroboration_counts_copies_once_and_lists_origins(db_url):
    para = "In March 2024 the Lyon council approved a 4.2 million euro budget for bike lanes."
    neg = "The Lyon council did not approve a budget of 4.2 million euros for bike lanes in March 2024."
    filler = " Residents reacted with mixed feelings to the plan announced at the town hall meeting on Friday."
    with open_store(db_url) as db:
        save_analysis(db, make_analysis(CLAIM + filler, url="https://a.example", outlet="A", claims=[CLAIM],
                                        published="2024-03-01"))
        save_analysis(db, make_analysis(CLAIM + filler + " Copyright B.", url="https://b.example", outlet="B",
                                        claims=[CLAIM], published="2024-03-02"))
        save_analysis(db, make_analysis(para, url="https://c.example", outlet="C", claims=[para],
                                        provenance=[Source(name="AFP", role="wire")]))
        save_analysis(db, make_analysis(neg, url="https://d.example", outlet="D", claims=[neg]))
        before = next(iter(corroborate(db, article="https://a.example", semantic=False)))
        assign_copies(db)
        after = next(iter(corroborate(db, article="https://a.example", semantic=False)))
    assert len(before.supporting) == 3  # B is not yet known as a copy of A
    assert (len(after.supporting), len(after.contradicting)) == (2, 1)
    assert [c.outlet for c in after.supporting[0].claims] == ["A", "B"]
    assert after.supporting[1].label == "C (via afp)"


@pytest.mark.semantic
@pytest.mark.skipif(not semantic_available(), reason="needs the [semantic] extra (torch + MiniLM)")
def test_semantic_retrieval_finds_a_paraphrase_with_no_shared_words_but_names():
    records = [ClaimRecord(key=k, text=t, article_id=k) for k, t in {
        "a": "Lyon's mayor Jane Doe quit her post on Friday.",
        "b": "Jane Doe resigned as Lyon mayor on Friday.",
        "c": "Heavy rain flooded the main station in Paris.",
    }.items()]
    index = ClaimIndex(records, semantic=True)
    assert index.retrieval == "bm25+minilm(exact)"
    result = index.corroborate(records[0])
    assert [m.record.key for m in result.matches] == ["b"] and result.matches[0].decision.relation == "same"


@pytest.mark.semantic
@pytest.mark.skipif(not semantic_available(), reason="needs the [semantic] extra (torch + MiniLM)")
def test_store_embeddings_are_computed_once_and_cached(db_url):
    with open_store(db_url) as db:
        save_analysis(db, make_analysis(CLAIM, url="https://a.example", outlet="A", claims=[CLAIM]))
        para = "In March 2024 the Lyon council approved a 4.2 million euro budget for bike lanes."
        save_analysis(db, make_analysis(para, url="https://c.example", outlet="C", claims=[para]))
        first = list(corroborate(db, semantic=True))
        assert db.scalar("SELECT COUNT(*) FROM claim_embeddings") == 2
        second = list(corroborate(db, semantic=True))
    assert [r.summary() for r in first] == [r.summary() for r in second] == ["2 independent origins support, 0 contradict"] * 2
