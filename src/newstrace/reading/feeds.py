"""RSS 2.0 / RSS 1.0 / Atom feeds read with defusedxml: no DTD entities, no external references.

A feed yields one ``Record`` per item, built from the item's own content (``content:encoded``,
Atom ``content``, else the description/summary). Item pages are fetched only when the caller asks.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Callable, Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from newstrace.errors import MalformedFeed, NewstraceError
from newstrace.reading.document import RawDocument, Record

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
}
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]", re.S)


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str | None
    link: str | None
    content: str | None  # HTML
    content_kind: str  # "content" | "summary" | "none"
    published: str | None
    authors: tuple[str, ...]


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_START.match(data[:4096]))


def parse_feed(data: bytes, *, name: str = "<feed>") -> tuple[str | None, list[FeedItem]]:
    """Return ``(feed title, items)``; a broken or unsafe feed raises ``MalformedFeed``."""
    root = _parse_xml(data, name)
    tag = _local(root.tag)
    if tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise MalformedFeed("RSS without a <channel>", source=name)
        return _text(channel.find("title")), [_rss_item(i) for i in channel.findall("item")]
    if tag == "RDF":
        channel = root.find("rss1:channel", _NS)
        title = _text(channel.find("rss1:title", _NS)) if channel is not None else None
        return title, [_rss_item(i, ns="rss1:") for i in root.findall("rss1:item", _NS)]
    if tag == "feed" and root.tag.startswith("{" + _NS["atom"]):
        return _text(root.find("atom:title", _NS)), [_atom_entry(e) for e in root.findall("atom:entry", _NS)]
    raise MalformedFeed(f"XML root <{tag}> is neither RSS nor Atom", source=name)


def feed_documents(data: bytes, *, name: str, fetch_items: bool = False,
                   fetch: Callable[[str], RawDocument] | None = None) -> Iterator[Record | NewstraceError]:
    """One document (or the error in its place) per item; ``fetch`` is called only when ``fetch_items`` is set."""
    outlet, items = parse_feed(data, name=name)
    for index, item in enumerate(items, 1):
        locator = item.link or f"{name}#item{index}"
        fields = {"title": item.title, "outlet": outlet, "published": item.published,
                  "authors": list(item.authors), "url": item.link,
                  "metadata": {"feed": name, "feed_content": item.content_kind}}
        if fetch_items and item.link and fetch is not None:
            try:
                yield Record(fetch(item.link), locator, fields)
            except NewstraceError as err:
                yield err
        elif item.content:
            raw = RawDocument(name=f"{name}#item{index}", data=_as_page(item, outlet).encode("utf-8"), url=item.link,
                              content_type="text/html", charset="utf-8")
            yield Record(raw, locator, fields, fmt="html", text_fallback=_as_text(item))
        else:
            yield MalformedFeed(f"item {index} has no content; pass --fetch-items to fetch {item.link}",
                                source=name)


def _as_page(item: FeedItem, outlet: str | None) -> str:
    """Item content is an HTML fragment; extraction expects a page, so give it one carrying the item's metadata."""
    meta = [("og:site_name", outlet), ("article:published_time", item.published), ("og:url", item.link)]
    head = "".join(f'<meta property="{k}" content="{html.escape(v)}">' for k, v in meta if v)
    head += "".join(f'<meta name="author" content="{html.escape(a)}">' for a in item.authors)
    content = item.content or ""
    if not _TAG.search(content):  # plain text: paragraphs the extractor can see
        content = "".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", content) if p.strip())
    return (f"<html><head><title>{html.escape(item.title or '')}</title>{head}</head>"
            f"<body><article>{content}</article></body></html>")


def _as_text(item: FeedItem) -> str:
    """The item as plain text (title, blank line, content without tags), for teasers too short for HTML extraction."""
    paragraphs = re.split(r"</p>|<br\s*/?>|\n\s*\n", item.content or "")
    body = "\n\n".join(t for p in paragraphs if (t := " ".join(html.unescape(_TAG.sub(" ", p)).split())))
    return f"{item.title}\n\n{body}" if item.title else body


def _parse_xml(data: bytes, name: str) -> Element:
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as err:
        raise MalformedFeed(f"refused: the feed declares XML entities or external references ({type(err).__name__})",
                            source=name) from None
    except ParseError as err:
        raise MalformedFeed(f"not well-formed XML ({err})", source=name) from None


def _rss_item(item: Element, ns: str = "") -> FeedItem:
    nsmap = _NS if ns else None
    encoded = _text(item.find("content:encoded", _NS))
    description = _text(item.find(f"{ns}description", nsmap))
    authors = [t for t in (_text(item.find("author")), _text(item.find("dc:creator", _NS))) if t]
    date = _text(item.find("pubDate")) or _text(item.find("dc:date", _NS))
    return FeedItem(_text(item.find(f"{ns}title", nsmap)), _text(item.find(f"{ns}link", nsmap)),
                    encoded or description, "content" if encoded else ("summary" if description else "none"),
                    _iso_date(date), tuple(authors))


def _atom_entry(entry: Element) -> FeedItem:
    link = None
    for candidate in entry.findall("atom:link", _NS):
        if candidate.get("rel", "alternate") == "alternate":
            link = candidate.get("href")
            break
    content = _text(entry.find("atom:content", _NS))
    summary = _text(entry.find("atom:summary", _NS))
    authors = tuple(t for a in entry.findall("atom:author", _NS) if (t := _text(a.find("atom:name", _NS))))
    date = _text(entry.find("atom:published", _NS)) or _text(entry.find("atom:updated", _NS))
    return FeedItem(_text(entry.find("atom:title", _NS)), link, content or summary,
                    "content" if content else ("summary" if summary else "none"), _iso_date(date), authors)


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value  # Atom dates are already ISO 8601


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
