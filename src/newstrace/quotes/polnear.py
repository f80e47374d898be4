"""Reading PolNeAR's brat standoff files (development data, never shipped; one annotator per text) into attribution relations."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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
