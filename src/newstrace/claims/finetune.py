"""Fine-tuning the top of MiniLM on cached hidden states (training only; needs torch).

The frozen bottom layers run once per sentence (``embeddings.encode_with_hidden``); each epoch then costs
only the tuned layers' forward and backward pass. Class-weighted loss (check-worthy sentences are a
quarter of the data); after every epoch the dev F1 at its best threshold decides which epoch's weights
are kept, so dev chooses the epoch and dev-test plays no part.
"""
from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score

from newstrace.claims import embeddings, tuned
from newstrace.claims.data import read_split


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
              model_dir: Path, recipe: Recipe = Recipe(), log=print) -> tuple[tuned.TunedTop, History]:
    """The tuned top after the epoch with the best dev F1."""
    torch.manual_seed(recipe.seed)
    rng = np.random.default_rng(recipe.seed)
    top = tuned.from_checkpoint(recipe.n_layers, model_dir, recipe.dropout)
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
            loss = loss_fn(top(*tuned.pad([train_states[i] for i in idx])), torch.from_numpy(y_train[idx]).float())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        threshold, f1 = best_f1_threshold(tuned.logits(top, dev_states), y_dev)
        history.epochs.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 4), "dev_f1": round(f1, 4),
                               "dev_threshold": threshold, "seconds": round(time.time() - t0)})
        log(f"epoch {epoch}: {history.epochs[-1]}")
        if f1 > best_f1:
            best_f1, best_state, history.best_epoch = f1, copy.deepcopy(top.state_dict()), epoch
    top.load_state_dict(best_state)
    return top.eval(), history


def best_f1_threshold(logit: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    probs = 1 / (1 + np.exp(-logit))
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


def tune_on_cache(data: Path, cache: Path | None, recipe: Recipe, log=print) -> tuple[tuned.TunedTop, History, dict]:
    """Fine-tune on train with dev choosing the epoch; the tuned logits of dev and dev-test come along."""
    layer = tuned.N_LAYERS - recipe.n_layers
    states = {s: hidden_states(data, s, cache, layer) for s in ("train", "dev", "dev-test")}
    labels = {s: np.array([e.label for e in read_split(data, s)]) for s in states}
    top, history = fine_tune(states["train"], labels["train"], states["dev"], labels["dev"], embeddings.model_dir(),
                             recipe, log)
    return top, history, {s: tuned.logits(top, states[s]) for s in ("dev", "dev-test")}


def hidden_states(data: Path, split: str, cache: Path | None, layer: int) -> list[np.ndarray]:
    """Token states after frozen layer ``layer`` for one split (float16, cached as one array + lengths)."""
    flat_path, len_path = (cache / f"h{layer}_{split}.npy", cache / f"len_{split}.npy") if cache else (None, None)
    if flat_path and flat_path.exists() and len_path.exists():
        return split_states(np.load(flat_path), np.load(len_path))
    _, states = embeddings.encode_with_hidden([e.text for e in read_split(data, split)], layer)
    states = [s.astype(np.float16) for s in states]
    if flat_path:
        np.save(flat_path, np.concatenate(states))
        np.save(len_path, np.array([len(s) for s in states]))
    return states
