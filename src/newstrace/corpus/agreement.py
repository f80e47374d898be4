"""Do two claims say the same thing, the opposite, or something unrelated?

Rules over what can be compared exactly: the named entities (capitalised names), the numbers (with
scale words and percentages), the dates (years, months, weekdays) and the polarity. Polarity is read on the
clause that holds the claim (``claims.modality.polarity``, on a parse made only when a claim has a negation or
denial word); dates are compared only where both claims date the same event (the parse again). A contradiction
always carries its evidence: the rule and the span of each claim it read. Topical similarity comes from the
caller (MiniLM cosine, else word overlap).
"""
from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass, field
from typing import Literal

from newstrace.corpus.text import STOPWORDS, tokens

Relation = Literal["same", "contradicts", "unrelated"]

# What may negate a claim: its presence is what makes a claim worth parsing for its polarity. A denial verb
# counts when it takes a clause or a report ("denied that", "rejected claims that", "denied paying"), a refusal
# when it takes a verb ("refused to"); "rejected the offer" is a pole of the outcome axis and needs no parse.
_CUE = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|\w+n['’]t|false|untrue|wrong|incorrect|"
    r"inaccurate|baseless|unfounded)\b"
    r"|\b(?:den(?:y|ied|ies|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"disput(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|brush(?:es|ed)? aside)\b(?=\s+(?:\w+\s+){0,3}?(?:that|reports?|"
    r"claims?|allegations?|accusations?|suggestions?|rumou?rs?|criticism|concerns?|calls?|\w+ing)\b)"
    r"|\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing)?)\s+to\b", re.I)
# Opposite poles of one axis: a claim on one pole and a claim on the other disagree.
_AXES = {
    "direction": ("rise rises rose risen rising increase increased increases grew grow grows up higher gain gained "
                  "jumped soared climbed more",
                  "fall falls fell fallen falling decrease decreased decreases shrank shrink drop dropped down lower "
                  "loss lost declined plunged slumped fewer less"),
    "outcome": ("won win wins victory passed approved approve approves accepted accept confirmed confirm",
                "lost lose loses defeat failed rejected reject rejects refused denied deny"),
    "verdict": ("guilty convicted", "acquitted innocent cleared"),
    "state": ("open opened alive", "closed shut dead"),
    "stance": ("support supports supported backed favour favor", "oppose opposes opposed"),
}
_POLE = {word: (axis, sign) for axis, poles in _AXES.items() for sign, words in enumerate(poles)
         for word in words.split()}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_WORD_NUMBERS = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"dozen": 12, "hundred": 100}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent|per cent)?\s*"
                     r"(thousand|million|billion|trillion|bn|m|k)?\b", re.I)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[- ](" +
                          "|".join(_UNITS[1:10]) + r"))?\b|\b(" +
                          "|".join(w for w, v in _WORD_NUMBERS.items() if 1 < v < 20 or w in ("dozen", "hundred"))
                          + r")\b", re.I)
_MONTHS = ("january february march april may june july august september october november december "
           "monday tuesday wednesday thursday friday saturday sunday").split()
_DATE_WORD = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w'’-]+)*")

Place = tuple[int, int]  # character offsets into the claim's text


@dataclass(frozen=True, slots=True)
class Facts:
    """What a claim states that can be compared exactly, with where each thing is in its text."""

    words: frozenset[str]
    names: frozenset[str]
    numbers: tuple[float, ...]
    dates: frozenset[str]
    negative: bool  # the lexical reading; ``polarity_of`` gives the one decisions use
    polar_words: frozenset[str]
    text: str = ""
    number_places: tuple[Place, ...] = ()
    date_places: tuple[tuple[str, int, int], ...] = ()
    polar_places: tuple[tuple[str, int, int], ...] = ()
    cued: bool = False  # has a word that may negate it: worth a parse


