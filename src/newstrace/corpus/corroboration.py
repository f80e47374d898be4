"""Corroboration: for a claim, the claims elsewhere in the corpus that say the same or the opposite,
counted by independent origin ("N independent origins support, M contradict")."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from newstrace.corpus.agreement import LEXICAL, SEMANTIC, Decision, Facts, decide, facts, word_similarity
from newstrace.corpus.bm25 import BM25Index
from newstrace.corpus.independence import ClaimRecord, Origin, group_origins
from newstrace.corpus import vectors


@dataclass(frozen=True, slots=True)
class Match:
    record: ClaimRecord
    decision: Decision

    def to_dict(self) -> dict:
        return {"key": self.record.key, "relation": self.decision.relation,
                "similarity": round(self.decision.similarity, 3), "reasons": list(self.decision.reasons),
                "outlet": self.record.outlet, "text": self.record.text}


@dataclass(slots=True)
class Corroboration:
    claim: ClaimRecord
    matches: list[Match] = field(default_factory=list)
    supporting: list[Origin] = field(default_factory=list)  # includes the claim's own origin
    contradicting: list[Origin] = field(default_factory=list)

    @property
    def single_origin(self) -> bool:
        return len(self.supporting) <= 1

    def summary(self) -> str:
        n, m = len(self.supporting), len(self.contradicting)
        text = (f"{n} independent origin{'s' if n != 1 else ''} support, "
                f"{m} contradict{'s' if m == 1 else ''}")
        return text + (" (single origin)" if self.single_origin else "")

    def to_dict(self) -> dict:
        return {"claim": {"key": self.claim.key, "text": self.claim.text, "outlet": self.claim.outlet},
                "summary": self.summary(), "supporting_origins": len(self.supporting),
                "contradicting_origins": len(self.contradicting), "single_origin": self.single_origin,
                "supporting": [o.to_dict() for o in self.supporting],
                "contradicting": [o.to_dict() for o in self.contradicting],
                "matches": [m.to_dict() for m in self.matches]}


class ClaimIndex:
    """Candidate retrieval (BM25, plus MiniLM when available) and decisions over a fixed set of claims."""

    def __init__(self, records: Sequence[ClaimRecord], *, semantic: bool | None = None,
                 embeddings: np.ndarray | None = None, brute_force_max: int = 50_000):
        self.records = list(records)
        self._facts: list[Facts | None] = [None] * len(self.records)  # computed when first a candidate
        self.bm25 = BM25Index([r.text for r in self.records])
        use_semantic = vectors.semantic_available() if semantic is None else semantic
        self.vectors: vectors.VectorIndex | None = None
        if use_semantic:
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
        matches = []
        for position, similarity in self.candidates(claim.text, k, query_vector).items():
            other = self.records[position]
            if other.article_id == claim.article_id:
                continue  # the same article repeating itself is not corroboration
            decision = decide(query, self.facts_of(position), similarity, self.thresholds)
            if decision.relation != "unrelated":
                matches.append(Match(other, decision))
        matches.sort(key=lambda m: -m.decision.similarity)
        return Corroboration(
            claim, matches,
            supporting=group_origins([claim] + [m.record for m in matches if m.decision.relation == "same"]),
            contradicting=group_origins([m.record for m in matches if m.decision.relation == "contradicts"]))

    def corroborate_position(self, position: int, k: int = 50) -> Corroboration:
        vector = self.vectors.vectors[position] if self.vectors else None
        return self.corroborate(self.records[position], k, vector)
