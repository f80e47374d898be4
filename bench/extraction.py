"""Score extraction against the gold files in ../shared/data/samples: title, authors, date, body.

    python bench/extraction.py [PATH_TO_SHARED_DATA] [--by-page]

Body overlap is token F1 between our body paragraphs and the gold body (fundus gold), or whether the
gold's opening words open our body (whitehouse gold, which gives only the first words). On fundus_en,
trafilatura's bare extraction (``bare_extraction(with_metadata=True)``) is scored in the same run, on the
same bytes, taking turns page by page, so the pages/s ratio compares like with like. fundus_en is also
scored in two parts: "held" is every 4th page by sorted id (ids 3, 7, 11, ...), kept aside while the rules
were written and read only for a last check; "tune" is the rest. "title" is an exact match (case and white space
aside); "title~" also ignores quote and dash styles (straight or curly), which the gold does not keep consistently.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402

from newstrace.errors import NewstraceError  # noqa: E402
from newstrace.extract import extract_article, extract_html, extract_string  # noqa: E402
from newstrace.reading.decode import decode_bytes  # noqa: E402
from newstrace.reading.document import RawDocument  # noqa: E402


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


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def loose(text: str | None) -> str:
    """The title as compared by "title~": case, white space, quote and dash styles ignored."""
    return norm((text or "").translate(_TYPOGRAPHY))


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


def same_names(ours: list[str], gold: list[str]) -> bool:
    """Author lists agree when they name the same people, ignoring case and order."""
    return {norm(a) for a in ours} == {norm(a) for a in gold}


def same_day(ours: str | None, gold: str | None) -> bool:
    """The published day agrees as written, or in the gold's time zone when both carry one."""
    if not ours or not gold:
        return False
    if ours[:10] == gold[:10]:
        return True
    from datetime import datetime

    try:
        a, b = datetime.fromisoformat(ours), datetime.fromisoformat(gold)
    except ValueError:
        return False
    if a.tzinfo is None or b.tzinfo is None:
        return False
    return a.astimezone(b.tzinfo).date() == b.date()


def fundus_en(root: Path) -> list[dict]:
    """Each fundus_en page read by newstrace and by trafilatura, turn about; one row per tool and page."""
    import trafilatura

    folder = root / "samples" / "fundus_en"
    if not (folder / "gold.jsonl").exists():
        return []
    rows = []
    golds = sorted((json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()),
                   key=lambda g: g["id"])
    for index, gold in enumerate(golds):
        data = gzip.decompress((folder / "html" / f"{gold['id']}.html.gz").read_bytes())
        start = time.perf_counter()
        try:
            article = extract_article(RawDocument(name=gold["id"] + ".html", data=data, url=gold["url"]))
            ours = {"title": article.title, "authors": article.authors, "date": article.published,
                    "body": article.body_text()}
        except NewstraceError as err:
            ours = {"title": None, "authors": [], "date": None, "body": "", "error": str(err)}
        except Exception as err:  # a crash is scored as an empty result and named, not hidden
            ours = {"title": None, "authors": [], "date": None, "body": "", "error": f"CRASH {err!r}"[:120]}
        ours["seconds"] = time.perf_counter() - start
        start = time.perf_counter()
        doc = trafilatura.bare_extraction(data, url=gold["url"], with_metadata=True)
        theirs = {"title": doc.title if doc else None, "date": doc.date if doc else None,
                  "authors": [a.strip() for a in re.split(r";|,", doc.author or "")] if doc and doc.author else [],
                  "body": (doc.text or "") if doc else ""}
        theirs["seconds"] = time.perf_counter() - start
        for tool, got in (("newstrace", ours), ("trafilatura", theirs)):
            rows.append({"set": f"fundus_en {tool}", "doc": gold["id"], "seconds": got["seconds"],
                         "part": "held" if index % 4 == 3 else "tune",
                         "title": norm(got["title"]) == norm(gold["title"]),
                         "title~": loose(got["title"]) == loose(gold["title"]),
                         "authors": same_names(got["authors"], gold["authors"] or []),
                         "date": same_day(got["date"], gold["published"]),
                         "body": token_f1(got["body"], gold["text"]), "error": got.get("error")})
    return rows


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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(args[0]) if args else SHARED
    if not root.is_dir():
        print(f"no gold data at {root}; nothing to score")
        return
    rows = fundus_en(root) + whitehouse(root) + fundus(root) + wikinews_datelines()
    print(f"{'set':<28} {'docs':>4} {'title':>7} {'title~':>7} {'authors':>8} {'date':>7} {'body':>7} {'min body':>8} "
          f"{'pages/s':>8}")
    groups = {name: [r for r in rows if r["set"] == name] for name in dict.fromkeys(r["set"] for r in rows)}
    for part in ("tune", "held"):
        for tool in ("newstrace", "trafilatura"):
            groups[f"  {tool} {part}"] = [r for r in rows if r["set"] == f"fundus_en {tool}" and r.get("part") == part]
    for name, group in groups.items():
        if not group:
            continue
        cells = []
        for field in ("title", "title~", "authors", "date", "body"):
            values = [float(r[field]) for r in group if r.get(field) is not None]
            cells.append(f"{sum(values) / len(values):>7.3f}" if values else f"{'—':>7}")
        bodies = [r["body"] for r in group if r["body"] is not None]
        lowest = f"{min(bodies):>8.3f}" if bodies else f"{'—':>8}"
        seconds = sum(r.get("seconds", 0.0) for r in group)
        speed = f"{len(group) / seconds:>8.1f}" if seconds else f"{'—':>8}"
        print(f"{name:<28} {len(group):>4} {cells[0]} {cells[1]} {cells[2]:>8} {cells[3]} {cells[4]} {lowest} {speed}")
    _print_ratio(rows)
    if "--by-page" in sys.argv:
        for r in rows:
            if r["set"].startswith("fundus_en"):
                print(f"  {r['set'][10:]:<12} {r['part']} {r['doc']:<34} title={int(r['title'])} authors={int(r['authors'])} "
                      f"date={int(r['date'])} body={r['body']:.3f}" + (f" error={r['error']}" if r.get("error") else ""))
        return
    misses = [r for r in rows if not r["set"].endswith("trafilatura") and
              any(r[f] is False or (isinstance(r[f], float) and r[f] < 0.9) for f in ("title", "authors", "date", "body"))]
    for r in misses[:40]:
        print("  miss:", r["set"], r["doc"][:60], {k: r[k] for k in ("title", "authors", "date", "body")})


def _print_ratio(rows: list[dict]) -> None:
    ours = sum(r["seconds"] for r in rows if r["set"] == "fundus_en newstrace")
    theirs = sum(r["seconds"] for r in rows if r["set"] == "fundus_en trafilatura")
    if ours and theirs:
        print(f"fundus_en pages/s, newstrace / trafilatura: {theirs / ours:.2f}")

if __name__ == "__main__":
    main()
