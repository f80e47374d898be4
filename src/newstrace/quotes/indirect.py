"""Reported speech from the dependency parse: a cue verb, its subject (the source) and its clause (the content).

Covers "X said (that) …", "…, X said", "X told Y …", "according to X, …", participles and relative clauses
("adding that …", "X, who said …"), and the passive "was quoted as saying". Each cue gives one ``Attribution``;
a cue without a clause is kept (``content`` is ``None``) so a nearby quotation can be attached to it.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from newstrace.quotes.attribution import Attribution, Range
from newstrace.quotes.cues import ADDRESSEE_LEMMAS, PLAN_LEMMAS, SPEECH_LEMMAS, VENUE_NOUNS, VENUE_PREPS, cue_lemma, is_intention, needs_clause, takes_infinitive, takes_object
from newstrace.quotes.objects import evidence_object, trailing_evidence, seen_as, short_answer, speech_object, to_infinitive_of
from newstrace.quotes.phrases import (CLOSING_QUOTES, MARKS, OPENING_QUOTES, SUBJECTS, closing_quote_before,
                                      source_range, trim)
from newstrace.quotes.questions import ASKING, asked, question_put

_CLIMB = ("xcomp", "pcomp", "prep", "advcl", "conj", "acl", "relcl", "acomp")  # "are more likely to say"
_RELATIVE = frozenset("who that which whom whose".split())
# Verbs whose object is made to act: "led TNO to conclude", "prompted the ministry to say".
_CONTROL_VERBS = frozenset("lead prompt inspire force cause push spur encourage urge ask persuade convince compel drive "
                           "move pressure invite want expect allow tell".split())
_EXPLETIVE = frozenset("it there".split())
_FINITE = frozenset("VBD VBZ VBP MD".split())
# Nouns whose own "that"-clause is what they are about ("news that …", "the claim that …"): such a clause is
# not a misattached complement of the cue.
_CONTENT_NOUNS = frozenset("""
news claim idea fact belief evidence hope fear allegation suggestion notion possibility argument assertion
rumor rumour speculation concern assurance promise warning sign indication impression view decision
""".split())
_OBJECTS = ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative")


def find_cue_attributions(doc: Doc, text: str) -> list[Attribution]:
    """Every cue in ``doc`` with its source and content; ``content`` may be ``(-1, -1)`` (no clause found)."""
    found = []
    for sent in doc.sents:
        for token in sent:
            if token.lower_ == "according":
                att = _according_to(token, sent)
            elif token.lower_ == "in":
                att = _in_poll(token, sent)
            else:
                att = _from_cue(token, sent, text)
            if att is not None:
                found.append(att)
            if att is not None and "rest" in att.extra:
                # the second piece of "The plan, he said, will fail"
                found.append(Attribution(content=att.extra.pop("rest"), cue=att.cue, cue_lemma=att.cue_lemma,
                                         follows=att, confidence=att.confidence))
        evidence = trailing_evidence(sent)
        if evidence is not None and not any(a.cue == evidence.cue for a in found):
            found.append(evidence)
    return found


def learned_attribution(token: Token, text: str, probability: float) -> Attribution | None:
    """A verb the learned detector found outside the lexicon: an attribution only with a source and a content."""
    if any(c.dep_ == "nsubjpass" for c in token.children) or token.tag_ == "VBN" and not any(
            c.dep_ == "aux" for c in token.children):
        return None  # "the plan was blasted": the subject did not speak
    att = _from_cue(token, token.sent, text, lemma=token.lemma_.lower())
    if att is None or att.source is None or att.content[0] < 0:
        return None
    att.confidence = round(min(att.confidence, 0.3 + 0.4 * probability), 2)
    return att


def _from_cue(token: Token, sent: SpacySpan, text: str, lemma: str | None = None) -> Attribution | None:
    learned = lemma is not None
    lemma = lemma or cue_lemma(token)
    if lemma is None or is_intention(lemma) and any(c.dep_ in ("nsubjpass", "csubjpass") for c in token.children):
        return None  # "prices are expected to rise": the subject is what is expected, not who expects it
    if lemma == "ask" and (_passive_participle(token, strict=False) or asked(token)) and not _after_quotation(token):
        return question_put(token)
    if _passive_participle(token) or token.lower_ == "opposed" and token.i > 0 and token.nbor(-1).lower_ == "as":
        return None  # "Blasted for its handling of …, the agency stayed silent"; "as opposed to"
    if the_authors_aside(token) or _for_a_purpose(token, lemma) or a_plea(token, lemma):
        return None
    pieces = [] if any(c.dep_ == "ccomp" for c in token.children) else _parenthetical(token, sent)
    content = (_clause(token) or short_answer(token) or seen_as(token, lemma) or evidence_object(token, lemma)
               or (pieces[0] if pieces else None) or _after_colon(token, sent) or _misattached_clause(token))
    confidence = 0.6 if lemma in PLAN_LEMMAS else 0.8  # plans and wishes, not words
    if content is None and (takes_object(lemma) or learned):
        content, confidence = speech_object(token), 0.5
    if content is None and lemma in SPEECH_LEMMAS and _agent(token) is not None:
        content, confidence = _reported_subject(token), 0.5  # "O’Malley’s move was first reported by MSNBC"
    if content is None and (needs_clause(lemma) or learned):
        return None
    if content is not None and withheld(token, text[content[0]:content[1]]):
        return None
    passive = next((c for c in token.children if c.dep_ in ("nsubjpass", "csubjpass")), None)
    if passive is not None:
        # "Trump has been criticised by his rivals", "he was told that …": the agent speaks, if it is named
        source_tok = _agent(token)
        source = source_range(source_tok) if source_tok is not None else None
    else:
        source_tok = _subject(token) or _inverted_object(token, lemma)
        # "a group backing Bush": the cue hangs on its own source, so the source stops where the clause starts
        around = source_tok is not None and source_tok.left_edge.i <= token.i <= source_tok.right_edge.i
        source = source_range(source_tok, cut_clauses=around) if source_tok is not None else _bare_subject(token, sent)
        twin = _adjacent_subject(source_tok) if source_tok is not None else None
        if twin is not None:
            # "Vatican spokesman [the Rev. Lombardi] told", "majorities of voters [going to the polls] said": the parser
            # split one phrase into two subjects; the source is both, the name (or the noun) its head
            source = (min(source[0], twin.left_edge.idx), source[1])
            if source_tok.pos_ == "VERB" or twin.ent_type_ == "PERSON" and source_tok.ent_type_ != "PERSON":
                source_tok = twin
    if source_tok is None and content is not None and content[1] < token.idx:
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i < token.i), None)
        tail = _speaker_after_quote(list(clause.subtree), token) if clause is not None else None
        if tail is not None:
            source = trim(tail)
            person = [t for t in tail if t.ent_type_ == "PERSON" and t.nbor(1).ent_type_ != "PERSON"]
            source_tok = person[0] if person else next((t for t in tail if t.pos_ == "PROPN" and t.nbor(1).pos_ != "PROPN"), tail[0])
    if source is not None and source_tok is None:
        source_tok = token.doc.char_span(*source, alignment_mode="expand").root
    if source_tok is None and content is None and token.dep_ not in ("ROOT", "parataxis", "ccomp", "conj"):
        return None
    att = Attribution(content=content or (-1, -1), cue=_cue_range(token), cue_lemma=lemma,
                      confidence=confidence if content else 0.6)
    if source_tok is not None:
        att.source, att.source_head = source, source_tok.i
        relative = _relative_subject(token)
        if relative is not None:
            # "Trump, who said …": the words that speak are "who"; the speaker is resolved from "Trump"
            att.source = source_range(source_tok, cut_clauses=True)
            att.extra["mention"] = (relative.idx, relative.idx + len(relative))
    att.addressee = addressee_of(token, lemma)
    if passive is not None and lemma in ADDRESSEE_LEMMAS and att.addressee is None and passive.lower_ not in _EXPLETIVE:
        att.addressee = source_range(passive)  # "he was told": the one told
    att.venue, venue_with = venue_of(token)
    att.addressee = att.addressee or venue_with
    if len(pieces) > 1 and att.content == pieces[0]:
        att.extra["rest"] = pieces[1]
    return _drop_overlaps(att, text)


_OPEN_QUESTION = re.compile(r"(?i)^[\"“‘']?\s*(?:whether|if|when|why|how|what|who|which|where)\b")


def withheld(token: Token, content: str) -> bool:
    """"The governor hasn't yet said whether he will sign", "declined to say how many": an answer not given is
    no attribution."""
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children) or (
        token.dep_ == "xcomp" and token.head.lemma_.lower() in ("decline", "refuse", "fail"))
    return negated and bool(_OPEN_QUESTION.match(content))


def the_authors_aside(token: Token) -> bool:
    """"It's important to note that …", "worth noting", "needless to say": the author speaks, not a source."""
    if token.dep_ != "xcomp":
        return False
    head = token.head
    verb = head.head if head.pos_ == "ADJ" else head  # "it is worth noting", "it's important to note"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")] if verb is not head or head.pos_ != "ADJ" else []
    impersonal = all(c.lower_ == "it" for c in subjects)  # "voters are likely to say" is the voters'
    return impersonal and (head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in head.children) and subjects)


# Cue verbs that also name other acts: to add money, to find a plant, to show a film, to point a camera
_AMBIGUOUS_CUES = frozenset("add find show note point".split())


_CHARGES = frozenset("""charge count offence offense murder manslaughter assault theft fraud burglary robbery rape
possession affray arson""".split())


def a_plea(token: Token, lemma: str) -> bool:
    """"Rigby admitted a charge of …", "admitted murder", "denied the charges": a plea in court, not a statement
    reported ("admitted making mistakes" is one)."""
    return lemma in ("admit", "deny") and not any(c.dep_ == "ccomp" for c in token.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _CHARGES for c in token.children)


def _for_a_purpose(token: Token, lemma: str) -> bool:
    """"Leaders scrambled to add $300 million", "experts collaborated to find the best plants": an infinitive of
    purpose after a verb that is no cue reports nothing unless it has a clause of its own ("went on to add that …")."""
    return (lemma in _AMBIGUOUS_CUES and token.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and cue_lemma(token.head) is None
        and not any(c.dep_ == "ccomp" for c in token.children))


def _according_to(token: Token, sent: SpacySpan) -> Attribution | None:
    """"According to X, …" / "…, according to X": the clause the phrase hangs on is the content."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    return _phrase_attribution(token, nxt, pobj, sent, "according to", 0.85)


