"""The role tagger's findings merged into the rules' attributions.

The tagger labels tokens; the rules know which source, cue and content belong together. So the tagger's
spans refine the rules' where they overlap (a cue widened to its verb group, "said in a statement"; a source
with its description), and a cue span the rules did not find becomes a new attribution when the tagger also
marks a content for it in the same sentence, with the nearest unclaimed source span as its source.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.tokens import Doc

from newstrace.quotes.attribution import Attribution, Range
from newstrace.quotes.cuespan import widen_cues
from newstrace.quotes.cues import NOT_SAYING_LEMMAS, cross_reference
from newstrace.quotes.indirect import a_plea, addressee_of, the_authors_aside, venue_of, withheld
from newstrace.quotes.nesting import resolve_nesting
from newstrace.quotes.phrases import trim
from newstrace.quotes.tagger import ROLES, TAGS

SOURCE, CUE, CONTENT = (ROLES.index(r) + 1 for r in ROLES)
# Attributions only the tagger found are PolNeAR's wider notion (stances, perceptions, expectations; about half
# of them right on held-out PolNeAR texts): their confidence stays below every rule's but a speakerless quotation's.
TAGGER_CONFIDENCE = (0.05, 0.4)  # confidence = a + b * the cue span's mean probability, at most 0.45


def tagger_confidence(probability: float) -> float:
    a, b = TAGGER_CONFIDENCE
    return round(a + b * probability, 2)


_QUOTES = frozenset('"“”‘’«»')


@dataclass(slots=True)
class TagSpan:
    """A run of tokens ``[start, end)`` the tagger gives one role, and the mean probability of that role."""

    role: int
    start: int
    end: int
    probability: float
    claimed: bool = False


def tag_spans(doc: Doc, probs: np.ndarray) -> list[TagSpan]:
    """Runs of tokens with the same role, from the best tag sequence in which every ``I-`` tag continues its role.

    White space ends a run.
    """
    tags = decode(probs)
    space = doc.to_array([IS_SPACE]).reshape(-1).astype(bool)
    spans: list[TagSpan] = []
    current: TagSpan | None = None
    for i in np.nonzero(tags)[0].tolist():
        tag = int(tags[i])
        role = tag - 3 if tag > 3 else tag
        if space[i]:
            current = None
            continue
        if current is None or current.end != i or current.role != role or tag > 3:
            current = TagSpan(role, i, i + 1, 0.0)
            spans.append(current)
        current.end = i + 1
    for span in spans:
        rows = probs[span.start:span.end]
        span.probability = float(np.mean(rows[:, span.role] + rows[:, span.role + 3]))
    return spans


# allowed[a, b]: tag b may follow tag a (an inside tag only continues its own role)
_ALLOWED = np.ones((len(TAGS), len(TAGS)), bool)
for _b in (1, 2, 3):
    _ALLOWED[:, _b] = False
    _ALLOWED[[_b, _b + 3], _b] = True
_START = np.array([True, False, False, False, True, True, True])
_IMPOSSIBLE = -1e9


def decode(probs: np.ndarray) -> np.ndarray:
    """The most probable tag of each token; where that breaks the BIO constraints, the best valid sequence of
    the stretch between two outside tokens (``viterbi``), so that every ``I-`` tag continues its role."""
    tags = probs.argmax(1)
    role = np.where(tags > 3, tags - 3, tags)
    broken = np.nonzero((tags >= 1) & (tags <= 3) & (np.concatenate([[0], role[:-1]]) != role))[0]
    outside = np.nonzero(tags == 0)[0]
    done = -1
    for i in broken:
        if i <= done:
            continue
        k = np.searchsorted(outside, i)
        start = outside[k - 1] + 1 if k > 0 else 0
        end = outside[k] if k < len(outside) else len(tags)
        tags[start:end] = viterbi(probs[start:end])
        done = end
    return tags


def viterbi(probs: np.ndarray) -> np.ndarray:
    """The most probable tag sequence under the BIO constraints (independent token probabilities)."""
    n = len(probs)
    if not n:
        return np.zeros(0, np.int64)
    logp = np.log(np.maximum(probs, 1e-12))
    penalty = np.where(_ALLOWED, 0.0, _IMPOSSIBLE)
    score = logp[0] + np.where(_START, 0.0, _IMPOSSIBLE)
    back = np.zeros((n, len(TAGS)), np.int64)
    for t in range(1, n):
        total = score[:, None] + penalty
        back[t] = total.argmax(0)
        score = total.max(0) + logp[t]
    tags = np.zeros(n, np.int64)
    tags[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        tags[t - 1] = back[t, tags[t]]
    return tags


def merge(doc: Doc, text: str, atts: list[Attribution], probs: np.ndarray) -> list[Attribution]:
    """The rules' attributions with the tagger's extents, plus the attributions only the tagger found (never inside
    a quotation or a transcript turn: those are the speaker's own words)."""
    spans = tag_spans(doc, probs)
    token_at = _token_index(doc)
    for att in atts:
        if att.cue is None or att.follows is not None or att.inferred:
            continue
        cue = _overlapping(spans, CUE, att.cue, token_at)
        if not cue:
            continue
        for span in cue:
            span.claimed = True
        best = min(cue, key=lambda s: abs(s.start - token_at(att.cue[0])))
        _refine_source(doc, att, spans, token_at)
        _refine_content(doc, att, spans, token_at)
        att.cue = _cue_range(doc, best, att.content, att.extra.get("mention", att.source)) or att.cue
    widen_cues(doc, text, atts)  # the verb group: auxiliaries, adverbs, a particle before the content
    quoted = [a.content for a in atts if a.kind == "direct"]
    sentence_of = _sentence_index(doc)
    found = [a for a in (_new_attribution(doc, text, span, spans, sentence_of) for span in spans
                         if span.role == CUE and not span.claimed)
             if a is not None and not any(c[0] <= a.cue[0] and a.cue[1] <= c[1] for c in quoted)]
    if not found:
        return atts
    return sorted(resolve_nesting(atts + found), key=lambda a: (a.content[0], a.cue[0] if a.cue else -1))


def _cue_range(doc: Doc, cue: TagSpan, *parts: Range | None) -> Range | None:
    """The cue span's range without a preposition of time left hanging at its end ("said on" of "said on Monday"),
    unless the content or the source starts right after it."""
    end = cue.end
    while end - 1 > cue.start and _dangling_time(doc[end - 1], end):
        after = doc[end - 1].idx + len(doc[end - 1])
        if any(p is not None and p[0] >= 0 and 0 <= p[0] - after <= 1 for p in parts):
            break
        end -= 1
    return _range(doc, cue.start, end)


def _dangling_time(token, end: int) -> bool:
    objects = [c for c in token.children if c.dep_ == "pobj"]
    timed = all(c.i >= end and c.ent_type_ in ("DATE", "TIME") for c in objects)
    return token.pos_ == "ADP" and bool(objects) and timed


def _refine_content(doc: Doc, att: Attribution, spans: list[TagSpan], token_at) -> None:
    """Reported speech takes the tagger's extent where it overlaps; a quotation keeps its marks' extent."""
    if att.content is None or att.content[0] < 0 or att.kind != "indirect":
        return
    claimed = _claim(spans, CONTENT, att.content, token_at)
    if claimed is None:
        return
    start, end = claimed
    phrase = _phrase(doc, att.content, token_at)
    root = phrase.root
    if not start <= root.i < end:
        return  # the tagger marked a piece of the content, not the clause ("The projected cost" of "… is $2bn")
    if att.cue is not None and _phrase(doc, att.cue, token_at).root.pos_ in ("NOUN", "PROPN"):
        # a nominal cue's content is the noun's own clause, not its sentence ("X's claim that … was disputed")
        start = max(start, min(phrase.start, root.left_edge.i))
        end = min(end, max(phrase.end, root.right_edge.i + 1))
    new = _range(doc, start, end)
    if new is not None:
        att.content = new


_MODIFIERS = frozenset("det amod compound poss nummod quantmod nmod advmod predet".split())


def _refine_source(doc: Doc, att: Attribution, spans: list[TagSpan], token_at) -> None:
    """The tagger's source span where it overlaps the rules' source mention, within the mention's phrase."""
    mention = att.extra.get("mention", att.source)
    if mention is None:
        return
    claimed = _claim(spans, SOURCE, mention, token_at)
    if claimed is None:
        return
    start, end = claimed
    first, last = token_at(mention[0]), token_at(mention[1] - 1)
    if att.source_head is not None and "mention" not in att.extra:
        # the tagger may widen a source within its phrase, never over a neighbouring one ("to the Courier, her adviser")
        phrase = doc[att.source_head]
        first, last = min(first, phrase.left_edge.i), max(last, phrase.right_edge.i)
    start, end = max(start, first), min(end, last + 1)
    for other in (att.addressee, att.venue, att.cue):
        if other is not None and start < end and doc[start].idx < other[1] and other[0] < doc[end - 1].idx + 1:
            # never over the addressee, venue or cue ("Moreno to Farm Union:")
            start, end = (start, token_at(other[0])) if other[0] > mention[0] else (token_at(other[1] - 1) + 1, end)
    if start >= end:
        return
    if token_at(mention[0]) < start <= token_at(mention[1] - 1):
        start = token_at(mention[0])  # a source keeps the words the rules put before its head
    head = att.source_head if att.source_head is not None and "mention" not in att.extra else None
    if head is None or not first <= head <= last:
        head = _phrase(doc, mention, token_at).root.i
    start, end = min(start, head), max(end, head + 1)  # never less than the head ("a" of "a group")
    while end - 1 > start and doc[end - 1].tag_ == "POS":
        end -= 1  # "The governor" of "The governor's claim"
    root = doc[start:end].root
    while start > 0 and doc[start - 1].head.i == root.i and doc[start - 1].dep_ in _MODIFIERS:
        start -= 1  # the whole noun phrase: "[fundraising] documents show"
    new = _range(doc, start, end)
    if new is None:
        return
    if "mention" in att.extra:
        att.extra["mention"] = new
        return
    att.source = new
    if att.source_head is None or not start <= att.source_head < end:
        att.source_head = doc[start:end].root.i


_CONTENT_POS = frozenset("NOUN PROPN PRON VERB AUX NUM ADJ".split())
# Subordinators of a clause that sets the scene ("When the reporters arrived, the minister said"): not what was said.
_SCENE = frozenset("when while after before because if as since although though until once whenever".split())


def _new_attribution(doc: Doc, text: str, cue: TagSpan, spans: list[TagSpan], sentence_of) -> Attribution | None:
    """An attribution for a cue span only the tagger found: it needs a content span in its sentence."""
    first, last = sentence_of(cue.start)
    inside = [s for s in spans if not s.claimed and s is not cue and first <= s.start < last]
    contents = [s for s in inside if s.role == CONTENT]
    if not contents:
        return None
    content = min(contents, key=lambda s: _gap(s, cue))
    content_range = _range(doc, content.start, content.end)
    if content_range is None or not _says_something(doc, cue, content):
        return None
    head = doc[cue.start:cue.end].root
    if head.lemma_.lower() in NOT_SAYING_LEMMAS or the_authors_aside(head) or a_plea(head, head.lemma_.lower()) \
            or cross_reference(head) or withheld(head, text[content_range[0]:content_range[1]]):
        return None
    # "A woman has been praised for …": who is praised does not speak, and nobody is named who did
    passive = any(c.dep_ == "nsubjpass" for c in head.children) and not any(c.dep_ == "agent" for c in head.children)
    sources = [] if passive else [s for s in inside if s.role == SOURCE and not _between(content, s, cue)]
    source = min(sources, key=lambda s: _gap(s, cue)) if sources else None
    source_range = _range(doc, source.start, source.end) if source is not None else None
    cue_range = _cue_range(doc, cue, content_range, source_range)
    if cue_range is None:
        return None
    att = Attribution(content=content_range, kind=_kind(text, content_range), cue=cue_range,
                      cue_lemma=head.lemma_.lower(), confidence=tagger_confidence(cue.probability))
    if source_range is not None:
        att.source, att.source_head = source_range, doc[source.start:source.end].root.i
        source.claimed = True
    cue.claimed = content.claimed = True
    att.venue, with_whom = venue_of(head)
    att.addressee = addressee_of(head, att.cue_lemma) or with_whom
    att.extra["tagger"] = True
    return att


def _says_something(doc: Doc, cue: TagSpan, content: TagSpan) -> bool:
    """A content of words (not a stray particle) that is not a scene-setting clause of the cue."""
    words = [t for t in doc[content.start:content.end] if t.pos_ in _CONTENT_POS]
    if not words:
        return False
    root = doc[content.start:content.end].root
    scene = root.dep_ == "advcl" and cue.start <= root.head.i < cue.end and any(
        c.dep_ == "mark" and c.lower_ in _SCENE or c.dep_ == "advmod" and c.lower_ in _SCENE for c in root.children)
    return not scene


def _kind(text: str, content: Range) -> str:
    body = text[content[0]:content[1]]
    if body[:1] in _QUOTES and body[-1:] in _QUOTES:
        return "direct"
    return "mixed" if any(c in _QUOTES for c in body) else "indirect"


def _gap(a: TagSpan, b: TagSpan) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _between(content: TagSpan, source: TagSpan, cue: TagSpan) -> bool:
    """The source lies beyond the content, on the far side from the cue."""
    return source.start >= content.end > cue.end or source.end <= content.start < cue.start


def _claim(spans: list[TagSpan], role: int, r: Range, token_at) -> tuple[int, int] | None:
    """The token range of the spans of ``role`` that overlap ``r``, which are marked claimed; ``None`` if none does."""
    found = _overlapping(spans, role, r, token_at)
    for span in found:
        span.claimed = True
    return (min(s.start for s in found), max(s.end for s in found)) if found else None


def _overlapping(spans: list[TagSpan], role: int, r: Range, token_at) -> list[TagSpan]:
    first, last = token_at(r[0]), token_at(r[1] - 1)
    return [s for s in spans if s.role == role and s.start <= last and first < s.end]


def _phrase(doc: Doc, r: Range, token_at):
    return doc[token_at(r[0]):token_at(r[1] - 1) + 1]


def _range(doc: Doc, start: int, end: int) -> Range | None:
    return trim(list(doc[start:end]))


def _sentence_index(doc: Doc):
    """``sentence_of(i)``: the token range ``[first, last)`` of the sentence holding token ``i`` (``Token.sent``
    builds every token of the document on each call)."""
    starts = np.nonzero(doc.to_array([SENT_START]).reshape(-1) == 1)[0]
    bounds = np.concatenate([[0], starts[starts > 0], [len(doc)]])

    def sentence_of(i: int) -> tuple[int, int]:
        k = int(np.searchsorted(bounds, i, side="right")) - 1
        return int(bounds[k]), int(bounds[k + 1])

    return sentence_of


def _token_index(doc: Doc):
    starts = doc.to_array([IDX]).reshape(-1).astype(np.int64)  # no Token objects built

    def token_at(offset: int) -> int:
        return max(0, int(np.searchsorted(starts, offset, side="right")) - 1)

    return token_at
