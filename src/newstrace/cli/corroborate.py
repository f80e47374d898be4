"""``newstrace corroborate``: who else in the store says the same thing, or the opposite, by independent origin."""
from __future__ import annotations

import json

import click

from newstrace.cli.main import cli
from newstrace.cli.store_options import emit_rows, format_option, open_existing, store_options


@cli.command()
@click.argument("ref", required=False)
@store_options
@format_option
@click.option("--claim", "claim", help="One claim, as ARTICLE_ID:CLAIM_ID (article id prefix allowed).")
@click.option("--semantic/--no-semantic", default=None,
              help="Use MiniLM embeddings (default: when the [semantic] extra is installed, as in report and serve).")
@click.option("--candidates", "k", type=int, default=50, show_default=True, help="Candidates retrieved per claim.")
@click.option("--recluster", is_flag=True,
              help="First regroup stored articles into copies with the near-duplicate fallback (MinHash).")
def corroborate(ref: str | None, db: str, busy_timeout: float, fmt: str, claim: str | None,
                semantic: bool | None, k: int, recluster: bool) -> None:
    """For each claim of article REF (or of every article, or --claim), count independent origins
    that support and contradict it, each named by outlet and date with its claim and article."""
    from newstrace.corpus.corroboration import matching_name
    from newstrace.store import corroborate as store_corroborate
    from newstrace.store.copies import assign_copies

    with open_existing(db, busy_timeout) as store:  # a mistyped --db is refused (exit 24), not created empty
        if recluster:
            assign_copies(store)
        results = list(store_corroborate.corroborate(store, claim=claim, article=ref, semantic=semantic, k=k))
    matching = matching_name(semantic)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    elif fmt == "csv" or not results:
        emit_rows([_row(r.to_dict()) for r in results], fmt, title=f"corroboration ({matching} matching)",
                  empty="no claims in the store")
    else:
        click.echo(f"corroboration: {len(results)} claim{'s' if len(results) != 1 else ''}, "
                   f"{matching} matching\n")
        click.echo("".join(_block(r.to_dict()) for r in results), nl=False)


def _row(found: dict) -> dict:
    claim = found["claim"]
    return {"outlet": claim["outlet"], "published": (claim["published"] or "")[:10], "claim": claim["text"],
            "summary": found["summary"], "matching": found["matching"],
            "support": "; ".join(o["label"] for o in found["supporting"]),
            "contradict": "; ".join(o["label"] for o in found["contradicting"])}


def _block(found: dict) -> str:
    """One claim: its text and article, the summary, then each other origin with its claims (and, for a
    contradiction, the rule and the two spans it read)."""
    claim = found["claim"]
    lines = [f"“{claim['text']}”", f"  {_where(claim)}", f"  {found['summary']}"]
    for heading, origins in (("supports", found["supporting"]), ("contradicts", found["contradicting"])):
        others = [(o, [c for c in o["claims"] if c["key"] != claim["key"]]) for o in origins]
        others = [(o, claims) for o, claims in others if claims]
        if not others:
            continue
        lines.append(f"  {heading}:")
        for origin, claims in others:
            shared = f" [{', '.join(origin['shared'])}]" if origin["shared"] else ""
            lines.append(f"    {origin['label']}{shared}")
            for c in claims:
                lines.append(f"      “{c['text']}”  — {_article(c)}")
                lines += [f"        {_evidence(e)}" for e in c.get("evidence", [])]
    return "\n".join(lines) + "\n\n"


def _where(claim: dict) -> str:
    date = (claim["published"] or "")[:10]
    return f"{claim['outlet']}{', ' + date if date else ''} — {_article(claim)}"


def _article(claim: dict) -> str:
    title, url = claim.get("title"), claim.get("url")
    if title and url:
        return f"{title} ({url})"
    return title or url or "(article without title or URL)"


def _evidence(e: dict) -> str:
    return f"{e['reason']}: “{e['claim']['text']}” vs “{e['other']['text']}”"
