"""What the corpus report and the web UI read from a store: articles, the republication graph, claims with
their independent origins. The SQL the store package does not offer as a function stays in this module."""
from __future__ import annotations

import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import urlsplit

from newstrace.model import Analysis
from newstrace.store import query
from newstrace.store.connection import Database

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


def counts(db: Database) -> dict[str, int]:
    return {t: int(db.scalar(f"SELECT COUNT(*) FROM {t}") or 0)
            for t in ("articles", "speakers", "quotes", "claims", "checks", "provenance")}


def list_articles(db: Database, *, outlet: str | None = None, ids: Iterable[str] | None = None,
                  limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest ingest first: id, title, outlet, published, url and part counts."""
    where, params = [], []
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if ids is not None:
        ids = list(ids) or [""]
        where.append(f"a.id IN ({', '.join('?' for _ in ids)})")
        params += ids
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    return db.rows(
        f"""SELECT a.id, a.title, a.outlet, a.published, a.url,
               (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims
            FROM articles a {clause} ORDER BY a.seq DESC LIMIT ? OFFSET ?""", [*params, limit, offset])


def load_analysis(db: Database, article_id: str) -> Analysis:
    row = db.rows("SELECT analysis FROM articles WHERE id = ?", (article_id,))
    if not row:
        query.resolve_article(db, article_id)  # raises NotInStore with the store's wording
    return Analysis.from_dict(json.loads(row[0]["analysis"]))


def article_id_for_url(db: Database, url: str | None) -> str | None:
    """The stored article found at ``url`` (its latest version), if any."""
    if not url:
        return None
    found = db.rows("SELECT article_id AS id FROM article_versions WHERE locator = ? ORDER BY version DESC LIMIT 1",
                    (url,)) or db.rows("SELECT id FROM articles WHERE url = ? ORDER BY seq DESC LIMIT 1", (url,))
    return found[0]["id"] if found else None


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
    rows = db.rows("SELECT a.id, a.outlet, a.url, a.published, a.seq, c.cluster_id, c.method FROM articles a "
                   "JOIN copies c ON c.article_id = a.id WHERE c.cluster_id IN "
                   "(SELECT cluster_id FROM copies GROUP BY cluster_id HAVING COUNT(*) > 1) ORDER BY c.cluster_id")
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
    rows = db.rows("SELECT p.article_id, p.name, p.role, p.data, a.outlet, a.url FROM provenance p "
                   "JOIN articles a ON a.id = p.article_id WHERE p.role <> 'republisher' "
                   "ORDER BY p.article_id, p.position")
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


def find_speakers(db: Database, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Speakers whose normalised name contains ``text``: key, name, kind, quotes and articles, most quoted first."""
    from newstrace.corpus.text import normalize_name

    key = normalize_name(text)
    if not key:
        return []
    return db.rows(
        """SELECT s.norm_name AS speaker_key, MIN(s.name) AS name, MIN(s.kind) AS kind,
               COUNT(DISTINCT s.article_id) AS articles,
               (SELECT COUNT(*) FROM quotes q WHERE q.norm_speaker = s.norm_name) AS quotes
            FROM speakers s WHERE s.norm_name LIKE ?
            GROUP BY s.norm_name ORDER BY quotes DESC, articles DESC, name LIMIT ?""",
        (f"%{key.replace('%', '').replace('_', ' ')}%", limit))


def speaker_detail(db: Database, key: str) -> dict[str, Any] | None:
    """One speaker across the corpus (by normalised name): names, roles, aliases, and the articles quoting them."""
    rows = db.rows("SELECT s.article_id, s.local_id, s.name, s.kind, s.role, s.affiliation, s.aliases, a.title, "
                   "a.outlet, a.published FROM speakers s JOIN articles a ON a.id = s.article_id "
                   "WHERE s.norm_name = ? ORDER BY a.published, a.seq", (key,))
    if not rows:
        return None
    aliases = sorted({alias for r in rows for alias in json.loads(r["aliases"] or "[]")})
    return {"key": key, "name": rows[0]["name"], "names": sorted({r["name"] for r in rows}),
            "kinds": sorted({r["kind"] for r in rows}), "roles": sorted({r["role"] for r in rows if r["role"]}),
            "affiliations": sorted({r["affiliation"] for r in rows if r["affiliation"]}), "aliases": aliases,
            "articles": [{k: r[k] for k in ("article_id", "local_id", "title", "outlet", "published")} for r in rows]}


def corroboration_summaries(db: Database, keys: list[str], *, semantic: bool | None = None,
                            max_claims: int = 5000) -> dict[str, str]:
    """``"N independent origins support, M contradict"`` for each claim key (``article:claim``); empty when the
    store holds more than ``max_claims`` claims (the index is built per call: too slow beyond that)."""
    from newstrace.store.corroborate import claim_index

    if not keys or int(db.scalar("SELECT COUNT(*) FROM claims") or 0) > max_claims:
        return {}
    index = claim_index(db, semantic=semantic)
    positions = {r.key: i for i, r in enumerate(index.records)}
    return {key: index.corroborate_position(positions[key]).labelled_summary() for key in keys if key in positions}
