"""Page metadata: meta tags, JSON-LD, OpenGraph, microdata and provenance links (canonical, original-source)."""
from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import extruct
from lxml import html as lxml_html

from newstrace.extract.dates import to_iso
from newstrace.extract.titles import choose_title

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "opinionnewsarticle", "backgroundnewsarticle", "socialmediaposting", "report", "webpage",
                  "liveblogposting", "scholarlyarticle", "techarticle", "reviewnewsarticle"}
_PROVENANCE_RELS = ("canonical", "syndication-source", "original-source", "amphtml")
logging.getLogger("extruct").setLevel(logging.CRITICAL)


@dataclass(slots=True)
class PageMetadata:
    """What the page says about itself, before we look at its text."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    site_name: str | None = None
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    url: str | None = None
    canonical: str | None = None
    links: dict[str, str] = field(default_factory=dict)  # rel -> href (canonical, syndication-source, ...)
    is_based_on: list[dict[str, str]] = field(default_factory=list)
    source_organization: str | None = None
    description: str | None = None
    article_type: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k not in ("jsonld",)} | {
            "jsonld_types": sorted({str(_types(item)) for item in self.jsonld})}


def read_metadata(tree: lxml_html.HtmlElement, html: str, url: str | None) -> PageMetadata:
    meta = _meta_tags(tree)
    page = PageMetadata(meta=meta)
    page.language = (tree.get("lang") or meta.get("og:locale") or meta.get("language") or "").split("-")[0].split("_")[0].lower() or None
    page.links = _provenance_links(tree, url)
    page.canonical = page.links.get("canonical")
    page.url = url or page.canonical or meta.get("og:url")
    article = _main_jsonld(html, page.url)
    page.jsonld = [article] if article else []
    page.article_type = str(_types(article)) if article else None
    title_element = tree.xpath("//title/text()")
    page.title = choose_title(_text(article.get("headline")) if article else None,
                              _text(article.get("name")) if article else None, page.article_type, meta,
                              clean_text(title_element[0]) if title_element else None)
    page.authors = _authors(article.get("author")) if article else []
    if not page.authors:
        page.authors = _meta_authors(tree, meta)
    page.publisher = _name(article.get("publisher")) if article else None
    page.site_name = meta.get("og:site_name") or meta.get("application-name")
    page.published = to_iso(_first(_text(article.get("datePublished")) if article else None,
                                   meta.get("article:published_time"), meta.get("datepublished"),
                                   meta.get("pubdate"), meta.get("dc.date"), meta.get("date"),
                                   meta.get("sailthru.date"), meta.get("parsely-pub-date")))
    page.updated = to_iso(_first(_text(article.get("dateModified")) if article else None,
                                 meta.get("article:modified_time"), meta.get("og:updated_time"),
                                 meta.get("datemodified"), meta.get("last-modified")))
    page.is_based_on = _based_on(article.get("isBasedOn") or article.get("isBasedOnUrl")) if article else []
    page.source_organization = _name(article.get("sourceOrganization")) if article else None
    page.description = meta.get("og:description") or meta.get("description")
    return page


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """name/property/itemprop -> content, also for pages that store the value in ``value=``."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content") if el.get("content") is not None else el.get("value")
        if key and value and key.lower() not in found:
            found[key.strip().lower()] = clean_text(value)
    return found


def clean_text(value: str) -> str:
    """Entities resolved (twice, for pages that escape them twice: ``&amp;#039;``) and white space folded."""
    for _ in range(2):
        if "&" not in value:
            break
        value = html.unescape(value)
    return " ".join(value.split())


def _provenance_links(tree: lxml_html.HtmlElement, base: str | None) -> dict[str, str]:
    links: dict[str, str] = {}
    for el in tree.iter("link", "a"):
        rels = (el.get("rel") or "").lower().split()
        href = el.get("href")
        for rel in rels:
            if rel in _PROVENANCE_RELS and href and rel not in links:
                links[rel] = absolute_url(base, href)
    return links


