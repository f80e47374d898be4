"""One article as an HTML fragment: the marked-up text and the panels (speakers, quotes, claims, checks,
provenance). Everything taken from the article is escaped; only http(s) links become hrefs."""
from __future__ import annotations

import json
from collections import Counter
from html import escape
from typing import Callable
from urllib.parse import urlsplit

from newstrace.model import Analysis, Article, Boilerplate
from newstrace.report.highlight import Mark, marked_html
from newstrace.report.marks import Palette, article_marks, checks_by_claim, quote_speaker_name
from newstrace.report.sections import VERDICT_ORDER, facts
from newstrace.report.summary import check_sentence, summarize
from newstrace.report.summary_html import summary_panel

PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "it", "its", "we", "us",
            "our", "i", "me", "my"}

# Turns a provenance source into an in-app link (web UI: a stored copy of that URL); None = plain link.
SourceLink = Callable[[str | None], str | None]


def e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL (never ``javascript:`` or ``data:``), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def external_link(url: str | None, text: str | None = None) -> str:
    href = safe_href(url)
    label = e(text if text is not None else url)
    return f'<a href="{e(href)}" rel="noopener noreferrer nofollow">{label}</a>' if href else label


def article_section(analysis: Analysis, *, prefix: str = "", source_link: SourceLink | None = None,
                    heading: str = "h1", origins: dict[str, dict] | None = None) -> str:
    """The whole article view, its summary first; ``prefix`` keeps element ids unique when several articles
    share a page; ``origins`` (claim id → corroboration in a store) gives the claims' independent origins."""
    palette = Palette.of(analysis)
    marks, opened = article_marks(analysis, palette, prefix), set()
    parts = [f'<article class="nt-article" id="{e(prefix)}article">',
             f'<{heading} class="title">{title_html(analysis, marks, opened)}</{heading}>',
             summary_panel(summarize(analysis, origins=origins), prefix), _nav(prefix), _facts(analysis),
             f'<section id="{e(prefix)}text"><h2>Article text</h2>{_legend()}',
             f'<div class="text">{text_html(analysis, marks, prefix, opened)}</div></section>',
             checks_panel(analysis, prefix), claims_panel(analysis, prefix),
             speakers_panel(analysis, palette, prefix), quotes_panel(analysis, palette, prefix),
             provenance_panel(analysis, prefix, source_link), "</article>"]
    return "\n".join(parts)


def _facts(analysis: Analysis) -> str:
    rows = []
    for key, value in facts(analysis):
        shown = external_link(value) if key == "URL" and safe_href(value) else e(value)
        rows.append(f"<dt>{e(key)}</dt><dd>{shown}</dd>")
    return '<dl class="facts">' + "".join(rows) + "</dl>"


def _nav(prefix: str) -> str:
    links = [("summary", "At a glance"), ("text", "Text"), ("checks", "Checks"), ("claims", "Claims"),
             ("speakers", "Speakers"), ("quotes", "Quotes"), ("provenance", "Provenance")]
    items = " · ".join(f'<a href="#{e(prefix)}{k}">{v}</a>' for k, v in links)
    return f'<nav class="sections" aria-label="sections">{items}</nav>'


def _legend() -> str:
    return ('<p class="legend"><span class="q sp-0">quote</span> coloured by speaker · <span class="cue">cue</span> · '
            '<span class="who sp-0">speaker</span> · <span class="claim">claim</span> · '
            '<span class="evidence">provenance evidence</span> · boilerplate collapsed ▸</p>')


# --- the text -----------------------------------------------------------------------------------------------

def title_html(analysis: Analysis, marks: list[Mark], opened: set[str]) -> str:
    """The title, with its marks when it is part of the text (a headline can hold a quote or a speaker)."""
    a = analysis.article
    span = a.title_span
    if span and a.title and a.text[span.start:span.end] == a.title:
        inside = [m for m in marks if m.start < span.end and m.end > span.start]
        return marked_html(a.text, span.start, span.end, inside, opened)
    return e(a.title or "Untitled article")


