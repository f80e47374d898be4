"""The spaCy component ``newstrace_quotes``: ``doc._.quotes`` and ``doc._.speakers`` on any English pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from newstrace.model import Quote, Speaker, quotes_of_types
from newstrace.nlp.saved_weights import save_weights, saved_weights
from newstrace.quotes.extract import quotes_and_speakers, quotes_and_speakers_many
from newstrace.quotes.tagger import WEIGHTS
from newstrace.quotes.types import DEFAULT_TYPES, TYPES

# The learned parts' files: the cue detector, the role tagger, the accept step (their sources are in training/).
WEIGHT_FILES = ("cues.json", "cues.npz", "roles.json", "roles.npz", "accept.json")

for _name in ("quotes", "speakers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class QuoteAttributor:
    """Finds quotes and speakers; spans are offsets into ``doc.text``.

    ``types`` says which attributions ``doc._.quotes`` keeps (speech and writing unless told otherwise; see
    ``quotes/types.py``); ``doc._.speakers`` keeps the speakers those quotes name. ``accept=False`` skips the
    accept/reject step and reports every candidate the rules and the role tagger propose.

    The learned parts read their weights from ``self.weights``: the package's folder, until ``nlp.to_disk`` has
    written them beside the pipeline and ``spacy.load`` (``from_disk``) reads them from there.
    """

    def __init__(self, nlp: Language, name: str, min_confidence: float = 0.0, types: list[str] | None = None,
                 accept: bool = True):
        self.name = name
        self.min_confidence = min_confidence
        self.accept = accept
        self.types = frozenset(DEFAULT_TYPES if types is None else types)
        self.weights = WEIGHTS
        unknown = self.types - set(TYPES)
        if unknown:
            raise ValueError(f"newstrace_quotes: unknown types {sorted(unknown)}; choose from {', '.join(TYPES)}")

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.speakers = self._kept(*quotes_and_speakers(doc, self.min_confidence, self.accept,
                                                                         self.weights))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """``nlp.pipe`` hands documents over in batches; the role tagger reads a batch's paragraphs together."""
        for batch in minibatch(stream, batch_size):
            for doc, (quotes, speakers) in zip(batch, quotes_and_speakers_many(batch, self.min_confidence, self.accept,
                                                                                           self.weights)):
                doc._.quotes, doc._.speakers = self._kept(quotes, speakers)
                yield doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The weight files the component reads, copied into ``path`` (``nlp.to_disk`` gives each component one)."""
        save_weights(self.weights, path, WEIGHT_FILES)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "QuoteAttributor":
        """Read the weights from a saved pipeline's folder for this component (``spacy.load``)."""
        self.weights = saved_weights(path, "accept.json", self.name)
        return self

    def _kept(self, quotes: list[Quote], speakers: list[Speaker]) -> tuple[list[Quote], list[Speaker]]:
        return quotes_of_types(quotes, speakers, self.types)


@Language.factory("newstrace_quotes", default_config={"min_confidence": 0.0, "types": list(DEFAULT_TYPES), "accept": True},
                  requires=["token.dep", "token.pos", "doc.ents"], assigns=["doc._.quotes", "doc._.speakers"])
def make_quote_attributor(nlp: Language, name: str, min_confidence: float, types: list[str],
                          accept: bool) -> QuoteAttributor:
    return QuoteAttributor(nlp, name, min_confidence, types, accept)
