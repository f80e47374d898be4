"""Plain text and Markdown extraction: the text is kept exactly; everything else is spans into it."""
from __future__ import annotations

import pytest

from newstrace.errors import EmptyInput, NoArticleFound
from newstrace.extract import extract_string
from newstrace.extract.markdown import markdown_to_text
from newstrace.extract.text import extract_text

GLOBAL_RESEARCH_STYLE = """Syria: Where the Drones Came From

By Jane Doe
Global Research, March 20, 2017
Region: Middle East & North Africa
Theme: Intelligence, Terrorism

The drones were shipped through a third country, officials said.

"We have the receipts," a commander told the newspaper.

The original source of this article is Global Research
Copyright © Jane Doe, Global Research, 2017
Comment on Global Research Articles on our Facebook page
Become a Member of Global Research
"""


def test_plain_text_is_kept_exactly_and_every_span_points_into_it():
    article = extract_text(GLOBAL_RESEARCH_STYLE)
    assert article.text == GLOBAL_RESEARCH_STYLE
    spans = [article.title_span] + article.paragraphs + [b.span for b in article.boilerplate]
    for span in spans:
        assert article.text[span.start:span.end] == span.text


def test_title_byline_dateline_and_taxonomy_fill_the_article():
    article = extract_text(GLOBAL_RESEARCH_STYLE)
    assert article.title == "Syria: Where the Drones Came From"
    assert article.authors == ["Jane Doe"]
    assert article.outlet == "Global Research"
    assert article.published == "2017-03-20"
    kinds = [b.kind for b in article.boilerplate]
    assert kinds == ["byline", "dateline", "taxonomy", "taxonomy", "source", "copyright", "call_to_action",
                     "call_to_action"]


def test_body_paragraphs_exclude_boilerplate():
    article = extract_text(GLOBAL_RESEARCH_STYLE)
    assert [p.text for p in article.paragraphs] == [
        "The drones were shipped through a third country, officials said.",
        "\"We have the receipts,\" a commander told the newspaper."]


def test_source_line_becomes_a_provenance_signal_with_evidence():
    article = extract_text(GLOBAL_RESEARCH_STYLE)
    signals = {s.kind: s for s in article.signals}
    assert signals["original_source"].value == "Global Research"
    assert signals["original_source"].span.text == "The original source of this article is Global Research"


def test_wire_dateline_is_split_from_the_first_paragraph():
    text = "Senate passes budget\n\nWASHINGTON (AP) — The Senate passed the budget on Tuesday.\n\nMore text here."
    article = extract_text(text)
    assert article.paragraphs[0].text == "The Senate passed the budget on Tuesday."
    dateline = article.boilerplate[0]
    assert (dateline.kind, dateline.span.text) == ("dateline", "WASHINGTON (AP) —")
    assert [(s.kind, s.value) for s in article.signals] == [("wire_dateline", "Associated Press")]


def test_crlf_text_keeps_offsets():
    text = "A headline\r\n\r\nBy Ann Lee\r\nFirst paragraph of the story.\r\n\r\nSecond paragraph.\r\n"
    article = extract_text(text)
    assert article.text == text
    assert article.authors == ["Ann Lee"]
    assert [p.text for p in article.paragraphs] == ["First paragraph of the story.", "Second paragraph."]


def test_one_paragraph_per_line_when_there_are_no_blank_lines():
    text = "Headline here\nFirst paragraph.\nSecond paragraph.\nThird paragraph."
    article = extract_text(text)
    assert article.title == "Headline here"
    assert len(article.paragraphs) == 3


def test_no_title_when_the_text_starts_with_a_sentence():
    text = "The minister resigned on Monday. She cited health reasons.\n\nHer deputy takes over."
    assert extract_text(text).title is None


def test_headline_ending_in_a_period_is_still_a_title():
    text = "Poll: Voters Abandon the Party.\n\nA poll shows that voters have left the party."
    assert extract_text(text).title == "Poll: Voters Abandon the Party."


def test_updated_line_sets_the_updated_date():
    text = "Headline\n\nPublished: 3 March 2020\nUpdated: 4 March 2020 10:15\n\nBody text of the story."
    article = extract_text(text)
    assert article.published == "2020-03-03"
    assert article.updated.startswith("2020-03-04")


def test_language_is_english_for_english_text():
    assert extract_text(GLOBAL_RESEARCH_STYLE).language == "en"


def test_language_unknown_for_non_english_text():
    text = "Titel\n\nDie Regierung hat am Montag neue Maßnahmen beschlossen, teilte das Ministerium mit."
    assert extract_text(text).language is None


def test_empty_text_is_an_error():
    with pytest.raises(EmptyInput):
        extract_string("   \n ")


def test_only_boilerplate_is_no_article():
    with pytest.raises(NoArticleFound):
        extract_string("Tags: a, b\nCopyright © 2020 X. All rights reserved.\n")


# --- Markdown ---------------------------------------------------------------------------------------------------

MARKDOWN = """# Drones *came* from [Turkey](https://example.com/turkey)

By Jane Doe

The **ministry** said the shipment went through [a port][port] in `2016`.

> "We will fight to the end," the commander said.

- first item
- second item with snake_case_name

![a photo](photo.jpg)

[port]: https://example.com/port
"""


def test_markdown_syntax_is_removed_and_anchor_text_kept():
    md = markdown_to_text(MARKDOWN)
    assert md.title == "Drones came from Turkey"
    assert "**" not in md.text and "](" not in md.text and "![" not in md.text
    assert "The ministry said the shipment went through a port in 2016." in md.text
    assert "snake_case_name" in md.text


def test_markdown_links_are_recorded_with_anchor_spans():
    md = markdown_to_text(MARKDOWN)
    links = {link.href: link.span.text for link in md.links}
    assert links == {"https://example.com/turkey": "Turkey", "https://example.com/port": "a port"}
    for link in md.links:
        assert md.text[link.span.start:link.span.end] == link.span.text


def test_markdown_article_has_title_byline_and_body():
    article = extract_string(MARKDOWN, fmt="markdown")
    assert article.title == "Drones came from Turkey"
    assert article.authors == ["Jane Doe"]
    assert article.source_format == "markdown"
    assert any("commander said" in p.text for p in article.paragraphs)
