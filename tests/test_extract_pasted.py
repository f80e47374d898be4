"""Text copied from a web page: bylines, outlet-date lines, source lines and calls to action, typed like in HTML."""
from __future__ import annotations

import pytest

from newstrace.extract import extract_string
from newstrace.extract.lines import classify_line

PASTED = """Lake levels fall to a record low

By RT
Northwind Herald, 12 May 2025

The lake fell by two metres over the winter, the water board said on Monday.

Farmers have been asked to cut irrigation by a third until the autumn rains.

The original source of this article is Northwind Herald
For media inquiries: press@northwind.example
Become a Member of Northwind Herald
Comment on Northwind Herald articles on our Facebook page
Follow Northwind on Telegram
"""


def test_pasted_article_lines_are_typed_and_the_body_is_left():
    article = extract_string(PASTED, fmt="text")
    assert article.text == PASTED
    assert [p.text for p in article.paragraphs] == [
        "The lake fell by two metres over the winter, the water board said on Monday.",
        "Farmers have been asked to cut irrigation by a third until the autumn rains."]
    assert [(b.kind, b.rule) for b in article.boilerplate] == [
        ("byline", "byline_outlet"), ("dateline", "outlet_date_line"), ("source", "original_source"),
        ("contact", "media_inquiries"), ("call_to_action", "become_member"), ("call_to_action", "comment_on"),
        ("contact", "follow_handle")]


def test_a_byline_naming_an_acronym_is_the_outlet_not_an_author():
    article = extract_string(PASTED, fmt="text")
    assert article.authors == []
    assert article.published == "2025-05-12"
    assert any(s.kind == "byline_outlet" and s.value == "RT" for s in article.signals)


@pytest.mark.parametrize("line,kind,rule", [
    ("By NPR", "byline", "byline_outlet"),
    ("Media contact: desk@example.org", "contact", "media_inquiries"),
    ("Press enquiries, call 555 0100", "contact", "media_inquiries"),
    ("For media inquiries please contact Ana Ruiz at 555 0199", "contact", "media_inquiries"),
    ("SEE MORE: Ten photos of the dry lake bed", "related", "related_label"),
    ("Click to share on Twitter", "share", "share_prompt"),
    ("Please share this story", "share", "share_prompt"),
    ("Follow Ana Ruiz on YouTube", "contact", "follow_handle"),
    ("Follow Example.co.uk on Twitter and Facebook for the latest news updates. You can now also get Example.co.uk "
     "articles sent straight to your device. Sign up for our daily push alerts here.", "contact", "follow_handle"),
    ("Got a story? Get in touch with our news team by emailing us at webnews@example.co.uk. Or you can submit your "
     "videos and pictures here.", "contact", "get_in_touch"),
    ("Privacy Policyand", "navigation", "legal_link"),
    ("Terms of Serviceapply.", "navigation", "legal_link"),
])
def test_copy_paste_lines(line, kind, rule):
    match = classify_line(line)
    assert (match.kind, match.rule) == (kind, rule)


@pytest.mark.parametrize("sentence", [
    "Media inquiries have surged since the scandal broke last week.",
    "Press contacts were cut by the ministry.",
    "By the end of May, the lake may fall further.",
    "See more of the same next year, the forecaster warned.",
    "Follow Jane Doe on Twitter and she will tell you for the latest time that the policy failed, her aide said.",
    "Privacy policy changes were announced by the regulator on Monday.",
    "Get in touch with the council at help@example.org or submit a complaint online, the mayor urged residents "
    "on Monday after the flooding left dozens of homes without power for a week.",
])
def test_body_sentences_are_not_boilerplate(sentence):
    assert classify_line(sentence) is None


@pytest.mark.parametrize("line", ["By Jane Doe, jane.doe@example.com", "By Jane Doe | jane.doe@example.com",
                                  "By Jane Doe (jane.doe@example.com)"])
def test_a_byline_with_an_email_address_names_the_author_only(line):
    match = classify_line(line)
    assert (match.kind, match.authors, match.outlet) == ("byline", ["Jane Doe"], None)


def test_a_reach_the_reporter_line_is_contact():
    assert classify_line("Jane Doe can be reached at jdoe@herald.example.").rule == "reached_at"
    assert classify_line("By the time the email arrived at jane@x.org, it was late.") is None


NEWS = ("The regional council approved the new tram line on Tuesday after a long debate.\n\n"
        "Twelve members voted for it and three against, the clerk said.\n\n"
        "Work on the first section is due to start in the spring.\n\n")


def test_a_closing_paragraph_about_the_author_is_a_bio_not_news():
    text = ("Tram line approved\n\nBy Jane Doe\n\n" + NEWS +
            "Jane Doe is a senior reporter covering transport for the Gazette.\n\n"
            "Jane previously wrote for the Morning Star.\n")
    article = extract_string(text, fmt="text")
    bios = [b.span.text for b in article.boilerplate if b.rule == "author_bio"]
    assert bios == ["Jane Doe is a senior reporter covering transport for the Gazette.",
                    "Jane previously wrote for the Morning Star."]
    assert article.paragraphs[-1].text == "Work on the first section is due to start in the spring."


def test_a_nickname_with_the_authors_surname_is_the_author():
    text = "Tram line approved\n\nBy Stephanie Roe\n\n" + NEWS + "Steph Roe covers transport and city hall.\n"
    article = extract_string(text, fmt="text")
    assert [b.span.text for b in article.boilerplate if b.rule == "author_bio"] == [
        "Steph Roe covers transport and city hall."]


def test_a_closing_paragraph_about_someone_else_stays_news():
    text = ("Tram line approved\n\nBy Jane Doe\n\n" + NEWS +
            "Ana Ruiz, a veteran reporter who covered the first tram line, said the vote was historic.\n")
    article = extract_string(text, fmt="text")
    assert not [b for b in article.boilerplate if b.rule == "author_bio"]
    assert article.paragraphs[-1].text.startswith("Ana Ruiz")


def test_a_bio_like_paragraph_followed_by_more_news_stays_news():
    text = ("Tram line approved\n\nBy Jane Doe\n\n" + NEWS +
            "Jane Doe, the council's own transport writer, covered the vote for its newsletter.\n\n"
            "The first trams are expected to run in 2028.\n")
    article = extract_string(text, fmt="text")
    assert not [b for b in article.boilerplate if b.rule == "author_bio"]


def test_with_reporting_by_is_a_credit_line_not_authors():
    match = classify_line("With reporting by Associated Press writer Ana Ruiz")
    assert (match.kind, match.rule, match.authors) == ("byline", "with_reporting", [])
    assert classify_line("With files from The Canadian Press").rule == "with_reporting"
    assert classify_line("With reporting like this, the paper won three awards last year.") is None
