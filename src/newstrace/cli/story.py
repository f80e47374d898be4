"""``newstrace story``: everything the store knows about one article."""
from __future__ import annotations

import json

import click

from newstrace.cli.main import cli
from newstrace.cli.store_options import emit_rows, format_option, open_existing, store_options


@cli.command()
@click.argument("ref")
@store_options
@format_option
def story(ref: str, db: str, busy_timeout: float, fmt: str) -> None:
    """Show the article REF (id, id prefix, URL or path): its versions, copies, chain, quotes and claims."""
    from newstrace.store import query

    with open_existing(db, busy_timeout) as store:
        found = query.story(store, ref)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for title, rows in story_sections(found):
        if fmt == "csv":
            click.echo(f"# {title}")
        emit_rows(rows, fmt, title=title, empty="none")


def story_sections(found: dict) -> list[tuple[str, list[dict]]]:
    """The story as titled row lists (table and CSV output)."""
    art = found["article"]
    head = [{"id": art["id"], "title": art["title"], "outlet": art["outlet"], "url": art["url"],
             "published": art["published"], "authors": ", ".join(art["authors"])}]
    span = lambda d: {"start": d["span"]["start"], "end": d["span"]["end"], "text": d["span"]["text"]}  # noqa: E731
    return [
        ("article", head),
        ("versions", found["versions"]),
        ("copies", found["copies"]),
        ("chain", [{k: s[k] for k in ("name", "role", "date", "url")} for s in found["provenance"]]),
        ("speakers", [{k: s[k] for k in ("id", "name", "kind", "role", "affiliation")} for s in found["speakers"]]),
        ("quotes", [{"id": q["id"], "kind": q["kind"], "speaker": q["speaker_id"], **span(q)}
                    for q in found["quotes"]]),
        ("claims", [{"id": c["id"], "score": c["score"], **span(c)} for c in found["claims"]]),
        ("checks", [{k: c[k] for k in ("claim_id", "kind", "verdict", "computation")} for c in found["checks"]]),
    ]
