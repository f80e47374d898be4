"""The checks stage: every automatic test of the numbers and dates in the claims, with its computation."""
from __future__ import annotations

from typing import Any, Iterable

from newstrace.checks.arithmetic import check_multiple, check_parts_total, check_percentage
from newstrace.checks.currency import check_conversion, find_conversions
from newstrace.checks.dates import check_after_publication, check_weekday, parse_published
from newstrace.model import Article, Check, Claim, Source, Span


def run_checks(article: Article, claims: list[Claim], provenance: Iterable[Source] = ()) -> list[Check]:
    """Checks for all claims, in claim order; a claim may have several or none.

    ``provenance`` (the chain, when the caller has it) gives the earliest date of the story, the year a
    currency conversion is checked at when the claim states none. Every span in the inputs indexes
    ``article.text``.
    """
    chain = list(provenance)
    chain_date = earliest_date(chain)
    page_date = next((s.date for s in reversed(chain) if "page" in s.signal.split("+") and s.date), None)
    published = parse_published(article.published) or parse_published(page_date)  # page: perhaps its dateline
    year = published.year if published else None
    checks: list[Check] = []
    for claim in claims:
        for fields in _checks_of(claim.span.text, published, year, chain_date):
            fields["inputs"] = _absolute(fields.get("inputs", {}), article.text, claim.span.start)
            checks.append(Check(id=f"K{len(checks) + 1}", claim_id=claim.id, **fields))
    return checks


def earliest_date(provenance: Iterable[Source]) -> str | None:
    """The earliest date stated anywhere in the chain (an interview, the original, this page)."""
    dates = sorted(s.date[:10] for s in provenance if s.date and s.date[:4].isdigit())
    return dates[0] if dates else None


def _checks_of(text: str, published, year: int | None, chain_date: str | None) -> list[dict]:
    found = [{"kind": "currency", **check_conversion(conv, text, year, chain_date)} for conv in find_conversions(text)]
    for check in (check_parts_total(text), check_percentage(text), check_multiple(text),
                  check_weekday(text, published), check_after_publication(text, published)):
        if check:
            found.append(check)
    return found


def _absolute(value: Any, text: str, offset: int) -> Any:
    """``{"span": {"start", "end"}}`` counted from the claim becomes a ``Span`` of the article's text."""
    if isinstance(value, dict):
        out = {k: _absolute(v, text, offset) for k, v in value.items()}
        span = value.get("span")
        if isinstance(span, dict) and set(span) == {"start", "end"}:
            out["span"] = Span.of(text, offset + span["start"], offset + span["end"])
        return out
    if isinstance(value, list):
        return [_absolute(v, text, offset) for v in value]
    return value
