"""Near-duplicate parameters and functions for the Dask run: the corpus stage's, with its defaults.

``newstrace dedup`` (one process) and ``newstrace batch`` (Dask) thus find the same copies.
"""
from __future__ import annotations

import numpy as np

from newstrace.corpus import shingles as sh
from newstrace.corpus.dedup import DedupConfig

CONFIG = DedupConfig()
BANDS, ROWS = sh.lsh_params(CONFIG.threshold, CONFIG.num_perm)
MAX_GROUP_PAIRS = 100  # band buckets larger than this emit a star around their first member, not all pairs
_HASHER = sh.Hasher(CONFIG.num_perm, CONFIG.seed)


def shingle_hashes(text: str) -> np.ndarray:
    """The sorted set of 32-bit shingle hashes (what candidate pairs are verified against)."""
    return sh.shingle_hashes(text, CONFIG.shingle)


def signature(text: str) -> np.ndarray:
    """The MinHash signature (``CONFIG.num_perm`` uint32 values)."""
    return _HASHER.signature(shingle_hashes(text)).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per band; equal keys make a candidate pair."""
    return [key.hex() for key in sh.band_keys(sig, BANDS, ROWS)]


def similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact ``(jaccard, containment)`` of two sorted shingle-hash sets."""
    o = sh.overlap(a, b)
    return o.jaccard, o.containment


def is_near_duplicate(jaccard: float, containment: float) -> bool:
    return sh.is_copy(sh.Overlap(jaccard, containment, containment), jaccard=CONFIG.jaccard,
                      containment=CONFIG.containment)
