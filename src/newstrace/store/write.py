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
from newstrace.model import Analysis
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
    norm = normalized_text_hash(a.body_text() or a.text)
    # ON CONFLICT: another writer may store the same content at the same moment (PostgreSQL).
    inserted = db.execute(
        "INSERT INTO articles (id, url, title, outlet, published, updated, language, source_format, authors, "
        "text, body, norm_hash, analysis, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING",
        (a.id, a.url, a.title, a.outlet, a.published, a.updated, a.language, a.source_format, _json(a.authors),
         a.text, a.body_text() or a.text, norm, _json(analysis.to_dict()), _now())).rowcount
    if inserted != 1:
        return False
    _insert_parts(db, analysis)
    _join_copy_cluster(db, a.id, norm)
    return True


def _insert_parts(db: Database, analysis: Analysis) -> None:
    aid = analysis.article.id
    speakers = {s.id: s for s in analysis.speakers}
    db.executemany(
        "INSERT INTO speakers (article_id, local_id, name, norm_name, kind, role, affiliation, aliases, mentions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, s.id, s.name, normalize_name(s.name), s.kind, s.role, s.affiliation, _json(s.aliases),
          _json([m.to_dict() for m in s.mentions])) for s in speakers.values()])
    db.executemany(
        "INSERT INTO quotes (article_id, local_id, kind, start_char, end_char, text, content, speaker_id, "
        "speaker_name, norm_speaker, cue_lemma, confidence, data, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_quote_row(aid, q, speakers) for q in analysis.quotes])
    db.executemany(
        "INSERT INTO claims (article_id, local_id, start_char, end_char, text, score, negated, asserter_kind, "
        "asserter_name, speaker_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, c.id, c.span.start, c.span.end, c.span.text, float(c.score), int(bool(c.negated)),
          c.asserter.get("kind"), _asserter_name(c.asserter, speakers), c.asserter.get("speaker_id"),
          _json(c.to_dict())) for c in analysis.claims])
    claim_ids = {c.id for c in analysis.claims}
    db.executemany(
        "INSERT INTO checks (article_id, local_id, claim_id, kind, verdict, computation, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(aid, k.id, k.claim_id, k.kind, k.verdict, k.computation, _json(k.to_dict()))
         for k in analysis.checks if k.claim_id in claim_ids])
    db.executemany(
        "INSERT INTO entities (article_id, label, start_char, end_char, text, norm) VALUES (?, ?, ?, ?, ?, ?)",
        [(aid, e.label, e.span.start, e.span.end, e.span.text, normalize_name(e.span.text))
         for e in analysis.article.entities])
    db.executemany(
        "INSERT INTO provenance (article_id, position, name, kind, role, date, url, journalist, signal, note, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, i, s.name, s.kind, s.role, s.date, s.url, s.journalist, s.signal, s.note, _json(s.to_dict()))
         for i, s in enumerate(analysis.provenance)])
    db.executemany(
        "INSERT INTO boilerplate (article_id, kind, start_char, end_char, rule) VALUES (?, ?, ?, ?, ?)",
        [(aid, b.kind, b.span.start, b.span.end, b.rule) for b in analysis.article.boilerplate])


def _quote_row(aid: str, q: Any, speakers: dict) -> tuple:
    speaker = speakers.get(q.speaker_id)
    name = speaker.name if speaker else (q.speaker_mention.text if q.speaker_mention else None)
    return (aid, q.id, q.kind, q.span.start, q.span.end, q.span.text, q.content.text,
            q.speaker_id if speaker else None, name, normalize_name(name) if name else None, q.cue_lemma,
            float(q.confidence), _json(q.to_dict()), q.type)


def _asserter_name(asserter: dict, speakers: dict) -> str | None:
    speaker = speakers.get(asserter.get("speaker_id"))
    return speaker.name if speaker else asserter.get("name")


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
