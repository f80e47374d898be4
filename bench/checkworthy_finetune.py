"""Experiment (not shipped): does fine-tuning MiniLM's top layer beat the shipped check-worthiness recipe?

    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/checkworthy_finetune.py --data ../shared/data/checkworthy --cache /tmp/cw

Everything is trained on train only. The tuned top (MiniLM's last ``--layers`` layers + mean pooling +
a linear head, class-weighted loss, 3 epochs, dev F1 picks the epoch) is compared with the shipped recipe's
base models (lexical logistic regression, embedding network) trained on the same rows. Stackers over the
models' logits are fitted on dev (where every model is out of sample), with thresholds from 5-fold
cross-validated stacker scores of dev, so dev figures are cross-validated and dev-test is only reported.
The chronological cross-split retrains everything on the earlier 80% of train (by sentence id) and tests on
the latest 20%, with the stackers and thresholds fitted on dev unchanged; variant "B" instead fits the
stackers and thresholds on that latest 20% (a shifted block) and is scored on dev and dev-test.
The pieces live in the package (``newstrace.claims.tuned``, ``newstrace.claims.finetune``); the shipped
weights come from ``python -m newstrace.claims.finetune``. Fine-tuning costs about 4 minutes an epoch on one free core (twice that on the busy shared box); the tuned
tops' logits are cached in ``--cache`` (``tuned_*``), the hidden states too (``h5_*``, ``len_*``).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score

from checkworthy import NEWS_PROBE
from newstrace.claims import finetune, tuned
from newstrace.claims.finetune import fit_stack
from newstrace.claims import train as recipe
from newstrace.claims.checkworthiness import logit
from newstrace.claims.data import read_split
from newstrace.claims.features import lexical_matrix
from newstrace.nlp.model import load_nlp

SPLITS = ("train", "dev", "dev-test")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/checkworthy")
    parser.add_argument("--cache", type=Path, required=True, help="parsed features, embeddings, hidden states, tuned tops")
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: no CheckThat! data at {args.data} (development data, see ../shared/data)")
        return
    torch.manual_seed(0)
    args.cache.mkdir(parents=True, exist_ok=True)
    print(f"check-worthiness fine-tuning experiment, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    tune = finetune.Recipe(n_layers=args.layers, epochs=args.epochs)
    nlp = load_nlp(())
    feats = {s: recipe.featurise(args.data, s, args.cache, nlp) for s in SPLITS}
    states = {s: finetune.hidden_states(args.data, s, args.cache, tuned.N_LAYERS - tune.n_layers) for s in SPLITS}
    ids = np.array([int(e.id) for e in read_split(args.data, "train")])
    late = ids >= np.quantile(ids, 0.8)
    full = scores_for(feats, states, np.ones(len(ids), bool), {"dev": None, "dev-test": None}, tune, args.cache, "full")
    chrono = scores_for(feats, states, ~late, {"late": late}, tune, args.cache, "chrono")
    y = {"dev": feats["dev"][2], "dev-test": feats["dev-test"][2], "late": feats["train"][2][late]}
    probe = full["texts"]([t for t, _ in NEWS_PROBE])
    evaluate(full, chrono, {**y, "probe": np.array([label for _, label in NEWS_PROBE])}, probe)
    calibration_check(feats, ids)
    timing([t for t, _ in NEWS_PROBE] * 10, args.cache / f"tuned_full_{tune.n_layers}x{tune.epochs}_top.npz")


def calibration_check(feats: dict, ids: np.ndarray) -> None:
    """Where to fit the stacker, tested without dev-test: lexical + embedding models trained on the earliest 80% of
    train score the latest 20%; the stacker and threshold come either from dev (scored by those same models) or
    from the block before the test (60–80%, scored by models trained on the earliest 60%)."""
    lex, emb, y = feats["train"]
    q60, q80 = np.quantile(ids, [0.6, 0.8])
    early, block, late = ids < q60, (ids >= q60) & (ids < q80), ids >= q80

    def logits(rows, x_lex, x_emb):
        lexical, network = recipe.fit_lexical(lex[rows], y[rows]), recipe.fit_embedding(emb[rows], y[rows])
        return np.c_[logit(lexical.predict_proba(x_lex)[:, 1]), logit(network.predict_proba(x_emb)[:, 1])]

    test = logits(early | block, lex[late], emb[late])
    dev = logits(early | block, feats["dev"][0], feats["dev"][1])
    previous = logits(early, lex[block], emb[block])
    print("calibration check (lexical + embedding; train on earlier ids, test on the latest 20% of train):")
    for name, (x, labels) in {"dev": (dev, feats["dev"][2]), "the 60–80% block": (previous, y[block])}.items():
        stack, threshold, f1 = fit_stack(x, labels)
        print(f"  stacker fitted on {name}: threshold {threshold:.2f} (CV F1 there {f1:.3f})")
        report("    latest 20%", y[late], test, stack, threshold)


def timing(texts: list[str], top_path: Path) -> None:
    """Inference cost: the frozen embedding alone against embedding + tuned top from the same MiniLM pass."""
    from newstrace.claims import embeddings

    top = tuned.load(top_path)
    embeddings.encode(texts[:8])
    t0 = time.time()
    embeddings.encode(texts)
    frozen = time.time() - t0
    t0 = time.time()
    _, states = tuned.encode_with_hidden(texts, top.first_layer)
    tuned.logits(top, states)
    both = time.time() - t0
    print(f"timing ({len(texts)} sentences, {torch.get_num_threads()} thread(s)): frozen embedding "
          f"{len(texts) / frozen:,.0f} sentences/s; embedding + tuned top {len(texts) / both:,.0f} sentences/s "
          f"(cost ratio {both / frozen:.2f})")


def scores_for(feats: dict, states: dict, rows: np.ndarray, targets: dict, tune: finetune.Recipe, cache: Path, tag: str) -> dict:
    """Logits of each model, trained on train[rows], for dev and each target (None: a split; else a mask of train)."""
    lex, emb, y = feats["train"]
    lexical = recipe.fit_lexical(lex[rows], y[rows])
    network = recipe.fit_embedding(emb[rows], y[rows])
    baseline = LogisticRegression(C=1.0, max_iter=3000).fit(emb[rows], y[rows])
    tuned, top = tuned_logits(states, y, rows, feats["dev"][2], targets, tune, cache, tag)
    out = {"texts": lambda texts: text_logits(texts, lexical, network, top, baseline)}
    for name, mask in {"dev": None, **targets}.items():
        x_lex, x_emb = (feats[name][0], feats[name][1]) if mask is None else (lex[mask], emb[mask])
        out[name] = np.c_[logit(lexical.predict_proba(x_lex)[:, 1]), logit(network.predict_proba(x_emb)[:, 1]),
                          tuned[name], logit(baseline.predict_proba(x_emb)[:, 1])]
    return out


def tuned_logits(states: dict, y, rows, y_dev, targets: dict, tune: finetune.Recipe, cache: Path, tag: str) -> dict:
    """The tuned top's logits for dev and the targets, from a top fine-tuned on train[rows] (cached)."""
    paths = {name: cache / f"tuned_{tag}_{tune.n_layers}x{tune.epochs}_{name}.npy" for name in ("dev", *targets)}
    top_path = cache / f"tuned_{tag}_{tune.n_layers}x{tune.epochs}_top.npz"
    if all(p.exists() for p in paths.values()):
        print(f"tuned logits ({tag}) reused from {cache}")
        return {name: np.load(p) for name, p in paths.items()}, tuned.load(top_path) if top_path.exists() else None
    top, history = finetune.fine_tune([states["train"][i] for i in np.flatnonzero(rows)], y[rows], states["dev"], y_dev,
                                tuned.model_dir(), tune)
    print(f"tuned top ({tag}): epoch {history.best_epoch} kept; {history.epochs}")
    out = {}
    for name, mask in {"dev": None, **targets}.items():
        out[name] = tuned.logits(top, states[name] if mask is None else [states["train"][i] for i in np.flatnonzero(mask)])
        np.save(paths[name], out[name])
    tuned.save(top, top_path)
    return out, top


