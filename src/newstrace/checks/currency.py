"""Stated currency conversions ("100,000 lari (about US$30,000)") against IMF annual-average rates.

The expected value is computed for the article's year and the years around it (and any year the
sentence names), because a figure may date from "last year" or from a stated date. The tolerance
widens with the rounding of the stated figure and with how much the currency moved between years.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newstrace.checks import fx
from newstrace.claims.money import Money, find_money

BASE_TOLERANCE = 0.10  # annual averages vs the day's rate, and newsroom rounding
MAX_TOLERANCE = 0.75
# Text between two amounts that marks the second as a conversion of the first.
LINK = re.compile(r"^\s*(?:in\s+(?:19|20)\d\d\s*)?(?:\(\s*|,\s*|\s*[-–—]\s*|\s+)(?:or\s+|equivalent\s+to\s+|worth\s+|which\s+is\s+|i\.e\.\s*|that\s+is\s+)?"
                  r"(?:about|around|approximately|roughly|some|nearly|almost|~|an\s+estimated)?\s*$", re.I)
INFLATION = re.compile(r"inflation|in today's (?:money|dollars|terms)|in \d{4} (?:dollars|prices|terms)|adjusted", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Conversion:
    source: Money
    target: Money


def find_conversions(text: str) -> list[Conversion]:
    """Pairs of amounts in different currencies where the second restates the first."""
    amounts = find_money(text)
    return [Conversion(a, b) for a, b in zip(amounts, amounts[1:])
            if a.currency != b.currency and LINK.match(text[a.end:b.start])]


def candidate_years(text: str, published_year: int | None) -> list[int]:
    """Years named in the sentence first, then the article's year and its neighbours."""
    named = [int(y) for y in YEAR.findall(text)]
    around = [published_year, published_year - 1, published_year + 1] if published_year else []
    return list(dict.fromkeys(named + around))


def check_conversion(conv: Conversion, sentence: str, published_year: int | None) -> dict:
    """The fields of a ``Check``: computation, inputs, expected, stated and verdict."""
    src, dst = conv.source, conv.target
    stated = f"{dst.text.strip()} = {dst.value:,.0f} {dst.currency}"
    if INFLATION.search(sentence):
        return _unverifiable(conv, "the sentence adjusts for inflation; an exchange rate cannot check that", stated)
    if src.is_range or dst.is_range or src.qualifier in ("min", "max") or dst.qualifier in ("min", "max"):
        return _unverifiable(conv, "a range or bound ('up to', 'more than') is not a single figure to convert", stated)
    years = candidate_years(sentence, published_year)
    trials = [t for t in (_trial(src, dst, y) for y in years) if t]
    if not trials:
        return _unverifiable(conv, f"no IMF rate for {src.currency}/{dst.currency} in {years or 'an unknown year'}", stated)
    best = min(trials, key=lambda t: abs(math.log(t["ratio"])))
    # The source figure is what the journalist converted, so only the stated figure's rounding counts;
    # half the year-to-year move covers a rate taken on a day rather than over the year.
    moves = fx.volatility(src.currency, best["year"]) + fx.volatility(dst.currency, best["year"])
    tolerance = min(MAX_TOLERANCE, BASE_TOLERANCE + dst.precision + moves / 2)
    off = abs(math.log(best["ratio"]))
    verdict = ("consistent" if off <= math.log1p(tolerance)
               else "inconsistent" if off > math.log1p(2 * tolerance) else "unverifiable")
    return {
        "computation": f"{src.value:,.0f} {src.currency} ÷ {best['src_rate']:g} {src.currency}/USD × "
                       f"{best['dst_rate']:g} {dst.currency}/USD ({best['year']} IMF annual average) = "
                       f"{best['expected']:,.0f} {dst.currency}; stated {dst.value:,.0f} {dst.currency}, "
                       f"ratio {best['ratio']:.2f} (tolerance ±{tolerance:.0%})",
        "inputs": {"amount": src.to_dict(), "stated": dst.to_dict(), "rate_source": fx.ATTRIBUTION,
                   "rate_year": best["year"], "rates": {src.currency: best["src_rate"], dst.currency: best["dst_rate"]},
                   "ratio": round(best["ratio"], 4), "tolerance": round(tolerance, 4),
                   "years_tried": [t["year"] for t in trials]},
        "expected": round(best["expected"], 2), "stated": dst.value, "verdict": verdict,
    }


def _trial(src: Money, dst: Money, year: int) -> dict | None:
    r_src, r_dst = fx.rate(src.currency, year), fx.rate(dst.currency, year)
    if not (r_src and r_dst):
        return None
    expected = src.value / r_src.per_usd * r_dst.per_usd
    return {"year": year, "src_rate": r_src.per_usd, "dst_rate": r_dst.per_usd, "expected": expected,
            "ratio": dst.value / expected}


def _unverifiable(conv: Conversion, why: str, stated: str) -> dict:
    return {"computation": f"not checked: {why}", "inputs": {"amount": conv.source.to_dict(), "stated": conv.target.to_dict()},
            "expected": None, "stated": conv.target.value, "verdict": "unverifiable"}
