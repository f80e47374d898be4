"""Headlines and subheadings of an HTML page are typed boilerplate (kind "title"), not body paragraphs."""
from __future__ import annotations

from newstrace.extract import extract_html

PARA = "The council voted on Tuesday to fund {} new bus routes across the northern districts of the city."


def _page(body: str, og_title: str = "Council funds new bus routes") -> str:
    return (f'<html><head><title>Council funds bus routes | City Post</title>'
            f'<meta property="og:title" content="{og_title}"></head><body><article>{body}</article></body></html>')


def test_subheadings_are_set_aside_in_place_and_the_text_keeps_them():
    body = ("<h1>Council votes to fund twelve new bus routes for the north</h1>"
            + "".join(f"<p>{PARA.format(n)}</p>" for n in ("three", "four"))
            + "<h2>What happens next?</h2>" + "".join(f"<p>{PARA.format(n)}</p>" for n in ("five", "six")))
    article = extract_html(_page(body))
    assert "What happens next?" in article.text
    assert all("What happens next" not in p.text for p in article.paragraphs)
    headings = {(b.span.text, b.rule) for b in article.boilerplate if b.kind == "title"}
    assert ("What happens next?", "subheading") in headings
    assert len(article.paragraphs) == 4


def test_a_second_form_of_the_headline_in_the_body_is_a_repeated_title():
    body = ("<h1>Council votes to fund twelve new bus routes for the north</h1>"
            "<p>Council funds new bus routes</p>"  # the og:title, shown again under the headline
            + "".join(f"<p>{PARA.format(n)}</p>" for n in ("three", "four", "five")))
    article = extract_html(_page(body))
    rules = {(b.span.text, b.rule) for b in article.boilerplate}
    assert ("Council funds new bus routes", "repeated_title") in rules
    assert ("Council votes to fund twelve new bus routes for the north", "headline") in rules
    assert article.paragraphs[0].text.startswith("The council voted")


def test_a_page_written_all_in_headings_keeps_them_as_its_body():
    body = "".join(f"<h3>{PARA.format(n)}</h3>" for n in ("three", "four", "five")) + f"<p>{PARA.format('six')}</p>"
    article = extract_html(_page(body, og_title="Other"))
    assert len(article.paragraphs) == 4
