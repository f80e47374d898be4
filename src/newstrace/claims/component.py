"""The check-worthiness classifier as a spaCy component: ``nlp.add_pipe("newstrace_checkworthiness")``.

Sets ``sent._.checkworthiness`` (a calibrated probability) on every sentence of the ``Doc``; usable in any
English pipeline with a parser and NER (the features read tags, dependencies and entities). ``nlp.pipe`` scores the
sentences of a whole batch of documents in one call, so the MiniLM pass runs over full batches.
"""
from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from newstrace.claims.checkworthiness import WEIGHTS, load_model
from newstrace.nlp.saved_weights import save_weights, saved_weights

# What the model reads from its folder: the lexical weights, the calibrations and thresholds, the fine-tuned top
# layers (and the manifest that says how they were made). The ONNX graphs hold no weights of their own (the
# packaged MiniLM's and these): they are read from the package.
WEIGHT_FILES = ("checkworthy.json", "checkworthy.npz", "tuned_top.npz", "MANIFEST.json")

if not Span.has_extension("checkworthiness"):
    Span.set_extension("checkworthiness", default=None)


class CheckworthinessComponent:
    """Scores sentences with the weights in ``self.weights``: the package's folder, or a saved pipeline's after
    ``spacy.load`` (``from_disk``); ``nlp.to_disk`` writes them there."""

    def __init__(self, semantic: bool | None):
        self.semantic = semantic
        self.weights = WEIGHTS

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):
            sents = [sent for doc in batch for sent in doc.sents]
            for sent, score in zip(sents, load_model(self.semantic, self.weights).score(sents)):
                sent._.checkworthiness = float(score)
            yield from batch

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_weights(self.weights, path, WEIGHT_FILES)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "CheckworthinessComponent":
        self.weights = saved_weights(path, "checkworthy.json", "newstrace_checkworthiness")
        return self


@Language.factory("newstrace_checkworthiness", default_config={"semantic": None})
def make_checkworthiness(nlp: Language, name: str, semantic: bool | None) -> CheckworthinessComponent:
    return CheckworthinessComponent(semantic)
