"""A learned cue detector: verbs outside the cue lexicon that introduce what someone said, thinks or wants.

The lexicon (``cues.py``) covers verbs of saying and believing; attribution in news also runs through verbs
no list anticipates ("Cruz shot back", "she sees the deal as a mistake", "he is seeking a recount"). A logistic
regression over hashed features of the parse (lemma, tag, dependency, the shape of the verb's arguments) was
trained on PolNeAR's training split to find the verbs that head an attribution cue
(``python -m training.cues --split PATH --out DIR``). A detected verb becomes an attribution only when the rules
find both its source (a subject) and its content (a clause, infinitive or object), and it keeps the detector's
probability as a low confidence, so ``min_confidence`` can leave such cues out.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Doc, Token

from newstrace.nlp.saved_weights import read_weights
from newstrace.quotes.attribution import Attribution
from newstrace.quotes.cues import (COGNITION_LEMMAS, INTENTION_LEMMAS, NOT_SAYING_LEMMAS, OBJECT_LEMMAS,
                                   SPEECH_LEMMAS, cue_lemma)
from newstrace.quotes.indirect import learned_attribution
from newstrace.quotes.phrases import SUBJECTS

WEIGHTS = Path(__file__).resolve().parent / "weights"
N_FEATURES = 2 ** 18
_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)


def candidates(doc: Doc) -> list[Token]:
    """The tokens the detector scores: verbs (nominal cues have their own rules)."""
    return [t for t in doc if t.pos_ == "VERB"]


def token_features(token: Token) -> list[str]:
    """Hashed-feature names of one candidate verb."""
    lemma, doc = token.lemma_.lower(), token.doc
    deps = sorted({c.dep_ for c in token.children})
    preps = sorted(f"{c.dep_}:{c.lower_}" for c in token.children if c.dep_ in ("prep", "prt", "agent"))
    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    subj = "none" if subject is None else subject.ent_type_ or subject.pos_
    xcomp_to = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in token.children)
    feats = [f"l={lemma}", f"t={token.tag_}", f"d={token.dep_}", f"hl={token.head.lemma_.lower()}",
             f"hd={token.head.dep_}", f"hp={token.head.pos_}", f"subj={subj}", f"lex={_lexicon(lemma)}",
             f"l|d={lemma}|{token.dep_}", f"l|subj={lemma}|{subj}", f"l|xto={lemma}|{xcomp_to}",
             f"prev={doc[token.i - 1].lower_ if token.i else '^'}",
             f"next={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '$'}"]
    feats += [f"c={d}" for d in deps] + [f"l|c={lemma}|{d}" for d in deps]
    feats += [f"p={p}" for p in preps] + [f"l|p={lemma}|{p}" for p in preps]
    feats += [f"quoted={_inside_quotes(token)}", f"colon={any(c.text == ':' for c in token.rights)}"]
    # what the verb is about and who does it: "expressed [concern]", "[the poll] found", "[it] seems"
    feats += [f"{c.dep_}_l={c.lemma_.lower()}" for c in token.children if c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp")]
    feats += [f"l|obj={lemma}|{c.lemma_.lower()}" for c in token.children if c.dep_ == "dobj"]
    return feats


def _lexicon(lemma: str) -> str:
    for name, group in (("speech", SPEECH_LEMMAS), ("cognition", COGNITION_LEMMAS), ("intention", INTENTION_LEMMAS),
                        ("object", OBJECT_LEMMAS)):
        if lemma in group:
            return name
    return "none"


def _inside_quotes(token: Token) -> bool:
    before = token.doc[token.sent.start:token.i].text
    return sum(before.count(c) for c in "\"“”") % 2 == 1


def featurise(tokens: list[Token]):
    """The hashed feature matrix of ``tokens`` (one row each)."""
    return _HASHER.transform(token_features(t) for t in tokens)


@dataclass(frozen=True)
class CueDetector:
    coef: np.ndarray
    bias: float
    threshold: float
    meta: dict

    def probabilities(self, tokens: list[Token]) -> np.ndarray:
        if not tokens:
            return np.zeros(0)
        return 1 / (1 + np.exp(-(featurise(tokens) @ self.coef + self.bias)))

    def detect(self, doc: Doc) -> list[tuple[Token, float]]:
        """Candidate verbs at or above the shipped threshold, with their probability."""
        tokens = candidates(doc)
        return [(t, float(p)) for t, p in zip(tokens, self.probabilities(tokens)) if p >= self.threshold]


@functools.lru_cache(maxsize=4)
def load_detector(folder: Path = WEIGHTS) -> CueDetector | None:
    """The shipped detector, or ``None`` when its weights are absent (the rules still run)."""
    return read_weights(folder, "cues", lambda arrays, meta: CueDetector(
        arrays["coef"].astype(np.float64), float(arrays["bias"]), float(meta["threshold"]), meta))


def find_learned_attributions(doc: Doc, text: str, known: list[Attribution],
                              weights: Path = WEIGHTS) -> list[Attribution]:
    """Attributions for the detected verbs that are neither lexicon cues nor inside a cue already found."""
    detector = load_detector(weights)
    if detector is None:
        return []
    taken = [a.cue for a in known if a.cue is not None]
    found = []
    for token, probability in detector.detect(doc):
        if cue_lemma(token) is not None or token.lemma_.lower() in NOT_SAYING_LEMMAS or any(
                s <= token.idx < e for s, e in taken):
            continue
        att = learned_attribution(token, text, probability)
        if att is not None:
            found.append(att)
    return found
