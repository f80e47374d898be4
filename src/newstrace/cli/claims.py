"""``newstrace claims``: check-worthy claims about an entity, optionally only those with failed checks."""
from __future__ import annotations

import click

from newstrace.cli.main import cli
from newstrace.cli.store_options import emit_rows, format_option, limit_option, open_existing, store_options


@cli.command()
@store_options
@format_option
@limit_option
@click.option("--about", help="Claims mentioning this entity or phrase.")
@click.option("--checks", type=click.Choice(["inconsistent", "consistent", "unverifiable"]),
              help="Only claims with a numeric check of this verdict.")
def claims(db: str, busy_timeout: float, fmt: str, limit: int, about: str | None, checks: str | None) -> None:
    """List stored claims, highest check-worthiness first."""
    from newstrace.store import query

    with open_existing(db, busy_timeout) as store:
        emit_rows(query.claims(store, about=about, checks=checks, limit=limit), fmt, title="claims")