_POLLS = frozenset("poll survey".split())


def _in_poll(token: Token, sent: SpacySpan) -> Attribution | None:
    """"In a CNN poll released Monday, 50 percent chose Clinton": the poll reports the clause it opens."""
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _POLLS or token.dep_ != "prep" \
            or token.head.pos_ not in ("VERB", "AUX") and token.head.dep_ != "ROOT" \
            or cue_lemma(token.head) is not None:
        return None  # "she said in a poll that …": a venue of the cue, not a source
    att = _phrase_attribution(token, token, pobj, sent, "in", 0.6)
    if att is not None:
        att.extra.pop("rest", None)  # "…, in the same poll, a 52-point swing": what follows is the writer's gloss
    return att


def _phrase_attribution(first: Token, last: Token, pobj: Token, sent: SpacySpan, lemma: str,
                        confidence: float) -> Attribution | None:
    """A source phrase ("according to X", "in a poll") reports the clause it hangs on, in one or two pieces."""
    head = first.head if first.head != first else None
    skip = {t.i for t in first.subtree}
    if head is not None and head.i not in skip:
        words = [t for t in head.subtree if t.i not in skip and sent.start <= t.i < sent.end]
    else:
        words = [t for t in sent if t.i not in skip]
    # in the middle of its clause ("One child was, according to the fire service, among the dead"): two pieces
    start, end = min(skip), max(skip)
    pieces = [p for p in (trim([t for t in words if t.i < start]), trim([t for t in words if t.i > end]))
              if p is not None and any(c.isalpha() for t in words if p[0] <= t.idx < p[1] for c in t.text)]
    if not pieces:
        return None
    att = Attribution(content=pieces[0], cue=(first.idx, last.idx + len(last)), cue_lemma=lemma,
                      source=source_range(pobj), source_head=pobj.i, confidence=confidence)
    if len(pieces) > 1:
        att.extra["rest"] = pieces[1]
    return att


