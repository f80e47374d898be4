"""The fine-tuned MiniLM top (claims/tuned.py, claims/finetune.py): one forward pass for both uses, the
plain-torch layer against the packaged one, training with dev epoch choice, float16 save/load, the choice of
the shipped combination, and the experiment script without data."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newstrace.claims import embeddings

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.semantic
TEXTS = ["Unemployment fell to 3.9 percent in December.", "Thank you.",
         "We have cut taxes for working families every single year since 1998, and the deficit is gone."]


@pytest.fixture(scope="module")
def torch_modules():
    if not embeddings.available():
        pytest.skip("the [semantic] extra is not installed")
    from types import SimpleNamespace

    from newstrace.claims import finetune, tuned

    return SimpleNamespace(tuned=tuned, finetune=finetune)


def test_one_pass_gives_the_frozen_embedding_and_the_hidden_states(torch_modules):
    vectors, states = torch_modules.tuned.encode_with_hidden(TEXTS, 5)
    assert np.allclose(vectors, embeddings.encode(TEXTS), atol=1e-5)
    assert [s.shape[1] for s in states] == [384] * 3
    assert len(states[1]) < len(states[0]) < len(states[2])  # real tokens only, no padding


def test_plain_torch_layer_reproduces_the_packaged_top_layer(torch_modules):
    import torch

    tuned = torch_modules.tuned
    top = tuned.from_checkpoint(1, tuned.model_dir(), dropout=0.0).eval()
    _, below = tuned.encode_with_hidden(TEXTS, 5)
    _, after = tuned.encode_with_hidden(TEXTS, 6)
    h, mask = tuned.pad(below)
    with torch.no_grad():
        out = top.layers[0](h, mask)
    for i, expected in enumerate(after):
        assert np.allclose(out[i, :len(expected)].numpy(), expected, atol=1e-4)


def test_fine_tuning_learns_a_separable_signal_and_dev_picks_the_epoch(torch_modules, tmp_path):
    finetune, tuned = torch_modules.finetune, torch_modules.tuned
    rng = np.random.default_rng(0)
    direction = rng.normal(size=384).astype(np.float32)

    def sample(n):
        y = rng.integers(0, 2, n)
        states = [rng.normal(size=(int(rng.integers(3, 9)), 384)).astype(np.float32) + 0.5 * (2 * label - 1) * direction
                  for label in y]
        return states, y

    (train, y_train), (dev, y_dev) = sample(96), sample(48)
    recipe = finetune.Recipe(n_layers=1, epochs=2, batch_size=16, layer_lr=1e-4, head_lr=1e-2)
    top, history = finetune.fine_tune(train, y_train, dev, y_dev, tuned.model_dir(), recipe, log=lambda _: None)
    assert [e["epoch"] for e in history.epochs] == [1, 2]
    best = max(history.epochs, key=lambda e: e["dev_f1"])
    assert history.best_epoch == best["epoch"] and best["dev_f1"] > 0.9
    z = tuned.logits(top, dev)
    assert z[y_dev == 1].mean() > z[y_dev == 0].mean()
    tuned.save(top, tmp_path / "top.npz")
    assert np.allclose(tuned.logits(tuned.load(tmp_path / "top.npz"), dev), z, atol=0.05)  # float16 weights


def test_experiment_skips_cleanly_without_the_data(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench/checkworthy_finetune.py"), "--data", str(tmp_path / "none"),
                          "--cache", str(tmp_path / "cache")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("skipped: no CheckThat! data")


def test_the_shipped_combination_is_the_best_on_the_shifted_block_with_fewer_models_on_a_tie(torch_modules):
    finetune = torch_modules.finetune
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 400)
    signal = 2.0 * (2 * y - 1)
    x = np.c_[rng.normal(0, 1, 400), rng.normal(0, 1, 400), signal + rng.normal(0, 1, 400)]
    name, stack, threshold, scores = finetune.choose(x, y)
    assert name == "tuned"  # the only informative column: adding noise columns gains less than the tie margin
    assert scores["tuned"] > scores["lexical + embedding"] + 0.1 and 0.2 <= threshold <= 0.8 and len(stack) == 2


def test_stopping_the_frozen_pass_early_gives_the_same_states(torch_modules):
    tuned = torch_modules.tuned
    hooks = tuned.embeddings._model()[0].auto_model.encoder.layer[2]._forward_hooks
    before = len(hooks)
    _, full = tuned.encode_with_hidden(TEXTS, 3)
    early = tuned.hidden_only(TEXTS, 3)
    assert all(np.array_equal(a, b) for a, b in zip(full, early))
    assert len(hooks) == before  # our hook is removed after use
