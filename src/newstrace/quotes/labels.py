"""Attributions marked by punctuation: "Label: content" (headlines, transcripts) and "“…” — Name"."""
from __future__ import annotations

import re

from newstrace.quotes.attribution import Attribution
from newstrace.quotes.cues import VENUE_NOUNS
from newstrace.quotes.marks import QUOTE_CHARS, Segment

_LABEL = re.compile(r"(?P<label>(?:Q|A|[A-Z][\w.'’&\-]*(?:[ \t]+[\w.'’&\-]+){0,4}))[ \t]*:[ \t]+(?P<rest>\S[^\n]*)")
# Headline and page labels that introduce no speaker.
_NOT_SPEAKERS = frozenset("""
note update updated editor's editors exclusive breaking watch video photo photos image analysis opinion editorial live
review interview transcript correction related read see also source photograph credit tags topics filed
warning caution disclaimer summary background context timeline explainer fact check factbox infographic
listen podcast subscribe share advertisement sponsored topic keywords posted published date by written latest
""".split())
_DASH_NAME = re.compile(r"[ \t]*(?:[—–―]|--?)[ \t]*(?P<name>[A-Z][\w.'’\-]*(?:[ \t,]+[\w.'’\-]+){0,7})[ \t]*(?=\n|$)")


def label_attributions(text: str, paragraph_starts: list[int]) -> list[Attribution]:
    """"Survey: Renters leave …", "Q: … / A: …", "SENATOR SMITH: …" at the start of a paragraph."""
    found = []
    for start in paragraph_starts:
        m = _LABEL.match(text, start)
        if m is None or not _is_speaker_label(m.group("label")):
            continue
        rest_start = m.start("rest")
        rest_end = _strip_end(text, rest_start, m.end("rest"))
        if len(text[rest_start:rest_end].split()) < 3:
            continue
        label = m.group("label")
        verbatim = label.isupper() or text[rest_start] in QUOTE_CHARS
        colon = text.index(":", m.end("label"))
        att = Attribution(content=(rest_start, rest_end), kind="direct" if verbatim else "indirect",
                          cue=(colon, colon + 1), cue_lemma=":", source=(m.start("label"), m.end("label")),
                          confidence=0.7)
        _split_label(label, m.start("label"), att)
        found.append(att)
    return found


def continued_turns(text: str, paragraph_starts: list[int], labels: list[Attribution]) -> list[Attribution]:
    """In a transcript (two or more capitalised labels: "THE PRESIDENT: …", "Q: …"), the paragraphs between one
    label and the next continue the earlier speaker's turn. After the last label nothing is continued: what
    follows may be the page's own text. Labels in title case ("Trump: “…”") are news copy, not a transcript."""
    turns = sorted((lab for lab in labels if lab.cue_lemma == ":" and lab.source is not None
                    and text[lab.source[0]:lab.source[1]].isupper()), key=lambda a: a.content[0])
    if len(turns) < 2:
        return []
    ends = paragraph_starts[1:] + [len(text)]
    found = []
    for turn, following in zip(turns, turns[1:]):
        for start, end in zip(paragraph_starts, ends):
            if start <= turn.content[0] or start >= following.content[0] or end > following.source[0] or any(
                    lab.source is not None and start <= lab.source[0] < end for lab in labels):
                continue
            end = _strip_end(text, start, end)
            while start < end and text[start].isspace():
                start += 1
            body = text[start:end]
            if len(body.split()) >= 3 and not (body[0] in "[(" and body[-1] in "])"):  # not "[PAUSE]", "(Applause.)"
                found.append(Attribution(content=(start, end), kind="direct", cue=turn.cue, cue_lemma=":",
                                         follows=turn, confidence=turn.confidence))
    return found


_LABEL_LINK = re.compile(r"[ \t]+(?P<prep>to|at|on|in)[ \t]+")


