"""The cue's full extent: the whole predicate between the source and what was said.

"has also said", "called for …", "talked about …", "did not say": the auxiliaries, negation and adverbs before the cue word
and the preposition or particle between it and its content belong to the cue (the venue and the addressee
have their own fields). The framing "that", commas, colons and quote
marks do not.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from newstrace.quotes.attribution import Attribution
from newstrace.quotes.cues import PUBLISH_LEMMAS, cue_lemma, statement_object

_LEFT_DEPS = frozenset(("aux", "auxpass", "neg", "advmod"))
# a speech act's preposition or particle before its content: "called for", "talked about", "pointed out"
_PARTICLES = frozenset("for about of on to out up against over with back".split())
_MAX_GAP = 30  # characters between the cue word and a following content
_TAIL = re.compile(r"[\s,;:—–\-\"“”‘’']*(?:\bthat\b)?[\s,;:—–\-\"“”‘’']*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def widen_cues(doc: Doc, text: str, atts: list[Attribution]) -> None:
    """Grow each cue over its auxiliaries and adverbs, and up to a content that follows it closely."""
    for att in atts:
        if att.cue is None or att.follows is not None or att.inferred or not att.cue_lemma.isalpha():
            continue
        att.cue = (_left_edge(doc, att), _right_edge(text, att))
        if att.cue_lemma in PUBLISH_LEMMAS:
            att.cue = (att.cue[0], _statement_end(doc, att))


def _left_edge(doc: Doc, att: Attribution) -> int:
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return att.cue[0]
    head, start = span.root, span.start
    while start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ in _LEFT_DEPS \
            and doc[start - 1].tag_ not in ("WRB", "IN"):  # not "when", "as", "after"
        start -= 1
    start = _governing_verb(doc, head, start)
    if att.source is not None and doc[start].idx < att.source[1]:
        return att.cue[0]
    return min(att.cue[0], doc[start].idx)


def _governing_verb(doc: Doc, head, start: int) -> int:
    """"sought to clarify", "went on to say", "is continuing to insist": the verb the cue completes is part of it."""
    gov = head.head
    if head.dep_ != "xcomp" or gov.pos_ != "VERB" or not 0 < start - gov.i <= 3 or cue_lemma(gov) is not None:
        return start
    if not all(t.head.i in (gov.i, head.i) and t.dep_ in ("prt", "aux", "advmod", "neg") for t in doc[gov.i + 1:start]):
        return start
    begin = gov.i
    while begin > 0 and doc[begin - 1].head.i == gov.i and doc[begin - 1].dep_ in _LEFT_DEPS:
        begin -= 1
    return begin


def _right_edge(text: str, att: Attribution) -> int:
    c0, end = att.content[0], att.cue[1]
    if c0 < end or c0 - end > _MAX_GAP:
        return end
    gap = text[end:c0]
    if _SENTENCE_BREAK.search(gap) or att.source is not None and end <= att.source[0] < c0:
        return end
    tail = _TAIL.search(gap)
    words = gap[:tail.start() if tail else len(gap)]
    if not words.split() or not all(w.lower() in _PARTICLES for w in words.split()):
        return end
    return end + len(words.rstrip())


def _statement_end(doc: Doc, att: Attribution) -> int:
    """"issued a statement": the statement noun is part of the cue when the content does not start before it."""
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    noun = statement_object(span.root) if span is not None else None
    if noun is None or att.content[0] < noun.idx + len(noun) and att.content[0] > att.cue[0]:
        return att.cue[1]
    return max(att.cue[1], noun.idx + len(noun))
