"""``newstrace sources``: outlets, and what they originate versus republish."""
from __future__ import annotations

from newstrace.cli.main import cli
from newstrace.cli.store_options import emit_rows, format_option, limit_option, open_existing, store_options


@cli.command()
@store_options
@format_option
@limit_option
def sources(db: str, busy_timeout: float, fmt: str, limit: int) -> None:
    """List outlets with their original and republished articles and the sources they credit."""
    from newstrace.store import query

    with open_existing(db, busy_timeout) as store:
        emit_rows(query.sources(store, limit=limit), fmt, title="sources")
