"""Guess the format of a document: html, markdown or text."""
from __future__ import annotations

import re
from pathlib import PurePosixPath

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_EXT = {".txt", ".text"}
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>]|<meta)", re.I | re.S)
_MD_SIGNS = re.compile(r"^(#{1,6}\s|\s*[-*+]\s|\s*>\s|\s*```)|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*", re.M)


def sniff_format(text: str, *, name: str = "", content_type: str | None = None) -> str:
    """Return ``html``, ``markdown`` or ``text``: by content type, then extension, then content."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("text/markdown", "text/x-markdown"):
        return "markdown"
    suffixes = [s.lower() for s in PurePosixPath(name.split("?")[0]).suffixes if len(s) <= 9]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if ext in _HTML_EXT:
        return "html"
    if ext in _MD_EXT:
        return "markdown"
    if ext in _TEXT_EXT or ctype == "text/plain":
        return "text"
    head = text[:2048]
    if _HTML_START.match(head):
        return "html"
    if len(_MD_SIGNS.findall(text[:20000])) >= 3:
        return "markdown"
    return "text"
