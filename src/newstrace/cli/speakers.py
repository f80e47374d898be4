"""``newstrace speakers``: who is quoted, how often, in which outlets."""
from __future__ import annotations

import click

from newstrace.cli.main import cli
from newstrace.cli.store_options import emit_rows, format_option, limit_option, open_existing, store_options


@cli.command()
@store_options
@format_option
@limit_option
@click.option("--outlet", help="Only speakers quoted by this outlet.")
def speakers(db: str, busy_timeout: float, fmt: str, limit: int, outlet: str | None) -> None:
    """List the speakers quoted in the store, most quoted first, with roles and affiliations."""
    from newstrace.store import query

    with open_existing(db, busy_timeout) as store:
        emit_rows(query.speakers(store, outlet=outlet, limit=limit), fmt, title="speakers")
