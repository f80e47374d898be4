"""``report``: the HTML report for one article (analysed now, or read from a store) or for a corpus.

Without a store, several inputs are analysed into a temporary SQLite store so that the corpus views
(copies, republication graph, independent origins) are computed exactly as for a real one.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from newstrace.errors import NewstraceError, UnreadableInput
from newstrace.model import DEFAULT_QUOTE_TYPES, Analysis
from newstrace.pipeline import AnalyzeConfig, analyze_inputs
from newstrace.report.corpus_data import claim_origins, corpus_view, load_analysis
from newstrace.report import for_display
from newstrace.report.html import render_corpus_html, render_html
from newstrace.store import open_store, query, save_analysis
from newstrace.store.connection import Database, StoreOptions


def report(inputs: list[str], *, db: str | None = None, config: AnalyzeConfig = AnalyzeConfig(),
           max_articles: int = 50, max_claims: int = 200, semantic: bool | None = None,
           options: StoreOptions = StoreOptions(), types: tuple[str, ...] | None = DEFAULT_QUOTE_TYPES) -> str:
    """The report as one HTML page. With ``db``, ``inputs`` name stored articles (none: the whole store).
    An article report shows the quotes of ``types`` (speech and writing by default; None: every type)."""
    if db:
        with open_store(db, options) as store:
            return _from_store(store, inputs, max_articles, max_claims, semantic, types)
    analyses = [_analysis(spec, config) for spec in inputs]
    if len(analyses) == 1:
        return render_html(for_display(analyses[0], types))
    with tempfile.TemporaryDirectory(prefix="newstrace-report-") as tmp, \
            open_store(str(Path(tmp) / "corpus.db"), options) as store:
        for analysis in analyses:
            save_analysis(store, analysis)
        return _from_store(store, [], max_articles, max_claims, semantic, types)


def _from_store(store: Database, refs: list[str], max_articles: int, max_claims: int, semantic: bool | None,
                types: tuple[str, ...] | None = DEFAULT_QUOTE_TYPES) -> str:
    ids = [query.resolve_article(store, ref) for ref in refs]
    if len(ids) == 1:
        origins = {c["claim"]["key"].rpartition(":")[2]: c
                   for c in claim_origins(store, article=ids[0], semantic=semantic, limit=max_claims)}
        return render_html(for_display(load_analysis(store, ids[0]), types), origins=origins)
    return render_corpus_html(corpus_view(store, ids=ids or None, max_articles=max_articles, max_claims=max_claims,
                                          semantic=semantic))


def _analysis(spec: str, config: AnalyzeConfig) -> Analysis:
    """A saved analysis (``newstrace analyze -f json`` output) is read as is; anything else is analysed."""
    if spec.lower().endswith(".json") and Path(spec).is_file():
        return read_analysis_json(spec)
    for _, result in analyze_inputs([spec], config):
        if isinstance(result, NewstraceError):
            raise result
        return result
    raise UnreadableInput("no input found", source=spec)


def read_analysis_json(path: str) -> Analysis:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Analysis.from_dict(data)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as err:
        raise UnreadableInput(f"not a newstrace analysis JSON file ({type(err).__name__}: {err})",
                              source=path) from None
