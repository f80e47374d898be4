"""Finding and normalising dates written in news text ("March 20, 2017", "20 March 2017", ISO)."""
from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.?|Tue\\.?|Tues\\.?|Wed\\.?|Thu\\.?|Thur\\.?|Thurs\\.?|Fri\\.?|Sat\\.?|Sun\\.?"
_TIME = r"(?:\s*(?:,|at|-|–|—|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
DATE_PATTERN = (
    rf"(?:(?:{WEEKDAYS}),?\s+)?"
    rf"(?:(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}),?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}){_TIME}"
)
DATE_RE = re.compile(DATE_PATTERN, re.I)
# A month and day without a year, as in Reuters datelines ("LONDON, March 3 (Reuters) -").
MONTH_DAY_RE = re.compile(rf"\b(?:{MONTHS})\s+\d{{1,2}}\b", re.I)


def to_iso(text: str | None) -> str | None:
    """Parse a date string to ISO 8601 (date, or datetime when a time is given); None if it is not a date."""
    if not text:
        return None
    text = text.strip().replace("\xa0", " ")
    # US zone names confuse the parser; the day is what matters for a news date.
    text = re.sub(r"\b(at|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST)\b", " ", text)
    try:
        parsed = dateparser.parse(text, fuzzy=True, default=datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1800 or parsed.year > 2200:
        return None
    has_time = bool(re.search(r"\d{1,2}[:.]\d{2}", text)) and (parsed.hour or parsed.minute)
    if has_time:
        return parsed.isoformat()
    return date(parsed.year, parsed.month, parsed.day).isoformat()


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date in ``text`` as ``(iso, start, end)``."""
    for m in DATE_RE.finditer(text):
        iso = to_iso(m.group(0))
        if iso:
            return iso, m.start(), m.end()
    return None


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None
