"""Fuzz ``analyze``: generated and mutated inputs, counting crashes, hangs, peak memory and span violations.

    python bench/fuzz.py [--inputs 100000] [--start 0] [--workers 2] [--seed 22] [--hang 10] [--seconds S] [--shared PATH]
    python bench/fuzz.py --only 1234 [--seed 22]      # one input again, with its traceback

Inputs are generated from ``(seed, index)`` alone, so any finding can be replayed with ``--only``: plain text,
HTML and Markdown from small grammars salted with the tokens that broke things before (quote marks, ``[``
in URLs, control characters, entities, unclosed fences and comments), random and re-encoded bytes, text
given as a ``str`` with lone surrogates (what the web API gets from JSON), and mutations (byte flips,
insertions, deletions, duplications, splices, cuts) of the bundled examples and, when ``../shared`` is
present, of its sample pages. Each worker process analyses them in batches through ``pipeline.analyze_raw``
(what ``newstrace analyze`` does for many inputs), within an address-space cap; a batch slower than
``--hang`` CPU seconds is run again one input at a time to find the slow one (CPU time, not wall time: on a
shared machine, and under ``nice``, an input waits for the processor longer than it runs), and a worker silent
for three times that in wall time (plus 30 s) is killed and its batch replayed one by one, so a real stall is a
hang too. An outcome is "ok" (an analysis whose every span
is ``article.text[start:end]``), a documented exit code, or a finding: a crash (any other exception), a
hang, or a span violation. Exits 1 when there is a finding.
"""
from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import random
import resource
import signal
import sys
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import ROOT, SHARED  # noqa: E402

# The exit codes an input can cause (README, "Exit codes"); 70 (internal error) is never one of them.
DOCUMENTED_EXITS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21}
SEED_WINDOW = 6_000  # mutated samples are cut to a window of this many bytes: odd input, not long input

WORDS = ("the minister council river city police report government said talks would go on a new plan "
         "for water and roads was announced on Tuesday by officials who spoke to reporters in the capital "
         "after weeks of protests over prices and wages it is not clear whether").split()
NAMES = ("Maria Costa", "John Smith", "Dr. Aiko Tanaka", "the spokesperson", "He", "She", "Reuters", "AP",
         "Abdul Sammad", "a senior official", "the Ministry of Health", "O'Brien", "Jean-Luc", "Ng")
CUES = ("said", "says", "told reporters", "added", "wrote", "according to", "said in a statement",
        "tweeted", "argued", "asked", "believes", "claimed")
TOKENS = ("“", "”", '"', "'", "‘", "’", "«", "»", "„", "[", "]", "](", "(", ")", "```", "~~~", "<", ">", "&",
          "&#0;", "&#xD800;", "&#x1F600;", "&amp;", "&nbsp;", "&#12;", "\x0c", "\x00", "\x1b", "\x7f", "\x85",
          "\u2028", "\u200b", "\u202e", "\ufeff", "\ufffd", "\r", "\r\n", "\n\n", "\t", "—", "…", "#", "*", "_",
          "> ", "- ", "1. ", "|", "<!--", "-->", "<![CDATA[", "]]>", "\\", "%", "{", "}", "@", "$5 million",
          "50%", "2,000", "1.5bn", "on Monday", "March 3, 2021", "2021-13-45", "WASHINGTON (AP) —", "By Jane Doe",
          "Originally published by news[.com", "http://[x/", "https://news[.com/a", "http://[::1]/x",
          "Copyright 2024", "Read more:", "Photo: Getty", "This article was first published by The Conversation",
          "e\u0301", "\U0001F600", "ﬁ", "İ", "ß", "\u0645\u0631\u062d\u0628\u0627", "日本語")
TAGS = ("p", "div", "span", "article", "section", "main", "a", "b", "i", "em", "strong", "blockquote", "q",
        "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "figure", "figcaption", "aside", "nav", "header",
        "footer", "script", "style", "noscript", "iframe", "time", "br", "img", "pre", "code", "svg", "template",
        "font", "center", "x-custom", "p:p", "")
ATTRS = ('class="article-body"', 'class="byline"', 'class="caption"', 'id="main"', 'href="http://[bad"',
         'href="https://news[.com/x"', 'href="javascript:alert(1)"', 'itemprop="articleBody"',
         'itemprop="author"', 'datetime="2021-02-30T25:61"', 'style="display:none"', 'hidden', 'lang="fr"',
         'data-x="\x0c"', 'title="&#xD800;"', 'onclick="x()"', 'a', 'class=', '="', "'")
