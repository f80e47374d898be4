"""Features of a sentence that say, across domains, whether it asserts something checkable.

Two kinds: an *abstracted* token stream (numbers and names replaced by their type, so "Ohio lost
300,000 jobs" and "Kenya lost 2,000 jobs" look alike) that is hashed into n-grams, and a few dozen
dense cues (numbers, comparatives, entities, first/second person, questions, opinion and hedge words).
Both are computed from a spaCy ``Span`` or ``Doc`` of the English model.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

N_HASH = 2 ** 18
NUMERIC_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
SECOND = {"you", "your", "yours", "yourself", "yourselves"}
HEDGES = {"may", "might", "could", "perhaps", "maybe", "possibly", "probably", "allegedly", "reportedly",
          "apparently", "likely", "seem", "seems", "suggest", "suggests", "believe", "think", "guess"}
OPINION = {"great", "terrible", "wonderful", "horrible", "bad", "good", "best", "worst", "love", "hate",
           "amazing", "disaster", "disgrace", "incredible", "beautiful", "wrong", "right", "stupid", "fantastic",
           "proud", "honor", "hope", "happy", "sad", "tremendous", "nice", "unfair", "ridiculous", "shame"}
FACTUAL_VERBS = {"increase", "decrease", "cut", "raise", "rise", "fall", "vote", "pass", "spend", "cost",
                 "kill", "die", "create", "lose", "grow", "double", "triple", "pay", "fund", "ban", "sign",
                 "veto", "support", "oppose", "borrow", "owe", "reduce", "add", "drop", "tax", "invest",
                 "build", "close", "hire", "fire", "arrest", "ship", "send", "sell", "buy", "earn", "receive"}
SCALE_WORDS = {"percent", "million", "billion", "trillion", "thousand", "hundred", "times", "half", "%",
               "twice", "majority", "average", "rate", "record", "number", "dollars", "jobs"}
FILLERS = {"well", "look", "thank", "folks", "okay", "ok", "yeah", "oh", "please", "welcome", "applause"}
DENSE_NAMES = (
    "len", "log_len", "has_num", "n_num", "percent", "money", "date", "cardinal", "person", "org", "gpe", "norp",
    "comparative", "superlative", "than", "i", "we", "you", "question", "exclaim", "modal", "hedge", "opinion",
    "factual_verb", "past", "present", "imperative", "negation", "scale_word", "filler", "third_person_subject",
    "proper_noun_share", "verb_count", "short", "no_verb",
)


def abstract_tokens(sent) -> list[str]:
    """Words lower-cased; numbers and named entities replaced by ``<TYPE>`` once per entity."""
    out: list[str] = []
    for tok in sent:
        if tok.is_space:
            continue
        kind = tok.ent_type_
        if kind in NUMERIC_ENTS or kind in NAME_ENTS:
            if tok.ent_iob_ == "B" or not out or out[-1] != f"<{kind}>":
                out.append(f"<{kind}>")
        elif tok.like_num:
            out.append("<NUM>")
        else:
            out.append(tok.lower_)
    return out


def stream(sent) -> str:
    """The hashed text: abstracted words plus part-of-speech tags (prefixed so they never clash with words)."""
    words = abstract_tokens(sent)
    tags = [f"pos_{t.tag_}" for t in sent if not t.is_space]
    return " ".join(words) + " || " + " ".join(tags)


def _entity_labels(sent) -> list[str]:
    """The labels of the entities that lie wholly inside ``sent``, as ``Span.ents`` gives them, read from the tokens:
    ``Span.ents`` walks every entity of the document for each sentence (quadratic in an article's length)."""
    if not hasattr(sent, "doc") or sent.doc is sent:  # a Doc (or a stand-in without tokens' entity tags)
        return [e.label_ for e in getattr(sent, "ents", ())]
    doc, labels = sent.doc, []
    for token in sent:
        if token.ent_iob_ == "B":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= sent.end:
                labels.append(token.ent_type_)
    return labels


def dense(sent) -> np.ndarray:
    """The hand-made cues, each scaled to about 0–1."""
    toks = [t for t in sent if not t.is_space and not t.is_punct]
    n = max(1, len(toks))
    # each token attribute read once (a spaCy attribute read builds a Python string each time)
    lower = [t.lower_ for t in toks]
    tags = [t.tag_ for t in toks]
    pos = [t.pos_ for t in toks]
    deps = [t.dep_ for t in toks]
    numeric = [t.like_num for t in toks]
    ents = _entity_labels(sent)
    verbs = [i for i, p in enumerate(pos) if p in ("VERB", "AUX")]
    text = sent.text.strip()
    pronouns = FIRST_SINGULAR | FIRST_PLURAL | SECOND

    def share(words: set[str]) -> float:
        return sum(w in words for w in lower) / n

    values = (
        min(n / 40, 2.0), math.log1p(n) / 4, float(any(numeric)),
        min(sum(numeric), 5) / 5, float("PERCENT" in ents or "percent" in lower or "%" in text),
        float("MONEY" in ents), float("DATE" in ents), float("CARDINAL" in ents), min(ents.count("PERSON"), 3) / 3,
        min(ents.count("ORG"), 3) / 3, min(ents.count("GPE"), 3) / 3, min(ents.count("NORP"), 3) / 3,
        float(any(t in ("JJR", "RBR") for t in tags)), float(any(t in ("JJS", "RBS") for t in tags)),
        float("than" in lower), share(FIRST_SINGULAR) * 5, share(FIRST_PLURAL) * 5, share(SECOND) * 5,
        float(text.endswith("?")), float(text.endswith("!")), min(tags.count("MD"), 3) / 3,
        min(sum(w in HEDGES for w in lower), 3) / 3, min(sum(w in OPINION for w in lower), 3) / 3,
        float(any(toks[i].lemma_.lower() in FACTUAL_VERBS for i in verbs)),
        sum(t in ("VBD", "VBN") for t in tags) / n * 5, sum(t in ("VBZ", "VBP") for t in tags) / n * 5,
        float(bool(toks) and tags[0] == "VB"), float("neg" in deps),
        min(sum(w in SCALE_WORDS for w in lower), 3) / 3, float(bool(lower) and lower[0] in FILLERS),
        float(any(d in ("nsubj", "nsubjpass") and w not in pronouns for d, w in zip(deps, lower))),
        pos.count("PROPN") / n, min(len(verbs), 6) / 6, float(n <= 5), float(not verbs),
    )
    return np.asarray(values, dtype=np.float32)


_HASHER = HashingVectorizer(n_features=N_HASH, ngram_range=(1, 3), token_pattern=r"\S+", lowercase=False,
                            alternate_sign=False, norm="l2")


def lexical_matrix(sents: Iterable) -> sparse.csr_matrix:
    """Hashed n-grams and the dense cues side by side, one row per sentence."""
    sents = list(sents)
    hashed = _HASHER.transform([stream(s) for s in sents])
    cues = sparse.csr_matrix(np.vstack([dense(s) for s in sents]) if sents else np.zeros((0, len(DENSE_NAMES))))
    return sparse.hstack([hashed, cues], format="csr")
