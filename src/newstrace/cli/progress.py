"""A progress bar on stderr for runs over many inputs."""
from __future__ import annotations

import contextlib
from typing import Callable, Iterator


@contextlib.contextmanager
def progress(total: int, *, enabled: bool = True, label: str = "analysing") -> Iterator[Callable[[str], None]]:
    """Yield ``advance(name)``; draws nothing when disabled."""
    if not enabled:
        yield lambda name: None
        return
    from rich.console import Console  # here: importing rich costs more than a --help
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.fields[current]}", style="dim"))
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=total, current="")
        yield lambda name: bar.update(task, advance=1, current=name[-40:])