def _main_jsonld(html: str, url: str | None) -> dict[str, Any] | None:
    try:
        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
    except Exception:  # extruct raises many kinds of errors on broken markup; metadata is optional
        return None
    items = [item for syntax in ("json-ld", "microdata") for item in _flatten(data.get(syntax, []))]
    articles = [item for item in items if {t.lower() for t in _types_list(item)} & _ARTICLE_TYPES]
    articles.sort(key=lambda item: ("webpage" in {t.lower() for t in _types_list(item)}, -len(json.dumps(item))))
    if not articles:
        return None
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    return articles[0] | {"author": _resolve_refs(articles[0].get("author"), by_id)}


def _resolve_refs(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A graph names its author by reference ({"@id": ...}); the person is elsewhere in the graph."""
    if isinstance(value, list):
        return [_resolve_refs(v, by_id) for v in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _flatten(items: list[Any]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            out.extend(_flatten(item.get("@graph", [])))
        elif isinstance(item, list):
            out.extend(_flatten(item))
    return out


def _types_list(item: dict[str, Any] | None) -> list[str]:
    t = (item or {}).get("@type", [])
    return [str(x) for x in (t if isinstance(t, list) else [t])]


def _types(item: dict[str, Any] | None) -> str:
    return ",".join(_types_list(item))


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return clean_text(str(value)) or None if value else None


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("legalName"))
    return _text(value)


def _authors(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for v in values:
        for name in split_author_names(_name(v) or ""):
            if name not in names:
                names.append(name)
    return names


_META_AUTHOR_KEYS = ("author", "article:author", "dcsext.author", "sailthru.author", "parsely-author")
_LIBRARY_AUTHOR_KEYS = ("citation_author", "dc.creator")  # written "Surname, Given", one tag per author
_NOT_A_NAME = re.compile(r"[():;@\n/]|^https?:|\b(?:image|photo|getty|credit)\b", re.I)
_NAME_JOINER = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*")
_PERSON_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|la|le|bin|al|el)){0,4}")


def _meta_authors(tree: lxml_html.HtmlElement, meta: dict[str, str]) -> list[str]:
    """Authors from meta tags: every library-style tag ("You, Xiaoying"), else the first author tag that is a name."""
    library = [clean_text(el.get("content") or "") for el in tree.iter("meta")
               if (el.get("name") or "").lower() in _LIBRARY_AUTHOR_KEYS]
    names = [_given_first(n) for n in library if n and not _NOT_A_NAME.search(n)]
    if names:
        return list(dict.fromkeys(names))
    for key in _META_AUTHOR_KEYS:
        found = split_author_names(meta.get(key) or "")
        if found:
            return found
    return []


def _given_first(name: str) -> str:
    surname, comma, given = name.partition(",")
    return f"{given.strip()} {surname.strip()}" if comma and given.strip() else name


def split_author_names(value: str) -> list[str]:
    """ "A B, C D and E F" is three people when every part looks like a name; links and credits are none."""
    value = clean_text(value)
    if not value or _NOT_A_NAME.search(value):
        return []
    parts = [p for p in _NAME_JOINER.split(value) if p]
    if len(parts) > 1 and all(_PERSON_NAME.fullmatch(p) and len(p.split()) >= 2 for p in parts):
        return parts
    return [value]


def _based_on(value: Any) -> list[dict[str, str]]:
    out = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, str) and v:
            out.append({"url": v, "name": url_part(v) or v})
        elif isinstance(v, dict):
            url = _text(v.get("url")) or _text(v.get("@id")) or ""
            name = _name(v.get("publisher")) or _name(v) or url_part(url)
            out.append({"url": url, "name": name or "", "date": to_iso(_text(v.get("datePublished"))) or ""})
    return [o for o in out if o.get("url") or o.get("name")]


def url_part(url: str | None, part: str = "netloc") -> str:
    """``urlsplit(url).netloc`` (or another part), empty for what urllib refuses ("http://news[.com/": ValueError)."""
    try:
        return getattr(urlsplit(url), part) if url else ""
    except ValueError:
        return ""


def absolute_url(base: str | None, href: str) -> str:
    """``href`` resolved against ``base``; as written when either is not a URL urllib can split."""
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return href


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
