"""Quote attribution against PolNeAR (brat): token-overlap and exact P/R/F1 for content, source and cue.

    PYTHONPATH=src python bench/eval_attribution.py ../shared/data/polnear/dev [--limit N]

Token overlap (citron-style): word tokens (``\\w+``) of predicted spans that fall in a gold span of the same
role, over all predicted tokens (precision) and over all gold tokens (recall). Exact: whole spans equal after
trimming white space, quote marks and edge punctuation. Direct = the content contains a quote mark.
Speaker resolution rate: gold sources that are a bare personal pronoun, overlapped by a predicted speaker
mention whose speaker is a named person or organisation.

``--agreement`` adds the baseline that the annotation itself sets: on the texts of the split that several
annotators marked, token-overlap F1 of every annotator against every other one, and of newstrace against each
annotator on the same texts, with their ratio.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from newstrace.extract import extract_string
from newstrace.pipeline import analyze_articles
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # training/ (not installed)
from training.polnear import QUOTE_MARKS, Relation, read_ann, split_files  # noqa: E402

_WORD = re.compile(r"\w+")
_PRONOUNS = frozenset("he she they it we i you".split())
ROLES = ("content", "source", "cue")


class Tally:
    def __init__(self):
        self.tp_p = self.pred = self.tp_r = self.gold = 0

    def add(self, pred: set, gold: set, gold_all: set, pred_all: set) -> None:
        self.tp_p += len(pred & gold_all)
        self.pred += len(pred)
        self.tp_r += len(gold & pred_all)
        self.gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.pred if self.pred else 0.0
        r = self.tp_r / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tokens(text: str, ranges) -> set[tuple[int, int]]:
    out = set()
    for s, e in ranges:
        out.update((s + m.start(), s + m.end()) for m in _WORD.finditer(text[s:e]))
    return out


def norm(text: str, ranges) -> tuple[int, int] | None:
    if not ranges:
        return None
    s, e = min(r[0] for r in ranges), max(r[1] for r in ranges)
    strip = QUOTE_MARKS + " \t\n.,;:!?—–-"
    while s < e and text[s] in strip:
        s += 1
    while e > s and text[e - 1] in strip:
        e -= 1
    return (s, e) if s < e else None


def _content_ranges(q) -> list[tuple[int, int]]:
    """The content without the cue and the source inside it: a quotation split by its cue ("“A,” she said, “B.”")
    is one newstrace quote from A to B, where PolNeAR marks the two pieces as one discontinuous content."""
    ranges = [(q.content.start, q.content.end)]
    for inner in (q.cue, q.speaker_mention):
        if inner is None or not (q.content.start < inner.start and inner.end < q.content.end):
            continue
        ranges = [piece for s, e in ranges
                  for piece in ((s, min(e, inner.start)), (max(s, inner.end), e)) if piece[0] < piece[1]]
    return ranges


def predicted(text: str, analysis) -> list[dict]:
    out = []
    for q in analysis.quotes:
        direct = any(c in QUOTE_MARKS for c in q.content.text)
        src = q.speaker_mention if not q.inferred and q.speaker_mention and q.speaker_mention.start >= 0 else None
        speaker = next((s for s in analysis.speakers if s.id == q.speaker_id), None)
        out.append({"content": _content_ranges(q), "cue": [(q.cue.start, q.cue.end)] if q.cue and not q.inferred else [],
                    "source": [(src.start, src.end)] if src else [], "direct": direct,
                    "named": speaker is not None and speaker.kind != "unresolved"})
    return out


def evaluate(split: Path, limit: int | None) -> None:
    pairs = split_files(split)[:limit]
    texts = [p[0].read_text(encoding="utf-8") for p in pairs]
    golds = [read_ann(p[1]) for p in pairs]
    t0 = time.perf_counter()
    analyses = list(analyze_articles(extract_string(t, fmt="text") for t in texts))
    elapsed = time.perf_counter() - t0
    overlap = {(r, k): Tally() for r in ROLES for k in ("all", "direct", "indirect")}
    exact = {r: [0, 0, 0] for r in ROLES}  # matched, predicted, gold
    pron = [0, 0]
    for text, gold, analysis in zip(texts, golds, analyses):
        preds = predicted(text, analysis)
        for role in ROLES:
            gold_all = set().union(*(tokens(text, getattr(g, role)) for g in gold)) if gold else set()
            pred_all = set().union(*(tokens(text, p[role]) for p in preds)) if preds else set()
            overlap[(role, "all")].add(pred_all, gold_all, gold_all, pred_all)
            for kind, flag in (("direct", True), ("indirect", False)):
                g = set().union(set(), *(tokens(text, getattr(x, role)) for x in gold if x.direct(text) == flag))
                p = set().union(set(), *(tokens(text, x[role]) for x in preds if x["direct"] == flag))
                overlap[(role, kind)].add(p, g, gold_all, pred_all)
            gold_exact = {norm(text, getattr(g, role)) for g in gold} - {None}
            pred_exact = {norm(text, p[role]) for p in preds} - {None}
            exact[role][0] += len(gold_exact & pred_exact)
            exact[role][1] += len(pred_exact)
            exact[role][2] += len(gold_exact)
        _speaker_rate(text, gold, preds, pron)
    _print(split, len(pairs), elapsed, overlap, exact, pron)


def agreement(split: Path) -> None:
    """Annotators against each other, and newstrace against each annotator, on the texts several annotators marked."""
    texts, annotations = [], []
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if len(anns) > 1:
            texts.append(txt.read_text(encoding="utf-8"))
            annotations.append([read_ann(a) for a in anns])
    if not texts:
        print("agreement: no text of this split has more than one annotator")
        return
    analyses = list(analyze_articles(extract_string(t, fmt="text") for t in texts))
    human = {r: Tally() for r in ROLES}
    system = {r: Tally() for r in ROLES}
    for text, anns, analysis in zip(texts, annotations, analyses):
        preds = predicted(text, analysis)
        for role in ROLES:
            marked = [set().union(set(), *(tokens(text, getattr(g, role)) for g in rels)) for rels in anns]
            ours = set().union(set(), *(tokens(text, p[role]) for p in preds))
            for i, gold in enumerate(marked):
                system[role].add(ours, gold, gold, ours)
                for j, other in enumerate(marked):
                    if i != j:
                        human[role].add(other, gold, gold, other)
    pairs = sum(len(a) * (len(a) - 1) for a in annotations)
    print(f"agreement on {len(texts)} texts with several annotators ({pairs} ordered annotator pairs), token-overlap F1:")
    print(f"{'role':8} {'annotators':>10} {'newstrace':>10} {'ratio':>6}")
    for role in ROLES:
        h, n = human[role].prf()[2], system[role].prf()[2]
        print(f"{role:8} {h:10.3f} {n:10.3f} {n / h if h else 0.0:6.2f}")


def _speaker_rate(text: str, gold: list[Relation], preds: list[dict], pron: list[int]) -> None:
    for g in gold:
        if len(g.source) != 1 or text[g.source[0][0]:g.source[0][1]].strip().lower() not in _PRONOUNS:
            continue
        pron[1] += 1
        s, e = g.source[0]
        if any(p["named"] and any(ps < e and s < pe for ps, pe in p["source"]) for p in preds):
            pron[0] += 1


def _print(split, n, elapsed, overlap, exact, pron) -> None:
    print(f"PolNeAR split: {split}  texts: {n}  analyse time: {elapsed:.1f}s")
    print(f"{'role':8} {'subset':9} {'P':>6} {'R':>6} {'F1':>6}   (token overlap)")
    for (role, kind), tally in overlap.items():
        p, r, f = tally.prf()
        print(f"{role:8} {kind:9} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"{'role':8} {'':9} {'P':>6} {'R':>6} {'F1':>6}   (exact span)")
    for role, (m, np_, ng) in exact.items():
        p, r = (m / np_ if np_ else 0.0), (m / ng if ng else 0.0)
        print(f"{role:8} {'all':9} {p:6.3f} {r:6.3f} {(2 * p * r / (p + r) if p + r else 0.0):6.3f}")
    rate = pron[0] / pron[1] if pron[1] else 0.0
    print(f"speaker resolution rate: {rate:.3f} ({pron[0]} of {pron[1]} pronoun sources resolved to a named speaker)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--agreement", action="store_true",
                    help="also compare with the annotators' agreement on the texts several of them marked")
    ap.add_argument("--every-candidate", action="store_true",
                    help="score every candidate the rules and the role tagger propose (no accept/reject step): "
                         "PolNeAR's wider notion of attribution")
    args = ap.parse_args()
    if args.every_candidate:
        import newstrace.pipeline
        from newstrace.model import QUOTE_TYPES

        # the pipeline's component with accept=False: every candidate, before the accept/reject step
        newstrace.pipeline.NLP_COMPONENTS = (("newstrace_quotes", (("types", QUOTE_TYPES), ("accept", False))),)
    if not (args.split / "text").is_dir():
        sys.exit(f"error: {args.split} has no text/ folder (expected a PolNeAR split)")
    evaluate(args.split, args.limit)
    if args.agreement:
        agreement(args.split)


if __name__ == "__main__":
    main()
