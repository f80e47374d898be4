"""``newstrace batch``: analyse WARC/JSONL/article corpora on Dask into Parquet datasets."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newstrace.cli.main import cli
from newstrace.cli.options import dedup_options, max_bytes_option, semantic_option
from newstrace.cli.progress import progress
from newstrace.errors import BatchFailed
from newstrace.reading import ReadOptions

if TYPE_CHECKING:
    from newstrace.corpus.dedup_config import DedupConfig
    from newstrace.scale.batch import BatchOptions, BatchSummary


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder of Parquet datasets (reused: completed partitions are skipped).")
@click.option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler, e.g. tcp://host:8786.")
@click.option("--workers", type=click.IntRange(1), help="Worker processes of the local cluster [default: CPU count].")
@click.option("--memory-limit", default="auto", show_default=True, help="Memory per local worker, e.g. 2GiB.")
@click.option("--partition-records", type=click.IntRange(1), default=200, show_default=True,
              help="At most this many records per partition.")
@click.option("--partition-mb", type=click.IntRange(1), default=64, show_default=True,
              help="At most this many MB of payload per partition.")
@max_bytes_option(help="Records larger than this are recorded as errors.")
@click.option("--no-dedup", is_flag=True, help="Skip corpus-wide near-duplicate clustering.")
@dedup_options
@semantic_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def batch_command(inputs: tuple[str, ...], out_dir: Path, scheduler: str | None, workers: int | None,
                  memory_limit: str, partition_records: int, partition_mb: int, max_bytes: int, no_dedup: bool,
                  dedup_config: DedupConfig, semantic: bool | None, quiet: bool) -> None:
    """Analyse INPUTS (WARC/WARC.gz, JSONL, article files, folders, globs) on Dask into Parquet under --out."""
    from newstrace.scale.sources import PartitionLimits, expand_batch_inputs

    if scheduler and workers:
        raise click.UsageError("--workers starts a local cluster; it cannot be used with --scheduler")
    paths = expand_batch_inputs(list(inputs))  # a bad input fails before Dask is imported or a cluster starts
    from newstrace.pipeline import AnalyzeConfig
    from newstrace.scale.batch import BatchOptions, finished, settings_conflict

    options = BatchOptions(limits=PartitionLimits(partition_records, partition_mb * 1024 * 1024),
                           config=AnalyzeConfig(read=ReadOptions(max_bytes=max_bytes), semantic=semantic),
                           dedup=not no_dedup, dedup_config=dedup_config)
    conflict = settings_conflict(out_dir, options)  # signatures made with other settings cannot be compared
    if conflict:
        raise click.UsageError(conflict)
    summary = finished(paths, out_dir, options)  # a rerun with nothing left to do starts no cluster
    if summary is None:
        summary = _run_batch(paths, out_dir, options, scheduler, workers, memory_limit, quiet)
    click.echo(summary.line())
    if summary.failed:
        for partition, reason in summary.failed.items():
            click.echo(f"newstrace: partition {partition} failed: {reason}", err=True)
        raise BatchFailed(f"{len(summary.failed)} partitions failed (listed above); run again to retry them")


def _run_batch(paths: list[str], out_dir: Path, options: BatchOptions, scheduler: str | None, workers: int | None,
               memory_limit: str, quiet: bool) -> BatchSummary:
    """Start or reach the cluster and run the batch, with a progress bar over the partitions to do."""
    from newstrace.scale.batch import batch
    from newstrace.scale.cluster import dask_client

    with dask_client(scheduler, workers, memory_limit=memory_limit) as client, contextlib.ExitStack() as bar:
        click.echo(f"dask dashboard: {client.dashboard_link}", err=True)
        advance = {"partition": lambda name: None}

        def on_plan(total: int) -> None:  # the bar appears once the partitions to do are known
            advance["partition"] = bar.enter_context(progress(total, enabled=not quiet and total > 0,
                                                              label="partitions"))

        return batch(paths, out_dir, client, options, on_plan=on_plan,
                     on_done=lambda result: advance["partition"](result["partition"]))

