"""Credit lines in the text that say where the story came from, read where extraction kept no signal for them.

"With files from The Associated Press", "— Associated Press writer Jane Doe contributed to this report",
"Kveller via JTA" (the origin, then the agency that carried it), a paragraph ending "… said. — PTI". Each credit
must name a wire (or, for "X via Y", two names that read as outlets), so a photo credit or a sentence
that happens to contain "via" gives nothing.
"""
from __future__ import annotations

import re
from typing import Iterator

from newstrace.model import Article, Span
from newstrace.provenance import outlets
from newstrace.provenance.candidate import Candidate
from newstrace.provenance.signals import Page, link

_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.&'’-]*){0,5}"
_FILES = re.compile(rf"^\(?\s*(?i:with\s+(?:files|reporting|additional\s+reporting|inputs?)\s+(?:from|by)\s+|"
                    rf"(?:information|material)\s+from\s+)(?P<who>(?:[Tt]he\s+)?{_NAME})")
# "— Associated Press writer Jane Doe in Paris contributed to this report", "The Associated Press contributed to this story."
_CONTRIBUTED = re.compile(rf"^[—–-]*\s*(?P<who>(?:The\s+)?{_NAME}?)\s+(?:(?:writers?|reporters?|correspondents?|journalists?)\s+"
                          rf"{_NAME}.{{0,120}}?\s)?contributed\b")
# A short byline in the text: "Jane Roe | Reuters", "By Jane Roe, Associated Press".
_BYLINE = re.compile(rf"^(?:[Bb]y\s+)?{_NAME}(?:\s+and\s+{_NAME})?\s*[|,]\s*(?P<who>(?:[Tt]he\s+)?{_NAME})$")
_VIA = re.compile(rf"^(?P<origin>{_NAME})\s+via\s+(?P<who>(?:the\s+)?{_NAME})\.?$")
_TRAILING = re.compile(r"(?:\s[—–-]{1,2}\s*|\()(?P<who>PTI|IANS|ANI|AFP|Reuters|AP|dpa|Xinhua|AAP|UNI)\)?\.?\s*$")


def credit_candidates(article: Article, page: Page) -> list[Candidate]:
    """Wire and origin links from credit lines in the body and in the boilerplate kept aside."""
    spans = list(article.paragraphs) + [b.span for b in article.boilerplate]
    found: list[Candidate] = []
    for span in sorted(spans, key=lambda s: s.start):
        found += list(_credits_in(article, span, page))
    return found


def _credits_in(article: Article, span: Span, page: Page) -> Iterator[Candidate]:
    text = span.text.strip()
    lead = span.start + (len(span.text) - len(span.text.lstrip()))
    for pattern, kind in ((_FILES, "files_from"), (_CONTRIBUTED, "contributed")):
        m = pattern.match(text)
        if m and outlets.is_wire(outlets.clean_name(re.split(r"\s+writers?\b", m.group("who"))[0])):
            yield _candidate(article, m.group("who"), "wire", kind, lead, lead + m.end(), page)
            return
    byline = _BYLINE.match(text) if len(text) <= 80 and span in article.paragraphs[:3] else None
    if byline and outlets.is_wire(outlets.clean_name(byline.group("who"))):
        yield _candidate(article, byline.group("who"), "wire", "byline", lead, lead + byline.end(), page)
        return
    via = _VIA.match(text) if len(text) <= 80 else None
    if via and all(_outlet_like(via.group(g)) for g in ("origin", "who")):
        yield _candidate(article, via.group("origin"), "origin", "credit_via", lead, lead + via.end(), page)
        # The name after "via" carried the story from its origin to this page.
        yield _candidate(article, via.group("who"), "syndicator", "credit_via", lead, lead + via.end(), page)
        return
    tail = _TRAILING.search(text) if span in article.paragraphs[-3:] else None
    if tail:
        start = lead + tail.start("who")
        yield _candidate(article, tail.group("who"), "wire", "wire_credit", start, start + len(tail.group("who")), page)


def _outlet_like(name: str) -> bool:
    """"KVELLER", "JTA", "the Los Angeles Times": a table outlet, a media word, or a name in capitals (a masthead)."""
    name = outlets.clean_name(name)
    return bool(outlets.lookup(name) or outlets.MEDIA_WORDS.search(name) or (name.isupper() and len(name) >= 3))


def _candidate(article: Article, name: str, role: str, kind: str, start: int, end: int, page: Page) -> Candidate:
    name = outlets.clean_name(name)
    if name.isupper() and len(name) > 4 and not outlets.lookup(name):
        name = name.title()  # "KVELLER" is Kveller
    source = link(name, role, kind, page, evidence=[Span.of(article.text, start, end)])
    return Candidate(source, start)
