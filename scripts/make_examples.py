"""Rebuild examples/ from the shippable samples in ../shared/data/samples (run from the repo root).

    python scripts/make_examples.py [../shared/data/samples]
"""
from __future__ import annotations

import csv
import gzip
import shutil
import sys
from pathlib import Path

WIKINEWS_TITLES = [
    "Paris court jails two police in high-profile rape case",
    "Georgian tennis player Nikoloz Basilashvili arrested on domestic violence charges",
    "Magnitogorsk apartment building collapses after explosion, dozens dead",
    "US President Trump announces troop withdrawal from Syria",
    "Hong Kong leader announces withdrawal of extradition bill",
]
WHITEHOUSE = ["obamawhitehouse.archives.gov.html", "obamawhitehouse.archives.gov--speeches.html",
              "obamawhitehouse.archives.gov--blog.html", "obamawhitehouse.archives.gov--empty.html"]
LICENCE_LINE = ("Text from Wikinews (Wikinews contributors), licensed under CC BY 2.5 "
                "(https://creativecommons.org/licenses/by/2.5/). Unchanged apart from the added title and these lines.")


def main(samples: Path, out: Path) -> None:
    out.mkdir(exist_ok=True)
    for name in WHITEHOUSE:
        shutil.copyfile(samples / "whitehouse_postlight" / name, out / name)
    rows = {}
    for year in ("2019", "2020"):
        with open(samples / "wikinews" / f"wikinews_{year}.csv", encoding="utf-8", newline="") as handle:
            rows.update({r["title"]: r for r in csv.DictReader(handle)})
    for i, title in enumerate(t for t in rows if any(t.startswith(w[:40]) for w in WIKINEWS_TITLES)):
        row = rows[title]
        url = row["url"].replace("org//wiki", "org/wiki")
        body = row["text"].strip()
        text = (f"{title}\n\n{body}\n\n"
                f"This article was originally published by Wikinews on {row['date']} at {url}\n\n{LICENCE_LINE}\n")
        slug = "wikinews-" + "".join(c if c.isalnum() else "-" for c in title.lower())[:50].strip("-")
        if i == 0:  # one as Markdown, one gzipped: the demo reads every kind of input we support
            md = text.replace(title, f"# {title}", 1).replace(url, f"[{url}]({url})")
            (out / f"{slug}.md").write_text(md, encoding="utf-8")
        elif i == 1:
            with gzip.open(out / f"{slug}.txt.gz", "wt", encoding="utf-8") as handle:
                handle.write(text)
        else:
            (out / f"{slug}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "samples", root / "examples")
