"""HTML to ``Article``: trafilatura finds the main text, our metadata reader and line rules do the rest.

``Article.text`` for an HTML page is: the title, a blank line, then each extracted block (paragraph,
heading, list item) separated by blank lines, Markdown syntax removed and link anchors kept. Byline,
date and source lines that sit outside trafilatura's main text (page headers and footers) are put
before or after the body and marked as boilerplate, so their evidence has a span too.
"""
from __future__ import annotations

import logging
import re
from collections import Counter

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from newstrace.errors import NoArticleFound
from newstrace.extract.lines import classify_fact_line
from newstrace.extract.furniture import EMBED_MARKER, FoundEmbed, Furniture, take_furniture
from newstrace.extract.markdown import escape_markdown, join_markdown
from newstrace.extract.markup import with_bounded_attributes, with_bounded_depth, without_illegal_characters
from newstrace.extract.metadata import PageMetadata, read_metadata, url_part
from newstrace.extract.text import extract_text, guess_language, set_aside_author_bios, set_aside_teasers
from newstrace.model import Article, Boilerplate, Embed, Signal, Span
from newstrace.reading.sniff import detect_format

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
_PAGE_NOTICE_KINDS = {"byline", "source", "dateline"}
_MAX_PAGE_NOTICES = 8
_MIN_BODY_CHARS = 80
_DECLARED_BODY_OVERLAP, _DECLARED_BODY_RATIO = 0.95, 1.5
_PROSE = re.compile(r"\w+[\s,;:]+\w+")
# The text is already decoded, so a declared encoding is spent; lxml refuses str input that declares one.
_XML_DECLARATION = re.compile(r"^[\ufeff\s]*<\?xml\b[^>]*\?>", re.I)


def extract_html(html: str, *, url: str | None = None, name: str | None = None) -> Article:
    html = with_bounded_attributes(without_illegal_characters(_XML_DECLARATION.sub("", html, count=1)))
    tree, too_deep = _parse(html, name)
    if too_deep:  # libxml2 drops what lies deeper than 256 elements; unwrapped, the text is kept
        html = with_bounded_depth(html)
        tree, _ = _parse(html, name)
    page = read_metadata(tree, html, url)
    furniture = take_furniture(tree)
    blocks = _main_text_blocks(furniture.tree, page.url, favor_recall=False)
    if _body_chars(blocks) < _MIN_BODY_CHARS:
        blocks = _main_text_blocks(furniture.tree, page.url, favor_recall=True)  # short pages: take more, not nothing
    if _body_chars(blocks) < _MIN_BODY_CHARS:
        raise NoArticleFound("no article text found in the HTML page", source=name)
    blocks, body_source = _longer_declared_body(blocks, page)
    title = page.title or _fallback_title(html) or None
    if title and blocks and _same(blocks[0], title):
        blocks = blocks[1:]
    header, footer = _page_notices(tree, blocks)
    body, placed = _place_embeds(blocks, furniture.embeds)
    late = [e for i, e in enumerate(furniture.embeds) if i not in placed]
    parts = ([escape_markdown(title)] if title else []) + header + body + [escape_markdown(e.text) for e in late] + footer
    md, ranges = join_markdown(parts)
    article = extract_text(md.text, url=page.url, source_format="html",
                           title_hint=md.text.split("\n", 1)[0] if title else None, links=md.links)
    first_body = (1 if title else 0) + len(header)
    embed_ranges = [ranges[first_body + placed[i]] for i in sorted(placed)]
    embed_ranges += [ranges[first_body + len(body) + i] for i in range(len(late))]
    _set_aside_embeds(article, [furniture.embeds[i] for i in sorted(placed)] + late, embed_ranges)
    _set_aside_boxes(article, furniture)
    body_ranges = ranges[first_body:first_body + len(body)]
    _set_aside_headings(article, body, body_ranges, _title_forms(page, tree, title))
    set_aside_teasers(article)
    _apply_metadata(article, page, html)
    set_aside_author_bios(article)
    article.metadata["body_source"] = body_source
    return article


