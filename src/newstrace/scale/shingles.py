"""The corpus stage's near-duplicate rules, in the shapes the Dask run stores (plain lists, hex band keys).

Every function takes the run's ``DedupConfig`` (the defaults when none is given), so ``newstrace dedup``
(one process) and ``newstrace batch`` (Dask) apply the same settings and find the same copies.
"""
from __future__ import annotations

import numpy as np

from newstrace.corpus import shingles as sh
from newstrace.corpus.dedup import DedupConfig, comparable, verifies

DEFAULT = DedupConfig()
MAX_GROUP_PAIRS = 100  # band buckets larger than this emit a star around their first member, not all pairs


def shingle_hashes(text: str, config: DedupConfig = DEFAULT) -> np.ndarray:
    """The sorted set of 32-bit shingle hashes (what candidate pairs are verified against)."""
    return sh.shingle_hashes(text, config.shingle)


def signature(text: str, config: DedupConfig = DEFAULT) -> np.ndarray:
    """The MinHash signature (``config.num_perm`` uint32 values); empty for a text too short to compare,
    which then joins no band and no pair (``config.min_words``, as in ``newstrace dedup``)."""
    hashes = shingle_hashes(text, config)
    if comparable(text, hashes, config) is None:
        return np.empty(0, dtype=np.uint32)
    return config.hasher().signature(hashes).astype(np.uint32)


def band_keys(sig: np.ndarray, config: DedupConfig = DEFAULT) -> list[str]:
    """One key per band; equal keys make a candidate pair."""
    bands, rows = sh.lsh_params(config.threshold, config.num_perm)
    return [key.hex() for key in sh.band_keys(sig, bands, rows)]


def similarity(a: np.ndarray, b: np.ndarray) -> sh.Overlap:
    """The exact overlap of two sorted shingle-hash sets."""
    return sh.overlap(a, b)


def is_near_duplicate(overlap: sh.Overlap, config: DedupConfig = DEFAULT) -> bool:
    return verifies(overlap, config)
