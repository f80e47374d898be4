"""Questions asked of the store: speakers, quotes, claims, sources, and one story. Rows are plain dicts."""
from __future__ import annotations

import json
from typing import Any, Iterator

from newstrace.corpus.text import normalize_name
from newstrace.errors import NotInStore
from newstrace.model import DEFAULT_QUOTE_TYPES, Analysis
from newstrace.store.connection import Database
from newstrace.store.search import phrase, text_match

DEFAULT_LIMIT = 100


def speakers(db: Database, *, outlet: str | None = None, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Who is quoted, how often, in which outlets, with the roles and affiliations given to them."""
    where, params = ("WHERE lower(a.outlet) = lower(?)", [outlet]) if outlet else ("", [])
    return db.rows(
        f"""SELECT s.norm_name AS speaker_key, MIN(s.name) AS name, MIN(s.kind) AS kind,
               COALESCE(MAX(q.n), 0) AS quotes, COUNT(DISTINCT s.article_id) AS articles,
               {_agg(db, 'a.outlet')} AS outlets, {_agg(db, 's.role')} AS roles,
               {_agg(db, 's.affiliation')} AS affiliations
            FROM speakers s JOIN articles a ON a.id = s.article_id
            LEFT JOIN (SELECT norm_speaker, COUNT(*) AS n FROM quotes GROUP BY norm_speaker) q
                   ON q.norm_speaker = s.norm_name
            {where}
            GROUP BY s.norm_name ORDER BY quotes DESC, articles DESC, name LIMIT ?""", [*params, limit])


def quotes(db: Database, *, speaker: str | None = None, about: str | None = None, outlet: str | None = None,
           limit: int = DEFAULT_LIMIT, types: tuple[str, ...] | None = DEFAULT_QUOTE_TYPES) -> list[dict[str, Any]]:
    """Quotes by a speaker (name or surname), mentioning an entity, and/or published by an outlet; of ``types``
    (speech and writing by default; None: every type)."""
    where, params = [], []
    if types is not None:
        where.append(f"q.type IN ({', '.join('?' for _ in types)})")
        params += list(types)
    if speaker:
        key = normalize_name(speaker)
        where.append("(q.norm_speaker = ? OR q.norm_speaker LIKE ? OR q.norm_speaker LIKE ?)")
        params += [key, f"% {key}", f"{key} %"]
    if about:
        clause, values = _about(db, "quotes", "q", about)
        where.append(clause)
        params += values
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    return db.rows(
        f"""SELECT q.article_id, q.local_id AS quote_id, a.outlet, a.published, q.speaker_name AS speaker,
               q.kind, q.type, q.start_char AS start, q.end_char AS "end", q.text
            FROM quotes q JOIN articles a ON a.id = q.article_id
            {_where(where)} ORDER BY a.published, q.article_id, q.start_char LIMIT ?""", [*params, limit])


def _about(db: Database, table: str, alias: str, about: str) -> tuple[str, list[Any]]:
    """Rows of ``table`` whose text matches ``about``, or that span a mention of the entity ``about``."""
    clause = (f"({text_match(db, table, alias)} OR EXISTS (SELECT 1 FROM entities e "
              f"WHERE e.article_id = {alias}.article_id AND e.norm = ? "
              f"AND e.start_char >= {alias}.start_char AND e.end_char <= {alias}.end_char))")
    return clause, [phrase(db, about), normalize_name(about)]


def claims(db: Database, *, about: str | None = None, checks: str | None = None,
           limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Claims mentioning an entity; ``checks`` keeps claims with a check of that verdict (e.g. inconsistent)."""
    where, params = [], []
    if about:
        clause, values = _about(db, "claims", "c", about)
        where.append(clause)
        params += values
    if checks:
        where.append("EXISTS (SELECT 1 FROM checks k WHERE k.article_id = c.article_id "
                     "AND k.claim_id = c.local_id AND k.verdict = ?)")
        params.append(checks)
    rows = db.rows(
        f"""SELECT c.article_id, c.local_id AS claim_id, a.outlet, a.published, c.asserter_name AS asserter,
               c.score, c.negated, c.start_char AS start, c.end_char AS "end", c.text,
               (SELECT COUNT(*) FROM checks k WHERE k.article_id = c.article_id AND k.claim_id = c.local_id
                  AND k.verdict = 'inconsistent') AS inconsistent_checks
            FROM claims c JOIN articles a ON a.id = c.article_id
            {_where(where)} ORDER BY c.score DESC, c.article_id, c.start_char LIMIT ?""", [*params, limit])
    for row in rows:
        row["negated"] = bool(row["negated"])
    return rows


def sources(db: Database, *, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Outlets with how many of their articles originate a story and how many republish one."""
    articles = db.rows("SELECT a.id, a.outlet, a.published, a.seq, c.cluster_id FROM articles a "
                       "LEFT JOIN copies c ON c.article_id = a.id")
    credits = _credited_origins(db)
    earliest = _earliest_per_cluster(articles)
    table: dict[str, dict[str, Any]] = {}
    for art in articles:
        name = art["outlet"] or "(unknown outlet)"
        row = table.setdefault(name, {"outlet": name, "articles": 0, "originals": 0, "republished": 0,
                                      "credits": set()})
        row["articles"] += 1
        credited = credits.get(art["id"], set()) - {art["outlet"]}
        copied = earliest.get(art["cluster_id"]) not in (None, art["id"])
        row["republished" if credited or copied else "originals"] += 1
        row["credits"] |= credited
    out = sorted(table.values(), key=lambda r: (-r["articles"], r["outlet"]))[:limit]
    for row in out:
        row["credits"] = ", ".join(sorted(row["credits"]))
    return out


def story(db: Database, ref: str) -> dict[str, Any]:
    """Everything about one article (id, id prefix, URL or locator): versions, copies, chain, quotes, claims."""
    article_id = resolve_article(db, ref)
    row = db.rows("SELECT analysis FROM articles WHERE id = ?", (article_id,))[0]
    analysis = json.loads(row["analysis"])
    cluster = db.scalar("SELECT cluster_id FROM copies WHERE article_id = ?", (article_id,))
    analysis["versions"] = db.rows("SELECT locator, version, seen_at FROM article_versions WHERE article_id = ? "
                                   "ORDER BY locator, version", (article_id,))
    analysis["copies"] = db.rows(
        "SELECT a.id, a.outlet, a.url, a.published, c.method FROM copies c JOIN articles a ON a.id = c.article_id "
        "WHERE c.cluster_id = ? AND a.id <> ? ORDER BY a.published, a.seq", (cluster, article_id))
    return analysis


def load_analysis(db: Database, ref: str) -> Analysis:
    """The stored ``Analysis`` of one article (id, id prefix, URL or locator), as it was saved."""
    row = db.rows("SELECT analysis FROM articles WHERE id = ?", (resolve_article(db, ref),))[0]
    return Analysis.from_dict(json.loads(row["analysis"]))


def resolve_article(db: Database, ref: str) -> str:
    """The id of the article ``ref`` names: a full id, an unambiguous id prefix (6+ hex), a URL or a locator."""
    found = db.rows("SELECT article_id AS id FROM article_versions WHERE locator = ? ORDER BY version DESC LIMIT 1",
                    (ref,)) or db.rows("SELECT id FROM articles WHERE url = ? ORDER BY seq DESC LIMIT 1", (ref,))
    if not found and len(ref) >= 6 and all(ch in "0123456789abcdef" for ch in ref.lower()):
        found = db.rows("SELECT id FROM articles WHERE id LIKE ? LIMIT 2", (ref.lower() + "%",))
        if len(found) > 1:
            raise NotInStore(f"id prefix {ref!r} matches several articles; give more characters")
    if not found:
        raise NotInStore(f"no stored article has id, URL or path {ref!r}")
    return found[0]["id"]


def _credited_origins(db: Database) -> dict[str, set[str]]:
    credits: dict[str, set[str]] = {}
    for row in db.rows("SELECT article_id, name FROM provenance WHERE role <> 'republisher'"):
        credits.setdefault(row["article_id"], set()).add(row["name"])
    return credits


def _earliest_per_cluster(articles: list[dict[str, Any]]) -> dict[str, str]:
    """The earliest member of each copies cluster: by publication date, then by ingest order."""
    best: dict[str, tuple] = {}
    for art in articles:
        key = (art["published"] or "9999", art["seq"])
        if art["cluster_id"] and (art["cluster_id"] not in best or key < best[art["cluster_id"]][0]):
            best[art["cluster_id"]] = (key, art["id"])
    return {cluster: value[1] for cluster, value in best.items()}


def _agg(db: Database, column: str) -> str:
    """Distinct non-null values joined by commas, in either dialect."""
    if db.dialect == "sqlite":
        return f"group_concat(DISTINCT {column})"
    return f"string_agg(DISTINCT {column}, ',')"


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def analyses_of(db: Database) -> Iterator[Analysis]:
    """Every stored analysis, oldest first (for exports and re-processing)."""
    for row in db.rows("SELECT analysis FROM articles ORDER BY seq"):
        yield Analysis.from_dict(json.loads(row["analysis"]))
