"""``analyze`` of many inputs: one ``nlp.pipe`` over all of them against one parse per input, same process.

    python bench/analyze_many.py [--copies 3] [--repeats 3] [--semantic]

The inputs are the samples in examples/, each ``--copies`` times. Both variants run ``pipeline.analyze_inputs``
with the model already loaded, taking turns; "one by one" calls it once per input (what it did before it
batched). Prints the medians, the ratio, and whether both gave the same analyses.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newstrace.pipeline import AnalyzeConfig, analyze_inputs, pipeline_nlp

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def one_pipe(specs: list[str], config: AnalyzeConfig) -> list[dict]:
    return [result.to_dict() for _, result in analyze_inputs(specs, config)]


def one_by_one(specs: list[str], config: AnalyzeConfig) -> list[dict]:
    return [result.to_dict() for spec in specs for _, result in analyze_inputs([spec], config)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--semantic", action="store_true", help="MiniLM check-worthiness (default: lexical)")
    args = parser.parse_args()
    samples = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.name != "NOTICE" and "empty" not in p.name]
    specs = samples * args.copies
    config = AnalyzeConfig(semantic=args.semantic)
    pipeline_nlp()
    one_pipe(samples[:1], config)  # warm up: the model, the stages' models
    times: dict[str, list[float]] = {"one by one": [], "one pipe": []}
    outputs = {}
    for _ in range(args.repeats):
        for name, variant in (("one by one", one_by_one), ("one pipe", one_pipe)):
            start = time.perf_counter()
            outputs[name] = variant(specs, config)
            times[name].append(time.perf_counter() - start)
    chars = sum(len(d["article"]["text"]) for d in outputs["one pipe"])
    print(f"{len(specs)} inputs ({chars:,} characters of article text), median of {args.repeats}, "
          f"semantic={args.semantic}, batch_size={config.batch_size}")
    for name, samples_s in times.items():
        print(f"{name:11} {statistics.median(samples_s):6.2f} s")
    ratio = statistics.median(times["one by one"]) / statistics.median(times["one pipe"])
    print(f"one pipe is {ratio:.2f}x one by one; same analyses: {outputs['one pipe'] == outputs['one by one']}")


if __name__ == "__main__":
    main()
