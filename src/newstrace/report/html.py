"""A self-contained HTML page (no external resources); all article text is escaped."""
from __future__ import annotations

from html import escape

from newstrace.model import Analysis
from newstrace.report.sections import facts, sections

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em} dl.facts dt{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.92em} td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4} .empty{color:#777;font-style:italic} .inconsistent{color:#b00020;font-weight:700}
.article p{margin:.6em 0} .bp{color:#777;font-size:.9em;border-left:3px solid #ccc;padding-left:.6em}
details summary{cursor:pointer;color:#555}
"""


def render_html(analysis: Analysis) -> str:
    a = analysis.article
    parts = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
             f"<title>{escape(a.title or 'newstrace report')}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{escape(a.title or 'Untitled article')}</h1>", "<dl class=\"facts\">"]
    parts += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts(analysis)]
    parts.append("</dl>")
    for section in sections(analysis, clip=300):
        parts.append(f"<h2>{escape(section.title)}</h2>")
        if not section.rows:
            parts.append(f"<p class=\"empty\">{escape(section.empty)}</p>")
            continue
        parts.append("<table><tr>" + "".join(f"<th>{escape(c)}</th>" for c in section.columns) + "</tr>")
        for row in section.rows:
            cls = " class=\"inconsistent\"" if row and row[0] == "INCONSISTENT" else ""
            parts.append(f"<tr{cls}>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
        parts.append("</table>")
    parts.append("<h2>Article text</h2><div class=\"article\">")
    parts += [f"<p>{escape(p.text)}</p>" for p in a.paragraphs]
    if a.boilerplate:
        parts.append("<details><summary>Boilerplate set aside "
                     f"({len(a.boilerplate)})</summary>")
        parts += [f"<p class=\"bp\"><b>{escape(b.kind)}</b> ({escape(b.rule)}): {escape(b.span.text)}</p>"
                  for b in a.boilerplate]
        parts.append("</details>")
    parts.append("</div></body></html>\n")
    return "\n".join(parts)
