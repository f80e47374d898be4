"""The one model's derived forms: how long an analysis takes to go to and from JSON, Parquet rows and the store.

    PYTHONPATH=src python bench/model_forms.py [--repeats 20]

Analyses the sample articles in examples/ once, then times, per document (median of the repeats):
``json.dumps``/``json.loads`` of the finished document (the baseline, measured in the same run),
``Analysis.from_dict`` + ``to_dict``, ``analysis_rows`` + ``analysis_from_rows`` (Parquet rows, through Arrow),
and ``save_analysis`` + ``load_analysis`` on a fresh SQLite store. Prints milliseconds and ratios to the baseline.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newstrace  # noqa: E402
from newstrace.model import Analysis  # noqa: E402


def timed(step, documents, repeats: int) -> float:
    """Median milliseconds per document of ``step`` over all documents."""
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for doc in documents:
            step(doc)
        runs.append((time.perf_counter() - start) * 1000 / len(documents))
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    import pyarrow as pa

    from newstrace.scale.tables import SCHEMAS, analysis_from_rows, analysis_rows
    from newstrace.store import open_store
    from newstrace.store.query import load_analysis
    from newstrace.store.write import save_analysis

    samples = sorted(p for p in (ROOT / "examples").iterdir() if p.name != "NOTICE")
    analyses = [newstrace.analyze_path(str(p)) for p in samples]
    documents = [a.to_dict() for a in analyses]
    texts = [json.dumps(d) for d in documents]

    def parquet(a: Analysis) -> None:
        rows = analysis_rows(a, "d", {"partition": "p", "locator": "x", "warc_date": None})
        back = {t: pa.Table.from_pylist(r, schema=SCHEMAS[t]).to_pylist() for t, r in rows.items()}
        analysis_from_rows(back["articles"][0], back)

    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "bench.db")) as db:
        def store(a: Analysis) -> None:
            with db.transaction():
                db.execute("DELETE FROM articles WHERE id = ?", (a.article.id,))
            load_analysis(db, save_analysis(db, a).article_id)

        baseline = timed(lambda t: json.dumps(json.loads(t)), texts, args.repeats)
        figures = {"JSON text -> dict -> JSON text (baseline)": baseline,
                   "Analysis.from_dict + to_dict": timed(lambda d: Analysis.from_dict(d).to_dict(), documents,
                                                         args.repeats),
                   "Parquet rows (Arrow) and back": timed(parquet, analyses, args.repeats),
                   "SQLite save + load_analysis": timed(store, analyses, max(3, args.repeats // 4))}
    print(f"{len(analyses)} analyses of examples/, median of {args.repeats} runs, ms per document")
    for name, ms in figures.items():
        print(f"  {name:45s} {ms:8.2f} ms  {ms / baseline:6.1f} x baseline")


if __name__ == "__main__":
    main()
