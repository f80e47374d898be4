"""Output formats: ``table`` (terminal), ``json``, ``md`` and ``html`` (a self-contained page)."""
from __future__ import annotations

import dataclasses
import json

from newstrace.model import DEFAULT_QUOTE_TYPES, QUOTE_TYPES, Analysis, quotes_of_types

FORMATS = ("table", "json", "md", "html")
EXTENSIONS = {"table": "txt", "json": "json", "md": "md", "html": "html"}


def render(analysis: Analysis, fmt: str, *, width: int | None = None, color: bool = False,
           types: tuple[str, ...] | None = DEFAULT_QUOTE_TYPES) -> str:
    """The analysis as text in ``fmt``. JSON keeps quotes of every type; the human formats show ``types``
    (speech and writing by default; None: all)."""
    if fmt == "json":
        return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n"
    analysis = for_display(analysis, types)
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


def for_display(analysis: Analysis, types: tuple[str, ...] | None = DEFAULT_QUOTE_TYPES) -> Analysis:
    """A copy of ``analysis`` with the quotes of ``types`` only, and the speakers they or the claims name."""
    if types is None:
        return analysis
    quotes, speakers = quotes_of_types(analysis.quotes, analysis.speakers, types,
                                       also_named=[c.asserter.get("speaker_id") for c in analysis.claims])
    return dataclasses.replace(analysis, quotes=quotes, speakers=speakers)


def parse_types(value: str | None) -> tuple[str, ...] | None:
    """``"speech,writing"`` → a tuple; ``"all"`` → None (every type); an unknown type is a ``ValueError``."""
    if value is None:
        return DEFAULT_QUOTE_TYPES
    if value.strip().lower() == "all":
        return None
    wanted = tuple(t.strip().lower() for t in value.split(",") if t.strip())
    unknown = [t for t in wanted if t not in QUOTE_TYPES]
    if unknown or not wanted:
        raise ValueError(f"unknown quote type {', '.join(unknown) or repr(value)}: "
                         f"choose from {', '.join(QUOTE_TYPES)} or all")
    return wanted
