"""``newstrace dedup``: find copies across articles and who copied whom."""
from __future__ import annotations

import json
from types import SimpleNamespace
from typing import TYPE_CHECKING

import click

from newstrace.cli.main import cli
from newstrace.errors import BatchFailed, InputNotFound, NewstraceError, NoArticleFound, WriteFailed
from newstrace.reading import ReadOptions
from newstrace.reading.document import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from newstrace.corpus import DedupResult

_SHARE = click.FloatRange(0.0, 1.0)
# DedupConfig's defaults, written out so that --help does not import the corpus tools (numpy, datasketch,
# trafilatura: seconds); tests/test_cli_startup.py checks that they agree.
_DEFAULT = SimpleNamespace(shingle=5, num_perm=128, threshold=0.3, jaccard=0.7, containment=0.8, min_words=20,
                           index="bands")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="What to print: a summary of the clusters, or the full result as JSON.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the JSON result to this file.")
@click.option("--graphml", "graphml_path", type=click.Path(dir_okay=False),
              help="Write the republication graph (edge = copied by) as GraphML.")
@click.option("--shingle", type=click.IntRange(1, 20), default=_DEFAULT.shingle, show_default=True,
              help="Words per shingle.")
@click.option("--num-perm", type=click.IntRange(16, 1024), default=_DEFAULT.num_perm, show_default=True,
              help="MinHash permutations.")
@click.option("--threshold", type=_SHARE, default=_DEFAULT.threshold, show_default=True,
              help="Jaccard level the LSH bands are tuned for (candidates).")
@click.option("--jaccard", type=_SHARE, default=_DEFAULT.jaccard, show_default=True,
              help="Exact Jaccard at or above which a candidate is a copy.")
@click.option("--containment", type=_SHARE, default=_DEFAULT.containment, show_default=True,
              help="Share of one text inside the other at or above which it is a copy.")
@click.option("--min-words", type=click.IntRange(1), default=_DEFAULT.min_words, show_default=True,
              help="Shorter texts are not compared.")
@click.option("--index", type=click.Choice(["bands", "datasketch"]), default=_DEFAULT.index, show_default=True,
              help="How LSH buckets are built: numpy over all bands, or datasketch's MinHashLSH (same candidates).")
@click.option("--input-format", type=click.Choice(["html", "markdown", "text"]),
              help="Treat every article input as this format instead of guessing.")
@click.option("--encoding", help="Decode input with this encoding instead of detecting it.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse inputs larger than this.")
def dedup(inputs: tuple[str, ...], fmt: str, json_path: str | None, graphml_path: str | None, shingle: int,
          num_perm: int, threshold: float, jaccard: float, containment: float, min_words: int, index: str,
          input_format: str | None, encoding: str | None, max_bytes: int) -> None:
    """Find copies among INPUTS: article files, folders, globs, URLs, and newstrace JSON analyses (.json, .jsonl)."""
    from newstrace.corpus import DedupConfig, dedup as find_copies
    from newstrace.corpus.inputs import corpus_items

    config = DedupConfig(shingle=shingle, num_perm=num_perm, threshold=threshold, jaccard=jaccard,
                         containment=containment, min_words=min_words, index=index)
    items, failures = [], []
    for name, item in corpus_items(list(inputs), ReadOptions(max_bytes=max_bytes), fmt=input_format, encoding=encoding):
        (failures if isinstance(item, NewstraceError) else items).append((name, item))
    if not items:
        if len(failures) == 1:
            raise failures[0][1]
        if failures:
            raise NoArticleFound(f"none of the {len(failures)} inputs could be read")
        raise InputNotFound("no inputs found: no article files in " + ", ".join(inputs))  # as analyze says (exit 3)
    result = find_copies(items, config)
    _write(result, json_path, graphml_path)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else summary(result))
    if failures:
        for _, err in failures:
            click.echo(f"newstrace: failed: {err}", err=True)
        raise BatchFailed(f"{len(failures)} of {len(failures) + len(items)} inputs failed (listed above); "
                          "the others were compared")


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
