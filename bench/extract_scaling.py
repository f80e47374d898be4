"""Time per character of reading and extraction, from 1 KB to 1 MB, for ordinary and pathological inputs.

    python bench/extract_scaling.py [--sizes 1000,10000,100000,1000000] [--kinds deep,attributes,...]

Each input is generated at each size and run through ``extract_article`` (decode, sniff, extract), as bytes
with a file name. The table gives microseconds per input character; the last column is the largest size's
figure over the smallest's, which stays near 1 (or below: fixed costs spread out) when the cost is linear.
A kind that errs prints its error class instead of a time. Issue 22's pathological inputs: nested Markdown
links, an unclosed code fence, 25,000-style attribute bombs, 10,000-deep nesting, a false UTF-16 charset,
form feeds in paragraphs.
"""
from __future__ import annotations

import argparse
import time
from typing import Callable

from newstrace.errors import NewstraceError
from newstrace.extract import extract_article
from newstrace.reading.document import RawDocument

SENTENCE = "The minister said on Monday that the budget for the region would rise by five percent next year. "


def _paragraphs(size: int, sep: str = "") -> str:
    n = max(1, size // (len(SENTENCE) * 3 + 7))
    return "".join(f"<p>{SENTENCE * 3}{sep}</p>" for _ in range(n))


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Budget</title></head><body><h1>Budget rises</h1><article>{body}</article></body></html>"


def ordinary_html(size: int) -> tuple[str, str]:
    return "page.html", _page(_paragraphs(size))


def ordinary_text(size: int) -> tuple[str, str]:
    return "story.txt", "Budget rises\n\n" + (SENTENCE * 3 + "\n\n") * max(1, size // (len(SENTENCE) * 3 + 2))


def form_feeds(size: int) -> tuple[str, str]:
    return "page.html", _page(_paragraphs(size, sep='\x0c<span class="dropcap">T</span>he end.'))


def deep(size: int) -> tuple[str, str]:
    levels = max(1, (size - 400) // 11)
    return "page.html", _page("<div>" * levels + _paragraphs(400) + "</div>" * levels)


def attributes(size: int) -> tuple[str, str]:
    count = max(1, (size - 400) // 10)
    bomb = " ".join(f"a{i}='v'" for i in range(count))
    return "page.html", _page(f"<p {bomb}>x</p>" + _paragraphs(400))


def false_utf16(size: int) -> tuple[str, str]:
    return "page.html", _page(_paragraphs(size), head='<meta charset="utf-16">')


def nested_links(size: int) -> tuple[str, str]:
    n = max(1, size // 5)
    return "story.md", "[" * n + "a" + "](x)" * n + "\n\n" + SENTENCE


def unclosed_fence(size: int) -> tuple[str, str]:
    return "story.md", "Budget rises\n\n```\n" + SENTENCE * max(1, size // len(SENTENCE))


KINDS: dict[str, Callable[[int], tuple[str, str]]] = {
    "ordinary html": ordinary_html, "ordinary text": ordinary_text, "form feeds": form_feeds, "deep": deep,
    "attributes": attributes, "false utf-16": false_utf16, "nested links": nested_links,
    "unclosed fence": unclosed_fence}


def per_char(make: Callable[[int], tuple[str, str]], size: int) -> float | str:
    name, text = make(size)
    data = text.encode("utf-8")
    start = time.perf_counter()
    try:
        extract_article(RawDocument(name=name, data=data))
    except NewstraceError as err:
        return type(err).__name__
    return (time.perf_counter() - start) / len(text) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--kinds", default=",".join(KINDS))
    opts = parser.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",")]
    per_char(ordinary_html, 1000)  # imports and first-call costs out of the table
    print(f"{'µs per character':<16}" + "".join(f"{s:>11,}" for s in sizes) + f"{'last/first':>12}")
    for kind in opts.kinds.split(","):
        figures = [per_char(KINDS[kind], size) for size in sizes]
        cells = "".join(f"{f:>11.2f}" if isinstance(f, float) else f"{f[:10]:>11}" for f in figures)
        numbers = [f for f in figures if isinstance(f, float)]
        ratio = f"{numbers[-1] / numbers[0]:>12.2f}" if len(numbers) == len(figures) else f"{'—':>12}"
        print(f"{kind:<16}{cells}{ratio}", flush=True)


if __name__ == "__main__":
    main()
