"""Helpers for the quote tests: run the pipeline's spaCy model on a text and look quotes up by content."""
from __future__ import annotations


def parse(nlp, text: str):
    return nlp(text)


def quote_with(doc, words: str):
    """The quote whose content contains ``words`` (fails the test when there is none)."""
    found = [q for q in doc._.quotes if words in q.content.text]
    assert found, f"no quote with {words!r} in {[q.content.text for q in doc._.quotes]}"
    return found[0]


def speaker_of(doc, quote):
    return next(s for s in doc._.speakers if s.id == quote.speaker_id)


TAGGER_ONLY_MAX = 0.45  # the highest confidence of an attribution only the role tagger found


def at_most_weak(quotes) -> bool:
    """Nothing, or only what the role tagger alone finds (PolNeAR's wider notion of attribution), at low confidence."""
    return all(q.confidence <= TAGGER_ONLY_MAX for q in quotes)