def _clause(token: Token) -> Range | None:
    """The clausal complement with its complementiser ("said [that the plan failed]"), as PARC and PolNeAR annotate it."""
    # a quotation just before the cue first ("“…,” Trump said of X, whose owner moved …"), then a clause after
    # the cue, then another clause before it ("X did Y, then says Z")
    for child in sorted(token.children, key=lambda c: (_order_before(c, token), c.i)):
        if child.dep_ == "advcl" and child.left_edge.lower_ == "for" and to_infinitive_of(child) \
                and takes_infinitive(token.lemma_.lower()):
            return trim([t for t in child.subtree if t.i != child.left_edge.i])  # "called for X to resign"
        if child.dep_ == "advcl" and child.i > token.i and token.lemma_.lower() in ASKING \
                and child.left_edge.lower_ in ("if", "whether"):
            return trim(list(child.subtree))  # "was asked if she had been discriminated against"
        noun_cue = token.pos_ == "NOUN" and child.dep_ == "acl" and any(m.lower_ == "that" for m in child.children)
        if child.dep_ == "ccomp" or noun_cue or child.dep_ == "xcomp" and (_said_to(token, child) or _infinitive(child)):
            if _cut_off_before(child, token) or child.i < token.i and _bare_participle(child):
                continue  # "Asked what he wanted, Adelson said, “…”": the question is not what he said
            words = [t for t in child.subtree]
            if child.dep_ == "xcomp" and child.i > token.i:
                # "urged the minister to resign": the person urged belongs to the content
                words += [t for c in token.children if c.dep_ == "dobj" and c.i < child.i for t in c.subtree]
            elif child.dep_ == "ccomp" and child.i > token.i and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children):
                # "added the collapse of the aid system is “by design”": the parser took the clause's subject for
                # the cue's object; an object right before a clause with no subject is that subject
                words += [t for c in token.children if c.dep_ == "dobj" and token.i < c.i < child.i
                          and c.right_edge.i + 1 == child.left_edge.i for t in c.subtree]
                words.sort(key=lambda t: t.i)
            while words and words[0].is_punct:
                words = words[1:]
            words = [t for t in words if not (t.i == token.i)]
            tail = _speaker_after_quote(words, token) if child.i < token.i else None
            if tail is not None:
                words = [t for t in words if t.i < tail[0].i]
            return trim(words, token)
    return None


