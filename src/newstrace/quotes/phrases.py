"""Word ranges for attribution parts: a phrase's character range without edge punctuation, a speaker's phrase."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newstrace.quotes.attribution import Range

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MARKS = frozenset("that whether if".split())  # words that open a reported clause
EDGE_PUNCT = set(",;:—–-()[]") | {"'", '"', "“", "”", "‘", "’"}
OPENING_QUOTES = frozenset('“"‘')
CLOSING_QUOTES = frozenset('”"')


def closing_quote_before(token: Token) -> Token | None:
    """The closing quotation mark right before ``token``, or right before the comma before it ("“…,” read one")."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == ",":
        i -= 1
    return token.doc[i] if i >= 0 and token.doc[i].text in CLOSING_QUOTES else None


def trim(words: list[Token], exclude: Token | None = None) -> Range | None:
    """The character range of ``words`` without edge punctuation and white space."""
    words = sorted((t for t in words if exclude is None or t.i != exclude.i), key=lambda t: t.i)
    while words and (words[0].text in EDGE_PUNCT or words[0].is_space):
        words = words[1:]
    while words and (words[-1].is_punct and words[-1].text not in ("%", ")") or words[-1].is_space
                     or words[-1].dep_ == "cc" and len(words) > 1):  # "…, but"
        words = words[:-1]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1])


def source_range(token: Token, cut_clauses: bool = False) -> Range:
    """The subject's whole phrase (appositions and relative clauses included), minus edge punctuation."""
    words = list(token.subtree)
    # a clause the parser hung before the subject ("[The hotel was evacuated and] local police warned …")
    clauses = [c for c in token.children if c.i < token.i and any(t.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux")
                                                                  for t in c.subtree)]
    if clauses:
        cut = max(t.i for c in clauses for t in c.subtree)
        words = [t for t in words if t.i > cut]
    if cut_clauses or token.dep_ not in SUBJECTS and token.dep_ not in ("pobj",):
        # an antecedent of a relative clause or participle: stop where the clause starts
        clause = [c for c in token.children if c.dep_ in ("relcl", "acl")]
        if clause:
            cut = min(t.i for c in clause for t in c.subtree)
            words = [t for t in words if t.i < cut]
    return trim(words) or (token.idx, token.idx + len(token))


def without_time(doc: Doc, source: Range) -> Range:
    """When it spoke is not who spoke: "Trump's campaign [on Tuesday]", "officials [last week]"."""
    span = doc.char_span(*source, alignment_mode="expand")
    if span is None:
        return source
    words = list(span)
    end = len(words)
    while end and words[end - 1].ent_type_ in ("DATE", "TIME"):
        end -= 1
    if end == len(words) or not end:
        return source
    if words[end - 1].dep_ == "prep" and words[end - 1].lower_ in ("on", "in", "at", "during", "since", "this"):
        end -= 1
    elif words[end].lower_ not in ("last", "this", "earlier", "yesterday", "today", "tonight"):
        return source  # "the 37-year-old" is who spoke
    kept = words[:end]
    while kept and kept[-1].is_punct:
        kept = kept[:-1]
    # "an AP-NORC poll conducted in August" keeps its date: the poll is named by when it was taken
    return trim(kept) or source if kept and kept[-1].pos_ in ("NOUN", "PROPN") else source
