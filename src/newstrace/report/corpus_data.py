"""What the corpus report and the web UI read from a store: articles, the republication graph, claims with
their independent origins, assembled from the rows ``newstrace.store.browse`` reads (all SQL is in ``store/``)."""
from __future__ import annotations

import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newstrace.model import Analysis
from newstrace.store import browse, query
from newstrace.store.browse import article_id_for_url, counts, find_speakers, list_articles, load_analysis, speaker_detail
from newstrace.store.connection import Database

__all__ = ["UNKNOWN_OUTLET", "Edge", "CorpusView", "article_id_for_url", "claim_origins", "corpus_view",
           "corroboration_summaries", "counts", "find_speakers", "list_articles", "load_analysis",
           "republication_edges", "speaker_detail"]

UNKNOWN_OUTLET = "(unknown outlet)"  # an article with neither an outlet nor a URL


@dataclass(frozen=True, slots=True)
class Edge:
    """``target`` republished or credited ``source``; ``articles`` are the ids that show it."""

    source: str
    target: str
    kind: str  # "copy" (same text in a copies cluster) or the credited role (wire, origin, ...)
    articles: tuple[str, ...]
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "kind": self.kind, "articles": list(self.articles),
                "evidence": list(self.evidence)}


@dataclass(slots=True)
class CorpusView:
    title: str
    counts: dict[str, int]
    outlets: list[dict[str, Any]]
    edges: list[Edge]
    claims: list[dict[str, Any]]  # Corroboration.to_dict() per claim
    articles: list[dict[str, Any]]
    analyses: list[Analysis] = field(default_factory=list)  # the articles shown in full


def republication_edges(db: Database) -> list[Edge]:
    """Outlet → outlet edges: the earliest copy of a text → each later copy, and credited source → outlet."""
    found: dict[tuple[str, str, str], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for source, target, kind, article, evidence in _copy_links(db) + _credit_links(db):
        if source.casefold() == target.casefold():
            continue
        ids, texts = found[(source, target, kind)]
        ids.append(article)
        if evidence and evidence not in texts:
            texts.append(evidence)
    return [Edge(s, t, k, tuple(ids), tuple(texts[:5])) for (s, t, k), (ids, texts) in sorted(found.items())]


def _copy_links(db: Database) -> list[tuple[str, str, str, str, str]]:
    rows = browse.copy_rows(db)
    clusters: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        clusters[row["cluster_id"]].append(row)
    links = []
    for members in clusters.values():
        members.sort(key=lambda r: (r["published"] or "9999", r["seq"]))
        first = members[0]
        for other in members[1:]:
            links.append((_outlet(first), _outlet(other), "copy", other["id"],
                          f"same text as {first['url'] or first['id'][:12]} ({other['method']})"))
    return links


def _credit_links(db: Database) -> list[tuple[str, str, str, str, str]]:
    rows = browse.credit_rows(db)
    links = []
    for row in rows:
        data = json.loads(row["data"]) if row["data"] else {}
        evidence = next((e.get("text") for e in data.get("evidence", []) if e.get("text")), data.get("signal") or "")
        links.append((row["name"], _outlet(row), row["role"], row["article_id"], evidence))
    return links


def _outlet(row: dict) -> str:
    """The stored outlet, else the site of the page's URL, else ``UNKNOWN_OUTLET``."""
    if row.get("outlet"):
        return row["outlet"]
    try:
        host = urlsplit(row.get("url") or "").hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.") or UNKNOWN_OUTLET


def claim_origins(db: Database, *, article: str | None = None, claim: str | None = None,
                  semantic: bool | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Corroboration (independent origins supporting / contradicting) for the first ``limit`` stored claims."""
    from newstrace.store.corroborate import corroborate

    found = corroborate(db, claim=claim, article=article, semantic=semantic)
    return [r.to_dict() for r in itertools.islice(found, limit)]


def corpus_view(db: Database, *, ids: list[str] | None = None, max_articles: int = 50, max_claims: int = 200,
                semantic: bool | None = None, title: str = "newstrace corpus report") -> CorpusView:
    """Everything the corpus report shows; ``ids`` restricts the articles shown in full (default: newest)."""
    articles = list_articles(db, ids=ids, limit=max_articles)
    analyses = [load_analysis(db, a["id"]) for a in articles]
    return CorpusView(title=title, counts=counts(db), outlets=query.sources(db), edges=republication_edges(db),
                      claims=claim_origins(db, semantic=semantic, limit=max_claims), articles=articles,
                      analyses=analyses)


def corroboration_summaries(db: Database, keys: list[str], *, semantic: bool | None = None,
                            max_claims: int = 5000) -> dict[str, str]:
    """``"N independent origins support, M contradict"`` for each claim key (``article:claim``); empty when the
    store holds more than ``max_claims`` claims (the index is built per call: too slow beyond that)."""
    from newstrace.store.corroborate import claim_index

    if not keys or browse.claim_count(db) > max_claims:
        return {}
    index = claim_index(db, semantic=semantic)
    positions = {r.key: i for i, r in enumerate(index.records)}
    return {key: index.corroborate_position(positions[key]).labelled_summary() for key in keys if key in positions}