def _longer_declared_body(blocks: list[str], page: PageMetadata) -> tuple[list[str], str]:
    """The JSON-LD ``articleBody`` when it holds every word we found and far more: the main text stopped early.

    trafilatura sometimes keeps only the first of several containers of a long article; the page's own
    ``articleBody`` then has the rest. Only a body with line breaks is taken (it keeps the paragraphs).
    """
    declared = page.jsonld[0].get("articleBody") if page.jsonld else None
    declared = " ".join(declared) if isinstance(declared, list) else declared
    if not isinstance(declared, str) or "\n" not in declared.strip():
        return blocks, "main_text"
    ours, theirs = Counter(_words(" ".join(blocks))), Counter(_words(declared))
    found = sum((ours & theirs).values()) / max(1, sum(ours.values()))
    if found >= _DECLARED_BODY_OVERLAP and sum(theirs.values()) >= _DECLARED_BODY_RATIO * sum(ours.values()):
        # Some CMSs write the body as Markdown with directive lines ("+++dropcap", "{: type=...}"): a line
        # without two words in a row is no paragraph, and Markdown is read as Markdown.
        lines = [line.strip() for line in declared.splitlines() if _PROSE.search(line)]
        if detect_format("\n\n".join(lines)).format != "markdown":
            lines = [escape_markdown(line) for line in lines]
        return lines, "jsonld_article_body"
    return blocks, "main_text"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _body_chars(blocks: list[str]) -> int:
    return sum(len(b) for b in blocks if not b.startswith("newstraceembedmarker"))


def _place_embeds(blocks: list[str], embeds: list[FoundEmbed]) -> tuple[list[str], dict[int, int]]:
    """Marker blocks become the embedded posts' text, where trafilatura kept them; returns embed -> block index."""
    out, placed = [], {}
    for block in blocks:
        m = re.fullmatch(EMBED_MARKER.format(r"(\d+)"), block.strip("\\ "))
        if not m:
            out.append(block)
            continue
        index = int(m.group(1))
        if index < len(embeds) and embeds[index].text and index not in placed:
            placed[index] = len(out)
            out.append(escape_markdown(embeds[index].text))
    return out, placed


def _set_aside_embeds(article: Article, embeds: list[FoundEmbed], ranges: list[tuple[int, int]]) -> None:
    """An embedded post is not the outlet's body text: it leaves the paragraphs and becomes an ``Embed``."""
    for embed, (start, end) in zip(embeds, ranges):
        span = Span.of(article.text, start, end) if end > start else None
        if span:
            _take_out(article, span)
        article.embeds.append(Embed(embed.platform, span, embed.url, embed.handle, embed.display_name,
                                    embed.date, embed.rule))
    for embed in (e for e in embeds if not e.text):  # a video player: no words, still a record
        if not any(x.url == embed.url for x in article.embeds):
            article.embeds.append(Embed(embed.platform, None, embed.url, embed.handle, embed.display_name,
                                        embed.date, embed.rule))


def _set_aside_boxes(article: Article, furniture: Furniture) -> None:
    """A paragraph whose words come from a box of the page (and only from there) is that box's boilerplate."""
    keep = []
    for para in article.paragraphs:
        box = furniture.box_of(para.text)
        if box:
            article.boilerplate.append(Boilerplate(box.kind, para, box.rule))
        else:
            keep.append(para)
    article.paragraphs = keep
    # The box says more than a line pattern: "READ MORE: ..." inside a read-more box is that box.
    article.boilerplate = [Boilerplate(box.kind, b.span, box.rule) if (box := furniture.box_of(b.span.text)) else b
                           for b in article.boilerplate]
    article.boilerplate.sort(key=lambda b: b.span.start)


_HEADING = re.compile(r"#{1,6}\s")
_MAX_HEADING_SHARE = 0.5  # a page whose "headings" are half its text marks paragraphs as headings


def _set_aside_headings(article: Article, blocks: list[str], ranges: list[tuple[int, int]], titles: set[str]) -> None:
    """Headlines, subheadings and the headline repeated in the body are the page's titles, not its prose.

    A subheading ("What else is in the King's Speech?") is the editor's label for what follows; a quote
    or figure in it is said again, in full, in the paragraphs. Kept as typed boilerplate in place.
    """
    headings = {ranges[i]: "headline" if block.startswith("# ") else "subheading"
                for i, block in enumerate(blocks) if _HEADING.match(block)}
    headings |= {ranges[i]: "repeated_title" for i, block in enumerate(blocks)
                 if i < 3 and ranges[i] not in headings and _key(block) in titles}
    chosen = [p for p in article.paragraphs if (p.start, p.end) in headings]
    if sum(len(p.text) for p in chosen) > _MAX_HEADING_SHARE * sum(len(p.text) for p in article.paragraphs):
        return
    rule = {(p.start, p.end): headings[(p.start, p.end)] for p in chosen}
    article.paragraphs = [p for p in article.paragraphs if (p.start, p.end) not in rule]
    article.boilerplate += [Boilerplate("title", p, rule[(p.start, p.end)]) for p in chosen]
    article.boilerplate.sort(key=lambda b: b.span.start)


def _title_forms(page: PageMetadata, tree: lxml_html.HtmlElement, title: str | None) -> set[str]:
    """Every headline the page gives itself, as comparison keys (its JSON-LD, OpenGraph, Twitter and h1)."""
    forms = [title, page.title, page.meta.get("og:title"), page.meta.get("twitter:title")]
    forms += [h.text_content() for h in tree.iter("h1")][:3]
    return {_key(f) for f in forms if f and f.strip()}


