"""No input crashes: every sample file, whole, joined to the next and cut at random byte offsets, through analyze.

    python bench/robustness.py [PATH_TO_SHARED_DATA] [--cuts 2] [--seed 17] [--extract-only] [--limit N]

Files: examples/ and everything under ../shared/data/samples (pages, gold files, READMEs, CSVs), as bytes.
Each variant must give an analysis or a documented error (an exit code of the README's table); anything
else is a crash and is printed with its traceback's last line. ``--extract-only`` stops after reading and
extraction (seconds instead of minutes); the check-worthiness model is the lexical one (``--no-semantic``).
"""
from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import ROOT, SHARED  # noqa: E402

from newstrace.errors import NewstraceError  # noqa: E402

# The exit codes an input can cause (README, "Exit codes"); 70 (internal error) is never one of them.
DOCUMENTED_EXITS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21}
# Larger files are cut here first: the point is odd input, not long input (a 400 kB CSV read as one article
# takes minutes in the NLP stages, so a full analysis cuts at 60 kB).
MAX_BYTES_EXTRACT, MAX_BYTES_ANALYZE = 400_000, 60_000


def sample_files(shared: Path | None) -> list[Path]:
    files = [p for p in sorted((ROOT / "examples").iterdir()) if p.is_file() and p.name != "NOTICE"]
    samples = shared / "samples" if shared else None
    if samples and samples.is_dir():
        files += sorted(p for p in samples.rglob("*") if p.is_file())
    return files


def variants(files: list[Path], *, cuts: int, seed: int, max_bytes: int) -> Iterator[tuple[str, str, bytes]]:
    """``(label, name, data)``: each file whole, joined to the next file, and cut at ``cuts`` random offsets."""
    rng = random.Random(seed)
    for i, path in enumerate(files):
        packed = path.read_bytes()
        if packed.startswith(b"\x1f\x8b"):  # a cut gzip file is exit 7; cut what is inside it too
            at = rng.randrange(0, len(packed))
            yield f"{path.name} (gzip) cut at {at}", path.name, packed[:at]
        data = _unpacked(packed)[:max_bytes]
        name = path.name.removesuffix(".gz")
        yield f"{name} whole", name, data
        following = _unpacked(files[(i + 1) % len(files)].read_bytes())[:max_bytes // 2]
        yield f"{name} + {files[(i + 1) % len(files)].name}", name, data + following
        for _ in range(cuts):
            at = rng.randrange(0, max(1, len(data)))
            yield f"{name} cut at {at}", name, data[:at]


def _unpacked(data: bytes) -> bytes:
    return gzip.decompress(data) if data.startswith(b"\x1f\x8b") else data


def outcome(name: str, data: bytes, *, extract_only: bool) -> str:
    """"ok", "exit N" (a documented error) or "crash: ..." for one input."""
    from newstrace.extract import extract_article
    from newstrace.pipeline import AnalyzeConfig, analyze
    from newstrace.reading.document import RawDocument
    from newstrace.reading.inputs import gunzip_if_needed

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if extract_only:
                extract_article(RawDocument(name=name, data=gunzip_if_needed(data, name)))
            else:
                analyze(data, name=name, config=AnalyzeConfig(semantic=False))
        return "ok"
    except NewstraceError as err:
        code = err.exit_code
        return f"exit {code}" if code in DOCUMENTED_EXITS else f"crash: undocumented exit {code}: {err}"
    except Exception as err:  # the point of the bench: any other exception is a bug to report
        return f"crash: {type(err).__name__}: {str(err)[:160]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=SHARED)
    parser.add_argument("--cuts", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--extract-only", action="store_true")
    opts = parser.parse_args()
    shared = opts.shared
    files = sample_files(shared if shared.is_dir() else None)
    if not shared.is_dir():
        print(f"no shared data at {shared}: examples/ only")
    extract_only = opts.extract_only
    max_bytes = MAX_BYTES_EXTRACT if extract_only else MAX_BYTES_ANALYZE
    todo = list(variants(files, cuts=opts.cuts, seed=opts.seed, max_bytes=max_bytes))[:opts.limit]
    start = time.perf_counter()
    results = Counter()
    crashes = []
    slowest = (0.0, "")
    for label, name, data in todo:
        began = time.perf_counter()
        result = outcome(name, data, extract_only=extract_only)
        slowest = max(slowest, (time.perf_counter() - began, label))
        results[result if not result.startswith("crash") else "crash"] += 1
        if result.startswith("crash"):
            crashes.append((label, result))
    what = "read and extracted" if extract_only else "analysed"
    print(f"{len(todo)} inputs from {len(files)} files {what} in {time.perf_counter() - start:.0f}s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(results.items())) + f"; slowest {slowest[1]} ({slowest[0]:.1f}s)")
    for label, result in crashes:
        print(f"  {label}: {result}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
