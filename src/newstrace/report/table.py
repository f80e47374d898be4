"""A readable terminal view (rich)."""
from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from newstrace.model import Analysis
from newstrace.report.sections import facts, sections
from newstrace.report.summary import summarize


def render_table(analysis: Analysis, *, width: int | None = None, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or 110, force_terminal=color, color_system="auto" if color else None,
                      highlight=False)
    console.print(Panel(_grid(summarize(analysis).lines()), title=f"[bold]At a glance[/bold]: "
                        f"{escape(analysis.article.title or 'untitled article')}", title_align="left", expand=True))
    console.print(Panel(_grid(facts(analysis)), title="[bold]newstrace[/bold]", expand=True))
    for section in sections(analysis):
        if not section.rows:
            console.print(f"[bold]{section.title}[/bold]: {section.empty}")
            continue
        table = Table(title=section.title, title_justify="left", title_style="bold", expand=True,
                      show_lines=False)
        for i, column in enumerate(section.columns):
            table.add_column(column, overflow="fold", ratio=3 if i == len(section.columns) - 1 else 1)
        for row in section.rows:
            table.add_row(*row)
        console.print(table)
    return buffer.getvalue()


def _grid(rows: list[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for key, value in rows:
        grid.add_row(escape(key), escape(value))
    return grid
