"""What the report highlights in the article text, as ``Mark``s: quotes (one colour per speaker), cues,
speaker mentions (names and resolved pronouns), claims, provenance evidence, inline boilerplate."""
from __future__ import annotations

from dataclasses import dataclass

from newstrace.model import Analysis, Check, Quote, Span
from newstrace.report.highlight import Mark, clip

PALETTE_SIZE = 12  # colours sp-0 … sp-11 in report.css; more speakers cycle (with a dashed outline)


@dataclass(frozen=True, slots=True)
class Palette:
    """Speaker id → CSS colour class, in order of first appearance."""

    classes: dict[str, str]

    @classmethod
    def of(cls, analysis: Analysis) -> "Palette":
        order = [s.id for s in analysis.speakers]
        order += [q.speaker_id for q in analysis.quotes if q.speaker_id and q.speaker_id not in order]
        return cls({sid: _colour(i) for i, sid in enumerate(order)})

    def of_speaker(self, speaker_id: str | None) -> str:
        return self.classes.get(speaker_id or "", "sp-none")


def _colour(i: int) -> str:
    return f"sp-{i % PALETTE_SIZE}" + (" sp-cycle" if i >= PALETTE_SIZE else "")


def article_marks(analysis: Analysis, palette: Palette, prefix: str = "") -> list[Mark]:
    """Every mark of the article text; anchors are ``prefix``-ed so several articles fit on one page."""
    n = len(analysis.article.text)
    marks: list[Mark] = []
    marks += _quote_marks(analysis, palette, prefix, n)
    marks += _mention_marks(analysis, palette, prefix, n)
    marks += _claim_marks(analysis, prefix, n)
    marks += _evidence_marks(analysis, prefix, n)
    return marks


def quote_speaker_name(analysis: Analysis, quote: Quote) -> str:
    speaker = next((s for s in analysis.speakers if s.id == quote.speaker_id), None)
    if speaker:
        return speaker.name
    return quote.speaker_mention.text if quote.speaker_mention else "unattributed"


def focusable(role: str, label: str) -> tuple[tuple[str, str], ...]:
    """Attributes that make a highlight one tab stop, announced by screen readers as ``role``: ``label``."""
    return (("tabindex", "0"), ("role", "group"), ("aria-roledescription", role), ("aria-label", label))


def _mark(span: Span | None, n: int, **kwargs) -> list[Mark]:
    if span is None or (r := clip(span.start, span.end, n)) is None:
        return []
    return [Mark(r[0], r[1], **kwargs)]


def _quote_marks(analysis: Analysis, palette: Palette, prefix: str, n: int) -> list[Mark]:
    marks = []
    for q in analysis.quotes:
        colour = palette.of_speaker(q.speaker_id)
        who = quote_speaker_name(analysis, q)
        cue = q.cue.text if q.cue else (q.cue_lemma or "none")
        kind = q.kind + (" (inferred)" if q.inferred else "")
        info = (("data-speaker", who), ("data-cue", cue), ("data-kind", kind),
                ("data-speaker-id", q.speaker_id or ""), ("data-confidence", f"{q.confidence:.2f}"),
                ("title", f"{who} — cue: {cue} — {q.kind} quote"),
                *focusable("quote", f"quote by {who}, cue: {cue}, kind: {kind}"))
        marks += _mark(q.span, n, cls=f"q q-{q.kind} {colour}", key=f"{prefix}q-{q.id}", rank=0, attrs=info,
                       anchor=f"{prefix}q-{q.id}")
        marks += _mark(q.cue, n, cls="cue", key=f"{prefix}cue-{q.id}", rank=3,
                       attrs=(("title", "cue: " + cue), *focusable("cue", f"cue {cue} of a quote by {who}")))
        marks += _mark(q.speaker_mention, n, cls=f"who {colour}", key=f"{prefix}who-{q.id}", rank=3,
                       attrs=(("title", "speaker: " + who), *focusable("speaker", f"speaker: {who}")))
    return marks


def _mention_marks(analysis: Analysis, palette: Palette, prefix: str, n: int) -> list[Mark]:
    """Mentions of speakers that are not already a quote's speaker mention (aliases, resolved pronouns)."""
    taken = {(q.speaker_mention.start, q.speaker_mention.end) for q in analysis.quotes if q.speaker_mention}
    marks = []
    for s in analysis.speakers:
        for i, m in enumerate(s.mentions):
            if (m.start, m.end) in taken:
                continue
            marks += _mark(m, n, cls=f"mention {palette.of_speaker(s.id)}", key=f"{prefix}m-{s.id}-{i}", rank=4,
                           attrs=(("title", f"refers to {s.name}"), ("data-speaker-id", s.id),
                                  *focusable("mention", f"mention of {s.name}")))
    return marks


def _claim_marks(analysis: Analysis, prefix: str, n: int) -> list[Mark]:
    marks, by_claim = [], checks_by_claim(analysis)
    for c in analysis.claims:
        checks = by_claim.get(c.id, [])
        bad = any(k.verdict == "inconsistent" for k in checks)
        verdicts = ", ".join(f"{k.kind}: {k.verdict}" for k in checks) or "none"
        marks += _mark(c.span, n, cls="claim" + (" claim-bad" if bad else ""), key=f"{prefix}c-{c.id}", rank=1,
                       anchor=f"{prefix}claim-{c.id}",
                       attrs=(("data-score", f"{c.score:.2f}"), ("data-checks", verdicts),
                              ("title", f"claim — score {c.score:.2f} — checks: {verdicts}"),
                              *focusable("claim", f"claim, score {c.score:.2f}, checks: {verdicts}")))
    return marks


def checks_by_claim(analysis: Analysis) -> dict[str, list[Check]]:
    found: dict[str, list[Check]] = {}
    for check in analysis.checks:
        found.setdefault(check.claim_id, []).append(check)
    return found


def _evidence_marks(analysis: Analysis, prefix: str, n: int) -> list[Mark]:
    marks = []
    for i, source in enumerate(analysis.provenance):
        for j, ev in enumerate(source.evidence):
            marks += _mark(ev, n, cls="evidence", key=f"{prefix}ev-{i}-{j}", rank=2, anchor=f"{prefix}ev-{i}-{j}",
                           attrs=(("title", f"evidence for {source.name} ({source.role})"),
                                  *focusable("provenance evidence", f"evidence for {source.name} ({source.role})")))
    for i, signal in enumerate(analysis.article.signals):
        marks += _mark(signal.span, n, cls="evidence signal", key=f"{prefix}sig-{i}", rank=2, anchor=f"{prefix}sig-{i}",
                       attrs=(("title", f"provenance signal: {signal.kind} {signal.value}"),
                              *focusable("provenance signal", f"provenance signal: {signal.kind} {signal.value}")))
    return marks