def _speaker_after_quote(words: list[Token], cue: Token) -> list[Token] | None:
    """"“Yes, I support Cruz,” Brent Bozell III, founder of X, tells …": the parser hung the name on the
    quotation; the words between the closing mark and the cue, when they hold a name, are the source."""
    for close in (t for t in words if words[0].i < t.i < cue.i and t.text in CLOSING_QUOTES):
        tail = [t for t in cue.doc[close.i + 1:cue.i] if not t.is_space]
        if 1 <= len(tail) <= 20 and tail[0].pos_ == "PROPN" and not any(t.tag_ in _FINITE for t in tail):
            return tail  # participles may describe the speaker ("…, wearing a cowboy hat, said")
    return None


def _said_to(cue: Token, xcomp: Token) -> bool:
    """"is said to have fled", "said to be": not "said, on condition of anonymity to speak freely"."""
    return cue.lemma_ == "say" and all(t.dep_ in ("advmod", "neg", "aux", "auxpass") for t in cue.doc[cue.i + 1:xcomp.left_edge.i])


def _order_before(child: Token, cue: Token) -> int:
    if child.i > cue.i:
        return 1
    between = cue.doc[child.right_edge.i + 1:cue.i]
    return 0 if any(t.text in ("”", '"', "’") for t in between) else 2


