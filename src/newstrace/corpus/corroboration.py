"""Corroboration: for a claim, the claims elsewhere in the corpus that say the same or the opposite,
counted by independent origin ("N independent origins support, M contradict").

Every command (``corroborate``, ``report --db``, ``serve``) takes its matching from ``use_semantic``: MiniLM
when the ``[semantic]`` extra is installed, else word overlap, and names it in its output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence
from urllib.parse import urlsplit

import numpy as np

from newstrace.corpus.agreement import (LEXICAL, SEMANTIC, Decision, Facts, decide, facts, prepare,
                                        texts_to_parse, word_similarity)
from newstrace.corpus.bm25 import BM25Index
from newstrace.corpus.independence import ClaimRecord, Origin, group_origins
from newstrace.corpus import vectors

SEMANTIC_MATCHING = "semantic (MiniLM)"
LEXICAL_MATCHING = "lexical (word overlap)"
UNKNOWN_OUTLET = "(unknown outlet)"


def use_semantic(semantic: bool | None = None) -> bool:
    """The one default for claim matching: semantic when the ``[semantic]`` extra is installed, unless asked."""
    return vectors.semantic_available() if semantic is None else bool(semantic)


def matching_name(semantic: bool | None = None) -> str:
    """How claims are matched, in words, for the output of every command."""
    return SEMANTIC_MATCHING if use_semantic(semantic) else LEXICAL_MATCHING


@dataclass(frozen=True, slots=True)
class Match:
    record: ClaimRecord
    decision: Decision

    def to_dict(self) -> dict:
        return {"key": self.record.key, "relation": self.decision.relation,
                "similarity": round(self.decision.similarity, 3), "reasons": list(self.decision.reasons),
                "evidence": [dict(e) for e in self.decision.evidence],
                "outlet": outlet_name(self.record), "text": self.record.text}


@dataclass(slots=True)
class Corroboration:
    claim: ClaimRecord
    matches: list[Match] = field(default_factory=list)
    supporting: list[Origin] = field(default_factory=list)  # includes the claim's own origin
    contradicting: list[Origin] = field(default_factory=list)
    matching: str = LEXICAL_MATCHING
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title, where known

    @property
    def single_origin(self) -> bool:
        return len(self.supporting) <= 1

    def summary(self) -> str:
        n, m = len(self.supporting), len(self.contradicting)
        text = (f"{n} independent origin{'s' if n != 1 else ''} support, "
                f"{m} contradict{'s' if m == 1 else ''}")
        return text + (" (single origin)" if self.single_origin else "")

    def labelled_summary(self) -> str:
        """The summary with the matching it rests on ("…, 0 contradict · lexical (word overlap) matching")."""
        return f"{self.summary()} · {self.matching} matching"

    def to_dict(self) -> dict:
        by_key = {m.record.key: m for m in self.matches}
        return {"claim": self._claim_dict(self.claim, None), "summary": self.summary(), "matching": self.matching,
                "supporting_origins": len(self.supporting),
                "contradicting_origins": len(self.contradicting), "single_origin": self.single_origin,
                "supporting": [self._origin_dict(o, by_key) for o in self.supporting],
                "contradicting": [self._origin_dict(o, by_key) for o in self.contradicting],
                "matches": [m.to_dict() for m in self.matches]}

    def _origin_dict(self, origin: Origin, by_key: dict[str, Match]) -> dict:
        return {"label": origin_label(origin), "shared": shared_phrases(origin),
                "claims": [self._claim_dict(c, by_key.get(c.key)) for c in origin.claims]}

    def _claim_dict(self, record: ClaimRecord, match: Match | None) -> dict:
        out = {"key": record.key, "outlet": outlet_name(record), "published": record.published, "url": record.url,
               "title": self.titles.get(record.article_id), "text": record.text}
        if match is not None:
            out["relation"] = match.decision.relation
            out["reasons"] = list(match.decision.reasons)
            out["evidence"] = [dict(e) for e in match.decision.evidence]
        return out


def outlet_name(record: ClaimRecord) -> str:
    """The outlet as a reader names it: the stored outlet, else the site of its URL, else ``UNKNOWN_OUTLET``."""
    if record.outlet:
        return record.outlet
    try:
        host = urlsplit(record.url or "").hostname or ""
    except ValueError:  # a malformed URL names no site
        host = ""
    return host.removeprefix("www.") or UNKNOWN_OUTLET


def origin_label(origin: Origin) -> str:
    """ "Outlet, date" of the origin's earliest claim, with whom it quotes and whom it credits."""
    first = origin.claims[0]
    date = (first.published or "")[:10]
    speaker = next((c.speaker for c in origin.claims if c.speaker), None)
    credit = next((c.credits[0] for c in origin.claims if c.credits), None)
    others = len({outlet_name(c) for c in origin.claims}) - 1
    label = outlet_name(first) + (f", {date}" if date else "")
    label += f" and {others} other outlet{'s' if others > 1 else ''}" if others > 0 else ""
    return label + (f" (quoting {speaker})" if speaker else "") + (f" (via {credit})" if credit else "")


