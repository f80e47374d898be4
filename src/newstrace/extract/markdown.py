"""Markdown to plain text with markdown-it-py: syntax removed, link anchor text kept and the links recorded.

Each block (paragraph, heading, list item, block-quote paragraph, table, code block) becomes one paragraph
of the output, separated by a blank line; backslash escapes and entities are resolved (``\\$5`` is ``$5``).
Link spans are taken while the text is written, so they are exact offsets into the output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newstrace.model import Link, Span

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_TAG = re.compile(r"<[^>]*>")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


@dataclass(slots=True)
class MarkdownText:
    """Plain text from Markdown, its links, and the first-level heading if the document opens with one."""

    text: str
    links: list[Link] = field(default_factory=list)
    title: str | None = None


def markdown_to_text(source: str) -> MarkdownText:
    out = _Writer()
    title = None
    tokens = _PARSER.parse(source)
    row: list[str] = []
    ordinal = ""
    for i, token in enumerate(tokens):
        if token.type == "list_item_open" and token.info:
            ordinal = f"{token.info}{token.markup} "  # "3. " keeps a ranking's numbers
        elif token.type == "inline" and _in_table(tokens, i):
            row.append(" ".join(_render_inline(token.children or [])[0].split()))
        elif token.type == "tr_close":
            out.block(" | ".join(row), [])
            row = []
        elif token.type == "inline":
            text, links = _render_inline(token.children or [])
            if i == 1 and tokens[0].tag == "h1" and tokens[0].type == "heading_open" and text.strip():
                title = text
            if text.strip():
                out.block(ordinal + text, [(s + len(ordinal), e + len(ordinal), h) for s, e, h in links])
            ordinal = ""
        elif token.type in ("fence", "code_block"):
            out.block(token.content.rstrip("\n"), [])
        elif token.type == "html_block":
            out.block(" ".join(_TAG.sub(" ", token.content).split()), [])
    return MarkdownText(out.text(), out.links, title)


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that reads back as exactly that text (every ASCII punctuation mark escaped)."""
    return "\n".join(_ASCII_PUNCTUATION.sub(r"\\\1", line.strip()) for line in text.splitlines())


def join_markdown(parts: list[str]) -> tuple[MarkdownText, list[tuple[int, int]]]:
    """Convert each part on its own and join them with blank lines; also return each part's range in the text."""
    out = _Writer()
    ranges: list[tuple[int, int]] = []
    for part in parts:
        md = markdown_to_text(part)
        before = out.length
        out.block(md.text, [(link.span.start, link.span.end, link.href) for link in md.links if link.span])
        start = before + (2 if md.text.strip() and before else 0)
        ranges.append((start, out.length) if md.text.strip() else (out.length, out.length))
    return MarkdownText(out.text(), out.links), ranges


def _in_table(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].type in ("th_open", "td_open")


def _render_inline(children: list[Token]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of an inline run and its links as ``(start, end, href)`` offsets into that text."""
    parts: list[str] = []
    length = 0
    links: list[tuple[int, int, str]] = []
    open_links: list[tuple[int, str]] = []
    for child in children:
        piece = ""  # images (and their alt text), emphasis marks and inline HTML write nothing
        if child.type in ("text", "code_inline"):
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = "\n"
        elif child.type == "link_open":
            open_links.append((length, str(child.attrs.get("href", ""))))
        elif child.type == "link_close" and open_links:
            start, href = open_links.pop()
            if href and not href.startswith("#") and length > start:
                links.append((start, length, href))
        parts.append(piece)
        length += len(piece)
    return _strip_with_links("".join(parts), links)


def _strip_with_links(text: str, links: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Strip the block's outer white space, moving the link offsets with it."""
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    moved = [(max(0, s - lead), min(len(stripped), e - lead), h) for s, e, h in links]
    return stripped, [(s, e, h) for s, e, h in moved if s < e]


class _Writer:
    """Joins blocks with blank lines and keeps the links' offsets in the joined text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending: list[tuple[int, int, str]] = []

    def block(self, text: str, links: list[tuple[int, int, str]]) -> None:
        if not text.strip():
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.pending.extend((self.length + s, self.length + e, h) for s, e, h in links)
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)

    @property
    def links(self) -> list[Link]:
        full = self.text()
        return [Link(Span.of(full, s, e), h) for s, e, h in self.pending]