def text_html(analysis: Analysis, marks: list[Mark], prefix: str = "", opened: set[str] | None = None) -> str:
    """Body paragraphs with their marks; boilerplate collapsed and labelled, in text order."""
    a = analysis.article
    marks = list(marks)
    blocks, inline_bp = _blocks(a)
    marks += [Mark(b.span.start, b.span.end, cls="bp-inline", key=f"{prefix}bpi-{i}", rank=5,
                   attrs=(("title", f"set aside as {b.kind} ({b.rule})"),)) for i, b in enumerate(inline_bp)]
    out = []
    for kind, start, end, bp in blocks:
        body = marked_html(a.text, start, end, [m for m in marks if m.start < end and m.end > start], opened)
        if kind == "bp":
            out.append(f'<details class="bp" data-kind="{e(bp.kind)}"><summary><span class="bp-kind">{e(bp.kind)}'
                       f'</span> set aside <span class="bp-rule">({e(bp.rule)})</span></summary>'
                       f'<p>{body}</p></details>')
        else:
            out.append(f'<p class="{kind}">{body}</p>')
    return "\n".join(out) or '<p class="empty">no text</p>'


def _blocks(a: Article) -> tuple[list[tuple[str, int, int, Boilerplate | None]], list[Boilerplate]]:
    """Paragraphs and stand-alone boilerplate in text order, plus boilerplate that overlaps a paragraph
    (shown inline instead). Text in neither (beyond whitespace and the title) is kept as ``outside``."""
    n = len(a.text)
    paras = sorted({(max(0, p.start), min(n, p.end)) for p in a.paragraphs if min(n, p.end) > max(0, p.start)})
    blocks: list[tuple[str, int, int, Boilerplate | None]] = [("para", s, t, None) for s, t in paras]
    inline = []
    title = (a.title_span.start, a.title_span.end) if a.title_span else None
    for b in a.boilerplate:
        s, t = max(0, b.span.start), min(n, b.span.end)
        if t <= s or (s, t) == title:
            continue
        if any(s < pe and t > ps for ps, pe in paras):
            inline.append(b)
        else:
            blocks.append(("bp", s, t, b))
    blocks.sort(key=lambda x: (x[1], x[2]))
    return _with_gaps(a, blocks, title), inline


def _with_gaps(a: Article, blocks: list, title: tuple[int, int] | None) -> list:
    """Add the text between blocks that is not whitespace or the title, so nothing is silently dropped."""
    out, pos = [], 0
    covered = sorted(blocks + ([("title", *title, None)] if title else []), key=lambda x: (x[1], x[2]))
    for block in covered:
        if block[1] > pos and a.text[pos:block[1]].strip():
            out.append(_outside(a.text, pos, block[1]))
        if block[0] != "title":
            out.append(block)
        pos = max(pos, block[2])
    if a.text[pos:].strip():
        out.append(_outside(a.text, pos, len(a.text)))
    return out


def _outside(text: str, start: int, end: int) -> tuple:
    """A stretch of text outside every block, without its surrounding whitespace."""
    piece = text[start:end]
    return ("outside", start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip()), None)


# --- panels -------------------------------------------------------------------------------------------------

