"""Nominal cues: "the minister's claim that …", "his promise to …", "a warning by the agency that …".

A speech or belief noun with its own "that"-clause (or infinitive, for commitments) is an attribution when it
names whose words they are: a possessive ("X's", "his") or a "by"/"from" phrase. Without one, "the claim that
…" names no source and is left alone.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newstrace.quotes.attribution import Attribution

NOMINAL_CUES = frozenset("""
claim statement warning promise assertion argument allegation announcement suggestion insistence belief view
fear hope prediction admission denial assurance pledge vow call contention accusation complaint threat
""".split())
_INFINITIVE_NOUNS = frozenset("promise pledge vow call threat".split())


def find_nominal_attributions(doc: Doc) -> list[Attribution]:
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in NOMINAL_CUES:
            continue
        content, source = _clause(token), _owner(token)
        if content is not None and source is not None:
            found.append(Attribution(content=content, cue=(token.idx, token.idx + len(token)),
                                     cue_lemma=token.lemma_.lower(), source=_range(list(source.subtree), source),
                                     source_head=source.i, confidence=0.7))
    return found


def _clause(noun: Token) -> tuple[int, int] | None:
    for child in noun.children:
        if child.dep_ not in ("acl", "ccomp", "relcl") or child.i < noun.i:
            continue
        first = child.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" or (
                first.lower_ == "to" and noun.lemma_.lower() in _INFINITIVE_NOUNS):
            words = [t for t in child.subtree if not (t.i == first.i and t.lower_ == "that")]
            return _range(words)
    return None


def _owner(noun: Token) -> Token | None:
    """The possessor ("X's claim", "his promise") or the agent ("a warning by X", "a statement from X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i < noun.i + 3:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
    return None


def _range(words: list[Token], exclude: Token | None = None) -> tuple[int, int] | None:
    words = sorted((t for t in words if not t.is_punct and not t.is_space and not (
        exclude is not None and t.dep_ == "case" and t.head.i == exclude.i)), key=lambda t: t.i)
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1])
