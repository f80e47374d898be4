"""Fine-tune the top of all-MiniLM-L6-v2 for check-worthiness and choose how the shipped score uses it.

    python -m newstrace.claims.finetune --data ../shared/data/checkworthy --cache /tmp/cw [--layers 3 --epochs 3]

Needs the ``[semantic]`` extra and the shipped lexical and embedding weights (``python -m newstrace.claims.train``).
The packaged model's bottom layers stay frozen; their token states are computed once and cached (float16). The top
``--layers`` layers + mean pooling + a linear head are trained with a class-weighted loss (AdamW, linear decay,
seed 0); dev F1 after each epoch picks the epoch kept. Two tops are trained: one on all of train (shipped,
``weights/tuned_top.npz``), one on the earlier 80% of train by sentence id. The second scores the latest 20% — a
block of debates it has not seen, the kind of shift the held-out test brings — together with the lexical and
embedding models refitted on the same earlier 80%. On that block a logistic stacker and a threshold are fitted
for each way of combining the models (tuned alone; lexical + tuned; lexical + embedding + tuned; lexical +
embedding), scored by 5-fold cross-validation there; the best is shipped (within 0.005, the one with fewer models)
and recorded in ``weights/checkworthy.json`` under ``"tuned"``. dev-test is not used. Training time on a 2-core
CPU: about 14 minutes an epoch for three layers on all of train.
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

from newstrace.claims import train as recipe
from newstrace.claims.checkworthiness import WEIGHTS, logit
from newstrace.claims.data import read_split
from newstrace.claims.tuned import N_LAYERS, TunedTop, encode_with_hidden, from_checkpoint, load, logits, model_dir, pad, save

# model columns of the stackers: 0 lexical, 1 embedding network, 2 tuned top
VARIANTS = {"tuned": (2,), "lexical + tuned": (0, 2), "lexical + embedding + tuned": (0, 1, 2), "lexical + embedding": (0, 1)}
COLUMNS = ("lexical", "embedding", "tuned")
TIE = 0.005


@dataclass(frozen=True)
class Recipe:
    n_layers: int = 1
    epochs: int = 3
    layer_lr: float = 1e-4
    head_lr: float = 1e-3
    batch_size: int = 32
    weight_decay: float = 0.01
    dropout: float = 0.1
    seed: int = 0


@dataclass
class History:
    epochs: list[dict] = field(default_factory=list)
    best_epoch: int = 0


def split_states(flat: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """The per-sentence token states of a cache stored as one concatenated array."""
    ends = np.cumsum(lengths)
    return [flat[end - n:end] for n, end in zip(lengths, ends)]


def fine_tune(train_states: list[np.ndarray], y_train: np.ndarray, dev_states: list[np.ndarray], y_dev: np.ndarray,
              model_dir: Path, recipe: Recipe = Recipe(), log=print) -> tuple[TunedTop, History]:
    """The tuned top after the epoch with the best dev F1."""
    torch.manual_seed(recipe.seed)
    rng = np.random.default_rng(recipe.seed)
    top = from_checkpoint(recipe.n_layers, model_dir, recipe.dropout)
    optimiser = torch.optim.AdamW([{"params": top.layers.parameters(), "lr": recipe.layer_lr},
                                   {"params": top.head.parameters(), "lr": recipe.head_lr}],
                                  weight_decay=recipe.weight_decay)
    steps = recipe.epochs * -(-len(train_states) // recipe.batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, 1 - s / steps))
    positive = float(np.mean(y_train))
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - positive) / positive))
    history, best_f1, best_state = History(), -1.0, None
    for epoch in range(1, recipe.epochs + 1):
        t0, top = time.time(), top.train()
        losses = []
        for idx in _batches(train_states, recipe.batch_size, rng):
            loss = loss_fn(top(*pad([train_states[i] for i in idx])), torch.from_numpy(y_train[idx]).float())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        threshold, f1 = best_f1_threshold(logits(top, dev_states), y_dev)
        history.epochs.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 4), "dev_f1": round(f1, 4),
                               "dev_threshold": threshold, "seconds": round(time.time() - t0)})
        log(f"epoch {epoch}: {history.epochs[-1]}")
        if f1 > best_f1:
            best_f1, best_state, history.best_epoch = f1, copy.deepcopy(top.state_dict()), epoch
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


def tuned_top(states: dict, y: np.ndarray, rows: np.ndarray, y_dev: np.ndarray, tune: Recipe, cache: Path | None,
              tag: str, log=print) -> TunedTop:
    """The top fine-tuned on train[rows] (reused from ``cache`` when it is there)."""
    path = cache / f"tuned_{tag}_{tune.n_layers}x{tune.epochs}_top.npz" if cache else None
    if path is not None and path.exists():
        log(f"tuned top ({tag}) reused from {path}")
        return load(path)
    top, history = fine_tune([states["train"][i] for i in np.flatnonzero(rows)], y[rows], states["dev"], y_dev,
                             model_dir(), tune, log=log)
    log(f"tuned top ({tag}): epoch {history.best_epoch} kept; {history.epochs}")
    if path is not None:
        save(top, path)
    return top


def fit_stack(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Stacker weights (last = bias), and the threshold and F1 of its 5-fold cross-validated scores."""
    cv = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
        cv[te] = LogisticRegression(max_iter=1000).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
    threshold, f1 = recipe.best_threshold(cv, y)
    fitted = LogisticRegression(max_iter=1000).fit(x, y)
    return np.r_[fitted.coef_[0], fitted.intercept_[0]], threshold, f1


