"""The check-worthiness classifier as a spaCy component: ``nlp.add_pipe("newstrace_checkworthiness")``.

Sets ``sent._.checkworthiness`` (a calibrated probability) on every sentence of the ``Doc``; usable in any
English pipeline with a parser and NER (the features read tags, dependencies and entities). ``nlp.pipe`` scores the
sentences of a whole batch of documents in one call, so the MiniLM pass runs over full batches.
"""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from newstrace.claims.checkworthiness import load_model

if not Span.has_extension("checkworthiness"):
    Span.set_extension("checkworthiness", default=None)


class CheckworthinessComponent:
    def __init__(self, semantic: bool | None):
        self.semantic = semantic

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):
            sents = [sent for doc in batch for sent in doc.sents]
            for sent, score in zip(sents, load_model(self.semantic).score(sents)):
                sent._.checkworthiness = float(score)
            yield from batch


@Language.factory("newstrace_checkworthiness", default_config={"semantic": None})
def make_checkworthiness(nlp: Language, name: str, semantic: bool | None) -> CheckworthinessComponent:
    return CheckworthinessComponent(semantic)
