"""Which articles are copies of one original: a near-duplicate fallback (MinHash over word shingles).

Issue 4's provenance/near-duplicate clustering replaces this where it is available: anything that returns
groups of article ids can be handed to ``newstrace.store.copies.assign_copies``.
"""
from __future__ import annotations

import re
from typing import Iterable

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 64


def near_duplicate_clusters(texts: Iterable[tuple[str, str]], threshold: float = 0.8) -> list[list[str]]:
    """Group ``(article id, text)`` pairs whose word 5-shingle sets have Jaccard ≥ ~``threshold``.

    Groups are connected components of the LSH neighbours, members in input order; singletons included.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order = []
    for article_id, text in texts:
        if article_id in parent:
            continue
        signature = _minhash(text)
        parent[article_id] = article_id
        order.append(article_id)
        for other in lsh.query(signature):
            parent[find(article_id)] = find(other)
        lsh.insert(article_id, signature)
    groups: dict[str, list[str]] = {}
    for article_id in order:
        groups.setdefault(find(article_id), []).append(article_id)
    return list(groups.values())


def _minhash(text: str) -> MinHash:
    words = re.findall(r"[^\W_]+", text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature
