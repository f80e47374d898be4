"""Train the role tagger on PolNeAR's training split (needs torch: the ``[semantic]`` extra).

    python -m training.tagger --split ../shared/data/polnear/train --out src/newstrace/quotes/weights \
        [--cache /tmp/polnear-train.spacy]
                                            [--holdout 250]

Each text is parsed exactly as ``newstrace analyze`` does and the rules run on it first (their findings are
inputs of the tagger); every token gets its gold tag from the first annotator's relations (``B-``/``I-``
source, cue or content, else ``O``; a token in two relations takes the cue, then the source). Eight epochs of
Adam with a one-cycle schedule over batches of 16 paragraphs, seed 0, on a laptop CPU: about 20 minutes with a
cache of the parses. ``--holdout N`` trains on the texts after the first N and reports token-level figures on
those N (the development protocol); without it, all texts train the shipped weights ``weights/roles.npz``
(float16) and ``weights/roles.json``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from newstrace.nlp.view import BodyView
from newstrace.quotes.extract import rule_attributions
from newstrace.quotes.tagger import N_CATEGORIES, N_CATEGORY_SETS, N_LEMMAS, ROLES, TAGS, featurise, paragraphs
from training.polnear import Relation, parse_split

SETTINGS = {"lemma_dim": 48, "head_lemma_dim": 16, "category_dim": 16, "input": 128, "hidden": 64, "layers": 1,
            "dropout": 0.25, "epochs": 8, "batch": 16, "learning_rate": 2e-3, "seed": 0}
_PRIORITY = ("content", "source", "cue")  # later roles win a token claimed twice


def _say(line: str) -> None:
    print(line, flush=True)


def gold_tags(doc, view: BodyView, relations: list[Relation]) -> np.ndarray:
    """The BIO tag (an index into ``TAGS``) of every token."""
    starts = np.fromiter((view.to_article(t.idx) for t in doc), np.int64, len(doc))
    ends = np.fromiter((view.to_article(t.idx + max(len(t), 1) - 1) + 1 for t in doc), np.int64, len(doc))
    role = np.zeros(len(doc), np.int64)
    owner = np.full(len(doc), -1, np.int64)
    for k, rel in enumerate(relations):
        for name in _PRIORITY:
            for s, e in getattr(rel, name):
                m = (starts < e) & (ends > s) & ~np.fromiter((t.is_space for t in doc), bool, len(doc))
                role[m] = ROLES.index(name) + 1
                owner[m] = k
    tags = role.copy()
    for i in range(len(doc)):
        if role[i] and (i == 0 or role[i - 1] != role[i] or owner[i - 1] != owner[i]):
            tags[i] = role[i] + 3
    return tags


class Network(nn.Module):
    """The torch twin of ``RoleTagger``'s numpy forward pass (same parameter names once exported)."""

    def __init__(self, dense_width: int, s: dict = SETTINGS):
        super().__init__()
        self.lemma = nn.Embedding(N_LEMMAS, s["lemma_dim"])
        self.head_lemma = nn.Embedding(N_LEMMAS, s["head_lemma_dim"])
        self.categories = nn.Embedding(N_CATEGORIES * N_CATEGORY_SETS, s["category_dim"])
        width = s["lemma_dim"] + s["head_lemma_dim"] + s["category_dim"] * N_CATEGORY_SETS + dense_width
        self.input = nn.Linear(width, s["input"])
        self.lstm = nn.LSTM(s["input"], s["hidden"], num_layers=s["layers"], bidirectional=True, batch_first=True,
                            dropout=s["dropout"] if s["layers"] > 1 else 0.0)
        self.output = nn.Linear(2 * s["hidden"], len(TAGS))
        self.dropout = nn.Dropout(s["dropout"])

    def forward(self, lemma, head_lemma, cats, dense, lengths):
        b, t = lemma.shape
        offsets = torch.arange(N_CATEGORY_SETS) * N_CATEGORIES
        categories = self.categories(cats + offsets).reshape(b, t, -1)
        x = torch.cat([self.lemma(lemma), self.head_lemma(head_lemma), categories, dense], -1)
        x = self.dropout(torch.relu(self.input(self.dropout(x))))
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        y, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=t)
        return self.output(self.dropout(y))


def examples(parsed) -> list[tuple]:
    """One example per paragraph: ``(text index, document features, document tags, token range, word mask)``."""
    out = []
    for n, (doc, view, relations) in enumerate(parsed):
        features = featurise(doc, rule_attributions(doc, doc.text))
        tags = gold_tags(doc, view, relations)
        words = np.fromiter((any(c.isalnum() for c in t.text) for t in doc), bool, len(doc))
        out.extend((n, features, tags, unit, words) for unit in paragraphs(features))
    return out


def _batch(items):
    lengths = torch.tensor([e - s for _, _, _, (s, e), _ in items])
    b, t = len(items), int(lengths.max())
    width = items[0][1].dense.shape[1]
    lemma, head_lemma = torch.zeros(b, t, dtype=torch.long), torch.zeros(b, t, dtype=torch.long)
    cats = torch.zeros(b, t, N_CATEGORY_SETS, dtype=torch.long)
    dense, tags = torch.zeros(b, t, width), torch.full((b, t), -100, dtype=torch.long)
    for k, (_, f, y, (s, e), _) in enumerate(items):
        n = e - s
        lemma[k, :n] = torch.from_numpy(f.lemma[s:e])
        head_lemma[k, :n] = torch.from_numpy(f.head_lemma[s:e])
        cats[k, :n] = torch.from_numpy(f.categories[s:e])
        dense[k, :n] = torch.from_numpy(f.dense[s:e])
        tags[k, :n] = torch.from_numpy(y[s:e])
    return (lemma, head_lemma, cats, dense, lengths), tags


