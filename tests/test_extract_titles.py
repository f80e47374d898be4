"""Which of a page's headlines is its title (invented pages and headlines)."""
from __future__ import annotations

import json

from newstrace.extract import extract_string
from newstrace.extract.titles import choose_title, strip_site_name, title_tag

BODY = "".join(f"<p>The regional council approved the new tram line on Tuesday, {n} members voting for it "
               f"after a long debate about the costs.</p>" for n in ("twelve", "eleven", "ten"))
LONG = "Council approves tram line to the airport after a ten-hour debate over costs"


def page(headline: str | None, og_title: str | None, *, kind: str = "NewsArticle", name: str | None = None,
         title: str = LONG + " | The Example Gazette", h1: str = LONG) -> str:
    data = {"@type": kind, **({"headline": headline} if headline else {}), **({"name": name} if name else {})}
    og = f'<meta property="og:title" content="{og_title}">' if og_title else ""
    return (f"<html><head><title>{title}</title>{og}<meta property='og:site_name' content='The Example Gazette'>"
            f"<script type='application/ld+json'>{json.dumps(data)}</script></head>"
            f"<body><article><h1>{h1}</h1>{BODY}</article></body></html>")


def title_of(html: str) -> str | None:
    return extract_string(html, fmt="html").title


def test_the_jsonld_headline_is_the_title_when_the_social_title_is_another_headline():
    assert title_of(page(LONG, "Airport tram gets the green light")) == LONG


def test_a_social_title_that_is_the_headline_with_words_left_out_is_the_title():
    short = "Council approves tram line to the airport"
    assert title_of(page(LONG, short)) == short
    inner = "Council approves tram line after a ten-hour debate over costs"
    assert title_of(page(LONG, inner)) == inner


def test_a_headline_that_is_the_social_title_with_words_left_out_stays_the_title():
    assert title_of(page("Council approves tram line to the airport", LONG)) == "Council approves tram line to the airport"


def test_a_shorter_headline_that_drops_the_opening_clause_is_not_taken():
    long = "Fares expected to rise after council approves tram line to the airport"
    assert title_of(page(long, "Council approves tram line to the airport")) == long


def test_a_truncated_or_far_shorter_social_title_is_not_taken():
    assert title_of(page(LONG, "Council approves tram line to the airport after a…")) == LONG
    assert title_of(page(LONG, "Council approves tram line")) == LONG


def test_a_live_blog_takes_its_social_title_not_its_running_headline():
    running = "Tram vote LIVE: councillors clash as debate enters tenth hour"
    assert title_of(page(running, "Council approves airport tram line", kind="LiveBlogPosting")) == \
        "Council approves airport tram line"
    assert title_of(page(running, "Council approves airport tram line")) == running
    assert title_of(page(running, "Live updates", kind="LiveBlogPosting")) == running


def test_the_jsonld_name_confirmed_by_the_social_title_wins_over_a_different_headline():
    assert title_of(page("Airport tram, approved", LONG, name=LONG)) == LONG
    assert title_of(page("Airport tram, approved", LONG, name="The Example Gazette")) == "Airport tram, approved"


def test_the_quote_style_most_of_the_metadata_gives_is_kept():
    curly, straight = "Mayor’s ‘historic’ tram vote passes", "Mayor's 'historic' tram vote passes"
    assert title_of(page(curly, straight, title=straight + " | The Example Gazette", h1=curly)) == straight
    assert title_of(page(curly, straight, title=curly + " | The Example Gazette", h1=curly)) == curly


def test_letter_case_is_not_voted_on():
    shouting = "MAYOR'S TRAM VOTE PASSES"
    assert title_of(page("Mayor's tram vote passes", shouting, title=shouting)) == "Mayor's tram vote passes"


def test_entities_in_the_headline_are_decoded_before_the_headlines_are_compared():
    html = page("Mayor&#8217;s tram vote passes", "Mayor&#8217;s tram vote passes")
    assert title_of(html) == "Mayor’s tram vote passes"


def test_a_site_tail_is_stripped_when_a_part_of_it_names_the_site():
    site = "The Example Gazette"
    assert strip_site_name(f"Tram vote passes | {site} | by Jane Doe", site) == "Tram vote passes"
    assert strip_site_name(f"Tram vote passes * {site} * by Jane Doe", site) == "Tram vote passes"
    assert strip_site_name(f"Tram vote passes - Local | {site}", site) == "Tram vote passes - Local"
    assert strip_site_name("Tram vote passes - a win for riders", site) == "Tram vote passes - a win for riders"
    assert strip_site_name("Tram vote passes - Gazetteers react", "Gazette") == "Tram vote passes - Gazetteers react"
    # a part that names the site among many more words is the headline's own
    assert strip_site_name(f"Tram | {site} readers vote the tram line their favourite project", site).startswith("Tram |")


def test_the_title_element_without_its_site_tail():
    assert title_tag("Tram vote passes | The Example Gazette | by Jane Doe", "The Example Gazette") == "Tram vote passes"
    assert title_tag("Tram vote passes after long debate | Gazette", None) == "Tram vote passes after long debate"
    assert title_tag(None, None) is None


def test_no_headline_falls_back_to_the_social_title_then_the_title_element():
    assert choose_title(None, None, None, {"og:title": "Tram vote passes"}, "Other | Site") == "Tram vote passes"
    assert choose_title(None, None, None, {}, "Tram vote passes after long debate | Gazette") == \
        "Tram vote passes after long debate"
    assert choose_title(None, None, None, {}, None) is None
