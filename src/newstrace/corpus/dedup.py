"""Copies across a corpus: MinHash LSH candidates, exact verification, clusters and who copied whom.

``dedup`` takes any iterable of ``Article`` or ``Analysis`` objects (files, a folder, later the store)
and returns a ``DedupResult``: the verified pairs, clusters of copies with the earliest known version,
and a directed republication graph. It reads text only (no spaCy), so it is fast.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np
from datasketch import MinHashLSH

from newstrace.corpus import shingles as sh
from newstrace.model import Analysis, Article, Source
from newstrace.provenance import build_chain, outlets
from newstrace.provenance.signals import Page


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds: ``threshold`` tunes the LSH bands (candidates); ``jaccard`` / ``containment`` verify them."""

    shingle: int = 5
    num_perm: int = 128
    threshold: float = 0.3
    jaccard: float = 0.7
    containment: float = 0.8
    min_words: int = 20
    seed: int = 1
    index: str = "bands"  # bands (numpy) | datasketch (MinHashLSH): the same candidates


@dataclass(slots=True)
class Document:
    """One article as the corpus sees it: its shingles, and what dates and provenance say about it."""

    index: int
    position: int  # place in the input, counting skipped items
    name: str
    item: Article | Analysis
    hashes: np.ndarray
    words: int
    _chain: list[Source] | None = None
    _outlet: str | None = ""  # "" = not computed yet

    @property
    def article(self) -> Article:
        return self.item.article if isinstance(self.item, Analysis) else self.item

    @property
    def chain(self) -> list[Source]:
        """The item's chain (from the analysis when it has one; built from signals otherwise, without spaCy)."""
        if self._chain is None:
            if isinstance(self.item, Analysis) and self.item.provenance:
                self._chain = self.item.provenance
            else:
                self._chain = build_chain(self.article, body=False)  # publication steps are what order copies
        return self._chain

    @property
    def outlet(self) -> str | None:
        if self._outlet == "":
            self._outlet = Page.of(self.article).outlet
        return self._outlet

    @property
    def date(self) -> str | None:
        return self.article.published[:10] if self.article.published else None

    @property
    def upstream(self) -> list[str]:
        """Outlets this item's chain says it came from (wire, origin)."""
        return [s.name for s in self.chain if s.role in ("wire", "origin", "syndicator") and s.signal != "page"
                and "page" not in s.signal.split("+")]


@dataclass(slots=True)
class Pair:
    a: int
    b: int
    overlap: sh.Overlap


@dataclass(slots=True)
class Edge:
    """``source`` was copied by ``target``; ``reason`` says how the direction was decided."""

    source: int
    target: int
    reason: str  # chain | date | undetermined
    jaccard: float
    containment: float


@dataclass(slots=True)
class Cluster:
    members: list[int]
    earliest: int
    why: str
    edges: list[Edge] = field(default_factory=list)


@dataclass(slots=True)
class DedupResult:
    config: DedupConfig
    documents: list[Document]
    pairs: list[Pair]
    clusters: list[Cluster]
    candidates: int = 0
    skipped: list[str] = field(default_factory=list)  # too short to compare
    seconds: dict[str, float] = field(default_factory=dict)  # per step

    def to_dict(self) -> dict[str, Any]:
        return result_to_dict(self)


def dedup(items: Iterable[Article | Analysis | tuple[str, Article | Analysis]], config: DedupConfig = DedupConfig()) -> DedupResult:
    """Find copies among ``items`` (optionally ``(name, item)`` pairs; the name defaults to the URL or id)."""
    hasher = sh.Hasher(config.num_perm, config.seed)
    clock = _Clock()
    docs, skipped = _documents(items, config)
    signatures = [hasher.signature(d.hashes) for d in docs]
    clock.lap("shingles+minhash")
    candidates = candidate_pairs(signatures, config, hasher)
    clock.lap("lsh")
    pairs = verify_pairs(docs, candidates, config)
    clock.lap("verify")
    clusters = _clusters(docs, pairs)
    clock.lap("clusters")
    return DedupResult(config, docs, pairs, clusters, len(candidates), skipped, clock.laps)


