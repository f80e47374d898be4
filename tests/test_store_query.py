"""Questions asked of a store: speakers, quotes, claims, sources and one story, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from store_helpers import budget_story, make_analysis

from newstrace.errors import NotInStore
from newstrace.model import Source, Speaker
from newstrace.store import open_store, query, save_analysis
from newstrace.store.copies import assign_copies

OTHER = "Police chief Tom Ray said crime fell by 5 percent in Lyon last year. \"It is a good year,\" Ray said."


@pytest.fixture
def store(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
        save_analysis(db, budget_story(url="https://b.example/reprint", outlet="Wire Weekly",
                                       text=budget_story().article.text + " (reprinted)", published="2024-03-02"))
        ray = Speaker(id="s1", name="Tom Ray", role="police chief")
        save_analysis(db, make_analysis(
            OTHER, url="https://c.example/crime", outlet="Metro", published="2024-03-05",
            claims=["crime fell by 5 percent in Lyon last year"], quotes=[("\"It is a good year,\"", "s1")],
            speakers=[ray], entities=[("Lyon", "GPE")],
            provenance=[Source(name="AFP", kind="outlet", role="wire"), Source(name="Metro", role="republisher")]))
        assert assign_copies(db) == 1  # the reprint is a near-duplicate of the original
        yield db


def test_speakers_are_counted_across_outlets_with_roles(store):
    rows = {r["name"]: r for r in query.speakers(store)}
    assert rows["Jane Doe"]["quotes"] == 2 and rows["Jane Doe"]["articles"] == 2
    assert set(rows["Jane Doe"]["outlets"].split(",")) == {"Lyon Daily", "Wire Weekly"}
    assert rows["Jane Doe"]["roles"] == "mayor" and rows["Tom Ray"]["quotes"] == 1
    assert [r["name"] for r in query.speakers(store, outlet="metro")] == ["Tom Ray"]


def test_quotes_by_speaker_accept_a_surname_and_a_title(store):
    assert len(query.quotes(store, speaker="Doe")) == 2
    assert len(query.quotes(store, speaker="Mayor Jane Doe")) == 0  # 'mayor' is not an honorific we strip
    assert len(query.quotes(store, speaker="Dr. Jane Doe")) == 2
    assert query.quotes(store, speaker="Ray")[0]["outlet"] == "Metro"
    assert query.quotes(store, speaker="Nobody") == []


def test_quotes_about_an_entity_or_from_an_outlet(store):
    assert {r["outlet"] for r in query.quotes(store, about="good year")} == {"Metro"}
    assert len(query.quotes(store, outlet="Lyon Daily")) == 1
    assert query.quotes(store, speaker="Doe", outlet="Metro") == []


def test_claims_about_an_entity_and_with_inconsistent_checks(store):
    about = query.claims(store, about="Lyon")
    assert len(about) == 3
    flagged = query.claims(store, checks="inconsistent")
    assert {r["outlet"] for r in flagged} == {"Lyon Daily", "Wire Weekly"}
    assert all(r["inconsistent_checks"] == 1 for r in flagged)
    assert query.claims(store, about="bike", checks="consistent") == []


def test_sources_tell_originals_from_republished(store):
    rows = {r["outlet"]: r for r in query.sources(store)}
    assert (rows["Lyon Daily"]["originals"], rows["Lyon Daily"]["republished"]) == (1, 0)
    assert rows["Wire Weekly"]["republished"] == 1  # a reformatted copy of an earlier article
    assert rows["Metro"]["republished"] == 1 and rows["Metro"]["credits"] == "AFP"


def test_story_shows_versions_copies_and_chain(store):
    found = query.story(store, "https://a.example/budget")
    assert found["article"]["outlet"] == "Lyon Daily"
    assert [c["outlet"] for c in found["copies"]] == ["Wire Weekly"]
    assert found["versions"][0]["version"] == 1 and found["provenance"][0]["name"] == "Lyon Daily"
    by_prefix = query.story(store, found["article"]["id"][:10])
    assert by_prefix["article"]["id"] == found["article"]["id"]


def test_story_of_an_unknown_article_is_a_clear_error(store):
    with pytest.raises(NotInStore, match="no stored article"):
        query.story(store, "https://nowhere.example/")
