"""Questions put to someone: "Asked if he was bullied, …", "when asked about …" (no named asker)."""
from __future__ import annotations

from spacy.tokens import Token

from newstrace.quotes.attribution import Attribution
from newstrace.quotes.phrases import MARKS, source_range, trim

ASKING = frozenset("ask wonder question inquire enquire".split())


def asked(token: Token) -> bool:
    """"Asked what he wanted, …" (tagged as a past tense when it opens the sentence): no subject of its own."""
    return token.tag_ in ("VBN", "VBD") and token.dep_ in ("advcl", "acl") and token.i < token.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)


def question_put(token: Token) -> Attribution | None:
    """"Asked if he was bullied, …", "when asked about his daughter's work": the question is reported, the asker
    is not named (no source) and the person asked is the addressee."""
    about = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "about" and c.i == token.i + 1), None)
    clause = next((c for c in token.children if c.dep_ in ("ccomp", "advcl") and c.i > token.i
                   and (c.left_edge.lower_ in MARKS or c.left_edge.tag_ in ("WP", "WRB", "WDT"))), None)
    wh_object = next((c for c in token.children if c.dep_ == "dobj" and c.left_edge.tag_ in ("WDT", "WP")), None)
    if about is not None:
        content, cue_end = trim([t for t in about.subtree if t.i != about.i]), about
    elif wh_object is not None:
        # "Asked what characteristics he would like …": the question runs from the wh-word to the clause's end
        words = [t for c in token.children if c.i >= wh_object.i and c.dep_ in ("dobj", "ccomp") for t in c.subtree]
        content, cue_end = trim(words), token
    elif clause is not None:
        content, cue_end = trim(list(clause.subtree)), token
    else:
        return None
    if content is None:
        return None
    att = Attribution(content=content, cue=(token.idx, cue_end.idx + len(cue_end)), cue_lemma="ask", confidence=0.5)
    person = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if person is not None:
        att.addressee = source_range(person)
    return att
