"""What every format shows, in the same order and words: rows built once, rendered by each format."""
from __future__ import annotations

from dataclasses import dataclass

from newstrace.model import Analysis
from newstrace.report.summary import check_sentence, claim_line

VERDICT_ORDER = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    empty: str = ""


def facts(analysis: Analysis) -> list[tuple[str, str]]:
    a = analysis.article
    return [
        ("Title", a.title or "—"), ("Outlet", a.outlet or "—"), ("Authors", ", ".join(a.authors) or "—"),
        ("Published", a.published or "—"), ("Updated", a.updated or "—"), ("URL", a.url or "—"),
        ("Language", a.language or "unknown"), ("Format", a.source_format),
        ("Body", f"{len(a.paragraphs)} paragraphs, {len(a.sentences)} sentences, {len(a.entities)} entities, "
                 f"{sum(len(p.text) for p in a.paragraphs):,} characters"),
        ("Chain", timeline(analysis)), ("Id", a.id[:16]),
    ]


def timeline(analysis: Analysis) -> str:
    """The publication chain on one line, earliest first: "Asia Times (origin, 2017-03-18) → Global Research (...)"."""
    steps = [f"{s.name} ({', '.join(x for x in (s.role, s.date) if x)})" for s in analysis.provenance]
    return " → ".join(steps) or "—"


def sections(analysis: Analysis, *, clip: int = 90) -> list[Section]:
    speakers = {s.id: s for s in analysis.speakers}
    a = analysis.article
    checks = sorted(analysis.checks, key=lambda c: VERDICT_ORDER.get(c.verdict, 3))
    claims = {c.id: c for c in analysis.claims}
    return [
        Section("Checks (inconsistent first)", ("verdict", "kind", "computation", "in"),
                [(c.verdict.upper() if c.verdict == "inconsistent" else c.verdict, c.kind, c.computation,
                  _clip(check_sentence(analysis, c, claims.get(c.claim_id)), clip)) for c in checks],
                "no numbers to check"),
        Section("Provenance (earliest first)", ("date", "source", "role", "evidence"),
                [(s.date or "—", s.name + (f" ({s.journalist})" if s.journalist else ""), s.role,
                  _clip(" · ".join([e.text for e in s.evidence[:2]] or [f"[{s.signal}]"])
                        + (f" — {s.note}" if s.note else ""), clip)) for s in analysis.provenance],
                "no publication chain found"),
        Section("Set aside as boilerplate", ("kind", "why", "text"),
                [(b.kind, b.rule, _clip(b.span.text, clip)) for b in a.boilerplate], "nothing set aside"),
        Section("Speakers", ("name", "kind", "role / affiliation", "quotes"),
                [(s.name, s.kind, " / ".join(x for x in (s.role, s.affiliation) if x) or "—",
                  str(sum(1 for q in analysis.quotes if q.speaker_id == s.id))) for s in analysis.speakers],
                "no speakers"),
        Section("Quotes", ("speaker", "cue", "kind", "content"),
                [(speakers[q.speaker_id].name if q.speaker_id in speakers else
                  (q.speaker_mention.text if q.speaker_mention else "?"),
                  q.cue.text if q.cue else "—", q.kind + (" (inferred)" if q.inferred else ""),
                  _clip(q.content.text, clip)) for q in analysis.quotes], "no quotes"),
        Section("Claims (* below the check-worthiness threshold, kept for its figures)", ("score", "asserter", "claim"),
                [(f"{c.score:.2f}" + ("" if c.checkworthy else "*"),
                  claim_line(analysis, c, None).asserter, _clip(c.span.text, clip))
                 for c in sorted(analysis.claims, key=lambda c: -c.score)], "no check-worthy claims"),
    ]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
