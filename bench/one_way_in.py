"""The cost of the one way in and of the generated store schema, against a baseline revision in the same run.

    python bench/one_way_in.py [--records 5000] [--runs 5] [--baseline REF]

Measured in a fresh process per run and tree (``PYTHONPATH`` = that tree's src): reading ``--records`` JSONL
records through ``corpus.sources.corpus_documents`` (what ``ingest`` reads with; no extraction), and creating a
new SQLite store (``store.open_store`` on a new file). Medians; with ``--baseline`` the ratio baseline / now.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import source_trees  # noqa: E402  (the same checkout of the baseline's src)

PROBE = """
import sys, time, tempfile, os
from newstrace.corpus.sources import corpus_documents
from newstrace.store import open_store
path, folder = sys.argv[1], sys.argv[2]
start = time.perf_counter()
n = sum(1 for _ in corpus_documents([path]))
read = time.perf_counter() - start
start = time.perf_counter()
open_store(os.path.join(folder, f"s{os.getpid()}-{time.time_ns()}.db")).close()
print(n, read, time.perf_counter() - start)
"""


def write_records(path: Path, n: int) -> None:
    body = "The harbour council approved the new ferry timetable on Monday. " * 8
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"url": f"https://news.example/{i}", "text": body, "date": "2024-05-06",
                                  "title": f"Story {i}"}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", metavar="REF")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newstrace-oneway-") as tmp:
        folder = Path(tmp)
        write_records(folder / "records.jsonl", args.records)
        (folder / "trees").mkdir()
        trees = source_trees(args.baseline, folder / "trees")
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, src in trees.items():  # taking turns, so load on the machine hits both alike
                out = subprocess.run([sys.executable, "-c", PROBE, str(folder / "records.jsonl"), tmp],
                                     env={**os.environ, "PYTHONPATH": str(src)}, capture_output=True, text=True,
                                     check=True).stdout.split()
                assert int(out[0]) == args.records, out
                samples[name].append((float(out[1]), float(out[2])))
    print(f"median of {args.runs} runs; {args.records} JSONL records; {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}")
    for name, rows in samples.items():
        read, create = (statistics.median(r[i] for r in rows) for i in (0, 1))
        line = f"{name:9} read {read:6.3f} s ({args.records / read:8.0f} records/s)   new store {create * 1000:6.1f} ms"
        if name == "baseline":
            now_read, now_create = (statistics.median(r[i] for r in samples["now"]) for i in (0, 1))
            line += f"   baseline/now: read x{read / now_read:.2f}, new store x{create / now_create:.2f}"
        print(line)


if __name__ == "__main__":
    main()
