"""Arithmetic inside one sentence: parts vs a stated total, a percentage vs its counts, "doubled" vs two figures.

Every function returns the fields of a ``Check`` (``kind``, ``computation``, ``inputs``, ``expected``,
``stated``, ``verdict``), or nothing when the sentence does not have the shape it checks.
Approximate wording ("about", "more than", "up to") and ranges make a figure unusable for an exact
test, so they lead to ``unverifiable`` or to a wider tolerance, never to ``inconsistent``.
"""
from __future__ import annotations

import re

from newstrace.claims.money import parse_number

NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
COUNT = rf"(?:{NUM}|\b(?:{'|'.join(WORDS)})\b)"
APPROX = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|more than|at least|"
                    r"up to|less than|fewer than|under|an estimated|estimated|dozens|hundreds|thousands)\s*$", re.I)
RANGE_AFTER = re.compile(r"^\s*(?:-|–|to|and)\s*\d")

# "a total of 12 …", "30 people, including …", "30 people were killed, including …" (a few words, no other
# figure, between the total and the cue), "Of the 30 people killed, 22 were …", "Among the 30 killed were …",
# "The 30 victims included …", "30 people, 22 of them soldiers and …".
TOTAL_CUE = re.compile(
    rf"\b(?:a total of|in total,?|total(?:ling|ing)?)\s+(?P<total>{COUNT})\b|(?<![:\d])\b(?P<total2>{COUNT})\s+\w+"
    rf"(?:\s+(?!\d)\w+){{0,4}}\s*(?:[:—–]\s|,?\s+(?P<cue>including|of whom|of which|among them|among whom|comprising|"
    rf"made up of|included|includes|include)\b|,(?=\s+{COUNT}\s+of\s+(?:them|whom)\b))|"
    rf"^(?:[Oo]f|[Aa]mong)\s+(?:the|those|these)\s+(?P<total3>{COUNT})\s+\w+(?:\s+(?!\d)\w+){{0,3}}?(?:,|\s+(?:were|are))"
    rf"(?=\s+(?:{COUNT})\b)", re.I)
PART = re.compile(rf"(?<![\d.,:])(?!0\d)(?P<n>{COUNT})(?![\d.,:]*\s*(?:%|percent|per cent))(?!:\d)\s+"
                  rf"(?:(?:were|are|was|of\s+them(?:\s+were)?)\s+)?"
                  rf"(?P<noun>[a-z][\w-]*)", re.I)
