"""Train the lexical check-worthiness model (the torch-free fallback) and calibrate it on a shifted block.

    nice python -m training.checkworthiness --data ../shared/data/checkworthy --cache /tmp/cw --out src/newstrace/claims/weights

Run from the repository root. The shipped model is a logistic regression (C=3, class-balanced) over the lexical
features (``newstrace.claims.features``) of CheckThat! 2024 train + dev, less the texts seen with both labels.
Its *twin*, trained the same way on the earlier 80% of train by sentence id (de-duplicated), scores the latest 20%
(the chronological block, 4,501 sentences from debates it has not seen); a logistic map of its logit fitted there
(Platt scaling) makes the shipped score a probability, and the threshold with the best F1 of the 5-fold
cross-validated calibrated scores is the ``checkthat`` threshold. dev-test is only reported. Writes
``checkworthy.npz`` and the ``"lexical"`` entry of ``checkworthy.json``; ``--cache`` keeps the parsed features.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from newstrace.claims.checkworthiness import logit
from newstrace.claims.data import SPLITS, read_split
from newstrace.claims.features import lexical_matrix

LEXICAL_C = 3.0
CHRONO_QUANTILE = 0.8
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)


def featurise(data: Path, split: str, cache: Path | None, nlp) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Lexical matrix and labels of one split (cached under ``cache`` when given)."""
    examples = read_split(data, split)
    labels = np.array([e.label for e in examples])
    path = cache / f"lex_{split}.npz" if cache else None
    if path and path.exists():
        return sparse.load_npz(path), labels
    lex = lexical_matrix(nlp.pipe((e.text for e in examples), batch_size=256))
    if path:
        sparse.save_npz(path, lex)
    return lex, labels


def fit_lexical(x, y) -> LogisticRegression:
    return LogisticRegression(C=LEXICAL_C, class_weight="balanced", max_iter=3000).fit(x, y)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 (the middle one of a tie), and that F1."""
    f1s = np.array([f1_score(labels, scores >= t) for t in THRESHOLDS])
    best = np.flatnonzero(f1s >= f1s.max() - 1e-9)
    i = int(best[len(best) // 2])
    return float(THRESHOLDS[i]), float(f1s[i])


def normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def conflicting(texts: list[str], labels: np.ndarray) -> np.ndarray:
    """Mask of rows whose normalised text also occurs with the other label (label noise, dropped)."""
    keys = [normalised(t) for t in texts]
    seen: dict[str, set[int]] = {}
    for key, label in zip(keys, labels):
        seen.setdefault(key, set()).add(int(label))
    return np.array([len(seen[k]) > 1 for k in keys])


def deduplicated(texts: list[str], labels: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``rows`` less repeated texts (the first kept) and texts seen with both labels."""
    clash = conflicting(texts, labels)
    seen: set[str] = set()
    keep = np.zeros(len(texts), bool)
    for i in np.flatnonzero(rows & ~clash):
        key = normalised(texts[i])
        if key not in seen:
            seen.add(key)
            keep[i] = True
    return keep


def chronological_block(ids: np.ndarray) -> np.ndarray:
    """Mask of the latest 20% of train by sentence id (the ids follow the debates in time)."""
    return ids >= np.quantile(ids, CHRONO_QUANTILE)


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """``(a, b)`` of the calibrated probability sigmoid(a·z + b) for logits ``z``."""
    fitted = LogisticRegression(C=1e4, max_iter=1000).fit(z.reshape(-1, 1), y)
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])


def cross_validated_platt(z: np.ndarray, y: np.ndarray, folds: int = 5) -> np.ndarray:
    """Each row's calibrated probability from a map fitted on the other folds."""
    out = np.zeros(len(y))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(z, y):
        a, b = platt(z[tr], y[tr])
        out[te] = 1 / (1 + np.exp(-(a * z[te] + b)))
    return out


def train(data: Path, cache: Path | None, out: Path) -> dict:
    from newstrace.nlp.model import load_nlp

    nlp = load_nlp(())
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    feats = {s: featurise(data, s, cache, nlp) for s in SPLITS}
    train_examples = read_split(data, "train")
    texts = [e.text for s in ("train", "dev") for e in read_split(data, s)]
    ids = np.array([int(e.id) for e in train_examples])
    (lex, y), late = feats["train"], chronological_block(ids)
    rows = deduplicated(texts[:len(y)], y, ~late)
    twin = fit_lexical(lex[rows], y[rows])
    z_block = logit(twin.predict_proba(lex[late])[:, 1])
    cv_block = cross_validated_platt(z_block, y[late])
    threshold, block_f1 = best_threshold(cv_block, y[late])
    calibration = platt(z_block, y[late])
    pooled_x = sparse.vstack([lex, feats["dev"][0]], format="csr")
    pooled_y = np.concatenate([y, feats["dev"][1]])
    keep = ~conflicting(texts, pooled_y)
    shipped = fit_lexical(pooled_x[keep], pooled_y[keep])
    a, b = calibration
    test_x, test_y = feats["dev-test"]
    test_scores = 1 / (1 + np.exp(-(a * logit(shipped.predict_proba(test_x)[:, 1]) + b)))
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "checkworthy.npz", lexical_coef=shipped.coef_.ravel().astype(np.float32),
                        lexical_bias=shipped.intercept_[0])
    if cache:
        np.save(cache / "lexical_block_cv.npy", cv_block)
    meta_path = out / "checkworthy.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    previous = meta.get("lexical", {}).get("thresholds", {})
    meta["lexical"] = {
        "calibration": [round(a, 4), round(b, 4)],
        "thresholds": {"checkthat": threshold, "news": previous.get("news", threshold)},
        "C": LEXICAL_C, "rows": int(keep.sum()), "trained": dt.date.today().isoformat(),
        "data": "CheckThat! 2024 Task 1 English train + dev, texts seen with both labels dropped",
        "data_sha256": {s: hashlib.sha256((data / f).read_bytes()).hexdigest() for s, f in SPLITS.items()},
        "chronological_block": f"train ids >= {int(ids[late].min())} ({int(late.sum())} sentences)",
        "figures": {"block_cv_f1": round(block_f1, 4), "dev_test_f1": round(float(f1_score(test_y, test_scores >= threshold)), 4)},
        "note": "calibration and checkthat threshold fitted on the chronological block, scored by a twin trained on "
                "the earlier 80% of train; the news threshold is set by training/thresholds.py",
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta["lexical"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the CT24_checkworthy_english_*.tsv files")
    parser.add_argument("--cache", type=Path, help="keep parsed features here between runs")
    parser.add_argument("--out", type=Path, required=True, help="the weights folder to write")
    args = parser.parse_args(argv)
    print(json.dumps(train(args.data, args.cache, args.out)))


if __name__ == "__main__":
    main()
