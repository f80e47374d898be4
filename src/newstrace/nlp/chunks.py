"""Long texts parsed in pieces, and every batch of the parse bounded: spaCy refuses a text over
``nlp.max_length`` (1,000,000 characters), and the memory of a batch grows with the tokens in it.

A text up to ``CHUNK_CHARS`` is parsed whole. A longer one is cut into pieces of at most ``PIECE_CHARS`` at
paragraph breaks (a line break, a sentence end or a space when a paragraph alone is too long); the model's
components (tagger, parser, NER, our paragraph breaks) run on the pieces, which are joined into one ``Doc``
whose text is exactly the input, and the components that read a whole document (``newstrace_quotes``) run on
the joined ``Doc``. A blank line always ends a sentence, so cutting there changes no sentence.

Texts are tokenised first and handed to the model in batches of at most ``batch_size`` texts (or pieces) and
``BATCH_TOKENS`` tokens (one text or piece alone may be over), so a long article costs the memory of a
batch, not of its whole length, and a batch of ordinary articles is what ``nlp.pipe`` would make.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 100_000
# Measured on 256 KB of ordinary text and of "x.\n\n" (bench/analyze_scaling.py, 2026-12-04): the model's time
# per character is the same for pieces of 2,500, 5,000 and 10,000 characters; a batch's peak memory follows
# its tokens (about 17 KB a token in the parser and tagger), so the tokens of a batch are what is bounded.
PIECE_CHARS = 10_000
BATCH_TOKENS = 20_000  # 16 ordinary articles of 5,000 characters are about 14,000 tokens: one batch, as before

# Documents handed at once to the whole-document components: the role tagger of ``newstrace_quotes`` steps its
# LSTM over all paragraphs of a batch together, so its cost per document falls with the batch (16 -> 64: about a
# third less); 64 parsed articles of ordinary length are a few tens of MB.
WHOLE_DOC_BATCH = 64

# Set by ``load_nlp``: the components that must see the whole document, not one piece of it.
WHOLE_DOC = "newstrace_whole_doc_components"

# Where a piece may end, best first: after a blank line, a line break, a sentence end, any white space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’')\]]*\s+"), re.compile(r"\s+"))


def chunk_bounds(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of at most ``limit`` characters that tile ``text``, each cut at the best break."""
    bounds, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        bounds.append((start, end))
        start = end
    return bounds + [(start, len(text))]


def _cut(text: str, start: int, stop: int) -> int:
    """The end of the last break of the best kind in ``text[start:stop]``; ``stop`` when there is none.

    A break's white space stays with the piece before, so the next piece starts on a word."""
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, start, stop)
                if m.end() < stop or not text[stop:stop + 1].isspace()]
        if ends:
            return ends[-1]
    return stop


def whole_doc_components(nlp: Language) -> list[str]:
    return [n for n in nlp.meta.get(WHOLE_DOC, ()) if n in nlp.pipe_names]


def pipe_chunked(nlp: Language, items: Iterable[tuple[str, Any]], batch_size: int = 16,
                 limit: int = CHUNK_CHARS, piece_chars: int = PIECE_CHARS) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe(items, as_tuples=True)`` that also takes texts over ``nlp.max_length`` (see the module): a text
    over ``limit`` characters is parsed in pieces of at most ``piece_chars``."""
    limit = min(limit, nlp.max_length)
    whole = whole_doc_components(nlp)
    joined = _parsed(nlp, _tokenised(nlp, items, limit, min(piece_chars, limit)), batch_size, whole)
    if not whole:
        yield from joined
        return
    model = [n for n in nlp.pipe_names if n not in whole]
    yield from nlp.pipe(joined, as_tuples=True, batch_size=max(batch_size, WHOLE_DOC_BATCH), disable=model)


def _tokenised(nlp: Language, items: Iterable[tuple[str, Any]], limit: int,
               piece_chars: int) -> Iterator[tuple[Doc, Any, bool]]:
    """``(doc, context, last)`` for each piece, tokenised; ``last`` on the final piece of its text."""
    for text, context in items:
        bounds = [(0, len(text))] if len(text) <= limit else chunk_bounds(text, piece_chars)
        for i, (start, end) in enumerate(bounds):
            yield nlp.make_doc(text[start:end]), context, i == len(bounds) - 1


def _parsed(nlp: Language, pieces: Iterator[tuple[Doc, Any, bool]], batch_size: int,
            whole: list[str]) -> Iterator[tuple[Doc, Any]]:
    """The model's components over ``pieces`` a bounded batch at a time; consecutive pieces of one text joined
    into one ``Doc`` (its text the pieces' text, end to end) as soon as its last piece is parsed."""
    docs: list[Doc] = []
    for batch in _batches(pieces, batch_size):
        for doc, (_, context, last) in zip(nlp.pipe([d for d, _, _ in batch], batch_size=len(batch),
                                                   disable=whole), batch):
            docs.append(doc)
            if last:
                yield (docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)), context
                docs = []


def _batches(pieces: Iterator[tuple[Doc, Any, bool]], batch_size: int) -> Iterator[list[tuple[Doc, Any, bool]]]:
    batch: list[tuple[Doc, Any, bool]] = []
    tokens = 0
    for piece in pieces:
        if batch and (len(batch) == batch_size or tokens + len(piece[0]) > BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(piece)
        tokens += len(piece[0])
    if batch:
        yield batch
