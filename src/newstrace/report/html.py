"""The HTML report: one self-contained file (inline CSS/JS, no external resources); all article text escaped.

``render_html`` shows one article; ``render_corpus_html`` a corpus (republication graph, independent origins
per claim, then the articles).
"""
from __future__ import annotations

from newstrace.model import Analysis
from newstrace.report.article_html import article_section
from newstrace.report.page import page


def render_html(analysis: Analysis, *, origins: dict[str, dict] | None = None) -> str:
    """``origins``: claim id → its corroboration in a store (None: the article was compared with nothing)."""
    title = analysis.article.title or "newstrace report"
    return page(title, article_section(analysis, origins=origins))


def render_corpus_html(view) -> str:  # view: newstrace.report.corpus_data.CorpusView
    from newstrace.report.corpus_html import corpus_section

    return page(view.title, corpus_section(view))