class _Clock:
    """Seconds spent in each step, so a slow step shows (reported by ``bench/dedup.py``)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now


def _documents(items: Iterable[Any], config: DedupConfig) -> tuple[list[Document], list[str]]:
    docs, skipped = [], []
    for position, item in enumerate(items):
        name, item = item if isinstance(item, tuple) else (None, item)
        article = item.article if isinstance(item, Analysis) else item
        name = name or article.url or article.id[:16]
        text = article.body_text() or article.text
        hashes = sh.shingle_hashes(text, config.shingle)
        count = len(sh.words(text)) if len(hashes) < config.min_words else len(hashes) + config.shingle - 1
        if count < config.min_words:
            skipped.append(name)
            continue
        docs.append(Document(len(docs), position, name, item, hashes, count))
    return docs, skipped


def candidate_pairs(signatures: list[np.ndarray], config: DedupConfig, hasher: sh.Hasher) -> set[tuple[int, int]]:
    """Pairs that share at least one LSH band, with datasketch's bands and rows for the threshold.

    ``index="bands"`` groups the bands with numpy (fast, the same buckets); ``"datasketch"`` uses ``MinHashLSH``.
    """
    bands, rows = sh.lsh_params(config.threshold, config.num_perm)
    if config.index == "bands":
        matrix = np.vstack(signatures) if signatures else np.empty((0, config.num_perm), dtype=np.uint32)
        return set(sh.pairs_in_buckets(sh.band_buckets(matrix, bands, rows)))
    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm, params=(bands, rows))
    minhashes = (hasher.minhash(s) for s in signatures)
    with lsh.insertion_session() as session:
        for i, m in enumerate(minhashes):
            session.insert(i, m, check_duplication=False)
    # Reading the buckets directly gives the same pairs as querying every document, in one pass.
    buckets = (table.get(key) for table in lsh.hashtables for key in table.keys())
    return set(sh.pairs_in_buckets(b for b in buckets if len(b) > 1))


def verify_pairs(docs: list[Document], candidates: Iterable[tuple[int, int]], config: DedupConfig) -> list[Pair]:
    """Candidates whose exact shingle overlap passes the Jaccard or containment threshold."""
    pairs = []
    for a, b in sorted(candidates):
        o = sh.overlap(docs[a].hashes, docs[b].hashes)
        if sh.is_copy(o, jaccard=config.jaccard, containment=config.containment):
            pairs.append(Pair(a, b, o))
    return pairs


def _clusters(docs: list[Document], pairs: list[Pair]) -> list[Cluster]:
    """Connected components of the verified pairs, biggest first, each with its own pairs."""
    components = _components(len(docs), pairs)
    cluster_of = {m: number for number, members in enumerate(components) for m in members}
    pairs_of: list[list[Pair]] = [[] for _ in components]
    for p in pairs:
        pairs_of[cluster_of[p.a]].append(p)
    clusters = [_cluster(docs, members, own) for members, own in zip(components, pairs_of)]
    return sorted(clusters, key=lambda c: (-len(c.members), c.earliest))


def _components(n: int, pairs: list[Pair]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.a)] = find(p.b)
    groups: dict[int, list[int]] = {}
    for p in pairs:
        for x in (p.a, p.b):
            groups.setdefault(find(x), [])
    for x in range(n):
        if find(x) in groups:
            groups[find(x)].append(x)
    return list(groups.values())


def _cluster(docs: list[Document], members: list[int], pairs: list[Pair]) -> Cluster:
    """The earliest version (by provenance chains, then dates) and the direction of every copy (``pairs``: its own)."""
    named = {m for m in members for other in members if other != m and _names(docs[other], docs[m])}
    ranked = sorted(members, key=lambda m: _rank(docs[m], m in named))
    earliest = ranked[0]
    why = _why_earliest(docs, earliest, ranked, named)
    position = {m: i for i, m in enumerate(ranked)}
    edges = [_edge(docs, p, position) for p in pairs]
    return Cluster(sorted(members), earliest, why, edges)


def _why_earliest(docs: list[Document], first: int, ranked: list[int], named: set[int]) -> str:
    if first in named:
        return "another copy's provenance names its outlet"
    rest = ranked[1:]
    if docs[first].date and all(docs[m].date is None or docs[m].date > docs[first].date for m in rest):
        return "earliest stated date"
    if not docs[first].upstream and all(docs[m].upstream for m in rest):
        return "the only version that names no upstream source"
    return "nothing orders the versions (same or missing dates, no provenance); first seen"


def _names(copy: Document, original: Document) -> bool:
    """``copy``'s chain names ``original``'s outlet as where it came from."""
    outlet = original.outlet
    return bool(outlet) and not outlets.same_outlet(copy.outlet, outlet) and \
        any(outlets.same_outlet(up, outlet) for up in copy.upstream)


def _rank(doc: Document, named_by_copy: bool) -> tuple:
    return (not named_by_copy, bool(doc.upstream), doc.date or "9999-99-99", doc.index)


def _edge(docs: list[Document], p: Pair, position: dict[int, int]) -> Edge:
    a, b = docs[p.a], docs[p.b]
    if _names(b, a) and not _names(a, b):
        src, dst, reason = p.a, p.b, "chain"
    elif _names(a, b) and not _names(b, a):
        src, dst, reason = p.b, p.a, "chain"
    elif a.date and b.date and a.date != b.date:
        src, dst = (p.a, p.b) if a.date < b.date else (p.b, p.a)
        reason = "date"
    else:
        src, dst = (p.a, p.b) if position[p.a] < position[p.b] else (p.b, p.a)
        reason = "undetermined"  # direction follows the cluster ranking only
    return Edge(src, dst, reason, round(p.overlap.jaccard, 4), round(p.overlap.containment, 4))


def result_to_dict(result: DedupResult) -> dict[str, Any]:
    """The JSON form: configuration, counts, clusters with members, earliest version and directed edges."""
    docs = result.documents

    def doc(i: int) -> dict[str, Any]:
        d = docs[i]
        return {"index": i, "position": d.position, "name": d.name, "id": d.article.id, "outlet": d.outlet, "date": d.date,
                "words": d.words, "upstream": d.upstream}

    return {
        "config": {k: getattr(result.config, k) for k in result.config.__dataclass_fields__},
        "documents": len(docs), "skipped": result.skipped, "candidate_pairs": result.candidates,
        "verified_pairs": len(result.pairs), "seconds": result.seconds,
        "clusters": [{"size": len(c.members), "earliest": doc(c.earliest), "why": c.why,
                      "members": [doc(m) for m in c.members],
                      "edges": [{"from": e.source, "to": e.target, "reason": e.reason, "jaccard": e.jaccard,
                                 "containment": e.containment} for e in c.edges]}
                     for c in result.clusters],
    }