@dataclass(frozen=True, slots=True)
class Decision:
    relation: Relation
    similarity: float
    reasons: tuple[str, ...] = field(default_factory=tuple)
    # For a contradiction: per rule, the span of each claim it rests on ({"rule", "claim", "other"}).
    evidence: tuple[dict, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Similarity needed to call two claims about the same thing (word overlap or MiniLM cosine)."""

    related: float = 0.45
    numbers: float = 0.55  # numbers/dates only contradict when the claims are this close otherwise
    # Word overlap cannot tell "approved the budget" from "the budget will have twelve lines": it also asks
    # for the claims' predicates to correspond. MiniLM weighs the predicate itself.
    predicates: bool = True


LEXICAL = Thresholds()
SEMANTIC = Thresholds(related=0.62, numbers=0.7, predicates=False)


@dataclass(frozen=True, slots=True)
class ClausePolarity:
    """A claim's polarity for comparison: negated or not, the rule, the cue's place and the predicate's."""

    negative: bool
    rule: str = ""
    cue: Place | None = None
    head: Place | None = None
    cue_word: str = ""


def facts(text: str, negated: bool | None = None) -> Facts:
    """The comparable facts of a claim. ``negated`` (the stored flag) is not used for decisions: the text is
    read again with the clause-scoped rules, so claims stored before those rules are judged the same way."""
    lowered = text.casefold().replace("’", "'")
    words = re.findall(r"[a-z']+", lowered)
    numbers = _numbers(text)
    dates = [(f"year:{m.group(1)}", m.start(), m.end()) for m in _YEAR.finditer(text)]
    dates += [(f"{'day' if m.group(1).lower().endswith('day') else 'month'}:{m.group(1).lower()}",
               m.start(), m.end()) for m in _DATE_WORD.finditer(text) if _is_date_word(text, m)]
    polar = [(f"{_POLE[m.group(0).lower()][0]}:{_POLE[m.group(0).lower()][1]}", m.start(), m.end())
             for m in re.finditer(r"[A-Za-z']+", text) if m.group(0).lower() in _POLE]
    cued = _CUE.search(text) is not None
    return Facts(
        words=frozenset(t for t in tokens(text) if not t[0].isdigit()),
        names=frozenset(_names(text)),
        numbers=tuple(v for v, _, _ in numbers),
        dates=frozenset(d for d, _, _ in dates),
        negative=bool(negated) if negated is not None and not cued else _lexical_negative(words),
        polar_words=frozenset(p for p, _, _ in polar),
        text=text, number_places=tuple((s, e) for _, s, e in numbers), date_places=tuple(dates),
        polar_places=tuple(polar), cued=cued,
    )


def word_similarity(a: Facts, b: Facts) -> float:
    """Cosine of the two claims' word sets (numbers left out: they are compared on their own)."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))


def decide(a: Facts, b: Facts, similarity: float, thresholds: Thresholds = LEXICAL) -> Decision:
    """same / contradicts / unrelated, with the reasons and, for a contradiction, the evidence."""
    cheap = unrelated_at_a_glance(a, b, similarity, thresholds)
    if cheap is not None:
        return cheap
    if thresholds.predicates and not predicates_correspond(a, b):
        return Decision("unrelated", similarity, ("different predicates (not the same claim)",))
    pa, pb = polarity_of(a), polarity_of(b)
    flipped = _opposite_words(a, b, pa, pb)
    evidence: list[dict] = []
    # A negation plus an opposite word cancel out ("did not fall" = "rose").
    if (pa.negative != pb.negative) + bool(flipped) == 1:
        evidence.append(_polarity_evidence(a, b, pa, pb) if pa.negative != pb.negative else flipped)
    dates = _date_evidence(a, b)
    if dates and dates["rule"] == "different events":
        return Decision("unrelated", similarity, (dates["reason"],))
    if dates:
        evidence.append(dates)
    if a.numbers and b.numbers and not _numbers_agree(a.numbers, b.numbers):
        evidence.append(_number_evidence(a, b))
    if evidence:
        return Decision("contradicts", similarity, tuple(e["reason"] for e in evidence), tuple(evidence))
    reasons = ["negated alike"] if pa.negative and pb.negative else []
    return Decision("same", similarity, tuple(reasons) or ("agree on names, numbers, dates and polarity",))


def unrelated_at_a_glance(a: Facts, b: Facts, similarity: float, thresholds: Thresholds = LEXICAL) -> Decision | None:
    """The ``unrelated`` decisions that need no parse (topic, names, figures on claims not close enough), else None."""
    if similarity < thresholds.related:
        return Decision("unrelated", similarity, ("different topic",))
    if a.names and b.names and not _names_overlap(a.names, b.names):
        return Decision("unrelated", similarity, ("different names: " + ", ".join(sorted(a.names ^ b.names)),))
    figures = a.numbers and b.numbers and not _numbers_agree(a.numbers, b.numbers)
    if (figures or _differing_date_kind(a, b)) and similarity < thresholds.numbers:
        # Too far apart to say the differing figure is the same figure: not the same claim either.
        return Decision("unrelated", similarity, ("numbers or dates differ on claims not close enough",))
    return None


def texts_to_parse(a: Facts, b: Facts, similarity: float, thresholds: Thresholds = LEXICAL) -> set[str]:
    """The claim texts ``decide`` will parse for this pair (for ``prepare``, which parses them in one batch)."""
    if unrelated_at_a_glance(a, b, similarity, thresholds) is not None:
        return set()
    if _differing_date_kind(a, b) and not _same_but_dates(a, b):
        return {a.text, b.text}
    found = {f.text for f in (a, b) if f.cued}
    if thresholds.predicates and not (a.words <= b.words or b.words <= a.words) \
            and not _verb_of_first_in_second(a, b):
        found |= {a.text, b.text}
    return found


def _differing_date_kind(a: Facts, b: Facts) -> str:
    """The first of year, month, weekday that both claims give with no value shared, or ''."""
    for kind in ("year", "month", "day"):
        mine = {d for d in a.dates if d.startswith(kind + ":")}
        theirs = {d for d in b.dates if d.startswith(kind + ":")}
        if mine and theirs and not mine & theirs:
            return kind
    return ""


def polarity_of(f: Facts) -> ClausePolarity:
    """The clause-scoped polarity of a claim (a parse only when it has a negation or denial word)."""
    if not f.cued:
        return ClausePolarity(False)
    return _parsed_polarity(f.text)


@functools.lru_cache(maxsize=65536)
def _parsed_polarity(text: str) -> ClausePolarity:
    from newstrace.claims.modality import polarity

    doc = _parse(text)
    if doc is None:
        words = re.findall(r"[a-z']+", text.casefold())
        return ClausePolarity(_lexical_negative(words), "negation word" if _lexical_negative(words) else "")
    found = polarity(doc[:])
    cue_word = text[found.cue[0]:found.cue[1]].casefold() if found.cue else ""
    return ClausePolarity(found.negative, found.rule, found.cue, found.head, cue_word)


_parsed: dict[str, object] = {}  # text -> Doc, the most recent _PARSED_MAX
_PARSED_MAX = 65536


def _remember(text: str, doc) -> None:
    if len(_parsed) >= _PARSED_MAX:
        _parsed.pop(next(iter(_parsed)))
    _parsed[text] = doc


def _parse(text: str):
    """The spaCy parse of a claim, or None without the model (the lexical reading is used then)."""
    if text in _parsed:
        return _parsed[text]
    doc = _parse_one(text)
    _remember(text, doc)
    return doc


def _parse_one(text: str):
    from newstrace.errors import ModelMissing
    from newstrace.nlp.model import load_nlp

    try:
        return load_nlp()(text, disable=["ner"])
    except ModelMissing:
        return None


def prepare(texts) -> None:
    """Parse, in one batch, the claims among ``texts`` that decisions may parse (faster than one by one)."""
    from newstrace.errors import ModelMissing
    from newstrace.nlp.model import load_nlp

    todo = list(dict.fromkeys(t for t in texts if t not in _parsed))
    if not todo:
        return
    try:
        docs = load_nlp().pipe(todo, batch_size=256, disable=["ner"])
    except ModelMissing:
        return
    for text, doc in zip(todo, docs):
        _remember(text, doc)


# Predicates news writers use for one another ("approved" / "voted through", "killed" / "left dead").
_PREDICATE_GROUPS = [set(g.split()) for g in (
    "approve pass adopt back vote endorse ratify", "kill die dead death", "arrest detain hold seize",
    "cut axe shed eliminate lose go", "rise increase grow climb gain jump soar go", "fall drop decline decrease "
    "slump plunge shrink ease slow", "pay give provide fund spend receive allocate", "announce say declare "
    "confirm", "open launch start begin", "close shut", "sentence jail imprison convict", "find convict guilty",
    "evacuate move flee leave", "resign quit step", "ban prohibit outlaw", "fine penalise penalize hit",
    "win defeat beat", "sign become", "reject refuse oppose decline", "injure hurt wound", "withdraw leave pull",
    "destroy burn damage", "march protest demonstrate", "deliver ship sell", "create add hire", "reach hit",
    "knock lose cut", "pull find rescue save", "phase stop end halt scrap", "accept reject refuse",
    "acquit clear convict find", "hold stage", "fine hit",
)]
_LIGHT_VERBS = {"be", "do", "say", "tell", "add", "report", "state", "will", "would", "can", "could", "may", "might",
                "must", "should", "accord"}


def predicates_correspond(a: Facts, b: Facts) -> bool:
    """True when a content predicate of one claim is a word of the other, or both use predicates of one group;
    also when one has no content predicate ("three patients are in critical condition")."""
    if a.words <= b.words or b.words <= a.words:
        return True  # one says nothing the other does not: no parse needed
    if _verb_of_first_in_second(a, b):
        return True  # found without parsing the second claim
    verbs_a, lemmas_a = _predicates(a.text)
    verbs_b, lemmas_b = _predicates(b.text)
    if not verbs_a or not verbs_b or _any_word_in(verbs_a, lemmas_b) or _any_word_in(verbs_b, lemmas_a):
        return True
    if {_POLE[v][0] for v in verbs_a if v in _POLE} & {_POLE[v][0] for v in verbs_b if v in _POLE}:
        return True  # "rose" / "fell": one axis, a contradiction to weigh, not another claim
    return any(g & verbs_a and g & (verbs_b | lemmas_b) or g & verbs_b and g & lemmas_a for g in _PREDICATE_GROUPS)


def _verb_of_first_in_second(a: Facts, b: Facts) -> bool:
    """A content verb of ``a`` (parsed) among the words of ``b`` (not parsed), or ``a`` has none."""
    verbs_a, _ = _predicates(a.text)
    return not verbs_a or _any_word_in(verbs_a, b.words)


def _any_word_in(verbs: frozenset[str], words: frozenset[str]) -> bool:
    """A verb found among the words, allowing an inflection the lemmatiser missed ("fined" / "fine")."""
    return bool(verbs & words) or any(_same_stem(v, w) for v in verbs for w in words)


def _same_stem(a: str, b: str) -> bool:
    shared = len(os.path.commonprefix([a, b]))
    return shared >= 4 and shared >= min(len(a), len(b)) - 1


@functools.lru_cache(maxsize=65536)
def _predicates(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content verbs of a claim (lemmas, reporting and light verbs left out) and all its lemmas."""
    doc = _parse(text)
    if doc is None:
        return frozenset(), frozenset()
    lemmas = frozenset(t.lemma_.lower() for t in doc if t.is_alpha) | frozenset(t.lower_ for t in doc)
    verbs = frozenset(w for t in doc if t.pos_ == "VERB" and t.lemma_.lower() not in _LIGHT_VERBS
                      for w in (t.lemma_.lower(), t.lower_))
    return verbs, lemmas


def _lexical_negative(words: list[str]) -> bool:
    """Without a parse: an odd count of plain negation words, "not only" not counted."""
    count = sum(1 for i, w in enumerate(words) if (w in ("not", "no", "never", "nobody", "nothing", "none")
                                                   or w.endswith("n't"))
                and not (i + 1 < len(words) and words[i + 1] in ("only", "just", "merely")))
    return count % 2 == 1


def _polarity_evidence(a: Facts, b: Facts, pa: ClausePolarity, pb: ClausePolarity) -> dict:
    negative = pa if pa.negative else pb
    rule = {"denial": "a denial disputes what the other asserts", "refusal": "one says it was refused",
            "no-argument": "one says none", "negation": "one is negated"}.get(negative.rule, "one is negated")
    # the affirmative side was not parsed (no negation word): parse it now, to point at its predicate
    where_a = _cue_to_head(pa) or _parsed_polarity(a.text).head
    where_b = _cue_to_head(pb) or _parsed_polarity(b.text).head
    return {"rule": "polarity", "reason": rule, "claim": _place(a.text, where_a), "other": _place(b.text, where_b)}


def _cue_to_head(p: ClausePolarity) -> Place | None:
    """From the negation cue to the predicate it negates ("not approve", "No one was injured")."""
    places = [w for w in (p.cue, p.head) if w is not None]
    return (min(w[0] for w in places), max(w[1] for w in places)) if places else None


def _number_evidence(a: Facts, b: Facts) -> dict:
    mine = [(s, e) for (s, e), v in zip(a.number_places, a.numbers) if not any(_close(v, w) for w in b.numbers)]
    theirs = [(s, e) for (s, e), v in zip(b.number_places, b.numbers) if not any(_close(v, w) for w in a.numbers)]
    return {"rule": "numbers", "reason": f"numbers differ: {_fmt(a.numbers)} vs {_fmt(b.numbers)}",
            "claim": _place(a.text, (mine or list(a.number_places))[0]),
            "other": _place(b.text, (theirs or list(b.number_places))[0])}


def _date_evidence(a: Facts, b: Facts) -> dict | None:
    """Years, months and weekdays compared kind by kind where both give one and none is shared; only when both
    date the same event ("voted on Wednesday" and "will review on Friday" date two events: unrelated)."""
    for kind in ("year", "month", "day"):
        mine = [d for d in a.date_places if d[0].startswith(kind + ":")]
        theirs = [d for d in b.date_places if d[0].startswith(kind + ":")]
        if not mine or not theirs or {d[0] for d in mine} & {d[0] for d in theirs}:
            continue
        values = f"{', '.join(sorted({d[0].split(':')[1] for d in mine}))} vs " \
                 f"{', '.join(sorted({d[0].split(':')[1] for d in theirs}))}"
        if _same_but_dates(a, b):
            return {"rule": "dates", "reason": f"dates differ ({values}) in claims otherwise word for word alike",
                    "claim": _place(a.text, mine[0][1:]), "other": _place(b.text, theirs[0][1:])}
        events_a = {_event(a.text, d) for d in mine} - {None}
        events_b = {_event(b.text, d) for d in theirs} - {None}
        if not events_a or not events_b:
            # what a date dates is unknown: neither a contradiction nor, with dates that differ, the same claim
            return {"rule": "different events", "reason": f"dates differ ({values}) and what they date is unclear"}
        if not events_a & events_b:
            return {"rule": "different events",
                    "reason": f"they date different events ({', '.join(sorted(events_a))} vs "
                              f"{', '.join(sorted(events_b))})"}
        shared = sorted(events_a & events_b)[0]
        return {"rule": "dates", "reason": f"dates of the same event ({shared}) differ: {values}",
                "claim": _place(a.text, mine[0][1:]), "other": _place(b.text, theirs[0][1:])}
    return None


def _same_but_dates(a: Facts, b: Facts) -> bool:
    """The two claims use the same words once dates and figures are set aside: their dates date one event."""
    return a.words - _DATE_WORDS == b.words - _DATE_WORDS


_DATE_WORDS = frozenset(_MONTHS)


def _event(text: str, date: tuple[str, int, int]) -> str | None:
    """The lemma of the verb a date hangs from ("open" in "would open by 2020", "stay" in "stay closed until
    May"), or ``be:SUBJECT`` for a copula ("the vote was on Friday")."""
    doc = _parse(text)
    if doc is None:
        return None
    span = doc.char_span(date[1], date[2], alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.lemma_ == "be":
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return f"be:{subject.lemma_.lower()}" if subject is not None else None
    return tok.lemma_.lower()


def _place(text: str, where: Place | None) -> dict:
    if where is None:
        return {"text": text, "start": 0, "end": len(text)}
    start, end = where
    return {"text": text[start:end], "start": start, "end": end}


def _is_date_word(text: str, match: re.Match) -> bool:
    """ "May" the month, not "may" the verb (lower case) nor "May" opening a sentence before a verb."""
    word = match.group(1)
    return word[0].isupper() and not (word.lower() == "may" and match.start() == 0)


def _names(text: str) -> set[str]:
    found = set()
    for match in _NAME.finditer(text):
        raw = match.group(0).split()
        if match.start() == 0 and len(raw) == 1:
            continue  # a capitalised first word is usually just the start of the sentence
        words = [re.sub(r"['’]s$", "", w) for w in raw if w.casefold() not in STOPWORDS and w.casefold() not in _MONTHS]
        if words:
            found.add(" ".join(words).casefold())
    # 'Jason' after 'Jason Goldman' is the same person again, not another name.
    return {n for n in found if not any(set(n.split()) < set(m.split()) for m in found)}


def _names_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Names agree when (nearly) every name of the claim naming fewer is found in the other; a name is found
    when its words are part of one of the other's names or the other way round ('Merkel' ~ 'Angela Merkel',
    but 'Jesse Lee' is not 'Kristin Lee')."""
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    others = [set(n.split()) for n in more]
    missing = sum(1 for n in fewer if not any(set(n.split()) <= o or o <= set(n.split()) for o in others))
    return missing <= len(fewer) // 3


def _opposite_words(a: Facts, b: Facts, pa: ClausePolarity, pb: ClausePolarity) -> dict | None:
    """Evidence that the claims sit at opposite poles of one axis (each on one pole only), or None. A word that
    already counted as the claim's negation ("denied reports that …") is not counted again as a pole."""
    poles_a = _poles(a, pa)
    poles_b = _poles(b, pb)
    for pole, (start, end) in poles_a.items():
        axis, sign = pole.split(":")
        other = f"{axis}:{1 - int(sign)}"
        if other in poles_b and other not in poles_a and pole not in poles_b:
            return {"rule": "opposite words", "reason": f"opposite words ({axis})",
                    "claim": _place(a.text, (start, end)), "other": _place(b.text, poles_b[other])}
    return None


def _poles(f: Facts, p: ClausePolarity) -> dict[str, Place]:
    return {pole: (s, e) for pole, s, e in f.polar_places if not (p.cue and (s, e) == p.cue)}


def _numbers(text: str) -> list[tuple[float, int, int]]:
    out = []
    for match in _NUMBER.finditer(text):
        digits, percent, scale = match.groups()
        if _YEAR.fullmatch(digits) and not percent and not scale:
            continue  # years are dates
        value = float(digits.replace(",", ""))
        out.append((value * _SCALE.get((scale or "").lower(), 1.0), match.start(),
                    match.start() + len(match.group(0).rstrip())))
    for match in _NUMBER_WORD.finditer(text):
        tens, unit, small = match.groups()
        value = _TENS[tens.casefold()] + (_UNITS.index(unit.casefold()) if unit else 0) if tens \
            else _WORD_NUMBERS[small.casefold()]
        out.append((float(value), match.start(), match.end()))
    return sorted(out, key=lambda n: n[1])


def _close(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=0.01)


def _numbers_agree(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Every number of the claim with fewer numbers appears (within 1%) in the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_close(x, y) for y in long_) for x in short)


def _fmt(numbers: tuple[float, ...]) -> str:
    return ", ".join(f"{n:g}" for n in numbers)
