"""The end of ``make demo``: what the analysis found across the sample articles, in a few lines, and where the full
output went. Reads the ``NAME.json`` files ``newstrace analyze --out DIR -f json`` wrote and adds ``NAME.html``
(the report) beside each.

    python scripts/demo_summary.py build/demo
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newstrace.cli.store_options import rows_to_table
from newstrace.model import Analysis
from newstrace.report import for_display, render
from newstrace.report.build import read_analysis_json
from newstrace.report.summary import Summary, summarize


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the --out folder of newstrace analyze -f json")
    args = parser.parse_args(argv)
    found = sorted(args.folder.glob("*.json"))
    if not found:
        print(f"demo: no analyses in {args.folder}", file=sys.stderr)
        return 3
    analyses = [(path, read_analysis_json(str(path))) for path in found]
    for path, analysis in analyses:
        path.with_suffix(".html").write_text(render(analysis, "html"), encoding="utf-8")
    print(overview(analyses, args.folder), end="")
    return 0


def overview(analyses: list[tuple[Path, Analysis]], folder: Path) -> str:
    shown = [(path, analysis, summarize(for_display(analysis))) for path, analysis in analyses]
    rows = [{"article": a.article.title or path.stem, "quotes": len(for_display(a).quotes),
             "sources": f"{s.sourcing.distinct} ({s.sourcing.named} named, {s.sourcing.unnamed} unnamed)",
             "claims": len(a.claims), "inconsistent": len(s.inconsistent),
             "chain": s.chain if a.provenance else "—"} for path, a, s in shown]
    lines = [rows_to_table(rows, title=f"newstrace demo: {len(rows)} sample articles", width=120)]
    lines += [_totals(shown), *_inconsistent(shown)]
    lines += [f"Full output in {folder}/: NAME.json (every finding, the JSON schema) and NAME.html (the report: "
              "open it in a browser, the summary first).", "One article in the terminal: newstrace analyze FILE"]
    return "\n".join(lines) + "\n"


def _totals(shown: list[tuple[Path, Analysis, Summary]]) -> str:
    quotes = sum(len(for_display(a).quotes) for _, a, _ in shown)
    named = sum(s.sourcing.named for *_, s in shown)
    unnamed = sum(s.sourcing.unnamed for *_, s in shown)
    claims = sum(len(a.claims) for _, a, _ in shown)
    bad = sum(len(s.inconsistent) for *_, s in shown)
    one = sum(1 for *_, s in shown if s.sourcing.rests_on)
    return (f"Across the examples: {quotes} quotes from {named + unnamed} sources ({named} named, {unnamed} unnamed), "
            f"{claims} claims, {bad} number{'s that do' if bad != 1 else ' that does'} not add up; {one} article"
            f"{'s' if one != 1 else ''} resting on one source or one upstream outlet.")


def _inconsistent(shown: list[tuple[Path, Analysis, Summary]]) -> list[str]:
    return [f"  ✗ {path.stem}: {i.computation} — in “{_clip(i.sentence, 90)}”"
            for path, _, s in shown for i in s.inconsistent]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
