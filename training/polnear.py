"""PolNeAR (development data, never shipped): brat standoff files read into attribution relations (one annotator
per text), and a split's texts parsed exactly as ``newstrace analyze`` parses them, for training."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

_T = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t")
_E = re.compile(r"^(E\d+)\t(\S+)")
QUOTE_MARKS = "\"“”‘’'«»„"

Ranges = list[tuple[int, int]]


@dataclass
class Relation:
    content: Ranges
    cue: Ranges
    source: Ranges = field(default_factory=list)

    def direct(self, text: str) -> bool:
        return any(c in QUOTE_MARKS for s, e in self.content for c in text[s:e])


def read_ann(path: Path) -> list[Relation]:
    """Relations of one ``.ann`` file; offsets are trusted and span text is ignored (it may run over lines)."""
    spans: dict[str, Ranges] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _T.match(line):
            spans[m.group(1)] = [tuple(map(int, part.split())) for part in m.group(3).split(";")]
        elif m := _E.match(line):
            events.append(line.split("\t")[1].split())
    relations = []
    for args in events:
        roles = dict(a.split(":", 1) for a in args if ":" in a)
        content = spans.get(roles.get("Content", ""), []) + spans.get(roles.get("Content2", ""), [])
        if content:
            relations.append(Relation(content, spans.get(roles.get("Cue", ""), []), spans.get(roles.get("Source", ""), [])))
    return relations


def split_files(split: Path) -> list[tuple[Path, Path]]:
    """``(text, ann)`` pairs, one annotator file per text (the first in name order)."""
    pairs = []
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs


def parse_split(split: Path, cache: Path | None = None) -> list:
    """``(doc, view, relations)`` for every text of the split, parsed as ``newstrace analyze`` does.

    With ``cache``, the parses are kept in a DocBin file and the token vectors (``doc.tensor``, which a DocBin
    does not keep) beside it, and read back on the next run.
    """
    from spacy.tokens import DocBin

    from newstrace.extract import extract_string
    from newstrace.nlp.model import load_nlp
    from newstrace.nlp.view import BodyView

    pairs = split_files(split)
    views = [BodyView.of(extract_string(t.read_text(encoding="utf-8"), fmt="text")) for t, _ in pairs]
    nlp = load_nlp(())
    vectors = cache.with_name(cache.name + ".tensors.npz") if cache is not None else None
    if cache is not None and cache.exists() and vectors.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        with np.load(vectors) as arrays:
            for n, doc in enumerate(docs):
                doc.tensor = arrays[f"arr_{n}"].astype(np.float32)
    else:
        docs = list(nlp.pipe((v.text for v in views), batch_size=16))
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
            np.savez_compressed(vectors, *[d.tensor.astype(np.float32) for d in docs])
    return [(d, v, read_ann(a)) for d, v, (_, a) in zip(docs, views, pairs)]
