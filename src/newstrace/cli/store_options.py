"""Options and output shared by the commands that read or write a store (``--db``, ``--format``)."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
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


def open_existing(db: str, busy_timeout: float):
    """The store at ``db`` for a query command: a SQLite path that does not exist is refused (exit 24) rather than
    created empty, so a mistyped ``--db`` does not answer "nothing found"."""
    from newstrace.errors import StoreProblem
    from newstrace.store import open_store

    if "://" not in db and db != ":memory:" and not Path(db).exists():
        raise StoreProblem(f"no store at {db} (newstrace ingest creates one; --db or NEWSTRACE_DB names it)")
    return open_store(db, options_for(busy_timeout))


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


def rows_to_table(rows: list[dict[str, Any]], *, title: str = "", width: int | None = None) -> str:
    """Rows as a terminal table: every cell on one line (long text clipped with "…", never broken inside a word),
    64-character ids shortened to a 12-character prefix that the commands still accept, character offsets left
    out; ``--format json|csv`` keep everything. ``width``: the terminal's, at least 120."""
    from rich.console import Console  # here: importing rich costs more than a --help
    from rich.table import Table

    width = width or max(120, shutil.get_terminal_size((120, 24)).columns)
    buffer = io.StringIO()
    names = [name for name in rows[0] if name not in TABLE_HIDDEN]
    cells = [[short_ids(_cell(row[name])) for name in names] for row in rows]
    natural = [max([min(len(name), 8)] + [len(row[i]) for row in cells]) for i, name in enumerate(names)]
    table = Table(title=title or None, title_justify="left")
    for name, size in zip(names, column_widths(names, natural, width - 3 * len(names) - 1)):
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=size)
    for row in cells:
        table.add_row(*row)
    Console(file=buffer, width=width, color_system=None, highlight=False).print(table)
    return buffer.getvalue()


def column_widths(names: list[str], natural: list[int], room: int) -> list[int]:
    """Each column gets up to ``MIN_COLUMN`` characters first (or all it needs), then what is left is shared, the
    wide columns (text) taking three parts to one, until every column has its natural width or nothing is left."""
    sizes = [min(n, MIN_COLUMN) for n in natural]
    weight = [3 if name in WIDE_COLUMNS else 1 for name in names]
    while (left := room - sum(sizes)) > 0:
        growing = [i for i, size in enumerate(sizes) if size < natural[i]]
        if not growing:
            break
        total = sum(weight[i] for i in growing)
        for i in growing:
            sizes[i] = min(natural[i], sizes[i] + max(1, left * weight[i] // total))
    return sizes


MIN_COLUMN = 12  # the 12-character id prefix fits whole
TABLE_HIDDEN = ("start", "end")  # character offsets: in --format json and csv
WIDE_COLUMNS = ("text", "credits", "content", "claim", "summary", "title", "computation")
_LONG_ID = re.compile(r"\b([0-9a-f]{12})[0-9a-f]{52}\b")


def short_ids(text: str) -> str:
    """Article ids (sha256, 64 hex digits) shortened to their first 12, also inside ``ARTICLE:CLAIM`` keys."""
    return _LONG_ID.sub(r"\1", text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
