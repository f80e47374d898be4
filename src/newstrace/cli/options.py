"""Options shared by several commands (analyze, ingest, batch, dedup), each defined once."""
from __future__ import annotations

import functools

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


_SHARE = click.FloatRange(0.0, 1.0)
# DedupConfig's defaults, written out so that --help does not import the corpus tools (numpy, datasketch,
# trafilatura: seconds); tests/test_cli_startup.py checks that they agree.
DEDUP_DEFAULTS = {"shingle": 5, "num_perm": 128, "threshold": 0.3, "jaccard": 0.7, "containment": 0.8,
                  "min_words": 20, "index": "bands"}
_DEDUP_OPTIONS = (
    click.option("--shingle", type=click.IntRange(1, 20), default=DEDUP_DEFAULTS["shingle"], show_default=True,
                 help="Words per shingle."),
    click.option("--num-perm", type=click.IntRange(16, 1024), default=DEDUP_DEFAULTS["num_perm"], show_default=True,
                 help="MinHash permutations."),
    click.option("--threshold", type=_SHARE, default=DEDUP_DEFAULTS["threshold"], show_default=True,
                 help="Jaccard level the LSH bands are tuned for (candidates)."),
    click.option("--jaccard", type=_SHARE, default=DEDUP_DEFAULTS["jaccard"], show_default=True,
                 help="Exact Jaccard at or above which a candidate is a copy."),
    click.option("--containment", type=_SHARE, default=DEDUP_DEFAULTS["containment"], show_default=True,
                 help="Share of one text inside the other at or above which it is a copy."),
    click.option("--min-words", type=click.IntRange(1), default=DEDUP_DEFAULTS["min_words"], show_default=True,
                 help="Shorter texts are not compared."),
    click.option("--index", type=click.Choice(["bands", "datasketch"]), default=DEDUP_DEFAULTS["index"],
                 show_default=True,
                 help="How LSH buckets are built: numpy over all bands, or datasketch's MinHashLSH (same candidates)."),
)


def dedup_options(command):
    """The near-duplicate settings of ``dedup`` and ``batch``, defined once: the command receives them as one
    ``dedup_config`` (a ``DedupConfig``) instead of one argument per option."""
    @functools.wraps(command)
    def with_config(*args, **kwargs):
        from newstrace.corpus.dedup_config import DedupConfig

        kwargs["dedup_config"] = DedupConfig(**{name: kwargs.pop(name) for name in DEDUP_DEFAULTS})
        return command(*args, **kwargs)
    for option in reversed(_DEDUP_OPTIONS):
        with_config = option(with_config)
    return with_config
