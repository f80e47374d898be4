"""Retrain the learned cue detector on PolNeAR's training split.

    python -m training.cues --split ../shared/data/polnear/train --out src/newstrace/quotes/weights \
        [--cache /tmp/polnear-train.spacy]

Each text is read and parsed exactly as ``newstrace analyze`` does (plain text, the shipped spaCy model); every
verb is an example, positive when it is the head of an annotated cue. The detector only ever scores verbs the
cue lexicon does not know, so the threshold is the one with the best F0.5 on those verbs in out-of-fold
predictions (five folds of whole texts): precision counts double, because the verbs the rules miss are where
annotation schemes differ most and a wrong cue costs a wrong quote. Writes ``cues.npz`` and ``cues.json`` into ``--out``. About two
minutes with a cache of the parses, ten without on a laptop CPU.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import fbeta_score, precision_score, recall_score

from newstrace.nlp.view import BodyView
from newstrace.quotes.cues import cue_lemma
from newstrace.quotes.learned import candidates, featurise
from training.polnear import parse_split

C = 0.5
FOLDS = 5
THRESHOLDS = np.round(np.arange(0.20, 0.901, 0.02), 2)


def cue_heads(doc, view: BodyView, relations) -> set[int]:
    """Token indices of the heads of the annotated cues."""
    starts = [view.to_article(t.idx) for t in doc]
    heads = set()
    for rel in relations:
        inside = {t.i for t in doc for s, e in rel.cue if s <= starts[t.i] < e and not t.is_space}
        heads.update(i for i in inside if doc[i].head.i not in inside or doc[i].head.i == i)
    return heads


def examples(parsed):
    """Feature matrix, labels, text index and lexicon flag of every verb."""
    rows, labels, texts, known = [], [], [], []
    for n, (doc, view, relations) in enumerate(parsed):
        heads = cue_heads(doc, view, relations)
        for tok in candidates(doc):
            rows.append(tok)
            labels.append(int(tok.i in heads))
            texts.append(n)
            known.append(cue_lemma(tok) is not None)
    return featurise(rows), np.array(labels), np.array(texts), np.array(known)


def fit(x, y) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000).fit(x, y)


def train(split: Path, out: Path, cache: Path | None = None) -> dict:
    x, y, texts, known = examples(parse_split(split, cache))
    folds = texts % FOLDS
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        model = fit(x[folds != k], y[folds != k])
        oof[folds == k] = model.predict_proba(x[folds == k])[:, 1]
    new = ~known
    scores = [fbeta_score(y[new], oof[new] >= t, beta=0.5, zero_division=0) for t in THRESHOLDS]
    threshold = float(THRESHOLDS[int(np.argmax(scores))])
    p = precision_score(y[new], oof[new] >= threshold, zero_division=0)
    r = recall_score(y[new], oof[new] >= threshold, zero_division=0)
    model = fit(x, y)
    figures = {"verbs": int(len(y)), "cue_heads": int(y.sum()), "unknown_verbs": int(new.sum()),
               "unknown_cue_heads": int(y[new].sum()),
               "oof_unknown": {"f0.5": round(max(scores), 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
                               "precision": round(p, 4), "recall": round(r, 4)}}
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "cues.npz", coef=model.coef_.ravel().astype(np.float32), bias=np.float32(model.intercept_[0]))
    meta = {"threshold": threshold, "C": C, "trained": dt.date.today().isoformat(),
            "data": f"PolNeAR {split.name} split ({len(set(texts.tolist()))} texts, first annotator per text)",
            "figures": figures}
    (out / "cues.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Retrain the learned cue detector on PolNeAR.")
    parser.add_argument("--split", type=Path, required=True, help="a PolNeAR split folder with text/ and attributions/")
    parser.add_argument("--cache", type=Path, help="keep the parsed texts in this DocBin file between runs")
    parser.add_argument("--out", type=Path,
                        help="folder to write cues.npz and cues.json to (the shipped ones: src/newstrace/quotes/weights)")
    args = parser.parse_args(argv)
    if not (args.split / "text").is_dir():
        raise SystemExit(f"error: {args.split} has no text/ folder (expected a PolNeAR split)")
    if args.out is None:
        parser.error("--out is required (the folder to write the weights to)")
    print(json.dumps(train(args.split, args.out, args.cache)))


if __name__ == "__main__":
    main()
