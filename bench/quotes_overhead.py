"""What attribution costs on top of the bare spaCy parse (target: at most +25%).

    PYTHONPATH=src python bench/quotes_overhead.py [FOLDER_OF_TXT_FILES] [--rounds 3]

Runs the same texts through the pipeline's spaCy model with and without ``newstrace_quotes``
(alternating, N rounds each) and prints both times (median, and best of) and their ratio.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newstrace.pipeline import pipeline_nlp

ROOT = Path(__file__).resolve().parent.parent


def load_texts(folder: Path) -> list[str]:
    files = sorted(folder.rglob("*.txt")) or sorted(p for p in folder.rglob("*") if p.is_file())
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def timed(nlp, texts: list[str], disable: list[str]) -> float:
    with nlp.select_pipes(disable=disable):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, nargs="?", default=ROOT / "examples")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = load_texts(args.folder)
    nlp = pipeline_nlp()
    timed(nlp, texts[:5], [])  # warm up
    bare, full = [], []
    for _ in range(args.rounds):
        bare.append(timed(nlp, texts, ["newstrace_quotes"]))
        full.append(timed(nlp, texts, []))
    words = sum(len(t.split()) for t in texts)
    b, f = statistics.median(bare), statistics.median(full)
    print(f"texts: {len(texts)}  words: {words}  rounds: {args.rounds} (median; best of in brackets)")
    print(f"bare spaCy parse:        {b:7.2f}s  ({words / b:,.0f} words/s)  [{min(bare):.2f}s]")
    print(f"parse + newstrace_quotes: {f:7.2f}s  ({words / f:,.0f} words/s)  [{min(full):.2f}s]")
    best = 100 * (min(full) - min(bare)) / min(bare)
    print(f"attribution overhead: {100 * (f - b) / b:+.1f}% [{best:+.1f}%] (target <= +25%)")


if __name__ == "__main__":
    main()