HEAD = ('<meta charset="utf-16">', '<meta charset="no-such">', '<meta property="og:url" content="http://[x">',
        '<link rel="canonical" href="https://news[.com/a">', '<meta property="og:site_name" content="">',
        '<meta name="author" content="By  ">', '<meta property="article:published_time" content="yesterday">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": [1, {"a": null}], '
        '"author": {"name": 5}, "datePublished": "2021"}</script>',
        '<script type="application/ld+json">{"@graph": [{"@type": "Person"</script>', '<base href="http://[x">',
        '<title>Title &amp; more</title>', '<title></title>', '<meta http-equiv="refresh" content="0;url=http://[x">')
CONTENT_TYPES = (None, None, None, "text/html", "text/plain", "text/markdown", "text/html; charset=utf-16",
                 "text/html; charset=latin-1", "application/octet-stream", "text/html; charset=bogus")
URLS = (None, None, "https://example.com/news/1", "http://[bad", "https://news[.com/x", "ftp://x", "",
        "https://www.reuters.com/world/a", "not a url", "https://xn--nxasmq6b.com/α")


@dataclass
class Finding:
    index: int
    kind: str  # crash | hang | spans | memory
    detail: str


@dataclass
class Tally:
    outcomes: Counter = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    spans: int = 0
    peak_rss_mb: float = 0.0
    slowest: tuple[float, int] = (0.0, -1)
    slowest_batch: float = 0.0  # CPU seconds
    cpu_s: dict[int, float] = field(default_factory=dict)  # CPU seconds of each worker process (by pid), so far


# --- inputs ------------------------------------------------------------------------------------------------

def seeds(shared: Path | None) -> list[bytes]:
    """The files mutations start from: examples/, plus ../shared's sample pages when present (read, never copied)."""
    paths = [p for p in sorted((ROOT / "examples").iterdir()) if p.is_file() and p.name != "NOTICE"]
    if shared is not None and (shared / "samples").is_dir():
        paths += sorted(p for p in (shared / "samples").rglob("*") if p.is_file() and p.stat().st_size < 2_000_000)
    out = []
    for path in paths:
        data = path.read_bytes()
        out.append(gzip.decompress(data) if data.startswith(b"\x1f\x8b") else data)
    return out


