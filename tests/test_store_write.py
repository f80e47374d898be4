"""Saving analyses: content-hash ids, versions per URL, copies, parts in their tables, full-text search."""
from __future__ import annotations

import json

from store_helpers import BUDGET, budget_story, make_analysis

from newstrace.model import Analysis
from newstrace.store import open_store, save_analysis
from newstrace.store.search import search


def count(db, table: str) -> int:
    return db.scalar(f"SELECT COUNT(*) FROM {table}")


def test_saving_stores_the_article_and_every_part(db_url):
    analysis = budget_story()
    with open_store(db_url) as db:
        saved = save_analysis(db, analysis)
        assert saved.outcome == "new" and saved.version == 1 and saved.article_id == analysis.article.id
        assert [count(db, t) for t in ("articles", "speakers", "quotes", "claims", "checks", "entities",
                                       "provenance")] == [1, 1, 1, 1, 1, 2, 1]
        quote = db.rows("SELECT * FROM quotes")[0]
        assert BUDGET[quote["start_char"]:quote["end_char"]] == quote["text"]
        assert quote["speaker_name"] == "Jane Doe" and quote["norm_speaker"] == "jane doe"
        stored = json.loads(db.scalar("SELECT analysis FROM articles"))
        assert Analysis.from_dict(stored).to_dict() == analysis.to_dict()


def test_saving_identical_content_again_is_a_no_op(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
        again = save_analysis(db, budget_story())
        assert again.outcome == "unchanged"
        assert count(db, "articles") == 1 and count(db, "article_versions") == 1 and count(db, "quotes") == 1


def test_changed_content_at_the_same_url_becomes_version_two(db_url):
    with open_store(db_url) as db:
        first = save_analysis(db, budget_story())
        second = save_analysis(db, budget_story(text=BUDGET + " Updated at noon."))
        assert (second.outcome, second.version) == ("version", 2)
        assert second.article_id != first.article_id
        rows = db.rows("SELECT version, article_id FROM article_versions WHERE locator = ? ORDER BY version",
                       ("https://a.example/budget",))
        assert [(r["version"], r["article_id"]) for r in rows] == [(1, first.article_id), (2, second.article_id)]


def test_reverting_to_earlier_content_is_a_third_version_not_a_no_op(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
        save_analysis(db, budget_story(text=BUDGET + " Updated."))
        third = save_analysis(db, budget_story())
        assert (third.outcome, third.version) == ("version", 3)
        assert count(db, "articles") == 2


def test_same_content_at_another_url_is_recorded_as_a_copy(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
        copy = save_analysis(db, budget_story(url="https://b.example/reprint", outlet="Other"))
        assert copy.outcome == "copy"
        assert count(db, "articles") == 1 and count(db, "article_versions") == 2


def test_reformatted_copies_join_one_copies_cluster(db_url):
    with open_store(db_url) as db:
        a = save_analysis(db, budget_story())
        b = save_analysis(db, make_analysis(BUDGET.replace(". ", ".\n\n").upper(), url="https://b.example/x"))
        c = save_analysis(db, make_analysis("Something else entirely happened in Paris.", url="https://c.example"))
        clusters = {r["article_id"]: r["cluster_id"] for r in db.rows("SELECT * FROM copies")}
        assert clusters[a.article_id] == clusters[b.article_id] == a.article_id
        assert clusters[c.article_id] == c.article_id


def test_deleting_an_article_removes_its_parts(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
        with db.transaction():
            db.execute("DELETE FROM articles")
        assert [count(db, t) for t in ("quotes", "claims", "checks", "speakers", "article_versions", "copies")] \
            == [0] * 6


def test_full_text_search_finds_bodies_quotes_and_claims(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
        save_analysis(db, make_analysis("Rain flooded the station in Paris.", url="https://c.example"))
        assert [r["title"] for r in search(db, "bike lanes", "articles")] == ["Budget approved"]
        assert len(search(db, "finish the lanes", "quotes")) == 1
        assert len(search(db, "budgets", "claims")) == 1  # stemmed
        assert search(db, "lanes finish", "quotes") == []  # a phrase, in order
        assert search(db, 'quote " AND OR (', "articles") == []  # user text is never query syntax


def test_a_quote_naming_an_unknown_speaker_keeps_the_quote(db_url):
    analysis = budget_story()
    analysis.speakers = []
    with open_store(db_url) as db:
        save_analysis(db, analysis)
        row = db.rows("SELECT speaker_id, data FROM quotes")[0]
        assert row["speaker_id"] is None and json.loads(row["data"])["speaker_id"] == "s1"


def test_concurrent_writers_of_one_url_get_distinct_versions(db_url):
    import threading

    open_store(db_url).close()
    results, errors = [], []

    def write(i: int) -> None:
        try:
            with open_store(db_url) as db:
                for j in range(5):
                    results.append(save_analysis(db, budget_story(text=BUDGET + f" Edit {i}-{j}.")))
        except Exception as err:  # noqa: BLE001 - collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(db_url) as db:
        versions = [r["version"] for r in db.rows("SELECT version FROM article_versions ORDER BY version")]
    assert versions == list(range(1, 16))
