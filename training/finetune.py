"""Fine-tune all six layers of all-MiniLM-L6-v2 for check-worthiness and calibrate the shipped score.

    nice python -m training.finetune --data ../shared/data/checkworthy --cache /tmp/cw --out src/newstrace/claims/weights

Run from the repository root with the ``[semantic]`` extra, after ``python -m training.checkworthiness`` (the lexical
model, which it stacks with). The blocks:

* **training rows**: train sentences with an id below the 80% quantile (26,643), de-duplicated (one row per
  normalised text; texts seen with both labels dropped) and pruned: every Yes, and for each Yes at most
  ``--negatives`` No rows, the hardest by the lexical model's out-of-fold score (easy No rows such as
  "Thank you." teach nothing new);
* **chronological block**: train ids >= 26,643, the latest 20% of the debates (4,501 sentences, 24.9% Yes).
  No model is trained on it; it stops training (F1 at its best threshold, checked ``Recipe.checks`` times an epoch);
* **calibration block**: dev (1,032 sentences, from debates spread over the same years), where nothing is
  trained; the logistic stacker over the lexical and encoder logits is fitted there (Platt scaling), so
  ``Claim.score`` is a probability. dev-test is only reported.

Not yet run for shipped weights (an epoch of the six layers is about 70 minutes on the shared 2-core box; a
``--limit 64 --epochs 1`` timing run went through end to end). Two things to settle before it ships: the
2026-11-25 experiments found dev-fitted stackers far too strict on shifted debates, so the calibration block may
better be a part of the chronological block; and a ``lexical + tuned`` stack is fitted with a lexical twin trained
on the earlier 80%, while the runtime's lexical column is the shipped model trained on train + dev.

The token states of the embedding layer are computed once (frozen, cached as float16); the six transformer layers,
mean pooling and a linear head are trained (AdamW, class-weighted loss, linear warm-up and decay, seed 0).
Writes ``tuned_top.npz`` (float16) and the ``"tuned"`` entry of ``checkworthy.json``; ``training/export_onnx.py``
then writes the ONNX graphs the runtime prefers (they hold no weights: a new ``tuned_top.npz`` with the same number
of layers needs no new export).
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from newstrace.claims.checkworthiness import logit
from newstrace.claims.data import read_split
from newstrace.claims.tuned import N_LAYERS, TunedTop, encode_with_hidden, from_checkpoint, load, logits, model_dir, pad, save

from training import checkworthiness as lexical_recipe

# model columns of the stackers: 0 lexical, 1 tuned encoder
VARIANTS = {"tuned": (1,), "lexical + tuned": (0, 1)}
COLUMNS = ("lexical", "tuned")
TIE = 0.005


@dataclass(frozen=True)
class Recipe:
    n_layers: int = N_LAYERS
    epochs: int = 2
    layer_lr: float = 5e-5
    head_lr: float = 1e-3
    batch_size: int = 32
    weight_decay: float = 0.01
    dropout: float = 0.1
    warmup: float = 0.06  # share of the steps
    checks: int = 3  # evaluations on the stopping block per epoch
    patience: int = 3  # evaluations without a better F1 before stopping
    max_tokens: int = 64
    seed: int = 0


@dataclass
class History:
    epochs: list[dict] = field(default_factory=list)  # one entry per evaluation (epoch may be fractional)
    best_epoch: float = 0


def split_states(flat: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """The per-sentence token states of a cache stored as one concatenated array."""
    ends = np.cumsum(lengths)
    return [flat[end - n:end] for n, end in zip(lengths, ends)]


def fine_tune(train_states: list[np.ndarray], y_train: np.ndarray, stop_states: list[np.ndarray], y_stop: np.ndarray,
              model_dir: Path, recipe: Recipe = Recipe(), log=print, budget_s: float | None = None) -> tuple[TunedTop, History]:
    """The tuned layers at the evaluation with the best F1 on the stopping block (early stopping)."""
    torch.manual_seed(recipe.seed)
    rng = np.random.default_rng(recipe.seed)
    train_states = [s[:recipe.max_tokens] for s in train_states]
    top = from_checkpoint(recipe.n_layers, model_dir, recipe.dropout)
    optimiser = torch.optim.AdamW([{"params": top.layers.parameters(), "lr": recipe.layer_lr},
                                   {"params": top.head.parameters(), "lr": recipe.head_lr}],
                                  weight_decay=recipe.weight_decay)
    per_epoch = -(-len(train_states) // recipe.batch_size)
    steps, warm = recipe.epochs * per_epoch, max(1, int(recipe.warmup * recipe.epochs * per_epoch))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    positive = float(np.mean(y_train))
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - positive) / positive))
    check_every = max(1, per_epoch // recipe.checks)
    history, best_f1, best_state, since_best, step, t0 = History(), -1.0, None, 0, 0, time.time()
    for epoch in range(recipe.epochs):
        losses = []
        for idx in _batches(train_states, recipe.batch_size, rng):
            top.train()
            loss = loss_fn(top(*pad([train_states[i] for i in idx])), torch.from_numpy(y_train[idx]).float())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
            step += 1
            if step % check_every and step != steps:
                continue
            threshold, f1 = best_f1_threshold(logits(top, stop_states), y_stop)
            history.epochs.append({"epoch": round(step / per_epoch, 2), "loss": round(float(np.mean(losses)), 4),
                                   "stop_f1": round(f1, 4), "stop_threshold": threshold,
                                   "seconds": round(time.time() - t0)})
            losses = []
            log(f"check {len(history.epochs)}: {history.epochs[-1]}")
            if f1 > best_f1:
                best_f1, best_state, history.best_epoch, since_best = f1, copy.deepcopy(top.state_dict()), step / per_epoch, 0
            else:
                since_best += 1
            out_of_time = budget_s is not None and time.time() - t0 > budget_s
            if since_best >= recipe.patience or out_of_time:
                log("stopping: " + ("time budget spent" if out_of_time else f"no better F1 in {since_best} checks"))
                top.load_state_dict(best_state)
                return top.eval(), history
    top.load_state_dict(best_state)
    return top.eval(), history


def best_f1_threshold(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    probs = 1 / (1 + np.exp(-z))
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    f1s = [f1_score(y, probs >= t) for t in grid]
    i = int(np.argmax(f1s))
    return float(grid[i]), float(f1s[i])


def _batches(states: list[np.ndarray], size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffled batches of similar length (sorted within chunks of 50 batches), so little padding is computed."""
    order = rng.permutation(len(states))
    chunk = size * 50
    batches = []
    for start in range(0, len(order), chunk):
        part = order[start:start + chunk]
        part = part[np.argsort([len(states[i]) for i in part], kind="stable")]
        batches += [part[i:i + size] for i in range(0, len(part), size)]
    return [batches[i] for i in rng.permutation(len(batches))]


