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
_INFINITIVE_NOUNS = frozenset("promise pledge vow call threat refusal plan decision offer demand".split())
# Stance nouns whose prepositional object is what the stance is about: "Trump's support for the wall",
# "her criticism of the plan", "his comments on the deal".
PREP_CUES = {
    "support": ("for",), "opposition": ("to",), "criticism": ("of",), "praise": ("for",), "condemnation": ("of",),
    "endorsement": ("of",), "rejection": ("of",), "denial": ("of",), "defense": ("of",), "defence": ("of",),
    "comment": ("on", "about"), "remark": ("on", "about"), "call": ("for",), "warning": ("about", "of", "against"),
    "concern": ("about", "over"), "announcement": ("of",), "attack": ("on",), "assessment": ("of",),
    "estimate": ("of",), "view": ("of", "on"), "opinion": ("of", "on"),
}


def find_nominal_attributions(doc: Doc) -> list[Attribution]:
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma not in NOMINAL_CUES and lemma not in PREP_CUES:
            continue
        source = _owner(token)
        if source is None:
            continue
        content, cue_end, confidence = _clause(token) if lemma in NOMINAL_CUES else None, token, 0.7
        if content is None and lemma in PREP_CUES:
            (content, cue_end), confidence = _prep_object(token, PREP_CUES[lemma]), 0.5
        if content is not None:
            found.append(Attribution(content=content, cue=(token.idx, cue_end.idx + len(cue_end)),
                                     cue_lemma=lemma, source=_range(list(source.subtree), source),
                                     source_head=source.i, confidence=confidence))
    return found


def _prep_object(noun: Token, preps: tuple[str, ...]) -> tuple[tuple[int, int] | None, Token]:
    """"support [for] the wall": the object of the stance noun's preposition; the preposition joins the cue."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i == noun.i + 1:
            words = [t for t in child.subtree if t.i != child.i]
            if any(t.is_alpha for t in words):
                return _range(words), child
    return None, noun


def _clause(noun: Token) -> tuple[int, int] | None:
    for child in noun.children:
        if child.dep_ not in ("acl", "ccomp", "relcl") or child.i < noun.i:
            continue
        first = child.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" or (
                first.lower_ == "to" and noun.lemma_.lower() in _INFINITIVE_NOUNS):
            return _range(list(child.subtree))  # with its "that", as reported clauses keep it
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
