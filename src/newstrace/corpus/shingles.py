"""Pure functions for near-duplicate detection: shingles, MinHash signatures, LSH bands, verification.

Everything here works on plain values (strings, numpy arrays, bytes) and keeps no state, so the same
functions run in one process (``corpus.dedup``) or spread over workers (group by band key, then verify
the candidate pairs). Hashes are stable across processes (crc32, not Python's salted ``hash``).
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

_WORD = re.compile(r"\w+")
_MULT = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: mixes the word hashes of a shingle


def words(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and white space do not matter for copying."""
    return _WORD.findall(text.lower())


def shingle_hashes(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's k-word shingles (one shingle if the text is shorter)."""
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    ids = np.fromiter((_word_hash(w) for w in tokens), dtype=np.uint64, count=len(tokens))
    k = min(k, len(ids))
    span = len(ids) - k + 1
    h = np.zeros(span, dtype=np.uint64)
    for j in range(k):
        h = (h ^ ids[j:j + span]) * _MULT  # wraps modulo 2**64, as intended
    return np.unique((h ^ (h >> np.uint64(32))).astype(np.uint32))


@lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Hasher:
    """MinHash permutations shared by every signature of one run (datasketch's affine32 scheme)."""

    num_perm: int = 128
    seed: int = 1

    @property
    def template(self) -> MinHash:
        return _template(self.num_perm, self.seed)

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        """The MinHash signature of a shingle set, identical to ``MinHash.update_batch`` over the same values."""
        t = self.template
        if len(hashes) == 0:
            return t.hashvalues.copy()
        a, b = t.permutations
        hv = _fmix32(hashes.astype(np.uint32).reshape(-1, 1))
        return np.minimum(t.hashvalues, (hv * a + b).min(axis=0))

    def minhash(self, signature: np.ndarray) -> MinHash:
        """A datasketch ``MinHash`` wrapping a signature (for ``MinHashLSH``)."""
        t = self.template
        return MinHash(self.num_perm, self.seed, hashvalues=signature, permutations=t.permutations, scheme=t.scheme)


@lru_cache(maxsize=8)
def _template(num_perm: int, seed: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=seed)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """murmur3's 32-bit finaliser, as datasketch applies it to inputs in the affine32 scheme."""
    try:
        from datasketch.minhash import _fmix
        return _fmix(h, 32)
    except ImportError:  # older datasketch: the same arithmetic written out
        h = h.astype(np.uint32)
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
        return h


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch's ``MinHashLSH`` would choose for this Jaccard threshold."""
    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[bytes]:
    """One key per band, as ``MinHashLSH`` hashes them (band index first, so keys of bands never meet)."""
    return [i.to_bytes(2, "big") + bytes(signature[i * rows:(i + 1) * rows].byteswap().data) for i in range(bands)]


def band_buckets(signatures: np.ndarray, bands: int, rows: int) -> Iterator[np.ndarray]:
    """Row indices of a signature matrix that share a band, band by band (buckets of two or more).

    The same buckets as ``band_keys`` in a dict, vectorised: each band's values are grouped by ``np.unique``.
    """
    for i in range(bands):
        block = np.ascontiguousarray(signatures[:, i * rows:(i + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        shared = np.nonzero(counts[inverse] > 1)[0]
        if len(shared) == 0:
            continue
        shared = shared[np.argsort(inverse[shared], kind="stable")]
        yield from np.split(shared, np.nonzero(np.diff(inverse[shared]))[0] + 1)


def pairs_in_buckets(buckets: Iterable[list[int]]) -> Iterator[tuple[int, int]]:
    """Every pair of documents that share a bucket, smaller id first (duplicates across bands possible)."""
    for members in buckets:
        members = sorted(set(int(m) for m in members))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                yield a, b


@dataclass(frozen=True, slots=True)
class Overlap:
    """Exact overlap of two shingle sets: Jaccard, and how much of each lies inside the other."""

    jaccard: float
    a_in_b: float  # share of a's shingles found in b
    b_in_a: float

    @property
    def containment(self) -> float:
        return max(self.a_in_b, self.b_in_a)


def overlap(a: np.ndarray, b: np.ndarray) -> Overlap:
    """Exact overlap of two sorted unique shingle arrays."""
    if len(a) == 0 or len(b) == 0:
        return Overlap(0.0, 0.0, 0.0)
    common = len(np.intersect1d(a, b, assume_unique=True))
    return Overlap(common / (len(a) + len(b) - common), common / len(a), common / len(b))


def is_copy(o: Overlap, *, jaccard: float, containment: float) -> bool:
    """Near-duplicates, or one text embedded in the other (intro or boilerplate added around it)."""
    return o.jaccard >= jaccard or o.containment >= containment
