"""Output formats: ``table`` (terminal), ``json``, ``md`` and ``html`` (a self-contained page)."""
from __future__ import annotations

import json

from newstrace.model import Analysis

FORMATS = ("table", "json", "md", "html")
EXTENSIONS = {"table": "txt", "json": "json", "md": "md", "html": "html"}


def render(analysis: Analysis, fmt: str, *, width: int | None = None, color: bool = False) -> str:
    """The analysis as text in ``fmt``."""
    if fmt == "json":
        return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from newstrace.report.markdown import render_markdown
        return render_markdown(analysis)
    if fmt == "html":
        from newstrace.report.html import render_html
        return render_html(analysis)
    if fmt == "table":
        from newstrace.report.table import render_table
        return render_table(analysis, width=width, color=color)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
