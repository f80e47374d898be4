"""``newstrace analyze`` on one article from a cold process: wall time and peak memory, with and without MiniLM.

    python bench/cold_analyze.py [--runs 5] [--long-chars 50000]

The short article is the bundled Wikinews text of about 4,800 characters; the long one is sample article
bodies (examples/, then the Wikinews texts of ../shared when present) joined up to ``--long-chars``. Each run
is a fresh ``python -m newstrace analyze FILE --format json`` (the variants take turns, so load on the machine
hits them alike); the figures are medians of the runs, peak RSS their maximum, and the CPU seconds of the process
(which other programs on the machine affect much less than the wall time). Targets (issue 21): short
article <= 5 s with the semantic model, <= 3 s without; peak RSS on 50,000 characters <= 1 GB.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
SHORT = ROOT / "examples" / "wikinews-us-president-trump-announces-troop-withdrawal-from.txt"
MODES = {"semantic": ["--semantic"], "lexical": ["--no-semantic"]}


def long_article(chars: int) -> str:
    """A title and sample bodies, paragraph by paragraph, up to ``chars`` characters."""
    from _corpus import sample_documents

    from newstrace.extract import extract_article
    from newstrace.reading import RawDocument

    paragraphs: list[str] = []
    for name, data in sample_documents():
        paragraphs += [p.text for p in extract_article(RawDocument(name=name, data=data)).paragraphs]
        if sum(len(p) + 2 for p in paragraphs) > chars:
            break
    text = "A long day of news"
    for paragraph in paragraphs:
        if len(text) + 2 + len(paragraph) > chars:
            break
        text += "\n\n" + paragraph
    return text + "\n"


def measure(path: Path, flags: list[str]) -> tuple[float, float, int, float]:
    """Seconds, peak RSS (MB), exit code and CPU seconds (user + system) of one cold ``newstrace analyze``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newstrace", "analyze", str(path), "--format", "json", *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs of the short article per mode (default 5)")
    parser.add_argument("--long-runs", type=int, default=1, help="runs of the long article per mode (default 1)")
    parser.add_argument("--long-chars", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newstrace-cold-") as tmp:
        long_path = Path(tmp) / "long.txt"
        long_path.write_text(long_article(args.long_chars), encoding="utf-8")
        inputs = {"short": (SHORT, args.runs), "long": (long_path, args.long_runs)}
        measure(SHORT, MODES["lexical"])  # the file cache and the bytecode, not timed
        samples: dict[tuple[str, str], list[tuple[float, float, int, float]]] = {}
        for size, (path, runs) in inputs.items():
            for _ in range(runs):
                for mode, flags in MODES.items():
                    samples.setdefault((size, mode), []).append(measure(path, flags))
        sizes = {size: len(path.read_text(encoding="utf-8")) for size, (path, _) in inputs.items()}
    load = os.getloadavg()[0]
    print(f"newstrace analyze FILE --format json, cold processes; {os.cpu_count()} CPUs, load {load:.1f} at the end")
    print(f"{'article':<22} {'mode':<9} {'runs':>4} {'median s':>9} {'min s':>6} {'CPU s':>6} {'peak MB':>8} {'exit':>5}")
    for (size, mode), runs in samples.items():
        seconds = [s for s, *_ in runs]
        print(f"{size + f' ({sizes[size]:,} chars)':<22} {mode:<9} {len(runs):>4} {statistics.median(seconds):>9.2f} "
              f"{min(seconds):>6.2f} {statistics.median(r[3] for r in runs):>6.2f} {max(r[1] for r in runs):>8.0f} "
              f"{','.join(sorted({str(r[2]) for r in runs})):>5}")
    print("CPU s: user + system seconds of the process (median), about its wall time on an idle core")


if __name__ == "__main__":
    main()
