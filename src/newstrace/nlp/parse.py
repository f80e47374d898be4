"""Run spaCy over articles and keep sentences and entities as article spans."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newstrace.model import Article, Entity
from newstrace.nlp.chunks import CHUNK_CHARS, PIECE_CHARS, pipe_chunked
from newstrace.nlp.lean import one_blas_thread
from newstrace.nlp.view import BodyView


def parse_article(article: Article, nlp: Language) -> tuple[Doc, BodyView]:
    _, doc, view = next(parse_articles([article], nlp))
    return doc, view


def parse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 16, chunk_chars: int = CHUNK_CHARS,
                   piece_chars: int = PIECE_CHARS) -> Iterator[tuple[Article, Doc, BodyView]]:
    """Like ``parse_article`` for many, in bounded batches; a text over ``chunk_chars`` is parsed in pieces of at
    most ``piece_chars`` (``chunks.pipe_chunked``).

    Until the last article is taken (and the stages the caller runs on it meanwhile), numpy's BLAS runs on one
    thread (``lean.one_blas_thread``)."""
    pairs = ((BodyView.of(a), a) for a in articles)
    items = ((v.text, (v, a)) for v, a in pairs)
    with one_blas_thread():
        for doc, (view, article) in pipe_chunked(nlp, items, batch_size, chunk_chars, piece_chars):
            apply_doc(article, doc, view)
            yield article, doc, view


def apply_doc(article: Article, doc: Doc, view: BodyView) -> None:
    """Fill ``article.sentences`` and ``article.entities`` from a parsed view."""
    sentences = doc.sents if doc.has_annotation("SENT_START") else []
    article.sentences = [view.span(*_trimmed(s.text, s.start_char)) for s in sentences if s.text.strip()]
    article.entities = [Entity(e.label_, view.span(e.start_char, e.end_char)) for e in doc.ents]


def _trimmed(text: str, start: int) -> tuple[int, int]:
    """Offsets of ``text`` (found at ``start``) without the white space around it."""
    lead = len(text) - len(text.lstrip())
    return start + lead, start + len(text.rstrip())
