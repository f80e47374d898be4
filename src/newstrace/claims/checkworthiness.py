"""The check-worthiness classifier: a score in 0–1 per sentence, and the shipped threshold.

Three models trained on CheckThat! 2024 ship in ``weights/``: a lexical logistic regression over abstracted
n-grams and cues (``features.py``, needs only spaCy), a one-hidden-layer network over all-MiniLM-L6-v2
embeddings (``python -m newstrace.claims.train``), and MiniLM's top layers fine-tuned for the task
(``tuned.py``; ``python -m newstrace.claims.finetune``). With the ``[semantic]`` extra the score is a logistic
stacker over the models that ``finetune`` chose on a block of debates unseen in training (``"tuned"`` in
``checkworthy.json``); without the fine-tuned weights, the stacker over lexical and embedding models; without
the extra, the lexical model alone with its own threshold.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newstrace.claims import embeddings
from newstrace.claims.features import lexical_matrix
from newstrace.errors import ModelMissing

WEIGHTS = Path(__file__).resolve().parent / "weights"


@dataclass(frozen=True)
class CheckworthinessModel:
    lexical_coef: np.ndarray
    lexical_bias: float
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]  # embedding network: ReLU hidden layers, then a logit
    stack: tuple[float, float, float]  # sigmoid(a·logit(lexical) + b·logit(embedding) + c)
    threshold_ensemble: float
    threshold_lexical: float
    semantic: bool  # whether scores use the embeddings
    meta: dict
    tuned_path: Path | None = None  # the fine-tuned top, used with the semantic extra when present

    @property
    def tuned(self) -> dict | None:
        """How the fine-tuned top enters the score (``meta["tuned"]``), when it is used."""
        return self.meta.get("tuned") if self.semantic and self.tuned_path is not None else None

    @property
    def threshold(self) -> float:
        if self.tuned is not None:
            return float(self.tuned["threshold"])
        return self.threshold_ensemble if self.semantic else self.threshold_lexical

    @property
    def name(self) -> str:
        if self.tuned is not None:
            return f"fine-tuned MiniLM ({self.tuned['variant']})"
        return "ensemble (MiniLM + lexical)" if self.semantic else "lexical (no torch)"

    def score(self, sents: list) -> np.ndarray:
        """Scores for parsed sentences (spaCy ``Span`` or ``Doc`` objects of the English model)."""
        if not sents:
            return np.zeros(0)
        lexical = _sigmoid(lexical_matrix(sents) @ self.lexical_coef + self.lexical_bias)
        if not self.semantic:
            return lexical
        if self.tuned is not None:
            return self.tuned_scores(lexical, [s.text for s in sents])
        return self.combine(lexical, self.embedding_scores([s.text for s in sents]))

    def tuned_scores(self, lexical: np.ndarray, texts: list[str]) -> np.ndarray:
        """The chosen stack over the lexical logit, the embedding network's logit and the fine-tuned top's logit,
        from one MiniLM pass (cut after the frozen layers when the stack needs no frozen embedding)."""
        from newstrace.claims import tuned

        top = _tuned_top(self.tuned_path)
        stack = self.tuned["stack"]
        if "embedding" in stack:
            vectors, states = tuned.encode_with_hidden(texts, top.first_layer)
        else:  # no frozen embedding needed: stop the MiniLM pass where the tuned layers start
            vectors, states = None, tuned.hidden_only(texts, top.first_layer)
        columns = {"lexical": lambda: logit(lexical), "embedding": lambda: logit(self.network(vectors)),
                   "tuned": lambda: tuned.logits(top, states)}
        z = sum(float(w) * columns[name]() for name, w in stack.items() if name != "bias") + float(stack["bias"])
        return _sigmoid(z)

    def network(self, vectors: np.ndarray) -> np.ndarray:
        h = vectors
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0)
        return _sigmoid(h.ravel())

    def combine(self, lexical: np.ndarray, embedding: np.ndarray) -> np.ndarray:
        """The ensemble score from the two models' probabilities."""
        a, b, c = self.stack
        return _sigmoid(a * logit(lexical) + b * logit(embedding) + c)

    def embedding_scores(self, texts: list[str]) -> np.ndarray:
        return self.network(embeddings.encode(texts))


@functools.lru_cache(maxsize=2)
def _tuned_top(path: Path):
    from newstrace.claims import tuned

    return tuned.load(path)


@functools.lru_cache(maxsize=2)
def load_model(semantic: bool | None = None, folder: Path = WEIGHTS) -> CheckworthinessModel:
    """The shipped model; ``semantic=None`` uses the embeddings whenever the extra is installed."""
    try:
        arrays = np.load(folder / "checkworthy.npz")
        meta = json.loads((folder / "checkworthy.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelMissing(f"check-worthiness weights not found in {folder}: "
                           "retrain with python -m newstrace.claims.train --data PATH") from None
    use_semantic = embeddings.available() if semantic is None else semantic and embeddings.available()
    n_layers = int(meta["layers"])
    layers = tuple((arrays[f"w{i}"], arrays[f"b{i}"]) for i in range(n_layers))
    stack = meta["stack"]
    tuned_path = folder / "tuned_top.npz"
    return CheckworthinessModel(arrays["lexical_coef"], float(arrays["lexical_bias"]), layers,
                                (float(stack["lexical"]), float(stack["embedding"]), float(stack["bias"])),
                                float(meta["threshold_ensemble"]), float(meta["threshold_lexical"]), use_semantic, meta,
                                tuned_path if "tuned" in meta and tuned_path.exists() else None)


def score_texts(texts: list[str], nlp=None, semantic: bool | None = None) -> list[float]:
    """Scores for raw sentences (parsed here with the English model)."""
    from newstrace.nlp.model import load_nlp

    nlp = nlp or load_nlp(())
    model = load_model(semantic)
    return [float(x) for x in model.score(list(nlp.pipe(texts, batch_size=256)))]


def _sigmoid(x) -> np.ndarray:
    return 1 / (1 + np.exp(-np.asarray(x, dtype=np.float64).ravel()))


def logit(p) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def checkworthiness(sentences: list[str], semantic: bool | None = None,
                    threshold: float | None = None) -> list[tuple[float, bool]]:
    """``(score, check-worthy?)`` per sentence at the shipped threshold; a blank sentence scores 0."""
    model = load_model(semantic)
    cut = model.threshold if threshold is None else threshold
    filled = [i for i, s in enumerate(sentences) if s.strip()]
    scores = dict(zip(filled, score_texts([sentences[i].strip() for i in filled], semantic=semantic)))
    return [(scores.get(i, 0.0), scores.get(i, 0.0) >= cut and i in scores) for i in range(len(sentences))]
