"""Chain precision and recall over the provenance cases (tests/data/provenance_cases.json).

    PYTHONPATH=src python bench/provenance.py [--cases FILE ...] [--no-nlp] [-v]

A link counts as found when outlet and role match (``outlets.same_outlet``); dates and journalists
are scored separately over the links that give them. The full pipeline (spaCy included) runs unless
``--no-nlp``.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newstrace.extract import extract_string  # noqa: E402
from newstrace.provenance import build_chain, outlets  # noqa: E402
from newstrace.provenance.evaluate import Score, case_document, load_cases, score_chain  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, nargs="*", default=DEFAULT)
    parser.add_argument("--no-nlp", action="store_true", help="skip spaCy (body rules then see no entities)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    nlp = None
    if not args.no_nlp:
        from newstrace.pipeline import pipeline_nlp
        nlp = pipeline_nlp()
    for path in args.cases:
        if path.is_file():
            evaluate(path, nlp, args.verbose)
        else:
            print(f"{path}: not found, skipped")


if __name__ == "__main__":
    main()
