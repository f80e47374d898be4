"""The summary ("At a glance") as the first section of the HTML report and of the web UI's article page."""
from __future__ import annotations

from html import escape

from newstrace.report.summary import NOT_COUNTED, Summary, asserter_words


def e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def summary_panel(summary: Summary, prefix: str = "") -> str:
    p = e(prefix)
    return (f'<section id="{p}summary" class="summary" aria-labelledby="{p}summary-title">'
            f'<h2 id="{p}summary-title">At a glance</h2>'
            + _inconsistent(summary, p) + _claims(summary, p) + _sourcing(summary) + _chain(summary)
            + f'<p class="more"><a href="#{p}checks">Checks</a> · <a href="#{p}claims">claims</a> · '
              f'<a href="#{p}text">the text</a> in full below.</p></section>')


def _inconsistent(summary: Summary, p: str) -> str:
    items = [f'<li class="glance-check v-inconsistent"><span class="verdict v-inconsistent">inconsistent</span> '
             f'<b>{e(i.kind)}</b>: <span class="computation">{e(i.computation)}</span>'
             f'<div class="sentence">in: <a href="#{p}claim-{e(i.claim_id)}">“{e(i.sentence)}”</a></div></li>'
             for i in summary.inconsistent]
    return _listed("Numbers that do not add up", items, "none found", '<ul class="glance-checks">', "</ul>")


def _claims(summary: Summary, p: str) -> str:
    items = [f'<li class="top-claim" data-claim-id="{e(c.claim_id)}">'
             f'<a href="#{p}claim-{e(c.claim_id)}">“{e(c.text)}”</a> <small class="score">score {c.score:.2f}</small>'
             f'<div class="asserter">{e(asserter_words(c))}</div>'
             + (f'<div class="origins-count">{e(c.origins)}</div>' if c.origins else "") + "</li>"
             for c in summary.claims]
    more = f'<p class="more-claims">and {summary.more_claims} more</p>' if summary.more_claims else ""
    note = "" if summary.origins_counted else f'<p class="origins-note">{e(NOT_COUNTED)}</p>'
    return _listed("Top check-worthy claims", items, "no check-worthy claims", note + '<ol class="top-claims">',
                   "</ol>" + more)


def _listed(title: str, items: list[str], none: str, opening: str, closing: str) -> str:
    if not items:
        return f'<h3>{e(title)}</h3><p class="glance-none">{e(none)}</p>'
    return f"<h3>{e(title)}</h3>{opening}{''.join(items)}{closing}"


def _sourcing(summary: Summary) -> str:
    s = summary.sourcing
    rows = [("sources quoted", "n-sources", s.distinct), ("named people or organisations", "n-named", s.named),
            ("unnamed (“officials”, “a source”, “critics”)", "n-unnamed", s.unnamed)]
    if s.top_source:
        rows.append(("share of the quoted words from the top source", "top-share",
                     f"{round(100 * s.top_share)}% ({s.top_source})"))
    if s.unattributed_quotes:
        rows.append(("quotes without a source", "n-unattributed", s.unattributed_quotes))
    rows.append(("rests on", "rests-on", s.rests_on or "more than one source"))
    cells = "".join(f'<dt>{e(label)}</dt><dd class="{cls}">{e(value)}</dd>' for label, cls, value in rows)
    return f'<h3>Sourcing</h3><dl class="sourcing">{cells}</dl>'


def _chain(summary: Summary) -> str:
    date = (f' <span class="original-date">original published {e(summary.original_date)}</span>'
            if summary.original_date else "")
    return f'<h3>Publication chain</h3><p class="chain">{e(summary.chain)}{date}</p>'
