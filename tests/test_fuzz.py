"""A small sample of bench/fuzz.py in the suite: generated and mutated inputs through the pipeline, each an
analysis with sound spans or a documented exit code. The full run (100,000 inputs, hangs, memory) is the bench."""
from __future__ import annotations

import random
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import fuzz  # noqa: E402

SEED, SAMPLE = 2212, 96
# Crashes in code another engineer owns and is fixing (issue 22): reported here, not failed on, until fixed.
OWNED_ELSEWHERE = ("newstrace/extract/",)


@pytest.fixture(scope="module")
def outcomes(nlp) -> dict[int, str]:
    samples = fuzz.seeds(None)  # examples/ only: the suite never reads ../shared
    found: dict[int, str] = {}
    for start in range(0, SAMPLE, 16):
        batch, _, _ = fuzz.run_batch(list(range(start, min(start + 16, SAMPLE))), SEED, samples)
        found.update(batch)
    return found


def test_every_input_is_analysed_or_a_documented_error(outcomes):
    assert sorted(outcomes) == list(range(SAMPLE))
    kinds = {o.split(":", 1)[0].split(" ")[0] for o in outcomes.values()}
    assert "ok" in kinds and "exit" in kinds  # the sample reaches the analysis and the refusals both
    crashes = {i: o for i, o in outcomes.items() if o.startswith(("crash", "memory"))}
    ours = {i: o for i, o in crashes.items() if not any(where in o for where in OWNED_ELSEWHERE)}
    assert not ours, ours
    if crashes:
        pytest.xfail(f"{len(crashes)} crashes in extraction (issue 22, being fixed there): "
                     + "; ".join(sorted({o.split(' at ')[-1] for o in crashes.values()})))


def test_every_span_of_every_analysis_is_its_text(outcomes):
    bad = {i: o for i, o in outcomes.items() if o.startswith("spans")}
    assert not bad, bad


def test_inputs_are_the_same_for_the_same_seed_and_index():
    samples = fuzz.seeds(None)
    assert fuzz.fuzz_input(SEED, 7, samples) == fuzz.fuzz_input(SEED, 7, samples)
    assert len({repr(fuzz.fuzz_input(SEED, i, samples)) for i in range(50)}) == 50


def test_the_span_check_finds_a_span_that_is_not_its_text():
    analysis = {"article": {"text": "abc def", "title_span": {"start": 0, "end": 3, "text": "abc"}},
                "quotes": [{"span": {"start": 4, "end": 7, "text": "dex"}}]}
    count, bad = fuzz.check_spans(analysis)
    assert count == 2 and len(bad) == 1 and "'dex'" in bad[0]


def test_mutations_change_the_sample_and_keep_it_small():
    rng = random.Random(1)
    sample = (ROOT / "examples" / "obamawhitehouse.archives.gov--blog.html").read_bytes()
    mutated = [fuzz.mutate(sample, rng, [sample]) for _ in range(20)]
    assert all(m != sample[:len(m)] or len(m) < len(sample) for m in mutated)
    assert max(map(len, mutated)) < fuzz.SEED_WINDOW * 4
