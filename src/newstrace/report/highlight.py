"""Article text with marks (quotes, cues, claims, mentions, evidence) as properly nested, escaped HTML.

Marks are character ranges that may overlap or nest in any way. The text is cut at every mark boundary;
each piece is wrapped in the marks active over it, outermost first (earlier start, then longer, then
``rank``). Where a mark must close before an enclosing-but-later one ends, the later one is closed and
reopened, so the output is always well-formed; every fragment of a mark carries the same ``data-key``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


FOCUS_ATTRS = ("tabindex", "role", "aria-label", "aria-roledescription")


@dataclass(frozen=True, slots=True)
class Mark:
    """An HTML wrapper over ``[start, end)`` of the text; ``anchor`` becomes the id of its first fragment."""

    start: int
    end: int
    cls: str
    key: str
    rank: int = 0  # for identical ranges: lower is outer
    attrs: tuple[tuple[str, str], ...] = ()
    anchor: str | None = None
    tag: str = "span"

    def order(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, self.rank, self.key)


@dataclass(slots=True)
class _Writer:
    out: list[str] = field(default_factory=list)
    opened: set[str] = field(default_factory=set)

    def open(self, mark: Mark) -> None:
        attrs = [("class", mark.cls), ("data-key", mark.key)]
        if mark.anchor and mark.key not in self.opened:
            attrs.append(("id", mark.anchor))
        elif mark.key in self.opened:
            attrs.append(("data-cont", "1"))
        first = mark.key not in self.opened
        self.opened.add(mark.key)
        # a mark is one tab stop: its later fragments (after a cut) keep the look but not the focus and label
        attrs += [(k, v) for k, v in mark.attrs if first or k not in FOCUS_ATTRS]
        self.out.append(f"<{mark.tag} " + " ".join(f'{k}="{escape(v, quote=True)}"' for k, v in attrs) + ">")

    def close(self, mark: Mark) -> None:
        self.out.append(f"</{mark.tag}>")


def marked_html(text: str, start: int, end: int, marks: list[Mark], opened: set[str] | None = None) -> str:
    """``text[start:end]`` escaped, with ``marks`` (clipped to the range) as nested elements.

    Pass the same ``opened`` set to the calls for the pieces of one text (paragraphs) so that a mark crossing
    pieces gets its ``id`` once."""
    start, end = max(0, start), min(len(text), end)
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = sorted({start, end} | {min(max(m.start, start), end) for m in inside}
                  | {min(max(m.end, start), end) for m in inside})
    writer, stack = _Writer(opened=opened if opened is not None else set()), []
    for left, right in zip(cuts, cuts[1:]):
        active = sorted((m for m in inside if m.start <= left and m.end >= right), key=Mark.order)
        common = _common_prefix(stack, active)
        for mark in reversed(stack[common:]):
            writer.close(mark)
        for mark in active[common:]:
            writer.open(mark)
        stack = active
        writer.out.append(escape(text[left:right], quote=False))
    for mark in reversed(stack):
        writer.close(mark)
    return "".join(writer.out)


def clip(start: int, end: int, length: int) -> tuple[int, int] | None:
    """A span's range made safe for a text of ``length`` characters; None when nothing is left."""
    start, end = max(0, min(start, length)), max(0, min(end, length))
    return (start, end) if end > start else None


def _common_prefix(a: list[Mark], b: list[Mark]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] is b[n]:
        n += 1
    return n
