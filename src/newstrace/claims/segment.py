"""Sentences into clauses, where one sentence asserts several things ("X rose 5%, and Y fell 3%")."""
from __future__ import annotations

MIN_TOKENS = 4


def clauses(sent) -> list:
    """The independent clauses of a parsed sentence (spaCy spans); the sentence itself when it has one."""
    root = sent.root
    cuts = []
    for conj in (c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue  # "rose and fell": one subject, one claim
        start = conj.left_edge.i
        while start > sent.start and sent.doc[start - 1].dep_ in ("cc", "punct"):
            start -= 1
        cuts.append(start)
    for tok in sent:
        if tok.text == ";" and tok.i + 1 < sent.end:
            cuts.append(tok.i)
    pieces, begin = [], sent.start
    for cut in sorted(set(cuts)):
        pieces.append(sent.doc[begin:cut])
        begin = cut
    pieces.append(sent.doc[begin:sent.end])
    pieces = [_trim(p) for p in pieces]
    pieces = [p for p in pieces if p is not None]
    if len(pieces) < 2 or any(sum(not t.is_punct for t in p) < MIN_TOKENS for p in pieces):
        return [_strip(sent)]
    return pieces


def _strip(span):
    """The span without leading or trailing whitespace tokens (paragraph breaks)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _trim(span):
    """Drop leading conjunctions and punctuation and trailing punctuation that joined the clauses."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].dep_ == "cc" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in ('"', "”", "’", ")", "%")):
        end -= 1
    if end > start and doc[end - 1].text == "." :
        end -= 1
    return doc[start:end] if end > start else None
