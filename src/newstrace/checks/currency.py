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


@dataclass(frozen=True, slots=True)
class ReferenceYear:
    """The year a conversion is checked at, and why that year."""

    year: int
    why: str


def reference_year(sentence: str, chain_date: str | None, published_year: int | None) -> ReferenceYear | None:
    """The claim's own year when it states one, else the earliest date of the chain, else the article's year."""
    # "in 2014", "2014's budget"; not a target year ("by 2030", "until 2027", "2025-2030").
    named = [int(m.group(1)) for m in YEAR.finditer(sentence)
             if not re.search(r"\b(?:by|until|till|through|before|to)\s+$", sentence[max(0, m.start() - 9):m.start()], re.I)
             and not re.match(r"\s*[-–]\s*(?:19|20)\d\d", sentence[m.end():])]
    if named:
        return ReferenceYear(named[0], f"the year the claim states ({named[0]})")
    if chain_date and chain_date[:4].isdigit():
        return ReferenceYear(int(chain_date[:4]), f"the earliest date in the provenance chain ({chain_date[:10]})")
    if published_year:
        return ReferenceYear(published_year, f"the article's publication year ({published_year})")
    return None


def candidate_years(text: str, published_year: int | None) -> list[int]:
    """Years named in the sentence first, then the article's year and its neighbours."""
    named = [int(y) for y in YEAR.findall(text)]
    around = [published_year, published_year - 1, published_year + 1] if published_year else []
    return list(dict.fromkeys(named + around))


def check_conversion(conv: Conversion, sentence: str, published_year: int | None, chain_date: str | None = None) -> dict:
    """The fields of a ``Check``: computation, inputs, expected, stated and verdict.

    The rate is the IMF average of the reference year (or a year either side: a rate of the day falls between
    two averages). When that does not match, the check says so, states the rate the figures imply and the
    year whose average it would match, if any ("the figure may date from then").
    """
    src, dst = conv.source, conv.target
    stated = f"{dst.text.strip()} = {dst.value:,.0f} {dst.currency}"
    if INFLATION.search(sentence):
        return _unverifiable(conv, "the sentence adjusts for inflation; an exchange rate cannot check that", stated)
    if src.is_range or dst.is_range or src.qualifier in ("min", "max") or dst.qualifier in ("min", "max"):
        return _unverifiable(conv, "a range or bound ('up to', 'more than') is not a single figure to convert", stated)
    if src.value <= 0 or dst.value <= 0:
        return _unverifiable(conv, "a zero amount is zero in any currency: no rate to test", stated)
    ref = reference_year(sentence, chain_date, published_year)
    if ref is None:
        return _unverifiable(conv, "no year to take the rate from (no date in the claim, the chain or the article)", stated)
    primary = [t for t in (_trial(src, dst, y) for y in (ref.year, ref.year - 1, ref.year + 1)) if t]
    if not primary:
        return _unverifiable(conv, f"no IMF rate for {src.currency}/{dst.currency} in or around {ref.year}", stated)
    # The reference year when it matches; a neighbour only when it matches better than the reference fails.
    own = next((t for t in primary if t["year"] == ref.year and _verdict(t, src, dst)[0] == "consistent"), None)
    best = own or min(primary, key=lambda t: (abs(math.log(t["ratio"])), t["year"] != ref.year))
    verdict, tolerance = _verdict(best, src, dst)
    why = f"rate of {best['year']}, from {ref.why}" if best["year"] == ref.year else (
        f"rate of {best['year']}, next to {ref.year}, from {ref.why}")
    tried = [t["year"] for t in primary]
    if verdict != "consistent":
        other = _other_year(src, dst, sentence, published_year, tried)
        if other:
            best, why, verdict = other, f"matches the {other['year']} average, not {ref.year} ({ref.why})", "consistent"
            tried.append(other["year"])
            tolerance = _verdict(best, src, dst)[1]
    implied = _implied(src, dst, best)
    note = ""
    if verdict != "consistent":
        close = _closest_year(src, dst, tolerance)
        note = f"; implied {implied['text']}" + (
            f", close to the {close} average: the figure may date from then" if close else
            ", matching no annual average from 1990 to 2024")
    return {
        "computation": f"{src.value:,.0f} {src.currency} ÷ {best['src_rate']:g} {src.currency}/USD × "
                       f"{best['dst_rate']:g} {dst.currency}/USD ({best['year']} IMF annual average) = "
                       f"{best['expected']:,.0f} {dst.currency}; stated {dst.value:,.0f} {dst.currency}, "
                       f"ratio {best['ratio']:.2f} (tolerance ±{tolerance:.0%}); {why}{note}",
        "inputs": {"amount": src.to_dict(), "stated": dst.to_dict(), "rate_source": fx.ATTRIBUTION,
                   "rate_year": best["year"], "year_from": why, "reference_year": ref.year,
                   "rates": {src.currency: best["src_rate"], dst.currency: best["dst_rate"]},
                   "ratio": round(best["ratio"], 4), "tolerance": round(tolerance, 4), "implied_rate": implied["rate"],
                   "implied_unit": implied["unit"], "years_tried": tried},
        "expected": round(best["expected"], 2), "stated": dst.value, "verdict": verdict,
    }


