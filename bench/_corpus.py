"""Sample articles for the benchmarks: examples/ plus, when ../shared is present, the Wikinews texts."""
from __future__ import annotations

import csv
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared" / "data"))


def sample_documents(limit: int | None = None) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` pairs: the bundled examples first, then Wikinews articles as plain text."""
    from newstrace.reading import read_input

    docs = [(str(p), read_input(str(p)).data) for p in sorted((ROOT / "examples").iterdir()) if p.name != "NOTICE"]
    for row in wikinews_rows():
        docs.append((row["url"] + ".txt", f"{row['title']}\n\n{row['text']}".encode("utf-8")))
    return docs[:limit] if limit else docs


def wikinews_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for year in ("2019", "2020"):
        path = SHARED / "samples" / "wikinews" / f"wikinews_{year}.csv"
        if path.exists():
            with open(path, encoding="utf-8", newline="") as handle:
                rows += [r for r in csv.DictReader(handle)
                         if not r["title"].startswith("TEST PAGE") and "pre-publication review" not in r["text"][:300]]
    return rows
