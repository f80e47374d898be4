"""Chain precision and recall over the provenance cases, and over real pages.

    PYTHONPATH=src python bench/provenance.py [--cases FILE ...] [--pages FILE] [--samples DIR] [--no-nlp] [-v]
    PYTHONPATH=src python bench/provenance.py --fresh FILE [--samples DIR] [-v]

The hand-written cases (tests/data/provenance_cases.json, provenance_holdout.json) are scored first. The
real pages (tests/data/provenance_realpages.json: page ids and the chains a reader wrote) are read from
``--samples`` (default ../shared/data/samples, dev-only, not in the repository); without it they are
skipped. Pages marked ``aside`` (kept for the last check) are reported apart from the others.
``--fresh FILE`` scores only that file of real-page cases (a set labelled by someone else, run once; a
``{"cases": [...]}`` object or a bare list), reported as part ``fresh``; it is skipped when the file is absent.

A link counts as found when outlet and role match (``outlets.same_outlet``); dates and journalists
are scored separately over the links that give them. The full pipeline (spaCy included) runs unless
``--no-nlp``.
"""
from __future__ import annotations

import argparse
import csv
import functools
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newstrace.extract import extract_article, extract_string  # noqa: E402
from newstrace.provenance import build_chain, outlets  # noqa: E402
from newstrace.reading import RawDocument  # noqa: E402
from provenance_eval import (PageScore, Score, case_document, load_cases, score_chain,  # noqa: E402
                             score_page)

PAGES = ROOT / "tests" / "data" / "provenance_realpages.json"
SAMPLES = ROOT.parent / "shared" / "data" / "samples"
DEFAULT = [ROOT / "tests" / "data" / "provenance_cases.json", ROOT / "tests" / "data" / "provenance_holdout.json"]


def chain_for(case: dict, nlp) -> list:
    text, fmt = case_document(case)
    article = extract_string(text, fmt=fmt, url=case.get("url"))
    if nlp is not None:
        from newstrace.nlp import parse_article
        parse_article(article, nlp)
    return build_chain(article)


def evaluate(path: Path, nlp, verbose: bool) -> None:
    cases = load_cases(path)
    total, by_role, details = Score(), {}, Counter()
    start = time.perf_counter()
    for case in cases:
        chain = chain_for(case, nlp)
        score = score_chain(case["expected"], chain, case["id"])
        total.add(score)
        for want in case["expected"]:
            hit = next((s for s in chain if s.role == want["role"] and outlets.same_outlet(s.name, want["name"])), None)
            by_role[want["role"]] = [a + b for a, b in zip(by_role.get(want["role"], [0, 0]), [bool(hit), 1])]
            for key in ("date", "journalist"):
                if key in want:
                    details[f"{key}_total"] += 1
                    details[f"{key}_right"] += bool(hit and getattr(hit, key) == want[key])
        forbidden = [n for n in case.get("forbid", []) if any(outlets.same_outlet(s.name, n) for s in chain)]
        details["forbidden_found"] += len(forbidden)
        if verbose and (score.misses or forbidden):
            print("   ", "; ".join(score.misses + [f"forbidden {n}" for n in forbidden]))
    seconds = time.perf_counter() - start
    print(f"{path.name}: {len(cases)} cases, {total.true_pos + total.false_neg} expected links: "
          f"precision {total.precision:.3f}, recall {total.recall:.3f} "
          f"(tp {total.true_pos}, fp {total.false_pos}, fn {total.false_neg}); "
          f"dates right {details['date_right']}/{details['date_total']}, "
          f"journalists right {details['journalist_right']}/{details['journalist_total']}, "
          f"forbidden names found {details['forbidden_found']}; {seconds:.1f} s")
    print("  recall by role: " + ", ".join(f"{role} {hit}/{n}" for role, (hit, n) in sorted(by_role.items())))


def page_document(case: dict, samples: Path, urls: dict[str, str]) -> RawDocument | None:
    """The page of a real-page case as a raw document, or None when its file is not there."""
    collection = case.get("collection") or ("wikinews" if "wikinews.org" in case["id"] else "fundus_en")
    if collection == "wikinews":
        row = wikinews_rows(samples).get(_url_key(case.get("url") or case["id"]))
        if row is None:
            return None
        data = f"{row['title']}\n\n{row['text']}".encode("utf-8")
        return RawDocument(name=case["id"], data=data, url=case["id"], content_type="text/plain")
    if collection == "fundus_en":
        path = samples / "fundus_en" / "html" / f"{case['id']}.html.gz"
        url = urls.get(case["id"])
    else:
        path = samples / collection / case["id"]
        url = None
    if not path.is_file():
        return None
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return RawDocument(name=case["id"], data=data, url=url, content_type="text/html")


