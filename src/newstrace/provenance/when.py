"""Dates stated near the evidence: full dates, "March 3" (year from the article), weekdays ("on Monday")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from newstrace.extract.dates import DATE_RE, MONTH_DAY_RE, to_iso

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def stated_date(text: str, published: str | None) -> str | None:
    """The first date written in ``text``, resolved against the article's publication date where partial."""
    full = DATE_RE.search(text)
    if full and (iso := to_iso(full.group(0))):
        return iso[:10]
    md = MONTH_DAY_RE.search(text)
    if md and published:
        return month_day(md.group(0), published)
    wd = _WEEKDAY_RE.search(text)
    if wd and published:
        return weekday_before(wd.group(1), published)
    return None


def month_day(text: str, published: str) -> str | None:
    """"March 3" in an article published 2020-03-04 is 2020-03-03 (the year before if it would be later)."""
    pub = _day(published)
    iso = to_iso(f"{text} {pub.year}") if pub else None
    if not iso or not pub:
        return None
    when = date.fromisoformat(iso[:10])
    if when > pub + timedelta(days=2):
        when = when.replace(year=when.year - 1)
    return when.isoformat()


def weekday_before(name: str, published: str) -> str | None:
    """The latest such weekday on or before the publication date ("on Monday" in news means the last Monday)."""
    pub = _day(published)
    if not pub:
        return None
    back = (pub.weekday() - WEEKDAY_NAMES.index(name.lower())) % 7
    return (pub - timedelta(days=back)).isoformat()


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None