def _bare_participle(verb: Token) -> bool:
    """"Asked …", "Speaking to reporters …": a participle with no subject or auxiliary of its own."""
    return verb.tag_ in ("VBN", "VBG") and verb.i == verb.left_edge.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _cut_off_before(clause: Token, cue: Token) -> bool:
    """"It is paying off: he said he raised …": a clause before the cue, ended by a colon or semicolon, is not what was said."""
    if clause.i > cue.i:
        return False
    end = max(t.i for t in clause.subtree)
    return any(t.text in (":", ";") for t in cue.doc[end:cue.i])


# Verbs of saying whose gerund is what was said ("proposed barring …", "denied taking …").
_GERUND_LEMMAS = frozenset("propose suggest recommend deny admit acknowledge advocate urge".split())


def _infinitive(child: Token) -> bool:
    """"vowed [to fight]": an infinitive complement of an intention or appeal verb; "proposed [barring X]": a gerund
    complement of a verb of saying."""
    lemma = child.head.lemma_.lower()
    if child.i > child.head.i and child.tag_ == "VBG" and lemma in _GERUND_LEMMAS:
        return True
    return (takes_infinitive(lemma) and child.i > child.head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))


def _misattached_clause(token: Token) -> Range | None:
    """"told reporters at a press conference that …" when the parser hung the clause on the last noun."""
    for t in token.subtree:
        if t.i > token.i and t.lower_ == "that" and t.head.dep_ in ("relcl", "acl", "ccomp") and t.head.head.i != token.i \
                and t.head.left_edge.i == t.i and t.head.head.dep_ in ("pobj", "dobj") \
                and t.head.head.lemma_.lower() not in _CONTENT_NOUNS and _venue_or_addressee(t.head.head):
            return trim(list(t.head.subtree))  # with its "that", as _clause keeps it
    return None


def _venue_or_addressee(noun: Token) -> bool:
    """"told [reporters]", "said [in a statement]", "said [to reporters]"; not "despite reports", "after news"."""
    return noun.dep_ == "dobj" or noun.head.lower_ in VENUE_PREPS or noun.head.lower_ == "to"


def _bare_subject(token: Token, sent: SpacySpan) -> Range | None:
    """"“…,” the 45-year-old said" when the parser found no subject: the short phrase right before the cue.

    Only for a cue that heads its sentence, or one right after a closing quote ("“Go back,” Trump barked and …").
    """
    words, stop = [], None
    before = list(sent.doc[sent.start:token.i])
    if len(before) > 2 and before[-1].text == "," and before[-2].pos_ == "PROPN":
        before = before[:-1]  # "…, her adviser, Jake Sullivan, said:": the name before the comma
    for t in reversed(before):
        if t.is_punct and t.text not in ("-", "–") or t.is_space or t.dep_ in ("aux", "auxpass", "neg", "advmod"):
            if words or t.dep_ not in ("aux", "auxpass", "neg", "advmod"):
                stop = t
                break
            continue
        words.append(t)
    after_quote = stop is not None and stop.text in ("”", '"', "’", "'")
    if token.dep_ != "ROOT" and not after_quote:
        return None
    if not 1 <= len(words) <= 6 or not any(t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM") for t in words):
        return None
    return trim(words)


def _parenthetical(token: Token, sent: SpacySpan) -> list[Range]:
    """"The plan will fail, he said" / "The plan, he said, will fail": the rest of the sentence is the content.

    A cue in the middle gives two pieces, before and after it.
    """
    own_subject = _nearest_subject(token)
    if any(c.i > token.i and (c.dep_ in ("dobj", "ccomp") and not _addressed(token, c)
                              or c.dep_ == "xcomp" and (_said_to(token, c) or _infinitive(c))) for c in token.children):
        return []  # "… while 6 in 10 men supported Sanders": the cue has its own content
    inverted = token.dep_ == "ROOT" and token.i > sent.start + 2 and own_subject is not None and own_subject.i > token.i
    # "…, he said", "as he said"; not a subordinate clause of its own ("… if an alternative is not found")
    clause = token.dep_ == "advcl" and (token.i > token.head.i and own_subject is not None and own_subject.dep_ != "nsubjpass"
                                         and not any(c.dep_ == "mark" for c in token.children) or _as_clause(token))
    trailing = (token.dep_ in ("ROOT", "conj") and own_subject is not None and own_subject.i < token.i
                and not any(c.dep_ in _OBJECTS and c.i > token.i and not _addressed(token, c) for c in token.children)
                and _clause_before(own_subject))
    if token.dep_ == "parataxis" or clause:
        left, right = token.left_edge.i, token.right_edge.i
    elif inverted:
        left, right = token.i, sent.end - 1
    elif trailing:
        left, right = own_subject.left_edge.i, sent.end - 1
    else:
        return []
    # a colon or semicolon closes what the parenthetical cue can reach ("… was disappointed: “…,” he said, “…”")
    floor = max((t.i for t in sent if t.i < left and t.text in (":", ";")), default=sent.start - 1)
    ceiling = min((t.i for t in sent if t.i > right and t.text in (":", ";")), default=sent.end)
    before = [t for t in sent if floor < t.i < left]
    after = [t for t in sent if right < t.i < ceiling]
    if _only_modifiers(token, before):
        before = []
    return [trim(part) for part in (before, after) if len([t for t in part if t.is_alpha]) >= 2 and trim(part)]


def _as_clause(token: Token) -> bool:
    """"As The Washington Post reported, …": the clause the "as"-clause hangs on is what was reported.

    Not "…, as negotiations continue", "as Israel continues to …": an "as" of time, and no one speaking."""
    return token.lemma_.lower() != "continue" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < token.i
                                                      for c in token.children)


