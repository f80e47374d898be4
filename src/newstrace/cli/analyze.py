"""``newstrace analyze``: analyse articles and print or write the results."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from newstrace.cli.main import cli
from newstrace.cli.options import allow_private_option, semantic_option, types_option
from newstrace.cli.progress import progress
from newstrace.errors import BatchFailed, NewstraceError
from newstrace.reading.document import DEFAULT_MAX_BYTES
from newstrace.reading.inputs import expand_inputs
from newstrace.reading.netpolicy import FetchOptions
from newstrace.report import EXTENSIONS, FORMATS, render


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per input into this folder (NAME.json, NAME.md, ...).")
@click.option("--input-format", type=click.Choice(["html", "markdown", "text"]),
              help="Treat every input as this format instead of guessing.")
@click.option("--encoding", help="Decode input with this encoding instead of detecting it.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse inputs larger than this.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait for a URL.")
@allow_private_option
@semantic_option
@types_option
@click.option("--width", type=int, help="Width of the table output (default 110).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(inputs: tuple[str, ...], fmt: str, out_dir: Path | None, input_format: str | None,
            encoding: str | None, max_bytes: int, timeout: float, semantic: bool | None, width: int | None,
            quiet: bool, allow_private_urls: bool, types: tuple[str, ...] | None) -> None:
    """Analyse INPUTS: files (.html .htm .txt .md, gzipped too), folders, globs, http(s) URLs, or - for stdin."""
    from newstrace.pipeline import AnalyzeConfig, analyze_inputs

    read = FetchOptions(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private_urls)
    config = AnalyzeConfig(read=read, encoding=encoding, fmt=input_format, semantic=semantic)
    names = list(expand_inputs(list(inputs)))
    many = len(names) > 1
    failures: list[NewstraceError] = []
    written: set[str] = set()
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    with progress(len(names), enabled=many and not quiet) as advance:
        for name, result in analyze_inputs(names, config):
            advance(name)
            if isinstance(result, NewstraceError):
                if not many:
                    raise result
                failures.append(result)
                continue
            if out_dir:
                target = out_dir / _output_name(name, EXTENSIONS[fmt], written)
                target.write_text(render(result, fmt, width=width, types=types), encoding="utf-8")
            elif fmt == "json" and many:
                click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                click.echo(render(result, fmt, width=width, color=fmt == "table" and sys.stdout.isatty(),
                                  types=types), nl=False)
    if failures:
        for err in failures:
            click.echo(f"newstrace: failed: {err}", err=True)
        raise BatchFailed(f"{len(failures)} of {len(names)} inputs failed (listed above); the others were analysed")


def _output_name(name: str, extension: str, taken: set[str]) -> str:
    base = Path(name.split("?")[0].rstrip("/")).name or "article"
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown"):
        base = base.removesuffix(suffix)
    base = re.sub(r"[^\w.-]+", "_", base).strip("._") or ("stdin" if name == "-" else "article")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return f"{candidate}.{extension}"
