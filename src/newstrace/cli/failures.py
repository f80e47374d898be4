"""How a command that goes on past bad inputs reports them: one line each on stderr, then one error (exit 13)."""
from __future__ import annotations

from typing import Iterable

import click

from newstrace.errors import BatchFailed


def report_failures(failures: Iterable[object]) -> None:
    for failure in failures:
        click.echo(f"newstrace: failed: {failure}", err=True)


def batch_failed(failed: int, total: int | None, others: str) -> BatchFailed:
    """``N of TOTAL inputs failed (listed above); the others were OTHERS`` (no ``of`` when the total is unknown,
    no others when all failed)."""
    counted = f"{failed} of {total}" if total is not None else f"{failed}"
    rest = f"; the others were {others}" if total is None or failed < total else ""
    return BatchFailed(f"{counted} inputs failed (listed above){rest}")
