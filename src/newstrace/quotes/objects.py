"""What a cue says when it has no clause: a noun-phrase object ("criticised the plan"), what someone is called,
what a poll shows (also "…, records show." at the end of a sentence), how something is seen ("see X as Y") and
one-word answers ("said no")."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from newstrace.quotes.attribution import Attribution, Range
from newstrace.quotes.cues import VENUE_NOUNS, VENUE_PREPS, cue_lemma
from newstrace.quotes.phrases import trim

# Prepositions that introduce what a speech act is about ("talked about", "called for", "warned against").
TOPIC_PREPS = frozenset("about of on for to against over".split())
# Verbs whose "to" introduces what they are about ("responded to the report"); for the others ("spoke to
# reporters") it introduces the addressee.
_TO_TOPIC = frozenset("refer respond react reply point object allude".split())
# Verbs that name what something is ("called the plan a disaster").
_NAMING = frozenset("call label brand dub term deem".split())
# Objects that make a speech verb mean something else: "claimed lives", "claimed the title", "called a taxi".
_NOT_SAID = frozenset("life lives victim title crown prize seat taxi cab".split())


def speech_object(token: Token) -> Range | None:
    """"criticised the plan to …", "called for a ban": the object phrase and what follows it in the clause."""
    lemma = token.lemma_.lower()
    obj = next((c for c in token.children if c.i > token.i and (c.dep_ == "dobj" or c.dep_ == "prep" and
                                                                c.lower_ in TOPIC_PREPS and not _dated(c)
                                                                and (c.lower_ != "to" or lemma in _TO_TOPIC)
                                                                and not (c.lower_ == "for" and lemma == "speak")  # on behalf of
                                                                and not _venue(c))), None)
    if obj is None and lemma in _NAMING:
        # "called her “third-rate”", "calling Trump a fascist": what someone is called
        named = [c for c in token.children if c.i > token.i and c.dep_ in ("oprd", "xcomp", "dobj") and not to_infinitive_of(c)]
        return trim([t for c in named for t in c.subtree]) if named else None
    if obj is None:
        return None
    noun = obj if obj.dep_ == "dobj" else next((c for c in obj.children if c.dep_ == "pobj"), obj)
    if noun.ent_type_ in ("DATE", "TIME"):  # "announced Tuesday", "spoke on Tuesday"
        return None
    if noun.lemma_.lower() in _NOT_SAID:
        return None  # "the quake claimed 3,000 lives", "claimed the title"
    words = [t for c in token.children if c.i >= obj.i and (c.dep_ not in ("punct", "cc", "conj", "advcl")
                                                          or c.dep_ == "advcl" and to_infinitive(c))
             and (c.i == obj.i or not any(_reports_clause(t) for t in c.subtree))  # not "… by saying he would …"
             for t in c.subtree]
    if obj.dep_ == "prep":
        words = [t for t in words if t.i > obj.i]
    return trim(words) if len([t for t in words if t.is_alpha]) >= 1 else None


# What a poll, a study or a record shows is attributed to it even as a noun phrase ("the poll showed a tie").
_EVIDENCE_LEMMAS = frozenset("show find suggest indicate reveal".split())
_EVIDENCE_NOUNS = frozenset("""
poll survey study report data figure figures analysis research result results video footage document documents
record records census audit review investigation estimate estimates statistics numbers count
""".split())


def _reports_clause(token: Token) -> bool:
    """A cue verb with a clause of its own: an attribution in its own right."""
    return cue_lemma(token) is not None and any(c.dep_ == "ccomp" for c in token.children)


def _venue(prep: Token) -> bool:
    """"on Twitter", "in a statement": where something was said, not what it was about."""
    return prep.lower_ in VENUE_PREPS and any(c.dep_ == "pobj" and c.lemma_.lower() in VENUE_NOUNS for c in prep.children)


def _dated(prep: Token) -> bool:
    """"on Monday", "in March": a preposition whose object is a date or time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def seen_as(token: Token, lemma: str) -> Range | None:
    """"voters see Clinton as the stronger candidate": the object and how it is seen."""
    if lemma not in ("see", "view", "regard"):
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    as_ = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as" and obj is not None and c.i > obj.i), None)
    if as_ is None:
        return None
    return trim(list(obj.subtree) + list(as_.subtree))


def evidence_object(token: Token, lemma: str) -> Range | None:
    """"a CNN/ORC poll showed a one-point difference": an evidence verb with an evidence subject and an object."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if lemma not in _EVIDENCE_LEMMAS or subject is None or subject.lemma_.lower() not in _EVIDENCE_NOUNS:
        return None
    return speech_object(token)


_TRAILING = {form: lemma for lemma in ("show", "suggest", "indicate") for form in (lemma, lemma + "s", lemma.rstrip("e") + "ed")}


def trailing_evidence(sent: SpacySpan) -> Attribution | None:
    """"…, fundraising documents show.": a sentence closed by an evidence phrase and its verb, read from the words
    (the small parser often takes "show" for a noun there)."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_punct:
        words = words[:-1]
    if len(words) < 6 or words[-1].lower_ not in _TRAILING:
        return None
    verb = words[-1]
    comma = next((t for t in reversed(words[:-1]) if t.text == ","), None)
    if comma is None or verb.i - comma.i > 12:
        return None
    phrase = [t for t in words if comma.i < t.i < verb.i]
    noun = next((t for t in phrase if t.lower_ in _EVIDENCE_NOUNS or t.lemma_.lower() in _EVIDENCE_NOUNS), None)
    content = trim([t for t in words if t.i < comma.i])
    source = trim(phrase)
    if noun is None or content is None or source is None or sum(t.is_alpha for t in words if t.i < comma.i) < 3:
        return None
    return Attribution(content=content, cue=(verb.idx, verb.idx + len(verb)), cue_lemma=_TRAILING[verb.lower_], source=source,
                       source_head=noun.i, confidence=0.7)


_ANSWERS = frozenset("yes no so otherwise same nothing".split())


def short_answer(token: Token) -> Range | None:
    """"said no", "said so", "said the same of Sanders": a one-word answer is the whole content."""
    word = next((c for c in token.children if c.i > token.i and c.dep_ in ("intj", "advmod", "dobj", "acomp")
                 and c.lower_ in _ANSWERS), None)
    if word is None or any(c.dep_ == "ccomp" for c in token.children):
        return None
    words = list(word.subtree)
    words += [t for c in token.children if c.dep_ == "prep" and c.i == words[-1].i + 1 and c.lower_ in ("of", "for", "about")
              for t in c.subtree]
    return trim(words)


def to_infinitive(verb: Token) -> bool:
    """"praised the plan [to cut taxes]": an infinitive that completes a speech act's object."""
    return verb.left_edge.lower_ == "to" and to_infinitive_of(verb)


def to_infinitive_of(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
