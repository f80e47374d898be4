"""Export the shipped MiniLM (packaged encoder + fine-tuned check-worthiness layers) to two ONNX graphs without weights.

    python -m training.export_onnx --top src/newstrace/claims/weights/tuned_top.npz \
        --out src/newstrace/claims/weights/minilm_checkworthy.onnx

writes ``minilm_checkworthy.onnx`` (sentence embedding and check-worthiness logit) and, beside it,
``minilm_checkworthy_logit.onnx`` (the logit only: the packaged layers above the fine-tuned branch are left out).
Needs torch, onnx and onnxruntime. Each graph takes the word vectors (looked up outside, from the installed package's
table) and the attention mask; it adds position and token-type embeddings, runs the packaged layers and, from the
hidden state where the fine-tuned layers start, those layers, mean pooling and the head.

The weights are not stored: every parameter is marked as external data, and ``claims/encoder.py`` hands ONNX
Runtime the packaged model's float32 tensors and ``tuned_top.npz``'s float16 ones cast to float32 at load. So the
graphs compute what torch computes (int8 weights moved dev-test F1 by 0.012 and made a score depend on the rest of
the batch), and a change of ``tuned_top.npz`` needs no new export. The export checks that the graphs' parameters
are exactly the ones ``encoder.parameter_names`` supplies, and that both graphs give torch's logits on a few
sentences (within 1e-5) alone and in one padded batch.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
import torch
from torch import nn

from newstrace.claims import encoder, tuned

CHECK_TEXTS = ["The bill passed the Senate by a vote of 52 to 48.", "Good evening.",
               "Exports to China have grown by a third since the trade deal was signed, and 40,000 jobs came with "
               "them."]


class Graph(nn.Module):
    """Embedding layer (minus the word lookup), the packaged layers, and the tuned branch; parameters are named as
    ``encoder.parameter_names`` expects them."""

    def __init__(self, top: tuned.TunedTop, model_dir: Path, embedding: bool = True):
        super().__init__()
        from safetensors.torch import load_file

        state = load_file(str(Path(model_dir) / "model.safetensors"))
        prefix = "bert." if "bert.embeddings.position_embeddings.weight" in state else ""
        self.positions = nn.Parameter(state[f"{prefix}{encoder.EMBEDDING_NAMES['positions']}"], requires_grad=False)
        self.token_types = nn.Parameter(state[f"{prefix}{encoder.EMBEDDING_NAMES['token_types']}"], requires_grad=False)
        self.norm = nn.LayerNorm(tuned.HIDDEN, eps=tuned.EPS)
        self.norm.weight.data.copy_(state[f"{prefix}{encoder.EMBEDDING_NAMES['norm.weight']}"])
        self.norm.bias.data.copy_(state[f"{prefix}{encoder.EMBEDDING_NAMES['norm.bias']}"])
        layers = tuned.from_checkpoint(tuned.N_LAYERS, model_dir, dropout=0.0).layers
        self.packaged = layers if embedding else layers[:top.first_layer]
        self.top, self.embedding = top, embedding

    def forward(self, word_vectors: torch.Tensor, attention_mask: torch.Tensor):
        mask = attention_mask > 0
        h = self.norm(word_vectors + self.positions[: word_vectors.shape[1]] + self.token_types[0])
        branch = h if self.top.first_layer == 0 else None
        for i, layer in enumerate(self.packaged):
            h = layer(h, mask)
            if i + 1 == self.top.first_layer:
                branch = h
        logit = self.top(branch, mask)
        if not self.embedding:
            return logit
        m = mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return pooled / pooled.norm(dim=1, keepdim=True).clamp(min=1e-12), logit


def export(top_path: Path, out: Path, model_dir: Path | None = None) -> list[Path]:
    """Write both graphs (``out`` and the logit graph beside it); returns their paths."""
    import onnx

    model_dir = model_dir or tuned.model_dir()
    top = tuned.load(top_path)
    top_keys = list(np.load(top_path).files)
    example = (torch.randn(2, 7, tuned.HIDDEN), torch.ones(2, 7, dtype=torch.int64))
    out.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for path, embedding in ((out, True), (out.parent / encoder.LOGIT_FILE.name, False)):
        outputs = ["embedding", "logit"] if embedding else ["logit"]
        with tempfile.TemporaryDirectory() as tmp:
            plain = Path(tmp) / "plain.onnx"
            # no constant folding: the parameters keep their names (weights are transposed by ONNX Runtime at load)
            torch.onnx.export(Graph(top, model_dir, embedding).eval(), example, str(plain),
                              input_names=["word_vectors", "attention_mask"], output_names=outputs, opset_version=17,
                              dynamo=False, do_constant_folding=False,
                              dynamic_axes={"word_vectors": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"},
                                            **{name: {0: "batch"} for name in outputs}})
            graph = onnx.load(str(plain))
            names = [t.name for t in graph.graph.initializer]
            expected = encoder.parameter_names((encoder.ONNX_FILE if embedding else encoder.LOGIT_FILE).name, top_keys)
            if sorted(names) != sorted(expected):
                raise SystemExit(f"{path.name}: parameters {sorted(set(names) ^ set(expected))} differ from "
                                 "what claims/encoder.py supplies")
            onnx.save_model(graph, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                            location=f"{path.stem}.weights-not-shipped", size_threshold=0)
        (path.parent / f"{path.stem}.weights-not-shipped").unlink()  # encoder.py supplies them
        written.append(path)
    check(out.parent, top_path)
    return written


def check(folder: Path, top_path: Path) -> None:
    """Both graphs, as encoder.py loads them, against torch: logits within 1e-5, alone and in one batch."""
    enc = encoder.Encoder(folder, top=top_path)
    top = tuned.load(top_path)
    want = tuned.logits(top, tuned.encode_with_hidden(CHECK_TEXTS, top.first_layer)[1])
    together = enc.logits(CHECK_TEXTS)
    alone = np.array([enc.logits([t])[0] for t in CHECK_TEXTS])
    both = enc.run(CHECK_TEXTS)[1]
    for name, got in (("logit graph, batch", together), ("logit graph, alone", alone), ("embedding graph", both)):
        gap = float(np.abs(got - want).max())
        if gap > 1e-5:
            raise SystemExit(f"{name}: logits differ from torch's by {gap:.2e}")
    print(f"checked: logits within 1e-5 of torch's ({float(np.abs(together - want).max()):.1e})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=Path, required=True, help="the fine-tuned layers (tuned_top.npz)")
    parser.add_argument("--out", type=Path, required=True,
                        help="the embedding graph to write (the logit graph goes beside it)")
    args = parser.parse_args(argv)
    if args.out.name != encoder.ONNX_FILE.name:
        parser.error(f"--out must be named {encoder.ONNX_FILE.name}: claims/encoder.py reads the graphs by name")
    for path in export(args.top, args.out):
        print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} KB, no weights)")


if __name__ == "__main__":
    main()