@functools.lru_cache(maxsize=2)
def wikinews_rows(samples: Path) -> dict[str, dict]:
    """The Wikinews sample articles (plain text, CC BY 2.5) by URL."""
    rows: dict[str, dict] = {}
    for path in sorted((samples / "wikinews").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows.update({_url_key(row["url"]): row for row in csv.DictReader(f)})
    return rows


def _url_key(url: str) -> str:
    """A URL compared without its scheme and doubled slashes ("en.wikinews.org//wiki/X" is ".../wiki/X")."""
    host_path = url.strip().split("://", 1)[-1]
    return "/".join(part for part in host_path.split("/") if part)


def fundus_urls(samples: Path) -> dict[str, str]:
    gold = samples / "fundus_en" / "gold.jsonl"
    if not gold.is_file():
        return {}
    lines = [line for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {d["id"]: d["url"] for d in map(json.loads, lines)}


def page_chain(doc: RawDocument, nlp) -> list:
    article = extract_article(doc)
    if nlp is None:
        return build_chain(article)
    from newstrace.nlp import parse_articles
    for art, parsed, view in parse_articles([article], nlp):
        return build_chain(art, parsed, view, view.remap(parsed._.quotes or []))
    return []


def evaluate_pages(path: Path, samples: Path, nlp, verbose: bool, part: str | None = None) -> None:
    """Scores the real pages of ``path``; ``part`` puts every page in one part instead of its own."""
    cases = load_cases(path)
    urls = fundus_urls(samples)
    parts: dict[str, PageScore] = {"dev": PageScore(), "aside": PageScore()}
    skipped = 0
    start = time.perf_counter()
    for case in cases:
        doc = page_document(case, samples, urls)
        if doc is None:
            skipped += 1
            continue
        name = part or case.get("part") or ("aside" if case.get("aside") else "dev")
        misses = score_page(case, page_chain(doc, nlp), parts.setdefault(name, PageScore()))
        if verbose and misses:
            print(f"    {case['id']}: " + "; ".join(misses))
    for name, score in parts.items():
        if not score.pages and name in ("dev", "aside"):
            continue
        print(f"{path.name} [{name}]: {score.pages} pages: origin right {score.origin_right}/{score.pages} "
              f"({score.origin_rate:.1%}); links precision {score.links.precision:.3f}, recall {score.links.recall:.3f} "
              f"(tp {score.links.true_pos}, fp {score.links.false_pos}, fn {score.links.false_neg}); "
              f"forbidden names found {len(score.forbidden)}" + (f" {score.forbidden}" if verbose and score.forbidden else ""))
    print(f"  {skipped} pages not found under {samples}; {time.perf_counter() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, nargs="*", default=DEFAULT)
    parser.add_argument("--pages", type=Path, default=PAGES, help="real-page cases (ids and expected chains)")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="folder with fundus_en/ and the other samples")
    parser.add_argument("--no-pages", action="store_true", help="only the hand-written cases")
    parser.add_argument("--fresh", type=Path, help="score only this file of real-page cases, as part 'fresh'")
    parser.add_argument("--no-nlp", action="store_true", help="skip spaCy (body rules then see no entities)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.fresh is not None and not args.fresh.is_file():
        print(f"{args.fresh}: not found, fresh set skipped")
        return
    nlp = None
    if not args.no_nlp:
        from newstrace.pipeline import pipeline_nlp
        nlp = pipeline_nlp()
    if args.fresh is not None:
        _pages(args.fresh, args.samples, nlp, args.verbose, part="fresh")
        return
    for path in args.cases:
        if path.is_file():
            evaluate(path, nlp, args.verbose)
        else:
            print(f"{path}: not found, skipped")
    if args.no_pages:
        return
    _pages(args.pages, args.samples, nlp, args.verbose)


def _pages(path: Path, samples: Path, nlp, verbose: bool, part: str | None = None) -> None:
    if not path.is_file():
        print(f"{path}: not found, real pages skipped")
    elif not samples.is_dir():
        print(f"{path.name}: samples folder {samples} not found, real pages skipped")
    else:
        try:
            evaluate_pages(path, samples, nlp, verbose, part)
        except (ValueError, KeyError, TypeError) as err:  # a malformed cases file: one line, not a traceback
            sys.exit(f"{path}: not a real-page cases file ({type(err).__name__}: {err})")


if __name__ == "__main__":
    main()
