"""What the corpus report and the web UI browse in a store: counts, article lists, one analysis, the rows behind
the republication graph, and speakers by name. Rows are plain dicts; the report package assembles them."""
from __future__ import annotations

import json
from typing import Any, Iterable

from newstrace.model import Analysis
from newstrace.store import query
from newstrace.store.connection import Database

COUNTED_TABLES = ("articles", "speakers", "quotes", "claims", "checks", "provenance")


def counts(db: Database) -> dict[str, int]:
    return {t: int(db.scalar(f"SELECT COUNT(*) FROM {t}") or 0) for t in COUNTED_TABLES}


def claim_count(db: Database) -> int:
    return int(db.scalar("SELECT COUNT(*) FROM claims") or 0)


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


def copy_rows(db: Database) -> list[dict[str, Any]]:
    """Members of every copies cluster of more than one article, with outlet, URL, date and ingest order."""
    return db.rows("SELECT a.id, a.outlet, a.url, a.published, a.seq, c.cluster_id, c.method FROM articles a "
                   "JOIN copies c ON c.article_id = a.id WHERE c.cluster_id IN "
                   "(SELECT cluster_id FROM copies GROUP BY cluster_id HAVING COUNT(*) > 1) ORDER BY c.cluster_id")


def credit_rows(db: Database) -> list[dict[str, Any]]:
    """Every provenance link but republishers, with the crediting article's outlet and URL."""
    return db.rows("SELECT p.article_id, p.name, p.role, p.data, a.outlet, a.url FROM provenance p "
                   "JOIN articles a ON a.id = p.article_id WHERE p.role <> 'republisher' "
                   "ORDER BY p.article_id, p.position")


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
