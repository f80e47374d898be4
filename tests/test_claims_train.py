"""The pieces of the training recipe that choose things: duplicates, the stacker, the threshold."""
import numpy as np

from newstrace.claims.checkworthiness import load_model
from newstrace.claims.train import best_threshold, conflicting, fit_stacker, stacked


def test_conflicting_duplicates_are_found_across_case_and_punctuation():
    texts = ["We cut taxes.", "we cut taxes", "We cut taxes!", "Thank you.", "Thank you."]
    mask = conflicting(texts, np.array([1, 0, 1, 0, 0]))
    assert mask.tolist() == [True, True, True, False, False]  # same-label duplicates are kept


def test_stacker_weights_the_informative_model_and_is_monotonic():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 2000)
    informative = np.clip(0.5 + 0.35 * (2 * y - 1) + rng.normal(0, 0.1, 2000), 0.01, 0.99)
    noise = rng.uniform(0.01, 0.99, 2000)
    a, b, _ = fit_stacker(informative, noise, y)
    assert a > 1 and abs(b) < 0.3
    low, high = stacked((a, b, 0.0), np.array([0.2, 0.8]), np.array([0.5, 0.5]))
    assert 0 < low < 0.5 < high < 1


def test_best_threshold_takes_the_middle_of_a_tie():
    scores, labels = np.array([0.1, 0.15, 0.9, 0.95]), np.array([0, 0, 1, 1])
    threshold, f1 = best_threshold(scores, labels)
    assert f1 == 1.0 and 0.3 < threshold < 0.7


def test_shipped_ensemble_is_a_calibrated_stack_of_both_models():
    model = load_model(False)
    a, b, _ = model.stack
    assert a > 0 and b > 0  # both models add evidence
    both_high = model.combine(np.array([0.9]), np.array([0.9]))[0]
    both_low = model.combine(np.array([0.1]), np.array([0.1]))[0]
    assert both_low < model.threshold_ensemble < both_high
    assert model.meta["figures"]["cv_f1"] > 0.5
