"""Dates in a sentence: a weekday that does not match its date, and past events dated after publication."""
from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_WD = "|".join(WEEKDAYS)
_MO = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{_WD}),?\s+(?:the\s+)?(?:(?P<month>{_MO})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MO})\.?){_YEAR}\b", re.I)
FULL_DATE = re.compile(
    rf"\b(?:(?P<month>{_MO})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<month2>{_MO})\.?,?\s+)(?P<year>(?:19|20)\d\d)\b", re.I)
# A past-tense form shortly before the date: "ended on", "was held on", "had signed on".
PAST_FORM = re.compile(r"\b(?:was|were|had|did|happened|began|took place|\w{3,}ed)\b", re.I)
FUTURE_WORDS = re.compile(r"\b(?:will|would|shall|scheduled|expected|due|plan(?:s|ned)?|set to|to be|upcoming|"
                          r"next|until|by|deadline|start|begin|effective|enough to|able to|forecast|projected|could|may|might|aims?|hopes?|intends?)\b", re.I)


def check_weekday(sentence: str, published: dt.date | None) -> dict | None:
    """"on Monday, January 4, 2019" — was that date a Monday? (year from the text, else the article's).

    A date written without a year may belong to the article's year or to a year the sentence names apart
    from any month ("the 1963 crusade … on Sunday, September 8th"); it is inconsistent only if it fits neither.
    """
    m = WEEKDAY_DATE.search(sentence)
    if not m:
        return None
    month = MONTHS[(m.group("month") or m.group("month2")).lower()]
    day = int(m.group("day") or m.group("day2"))
    stated = m.group("wd").lower()
    options = _year_options(sentence, m, published)
    if not options:
        return None
    dates = []
    for year, source in options:
        try:
            dates.append((dt.date(year, month, day), source))
        except ValueError:
            continue
    if not dates:
        return _result("weekday", f"{m.group(0)}: no such date", {}, None, m.group("wd"), "inconsistent")
    date, source = next(((d, src) for d, src in dates if WEEKDAYS[d.weekday()] == stated), dates[0])
    actual = WEEKDAYS[date.weekday()]
    return _result("weekday", f"{date.isoformat()} ({source}) fell on a {actual.title()}; the text says "
                   f"{stated.title()}", {"date": date.isoformat(), "year_from": source}, actual.title(),
                   stated.title(), "consistent" if actual == stated else "inconsistent")


def _year_options(sentence: str, m: re.Match, published: dt.date | None) -> list[tuple[int, str]]:
    if m.group("year"):
        return [(int(m.group("year")), "stated year")]
    options = []
    if published:
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("day") or m.group("day2"))
        year = published.year
        try:  # a date late in the year, written in an article early in the next
            year -= dt.date(year, month, day) > published + dt.timedelta(days=180)
        except ValueError:
            pass
        options.append((year, "year inferred from the publication date"))
    # A year of its own ("the 1963 crusade"), not one of another date ("in December 2024").
    named = [int(y.group(1)) for y in re.finditer(r"\b((?:19|20)\d\d)\b", sentence)
             if not re.search(rf"\b(?:{_MO})\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?$", sentence[max(0, y.start() - 16):y.start()], re.I)]
    options += [(y, "the year the sentence names") for y in dict.fromkeys(named) if y not in {o[0] for o in options}]
    return options


def check_after_publication(sentence: str, published: dt.date | None) -> dict | None:
    """A full date later than the article's publication, told as something that already happened."""
    if not published:
        return None
    for m in FULL_DATE.finditer(sentence):
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        try:
            date = dt.date(int(m.group("year")), month, int(m.group("day") or m.group("day2")))
        except ValueError:
            continue
        told_as_past = PAST_FORM.search(sentence[max(0, m.start() - 60):m.start()])
        if date > published and told_as_past and not FUTURE_WORDS.search(sentence):
            return _result("future_date", f"{date.isoformat()} is {(date - published).days} days after publication "
                           f"({published.isoformat()}), yet the sentence reports it as past or present",
                           {"date": date.isoformat(), "published": published.isoformat()}, f"on or before {published}",
                           date.isoformat(), "inconsistent")
    return None


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _result(kind: str, computation: str, inputs: dict, expected, stated, verdict: str) -> dict:
    return {"kind": kind, "computation": computation, "inputs": inputs, "expected": expected, "stated": stated,
            "verdict": verdict}