def _split_label(label: str, start: int, att: Attribution) -> None:
    """"Clinton to Planned Parenthood: …" names an addressee, "Mukasey at RNC: …" a venue, after the source."""
    m = _LABEL_LINK.search(label)
    if m is None:
        return
    after = (start + m.end(), start + len(label))
    att.source = (start, start + m.start())
    att.extra["linked"] = True  # kept only when the source part is a named entity (the caller checks)
    if m.group("prep") == "to":
        att.addressee = after
    else:
        att.venue = after


# Headline verbs in the third person ("Donald Trump Praises …", "Glenn Beck Blasts Drudge for …"): the tagger
# reads a title-case verb as part of a name, so the first line is matched as text.
_HEADLINE_VERBS = {"says": "say", "warns": "warn", "slams": "slam", "praises": "praise", "blasts": "blast",
                   "claims": "claim", "urges": "urge", "vows": "vow", "denies": "deny", "tells": "tell",
                   "calls": "call", "accuses": "accuse", "insists": "insist", "admits": "admit", "rejects": "reject",
                   "defends": "defend", "criticizes": "criticize", "criticises": "criticise", "predicts": "predict",
                   "pledges": "pledge", "promises": "promise", "threatens": "threaten", "endorses": "endorse",
                   "questions": "question", "mocks": "mock", "demands": "demand", "suggests": "suggest"}
_HEADLINE = re.compile(r"(?P<source>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,4}?)[ \t]+(?P<verb>"
                       + "|".join(v.capitalize() for v in _HEADLINE_VERBS) + r")[ \t]+(?P<rest>\S[^\n]*)")


def headline_attribution(text: str, paragraph_starts: list[int]) -> Attribution | None:
    """"Donald Trump Praises Reporter: …": a title-case first line whose verb is a headline verb of saying."""
    if not paragraph_starts:
        return None
    start = paragraph_starts[0]
    m = _HEADLINE.match(text, start)
    if m is None:
        return None
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if w.lower() not in ("a", "an", "the", "of", "to", "for",
                                                                                   "and", "in", "on", "at", "is")]
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return None  # not a title-case headline
    rest_start, rest_end = m.start("rest"), _strip_end(text, m.start("rest"), m.end("rest"))
    if len(text[rest_start:rest_end].split()) < 2:
        return None
    return Attribution(content=(rest_start, rest_end), cue=(m.start("verb"), m.end("verb")),
                       cue_lemma=_HEADLINE_VERBS[m.group("verb").lower()], source=(m.start("source"), m.end("source")),
                       confidence=0.6)


def dash_attribution(text: str, seg: Segment) -> Attribution | None:
    """A quotation followed by "— Name" at the end of its line."""
    m = _DASH_NAME.match(text, seg.end)
    if m is None or len(m.group("name")) > 80:
        return None
    dash = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
    return Attribution(content=(seg.start, seg.end), kind="direct", cue=(dash, dash + 1 if text[dash] != "-" else dash + 2),
                       cue_lemma="—", source=(m.start("name"), _strip_end(text, m.start("name"), m.end("name"))),
                       confidence=0.75)


def _is_speaker_label(label: str) -> bool:
    words = label.split()
    if label in ("Q", "A"):
        return True
    if words[0].lower().strip(".") in _NOT_SPEAKERS or any(w.lower() in _NOT_SPEAKERS for w in words[-1:]):
        return False
    m = _LABEL_LINK.search(label)
    if m is not None:  # "Clinton to Planned Parenthood", "Former AG Mukasey at RNC"
        after = label[m.end():].split()
        return m.start() > 0 and _is_speaker_label(label[:m.start()]) and all(w[0].isupper() for w in after)
    if len(words) > 1 and words[-1].lower() in VENUE_NOUNS:
        return False  # "WEEKLY ADDRESS: …", "Joint Statement: …" name an occasion, not who speaks
    # a name or a title: every word capitalised (or joining words)
    return all(w[0].isupper() or w.lower() in ("of", "the", "for", "and", "de", "van", "von") for w in words)


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    return end
