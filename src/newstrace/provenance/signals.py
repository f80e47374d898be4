"""Extraction signals (page metadata, source lines, bylines, datelines) become candidate chain links.

Each signal kind has one small reader. A reader returns no link when the signal does not name an
outlet (a photo credit, "news agencies"), or names the page's own outlet (then it is evidence for the
page itself, role ``self``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from newstrace.model import Article, Signal, Source, Span
from newstrace.provenance import outlets
from newstrace.provenance.candidate import Candidate
from newstrace.provenance.datelines import find_dateline
from newstrace.provenance.when import month_day

_PARTS = re.compile(r"\s*(?:,|;|/|\band\b|&|\+)\s*")
_DISTRIBUTED = re.compile(r"\bdistributed\s+by\s+(?P<who>[^.]+(?:\.(?:com|org))?)", re.I)
_PERSON_NAME = re.compile(r"[A-Z][a-z-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z-]+|de|van|von|al)){1,2}")


@dataclass(frozen=True, slots=True)
class Page:
    """What is known about the page itself: its outlet, domain and date."""

    outlet: str | None
    domain: str | None
    date: str | None
    url: str | None

    @classmethod
    def of(cls, article: Article) -> "Page":
        """The page; with no published date in its metadata, the date of its in-body dateline."""
        domain = outlets.domain_of(article.url)
        name = _own_outlet(article, domain)
        dateline = find_dateline(article) if not article.published else None
        date = article.published or (dateline.date if dateline else None)
        return cls(outlets.canonical_name(name) if name else None, domain, date, article.url)

    def is_self(self, name: str | None) -> bool:
        return bool(name) and (outlets.same_outlet(name, self.outlet) or outlets.names_site(name, self.domain))


def _own_outlet(article: Article, domain: str | None) -> str | None:
    """The page's own outlet, from what the page says about itself first.

    The JSON-LD publisher when it names this site (not a syndication platform's source), then
    ``og:site_name`` / ``application-name``, each only when written as a name ("theprovince" and
    "Breaking News Headlines - 9News" are not); then the table's name for the host, the host, and the text's
    guess. A byline outlet in the text ("By Jane Doe, The Washington Post") is where the text came from,
    which need not be the site it was found on, so the URL outranks it.
    """
    page = _page_meta(article)
    meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
    site, publisher = page.get("site_name"), page.get("publisher")
    names = [publisher if publisher and (not domain or outlets.names_site(publisher, domain)
                                         or outlets.same_outlet(publisher, site)) else None,
             site, meta.get("application-name")]
    written = [n.strip() for n in names if n and n.strip()]
    proper = next((n for n in written if outlets.plausible_name(n)), None)
    known = outlets.lookup(domain) if domain else None
    for name in (proper, known.name if known else None, written[0] if written else None, domain, article.outlet):
        if name:
            return name
    return None


def _page_meta(article: Article) -> dict:
    page = article.metadata.get("page")
    return page if isinstance(page, dict) else {}


def author_candidates(article: Article, page: Page) -> list[Candidate]:
    """A wire named as the author ("Associated Press", "AP", "Associated Press in Valencia"): the text is the wire's."""
    meta = _page_meta(article).get("meta") or {}
    names = list(article.authors) + [meta.get(k) for k in ("article:author", "author", "parsely-author")]
    found: list[Candidate] = []
    # "Jane Roe | Reuters", "Jane Roe, Associated Press": the wire is one part of the author line.
    parts = [p for n in names if isinstance(n, str) for p in re.split(r"\s*[|,]\s*|\s+[-–—]\s+", n)]
    for name in parts:
        name = re.sub(r"\s+in\s+[A-Z][\w .'’-]+$", "", name.strip())
        if outlets.is_wire(name) and not page.is_self(name) and not any(
                outlets.same_outlet(c.source.name, name) for c in found):
            found.append(Candidate(link(name, "wire", "author", page), -1))
    return found


def signal_candidates(article: Article, page: Page) -> list[Candidate]:
    """Candidate links for every provenance signal the extraction stage kept, and copyright lines."""
    found: list[Candidate] = []
    for signal in article.signals:
        reader = _READERS.get(signal.kind)
        if reader:
            order = signal.span.start if signal.span else -1
            found += [Candidate(src, order) for src in reader(signal, page)]
    found += _copyright_candidates(article, page)
    return found + author_candidates(article, page) + _dateline_wire(article, page)


def _dateline_wire(article: Article, page: Page) -> list[Candidate]:
    """"LONDON, 3 June 2021 (Reuters) - …" when extraction did not split the dateline off."""
    dateline = find_dateline(article)
    if not dateline or not dateline.wire:
        return []
    source = link(dateline.wire, "wire", "wire_dateline", page, date=dateline.date, evidence=[dateline.span])
    return [Candidate(source, dateline.span.start)]


def link(name: str, role: str, signal: Signal | str, page: Page, *, date: str | None = None,
         url: str | None = None, evidence: list[Span] | None = None) -> Source:
    """A ``Source``; a name that is the page's own outlet gets role ``self``."""
    kind = signal if isinstance(signal, str) else signal.kind
    spans = evidence if evidence is not None else ([signal.span] if isinstance(signal, Signal) and signal.span else [])
    name = outlets.canonical_name(name)
    if page.is_self(name) and role not in ("print edition",):
        role = "self"
    return Source(name=name, kind=name_kind(name), role=role, date=date, url=url, evidence=spans, signal=kind)


def name_kind(name: str) -> str:
    """``person`` for a bare personal name ("Jane Doe"), else ``outlet``."""
    if outlets.looks_like_outlet(name) or "." in name or outlets.lookup(name):
        return "outlet"
    return "person" if _PERSON_NAME.fullmatch(name) else "outlet"


def _upstream_role(name: str) -> str:
    return "wire" if outlets.is_wire(name) else "origin"


def _url_link(signal: Signal, page: Page) -> Iterator[Source]:
    """canonical / syndication-source / original-source: only a different site says anything
    (sundaytimes.timeslive.co.za is timeslive.co.za's own)."""
    domain = outlets.domain_of(signal.url)
    if not domain or not page.domain or outlets.registrable(domain) == outlets.registrable(page.domain):
        return
    known = outlets.lookup(domain)
    yield link(known.name if known else domain, _upstream_role(domain), signal, page, url=signal.url)


def _based_on(signal: Signal, page: Page) -> Iterator[Source]:
    name = signal.value or outlets.domain_of(signal.url)
    if name and outlets.domain_of(signal.url) != page.domain:
        yield link(name, _upstream_role(name), signal, page, date=signal.date, url=signal.url)


def _named_org(signal: Signal, page: Page) -> Iterator[Source]:
    """JSON-LD ``publisher`` / ``sourceOrganization`` naming another outlet than the site (syndication platforms)."""
    name = outlets.clean_name(signal.value)
    if name and (outlets.looks_like_outlet(name) or outlets.lookup(name)):
        yield link(name, _upstream_role(name), signal, page, date=signal.date if signal.kind == "publisher" else None)


def _site_name(signal: Signal, page: Page) -> Iterator[Source]:
    if page.is_self(signal.value):
        yield link(signal.value, "self", signal, page)


def _outlet_dateline(signal: Signal, page: Page) -> Iterator[Source]:
    """"Asia Times, 18 March 2017" under the page's own dateline: an origin only when not later than the page."""
    name = outlets.clean_name(signal.value)
    if not outlets.plausible_name(name):
        return  # navigation run together with a date ("Today's PaperPlace an AdTuesday, 26 November")
    if page.is_self(name):
        yield link(name, "self", signal, page, date=signal.date)
    elif not (signal.date and page.date and signal.date[:10] > page.date[:10]):
        yield link(name, "origin", signal, page, date=signal.date)


def _wire_dateline(signal: Signal, page: Page) -> Iterator[Source]:
    md = re.search(r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b", signal.span.text) if signal.span else None
    when = month_day(md.group(0), page.date) if md and page.date else None
    yield link(signal.value, "wire", signal, page, date=when)


def _byline_outlet(signal: Signal, page: Page) -> Iterator[Source]:
    """"By Jane Doe, Associated Press"; "Dolores Chang For Dailymail.Com" names the outlet after "for"."""
    name = re.split(r"\s+[Ff]or\s+", outlets.clean_name(signal.value))[-1]
    if outlets.plausible_name(name) and not outlets.GENERIC_SOURCES.match(name) and not outlets.JOB_TITLE.match(name):
        yield link(name, _upstream_role(name), signal, page, date=signal.date)


def _origin_line(signal: Signal, page: Page) -> Iterator[Source]:
    """"The original source of this article is X", "Republished from X", "This story was produced by X"."""
    name = outlets.clean_name(signal.value) if signal.value else outlets.domain_of(signal.url)
    if not name or outlets.GENERIC_SOURCES.match(name) or _is_pronoun(name):
        return
    if signal.kind == "produced_by" and not (outlets.looks_like_outlet(name) or outlets.lookup(name)):
        return  # "This story was written by Jane Doe" is authorship, not provenance
    yield link(name, _upstream_role(name), signal, page, date=signal.date, url=signal.url)


def _is_pronoun(name: str) -> bool:
    return name.lower() in {"us", "our site", "this site", "this website", "permission", "the author", "the authors"}


def _source_line(signal: Signal, page: Page) -> Iterator[Source]:
    """"Source: Reuters", "Source: Al Jazeera and news agencies"; never a picture or data credit."""
    if outlets.is_credit(signal.value):
        return
    for part in _PARTS.split(signal.value):
        name = outlets.clean_name(outlets.domain_of(part) if part.startswith("http") else part)
        if name and outlets.looks_like_outlet(name):
            yield link(name, _upstream_role(name), signal, page, url=signal.url)


def _wire_credit(signal: Signal, page: Page) -> Iterator[Source]:
    for part in _PARTS.split(signal.value):
        name = outlets.clean_name(part)
        if name and (outlets.is_wire(name) or outlets.looks_like_outlet(name)):
            yield link(name, _upstream_role(name), signal, page)


def _syndicated_by(signal: Signal, page: Page) -> Iterator[Source]:
    name = outlets.clean_name(signal.value)
    if name and not page.is_self(name):
        yield link(name, "syndicator", signal, page)


def _syndicated_copyright(signal: Signal, page: Page) -> Iterator[Source]:
    """Tribune Content Agency's "(c)2023 The Baltimore Sun. Visit at ... Distributed by Tribune Content Agency"."""
    yield from _origin_line(signal, page)
    dist = _DISTRIBUTED.search(signal.span.text) if signal.span else None
    if dist:
        yield from _syndicated_by(Signal("syndicated_by", dist.group("who"), "text", signal.span), page)


def _print_edition(signal: Signal, page: Page) -> Iterator[Source]:
    if page.outlet:
        yield link(page.outlet, "print edition", signal, page, date=signal.date)


_READERS: dict[str, Callable[[Signal, Page], Iterator[Source]]] = {
    "canonical": _url_link, "syndication-source": _url_link, "original-source": _url_link,
    "is_based_on": _based_on, "source_organization": _named_org, "publisher": _named_org,
    "og_site_name": _site_name, "outlet_dateline": _outlet_dateline, "wire_dateline": _wire_dateline,
    "byline_outlet": _byline_outlet, "original_source": _origin_line, "republished_from": _origin_line,
    "produced_by": _origin_line, "source_line": _source_line, "wire_credit": _wire_credit,
    "syndicated_by": _syndicated_by, "syndicated_copyright": _syndicated_copyright, "print_edition": _print_edition,
}


def _copyright_candidates(article: Article, page: Page) -> list[Candidate]:
    """"Copyright 2024 The Associated Press" on another site: a weak sign of where the text came from."""
    found = []
    for item in article.boilerplate:
        if item.kind != "copyright":
            continue
        for name in outlets.known_names_in(item.span.text):
            source = link(name, _upstream_role(name), "copyright", page, evidence=[item.span])
            found.append(Candidate(source, item.span.start))
    return found
