"""Throughput of ``newstrace batch`` with 1 and 2 Dask workers on the same WARC, memory per worker, and a no-op resume.

    PYTHONPATH=src python bench/scale.py [--articles 200] [--workers 1 2] [--semantic]

Builds a WARC.gz from the samples in examples/ (HTML pages as they are, text samples wrapped in HTML),
each repeated under new URLs, then runs the batch per worker count on a fresh LocalCluster (start-up
and model loading are not timed) with the CLI's partition limits (``balance`` sizes the pieces from the worker
count) and prints articles/s, the speed-up against 1 worker, articles per CPU-second of the workers (less
sensitive to other load on the machine than wall-clock rates) and the peak resident memory of each worker
process sampled during the run. Last, ``newstrace batch WARC --out OUT`` is run again in a fresh process on the
output of the last run, with nothing left to do: the wall time of that no-op resume (target: <= 5 s).
A speed-up measured while other programs load the CPUs is pessimistic: the load average is printed with it.
"""
from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from newstrace.pipeline import AnalyzeConfig
from newstrace.reading.inputs import read_input
from newstrace.scale.batch import BatchOptions, batch
from newstrace.scale.cluster import dask_client
from newstrace.scale.dedup import find_near_duplicates
from newstrace.scale.warc import warc_response, write_warc

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def sample_pages() -> list[bytes]:
    pages = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.name == "NOTICE" or "empty" in path.name:
            continue
        data = read_input(str(path)).data
        if path.suffix != ".html":
            paragraphs = data.decode("utf-8").split("\n\n")
            data = ("<html><body><article>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
                    + "</article></body></html>").encode("utf-8")
        pages.append(data)
    return pages


def build_input(folder: Path, articles: int) -> Path:
    pages = sample_pages()
    records = [warc_response(f"https://bench.example/{i}", pages[i % len(pages)]) for i in range(articles)]
    path = folder / "bench.warc.gz"
    write_warc(str(path), records)
    return path


def cpu_seconds() -> float:
    times = psutil.Process().cpu_times()
    return times.user + times.system


def peak_worker_memory(client, stop: threading.Event, peaks: dict) -> None:
    while not stop.is_set():
        for address, rss in client.run(lambda: psutil.Process().memory_info().rss).items():
            peaks[address] = max(peaks.get(address, 0), rss)
        stop.wait(0.5)


def run(warc: Path, workers: int, out: Path, semantic: bool) -> dict:
    options = BatchOptions(config=AnalyzeConfig(semantic=semantic), dedup=False)
    with dask_client(workers=workers, memory_limit="4GiB", dashboard=":0") as client:
        client.wait_for_workers(workers)
        idle = client.run(lambda: psutil.Process().memory_info().rss)
        cpu_before = client.run(cpu_seconds)
        stop, peaks = threading.Event(), {}
        sampler = threading.Thread(target=peak_worker_memory, args=(client, stop, peaks))
        sampler.start()
        started = time.perf_counter()
        summary = batch([str(warc)], out, client, options)
        seconds = time.perf_counter() - started
        cpu = sum(client.run(cpu_seconds).values()) - sum(cpu_before.values())
        stop.set()
        sampler.join()
        started = time.perf_counter()
        dedup = find_near_duplicates(client, out)
        dedup_seconds = time.perf_counter() - started
    stored = sum(f.stat().st_size for f in out.rglob("*.parquet"))
    return {"workers": workers, "articles": summary.articles, "partitions": summary.analysed, "seconds": seconds,
            "rate": summary.articles / seconds, "per_cpu_second": summary.articles / cpu,
            "idle_mb": max(idle.values()) / 2**20, "peak_mb": max(peaks.values()) / 2**20,
            "dedup_seconds": dedup_seconds, "pairs": dedup.pairs, "kb_per_article": stored / 1024 / max(1, summary.articles)}


def resume_seconds(warc: Path, out: Path, workers: int, semantic: bool) -> tuple[float, str]:
    """Wall time and output line of ``newstrace batch`` rerun on a complete ``out`` (a fresh process)."""
    argv = [sys.executable, "-m", "newstrace", "batch", str(warc), "--out", str(out), "--workers", str(workers),
            "--no-dedup", "--quiet", "--semantic" if semantic else "--no-semantic"]
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--semantic", action="store_true", help="check-worthiness with MiniLM (default: lexical)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warc = build_input(Path(folder), args.articles)
        print(f"input: {args.articles} HTML responses in {warc.stat().st_size / 2**20:.1f} MB WARC.gz; "
              f"{'semantic' if args.semantic else 'lexical'} check-worthiness; {psutil.cpu_count()} CPUs, "
              f"load {os.getloadavg()[0]:.1f} before")
        results = [run(warc, n, Path(folder) / f"out-{n}", args.semantic) for n in args.workers]
        resume, line = resume_seconds(warc, Path(folder) / f"out-{args.workers[-1]}", args.workers[-1], args.semantic)
    base = results[0]["rate"]
    for r in results:
        print(f"{r['workers']} worker(s): {r['articles']} articles in {r['partitions']} partitions, {r['seconds']:.1f} s "
              f"= {r['rate']:.2f} articles/s (x{r['rate'] / base:.2f} vs {results[0]['workers']} worker), "
              f"{r['per_cpu_second']:.2f} articles per worker CPU-second; worker memory idle "
              f"{r['idle_mb']:.0f} MB, peak {r['peak_mb']:.0f} MB; dedup {r['dedup_seconds']:.1f} s ({r['pairs']} pairs); "
              f"Parquet {r['kb_per_article']:.1f} KB/article")
    print(f"no-op resume (newstrace batch, fresh process): {resume:.2f} s: {line}")
    print(f"load average at the end {os.getloadavg()[0]:.1f} on {psutil.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
