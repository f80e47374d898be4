"""The text the NLP stage reads: title and body paragraphs joined by blank lines, mapped back to the article."""
from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import Any

from newstrace.model import Article, Span

SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class BodyView:
    """``text`` is the pieces of ``Article.text`` that are title or body; ``starts`` maps each piece back."""

    text: str
    view_starts: tuple[int, ...]
    article_starts: tuple[int, ...]
    article_text: str

    @classmethod
    def of(cls, article: Article) -> "BodyView":
        pieces = ([article.title_span] if article.title_span else []) + list(article.paragraphs)
        view_starts, article_starts, chunks, pos = [], [], [], 0
        for piece in pieces:
            view_starts.append(pos)
            article_starts.append(piece.start)
            chunks.append(piece.text)
            pos += len(piece.text) + len(SEPARATOR)
        return cls(SEPARATOR.join(chunks), tuple(view_starts), tuple(article_starts), article.text)

    def to_article(self, offset: int) -> int:
        """The article offset of a view offset (an offset in a separator maps to the end of the piece before)."""
        i = max(0, bisect.bisect_right(self.view_starts, offset) - 1)
        if not self.view_starts:
            return offset
        return self.article_starts[i] + (offset - self.view_starts[i])

    def span(self, start: int, end: int) -> Span:
        """A view range as an article ``Span``; a range across pieces keeps its article extent."""
        a_start = self.to_article(start)
        a_end = self.to_article(max(start, end - 1)) + 1 if end > start else a_start
        return Span.of(self.article_text, a_start, a_end)

    def remap(self, value: Any) -> Any:
        """Replace every view ``Span`` inside ``value`` (dataclasses, lists, dicts) by its article span."""
        if isinstance(value, Span):
            return self.span(value.start, value.end)
        if isinstance(value, list):
            return [self.remap(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.remap(v) for v in value)
        if isinstance(value, dict):
            return {k: self.remap(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.remap(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value