def speakers_panel(analysis: Analysis, palette: Palette, prefix: str = "") -> str:
    counts = Counter(q.speaker_id for q in analysis.quotes)
    head = f'<section id="{e(prefix)}speakers"><h2>Speakers</h2>'
    if not analysis.speakers:
        return head + '<p class="empty">no speakers</p></section>'
    rows = []
    for s in analysis.speakers:
        mentions = Counter(m.text for m in s.mentions)
        pronouns = sum(n for t, n in mentions.items() if t.lower() in PRONOUNS)
        listed = ", ".join(f"{e(t)}" + (f" ×{n}" if n > 1 else "") for t, n in mentions.most_common())
        rows.append(
            f'<li class="speaker" id="{e(prefix)}speaker-{e(s.id)}" data-speaker-id="{e(s.id)}">'
            f'<span class="swatch {palette.of_speaker(s.id)}"></span> <b class="name">{e(s.name)}</b> '
            f'<span class="kind">{e(s.kind)}</span>'
            f'<div class="role">{e(" / ".join(x for x in (s.role, s.affiliation) if x) or "no role given")}</div>'
            f'<div class="counts"><span class="nquotes">{counts.get(s.id, 0)}</span> quotes · '
            f'{len(s.mentions)} mentions ({pronouns} pronouns resolved)</div>'
            f'<div class="aliases">aliases: {", ".join(e(x) for x in s.aliases) or "none"}</div>'
            f'<div class="mentions">mentions: {listed or "none"}</div>'
            f'<button type="button" class="only-speaker" aria-pressed="false">show only {e(s.name)}’s quotes</button>'
            '</li>')
    unattributed = counts.get(None, 0)
    note = f'<p class="note">{unattributed} quotes without a resolved speaker (grey)</p>' if unattributed else ""
    return head + '<ul class="speakers">' + "".join(rows) + "</ul>" + note + "</section>"


def quotes_panel(analysis: Analysis, palette: Palette, prefix: str = "") -> str:
    head = f'<section id="{e(prefix)}quotes"><h2>Quotes</h2>'
    if not analysis.quotes:
        return head + '<p class="empty">no quotes</p></section>'
    rows = [f'<tr><td><span class="swatch {palette.of_speaker(q.speaker_id)}"></span> '
            f'{e(quote_speaker_name(analysis, q))}</td><td>{e(q.cue.text if q.cue else "—")}</td>'
            f'<td>{e(q.kind)}{" (inferred)" if q.inferred else ""}</td>'
            f'<td><a href="#{e(prefix)}q-{e(q.id)}">{e(q.content.text)}</a></td></tr>'
            for q in sorted(analysis.quotes, key=lambda q: q.span.start)]
    return (head + "<table><tr><th>speaker</th><th>cue</th><th>kind</th><th>content</th></tr>" + "".join(rows)
            + "</table></section>")


def claims_panel(analysis: Analysis, prefix: str = "") -> str:
    head = f'<section id="{e(prefix)}claims"><h2>Claims</h2>'
    if not analysis.claims:
        return head + '<p class="empty">no check-worthy claims</p></section>'
    rows, by_claim = [], checks_by_claim(analysis)
    for c in sorted(analysis.claims, key=lambda c: -c.score):
        checks = by_claim.get(c.id, [])
        verdicts = " ".join(f'<span class="verdict v-{e(k.verdict)}">{e(k.kind)}: {e(k.verdict)}</span>'
                            for k in checks) or "—"
        hedges = ", ".join(c.hedges)
        rows.append(f'<tr><td class="score">{c.score:.2f}</td><td>{e(_asserter(analysis, c.asserter))}</td>'
                    f'<td><a href="#{e(prefix)}claim-{e(c.id)}">{e(c.span.text)}</a>'
                    f'{" <i>(negated)</i>" if c.negated else ""}{f" <i>hedged: {e(hedges)}</i>" if hedges else ""}'
                    f'</td><td>{verdicts}</td></tr>')
    return (head + "<table><tr><th>score</th><th>asserter</th><th>claim</th><th>checks</th></tr>" + "".join(rows)
            + "</table></section>")


def _asserter(analysis: Analysis, asserter: dict) -> str:
    speaker = next((s for s in analysis.speakers if s.id == asserter.get("speaker_id")), None)
    return speaker.name if speaker else (asserter.get("name") or asserter.get("kind") or "outlet")


