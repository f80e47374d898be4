"""Time per character of ``analyze`` from 1 KB to 1 MB, for ordinary text and for each input of issue 22 that
stalled the analyser; flat means linear.

    python bench/analyze_scaling.py [--kinds ordinary,quotes,...] [--sizes 1,4,16,64,256,1024] [--limit 600]

Each curve runs in a fresh worker process (``web/worker.py``: the model loaded and warmed first, not timed),
under an address-space cap of 3 GB over the warmed-up size; a point is stopped (the process killed) after
``--limit`` seconds, and a curve stops at its first stopped point. Printed per point: seconds for extraction
and for the rest (parse and stages), microseconds per character of input in wall time and in the worker's CPU
time (on a shared machine the wall time is other processes' too), the peak RSS of that point (Linux: the peak is
reset before each point), and the ratio of its CPU time per character to that of the 4 KB point (about 1 when
linear, the size ratio when quadratic). Per curve: the largest size's ratio, and for a stopped curve the least
that ratio is at the stopped size.
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
    _reset_peak_rss()
    cpu = time.process_time()
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
    cpu_s = time.process_time() - cpu
    total_s = max(total_s, extract_s)
    return {"chars": len(text), "extract_s": extract_s, "rest_s": total_s - extract_s, "total_s": total_s,
            "cpu_s": cpu_s, "rss_mb": _peak_rss_mb(), "outcome": outcome}


def _reset_peak_rss() -> None:
    """Linux: start the process's peak RSS (VmHWM) again from its current RSS, so a point's peak is its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass  # elsewhere the peak is the worker's so far (the points grow, so it is the largest one's)


def _peak_rss_mb() -> float:
    try:
        status = Path("/proc/self/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
            print(_line(kind, point, _base(points)), flush=True)
            if "total_s" not in point:
                break
    finally:
        worker.close()
    return points


def _base(points: list[dict]) -> dict | None:
    """The point the ratios are taken to: the first timed one of at least 4 KB (fixed costs dominate below)."""
    return next((p for p in points if "total_s" in p and p["chars"] >= 3500), None)


def _per_char(p: dict, key: str = "cpu_s") -> float:
    return p[key] / max(p["chars"], 1)


def _line(kind: str, p: dict, base: dict | None) -> str:
    if "total_s" not in p:
        return f"  {kind:13} {p['chars']:>9,} chars: {p['outcome']}"
    ratio = f"x{_per_char(p) / _per_char(base):5.2f}" if base and _per_char(base) else "    -"
    return (f"  {kind:13} {p['chars']:>9,} chars: extract {p['extract_s']:6.2f}s  rest {p['rest_s']:7.2f}s  "
            f"{_per_char(p, 'total_s') * 1e6:6.1f} µs/char wall  {_per_char(p) * 1e6:6.1f} µs/char CPU  "
            f"{ratio} of 4 KB  peak RSS {p['rss_mb']:6,.0f} MB  {p['outcome']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--sizes", default="1,4,16,64,256,1024", help="KB of 1,000 characters")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds a point may take (wall)")
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
    peak = max(p["rss_mb"] for p in timed)
    text = (f"x{_per_char(last) / _per_char(first):.2f} CPU, x{_per_char(last, 'total_s') / _per_char(first, 'total_s'):.2f}"
            f" wall ({first['chars']:,} -> {last['chars']:,} chars; peak RSS {peak:,.0f} MB)")
    stopped = [p for p in points if "total_s" not in p]
    if stopped:  # its time is over the limit: a lower bound on its time per character (wall: CPU is not known)
        bound = (limit / stopped[0]["chars"]) / _per_char(first, "total_s")
        text += f", stopped at {stopped[0]['chars']:,} ({stopped[0]['outcome']}: at least x{bound:.2f})"
    return text


if __name__ == "__main__":
    main()
