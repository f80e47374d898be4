"""HTML as real sites send it: entities in metadata, author lists, drop caps, boxes and embeds (invented pages)."""
from __future__ import annotations

import json

from newstrace.extract import extract_string

BODY = "".join(f"<p>The regional council approved the new tram line on Tuesday, {n} members voting for it "
               f"after a long debate about the costs.</p>" for n in ("twelve", "eleven", "ten"))


def page(head: str = "", body: str = BODY, title: str = "Tram line approved") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_entities_are_resolved_in_every_metadata_field():
    head = ('<meta property="og:title" content="Council&amp;#039;s &#8216;tram&#8217; vote">'
            '<meta property="og:site_name" content="Smith &amp;amp; Sons Gazette">'
            '<meta name="author" content="Ana&#239;s Dupont">'
            '<meta name="description" content="A &quot;long&quot; debate">')
    article = extract_string(page(head, title="x"), fmt="html")
    assert article.title == "Council's ‘tram’ vote"
    assert article.outlet == "Smith & Sons Gazette"
    assert article.authors == ["Anaïs Dupont"]
    assert article.metadata["page"]["description"] == 'A "long" debate'


def test_jsonld_headline_entities_are_resolved():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram &amp; bus fares frozen", "author": {"name": "Li Wei"}})
    assert extract_string(page(head), fmt="html").title == "Tram & bus fares frozen"


def test_one_author_string_naming_several_people_is_split():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved",
                   "author": [{"@type": "Person", "name": "Ruth Abara, Ivo Petrov and Sam Okafor"}]})
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara", "Ivo Petrov", "Sam Okafor"]


def test_an_author_with_an_outlet_after_a_comma_is_not_split_into_people():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved", "author": {"name": "Ruth Abara, Reuters"}})
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara, Reuters"]


def test_library_style_creators_are_all_kept_given_name_first():
    head = '<meta name="dc.creator" content="Abara, Ruth"><meta name="dc.creator" content="Petrov, Ivo">'
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara", "Ivo Petrov"]


def test_a_photo_credit_in_the_author_list_is_not_an_author():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved",
                   "author": ["(\nImage: Getty Images)", {"@type": "Person", "name": "Ruth Abara"}]})
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara"]


def test_an_author_given_by_reference_is_found_in_the_graph():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Tram line approved", "author": {"@id": "https://x.example/#/person/1"}},
        {"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Ruth Abara"}]}
    assert extract_string(page(jsonld(graph)), fmt="html").authors == ["Ruth Abara"]
