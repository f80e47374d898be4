"""Scoring chains against expected ones (for ``bench/provenance.py`` and the data-driven tests).

A link matches when the outlet is the same (``outlets.same_outlet``) and the role is the same;
precision and recall count links over all cases (micro average).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newstrace.model import Source
from newstrace.provenance import outlets

_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>{head}</head><body>"
         "<header><nav><a href=\"/\">Home</a></nav></header><article><h1>{title}</h1>{body}</article></body></html>")


@dataclass(slots=True)
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 1.0

    def add(self, other: "Score") -> None:
        self.true_pos += other.true_pos
        self.false_pos += other.false_pos
        self.false_neg += other.false_neg
        self.misses += other.misses


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """The cases of a file: ``{"cases": [...]}`` or a bare list of cases."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data if isinstance(data, list) else data["cases"]


def case_document(case: dict[str, Any]) -> tuple[str, str]:
    """The input of a case as ``(text, format)``; HTML cases are assembled from title, head and body."""
    if case["format"] == "html":
        return _PAGE.format(title=case["title"], head=case.get("head", ""), body=case["body"]), "html"
    return case["input"], case["format"]


def score_chain(expected: list[dict[str, Any]], got: list[Source], case_id: str = "") -> Score:
    """Links matched by outlet and role; each expected link matches at most one found link."""
    score = Score()
    left = list(got)
    for want in expected:
        hit = next((s for s in left if s.role == want["role"] and outlets.same_outlet(s.name, want["name"])), None)
        if hit is None:
            score.false_neg += 1
            score.misses.append(f"{case_id}: missed {want['name']} ({want['role']})")
        else:
            score.true_pos += 1
            left.remove(hit)
    score.false_pos = len(left)
    score.misses += [f"{case_id}: extra {s.name} ({s.role}, {s.signal})" for s in left]
    return score


@dataclass(slots=True)
class PageScore:
    """Scores over real pages: whether the origin is right, and links matched by outlet and role."""

    pages: int = 0
    origin_right: int = 0
    links: Score = field(default_factory=Score)
    forbidden: list[str] = field(default_factory=list)

    @property
    def origin_rate(self) -> float:
        return self.origin_right / self.pages if self.pages else 1.0


def _names(want: dict[str, Any]) -> list[str]:
    return want["name"] if isinstance(want["name"], list) else [want["name"]]


def _matches(source: Source, names: list[str]) -> bool:
    return any(outlets.same_outlet(source.name, n) for n in names)


def expected_origin(expected: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The earliest publication step a reader wrote: the wire, else the origin."""
    return next((w for role in ("wire", "origin") for w in expected if w["role"] == role), None)


def found_origin(chain: list[Source]) -> Source | None:
    return next((s for s in chain if s.role in ("wire", "origin")), None)


def score_page(case: dict[str, Any], chain: list[Source], into: PageScore) -> list[str]:
    """Adds one real page to ``into``; returns what went wrong, one line each.

    A found link whose name is in ``allow`` counts neither way; one named in ``forbid`` is also a false positive.
    """
    misses: list[str] = []
    left = list(chain)
    for want in case["expected"]:
        hit = next((s for s in left if s.role == want["role"] and _matches(s, _names(want))), None)
        if hit is None:
            into.links.false_neg += 1
            misses.append(f"missed {_names(want)[0]} ({want['role']})")
        else:
            into.links.true_pos += 1
            left.remove(hit)
    # The page's own outlet (or its wire) reported on in the body ("told the BBC" on a BBC page) is its own
    # reporting: neither right nor wrong.
    steps = [n for w in case["expected"] if w["role"] in ("wire", "origin", "republisher") for n in _names(w)]
    left = [s for s in left if not _matches(s, case.get("allow", []))
            and not (s.role in ("interview", "report") and _matches(s, steps))]
    into.links.false_pos += len(left)
    misses += [f"extra {s.name} ({s.role}, {s.signal})" for s in left]
    into.forbidden += [f"{case['id']}: {n}" for n in case.get("forbid", []) if any(_matches(s, [n]) for s in chain)]
    want, got = expected_origin(case["expected"]), found_origin(chain)
    into.pages += 1
    right = bool(want and got and _matches(got, _names(want)))
    into.origin_right += right
    if not right:
        misses.append(f"origin {got.name if got else None} ({got.role if got else '-'}), expected {_names(want)[0] if want else None}")
    return misses
