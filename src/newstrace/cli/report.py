"""``newstrace report``: a self-contained HTML report for an article or a corpus."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newstrace.cli.main import cli
from newstrace.cli.options import allow_private_option, max_bytes_option, timeout_option, types_option
from newstrace.errors import StoreProblem, WriteFailed
from newstrace.reading.netpolicy import FetchOptions
from newstrace.store.connection import DEFAULT_BUSY_TIMEOUT, StoreOptions


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", help="Report from this store (SQLite file or postgresql:// URL); INPUTS then name stored "
                           "articles (id, id prefix, URL or path), none = the whole corpus.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the HTML here instead of standard output.")
@click.option("--articles", "max_articles", type=click.IntRange(min=1), default=50, show_default=True,
              help="Corpus report: show at most this many articles in full.")
@click.option("--claims", "max_claims", type=click.IntRange(min=1), default=200, show_default=True,
              help="Corpus report: corroborate at most this many claims.")
@click.option("--semantic/--no-semantic", default=None,
              help="Corpus report: match claims with MiniLM embeddings (default: when the [semantic] extra is "
                   "installed, as in corroborate and serve).")
@max_bytes_option("Refuse larger inputs.")
@timeout_option
@allow_private_option
@types_option
@click.option("--busy-timeout", type=float, default=DEFAULT_BUSY_TIMEOUT, show_default=True,
              help="Seconds to wait for another SQLite writer.")
def report(inputs: tuple[str, ...], db: str | None, out: Path | None, max_articles: int, max_claims: int,
           semantic: bool | None, max_bytes: int, timeout: float, busy_timeout: float,
           allow_private_urls: bool, types: tuple[str, ...] | None) -> None:
    """Write an HTML report: for one INPUT (file, URL, - or a saved analysis .json) the article report; for
    several INPUTS, or a --db store, the corpus report (republication graph, independent origins per claim)."""
    if not inputs and not db:
        raise click.UsageError("give INPUTS to analyse, or --db to report on a store")
    if db and "://" not in db and not Path(db).exists():  # a mistyped --db: refused, not created empty (exit 24)
        raise StoreProblem(f"no store at {db} (newstrace ingest creates one; --db or NEWSTRACE_DB names it)")
    from newstrace.pipeline import AnalyzeConfig
    from newstrace.report.build import report as build_report

    config = AnalyzeConfig(read=FetchOptions(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private_urls))
    html = build_report(list(inputs), db=db, config=config, max_articles=max_articles, max_claims=max_claims,
                        semantic=semantic, options=StoreOptions(busy_timeout=busy_timeout), types=types)
    if out is None:
        sys.stdout.write(html)
        return
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as err:
        raise WriteFailed(f"cannot write the report: {err.strerror}", source=str(out)) from None
    click.echo(f"report written to {out}", err=True)
