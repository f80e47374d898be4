"""Stage 2, extraction: a ``RawDocument`` becomes an ``Article`` (text, title, byline, dates, boilerplate)."""
from __future__ import annotations

from newstrace.errors import EmptyInput, NoArticleFound
from newstrace.extract.html import extract_html
from newstrace.extract.markdown import markdown_to_text
from newstrace.extract.text import extract_text
from newstrace.model import Article
from newstrace.reading.decode import decode_bytes
from newstrace.reading.document import RawDocument
from newstrace.reading.sniff import detect_format

__all__ = ["extract_article", "extract_string", "extract_html", "extract_text", "markdown_to_text"]


def extract_article(doc: RawDocument, *, encoding: str | None = None, fmt: str | None = None) -> Article:
    """Decode, sniff the format and extract. ``fmt`` forces html/markdown/text."""
    text, used = decode_bytes(doc.data, declared=doc.charset, forced=encoding, name=doc.name)
    guess = detect_format(text, name=doc.name, content_type=doc.content_type)
    article = extract_string(text, fmt=fmt or guess.format, url=doc.url, name=doc.name)
    evidence = f"forced (detected {guess.format}: {guess.evidence})" if fmt else guess.evidence
    article.metadata.setdefault("input", {}).update({"name": doc.name, "encoding": used, "bytes": len(doc.data),
                                                     "format": article.source_format, "format_evidence": evidence})
    return article


def extract_string(text: str, *, fmt: str = "text", url: str | None = None, name: str | None = None) -> Article:
    if not text.strip():
        raise EmptyInput("input is empty", source=name)
    if fmt == "html":
        return extract_html(text, url=url, name=name)
    if fmt == "markdown":
        md = markdown_to_text(text)
        article = extract_text(md.text, url=url, source_format="markdown", title_hint=md.title, links=md.links)
    else:
        article = extract_text(text, url=url, source_format="text")
    if not article.paragraphs:
        raise NoArticleFound("no body text found (only a title or boilerplate lines)", source=name)
    return article
