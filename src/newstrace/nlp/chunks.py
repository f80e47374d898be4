"""Long texts parsed in pieces: spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and its
memory grows with the length of one ``Doc``.

A text longer than ``CHUNK_CHARS`` is cut at paragraph breaks (a line break, a sentence end or a space when a
paragraph alone is too long); the model's components (tagger, parser, NER, our paragraph breaks) run on each
piece, the pieces are joined into one ``Doc`` whose text is exactly the input, and the components that read a
whole document (``newstrace_quotes``) run on the joined ``Doc``. A blank line always ends a sentence, so cutting
there changes no sentence; shorter texts go through ``nlp.pipe`` as they are.
"""
from __future__ import annotations

import re
from collections import deque
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 100_000

# Documents handed at once to the whole-document components: the role tagger of ``newstrace_quotes`` steps its
# LSTM over all paragraphs of a batch together, so its cost per document falls with the batch (16 -> 64: about a
# third less); 64 parsed articles of ordinary length are a few tens of MB.
WHOLE_DOC_BATCH = 64

# Set by ``load_nlp``: the components that must see the whole document, not one piece of it.
WHOLE_DOC = "newstrace_whole_doc_components"

# Where a piece may end, best first: after a blank line, a line break, a sentence end, any white space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’')\]]*\s+"), re.compile(r"\s+"))


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
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


def pipe_chunked(nlp: Language, items: Iterable[tuple[str, Any]], batch_size: int = 16, n_process: int = 1,
                 limit: int = CHUNK_CHARS) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe(items, as_tuples=True)`` that also takes texts over ``nlp.max_length`` (see the module)."""
    limit = min(limit, nlp.max_length)
    whole = whole_doc_components(nlp)
    contexts: deque[Any] = deque()  # kept here, in order: only a piece's "last of its text" goes to ``n_process``

    def pieces() -> Iterator[tuple[str, bool]]:
        for text, context in items:
            contexts.append(context)
            bounds = chunk_bounds(text, limit)
            for i, (start, end) in enumerate(bounds):
                yield text[start:end], i == len(bounds) - 1
    parsed = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, disable=whole, n_process=n_process)
    joined = ((doc, contexts.popleft()) for doc in _joined(parsed))
    if not whole:
        yield from joined
        return
    model = [n for n in nlp.pipe_names if n not in whole]
    batch = max(batch_size, WHOLE_DOC_BATCH)
    yield from nlp.pipe(joined, as_tuples=True, batch_size=batch, disable=model)


def _joined(parsed: Iterable[tuple[Doc, bool]]) -> Iterator[Doc]:
    """Consecutive pieces of one text as one ``Doc`` (its text the pieces' text, end to end)."""
    docs: list[Doc] = []
    for doc, last in parsed:
        docs.append(doc)
        if last:
            yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
            docs = []