def _addressed(cue: Token, child: Token) -> bool:
    """"…, he told reporters": the object of a verb of telling is who was told, not what."""
    return child.dep_ in ("dobj", "dative") and cue.lemma_.lower() in ADDRESSEE_LEMMAS and child.pos_ in ("PROPN", "NOUN", "PRON")


def _only_modifiers(cue: Token, words: list[Token]) -> bool:
    """"Asked if he was bullied, he said no", "When the moderator pointed out …, he said": the cue's own adverbial
    clause or phrase before it is a circumstance, not what was said."""
    if not words:
        return False
    inside = {t.i for c in cue.children if c.i < cue.i and (c.dep_ in ("prep", "npadvmod", "advmod") or _circumstance(c))
              for t in c.subtree}
    return all(t.i in inside or t.is_punct or t.is_space or t.dep_ == "cc" for t in words)


def _circumstance(clause: Token) -> bool:
    """An adverbial clause that sets the scene: a bare participle ("Asked if …") or one opened by a subordinator."""
    if clause.dep_ != "advcl":
        return False
    participle = clause.tag_ in ("VBN", "VBG") and not any(c.dep_ in SUBJECTS for c in clause.children)
    opened = clause.left_edge.dep_ in ("mark", "advmod") and clause.left_edge.pos_ in ("SCONJ", "ADV", "ADP")
    return participle or opened


def _clause_before(subject: Token) -> bool:
    """"Bridge to reopen, minister says": a comma right before the subject, after words that make a clause."""
    first = subject.left_edge
    if first.i < 3 or first.nbor(-1).text != "," or first.nbor(-1).i <= first.sent.start + 1:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in first.doc[first.sent.start:first.i])


def _after_colon(token: Token, sent: SpacySpan) -> Range | None:
    """"She said: the plan failed" when the parser did not attach the clause."""
    for t in sent.doc[token.i + 1: min(sent.end, token.i + 6)]:
        if t.text == ":":
            return trim(list(sent.doc[t.i + 1: sent.end]))
    return None


def _subject(token: Token) -> Token | None:
    """The cue's subject, climbing out of participles, infinitives and relative clauses."""
    node = token
    for _ in range(4):
        controller = _object_controller(node)
        if controller is not None:
            return controller
        subj = _nearest_subject(node)
        if subj is not None and node.dep_ == "relcl" and subj.lower_ in _RELATIVE:
            return _undated(node.head)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.lower_ in _EXPLETIVE:
            return _agent(node)
        if subj is not None:
            return subj if subj.lower_ not in _EXPLETIVE or subj.lower_ == "it" and node.lemma_ not in ("be",) else None
        agent = _agent(node)
        if agent is not None:
            return agent
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and node.head.head.pos_ in ("VERB", "AUX") \
                and node.head.dep_ in ("dobj", "attr"):
            node = node.head.head  # "Christie had the courage to demand …": who had it, not the courage
            continue
        if node.dep_ in ("acl",) and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            return None
        node = node.head
    return None


