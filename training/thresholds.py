"""Choose the ``news`` threshold of each shipped check-worthiness model on news sentences labelled by hand.

    nice python -m training.thresholds --labels bench/data/checkworthy_news_wikinews.jsonl /work/labels/checkworthy_news.jsonl \
        --out src/newstrace/claims/weights

The labels (JSON lines ``{"article", "text", "label"}``, labelled by reading before any model scored them): the
Wikinews ones ship in ``bench/data``; the fundus_en ones are development data and stay outside the repository. For each model the threshold is the one with the best F1 among
those whose share of flagged sentences is within 10 points of the labelled share (precision first: a threshold that
flags far more than is there is not considered); ties take the middle. Writes ``thresholds.news`` of the
``"lexical"`` and ``"tuned"`` entries of ``checkworthy.json``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)
SHARE_MARGIN = 0.10


def read_labels(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def news_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The threshold (and its F1) with the best F1 among those flagging within ``SHARE_MARGIN`` of the true share."""
    true_share = labels.mean()
    allowed = [t for t in GRID if abs((scores >= t).mean() - true_share) <= SHARE_MARGIN] or list(GRID)
    f1s = np.array([f1_score(labels, scores >= t) for t in allowed])
    best = np.flatnonzero(f1s >= f1s.max() - 1e-9)
    i = int(best[len(best) // 2])
    return float(allowed[i]), float(f1s[i])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, nargs="+", required=True, help="hand-labelled news sentences (JSON lines)")
    parser.add_argument("--out", type=Path, required=True, help="the weights folder whose checkworthy.json to update")
    args = parser.parse_args(argv)
    from newstrace.claims.checkworthiness import load_model
    from newstrace.nlp.model import load_nlp

    rows = [row for path in args.labels for row in read_labels(path)]
    labels = np.array([int(r["label"]) for r in rows])
    docs = list(load_nlp(()).pipe((r["text"] for r in rows), batch_size=256))
    meta_path = args.out / "checkworthy.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    for entry, semantic in (("lexical", False), ("tuned", True)):
        model = load_model(semantic, args.out)
        if semantic and not model.semantic:
            print("tuned: skipped (the [semantic] extra cannot run here)")
            continue
        scores = model.score(docs)
        threshold, f1 = news_threshold(scores, labels)
        meta[entry]["thresholds"]["news"] = threshold
        print(f"{entry}: news threshold {threshold} (F1 {f1:.3f}, flags {(scores >= threshold).mean():.0%} of "
              f"{len(labels)} sentences; labelled share {labels.mean():.0%})")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
