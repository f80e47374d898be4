"""Helpers shared by the provenance tests: a chain from a text, and its (name, role) pairs."""
from __future__ import annotations

from newstrace.extract import extract_string
from newstrace.provenance import build_chain


def chain_of(text: str, url: str | None = "https://www.example-news.com/story") -> list:
    return build_chain(extract_string(text, url=url))


def roles(chain) -> list[tuple[str, str]]:
    return [(s.name, s.role) for s in chain]
