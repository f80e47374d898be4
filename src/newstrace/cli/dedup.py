"""``newstrace dedup``: find copies across articles and who copied whom."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from newstrace.cli.failures import batch_failed, report_failures
from newstrace.cli.main import cli
from newstrace.cli.options import dedup_options, max_bytes_option
from newstrace.errors import InputNotFound, NewstraceError, NoArticleFound, WriteFailed
from newstrace.reading import ReadOptions

if TYPE_CHECKING:
    from newstrace.corpus import DedupResult
    from newstrace.corpus.dedup_config import DedupConfig


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="What to print: a summary of the clusters, or the full result as JSON.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the JSON result to this file.")
@click.option("--graphml", "graphml_path", type=click.Path(dir_okay=False),
              help="Write the republication graph (edge = copied by) as GraphML.")
@dedup_options
@click.option("--input-format", type=click.Choice(["html", "markdown", "text"]),
              help="Treat every article input as this format instead of guessing.")
@click.option("--encoding", help="Decode input with this encoding instead of detecting it.")
@max_bytes_option()
def dedup(inputs: tuple[str, ...], fmt: str, json_path: str | None, graphml_path: str | None,
          dedup_config: DedupConfig, input_format: str | None, encoding: str | None, max_bytes: int) -> None:
    """Find copies among INPUTS: article files, folders, globs, URLs, and newstrace JSON analyses (.json, .jsonl)."""
    from newstrace.corpus import dedup as find_copies
    from newstrace.corpus.inputs import corpus_items

    items, failures = [], []
    for name, item in corpus_items(list(inputs), ReadOptions(max_bytes=max_bytes), fmt=input_format, encoding=encoding):
        (failures if isinstance(item, NewstraceError) else items).append((name, item))
    if not items:
        if len(failures) == 1:
            raise failures[0][1]
        if failures:
            raise NoArticleFound(f"none of the {len(failures)} inputs could be read")
        raise InputNotFound("no inputs found: no article files in " + ", ".join(inputs))  # as analyze says (exit 3)
    result = find_copies(items, dedup_config)
    _write(result, json_path, graphml_path)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else summary(result))
    if failures:
        report_failures(err for _, err in failures)
        raise batch_failed(len(failures), len(failures) + len(items), "compared")


def _write(result: DedupResult, json_path: str | None, graphml_path: str | None) -> None:
    from newstrace.corpus import write_graphml, write_json

    for path, writer in ((json_path, write_json), (graphml_path, write_graphml)):
        if not path:
            continue
        try:
            writer(result, path)
        except OSError as err:
            raise WriteFailed(f"cannot write: {err.strerror or err}", source=path) from None


def summary(result: DedupResult) -> str:
    """Clusters, biggest first: the earliest version, then each copy with how its direction was decided."""
    docs = result.documents
    copies = sum(len(c.members) - 1 for c in result.clusters)
    lines = [f"{len(docs)} documents ({len(result.skipped)} too short), {result.candidates} candidate pairs, "
             f"{len(result.pairs)} verified, {len(result.clusters)} clusters, {copies} copies"]
    for number, c in enumerate(result.clusters, 1):
        first = docs[c.earliest]
        lines.append(f"\ncluster {number}: {len(c.members)} versions; earliest {_label(first)} ({c.why})")
        for e in sorted(c.edges, key=lambda e: (e.source != c.earliest, e.source, e.target)):
            lines.append(f"  {_label(docs[e.source])} -> {_label(docs[e.target])}  "
                         f"[{e.reason}, jaccard {e.jaccard:.2f}, containment {e.containment:.2f}]")
    return "\n".join(lines)


def _label(doc) -> str:
    facts = ", ".join(x for x in (doc.outlet, doc.date) if x)
    return f"{doc.name}" + (f" ({facts})" if facts else "")
