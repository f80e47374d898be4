"""The check-worthiness classifier: a calibrated probability per sentence, and thresholds by name.

Two models trained on CheckThat! 2024 ship in ``weights/`` (``MANIFEST.json`` says how each file was made):

* the *lexical* model, a logistic regression over abstracted n-grams and cues (``features.py``; needs only spaCy),
  the fallback without the ``[semantic]`` extra;
* the *fine-tuned MiniLM* (``tuned_top.npz``; ``python -m training.finetune``), run through ONNX Runtime in float32
  (``encoder.py``, ``minilm_checkworthy*.onnx``; no torch) or, without those files, through torch (``tuned.py``).

Both scores are probabilities: a logistic map (Platt scaling) fitted on a block of debates the model was not
trained on, the latest 20% of CheckThat! train by sentence id. Two thresholds ship with each model: ``checkthat``
(best F1 on that block) and ``news`` (the default: chosen on news sentences labelled by hand, where check-worthy
sentences are far more common than in debates). ``--threshold news|checkthat|0.7`` picks one.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newstrace.claims import embeddings, encoder
from newstrace.claims.features import lexical_matrix
from newstrace.errors import ModelMissing, NewstraceError

WEIGHTS = Path(__file__).resolve().parent / "weights"
DEFAULT_THRESHOLD = "news"


class BadThreshold(NewstraceError):
    """A ``--threshold`` that is neither a named threshold nor a number in 0–1."""

    exit_code = 2


@dataclass(frozen=True)
class CheckworthinessModel:
    lexical_coef: np.ndarray
    lexical_bias: float
    meta: dict
    backend: str  # "onnx" | "torch" | "lexical"
    tuned_path: Path | None = None
    threshold_name: str = DEFAULT_THRESHOLD

    @property
    def semantic(self) -> bool:
        """Whether scores come from the fine-tuned MiniLM."""
        return self.backend != "lexical"

    @property
    def tuned(self) -> dict | None:
        """How the fine-tuned model enters the score (``meta["tuned"]``), when it is used."""
        return self.meta["tuned"] if self.semantic else None

    @property
    def thresholds(self) -> dict[str, float]:
        entry = self.tuned if self.semantic else self.meta["lexical"]
        return {name: float(value) for name, value in entry["thresholds"].items()}

    @property
    def threshold(self) -> float:
        return resolve_threshold(self.threshold_name, self)

    @property
    def name(self) -> str:
        if self.backend == "onnx":
            return "fine-tuned MiniLM (ONNX)"
        return "fine-tuned MiniLM (torch)" if self.backend == "torch" else "lexical (no torch)"

    def score(self, sents: list) -> np.ndarray:
        """Calibrated probabilities for parsed sentences (spaCy ``Span`` or ``Doc`` objects of the English model)."""
        if not sents:
            return np.zeros(0)
        if not self.semantic:
            a, b = self.meta["lexical"]["calibration"]
            return _sigmoid(a * logit(self.lexical_probability(sents)) + b)
        # the lexical features only when the stack reads them (the shipped one does not: 0.13 s per 1,000 clauses)
        return self.tuned_scores(lambda: self.lexical_probability(sents), [s.text for s in sents])

    def lexical_probability(self, sents: list) -> np.ndarray:
        """The lexical model's raw (uncalibrated) probability."""
        return _sigmoid(lexical_matrix(sents) @ self.lexical_coef + self.lexical_bias)

    def tuned_scores(self, lexical, texts: list[str]) -> np.ndarray:
        """The shipped stack over the fine-tuned logit (and the lexical logit, when the stack uses it); ``lexical``:
        the lexical probabilities, or a function that gives them."""
        stack = self.tuned["stack"]
        columns = {"lexical": lambda: logit(lexical() if callable(lexical) else lexical),
                   "tuned": lambda: self.tuned_logits(texts)}
        z = sum(float(w) * columns[name]() for name, w in stack.items() if name != "bias") + float(stack["bias"])
        return _sigmoid(z)

    def tuned_logits(self, texts: list[str]) -> np.ndarray:
        if self.backend == "onnx":
            return embeddings.logits(texts)
        from newstrace.claims import tuned

        top = _tuned_top(self.tuned_path)
        return tuned.logits(top, tuned.hidden_only(texts, top.first_layer))


@functools.lru_cache(maxsize=2)
def _tuned_top(path: Path):
    from newstrace.claims import tuned

    return tuned.load(path)


def resolve_threshold(spec: str | float | None, model: CheckworthinessModel) -> float:
    """A threshold from a name (``news``, ``checkthat``), a number in 0–1, or ``None`` (the default, ``news``)."""
    if spec is None:
        spec = DEFAULT_THRESHOLD
    if isinstance(spec, str) and spec in model.thresholds:
        return model.thresholds[spec]
    try:
        value = float(spec)
    except ValueError:
        raise BadThreshold(f"unknown threshold {spec!r}: use {' or '.join(model.thresholds)} or a number "
                           "from 0 to 1") from None
    if not 0 <= value <= 1:
        raise BadThreshold(f"threshold {spec} is outside 0–1")
    return value


def backend(semantic: bool | None, folder: Path = WEIGHTS) -> str:
    """Which scorer runs: ONNX when its file and runtime are there, else torch when installed, else lexical."""
    if semantic is False or not (folder / "tuned_top.npz").exists() or not embeddings.available():
        return "lexical"  # embeddings.available() is False with NEWSTRACE_SEMANTIC=0
    if encoder.available(folder / encoder.ONNX_FILE.name):
        return "onnx"
    return "torch" if embeddings.torch_available() else "lexical"


@functools.lru_cache(maxsize=8)
def load_model(semantic: bool | None = None, folder: Path = WEIGHTS,
               threshold: str = DEFAULT_THRESHOLD) -> CheckworthinessModel:
    """The shipped model; ``semantic=None`` uses the fine-tuned MiniLM whenever it can run."""
    try:
        arrays = np.load(folder / "checkworthy.npz")
        meta = json.loads((folder / "checkworthy.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelMissing(f"check-worthiness weights not found in {folder}: "
                           "retrain with python -m training.checkworthiness --data PATH --out FOLDER") from None
    model = CheckworthinessModel(arrays["lexical_coef"], float(arrays["lexical_bias"]), meta, backend(semantic, folder),
                                 folder / "tuned_top.npz", threshold)
    resolve_threshold(threshold, model)  # a bad name fails here, before any text is read
    return model


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
                    threshold: str | float | None = None) -> list[tuple[float, bool]]:
    """``(score, check-worthy?)`` per sentence; ``threshold`` a name or a number (default ``news``); blank scores 0."""
    model = load_model(semantic)
    cut = resolve_threshold(threshold, model)
    filled = [i for i, s in enumerate(sentences) if s.strip()]
    scores = dict(zip(filled, score_texts([sentences[i].strip() for i in filled], semantic=semantic)))
    return [(scores.get(i, 0.0), scores.get(i, 0.0) >= cut and i in scores) for i in range(len(sentences))]