def fuzz_input(seed: int, index: int, samples: list[bytes]) -> tuple[str, Any, str | None, str | None]:
    """``(kind, data, url, content_type)`` of input ``index``: the same for the same ``seed`` and ``samples``."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = rng.choices(("text", "html", "markdown", "bytes", "str", "mutation"), (3, 4, 2, 1, 1, 5))[0]
    if kind == "mutation":
        data: Any = mutate(rng.choice(samples), rng, samples)
    elif kind == "bytes":
        data = odd_bytes(rng)
    elif kind == "str":
        data = surrogates(rng.choice((plain_text, html_page, markdown))(rng), rng)
    else:
        data = {"text": plain_text, "html": html_page, "markdown": markdown}[kind](rng)
    if isinstance(data, str) and kind != "str":
        data = data.encode("utf-8", "surrogatepass" if rng.random() < 0.02 else "replace")
    return kind, data, rng.choice(URLS), rng.choice(CONTENT_TYPES)


def sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 18)))
    if rng.random() < 0.1:
        words += " " + rng.choice(TOKENS) + " " + rng.choice(WORDS)
    shape = rng.random()
    if shape < 0.25:
        return f"“{words.capitalize()},” {rng.choice(NAMES)} {rng.choice(CUES)}."
    if shape < 0.4:
        return f"{rng.choice(NAMES)} {rng.choice(CUES)}: \"{words.capitalize()}.\""
    if shape < 0.5:
        return f"{rng.choice(NAMES)} {rng.choice(CUES)} that {words}."
    return words.capitalize() + rng.choice((".", ".", "!", "?", "", ":", ";"))


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 6)))


def plain_text(rng: random.Random) -> str:
    parts = [paragraph(rng).rstrip(".") if rng.random() < 0.7 else rng.choice(TOKENS)]
    for _ in range(rng.randint(0, 12)):
        parts.append(paragraph(rng) if rng.random() < 0.85 else rng.choice(TOKENS) * rng.randint(1, 300))
    return rng.choice(("\n\n", "\n", "\r\n\r\n", "\n\n\n", " ")).join(parts)


def html_page(rng: random.Random) -> str:
    head = "".join(rng.choice(HEAD) for _ in range(rng.randint(0, 4)))
    body = _html_tree(rng, rng.choice((3, 6, 12, 40)))
    shape = rng.random()
    if shape < 0.1:
        return body  # a fragment
    if shape < 0.15:
        return f"<html><head>{head}"  # cut off
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _html_tree(rng: random.Random, depth: int, budget: list[int] | None = None) -> str:
    """Nested elements, ``depth`` deep at most and about 60 of them at most (``budget``)."""
    budget = [60] if budget is None else budget
    out = []
    for _ in range(rng.randint(1, 4) if budget[0] > 0 else 1):
        budget[0] -= 1
        tag = rng.choice(TAGS)
        attrs = " ".join(rng.choice(ATTRS) for _ in range(rng.choice((0, 0, 1, 2, 5))))
        inner = _html_tree(rng, depth - 1, budget) if depth > 0 and rng.random() < 0.6 else paragraph(rng)
        if rng.random() < 0.05:
            inner += rng.choice(TOKENS)
        close = f"</{tag}>" if rng.random() < 0.9 else ""
        out.append(f"<{tag} {attrs}>{inner}{close}" if tag else inner)
    return "".join(out)


def markdown(rng: random.Random) -> str:
    blocks = [f"# {sentence(rng)}"]
    for _ in range(rng.randint(1, 10)):
        shape = rng.random()
        if shape < 0.4:
            blocks.append(paragraph(rng))
        elif shape < 0.5:
            blocks.append(f"[{sentence(rng)}](https://example.com/{rng.randint(0, 9)}) {paragraph(rng)}")
        elif shape < 0.55:
            n = rng.randint(1, 60)
            blocks.append("[" * n + "a" + "](x)" * rng.randint(0, n))
        elif shape < 0.62:
            blocks.append(rng.choice(("```", "~~~", "```python")) + "\n" + paragraph(rng)
                          + ("\n```" if rng.random() < 0.5 else ""))
        elif shape < 0.7:
            blocks.append("\n".join(f"{rng.choice(('-', '*', '1.', '>'))} {sentence(rng)}" for _ in range(rng.randint(1, 5))))
        elif shape < 0.75:
            blocks.append("| a | b |\n|---|---|\n| " + sentence(rng) + " | " + rng.choice(TOKENS) + " |")
        elif shape < 0.8:
            blocks.append(f"![{sentence(rng)}](http://[x) <{rng.choice(TAGS)}>{sentence(rng)}")
        else:
            blocks.append(f"## {sentence(rng)}\n\n{paragraph(rng)} **{rng.choice(NAMES)}** _{rng.choice(CUES)}_")
    return "\n\n".join(blocks)


def odd_bytes(rng: random.Random) -> bytes:
    text = plain_text(rng)
    shape = rng.random()
    if shape < 0.2:
        return rng.randbytes(rng.randint(0, 3000))
    if shape < 0.35:
        return rng.choice((b"\xff\xfe", b"\xfe\xff", b"")) + text.encode(rng.choice(("utf-16-le", "utf-16-be", "utf-16")))
    if shape < 0.5:
        return text.encode("latin-1", "replace") + b"\xe9\xe8 " + text.encode("utf-8")  # mixed encodings
    if shape < 0.65:
        packed = gzip.compress(text.encode("utf-8"))
        return packed[:rng.randint(0, len(packed))] if rng.random() < 0.5 else packed
    if shape < 0.75:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if shape < 0.85:
        return text.encode("utf-8").replace(b" ", b"\x00", rng.randint(1, 5))
    return text.encode("cp1252", "replace")


def surrogates(text: str, rng: random.Random) -> str:
    """Text as a ``str``, with lone surrogates where JSON's ``\\ud800`` escapes would put them."""
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        chars.insert(rng.randint(0, len(chars)), chr(rng.randint(0xD800, 0xDFFF)))
    return "".join(chars)


