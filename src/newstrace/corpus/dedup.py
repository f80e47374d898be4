"""Copies across a corpus: MinHash LSH candidates, exact verification, clusters and who copied whom.

``dedup`` takes any iterable of ``Article`` or ``Analysis`` objects (files, a folder, later the store)
and returns a ``DedupResult``: the verified pairs, clusters of copies with the earliest known version,
and a directed republication graph. It reads text only (no spaCy), so it is fast.

The rules here are the only ones: ``newstrace batch`` (``scale/dedup.py``, on Dask) applies the same
``DedupConfig``, the same length rule (``comparable``), verification (``verifies``) and the same choice of the
earliest version and of each copy's direction (``Version``, ``rank_versions``, ``direction``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx
import numpy as np
from datasketch import MinHashLSH

from newstrace.corpus import shingles as sh
from newstrace.corpus.dedup_config import DedupConfig
from newstrace.model import Analysis, Article, Source
from newstrace.provenance import build_chain, outlets
from newstrace.provenance.signals import Page


def comparable(text: str, hashes: np.ndarray, config: DedupConfig) -> int | None:
    """The text's word count, or None when it is too short to compare (fewer than ``min_words`` words)."""
    # Unique shingles + (k - 1) never exceed the word count: count the words only when that bound is too low.
    count = len(sh.words(text)) if len(hashes) < config.min_words else len(hashes) + config.shingle - 1
    return count if count >= config.min_words else None


def verifies(o: sh.Overlap, config: DedupConfig) -> bool:
    """Whether an exact shingle overlap makes a candidate pair a copy."""
    return sh.is_copy(o, jaccard=config.jaccard, containment=config.containment)


@dataclass(frozen=True, slots=True)
class Version:
    """What orders the copies of a story: the page's outlet, the outlets its chain names upstream, its date."""

    outlet: str | None
    upstream: tuple[str, ...]
    date: str | None

    @classmethod
    def of(cls, item: Article | Analysis, fallback_date: str | None = None) -> "Version":
        """From the analysis' chain when it has one; else from a chain built from signals, without spaCy.
        ``fallback_date`` stands in for a missing publication date (a WARC record's date, in ``batch``)."""
        article = item.article if isinstance(item, Analysis) else item
        chain = item.provenance if isinstance(item, Analysis) and item.provenance else \
            build_chain(article, body=False)  # publication steps are what order copies
        date = article.published or fallback_date
        return cls(Page.of(article).outlet, upstream_of(chain), date[:10] if date else None)


def upstream_of(chain: Iterable[Source]) -> tuple[str, ...]:
    """Outlets a chain says the page came from (wire, origin, syndicator), not the page itself."""
    return tuple(s.name for s in chain if s.role in ("wire", "origin", "syndicator") and s.signal != "page"
                 and "page" not in s.signal.split("+"))


@dataclass(slots=True)
class Document:
    """One article as the corpus sees it: its shingles, and what dates and provenance say about it."""

    index: int
    position: int  # place in the input, counting skipped items
    name: str
    item: Article | Analysis
    hashes: np.ndarray
    words: int
    _version: Version | None = None

    @property
    def article(self) -> Article:
        return self.item.article if isinstance(self.item, Analysis) else self.item

    @property
    def version(self) -> Version:
        if self._version is None:
            self._version = Version.of(self.item)
        return self._version

    @property
    def outlet(self) -> str | None:
        return self.version.outlet

    @property
    def date(self) -> str | None:
        return self.version.date

    @property
    def upstream(self) -> list[str]:
        """Outlets this item's chain says it came from (wire, origin)."""
        return list(self.version.upstream)


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
    hasher = config.hasher()
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
        count = comparable(text, hashes, config)
        if count is None:
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
        if verifies(o, config):
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
    graph = nx.Graph()
    graph.add_edges_from((p.a, p.b) for p in pairs)
    return [sorted(c) for c in nx.connected_components(graph)]


def _cluster(docs: list[Document], members: list[int], pairs: list[Pair]) -> Cluster:
    """The earliest version (by provenance chains, then dates) and the direction of every copy (``pairs``: its own)."""
    ranked, why = rank_versions([docs[m].version for m in members])
    position = {members[i]: place for place, i in enumerate(ranked)}
    edges = []
    for p in pairs:
        forward, reason = direction(docs[p.a].version, docs[p.b].version, position[p.a] < position[p.b])
        src, dst = (p.a, p.b) if forward else (p.b, p.a)
        edges.append(Edge(src, dst, reason, round(p.overlap.jaccard, 4), round(p.overlap.containment, 4)))
    return Cluster(sorted(members), members[ranked[0]], why, edges)


def rank_versions(versions: list[Version]) -> tuple[list[int], str]:
    """The versions' indexes, earliest first (named as the source by another copy's chain, then naming no
    upstream, then by date, then in the given order), and why the first is first."""
    named = {i for i, v in enumerate(versions) for j, other in enumerate(versions) if i != j and _names(other, v)}
    ranked = sorted(range(len(versions)), key=lambda i: (i not in named, bool(versions[i].upstream),
                                                          versions[i].date or "9999-99-99", i))
    return ranked, _why_earliest(versions, ranked, named)


def _why_earliest(versions: list[Version], ranked: list[int], named: set[int]) -> str:
    first, rest = versions[ranked[0]], [versions[i] for i in ranked[1:]]
    if ranked[0] in named:
        return "another copy's provenance names its outlet"
    if first.date and all(v.date is None or v.date > first.date for v in rest):
        return "earliest stated date"
    if not first.upstream and all(v.upstream for v in rest):
        return "the only version that names no upstream source"
    return "nothing orders the versions (same or missing dates, no provenance); first seen"


def _names(copy: Version, original: Version) -> bool:
    """``copy``'s chain names ``original``'s outlet as where it came from."""
    outlet = original.outlet
    return bool(outlet) and not outlets.same_outlet(copy.outlet, outlet) and \
        any(outlets.same_outlet(up, outlet) for up in copy.upstream)


def direction(a: Version, b: Version, a_ranks_first: bool) -> tuple[bool, str]:
    """Whether ``a`` is the source of ``b`` (else ``b`` of ``a``), and how that was decided."""
    if _names(b, a) != _names(a, b):
        return _names(b, a), "chain"
    if a.date and b.date and a.date != b.date:
        return a.date < b.date, "date"
    return a_ranks_first, "undetermined"  # direction follows the cluster ranking only


def result_to_dict(result: DedupResult) -> dict[str, Any]:
    """The JSON form: configuration, counts, clusters with members, earliest version and directed edges."""
    docs = result.documents

    def doc(i: int) -> dict[str, Any]:
        d = docs[i]
        return {"index": i, "position": d.position, "name": d.name, "id": d.article.id, "outlet": d.outlet, "date": d.date,
                "words": d.words, "upstream": d.upstream}

    return {
        "config": result.config.to_dict(),
        "documents": len(docs), "skipped": result.skipped, "candidate_pairs": result.candidates,
        "verified_pairs": len(result.pairs), "seconds": result.seconds,
        "clusters": [{"size": len(c.members), "earliest": doc(c.earliest), "why": c.why,
                      "members": [doc(m) for m in c.members],
                      "edges": [{"from": e.source, "to": e.target, "reason": e.reason, "jaccard": e.jaccard,
                                 "containment": e.containment} for e in c.edges]}
                     for c in result.clusters],
    }
