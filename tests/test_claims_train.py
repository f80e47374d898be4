"""The pieces of the lexical training recipe (training/checkworthiness.py): duplicates, the chronological block,
calibration and the threshold."""
import numpy as np

from training.checkworthiness import (best_threshold, chronological_block, conflicting, cross_validated_platt,
                                      deduplicated, platt)


def test_conflicting_duplicates_are_found_across_case_and_punctuation():
    texts = ["We cut taxes.", "we cut taxes", "We cut taxes!", "Thank you.", "Thank you."]
    mask = conflicting(texts, np.array([1, 0, 1, 0, 0]))
    assert mask.tolist() == [True, True, True, False, False]  # same-label duplicates are kept


def test_deduplication_keeps_the_first_of_each_text_inside_the_rows():
    texts = ["Thank you.", "thank you", "We cut taxes.", "we cut taxes!", "Jobs grew."]
    keep = deduplicated(texts, np.array([0, 0, 1, 0, 1]), np.array([True, True, True, True, False]))
    assert keep.tolist() == [True, False, False, False, False]


def test_chronological_block_is_the_latest_fifth_of_the_ids():
    ids = np.arange(100)[::-1]
    block = chronological_block(ids)
    assert block.sum() == 20 and ids[block].min() == 80


def test_calibration_matches_the_observed_rate():
    rng = np.random.default_rng(0)
    z = rng.normal(0, 2, 5000)
    y = (rng.uniform(size=5000) < 1 / (1 + np.exp(-(0.5 * z - 1)))).astype(int)  # over-confident logits
    a, b = platt(z, y)
    assert abs(a - 0.5) < 0.1 and abs(b + 1) < 0.15
    cv = cross_validated_platt(z, y)
    for lo, hi in ((0.0, 0.2), (0.2, 0.5), (0.5, 1.0)):
        inside = (cv >= lo) & (cv < hi)
        assert abs(y[inside].mean() - cv[inside].mean()) < 0.05


def test_best_threshold_takes_the_middle_of_a_tie():
    scores, labels = np.array([0.1, 0.15, 0.9, 0.95]), np.array([0, 0, 1, 1])
    threshold, f1 = best_threshold(scores, labels)
    assert f1 == 1.0 and 0.3 < threshold < 0.7


def test_news_threshold_never_flags_far_more_than_is_there():
    from training.thresholds import news_threshold

    rng = np.random.default_rng(3)
    labels = (rng.uniform(size=400) < 0.3).astype(int)
    scores = np.clip(0.55 + 0.25 * labels + rng.normal(0, 0.15, 400), 0, 1)  # everything scores high
    threshold, f1 = news_threshold(scores, labels)
    assert abs((scores >= threshold).mean() - labels.mean()) <= 0.10 + 1e-9
    assert 0 < f1 <= 1 and threshold > 0.5
