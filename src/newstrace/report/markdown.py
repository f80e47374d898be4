"""A Markdown report."""
from __future__ import annotations

from newstrace.model import Analysis
from newstrace.report.sections import facts, sections
from newstrace.report.summary import summarize


def render_markdown(analysis: Analysis) -> str:
    title = analysis.article.title or "Untitled article"
    out = [f"# {_cell(title)}", "", "## At a glance", ""]
    out += [("  - " if key.startswith("  ") else "- ") + f"**{_cell(key)}**" + (f": {_cell(value)}" if value else "")
            for key, value in summarize(analysis).lines()]
    out += ["", "## The article", ""]
    out += [f"- **{key}**: {_cell(value)}" for key, value in facts(analysis)]
    for section in sections(analysis, clip=200):
        out += ["", f"## {section.title}", ""]
        if not section.rows:
            out.append(f"_{section.empty}_")
            continue
        out.append("| " + " | ".join(section.columns) + " |")
        out.append("|" + "---|" * len(section.columns))
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in section.rows]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")
