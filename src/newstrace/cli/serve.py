"""``newstrace serve``: the web UI and JSON API over a store."""
from __future__ import annotations

import click

from newstrace.cli.main import cli
from newstrace.errors import ServeRefused
from newstrace.store.connection import DEFAULT_DB
from newstrace.web.settings import WebSettings


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, envvar="NEWSTRACE_DB",
              help="SQLite file (created if missing) or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs --token.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="NEWSTRACE_TOKEN", help="Secret needed to analyse and ingest (16+ characters). "
                                                       "Also read from NEWSTRACE_TOKEN.")
@click.option("--max-body", "max_body", type=int, default=2 * 1024 * 1024, show_default=True,
              help="Largest request body in bytes (a pasted article, an ingest batch).")
@click.option("--request-timeout", type=float, default=30.0, show_default=True, help="Seconds for a read request.")
@click.option("--analyse-timeout", type=float, default=120.0, show_default=True,
              help="Seconds a request waits for an analysis (fetching included).")
@click.option("--semantic/--no-semantic", default=None,
              help="Match claims with MiniLM embeddings (default: when the [semantic] extra is installed, as in "
                   "corroborate and report; loads torch in the server).")
@click.option("--allow-private-urls", "allow_private_urls", is_flag=True,
              help="Let analyse-by-URL fetch loopback, private and link-local addresses too (this machine, "
                   "its network, cloud metadata): only for a server no one else can reach.")
def serve(db: str, host: str, port: int, token: str | None, max_body: int, request_timeout: float,
          analyse_timeout: float, semantic: bool | None, allow_private_urls: bool) -> None:
    """Serve the web UI: search, article views, paste-to-analyse, speakers, outlets, republication, claims."""
    try:
        from newstrace.web.serve import serve as run_server
    except ImportError as err:
        raise ServeRefused(f"the web UI needs the [web] extra ({err.name} is missing): "
                           "pip install 'newstrace[web]'") from None

    run_server(WebSettings(db=db, host=host, port=port, token=token or None, max_body_bytes=max_body,
                           request_timeout=request_timeout, analyse_timeout=analyse_timeout, semantic=semantic,
                           allow_private_urls=allow_private_urls))
