"""No input crashes: sample files whole, joined and cut at random byte offsets give a result or a documented exit."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _corpus import SHARED  # noqa: E402
from robustness import DOCUMENTED_EXITS, outcome, sample_files, variants  # noqa: E402


def _sample(n: int, *, shared: bool, max_bytes: int, seed: int) -> list[tuple[str, str, bytes]]:
    files = sample_files(SHARED if shared and SHARED.is_dir() else None)
    every = list(variants(files, cuts=2, seed=seed, max_bytes=max_bytes))
    return random.Random(seed).sample(every, min(n, len(every)))


SAMPLED = _sample(40, shared=True, max_bytes=400_000, seed=3)


@pytest.mark.parametrize("label,name,data", SAMPLED, ids=[label for label, _, _ in SAMPLED])
def test_reading_and_extraction_never_crash(label, name, data):
    result = outcome(name, data, extract_only=True)
    assert not result.startswith("crash"), f"{label}: {result}"


def test_full_analysis_of_cut_and_joined_examples_never_crashes(nlp):
    for label, name, data in _sample(6, shared=False, max_bytes=20_000, seed=5):
        result = outcome(name, data, extract_only=False)
        assert not result.startswith("crash"), f"{label}: {result}"


def test_a_crash_is_reported_as_one(monkeypatch):
    import newstrace.extract

    def broken(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr(newstrace.extract, "extract_article", broken)
    assert outcome("x.txt", b"Some words here.", extract_only=True) == "crash: KeyError: 'bug'"
    assert 70 not in DOCUMENTED_EXITS