def mutate(data: bytes, rng: random.Random, samples: list[bytes]) -> bytes:
    if len(data) > SEED_WINDOW:
        start = 0 if rng.random() < 0.4 else rng.randrange(0, len(data) - SEED_WINDOW)
        data = data[start:start + SEED_WINDOW]
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        at = rng.randint(0, len(buf))
        if op < 0.2 and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randint(0, 7)
        elif op < 0.45:
            buf[at:at] = rng.choice(TOKENS).encode("utf-8", "surrogatepass") * rng.choice((1, 1, 2, 50))
        elif op < 0.6:
            del buf[at:at + rng.randint(1, 400)]
        elif op < 0.7:
            piece = bytes(buf[at:at + rng.randint(1, 200)])
            buf[at:at] = piece * rng.randint(1, 20)
        elif op < 0.8:
            other = rng.choice(samples)
            start = rng.randrange(0, max(1, len(other)))
            buf[at:at] = other[start:start + rng.randint(1, 2000)]
        elif op < 0.9:
            del buf[at:]
        else:
            buf[at:at] = rng.randbytes(rng.randint(1, 50))
    return bytes(buf)


# --- one worker -------------------------------------------------------------------------------------------

def run_batch(indices: list[int], seed: int, samples: list[bytes]) -> tuple[dict[int, str], int, float]:
    """Analyse inputs ``indices`` together: ``({index: outcome}, spans checked, CPU seconds)``; an outcome is "ok",
    "exit N", or "crash: ...", "spans: ...", "memory: ..." for a finding."""
    from newstrace.errors import AnalysisCrashed, NewstraceError
    from newstrace.pipeline import AnalyzeConfig, analyze_raw, document

    config = AnalyzeConfig(semantic=False)
    outcomes: dict[int, str] = {}
    docs = []
    started = time.process_time()
    for index in indices:
        _, data, url, content_type = fuzz_input(seed, index, samples)
        try:
            docs.append(document(data, url, content_type, name=str(index), config=config))
        except NewstraceError as err:
            outcomes[index] = _documented(err)
        except Exception as err:  # noqa: BLE001 - that is what the bench looks for
            outcomes[index] = f"crash: {type(err).__name__}: {str(err)[:160]}"
    spans = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, result in analyze_raw(docs, config):
            if isinstance(result, AnalysisCrashed):
                cause = result.__cause__
                what = "memory" if isinstance(cause, MemoryError) else "crash"
                outcomes[int(name)] = f"{what}: {type(cause).__name__}: {str(cause)[:160]} at {_where(cause)}"
            elif isinstance(result, NewstraceError):
                outcomes[int(name)] = _documented(result)
            else:
                checked, bad = check_spans(result.to_dict())
                spans += checked
                outcomes[int(name)] = f"spans: {bad[0]}" if bad else "ok"
    return outcomes, spans, time.process_time() - started


def _documented(err) -> str:
    return f"exit {err.exit_code}" if err.exit_code in DOCUMENTED_EXITS else f"crash: undocumented exit {err.exit_code}: {err}"


def _where(err: BaseException | None) -> str:
    frames = traceback.extract_tb(err.__traceback__) if err is not None else []
    ours = [f for f in frames if "/newstrace/" in f.filename] or frames
    if not ours:
        return "?"
    last = ours[-1]
    return f"{last.filename.split('/src/')[-1]}:{last.lineno}"


def check_spans(analysis: dict) -> tuple[int, list[str]]:
    """``(spans, violations)``: every ``{start, end, text}`` in the JSON against the article's text."""
    text = analysis["article"]["text"]
    count, bad = 0, []
    stack: list[Any] = [analysis]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
                count += 1
                start, end = value["start"], value["end"]
                if not (0 <= start <= end <= len(text)) or text[start:end] != value["text"]:
                    bad.append(f"[{start}:{end}] {value['text'][:40]!r} vs {text[start:end][:40]!r}")
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count, bad


