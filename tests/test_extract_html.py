"""HTML extraction: main text, metadata (JSON-LD, OpenGraph, meta value=), provenance links, and the samples' gold."""
from __future__ import annotations

import json

import pytest

from newstrace.errors import NoArticleFound
from newstrace.extract import extract_html
from newstrace.reading.decode import decode_bytes

from conftest import EXAMPLES, TEST_DATA

BODY = "".join(f"<p>Paragraph {i} of the story says the ministry paid the contractor a large sum of money "
               f"for the work done in the region during the year.</p>" for i in range(6))

NEWS_PAGE = f"""<!DOCTYPE html><html lang="en-GB"><head>
<title>Ministry paid contractor millions | The Daily Example</title>
<link rel="canonical" href="https://original.example.org/2021/05/ministry-paid">
<link rel="syndication-source" href="https://wire.example.net/story/123">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Ministry paid contractor millions">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "The Daily Example"}},
  {{"@type": "NewsArticle", "headline": "Ministry paid contractor millions",
   "author": [{{"@type": "Person", "name": "Ann Lee"}}, {{"@type": "Person", "name": "Bo Chen"}}],
   "publisher": {{"@type": "Organization", "name": "Daily Example Media"}},
   "datePublished": "2021-05-03T08:00:00Z", "dateModified": "2021-05-04T09:30:00Z",
   "isBasedOn": {{"@type": "NewsArticle", "url": "https://wire.example.net/story/123",
                  "publisher": {{"name": "Example Wire"}}, "datePublished": "2021-05-02"}},
   "sourceOrganization": {{"@type": "Organization", "name": "Example Wire"}}}}]}}
</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministry paid contractor millions</h1>{BODY}
<p>This article was originally published by Example Wire on May 2, 2021.</p></article>
<footer>Copyright © 2021 The Daily Example. All rights reserved.</footer>
</body></html>"""


def test_json_ld_gives_title_authors_dates_publisher():
    article = extract_html(NEWS_PAGE)
    assert article.title == "Ministry paid contractor millions"
    assert article.authors == ["Ann Lee", "Bo Chen"]
    assert article.published == "2021-05-03T08:00:00+00:00"
    assert article.updated == "2021-05-04T09:30:00+00:00"
    assert article.outlet == "The Daily Example"
    assert article.language == "en"
    assert article.source_format == "html"


def test_provenance_signals_from_page_metadata_and_text():
    article = extract_html(NEWS_PAGE)
    by_kind = {s.kind: s for s in article.signals}
    assert by_kind["canonical"].url == "https://original.example.org/2021/05/ministry-paid"
    assert by_kind["syndication-source"].url == "https://wire.example.net/story/123"
    assert by_kind["is_based_on"].value == "Example Wire"
    assert by_kind["is_based_on"].date == "2021-05-02"
    assert by_kind["source_organization"].value == "Example Wire"
    assert by_kind["original_source"].value == "Example Wire"
    assert by_kind["original_source"].span.text.startswith("This article was originally published")


def test_html_text_starts_with_the_title_and_spans_are_exact():
    article = extract_html(NEWS_PAGE)
    assert article.text.startswith("Ministry paid contractor millions\n\n")
    assert article.title_span.text == "Ministry paid contractor millions"
    for span in article.paragraphs + [b.span for b in article.boilerplate]:
        assert article.text[span.start:span.end] == span.text
    assert len(article.paragraphs) == 6
    assert "Home" not in article.body_text()


def test_meta_value_attribute_is_read_as_content():
    page = ("<html><head><meta name=\"og:title\" value=\"Value Title\"><meta name=\"article:published_time\" "
            f"value=\"2015-04-11T06:00:00-04:00\"></head><body><article>{BODY}</article></body></html>")
    article = extract_html(page)
    assert article.title == "Value Title"
    assert article.published == "2015-04-11T06:00:00-04:00"


def test_page_with_no_article_text():
    with pytest.raises(NoArticleFound):
        extract_html("<html><head><title>Login</title></head><body><nav>Home</nav><form>Password</form></body></html>")


def test_page_that_is_not_html_at_all():
    with pytest.raises(NoArticleFound):
        extract_html("<html></html>")


def test_script_and_markup_in_article_text_are_not_executed_or_kept():
    page = f"<html><body><article>{BODY}<script>alert('x')</script><p>Tail &lt;b&gt; text.</p></article></body></html>"
    article = extract_html(page)
    assert "alert(" not in article.text


GOLD = json.loads((TEST_DATA / "whitehouse_gold.json").read_text())


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_whitehouse_samples_match_gold(gold):
    text, _ = decode_bytes((EXAMPLES / gold["file"]).read_bytes())
    article = extract_html(text, url=gold["url"])
    assert article.title == gold["title"]
    if gold["author"]:
        assert article.authors == [gold["author"]]
    assert article.published[:10] == gold["date_published"][:10]
    first = gold.get("content_first_13_words") or gold.get("content_first_words")
    body = " ".join(article.body_text().split())
    assert " ".join(first.split()) in body[:600]
