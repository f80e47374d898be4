"""A corpus as an HTML fragment: counts, the republication graph with its evidence, per claim its
independent origins, outlets, then the articles themselves (each as in the one-article report)."""
from __future__ import annotations

from typing import Callable

from newstrace.report.article_html import article_section, e, external_link
from newstrace.report.corpus_data import CorpusView, Edge
from newstrace.report.graph import graph_svg


def corpus_section(view: CorpusView) -> str:
    parts = [f"<h1>{e(view.title)}</h1>", _counts(view.counts),
             '<nav class="sections"><a href="#graph">Republication graph</a> · <a href="#origins">Claims and '
             'independent origins</a> · <a href="#outlets">Outlets</a> · <a href="#articles">Articles</a></nav>',
             '<section id="graph"><h2>Republication graph</h2>',
             graph_svg(view.edges, sizes={o["outlet"]: o["articles"] for o in view.outlets}), edges_table(view.edges),
             "</section>", '<section id="origins"><h2>Claims and their independent origins</h2>',
             origins_list(view.claims, lambda key: f"#a{_index(view, key)}-claim-{key.split(':')[-1]}"
                          if _index(view, key) is not None else None), "</section>",
             '<section id="outlets"><h2>Outlets</h2>', outlets_table(view.outlets), "</section>",
             '<section id="articles"><h2>Articles</h2>', _article_list(view)]
    origins: dict[str, dict[str, dict]] = {}
    for c in view.claims:
        article_id, _, local = c["claim"]["key"].rpartition(":")
        origins.setdefault(article_id, {})[local] = c
    for i, analysis in enumerate(view.analyses):
        section = article_section(analysis, prefix=f"a{i}-", heading="h2",
                                  origins=origins.get(analysis.article.id, {}))
        parts.append(f'<div class="corpus-article" id="a{i}">{section}</div>')
    parts.append("</section>")
    return "\n".join(parts)


def _index(view: CorpusView, claim_key: str) -> int | None:
    article_id = claim_key.rsplit(":", 1)[0]
    return next((i for i, a in enumerate(view.articles) if a["id"] == article_id), None)


def _counts(counts: dict[str, int]) -> str:
    return '<p class="counts">' + " · ".join(f"<b>{n:,}</b> {e(name)}" for name, n in counts.items()) + "</p>"


def edges_table(edges: list[Edge], link: Callable[[str], str] | None = None) -> str:
    if not edges:
        return '<p class="empty">no copies or credited sources between different outlets</p>'
    rows = "".join(f"<tr><td>{e(x.source)}</td><td>{e(x.target)}</td><td>{e(x.kind)}</td><td>{len(x.articles)}</td>"
                   f"<td>{'<br>'.join(e(t) for t in x.evidence) or '—'}</td></tr>"
                   for x in sorted(edges, key=lambda x: -len(x.articles)))
    return ('<table class="edges"><tr><th>from</th><th>to</th><th>how</th><th>articles</th><th>evidence</th></tr>'
            + rows + "</table>")


def origins_list(claims: list[dict], link: Callable[[str], str | None] | None = None) -> str:
    """Each claim with "N independent origins support, M contradict" and the origins listed."""
    if not claims:
        return '<p class="empty">no claims in the corpus</p>'
    items = []
    for c in claims:
        key = c["claim"]["key"]
        href = link(key) if link else None
        text = f'<a href="{e(href)}">{e(c["claim"]["text"])}</a>' if href else e(c["claim"]["text"])
        items.append(f'<li class="claim-origins" data-key="{e(key)}"><div>{text} <small>({e(c["claim"]["outlet"])})'
                     f'</small></div><div class="summary"><b>{e(c["summary"])}</b>{_matching(c)}</div>'
                     f'{_origins("supports", c["supporting"], link)}{_origins("contradicts", c["contradicting"], link)}</li>')
    return '<ol class="origins">' + "".join(items) + "</ol>"


def _matching(claim: dict) -> str:
    return f' <small class="matching">· {e(claim["matching"])} matching</small>' if claim.get("matching") else ""


def _origins(label: str, origins: list[dict], link: Callable[[str], str | None] | None) -> str:
    if not origins:
        return ""
    rows = "".join(f'<li>{e(o["label"])}: ' + "; ".join(_claim_ref(c, link) for c in o["claims"])
                   + (f' <small>shared: {e(", ".join(o["shared"]))}</small>' if o["shared"] else "")
                   + "</li>" for o in origins)
    return f'<div class="{e(label)}">{e(label)}:<ul>{rows}</ul></div>'


def _claim_ref(claim: dict, link: Callable[[str], str | None] | None) -> str:
    """A claim of an origin: its text, linked to its place on this page or site when known, else to its URL; its
    article's title; for a contradiction, the rule and the two spans it read."""
    text = claim.get("text") or ""
    label = f"“{text if len(text) <= 160 else text[:159] + '…'}”" if text else claim["outlet"]
    href = link(claim["key"]) if link else None
    if href:
        ref = f'<a href="{e(href)}">{e(label)}</a>'
    else:
        ref = external_link(claim["url"], label) if claim.get("url") else e(label)
    title = f' <small class="article">{e(claim["title"])}</small>' if claim.get("title") else ""
    why = "; ".join(f'{ev["reason"]}: “{ev["claim"]["text"]}” vs “{ev["other"]["text"]}”'
                    for ev in claim.get("evidence", []))
    return ref + title + (f' <small class="evidence">{e(why)}</small>' if why else "")


def outlets_table(outlets: list[dict], link: Callable[[str], str] | None = None) -> str:
    if not outlets:
        return '<p class="empty">no outlets</p>'
    rows = []
    for o in outlets:
        name = f'<a href="{e(link(o["outlet"]))}">{e(o["outlet"])}</a>' if link else e(o["outlet"])
        rows.append(f'<tr><td>{name}</td><td>{o["articles"]}</td><td>{o["originals"]}</td><td>{o["republished"]}'
                    f'</td><td>{e(o["credits"]) or "—"}</td></tr>')
    return ('<table class="outlets"><tr><th>outlet</th><th>articles</th><th>originals</th><th>republished</th>'
            '<th>credits</th></tr>' + "".join(rows) + "</table>")


def _article_list(view: CorpusView) -> str:
    if not view.articles:
        return '<p class="empty">no articles</p>'
    rows = "".join(f'<li><a href="#a{i}">{e(a["title"] or a["id"][:12])}</a> <small>{e(a["outlet"] or "")} '
                   f'{e(a["published"] or "")} · {a["quotes"]} quotes · {a["claims"]} claims</small></li>'
                   for i, a in enumerate(view.articles))
    return f"<ol>{rows}</ol>"
