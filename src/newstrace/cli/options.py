"""Options shared by the commands that analyse articles (analyze, ingest, batch)."""
from __future__ import annotations

import click

semantic_option = click.option(
    "--semantic/--no-semantic", default=None,
    help="Score check-worthiness with MiniLM embeddings too (default: when the [semantic] extra is installed); "
         "--no-semantic is several times faster on a CPU.")
