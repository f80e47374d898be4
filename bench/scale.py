"""Throughput of ``newstrace batch`` with 1 and 2 Dask workers on the same WARC, and memory per worker.

    PYTHONPATH=src python bench/scale.py [--articles 48] [--workers 1 2]

Builds a WARC.gz from the samples in examples/ (HTML pages as they are, text samples wrapped in HTML),
each repeated under new URLs, then runs the batch per worker count on a fresh LocalCluster (start-up
and model loading are not timed) and prints articles/s, the speed-up against 1 worker, articles per CPU-second of the workers
(less sensitive to other load on the machine than wall-clock rates), and the peak
resident memory of each worker process sampled during the run.
"""
from __future__ import annotations

import argparse
import html
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil

from newstrace.reading.inputs import read_input
from newstrace.scale.batch import BatchOptions, batch
from newstrace.scale.cluster import dask_client
from newstrace.scale.dedup import find_near_duplicates
from newstrace.scale.sources import PartitionLimits
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


def run(warc: Path, workers: int, partition: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix=f"bench-scale-{workers}w-"))
    try:
        with dask_client(workers=workers, memory_limit="4GiB", dashboard=":0") as client:
            client.wait_for_workers(workers)
            idle = client.run(lambda: psutil.Process().memory_info().rss)
            cpu_before = client.run(cpu_seconds)
            stop, peaks = threading.Event(), {}
            sampler = threading.Thread(target=peak_worker_memory, args=(client, stop, peaks))
            sampler.start()
            started = time.perf_counter()
            summary = batch([str(warc)], out, client, BatchOptions(limits=PartitionLimits(records=partition), dedup=False))
            seconds = time.perf_counter() - started
            cpu = sum(client.run(cpu_seconds).values()) - sum(cpu_before.values())
            stop.set()
            sampler.join()
            started = time.perf_counter()
            dedup = find_near_duplicates(client, out)
            dedup_seconds = time.perf_counter() - started
        stored = sum(f.stat().st_size for f in out.rglob("*.parquet"))
        return {"workers": workers, "articles": summary.articles, "seconds": seconds,
                "rate": summary.articles / seconds,
                "per_cpu_second": summary.articles / cpu, "idle_mb": max(idle.values()) / 2**20,
                "peak_mb": max(peaks.values()) / 2**20, "dedup_seconds": dedup_seconds, "pairs": dedup.pairs,
                "kb_per_article": stored / 1024 / max(1, summary.articles)}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--partition", type=int, default=6, help="records per partition")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warc = build_input(Path(folder), args.articles)
        print(f"input: {args.articles} HTML responses in {warc.stat().st_size / 2**20:.1f} MB WARC.gz; "
              f"{args.partition} records per partition; {psutil.cpu_count()} CPUs")
        results = [run(warc, n, args.partition) for n in args.workers]
    base = results[0]["rate"]
    for r in results:
        print(f"{r['workers']} worker(s): {r['articles']} articles in {r['seconds']:.1f} s = {r['rate']:.2f} articles/s "
              f"(x{r['rate'] / base:.2f} vs {results[0]['workers']} worker), "
              f"{r['per_cpu_second']:.2f} articles per worker CPU-second; worker memory idle "
              f"{r['idle_mb']:.0f} MB, peak {r['peak_mb']:.0f} MB; dedup {r['dedup_seconds']:.1f} s ({r['pairs']} pairs); "
              f"Parquet {r['kb_per_article']:.1f} KB/article")


if __name__ == "__main__":
    main()