def _worker(conn, seed: int, shared: str | None, memory_mb: int, hang: float) -> None:
    from newstrace.pipeline import pipeline_nlp
    from newstrace.web.worker import limit_memory

    samples = seeds(Path(shared) if shared else None)
    pipeline_nlp()
    run_batch([0], seed, samples)  # warm: the models load before the cap and the clock
    limit_memory(memory_mb)
    warm = resource.getrusage(resource.RUSAGE_SELF)
    warm_cpu = warm.ru_utime + warm.ru_stime
    conn.send("ready")
    while True:
        try:
            indices = conn.recv()
        except (EOFError, OSError):
            return
        outcomes, spans, took = run_batch(indices, seed, samples)
        slow: dict[int, float] = {}
        if took > hang and len(indices) > 1:  # which one? run them again one at a time
            for index in indices:
                outcomes_one, _, took_one = run_batch([index], seed, samples)
                slow[index] = took_one
        elif len(indices) == 1:
            slow[indices[0]] = took
        usage = resource.getrusage(resource.RUSAGE_SELF)
        conn.send((outcomes, spans, slow, usage.ru_maxrss / 1024, (os.getpid(), usage.ru_utime + usage.ru_stime - warm_cpu), took))


# --- the run ----------------------------------------------------------------------------------------------

class Pool:
    """Worker processes fed batches of indices; one silent for ``3 * hang`` s is killed and replaced."""

    def __init__(self, workers: int, seed: int, shared: Path | None, memory_mb: int, hang: float):
        self.context = multiprocessing.get_context("spawn")
        self.args = (seed, str(shared) if shared else None, memory_mb, hang)
        self.hang = hang
        self.slots = [self._start() for _ in range(workers)]

    def _start(self):
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, *self.args), daemon=True)
        process.start()
        child.close()
        if not parent.poll(300) or parent.recv() != "ready":
            raise SystemExit("a fuzz worker did not start")
        return [process, parent, None, 0.0]  # process, pipe, batch in flight, when sent

    def run(self, batches: Iterator[list[int]], tally: Tally, on_batch, until: float = float("inf")) -> None:
        """Run every batch, or stop sending new ones at monotonic time ``until``."""
        queue = list(batches)[::-1]
        retry: list[list[int]] = []
        while queue or retry or any(s[2] for s in self.slots):
            if time.monotonic() > until:
                queue.clear()
            for slot in self.slots:
                if slot[2] is None and (retry or queue):
                    batch = retry.pop() if retry else queue.pop()
                    slot[1].send(batch)
                    slot[2], slot[3] = batch, time.monotonic()
            for i, slot in enumerate(self.slots):
                process, conn, batch, sent = slot
                if batch is None:
                    continue
                if conn.poll(0.05):
                    try:
                        outcomes, spans, slow, rss, cpu, took = conn.recv()
                    except (EOFError, OSError):
                        self._replace(i, batch, retry, tally, "the worker died")
                        continue
                    slot[2] = None
                    _count(tally, outcomes, spans, slow, rss, self.hang)
                    tally.cpu_s[cpu[0]] = cpu[1]
                    tally.slowest_batch = max(tally.slowest_batch, took)
                    on_batch(len(batch))
                elif time.monotonic() - sent > 3 * self.hang * max(1, len(batch)) ** 0.5 + 30:
                    self._replace(i, batch, retry, tally, f"no answer in {time.monotonic() - sent:.0f}s")

    def _replace(self, i: int, batch: list[int], retry: list[list[int]], tally: Tally, why: str) -> None:
        process = self.slots[i][0]
        process.kill()
        process.join(5)
        if len(batch) == 1:
            tally.findings.append(Finding(batch[0], "hang", f"{why}; killed"))
            tally.outcomes["hang"] += 1
        else:
            retry.extend([index] for index in batch)
        self.slots[i] = self._start()

    def close(self) -> None:
        for process, conn, *_ in self.slots:
            conn.close()
            process.kill()
            process.join(5)


def _count(tally: Tally, outcomes: dict[int, str], spans: int, slow: dict[int, float], rss: float,
           hang: float) -> None:
    tally.spans += spans
    tally.peak_rss_mb = max(tally.peak_rss_mb, rss)
    for index, outcome in outcomes.items():
        kind = outcome.split(":", 1)[0]
        if kind in ("crash", "spans", "memory"):
            tally.findings.append(Finding(index, kind, outcome.split(": ", 1)[1]))
        tally.outcomes[outcome if kind not in ("crash", "spans", "memory") else kind] += 1
    for index, took in slow.items():
        tally.slowest = max(tally.slowest, (took, index))
        if took > hang:
            tally.findings.append(Finding(index, "hang", f"{took:.1f} CPU s"))
            tally.outcomes["hang"] += 1


