"""Hostile or broken HTML and Markdown (issue 22): control characters, deep nesting, false charsets, attribute bombs."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from newstrace.errors import NoArticleFound
from newstrace.extract import extract_article, extract_html, extract_string
from newstrace.extract.markup import (MAX_ATTRIBUTES, with_bounded_attributes, with_bounded_depth,
                                      without_illegal_characters)
from newstrace.reading.decode import decode_bytes
from newstrace.reading.document import RawDocument

SENTENCE = "The minister said the budget for the northern region would rise by five percent next year."
BODY = "".join(f"<p>{SENTENCE} Paragraph {i} adds that officials confirmed it on Monday.</p>" for i in range(3))


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Budget rises</title></head><body><h1>Budget rises</h1>{body}</body></html>"


def test_a_form_feed_beside_a_drop_cap_is_white_space_not_a_crash():
    page = _page(f'<p><span class="dropcap">T</span>he\x0cminister spoke.\x0b {SENTENCE}</p>{BODY}')
    article = extract_html(page)
    assert "The minister spoke." in article.body_text()
    assert "\x0c" not in article.text and "\x0b" not in article.text


def test_character_references_to_control_characters_are_no_crash():
    page = _page(f'<p><span class="dropcap">T</span>he&#12;minister&#x1F; spoke.&#65534; {SENTENCE}</p>{BODY}',
                 head="<title>Budget&#1; rises</title>")
    article = extract_html(page)
    assert "The minister spoke." in article.body_text()
    assert without_illegal_characters("a&#12;b&#128;c&amp;d&#xd800;e") == "a b&#128;c&amp;d\ufffde"


def test_other_control_characters_and_lone_surrogates_leave_the_words_alone():
    page = _page(f"<p>Bud\x01get \ud800 rises\x1f {SENTENCE}</p>{BODY}",
                 head='<meta property="og:title" content="Budget\x02 rises">')
    article = extract_html(page)
    assert "Budget \ufffd rises" in article.body_text()
    assert article.title == "Budget rises"
    assert without_illegal_characters("a\tb\nc\rd\x7fe") == "a\tb\nc\rd\x7fe"  # legal ones stay


def test_text_nested_ten_thousand_levels_deep_is_found():
    page = _page("<div>" * 10_000 + BODY + "</div>" * 10_000)
    article = extract_html(page)
    assert article.body_text().count(SENTENCE) == 3


def test_bounded_depth_keeps_text_and_hides_deep_scripts():
    deep = "<div>" * 50 + "<p>a &lt; b < c</p><script>var x = '<b>';</script><!-- <i> -->tail" + "</div>" * 50
    flat = with_bounded_depth(deep, limit=10)
    tree = lxml_html.fromstring(flat)
    assert tree.text_content() == "a < b < ctail"
    assert max(len(list(el.iterancestors())) for el in tree.iter()) <= 10 + 2  # lxml adds html and body
    assert "var x" not in flat and "<!-- <i> -->" in flat
    shallow = "<div><p>x</p><script>if (a<b) {}</script><br/><img src=a.png></div>"
    assert with_bounded_depth(shallow, limit=10) == shallow


def test_a_tag_with_25000_attributes_keeps_the_first_ones_only():
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(25_000))
    trimmed = with_bounded_attributes(f"<p {attributes}>x</p>")
    tag = lxml_html.fromstring(trimmed)
    assert len(tag.attrib) == MAX_ATTRIBUTES and tag.get("data-a0") == "v0" and tag.text == "x"
    normal = '<img src="a.png" alt="' + "x" * 3000 + '" class="c">'
    assert with_bounded_attributes(normal) == normal
    article = extract_html(_page(f"<p {attributes}>{SENTENCE}</p>{BODY}"))
    assert article.body_text().count(SENTENCE) == 4


def test_a_utf8_page_that_declares_utf16_is_read_as_utf8():
    page = _page(f"<p>Café owners in Zürich: {SENTENCE}</p>{BODY}", head='<meta charset="utf-16">')
    for declared in (None, "utf-16"):
        text, encoding = decode_bytes(page.encode("utf-8"), declared=declared)
        assert encoding == "utf-8" and "Café owners in Zürich" in text
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + page
    article = extract_article(RawDocument(name="page.html", data=xml.encode("utf-8")))
    assert "Café owners in Zürich" in article.body_text()
    assert article.metadata["input"]["encoding"] == "utf-8"


def test_real_utf16_without_a_bom_is_read_when_the_server_says_so():
    page = _page(f"<p>Café: {SENTENCE}</p>{BODY}")
    text, encoding = decode_bytes(page.encode("utf-16-le"), declared="utf-16-le")
    assert text == page and encoding == "utf-16-le"


def test_nested_markdown_links_keep_their_text_and_one_link():
    n = 2_000
    article = extract_string("[" * n + "a" + "](x)" * n + f"\n\n{SENTENCE}", fmt="markdown")
    assert article.text.startswith("[" * (n - 1) + "a")
    assert [link.span.text for link in article.links] == ["a"]


def test_an_unclosed_code_fence_keeps_the_text_after_it():
    article = extract_string("Budget rises\n\n```\n" + f"{SENTENCE}\n\n" * 400, fmt="markdown")
    assert article.body_text().count(SENTENCE) == 400


_PIECES = ["<div>", "</div>", "<p>", "</p>", "<br>", "<img src=x>", "<b>", "</b>", "<!--", "-->", "<script>", "</script>",
           "<", ">", "a", "word ", "&amp;", "<p class='x' id=y>", "</", "<x/>", "\x0c", "\ud800", "\x00"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_the_markup_repairs_never_fail_and_leave_shallow_pages_alone(pieces):
    html = "".join(pieces)
    clean = without_illegal_characters(html)
    lxml_html.fromstring("<p>x</p>").text = clean  # lxml accepts every character left
    assert with_bounded_depth(clean, limit=10_000) == clean
    assert with_bounded_attributes(clean) == clean
    flat = with_bounded_depth(clean, limit=2)
    assert flat.replace("<", "").count("word") == clean.replace("<", "").count("word") or "<script>" in clean


def test_a_bracket_in_a_url_is_no_crash():
    head = '<link rel="canonical" href="http://news[.com/a"><meta property="og:url" content="http://x[y/">'
    tweet = ('<blockquote class="twitter-tweet"><p>Hello</p>&mdash; Ann (@ann) '
             '<a href="https://twitter.com/ann[/status/1">May 1, 2024</a></blockquote>')
    for url in (None, "http://news[.com/story"):
        article = extract_html(_page(BODY + tweet, head=head), url=url)
        assert article.body_text().count(SENTENCE) == 3
        canonical = next(s for s in article.signals if s.kind == "canonical")
        assert canonical.url == "http://news[.com/a" and canonical.value == ""


def test_a_failure_inside_the_main_text_library_is_no_article_not_a_crash(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise AssertionError  # what htmldate's tree cleaning raises on some broken pages

    monkeypatch.setattr(trafilatura, "extract", broken)
    monkeypatch.setattr(trafilatura, "extract_metadata", broken)
    with pytest.raises(NoArticleFound, match="main-text extractor failed"):
        extract_html("<html><body>" + BODY + "</body></html>")
