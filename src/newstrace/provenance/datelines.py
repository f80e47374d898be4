"""In-body datelines the extraction stage left in the first paragraph: their date, and a wire in brackets.

"PARIS, June 3, 2021 - …", "PARIS, June 3, 2021 — …", "LONDON, 3 June 2021 (Reuters) - …",
"BERLIN, March 3 (dpa) — …" (the year from the article), "June 3, 2021 — …" (no place). A page with no published date takes the
dateline's; a wire in brackets becomes a ``wire`` link when extraction did not already record it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.extract.dates import DATE_PATTERN, MONTH_DAY_RE, to_iso
from newstrace.model import Article, Span
from newstrace.provenance import outlets

_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Z .'’-]{{1,40}}?(?:,\s*[A-Z][A-Za-z. ]{{1,30}}?)?)\s*,\s*)?"
    rf"(?P<date>{DATE_PATTERN}|{MONTH_DAY_RE.pattern})\s*(?:\((?P<wire>[A-Za-z][\w .-]{{1,30}})\)\s*)?[-—–]{{1,2}}\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Dateline:
    span: Span
    date: str | None  # ISO date, None when only month and day are written and the article has no year
    wire: str | None


def find_dateline(article: Article) -> Dateline | None:
    """The dateline opening the first body paragraph, if it has a date."""
    for para in article.paragraphs[:2]:
        m = _DATELINE.match(para.text)
        if not m:
            continue
        written = m.group("date")
        iso = to_iso(written) if re.search(r"\d{4}", written) else _with_year(written, article.published)
        wire = m.group("wire") if m.group("wire") and outlets.is_wire(m.group("wire")) else None
        return Dateline(Span.of(article.text, para.start, para.start + m.end()), iso[:10] if iso else None, wire)
    return None


def _with_year(month_day: str, published: str | None) -> str | None:
    return to_iso(f"{month_day} {published[:4]}") if published else None
