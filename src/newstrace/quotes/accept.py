"""The accept/reject step: a small logistic model decides which candidate attributions to report.

The rules and the role tagger propose almost every attribution, and many things that are not one (actions,
plans, perceptions, page furniture, titles of works, fragments). This step reads general features of each
candidate (how it was found, its cue word class, the shape of its content and of its source) and keeps the
ones a reader would count. Weights: ``weights/accept.json``, trained by ``training/accept.py`` (see
docs/quotes.md for the command and the data). Beliefs and questions are typed, not judged: the model was
trained on speech, writing and evidence only.
"""
from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

from spacy.tokens import Doc

from newstrace.quotes.attribution import Attribution
from newstrace.quotes.cues import (COGNITION_LEMMAS, INTENTION_LEMMAS, MANNER_LEMMAS, OBJECT_LEMMAS, PLAN_LEMMAS,
                                   PUBLISH_LEMMAS, SPEECH_LEMMAS)
from newstrace.quotes.types import EVIDENCE_NOUNS, source_head

WEIGHTS = Path(__file__).resolve().parent / "weights" / "accept.json"
JUDGED_TYPES = frozenset(("speech", "writing", "evidence"))
# Cue lemmas common enough in news to carry a weight of their own; every other lemma only has its class.
CORE_LEMMAS = frozenset("""
say tell add according write explain claim note state announce warn insist argue deny confirm describe call
tweet post report accuse urge ask show find suggest reveal admit acknowledge agree vow promise criticise criticize
praise thank welcome reject dismiss cite point describe recall continue echo respond reply
""".split())
_MODALS = frozenset("would will could might may should can must".split())
_NEGATIONS = frozenset("not n't never no".split())
_BE = frozenset("is are was were be been being".split())
_QUOTE_MARKS = "\"“”‘’«»'"
_PRONOUN_SOURCES = frozenset("he she they it i we you him her them".split())
_WORD = re.compile(r"\w+")


def lemma_class(lemma: str | None) -> str:
    if not lemma:
        return "none"
    if lemma in (":", "—"):
        return "punct"
    if lemma in MANNER_LEMMAS:
        return "manner"
    if lemma in SPEECH_LEMMAS:
        return "speech"
    if lemma in PLAN_LEMMAS:
        return "plan"
    if lemma in INTENTION_LEMMAS:
        return "intention"
    if lemma in COGNITION_LEMMAS:
        return "cognition"
    if lemma in OBJECT_LEMMAS:
        return "object"
    if lemma in PUBLISH_LEMMAS:
        return "publish"
    return "other"