def hidden_states(data: Path, split: str, cache: Path | None, layer: int) -> list[np.ndarray]:
    """Token states after frozen layer ``layer`` for one split (float16, cached as one array + lengths)."""
    flat_path, len_path = (cache / f"h{layer}_{split}.npy", cache / f"len_{split}.npy") if cache else (None, None)
    if flat_path and flat_path.exists() and len_path.exists():
        return split_states(np.load(flat_path), np.load(len_path))
    _, states = encode_with_hidden([e.text for e in read_split(data, split)], layer)
    states = [s.astype(np.float16) for s in states]
    if flat_path:
        np.save(flat_path, np.concatenate(states))
        np.save(len_path, np.array([len(s) for s in states]))
    return states


def pruned(rows: np.ndarray, labels: np.ndarray, difficulty: np.ndarray, negatives_per_positive: float) -> np.ndarray:
    """Every positive of ``rows`` and the hardest negatives (highest ``difficulty``), ``negatives_per_positive`` each."""
    keep = rows & (labels == 1)
    negatives = np.flatnonzero(rows & (labels == 0))
    n = min(len(negatives), int(round(negatives_per_positive * keep.sum())))
    keep[negatives[np.argsort(-difficulty[negatives], kind="stable")[:n]]] = True
    return keep


def lexical_out_of_fold(lex, labels: np.ndarray, rows: np.ndarray, folds: int = 4) -> np.ndarray:
    """The lexical model's probability for each row of ``rows``, from models trained on the other folds."""
    out = np.zeros(len(labels))
    index = np.flatnonzero(rows)
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(index, labels[index]):
        model = lexical_recipe.fit_lexical(lex[index[tr]], labels[index[tr]])
        out[index[te]] = model.predict_proba(lex[index[te]])[:, 1]
    return out