def shared_phrases(origin: Origin) -> list[str]:
    """Why the claims of one origin count once, in words (not the internal keys that merged them)."""
    phrases = []
    for key in sorted(origin.via):
        kind, _, value = key.partition(":")
        if kind == "cluster":
            phrases.append("copies of one article")
        elif kind == "credit":
            phrases.append(f"credit {value}")
        elif kind == "speaker":
            phrases.append(f"quote {value}")
    return list(dict.fromkeys(phrases))


class ClaimIndex:
    """Candidate retrieval (BM25, plus MiniLM when available) and decisions over a fixed set of claims."""

    def __init__(self, records: Sequence[ClaimRecord], *, semantic: bool | None = None,
                 embeddings: np.ndarray | None = None, brute_force_max: int = 50_000,
                 titles: dict[str, str] | None = None):
        self.records = list(records)
        self.titles = dict(titles or {})
        self._facts: list[Facts | None] = [None] * len(self.records)  # computed when first a candidate
        self.bm25 = BM25Index([r.text for r in self.records])
        self.vectors: vectors.VectorIndex | None = None
        if use_semantic(semantic):
            matrix = embeddings if embeddings is not None else vectors.embed([r.text for r in self.records])
            self.vectors = vectors.VectorIndex(matrix, brute_force_max=brute_force_max)
        self.thresholds = SEMANTIC if self.vectors else LEXICAL

    def facts_of(self, position: int) -> Facts:
        found = self._facts[position]
        if found is None:
            record = self.records[position]
            found = self._facts[position] = facts(record.text, record.negated)
        return found

    @property
    def retrieval(self) -> str:
        return f"bm25+minilm({self.vectors.kind})" if self.vectors else "bm25"

    @property
    def matching(self) -> str:
        return SEMANTIC_MATCHING if self.vectors else LEXICAL_MATCHING

    def candidates(self, text: str, k: int = 50, query_vector: np.ndarray | None = None) -> dict[int, float]:
        """Positions of likely matches with their similarity (cosine when embeddings exist, else word overlap)."""
        found = {i for i, _ in self.bm25.search(text, k)}
        if self.vectors is None:
            query = facts(text)
            return {i: word_similarity(query, self.facts_of(i)) for i in found}
        q = query_vector if query_vector is not None else vectors.embed([text])[0]
        found |= {i for i, _ in self.vectors.search(q, k)}
        return {i: float(self.vectors.vectors[i] @ q) for i in found}

    def corroborate(self, claim: ClaimRecord, k: int = 50, query_vector: np.ndarray | None = None) -> Corroboration:
        query = facts(claim.text, claim.negated)
        found = {p: s for p, s in self.candidates(claim.text, k, query_vector).items()
                 if self.records[p].article_id != claim.article_id}  # an article repeating itself is no corroboration
        # the candidates the rules may parse, parsed in one batch
        prepare({text for p, s in found.items() for text in texts_to_parse(query, self.facts_of(p), s, self.thresholds)})
        matches = []
        for position, similarity in found.items():
            other = self.records[position]
            decision = decide(query, self.facts_of(position), similarity, self.thresholds)
            if decision.relation != "unrelated":
                matches.append(Match(other, decision))
        matches.sort(key=lambda m: -m.decision.similarity)
        return Corroboration(
            claim, matches,
            supporting=group_origins([claim] + [m.record for m in matches if m.decision.relation == "same"]),
            contradicting=group_origins([m.record for m in matches if m.decision.relation == "contradicts"]),
            matching=self.matching, titles=self._titles_for(claim, matches))

    def corroborate_position(self, position: int, k: int = 50) -> Corroboration:
        vector = self.vectors.vectors[position] if self.vectors else None
        return self.corroborate(self.records[position], k, vector)

    def _titles_for(self, claim: ClaimRecord, matches: list[Match]) -> dict[str, str]:
        ids = {claim.article_id, *(m.record.article_id for m in matches)}
        return {i: self.titles[i] for i in ids if self.titles.get(i)}
