"""Okapi BM25 over short texts (claims), with postings in numpy arrays so a query costs its terms' postings."""
from __future__ import annotations

import collections
import math
from typing import Sequence

import numpy as np

from newstrace.corpus.text import tokens


class BM25Index:
    """Build once over ``texts``; ``search(text, k)`` returns ``[(position, score)]``, best first."""

    def __init__(self, texts: Sequence[str], *, k1: float = 1.2, b: float = 0.75):
        self.size = len(texts)
        docs = [tokens(t) for t in texts]
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if self.size else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1e-9))
        postings: dict[str, tuple[list[int], list[float]]] = collections.defaultdict(lambda: ([], []))
        for position, doc in enumerate(docs):
            for term, tf in collections.Counter(doc).items():
                ids, weights = postings[term]
                ids.append(position)
                weights.append(tf * (k1 + 1) / (tf + norm[position]))
        self._postings = {term: (np.array(ids, dtype=np.int32), np.array(w, dtype=np.float32) *
                                 self._idf(len(ids)))
                          for term, (ids, w) in postings.items()}

    def _idf(self, df: int) -> float:
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def search(self, text: str, k: int = 50) -> list[tuple[int, float]]:
        scores = np.zeros(self.size, dtype=np.float32)
        for term in set(tokens(text)):
            hit = self._postings.get(term)
            if hit is not None:
                scores[hit[0]] += hit[1]
        hits = np.flatnonzero(scores)
        if hits.size > k:
            hits = hits[np.argpartition(-scores[hits], k)[:k]]
        order = hits[np.argsort(-scores[hits], kind="stable")]
        return [(int(i), float(scores[i])) for i in order]
