"""Do two claims say the same thing, the opposite, or something unrelated?

Rules over what can be compared exactly: the named entities (capitalised names), the numbers (with
scale words and percentages), the dates (years, months, weekdays) and the polarity (negation words and
opposite verbs). Topical similarity comes from the caller (MiniLM cosine, else word overlap).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal

from newstrace.corpus.text import STOPWORDS, tokens

Relation = Literal["same", "contradicts", "unrelated"]

_NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot n't deny denied denies "
                       "false untrue refused refuses declined".split())
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
_WORD_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                             .split())} | {"dozen": 12, "hundred": 100}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent|per cent)?\s*"
                     r"(thousand|million|billion|trillion|bn|m|k)?\b", re.I)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(w for w, v in _WORD_NUMBERS.items() if v > 1) + r")\b", re.I)
_MONTHS = ("january february march april may june july august september october november december "
           "monday tuesday wednesday thursday friday saturday sunday").split()
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w'’-]+)*")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a claim states that can be compared exactly."""

    words: frozenset[str]
    names: frozenset[str]
    numbers: tuple[float, ...]
    dates: frozenset[str]
    negative: bool
    polar_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Decision:
    relation: Relation
    similarity: float
    reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Similarity needed to call two claims about the same thing (word overlap or MiniLM cosine)."""

    related: float = 0.45
    numbers: float = 0.55  # numbers/dates only contradict when the claims are this close otherwise


LEXICAL = Thresholds()
SEMANTIC = Thresholds(related=0.62, numbers=0.7)


def facts(text: str, negated: bool | None = None) -> Facts:
    lowered = text.casefold().replace("’", "'")
    words = re.findall(r"[a-z']+", lowered)
    negations = sum(1 for w in words if w in _NEGATIONS or w.endswith("n't"))
    return Facts(
        words=frozenset(t for t in tokens(text) if not t[0].isdigit()),
        names=frozenset(_names(text)),
        numbers=tuple(_numbers(text)),
        dates=frozenset(f"year:{y}" for y in _YEAR.findall(text)) | frozenset(
            f"{'day' if w.endswith('day') else 'month'}:{w}" for w in words if w in _MONTHS),
        negative=bool(negated) if negated is not None and negations == 0 else negations % 2 == 1,
        polar_words=frozenset(f"{_POLE[w][0]}:{_POLE[w][1]}" for w in words if w in _POLE),
    )


def word_similarity(a: Facts, b: Facts) -> float:
    """Cosine of the two claims' word sets (numbers left out: they are compared on their own)."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))


def decide(a: Facts, b: Facts, similarity: float, thresholds: Thresholds = LEXICAL) -> Decision:
    """same / contradicts / unrelated, with the reasons a person can check."""
    if similarity < thresholds.related:
        return Decision("unrelated", similarity, ("different topic",))
    if a.names and b.names and not _names_overlap(a.names, b.names):
        return Decision("unrelated", similarity, ("different names: " + ", ".join(sorted(a.names ^ b.names)),))
    reasons = []
    if a.negative != b.negative:
        reasons.append("one is negated")
    flipped = _opposite_words(a, b)
    if flipped:
        reasons.append("opposite words (" + flipped + ")")
    if similarity >= thresholds.numbers:
        if a.numbers and b.numbers and not _numbers_agree(a.numbers, b.numbers):
            reasons.append(f"numbers differ: {_fmt(a.numbers)} vs {_fmt(b.numbers)}")
        differing = _differing_dates(a.dates, b.dates)
        if differing:
            reasons.append(f"dates differ: {differing}")
    # A negation plus an opposite word cancel out ("did not fall" = "rose").
    flips = (a.negative != b.negative) + bool(flipped)
    if flips % 2 == 1 or any(r.startswith(("numbers", "dates")) for r in reasons):
        return Decision("contradicts", similarity, tuple(reasons))
    return Decision("same", similarity, tuple(reasons) or ("agree on names, numbers, dates and polarity",))


def _differing_dates(a: frozenset[str], b: frozenset[str]) -> str:
    """Years, months and weekdays compared kind by kind: both give one and none is shared."""
    for kind in ("year", "month", "day"):
        mine = {d[len(kind) + 1:] for d in a if d.startswith(kind + ":")}
        theirs = {d[len(kind) + 1:] for d in b if d.startswith(kind + ":")}
        if mine and theirs and not mine & theirs:
            return f"{', '.join(sorted(mine))} vs {', '.join(sorted(theirs))}"
    return ""


def _names(text: str) -> set[str]:
    found = set()
    for match in _NAME.finditer(text):
        raw = match.group(0).split()
        if match.start() == 0 and len(raw) == 1:
            continue  # a capitalised first word is usually just the start of the sentence
        words = [w for w in raw if w.casefold() not in STOPWORDS and w.casefold() not in _MONTHS]
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


def _opposite_words(a: Facts, b: Facts) -> str:
    """The axis on which the claims sit at opposite poles (each on one pole only), or ''."""
    for pole in a.polar_words - b.polar_words:
        axis, sign = pole.split(":")
        other = f"{axis}:{1 - int(sign)}"
        if other in b.polar_words and other not in a.polar_words:
            return axis
    return ""


def _numbers(text: str) -> list[float]:
    out = []
    for match in _NUMBER.finditer(text):
        digits, percent, scale = match.groups()
        if _YEAR.fullmatch(digits) and not percent and not scale:
            continue  # years are dates
        value = float(digits.replace(",", ""))
        out.append(value * _SCALE.get((scale or "").lower(), 1.0))
    out += [float(_WORD_NUMBERS[w.casefold()]) for w in _NUMBER_WORD.findall(text)]
    return out


def _numbers_agree(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Every number of the claim with fewer numbers appears (within 1%) in the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(math.isclose(x, y, rel_tol=0.01) for y in long_) for x in short)


def _fmt(numbers: tuple[float, ...]) -> str:
    return ", ".join(f"{n:g}" for n in numbers)