def _verdict(trial: dict, src: Money, dst: Money) -> tuple[str, float]:
    # The source figure is what the journalist converted, so only the stated figure's rounding counts;
    # half the year-to-year move covers a rate taken on a day rather than over the year.
    moves = fx.volatility(src.currency, trial["year"]) + fx.volatility(dst.currency, trial["year"])
    tolerance = min(MAX_TOLERANCE, BASE_TOLERANCE + dst.precision + moves / 2)
    off = abs(math.log(trial["ratio"]))
    verdict = ("consistent" if off <= math.log1p(tolerance)
               else "inconsistent" if off > math.log1p(2 * tolerance) else "unverifiable")
    return verdict, tolerance


def _other_year(src: Money, dst: Money, sentence: str, published_year: int | None, tried: list[int]) -> dict | None:
    """Another year the sentence names, or the article's own year and its neighbours, that matches."""
    for year in candidate_years(sentence, published_year):
        trial = _trial(src, dst, year) if year not in tried else None
        if trial and _verdict(trial, src, dst)[0] == "consistent":
            return trial
    return None


def _implied(src: Money, dst: Money, trial: dict) -> dict:
    """The rate the two figures imply, per US dollar when one side is the dollar ("217 SYP/USD")."""
    if dst.currency == "USD" or src.currency == "USD":
        other, usd = (src, dst) if dst.currency == "USD" else (dst, src)
        rate = other.value / usd.value if usd.value else float("inf")
        return {"rate": round(rate, 4), "unit": f"{other.currency}/USD", "text": f"{rate:,.4g} {other.currency}/USD"}
    rate = dst.value / src.value if src.value else float("inf")
    return {"rate": round(rate, 6), "unit": f"{dst.currency}/{src.currency}",
            "text": f"{rate:,.4g} {dst.currency} per {src.currency}"}


def _closest_year(src: Money, dst: Money, tolerance: float) -> int | None:
    """The IMF year whose average the stated figures match best, if any matches within the tolerance."""
    trials = [t for t in (_trial(src, dst, y) for y in range(1990, 2025)) if t]
    best = min(trials, key=lambda t: abs(math.log(t["ratio"])), default=None)
    return best["year"] if best and abs(math.log(best["ratio"])) <= math.log1p(tolerance) else None


def _trial(src: Money, dst: Money, year: int) -> dict | None:
    r_src, r_dst = fx.rate(src.currency, year), fx.rate(dst.currency, year)
    if not (r_src and r_dst):
        return None
    expected = src.value / r_src.per_usd * r_dst.per_usd
    if expected <= 0 or dst.value <= 0:
        return None
    return {"year": year, "src_rate": r_src.per_usd, "dst_rate": r_dst.per_usd, "expected": expected,
            "ratio": dst.value / expected}


def _unverifiable(conv: Conversion, why: str, stated: str) -> dict:
    return {"computation": f"not checked: {why}", "inputs": {"amount": conv.source.to_dict(), "stated": conv.target.to_dict()},
            "expected": None, "stated": conv.target.value, "verdict": "unverifiable"}
