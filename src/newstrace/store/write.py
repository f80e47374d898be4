"""Saving one ``Analysis``: its article, a version row for where it was found, and its parts, in one transaction.

Re-saving identical content under the same locator is a no-op; different content under a known locator
(URL or input path) becomes the next version; the same content under another locator is recorded as
another place the article was found.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from newstrace.corpus.text import normalize_name, normalized_text_hash
from newstrace.model import Analysis, Asserter, Quote, Speaker
from newstrace.store.columns import insert, row
from newstrace.store.connection import Database

Outcome = Literal["new", "version", "copy", "unchanged"]


@dataclass(frozen=True, slots=True)
class Saved:
    article_id: str
    locator: str
    version: int
    outcome: Outcome


def save_analysis(db: Database, analysis: Analysis, *, locator: str | None = None, raw_hash: str | None = None,
                  input_name: str | None = None) -> Saved:
    """Store ``analysis`` (committed before returning). ``locator`` defaults to the article URL, then its id."""
    article = analysis.article
    locator = locator or article.url or f"article:{article.id}"
    with db.transaction():
        if db.dialect == "postgresql":  # concurrent writers of one locator take turns (SQLite locks the file)
            db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (locator,))
        latest = latest_version(db, locator)
        if latest and latest["article_id"] == article.id:
            return Saved(article.id, locator, latest["version"], "unchanged")
        created = _insert_article(db, analysis)
        version = (latest["version"] + 1) if latest else 1
        db.execute("INSERT INTO article_versions (locator, version, article_id, raw_hash, input, seen_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (locator, version, article.id, raw_hash, input_name, _now()))
    outcome: Outcome = "version" if latest else ("new" if created else "copy")
    return Saved(article.id, locator, version, outcome)


def latest_version(db: Database, locator: str) -> dict[str, Any] | None:
    rows = db.rows("SELECT version, article_id, raw_hash FROM article_versions WHERE locator = ? "
                   "ORDER BY version DESC LIMIT 1", (locator,))
    return rows[0] if rows else None


def _insert_article(db: Database, analysis: Analysis) -> bool:
    """Insert the article and its parts unless its content is already stored; True when inserted."""
    a = analysis.article
    body = a.body_text() or a.text
    norm = normalized_text_hash(body)
    sql, params = insert("articles", [row("articles", a, id=a.id, authors=_json(a.authors), body=body,
                                          norm_hash=norm, analysis=_json(analysis.to_dict()), ingested_at=_now())])
    # ON CONFLICT: another writer may store the same content at the same moment (PostgreSQL).
    if db.execute(sql + " ON CONFLICT (id) DO NOTHING", params[0]).rowcount != 1:
        return False
    _insert_parts(db, analysis)
    _join_copy_cluster(db, a.id, norm)
    return True


def _insert_parts(db: Database, analysis: Analysis) -> None:
    """One row per part, in the columns ``store.columns`` derives from the model, plus the derived ones."""
    aid = analysis.article.id
    speakers = {s.id: s for s in analysis.speakers}
    claim_ids = {c.id for c in analysis.claims}
    parts = {
        "speakers": [row("speakers", s, article_id=aid, norm_name=normalize_name(s.name), aliases=_json(s.aliases),
                         mentions=_json([m.to_dict() for m in s.mentions])) for s in speakers.values()],
        "quotes": [_quote_row(aid, q, speakers) for q in analysis.quotes],
        "claims": [row("claims", c, article_id=aid, text=c.span.text, score=float(c.score),
                       asserter_kind=c.asserter.kind, asserter_name=_asserter_name(c.asserter, speakers),
                       speaker_id=c.asserter.speaker_id, data=_json(c.to_dict())) for c in analysis.claims],
        "checks": [row("checks", k, article_id=aid, data=_json(k.to_dict()))
                   for k in analysis.checks if k.claim_id in claim_ids],
        "entities": [row("entities", e, article_id=aid, text=e.span.text, norm=normalize_name(e.span.text))
                     for e in analysis.article.entities],
        "provenance": [row("provenance", s, article_id=aid, position=i, data=_json(s.to_dict()))
                       for i, s in enumerate(analysis.provenance)],
        "boilerplate": [row("boilerplate", b, article_id=aid) for b in analysis.article.boilerplate],
    }
    for table, rows in parts.items():
        if rows:
            db.executemany(*insert(table, rows))


def _quote_row(aid: str, q: Quote, speakers: dict[str, Speaker]) -> dict[str, Any]:
    speaker = speakers.get(q.speaker_id)
    name = speaker.name if speaker else (q.speaker_mention.text if q.speaker_mention else None)
    return row("quotes", q, article_id=aid, text=q.span.text, content=q.content.text,
               speaker_id=q.speaker_id if speaker else None, speaker_name=name,
               norm_speaker=normalize_name(name) if name else None, confidence=float(q.confidence),
               data=_json(q.to_dict()))


def _asserter_name(asserter: Asserter, speakers: dict[str, Speaker]) -> str | None:
    speaker = speakers.get(asserter.speaker_id)
    return speaker.name if speaker else asserter.name


def _join_copy_cluster(db: Database, article_id: str, norm: str) -> None:
    """Fallback copy detection at ingest: same text up to case, punctuation and spacing (see store.copies)."""
    cluster = db.scalar("SELECT c.cluster_id FROM copies c JOIN articles a ON a.id = c.article_id "
                        "WHERE a.norm_hash = ? AND a.id <> ? LIMIT 1", (norm, article_id))
    db.execute("INSERT INTO copies (article_id, cluster_id, method) VALUES (?, ?, ?)",
               (article_id, cluster or article_id, "normalized-text" if cluster else "self"))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
