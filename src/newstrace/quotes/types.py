"""What kind of act an attribution reports: speech, writing, evidence, belief or question.

Speech and writing are what a reader counts as "X said Y"; evidence is what a document, study, poll or court
shows or finds; beliefs (think, fear, hope, want, plan) and questions put to someone are kept, typed, and left
out of the default views.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newstrace.model import DEFAULT_QUOTE_TYPES, QUOTE_TYPES
from newstrace.quotes.attribution import Attribution
from newstrace.quotes.cues import COGNITION_LEMMAS, STANCE_LEMMAS

# What the human views show unless asked for more (the table, Markdown, the report, the store's query, the UI).
TYPES, DEFAULT_TYPES = QUOTE_TYPES, DEFAULT_QUOTE_TYPES

_WRITING_LEMMAS = frozenset("write tweet post blog email text publish issue release sign file pen retweet".split())
# A source or a venue that is a written text: "a statement said", "said in a statement", "wrote in a letter".
_WRITTEN = frozenset("""
statement letter release filing memo memorandum post tweet email e-mail message note op-ed column editorial blog
newsletter submission affidavit complaint lawsuit petition communique communiqué press notice text x twitter
facebook instagram threads bluesky telegram linkedin substack truth
""".split())
# Documents, studies and institutions whose findings are evidence rather than words.
EVIDENCE_NOUNS = frozenset("""
study studies report reports survey surveys poll polls research analysis analyses data figures statistics record
records document documents paper papers review investigation inquiry audit census estimate estimates evidence
court courts ruling judgment judgement verdict findings finding footage video videos image images photo photos
map maps model models test tests trial trials experiment experiments filings documents receipts logs tally tallies
index assessment forecast forecasts projection projections numbers count
""".split())
_EVIDENCE_LEMMAS = frozenset("show find indicate suggest reveal conclude estimate signal rule demonstrate confirm "
                             "document record".split())
# Intentions and wishes are mental states; promises, vows and threats are said.
_MENTAL_INTENTIONS = frozenset("want hope expect intend plan seek aim wish prefer decide refuse decline".split())
_QUESTION_LEMMAS = frozenset("ask wonder question inquire enquire".split())


def attribution_type(doc: Doc, text: str, att: Attribution) -> str:
    """The type of ``att`` (one of ``TYPES``)."""
    if att.follows is not None:
        return att.follows.type
    lemma = (att.cue_lemma or "").lower()
    content = text[att.content[0]:att.content[1]].lstrip("\"“‘' ").lower()
    if lemma in _QUESTION_LEMMAS and (att.source is None or content.startswith(("whether", "if ", "why ", "how ",
                                                                                "what ", "when ", "who "))):
        return "question"
    if lemma in COGNITION_LEMMAS and lemma not in ("see", "learn") or lemma in _MENTAL_INTENTIONS \
            or lemma in STANCE_LEMMAS:
        if att.kind == "indirect":
            return "belief"
    head = source_head(doc, att)
    if lemma in ("find", "discover", "notice", "realise", "realize") and att.kind == "indirect" and head is not None \
            and (head.pos_ == "PRON" or head.ent_type_ == "PERSON"):
        return "belief"  # "she found that her skin cleared up": what a person noticed, not what she said
    if lemma in _WRITING_LEMMAS or _is_written(text, att) or head is not None and _noun(head) in _WRITTEN:
        return "writing"
    if head is not None and _noun(head) in EVIDENCE_NOUNS or lemma in ("see", "learn"):
        return "evidence" if att.kind != "direct" or lemma in _EVIDENCE_LEMMAS else "speech"
    # "the data suggest", "tests confirmed": evidence; a name that reveals or suggests speaks, whatever the recogniser
    # made of it ("Marina Lacerda has revealed", tagged an organisation)
    if lemma in _EVIDENCE_LEMMAS and (head is None or head.ent_type_ not in ("PERSON",) and head.pos_ not in ("PRON", "PROPN")):
        return "evidence"
    return "speech"


def source_head(doc: Doc, att: Attribution) -> Token | None:
    """The head token of the attribution's source mention, if it has one."""
    if att.source_head is not None and 0 <= att.source_head < len(doc):
        return doc[att.source_head]
    if att.source is None:
        return None
    span = doc.char_span(att.source[0], att.source[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _noun(token: Token) -> str:
    return token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()


def _is_written(text: str, att: Attribution) -> bool:
    """The venue is a written text: "said in a statement", "wrote on X", "posted on Facebook"."""
    if att.venue is None:
        return False
    words = text[att.venue[0]:att.venue[1]].lower().replace(",", " ").split()
    return any(re.sub(r"['’]s$", "", w.strip(".:;'’")) in _WRITTEN for w in words[1:])