def fit_stack(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Stacker weights (last = bias), and the threshold and F1 of its 5-fold cross-validated scores."""
    cv = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
        cv[te] = LogisticRegression(max_iter=1000).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
    threshold, f1 = lexical_recipe.best_threshold(cv, y)
    fitted = LogisticRegression(max_iter=1000).fit(x, y)
    return np.r_[fitted.coef_[0], fitted.intercept_[0]], threshold, f1


def choose(x: np.ndarray, y: np.ndarray) -> tuple[str, np.ndarray, float, dict[str, float]]:
    """The variant with the best cross-validated F1 (fewer models within ``TIE``)."""
    fits = {name: fit_stack(x[:, list(cols)], y) for name, cols in VARIANTS.items()}
    scores = {name: round(f[2], 4) for name, f in fits.items()}
    best = max(scores.values())
    name = min((n for n in VARIANTS if scores[n] >= best - TIE), key=lambda n: (len(VARIANTS[n]), -scores[n]))
    return name, fits[name][0], fits[name][1], scores


def stacked(x: np.ndarray, stack: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ stack[:-1] + stack[-1])))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the CheckThat! 2024 English TSV files")
    parser.add_argument("--cache", type=Path, required=True, help="keeps parses, hidden states and the tuned encoder")
    parser.add_argument("--out", type=Path, required=True, help="the weights folder to write (e.g. src/newstrace/claims/weights)")
    parser.add_argument("--epochs", type=int, default=Recipe.epochs)
    parser.add_argument("--negatives", type=float, default=1.5, help="hardest No rows kept per Yes row")
    parser.add_argument("--budget-min", type=float, default=22.0, help="stop training after this many minutes")
    parser.add_argument("--limit", type=int, default=None, help="train on N rows and stop on 4N block rows (a timing run)")
    args = parser.parse_args(argv)
    from newstrace.nlp.model import load_nlp

    torch.set_num_threads(2)
    args.cache.mkdir(parents=True, exist_ok=True)
    tune = Recipe(epochs=args.epochs)
    nlp = load_nlp(())
    feats = {s: lexical_recipe.featurise(args.data, s, args.cache, nlp) for s in ("train", "dev", "dev-test")}
    states = {s: hidden_states(args.data, s, args.cache, N_LAYERS - tune.n_layers) for s in ("train", "dev", "dev-test")}
    examples = read_split(args.data, "train")
    texts, ids = [e.text for e in examples], np.array([int(e.id) for e in examples])
    lex, y = feats["train"]
    late = lexical_recipe.chronological_block(ids)
    rows = lexical_recipe.deduplicated(texts, y, ~late)
    keep = pruned(rows, y, lexical_out_of_fold(lex, y, rows), args.negatives)
    stop = late.copy()  # the rows that stop training and are reported (all of the block but in a timing run)
    if args.limit:  # a timing run: N training rows, 4N rows of the block
        keep[np.flatnonzero(keep)[args.limit:]] = False
        stop[np.flatnonzero(stop)[4 * args.limit:]] = False
    print(f"training rows: {int(keep.sum())} of {len(y)} ({keep.mean():.0%}; {int(y[keep].sum())} Yes); "
          f"chronological block: ids >= {int(ids[late].min())}, {int(stop.sum())} rows", flush=True)
    stop_states = [states["train"][i] for i in np.flatnonzero(stop)]
    top, history = fine_tune([states["train"][i] for i in np.flatnonzero(keep)], y[keep], stop_states, y[stop],
                             model_dir(), tune, log=lambda m: print(m, flush=True), budget_s=args.budget_min * 60)
    save(top, args.cache / "tuned_encoder.npz")
    lexical = lexical_recipe.fit_lexical(lex[~late], y[~late])  # the lexical model never sees the block either

    def columns(split_lex, split_states):
        return np.c_[logit(lexical.predict_proba(split_lex)[:, 1]), logits(top, split_states)]

    x = {"dev": columns(feats["dev"][0], states["dev"]), "dev-test": columns(feats["dev-test"][0], states["dev-test"]),
         "block": columns(lex[stop], stop_states)}
    labels = {"dev": feats["dev"][1], "dev-test": feats["dev-test"][1], "block": y[stop]}
    name, stack, threshold, cv_scores = choose(x["dev"], labels["dev"])
    cols = list(VARIANTS[name])
    figures = {split: round(float(f1_score(labels[split], stacked(x[split][:, cols], stack) >= threshold)), 4)
               for split in x}
    block_threshold, block_f1 = lexical_recipe.best_threshold(stacked(x["block"][:, cols], stack), labels["block"])
    print(f"chosen on dev: {name} (dev CV F1 {cv_scores}); threshold {threshold}; F1 {figures}; "
          f"best threshold on the block {block_threshold} (F1 {block_f1:.4f})", flush=True)
    np.savez(args.cache / "tuned_columns.npz", **{k: v for k, v in x.items()}, **{f"y_{k}": v for k, v in labels.items()})
    meta_path = args.out / "checkworthy.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    weights = dict(zip([COLUMNS[c] for c in cols], (round(float(w), 4) for w in stack[:-1])))
    meta["tuned"] = {
        "variant": name, "stack": {**weights, "bias": round(float(stack[-1]), 4)},
        "thresholds": {"checkthat": threshold, "news": meta.get("tuned", {}).get("thresholds", {}).get("news", threshold)},
        "layers": tune.n_layers, "trained": dt.date.today().isoformat(),
        "training_rows": int(keep.sum()), "chronological_block": f"train ids >= {int(ids[late].min())}",
        "history": history.epochs, "best_epoch": round(history.best_epoch, 2),
        "figures": {"f1_at_checkthat_threshold": figures, "dev_cv_f1": cv_scores,
                    "block_best_threshold": block_threshold, "block_best_f1": round(block_f1, 4)},
        "note": "stacker (= calibration) and threshold fitted on dev; training stopped on the chronological block",
    }
    save(top, args.out / "tuned_top.npz")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'tuned_top.npz'} and the 'tuned' entry of {meta_path}")


if __name__ == "__main__":
    main()
