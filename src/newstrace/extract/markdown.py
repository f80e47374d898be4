"""Markdown to plain text: syntax removed, link anchor text kept and the links recorded."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstrace.model import Link, Span

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BLOCK_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+|^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*[\"')])?\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Inline tokens, tried in this order at each position.
_INLINE = re.compile(
    r"(?P<image>!\[(?P<alt>[^\]]*)\]\((?P<isrc>[^)\s]*)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<link>\[(?P<anchor>(?:[^\[\]]|\[[^\]]*\])+)\]\((?P<href><[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\))"
    r"|(?P<reflink>\[(?P<refanchor>[^\]]+)\]\[(?P<ref>[^\]]*)\])"
    r"|(?P<autolink><(?P<auto>https?://[^>\s]+|mailto:[^>\s]+)>)"
    r"|(?P<code>`+)(?P<codetext>.+?)(?P=code)"
    r"|(?P<html></?[A-Za-z][^>]*>)"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>~]))"
    r"|(?P<strong>\*\*|__|~~)"
    r"|(?P<em>(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_]))"
)


@dataclass(slots=True)
class MarkdownText:
    """Plain text from Markdown, its links, and the first-level heading if the document opens with one."""

    text: str
    links: list[Link] = field(default_factory=list)
    title: str | None = None


def markdown_to_text(source: str) -> MarkdownText:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    refs = {m.group(1).lower(): m.group(2) for m in map(_REF_DEF.match, lines) if m}
    out = _Builder(refs)
    in_fence = False
    title = None
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.raw(line + "\n")
            continue
        if _REF_DEF.match(line) or _TABLE_SEP.match(line):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _SETEXT.match(nxt) and line.strip() and not _RULE.match(line):
            out.inline(line.strip())
            out.raw("\n")
            continue
        if _SETEXT.match(line) and i > 0 and lines[i - 1].strip():
            out.raw("\n")  # the underline of a setext heading
            continue
        if _RULE.match(line):
            out.raw("\n")
            continue
        heading = _HEADING.match(line)
        if heading:
            if title is None and heading.group(1) == "#" and not out.has_text():
                title = heading.group(2)
            out.inline(heading.group(2))
            out.raw("\n\n" if not nxt.strip() == "" else "\n")
            continue
        content = _BLOCK_PREFIX.sub("", line)
        if "|" in content and content.strip().startswith("|"):
            content = " | ".join(cell.strip() for cell in content.strip().strip("|").split("|"))
        out.inline(content)
        out.raw("\n")
    text = re.sub(r"\n{3,}", "\n\n", out.text()).strip("\n")
    return MarkdownText(text, out.links_in(text), _plain_title(title))


def _plain_title(title: str | None) -> str | None:
    return markdown_to_text(title).text if title and any(c in title for c in "[*_`<\\") else title


class _Builder:
    """Accumulates output text and the link anchors' offsets in it."""

    def __init__(self, refs: dict[str, str]):
        self.parts: list[str] = []
        self.length = 0
        self.refs = refs
        self.pending_links: list[tuple[int, int, str]] = []

    def has_text(self) -> bool:
        return any(p.strip() for p in self.parts)

    def raw(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def inline(self, text: str) -> None:
        pos = 0
        for m in _INLINE.finditer(text):
            self.raw(text[pos:m.start()])
            pos = m.end()
            if m.group("image"):
                continue  # images are not text; their alt text is not part of the article
            if m.group("link") or m.group("reflink"):
                anchor = m.group("anchor") or m.group("refanchor")
                href = (m.group("href") or "").strip("<>") if m.group("link") else \
                    self.refs.get((m.group("ref") or anchor).lower(), "")
                start = self.length
                self.inline(anchor)
                if href and not href.startswith("#"):
                    self.pending_links.append((start, self.length, href))
            elif m.group("autolink"):
                start = self.length
                self.raw(m.group("auto"))
                self.pending_links.append((start, self.length, m.group("auto")))
            elif m.group("code"):
                self.raw(m.group("codetext"))
            elif m.group("escape"):
                self.raw(m.group("escaped"))
            # strong / em markers and inline HTML tags produce no text
        self.raw(text[pos:])

    def text(self) -> str:
        return "".join(self.parts)

    def links_in(self, final: str) -> list[Link]:
        """Re-anchor the links in the final text (blank-line folding shifts offsets)."""
        raw = self.text()
        mapping = _fold_map(raw)
        links = []
        for start, end, href in self.pending_links:
            s, e = mapping(start), mapping(end)
            if 0 <= s < e <= len(final):
                links.append(Link(Span.of(final, s, e), href))
        return links


def _fold_map(raw: str):
    """Map offsets in ``raw`` to offsets after folding 3+ newlines to 2 and stripping leading newlines."""
    shift = [0] * (len(raw) + 1)
    removed = 0
    lead = len(raw) - len(raw.lstrip("\n"))
    i = 0
    runs = {m.start() + 2: m.end() for m in re.finditer(r"\n{3,}", raw)}
    while i <= len(raw):
        if i in runs:
            end = runs[i]
            for j in range(i, end):
                shift[j] = removed
                removed += 1
            i = end
            continue
        shift[i] = removed
        i += 1
    return lambda offset: offset - shift[offset] - lead if offset >= lead else 0
