"""``newstrace ingest``: analyse pages, folders, URLs, feeds and JSONL files into a store."""
from __future__ import annotations

import click

from newstrace.cli.failures import batch_failed, report_failures
from newstrace.cli.main import cli
from newstrace.cli.options import allow_private_option, max_bytes_option, semantic_option, timeout_option
from newstrace.cli.progress import progress
from newstrace.cli.store_options import options_for, store_options
from newstrace.reading.netpolicy import FetchOptions


@cli.command()
@click.argument("inputs", nargs=-1)
@store_options
@click.option("--from-parquet", "from_parquet", type=click.Path(exists=True, file_okay=False),
              help="Store the results of `newstrace batch --out DIR` instead of analysing INPUTS.")
@click.option("--fetch-items", is_flag=True, help="Fetch each feed item's page instead of using the feed's content.")
@max_bytes_option(help="Refuse inputs (and JSONL lines) larger than this.")
@timeout_option
@allow_private_option
@semantic_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def ingest(inputs: tuple[str, ...], db: str, busy_timeout: float, from_parquet: str | None, fetch_items: bool,
           max_bytes: int, timeout: float, semantic: bool | None, quiet: bool, allow_private_urls: bool) -> None:
    """Analyse INPUTS and store them in --db: files, folders, globs, URLs, RSS/Atom feeds, .jsonl files.

    Identical content already stored is skipped; changed content at a known URL becomes a new version.
    Each article is committed on its own: an interrupted run loses nothing stored; run it again to resume.
    """
    if bool(inputs) == bool(from_parquet):
        raise click.UsageError("give INPUTS to analyse, or --from-parquet DIR, but not both")
    from newstrace.pipeline import AnalyzeConfig
    from newstrace.jobs import ingest as ingest_job  # the module: the command shadows the name

    read = FetchOptions(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private_urls)
    config = AnalyzeConfig(read=read, semantic=semantic)
    with progress(None, enabled=not quiet, label="ingesting") as advance:  # total unknown: feeds, JSONL
        on_item = lambda locator, outcome: advance(f"{outcome}: {locator}")  # noqa: E731
        if from_parquet:
            from newstrace.scale.reader import read_parquet_analyses  # the [scale] extra: only needed here
            from newstrace.store import open_store

            with open_store(db, options_for(busy_timeout)) as store:
                report = ingest_job.ingest_analyses(store, read_parquet_analyses(from_parquet), on_item=on_item)
        else:
            report = ingest_job.ingest(list(inputs), db, config=config, fetch_items=fetch_items,
                                         options=options_for(busy_timeout), on_item=on_item)
    for conflict in report.conflicts:
        click.echo(f"newstrace: note: {conflict}", err=True)
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.failures:
        report_failures(report.failures)
        raise batch_failed(len(report.failures), None, "stored")