def text_logits(texts: list[str], lexical, network, top, baseline) -> np.ndarray:
    """The four models' logits for raw sentences: one MiniLM pass gives the embedding and the tuned top's input."""
    lex = lexical_matrix(load_nlp(()).pipe(texts))
    vectors, states = tuned.encode_with_hidden(texts, top.first_layer)
    return np.c_[logit(lexical.predict_proba(lex)[:, 1]), logit(network.predict_proba(vectors)[:, 1]),
                 tuned.logits(top, states), logit(baseline.predict_proba(vectors)[:, 1])]


def evaluate(full: dict, chrono: dict, y: dict, probe: np.ndarray) -> None:
    """Stackers fitted on dev (and, variant B, on the latest block of train) scored everywhere."""
    variants = {"lexical + embedding (shipped recipe)": [0, 1], "lexical + embedding + tuned": [0, 1, 2],
                "lexical + tuned": [0, 2], "tuned alone": [2]}
    for name, cols in variants.items():
        stack, threshold, dev_f1 = fit_stack(full["dev"][:, cols], y["dev"])
        print(f"{name}: stacker fitted on dev {np.round(stack, 3).tolist()}, threshold {threshold:.2f} "
              f"(dev 5-fold CV F1 {dev_f1:.3f})")
        report("  dev-test", y["dev-test"], full["dev-test"][:, cols], stack, threshold)
        report("  chronological latest 20%", y["late"], chrono["late"][:, cols], stack, threshold)
        report("  news probe", y["probe"], probe[:, cols], stack, threshold)
        stack_b, threshold_b, late_f1 = fit_stack(chrono["late"][:, cols], y["late"])
        print(f"  B: stacker fitted on the latest 20% {np.round(stack_b, 3).tolist()}, threshold {threshold_b:.2f} "
              f"(5-fold CV F1 there {late_f1:.3f})")
        report("  B dev", y["dev"], full["dev"][:, cols], stack_b, threshold_b)
        report("  B dev-test", y["dev-test"], full["dev-test"][:, cols], stack_b, threshold_b)
        report("  B news probe", y["probe"], probe[:, cols], stack_b, threshold_b)
    for split, block in (("dev-test", full), ("chronological latest 20%", chrono)):
        key = "dev-test" if block is full else "late"
        pred = block[key][:, 3] >= 0
        print(f"baseline embedding + LR @0.5, {split}: F1 {f1_score(y[key], pred):.3f}")


def report(name: str, y, x, stack, threshold: float) -> None:
    pred = 1 / (1 + np.exp(-(x @ stack[:-1] + stack[-1]))) >= threshold
    print(f"{name:<30} F1 {f1_score(y, pred):.3f}  P {precision_score(y, pred, zero_division=0):.3f}  "
          f"R {recall_score(y, pred):.3f}  n={len(y)}")


if __name__ == "__main__":
    main()
