"""Start-up of the CLI: wall time and peak memory of commands that need no model (help, version, usage errors).

    python bench/startup.py [--runs 7] [--baseline REF]

Each command runs as ``python -m newstrace ...`` in a fresh process; the figures are medians over runs, the
commands taking turns. With ``--baseline REF`` the same commands also run on the source tree of the git
revision REF (``git archive``, put first on PYTHONPATH), and the table gives the ratio baseline / now.
"""
from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MISSING = "/nonexistent/newstrace-bench/story.txt"

COMMANDS = [
    "--help",
    "--version",
    "analyze --help",
    "batch --help",
    "dedup --help",
    "speakers --help",
    f"analyze {MISSING}",  # exit 3
    "analyze --no-such-option x",  # exit 2
    f"checkworthiness {MISSING}",
    f"batch {MISSING} --out /nonexistent/newstrace-bench/out",
]


def measure(argv: list[str], src: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one run of ``python -m newstrace argv`` with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newstrace", *argv], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def source_trees(baseline: str | None, folder: Path) -> dict[str, Path]:
    """This checkout's src ("now"), and with ``baseline`` that git revision's src, unpacked under ``folder``."""
    return {"now": ROOT / "src", **({"baseline": baseline_tree(baseline, folder)} if baseline else {})}


def baseline_tree(ref: str, folder: Path) -> Path:
    archive = folder / "src.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "src"], stdout=handle, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def run(runs: int, trees: dict[str, Path]) -> dict[tuple[str, str], list[tuple[float, float]]]:
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(runs):
        for command in COMMANDS:
            for name, src in trees.items():  # the trees take turns, so load on the machine hits both alike
                results.setdefault((name, command), []).append(measure(shlex.split(command), src))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", metavar="REF", help="git revision to compare with (e.g. the commit before)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newstrace-startup-") as tmp:
        trees = source_trees(args.baseline, Path(tmp))
        for command in COMMANDS[:2]:  # warm the file cache and the bytecode of both trees
            for src in trees.values():
                measure(shlex.split(command), src)
        results = run(args.runs, trees)
    print(f"median of {args.runs} runs, python -m newstrace ...; {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}")
    head = f"{'command':58} {'s':>7} {'MB':>6}"
    if args.baseline:
        head += f" {'base s':>7} {'base MB':>7} {'× faster':>8}"
    print(head)
    for command in COMMANDS:
        now_s, now_mb = _medians(results["now", command])
        line = f"{command.replace(MISSING, 'MISSING'):58} {now_s:7.2f} {now_mb:6.0f}"
        if args.baseline:
            base_s, base_mb = _medians(results["baseline", command])
            line += f" {base_s:7.2f} {base_mb:7.0f} {base_s / now_s:8.1f}"
        print(line)


def _medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s for s, _ in samples), statistics.median(m for _, m in samples)


if __name__ == "__main__":
    main()
