"""The checks stage: every automatic test of the numbers and dates in the claims, with its computation."""
from __future__ import annotations

from newstrace.checks.arithmetic import check_multiple, check_parts_total, check_percentage
from newstrace.checks.currency import check_conversion, find_conversions
from newstrace.checks.dates import check_after_publication, check_weekday, parse_published
from newstrace.model import Article, Check, Claim


def run_checks(article: Article, claims: list[Claim]) -> list[Check]:
    """Checks for all claims, in claim order; a claim may have several or none."""
    published = parse_published(article.published)
    year = published.year if published else None
    checks: list[Check] = []
    for claim in claims:
        for fields in _checks_of(claim.span.text, published, year):
            checks.append(Check(id=f"K{len(checks) + 1}", claim_id=claim.id, **fields))
    return checks


def _checks_of(text: str, published, year: int | None) -> list[dict]:
    found = [{"kind": "currency", **check_conversion(conv, text, year)} for conv in find_conversions(text)]
    for check in (check_parts_total(text), check_percentage(text), check_multiple(text),
                  check_weekday(text, published), check_after_publication(text, published)):
        if check:
            found.append(check)
    return found
