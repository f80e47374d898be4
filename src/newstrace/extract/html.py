"""HTML to ``Article``: trafilatura finds the main text, our metadata reader and line rules do the rest.

``Article.text`` for an HTML page is: the title, a blank line, then each extracted block (paragraph,
heading, list item) separated by blank lines, Markdown syntax removed and link anchors kept. Byline,
date and source lines that sit outside trafilatura's main text (page headers and footers) are put
before or after the body and marked as boilerplate, so their evidence has a span too.
"""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from newstrace.errors import NoArticleFound
from newstrace.extract.lines import classify_line
from newstrace.extract.markdown import markdown_to_text
from newstrace.extract.metadata import PageMetadata, read_metadata
from newstrace.extract.text import extract_text, guess_language
from newstrace.model import Article, Signal

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
_PAGE_NOTICE_KINDS = {"byline", "source", "dateline"}
_MAX_PAGE_NOTICES = 8
_MIN_BODY_CHARS = 80
# The text is already decoded, so a declared encoding is spent; lxml refuses str input that declares one.
_XML_DECLARATION = re.compile(r"^[\ufeff\s]*<\?xml\b[^>]*\?>", re.I)


def extract_html(html: str, *, url: str | None = None, name: str | None = None) -> Article:
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = _parse(html, name)
    page = read_metadata(tree, html, url)
    blocks = _main_text_blocks(html, page.url, favor_recall=False)
    if sum(len(b) for b in blocks) < _MIN_BODY_CHARS:
        blocks = _main_text_blocks(html, page.url, favor_recall=True)  # short pages: take more, not nothing
    if sum(len(b) for b in blocks) < _MIN_BODY_CHARS:
        raise NoArticleFound("no article text found in the HTML page", source=name)
    title = page.title or _fallback_title(html) or None
    if title and blocks and _same(blocks[0], title):
        blocks = blocks[1:]
    header, footer = _page_notices(tree, blocks)
    parts = ([_escape_md(title)] if title else []) + header + blocks + footer
    md = markdown_to_text("\n\n".join(parts))
    article = extract_text(md.text, url=page.url, source_format="html",
                           title_hint=md.text.split("\n", 1)[0] if title else None, links=md.links)
    _apply_metadata(article, page, html)
    return article


def _parse(html: str, name: str | None) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError) as err:
        raise NoArticleFound(f"cannot parse the HTML ({err})", source=name) from None
    if tree is None:
        raise NoArticleFound("the HTML page is empty", source=name)
    return tree


def _main_text_blocks(html: str, url: str | None, *, favor_recall: bool) -> list[str]:
    body = trafilatura.extract(html, url=url, output_format="markdown", include_links=True, include_comments=False,
                               include_tables=True, include_images=False, deduplicate=False,
                               favor_recall=favor_recall)
    return [line.strip() for line in _join_wrapped_links(body or "").splitlines() if line.strip()]


def _join_wrapped_links(markdown: str) -> str:
    """trafilatura wraps long link anchors over several lines; a link is one block of text."""
    return re.sub(r"\[([^\[\]]*\n[^\[\]]*)\]\(", lambda m: "[" + " ".join(m.group(1).split()) + "](", markdown)


def _fallback_title(html: str) -> str | None:
    meta = trafilatura.extract_metadata(html)
    return meta.title if meta and meta.title else None


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def _escape_md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]#<>])", r"\\\1", text)


def _page_notices(tree: lxml_html.HtmlElement, blocks: list[str]) -> tuple[list[str], list[str]]:
    """Byline, date and source lines of the page that the main-text extraction left out."""
    lines = _visible_lines(tree)
    body_keys = {_key(b) for b in blocks}
    # Short blocks ("Twitter", "Blog") also appear in menus; a long one places the body on the page.
    long_keys = {_key(b) for b in blocks if len(b) >= 60} or body_keys
    first_body = next((i for i, line in enumerate(lines) if _key(line) in long_keys), len(lines))
    header, footer = [], []
    for i, line in enumerate(lines):
        if len(line) > 300 or _key(line) in body_keys:
            continue
        match = classify_line(line)
        if not match or match.kind not in _PAGE_NOTICE_KINDS:
            continue
        if match.kind == "dateline" and not (match.outlet or match.rule == "date_line"):
            continue
        target = header if i < first_body else footer
        if line not in target and len(header) + len(footer) < _MAX_PAGE_NOTICES:
            target.append(_escape_md(line))
    return header, footer


def _visible_lines(tree: lxml_html.HtmlElement) -> list[str]:
    tree = lxml_html.fromstring(lxml_html.tostring(tree))  # a copy: we remove elements
    for el in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        el.drop_tree()
    for el in tree.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                        "header", "footer", "span", "time", "a"):
        if el.tag in ("span", "time", "a"):
            continue
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    text = tree.text_content()
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())[:200]


def _apply_metadata(article: Article, page: PageMetadata, html: str) -> None:
    """Page metadata wins over what the text lines suggest; both are kept in ``metadata``."""
    text_authors = list(article.authors)
    article.authors = page.authors or text_authors
    article.title = article.title or page.title
    article.published = page.published or article.published or _htmldate(html, original=True)
    article.updated = page.updated or article.updated
    if article.updated and article.published and article.updated == article.published:
        article.updated = None
    domain = urlsplit(page.url).netloc.removeprefix("www.") if page.url else None
    article.outlet = page.site_name or page.publisher or article.outlet or domain
    article.language = page.language or guess_language(article.body_text())
    article.metadata = {"page": page.to_dict(), "text_authors": text_authors}
    article.signals = _meta_signals(page) + article.signals


def _htmldate(html: str, *, original: bool) -> str | None:
    try:
        return find_date(html, original_date=original, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is a best-effort fallback; a failure means "no date"
        return None


def _meta_signals(page: PageMetadata) -> list[Signal]:
    signals = []
    for rel in ("canonical", "syndication-source", "original-source"):
        if rel in page.links:
            signals.append(Signal(rel, urlsplit(page.links[rel]).netloc, "meta", url=page.links[rel]))
    for based in page.is_based_on:
        signals.append(Signal("is_based_on", based.get("name", ""), "meta", url=based.get("url") or None,
                              date=based.get("date") or None))
    if page.source_organization:
        signals.append(Signal("source_organization", page.source_organization, "meta"))
    if page.publisher:
        signals.append(Signal("publisher", page.publisher, "meta", date=page.published))
    if page.site_name:
        signals.append(Signal("og_site_name", page.site_name, "meta"))
    return signals
