"""Dedup at scale: a generated corpus of edited copies, MinHash LSH against exact all-pairs comparison.

    PYTHONPATH=src python bench/dedup.py --n 100000

Builds N articles from the samples (../shared/data/samples/wikinews CSVs when present, else examples/):
originals are new mixes of sample sentences, reworded (--reword); about 30% get 1-3 copies with realistic edits (trimmed,
re-headlined, boilerplate and a republication line added, a paragraph dropped, a few words changed).
Prints throughput at two sizes (linear scaling), pair precision/recall against the generator's truth,
and, on a 2,000-article subset in the same run, the LSH's recall against exact all-pairs comparison
with the same verification rule, and the time ratio.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newstrace.corpus import DedupConfig, dedup  # noqa: E402
from newstrace.corpus import shingles as sh  # noqa: E402
from newstrace.model import Article, Boilerplate, Signal, Span  # noqa: E402

SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared" / "data")) / "samples" / "wikinews"
OUTLETS = [f"outlet{i}.example" for i in range(200)]
BOILERPLATE = ["Subscribe to our newsletter for the day's top stories.", "Follow us on Twitter and Facebook.",
               "Advertisement", "Read more: the week in review.", "Support independent journalism today."]


def sample_sentences() -> tuple[list[str], str]:
    texts, origin = [], ""
    for path in sorted(SHARED.glob("wikinews_*.csv")) if SHARED.is_dir() else []:
        with open(path, encoding="utf-8", newline="") as handle:
            texts += [row["text"] for row in csv.DictReader(handle)]
        origin = "wikinews CSVs"
    if not texts:
        from newstrace.extract import extract_article
        from newstrace.reading import read_input
        for path in sorted((ROOT / "examples").iterdir()):
            if path.name != "NOTICE":
                texts.append(extract_article(read_input(str(path))).body_text())
        origin = "examples/"
    sentences = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if 40 <= len(s.strip()) <= 400]
    return sentences, origin


class Generator:
    def __init__(self, sentences: list[str], seed: int, reword: float = 0.25):
        self.sentences = sentences
        self.rng = random.Random(seed)
        self.reword = reword
        self.vocabulary = sorted({w for s in sentences for w in s.split()})

    def original(self, group: int) -> dict:
        rng = self.rng
        picked = [self._reword(s) for s in rng.sample(self.sentences, rng.randint(6, 14))]
        paragraphs = [" ".join(picked[i:i + rng.randint(2, 3)]) for i in range(0, len(picked), 3)]
        title = " ".join(rng.choice(picked).split()[:8])
        day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 700))
        return {"group": group, "title": title, "paragraphs": paragraphs, "outlet": rng.choice(OUTLETS),
                "date": day, "footer": [], "origin": None}

    def _reword(self, sentence: str) -> str:
        """A sample sentence with about a quarter of its words swapped for words of the samples.

        With a pool of ~10^4 sentences, a 10^5-article corpus reuses each one about 100 times; unchanged,
        unrelated originals would share whole sentences far more often than real articles do.
        """
        words = sentence.split()
        for i in range(len(words)):
            if self.rng.random() < self.reword:
                words[i] = self.rng.choice(self.vocabulary)
        return " ".join(words)

    def copy(self, orig: dict) -> dict:
        rng = self.rng
        doc = {**orig, "paragraphs": list(orig["paragraphs"]), "footer": [], "outlet": rng.choice(OUTLETS),
               "date": orig["date"] + timedelta(days=rng.randint(0, 5))}
        for edit in rng.sample(["trim", "headline", "boilerplate", "drop", "words"], rng.randint(1, 3)):
            getattr(self, "_" + edit)(doc)
        if rng.random() < 0.5:
            doc["origin"] = orig["outlet"]
        return doc

    def _trim(self, doc):
        keep = max(1, round(len(doc["paragraphs"]) * self.rng.uniform(0.7, 0.85)))
        doc["paragraphs"] = doc["paragraphs"][:keep]

    def _headline(self, doc):
        doc["title"] = "Updated: " + " ".join(self.rng.choice(self.sentences).split()[:7])

    def _boilerplate(self, doc):
        doc["paragraphs"] = [self.rng.choice(BOILERPLATE)] + doc["paragraphs"]
        doc["footer"] = self.rng.sample(BOILERPLATE, 2)

    def _drop(self, doc):
        if len(doc["paragraphs"]) > 2:
            doc["paragraphs"].pop(self.rng.randrange(1, len(doc["paragraphs"])))

    def _words(self, doc):
        def change(p):
            words = p.split()
            for _ in range(max(1, len(words) // 50)):
                words[self.rng.randrange(len(words))] = self.rng.choice(["said", "new", "officials", "report"])
            return " ".join(words)
        doc["paragraphs"] = [change(p) for p in doc["paragraphs"]]


def to_article(doc: dict, number: int) -> Article:
    """An extracted article, built directly (the bench measures dedup, not extraction)."""
    pieces, spans, pos = [], [], 0
    for text in [doc["title"], *doc["paragraphs"]]:
        spans.append(Span(pos, pos + len(text), text))
        pieces.append(text)
        pos += len(text) + 2
    boilerplate, signals = [], []
    for line in doc["footer"] + ([f"This article was originally published by {doc['origin']}."] if doc["origin"] else []):
        span = Span(pos, pos + len(line), line)
        pieces.append(line)
        pos += len(line) + 2
        boilerplate.append(Boilerplate("source" if doc["origin"] and line.startswith("This article") else "call_to_action", span))
        if line.startswith("This article"):
            signals.append(Signal("original_source", doc["origin"], "text", span))
    return Article(text="\n\n".join(pieces), url=f"https://{doc['outlet']}/{number}", title=doc["title"],
                   title_span=spans[0], outlet=doc["outlet"], published=doc["date"].isoformat(),
                   paragraphs=spans[1:], boilerplate=boilerplate, signals=signals)


def corpus(n: int, sentences: list[str], seed: int, reword: float) -> tuple[list[Article], list[int], list[bool]]:
    gen = Generator(sentences, seed, reword)
    articles, groups, is_original = [], [], []
    group = 0
    while len(articles) < n:
        orig = gen.original(group)
        docs = [orig] + ([gen.copy(orig) for _ in range(gen.rng.randint(1, 3))] if gen.rng.random() < 0.3 else [])
        for i, d in enumerate(docs[: n - len(articles)]):
            articles.append(to_article(d, len(articles)))
            groups.append(group)
            is_original.append(i == 0)
        group += 1
    return articles, groups, is_original


def truth_pairs(groups: list[int]) -> set[tuple[int, int]]:
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    return {p for m in members.values() for p in combinations(m, 2)}


def exact_all_pairs(articles: list[Article], config: DedupConfig) -> set[tuple[int, int]]:
    hashes = [sh.shingle_hashes(a.body_text(), config.shingle) for a in articles]
    short = {i for i, a in enumerate(articles) if len(sh.words(a.body_text())) < config.min_words}
    return {(i, j) for i, j in combinations(range(len(articles)), 2) if i not in short and j not in short
            if sh.is_copy(sh.overlap(hashes[i], hashes[j]), jaccard=config.jaccard, containment=config.containment)}


def pairs_by_position(result) -> set[tuple[int, int]]:
    """Verified pairs as input positions (documents too short to compare are not in ``result.documents``)."""
    pos = [d.position for d in result.documents]
    return {(min(pos[p.a], pos[p.b]), max(pos[p.a], pos[p.b])) for p in result.pairs}


def clustered_pairs(result) -> set[tuple[int, int]]:
    """Pairs of input positions that ended up in the same cluster (copies found through other copies too)."""
    return {tuple(sorted((result.documents[a].position, result.documents[b].position)))
            for c in result.clusters for a, b in combinations(c.members, 2)}


def timed_dedup(articles: list[Article], config: DedupConfig):
    start = time.perf_counter()
    result = dedup(articles, config)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="articles in the generated corpus")
    parser.add_argument("--subset", type=int, default=2_000, help="articles compared exactly, all pairs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reword", type=float, default=0.25,
                        help="share of words of each sample sentence replaced in originals (0 = sentences reused as is)")
    parser.add_argument("--threshold", type=float, default=DedupConfig().threshold, help="LSH candidate threshold")
    args = parser.parse_args()
    config = DedupConfig(threshold=args.threshold)
    sentences, origin = sample_sentences()
    articles, groups, is_original = corpus(args.n, sentences, args.seed, args.reword)
    truth = truth_pairs(groups)
    print(f"corpus: {len(articles):,} articles from {len(sentences):,} sentences of the {origin}; "
          f"{len(truth):,} true copy pairs; config {config}")

    for size in sorted({max(args.subset, args.n // 4), args.n}):
        result, seconds = timed_dedup(articles[:size], config)
        found = pairs_by_position(result)
        want = {p for p in truth if p[1] < size}
        hit = len(found & want)
        earliest_ok = sum(1 for c in result.clusters if is_original[result.documents[c.earliest].position])
        together = clustered_pairs(result)
        both = len(together & want)
        print(f"LSH n={size:,}: {seconds:.1f} s, {size / seconds:,.0f} articles/s, {result.candidates:,} candidate pairs, "
              f"{len(found):,} verified; vs generator truth: precision {hit / max(1, len(found)):.3f}, "
              f"recall {hit / max(1, len(want)):.3f}; same-cluster pairs: precision {both / max(1, len(together)):.3f}, "
              f"recall {both / max(1, len(want)):.3f}; earliest version = generated original in "
              f"{earliest_ok}/{len(result.clusters)} clusters; seconds per step {result.seconds}")

    subset = articles[: args.subset]
    result, lsh_seconds = timed_dedup(subset, config)
    start = time.perf_counter()
    exact = exact_all_pairs(subset, config)
    exact_seconds = time.perf_counter() - start
    lsh_pairs = pairs_by_position(result)
    recall = len(lsh_pairs & exact) / max(1, len(exact))
    print(f"subset n={len(subset):,}: exact all-pairs {exact_seconds:.1f} s ({len(exact):,} copy pairs), "
          f"LSH {lsh_seconds:.2f} s ({len(lsh_pairs):,} pairs, all verified exactly); LSH recall vs exact {recall:.3f}; "
          f"time ratio exact/LSH {exact_seconds / lsh_seconds:.1f}x; exact at n={args.n:,} would take about "
          f"{exact_seconds * (args.n / len(subset)) ** 2 / 3600:.1f} h")


if __name__ == "__main__":
    main()
