"""Score extraction against the gold files in ../shared/data/samples: title, authors, date, body.

    python bench/extraction.py [PATH_TO_SHARED_DATA]

Body overlap is token F1 between our body paragraphs and the gold body (fundus gold), or whether the
gold's opening words open our body (whitehouse gold, which gives only the first words).
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402

from newstrace.extract import extract_html, extract_string  # noqa: E402
from newstrace.reading.decode import decode_bytes  # noqa: E402


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(ours: str, gold: str) -> float:
    a, b = Counter(tokens(ours)), Counter(tokens(gold))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * p * r / (p + r)


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).strip().lower()


def whitehouse(root: Path) -> list[dict]:
    folder = root / "samples" / "whitehouse_postlight"
    rows = []
    for gold in json.loads((folder / "gold.json").read_text()):
        text, _ = decode_bytes((folder / gold["file"]).read_bytes())
        article = extract_html(text, url=gold["url"])
        first = norm(gold.get("content_first_13_words") or gold.get("content_first_words"))
        rows.append({"set": "whitehouse", "doc": gold["file"],
                     "title": norm(article.title) == norm(gold["title"]),
                     "authors": None if not gold["author"] else article.authors == [gold["author"]],
                     "date": (article.published or "")[:10] == gold["date_published"][:10],
                     "body": 1.0 if norm(article.body_text()).startswith(first[:60]) else 0.0})
    return rows


def fundus(root: Path) -> list[dict]:
    folder = root / "samples" / "voa_fundus"
    if not folder.exists():
        return []
    gold = json.loads((folder / "VoiceOfAmerica.json").read_text())["V1"]
    meta = json.loads((folder / "meta.info.json").read_text())
    url = next(iter(meta.values()))["url"] if isinstance(meta, dict) and meta and isinstance(next(iter(meta.values())), dict) else None
    html = gzip.decompress((folder / "VoiceOfAmerica_2024_04_28.html.gz").read_bytes()).decode("utf-8")
    article = extract_html(html, url=url)
    body = " ".join(" ".join(s["paragraphs"]) for s in gold["body"]["sections"])
    return [{"set": "voa_fundus", "doc": "VoiceOfAmerica_2024_04_28",
             "title": norm(article.title) == norm(gold["title"]), "authors": article.authors == gold["authors"],
             "date": (article.published or "")[:10] == gold["publishing_date"][:10],
             "body": token_f1(article.body_text(), body)}]


def wikinews_datelines() -> list[dict]:
    from _corpus import wikinews_rows

    rows = []
    for row in wikinews_rows():
        if not re.match(r"^\w+day, \w+ \d{1,2}, \d{4}", row["text"]):
            continue  # only the texts that open with a dateline carry a date in their text
        article = extract_string(row["text"], fmt="text")
        rows.append({"set": "wikinews (dateline)", "doc": row["title"], "title": None, "authors": None,
                     "date": article.published == row["date"], "body": None})
    return rows


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED
    if not root.is_dir():
        print(f"no gold data at {root}; nothing to score")
        return
    rows = whitehouse(root) + fundus(root) + wikinews_datelines()
    print(f"{'set':<20} {'docs':>4} {'title':>7} {'authors':>8} {'date':>7} {'body':>7}")
    for name in dict.fromkeys(r["set"] for r in rows):
        group = [r for r in rows if r["set"] == name]
        cells = []
        for field in ("title", "authors", "date", "body"):
            values = [float(r[field]) for r in group if r[field] is not None]
            cells.append(f"{sum(values) / len(values):>7.2f}" if values else f"{'—':>7}")
        print(f"{name:<20} {len(group):>4} {cells[0]} {cells[1]:>8} {cells[2]} {cells[3]}")
    misses = [r for r in rows if any(r[f] is False or (isinstance(r[f], float) and r[f] < 0.9)
                                     for f in ("title", "authors", "date", "body"))]
    for r in misses[:10]:
        print("  miss:", r["set"], r["doc"][:60], {k: r[k] for k in ("title", "authors", "date", "body")})


if __name__ == "__main__":
    main()
