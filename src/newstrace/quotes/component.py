"""The spaCy component ``newstrace_quotes``: ``doc._.quotes`` and ``doc._.speakers`` on any English pipeline."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from newstrace.quotes.extract import quotes_and_speakers, quotes_and_speakers_many

for _name in ("quotes", "speakers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class QuoteAttributor:
    """Finds quotes and speakers; spans are offsets into ``doc.text``."""

    def __init__(self, nlp: Language, name: str, min_confidence: float = 0.0):
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.speakers = quotes_and_speakers(doc, self.min_confidence)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """``nlp.pipe`` hands documents over in batches; the role tagger reads a batch's paragraphs together."""
        for batch in minibatch(stream, batch_size):
            for doc, (quotes, speakers) in zip(batch, quotes_and_speakers_many(batch, self.min_confidence)):
                doc._.quotes, doc._.speakers = quotes, speakers
                yield doc


@Language.factory("newstrace_quotes", default_config={"min_confidence": 0.0},
                  requires=["token.dep", "token.pos", "doc.ents"], assigns=["doc._.quotes", "doc._.speakers"])
def make_quote_attributor(nlp: Language, name: str, min_confidence: float) -> QuoteAttributor:
    return QuoteAttributor(nlp, name, min_confidence)