def fit(train: list, settings: dict = SETTINGS, log=_say) -> Network:
    torch.manual_seed(settings["seed"])
    rng = np.random.default_rng(settings["seed"])
    model = Network(train[0][1].dense.shape[1], settings)
    opt = torch.optim.Adam(model.parameters(), settings["learning_rate"])
    per_epoch = -(-len(train) // settings["batch"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=settings["learning_rate"],
                                                   total_steps=settings["epochs"] * per_epoch)
    model.train()
    for epoch in range(settings["epochs"]):
        t0, total = time.perf_counter(), 0.0
        # batches of paragraphs of similar length, in random order
        order = sorted(range(len(train)), key=lambda i: train[i][3][1] - train[i][3][0] + 8 * rng.random())
        batches = [order[k:k + settings["batch"]] for k in range(0, len(order), settings["batch"])]
        for k in rng.permutation(len(batches)):
            inputs, tags = _batch([train[i] for i in batches[k]])
            loss = nn.functional.cross_entropy(model(*inputs).reshape(-1, len(TAGS)), tags.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            schedule.step()
            total += loss.item()
        log(f"epoch {epoch + 1}: loss {total / len(batches):.4f} ({time.perf_counter() - t0:.0f}s)")
    model.eval()
    return model


def predict(model: Network, items: list) -> list[np.ndarray]:
    """Tag probabilities of each example."""
    out = []
    with torch.no_grad():
        for k in range(0, len(items), 64):
            chunk = items[k:k + 64]
            inputs, _ = _batch(chunk)
            probs = model(*inputs).softmax(-1).numpy()
            out.extend(probs[j, :e - s] for j, (_, _, _, (s, e), _) in enumerate(chunk))
    return out


def token_figures(items: list, probs: list[np.ndarray]) -> dict:
    """Precision, recall and F1 of each role over word tokens (argmax tag, B and I together)."""
    counts = {role: [0, 0, 0] for role in ROLES}  # true positives, predicted, gold
    for (_, _, y, (s, e), mask), p in zip(items, probs):
        words = mask[s:e]
        pred = _roles(p.argmax(1))
        gold = _roles(y[s:e])
        for k, role in enumerate(ROLES, 1):
            counts[role][0] += int(((pred == k) & (gold == k) & words).sum())
            counts[role][1] += int(((pred == k) & words).sum())
            counts[role][2] += int(((gold == k) & words).sum())
    figures = {}
    for role, (tp, npred, ngold) in counts.items():
        p, r = tp / max(npred, 1), tp / max(ngold, 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        figures[role] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
    return figures


def _roles(tags: np.ndarray) -> np.ndarray:
    return np.where(tags > 3, tags - 3, tags)


def export(model: Network, out: Path, meta: dict) -> None:
    """Write the weights under the numpy tagger's names (float16) and the settings."""
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    arrays = {"lemma": state["lemma.weight"], "head_lemma": state["head_lemma.weight"],
              "categories": state["categories.weight"], "input.weight": state["input.weight"],
              "input.bias": state["input.bias"], "output.weight": state["output.weight"],
              "output.bias": state["output.bias"]}
    for layer in range(model.lstm.num_layers):
        for part in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            for suffix in ("", "_reverse"):
                arrays[f"lstm.l{layer}.{part}{suffix}"] = state[f"lstm.{part}_l{layer}{suffix}"]
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "roles.npz", **{k: v.astype(np.float16) for k, v in arrays.items()})
    (out / "roles.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def train(split: Path, cache: Path | None = None, holdout: int = 0, out: Path | None = None, log=_say) -> dict:
    """Train and export; with ``holdout``, report figures on the held-out texts and export only to an explicit
    ``out``."""
    parsed = parse_split(split, cache)
    items = examples(parsed)
    held = [it for it in items if it[0] < holdout]
    rest = [it for it in items if it[0] >= holdout]
    log(f"{len(parsed)} texts, {len(items)} paragraphs; training on {len(rest)}")
    model = fit(rest, log=log)
    width = int(parsed[0][0].tensor.shape[1])
    meta = {"settings": SETTINGS, "tensor_width": width, "layers": SETTINGS["layers"],
            "trained": dt.date.today().isoformat(),
            "data": f"PolNeAR {split.name} split ({len(parsed) - holdout} texts, first annotator per text)"}
    if held:
        meta["holdout"] = {"texts": holdout, "token_figures": token_figures(held, predict(model, held))}
        log(json.dumps(meta["holdout"]))
    if out is not None:
        export(model, out, meta)
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the role tagger on PolNeAR.")
    parser.add_argument("--split", type=Path, required=True, help="a PolNeAR split folder with text/ and attributions/")
    parser.add_argument("--cache", type=Path,
                        help="keep the parsed texts (and token vectors) in this file between runs")
    parser.add_argument("--holdout", type=int, default=0, help="hold out the first N texts and report figures on them")
    parser.add_argument("--out", type=Path, help="folder to write roles.npz and roles.json to (the shipped ones: "
                                                  "src/newstrace/quotes/weights); only with --holdout may it be left out")
    args = parser.parse_args(argv)
    if not (args.split / "text").is_dir():
        raise SystemExit(f"error: {args.split} has no text/ folder (expected a PolNeAR split)")
    if args.out is None and not args.holdout:
        parser.error("--out is required (the folder to write the weights to)")
    train(args.split, args.cache, args.holdout, args.out)


if __name__ == "__main__":
    main()
