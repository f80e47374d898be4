"""Attach quotation-mark segments to cues: direct, mixed, split, continued and floating quotes."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from newstrace.quotes.attribution import Attribution
from newstrace.quotes.labels import dash_attribution
from newstrace.quotes.marks import PARAGRAPH_BREAK, Segment

_SENTENCE_END = re.compile(r"[.!?…][\"”’']*$")


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]


def link_segments(doc: Doc, text: str, segments: list[Segment], cues: list[Attribution]) -> list[Attribution]:
    """Merge quotation segments with cue attributions; returns the attributions that have content."""
    paras = paragraph_starts(text)
    # a quotation left open at a paragraph's end and continued by the next ("“…\n\n“…") is closed by convention:
    # the cues inside it are the speaker's own words, and it is not cut at them
    runs_on = {id(s) for s, nxt in zip(segments, segments[1:]) if not s.closed and nxt.continues}
    closed = [s for s in segments if s.closed or id(s) in runs_on]
    cues = [a for a in cues if not _inside_any(a.cue, closed)]
    out = [a for a in cues if a.content[0] >= 0]
    spare = [a for a in cues if a.content[0] < 0]
    by_segment: list[tuple[Segment, Attribution]] = []
    for seg in segments:
        seg = seg if seg.closed or id(seg) in runs_on else _cut_unclosed(text, seg, cues)
        att = (_absorb(seg, out, text) or _nearest_cue(doc, text, seg, spare, segments) or _colon_lead(doc, text, seg, spare)
               or dash_attribution(text, seg) or _floating(seg, by_segment, text, paras, out))
        if att is None:
            continue
        _source_outside(doc, text, seg, att)
        if not seg.closed:
            att.confidence = min(att.confidence, 0.6)  # best guess for an unbalanced mark
        if att not in out:
            out.append(att)
        by_segment.append((seg, att))
    return sorted(out, key=lambda a: a.content[0])


# "We thought …", "I believe …" inside an unclosed quote are the speaker's own words, not its attribution.
_SPEAKING_PERSON = frozenset("i we you me us".split())


def _cut_unclosed(text: str, seg: Segment, cues: list[Attribution]) -> Segment:
    """An unclosed quote that runs over its own attribution ("…, the mayor said. …") ends before it."""
    inside = [a for a in cues if a.cue and a.source and seg.start < a.cue[0] < seg.end and a.source[0] > seg.start
              and text[a.source[0]:a.source[1]].lower() not in _SPEAKING_PERSON]
    if not inside:
        return seg
    end = min(min(a.cue[0], a.source[0]) for a in inside)
    while end > seg.start + 1 and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
        end -= 1
    return Segment(seg.start, end, False, seg.continues, seg.single)


def _source_outside(doc: Doc, text: str, seg: Segment, att: Attribution) -> None:
    """A source the parser found inside the quotation is wrong: take the words between quote and cue instead."""
    if att.source is None or not (seg.start <= att.source[0] < seg.end):
        return
    att.source, att.source_head = None, None
    if att.cue is None or not seg.end <= att.cue[0] or att.cue[0] - seg.end > 200:
        return
    span = doc.char_span(seg.end, att.cue[0], alignment_mode="contract")
    words = [t for t in span] if span is not None else []
    while words and (words[0].is_punct or words[0].is_space):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].is_space):
        words = words[:-1]
    if words and (words[0].is_title or words[0].pos_ in ("PRON", "DET", "PROPN")):
        att.source = (words[0].idx, words[-1].idx + len(words[-1]))
        att.source_head = next((t.i for t in words if t.head.i < words[0].i or t.head.i > words[-1].i), words[0].i)


def _colon_lead(doc: Doc, text: str, seg: Segment, spare: list[Attribution]) -> Attribution | None:
    """"Cruz continued:" at the end of a paragraph (or before the quote): the clause before the colon introduces it.

    A spare cue in that clause is used; otherwise any verb with a subject that ends at the colon ("the headline
    reads:", "Owen Marsh echoed:"), at a lower confidence since its verb is not a known cue.
    """
    colon = len(text[:seg.start].rstrip())
    if colon == 0 or text[colon - 1] != ":" or seg.start - colon > 4:
        return None
    tok = doc.char_span(colon - 1, colon, alignment_mode="expand")
    if tok is None:
        return None
    sent = tok[0].sent
    inside = [a for a in spare if a.cue is not None and sent.start_char <= a.cue[0] < colon]
    if inside:
        att = max(inside, key=lambda a: a.cue[0])
        spare.remove(att)
        att.content, att.kind, att.confidence = (seg.start, seg.end), "direct", 0.85
        return att
    verb = tok[0].head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.pos_ != "VERB" or verb.lemma_ in ("be", "have", "do") or subject is None or verb.i >= tok[0].i or subject.lower_ in ("it", "there", "this", "here"):
        return None
    words = [t for t in subject.subtree if not t.is_punct]
    if not words:  # a subject of punctuation only (fuzzed input): no source to name
        return None
    end = verb.i
    while end + 1 < tok[0].i and verb.doc[end + 1].dep_ in ("prt", "advmod", "prep") and verb.doc[end + 1].head == verb:
        end += 1  # "went on", "shot back"
    cue_end = verb.doc[end].idx + len(verb.doc[end])
    return Attribution(content=(seg.start, seg.end), kind="direct", cue=(verb.idx, cue_end), cue_lemma=verb.lemma_.lower(),
                       source=(words[0].idx, words[-1].idx + len(words[-1])), source_head=subject.i, confidence=0.7)


def _inside_any(r: tuple[int, int] | None, segments: list[Segment]) -> bool:
    return r is not None and any(s.start < r[0] and r[1] < s.end for s in segments)


def _absorb(seg: Segment, atts: list[Attribution], text: str) -> Attribution | None:
    """A segment inside (or around) an attribution's content makes it direct or mixed."""
    for att in atts:
        c0, c1 = att.content
        if not att.overlaps(seg.start, seg.end) or att.cue and seg.start < att.cue[0] < seg.end:
            continue
        outside = text[min(c0, seg.start):seg.start] + text[seg.end:max(c1, seg.end)]
        if not re.search(r"\w", outside):
            att.content, att.kind = (seg.start, seg.end), "direct"
            att.confidence = max(att.confidence, 0.9)
        else:
            att.content = (min(c0, seg.start), max(c1, seg.end))
            att.kind = "mixed" if att.kind != "direct" else "direct"
        return att
    return None


def _nearest_cue(doc: Doc, text: str, seg: Segment, spare: list[Attribution],
                 segments: list[Segment]) -> Attribution | None:
    """A cue without a clause in the segment's sentences ("“…,” she said." / "She said: “…”").

    A cue that opens another quotation right after it ("On “Good Morning America”, he said, “I never …”") is
    left to that one.
    """
    first = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if first is None:
        return None
    window_start = first[0].sent.start_char
    last_sent = first[-1].sent
    window_end = last_sent.end_char
    if last_sent.end_char <= seg.end + 2 and last_sent.end < len(doc):
        # "“We will win,” he said." may be parsed as two sentences
        nxt = doc[last_sent.end].sent
        # never across a paragraph break: "…burned down.”\n\nYevhen Zosin, 74, said …" is the next speaker
        opens = (nxt.start_char - seg.end < 3 and not PARAGRAPH_BREAK.search(text[seg.end:nxt.start_char + 1])
                 and (not nxt.text[:1].isupper() or len(nxt) <= 12 or _opens_with_cue(doc, nxt, spare)))
        if opens:
            window_end = nxt.end_char
    best, best_gap = None, None
    for att in spare:
        if att.content[0] >= 0 or att.cue is None or not window_start <= att.cue[0] < window_end:
            continue
        if seg.start <= att.cue[0] < seg.end or _introduces_other(text, att, seg, segments):
            continue
        gap = seg.start - att.cue[1] if att.cue[1] <= seg.start else att.cue[0] - seg.end
        if best_gap is None or gap < best_gap:
            best, best_gap = att, gap
    if best is None:
        return None
    best.content, best.kind, best.confidence = (seg.start, seg.end), "direct", 0.9
    lead = _reported_lead(text, best, seg)
    if lead is not None:
        # "He described the city as “a place of straight talk”": the quote ends a reported clause
        best.content, best.kind = (lead, max(seg.end, _clause_end(text, seg, window_end))), "mixed"
    spare.remove(best)
    return best


def _introduces_other(text: str, att: Attribution, seg: Segment, segments: list[Segment]) -> bool:
    """Another quotation opens right after the cue (only spaces, commas or a colon between).

    Segments are in text order and each opens with its mark, so only the first one at or after the cue can be it."""
    at = bisect.bisect_left(segments, att.cue[1], key=lambda s: s.start)
    other = segments[at] if at < len(segments) else None
    return other is not None and other.start != seg.start and not text[att.cue[1]:other.start].strip(" ,:")


def _opens_with_cue(doc: Doc, sent, spare: list[Attribution]) -> bool:
    """"“…?” Trump said of Apple in February, when …": a long sentence that opens with its source and cue
    ("“…!” Murphy, the head of Right to Rise, tweeted on Friday …": the source may be long)."""
    limit = doc[min(sent.start + 6, sent.end - 1)].idx
    return any(a.cue is not None and a.content[0] < 0 and (sent.start_char <= a.cue[0] <= limit or a.source is not None
               and a.source[0] == sent.start_char and 0 <= a.cue[0] - a.source[1] <= 3) for a in spare)


_LEAD_GAP = 150


def _reported_lead(text: str, att: Attribution, seg: Segment) -> int | None:
    """Where the reported words start when a cue before the quote is followed by more than its own phrases.

    The cue's source, addressee and venue, a colon or a framing "that" between cue and quote leave it direct.
    """
    if att.cue is None or att.cue[1] > seg.start or seg.start - att.cue[1] > _LEAD_GAP:
        return None
    start = att.cue[1]
    for r in (att.source, att.addressee, att.venue):
        if r is not None and att.cue[1] <= r[0] and r[1] <= seg.start:
            start = max(start, r[1])
    gap = text[start:seg.start]
    if ":" in gap or re.search(r"[.!?]\s", gap):
        return None
    m = re.match(r"[\s,;—–-]*(?:that\b)?[\s,]*", gap, re.IGNORECASE)
    start += m.end()
    return start if re.search(r"\w", text[start:seg.start]) else None


def _clause_end(text: str, seg: Segment, window_end: int) -> int:
    """The end of the sentence after a quote, without its final full stop (the quote's own marks stay)."""
    end = window_end
    while end > seg.end and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    return end


def _previous_speaker(seg: Segment, linked: list[tuple[Segment, Attribution]],
                      found: list[Attribution]) -> tuple[int, Attribution] | None:
    """The last attribution with a speaker before ``seg``: a quotation's, or a reported clause's ("Ed Hirs said
    that …" before a paragraph that is one quotation), with where it starts."""
    options = [(s.start, a) for s, a in linked if a.source is not None or a.follows is not None]
    options += [(a.content[0], a) for a in found if a.source is not None and a.content[1] <= seg.start
                and a.kind != "direct" and a.cue_lemma not in _NOT_SPEAKING]
    return max(options, key=lambda o: o[0]) if options else None


# Reported clauses whose speaker a following quotation does not continue: questions, beliefs and plans.
_NOT_SPEAKING = frozenset("ask wonder think believe know feel fear hope expect want plan intend seek decide".split())


def _floating(seg: Segment, linked: list[tuple[Segment, Attribution]], text: str,
              paras: list[int], found: list[Attribution] = ()) -> Attribution | None:
    """A quote without a cue takes the previous speaker in the same or the adjacent paragraph."""
    inner = text[seg.start:seg.end]
    if not seg.continues and len(inner.split()) < 4 and not _SENTENCE_END.search(inner.rstrip()):
        return None  # a scare quote or a title, not a statement
    if not seg.continues and _title(text, seg):
        return None  # "the reality show “Cake Boss.”", "host of “The Nightly Show with Larry Wilmore.”"
    para = bisect.bisect_right(paras, seg.start) - 1
    prev = _previous_speaker(seg, linked, list(found))
    if prev is not None:
        prev_para = bisect.bisect_right(paras, prev[0]) - 1
        same = prev_para == para
        if seg.continues or same or para - prev_para == 1:
            leader = prev[1].follows or prev[1]
            att = Attribution(content=(seg.start, seg.end), kind="direct", cue=leader.cue, cue_lemma=leader.cue_lemma,
                              follows=leader, inferred=not (same or seg.continues),
                              confidence=0.8 if same or seg.continues else 0.6)
            return att
    return Attribution(content=(seg.start, seg.end), kind="direct", confidence=0.3)


_SMALL_WORDS = frozenset("a an the of and or for with in on at to by from".split())


def _title(text: str, seg: Segment) -> bool:
    """A short quotation in title case inside a running sentence: the name of a show, song or group."""
    words = re.findall(r"[\w’'-]+", text[seg.start:seg.end])
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not 1 <= len(words) <= 7 or not big or not all(w[0].isupper() or w[0].isdigit() for w in big):
        return False
    line_start = text.rfind("\n", 0, seg.start) + 1
    before = text[line_start:seg.start].rstrip()
    return bool(before) and not _SENTENCE_END.search(before[-2:]) and before[-1:] not in (":",)


def clip_to_paragraph(text: str, att: Attribution) -> None:
    """Keep spans inside one paragraph (a pipeline without paragraph-aware sentences may join them)."""
    anchor = att.cue[0] if att.cue else att.content[0]
    for name in ("source", "content", "venue", "addressee"):
        r = getattr(att, name)
        if r is None or not PARAGRAPH_BREAK.search(text, r[0], r[1]):
            continue
        pieces, pos = [], r[0]
        for m in PARAGRAPH_BREAK.finditer(text, r[0], r[1]):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, r[1]))
        best = min(pieces, key=lambda p: 0 if p[0] <= anchor <= p[1] else min(abs(anchor - p[0]), abs(anchor - p[1])))
        setattr(att, name, best)


def join_split_quotes(text: str, atts: list[Attribution]) -> list[Attribution]:
    """“A,” she said. “B.”: a quotation split by its cue, in one paragraph, is one attribution from A to B.

    A piece that only takes the speaker of the quote before it in the same paragraph (no cue of its own, not
    inferred) joins that quote; a piece with a cue of its own ("…,” he added, “…”) stays apart, and so does a
    quote continued in the next paragraph (one attribution per paragraph).
    """
    kept: list[Attribution] = []
    for att in atts:
        leader = att.follows
        if (leader is not None and not att.inferred and leader.kind == "direct" and att.kind == "direct"
                and leader in kept and leader.content[1] <= att.content[0]
                and "\n\n" not in text[leader.content[1]:att.content[0]]):
            leader.content = (leader.content[0], att.content[1])
            continue
        kept.append(att)
    return kept