def features(doc: Doc, text: str, att: Attribution) -> dict[str, float]:
    """General features of one candidate (no words of the article beyond the cue lemma's class)."""
    f: dict[str, float] = {"bias": 1.0, f"kind={att.kind}": 1.0, f"type={att.type}": 1.0}
    for step in (0.45, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        f[f"conf>={step}"] = float(att.confidence >= step)
    f["tagger_only"] = float(bool(att.extra.get("tagger")))
    f["inferred"] = float(att.inferred)
    f["follows"] = float(att.follows is not None)
    lemma = (att.cue_lemma or "").lower()
    f[f"class={lemma_class(lemma)}"] = 1.0
    f[f"lemma={lemma if lemma in CORE_LEMMAS else 'other'}"] = 1.0
    _cue_features(text, att, f)
    _content_features(doc, text, att, f)
    _source_features(doc, text, att, f)
    _place_features(text, att, f)
    f["venue"] = float(att.venue is not None)
    f["addressee"] = float(att.addressee is not None)
    return f


def _cue_features(text: str, att: Attribution, f: dict[str, float]) -> None:
    if att.cue is None:
        f["no_cue"] = 1.0
        return
    words = [w.lower() for w in _WORD.findall(text[att.cue[0]:att.cue[1]])]
    f["cue_negated"] = float(any(w in _NEGATIONS for w in words))
    f["cue_modal"] = float(any(w in _MODALS for w in words))
    f["cue_be"] = float(any(w in _BE for w in words))
    f["cue_long"] = float(len(words) > 3)


def _content_features(doc: Doc, text: str, att: Attribution, f: dict[str, float]) -> None:
    content = text[att.content[0]:att.content[1]]
    words = _WORD.findall(content)
    n = len(words)

    f["clen<=2"] = float(n <= 2)
    f["clen<=5"] = float(n <= 5)

    low = content.lstrip(_QUOTE_MARKS + " ").lower()
    f["c_that"] = float(low.startswith("that "))
    f["c_to"] = float(low.startswith("to "))
    f["c_wh"] = float(low.startswith(("whether", "if ", "how ", "what ", "why ", "who ", "when ")))
    marks = sum(content.count(m) for m in "\"“”")
    f["c_marks"] = float(marks >= 2)
    f["c_one_mark"] = float(marks == 1)
    f["c_ends_sentence"] = float(content.rstrip(_QUOTE_MARKS + " ")[-1:] in (".", "!", "?"))
    f["c_question"] = float(content.rstrip(_QUOTE_MARKS + " ").endswith("?"))
    caps = [w for w in words if w[:1].isupper()]
    f["c_title_case"] = float(n >= 3 and len(caps) / n > 0.6)
    span = doc.char_span(att.content[0], att.content[1], alignment_mode="expand")
    tokens = list(span) if span is not None else []
    f["c_finite"] = float(any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tokens))
    f["c_verb"] = float(any(t.pos_ in ("VERB", "AUX") for t in tokens))
    f["c_first_person"] = float(any(t.lower_ in ("i", "we", "my", "our", "me", "us") for t in tokens))


def _source_features(doc: Doc, text: str, att: Attribution, f: dict[str, float]) -> None:
    head = source_head(doc, att)
    if head is None:
        f["no_source"] = 1.0
        return
    ent = head.ent_type_ or "none"
    f[f"s_ent={ent if ent in ('PERSON', 'ORG', 'GPE', 'NORP') else 'other' if ent != 'none' else 'none'}"] = 1.0
    f[f"s_pos={head.pos_ if head.pos_ in ('PRON', 'PROPN', 'NOUN') else 'other'}"] = 1.0
    low = head.lower_
    f["s_pronoun_person"] = float(low in ("he", "she", "him", "her"))
    f["s_pronoun_other"] = float(low in _PRONOUN_SOURCES and low not in ("he", "she", "him", "her"))
    f["s_evidence_noun"] = float(head.lemma_.lower() in EVIDENCE_NOUNS)
    f["s_plural"] = float(head.tag_ in ("NNS", "NNPS"))
    f["s_definite"] = float(any(t.lower_ in ("the", "this", "that") for t in head.lefts))
    source = text[att.source[0]:att.source[1]] if att.source else ""
    f["s_all_caps"] = float(len(source) > 3 and source.isupper())
    f["s_long"] = float(len(_WORD.findall(source)) > 6)


def _place_features(text: str, att: Attribution, f: dict[str, float]) -> None:
    start = text.rfind("\n\n", 0, att.content[0])
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", att.content[1])
    end = len(text) if end < 0 else end
    paragraph = text[start:end].strip()
    words = _WORD.findall(paragraph)
    f["p_short"] = float(len(words) < 12)
    f["p_no_stop"] = float(paragraph[-1:] not in ".!?\"”’)")
    f["p_label"] = float(bool(re.match(r"^[A-Z][\w .&'’-]{0,40}:\s", paragraph)))


class Acceptor:
    """Logistic weights over ``features``; ``threshold`` is the probability a candidate needs."""

    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

    def probability(self, f: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, doc: Doc, text: str, atts: list[Attribution]) -> list[Attribution]:
        """The candidates to report; beliefs and questions pass through, typed."""
        kept = []
        for att in atts:
            if att.type in JUDGED_TYPES:
                p = self.probability(features(doc, text, att))
                att.extra["accept"] = p
                if p < self.threshold:
                    continue
            kept.append(att)
        return kept


@functools.lru_cache(maxsize=4)
def load_acceptor(path: Path = WEIGHTS) -> Acceptor | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    return Acceptor(data["weights"], data["threshold"])
