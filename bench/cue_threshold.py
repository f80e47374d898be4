"""The learned cue detector's threshold checked end to end, without dev: train on part of train, score the rest.

    PYTHONPATH=src python bench/cue_threshold.py ../shared/data/polnear/train [--holdout 250] [--cache FILE]

The detector is trained (as ``training/cues.py`` does) on the texts after the first ``--holdout`` ones;
the whole attribution stage then runs on the held-out texts at several thresholds, and the token-overlap F1
of content, source and cue is printed for each (first row: no detector, the rules alone).
"""
from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path

from eval_attribution import ROLES, Tally, predicted, tokens

from newstrace.quotes import learned
from newstrace.quotes.extract import quotes_and_speakers

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # training/ (not installed)
from training import cues as recipe  # noqa: E402
from training.polnear import split_files  # noqa: E402

THRESHOLDS = (None, 0.70, 0.60, 0.54, 0.45, 0.35, 0.25)


def score(held, texts, detector) -> dict[str, float]:
    learned.load_detector = lambda folder=None: detector  # the stage looks the detector up here
    tallies = {role: Tally() for role in ROLES}
    for text, (doc, view, gold) in zip(texts, held):
        quotes, speakers = quotes_and_speakers(doc)
        preds = predicted(text, types.SimpleNamespace(quotes=view.remap(quotes), speakers=view.remap(speakers)))
        for role in ROLES:
            gold_all = set().union(set(), *(tokens(text, getattr(g, role)) for g in gold))
            pred_all = set().union(set(), *(tokens(text, p[role]) for p in preds))
            tallies[role].add(pred_all, gold_all, gold_all, pred_all)
    return {role: tally.prf()[2] for role, tally in tallies.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="PolNeAR train split folder")
    ap.add_argument("--holdout", type=int, default=250, help="the first N texts are held out")
    ap.add_argument("--cache", type=Path, help="DocBin cache of the split's parses (as training/cues.py)")
    args = ap.parse_args()
    if not (args.split / "text").is_dir():
        sys.exit(f"error: {args.split} has no text/ folder (expected a PolNeAR split)")
    parsed = recipe.parse_split(args.split, args.cache)
    held, rest = parsed[:args.holdout], parsed[args.holdout:]
    x, y, _, _ = recipe.examples(rest)
    model = recipe.fit(x, y)
    texts = [t.read_text(encoding="utf-8") for t, _ in split_files(args.split)[:args.holdout]]
    print(f"detector trained on {len(rest)} texts, scored on the first {len(held)}: token-overlap F1")
    for threshold in THRESHOLDS:
        detector = None if threshold is None else learned.CueDetector(
            model.coef_.ravel(), float(model.intercept_[0]), threshold, {})
        f1 = score(held, texts, detector)
        name = "rules only" if threshold is None else f"threshold {threshold:.2f}"
        print(f"{name:16} " + "  ".join(f"{role} {f1[role]:.3f}" for role in ROLES), flush=True)


if __name__ == "__main__":
    main()