def replay(index: int, seed: int, shared: Path | None) -> None:
    from newstrace.pipeline import AnalyzeConfig, analyze

    kind, data, url, content_type = fuzz_input(seed, index, seeds(shared))
    print(f"input {index}: {kind}, {len(data)} {'characters' if isinstance(data, str) else 'bytes'}, "
          f"url {url!r}, content type {content_type!r}\n{data[:600]!r}")
    from newstrace.pipeline import pipeline_nlp

    pipeline_nlp()  # loaded before the clock
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = analyze(data, url, content_type, name=str(index), config=AnalyzeConfig(semantic=False))
        checked, bad = check_spans(result.to_dict())
        print(f"ok: {checked} spans, {len(bad)} violations {bad[:3]}")
    except Exception as err:  # noqa: BLE001
        print(f"{type(err).__name__}: {err}")
        cause = err.__cause__ or err
        traceback.print_exception(cause)
    print(f"{time.perf_counter() - started:.2f}s, {time.process_time() - cpu:.2f} CPU s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="index of the first input (to continue a run)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16, help="inputs per nlp.pipe batch")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--hang", type=float, default=10.0, help="CPU seconds: an input slower than this is a hang")
    parser.add_argument("--memory-mb", type=int, default=1536, help="address space each worker may add after warm-up")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-shared", action="store_true", help="mutate examples/ only")
    parser.add_argument("--seconds", type=float, default=None, help="stop starting batches after this long")
    parser.add_argument("--only", type=int, help="replay this one input in this process, with its traceback")
    opts = parser.parse_args()
    shared = None if opts.no_shared or not opts.shared.is_dir() else opts.shared
    if opts.only is not None:
        replay(opts.only, opts.seed, shared)
        return
    print(f"fuzz: {opts.inputs:,} inputs from #{opts.start}, seed {opts.seed}, {opts.workers} workers, batches of {opts.batch}, "
          f"seeds from examples/{' and ' + str(shared / 'samples') if shared else ' only'}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the workers are stopped too
    started = time.monotonic()
    pool = Pool(opts.workers, opts.seed, shared, opts.memory_mb, opts.hang)
    print(f"workers ready in {time.monotonic() - started:.0f}s", flush=True)
    tally, done, step = Tally(), [0], max(opts.batch, min(opts.inputs // 20, 1000))
    clock = time.monotonic()
    until = clock + opts.seconds if opts.seconds else float("inf")

    def on_batch(n: int) -> None:
        before, done[0] = done[0], done[0] + n
        if before // step != done[0] // step:
            print(f"  {done[0]:,} done, {time.monotonic() - clock:.0f}s, {len(tally.findings)} findings", flush=True)
    try:
        end = opts.start + opts.inputs
        pool.run((list(range(i, min(i + opts.batch, end))) for i in range(opts.start, end, opts.batch)),
                 tally, on_batch, until)
    except (KeyboardInterrupt, SystemExit):
        print("interrupted: the figures below are for the inputs done so far")
    finally:
        pool.close()
    report(tally, done[0], time.monotonic() - clock)
    sys.exit(1 if tally.findings else 0)


def report(tally: Tally, inputs: int, seconds: float) -> None:
    seconds = max(seconds, 1e-9)
    kinds = Counter(f.kind for f in tally.findings)
    cpu = sum(tally.cpu_s.values())
    print(f"{inputs:,} inputs in {seconds:.0f}s ({inputs / seconds:.1f}/s; the workers' CPU time {cpu:,.0f}s, "
          f"{inputs / max(cpu, 1e-9):.1f} inputs per CPU second): crashes {kinds['crash']}, "
          f"hangs (> limit) {kinds['hang']}, over memory {kinds['memory']}, span violations {kinds['spans']} "
          f"in {tally.spans:,} spans; peak RSS of a worker {tally.peak_rss_mb:,.0f} MB; slowest input "
          f"#{tally.slowest[1]} {tally.slowest[0]:.1f} CPU s (timed alone only when its batch was slow), slowest batch "
          f"{tally.slowest_batch:.1f} CPU s")
    print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(tally.outcomes.items())))
    by_detail = Counter((f.kind, f.detail.split(" at ")[-1] if f.kind == "crash" else f.detail[:60])
                        for f in tally.findings)
    for (kind, detail), n in by_detail.most_common(30):
        first = next(f for f in tally.findings if f.kind == kind and detail in f.detail)
        print(f"  {kind} x{n}: {first.detail[:220]} (replay: --only {first.index})")


if __name__ == "__main__":
    main()
