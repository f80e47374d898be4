"""Options and output shared by the commands that read or write a store (``--db``, ``--format``)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable

import click

from newstrace.store.connection import DEFAULT_BUSY_TIMEOUT, DEFAULT_DB, StoreOptions

ROW_FORMATS = ("table", "json", "csv")


def store_options(command: Callable) -> Callable:
    """Add ``--db`` and ``--busy-timeout`` to a command."""
    command = click.option("--busy-timeout", type=float, default=DEFAULT_BUSY_TIMEOUT, show_default=True,
                           help="Seconds to wait for another SQLite writer before giving up.")(command)
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="NEWSTRACE_DB",
                        help="SQLite file, or a postgresql://user@host/dbname URL.")(command)


def format_option(command: Callable) -> Callable:
    return click.option("--format", "-f", "fmt", type=click.Choice(ROW_FORMATS), default="table",
                        show_default=True, help="Output format.")(command)


def limit_option(command: Callable) -> Callable:
    return click.option("--limit", type=int, default=100, show_default=True, help="At most this many rows.")(command)


def options_for(busy_timeout: float) -> StoreOptions:
    return StoreOptions(busy_timeout=busy_timeout)


def emit_rows(rows: list[dict[str, Any]], fmt: str, *, title: str = "", empty: str = "nothing found") -> None:
    """Print rows as a table, a JSON array or CSV (with a header)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        click.echo(rows_to_csv(rows), nl=False)
    elif not rows:
        click.echo(f"{title + ': ' if title else ''}{empty}")
    else:
        click.echo(rows_to_table(rows, title=title), nl=False)


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def rows_to_table(rows: list[dict[str, Any]], *, title: str = "", width: int = 120) -> str:
    from rich.console import Console  # here: importing rich costs more than a --help
    from rich.table import Table

    buffer = io.StringIO()
    table = Table(title=title or None, title_justify="left", expand=True)
    for i, name in enumerate(rows[0]):
        table.add_column(name, overflow="fold", ratio=4 if name in ("text", "credits") else 1)
    for row in rows:
        table.add_row(*(_cell(v) for v in row.values()))
    Console(file=buffer, width=width, color_system=None, highlight=False).print(table)
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