def checks_panel(analysis: Analysis, prefix: str = "") -> str:
    head = f'<section id="{e(prefix)}checks"><h2>Checks <small>(inconsistent first)</small></h2>'
    if not analysis.checks:
        return head + '<p class="empty">no numbers to check</p></section>'
    claims = {c.id: c for c in analysis.claims}
    items = []
    for k in sorted(analysis.checks, key=lambda k: VERDICT_ORDER.get(k.verdict, 3)):
        claim = claims.get(k.claim_id)
        sentence = check_sentence(analysis, k, claim)
        about = (f'<div class="about">in: <a href="#{e(prefix)}claim-{e(claim.id)}">“{e(sentence)}”</a></div>'
                 if claim else "")
        label = k.verdict.upper() if k.verdict == "inconsistent" else k.verdict  # as in the table and md
        items.append(f'<li class="check v-{e(k.verdict)}"><span class="verdict v-{e(k.verdict)}">{e(label)}</span>'
                     f' <b>{e(k.kind)}</b>{about}<p class="computation">{e(k.computation)}</p>'
                     f'<div>the text says <code>{e(_value(k.stated))}</code> · expected '
                     f'<code>{e(_value(k.expected))}</code></div>{_inputs(k.inputs)}</li>')
    return head + '<ol class="checks">' + "".join(items) + "</ol></section>"


def _value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.4g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "—" if value is None else str(value)


def _inputs(inputs) -> str:
    """The figures a check used, one per line ("amount: 5"), folded away: the computation says it in words."""
    values = inputs.to_dict() if hasattr(inputs, "to_dict") else dict(inputs or {})
    if not values:
        return ""
    rows = "".join(f"<li>{e(str(k).replace('_', ' '))}: {e(_value(v))}</li>" for k, v in values.items())
    return f'<details class="inputs"><summary>figures used</summary><ul>{rows}</ul></details>'


def provenance_panel(analysis: Analysis, prefix: str = "", source_link: SourceLink | None = None) -> str:
    head = f'<section id="{e(prefix)}provenance"><h2>Provenance <small>(earliest first)</small></h2>'
    if not analysis.provenance:
        return head + '<p class="empty">no publication chain found</p>' + _signals(analysis, prefix) + "</section>"
    items = []
    for i, s in enumerate(analysis.provenance):
        internal = source_link(s.url) if source_link else None
        name = f'<a class="stored" href="{e(internal)}">{e(s.name)}</a>' if internal else e(s.name)
        evidence = "".join(f'<li><a class="evidence-link" href="#{e(prefix)}ev-{i}-{j}">“{e(ev.text)}”</a> '
                           f'<small>chars {ev.start}–{ev.end}</small></li>' for j, ev in enumerate(s.evidence))
        items.append(
            f'<li class="source role-{e(s.role)}"><div class="when">{e(s.date or "date unknown")}</div>'
            f'<div class="what"><b>{name}</b> <span class="role">{e(s.role)}</span> <small>{e(s.kind)}</small>'
            f'{f" · {e(s.journalist)}" if s.journalist else ""}'
            f'{f"<div class=url>{external_link(s.url)}</div>" if s.url else ""}'
            f'<div class="signal">signal: {e(s.signal or "—")}</div>'
            f'{f"<div class=note>{e(s.note)}</div>" if s.note else ""}'
            f'<ul class="evidence-list">{evidence or "<li>no span in the text (page metadata)</li>"}</ul></div></li>')
    return head + '<ol class="timeline">' + "".join(items) + "</ol></section>"


def _signals(analysis: Analysis, prefix: str) -> str:
    """The raw provenance hints found while extracting, for when no chain was built from them."""
    if not analysis.article.signals:
        return ""
    items = "".join(
        f'<li><b>{e(s.kind)}</b>: {e(s.value)}{f" · {e(s.date)}" if s.date else ""}'
        f'{f" · {external_link(s.url)}" if s.url else ""} '
        + (f'<a class="evidence-link" href="#{e(prefix)}sig-{i}">(in the text)</a>' if s.span else f"<small>({e(s.origin)})</small>")
        + "</li>" for i, s in enumerate(analysis.article.signals))
    return f'<p>Signals found in the page:</p><ul class="signals">{items}</ul>'
