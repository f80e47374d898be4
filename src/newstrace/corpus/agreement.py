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
_OPPOSITES = [("rose", "fell"), ("rise", "fall"), ("increase", "decrease"), ("increased", "decreased"),
              ("up", "down"), ("won", "lost"), ("win", "lose"), ("approved", "rejected"), ("gain", "loss"),
              ("higher", "lower"), ("more", "fewer"), ("guilty", "acquitted"), ("confirmed", "denied"),
              ("open", "closed"), ("alive", "dead"), ("grew", "shrank"), ("accepted", "rejected"),
              ("supports", "opposes"), ("support", "oppose"), ("passed", "failed"), ("raised", "cut")]
_OPPOSITE = {a: b for a, b in _OPPOSITES} | {b: a for a, b in _OPPOSITES}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_WORD_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                             .split())} | {"dozen": 12, "hundred": 100}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent|per cent)?\s*"
                     r"(thousand|million|billion|trillion|bn|m|k)?\b", re.I)
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
        dates=frozenset(_YEAR.findall(text)) | frozenset(w for w in words if w in _MONTHS),
        negative=bool(negated) if negated is not None and negations == 0 else negations % 2 == 1,
        polar_words=frozenset(w for w in words if w in _OPPOSITE),
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
        reasons.append("opposite words: " + flipped)
    if similarity >= thresholds.numbers:
        if a.numbers and b.numbers and not _numbers_agree(a.numbers, b.numbers):
            reasons.append(f"numbers differ: {_fmt(a.numbers)} vs {_fmt(b.numbers)}")
        if a.dates and b.dates and not (a.dates & b.dates):
            reasons.append(f"dates differ: {', '.join(sorted(a.dates))} vs {', '.join(sorted(b.dates))}")
    # A negation plus an opposite word cancel out ("did not fall" = "rose").
    flips = (a.negative != b.negative) + bool(flipped)
    if flips % 2 == 1 or any(r.startswith(("numbers", "dates")) for r in reasons):
        return Decision("contradicts", similarity, tuple(reasons))
    return Decision("same", similarity, tuple(reasons) or ("agree on names, numbers, dates and polarity",))


def _names(text: str) -> set[str]:
    found = set()
    for match in _NAME.finditer(text):
        words = [w for w in match.group(0).split() if w.casefold() not in STOPWORDS]
        if match.start() == 0 and len(words) == 1:
            continue  # a capitalised first word is usually just the start of the sentence
        if words:
            found.add(" ".join(words).casefold())
    return found


def _names_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Names agree if any name of one shares a word with a name of the other ('Merkel' ~ 'Angela Merkel')."""
    words_a = {w for n in a for w in n.split()}
    return any(w in words_a for n in b for w in n.split())


def _opposite_words(a: Facts, b: Facts) -> str:
    for word in a.polar_words - b.polar_words:
        if _OPPOSITE[word] in b.polar_words and _OPPOSITE[word] not in a.polar_words:
            return f"{word}/{_OPPOSITE[word]}"
    return ""


def _numbers(text: str) -> list[float]:
    out = []
    for match in _NUMBER.finditer(text):
        digits, percent, scale = match.groups()
        if _YEAR.fullmatch(digits) and not percent and not scale:
            continue  # years are dates
        value = float(digits.replace(",", ""))
        out.append(value * _SCALE.get((scale or "").lower(), 1.0))
    out += [float(v) for w, v in _WORD_NUMBERS.items() if re.search(rf"\b{w}\b", text, re.I) and v > 1]
    return out


def _numbers_agree(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Every number of the claim with fewer numbers appears (within 1%) in the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(math.isclose(x, y, rel_tol=0.01) for y in long_) for x in short)


def _fmt(numbers: tuple[float, ...]) -> str:
    return ", ".join(f"{n:g}" for n in numbers)
