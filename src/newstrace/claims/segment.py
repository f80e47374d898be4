"""Sentences into clauses, where one sentence asserts several things ("X rose 5%, and Y fell 3%").

A claim never starts inside a dateline: "SPRINGFIELD, June 3, 2021 - The city council …" (or what is left of
it when the sentence splitter cut after the place, ", June 3, 2021 - The city council …") starts at "The".
"""
from __future__ import annotations

import re

from newstrace.extract.lines import match_dateline_prefix

MIN_TOKENS = 4
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# PLACE, [Weekday,] Month D[, YYYY] [(WIRE)] -   — the place may be missing (cut off by the sentence splitter)
_DATED_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){{0,3}})?(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    rf"\s*,?\s*(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
    rf"\s*(?:\([A-Za-z .]+\)\s*)?[-–—]{{1,2}}\s+(?=[A-Z\"“‘'])")


def clauses(sent) -> list:
    """The independent clauses of a parsed sentence (spaCy spans); the sentence itself when it has one."""
    root = sent.root
    cuts = []
    for conj in (c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue  # "rose and fell": one subject, one claim
        start = conj.left_edge.i
        while start > sent.start and sent.doc[start - 1].dep_ in ("cc", "punct"):
            start -= 1
        cuts.append(start)
    for tok in sent:
        if tok.text == ";" and tok.i + 1 < sent.end:
            cuts.append(tok.i)
    pieces, begin = [], sent.start
    for cut in sorted(set(cuts)):
        pieces.append(sent.doc[begin:cut])
        begin = cut
    pieces.append(sent.doc[begin:sent.end])
    pieces = [_trim(p) for p in pieces]
    pieces = [p for p in pieces if p is not None]
    if len(pieces) < 2 or any(sum(not t.is_punct for t in p) < MIN_TOKENS for p in pieces):
        whole = after_dateline(_strip(sent))
        return [whole] if len(whole) else []
    first = after_dateline(pieces[0])
    return ([first] if len(first) else []) + pieces[1:]


def after_dateline(span):
    """The span without an opening dateline ("WASHINGTON (AP) — ", ", June 3, 2021 - "), from the first token
    after it; the span itself when it opens with none."""
    text = span.text
    found = match_dateline_prefix(text)
    end = found.end if found is not None and found.end else None
    if end is None:
        m = _DATED_DATELINE.match(text)
        end = m.end() if m else None
    if not end:
        return span
    cut = span.start_char + end
    start = next((t.i for t in span if t.idx >= cut), span.end)
    return span.doc[start:span.end]


def _strip(span):
    """The span without leading or trailing whitespace tokens (paragraph breaks)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _trim(span):
    """Drop leading conjunctions and punctuation and trailing punctuation that joined the clauses."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].dep_ == "cc" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in ('"', "”", "’", ")", "%")):
        end -= 1
    if end > start and doc[end - 1].text == "." :
        end -= 1
    return doc[start:end] if end > start else None
