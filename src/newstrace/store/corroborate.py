"""``corroborate``: run corpus corroboration over the claims in a store.

Claims are read with what tells their origin (copies cluster, provenance credits, quoted speaker);
MiniLM embeddings, when the ``[semantic]`` extra is installed, are computed once and cached in
``claim_embeddings``.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from newstrace.corpus import vectors
from newstrace.corpus.corroboration import ClaimIndex, Corroboration, use_semantic
from newstrace.corpus.independence import ClaimRecord
from newstrace.errors import NotInStore
from newstrace.store.connection import Database
from newstrace.store.query import resolve_article


def claim_records(db: Database) -> tuple[list[ClaimRecord], list[int]]:
    """Every stored claim as a ``ClaimRecord``, with the claims' row ids (same order)."""
    credits: dict[str, list[str]] = {}
    for row in db.rows("SELECT p.article_id, p.name, a.outlet FROM provenance p JOIN articles a "
                       "ON a.id = p.article_id WHERE p.role <> 'republisher' ORDER BY p.article_id, p.position"):
        if (row["name"] or "").casefold() != (row["outlet"] or "").casefold():
            credits.setdefault(row["article_id"], []).append(row["name"])
    rows = db.rows(
        """SELECT c.seq, c.article_id, c.local_id, c.text, c.negated, a.outlet, a.published, a.url,
                  cp.cluster_id, s.norm_name AS speaker
           FROM claims c JOIN articles a ON a.id = c.article_id
           LEFT JOIN copies cp ON cp.article_id = c.article_id
           LEFT JOIN speakers s ON s.article_id = c.article_id AND s.local_id = c.speaker_id
           ORDER BY c.seq""")
    records = [ClaimRecord(key=f"{r['article_id']}:{r['local_id']}", text=r["text"], article_id=r["article_id"],
                           outlet=r["outlet"], published=r["published"], url=r["url"], speaker=r["speaker"],
                           cluster=r["cluster_id"], credits=tuple(credits.get(r["article_id"], ())),
                           negated=bool(r["negated"]))
               for r in rows]
    return records, [r["seq"] for r in rows]


def claim_index(db: Database, *, semantic: bool | None = None) -> ClaimIndex:
    """The index over every stored claim; ``semantic=None`` is the shared default (``use_semantic``)."""
    records, seqs = claim_records(db)
    semantic = use_semantic(semantic)
    matrix = cached_embeddings(db, records, seqs) if semantic else None
    titles = {r["id"]: r["title"] for r in db.rows("SELECT id, title FROM articles") if r["title"]}
    return ClaimIndex(records, semantic=semantic, embeddings=matrix, titles=titles)


def corroborate(db: Database, *, claim: str | None = None, article: str | None = None,
                semantic: bool | None = None, k: int = 50) -> Iterator[Corroboration]:
    """Corroboration for one claim (``ARTICLE:CLAIM`` key), every claim of one article, or every claim."""
    index = claim_index(db, semantic=semantic)
    positions = _select(db, index, claim, article)
    for position in positions:
        yield index.corroborate_position(position, k)


def _select(db: Database, index: ClaimIndex, claim: str | None, article: str | None) -> list[int]:
    if claim:
        article_ref, _, local = claim.rpartition(":")
        wanted = f"{resolve_article(db, article_ref)}:{local}" if article_ref else claim
        found = [i for i, r in enumerate(index.records) if r.key == wanted]
        if not found:
            raise NotInStore(f"no stored claim {claim!r} (give ARTICLE_ID:CLAIM_ID)")
        return found
    if article:
        article_id = resolve_article(db, article)
        return [i for i, r in enumerate(index.records) if r.article_id == article_id]
    return list(range(len(index.records)))


def cached_embeddings(db: Database, records: list[ClaimRecord], seqs: list[int]) -> np.ndarray:
    """Embeddings for ``records``, computing and storing (one transaction) those not cached yet."""
    cached = {row["claim_seq"]: np.frombuffer(bytes(row["vector"]), dtype=np.float32)
              for row in db.rows("SELECT claim_seq, vector FROM claim_embeddings WHERE model = ?",
                                 (vectors.MODEL_NAME,))}
    missing = [i for i, seq in enumerate(seqs) if seq not in cached]
    if missing:
        fresh = vectors.embed([records[i].text for i in missing])
        with db.transaction():
            db.executemany("INSERT INTO claim_embeddings (claim_seq, model, vector) VALUES (?, ?, ?)",
                           [(seqs[i], vectors.MODEL_NAME, fresh[j].tobytes()) for j, i in enumerate(missing)])
        cached.update({seqs[i]: fresh[j] for j, i in enumerate(missing)})
    if not seqs:
        return np.zeros((0, vectors.DIMENSIONS), dtype=np.float32)
    return np.stack([cached[seq] for seq in seqs])
