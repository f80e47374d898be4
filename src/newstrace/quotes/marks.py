"""Quotation-mark spans in plain text: straight, curly, British single quotes, guillemets.

A scanner, not a regex: marks are paired within a paragraph; a paragraph that ends inside a quote
closes it there (``closed=False``), and the next paragraph continues it when it opens with a mark.
Inch and second marks (``5'10"``, ``3"``) and apostrophes are told apart from quote marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"'}
_SINGLE_OPEN = {"‘": "’", "'": "'", "‹": "›"}
_OPEN_CONTEXT = set(" \t\n([{—–-/:;\u00a0")
_CLOSE_CONTEXT = set(" \t\n.,;:!?)]}—–-…\u00a0")
QUOTE_CHARS = "\"“”„«»‘’'‹›"


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch ``text[start:end]`` including its marks."""

    start: int
    end: int
    closed: bool = True
    continues: bool = False  # opens a paragraph that carries on the previous paragraph's open quote
    single: bool = False


def find_segments(text: str) -> list[Segment]:
    """Top-level quoted segments of ``text`` (quotes inside quotes stay part of the outer one)."""
    segments: list[Segment] = []
    pos, open_before = 0, False
    for m in list(PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        found, open_at_end = _scan_paragraph(text, pos, end)
        if found and open_before and found[0].start == _first_visible(text, pos):
            found[0] = Segment(found[0].start, found[0].end, found[0].closed, True, found[0].single)
        segments.extend(found)
        open_before = open_at_end
        pos = m.end() if m else len(text)
    return segments


def _first_visible(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[Segment], bool]:
    out: list[Segment] = []
    i, opener, open_at = start, "", -1
    while i < end:
        ch = text[i]
        if opener:
            if _closes(text, i, opener, start, end):
                out.append(Segment(open_at, i + 1, True, False, opener in _SINGLE_OPEN))
                opener = ""
            elif ch in _DOUBLE_OPEN and ch != '"' and opener in _SINGLE_OPEN and _opens(text, i, start, end):
                # a double opener inside a single-quoted stretch: the single mark was an apostrophe
                opener, open_at = ch, i
        elif ch in _DOUBLE_OPEN and _opens(text, i, start, end) and not _is_unit_mark(text, i):
            opener, open_at = ch, i
        elif ch in _SINGLE_OPEN and _opens(text, i, start, end) and _single_closes_later(text, i, end):
            opener, open_at = ch, i
        i += 1
    if opener and opener in _DOUBLE_OPEN:
        stop = end
        while stop > open_at + 1 and text[stop - 1].isspace():
            stop -= 1
        out.append(Segment(open_at, stop, False, False, False))
        return out, True
    return out, False


def _opens(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if text[i] in "“„«‘‹":
        return not after.isspace() and not (text[i] == "‘" and before.isalnum())
    return (before in _OPEN_CONTEXT or before in "“‘") and not after.isspace() and after not in ".,;"


def _closes(text: str, i: int, opener: str, start: int, end: int) -> bool:
    ch = text[i]
    closer = (_DOUBLE_OPEN.get(opener) or _SINGLE_OPEN.get(opener))
    if ch != closer and not (opener == "„" and ch == "”"):
        return False
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if opener in _SINGLE_OPEN:
        # an apostrophe inside a word ("don't") or a plural possessive is not a closing mark
        return not after.isalnum() and not before.isspace()
    if ch == '"':
        if _is_unit_mark(text, i) and (after.isalnum() or _FEET.search(text, max(0, i - 6), i)):
            return False
        return after in _CLOSE_CONTEXT or after in QUOTE_CHARS or i + 1 >= end
    return True


def _is_unit_mark(text: str, i: int) -> bool:
    """``5'10"``, ``3"`` or ``12' 6"``: a straight mark right after a digit measures something."""
    return text[i] == '"' and i > 0 and text[i - 1].isdigit() and (
        i < 2 or not text[i - 2].isalpha() or bool(_FEET.search(text, max(0, i - 6), i)))


_FEET = re.compile(r"\d['’]\s?\d{1,2}$")


def _single_closes_later(text: str, i: int, end: int) -> bool:
    """A single opener counts only when a closing mark follows in the paragraph (so ``'90s`` is no quote)."""
    if text[i] == "'" and i + 1 < end and text[i + 1].isdigit():
        return False
    closer = _SINGLE_OPEN[text[i]]
    j = text.find(closer, i + 2, end)
    while j != -1:
        after = text[j + 1] if j + 1 < end else " "
        if not after.isalnum() and not text[j - 1].isspace():
            return True
        j = text.find(closer, j + 1, end)
    return False
