"""Options shared by the commands that analyse articles (analyze, ingest, batch)."""
from __future__ import annotations

import click

semantic_option = click.option(
    "--semantic/--no-semantic", default=None,
    help="Score check-worthiness with MiniLM embeddings too (default: when the [semantic] extra is installed); "
         "--no-semantic is several times faster on a CPU.")

allow_private_option = click.option(
    "--allow-private-urls", "allow_private_urls", is_flag=True,
    help="Also fetch URLs on loopback, private and link-local addresses (your own machine and network); "
         "by default only public addresses are fetched.")


def _types(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    from newstrace.report import parse_types

    try:
        return parse_types(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


types_option = click.option(
    "--types", "types", callback=_types, metavar="TYPES",
    help="Quote types to show: a comma-separated list of speech, writing, evidence, belief, question, or 'all' "
         "(default: speech,writing). JSON always keeps every type, each with its 'type'.")


def max_bytes_option(help: str = "Refuse inputs larger than this."):
    from newstrace.reading.document import DEFAULT_MAX_BYTES

    return click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                        help=help)


timeout_option = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0,
                              show_default=True, help="Seconds to wait for a URL (the whole fetch).")
