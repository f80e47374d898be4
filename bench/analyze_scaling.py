"""Time per character of ``analyze`` from 1 KB to 1 MB, for ordinary text and for each input of issue 22 that
stalled the analyser; flat means linear.

    python bench/analyze_scaling.py [--kinds ordinary,quotes,...] [--sizes 1,4,16,64,256,1000] [--limit 120]

Each curve runs in a fresh worker process (``web/worker.py``: the model loaded and warmed first, not timed),
under an address-space cap of 3 GB over the warmed-up size; a point is stopped (the process killed) after
``--limit`` seconds, and a curve stops at its first stopped point. Peak RSS is the worker's so far. Printed per point: seconds for extraction and for the rest (parse and stages), microseconds
per character of input, peak RSS; per curve: the ratio of the largest size's time per character to that of
the first size of at least 4 KB (about 1 when linear, the size ratio when quadratic), and for a stopped
curve the least that ratio is at the stopped size.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import ROOT  # noqa: E402

PARAGRAPHS = [p for p in (ROOT / "examples" / "wikinews-hong-kong-leader-announces-withdrawal-of-extraditi.txt")
              .read_text(encoding="utf-8").split("\n\n") if len(p) > 80]


def ordinary(n: int) -> str:
    out, i = ["Hong Kong leader withdraws the bill"], 0
    while sum(map(len, out)) < n:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    return "\n\n".join(out)[:n]


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _page(open_tags: str, close_tags: str) -> str:
    """An HTML article of about 1,000 characters of text inside ``open_tags`` ... ``close_tags``."""
    body = "".join(f"<p>{p}</p>" for p in ordinary(1000).split("\n\n")[1:])
    return f"<html><head><title>Hong Kong</title></head><body>{open_tags}<article>{body}</article>{close_tags}</body></html>"


def nested_links(n: int) -> str:
    depth = n // 5
    return "[" * depth + "a" + "](x)" * depth


KINDS = {
    "ordinary": ordinary,                                                # a real article, repeated
    "dots": lambda n: _repeat("x.\n\n", n),                              # "x.\n\n" * 200000 grew to 5.5 GB
    "quotes": lambda n: "Opening\n\n" + "“" * (n - 9),                   # 10,000 “ took 70 s
    "nested_links": nested_links,                                        # "[" * n + "a" + "](x)" * n
    "open_fence": lambda n: "Title\n\n```\n" + ordinary(n)[:n - 11],     # an unclosed code fence before text
    "attributes": lambda n: _page("<p " + " ".join(f'a{i}="1"' for i in range((n - 1200) // 10)) + ">", "</p>"),
    # 25,000 attributes on one tag took 14 s; HTML nested 10,000 deep gave "no article"
    "deep_html": lambda n: _page("<div>" * ((n - 1200) // 11), "</div>" * ((n - 1200) // 11)),  # 10,000 deep
}
FORMATS = {"nested_links": "markdown", "open_fence": "markdown"}


def warm_up() -> None:
    from newstrace.pipeline import AnalyzeConfig, analyze

    warnings.simplefilter("ignore")
    analyze(ordinary(2000), config=AnalyzeConfig(semantic=False))  # load and warm every model


def one(kind: str, size: int) -> dict:
    """Time one point in this process: the analysis of ``KINDS[kind]`` at ``size`` characters."""
    from newstrace.errors import NewstraceError
    from newstrace.extract import extract_article
    from newstrace.pipeline import AnalyzeConfig, analyze, document

    config = AnalyzeConfig(semantic=False, fmt=FORMATS.get(kind))
    text = KINDS[kind](size)
    raw = document(text, config=config)
    extract_s, total_s, outcome = 0.0, 0.0, "ok"
    try:
        started = time.perf_counter()
        try:
            extract_article(raw, fmt=config.fmt)
        finally:
            extract_s = time.perf_counter() - started
        started = time.perf_counter()
        try:
            analyze(text, config=config)  # extraction again, then the parse and the stages
        finally:
            total_s = time.perf_counter() - started
    except NewstraceError as err:
        outcome = f"exit {err.exit_code}: {str(err)[:80]}"
    except MemoryError:
        outcome = "MemoryError (over 3 GB)"
    total_s = max(total_s, extract_s)
    return {"chars": len(text), "extract_s": extract_s, "rest_s": total_s - extract_s, "total_s": total_s,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcome": outcome}


def curve(kind: str, sizes_kb: list[float], limit: float) -> list[dict]:
    from newstrace.web.worker import JobStopped, OverMemory, WorkerProcess

    worker = WorkerProcess(warm_up=warm_up, memory_mb=3000)
    points = []
    try:
        for kb in sizes_kb:
            size = int(kb * 1000)
            try:
                point = worker.run(one, kind, size, deadline=limit)
            except JobStopped:
                point = {"chars": size, "outcome": f"stopped after {limit:g}s"}
            except OverMemory:
                point = {"chars": size, "outcome": "over 3 GB of memory: stopped"}
            points.append(point)
            print(_line(kind, point), flush=True)
            if "total_s" not in point:
                break
    finally:
        worker.close()
    return points


def _line(kind: str, p: dict) -> str:
    if "total_s" not in p:
        return f"  {kind:13} {p['chars']:>9,} chars: {p['outcome']}"
    per_char = p["total_s"] / max(p["chars"], 1) * 1e6
    return (f"  {kind:13} {p['chars']:>9,} chars: extract {p['extract_s']:7.2f}s  rest {p['rest_s']:7.2f}s  "
            f"{per_char:8.1f} µs/char  peak RSS {p['rss_mb']:6,.0f} MB  {p['outcome']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--sizes", default="1,4,16,64,256,1000", help="KB; 1000 = 1 MB")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds a point may take")
    opts = parser.parse_args()
    sizes = [float(s) for s in opts.sizes.split(",")]
    print(f"time per character of analyze (--no-semantic), sizes {opts.sizes} KB, {opts.limit:g}s a point at most")
    summary = []
    for kind in opts.kinds.split(","):
        summary.append(f"{kind} {_ratio(curve(kind, sizes, opts.limit), opts.limit)}")
    print("time per character, largest size over the first of at least 4 KB (fixed costs dominate below; "
          "1 = flat): " + "; ".join(summary))


def _ratio(points: list[dict], limit: float) -> str:
    timed = [p for p in points if "total_s" in p and p["chars"] >= 3500]
    if not timed:
        return "no timed point"
    first, last = timed[0], timed[-1]
    per = lambda p: p["total_s"] / p["chars"]  # noqa: E731
    text = f"x{per(last) / per(first):.2f} ({first['chars']:,} -> {last['chars']:,} chars)"
    stopped = [p for p in points if "total_s" not in p]
    if stopped:  # its time is over the limit: a lower bound on its time per character
        bound = (limit / stopped[0]["chars"]) / per(first)
        text += f", stopped at {stopped[0]['chars']:,} ({stopped[0]['outcome']}: at least x{bound:.2f})"
    return text


if __name__ == "__main__":
    main()