def _object_controller(verb: Token) -> Token | None:
    """"led TNO to conclude", "inspired Sununu to urge", "prompted the ministry to say": the object of the
    governing verb does what the infinitive says, not its subject. Only after a verb that makes someone act:
    "using his platform to criticise", "called a press conference to announce" are the subject's (the parser
    makes either infinitive an ``xcomp`` or a clause of purpose, ``advcl``)."""
    if verb.head.i >= verb.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.lemma_.lower() not in _CONTROL_VERBS:
        return None  # "using his platform to criticise …" is his, not the platform's
    return next((c for c in verb.head.children if c.dep_ == "dobj" and verb.head.i < c.i < verb.i
                 and c.pos_ in ("NOUN", "PROPN")), None)


def _undated(antecedent: Token) -> Token | None:
    """"its opinion from 19 July 2024, which found …": a date is no relative's antecedent; the noun it dates is,
    and where no noun can be found, nobody is (``None``), never the date."""
    node = antecedent
    while node.ent_type_ in ("DATE", "TIME") and node.dep_ == "pobj" and node.head.dep_ == "prep":
        prep, owner = node.head, node.head.head
        if owner.pos_ not in ("NOUN", "PROPN"):
            # "repeated its opinion from 19 July": the verb's object before it, or the noun right before "from"
            # when the parser hung the date on the verb ("dealt with it in its opinion from 19 July")
            before = prep.nbor(-1) if prep.i > 0 else prep
            owner = next((c for c in owner.children if c.dep_ == "dobj" and c.i < prep.i),
                         before if before.pos_ in ("NOUN", "PROPN") else None)
        if owner is None:
            return None
        node = owner
    return None if node.ent_type_ in ("DATE", "TIME") else node


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearest before it ("Salem, [New Hampshire], Trump went …")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not _quoted_before(c, verb)]
    if not subjects:
        # "Munir has over the past few months repeatedly warned that …": the parser hung the subject on "has"
        subjects = [c for a in verb.children if a.dep_ == "aux" and a.i < verb.i for c in a.children
                    if c.dep_ in SUBJECTS and c.i < a.i]
    before = [c for c in subjects if c.i < verb.i]
    after = [c for c in subjects if c.i > verb.i and c.left_edge.i <= verb.i + 2]
    if after and before and verb.i > 0 and verb.nbor(-1).text in (",", "”", '"'):
        return after[0]  # "…, said Alan Abramowitz": the inverted subject, not a clause the parser made one
    if len(before) > 1 and before[-1].i > 0 and before[-1].nbor(-1).text in OPENING_QUOTES:
        return before[-2]  # "Washington, star of “Scandal,” thanked …": a title in quotes is not who speaks
    return before[-1] if before else subjects[0] if subjects else None


def _after_quotation(token: Token) -> bool:
    """"“What if …?” the 43-year-old asked": a participle on the noun right after a quotation is its cue."""
    head = token.head
    if token.dep_ != "acl" or head.i > token.i or token.i - head.i > 1:
        return False
    for t in reversed(token.doc[max(0, head.i - 7):head.i]):
        if t.text in CLOSING_QUOTES:
            return True
        if t.is_punct and t.text not in ("-",) or t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _adjacent_subject(subject: Token) -> Token | None:
    """Another subject of the same verb that ends right where ``subject`` starts (no punctuation between)."""
    if subject.dep_ not in SUBJECTS or subject.left_edge.i == 0:
        return None
    before = subject.doc[subject.left_edge.i - 1]
    twin = next((c for c in subject.head.children if c.dep_ in SUBJECTS and c.i < subject.i and c.right_edge.i == before.i),
                None)
    if twin is None or before.is_punct or before.dep_ == "cc" or twin.right_edge.i - twin.left_edge.i > 10:
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.is_space for t in twin.subtree):
        return None  # "[The general stumped for Clinton …, and] the campaign": a clause, not a title
    return twin


