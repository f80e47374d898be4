"""The ``copies`` table: which stored articles are copies of one original (one cluster id per group).

Ingest fills it with exact copies up to formatting. ``assign_copies`` replaces it from any clustering:
by default the corpus near-duplicate clustering (``newstrace.corpus.dedup``: MinHash LSH, then Jaccard or
containment), or any groups of article ids passed in.
"""
from __future__ import annotations

from typing import Iterable

from newstrace.corpus.dedup import DedupConfig, dedup
from newstrace.model import Article
from newstrace.store.connection import Database


def assign_copies(db: Database, groups: Iterable[Iterable[str]] | None = None, *,
                  method: str = "minhash-lsh") -> int:
    """Store ``groups`` of article ids (default: near-duplicates of stored bodies); return the number of groups
    with more than one member. Each group's cluster id is its earliest member's id. One transaction."""
    if groups is None:
        rows = db.rows("SELECT id, body FROM articles ORDER BY seq")
        groups = near_duplicate_groups((r["id"], r["body"]) for r in rows)
    order = {r["id"]: (r["published"] or "9999", r["seq"])
             for r in db.rows("SELECT id, published, seq FROM articles")}
    rows, shared = [], 0
    for group in groups:
        members = sorted((a for a in set(group) if a in order), key=order.__getitem__)
        if not members:
            continue
        shared += len(members) > 1
        rows += [(members[0], method if len(members) > 1 else "self", m) for m in members]
    with db.transaction():
        db.executemany("UPDATE copies SET cluster_id = ?, method = ? WHERE article_id = ?", rows)
    return shared


def near_duplicate_groups(bodies: Iterable[tuple[str, str]], config: DedupConfig = DedupConfig()) -> list[list[str]]:
    """Groups of article ids whose bodies are near-duplicates (or one contains most of the other)."""
    result = dedup(((article_id, Article(text=body)) for article_id, body in bodies), config)
    return [[result.documents[i].name for i in cluster.members] for cluster in result.clusters]
