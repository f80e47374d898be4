"""Train the accept/reject step of the quotes stage (``src/newstrace/quotes/weights/accept.json``).

    .venv/bin/python -m training.accept --out src/newstrace/quotes/weights/accept.json \
        [--data ../shared/data/samples/fundus_en]

Candidates: every attribution the rules and the role tagger propose (``find_attributions_many(accept=False)``)
of type speech, writing or evidence, on the *tune* part of fundus_en (the pages ``bench/fundus_attribution.py``
does not keep aside), read from their HTML as a user would. Label: the candidate matches a gold attribution by
the scorer's own rule (``../shared/tools/score_attributions.py``). A logistic regression over
``quotes.accept.features``; its regularisation and the threshold are chosen on out-of-fold predictions (5 folds
by page): the most recall at an out-of-fold precision of at least 0.90 (precision first), else the best F0.5.
No page text is written out: the weights file holds feature weights and figures only.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TARGET_P = 0.90  # out-of-fold precision the threshold must keep
SCORER = ROOT.parent / "shared" / "tools" / "score_attributions.py"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def candidates(data: Path, ids: list[str]):
    """``(page, features, content text)`` for every judged candidate, and the number of gold attributions."""
    from newstrace.nlp import load_nlp, BodyView
    from newstrace.quotes.accept import JUDGED_TYPES, features
    from newstrace.quotes.extract import find_attributions_many

    bench = _module(ROOT / "bench" / "fundus_attribution.py", "fundus_attribution")
    nlp = load_nlp(())
    rows = []
    for page, article in bench.articles(data, ids, "html"):
        view = BodyView.of(article)
        doc = nlp(view.text)
        atts = find_attributions_many([doc], [view.text], accept=False)[0]
        for att in atts:
            if att.type in JUDGED_TYPES:
                rows.append((page, features(doc, view.text, att), view.text[att.content[0]:att.content[1]]))
    return rows


def labels(data: Path, rows) -> tuple[np.ndarray, dict[str, int]]:
    scorer = _module(SCORER, "score_attributions")
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in (data / "gold.jsonl").open(encoding="utf-8")}
    gold = {json.loads(line)["id"]: json.loads(line)["attributions"]
            for line in (data / "attributions.jsonl").open(encoding="utf-8") if line.strip()}
    y = np.zeros(len(rows))
    n_gold = {}
    pages = sorted({r[0] for r in rows} | set())
    for page in pages:
        index = [i for i, r in enumerate(rows) if r[0] == page]
        preds = [{"content": rows[i][2]} for i in index]
        _, matches = scorer.score_article(gold[page], texts[page], preds)
        for _, pi, _ in matches:
            y[index[pi]] = 1
        n_gold[page] = len(gold[page])
    return y, n_gold


def vectorise(rows) -> tuple[np.ndarray, list[str]]:
    names = sorted({k for r in rows for k in r[1]})
    col = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r[1].items():
            x[i, col[k]] = v
    return x, names


def scores_at(p: np.ndarray, y: np.ndarray, n_gold: int, threshold: float) -> tuple[float, float, float]:
    kept = p >= threshold
    tp = float((y[kept] == 1).sum())
    prec = tp / kept.sum() if kept.sum() else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f05 = 1.25 * prec * rec / (0.25 * prec + rec) if prec + rec else 0.0
    return prec, rec, f05


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "samples" / "fundus_en")
    ap.add_argument("--out", type=Path, required=True,
                    help="the weights file to write (the shipped one: src/newstrace/quotes/weights/accept.json)")
    a = ap.parse_args(argv)
    if not (a.data / "attributions.jsonl").exists() or not SCORER.exists():
        print(f"{a.data} or {SCORER} is not there: nothing to train on", file=sys.stderr)
        return 2
    bench = _module(ROOT / "bench" / "fundus_attribution.py", "fundus_attribution")
    ids = bench.split_ids(bench.annotated_ids(a.data), "tune")
    rows = candidates(a.data, ids)
    y, n_gold = labels(a.data, rows)
    x, names = vectorise(rows)
    groups = np.array([r[0] for r in rows])
    total_gold = sum(n_gold.values())
    print(f"{len(ids)} pages, {len(rows)} candidates, {int(y.sum())} match a gold attribution of {total_gold}")
    best = None
    for c in (0.03, 0.1, 0.3, 1.0, 3.0):
        oof = np.zeros(len(rows))
        for train, test in GroupKFold(n_splits=5).split(x, y, groups):
            model = LogisticRegression(C=c, max_iter=2000).fit(x[train], y[train])
            oof[test] = model.predict_proba(x[test])[:, 1]
        for t in np.arange(0.2, 0.8, 0.02):
            prec, rec, f05 = scores_at(oof, y, total_gold, t)
            # precision first: the most recall at out-of-fold precision >= TARGET_P, else the best F0.5
            key = (prec >= TARGET_P, rec if prec >= TARGET_P else f05)
            if best is None or key > best[0]:
                best = (key, c, round(float(t), 2), prec, rec, f05)
    _, c, threshold, prec, rec, f05 = best
    base = scores_at(np.ones(len(rows)), y, total_gold, 0.5)
    print(f"out-of-fold: all candidates P {base[0]:.3f} R {base[1]:.3f}; "
          f"kept (C={c}, threshold {threshold}) P {prec:.3f} R {rec:.3f} F0.5 {f05:.3f}")
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {k: round(float(w), 5) for k, w in zip(names, model.coef_[0]) if abs(w) > 1e-6}
    weights["bias"] = round(float(weights.get("bias", 0.0) + model.intercept_[0]), 5)
    a.out.write_text(json.dumps({
        "weights": weights, "threshold": threshold, "C": c,
        "trained_on": f"fundus_en tune part ({len(ids)} pages read from HTML; bench/fundus_attribution.py --split tune), "
                      f"{len(rows)} candidates of type speech/writing/evidence",
        "out_of_fold": {"P": round(prec, 3), "R": round(rec, 3), "F0.5": round(f05, 3),
                        "P_all_candidates": round(base[0], 3), "R_all_candidates": round(base[1], 3)},
        "command": "python -m training.accept --out src/newstrace/quotes/weights/accept.json",
    }, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
