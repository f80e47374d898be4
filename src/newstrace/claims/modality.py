"""How firmly a claim is made: hedge and report cues ("allegedly", "may", "claimed") and negation.

Negation is read in the clause that holds the claim, not anywhere in the sentence: "The minister, who did not
attend, said the budget would rise" asserts the rise; "The mayor dismissed the criticism and said the line would
open by 2020" asserts the opening; "did not only X but also Y" asserts X and Y; "denied reports that X" disputes X.
"""
from __future__ import annotations

from dataclasses import dataclass

HEDGE_WORDS = {"allegedly", "reportedly", "apparently", "possibly", "probably", "perhaps", "maybe", "likely",
               "unlikely", "supposedly", "purportedly", "presumably", "reported", "alleged", "suspected",
               "unconfirmed", "estimated", "believed", "rumoured", "rumored", "claimed", "claims", "claim",
               "suggests", "suggested", "appears", "appeared", "seems", "seemed", "may", "might", "could"}
HEDGE_PHRASES = ("according to", "is said to", "are said to", "was said to", "were said to", "is thought to",
                 "are thought to", "it is believed", "sources say", "is understood to")
NEGATORS = {"not", "n't", "never", "no", "nobody", "none", "nothing", "neither", "nor", "without"}
DENIAL_LEMMAS = {"deny", "reject", "dismiss", "refute", "dispute", "rebut"}
# Verbs whose complement did not happen: "refused to sign" = did not sign.
REFUSAL_LEMMAS = {"refuse", "decline", "fail"}
# Verbs that report a claim made in their complement: the claim's polarity is the complement's.
REPORTING_LEMMAS = {"say", "tell", "announce", "add", "state", "insist", "confirm", "report", "argue", "warn",
                    "write", "explain", "note", "believe", "think", "expect", "predict", "promise", "vow", "pledge",
                    "reveal", "show", "find", "claim", "maintain", "stress", "acknowledge", "admit", "concede",
                    "agree", "declare", "assert", "suggest", "indicate", "conclude", "estimate", "continue",
                    "tweet", "post", "reply", "respond", "recall", "observe", "emphasise", "emphasize", "allege",
                    "contend", "caution", "ask", "answer", "complain", "testify"}
# "It is false that X": X is disputed.
FALSITY_WORDS = {"false", "untrue", "wrong", "incorrect", "inaccurate", "baseless", "unfounded"}
_NO_WORDS = {"nobody", "nothing", "none", "nowhere", "noone"}
_ONLY = {"only", "just", "merely", "simply"}
_CORE = {"nsubj", "nsubjpass", "dobj", "attr", "pobj"}
# "dismissed the criticism and said …": the verb of dismissal and the verb that then reports the claim.
_BRUSH_PARTICLES = {("brush", "aside"), ("brush", "off"), ("shrug", "off"), ("wave", "away"), ("wave", "off")}


@dataclass(frozen=True, slots=True)
class Polarity:
    """Whether the clause holding a claim is negated, the rule that says so and its cue (doc character offsets)."""

    negative: bool
    rule: str = ""  # "negation", "no-argument", "refusal", "denial" or "" (affirmative)
    cue: tuple[int, int] | None = None
    head: tuple[int, int] | None = None  # the predicate that carries the claim


def hedges(span) -> list[str]:
    """The hedge cues in a spaCy span, as written, in order (phrases first, then single words)."""
    lower = span.text.lower()
    found = [p for p in HEDGE_PHRASES if p in lower]
    words = [t.text for t in span if t.lower_ in HEDGE_WORDS and not (t.lower_ == "may" and t.tag_ == "NNP")]
    return list(dict.fromkeys(found + words))


def negated(span) -> bool:
    """True when the clause holding the claim is negated ("did not pay", "no one died"), or the claim disputes
    its complement ("denied paying", "denied reports that X", "refused to sign")."""
    return polarity(span).negative


def polarity(span) -> Polarity:
    """The polarity of a parsed claim (a spaCy span or doc), read on the predicate that carries it."""
    head = claim_head(span)
    where = _offsets(head)
    for check in (_negation, _no_argument, _refusal, _denial, _falsity):
        found = check(head)
        if found is not None:
            rule, cue = found
            disputed = _clause_of(head) if rule == "denial" else None
            # denying a negative ("denied that it had not paid") asserts it: the two cancel
            negative = not (disputed is not None and disputed is not head and _plainly_negated(disputed))
            return Polarity(negative, rule, (cue.idx, cue.idx + len(cue.text)), where)
    return Polarity(False, head=where)


