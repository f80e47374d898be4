"""The fine-tuned MiniLM layers (claims/tuned.py, training/finetune.py): one forward pass for both uses, the
plain-torch layer against the packaged one, training with early stopping, float16 save/load, the choice of
the shipped combination, pruning, and the experiment script without data."""

import numpy as np
import pytest

from newstrace.claims import embeddings

pytestmark = pytest.mark.semantic
TEXTS = ["Unemployment fell to 3.9 percent in December.", "Thank you.",
         "We have cut taxes for working families every single year since 1998, and the deficit is gone."]


@pytest.fixture(scope="module")
def torch_modules():
    if not embeddings.torch_available():
        pytest.skip("torch and the [semantic] extra are not installed")
    from types import SimpleNamespace

    from newstrace.claims import tuned
    from training import finetune

    return SimpleNamespace(tuned=tuned, finetune=finetune)


def test_one_pass_gives_the_frozen_embedding_and_the_hidden_states(torch_modules):
    vectors, states = torch_modules.tuned.encode_with_hidden(TEXTS, 5)
    assert np.allclose(vectors, embeddings._model().encode(TEXTS, normalize_embeddings=True), atol=1e-5)  # torch's
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
    recipe = finetune.Recipe(n_layers=1, epochs=2, batch_size=16, layer_lr=1e-4, head_lr=1e-2, checks=2, patience=5)
    top, history = finetune.fine_tune(train, y_train, dev, y_dev, tuned.model_dir(), recipe, log=lambda _: None)
    assert [e["epoch"] for e in history.epochs] == [0.5, 1.0, 1.5, 2.0]  # two checks an epoch
    best = max(history.epochs, key=lambda e: e["stop_f1"])
    assert history.best_epoch == best["epoch"] and best["stop_f1"] > 0.9
    z = tuned.logits(top, dev)
    assert z[y_dev == 1].mean() > z[y_dev == 0].mean()
    tuned.save(top, tmp_path / "top.npz")
    assert np.allclose(tuned.logits(tuned.load(tmp_path / "top.npz"), dev), z, atol=0.05)  # float16 weights


def test_training_stops_when_the_block_stops_improving(torch_modules):
    finetune, tuned = torch_modules.finetune, torch_modules.tuned
    rng = np.random.default_rng(2)
    states = [rng.normal(size=(4, 384)).astype(np.float32) for _ in range(96)]
    y = rng.integers(0, 2, 96)  # no signal: the F1 on the unseen block cannot keep rising
    recipe = finetune.Recipe(n_layers=1, epochs=20, batch_size=16, checks=1, patience=2)
    _, history = finetune.fine_tune(states[:64], y[:64], states[64:], y[64:], tuned.model_dir(), recipe,
                                    log=lambda _: None)
    assert len(history.epochs) < 20


def test_pruning_keeps_every_positive_and_the_hardest_negatives(torch_modules):
    finetune = torch_modules.finetune
    labels = np.array([1, 0, 0, 0, 1, 0, 0])
    difficulty = np.array([0.9, 0.1, 0.8, 0.5, 0.7, 0.6, 0.99])
    rows = np.array([True] * 6 + [False])  # the last row is outside the training rows
    keep = finetune.pruned(rows, labels, difficulty, negatives_per_positive=1.0)
    assert keep.tolist() == [True, False, True, False, True, True, False]


def test_the_shipped_combination_is_the_best_with_fewer_models_on_a_tie(torch_modules):
    finetune = torch_modules.finetune
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 400)
    signal = 2.0 * (2 * y - 1)
    x = np.c_[rng.normal(0, 1, 400), signal + rng.normal(0, 1, 400)]
    name, stack, threshold, scores = finetune.choose(x, y)
    assert name == "tuned"  # the only informative column: adding the noise column gains less than the tie margin
    assert 0.2 <= threshold <= 0.8 and len(stack) == 2


def test_stopping_the_frozen_pass_early_gives_the_same_states(torch_modules):
    tuned = torch_modules.tuned
    hooks = tuned.embeddings._model()[0].auto_model.encoder.layer[2]._forward_hooks
    before = len(hooks)
    _, full = tuned.encode_with_hidden(TEXTS, 3)
    early = tuned.hidden_only(TEXTS, 3)
    assert all(np.array_equal(a, b) for a, b in zip(full, early))
    assert len(hooks) == before  # our hook is removed after use
