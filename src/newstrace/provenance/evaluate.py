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
    return json.loads(Path(path).read_text(encoding="utf-8"))["cases"]


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