def _plainly_negated(clause) -> bool:
    head = _head_from(clause)
    return _negation(head) is not None or _no_argument(head) is not None


def claim_head(span):
    """The predicate whose clause holds the claim: through reporting verbs ("police said X" → X) and past a
    dismissal followed by what was said ("dismissed the criticism and said X" → X)."""
    return _head_from(span.root)


def _head_from(head):
    if head.pos_ not in ("VERB", "AUX"):
        # "Jen Psaki: You can not continue …": the verb with a subject under a heading noun
        head = next((c for c in head.children if c.pos_ in ("VERB", "AUX")
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), head)
    for _ in range(4):  # a few levels are enough: "X said Y told Z that …"
        nxt = _reported(head) or _said_after_dismissal(head)
        if nxt is None:
            return head
        if _negation(head) is not None:
            return head  # "did not say that X" is itself the negated claim
        head = nxt
    return head


def _reported(head):
    """The complement a reporting verb reports; also the quotation before any verb of attribution ("the toll
    was very low", Graham continued)."""
    clause = next((c for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return None
    if head.lemma_.lower() in REPORTING_LEMMAS or (clause.i < head.i and not any(
            c.dep_ in ("dobj", "attr", "acomp") for c in head.children)):
        return clause
    return None


def _said_after_dismissal(head):
    if not _is_dismissal(head) or _clause_of(head) is not None:
        return None
    said = next((c for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in REPORTING_LEMMAS), None)
    if said is None:
        return None
    return _reported(said) or said


def _is_dismissal(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in DENIAL_LEMMAS:
        return True
    return any((lemma, c.lower_) in _BRUSH_PARTICLES for c in tok.children if c.dep_ in ("prt", "advmod", "prep"))


def _negation(head):
    """A "not"/"never" on the predicate itself (not "not only … but also"), as ``("negation", cue)``; for a
    copula, also on its complement ("is not legally binding")."""
    words = list(head.children)
    if head.lemma_.lower() == "be":
        words += [g for c in head.children if c.dep_ in ("acomp", "attr") for g in c.children]
    for c in words:
        if c.dep_ == "neg" and not _before_only(c):
            return "negation", c
    return None


def _before_only(tok) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _ONLY


def _no_argument(head):
    """A core argument that is nobody/nothing or takes "no" ("no one was injured", "found no traces")."""
    arguments = [c for c in head.children if c.dep_ in _CORE]
    arguments += [p for c in head.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"
                  and c.lower_ in ("by",)]
    for arg in arguments:
        if arg.lower_ in _NO_WORDS:
            return "no-argument", arg
        det = next((d for d in arg.children if d.dep_ == "det" and d.lower_ == "no"), None)
        if det is not None:
            return "no-argument", det
    return None


def _refusal(head):
    """ "refused to sign", "failed to reach": the complement did not happen."""
    if head.lemma_.lower() in REFUSAL_LEMMAS and any(c.dep_ == "xcomp" for c in head.children):
        return "refusal", head
    return None


def _denial(head):
    """ "denied that X", "denied paying", "denied reports that X": X is disputed. A denial of a plain noun
    ("rejected the offer") is a verb like any other: its opposite is on the verb's own axis (accepted)."""
    if _is_dismissal(head) and _clause_of(head) is not None:
        return "denial", head
    return None


def _falsity(head):
    """ "It is false that X", "Claims that X are untrue": X is disputed."""
    if head.lemma_.lower() != "be":
        return None
    word = next((c for c in head.children if c.dep_ in ("acomp", "attr") and c.lower_ in FALSITY_WORDS), None)
    if word is None:
        return None
    clausal = any(c.dep_ in ("ccomp", "csubj", "advcl") for c in head.children) or any(
        g.dep_ in ("acl", "ccomp", "relcl") for c in head.children if c.dep_ == "nsubj" for g in c.children)
    that = word.i + 1 < len(word.doc) and word.doc[word.i + 1].lower_ == "that"
    return ("denial", word) if clausal or that else None


def _clause_of(head):
    """The clause a denial verb disputes: its complement, or a clause on its object ("reports that X")."""
    for c in head.children:
        if c.dep_ in ("ccomp", "xcomp", "pcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG"):
            return c
        if c.dep_ in ("dobj", "prep"):
            objects = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"]
            for obj in objects:
                clause = next((g for g in obj.children if g.dep_ in ("acl", "ccomp", "relcl")
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
                if clause is not None:
                    return clause
    return None


def _offsets(tok) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)