def _take_out(article: Article, span: Span) -> None:
    inside = lambda s: s is not None and s.start < span.end and span.start < s.end  # noqa: E731
    article.paragraphs = [p for p in article.paragraphs if not inside(p)]
    article.boilerplate = [b for b in article.boilerplate if not inside(b.span)]
    article.signals = [s for s in article.signals if not inside(s.span)]


def _parse(html: str, name: str | None) -> tuple[lxml_html.HtmlElement, bool]:
    """The tree, and whether libxml2 hit its nesting limit (and so left the deeper elements out)."""
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        tree = lxml_html.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise NoArticleFound(f"cannot parse the HTML ({err})", source=name) from None
    if tree is None:
        raise NoArticleFound("the HTML page is empty", source=name)
    too_deep = any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)
    return tree, too_deep


def _main_text_blocks(tree: lxml_html.HtmlElement, url: str | None, *, favor_recall: bool) -> list[str]:
    """trafilatura's main text as Markdown lines; it works on a copy of ``tree`` (no second parse)."""
    try:
        body = trafilatura.extract(tree, url=url, output_format="markdown", include_links=True, include_comments=False,
                                   include_tables=True, include_images=False, deduplicate=False,
                                   favor_recall=favor_recall)
    except Exception as err:  # a library bug on a broken page is this page's problem, not a crash
        raise NoArticleFound(f"the main-text extractor failed on this page ({type(err).__name__})") from None
    lines = [line.strip() for line in _join_soft_breaks(_join_wrapped_links(body or "")).splitlines() if line.strip()]
    return _group_table_rows(lines)


def _group_table_rows(lines: list[str]) -> list[str]:
    """A Markdown table is one block: its rows and the separator line must stay together to parse as a table."""
    blocks: list[str] = []
    for line in lines:
        if line.startswith("|") and blocks and blocks[-1].startswith("|"):
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
    return blocks


# trafilatura separates its blocks by blank lines and strips their ends; a single line break with white space
# beside it is the page's own line wrapping inside one paragraph, kept where the paragraph holds a link.
_BLOCK_START = re.compile(r"[-*+]\s|\d+[.)]\s|[#|>]")


def _join_soft_breaks(markdown: str) -> str:
    """ "The [airline](/x)\n had said a flight from the \nKathmandu" is one paragraph, as Markdown reads it."""
    lines = markdown.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        before, after = out[-1], line.lstrip(" \t")
        wrapped = before.strip() and after and (before != before.rstrip(" \t") or after != line)
        if wrapped and not _BLOCK_START.match(before.lstrip()) and not _BLOCK_START.match(after):
            out[-1] = before.rstrip(" \t") + " " + after
        else:
            out.append(line)
    return "\n".join(out)


def _join_wrapped_links(markdown: str) -> str:
    """trafilatura wraps long link anchors over several lines; a link is one block of text."""
    return re.sub(r"\[([^\[\]]*\n[^\[\]]*)\]\(", lambda m: "[" + " ".join(m.group(1).split()) + "](", markdown)


def _fallback_title(html: str) -> str | None:
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # a best-effort fallback; htmldate inside it asserts on some broken trees
        return None
    return meta.title if meta and meta.title else None


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


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
        match = classify_fact_line(line)  # the other notice kinds are not moved, so not looked for
        if not match or match.kind not in _PAGE_NOTICE_KINDS:
            continue
        if match.kind == "dateline" and not (match.outlet or match.rule == "date_line"):
            continue
        target = header if i < first_body else footer
        if line not in target and len(header) + len(footer) < _MAX_PAGE_NOTICES:
            target.append(escape_markdown(line))
    return header, footer


_HIDDEN = {"script", "style", "noscript", "template", "svg", "head"}
_LINE_BREAKING = {"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
                  "footer"}


def _visible_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """The page's text as a reader sees it, one line per block; read without copying the tree."""
    parts: list[str] = []
    _collect_text(tree, parts)
    return [" ".join(line.split()) for line in "".join(parts).splitlines() if line.strip()]


def _collect_text(el: lxml_html.HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in _HIDDEN and (tag or el.tag is etree.Entity):
        breaks = tag in _LINE_BREAKING
        parts.append("\n" if breaks else "")
        parts.append(el.text or "" if tag else "")
        for child in el:
            _collect_text(child, parts)
        parts.append("\n" if breaks else "")
    parts.append(el.tail or "")


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
    domain = url_part(page.url).removeprefix("www.") or None
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
            signals.append(Signal(rel, url_part(page.links[rel]), "meta", url=page.links[rel]))
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
