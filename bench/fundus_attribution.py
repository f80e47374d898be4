"""Who said what on real news pages: newstrace reads fundus_en's HTML (or its gold body) and is scored by
``../shared/tools/score_attributions.py``.

    PYTHONPATH=src python bench/fundus_attribution.py [--data ../shared/data/samples/fundus_en]
        [--split tune|held|all] [--source html|gold] [--types speech,writing,evidence] [--out PRED.jsonl]

fundus_en's gold counts speech, writing and evidence (not beliefs or questions), so those three types are scored
by default. ``--split held`` is the quarter of the annotated pages kept aside for a last check (every fourth
page in id order, starting with the fourth: 11 of 44); ``tune`` is the rest. The figures are printed for the
split asked for. ``--data DIR`` takes any folder laid out like fundus_en (``attributions.jsonl``, ``gold.jsonl``,
``html/``), e.g. pages labelled blind outside the repository; it exits cleanly when the folder is absent.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "samples" / "fundus_en"
SCORER = ROOT.parent / "shared" / "tools" / "score_attributions.py"
SCORED_TYPES = ("speech", "writing", "evidence")


def annotated_ids(data: Path) -> list[str]:
    return sorted(json.loads(line)["id"] for line in (data / "attributions.jsonl").open(encoding="utf-8") if line.strip())


def split_ids(ids: list[str], split: str) -> list[str]:
    """``held``: every fourth page in id order (the 4th, 8th, ...); ``tune``: the others."""
    held = [i for n, i in enumerate(sorted(ids)) if n % 4 == 3]
    if split == "held":
        return held
    if split == "tune":
        return [i for i in sorted(ids) if i not in held]
    return sorted(ids)


def articles(data: Path, ids: list[str], source: str):
    from newstrace.extract import extract_article, extract_string
    from newstrace.reading import RawDocument

    gold = {}
    for line in (data / "gold.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        gold[d["id"]] = d
    for page in ids:
        if source == "gold":
            yield page, extract_string(gold[page]["text"], fmt="text")
        else:
            raw = gzip.decompress((data / "html" / f"{page}.html.gz").read_bytes())
            yield page, extract_article(RawDocument(name=f"{page}.html", data=raw, url=gold[page].get("url")))


def predictions(data: Path, ids: list[str], source: str, types: tuple[str, ...]) -> list[dict]:
    from newstrace.nlp import parse_articles
    from newstrace.pipeline import pipeline_nlp

    pairs = list(articles(data, ids, source))
    nlp = pipeline_nlp()
    out = []
    for (page, _), (article, doc, view) in zip(pairs, parse_articles([a for _, a in pairs], nlp)):
        quotes, speakers = view.remap(doc._.quotes or []), view.remap(doc._.speakers or [])
        names = {s.id: s.name for s in speakers}
        kinds = {s.id: s.kind for s in speakers}
        out.append({"id": page, "quotes": [
            {"content": q.content.text, "speaker_name": names.get(q.speaker_id), "kind": q.kind, "type": getattr(q, "type", "speech"),
             "speaker_kind": kinds.get(q.speaker_id), "cue": q.cue.text if q.cue else None,
             "confidence": q.confidence}
            for q in quotes if getattr(q, "type", "speech") in types]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", choices=("tune", "held", "all"), default="all")
    ap.add_argument("--source", choices=("html", "gold"), default="html")
    ap.add_argument("--types", default=",".join(SCORED_TYPES))
    ap.add_argument("--out", type=Path, help="keep the prediction file here")
    ap.add_argument("--by-article", action="store_true")
    a = ap.parse_args(argv)
    if not (a.data / "attributions.jsonl").exists() or not SCORER.exists():
        print(f"skipped: {a.data} or {SCORER} is not there")
        return 0
    ids = split_ids(annotated_ids(a.data), a.split)
    preds = predictions(a.data, ids, a.source, tuple(a.types.split(",")))
    out = a.out or Path(tempfile.mkdtemp()) / "pred.jsonl"
    out.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    gold = Path(tempfile.mkdtemp()) / "attributions.jsonl"
    wanted = set(ids)
    gold.write_text("".join(line for line in (a.data / "attributions.jsonl").open(encoding="utf-8")
                            if line.strip() and json.loads(line)["id"] in wanted), encoding="utf-8")
    (gold.parent / "gold.jsonl").symlink_to((a.data / "gold.jsonl").resolve())
    print(f"fundus_en {a.split}: {len(ids)} pages read from {a.source}; types {a.types}")
    cmd = [sys.executable, str(SCORER), "--pred", str(out), "--gold", str(gold)] + (["--by-article"] if a.by_article else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
