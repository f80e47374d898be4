"""Provenance rules one by one: outlet names, dates, body reporting sources, disagreements, wiring."""
from __future__ import annotations

import json

import pytest

from newstrace.extract import extract_string
from newstrace.model import Analysis, Article, Quote, Signal, Span
from newstrace.pipeline import analyze
from newstrace.provenance import build_chain, outlets
from newstrace.provenance.body import outlet_name
from newstrace.provenance.when import month_day, stated_date, weekday_before
from newstrace.report import render
from newstrace.schema import validate
from provenance_helpers import chain_of, roles

BODY = ("Officials said the new measures would take effect next month, after weeks of negotiations "
        "between the ministries involved and the regional governments.")


# --- outlet names -------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("apnews.com", "The Associated Press"), ("AP", "Associated Press"),
                                  ("globalresearch.ca", "Global Research"), ("https://www.nytimes.com/x", "NYT"),
                                  ("The Guardian", "Guardian")])
def test_same_outlet_recognises_spellings_and_domains(a, b):
    assert outlets.same_outlet(a, b)


@pytest.mark.parametrize("a, b", [("Reuters", "Associated Press"), ("The Hill", "The Conversation"),
                                  ("cnn.com", "Fox News"), ("", "CNN")])
def test_same_outlet_keeps_different_outlets_apart(a, b):
    assert not outlets.same_outlet(a, b)


@pytest.mark.parametrize("credit", ["AP Photo/Evan Vucci", "Getty Images", "U.S. Census Bureau", "Reuters/Jane Doe",
                                    "World Bank data"])
def test_picture_and_data_credits_are_credits(credit):
    assert outlets.is_credit(credit)


def test_clean_name_drops_appositions_and_staff_suffixes():
    assert outlets.clean_name("khn.org, a national newsroom") == "khn.org"
    assert outlets.clean_name("Reuters Staff") == "Reuters"
    assert outlets.clean_name("Tribune Content Agency, LLC") == "Tribune Content Agency"


# --- dates --------------------------------------------------------------------------------------

def test_weekday_means_the_last_such_day_on_or_before_publication():
    assert weekday_before("Monday", "2021-03-11") == "2021-03-08"  # a Thursday
    assert weekday_before("Thursday", "2021-03-11") == "2021-03-11"


def test_month_day_takes_the_year_of_publication_or_the_year_before():
    assert month_day("March 3", "2020-03-04") == "2020-03-03"
    assert month_day("December 30", "2021-01-02") == "2020-12-30"


def test_stated_date_prefers_a_full_date_and_gives_none_without_publication_date():
    assert stated_date("on March 3, 2021 by", None) == "2021-03-03"
    assert stated_date("on Monday", None) is None


# --- body reporting sources ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, role", [
    ("The minister told the BBC that talks would resume.", "BBC", "interview"),
    ("In an exclusive interview with Al Jazeera, the general denied it.", "Al Jazeera", "interview"),
    ("Speaking to Sky News, the mayor said the roads were closed.", "Sky News", "interview"),
    ("The ship was hit, the Ukrinform news agency reported.", "Ukrinform", "report"),
    ("Prices rose, according to a report by the Financial Times.", "Financial Times", "report"),
    ("The deal was first reported by Politico.", "Politico", "report"),
    ("The Kyiv Independent reported that the bridge was closed.", "Kyiv Independent", "report"),
    ("The company said in a press release that it would close the plant.", None, None),
])
def test_body_reporting_sources(sentence, name, role):
    chain = chain_of(f"Title here\n\n{sentence} {BODY}")
    body = [s for s in chain if s.signal.startswith("body:")]
    if name is None:
        assert body == []
    else:
        assert [(s.name, s.role) for s in body] == [(name, role)]
        assert sentence.find(body[0].evidence[0].text) >= 0


@pytest.mark.parametrize("sentence", [
    "The New York Times announced layoffs on Monday.",
    "Reuters moved its London offices to Canary Wharf.",
    "A lawsuit against Fox News is pending.",
    "CNN reported record ratings for its election coverage.",
    "The officials told reporters that the talks had failed.",
    "The minister told parliament that the budget was balanced.",
    "According to the Times, the talks failed.",  # ambiguous "the Times": not asserted
    "Officials told state media that 39 people had died.",  # no single outlet named
    "The minister, speaking to the Atlantic Council, said the alliance was strong.",  # not The Atlantic
])
def test_outlets_as_topics_or_vague_venues_are_not_links(sentence):
    chain = chain_of(f"Title here\n\n{sentence} {BODY}")
    assert [s for s in chain if s.signal.startswith("body:")] == []


def test_outlet_name_refuses_people_and_institutions():
    assert outlet_name("Jane Doe") is None
    assert outlet_name("the court") is None
    assert outlet_name("CNN's Jake Tapper") == "CNN"
    assert outlet_name("French television") == "French television"


