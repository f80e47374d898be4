"""A resumed ``newstrace batch`` with nothing left to do: wall time and peak memory of the rerun.

    python bench/resume.py [--runs 3] [--workers 2] [--baseline REF]

Runs ``newstrace batch examples/ --out DIR --workers N`` once (not timed), then the same command again
``--runs`` times, each a fresh process; medians. With ``--baseline REF`` the source tree of git revision REF
does the same in its own output folder, and the ratio baseline / now is printed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import ROOT, measure, source_trees  # noqa: E402

EXAMPLES = ROOT / "examples"


def rerun_times(src: Path, out: Path, workers: int, runs: int) -> tuple[float, float, float]:
    """Seconds of the first run, then median seconds and MB of the reruns."""
    argv = ["batch", str(EXAMPLES), "--out", str(out), "--workers", str(workers), "--quiet"]
    first, _ = measure(argv, src)
    samples = [measure(argv, src) for _ in range(runs)]
    return first, statistics.median(s for s, _ in samples), statistics.median(m for _, m in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--baseline", metavar="REF", help="git revision to compare with (e.g. the commit before)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newstrace-resume-") as tmp:
        trees = source_trees(args.baseline, Path(tmp))
        results = {name: rerun_times(src, Path(tmp) / f"out-{name}", args.workers, args.runs)
                   for name, src in trees.items()}
    print(f"newstrace batch examples/ --workers {args.workers}: first run, then median of {args.runs} reruns")
    for name, (first, seconds, mb) in results.items():
        print(f"{name:9} first {first:6.1f} s   rerun {seconds:6.2f} s  {mb:5.0f} MB")
    if args.baseline:
        print(f"rerun: {results['baseline'][1] / results['now'][1]:.1f}x faster than {args.baseline}")


if __name__ == "__main__":
    main()
