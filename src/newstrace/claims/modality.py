"""How firmly a claim is made: hedge and report cues ("allegedly", "may", "claimed") and negation."""
from __future__ import annotations

HEDGE_WORDS = {"allegedly", "reportedly", "apparently", "possibly", "probably", "perhaps", "maybe", "likely",
               "unlikely", "supposedly", "purportedly", "presumably", "reported", "alleged", "suspected",
               "unconfirmed", "estimated", "believed", "rumoured", "rumored", "claimed", "claims", "claim",
               "suggests", "suggested", "appears", "appeared", "seems", "seemed", "may", "might", "could"}
HEDGE_PHRASES = ("according to", "is said to", "are said to", "was said to", "were said to", "is thought to",
                 "are thought to", "it is believed", "sources say", "is understood to")
NEGATORS = {"not", "n't", "never", "no", "nobody", "none", "nothing", "neither", "nor", "without"}
DENIAL_LEMMAS = {"deny", "reject", "dismiss", "refute"}


def hedges(span) -> list[str]:
    """The hedge cues in a spaCy span, as written, in order (phrases first, then single words)."""
    lower = span.text.lower()
    found = [p for p in HEDGE_PHRASES if p in lower]
    words = [t.text for t in span if t.lower_ in HEDGE_WORDS and not (t.lower_ == "may" and t.tag_ == "NNP")]
    return list(dict.fromkeys(found + words))


def negated(span) -> bool:
    """True when the main verb is negated ("did not pay"), a core argument is "no ..." ("no one died"),
    or the claim is a denial ("denied paying")."""
    root = span.root
    for tok in span:
        if tok.dep_ == "neg" and (tok.head == root or tok.head.head == root):
            return True
        if tok.lower_ in ("no", "never", "nobody", "none", "nothing") and tok.head in (root, *root.children):
            return True
    return root.lemma_.lower() in DENIAL_LEMMAS
