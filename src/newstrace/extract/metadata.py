"""Page metadata: meta tags, JSON-LD, OpenGraph, microdata and provenance links (canonical, original-source)."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import extruct
from lxml import html as lxml_html

from newstrace.extract.dates import to_iso

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
    page.title = _first(_text(article.get("headline")) if article else None, meta.get("og:title"),
                        meta.get("twitter:title"), meta.get("dc.title"), _title_tag(tree, meta.get("og:site_name")))
    page.authors = _authors(article.get("author")) if article else []
    if not page.authors:
        page.authors = [a for a in (meta.get("author"), meta.get("article:author"), meta.get("dc.creator"),
                                    meta.get("sailthru.author"), meta.get("parsely-author")) if a and not a.startswith("http")][:1]
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
            found[key.strip().lower()] = value.strip()
    return found


def _provenance_links(tree: lxml_html.HtmlElement, base: str | None) -> dict[str, str]:
    links: dict[str, str] = {}
    for el in tree.iter("link", "a"):
        rels = (el.get("rel") or "").lower().split()
        href = el.get("href")
        for rel in rels:
            if rel in _PROVENANCE_RELS and href and rel not in links:
                links[rel] = urljoin(base, href) if base else href
    return links


def _title_tag(tree: lxml_html.HtmlElement, site_name: str | None) -> str | None:
    titles = tree.xpath("//title/text()")
    if not titles:
        return None
    title = " ".join(titles[0].split())
    for sep in (" | ", " - ", " — ", " – ", " :: "):
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            if len(tail) < len(head) or (site_name and site_name.lower() in tail.lower()):
                return head.strip()
    return title or None


def _main_jsonld(html: str, url: str | None) -> dict[str, Any] | None:
    try:
        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
    except Exception:  # extruct raises many kinds of errors on broken markup; metadata is optional
        return None
    items = [item for syntax in ("json-ld", "microdata") for item in _flatten(data.get(syntax, []))]
    articles = [item for item in items if {t.lower() for t in _types_list(item)} & _ARTICLE_TYPES]
    articles.sort(key=lambda item: ("webpage" in {t.lower() for t in _types_list(item)}, -len(json.dumps(item))))
    return articles[0] if articles else None


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
    return str(value).strip() if value else None


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("legalName"))
    return _text(value)


def _authors(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for v in values:
        name = _name(v)
        if name and not name.startswith("http") and name not in names:
            names.append(name)
    return names


def _based_on(value: Any) -> list[dict[str, str]]:
    out = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, str) and v:
            out.append({"url": v, "name": urlsplit(v).netloc or v})
        elif isinstance(v, dict):
            url = _text(v.get("url")) or _text(v.get("@id")) or ""
            name = _name(v.get("publisher")) or _name(v) or urlsplit(url).netloc
            out.append({"url": url, "name": name or "", "date": to_iso(_text(v.get("datePublished"))) or ""})
    return [o for o in out if o.get("url") or o.get("name")]


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