def test_quote_venues_from_the_quotes_stage_become_interview_links():
    article = extract_string(f"Title here\n\n\"We will win,\" he told CNN on Sunday. {BODY}",
                             url="https://www.example-news.com/x")
    start = article.text.index("told CNN")
    venue = Span.of(article.text, start, start + len("told CNN"))
    whole = Span.of(article.text, 0, 10)
    quote = Quote(id="q1", span=whole, content=whole, venue=venue)
    chain = build_chain(article, quotes=[quote])
    cnn = [s for s in chain if s.name == "CNN" and s.role == "interview"]
    assert len(cnn) == 1 and venue in cnn[0].evidence  # merged with the body rule's link, not duplicated


# --- disagreements and ordering -----------------------------------------------------------------

def test_disagreeing_origins_are_both_kept_with_a_note_saying_which_wins():
    article = Article(text="x", url="https://www.aggregator.net/a", outlet="Aggregator",
                      signals=[Signal("canonical", "www.rt.com", "meta", url="https://www.rt.com/news/1"),
                               Signal("is_based_on", "Sputnik News", "meta", url="https://sputniknews.com/a/1")])
    chain = build_chain(article)
    assert roles(chain) == [("Sputnik", "origin"), ("RT", "claimed origin"), ("aggregator.net", "republisher")]
    assert "RT" in chain[0].note and "canonical" in chain[0].note
    assert "Sputnik" in chain[1].note and "wins" in chain[1].note and "isBasedOn" in chain[1].note


def test_of_two_origins_the_canonical_link_outranks_a_metadata_organisation():
    article = Article(text="x", url="https://www.aggregator.net/a", outlet="Aggregator",
                      signals=[Signal("source_organization", "Sputnik News", "meta"),
                               Signal("canonical", "www.rt.com", "meta", url="https://www.rt.com/news/1")])
    assert roles(build_chain(article))[:2] == [("RT", "origin"), ("Sputnik", "claimed origin")]


def test_dates_that_disagree_for_one_outlet_are_noted():
    text = ("Title here\n\nGlobal Research, March 20, 2017\nAsia Times 18 March 2017\n\n" + BODY +
            "\n\nThis article was originally published by Asia Times on March 17, 2017.")
    chain = chain_of(text, url=None)
    asia = chain[0]
    assert asia.name == "Asia Times" and asia.role == "origin"
    assert asia.date == "2017-03-17" and "dates disagree" in asia.note


def test_origin_dated_after_the_page_is_flagged():
    text = ("Title here\n\nPublished: March 1, 2020\n\n" + BODY +
            "\n\nThis article was originally published on Asia Times on March 5, 2020.")
    chain = chain_of(text)
    assert chain[0].name == "Asia Times" and "dated after this page" in chain[0].note


def test_a_later_outlet_dateline_is_not_an_origin():
    text = "Title here\n\nGlobal Research, March 20, 2017\nAsia Times 25 March 2017\n\n" + BODY
    assert roles(chain_of(text, url=None)) == [("Global Research", "origin")]


def test_no_outlet_and_no_url_gives_an_empty_chain():
    assert chain_of("Title here\n\n" + BODY, url=None) == []


def test_chain_is_earliest_first_reports_then_wire_then_page():
    text = ("Title here\n\nPublished: March 11, 2021\n\nLONDON, March 10 (Reuters) - The minister told the BBC on Monday "
            "that prices would rise. " + BODY)
    chain = chain_of(text, url="https://news.yahoo.com/x")
    assert roles(chain) == [("BBC", "interview"), ("Reuters", "wire"), ("Yahoo News", "republisher")]
    assert [s.date for s in chain] == ["2021-03-08", "2021-03-10", "2021-03-11"]


# --- wiring: pipeline, JSON schema, every report format -----------------------------------------

@pytest.fixture(scope="module")
def republished(nlp) -> Analysis:
    text = ("China's New Silk Road\n\nBy Pepe Escobar\nGlobal Research, March 20, 2017\nAsia Times 18 March 2017\n\n"
            + BODY + " The minister told Reuters on Friday that the plan was on track.\n\n"
            "The original source of this article is Asia Times")
    return analyze(text)


def test_pipeline_fills_provenance_and_json_validates(republished):
    assert roles(republished.provenance) == [("Reuters", "interview"), ("Asia Times", "origin"),
                                             ("Global Research", "republisher")]
    doc = json.loads(render(republished, "json"))
    validate(doc)
    assert [p["name"] for p in doc["provenance"]] == ["Reuters", "Asia Times", "Global Research"]
    assert doc["provenance"][1]["evidence"][0]["text"] == "Asia Times 18 March 2017"
    assert Analysis.from_dict(doc).provenance == republished.provenance


@pytest.mark.parametrize("fmt", ["table", "md", "html"])
def test_every_report_shows_the_chain_as_a_timeline(republished, fmt):
    out = render(republished, fmt, width=200)
    assert "Reuters (interview, 2017-03-17) → Asia Times (origin, 2017-03-18) → Global Research (republisher, 2017-03-20)" in out
    assert "The original source of this article is Asia Times" in out
