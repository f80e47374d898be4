"""Shingling and MinHash parameters for corpus-wide near-duplicate detection, in one place.

Kept small on purpose so that it can later be unified with the provenance stage's own functions.
"""
from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

SHINGLE_WORDS = 5  # word n-grams: long enough that shared boilerplate phrases rarely match
NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidate threshold (1/32)^(1/4) ≈ 0.42 Jaccard
ROWS = NUM_PERM // BANDS
SEED = 1
JACCARD_MIN = 0.5  # a verified near-duplicate: Jaccard of shingle sets at least this ...
CONTAINMENT_MIN = 0.8  # ... or the shorter text mostly contained in the longer (a cut republication)
MAX_GROUP_PAIRS = 100  # band buckets larger than this emit a star around their first member, not all pairs

_WORD = re.compile(r"\w+")


def shingles(text: str) -> list[bytes]:
    """Lower-cased word n-grams; a text shorter than n words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)]


def shingle_hashes(text: str) -> np.ndarray:
    """The sorted set of 32-bit shingle hashes (what candidate pairs are verified against)."""
    return np.unique(np.fromiter((sha1_hash32(s) for s in shingles(text)), dtype=np.uint32))


def signature(text: str) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(shingles(text))
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per band: the band number and its rows' values; equal keys make a candidate pair."""
    return [f"{b}:{sig[b * ROWS:(b + 1) * ROWS].tobytes().hex()}" for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact ``(jaccard, containment)`` of two sorted shingle-hash sets; containment is over the smaller set."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common), common / min(len(a), len(b))


def is_near_duplicate(jaccard: float, containment: float) -> bool:
    return jaccard >= JACCARD_MIN or containment >= CONTAINMENT_MIN
