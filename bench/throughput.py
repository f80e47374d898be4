"""Articles per second and peak memory of `analyze`, beside bare spaCy `nlp.pipe` on the same bodies.

    python bench/throughput.py [--limit 120] [--repeats 3]

Each variant runs in its own process (so peak memory is its own); timings are medians over repeats, wall-clock
and CPU seconds of the process (the CPU ratio is less sensitive to other programs on a shared machine). As the
bare parse's model is loaded before its clock starts, each variant first analyses one short made-up article, so
that what loads once per process is not in the timed runs ("load CPU s" says what that first article cost).
The figures to watch are the ratios: how much newstrace costs on top of the bare parse.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

VARIANTS = {
    "bare": "bare nlp.pipe on the same title+body texts (en_core_web_sm)",
    "quotes": "newstrace NLP: parse_articles with newstrace_quotes (attribution: quotes, speakers, spans)",
    "lexical": "newstrace NLP + all stages, check-worthiness without embeddings (--no-semantic)",
    "stages": "newstrace NLP + all stages (quotes, claims, checks, provenance) on pre-extracted articles",
    "full": "newstrace analyze from raw bytes (read + extract + NLP + stages)",
}
# one short made-up article that wakes every stage (a quote, a figure, a date) before the timed runs; it shares no
# sentence with the sample, so nothing it leaves in a cache is reused
WARM_UP = ("Council adds buses\n\nThe city council said on Monday that 12 new buses would run from May, at a cost of "
           "$4 million. \"We are pleased with the plan,\" said Mary Okafor, a spokeswoman for the council.\n")


def run_variant(variant: str, limit: int, repeats: int) -> dict:
    from _corpus import sample_documents

    from newstrace.extract import extract_article
    from newstrace.nlp import BodyView, load_nlp, parse_articles
    from newstrace.nlp.lean import one_blas_thread
    from newstrace.pipeline import AnalyzeConfig, analyze_articles, analyze_documents, pipeline_nlp
    from newstrace.reading import RawDocument

    docs = [RawDocument(name=name, data=data) for name, data in sample_documents(limit)]
    articles = [extract_article(d) for d in docs]
    texts = [BodyView.of(a).text for a in articles]
    nlp = load_nlp(()) if variant == "bare" else pipeline_nlp()
    if variant == "bare":  # the model exactly as shipped, without our paragraph-break component
        nlp.remove_pipe("newstrace_paragraph_breaks")
    nlp("warm up")
    # what loads once per process (the stages' models and data) loads here, as the parser did above: the runs
    # below are a corpus's pace; the one-time cost is printed beside it, and cold_analyze.py measures start-up
    warm = RawDocument(name="warm-up.txt", data=WARM_UP.encode())
    load_start = time.process_time()
    if variant == "quotes":
        list(parse_articles([extract_article(warm)], nlp))
    elif variant in ("stages", "lexical"):
        list(analyze_articles([extract_article(warm)], AnalyzeConfig(semantic=variant == "stages")))
    elif variant == "full":
        list(analyze_documents([warm]))
    load_cpu = time.process_time() - load_start
    times, cpu_times = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        if variant == "bare":  # on one BLAS thread as newstrace's NLP runs: the baseline at its fastest
            with one_blas_thread():
                for _doc in nlp.pipe(texts, batch_size=16):
                    pass
        elif variant in ("quotes", "stages", "lexical"):
            fresh = [extract_article(d) for d in docs]  # not timed below: extraction is the "full" variant's
            start, cpu_start = time.perf_counter(), time.process_time()
            if variant == "quotes":
                for _parsed in parse_articles(fresh, nlp):
                    pass
            else:
                list(analyze_articles(fresh, AnalyzeConfig(semantic=variant == "stages")))
        else:
            list(analyze_documents(docs))
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    chars = sum(len(t) for t in texts)
    median = statistics.median(times)
    return {"variant": variant, "articles": len(docs), "chars": chars, "median_s": median,
            "cpu_s": statistics.median(cpu_times), "load_cpu_s": load_cpu,
            "articles_per_s": len(docs) / median, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=120, help="number of sample articles (default 120)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, args.limit, args.repeats)))
        return
    # Variants take turns, one process per run, so that load from other programs hits them alike.
    runs: dict[str, list[dict]] = {v: [] for v in VARIANTS}
    for _ in range(args.repeats):
        for variant in VARIANTS:
            out = subprocess.run([sys.executable, __file__, "--variant", variant, "--limit", str(args.limit),
                                  "--repeats", "1"], capture_output=True, text=True, check=True)
            runs[variant].append(json.loads(out.stdout.strip().splitlines()[-1]))
    results = {}
    for variant, rs in runs.items():
        median = statistics.median(r["median_s"] for r in rs)
        results[variant] = {**rs[0], "median_s": median, "articles_per_s": rs[0]["articles"] / median,
                            "cpu_s": statistics.median(r["cpu_s"] for r in rs),
                            "load_cpu_s": statistics.median(r["load_cpu_s"] for r in rs),
                            "peak_rss_mb": max(r["peak_rss_mb"] for r in rs)}
    bare, bare_cpu = results["bare"]["median_s"], results["bare"]["cpu_s"]
    print(f"throughput on {results['bare']['articles']} sample articles "
          f"({results['bare']['chars']:,} characters of title+body), median of {args.repeats} runs; "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the end")
    print(f"{'variant':<8} {'articles/s':>10} {'seconds':>8} {'x bare':>7} {'CPU s':>7} {'CPU x bare':>10} "
          f"{'load CPU s':>10} {'peak MB':>8}  what")
    for variant, r in results.items():
        print(f"{variant:<8} {r['articles_per_s']:>10.1f} {r['median_s']:>8.2f} {r['median_s'] / bare:>7.2f} "
              f"{r['cpu_s']:>7.2f} {r['cpu_s'] / bare_cpu:>10.2f} {r['load_cpu_s']:>10.2f} {r['peak_rss_mb']:>8.0f}  "
              f"{VARIANTS[variant]}")


if __name__ == "__main__":
    main()
