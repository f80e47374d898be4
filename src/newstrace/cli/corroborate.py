"""``newstrace corroborate``: who else in the store says the same thing, or the opposite, by independent origin."""
from __future__ import annotations

import json

import click

from newstrace.cli.main import cli
from newstrace.cli.store_options import emit_rows, format_option, options_for, store_options


@cli.command()
@click.argument("ref", required=False)
@store_options
@format_option
@click.option("--claim", "claim", help="One claim, as ARTICLE_ID:CLAIM_ID (article id prefix allowed).")
@click.option("--semantic/--no-semantic", default=None,
              help="Use MiniLM embeddings (default: when the [semantic] extra is installed).")
@click.option("--candidates", "k", type=int, default=50, show_default=True, help="Candidates retrieved per claim.")
@click.option("--recluster", is_flag=True,
              help="First regroup stored articles into copies with the near-duplicate fallback (MinHash).")
def corroborate(ref: str | None, db: str, busy_timeout: float, fmt: str, claim: str | None,
                semantic: bool | None, k: int, recluster: bool) -> None:
    """For each claim of article REF (or of every article, or --claim), count independent origins
    that support and contradict it."""
    from newstrace.store import corroborate as store_corroborate
    from newstrace.store import open_store
    from newstrace.store.copies import assign_copies

    with open_store(db, options_for(busy_timeout)) as store:
        if recluster:
            assign_copies(store)
        results = list(store_corroborate.corroborate(store, claim=claim, article=ref, semantic=semantic, k=k))
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        return
    emit_rows([_row(r) for r in results], fmt, title="corroboration", empty="no claims in the store")


def _row(result) -> dict:
    return {"claim": result.claim.key.split(":")[0][:12] + ":" + result.claim.key.split(":")[1],
            "supporting": len(result.supporting), "contradicting": len(result.contradicting),
            "single_origin": result.single_origin,
            "support": "; ".join(o.label for o in result.supporting),
            "contradict": "; ".join(o.label for o in result.contradicting),
            "text": result.claim.text}
