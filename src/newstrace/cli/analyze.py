"""``newstrace analyze``: analyse articles and print or write the results."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from newstrace.cli.failures import batch_failed, report_failures
from newstrace.cli.main import cli
from newstrace.cli.options import allow_private_option, max_bytes_option, semantic_option, timeout_option, types_option
from newstrace.cli.progress import progress
from newstrace.errors import InputNotFound, NewstraceError, WriteFailed
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
@max_bytes_option()
@timeout_option
@allow_private_option
@semantic_option
@types_option
@click.option("--width", type=click.IntRange(min=20), help="Width of the table output (default 110).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(inputs: tuple[str, ...], fmt: str, out_dir: Path | None, input_format: str | None,
            encoding: str | None, max_bytes: int, timeout: float, semantic: bool | None, width: int | None,
            quiet: bool, allow_private_urls: bool, types: tuple[str, ...] | None) -> None:
    """Analyse INPUTS: files (.html .htm .txt .md, gzipped too), folders, globs, http(s) URLs, - for stdin,
    RSS/Atom feeds, .jsonl files and WARC files (one result per item, line or HTML response)."""
    from newstrace.pipeline import AnalyzeConfig, analyze_inputs, is_container

    read = FetchOptions(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private_urls)
    config = AnalyzeConfig(read=read, encoding=encoding, fmt=input_format, semantic=semantic)
    names = list(expand_inputs(list(inputs)))
    if not names:
        raise InputNotFound("no inputs found: no article files (.html .htm .txt .md, gzipped too) in "
                            + ", ".join(inputs))
    many = len(names) > 1 or is_container(names[0])
    failures: list[NewstraceError] = []
    done = 0
    written: set[str] = set()
    if out_dir:
        _make_folder(out_dir)
    with progress(len(names), enabled=many and not quiet) as advance:
        for name, result in analyze_inputs(names, config):
            advance(name)
            done += 1
            if isinstance(result, NewstraceError):
                failures.append(result)
                continue
            if out_dir:
                _write(out_dir / _output_name(name, EXTENSIONS[fmt], written), render(result, fmt, width=width, types=types))
            elif fmt == "json" and many:
                click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                click.echo(render(result, fmt, width=width, color=fmt == "table" and sys.stdout.isatty(),
                                  types=types), nl=False)
    if failures and done == 1:
        raise failures[0]  # one input: its own error and exit code
    if failures:
        report_failures(failures)
        raise _batch_error(failures, done, names)


def _batch_error(failures: list[NewstraceError], done: int, names: list[str]) -> NewstraceError:
    """13 when some inputs were analysed; when one feed or JSONL file gave nothing, its items' own error (all
    records malformed: 21) if they agree."""
    if len(failures) == done and len(names) == 1 and len({type(f) for f in failures}) == 1:
        return type(failures[0])(f"none of its {done} items could be analysed (listed above)", source=names[0])
    return batch_failed(len(failures), done, "analysed")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteFailed(f"cannot create the output folder: {err.strerror or err}", source=str(folder)) from None


def _write(target: Path, text: str) -> None:
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as err:
        raise WriteFailed(f"cannot write: {err.strerror or err}", source=str(target)) from None


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