def choose(x: np.ndarray, y: np.ndarray) -> tuple[str, np.ndarray, float, dict[str, float]]:
    """The variant with the best cross-validated F1 on the shifted block (fewer models within ``TIE``)."""
    fits = {name: fit_stack(x[:, list(cols)], y) for name, cols in VARIANTS.items()}
    scores = {name: round(f[2], 4) for name, f in fits.items()}
    best = max(scores.values())
    name = min((n for n in VARIANTS if scores[n] >= best - TIE), key=lambda n: (len(VARIANTS[n]), -scores[n]))
    return name, fits[name][0], fits[name][1], scores


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the CheckThat! 2024 English TSV files")
    parser.add_argument("--cache", type=Path, default=None, help="keeps parses, embeddings, hidden states and tops")
    parser.add_argument("--layers", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    from newstrace.nlp.model import load_nlp

    torch.manual_seed(0)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    tune = Recipe(n_layers=args.layers, epochs=args.epochs)
    nlp = load_nlp(())
    feats = {s: recipe.featurise(args.data, s, args.cache, nlp) for s in ("train", "dev")}
    states = {s: hidden_states(args.data, s, args.cache, N_LAYERS - tune.n_layers) for s in ("train", "dev")}
    lex, emb, y = feats["train"]
    ids = np.array([int(e.id) for e in read_split(args.data, "train")])
    late = ids >= np.quantile(ids, 0.8)
    full = tuned_top(states, y, np.ones(len(y), bool), feats["dev"][2], tune, args.cache, "full")
    chrono = tuned_top(states, y, ~late, feats["dev"][2], tune, args.cache, "chrono")
    x = np.c_[logit(recipe.fit_lexical(lex[~late], y[~late]).predict_proba(lex[late])[:, 1]),
              logit(recipe.fit_embedding(emb[~late], y[~late]).predict_proba(emb[late])[:, 1]),
              logits(chrono, [states["train"][i] for i in np.flatnonzero(late)])]
    name, stack, threshold, scores = choose(x, y[late])
    dev_scores = logits(full, states["dev"])
    meta_path = args.out / "checkworthy.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    weights = dict(zip([COLUMNS[c] for c in VARIANTS[name]], (round(float(w), 4) for w in stack[:-1])))
    meta["tuned"] = {
        "variant": name, "stack": {**weights, "bias": round(float(stack[-1]), 4)}, "threshold": threshold,
        "layers": tune.n_layers, "max_epochs": tune.epochs, "trained": dt.date.today().isoformat(),
        "figures": {"shifted_block_cv_f1": scores,
                    "tuned_alone_dev_f1_at_0.5": round(float(f1_score(feats["dev"][2], dev_scores >= 0)), 4)},
        "note": "stacker and threshold fitted on the latest 20% of train scored by models trained on the earlier 80%",
    }
    save(full, args.out / "tuned_top.npz")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"chosen: {name} (cross-validated F1 on the latest 20% of train: {scores}); threshold {threshold}; "
          f"wrote {args.out / 'tuned_top.npz'} and the 'tuned' entry of {meta_path}")


if __name__ == "__main__":
    main()
