"""``newstrace checkworthiness``: score sentences, one per line, for check-worthiness."""
from __future__ import annotations

import click

from newstrace.cli.main import cli
from newstrace.reading import ReadOptions
from newstrace.reading.decode import decode_bytes
from newstrace.reading.inputs import read_input


@cli.command()
@click.argument("file")
@click.option("--threshold", metavar="news|checkthat|NUMBER",
              help="Label Yes at or above this probability: news (the default, chosen on news sentences), checkthat "
                   "(best F1 on CheckThat! debates), or a number from 0 to 1.")
@click.option("--lexical", is_flag=True, help="Use the lexical model only, even when the [semantic] extra is installed.")
def checkworthiness(file: str, threshold: str | None, lexical: bool) -> None:
    """Score each line of FILE (or - for stdin): prints PROBABILITY<TAB>Yes|No per line, blank lines score 0."""
    raw = read_input(file, ReadOptions())  # a bad FILE is reported before the model loads
    from newstrace.claims.checkworthiness import checkworthiness as score_sentences

    text, _ = decode_bytes(raw.data, name=raw.name)
    lines = text.splitlines()
    for score, worthy in score_sentences(lines, semantic=False if lexical else None, threshold=threshold):
        click.echo(f"{score:.4f}\t{'Yes' if worthy else 'No'}")
