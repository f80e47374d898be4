"""The check-worthiness classifier as a spaCy component: ``nlp.add_pipe("newstrace_checkworthiness")``.

Sets ``sent._.checkworthiness`` (0–1) on every sentence of the ``Doc``; usable in any English pipeline
with a parser and NER (the features read tags, dependencies and entities).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from newstrace.claims.checkworthiness import load_model

if not Span.has_extension("checkworthiness"):
    Span.set_extension("checkworthiness", default=None)


class CheckworthinessComponent:
    def __init__(self, semantic: bool | None):
        self.semantic = semantic

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents)
        for sent, score in zip(sents, load_model(self.semantic).score(sents)):
            sent._.checkworthiness = float(score)
        return doc


@Language.factory("newstrace_checkworthiness", default_config={"semantic": None})
def make_checkworthiness(nlp: Language, name: str, semantic: bool | None) -> CheckworthinessComponent:
    return CheckworthinessComponent(semantic)
