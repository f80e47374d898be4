"""Milliseconds to render the HTML report of one article, by article size and span density, beside the
baseline of escaping the same paragraphs into <p> elements (what any HTML output costs at least).

    python bench/report.py [--repeats 5]

Synthetic articles (no data needed): P paragraphs of ~600 characters, each with quotes, cues, speaker
mentions and claims that overlap. The figure to watch is the ratio to the baseline.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from newstrace.model import Analysis, Article, Check, Claim, Quote, Span, Speaker  # noqa: E402
from newstrace.report.html import render_html  # noqa: E402

SENTENCE = '"We will build {n} new homes by next year," said Jane Doe, the housing minister, adding that costs rose. '


def synthetic(paragraphs: int, per_paragraph: int) -> Analysis:
    parts, spans, quotes, claims, checks = [], [], [], [], []
    pos = 0
    for p in range(paragraphs):
        text = "".join(SENTENCE.format(n=p * 100 + i) for i in range(per_paragraph)).strip()
        spans.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 2
    full = "\n\n".join(parts)
    speakers = [Speaker("s1", "Jane Doe", role="housing minister")]
    for p, (start, _) in enumerate(spans):
        offset = start
        for i in range(per_paragraph):
            sentence = SENTENCE.format(n=p * 100 + i)
            said = offset + sentence.index("said")
            name = offset + sentence.index("Jane Doe")
            qid = f"q{p}-{i}"
            quotes.append(Quote(qid, Span.of(full, offset, name + 8), Span.of(full, offset + 1, said - 3),
                                cue=Span.of(full, said, said + 4), speaker_mention=Span.of(full, name, name + 8),
                                speaker_id="s1"))
            cid = f"c{p}-{i}"
            claims.append(Claim(cid, Span.of(full, offset + 9, name + 30), 0.8))  # crosses the quote's end
            checks.append(Check(f"k{p}-{i}", cid, "arithmetic", "1 + 1 = 2", verdict="consistent"))
            offset += len(sentence)
    speakers[0].mentions = [q.speaker_mention for q in quotes]
    article = Article(text=full, paragraphs=[Span.of(full, s, e) for s, e in spans], title="Synthetic")
    return Analysis(article, quotes=quotes, speakers=speakers, claims=claims, checks=checks)


def baseline(analysis: Analysis) -> str:
    return "".join(f"<p>{escape(p.text)}</p>" for p in analysis.article.paragraphs)


def timed(fn, arg, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(arg)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"{'paragraphs':>10} {'chars':>8} {'quotes':>7} {'report ms':>10} {'baseline ms':>12} {'ratio':>7}")
    for paragraphs, per in ((5, 2), (20, 4), (80, 6)):
        analysis = synthetic(paragraphs, per)
        ms = timed(render_html, analysis, args.repeats)
        base = timed(baseline, analysis, args.repeats)
        print(f"{paragraphs:>10} {len(analysis.article.text):>8} {len(analysis.quotes):>7} {ms:>10.2f} "
              f"{base:>12.3f} {ms / base:>7.0f}x")


if __name__ == "__main__":
    main()
