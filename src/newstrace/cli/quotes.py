"""``newstrace quotes``: quotes by speaker, about an entity, or from an outlet."""
from __future__ import annotations

import click

from newstrace.cli.main import cli
from newstrace.cli.options import types_option
from newstrace.cli.store_options import emit_rows, format_option, limit_option, open_existing, store_options


@cli.command()
@store_options
@format_option
@limit_option
@click.option("--speaker", help="Quotes by this speaker (full name or surname).")
@click.option("--about", help="Quotes mentioning this entity or phrase.")
@click.option("--outlet", help="Quotes published by this outlet.")
@types_option
def quotes(db: str, busy_timeout: float, fmt: str, limit: int, speaker: str | None, about: str | None,
           outlet: str | None, types: tuple[str, ...] | None) -> None:
    """List stored quotes; the filters combine."""
    from newstrace.store import query

    with open_existing(db, busy_timeout) as store:
        emit_rows(query.quotes(store, speaker=speaker, about=about, outlet=outlet, limit=limit, types=types), fmt,
                  title="quotes")