MONTH_AFTER = re.compile(r"^\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.I)
NOT_COUNTED = re.compile(r"(?:a|p|and|or|of|out|to|the|in|on|at|for|with|by|per|years?|days?|months?|weeks?|hours?|minutes?|seconds?|times|am|pm|a\.m|p\.m|percent|"
                         r"per|degrees?|km|miles?|metres?|meters?|kg|tonnes?|%)$", re.I)
YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d\d$")

# "12 of the 40 members (30%)", "Twelve of the 40 members, or 30%", "Of the 40 members, 12 (30%) voted against".
PERCENT_OF = re.compile(
    rf"(?P<part>{COUNT})\s+(?:\w+\s+){{0,3}}?(?:of|out of)\s+(?:the\s+|all\s+)?(?P<whole>{NUM})\b[^.%]{{0,60}}?"
    rf"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per cent)"
    rf"|\b[Oo]f\s+(?:the\s+|all\s+)?(?P<whole2>{NUM})\s+[^,.%\d]{{1,40}},\s+(?P<part2>{COUNT})\b(?:\s*\(|,\s+or\s+)"
    rf"(?P<pct2>\d+(?:\.\d+)?)\s*(?:%|percent|per cent)", re.I)
_PCT = r"(?:\s*(?:%|percent\b|per\s+cent\b))?"
_MULTIPLE_WORD = (r"(?P<hedge>\b(?:nearly|almost|roughly|about|more\s+than|over|less\s+than|just\s+under|just\s+over)\s+)?"
                  r"(?P<word>doubled|tripled|trebled|quadrupled|halved|(?:fell|dropped|declined|shrank|was\s+cut|were\s+cut)"
                  r"\s+(?:by\s+|in\s+)half|(?P<fold>\w+)-?fold|(?P<times>\w+) times)\b[^.]{0,40}?")
_FIGURE = r"(?:about\s+|around\s+)?\$?(?P<{0}>{1})(?P<p{0}>{2})(?:\s*(?P<s{0}>million|billion|thousand))?"
_FROM_A, _TO_B = _FIGURE.format("a", NUM, _PCT), _FIGURE.format("b", NUM, _PCT)
# "doubled from 40 to 95", "doubled to 95 from 40"
MULTIPLE = re.compile(rf"{_MULTIPLE_WORD}\bfrom\s+{_FROM_A}\s*(?:\w+\s+){{0,3}}?to\s+{_TO_B}", re.I)
MULTIPLE_TO_FROM = re.compile(rf"{_MULTIPLE_WORD}\bto\s+{_TO_B}\s*(?:\w+\s+){{0,3}}?from\s+{_FROM_A}", re.I)
# How far the second figure may be from factor × the first and still read as the word, by hedge.
_BANDS = {None: (0.8, 1.25, 0.75, 1.5), "nearly": (0.8, 1.02, 0.75, 1.15), "more than": (0.98, 1.5, 0.9, 2.0),
          "roughly": (0.8, 1.25, 0.7, 1.5)}
_HEDGES = {"almost": "nearly", "just under": "nearly", "less than": "nearly", "over": "more than",
           "just over": "more than", "about": "roughly"}
FACTORS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5, "two": 2, "three": 3,
           "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, None: 1}


def count_value(token: str) -> float:
    return float(WORDS[token.lower()]) if token.lower() in WORDS else parse_number(token)


def check_parts_total(sentence: str) -> dict | None:
    """"A total of 12 people died: 7 adults and 5 children" — do the parts add up to the total?"""
    m = TOTAL_CUE.search(sentence)
    if not m:
        return None
    total_group = next(g for g in ("total", "total2", "total3") if m.group(g))
    total_text = m.group(total_group)
    rest = sentence[m.end():]
    # "twenty four hours": a number word before another is one number, not a part
    parts = [p for p in PART.finditer(rest) if not NOT_COUNTED.match(p.group("noun")) and not YEAR_LIKE.match(p.group("n"))
             and p.group("noun").lower() not in WORDS]
    if len(parts) < 2 or YEAR_LIKE.match(total_text) or MONTH_AFTER.match(sentence[m.end(total_group):]):
        return None  # "on 12 May, including …": a day of the month is no total
    inexact = APPROX.search(sentence[:m.start(total_group)]) or any(
        APPROX.search(rest[:p.start()][-25:]) or RANGE_AFTER.match(rest[p.end("n"):]) for p in parts)
    total = count_value(total_text)
    values = [count_value(p.group("n")) for p in parts]
    lead = (m.group("cue") or "") + sentence[m.end():m.end() + parts[0].start()]
    subset = bool(re.search(r"including|included|includes?\b|among them|among whom|of them", lead + " " + rest[:parts[0].end()], re.I))
    full = not subset and bool(re.search(r":|of whom|of which|comprising|made up of|broken down", lead, re.I))
    if total_group == "total3":
        subset, full = True, False  # "Of the 30 killed, 22 were soldiers and 18 police": parts of the 30
    found = " + ".join(f"{p.group('n')} {p.group('noun')}" for p in parts)
    computation = f"{found} = {sum(values):g}; stated total {total_text}"
    inputs = {"total": total, "parts": values, "subset_wording": subset, "full_breakdown": full}
    if inexact:
        return _result("arithmetic", computation + " (approximate wording: not an exact sum)", inputs, sum(values), total, "unverifiable")
    if sum(values) == total or (subset and sum(values) < total):
        verdict = "consistent"
    elif sum(values) > total or full:
        verdict = "inconsistent"  # parts exceed the total, or a full breakdown ("of whom", ":") misses it
    else:
        verdict = "unverifiable"
    return _result("arithmetic", computation, inputs, sum(values), total, verdict)


def check_percentage(sentence: str) -> dict | None:
    """"12 of the 40 members (30%)" — does the percentage match the counts?"""
    m = PERCENT_OF.search(sentence)
    if not m:
        return None
    two = "2" if m.group("whole2") else ""
    part_text, whole_text, pct_text = m.group("part" + two), m.group("whole" + two), m.group("pct" + two)
    part, whole, pct = count_value(part_text), parse_number(whole_text), float(pct_text)
    if whole == 0 or part > whole:
        return None
    expected = part / whole * 100
    decimals = len(pct_text.split(".")[1]) if "." in pct_text else 0
    tolerance = 0.5 * 10 ** -decimals + 0.5  # the writer may round either way, or truncate
    inexact = APPROX.search(sentence[:m.start("pct" + two)][-25:]) or APPROX.search(sentence[:m.start()][-25:]) or \
        APPROX.search(sentence[:m.start("part" + two)][-25:])
    verdict = "consistent" if abs(expected - pct) <= tolerance else ("unverifiable" if inexact else "inconsistent")
    return _result("percentage", f"{part_text} ÷ {whole_text} × 100 = {expected:.1f}%; stated {pct_text}%",
                   {"part": part, "whole": whole, "tolerance_points": tolerance}, round(expected, 2), pct, verdict)


def check_multiple(sentence: str) -> dict | None:
    """"doubled from 40 to 95" — does the second figure match the stated factor times the first?"""
    m = MULTIPLE.search(sentence) or MULTIPLE_TO_FROM.search(sentence)
    if not m:
        return None
    word = (m.group("fold") or m.group("times") or m.group("word")).lower()
    word = "halved" if word.endswith("half") else word
    factor = FACTORS.get(word) or (float(word) if word.replace(".", "").isdigit() else None)
    if not factor:
        return None
    a = parse_number(m.group("a")) * SCALE[(m.group("sa") or "").lower() or None]
    b = parse_number(m.group("b")) * SCALE[(m.group("sb") or "").lower() or None]
    if m.group("sb") and not m.group("sa"):
        a *= SCALE[m.group("sb").lower()]  # "from 2 to 4 million": the scale is written once
    if m.group("pa").strip() and not m.group("pb").strip():
        return None  # "from 40% to 80 units": a percentage against a count ("from 2 to 4%" writes the unit once)
    expected = a * factor
    ratio = b / expected if expected else float("inf")
    hedge = re.sub(r"\s+", " ", (m.group("hedge") or "").strip().lower()) or None
    hedge = _HEDGES.get(hedge, hedge)
    low, high, far_low, far_high = _BANDS[hedge]
    # "doubled" is everyday speech for "about doubled": 25% either way still reads as doubling; "nearly doubled"
    # allows less below and nothing much above.
    verdict = ("consistent" if low <= ratio <= high else
               "inconsistent" if ratio < far_low or ratio > far_high else "unverifiable")
    said = f"{hedge} {word}" if hedge else word
    unit = "%" if m.group("pb").strip() else ""
    return _result("multiple", f"{fmt(a)}{unit} × {factor:g} = {fmt(expected)}{unit}; stated {fmt(b)}{unit} "
                   f"(ratio {ratio:.2f}; {low:g}–{high:g} reads as '{said}')",
                   {"from": a, "to": b, "factor": factor, "hedge": hedge, "ratio": round(ratio, 3)}, expected, b, verdict)


def fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _result(kind: str, computation: str, inputs: dict, expected, stated, verdict: str) -> dict:
    return {"kind": kind, "computation": computation, "inputs": inputs, "expected": expected, "stated": stated,
            "verdict": verdict}