def _quoted_before(subject: Token, verb: Token) -> bool:
    """"“Anybody but Trump,” read a sign": a subject inside the quotation that closes right before the cue."""
    close = closing_quote_before(verb) if subject.i < verb.i else None
    if close is None:
        return False
    opening = next((t for t in reversed(verb.doc[verb.sent.start:close.i]) if t.text in OPENING_QUOTES), None)
    return opening is not None and opening.i < subject.i < close.i


def _passive_participle(token: Token, strict: bool = True) -> bool:
    """A participle clause in the passive with no agent: the noun it hangs on is acted upon, not the speaker.

    ``strict=False`` also takes a participle after its head ("…, he said when asked about …").
    """
    return (token.tag_ == "VBN" and token.dep_ in ("advcl", "acl") and (token.i < token.head.i or not strict)
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj") for c in token.children))


def _relative_subject(token: Token) -> Token | None:
    """The relative pronoun that is the cue's subject ("who" in "Trump, who said …"), if any."""
    node = token
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            return subj if node.dep_ == "relcl" and subj.lower_ in _RELATIVE else None
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            return None
        node = node.head
    return None


def _inverted_object(token: Token, lemma: str) -> Token | None:
    """"…," said a protester: the parser often takes an inverted subject for an object."""
    if lemma in ADDRESSEE_LEMMAS or token.i == 0 or not (token.nbor(-1).is_punct or token.nbor(-1).is_quote):
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    return obj if obj is not None and (obj.pos_ in ("NOUN", "PROPN") or obj.lower_ in ("one", "another")) else None


def _reported_subject(token: Token) -> Range | None:
    """What a passive verb of saying with an agent reports: its subject ("[the move] was reported by MSNBC")."""
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in _EXPLETIVE or subject.lower_ in _RELATIVE or subject.pos_ == "PRON":
        return None
    return source_range(subject, cut_clauses=True)


def _agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _cue_range(token: Token) -> Range:
    """The cue word with its auxiliaries and particle ("has said", "pointed out", "was asked")."""
    start, end = token.i, token.i
    for child in token.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i == start - 1:
            start = child.i
        elif child.dep_ == "prt" and child.i == end + 1:
            end = child.i
    doc = token.doc
    while start > 0 and doc[start - 1].dep_ in ("aux", "auxpass", "neg") and doc[start - 1].head == token:
        start -= 1
    return doc[start].idx, doc[end].idx + len(doc[end])


def addressee_of(token: Token, lemma: str) -> Range | None:
    for child in token.children:
        if lemma in ADDRESSEE_LEMMAS and child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return trim(list(child.subtree))
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return trim(list(pobj.subtree))
    return None


def venue_of(token: Token) -> tuple[Range | None, Range | None]:
    """"in an interview with X", "at a press conference", "on Twitter": the venue, and an addressee it names."""
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in VENUE_PREPS:
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        nouns = {t.lower_ for t in pobj.subtree if t.i <= pobj.i} | {pobj.lemma_.lower()}
        if nouns & VENUE_NOUNS or child.lower_ == "on" and pobj.ent_type_ in ("ORG", "WORK_OF_ART"):
            return trim(list(child.subtree)), _with_object(pobj)
    return None, None


def _with_object(noun: Token) -> Range | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return trim(list(pobj.subtree))
    return None


def _drop_overlaps(att: Attribution, text: str) -> Attribution:
    """A source or addressee inside the content is a parse error: keep the content.

    A venue or addressee that runs into the content ("at a press conference [that …]") is cut before it.
    """
    c0, c1 = att.content
    for name in ("source", "addressee", "venue"):
        r = getattr(att, name)
        if r is None or not (c0 < r[1] and r[0] < c1):
            continue
        if r[0] < c0 and name != "source":
            end = c0
            while end > r[0] and (text[end - 1].isspace() or text[end - 1] in ",;"):
                end -= 1
            for mark in MARKS:
                if text[r[0]:end].endswith(" " + mark):
                    end -= len(mark) + 1
            setattr(att, name, (r[0], end) if end > r[0] else None)
        else:
            setattr(att, name, None)
            if name == "source":
                att.source_head = None
    return att


