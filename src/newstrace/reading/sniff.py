"""Tell the format of a document by its content: html, markdown or text, and on what evidence.

The name and the content type are hints, not facts: people paste Markdown into ``.txt`` files and save
pages as ``.txt``. Content wins when it carries clear markup; otherwise the hint decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_EXT = {".txt", ".text"}
_HTML_START = re.compile(r"^[\ufeff\s]*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
                         r"(<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>]|<meta)", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a\s+href|h[1-6]|li|ul|ol|article|section|body|html|head|meta|img|"
                       r"strong|em|b|i|table|tr|td|blockquote|figure|figcaption|script|style)\b[^>]*>", re.I)
_MIN_HTML_TAGS = 4
# Markdown markup that plain text almost never has, each with the words the evidence names it by.
_MD_STRONG = (
    ("link", re.compile(r"!?\[[^\[\]\n]{1,300}\]\([^)\s]{0,500}(?:\s+\"[^\"\n]*\")?\)")),
    ("bold", re.compile(r"(?<![*\w])\*\*(?=\S)[^*\n]{1,200}(?<=\S)\*\*(?![*\w])|(?<![_\w])__(?=\S)[^_\n]{1,200}(?<=\S)__(?![_\w])")),
    ("heading", re.compile(r"^#{1,6}[ \t]+\S", re.M)),
    ("backslash escape", re.compile(r"\\[$*_\[\]#`>!.-]")),
    ("code fence", re.compile(r"^\s{0,3}(?:```|~~~)", re.M)),
)
_MD_WEAK = (
    ("italic", re.compile(r"(?<![*\w])\*(?=[^\s*])[^*\n]{1,120}(?<=[^\s*])\*(?![*\w])|(?<![_\w])_(?=[^\s_])[^_\n]{1,120}(?<=[^\s_])_(?![_\w])")),
    ("list item", re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S", re.M)),
    ("block quote", re.compile(r"^[ \t]{0,3}>[ \t]?\S", re.M)),
)


@dataclass(frozen=True, slots=True)
class FormatGuess:
    """The format and the evidence for it, in words a person can check."""

    format: str  # html | markdown | text
    evidence: str


def sniff_format(text: str, *, name: str = "", content_type: str | None = None) -> str:
    """Return ``html``, ``markdown`` or ``text`` (see ``detect_format`` for the evidence)."""
    return detect_format(text, name=name, content_type=content_type).format


def detect_format(text: str, *, name: str = "", content_type: str | None = None) -> FormatGuess:
    """Content first (HTML tags, Markdown markup), then the content type or the file extension."""
    hint, hint_source = _hint(name, content_type)
    sample = text[:50_000]
    html_tags = len(_HTML_TAG.findall(sample[:20_000]))
    if _HTML_START.match(sample[:4096]):
        return FormatGuess("html", "opens like an HTML document" + _against(hint, hint_source, "html"))
    if html_tags >= _MIN_HTML_TAGS and hint != "markdown":
        return FormatGuess("html", f"{html_tags} HTML tags" + _against(hint, hint_source, "html"))
    if hint == "html":
        if html_tags:
            return FormatGuess("html", hint_source)
        hint, hint_source = "text", f"{hint_source}, but no HTML tags in it"
    markup = _markdown_markup(sample)
    if _is_markdown(markup):
        found = ", ".join(f"{n} {what}" for what, n in markup.items() if n)
        return FormatGuess("markdown", f"Markdown markup ({found})" + _against(hint, hint_source, "markdown"))
    if hint == "markdown":
        return FormatGuess("markdown", hint_source)
    return FormatGuess("text", hint_source if hint == "text" else "no HTML tags or Markdown markup")


def _hint(name: str, content_type: str | None) -> tuple[str | None, str]:
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html", f"content type {ctype}"
    if ctype in ("text/markdown", "text/x-markdown"):
        return "markdown", f"content type {ctype}"
    suffixes = [s.lower() for s in PurePosixPath(name.split("?")[0]).suffixes if len(s) <= 9]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    for formats, fmt in ((_HTML_EXT, "html"), (_MD_EXT, "markdown"), (_TEXT_EXT, "text")):
        if ext in formats:
            return fmt, f"file name ends in {ext}"
    if ctype == "text/plain":
        return "text", "content type text/plain"
    return None, ""


def _against(hint: str | None, hint_source: str, found: str) -> str:
    return f" (despite {hint_source})" if hint and hint != found else ""


def _markdown_markup(sample: str) -> dict[str, int]:
    counts = {what: len(pattern.findall(sample)) for what, pattern in _MD_STRONG}
    counts |= {what: len(pattern.findall(sample)) for what, pattern in _MD_WEAK}
    return counts


def _is_markdown(markup: dict[str, int]) -> bool:
    """Two pieces of unambiguous markup, or one with three of the kinds plain text also uses."""
    strong = sum(markup[what] for what, _ in _MD_STRONG)
    weak = sum(markup[what] for what, _ in _MD_WEAK)
    return strong >= 2 or (strong == 1 and weak >= 3)
